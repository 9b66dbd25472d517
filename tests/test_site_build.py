"""A real `mkdocs build --strict` of the project, checked page by page."""

from __future__ import annotations

import csv
import html
import json
import re

from build_scripts.generators.import_reference import canonical_name
from macros.text.slugs import slugify
from tests.conftest import REFERENCE, danish_number, table_rows

SPEC_RE = re.compile(r'<script type="application/json" id="([^"]+)-spec">(.*?)</script>', re.S)
# a chart that sets only its template and height names them on its canvas (macros/html/blocks.py _canvas)
CANVAS_RE = re.compile(r'<div class="bse-chart__canvas[^"]*" data-template="([^"]+)"(?: data-height="(\d+)")? role="img" aria-labelledby="([^"]+)-alt">')


def chart_parts(text: str) -> list[tuple[str, dict]]:
    """Each chart of a page: its id and its own parts, however the page embeds them."""
    embedded = [(m.group(1), json.loads(m.group(2))) for m in SPEC_RE.finditer(text)]
    named = [(m.group(3), {"template": m.group(1), "height": int(m.group(2) or 170)}) for m in CANVAS_RE.finditer(text)]  # charts.js DEFAULT_HEIGHT
    return embedded + named


def pages(site, pattern="**/index.html"):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.glob(pattern)}


def test_every_area_in_the_reference_list_has_a_page_with_its_danish_name(site):
    with open(REFERENCE / "area_designations.csv", encoding="utf-8") as f:
        names = {canonical_name(row["area"]) for row in csv.DictReader(f)}
    assert len(names) > 50
    for name in names:
        page = site / "omraader" / slugify(name) / "index.html"
        assert page.exists(), name
        assert f"<h1>{html.escape(name, quote=False)}</h1>" in page.read_text(encoding="utf-8")


def full_spec(part: dict, templates: dict, page: str, chart_id: str) -> dict:
    """What charts.js draws: the shared template with the page's own parts over it, the datasets as records and the text alternative as description."""
    spec = {**templates[part.pop("template")], **part} if "template" in part else part
    for name, data in spec.get("datasets", {}).items():
        if isinstance(data, dict):
            values = data.get("values", {})
            spec["datasets"][name] = [{c: values[c][v] if c in values else v for c, v in zip(data["columns"], row)} for row in data["rows"]]
    wanted = spec.get("usermeta", {}).get("table")
    if wanted:  # the dataset the chart draws from its own table (macros/charts/base.py from_table), read as charts.js reads it
        fold = page.split(f'id="{chart_id}-alt"', 1)[1].split("</details>", 1)[0]
        cells = [[danish_number(html.unescape(re.sub(r"<[^>]+>", "", c))) for c in row[: len(wanted["columns"])]] for row in table_rows(fold, "")]
        spec["datasets"] = {**spec.get("datasets", {}), wanted["dataset"]: [dict(zip(wanted["columns"], c)) for c in cells if None not in c]}
    alt = re.search(rf'<p class="bse-chart__alt" id="{re.escape(chart_id)}-alt">(.*?)</p>', page)
    if alt and "description" not in spec:
        spec["description"] = html.unescape(alt.group(1))
    return spec


def test_every_embedded_chart_is_vega_lite_v6_with_data(site):
    templates = json.loads((site / "assets" / "charts" / "templates.json").read_text(encoding="utf-8"))
    specs = [
        (path, chart_id, full_spec(part, templates, text, chart_id)) for path, text in pages(site).items() for chart_id, part in chart_parts(text)
    ]
    kinds = {"omraader": ("serier", "Linjediagram"), "rapporter": ("serier", "Linjediagram"), "aktiviteter": ("resultater", "Søjlediagram")}
    assert sum(path.startswith("omraader/") for path, _, _ in specs) >= 58 * 9
    assert sum(path.startswith("aktiviteter/") for path, _, _ in specs) >= 2
    for path, chart_id, spec in specs:
        if chart_id in ("chart-liste-antal", "chart-evidens-tema"):
            assert spec["datasets"] and spec["description"], chart_id  # the national report's charts
            continue
        if chart_id == "compare":
            assert "datasets" not in spec  # filled in by compare.js from the data files; see test_across_areas
            continue
        if "-maal-" in chart_id:
            dataset, text = "faktisk", "Linjediagram"
        elif chart_id.endswith("-rangering"):
            dataset, text = "omraader", "Søjlediagram"
        elif chart_id.endswith("-landsniveau"):
            dataset, text = "landsniveau", "Linjediagram"
        elif chart_id == "chart-omkostning-virkning-viden":
            dataset, text = "aktiviteter", "Punktdiagram"
        else:
            dataset, text = kinds[path.split("/")[0]]
        assert re.search(r"/vega-lite/v6\.\d+\.\d+\.json$", spec["$schema"]), (path, chart_id)
        assert spec["datasets"][dataset], (path, chart_id)
        assert all(isinstance(p["value" if "value" in p else "knowledge_level"], (int, float)) for p in spec["datasets"][dataset])
        assert spec["description"].startswith(text), (path, chart_id)
    assert len(templates) < 100  # one per kind of chart, not one per chart


def test_an_area_page_embeds_only_each_charts_own_parts_and_names_its_template(site):
    text = (site / "omraader" / "vollsmose" / "index.html").read_text(encoding="utf-8")
    parts = [part for _, part in chart_parts(text)]
    assert len(parts) >= 9 and any(part.keys() == {"template", "height"} for part in parts)  # a chart that sets nothing else names its template
    for part in parts:
        assert set(part) <= {"template", "title", "datasets", "height"}
        assert "layer" not in part and "$schema" not in part
        assert all(set(data) <= {"columns", "rows", "values"} for data in part.get("datasets", {}).values())
        assert "serier" not in part.get("datasets", {})  # an indicator chart's points are its table's (from_table): said once
    # each drawing is named by its text alternative, which the page shows once, under it
    canvas = r'class="bse-chart__canvas[^"]*" (?:data-spec="([^"]+)-spec"|data-template="[^"]+"(?: data-height="\d+")?)'
    labelled = re.findall(canvas + r' role="img" aria-labelledby="([^"]+)-alt"', text)
    assert len(labelled) == len(parts)
    for spec_id, chart_id in labelled:
        assert spec_id in ("", chart_id) and text.count(f'id="{chart_id}-alt"') == 1


def test_every_page_showing_illustrative_figures_carries_the_notice(site):
    shown = {
        path: text
        for path, text in pages(site).items()
        if path.startswith("omraader/") and "bse-chart__canvas" in text or path.startswith("indikatorer/") and path.count("/") == 2
    }
    assert len(shown) >= 58 + 9
    for path, text in shown.items():
        if '<svg class="bse-spine"' in text:  # an area's page: one short notice at the top, the badge on every chart
            assert text.count('<p class="bse-note" role="note"><span class="bse-badge">Eksempeldata</span>') == 1, path
            assert "ikke officielle" in text, path
        else:
            assert 'class="admonition warning bse-eksempeldata"' in text, path
            assert "ikke officielle tal" in text, path


def test_pages_with_only_public_figures_do_not_claim_to_be_illustrative(site):
    for path in (
        "evalueringer/index.html",
        "puljer/index.html",
        "omraader/index.html",
        "aktiviteter/vidensniveauer/index.html",
        "aktiviteter/evidenskort/index.html",
    ):
        assert "bse-eksempeldata" not in (site / path).read_text(encoding="utf-8"), path


def test_generated_item_pages_stay_out_of_the_global_navigation(site):
    area_page = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="../vollsmose/"' not in area_page
    assert "omraader/vollsmose/" not in home
    assert 'href="omraader/"' in home


def test_every_chart_offers_a_table_and_a_csv_with_the_same_numbers(site):
    page_dir = site / "omraader" / "mjoelnerparken"
    text = (page_dir / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'class="bse-chart__csv" href="([^"]+)" download', text)
    tables = text.count("<summary>Tekst, tal og CSV</summary>")
    from tests.conftest import ROOT

    with open(ROOT / "datapackages" / "indicators" / "observations.csv", encoding="utf-8") as f:
        indicators = {r["indicator_id"] for r in csv.DictReader(f) if r["area_id"] == "mjoelnerparken"}
    # the summary chart (static), one per indicator with figures (11: two of them counted the old way to 2017), 2 plans × 3 goals
    assert len(indicators) == 11
    assert len(links) == tables == text.count('class="bse-chart__canvas"') + text.count('<svg class="bse-spine"') == 1 + len(indicators) + 6
    # one file for the area's indicators (and its summary chart), one for its goals: not a file per chart
    assert sorted(set(links)) == ["indikatorer-eksempeldata.csv", "maal-eksempeldata.csv"]
    for name in set(links):
        with open(page_dir / name, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if name.startswith("maal"):
            assert rows and set(rows[0]) >= {"goal_id", "indicator_id", "year", "value", "target_path"}
            assert len({r["goal_id"] for r in rows}) == 6
        else:
            assert rows and set(rows[0]) >= {"indicator_id", "area_id", "year", "value", "base_population"}
            assert {r["area_id"] for r in rows} == {"mjoelnerparken"} and {r["indicator_id"] for r in rows} == indicators


def test_site_is_danish_with_danish_search(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="da"' in home
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["da"]
    assert any(doc["title"] == "Mjølnerparken" for doc in index["docs"])


def test_each_area_is_one_search_entry_with_its_name_municipality_and_latest_listing(site):
    from tests.conftest import ROOT

    with open(ROOT / "datapackages" / "areas" / "areas.csv", encoding="utf-8") as f:
        ids = {row["area_id"] for row in csv.DictReader(f)}
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    areas = [doc for doc in docs if doc["location"].startswith("omraader/") and doc["location"].split("/")[1] in ids]
    by_page = {}
    for doc in areas:
        by_page.setdefault(doc["location"].split("#")[0], []).append(doc)
    assert len(by_page) >= 58
    assert all(len(entries) == 1 for entries in by_page.values())  # sections and charts stay out of the index
    (entry,) = by_page["omraader/mjoelnerparken/"]
    assert entry["title"] == "Mjølnerparken"
    assert "København" in entry["text"] and "parallelsamfund" in entry["text"]
    assert not any("Linjediagram" in doc["text"] or "Vis tallene" in doc["text"] for doc in areas)


def test_search_results_keep_table_cells_and_fact_labels_apart(site):
    docs = {doc["location"]: doc["text"] for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    assert "Studie Evaluator År" in docs["evalueringer/"]
    assert "Vidensniveau Niveau" in docs["aktiviteter/#alle-aktiviteter"]
    glued = re.compile(r"[a-zæøå0-9][A-ZÆØÅ][a-zæøå]")
    names = ("JavaScript", "GitHub", "TrygFond", "Get2Sport", "TipsByText", "HippHopp", "BiblioteksCenter", "<code>")  # written so by their owners
    unglued = {loc: text for loc, text in docs.items()}
    for name in names:
        unglued = {loc: text.replace(name, " ") for loc, text in unglued.items()}
    assert not [loc for loc, text in unglued.items() if glued.search(text)]


HIDDEN = '<span class="bse-sr" aria-hidden="true">'  # words the search finds but never shows (build_scripts/engines/mkdocs.py)


def test_a_page_using_one_word_of_a_synonym_group_is_found_by_every_word_of_it(site):
    from tests.conftest import ROOT

    groups: dict[str, list[str]] = {}
    with open(ROOT / "datapackages" / "search" / "synonyms.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups.setdefault(row["group"], []).append(row["word"])
    assert {"lommepengejob", "fritidsjob"} <= set(groups["fritidsjob"]) and {"ghetto", "parallelsamfund"} <= set(groups["listerne"])
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    checked = 0
    for doc in docs:
        shown = (doc["title"] + " " + doc["text"].split(HIDDEN)[0]).lower()
        indexed = f"{doc['title']} {doc['text']}".lower()
        for words in groups.values():
            if any(w in shown for w in words):
                checked += 1
                assert all(w in indexed for w in words), (doc["location"], words)
    assert checked > 50
    mjoelnerparken = next(d for d in docs if d["location"] == "omraader/mjoelnerparken/")
    assert "parallelsamfund" in mjoelnerparken["text"] and "ghetto" in mjoelnerparken["text"]


def test_no_page_references_a_third_party_host(site):
    outside = re.compile(r'(src|href)="(https?:)?//')
    for path, text in pages(site, "**/*.html").items():
        for match in re.finditer(r"<(script|link|img)[^>]+>", text):
            # the canonical address names the page itself and is never fetched
            assert 'rel="canonical"' in match.group(0) or not outside.search(match.group(0)), (path, match.group(0))
    bundle = (site / "assets" / "vendor" / "vega-bundle.js").read_text(encoding="utf-8")
    assert "vegaEmbed" in bundle


def test_every_study_has_a_page_with_each_result_its_design_and_source(site):
    from tests.conftest import ROOT

    with open(ROOT / "datapackages" / "evaluations" / "results.csv", encoding="utf-8") as f:
        results = list(csv.DictReader(f))
    for result in results:
        text = (site / "evalueringer" / result["study_id"] / "index.html").read_text(encoding="utf-8")
        section = text.split(f'<section class="bse-result" id="resultat-{result["result_id"]}" aria-label="', 1)[1].split("</section>", 1)[0]
        assert html.unescape(section.split('">', 1)[0]) == result["outcome"]
        assert f"<dd>{html.escape(result['kind'].capitalize())}, {html.escape(result['design'])} – " in section
        assert html.escape(result["source"]) in section
