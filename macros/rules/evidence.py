"""Knowledge levels and the evidence gap map, computed from the evaluations package.

The rule (also stated, from the same data, on the method page): a set of results has the highest
level among the designs of the results whose kind counts (result_kinds.csv: an effect measurement
or a calculation, not a trend, a count, a context figure or a participants' own judgement); it has
level 4 when counting results at level 3 come from at least two different studies. No counting
result means level 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.model import Activity, Catalogue, Result
from macros.text.format import danish_key

COMPARISON_LEVEL = 3
STUDIES_FOR_TOP_LEVEL = 2


def counting(catalogue: Catalogue, results) -> list[Result]:
    """The results whose kind can raise a knowledge level."""
    return [r for r in results if catalogue.result_kinds[r.kind].counts]


def level_of(catalogue: Catalogue, results: tuple[Result, ...] | list[Result]) -> int:
    """The knowledge level a set of results supports, by the rule above."""
    results = counting(catalogue, results)
    levels = [catalogue.designs[r.design].level for r in results]
    if not levels:
        return 0
    top = max(levels)
    studies = {r.study_id for r in results if catalogue.designs[r.design].level >= COMPARISON_LEVEL}
    if len(studies) >= STUDIES_FOR_TOP_LEVEL:
        top = max(top, COMPARISON_LEVEL + 1)
    return top


def strongest_results(catalogue: Catalogue, results) -> tuple[str | None, tuple[Result, ...]]:
    """The direction of the counting results with a direction at the highest design level among them
    ('blandet' when they disagree, None without any), and those results."""
    found = [r for r in counting(catalogue, results) if r.direction]
    if not found:
        return None, ()
    top = max(catalogue.designs[r.design].level for r in found)
    strongest = tuple(r for r in found if catalogue.designs[r.design].level == top)
    directions = {r.direction for r in strongest}
    return (directions.pop() if len(directions) == 1 else "blandet"), strongest


def strongest_design(catalogue: Catalogue, results) -> str | None:
    """The design with the highest level among the counting results; ties go to the design listed first in designs.csv."""
    order = list(catalogue.designs)
    return min((r.design for r in counting(catalogue, results)), key=lambda d: (-catalogue.designs[d].level, order.index(d)), default=None)


@dataclass(frozen=True)
class Evidence:
    """An activity's level as shown: computed, or overridden by the editors with a reason."""

    level: int
    computed: int
    reason: str | None
    results: tuple[Result, ...]

    @property
    def overridden(self) -> bool:
        return self.reason is not None


def activity_evidence(catalogue: Catalogue, activity: Activity) -> Evidence:
    results = catalogue.activity_results.get(activity.slug, ())
    computed = level_of(catalogue, results)
    if activity.override_level is None:
        return Evidence(computed, computed, None, results)
    return Evidence(activity.override_level, computed, activity.override_reason, results)


@dataclass(frozen=True)
class Cell:
    activity: str
    domain: str
    results: tuple[Result, ...]
    level: int
    design: str | None


def gap_map(catalogue: Catalogue) -> list[tuple[Activity, list[Cell]]]:
    """One row per activity (alphabetical), one cell per outcome domain; empty cells are the gaps."""
    rows = []
    domains = outcome_domains(catalogue)
    for activity in sorted_activities(catalogue):
        results = catalogue.activity_results.get(activity.slug, ())
        cells = []
        for domain in domains:
            found = tuple(r for r in results if r.outcome_domain == domain)
            cells.append(Cell(activity.slug, domain, found, level_of(catalogue, found), strongest_design(catalogue, found)))
        rows.append((activity, cells))
    return rows


def outcome_domains(catalogue: Catalogue) -> tuple[str, ...]:
    """The outcome domains in the order the evaluations package lists them."""
    return catalogue.packages["evaluations"].enums["results.outcome_domain"]


def unlinked_results(catalogue: Catalogue) -> list[Result]:
    """Results about helhedsplaner as a whole or descriptive figures: in no activity's row."""
    return [r for results in catalogue.results.values() for r in results if r.result_id not in catalogue.result_activities]


def sorted_activities(catalogue: Catalogue) -> list[Activity]:
    return sorted(catalogue.activities.values(), key=lambda a: danish_key(a.title))
