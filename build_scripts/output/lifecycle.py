"""One build's life, the same around both engines: the MkDocs hook (build_scripts/engines/mkdocs_hook.py) and
the Zensical command (build_scripts/commands/build.py) each call these steps at their engine's moments.

1. begin(): write the frames the engine renders, check the data and content once (DataError: the short Danish
   list), and fork the generator (build_scripts/output/generate.py), which starts with the checked
   catalogue in its memory; it renders the generated pages while the engine builds into <site>.partial;
2. Generator.finish(): once the engine has written its pages, the generator writes its own into them;
3. swap_in(): the finished folder takes the published one's place. On any failure stop() ends the
   generator and the half-built folder is thrown away (discard()), so nothing half-built is published.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from build_scripts.output import ahead, folders
from build_scripts.output.adapter import EngineAdapter
from build_scripts.output.cache import pages_folder
from build_scripts.output.frames import write_frames
from build_scripts.output.generate import run
from build_scripts.output.writer import WRITTEN, swap_in
from macros.data.load import load_cached
from macros.data.model import Catalogue
from macros.data.settings import Settings
from macros.pages.editorial import SPECS
from macros.pages.registry import FRAME
from macros.pages.registry import folders as kinds_folders

__all__ = ["Generator", "begin", "discard", "ending", "staging", "swap_in"]


def staging(site: Path) -> Path:
    """Where the engine builds: beside the published folder, never in it."""
    return site.with_name(site.name + ".partial")


def discard(site: Path) -> None:
    shutil.rmtree(staging(site), ignore_errors=True)


class Generator:
    """The generator: a process forked from the build's own once the data are checked, so it starts with the checked
    catalogue in its memory (shared with this process, neither pickled nor loaded again: at 10,000 areas that was
    about 6 s of every build); it renders while the engine builds, and writes once told the engine has finished."""

    def __init__(self, root: Path, engine: EngineAdapter, site: Path, previous: Path | None, catalogue: Catalogue, settings: Settings,
                 made: ahead.Ahead = ahead.Ahead(), cleanup: Callable[[], None] | None = None):
        self._log = tempfile.TemporaryFile()
        self._cleanup = cleanup  # what was made ahead: removed once the generator has ended
        read, self._go = os.pipe()
        gc.freeze()  # the catalogue lives as long as the build: the collector leaves it alone, so both processes share its pages
        self._process = multiprocessing.get_context("fork").Process(
            target=_generate, args=(root, engine, site, previous, catalogue, settings, read, self._go, self._log.fileno(), made),
            name="bse-generator")
        try:
            self._process.start()
        finally:
            os.close(read)
            if self._process.pid is None:  # it never started: nothing will read the pipe
                self.stop()

    def finish(self) -> str | None:
        """Let it write into the engine's output; None, or what it printed when it failed (the Danish list)."""
        go, self._go = self._go, None
        try:
            os.write(go, b"go\n")
        except BrokenPipeError:
            pass  # it has stopped already: its exit status and log say why
        finally:
            os.close(go)
        self._process.join()
        gc.unfreeze()
        self._end_ahead()
        if not self._process.exitcode:
            return None
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace").strip() or "Sitets egne sider kunne ikke skrives."

    def stop(self) -> None:
        if self._process.pid is not None and self._process.is_alive():
            self._process.kill()
            self._process.join()
        if self._go is not None:
            os.close(self._go)
            self._go = None
        gc.unfreeze()
        self._end_ahead()

    def _end_ahead(self) -> None:
        cleanup, self._cleanup = self._cleanup, None
        if cleanup is not None:
            cleanup()


def _generate(root: Path, engine: EngineAdapter, site: Path, previous: Path | None, catalogue: Catalogue, settings: Settings,
              go: int, said: int, log: int, made: ahead.Ahead) -> None:
    """In the forked process: what it prints goes to the log (the Danish list on failure), standard input is the pipe
    that says the engine has finished (its writing end closed here, so a build that dies unannounced ends the pipe,
    and this process with it); its exit status is run()'s."""
    os.close(said)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(log, 2)
    os.dup2(go, 0)
    # streams of their own: another thread of the engine's process may have held the old ones' locks when it forked
    sys.stdin, sys.stdout, sys.stderr = open(0, closefd=False), open(1, "w", closefd=False), open(2, "w", closefd=False, encoding="utf-8")
    sys.exit(run(root, site, engine, catalogue, settings, True, previous, made))


def ending() -> None:
    """The build's process is about to exit: move everything it holds out of the collector's reach, so the interpreter's
    last collection does not walk the catalogue's millions of objects (2 s at 10,000 areas) just before freeing them."""
    gc.freeze()


def begin(root: Path, settings: Settings, engine: EngineAdapter, site: Path, previous: Path | None) -> tuple[Catalogue, Generator]:
    """Write the frames, check everything (raises DataError), start the generator; returns the catalogue and the generator.
    In a build that replaces a published site, the last build's page folders and the packages' open data are made
    meanwhile, on the processor the check leaves idle (ahead.py)."""
    premade, data, making = None, pages_folder(root).parent / f"data-{os.getpid()}-ahead", None

    def cleanup() -> None:
        ahead.end(data, making)
        if previous is not None:
            folders.end(previous, premade)

    try:
        if previous is not None:  # not while `mkdocs serve` rebuilds: its check is often no more than a look at the files
            premade = None if settings.reference_build else folders.start(previous, pages_folder(root) / WRITTEN)
            shutil.rmtree(data, ignore_errors=True)  # removed by the generator's next run if this process is killed
            data.mkdir(parents=True)
            making = ahead.start(root, data, settings.suppression_threshold)
        if not settings.reference_build:  # in the reference build the engine writes every page itself
            # before the load, whose cache is keyed by the content files: so the macros find the catalogue checked here
            write_frames(root / "content", kinds_folders(), FRAME)
        catalogue = load_cached(root, settings, SPECS)
        made = ahead.Ahead(premade, data, ahead.made(data, making)) if making is not None else ahead.Ahead()
        return catalogue, Generator(root, engine, site, previous, catalogue, settings, made, cleanup)
    except BaseException:
        cleanup()
        raise
