"""The macros editorial pages call, one per page fragment, registered on an mkdocs-macros environment.

The module mkdocs-macros loads (MkDocs and Zensical alike) is build_scripts/engines/macros_module.py: it
hands register() the engine adapter's way of reading the page being rendered, so the site's code never
imports the build's (a layer contract in pyproject.toml).

Each macro returns Markdown (macros/pages/page.py: headings and raw HTML blocks), so its headings join
the page's table of contents. Generated pages (areas, indicators, …) are written by build_scripts/output
with the same page functions. The macros are called with the site's own delimiters, [[ … ]] (see
mkdocs.yml), so {{ … }} typed by an editor is shown as text. Which macros exist, with their arguments,
is declared once in macros/pages/editorial.py; the checks read every page's calls against it first.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from macros.data.load import load_cached
from macros.data.macro_calls import ACTIVITY
from macros.data.problems import DataError
from macros.data.settings import from_config
from macros.pages.editorial import MACROS, SPECS
from macros.pages.page import Body
from macros.rules.rating_history import history


def register(env, link_origin: Callable[[object], str], page_source: Callable[[object], str], set_aside: Callable[[str], str] | None) -> None:
    """Load and validate the data once (it is kept between pages), then register every declared macro on env.
    link_origin(page) and page_source(page) read the page the engine is rendering (its adapter knows how);
    set_aside(html), where the engine allows it, keeps an unsearchable block from the engine and returns its
    placeholder (macros/pages/page.py)."""
    settings = from_config(env.conf)
    root = Path(env.project_dir)
    try:
        # the rating history is read from git here, where the activity pages show it, and again after each commit in serve
        catalogue = replace(load_cached(root, settings, SPECS), rating_history=history(root))
    except DataError:
        # Reported by the build before any page is rendered (build_scripts/engines/mkdocs_hook.py and
        # build_scripts/commands/build.py); `mkdocs serve` then shows the list instead of the site.
        catalogue = None

    def this_activity():
        """Activity pages call their macros without arguments; the page's own file names the activity."""
        source = page_source(env.page)
        found = next((a for a in catalogue.activities.values() if a.path == source), None)
        if found is None:  # the checks refuse such a call before a build; this guards `mkdocs serve` between saves
            raise ValueError(f"{source}: activity_facts(), activity_evidence() og activity_sources() virker kun på en aktivitetsside i content/aktiviteter/.")
        return found

    def register(macro):
        def call(*args):
            if catalogue is None:
                return ""
            context = (this_activity(),) if macro.spec.scope == ACTIVITY else ()
            result = macro.render(catalogue, link_origin(env.page), settings, *args, *context)
            if isinstance(result, Body):
                return result.markdown(set_aside)
            return result if isinstance(result, int) else str(result)
        return call

    for macro in MACROS:
        if macro.spec.variable:
            env.variables[macro.spec.name] = macro.render(catalogue, "", settings)
        else:
            env.macro(register(macro), macro.spec.name)
