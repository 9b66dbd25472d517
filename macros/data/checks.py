"""Checks across packages that a single Table Schema cannot express."""

from __future__ import annotations

from typing import Iterable

from macros.data.problems import Problem, did_you_mean
from macros.data.table import Table
from macros.text.lists import split

Rows = Table


def _unknown(rows: Rows, file: str, column: str, known: set, what: str, fix: str) -> Iterable[Problem]:
    values = rows.column(column)
    if not set(values) - known - {None, ""}:  # asked once per distinct value: the observations are a million rows
        return
    for line, value in enumerate(values, start=2):
        if value not in (None, "") and value not in known:
            yield Problem(file, f"{what} findes ikke", fix + did_you_mean(value, known), line, column, str(value))


def cross_package(tables: dict[str, Rows]) -> list[Problem]:
    """References between packages: observations → areas, criteria → indicators, and years in range."""
    areas = {r["area_id"] for r in tables["areas/areas"]}
    indicators = {r["indicator_id"] for r in tables["indicators/indicators"]}
    problems: list[Problem] = []
    for line, row in enumerate(tables.get("pools/known_plans", ()), start=2):
        for area_id in split(row["area_ids"]):
            if area_id not in areas:
                problems.append(
                    Problem(
                        "datapackages/pools/known_plans.csv",
                        "området findes ikke",
                        "Brug area_id fra datapackages/areas/areas.csv, adskilt af semikolon, eller lad feltet stå tomt.",
                        line,
                        "area_ids",
                        area_id,
                    )
                )
    for name in ("observations", "published_values"):
        problems += _unknown(
            tables[f"indicators/{name}"],
            f"datapackages/indicators/{name}.csv",
            "area_id",
            areas,
            "området",
            "Brug et area_id fra datapackages/areas/areas.csv, eller tilføj området dér først.",
        )
    problems += _unknown(
        tables["areas/criteria"],
        "datapackages/areas/criteria.csv",
        "indicator_id",
        indicators,
        "indikatoren",
        "Brug et indicator_id fra datapackages/indicators/indicators.csv, eller lad feltet stå tomt.",
    )
    shares = {r["indicator_id"] for r in tables["indicators/indicators"] if r["unit"] == "%"}
    for name in ("observations", "national", "published_values"):
        table = tables[f"indicators/{name}"]
        if all(v is None or 0 <= v <= 100 for v in set(table.column("value"))):
            continue
        for line, (indicator, value) in enumerate(zip(table.column("indicator_id"), table.column("value")), start=2):
            if indicator in shares and value is not None and not 0 <= value <= 100:
                problems.append(
                    Problem(
                        f"datapackages/indicators/{name}.csv",
                        "en andel skal ligge mellem 0 og 100",
                        "Skriv andelen i procent, fx 12.5 for 12,5 %.",
                        line,
                        "value",
                        str(value),
                    )
                )
    for line, row in enumerate(tables["areas/criteria"], start=2):
        if row.get("valid_to") is not None and row["valid_to"] < row["valid_from"]:
            problems.append(
                Problem(
                    "datapackages/areas/criteria.csv",
                    "valid_to ligger før valid_from",
                    "Ret årstallene så perioden begynder før den slutter.",
                    line,
                    "valid_to",
                    str(row["valid_to"]),
                )
            )
        if (row.get("operator") is None) != (row.get("threshold") is None):
            problems.append(
                Problem(
                    "datapackages/areas/criteria.csv",
                    "operator og threshold skal udfyldes sammen",
                    "Udfyld begge felter eller ingen af dem.",
                    line,
                    "threshold",
                )
            )
    return problems


def activity_links(tables: dict[str, Rows], activities: set[str]) -> list[Problem]:
    """Every result–activity and located-study link names an activity that has a page in content/aktiviteter/."""
    problems: list[Problem] = []
    for name in ("result_activities", "located_studies"):
        problems += _unknown(
            tables[f"evaluations/{name}"],
            f"datapackages/evaluations/{name}.csv",
            "activity_id",
            activities,
            "aktiviteten",
            "Brug en aktivitets slug (filnavnet under content/aktiviteter/ uden .md), eller opret aktiviteten først.",
        )
    return problems


def plans(tables: dict[str, Rows], activities: set[str]) -> list[Problem]:
    """Plans point at known areas, indicators and activities, and their years run forwards."""
    areas = {r["area_id"] for r in tables["areas/areas"]}
    indicators = {r["indicator_id"] for r in tables["indicators/indicators"]}
    problems: list[Problem] = []
    problems += _unknown(
        tables["plans/plan_areas"],
        "datapackages/plans/plan_areas.csv",
        "area_id",
        areas,
        "området",
        "Brug et area_id fra datapackages/areas/areas.csv, eller tilføj området dér først.",
    )
    problems += _unknown(
        tables["plans/goals"],
        "datapackages/plans/goals.csv",
        "indicator_id",
        indicators,
        "indikatoren",
        "Brug et indicator_id fra datapackages/indicators/indicators.csv.",
    )
    problems += _unknown(
        tables["plans/plan_activities"],
        "datapackages/plans/plan_activities.csv",
        "activity_id",
        activities,
        "aktiviteten",
        "Brug en aktivitets slug (filnavnet under content/aktiviteter/ uden .md), eller opret aktiviteten først.",
    )
    for line, row in enumerate(tables["plans/plans"], start=2):
        if row["end_year"] < row["start_year"]:
            problems.append(
                Problem(
                    "datapackages/plans/plans.csv", "planen slutter før den begynder", "Ret start_year eller end_year.", line, "end_year", str(row["end_year"])
                )
            )
    for line, row in enumerate(tables["plans/goals"], start=2):
        if row["target_year"] <= row["baseline_year"]:
            problems.append(
                Problem(
                    "datapackages/plans/goals.csv",
                    "målåret skal ligge efter basisåret",
                    "Ret target_year, så det er senere end baseline_year.",
                    line,
                    "target_year",
                    str(row["target_year"]),
                )
            )
    return problems


def run_all(tables: dict[str, Rows], activities: set[str]) -> list[Problem]:
    """Every cross-reference check whose tables all loaded, so one run reports as much as it can."""
    found: list[Problem] = []
    for check, needs in (
        (
            lambda: cross_package(tables),
            ("areas/areas", "areas/criteria", "indicators/indicators", "indicators/observations", "indicators/national", "indicators/published_values"),
        ),
        (lambda: activity_links(tables, activities), ("evaluations/result_activities", "evaluations/located_studies")),
        (
            lambda: plans(tables, activities),
            ("plans/plans", "plans/plan_areas", "plans/goals", "plans/plan_activities", "areas/areas", "indicators/indicators"),
        ),
    ):
        if all(name in tables for name in needs):
            found += check()
    return found
