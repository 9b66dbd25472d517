"""Blocks that many pages share: the eksempeldata notice, fact lists, source lines and the accessible chart block."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.charts.base import Chart, csv_path, split_spec
from macros.html.builders import json_script, link, relative_url, table
from macros.text.links import external

ILLUSTRATIVE_BADGE = Markup('<span class="bse-badge">Eksempeldata</span>')


def notice(what: str) -> Markup:
    """The notice every section with illustrative figures carries, above them."""
    return Markup(
        '<div class="admonition warning bse-eksempeldata" role="note">'
        '<p class="admonition-title">Eksempeldata</p>'
        "<p>{} er eksempeldata og ikke officielle tal. Der findes ingen offentlige tal pr. boligområde, "
        "så projektet viser, hvordan siden virker, med tal dannet ud fra områdets virkelige listehistorik. "
        "Citér dem ikke.</p></div>"
    ).format(what)


def fact_list(facts: list[tuple[str, object]]) -> Markup:
    """A definition list of label → value; values are escaped unless already Markup. The hidden ': ' and '.'
    keep label and value apart where the text is read without its layout (search results, screen readers)."""
    return Markup('<dl class="bse-facts">{}</dl>').format(Markup("").join(
        Markup('<dt>{}<span class="bse-sr">: </span></dt><dd>{}<span class="bse-sr">{}</span></dd>').format(k, v, " " if str(v).endswith(".") else ". ")
        for k, v in facts))


def breadcrumb(page_url: str, trail: tuple[tuple[str, str], ...], here: str) -> Markup:
    """The way back to a detail page's list: 'Boligområder › Mjølnerparken'."""
    steps = Markup("").join(Markup("<li>{}</li>").format(link(relative_url(page_url, url), text)) for url, text in trail)
    return Markup('<nav class="bse-breadcrumb" aria-label="Brødkrummesti"><ol>{}<li aria-current="page">{}</li></ol></nav>').format(steps, here)


def folded(summary: str, content: Markup, on_paper: bool = False) -> Markup:
    """A long table folded under a line that says what it holds; left off paper, or with on_paper printed open
    (build_scripts/commands/reports.py opens it)."""
    return Markup('<details class="bse-fold{}"><summary>{}</summary> {}</details>').format(" bse-fold--print" if on_paper else "", summary, content)


def source_and_note(url: str | None, note: str | None, fallback: str | None = None) -> Markup:
    """'kilde – note' for a table cell; without a URL the fallback text stands in for the link."""
    source = external(url, "kilde") if url else Markup("{}").format(fallback or "")
    return Markup("{}{}").format(source, Markup(" – {}").format(note) if note else "")


def chart_block(chart: Chart, page_url: str, after: Markup = Markup(""), source: bool = True, about: str | None = None) -> Markup:
    """Chart, text alternative, data table, CSV download and source line, in one figure.

    The page embeds the chart's own parts (title, text, data); the rest of the spec is its kind's
    template, shared by every page in assets/charts/templates.json (charts.js joins them). A chart that
    sets nothing but its template and height names them on its canvas (data-template), others embed their
    parts as JSON. A static chart (chart.svg) is the drawing itself. The text alternative names the drawing
    (aria-labelledby, which reads it folded too) and is one tap away with the table and the CSV, not printed under
    every chart (WCAG 1.1.1 asks for it to be there, not for it to be shown). The figure is named by its caption,
    which links to the page `about` what it shows. source False: the source line is said once for many charts
    (small multiples, macros/pages/page.py Body.grid).
    """
    sources = f'<p class="bse-chart__source">Kilde: {"; ".join(external(url, text) for text, url in chart.sources)}</p>' if source else ""
    csv = relative_url(page_url, csv_path(chart))
    cid, alt = escape(chart.chart_id), escape(chart.description)
    badge = f" {ILLUSTRATIVE_BADGE}" if chart.illustrative else ""
    title = link(relative_url(page_url, about), chart.title) if about else escape(chart.title)
    subtitle = chart.spec.get("title", {}).get("subtitle")
    subtitle = f'<p class="bse-chart__subtitle">{escape(subtitle)}</p>' if subtitle else ""
    # a chart's table without end tags (a space keeps its cells apart where an engine indexes an editorial page); a
    # table of three short columns never scrolls, so it needs no keyboard focus
    narrow = len(chart.table.headers) <= 3 and all(len(str(v)) <= SHORT for row in chart.table.rows for v in row)
    numbers = table(chart.table.headers, chart.table.rows, caption=chart.title, numeric=chart.table.numeric, searched=False, scrolls=not narrow)
    if chart.table.note:
        numbers += Markup('<p class="bse-small">{}</p>').format(chart.table.note)
    drawing = chart.svg or _canvas(chart, cid)
    # plain string building: this runs for every chart of every area, and Markup.format was most of the cost
    return (
        Markup(
            f'<figure class="bse-chart{" bse-chart--static" if chart.svg else ""}">'
            f'<figcaption>{title}{badge}</figcaption>{subtitle}'
            f"{drawing}"
            f'<details><summary>Tekst, tal og CSV</summary>'
            f'<p class="bse-chart__alt" id="{cid}-alt">{alt}</p>{numbers}'
            f'<p><a class="bse-chart__csv" href="{escape(csv)}" download>Hent tallene som CSV</a></p></details>'
            f"{sources}"
            "</figure>"
        )
        + after
    )


HEIGHT = 170  # a chart's height when its canvas names none (charts.js DEFAULT_HEIGHT)
# characters of a table cell that leave three columns room in a card on a 320 px screen (site.css wraps a longer one
# rather than let a table that takes no focus scroll)
SHORT = 12


def _canvas(chart: Chart, cid: str) -> str:
    """Where charts.js draws the chart: its template and height as attributes when that is all it sets, its parts as JSON otherwise."""
    low = " bse-chart__canvas--low" if chart.spec.get("height", HEIGHT) < 120 else ""
    part = split_spec(chart.spec)
    named = f'role="img" aria-labelledby="{cid}-alt"'
    if part.keys() == {"template", "height"}:
        height = "" if part["height"] == HEIGHT else f' data-height="{int(part["height"])}"'
        return f'<div class="bse-chart__canvas{low}" data-template="{escape(part["template"])}"{height} {named}></div>'
    return f'<div class="bse-chart__canvas{low}" data-spec="{cid}-spec" {named}></div>{json_script(f"{chart.chart_id}-spec", part)}'
