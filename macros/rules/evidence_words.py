"""Evidence in plain words, shared by charts and pages: a knowledge level, a result's direction and figures."""

from __future__ import annotations

from macros.data.model import Catalogue, Result
from macros.text.format import number


def level_label(catalogue: Catalogue, level: int) -> str:
    """'Niveau 3 af 4 · Sammenligning': the level, out of the scale, in words a reader follows."""
    return f"Niveau {level} af {max(catalogue.knowledge_levels)} · {catalogue.knowledge_levels[level].name}"


# A result's direction in words; a null result is said as plainly as a positive one.
DIRECTIONS = {"positiv": "Virkning i den ønskede retning", "ingen effekt": "Ingen effekt", "negativ": "Virkning mod hensigten", "blandet": "Blandet virkning"}
NOT_MEASURED = "Ikke målt"  # no counting result with a direction


def direction_label(result: Result) -> str:
    """What the result found, for an effect measurement; '' for the kinds that measure no effect."""
    return DIRECTIONS.get(result.direction or "", "")


def figures(result: Result) -> str:
    """'62 % mod 47 %', or '' when the result has no figure."""
    if result.treated_value is None:
        return ""
    unit = f" {result.unit}" if result.unit else ""
    text = f"{number(result.treated_value)}{unit}"
    if result.comparison_value is not None:
        text += f" mod {number(result.comparison_value)}{unit}"
    return text
