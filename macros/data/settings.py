"""Every setting of the site, defined once with its default and meaning; read from mkdocs.yml.

`site_url` is mkdocs.yml's own (its default there is the GitHub Pages address; the environment variable
SITE_URL overrides it, see mkdocs.yml); the rest sit under `extra:`. A bad value stops the build with
a Danish message naming the setting.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from macros.data.problems import DataError, Problem


@dataclass(frozen=True)
class Settings:
    # A figure based on fewer people than this is never published (diskretionering). Changes what pages show.
    suppression_threshold: int = 10
    # make site prints every boligsocial bestyrelse's status report to PDF while there are at most this many areas with a
    # helhedsplan (about 2.5 s and 110 KB a report); with more, the area pages say to print the page from the browser,
    # which is laid out as the same report, and `make report AREA=…` prints one on demand. Changes what area pages show.
    report_limit: int = 500
    # Processes that render the generated pages (build_scripts/output/generate.py); output is the same for any number.
    render_workers: int = 2
    # The published address: canonical links, the sitemap, and absolute addresses in DCAT and JSON-LD.
    site_url: str = ""
    # The GitHub repository (owner/name) the editors' form at /admin/ saves to, as pull requests.
    repository: str = "boligsocial-evidens/boligsocial-evidens"
    # The slow reference build (build_scripts/commands/reference.py): the engine has rendered every page itself.
    reference_build: bool = False

    def content(self) -> tuple:
        """The settings that change what a generated page says (part of its cache key)."""
        return (self.suppression_threshold,)


_WHOLE = (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, "et helt tal på mindst 1")
_RULES = {  # name → (test, what it must be, example)
    "suppression_threshold": (*_WHOLE, f"suppression_threshold: {Settings.suppression_threshold}"),
    "render_workers": (*_WHOLE, f"render_workers: {Settings.render_workers}"),
    "report_limit": (*_WHOLE, f"report_limit: {Settings.report_limit}"),
    "reference_build": (lambda v: isinstance(v, bool), "true eller false", "reference_build: false"),
    "repository": (lambda v: isinstance(v, str) and v.count("/") == 1 and all(v.split("/")), "ejer/navn på et GitHub-repositorium",
                   "repository: boligsocial-evidens/boligsocial-evidens"),
}


def from_config(config: dict) -> Settings:
    """Settings from mkdocs.yml as read by MkDocs, Zensical or this module; a bad value stops the build."""
    extra = config.get("extra") or {}
    values = {}
    for field in fields(Settings):
        if field.name not in _RULES or field.name not in extra:
            continue
        ok, wanted, example = _RULES[field.name]
        value = extra[field.name]
        if not ok(value):
            raise DataError(
                [
                    Problem(
                        "mkdocs.yml", f"extra.{field.name} skal være {wanted}", f"Skriv fx '{example}' under extra:.", None, f"extra.{field.name}", str(value)
                    )
                ]
            )
        values[field.name] = value
    site_url = config.get("site_url") or ""
    if site_url and not site_url.startswith(("http://", "https://")):
        raise DataError(
            [
                Problem(
                    "mkdocs.yml",
                    "site_url skal være en hel webadresse",
                    "Skriv fx 'site_url: https://eksempel.github.io/boligsocial-evidens/'.",
                    None,
                    "site_url",
                    site_url,
                )
            ]
        )
    return Settings(site_url=site_url.rstrip("/") + "/" if site_url else "", **values)


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml outside an engine: MkDocs's !!python/name tags are left unresolved, !ENV is resolved as MkDocs does."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict:
    """mkdocs.yml (or another configuration file of the same form) as a mapping."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}


def from_mkdocs_yml(root: Path) -> Settings:
    """The settings in root/mkdocs.yml, for commands that run outside an engine."""
    return from_config(read_config(root / "mkdocs.yml"))
