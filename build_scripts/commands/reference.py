"""Turn a copy of the project into the slow reference: every generated page an ordinary Markdown page the engine renders.

    python -m build_scripts.commands.reference KOPI

KOPI is a copy of the project (mkdocs.yml, content/, datapackages/, macros/, build_scripts/). Each
generated page is written to KOPI/content/<address>.md as its body in Markdown (macros/pages/page.py),
the frames are removed, and `extra.reference_build: true` tells the build that the engine has written
the pages itself. A test builds a copy as it is and a reference copy, and requires the same site.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from markupsafe import escape

from macros.data.load import load
from macros.data.settings import from_mkdocs_yml
from macros.pages.registry import FRAME, folders, tasks
from macros.text.urls import source_path


def write_reference(project: Path) -> int:
    """Write every generated page into project/content; returns how many."""
    catalogue = load(project, from_mkdocs_yml(project))
    written = 0
    for task in tasks(catalogue):
        for page in task.render(catalogue):
            path = project / "content" / source_path(page.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            # the title as the generated page has it (escaped: engines put titles in HTML as they are);
            # the page is never rendered as a template, and stays out of the engine's search (its entry is added as for the fast build)
            front = f"---\ntitle: {json.dumps(str(escape(page.title)), ensure_ascii=False)}\nrender_macros: false\nsearch:\n  exclude: true\n---\n\n"
            path.write_text(front + page.body.markdown() + "\n", encoding="utf-8")
            written += 1
    for folder in folders():
        (project / "content" / folder / f"{FRAME}.md").unlink(missing_ok=True)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nextra:\n", "\nextra:\n  reference_build: true\n", 1), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a copy of the project (never the checkout itself)")
    args = parser.parse_args(argv)
    print(f"{write_reference(args.project)} sider skrevet som Markdown i {args.project / 'content'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
