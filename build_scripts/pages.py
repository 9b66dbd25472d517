"""The one piece of MkDocs glue (loaded as a hook from mkdocs.yml).

- adds a generated page per area, indicator, study, municipality, theme and target group, each a few lines calling a macro, and
  keeps them out of the global navigation (index pages link them), so the build stays linear;
- adds each chart's CSV download, the open-data downloads (CSV, zip, DCAT-AP) and the self-hosted Vega bundle;
- builds into `<site_dir>.partial` and swaps it in only when the whole build succeeded, so bad
  input never leaves a half-built site behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros import fragments, open_data, urls
from macros.activities import is_activity_page, shown_as_text, vocabulary
from macros.charts import csv_name, csv_text, indicator_csv, templates_json
from macros.evidence_charts import results_charts
from macros.goal_charts import COLUMNS as GOAL_COLUMNS, goal_rows
from macros.indicator_charts import national_chart, ranking_chart
from macros.compare_view import data_file, data_name
from macros.municipality_page import municipalities
from macros.national_report import evidence_chart, list_counts_chart
from macros.open_data import package_files
from macros.data import load_cached
from macros.problems import DataError
from macros.provenance import danish_date, page_dates
from macros.settings import from_extra

VEGA_BUNDLE = "assets/vendor/vega-bundle.js"
CHART_TEMPLATES = "assets/charts/templates.json"  # charts.js looks for it beside its own folder
_state: dict[str, str | None] = {"command": None, "final": None}
_package_dates: dict[str, str | None] = {}  # filled once per build in on_files, read for every page


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


def _page(title: str, call: str, searchable: bool = True) -> str:
    # The title is JSON, which is valid YAML and cannot break the front matter.
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{search}---\n\n{{{{ {call} }}}}\n"


def on_files(files: Files, config) -> Files:
    """Add every generated page, chart CSV and the Vega bundle to the build."""
    try:
        catalogue = load_cached(Path(config["config_file_path"]).parent, from_extra(config.get("extra")))
    except DataError as error:
        raise PluginError(str(error)) from None
    for area in catalogue.areas.values():
        page = urls.area(area.area_id)
        files.append(File.generated(config, urls.source_path(page), content=_page(area.name, f'area_page("{area.area_id}")')))
        files.append(File.generated(config, urls.source_path(urls.report(area.area_id)), content=_page(f"Statusrapport: {area.name}", f'area_report("{area.area_id}")', searchable=False)))
        for indicator in catalogue.indicators.values():
            text = indicator_csv(catalogue, area, indicator)
            if text is not None:
                files.append(File.generated(config, page + csv_name(indicator), content=text))
        for plan in catalogue.plans_of(area.area_id):
            for goal in plan.goals:
                rows = goal_rows(goal, catalogue.observations.get((area.area_id, goal.indicator_id), ()))
                files.append(File.generated(config, page + f"{goal.goal_id}.csv", content=csv_text(rows, GOAL_COLUMNS)))
    for indicator in catalogue.indicators.values():
        page = urls.indicator(indicator.indicator_id)
        files.append(File.generated(config, urls.source_path(page), content=_page(indicator.name, f'indicator_page("{indicator.indicator_id}")')))
        for chart in (ranking_chart(catalogue, indicator), national_chart(catalogue, indicator)):
            if chart is not None:
                files.append(File.generated(config, chart.csv_path, content=csv_text(chart.rows, chart.columns)))
    for indicator in catalogue.indicators.values():
        files.append(File.generated(config, urls.compare() + data_name(indicator.indicator_id), content=data_file(catalogue, indicator)))
    for chart in (list_counts_chart(catalogue), evidence_chart(catalogue)):
        files.append(File.generated(config, chart.csv_path, content=csv_text(chart.rows, chart.columns)))
    for name in municipalities(catalogue):
        files.append(File.generated(config, urls.source_path(urls.municipality(name)), content=_page(name, f"municipality_page({json.dumps(name, ensure_ascii=False)})")))
    for study in catalogue.studies.values():
        files.append(File.generated(config, urls.source_path(urls.study(study.study_id)), content=_page(study.title, f'study_page("{study.study_id}")')))
    for activity in catalogue.activities.values():
        for chart in results_charts(catalogue, activity):
            files.append(File.generated(config, chart.csv_path, content=csv_text(chart.rows, chart.columns)))
    # json.dumps quotes the value as a valid Jinja string literal too
    for theme in vocabulary("themes"):
        files.append(File.generated(config, urls.source_path(urls.theme(theme)), content=_page(f"Tema: {theme}", f"theme_page({json.dumps(theme, ensure_ascii=False)})")))
    for group in vocabulary("target_groups"):
        files.append(File.generated(config, urls.source_path(urls.target_group(group)), content=_page(f"Målgruppe: {group}", f"target_group_page({json.dumps(group, ensure_ascii=False)})")))
    root = Path(config["config_file_path"]).parent
    _package_dates.clear()
    _package_dates.update({name: info.updated for name, info in catalogue.packages.items()})
    for package in catalogue.packages.values():
        for path, content in package_files(root, package, catalogue.suppression_threshold).items():
            files.append(File.generated(config, path, content=content))
    files.append(File.generated(config, f"{open_data.FOLDER}/catalog.jsonld", content=open_data.dcat_catalogue(catalogue, config.get("site_url") or "")))
    files.append(File.generated(config, VEGA_BUNDLE, content=vega_bundle()))
    return files


@event_priority(50)  # before mkdocs-macros renders the page
def on_page_markdown(markdown, page, config, files):
    """Editor text on an activity page is shown as written (Jinja in it never runs); every page says when it last changed."""
    if is_activity_page(page.file.src_uri):
        if page.title:
            page.title = shown_as_text(page.title, ())
        markdown = shown_as_text(markdown)
    return markdown + last_changed_line(page, config)


def on_page_content(html, page, config, files):
    """Put back the HTML fragments the macros held out of Markdown (all but the charts, which come after search)."""
    return fragments.restore(html, searchable=True)


def on_post_page(output, page, config):
    """Put back the chart fragments, which the search index never reads."""
    return fragments.restore(output, searchable=False)


def last_changed_line(page, config) -> str:
    source = None if page.file.generated_by else Path(page.file.abs_src_path)
    content, data = page_dates(page.url, source, _package_dates)
    parts = ([f"indhold {danish_date(content)}"] if content else []) + ([f"data {danish_date(data)}"] if data else [])
    return f'\n\n<p class="bse-changed">Senest ændret: {", ".join(parts)}.</p>\n' if parts else ""


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed in the Vega-Lite version Altair writes, as one local script."""
    import altair as alt
    import vl_convert as vlc

    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return vlc.javascript_bundle(vl_version=major_minor)


def on_pre_build(config):
    """Hold the macros' HTML fragments out of Markdown for this build."""
    fragments.collect()


def on_post_build(config):
    """Write the chart templates every page used, then swap the finished staging folder in place of the published one."""
    fragments.collect(False)
    templates = Path(config["site_dir"]) / CHART_TEMPLATES
    templates.parent.mkdir(parents=True, exist_ok=True)
    templates.write_text(templates_json(), encoding="utf-8")
    final = _state.get("final")
    if _state["command"] == "build" and final:
        staging = Path(config["site_dir"])
        old = Path(final + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if Path(final).exists():
            Path(final).rename(old)
        staging.rename(final)
        shutil.rmtree(old, ignore_errors=True)
        config["site_dir"] = final


def on_build_error(error):
    """Throw the half-built staging folder away; the published site stays as it was."""
    fragments.collect(False)
    final = _state.get("final")
    if _state["command"] == "build" and final:
        shutil.rmtree(final + ".partial", ignore_errors=True)
