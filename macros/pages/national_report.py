"""The yearly national report: official list counts (real), pools (real), plans and goal status
(illustrative) and the evidence per theme (computed), with charts."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from macros.charts.national import evidence_chart, list_counts_chart
from macros.data.model import Catalogue
from macros.html.builders import link, relative_url, table
from macros.pages.page import Body
from macros.text import urls


def list_counts_section(catalogue: Catalogue, page_url: str) -> Body:
    body = Body(page_url)
    body.chart(list_counts_chart(catalogue))
    return body


def evidence_section(catalogue: Catalogue, page_url: str) -> Body:
    body = Body(page_url)
    body.chart(evidence_chart(catalogue))
    return body


def pdf_link(catalogue: Catalogue, page_url: str) -> Markup:
    """The national report's PDF (printed after the build by build_scripts.commands.reports)."""
    return link(relative_url(page_url, urls.national_report_pdf()), "PDF")


def plans_overview(catalogue: Catalogue, page_url: str) -> Body:
    by_pool = Counter(p.pool for p in catalogue.plans.values())
    rows = [(pool, n, sum(len(p.goals) for p in catalogue.plans.values() if p.pool == pool)) for pool, n in sorted(by_pool.items())]
    return Body.of(page_url, table(("Pulje", "Helhedsplaner", "Mål"), rows, caption="Helhedsplaner og mål pr. pulje (eksempeldata)", numeric=(1, 2)))
