"""Every change to an activity's knowledge level, and why, read from the git history of the evaluation package
and the activity files.

Each commit that touched them is read as it was (one git cat-file process for the files), its levels computed by
today's rule (macros/rules/evidence.py; results from before result kinds existed all count, as they
did then), and compared with the commit before on the main line (first parents): a change names the results linked, unlinked or
changed and an override set or lifted. Outside a git checkout the history is empty.
"""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import yaml

from macros.data.activities import RESERVED
from macros.rules.evidence import level_of

EVALUATIONS = "datapackages/evaluations"
TABLES = ("designs.csv", "result_kinds.csv", "results.csv", "result_activities.csv")
ACTIVITIES = "content/aktiviteter"


@dataclass(frozen=True)
class RatingChange:
    activity: str
    date: str  # the commit's date, 2026-12-01
    commit: str  # its short id: the stable address of the rating from then on
    before: int | None  # the level shown before (None: the activity was new)
    after: int
    computed_before: int | None
    computed_after: int
    added: tuple[str, ...]  # result ids linked
    removed: tuple[str, ...]
    changed: tuple[str, ...]  # linked results whose design or kind changed
    override: str | None  # the editors' reason when an override was set, '' when lifted, None when unchanged


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60, check=True).stdout


def _read_objects(root: Path, specs: list[str]) -> dict[str, str | None]:
    """The text of each 'commit:path' (None where it did not exist), from one git cat-file process."""
    out = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input=("\n".join(specs) + "\n").encode(), capture_output=True, timeout=60, check=True).stdout
    found: dict[str, str | None] = {}
    at = 0
    for spec in specs:
        end = out.index(b"\n", at)
        header = out[at:end].decode()
        if header.endswith(" missing"):
            found[spec] = None
            at = end + 1
            continue
        size = int(header.split()[2])
        found[spec] = out[end + 1:end + 1 + size].decode("utf-8")
        at = end + 1 + size + 1
    return found


def _rows(text: str | None) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text))) if text else []


def _state(files: dict[str, str | None], activity_texts: dict[str, str]) -> dict[str, tuple[int, int, frozenset, str | None]]:
    """Per activity at one commit: (shown level, computed level, its results' (id, design, kind), override reason)."""
    designs = {r["design"]: SimpleNamespace(level=int(r["level"])) for r in _rows(files["designs.csv"])}
    kinds = {r["kind"]: SimpleNamespace(counts=r["counts"] == "true") for r in _rows(files["result_kinds.csv"])}
    results = {}
    for r in _rows(files["results.csv"]):
        kind = r.get("kind") or "effektmåling"
        kinds.setdefault(kind, SimpleNamespace(counts=True))  # before kinds existed every result counted
        if r["design"] in designs:
            results[r["result_id"]] = SimpleNamespace(result_id=r["result_id"], study_id=r["study_id"], design=r["design"], kind=kind)
    rule = SimpleNamespace(designs=designs, result_kinds=kinds)
    linked: dict[str, list] = {}
    for link in _rows(files["result_activities.csv"]):
        if link["result_id"] in results:
            linked.setdefault(link["activity_id"], []).append(results[link["result_id"]])
    state = {}
    for slug, text in activity_texts.items():
        try:
            meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        except (yaml.YAMLError, IndexError):
            continue
        if not isinstance(meta, dict):
            continue
        found = linked.get(slug, [])
        computed = level_of(rule, found)
        override = meta.get("knowledge_level_override") or {}
        if not isinstance(override, dict):
            override = {}
        state[slug] = (override.get("level", computed), computed, frozenset((r.result_id, r.design, r.kind, r.study_id) for r in found), override.get("reason"))
    return state


def history(root: Path) -> tuple[RatingChange, ...]:
    """The changes, oldest first; empty outside a git checkout or in a project git does not track."""
    try:
        log = _git(root, "log", "--first-parent", "--reverse", "--format=%H %h %cs", "--", EVALUATIONS, ACTIVITIES)
    except (OSError, subprocess.SubprocessError):
        return ()
    commits = [line.split() for line in log.splitlines() if line.strip()]
    if not commits:
        return ()
    try:
        names = {}
        for full, _, _ in commits:
            # a pathspec lists nothing where the folder did not exist yet; paths are relative to the project folder
            listing = _git(root, "ls-tree", "--name-only", full, "--", f"{ACTIVITIES}/")
            names[full] = [n for n in (Path(line).name for line in listing.splitlines()) if n.endswith(".md") and n[:-3] not in RESERVED]
        specs = [f"{full}:./{EVALUATIONS}/{name}" for full, _, _ in commits for name in TABLES]
        specs += [f"{full}:./{ACTIVITIES}/{name}" for full, _, _ in commits for name in names[full]]
        texts = _read_objects(root, specs)
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError, ValueError):
        return ()
    changes: list[RatingChange] = []
    before: dict[str, tuple] = {}
    for full, short, date in commits:
        files = {name: texts[f"{full}:./{EVALUATIONS}/{name}"] for name in TABLES}
        activity_texts = {n[:-3]: texts[f"{full}:./{ACTIVITIES}/{n}"] or "" for n in names[full]}
        try:
            now = _state(files, activity_texts)
        except (KeyError, ValueError, AttributeError, TypeError):
            continue  # a commit whose files this rule cannot read (history cannot be fixed, so it is passed over)
        for slug, (shown, computed, results, reason) in sorted(now.items()):
            old = before.get(slug)
            if old is not None and (old[0], old[1]) == (shown, computed) and old[3] == reason:
                continue
            old_results = {r[0]: r for r in old[2]} if old else {}
            new_results = {r[0]: r for r in results}
            changes.append(RatingChange(
                slug, date, short, old[0] if old else None, shown, old[1] if old else None, computed,
                tuple(sorted(set(new_results) - set(old_results))), tuple(sorted(set(old_results) - set(new_results))),
                tuple(sorted(r for r in set(new_results) & set(old_results) if new_results[r] != old_results[r])),
                None if old and old[3] == reason else (reason or "") if old or reason else None,
            ))
        before = now
    return tuple(changes)

