"""One chart per strategic goal: the area's figures against the straight path from baseline to target."""

from __future__ import annotations

from functools import lru_cache

import altair as alt

from macros.charts import palette
from macros.charts.base import SUPPRESSED, Chart, Table, copy_template
from macros.data.model import Area, Goal, Indicator, Observation
from macros.rules.goal_status import GoalStatus, path_value
from macros.text import urls
from macros.text.format import number

COLUMNS = ("goal_id", "indicator_id", "year", "value", "target_path", "suppressed")


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
    return alt.layer(path, actual).properties(width="container", height=170, title=alt.Title("", subtitle="")).to_dict()


def goal_rows(goal: Goal, observations: tuple[Observation, ...]) -> tuple[tuple, ...]:
    years = sorted({o.year for o in observations if o.year >= goal.baseline_year} | {goal.target_year})
    by_year = {o.year: o for o in observations}
    rows = []
    for year in years:
        o = by_year.get(year)
        target = round(path_value(goal, year), 2) if year <= goal.target_year else None
        suppressed = bool(o and o.suppressed)
        rows.append((goal.goal_id, goal.indicator_id, year, None if o is None else o.value, target, "true" if suppressed else "false"))
    return tuple(rows)


def goal_chart(area: Area, goal: Goal, indicator: Indicator, observations, status: GoalStatus, illustrative: bool) -> Chart:
    rows = goal_rows(goal, observations)
    actual = [{"year": r[2], "value": r[3]} for r in rows if r[3] is not None]
    path = [{"year": goal.baseline_year, "value": goal.baseline_value}, {"year": goal.target_year, "value": goal.target_value}]
    description = (
        f"Linjediagram over {indicator.name.lower()} i {area.name} med målstien fra {number(goal.baseline_value)} i "
        f"{goal.baseline_year} til {number(goal.target_value)} i {goal.target_year}."
    )
    if status.year is not None:
        description += f" I {status.year} var tallet {number(status.value)} mod {number(status.expected)} på målstien: {status.status}."
    else:
        description += " Der er endnu ingen tal efter basisåret: ingen data."
    spec = copy_template(_template(indicator.unit))
    spec["title"]["text"] = goal.description
    spec["title"]["subtitle"] = ""  # the grid's legend names the lines, the caption's badge says eksempeldata
    spec["description"] = description
    spec["datasets"] = {"faktisk": actual, "maalsti": path}
    table_rows = tuple(
        (r[2], SUPPRESSED if r[5] == "true" else number(r[3]), number(r[4])) for r in rows
    )
    return Chart(
        chart_id=f"chart-{goal.goal_id}",
        title=goal.description,  # the goals table above names its indicator
        description=description,
        spec=spec,
        table=Table(("År", "Faktisk", "Målsti"), table_rows, (1, 2)),
        rows=rows,
        columns=COLUMNS,
        csv_path=urls.area(area.area_id) + f"{goal.goal_id}.csv",
        sources=(("mål og tal: eksempeldata (dannet af projektet)" if illustrative else "mål og tal: helhedsplanen", ""),),
        illustrative=illustrative,
        indicator_id=indicator.indicator_id,
    )
