"""How a published figure is named beside it, saying what its source does not say itself."""

from __future__ import annotations

# published_values.csv's `inferred`: what was worked out rather than read in the source
INFERRED = {"år": "listeåret er udledt", "område": "området er udledt"}


def published(inferred: str | None = None, word: str = "offentliggjort tal", sep: str = ", ") -> str:
    """'offentliggjort tal', or 'offentliggjort tal, listeåret er udledt'; sep='; ' where a comma would split a CSV cell."""
    return f"{word}{sep}{INFERRED[inferred]}" if inferred else word
