"""Views across areas: indicator pages (ranking, national trend, sortable table) and municipality pages."""

from __future__ import annotations

import csv
import html
import re
from collections import defaultdict

from macros.slugs import slugify
from tests.conftest import ROOT


def table(name: str, package: str = "indicators") -> list[dict]:
    with open(ROOT / "datapackages" / package / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_indicator_page_ranks_every_area_in_the_latest_year_with_the_threshold(site):
    latest = {}
    for row in table("observations.csv"):
        if row["indicator_id"] == "uden-for-arbejdsmarked":
            latest[row["area_id"]] = max(latest.get(row["area_id"], 0), int(row["year"]))
    folder = site / "indikatorer" / "uden-for-arbejdsmarked"
    with open(folder / "rangering.csv", encoding="utf-8", newline="") as f:
        ranked = list(csv.DictReader(f))
    assert {r["area_id"] for r in ranked} == set(latest)
    values = [float(r["value"]) for r in ranked]
    assert values == sorted(values, reverse=True)
    text = (folder / "index.html").read_text(encoding="utf-8")
    assert 'id="chart-uden-for-arbejdsmarked-rangering-spec"' in text and 'id="chart-uden-for-arbejdsmarked-landsniveau-spec"' in text
    spec = re.search(r'id="chart-uden-for-arbejdsmarked-rangering-spec">(.*?)</script>', text).group(1)
    assert '"graenser":[{"graense":' in spec  # the list threshold in force is drawn


def test_indicator_page_national_trend_matches_the_package(site):
    national = [r for r in table("national.csv") if r["indicator_id"] == "tryghed"]
    with open(site / "indikatorer" / "tryghed" / "landsniveau.csv", encoding="utf-8", newline="") as f:
        shown = list(csv.DictReader(f))
    assert [(r["year"], float(r["value"])) for r in shown] == [(r["year"], float(r["value"])) for r in national]


def test_every_municipality_has_a_page_listing_exactly_its_areas(site):
    areas = table("areas.csv", "areas")
    by_municipality = defaultdict(set)
    for area in areas:
        by_municipality[area["municipality"]].add(area["area_id"])
    for name, ids in by_municipality.items():
        text = (site / "kommuner" / slugify(name) / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{html.escape(name, quote=False)}</h1>" in text
        section = text.split("<caption>Boligområder i", 1)[1].split("</table>", 1)[0]
        assert set(re.findall(r'href="../../omraader/([^/]+)/"', section)) == ids, name
    area_page = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../kommuner/koebenhavn/">København</a>' in area_page


def test_sortable_table_sorts_by_danish_numbers_and_back(page, server):
    page.goto(f"{server}/indikatorer/ledighed/")
    button = page.get_by_role("button", name="Sortér efter værdi (%)")
    button.click()
    cells = page.locator("[data-sortable] tbody tr td:nth-child(4)").all_inner_texts()
    numbers = [float(c.replace(".", "").replace(",", ".")) for c in cells if c != "diskretioneret"]
    assert numbers == sorted(numbers) and len(numbers) > 50
    assert page.locator("th[aria-sort='ascending']").count() == 1
    button.click()
    cells = page.locator("[data-sortable] tbody tr td:nth-child(4)").all_inner_texts()
    numbers = [float(c.replace(".", "").replace(",", ".")) for c in cells if c != "diskretioneret"]
    assert numbers == sorted(numbers, reverse=True)
    page.get_by_role("button", name="Sortér efter område").click()
    names = page.locator("[data-sortable] tbody tr td:nth-child(1)").all_inner_texts()
    # Danish order: 'Tåstrupgård' after 'Trigeparken', since å comes after z
    assert names.index("Trekanten") < names.index("Trigeparken") < names.index("Tåstrupgård") < names.index("Vollsmose")
