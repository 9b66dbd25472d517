"""Danish number formatting for text and tables (decimal comma, dot as thousands separator)."""

from __future__ import annotations


def number(value: float | int | None, decimals: int | None = None) -> str:
    """1234.5 → '1.234,5'; None → '–'. Without decimals given, trailing zeros are dropped."""
    if value is None:
        return "–"
    if decimals is None:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
