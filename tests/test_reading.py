"""What a lay reader is told, from the built pages: an area's summary, evidence in words, illustrative
figures marked where they stand, and the way back from every detail page."""

from __future__ import annotations

import html
import re

from tests.conftest import ROOT


def article(path) -> str:
    page = path.read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


def text(path) -> str:
    """The page's content as read aloud: tags gone, the hidden ': ' after a fact's label kept as text is."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article(path))).split()).replace(" : ", ": ").replace(" . ", ". ")


def test_an_area_page_starts_with_a_summary_that_states_the_list_status_honestly(site):
    page = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    words = text(site / "omraader" / "mjoelnerparken" / "index.html")
    assert words.index("Kort fortalt") < words.index("Indikatorer") < words.index("Officielle lister")
    assert "Seneste fundne placering: parallelsamfund (på listen, 2022). Listerne for 2023 og 2024 er offentliggjort, men de indsamlede kilder nævner ikke området på dem" in words
    assert "Uden for arbejdsmarked eller uddannelse: 50,5 % i 2024 (landsniveau 18,5). Opfylder kriteriet for udsat boligområde (over 40)" in words
    assert "Helhedsplan for Mjølnerparken 2019–2026 (eksempeldata): 3 mål – 2 ikke på vej, 1 på vej." in words
    assert page.count('<details class="bse-fold">') == 2  # the long tables, folded
    assert "Nøgletallene nedenfor er eksempeldata" in words


def test_every_detail_page_leads_back_to_its_list(site):
    for path, first in [("omraader/mjoelnerparken", "../"), ("indikatorer/ledighed", "../"), ("kommuner/koebenhavn", "../../omraader/"),
                        ("evalueringer/cfbu-2012-godt-paa-vej", "../"), ("aktiviteter/fritidsjob", "../"), ("aktiviteter/tema/tryghed-og-trivsel", "../../"),
                        ("rapporter/mjoelnerparken", "../../omraader/")]:
        page = (site / path / "index.html").read_text(encoding="utf-8")
        crumbs = re.search(r'<nav class="bse-breadcrumb" aria-label="Brødkrummesti"><ol>(.*?)</ol></nav>', page)
        assert crumbs, path
        assert re.search(r'<li><a href="([^"]+)">', crumbs.group(1)).group(1) == first, path


def test_evidence_is_told_in_words_a_lay_reader_follows(site):
    fritidsjob = text(site / "aktiviteter" / "fritidsjob" / "index.html")
    assert "Niveau 3 af 4 · Sammenligningsstudie" in fritidsjob
    beboer = text(site / "aktiviteter" / "beboerdemokrati" / "index.html")
    assert "Niveau 0 af 4" in beboer and "Niveau 0 betyder, at der ikke er fundet en evaluering med målte resultater – ikke, at aktiviteten ikke virker." in beboer
    assert "Forbehold: Kilden nævner ingen forbehold." in text(site / "aktiviteter" / "bydelsmoedre" / "index.html")  # its result has no caveat
    gap_map = text(site / "aktiviteter" / "evidenskort" / "index.html")
    assert "Fritidsjob 3 · Sammenligningsstudie sat af redaktionen; beregnet 4" in gap_map


def test_the_results_caveat_is_on_screen_on_a_laptop(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{server}/aktiviteter/fritidsjob/")
    caveats = page.locator(".bse-result dt", has_text="Forbehold")
    assert caveats.count() >= 1
    for i in range(caveats.count()):
        box = caveats.nth(i).locator("xpath=following-sibling::dd[1]").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1366
    context.close()


def test_the_municipality_table_marks_its_illustrative_plans_and_goals(site):
    page = (site / "kommuner" / "koebenhavn" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="boligomraader"'):page.index('id="indikatorer-for-omraaderne-samlet"')]
    assert "Helhedsplanerne og målenes status i tabellen nedenfor er eksempeldata" in section
    assert "Helhedsplaner (eksempeldata)" in section and "Mål (status) (eksempeldata)" in section


def test_each_cell_of_criteria_met_by_illustrative_figures_is_marked(site):
    page = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    timeline = page[page.index("<caption>Kriterier år for år</caption>"):]
    timeline = timeline[:timeline.index("</table>")]
    cells = re.findall(r"<tr><td>\d{4}</td><td>.*?</td><td>(.*?)</td></tr>", timeline)
    assert cells and all(c == "–" or c.endswith('<span class="bse-sr"> (eksempeldata)</span>') for c in cells)


def test_the_front_page_puts_the_notice_and_the_area_finder_first_and_links_every_section(site):
    page = article(site / "index.html")
    assert page.index("Rigtige tal og eksempeldata") < page.index('id="find-area"') < page.index("Det finder du her")
    for target in ("omraader/", "kommuner/", "omraader/sammenlign/", "aktiviteter/", "indikatorer/", "evalueringer/", "puljer/", "rapporter/landsrapport/", "data/"):
        assert f'href="{target}"' in page, target


def test_one_colour_per_knowledge_level_in_the_badges_and_the_charts(site):
    from macros.charts.palette import DARK_LEVELS, LEVELS

    css = (ROOT / "content" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    for level, (light, dark) in enumerate(zip(LEVELS, DARK_LEVELS)):
        assert re.search(rf"\n\.bse-level--{level} {{ background: {light};", css), level
        assert re.search(rf'\[data-md-color-scheme="slate"\] \.bse-level--{level} {{ background: {dark};', css), level
