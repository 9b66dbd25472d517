"""Small pure functions: slugs, Danish numbers, relative links, escaping."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from macros.html.builders import json_script, relative_url, table
from macros.text.format import number
from macros.text.lists import year_spans
from macros.text.slugs import slugify


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Mjølnerparken", "mjoelnerparken"),
        ("Korsløkkeparken Øst", "korsloekkeparken-oest"),
        ("Rønnebærparken/Æblehaven", "roennebaerparken-aeblehaven"),
        ("Tåstrupgård", "taastrupgaard"),
        ("Gl. Jennumparken", "gl-jennumparken"),
        ("Nørager/Søstjernevej m.fl.", "noerager-soestjernevej-m-fl"),
    ],
)
def test_slugs_spell_danish_letters_out_in_ascii(name, slug):
    assert slugify(name) == slug


def test_numbers_use_decimal_comma_and_dot_for_thousands():
    assert number(1234.5) == "1.234,5"
    assert number(50.0) == "50"
    assert number(3.25) == "3,25"
    assert number(1403, 0) == "1.403"
    assert number(None) == "–"


@pytest.mark.parametrize(
    "years, said",
    [
        ([2010, 2013, 2014, 2015, 2016], "2010 og 2013–2016"),
        ([2019, 2018, 2021], "2018, 2019 og 2021"),  # two in a row are two years, not a span
        ([2024], "2024"),
        ([], ""),
    ],
)
def test_three_or_more_years_in_a_row_are_said_as_a_span(years, said):
    assert year_spans(years) == said


@pytest.mark.parametrize(
    "start, target, expected",
    [
        ("omraader/", "omraader/vollsmose/", "vollsmose/"),
        ("omraader/vollsmose/", "indikatorer/ledighed/", "../../indikatorer/ledighed/"),
        ("", "omraader/", "omraader/"),
    ],
)
def test_relative_urls_between_directory_pages(start, target, expected):
    assert relative_url(start, target) == expected


def test_data_can_never_close_the_script_element_it_is_embedded_in():
    text = str(json_script("x", {"name": "</script><script>alert('æøå')</script>"}))
    assert text.count("</script>") == 1
    assert "\\u003c/script>" in text and "æøå" in text


def test_table_cells_from_data_are_escaped():
    text = str(table(["Navn"], [["<b>Blågården</b> & {{ x }}"]]))
    assert "&lt;b&gt;Blågården&lt;/b&gt; &amp; {{ x }}" in text


def test_a_table_names_its_numeric_columns_once_and_escapes_its_caption():
    text = str(table(["År", "Værdi"], [[2024, "41,5"]], caption='Ledighed i "Gellerup"', numeric=(1,)))
    assert 'class="bse-table bse-n1 bse-n2"' in str(table(["År", "Værdi", "Landsniveau", "Note"], [], numeric=(1, 2)))
    assert text == (
        '<div class="bse-table bse-nrest" tabindex="0" role="region" aria-label="Ledighed i &#34;Gellerup&#34;">'
        "<table><caption>Ledighed i &#34;Gellerup&#34;</caption> <thead><tr><th scope=\"col\">År</th> <th scope=\"col\">Værdi</th></tr></thead> "
        "<tbody><tr><td>2024</td> <td>41,5</td></tr> </tbody></table></div>"
    )


def test_a_table_no_search_reads_is_written_without_end_tags_and_read_the_same_by_a_browsers_parser():
    """A chart's table: HTML needs no </td> or </tr>, and a dozen of them on every area page make that a tenth of it."""
    from html.parser import HTMLParser

    text = str(table(["År", "Værdi"], [[2024, "<41,5>"], [2025, Markup("<em>42</em>")]], caption="Ledighed", searched=False))
    assert "</td>" not in text and "<tbody><tr><td>2024 <td>&lt;41,5&gt; <tr><td>2025 <td><em>42</em> </tbody>" in text

    class Cells(HTMLParser):
        rows: list = []

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.rows[-1].append("")

        def handle_data(self, data):
            if self.rows and self.rows[-1] and self.get_starttag_text() != "<caption>":
                self.rows[-1][-1] += data

    parser = Cells()
    parser.feed(text)
    assert [[cell.strip() for cell in row] for row in parser.rows] == [["År", "Værdi"], ["2024", "<41,5>"], ["2025", "42"]]


def test_the_list_of_every_area_keeps_its_end_tags_for_the_engines_search_parser():
    """Material's search parser keeps each unclosed cell open: the list of 10,000 areas without end tags took it minutes."""
    from macros.data.load import load_cached
    from macros.pages.indexes import area_index
    from tests.conftest import ROOT

    catalogue = load_cached(ROOT)
    html = str(area_index(catalogue, "omraader/"))
    assert html.count("</td>") == 3 * len(catalogue.areas) and "data-search-exclude" in html
