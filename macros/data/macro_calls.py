"""The macro calls of the editorial pages, checked before any engine renders them.

An editor writes `[[ area_index() ]]`; a misspelt name, a call on the wrong kind of page or a wrong
argument would otherwise stop the engine with an English traceback from Jinja or from the macro. The
calls are read with Jinja's own parser (the site's delimiters, as in mkdocs.yml), so what is checked is
exactly what the engine would run; each problem names the file, the line and the call as written.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Mapping

from jinja2 import Environment, TemplateSyntaxError, nodes

from macros.data.problems import Problem

# mkdocs.yml: plugins.macros.j2_*_string (front_matter.MACRO_OPEN is the first of them)
DELIMITERS = {
    "variable_start_string": "[[", "variable_end_string": "]]",
    "block_start_string": "[[%", "block_end_string": "%]]",
    "comment_start_string": "[[#", "comment_end_string": "#]]",
}
EDITORIAL, ACTIVITY = "side", "aktivitet"  # the kinds of page a macro is for
TABLES = "tabeller"  # a vocabulary known only from the data: every 'package/table' (macros/data/load.py)
SCOPE_WORDS = {EDITORIAL: "en almindelig side (ikke en aktivitetsside)", ACTIVITY: "en aktivitetsside i content/aktiviteter/"}


@dataclass(frozen=True)
class Param:
    name: str  # as the editor reads it, in Danish
    example: str
    choices: tuple[str, ...] | str = ()  # the allowed texts, or the name of a vocabulary known only from the data


@dataclass(frozen=True)
class MacroSpec:
    name: str
    params: tuple[Param, ...] = ()
    scope: str = EDITORIAL
    variable: bool = False  # a value written [[ name ]], not a call


def written(spec: MacroSpec) -> str:
    """How an editor writes it: 'data_columns("evaluations/studies")', 'suppression_threshold'."""
    if spec.variable:
        return spec.name
    return f"{spec.name}({', '.join(repr_text(p.example) for p in spec.params)})"


def repr_text(text: str) -> str:
    return '"' + text + '"'


def _parser() -> Environment:
    return Environment(**DELIMITERS)


_CALL_TEXT = re.compile(r"\[\[.*?\]\]")


def _as_written(lines: list[str], lineno: int, name: str | None, nth: int = 0) -> str:
    """The nth [[ … ]] on that line that holds the name (a [[% … %]] when no name is given)."""
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    found = _CALL_TEXT.findall(line)
    fits = [f for f in found if re.search(rf"\b{re.escape(name)}\b", f)] if name else [f for f in found if f.startswith("[[%")]
    return fits[nth] if nth < len(fits) else (found[0] if found else line.strip()[:60])


def allowed_here(specs: tuple[MacroSpec, ...], scope: str) -> str:
    return "Denne side kan bruge: " + ", ".join(sorted(written(s) for s in specs if s.scope == scope)) + "."


def call_problems(body: str, file: str, first_line: int, specs: tuple[MacroSpec, ...], scope: str = EDITORIAL,
                  vocabularies: Mapping[str, tuple[str, ...]] | None = None) -> list[Problem]:
    """Every macro call in a page body that the engine could not render, or that would render the wrong thing."""
    if "[[" not in body:
        return []
    lines = body.split("\n")
    try:
        tree = _parser().parse(body)
    except TemplateSyntaxError as error:
        return [
            Problem(
                file,
                "et makrokald er ikke skrevet færdigt eller rigtigt",
                "Skriv kaldet som [[ navn() ]], med to firkantede parenteser på hver side; skal [[ stå som tekst, så skriv [[% raw %]][[…]][[% endraw %]]. "
                + allowed_here(specs, scope),
                first_line + error.lineno - 1,
                None,
                _as_written(lines, error.lineno, None),
            )
        ]
    checker = _Checker(file, first_line, lines, {s.name: s for s in specs}, scope, vocabularies or {})
    for node in tree.body:
        checker.statement(node)
    return checker.problems


class _Checker:
    def __init__(self, file, first_line, lines, specs, scope, vocabularies):
        self.file, self.first_line, self.lines, self.specs, self.scope, self.vocabularies = file, first_line, lines, specs, scope, vocabularies
        self.problems: list[Problem] = []
        self.here = tuple(s for s in specs.values() if s.scope == scope)
        self.seen: dict[tuple[int, str | None], int] = {}  # Jinja gives a line, not a column: the nth call of a name on a line is the nth written

    def add(self, node, name, message, hint):
        self.problems.append(
            Problem(
                self.file,
                message,
                hint + " " + allowed_here(self.here, self.scope),
                self.first_line + node.lineno - 1,
                None,
                _as_written(self.lines, node.lineno, name, self.seen.get((node.lineno, name), 1) - 1),
            )
        )

    def count(self, node, name) -> None:
        self.seen[(node.lineno, name)] = self.seen.get((node.lineno, name), 0) + 1

    def statement(self, node) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expression(child)
        else:
            self.count(node, None)
            self.add(
                node,
                None,
                "sidens tekst indeholder en skabelon-kommando ([[% … %]]); på dette site må en side kun kalde sitets egne makroer",
                "Slet kommandoen; skal teksten vises som den står, så skriv den mellem [[% raw %]] og [[% endraw %]].",
            )

    def expression(self, node) -> None:
        first = node if isinstance(node, nodes.Name) else node.find(nodes.Name)
        name = first.name if first is not None else None
        self.count(node, name)
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
            self.call(node, node.node.name)
        elif isinstance(node, nodes.Name):
            self.value(node, node.name)
        else:
            self.add(
                node,
                name,
                "makrokaldet er ikke et simpelt kald af en af sitets makroer",
                'Skriv kaldet som [[ navn() ]] eller [[ navn("tekst") ]], uden punktum, | eller regnestykker.',
            )

    def known(self, node, name) -> MacroSpec | None:
        spec = self.specs.get(name)
        if spec is None:
            near = difflib.get_close_matches(name, list(self.specs), n=1, cutoff=0.6)
            mean = f" Mente du '{near[0]}'?" if near else ""
            self.add(node, name, f"makroen '{name}' findes ikke", "Ret navnet, eller slet kaldet." + mean)
            return None
        if spec.scope != self.scope:
            self.add(
                node,
                name,
                f"makroen '{name}' virker kun på {SCOPE_WORDS[spec.scope]}",
                "Slet kaldet her" + (", eller flyt det til en aktivitetsside." if spec.scope == ACTIVITY else "."),
            )
            return None
        return spec

    def value(self, node, name) -> None:
        spec = self.known(node, name)
        if spec is not None and not spec.variable:
            self.add(
                node, name, f"makroen '{name}' er skrevet uden parenteser, så siden ville vise koden i stedet for indholdet", f"Skriv [[ {written(spec)} ]]."
            )

    def call(self, node: nodes.Call, name: str) -> None:
        spec = self.known(node, name)
        if spec is None:
            return
        if spec.variable:
            self.add(node, name, f"'{name}' er et tal, ikke en makro, og kaldes uden parenteser", f"Skriv [[ {name} ]].")
            return
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            self.add(node, name, f"makroen '{name}' tager ingen navngivne argumenter", f"Skriv kaldet som [[ {written(spec)} ]].")
            return
        want, got = len(spec.params), len(node.args)
        if want != got:
            self.add(node, name, f"makroen '{name}' skal have {_count(want)}, men har fået {got}", f"Skriv kaldet som [[ {written(spec)} ]].")
            return
        for n, (param, arg) in enumerate(zip(spec.params, node.args), start=1):
            if not (isinstance(arg, nodes.Const) and isinstance(arg.value, str)):
                self.add(node, name, f"argument {n} til '{name}' ({param.name}) skal være en tekst i anførselstegn", f"Skriv kaldet som [[ {written(spec)} ]].")
                continue
            choices = self.vocabularies.get(param.choices, ()) if isinstance(param.choices, str) else param.choices
            if choices and arg.value not in choices:
                near = difflib.get_close_matches(arg.value, list(choices), n=1, cutoff=0.6)
                mean = f" Mente du {repr_text(near[0])}?" if near else ""
                self.add(
                    node,
                    name,
                    f"argument {n} til '{name}' ({param.name}) er ikke en af de tilladte værdier",
                    f"Brug en af: {', '.join(map(repr_text, choices))}.{mean}",
                )


def _count(n: int) -> str:
    return "ingen argumenter" if n == 0 else ("ét argument" if n == 1 else f"{n} argumenter")
