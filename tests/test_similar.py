"""Similar areas ("Lignende områder"): every area's five nearest on the standardised list criteria, recomputed
from the CSVs by brute force (all pairs) against the KD-tree the site uses, and shown on the area page."""

from __future__ import annotations

import csv
import math
import re
import statistics

import pytest

from macros.data.load import load_cached
from macros.pages.area import similar_section
from macros.text import urls
from tests.conftest import ROOT


def rows(path: str) -> list[dict]:
    with open(ROOT / "datapackages" / path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def catalogue():
    return load_cached(ROOT)


def test_every_areas_five_nearest_are_those_all_pairs_give(catalogue):
    criteria = [r["indicator_id"] for r in rows("indicators/indicators.csv") if r["list_criterion"] == "true" and not r["replaced_by"]]
    figures = {}
    for r in rows("indicators/observations.csv"):
        if r["indicator_id"] in criteria and r["value"] and (not r["base_population"] or int(r["base_population"]) >= 10):
            figures[(r["area_id"], r["indicator_id"], int(r["year"]))] = float(r["value"])
    for r in rows("indicators/published_values.csv"):
        if r["indicator_id"] in criteria:
            figures[(r["area_id"], r["indicator_id"], int(r["year"]))] = float(r["value"])
    areas = [r["area_id"] for r in rows("areas/areas.csv")]
    complete = {y: [a for a in areas if all((a, c, y) in figures for c in criteria)] for y in {k[2] for k in figures}}
    year = max(complete, key=lambda y: (len(complete[y]), y))
    ids = complete[year]
    columns = [[figures[(a, c, year)] for a in ids] for c in criteria]
    z = {a: [(figures[(a, c, year)] - statistics.fmean(col)) / statistics.pstdev(col) for c, col in zip(criteria, columns)] for a in ids}
    found = catalogue.similar
    assert (found.year, list(found.criteria)) == (year, criteria) and set(found.neighbours) == set(ids)
    for a in ids:
        nearest = sorted((math.dist(z[a], z[b]), b) for b in ids if b != a)[:5]
        assert [n for n, _ in found.neighbours[a]] == [b for _, b in nearest], a
        assert [d for _, d in found.neighbours[a]] == pytest.approx([d for d, _ in nearest], abs=1e-3)
        assert found.values[a] == tuple(figures[(a, c, year)] for c in criteria)  # what the page shows beside its own


def test_the_area_page_names_its_similar_areas_and_opens_the_compare_view_with_them(catalogue):
    html = similar_section(catalogue, "mjoelnerparken", urls.area("mjoelnerparken")).html()
    neighbours = [n for n, _ in catalogue.similar.neighbours["mjoelnerparken"]]
    assert [m for m in re.findall(r'href="\.\./([^/"]+)/"', html)][:5] == neighbours
    assert f'?omraader=mjoelnerparken,{",".join(neighbours[:3])}&amp;indikator=uden-for-arbejdsmarked' in html
    assert '<span class="bse-badge">Eksempeldata</span>' in html and "Listekriterierne i 2024" in html
