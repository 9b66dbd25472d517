"""Front matter of content pages: read as YAML with Danish error messages, and its texts kept plain text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping, NamedTuple

import yaml

from macros.data.active_html import active_html_problems
from macros.data.macro_calls import MacroSpec, call_problems
from macros.data.problems import Problem

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
# A tag or comment: front-matter texts are shown as text (titles, summaries), so markup in them is refused.
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>?|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")  # a tag, a comment or an entity
# The site's macro delimiters (mkdocs.yml: j2_variable_start_string and the block and comment ones that
# begin the same way). {{ … }} is plain text on this site; [[ … ]] is a call, and only the project's own may stand.
MACRO_OPEN = "[["


def macro_call(text: str, allowed: tuple[str, ...] = ()) -> str | None:
    """The first macro opening in text that is not one of the allowed calls, quoted from its [[, or None."""
    for call in allowed:
        text = text.replace(call, "")
    at = text.find(MACRO_OPEN)
    return text[at:at + 40] if at >= 0 else None

# PyYAML's English problem texts → what an editor should read, and how to fix it.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "der står et kolon inde i en tekst", "Sæt teksten i anførselstegn, fx title: \"Mål: færre ledige\"."),
    ("could not find expected ':'", "en linje mangler kolon efter feltnavnet", "Skriv feltet som 'navn: værdi'."),
    ("found character '\\t'", "linjen er rykket ind med tabulator", "Ryk ind med mellemrum, ikke tabulator."),
    ("found unexpected end of stream", "et anførselstegn er ikke lukket", "Luk anførselstegnet i slutningen af teksten."),
    ("did not find expected key", "indrykningen passer ikke", "Ryk felter på samme niveau lige langt ind, og begynd listepunkter med '- '."),
    ("did not find expected '-' indicator", "indrykningen passer ikke i en liste", "Begynd hvert listepunkt med '- ' og ryk dem lige langt ind."),
    ("found duplicate anchor", "et anker (&) står to gange", "Slet det ene &-tegn, eller sæt teksten i anførselstegn."),
    ("found undefined alias", "teksten begynder med *, som YAML læser som en henvisning", "Sæt teksten i anførselstegn."),
    ("expected <block end>", "indrykningen passer ikke", "Ryk felter på samme niveau lige langt ind."),
    ("found unknown escape character", "en omvendt skråstreg (\\) i en tekst i anførselstegn", "Skriv \\\\ eller brug enkelte anførselstegn."),
)


class FrontMatter(NamedTuple):
    meta: dict
    nodes: yaml.Node | None  # for the line of each value
    body: str
    body_line: int  # the file line the body starts on


def read(text: str, file: str) -> FrontMatter | Problem:
    """The page's front matter and body, or the one problem that stops it being read."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return Problem(
            file,
            "filen begynder ikke med front matter mellem to linjer med ---",
            "Start filen med ---, felterne og en linje med --- (se en af de andre sider).",
            1,
        )
    source = match.group(1) or ""
    try:
        meta = yaml.safe_load(source)
        nodes = yaml.compose(source)
    except yaml.YAMLError as error:
        return yaml_problem(error, file)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return Problem(file, "front matter skal være felter med navn og værdi", "Skriv ét felt pr. linje som 'title: Lommepengejob'.", 2)
    return FrontMatter(meta, nodes, text[match.end() :], text[: match.end()].count("\n") + 1)


def yaml_problem(error: yaml.YAMLError, file: str) -> Problem:
    """A YAML error in Danish, at the file line it points to (the file's line 1 is the opening ---)."""
    english = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or error}"
    # an unclosed quote is found at the end of the text; the line to fix is where the quote opened
    marks = ("context_mark", "problem_mark") if "while scanning a quoted" in english else ("problem_mark", "context_mark")
    mark = next((m for m in (getattr(error, name, None) for name in marks) if m is not None), None)
    line = mark.line + 2 if mark else None
    message, hint = next(
        ((m, h) for key, m, h in _YAML_PROBLEMS if key in english),
        ("front matter kan ikke læses", "Tjek kolon efter hvert feltnavn, indrykningen og anførselstegn om tekst med kolon."),
    )
    return Problem(file, f"front matter er ikke gyldig YAML: {message}", hint, line)


def texts(meta: dict, path: tuple = ()):
    """(path, text) for every text in the front matter, nested lists and mappings included."""
    if isinstance(meta, str):
        yield list(path), meta
    elif isinstance(meta, dict):
        for key, item in meta.items():
            yield from texts(item, path + (key,))
    elif isinstance(meta, list):
        for index, item in enumerate(meta):
            yield from texts(item, path + (index,))


def markup_problems(meta: dict, nodes, file: str, line_of) -> list[Problem]:
    """Every front-matter text holding HTML or a macro call: titles and summaries are shown as text, never as markup."""
    found = []
    for path, value in texts(meta):
        tag = HTML_TAG.search(value)
        if tag:
            found.append(
                Problem(
                    file,
                    "teksten indeholder HTML; felterne i toppen af siden vises som ren tekst",
                    "Skriv teksten uden <…>-mærker og &…;-tegn (skriv fx & og æ direkte); fremhævning og links hører til i selve siden.",
                    line_of(nodes, path),
                    _name(path),
                    tag.group(0)[:40],
                )
            )
        call = macro_call(value)
        if call:
            found.append(
                Problem(
                    file,
                    f"teksten indeholder {MACRO_OPEN}, som sitet læser som et makrokald",
                    f"Skriv teksten uden {MACRO_OPEN}; felterne i toppen af siden vises som ren tekst.",
                    line_of(nodes, path),
                    _name(path),
                    call,
                )
            )
    return found


def _name(path: list) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def line_of(node, path: list) -> int | None:
    """The file line of a front-matter value (the file's line 1 is the opening ---)."""
    found = node
    for part in path:
        if found is None:
            break
        if isinstance(found, yaml.MappingNode):
            found = next((v for k, v in found.value if k.value == part), None)
        elif isinstance(found, yaml.SequenceNode) and isinstance(part, int) and part < len(found.value):
            found = found.value[part]
        else:
            found = None
    target = found if found is not None else node
    return target.start_mark.line + 2 if target is not None else None


def page_problems(
    path: Path, root: Path, macros: tuple[MacroSpec, ...] = (), vocabularies: Mapping[str, tuple[str, ...]] | None = None, reference_build: bool = False
) -> list[Problem]:
    """A content page other than an activity: readable UTF-8, front matter (when it has one) valid YAML with
    plain-text values, no markup that would run (active_html.py), and (given the declared macros) every
    macro call one the engine can render. In the reference build (commands/reference.py) the generated
    pages are Markdown files of their own HTML, never rendered as templates: their markup is the site's."""
    file = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [Problem(file, "filen er ikke gemt som UTF-8", "Gem filen som UTF-8 i din teksteditor.")]
    if not text.startswith("---"):
        return active_html_problems(text, file, 1) + (call_problems(text, file, 1, macros, vocabularies=vocabularies) if macros else [])
    read_ = read(text, file)
    if isinstance(read_, Problem):
        return [read_]
    found = markup_problems(read_.meta, read_.nodes, file, line_of)
    generated = reference_build and read_.meta.get("render_macros") is False
    if not generated:
        found += active_html_problems(read_.body, file, read_.body_line)
    if macros and read_.meta.get("render_macros") is not False:  # mkdocs-macros' own switch for a page
        found += call_problems(read_.body, file, read_.body_line, macros, vocabularies=vocabularies)
    return found
