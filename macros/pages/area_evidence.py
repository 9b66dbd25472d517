"""An area page's 'what the evaluations have measured' section: where the area's figures stand out, the outcome
domains those indicators belong to, and the activities with measured results there. Evidence, not advice."""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.data.model import Catalogue
from macros.html.blocks import folded
from macros.html.builders import link, relative_url
from macros.html.evidence_text import level_badge
from macros.pages.page import Body
from macros.rules.area_needs import CLOSE, measured_in, standing_out
from macros.rules.evidence_words import DIRECTIONS, NOT_MEASURED
from macros.text import urls
from macros.text.format import count, number
from macros.text.lists import joined


def what_was_measured(catalogue: Catalogue, area_id: str, url: str) -> Body:
    body = Body(url)
    found = standing_out(catalogue, area_id)
    body.heading(2, "Hvad evalueringerne har målt på områdets udfordringer", searchable=False)
    if not found:
        body.add(Markup("<p>Ingen af områdets tal opfylder en listegrænse, ligger tæt på en eller er langt fra landsniveauet.</p>"), searchable=False)
        return body
    lines = Markup("").join(
        Markup("<li><strong>{}</strong> ({} {} i {}) {} – udfaldsområde: {}.</li>").format(
            s.indicator.name, number(s.value), s.indicator.unit, s.year, joined(s.reasons), joined(s.domains))
        for s in found
    )
    body.add(Markup(
        "<p>Områdets tal skiller sig ud her (de opfylder en listegrænse, ligger inden for {} % af en eller langt fra landsniveauet):</p><ul>{}</ul>"
        "<p>For hvert udfaldsområde: de aktiviteter, evalueringerne har målt virkninger af, med vidensniveau og de stærkeste resultaters retning. "
        "Ikke en anbefaling: om en aktivitet passer til området, afhænger af mere, end tallene viser.</p>"
    ).format(round(CLOSE * 100), lines), searchable=False)
    running = {a for plan in catalogue.plans_of(area_id) for a in plan.activities}
    mark = " (eksempeldata)" if catalogue.is_illustrative("plans", "plan_activities") else ""
    by_domain = measured_in(catalogue)
    badges = {level: level_badge(catalogue, level) for level in catalogue.knowledge_levels}
    folds = []
    for domain in dict.fromkeys(d for s in found for d in s.domains):
        measured = by_domain.get(domain, [])
        if not measured:
            folds.append(Markup("<p><strong>{}:</strong> evalueringerne i sitets data har ikke målt virkningen af nogen af katalogets aktiviteter.</p>").format(
                domain.capitalize()))
            continue
        # a list, not a table: one line an activity reads on a phone, and the page stays light at national scale
        items = "".join(
            f"<li>{link(relative_url(url, urls.activity(m.activity.slug)), m.activity.title)}: {badges[m.level]}, "
            f"{escape(DIRECTIONS.get(m.direction or '', NOT_MEASURED).lower())}"
            f"{f'; <strong>kører i områdets helhedsplan{escape(mark)}</strong>' if m.activity.slug in running else ''}</li>"
            for m in measured
        )
        folds.append(folded(f"{domain.capitalize()}: {count(len(measured), 'aktivitet', 'aktiviteter')} med målte virkninger",
                            Markup('<ul class="bse-measured">{}</ul>').format(Markup(items))))
    body.add(Markup("").join(folds), searchable=False)
    return body
