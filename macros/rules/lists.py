"""What counts as an official list, and which list thresholds were in force when: each rule once."""

from __future__ import annotations

from typing import Iterable, TypeVar

from macros.data.model import Catalogue, Criterion

RECOUNT = "genberegning"  # a recount under new criteria (as in May 2018): not a list the ministry published
ALL_LISTS = "alle lister"  # a rule that applies to every list (such as how criteria combine), not one list's own threshold

Row = TypeVar("Row")


def published_lists(rows: Iterable[Row]) -> list[Row]:
    """The designations or list counts of published lists, without recounts."""
    return [r for r in rows if r.basis != RECOUNT]


def in_force(criterion: Criterion, first: int, last: int | None = None) -> bool:
    """Whether the criterion applied in any year from first to last (in the year first, without last)."""
    last = first if last is None else last
    return criterion.valid_from <= last and (criterion.valid_to is None or criterion.valid_to >= first)


def list_thresholds(catalogue: Catalogue, indicator_id: str) -> list[Criterion]:
    """The indicator's thresholds on each list, in every year they applied."""
    return [c for c in catalogue.thresholds(indicator_id) if c.list_type != ALL_LISTS]
