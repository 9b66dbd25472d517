"""Lists in the site's text: 'a, b og c' as Danish writes them, and the ';'-separated cells of the data packages."""

from __future__ import annotations

from typing import Iterable


def joined(items: Iterable[str]) -> str:
    """['a', 'b', 'c'] → 'a, b og c'; one item as it is, none as ''."""
    items = list(items)
    return ", ".join(items[:-1]) + " og " + items[-1] if len(items) > 1 else "".join(items)


def year_spans(years: Iterable[int]) -> str:
    """[2010, 2013, 2014, 2015] → '2010 og 2013–2015': three or more years in a row are said as a span."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return joined(said for run in runs for said in ([f"{run[0]}–{run[-1]}"] if len(run) >= 3 else map(str, run)))


def split(cell: str | None) -> tuple[str, ...]:
    """'a; b;;c ' → ('a', 'b', 'c'): a cell that lists several values (aliases, area_ids)."""
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())
