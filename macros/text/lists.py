"""Lists in the site's text: 'a, b og c' as Danish writes them, and the ';'-separated cells of the data packages."""

from __future__ import annotations

from typing import Iterable


def joined(items: Iterable[str]) -> str:
    """['a', 'b', 'c'] → 'a, b og c'; one item as it is, none as ''."""
    items = list(items)
    return ", ".join(items[:-1]) + " og " + items[-1] if len(items) > 1 else "".join(items)


def split(cell: str | None) -> tuple[str, ...]:
    """'a; b;;c ' → ('a', 'b', 'c'): a cell that lists several values (aliases, area_ids)."""
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())
