"""Site-wide settings, defined once: read from `extra:` in mkdocs.yml, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from macros.problems import DataError, Problem


@dataclass(frozen=True)
class Settings:
    # A figure based on fewer people than this is never published (diskretionering).
    suppression_threshold: int = 10


def from_extra(extra: dict | None) -> Settings:
    """Settings from mkdocs.yml's `extra` mapping; a bad value stops the build with a Danish message."""
    value = (extra or {}).get("suppression_threshold", Settings.suppression_threshold)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise DataError([Problem("mkdocs.yml", "extra.suppression_threshold skal være et helt tal på mindst 1", "Skriv fx 'suppression_threshold: 10' under extra:.", None, "extra.suppression_threshold", str(value))])
    return Settings(suppression_threshold=value)
