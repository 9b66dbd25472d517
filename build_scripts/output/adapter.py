"""What the build needs of an engine, as one interface: each engine's adapter (build_scripts/engines/) is a
module with these names, chosen by the engine's name (build_scripts/engines/__init__.py), never guessed."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable


@runtime_checkable
class EngineAdapter(Protocol):
    NAME: str  # as --engine names it
    MACROS_HOST: str  # the package whose environment calls the macros module's define_env
    # whether a macro's unsearchable blocks may skip the engine and be put back into the page it wrote
    # (build_scripts/output/asides.py): only where the engine leaves a macro's links as written
    SETS_ASIDE: bool

    def link_origin(self, page) -> str:
        """The address a macro's links are written relative to, on the page the engine is rendering."""

    def page_source(self, page) -> str:
        """The page's Markdown file, relative to content/ ('aktiviteter/fritidsjob.md')."""

    def script_styles(self, site: Path) -> list[str]:
        """The <style> texts the theme's scripts insert, which each page's policy allows by hash."""

    def read_search(self, site: Path) -> tuple[dict, list[dict]]:
        """The search index and its entries."""

    def write_search(self, site: Path, data: dict, entries: list[dict]) -> None: ...

    def search_entry(self, location: str, title: str, text: str) -> dict: ...

    def add_words(self, entry: dict, words: list[str]) -> None:
        """Words the search finds but never shows."""

    def write_sitemap(self, site: Path, entries: list[tuple[str, str | None]]) -> None:
        """(address, last modified) of every page, in the engine's own form."""
