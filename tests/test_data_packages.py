"""Every data package validates, and bad data stops the build with file, line and field."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from build_scripts.generators import illustrative, illustrative_plans, import_reference
from macros.data.load import PACKAGES, load
from macros.data.problems import DataError
from tests.conftest import REFERENCE, ROOT, copy_project, mkdocs_build


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_passes_frictionless_validate(package):
    cli = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(cli), "validate", f"datapackages/{package}/datapackage.json"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_has_a_licence_sources_and_a_danish_description(package):
    descriptor = json.loads((ROOT / "datapackages" / package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] and descriptor["sources"]
    assert any(ch in descriptor["description"] for ch in "æøå")
    for resource in descriptor["resources"]:
        assert resource["encoding"] == "utf-8"
        assert resource["schema"]["primaryKey"]
        assert all(field.get("type") and field.get("description") for field in resource["schema"]["fields"])


def test_illustrative_resources_are_marked_in_the_package():
    descriptor = json.loads((ROOT / "datapackages" / "indicators" / "datapackage.json").read_text(encoding="utf-8"))
    marked = {r["name"] for r in descriptor["resources"] if r.get("illustrative")}
    assert marked == {"observations", "national"}
    assert "EKSEMPELDATA" in descriptor["description"]


def _break(project: Path, relative: str, line: int, old: str, new: str) -> None:
    path = project / relative
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_decimal_comma_stops_the_build_naming_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "projekt")
    second = (project / "datapackages/indicators/observations.csv").read_text(encoding="utf-8").split("\n")[1]
    value = second.split(",")[3]
    _break(project, "datapackages/indicators/observations.csv", 2, f",{value},", f',"{value.replace(".", ",")}",')
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert "datapackages/indicators/observations.csv, linje 2, felt 'value'" in message
    assert "punktum som decimaltegn" in message
    assert not site.exists() and not Path(str(site) + ".partial").exists()


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    project = copy_project(tmp_path / "projekt")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("forrige udgave", encoding="utf-8")
    _break(project, "datapackages/areas/areas.csv", 2, "agervang,Agervang,Holbæk", ",Agervang,Holbæk")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "datapackages/areas/areas.csv, linje 2, felt 'area_id'" in result.stdout + result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "forrige udgave"
    assert not Path(str(site) + ".partial").exists()


def test_an_observation_for_an_unknown_area_is_reported_with_line_and_field(tmp_path):
    project = copy_project(tmp_path / "projekt")
    _break(project, "datapackages/indicators/observations.csv", 3, "agervang,", "oesterbro-ukendt,")
    with pytest.raises(DataError) as caught:
        load(project)
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        "datapackages/indicators/observations.csv, linje 3, felt 'area_id': området findes ikke (fundet: 'oesterbro-ukendt'). "
        "Sådan retter du det: Brug et area_id fra datapackages/areas/areas.csv, eller tilføj området dér først."
    ]


def test_committed_area_tables_are_exactly_what_the_reference_import_produces(tmp_path):
    import_reference.main(["--reference", str(REFERENCE), "--out", str(tmp_path)])
    for name in ("areas.csv", "designations.csv", "list_counts.csv"):
        assert (tmp_path / name).read_bytes() == (ROOT / "datapackages" / "areas" / name).read_bytes(), name


def test_illustrative_observations_are_reproduced_byte_for_byte_by_their_script(tmp_path):
    illustrative.main(["--out", str(tmp_path)])
    for name in ("observations.csv", "national.csv"):
        assert (tmp_path / name).read_bytes() == (ROOT / "datapackages" / "indicators" / name).read_bytes(), name


def test_illustrative_plans_are_reproduced_byte_for_byte_by_their_script(tmp_path):
    illustrative_plans.main(["--out", str(tmp_path)])
    for name in ("plans.csv", "plan_areas.csv", "goals.csv", "plan_activities.csv"):
        assert (tmp_path / name).read_bytes() == (ROOT / "datapackages" / "plans" / name).read_bytes(), name


def test_a_goal_whose_target_year_is_not_after_its_baseline_is_reported(tmp_path):
    project = copy_project(tmp_path / "projekt")
    second = (project / "datapackages/plans/goals.csv").read_text(encoding="utf-8").split("\n")[1].split(",")
    _break(project, "datapackages/plans/goals.csv", 2, f",{second[5]},{second[6]},", f",{second[3]},{second[6]},")
    with pytest.raises(DataError) as caught:
        load(project)
    assert [str(p) for p in caught.value.problems] == [
        f"datapackages/plans/goals.csv, linje 2, felt 'target_year': målåret skal ligge efter basisåret (fundet: '{second[3]}'). "
        "Sådan retter du det: Ret target_year, så det er senere end baseline_year."
    ]


# Bugs

def test_areas_spelled_differently_by_sources_become_one_area():
    areas = {
        row["area_id"]: row
        for row in import_reference.process(
            [
                {
                    "year": "2019",
                    "list_type": "ghettoområde (1 Dec 2019)",
                    "area": "Solbakken mv.",
                    "municipality": "Odense",
                    "status": "listed",
                    "source": "https://a.dk",
                    "note": "",
                },
                {
                    "year": "2017",
                    "list_type": "ghettoområde (1 Dec 2017)",
                    "area": "Solbakken",
                    "municipality": "Odense",
                    "status": "listed",
                    "source": "https://b.dk",
                    "note": "",
                },
            ]
        )[0]
    }
    assert list(areas) == ["solbakken"]
    assert areas["solbakken"]["aliases"] == "Solbakken mv."


def test_a_year_after_this_one_names_the_allowed_range(tmp_path):
    project = copy_project(tmp_path / "projekt")
    future = date.today().year + 1
    _break(project, "datapackages/indicators/observations.csv", 2, ",2010,", f",{future},")
    with pytest.raises(DataError) as caught:
        load(project)
    assert [str(p) for p in caught.value.problems] == [
        f"datapackages/indicators/observations.csv, linje 2, felt 'year': værdien er uden for det tilladte interval (fundet: '{future}'). "
        f"Sådan retter du det: Brug en værdi fra 2010 til {date.today().year}."
    ]


def test_a_new_data_year_needs_no_schema_change(tmp_path):
    project = copy_project(tmp_path / "projekt")
    path = project / "datapackages/indicators/observations.csv"
    last = max(int(line.split(",")[2]) for line in path.read_text(encoding="utf-8").splitlines()[1:])
    path.write_text(path.read_text(encoding="utf-8") + f"agervang,ledighed,{last + 1},7.5,812\n", encoding="utf-8")
    assert load(project).data_year == last + 1


def test_an_unknown_list_name_lists_the_allowed_names(tmp_path):
    project = copy_project(tmp_path / "projekt")
    _break(project, "datapackages/areas/designations.csv", 2, "udsat boligområde", "særligt udsat område")
    with pytest.raises(DataError) as caught:
        load(project)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field, problem.value) == ("datapackages/areas/designations.csv", 2, "list_type", "særligt udsat område")
    assert (
        problem.hint
        == "Brug en af: ghettoområde, hårdt ghettoområde, udsat boligområde, parallelsamfund, omdannelsesområde, forebyggelsesområde. Mente du 'udsat "
           "boligområde'?"
    )


def test_every_illustrative_series_passes_through_the_published_figures_of_its_area_without_a_spike():
    """A published figure is a point of its area's line, not a jump to it and back: the series holds the same value in
    that year, and where both neighbouring years lie on one side, the nearer is no further than 2.5 times the series'
    median year-to-year step (Mjølnerparken's 63.7, 84.3, 62.9 around its published 2015 share was 13 times it)."""
    import statistics

    folder = ROOT / "datapackages" / "indicators"
    with open(folder / "observations.csv", encoding="utf-8", newline="") as f:
        values = {(r["area_id"], r["indicator_id"], int(r["year"])): float(r["value"]) for r in csv.DictReader(f)}
    with open(folder / "published_values.csv", encoding="utf-8", newline="") as f:
        published = list(csv.DictReader(f))
    assert len(published) >= 60
    for row in published:
        area, indicator, year, value = row["area_id"], row["indicator_id"], int(row["year"]), float(row["value"])
        assert values[(area, indicator, year)] == value, (area, indicator, year)
        series = sorted((y, v) for (a, i, y), v in values.items() if (a, i) == (area, indicator))
        step = statistics.median(abs(b[1] - a[1]) for a, b in zip(series, series[1:]))
        before, after = values.get((area, indicator, year - 1)), values.get((area, indicator, year + 1))
        if before is not None and after is not None and (before - value) * (after - value) > 0:
            assert min(abs(before - value), abs(after - value)) <= 2.5 * step, (area, indicator, year)


def test_a_share_convicted_and_the_ratio_to_the_national_share_are_one_series_of_the_same_people():
    """Until 2017 the lists counted convictions as a share, from 2018 as the ratio to the national share: the
    illustrative share is the ratio times the national share of its year, so the two never disagree."""
    folder = ROOT / "datapackages" / "indicators"
    with open(folder / "observations.csv", encoding="utf-8", newline="") as f:
        values = {(r["area_id"], r["indicator_id"], int(r["year"])): float(r["value"]) for r in csv.DictReader(f)}
    with open(folder / "national.csv", encoding="utf-8", newline="") as f:
        national = {int(r["year"]): float(r["value"]) for r in csv.DictReader(f) if r["indicator_id"] == "doemte-andel"}
    assert sorted(national) == list(range(2010, 2018))
    shares = {k: v for k, v in values.items() if k[1] == "doemte-andel"}
    assert shares and all(k[2] < 2018 for k in shares)
    for (area, _, year), share in shares.items():
        assert abs(share - values[(area, "doemte", year)] * national[year]) <= 0.01 + 0.005 * national[year], (area, year)
