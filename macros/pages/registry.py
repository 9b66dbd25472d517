"""Every kind of page the project generates (not written by an editor), declared once.

A kind names its pages' addresses (and their PDFs'), the catalogue fields it reads and the page the
browser tests visit. The rest follows from the declaration: the tasks that render it, the folders and their frames
(build_scripts/output/frames.py), the data date each page shows (macros/data/provenance.py), when a
page is rendered again (build_scripts/output/cache.py), the sitemap, the reports printed to PDF and
the page types the reader tests visit. A page function is handed a view of the catalogue that
refuses every field its kind does not declare (macros/data/view.py).

A kind renders its pages in tasks, one per key (an area's page is also its printed report).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable, NamedTuple

from macros.data.activities import vocabulary
from macros.data.model import Catalogue
from macros.data.view import CatalogueView
from macros.pages.area import area_pages
from macros.pages.catalogue import tag_page
from macros.pages.indicator import indicator_page
from macros.pages.municipality import municipalities, municipality_page
from macros.pages.page import Page
from macros.pages.study import study_page
from macros.text import urls

FRAME = "_ramme"  # content/<folder>/_ramme.md, written by the build; its address is <folder>/_ramme/
# What an area's task reads of that area alone (build_scripts/output/cache.py keys it by these rows; for the
# similar areas, by its neighbours and their figures)
AREA_ROWS = frozenset({"areas", "designations", "observations", "plans", "area_plans", "published", "known_plans", "similar"})
EVIDENCE = frozenset({"activities", "activity_results", "designs", "knowledge_levels", "result_kinds"})


class PageType(NamedTuple):
    name: str  # 'omraade': as the reader tests name it
    address: Callable[[str], str]  # key → the page's address
    pdf: Callable[[str], str] | None = None  # key → where the page printed to PDF goes (build_scripts/commands/reports.py)
    prints: Callable[[Catalogue, str], bool] = lambda catalogue, key: True  # which keys are printed


@dataclass(frozen=True)
class PageKind:
    name: str  # names its tasks: 'omraade/agervang'
    pages: tuple[PageType, ...]  # in the order render returns them
    keys: Callable[[Catalogue], Iterable[str]]
    render: Callable[..., tuple[Page, ...] | Page]  # render(catalogue, key)
    reads: frozenset[str]
    example: str  # the key of the page the reader tests visit
    per_area: bool = False  # a key is an area, and the task reads that area's AREA_ROWS only (and the rest of reads)
    # the observation series (area, indicator) a task reads, where it reads only some: it is shown those alone, and its
    # key hashes those alone (build_scripts/output/cache.py), so a changed figure renders only the pages that show it
    series: Callable[[Catalogue, str], Iterable[tuple[str, str]]] | None = None


def indicator_series(catalogue: Catalogue, indicator_id: str) -> Iterable[tuple[str, str]]:
    """Every area's series of one indicator: what its page and its compare data show."""
    return (pair for pair in catalogue.observations if pair[1] == indicator_id)


KINDS = (
    # the report is the board's: printed for an area with a helhedsplan (and so a boligsocial bestyrelse) only
    PageKind("omraade", (PageType("omraade", urls.area, pdf=urls.report_pdf, prints=Catalogue.has_report),),
             lambda c: c.areas, area_pages, EVIDENCE | AREA_ROWS | {"criteria", "indicator_domains", "indicators", "list_counts", "national",
                                                                  "packages", "studies", "suppression_threshold", "data_year", "similar",
                                                                  "prints_reports"},
             "mjoelnerparken", per_area=True),
    PageKind("indikator", (PageType("indikator", urls.indicator),), lambda c: c.indicators, indicator_page,
             frozenset({"areas", "criteria", "indicators", "national", "observations", "packages", "suppression_threshold"}), "uden-for-arbejdsmarked",
             series=indicator_series),
    PageKind("kommune", (PageType("kommune", urls.municipality),), municipalities, municipality_page,
             frozenset({"area_plans", "areas", "designations", "indicators", "national", "observations", "packages", "plans", "suppression_threshold"}),
             "København", series=lambda c, key: ((a, i) for a, area in c.areas.items() if area.municipality == key for i in c.indicators)),
    PageKind("studie", (PageType("studie", urls.study),), lambda c: c.studies, study_page,
             EVIDENCE | {"located_studies", "result_activities", "results", "studies"}, "cfbu-2012-godt-paa-vej"),
    PageKind("tema", (PageType("tema", urls.theme),), lambda c: vocabulary("themes"), lambda c, key: tag_page(c, "themes", key), EVIDENCE,
             "uddannelse og beskæftigelse"),
    PageKind("maalgruppe", (PageType("maalgruppe", urls.target_group),), lambda c: vocabulary("target_groups"),
             lambda c, key: tag_page(c, "target_groups", key), EVIDENCE, "unge 13–17"),
)


class Task(NamedTuple):
    name: str  # unique: 'omraade/agervang'
    render: Callable[[Catalogue], tuple[Page, ...]]
    kind: PageKind
    key: str


def observations_of(catalogue: Catalogue, kind: PageKind, key: str) -> dict:
    """The observation series a task of a kind that reads only some (PageKind.series) is shown: its key's, in the catalogue's order."""
    return {pair: catalogue.observations[pair] for pair in kind.series(catalogue, key) if pair in catalogue.observations}


def _render(catalogue: Catalogue, kind: PageKind, key: str) -> tuple[Page, ...]:
    shown = {"observations": observations_of(catalogue, kind, key)} if kind.series else {}
    pages = kind.render(CatalogueView(catalogue, kind.reads, kind.name, shown), key)
    return pages if isinstance(pages, tuple) else (pages,)


def tasks(catalogue: Catalogue, kinds: tuple[PageKind, ...] = KINDS) -> list[Task]:
    return [Task(f"{kind.name}/{key}", partial(_render, kind=kind, key=key), kind, key) for kind in kinds for key in kind.keys(catalogue)]


def addresses(catalogue: Catalogue, kinds: tuple[PageKind, ...] = KINDS) -> list[str]:
    """Every generated page's address, without rendering any."""
    return [page.address(key) for kind in kinds for key in kind.keys(catalogue) for page in kind.pages]


def folder_of(url: str) -> str:
    """'omraader/agervang/' → 'omraader': where the page's frame is."""
    return url.rstrip("/").rsplit("/", 1)[0]


def kinds_by_folder(kinds: tuple[PageKind, ...] = KINDS) -> dict[str, PageKind]:
    """Each folder of generated pages (the folder of each page type's address) and the kind whose pages live there."""
    return {folder_of(page.address(kind.example)): kind for kind in kinds for page in kind.pages}


def folders(kinds: tuple[PageKind, ...] = KINDS) -> tuple[str, ...]:
    return tuple(kinds_by_folder(kinds))


def kind_of(url: str, kinds: tuple[PageKind, ...] = KINDS) -> PageKind:
    """The kind whose pages live in url's folder."""
    return kinds_by_folder(kinds)[folder_of(url)]


def examples(kinds: tuple[PageKind, ...] = KINDS) -> dict[str, str]:
    """Page type → the address the reader tests visit."""
    return {page.name: page.address(kind.example) for kind in kinds for page in kind.pages}


def printed(catalogue: Catalogue, kinds: tuple[PageKind, ...] = KINDS, key: str | None = None) -> list[tuple[str, str, str]]:
    """(address, its PDF's address, key) of every page printed to PDF; with a key, that key's pages that have a PDF
    (one report on demand, also where the build prints none)."""
    def keys(kind: PageKind) -> Iterable[str]:
        return kind.keys(catalogue) if key is None else [key] if key in kind.keys(catalogue) else []

    return [(page.address(k), page.pdf(k), k) for kind in kinds for k in keys(kind) for page in kind.pages
            if page.pdf and (key is not None or page.prints(catalogue, k))]


def pdf_pages(catalogue: Catalogue, kinds: tuple[PageKind, ...] = KINDS) -> dict[str, str]:
    """PDF → the page it is printed from, both as site paths (the link check counts a PDF as there when its page is)."""
    return {pdf: url for url, pdf, _ in printed(catalogue, kinds)}


def frame_url(folder: str) -> str:
    return f"{folder}/{FRAME}/"
