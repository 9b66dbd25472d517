"""Every page type as a reader meets it in Chromium: charts, keyboard, Danish search, axe-core in both palettes."""

from __future__ import annotations

import pytest

from macros.pages.registry import examples
from tests.conftest import ROOT

AXE = ROOT / "tests" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
# the editorial pages, and one page of each generated page type as its kind declares it
PAGE_TYPES = {
    "forside": "",
    "katalog": "aktiviteter/",
    "aktivitet": "aktiviteter/fritidsjob/",
    "evidenskort": "aktiviteter/evidenskort/",
    "sammenlign": "omraader/sammenlign/?omraader=mjoelnerparken,vollsmose&indikator=ledighed",
    "data": "data/",
    "landsrapport": "rapporter/landsrapport/",
    "tilgaengelighed": "tilgaengelighed/",
    "aendringer": "aktiviteter/aendringer/",
    "puljer": "puljer/",
    **examples(),
}


def open_drawn(page, server, path: str, scheme: str = "light") -> int:
    """Open a page and wait until every chart on it is drawn in the given palette; the number of charts."""
    page.goto(f"{server}/{path}")
    page.wait_for_function(
        # a hidden chart counts as done, unless it is still waiting for its first data (the compare view)
        "scheme => [...document.querySelectorAll('.bse-chart__canvas')].every(c => (c.closest('[hidden]') && c.dataset.rendered !== "
        "'waiting') || (c.dataset.rendered === scheme && c.querySelector('svg')))",
        arg=scheme,
        timeout=30000,
    )
    return page.locator(".bse-chart__canvas").count()


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_draws_its_charts_and_opens_their_tables_from_the_keyboard(page, server, kind):
    charts = open_drawn(page, server, PAGE_TYPES[kind])
    summaries = page.locator(".bse-chart details > summary")
    assert summaries.count() == page.locator("figure.bse-chart").count() >= charts  # static charts (the area's summary) too
    if charts:
        focusable = page.evaluate(
            "[...document.querySelectorAll('.bse-chart details > summary')].every(s => { s.focus(); return document.activeElement === s; })"
        )
        assert focusable
        summaries.first.focus()
        page.keyboard.press("Enter")
        assert page.locator(".bse-chart details").first.locator("table").is_visible()
    assert page.console_errors == []
    assert page.outside_requests == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_serious_or_critical_violation(browser, server, kind, scheme):
    # axe-core is added as an inline script, which the page's policy refuses (test_security_policy.py tests the policy)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    open_drawn(page, server, PAGE_TYPES[kind], scheme)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize(
    "query, expected",
    [
        ("bydelsmødre", "aktiviteter/bydelsmoedre/"),
        ("lommepengejob", "aktiviteter/lommepengejob/"),
        ("Mjølnerparken", "omraader/mjoelnerparken/"),
        ("ledighed", "indikatorer/ledighed/"),
        ("Tåstrupgård", "omraader/taastrupgaard/"),
        # typed without Danish letters or accents
        ("mjolnerparken", "omraader/mjoelnerparken/"),
        ("lektiecafe", "aktiviteter/lektiecafe/"),
        ("bydelsmoedre", "aktiviteter/bydelsmoedre/"),
        ("taastrupgaard", "omraader/taastrupgaard/"),
        # a synonym the editors keep in datapackages/search/synonyms.csv
        ("netværksmødre", "aktiviteter/bydelsmoedre/"),
    ],
)
def test_danish_search_finds_the_right_page_near_the_top(page, server, query, expected):
    page.goto(f"{server}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # the index loads in a web worker; then the query is typed key by key, as a reader does (Material
    # searches on key events, so a value set without them is only searched if the index was not ready yet)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent.trim() === 'Indtast søgeord'", timeout=20000)
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    top = [h.split("#")[0].split("?")[0] for h in hrefs[:5]]  # the first screen of results on a phone
    assert any(h.endswith(expected) for h in top), (query, hrefs[:5])
