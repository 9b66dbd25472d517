"""Page fragments (fact boxes, tables, chart blocks) as escaped HTML, from the Catalogue only."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup, escape

from macros.html import downloads
from macros.html import urls
from macros.charts.base import SUPPRESSED, Chart, csv_text, split_spec
from macros.charts.indicator import latest_by_area, national_chart, ranking_chart
from macros.html.format import number
from macros.html.builders import NOT_SEARCHED, block, external, json_script, link, relative_url, table
from macros.data.model import Catalogue

MAX_TABLE_ROWS = 500  # above this, an indicator page points to its CSV instead of listing every area

BASIS_TEXT = {
    "direkte": "listen står i kilden",
    "afledt": "afledt af to kilder",
    "udledt": "udledt af kilden",
    "delvis": "kilden viser en del af listen",
    "udateret": "udateret kilde",
    "genberegning": "genberegning, ikke officiel liste",
}


def illustrative_notice(what: str = "Tallene i diagrammerne og tabellerne nedenfor", searchable: bool = True) -> str:
    """The notice every page with illustrative figures carries, once, above them."""
    return block(notice_html(what), searchable)


def notice_html(what: str) -> Markup:
    return (
        Markup(
            '<div class="admonition warning bse-eksempeldata" role="note">'
            '<p class="admonition-title">Eksempeldata</p>'
            "<p>{} er eksempeldata og ikke officielle tal. Der findes ingen offentlige tal pr. boligområde, "
            "så projektet viser, hvordan siden virker, med tal dannet ud fra områdets virkelige listehistorik. "
            "Citér dem ikke.</p></div>"
        ).format(what)
    )


def fact_list(facts: list[tuple[str, object]]) -> Markup:
    """A definition list of label → value; values are escaped unless already Markup."""
    return Markup('<dl class="bse-facts">{}</dl>').format(Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(k, v) for k, v in facts))


def source_and_note(url: str | None, note: str | None, fallback: str | None = None) -> Markup:
    """'kilde – note' for a table cell; without a URL the fallback text stands in for the link."""
    source = external(url, "kilde") if url else Markup("{}").format(fallback or "")
    return Markup("{}{}").format(source, Markup(" – {}").format(note) if note else "")


def chart_block(chart: Chart, page_url: str) -> Markup:
    """Chart, text alternative, source line, data table and CSV download, in one figure.

    The page embeds the chart's own parts (title, text, data); the rest of the spec is its kind's
    template, shared by every page in assets/charts/templates.json (charts.js joins them).
    """
    sources = "; ".join(external(url, text) for text, url in chart.sources)
    downloads.offer(chart.csv_path, partial(csv_text, chart.rows, chart.columns))
    # from the site root, so the same figure links right from an area's page and from its report
    csv = f"{relative_url(page_url, '')}/{chart.csv_path}"
    cid, alt = escape(chart.chart_id), escape(chart.description)
    badge = ' <span class="bse-badge">Eksempeldata</span>' if chart.illustrative else ""
    # plain string building: this runs for every chart of every area, and Markup.format was most of the cost
    return Markup(
        f'<figure class="bse-chart" aria-labelledby="{cid}-title">'
        f'<figcaption id="{cid}-title" class="bse-chart__title">{escape(chart.title)}{badge}</figcaption>'
        # the text alternative is shown once, under the chart, and names the drawing (and its SVG, in charts.js)
        f'<div class="bse-chart__canvas" data-spec="{cid}-spec" role="img" aria-labelledby="{cid}-alt"></div>'
        f"{json_script(f'{chart.chart_id}-spec', split_spec(chart.spec))}"
        f'<p class="bse-chart__alt" id="{cid}-alt">{alt}</p>'
        f'<p class="bse-chart__source">Kilde: {sources}</p>'
        # the table repeats the chart's numbers; searching them finds nothing a reader looks for
        f"<details><summary>Vis tallene som tabel</summary>{table(chart.table.headers, chart.table.rows, caption=chart.title, numeric=chart.table.numeric)}</details>"
        f'<p><a class="bse-chart__csv" href="{escape(csv)}" download>Hent tallene som CSV</a></p>'
        "</figure>"
    )


def designation_table(catalogue: Catalogue, area_id: str) -> Markup:
    rows = [
        (
            d.year, d.list_type, d.status, BASIS_TEXT[d.basis],
            source_and_note(d.source, d.note, d.source_note),
        )
        for d in catalogue.designations.get(area_id, ())
    ]
    if not rows:
        return Markup("<p>Ingen kendte listeplaceringer.</p>")
    intro = Markup(
        "<p>Listerne offentliggøres 1. december. Tabellen viser de placeringer, der er fundet i offentlige kilder; "
        "et år uden række betyder ikke nødvendigvis, at området var uden for listerne.</p>"
    )
    return intro + table(("Listeår", "Liste", "Status", "Grundlag", "Kilde og note"), rows, caption="Listeplaceringer")


def latest_listing(catalogue: Catalogue, area_id: str) -> str:
    """'parallelsamfund (på listen, 2024)', from the latest official list naming the area; '–' if none does."""
    designations = catalogue.designations.get(area_id, ())
    latest = max((d for d in designations if d.basis != "genberegning"), key=lambda d: d.year, default=None)
    return f"{latest.list_type} ({latest.status}, {latest.year})" if latest else "–"


def area_index(catalogue: Catalogue, page_url: str) -> str:
    rows = []
    for area in sorted(catalogue.areas.values(), key=lambda a: a.name):
        status = latest_listing(catalogue, area.area_id)
        rows.append((link(relative_url(page_url, urls.area(area.area_id)), area.name), area.municipality, status))
    return block(table(("Område", "Kommune", "Seneste kendte listeplacering"), rows, caption=f"{len(rows)} boligområder"))


def indicator_index(catalogue: Catalogue, page_url: str) -> str:
    rows = [
        (link(relative_url(page_url, urls.indicator(i.indicator_id)), i.name), i.unit, i.direction, "ja" if i.list_criterion else "nej")
        for i in catalogue.indicators.values()
    ]
    return block(table(("Indikator", "Enhed", "Retning", "Listekriterium"), rows, caption=f"{len(rows)} indikatorer"))


def indicator_page(catalogue: Catalogue, indicator_id: str, page_url: str) -> str:
    ind = catalogue.indicators[indicator_id]
    facts = [("Definition", ind.definition), ("Enhed", ind.unit), ("Opgjort for", ind.base_population), ("Retning", ind.direction),
             ("Kilde", external(ind.source, ind.source))]
    if ind.source_note:
        facts.append(("Note", ind.source_note))
    out = block(fact_list(facts))
    thresholds = catalogue.thresholds(indicator_id)
    if thresholds:
        rows = [(c.regime, c.list_type, f"{c.operator} {number(c.threshold)} {c.unit or ''}".strip(), c.combination_rule or "", external(c.source, "kilde")) for c in thresholds]
        out += "\n## Grænser på de officielle lister\n\n" + block(table(("Ordning", "Liste", "Grænse", "Kombinationsregel", "Kilde"), rows, caption="Grænser"))
    latest = latest_by_area(catalogue, ind)
    if latest:
        out += "\n## Alle områder\n\n"
        if catalogue.is_illustrative("indicators", "observations"):
            out += illustrative_notice("Tallene i diagrammerne og tabellen nedenfor")
        for chart in (ranking_chart(catalogue, ind), national_chart(catalogue, ind)):
            if chart is not None:
                out += block(chart_block(chart, page_url), searchable=False)
        out += f"\n## Tabel over alle områder{NOT_SEARCHED}\n\n"
        if len(latest) > MAX_TABLE_ROWS:
            # thousands of rows would make a page of megabytes; the CSV and each area's own page have them all
            csv = f"{relative_url(page_url, '')}/{urls.indicator(indicator_id)}rangering.csv"
            out += block(Markup(
                f"<p>Med {number(len(latest), 0)} områder er tabellen for stor til én side. Alle områders seneste tal står i "
                f'<a href="{escape(csv)}" download>CSV-filen (rangering.csv)</a>, og hvert områdes tal på dets egen side: '
                "søg på områdets navn.</p>"
            ), searchable=False)
            return out
        rows = [
            (link(relative_url(page_url, urls.area(a.area_id)), a.name), link(relative_url(page_url, urls.municipality(a.municipality)), a.municipality), o.year,
             SUPPRESSED if o.suppressed else number(o.value), f"under {catalogue.suppression_threshold}" if o.suppressed else number(o.base_population, 0))
            for a, o in latest
        ]
        # every area's name would be in the search index once per indicator (3 MB at 10,000 areas); each area has its own entry
        out += "Klik på en kolonneoverskrift for at sortere.\n\n"
        out += block(table(("Område", "Kommune", "År", f"Værdi ({ind.unit})", "Antal personer"), rows, caption=f"{ind.name}, seneste tal pr. område", numeric=(2, 3, 4), sortable=True), searchable=False)
    return out


def pools_table(catalogue: Catalogue) -> str:
    rows = [
        (p.pool, p.item, p.value_text or number(p.value), p.unit or "", p.helhedsplaner or "", source_and_note(p.source, p.note))
        for p in catalogue.pools
    ]
    return block(table(("Pulje", "Oplysning", "Værdi", "Enhed", "Helhedsplaner", "Kilde og note"), rows, caption="Landsbyggefondens puljer", numeric=(2,)))
