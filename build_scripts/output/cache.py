"""Generated pages kept from earlier builds: a page is rendered again only when what it reads has changed.

A task's key hashes what its pages are made from: the site's code (macros/), the settings that change
what pages say, the data every page may read (indicators, criteria, evaluations, activities, package
dates, …) and, for an area, that area's own rows (its designations, figures and plans); every other
task reads all areas, so its key covers every area's rows. Editing a content page, a setting such as
render_workers, or one area's figures therefore re-renders nothing, nothing, and that area (with the
indicator and municipality pages that list it). Entries live in .cache/pages beside mkdocs.yml; those
no build used are removed at its end.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import zlib
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path

from macros.data.model import Catalogue
from macros.data.settings import Settings

CODE = Path(__file__).resolve().parents[2] / "macros"
LIBRARIES = ("markupsafe", "altair")


def _hash(*parts: object) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def code_digest() -> str:
    """The page functions and everything they import from the project, and the libraries that shape their output."""
    files = sorted(p for p in CODE.rglob("*") if p.is_file() and p.suffix in (".py", ".json"))
    return _hash(sys.version, [version(lib) for lib in LIBRARIES], *[(p.relative_to(CODE).as_posix(), p.read_bytes()) for p in files])


def shared_digest(catalogue: Catalogue, settings: Settings) -> str:
    """What any generated page may read, apart from the areas' own rows."""
    c = catalogue
    # a package's date is shown in the last-changed line, which is added when a page is written, not kept
    packages = [replace(p, updated=None) for p in c.packages.values()]
    return _hash(settings.content(), c.indicators, c.criteria, c.national, c.studies, c.results, c.designs, c.knowledge_levels,
                 c.activities, c.activity_results, c.result_activities, c.pools, c.list_counts, packages, c.data_year,
                 c.result_kinds, c.located_studies, c.indicator_domains)


def area_digest(catalogue: Catalogue, area_id: str) -> str:
    """An area's own rows: its name and municipality, list placements, figures and plans with their goals and activities."""
    c = catalogue
    published = sorted((k, v) for k, v in c.published.items() if k[0] == area_id)
    known = [k for k in c.known_plans if area_id in k.area_ids]
    return _hash(c.areas[area_id], c.designations.get(area_id), [c.observations.get((area_id, i)) for i in c.indicators], c.plans_of(area_id), published, known)


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str):
        """The kept entry, or None (also for an entry that cannot be read)."""
        try:
            return pickle.loads(zlib.decompress(self._path(key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, entry: object) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{key}.{os.getpid()}")
        partial.write_bytes(zlib.compress(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL), 1))
        partial.replace(path)  # atomic: another build never reads half an entry

    def prune(self, used: set[str]) -> None:
        """Remove the entries no task of this build used."""
        if self.folder.is_dir():
            for path in self.folder.glob("*/*"):
                if path.name not in used:
                    path.unlink(missing_ok=True)


def task_keys(catalogue: Catalogue, settings: Settings, tasks) -> list[str]:
    """Each task's key, in the tasks' order."""
    base = _hash(code_digest(), shared_digest(catalogue, settings))
    areas = {a: area_digest(catalogue, a) for a in catalogue.areas}
    everything = _hash(base, sorted(areas.items()), catalogue.plans)
    return [_hash(base, task.name, areas[task.area_id]) if task.area_id else _hash(everything, task.name) for task in tasks]
