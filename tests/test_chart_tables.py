"""A chart whose template reads its points from its own data table (macros/charts/base.py from_table): the page
says each figure once, so the table must hold exactly the points the chart draws, read as charts.js reads them."""

from __future__ import annotations

import itertools
import json

import pytest

from macros.charts.base import split_spec, written_in
from macros.charts.indicator import NAME, UNIT, _area_template, _indicator_shape, indicator_chart, indicator_spec
from macros.data.load import load_cached
from tests.conftest import ROOT, danish_number


@pytest.fixture(scope="module")
def catalogue():
    return load_cached(ROOT)


@pytest.mark.parametrize("area_id", ["mjoelnerparken", "gellerupparken-toveshoej", "blaagaarden"])
def test_each_indicator_charts_table_holds_the_points_it_draws_and_the_page_embeds_them_no_more(catalogue, area_id):
    for indicator in catalogue.indicators.values():
        chart = indicator_chart(catalogue, catalogue.areas[area_id], indicator)
        if chart is None:
            continue
        wanted = chart.spec["usermeta"]["table"]
        read = [dict(zip(wanted["columns"], values)) for row in chart.table.rows
                if None not in (values := [danish_number(str(cell)) for cell in row[: len(wanted["columns"])]])]
        points = chart.spec["datasets"][wanted["dataset"]]
        assert [r["year"] for r in read] == [p["year"] for p in points], indicator.indicator_id
        assert all(abs(r["value"] - p["value"]) < 0.005 for r, p in zip(read, points)), indicator.indicator_id
        assert wanted["dataset"] not in split_spec(chart.spec).get("datasets", {})


@pytest.mark.parametrize("flags", list(itertools.product((False, True), repeat=3)))
def test_an_indicator_chart_built_once_per_shape_is_the_spec_altair_builds_for_that_indicator(catalogue, flags):
    shape = json.dumps(_indicator_shape(*flags), ensure_ascii=False)
    assert NAME in shape and UNIT in shape  # else the comparison below would hold for any name
    names = [(i.name, i.unit) for i in catalogue.indicators.values()] + [("Unge på særlig støtte, ½ år", "% af 16–24-årige")]
    for name, unit in names:
        assert written_in(_indicator_shape(*flags), {}, {NAME: name, UNIT: unit}) == indicator_spec(name, unit, *flags), name


def test_an_areas_indicator_template_holds_the_national_level_and_thresholds_in_the_shape_altair_builds(catalogue):
    national, rules = ((2023, 12.5), (2024, 11.0)), ((2023, 2024, 10.0, "Udsat boligområde", True),)
    shared = {"landsniveau": [{"year": 2023, "value": 12.5}, {"year": 2024, "value": 11.0}],
              "graenser": [{"fra": 2023, "til": 2024, "graense": 10.0, "liste": "Udsat boligområde", "foerste": True}]}
    for with_periods, with_official in itertools.product((False, True), repeat=2):
        template = _area_template("Ledighed i Århus Ø", "% af 16–64-årige", national, rules, with_periods, with_official)
        built = written_in(indicator_spec("Ledighed i Århus Ø", "% af 16–64-årige", True, with_periods, with_official), shared, {})
        assert {k: v for k, v in template.items() if k != "usermeta"} == built
