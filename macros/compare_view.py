"""The compare view: pick two to four areas and one indicator; the browser draws them from per-indicator data files."""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
from markupsafe import Markup

from macros import urls
from macros.format import danish_key
from macros.html import block, json_script, link, relative_url
from macros.model import Catalogue, Indicator
from macros.render import illustrative_notice

COLOURS = ["#1f5f8b", "#a3541c", "#2e7d32", "#6a3d9a"]  # distinguishable for common colour-vision deficiencies
SLOTS = 4


@lru_cache(maxsize=1)
def template() -> dict:
    return alt.Chart(alt.NamedData("serier")).mark_line(point=True).encode(
        x=alt.X("year:Q", title="År", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
        y=alt.Y("value:Q", title="", scale=alt.Scale(zero=True)),
        color=alt.Color("serie:N", title=None, sort=alt.EncodingSortField("orden", op="min"), scale=alt.Scale(range=COLOURS), legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("serie:N", title="Område"), alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("value:Q", title="Værdi", format=",.2~f")],
    ).properties(width="container", height=280, title=alt.Title("", subtitle="")).to_dict()


def data_file(catalogue: Catalogue, indicator: Indicator) -> str:
    """One indicator for every area, suppressed figures left out (the model has no value for them)."""
    areas = {}
    for area in catalogue.areas.values():
        points = [[o.year, o.value] for o in catalogue.observations.get((area.area_id, indicator.indicator_id), ()) if not o.suppressed]
        if points:
            areas[area.area_id] = {"name": area.name, "points": points}
    return json.dumps({
        "indicator": indicator.indicator_id, "name": indicator.name, "unit": indicator.unit,
        "illustrative": catalogue.is_illustrative("indicators", "observations"), "areas": areas,
    }, ensure_ascii=False, separators=(",", ":"))


def data_name(indicator_id: str) -> str:
    return f"{indicator_id}.json"


def compare_view(catalogue: Catalogue, page_url: str) -> str:
    areas = sorted(catalogue.areas.values(), key=lambda a: danish_key(a.name))
    area_options = Markup("").join(Markup('<option value="{}">{} ({})</option>').format(a.area_id, a.name, a.municipality) for a in areas)
    selects = Markup("").join(
        Markup('<div class="bse-filter__field"><label for="compare-{0}">Område {0}</label><select id="compare-{0}" name="omraade"><option value="">Vælg område</option>{1}</select></div>').format(n, area_options)
        for n in range(1, SLOTS + 1)
    )
    indicators = Markup("").join(Markup('<option value="{}">{}</option>').format(i.indicator_id, i.name) for i in catalogue.indicators.values())
    form = Markup(
        '<form class="bse-filter" data-compare hidden aria-label="Vælg områder og indikator">{}'
        '<div class="bse-filter__field"><label for="compare-indikator">Indikator</label><select id="compare-indikator" name="indikator">{}</select></div></form>'
    ).format(selects, indicators)
    nojs = Markup('<p data-compare-nojs>Sammenligningen tegnes af JavaScript i browseren. Uden JavaScript finder du hvert områdes tal, tabeller og CSV-filer på {}.</p>').format(
        link(relative_url(page_url, f"{urls.AREAS}/"), "områdernes egne sider"))
    figure = Markup(
        '<figure class="bse-chart" data-compare-figure hidden aria-labelledby="compare-title">'
        '<figcaption id="compare-title" class="bse-chart__title"></figcaption>'
        '<div class="bse-chart__canvas" data-spec="compare-spec" data-rendered="waiting" role="img" aria-label=""></div>{}'
        '<p class="bse-chart__alt" data-compare-alt aria-live="polite"></p>'
        '<p class="bse-chart__source">Kilde: tallene fra områdernes sider{}.</p>'
        '<details><summary>Vis tallene som tabel</summary><div class="bse-table" tabindex="0" role="region" aria-label="Tallene i sammenligningen"><table data-compare-table></table></div></details>'
        '<p><a class="bse-chart__csv" data-compare-csv download="sammenligning.csv" href="#">Hent tallene som CSV (sammenligning.csv)</a></p>'
        "</figure>"
    ).format(json_script("compare-spec", template()), " (eksempeldata, ikke officielle tal)" if catalogue.is_illustrative("indicators", "observations") else "")
    message = Markup('<p class="bse-count" data-compare-message aria-live="polite"></p>')
    notice = illustrative_notice("Tallene i sammenligningen") if catalogue.is_illustrative("indicators", "observations") else ""
    return notice + block(nojs + form + message + figure)
