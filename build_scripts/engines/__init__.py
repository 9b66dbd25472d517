"""The engines the site builds on, one small adapter each: where an engine writes its search index and
sitemap and in what form, and how a macro learns which page it is on. Nothing outside these modules
touches an engine's internals (a test greps for them)."""

from __future__ import annotations

from types import ModuleType

from build_scripts.engines import mkdocs, zensical

ENGINES = {"mkdocs": mkdocs, "zensical": zensical}


def adapter(name: str) -> ModuleType:
    return ENGINES[name]


def _of_page(page) -> ModuleType:
    return mkdocs if mkdocs.is_page(page) else zensical


def link_origin(page) -> str:
    """The address a macro's links are written relative to, on the page the engine is rendering."""
    return _of_page(page).link_origin(page)


def page_source(page) -> str:
    """The page's Markdown file, relative to content/ ('aktiviteter/fritidsjob.md')."""
    return _of_page(page).page_source(page)
