"""Every macro an editorial page may call, declared once: its name, its arguments, the kind of page it is
for, and the page fragment it writes. macros/__init__.py registers them with the engine from this
table, and the checks (macros/data/macro_calls.py) read every page's calls against it before a build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from macros.data.macro_calls import ACTIVITY, TABLES, MacroSpec, Param
from macros.pages import activity, compare, gap_map, guide, indexes, municipality, national_report, open_data, plans, rating_history, study
from macros.pages import catalogue as catalogue_page

# what count("…") may count, and which part of the catalogue each is
COUNTED = {"områder": "areas", "indikatorer": "indicators", "studier": "studies", "aktiviteter": "activities", "datapakker": "packages"}


@dataclass(frozen=True)
class Macro:
    spec: MacroSpec
    # (catalogue, context, *arguments) → a page fragment; context is the page's address, or for an
    # activity macro (the activity, the page's address); settings-dependent ones get the settings first
    render: Callable


def _fragment(name: str, function: Callable, *params: Param) -> Macro:
    return Macro(MacroSpec(name, params), lambda catalogue, url, settings, *args: function(catalogue, *args, url))


def _activity(name: str, function: Callable) -> Macro:
    return Macro(MacroSpec(name, scope=ACTIVITY), lambda catalogue, url, settings, found: function(catalogue, found, url))


MACROS: tuple[Macro, ...] = (
    _activity("activity_facts", activity.activity_facts),
    _activity("activity_evidence", activity.activity_evidence_section),
    _activity("activity_sources", activity.activity_sources),
    _fragment("activity_catalogue", catalogue_page.catalogue_index),
    _fragment("cost_effect", catalogue_page.cost_effect_section),
    _fragment("rating_changes", rating_history.changes_page),
    _fragment("gap_map", gap_map.gap_map_table),
    _fragment("unlinked_results", gap_map.unlinked_table),
    _fragment("knowledge_levels", gap_map.knowledge_levels_table),
    _fragment("designs", gap_map.designs_table),
    _fragment("result_kinds", gap_map.kinds_table),
    _fragment("cost_levels", lambda catalogue, url: gap_map.cost_levels_table(url)),
    _fragment("area_index", indexes.area_index),
    _fragment("find_area", indexes.find_area),
    _fragment("indicator_index", indexes.indicator_index),
    _fragment("pools_table", indexes.pools_table),
    _fragment("known_plans", indexes.known_plans_table),
    _fragment("study_index", study.study_index),
    _fragment("municipality_index", municipality.municipality_index),
    _fragment("list_counts", national_report.list_counts_section),
    _fragment("national_picture", national_report.national_picture),
    _fragment("evidence_by_theme", national_report.evidence_section),
    _fragment("plans_overview", national_report.plans_overview),
    _fragment("national_report_pdf", national_report.pdf_link),
    _fragment("goal_status_summary", plans.status_summary),
    _fragment("goal_status_example", plans.status_example),
    _fragment("compare", compare.compare_view),
    Macro(MacroSpec("open_data_page"), lambda catalogue, url, settings: open_data.data_page(catalogue, url, settings.site_url)),
    _fragment("data_columns", guide.columns, Param("tabel", "evaluations/studies", TABLES)),
    _fragment("import_targets", guide.import_targets),
    _fragment("macro_table", lambda catalogue, url: guide.macros_table(SPECS, catalogue, url)),
    Macro(MacroSpec("count", (Param("hvad", "områder", tuple(COUNTED)),)),
          lambda catalogue, url, settings, what: len(getattr(catalogue, COUNTED[what]))),
    Macro(MacroSpec("suppression_threshold", variable=True), lambda catalogue, url, settings: settings.suppression_threshold),
)
SPECS: tuple[MacroSpec, ...] = tuple(m.spec for m in MACROS)
