"""What a build makes ahead while its data are checked: the page folders the last build wrote into, moved into the site
only where that is what writing needs, and the packages' open data, the same files the generator would make."""

from __future__ import annotations

import json
import os
from pathlib import Path

from build_scripts.output import ahead, folders
from build_scripts.output.cache import pages_folder
from macros.data.load import load_cached
from macros.data.settings import from_mkdocs_yml
from macros.pages.open_data import package_files
from tests.conftest import copy_project, mkdocs_build

FILES = ["omraader/ålholm/index.html", "omraader/ålholm/indikatorer.csv", "omraader/ålholm/rapport/index.html",
         "omraader/søndergård/index.html", "index.html"]


def _written(folder: Path, files: list[str]) -> Path:
    written = folder / "written.json"
    written.write_text(json.dumps({"tasks": {"nøgle": {"files": files, "search": [], "templates": []}}}, ensure_ascii=False), encoding="utf-8")
    return written


def test_only_folders_that_hold_no_other_are_made_ahead(tmp_path):
    assert folders.leaves(_written(tmp_path, FILES)) == ["omraader/søndergård", "omraader/ålholm/rapport"]
    deeper = ["temaer/tryghed/index.html", "temaer/tryghed/år/2024/index.html"]  # nothing written in temaer/tryghed/år
    assert folders.leaves(_written(tmp_path, deeper)) == ["temaer/tryghed/år/2024"]
    assert folders.leaves(tmp_path / "mangler.json") == []


def test_a_folder_made_ahead_is_moved_into_the_site_and_any_other_is_made_there(tmp_path):
    site = tmp_path / "site"
    (site / "omraader").mkdir(parents=True)
    premade = folders.start(site, _written(tmp_path, FILES))
    assert premade.making.wait() == 0
    made_ahead = (folders.scratch(site) / "omraader" / "søndergård").stat().st_ino
    folders.move_or_make(premade, str(site), "omraader/søndergård")
    folders.move_or_make(premade, str(site), "omraader/ålholm")  # it holds the premade rapport: made, not moved
    folders.move_or_make(premade, str(site), "kommuner/århus")  # never made ahead
    assert (site / "omraader" / "søndergård").stat().st_ino == made_ahead
    assert os.listdir(site / "omraader" / "ålholm") == [] and (site / "kommuner" / "århus").is_dir()
    folders.end(site, premade)
    assert not folders.scratch(site).exists()


def test_a_rebuild_leaves_no_scratch_folder_beside_the_site(tmp_path):
    project = copy_project(tmp_path / "projekt")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    assert folders.leaves(pages_folder(project) / "written.json")  # the next build has folders to make ahead
    folders.scratch(site).mkdir()  # as a killed build leaves it
    (folders.scratch(site) / "omraader").mkdir()
    assert (result := mkdocs_build(project, site)).returncode == 0, result.stderr
    assert not folders.scratch(site).exists()
    assert (site / "omraader" / "vollsmose" / "index.html").is_file()


def test_open_data_made_ahead_are_the_files_the_generator_would_make(tmp_path):
    """build_scripts/output/ahead.py makes each package's open data while the data are checked; the generator makes the same."""
    project = copy_project(tmp_path / "projekt")
    threshold = from_mkdocs_yml(project).suppression_threshold
    folder = tmp_path / "forud"
    made = ahead.made(folder, ahead.start(project, folder, threshold))
    catalogue = load_cached(project)
    assert set(made) == set(catalogue.packages)
    for name, package in catalogue.packages.items():
        files = package_files(project, package, threshold)
        assert made[name] == list(files)
        assert all((folder / path).read_bytes() == content for path, content in files.items())
    ahead.end(folder, None)
    assert not folder.exists()
