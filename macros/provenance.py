"""When a file or folder last changed, from git: the date of its last commit."""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(path: Path) -> str | None:
    """'2026-11-23', or None outside a git checkout or for files git does not know yet."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent, capture_output=True, text=True, timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None
