"""The MkDocs hook (loaded from mkdocs.yml); with item_pages.py and page_frames.py the only MkDocs glue.

- adds a generated page per area (and its report), indicator, study, municipality, theme and target
  group, written by the same page functions the macros call, and keeps them out of the global
  navigation (index pages link them), so the build stays linear;
- writes area pages and reports beside MkDocs's page loop (item_pages.py), shared with a forked
  worker (parallel.py) and kept for rebuilds (item_cache.py); other generated pages take the
  theme's frame for their kind (page_frames.py);
- keeps the page functions' HTML fragments out of Markdown and the search plugin (macros/fragments.py)
  and puts them back after;
- writes each chart's CSV download as its page is rendered (macros/downloads.py), the compare data
  and open-data downloads in a background fork, and adds DCAT-AP and the self-hosted Vega bundle;
- builds into `<site_dir>.partial` and swaps it in only when the whole build succeeded, so bad
  input never leaves a half-built site behind.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from build_scripts.item_pages import Item, Writer, fragments_page, searchable_content, write_sitemap
from build_scripts.page_frames import TEMPLATE as FRAMED, Frames, compact
from build_scripts.item_cache import ItemCache, shared_digest
from build_scripts.parallel import Background, deal
from macros.html import downloads
from macros.html import fragments
from macros.pages import open_data
from macros.html import urls
from macros.data.activities import is_activity_page, shown_as_text, vocabulary
from macros.pages.area import area_page
from macros.pages.area_report import area_report
from macros.pages.catalogue import tag_page
from macros.charts.base import adopt_templates, templates_json, templates_named, templates_unsent
from macros.pages.compare import NAMES, data_files, names_file
from macros.data.load import load_cached
from macros.pages.municipality import municipalities, municipality_page
from macros.pages.open_data import package_files
from macros.data.problems import DataError
from macros.data.provenance import danish_date, page_dates
from macros.pages.render import indicator_page
from macros.data.settings import from_extra
from macros.pages.study import study_page

VEGA_BUNDLE = "assets/vendor/vega-bundle.js"
CHART_TEMPLATES = "assets/charts/templates.json"  # charts.js looks for it beside its own folder
_state: dict = {"command": None, "final": None, "background": None, "workers": 0, "fast": True, "catalogue": None,
                "frames": None, "env": None, "nav": None, "every_file": None}
_package_dates: dict[str, str | None] = {}  # filled once per build in on_files, read for every page
_generated: dict[str, tuple[Callable[[str], str], dict]] = {}  # source path of a generated page → (writes its Markdown, its metadata)
_html_pages: dict[str, str] = {}  # source path → the fragments of a generated page with no Markdown, until MkDocs has converted its empty text
_items: list[Item] = []  # area pages and reports, written beside MkDocs's page loop (build_scripts/item_pages.py)


def on_startup(command, dirty):
    """Remember whether this is `mkdocs build` (staged output) or `serve`; pin the build date to the last commit."""
    _state["command"] = command
    # MkDocs dates the sitemap with SOURCE_DATE_EPOCH when set; the last commit's time makes rebuilds byte-identical
    if "SOURCE_DATE_EPOCH" not in os.environ:
        commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=Path(__file__).parent, capture_output=True, text=True)
        if commit.returncode == 0 and commit.stdout.strip():
            os.environ["SOURCE_DATE_EPOCH"] = commit.stdout.strip()


def on_config(config):
    """Point the build at a staging folder; the real site_dir is replaced only on success."""
    if _state["command"] == "build":
        final = Path(config["site_dir"])
        _state["final"] = str(final)
        staging = final.with_name(final.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        config["site_dir"] = str(staging)
    return config


def render_workers(config) -> int:
    """extra.render_workers in mkdocs.yml: processes that render area pages beside MkDocs (0: MkDocs's own process)."""
    value = (config.get("extra") or {}).get("render_workers", 1)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PluginError(f"mkdocs.yml, felt 'extra.render_workers': skal være et helt tal på mindst 0 (fundet: {value!r}). Sådan retter du det: Skriv fx 'render_workers: 1' under extra:.")
    return value


def fast_item_pages(config) -> bool:
    """extra.fast_item_pages in mkdocs.yml: generated pages framed from one theme rendering per kind, area pages written beside MkDocs's page loop (false: all through MkDocs)."""
    value = (config.get("extra") or {}).get("fast_item_pages", True)
    if not isinstance(value, bool):
        raise PluginError(f"mkdocs.yml, felt 'extra.fast_item_pages': skal være true eller false (fundet: {value!r}). Sådan retter du det: Skriv 'fast_item_pages: true' under extra:.")
    return value


def _stop_background() -> None:
    if _state["background"] is not None:
        _state["background"].stop()
        _state["background"] = None


def _add(files: Files, file: File) -> None:
    files.append(file)
    _state["every_file"].append(file)


def _page(files: Files, config, url: str, title: str, write: Callable[[str], str], searchable: bool = True, item: bool = False) -> None:
    """Add one generated page; its Markdown is written by `write(page_url)` when MkDocs reads the page.

    The page function is called here rather than through a {{ macro() }} in the page, because Jinja would
    compile a template for each of the thousands of item pages; `render_macros: false` tells
    mkdocs-macros to leave the page alone. The metadata is set when the page is read rather than
    written as front matter, which MkDocs would parse as YAML for every page. An item page (made of
    fragments only) is written beside MkDocs's loop when extra.fast_item_pages is on.
    """
    meta = {"title": title, "render_macros": False}
    if not searchable:
        meta["search"] = {"exclude": True}
    if _state["fast"]:
        meta["template"] = FRAMED
    file = File.generated(config, urls.source_path(url), content="")
    if item and _state["fast"]:
        _items.append(Item(file, meta, write))
        _state["every_file"].append(file)
    else:
        _generated[file.src_uri] = (write, meta)
        _add(files, file)


def on_files(files: Files, config) -> Files:
    """Add every generated page, DCAT-AP and the Vega bundle to the build; start writing the compare and open-data files in the background."""
    _generated.clear()
    _html_pages.clear()
    _items.clear()
    _state["every_file"] = Files(list(files))
    _state["fast"] = fast_item_pages(config)
    _stop_background()
    try:
        catalogue = load_cached(Path(config["config_file_path"]).parent, from_extra(config.get("extra")))
    except DataError as error:
        raise PluginError(str(error)) from None
    # The catalogue lives for the whole build: keep the garbage collector from scanning its million
    # objects again and again (it made the build grow faster than linearly), and from touching them
    # in the forked render worker, which would copy the shared memory.
    gc.freeze()
    # `mkdocs serve` runs a web server thread; forking beside threads can deadlock, so it renders in-process
    workers = render_workers(config) if _state["command"] == "build" else 0
    root, site = Path(config["config_file_path"]).parent, Path(config["site_dir"])
    bulk = partial(bulk_downloads, catalogue, root)
    _state["workers"], _state["catalogue"] = workers, catalogue
    if workers:
        _state["background"] = Background(bulk, site)
    else:
        downloads.write_files(site, bulk())
    for area in catalogue.areas.values():  # each area's page and then its report: _write_items takes them in pairs
        _page(files, config, urls.area(area.area_id), area.name, partial(area_page, catalogue, area.area_id), item=True)
        _page(files, config, urls.report(area.area_id), f"Statusrapport: {area.name}", partial(area_report, catalogue, area.area_id), searchable=False, item=True)
    for indicator in catalogue.indicators.values():
        _page(files, config, urls.indicator(indicator.indicator_id), indicator.name, partial(indicator_page, catalogue, indicator.indicator_id))
    for name in municipalities(catalogue):
        _page(files, config, urls.municipality(name), name, partial(municipality_page, catalogue, name))
    for study in catalogue.studies.values():
        _page(files, config, urls.study(study.study_id), study.title, partial(study_page, catalogue, study.study_id))
    for theme in vocabulary("themes"):
        _page(files, config, urls.theme(theme), f"Tema: {theme}", partial(tag_page, catalogue, "themes", theme))
    for group in vocabulary("target_groups"):
        _page(files, config, urls.target_group(group), f"Målgruppe: {group}", partial(tag_page, catalogue, "target_groups", group))
    _package_dates.clear()
    _package_dates.update({name: info.updated for name, info in catalogue.packages.items()})
    _add(files, File.generated(config, f"{open_data.FOLDER}/catalog.jsonld", content=open_data.dcat_catalogue(catalogue, config.get("site_url") or "")))
    _add(files, File.generated(config, VEGA_BUNDLE, content=vega_bundle()))
    return files


def bulk_downloads(catalogue, root: Path) -> dict[str, str | bytes]:
    """The compare view's data files and the open data (each package's CSVs, descriptor and zip), by site path.

    No page links them through Markdown, so they are written straight into the site folder, by a
    background fork while MkDocs reads the pages (they took 7 s at 10,000 areas).
    """
    out: dict[str, str | bytes] = {}
    for indicator in catalogue.indicators.values():
        out.update({urls.compare() + name: content for name, content in data_files(catalogue, indicator).items()})
    out[urls.compare() + NAMES] = names_file(catalogue)
    for package in catalogue.packages.values():
        out.update(package_files(root, package, catalogue.suppression_threshold))
    return out


@event_priority(50)  # before mkdocs-macros renders the page
def on_page_markdown(markdown, page, config, files):
    """Generated pages get their Markdown; editor text on an activity page is shown as written (Jinja in it never runs); every page says when it last changed."""
    generated = _generated.get(page.file.src_uri)
    if generated is not None:
        write, meta = generated
        page.meta = dict(meta)
        markdown = write(page.url)
        if fragments.only_fragments(markdown):
            # Nothing for Markdown to do (area pages and reports): MkDocs converts an empty page, and
            # on_page_content puts the fragments in its place, a millisecond a page saved.
            _html_pages[page.file.src_uri] = fragments_page(markdown, last_changed_line(page, config))
            return ""
    if is_activity_page(page.file.src_uri):
        if page.title:
            page.title = shown_as_text(page.title, ())
        markdown = shown_as_text(markdown)
    return markdown + last_changed_line(page, config)


def on_page_content(html, page, config, files):
    """Put back the HTML fragments the macros held out of Markdown (all but the charts, which come after search); write the page's chart CSVs."""
    fragments_only = _html_pages.pop(page.file.src_uri, None)
    if fragments_only is not None:
        return searchable_content(page, fragments_only, Path(config["site_dir"]))[0]
    downloads.write_offered(Path(config["site_dir"]))
    return fragments.restore(html, searchable=True)


def on_nav(nav, config, files):
    """Keep the navigation for the item pages' template context."""
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    """Keep the theme's environment for framing generated pages; write the item pages, now that MkDocs has read every other page."""
    _state["frames"] = Frames(env)
    _state["env"] = env
    if _items:
        _write_items(config, files)
    return env


def _write_items(config, files) -> None:
    """Each area's page and report, shared between this process and the render workers (build_scripts/parallel.py),
    and kept for the next build (build_scripts/item_cache.py): an area whose inputs did not change is written again from there."""
    writer = Writer(config, files, _state["nav"], _state["frames"], last_changed_line)
    catalogue, root = _state["catalogue"], Path(config["config_file_path"]).parent
    cache = ItemCache(root / ".cache" / "item-pages", shared_digest(root, (sorted(_package_dates.items()), catalogue.data_year, from_extra(config.get("extra")))))
    keys = [cache.key(tuple(catalogue.observations.get((area_id, i), ()) for i in catalogue.indicators)) for area_id in catalogue.areas]
    assert len(_items) == 2 * len(keys)

    def area(index: int) -> None:
        page, report = _items[2 * index], _items[2 * index + 1]
        kept = cache.get(keys[index])
        if kept is not None:
            records, templates = kept
            adopt_templates(templates)
            writer.rewrite(page, records[0])
            writer.rewrite(report, records[1])
            return
        records = writer.write(page), writer.write(report)
        try:
            cache.put(keys[index], (records, templates_named(records[0].content + records[1].content)))
        except OSError:
            pass  # without a cache the next build renders this area again

    for entries, templates in deal(len(keys), area, _state["workers"], report=lambda: (writer.new_search_entries(), templates_unsent())):
        writer.search_entries().extend(entries)
        adopt_templates(templates)
    cache.prune(set(keys))


@event_priority(-100)  # after every plugin has added to the context
def on_page_context(context, page, config, nav):
    """A generated page gets the theme's frame for its kind, filled in (build_scripts/page_frames.py)."""
    if page.meta.get("template") == FRAMED:
        context["bse_page"] = _state["frames"].render(context, page)
    return context


def on_post_page(output, page, config):
    """Put back the chart fragments, which the search index never reads; a generated page leaves out the theme's indentation, as its frame does."""
    output = fragments.restore(output, searchable=False)
    return compact(output) if page.file.src_uri in _generated else output


def last_changed_line(page, config) -> str:
    source = None if page.file.generated_by else Path(page.file.abs_src_path)
    content, data = page_dates(page.url, source, _package_dates)
    parts = ([f"indhold {danish_date(content)}"] if content else []) + ([f"data {danish_date(data)}"] if data else [])
    return f'\n\n<p class="bse-changed">Senest ændret: {", ".join(parts)}.</p>\n' if parts else ""


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed in the Vega-Lite version Altair writes, as one local script.

    vl-convert takes about 1.5 s to write it, and it only changes with the versions, so it is kept in
    the user's cache folder under a name made of them.
    """
    import altair as alt
    import vl_convert as vlc

    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "boligsocial-evidens" / f"vega-bundle-vl{major_minor}-vlc{vlc.__version__}.js"
    if cache.is_file():
        return cache.read_text(encoding="utf-8")
    bundle = vlc.javascript_bundle(vl_version=major_minor)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial_file = cache.with_name(f"{cache.name}.{os.getpid()}")
        partial_file.write_text(bundle, encoding="utf-8")
        partial_file.replace(cache)  # atomic: a build running at the same time never reads half a file
    except OSError:
        pass  # a read-only home only costs the 1.5 s again next time
    return bundle


def on_pre_build(config):
    """Hold the macros' HTML fragments out of Markdown for this build, and keep the CSVs their charts offer."""
    fragments.collect()
    downloads.collect()


def on_post_build(config):
    """Write the chart templates every page used, then swap the finished staging folder in place of the published one."""
    if _state["background"] is not None:
        _state["background"].finish()
    _stop_background()
    if _items:
        write_sitemap(_state["env"], _state["every_file"], config, _state["nav"])
        _items.clear()
    gc.unfreeze()  # `mkdocs serve` builds again in the same process
    fragments.collect(False)
    downloads.collect(False)
    templates = Path(config["site_dir"]) / CHART_TEMPLATES
    templates.parent.mkdir(parents=True, exist_ok=True)
    templates.write_text(templates_json(), encoding="utf-8")
    final = _state.get("final")
    if _state["command"] == "build" and final:
        staging = Path(config["site_dir"])
        if Path(final).exists():
            Path(final).rename(f"{final}.old-{os.getpid()}")
        staging.rename(final)
        config["site_dir"] = final
        _remove_in_background(Path(final).parent.glob(f"{Path(final).name}.old-*"))


def _remove_in_background(folders) -> None:
    """Delete replaced sites after the build has ended: at national scale, 150,000 files and 20 s of the build's time."""
    folders = [str(f) for f in folders]
    if folders and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", "--", *folders], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    else:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def on_build_error(error):
    """Throw the half-built staging folder away; the published site stays as it was."""
    _stop_background()
    fragments.collect(False)
    downloads.collect(False)
    final = _state.get("final")
    if _state["command"] == "build" and final:
        shutil.rmtree(final + ".partial", ignore_errors=True)
