"""Readers at a glance, in Chromium: an area page answers on its first screen without waiting for a script,
every page type's height is recorded, the area page stays short, and the front page shows the national
picture on its first two screens."""

from __future__ import annotations

import json

import pytest

from tests.test_phone import SHOTS, SIZES
from tests.test_reader import PAGE_TYPES, open_drawn

AREA = PAGE_TYPES["omraade"]
MAX_AREA_HEIGHT = 9000  # px at 390 px wide, every section and figure on the page (folded details count as present)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_types_height_is_recorded_and_the_area_page_stays_short(browser, server, kind, size, record_property):
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
    page = context.new_page()
    open_drawn(page, server, PAGE_TYPES[kind])
    tall = page.evaluate("document.documentElement.scrollHeight")
    record_property("height_px", tall)
    SHOTS.mkdir(exist_ok=True)
    heights = SHOTS / "heights.json"
    found = json.loads(heights.read_text(encoding="utf-8")) if heights.is_file() else {}
    found[f"{kind} {width}"] = tall
    heights.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
    if kind == "omraade" and width == 390:
        assert tall <= MAX_AREA_HEIGHT
    context.close()


def test_the_area_page_answers_on_its_first_screen_before_any_script_runs(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{AREA}")
    boxes = page.evaluate("""() => Object.fromEntries(['h1', '.bse-lead', 'svg.bse-spine', 'ul.bse-goals'].map(s => {
      const r = document.querySelector(s).getBoundingClientRect(); return [s, [r.top, r.bottom, r.width]]; }))""")
    assert boxes["svg.bse-spine"][1] <= 844 and boxes["svg.bse-spine"][2] > 300  # drawn, whole, and as wide as the phone allows
    assert boxes["ul.bse-goals"][0] < 844  # the plans' goals start on the first screen too
    assert "udgået af listen over parallelsamfund i 2023" in page.inner_text(".bse-lead")
    assert page.locator("svg.bse-spine g.bse-spine__dot--illustrative circle").count() >= 5
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_published_and_illustrative_marks_look_different_in_both_palettes(browser, server, scheme):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}/{AREA}")
    fills = page.evaluate("""() => ['official', 'illustrative'].map(k => {
      const s = getComputedStyle(document.querySelector('.bse-spine__legend .bse-spine__dot--' + k)); return [s.fill, s.stroke]; })""")
    assert fills[0] != fills[1] and fills[0][0] == fills[0][1]  # a filled dot, and a ring of the same colour
    # a row's dot takes its look from its group, as the legend's
    row = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('svg.bse-spine g.bse-spine__dot--illustrative circle'));
      return [s.fill, s.stroke]; }""")
    assert row == fills[1]
    context.close()


def test_a_charts_text_alternative_is_one_tap_away_and_names_the_drawing(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_drawn(page, server, AREA)
    figure = page.locator("figure.bse-chart").nth(1)  # the first Vega chart
    alt = figure.locator(".bse-chart__alt")
    assert not alt.is_visible()
    assert figure.locator(".bse-chart__canvas svg").get_attribute("aria-label") == alt.text_content()
    figure.locator("summary").click()
    assert alt.is_visible() and figure.locator("table").is_visible() and figure.locator("a.bse-chart__csv").is_visible()
    # an indicator's figure is named by its caption, which links to the indicator; the table's header row heads its columns
    figure = page.locator('.bse-grid[aria-label="Områdets indikatorer"] figure.bse-chart').first
    figure.locator("summary").click()
    caption = figure.locator("figcaption")
    assert figure.get_attribute("aria-labelledby") is None
    assert caption.locator("a").evaluate("a => a.href").endswith("/indikatorer/uden-for-arbejdsmarked/")
    assert page.get_by_role("figure", name=caption.text_content()).count() == 1
    assert [h.strip() for h in figure.get_by_role("columnheader").all_text_contents()] == ["År", "Området", "Landsniveau"]
    # a table of three short columns fits the phone: nothing to scroll, so its wrapper takes no focus; the others do
    page.evaluate("() => document.querySelectorAll('.bse-chart details').forEach(d => d.open = true)")
    for width in (390, 320):  # a phone, and WCAG's reflow width
        page.set_viewport_size({"width": width, "height": 844})
        unfocused = page.evaluate("""() => [...document.querySelectorAll('.bse-chart .bse-table:not([tabindex])')]
          .map(w => [w.querySelector('caption').textContent, w.scrollWidth <= w.clientWidth])""")
        assert len(unfocused) >= 3 and all(fits for _, fits in unfocused), (width, unfocused)
    # a figure longer than any today's (site.css wraps it rather than let such a table scroll)
    fits = page.evaluate("""() => { const w = document.querySelector('.bse-chart .bse-table:not([tabindex])');
      w.querySelectorAll('td').forEach(td => { td.textContent = '1.234.567,89 '; }); return w.scrollWidth <= w.clientWidth; }""")
    assert fits
    context.close()


def test_the_front_page_shows_the_national_picture_on_its_first_two_screens(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    open_drawn(page, server, PAGE_TYPES["forside"])
    tops = page.evaluate("""() => ['form.bse-find', 'ul.bse-tiles', 'figure.bse-chart svg'].map(s => {
      const r = document.querySelector(s).getBoundingClientRect(); return r.bottom + scrollY; })""")
    assert max(tops) <= 2 * 844, tops
    tiles = page.inner_text("ul.bse-tiles")
    assert "12\nudsat boligområde" in tiles and "63\nforebyggelsesområde" in tiles  # the 2024 lists, as published
    assert "tal om områderne er offentliggjorte" in page.inner_text("article")
    context.close()
