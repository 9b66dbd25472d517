"""The project's part of a build, in its own process beside the engine's (build_scripts/commands/generate.py
starts it). While the engine builds the editorial pages and the frames, it renders every generated page whose
inputs changed into .cache/pages (by render_workers processes) and prepares the site's data files.
With --wait it then waits for a line on standard input (the engine has finished writing SITE), and
writes the generated pages into the engine's output (writer.py), linking those the published site
(--previous) already holds unchanged. Problems are printed as the short
Danish list and make the exit status 1; the engine's build then stops with that list.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from pathlib import Path
from types import ModuleType

from build_scripts.output import writer
from build_scripts.output.cache import Cache, task_keys
from build_scripts.output.search import update_search
from build_scripts.output.site_files import CHART_TEMPLATES, VEGA_BUNDLE, data_files, templates_file, vega_bundle
from macros.data.load import load
from macros.data.settings import from_config
from macros.pages.registry import addresses, tasks

ROOT = Path(__file__).resolve().parents[2]
_job: dict = {}  # what a render worker needs, set before the workers are forked


def _render(index: int) -> list:
    """Render task number index into the cache; returns its pages."""
    pages = [page.rendered() for page in _job["tasks"][index].render(_job["catalogue"])]
    _job["cache"].put(_job["keys"][index], pages)
    return pages


def render(catalogue, todo: list[int], all_tasks, keys, cache: Cache, workers: int, meanwhile) -> object:
    """Render the tasks numbered in todo into the cache while meanwhile() runs here; returns what it returned."""
    _job.update(catalogue=catalogue, tasks=all_tasks, keys=keys, cache=cache)
    if workers <= 1 or len(todo) < 2:
        for index in todo:
            _render(index)
        return meanwhile()
    # the catalogue lives as long as the build: keep the garbage collector from touching (and so copying) it in the workers
    gc.freeze()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending = pool.map_async(_render, todo, chunksize=max(1, min(32, len(todo) // (workers * 8))))
        result = meanwhile()
        pending.get()
    return result


def generate(root: Path, site: Path, module: ModuleType, config: dict, wait: bool, previous: Path | None = None) -> None:
    """Render, wait for the engine (wait), then write into site; module is the engine's adapter (build_scripts/engines)."""
    settings = from_config(config)
    catalogue = load(root, settings)
    all_tasks = tasks(catalogue)
    keys = task_keys(catalogue, settings, all_tasks)
    cache = Cache(root / ".cache" / "pages")
    todo = [i for i, key in enumerate(keys) if not cache.has(key)]
    files = render(catalogue, todo, all_tasks, keys, cache, settings.render_workers, lambda: data_files(catalogue, root, settings))
    vega_bundle()
    if wait and not sys.stdin.readline():
        raise SystemExit(1)  # the engine stopped before it had finished
    dates = writer.package_dates(catalogue)
    # in the reference build the engine has written the generated pages itself (build_scripts/commands/reference.py)
    styles = module.script_styles(site)  # the theme's own <style> elements, for each page's policy
    found = None if settings.reference_build else writer.read_frames(site, styles)
    engine_pages = writer.finish_engine_pages(site, root / "content", dates, styles)
    reuse = writer.reuse_from(cache, previous, found, dates)
    entries, templates = writer.write_generated(site, cache, keys, _render, found, dates, settings.render_workers, reuse)
    update_search(site, module, entries, catalogue.synonyms)
    writer.update_sitemap(site, module, settings.site_url, addresses(catalogue))
    files[CHART_TEMPLATES] = templates_file(catalogue, templates)
    files[VEGA_BUNDLE] = vega_bundle()
    writer.write_files(site, files)
    writer.check_links(site, root, engine_pages, settings.site_url)
    cache.prune(set(keys))
