"""Check all data packages, activity pages and cross references, and report every problem at once.

    python -m build_scripts.commands.check

The same checks run in every build, on both engines; this command runs them without building, for editors:
the packages, the activity pages, the other content pages (front matter and every macro call, against
macros/pages/editorial.py), and the references between them.
Each problem names the file, the line and the field (or front-matter field), the value found, what
was expected and how to fix it, in Danish. Exit status 0 when all is well, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.data.load import load
from macros.data.problems import DataError, summary
from macros.data.settings import from_mkdocs_yml
from macros.pages.editorial import SPECS

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    args = parser.parse_args(argv)
    try:
        catalogue = load(args.root, from_mkdocs_yml(args.root), SPECS)
    except DataError as error:
        print(summary(error.problems), file=sys.stderr)
        return 1
    print(
        f"Alt er i orden: {len(catalogue.packages)} datapakker, {len(catalogue.areas)} boligområder, "
        f"{len(catalogue.activities)} aktiviteter, {sum(len(r) for r in catalogue.results.values())} evalueringsresultater."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
