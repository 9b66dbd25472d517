"""At national scale the boards' reports are not printed in advance (Settings.report_limit): the area page says to
print it from the browser, and one report is still printed on demand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from macros.data.load import load_cached
from macros.data.settings import Settings
from macros.pages.area import area_pages
from macros.pages.registry import pdf_pages, printed
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalogue():
    return load_cached(ROOT)


def test_every_board_gets_its_report_while_there_are_at_most_report_limit_boards(catalogue):
    boards = [a for a in catalogue.areas if catalogue.has_board(a)]
    assert catalogue.prints_reports and 0 < len(boards) <= Settings.report_limit
    assert sorted(key for _, _, key in printed(catalogue)) == sorted(boards)
    html = area_pages(catalogue, "mjoelnerparken")[0].rendered().html
    assert "PDF til bestyrelsen" in html and "udskriv denne side fra browseren" not in html


def test_above_the_limit_no_report_is_printed_and_the_page_says_to_print_it_from_the_browser(catalogue):
    assert not load_cached(ROOT, Settings(report_limit=1)).prints_reports  # the real data have more boards than one
    national = replace(catalogue, prints_reports=False)
    assert printed(national) == [] and pdf_pages(national) == {}
    html = area_pages(national, "mjoelnerparken")[0].rendered().html
    assert "PDF til bestyrelsen" not in html
    assert '<p class="bse-noprint bse-small">Statusrapporten til bestyrelsen: udskriv denne side fra browseren' in html  # on screen, not on paper
    assert "udskriv denne side" not in area_pages(national, "blaagaarden")[0].rendered().html  # no plan, no board, no report
    # one on demand (make report AREA=…)
    assert printed(national, key="mjoelnerparken") == [("omraader/mjoelnerparken/", "rapporter/mjoelnerparken.pdf", "mjoelnerparken")]
