"""One kind of problem report for every check: file, line, field, what was found, what to do."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

from macros.text.format import count

# What build_scripts/commands/scaffold.py writes wherever the editor must decide; every check refuses it.
TODO = "UDFYLD"


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    hint: str
    line: int | None = None
    field: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", linje {self.line}"
        if self.field:
            where += f", felt '{self.field}'"
        found = f" (fundet: {self.value!r})" if self.value not in (None, "") else ""
        return f"{where}: {self.message}{found}. Sådan retter du det: {self.hint}"


def blocked(found: int) -> str:
    """'Intet kan udgives, før det (de) er rettet', for one problem or more; said by the check and the job summary."""
    return f"Intet kan udgives, før {'det' if found == 1 else 'de'} er rettet"


def summary(problems: list[Problem]) -> str:
    """The Danish list every command and the build print: a count, then each problem numbered."""
    lines = [f"Fandt {count(len(problems), 'problem', 'problemer')}. {blocked(len(problems))}:", ""]
    for n, problem in enumerate(problems, start=1):
        lines += [f"{n}. {problem}", ""]
    return "\n".join(lines).rstrip("\n")


class DataError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(summary(self.problems))


_DASHES = str.maketrans({"-": "–", "—": "–"})


def same_but_dashes(value: str, allowed: Iterable[str]) -> str | None:
    """The allowed value that differs from value only by its kind of dash ('unge 13-17' → 'unge 13–17'), if any."""
    return next((a for a in allowed if a != value and a.translate(_DASHES) == value.translate(_DASHES)), None)


def did_you_mean(value: object, allowed: Iterable[object]) -> str:
    """' Mente du 'x'?' naming the nearest allowed value, or '' when none is close."""
    options = {str(a): a for a in allowed}
    text = str(value)
    dashed = same_but_dashes(text, options)
    if dashed is not None:
        return f" Mente du '{dashed}'? Der skal stå en tankestreg (–), ikke en bindestreg (-)."
    close = difflib.get_close_matches(text.lower(), [o.lower() for o in options], n=1, cutoff=0.6)
    if not close:
        return ""
    match = next(o for o in options if o.lower() == close[0])
    return f" Mente du '{match}'?"
