"""Start a new activity, study or area with every required field and what to write in it.

    python -m build_scripts.commands.scaffold aktivitet "Lektiehjælp for voksne"
    python -m build_scripts.commands.scaffold studie "Evaluering af natteravne" --id vive-2025-natteravne
    python -m build_scripts.commands.scaffold resultat "Tryghed om aftenen" --studie vive-2025-natteravne --aktivitet natteravne-og-gadeplansarbejde
    python -m build_scripts.commands.scaffold omraade "Ny Vænge" --kommune Odense

Every place to fill in says UDFYLD; `make check` (and the build) refuse a file
or row that still does, so a half-finished draft is never published.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from macros.data.activities import body_scaffold, schema, vocabulary
from macros.data.problems import TODO
from macros.data.table_check import LISTED, choices
from macros.text.slugs import slugify

ROOT = Path(__file__).resolve().parents[2]
CHECK = "make check"  # the one check command every tool names (the Makefile installs what it needs first)


def activity_text(title: str) -> str:
    properties = schema()["properties"]

    def comment(field: str) -> str:
        return f"# {properties[field]['title']}: {properties[field]['description']}"

    return "\n".join([
        "---",
        comment("title"), f"title: {json.dumps(title, ensure_ascii=False)}",
        comment("slug"), f"slug: {slugify(title)}",
        # every value the editor must decide is UDFYLD, so a forgotten one can never be published
        comment("themes") + " Vælg blandt: " + "; ".join(vocabulary("themes")), f"themes: [{TODO}]",
        comment("target_groups") + " Vælg blandt: " + "; ".join(vocabulary("target_groups")), f"target_groups: [{TODO}]",
        comment("summary"), f"summary: \"{TODO}: højst 300 tegn om hvad aktiviteten er, og for hvem.\"",
        comment("cost_level") + " Vælg blandt: " + "; ".join(vocabulary("cost_level")), f"cost_level: {TODO}",
        comment("related"), "related: []",
        comment("sources"), "sources:", f"  - title: \"{TODO}: kildens titel\"", "    url: https://UDFYLD.dk/",
        "# Vidensniveauet beregnes af evalueringerne. Vil I sætte et andet, så tilføj:",
        "# knowledge_level_override: {level: 2, reason: \"Begrundelsen, som vises på siden.\"}",
        "---", "", body_scaffold(TODO), "",
    ])


def placeholder(field: dict) -> str:
    """UDFYLD where a value is required (in a form an address field accepts); optional fields start empty."""
    constraints = field.get("constraints", {})
    if not constraints.get("required"):
        return ""
    return "https://UDFYLD.dk/" if constraints.get("pattern", "").startswith("^https?") else TODO


def append_row(path: Path, values: dict[str, str], fields: list[dict]) -> None:
    text = path.read_text(encoding="utf-8")
    row = io.StringIO()
    csv.writer(row, lineterminator="\n").writerow([values.get(f["name"], placeholder(f)) for f in fields])
    path.write_text(text + ("" if text.endswith("\n") else "\n") + row.getvalue(), encoding="utf-8")


def guide(fields: list[dict], file: str, picks: dict[str, str] | None = None) -> str:
    lines = [f"Tilføjet en række nederst i {file}. Udfyld felterne (UDFYLD) i et regneark eller en teksteditor:"]
    for f in fields:
        need = "skal udfyldes" if f.get("constraints", {}).get("required") else "kan være tom"
        allowed = f.get("constraints", {}).get("enum")
        pick = (picks or {}).get(f["name"]) or ("en af: " + "; ".join(allowed) if allowed else "")
        lines.append(f"  - {f['name']} ({f.get('title', '')}, {need}): {f.get('description', '')}" + (f" Vælg {pick}." if pick else ""))
    lines.append(f"Kør derefter {CHECK}.")
    return "\n".join(lines)


def lookups(root: Path, package: str, resource_name: str) -> dict[str, str]:
    """For each foreign key to a short table of the package: the values an editor can choose, as the check names them."""
    descriptor = json.loads((root / "datapackages" / package / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    out = {}
    for fk in resources[resource_name]["schema"].get("foreignKeys", []):
        target = resources.get(fk["reference"]["resource"])
        if target is None or target is resources[resource_name]:
            continue
        with open(root / "datapackages" / package / target["path"], encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if len(rows) <= LISTED:
            out[fk["fields"]] = choices({k: [r[k] for r in rows] for k in rows[0]}, fk["reference"], target["path"])
    return out


def resource(root: Path, package: str, name: str) -> tuple[Path, list[dict]]:
    descriptor = json.loads((root / "datapackages" / package / "datapackage.json").read_text(encoding="utf-8"))
    found = next(r for r in descriptor["resources"] if r["name"] == name)
    return root / "datapackages" / package / found["path"], found["schema"]["fields"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("aktivitet", "studie", "resultat", "omraade"), help="what to start")
    parser.add_argument("title", help="the activity's title, the study's title, the result's outcome or the area's name")
    parser.add_argument("--id", help="the study's or result's id (default: made from the title)")
    parser.add_argument("--studie", help="a result: the study it comes from (its study_id)")
    parser.add_argument("--aktivitet", action="append", default=[], help="a result: an activity it is about (its slug); may be given more than once")
    parser.add_argument("--kommune", default=TODO, help="the area's municipality")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = parser.parse_args(argv)
    root = args.root
    slug = args.id or slugify(args.title)
    if args.kind == "aktivitet":
        path = root / "content" / "aktiviteter" / f"{slug}.md"
        if path.exists():
            parser.error(f"{path.relative_to(root)} findes allerede")
        path.write_text(activity_text(args.title), encoding="utf-8")
        print(f"Oprettet {path.relative_to(root)}. Udfyld alt, der hedder UDFYLD, og kør {CHECK}.")
        return 0
    if args.kind == "resultat":
        if not args.studie:
            parser.error("et resultat skal have --studie STUDY_ID (studiet det kommer fra)")
        result_id = args.id or slugify(f"{args.studie} {args.title}")
        path, fields = resource(root, "evaluations", "results")
        append_row(path, {"result_id": result_id, "study_id": args.studie, "outcome": args.title}, fields)
        links, link_fields = resource(root, "evaluations", "result_activities")
        for slug_ in args.aktivitet or [TODO]:
            append_row(links, {"result_id": result_id, "activity_id": slug_}, link_fields)
        print(guide(fields, path.relative_to(root).as_posix(), lookups(root, "evaluations", "results")))
        print(f"Knyttet til {', '.join(args.aktivitet) or 'UDFYLD (skriv aktivitetens slug)'} i {links.relative_to(root).as_posix()}.")
        return 0
    package, name, values = (
        ("evaluations", "studies", {"study_id": slug, "title": args.title}) if args.kind == "studie"
        else ("areas", "areas", {"area_id": slug, "name": args.title, "municipality": args.kommune})
    )
    path, fields = resource(root, package, name)
    append_row(path, values, fields)
    print(guide(fields, path.relative_to(root).as_posix()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
