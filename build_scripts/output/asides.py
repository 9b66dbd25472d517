"""Unsearchable blocks of the editorial pages (charts, long lists), kept out of the engine's hands and put back into
the pages it wrote.

A macro's unsearchable block (macros/pages/page.py, Body.markdown) reaches the engine as a placeholder; its HTML
waits in .bse-cache/asides beside mkdocs.yml, named by its digest. The engine's Markdown and search parsed every
row of the list of every area, and of the plans running each activity, only to pass them through (at 10,000 areas,
seconds of every build), and Material's search indexed the text of charts it was told to leave out. The generator
puts each block back when it finishes the engine's pages (writer.finish_engine_pages); blocks no build has used for
an hour are removed. Only on an engine that leaves a macro's links as written (its adapter's SETS_ASIDE: MkDocs).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path
from typing import Callable

from build_scripts.output.cache import write_atomically
from macros.data.problems import DataError, Problem

_PLACEHOLDER = re.compile(r'<div data-bse-aside="([0-9a-f]{40})"></div>')


def folder(root: Path) -> Path:
    return root / ".bse-cache" / "asides"


def set_aside(root: Path) -> Callable[[str], str]:
    """For the macros: keep a block's HTML, return its placeholder."""
    kept = folder(root)

    def keep(html: str) -> str:
        data = html.encode("utf-8")
        key = hashlib.sha1(data).hexdigest()
        path = kept / key
        try:
            os.utime(path)  # kept from an earlier build: marked as in use (prune)
        except FileNotFoundError:
            write_atomically(path, data)
        return f'<div data-bse-aside="{key}"></div>'

    return keep


def put_back(html: str, root: Path, page: str, used: set[str]) -> str:
    """The page with each placeholder replaced by its block; the blocks' names are added to used."""
    if "data-bse-aside" not in html:
        return html

    def block(match: re.Match) -> str:
        used.add(match[1])
        try:
            return (folder(root) / match[1]).read_text(encoding="utf-8")
        except OSError:
            raise DataError([Problem(page, f"en del af siden mangler i {folder(root).name}/ (den blev skrevet under en anden bygning)",
                                     "Byg sitet igen; sker det igen, så slet mappen .bse-cache og byg igen.")]) from None

    filled = _PLACEHOLDER.sub(block, html)
    if "data-bse-aside" in filled:  # a placeholder the engine changed: never publish the page without its block
        raise DataError([Problem(page, "en del af siden kunne ikke sættes ind igen efter motoren", "Byg sitet igen; sker det igen, så meld det som en fejl.")])
    return filled


IDLE = 3600  # seconds: a block no page of this build used is removed only when no build has used it for that long


def prune(root: Path, used: set[str], now: float | None = None) -> None:
    """Remove the blocks no page of this build used and no build has used for IDLE seconds (another build of the same
    project, such as `mkdocs serve` beside `make site`, may be about to put its blocks back)."""
    kept = folder(root)
    limit = (time.time() if now is None else now) - IDLE
    if kept.is_dir():
        for path in kept.iterdir():
            try:
                if path.name not in used and path.stat().st_mtime < limit:
                    path.unlink()
            except FileNotFoundError:
                pass
