"""One chart per strategic goal: the area's figures against the straight path from baseline to target."""

from __future__ import annotations

from functools import lru_cache

import altair as alt

from macros.charts import palette
from macros.charts.base import SUPPRESSED, Chart, Table, copy_template
from macros.data.model import Area, Goal, Indicator, Observation
from macros.rules.goal_status import GoalStatus, path_value
from macros.rules.uncertainty import share_interval
from macros.text import urls
from macros.text.format import number

COLUMNS = ("goal_id", "indicator_id", "year", "value", "target_path", "suppressed", "ci_low", "ci_high")


@lru_cache(maxsize=None)
def _template(unit: str) -> dict:
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True), scale=alt.Scale(zero=False))
    path = (
        alt.Chart(alt.NamedData("maalsti"))
        .mark_line(strokeDash=[6, 4], color=palette.NATIONAL, point=alt.OverlayMarkDef(shape="diamond", size=60, color=palette.NATIONAL))
        .encode(x=x, y=alt.Y("value:Q", title=unit, scale=alt.Scale(zero=True)),
                tooltip=[alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("value:Q", title="Målsti", format=",.2~f")])
    )
    actual = (
        alt.Chart(alt.NamedData("faktisk"))
        .mark_line(point=True, color=palette.AREA)
        .encode(x=x, y=alt.Y("value:Q"), tooltip=[alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("value:Q", title=unit, format=",.2~f")])
    )
    # each figure's 95 % interval (macros/rules/uncertainty.py), a vertical line through its point
    interval = (
        alt.Chart(alt.NamedData("interval"))
        .mark_rule(color=palette.AREA, strokeWidth=1.5)  # a line that carries meaning: full contrast (WCAG 1.4.11)
        .encode(x=x, y=alt.Y("lav:Q"), y2="hoej:Q",
                tooltip=[alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("lav:Q", title="95 %-interval fra", format=",.1f"),
                         alt.Tooltip("hoej:Q", title="til", format=",.1f")])
    )
    return alt.layer(interval, path, actual).properties(width="container", height=170, title=alt.Title("", subtitle="")).to_dict()


def goal_rows(goal: Goal, observations: tuple[Observation, ...], unit: str) -> tuple[tuple, ...]:
    years = sorted({o.year for o in observations if o.year >= goal.baseline_year} | {goal.target_year})
    by_year = {o.year: o for o in observations}
    rows = []
    for year in years:
        o = by_year.get(year)
        target = round(path_value(goal, year), 2) if year <= goal.target_year else None
        suppressed = bool(o and o.suppressed)
        low, high = share_interval(o.value, o.base_population, unit) if o and o.value is not None else (None, None)
        low, high = (None, None) if low is None else (round(low, 2), round(high, 2))
        rows.append((goal.goal_id, goal.indicator_id, year, None if o is None else o.value, target, "true" if suppressed else "false", low, high))
    return tuple(rows)


def goal_chart(area: Area, goal: Goal, indicator: Indicator, observations, status: GoalStatus, illustrative: bool) -> Chart:
    rows = goal_rows(goal, observations, indicator.unit)
    actual = [{"year": r[2], "value": r[3]} for r in rows if r[3] is not None]
    path = [{"year": goal.baseline_year, "value": goal.baseline_value}, {"year": goal.target_year, "value": goal.target_value}]
    description = (
        f"Linjediagram over {indicator.name.lower()} i {area.name} med målstien fra {number(goal.baseline_value)} i "
        f"{goal.baseline_year} til {number(goal.target_value)} i {goal.target_year}."
    )
    if status.year is not None:
        said = f" (95 %-interval {number(round(status.low, 1))}–{number(round(status.high, 1))})" if status.low is not None else ""
        description += f" I {status.year} var tallet {number(status.value)}{said} mod {number(status.expected)} på målstien: {status.status}."
    else:
        description += " Der er endnu ingen tal efter basisåret: ingen data."
    spec = copy_template(_template(indicator.unit))
    spec["title"]["text"] = goal.description
    spec["title"]["subtitle"] = ""  # the grid's legend names the lines, the caption's badge says eksempeldata
    spec["description"] = description
    interval = [{"year": r[2], "lav": r[6], "hoej": r[7]} for r in rows if r[6] is not None]
    spec["datasets"] = {"faktisk": actual, "maalsti": path, "interval": interval}
    table_rows = tuple(
        (r[2], SUPPRESSED if r[5] == "true" else number(r[3]), "–" if r[6] is None else f"{number(round(r[6], 1))}–{number(round(r[7], 1))}",
         number(r[4])) for r in rows
    )
    return Chart(
        chart_id=f"chart-{goal.goal_id}",
        title=goal.description,  # the goals table above names its indicator
        description=description,
        spec=spec,
        table=Table(("År", "Faktisk", "95 %-interval", "Målsti"), table_rows, (1, 3)),
        rows=rows,
        columns=COLUMNS,
        csv_path=urls.area(area.area_id) + "maal.csv",  # one file for all the area's goals (goal_id says which), as for its indicators
        sources=(("mål og tal: eksempeldata (dannet af projektet)" if illustrative else "mål og tal: helhedsplanen", ""),),
        illustrative=illustrative,
        indicator_id=indicator.indicator_id,
    )
