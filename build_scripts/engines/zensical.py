"""Zensical: its search index, its sitemap, and its pages as its macros extension hands them over.

Zensical runs no hooks; `python -m build_scripts.commands.build --engine zensical` runs `zensical build`
(build() below) and then the project's writer.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import re
import signal
import sys
import traceback
from pathlib import Path

NAME = "zensical"
MACROS_HOST = "zensical"  # its macros environment's package
# it rewrites the links of a macro's HTML for the page's address (link_origin), which a block put back after it
# has written the page would miss; and `zensical serve` runs no generator to put blocks back
SETS_ASIDE = False
SEARCH_INDEX = Path("search.json")


def build(config: Path, folder: Path) -> int:
    """`zensical build --clean -f config` run in `folder` by its own command line, in a process forked from this one:
    its macros then find the catalogue this process has checked (macros.data.load.load_cached) in the memory they
    share, instead of loading and checking every package again (3 s of CPU at 10,000 areas, beside the generator).
    Returns its exit status; if this process is interrupted while it runs, it is killed first."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid == 0:
        _run_forked(config, folder)  # never returns
    try:
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise


def _run_forked(config: Path, folder: Path) -> None:
    """The forked process: Zensical's command, then out by os._exit whatever happens, so it never returns into the
    build's own code (its clean-up belongs to the process that forked it)."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # as a new process would: no pipe of the build's stays open in it
        # streams on the standard descriptors themselves: the build's may have been others (a test's capture), now closed
        sys.stdout, sys.stderr = open(1, "w", closefd=False, encoding="utf-8"), open(2, "w", closefd=False, encoding="utf-8")
        os.chdir(folder)
        from zensical.main import cli
        cli.main(["build", "--clean", "-f", str(config)], prog_name="zensical")
        status = 0
    except SystemExit as done:
        code = 0 if done.code is None else done.code
        status = code if isinstance(code, int) and 0 <= code <= 255 else 1
        if not isinstance(code, int):
            print(code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
        finally:
            os._exit(status)


def link_origin(page) -> str:
    """Zensical reads every relative link in a page's HTML as relative to its Markdown file's folder
    (and rewrites it for the page's address), so links are written from that folder."""
    folder = posixpath.dirname(page.path)
    return f"{folder}/" if folder else ""


def page_source(page) -> str:
    return page.path


# the search box's stylesheet: a string in the theme's bundle, appended to its shadow root as <style>
_STYLE_USE = re.compile(r'\("style",\{\},(\w+)\.toString\(\)\)')


def script_styles(site: Path) -> list[str]:
    """The stylesheets Zensical's own script inserts as <style> elements, which each page's policy allows
    by hash (build_scripts/output/csp.py); a change in the bundle that hides one stops the build."""
    found = []
    for bundle in sorted((site / "assets" / "javascripts").glob("bundle.*.js")):
        text = bundle.read_text(encoding="utf-8")
        for name in _STYLE_USE.findall(text):
            literal = re.search(rf"\b{name}='([^'\\]*)'", text)
            if literal is None:
                raise RuntimeError(f"{bundle.name}: Zensical's stylesheet {name} is no longer a plain string; update script_styles")
            found.append(literal.group(1))
    return found


def read_search(site: Path) -> tuple[dict, list[dict]]:
    data = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    return data, data["items"]


def write_search(site: Path, data: dict, entries: list[dict]) -> None:
    data["items"] = entries
    (site / SEARCH_INDEX).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_entry(location: str, title: str, text: str) -> dict:
    return {"location": location, "level": 1, "title": title, "text": text, "path": [], "tags": []}


def add_words(entry: dict, words: list[str]) -> None:
    """Words the search finds but never shows: Zensical indexes an entry's tags and shows only its text."""
    entry["tags"] = list(entry.get("tags") or []) + words


def write_sitemap(site: Path, entries: list[tuple[str, str | None]]) -> None:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{loc}</loc></url>" for loc, _ in entries]
    (site / "sitemap.xml").write_text("\n".join(lines + ["</urlset>"]) + "\n", encoding="utf-8")
