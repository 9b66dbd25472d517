"""Write the illustrative plans package: helhedsplaner, their goals and the activities they run.

    python -m build_scripts.generators.illustrative_plans [--out datapackages/plans]

No public, per-plan list of goals, grants and activities was collected, so every figure here is
illustrative and the package says so. Deterministic: the same areas, designations, observations
and activity pages always give the same CSVs. An area on an official list in 2014–2016 gets a
2015–18 plan; one on a list in 2018–2020 gets a 2019–26 plan. Each plan has three goals whose
baseline is the area's (illustrative) figure in the year before the plan starts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_scripts.generators.illustrative import ROOT, read_csv, save, seeded
from macros.data.activities import RESERVED
from macros.rules.lists import RECOUNT

AREAS = ROOT / "datapackages" / "areas"
INDICATORS = ROOT / "datapackages" / "indicators"
ACTIVITIES = ROOT / "content" / "aktiviteter"
OUT = ROOT / "datapackages" / "plans"
POOLS = (("2015-18", 2015, 2018, range(2014, 2017)), ("2019-26", 2019, 2026, range(2018, 2021)))
GOAL_INDICATORS = ("ledighed", "unge-uden-uddannelse-beskaeftigelse", "tryghed", "valgdeltagelse", "uden-for-arbejdsmarked")
LOWER_IS_BETTER = {"ledighed", "unge-uden-uddannelse-beskaeftigelse", "uden-for-arbejdsmarked"}
DESCRIPTIONS = {
    "ledighed": "Færre ledige blandt beboerne",
    "unge-uden-uddannelse-beskaeftigelse": "Flere unge i uddannelse eller job",
    "tryghed": "Flere beboere føler sig trygge",
    "valgdeltagelse": "Flere beboere stemmer",
    "uden-for-arbejdsmarked": "Flere beboere i arbejde eller uddannelse",
}
MAIN_LISTS = {"ghettoområde", "hårdt ghettoområde", "udsat boligområde", "parallelsamfund", "omdannelsesområde"}


def plan_rows(areas, designations, observations, activities):
    listed: dict[str, set[int]] = {}
    for d in designations:
        if d["list_type"] in MAIN_LISTS and d["status"] != "udgået" and d["basis"] != RECOUNT:
            listed.setdefault(d["area_id"], set()).add(int(d["year"]))
    values = {(o["area_id"], o["indicator_id"], int(o["year"])): o["value"] for o in observations}
    years_of: dict[tuple[str, str], list[int]] = {}
    for area_id, indicator_id, year in values:
        years_of.setdefault((area_id, indicator_id), []).append(year)
    plans, plan_areas, goals, plan_activities = [], [], [], []
    for area in areas:
        for pool, start, end, window in POOLS:
            if not listed.get(area["area_id"], set()) & set(window):
                continue
            plan_id = f"{area['area_id']}-{pool}"
            rng = seeded(plan_id, "plan")
            grant = rng.randrange(60, 260) * 100_000
            plans.append({
                "plan_id": plan_id, "name": f"Helhedsplan for {area['name']} {start}–{end}", "pool": pool,
                "start_year": start, "end_year": end, "lbf_grant": grant, "total_budget": int(round(grant * rng.uniform(1.2, 1.6), -5)),
            })
            plan_areas.append({"plan_id": plan_id, "area_id": area["area_id"]})
            for n, indicator_id in enumerate(sorted(rng.sample(GOAL_INDICATORS, 3), key=GOAL_INDICATORS.index), start=1):
                years = [y for y in years_of.get((area["area_id"], indicator_id), ()) if y < start]
                if not years:
                    continue
                baseline_year = max(years)
                baseline = float(values[(area["area_id"], indicator_id, baseline_year)])
                change = baseline * rng.uniform(0.08, 0.25)
                target = baseline - change if indicator_id in LOWER_IS_BETTER else min(99.0, baseline + change)
                goals.append({
                    "goal_id": f"{plan_id}-maal-{n}", "plan_id": plan_id, "indicator_id": indicator_id,
                    "baseline_year": baseline_year, "baseline_value": round(baseline, 1), "target_year": end,
                    "target_value": round(target, 1), "description": DESCRIPTIONS[indicator_id],
                })
            for activity_id in sorted(rng.sample(activities, 4)):
                plan_activities.append({"plan_id": plan_id, "activity_id": activity_id})
    return plans, plan_areas, goals, plan_activities


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="the plans package folder")
    args = parser.parse_args(argv)
    activities = sorted(p.stem for p in ACTIVITIES.glob("*.md") if p.stem not in RESERVED)
    tables = plan_rows(read_csv(AREAS / "areas.csv"), read_csv(AREAS / "designations.csv"), read_csv(INDICATORS / "observations.csv"), activities)
    for name, rows in zip(("plans", "plan_areas", "goals", "plan_activities"), tables):
        save(rows, args.out / f"{name}.csv")
    print(f"{len(tables[0])} illustrative plans with {len(tables[2])} goals → {args.out}")


if __name__ == "__main__":
    main()
