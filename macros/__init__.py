"""mkdocs-macros module (run by MkDocs and by Zensical): the macros editorial pages call, one per page fragment.

Each macro returns Markdown (macros/pages/page.py: headings and raw HTML blocks), so its headings join
the page's table of contents. Generated pages (areas, indicators, …) are written by build_scripts/output
with the same page functions. The macros are called with the site's own delimiters, [[ … ]] (see
mkdocs.yml), so {{ … }} typed by an editor is shown as text.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.engines import page_source, link_origin
from macros.data.load import load_cached
from macros.data.problems import DataError
from macros.data.settings import from_config
from macros.pages import rating_history
from macros.pages import activity, catalogue as catalogue_page, compare, gap_map, guide, indexes, municipality, national_report, open_data, plans, study


def define_env(env):
    """Load and validate the data once (it is kept between pages), then register one macro per page fragment."""
    settings = from_config(env.conf)
    try:
        catalogue = load_cached(Path(env.project_dir), settings)
    except DataError:
        # Reported by the build before any page is rendered (build_scripts/engines/mkdocs_hook.py and
        # build_scripts/commands/build.py); `mkdocs serve` then shows the list instead of the site.
        catalogue = None

    def fragment(function):
        """A page fragment as a macro: called with the catalogue and the address its links are written from."""
        def call(*args) -> str:
            return "" if catalogue is None else str(function(catalogue, *args, link_origin(env.page)))
        return call

    def this_activity():
        """Activity pages call their macros without arguments; the page's own file names the activity."""
        source = page_source(env.page)
        found = next((a for a in catalogue.activities.values() if a.path == source), None)
        if found is None:
            raise ValueError(f"{source}: activity_facts(), activity_evidence() og activity_sources() virker kun på en aktivitetsside i content/aktiviteter/.")
        return found

    for name, function in {
        "activity_facts": lambda c, url: activity.activity_facts(c, this_activity(), url),
        "activity_evidence": lambda c, url: activity.activity_evidence_section(c, this_activity(), url),
        "activity_sources": lambda c, url: activity.activity_sources(c, this_activity(), url),
        "activity_catalogue": catalogue_page.catalogue_index,
        "cost_effect": catalogue_page.cost_effect_section,
        "rating_changes": rating_history.changes_page,
        "gap_map": gap_map.gap_map_table,
        "unlinked_results": gap_map.unlinked_table,
        "knowledge_levels": gap_map.knowledge_levels_table,
        "designs": gap_map.designs_table,
        "result_kinds": gap_map.kinds_table,
        "cost_levels": lambda c, url: gap_map.cost_levels_table(url),
        "area_index": indexes.area_index,
        "find_area": indexes.find_area,
        "indicator_index": indexes.indicator_index,
        "pools_table": indexes.pools_table,
        "known_plans": indexes.known_plans_table,
        "study_index": study.study_index,
        "municipality_index": municipality.municipality_index,
        "list_counts": national_report.list_counts_section,
        "evidence_by_theme": national_report.evidence_section,
        "plans_overview": national_report.plans_overview,
        "national_report_pdf": national_report.pdf_link,
        "goal_status_summary": plans.status_summary,
        "compare": compare.compare_view,
        "open_data_page": lambda c, url: open_data.data_page(c, url, settings.site_url),
        "data_columns": guide.columns,
        "import_targets": guide.import_targets,
    }.items():
        env.macro(fragment(function), name)

    @env.macro
    def count(kind: str) -> int:
        """How many areas, indicators, studies or activities there are, for the words on a page."""
        if catalogue is None:
            return 0
        return len({"områder": catalogue.areas, "indikatorer": catalogue.indicators, "studier": catalogue.studies,
                    "aktiviteter": catalogue.activities, "datapakker": catalogue.packages}[kind])

    env.variables["suppression_threshold"] = settings.suppression_threshold
