"""Text stays text: a hostile marker in every text field of every data package (generated from their
schemas) and in every front-matter text field never runs, in any output file of either engine."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from macros.data.activities import schema as activity_schema
from macros.data.load import PACKAGES
from tests.conftest import copy_project, mkdocs_build, serve_folder, zensical_build

# In data: markup that would run, Jinja in both the standard and the site's own delimiters, and a spreadsheet formula.
MARKER = '<script>alert("bse")</script><img src=x onerror=alert("bse")>\'"&{{ 6*7 }}[[ count("områder") ]]'
FORMULA = '=HYPERLINK("https://eksempel.dk";"klik")'
# In front matter, where markup is refused (test_editors): quotes, ampersand and template syntax.
FRONT = ' "Ø" & \'æ\' {{ 6*7 }}'
RUNS = ('<script>alert("bse")', '<img src=x onerror', "<img src=x onerror")


def free_text_fields(resource: dict) -> list[str]:
    """Text fields an editor writes freely: strings with no enum or pattern that are not keys."""
    schema = resource["schema"]
    key = schema.get("primaryKey", [])
    keys = set([key] if isinstance(key, str) else key)
    for fk in schema.get("foreignKeys", []):
        keys |= set([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"])
    return [f["name"] for f in schema["fields"]
            if f.get("type", "string") == "string" and not {"enum", "pattern"} & set(f.get("constraints", {})) and f["name"] not in keys]


def mark_packages(project: Path) -> int:
    """Every free-text cell and every descriptor text gets the marker; empty optional cells get a formula. Returns the number of cells."""
    marked = 0
    for package in PACKAGES:
        path = project / "datapackages" / package / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor["title"] += MARKER
        descriptor["description"] += MARKER
        for source in descriptor.get("sources", []):
            source["title"] += MARKER
        for resource in descriptor["resources"]:
            resource["title"] = resource.get("title", resource["name"]) + MARKER
            resource["description"] = resource.get("description", "") + MARKER
            for field in resource["schema"]["fields"]:
                field["title"] = field.get("title", field["name"]) + MARKER
                field["description"] = field.get("description", "") + MARKER
            fields = free_text_fields(resource)
            table = project / "datapackages" / package / resource["path"]
            rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
            for row in rows:
                for name in fields:
                    row[name] = f"{row[name]} {MARKER}" if row[name] else FORMULA
                    marked += 1
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=[f["name"] for f in resource["schema"]["fields"]], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            table.write_text(out.getvalue(), encoding="utf-8")
        path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return marked


def mark_front_matter(project: Path) -> int:
    """Every text in every content page's front matter gets the front-matter marker."""
    strings = {name for name, spec in activity_schema()["properties"].items() if spec.get("type") == "string" and not {"enum", "pattern"} & set(spec)}
    marked = 0
    for page in sorted((project / "content").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if not text.startswith("---\n") or page.stem == "_ramme":
            continue
        front, body = text[4:].split("\n---\n", 1)
        meta = yaml.safe_load(front)
        for name in strings | {"title"}:
            if isinstance(meta.get(name), str):
                meta[name] = meta[name][:70 if name == "title" else 270] + FRONT
                marked += 1
        for source in meta.get("sources", []):
            source["title"] += FRONT
        if isinstance(meta.get("knowledge_level_override"), dict):
            meta["knowledge_level_override"]["reason"] += FRONT
        page.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")
    return marked


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def number(text: str) -> bool:
    return bool(re.fullmatch(r"[+-]?\d+(\.\d+)?", text))


def assert_text_stays_text(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert not any(raw in text for raw in RUNS), path
            assert '[[ count(' not in text or "[[ count(&#34;områder&#34;) ]]" in text, path  # written as text, never called
        elif path.suffix in (".json", ".jsonld"):
            data = json.loads(path.read_text(encoding="utf-8"))  # the marker never breaks the structure
            if path.name in ("search_index.json", "search.json"):  # shown as HTML by the search box
                assert not any(raw in s for s in strings(data) for raw in RUNS), path
        elif path.suffix == ".csv":
            for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@")) or number(cell), (path, cell)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    project = copy_project(tmp_path_factory.mktemp("fjendtlig") / "projekt")
    assert mark_packages(project) > 500 and mark_front_matter(project) > 40
    site = project.parent / "mkdocs"
    assert (result := mkdocs_build(project, site)).returncode == 0, result.stderr
    assert (result := zensical_build(project)).returncode == 0, result.stdout + result.stderr
    return site, project / "site"


def test_no_marker_runs_in_any_file_either_engine_writes(hostile):
    for site in hostile:
        assert_text_stays_text(site)
        area = (site / "omraader/agervang/index.html").read_text(encoding="utf-8")
        assert "<title>Agervang &lt;script&gt;alert(&#34;bse&#34;)" in area and "<h1>Agervang &lt;script&gt;" in area
        assert "{{ 6*7 }}" in area and "[[ count(&#34;områder&#34;) ]]" in area
        activity = (site / "aktiviteter/lommepengejob/index.html").read_text(encoding="utf-8")
        # the front-matter marker as the macros show it, escaped (the engine shows the title itself as it is;
        # front matter cannot hold a tag or an entity, test_editors)
        assert "{{ 6*7 }}" in activity and "&#34;Ø&#34; &amp; &#39;æ&#39;" in activity
        dcat = json.loads((site / "data/catalog.jsonld").read_text(encoding="utf-8"))
        assert dcat["dcat:dataset"][0]["dct:title"].endswith(MARKER)  # the same text, as data


@pytest.mark.parametrize("address", [
    "omraader/agervang/", "rapporter/agervang/", "indikatorer/ledighed/", "kommuner/holbaek/", "aktiviteter/lommepengejob/",
    "aktiviteter/", "aktiviteter/evidenskort/", "data/", "rapporter/landsrapport/", "omraader/sammenlign/?omraader=agervang,bispehaven&indikator=ledighed",
])
def test_no_dialog_opens_on_a_page_made_from_hostile_data(hostile, browser, address):
    with serve_folder(hostile[0]) as base:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{base}/{address}")
        page.wait_for_load_state("networkidle")
        for figure in page.locator(".bse-chart__canvas").all()[:3]:
            figure.hover()
        page.close()
    assert dialogs == []
