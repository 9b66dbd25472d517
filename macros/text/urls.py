"""Where each kind of generated page lives: one place, used by the page generator and the links."""

from __future__ import annotations

from macros.text.slugs import slugify

AREAS = "omraader"
INDICATORS = "indikatorer"
STUDIES = "evalueringer"


def area(area_id: str) -> str:
    return f"{AREAS}/{area_id}/"


def indicator(indicator_id: str) -> str:
    return f"{INDICATORS}/{indicator_id}/"


def study(study_id: str) -> str:
    return f"{STUDIES}/{study_id}/"


def source_path(url: str) -> str:
    """The Markdown path MkDocs turns into this directory URL ('omraader/x/' → 'omraader/x.md')."""
    return url.rstrip("/") + ".md"


ACTIVITIES = "aktiviteter"


def activity(slug: str) -> str:
    return f"{ACTIVITIES}/{slug}/"


def catalogue() -> str:
    return f"{ACTIVITIES}/"


def rating_changes() -> str:
    return f"{ACTIVITIES}/aendringer/"


def theme(name: str) -> str:
    return f"{ACTIVITIES}/tema/{slugify(name)}/"


def target_group(name: str) -> str:
    return f"{ACTIVITIES}/maalgruppe/{slugify(name)}/"


def gap_map() -> str:
    return f"{ACTIVITIES}/evidenskort/"


def method() -> str:
    return f"{ACTIVITIES}/vidensniveauer/"


def goal_method() -> str:
    return f"{AREAS}/maal-og-status/"


def pools() -> str:
    return "puljer/"


MUNICIPALITIES = "kommuner"


def municipality(name: str) -> str:
    return f"{MUNICIPALITIES}/{slugify(name)}/"


def compare() -> str:
    return f"{AREAS}/sammenlign/"


REPORTS = "rapporter"


def report_pdf(area_id: str) -> str:
    """The area page printed as the board's report (build_scripts/commands/reports.py)."""
    return f"{REPORTS}/{area_id}.pdf"


def national_report() -> str:
    return f"{REPORTS}/landsrapport/"


def national_report_pdf() -> str:
    return f"{REPORTS}/landsrapport.pdf"
