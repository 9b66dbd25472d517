"""Stable ASCII slugs for Danish names (æ→ae, ø→oe, å→aa)."""

from __future__ import annotations

import re
import unicodedata

# Dashes become word breaks ('0–5' → '0-5'), since NFKD would drop them and join the words.
_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa", "–": "-", "—": "-"})


def slugify(text: str) -> str:
    """'Korsløkkeparken Øst' → 'korsloekkeparken-oest'; other accents are dropped, not guessed."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_DANISH)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make a slug from {text!r}")
    return slug


SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def toc_slug(value: str, separator: str = "-") -> str:
    """Heading anchors for Python-Markdown's toc: the same Danish spelling as page slugs ('Mål' → 'maal')."""
    try:
        return slugify(value).replace("-", separator)
    except ValueError:
        return "afsnit"
