"""The compare view: pick two to four areas and one indicator; the browser draws them from per-indicator data files."""

from __future__ import annotations

import json
from functools import lru_cache

import altair as alt
from markupsafe import Markup

from macros.charts import palette
from macros.data.model import Catalogue, Indicator
from macros.html.blocks import notice
from macros.html.builders import json_script, link, relative_url
from macros.pages.page import Body
from macros.text import urls
from macros.text.format import danish_key

SLOTS = 4


@lru_cache(maxsize=1)
def template() -> dict:
    return (
        alt.Chart(alt.NamedData("serier"))
        .mark_line(point=True)
        .encode(
            x=alt.X("year:Q", title="År", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
            y=alt.Y("value:Q", title="", scale=alt.Scale(zero=True)),
            # four colours told apart with the common colour-vision deficiencies
            color=alt.Color(
                "serie:N",
                title=None,
                sort=alt.EncodingSortField("orden", op="min"),
                scale=alt.Scale(range=list(palette.SERIES[:4])),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("serie:N", title="Område"),
                alt.Tooltip("year:Q", title="År", format="d"),
                alt.Tooltip("value:Q", title="Værdi", format=",.2~f"),
            ],
        )
        .properties(width="container", height=280, title=alt.Title("", subtitle=""))
        .to_dict()
    )


AREAS_PER_CHUNK = 150  # about 35 KB of figures per data file, whatever the number of areas


def chunks(catalogue: Catalogue) -> int:
    """How many data files each indicator is split into; compare.js reads the number from the page."""
    return max(1, -(-len(catalogue.areas) // AREAS_PER_CHUNK))


@lru_cache(maxsize=None)  # asked once per area and indicator: 130,000 times at 10,000 areas
def chunk_of(area_id: str, count: int) -> int:
    """The data file an area's figures are in; compare.js computes the same (area ids are ASCII)."""
    h = 0
    for ch in area_id:
        h = (h * 31 + ord(ch)) % 2**32
    return h % count


def data_files(catalogue: Catalogue, indicator: Indicator) -> dict[str, str]:
    """One indicator for every area, split into chunks so the view loads only the chosen areas' files.

    Suppressed figures are left out (the model has no value for them). At 10,000 areas one file per
    indicator would be 2.3 MB; a chunk is about 35 KB.
    """
    count = chunks(catalogue)
    parts: list[dict] = [{} for _ in range(count)]
    for area in catalogue.areas.values():
        # a published figure among illustrative ones carries a third element, 1, so the view can say which is which
        points = [
            [o.year, o.value, 1] if o.official else [o.year, o.value]
            for o in catalogue.figures(area.area_id, indicator.indicator_id)
        ]
        if points:
            parts[chunk_of(area.area_id, count)][area.area_id] = {"name": area.name, "points": points}
    head = {
        "indicator": indicator.indicator_id,
        "name": indicator.name,
        "unit": indicator.unit,
        "illustrative": catalogue.is_illustrative("indicators", "observations"),
    }
    return {
        data_name(indicator.indicator_id, n): json.dumps({**head, "areas": part}, ensure_ascii=False, separators=(",", ":")) for n, part in enumerate(parts)
    }


def data_name(indicator_id: str, chunk: int) -> str:
    return f"{indicator_id}-{chunk}.json"


NAMES = "omraader.json"


def names_file(catalogue: Catalogue) -> str:
    """Every area as [id, name, municipality] in Danish order; compare.js offers them as the inputs' suggestions."""
    areas = sorted(catalogue.areas.values(), key=lambda a: danish_key(a.name))
    return json.dumps([[a.area_id, a.name, a.municipality] for a in areas], ensure_ascii=False, separators=(",", ":"))


def compare_view(catalogue: Catalogue, page_url: str) -> Body:
    # Text inputs with one shared list of suggestions, filled from omraader.json by compare.js: four
    # selects of every area made this page 0.8 MB at 3,000 areas, and a select of 10,000 is no way to choose.
    selects = Markup(" ").join(
        Markup(
            '<div class="bse-filter__field"><label for="compare-{0}">Område {0}</label>'
            '<input type="text" id="compare-{0}" name="omraade" list="compare-omraader" autocomplete="off" placeholder="Skriv et områdes navn"></div> '
        ).format(n)
        for n in range(1, SLOTS + 1)
    ) + Markup(' <datalist id="compare-omraader"></datalist> ')
    indicators = Markup(" ").join(Markup('<option value="{}">{}</option>').format(i.indicator_id, i.name) for i in catalogue.indicators.values())
    form = Markup(
        '<form class="bse-filter" data-compare data-names="{}" data-chunks="{}" hidden aria-label="Vælg områder og indikator">{}'
        '<div class="bse-filter__field"><label for="compare-indikator">Indikator</label> <select id="compare-indikator" '
        'name="indikator">{}</select></div> </form>'
    ).format(NAMES, chunks(catalogue), selects, indicators)
    nojs = Markup(
        "<p data-compare-nojs>Sammenligningen tegnes af JavaScript i browseren. Uden JavaScript finder du hvert områdes tal, tabeller og CSV-filer på {}.</p>"
    ).format(link(relative_url(page_url, f"{urls.AREAS}/"), "områdernes egne sider"))
    figure = Markup(
        '<figure class="bse-chart" data-compare-figure hidden aria-labelledby="compare-title">'
        '<figcaption id="compare-title"></figcaption><p class="bse-chart__subtitle" data-compare-subtitle></p>'
        '<div class="bse-chart__canvas" data-spec="compare-spec" data-rendered="waiting" role="img" aria-label=""></div>{}'
        '<p class="bse-chart__alt" data-compare-alt aria-live="polite"></p>'
        '<p class="bse-chart__source">Kilde: tallene fra områdernes sider{}.</p>'
        '<details><summary>Vis tallene som tabel</summary> <div class="bse-table" tabindex="0" role="region" aria-label="Tallene i '
        'sammenligningen"><table data-compare-table></table></div></details>'
        '<p><a class="bse-chart__csv" data-compare-csv download="sammenligning.csv" href="#">Hent tallene som CSV (sammenligning.csv)</a></p>'
        "</figure>"
    ).format(json_script("compare-spec", template()), " (eksempeldata, ikke officielle tal)" if catalogue.is_illustrative("indicators", "observations") else "")
    message = Markup('<p class="bse-count" data-compare-message aria-live="polite"></p>')
    body = Body(page_url)
    if catalogue.is_illustrative("indicators", "observations"):
        body.add(notice("Tallene i sammenligningen"))
    body.add(nojs + form + message + figure)
    return body
