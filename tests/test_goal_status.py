"""The goal-status rule on its edge cases, with Danish goal texts."""

from __future__ import annotations

import pytest

from macros.data.model import Goal, Indicator, Observation
from macros.rules.goal_status import goal_status, path_value


def indicator(direction: str) -> Indicator:
    return Indicator("ledighed", "Ledighed", "%", direction, "Ledige i procent", "Beboere 16–64 år", False, "https://lbf.dk/", None)


def goal(baseline: float, target: float, baseline_year: int = 2018, target_year: int = 2026) -> Goal:
    return Goal("mål-1", "plan-ø", "ledighed", baseline_year, baseline, target_year, target, "Færre ledige i Ørkenbyen")


def obs(*pairs) -> tuple[Observation, ...]:
    return tuple(Observation(year, value, 500) for year, value in pairs)


@pytest.mark.parametrize(
    "direction, baseline, target, figures, expected",
    [
        # lower is better: 12 → 8 over 2018–2026, the path in 2022 is 10
        ("lavere er bedre", 12, 8, [(2022, 7.5)], "nået"),
        ("lavere er bedre", 12, 8, [(2022, 10.0)], "på vej"),
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
