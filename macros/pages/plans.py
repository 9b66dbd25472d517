"""The area page's plan section: each helhedsplan with its goals, their computed status and charts."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.charts.goals import goal_chart
from macros.data.model import Area, Catalogue, Goal, Plan
from macros.html.blocks import ILLUSTRATIVE_BADGE, folded, notice
from macros.html.builders import link, relative_url, table
from macros.html.evidence_text import level_badge
from macros.pages.page import Body
from macros.rules.evidence import activity_evidence
from macros.rules.goal_status import STATUSES, UNDECIDED, GoalStatus, goal_status, judged
from macros.rules.programme import goal_logic
from macros.text import urls
from macros.text.format import number
from macros.text.lists import joined
from macros.text.slugs import slugify


def status_badge(status: GoalStatus, count: int | None = None) -> Markup:
    """The status as a badge, one colour per status (site.css bse-status--<slug>); with count, '3 på vej'."""
    text = status.status if count is None else f"{count} {status.status}"
    return Markup('<span class="bse-status bse-status--{}">{}</span>').format(slugify(status.status), text)


def latest_text(status: GoalStatus) -> str:
    """'21 (2018; 19,7–22,4), målsti 18,1': the figure, its 95 % interval and the path that year."""
    if status.year is None:
        return "–"
    interval = (f"; {number(round(status.low, 1))}–{number(round(status.high, 1))}" if status.low is not None
                else "; antal personer ikke oplyst")
    path = f", målsti {number(round(status.expected, 1))}" if status.expected is not None else ""
    return f"{number(status.value)} ({status.year}{interval}){path}"


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
        # the status second, so a phone shows it beside the goal without scrolling the table
        rows.append((
            Markup('{}<br><span class="bse-cell-note">{}</span>').format(goal.description, link(relative_url(page_url, urls.indicator(indicator.indicator_id)),
                                                                                               indicator.name)),
            status_badge(status),
            latest_text(status),
            f"{number(goal.baseline_value)} ({goal.baseline_year}) → {number(goal.target_value)} ({goal.target_year})",
        ))
    badge = ILLUSTRATIVE_BADGE if catalogue.is_illustrative("plans", "goals") else Markup("")
    return table(("Mål og indikator", "Status", "Seneste tal (95 %-interval)", "Fra basis til mål"), rows, caption=f"Mål i {plan.name}", badge=badge)


def logic_block(catalogue: Catalogue, plan: Plan, goal_statuses: list[tuple[Goal, GoalStatus]], page_url: str) -> Markup:
    """Each goal's programme logic in one line: its outcome domains, the plan's activities measured there with their
    level for the domain, and the catalogue's stronger ones the plan does not run (macros/rules/programme.py)."""
    def named(found) -> str:
        return joined(f"{link(relative_url(page_url, urls.activity(m.activity.slug)), m.activity.title)} (niveau {m.level})" for m in found)

    if not goal_statuses:
        return Markup("")
    items = []
    for goal, _ in goal_statuses:
        parts = []
        for d in goal_logic(catalogue, plan, goal):
            said = f"<em>{escape(d.domain)}</em>: " + (f"planens {named(d.running)}" if d.running else "ingen af planens aktiviteter er evalueret her")
            if d.stronger:
                said += f"; stærkere viden i kataloget: {named(d.stronger)}"
            parts.append(said)
        said = Markup("; ".join(parts)) or "indikatoren har intet udfaldsområde i data"
        items.append(Markup("<li><strong>{}</strong>: {}.</li>").format(goal.description, said))
    mark = " (eksempeldata)" if catalogue.is_illustrative("plans", "plan_activities") else ""
    return folded(f"Programlogik: målene og aktiviteterne{mark}", Markup(
        '<p class="bse-small">Hvad evalueringerne har målt på hvert måls udfaldsområder, med vidensniveauet dér; ikke en anbefaling.</p>'
        '<ul class="bse-logic">{}</ul>').format(Markup("").join(items)), on_paper=True)


def plan_anchor(plan: Plan) -> str:
    """The id of the plan's heading, which the area page's first screen links to."""
    return f"plan-{slugify(plan.plan_id)}"


GOAL_LEGEND = Markup(
    '<p class="bse-legend" aria-hidden="true"><span class="bse-key bse-key--area"></span>Faktisk '
    '<span class="bse-key bse-key--path"></span>Målsti fra basis til mål</p>'
)


def plan_section(catalogue: Catalogue, area: Area, url: str) -> Body:
    """Each helhedsplan of the area with its goals, their computed status, a chart per goal and the plan's activities."""
    body = Body(url)
    plans = catalogue.plans_of(area.area_id)
    if not plans:
        return body
    illustrative = catalogue.is_illustrative("plans", "goals")
    body.heading(2, "Helhedsplaner og mål", searchable=False)
    method = relative_url(url, urls.goal_method())
    body.add(Markup('<p class="bse-small">Status beregnes af sitet: det seneste tal mod målet og mod en lige linje fra basis til mål. {}.</p>').format(
        link(method, "Sådan beregnes status")), searchable=False)
    for plan in plans:
        facts = Markup(" · ").join((
            link(relative_url(url, urls.pools()), f"Landsbyggefondens {plan.pool}-midler"),
            Markup("{}–{}").format(plan.start_year, plan.end_year),
            Markup("tilskud {}").format(kroner(plan.lbf_grant)),
            Markup("samlet budget {}").format(kroner(plan.total_budget)),
        ))
        goal_statuses = statuses(catalogue, plan, area)
        body.heading(3, plan.name, searchable=False, slug=plan_anchor(plan))
        body.add(Markup('<p class="bse-small">{}</p>').format(facts) + goals_table(catalogue, plan, goal_statuses, url)
                 + logic_block(catalogue, plan, goal_statuses, url), searchable=False)
        charts = [goal_chart(area, goal, catalogue.indicators[goal.indicator_id], catalogue.observations.get((area.area_id, goal.indicator_id), ()),
                             status, illustrative) for goal, status in goal_statuses]
        if charts:
            body.grid([(c, None, True) for c in charts], legend=GOAL_LEGEND, label=f"Målene i {plan.name}")
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
    # on paper the programme logic names the plan's activities where they count
    text = Markup('<div class="bse-noprint"><p><strong>Aktiviteter i planen</strong></p><ul class="bse-activities">{}</ul></div>').format(items)
    # on paper the report's sources cite these studies
    evaluated = Markup("<ul>{}</ul>").format(related) if studies else Markup("<p>Ingen af aktiviteterne er evalueret med målte resultater endnu.</p>")
    text += Markup('<div class="bse-noprint"><p><strong>Evalueringer af disse aktiviteter</strong></p>{}</div>').format(evaluated)
    return text


def status_example(catalogue: Catalogue, page_url: str) -> Body:
    """The rule worked through on a real goal whose figure cannot yet be told apart from its path (the case the
    interval changes), with every number the status rests on."""
    # the first such goal, not every goal's status: at 10,000 areas that was a third of a second of every build
    found = next(((plan, area_id, goal, status) for plan in sorted(catalogue.plans.values(), key=lambda p: p.plan_id) for area_id in plan.areas
                  for goal, status in statuses(catalogue, plan, catalogue.areas[area_id]) if status.status == UNDECIDED), None)
    body = Body(page_url)
    if found is None:
        return body
    plan, area_id, goal, status = found
    indicator = catalogue.indicators[goal.indicator_id]
    point = judged(goal, indicator, status.value, status.value, status.expected)  # the figure alone, as if it were exact
    mark = " (eksempeldata)" if catalogue.is_illustrative("plans", "goals") else ""
    body.add(Markup(
        "<p><strong>Et eksempel fra sitets data{}:</strong> {} i {} har målet &quot;{}&quot;: {} fra {} i {} til {} i {}. "
        "Det seneste tal er {} % i {}, og det bygger på {} personer. Målstien siger {} det år. "
        "95 %-intervallet for tallet går fra {} til {}, altså på begge sider af målstien: forskellen kan være tilfældig, "
        "og status er <strong>{}</strong>. Efter tallet alene, uden intervallet, ville status have været {}.</p>"
    ).format(mark, plan.name, catalogue.areas[area_id].name, goal.description, indicator.name.lower(), number(goal.baseline_value),
             goal.baseline_year, number(goal.target_value), goal.target_year, number(status.value), status.year, number(status.base, 0),
             number(status.expected), number(round(status.low, 1)), number(round(status.high, 1)), status.status, point))
    return body


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
