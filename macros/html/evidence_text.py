"""Small HTML fragments about evidence shared by activity, study, catalogue and gap-map pages (their words: macros/rules/evidence_words.py)."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.model import Catalogue, Result
from macros.rules.evidence_words import level_label
from macros.text.links import external


def level_badge(catalogue: Catalogue, level: int) -> Markup:
    """The level's words, coloured by level; the words carry the meaning, not the colour."""
    return Markup('<span class="bse-level bse-level--{}">{}</span>').format(level, level_label(catalogue, level))


def level_number(catalogue: Catalogue, level: int) -> Markup:
    """A compact badge for tables: the number shown, the name read out by screen readers."""
    name = catalogue.knowledge_levels[level].name
    return Markup('<span class="bse-level bse-level--{0}" title="{1}">{0}<span class="bse-sr"> · {1}</span></span>').format(level, name)


def kind_text(catalogue: Catalogue, result: Result) -> Markup:
    """'Effektmåling – Niveau 3 af 4 · …' for a counting result; a non-counting kind says it does not raise the level."""
    design = catalogue.designs[result.design]
    if catalogue.result_kinds[result.kind].counts:
        return Markup("{}, {} – {}").format(result.kind.capitalize(), result.design, level_badge(catalogue, design.level))
    return Markup("{}, {} – tæller ikke med i vidensniveauet").format(result.kind.capitalize(), result.design)


def citation(catalogue: Catalogue, study_id: str) -> Markup:
    """'Evaluator (år): Titel. Pulje. Adresse' – the way a reader would cite the study."""
    s = catalogue.studies[study_id]
    pool = Markup(" {}.").format(s.pool) if s.pool else ""
    return Markup("{} ({}): <cite>{}</cite>.{} {}").format(s.evaluator, s.year or "u.å.", s.title, pool, external(s.url, s.url))
