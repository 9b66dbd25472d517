"""One indicator's page: definition, the list thresholds, every area ranked, the national trend and a sortable table."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.charts.base import SUPPRESSED, csv_path
from macros.charts.indicator import latest_by_area, national_chart, ranking_chart
from macros.data.model import Catalogue
from macros.html.blocks import breadcrumb, fact_list, notice
from macros.html.builders import link, relative_url, table
from macros.pages.page import Body, Page, SearchEntry
from macros.text import urls
from macros.text.format import number
from macros.text.links import external

MAX_TABLE_ROWS = 500  # above this, the page points to its CSV instead of listing every area


def indicator_page(catalogue: Catalogue, indicator_id: str) -> Page:
    ind = catalogue.indicators[indicator_id]
    url = urls.indicator(indicator_id)
    body = Body(url)
    facts = [("Definition", ind.definition), ("Enhed", ind.unit), ("Opgjort for", ind.base_population), ("Retning", ind.direction),
             ("Kilde", external(ind.source, ind.source))]
    if ind.source_note:
        facts.append(("Note", ind.source_note))
    # a series counted differently after the lists changed is another series: each page names the other
    for label, other in [("Fortsætter som", ind.replaced_by)] + [("Før det", i) for i, o in catalogue.indicators.items() if o.replaced_by == indicator_id]:
        if other:
            facts.append((label, link(relative_url(url, urls.indicator(other)), catalogue.indicators[other].name)))
    body.add(breadcrumb(url, ((urls.INDICATORS + "/", "Indikatorer"),), ind.name) + fact_list(facts))
    thresholds = catalogue.thresholds(indicator_id)
    if thresholds:
        rows = [
            (c.regime, c.list_type, f"{c.operator} {number(c.threshold)} {c.unit or ''}".strip(), c.combination_rule or "", external(c.source, "kilde"))
            for c in thresholds
        ]
        body.heading(2, "Grænser på de officielle lister")
        body.add(table(("Ordning", "Liste", "Grænse", "Kombinationsregel", "Kilde"), rows, caption="Grænser"))
    latest = latest_by_area(catalogue, ind)
    search = SearchEntry(ind.name, f"{ind.definition} Enhed: {ind.unit}. Opgjort for: {ind.base_population}.")
    if not latest:
        return Page(url, ind.name, body, search)
    body.heading(2, "Alle områder")
    if catalogue.is_illustrative("indicators", "observations"):
        body.add(notice("Tallene i diagrammerne og tabellen nedenfor"), searchable=False)
    ranking = ranking_chart(catalogue, ind)
    for chart in (ranking, national_chart(catalogue, ind)):
        if chart is not None:
            body.chart(chart)
    # every area's name would be in the search index once per indicator (3 MB at 10,000 areas); each area has its own entry
    body.heading(2, "Tabel over alle områder", searchable=False)
    if len(latest) > MAX_TABLE_ROWS and ranking is not None:
        # thousands of rows would make a page of megabytes; the CSV and each area's own page have them all
        path = csv_path(ranking)
        csv = f"{relative_url(url, '')}/{path}"
        body.add(
            Markup(
                f"<p>Med {number(len(latest), 0)} områder er tabellen for stor til én side. Alle områders seneste tal står i "
                f'<a href="{escape(csv)}" download>CSV-filen ({escape(path.rsplit("/", 1)[1])})</a>, og hvert områdes tal på dets egen side: '
                "søg på områdets navn.</p>"
            ),
            searchable=False,
        )
        return Page(url, ind.name, body, search)
    rows = [
        (
            link(relative_url(url, urls.area(a.area_id)), a.name),
            link(relative_url(url, urls.municipality(a.municipality)), a.municipality),
            o.year,
            SUPPRESSED if o.suppressed else number(o.value),
            f"under {catalogue.suppression_threshold}" if o.suppressed else number(o.base_population, 0),
        )
        for a, o in latest
    ]
    body.add(
        Markup("<p>Klik på en kolonneoverskrift for at sortere.</p>")
        + table(
            ("Område", "Kommune", "År", f"Værdi ({ind.unit})", "Antal personer"),
            rows,
            caption=f"{ind.name}, seneste tal pr. område",
            numeric=(2, 3, 4),
            sortable=True,
        ),
        searchable=False,
    )
    return Page(url, ind.name, body, search)
