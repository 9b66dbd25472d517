"""One function per chart kind: model slice → Vega-Lite spec, text alternative, table and CSV.

Building an Altair chart costs ~20 ms, copying a prepared spec ~0.02 ms, so each kind is built
once per indicator as a template with named datasets, and every chart fills in its own data.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import altair as alt

from macros.html import urls
from macros.html.format import number
from macros.data.model import Area, Catalogue, Indicator

AREA_COLOUR = "#1f5f8b"
NATIONAL_COLOUR = "#a3541c"


@dataclass(frozen=True)
class Table:
    """The chart's numbers as a reader sees them: headers, formatted rows, which columns are numeric."""

    headers: tuple[str, ...]
    rows: tuple[tuple, ...]
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart with everything needed to show it accessibly: spec, text alternative, table, CSV."""

    chart_id: str
    title: str
    description: str
    spec: dict
    table: Table
    rows: tuple[tuple, ...]  # the CSV download's rows, under `columns`
    columns: tuple[str, ...]
    csv_path: str  # where the CSV download lives in the site, e.g. omraader/vollsmose/ledighed.csv
    sources: tuple[tuple[str, str], ...]
    illustrative: bool
    indicator_id: str | None = None


PER_CHART = ("title", "description", "datasets", "height")  # what a chart sets; the rest is its kind's template
_templates: dict[tuple, tuple[str, dict]] = {}
_sent: set[str] = set()


def copy_template(template: dict) -> dict:
    """A chart's own spec from its kind's template: shared parts are the template's objects, only the title is copied."""
    return {**template, "title": dict(template.get("title", {}))}


def split_spec(spec: dict) -> dict:
    """What a page embeds: the chart's own parts and the key of its template, which all pages load from one file.

    The description is left out (the page shows it as the chart's text alternative, and charts.js reads
    it from there), and each dataset is sent as column names and rows of values (`compact`), which
    charts.js turns back into records: the same numbers in a third of the bytes.
    Copies of one template share its objects, so the content hash is computed once per template; the
    registry keeps those objects alive, so their ids are never reused for other content.
    """
    shared = {k: v for k, v in spec.items() if k not in PER_CHART}
    marker = tuple(id(v) for v in shared.values())
    if marker not in _templates:
        key = hashlib.sha1(json.dumps(shared, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]
        _templates[marker] = (key, shared)
    key = _templates[marker][0]
    part = {"template": key, **{k: spec[k] for k in PER_CHART if k in spec and k != "description"}}
    if "datasets" in part:
        part["datasets"] = {name: compact(rows) for name, rows in part["datasets"].items()}
    return part


def compact(rows: list[dict]) -> dict | list:
    """[{"year": 2010, "serie": "Gellerup"}, …] → {"columns": ["year", "serie"], "rows": [[2010, 0], …], "values": {"serie": ["Gellerup", …]}}.

    Records with the same fields become rows of values; a text column that repeats its values (the
    series name on every point) holds indices into its list of values. charts.js turns it back.
    """
    if not rows or not isinstance(rows, list):
        return rows
    keys = rows[0].keys()
    if not all(isinstance(r, dict) and r.keys() == keys for r in rows):
        return rows
    table = [list(r.values()) for r in rows]
    values = {}
    for i, column in enumerate(keys):
        distinct = list(dict.fromkeys(row[i] for row in table))
        if all(isinstance(v, str) for v in distinct) and len(distinct) * 2 <= len(table):
            values[column] = distinct
            index = {v: n for n, v in enumerate(distinct)}
            for row in table:
                row[i] = index[row[i]]
    return {"columns": list(keys), "rows": table, **({"values": values} if values else {})}


def templates_unsent() -> dict[str, dict]:
    """Templates registered here since the last call (a render worker sends them to the main process)."""
    unsent = {key: shared for key, shared in _templates.values() if key not in _sent}
    _sent.update(unsent)
    return unsent


def templates_named(html: str) -> dict[str, dict]:
    """The templates the charts in html name (an area's pages, kept for the next build)."""
    keys = set(re.findall(r'"template":"([0-9a-f]{10})"', html))
    return {key: shared for key, shared in _templates.values() if key in keys}


def adopt_templates(templates: dict[str, dict]) -> None:
    """Templates a render worker registered, so templates_json lists them too."""
    for key, shared in templates.items():
        _templates.setdefault(("worker", key), (key, shared))


def templates_json() -> str:
    """Every template the build's charts used, keyed as split_spec names them (assets/charts/templates.json)."""
    used = {key: shared for key, shared in _templates.values()}
    return json.dumps(used, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=None)
def _indicator_template(name: str, unit: str, with_thresholds: bool, with_periods: bool = False) -> dict:
    """The Vega-Lite spec for an indicator over time, with data left out (named datasets)."""
    x = alt.X("year:Q", title="År", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False))
    lines = (
        alt.Chart(alt.NamedData("serier"))
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("value:Q", title=unit, scale=alt.Scale(zero=True)),
            # 'orden' puts the area first, so it always gets AREA_COLOUR whatever its name
            color=alt.Color("serie:N", title=None, sort=alt.EncodingSortField("orden", op="min"), scale=alt.Scale(range=[AREA_COLOUR, NATIONAL_COLOUR]), legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("serie:N", title="Serie"), alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("value:Q", title=unit, format=",.2~f")],
        )
    )
    rules = (
        alt.Chart(alt.NamedData("graenser"))
        .mark_rule(strokeDash=[6, 4], color="#555555", strokeWidth=1.5)
        .encode(
            x=alt.X("fra:Q"),
            x2="til:Q",
            y=alt.Y("graense:Q"),
            tooltip=[alt.Tooltip("liste:N", title="Liste"), alt.Tooltip("graense:Q", title="Grænse", format=",.2~f"), alt.Tooltip("fra:Q", title="Fra", format="d"), alt.Tooltip("til:Q", title="Til", format="d")],
        )
    )
    labels = (
        alt.Chart(alt.NamedData("graenser"))
        .mark_text(align="left", dx=3, dy=-6, fontSize=10, color="#444444")
        .encode(x=alt.X("fra:Q"), y=alt.Y("graense:Q"), text="liste:N")
    )
    # each helhedsplan's years, shaded behind everything else
    periods = (
        alt.Chart(alt.NamedData("perioder"))
        .mark_rect(opacity=0.13, color="#6b6b6b")
        .encode(x=alt.X("fra:Q"), x2="til:Q", tooltip=[alt.Tooltip("plan:N", title="Helhedsplan")])
    )
    period_labels = (
        alt.Chart(alt.NamedData("perioder"))
        .mark_text(align="left", baseline="top", dx=3, y=2, fontSize=10, color="#444444")
        .encode(x=alt.X("fra:Q"), text="plan:N")
    )
    layers = ((periods, period_labels) if with_periods else ()) + ((rules, labels, lines) if with_thresholds else (lines,))
    chart = alt.layer(*layers).properties(width="container", height=260, title=alt.Title(name, subtitle=""))
    return chart.to_dict()


@dataclass(frozen=True)
class _Series:
    observations: tuple
    national: dict[int, float]
    points: list[dict]
    rules: list[dict]
    rows: tuple[tuple, ...]
    first: int
    last: int


def _series(catalogue: Catalogue, area: Area, indicator: Indicator) -> _Series | None:
    """The numbers behind one indicator chart: area and national points, thresholds, table rows."""
    series = catalogue.observations.get((area.area_id, indicator.indicator_id), ())
    if not series:
        return None
    if all(o.suppressed for o in series):
        return None
    national = {o.year: o.value for o in catalogue.national.get(indicator.indicator_id, ())}
    first, last = series[0].year, series[-1].year
    points = [{"year": o.year, "value": o.value, "serie": area.name, "orden": 0} for o in series if not o.suppressed]
    points += [{"year": y, "value": v, "serie": "Landsniveau", "orden": 1} for y, v in sorted(national.items()) if first <= y <= last]
    rules = [
        {"fra": max(c.valid_from, first), "til": min(c.valid_to or last, last), "graense": c.threshold, "liste": c.list_type}
        for c in catalogue.thresholds(indicator.indicator_id)
        if c.list_type != "alle lister" and (c.valid_to or last) >= first and c.valid_from <= last
    ]
    rows = tuple(
        (
            indicator.indicator_id, area.area_id, o.year, o.value, o.base_population, national.get(o.year),
            "; ".join(f"{r['liste']}: {number(r['graense'])}" for r in rules if r["fra"] <= o.year <= r["til"]),
            "true" if o.suppressed else "false",
        )
        for o in series
    )
    return _Series(series, national, points, rules, rows, first, last)


CSV_COLUMNS = ("indicator_id", "area_id", "year", "value", "base_population", "national_value", "thresholds", "suppressed")
SUPPRESSED = "diskretioneret"


def csv_text(rows, columns=CSV_COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def _cell(value):
    # 62.0 → 62, as the package CSVs write it
    if value is None:
        return ""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _indicator_table(rows, rules: list[dict], threshold: int) -> Table:
    """Year, value, people, national level, and a column per list with its threshold in force that year ("–" when none)."""
    lists = list(dict.fromkeys(r["liste"] for r in rules))

    def limits(year: int) -> tuple:
        in_force = {r["liste"]: number(r["graense"]) for r in rules if r["fra"] <= year <= r["til"]}
        return tuple(in_force.get(name, "–") for name in lists)

    formatted = tuple(
        ((r[2], SUPPRESSED, f"under {threshold}", number(r[5])) if r[7] == "true" else (r[2], number(r[3]), number(r[4], 0), number(r[5]))) + limits(r[2])
        for r in rows
    )
    headers = ("År", "Værdi", "Antal personer", "Landsniveau", *(f"Grænse, {name}" for name in lists))
    return Table(headers, formatted, tuple(range(1, len(headers))))


def indicator_chart(catalogue: Catalogue, area: Area, indicator: Indicator) -> Chart | None:
    """The area against the national level and the list thresholds in force, for one indicator."""
    data = _series(catalogue, area, indicator)
    if data is None:
        return None
    illustrative = catalogue.is_illustrative("indicators", "observations")
    subtitle = f"{area.name} og landsniveau, {data.first}–{data.last}" + (" · Eksempeldata, ikke officielle tal" if illustrative else "")
    periods = [
        {"fra": max(p.start_year, data.first), "til": min(p.end_year, data.last), "plan": f"Plan {p.pool}"}
        for p in catalogue.plans_of(area.area_id) if p.start_year <= data.last and p.end_year >= data.first
    ]
    description = _describe(area, indicator, data, catalogue.suppression_threshold)
    if periods:
        description += " Skraveret: " + "; ".join(f"helhedsplanen {p['fra']}–{p['til']}" for p in periods) + "."
    spec = copy_template(_indicator_template(indicator.name, indicator.unit, bool(data.rules), bool(periods)))
    spec["title"]["subtitle"] = subtitle
    spec["description"] = description
    spec["datasets"] = {"serier": data.points, "graenser": data.rules} if data.rules else {"serier": data.points}
    if periods:
        spec["datasets"]["perioder"] = periods
    return Chart(
        chart_id=f"chart-{indicator.indicator_id}",  # unique on the page; the area is the page
        indicator_id=indicator.indicator_id,
        title=indicator.name,
        description=description,
        spec=spec,
        table=_indicator_table(data.rows, data.rules, catalogue.suppression_threshold),
        rows=data.rows,
        columns=CSV_COLUMNS,
        csv_path=urls.area(area.area_id) + csv_name(indicator),
        sources=_sources(catalogue, indicator, illustrative),
        illustrative=illustrative,
    )


def csv_name(indicator: Indicator) -> str:
    return f"{indicator.indicator_id}.csv"


def _sources(catalogue: Catalogue, indicator: Indicator, illustrative: bool) -> tuple[tuple[str, str], ...]:
    figures = ("Tal: eksempeldata dannet af build_scripts/illustrative.py", "") if illustrative else ("Tal: " + catalogue.packages["indicators"].title, "")
    # the link says where it goes (regeringen.dk), not the whole address, which the href already holds
    host = urlsplit(indicator.source).netloc.removeprefix("www.") or indicator.source
    return ((f"Definition: {host}", indicator.source), figures)


def _describe(area: Area, indicator: Indicator, data: _Series, threshold: int) -> str:
    series, national, rules = data.observations, data.national, data.rules
    latest = [o for o in series if not o.suppressed][-1]
    text = (
        f"Linjediagram over {indicator.name.lower()} i {area.name} fra {series[0].year} til {series[-1].year}. "
        f"I {latest.year} var værdien {number(latest.value)} ({indicator.unit})"
    )
    if latest.year in national:
        text += f" mod {number(national[latest.year])} på landsniveau"
    text += "."
    current = [r for r in rules if r["fra"] <= latest.year <= r["til"]]
    if current:
        text += " Grænser i " + str(latest.year) + ": " + "; ".join(f"{r['liste']} {number(r['graense'])}" for r in current) + "."
    if indicator.direction != "neutral":
        text += f" For denne indikator er {indicator.direction.split()[0]} værdier bedre."
    hidden = [str(o.year) for o in series if o.suppressed]
    if hidden:
        text += f" Tallene for {', '.join(hidden)} er {SUPPRESSED}, fordi de bygger på færre end {threshold} personer."
    return text
