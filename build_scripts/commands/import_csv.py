"""Import a CSV saved from (Danish) Excel into a data package, after checking it.

    python -m build_scripts.commands.import_csv FIL.csv --into indicators/observations [--append]

Reads semicolon files with decimal commas (Danish Excel) and comma files with decimal points, in
UTF-8 (with or without byte-order mark) or Windows-1252. Numbers are read the Danish way in a
semicolon file: "1.234" is one thousand two hundred and thirty-four, "1,5" is one and a half, and a
value like "1.5" is refused as ambiguous. Text that does not look like Danish in any encoding we can
read stops the import instead of turning æ, ø, å into other characters. The converted rows are
checked with the package's schema and every cross reference; only then is the package's CSV
replaced (or, with --append, extended) in canonical form: UTF-8, commas, decimal points.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

from macros.data.load import load
from macros.data.problems import DataError, Problem, summary
from macros.text.format import count

ROOT = Path(__file__).resolve().parents[2]
# Characters Windows-1252 can hold that Danish text never uses; seeing them means a wrong guess
# (a Mac or DOS file, or UTF-8 read twice), so the import stops rather than guess again.
_UNLIKELY = set("¾¿Œœ¦¤¨¬¯´¸¹²³¼ƒˆ˜šžŠŽŸ†‡‰‹›•") | {"Ã", "Â"}
DANISH_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


class ImportError_(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (BOM or not) or Windows-1252, and only when the result looks like Danish text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportError_(
                    [Problem(name, "filens tegnkodning kan ikke læses", "Gem filen i Excel som 'CSV UTF-8 (kommasepareret)' eller 'CSV (semikolonsepareret)'.")]
                )
    bad = sorted({ch for ch in text if ch in _UNLIKELY or (unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")})
    if bad:
        line = next(n for n, row in enumerate(text.split("\n"), start=1) if any(ch in row for ch in bad))
        raise ImportError_(
            [
                Problem(
                    name,
                    "filen ser ud til at være gemt i en anden tegnkodning end UTF-8 eller Windows-1252, så æ, ø og å ville blive forkerte",
                    "Åbn filen i Excel og gem den som 'CSV UTF-8 (kommasepareret)'.",
                    line,
                    None,
                    "".join(bad),
                )
            ]
        )
    return text


def number(value: str, danish: bool, integer: bool) -> str:
    """The canonical form of one number cell, or ValueError with what to write instead."""
    value = value.strip().replace("\u00a0", "").replace(" ", "")
    if value == "":
        return ""
    if danish:
        if not DANISH_NUMBER.match(value):
            raise ValueError("skriv tallet med komma som decimaltegn og punktum som tusindtalsseparator, fx 1.234,5 eller 12,5")
        value = value.replace(".", "").replace(",", ".")
    elif not PLAIN_NUMBER.match(value):
        raise ValueError("skriv tallet med punktum som decimaltegn og uden tusindtalsseparator, fx 1234.5")
    if integer:
        if "." in value and not value.endswith(".0"):
            raise ValueError("feltet skal være et helt tal uden decimaler")
        return value.split(".")[0]
    return value


def convert(text: str, name: str, fields: list[dict]) -> list[dict]:
    """Rows keyed by field name, cells in canonical form; every problem is collected."""
    first = text.split("\n", 1)[0]
    danish = first.count(";") > first.count(",")
    reader = csv.reader(io.StringIO(text), delimiter=";" if danish else ",")
    header = [h.strip() for h in next(reader, [])]
    by_title = {f.get("title", "").lower(): f["name"] for f in fields}
    names = [h if h in {f["name"] for f in fields} else by_title.get(h.lower(), h) for h in header]
    expected = [f["name"] for f in fields]
    if sorted(names) != sorted(expected):
        extra = [h for h in names if h not in expected]
        missing = [f for f in expected if f not in names]
        raise ImportError_(
            [
                Problem(
                    name,
                    "kolonnerne passer ikke til datapakken"
                    + (f"; ukendte: {', '.join(extra)}" if extra else "")
                    + (f"; mangler: {', '.join(missing)}" if missing else ""),
                    f"Brug præcis disse kolonneoverskrifter: {', '.join(expected)}.",
                    1,
                )
            ]
        )
    types = {f["name"]: f.get("type", "string") for f in fields}
    rows, problems = [], []
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            problems.append(
                Problem(
                    name,
                    f"rækken har {len(cells)} celler, men der er {len(names)} kolonner",
                    "Sørg for én værdi pr. kolonne; sæt tekst med semikolon eller komma i anførselstegn.",
                    line,
                )
            )
            continue
        row = {}
        for field, cell in zip(names, cells):
            if types[field] in ("number", "integer"):
                try:
                    row[field] = number(cell, danish, types[field] == "integer")
                except ValueError as error:
                    problems.append(Problem(name, "tallet kan ikke læses sikkert", str(error).capitalize() + ".", line, field, cell))
            else:
                row[field] = cell.strip()
        rows.append({"row": row, "line": line})
    if problems:
        raise ImportError_(problems)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the CSV file from Excel")
    parser.add_argument("--into", required=True, help="package/resource, e.g. indicators/observations")
    parser.add_argument("--append", action="store_true", help="add the rows to the resource instead of replacing it")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = parser.parse_args(argv)
    package, _, resource_name = args.into.partition("/")
    descriptor_path = args.root / "datapackages" / package / "datapackage.json"
    if not descriptor_path.exists():
        parser.error(f"ukendt datapakke '{package}'")
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resource = next((r for r in descriptor["resources"] if r["name"] == resource_name), None)
    if resource is None:
        parser.error(f"ukendt ressource '{resource_name}'; brug en af: {', '.join(r['name'] for r in descriptor['resources'])}")
    fields = resource["schema"]["fields"]
    target = args.root / "datapackages" / package / resource["path"]
    try:
        rows = convert(decode(args.file.read_bytes(), args.file.name), args.file.name, fields)
        output = canonical(rows, fields, target if args.append else None)
        check(args.root, target, output, args.file.name, existing=_count(target) if args.append else 0)
    except ImportError_ as error:
        report(error.problems)
        return 1
    target.write_text(output, encoding="utf-8")
    print(
        f"{count(len(rows), 'række', 'rækker')} fra {args.file.name} er kontrolleret og {'tilføjet' if args.append else 'skrevet'} til "
        f"{target.relative_to(args.root)}."
    )
    return 0


def _count(path: Path) -> int:
    return max(0, len(path.read_text(encoding="utf-8").splitlines()) - 1)


def canonical(rows: list[dict], fields: list[dict], append_to: Path | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if append_to is None:
        writer.writerow([f["name"] for f in fields])
    writer.writerows([r["row"][f["name"]] for f in fields] for r in rows)
    return (append_to.read_text(encoding="utf-8") if append_to else "") + out.getvalue()


def check(root: Path, target: Path, output: str, name: str, existing: int) -> None:
    """Every check of the build, on a copy of the project with the new file in place."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        shutil.copytree(root / "datapackages", copy / "datapackages")
        shutil.copytree(root / "content" / "aktiviteter", copy / "content" / "aktiviteter")
        (copy / target.relative_to(root)).write_text(output, encoding="utf-8")
        try:
            load(copy)
        except DataError as error:
            relative = target.relative_to(root).as_posix()
            # problems in the imported rows point at the editor's file and its own line numbers
            raise ImportError_(
                [Problem(name, p.message, p.hint, p.line - existing if p.line else None, p.field, p.value) if p.file == relative else p for p in error.problems]
            ) from None


def report(problems: list[Problem]) -> None:
    print("Importen er stoppet; intet er ændret. " + summary(problems), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
