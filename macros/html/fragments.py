"""HTML fragments that bypass Markdown: a macro leaves a placeholder, the page hook puts the HTML back.

Python-Markdown re-parses every raw HTML block it is given, and the search plugin parses the page
again; at national scale that was most of the build. During a build (`collect`), each
fragment is held here and stands in the Markdown as an HTML comment; `restore` puts it back after
the conversion, and fragments marked `searchable=False` (charts with their tables) only after the
search index has read the page. Outside a build the HTML is returned in place, unchanged.
"""

from __future__ import annotations

import re
from itertools import count

_held: dict[str, list] = {}  # key → [html, searchable, pages still to use it]
_state = {"collecting": False, "build": 0}
_numbers = count()
_TOKEN = re.compile(r"<!--bse-fragment:(\d+)-->")


def collect(on: bool = True) -> None:
    """Start (or stop) holding fragments for a build; anything left from an earlier, failed build is dropped.

    MkDocs converts every page before it renders any, so a chart fragment waits here from its page's
    conversion until that page is written.
    """
    _held.clear()
    _state["collecting"] = on
    _state["build"] += 1


def build_number() -> int:
    """Changes with every collect(), so nothing kept for reuse outlives the build it was made in."""
    return _state["build"]


def hold(html: str, searchable: bool = True) -> str:
    """The fragment itself, or while collecting, a placeholder Markdown passes through untouched."""
    if not _state["collecting"]:
        return html
    key = str(next(_numbers))
    _held[key] = [html, searchable, 1]
    return f"<!--bse-fragment:{key}-->"


def share(text: str) -> str:
    """Mark the placeholders in text for one more page (an area's report reuses its page's sections)."""
    for key in _TOKEN.findall(text):
        if key in _held:
            _held[key][2] += 1
    return text


def only_fragments(text: str) -> bool:
    """Whether text is nothing but placeholders (a page made of HTML fragments only, with no Markdown to convert)."""
    return bool(_TOKEN.search(text)) and not _TOKEN.sub("", text).strip()


def peek(html: str) -> str:
    """html with every held fragment put back, leaving them held (to read a page's headings before it is written)."""
    while "<!--bse-fragment:" in html:
        restored = _TOKEN.sub(lambda m: _held[m.group(1)][0] if m.group(1) in _held else m.group(0), html)
        if restored == html:
            break
        html = restored
    return html


def restore(html: str, searchable: bool) -> str:
    """Put back the held fragments of one kind (searchable ones after Markdown, the rest after search)."""
    def back(match: re.Match) -> str:
        fragment = _held.get(match.group(1))
        if fragment is None or fragment[1] != searchable:
            return match.group(0)
        fragment[2] -= 1
        if not fragment[2]:
            del _held[match.group(1)]
        return fragment[0]

    while "<!--bse-fragment:" in html:  # a fragment may hold another
        restored = _TOKEN.sub(back, html)
        if restored == html:
            break
        html = restored
    return html
