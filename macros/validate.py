"""Frictionless validation of one data package, reported as Problems an editor can act on."""

from __future__ import annotations

from pathlib import Path

from frictionless import Package

from macros.problems import Problem

_TYPE_HINTS = {
    "number": "Skriv et tal med punktum som decimaltegn og uden tusindtalsseparator, fx 1234.5 (ikke 1.234,5).",
    "integer": "Skriv et helt tal uden decimaler og uden tusindtalsseparator, fx 2021.",
    "boolean": "Skriv true eller false.",
}


def _constraint_hint(note: str, field: dict | None) -> tuple[str, str]:
    constraints = (field or {}).get("constraints", {})
    if '"required"' in note:
        return "feltet er tomt, men skal udfyldes", "Udfyld feltet."
    if '"enum"' in note:
        allowed = ", ".join(map(str, constraints.get("enum", [])))
        return "værdien er ikke en af de tilladte", f"Brug en af: {allowed}."
    if '"minimum"' in note or '"maximum"' in note:
        low, high = constraints.get("minimum"), constraints.get("maximum")
        if low is not None and high is not None:
            allowed = f"fra {low} til {high}"
        else:
            allowed = f"på mindst {low}" if low is not None else f"på højst {high}"
        return "værdien er uden for det tilladte interval", f"Brug en værdi {allowed}."
    if '"pattern"' in note:
        if constraints.get("pattern", "").startswith("^https?"):
            return "værdien er ikke en webadresse", "Skriv hele adressen, så den begynder med http:// eller https://, uden mellemrum."
        return "værdien har ikke den rigtige form", "Brug kun små bogstaver a–z, tal og bindestreg (æ→ae, ø→oe, å→aa), fx korsloekkeparken-oest."
    if '"unique"' in note:
        return "værdien findes allerede i en anden række", "Hver værdi må kun stå én gang; ret eller slet dubletten."
    return note, "Ret værdien så den opfylder feltets regel i datapackage.json."


def _problem(error, file: str, fields: dict[str, dict]) -> Problem:
    kind = error.type
    line = getattr(error, "row_number", None)
    name = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    field = fields.get(name or "")
    if kind == "type-error":
        field_type = (field or {}).get("type", "")
        return Problem(file, f"værdien er ikke af typen {field_type}", _TYPE_HINTS.get(field_type, "Ret værdien."), line, name, cell)
    if kind == "constraint-error":
        message, hint = _constraint_hint(error.note, field)
        return Problem(file, message, hint, line, name, cell)
    if kind in ("primary-key", "unique-error"):
        return Problem(file, "nøglen findes allerede i en anden række", "Hver nøgle må kun stå én gang; ret eller slet dubletten.", line, name, cell)
    if kind == "foreign-key":
        return Problem(file, "værdien henviser til noget der ikke findes", "Brug et id der står i den ressource feltet henviser til.", line, name or _cells(error), cell)
    if kind == "extra-label":
        return Problem(file, "kolonnen er ikke beskrevet i datapackage.json", "Slet kolonnen, eller beskriv den i pakkens skema.", None, getattr(error, "label", None))
    if kind in ("missing-label", "incorrect-label", "blank-label", "duplicate-label"):
        return Problem(file, "kolonneoverskrifterne passer ikke til skemaet", "Brug præcis de kolonner skemaet i datapackage.json nævner, i samme rækkefølge.", None, getattr(error, "label", None))
    if kind in ("extra-cell", "missing-cell", "blank-row"):
        return Problem(file, "rækken har ikke det rigtige antal celler", "Sørg for at rækken har én værdi pr. kolonne adskilt af komma; sæt tekst med komma i anførselstegn.", line, name)
    if kind == "source-error" and "empty" in error.message:
        return Problem(file, "filen er tom", "Gendan filen fra git, eller skriv mindst kolonneoverskrifterne fra datapackage.json i første linje.")
    if kind == "encoding-error":
        return Problem(file, "filen er ikke gemt som UTF-8", "Gem filen som CSV UTF-8 (kommasepareret).")
    return Problem(file, error.message, "Ret filen så den følger skemaet i datapackage.json.", line, name)


def _cells(error) -> str | None:
    names = getattr(error, "field_names", None)
    return ", ".join(names) if names else None


def validate_package(descriptor: Path, root: Path) -> list[Problem]:
    """Validate schema, types, constraints and keys of one package; every error becomes a Problem."""
    relative = descriptor.relative_to(root).as_posix()
    try:
        package = Package(str(descriptor))
    except Exception as error:  # a broken descriptor is reported, not raised
        return [Problem(relative, f"datapackage.json kan ikke læses: {error}", "Ret JSON-filen; en validator som jsonlint viser hvor.")]
    problems: list[Problem] = []
    report = package.validate()
    for error in report.errors:
        problems.append(Problem(relative, error.message, "Ret datapackage.json."))
    for task in report.tasks:
        file = (descriptor.parent / task.place).relative_to(root).as_posix() if task.place else relative
        fields = {f["name"]: f for f in _schema_fields(package, task.name)}
        for error in task.errors:
            problems.append(_problem(error, file, fields))
    return problems


def _schema_fields(package: Package, resource_name: str) -> list[dict]:
    for resource in package.to_descriptor().get("resources", []):
        if resource.get("name") == resource_name:
            return resource.get("schema", {}).get("fields", [])
    return []


def unlisted_files(folder: Path, descriptor: dict, root: Path) -> list[Problem]:
    """A CSV no resource lists would silently never be published; report it."""
    listed = {r.get("path") for r in descriptor.get("resources", [])}
    return [
        Problem(path.relative_to(root).as_posix(), "CSV-filen står ikke i pakkens datapackage.json", "Tilføj den som ressource i datapackage.json, eller slet den.")
        for path in sorted(folder.glob("*.csv"))
        if path.name not in listed
    ]

