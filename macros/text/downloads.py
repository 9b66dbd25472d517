"""CSV downloads that open safely in a spreadsheet: text that Excel would read as a formula stays text.

OWASP's advice on CSV injection: a cell beginning with =, +, -, @, a tab or a carriage return is
run as a formula by Excel and LibreOffice; a leading apostrophe makes it text. Numbers are written
as numbers, so a real negative figure is unchanged.
"""

from __future__ import annotations

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """'=HYPERLINK(…)' → "'=HYPERLINK(…)"; any other text as it is."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value: float) -> float | int:
    return int(value) if value.is_integer() else value


# What a CSV cell holds, by the value's type: '' for nothing, 62 for 62.0 (as the package CSVs write it),
# text made safe, anything else as it is. A lookup per cell: a national build writes millions of cells.
_CELL = {type(None): lambda value: "", str: spreadsheet_safe, float: _number}


def cell(value) -> object:
    return _CELL.get(value.__class__, _as_is)(value)


def _as_is(value):
    return value


def csv_text(rows, columns) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    get = _CELL.get
    writer.writerows([get(v.__class__, _as_is)(v) for v in row] for row in rows)
    return out.getvalue()
