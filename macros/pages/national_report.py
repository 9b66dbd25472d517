"""The yearly national report: official list counts (real), pools (real), plans and goal status
(illustrative) and the evidence per theme (computed), with charts."""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from macros.charts.national import evidence_chart, list_counts_chart
from macros.data.model import Catalogue
from macros.html.blocks import ILLUSTRATIVE_BADGE
from macros.html.builders import link, relative_url, table
from macros.pages.page import Body
from macros.rules.lists import published_lists
from macros.text import urls
from macros.text.format import number


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


def figure_counts(catalogue: Catalogue) -> tuple[int, int]:
    """(published, all): how many of the area figures the site shows are published rather than illustrative."""
    shown = [o for series in catalogue.observations.values() for o in series if not o.suppressed]
    return sum(o.official for o in shown), len(shown)


def national_picture(catalogue: Catalogue, page_url: str) -> Body:
    """The front page's national story in real figures: how many areas each list holds now, the counts since 2010,
    and how many of the site's area figures are published."""
    counts = published_lists(catalogue.list_counts)
    year = max((c.year for c in counts), default=None)
    body = Body(page_url)
    if year is None:
        return body
    now = [c for c in counts if c.year == year]
    tiles = Markup("").join(Markup('<li><span class="bse-tile__n">{}</span> {}</li>').format(c.count, c.list_type) for c in now)
    published, shown = figure_counts(catalogue)
    rest = Markup("; resten er {}").format(ILLUSTRATIVE_BADGE) if published < shown else ""
    share = Markup('<p class="bse-small">{} af {} tal om områderne er offentliggjorte{} (<a href="{}">om data</a>).</p>').format(
        number(published, 0), number(shown, 0), rest, relative_url(page_url, "om-data/"))
    body.add(Markup('<p class="bse-tiles__title">På listerne 1. december {}</p><ul class="bse-tiles">{}</ul>').format(year, tiles) + share)
    body.chart(list_counts_chart(catalogue))
    return body
