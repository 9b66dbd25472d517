"""Check every internal link and anchor in the built site.

    python -m build_scripts.commands.check_links [--site site]

Follows href and src of every page (a, link, script, img, iframe, source) that stays inside the
site, and reports a missing file or a missing #anchor with the page it is on. PDF reports are
printed after the build (build_scripts.commands.reports); a link to rapporter/<area>.pdf counts as good when
the report page it is printed from, rapporter/<area>/, exists. Exit status 1 on any broken link.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = ("http:", "https:", "mailto:", "data:", "blob:", "javascript:", "tel:")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name"):
            if attributes.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attributes[key])
        for key in ("href", "src"):
            value = attributes.get(key)
            if value and tag in ("a", "link", "script", "img", "iframe", "source") and not value.startswith(EXTERNAL) and not value.startswith("//"):
                self.links.append(value)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def target_file(site: Path, page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    # root-relative links (Material's 404 page) are read from the site's root
    base = "" if parts.path.startswith("/") else page.parent.relative_to(site).as_posix()
    resolved = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/"))) if parts.path else page.relative_to(site).as_posix()
    target = site / resolved
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path) -> list[str]:
    pages = {p: parse(p) for p in sorted(site.rglob("*.html"))}
    found = []
    for page, parsed in pages.items():
        for link in parsed.links:
            target, fragment = target_file(site, page, link)
            where = page.relative_to(site).as_posix()
            if not target.exists():
                report_page = target.with_suffix("") / "index.html"
                if target.suffix == ".pdf" and target.parent.name == "rapporter" and report_page.exists():
                    continue
                found.append(f"{where}: linket '{link}' peger på en fil, der ikke findes")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(fragment) not in ids:
                    found.append(f"{where}: ankeret '#{fragment}' i linket '{link}' findes ikke")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    args = parser.parse_args(argv)
    found = broken_links(args.site)
    for line in found:
        print(line, file=sys.stderr)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    print(f"{pages} sider kontrolleret; {len(found)} brudte links.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
