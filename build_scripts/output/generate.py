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
import sys
from pathlib import Path
from typing import Callable, NamedTuple

from build_scripts.output import writer
from build_scripts.output.adapter import EngineAdapter
from build_scripts.output.cache import Cache, Keys, pages_folder
from build_scripts.output.cms import admin_files
from build_scripts.output.frames import FrameError
from build_scripts.output.search import update_search
from build_scripts.output.site_files import CHART_TEMPLATES, VEGA_BUNDLE, chart_files, data_pieces, editorial_charts, templates_file, user_cache, vega_bundle
from macros.data.model import Catalogue
from macros.data.problems import DataError, summary
from macros.data.settings import Settings
from macros.pages.registry import Task, addresses, pdf_pages, tasks


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


# A forked worker is handed its job once, by the pool's initializer (a forked process inherits it without
# pickling the catalogue); the module is where the worker keeps it between the tasks the pool sends.
_worker: tuple[Rendering, list] | None = None


def _start(job: Rendering, pieces: list) -> None:
    global _worker
    # the catalogue is frozen and a page keeps nothing once written, so the cyclic collector only costs the workers
    # time (3 s at 10,000 areas; their memory measured the same); a worker ends with the build
    gc.disable()
    _worker = (job, pieces)


def _ensure_in_worker(index: int) -> str:
    return _worker[0].ensure(index)


def _piece_in_worker(index: int) -> dict:
    return _worker[1][index]()


def render(job: Rendering, workers: int, pieces: list[Callable[[], dict]], meanwhile: Callable[[], object]) -> tuple[list[str], dict, object]:
    """Every task's key and its pages in the cache (rendered where the cache has none), and the site's data files,
    made by pieces (site_files.data_pieces), all on `workers` processes while meanwhile() runs here; returns the
    keys, the files and what meanwhile returned."""
    count = len(job.tasks)
    if workers <= 1 or count < 2:
        files: dict = {}
        for piece in pieces:
            files.update(piece())
        return [job.ensure(index) for index in range(count)], files, meanwhile()
    # the catalogue lives as long as the build: keep the garbage collector from touching (and so copying) it in the workers
    gc.freeze()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_start, initargs=(job, pieces)) as pool:
        # the data first: its largest piece (the observations' open data) is the longest single job, and a rebuild renders few pages
        made = pool.map_async(_piece_in_worker, range(len(pieces)), chunksize=1)
        keys = pool.map_async(_ensure_in_worker, range(count), chunksize=max(1, min(32, count // (workers * 8))))
        result = meanwhile()
        files = {}
        for part in made.get():
            files.update(part)
        return keys.get(), files, result


def generate(root: Path, site: Path, engine: EngineAdapter, catalogue: Catalogue, settings: Settings, wait: bool, previous: Path | None = None) -> None:
    """Render, wait for the engine (wait), then write into site; engine is its adapter (build_scripts/engines)."""
    all_tasks = tasks(catalogue)
    job = Rendering(catalogue, all_tasks, Keys(catalogue, settings, all_tasks), Cache(pages_folder(root)))
    keys, files, charts = render(job, settings.render_workers, data_pieces(catalogue, root, settings), lambda: editorial_charts(catalogue))
    files.update(chart_files(charts))
    vega_bundle()
    if wait and not sys.stdin.readline():
        raise SystemExit(1)  # the engine stopped before it had finished
    dates = writer.package_dates(catalogue)
    # in the reference build the engine has written the generated pages itself (build_scripts/commands/reference.py)
    styles = engine.script_styles(site)  # the theme's own <style> elements, for each page's policy
    found = None if settings.reference_build else writer.read_frames(site, styles)
    engine_pages = writer.finish_engine_pages(site, root, dates, styles)
    reuse = writer.reuse_from(job.cache, previous, found, dates)
    entries, templates = writer.write_generated(writer.Writing(site, job.cache, keys, job.render, found, dates, reuse), settings.render_workers)
    update_search(site, engine, entries, catalogue.synonyms)
    writer.update_sitemap(site, settings.site_url, addresses(catalogue), engine)
    files[CHART_TEMPLATES] = templates_file(charts, templates)
    files[VEGA_BUNDLE] = vega_bundle()
    files.update(admin_files(root, settings.repository, settings.site_url, user_cache()))
    writer.write_files(site, files)
    writer.check_links(site, root, engine_pages, settings.site_url, pdf_pages(catalogue))
    job.cache.prune(set(keys), set(templates))


def run(root: Path, site: Path, engine: EngineAdapter, catalogue: Catalogue, settings: Settings, wait: bool, previous: Path | None = None) -> int:
    """generate(), with problems printed as the short Danish list: 0, or 1 when the build must stop."""
    try:
        generate(root, site, engine, catalogue, settings, wait, previous)
    except DataError as error:
        print(summary(error.problems), file=sys.stderr)
        return 1
    except FrameError as error:
        print(f"En ramme om de sider, sitet selv laver, kunne ikke bruges: {error}", file=sys.stderr)
        return 1
    return 0
