"""The column-wise row checker flags exactly the lines and fields frictionless flags, in a fraction of the time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import Package

from macros.data.table_check import check_resource, typed_rows
from macros.data.validate import validate_package

ROW_LEVEL = ("nøglen findes allerede", "nøglen er ikke udfyldt", "henviser til noget der ikke findes", "rækken har ikke det rigtige antal celler")

SCHEMA = {
    "fields": [
        {"name": "omraade_id", "type": "string", "constraints": {"required": True, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}},
        {"name": "navn", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "liste", "type": "string", "constraints": {"enum": ["udsat boligområde", "parallelsamfund"]}},
        {"name": "aar", "type": "integer", "constraints": {"required": True, "minimum": 2010, "maximum": 2024}},
        {"name": "andel", "type": "number", "decimalChar": ".", "groupChar": "", "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "paa_listen", "type": "boolean"},
    ],
    "primaryKey": ["omraade_id", "aar"],
    "missingValues": [""],
}
GOOD = [
    "omraade_id,navn,liste,aar,andel,paa_listen",
    "mjoelnerparken,Mjølnerparken,parallelsamfund,2019,41.5,true",
    "vollsmose,Vollsmose,udsat boligområde,2020,12,false",
]
BROKEN = GOOD + [
    'nørrebro,Nørrebroparken,parallelsamfund,2019,"41,5",true',  # pattern (ø) and decimal comma
    "tingbjerg,Tingbjerg,særligt udsat område,2031,101,ja",     # enum, maximum, maximum, boolean
    "gellerup,Mjølnerparken,,2018.0,,",                          # unique name, integer type
    "mjoelnerparken,Mjølnerparken Syd,,2019,-1,1",               # primary key twice, minimum
    ",Uden id,,,,",                                              # required twice
]
CHILD = {
    "fields": [{"name": "omraade_id", "type": "string"}, {"name": "aar", "type": "integer"}, {"name": "note", "type": "string"}],
    "primaryKey": ["note"],
    "foreignKeys": [{"fields": ["omraade_id", "aar"], "reference": {"resource": "omraader", "fields": ["omraade_id", "aar"]}}],
    "missingValues": [""],
}
CHILD_ROWS = ["omraade_id,aar,note", "vollsmose,2020,findes", "vollsmose,2021,findes ikke", "aarhus-øst,2020,heller ikke", ",,tom nøgle"]


def _package(folder: Path, rows: list[str], child: list[str] = CHILD_ROWS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "omraader.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "noter.csv").write_text("\n".join(child) + "\n", encoding="utf-8")
    descriptor = {
        "name": "proeve",
        "resources": [
            {"name": "omraader", "path": "omraader.csv", "format": "csv", "encoding": "utf-8", "schema": SCHEMA},
            {"name": "noter", "path": "noter.csv", "format": "csv", "encoding": "utf-8", "schema": CHILD},
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return folder / "datapackage.json"


def _frictionless(descriptor: Path) -> set[tuple]:
    report = Package(str(descriptor)).validate()
    return {
        (task.place, error.row_number, None if error.type in ("primary-key", "foreign-key", "extra-cell", "missing-cell", "blank-row") else error.field_name)
        for task in report.tasks for error in task.errors
    }


def _ours(descriptor: Path, root: Path) -> set[tuple]:
    _, problems = validate_package(descriptor, root)
    return {(Path(p.file).name, p.line, None if p.message.startswith(ROW_LEVEL) or "henviser" in p.message else p.field) for p in problems}


def test_a_clean_package_has_no_problems_and_reads_typed_rows(tmp_path):
    descriptor = _package(tmp_path / "pakke", GOOD, CHILD_ROWS[:2])
    tables, problems = validate_package(descriptor, tmp_path)
    assert problems == []
    assert typed_rows(tables["omraader"], SCHEMA["fields"]) == [
        {"omraade_id": "mjoelnerparken", "navn": "Mjølnerparken", "liste": "parallelsamfund", "aar": 2019, "andel": 41.5, "paa_listen": True},
        {"omraade_id": "vollsmose", "navn": "Vollsmose", "liste": "udsat boligområde", "aar": 2020, "andel": 12.0, "paa_listen": False},
    ]


def test_every_broken_cell_and_key_is_flagged_on_the_same_line_and_field_as_frictionless(tmp_path):
    descriptor = _package(tmp_path / "pakke", BROKEN)
    expected = _frictionless(descriptor)
    assert len(expected) == 15  # the fixture really breaks every rule once or more
    assert _ours(descriptor, tmp_path) == expected


@pytest.mark.parametrize(
    "rows",
    [
        ["ishoej,Ishøj,parallelsamfund,2019", ",,,,,", "tingbjerg,Tingbjerg,parallelsamfund,2019,3,true,ekstra"],
        # one cell short and one over, so the file's commas add up: the plain-file reader counts them before it reads a line
        ["ishoej,Ishøj,parallelsamfund,2019,3", ",,,,,", "tingbjerg,Tingbjerg,parallelsamfund,2019,3,true,ekstra"],
    ],
)
def test_uneven_and_blank_rows_are_flagged_on_the_same_lines_as_frictionless(tmp_path, rows):
    descriptor = _package(tmp_path / "pakke", GOOD + rows, CHILD_ROWS[:2])
    lines = {line for _, line, _ in _frictionless(descriptor)}
    assert lines == {4, 5, 6}
    assert {line for _, line, _ in _ours(descriptor, tmp_path)} == lines
    _, problems = validate_package(descriptor, tmp_path)
    assert [p.message for p in problems if p.line == 5] == ["rækken er tom"]


def test_a_long_first_row_and_a_short_later_one_are_named_not_read_as_shifted_columns(tmp_path):
    """pandas reads a first line with one cell too many (a decimal comma) as one with an index column; the plain-file
    reader must not take the file for even because its commas add up."""
    rows = [GOOD[0], "mjoelnerparken,Mjølnerparken,parallelsamfund,2019,41,5,true", GOOD[2], "ishoej,Ishøj,parallelsamfund,2019,3"]
    descriptor = _package(tmp_path / "pakke", rows, CHILD_ROWS[:2])
    assert {line for _, line, _ in _frictionless(descriptor)} == {2, 4}
    _, problems = validate_package(descriptor, tmp_path)
    assert [(p.line, p.message) for p in problems] == [
        (2, "rækken har 7 celler, men skal have 6 (én pr. kolonne)"), (4, "rækken har 5 celler, men skal have 6 (én pr. kolonne)")]


def test_a_descriptor_is_judged_by_frictionless_again_whenever_its_bytes_change(tmp_path):
    """frictionless's verdict is kept for a valid descriptor only (macros/data/validate.py), by a hash of its bytes."""
    descriptor = _package(tmp_path / "pakke", GOOD, CHILD_ROWS[:2])
    assert validate_package(descriptor, tmp_path)[1] == []
    assert validate_package(descriptor, tmp_path)[1] == []  # the kept verdict
    broken = json.loads(descriptor.read_text(encoding="utf-8"))
    broken["resources"][0]["schema"]["fields"][3]["type"] = "årstal"
    descriptor.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    for _ in range(2):  # and an invalid one is never kept
        _, problems = validate_package(descriptor, tmp_path)
        assert [(p.file, "årstal" in p.message) for p in problems] == [("pakke/datapackage.json", True)]


def test_a_quoted_file_and_an_unquoted_file_read_the_same(tmp_path):
    plain, quoted = tmp_path / "a.csv", tmp_path / "b.csv"
    plain.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    quoted.write_text("\n".join(GOOD).replace("Vollsmose,", '"Vollsmose",') + "\n", encoding="utf-8")
    resource = {"name": "omraader", "schema": SCHEMA}
    assert check_resource(plain, resource, "a.csv") == check_resource(quoted, resource, "b.csv")


# Bugs

def test_a_boolean_written_as_1_reads_as_true_as_frictionless_reads_it(tmp_path):
    rows = GOOD[:2] + ["vollsmose,Vollsmose,udsat boligområde,2020,12,1"]
    tables, problems = validate_package(_package(tmp_path / "pakke", rows, CHILD_ROWS[:2]), tmp_path)
    assert problems == []
    assert [row["paa_listen"] for row in typed_rows(tables["omraader"], SCHEMA["fields"])] == [True, True]


def test_more_than_fifty_problems_in_a_file_are_cut_with_a_count_of_the_rest(tmp_path):
    rows = GOOD[:1] + [f"omraade-{i},Område {i},parallelsamfund,1999,1,true" for i in range(80)]
    _, problems = validate_package(_package(tmp_path / "pakke", rows, CHILD_ROWS[:1]), tmp_path)
    assert len(problems) == 51
    assert str(problems[-1]).startswith("pakke/omraader.csv: og 30 problemer mere i samme fil.")
