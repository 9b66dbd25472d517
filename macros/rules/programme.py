"""Each goal's programme logic, in evidence: how the plan's activities are meant to reach it.

For a goal, its indicator's outcome domains (indicators/outcome_domains.csv); per domain, the plan's
activities with a counting result there and their knowledge level for that domain, and the
catalogue's activities with a higher level there that the plan does not run. It states what the
evaluations measured, not what a board should do.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.model import Catalogue, Goal, Plan
from macros.rules.area_needs import Measured, measured_in

STRONGER = 3  # activities with stronger evidence named per domain


@dataclass(frozen=True)
class DomainLogic:
    domain: str
    running: tuple[Measured, ...]  # the plan's activities measured in the domain, highest level first
    stronger: tuple[Measured, ...]  # the catalogue's with a higher level there, not in the plan


def goal_logic(catalogue: Catalogue, plan: Plan, goal: Goal) -> tuple[DomainLogic, ...]:
    by_domain = measured_in(catalogue)
    found = []
    for domain in catalogue.indicator_domains.get(goal.indicator_id, ()):
        measured = by_domain.get(domain, [])
        running = tuple(m for m in measured if m.activity.slug in plan.activities)
        best = max((m.level for m in running), default=0)
        stronger = tuple(m for m in measured if m.activity.slug not in plan.activities and m.level > best)[:STRONGER]
        found.append(DomainLogic(domain, running, stronger))
    return tuple(found)
