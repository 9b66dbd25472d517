"""The files the site offers beside its pages: open data, DCAT, the compare view's data, the CSVs and
templates of the charts on editorial pages, and the self-hosted Vega bundle."""

from __future__ import annotations

import json
import os
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable

from macros.charts import palette
from macros.charts.base import Chart, csv_files, template_of
from macros.data.model import Catalogue
from macros.data.settings import Settings
from macros.pages import activity, compare, national_report, open_data
from macros.pages import catalogue as catalogue_page
from macros.text import urls

VEGA_BUNDLE = "assets/vendor/vega-bundle.js"
CHART_TEMPLATES = "assets/charts/templates.json"  # charts.js looks for it beside its own folder


def editorial_charts(catalogue: Catalogue) -> list[Chart]:
    """Every chart a macro draws on an editorial page (activity pages, the catalogue, the national report)."""
    charts = [c for a in catalogue.activities.values() for c in activity.activity_evidence_section(catalogue, a, urls.activity(a.slug)).charts]
    page = urls.national_report()
    return (charts + catalogue_page.cost_effect_section(catalogue, urls.catalogue()).charts
            + national_report.list_counts_section(catalogue, page).charts + national_report.evidence_section(catalogue, page).charts)


def data_pieces(catalogue: Catalogue, root: Path, settings: Settings, made: frozenset[str] = frozenset()) -> list[Callable[[], dict[str, str | bytes]]]:
    """The site's data files in pieces that can be made apart, each returning files by their path in the site: each
    package's open data (CSVs, descriptor and zip) but those made already (made: their names, build_scripts/output/ahead.py),
    the DCAT catalogue, each indicator's compare data and the names."""
    pieces: list[Callable[[], dict[str, str | bytes]]] = [
        partial(open_data.package_files, root, package, catalogue.suppression_threshold) for package in catalogue.packages.values()
        if package.name not in made
    ]
    pieces.append(lambda: {f"{open_data.FOLDER}/catalog.jsonld": open_data.dcat_catalogue(catalogue, settings.site_url)})
    pieces += [partial(_compare_files, catalogue, indicator) for indicator in catalogue.indicators.values()]
    pieces.append(lambda: {urls.compare() + compare.NAMES: compare.names_file(catalogue)})
    return pieces


def _compare_files(catalogue: Catalogue, indicator) -> dict[str, str]:
    return {urls.compare() + name: content for name, content in compare.data_files(catalogue, indicator).items()}


def chart_files(charts: list[Chart]) -> dict[str, str]:
    """The CSVs of the editorial charts, one chart at a time: a chart shown on two pages offers one file, not its rows twice."""
    out: dict[str, str] = {}
    for chart in charts:
        out.update(csv_files([chart]))
    return out


def templates_file(charts: list[Chart], generated: dict[str, dict]) -> str:
    """Every chart template the site's pages use, by key: the generated pages' and the editorial charts'."""
    used = dict(generated)
    used.update(template_of(c.spec) for c in charts)
    used["palette"] = palette.for_charts_js()
    return json.dumps(used, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def user_cache() -> Path:
    """The user's cache folder for files made or fetched once per version (not .cache/, which `zensical build --clean` empties)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "boligsocial-evidens"


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """vega, vega-lite and vega-embed in the Vega-Lite version Altair writes, as one local script.

    vl-convert takes about 1.5 s to write it, and it only changes with the versions, so it is kept in
    the user's cache folder under a name made of them.
    """
    import altair as alt
    import vl_convert as vlc

    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    cache = user_cache() / f"vega-bundle-vl{major_minor}-vlc{vlc.__version__}.js"
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
