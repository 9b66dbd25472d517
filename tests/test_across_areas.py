"""Views across areas: indicator pages (ranking, national trend, sortable table) and municipality pages."""

from __future__ import annotations

import csv
import html
import json
import os
import re
from collections import defaultdict

from playwright.sync_api import expect

from macros.text.slugs import slugify
from tests.conftest import ROOT, table_rows


def table(name: str, package: str = "indicators") -> list[dict]:
    with open(ROOT / "datapackages" / package / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_indicator_page_ranks_every_area_in_the_latest_year_with_the_threshold(site):
    latest = {}
    for row in table("observations.csv"):
        if row["indicator_id"] == "uden-for-arbejdsmarked":
            latest[row["area_id"]] = max(latest.get(row["area_id"], 0), int(row["year"]))
    folder = site / "indikatorer" / "uden-for-arbejdsmarked"
    with open(folder / "rangering-eksempeldata.csv", encoding="utf-8", newline="") as f:
        ranked = list(csv.DictReader(f))
    assert {r["area_id"] for r in ranked} == set(latest)
    values = [float(r["value"]) for r in ranked]
    assert values == sorted(values, reverse=True)
    text = (folder / "index.html").read_text(encoding="utf-8")
    assert 'id="chart-uden-for-arbejdsmarked-rangering-spec"' in text and 'id="chart-uden-for-arbejdsmarked-landsniveau-spec"' in text
    spec = re.search(r'id="chart-uden-for-arbejdsmarked-rangering-spec">(.*?)</script>', text).group(1)
    assert json.loads(spec)["datasets"]["graenser"]["rows"][0][0] == 40.0  # the list threshold in force is drawn


def test_indicator_page_national_trend_matches_the_package(site):
    national = [r for r in table("national.csv") if r["indicator_id"] == "tryghed"]
    with open(site / "indikatorer" / "tryghed" / "landsniveau-eksempeldata.csv", encoding="utf-8", newline="") as f:
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


def test_compare_view_draws_the_chosen_areas_and_a_shared_url_restores_them(page, server, browser):
    page.goto(f"{server}/omraader/sammenlign/?omraader=mjoelnerparken,vollsmose&indikator=ledighed")
    page.wait_for_selector(".bse-chart__canvas[data-rendered='light'] svg", timeout=20000)
    series = page.evaluate("[...new Set(JSON.parse(document.getElementById('compare-spec').textContent).datasets.serier.map(p => p.serie))]")
    assert series == ["Mjølnerparken", "Vollsmose"]
    page.get_by_label("Område 3").fill("Gellerupparken/Toveshøj (Aarhus)")
    page.get_by_label("Indikator", exact=True).select_option("tryghed")
    page.wait_for_function("() => document.querySelector('[data-compare-alt]').textContent.includes('tryghed')")
    assert "omraader=mjoelnerparken%2Cvollsmose%2Cgellerupparken-toveshoej" in page.url and "indikator=tryghed" in page.url
    alt = page.locator("[data-compare-alt]").inner_text()
    assert alt.startswith("Linjediagram over tryghed (%) for Mjølnerparken, Vollsmose, Gellerupparken/Toveshøj")
    headers = page.locator("[data-compare-table] thead th").all_text_contents()
    assert headers == ["År", "Mjølnerparken", "Vollsmose", "Gellerupparken/Toveshøj"]

    shared = browser.new_context().new_page()
    shared.goto(page.url)
    shared.wait_for_selector(".bse-chart__canvas[data-rendered='light'] svg", timeout=20000)
    assert [shared.get_by_label(f"Område {n}").input_value() for n in (1, 2, 3, 4)] == [
        "Mjølnerparken (København)",
        "Vollsmose (Odense)",
        "Gellerupparken/Toveshøj (Aarhus)",
        "",
    ]
    assert shared.get_by_label("Indikator", exact=True).input_value() == "tryghed"
    assert page.console_errors == [] and page.outside_requests == []
    shared.context.close()


def test_compare_view_asks_for_two_areas_and_the_data_files_match_the_package(page, server, site):
    import json

    page.goto(f"{server}/omraader/sammenlign/?omraader=vollsmose&indikator=ledighed")
    # compare.js writes the message once its data have loaded: wait for it, never read once
    expect(page.locator("[data-compare-message]")).to_have_text("Vælg mindst to områder for at sammenligne.")
    assert not page.locator("[data-compare-figure]").is_visible()
    page.get_by_label("Område 2").fill("Østerbro Ukendt")
    page.get_by_label("Område 2").press("Tab")  # a name that is no suggestion counts when the reader leaves the field
    page.wait_for_function("() => document.querySelector('[data-compare-message]').textContent.startsWith('Intet område hedder Østerbro Ukendt')")
    suggestions = page.evaluate("[...document.querySelectorAll('#compare-omraader option')].map(o => o.value)")
    assert len(suggestions) == len(table("areas.csv", "areas")) and "Tåstrupgård (Høje-Taastrup)" in suggestions
    assert os.path.getsize(site / "omraader" / "sammenlign" / "index.html") < 60_000  # the areas are not in the page
    data = json.loads((site / "omraader" / "sammenlign" / "ledighed-0.json").read_text(encoding="utf-8"))
    expected = [[int(r["year"]), float(r["value"])] for r in table("observations.csv") if r["area_id"] == "vollsmose" and r["indicator_id"] == "ledighed"]
    assert data["areas"]["vollsmose"]["points"] == expected and data["illustrative"] is True


def test_area_timeline_counts_the_criteria_met_under_the_rules_in_force(site):
    import operator

    ops = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}
    criteria = [c for c in table("criteria.csv", "areas") if c["indicator_id"] and c["operator"] and c["threshold"] and c["list_type"] != "alle lister"]
    values = {(r["indicator_id"], int(r["year"])): float(r["value"]) for r in table("observations.csv") if r["area_id"] == "vollsmose"}
    text = (site / "omraader" / "vollsmose" / "index.html").read_text(encoding="utf-8")
    timeline = {row[0]: row for row in table_rows(text, "Kriterier år for år")}
    for year in (2012, 2016, 2019, 2023):
        in_force = [c for c in criteria if int(c["valid_from"]) <= year <= int(c["valid_to"] or year)]
        by_list = {}
        for c in in_force:
            if (c["indicator_id"], year) in values:
                by_list.setdefault(c["list_type"], []).append(ops[c["operator"]](values[(c["indicator_id"], year)], float(c["threshold"])))
        for list_type, results in by_list.items():
            assert f"<strong>{list_type}</strong>: {sum(results)} af {len(results)}" in timeline[str(year)][2], (year, list_type)
