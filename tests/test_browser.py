"""What a reader sees, in Debian's chromium over the built site on localhost."""

from __future__ import annotations

from playwright.sync_api import expect


def wait_for_charts(page, expected: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('.bse-chart__canvas[data-rendered=\"light\"] svg').length === n", arg=expected, timeout=20000
    )


def test_area_page_draws_every_chart_without_console_errors_or_outside_requests(page, server):
    page.goto(f"{server}/omraader/mjoelnerparken/")
    canvases = page.locator(".bse-chart__canvas").count()
    # one per indicator the area has figures for (11, two of them the series counted the old way until 2017), 2 plans × 3 goals
    assert canvases == 11 + 6
    wait_for_charts(page, canvases)
    assert page.locator(".bse-chart__canvas svg[role='img'][aria-label^='Linjediagram']").count() == canvases
    assert page.locator(".bse-note").is_visible() and page.locator("svg.bse-spine").is_visible()
    assert page.console_errors == []
    assert page.outside_requests == []


def test_charts_are_drawn_again_after_instant_navigation(page, server):
    page.goto(f"{server}/omraader/")
    page.get_by_role("link", name="Gellerupparken/Toveshøj").click()
    page.wait_for_url("**/omraader/gellerupparken-toveshoej/")
    wait_for_charts(page, page.locator(".bse-chart__canvas").count())
    assert page.title().startswith("Gellerupparken/Toveshøj")
    assert page.console_errors == []


def test_chart_data_table_opens_from_the_keyboard(page, server):
    page.goto(f"{server}/omraader/vollsmose/")
    first = page.locator("[aria-label='Områdets indikatorer'] figure.bse-chart").first  # the first indicator chart
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    table = first.locator("details table")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 15


def test_charts_are_redrawn_in_the_dark_palette(page, server):
    page.goto(f"{server}/omraader/vollsmose/")
    canvases = page.locator(".bse-chart__canvas").count()
    wait_for_charts(page, canvases)
    page.locator("label.md-header__button[title='Skift til mørkt tema']:visible").click()
    page.wait_for_function(
        "n => document.querySelectorAll('.bse-chart__canvas[data-rendered=\"dark\"] svg').length === n", arg=canvases, timeout=20000
    )
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.console_errors == []


def visible_titles(page) -> list[str]:
    return page.locator("li.bse-card:visible h3").all_inner_texts()


def expected_titles(theme: str | None = None, min_level: int = 0, words: str = "") -> list[str]:
    """The cards a filter should leave, from the front matter and the levels computed in test_activities."""
    from macros.text.format import danish_key
    from tests.test_activities import activity_files, expected_levels

    levels, _ = expected_levels()
    found = []
    for slug, meta in activity_files().items():
        text = " ".join([meta["title"], " ".join(meta["summary"].split()), *meta["themes"], *meta["target_groups"]]).lower()
        if (theme is None or theme in meta["themes"]) and levels[slug] >= min_level and all(w in text for w in words.lower().split()):
            found.append(meta["title"])
    return sorted(found, key=danish_key)


def test_catalogue_filter_narrows_the_list_and_a_shared_url_restores_it(page, server, browser):
    page.goto(f"{server}/aktiviteter/")
    total = page.locator("li.bse-card").count()
    assert total >= 20 and len(visible_titles(page)) == total
    page.get_by_label("Tema", exact=True).select_option(label="kriminalpræventiv indsats")
    page.get_by_label("Vidensniveau", exact=True).select_option("3")
    expected = expected_titles("kriminalpræventiv indsats", 3)
    assert 0 < len(expected) < total
    assert visible_titles(page) == expected
    expect(page.locator("[data-catalogue-count]")).to_have_text(f"Viser {len(expected)} af {total} aktiviteter")
    assert "tema=kriminalpraeventiv-indsats" in page.url and "niveau=3" in page.url

    shared = browser.new_context().new_page()
    shared.goto(page.url)
    assert visible_titles(shared) == expected
    assert shared.get_by_label("Tema", exact=True).input_value() == "kriminalpraeventiv-indsats"
    assert page.console_errors == []
    shared.context.close()


def test_catalogue_text_filter_finds_danish_words_and_sorting_follows_the_level(page, server):
    page.goto(f"{server}/aktiviteter/")
    page.get_by_label("Søg i kataloget").fill("bydelsmødre")
    assert visible_titles(page) == expected_titles(words="bydelsmødre")
    assert "q=bydelsm%C3%B8dre" in page.url
    page.get_by_role("button", name="Nulstil", exact=True).click()
    page.get_by_label("Sortér efter").select_option("niveau")
    levels = [int(v) for v in page.locator("li.bse-card").evaluate_all("cards => cards.map(c => c.dataset.niveau)")]
    assert levels == sorted(levels, reverse=True) and len(visible_titles(page)) == len(levels)


def test_catalogue_without_javascript_shows_the_full_list(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/aktiviteter/?tema=kriminalpraeventiv-indsats")
    assert len(visible_titles(page)) == len(expected_titles())
    assert not page.locator("[data-catalogue-filter]").is_visible()
    context.close()


def test_activity_results_chart_is_drawn_with_its_text_alternative(page, server):
    page.goto(f"{server}/aktiviteter/fritidsjob/")
    wait_for_charts(page, 1)
    assert page.locator(".bse-chart__canvas svg[role='img'][aria-label^='Søjlediagram']").count() == 1
    assert page.console_errors == [] and page.outside_requests == []
