"""Every page type as readers meet it: on a phone (390×844) and a laptop (1366×768), in the light and the
dark palette. Nothing scrolls sideways, chart text and lines have enough contrast, axe-core finds no
serious violation, and a screenshot of each is written to .screenshots/ to be looked at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT, compare_two
from tests.test_reader import AXE, PAGE_TYPES, open_drawn

SIZES = {"telefon": (390, 844), "laptop": (1366, 768)}
SHOTS = ROOT / ".screenshots"

# Contrast of every text and line Vega drew (grid lines and filled areas aside), against the page behind the chart.
CONTRAST = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const blend = (c, alpha, bg) => c.map((v, i) => v * alpha + bg[i] * (1 - alpha));
  const alpha = (...values) => values.reduce((a, v) => a * (v === '' || v == null ? 1 : Number(v)), 1);
  const behind = el => {  // the first colour behind an element that is not transparent
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  document.querySelectorAll('.bse-chart__canvas svg').forEach(svg => {
    const bg = behind(svg);
    svg.querySelectorAll('text').forEach(t => {
      const s = getComputedStyle(t);
      // a label Vega hides because it would overlap another is drawn with opacity 0
      if (!t.textContent.trim() || s.fill === 'none' || alpha(s.fillOpacity, s.opacity, t.getAttribute('opacity')) === 0) return;
      const r = ratio(blend(rgb(s.fill), alpha(s.fillOpacity, s.opacity), bg), bg);
      if (r < 4.5) low.push(['tekst', t.textContent.trim().slice(0, 30), s.fill, r.toFixed(2)]);
    });
    svg.querySelectorAll('.mark-line path, .mark-rule line, .role-axis-domain line, .role-axis-tick line').forEach(l => {
      if (l.closest('.role-axis-grid')) return;
      const s = getComputedStyle(l);
      if (s.stroke === 'none' || alpha(s.strokeOpacity) === 0) return;
      const r = ratio(blend(rgb(s.stroke), alpha(s.strokeOpacity, s.opacity), bg), bg);
      if (r < 3) low.push(['linje', l.closest('[class]').getAttribute('class'), s.stroke, r.toFixed(2)]);
    });
  });
  return low;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_fits_the_screen_reads_in_both_palettes_and_passes_axe(browser, server, kind, size, scheme):
    width, height = SIZES[size]
    # without motion: axe reads the colours the reader ends up with, not a tab bar halfway through fading in
    # axe-core is added as an inline script, which the page's policy refuses (test_security_policy.py tests the policy)
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    open_drawn(page, server, PAGE_TYPES[kind], scheme)
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"{kind}: siden er {wide} px bred på en skærm på {width} px"
    assert page.evaluate(CONTRAST) == []
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{kind}-{size}-{scheme}.png"), full_page=True)
    context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_an_illustrative_chart_says_so_in_a_caption_that_is_never_cut_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_drawn(page, server, PAGE_TYPES["omraade"])
    figures = page.locator("figure.bse-chart")
    assert figures.count() >= 9
    for i in range(figures.count()):
        figure = figures.nth(i)
        figure.scroll_into_view_if_needed()  # small multiples are a row to swipe through: each card in turn
        badge = figure.locator("figcaption .bse-badge")
        assert badge.inner_text() == "Eksempeldata"
        box, caption = badge.bounding_box(), figure.locator("figcaption").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] >= caption["y"]
        csv = figure.locator("a.bse-chart__csv").get_attribute("href")
        assert csv.endswith("-eksempeldata.csv")
    context.close()


def test_the_vega_bundle_is_fetched_only_by_pages_with_a_chart(browser, server):
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{server}/tilgaengelighed/")
    page.wait_for_load_state("networkidle")
    assert not any("vega-bundle" in url for url in fetched)
    open_drawn(page, server, PAGE_TYPES["omraade"])
    assert any(url.endswith("/assets/vendor/vega-bundle.js") for url in fetched)
    context.close()


def test_the_front_page_finds_an_area_typed_without_danish_letters(page, server):
    page.goto(f"{server}/")
    page.locator("#find-area").fill("mjolnerparken")
    page.locator("form[data-find-area] button").click()
    page.wait_for_url("**/omraader/mjoelnerparken/")
    page.goto(f"{server}/")
    page.locator("#find-area").fill("Ørkenbyen")
    page.locator("form[data-find-area] button").click()
    assert "Intet område hedder Ørkenbyen" in page.locator("[data-find-message]").inner_text()


def test_the_compare_view_takes_area_names_as_typed(page, server):
    compare_two(page, server, "Mjølnerparken", "vollsmose")
    assert "omraader=mjoelnerparken%2Cvollsmose" in page.url or "omraader=mjoelnerparken,vollsmose" in page.url
    assert page.locator("[data-compare-csv]").get_attribute("download") == "sammenligning-eksempeldata.csv"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_cost_effect_chart_draws_one_mark_per_activity_on_a_phone(browser, server, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    open_drawn(page, server, PAGE_TYPES["katalog"], scheme)
    chart = page.locator("figure.bse-chart:has(#chart-omkostning-virkning-viden-alt)")
    marks = chart.locator("svg .mark-symbol.role-mark path")  # not the legend's symbols
    expect(marks).to_have_count(page.locator("li.bse-card").count())
    box = chart.locator("svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    chart.screenshot(path=str(SHOTS / f"omkostning-virkning-viden-{scheme}.png"))
    context.close()


def test_numbers_in_a_tables_numeric_columns_line_up_on_the_right_under_the_themes_own_table_rule(page, server):
    """Material styles class-less tables left-aligned with a selector that outranked the site's numeric columns."""
    page.goto(f"{server}/kommuner/")
    aligned = page.evaluate("""() => [...document.querySelectorAll('.bse-table.bse-nrest tr')].slice(0, 3).map(row =>
        [...row.children].map(cell => getComputedStyle(cell).textAlign))""")
    assert aligned and all(row[0] in ("left", "start") and set(row[1:]) == {"right"} for row in aligned), aligned
    page.goto(f"{server}/{PAGE_TYPES['omraade']}")
    cells = page.evaluate("""() => [...document.querySelectorAll('.bse-chart .bse-table.bse-nrest td:last-child')].slice(0, 20)
        .map(cell => getComputedStyle(cell).textAlign)""")
    assert cells and set(cells) == {"right"}
