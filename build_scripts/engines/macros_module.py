"""The module mkdocs-macros loads (mkdocs.yml: plugins.macros.module_name), on MkDocs and on Zensical: the
site's macros (macros/__init__.py), given the engine's adapter's reading of the page being rendered and the
place where unsearchable blocks wait while the engine builds, where its adapter allows it (build_scripts/output/asides.py)."""

from __future__ import annotations

from pathlib import Path

from build_scripts.engines import of_macros
from build_scripts.output.asides import set_aside
from macros import register


def define_env(env) -> None:
    engine = of_macros(env)
    register(env, engine.link_origin, engine.page_source, set_aside(Path(env.project_dir)) if engine.SETS_ASIDE else None)
