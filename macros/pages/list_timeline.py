"""The area page's table of the list criteria year by year: the official list, and what the figures met under the rules in force."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

from macros.data.model import Catalogue, Criterion
from macros.html.builders import table
from macros.rules.list_timeline import measurable, met_by
from macros.rules.lists import published_lists
from macros.text.format import number

MET = "Målbare kriterier opfyldt efter de regler, der gjaldt"


def timeline_rows(catalogue: Catalogue, area_id: str) -> list[tuple]:
    figures = {(i, o.year): o for i in catalogue.indicators for o in catalogue.observations.get((area_id, i), ())}
    years = sorted({year for _, year in figures})
    designations = published_lists(catalogue.designations.get(area_id, ()))
    rows = []
    for year in years:
        official = "; ".join(f"{d.list_type} ({d.status})" for d in designations if d.year == year) or "–"
        parts = []
        # two rule sets can hold in one year (2013: the list of 1 October under the old rules, then the new ones)
        by_list: dict[tuple[str, str], list[Criterion]] = {}
        for c in measurable(catalogue, year):
            by_list.setdefault((c.list_type, c.regime), []).append(c)
        several = {lt for lt, n in Counter(lt for lt, _ in by_list).items() if n > 1}
        for (list_type, regime), criteria in by_list.items():
            label = f"{list_type} ({regime})" if list_type in several else list_type
            known = [(c, r) for c in criteria if (r := met_by(figures.get((c.indicator_id, year)), c)) is not None]
            if not known:
                continue
            names = ", ".join(f"{c.criterion.lower()} ({c.operator} {number(c.threshold)})" for c, r in known if r)
            # an f-string with escape(), not Markup.format: this runs for every year of every area
            parts.append(Markup(f"<strong>{escape(label)}</strong>: {sum(r for _, r in known)} af {len(known)}{escape(f' – {names}' if names else '')}"))
        published = [catalogue.indicators[i].name.lower() for i in catalogue.indicators if (o := figures.get((i, year))) is not None and o.official]
        said = Markup(" (offentliggjort tal: {})").format(", ".join(published)) if published and parts else Markup("")
        rows.append((year, official, Markup("<br>").join(parts) + said if parts else "–"))
    return rows


def timeline_table(catalogue: Catalogue, area_id: str) -> Markup:
    # the official lists are public; what the figures met is said once to be illustrative, in its column's header
    illustrative = catalogue.is_illustrative("indicators", "observations")
    return table(("År", "Officiel liste det år", MET + (" (eksempeldata)" if illustrative else "")), timeline_rows(catalogue, area_id),
                 caption="Kriterier år for år", searched=False)  # on the area page, in a block kept out of search
