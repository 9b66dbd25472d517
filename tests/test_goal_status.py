"""The goal-status rule on its edge cases, with Danish goal texts, and every status of the site recomputed from the
CSVs with an independent Wilson interval (statsmodels)."""

from __future__ import annotations

import pytest

from macros.data.model import Goal, Indicator, Observation
from macros.rules.goal_status import goal_status, path_value


def indicator(direction: str) -> Indicator:
    return Indicator("ledighed", "Ledighed", "%", direction, "Ledige i procent", "Beboere 16–64 år", False, "https://lbf.dk/", None)


def goal(baseline: float, target: float, baseline_year: int = 2018, target_year: int = 2026) -> Goal:
    return Goal("mål-1", "plan-ø", "ledighed", baseline_year, baseline, target_year, target, "Færre ledige i Ørkenbyen")


def obs(*pairs, base: int = 10**7) -> tuple[Observation, ...]:
    """Figures about so many people that their intervals are a hair wide: the path rule alone decides."""
    return tuple(Observation(year, value, base) for year, value in pairs)


@pytest.mark.parametrize(
    "direction, baseline, target, figures, expected",
    [
        # lower is better: 12 → 8 over 2018–2026, the path in 2022 is 10
        ("lavere er bedre", 12, 8, [(2022, 7.5)], "nået"),
        ("lavere er bedre", 12, 8, [(2022, 9.9)], "på vej"),  # exactly on the path is "kan ikke afgøres endnu" (below)
        ("lavere er bedre", 12, 8, [(2022, 10.5)], "ikke på vej"),
        # higher is better: 60 → 70, the path in 2022 is 65
        ("højere er bedre", 60, 70, [(2022, 71)], "nået"),
        ("højere er bedre", 60, 70, [(2022, 66)], "på vej"),
        ("højere er bedre", 60, 70, [(2022, 64)], "ikke på vej"),
        # neutral indicator: the direction comes from baseline → target
        ("neutral", 40, 30, [(2022, 34)], "på vej"),
        ("neutral", 40, 30, [(2022, 36)], "ikke på vej"),
        # the latest figure decides, not the best one
        ("lavere er bedre", 12, 8, [(2020, 7.0), (2023, 11.5)], "ikke på vej"),
        # target already met at baseline: stays nået while it holds, not once it slips
        ("lavere er bedre", 6, 8, [(2022, 7.9)], "nået"),
        ("lavere er bedre", 6, 8, [(2022, 8.4)], "ikke på vej"),
    ],
)
def test_status_follows_the_straight_path_rule(direction, baseline, target, figures, expected):
    assert goal_status(goal(baseline, target), indicator(direction), obs(*figures)).status == expected


def test_no_figure_after_the_baseline_year_means_ingen_data():
    assert goal_status(goal(12, 8), indicator("lavere er bedre"), obs((2016, 9), (2018, 12))).status == "ingen data"
    assert goal_status(goal(12, 8), indicator("lavere er bedre"), ()).status == "ingen data"


def test_suppressed_figures_do_not_count():
    hidden = (Observation(2022, None, None, suppressed=True),)
    assert goal_status(goal(12, 8), indicator("lavere er bedre"), hidden).status == "ingen data"


def test_figures_after_the_target_year_are_not_used():
    status = goal_status(goal(12, 8, 2014, 2018), indicator("lavere er bedre"), obs((2017, 11.9), (2024, 5)))
    assert (status.status, status.year, status.value) == ("ikke på vej", 2017, 11.9)


def test_status_carries_the_figures_behind_it():
    status = goal_status(goal(12, 8), indicator("lavere er bedre"), obs((2021, 10.2), (2022, 9.9)))
    assert (status.status, status.year, status.value, status.expected) == ("på vej", 2022, 9.9, 10.0)
    assert path_value(goal(12, 8), 2018) == 12 and path_value(goal(12, 8), 2026) == 8


@pytest.mark.parametrize("value, base, expected", [
    (9.0, 10_000, "på vej"),  # 95 %: 8,45–9,58, all better than the path's 10
    (9.5, 200, "kan ikke afgøres endnu"),  # 6,2–14,2: on both sides of the path
    (7.0, 10_000, "nået"),  # 6,5–7,5, all better than the target 8
    (7.8, 2_000, "på vej"),  # 6,7–9,0: better than the path, but not surely the target
    (11.5, 10_000, "ikke på vej"),  # 10,9–12,1: all worse than the path
    (9.0, 20, "for få til at vurdere"),  # 20 people: shown, but too few to judge by
    (10.0, 10**7, "kan ikke afgøres endnu"),  # exactly on the path: the figure may be either side of it
])
def test_a_status_is_said_only_when_the_figures_interval_is_on_one_side(value, base, expected):
    assert goal_status(goal(12, 8), indicator("lavere er bedre"), obs((2022, value), base=base)).status == expected


def test_a_published_figure_without_a_base_is_taken_as_exact():
    status = goal_status(goal(12, 8), indicator("lavere er bedre"), (Observation(2022, 9.9, None, official=True),))
    assert (status.status, status.low, status.high) == ("på vej", None, None)


def test_every_goal_status_on_the_site_is_recomputed_from_the_csvs_with_statsmodels():
    """An independent implementation: the CSVs read with the csv module, the interval from statsmodels, the rule as the method page words it."""
    import csv

    from statsmodels.stats.proportion import proportion_confint

    from macros.data.load import load_cached
    from macros.pages.plans import statuses
    from tests.conftest import ROOT

    def rows(path):
        with open(ROOT / "datapackages" / path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    figures = {}
    for r in rows("indicators/observations.csv"):
        if r["value"] and (not r["base_population"] or int(r["base_population"]) >= 10):
            figures[(r["area_id"], r["indicator_id"], int(r["year"]))] = (float(r["value"]), int(r["base_population"]) if r["base_population"] else None)
    for r in rows("indicators/published_values.csv"):
        figures[(r["area_id"], r["indicator_id"], int(r["year"]))] = (float(r["value"]), None)
    directions = {r["indicator_id"]: r["direction"] for r in rows("indicators/indicators.csv")}
    areas = {}
    for r in rows("plans/plan_areas.csv"):
        areas.setdefault(r["plan_id"], []).append(r["area_id"])
    expected = {}
    for g in rows("plans/goals.csv"):
        base_year, target_year = int(g["baseline_year"]), int(g["target_year"])
        b, t = float(g["baseline_value"]), float(g["target_value"])
        lower = directions[g["indicator_id"]].startswith("lavere") or (not directions[g["indicator_id"]].startswith("højere") and t < b)
        for area in areas[g["plan_id"]]:
            years = [y for (a, i, y) in figures if a == area and i == g["indicator_id"] and base_year < y <= target_year]
            if not years:
                expected[(area, g["goal_id"])] = "ingen data"
                continue
            year = max(years)
            value, n = figures[(area, g["indicator_id"], year)]
            path = b + (t - b) * (year - base_year) / (target_year - base_year)
            if n is not None and n < 30:
                expected[(area, g["goal_id"])] = "for få til at vurdere"
                continue
            low, high = (100 * v for v in proportion_confint(value / 100 * n, n, alpha=0.05, method="wilson")) if n else (value, value)
            worse, better = (high, low) if lower else (low, high)
            good = (lambda v, than: v <= than) if lower else (lambda v, than: v >= than)
            expected[(area, g["goal_id"])] = ("nået" if good(worse, t) else "på vej" if good(worse, path) else
                                              "ikke på vej" if not good(better, path) else "kan ikke afgøres endnu")
    catalogue = load_cached(ROOT)
    found = {(a, goal.goal_id): s.status for plan in catalogue.plans.values() for a in plan.areas
             for goal, s in statuses(catalogue, plan, catalogue.areas[a])}
    assert found == expected and len(found) > 100
    assert {"nået", "på vej", "kan ikke afgøres endnu", "ikke på vej"} <= set(found.values())
