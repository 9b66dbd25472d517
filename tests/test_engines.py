"""The site builds on both engines, MkDocs + Material and Zensical, with the same generated pages; engine
internals stay inside their adapters; editors' Markdown links to generated pages work on both."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.load import load_cached
from macros.data.settings import read_config
from macros.pages.registry import FRAME, addresses, folders
from tests.conftest import ROOT, copy_project, mkdocs_build, serve_folder, zensical_build

CHANGED = re.compile(r'<p class="bse-changed">.*?</p>')


def article(path: Path) -> str:
    """A page's content as the reader reads it, without its last-changed line (a copy of the project has no git dates)
    and the theme's whitespace after it."""
    html = path.read_text(encoding="utf-8")
    return CHANGED.sub("", html[html.index("<h1>"):html.index("</article>")]).rstrip()


def test_no_engine_internals_outside_their_adapters():
    for engine, pattern in (("mkdocs", r"mkdocs\.(commands|structure)|material\.plugins"), ("zensical", r"zensical\.(main|config|extensions)|from zensical ")):
        grep = subprocess.run(["grep", "-rlE", "--include=*.py", pattern, "macros", "build_scripts", "tests"], cwd=ROOT, capture_output=True, text=True)
        assert grep.returncode in (0, 1), grep.stderr
        found = grep.stdout.split()
        assert [f for f in found if not f.startswith(f"build_scripts/engines/{engine}") and f != "tests/test_engines.py"] == [], engine


def test_zensical_writes_the_same_generated_pages_charts_and_data_as_mkdocs(site, zensical_site):
    catalogue = load_cached(ROOT)
    for url in addresses(catalogue):
        assert article(zensical_site / url / "index.html") == article(site / url / "index.html"), url
    for folder in ("omraader/mjoelnerparken", "data/indicators", "omraader/sammenlign"):
        assert sorted(p.name for p in (zensical_site / folder).iterdir()) == sorted(p.name for p in (site / folder).iterdir())
    assert (zensical_site / "assets/charts/templates.json").read_bytes() == (site / "assets/charts/templates.json").read_bytes()
    assert not any((zensical_site / f / FRAME).exists() or (site / f / FRAME).exists() for f in folders())


def test_each_engine_gets_the_generated_pages_in_its_own_search_index_and_sitemap(site, zensical_site):
    mkdocs = {e["location"]: e for e in json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    zensical = {e["location"]: e for e in json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"]}
    for entries in (mkdocs, zensical):
        assert entries["omraader/mjoelnerparken/"]["title"] == "Mjølnerparken"
        assert entries["omraader/mjoelnerparken/"]["text"].startswith("Kommune: København. Seneste fundne listeplacering: parallelsamfund (udgået, 2023).")
        assert not any(FRAME in location for location in entries)
    assert zensical["omraader/mjoelnerparken/"]["level"] == 1
    for built in (site, zensical_site):
        sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
        assert "/omraader/mjoelnerparken/</loc>" in sitemap and FRAME not in sitemap


def test_zensical_site_draws_its_charts_and_finds_an_area_and_an_activity_in_danish(browser, zensical_site):
    with serve_folder(zensical_site) as base:
        page = browser.new_page()
        errors, outside = [], []
        page.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: not r.url.startswith((base, "data:")) and outside.append(r.url))
        page.goto(f"{base}/omraader/mjoelnerparken/")
        canvases = page.locator(".bse-chart__canvas")
        page.wait_for_function("n => document.querySelectorAll('.bse-chart__canvas svg').length === n", arg=canvases.count(), timeout=30000)
        for query, expected in (("mjølnerparken", "/omraader/mjoelnerparken/"), ("lommepengejob", "/aktiviteter/lommepengejob/")):
            page.goto(f"{base}/")
            page.locator(".md-search__button").first.click()
            page.keyboard.type(query, delay=20)
            first = page.locator('a[role="option"]').first  # Zensical's results sit in an open shadow root
            first.wait_for(timeout=20000)
            assert first.get_attribute("href").split("?")[0].endswith(expected), query
        page.close()
        assert errors == [] and outside == []


def test_an_editors_markdown_link_to_a_generated_page_works_and_a_broken_one_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    activity = project / "content/aktiviteter/bydelsmoedre.md"
    text = activity.read_text(encoding="utf-8")
    activity.write_text(
        text.replace("## Hvorfor skulle det virke?", "Se fx [Mjølnerparken](../omraader/mjoelnerparken.md).\n\n## Hvorfor skulle det virke?", 1),
        encoding="utf-8",
    )
    assert (result := mkdocs_build(project, tmp_path / "mkdocs")).returncode == 0, result.stderr
    assert (result := zensical_build(project)).returncode == 0, result.stdout + result.stderr
    for site in (tmp_path / "mkdocs", project / "site"):
        assert '<a href="../../omraader/mjoelnerparken/">Mjølnerparken</a>' in (site / "aktiviteter/bydelsmoedre/index.html").read_text(encoding="utf-8")

    activity.write_text(activity.read_text(encoding="utf-8").replace("mjoelnerparken.md", "mjolnerparken.md"), encoding="utf-8")
    for result in (mkdocs_build(project, tmp_path / "mkdocs-brudt"), zensical_build(project)):
        assert result.returncode != 0
        assert "content/aktiviteter/bydelsmoedre.md: linket peger på en side eller fil, der ikke findes (fundet: '" in result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr


def test_zensicals_macros_read_the_catalogue_the_build_checked_instead_of_loading_it_again(tmp_path):
    """Every process that loads the data writes a line; a Zensical build loads them once, in the build's own process."""
    project = copy_project(tmp_path / "projekt")
    for frame in (project / "content").rglob(f"{FRAME}.md"):  # as in a fresh clone: the build writes them, before it loads
        frame.unlink()
    loads = tmp_path / "indlæsninger.txt"
    (tmp_path / "hook").mkdir()
    (tmp_path / "hook" / "sitecustomize.py").write_text(
        "import os\n"
        "import macros.data.load as data\n"
        "checked = data.load\n"
        "def load(*args, **kwargs):\n"
        f"    with open({str(loads)!r}, 'a', encoding='utf-8') as f:\n"
        "        f.write(f'{os.getpid()}\\n')\n"
        "    return checked(*args, **kwargs)\n"
        "data.load = load\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-m", "build_scripts.commands.build", "--engine", "zensical", "--root", str(project)],
                            capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": f"{tmp_path / 'hook'}{os.pathsep}{ROOT}"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(loads.read_text(encoding="utf-8").split()) == 1
    page = (project / "site/aktiviteter/bydelsmoedre/index.html").read_text(encoding="utf-8")
    assert "Kører i " in page and "Bydelsmødre" in page  # the macros had the catalogue


def test_a_zensical_run_that_fails_returns_its_status_to_the_build_and_ends_there(tmp_path, capfd):
    from build_scripts.engines import zensical

    assert zensical.build(tmp_path / "findes-ikke.yml", tmp_path) == 2  # Zensical's own command refuses a missing file
    assert "findes-ikke.yml" in capfd.readouterr().err
    assert Path.cwd() != tmp_path


def test_not_in_nav_names_the_frames_and_the_activity_pages_and_no_generated_page_is_an_engine_page(site):
    patterns = read_config(ROOT / "mkdocs.yml")["not_in_nav"].split()
    assert "/**/_ramme.md" in patterns and "/aktiviteter/*.md" in patterns
    catalogue = load_cached(ROOT)
    sources = {p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.md")}
    assert not {url.rstrip("/") + ".md" for url in addresses(catalogue)} & sources
    assert {f"{folder}/{FRAME}.md" for folder in folders()} <= sources  # written by the session's build


def test_each_engine_adapter_offers_the_whole_interface_and_is_chosen_by_name():
    from build_scripts.engines import ENGINES, of_macros
    from build_scripts.output.adapter import EngineAdapter

    assert sorted(ENGINES) == ["mkdocs", "zensical"]
    for name, module in ENGINES.items():
        assert isinstance(module, EngineAdapter) and module.NAME == name
    mkdocs_env = type("MacrosPlugin", (), {"__module__": "mkdocs_macros.plugin"})()
    zensical_env = type("MacroEnv", (), {"__module__": "zensical.extensions.macros"})()
    assert of_macros(mkdocs_env) is ENGINES["mkdocs"] and of_macros(zensical_env) is ENGINES["zensical"]
    with pytest.raises(RuntimeError, match="no adapter in build_scripts/engines/ names"):
        of_macros(type("Env", (), {"__module__": "andet.plugin"})())
