"""The engines the site builds on, one small adapter each (build_scripts/output/adapter.py names what an
adapter offers): where an engine writes its search index and sitemap and in what form, and how a macro
learns which page it is on. Nothing outside these modules touches an engine's internals (a test greps
for them)."""

from __future__ import annotations

from build_scripts.engines import mkdocs, zensical
from build_scripts.output.adapter import EngineAdapter

ENGINES: dict[str, EngineAdapter] = {module.NAME: module for module in (mkdocs, zensical)}


def adapter(name: str) -> EngineAdapter:
    return ENGINES[name]


def of_macros(env) -> EngineAdapter:
    """The adapter of the engine whose mkdocs-macros environment this is, by the package that made it."""
    host = type(env).__module__.split(".", 1)[0]
    found = [a for a in ENGINES.values() if a.MACROS_HOST == host]
    if not found:
        raise RuntimeError(f"the macros were loaded by {host}, which no adapter in build_scripts/engines/ names as its MACROS_HOST")
    return found[0]
