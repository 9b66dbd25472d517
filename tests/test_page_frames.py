"""Generated pages without MkDocs's per-page work: the theme's frame reused, headings written as Markdown writes them."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import markdown
import pytest
import yaml

from build_scripts.page_frames import Frames, compact
from macros.html.builders import PERMALINK_TITLE, heading
from macros.data.settings import _Loader
from macros.html.slugs import toc_slug
from tests.conftest import ROOT

# A stand-in for the theme: the same page fields main.html reads, and a counter of full renderings.
THEME = {
    "main.html": "{{ count() }}<title>{{ page.meta.title }} - Sitet</title><link href=\"{{ page.canonical_url }}\">"
                 "<nav>{% include 'partials/toc.html' %}</nav><h1>{{ page.title }}</h1>{{ page.content }}<a href=\"{{ base_url }}/\">Forside</a>",
    "escaping.html": "{{ count() }}<title>{{ page.meta.title | e }}</title><nav>{% include 'partials/toc.html' %}</nav>{{ page.content }}",
    "partials/language.html": "{% macro t(key) %}{{ key }}{% endmacro %}",
    "partials/toc.html": "<ul>{% for item in page.toc %}<a href=\"#{{ item.id }}\">{{ item.title }}</a>{% endfor %}</ul>",
}


def theme(main: str = "main.html"):
    env = jinja2.Environment(loader=jinja2.DictLoader({**THEME, "main.html": THEME[main]}))
    renders = []
    env.globals["count"] = lambda: renders.append(1) or ""
    return env, renders


class Page(SimpleNamespace):
    @property
    def title(self):  # as an MkDocs page's: the title in its metadata
        return self.meta["title"]


def page(url: str, title: str, content: str, toc=()):
    items = [SimpleNamespace(id=toc_slug(t), title=t, level=2, children=[]) for t in toc]
    return Page(url=url, meta={"title": title, "template": "bse-page.html"}, content=content, toc=items,
                canonical_url=f"https://eksempel.dk/{url}", previous_page=None, next_page=None, edit_url=None, is_homepage=False)


def render_all(env, pages):
    frames, main = Frames(env), env.get_template("main.html")
    out = []
    for p in pages:
        context = {"page": p, "config": {"theme": {"features": []}}, "base_url": "../.."}
        out.append((frames.render(context, p), compact(main.render(context))))
    return out


AREAS = [
    page("omraader/mjoelnerparken/", "Mjølnerparken", "<p>Nørrebro</p>", ["Officielle lister", "Indikatorer"]),
    page("omraader/gellerupparken/", "Gellerupparken & Toveshøj", "<p>Århus V</p>", ["Officielle lister", "Helhedsplaner og mål"]),
    page("omraader/tingbjerg/", "Tingbjerg <Husum>", "<p>Brønshøj</p>", ["Officielle lister"]),
]


def test_pages_of_one_kind_get_the_theme_rendered_once_and_the_same_html_as_rendering_each():
    env, renders = theme()
    out = render_all(env, AREAS)
    assert [framed for framed, _ in out] == [real for _, real in out]
    assert "<title>Gellerupparken & Toveshøj - Sitet</title>" in out[1][0] and 'href="#helhedsplaner-og-maal">Helhedsplaner og mål' in out[1][0]
    # two renderings for the first page (as it is, and with markers), one for every page rendered for comparison
    assert len(renders) == 2 + len(AREAS)


def test_a_page_in_another_folder_gets_a_frame_of_its_own():
    env, renders = theme()
    out = render_all(env, [*AREAS[:2], page("rapporter/mjoelnerparken/", "Statusrapport: Mjølnerparken", "<p>Rapport</p>"), page("rapporter/tingbjerg/", "Statusrapport: Tingbjerg", "<p>Rapport</p>")])
    assert [framed for framed, _ in out] == [real for _, real in out]
    assert len(renders) == 2 * 2 + 4


def test_a_theme_that_escapes_the_title_renders_every_page_itself():
    env, renders = theme("escaping.html")
    out = render_all(env, AREAS)
    assert [framed for framed, _ in out] == [real for _, real in out]
    assert "<title>Tingbjerg &lt;Husum&gt;</title>" in out[2][0]
    assert len(renders) == 2 + (len(AREAS) - 1) + len(AREAS)  # the marked rendering once, then every page by the theme


@pytest.mark.parametrize("text, searchable", [("Kriterier år for år", False), ("Mål & status for Ærøskøbing", True), ("Helhedsplan 2019–2026", False)])
def test_a_heading_is_written_as_markdowns_toc_extension_writes_it(text, searchable):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["permalink_title"] == PERMALINK_TITLE
    md = markdown.Markdown(extensions=["attr_list", "toc"], extension_configs={"toc": {"permalink": True, "permalink_title": PERMALINK_TITLE, "slugify": toc_slug}})
    written = md.convert(f"### {text}" + ("" if searchable else " { data-search-exclude }"))
    assert heading(3, text, searchable=searchable) == written


@pytest.mark.parametrize("value", ["ja", 1, None])
def test_a_bad_fast_item_pages_setting_stops_the_build_naming_the_setting(value):
    from mkdocs.exceptions import PluginError

    from build_scripts.pages import fast_item_pages

    assert fast_item_pages({"extra": {}}) is True
    assert fast_item_pages({"extra": {"fast_item_pages": False}}) is False
    with pytest.raises(PluginError, match=r"mkdocs.yml, felt 'extra.fast_item_pages': skal være true eller false"):
        fast_item_pages({"extra": {"fast_item_pages": value}})
