"""The editors' guide, made from the packages' own schemas so it cannot drift from what the checks accept."""

from __future__ import annotations

from markupsafe import Markup

from macros.data.macro_calls import SCOPE_WORDS, written
from macros.data.model import Catalogue, FieldInfo
from macros.html.builders import table
from macros.pages.page import Body
from macros.text.format import number

TYPES = {"string": "tekst", "integer": "helt tal", "number": "tal (punktum som decimaltegn)", "boolean": "true eller false"}


def allowed(field: FieldInfo) -> str:
    """What a cell of the field may hold, in words."""
    c = field.constraints
    if "enum" in c:
        return "én af: " + "; ".join(map(str, c["enum"]))
    if str(c.get("pattern", "")).startswith("^https?"):
        return "en webadresse, der begynder med https://"
    if "pattern" in c:
        return "små bogstaver a–z, tal og bindestreg (æ→ae, ø→oe, å→aa)"
    text = TYPES.get(field.type, field.type)
    low, high = c.get("minimum"), c.get("maximum")
    if field.name == "year" and high is None:
        return f"{text} fra {low} til i år" if low is not None else f"{text} til og med i år"
    if field.name == "year" and low is not None and high is not None:  # a year is written without a thousands dot
        return f"{text} fra {low} til {high}"
    if low is not None and high is not None:
        return f"{text} fra {number(low)} til {number(high)}"
    if low is not None:
        return f"{text} på mindst {number(low)}"
    return text


def columns(catalogue: Catalogue, name: str, page_url: str) -> Body:
    """Every column of one table ('evaluations/studies'): name, title, whether it must be filled in, what it may hold, and what it means."""
    package, _, resource = name.partition("/")
    found = next(r for r in catalogue.packages[package].resources if r.name == resource)
    rows = [
        (Markup("<code>{}</code>").format(f.name), f.title, "ja" if f.constraints.get("required") else "nej", allowed(f), f.description) for f in found.fields
    ]
    return Body.of(
        page_url, table(("Kolonne", "Titel", "Skal udfyldes", "Tilladt", "Betyder"), rows, caption=f"Kolonnerne i datapackages/{package}/{found.path}")
    )


def import_targets(catalogue: Catalogue, page_url: str) -> Body:
    """Every table import_csv can write: what to give after --into."""
    rows = [
        (Markup("<code>{}/{}</code>").format(p.name, r.name), r.title, f"datapackages/{p.name}/{r.path}")
        for p in catalogue.packages.values()
        for r in p.resources
    ]
    return Body.of(page_url, table(("--into", "Tabel", "Fil"), rows, caption="Tabeller, import_csv kan skrive til"))


def macros_table(specs, catalogue: Catalogue, page_url: str) -> Body:
    """Every macro a page may call, as written, where it works and what its arguments may be (macros/pages/editorial.py)."""

    def arguments(spec) -> str:
        if spec.variable:
            return "et tal, skrives uden parenteser"
        if not spec.params:
            return "ingen"
        return "; ".join(
            f"{p.name}: "
            + (
                "én af " + ", ".join(f'"{c}"' for c in p.choices)
                if isinstance(p.choices, tuple) and p.choices
                else f'en tabel som "{p.example}" (se tabellen over import_csv)'
            )
            for p in spec.params
        )

    rows = [(Markup("<code>[[ {} ]]</code>").format(written(s)), SCOPE_WORDS[s.scope], arguments(s)) for s in sorted(specs, key=lambda s: (s.scope, s.name))]
    return Body.of(page_url, table(("Kald", "Virker på", "Argumenter"), rows, caption="Sitets makroer"))
