"""The national report's charts: areas on each official list per year (real), and core activities per theme and knowledge level (computed)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import altair as alt

from macros.charts import palette
from macros.charts.base import Chart, Table, copy_template
from macros.data.activities import vocabulary
from macros.data.model import Catalogue
from macros.rules.evidence import activity_evidence
from macros.rules.evidence_words import level_label
from macros.rules.lists import published_lists
from macros.text import urls
from macros.text.links import external

LIST_COLUMNS = ("year", "list_type", "count", "basis", "source")
EVIDENCE_COLUMNS = ("theme", "knowledge_level", "activities")


@lru_cache(maxsize=1)
def _list_template() -> dict:
    return alt.Chart(alt.NamedData("antal")).mark_line(point=True).encode(
        x=alt.X("year:Q", title="Listeår", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
        y=alt.Y("count:Q", title="Antal områder", scale=alt.Scale(zero=True)),
        color=alt.Color("list_type:N", title=None, scale=alt.Scale(range=list(palette.SERIES)), legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=[alt.Tooltip("list_type:N", title="Liste"), alt.Tooltip("year:Q", title="År", format="d"), alt.Tooltip("count:Q", title="Antal")],
    ).properties(width="container", height=280, title=alt.Title("Antal områder på de officielle lister", subtitle="")).to_dict()


def list_counts_chart(catalogue: Catalogue) -> Chart:
    """Official lists only: the May 2018 recalculation is left out of the chart but kept in the table."""
    counts = sorted(catalogue.list_counts, key=lambda c: (c.year, c.list_type))
    official = published_lists(counts)
    spec = copy_template(_list_template())
    spec["title"]["subtitle"] = f"{official[0].year}–{official[-1].year}, offentlige tal"
    spec["datasets"] = {"antal": [{"year": c.year, "list_type": c.list_type, "count": c.count} for c in official]}
    latest = max(c.year for c in official)
    description = (
        f"Linjediagram over antallet af boligområder på hver officiel liste fra {official[0].year} til {latest}. "
        + f"I {latest}: " + "; ".join(f"{c.list_type} {c.count}" for c in official if c.year == latest) + "."
    )
    spec["description"] = description
    basis = {"direkte": "står i kilden", "afledt": "afledt", "udateret": "udateret kilde", "genberegning": "genberegning, ikke officiel"}
    # the note says which rules a count was made under where a year had two lists (2013)
    rows = tuple((c.year, c.list_type, c.count, basis.get(c.basis, c.basis), c.note or "", external(c.source, "kilde")) for c in counts)
    return Chart(
        chart_id="chart-liste-antal",
        title="Antal områder på de officielle lister",
        description=description,
        spec=spec,
        table=Table(("Listeår", "Liste", "Antal", "Grundlag", "Note", "Kilde"), rows, (2,)),
        rows=tuple((c.year, c.list_type, c.count, c.basis, c.source) for c in counts),
        columns=LIST_COLUMNS,
        csv_path=urls.national_report() + "antal-pr-liste.csv",
        sources=(("Dagspresse, ministerier og BL via datapakken areas (list_counts)", ""),),
        illustrative=False,
    )


@lru_cache(maxsize=None)
def _evidence_template(levels: tuple[str, ...]) -> dict:
    # every level in the legend and its colour fixed, whichever levels the data has: the badges' colours
    return (
        alt.Chart(alt.NamedData("evidens"))
        .mark_bar()
        .encode(
            y=alt.Y("theme:N", title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("activities:Q", title="Aktiviteter", stack="zero"),
            color=alt.Color(
                "level:N",
                title="Vidensniveau",
                scale=alt.Scale(domain=list(levels), range=list(palette.LEVELS[: len(levels)])),
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            order=alt.Order("knowledge_level:Q"),
            tooltip=[alt.Tooltip("theme:N", title="Tema"), alt.Tooltip("level:N", title="Vidensniveau"), alt.Tooltip("activities:Q", title="Aktiviteter")],
        )
        .properties(width="container", height=200, title=alt.Title("Aktiviteter pr. tema og vidensniveau", subtitle=""))
        .to_dict()
    )


def evidence_chart(catalogue: Catalogue) -> Chart:
    levels = {a.slug: activity_evidence(catalogue, a).level for a in catalogue.activities.values()}
    rows = []
    for theme in vocabulary("themes"):
        counts = Counter(levels[a.slug] for a in catalogue.activities.values() if theme in a.themes)
        rows += [(theme, level, counts[level]) for level in sorted(catalogue.knowledge_levels) if counts[level]]
    labels = {lvl: level_label(catalogue, lvl) for lvl in sorted(catalogue.knowledge_levels)}
    spec = copy_template(_evidence_template(tuple(labels.values())))
    spec["title"]["subtitle"] = "Beregnet af evalueringsdata; en aktivitet kan høre til flere temaer"
    spec["datasets"] = {"evidens": [{"theme": t, "knowledge_level": lvl, "level": labels[lvl], "activities": n} for t, lvl, n in rows]}
    description = "Stablet søjlediagram over kerneaktiviteterne pr. tema fordelt på vidensniveau. " + " ".join(
        f"{theme.capitalize()}: " + ", ".join(f"{n} på niveau {lvl}" for t, lvl, n in rows if t == theme) + "." for theme in vocabulary("themes")
    )
    spec["description"] = description
    return Chart(
        chart_id="chart-evidens-tema",
        title="Aktiviteter pr. tema og vidensniveau",
        description=description,
        spec=spec,
        table=Table(("Tema", "Vidensniveau", "Aktiviteter"), tuple((t, labels[lvl], n) for t, lvl, n in rows), (2,)),
        rows=tuple(rows),
        columns=EVIDENCE_COLUMNS,
        csv_path=urls.national_report() + "evidens-pr-tema.csv",
        sources=(("Kerneaktiviteterne og datapakken evaluations", ""),),
        illustrative=False,
    )
