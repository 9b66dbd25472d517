"""The status of a strategic goal, computed from the data by one documented rule that knows how sure
each figure is (content/omraader/maal-og-status.md says it in Danish).

The latest published figure after the baseline year and no later than the target year is compared
with the target and with a straight path from baseline to target, through its 95 % interval
(macros/rules/uncertainty.py: Wilson, from the number of people behind the figure):
- nået: the whole interval is at least as good as the target;
- på vej: not the target yet, but the whole interval is at least as good as the path says it should be that year;
- ikke på vej: the whole interval is worse than the path;
- kan ikke afgøres endnu: the interval reaches both sides of the path (the difference may be chance);
- for få til at vurdere: fewer than MIN_BASE people behind the figure (but not so few that it is suppressed);
- ingen data: no published figure after the baseline year (none yet, or only suppressed ones).
"Good" follows the indicator's direction; for a neutral indicator, the direction from baseline to
target, also for a target already met at baseline. A figure without a base (a published whole-area
share) or that is not a share (a ratio or an average) has no interval and is taken as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.model import Goal, Indicator, Observation
from macros.rules.uncertainty import MIN_BASE, share_interval

UNDECIDED, TOO_FEW = "kan ikke afgøres endnu", "for få til at vurdere"
STATUSES = ("nået", "på vej", UNDECIDED, "ikke på vej", TOO_FEW, "ingen data")


@dataclass(frozen=True)
class GoalStatus:
    status: str
    year: int | None = None  # the year of the figure the status rests on
    value: float | None = None
    expected: float | None = None  # the straight path's value that year
    low: float | None = None  # the figure's 95 % interval; None for a figure without a base (taken as exact)
    high: float | None = None
    base: int | None = None  # the people behind the figure


def path_value(goal: Goal, year: int) -> float:
    share = (year - goal.baseline_year) / (goal.target_year - goal.baseline_year)
    return goal.baseline_value + (goal.target_value - goal.baseline_value) * share


def lower_is_better(goal: Goal, indicator: Indicator) -> bool:
    if indicator.direction.startswith("lavere"):
        return True
    if indicator.direction.startswith("højere"):
        return False
    return goal.target_value < goal.baseline_value


def judged(goal: Goal, indicator: Indicator, worst: float, best: float, expected: float) -> str:
    """The status by a figure's worse and better ends (its interval, or the figure itself twice), the target and the path."""
    lower = lower_is_better(goal, indicator)

    def at_least_as_good(value: float, than: float) -> bool:
        return value <= than if lower else value >= than

    if at_least_as_good(worst, goal.target_value):
        return "nået"
    if at_least_as_good(worst, expected):
        return "på vej"
    if not at_least_as_good(best, expected):
        return "ikke på vej"
    return UNDECIDED


def goal_status(goal: Goal, indicator: Indicator, observations: tuple[Observation, ...]) -> GoalStatus:
    published = [o for o in observations if not o.suppressed and goal.baseline_year < o.year <= goal.target_year]
    if not published:
        return GoalStatus("ingen data")
    latest = max(published, key=lambda o: o.year)
    expected = path_value(goal, latest.year)
    base = latest.base_population
    low, high = share_interval(latest.value, base, indicator.unit)
    if base is not None and base < MIN_BASE:
        status = TOO_FEW
    else:
        # the interval's worse end and better end, by the indicator's direction
        worst, best = (latest.value, latest.value) if low is None else ((high, low) if lower_is_better(goal, indicator) else (low, high))
        status = judged(goal, indicator, worst, best, expected)
    return GoalStatus(status, latest.year, latest.value, expected, low, high, base)
