"""Markup in an editor's Markdown that would run or load something in the reader's browser.

Markdown lets raw HTML through to the page, so a page body is read for it before any engine renders it:
script, style and embedding elements, event-handler and style attributes, and javascript: addresses. Code (fenced
blocks and `inline code`) is shown as text, so it may show such markup; the guide does.
"""

from __future__ import annotations

import re

from macros.data.problems import Problem

ACTIVE_HTML = re.compile(r"<\s*(script|iframe|object|embed|style|form|base|meta|link|svg|math)\b|<[^>]*\s(on[a-z]+|style)\s*=|javascript:", re.I)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+).+?\1")
MESSAGE = "teksten indeholder HTML, der kan køre kode i læserens browser"
HINT = ("Skriv almindelig tekst og Markdown; slet script, iframe, style, form, javascript: og on…=- og style=-attributter "
        "(vil du vise dem, så skriv dem som `kode`).")


def active_html_problems(body: str, file: str, first_line: int) -> list[Problem]:
    """A problem for each line of body (which starts at the file's first_line) with active markup outside code."""
    problems, fenced = [], False
    for n, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else ACTIVE_HTML.search(_CODE_SPAN.sub("", line))
        if match:
            problems.append(Problem(file, MESSAGE, HINT, first_line + n, None, match.group(0).strip()[:40]))
    return problems
