"""A rebuild after an editor changes one area's figures renders that area only, and publishes what a full build would."""

from __future__ import annotations

from tests.conftest import assert_same_site, copy_project, mkdocs_build, reference_config


def kept(project) -> set[str]:
    return {p.name for p in (project / ".cache" / "item-pages").glob("*/*")}


def test_changing_one_areas_figure_renders_only_that_area_again_and_the_site_matches_a_full_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    assert mkdocs_build(project, tmp_path / "første").returncode == 0
    before = kept(project)
    assert len(before) == 58  # one entry per area: its page and its report

    observations = project / "datapackages" / "indicators" / "observations.csv"
    lines = observations.read_text(encoding="utf-8").split("\n")
    assert lines[1].startswith("agervang,uden-for-arbejdsmarked,2010,")
    cells = lines[1].split(",")
    cells[3] = str(round(float(cells[3]) + 0.1, 1))
    observations.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8")

    rebuilt = tmp_path / "anden"
    assert (result := mkdocs_build(project, rebuilt)).returncode == 0, result.stderr
    after = kept(project)
    assert len(after - before) == 1 and len(before - after) == 1  # Agervang's new entry replaced its old one
    page = (rebuilt / "omraader" / "agervang" / "index.html").read_text(encoding="utf-8")
    assert f'[[2010,{cells[3]},0,0]' in page and '"values":{"serie":["Agervang",' in page  # its chart shows the new figure

    reference = project / "reference.yml"
    reference.write_text(reference_config((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    assert (result := mkdocs_build(project, tmp_path / "reference", reference)).returncode == 0, result.stderr
    assert_same_site(rebuilt, tmp_path / "reference")


def test_a_damaged_cache_entry_is_rendered_again(tmp_path):
    project = copy_project(tmp_path / "projekt")
    assert mkdocs_build(project, tmp_path / "første").returncode == 0
    entries = sorted((project / ".cache" / "item-pages").glob("*/*"))
    entries[0].write_bytes(b"ikke en gyldig post")
    assert (result := mkdocs_build(project, tmp_path / "anden")).returncode == 0, result.stderr
    assert_same_site(tmp_path / "første", tmp_path / "anden")
