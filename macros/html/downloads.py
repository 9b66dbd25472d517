"""The files a page offers for download (each chart's CSV), handed to the build when the page is made.

A chart's CSV is written from the rows the chart was made from, while its page is rendered, instead
of computing every series a second time beforehand. Outside a build nothing is kept.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

_offered: dict[str, Callable[[], str]] = {}
_state = {"collecting": False}


def collect(on: bool = True) -> None:
    """Start (or stop) keeping the offered files for a build."""
    _offered.clear()
    _state["collecting"] = on


def offer(path: str, content: Callable[[], str]) -> None:
    """A file at `path` in the site, made by content() when it is written."""
    if _state["collecting"]:
        _offered.setdefault(path, content)


def take() -> dict[str, Callable[[], str]]:
    """The files offered since the last call; the build writes them."""
    taken = dict(_offered)
    _offered.clear()
    return taken


def write_file(path: Path | str, data: bytes) -> None:
    """Write a new file with three system calls; open() takes six (it asks whether the file is a terminal,
    and where it stands), and at national scale the build writes 170,000 files on a machine where a
    system call is costly."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def write_files(site: Path, files: dict[str, str | bytes]) -> None:
    """Write files (site path → text or bytes) into the site folder."""
    folders: set[Path] = set()
    for path, content in files.items():
        target = site / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        write_file(target, content.encode("utf-8") if isinstance(content, str) else content)


def write_offered(site: Path) -> dict[str, str]:
    """Write the files offered since the last call into the site folder; returns them (site path → text)."""
    written = {path: content() for path, content in take().items()}
    write_files(site, written)
    return written
