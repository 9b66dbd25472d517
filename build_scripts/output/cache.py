"""Generated pages kept from earlier builds: a page is rendered again only when what it reads has changed.

A task's key hashes what its pages are made from: the site's code (macros/), the settings that change
what pages say, and the catalogue fields its kind declares (macros/pages/registry.py), which are all
the page function can read (macros/data/view.py). An area's task declares that area's rows only
(registry.AREA_ROWS: its designations, figures and plans), and an indicator's or a municipality's task the
figures it shows (PageKind.series: that indicator's, that municipality's areas'), so editing one figure re-renders
that area, its indicator's and its municipality's pages, and the areas that show it among their similar
areas when the figure is of the year they are compared in; editing a content page or
a setting such as render_workers re-renders nothing. Entries live in .bse-cache/pages beside mkdocs.yml
(pages_folder), the chart templates they name once in .bse-cache/templates; those no build used are removed at its end.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
import threading
import zlib
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path

from macros.data.model import DERIVED, Catalogue
from macros.data.settings import Settings
from macros.pages.registry import AREA_ROWS, observations_of

CODE = Path(__file__).resolve().parents[2] / "macros"
LIBRARIES = ("markupsafe", "altair")


def pages_folder(root: Path) -> Path:
    """Where a project's kept pages live: not in .cache/, which is Zensical's and which `zensical build --clean` removes
    while the generator, started before the engine, is already writing there."""
    return root / ".bse-cache" / "pages"


def pieces_folder(root: Path) -> Path:
    """Where the site's data files made by pieces (site_files.data_pieces) are kept between builds, by the piece's key."""
    return root / ".bse-cache" / "pieces"


def links_file(root: Path) -> Path:
    """What the engine's pages parsed to in the last build's link check (build_scripts/output/links.py parse())."""
    return root / ".bse-cache" / "links.marshal"


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


def _series(pairs) -> bytes:
    """(key, figures) pairs of the observations, written by marshal as plain tuples: a repr of a million named
    tuples took a second of every build, this a third of it (version 2 writes no references, so equal values give
    equal bytes)."""
    return marshal.dumps([(key, tuple(map(tuple, figures))) for key, figures in pairs], 2)


def field_digest(catalogue: Catalogue, name: str) -> str:
    """One catalogue field, whole."""
    value = getattr(catalogue, name)
    if name == "observations":
        return _hash(name, _series(value.items()))
    if name == "packages":  # a package's date is shown in the last-changed line, which is added when a page is written, not kept
        value = [replace(p, updated=None) for p in value.values()]
    return _hash(name, value)


def area_digest(catalogue: Catalogue, area_id: str, reads: frozenset[str]) -> str:
    """An area's own rows of the declared fields: its name and municipality, list placements, figures and plans."""
    c = catalogue
    rows = {
        "areas": lambda: c.areas[area_id],
        "designations": lambda: c.designations.get(area_id),
        "observations": lambda: _series((i, c.observations.get((area_id, i), ())) for i in c.indicators),
        "plans": lambda: [c.plans[p] for p in c.area_plans.get(area_id, ())],
        "area_plans": lambda: c.area_plans.get(area_id),
        "published": lambda: sorted((k, v) for k, v in c.published.items() if k[0] == area_id),
        "known_plans": lambda: [k for k in c.known_plans if area_id in k.area_ids],
        "similar": lambda: similar_rows(c, area_id),
    }
    return _hash(*[(name, rows[name]()) for name in sorted(reads)])


def similar_rows(catalogue: Catalogue, area_id: str) -> tuple:
    """An area's similar areas as its page shows them: the year, each neighbour's name, distance and figures that year."""
    found = catalogue.similar
    if found is None or area_id not in found.neighbours:
        return (None,)
    return found.year, found.criteria, [(n, catalogue.areas[n].name, d, found.values[n]) for n, d in found.neighbours[area_id]]


def write_atomically(path: Path, data: bytes) -> None:
    """A kept file written whole or not at all: another build (or thread) never reads half of it, and a write that fails
    leaves no part of it behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


class Cache:
    """Each task's rendered pages, one entry per task key. A page's chart templates are kept once beside the entries,
    by their content-hashed keys, and an entry names them: every area's page uses the same dozen, and keeping them in
    each of 10,000 entries was most of what the build pickled and compressed (macros/charts/base.py template_of)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.templates = folder.parent / "templates"
        self._known: dict[str, dict] = {}  # the templates this process has written or read

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def files(self, key: str) -> dict | None:
        """A piece's kept files (site path → content), or None."""
        try:
            files = pickle.loads(zlib.decompress(self._path(key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return files if isinstance(files, dict) else None

    def keep_files(self, key: str, files: dict) -> None:
        write_atomically(self._path(key), zlib.compress(pickle.dumps(files, pickle.HIGHEST_PROTOCOL), 1))

    def get(self, key: str) -> list | None:
        """The kept pages, or None (also for an entry that cannot be read, or whose templates are gone)."""
        try:
            pages = pickle.loads(zlib.decompress(self._path(key).read_bytes()))
            return [page._replace(templates={k: self._template(k) for k in page.templates}) for page in pages]
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def put(self, key: str, pages: list) -> None:
        for page in pages:
            for name, spec in page.templates.items():
                if name not in self._known:
                    write_atomically(self.templates / name, pickle.dumps(spec, pickle.HIGHEST_PROTOCOL))
                    self._known[name] = spec
        named = [page._replace(templates=dict.fromkeys(page.templates)) for page in pages]
        write_atomically(self._path(key), zlib.compress(pickle.dumps(named, pickle.HIGHEST_PROTOCOL), 1))

    def _template(self, name: str) -> dict:
        if name not in self._known:
            self._known[name] = pickle.loads((self.templates / name).read_bytes())
        return self._known[name]

    def prune(self, used: set[str], templates: set[str] | None = None) -> None:
        """Remove the entries this build did not use, and (given) the templates none of its pages used."""
        for folder, kept, pattern in ((self.folder, used, "*/*"), (self.templates, templates, "*")):
            if kept is not None and folder.is_dir():
                for path in folder.glob(pattern):
                    if path.name not in kept:
                        path.unlink(missing_ok=True)


class Keys:
    """A task's key: what every task of its kind reads is hashed once, here; an area's own rows when the key is asked
    for, which the generator does in the worker that renders the task (at 10,000 areas, seconds off the build's start)."""

    def __init__(self, catalogue: Catalogue, settings: Settings, tasks):
        base = _hash(code_digest(), settings.content())
        kinds = list(dict.fromkeys(task.kind for task in tasks))
        # an area's own rows apart, and the series of a kind that reads only some
        shared_reads = {kind: sorted(kind.reads - AREA_ROWS if kind.per_area else kind.reads - {"observations"} if kind.series else kind.reads)
                        for kind in kinds}
        whole = {name: field_digest(catalogue, name) for name in sorted(set().union(*shared_reads.values()))}
        self._shared = {kind: _hash(base, kind.name, *[whole[n] for n in reads]) for kind, reads in shared_reads.items()}
        self._base, self._whole = base, whole
        self._catalogue = catalogue
        # the derived properties an area's key reads, computed here once, before the workers that ask for keys are forked
        # (each would otherwise compute, and hold, its own: at 10,000 areas the similar areas are seconds and 100 MB)
        for name in sorted(set().union(*(k.reads & AREA_ROWS for k in kinds if k.per_area)) & set(DERIVED)):
            getattr(catalogue, name)

    def __call__(self, task) -> str:
        kind = task.kind
        own = (area_digest(self._catalogue, task.key, kind.reads & AREA_ROWS) if kind.per_area else
               _series(observations_of(self._catalogue, kind, task.key).items()) if kind.series else "")
        return _hash(self._shared[kind], task.key, own)

    def of_piece(self, name: str, reads: frozenset[str], observations: dict) -> str:
        """A piece of the site's data files made from the fields reads, of which observations holds its slice of the figures."""
        whole = [self._whole.get(n) or field_digest(self._catalogue, n) for n in sorted(reads - {"observations"})]
        return _hash(self._base, name, *whole, _series(observations.items()))


def task_keys(catalogue: Catalogue, settings: Settings, tasks) -> list[str]:
    """Each task's key, in the tasks' order."""
    key = Keys(catalogue, settings, tasks)
    return [key(task) for task in tasks]
