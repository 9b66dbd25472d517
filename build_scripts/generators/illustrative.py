"""Write the illustrative indicator observations for every area (public series per area do not exist).

    python -m build_scripts.generators.illustrative [--out datapackages/indicators]

Deterministic: the same areas, designations and published figures always give the same CSV. Each
area gets a 'pressure' per year from its real list history (1 while on an official list, low after it
left), and each indicator is placed around its list threshold on the side the pressure implies, with
a small seeded noise. Then the series is bent through every published figure of that area and
indicator (published_values.csv), so the line never jumps to an official point and back. Every
other figure written here is illustrative and the package says so.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

from macros.rules.lists import RECOUNT

ROOT = Path(__file__).resolve().parents[2]
AREAS = ROOT / "datapackages" / "areas"
OUT = ROOT / "datapackages" / "indicators"
YEARS = range(2010, 2025)
EARLIER, LATER = tuple(y for y in YEARS if y < 2018), tuple(y for y in YEARS if y >= 2018)
# The national share of residents 18+ convicted, in %: 0.66 in 2019 and about 0.78 in 2023 follow from the
# published absolute thresholds (1.98 % and 2.35 % = 3 times the national average); the other years are
# illustrative, drawn between them.
NATIONAL_CONVICTED = {2010: 0.75, 2019: 0.66, 2023: 0.78, 2024: 0.79}
MAIN_LISTS = {"ghettoområde", "hårdt ghettoområde", "udsat boligområde", "parallelsamfund", "omdannelsesområde"}


@dataclass(frozen=True)
class Spec:
    """How one indicator is placed: value = centre + pressure_effect * (pressure - 0.5) + trend."""

    centre: float
    pressure_effect: float
    trend_per_year: float
    noise: float
    low: float
    high: float
    base_share: float  # share of residents the figure is about
    national_2010: float
    national_2024: float
    years: tuple[int, ...] = tuple(YEARS)
    decimals: int = 1


SPECS: dict[str, Spec] = {
    "uden-for-arbejdsmarked": Spec(38, 26, -0.25, 1.6, 5, 80, 0.60, 22.0, 18.5),
    "doemte": Spec(2.6, 2.2, -0.02, 0.18, 0.2, 8, 0.72, 1.0, 1.0, decimals=2),
    # the share convicted, the criterion until the 2018 rules: made from the ratio above (see convicted_share)
    "doemte-andel": Spec(0, 0, 0, 0, 0.1, 6, 0.72, 0, 0, years=EARLIER, decimals=2),
    # two definitions, two series: unknown education counted until 2017, not from 2018
    "kun-grundskole-foer-2018": Spec(48, 24, -0.2, 1.8, 10, 90, 0.40, 26.0, 24.0, years=EARLIER),
    "kun-grundskole": Spec(62, 24, -0.2, 1.8, 10, 95, 0.40, 24.0, 17.0, years=LATER),
    "bruttoindkomst": Spec(60, -16, 0.15, 1.2, 30, 110, 0.62, 100.0, 100.0),
    "ikke-vestlig-baggrund": Spec(45, 30, 0.3, 1.5, 5, 95, 1.0, 6.5, 9.8),
    "valgdeltagelse": Spec(52, -18, 0.1, 2.0, 20, 90, 0.70, 71.9, 67.2, years=(2013, 2017, 2021)),
    "unge-uden-uddannelse-beskaeftigelse": Spec(16, 10, -0.3, 1.2, 2, 50, 0.18, 11.5, 8.0),
    "ledighed": Spec(10, 8, -0.3, 0.8, 1, 35, 0.40, 6.2, 2.9),
    "tryghed": Spec(74, -14, 0.4, 2.0, 30, 99, 0.06, 86.0, 88.0, years=(2012, 2015, 2018, 2021, 2024)),
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def seeded(*parts: object) -> random.Random:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def pressure_by_year(designations: list[dict[str, str]]) -> dict[int, float]:
    """1.0 in years on a main list, 0.25 in years it left one, interpolated in between."""
    known: dict[int, float] = {}
    for d in designations:
        if d["basis"] == RECOUNT:
            continue
        year = int(d["year"])
        if d["list_type"] in MAIN_LISTS:
            value = 0.25 if d["status"] == "udgået" else 1.0
            known[year] = max(known.get(year, 0.0), value)
        elif d["list_type"] == "forebyggelsesområde":
            known.setdefault(year, 0.55)
    if not known:
        return {y: 0.5 for y in YEARS}
    points = sorted(known.items())
    result = {}
    for year in YEARS:
        before = [p for p in points if p[0] <= year]
        after = [p for p in points if p[0] >= year]
        if not before:
            result[year] = after[0][1]
        elif not after:
            # after leaving a list an area keeps improving slowly
            last_year, last = before[-1]
            result[year] = max(0.1, last - 0.05 * (year - last_year)) if last < 1 else last
        else:
            (y0, v0), (y1, v1) = before[-1], after[0]
            result[year] = v0 if y1 == y0 else v0 + (v1 - v0) * (year - y0) / (y1 - y0)
    return result


def between(points: dict[int, float], year: int) -> float:
    """Linear between the known points, flat beyond them."""
    known = sorted(points.items())
    before = [p for p in known if p[0] <= year] or known[:1]
    after = [p for p in known if p[0] >= year] or known[-1:]
    (y0, v0), (y1, v1) = before[-1], after[0]
    return v0 if y1 == y0 else v0 + (v1 - v0) * (year - y0) / (y1 - y0)


def convicted_share(year: int) -> float:
    return between(NATIONAL_CONVICTED, year)


def through(series: dict[int, float], pins: dict[int, float], fade: float = 0.85) -> dict[int, float]:
    """The series bent to pass through each pinned (published) figure: the gap at the pins is
    interpolated between them and fades away beyond the first and the last, so the years around
    a published figure lead to it and the noise of the series is kept."""
    gaps = {year: value - series[year] for year, value in pins.items() if year in series}
    if not gaps:
        return dict(series)
    first, last = min(gaps), max(gaps)
    bent = {}
    for year, value in series.items():
        if year in gaps:
            bent[year] = pins[year]
        elif year < first:
            bent[year] = value + gaps[first] * fade ** (first - year)
        elif year > last:
            bent[year] = value + gaps[last] * fade ** (year - last)
        else:
            bent[year] = value + between(gaps, year)
    return bent


def national_rows() -> list[dict]:
    rows = []
    for indicator_id, spec in SPECS.items():
        for year in spec.years:
            if indicator_id == "doemte-andel":
                value = convicted_share(year)
            else:
                value = spec.national_2010 + (spec.national_2024 - spec.national_2010) * (year - 2010) / 14
            rows.append({"indicator_id": indicator_id, "year": year, "value": round(value, spec.decimals)})
    return rows


def published_pins(published: list[dict[str, str]]) -> dict[tuple[str, str], dict[int, float]]:
    """(area, indicator) → year → published figure; a published share convicted also pins the ratio."""
    pins: dict[tuple[str, str], dict[int, float]] = {}
    for row in published:
        year, value = int(row["year"]), float(row["value"])
        pins.setdefault((row["area_id"], row["indicator_id"]), {})[year] = value
        if row["indicator_id"] == "doemte-andel":
            pins.setdefault((row["area_id"], "doemte"), {}).setdefault(year, value / convicted_share(year))
    return pins


def observation_rows(areas: list[dict[str, str]], designations: list[dict[str, str]], published: list[dict[str, str]] = ()) -> list[dict]:
    pins = published_pins(published)
    by_area: dict[str, list[dict[str, str]]] = {}
    for d in designations:
        by_area.setdefault(d["area_id"], []).append(d)
    rows = []
    for area in areas:
        area_id = area["area_id"]
        residents = seeded(area_id, "residents").randint(1100, 7500)
        pressure = pressure_by_year(by_area.get(area_id, []))
        values: dict[str, dict[int, float]] = {}
        for indicator_id, spec in SPECS.items():
            rng = seeded(area_id, indicator_id)
            offset = rng.gauss(0, spec.noise * 1.5)
            raw = {
                year: spec.centre
                + spec.pressure_effect * (pressure[year] - 0.5)
                + spec.trend_per_year * (year - 2017)
                + offset
                + rng.gauss(0, spec.noise)
                for year in spec.years
            }
            if indicator_id == "doemte-andel":  # the same people as the ratio, on the scale of the old rule
                raw = {year: values["doemte"][year] * convicted_share(year) for year in spec.years}
            pinned = pins.get((area_id, indicator_id), {})
            values[indicator_id] = through(raw, pinned)
            for year in spec.years:
                # a published figure is never clamped away (the model shows it as published, whatever the series holds)
                bent = values[indicator_id][year]
                value = round(bent if year in pinned else min(spec.high, max(spec.low, bent)), spec.decimals)
                base = max(20, round(residents * spec.base_share * (1 + 0.01 * (year - 2017))))
                rows.append({"area_id": area_id, "indicator_id": indicator_id, "year": year, "value": value, "base_population": base})
    return rows


def save(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=Path, default=AREAS, help="the areas package folder")
    parser.add_argument("--out", type=Path, default=OUT, help="the indicators package folder")
    parser.add_argument("--published", type=Path, default=OUT / "published_values.csv", help="the published figures the series pass through")
    args = parser.parse_args(argv)
    areas = read_csv(args.areas / "areas.csv")
    designations = read_csv(args.areas / "designations.csv")
    observations = observation_rows(areas, designations, read_csv(args.published))
    save(observations, args.out / "observations.csv")
    save(national_rows(), args.out / "national.csv")
    print(f"{len(observations)} illustrative observations for {len(areas)} areas → {args.out}")


if __name__ == "__main__":
    main()
