"""The MkDocs hook (mkdocs.yml `hooks:`): runs the project's part of the build beside `mkdocs build` and `mkdocs serve`.

Zensical runs no hooks; build_scripts/commands/build.py does the same around it.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from build_scripts.engines import adapter
from build_scripts.output import lifecycle
from build_scripts.output.cache import pages_folder
from macros.data.problems import DataError, summary
from macros.data.settings import from_config
from macros.pages.registry import addresses
from macros.text.urls import source_path

# MkDocs calls a hook's functions one event at a time, so what one event starts and a later one ends
# (the generator, the published folder) must live between them: here, and only here.
_state: dict = {}


class _QuietLinks(logging.Filter):
    """MkDocs notes every link to a page it does not build; links to generated pages are meant (and checked after the build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "which is excluded from the built site" not in record.getMessage()


logging.getLogger("mkdocs.structure.pages").addFilter(_QuietLinks())


def on_startup(command, dirty):
    """Remember build or serve; date the sitemap by the last commit, so two builds of it are the same."""
    _state["command"] = command
    # MkDocs's sitemap reads the date from the environment only; the generator's process inherits it
    if "SOURCE_DATE_EPOCH" not in os.environ:
        commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=Path(__file__).parent, capture_output=True, text=True)
        if commit.returncode == 0 and commit.stdout.strip():
            os.environ["SOURCE_DATE_EPOCH"] = commit.stdout.strip()


@event_priority(100)  # before mkdocs-macros loads the data for the editorial pages
def on_config(config):
    """Stop on invalid data or content (serve shows the list instead); build into <site_dir>.partial; start the generator."""
    _stop()
    root = Path(config.config_file_path).parent
    _state.update(problems=None, final=None, catalogue=None, settings=None)
    final = Path(config["site_dir"]) if _state["command"] == "build" else None
    site = lifecycle.staging(final) if final else Path(config["site_dir"])
    try:
        _state["settings"] = settings = from_config(config)
        if final:
            lifecycle.discard(final)
        _state["catalogue"], _state["generator"] = lifecycle.begin(root, settings, adapter("mkdocs"), site, final)
    except DataError as error:
        if _state["command"] != "serve":
            raise PluginError(summary(error.problems)) from None
        _state["problems"] = summary(error.problems)
        # printed, not logged: in strict mode a logged error would stop `mkdocs serve` instead of showing the list
        print(_state["problems"], file=sys.stderr)
        return config
    if final:
        _state["final"], config["site_dir"] = str(final), str(site)
    return config


def on_files(files, config):
    """Markdown links to generated pages resolve: each is a page MkDocs knows of but does not build."""
    if _state["catalogue"] is not None and not _state["settings"].reference_build:
        for url in addresses(_state["catalogue"]):
            files.append(File.generated(config, source_path(url), content="", inclusion=InclusionLevel.EXCLUDED))
    return files


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    """Let the generator write the generated pages into MkDocs's output, then put the finished site in place."""
    site = Path(config["site_dir"])
    if _state["problems"]:
        _error_pages(site, _state["problems"])
        return
    generator, _state["generator"] = _state.pop("generator"), None
    failed = generator.finish()
    if failed:
        raise PluginError(failed)
    if _state["final"]:
        lifecycle.swap_in(site, Path(_state["final"]), pages_folder(Path(config.config_file_path).parent))
        config["site_dir"] = _state["final"]


def on_shutdown():
    if _state.get("command") == "build":  # `mkdocs serve` goes on building
        lifecycle.ending()


def on_build_error(error):
    """Stop the generator and throw the half-built folder away; the published site stays as it was."""
    _stop()
    if _state.get("final"):
        lifecycle.discard(Path(_state["final"]))


def _stop() -> None:
    generator = _state.get("generator")
    if generator is not None:
        generator.stop()
    _state["generator"] = None


def _error_pages(site: Path, problems: str) -> None:
    """During `mkdocs serve`: every page shows the list of problems; the next build after a fix shows the site again."""
    page = (
        '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Data eller indhold er ugyldigt</title></head>'
        '<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem">'
        f'<h1>Siden kan ikke bygges</h1><pre style="white-space:pre-wrap">{escape(problems)}</pre>'
        "<p>Ret filerne og gem dem; siden opdaterer sig selv.</p></body></html>"
    )
    for path in list(site.rglob("*.html")) or [site / "index.html"]:
        path.write_text(page, encoding="utf-8")
