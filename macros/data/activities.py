"""Read the core activities (content/aktiviteter/*.md): front matter against the JSON Schema, body by section order."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from macros.data import front_matter
from macros.data.active_html import active_html_problems
from macros.data.model import Activity, Source
from macros.data.problems import TODO, Problem, did_you_mean, same_but_dashes
from macros.text.format import count

FOLDER = "aktiviteter"
SCHEMA_PATH = Path(__file__).parent / "schemas" / "activity.schema.json"
# Pages the site generates or keeps under aktiviteter/; an activity cannot take their address.
RESERVED = {"index", "tema", "maalgruppe", "evidenskort", "vidensniveauer", "aendringer"}

FACTS_CALL = "[[ activity_facts() ]]"
EVIDENCE_CALL = "[[ activity_evidence() ]]"
SOURCES_CALL = "[[ activity_sources() ]]"
# The body's sections in order; the evidence and sources sections hold only their macro call.
SECTIONS = (
    "Hvad er aktiviteten?",
    "Hvorfor skulle det virke?",
    "For hvem og hvornår?",
    "Sådan gør man",
    "Hvad koster det?",
    "Hvad viser evalueringerne?",
    "Kilder",
)
GENERATED_SECTIONS = {"Hvad viser evalueringerne?": EVIDENCE_CALL, "Kilder": SOURCES_CALL}


def body_scaffold(todo: str) -> str:
    """A new activity page's body: the facts call, then each section with todo (or its macro call) to fill in."""
    return "\n\n".join([FACTS_CALL] + [f"## {s}\n\n{GENERATED_SECTIONS.get(s, f'{todo}: skriv afsnittet.')}" for s in SECTIONS])

ALLOWED_CALLS = (FACTS_CALL, EVIDENCE_CALL, SOURCES_CALL)


def is_activity_page(src_uri: str) -> bool:
    folder, _, name = src_uri.partition("/")
    return folder == FOLDER and "/" not in name and name.endswith(".md") and name[:-3] not in RESERVED


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def vocabulary(field: str) -> tuple[str, ...]:
    """The allowed values of a front-matter field, in the schema's order (themes, target_groups, cost_level)."""
    spec = schema()["properties"][field]
    return tuple(spec.get("items", spec)["enum"])


def cost_descriptions() -> dict[str, str]:
    return dict(schema()["properties"]["cost_level"]["x-descriptions"])


def activity_slugs(content: Path) -> set[str]:
    """The slug of every activity file, valid or not (its file name)."""
    return {p.stem for p in (content / FOLDER).glob("*.md") if p.stem not in RESERVED}


def read_activities(content: Path, root: Path) -> tuple[list[Activity], list[Problem]]:
    """Every activity file, checked; problems are collected for all files, never raised here."""
    activities: list[Activity] = []
    problems: list[Problem] = []
    related_lines: dict[str, int | None] = {}
    for path in sorted((content / FOLDER).glob("*.md")):
        if path.stem in RESERVED:
            continue
        activity, found, related_lines[path.stem] = read_activity(path, root, content)
        problems += found
        if activity is not None:
            activities.append(activity)
    known = {a.slug for a in activities} | {p.stem for p in (content / FOLDER).glob("*.md")}
    for activity in activities:
        for slug in activity.related:
            if slug not in known or slug == activity.slug:
                problems.append(
                    Problem(
                        f"{content.relative_to(root).as_posix()}/{activity.path}",
                        "den relaterede aktivitet findes ikke" if slug != activity.slug else "en aktivitet kan ikke være relateret til sig selv",
                        "Brug slug for en anden aktivitet, dvs. et filnavn under content/aktiviteter/ uden .md." + did_you_mean(slug, known - {activity.slug}),
                        related_lines[activity.slug],
                        "related",
                        slug,
                    )
                )
    return activities, problems


def read_activity(path: Path, root: Path, content: Path) -> tuple[Activity | None, list[Problem], int | None]:
    """One activity file → (Activity or None, problems, line of its related field)."""
    file = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(file, "filen er ikke gemt som UTF-8", "Gem filen som UTF-8 i din teksteditor.")], None
    read = front_matter.read(text, file)
    if isinstance(read, Problem):
        return None, [read], None
    meta, nodes = _accept_dashes(read.meta), read.nodes
    # a value still UDFYLD is reported once, as not filled in, rather than as breaking the schema too
    problems = [_schema_problem(error, file, nodes) for error in Draft202012Validator(schema()).iter_errors(meta) if TODO not in str(error.instance)]
    problems += front_matter.markup_problems(meta, nodes, file, _line)
    problems += [
        Problem(
            file,
            "feltet er ikke udfyldt endnu",
            "Erstat UDFYLD med den rigtige værdi" + _choices(path),
            _line(nodes, path),
            _field_name(path),
            _from_marker(value),
        )
        for path, value in front_matter.texts(meta)
        if TODO in value
    ]
    problems += _body_problems(read.body, file, read.body_line)
    if not problems and meta["slug"] != path.stem:
        problems.append(
            Problem(
                file,
                "slug og filnavn er forskellige",
                f"Giv filen navnet {meta['slug']}.md, eller ret slug til {path.stem}.",
                _line(nodes, ["slug"]),
                "slug",
                meta["slug"],
            )
        )
    if not problems and meta["slug"] in RESERVED:
        problems.append(
            Problem(
                file, "denne slug er optaget af en side, sitet selv laver", "Vælg en anden slug og omdøb filen.", _line(nodes, ["slug"]), "slug", meta["slug"]
            )
        )
    if problems:
        return None, problems, None
    override = meta.get("knowledge_level_override") or {}
    return (
        Activity(
            slug=meta["slug"],
            title=meta["title"],
            themes=tuple(meta["themes"]),
            target_groups=tuple(meta["target_groups"]),
            summary=" ".join(meta["summary"].split()),
            cost_level=meta["cost_level"],
            related=tuple(meta.get("related") or ()),
            sources=tuple(Source(s["title"], s["url"]) for s in meta["sources"]),
            override_level=override.get("level"),
            override_reason=override.get("reason"),
            path=path.relative_to(content).as_posix(),
        ),
        [],
        _line(nodes, ["related"]),
    )


def _schema_problem(error, file: str, nodes) -> Problem:
    path = list(error.absolute_path)
    field = _field_name(path)
    kind, spec = error.validator, error.validator_value
    value = error.instance if isinstance(error.instance, (str, int, float)) and not isinstance(error.instance, bool) else None
    line = _line(nodes, path)
    if kind == "required":
        missing = next((name for name in spec if name not in error.instance), "")
        title = schema()["properties"].get(missing, {}).get("title", missing)
        return Problem(
            file,
            f"feltet mangler ({title})",
            f"Tilføj linjen '{missing}: …' i front matter; se de andre aktiviteter for et eksempel.",
            2,
            _field_name(path + [missing]),
        )
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        return Problem(
            file,
            "feltet kendes ikke",
            f"Slet feltet eller ret stavningen; tilladte felter er: {allowed}.",
            _line(nodes, path + extra[:1]),
            _field_name(path + extra[:1]),
        )
    if kind == "enum":
        return Problem(
            file, "værdien er ikke en af de tilladte", "Brug en af: " + "; ".join(map(str, spec)) + "." + did_you_mean(error.instance, spec), line, field, value
        )
    if kind == "type":
        wanted = {
            "array": "en liste, fx [a, b] eller linjer med '- '",
            "string": "en tekst",
            "object": "felter med navn og værdi",
            "integer": "et helt tal",
        }.get(spec, spec)
        return Problem(file, f"værdien skal være {wanted}", f"Skriv feltet som {wanted}.", line, field, value)
    if kind == "maxLength":
        return Problem(file, f"teksten er for lang ({len(error.instance)} tegn, højst {spec})", f"Forkort teksten til højst {spec} tegn.", line, field)
    if kind == "minLength":
        return Problem(file, f"teksten er for kort (mindst {spec} tegn)", "Skriv en fyldestgørende tekst.", line, field, value)
    if kind == "minItems":
        return Problem(file, "listen er tom", f"Angiv mindst {count(spec, 'værdi', 'værdier')}.", line, field)
    if kind == "uniqueItems":
        return Problem(file, "listen har den samme værdi to gange", "Slet dubletten.", line, field)
    if kind == "pattern":
        if field.endswith("url"):
            return Problem(
                file,
                "adressen skal begynde med http:// eller https:// og må ikke indeholde mellemrum",
                "Kopiér adressen fra browserens adresselinje.",
                line,
                field,
                value,
            )
        return Problem(
            file,
            "værdien har ikke den rigtige form",
            "Brug kun små bogstaver a–z, tal og bindestreg (æ→ae, ø→oe, å→aa), fx gaelds-og-oekonomisk-raadgivning.",
            line,
            field,
            value,
        )
    if kind in ("minimum", "maximum"):
        return Problem(file, "værdien er uden for det tilladte interval", "Brug et niveau fra 0 til 4.", line, field, value)
    return Problem(file, error.message, "Ret feltet, så det følger skemaet i macros/data/schemas/activity.schema.json.", line, field, value)


_field_name = front_matter._name
_line = front_matter.line_of


def _from_marker(line: str) -> str:
    """The unfinished text quoted from its UDFYLD on, so the message shows the marker itself."""
    return line[line.index(TODO) :].strip().rstrip('"').strip()[:60]


def _choices(path: list) -> str:
    """'; brug en af: lav; middel; høj.' for a field with fixed values, else '.'."""
    spec = schema()["properties"].get(path[0], {}) if path else {}
    allowed = spec.get("items", spec).get("enum")
    return f"; brug en af: {'; '.join(allowed)}." if allowed else "."


def _accept_dashes(meta: dict) -> dict:
    """'unge 13-17' typed with a hyphen is the listed 'unge 13–17': list values differing only by their dash are taken as meant."""
    fixed = dict(meta)
    for field in ("themes", "target_groups"):
        if isinstance(fixed.get(field), list):
            allowed = vocabulary(field)
            fixed[field] = [same_but_dashes(v, allowed) or v if isinstance(v, str) and v not in allowed else v for v in fixed[field]]
    return fixed


def _body_problems(body: str, file: str, first_line: int) -> list[Problem]:
    """Sections in the agreed order; generated sections hold only their macro call; no active HTML."""
    problems: list[Problem] = active_html_problems(body, file, first_line)
    lines = body.split("\n")
    for n, line in enumerate(lines):
        if TODO in line:
            problems.append(Problem(file, "teksten er ikke udfyldt endnu", "Erstat UDFYLD med den rigtige tekst.", first_line + n, None, _from_marker(line)))
        call = front_matter.macro_call(line, ALLOWED_CALLS)
        if call:
            problems.append(
                Problem(
                    file,
                    f"teksten indeholder {front_matter.MACRO_OPEN}, som sitet læser som et makrokald",
                    f"Skriv teksten uden {front_matter.MACRO_OPEN}; kun {FACTS_CALL}, {EVIDENCE_CALL} og {SOURCES_CALL} må stå på en aktivitetsside.",
                    first_line + n,
                    None,
                    call,
                )
            )
    headings = [(i, line[3:].strip()) for i, line in enumerate(lines) if line.startswith("## ")]
    intro = "\n".join(lines[: headings[0][0]] if headings else lines)
    if FACTS_CALL not in intro:
        problems.append(
            Problem(
                file,
                f"{FACTS_CALL} mangler før første overskrift",
                f"Indsæt linjen {FACTS_CALL} lige efter front matter; den viser temaer, målgrupper, vidensniveau og omkostning.",
                first_line,
            )
        )
    found = [title for _, title in headings]
    if found != list(SECTIONS):
        expected = " → ".join(f"## {s}" for s in SECTIONS)
        wrong = next((i for i, (a, b) in enumerate(zip(found, SECTIONS)) if a != b), min(len(found), len(SECTIONS)))
        line = first_line + headings[wrong][0] if wrong < len(headings) else first_line + len(lines) - 1
        value = found[wrong] if wrong < len(found) else None
        problems.append(
            Problem(
                file,
                f"afsnittene er ikke de aftalte eller står i forkert rækkefølge (forventet '## {SECTIONS[wrong]}')"
                if wrong < len(SECTIONS)
                else "der er et afsnit for meget",
                f"Brug præcis disse overskrifter i denne rækkefølge: {expected}.",
                line,
                None,
                value,
            )
        )
        return problems
    for n, (index, title) in enumerate(headings):
        call = GENERATED_SECTIONS.get(title)
        end = headings[n + 1][0] if n + 1 < len(headings) else len(lines)
        text = "\n".join(lines[index + 1 : end]).strip()
        if call and text != call:
            problems.append(
                Problem(
                    file,
                    f"afsnittet '{title}' skrives af sitet og må kun indeholde {call}",
                    f"Slet teksten i afsnittet, så kun {call} står tilbage; resultater og kilder hentes fra datapakkerne.",
                    first_line + index,
                )
            )
        elif not call and not text:
            problems.append(Problem(file, f"afsnittet '{title}' er tomt", "Skriv afsnittet; står der intet i kilderne, så skriv det.", first_line + index))
    return problems
