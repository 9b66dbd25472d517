"""The code's own rules, run by the suite: ruff (pyproject.toml [tool.ruff]) and the layer contracts of
import-linter (pyproject.toml [tool.importlinter]): the data flows one way, and macros/ never imports build_scripts/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_layer_imports_only_the_layers_below_it():
    command = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(command if command.exists() else shutil.which("lint-imports")), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("KEPT") == 3
