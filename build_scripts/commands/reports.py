"""Print the status report of every area with a plan (or one) and the national report to PDF, into the built site.

Above Settings.report_limit areas with a plan, no area's report is printed in advance (at about 2.5 s each, a
national build would print for hours): the area pages then say to print the page from the browser, and
--area prints one on demand.

    python -m build_scripts.commands.reports [--site site] [--area mjoelnerparken | --national-only] [--no-national]

Run after `mkdocs build`. The engine is headless Chromium (Debian's `chromium`, driven by
Playwright): it prints the report pages exactly as the site shows them, so the charts are the
site's own vector SVG, the Danish letters come from the page's fonts, and the figures are the
same as on the area page. Each page gets a footer with the page number and the data year.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from macros.data.load import load_cached
from macros.data.settings import from_mkdocs_yml
from macros.pages.registry import printed
from macros.text import urls
from macros.text.format import count

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PRINT_WIDTH = 703  # px: an A4 page less the 12 mm margins, at 96 px to the inch
FOOTER = (
    '<div style="font-size:11px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;font-family:sans-serif;">'
    "<span>{title} · data til og med {year}</span>"
    '<span>Side <span class="pageNumber"></span> af <span class="totalPages"></span></span></div>'
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _Quiet):
    """The built site on a free localhost port, for the browser to print from (or to measure, build_scripts/tools/phone.py)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def print_page(page, url: str, target: Path, title: str, year: int, tables: bool = False) -> None:
    """Print one page to PDF once every chart is drawn; with tables, the charts' data tables are opened too."""
    page.goto(url)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.bse-chart__canvas')].every(c => ['light', 'error'].includes(c.dataset.rendered))",
        timeout=60000,
    )
    # what the page folds on screen and the board reads on paper (macros/pages/page.py Body.grid)
    page.evaluate("document.querySelectorAll('details.bse-fold--print').forEach(d => { d.open = true; })")
    if tables:
        page.evaluate("document.querySelectorAll('.bse-chart details').forEach(d => { d.open = true; d.classList.add('bse-print-open'); })")
    page.pdf(
        path=str(target), format="A4", print_background=True, display_header_footer=True,
        header_template="<span></span>", footer_template=FOOTER.format(title=title, year=year),
        margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
    )


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site)")
    parser.add_argument("--area", help="print only this area (its area_id, e.g. mjoelnerparken)")
    parser.add_argument("--no-national", action="store_true", help="skip the national report")
    parser.add_argument("--national-only", action="store_true", help="print only the national report")
    args = parser.parse_args(argv)
    catalogue = load_cached(ROOT, from_mkdocs_yml(ROOT))
    if args.area and args.area not in catalogue.areas:
        parser.error(f"ukendt område '{args.area}'; brug et area_id fra datapackages/areas/areas.csv")
    if args.area and not catalogue.has_board(args.area):
        parser.error(f"{catalogue.areas[args.area].name} har ingen helhedsplan i data og derfor ingen bestyrelse at lave en statusrapport til")
    # the pages whose kind prints (macros/pages/registry.py): each area's page, printed as its report
    pages = [] if args.national_only else printed(catalogue, key=args.area)
    year = catalogue.data_year
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        # as wide as an A4 page's text, laid out for print: the charts are drawn at the size they print, so their
        # labels print at 8 pt or more
        page = browser.new_page(viewport={"width": PRINT_WIDTH, "height": 1000})
        page.emulate_media(media="print")
        for url, pdf, key in pages:
            print_page(page, f"{base}/{url}", args.site / pdf, f"Statusrapport: {catalogue.areas[key].name}", year)
        if not args.no_national and not args.area:  # also with --national-only
            print_page(page, f"{base}/{urls.national_report()}", args.site / urls.national_report_pdf(), "Landsrapport", year, tables=True)
        browser.close()
    national = not args.no_national and not args.area
    print(f"{count(len(pages), 'områderapport', 'områderapporter')}{' og landsrapporten' if national else ''} → {args.site / 'rapporter'}")


if __name__ == "__main__":
    main()
