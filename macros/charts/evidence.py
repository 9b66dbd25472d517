"""Charts of an activity's evaluation results that have figures: with the activity against the comparison."""

from __future__ import annotations

from functools import lru_cache

import altair as alt

from macros.charts import palette
from macros.charts.base import Chart, Table, area_and_national, copy_template
from macros.data.model import Activity, Catalogue, Result
from macros.rules.evidence import counting
from macros.text import urls
from macros.text.format import count, number
from macros.text.slugs import slugify

COLUMNS = ("result_id", "study_id", "outcome", "outcome_domain", "treated_value", "comparison_value", "unit", "comparison", "design")
TREATED = "Med indsats"
COMPARED = "Sammenligning"


@lru_cache(maxsize=None)
def _template(unit: str) -> dict:
    """Grouped horizontal bars, one group per outcome; data left out (named dataset 'resultater')."""
    base = alt.Chart(alt.NamedData("resultater")).encode(
        y=alt.Y("udfald:N", title=None, sort=None, axis=alt.Axis(labelLimit=280)),
        yOffset=alt.YOffset("serie:N", sort=alt.EncodingSortField("orden", op="min")),
        x=alt.X("value:Q", title=unit),
    )
    bars = base.mark_bar().encode(
        color=area_and_national(),
        tooltip=[
            alt.Tooltip("udfald:N", title="Udfald"),
            alt.Tooltip("serie:N", title="Serie"),
            alt.Tooltip("value:Q", title=unit, format=",.2~f"),
            alt.Tooltip("sammenlignet:N", title="Sammenlignet med"),
        ],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10, color=palette.LABEL).encode(text=alt.Text("value:Q", format=",.2~f"))
    return alt.layer(bars, labels).properties(width="container", title=alt.Title("Resultater med tal", subtitle="")).to_dict()


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
        for r in results:
            label = _label(catalogue, r)
            points.append({"udfald": label, "serie": TREATED, "orden": 0, "value": r.treated_value, "sammenlignet": r.comparison or ""})
            if r.comparison_value is not None:
                points.append({"udfald": label, "serie": COMPARED, "orden": 1, "value": r.comparison_value, "sammenlignet": r.comparison or ""})
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
        spec["height"] = 46 * len(results) + 20
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
