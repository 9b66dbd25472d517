"""Build the site with Zensical (or MkDocs), with the project's generated pages, into site/.

    python -m build_scripts.commands.build --engine zensical [--site site]

Zensical runs no hooks, so this command does what build_scripts/engines/mkdocs_hook.py does inside
`mkdocs build`: it checks the data (the short Danish list, exit status 1), starts
build_scripts.commands.generate, runs `zensical build` into <site>.partial, lets the generator write the
generated pages, and only then puts the finished folder in place of <site>. With --engine mkdocs it
runs `mkdocs build --strict`, whose hook does the same.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts.output.writer import swap_in
from macros.data.load import load
from macros.data.problems import DataError, summary
from macros.data.settings import from_mkdocs_yml
from macros.pages.editorial import SPECS

ROOT = Path(__file__).resolve().parents[2]


def zensical_config(root: Path, site: Path) -> Path:
    """mkdocs.yml for Zensical: building into `site` (inside the project, as Zensical requires), and not strict,
    since an editor's links to generated pages are only found, and checked, once those pages are written."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_dir:.*$", f"site_dir: {site.relative_to(root).as_posix()}", text)
    text = re.sub(r"(?m)^strict:.*$", "strict: false", text)
    config = root / f".zensical-{os.getpid()}.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_zensical(root: Path, site: Path) -> int:
    try:
        load(root, from_mkdocs_yml(root), SPECS)
    except DataError as error:
        print(summary(error.problems), file=sys.stderr)
        return 1
    staging = site.with_name(site.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    config = zensical_config(root, staging)
    log = tempfile.TemporaryFile()
    generator = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "build_scripts.commands.generate",
            "--engine",
            "zensical",
            "--wait",
            "--site",
            str(staging),
            "--config",
            str(config),
            "--previous",
            str(site),
        ],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=log,
        text=True,
    )
    try:
        engine = subprocess.run([str(Path(sys.executable).with_name("zensical")), "build", "--clean", "-f", str(config)], cwd=root)
        if engine.returncode:
            return engine.returncode
        generator.communicate("go\n")
        if generator.returncode:
            log.seek(0)
            print(log.read().decode("utf-8", "replace").strip(), file=sys.stderr)
            return 1
    finally:
        if generator.poll() is None:
            generator.kill()
        config.unlink(missing_ok=True)
        if generator.returncode:
            shutil.rmtree(staging, ignore_errors=True)
    swap_in(staging, site, root / ".cache" / "pages")
    return 0


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
