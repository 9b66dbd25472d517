"""Quality gates over the built output: links and anchors, reproducible builds, the footer."""

from __future__ import annotations

import os
import time

from build_scripts.commands.check_links import broken_links
from tests.conftest import ROOT, assert_same_site, mkdocs_build, reference_config


def test_no_internal_link_or_anchor_is_broken(site):
    assert broken_links(site) == []


def test_the_link_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="om">Om</h2><a href="../b/">B</a><a href="#om">ok</a><a href="#væk">x</a><a href="https://example.org/">ude</a>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "a/index.html: linket '../b/' peger på en fil, der ikke findes",
        "a/index.html: ankeret '#væk' i linket '#væk' findes ikke",
    ]


def test_the_fast_build_writes_the_same_site_as_mkdocs_alone_and_two_builds_are_byte_identical(tmp_path):
    """The render worker, the reused page frames and the area pages written beside MkDocs's loop change nothing.

    Both builds have a site_url, so canonical addresses and the sitemap are compared too; the
    reference renders area pages in MkDocs's own process (render_workers: 0) and sends every page
    through MkDocs (fast_item_pages: false). The configs sit beside mkdocs.yml because the data, content
    and git dates are found from there.
    """
    config = "site_url: https://eksempel.dk/boligsocial/\n" + (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    fast, reference = ROOT / f".mkdocs-serial-{os.getpid()}-hurtig.yml", ROOT / f".mkdocs-serial-{os.getpid()}-reference.yml"
    fast.write_text(config, encoding="utf-8")
    reference.write_text(reference_config(config), encoding="utf-8")
    first, second = tmp_path / "en", tmp_path / "to"
    try:
        assert (result := mkdocs_build(ROOT, first, fast)).returncode == 0, result.stderr
        time.sleep(1.1)  # a timestamp in seconds would now differ
        assert (result := mkdocs_build(ROOT, second, reference)).returncode == 0, result.stderr
    finally:
        fast.unlink()
        reference.unlink()
    assert_same_site(first, second)
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://eksempel.dk/boligsocial/omraader/mjoelnerparken/</loc>" in sitemap
    area = (first / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://eksempel.dk/boligsocial/omraader/mjoelnerparken/">' in area


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
