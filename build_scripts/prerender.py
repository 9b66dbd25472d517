"""Render the area pages and reports in a second process while MkDocs works through the pages in the first.

The machine has two cores, and MkDocs uses one. An area's content (charts, tables, plans) costs about
as much as MkDocs's own work on its two pages, so a forked worker renders area after area, in the
order MkDocs will ask for them, and hands over the Markdown, the held HTML fragments and the chart
CSVs. The catalogue is read-only, so the fork shares it. The output is the same as rendering in
the main process: a test builds the site both ways and compares every file.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Iterator

from macros import downloads, fragments, urls
from macros.area_page import area_page
from macros.area_report import area_report
from macros.charts import adopt_templates, templates_unsent
from macros.model import Catalogue

Rendered = tuple[str, str, str, dict, dict, dict]  # area id, page Markdown, report Markdown, fragments, CSVs, new chart templates

_catalogue: list[Catalogue] = []  # set before the fork, read by the worker


def _render(area_id: str) -> Rendered:
    """One area's page and report, in the worker."""
    catalogue = _catalogue[0]
    page = area_page(catalogue, area_id, urls.area(area_id))
    report = area_report(catalogue, area_id, urls.report(area_id))
    csvs = {path: content() for path, content in downloads.take().items()}
    return area_id, page, report, fragments.handed_over(), csvs, templates_unsent()


def _start_worker() -> None:
    fragments.collect()
    fragments.in_worker(f"w{os.getpid()}-")
    downloads.collect()


class Prerendered:
    """Area pages and reports rendered ahead in a worker; `page` and `report` wait for their area's turn."""

    def __init__(self, catalogue: Catalogue, area_ids: list[str], workers: int):
        _catalogue[:] = [catalogue]
        self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker)
        self._results: Iterator[Rendered] = self._pool.imap(_render, area_ids, chunksize=4)
        self._ready: dict[str, list] = {}  # area id → [page, report, pages not yet taken]

    def _take(self, area_id: str, index: int) -> str:
        while area_id not in self._ready:
            done, page, report, held, csvs, templates = next(self._results)
            fragments.take_over(held)
            adopt_templates(templates)
            for path, text in csvs.items():
                downloads.offer(path, text.__str__)
            self._ready[done] = [page, report, 2]
        parts = self._ready[area_id]
        parts[2] -= 1
        if not parts[2]:
            del self._ready[area_id]
        return parts[index]

    def page(self, area_id: str) -> str:
        return self._take(area_id, 0)

    def report(self, area_id: str) -> str:
        return self._take(area_id, 1)

    def close(self) -> None:
        self._pool.terminate()
        _catalogue.clear()
