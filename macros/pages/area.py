"""The fact page of one area: key facts, list placements, the indicator panel and the plans with their goals."""

from __future__ import annotations

from markupsafe import Markup

from macros.html import fragments
from macros.html import urls
from macros.charts.base import Chart, indicator_chart
from macros.html.builders import block, heading, link, relative_url
from macros.data.model import Catalogue
from macros.rules.list_timeline import timeline_table
from macros.pages.plans import plan_section
from macros.pages.render import chart_block, designation_table, fact_list, latest_listing, notice_html


def area_charts(catalogue: Catalogue, area_id: str) -> list[Chart]:
    area = catalogue.areas[area_id]
    charts = (indicator_chart(catalogue, area, ind) for ind in catalogue.indicators.values())
    return [c for c in charts if c is not None]


def area_page(catalogue: Catalogue, area_id: str, page_url: str) -> str:
    area = catalogue.areas[area_id]
    facts = [("Kommune", link(relative_url(page_url, urls.municipality(area.municipality)), area.municipality)),
             ("Seneste listeplacering", latest_listing(catalogue, area_id))]
    facts.append(("Statusrapport", Markup("{} · {}").format(
        link(relative_url(page_url, urls.report_pdf(area_id)), "PDF til bestyrelsen"),
        link(relative_url(page_url, urls.report(area_id)), "printvenlig side"))))
    if area.aliases:
        facts.append(("Også kaldt", ", ".join(area.aliases)))
    out = block(fact_list(facts))
    # Below the facts every section is left out of search, so its HTML is put in after the search plugin
    # has parsed the page: parsing it cost more than any other step at national scale.
    out += block(heading(2, "Officielle lister", searchable=False) + designation_table(catalogue, area_id), searchable=False)
    criteria = heading(3, "Kriterier år for år", searchable=False) + Markup(
        "<p>Tabellen viser for hvert år, hvilke af listernes målbare kriterier områdets tal opfyldte efter de regler, "
        "der gjaldt det år. Kriterier uden en fast grænse i kilderne og reglerne om, hvor mange kriterier "
        "der skal være opfyldt, indgår ikke; tabellen siger derfor ikke, om området burde have været på en liste.</p>"
    )
    if catalogue.is_illustrative("indicators", "observations"):
        criteria += notice_html("Tallene bag opfyldelsen i tabellen nedenfor")
    out += block(criteria + timeline_table(catalogue, area_id), searchable=False)
    return out + shared_section(catalogue, area_id, "panel", page_url) + shared_section(catalogue, area_id, "plans", page_url)


_last: dict[tuple, str] = {}  # the current area's sections, kept for its report page


def shared_section(catalogue: Catalogue, area_id: str, kind: str, page_url: str) -> str:
    """The indicator panel ("panel") or the plans ("plans") of an area, rendered once for its page and its report.

    Links are made as from the report (rapporter/x/): at the same depth as the area page and sharing no
    folder with any target of these sections, so every link reads ../../<target> and is right from both.
    The build renders an area's report right after its page.
    """
    key = (fragments.build_number(), id(catalogue), area_id, kind)
    if key in _last:
        return _last.pop(key)
    if not any(k[2] == area_id for k in _last):
        _last.clear()
    area, url = catalogue.areas[area_id], urls.report(area_id)
    assert url.count("/") == page_url.count("/"), (url, page_url)
    text = indicator_panel(catalogue, area_id, url) if kind == "panel" else plan_section(catalogue, area, url)
    _last[key] = fragments.share(text)
    return text


def indicator_panel(catalogue: Catalogue, area_id: str, page_url: str) -> str:
    """Every indicator chart of the area, under one eksempeldata notice when the figures are illustrative."""
    charts = area_charts(catalogue, area_id)
    if not charts:
        return ""
    top = heading(2, "Indikatorer", searchable=False)
    out = block(top + notice_html("Tallene i diagrammerne og tabellerne nedenfor") if any(c.illustrative for c in charts) else top, searchable=False)
    for chart in charts:
        about = Markup("<p>{}</p>").format(link(relative_url(page_url, urls.indicator(chart.indicator_id)), f"Om indikatoren {chart.title.lower()}"))
        out += block(chart_block(chart, page_url) + about, searchable=False)
    return out
