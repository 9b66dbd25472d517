"""The project's part of a build, in its own process beside the engine's (forked by build_scripts/output/lifecycle.py
once the data are checked; build_scripts/commands/generate.py runs it on its own). While the engine builds the
editorial pages and the frames, it renders every generated page whose inputs changed into .bse-cache/pages (by
render_workers processes) and prepares the site's data files. With wait it then waits for a line on standard
input (the engine has finished writing SITE), and writes the generated pages into the engine's output (writer.py), linking those the published site
(--previous) already holds unchanged. Problems are printed as the short Danish list and make the exit
status 1; the engine's build then stops with that list.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple, TypeVar

from build_scripts.output import writer
from build_scripts.output.adapter import EngineAdapter
from build_scripts.output.ahead import Ahead
from build_scripts.output.cache import Cache, Keys, pages_folder, pieces_folder
from build_scripts.output.cms import admin_files
from build_scripts.output.frames import FrameError
from build_scripts.output.search import update_search
from build_scripts.output.site_files import (
    CHART_TEMPLATES,
    VEGA_BUNDLE,
    Piece,
    chart_files,
    data_pieces,
    editorial_charts,
    templates_file,
    user_cache,
    vega_bundle,
)
from macros.data.model import Catalogue
from macros.data.problems import DataError, summary
from macros.data.settings import Settings
from macros.pages.registry import Task, addresses, pdf_pages, tasks

T = TypeVar("T")


class Rendering(NamedTuple):
    """What rendering a task needs: the catalogue, the tasks, how their keys are made and where their pages are kept."""

    catalogue: Catalogue
    tasks: list[Task]
    key: Keys
    cache: Cache

    def render(self, index: int, key: str | None = None) -> list:
        """Render task number index into the cache; returns its pages."""
        pages = [page.rendered() for page in self.tasks[index].render(self.catalogue)]
        self.cache.put(key or self.key(self.tasks[index]), pages)
        return pages

    def ensure(self, index: int) -> str:
        """Task number index's key, its pages rendered into the cache unless an earlier build kept them there."""
        key = self.key(self.tasks[index])
        if not self.cache.has(key):
            self.render(index, key)
        return key


def write_piece(piece: Piece, staging: Path, kept: Cache) -> tuple[list[str], str | None]:
    """One piece of the site's data files written into staging (site paths under it), from kept where its key holds;
    returns their paths and its key. Written by the worker that made them, so the generator neither receives nor holds
    them (the observations' open data alone is 64 MB at 10,000 areas) until it moves them into the site."""
    key = piece.key() if piece.key else None
    files = kept.files(key) if key else None
    if files is None:
        files = piece.make()
        if key:
            kept.keep_files(key, files)
    writer.write_files(staging, files)
    return list(files), key


# A forked worker is handed its job once, by the pool's initializer (a forked process inherits it without
# pickling the catalogue); the module is where the worker keeps it between the tasks the pool sends.
_worker: tuple[Rendering, list, Path, Cache] | None = None


def _start(job: Rendering, pieces: list, staging: Path, kept: Cache) -> None:
    global _worker
    # the catalogue is frozen and a page keeps nothing once written, so the cyclic collector only costs the workers
    # time (3 s at 10,000 areas; their memory measured the same); a worker ends with the build
    gc.disable()
    _worker = (job, pieces, staging, kept)


def _ensure_in_worker(index: int) -> str:
    return _worker[0].ensure(index)


def _piece_in_worker(index: int) -> tuple[list[str], str | None]:
    return write_piece(_worker[1][index], _worker[2], _worker[3])


def render(job: Rendering, workers: int, pieces: list[Piece], staging: Path, kept: Cache, meanwhile: Callable[[Iterator[str]], T]
           ) -> tuple[list[str], list[str], set[str], T]:
    """Every task's key and its pages in the cache (rendered where the cache has none), and the site's data files,
    made by pieces (site_files.data_pieces, or taken from kept) and written into staging, all on `workers` processes
    while meanwhile(keys) runs here, given each task's key in the tasks' order as the workers make them (it must read
    them all); returns the keys, the data files' site paths, the kept pieces' keys and what meanwhile returned."""
    count = len(job.tasks)
    keys: list[str] = []

    def recorded(made: Iterable[str]) -> Iterator[str]:
        for key in made:
            keys.append(key)
            yield key

    if workers <= 1 or count < 2:
        made = [write_piece(piece, staging, kept) for piece in pieces]
        result = meanwhile(recorded([job.ensure(index) for index in range(count)]))  # all before the engine is waited for
    else:
        # the catalogue lives as long as the build: keep the garbage collector from touching (and so copying) it in the workers
        gc.freeze()
        with multiprocessing.get_context("fork").Pool(workers, initializer=_start, initargs=(job, pieces, staging, kept)) as pool:
            # the data first: its largest piece (the observations' open data) is the longest single job, and a rebuild renders few pages
            making = pool.map_async(_piece_in_worker, range(len(pieces)), chunksize=1)
            result = meanwhile(recorded(pool.imap(_ensure_in_worker, range(count), chunksize=max(1, min(32, count // (workers * 8))))))
            made = making.get()
    if len(keys) != count:
        raise RuntimeError("the generated pages' keys were not all read")
    return keys, [path for paths, _ in made for path in paths], {key for _, key in made if key}, result


def generate(root: Path, site: Path, engine: EngineAdapter, catalogue: Catalogue, settings: Settings, wait: bool, previous: Path | None = None,
             ahead: Ahead = Ahead()) -> None:
    """Render, wait for the engine (wait), then write into site; engine is its adapter (build_scripts/engines). The site's
    data files wait in a folder of this build's own in .bse-cache until they are moved into the site."""
    kept = pages_folder(root).parent
    kept.mkdir(parents=True, exist_ok=True)
    for left in kept.glob("data-*-*"):  # a build that was killed could not clean up after itself
        pid = left.name.split("-")[1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(left, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f"data-{os.getpid()}-", dir=kept))
    try:
        _generate(root, site, engine, catalogue, settings, wait, previous, staging, ahead)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _generate(root: Path, site: Path, engine: EngineAdapter, catalogue: Catalogue, settings: Settings, wait: bool, previous: Path | None,
              staging: Path, ahead: Ahead) -> None:
    all_tasks = tasks(catalogue)
    job = Rendering(catalogue, all_tasks, Keys(catalogue, settings, all_tasks), Cache(pages_folder(root)))

    def meanwhile(keys: Iterator[str]) -> tuple:
        """While the workers make the keys: the editorial charts, then, once the engine has finished, its pages, and the
        pages the published site holds linked as their keys arrive (a rebuild's last second, no longer after the keys)."""
        charts = editorial_charts(catalogue)
        files = chart_files(charts)
        vega_bundle()
        if wait and not sys.stdin.readline():
            raise SystemExit(1)  # the engine stopped before it had finished
        dates = writer.package_dates(catalogue)
        # in the reference build the engine has written the generated pages itself (build_scripts/commands/reference.py)
        styles = engine.script_styles(site)  # the theme's own <style> elements, for each page's policy
        found = None if settings.reference_build else writer.read_frames(site, styles)
        engine_pages = writer.finish_engine_pages(site, root, dates, styles)
        writing = writer.Writing(site, job.cache, [], job.render, found, dates, writer.reuse_from(job.cache, previous, found, dates), ahead.folders)
        return charts, files, engine_pages, writing, writer.link_published(writing, keys)

    kept = Cache(pieces_folder(root))
    pieces = data_pieces(catalogue, root, settings, job.key, frozenset(ahead.packages))
    keys, data, used, (charts, files, engine_pages, writing, linked) = render(job, settings.render_workers, pieces, staging, kept, meanwhile)
    entries, templates = writer.write_generated(writing._replace(keys=keys), settings.render_workers, linked)
    update_search(site, engine, entries, catalogue.synonyms)
    writer.update_sitemap(site, settings.site_url, addresses(catalogue), engine)
    files[CHART_TEMPLATES] = templates_file(charts, templates)
    files[VEGA_BUNDLE] = vega_bundle()
    files.update(admin_files(root, settings.repository, settings.site_url, user_cache()))
    writer.move_files(staging, site, data)
    if ahead.folder is not None:
        writer.move_files(ahead.folder, site, [path for paths in ahead.packages.values() for path in paths])
    writer.write_files(site, files)
    writer.check_links(site, root, engine_pages, settings.site_url, pdf_pages(catalogue))
    job.cache.prune(set(keys), set(templates))
    kept.prune(used)


def run(root: Path, site: Path, engine: EngineAdapter, catalogue: Catalogue, settings: Settings, wait: bool, previous: Path | None = None,
        ahead: Ahead = Ahead()) -> int:
    """generate(), with problems printed as the short Danish list: 0, or 1 when the build must stop."""
    try:
        generate(root, site, engine, catalogue, settings, wait, previous, ahead)
    except DataError as error:
        print(summary(error.problems), file=sys.stderr)
        return 1
    except FrameError as error:
        print(f"En ramme om de sider, sitet selv laver, kunne ikke bruges: {error}", file=sys.stderr)
        return 1
    return 0
