"""Validate one data package: frictionless checks the descriptor, table_check every row; problems an editor can act on."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from macros.data.problems import Problem
from macros.data.table_check import check_resource, foreign_key_problems

Columns = dict[str, list[str]]


def validate_package(descriptor: Path, root: Path) -> tuple[dict[str, Columns], list[Problem]]:
    """Each resource's columns as text, and every problem in descriptor, header, types, constraints and keys."""
    relative = descriptor.relative_to(root).as_posix()
    try:
        raw = descriptor.read_bytes()
        found = _descriptor_problems(descriptor, raw, root, relative)
        data = json.loads(raw.decode("utf-8"))
    except Exception as error:  # a broken descriptor is reported, not raised
        return {}, [Problem(relative, f"datapackage.json kan ikke læses: {error}", "Ret JSON-filen; en validator som jsonlint viser hvor.")]
    if found:
        return {}, found
    tables: dict[str, Columns] = {}
    problems: list[Problem] = []
    files = {}
    for resource in data["resources"]:
        files[resource["name"]] = (descriptor.parent / resource["path"]).relative_to(root).as_posix()
        columns, found = check_resource(descriptor.parent / resource["path"], resource, files[resource["name"]])
        problems += found
        if columns is not None:  # kept with problems too, so foreign keys into it are still checked
            tables[resource["name"]] = columns
    for resource in data["resources"]:
        if resource["name"] in tables:
            problems += foreign_key_problems(resource, tables[resource["name"]], tables, files[resource["name"]])
    return tables, problems


VALID = Path(".bse-cache") / "descriptors"  # under the project: an empty file per descriptor frictionless has found valid


def _descriptor_problems(descriptor: Path, raw: bytes, root: Path, relative: str) -> list[Problem]:
    """frictionless's verdict on a descriptor (raw: its bytes), asked once per version of its bytes (and of frictionless):
    importing and asking it takes a quarter of a second of every build, and the descriptors seldom change."""
    seen = root / VALID / hashlib.sha1(raw + version("frictionless").encode()).hexdigest()
    if seen.exists():
        return []
    from frictionless import Package  # only here: a fifth of a second to import

    report = Package.validate_descriptor(str(descriptor))
    if not report.valid:
        return [Problem(relative, error.message, "Ret datapackage.json.") for error in report.errors]
    try:
        seen.parent.mkdir(parents=True, exist_ok=True)
        seen.touch()
    except OSError:
        pass  # a project folder that cannot be written to is checked again next time
    return []


def unlisted_files(folder: Path, descriptor: dict, root: Path) -> list[Problem]:
    """A CSV no resource lists would silently never be published; report it."""
    listed = {r.get("path") for r in descriptor.get("resources", [])}
    return [
        Problem(
            path.relative_to(root).as_posix(), "CSV-filen står ikke i pakkens datapackage.json", "Tilføj den som ressource i datapackage.json, eller slet den."
        )
        for path in sorted(folder.glob("*.csv"))
        if path.name not in listed
    ]
