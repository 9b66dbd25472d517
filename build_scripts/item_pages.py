"""Area pages and reports: pages made of HTML fragments only, written beside MkDocs's page loop.

At national scale these are 20,000 of the site's 20,100 pages. MkDocs's loop would run every plugin's
page events, convert Markdown and render the whole theme for each. These pages have no Markdown and
take their kind's theme frame (page_frames.py), so once MkDocs has read the other pages (on_env) each
is made a real MkDocs Page with MkDocs's own template context, indexed by the search plugin's own
hook, framed and written. With `extra.fast_item_pages: false` they go through MkDocs's loop instead,
by the same functions; a test builds the site both ways and compares the output.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, NamedTuple

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.commands.build import _build_theme_template, get_context
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from build_scripts.page_frames import Frames
from macros.html import downloads
from macros.html import fragments

_HEADING = re.compile(r'<h([1-6])[^>]* id="([^"]+)">(.*?)<a class="headerlink"')  # as macros.html.builders.heading writes them


class Item(NamedTuple):
    file: File
    meta: dict
    write: Callable[[str], str]  # page URL → the page's fragments


class Record(NamedTuple):
    """What writing an item page produced, but for the theme's frame: enough to write it again (build_scripts/item_cache.py)."""
    content: str  # every fragment put back
    toc: list  # (level, id, name) of each heading
    entries: list  # its search entries
    csvs: dict  # site path → text of its charts' CSVs


def fragments_page(text: str, changed: str) -> str:
    """The content of a page made of fragments only: its placeholders one a line, then its last-changed line (kept out of search)."""
    return re.sub(r"\s+", "\n", text.strip()) + "\n" + fragments.hold(changed.strip(), searchable=False)


def table_of_contents(headings: list):
    """A page's table of contents from its (level, id, name) headings, nested as Markdown's toc extension nests them."""
    return get_toc(nest_toc_tokens([{"level": int(level), "id": slug, "name": name, "children": []} for level, slug, name in headings]))


def searchable_content(page, html: str, site: Path) -> tuple[str, list, dict]:
    """Set the page's table of contents (from the headings macros.html.builders.heading wrote) and write its charts' CSVs.

    Returns the content with all but the fragments search never reads put back, the headings, and the CSVs.
    """
    headings = _HEADING.findall(fragments.peek(html))
    page.toc = table_of_contents(headings)
    return fragments.restore(html, searchable=True), headings, downloads.write_offered(site)


class Writer:
    """Renders, indexes and writes item pages as MkDocs's loop would with this project's plugins (search, macros, this hook)."""

    def __init__(self, config, files: Files, nav, frames: Frames, changed_line: Callable):
        self._config, self._nav, self._frames, self._changed_line = config, nav, frames, changed_line
        self._search = next((p for p in config.plugins.values() if type(p).__name__ == "SearchPlugin"), None)
        self._doc_files, self._site = files.documentation_pages(), Path(config["site_dir"])
        self._indexed = len(self.search_entries())

    def write(self, item: Item) -> Record:
        """Render, index and write one page."""
        page = self._page(item)
        page.content, headings, csvs = searchable_content(page, fragments_page(item.write(page.url), self._changed_line(page, self._config)), self._site)
        context = get_context(self._nav, self._doc_files, self._config, page)
        entries = self.search_entries()
        indexed = len(entries)
        if self._search is not None:
            self._search.on_page_context(context, page=page, config=self._config, nav=self._nav)
        # the charts go in after search has read the page, as on_post_page puts them in for MkDocs's pages
        page.content = content = fragments.restore(page.content, searchable=False)
        self._frame(page, context)
        return Record(content, headings, entries[indexed:], csvs)

    def rewrite(self, item: Item, record: Record) -> None:
        """Write one page again from what an earlier build's write() produced, in this build's frame."""
        page = self._page(item)
        page.toc, page.content = table_of_contents(record.toc), record.content
        downloads.write_files(self._site, record.csvs)
        self.search_entries().extend(record.entries)
        self._frame(page, get_context(self._nav, self._doc_files, self._config, page))

    def _page(self, item: Item) -> Page:
        page = Page(None, item.file, self._config)
        page.markdown, page.meta = "", dict(item.meta)
        return page

    def _frame(self, page: Page, context) -> None:
        page.active = True
        output = self._frames.render(context, page)
        page.active, page.content, page.toc = False, None, []  # the page object stays for the sitemap only
        folder = os.path.dirname(page.file.abs_dest_path)
        if not os.path.isdir(folder):  # an area's CSVs have usually made it
            os.makedirs(folder, exist_ok=True)
        downloads.write_file(page.file.abs_dest_path, output.encode("utf-8", errors="xmlcharrefreplace"))

    def search_entries(self) -> list:
        return self._search.search_index.entries if self._search is not None else []

    def new_search_entries(self) -> list:
        """The search entries of the pages written here (a worker sends them to MkDocs's process)."""
        return self.search_entries()[self._indexed:]


def write_sitemap(env, every_file: Files, config, nav) -> None:
    """MkDocs's sitemap again, listing the item pages where MkDocs would have (it lists pages only when site_url is set)."""
    if config.get("site_url"):
        for file in every_file.documentation_pages():
            if file.page is None:  # written by a worker
                Page(None, file, config)
        _build_theme_template("sitemap.xml", env, every_file, config, nav)
