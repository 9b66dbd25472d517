"""What a build makes ahead, on the processor its data check leaves idle: the page folders (folders.py) and each
package's open data (macros/pages/open_data.py), which are made from the package's files alone.

The check runs on one processor for 2 s at 10,000 areas; the observations' open data take 1–2 s of a render worker
once the generator runs, while every processor is busy. Made here, in a process forked before the check, they are
ready when the generator starts. Whatever is not made here (a package whose descriptor cannot be read, or a process
that failed) the generator makes as before, and the check still decides whether the build goes on at all.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from pathlib import Path
from typing import NamedTuple

from build_scripts.output.folders import Premade
from build_scripts.output.writer import write_files
from macros.data.load import PACKAGES, package_info
from macros.pages.open_data import package_files

MADE = ".made.json"  # written last, once every package it names is written


class Ahead(NamedTuple):
    """What the generator is handed: the page folders being made, and the open data made, by package, in folder."""

    folders: Premade | None = None
    folder: Path | None = None
    packages: dict[str, list[str]] = {}


def start(root: Path, folder: Path, threshold: int) -> multiprocessing.Process:
    """Begin making the packages' open data into folder (site paths under it)."""
    process = multiprocessing.get_context("fork").Process(target=_make, args=(root, folder, threshold), name="bse-ahead", daemon=True)
    process.start()
    return process


def _make(root: Path, folder: Path, threshold: int) -> None:
    made = {}
    for name in PACKAGES:
        try:
            files = package_files(root, package_info(root, name), threshold)
        except Exception:  # noqa: BLE001 - the check reports what is wrong with the package; the generator makes what is missing
            continue
        write_files(folder, files)
        made[name] = list(files)
    (folder / f"{MADE}.part").write_text(json.dumps(made, ensure_ascii=False), encoding="utf-8")
    os.replace(folder / f"{MADE}.part", folder / MADE)


def made(folder: Path, process: multiprocessing.Process, patience: float = 600) -> dict[str, list[str]]:
    """Once the process has ended: each package's files it made, by site path ({} when it failed, or did not end within
    patience seconds: a forked process could hang on a lock another thread held, and the generator makes them then)."""
    process.join(patience)
    if process.is_alive():
        process.kill()
        process.join()
        return {}
    try:
        return json.loads((folder / MADE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def end(folder: Path, process: multiprocessing.Process | None) -> None:
    if process is not None and process.is_alive():
        process.kill()
        process.join()
    shutil.rmtree(folder, ignore_errors=True)
