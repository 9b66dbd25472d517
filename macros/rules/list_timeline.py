"""Which measurable list criteria an area met each year, under the criteria in force that year."""

from __future__ import annotations

import operator

from macros.data.model import Catalogue, Criterion
from macros.rules.lists import ALL_LISTS, in_force

OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


def measurable(catalogue: Catalogue, year: int) -> list[Criterion]:
    """Criteria in force in the year that name an indicator, an operator and a threshold."""
    return [
        c for c in catalogue.criteria
        if c.indicator_id and c.operator in OPERATORS and c.threshold is not None and c.list_type != ALL_LISTS and in_force(c, year)
    ]


def thresholds_of(catalogue: Catalogue, indicator_id: str, year: int) -> list[tuple[str, float, tuple[str, ...]]]:
    """The indicator's measurable thresholds in force in the year, lowest first, each with the lists it is the limit of:
    [('>', 30.0, ('forebyggelsesområde',)), ('>', 40.0, ('udsat boligområde',))]."""
    grouped: dict[tuple[str, float], list[str]] = {}
    for c in measurable(catalogue, year):
        if c.indicator_id == indicator_id:
            grouped.setdefault((c.operator, c.threshold), []).append(c.list_type)
    return [(op, threshold, tuple(lists)) for (op, threshold), lists in sorted(grouped.items(), key=lambda item: item[0][1])]


def met_by(figure, criterion: Criterion) -> bool | None:
    """True or False by the figure (an Observation); None without one, or when it is suppressed."""
    if figure is None or figure.suppressed:
        return None
    return OPERATORS[criterion.operator](figure.value, criterion.threshold)
