"""How far an area's latest figure is from each list threshold in force, which way it has moved, and when a
straight line through its recent figures would cross the threshold, if the figures allow saying so.

A projection is only made from at least three figures, and only when the line's slope is clearly
different from flat: more than twice its standard error. Its range is where the lines with the slope
one standard error steeper and flatter cross; a range reaching beyond the horizon is not a projection.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from macros.data.model import Catalogue, Indicator
from macros.rules.list_timeline import OPERATORS, thresholds_of

WINDOW = 5  # the most recent years a trend is read from
MIN_POINTS = 3
HORIZON = 15  # years ahead a crossing is still named


@dataclass(frozen=True)
class Distance:
    indicator: Indicator
    year: int
    value: float
    threshold: float
    operator: str
    lists: tuple[str, ...]
    meets: bool
    first_year: int  # of the trend window
    points: int  # figures in the trend window
    slope: float | None  # per year; None with fewer than two figures
    crossing: tuple[int, int, int] | None  # (likely, earliest, latest) year, or None
    uncertain: bool  # a trend too unsteady to project (three or more figures, slope not clearly apart from flat)


def _fit(points: list[tuple[int, float]]) -> tuple[float, float, float | None]:
    """Least-squares line: intercept, slope and the slope's standard error (None from two points)."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx
    intercept = my - slope * mx
    if n < 3:
        return intercept, slope, None
    sse = sum((y - intercept - slope * x) ** 2 for x, y in points)
    return intercept, slope, (sse / (n - 2) / sxx) ** 0.5


def _crosses(intercept_at_mean: tuple[float, float], slope: float, threshold: float, after: int) -> float | None:
    mean_x, mean_y = intercept_at_mean
    if slope == 0:
        return None
    x = mean_x + (threshold - mean_y) / slope
    return x if after < x <= after + HORIZON else None


def distances(catalogue: Catalogue, area_id: str) -> list[Distance]:
    """One per indicator with a measurable list threshold in force in the year of the area's latest figure."""
    found = []
    for ind in catalogue.indicators.values():
        series = catalogue.figures(area_id, ind.indicator_id)
        if not series or ind.ended:
            continue
        latest = series[-1]
        recent = [(o.year, o.value) for o in series if o.year > latest.year - WINDOW]
        for op, threshold, lists in thresholds_of(catalogue, ind.indicator_id, latest.year):
            slope = crossing = None
            uncertain = False
            if len(recent) >= 2:
                intercept, slope, error = _fit(recent)
                if error is not None and slope != 0:
                    uncertain = abs(slope) <= 2 * error
                    mean_x = sum(x for x, _ in recent) / len(recent)
                    at_mean = (mean_x, intercept + slope * mean_x)
                    likely = _crosses(at_mean, slope, threshold, latest.year)
                    ends = [_crosses(at_mean, s, threshold, latest.year) for s in (slope - error, slope + error)]
                    if not uncertain and likely is not None and None not in ends:
                        # the first whole year at or after the crossing: never the latest figure's own year
                        crossing = (math.ceil(likely), math.ceil(min(ends)), math.ceil(max(ends)))
            found.append(Distance(ind, latest.year, latest.value, threshold, op, tuple(lists), OPERATORS[op](latest.value, threshold),
                                  recent[0][0], len(recent), slope, crossing, uncertain))
    return found


def toward(d: Distance) -> bool:
    """Whether the figure moves towards the threshold."""
    return d.slope is not None and d.slope != 0 and (d.slope < 0) == (d.value > d.threshold)
