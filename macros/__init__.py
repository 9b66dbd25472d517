"""mkdocs-macros module: define_env registers the macros that hand-written pages call (generated item pages are written by build_scripts/pages.py with the same page functions)."""

from __future__ import annotations

from pathlib import Path

from macros.pages import activity as activity_page
from macros.pages import catalogue as catalogue_page
from macros.pages import compare as compare_view
from macros.pages import national_report
from macros.pages import open_data
from macros.pages import gap_map as gap_map_page
from macros.pages import municipality as municipalities
from macros.pages import plans as plan_section
from macros.pages import render
from macros.pages import study as studies
from macros.data.load import load_cached
from macros.data.settings import from_extra


def define_env(env):
    """Load and validate the data once, then expose one macro per page fragment."""
    catalogue = load_cached(Path(env.project_dir), from_extra(env.conf.get("extra")))

    def here() -> str:
        return env.page.url if env.page else ""

    by_path = {a.path: a for a in catalogue.activities.values()}

    def this_activity():
        # Activity pages call their macros without arguments; the page's own file names the activity.
        page = env.page.file.src_uri
        if page not in by_path:
            raise ValueError(f"{page}: activity_facts(), activity_evidence() og activity_sources() virker kun på en aktivitetsside i content/aktiviteter/.")
        return by_path[page]

    @env.macro
    def activity_facts() -> str:
        """Summary, themes, target groups, knowledge level and cost of this activity."""
        return activity_page.activity_facts(catalogue, this_activity(), here())

    @env.macro
    def activity_evidence() -> str:
        """This activity's results, grouped by outcome domain, with charts."""
        return activity_page.activity_evidence_section(catalogue, this_activity(), here())

    @env.macro
    def activity_sources() -> str:
        """This activity's sources and the evaluations behind its results."""
        return activity_page.activity_sources(catalogue, this_activity())

    @env.macro
    def activity_catalogue() -> str:
        """Every activity as a card, with filters."""
        return catalogue_page.catalogue_index(catalogue, here())

    @env.macro
    def gap_map() -> str:
        """Activities × outcome domains: results, strongest design and level; empty cells are gaps."""
        return gap_map_page.gap_map_table(catalogue, here())

    @env.macro
    def unlinked_results() -> str:
        """Results about helhedsplaner as a whole, outside the gap map."""
        return gap_map_page.unlinked_table(catalogue, here())

    @env.macro
    def knowledge_levels() -> str:
        """The knowledge-level scale with its rules."""
        return gap_map_page.knowledge_levels_table(catalogue)

    @env.macro
    def designs() -> str:
        """The study designs and the level each gives."""
        return gap_map_page.designs_table(catalogue)

    @env.macro
    def cost_levels() -> str:
        """What each cost level means."""
        return gap_map_page.cost_levels_table()

    @env.macro
    def area_index() -> str:
        """All areas with municipality and latest known list."""
        return render.area_index(catalogue, here())

    @env.macro
    def indicator_index() -> str:
        """All indicators."""
        return render.indicator_index(catalogue, here())

    @env.macro
    def study_index() -> str:
        """All evaluation studies."""
        return studies.study_index(catalogue, here())

    @env.macro
    def municipality_index() -> str:
        """All municipalities with areas on the site."""
        return municipalities.municipality_index(catalogue, here())

    @env.macro
    def list_counts() -> str:
        """Areas on each official list per year, chart with table and CSV."""
        return national_report.list_counts_section(catalogue, here())

    @env.macro
    def evidence_by_theme() -> str:
        """Core activities per theme and knowledge level, chart with table and CSV."""
        return national_report.evidence_section(catalogue, here())

    @env.macro
    def plans_overview() -> str:
        """Plans and goals per pool."""
        return national_report.plans_overview(catalogue)

    @env.macro
    def open_data_page() -> str:
        """Every data package with its resources, fields, licence, sources and downloads, and JSON-LD."""
        return open_data.data_page(catalogue, here(), env.conf.get("site_url") or "")

    @env.macro
    def compare() -> str:
        """Two to four areas and one indicator in one chart, chosen by the reader."""
        return compare_view.compare_view(catalogue, here())

    @env.macro
    def goal_status_summary() -> str:
        """How many goals across all plans have each status."""
        return plan_section.status_summary(catalogue, here())

    @env.macro
    def pools_table() -> str:
        """Landsbyggefonden's pools."""
        return render.pools_table(catalogue)

    @env.macro
    def count(kind: str) -> int:
        """How many areas, indicators, studies or activities there are, for the words on a page."""
        return len({"områder": catalogue.areas, "indikatorer": catalogue.indicators, "studier": catalogue.studies, "aktiviteter": catalogue.activities, "datapakker": catalogue.packages}[kind])
