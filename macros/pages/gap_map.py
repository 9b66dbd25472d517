"""The evidence gap map (activities × outcome domains) and the method page's tables, all from the data."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.activities import cost_descriptions, vocabulary
from macros.data.model import Catalogue
from macros.html.builders import link, relative_url, table
from macros.html.evidence_text import level_badge, level_number
from macros.pages.page import Body
from macros.rules.evidence import activity_evidence, gap_map, outcome_domains, unlinked_results
from macros.text import urls
from macros.text.slugs import slugify


def _cell(catalogue: Catalogue, cell, page_url: str) -> Markup:
    if not cell.results:
        return Markup('<td class="bse-cell bse-gap"><span aria-hidden="true">–</span> <span class="bse-sr">Ingen resultater</span></td>')
    href = relative_url(page_url, urls.activity(cell.activity)) + f"#evidens-{slugify(cell.domain)}"
    n = len(cell.results)
    if cell.design is None:  # only counts, trends, context figures or judgements: shown, never a level
        return Markup(
            '<td class="bse-cell bse-level--0" data-count="{n}" data-level="0"><a href="{href}">{n} {word}</a> '
            '<span class="bse-cell__design">ingen effektmåling</span> <span class="bse-cell__level">Niveau 0 af {top}</span></td>'
        ).format(top=max(catalogue.knowledge_levels), n=n, href=href, word="resultat" if n == 1 else "resultater")
    return Markup(
        '<td class="bse-cell bse-level--{lvl}" data-count="{n}" data-level="{lvl}"><a href="{href}">{n} {word}</a> '
        '<span class="bse-cell__design">{design}</span> <span class="bse-cell__level">Niveau {lvl} af {top}</span></td>'
    ).format(lvl=cell.level, top=max(catalogue.knowledge_levels), n=n, href=href, word="resultat" if n == 1 else "resultater", design=cell.design)


def legend(catalogue: Catalogue) -> Markup:
    items = Markup("").join(
        Markup("<li>{}</li>").format(level_badge(catalogue, lvl)) for lvl in sorted(catalogue.knowledge_levels)
    )
    return Markup('<ul class="bse-legend" aria-label="Farverne i kortet">{}</ul>').format(items)


def shown_level(catalogue: Catalogue, evidence) -> Markup:
    """The activity's level as its page shows it, saying so when the editors set it (the cells show what each domain's results give)."""
    shown = level_number(catalogue, evidence.level)
    if evidence.overridden:
        shown += Markup('<span class="bse-cell__note">sat af redaktionen; beregnet {}</span>').format(evidence.computed)
    return shown


def gap_map_table(catalogue: Catalogue, page_url: str) -> Body:
    rows = gap_map(catalogue)
    domains = outcome_domains(catalogue)
    filled = sum(1 for _, cells in rows for c in cells if c.results)
    with_any = sum(1 for _, cells in rows if any(c.results for c in cells))
    summary = Markup(
        "<p>{} af {} aktiviteter har mindst ét resultat. {} af {} felter i kortet er tomme: der er endnu ingen "
        "evaluering med resultater for den aktivitet på det område.</p>"
    ).format(with_any, len(rows), len(rows) * len(domains) - filled, len(rows) * len(domains))
    head = Markup('<th scope="col">Aktivitet</th> <th scope="col">Niveau</th> ') + Markup(" ").join(
        Markup('<th scope="col">{}</th>').format(d.capitalize()) for d in domains
    )
    body = Markup("").join(
        Markup('<tr><th scope="row">{}</th> <td>{}</td> {}</tr> ').format(
            link(relative_url(page_url, urls.activity(a.slug)), a.title),
            shown_level(catalogue, activity_evidence(catalogue, a)),
            Markup(" ").join(_cell(catalogue, c, page_url) for c in cells),
        )
        for a, cells in rows
    )
    grid = Markup(
        '<div class="bse-table bse-gapmap" tabindex="0" role="region" aria-label="Evidenskort"><table><caption>Evidenskort: {} aktiviteter og {} '
        'udfaldsområder</caption> '
        "<thead><tr>{}</tr></thead> <tbody>{}</tbody></table></div>"
    ).format(len(rows), len(domains), head, body)
    return Body.of(page_url, summary + legend(catalogue) + grid)


def unlinked_table(catalogue: Catalogue, page_url: str) -> Body:
    rows = [
        (
            link(relative_url(page_url, urls.study(r.study_id)) + f"#resultat-{r.result_id}", catalogue.studies[r.study_id].title),
            r.intervention,
            r.outcome,
            r.outcome_domain,
            r.design,
        )
        for r in unlinked_results(catalogue)
    ]
    return Body.of(page_url, table(("Studie", "Indsats", "Udfald", "Område", "Design"), rows, caption=f"{len(rows)} resultater uden for kortet"))


def knowledge_levels_table(catalogue: Catalogue, page_url: str) -> Body:
    counts = {lvl: 0 for lvl in catalogue.knowledge_levels}
    for a in catalogue.activities.values():
        counts[activity_evidence(catalogue, a).level] += 1
    rows = [(level_badge(catalogue, k.level), k.rule, counts[k.level]) for k in sorted(catalogue.knowledge_levels.values(), key=lambda k: k.level)]
    return Body.of(page_url, table(("Niveau", "Regel", "Aktiviteter i kataloget"), rows, caption="Vidensniveauer", numeric=(2,)))


def kinds_table(catalogue: Catalogue, page_url: str) -> Body:
    """The kinds of result, from result_kinds.csv: which count towards a level and which are only shown."""
    used = [r.kind for results in catalogue.results.values() for r in results]
    rows = [(k.kind.capitalize(), "ja" if k.counts else "nej", k.description, used.count(k.kind)) for k in catalogue.result_kinds.values()]
    return Body.of(page_url, table(("Slags", "Tæller med", "Hvad det er", "Resultater"), rows, caption="Slags resultater", numeric=(3,)))


def designs_table(catalogue: Catalogue, page_url: str) -> Body:
    used = [r.design for results in catalogue.results.values() for r in results]
    rows = [(d.design, level_badge(catalogue, d.level), d.description, used.count(d.design)) for d in catalogue.designs.values()]
    return Body.of(
        page_url, table(("Design", "Giver niveau", "Hvad designet er", "Resultater"), rows, caption="Designs, fra stærkest til svagest", numeric=(3,))
    )


def cost_levels_table(page_url: str) -> Body:
    descriptions = cost_descriptions()
    rows = [(level, descriptions[level]) for level in vocabulary("cost_level")]
    return Body.of(page_url, table(("Omkostningsniveau", "Betyder"), rows, caption="Omkostningsniveauer"))
