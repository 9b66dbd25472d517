"""Share the rendering of area pages and reports between MkDocs's process and forked workers.

The machine has two cores, and MkDocs uses one. Areas are dealt out in the order MkDocs will ask for
them, one at a time from a shared counter: a worker takes the next area, renders its page and report,
writes the charts' CSVs into the site folder and hands over the Markdown and the held HTML fragments;
when MkDocs reaches an area no worker has taken, its own process takes and renders it. So neither
side waits for the other, however the work divides between them. The catalogue is read-only, so
the fork shares it. The output is the same whoever renders: a test builds the site both ways and
compares every file.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import time
import traceback
from pathlib import Path

from macros import downloads, fragments, urls
from macros.area_page import area_page
from macros.area_report import area_report
from macros.charts import adopt_templates, templates_unsent
from macros.model import Catalogue

AHEAD = 64  # areas a worker may render beyond the one MkDocs is at, so finished pages do not pile up in memory


def _render(catalogue: Catalogue, area_id: str) -> tuple[str, str]:
    return area_page(catalogue, area_id, urls.area(area_id)), area_report(catalogue, area_id, urls.report(area_id))


def _work(catalogue: Catalogue, area_ids: list[str], site: Path, taken, reached, results) -> None:
    """A worker: take the next area until none is left, render it and send it over."""
    fragments.collect()
    fragments.in_worker(f"w{os.getpid()}-")
    downloads.collect()
    try:
        while True:
            while taken.value - reached.value >= AHEAD:
                time.sleep(0.005)
            with taken.get_lock():
                index = taken.value
                taken.value += 1
            if index >= len(area_ids):
                return
            page, report = _render(catalogue, area_ids[index])
            downloads.write_offered(site)
            results.put((index, page, report, fragments.handed_over(), templates_unsent()))
    except BaseException:
        results.put((-1, traceback.format_exc(), "", {}, {}))


class Prerendered:
    """Area pages and reports, rendered by workers or, when MkDocs gets to an area first, here."""

    def __init__(self, catalogue: Catalogue, area_ids: list[str], workers: int, site: Path):
        context = multiprocessing.get_context("fork")
        self._catalogue, self._ids = catalogue, area_ids
        self._index = {area_id: i for i, area_id in enumerate(area_ids)}
        self._taken, self._reached = context.Value("i", 0), context.Value("i", 0, lock=False)
        self._results = context.Queue()
        self._ready: dict[int, list] = {}  # area index → [page, report, pages not yet taken]
        self._workers = [context.Process(target=_work, args=(catalogue, area_ids, site, self._taken, self._reached, self._results), daemon=True)
                         for _ in range(workers)]
        for worker in self._workers:
            worker.start()

    def _take(self, area_id: str, part: int) -> str:
        index = self._index[area_id]
        self._reached.value = index
        while index not in self._ready:
            # a finished area from a worker if there is one; else render the next untaken area here
            # rather than wait (it is needed soon); wait only when every area is taken
            result = self._next_result(block=False)
            if result is None:
                with self._taken.get_lock():
                    mine = self._taken.value
                    self._taken.value += mine < len(self._ids)
                if mine < len(self._ids):
                    self._ready[mine] = [*_render(self._catalogue, self._ids[mine]), 2]
                    continue
                result = self._next_result(block=True)
            done, page, report, held, templates = result
            fragments.take_over(held)
            adopt_templates(templates)
            self._ready[done] = [page, report, 2]
        parts = self._ready[index]
        parts[2] -= 1
        if not parts[2]:
            del self._ready[index]
        return parts[part]

    def _next_result(self, block: bool) -> tuple | None:
        while True:
            try:
                result = self._results.get(timeout=1) if block else self._results.get_nowait()
            except queue.Empty:
                if not block:
                    return None
                if not any(worker.is_alive() for worker in self._workers):
                    raise RuntimeError("the render worker stopped without a result") from None
                continue
            if result[0] == -1:
                raise RuntimeError(f"the render worker failed:\n{result[1]}")
            return result

    def page(self, area_id: str) -> str:
        return self._take(area_id, 0)

    def report(self, area_id: str) -> str:
        return self._take(area_id, 1)

    def close(self) -> None:
        for worker in self._workers:
            worker.kill()
            worker.join()
        self._workers = []
