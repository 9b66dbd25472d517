"""What a page is: its title, its body (headings and HTML blocks, in order), the charts it draws and its search entry.

A page kind is a pure function of the catalogue that returns a Page; nothing is kept between pages.
The same body is written two ways: as HTML for a generated page (`html`), and as Markdown for the
engine (`markdown`): macros on editorial pages, and the reference build that has the engine render
every page. Headings are written exactly as Markdown's toc extension writes them, so both ways give
the same HTML. A macro may hand the engine a placeholder instead of each unsearchable block
(`markdown(set_aside)`), and the build puts the block back once the engine has written the page: the
engine's Markdown and search parsed every row of such blocks only to pass them through (at 10,000 areas
the list of every area is a megabyte), and Material's search did not keep them all out of its index
(a table written without end tags, as charts' are, ended its exclusion early).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NamedTuple

from markupsafe import Markup, escape

from macros.charts.base import Chart, csv_files, template_of
from macros.html.blocks import chart_block
from macros.html.builders import heading
from macros.text.links import external
from macros.text.slugs import toc_slug


class Heading(NamedTuple):
    level: int
    id: str
    text: str
    searchable: bool = True


class Block(NamedTuple):
    html: Markup  # one line, in its <div class="bse-block">
    searchable: bool = True


class SearchEntry(NamedTuple):
    """One search result: the page's title and a short plain text, never HTML."""

    title: str
    text: str


class Rendered(NamedTuple):
    """A page as the writer needs it; kept between builds (build_scripts/output/cache.py)."""

    url: str
    title: str
    html: str
    headings: tuple[Heading, ...]
    files: dict[str, str]  # site path → text of the CSVs its charts offer
    templates: dict[str, dict]  # chart template key → its shared spec
    search: SearchEntry | None


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|"})


def _markdown_heading(h: Heading) -> str:
    """'## Mål og status { #maal-og-status }': escaped so the text stays text, with the id the HTML way uses."""
    text = str(escape(h.text)).translate(_MARKDOWN_SPECIALS)
    exclude = "" if h.searchable else " data-search-exclude"
    return f"{'#' * h.level} {text} {{ #{h.id}{exclude} }}"


class Body:
    """A page's body built in order: headings, HTML blocks and charts."""

    def __init__(self, url: str):
        self.url = url  # links in the body are relative to it
        self.parts: list[Heading | Block] = []
        self.charts: list[Chart] = []
        self._ids: set[str] = set()

    @classmethod
    def of(cls, url: str, content: Markup, searchable: bool = True) -> "Body":
        """A body of one block."""
        body = cls(url)
        body.add(content, searchable)
        return body

    def heading(self, level: int, text: str, searchable: bool = True, slug: str | None = None) -> None:
        """A section heading; a repeated id gets _1, _2, … as the toc extension numbers them."""
        base = slug or toc_slug(text)
        found, n = base, 0
        while found in self._ids:
            n += 1
            found = f"{base}_{n}"
        self._ids.add(found)
        self.parts.append(Heading(level, found, text, searchable))

    def add(self, content: Markup, searchable: bool = True) -> None:
        """One HTML block; searchable=False keeps it out of the search index (charts, long tables)."""
        exclude = " data-search-exclude" if not searchable else ""
        # one line: Markdown passes a raw HTML block through only up to its first blank line
        self.parts.append(Block(Markup(f'<div class="bse-block"{exclude}>{content}</div>'.replace("\n\n", "\n")), searchable))

    def chart(self, chart: Chart, after: Markup = Markup("")) -> None:
        """A chart with its text alternative, table and CSV link (and `after` it, in the same block); kept for its CSV and template."""
        self.charts.append(chart)
        self.add(chart_block(chart, self.url, after), searchable=False)

    def grid(self, cells: list[tuple[Chart, str | None, bool]], legend: Markup = Markup(""), label: str = "Diagrammer") -> None:
        """Charts as small multiples in one block, under one legend and over one source line: (chart, the site address of
        the page about what it shows or None, whether it prints)."""
        self.charts += [chart for chart, _, _ in cells]
        inner = "".join(
            f'<div class="bse-grid__cell{"" if printed else " bse-noprint"}">{chart_block(chart, self.url, source=False, about=about)}</div>'
            for chart, about, printed in cells
        )

        def said(charts) -> str:
            return "; ".join(dict.fromkeys(str(external(url, text)) for chart in charts for text, url in chart.sources))

        # the sources once under the grid, not under each chart; on paper those of the printed charts
        on_screen, on_paper = said(c for c, _, _ in cells), said(c for c, _, printed in cells if printed)
        sources = (f'<p class="bse-chart__source">Kilde: {on_screen}</p>' if on_screen == on_paper else
                   f'<p class="bse-chart__source bse-noprint">Kilde: {on_screen}</p><p class="bse-print-only bse-chart__source">Kilde: {on_paper}</p>')
        self.add(Markup(f'{legend}<div class="bse-grid" role="region" aria-label="{escape(label)}" tabindex="0">{inner}</div>{sources}'), searchable=False)

    def extend(self, other: "Body") -> None:
        for part in other.parts:
            if isinstance(part, Heading):
                self._ids.add(part.id)
        self.parts += other.parts
        self.charts += other.charts

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(p for p in self.parts if isinstance(p, Heading))

    def html(self) -> str:
        """The body as Python-Markdown writes it: a raw HTML block is followed by a blank line, a heading by a line break."""
        out, previous = [], None
        for part in self.parts:
            if out:
                out.append("\n" if isinstance(previous, Heading) else "\n\n")
            out.append(heading(part.level, part.text, part.searchable, part.id) if isinstance(part, Heading) else part.html)
            previous = part
        return "".join(out)

    def markdown(self, set_aside: Callable[[str], str] | None = None) -> str:
        """The body as Markdown an engine turns into exactly html(); set_aside(html), when given, returns the placeholder
        written instead of each unsearchable block (the build puts the block back: build_scripts/output/asides.py)."""
        def block(b: Block) -> str:
            return set_aside(b.html) if set_aside and not b.searchable else b.html

        return "\n\n".join(_markdown_heading(p) if isinstance(p, Heading) else block(p) for p in self.parts)

    def __str__(self) -> str:  # a macro's output: Markdown, so its headings join the page's table of contents
        return self.markdown()


@dataclass(frozen=True)
class Page:
    url: str
    title: str  # plain text
    body: Body
    search: SearchEntry | None = None

    def rendered(self) -> Rendered:
        files = csv_files(self.body.charts)
        templates = dict(template_of(c.spec) for c in self.body.charts if not c.svg)
        return Rendered(self.url, self.title, self.body.html(), self.body.headings, files, templates, self.search)
