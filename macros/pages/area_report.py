"""The printable status report of one area for its boligsocial bestyrelse (HTML, printed to PDF by build_scripts/reports.py).

It is made of the same fragments as the area page, so its figures are the area page's figures.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.html import urls
from macros.pages.area import shared_section
from macros.html.evidence_text import citation
from macros.html.builders import block, external, heading, link, relative_url
from macros.data.model import Catalogue


def area_report(catalogue: Catalogue, area_id: str, page_url: str) -> str:
    area = catalogue.areas[area_id]
    plans = catalogue.plans_of(area_id)
    plan_lines = Markup("").join(Markup("<li>{} ({}–{})</li>").format(p.name, p.start_year, p.end_year) for p in plans) or Markup("<li>Ingen helhedsplan i data</li>")
    cover = Markup(
        '<section class="bse-cover"><p class="bse-cover__kicker">Statusrapport til den boligsociale bestyrelse</p>'
        '<p class="bse-cover__area">{area} · {municipality} Kommune</p><ul>{plans}</ul>'
        "<p>Data til og med {year}. Dannet af Boligsocial Evidens ud fra de samme tal som {page}.</p></section>"
    ).format(area=area.name, municipality=area.municipality, plans=plan_lines, year=catalogue.data_year,
             page=link(relative_url(page_url, urls.area(area_id)), "områdets side"))
    out = block(cover)
    out += shared_section(catalogue, area_id, "plans", page_url)
    out += shared_section(catalogue, area_id, "panel", page_url)
    out += block(heading(2, "Kilder") + sources(catalogue, plans))
    return out


def sources(catalogue: Catalogue, plans) -> Markup:
    packages = Markup("").join(
        Markup("<li>{}: {}</li>").format(p.title, Markup("; ").join(external(url, title) for title, url in p.sources))
        for p in catalogue.packages.values() if p.name in ("areas", "indicators", "plans", "evaluations")
    )
    studies = dict.fromkeys(r.study_id for p in plans for a in p.activities for r in catalogue.activity_results.get(a, ()))
    cited = Markup("").join(Markup("<li>{}</li>").format(citation(catalogue, s)) for s in studies)
    return Markup("<ul>{}{}</ul>").format(packages, cited)
