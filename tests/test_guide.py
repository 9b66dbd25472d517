"""The editors' guide (content/bidrag/) works as written: every project command it shows runs on a copy of
the project, with the example files it shows, and its column tables are the schemas' own."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project

GUIDE = ROOT / "content" / "bidrag"
BLOCK = re.compile(r"^( *)```(\w+)\n(.*?)^\1```", re.M | re.S)


def blocks(language: str) -> list[tuple[Path, str, int]]:
    """(page, block text, where it starts) for every fenced block of one language in the guide."""
    found = []
    for page in sorted(GUIDE.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            if match.group(2) == language:
                found.append((page, "\n".join(line[len(match.group(1)):] for line in match.group(3).splitlines()), match.start()))
    return found


def test_every_project_command_in_the_guide_runs_on_a_copy_of_the_project(tmp_path):
    """Each command on a fresh copy, with the guide's example files beside it: each succeeds as the guide says."""
    examples = {}
    for page, text, start in blocks("csv"):  # example files: named in the text just before them
        examples[re.findall(r"`([\w.-]+\.csv)`", page.read_text(encoding="utf-8")[:start])[-1]] = text + "\n"
    lines = [line for _, text, _ in blocks("sh") for line in text.splitlines()]
    commands = [line for line in lines if line.startswith(".venv/bin/python -m build_scripts.")]
    assert {c.split()[2] for c in commands} >= {"build_scripts.commands.scaffold", "build_scripts.commands.import_csv"}
    assert "make check" in lines  # the one check command, which the tools name too (below)
    commands.append("make check")
    for n, command in enumerate(commands):
        project = copy_project(tmp_path / str(n))
        for name, text in examples.items():
            (project / name).write_text(text, encoding="utf-8")
        run = f"make check VENV={ROOT / '.venv'}" if command == "make check" else f"{sys.executable} {command.split(' ', 1)[1]}"
        result = subprocess.run(run, shell=True, cwd=project, capture_output=True, text=True)
        assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr, (command, result.stdout + result.stderr)
        if "import_csv ledighed-2025.csv" in command:
            assert "agervang,ledighed,2025,11.8,1204" in (project / "datapackages/indicators/observations.csv").read_text(encoding="utf-8")


def test_the_guide_lists_every_column_of_the_studies_and_results_tables_with_their_allowed_values(site):
    page = (site / "bidrag/data/index.html").read_text(encoding="utf-8")
    for column in ("study_id", "title", "evaluator", "result_id", "outcome_domain", "design", "caveat"):
        assert f"<code>{column}</code>" in page, column
    assert "én af: uddannelse; beskæftigelse; kriminalitet" in page
    assert "<code>indicators/observations</code>" in page and "<code>evaluations/results</code>" in page


@pytest.mark.slow
def test_the_check_a_tool_tells_the_editor_to_run_works_on_a_fresh_copy_with_a_new_virtual_environment(tmp_path):
    """What scaffold prints ('kør make check') is one of the guide's commands, and on a machine with nothing installed
    it installs what it needs, then answers in Danish: no traceback, no English, nothing else to do first."""
    project = copy_project(tmp_path / "projekt")
    printed = subprocess.run([sys.executable, "-m", "build_scripts.commands.scaffold", "studie", "Evaluering af madklubber", "--root", str(project)],
                             cwd=ROOT, capture_output=True, text=True).stdout
    printed += subprocess.run([sys.executable, "-m", "build_scripts.commands.scaffold", "aktivitet", "Madklub for unge", "--root", str(project)],
                              cwd=ROOT, capture_output=True, text=True).stdout
    told = set(re.findall(r"[Kk]ør (?:derefter )?(.+?)\.(?:\s|$)", printed))
    guide = {line for _, text, _ in blocks("sh") for line in text.splitlines()}
    assert told == {"make check"} and told <= guide
    result = subprocess.run(["make", "check", f"VENV={tmp_path / 'ny-venv'}"], cwd=project, capture_output=True, text=True, timeout=900)
    assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr  # the two drafts are not filled in yet
    assert "Fandt" in result.stderr and "UDFYLD" in result.stderr
    assert "No module named" not in result.stderr and "WARNING" not in result.stdout + result.stderr
