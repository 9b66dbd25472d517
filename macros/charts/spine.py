"""The area page's first chart: each list criterion a row, the area's latest figure against the national
level and the list thresholds in force that year (a spine chart, as Fingertips draws one).

It is a static SVG written here, not a Vega spec: it is the first thing a reader sees, so it must be
drawn before the Vega bundle has arrived, and writing it costs microseconds (vl-convert takes about
40 ms a chart, 400 s at 10,000 areas). Its colours are CSS classes (site.css), so it follows both
palettes; a published figure is a filled dot, an illustrative one a ring, so the mark itself says which.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import escape

from macros.charts.base import Chart, Table
from macros.charts.indicator import CSV_COLUMNS, area_csv
from macros.data.model import Area, Catalogue, Indicator
from macros.rules.list_timeline import measurable, thresholds_of
from macros.text.format import number
from macros.text.published import published

WIDTH, ROW, TOP = 340, 48, 26  # the drawing's units: at 390 px a unit is a pixel; the legend is the top row
OPERATOR_WORDS = {">": "over", ">=": "mindst", "<": "under", "<=": "højst"}


class Row(NamedTuple):
    indicator: Indicator
    year: int
    value: float
    national: float | None
    thresholds: tuple[tuple[str, float, tuple[str, ...]], ...]  # (operator, threshold, lists)
    official: bool  # published (every figure is, when the package is not illustrative)
    base_population: int | None = None
    inferred: str | None = None  # what of a published figure its source does not say (text/published.py)


def rows(catalogue: Catalogue, area_id: str) -> list[Row]:
    """Each list criterion the area has a figure for: its latest figure, the national level and the thresholds that year."""
    found = []
    illustrative = catalogue.is_illustrative("indicators", "observations")
    for indicator in catalogue.indicators.values():
        series = catalogue.figures(area_id, indicator.indicator_id)
        if not indicator.list_criterion or indicator.ended or not series:
            continue
        latest = series[-1]
        national = next((o.value for o in catalogue.national.get(indicator.indicator_id, ()) if o.year == latest.year), None)
        thresholds = tuple(thresholds_of(catalogue, indicator.indicator_id, latest.year))
        # a figure is illustrative when its package says so and it is not one of the published ones
        source = catalogue.published.get((area_id, indicator.indicator_id, latest.year)) if latest.official else None
        found.append(Row(indicator, latest.year, latest.value, national, thresholds, latest.official or not illustrative, latest.base_population,
                         source.inferred if source else None))
    return found


def _unit(indicator: Indicator) -> str:
    return " %" if indicator.unit.startswith("%") else f" {indicator.unit}"


def _short(indicator: Indicator) -> str:
    """The unit beside a figure in the drawing (the table and the text give it in full)."""
    return " %" if indicator.unit.startswith("%") else " ×" if indicator.unit.startswith("gange") else ""


LEGEND = (
    '<g class="bse-spine__legend" aria-hidden="true">'
    '<circle class="bse-spine__dot bse-spine__dot--official" cx="6" cy="8" r="5"/><text x="15" y="12">offentliggjort</text>'
    '<circle class="bse-spine__dot bse-spine__dot--illustrative" cx="103" cy="8" r="5"/><text x="112" y="12">eksempeldata</text>'
    '<rect class="bse-spine__national" x="196" y="1" width="3" height="14"/><text x="203" y="12">land</text>'
    '<line class="bse-spine__threshold" x1="245" x2="245" y1="1" y2="15"/><text x="251" y="12">listegrænse</text></g>'
)


MARKS = ("track", "threshold", "national", "dot--official", "dot--illustrative")  # each kind of mark, in drawing order


def _x(value: float, top: float) -> float:
    return round(value / top * (WIDTH - 12) + 6, 1)


def svg(found: list[Row], label_id: str) -> str:
    """The drawing: per row the indicator's name and figure, a track, the thresholds, the national level and the area's dot.

    A row's texts are one group, in reading order (its name, its figure, the thresholds' values: so a printed report's
    text reads row by row), styled by their place in it (site.css); the marks of each kind share one group, which carries
    their class (SVG's presentation properties are inherited), drawn after the texts in this order, so a dot lies over the
    marks of its row. Said once, not on each of some forty marks of every area page.
    """
    texts, marks = [], {kind: [] for kind in MARKS}
    for i, r in enumerate(found):
        y = TOP + i * ROW
        top = max([r.value, r.national or 0, *(t for _, t, _ in r.thresholds)]) * 1.15 or 1
        row = [f'<text y="{y + 11}">{escape(r.indicator.name)}</text>', f'<text x="{WIDTH}" y="{y + 11}">{number(r.value)}{_short(r.indicator)}</text>']
        marks["track"].append(f'<rect y="{y + 21}" width="{WIDTH}" height="6" rx="3"/>')
        for _, threshold, _ in r.thresholds:
            x = _x(threshold, top)
            marks["threshold"].append(f'<line x1="{x}" x2="{x}" y1="{y + 15}" y2="{y + 33}"/>')
            row.append(f'<text x="{x}" y="{y + 44}">{number(threshold)}</text>')
        texts.append(f'<g class="bse-spine__row">{"".join(row)}</g>')
        if r.national is not None:
            marks["national"].append(f'<rect x="{_x(r.national, top) - 1.5}" y="{y + 15}" width="3" height="18"/>')
        marks["dot--official" if r.official else "dot--illustrative"].append(f'<circle cx="{_x(r.value, top)}" cy="{y + 24}" r="6"/>')
    drawn = "".join(f'<g class="bse-spine__{kind}">{"".join(m)}</g>' for kind, m in marks.items() if m)
    height = TOP + len(found) * ROW
    return (f'<svg class="bse-spine" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="{label_id}" '
            f'focusable="false">{LEGEND}{"".join(texts)}{drawn}</svg>')


def _said(r: Row) -> str:
    unit = _unit(r.indicator)
    limits = "; ".join(f"{'/'.join(lists)} {OPERATOR_WORDS[op]} {number(t)}{unit}" for op, t, lists in r.thresholds) or "ingen målbar grænse"
    national = f"landsniveau {number(r.national)}{unit}" if r.national is not None else "intet landsniveau"
    kind = published(r.inferred) if r.official else "eksempeldata"
    return f"{r.indicator.name}: {number(r.value)}{unit} i {r.year} ({kind}), {national}, grænser: {limits}"


def criteria_chart(catalogue: Catalogue, area: Area) -> Chart | None:
    """The spine chart of the area's list criteria, with its text alternative, table and CSV; None without figures."""
    found = rows(catalogue, area.area_id)
    if not found:
        return None
    chart_id = f"kriterier-{area.area_id}"
    description = (f"Prikdiagram over {area.name}s seneste tal for listernes kriterier, hvert mod landsniveauet og listernes grænser "
                   f"det år. " + ". ".join(_said(r) for r in found) + ".")
    table_rows = tuple(
        (r.indicator.name, r.year, f"{number(r.value)}{_unit(r.indicator)}", "–" if r.national is None else number(r.national),
         "; ".join(f"{'/'.join(lists)}: {OPERATOR_WORDS[op]} {number(t)}" for op, t, lists in r.thresholds) or "–",
         published(r.inferred, "offentliggjort") if r.official else "eksempeldata")
        for r in found
    )
    illustrative = not all(r.official for r in found)
    source = next((c.source for c in measurable(catalogue, found[0].year) if c.indicator_id), "")
    return Chart(
        chart_id=chart_id,
        title="Listekriterierne",
        description=description,
        spec={},
        table=Table(("Kriterium", "År", "Områdets tal", "Landsniveau", "Grænser", "Tal"), table_rows, numeric=(2, 3)),
        # its figures are the latest rows of the area's indicator CSV, which the spine offers as its own
        rows=(),
        columns=CSV_COLUMNS,
        csv_path=area_csv(area.area_id),
        csv_illustrative=catalogue.is_illustrative("indicators", "observations"),  # as the indicator charts name the file
        sources=(("grænserne", source), ("tal: eksempeldata undtagen ●" if illustrative else "tal: offentliggjorte", "")),
        illustrative=illustrative,
        svg=svg(found, f"{chart_id}-alt"),
    )
