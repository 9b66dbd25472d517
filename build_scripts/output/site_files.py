"""The files the site offers beside its pages: open data, DCAT, the compare view's data, the CSVs and
templates of the charts on editorial pages, and the self-hosted Vega bundle."""

from __future__ import annotations

import json
import os
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, NamedTuple

from build_scripts.output.cache import Keys
from macros.charts import palette
from macros.charts.base import Chart, csv_files, template_of
from macros.data.model import Catalogue
from macros.data.settings import Settings
from macros.data.view import CatalogueView
from macros.pages import activity, compare, national_report, open_data
from macros.pages import catalogue as catalogue_page
from macros.pages.registry import indicator_series
from macros.text import urls

VEGA_BUNDLE = "assets/vendor/vega-bundle.js"
CHART_TEMPLATES = "assets/charts/templates.json"  # charts.js looks for it beside its own folder


def editorial_charts(catalogue: Catalogue) -> list[Chart]:
    """Every chart a macro draws on an editorial page (activity pages, the catalogue, the national report)."""
    charts = [c for a in catalogue.activities.values() for c in activity.activity_evidence_section(catalogue, a, urls.activity(a.slug)).charts]
    page = urls.national_report()
    return (charts + catalogue_page.cost_effect_section(catalogue, urls.catalogue()).charts
            + national_report.list_counts_section(catalogue, page).charts + national_report.evidence_section(catalogue, page).charts)


class Piece(NamedTuple):
    """A piece of the site's data files: make() returns them by their path in the site; key(), where given, digests
    everything they are made from, and the files kept under it are used while it holds (build_scripts/output/generate.py)."""

    make: Callable[[], dict[str, str | bytes]]
    key: Callable[[], str] | None = None


# What an indicator's compare data are made from: the areas' names and that indicator's figures (it is shown no other)
COMPARE_READS = frozenset({"areas", "indicators", "observations", "packages"})


def data_pieces(catalogue: Catalogue, root: Path, settings: Settings, keys: Keys, made: frozenset[str] = frozenset()) -> list[Piece]:
    """The site's data files in pieces that can be made apart: each package's open data (CSVs, descriptor and zip) but
    those made already (made: their names, build_scripts/output/ahead.py), the DCAT catalogue, each indicator's compare
    data (kept: a changed figure makes one indicator's again) and the names."""
    pieces = [Piece(partial(open_data.package_files, root, package, catalogue.suppression_threshold)) for package in catalogue.packages.values()
              if package.name not in made]
    pieces.append(Piece(lambda: {f"{open_data.FOLDER}/catalog.jsonld": open_data.dcat_catalogue(catalogue, settings.site_url)}))
    for indicator_id in catalogue.indicators:
        pieces.append(Piece(partial(_compare_files, catalogue, indicator_id),
                            lambda i=indicator_id: keys.of_piece(f"sammenlign/{i}", COMPARE_READS, _compare_series(catalogue, i))))
    pieces.append(Piece(lambda: {urls.compare() + compare.NAMES: compare.names_file(catalogue)}))
    return pieces


def _compare_series(catalogue: Catalogue, indicator_id: str) -> dict:
    return {pair: catalogue.observations[pair] for pair in indicator_series(catalogue, indicator_id)}


def _compare_files(catalogue: Catalogue, indicator_id: str) -> dict[str, str]:
    """One indicator's compare data, made from a view of what its key holds (a read of anything else fails)."""
    view = CatalogueView(catalogue, COMPARE_READS, "sammenlign", {"observations": _compare_series(catalogue, indicator_id)})
    return {urls.compare() + name: content for name, content in compare.data_files(view, view.indicators[indicator_id]).items()}


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
