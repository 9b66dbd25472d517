"""Quality gates over the built output: links and anchors, reproducible builds, the footer."""

from __future__ import annotations

import filecmp
from urllib.parse import urlsplit

from build_scripts.commands.reference import write_reference
from build_scripts.output.links import broken_links
from macros.data.load import load, load_cached
from macros.data.settings import from_mkdocs_yml
from macros.pages.registry import addresses, pdf_pages
from tests.conftest import ROOT, assert_same_site, copy_project, mkdocs_build

SITE_URL = from_mkdocs_yml(ROOT).site_url


def test_no_internal_link_or_anchor_is_broken(site):
    assert broken_links(site, root=urlsplit(from_mkdocs_yml(ROOT).site_url).path, printed=pdf_pages(load_cached(ROOT))) == []


def test_the_link_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="om">Om</h2><a href="../b/">B</a><a href="#om">ok</a><a href="#væk">x</a><a href="https://example.org/">ude</a>', encoding="utf-8"
    )
    page = tmp_path / "a" / "index.html"
    assert broken_links(tmp_path) == [(page, "../b/", ""), (page, "#væk", "væk")]


def test_a_page_the_last_check_parsed_is_not_parsed_again_but_its_links_are_checked_again(tmp_path, monkeypatch):
    from build_scripts.output import links

    (tmp_path / "a").mkdir()
    page = tmp_path / "a" / "index.html"
    page.write_text('<h2 id="om">Om</h2><a href="../bølge/">B</a><a href="#væk">x</a>', encoding="utf-8")
    first = links.Memo()
    assert broken_links(tmp_path, memo=first) == [(page, "../bølge/", ""), (page, "#væk", "væk")]

    parsed = []
    real = links._parsed
    monkeypatch.setattr(links, "_parsed", lambda text: parsed.append(text) or real(text))
    (tmp_path / "bølge").mkdir()
    (tmp_path / "bølge" / "index.html").write_text('<p id="top">Bølge</p>', encoding="utf-8")
    second = links.Memo(first.now)
    assert broken_links(tmp_path, [page], memo=second) == [(page, "#væk", "væk")]  # the new page counts
    assert parsed == [] and second.now == first.now

    page.write_text('<a href="../bølge/#bund">B</a>', encoding="utf-8")
    third = links.Memo(second.now)
    assert broken_links(tmp_path, [page], memo=third) == [(page, "../bølge/#bund", "bund")]
    assert len(parsed) == 2 and len(third.now) == 2  # the changed page, and the page its anchor is looked for in


def test_generated_pages_written_into_their_frames_equal_the_pages_the_engine_renders_itself(tmp_path):
    """The reference: a copy in which every generated page is Markdown the engine renders (commands/reference.py).

    Both copies have no git history, so neither page says when it changed; the search index is
    compared as a set of entries.
    """
    fast, reference = copy_project(tmp_path / "hurtig"), copy_project(tmp_path / "reference")
    assert write_reference(reference) == len(addresses(load(reference, from_mkdocs_yml(reference))))
    assert (result := mkdocs_build(fast, tmp_path / "en")).returncode == 0, result.stderr
    assert (result := mkdocs_build(reference, tmp_path / "to")).returncode == 0, result.stderr
    assert_same_site(tmp_path / "en", tmp_path / "to")
    sitemap = (tmp_path / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}omraader/mjoelnerparken/</loc>" in sitemap and "_ramme" not in sitemap
    area = (tmp_path / "en" / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}omraader/mjoelnerparken/">' in area


def test_two_builds_with_the_default_settings_are_byte_identical(site, tmp_path):
    """The second build renders nothing (every page is kept) and still writes the same bytes, search index included."""
    assert (result := mkdocs_build(ROOT, tmp_path / "igen")).returncode == 0, result.stderr
    first = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert first == sorted(p.relative_to(tmp_path / "igen") for p in (tmp_path / "igen").rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(site, tmp_path / "igen", [str(f) for f in first], shallow=False)
    assert mismatch == [] and errors == []


def test_every_page_links_the_accessibility_statement_from_the_footer(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 150
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if "md-footer" in text:
            assert "Tilgængelighedserklæring</a>" in text, page
    statement = (site / "tilgaengelighed" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="tilgaengelighedserklaering">Tilgængelighedserklæring' in statement


def test_heading_anchors_spell_danish_letters_out(site):
    area = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    assert 'id="helhedsplaner-og-maal"' in area and 'id="om-omraadet-og-kilderne"' in area
