"""mkdocs-macros module: define_env registers the macros that pages call, nothing else."""

from __future__ import annotations

from pathlib import Path

from macros import render
from macros.data import load_cached


def define_env(env):
    """Load and validate the data once, then expose one macro per page fragment."""
    catalogue = load_cached(Path(env.project_dir))

    def here() -> str:
        return env.page.url if env.page else ""

    @env.macro
    def area_page(area_id: str) -> str:
        """The fact page of one area."""
        return render.area_page(catalogue, area_id, here())

    @env.macro
    def area_index() -> str:
        """All areas with municipality and latest known list."""
        return render.area_index(catalogue, here())

    @env.macro
    def indicator_page(indicator_id: str) -> str:
        """The fact page of one indicator."""
        return render.indicator_page(catalogue, indicator_id, here())

    @env.macro
    def indicator_index() -> str:
        """All indicators."""
        return render.indicator_index(catalogue, here())

    @env.macro
    def study_page(study_id: str) -> str:
        """The page of one evaluation study."""
        return render.study_page(catalogue, study_id, here())

    @env.macro
    def study_index() -> str:
        """All evaluation studies."""
        return render.study_index(catalogue, here())

    @env.macro
    def pools_table() -> str:
        """Landsbyggefonden's pools."""
        return render.pools_table(catalogue)

    @env.macro
    def count(kind: str) -> int:
        """How many areas, indicators or studies there are, for the words on a page."""
        return len({"områder": catalogue.areas, "indikatorer": catalogue.indicators, "studier": catalogue.studies}[kind])
