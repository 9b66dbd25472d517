"""The module mkdocs-macros loads (mkdocs.yml: plugins.macros.module_name), on MkDocs and on Zensical: the
site's macros (macros/__init__.py), given the engine adapters' reading of the page being rendered."""

from __future__ import annotations

from build_scripts.engines import link_origin, page_source
from macros import register


def define_env(env) -> None:
    register(env, link_origin, page_source)
