"""A view of the catalogue that lets a page read only the fields its kind declares (macros/pages/registry.py).

Everything a page is made from must be declared, because the declaration decides when the page is
rendered again (build_scripts/output/cache.py) and which data date it shows (provenance.py). A
page function handed a view fails at the first field its kind forgot, in the test that renders
every page (tests/test_page_kinds.py), instead of serving a stale page later.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cached_property

from macros.data.model import DERIVED, Catalogue

FIELDS = frozenset(f.name for f in fields(Catalogue))


class UndeclaredRead(Exception):
    """A page read a catalogue field its kind does not declare (not an AttributeError, so getattr(…, default) cannot hide it)."""


class CatalogueView:
    """catalogue's declared fields as attributes; its methods and properties run on the view, so what they read is checked too."""

    def __init__(self, catalogue: Catalogue, reads: frozenset[str], kind: str, shown: dict[str, object] | None = None):
        """shown: a declared field's part the page is shown in place of the whole (an indicator page's own series)."""
        unknown = reads - FIELDS - set(DERIVED)
        if unknown:
            raise ValueError(f"page kind {kind!r} declares fields the catalogue does not have: {sorted(unknown)}")
        for name in reads & set(DERIVED):
            if DERIVED[name] - reads:
                raise UndeclaredRead(f"page kind {kind!r} reads catalogue.{name}, made from {sorted(DERIVED[name] - reads)}, without declaring them")
        self.__dict__.update({name: getattr(catalogue, name) for name in reads})
        self.__dict__.update({name: part for name, part in (shown or {}).items() if name in reads})
        self._kind = kind

    def __getattr__(self, name: str):
        # reached only for what __init__ did not set: an undeclared field, or one of the catalogue's methods
        if name in FIELDS:
            raise UndeclaredRead(f"page kind {self._kind!r} reads catalogue.{name} without declaring it (macros/pages/registry.py)")
        if name in DERIVED:  # declared, it is set in __init__ from the catalogue, where it is computed once
            raise UndeclaredRead(f"page kind {self._kind!r} reads catalogue.{name} without declaring it (macros/pages/registry.py)")
        found = getattr(Catalogue, name)  # AttributeError for a name the catalogue does not have either
        value = found.func(self) if isinstance(found, cached_property) else found.__get__(self) if callable(found) else found
        self.__dict__[name] = value
        return value
