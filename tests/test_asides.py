"""Unsearchable blocks of editorial pages skip the engine and are put back into the pages it wrote
(macros/pages/page.py Body.markdown, build_scripts/output/asides.py)."""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import pytest
from markupsafe import Markup

from build_scripts.output import asides
from build_scripts.output.links import broken_links
from macros.data.load import load_cached
from macros.data.problems import DataError, summary
from macros.data.settings import from_mkdocs_yml
from macros.pages.page import Body
from macros.pages.registry import pdf_pages
from tests.conftest import ROOT, table_rows

LONG = "<p>" + "Æblegården, Østerbro og Ålholm. " * 200 + "</p>"


def test_each_unsearchable_block_reaches_the_engine_as_a_placeholder_and_the_rest_as_it_is(tmp_path):
    body = Body("omraader/")
    body.heading(2, "Boligområder", searchable=False)  # a heading stays: it joins the page's table of contents
    body.add(Markup(LONG), searchable=False)
    body.add(Markup(LONG))  # searchable: the engine's search must read it
    body.add(Markup("<p>Kort tabel om Åby</p>"), searchable=False)
    kept: list[str] = []

    def keep(html: str) -> str:
        kept.append(html)
        return f"<div>pladsholder {len(kept)}</div>"

    markdown = body.markdown(keep)
    assert kept == [body.parts[1].html, body.parts[3].html]
    assert markdown.count("Ålholm") == LONG.count("Ålholm") and "Åby" not in markdown and "## Boligområder" in markdown
    assert body.markdown() == markdown.replace("<div>pladsholder 1</div>", kept[0]).replace("<div>pladsholder 2</div>", kept[1])


def test_a_block_set_aside_is_put_back_and_blocks_no_page_used_are_removed(tmp_path):
    placeholder = asides.set_aside(tmp_path)(LONG)
    old = asides.set_aside(tmp_path)("<p>Fra en tidligere bygning: Vollsmose</p>")
    used: set[str] = set()
    page = f"<article><h1>Boligområder</h1>\n{placeholder}\n</article>"
    assert asides.put_back(page, tmp_path, "omraader/index.html", used) == f"<article><h1>Boligområder</h1>\n{LONG}\n</article>"
    asides.prune(tmp_path, used)  # the old block was used within the hour: another build may still need it
    assert len(list(asides.folder(tmp_path).iterdir())) == 2
    asides.prune(tmp_path, used, now=time.time() + asides.IDLE + 1)
    assert [p.name for p in asides.folder(tmp_path).iterdir()] == list(used)
    assert old.split('"')[1] not in used


def test_a_block_missing_when_the_page_is_finished_stops_the_build_with_a_danish_message(tmp_path):
    placeholder = asides.set_aside(tmp_path)(LONG)
    for path in asides.folder(tmp_path).iterdir():
        path.unlink()
    with pytest.raises(DataError) as raised:
        asides.put_back(placeholder, tmp_path, "omraader/index.html", set())
    message = summary(raised.value.problems)
    assert "omraader/index.html" in message and "mangler" in message and "Byg sitet igen" in message and "Traceback" not in message
    with pytest.raises(DataError):  # a placeholder the engine changed is never published empty
        asides.put_back('<div data-bse-aside="Ålholm"></div>', tmp_path, "omraader/index.html", set())


@pytest.mark.parametrize("built", ["site", "zensical_site"])
def test_the_list_of_every_area_is_whole_in_the_built_site_of_both_engines(built, request):
    site = request.getfixturevalue(built)
    areas = load_cached(ROOT).areas
    page = (site / "omraader" / "index.html").read_text(encoding="utf-8")
    rows = table_rows(page, f"{len(areas)} boligområder")
    assert len(rows) == len(areas) and any("Mjølnerparken" in cell for row in rows for cell in row)
    assert not [p for p in site.rglob("*.html") if "data-bse-aside" in p.read_text(encoding="utf-8")]
    if built == "site":  # MkDocs leaves a macro's links as written, so the list skips the engine there
        assert any(asides.folder(ROOT).iterdir()), "the list was set aside from the engine"


def test_no_link_is_broken_on_the_zensical_site(zensical_site):
    """Zensical rewrites the links of a macro's HTML for the page's address; a block put back after it would keep
    links written from the Markdown file's folder (the activity pages' lists of areas), so none is set aside there."""
    assert not any(asides.folder(zensical_site.parent).glob("*"))
    assert broken_links(zensical_site, root=urlsplit(from_mkdocs_yml(ROOT).site_url).path,
                        printed=pdf_pages(load_cached(ROOT))) == []


def test_no_chart_text_reaches_the_engines_search_index(site):
    """Material's search was told to leave charts out, but a table without end tags ended the exclusion early and the
    charts' text alternatives and tables were indexed; set aside, the engine never sees them."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in index if "Tekst, tal og CSV" in d["text"]] == []  # the summary of every chart's fold
    assert any("Fritidsjob" in d["title"] for d in index)  # the activities are still found
