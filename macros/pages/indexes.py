"""The index pages' lists: every area, every indicator, and Landsbyggefonden's pools."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.model import Catalogue
from macros.html.blocks import source_and_note
from macros.html.builders import link, relative_url, table
from macros.pages import compare
from macros.pages.area import latest_listing
from macros.pages.page import Body
from macros.text import urls
from macros.text.format import count, danish_key, number
from macros.text.links import external


def area_index(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (link(relative_url(page_url, urls.area(area.area_id)), area.name), area.municipality, latest_listing(catalogue, area.area_id))
        for area in sorted(catalogue.areas.values(), key=lambda a: danish_key(a.name))
    ]
    # out of the search: every area is a search entry of its own, and at 10,000 areas this list made a 360 KB entry
    # that took the engine's search seconds of every build to index. Its end tags stay: Material's search parser
    # keeps every unclosed cell open, and 30,000 of them made its parsing quadratic (minutes)
    return Body.of(page_url, table(("Område", "Kommune", "Seneste kendte listeplacering"), rows, caption=f"{len(rows)} boligområder"),
                   searchable=False)


def find_area(catalogue: Catalogue, page_url: str) -> Body:
    """A field to find one's area by name; without JavaScript it leads to the list of every area."""
    areas = relative_url(page_url, urls.AREAS + "/")
    names = relative_url(page_url, urls.compare()) + compare.NAMES
    return Body.of(page_url, Markup(
        '<form class="bse-filter bse-find" data-find-area data-names="{names}" action="{areas}" role="search" aria-label="Find et boligområde">'
        '<div class="bse-filter__field"><label for="find-area">Find dit boligområde</label>'
        '<input type="text" id="find-area" name="q" list="find-area-list" autocomplete="off" placeholder="Skriv områdets navn, fx Vollsmose"></div> '
        '<datalist id="find-area-list"></datalist> '
        '<div class="bse-filter__field"><button type="submit" class="md-button md-button--primary">Vis området</button></div>'
        '<p class="bse-count" data-find-message aria-live="polite"></p></form>'
        "<p>Eller se {all} ({n}), {municipalities} eller {compare}.</p>"
    ).format(names=names, areas=areas, all=link(areas, "alle boligområder"), n=count(len(catalogue.areas), "område", "områder"),
             municipalities=link(relative_url(page_url, urls.MUNICIPALITIES + "/"), "områderne kommune for kommune"),
             compare=link(relative_url(page_url, urls.compare()), "sammenlign op til fire områder")))


def indicator_index(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (link(relative_url(page_url, urls.indicator(i.indicator_id)), i.name), i.unit, i.direction, "ja" if i.list_criterion else "nej")
        for i in catalogue.indicators.values()
    ]
    return Body.of(page_url, table(("Indikator", "Enhed", "Retning", "Listekriterium"), rows, caption=f"{len(rows)} indikatorer"))


def known_plans_table(catalogue: Catalogue, page_url: str) -> Body:
    """The real helhedsplaner found in public sources, each with its source; areas with a page are linked."""
    rows = [
        (p.name, Markup("{}{}").format(p.areas, Markup(" ({})").format(Markup(", ").join(
            link(relative_url(page_url, urls.area(a)), catalogue.areas[a].name) for a in p.area_ids)) if p.area_ids else ""),
         p.municipality, p.period, p.funding, p.operator, p.goals, external(p.source, "kilde"))
        for p in catalogue.known_plans
    ]
    return Body.of(page_url, table(("Helhedsplan", "Områder", "Kommune", "Periode", "Finansiering", "Operatør", "Mål og aktiviteter", "Kilde"), rows,
                                   caption=f"{len(rows)} helhedsplaner fundet i offentlige kilder"))


def pools_table(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (p.pool, p.item, p.value_text or number(p.value), p.unit or "", p.helhedsplaner or "", source_and_note(p.source, p.note))
        for p in catalogue.pools
    ]
    return Body.of(
        page_url, table(("Pulje", "Oplysning", "Værdi", "Enhed", "Helhedsplaner", "Kilde og note"), rows, caption="Landsbyggefondens puljer", numeric=(2,))
    )
