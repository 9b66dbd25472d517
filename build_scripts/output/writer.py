"""Write the generated pages into the site an engine has built, working from the engine's output files only.

1. Read each folder's frame (frames.py) and remove it from the site.
2. Finish the engine's own pages: the theme's indentation left out, the last-changed line added and the
   Content-Security-Policy put in (csp.py), as on generated pages.
3. Write every generated page into its frame, with its charts' CSVs (from the cache, cache.py),
   shared between processes.
4. Add the generated pages to the engine's search index (through the engine's adapter) and its sitemap,
   and write the site's files: open data, DCAT, compare data, chart templates, the Vega bundle.
5. Check every link on the engine's pages, now that every page they may link to exists.
"""

from __future__ import annotations

import errno
import hashlib
import json
import marshal
import multiprocessing
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Callable, Iterable, NamedTuple
from urllib.parse import urlsplit

from markupsafe import escape

from build_scripts.output import asides, csp, frames
from build_scripts.output.adapter import EngineAdapter
from build_scripts.output.cache import Cache, links_file, write_atomically
from build_scripts.output.folders import Premade, move_or_make
from build_scripts.output.links import Memo, broken_links
from macros.data.model import Catalogue, packages_read
from macros.data.problems import DataError, Problem
from macros.data.provenance import changed_line, editorial_packages
from macros.pages.registry import folder_of, folders, frame_url, kinds_by_folder


def write_file(path: Path | str, data: bytes) -> None:
    """A new file, written with three system calls (open() takes six); a national build writes 130,000 files."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _folder_of(folder: Path, path: str, made: set[str], premade: Premade | None = None) -> str:
    """folder/path, once its folder is made, or moved from premade (folders.py); made holds the folders made already (an
    area's page and its CSVs share one). Plain strings: a rebuild at 10,000 areas links 20,000 files, and pathlib's
    objects took longer than the system calls."""
    parent = path.rpartition("/")[0]
    if parent not in made:
        move_or_make(premade, str(folder), parent)
        made.add(parent)
    return f"{folder}/{path}"


def write_files(site: Path, files: dict[str, str | bytes]) -> None:
    """Files (site path → text or bytes) into the site folder."""
    made: set[str] = set()
    for path, content in files.items():
        target = _folder_of(site, path, made)
        write_file(target, content.encode("utf-8") if isinstance(content, str) else content)


def move_files(staging: Path, site: Path, paths: list[str]) -> None:
    """Files written ahead into staging (same site paths), moved into the site folder: a rename each."""
    made: set[str] = set()
    for path in paths:
        target = _folder_of(site, path, made)
        try:
            os.replace(staging / path, target)
        except OSError as error:
            if error.errno != errno.EXDEV:
                raise
            shutil.move(staging / path, target)  # `mkdocs serve` builds into the system's temporary folder


def read_frames(site: Path, styles: list[str]) -> dict[str, frames.Frame]:
    """Each folder's frame with its policy (styles: what the theme's scripts insert), parsed, and its page removed from the site."""
    found = {}
    for folder in folders():
        page = site / frame_url(folder) / "index.html"
        try:
            found[folder] = frames.parse(csp.with_policy(frames.compact(page.read_text(encoding="utf-8")), styles), frame_url(folder))
        except frames.FrameError as error:
            raise frames.FrameError(f"{page.relative_to(site)}: {error}") from None
        shutil.rmtree(page.parent)
    return found


def source_of(site: Path, page: Path, content: Path) -> Path | None:
    """The Markdown file an engine page was made from: <a>/<b>/index.html ← content/<a>/<b>.md or content/<a>/<b>/index.md."""
    folder = page.parent.relative_to(site)
    candidates = [content / "index.md"] if folder == Path(".") else [content / folder.with_suffix(".md"), content / folder / "index.md"]
    return next((c for c in candidates if c.is_file()), None)


def finish_engine_pages(site: Path, root: Path, dates: dict, styles: list[str]) -> dict[Path, str]:
    """The engine's pages with the theme's indentation left out, the blocks set aside from the engine put back (asides.py),
    their last-changed line and their policy. Returns each page and its text without those blocks, which the site's
    own code wrote, as it wrote the generated pages: what the link check reads of the editors' pages."""
    pages, used = {}, set()
    for page in sorted(site.rglob("*.html")):
        source = source_of(site, page, root / "content")
        url = page.parent.relative_to(site).as_posix() + "/" if page.name == "index.html" and page.parent != site else ""
        pages[page] = html = frames.compact(page.read_text(encoding="utf-8"))
        html = asides.put_back(html, root, page.relative_to(site).as_posix(), used)
        if source is not None:
            html = frames.with_changed_line(html, changed_line(source, editorial_packages(url), dates))
        page.write_text(csp.with_policy(html, styles), encoding="utf-8")
    asides.prune(root, used)
    return pages


class Reuse(NamedTuple):
    """What the last published build wrote (cache/written.json), and where that site is."""

    previous: Path | None
    frames: str  # a hash of this build's frames and dates: pages written in other frames are written again
    tasks: dict  # task key → {files, search, templates} of the published site
    templates: dict  # template key → its shared spec


def reuse_from(cache: Cache, previous: Path | None, found: dict | None, dates: dict) -> Reuse:
    digest = hashlib.sha1(repr((sorted(found.items()) if found else None, sorted(dates.items()))).encode()).hexdigest()
    try:
        written = json.loads((cache.folder / WRITTEN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Reuse(None, digest, {}, {})
    usable = (previous is not None and found is not None and written.get("frames") == digest and written.get("site") == _identity(previous)
              and "templates" in written)
    return Reuse(previous, digest, written["tasks"] if usable else {}, written.get("templates", {}))


WRITTEN, PENDING = "written.json", "written.pending.json"


class Writing(NamedTuple):
    """What writing the generated pages needs. frames None: the engine has written the pages (the reference
    build), so only their charts' CSVs are written; render(i) renders task i again when its entry cannot be read."""

    site: Path
    cache: Cache
    keys: list[str]
    render: Callable[[int], list]
    frames: dict[str, frames.Frame] | None
    dates: dict[str, str | None]
    reuse: Reuse
    premade: Premade | None = None  # the page folders made ahead (folders.py)

    def link_task(self, key: str) -> tuple[list, dict, list] | None:
        """A task whose pages the published site already holds, written in the same frames: its files hard-linked
        from there (one system call each, no rendering or reading), or None."""
        record = self.reuse.tasks.get(key)
        if record is None or not all(k in self.reuse.templates for k in record["templates"]):
            return None
        linked, made = [], set()
        try:
            for path in record["files"]:
                target = _folder_of(self.site, path, made, self.premade)
                os.link(f"{self.reuse.previous}/{path}", target)
                linked.append(target)
        except OSError:
            for target in linked:  # never write through a link into the published site
                os.unlink(target)
            return None
        return [tuple(e) for e in record["search"]], {k: self.reuse.templates[k] for k in record["templates"]}, record["files"]

    def write_task(self, index: int, packages: dict[str, tuple[str, ...]]) -> tuple[list, dict, list]:
        """One task's pages into their frames, from the cache (write_generated has tried linking them from the published
        site first); returns their search entries (address, title, text), chart templates and files."""
        entries, templates, files = [], {}, {}
        rendered = self.cache.get(self.keys[index])
        if rendered is None:  # an entry that cannot be read is rendered again
            rendered = self.render(index)
        for page in rendered:
            if self.frames is not None:
                folder = folder_of(page.url)
                line = changed_line(None, packages[folder], self.dates)
                html = frames.fill(self.frames[folder], page.url, page.title, page.html, page.headings, line)
                write_file(_folder_of(self.site, f"{page.url}index.html", set(), self.premade), html.encode("utf-8"))
                files[f"{page.url}index.html"] = None
            write_files(self.site, page.files)
            files.update(dict.fromkeys(page.files))  # a file named twice is written once
            templates.update(page.templates)
            if page.search is not None:
                entries.append((page.url, str(escape(page.search.title)), str(escape(page.search.text))))
        return entries, templates, list(files)


# A forked worker is handed its job once, by the pool's initializer (a forked process inherits it without
# pickling); the module is where the worker keeps it between the tasks the pool sends, with the chart templates
# it has sent back already.
_worker: tuple[Writing, dict, set[str]] | None = None


def _start(job: Writing, packages: dict) -> None:
    global _worker
    _worker = (job, packages, set())


def _write_in_worker(index: int) -> tuple[list, dict, list]:
    """write_task(), with each chart template's spec sent back once per worker (None after that): every area's task
    uses the same dozen templates, and sending them with each of 10,000 tasks was hundreds of megabytes through a pipe."""
    job, packages, sent = _worker
    entries, templates, files = job.write_task(index, packages)
    fresh = templates.keys() - sent
    sent.update(fresh)
    return entries, {key: spec if key in fresh else None for key, spec in templates.items()}, files


class Linked(NamedTuple):
    """The tasks linked from the published site (their search entries, chart templates and records, by key), and the
    indices of those left to write."""

    entries: list
    templates: dict
    records: dict
    left: list[int]


def _collect(linked: Linked, key: str, result: tuple[list, dict, list]) -> None:
    task_entries, task_templates, files = result
    linked.entries.extend(task_entries)
    linked.templates.update((k, spec) for k, spec in task_templates.items() if spec is not None)  # None: sent with an earlier task
    linked.records[key] = {"files": files, "search": task_entries, "templates": sorted(task_templates)}


def link_published(job: Writing, keys: Iterable[str]) -> Linked:
    """Link each task whose pages the published site holds unchanged, as its key arrives (keys: every task's, in order,
    while the render workers still make them); the others are left for write_generated. Here, one after another: a
    few system calls each, which two processes making folders side by side in one parent only slow down."""
    linked = Linked([], {}, {}, [])
    for index, key in enumerate(keys):
        reused = job.link_task(key) if job.frames is not None else None
        if reused is None:
            linked.left.append(index)
        else:
            _collect(linked, key, reused)
    return linked


def write_generated(job: Writing, workers: int, linked: Linked) -> tuple[list, dict]:
    """The pages of the tasks link_published left, by `workers` processes, with their charts' CSVs. Returns every
    generated page's search entry sorted by address, and their chart templates; notes what was written for the
    next build (promoted by swap_in)."""
    packages = {folder: packages_read(kind.reads) for folder, kind in kinds_by_folder().items()}
    if workers > 1 and len(linked.left) > 1:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_start, initargs=(job, packages)) as pool:
            for index, result in zip(linked.left, pool.imap(_write_in_worker, linked.left, chunksize=16)):
                _collect(linked, job.keys[index], result)
    else:
        for index in linked.left:
            _collect(linked, job.keys[index], job.write_task(index, packages))
    if job.frames is not None:
        folder = job.cache.folder
        # the templates with the records that name them: both become the next build's only when this one is swapped in
        pending = {"frames": job.reuse.frames, "tasks": linked.records, "templates": dict(sorted(linked.templates.items()))}
        (folder / PENDING).write_text(json.dumps(pending, ensure_ascii=False), encoding="utf-8")
    return sorted(linked.entries), linked.templates


_URL = re.compile(r"<url>\s*<loc>([^<]*)</loc>\s*(?:<lastmod>([^<]*)</lastmod>)?\s*</url>")


def read_sitemap(site: Path) -> list[tuple[str, str | None]]:
    """(address, last modified) of every page in the sitemap an engine wrote (both write the standard form)."""
    return _URL.findall((site / "sitemap.xml").read_text(encoding="utf-8"))


def update_sitemap(site: Path, site_url: str, addresses: list[str], adapter: EngineAdapter) -> None:
    """The engine's sitemap without the frames, with every generated page, in address order."""
    found = read_sitemap(site)
    lastmod = found[0][1] if found else None
    frames_ = tuple(site_url + frame_url(f) for f in folders())
    entries = {loc: mod for loc, mod in found if not loc.startswith(frames_)}
    entries.update({site_url + url: lastmod for url in addresses})
    adapter.write_sitemap(site, sorted(entries.items()))


def check_links(site: Path, root: Path, pages: dict[Path, str], site_url: str, printed: dict[str, str]) -> None:
    """Every link on the engine's pages (each with the text to read of it) leads somewhere (editors link generated pages,
    which the engine never saw); printed: each PDF printed after the build, and the page it is printed from."""
    problems = []
    found = {page: text for page, text in pages.items() if page.exists()}
    memo = Memo(_parsed_before(links_file(root)))
    broken = broken_links(site, found, urlsplit(site_url).path or "/", printed, memo)
    _keep(links_file(root), memo.now)
    for page, link, anchor in broken:
        source = source_of(site, page, root / "content")
        where = source.relative_to(root).as_posix() if source else page.relative_to(site).as_posix()
        if anchor is None:
            message, hint = ("linket har en adresseform, sitet ikke tillader",
                             "Link kun med https://, http:// eller mailto:, eller til en side på sitet; javascript:, data: og andre former kan køre kode i "
                             "læserens browser.")
        elif anchor:
            message, hint = f"ankeret #{anchor} findes ikke på den side, linket peger på", "Ret ankeret (overskriftens adresse), eller fjern det fra linket."
        else:
            message, hint = ("linket peger på en side eller fil, der ikke findes",
                             "Ret linket, så det peger på en side, der findes (fx ../omraader/mjoelnerparken.md for et område).")
        problems.append(Problem(where, message, hint, None, None, link))
    if problems:
        raise DataError(problems)


def _parsed_before(path: Path) -> dict:
    try:
        found = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def _keep(path: Path, parsed: dict) -> None:
    """For the next build's check, if it can be written: without it that check parses every page again."""
    try:
        write_atomically(path, marshal.dumps(parsed))
    except OSError:
        pass


def swap_in(staging: Path, final: Path, cache: Path) -> None:
    """Put the finished site in place of the published one, and note what it holds for the next build; the old
    site is deleted after the build, in the background (at national scale it is 150,000 files)."""
    old = final.with_name(f"{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    pending = cache / PENDING
    if pending.exists():
        written = json.loads(pending.read_text(encoding="utf-8"))
        (cache / WRITTEN).write_text(json.dumps({"site": _identity(final), **written}, ensure_ascii=False), encoding="utf-8")
        pending.unlink()
    if old.exists():
        subprocess.Popen(["rm", "-rf", "--", str(old)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _identity(site: Path) -> list | None:
    """The published folder itself, not only its name: another build swapped in at the same path is another folder."""
    try:
        found = site.stat()
    except OSError:
        return None
    return [str(site.resolve()), found.st_dev, found.st_ino, found.st_ctime_ns]


def package_dates(catalogue: Catalogue) -> dict[str, str | None]:
    return {name: info.updated for name, info in catalogue.packages.items()}
