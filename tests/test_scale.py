"""The national-scale generator writes a valid project outside the repository."""

from __future__ import annotations

import csv
import json
import re

import pytest

from build_scripts.generators.scale import write_project
from macros.data.load import load
from tests.conftest import ROOT


def test_the_generated_project_has_n_areas_and_passes_every_check(tmp_path):
    project = write_project(80, tmp_path / "nationalt")  # the 60 real areas and 20 generated ones
    catalogue = load(project)
    assert len(catalogue.areas) == 80
    assert "testparken-00012" in catalogue.areas and "mjoelnerparken" in catalogue.areas
    assert all(len(catalogue.observations[("testparken-00012", i)]) >= 3 for i in catalogue.indicators)
    assert any(p.areas[0].startswith("testparken-") for p in catalogue.plans.values())


def test_the_generator_refuses_to_write_into_the_repository():
    with pytest.raises(SystemExit, match="uden for projektet"):
        write_project(70, ROOT / "nationalt")


def test_a_400_area_site_builds_and_the_compare_view_fetches_only_the_chosen_areas_data_files(tmp_path, browser):
    import functools
    import http.server
    import threading

    from macros.pages.compare import chunk_of, chunks
    from tests.conftest import _QuietHandler, mkdocs_build

    project = write_project(400, tmp_path / "nationalt")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    catalogue = load(project)
    count = chunks(catalogue)
    assert count == 3
    first, second = "testparken-00012", next(a for a in catalogue.areas if chunk_of(a, count) != chunk_of("testparken-00012", count))
    assert (site / "omraader" / "testparken-00012" / "index.html").exists()
    ranking = (site / "indikatorer" / "ledighed" / "index.html").read_text(encoding="utf-8")
    bars = json.loads(re.search(r'id="chart-ledighed-rangering-spec">(.*?)</script>', ranking).group(1))["datasets"]["omraader"]["rows"]
    assert len(bars) == 60 and "de 30 højeste og 30 laveste af" in ranking
    with open(site / "indikatorer" / "ledighed" / "rangering-eksempeldata.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) > 300  # the download keeps every area

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    page = browser.new_page()
    fetched = []
    page.on("request", lambda r: r.url.endswith(".json") and "/sammenlign/" in r.url and fetched.append(r.url.rsplit("/", 1)[1]))
    try:
        page.goto(f"http://127.0.0.1:{httpd.server_port}/omraader/sammenlign/?omraader={first},{second}&indikator=ledighed")
        page.wait_for_selector(".bse-chart__canvas[data-rendered='light'] svg", timeout=30000)
        series = page.evaluate("[...new Set(JSON.parse(document.getElementById('compare-spec').textContent).datasets.serier.map(p => p.serie))]")
        assert series == [catalogue.areas[first].name, catalogue.areas[second].name]
        assert sorted(fetched) == sorted(["omraader.json", f"ledighed-{chunk_of(first, count)}.json", f"ledighed-{chunk_of(second, count)}.json"])
    finally:
        page.close()
        httpd.shutdown()


def test_with_more_than_500_areas_an_indicator_page_points_to_its_csv_instead_of_a_table_of_every_area(tmp_path):
    from macros.pages.indicator import indicator_page

    catalogue = load(write_project(600, tmp_path / "nationalt"))
    text = indicator_page(catalogue, "ledighed").body.html()
    assert "Med 600 områder er tabellen for stor til én side" in text
    assert 'href="../../indikatorer/ledighed/rangering-eksempeldata.csv" download>CSV-filen (rangering-eksempeldata.csv)' in text
    assert text.count("<tr>") < 100
