"""When a file or folder last changed, from git: the date of its last commit."""

from __future__ import annotations

import subprocess
from pathlib import Path

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december")
# Which data packages the editorial pages are made from, by the first folder of the page's address; a
# generated page is dated by the fields its kind reads (macros/pages/registry.py, macros/data/model.py FIELD_PACKAGES).
EDITORIAL_DATA = {
    "omraader": ("areas", "indicators", "plans"),
    "kommuner": ("areas", "indicators", "plans"),
    "indikatorer": ("indicators", "areas"),
    "evalueringer": ("evaluations",),
    "aktiviteter": ("evaluations",),
    "rapporter": ("areas", "indicators", "plans", "evaluations", "pools"),
    "data": ("areas", "indicators", "evaluations", "pools", "plans"),
    "puljer": ("pools",),
}


def editorial_packages(url: str) -> tuple[str, ...]:
    return EDITORIAL_DATA.get(url.split("/", 1)[0], ())


def last_changed(path: Path) -> str | None:
    """'2026-11-23', or None outside a git checkout or for files git does not know yet. Asked afresh each
    time (each package once per load, each editorial page once per build), so `mkdocs serve` sees a new commit."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name], cwd=path.parent, capture_output=True, text=True, timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def shallow_clone(root: Path) -> bool:
    """Whether root is a git checkout without its whole history (every date would read as the last commit's)."""
    try:
        result = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def danish_date(iso: str) -> str:
    """'2026-11-23' → '23. november 2026'."""
    year, month, day = iso.split("-")
    return f"{int(day)}. {MONTHS[int(month) - 1]} {year}"


def page_dates(source: Path | None, packages: tuple[str, ...], package_dates: dict[str, str | None]) -> tuple[str | None, str | None]:
    """(content date, data date) for a page: its Markdown file's last commit, and the newest of its packages."""
    content = last_changed(source) if source is not None else None
    data = [package_dates.get(p) for p in packages]
    return content, max((d for d in data if d), default=None)


def changed_line(source: Path | None, packages: tuple[str, ...], package_dates: dict[str, str | None]) -> str:
    """'Senest ændret: indhold 3. november 2026, data 28. november 2026.', as the paragraph every page ends with:
    source is the page's Markdown file (None for a generated page), packages what its data comes from."""
    content, data = page_dates(source, packages, package_dates)
    parts = ([f"indhold {danish_date(content)}"] if content else []) + ([f"data {danish_date(data)}"] if data else [])
    return f'<p class="bse-changed">Senest ændret: {", ".join(parts)}.</p>' if parts else ""
