"""Plans and goals on the area pages, checked against the plans package."""

from __future__ import annotations

import csv
import html
import re
from collections import defaultdict

from tests.conftest import ROOT

PLANS = ROOT / "datapackages" / "plans"


def rows(name: str) -> list[dict]:
    with open(PLANS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_area_page_has_the_indicator_panel_and_a_plan_section_exactly_where_a_plan_exists(site):
    plans = {r["plan_id"]: r for r in rows("plans.csv")}
    by_area = defaultdict(list)
    for link in rows("plan_areas.csv"):
        by_area[link["area_id"]].append(plans[link["plan_id"]])
    goals = defaultdict(list)
    for goal in rows("goals.csv"):
        goals[goal["plan_id"]].append(goal)
    with open(ROOT / "datapackages" / "areas" / "areas.csv", encoding="utf-8") as f:
        areas = [r["area_id"] for r in csv.DictReader(f)]
    assert by_area and len(by_area) < len(areas)
    for area_id in areas:
        folder = site / "omraader" / area_id
        text = html.unescape((folder / "index.html").read_text(encoding="utf-8"))
        assert 'id="indikatorer"' in text, area_id
        assert ('id="helhedsplaner-og-maal"' in text) == (area_id in by_area), area_id
        for plan in by_area.get(area_id, []):
            assert plan["name"] in text
            for goal in goals[plan["plan_id"]]:
                assert goal["description"] in text
                assert goal["goal_id"] in {row["goal_id"] for row in csv.DictReader(open(folder / "maal-eksempeldata.csv", encoding="utf-8"))}
                assert f'id="chart-{goal["goal_id"]}-spec"' in text


def test_each_goal_shows_its_status_with_the_figures_behind_it(site):
    text = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    table = text.split('<caption>Mål i Helhedsplan for Mjølnerparken 2015–2018 <span class="bse-badge">Eksempeldata</span></caption>', 1)[1]
    table = table.split("</table>", 1)[0]
    assert table.count('<span class="bse-status bse-status--') == 3
    assert "Sådan beregnes status" in text
    # the status second, so a phone shows it beside the goal
    assert '<th scope="col">Mål og indikator</th> <th scope="col">Status</th> <th scope="col">Seneste tal (95 %-interval)</th>' in table
    assert "<td>21 (2018; 18,6–23,6), målsti 18,1</td>" in table


def test_goal_csv_has_the_figures_and_the_target_path(site):
    goal = next(g for g in rows("goals.csv") if g["plan_id"] == "mjoelnerparken-2015-18")
    with open(site / "omraader" / "mjoelnerparken" / "maal-eksempeldata.csv", encoding="utf-8", newline="") as f:
        data = [row for row in csv.DictReader(f) if row["goal_id"] == goal["goal_id"]]
    first = data[0]
    assert (first["year"], float(first["target_path"])) == (goal["baseline_year"], float(goal["baseline_value"]))
    target = next(r for r in data if r["year"] == goal["target_year"])
    assert float(target["target_path"]) == float(goal["target_value"])


def test_the_plans_package_is_marked_illustrative_on_the_page_and_in_the_package(site):
    import json

    descriptor = json.loads((PLANS / "datapackage.json").read_text(encoding="utf-8"))
    assert all(r.get("illustrative") for r in descriptor["resources"])
    text = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    # the page's one notice names the plans, and each goals table and goal chart carries the badge
    assert "Områdets tal og planer er dannet af projektet, ikke officielle" in text
    section = text.split('id="helhedsplaner-og-maal"', 1)[1].split('id="indikatorer"', 1)[0]
    assert section.count('<span class="bse-badge">Eksempeldata</span>') == section.count("<caption>Mål i ") + section.count('<figure class="bse-chart')


def test_real_plans_found_in_public_sources_are_listed_with_their_source_and_shown_on_their_areas(site):
    """Every plan row of the supplement (not its pool rows) is in pools/known_plans.csv by its address, listed on the
    pools page, and named on the page of each area it names that the site has."""
    import csv
    import html

    from tests.conftest import ROOT

    with open(ROOT / "sources/reference/supplement/helhedsplaner.csv", encoding="utf-8", newline="") as f:
        collected = [r for r in csv.DictReader(f) if not r["plan_name"].startswith("POOL")]
    with open(ROOT / "datapackages/pools/known_plans.csv", encoding="utf-8", newline="") as f:
        known = list(csv.DictReader(f))
    assert len(collected) == len(known) == 10
    assert sorted(r["url"] for r in collected) == sorted(k["source"] for k in known)
    page = (site / "puljer" / "index.html").read_text(encoding="utf-8")
    table = page.split("<caption>10 helhedsplaner fundet i offentlige kilder</caption>", 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 11
    for k in known:
        assert html.escape(k["source"]) in table
        for area_id in filter(None, k["area_ids"].split(";")):
            area_page = html.unescape((site / "omraader" / area_id / "index.html").read_text(encoding="utf-8"))
            assert f"Helhedsplan i offentlige kilder: {k['name']}" in re.sub(r"<[^>]+>", "", area_page)
