"""The area page's plan section: each helhedsplan with its goals, their computed status and charts."""

from __future__ import annotations

from markupsafe import Markup

from macros.charts.goals import goal_chart
from macros.data.model import Area, Catalogue, Goal, Plan
from macros.html.blocks import fact_list, notice
from macros.html.builders import link, relative_url, table
from macros.html.evidence_text import level_badge
from macros.pages.page import Body
from macros.rules.evidence import activity_evidence
from macros.rules.goal_status import STATUSES, GoalStatus, goal_status
from macros.text import urls
from macros.text.format import number


def status_badge(status: GoalStatus) -> Markup:
    return Markup('<span class="bse-status bse-status--{}">{}</span>').format(status.status.replace(" ", "-").replace("å", "aa"), status.status)


def statuses(catalogue: Catalogue, plan: Plan, area: Area) -> list[tuple[Goal, GoalStatus]]:
    return [
        (g, goal_status(g, catalogue.indicators[g.indicator_id], catalogue.observations.get((area.area_id, g.indicator_id), ())))
        for g in plan.goals
    ]


def kroner(value: int | None) -> str:
    return "ikke oplyst" if value is None else f"{number(value / 1_000_000, 1)} mio. kr."


def goals_table(catalogue: Catalogue, plan: Plan, goal_statuses: list[tuple[Goal, GoalStatus]], page_url: str) -> Markup:
    rows = []
    for goal, status in goal_statuses:
        indicator = catalogue.indicators[goal.indicator_id]
        rows.append((
            goal.description,
            link(relative_url(page_url, urls.indicator(indicator.indicator_id)), indicator.name),
            f"{number(goal.baseline_value)} ({goal.baseline_year}) → {number(goal.target_value)} ({goal.target_year})",
            f"{number(status.value)} ({status.year})" if status.year else "–",
            number(status.expected) if status.expected is not None else "–",
            status_badge(status),
        ))
    return table(("Mål", "Indikator", "Fra basis til mål", "Seneste tal", "Målsti samme år", "Status"), rows, caption=f"Mål i {plan.name}", numeric=(3, 4))


def plan_section(catalogue: Catalogue, area: Area, url: str) -> Body:
    """Each helhedsplan of the area with its goals, their computed status, a chart per goal and the plan's activities."""
    body = Body(url)
    plans = catalogue.plans_of(area.area_id)
    if not plans:
        return body
    illustrative = catalogue.is_illustrative("plans", "goals")
    body.heading(2, "Helhedsplaner og mål", searchable=False)
    if illustrative:
        body.add(notice("Planerne, deres bevillinger, mål og aktiviteter nedenfor"), searchable=False)
    method = relative_url(url, urls.goal_method())
    for plan in plans:
        facts = [
            ("Pulje", link(relative_url(url, urls.pools()), f"Landsbyggefondens {plan.pool}-midler")),
            ("Periode", f"{plan.start_year}–{plan.end_year}"),
            ("Tilskud fra Landsbyggefonden", kroner(plan.lbf_grant)),
            ("Samlet budget", kroner(plan.total_budget)),
        ]
        intro = Markup("<p>Status beregnes af sitet: det seneste tal sammenlignes med målet og med en lige linje fra basis til mål. {}.</p>").format(
            link(method, "Sådan beregnes status")
        )
        goal_statuses = statuses(catalogue, plan, area)
        body.heading(3, plan.name, searchable=False)
        body.add(fact_list(facts) + intro + goals_table(catalogue, plan, goal_statuses, url), searchable=False)
        for goal, status in goal_statuses:
            indicator = catalogue.indicators[goal.indicator_id]
            body.chart(goal_chart(area, goal, indicator, catalogue.observations.get((area.area_id, goal.indicator_id), ()), status, illustrative))
        activities = activities_block(catalogue, plan, url)
        if activities:
            body.add(activities, searchable=False)
    return body


def activities_block(catalogue: Catalogue, plan: Plan, page_url: str) -> Markup:
    """The activities the plan runs, linked to the catalogue, and the evaluations behind them."""
    activities = [catalogue.activities[a] for a in plan.activities if a in catalogue.activities]
    if not activities:
        return Markup("")
    items = Markup("").join(
        Markup("<li>{} {}</li>").format(
            link(relative_url(page_url, urls.activity(a.slug)), a.title), level_badge(catalogue, activity_evidence(catalogue, a).level)
        )
        for a in activities
    )
    studies = dict.fromkeys(r.study_id for a in activities for r in catalogue.activity_results.get(a.slug, ()))
    related = Markup("").join(Markup("<li>{}</li>").format(link(relative_url(page_url, urls.study(s)), catalogue.studies[s].title)) for s in studies)
    text = Markup("<p><strong>Aktiviteter i planen</strong></p><ul>{}</ul>").format(items)
    text += Markup("<p><strong>Evalueringer af disse aktiviteter</strong></p>") + (
        Markup("<ul>{}</ul>").format(related) if studies else Markup("<p>Ingen af aktiviteterne er evalueret med målte resultater endnu.</p>")
    )
    return text


def status_summary(catalogue: Catalogue, page_url: str) -> Body:
    """Counts of goals per status over every plan and area, computed by the same rule."""
    counts = {s: 0 for s in STATUSES}
    for plan in catalogue.plans.values():
        for area_id in plan.areas:
            for _, status in statuses(catalogue, plan, catalogue.areas[area_id]):
                counts[status.status] += 1
    rows = [(status_badge(GoalStatus(s)), counts[s]) for s in STATUSES]
    body = Body(page_url)
    if catalogue.is_illustrative("plans", "goals"):
        body.add(notice("Målene og tallene bag optællingen"))
    body.add(table(("Status", "Mål"), rows, caption=f"Status for {sum(counts.values())} mål i {len(catalogue.plans)} helhedsplaner", numeric=(1,)))
    return body
