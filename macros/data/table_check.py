"""Check and read the rows of one package's CSV resources against their Table Schemas, column by column.

frictionless checks the descriptors (validate.py); this checks the rows, because frictionless's
row-by-row validation takes about a minute for a national data set (1.1 million observations)
while a column-wise pass over the same rules takes a few seconds. The rules are those the
packages use: types string, integer, number, boolean; constraints required, enum, minimum,
maximum, pattern, unique; primaryKey and foreignKeys within the package. A test runs both
checkers on broken fixtures and requires that they flag the same file, line and field.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from datetime import date
from pathlib import Path

import pandas

from macros.data.problems import TODO, Problem, did_you_mean
from macros.data.table import Table
from macros.text.format import count

# a quoted cell may be long (a study's summary): the limit frictionless sets when it is imported, set here, since a build
# whose descriptors frictionless has judged before no longer imports it (validate.py)
csv.field_size_limit(2**31 - 2)
MAX_PER_RESOURCE = 50  # more would drown the message; the count of the rest is reported
TRUE, FALSE = ("true", "True", "TRUE", "1"), ("false", "False", "FALSE", "0")  # frictionless's defaults
_TYPES = {
    "integer": re.compile(r"[+-]?\d+"),
    "number": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"),
    "boolean": re.compile("|".join(TRUE + FALSE)),
}
TYPE_MESSAGES = {"number": "værdien er ikke et tal", "integer": "værdien er ikke et helt tal", "boolean": "værdien er hverken true eller false"}
TYPE_HINTS = {
    "number": "Skriv et tal med punktum som decimaltegn og uden tusindtalsseparator, fx 1234.5 (ikke 1.234,5).",
    "integer": "Skriv et helt tal uden decimaler og uden tusindtalsseparator, fx 2021.",
    "boolean": "Skriv true eller false.",
}


def constraint_hint(note: str, field: dict | None, value: str | None = None) -> tuple[str, str]:
    constraints = (field or {}).get("constraints", {})
    if '"required"' in note:
        return "feltet er tomt, men skal udfyldes", "Udfyld feltet."
    if '"enum"' in note:
        allowed = constraints.get("enum", [])
        guess = did_you_mean(value, allowed) if value is not None else ""
        return "værdien er ikke en af de tilladte", f"Brug en af: {', '.join(map(str, allowed))}.{guess}"
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


_CONVERT = {"integer": int, "number": float, "boolean": TRUE.__contains__}


EMPTY = Problem("", "filen er tom", "Gendan filen fra git, eller skriv mindst kolonneoverskrifterne fra datapackage.json i første linje.")


def import_hint(file: str) -> str:
    """How to bring a file from Excel into this resource with build_scripts.commands.import_csv."""
    path = Path(file)
    command = f".venv/bin/python -m build_scripts.commands.import_csv FIL.csv --into {path.parent.name}/{path.stem}"
    return f"Importér filen med: {command} (den læser semikolon, decimalkomma og Windows-1252)"


def _uneven(file: str, line: int, found: int, width: int) -> Problem:
    hint = "Sørg for, at rækken har én værdi pr. kolonne adskilt af komma, og sæt tekst med komma i anførselstegn."
    if found > width:
        hint = "Et decimaltal skrevet med komma uden anførselstegn (fx 12,5) er den almindelige årsag: skriv 12.5. " + hint
    return Problem(file, f"rækken har {found} celler, men skal have {width} (én pr. kolonne)", hint, line)


def _read(path: Path, file: str) -> tuple[list[str], list[list[str]], list[Problem]] | Problem:
    """Header, columns and uneven or blank rows. Files without quotes take a C-speed path (pandas); the result is the same."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return Problem(
            file,
            "filen er ikke gemt som UTF-8 (Excel gemmer ofte i Windows-1252, så æ, ø og å ville blive forkerte)",
            f"{import_hint(file)}, eller gem filen i Excel som 'CSV UTF-8 (kommasepareret)'.",
        )
    if not text.strip():
        return Problem(file, EMPTY.message, EMPTY.hint)
    first = text.split("\n", 1)[0]
    if first.count(";") > first.count(","):
        return Problem(
            file,
            "filen bruger semikolon som skilletegn, sådan som dansk Excel gemmer, men pakkens filer bruger komma",
            f"{import_hint(file)}. Den skriver filen om med komma og decimalpunktum.",
            1,
        )
    plain = '"' not in text and "\r" not in text
    if plain and (even := _even(raw.removeprefix(codecs.BOM_UTF8))) is not None:
        return even
    rows = [line.split(",") for line in text.removesuffix("\n").split("\n")] if plain else list(csv.reader(io.StringIO(text, newline="")))
    widths = list(map(len, rows[1:]))
    blank = [i for i, row in enumerate(rows[1:]) if not any(row)]
    width = len(rows[0])
    uneven = sorted({i for i, w in enumerate(widths) if w != width} | set(blank))
    if uneven:
        empty = set(blank)
        return (
            rows[0],
            [],
            [Problem(file, "rækken er tom", "Slet den tomme række.", i + 2) if i in empty else _uneven(file, i + 2, widths[i], width) for i in uneven],
        )
    return rows[0], [list(column) for column in zip(*rows[1:])] if len(rows) > 1 else [[] for _ in range(width)], []


def _even(raw: bytes) -> tuple[list[str], list[list[str]], list[Problem]] | None:
    """Header and columns of a file without quotes whose every line has one cell per column and is not blank, read by
    pandas's C parser; None when a line is uneven or blank, for the line-by-line reading to name it. Asked with two
    counts and one search rather than a look at each line (a national file has a million): when the commas add up and
    no line has more cells than the header (the first is counted, pandas stops at any other), no line has fewer."""
    body = raw.removesuffix(b"\n")
    header, _, rest = body.partition(b"\n")
    labels = header.decode("utf-8").split(",")
    lines = body.count(b"\n")
    if not lines:
        return labels, [[] for _ in labels], []
    width = len(labels)
    # pandas takes a first line longer than the header for one with an index column; every later one it stops at
    if rest.count(b",") != (width - 1) * lines or rest.split(b"\n", 1)[0].count(b",") != width - 1 or \
            b"\n" + b"," * (width - 1) + b"\n" in b"\n" + rest + b"\n":
        return None
    try:  # from bytes, which pandas decodes in C: a third faster than from text
        frame = pandas.read_csv(io.BytesIO(rest), header=None, names=list(range(width)), dtype=str, na_filter=False, skip_blank_lines=False)
    except pandas.errors.ParserError:
        return None
    return (labels, [frame[i].tolist() for i in range(width)], []) if len(frame) == lines else None


def _header(labels: list[str], names: list[str], file: str) -> list[Problem]:
    if labels == names:
        return []
    extra = [label for label in labels if label not in names]
    if extra:
        return [Problem(file, "kolonnen er ikke beskrevet i datapackage.json", "Slet kolonnen, eller beskriv den i pakkens skema.", None, extra[0])]
    wrong = next((n for i, n in enumerate(names) if i >= len(labels) or labels[i] != n), None)
    return [
        Problem(
            file, "kolonneoverskrifterne passer ikke til skemaet", "Brug præcis de kolonner skemaet i datapackage.json nævner, i samme rækkefølge.", None, wrong
        )
    ]


def _cell_problems(name: str, field: dict, column: list[str], missing: frozenset, file: str, referring: bool = False) -> list[tuple[int, Problem]]:
    """(row index, problem) for every cell of one column that breaks the field's type or constraints."""
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    # Rules are tested once per distinct value (a national column of a million cells has a few thousand);
    # only a column that breaks one is walked row by row to name the lines.
    values = set(column)
    bad: dict[str, tuple[str, str]] = {}
    allowed = constraints.get("enum")
    unfinished = {v for v in values if TODO in v}
    # a scaffolded row (build_scripts/commands/scaffold.py): say it is not filled in yet, not that it breaks a rule
    if not referring:
        bad.update(
            dict.fromkeys(
                unfinished,
                (
                    "feltet er ikke udfyldt endnu",
                    "Erstat UDFYLD med den rigtige værdi" + (f"; brug en af: {', '.join(map(str, allowed))}." if allowed else "."),
                ),
            )
        )
    values -= unfinished
    if constraints.get("required"):
        bad.update(dict.fromkeys(values & missing, constraint_hint('"required"', field)))
    values -= missing
    pattern = _TYPES.get(kind)
    if pattern is not None:
        bad.update(dict.fromkeys((v for v in values if not pattern.fullmatch(v)), (TYPE_MESSAGES[kind], TYPE_HINTS[kind])))
        values -= set(bad)
    convert = _CONVERT.get(kind, str)
    checks = []
    if "enum" in constraints:
        allowed = set(map(str, constraints["enum"]))
        checks.append(('"enum"', lambda v: v in allowed))
    low, high = constraints.get("minimum"), constraints.get("maximum")
    if low is not None or high is not None:
        checks.append(('"minimum"', lambda v: (low is None or convert(v) >= low) and (high is None or convert(v) <= high)))
    if "pattern" in constraints:
        checks.append(('"pattern"', re.compile(constraints["pattern"]).fullmatch))
    for note, ok in checks:
        bad.update({v: constraint_hint(note, field, v) for v in values if v not in bad and not ok(v)})
    found = [(i, Problem(file, *bad[v], i + 2, name, v)) for i, v in enumerate(column) if v in bad] if bad else []
    if constraints.get("unique") and len(values) < len(column) - sum(v in missing for v in column):
        seen: set[str] = set()
        message, hint = constraint_hint('"unique"', field)
        found += [(i, Problem(file, message, hint, i + 2, name, v)) for i, v in enumerate(column) if v not in missing and (v in seen or seen.add(v))]
    return found


def _year_limit(field: dict) -> dict:
    """A 'year' with no maximum in its schema may be any year up to this one: new data years need no schema change, typing errors are still caught."""
    constraints = field.get("constraints", {})
    if field["name"] != "year" or field.get("type") != "integer" or "maximum" in constraints:
        return field
    return {**field, "constraints": {**constraints, "maximum": date.today().year}}


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def check_resource(path: Path, resource: dict, file: str) -> tuple[dict[str, list[str]] | None, list[Problem]]:
    """The resource's columns as text (None if unreadable) and every problem in it, in line order."""
    schema = resource.get("schema", {})
    fields = schema.get("fields", [])
    names = [f["name"] for f in fields]
    read = _read(path, file)
    if isinstance(read, Problem):
        return None, [read]
    labels, data, uneven = read
    header = _header(labels, names, file)
    if header or uneven:
        return None, header or _capped(list(enumerate(uneven)), file)
    columns = dict(zip(names, data))
    found: list[tuple[int, Problem]] = []
    missing = frozenset(schema.get("missingValues", [""]))
    key = _as_list(schema.get("primaryKey", []))
    # an unfinished cell of a foreign key is reported by foreign_key_problems, which can name the choices
    referring = {f for fk in schema.get("foreignKeys", []) for f in _as_list(fk["fields"])}
    for field in map(_year_limit, fields):
        if field["name"] in key:
            field = {**field, "constraints": {**field.get("constraints", {}), "required": True}}
        found += _cell_problems(field["name"], field, columns[field["name"]], missing, file, field["name"] in referring)
    keys = list(zip(*(columns[k] for k in key))) if key else []
    if len(set(keys)) < len(keys) or any(missing & set(columns[k]) for k in key):  # walk the rows only to name them
        seen: set[tuple] = set()
        for i, cells in enumerate(keys):
            if any(c in missing for c in cells):
                found.append(
                    (
                        i,
                        Problem(
                            file, "nøglen er ikke udfyldt helt", f"Udfyld {', '.join(key)}; de udgør rækkens nøgle.", i + 2, ", ".join(key), ", ".join(cells)
                        ),
                    )
                )
            elif cells in seen:
                found.append(
                    (
                        i,
                        Problem(
                            file,
                            "nøglen findes allerede i en anden række",
                            "Hver nøgle må kun stå én gang; ret eller slet dubletten.",
                            i + 2,
                            ", ".join(key),
                            ", ".join(cells),
                        ),
                    )
                )
            seen.add(cells)
    return columns, _capped(found, file)


LISTED = 30  # a referenced table this short has its rows named as the choices


def choices(target: dict[str, list[str]], reference: dict, where: str) -> str:
    """What to write instead of UDFYLD: the referenced rows to pick from, with the knowledge level where the table
    has one beside its key (designs), or, for a long table, where to find an id."""
    key = _as_list(reference["fields"])[0]
    keys = target[key]
    if len(keys) > LISTED:
        return f"et id fra {where}"
    levels = target.get("level") if key != "level" else None
    return "en af: " + "; ".join(f"{k} (niveau {levels[i]})" if levels else k for i, k in enumerate(keys))


def foreign_key_problems(resource: dict, columns: dict[str, list[str]], tables: dict[str, dict[str, list[str]]], file: str) -> list[Problem]:
    """Rows whose foreign key names no row of the referenced resource in the same package."""
    schema = resource.get("schema", {})
    missing = frozenset(schema.get("missingValues", [""]))
    found: list[tuple[int, Problem]] = []
    for fk in schema.get("foreignKeys", []):
        fields, reference = _as_list(fk["fields"]), fk["reference"]
        target = tables.get(reference.get("resource") or resource["name"])
        if target is None:
            continue  # the referenced resource had its own problems, already reported
        known = set(zip(*(target[f] for f in _as_list(reference["fields"]))))
        where = f"{reference.get('resource') or resource['name']}.csv"
        rows = list(zip(*(columns[f] for f in fields))) if len(fields) > 1 else None
        distinct = set(rows) if rows is not None else {(v,) for v in set(columns[fields[0]])}
        if all((cells in known or all(c in missing for c in cells)) and not any(TODO in c for c in cells) for cells in distinct):  # once per distinct key
            continue
        for i, cells in enumerate(rows if rows is not None else zip(columns[fields[0]])):
            if any(TODO in c for c in cells):
                found.append(
                    (
                        i,
                        Problem(
                            file,
                            "feltet er ikke udfyldt endnu",
                            f"Erstat UDFYLD med {choices(target, reference, where)}.",
                            i + 2,
                            ", ".join(fields),
                            ", ".join(cells),
                        ),
                    )
                )
            elif cells not in known and not all(c in missing for c in cells):
                guess = did_you_mean(cells[0], (k[0] for k in known)) if len(cells) == 1 else ""
                found.append(
                    (
                        i,
                        Problem(
                            file,
                            "værdien henviser til noget, der ikke findes",
                            f"Brug et id, der står i {where}.{guess}",
                            i + 2,
                            ", ".join(fields),
                            ", ".join(cells),
                        ),
                    )
                )
    return _capped(found, file)


def typed_rows(columns: dict[str, list[str]], fields: list[dict], missing=frozenset({""})) -> Table:
    """Rows with values converted by the schema's types; a missing value becomes None. Only after checking. Each distinct
    text is converted once (a national column of a million cells has a few thousand), and a text column with nothing
    missing is the checked column itself."""
    typed = {}
    for field in fields:
        convert = _CONVERT.get(field.get("type", "string"))
        column = columns[field["name"]]
        distinct = set(column)
        if convert is None and not distinct & missing:
            typed[field["name"]] = column
        else:
            values = {v: None if v in missing else (convert(v) if convert else v) for v in distinct}
            typed[field["name"]] = [values[v] for v in column]
    return Table(typed)


def _capped(found: list[tuple[int, Problem]], file: str) -> list[Problem]:
    found.sort(key=lambda item: item[0])
    problems = [p for _, p in found[:MAX_PER_RESOURCE]]
    if len(found) > MAX_PER_RESOURCE:
        problems.append(
            Problem(
                file, f"og {count(len(found) - MAX_PER_RESOURCE, 'problem', 'problemer')} mere i samme fil", "Ret dem ovenfor og byg igen; så vises de næste."
            )
        )
    return problems
