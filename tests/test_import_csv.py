"""Importing a CSV from Danish Excel: encodings, separators and numbers read right, or a clear stop."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from macros.data.load import load
from tests.conftest import ROOT, copy_project

HEADER = "area_id;indicator_id;year;value;base_population"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "projekt")


def run(project: Path, file: Path, into: str, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_scripts.commands.import_csv", str(file), "--into", into, "--root", str(project), *flags],
                          cwd=ROOT, capture_output=True, text=True)


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def test_danish_excel_numbers_become_canonical_and_thousands_stay_thousands(project, tmp_path):
    source = write(
        tmp_path / "indkomst.csv", "indicator_id;year;value\nbruttoindkomst;2023;1.234\nbruttoindkomst;2024;1.234,5\nbruttoindkomst;2022;12,5\n", "cp1252"
    )
    result = run(project, source, "indicators/national")
    assert result.returncode == 0, result.stderr
    assert (project / "datapackages/indicators/national.csv").read_text(encoding="utf-8") == (
        "indicator_id,year,value\nbruttoindkomst,2023,1234\nbruttoindkomst,2024,1234.5\nbruttoindkomst,2022,12.5\n"
    )


def test_column_titles_from_the_package_are_accepted_as_headers(project, tmp_path):
    source = write(tmp_path / "titler.csv", "Indikator;År;Værdi\nbruttoindkomst;2024;101,5\n", "utf-8-sig")
    result = run(project, source, "indicators/national")
    assert result.returncode == 0, result.stderr
    assert (project / "datapackages/indicators/national.csv").read_text(encoding="utf-8").endswith("bruttoindkomst,2024,101.5\n")


def test_windows_1252_and_utf8_with_bom_keep_danish_letters(project, tmp_path):
    for encoding, name in (("cp1252", "Ærtebjerghaven"), ("utf-8-sig", "Østerled Å")):
        area_id = "aertebjerghaven" if encoding == "cp1252" else "oesterled-aa"
        source = write(tmp_path / f"{encoding}.csv", f"area_id;name;municipality;aliases\n{area_id};{name};Køge;\n", encoding)
        result = run(project, source, "areas/areas", "--append")
        assert result.returncode == 0, result.stderr
        assert (project / "datapackages/areas/areas.csv").read_text(encoding="utf-8").endswith(f"{area_id},{name},Køge,\n")
    assert load(project).areas["oesterled-aa"].name == "Østerled Å"


def test_a_file_in_an_unexpected_encoding_stops_before_letters_change(project, tmp_path):
    before = (project / "datapackages/areas/areas.csv").read_bytes()
    source = write(tmp_path / "mac.csv", "area_id;name;municipality;aliases\naertebjerghaven;Ærtebjerghaven;Køge;\n", "mac_roman")
    result = run(project, source, "areas/areas", "--append")
    assert result.returncode == 1
    assert "mac.csv, linje 2: filen ser ud til at være gemt i en anden tegnkodning" in result.stderr
    assert "Sådan retter du det: Åbn filen i Excel og gem den som 'CSV UTF-8 (kommasepareret)'." in result.stderr
    assert (project / "datapackages/areas/areas.csv").read_bytes() == before


def test_an_ambiguous_number_stops_with_what_to_write(project, tmp_path):
    before = (project / "datapackages/indicators/observations.csv").read_bytes()
    source = write(tmp_path / "tal.csv", f"{HEADER}\nagervang;ledighed;2024;1.5;1234\n", "utf-8")
    result = run(project, source, "indicators/observations", "--append")
    assert result.returncode == 1
    assert (
        "tal.csv, linje 2, felt 'value': tallet kan ikke læses sikkert (fundet: '1.5'). Sådan retter du det: Skriv tallet med komma som decimaltegn"
        in result.stderr
    )
    assert (project / "datapackages/indicators/observations.csv").read_bytes() == before


def test_schema_and_reference_problems_point_at_the_editors_own_lines(project, tmp_path):
    future = date.today().year + 1
    source = write(
        tmp_path / "nye.csv", f"{HEADER}\nagervang;ledighed;2024;12,5;1.234\nsolsikken;ledighed;2024;7;40\nagervang;ledighed;{future};7;40\n", "utf-8"
    )
    result = run(project, source, "indicators/observations", "--append")
    assert result.returncode == 1
    assert f"nye.csv, linje 4, felt 'year': værdien er uden for det tilladte interval (fundet: '{future}')" in result.stderr
    assert result.stderr.startswith("Importen er stoppet; intet er ændret.")


def test_wrong_columns_are_listed_by_name(project, tmp_path):
    source = write(tmp_path / "kolonner.csv", "omraade_kode;indicator_id;aar;value;base_population\nagervang;ledighed;2024;12,5;1.234\n", "utf-8")
    result = run(project, source, "indicators/observations")
    assert result.returncode == 1
    assert "kolonner.csv, linje 1: kolonnerne passer ikke til datapakken; ukendte: omraade_kode, aar; mangler: area_id, year" in result.stderr
