"""A rebuild renders again only the generated pages whose inputs changed, and publishes what a full build would."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from build_scripts.output.cache import pages_folder, pieces_folder, task_keys
from macros.data.load import load_cached
from macros.data.settings import from_mkdocs_yml
from macros.pages.registry import tasks
from macros.text.format import number
from tests.conftest import assert_same_site, copy_project, mkdocs_build


def kept(project: Path, folder=pages_folder) -> dict[str, int]:
    """Each kept task's key (or with pieces_folder, each kept piece of the data files') and when its entry was written."""
    return {p.name: p.stat().st_mtime_ns for p in folder(project).glob("*/*")}


def gone_within(seconds: float, done) -> None:
    """Wait for what a background process finishes, failing after `seconds`."""
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "not done in time"
        time.sleep(0.2)


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_changing_one_areas_figure_renders_that_area_and_the_pages_across_areas_and_matches_a_full_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    assert mkdocs_build(project, tmp_path / "første").returncode == 0
    before, pieces = kept(project), kept(project, pieces_folder)
    observations = project / "datapackages" / "indicators" / "observations.csv"
    lines = observations.read_text(encoding="utf-8").split("\n")
    assert lines[1].startswith("agervang,uden-for-arbejdsmarked,2010,")
    cells = lines[1].split(",")
    cells[3] = str(round(float(cells[3]) + 0.1, 1))
    observations.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8")

    rebuilt = tmp_path / "anden"
    assert (result := mkdocs_build(project, rebuilt)).returncode == 0, result.stderr
    after = kept(project)
    # Agervang's task, its indicator's and its municipality's, which show the figure (registry.PageKind.series); no other
    # area, indicator or municipality, and no study or tag page, which do not read figures
    catalogue = load_cached(project)
    settings = from_mkdocs_yml(project)
    keys = dict(zip((t.name for t in tasks(catalogue)), task_keys(catalogue, settings, tasks(catalogue))))
    shown = {"omraade/agervang", "indikator/uden-for-arbejdsmarked", f"kommune/{catalogue.areas['agervang'].municipality}"}
    assert len(after) == len(before) and set(after) - set(before) == {keys[name] for name in shown}
    # of the compare view's data, only the changed indicator's is made again (site_files.data_pieces)
    assert len(pieces) == len(catalogue.indicators) and len(set(kept(project, pieces_folder)) - set(pieces)) == 1
    page = (rebuilt / "omraader" / "agervang" / "index.html").read_text(encoding="utf-8")
    assert f"<tr><td>2010 <td>{number(float(cells[3]))} <td>" in page  # its chart's table, which the chart draws, has the new figure

    pages_folder(project).parent.rename(tmp_path / "gemt")
    assert (result := mkdocs_build(project, tmp_path / "fuld")).returncode == 0, result.stderr
    assert_same_site(rebuilt, tmp_path / "fuld")


def test_editing_a_content_page_or_the_number_of_workers_renders_no_generated_page(tmp_path):
    project = copy_project(tmp_path / "projekt")
    assert mkdocs_build(project, tmp_path / "første").returncode == 0
    before, pieces = kept(project), kept(project, pieces_folder)
    edit(project, "content/om-data.md", "# Om data", "# Om data og kilder")
    edit(project, "mkdocs.yml", "render_workers: 2", "render_workers: 1")
    assert (result := mkdocs_build(project, tmp_path / "anden")).returncode == 0, result.stderr
    assert kept(project) == before and kept(project, pieces_folder) == pieces
    assert "Om data og kilder" in (tmp_path / "anden" / "om-data" / "index.html").read_text(encoding="utf-8")


def test_a_rebuild_links_the_pages_the_published_site_holds_unchanged_and_writes_the_changed_ones(tmp_path):
    project = copy_project(tmp_path / "projekt")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    inode = {
        name: (site / name).stat().st_ino
        for name in ("omraader/agervang/index.html", "omraader/vollsmose/index.html", "omraader/vollsmose/indikatorer-eksempeldata.csv", "index.html")
    }
    edit(project, "datapackages/indicators/observations.csv", "agervang,uden-for-arbejdsmarked,2010,5", "agervang,uden-for-arbejdsmarked,2010,3")
    assert (result := mkdocs_build(project, site)).returncode == 0, result.stderr
    after = {name: (site / name).stat().st_ino for name in inode}
    assert after["omraader/vollsmose/index.html"] == inode["omraader/vollsmose/index.html"]  # linked: the same file
    assert after["omraader/vollsmose/indikatorer-eksempeldata.csv"] == inode["omraader/vollsmose/indikatorer-eksempeldata.csv"]
    assert after["omraader/agervang/index.html"] != inode["omraader/agervang/index.html"]  # its figure changed
    assert after["index.html"] != inode["index.html"]  # the engine's own pages are always written
    gone_within(60, lambda: not list(tmp_path.glob("site.old-*")))  # the replaced site is deleted, in the background
    pages_folder(project).parent.rename(tmp_path / "gemt")
    assert (result := mkdocs_build(project, tmp_path / "fuld")).returncode == 0, result.stderr
    assert_same_site(site, tmp_path / "fuld")


def test_a_build_that_failed_after_writing_its_pages_does_not_stop_the_builds_after_it(tmp_path):
    """A failed build's note of what it wrote (with the chart templates its pages name, which a changed national level
    changes) is never taken for the published site's: the next builds link the published pages with that site's templates."""
    project = copy_project(tmp_path / "projekt")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    national, page = project / "datapackages" / "indicators" / "national.csv", project / "content" / "tilgaengelighed.md"
    before = national.read_text(encoding="utf-8"), page.read_text(encoding="utf-8")
    edit(project, "datapackages/indicators/national.csv", "uden-for-arbejdsmarked,2010,22.0", "uden-for-arbejdsmarked,2010,23.0")
    page.write_text(before[1] + "\n[Et område, der ikke findes](../omraader/findes-ikke/)\n", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0 and "findes-ikke" in result.stderr  # stopped by the link check, after the pages were written
    national.write_text(before[0], encoding="utf-8")
    page.write_text(before[1], encoding="utf-8")
    for _ in range(2):
        assert (result := mkdocs_build(project, site)).returncode == 0, result.stderr


def test_pages_are_never_linked_from_a_site_another_build_has_replaced(tmp_path):
    """The kept record names the published folder itself: a site swapped in by a build with another cache is not the one it describes."""
    project = copy_project(tmp_path / "projekt")
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    pages_folder(project).parent.rename(tmp_path / "gemt")
    edit(project, "datapackages/areas/areas.csv", "vollsmose,Vollsmose,", "vollsmose,Vollsmose Øst,")
    assert mkdocs_build(project, site).returncode == 0  # another site at the same path, with its own cache
    shutil.rmtree(pages_folder(project).parent)
    (tmp_path / "gemt").rename(pages_folder(project).parent)
    edit(project, "datapackages/areas/areas.csv", "vollsmose,Vollsmose Øst,", "vollsmose,Vollsmose,")
    assert (result := mkdocs_build(project, site)).returncode == 0, result.stderr
    assert "<h1>Vollsmose</h1>" in (site / "omraader/vollsmose/index.html").read_text(encoding="utf-8")
    pages_folder(project).parent.rename(tmp_path / "igen")
    assert mkdocs_build(project, tmp_path / "fuld").returncode == 0
    assert_same_site(site, tmp_path / "fuld")


def test_a_damaged_cache_entry_is_rendered_again(tmp_path):
    project = copy_project(tmp_path / "projekt")
    assert mkdocs_build(project, tmp_path / "første").returncode == 0
    entries = sorted(pages_folder(project).glob("*/*"))
    entries[0].write_bytes(b"ikke en gyldig post")
    assert (result := mkdocs_build(project, tmp_path / "anden")).returncode == 0, result.stderr
    assert_same_site(tmp_path / "første", tmp_path / "anden")
