"""Cost, effect and evidence side by side: one mark per activity (the EEF toolkit's three questions in one chart).

Effects measured in different units are never put on one scale: the chart shows only the direction of
each activity's strongest comparable result (the counting results of its highest design level).
"""

from __future__ import annotations

from functools import lru_cache

import altair as alt

from macros.charts import palette
from macros.charts.base import Chart, Table, copy_template
from macros.data.activities import vocabulary
from macros.data.model import Activity, Catalogue
from macros.rules.evidence import activity_evidence, strongest_results
from macros.rules.evidence_words import DIRECTIONS, NOT_MEASURED
from macros.text import urls
from macros.text.format import count, danish_key

# one colour and one shape per direction, so neither carries the meaning alone
STYLE = {
    DIRECTIONS["positiv"]: (palette.SERIES[2], "circle"),
    DIRECTIONS["blandet"]: (palette.SERIES[3], "diamond"),
    DIRECTIONS["ingen effekt"]: (palette.SERIES[4], "square"),
    DIRECTIONS["negativ"]: (palette.NATIONAL, "triangle-down"),
    NOT_MEASURED: (palette.PERIOD, "cross"),
}
COLUMNS = ("activity_id", "title", "cost_level", "knowledge_level", "direction", "result_ids")


def strongest_direction(catalogue: Catalogue, activity: Activity) -> tuple[str, tuple[str, ...]]:
    """The direction, in words, of the activity's strongest counting results, and their ids."""
    direction, strongest = strongest_results(catalogue, catalogue.activity_results.get(activity.slug, ()))
    return (DIRECTIONS[direction] if direction else NOT_MEASURED), tuple(r.result_id for r in strongest)


@lru_cache(maxsize=1)
def _template(costs: tuple[str, ...], levels: tuple[int, ...]) -> dict:
    names = list(STYLE)
    return (
        alt.Chart(alt.NamedData("aktiviteter"))
        .mark_point(filled=True, size=120, opacity=1, aria=False)
        .encode(
            x=alt.X("cost_level:O", title="Omkostningsniveau", sort=list(costs), scale=alt.Scale(domain=list(costs)), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("knowledge_level:O", title="Vidensniveau", scale=alt.Scale(domain=list(reversed(levels)))),  # the highest level on top
            xOffset=alt.XOffset("slot:O"),
            color=alt.Color(
                "direction:N",
                title="Stærkeste resultat",
                scale=alt.Scale(domain=names, range=[STYLE[n][0] for n in names]),
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            shape=alt.Shape(
                "direction:N",
                title="Stærkeste resultat",
                scale=alt.Scale(domain=names, range=[STYLE[n][1] for n in names]),
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),  # merged with the colour legend
            tooltip=[
                alt.Tooltip("title:N", title="Aktivitet"),
                alt.Tooltip("cost_level:N", title="Omkostning"),
                alt.Tooltip("knowledge_level:Q", title="Vidensniveau"),
                alt.Tooltip("direction:N", title="Stærkeste resultat"),
            ],
        )
        .properties(width="container", height=260, title=alt.Title("Omkostning, virkning og viden", subtitle=""))
        .to_dict()
    )


def cost_effect_chart(catalogue: Catalogue) -> Chart:
    activities = sorted(catalogue.activities.values(), key=lambda a: danish_key(a.title))
    costs, levels = tuple(vocabulary("cost_level")), tuple(sorted(catalogue.knowledge_levels))
    rows, points, slots = [], [], {}
    for a in activities:
        level = activity_evidence(catalogue, a).level
        direction, results = strongest_direction(catalogue, a)
        slot = slots.get((a.cost_level, level), 0)
        slots[(a.cost_level, level)] = slot + 1
        points.append({"title": a.title, "cost_level": a.cost_level, "knowledge_level": level, "direction": direction, "slot": slot})
        rows.append((a.slug, a.title, a.cost_level, level, direction, ";".join(results)))
    spec = copy_template(_template(costs, levels))
    spec["title"]["subtitle"] = "Ét mærke pr. aktivitet; farve og form viser retningen af det stærkeste resultat, ikke dets størrelse"
    spec["datasets"] = {"aktiviteter": points}
    by_direction = {d: [r[1] for r in rows if r[4] == d] for d in STYLE}
    description = (
        f"Punktdiagram over {count(len(rows), 'aktivitet', 'aktiviteter')} med omkostningsniveau vandret og vidensniveau lodret. "
        + " ".join(f"{d}: {', '.join(names)}." for d, names in by_direction.items() if names)
        + " Virkninger målt i forskellige enheder er ikke lagt på én skala."
    )
    spec["description"] = description
    return Chart(
        chart_id="chart-omkostning-virkning-viden",
        title="Omkostning, virkning og viden",
        description=description,
        spec=spec,
        table=Table(("Aktivitet", "Omkostningsniveau", "Vidensniveau", "Stærkeste resultat"), tuple((r[1], r[2], r[3], r[4]) for r in rows), (2,)),
        rows=tuple(rows),
        columns=COLUMNS,
        csv_path=urls.catalogue() + "omkostning-virkning-viden.csv",
        sources=(("Sitets evalueringsdata (datapakken evaluations) og aktiviteternes omkostningsniveau", ""),),
        illustrative=False,
    )
