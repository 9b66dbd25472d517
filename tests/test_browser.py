"""What a reader sees, in Debian's chromium over the built site on localhost."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda m: m.type in ("error", "warning") and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", "localhost") and not r.url.startswith("data:") and page.outside_requests.append(r.url))
    yield page
    context.close()


def wait_for_charts(page, expected: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.bse-chart__canvas[data-rendered=\"light\"] svg').length === n", arg=expected, timeout=20000
    )


def test_area_page_draws_every_chart_without_console_errors_or_outside_requests(page, server):
    page.goto(f"{server}/omraader/mjoelnerparken/")
    canvases = page.locator(".bse-chart__canvas").count()
    assert canvases == 9
    wait_for_charts(page, canvases)
    assert page.locator(".bse-chart__canvas svg[role='img'][aria-label^='Linjediagram']").count() == canvases
    assert page.locator(".bse-eksempeldata").is_visible()
    assert page.console_errors == []
    assert page.outside_requests == []


def test_charts_are_drawn_again_after_instant_navigation(page, server):
    page.goto(f"{server}/omraader/")
    page.get_by_role("link", name="Gellerupparken/Toveshøj").click()
    page.wait_for_url("**/omraader/gellerupparken-toveshoej/")
    wait_for_charts(page, 9)
    assert page.title().startswith("Gellerupparken/Toveshøj")
    assert page.console_errors == []


def test_chart_data_table_opens_from_the_keyboard(page, server):
    page.goto(f"{server}/omraader/vollsmose/")
    summary = page.locator("details summary").first
    summary.focus()
    page.keyboard.press("Enter")
    table = page.locator("details").first.locator("table")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 15


def test_charts_are_redrawn_in_the_dark_palette(page, server):
    page.goto(f"{server}/omraader/vollsmose/")
    wait_for_charts(page, 9)
    page.locator("label.md-header__button[title='Skift til mørkt tema']:visible").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.bse-chart__canvas[data-rendered=\"dark\"] svg').length === 9", timeout=20000
    )
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.console_errors == []
