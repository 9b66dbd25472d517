"""A page kind is declared once (macros/pages/registry.py): its tasks, addresses, folder and frame, data
date, cache key and page type follow from the declaration, and a page reads only what its kind declares."""

from __future__ import annotations

from dataclasses import replace

import pytest

from build_scripts.output.cache import area_digest, task_keys
from build_scripts.output.frames import SOURCE, write_frames
from macros.data.load import load_cached
from macros.data.model import FIELD_PACKAGES, Observation, packages_read
from macros.data.settings import Settings
from macros.data.view import FIELDS, CatalogueView, UndeclaredRead
from macros.html.builders import table
from macros.pages.page import Body, Page
from macros.pages.registry import AREA_ROWS, FRAME, KINDS, PageKind, PageType, addresses, examples, folders, kind_of, tasks
from tests.conftest import ROOT


def pool_page(catalogue, pool_id: str) -> Page:
    """A throwaway page kind's page: one pool's rows (it reads catalogue.pools, and nothing else)."""
    url = f"puljeposter/{pool_id}/"
    body = Body(url)
    body.heading(2, "Poster")
    body.add(table(("Post", "Værdi"), [(p.item, p.value_text or p.value) for p in catalogue.pools if p.pool_id == pool_id]))
    return Page(url, f"Pulje {pool_id}", body)


POOLS = PageKind("pulje", (PageType("pulje", lambda key: f"puljeposter/{key}/"),), lambda c: [p.pool_id for p in c.pools], pool_page,
                 frozenset({"pools"}), "2006-10-samlet")


@pytest.fixture(scope="module")
def catalogue():
    return load_cached(ROOT)


def suppressed(catalogue):
    """Every figure about too few people: the pages take the branches that say so."""
    hidden = {k: tuple(o if o.official else Observation(o.year, None, None, suppressed=True) for o in series) for k, series in catalogue.observations.items()}
    return replace(catalogue, observations=hidden)


@pytest.mark.parametrize("variant", [lambda c: c, suppressed], ids=["som udgivet", "alle tal diskretioneret"])
def test_every_generated_page_renders_from_the_fields_its_kind_declares(catalogue, variant):
    catalogue = variant(catalogue)
    rendered = [page.url for task in tasks(catalogue) for page in task.render(catalogue)]
    assert rendered == addresses(catalogue)


def test_a_page_that_reads_a_field_its_kind_does_not_declare_fails_naming_the_kind_and_the_field(catalogue):
    forgetful = replace(POOLS, reads=frozenset({"studies"}))
    task = tasks(catalogue, (forgetful,))[0]
    with pytest.raises(UndeclaredRead, match=r"page kind 'pulje' reads catalogue\.pools without declaring it"):
        task.render(catalogue)


def test_a_kind_declared_once_has_its_tasks_addresses_folder_data_date_and_page_type(catalogue):
    kinds = (*KINDS, POOLS)
    pool_ids = [p.pool_id for p in catalogue.pools]
    assert [t.name for t in tasks(catalogue, kinds) if t.kind is POOLS] == [f"pulje/{p}" for p in pool_ids]
    assert addresses(catalogue, kinds)[-len(pool_ids):] == [f"puljeposter/{p}/" for p in pool_ids]
    assert folders(kinds)[-1] == "puljeposter"
    assert kind_of("puljeposter/x/", kinds) is POOLS
    assert examples(kinds)["pulje"] == "puljeposter/2006-10-samlet/"
    assert packages_read(POOLS.reads) == ("pools",)
    page = tasks(catalogue, (POOLS,))[0].render(catalogue)[0]
    assert page.title == "Pulje 2006-10-samlet" and "Samlet pulje" in page.body.html()


def test_a_task_is_rendered_again_when_a_field_its_kind_reads_changes_and_only_then(catalogue):
    settings = Settings()
    before = task_keys(catalogue, settings, tasks(catalogue, (POOLS,)))
    fewer = replace(catalogue, pools=catalogue.pools[1:])
    assert task_keys(fewer, settings, tasks(fewer, (POOLS,)))[-1] != before[-1]
    other = replace(catalogue, studies={})
    assert task_keys(other, settings, tasks(other, (POOLS,))) == before


def test_an_area_is_rendered_again_when_its_own_rows_change_not_another_areas(catalogue):
    settings = Settings()
    area_kind = KINDS[0]
    key = {t.key: k for t, k in zip(tasks(catalogue, (area_kind,)), task_keys(catalogue, settings, tasks(catalogue, (area_kind,))))}
    changed = dict(catalogue.observations)
    series = changed[("vollsmose", "ledighed")]  # a figure of an indicator that is no list criterion, in a year it has
    changed[("vollsmose", "ledighed")] = (*series[:-1], series[-1]._replace(value=series[-1].value + 1))
    edited = replace(catalogue, observations=changed)
    after = {t.key: k for t, k in zip(tasks(edited, (area_kind,)), task_keys(edited, settings, tasks(edited, (area_kind,))))}
    assert after["vollsmose"] != key["vollsmose"]
    assert after["mjoelnerparken"] == key["mjoelnerparken"]
    national = replace(catalogue, national={})
    assert task_keys(national, settings, tasks(national, (area_kind,)))[0] != key[next(iter(catalogue.areas))]


@pytest.mark.parametrize("kind", [k for k in KINDS if k.series], ids=lambda k: k.name)
def test_a_page_shown_only_its_own_series_is_the_page_it_would_be_from_every_series(catalogue, kind):
    """An indicator's and a municipality's page is keyed by the series it is shown (PageKind.series): shown all of them,
    it must say the same, or its key would miss what it reads."""
    for task in tasks(catalogue, (kind,)):
        whole = kind.render(CatalogueView(catalogue, kind.reads, kind.name), task.key)
        shown = task.render(catalogue)
        assert [p.rendered() for p in shown] == [p.rendered() for p in (whole if isinstance(whole, tuple) else (whole,))], task.name


def test_a_changed_figure_renders_its_area_its_indicator_and_its_municipality_again_and_no_other_of_theirs(catalogue):
    settings = Settings()
    kinds = tuple(k for k in KINDS if k.series)
    before = dict(zip((t.name for t in tasks(catalogue, kinds)), task_keys(catalogue, settings, tasks(catalogue, kinds))))
    changed = dict(catalogue.observations)
    series = changed[("vollsmose", "ledighed")]
    changed[("vollsmose", "ledighed")] = (*series[:-1], series[-1]._replace(value=series[-1].value + 1))
    edited = replace(catalogue, observations=changed)
    after = dict(zip((t.name for t in tasks(edited, kinds)), task_keys(edited, settings, tasks(edited, kinds))))
    assert {name for name in before if after[name] != before[name]} == {"indikator/ledighed", f"kommune/{catalogue.areas['vollsmose'].municipality}"}


def test_an_area_task_keys_every_row_it_declares_of_that_area(catalogue):
    area_digest(catalogue, "mjoelnerparken", AREA_ROWS)  # a row the digest does not know would be a KeyError
    assert KINDS[0].per_area and AREA_ROWS <= KINDS[0].reads


def test_every_catalogue_field_names_the_data_package_it_comes_from():
    assert set(FIELD_PACKAGES) == FIELDS


def test_an_area_page_is_dated_by_every_package_it_shows_pools_and_evaluations_too():
    assert packages_read(KINDS[0].reads) == ("areas", "evaluations", "indicators", "plans", "pools")


def test_each_folder_gets_its_frame_written_once_and_a_folder_no_longer_declared_loses_its_own(tmp_path):
    write_frames(tmp_path, folders(), FRAME)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    assert written == sorted(f"{f}/{FRAME}.md" for f in folders())
    frame = tmp_path / "aktiviteter" / "tema" / f"{FRAME}.md"
    assert frame.read_text(encoding="utf-8") == SOURCE
    stamp = frame.stat().st_mtime_ns
    write_frames(tmp_path, folders(), FRAME)
    assert frame.stat().st_mtime_ns == stamp  # `mkdocs serve` would rebuild for ever on a rewritten file
    write_frames(tmp_path, folders()[1:], FRAME)  # a folder no longer declared loses its frame
    assert not (tmp_path / folders()[0] / f"{FRAME}.md").exists() and frame.exists()


def test_an_area_is_rendered_again_when_a_neighbour_it_shows_changes_its_figures(catalogue):
    settings = Settings()
    area_kind = KINDS[0]
    before = dict(zip((t.key for t in tasks(catalogue, (area_kind,))), task_keys(catalogue, settings, tasks(catalogue, (area_kind,)))))
    neighbour, _ = catalogue.similar.neighbours["mjoelnerparken"][0]
    criterion = catalogue.similar.criteria[0]
    changed = dict(catalogue.observations)
    series = changed[(neighbour, criterion)]
    changed[(neighbour, criterion)] = (*series[:-1], series[-1]._replace(value=series[-1].value + 0.5))
    edited = replace(catalogue, observations=changed)
    after = dict(zip((t.key for t in tasks(edited, (area_kind,))), task_keys(edited, settings, tasks(edited, (area_kind,)))))
    assert after["mjoelnerparken"] != before["mjoelnerparken"] and after[neighbour] != before[neighbour]


def test_a_derived_property_needs_its_inputs_declared(catalogue):
    forgetful = replace(POOLS, reads=frozenset({"pools", "similar"}))
    with pytest.raises(UndeclaredRead, match=r"catalogue\.similar, made from \['areas', 'indicators', 'observations'\]"):
        tasks(catalogue, (forgetful,))[0].render(catalogue)


def test_an_area_is_rendered_again_when_a_similar_area_it_names_is_renamed(catalogue):
    settings = Settings()
    area_kind = KINDS[0]
    before = task_keys(catalogue, settings, tasks(catalogue, (area_kind,)))
    neighbour, _ = catalogue.similar.neighbours["mjoelnerparken"][0]
    renamed = replace(catalogue, areas={**catalogue.areas, neighbour: replace(catalogue.areas[neighbour], name="Ærøparken")})
    after = task_keys(renamed, settings, tasks(renamed, (area_kind,)))
    index = [t.key for t in tasks(catalogue, (area_kind,))].index("mjoelnerparken")
    assert after[index] != before[index]
