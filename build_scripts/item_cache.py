"""Area pages and reports kept from earlier builds, so a rebuild after a change to some areas' figures renders only those.

An area's page and report depend on its own rows of the observations file and on everything else the
build reads: the other data files, the content folder, the code, mkdocs.yml, the packages' dates, the
latest data year and the library versions. An area's key hashes both; its entry holds what writing
its two pages produced (content, table of contents, search entries, chart CSVs and templates). The
theme's frame is never kept: it is filled in for every page in every build. Entries live in
.cache/item-pages beside mkdocs.yml; those no build used are removed at its end.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import zlib
from importlib.metadata import version
from pathlib import Path

OWN_ROWS = Path("datapackages") / "indicators" / "observations.csv"  # split by area; every other input is shared
INPUTS = ("datapackages", "content", "macros", "build_scripts", "mkdocs.yml")
LIBRARIES = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "markdown", "jinja2", "markupsafe", "altair")


def shared_digest(root: Path, extra: object) -> str:
    """A hash of every input but the areas' own rows, and of `extra` (dates, data year, settings)."""
    digest = hashlib.sha1(repr((sys.version, [version(lib) for lib in LIBRARIES], extra)).encode())
    for name in INPUTS:
        top = root / name
        paths = sorted(p for p in (top.rglob("*") if top.is_dir() else [top]) if p.is_file() and "__pycache__" not in p.parts)
        for path in paths:
            relative = path.relative_to(root)
            if relative != OWN_ROWS:
                digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class ItemCache:
    def __init__(self, folder: Path, shared: str):
        self._folder, self._shared = folder, shared

    def key(self, own_rows: object) -> str:
        return hashlib.sha1((self._shared + repr(own_rows)).encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self._folder / key[:2] / key

    def get(self, key: str):
        """The kept entry, or None."""
        try:
            return pickle.loads(zlib.decompress(self._path(key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError):
            return None

    def put(self, key: str, entry: object) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{key}.{os.getpid()}")
        partial.write_bytes(zlib.compress(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL), 1))
        partial.replace(path)  # atomic: another build never reads half an entry

    def prune(self, used: set[str]) -> None:
        """Remove the entries no area of this build used."""
        if self._folder.is_dir():
            for path in self._folder.glob("*/*"):
                if path.name not in used:
                    path.unlink(missing_ok=True)
