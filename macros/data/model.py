"""The typed, read-only model every page and chart is made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Mapping, NamedTuple

from macros.data.settings import Settings


@dataclass(frozen=True)
class Area:
    area_id: str
    name: str
    municipality: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Designation:
    area_id: str
    year: int
    list_type: str
    status: str
    basis: str
    source: str | None
    source_note: str | None
    note: str | None


@dataclass(frozen=True)
class ListCount:
    year: int
    list_type: str
    count: int
    basis: str
    source: str
    note: str | None


@dataclass(frozen=True)
class Criterion:
    criterion_id: str
    regime: str
    valid_from: int
    valid_to: int | None
    list_type: str
    criterion: str
    indicator_id: str | None
    definition: str
    operator: str | None
    threshold: float | None
    unit: str | None
    measurement_period: str | None
    combination_rule: str | None
    source: str
    note: str | None


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    name: str
    unit: str
    direction: str
    definition: str
    base_population: str
    list_criterion: bool
    source: str
    source_note: str | None
    replaced_by: str | None = None  # the series that continues this one after the lists changed how it is counted

    @property
    def ended(self) -> bool:
        """A series the lists stopped counting this way (to 2017): history, never an area's state today, so the
        summary chart, the outlook, where the figures stand out and similar areas leave it out."""
        return bool(self.replaced_by)


class Observation(NamedTuple):
    """One figure; when it rests on too few people, value and base_population are None and suppressed is True."""

    # A NamedTuple, not a frozen dataclass: a national build makes over a million of these, three times faster.

    year: int
    value: float | None
    base_population: int | None = None
    suppressed: bool = False
    official: bool = False  # a published figure (indicators/published_values.csv), not an illustrative one


class Published(NamedTuple):
    """Where a published figure comes from; inferred says what of it the source does not say itself."""

    source: str
    note: str | None
    inferred: str | None = None  # None, "år" (the list year is inferred) or "område" (which area is meant)


@dataclass(frozen=True)
class Study:
    study_id: str
    title: str
    year: int | None
    evaluator: str
    pool: str | None
    population: str | None
    url: str
    note: str | None


@dataclass(frozen=True)
class Result:
    result_id: str
    study_id: str
    intervention: str
    outcome: str
    outcome_domain: str
    treated_value: float | None
    comparison_value: float | None
    unit: str | None
    effect: str
    comparison: str | None
    design: str
    caveat: str | None
    source: str
    kind: str
    direction: str | None


@dataclass(frozen=True)
class ResultKind:
    """What sort of finding a result is; only kinds that count can raise a knowledge level."""

    kind: str
    counts: bool
    description: str


@dataclass(frozen=True)
class Design:
    design: str
    level: int
    description: str


@dataclass(frozen=True)
class KnowledgeLevel:
    level: int
    name: str
    rule: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Activity:
    """A core activity from content/aktiviteter/<slug>.md; its evidence comes from the evaluations package."""

    slug: str
    title: str
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    summary: str
    cost_level: str
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    override_level: int | None
    override_reason: str | None
    path: str  # relative to the content folder, as MkDocs names the page


@dataclass(frozen=True)
class KnownPlan:
    """A real helhedsplan as a public source describes it (texts as published; no budgets in kroner were found)."""

    plan_id: str
    name: str
    areas: str
    area_ids: tuple[str, ...]
    municipality: str
    period: str
    funding: str
    operator: str
    goals: str
    source: str


@dataclass(frozen=True)
class Pool:
    pool_id: str
    pool: str
    item: str
    value: float | None
    value_text: str | None
    unit: str | None
    helhedsplaner: int | None
    source: str
    note: str | None


@dataclass(frozen=True)
class Goal:
    goal_id: str
    plan_id: str
    indicator_id: str
    baseline_year: int
    baseline_value: float
    target_year: int
    target_value: float
    description: str


@dataclass(frozen=True)
class Plan:
    plan_id: str
    name: str
    pool: str
    start_year: int
    end_year: int
    lbf_grant: int | None
    total_budget: int | None
    areas: tuple[str, ...] = ()
    goals: tuple[Goal, ...] = ()
    activities: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldInfo:
    name: str
    type: str
    title: str
    description: str
    constraints: Mapping[str, object] = field(default_factory=lambda: frozen({}))  # as the Table Schema states them


@dataclass(frozen=True)
class ResourceInfo:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[FieldInfo, ...]
    rows: int


@dataclass(frozen=True)
class PackageInfo:
    """What a page needs to say about a data package: its title, licence, sources and resources."""

    name: str
    title: str
    description: str
    licence: str
    sources: tuple[tuple[str, str], ...]
    illustrative_resources: tuple[str, ...]  # in the descriptor's order (a set would hash differently in every process)
    enums: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: frozen({}))  # "resource.field" → allowed values
    resources: tuple[ResourceInfo, ...] = ()
    licence_url: str = ""
    version: str = ""
    updated: str | None = None  # date of the package folder's last commit


def frozen(mapping: dict) -> Mapping:
    """A read-only view, so pages cannot change the model they are made from."""
    return MappingProxyType(mapping)


@dataclass(frozen=True)
class Catalogue:
    """Everything the site shows, indexed the way pages look it up."""

    areas: Mapping[str, Area]
    designations: Mapping[str, tuple[Designation, ...]]
    criteria: tuple[Criterion, ...]
    indicators: Mapping[str, Indicator]
    observations: Mapping[tuple[str, str], tuple[Observation, ...]]
    national: Mapping[str, tuple[Observation, ...]]
    studies: Mapping[str, Study]
    results: Mapping[str, tuple[Result, ...]]
    pools: tuple[Pool, ...]
    packages: Mapping[str, PackageInfo] = field(default_factory=lambda: frozen({}))
    activities: Mapping[str, Activity] = field(default_factory=lambda: frozen({}))
    designs: Mapping[str, Design] = field(default_factory=lambda: frozen({}))
    knowledge_levels: Mapping[int, KnowledgeLevel] = field(default_factory=lambda: frozen({}))
    activity_results: Mapping[str, tuple[Result, ...]] = field(default_factory=lambda: frozen({}))
    result_activities: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: frozen({}))
    suppression_threshold: int = Settings.suppression_threshold
    plans: Mapping[str, Plan] = field(default_factory=lambda: frozen({}))
    area_plans: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: frozen({}))
    list_counts: tuple[ListCount, ...] = ()
    result_kinds: Mapping[str, ResultKind] = field(default_factory=lambda: frozen({}))
    located_studies: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: frozen({}))  # activity → studies found without public figures
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of words the search treats as one
    indicator_domains: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: frozen({}))  # indicator → outcome domains
    rating_history: tuple = ()  # RatingChange records from git, oldest first; read by the macros, which show them (macros/__init__.py)
    published: Mapping[tuple[str, str, int], Published] = field(default_factory=lambda: frozen({}))  # (area, indicator, year) → where it is from
    known_plans: tuple[KnownPlan, ...] = ()
    prints_reports: bool = True  # every board's report is printed to PDF (Settings.report_limit): as many boards as that or fewer

    @cached_property
    def similar(self):
        """The areas most alike on the list criteria (macros/data/similar.py), computed once per catalogue."""
        from macros.data.similar import similar_areas

        return similar_areas(self.areas, self.indicators, self.observations)

    @cached_property
    def data_year(self) -> int:
        """The latest year any area has a figure for (read once per build, shown on every area page and its printed report)."""
        return max((series[-1].year for series in self.observations.values() if series), default=0)

    def figures(self, area_id: str, indicator_id: str) -> list[Observation]:
        """The area's figures for the indicator that may be shown, oldest first: suppressed ones left out."""
        return [o for o in self.observations.get((area_id, indicator_id), ()) if not o.suppressed]

    def plans_of(self, area_id: str) -> tuple[Plan, ...]:
        return tuple(self.plans[p] for p in self.area_plans.get(area_id, ()))

    def has_board(self, area_id: str) -> bool:
        """An area with a helhedsplan has a boligsocial bestyrelse, and so a printed status report to it."""
        return bool(self.area_plans.get(area_id))

    def has_report(self, area_id: str) -> bool:
        """The area's board has its status report as a PDF in the site (printed by build_scripts/commands/reports.py)."""
        return self.prints_reports and self.has_board(area_id)

    def is_illustrative(self, package: str, resource: str) -> bool:
        info = self.packages.get(package)
        return bool(info and resource in info.illustrative_resources)

    def thresholds(self, indicator_id: str) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.indicator_id == indicator_id and c.threshold is not None)


# What each derived property of the catalogue reads: a page kind that reads the property must declare
# these (macros/data/view.py), and an area's task is keyed by its own slice of it (build_scripts/output/cache.py).
DERIVED = {"data_year": frozenset({"observations"}), "similar": frozenset({"areas", "indicators", "observations"})}

# The data package each catalogue field is read from (macros/data/load.py build()); a page's data date is the
# newest of the packages of the fields its kind reads (macros/pages/registry.py). Activities come from content/,
# the threshold from the settings and the rating history from git: no package.
FIELD_PACKAGES = {
    **dict.fromkeys(("areas", "designations", "criteria", "list_counts"), "areas"),
    **dict.fromkeys(("indicators", "observations", "national", "published", "indicator_domains"), "indicators"),
    **dict.fromkeys(("studies", "results", "designs", "knowledge_levels", "activity_results", "result_activities", "result_kinds",
                     "located_studies"), "evaluations"),
    **dict.fromkeys(("pools", "known_plans"), "pools"),
    **dict.fromkeys(("plans", "area_plans", "prints_reports"), "plans"),
    "synonyms": "search",
    **dict.fromkeys(("packages", "activities", "suppression_threshold", "rating_history"), None),
}


def packages_read(reads: frozenset[str]) -> tuple[str, ...]:
    """The data packages the given catalogue fields come from, sorted."""
    return tuple(sorted({FIELD_PACKAGES.get(f) for f in reads} - {None}))  # a derived property's inputs are declared beside it
