"""The history of every knowledge level: on each activity page, and site-wide on aktiviteter/aendringer/."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.model import Activity, Catalogue
from macros.data.provenance import danish_date
from macros.html.builders import link, relative_url
from macros.html.evidence_text import level_badge
from macros.pages.page import Body
from macros.text import urls
from macros.text.format import count


def anchor(change) -> str:
    """The stable address of a past rating on its activity's page."""
    return f"vurdering-{change.date}-{change.commit}"


def _results(catalogue: Catalogue, ids) -> str:
    """'Outcome (Evaluator, år); …' for results still in the data; a removed result is named by its id."""
    found = {r.result_id: r for results in catalogue.results.values() for r in results}
    named = []
    for rid in ids:
        r = found.get(rid)
        named.append(f"{r.outcome} ({catalogue.studies[r.study_id].evaluator.split(' (')[0]}, {catalogue.studies[r.study_id].year or 'u.å.'})" if r else rid)
    return "; ".join(named)


def why(catalogue: Catalogue, change) -> str:
    """What in the data changed the level, in words."""
    parts = []
    if change.before is None:
        parts.append(f"Første vurdering, på grundlag af {len(change.added)} {'resultat' if len(change.added) == 1 else 'resultater'}" if change.added
                     else "Første vurdering: ingen resultater")
        if change.added:
            parts[-1] += f": {_results(catalogue, change.added)}"
    else:
        if change.added:
            parts.append(f"Nye resultater: {_results(catalogue, change.added)}")
        if change.removed:
            parts.append(f"Fjernede resultater: {_results(catalogue, change.removed)}")
        if change.changed:
            parts.append(f"Ændret design eller slags: {_results(catalogue, change.changed)}")
    if change.override:
        parts.append(f"Redaktionen satte niveauet til {change.after} (reglerne giver {change.computed_after}): {change.override}")
    elif change.override == "":
        parts.append("Redaktionen ophævede sit eget niveau; reglerne gælder igen")
    if change.before is not None and change.before == change.after and change.computed_before != change.computed_after:
        parts.append(f"Reglerne giver nu niveau {change.computed_after} (før {change.computed_before}); redaktionens niveau står fast")
    if not parts:
        parts.append("Designenes eller resultatslagenes niveauer i data er ændret")
    return ". ".join(" ".join(p.split()).rstrip(".") for p in parts) + "."


def activity_history(catalogue: Catalogue, activity: Activity, page_url: str) -> Body:
    body = Body(page_url)
    changes = [c for c in catalogue.rating_history if c.activity == activity.slug]
    if not changes:
        return body
    body.heading(3, "Sådan har vurderingen ændret sig", slug="vurderingens-historik")
    items = Markup("").join(
        Markup('<li id="{}"><strong>{}:</strong> {} {}</li>').format(
            anchor(c), danish_date(c.date), level_badge(catalogue, c.after), why(catalogue, c))
        for c in reversed(changes)
    )
    body.add(Markup('<p>Niveauet beregnes af data; hver ændring nedenfor er læst af projektets historik (git) og har sin egen adresse. '
                    'Se {}.</p><ul class="bse-history">{}</ul>').format(link(relative_url(page_url, urls.rating_changes()), "alle ændringer"), items))
    return body


def changes_page(catalogue: Catalogue, page_url: str) -> Body:
    """Every change of a level after an activity's first rating, newest first."""
    changes = [c for c in reversed(catalogue.rating_history) if c.before is not None and c.activity in catalogue.activities]
    firsts = sum(1 for c in catalogue.rating_history if c.before is None and c.activity in catalogue.activities)
    if not changes:
        return Body.of(page_url, Markup("<p>Ingen vidensniveauer er ændret siden den første vurdering.</p>"))
    # a list, not a table: on a phone the reason is the widest column, and it is what the reader came for
    items = Markup("").join(
        Markup('<li><strong>{}</strong> · {}: {} <span aria-hidden="true">→</span><span class="bse-sr">ændret til</span> {} {}</li>').format(
            danish_date(c.date), link(relative_url(page_url, urls.activity(c.activity)) + f"#{anchor(c)}", catalogue.activities[c.activity].title),
            level_badge(catalogue, c.before), level_badge(catalogue, c.after), why(catalogue, c))
        for c in changes
    )
    intro = Markup("<p>{} siden de første vurderinger af {}. Hver linje fører til ændringen på aktivitetens side.</p>").format(
        count(len(changes), "ændring", "ændringer"), count(firsts, "aktivitet", "aktiviteter"))
    return Body.of(page_url, intro + Markup('<ul class="bse-history">{}</ul>').format(items))
