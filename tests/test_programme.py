"""Each goal's programme logic: its outcome domains, the plan's activities measured there with their level for
that domain, and the catalogue's stronger ones the plan does not run; recomputed from the CSVs."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

from macros.data.load import load_cached
from macros.pages.plans import logic_block, statuses
from macros.rules.programme import STRONGER, goal_logic
from macros.text import urls
from tests.conftest import ROOT
from tests.test_activities import expected_levels


def rows(path: str) -> list[dict]:
    with open(ROOT / "datapackages" / path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_each_goals_programme_logic_is_what_the_csvs_say():
    catalogue = load_cached(ROOT)
    _, cells = expected_levels()  # (activity, domain) → (results, level), by the method page's rule written again
    domains = defaultdict(list)
    for r in rows("indicators/outcome_domains.csv"):
        domains[r["indicator_id"]].append(r["outcome_domain"])
    runs = defaultdict(set)
    for r in rows("plans/plan_activities.csv"):
        runs[r["plan_id"]].add(r["activity_id"])
    checked = 0
    for g in rows("plans/goals.csv"):
        plan = catalogue.plans[g["plan_id"]]
        logic = goal_logic(catalogue, plan, next(goal for goal in plan.goals if goal.goal_id == g["goal_id"]))
        assert [d.domain for d in logic] == domains[g["indicator_id"]]
        for d in logic:
            running = {a for (a, dom), (_, level) in cells.items() if dom == d.domain and level and a in runs[g["plan_id"]]}
            assert {m.activity.slug for m in d.running} == running
            best = max((cells[(a, d.domain)][1] for a in running), default=0)
            stronger = {a for (a, dom), (_, level) in cells.items() if dom == d.domain and level > best and a not in runs[g["plan_id"]]}
            assert {m.activity.slug for m in d.stronger} <= stronger and len(d.stronger) == min(STRONGER, len(stronger))
            assert all(m.level == cells[(m.activity.slug, d.domain)][1] for m in d.running + d.stronger)
            checked += 1
    assert checked > 100


def test_the_area_page_and_the_report_say_it_per_goal_as_evidence_not_advice():
    catalogue = load_cached(ROOT)
    plan = catalogue.plans_of("mjoelnerparken")[1]
    html = str(logic_block(catalogue, plan, statuses(catalogue, plan, catalogue.areas["mjoelnerparken"]), urls.area("mjoelnerparken")))
    assert html.count("<li>") == len(plan.goals) and "ikke en anbefaling" in html and "(eksempeldata)</summary>" in html
    assert re.search(r'<a href="\.\./\.\./aktiviteter/[^/]+/">[^<]+</a> \(niveau \d\)', html)
