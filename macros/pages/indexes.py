"""The index pages' lists: every area, every indicator, and Landsbyggefonden's pools."""

from __future__ import annotations

from macros.data.model import Catalogue
from macros.html import urls
from macros.html.blocks import source_and_note
from macros.html.builders import link, relative_url, table
from macros.html.format import danish_key, number
from macros.pages.area import latest_listing
from macros.pages.page import Body


def area_index(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (link(relative_url(page_url, urls.area(area.area_id)), area.name), area.municipality, latest_listing(catalogue, area.area_id))
        for area in sorted(catalogue.areas.values(), key=lambda a: danish_key(a.name))
    ]
    return Body.of(page_url, table(("Område", "Kommune", "Seneste kendte listeplacering"), rows, caption=f"{len(rows)} boligområder"))


def indicator_index(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (link(relative_url(page_url, urls.indicator(i.indicator_id)), i.name), i.unit, i.direction, "ja" if i.list_criterion else "nej")
        for i in catalogue.indicators.values()
    ]
    return Body.of(page_url, table(("Indikator", "Enhed", "Retning", "Listekriterium"), rows, caption=f"{len(rows)} indikatorer"))


def pools_table(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (p.pool, p.item, p.value_text or number(p.value), p.unit or "", p.helhedsplaner or "", source_and_note(p.source, p.note))
        for p in catalogue.pools
    ]
    return Body.of(page_url, table(("Pulje", "Oplysning", "Værdi", "Enhed", "Helhedsplaner", "Kilde og note"), rows, caption="Landsbyggefondens puljer", numeric=(2,)))
