"""The privacy rule, once: a figure about fewer people than the suppression threshold is never published.

The model applies it to every observation as it is built (load.py), so no page, chart or search index
sees the value; open data applies it to the committed CSVs it publishes byte for byte (macros/pages/open_data.py).
"""

from __future__ import annotations


def too_few(base_population: int | None, threshold: int) -> bool:
    """Whether a figure about base_population people must be suppressed (an unknown base is not suppressed: the
    packages give none only for figures that are not about people counted, such as a published whole-area share)."""
    return base_population is not None and base_population < threshold
