"""Small HTML builders that escape every value from data or front matter."""

from __future__ import annotations

import json
import posixpath
from typing import Iterable

from markupsafe import Markup, escape

from macros.text.slugs import toc_slug

# The permalink's title, here and for Markdown headings (mkdocs.yml, toc: permalink_title).
PERMALINK_TITLE = "Direkte link til dette afsnit"


def heading(level: int, text: str, searchable: bool = True, slug: str | None = None) -> Markup:
    """A section heading written exactly as Markdown's toc extension (with attr_list) writes one.

    Generated pages are written as HTML with these headings (their table of contents is made from
    them), and the same body as Markdown gives the same HTML (macros/pages/page.py).
    """
    slug = slug or toc_slug(text)
    exclude = "" if searchable else " data-search-exclude"
    return Markup(f'<h{level}{exclude} id="{slug}">{escape(text)}<a class="headerlink" href="#{slug}" title="{PERMALINK_TITLE}">&para;</a></h{level}>')


def relative_url(from_url: str, to_url: str) -> str:
    """Link from one directory-style page URL ('omraader/') to another ('omraader/x/') → 'x/'."""
    if ".." in from_url or ".." in to_url or from_url.startswith("/") or to_url.startswith("/") or "//" in from_url + to_url:
        return _relpath(from_url, to_url)
    # site paths as the pages use them: the common folders dropped, one '..' for each left of the page's own
    here = [p for p in from_url.split("/") if p not in ("", ".")]
    there = [p for p in to_url.split("/") if p not in ("", ".")]
    common = 0
    while common < len(here) and common < len(there) and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return rel + "/" if to_url.endswith("/") and not rel.endswith("/") else rel


def _relpath(from_url: str, to_url: str) -> str:
    """relative_url by posixpath, for any other path (a national build makes some 200,000 links: the fast way above is 10× faster)."""
    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target = to_url or "."
    rel = posixpath.relpath(target, start or ".")
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def link(href: str, text: str) -> Markup:
    # f-strings with escape() rather than Markup.format: the same escaping at a fifth of the cost, and
    # every area page makes hundreds of links
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def link_list(page_url: str, items, url_of) -> Markup:
    """'a, b, c', each linked to url_of(item), relative to the page."""
    return Markup(", ").join(link(relative_url(page_url, url_of(item)), item) for item in items)


def _cell(value) -> str:
    return "" if value is None else value if isinstance(value, Markup) else str(escape(value))


def table(headers: Iterable[str], rows: Iterable[Iterable], caption: str | None = None, numeric: Iterable[int] = (), sortable: bool = False,
          badge: Markup = Markup(""), searched: bool = True, scrolls: bool = True) -> Markup:
    """A plain table; cells already Markup are kept, everything else is escaped. sortable: tables.js adds sort buttons;
    badge follows the caption (the eksempeldata badge). searched False: a table of a page's data (a chart's table,
    the area page's folded tables), written without the cells' and rows' end tags, which HTML does not need (the
    browser builds the same table): a dozen charts on every area page make that a tenth of the page. Only for
    tables of a bounded size where an engine parses the page: Material's search parser keeps every unclosed cell
    open, so a table of thousands of rows without end tags makes its parsing quadratic.

    scrolls False: a table known to fit a 320 px screen, whose wrapper then takes no keyboard focus and no name.

    Numeric columns are named once on the table (class bse-n<i>), not on every cell: area pages carry a
    dozen such tables, and at national scale the per-cell class was a fifth of their size.
    """
    headers = list(headers)
    # plain string building: Markup.format per cell was a third of a national build
    # a space between cells: the engines' search indexes join the text of adjacent tags without one
    if searched:
        head = " ".join(f'<th scope="col">{_cell(h)}</th>' for h in headers)
        body = "".join("<tr>" + " ".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr> " for row in rows)
    else:
        # still a space before each cell: an engine's search joins the text of adjacent tags, and an engine indexes
        # a chart's table on an editorial page. No scope: in a table of one header row, HTML's table model makes
        # each <th> its column's header without it
        head = " ".join(f"<th>{_cell(h)}" for h in headers)
        body = "".join("<tr><td>" + " <td>".join(_cell(v) for v in row) + " " for row in rows)
    numeric = sorted(set(numeric))
    classes = "bse-nrest" if len(headers) > 1 and numeric == list(range(1, len(headers))) else " ".join(f"bse-n{i}" for i in numeric)
    cap = f"<caption>{_cell(caption)}{' ' + badge if badge else ''}</caption> " if caption else ""
    # Material styles only class-less tables, so the class sits on a wrapper.
    # the wrapper scrolls wide tables, so it takes keyboard focus and is named by the caption (WCAG 2.1.1)
    sort = " data-sortable" if sortable else ""
    region = f' tabindex="0" role="region" aria-label="{_cell(caption or "Tabel")}"' if scrolls else ""
    return Markup(
        f'<div class="bse-table{" " + classes if classes else ""}"{sort}{region}>'
        f"<table>{cap}<thead><tr>{head}</tr></thead> <tbody>{body}</tbody></table></div>"
    )


def json_script(element_id: str, data: dict) -> Markup:
    """Embed JSON in a <script> element; '<' is escaped so data can never close the tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return Markup('<script type="application/json" id="{}">').format(element_id) + Markup(text) + Markup("</script>")
