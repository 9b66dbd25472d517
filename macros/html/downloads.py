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


def cell(value) -> object:
    """What a CSV cell holds: '' for nothing, 62 for 62.0 (as the package CSVs write it), text made safe."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def csv_text(rows, columns) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue()
