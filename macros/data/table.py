"""A checked resource's typed rows, held as its columns."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


class Table(Sequence):
    """Rows read as dicts (field → typed value, None where missing), made one at a time as they are read; the columns
    themselves for the few readers of a national table (1.2 million observations at 10,000 areas), which would
    otherwise make and drop a dict per row: about a second of every build."""

    __slots__ = ("_columns",)

    def __init__(self, columns: dict[str, list]):
        self._columns = columns

    def column(self, name: str) -> list:
        return self._columns[name]

    def __len__(self) -> int:
        return len(next(iter(self._columns.values()), ()))

    def __iter__(self) -> Iterator[dict]:
        names = tuple(self._columns)
        for values in zip(*self._columns.values()):
            yield dict(zip(names, values))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [dict(zip(self._columns, values)) for values in zip(*(c[index] for c in self._columns.values()))]
        return {name: column[index] for name, column in self._columns.items()}

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (Table, list)) else NotImplemented

    __hash__ = None
