"""Write an illustrative national project of N areas into a folder (never into this repository).

    python -m build_scripts.generators.scale --areas 10000 --out /tmp/nationalt

The folder gets this project's mkdocs.yml, content, macros and build scripts, and data packages
in which the real areas are joined by generated ones ("Testparken 123"), each with every indicator
for 15 years (build_scripts.generators.illustrative) and, for the listed share, plans and goals
(build_scripts.generators.illustrative_plans). Everything generated is illustrative, as the packages say.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from build_scripts.generators import illustrative, illustrative_plans
from build_scripts.generators.illustrative import read_csv, save, seeded
from macros.data.activities import RESERVED

ROOT = Path(__file__).resolve().parents[2]
MUNICIPALITIES = (
    "København",
    "Aarhus",
    "Odense",
    "Aalborg",
    "Esbjerg",
    "Randers",
    "Kolding",
    "Horsens",
    "Vejle",
    "Roskilde",
    "Herning",
    "Næstved",
    "Køge",
    "Sønderborg",
    "Holbæk",
)
LISTED_SHARE = 0.3  # generated areas with list placements, and so with plans


def generated_areas(n: int, real: list[dict]) -> tuple[list[dict], list[dict]]:
    areas, designations = list(real), []
    for i in range(1, n - len(real) + 1):
        area_id = f"testparken-{i:05d}"
        rng = seeded(area_id, "scale")
        areas.append({"area_id": area_id, "name": f"Testparken {i}", "municipality": MUNICIPALITIES[i % len(MUNICIPALITIES)], "aliases": ""})
        if rng.random() < LISTED_SHARE:
            for year in (2015, 2019):
                designations.append(
                    {
                        "area_id": area_id,
                        "year": str(year),
                        "list_type": "udsat boligområde",
                        "status": "på listen",
                        "basis": "direkte",
                        "source": "https://example.org/eksempeldata",
                        "source_note": "",
                        "note": "Genereret eksempel til skalatest.",
                    }
                )
    return areas, designations


def write_project(n: int, out: Path) -> Path:
    if out.resolve().is_relative_to(ROOT):
        raise SystemExit("--out skal ligge uden for projektet; skalatestens data må aldrig havne i depotet")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "macros", "build_scripts", "datapackages"):
        source = ROOT / name
        (shutil.copytree(source, out / name, ignore=shutil.ignore_patterns("__pycache__")) if source.is_dir() else shutil.copy2(source, out / name))
    packages = out / "datapackages"
    real = read_csv(packages / "areas" / "areas.csv")
    areas, extra = generated_areas(n, real)
    designations = read_csv(packages / "areas" / "designations.csv") + extra
    save(areas, packages / "areas" / "areas.csv")
    save(designations, packages / "areas" / "designations.csv")
    observations = illustrative.observation_rows(areas, designations)
    save(observations, packages / "indicators" / "observations.csv")
    activities = sorted(p.stem for p in (out / "content" / "aktiviteter").glob("*.md") if p.stem not in RESERVED)
    tables = illustrative_plans.plan_rows(areas, designations, observations, activities)
    for name, rows in zip(("plans", "plan_areas", "goals", "plan_activities"), tables):
        save(rows, packages / "plans" / f"{name}.csv")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=10_000, help="number of areas (default 10000)")
    parser.add_argument("--out", type=Path, required=True, help="a folder outside the repository")
    args = parser.parse_args(argv)
    write_project(args.areas, args.out)
    print(f"{args.areas} områder → {args.out}")


if __name__ == "__main__":
    main()
