"""The editors' guide (content/bidrag/) works as written: every project command it shows runs on a copy of
the project, with the example files it shows, and its column tables are the schemas' own."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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
    commands = [line for _, text, _ in blocks("sh") for line in text.splitlines() if line.startswith(".venv/bin/python -m build_scripts.")]
    assert {c.split()[2] for c in commands} >= {"build_scripts.commands.check", "build_scripts.commands.scaffold", "build_scripts.commands.import_csv"}
    for n, command in enumerate(commands):
        project = copy_project(tmp_path / str(n))
        for name, text in examples.items():
            (project / name).write_text(text, encoding="utf-8")
        result = subprocess.run(f"{sys.executable} {command.split(' ', 1)[1]}", shell=True, cwd=project, capture_output=True, text=True)
        assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr, (command, result.stdout + result.stderr)
        if "import_csv ledighed-2025.csv" in command:
            assert "agervang,ledighed,2025,11.8,1204" in (project / "datapackages/indicators/observations.csv").read_text(encoding="utf-8")


def test_the_guide_lists_every_column_of_the_studies_and_results_tables_with_their_allowed_values(site):
    page = (site / "bidrag/data/index.html").read_text(encoding="utf-8")
    for column in ("study_id", "title", "evaluator", "result_id", "outcome_domain", "design", "caveat"):
        assert f"<code>{column}</code>" in page, column
    assert "én af: uddannelse; beskæftigelse; kriminalitet" in page
    assert "<code>indicators/observations</code>" in page and "<code>evaluations/results</code>" in page
