"""The kept pages (build_scripts/output/cache.py): an entry names its chart templates, which are kept once."""

from __future__ import annotations

import pickle
import zlib

from build_scripts.output.cache import Cache
from macros.pages.page import Rendered

SPINE = {"mark": "line", "title": "Ældre end 65 år"}


def page(name: str, templates: dict) -> Rendered:
    return Rendered(f"omraader/{name}/", name.title(), f"<p>{name}: Ålholm og Østerbro</p>", (), {f"omraader/{name}/data.csv": "år,værdi\n"},
                    templates, None)


def test_pages_sharing_a_chart_template_keep_it_once_and_come_back_whole(tmp_path):
    cache = Cache(tmp_path / "pages")
    aalholm, oesterbro = page("ålholm", {"a1": SPINE}), page("østerbro", {"a1": SPINE, "b2": {"mark": "bar"}})
    cache.put("1" * 40, [aalholm])
    cache.put("2" * 40, [oesterbro])
    assert sorted(p.name for p in cache.templates.iterdir()) == ["a1", "b2"]
    later = Cache(tmp_path / "pages")  # another build's process, which has kept nothing yet
    assert later.get("1" * 40) == [aalholm] and later.get("2" * 40) == [oesterbro]
    kept = pickle.loads(zlib.decompress((tmp_path / "pages" / "11" / ("1" * 40)).read_bytes()))
    assert kept[0].templates == {"a1": None}  # the entry names its template; the template itself is kept once


def test_an_entry_whose_template_is_gone_is_rendered_again_and_unused_templates_are_removed(tmp_path):
    cache = Cache(tmp_path / "pages")
    cache.put("1" * 40, [page("ålholm", {"a1": SPINE})])
    cache.put("2" * 40, [page("østerbro", {"b2": {"mark": "bar"}})])
    cache.prune({"1" * 40}, {"a1"})
    assert not cache.has("2" * 40) and [p.name for p in cache.templates.iterdir()] == ["a1"]
    (cache.templates / "a1").unlink()
    assert Cache(tmp_path / "pages").get("1" * 40) is None
