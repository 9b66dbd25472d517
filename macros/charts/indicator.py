"""Indicator charts: one area against the national level and the list thresholds over time (area pages),
all areas ranked in the latest year and the national trend (indicator pages)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import altair as alt

from macros.charts import palette
from macros.charts.base import SUPPRESSED, Chart, Table, copy_template, from_table, written_in
from macros.data.model import Area, Catalogue, Indicator, Observation
from macros.rules.lists import in_force, list_thresholds
from macros.text import urls
from macros.text.format import number
from macros.text.lists import joined
from macros.text.published import INFERRED, published

CSV_COLUMNS = ("indicator_id", "area_id", "year", "value", "base_population", "national_value", "thresholds", "suppressed", "official")
RANKING_COLUMNS = ("indicator_id", "area_id", "year", "value", "base_population")
NATIONAL_COLUMNS = ("indicator_id", "year", "value")
MAX_BARS = 60  # the ranking shows the highest and lowest half of this many when there are more areas


ILLUSTRATIVE_SOURCE = "Tal: eksempeldata (dannet af projektet ud fra områdets listehistorik)"


def figures_source(catalogue: Catalogue, illustrative: bool) -> tuple[str, str]:
    """The source line of a chart's figures, in words: illustrative figures say so."""
    return (ILLUSTRATIVE_SOURCE, "") if illustrative else ("Tal: " + catalogue.packages["indicators"].title, "")


def latest_by_area(catalogue: Catalogue, indicator: Indicator) -> list[tuple[Area, Observation]]:
    """Each area's latest observation (suppressed ones included, so tables can say so), highest value first."""
    latest = [
        (area, series[-1])
        for area in catalogue.areas.values()
        if (series := catalogue.observations.get((area.area_id, indicator.indicator_id), ()))
    ]
    return sorted(latest, key=lambda x: (x[1].suppressed, -(x[1].value or 0), x[0].name))


@lru_cache(maxsize=None)
def _ranking_template(unit: str) -> dict:
    bars = alt.Chart(alt.NamedData("omraader")).mark_bar(color=palette.AREA).encode(
        y=alt.Y("navn:N", title=None, sort=alt.EncodingSortField("value", order="descending"), axis=alt.Axis(labelLimit=200)),
        x=alt.X("value:Q", title=unit),
        tooltip=[alt.Tooltip("navn:N", title="Område"), alt.Tooltip("value:Q", title=unit, format=",.2~f")],
    )
    rules = alt.Chart(alt.NamedData("graenser")).mark_rule(strokeDash=[6, 4], color=palette.THRESHOLD, strokeWidth=1.5).encode(
        x="graense:Q", tooltip=[alt.Tooltip("liste:N", title="Liste"), alt.Tooltip("graense:Q", title="Grænse", format=",.2~f")],
    )
    labels = alt.Chart(alt.NamedData("graenser")).mark_text(align="left", dx=3, baseline="top", y=0, fontSize=11, color=palette.LABEL).encode(
        x="graense:Q", text="liste:N"
    )
    return alt.layer(bars, rules, labels).properties(width="container", title=alt.Title("", subtitle="")).to_dict()


def ranking_chart(catalogue: Catalogue, indicator: Indicator) -> Chart | None:
    shown = [(a, o) for a, o in latest_by_area(catalogue, indicator) if not o.suppressed]
    if not shown:
        return None
    year = max(o.year for _, o in shown)
    shown = [(a, o) for a, o in shown if o.year == year]
    rules = [
        {"graense": c.threshold, "liste": c.list_type}
        for c in list_thresholds(catalogue, indicator.indicator_id)
        if in_force(c, year)
    ]
    illustrative = catalogue.is_illustrative("indicators", "observations")
    everyone = shown
    if len(shown) > MAX_BARS:  # a bar per area is unreadable beyond a few dozen; the CSV keeps them all
        shown = shown[:MAX_BARS // 2] + shown[-(MAX_BARS // 2):]
    spec = copy_template(_ranking_template(indicator.unit))
    spec["title"]["text"] = (
        f"{indicator.name}, alle områder i {year}"
        if shown is everyone
        else f"{indicator.name}: de {MAX_BARS // 2} højeste og {MAX_BARS // 2} laveste af {len(everyone)} områder i {year}"
    )
    # the chart's words describe only what it draws: the dashed line is there only when a list has a threshold that year
    said = (["Stiplet linje: grænsen på de officielle lister"] if rules else []) + (["Eksempeldata, ikke officielle tal"] if illustrative else [])
    spec["title"]["subtitle"] = " · ".join(said)
    spec["height"] = 14 * len(shown) + 20
    spec["datasets"] = {"omraader": [{"navn": a.name, "value": o.value} for a, o in shown], "graenser": rules}
    if not rules:
        spec["layer"] = spec["layer"][:1]
    top, bottom = shown[0], shown[-1]
    description = (
        f"Søjlediagram over {indicator.name.lower()} i {len(shown)} områder i {year}, sorteret efter værdi"
        + (". " if shown is everyone else f": de {MAX_BARS // 2} højeste og de {MAX_BARS // 2} laveste af {len(everyone)}; alle står i CSV-filen. ")
        + f"Højest: {top[0].name} med {number(top[1].value)}; lavest: {bottom[0].name} med {number(bottom[1].value)} ({indicator.unit})."
    )
    if rules:
        description += " Grænser: " + "; ".join(f"{r['liste']} {number(r['graense'])}" for r in rules) + "."
    spec["description"] = description
    rows = tuple((indicator.indicator_id, a.area_id, o.year, o.value, o.base_population) for a, o in everyone)
    return Chart(
        chart_id=f"chart-{indicator.indicator_id}-rangering",
        title=spec["title"]["text"],
        description=description,
        spec=spec,
        table=Table(("Område", "Værdi", "Antal personer"), tuple((a.name, number(o.value), number(o.base_population, 0)) for a, o in shown), (1, 2)),
        rows=rows,
        columns=RANKING_COLUMNS,
        csv_path=urls.indicator(indicator.indicator_id) + "rangering.csv",
        sources=(figures_source(catalogue, illustrative),),
        illustrative=illustrative,
        indicator_id=indicator.indicator_id,
    )


@lru_cache(maxsize=None)
def _national_template(unit: str) -> dict:
    return (
        alt.Chart(alt.NamedData("landsniveau"))
        .mark_line(point=True, color=palette.NATIONAL)
        .encode(
            x=alt.X("year:Q", title="År", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
            y=alt.Y("value:Q", title=unit, scale=alt.Scale(zero=True)),
            tooltip=[alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("value:Q", title=unit, format=",.2~f")],
        )
        .properties(width="container", height=220, title=alt.Title("", subtitle=""))
        .to_dict()
    )


def national_chart(catalogue: Catalogue, indicator: Indicator) -> Chart | None:
    series = catalogue.national.get(indicator.indicator_id, ())
    if not series:
        return None
    illustrative = catalogue.is_illustrative("indicators", "national")
    spec = copy_template(_national_template(indicator.unit))
    spec["title"]["text"] = f"{indicator.name} på landsniveau"
    spec["title"]["subtitle"] = f"{series[0].year}–{series[-1].year}" + (" · Eksempeldata, ikke officielle tal" if illustrative else "")
    spec["datasets"] = {"landsniveau": [{"year": o.year, "value": o.value} for o in series]}
    description = (
        f"Linjediagram over {indicator.name.lower()} på landsniveau fra {series[0].year} til {series[-1].year}: "
        f"fra {number(series[0].value)} til {number(series[-1].value)} ({indicator.unit})."
    )
    spec["description"] = description
    return Chart(
        chart_id=f"chart-{indicator.indicator_id}-landsniveau",
        title=spec["title"]["text"],
        description=description,
        spec=spec,
        table=Table(("År", "Værdi"), tuple((o.year, number(o.value)) for o in series), (1,)),
        rows=tuple((indicator.indicator_id, o.year, o.value) for o in series),
        columns=NATIONAL_COLUMNS,
        csv_path=urls.indicator(indicator.indicator_id) + "landsniveau.csv",
        sources=(figures_source(catalogue, illustrative),),
        illustrative=illustrative,
        indicator_id=indicator.indicator_id,
    )


# An indicator's name and unit are whole strings in its chart (titles), never parts of one, so Altair builds each shape
# of the chart once with these in their place and every indicator's template writes its own in: a build by Altair
# takes about 45 ms, and each rendering process made one per indicator and shape (33 at 3,000 areas, 1.5 s of CPU).
NAME, UNIT = "\ue000navn", "\ue000enhed"


@lru_cache(maxsize=None)
def _indicator_shape(with_thresholds: bool, with_periods: bool, with_official: bool) -> dict:
    return indicator_spec(NAME, UNIT, with_thresholds, with_periods, with_official)


def indicator_spec(name: str, unit: str, with_thresholds: bool, with_periods: bool = False, with_official: bool = False) -> dict:
    """The Vega-Lite spec for an indicator over time, with data left out (named datasets), as Altair builds it."""
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True), scale=alt.Scale(zero=False))
    value = alt.Tooltip("value:Q", title=unit, format=",.2~f")
    # the area's line and the national level's: fixed colours, as the page's one legend names them
    area = (
        alt.Chart(alt.NamedData("serier"))
        .mark_line(point=True, color=palette.AREA)
        .encode(x=x, y=alt.Y("value:Q", title=unit, scale=alt.Scale(zero=True)),
                tooltip=[alt.Tooltip("year:Q", title="Området", format="d"), value])
    )
    national = (
        alt.Chart(alt.NamedData("landsniveau"))
        .mark_line(point=True, color=palette.NATIONAL)
        .encode(x=x, y=alt.Y("value:Q"), tooltip=[alt.Tooltip("year:Q", title="Landsniveau", format="d"), value])
    )
    rules = (
        alt.Chart(alt.NamedData("graenser"))
        .mark_rule(strokeDash=[6, 4], color=palette.THRESHOLD, strokeWidth=1.5)
        .encode(
            x=alt.X("fra:Q"),
            x2="til:Q",
            y=alt.Y("graense:Q"),
            tooltip=[
                alt.Tooltip("liste:N", title="Liste"),
                alt.Tooltip("graense:Q", title="Grænse", format=",.2~f"),
                alt.Tooltip("fra:Q", title="Fra", format="d"),
                alt.Tooltip("til:Q", title="Til", format="d"),
            ],
        )
    )
    # each list named once, at the start of its first line, and never wider than a phone leaves room for
    labels = (
        alt.Chart(alt.NamedData("graenser"))
        .transform_filter("datum.foerste")
        .mark_text(align="left", dx=3, dy=-6, fontSize=11, color=palette.LABEL, limit=120)
        .encode(x=alt.X("fra:Q"), y=alt.Y("graense:Q"), text="liste:N")
    )
    # each helhedsplan's years, shaded behind everything else
    periods = (
        alt.Chart(alt.NamedData("perioder"))
        .mark_rect(opacity=0.13, color=palette.PERIOD)
        .encode(x=alt.X("fra:Q"), x2="til:Q", tooltip=[alt.Tooltip("plan:N", title="Helhedsplan")])
    )
    period_labels = (
        alt.Chart(alt.NamedData("perioder"))
        .mark_text(align="left", baseline="top", dx=3, y=2, fontSize=11, color=palette.LABEL)
        .encode(x=alt.X("fra:Q"), text="plan:N")
    )
    # published figures among illustrative ones: a diamond of their own over the area's point
    official = (
        alt.Chart(alt.NamedData("officielle"))
        .mark_point(shape="diamond", size=150, filled=False, strokeWidth=2, color=palette.LABEL)
        .encode(
            x=x, y=alt.Y("value:Q"), tooltip=[alt.Tooltip("year:Q", title="Offentliggjort tal", format="d"), alt.Tooltip("value:Q", title=unit, format=",.2~f")]
        )
    )
    layers = ((periods, period_labels) if with_periods else ()) + ((rules, labels) if with_thresholds else ()) + (national, area)
    layers += (official,) if with_official else ()
    chart = alt.layer(*layers).properties(width="container", height=170, title=alt.Title(name, subtitle=""))
    return chart.to_dict()


RULE_FIELDS = ("fra", "til", "graense", "liste", "foerste")


@lru_cache(maxsize=None)
def _area_template(name: str, unit: str, national: tuple[tuple[int, float], ...], rules: tuple[tuple, ...], with_periods: bool, with_official: bool) -> dict:
    """The indicator's template with what every area's chart of it shares written in as data: the national level and the
    list thresholds over the chart's years. A page then embeds only the area's own points, and the national series is
    one copy in the site's chart templates instead of one in every area page."""
    shared = {"landsniveau": [{"year": y, "value": v} for y, v in national], "graenser": [dict(zip(RULE_FIELDS, r)) for r in rules]}
    shape = _indicator_shape(bool(rules), with_periods, with_official)
    # the area's points are the chart's table's first two columns (_indicator_table): said once on the page
    return {**written_in(shape, shared, {NAME: name, UNIT: unit}), **from_table("serier", ("year", "value"))}


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
    """The numbers behind one indicator chart: the area's points, the national level, thresholds, CSV rows."""
    series = catalogue.observations.get((area.area_id, indicator.indicator_id), ())
    if not series:
        return None
    if all(o.suppressed for o in series):
        return None
    national = {o.year: o.value for o in catalogue.national.get(indicator.indicator_id, ())}
    first, last = series[0].year, series[-1].year
    points = [{"year": o.year, "value": o.value} for o in series if not o.suppressed]
    rules = [
        {"fra": max(c.valid_from, first), "til": min(c.valid_to or last, last), "graense": c.threshold, "liste": c.list_type}
        for c in list_thresholds(catalogue, indicator.indicator_id)
        if in_force(c, first, last)
    ]
    named: set[str] = set()
    for rule in sorted(rules, key=lambda r: r["fra"]):
        rule["foerste"] = rule["liste"] not in named
        named.add(rule["liste"])
    rows = tuple(
        (
            indicator.indicator_id,
            area.area_id,
            o.year,
            o.value,
            o.base_population,
            national.get(o.year),
            # two rule sets in one year (2013) can share a list and its threshold: said once
            "; ".join(dict.fromkeys(f"{r['liste']}: {number(r['graense'])}" for r in rules if r["fra"] <= o.year <= r["til"])),
            "true" if o.suppressed else "false",
            "true" if o.official else "false",
        )
        for o in series
    )
    return _Series(series, national, points, rules, rows, first, last)


def _indicator_table(rows, rules: list[dict], threshold: int, inferred: dict[int, str | None]) -> Table:
    """What the chart draws: the year, the area's figure and the national level (three columns fit a phone); the list
    thresholds in a line under it, as a column per list would say the same threshold on every row. The number of
    people behind each figure is in the CSV."""
    formatted = tuple(
        (r[2], f"{SUPPRESSED} (under {threshold} personer)", number(r[5]))
        if r[7] == "true"
        else (r[2], number(r[3]) + (f" ({published(inferred.get(r[2]))})" if r[8] == "true" else ""), number(r[5]))
        for r in rows
    )
    return Table(("År", "Området", "Landsniveau"), formatted, (1, 2), note=thresholds_note(rules))


def thresholds_note(rules: list[dict]) -> str:
    """'Listegrænser: ghettoområde 40 (2010–2017); udsat boligområde 40 (2018–2024).': each list's threshold and its
    years, two rule sets in a row with the same threshold (2013) as one span."""
    spans: list[list] = []
    for r in sorted(rules, key=lambda r: (r["fra"], r["liste"])):
        same = next((s for s in spans if s[0] == r["liste"] and s[1] == r["graense"] and s[3] >= r["fra"] - 1), None)
        if same:
            same[3] = max(same[3], r["til"])
        else:
            spans.append([r["liste"], r["graense"], r["fra"], r["til"]])
    said = [f"{name} {number(limit)} ({start}–{end})" if start != end else f"{name} {number(limit)} ({start})" for name, limit, start, end in spans]
    return f"Listegrænser: {'; '.join(said)}." if said else ""


def area_csv(area_id: str) -> str:
    """The one CSV of an area's indicator charts (and its spine chart, whose figures are the file's latest rows),
    before base.csv_path names a file of illustrative figures so."""
    return urls.area(area_id) + "indikatorer.csv"


def indicator_chart(catalogue: Catalogue, area: Area, indicator: Indicator) -> Chart | None:
    """The area against the national level and the list thresholds in force, for one indicator."""
    data = _series(catalogue, area, indicator)
    if data is None:
        return None
    illustrative = catalogue.is_illustrative("indicators", "observations")
    official = [o for o in data.observations if o.official]
    # the badge in the caption says eksempeldata; the page's legend names the marks
    subtitle = f"{data.first}–{data.last}"
    if official and illustrative:
        subtitle += f" · offentliggjort ◆ {joined(str(o.year) for o in official)}"
    periods = [
        {"fra": max(p.start_year, data.first), "til": min(p.end_year, data.last), "plan": f"Plan {p.pool}"}
        for p in catalogue.plans_of(area.area_id)
        if p.start_year <= data.last and p.end_year >= data.first
    ]
    description = _describe(area, indicator, data, catalogue.suppression_threshold)
    found = {o.year: catalogue.published[(area.area_id, indicator.indicator_id, o.year)] for o in official}  # where each is from
    inferred = {year: f.inferred for year, f in found.items()}

    if periods:
        description += " Skraveret: " + "; ".join(f"helhedsplanen {p['fra']}–{p['til']}" for p in periods) + "."
    if official:
        description += (
            " Offentliggjorte tal: "
            + "; ".join(f"{o.year}: {number(o.value)}" + (f" ({INFERRED[inferred[o.year]]})" if inferred[o.year] else "") for o in official)
            + ("; de øvrige er eksempeldata." if illustrative else ".")
        )
    national = tuple((y, v) for y, v in sorted(data.national.items()) if data.first <= y <= data.last)
    rules = tuple(tuple(r[k] for k in RULE_FIELDS) for r in data.rules)
    spec = copy_template(_area_template(indicator.name, indicator.unit, national, rules, bool(periods), bool(official)))
    spec["title"]["subtitle"] = subtitle
    spec["description"] = description
    spec["datasets"] = {"serier": data.points}
    if periods:
        spec["datasets"]["perioder"] = periods
    if official:
        spec["datasets"]["officielle"] = [{"year": o.year, "value": o.value} for o in official]
    published_at = tuple(dict.fromkeys(f.source for f in found.values()))
    return Chart(
        chart_id=f"chart-{indicator.indicator_id}",  # unique on the page; the area is the page
        indicator_id=indicator.indicator_id,
        title=indicator.name,
        description=description,
        spec=spec,
        table=_indicator_table(data.rows, data.rules, catalogue.suppression_threshold, inferred),
        rows=data.rows,
        columns=CSV_COLUMNS,
        csv_path=area_csv(area.area_id),
        sources=_sources(catalogue, indicator, illustrative)
        + tuple((f"Offentliggjort tal: {urlsplit(u).netloc.removeprefix('www.')}", u) for u in published_at),
        illustrative=illustrative,
        official_rows={i: inferred[o.year] for i, o in enumerate(data.observations) if o.official},
    )


def _sources(catalogue: Catalogue, indicator: Indicator, illustrative: bool) -> tuple[tuple[str, str], ...]:
    figures = figures_source(catalogue, illustrative)
    # the link says where it goes (regeringen.dk), not the whole address, which the href already holds
    host = urlsplit(indicator.source).netloc.removeprefix("www.") or indicator.source
    return ((f"definition: {host}", indicator.source), figures)


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
