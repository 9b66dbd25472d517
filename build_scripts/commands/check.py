"""Check all data packages, activity pages and cross references, and report every problem at once.

    python -m build_scripts.commands.check

The same checks run in every build, on both engines; this command runs them without building, for editors:
the packages, the activity pages, the other content pages (front matter and every macro call, against
macros/pages/editorial.py), and the references between them.
Each problem names the file, the line and the field (or front-matter field), the value found, what
was expected and how to fix it, in Danish. Exit status 0 when all is well, 1 otherwise.

On GitHub Actions (GITHUB_ACTIONS=true) each problem is also an annotation at its file and line in the
pull request, and the whole list a table in the job summary (build_scripts/output/annotations.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from build_scripts.output.annotations import annotations, summary_table
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
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotations(error.problems)))
            if os.environ.get("GITHUB_STEP_SUMMARY"):
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
                    f.write(summary_table(error.problems))
        return 1
    print(
        f"Alt er i orden: {len(catalogue.packages)} datapakker, {len(catalogue.areas)} boligområder, "
        f"{len(catalogue.activities)} aktiviteter, {sum(len(r) for r in catalogue.results.values())} evalueringsresultater."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
