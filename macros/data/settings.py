"""Site-wide settings, defined once: read from `extra:` in mkdocs.yml, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.data.problems import DataError, Problem


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


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml for its `extra:` only; MkDocs' !!python/name tags are left unresolved."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def from_mkdocs_yml(root: Path) -> Settings:
    """The settings in root/mkdocs.yml, for commands that run outside `mkdocs build`."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    return from_extra(config.get("extra"))
