"""Charts of an activity's evaluation results that have figures: with the activity against the comparison."""

from __future__ import annotations

import textwrap
from functools import lru_cache

import altair as alt

from macros.charts import palette
from macros.charts.base import Chart, Table, area_and_national, copy_template
from macros.data.model import Activity, Catalogue, Result
from macros.rules.evidence import counting
from macros.text import urls
from macros.text.format import count, number
from macros.text.slugs import slugify

LINE = 20  # characters per line of an outcome's label: under the 120 px a phone gives the axis (charts.js narrow)

COLUMNS = ("result_id", "study_id", "outcome", "outcome_domain", "treated_value", "comparison_value", "unit", "comparison", "design")
TREATED = "Med indsats"
COMPARED = "Sammenligning"


@lru_cache(maxsize=None)
def _template(unit: str) -> dict:
    """Grouped horizontal bars, one group per outcome; data left out (named dataset 'resultater')."""
    base = alt.Chart(alt.NamedData("resultater")).encode(
        # each outcome on a few short lines (| breaks them), so a phone shows it whole beside its bars
        y=alt.Y("udfald:N", title=None, sort=None, axis=alt.Axis(labelLimit=150, labelExpr="split(datum.label, '|')")),
        yOffset=alt.YOffset("serie:N", sort=alt.EncodingSortField("orden", op="min")),
        x=alt.X("value:Q", title=unit),
    )
    bars = base.mark_bar().encode(
        color=area_and_national(),
        tooltip=[
            alt.Tooltip("tekst:N", title="Udfald"),
            alt.Tooltip("serie:N", title="Serie"),
            alt.Tooltip("value:Q", title=unit, format=",.2~f"),
            alt.Tooltip("sammenlignet:N", title="Sammenlignet med"),
        ],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10, color=palette.LABEL).encode(text=alt.Text("value:Q", format=",.2~f"))
    # room on the right for the value written after the longest bar
    return alt.layer(bars, labels).properties(width="container", padding={"left": 4, "top": 4, "bottom": 4, "right": 34},
                                             title=alt.Title("Resultater med tal", subtitle="")).to_dict()


def unit_slug(unit: str) -> str:
    return slugify(unit.replace("%", " procent "))


def csv_name(unit: str) -> str:
    return f"resultater-{unit_slug(unit)}.csv"


def figured_results(catalogue: Catalogue, activity: Activity) -> dict[str, list[Result]]:
    """The activity's counting results with a figure, grouped by unit in order of first appearance; counts and
    context figures stay in the list of results, as bars 'with the activity' beside 'compared' would read as an effect."""
    groups: dict[str, list[Result]] = {}
    for result in counting(catalogue, catalogue.activity_results.get(activity.slug, ())):
        if result.treated_value is not None:
            groups.setdefault(result.unit or "", []).append(result)
    return groups


def _label(catalogue: Catalogue, result: Result) -> str:
    study = catalogue.studies[result.study_id]
    return f"{result.outcome} ({study.evaluator.split(' (')[0]}, {study.year or 'u.å.'})"


def results_charts(catalogue: Catalogue, activity: Activity) -> list[Chart]:
    """One chart per unit, so bars on one axis are always comparable."""
    charts = []
    for unit, results in figured_results(catalogue, activity).items():
        points, rows, table_rows, sentences = [], [], [], []
        height = 20
        for r in results:
            label = _label(catalogue, r)
            lines = textwrap.wrap(label, LINE) or [label]
            common = {"udfald": "|".join(lines), "tekst": label, "sammenlignet": r.comparison or ""}
            points.append({**common, "serie": TREATED, "orden": 0, "value": r.treated_value})
            if r.comparison_value is not None:
                points.append({**common, "serie": COMPARED, "orden": 1, "value": r.comparison_value})
            height += max(22 * (1 + (r.comparison_value is not None)), 13 * len(lines) + 8)
            rows.append((r.result_id, r.study_id, r.outcome, r.outcome_domain, r.treated_value, r.comparison_value, r.unit, r.comparison, r.design))
            table_rows.append((label, number(r.treated_value), number(r.comparison_value), r.comparison or "–", r.design))
            sentence = f"{label}: {number(r.treated_value)} {unit}".rstrip()
            if r.comparison_value is not None:
                sentence += f" mod {number(r.comparison_value)} {unit}".rstrip() + f" ({(r.comparison or 'sammenligning').lower()})"
            sentences.append(sentence + f", {r.design}.")
        title = f"Resultater med tal ({unit})" if unit else "Resultater med tal"
        description = (
            f"Søjlediagram over {count(len(results), 'resultat', 'resultater')} for {activity.title.lower()}, med indsats og i sammenligningen. "
            + " ".join(sentences)
        )
        spec = copy_template(_template(unit))
        spec["title"]["text"] = title
        spec["title"]["subtitle"] = "Evalueringernes egne tal; se design og forbehold i tabellen over resultater"
        spec["description"] = description
        spec["height"] = height
        spec["datasets"] = {"resultater": points}
        studies = dict.fromkeys(r.study_id for r in results)
        charts.append(
            Chart(
                chart_id=f"chart-{activity.slug}-{unit_slug(unit) if unit else 'tal'}",
                title=title,
                description=description,
                spec=spec,
                table=Table(("Udfald", TREATED, COMPARED, "Sammenlignet med", "Design"), tuple(table_rows), (1, 2)),
                rows=tuple(rows),
                columns=COLUMNS,
                csv_path=urls.activity(activity.slug) + (csv_name(unit) if unit else "resultater.csv"),
                sources=tuple((catalogue.studies[s].title, catalogue.studies[s].url) for s in studies),
                illustrative=False,
            )
        )
    return charts
