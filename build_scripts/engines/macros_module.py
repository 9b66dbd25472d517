"""The module mkdocs-macros loads (mkdocs.yml: plugins.macros.module_name), on MkDocs and on Zensical: the
site's macros (macros/__init__.py), given the engine's adapter's reading of the page being rendered."""

from __future__ import annotations

from build_scripts.engines import of_macros
from macros import register


def define_env(env) -> None:
    engine = of_macros(env)
    register(env, engine.link_origin, engine.page_source)
