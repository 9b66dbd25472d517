"""Small-number suppression: a figure about fewer people than the threshold is never published."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from macros.data.load import grouped_observations
from macros.data.model import Observation
from macros.data.problems import DataError
from macros.data.settings import from_config
from macros.data.table import Table
from tests.conftest import copy_project, mkdocs_build

HIDDEN = "77.77"  # in neither form anywhere in the site built from the real data (checked below)
FORMS = ("77.77", "77,77")


def plant_small_figure(project: Path, base_population: int) -> None:
    """Mjølnerparken's latest ledighed (2024) becomes HIDDEN, based on base_population people."""
    path = project / "datapackages" / "indicators" / "observations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("mjoelnerparken,ledighed,2024,"))
    lines[index] = f"mjoelnerparken,ledighed,2024,{HIDDEN},{base_population}"
    path.write_text("\n".join(lines), encoding="utf-8")


def files_showing_the_value(site: Path) -> list[str]:
    """Every file of the site (pages, CSVs, chart data, search index) that holds the value in either form."""
    found = []
    for path in site.rglob("*"):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    if member.endswith(".csv"):
                        rows = csv.reader(io.StringIO(archive.read(member).decode("utf-8")))
                        found += [f"{name}:{member}: {cell}" for row in rows for cell in row if cell in FORMS]
        elif path.suffix == ".csv":
            # cells, since "…,77,77.5,…" is two figures, not the hidden one
            with open(path, encoding="utf-8", newline="") as f:
                found += [f"{name}: {cell}" for row in csv.reader(f) for cell in row if cell in FORMS]
        elif path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="ignore")
            found += [f"{name}: {form}" for form in FORMS if form in text]
    return sorted(set(found))


def test_the_marker_value_is_not_in_the_site_built_from_the_real_data(site):
    assert files_showing_the_value(site) == []


@pytest.fixture(scope="module")
def suppressed_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("privacy")
    project = copy_project(root / "projekt")
    plant_small_figure(project, base_population=7)
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_figure_below_the_threshold_appears_nowhere_in_the_built_site(suppressed_site):
    assert files_showing_the_value(suppressed_site) == []


def test_a_suppressed_figure_is_shown_as_diskretioneret_with_an_explanation(suppressed_site):
    page = (suppressed_site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    assert "<tr><td>2024 <td>diskretioneret (under 10 personer) <td>" in page  # a chart's table, written without end tags
    assert "Tallene for 2024 er diskretioneret, fordi de bygger på færre end 10 personer." in page
    with open(suppressed_site / "omraader" / "mjoelnerparken" / "indikatorer-eksempeldata.csv", encoding="utf-8", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["indicator_id"] == "ledighed" and r["year"] == "2024")
    assert (row["value"], row["base_population"], row["suppressed"]) == ("", "", "true")


def test_the_same_figure_is_published_when_the_threshold_is_lower(tmp_path):
    """The control: the search above does find the value when it may be shown."""
    project = copy_project(tmp_path / "projekt")
    plant_small_figure(project, base_population=7)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("suppression_threshold: 10", "suppression_threshold: 5"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    found = files_showing_the_value(tmp_path / "site")
    assert "omraader/mjoelnerparken/index.html: 77,77" in found
    assert "omraader/mjoelnerparken/indikatorer-eksempeldata.csv: 77.77" in found  # the chart draws its table's 77,77
    # no figure of any area is in the search index at all (tables and charts are left out of it), so
    # the index is checked by the test above but cannot show the value here
    assert not any(hit.startswith("search/") for hit in found)
    assert "data/indicators/observations.csv: 77.77" in found
    assert "data/indicators.zip:indicators/observations.csv: 77.77" in found


@pytest.mark.parametrize("value", [0, -3, "ti", True])
def test_a_bad_threshold_stops_the_build_with_a_danish_message(value):
    with pytest.raises(DataError, match="extra.suppression_threshold skal være et helt tal på mindst 1"):
        from_config({"extra": {"suppression_threshold": value}})


def test_figures_read_from_a_tables_columns_are_suppressed_below_the_threshold():
    """The national table's figures are made from its columns, not one call each (load.grouped_observations)."""
    table = Table({"area_id": ["ålholm", "ålholm", "søndergård"], "indicator_id": ["ledighed"] * 3, "year": [2020, 2021, 2020],
                   "value": [4.5, 7.0, None], "base_population": [3, 250, None]})
    figures = grouped_observations(table, 5)
    assert figures == {("ålholm", "ledighed"): [Observation(2020, None, None, suppressed=True), Observation(2021, 7.0, 250)],
                       ("søndergård", "ledighed"): [Observation(2020, None, None)]}
    assert [type(f) for f in figures[("ålholm", "ledighed")]] == [Observation, Observation]
