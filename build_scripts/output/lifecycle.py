"""One build's life, the same around both engines: the MkDocs hook (build_scripts/engines/mkdocs_hook.py) and
the Zensical command (build_scripts/commands/build.py) each call these steps at their engine's moments.

1. begin(): check the data and content once (DataError: the short Danish list), write the frames the
   engine renders, and start the generator (build_scripts/commands/generate.py) in its own process,
   handing it the checked catalogue; it renders the generated pages while the engine builds into
   <site>.partial;
2. Generator.finish(): once the engine has written its pages, the generator writes its own into them;
3. swap_in(): the finished folder takes the published one's place. On any failure stop() ends the
   generator and the half-built folder is thrown away (discard()), so nothing half-built is published.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts.output.frames import write_frames
from build_scripts.output.writer import swap_in
from macros.data.load import load_cached
from macros.data.model import Catalogue
from macros.data.settings import Settings
from macros.pages.editorial import SPECS
from macros.pages.registry import FRAME, folders

__all__ = ["Generator", "begin", "discard", "staging", "swap_in"]


def staging(site: Path) -> Path:
    """Where the engine builds: beside the published folder, never in it."""
    return site.with_name(site.name + ".partial")


def discard(site: Path) -> None:
    shutil.rmtree(staging(site), ignore_errors=True)


class Generator:
    """The generator's process: started with the engine, told to write once the engine has finished."""

    def __init__(self, root: Path, engine: str, site: Path, config: Path, previous: Path | None, catalogue: Catalogue):
        self._log = tempfile.TemporaryFile()
        self._handed = hand_over(catalogue)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "build_scripts.commands.generate", "--engine", engine, "--wait", "--site", str(site), "--config", str(config),
             "--catalogue", str(self._handed), *(["--previous", str(previous)] if previous else [])],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._log, text=True,
        )

    def finish(self) -> str | None:
        """Let it write into the engine's output; None, or what it printed when it failed (the Danish list)."""
        self._process.communicate("go\n")
        if not self._process.returncode:
            return None
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip() or "Sitets egne sider kunne ikke skrives."

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._handed.unlink(missing_ok=True)  # when it stopped before reading it


def begin(root: Path, settings: Settings, engine: str, site: Path, config: Path, previous: Path | None) -> tuple[Catalogue, Generator]:
    """Check everything (raises DataError), write the frames, start the generator; returns the catalogue and the generator."""
    catalogue = load_cached(root, settings, SPECS)
    if not settings.reference_build:  # in the reference build the engine writes every page itself
        write_frames(root / "content", folders(), FRAME)
    return catalogue, Generator(root, engine, site, config, previous, catalogue)


def hand_over(catalogue: Catalogue) -> Path:
    """The catalogue, checked once, in a temporary file for the generator's process (a pickle reads in a
    fraction of a load); outside the project, whose .cache `zensical build --clean` empties."""
    handle, name = tempfile.mkstemp(prefix="bse-katalog-", suffix=".pickle")
    with os.fdopen(handle, "wb") as file:
        pickle.dump(catalogue, file, pickle.HIGHEST_PROTOCOL)
    return Path(name)


def handed_over(path: Path) -> Catalogue:
    """The catalogue hand_over() wrote; the file is deleted once read."""
    try:
        return pickle.loads(path.read_bytes())
    finally:
        path.unlink(missing_ok=True)
