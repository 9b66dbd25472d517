"""Pages as pure functions of the catalogue: a body written as HTML or as Markdown gives the same page,
settings are checked once, and every generated page can be rendered without a build."""

from __future__ import annotations

import markdown
import pytest
from markupsafe import Markup

from macros.data.load import load_cached
from macros.data.problems import DataError
from macros.data.settings import Settings, from_config, read_config
from macros.html.builders import PERMALINK_TITLE, heading
from macros.pages.page import Body
from macros.pages.registry import addresses, tasks
from macros.text.slugs import toc_slug
from tests.conftest import ROOT


def engine_markdown() -> markdown.Markdown:
    """Python-Markdown with the project's extensions as mkdocs.yml configures them."""
    config = read_config(ROOT / "mkdocs.yml")
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["permalink_title"] == PERMALINK_TITLE
    return markdown.Markdown(extensions=["attr_list", "admonition", "tables", "toc"],
                             extension_configs={"toc": {"permalink": True, "permalink_title": PERMALINK_TITLE, "slugify": toc_slug}})


@pytest.mark.parametrize("text, searchable", [("Kriterier år for år", False), ("Mål & status for Ærøskøbing", True), ("Helhedsplan 2019–2026", False),
                                              ("Plan <b>\"Søndergård\"</b> 'Øst' *2* [x] #1", True)])
def test_a_heading_is_written_as_markdowns_toc_extension_writes_it(text, searchable):
    body = Body("omraader/x/")
    body.heading(3, text, searchable=searchable)
    assert heading(3, text, searchable=searchable, slug=toc_slug(text)) == engine_markdown().convert(body.markdown())


def test_a_body_written_as_markdown_converts_to_exactly_its_html():
    body = Body("omraader/vollsmose/")
    body.add(Markup("<dl class=\"bse-facts\"><dt>Kommune</dt><dd>Odense</dd></dl>"))
    body.heading(2, "Officielle lister", searchable=False)
    body.add(Markup("<p>Første linje\n\nanden linje &amp; <em>mere</em></p>"), searchable=False)
    body.heading(3, "Kriterier år for år")
    body.heading(2, "Officielle lister")  # a repeated heading gets _1, as the toc extension numbers it
    assert [h.id for h in body.headings] == ["officielle-lister", "kriterier-aar-for-aar", "officielle-lister_1"]
    assert engine_markdown().convert(body.markdown()) == body.html()


def test_every_generated_page_renders_without_a_build_with_headings_and_a_title():
    catalogue = load_cached(ROOT)
    pages = [page for task in tasks(catalogue) for page in task.render(catalogue)]
    assert sorted(p.url for p in pages) == sorted(addresses(catalogue))
    assert all(p.title and p.body.headings for p in pages)
    mjoelnerparken = next(p for p in pages if p.url == "omraader/mjoelnerparken/")
    assert mjoelnerparken.search.title == "Mjølnerparken" and mjoelnerparken.search.text.startswith("Kommune: København.")


@pytest.mark.parametrize("name, value, message", [
    ("suppression_threshold", 0, "extra.suppression_threshold skal være et helt tal på mindst 1"),
    ("render_workers", "to", "extra.render_workers skal være et helt tal på mindst 1"),
    ("render_workers", True, "extra.render_workers skal være et helt tal på mindst 1"),
    ("reference_build", "ja", "extra.reference_build skal være true eller false"),
])
def test_a_bad_setting_stops_the_build_naming_it(name, value, message):
    assert from_config({"extra": {}}) == Settings()
    with pytest.raises(DataError) as caught:
        from_config({"extra": {name: value}})
    assert str(caught.value.problems[0]).startswith(f"mkdocs.yml, felt 'extra.{name}': {message}")
