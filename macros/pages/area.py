"""An area's fact page and its printable status report, rendered together: they share the indicator panel and the plans.

The shared sections are made once, with links as from the report (rapporter/x/): it sits at the same
depth as the area page and shares no folder with any target of these sections, so every link reads
../../<target> and is right from both pages.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.charts.indicator import indicator_chart
from macros.data.model import Catalogue
from macros.html import urls
from macros.html.blocks import fact_list, notice, source_and_note
from macros.html.builders import external, link, relative_url, table
from macros.html.evidence_text import citation
from macros.pages.page import Body, Page, SearchEntry
from macros.pages.plans import plan_section
from macros.rules.list_timeline import timeline_table

BASIS_TEXT = {
    "direkte": "listen står i kilden",
    "afledt": "afledt af to kilder",
    "udledt": "udledt af kilden",
    "delvis": "kilden viser en del af listen",
    "udateret": "udateret kilde",
    "genberegning": "genberegning, ikke officiel liste",
}


def latest_listing(catalogue: Catalogue, area_id: str) -> str:
    """'parallelsamfund (på listen, 2024)', from the latest official list naming the area; '–' if none does."""
    designations = catalogue.designations.get(area_id, ())
    latest = max((d for d in designations if d.basis != "genberegning"), key=lambda d: d.year, default=None)
    return f"{latest.list_type} ({latest.status}, {latest.year})" if latest else "–"


def designation_table(catalogue: Catalogue, area_id: str) -> Markup:
    rows = [
        (d.year, d.list_type, d.status, BASIS_TEXT[d.basis], source_and_note(d.source, d.note, d.source_note))
        for d in catalogue.designations.get(area_id, ())
    ]
    if not rows:
        return Markup("<p>Ingen kendte listeplaceringer.</p>")
    intro = Markup(
        "<p>Listerne offentliggøres 1. december. Tabellen viser de placeringer, der er fundet i offentlige kilder; "
        "et år uden række betyder ikke nødvendigvis, at området var uden for listerne.</p>"
    )
    return intro + table(("Listeår", "Liste", "Status", "Grundlag", "Kilde og note"), rows, caption="Listeplaceringer")


def indicator_panel(catalogue: Catalogue, area_id: str, url: str) -> Body:
    """Every indicator chart of the area, under one eksempeldata notice when the figures are illustrative."""
    body = Body(url)
    area = catalogue.areas[area_id]
    charts = [c for c in (indicator_chart(catalogue, area, i) for i in catalogue.indicators.values()) if c is not None]
    if not charts:
        return body
    body.heading(2, "Indikatorer", searchable=False)
    if any(c.illustrative for c in charts):
        body.add(notice("Tallene i diagrammerne og tabellerne nedenfor"), searchable=False)
    for chart in charts:
        body.chart(chart, Markup("<p>{}</p>").format(link(relative_url(url, urls.indicator(chart.indicator_id)), f"Om indikatoren {chart.title.lower()}")))
    return body


def _area_page(catalogue: Catalogue, area_id: str, panel: Body, plans: Body) -> Page:
    area = catalogue.areas[area_id]
    url = urls.area(area_id)
    body = Body(url)
    listing = latest_listing(catalogue, area_id)
    facts = [("Kommune", link(relative_url(url, urls.municipality(area.municipality)), area.municipality)),
             ("Seneste listeplacering", listing),
             ("Statusrapport", Markup("{} · {}").format(link(relative_url(url, urls.report_pdf(area_id)), "PDF til bestyrelsen"),
                                                         link(relative_url(url, urls.report(area_id)), "printvenlig side")))]
    if area.aliases:
        facts.append(("Også kaldt", ", ".join(area.aliases)))
    body.add(fact_list(facts))
    body.heading(2, "Officielle lister", searchable=False)
    body.add(designation_table(catalogue, area_id), searchable=False)
    body.heading(3, "Kriterier år for år", searchable=False)
    criteria = Markup(
        "<p>Tabellen viser for hvert år, hvilke af listernes målbare kriterier områdets tal opfyldte efter de regler, "
        "der gjaldt det år. Kriterier uden en fast grænse i kilderne og reglerne om, hvor mange kriterier "
        "der skal være opfyldt, indgår ikke; tabellen siger derfor ikke, om området burde have været på en liste.</p>"
    )
    if catalogue.is_illustrative("indicators", "observations"):
        criteria += notice("Tallene bag opfyldelsen i tabellen nedenfor")
    body.add(criteria + timeline_table(catalogue, area_id), searchable=False)
    body.extend(panel)
    body.extend(plans)
    words = [f"Kommune: {area.municipality}.", f"Seneste listeplacering: {listing}."] + ([f"Også kaldt: {', '.join(area.aliases)}."] if area.aliases else [])
    return Page(url, area.name, body, SearchEntry(area.name, " ".join(words)))


def _report(catalogue: Catalogue, area_id: str, panel: Body, plans: Body) -> Page:
    area = catalogue.areas[area_id]
    url = urls.report(area_id)
    body = Body(url)
    plan_list = catalogue.plans_of(area_id)
    plan_lines = Markup("").join(Markup("<li>{} ({}–{})</li>").format(p.name, p.start_year, p.end_year) for p in plan_list) or Markup("<li>Ingen helhedsplan i data</li>")
    body.add(Markup(
        '<section class="bse-cover"><p class="bse-cover__kicker">Statusrapport til den boligsociale bestyrelse</p>'
        '<p class="bse-cover__area">{area} · {municipality} Kommune</p><ul>{plans}</ul>'
        "<p>Data til og med {year}. Dannet af Boligsocial Evidens ud fra de samme tal som {page}.</p></section>"
    ).format(area=area.name, municipality=area.municipality, plans=plan_lines, year=catalogue.data_year,
             page=link(relative_url(url, urls.area(area_id)), "områdets side")), searchable=False)
    body.extend(plans)
    body.extend(panel)
    body.heading(2, "Kilder", searchable=False)
    body.add(report_sources(catalogue, plan_list), searchable=False)
    return Page(url, f"Statusrapport: {area.name}", body)


def report_sources(catalogue: Catalogue, plans) -> Markup:
    packages = Markup("").join(
        Markup("<li>{}: {}</li>").format(p.title, Markup("; ").join(external(url, title) for title, url in p.sources))
        for p in catalogue.packages.values() if p.name in ("areas", "indicators", "plans", "evaluations")
    )
    studies = dict.fromkeys(r.study_id for p in plans for a in p.activities for r in catalogue.activity_results.get(a, ()))
    cited = Markup("").join(Markup("<li>{}</li>").format(citation(catalogue, s)) for s in studies)
    return Markup("<ul>{}{}</ul>").format(packages, cited)


def area_pages(catalogue: Catalogue, area_id: str) -> tuple[Page, Page]:
    """The area's page and its report."""
    url = urls.report(area_id)
    panel = indicator_panel(catalogue, area_id, url)
    plans = plan_section(catalogue, catalogue.areas[area_id], url)
    return _area_page(catalogue, area_id, panel, plans), _report(catalogue, area_id, panel, plans)
