"""One kind of problem report for every check: file, line, field, what was found, what to do."""

from __future__ import annotations

from dataclasses import dataclass


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


class DataError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = [f"Data eller indhold er ugyldigt ({len(self.problems)} problem(er)); intet er udgivet:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))
