"""The files a page offers for download (each chart's CSV), handed to the build when the page is made.

A chart's CSV is written from the rows the chart was made from, while its page is rendered, instead
of computing every series a second time beforehand. Outside a build nothing is kept.
"""

from __future__ import annotations

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
