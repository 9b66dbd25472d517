"""The status of a strategic goal, computed from the data by one documented rule.

The latest published figure after the baseline year and no later than the target year is compared
with the target and with a straight path from baseline to target:
- nået: the figure is at least as good as the target;
- på vej: not yet, but at least as good as the path says it should be that year;
- ikke på vej: worse than the path;
- ingen data: no published figure after the baseline year (none yet, or only suppressed ones).
"Good" follows the indicator's direction; for a neutral indicator, the direction from baseline to
target. A target already met at baseline stays "nået" only while the figure keeps meeting it.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.model import Goal, Indicator, Observation

STATUSES = ("nået", "på vej", "ikke på vej", "ingen data")


@dataclass(frozen=True)
class GoalStatus:
    status: str
    year: int | None = None  # the year of the figure the status rests on
    value: float | None = None
    expected: float | None = None  # the straight path's value that year


def path_value(goal: Goal, year: int) -> float:
    share = (year - goal.baseline_year) / (goal.target_year - goal.baseline_year)
    return goal.baseline_value + (goal.target_value - goal.baseline_value) * share


def lower_is_better(goal: Goal, indicator: Indicator) -> bool:
    if indicator.direction.startswith("lavere"):
        return True
    if indicator.direction.startswith("højere"):
        return False
    return goal.target_value < goal.baseline_value


def goal_status(goal: Goal, indicator: Indicator, observations: tuple[Observation, ...]) -> GoalStatus:
    published = [o for o in observations if not o.suppressed and goal.baseline_year < o.year <= goal.target_year]
    if not published:
        return GoalStatus("ingen data")
    latest = max(published, key=lambda o: o.year)
    expected = path_value(goal, latest.year)
    lower = lower_is_better(goal, indicator)

    def at_least_as_good(value: float, than: float) -> bool:
        return value <= than if lower else value >= than

    if at_least_as_good(latest.value, goal.target_value):
        status = "nået"
    elif at_least_as_good(latest.value, expected):
        status = "på vej"
    else:
        status = "ikke på vej"
    return GoalStatus(status, latest.year, latest.value, expected)
