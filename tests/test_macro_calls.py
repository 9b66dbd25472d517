"""A macro an editor mistypes or misuses is one Danish problem naming the file, the line and the call as
written, with the nearest macro and the macros that page may use; the check command and both engines'
builds stop on it with no traceback and publish nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.macro_calls import ACTIVITY, EDITORIAL, allowed_here, call_problems, written
from macros.pages.editorial import MACROS, SPECS
from tests.conftest import ROOT, copy_project, mkdocs_build

HERE = allowed_here(SPECS, EDITORIAL)
PAGE = "content/om-data.md"


def om_data_line(project: Path, text: str) -> int:
    """Add a paragraph to the end of om-data.md; the line it stands on."""
    path = project / PAGE
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n") + ["", text]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


CASES = {
    "ukendt": (
        "Se også [[ ukendt_makro() ]].",
        "makroen 'ukendt_makro' findes ikke (fundet: '[[ ukendt_makro() ]]'). Sådan retter du det: Ret navnet, eller slet kaldet. " + HERE,
    ),
    "stavefejl": (
        "[[ area_indx() ]]",
        "makroen 'area_indx' findes ikke (fundet: '[[ area_indx() ]]'). Sådan retter du det: Ret navnet, eller slet kaldet. Mente du 'area_index'? " + HERE,
    ),
    "forkert side": (
        "[[ activity_facts() ]]",
        "makroen 'activity_facts' virker kun på en aktivitetsside i content/aktiviteter/ (fundet: '[[ activity_facts() ]]'). "
        "Sådan retter du det: Slet kaldet her, eller flyt det til en aktivitetsside. " + HERE,
    ),
    "forkert argument": (
        'Der er [[ count("omrader") ]] områder.',
        "argument 1 til 'count' (hvad) er ikke en af de tilladte værdier (fundet: '[[ count(\"omrader\") ]]'). Sådan retter du det: "
        'Brug en af: "områder", "indikatorer", "studier", "aktiviteter", "datapakker". Mente du "områder"? ' + HERE,
    ),
    "for mange argumenter": (
        '[[ area_index("alle") ]]',
        "makroen 'area_index' skal have ingen argumenter, men har fået 1 (fundet: '[[ area_index(\"alle\") ]]'). "
        "Sådan retter du det: Skriv kaldet som [[ area_index() ]]. " + HERE,
    ),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """One copy of the project per case, and the whole problem expected for it."""
    made = {}
    for name, (text, message) in CASES.items():
        project = copy_project(tmp_path_factory.mktemp("makro") / "projekt")
        line = om_data_line(project, text)
        made[name] = project, f"Fandt 1 problem. Intet kan udgives, før det er rettet:\n\n1. {PAGE}, linje {line}: {message}"
    return made


@pytest.mark.parametrize("case", CASES)
def test_the_check_command_names_the_call_its_line_and_what_the_page_may_use(broken, case):
    project, expected = broken[case]
    result = subprocess.run([sys.executable, "-m", "build_scripts.commands.check", "--root", str(project)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == expected


@pytest.mark.parametrize("case", CASES)
def test_mkdocs_stops_with_the_message_and_publishes_nothing(broken, case, tmp_path):
    project, expected = broken[case]
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"ERROR   -  {expected}\n" in result.stderr
    assert not (tmp_path / "site").exists() and not (tmp_path / "site.partial").exists()


@pytest.mark.parametrize("case", CASES)
def test_zensical_stops_with_the_message_and_publishes_nothing(broken, case):
    project, expected = broken[case]
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.commands.build", "--engine", "zensical", "--root", str(project)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip() == expected
    assert not (project / "site").exists() and not (project / "site.partial").exists()


# The checker itself, without a build


def problems(text: str, scope: str = EDITORIAL) -> list[str]:
    return [f"{p.line}: {p.message} ({p.value})" for p in call_problems(text, "side.md", 10, SPECS, scope, {"tabeller": ("evaluations/studies",)})]


def test_two_calls_of_one_macro_on_a_line_are_told_apart():
    assert problems('[[ count("områder") ]] og [[ count("omrader") ]]') == [
        "10: argument 1 til 'count' (hvad) er ikke en af de tilladte værdier ([[ count(\"omrader\") ]])"
    ]


def test_a_value_written_as_a_call_and_a_call_without_parentheses_are_named():
    assert problems("[[ suppression_threshold() ]]\n[[ area_index ]]") == [
        "10: 'suppression_threshold' er et tal, ikke en makro, og kaldes uden parenteser ([[ suppression_threshold() ]])",
        "11: makroen 'area_index' er skrevet uden parenteser, så siden ville vise koden i stedet for indholdet ([[ area_index ]])",
    ]


def test_a_number_where_a_text_belongs_and_a_named_argument_are_refused():
    assert problems('[[ count(3) ]] [[ data_columns(tabel="evaluations/studies") ]]') == [
        "10: argument 1 til 'count' (hvad) skal være en tekst i anførselstegn ([[ count(3) ]])",
        "10: makroen 'data_columns' tager ingen navngivne argumenter ([[ data_columns(tabel=\"evaluations/studies\") ]])",
    ]


def test_a_table_the_data_does_not_have_gets_the_nearest_one():
    [found] = call_problems('[[ data_columns("evaluation/studies") ]]', "side.md", 1, SPECS, EDITORIAL, {"tabeller": ("evaluations/studies", "areas/areas")})
    assert 'Mente du "evaluations/studies"?' in found.hint


def test_template_commands_attributes_and_filters_are_refused_but_raw_text_is_text():
    assert problems("[[% if true %]]x[[% endif %]]\n[[ config.site_name ]] [[ count('områder') | upper ]]") == [
        "10: sidens tekst indeholder en skabelon-kommando ([[% … %]]); på dette site må en side kun kalde sitets egne makroer ([[% if true %]])",
        "11: makrokaldet er ikke et simpelt kald af en af sitets makroer ([[ config.site_name ]])",
        "11: makrokaldet er ikke et simpelt kald af en af sitets makroer ([[ count('områder') | upper ]])",
    ]
    assert problems("Skriv [[% raw %]][[ ukendt() ]][[% endraw %]] for at vise et kald.") == []


def test_an_unfinished_call_is_named_at_its_line():
    assert problems("Første linje\n\nSe [[ area_index( her") == ["12: et makrokald er ikke skrevet færdigt eller rigtigt (Se [[ area_index( her)"]


def test_an_activity_page_may_use_only_the_activity_macros():
    assert allowed_here(SPECS, ACTIVITY) == "Denne side kan bruge: activity_evidence(), activity_facts(), activity_sources()."
    assert problems("[[ activity_facts() ]]", ACTIVITY) == []


def test_every_declared_macro_has_a_distinct_name_and_is_written_with_its_example():
    names = [m.spec.name for m in MACROS]
    assert len(names) == len(set(names))
    assert written(next(s for s in SPECS if s.name == "data_columns")) == 'data_columns("evaluations/studies")'
