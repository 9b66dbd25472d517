"""The project's part of a build, in its own process beside the engine's:

    python -m build_scripts.commands.generate --site SITE --engine mkdocs|zensical [--config mkdocs.yml] [--wait]

A build forks it from its own process instead (build_scripts/output/lifecycle.py, for the MkDocs hook and the
Zensical command); this command loads and checks the data itself. The work is build_scripts/output/generate.py,
given the engine's adapter.
Problems are printed as the short Danish list and make the exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_scripts.engines import adapter
from build_scripts.output.generate import run
from macros.data.load import load
from macros.data.problems import DataError, summary
from macros.data.settings import from_config, read_config

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the folder the engine builds into")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), required=True)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the engine's configuration (the project is its folder)")
    parser.add_argument("--wait", action="store_true", help="render first, then wait for a line on standard input before writing")
    parser.add_argument("--previous", type=Path, help="the published site this build will replace: pages it holds unchanged are linked from it")
    args = parser.parse_args(argv)
    root = args.config.resolve().parent
    try:
        settings = from_config(read_config(args.config))
        catalogue = load(root, settings)
    except DataError as error:
        print(summary(error.problems), file=sys.stderr)
        return 1
    return run(root, args.site.resolve(), adapter(args.engine), catalogue, settings, args.wait, args.previous.resolve() if args.previous else None)


if __name__ == "__main__":
    sys.exit(main())
