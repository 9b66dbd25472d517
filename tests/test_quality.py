"""Quality gates over the built output: links and anchors, reproducible builds, the footer."""

from __future__ import annotations

import filecmp
import os
import time

from build_scripts.check_links import broken_links
from tests.conftest import ROOT, mkdocs_build


def test_no_internal_link_or_anchor_is_broken(site):
    assert broken_links(site) == []


def test_the_link_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="om">Om</h2><a href="../b/">B</a><a href="#om">ok</a><a href="#væk">x</a><a href="https://example.org/">ude</a>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "a/index.html: linket '../b/' peger på en fil, der ikke findes",
        "a/index.html: ankeret '#væk' i linket '#væk' findes ikke",
    ]


def test_two_builds_of_the_same_input_are_byte_identical_with_or_without_the_render_worker_and_reused_page_frames(tmp_path):
    first, second = tmp_path / "en", tmp_path / "to"
    assert mkdocs_build(ROOT, first).returncode == 0
    time.sleep(1.1)  # a timestamp in seconds would now differ
    # the same project with area pages rendered in MkDocs's own process (extra.render_workers: 0) and the
    # theme rendered for every page (reuse_page_frame: false); the config sits beside mkdocs.yml because
    # the data, content and git dates are found from there
    serial = ROOT / f".mkdocs-serial-{os.getpid()}.yml"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  render_workers: 1\n" in config and "\n  reuse_page_frame: true\n" in config
    serial.write_text(config.replace("\n  render_workers: 1\n", "\n  render_workers: 0\n").replace("\n  reuse_page_frame: true\n", "\n  reuse_page_frame: false\n"), encoding="utf-8")
    try:
        result = mkdocs_build(ROOT, second, serial)
    finally:
        serial.unlink()
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(first, second, [str(f) for f in files], shallow=False)
    assert mismatch == [] and errors == []


def test_every_page_links_the_accessibility_statement_from_the_footer(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 200
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if "md-footer" in text:
            assert "Tilgængelighedserklæring</a>" in text, page
    statement = (site / "tilgaengelighed" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="tilgaengelighedserklaering">Tilgængelighedserklæring' in statement


def test_heading_anchors_spell_danish_letters_out(site):
    area = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    assert 'id="helhedsplaner-og-maal"' in area and 'id="kriterier-aar-for-aar"' in area
