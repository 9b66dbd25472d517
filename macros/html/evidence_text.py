"""Small fragments about evidence shared by activity, study, catalogue and gap-map pages."""

from __future__ import annotations

from markupsafe import Markup

from macros.html.format import number
from macros.html.builders import external
from macros.data.model import Catalogue, Result


def level_label(catalogue: Catalogue, level: int) -> str:
    """'Niveau 3 af 4 · Sammenligning': the level, out of the scale, in words a reader follows."""
    return f"Niveau {level} af {max(catalogue.knowledge_levels)} · {catalogue.knowledge_levels[level].name}"


def level_badge(catalogue: Catalogue, level: int) -> Markup:
    """The level's words, coloured by level; the words carry the meaning, not the colour."""
    return Markup('<span class="bse-level bse-level--{}">{}</span>').format(level, level_label(catalogue, level))


def level_number(catalogue: Catalogue, level: int) -> Markup:
    """A compact badge for tables: the number shown, the name read out by screen readers."""
    name = catalogue.knowledge_levels[level].name
    return Markup('<span class="bse-level bse-level--{0}" title="{1}">{0}<span class="bse-sr"> · {1}</span></span>').format(level, name)


# A result's direction in words; a null result is said as plainly as a positive one.
DIRECTIONS = {"positiv": "Virkning i den ønskede retning", "ingen effekt": "Ingen effekt", "negativ": "Virkning mod hensigten", "blandet": "Blandet virkning"}
NOT_MEASURED = "Ikke målt"  # no counting result with a direction


def direction_label(result: Result) -> str:
    """What the result found, for an effect measurement; '' for the kinds that measure no effect."""
    return DIRECTIONS.get(result.direction or "", "")


def kind_text(catalogue: Catalogue, result: Result) -> Markup:
    """'Effektmåling – Niveau 3 af 4 · …' for a counting result; a non-counting kind says it does not raise the level."""
    design = catalogue.designs[result.design]
    if catalogue.result_kinds[result.kind].counts:
        return Markup("{}, {} – {}").format(result.kind.capitalize(), result.design, level_badge(catalogue, design.level))
    return Markup("{}, {} – tæller ikke med i vidensniveauet").format(result.kind.capitalize(), result.design)


def figures(result: Result) -> str:
    """'62 % mod 47 %', or '' when the result has no figure."""
    if result.treated_value is None:
        return ""
    unit = f" {result.unit}" if result.unit else ""
    text = f"{number(result.treated_value)}{unit}"
    if result.comparison_value is not None:
        text += f" mod {number(result.comparison_value)}{unit}"
    return text


def citation(catalogue: Catalogue, study_id: str) -> Markup:
    """'Evaluator (år): Titel. Pulje. Adresse' – the way a reader would cite the study."""
    s = catalogue.studies[study_id]
    pool = Markup(" {}.").format(s.pool) if s.pool else ""
    return Markup("{} ({}): <cite>{}</cite>.{} {}").format(s.evaluator, s.year or "u.å.", s.title, pool, external(s.url, s.url))
