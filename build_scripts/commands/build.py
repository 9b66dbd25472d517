"""Build the site with Zensical (or MkDocs), with the project's generated pages, into site/.

    python -m build_scripts.commands.build --engine zensical [--site site]

Zensical runs no hooks, so this command does what build_scripts/engines/mkdocs_hook.py does inside
`mkdocs build`: it checks the data (the short Danish list, exit status 1), forks the generator
(build_scripts/output/lifecycle.py), runs `zensical build` into <site>.partial, lets the generator write the
generated pages, and only then puts the finished folder in place of <site>. With --engine mkdocs it
runs `mkdocs build --strict`, whose hook does the same.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import yaml

from build_scripts.engines import adapter, zensical
from build_scripts.output import lifecycle
from build_scripts.output.cache import pages_folder
from macros.data.problems import DataError, summary
from macros.data.settings import from_mkdocs_yml

ROOT = Path(__file__).resolve().parents[2]


def zensical_config(root: Path, site: Path) -> Path:
    """mkdocs.yml for Zensical: building into `site` (inside the project, as Zensical requires), and not strict,
    since an editor's links to generated pages are only found, and checked, once those pages are written.
    Changed in the parsed document, whose tags (!ENV, !!python/name) are kept as they are for Zensical to read."""
    document = yaml.compose((root / "mkdocs.yml").read_text(encoding="utf-8"))
    values = {"site_dir": site.relative_to(root).as_posix(), "strict": "false"}
    kept = [(k, v) for k, v in document.value if k.value not in values]
    document.value = kept + [(yaml.ScalarNode("tag:yaml.org,2002:str", k), yaml.ScalarNode("tag:yaml.org,2002:bool" if k == "strict" else
                                                                                           "tag:yaml.org,2002:str", v)) for k, v in values.items()]
    config = root / f".zensical-{os.getpid()}.yml"
    config.write_text(yaml.serialize(document, allow_unicode=True), encoding="utf-8")
    return config


def build_zensical(root: Path, site: Path) -> int:
    """The life cycle (build_scripts/output/lifecycle.py) around `zensical build`; 0, or the failure's exit status."""
    staging = lifecycle.staging(site)
    lifecycle.discard(site)
    config = zensical_config(root, staging)
    generator, status = None, 1
    try:
        _, generator = lifecycle.begin(root, from_mkdocs_yml(root), adapter("zensical"), staging, site)
        status = zensical.build(config, root)
        failed = None if status else generator.finish()
        if failed:
            print(failed, file=sys.stderr)
            status = 1
    except DataError as error:
        print(summary(error.problems), file=sys.stderr)
    finally:
        if generator is not None:
            generator.stop()
        config.unlink(missing_ok=True)
        if status:
            lifecycle.discard(site)
    if status == 0:
        lifecycle.swap_in(staging, site, pages_folder(root))
    lifecycle.ending()
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("zensical", "mkdocs"), default="zensical")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    parser.add_argument("--site", type=Path, help="where the site goes, inside the project folder (default: its site_dir, site)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    site = (args.site or root / "site").resolve()
    if args.engine == "mkdocs":
        return subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--strict", "-d", str(site)], cwd=root).returncode
    return build_zensical(root, site)


if __name__ == "__main__":
    sys.exit(main())
