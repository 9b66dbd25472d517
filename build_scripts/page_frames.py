"""The theme's frame around generated item pages: rendered once per kind of page, filled in for each.

mkdocs-material renders its whole template (head, header, tabs, navigation, footer) for every page;
at national scale that was a third of the build. The generated pages of one folder differ only in
title, content, canonical address and table of contents, so the frame is rendered once per folder
with markers in their place, checked against a real rendering of the same page, and then filled in
for every page of that kind; only the table of contents is rendered per page (its own small partial). A frame that does not check out is
never used: those pages are rendered by the theme as usual. `extra.fast_item_pages: false` in
mkdocs.yml renders every page by the theme; a test builds the site both ways and compares the output.
"""

from __future__ import annotations

import posixpath
import re

TEMPLATE = "bse-page.html"  # in build_scripts/theme: prints the page this module filled in

# Each marker holds characters that any escaping filter would change, so a marker the theme altered
# is noticed (it no longer matches) instead of being filled in wrongly.
_MARK = "\ue000"
_SLOTS = {name: f"{_MARK}{name}<&\">" for name in ("title", "content", "canonical", "toc")}
# The theme's table of contents on its own, with what base.html gives it
_TOC = '{% import "partials/language.html" as lang with context %}{% set features = config.theme.features or [] %}{% include "partials/toc.html" %}'
_SPLIT = re.compile("(" + "|".join(re.escape(m) for m in _SLOTS.values()) + ")")
_NAME = {marker: name for name, marker in _SLOTS.items()}

Frame = tuple  # alternately literal text and a slot name, starting with text

_INDENT = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """The theme's indentation left out (a fifth of a generated page's frame); whitespace after a line break only ever separates tags and words."""
    return _INDENT.sub("\n", html)


def _toc_key(items) -> tuple:
    return tuple((item.id, item.title, item.level, _toc_key(item.children)) for item in items)


def _key(page) -> tuple:
    """Everything about a page the theme's frame depends on, but for the slots filled in per page."""
    neighbours = tuple((p.url, p.title) if p else None for p in (page.previous_page, page.next_page))
    meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k != "title"))
    first_heading = next((item.id for item in page.toc), None)  # the "skip to content" link
    return (posixpath.dirname(page.url.rstrip("/")), meta, first_heading, "\u003ch1" in page.content,
            page.canonical_url is None, page.edit_url, page.is_homepage, neighbours)


def _fill(frame: Frame, page, toc: str) -> str:
    values = {"title": page.meta["title"], "content": page.content, "canonical": page.canonical_url, "toc": toc}
    return "".join(part if i % 2 == 0 else values[part] for i, part in enumerate(frame))


class Frames:
    """Frames made in this build, by key; None for a kind of page whose frame did not check out."""

    def __init__(self, env):
        self._main = env.get_template("main.html")
        self._toc = env.from_string(_TOC)
        self._frames: dict[tuple, Frame | None] = {}
        self._tocs: dict[tuple, str] = {}  # rendered tables of contents: area pages share a handful

    def render(self, context: dict, page) -> str:
        """The page as the theme renders it, compacted: from its kind's frame when there is one that checked out."""
        if page.meta.get("title") is None or page.title != page.meta["title"]:
            return compact(self._main.render(context))
        key = _key(page)
        if key not in self._frames:
            real = self._main.render(context)
            self._frames[key] = self._make(context, page, real)
            return compact(real)
        frame = self._frames[key]
        return compact(self._main.render(context) if frame is None else _fill(frame, page, self._table_of_contents(context, page)))

    def _table_of_contents(self, context: dict, page) -> str:
        key = _toc_key(page.toc)
        if key not in self._tocs:
            self._tocs[key] = self._toc.render(context)
        return self._tocs[key]

    def _make(self, context: dict, page, real: str) -> Frame | None:
        saved = page.meta["title"], page.content, page.canonical_url
        page.meta["title"], page.content = _SLOTS["title"], _SLOTS["content"]
        if page.canonical_url is not None:
            page.canonical_url = _SLOTS["canonical"]
        try:
            marked = self._main.render(context)
        finally:
            page.meta["title"], page.content, page.canonical_url = saved
        toc = self._toc.render(context)
        if marked.count(toc) != 1:
            return None
        marked = marked.replace(toc, _SLOTS["toc"])
        parts = _SPLIT.split(marked)
        if marked.count(_MARK) != len(parts) // 2:
            return None  # a marker was escaped or cut by a filter
        frame = tuple(part if i % 2 == 0 else _NAME[part] for i, part in enumerate(parts))
        return frame if _fill(frame, page, toc) == real else None
