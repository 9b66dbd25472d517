"""The engine's page around each generated page, learned from a frame the engine rendered.

Each folder of generated pages (macros/pages/registry.py) has a frame, content/<folder>/_ramme.md, which
the build writes before the engine starts (write_frames; git ignores them): an ordinary page with
markers for the title, the content and three headings. The engine renders it like
any page, so it carries the engine's header, navigation, footer and scripts at the depth of the pages
it frames. From that output this module learns where a generated page's title, content, table of
contents and address go, and how the engine writes an item of the table of contents, without knowing
which engine it was. A frame whose markers are not all found stops the build.

Whitespace that only indents the theme's markup (outside <article>) is left out, on every page alike.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from markupsafe import escape

TITLE = "BSE-RAMME-TITEL"
CONTENT = "<p>BSE-RAMME-INDHOLD</p>"
_A, _B, _C = "bse-ramme-a", "bse-ramme-b", "bse-ramme-c"
_INDENT = re.compile(r"\n\s+")


SOURCE = f"""---
# Rammen om de sider, sitet selv laver i denne mappe (build_scripts/output/frames.py): motoren tegner den
# med mærker, hvor hver sides titel, indhold og indholdsfortegnelse skal stå. Bygningen skriver den; den udgives ikke.
title: {TITLE}
search:
  exclude: true
---

BSE-RAMME-INDHOLD

## BSE-RAMME-A

### BSE-RAMME-B

## BSE-RAMME-C
"""


def write_frames(content: Path, folders: tuple[str, ...], name: str) -> None:
    """content/<folder>/<name>.md for each folder, written only where it differs (`mkdocs serve` watches the folder);
    a frame left by a build of a folder no longer declared is removed (frames are the build's, never an editor's)."""
    wanted = {content / folder / f"{name}.md" for folder in folders}
    for stale in set(content.rglob(f"{name}.md")) - wanted:
        stale.unlink()
    for folder in folders:
        path = content / folder / f"{name}.md"
        if not path.is_file() or path.read_text(encoding="utf-8") != SOURCE:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(SOURCE, encoding="utf-8")


class FrameError(Exception):
    """A frame the engine rendered in a way this module does not understand."""


def compact(html: str) -> str:
    """The theme's indentation left out outside <article> (inside it, whitespace can matter, as in <pre>)."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < 0:
        return _INDENT.sub("\n", html)
    return _INDENT.sub("\n", html[:start]) + html[start:end] + _INDENT.sub("\n", html[end:])


def with_changed_line(html: str, line: str) -> str:
    """The page's last-changed line, at the end of its article."""
    end = html.rfind("</article>")
    return html if end < 0 or not line else html[:end] + line + html[end:]


class TocTemplates(NamedTuple):
    leaf: str  # an item without children: {id} and {text} to fill
    open: str  # an item with children, up to its children
    close: str  # after its children
    separator: str  # between two items


class Frame(NamedTuple):
    parts: tuple[str, ...]  # literal text, and at odd positions the name of what goes there
    toc: TocTemplates | None


def _template(text: str, marker: str) -> str:
    return text.replace("{", "{{").replace("}", "}}").replace(marker, "{id}").replace(marker.upper(), "{text}")


def _toc(html: str, at_c: int) -> tuple[int, int, TocTemplates]:
    """The table of contents the engine drew for the three marker headings, around the link to C at at_c."""
    c_start, c_end = html.rfind("<li", 0, at_c), html.index("</li>", at_c) + 5
    at_a = html.rfind(f'href="#{_A}"', 0, c_start)
    at_b = html.index(f'href="#{_B}"', at_a)
    a_start = html.rfind("<li", 0, at_a)
    b_start, b_end = html.rfind("<li", 0, at_b), html.index("</li>", at_b) + 5
    a_end = html.index("</li>", b_end) + 5
    if min(c_start, at_a, a_start, b_start) < 0 or not a_start < b_start < b_end < a_end <= c_start:
        raise FrameError("indholdsfortegnelsen har ikke den ventede form")
    templates = TocTemplates(_template(html[c_start:c_end], _C), _template(html[a_start:b_start], _A), html[b_end:a_end], html[a_end:c_start])
    return a_start, c_end, templates


def parse(html: str, frame_url: str) -> Frame:
    """A frame the engine rendered at frame_url ('omraader/_ramme/'), ready to be filled."""
    html = compact(html)
    article = html.find("<article")
    if article < 0 or CONTENT not in html or f'<h2 id="{_C}"' not in html:
        raise FrameError("rammen har ikke mærkerne for indholdet")
    content_start = html.index(CONTENT)
    content_end = html.index("</h2>", html.index(f'<h2 id="{_C}"')) + 5
    cuts: list[tuple[int, int, str]] = [(content_start, content_end, "content"), (html.rfind("</article>"), html.rfind("</article>"), "changed")]
    toc = None
    for found in re.finditer(f'href="#{_C}"', html):
        if found.start() < article:
            start, end, toc = _toc(html, found.start())
            cuts.append((start, end, "toc"))
    slots = {TITLE: "title", f'#{_A}"': "first_id", frame_url: "url"}
    marker = re.compile("(" + "|".join(re.escape(k) for k in slots) + ")")
    parts: list[str] = [""]  # text, slot name, text, …

    def text(literal: str) -> None:
        for j, piece in enumerate(marker.split(literal)):
            if j % 2:
                parts.extend((slots[piece], ""))
            elif re.search("bse-ramme|_ramme", piece, re.I):
                raise FrameError("rammen har et mærke et sted, den ikke ventede")
            else:
                parts[-1] += piece

    done = 0
    for start, end, name in sorted(cuts):
        text(html[done:start])
        parts.extend((name, ""))
        done = end
    text(html[done:])
    return Frame(tuple(parts), toc)


def table_of_contents(templates: TocTemplates, headings) -> str:
    """The engine's table of contents for (level, id, text) headings of levels 2 and 3, nested as Markdown's toc nests them."""
    items: list[str] = []
    children: list[str] = []
    parent = None

    def close() -> None:
        if parent is None:
            return
        if children:
            items.append(templates.open.format(id=parent.id, text=escape(parent.text)) + templates.separator.join(children) + templates.close)
        else:
            items.append(templates.leaf.format(id=parent.id, text=escape(parent.text)))

    for heading in headings:
        if heading.level == 3 and parent is not None:
            children.append(templates.leaf.format(id=heading.id, text=escape(heading.text)))
            continue
        close()
        parent, children = heading, []
    close()
    return templates.separator.join(items)


def fill(frame: Frame, url: str, title: str, html: str, headings, changed: str) -> str:
    """One generated page in its frame."""
    if not headings:
        raise FrameError(f"{url}: en side, sitet laver, skal have mindst én overskrift")
    values = {
        "title": str(escape(title)),
        "content": html,
        "changed": changed,
        "toc": table_of_contents(frame.toc, headings) if frame.toc else "",
        "first_id": f"#{headings[0].id}\"",
        "url": url,
    }
    return "".join(part if i % 2 == 0 else values[part] for i, part in enumerate(frame.parts))
