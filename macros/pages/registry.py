"""Every page the project generates (not written by an editor): its address and what renders it.

Pages are rendered in tasks: an area's page and report together (they share sections), every other
page alone. Each folder of generated pages has a frame in content/ (FRAME), a page the engine renders
with markers where a generated page's title, content and table of contents go
(build_scripts/output/frames.py).
"""

from __future__ import annotations

from functools import partial
from typing import Callable, NamedTuple

from macros.data.activities import vocabulary
from macros.data.model import Catalogue
from macros.pages.area import area_pages
from macros.pages.catalogue import tag_page
from macros.pages.indicator import indicator_page
from macros.pages.municipality import municipalities, municipality_page
from macros.pages.page import Page
from macros.pages.study import study_page
from macros.text import urls

FRAME = "_ramme"  # content/<folder>/_ramme.md; its address is <folder>/_ramme/
FOLDERS = (urls.AREAS, urls.REPORTS, urls.INDICATORS, urls.MUNICIPALITIES, urls.STUDIES, urls.ACTIVITIES + "/tema", urls.ACTIVITIES + "/maalgruppe")


class Task(NamedTuple):
    name: str  # unique: 'omraade/agervang'
    render: Callable[[Catalogue], tuple[Page, ...]]
    area_id: str | None = None  # an area's task reads that area's rows only (and what all tasks share)


def _one(page_of: Callable[[Catalogue], Page]) -> Callable[[Catalogue], tuple[Page, ...]]:
    return lambda catalogue: (page_of(catalogue),)


def tasks(catalogue: Catalogue) -> list[Task]:
    found = [Task(f"omraade/{a}", partial(area_pages, area_id=a), a) for a in catalogue.areas]
    found += [Task(f"indikator/{i}", _one(partial(indicator_page, indicator_id=i))) for i in catalogue.indicators]
    found += [Task(f"kommune/{m}", _one(partial(municipality_page, name=m))) for m in municipalities(catalogue)]
    found += [Task(f"studie/{s}", _one(partial(study_page, study_id=s))) for s in catalogue.studies]
    found += [Task(f"tema/{t}", _one(partial(tag_page, field="themes", value=t))) for t in vocabulary("themes")]
    found += [Task(f"maalgruppe/{g}", _one(partial(tag_page, field="target_groups", value=g))) for g in vocabulary("target_groups")]
    return found


def addresses(catalogue: Catalogue) -> list[str]:
    """Every generated page's address, without rendering any."""
    return ([u for a in catalogue.areas for u in (urls.area(a), urls.report(a))]
            + [urls.indicator(i) for i in catalogue.indicators]
            + [urls.municipality(m) for m in municipalities(catalogue)]
            + [urls.study(s) for s in catalogue.studies]
            + [urls.theme(t) for t in vocabulary("themes")] + [urls.target_group(g) for g in vocabulary("target_groups")])


def folder_of(url: str) -> str:
    """'omraader/agervang/' → 'omraader': where the page's frame is."""
    return url.rstrip("/").rsplit("/", 1)[0]


def frame_url(folder: str) -> str:
    return f"{folder}/{FRAME}/"
