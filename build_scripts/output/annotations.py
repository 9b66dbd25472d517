"""The check's problems as a GitHub pull request shows them: an annotation at each file and line, and the
whole list as a table in the job summary. Only GitHub's workflow-command syntax lives here.

GitHub shows at most ten error annotations per step, so the first ten are errors and one warning says
how many more there are (warnings have their own ten); the job summary holds them all, up to its 1 MiB.
"""

from __future__ import annotations

from macros.data.problems import Problem, blocked
from macros.text.format import count

SHOWN = 10  # error annotations GitHub shows per step
SUMMARY_LIMIT = 1024 * 1024  # bytes GitHub accepts per step summary


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    where = [f"file={_property(problem.file)}"] + ([f"line={problem.line}"] if problem.line is not None else [])
    title = problem.file + (f", felt '{problem.field}'" if problem.field else "")
    return f"::error {','.join(where)},title={_property(title)}::{_data(str(problem))}"


def annotations(problems: list[Problem]) -> list[str]:
    lines = [annotation(p) for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        rest = len(problems) - SHOWN
        more = f"Og {count(rest, 'problem', 'problemer')} mere: se hele listen i jobbets opsummering."
        lines.append(f"::warning title={_property('Flere problemer')}::{_data(more)}")
    return lines


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def summary_table(problems: list[Problem]) -> str:
    """A Markdown table in Danish, cut with a last line if it would pass GitHub's limit."""
    head = [f"### Tjek af indholdet: {count(len(problems), 'problem', 'problemer')}", "",
            f"{blocked(len(problems))}.", "",
            "| # | Fil | Linje | Felt | Fundet | Problem | Sådan retter du det |", "|---|---|---|---|---|---|---|"]
    out, size = list(head), sum(len(x.encode()) + 1 for x in head)
    for n, p in enumerate(problems, start=1):
        row = f"| {n} | {_cell(p.file)} | {_cell(p.line)} | {_cell(p.field)} | {_cell(p.value)} | {_cell(p.message)} | {_cell(p.hint)} |"
        if size + len(row.encode()) + 200 > SUMMARY_LIMIT:
            out.append(f"\nListen er afkortet: {count(len(problems) - n + 1, 'problem', 'problemer')} mere står i loggen.")
            break
        out.append(row)
        size += len(row.encode()) + 1
    return "\n".join(out) + "\n"
