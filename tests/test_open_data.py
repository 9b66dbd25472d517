"""Open data: downloads at stable URLs, zips that validate, JSON-LD and DCAT naming every resource."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import rdflib

from macros.charts.base import ILLUSTRATIVE_COLUMN, ILLUSTRATIVE_VALUE
from macros.data.load import PACKAGES
from macros.data.settings import from_mkdocs_yml
from macros.pages import open_data
from macros.text.downloads import FORMULA_STARTS
from tests.conftest import ROOT

SITE_URL = from_mkdocs_yml(ROOT).site_url


def descriptor(package: str) -> dict:
    return json.loads((ROOT / "datapackages" / package / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_zip_opens_with_frictionless_validate(site, tmp_path, package):
    with zipfile.ZipFile(site / "data" / f"{package}.zip") as archive:
        names = sorted(archive.namelist())
        archive.extractall(tmp_path)
    expected = sorted([f"{package}/datapackage.json"] + [f"{package}/{r['path']}" for r in descriptor(package)["resources"]])
    assert names == expected
    cli = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(cli), "validate", str(tmp_path / package / "datapackage.json")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_resource_csv_is_published_as_committed_at_a_stable_url_with_formula_like_text_made_text(site):
    for package in PACKAGES:
        for resource in descriptor(package)["resources"]:
            published = site / "data" / package / resource["path"]
            committed = (ROOT / "datapackages" / package / resource["path"]).read_text(encoding="utf-8")
            texts = {f["name"] for f in resource["schema"]["fields"] if f["type"] == "string"}
            rows = list(csv.reader(io.StringIO(committed)))
            mark = [ILLUSTRATIVE_VALUE] if resource.get("illustrative") else []  # illustrative figures say so on every row
            expected = [rows[0] + ([ILLUSTRATIVE_COLUMN] if mark else [])] + [
                [("'" + c if c.startswith(FORMULA_STARTS) and rows[0][i] in texts else c) for i, c in enumerate(row)] + mark for row in rows[1:]]
            assert list(csv.reader(io.StringIO(published.read_text(encoding="utf-8")))) == expected, published
            if expected == rows:  # nothing to change: the very bytes
                assert published.read_text(encoding="utf-8") == committed, published


def test_json_ld_on_the_data_page_parses_and_names_every_resource(site):
    text = (site / "data" / "index.html").read_text(encoding="utf-8")
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    datasets = json.loads(raw)
    assert [d["identifier"] for d in datasets] == list(PACKAGES)
    for dataset in datasets:
        assert dataset["@type"] == "Dataset" and dataset["license"].startswith("https://")
        named = {d["contentUrl"] for d in dataset["distribution"]}
        for resource in descriptor(dataset["identifier"])["resources"]:
            assert f"{SITE_URL}data/{dataset['identifier']}/{resource['path']}" in named
            assert resource["title"] in {d["name"] for d in dataset["distribution"]}
        assert f"{SITE_URL}data/{dataset['identifier']}.zip" in named


def test_dcat_catalogue_lists_every_dataset_and_download(site):
    catalogue = json.loads((site / "data" / "catalog.jsonld").read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog" and catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    by_id = {d["dct:identifier"]: d for d in catalogue["dcat:dataset"]}
    assert list(by_id) == list(PACKAGES)
    for package, dataset in by_id.items():
        urls = {d["dcat:downloadURL"]["@id"] for d in dataset["dcat:distribution"]}
        assert urls == {f"{SITE_URL}data/{package}/{r['path']}" for r in descriptor(package)["resources"]} | {f"{SITE_URL}data/{package}.zip"}


def test_a_harvester_reading_the_dcat_catalogue_finds_every_download_in_the_site(site):
    """Parsed as RDF (as a DCAT harvester reads it), every download address is absolute and its file is in the site."""
    graph = rdflib.Graph().parse(site / "data" / "catalog.jsonld", format="json-ld", publicID="https://andetsteds.example/data/catalog.jsonld")
    downloads = {str(o) for o in graph.objects(None, rdflib.URIRef("http://www.w3.org/ns/dcat#downloadURL"))}
    assert len(downloads) == sum(len(descriptor(p)["resources"]) + 1 for p in PACKAGES)
    for url in downloads:
        assert url.startswith(SITE_URL), url
        assert (site / url.removeprefix(SITE_URL)).is_file(), url


def test_data_page_describes_every_field_licence_and_update_date(site):
    text = (site / "data" / "index.html").read_text(encoding="utf-8")
    for package in PACKAGES:
        for resource in descriptor(package)["resources"]:
            for field in resource["schema"]["fields"]:
                assert f"<code>{field['name']}</code>" in text, (package, field["name"])
    assert text.count("Creative Commons Attribution 4.0") >= len(PACKAGES)
    assert "Senest ændret:" in text


def test_zips_are_byte_identical_between_builds(site, tmp_path):
    from macros.data.load import load
    from macros.pages.open_data import package_files

    catalogue = load(ROOT)
    for package in catalogue.packages.values():
        again = package_files(ROOT, package, catalogue.suppression_threshold)[f"data/{package.name}.zip"]
        assert again == (site / "data" / f"{package.name}.zip").read_bytes()


def test_a_national_file_published_block_by_block_leaves_out_small_figures_and_makes_formulas_text(tmp_path, monkeypatch):
    """Blocks of plain lines take the fast way, blocks with a quote or a formula-like cell the line way; the bytes are the same."""
    monkeypatch.setattr(open_data, "BLOCK", 60)  # a few lines a block
    lines = ["area_id,navn,base_population,value"]
    lines += [f"århus-{i},Gellerup {i},{120 + i},{i}.5" for i in range(40)]
    lines[7] = "århus-6,Gellerup 6,12,3.5"  # about too few people: left out
    lines[21] = "århus-20,-Bispehaven,130,4.5"  # a text a spreadsheet would run
    lines[30] = 'århus-29,"Toveshøj, syd",140,5.5'  # a quoted cell
    lines[35] = "århus-34,Ålholm,150,-1.5"  # a negative figure is no formula
    path = tmp_path / "observations.csv"
    path.write_text("\n".join(lines), encoding="utf-8")  # the last line without its '\n'
    published = open_data.published_csv(path, 20, True, frozenset({"area_id", "navn"}), illustrative=True).decode("utf-8")
    expected = [lines[0] + f",{ILLUSTRATIVE_COLUMN}"] + [
        ("århus-20,'-Bispehaven,130,4.5" if i == 21 else line) + f",{ILLUSTRATIVE_VALUE}" for i, line in enumerate(lines) if 0 < i != 7
    ]
    assert published == "\n".join(expected)
