"""Every internal link and anchor of a built site, checked: a missing file or #anchor is reported with its page.

Follows href and src (a, link, script, img, iframe, source) that stay inside the site, and notes every
address in any tag that leaves it by another way than http(s) or mailto (javascript:, data:, …), which
the site's pages never need and an editor's link must not bring in. PDF reports are
printed after the build (build_scripts.commands.reports); a link to a PDF counts as good when the page
it is printed from exists: the page of the same name beside it (rapporter/landsrapport/), or the one
`printed` names (an area's page for rapporter/<area>.pdf, macros/pages/registry.py printed()).
"""

from __future__ import annotations

import hashlib
import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, NamedTuple
from urllib.parse import unquote, urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")
_ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href", "background")


def scheme(address: str) -> str:
    """The scheme a browser reads in an address ('' for a relative one): it ignores case, tabs, newlines and leading spaces."""
    cleaned = "".join(ch for ch in address if ch not in "\t\n\r").lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f ")
    return urlsplit(cleaned).scheme.lower()


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.refused: list[str] = []  # addresses with a scheme that is not in ALLOWED_SCHEMES

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attributes[key])
        for key, value in attrs:
            if key in _ADDRESS_ATTRIBUTES and value and scheme(value) not in ("", *ALLOWED_SCHEMES):
                self.refused.append(value)
        for key in ("href", "src"):
            value = attributes.get(key)
            if value and tag in ("a", "link", "script", "img", "iframe", "source") and not scheme(value) and not value.startswith("//"):
                self.links.append(value)


class Parsed(NamedTuple):
    ids: frozenset
    links: tuple
    refused: tuple


# what a page's text parses to depends on nothing else but this module's code and the standard library's parsers
_PARSER = hashlib.sha1(sys.version.encode() + Path(__file__).read_bytes()).digest()


class Memo:
    """What pages parsed to, by a digest of their text and this parser: `earlier` as the last build kept it, and `now`
    every parse this check made or reused, to keep for the next; so a page the engine writes the same in every build
    is parsed once (at national scale the link check was a second of every rebuild)."""

    def __init__(self, earlier: Mapping[str, tuple] = MappingProxyType({})):
        self.earlier: Mapping[str, tuple] = earlier
        self.now: dict[str, tuple] = {}

    def parse(self, text: str) -> Parsed:
        key = hashlib.sha1(_PARSER + text.encode("utf-8", "surrogatepass")).hexdigest()
        found = self.now.get(key) or self.earlier.get(key)
        if not (isinstance(found, tuple) and len(found) == 3):
            found = tuple(_parsed(text))
        self.now[key] = found
        return Parsed(frozenset(found[0]), tuple(found[1]), tuple(found[2]))


def parse(path: Path, text: str | None = None, memo: Memo | None = None) -> Parsed:
    """A page's ids, links and refused addresses, from its text (or its file's), through memo where given."""
    text = path.read_text(encoding="utf-8", errors="replace") if text is None else text
    return memo.parse(text) if memo is not None else _parsed(text)


def _parsed(text: str) -> Parsed:
    page = _Page()
    page.feed(text)
    return Parsed(frozenset(page.ids), tuple(page.links), tuple(page.refused))


def target_file(site: Path, page: Path, link: str, root: str = "/") -> tuple[Path, str]:
    parts = urlsplit(link)
    path = unquote(parts.path)
    # root-relative links (Material's 404 page) are read from the site's root, the path of its published address
    if path.startswith("/"):
        base, path = "", path[len(root):] if path.startswith(root) else "\0" + path
    else:
        base = page.parent.relative_to(site).as_posix()
    resolved = posixpath.normpath(posixpath.join(base, path)) if parts.path else page.relative_to(site).as_posix()
    target = site / resolved
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def _printed_from(site: Path, pdf: Path, printed: Mapping[str, str]) -> Path:
    """The page a PDF is printed from."""
    page = printed.get(pdf.relative_to(site).as_posix()) if pdf.is_relative_to(site) else None
    return site / page / "index.html" if page else pdf.with_suffix("") / "index.html"


def broken_links(site: Path, only: Mapping[Path, str | None] | list[Path] | None = None, root: str = "/",
                 printed: Mapping[str, str] = MappingProxyType({}), memo: Memo | None = None) -> list[tuple[Path, str, str]]:
    """Every broken link on the site's pages (or on `only` those: a mapping gives the text to read for a page, where not
    None), as (page, link, missing anchor or ''); root is the path of the site's published address ('/boligsocial-evidens/'),
    where root-relative links start; an address with a scheme the site does not allow comes as (page, link, None).
    memo: what pages parsed to in the last build (Memo), and what this check parses."""
    texts = only if isinstance(only, Mapping) else dict.fromkeys(only if only is not None else site.rglob("*.html"))
    pages = {p: parse(p, texts[p], memo) for p in sorted(texts)}
    found = []
    for page, parsed in list(pages.items()):
        found.extend((page, link, None) for link in parsed.refused)
        for link in parsed.links:
            target, fragment = target_file(site, page, link, root)
            if not target.exists():
                if target.suffix == ".pdf" and _printed_from(site, target, printed).exists():
                    continue
                found.append((page, link, ""))
            elif fragment and target.suffix == ".html":
                if target not in pages:
                    pages[target] = parse(target, memo=memo)
                ids = pages[target].ids
                if unquote(fragment) not in ids:
                    found.append((page, link, unquote(fragment)))
    return found
