"""How the built site reads on a slow phone: the time until a page's first chart is drawn, and the bytes it moves.

    python -m build_scripts.tools.phone [--site site] [--runs 3]

The profile: 150 ms latency, 1.6 Mbit/s down and 0.75 up, the CPU 4 times slower (Chrome's own throttling,
through the DevTools protocol), and gzip as GitHub Pages serves text files. A page's first chart is its
static summary chart (macros/charts/spine.py, drawn with the HTML) or else its first Vega chart. Prints a
Markdown table, the median of the runs; the targets live in the README, never in a timed test.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "område": "omraader/mjoelnerparken/",
    "indikator": "indikatorer/ledighed/",
    "forside": "",
    "uden diagrammer": "om-data/",
}
LATENCY_MS, DOWN_BPS, UP_BPS, CPU = 150, 1_600_000, 750_000, 4
COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".csv", ".xml")
# checked on every animation frame, so the first frame that holds the chart is the one that paints it
FIRST_CHART = ("() => document.querySelector('svg.bse-spine') || document.querySelector('.bse-chart__canvas[data-rendered] svg') "
               "|| (document.readyState === 'complete' && !document.querySelector('.bse-chart'))")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Text files gzipped, as GitHub Pages sends them."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def measure(browser, url: str) -> tuple[float, float]:
    """(seconds until the first chart is drawn, KB moved over the wire) for one cold load."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS, "downloadThroughput": DOWN_BPS / 8,
                                                  "uploadThroughput": UP_BPS / 8})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU})
    moved = []
    cdp.on("Network.loadingFinished", lambda event: moved.append(event["encodedDataLength"]))
    page.goto(url, wait_until="commit")
    page.wait_for_function(FIRST_CHART, timeout=120_000, polling="raf")
    drawn = page.evaluate("performance.now()") / 1000
    page.wait_for_load_state("networkidle")
    context.close()
    return drawn, sum(moved) / 1024


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    from build_scripts.commands.reports import CHROMIUM, serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print("| side | adresse | første diagram tegnet (s) | overført (KB, gzip) |\n|---|---|---:|---:|")
    with serve(args.site, _Gzip) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, path in PAGES.items():
            runs = [measure(browser, f"{base}/{path}") for _ in range(args.runs)]
            drawn, moved = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            print(f"| {name} | `{path or '/'}` | {drawn:.1f} | {moved:.0f} |")
        browser.close()


if __name__ == "__main__":
    main()
