"""Write the generated pages into the site an engine has built, working from the engine's output files only.

1. Read each folder's frame (frames.py) and remove it from the site.
2. Finish the engine's own pages: the theme's indentation left out, the last-changed line added, as on
   generated pages.
3. Write every generated page into its frame, with its charts' CSVs (from the cache, cache.py),
   shared between processes.
4. Add the generated pages to the engine's search index and sitemap (through the engine's adapter),
   and write the site's files: open data, DCAT, compare data, chart templates, the Vega bundle.
5. Check every link on the engine's pages, now that every page they may link to exists.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

from markupsafe import escape

from build_scripts.output import frames
from build_scripts.output.cache import Cache
from build_scripts.output.links import broken_links
from build_scripts.output.site_files import CHART_TEMPLATES, VEGA_BUNDLE, templates_file, vega_bundle
from macros.data.model import Catalogue
from macros.data.provenance import changed_line
from macros.data.problems import DataError, Problem
from macros.pages.registry import FOLDERS, folder_of, frame_url


def write_file(path: Path, data: bytes) -> None:
    """A new file, written with three system calls (open() takes six); a national build writes 130,000 files."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def write_files(site: Path, files: dict[str, str | bytes]) -> None:
    """Files (site path → text or bytes) into the site folder."""
    made: set[Path] = set()
    for path, content in files.items():
        target = site / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        write_file(target, content.encode("utf-8") if isinstance(content, str) else content)


def read_frames(site: Path) -> dict[str, frames.Frame]:
    """Each folder's frame, parsed, and its page removed from the site."""
    found = {}
    for folder in FOLDERS:
        page = site / frame_url(folder) / "index.html"
        try:
            found[folder] = frames.parse(page.read_text(encoding="utf-8"), frame_url(folder))
        except frames.FrameError as error:
            raise frames.FrameError(f"{page.relative_to(site)}: {error}") from None
        shutil.rmtree(page.parent)
    return found


def source_of(site: Path, page: Path, content: Path) -> Path | None:
    """The Markdown file an engine page was made from: x/y/index.html ← content/x/y.md or content/x/y/index.md."""
    folder = page.parent.relative_to(site)
    candidates = [content / "index.md"] if folder == Path(".") else [content / folder.with_suffix(".md"), content / folder / "index.md"]
    return next((c for c in candidates if c.is_file()), None)


def finish_engine_pages(site: Path, content: Path, dates: dict) -> list[Path]:
    """The engine's pages with the theme's indentation left out and their last-changed line; returns them."""
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        source = source_of(site, page, content)
        url = page.parent.relative_to(site).as_posix() + "/" if page.name == "index.html" and page.parent != site else ""
        html = frames.compact(page.read_text(encoding="utf-8"))
        if source is not None:
            html = frames.with_changed_line(html, changed_line(url, source, dates))
        page.write_text(html, encoding="utf-8")
    return pages


# what a write worker needs, set before the workers are forked
_job: dict = {}


def _write_task(index: int) -> tuple[list[tuple[str, str, str]], dict[str, dict]]:
    """One task's pages into their frames; returns their search entries (address, title, text) and chart templates."""
    site, cache, keys, found, dates = _job["site"], _job["cache"], _job["keys"], _job["frames"], _job["dates"]
    entries, templates = [], {}
    rendered = cache.get(keys[index])
    if rendered is None:  # an entry that cannot be read is rendered again
        rendered = _job["render"](index)
    for page in rendered:
        if found is not None:
            html = frames.fill(found[folder_of(page.url)], page.url, page.title, page.html, page.headings, changed_line(page.url, None, dates))
            folder = site / page.url
            folder.mkdir(parents=True, exist_ok=True)
            write_file(folder / "index.html", html.encode("utf-8"))
        write_files(site, page.files)
        templates.update(page.templates)
        if page.search is not None:
            entries.append((page.url, str(escape(page.search.title)), str(escape(page.search.text))))
    return entries, templates


def write_generated(site: Path, cache: Cache, keys: list[str], render, found: dict | None, dates: dict, workers: int) -> tuple[list, dict]:
    """Every task's pages, by `workers` processes, with their charts' CSVs (found None: the CSVs only, the engine
    having written the pages); render(i) renders task i again when its entry cannot be read. Returns the
    pages' search entries sorted by address, and their chart templates."""
    _job.update(site=site, cache=cache, keys=keys, render=render, frames=found, dates=dates)
    entries, templates = [], {}
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.imap_unordered(_write_task, range(len(keys)), chunksize=16)
            for task_entries, task_templates in results:
                entries += task_entries
                templates.update(task_templates)
    else:
        for index in range(len(keys)):
            task_entries, task_templates = _write_task(index)
            entries += task_entries
            templates.update(task_templates)
    return sorted(entries), templates


def update_search(site: Path, adapter: ModuleType, entries: list[tuple[str, str, str]]) -> None:
    """The engine's search index without the frames, with the generated pages' entries after its own."""
    data, found = adapter.read_search(site)
    frames_ = tuple(frame_url(f) for f in FOLDERS)
    kept = [e for e in found if not e["location"].startswith(frames_)]
    adapter.write_search(site, data, kept + [adapter.search_entry(*e) for e in entries])


def update_sitemap(site: Path, adapter: ModuleType, site_url: str, addresses: list[str]) -> None:
    """The engine's sitemap without the frames, with every generated page, in address order."""
    found = adapter.read_sitemap(site)
    lastmod = found[0][1] if found else None
    frames_ = tuple(site_url + frame_url(f) for f in FOLDERS)
    entries = {loc: mod for loc, mod in found if not loc.startswith(frames_)}
    entries.update({site_url + url: lastmod for url in addresses})
    adapter.write_sitemap(site, sorted(entries.items()))


def check_links(site: Path, root: Path, pages: list[Path], site_url: str) -> None:
    """Every link on the engine's pages leads somewhere (editors link generated pages, which the engine never saw)."""
    problems = []
    for page, link, anchor in broken_links(site, [p for p in pages if p.exists()], urlsplit(site_url).path or "/"):
        source = source_of(site, page, root / "content")
        where = source.relative_to(root).as_posix() if source else page.relative_to(site).as_posix()
        if anchor:
            problems.append(Problem(where, f"ankeret #{anchor} findes ikke på den side, linket peger på", "Ret ankeret (overskriftens adresse), eller fjern det fra linket.", None, None, link))
        else:
            problems.append(Problem(where, "linket peger på en side eller fil, der ikke findes", "Ret linket, så det peger på en side, der findes (fx ../omraader/mjoelnerparken.md for et område).", None, None, link))
    if problems:
        raise DataError(problems)


def swap_in(staging: Path, final: Path) -> None:
    """Put the finished site in place of the published one; the old one is deleted after the build, in the
    background (at national scale it is 150,000 files)."""
    old = final.with_name(f"{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    if old.exists():
        subprocess.Popen(["rm", "-rf", "--", str(old)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def package_dates(catalogue: Catalogue) -> dict[str, str | None]:
    return {name: info.updated for name, info in catalogue.packages.items()}

