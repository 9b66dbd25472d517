"""Benchmark the build at national scale against each engine's bare floor.

    python -m build_scripts.tools.bench --areas 1000 3000 10000 [--engines mkdocs zensical] [--work /tmp/bench]

For each N: writes the illustrative national project (build_scripts.generators.scale) and, for each
engine, in a fresh process each, a minute after the last deletion (settle):
1. builds it (build; this first build also fills the project's .bse-cache/pages);
2. changes one figure of one area and builds again, with the pages kept by the first build and the
   site it published (rebuild);
3. builds it again with every area page cut to one line and nothing kept (shell: the
   engine's own pages, the frames, data loading and writing, without the areas' content);
4. builds a bare site of the same engine and theme with as many plain pages as the project's site
   has and a small navigation (floor).
The site's size includes the boards' PDF reports `make site` prints at that N (none above Settings.report_limit), as
three printed and counted. Prints one Markdown table row per engine and N. Targets (issue 25, checked here, never in a timed
test): build ≤ 1.0× the floor at N = 10,000, growing linearly; peak memory ≤ 2 GB; rebuild ≤ 0.2×
the build; median area page ≤ 50 KB.
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
from build_scripts.output.cache import pages_folder
from macros.data.load import load
from macros.data.settings import from_mkdocs_yml
from macros.pages.registry import printed

HEADER = (
    "| engine | N | pages | build (s) | floor (s) | ratio | shell (s) | rebuild after one area changed (s) | rebuild / build | peak memory, PSS (MB) | "
    "area page median / max (KB) | site as a Pages tar (MB) | search index (MB) |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)

# Appended to the project's own macros/pages/area.py for the shell build: every area page one line.
SHELL = """

def area_pages(catalogue, area_id):  # the benchmark's shell: one line per page
    url = urls.area(area_id)
    body = Body(url)
    body.heading(2, "Kort")
    body.add(Markup("<p>Et område.</p>"))
    return (Page(url, catalogue.areas[area_id].name, body),)
"""

# Each build in a fresh Python; its memory is sampled from outside (timed_build).
MEASURE = "import sys\n{run}\n"
RUNS = {
    "mkdocs": "from mkdocs.__main__ import cli\ncli(['build', '-q', '-d', 'site'], standalone_mode=False)",
    "zensical": "from build_scripts.commands.build import main\nassert main(['--engine', 'zensical', '--root', '.']) == 0",
    "zensical-floor": "import pathlib, subprocess\nassert subprocess.run([str(pathlib.Path(sys.executable).with_name('zensical')), 'build', "
                      "'--clean'], capture_output=True).returncode == 0",
}
FLOOR = {"mkdocs": "mkdocs", "zensical": "zensical-floor"}


# This machine's ext4 runs without a journal, and then, to allocate an inode, it reads past every one deleted less than
# 60 s ago (360 s while its inode table block is unwritten; fs/ext4/ialloc.c, recently_deleted): a build started right
# after the bench deleted a site of 25,000 files spent up to 10 s more of CPU in the kernel (perf: recently_deleted,
# find_inode_bit), and a floor whose engine first deleted the last floor's site paid the same. So every step starts,
# with the files written to disk, a minute after the last deletion.
QUIET_SECONDS = 61


def settle(project: Path) -> None:
    """Wait until the sites earlier builds replaced are deleted (in the background, after each build ended; in any project
    of the bench's folder), until the files they wrote are on disk, and until no deleted file is recent enough to slow
    the next build's writing: no build is timed while the machine still works for, or after, the one before."""
    while any(project.parent.glob("*/site.old-*")):
        time.sleep(0.5)
    os.sync()
    time.sleep(QUIET_SECONDS)


def _descendants(pid: int) -> list[int]:
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def _pss_mb(pid: int) -> float:
    """What the build's processes really hold together: the sum of their proportional set sizes (shared pages split)."""
    total = 0
    for p in _descendants(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def timed_build(project: Path, run: str) -> tuple[float, float]:
    """Seconds and peak memory (MB, summed PSS of the build's processes, sampled every 0.1 s) of one build in a fresh process."""
    settle(project)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", MEASURE.format(run=RUNS[run])], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _pss_mb(process.pid))
        time.sleep(0.1)
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{stdout[-2000:]}{stderr[-2000:]}")
    return seconds, peak


FLOOR_PAGE = """# Side {i}

En almindelig side om boligområde {i}. Den har en titel, tre afsnit og en tabel, som issue 25's målte gulv.

Andet afsnit: lidt mere tekst om området, dets beboere og de tal, der følges år for år.

Tredje afsnit: hvor tallene kommer fra, og hvordan de skal læses.

| År | Værdi |
|---|---:|
| 2023 | {i} |
| 2024 | {j} |
"""


def bare_project(n: int, folder: Path) -> Path:
    """N pages of a title, three paragraphs and a table (as many as the measured site has) and a five-entry navigation
    with the same theme: the floor the engine itself sets (the one issue 25 measured). A new folder each time: an engine
    would otherwise first delete the site the other engine's floor wrote there, in its timed build."""
    shutil.rmtree(folder, ignore_errors=True)
    pages = folder / "content" / "p"
    pages.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (pages / f"{i}.md").write_text(FLOOR_PAGE.format(i=i, j=i + 1), encoding="utf-8")
    (folder / "content" / "index.md").write_text("# Forside\n", encoding="utf-8")
    nav = "\n".join(f"  - Side {i}: p/{i}.md" for i in range(4))
    (folder / "mkdocs.yml").write_text(
        "site_name: Gulv\ndocs_dir: content\ntheme:\n  name: material\n  variant: classic\n  language: da\n  font: false\n"
        "plugins:\n  - search:\n      lang: da\nvalidation:\n  nav:\n    omitted_files: ignore\n"
        f"nav:\n  - Forside: index.md\n{nav}\n",
        encoding="utf-8",
    )
    return folder


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def tar_bytes(size: int) -> int:
    """A file as a plain tar holds it (actions/upload-pages-artifact): a 512-byte header and its content in 512-byte blocks."""
    return 512 + -(-size // 512) * 512


def tar_mb(folder: Path) -> tuple[float, int]:
    """The site as actions/upload-pages-artifact packs it, and its file count."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(tar_bytes(p.stat().st_size) for p in files) / 1e6, len(files)


def reports(project: Path, site: Path) -> tuple[int, bool, float]:
    """The boards' status reports `make site` would print into this site: how many, whether it prints them at all
    (Settings.report_limit), and their size as a Pages tar (MB): the median of three printed here, times their number
    (printing every one takes about 2.5 s each)."""
    catalogue = load(project, from_mkdocs_yml(project))
    boards = sum(map(catalogue.has_board, catalogue.areas))
    reports = printed(catalogue)  # what build_scripts/commands/reports.py prints
    sizes = []
    for _, path, key in reports[:3]:
        subprocess.run([sys.executable, "-m", "build_scripts.commands.reports", "--site", str(site), "--area", key, "--no-national"], cwd=project,
                       check=True, capture_output=True)
        pdf = site / path
        sizes.append(tar_bytes(pdf.stat().st_size))
        pdf.unlink()
    return boards, catalogue.prints_reports, len(reports) * statistics.median(sizes) / 1e6 if sizes else 0.0


def change_one_area(project: Path) -> None:
    """An editor's typical change: one figure of one area, in the national observations file."""
    path = project / "datapackages" / "indicators" / "observations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    cells[3] = str(round(float(cells[3]) + 0.1, 1)) if cells[3] else "1.0"
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")


def row(n: int, engine: str, work: Path) -> str:
    project = write_project(n, work / f"projekt-{n}")
    seconds, memory = timed_build(project, engine)
    site = project / "site"
    html = list(site.rglob("*.html"))
    pages = sum(1 for p in html if p.name == "index.html")
    area_ids = [row["area_id"] for row in read_csv(project / "datapackages" / "areas" / "areas.csv")]
    area_pages = [(site / "omraader" / area_id / "index.html").stat().st_size / 1024 for area_id in area_ids]
    index = next(p for p in (site / "search" / "search_index.json", site / "search.json") if p.exists()).stat().st_size / 1e6
    size, files = tar_mb(site)
    boards, prints, pdfs = reports(project, site)
    size += pdfs
    # an editor's next build: one figure changed, the pages of the published site kept
    change_one_area(project)
    rebuild, _ = timed_build(project, engine)
    # the shell neither replays the kept pages nor uses the published site
    shutil.rmtree(pages_folder(project))
    area = project / "macros" / "pages" / "area.py"
    area.write_text(area.read_text(encoding="utf-8") + SHELL, encoding="utf-8")
    shell, _ = timed_build(project, engine)
    floor_seconds, _ = timed_build(bare_project(pages, work / f"gulv-{n}"), FLOOR[engine])
    return (
        f"| {engine} | {n:,} | {pages:,} | {seconds:.1f} | {floor_seconds:.1f} | {seconds / floor_seconds:.2f} | {shell:.1f} | {rebuild:.1f} | "
        f"{rebuild / seconds:.2f} | {memory:,.0f} | "
        f"{statistics.median(area_pages):.1f} / {max(area_pages):.0f} | {size:,.0f} ({size / n * 1000:.0f} KB per area; {files} files; "
        f"{f'{boards} reports: {pdfs:,.0f} MB' if prints else f'{boards} boards: no reports printed'}) | {index:.1f} |"
    ).replace(",", " ")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, nargs="+", default=[1000, 3000, 10000], help="the Ns to measure")
    parser.add_argument("--engines", nargs="+", choices=("mkdocs", "zensical"), default=["mkdocs", "zensical"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/boligsocial-bench"), help="a folder outside the repository")
    args = parser.parse_args(argv)
    print(HEADER)
    for n in args.areas:
        for engine in args.engines:
            print(row(n, engine, args.work), flush=True)


if __name__ == "__main__":
    main()
