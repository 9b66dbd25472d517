"""Check every internal link and anchor in the built site.

    python -m build_scripts.commands.check_links [--site site]

Exit status 1 on any broken link or address of a refused scheme (build_scripts/output/links.py says what counts).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from build_scripts.output.links import broken_links
from macros.data.load import load_cached
from macros.data.settings import from_mkdocs_yml
from macros.pages.registry import pdf_pages

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site")
    args = parser.parse_args(argv)
    printed = pdf_pages(load_cached(ROOT, from_mkdocs_yml(ROOT)))
    found = broken_links(args.site, root=urlsplit(from_mkdocs_yml(ROOT).site_url).path or "/", printed=printed)
    for page, link, anchor in found:
        where = page.relative_to(args.site).as_posix()
        if anchor is None:
            print(f"{where}: linket '{link}' har en adresseform, sitet ikke tillader (kun http://, https://, mailto: og sider på sitet)", file=sys.stderr)
        elif anchor:
            print(f"{where}: ankeret '#{anchor}' i linket '{link}' findes ikke", file=sys.stderr)
        else:
            print(f"{where}: linket '{link}' peger på en fil, der ikke findes", file=sys.stderr)
    pages = sum(1 for _ in args.site.rglob("*.html"))
    print(f"{pages} sider kontrolleret; {len(found)} brudte links.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
