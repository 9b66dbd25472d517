"""An area's page, which is also the board's status report when printed (build_scripts/commands/reports.py).

On its first screen it answers what a reader comes for: where the area stands on the lists, one chart
of the list criteria against the national level and the thresholds (charts/spine.py, static, so it is
there before any script), and how the plans' goals are doing. Below come, in the order a board reads
them, the outlook per criterion, the plans and their goals, the indicators as small multiples, and
the sources; what the report leaves out on paper (every indicator that is not a list criterion, what
evaluations measured, the list history) is marked bse-noprint. One page per area rather than a page
and a report: the same figures are said once, and a national build writes half the pages.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.charts.indicator import indicator_chart
from macros.charts.spine import criteria_chart
from macros.data.model import Catalogue
from macros.html.blocks import ILLUSTRATIVE_BADGE, breadcrumb, fact_list, folded, source_and_note
from macros.html.builders import link, relative_url, table
from macros.pages.area_evidence import what_was_measured
from macros.pages.list_timeline import timeline_table
from macros.pages.page import Body, Page, SearchEntry
from macros.pages.plans import plan_anchor, plan_section, status_badge, statuses
from macros.rules.goal_status import GoalStatus
from macros.rules.lists import published_lists
from macros.rules.threshold_distance import HORIZON, MIN_POINTS, WINDOW, Distance, distances, toward
from macros.text import urls
from macros.text.format import count, number
from macros.text.links import external
from macros.text.lists import joined, year_spans
from macros.text.slugs import toc_slug

BASIS_TEXT = {
    "direkte": "listen står i kilden",
    "afledt": "afledt af to kilder",
    "udledt": "udledt af kilden",
    "delvis": "kilden viser en del af listen",
    "udateret": "udateret kilde",
    "genberegning": "genberegning, ikke officiel liste",
}


def latest_designation(catalogue: Catalogue, area_id: str):
    """The latest official list found naming the area (a recalculation is not a list), or None."""
    return max(published_lists(catalogue.designations.get(area_id, ())), key=lambda d: d.year, default=None)


def placement(designation) -> str:
    """'parallelsamfund (på listen, 2024)'; '–' for none."""
    return f"{designation.list_type} ({designation.status}, {designation.year})" if designation else "–"


def latest_listing(catalogue: Catalogue, area_id: str) -> str:
    """The latest official list naming the area, as placement() says it."""
    return placement(latest_designation(catalogue, area_id))


def designation_table(catalogue: Catalogue, area_id: str) -> Markup:
    rows = [
        (d.year, d.list_type, d.status, BASIS_TEXT[d.basis], source_and_note(d.source, d.note, d.source_note))
        for d in catalogue.designations.get(area_id, ())
    ]
    intro = Markup(
        "<p>Listerne offentliggøres 1. december. Tabellen viser de placeringer, der er fundet i offentlige kilder; "
        "et år uden række betyder ikke nødvendigvis, at området var uden for listerne.</p>"
    )
    return intro + table(("Listeår", "Liste", "Status", "Grundlag", "Kilde og note"), rows, caption="Listeplaceringer", searched=False)


def later_lists(catalogue: Catalogue, area_id: str) -> list[int]:
    """Years with an official list after the area's latest found placement (lists the sources do not name it on)."""
    latest = latest_designation(catalogue, area_id)
    return sorted({c.year for c in published_lists(catalogue.list_counts) if c.year > (latest.year if latest else 0)})


def listing_sentence(catalogue: Catalogue, area_id: str) -> Markup:
    """The latest list placement found, stated honestly: which later lists were published without naming the area in the sources."""
    latest = latest_designation(catalogue, area_id)
    later = later_lists(catalogue, area_id)
    years = year_spans(later)
    if latest is not None and latest.status == "udgået":
        text = Markup("Seneste fundne ændring: <strong>udgået af listen over {} i {}</strong>.").format(latest.list_type, latest.year)
        if later:
            text += Markup(" Listerne for {} er offentliggjort; de indsamlede kilder nævner ikke området på dem.").format(years)
        return text
    text = Markup("Seneste fundne placering: <strong>{}</strong>.").format(placement(latest))
    if later:
        text += Markup(" Listerne for {} er offentliggjort, men de indsamlede kilder nævner ikke området på dem; "
                       "det kan betyde, at området er gået af listerne, eller at kilden ikke er fundet.").format(years)
    return text




def outlook_text(found: list[Distance]) -> Markup:
    """What the summary chart cannot say about one criterion: which way the figures went, and where a straight line would take them."""
    d = found[0]
    unit = d.indicator.unit
    if d.slope is None:
        text = f"kun ét tal inden for de seneste {WINDOW} år, så der er ingen udvikling at læse."
    else:
        moved = "uændret" if _amount(d.slope, unit).startswith("0 ") else f"{'steget' if d.slope > 0 else 'faldet'} {_amount(d.slope, unit)} om året"
        text = f"{moved} fra {d.first_year} til {d.year}"
        heading = [x for x in found if toward(x)]
        if moved == "uændret":
            text += "."
        elif d.points < MIN_POINTS:
            text += "; for få tal til en fremskrivning."
        elif d.uncertain:
            text += "; tallene svinger for meget til en fremskrivning."
        elif not heading:
            text += ", væk fra grænserne."
        else:
            ahead = []
            for x in heading:
                side = "under" if x.value > x.threshold else "over"
                if x.crossing:
                    likely, first, last = x.crossing
                    ahead.append(f"{side} grænsen for {joined(x.lists)} omkring {likely}" + (f" ({first}–{last})" if first != last else ""))
                else:
                    ahead.append(f"ikke sikkert {side} grænsen for {joined(x.lists)} inden for {HORIZON} år")
            text += "; i lige linje " + joined(ahead) + "."
    return Markup("<li><strong>{}:</strong> {}</li>").format(d.indicator.name, text)


def outlook_section(catalogue: Catalogue, area_id: str, url: str) -> Body:
    """Each list criterion in force: the direction of its last figures and, where they allow, when a straight line crosses a threshold."""
    body = Body(url)
    found = distances(catalogue, area_id)
    if not found:
        return body
    by_indicator: dict[str, list[Distance]] = {}
    for d in found:
        by_indicator.setdefault(d.indicator.indicator_id, []).append(d)
    body.heading(2, "Udvikling og fremskrivning", searchable=False)
    body.add(Markup(
        '<ul class="bse-outlook">{}</ul><p class="bse-small">Udviklingen læses af de seneste op til {} års tal; en fremskrivning er en lige linje '
        "gennem mindst {} tal med en tydelig retning, ikke en prognose.</p>"
    ).format(Markup("").join(outlook_text(group) for group in by_indicator.values()), WINDOW, MIN_POINTS), searchable=False)
    return body


def goal_counts(catalogue: Catalogue, area_id: str, url: str) -> Markup:
    """Each plan's goals counted by status, as badges: the plans at a glance."""
    lines = []
    for plan in catalogue.plans_of(area_id):
        counts: dict[str, int] = {}
        for _, status in statuses(catalogue, plan, catalogue.areas[area_id]):
            counts[status.status] = counts.get(status.status, 0) + 1
        badges = Markup(" ").join(status_badge(GoalStatus(s), n) for s, n in counts.items()) or Markup("ingen mål")
        lines.append(Markup('<li><a href="#{}">Helhedsplan {}–{}</a>: {}</li>').format(plan_anchor(plan), plan.start_year, plan.end_year, badges))
    if not lines:
        return Markup('<p class="bse-goals">Ingen helhedsplan i data.</p>')
    return Markup('<ul class="bse-goals" aria-label="Målenes status">{}</ul>').format(Markup("").join(lines))


def indicator_grid(catalogue: Catalogue, area_id: str, url: str, charts: list) -> Body:
    """The area's indicator charts as small multiples under one legend; on paper only the list criteria counted
    today (the two series counted the old way until 2017 stay on the web page)."""
    body = Body(url)
    if not charts:
        return body
    body.heading(2, "Indikatorer", searchable=False)
    cells = []
    for chart in charts:
        indicator = catalogue.indicators[chart.indicator_id]
        criterion = indicator.list_criterion and not indicator.ended
        cells.append((chart, urls.indicator(chart.indicator_id), criterion))  # each chart's title links to its indicator's page
    # the row can be scrolled with the keyboard: it is focusable and named
    body.grid(cells, legend=INDICATOR_LEGEND, label="Områdets indikatorer")
    return body


INDICATOR_LEGEND = Markup(
    '<p class="bse-legend" aria-hidden="true"><span class="bse-key bse-key--area"></span>Området '
    '<span class="bse-key bse-key--national"></span>Landsniveau <span class="bse-key bse-key--threshold"></span>Listegrænse '
    '<span class="bse-key bse-key--official"></span>Offentliggjort tal <span class="bse-key bse-key--period"></span>Helhedsplan</p>'
)


ABOUT = "Om området og kilderne"


def about_section(catalogue: Catalogue, area_id: str, url: str) -> Body:
    """The area's facts (municipality, names, plans in public sources), the PDF and the sources of every figure."""
    area = catalogue.areas[area_id]
    body = Body(url)
    body.heading(2, ABOUT, searchable=False)
    facts = [("Kommune", link(relative_url(url, urls.municipality(area.municipality)), area.municipality))]
    if catalogue.has_report(area_id):
        facts.append(("Statusrapport", link(relative_url(url, urls.report_pdf(area_id)), "PDF til bestyrelsen")))
    # at national scale the reports are not printed in advance (Settings.report_limit): the screen says how, paper does not
    printing = Markup('<p class="bse-noprint bse-small">Statusrapporten til bestyrelsen: udskriv denne side fra browseren; '
                      "den er sat op som rapporten.</p>") if catalogue.has_board(area_id) and not catalogue.has_report(area_id) else Markup("")
    if area.aliases:
        facts.append(("Også kaldt", ", ".join(area.aliases)))
    known = [k for k in catalogue.known_plans if area_id in k.area_ids]
    if known:
        facts.append((
            "Helhedsplan i offentlige kilder",
            Markup("; ").join(
                Markup("{} ({}, {})").format(k.name, "periode ikke oplyst" if k.period == "Ikke oplyst" else k.period, external(k.source, "kilde"))
                for k in known
            ),
        ))
    sources = report_sources(catalogue, catalogue.plans_of(area_id))
    # a box of its own height on the screen, scrolled by the keyboard too; on paper the whole list
    scroll = Markup('<div class="bse-scroll" tabindex="0" role="region" aria-label="Kilder til sidens tal">{}</div>').format(sources)
    body.add(fact_list(facts) + printing + scroll,
             searchable=False)
    return body


def lists_section(catalogue: Catalogue, area_id: str, url: str) -> Body:
    body = Body(url)
    body.heading(2, "Officielle lister", searchable=False)
    placements = catalogue.designations.get(area_id, ())
    criteria = Markup(
        "<p>For hvert år: hvilke af listernes målbare kriterier områdets tal opfyldte efter de regler, der gjaldt det år "
        "(uden kriterier uden fast grænse og reglerne om, hvor mange der skal være opfyldt), så tabellen siger ikke, om området "
        "burde have været på en liste. Tallene er eksempeldata.</p>"
    ) if catalogue.is_illustrative("indicators", "observations") else Markup(
        "<p>For hvert år: hvilke af listernes målbare kriterier områdets tal opfyldte efter de regler, der gjaldt det år.</p>")
    # the section is kept out of search, and so are its tables (macros/html/builders.py table, searched)
    found = (folded(f"Vis alle {count(len(placements), 'listeplacering', 'listeplaceringer')}", designation_table(catalogue, area_id)) if placements
             else Markup("<p>Ingen kendte listeplaceringer.</p>"))  # nothing to unfold
    body.add(found
             + folded("Vis kriterierne år for år", criteria + timeline_table(catalogue, area_id)), searchable=False)
    return body


def similar_section(catalogue: Catalogue, area_id: str, url: str) -> Body:
    """The five areas most like this one on the list criteria, their figures beside its own, and the compare view with them."""
    body = Body(url)
    found = catalogue.similar
    if found is None or area_id not in found.neighbours:
        return body
    area, neighbours = catalogue.areas[area_id], found.neighbours[area_id]
    body.heading(2, "Lignende områder", searchable=False)
    names = joined(str(link(relative_url(url, urls.area(n)), catalogue.areas[n].name)) for n, _ in neighbours)
    chosen = ",".join([area_id] + [n for n, _ in neighbours[:3]])  # the compare view takes four areas
    compare = relative_url(url, urls.compare()) + f"?omraader={chosen}&indikator={found.criteria[0]}"

    rows = [(Markup("<strong>{}</strong>").format(area.name), *map(number, found.values[area_id]), "–")]
    rows += [(link(relative_url(url, urls.area(n)), catalogue.areas[n].name), *map(number, found.values[n]), number(d)) for n, d in neighbours]
    illustrative = catalogue.is_illustrative("indicators", "observations")
    body.add(Markup(
        "<p>De {} områder, der ligner {} mest på listernes kriterier i {}: {}. {} ({}).</p>"
    ).format(len(neighbours), area.name, found.year, Markup(names), link(compare, f"Sammenlign {area.name} med de tre nærmeste"),
             link(relative_url(url, "om-data/") + "#lignende-omraader", "sådan findes de"))
        + folded("Vis deres tal side om side", table(
            ("Område", *(catalogue.indicators[i].name for i in found.criteria), "Afstand"), rows, caption=f"Listekriterierne i {found.year}",
            numeric=tuple(range(1, len(found.criteria) + 2)), badge=ILLUSTRATIVE_BADGE if illustrative else Markup(""), searched=False)), searchable=False)
    return body


def illustrative_note(catalogue: Catalogue, area_id: str) -> Markup:
    """The page's one notice about illustrative figures, at its top, with how many of its figures are published;
    each chart and table carries the badge."""
    if not (catalogue.is_illustrative("indicators", "observations") or catalogue.is_illustrative("plans", "goals")):
        return Markup("")
    shown = [o for i in catalogue.indicators for o in catalogue.figures(area_id, i)]
    figures, plans = catalogue.is_illustrative("indicators", "observations"), catalogue.is_illustrative("plans", "goals")
    what = "Områdets tal og planer" if figures and plans else "Områdets tal" if figures else "Områdets planer"
    count = Markup(": {} af {} tal").format(sum(o.official for o in shown), len(shown)) if figures and shown else ""
    return Markup(
        '<p class="bse-note" role="note"><span class="bse-badge">Eksempeldata</span> {} er dannet af projektet, ikke officielle{}{}. {}</p>'
    ).format(what, Markup(", undtagen de offentliggjorte (●)") if figures else "", count, link("#" + toc_slug(ABOUT), "Om tallene"))


# what follows is on the page, not in the board's report (site.css hides it in print)
PRINT_END = Markup('<span class="bse-print-end"></span>')


def area_pages(catalogue: Catalogue, area_id: str) -> tuple[Page]:
    """The area's page (printed, it is the board's report)."""
    area = catalogue.areas[area_id]
    url = urls.area(area_id)
    body = Body(url)
    listing = latest_listing(catalogue, area_id)
    body.add(
        breadcrumb(url, ((urls.AREAS + "/", "Boligområder"),), area.name)
        + Markup('<p class="bse-print-only bse-kicker">Statusrapport til den boligsociale bestyrelse · data til og med {}</p>').format(catalogue.data_year)
        + Markup('<p class="bse-lead">Kommune: {}. {}</p>').format(link(relative_url(url, urls.municipality(area.municipality)), area.municipality),
                                                                 listing_sentence(catalogue, area_id))
        + illustrative_note(catalogue, area_id)
    )
    spine = criteria_chart(catalogue, area)
    if spine is not None:
        body.chart(spine, goal_counts(catalogue, area_id, url))
    else:
        body.add(goal_counts(catalogue, area_id, url))
    body.extend(outlook_section(catalogue, area_id, url))
    body.extend(plan_section(catalogue, area, url))
    charts = [c for c in (indicator_chart(catalogue, area, i) for i in catalogue.indicators.values()) if c is not None]
    body.extend(indicator_grid(catalogue, area_id, url, charts))
    body.extend(about_section(catalogue, area_id, url))
    body.add(PRINT_END, searchable=False)
    body.extend(similar_section(catalogue, area_id, url))
    body.extend(what_was_measured(catalogue, area_id, url))
    body.extend(lists_section(catalogue, area_id, url))
    words = [f"Kommune: {area.municipality}.", f"Seneste fundne listeplacering: {listing}."] + (
        [f"Også kaldt: {', '.join(area.aliases)}."] if area.aliases else []
    )
    return (Page(url, area.name, body, SearchEntry(area.name, " ".join(words))),)


def report_sources(catalogue: Catalogue, plans) -> Markup:
    packages = Markup("").join(
        Markup("<li>{}: {}</li>").format(p.title, Markup("; ").join(external(url, title) for title, url in p.sources))
        for p in catalogue.packages.values()
        if p.name in ("areas", "indicators", "plans", "evaluations")
    )
    studies = dict.fromkeys(r.study_id for p in plans for a in p.activities for r in catalogue.activity_results.get(a, ()))
    # each study by its author, year and title, linked (its address in full would fill a printed page)
    cited = Markup("").join(
        Markup("<li>{} ({}): {}</li>").format(catalogue.studies[s].evaluator, catalogue.studies[s].year or "u.å.",
                                             external(catalogue.studies[s].url, catalogue.studies[s].title)) for s in studies)
    return Markup('<ul class="bse-sources">{}{}</ul>').format(packages, cited)


def _amount(value: float, unit: str) -> str:
    return f"{number(round(abs(value), 1))} procentpoint" if unit.startswith("%") else f"{number(round(abs(value), 2))} {unit}"
