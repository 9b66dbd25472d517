"""How sure a share is, from the number of people behind it: the Wilson score interval.

A share of n people (base_population) is a binomial proportion; the Wilson interval keeps its 95 %
coverage for small n and for shares near 0 or 100 %, where the textbook normal interval (p ± 1.96·se)
runs past the ends and is too narrow. The site's goal indicators are all such shares. A published
whole-area figure has no base in the data: it is treated as exact (no interval), and the page says so.
"""

from __future__ import annotations

from math import sqrt

Z = 1.959963984540054  # the normal quantile of a two-sided 95 % interval
MIN_BASE = 30  # fewer people than this (but at least the suppression threshold): too few to judge a goal by


def share_interval(value: float, base: int | None, unit: str) -> tuple[float, float] | tuple[None, None]:
    """The 95 % interval of a figure when it is a share of people (unit '%') with its base; (None, None) otherwise:
    a ratio or an average has no count in the data to build one from."""
    return wilson(value, base) if unit == "%" and base else (None, None)


def wilson(share: float, n: int, z: float = Z) -> tuple[float, float]:
    """The 95 % Wilson interval of a share given in per cent (0–100) of n people, in per cent."""
    p = min(max(share / 100, 0.0), 1.0)
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return 100 * max(0.0, centre - half), 100 * min(1.0, centre + half)
