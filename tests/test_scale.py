"""The national-scale generator writes a valid project outside the repository."""

from __future__ import annotations

import pytest

from build_scripts.scale import write_project
from macros.data import load
from tests.conftest import ROOT


def test_the_generated_project_has_n_areas_and_passes_every_check(tmp_path):
    project = write_project(70, tmp_path / "nationalt")
    catalogue = load(project)
    assert len(catalogue.areas) == 70
    assert "testparken-00012" in catalogue.areas and "mjoelnerparken" in catalogue.areas
    assert all(len(catalogue.observations[("testparken-00012", i)]) >= 3 for i in catalogue.indicators)
    assert any(p.areas[0].startswith("testparken-") for p in catalogue.plans.values())


def test_the_generator_refuses_to_write_into_the_repository():
    with pytest.raises(SystemExit, match="uden for projektet"):
        write_project(70, ROOT / "nationalt")
