"""Load every data package once per build: validate, then build the read-only Catalogue."""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from macros.data import checks
from macros.data.activities import activity_slugs, is_activity_page, read_activities
from macros.data.front_matter import page_problems
from macros.data.macro_calls import TABLES, MacroSpec
from macros.data.model import (
    Activity,
    Area,
    Catalogue,
    Criterion,
    Design,
    Designation,
    FieldInfo,
    Goal,
    Indicator,
    KnowledgeLevel,
    KnownPlan,
    ListCount,
    Observation,
    PackageInfo,
    Plan,
    Pool,
    Published,
    ResourceInfo,
    Result,
    ResultKind,
    Study,
    frozen,
)
from macros.data.problems import DataError, Problem
from macros.data.provenance import last_changed, shallow_clone
from macros.data.settings import Settings
from macros.data.suppression import too_few
from macros.data.table import Table
from macros.data.table_check import typed_rows
from macros.data.validate import unlisted_files, validate_package
from macros.text.lists import split

PACKAGES = ("areas", "indicators", "evaluations", "pools", "plans", "search")
CONTENT = "content"  # mkdocs.yml's docs_dir

def _package_info(name: str, descriptor: dict, rows: dict[str, int]) -> PackageInfo:
    licences = ", ".join(lic.get("title") or lic.get("name", "") for lic in descriptor.get("licenses", []))
    sources = tuple((s.get("title", ""), s.get("path", "")) for s in descriptor.get("sources", []))
    illustrative = tuple(r["name"] for r in descriptor["resources"] if r.get("illustrative"))
    enums = {
        f"{r['name']}.{f['name']}": tuple(f["constraints"]["enum"])
        for r in descriptor["resources"] for f in r["schema"]["fields"] if "enum" in f.get("constraints", {})
    }
    resources = tuple(
        ResourceInfo(
            r["name"], r["path"], r.get("title", r["name"]), r.get("description", ""),
            tuple(FieldInfo(f["name"], f.get("type", "string"), f.get("title", f["name"]), f.get("description", ""), frozen(dict(f.get("constraints", {}))))
                  for f in r["schema"]["fields"]),
            rows.get(r["name"], 0),
        )
        for r in descriptor["resources"]
    )
    licence_url = next((lic.get("path", "") for lic in descriptor.get("licenses", [])), "")
    return PackageInfo(name, descriptor.get("title", name), descriptor.get("description", ""), licences, sources, illustrative, frozen(enums),
                       resources, licence_url, descriptor.get("version", ""))


def package_info(root: Path, name: str) -> PackageInfo:
    """A package as its descriptor describes it, without its rows' count or its date: what its open data are made from."""
    return _package_info(name, json.loads((root / "datapackages" / name / "datapackage.json").read_text(encoding="utf-8")), {})


def read_tables(root: Path) -> tuple[dict[str, Table], dict[str, PackageInfo], list[Problem]]:
    """Validate each package and read its resources; problems are collected, never raised here."""
    base = root / "datapackages"
    tables: dict[str, Table] = {}
    infos: dict[str, PackageInfo] = {}
    problems: list[Problem] = []
    for name in PACKAGES:
        descriptor_path = base / name / "datapackage.json"
        if not descriptor_path.exists():
            problems.append(Problem(descriptor_path.relative_to(root).as_posix(), "datapakken mangler", "Gendan filen fra git."))
            continue
        columns, found = validate_package(descriptor_path, root)
        problems += found
        if found:
            continue
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        problems += unlisted_files(base / name, descriptor, root)
        for resource in descriptor["resources"]:
            schema = resource["schema"]
            tables[f"{name}/{resource['name']}"] = typed_rows(columns[resource["name"]], schema["fields"], frozenset(schema.get("missingValues", [""])))
        info = _package_info(name, descriptor, {r["name"]: len(tables[f"{name}/{r['name']}"]) for r in descriptor["resources"]})
        infos[name] = replace(info, updated=last_changed(base / name))
    return tables, infos, problems


def _grouped(rows, key: str, value: str) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row[value])
    return {k: tuple(v) for k, v in groups.items()}


def _synonyms(rows) -> tuple[tuple[str, ...], ...]:
    return tuple(words for words in _grouped(rows, "group", "word").values() if len(words) > 1)


YEAR = attrgetter("year")


def grouped_observations(table: Table, threshold: int) -> dict[tuple[str, str], list[Observation]]:
    """Each area's figures per indicator, read from the table's columns. A figure about too few people is suppressed
    here, at the model's edge, so no page, chart, CSV or search index can ever see its value; the privacy rule is asked
    once per distinct base (a million rows at national scale, where calls per row took most of the load)."""
    observations: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    bases = table.column("base_population")
    few = {base for base in set(bases) if too_few(base, threshold)}
    make = tuple.__new__  # Observation's own __new__ is Python code, fills the defaults and takes three times as long
    for area_id, indicator_id, year, value, base in zip(*(table.column(name) for name in ("area_id", "indicator_id", "year", "value")), bases):
        made = (year, None, None, True, False) if base in few else (year, value, base, False, False)
        observations[(area_id, indicator_id)].append(make(Observation, made))
    return observations


def build(tables: dict[str, Table], infos: dict[str, PackageInfo], activities: list[Activity] = (), settings: Settings = Settings()) -> Catalogue:
    """Typed, indexed, read-only model from validated rows and checked activities."""
    designations: dict[str, list[Designation]] = defaultdict(list)
    for row in tables["areas/designations"]:
        designations[row["area_id"]].append(Designation(**row))
    observations = grouped_observations(tables["indicators/observations"], settings.suppression_threshold)
    published = {
        (r["area_id"], r["indicator_id"], r["year"]): Published(r["source"], r["note"], r.get("inferred")) for r in tables["indicators/published_values"]
    }
    for row in tables["indicators/published_values"]:
        # a published figure replaces the illustrative one of its year: it is a whole area's official share, never suppressed
        key = (row["area_id"], row["indicator_id"])
        observations[key] = [o for o in observations[key] if o.year != row["year"]] + [Observation(row["year"], row["value"], None, official=True)]
    national: dict[str, list[Observation]] = defaultdict(list)
    for row in tables["indicators/national"]:
        national[row["indicator_id"]].append(Observation(row["year"], row["value"]))
    results: dict[str, list[Result]] = defaultdict(list)
    by_id: dict[str, Result] = {}
    for row in tables["evaluations/results"]:
        by_id[row["result_id"]] = Result(**row)
        results[row["study_id"]].append(by_id[row["result_id"]])
    activity_results: dict[str, list[Result]] = defaultdict(list)
    result_activities: dict[str, list[str]] = defaultdict(list)
    for row in tables["evaluations/result_activities"]:
        activity_results[row["activity_id"]].append(by_id[row["result_id"]])
        result_activities[row["result_id"]].append(row["activity_id"])

    located: dict[str, list[str]] = defaultdict(list)
    for row in tables["evaluations/located_studies"]:
        located[row["activity_id"]].append(row["study_id"])

    plans = _plans(tables)
    area_plans: dict[str, list[str]] = defaultdict(list)
    for plan in plans.values():
        for area_id in plan.areas:
            area_plans[area_id].append(plan.plan_id)

    def sort_years(groups: dict) -> dict:
        return {k: tuple(sorted(v, key=YEAR)) for k, v in groups.items()}

    return Catalogue(
        areas=frozen(
            {
                r["area_id"]: Area(r["area_id"], r["name"], r["municipality"], split(r["aliases"]))
                for r in tables["areas/areas"]
            }
        ),
        designations=frozen({k: tuple(sorted(v, key=lambda d: (d.year, d.list_type))) for k, v in designations.items()}),
        criteria=tuple(Criterion(**r) for r in tables["areas/criteria"]),
        indicators=frozen({r["indicator_id"]: Indicator(**r) for r in tables["indicators/indicators"]}),
        observations=frozen(sort_years(observations)),
        national=frozen(sort_years(national)),
        studies=frozen({r["study_id"]: Study(**r) for r in tables["evaluations/studies"]}),
        results=frozen({k: tuple(v) for k, v in results.items()}),
        pools=tuple(Pool(**r) for r in tables["pools/pools"]),
        packages=frozen(infos),
        activities=frozen({a.slug: a for a in activities}),
        designs=frozen({r["design"]: Design(**r) for r in tables["evaluations/designs"]}),
        knowledge_levels=frozen({r["level"]: KnowledgeLevel(**r) for r in tables["evaluations/knowledge_levels"]}),
        activity_results=frozen({k: tuple(v) for k, v in activity_results.items()}),
        result_activities=frozen({k: tuple(v) for k, v in result_activities.items()}),
        suppression_threshold=settings.suppression_threshold,
        plans=frozen(plans),
        list_counts=tuple(ListCount(**r) for r in tables["areas/list_counts"]),
        result_kinds=frozen({r["kind"]: ResultKind(**r) for r in tables["evaluations/result_kinds"]}),
        located_studies=frozen({k: tuple(v) for k, v in located.items()}),
        synonyms=_synonyms(tables.get("search/synonyms", ())),
        indicator_domains=frozen(_grouped(tables["indicators/outcome_domains"], "indicator_id", "outcome_domain")),
        published=frozen(published),
        known_plans=tuple(
            KnownPlan(**{**r, "area_ids": split(r["area_ids"])}) for r in tables["pools/known_plans"]
        ),
        area_plans=frozen({k: tuple(sorted(v, key=lambda p: plans[p].start_year)) for k, v in area_plans.items()}),
        prints_reports=len(area_plans) <= settings.report_limit,
    )


def _plans(tables: dict[str, Table]) -> dict[str, Plan]:
    goals: dict[str, list[Goal]] = defaultdict(list)
    for row in tables["plans/goals"]:
        goals[row["plan_id"]].append(Goal(**row))
    areas: dict[str, list[str]] = defaultdict(list)
    for row in tables["plans/plan_areas"]:
        areas[row["plan_id"]].append(row["area_id"])
    activities: dict[str, list[str]] = defaultdict(list)
    for row in tables["plans/plan_activities"]:
        activities[row["plan_id"]].append(row["activity_id"])
    return {
        r["plan_id"]: Plan(**r, areas=tuple(areas[r["plan_id"]]), goals=tuple(goals[r["plan_id"]]), activities=tuple(activities[r["plan_id"]]))
        for r in tables["plans/plans"]
    }


def table_names(root: Path) -> tuple[str, ...]:
    """Every 'package/table' the descriptors declare, also of a package whose data has problems (those are
    reported once, for the package, and not again for each page that names one of its tables)."""
    names = []
    for name in PACKAGES:
        try:
            descriptor = json.loads((root / "datapackages" / name / "datapackage.json").read_text(encoding="utf-8"))
            names += [f"{name}/{r['name']}" for r in descriptor["resources"]]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # the package's own check says what is wrong with it
    return tuple(names)


def content_page_problems(root: Path, macros: tuple[MacroSpec, ...] = (), reference_build: bool = False) -> list[Problem]:
    """The front matter and macro calls of every content page that is not an activity (those are checked against their schema)."""
    vocabularies = {TABLES: table_names(root)}
    pages = sorted((root / CONTENT).rglob("*.md"))
    return [
        p
        for path in pages
        if not is_activity_page(path.relative_to(root / CONTENT).as_posix())
        for p in page_problems(path, root, macros, vocabularies, reference_build)
    ]


@contextmanager
def _without_collector():
    """Loading makes millions of objects that all live on (a million figures at national scale): the cyclic collector
    would walk every one of them again and again as they are made (a third of the load's time), and once more at its
    next pass, to find nothing. So it rests while they are made, and what was made is then kept out of its reach, as
    the build keeps the catalogue (build_scripts/output/lifecycle.py); objects freed by their last reference still go."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if enabled:
            gc.enable()


def load(root: Path, settings: Settings = Settings(), macros: tuple[MacroSpec, ...] = ()) -> Catalogue:
    """Validate all packages and cross references, then build the model; any problem raises DataError.
    Given the site's macros (macros/pages/editorial.py SPECS), every editorial page's calls are checked too."""
    with _without_collector():
        return _load(root, settings, macros)


def _load(root: Path, settings: Settings, macros: tuple[MacroSpec, ...]) -> Catalogue:
    tables, infos, problems = read_tables(root)
    activities, content_problems = read_activities(root / CONTENT, root)
    problems += content_problems + content_page_problems(root, macros, settings.reference_build)
    # an activity with a problem in its own file still exists, so links to it are not reported twice
    problems += checks.run_all(tables, activity_slugs(root / CONTENT))
    if shallow_clone(root):
        problems.append(
            Problem(
                "(git)",
                "projektet er hentet uden sin historik (en 'shallow clone'), så hver side ville vise den seneste commits dato som sin ændringsdato",
                "Hent hele historikken med 'git fetch --unshallow'; i GitHub Actions sæt 'fetch-depth: 0' på actions/checkout.",
            )
        )
    if problems:
        raise DataError(problems)
    return build(tables, infos, activities, settings)


# Global because the MkDocs hook and mkdocs-macros are separate plugins of one process with no channel
# between them, and `mkdocs serve` reloads both on every change: they meet here, keyed by what was read.
_CACHE: dict[tuple[Path, Settings, tuple], tuple[tuple, Catalogue]] = {}


def _signature(root: Path) -> tuple:
    # every content page: their front matter and macro calls are checked too, and `mkdocs serve` must see an edit
    files = sorted((root / "datapackages").rglob("*")) + sorted((root / CONTENT).rglob("*.md"))
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())


def load_cached(root: Path, settings: Settings = Settings(), macros: tuple[MacroSpec, ...] = ()) -> Catalogue:
    """load(), reused while no data package or content page changed (the page hook and the macros share it)."""
    root = root.resolve()
    signature = _signature(root)
    cached = _CACHE.get((root, settings, macros))
    if cached and cached[0] == signature:
        return cached[1]
    catalogue = load(root, settings, macros)
    _CACHE[(root, settings, macros)] = (signature, catalogue)
    return catalogue
