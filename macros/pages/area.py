"""An area's fact page and its printable status report, rendered together: they share the indicator panel and the plans.

The shared sections are made once, with links as from the report (rapporter/x/): it sits at the same
depth as the area page and shares no folder with any target of these sections, so every link reads
../../<target> and is right from both pages.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.charts.indicator import indicator_chart
from macros.data.model import Catalogue
from macros.html.blocks import breadcrumb, fact_list, folded, notice, source_and_note
from macros.html.builders import link, relative_url, table
from macros.html.evidence_text import citation
from macros.pages.area_evidence import what_was_measured
from macros.pages.list_timeline import timeline_table
from macros.pages.page import Body, Page, SearchEntry
from macros.pages.plans import plan_section, statuses
from macros.rules.list_timeline import OPERATORS, measurable
from macros.rules.lists import published_lists
from macros.rules.threshold_distance import HORIZON, MIN_POINTS, WINDOW, Distance, distances, toward
from macros.text import urls
from macros.text.format import count, number
from macros.text.links import external
from macros.text.lists import joined

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
    if not rows:
        return Markup("<p>Ingen kendte listeplaceringer.</p>")
    intro = Markup(
        "<p>Listerne offentliggøres 1. december. Tabellen viser de placeringer, der er fundet i offentlige kilder; "
        "et år uden række betyder ikke nødvendigvis, at området var uden for listerne.</p>"
    )
    return intro + table(("Listeår", "Liste", "Status", "Grundlag", "Kilde og note"), rows, caption="Listeplaceringer")


def later_lists(catalogue: Catalogue, area_id: str) -> list[int]:
    """Years with an official list after the area's latest found placement (lists the sources do not name it on)."""
    latest = latest_designation(catalogue, area_id)
    return sorted({c.year for c in published_lists(catalogue.list_counts) if c.year > (latest.year if latest else 0)})


def listing_sentence(catalogue: Catalogue, area_id: str) -> Markup:
    """The latest list placement found, stated honestly: which later lists were published without naming the area in the sources."""
    latest = latest_designation(catalogue, area_id)
    later = later_lists(catalogue, area_id)
    years = joined(map(str, later))
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


OPERATOR_WORDS = {">": "over", ">=": "mindst", "<": "under", "<=": "højst"}


def key_figures(catalogue: Catalogue, area_id: str) -> Markup:
    """Each list criterion's latest figure for the area, against the national level and the list thresholds that year, in words."""
    items = []
    for ind in catalogue.indicators.values():
        series = catalogue.figures(area_id, ind.indicator_id)
        if not ind.list_criterion or not series:
            continue
        latest = series[-1]
        national = next((o.value for o in catalogue.national.get(ind.indicator_id, ()) if o.year == latest.year), None)
        text = f"{number(latest.value)} {ind.unit} i {latest.year}" + (f" (landsniveau {number(national)})" if national is not None else "") + "."
        over, under = [], []
        for c in measurable(catalogue, latest.year):
            if c.indicator_id == ind.indicator_id:
                (over if OPERATORS[c.operator](latest.value, c.threshold) else under).append(
                    f"{c.list_type} ({OPERATOR_WORDS[c.operator]} {number(c.threshold)})"
                )
        if over:
            text += " Opfylder kriteriet for " + joined(over) + "."
        if under:
            text += " Opfylder ikke kriteriet for " + joined(under) + "."
        items.append(Markup("<li><strong>{}:</strong> {}</li>").format(ind.name, text))
    return Markup('<ul class="bse-keyfigures">{}</ul>').format(Markup("").join(items)) if items else Markup("")


def _amount(value: float, unit: str) -> str:
    return f"{number(round(abs(value), 1))} procentpoint" if unit.startswith("%") else f"{number(round(abs(value), 2))} {unit}"


def _threshold(d: Distance) -> str:
    return f"{OPERATOR_WORDS[d.operator]} {number(d.threshold)}{' %' if d.indicator.unit.startswith('%') else ''}"


def distance_text(found: list[Distance]) -> Markup:
    """One indicator: the distance to each threshold in force, the direction of the last years and, where the
    figures allow, when a straight line would cross a threshold it is heading for."""
    d = found[0]
    unit = d.indicator.unit
    parts = []
    for x in found:
        gap = x.value - x.threshold
        where = "lige på grænsen" if gap == 0 else f"{_amount(gap, unit)} {'over' if gap > 0 else 'under'} grænsen"
        parts.append(f"{where} for {' og '.join(x.lists)} ({_threshold(x)}; {'opfylder' if x.meets else 'opfylder ikke'} kriteriet)")
    text = f"{number(d.value)} {unit} i {d.year}: {joined(parts)}."
    if d.slope is None:
        return Markup("<li><strong>{}:</strong> {} Kun ét tal inden for de seneste {} år, så der er ingen udvikling at læse.</li>").format(
            d.indicator.name, text, WINDOW
        )
    moved = (
        "uændret" if _amount(d.slope, unit).startswith("0 ") else f"{'steget' if d.slope > 0 else 'faldet'} med {_amount(d.slope, unit)} om året i gennemsnit"
    )
    text += f" Fra {d.first_year} til {d.year} er tallet {moved}."
    if d.points < MIN_POINTS:
        text += " For få tal til en fremskrivning."
    elif d.uncertain:
        text += " Tallene svinger for meget til at sige, hvilken vej de går, så der er ingen fremskrivning."
    else:
        heading = [x for x in found if toward(x)]
        for x in heading:
            side = "under" if x.value > x.threshold else "over"
            if x.crossing:
                likely, first, last = x.crossing
                when = f"omkring {likely}" + (f" (mellem {first} og {last})" if first != last else "")
                text += f" Fortsætter udviklingen i lige linje, kommer tallet {side} grænsen for {' og '.join(x.lists)} {when}."
            else:
                text += f" I det tempo kommer tallet ikke sikkert {side} grænsen for {' og '.join(x.lists)} inden for {HORIZON} år."
        if heading:
            text += f" Det er en fremskrivning af {d.points} tal, ikke en prognose."
        else:
            text += " Udviklingen går væk fra grænserne."
    return Markup("<li><strong>{}:</strong> {}</li>").format(d.indicator.name, text)


def threshold_section(catalogue: Catalogue, area_id: str, url: str) -> Body:
    """Each list criterion in force: how far the area is from its threshold, and where its figures are heading."""
    body = Body(url)
    found = distances(catalogue, area_id)
    if not found:
        return body
    by_indicator: dict[str, list[Distance]] = {}
    for d in found:
        by_indicator.setdefault(d.indicator.indicator_id, []).append(d)
    body.heading(2, "Afstand til listegrænserne", searchable=False)
    intro = notice("Tallene og fremskrivningerne nedenfor") if catalogue.is_illustrative("indicators", "observations") else Markup("")
    body.add(
        intro
        + Markup(
            "<p>Grænserne er dem, der gjaldt i året for områdets seneste tal. Udviklingen læses af de seneste op til {} års tal; "
            "en fremskrivning kræver mindst {} tal og en tydelig retning.</p>"
            '<ul class="bse-distances">{}</ul>'
        ).format(WINDOW, MIN_POINTS, Markup("").join(distance_text(group) for group in by_indicator.values())),
        searchable=False,
    )
    return body


def summary(catalogue: Catalogue, area_id: str, url: str) -> Body:
    """What matters first: list status, the key figures against the nation and the thresholds, the plans' goals."""
    body = Body(url)
    body.heading(2, "Kort fortalt", searchable=False)
    text = Markup("<p>{}</p>").format(listing_sentence(catalogue, area_id))
    figures = key_figures(catalogue, area_id)
    if figures and catalogue.is_illustrative("indicators", "observations"):
        text += notice("Nøgletallene nedenfor")
    text += figures
    for plan in catalogue.plans_of(area_id):
        counts = {}
        for _, status in statuses(catalogue, plan, catalogue.areas[area_id]):
            counts[status.status] = counts.get(status.status, 0) + 1
        said = ", ".join(f"{n} {s}" for s, n in counts.items()) or "ingen mål"
        mark = " (eksempeldata)" if catalogue.is_illustrative("plans", "goals") else ""
        text += Markup("<p><strong>{}</strong>{}: {} – {}.</p>").format(plan.name, mark, count(len(plan.goals), "mål", "mål"), said)
    body.add(Markup('<div class="bse-summary">{}</div>').format(text), searchable=False)
    return body


def indicator_panel(catalogue: Catalogue, area_id: str, url: str, charts: list, rest: str = "") -> Body:
    """Indicator charts of the area, under one eksempeldata notice when the figures are illustrative."""
    body = Body(url)
    if not charts:
        return body
    body.heading(2, "Indikatorer", searchable=False)
    intro = notice("Tallene i diagrammerne og tabellerne nedenfor") if any(c.illustrative for c in charts) else Markup("")
    if rest:
        intro += Markup("<p>{}</p>").format(rest)
    if intro:
        body.add(intro, searchable=False)
    for chart in charts:
        body.chart(chart, Markup("<p>{}</p>").format(link(relative_url(url, urls.indicator(chart.indicator_id)), f"Om indikatoren {chart.title.lower()}")))
    return body


def _area_page(catalogue: Catalogue, area_id: str, top: Body, panel: Body, plans: Body, distance: Body, measured: Body) -> Page:
    area = catalogue.areas[area_id]
    url = urls.area(area_id)
    body = Body(url)
    listing = latest_listing(catalogue, area_id)
    facts = [
        ("Kommune", link(relative_url(url, urls.municipality(area.municipality)), area.municipality)),
        (
            "Statusrapport",
            Markup("{} · {}").format(
                link(relative_url(url, urls.report_pdf(area_id)), "PDF til bestyrelsen"), link(relative_url(url, urls.report(area_id)), "printvenlig side")
            ),
        ),
    ]
    if area.aliases:
        facts.append(("Også kaldt", ", ".join(area.aliases)))
    known = [k for k in catalogue.known_plans if area_id in k.area_ids]
    if known:
        facts.append(
            (
                "Helhedsplan i offentlige kilder",
                Markup("; ").join(
                    Markup("{} ({}, {})").format(k.name, "periode ikke oplyst" if k.period == "Ikke oplyst" else k.period, external(k.source, "kilde"))
                    for k in known
                ),
            )
        )
    body.add(breadcrumb(url, ((urls.AREAS + "/", "Boligområder"),), area.name) + fact_list(facts))
    body.extend(top)
    body.extend(distance)
    body.extend(panel)
    body.extend(plans)
    body.extend(measured)
    body.heading(2, "Officielle lister", searchable=False)
    placements = catalogue.designations.get(area_id, ())
    body.add(folded(f"Vis alle {count(len(placements), 'listeplacering', 'listeplaceringer')}", designation_table(catalogue, area_id)), searchable=False)
    body.heading(3, "Kriterier år for år", searchable=False)
    criteria = Markup(
        "<p>Tabellen viser for hvert år, hvilke af listernes målbare kriterier områdets tal opfyldte efter de regler, "
        "der gjaldt det år. Kriterier uden en fast grænse i kilderne og reglerne om, hvor mange kriterier "
        "der skal være opfyldt, indgår ikke; tabellen siger derfor ikke, om området burde have været på en liste.</p>"
    )
    if catalogue.is_illustrative("indicators", "observations"):
        criteria += notice("Tallene bag opfyldelsen i tabellen nedenfor (markeret med *)")
    body.add(criteria + folded("Vis kriterierne år for år", timeline_table(catalogue, area_id)), searchable=False)
    words = [f"Kommune: {area.municipality}.", f"Seneste fundne listeplacering: {listing}."] + (
        [f"Også kaldt: {', '.join(area.aliases)}."] if area.aliases else []
    )
    return Page(url, area.name, body, SearchEntry(area.name, " ".join(words)))


def _report(catalogue: Catalogue, area_id: str, top: Body, panel: Body, plans: Body) -> Page:
    area = catalogue.areas[area_id]
    url = urls.report(area_id)
    body = Body(url)
    body.add(breadcrumb(url, ((urls.AREAS + "/", "Boligområder"), (urls.area(area_id), area.name)), "Statusrapport"), searchable=False)
    plan_list = catalogue.plans_of(area_id)
    plan_lines = Markup("").join(Markup("<li>{} ({}–{})</li>").format(p.name, p.start_year, p.end_year) for p in plan_list) or Markup(
        "<li>Ingen helhedsplan i data</li>"
    )
    body.add(
        Markup(
            '<section class="bse-cover"><p class="bse-cover__kicker">Statusrapport til den boligsociale bestyrelse</p>'
            '<p class="bse-cover__area">{area} · {municipality} Kommune</p><ul>{plans}</ul>'
            "<p>Data til og med {year}. Dannet af Boligsocial Evidens ud fra de samme tal som {page}.</p></section>"
        ).format(
            area=area.name,
            municipality=area.municipality,
            plans=plan_lines,
            year=catalogue.data_year,
            page=link(relative_url(url, urls.area(area_id)), "områdets side"),
        ),
        searchable=False,
    )
    body.extend(top)
    body.extend(plans)
    body.extend(panel)
    body.heading(2, "Kilder", searchable=False)
    body.add(report_sources(catalogue, plan_list), searchable=False)
    return Page(url, f"Statusrapport: {area.name}", body)


def report_sources(catalogue: Catalogue, plans) -> Markup:
    packages = Markup("").join(
        Markup("<li>{}: {}</li>").format(p.title, Markup("; ").join(external(url, title) for title, url in p.sources))
        for p in catalogue.packages.values()
        if p.name in ("areas", "indicators", "plans", "evaluations")
    )
    studies = dict.fromkeys(r.study_id for p in plans for a in p.activities for r in catalogue.activity_results.get(a, ()))
    cited = Markup("").join(Markup("<li>{}</li>").format(citation(catalogue, s)) for s in studies)
    return Markup("<ul>{}{}</ul>").format(packages, cited)


def area_pages(catalogue: Catalogue, area_id: str) -> tuple[Page, Page]:
    """The area's page and its report."""
    url = urls.report(area_id)
    area = catalogue.areas[area_id]
    top = summary(catalogue, area_id, url)
    charts = [c for c in (indicator_chart(catalogue, area, i) for i in catalogue.indicators.values()) if c is not None]
    plans = plan_section(catalogue, area, url)
    # the board's report keeps to the list criteria (its goals have charts of their own); the page has every indicator
    criteria = [c for c in charts if catalogue.indicators[c.indicator_id].list_criterion]
    rest = "Diagrammerne viser listernes kriterier; områdets side viser alle indikatorer." if len(criteria) < len(charts) else ""
    return (
        _area_page(
            catalogue,
            area_id,
            top,
            indicator_panel(catalogue, area_id, url, charts),
            plans,
            threshold_section(catalogue, area_id, url),
            what_was_measured(catalogue, area_id, url),
        ),
        _report(catalogue, area_id, top, indicator_panel(catalogue, area_id, url, criteria, rest), plans),
    )
