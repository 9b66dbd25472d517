"""The area page's first chart (macros/charts/spine.py): a static SVG of the list criteria, each against the
national level and the thresholds in force, with published and illustrative figures told apart in the mark."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from macros.charts.base import csv_path
from macros.charts.spine import Row, criteria_chart, rows, svg
from macros.data.load import load_cached
from macros.data.model import Indicator
from macros.pages.area import area_pages
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalogue():
    return load_cached(ROOT)


def indicator(name: str = "Uden for arbejdsmarked", unit: str = "%") -> Indicator:
    return Indicator("x", name, unit, "lavere er bedre", "", "", True, "https://example.org/", None)


def test_each_criterion_is_its_latest_figure_against_the_national_level_and_the_thresholds_of_that_year(catalogue):
    found = {r.indicator.indicator_id: r for r in rows(catalogue, "mjoelnerparken")}
    # a series the lists stopped counting that way (dømte as a share, grundskole with unknown education) ends in 2017
    assert set(found) == {i for i, ind in catalogue.indicators.items() if ind.list_criterion and not ind.replaced_by}
    assert {"doemte-andel", "kun-grundskole-foer-2018"} <= {i for i, ind in catalogue.indicators.items() if ind.replaced_by}
    work = found["uden-for-arbejdsmarked"]
    latest = catalogue.figures("mjoelnerparken", "uden-for-arbejdsmarked")[-1]
    assert (work.year, work.value) == (latest.year, latest.value)
    assert work.national == next(o.value for o in catalogue.national["uden-for-arbejdsmarked"] if o.year == latest.year)
    assert [(op, t) for op, t, _ in work.thresholds] == [(">", 30.0), (">", 40.0)]  # forebyggelsesområde and udsat boligområde in 2024


def test_a_published_figure_is_a_filled_dot_and_an_illustrative_one_a_ring():
    drawn = svg([Row(indicator(), 2024, 29.7, 18.5, ((">", 30.0, ("forebyggelsesområde",)),), True),
                 Row(indicator("Ledighed"), 2024, 12.0, 5.0, (), False)], "x-alt")
    marks = drawn.split("</g>", 1)[1]  # after the legend
    assert '<g class="bse-spine__dot--official"><circle cx=' in marks and '<g class="bse-spine__dot--illustrative"><circle cx=' in marks
    assert marks.count("<circle") == 2
    assert 'role="img" aria-labelledby="x-alt"' in drawn and "<script" not in drawn


def test_names_from_the_data_are_text_in_the_drawing():
    drawn = svg([Row(indicator('<script>alert(1)</script> & "Ærø"'), 2024, 1.5, 1.0, (), False)], "x-alt")
    assert "<script>" not in drawn and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Ærø&#34;" in drawn


def test_the_text_alternative_says_every_criterion_its_figure_the_national_level_and_the_limits(catalogue):
    chart = criteria_chart(catalogue, catalogue.areas["mjoelnerparken"])
    assert chart.svg and not chart.spec  # drawn without Vega
    for row in rows(catalogue, "mjoelnerparken"):
        assert row.indicator.name in chart.description
    value = next(o.value for o in catalogue.observations[("mjoelnerparken", "uden-for-arbejdsmarked")] if o.year == 2024)
    national = next(o.value for o in catalogue.national["uden-for-arbejdsmarked"] if o.year == 2024)
    said = f"Uden for arbejdsmarked eller uddannelse: {value:.1f} % i 2024 (eksempeldata), landsniveau {national:.1f} %".replace(".", ",")
    assert said in chart.description
    assert len(chart.table.rows) == 5


def test_the_spine_offers_the_areas_indicator_csv_whose_latest_rows_are_its_figures(catalogue):
    """One CSV per area: the spine adds no rows of its own, and each of its figures is a row of that file."""
    area = catalogue.areas["mjoelnerparken"]
    page = area_pages(catalogue, "mjoelnerparken")[0].rendered()
    chart = criteria_chart(catalogue, area)
    assert chart.rows == () and csv_path(chart) == "omraader/mjoelnerparken/indikatorer-eksempeldata.csv"
    assert [p for p in page.files if p.startswith("omraader/mjoelnerparken/indikatorer")] == [csv_path(chart)]
    lines = list(csv.DictReader(io.StringIO(page.files[csv_path(chart)])))
    for row in rows(catalogue, "mjoelnerparken"):
        assert any(r["indicator_id"] == row.indicator.indicator_id and int(r["year"]) == row.year and float(r["value"]) == row.value for r in lines)


def test_an_area_without_a_figure_for_any_criterion_has_no_summary_chart(catalogue):
    empty = replace(catalogue, observations={})
    assert criteria_chart(empty, catalogue.areas["mjoelnerparken"]) is None


def test_the_area_pages_notice_says_how_many_of_its_figures_are_published(catalogue):
    """Recomputed from the CSVs: every figure shown (not suppressed), published ones from published_values.csv replacing theirs."""
    import csv

    from macros.pages.area import illustrative_note

    def read(path):
        with open(ROOT / "datapackages" / path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    shown = {(r["indicator_id"], r["year"]) for r in read("indicators/observations.csv")
             if r["area_id"] == "mjoelnerparken" and r["value"] and (not r["base_population"] or int(r["base_population"]) >= 10)}
    published = {(r["indicator_id"], r["year"]) for r in read("indicators/published_values.csv") if r["area_id"] == "mjoelnerparken"}
    assert f"{len(published)} af {len(shown | published)} tal." in str(illustrative_note(catalogue, "mjoelnerparken"))


def test_figures_of_a_package_that_is_not_illustrative_are_published_in_the_drawing_the_text_and_the_table(catalogue):
    real = {n: replace(p, illustrative_resources=()) for n, p in catalogue.packages.items()}
    chart = criteria_chart(replace(catalogue, packages=real), catalogue.areas["mjoelnerparken"])
    assert not chart.illustrative and "eksempeldata" not in chart.description and "bse-spine__dot--illustrative" not in chart.svg.split("</g>", 1)[1]
    assert {row[-1] for row in chart.table.rows} == {"offentliggjort"} and csv_path(chart) == "omraader/mjoelnerparken/indikatorer.csv"
