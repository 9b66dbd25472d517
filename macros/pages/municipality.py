"""Municipality pages: the areas in a municipality, their list status and plans, and their indicators together."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from macros.data.model import Area, Catalogue
from macros.html.blocks import breadcrumb, notice
from macros.html.builders import link, relative_url, table
from macros.pages.page import Body, Page, SearchEntry
from macros.pages.plans import statuses
from macros.rules.goal_status import STATUSES
from macros.rules.lists import published_lists
from macros.text import urls
from macros.text.format import count, danish_key, number


def municipalities(catalogue: Catalogue) -> dict[str, list[Area]]:
    """Municipality name → its areas, both in Danish alphabetical order."""
    found: dict[str, list[Area]] = {}
    for area in sorted(catalogue.areas.values(), key=lambda a: danish_key(a.name)):
        found.setdefault(area.municipality, []).append(area)
    return dict(sorted(found.items(), key=lambda kv: danish_key(kv[0])))


def latest_list(catalogue: Catalogue, area: Area) -> str:
    designations = published_lists(catalogue.designations.get(area.area_id, ()))
    if not designations:
        return "–"
    latest = max(designations, key=lambda d: d.year)
    return f"{latest.list_type} ({latest.status}, {latest.year})"


def goal_summary(catalogue: Catalogue, area: Area) -> str:
    counts = Counter(status.status for plan in catalogue.plans_of(area.area_id) for _, status in statuses(catalogue, plan, area))
    return ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s]) or "–"


def municipality_index(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (link(relative_url(page_url, urls.municipality(name)), name), len(areas), sum(len(catalogue.plans_of(a.area_id)) for a in areas))
        for name, areas in municipalities(catalogue).items()
    ]
    return Body.of(page_url, table(("Kommune", "Boligområder", "Helhedsplaner"), rows, caption=f"{len(rows)} kommuner", numeric=(1, 2), sortable=True))


def municipality_page(catalogue: Catalogue, name: str) -> Page:
    areas = municipalities(catalogue)[name]
    url = urls.municipality(name)
    body = Body(url)
    rows = [
        (link(relative_url(url, urls.area(a.area_id)), a.name), latest_list(catalogue, a),
         ", ".join(p.name for p in catalogue.plans_of(a.area_id)) or "–", goal_summary(catalogue, a))
        for a in areas
    ]
    body.add(breadcrumb(url, ((urls.AREAS + "/", "Boligområder"), (urls.MUNICIPALITIES + "/", "Kommuner")), name))
    body.heading(2, "Boligområder", searchable=False)
    # list placements are public; plans and goals are illustrative, and say so where they appear
    plans_mark = " (eksempeldata)" if catalogue.is_illustrative("plans", "plans") else ""
    intro = notice("Helhedsplanerne og målenes status i tabellen nedenfor") if plans_mark else Markup("")
    body.add(
        intro
        + table(("Område", "Seneste fundne listeplacering", f"Helhedsplaner{plans_mark}", f"Mål (status){plans_mark}"), rows, caption=f"Boligområder i {name}"),
        searchable=False,
    )
    body.heading(2, "Indikatorer for områderne samlet")
    text = Markup(
        "<p>Der er ikke indsamlet tal for kommunen som helhed. Tabellen viser kommunens boligområder samlet: "
        "gennemsnittet af områdernes seneste tal, vægtet med antallet af personer bag hvert tal, ved siden af landsniveauet.</p>"
    )
    if catalogue.is_illustrative("indicators", "observations"):
        text += notice("Tallene i tabellen nedenfor")
    body.add(
        text
        + table(
            ("Indikator", "År", "Områderne samlet", "Landsniveau", "Områder med tal"),
            indicator_rows(catalogue, areas, url),
            caption=f"Indikatorer for boligområderne i {name}",
            numeric=(1, 2, 3, 4),
        )
    )
    names = ", ".join(a.name for a in areas[:20]) + (" …" if len(areas) > 20 else "")
    search = SearchEntry(name, f"Kommune med {count(len(areas), 'boligområde', 'boligområder')} på sitet: {names}.")
    return Page(url, name, body, search)


def indicator_rows(catalogue: Catalogue, areas: list[Area], page_url: str) -> list[tuple]:
    rows = []
    for indicator in catalogue.indicators.values():
        latest = [s[-1] for a in areas if (s := catalogue.observations.get((a.area_id, indicator.indicator_id), ()))]
        if not latest:
            continue
        year = max(o.year for o in latest)
        used = [o for o in latest if o.year == year and not o.suppressed and o.base_population]
        weight = sum(o.base_population for o in used)
        value = sum(o.value * o.base_population for o in used) / weight if weight else None
        national = next((o.value for o in catalogue.national.get(indicator.indicator_id, ()) if o.year == year), None)
        rows.append(
            (
                link(relative_url(page_url, urls.indicator(indicator.indicator_id)), indicator.name),
                year,
                number(value, 1) if value is not None else "–",
                number(national),
                f"{len(used)} af {len(areas)}",
            )
        )
    return rows
