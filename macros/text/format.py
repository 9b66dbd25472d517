"""Danish conventions for text and tables: numbers (decimal comma, dot for thousands) and alphabetical order."""

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


_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})


def danish_key(text: str) -> str:
    """Sort key in Danish alphabetical order: a–z, then æ, ø, å (code points would give å, æ, ø)."""
    return text.lower().translate(_ORDER)


def count(n: int, singular: str, plural: str) -> str:
    """3, 'problem', 'problemer' → '3 problemer'; Danish nouns have no regular plural, so both forms are given."""
    return f"{number(n, 0)} {singular if n == 1 else plural}"
