"""The catalogue of core activities: cards with filters (progressive enhancement) and tag pages."""

from __future__ import annotations

from markupsafe import Markup

from macros.charts.cost_effect import cost_effect_chart
from macros.data.activities import vocabulary
from macros.data.model import Activity, Catalogue
from macros.html.blocks import breadcrumb
from macros.html.builders import link, link_list, relative_url
from macros.html.evidence_text import level_badge
from macros.pages.page import Body, Page, SearchEntry
from macros.rules.evidence import activity_evidence, sorted_activities
from macros.text import urls
from macros.text.format import count
from macros.text.slugs import slugify

COST_ORDER = {"lav": 1, "middel": 2, "høj": 3}


def card(catalogue: Catalogue, activity: Activity, page_url: str) -> Markup:
    """One activity as a list item; data-* attributes are what the filter script reads."""
    evidence = activity_evidence(catalogue, activity)
    text = " ".join((activity.title, activity.summary, *activity.themes, *activity.target_groups)).lower()
    themes = link_list(page_url, activity.themes, urls.theme)
    groups = link_list(page_url, activity.target_groups, urls.target_group)
    return Markup(
        '<li class="bse-card" data-tema="{t}" data-maalgruppe="{g}" data-niveau="{lvl}" data-omkostning="{cost}" data-titel="{title}" data-tekst="{text}">'
        '<h3 class="bse-card__title">{link}</h3><p>{summary}</p>'
        '<dl class="bse-facts"><dt>Temaer</dt> <dd>{themes}</dd> <dt>Målgrupper</dt> <dd>{groups}</dd>'
        " <dt>Vidensniveau</dt> <dd>{badge}</dd> <dt>Omkostning</dt> <dd>{cost_level}</dd></dl></li>"
    ).format(
        t=" ".join(slugify(t) for t in activity.themes), g=" ".join(slugify(g) for g in activity.target_groups),
        lvl=evidence.level, cost=COST_ORDER[activity.cost_level], title=activity.title, text=text,
        link=link(relative_url(page_url, urls.activity(activity.slug)), activity.title), summary=activity.summary,
        themes=themes, groups=groups, badge=level_badge(catalogue, evidence.level), cost_level=activity.cost_level,
    )


def cards(catalogue: Catalogue, activities, page_url: str) -> Markup:
    items = Markup("").join(card(catalogue, a, page_url) for a in activities)
    return Markup('<ul class="bse-cards" data-catalogue-list>{}</ul>').format(items)


def _select(name: str, label: str, everything: str, options) -> Markup:
    opts = Markup(" ").join(Markup('<option value="{}">{}</option>').format(v, t) for v, t in options)
    return Markup(
        '<div class="bse-filter__field"><label for="filter-{0}">{1}</label> <select id="filter-{0}" name="{0}"><option value="">{2}</option> '
        '{3}</select></div> '
    ).format(name, label, everything, opts)


def filter_form(catalogue: Catalogue) -> Markup:
    """Hidden until the script runs: without JavaScript the full list and the tag pages remain."""
    levels = [(lvl, f"Mindst {lvl} – {k.name}") for lvl, k in sorted(catalogue.knowledge_levels.items()) if lvl > 0]
    fields = (
        _select("tema", "Tema", "Alle temaer", [(slugify(t), t) for t in vocabulary("themes")])
        + _select("maalgruppe", "Målgruppe", "Alle målgrupper", [(slugify(g), g) for g in vocabulary("target_groups")])
        + _select("niveau", "Vidensniveau", "Alle niveauer", levels)
        + Markup(
            '<div class="bse-filter__field"><label for="filter-q">Søg i kataloget</label> <input id="filter-q" name="q" type="search" autocomplete="off"></div>'
        )
        + Markup(
            '<div class="bse-filter__field"><label for="filter-sort">Sortér efter</label> <select id="filter-sort" name="sort">'
            '<option value="titel">Titel (A–Å)</option> <option value="niveau">Vidensniveau, højeste først</option> '
            '<option value="omkostning">Omkostning, laveste først</option></select></div> '
        )
        + Markup('<div class="bse-filter__field bse-filter__reset"><button type="reset" class="md-button">Nulstil</button></div>')
    )
    return Markup('<form class="bse-filter" data-catalogue-filter hidden aria-label="Filtrér aktiviteterne" role="search">{}</form>').format(fields)


def tag_links(catalogue: Catalogue, page_url: str) -> Markup:
    def row(label, values, url_of, field):
        items = Markup(" · ").join(
            link(relative_url(page_url, url_of(v)), f"{v} ({sum(v in getattr(a, field) for a in catalogue.activities.values())})") for v in values
        )
        return Markup("<p><strong>{}:</strong> {}</p>").format(label, items)

    return row("Temaer", vocabulary("themes"), urls.theme, "themes") + row("Målgrupper", vocabulary("target_groups"), urls.target_group, "target_groups")


def catalogue_index(catalogue: Catalogue, page_url: str) -> Body:
    activities = sorted_activities(catalogue)
    counter = Markup('<p class="bse-count" data-catalogue-count aria-live="polite">{} aktiviteter</p>').format(len(activities))
    return Body.of(page_url, tag_links(catalogue, page_url) + filter_form(catalogue) + counter + cards(catalogue, activities, page_url))


def cost_effect_section(catalogue: Catalogue, page_url: str) -> Body:
    """Cost level, direction of the strongest comparable result and knowledge level of every activity, in one chart."""
    body = Body(page_url)
    body.chart(cost_effect_chart(catalogue))
    return body


TAG_FIELDS = {"themes": ("Tema", "tema", urls.theme), "target_groups": ("Målgruppe", "maalgruppe", urls.target_group)}


def tag_page(catalogue: Catalogue, field: str, value: str) -> Page:
    """All activities with one theme or target group, and a link to the filtered catalogue."""
    label, parameter, url_of = TAG_FIELDS[field]
    url = url_of(value)
    activities = [a for a in sorted_activities(catalogue) if value in getattr(a, field)]
    filtered = relative_url(url, urls.catalogue()) + f"?{parameter}={slugify(value)}"
    body = Body(url)
    body.add(breadcrumb(url, ((urls.catalogue(), "Aktiviteter"),), f"{label}: {value}"))
    body.heading(2, "Aktiviteter")
    body.add(
        Markup("<p>{}. {}.</p>").format(count(len(activities), "aktivitet", "aktiviteter"), link(filtered, "Åbn kataloget med dette filter"))
        + cards(catalogue, activities, url)
    )
    title = f"{label}: {value}"
    return Page(url, title, body, SearchEntry(title, "Aktiviteter i kataloget: " + ", ".join(a.title for a in activities) + "."))
