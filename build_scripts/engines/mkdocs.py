"""MkDocs + Material: its search index, its sitemap, and its pages as mkdocs-macros hands them over.

The hook that runs the project's writer inside `mkdocs build` and `mkdocs serve` is mkdocs_hook.py.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

NAME = "mkdocs"
MACROS_HOST = "mkdocs_macros"  # its macros environment's package
SETS_ASIDE = True  # it leaves the links of a macro's HTML as written (link_origin)
SEARCH_INDEX = Path("search") / "search_index.json"



def link_origin(page) -> str:
    """MkDocs leaves links in HTML as written, so they are relative to the page's own address."""
    return page.url


def page_source(page) -> str:
    return page.file.src_uri


def script_styles(site: Path) -> list[str]:
    """Material's scripts insert no <style> elements (tests/test_security_policy.py would see one refused)."""
    return []


def read_search(site: Path) -> tuple[dict, list[dict]]:
    """The search index and its entries, each {location, title, text}."""
    data = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    return data, data["docs"]


def write_search(site: Path, data: dict, entries: list[dict]) -> None:
    data["docs"] = entries
    (site / SEARCH_INDEX).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_entry(location: str, title: str, text: str) -> dict:
    return {"location": location, "title": title, "text": text}


def add_words(entry: dict, words: list[str]) -> None:
    """Words the search finds but never shows: Material renders the text as HTML, and the site's CSS hides the span."""
    entry["text"] += f' <span class="bse-sr" aria-hidden="true">{" ".join(words)}</span>'


def write_sitemap(site: Path, entries: list[tuple[str, str | None]]) -> None:
    """The sitemap as MkDocs writes it, and its gzip copy (with no timestamp, so two builds are the same)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for loc, lastmod in entries:
        lines += ["    <url>", f"         <loc>{loc}</loc>"] + ([f"         <lastmod>{lastmod}</lastmod>"] if lastmod else []) + ["    </url>"]
    text = "\n".join(lines + ["</urlset>"])
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
