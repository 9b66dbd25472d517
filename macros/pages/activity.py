"""Fragments of an activity page: the fact box, the evidence section and the sources section."""

from __future__ import annotations

from markupsafe import Markup

from macros.charts.evidence import results_charts
from macros.data.activities import cost_descriptions
from macros.data.model import Activity, Catalogue
from macros.html.blocks import breadcrumb, fact_list, folded, notice
from macros.html.builders import link, link_list, relative_url, table
from macros.html.evidence_text import citation, kind_text, level_badge
from macros.pages.page import Body
from macros.pages.rating_history import activity_history
from macros.rules.evidence import Evidence, activity_evidence, counting, outcome_domains
from macros.rules.evidence_words import direction_label, figures
from macros.text import urls
from macros.text.format import count, danish_key
from macros.text.links import external
from macros.text.slugs import slugify

NOT_EVALUATED = "Niveau 0 betyder, at der ikke er fundet en evaluering med målte resultater – ikke, at aktiviteten ikke virker."


def level_text(catalogue: Catalogue, evidence: Evidence, page_url: str) -> Markup:
    text = Markup("{} {}").format(level_badge(catalogue, evidence.level), link(relative_url(page_url, urls.method()), "Sådan beregnes niveauet"))
    if evidence.level == 0:
        text += Markup('<p class="bse-override">{}</p>').format(NOT_EVALUATED)
    if evidence.overridden:
        text += Markup('<p class="bse-override">Sat af redaktionen; beregnet efter reglerne: niveau {}. Begrundelse: {}</p>').format(
            evidence.computed, evidence.reason
        )
    return text


def activity_facts(catalogue: Catalogue, activity: Activity, page_url: str) -> Body:
    evidence = activity_evidence(catalogue, activity)
    facts = [
        ("Temaer", link_list(page_url, activity.themes, urls.theme)),
        ("Målgrupper", link_list(page_url, activity.target_groups, urls.target_group)),
        ("Vidensniveau", level_text(catalogue, evidence, page_url)),
        ("Omkostningsniveau", Markup("{} – {}").format(activity.cost_level, cost_descriptions()[activity.cost_level])),
    ]
    if activity.related:
        related = [catalogue.activities[s] for s in activity.related]
        facts.append(("Relaterede aktiviteter", Markup(", ").join(link(relative_url(page_url, urls.activity(a.slug)), a.title) for a in related)))
    body = Body.of(
        page_url,
        breadcrumb(page_url, ((urls.catalogue(), "Aktiviteter"),), activity.title)
        + Markup('<p class="bse-lead">{}</p>{}').format(activity.summary, fact_list(facts)),
    )
    body.add(where_it_runs(catalogue, activity, page_url), searchable=False)
    return body


MAX_PLAN_ROWS = 60  # above this many plans, the activity page counts them per municipality, whose page names each plan


def where_it_runs(catalogue: Catalogue, activity: Activity, page_url: str, max_rows: int = MAX_PLAN_ROWS) -> Markup:
    """The plans that run the activity and their areas, from plan_activities, folded under a count; above max_rows
    plans (national scale: 600 per activity at 10,000 areas, 200 KB a page), counted per municipality instead."""
    plans = sorted((p for p in catalogue.plans.values() if activity.slug in p.activities), key=lambda p: (p.start_year, danish_key(p.name)))
    illustrative = catalogue.is_illustrative("plans", "plan_activities")
    mark = " (eksempeldata)" if illustrative else ""
    if not plans:
        return Markup('<p class="bse-runs" data-search-exclude>Ingen helhedsplan i sitets data kører aktiviteten{}.</p>').format(mark)
    areas = {a for p in plans for a in p.areas}
    summary = f"Kører i {count(len(plans), 'helhedsplan', 'helhedsplaner')} i {count(len(areas), 'boligområde', 'boligområder')}{mark}"
    content = notice("Helhedsplanerne og deres aktiviteter") if illustrative else Markup("")
    listed = _per_municipality if len(plans) > max_rows else _per_plan
    content += listed(catalogue, activity, plans, page_url, mark)
    return Markup('<div class="bse-runs" data-search-exclude>{}</div>').format(folded(summary, content))


def _per_plan(catalogue: Catalogue, activity: Activity, plans: list, page_url: str, mark: str) -> Markup:
    """Each plan that runs the activity, with its areas linked and its years."""
    def area_links(plan) -> Markup:
        named = sorted(plan.areas, key=lambda a: danish_key(catalogue.areas[a].name))
        return Markup(", ").join(link(relative_url(page_url, urls.area(a)), catalogue.areas[a].name) for a in named)

    rows = [(p.name, area_links(p), f"{p.start_year}–{p.end_year}") for p in plans]
    return table(("Helhedsplan", "Boligområder", "Periode"), rows, caption=f"Helhedsplaner, der kører {activity.title.lower()}{mark}")


def _per_municipality(catalogue: Catalogue, activity: Activity, plans: list, page_url: str, mark: str) -> Markup:
    """Municipality, its plans that run the activity and their areas; a plan with areas in two municipalities counts in both."""
    found: dict[str, tuple[set, set]] = {}
    for plan in plans:
        for area_id in plan.areas:
            plans_there, areas_there = found.setdefault(catalogue.areas[area_id].municipality, (set(), set()))
            plans_there.add(plan.plan_id)
            areas_there.add(area_id)
    rows = [
        (link(relative_url(page_url, urls.municipality(name)), name), len(plans_there), len(areas_there))
        for name, (plans_there, areas_there) in sorted(found.items(), key=lambda kv: danish_key(kv[0]))
    ]
    shared = sum(len(p) for p, _ in found.values()) > len(plans)
    text = "Helhedsplanerne og deres boligområder er opgjort pr. kommune"
    text += "; en helhedsplan med boligområder i flere kommuner tælles i hver af dem." if shared else "."
    text += " Kommunens side viser hvert boligområde med dets helhedsplaner."
    # short headers: with the numbers' sort buttons, three columns fit a 390 px screen inside the fold
    return Markup("<p>{}</p>").format(text) + table(
        ("Kommune", "Planer", "Områder"), rows, caption=f"Helhedsplaner, der kører {activity.title.lower()}, fordelt på kommuner{mark}",
        numeric=(1, 2), sortable=True,
    )


NO_CAVEAT = "Kilden nævner ingen forbehold."


def results_list(catalogue: Catalogue, results, page_url: str) -> Markup:
    """Each result stacked, its caveat beside its figures at any width (a table of six columns hid it on a laptop)."""
    items = []
    for r in results:
        study = catalogue.studies[r.study_id]
        direction = direction_label(r)
        facts = [
            (
                "Resultat",
                Markup("{}{}{}").format(
                    Markup('<strong class="bse-direction bse-direction--{}">{}:</strong> ').format(slugify(r.direction), direction) if direction else "",
                    r.effect,
                    Markup(" <strong>({})</strong>").format(figures(r)) if figures(r) else "",
                ),
            ),
            ("Sammenlignet med", r.comparison or "Ingen sammenligning"),
            ("Slags og design", kind_text(catalogue, r)),
            ("Forbehold", r.caveat or NO_CAVEAT),
            (
                "Studie",
                Markup("{} ({})").format(
                    link(relative_url(page_url, urls.study(study.study_id)), f"{study.title}, {study.year or 'u.å.'}"), external(r.source, "kilde")
                ),
            ),
        ]
        items.append(Markup('<li class="bse-result"><p class="bse-result__outcome">{}</p>{}</li>').format(r.outcome, fact_list(facts)))
    return Markup('<ul class="bse-results">{}</ul>').format(Markup("").join(items))


def activity_evidence_section(catalogue: Catalogue, activity: Activity, page_url: str) -> Body:
    """Results grouped by outcome domain, with their charts; computed, never typed by hand."""
    evidence = activity_evidence(catalogue, activity)
    gap_map = relative_url(page_url, urls.gap_map())
    body = Body(page_url)
    located = catalogue.located_studies.get(activity.slug, ())
    if not evidence.results:
        body.add(
            Markup(
                '<p class="bse-no-evidence">Sitets evalueringsdata har endnu ingen resultater om {}. Vidensniveauet er derfor {}. '
                "Det betyder ikke, at aktiviteten ikke virker, men at der ikke er fundet en offentliggjort evaluering med målte "
                "resultater. Se {}.</p>"
            ).format(activity.title.lower(), level_badge(catalogue, 0), link(gap_map, "evidenskortet over huller i viden"))
        )
        if located:
            body.extend(located_studies(catalogue, located, page_url))
        body.extend(activity_history(catalogue, activity, page_url))
        return body
    studies = {r.study_id for r in evidence.results}
    counted = counting(catalogue, evidence.results)
    body.add(
        Markup("<p>{} fra {} handler om {}. {} Efter reglerne giver {} {}.{}</p>").format(
            count(len(evidence.results), "resultat", "resultater"),
            count(len(studies), "studie", "studier"),
            activity.title.lower(),
            _counted_text(len(counted), len(evidence.results)),
            "det" if len(evidence.results) == 1 else "de",
            level_badge(catalogue, evidence.computed),
            Markup(" Redaktionen har sat niveauet til {}; begrundelsen står øverst på siden.").format(evidence.level) if evidence.overridden else "",
        )
    )
    for domain in outcome_domains(catalogue):
        found = [r for r in evidence.results if r.outcome_domain == domain]
        if found:
            body.heading(3, domain.capitalize(), slug=f"evidens-{slugify(domain)}")
            body.add(results_list(catalogue, found, page_url))
    for chart in results_charts(catalogue, activity):
        body.chart(chart)
    if located:
        body.extend(located_studies(catalogue, located, page_url))
    body.extend(activity_history(catalogue, activity, page_url))
    return body


def _counted_text(counted: int, total: int) -> str:
    shown = "optællinger, udviklinger over tid, baggrundstal eller vurderinger, som vises, men ikke hæver niveauet"
    if counted == total:
        return (
            "Det er en effektmåling eller beregning, der tæller med i vidensniveauet."
            if total == 1
            else "Alle er effektmålinger eller beregninger, der tæller med i vidensniveauet."
        )
    if counted == 0:
        return f"Ingen af dem tæller med i vidensniveauet: de er {shown}."
    return f"{counted} af dem tæller med i vidensniveauet; de andre er {shown}."


def located_studies(catalogue: Catalogue, located: tuple[str, ...], page_url: str) -> Body:
    """Studies found whose figures are not public: named, so a reader knows they exist, and never counted."""
    body = Body(page_url)
    body.heading(3, "Studier uden offentlige tal", slug="studier-uden-offentlige-tal")
    body.add(
        Markup("<p>Studie fundet, tallene er ikke offentligt tilgængelige. Studierne tæller ikke med i vidensniveauet.</p><ul>{}</ul>").format(
            Markup("").join(Markup("<li>{}</li>").format(citation(catalogue, s)) for s in located)
        )
    )
    return body


def activity_sources(catalogue: Catalogue, activity: Activity, page_url: str) -> Body:
    """The sources in front matter, then every evaluation behind the results above."""
    items = Markup("").join(Markup("<li>{}</li>").format(external(s.url, s.title)) for s in activity.sources)
    out = Markup("<ul>{}</ul>").format(items)
    studies = dict.fromkeys(r.study_id for r in catalogue.activity_results.get(activity.slug, ()))
    if studies:
        cited = Markup("").join(Markup("<li>{}</li>").format(citation(catalogue, s)) for s in studies)
        out += Markup("<p>Evalueringerne bag resultaterne:</p><ul>{}</ul>").format(cited)
    return Body.of(page_url, out)
