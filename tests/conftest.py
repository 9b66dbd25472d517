"""Shared fixtures: a real `mkdocs build` and a real Zensical build of the project, a localhost server and Debian's chromium."""

from __future__ import annotations

import contextlib
import filecmp
import functools
import http.server
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "sources" / "reference"  # the collected public facts, kept in the repository (sources/README.md)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# A test is slow when it, or a fixture it uses, builds a site, starts a process or a browser (README:
# `-m "not slow"` runs the rest in well under a minute). Read from the code, so no test is marked by hand.
SLOW_CALLS = ("mkdocs_build(", "lifecycle.Generator(", "zensical_build(", "subprocess.", "serve_folder(", "copy_project(", "sync_playwright", "check(",
              "run_command(")


def _slow(function) -> bool:
    try:
        return any(call in inspect.getsource(function) for call in SLOW_CALLS)
    except (OSError, TypeError):
        return False


def pytest_collection_modifyitems(items):
    for item in items:
        fixtures = [d.func for defs in getattr(item, "_fixtureinfo").name2fixturedefs.values() for d in defs]
        if any(_slow(f) for f in [getattr(item, "function", None), *fixtures] if f is not None):
            item.add_marker("slow")


def danish_number(text: str) -> float | None:
    """As charts.js danishNumber reads a figure from a chart's table: '1.234,5 (offentliggjort tal)' → 1234.5; text → None."""
    figure = text.split(" (")[0].strip().replace(".", "").replace(",", ".")
    return float(figure) if re.fullmatch(r"-?\d+(\.\d+)?", figure) else None


def table_rows(page: str, caption: str) -> list[list[str]]:
    """The body rows of the page's table with this caption (where it begins), each the HTML of its cells, whether the
    table writes its end tags or not (a table no search reads leaves them out: macros/html/builders.py)."""
    part = page.split(f"<caption>{caption}", 1)[1].split("</table>", 1)[0]
    body = part.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = [row.strip().removesuffix("</tr>") for row in body.split("<tr>")[1:]]
    return [[cell.strip().removesuffix("</td>").strip() for cell in row.split("<td>")[1:]] for row in rows]


def mkdocs_build(project: Path, site_dir: Path, config: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` of a project folder (its mkdocs.yml, or config) into site_dir."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config or project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project,
    )


def assert_same_site(first: Path, second: Path) -> None:
    """Every file byte-identical, but the search index, whose entries only need to be the same (in any order)."""
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    index = Path("search/search_index.json")
    _, mismatch, errors = filecmp.cmpfiles(first, second, [str(f) for f in files if f != index], shallow=False)
    assert mismatch == [] and errors == []
    one, other = (json.loads((site / index).read_text(encoding="utf-8")) for site in (first, second))
    assert one["config"] == other["config"]
    assert sorted(one["docs"], key=json.dumps) == sorted(other["docs"], key=json.dumps)


def copy_project(target: Path) -> Path:
    """A throwaway copy of everything a build reads, for tests that break the input."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "datapackages", "build_scripts", "macros", "Makefile", "pyproject.toml", "README.md"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The project's site, built once per test session."""
    out = tmp_path_factory.mktemp("build") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


def zensical_build(project: Path) -> subprocess.CompletedProcess:
    """The documented Zensical build: `zensical build` and the project's writer, into project/site."""
    return subprocess.run([sys.executable, "-m", "build_scripts.commands.build", "--engine", "zensical", "--root", str(project)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("zensical") / "projekt")
    result = zensical_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def compare_two(page, base: str, first: str, second: str) -> None:
    """Type two area names into the compare view (for ledighed) and wait for its chart."""
    page.goto(f"{base}/omraader/sammenlign/?indikator=ledighed")
    inputs = page.locator("input[name=omraade]")
    inputs.nth(0).fill(first)
    inputs.nth(1).fill(second)
    page.locator("#compare-indikator").dispatch_event("change")
    page.wait_for_function("() => document.querySelector('[data-compare-figure]') && !document.querySelector('[data-compare-figure]').hidden", timeout=20000)


@contextlib.contextmanager
def serve_folder(folder: Path):
    """A built site served on a free localhost port; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    """Serve the built site on a free localhost port."""
    with serve_folder(site) as address:
        yield address


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never Playwright's own browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda m: m.type in ("error", "warning") and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.on(
        "request",
        lambda r: urlparse(r.url).hostname not in ("127.0.0.1", "localhost") and not r.url.startswith("data:") and page.outside_requests.append(r.url),
    )
    yield page
    context.close()
