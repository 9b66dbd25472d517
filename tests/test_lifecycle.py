"""The generator is forked from the build's process with the checked catalogue (build_scripts/output/lifecycle.py):
whatever way it ends, the build learns why and nothing is left running."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from build_scripts.engines import adapter
from build_scripts.output import lifecycle
from build_scripts.output.writer import move_files
from macros.data.load import load_cached
from macros.data.settings import Settings
from tests.conftest import ROOT, copy_project, mkdocs_build


def test_a_generator_that_stops_before_the_engine_has_finished_reports_what_it_printed(tmp_path):
    generator = lifecycle.Generator(tmp_path, adapter("mkdocs"), tmp_path / "site", None, load_cached(ROOT), Settings(render_workers=1))
    generator._process.join(120)  # it fails at once: the folder it is told is the project's has no data packages to publish
    assert not generator._process.is_alive()
    failed = generator.finish()  # telling a stopped generator to go is no error of its own
    generator.stop()
    assert failed and "datapackages" in failed


def test_a_build_that_stops_unannounced_ends_its_generator(tmp_path):
    """The generator waits for 'go' on a pipe whose writing end only the build holds: when it is closed unsaid, the
    generator's wait ends, and so does the generator, instead of waiting for ever with the catalogue in memory."""
    generator = lifecycle.Generator(ROOT, adapter("mkdocs"), tmp_path / "site", None, load_cached(ROOT), Settings(render_workers=1))
    lifecycle.os.close(generator._go)  # as the build's death would
    generator._go = None
    generator._process.join(300)
    assert not generator._process.is_alive() and generator._process.exitcode != 0
    generator.stop()


def test_the_data_files_a_killed_build_left_are_removed_by_the_next_and_a_build_leaves_none(tmp_path):
    """The site's data files wait in .bse-cache/data-<pid>-… until they are moved into the site (generate.py)."""
    project = copy_project(tmp_path / "projekt")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    left = project / ".bse-cache" / f"data-{gone.pid}-abc"
    (left / "data" / "indicators").mkdir(parents=True)
    (left / "data" / "indicators" / "observations.csv").write_text("area_id,år\nålholm,2024\n", encoding="utf-8")
    assert (result := mkdocs_build(project, tmp_path / "site")).returncode == 0, result.stderr
    assert not list((project / ".bse-cache").glob("data-*"))
    assert (tmp_path / "site" / "data" / "indicators" / "observations.csv").read_text(encoding="utf-8").startswith("area_id,indicator_id")


def test_data_files_move_into_a_site_on_another_filesystem(tmp_path):
    """`mkdocs serve` builds into the system's temporary folder, which may be another filesystem than the project's."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no second filesystem here")
    with tempfile.TemporaryDirectory(dir=shm) as staging:
        (Path(staging) / "data").mkdir()
        (Path(staging) / "data" / "åbne.csv").write_text("område\nÅlholm\n", encoding="utf-8")
        move_files(Path(staging), tmp_path / "site", ["data/åbne.csv"])
        assert (tmp_path / "site" / "data" / "åbne.csv").read_text(encoding="utf-8") == "område\nÅlholm\n"
        assert not (Path(staging) / "data" / "åbne.csv").exists()
