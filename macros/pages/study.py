"""The evaluation pages: the list of studies and one page per study with its results."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.model import Catalogue
from macros.html.blocks import breadcrumb, fact_list
from macros.html.builders import link, relative_url, table
from macros.html.evidence_text import citation, kind_text
from macros.pages.activity import NO_CAVEAT
from macros.pages.page import Body, Page, SearchEntry
from macros.rules.evidence_words import direction_label, figures
from macros.text import urls
from macros.text.links import external


def study_index(catalogue: Catalogue, page_url: str) -> Body:
    located = {s for studies in catalogue.located_studies.values() for s in studies}
    rows = [
        (link(relative_url(page_url, urls.study(s.study_id)), s.title), s.evaluator, s.year or "ukendt",
         len(catalogue.results.get(s.study_id, ())) or (NOT_PUBLIC_CELL if s.study_id in located else 0))
        for s in sorted(catalogue.studies.values(), key=lambda s: (-(s.year or 0), s.title))
    ]
    return Body.of(page_url, table(("Studie", "Evaluator", "År", "Resultater"), rows, caption=f"{len(rows)} studier", numeric=(3,)))


NOT_PUBLIC = "Studie fundet, tallene er ikke offentligt tilgængelige"
NOT_PUBLIC_CELL = "ingen offentlige tal"  # in the index's right-aligned count column; the study's page says the rest


def study_page(catalogue: Catalogue, study_id: str) -> Page:
    s = catalogue.studies[study_id]
    url = urls.study(study_id)
    body = Body(url)
    results = catalogue.results.get(study_id, ())
    designs = sorted({r.design for r in results}, key=list(catalogue.designs).index)
    facts = [("Evaluator", s.evaluator), ("År", s.year or "ukendt"), ("Pulje eller program", s.pool or "–"),
             ("Population", s.population or "–"), ("Design", ", ".join(designs) or "–"), ("Kilde", external(s.url, s.url))]
    if s.note:
        facts.append(("Note", s.note))
    body.add(breadcrumb(url, ((urls.STUDIES + "/", "Evalueringer"),), s.title) + fact_list(facts)
             + Markup('<p class="bse-citation">Sådan citeres studiet: {}</p>').format(citation(catalogue, study_id)))
    body.heading(2, "Resultater")
    if not results and any(study_id in studies for studies in catalogue.located_studies.values()):
        body.add(Markup("<p>{}. Studiet er med, så det kendes, men tæller ikke med i nogen aktivitets vidensniveau.</p>").format(NOT_PUBLIC))
    for r in results:
        activities = [catalogue.activities[a] for a in catalogue.result_activities.get(r.result_id, ()) if a in catalogue.activities]
        facts = [
            ("Indsats", r.intervention),
            ("Resultat", Markup("<strong>{}:</strong> {}").format(direction_label(r), r.effect) if direction_label(r) else r.effect),
            ("Tal", figures(r) or "–"),
            ("Sammenlignet med", r.comparison or "–"),
            ("Slags og design", kind_text(catalogue, r)),
            ("Forbehold", r.caveat or NO_CAVEAT),
            (
                "Aktiviteter",
                Markup(", ").join(link(relative_url(url, urls.activity(a.slug)), a.title) for a in activities)
                or "Handler om helhedsplanen som helhed eller er beskrivende",
            ),
            ("Kilde", external(r.source, r.source)),
        ]
        body.add(
            Markup('<section class="bse-result" id="resultat-{2}" aria-label="{0}"><h3>{0}</h3>{1}</section>').format(r.outcome, fact_list(facts), r.result_id)
        )
    outcomes = "; ".join(dict.fromkeys(r.outcome for r in results))
    search = SearchEntry(s.title, f"Evaluator: {s.evaluator}. År: {s.year or 'ukendt'}. " + (f"Resultater om: {outcomes}." if outcomes else ""))
    return Page(url, s.title, body, search)
