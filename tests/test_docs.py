"""Docs that drift from the code fail here (sqlite-utils' tests/test_docs.py is the model): every repository
path named in the README, the editors' guide, the Python docstrings and comments, and the comments of the
configuration, scripts and styles exists."""

from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from pathlib import Path

import pytest

from tests.conftest import ROOT

TOP = ("macros", "build_scripts", "tests", "content", "datapackages", ".ci", ".github")
PATH = re.compile(r"(?<![\w./-])((?:" + "|".join(re.escape(t) for t in TOP) + r")/[\w./æøå-]*[\wæøå/])")
PLACEHOLDER = re.compile(r"[<*{]")
COMMENTED = (".js", ".css", ".sh", ".toml", ".yml", ".yaml", ".cfg", ".html")


def named_paths(text: str) -> set[str]:
    return {m.group(1).rstrip(".") for m in PATH.finditer(text) if not PLACEHOLDER.search(text[m.end(1):m.end(1) + 1])}


def python_prose(source: str) -> str:
    """A module's docstrings and comments, not its code (tests build paths of files they create)."""
    tree = ast.parse(source)
    parts = [ast.get_docstring(node) or "" for node in ast.walk(tree) if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))]
    parts += [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
    return "\n".join(parts)


def documents() -> list[Path]:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / f for f in tracked if f.endswith((".md", ".py", *COMMENTED)) and not f.startswith("tests/tools/")] + [ROOT / ".ci" / "run"]


def exists(path: str) -> bool:
    target = ROOT / path
    # a module named as Python imports it (mkdocs.yml: build_scripts/engines/macros_module); a path under an
    # ignored folder is made by a build or an install (tests/tools/node_modules/)
    return target.exists() or target.with_suffix(".py").is_file() or _ignored(path)


def _ignored(path: str) -> bool:
    return subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0


def test_every_repository_path_the_docs_and_comments_name_exists():
    missing = []
    for document in documents():
        if not document.is_file():
            continue
        text = document.read_text(encoding="utf-8")
        prose = python_prose(text) if document.suffix == ".py" else text
        missing += [f"{document.relative_to(ROOT)}: {p}" for p in sorted(named_paths(prose)) if not exists(p)]
    assert missing == []


@pytest.mark.parametrize("text, found", [
    ("se macros/pages/area.py og build_scripts/output/", {"macros/pages/area.py", "build_scripts/output/"}),
    ("content/<mappe>/_ramme.md og macros/*.py", set()),
    ("(build_scripts/commands/reports.py).", {"build_scripts/commands/reports.py"}),
])
def test_a_path_is_read_as_written_and_a_placeholder_is_not_a_path(text, found):
    assert named_paths(text) == found


def test_a_path_that_no_longer_exists_is_found_in_a_comment_not_in_code():
    source = '"""Made by macros/html.py."""\nPATH = "content/aktiviteter/ny.md"  # see build_scripts/reports.py\n'
    assert sorted(p for p in named_paths(python_prose(source)) if not exists(p)) == ["build_scripts/reports.py", "macros/html.py"]
