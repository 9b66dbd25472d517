"""Charts across areas for an indicator page: all areas ranked in the latest year, and the national trend."""

from __future__ import annotations

from functools import lru_cache

import altair as alt

from macros.html import urls
from macros.charts.base import AREA_COLOUR, Chart, NATIONAL_COLOUR, Table, copy_template
from macros.html.format import number
from macros.data.model import Area, Catalogue, Indicator, Observation

RANKING_COLUMNS = ("indicator_id", "area_id", "year", "value", "base_population")
NATIONAL_COLUMNS = ("indicator_id", "year", "value")
MAX_BARS = 60  # the ranking shows the highest and lowest half of this many when there are more areas


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
    bars = alt.Chart(alt.NamedData("omraader")).mark_bar(color=AREA_COLOUR).encode(
        y=alt.Y("navn:N", title=None, sort=alt.EncodingSortField("value", order="descending"), axis=alt.Axis(labelLimit=200)),
        x=alt.X("value:Q", title=unit),
        tooltip=[alt.Tooltip("navn:N", title="Område"), alt.Tooltip("value:Q", title=unit, format=",.2~f")],
    )
    rules = alt.Chart(alt.NamedData("graenser")).mark_rule(strokeDash=[6, 4], color="#555555", strokeWidth=1.5).encode(
        x="graense:Q", tooltip=[alt.Tooltip("liste:N", title="Liste"), alt.Tooltip("graense:Q", title="Grænse", format=",.2~f")],
    )
    labels = alt.Chart(alt.NamedData("graenser")).mark_text(align="left", dx=3, baseline="top", y=0, fontSize=10, color="#444444").encode(
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
        for c in catalogue.thresholds(indicator.indicator_id)
        if c.valid_from <= year <= (c.valid_to or year) and c.list_type != "alle lister"
    ]
    illustrative = catalogue.is_illustrative("indicators", "observations")
    everyone = shown
    if len(shown) > MAX_BARS:  # a bar per area is unreadable beyond a few dozen; the CSV keeps them all
        shown = shown[:MAX_BARS // 2] + shown[-(MAX_BARS // 2):]
    spec = copy_template(_ranking_template(indicator.unit))
    spec["title"]["text"] = f"{indicator.name}, alle områder i {year}" if shown is everyone else f"{indicator.name}: de {MAX_BARS // 2} højeste og {MAX_BARS // 2} laveste af {len(everyone)} områder i {year}"
    spec["title"]["subtitle"] = "Stiplet linje: grænsen på de officielle lister" + (" · Eksempeldata, ikke officielle tal" if illustrative else "")
    spec["height"] = 14 * len(shown) + 20
    spec["datasets"] = {"omraader": [{"navn": a.name, "value": o.value} for a, o in shown], "graenser": rules}
    if not rules:
        spec["layer"] = spec["layer"][:1]
    top, bottom = shown[0], shown[-1]
    description = (
        f"Søjlediagram over {indicator.name.lower()} i {len(shown)} områder i {year}, sorteret efter værdi"
        + (". " if shown is everyone else f": de {MAX_BARS // 2} højeste og de {MAX_BARS // 2} laveste af {len(everyone)}; alle står i CSV-filen. ") +
        f"Højest: {top[0].name} med {number(top[1].value)}; lavest: {bottom[0].name} med {number(bottom[1].value)} ({indicator.unit})."
    )
    if rules:
        description += " Grænser: " + "; ".join(f"{r['liste']} {number(r['graense'])}" for r in rules) + "."
    spec["description"] = description
    rows = tuple((indicator.indicator_id, a.area_id, o.year, o.value, o.base_population) for a, o in everyone)
    return Chart(
        chart_id=f"chart-{indicator.indicator_id}-rangering", title=spec["title"]["text"], description=description, spec=spec,
        table=Table(("Område", "Værdi", "Antal personer"), tuple((a.name, number(o.value), number(o.base_population, 0)) for a, o in shown), (1, 2)),
        rows=rows, columns=RANKING_COLUMNS, csv_path=urls.indicator(indicator.indicator_id) + "rangering.csv",
        sources=(("Tal: eksempeldata dannet af build_scripts/illustrative.py", ""),) if illustrative else (("Tal: " + catalogue.packages["indicators"].title, ""),),
        illustrative=illustrative, indicator_id=indicator.indicator_id,
    )


@lru_cache(maxsize=None)
def _national_template(unit: str) -> dict:
    return alt.Chart(alt.NamedData("landsniveau")).mark_line(point=True, color=NATIONAL_COLOUR).encode(
        x=alt.X("year:Q", title="År", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
        y=alt.Y("value:Q", title=unit, scale=alt.Scale(zero=True)),
        tooltip=[alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("value:Q", title=unit, format=",.2~f")],
    ).properties(width="container", height=220, title=alt.Title("", subtitle="")).to_dict()


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
        chart_id=f"chart-{indicator.indicator_id}-landsniveau", title=spec["title"]["text"], description=description, spec=spec,
        table=Table(("År", "Værdi"), tuple((o.year, number(o.value)) for o in series), (1,)),
        rows=tuple((indicator.indicator_id, o.year, o.value) for o in series), columns=NATIONAL_COLUMNS, csv_path=urls.indicator(indicator.indicator_id) + "landsniveau.csv",
        sources=(("Tal: eksempeldata dannet af build_scripts/illustrative.py", ""),) if illustrative else (("Tal: " + catalogue.packages["indicators"].title, ""),),
        illustrative=illustrative, indicator_id=indicator.indicator_id,
    )
