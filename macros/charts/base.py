"""What every chart is: a Vega-Lite spec from a shared template, a text alternative, a table and a CSV.

Building an Altair chart costs ~20 ms, copying a prepared spec ~0.02 ms, so each kind is built
once as a template with named datasets (charts/indicator.py, evidence.py, goals.py, national.py),
and every chart fills in its own data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import altair as alt

from macros.charts import palette
from macros.text.downloads import csv_text
from macros.text.published import published


@dataclass(frozen=True)
class Table:
    """The chart's numbers as a reader sees them: headers, formatted rows, which columns are numeric."""

    headers: tuple[str, ...]
    rows: tuple[tuple, ...]
    numeric: tuple[int, ...] = ()
    note: str = ""  # a line under the table for what would repeat on every row (an indicator's list thresholds)


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
    csv_path: str  # where the CSV download lives in the site, e.g. omraader/vollsmose/indikatorer.csv; charts of a page may share one
    sources: tuple[tuple[str, str], ...]
    illustrative: bool
    indicator_id: str | None = None
    # rows of published figures in a chart of illustrative ones → what of the figure is inferred (None: nothing)
    official_rows: Mapping[int, str | None] = field(default_factory=dict)
    svg: str = ""  # a static drawing (charts/spine.py) in place of a Vega spec: drawn before any script has run
    # whether the CSV's figures are illustrative, where that is not the chart's own flag: the spine offers its area's
    # indicator CSV, named as the indicator charts name it
    csv_illustrative: bool | None = None


PER_CHART = ("title", "description", "datasets", "height")  # what a chart sets; the rest is its kind's template
# Kept by identity, for the life of the process: hashing each chart's template costs 26 µs (about 8 s of a
# 10,000-area build), and the templates come from lru_cached builders, so their objects never change.
_keys: dict[tuple, tuple[str, dict, tuple]] = {}  # ids of a template's shared parts → (key, shared parts, the parts kept alive)


def copy_template(template: dict) -> dict:
    """A chart's own spec from its kind's template: shared parts are the template's objects, only the title is copied."""
    return {**template, "title": dict(template.get("title", {}))}


def template_of(spec: dict) -> tuple[str, dict]:
    """The content-hashed key of a chart's template and the template itself: the spec but for what each chart sets.

    Copies of one template share its objects, so the hash is computed once per template and kept by
    the ids of those objects (kept alive with it, so an id is never reused for other content).
    """
    shared = {k: v for k, v in spec.items() if k not in PER_CHART}
    marker = tuple(id(v) for v in shared.values())
    if marker not in _keys:
        key = hashlib.sha1(json.dumps(shared, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]
        _keys[marker] = (key, shared, tuple(shared.values()))
    return _keys[marker][0], _keys[marker][1]


def from_table(name: str, columns: tuple[str, ...]) -> dict:
    """A template's word that its charts' dataset `name` is the chart's own data table, its first columns read as
    `columns` (Vega-Lite keeps `usermeta` for its users): the page says each figure once, in the table, and charts.js
    draws from there. The table must hold the dataset's points, formatted by macros.text.format.number."""
    return {"usermeta": {"table": {"dataset": name, "columns": list(columns)}}}


def written_in(node, datasets: dict[str, list], words: dict[str, str]):
    """A copy of a spec with its named datasets given as values (not walked: a figure is never a word), and each string
    that is a key of words replaced: a template Altair built once with placeholders for what its charts name."""
    if isinstance(node, dict):
        if node.keys() == {"name"} and node["name"] in datasets:
            return {"values": datasets[node["name"]]}
        return {k: written_in(v, datasets, words) for k, v in node.items()}
    if isinstance(node, list):
        return [written_in(v, datasets, words) for v in node]
    return words.get(node, node) if isinstance(node, str) else node


def split_spec(spec: dict) -> dict:
    """What a page embeds: the chart's own parts and the key of its template, which all pages load from one file.

    The description is left out (the page shows it as the chart's text alternative, and charts.js reads
    it from there), and so is a dataset the template reads from the chart's table (from_table); each other
    dataset is sent as column names and rows of values (`compact`), which charts.js turns back into
    records: the same numbers in a third of the bytes.
    """
    # the title and subtitle are the figure's caption (macros/html/blocks.py), not drawn in the chart
    part = {"template": template_of(spec)[0], **{k: spec[k] for k in PER_CHART if k in spec and k not in ("description", "title")}}
    if "datasets" in part:
        in_table = spec.get("usermeta", {}).get("table", {}).get("dataset")
        part["datasets"] = {name: compact(rows) for name, rows in part["datasets"].items() if name != in_table}
        if not part["datasets"]:
            del part["datasets"]
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


def area_and_national(legend: bool = True):
    """The colour of a series: the area first, in the area's colour, the national level in its own ('orden' sorts them).
    legend False: the page shows one legend for many charts (small multiples)."""
    return alt.Color(
        "serie:N",
        title=None,
        sort=alt.EncodingSortField("orden", op="min"),
        scale=alt.Scale(range=[palette.AREA, palette.NATIONAL]),
        legend=alt.Legend(orient="bottom") if legend else None,
    )


SUPPRESSED = "diskretioneret"
# The column of illustrative figures says "ja" on each of their rows (its title and description in the data package
# say what it means): at 10,000 areas the longer "ja (ikke officielle tal)" was 50 MB of the site. No comma: appended
# to CSV lines as it is.
ILLUSTRATIVE_COLUMN, ILLUSTRATIVE_VALUE = "eksempeldata", "ja"
OFFICIAL_VALUE = f"nej ({published()})"


def official_value(inferred: str | None) -> str:
    return f"nej ({published(inferred, sep='; ')})"


def csv_path(chart: Chart) -> str:
    """Where the chart's CSV lives; a file of illustrative figures says so in its name."""
    illustrative = chart.illustrative if chart.csv_illustrative is None else chart.csv_illustrative
    return chart.csv_path.removesuffix(".csv") + "-eksempeldata.csv" if illustrative else chart.csv_path


def csv_rows(chart: Chart) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    """The chart's CSV columns and rows, with a column saying so on every row of illustrative figures."""
    rows, columns = chart.rows, chart.columns
    if chart.illustrative:
        rows = tuple(row + (official_value(chart.official_rows[i]) if i in chart.official_rows else ILLUSTRATIVE_VALUE,) for i, row in enumerate(rows))
        columns = columns + (ILLUSTRATIVE_COLUMN,)
    return columns, rows


def csv_files(charts) -> dict[str, str]:
    """Each CSV the charts offer (site path → text). Charts naming one file share it, its rows in the charts' order: an
    area's indicator charts are one file, not a dozen (at 10,000 areas a small file costs more in the published
    archive than its figures). A chart without rows of its own (the spine, whose figures are the file's latest rows)
    adds none; sharers must have the same columns."""
    found: dict[str, tuple[tuple[str, ...], list[tuple]]] = {}
    for chart in charts:
        columns, rows = csv_rows(chart)
        path = csv_path(chart)
        shared, kept = found.setdefault(path, (columns, []))
        if rows and kept and shared != columns:
            raise ValueError(f"{path}: the charts that share this CSV have different columns")
        if not kept:  # the columns of the first chart that has rows
            found[path] = (columns, kept)
        kept.extend(rows)
    return {path: csv_text(rows, columns) for path, (columns, rows) in found.items()}
