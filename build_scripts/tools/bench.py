"""Benchmark the build at national scale against the bare mkdocs-material floor.

    python -m build_scripts.tools.bench --areas 1000 3000 10000 [--work /tmp/bench]

For each N: writes the illustrative national project (build_scripts.generators.scale), builds it, then builds a
bare mkdocs-material site with as many plain pages as the project's site has and a small navigation,
each in a fresh process; builds the project once more with every area page and report reduced to one
line (the shell: theme, navigation, hooks and the rest of the site without the areas' content);
changes one figure of one area and builds the project again (with the area pages kept by the first
build, build_scripts/item_cache.py). Prints one Markdown table row: pages,
seconds for the build and the floor and their ratio, the shell, the rebuild, peak memory, pages per
second, median and largest area page (HTML only), site size, search-index size and number of charts.
Targets (issue 8, checked here, never in a timed test): ratio ≤ 2.0 at N = 10,000, time linear
in N, median area page ≤ 50 KB, peak memory ≤ 4 GB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from build_scripts.generators.illustrative import read_csv
from build_scripts.generators.scale import write_project

HEADER = ("| N | pages | build (s) | floor (s) | ratio | shell (s) | rebuild after one area changed (s) | peak memory (MB) | pages/s | area page median / max (KB) | site (MB) | search index (MB) | charts |\n"
          "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


# The site as it is, but every area page and report reduced to one line: what the theme, the navigation,
# the hooks and the rest of the site cost, apart from the area pages' own content.
SHELL = (
    "import macros.pages.area, macros.pages.area_report\n"
    "macros.pages.area.area_page = lambda catalogue, area_id, url: 'Et område.\\n'\n"
    "macros.pages.area_report.area_report = lambda catalogue, area_id, url: 'En rapport.\\n'\n"
)


def settle(project: Path) -> None:
    """Wait until the sites an earlier build replaced are deleted (in the background, after that build ended),
    and until the files earlier builds wrote are on disk, so no build is timed while the machine
    still works for the one before."""
    while any(project.glob("site.old-*")):
        time.sleep(0.5)
    os.sync()


def timed_build(project: Path, prelude: str = "") -> tuple[float, float]:
    """Seconds and peak memory (MB) of `mkdocs build` in a fresh process: its own peak plus its render worker's."""
    settle(project)
    code = prelude + (
        "import resource, sys; from mkdocs.__main__ import cli\n"
        "try:\n    cli(['build', '-q', '-d', 'site'], standalone_mode=False)\n"
        "finally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)"
    )
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-2000:]}")
    return seconds, int(result.stderr.strip().splitlines()[-1]) / 1024


def bare_project(n: int, folder: Path) -> Path:
    """N plain pages (as many as the measured site has) and a five-entry navigation with the same theme: the floor MkDocs itself sets."""
    pages = folder / "content" / "p"
    pages.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (pages / f"{i}.md").write_text(f"# Side {i}\n\nEn almindelig side med lidt tekst om boligområde {i}.\n", encoding="utf-8")
    (folder / "content" / "index.md").write_text("# Forside\n", encoding="utf-8")
    nav = "\n".join(f"  - Side {i}: p/{i}.md" for i in range(4))
    (folder / "mkdocs.yml").write_text(
        "site_name: Gulv\ndocs_dir: content\ntheme:\n  name: material\n  language: da\n  font: false\n"
        "plugins:\n  - search:\n      lang: da\nvalidation:\n  nav:\n    omitted_files: ignore\n"
        f"nav:\n  - Forside: index.md\n{nav}\n", encoding="utf-8")
    return folder


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def change_one_area(project: Path) -> None:
    """An editor's typical change: one figure of one area, in the national observations file."""
    path = project / "datapackages" / "indicators" / "observations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    cells[3] = str(round(float(cells[3]) + 0.1, 1)) if cells[3] else "1.0"
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")


def row(n: int, work: Path) -> str:
    project = write_project(n, work / f"projekt-{n}")
    seconds, memory = timed_build(project)
    site = project / "site"
    html = list(site.rglob("*.html"))
    pages = sum(1 for p in html if p.name == "index.html")
    floor_seconds, _ = timed_build(bare_project(pages, work / f"gulv-{n}"))
    area_ids = [row["area_id"] for row in read_csv(project / "datapackages" / "areas" / "areas.csv")]
    area_pages = [(site / "omraader" / area_id / "index.html").stat().st_size / 1024 for area_id in area_ids]
    charts = sum(p.read_text(encoding="utf-8").count('class="bse-chart__canvas"') for p in html)
    index = (site / "search" / "search_index.json").stat().st_size / 1e6
    size = size_mb(site)
    # the shell must neither replay the kept area pages nor leave its one-line pages for the rebuild
    kept, aside = project / ".cache", project / ".cache-beiseite"
    kept.rename(aside)
    shell, _ = timed_build(project, SHELL)
    shutil.rmtree(kept)
    aside.rename(kept)
    change_one_area(project)
    rebuild, _ = timed_build(project)
    return (f"| {n:,} | {pages:,} | {seconds:.1f} | {floor_seconds:.1f} | {seconds / floor_seconds:.2f} | {shell:.1f} | {rebuild:.1f} | {memory:,.0f} | {len(html) / seconds:.0f} | "
            f"{statistics.median(area_pages):.1f} / {max(area_pages):.0f} | {size:,.0f} | {index:.1f} | {charts:,} |").replace(",", " ")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, nargs="+", default=[1000, 3000, 10000], help="the Ns to measure")
    parser.add_argument("--work", type=Path, default=Path("/tmp/boligsocial-bench"), help="a folder outside the repository")
    args = parser.parse_args(argv)
    print(HEADER)
    for n in args.areas:
        print(row(n, args.work), flush=True)


if __name__ == "__main__":
    main()
