"""The generated pages' folders, made ahead while the data are checked.

Making a folder is the dearest system call a rebuild makes: on the ext4 disks measured here a `mkdir` takes
0.1–0.3 ms of kernel time (a file's link 7 µs), and at 10,000 areas every build makes 10,000 page folders, about
1.5 s, while the build's other processor waits out the data's check, which runs on one. So a build starts by
making the folders the last build wrote pages into, in a scratch folder beside the site, by `mkdir` in a process of
its own; the writer then moves each into the site (a rename, 20 µs) where it would have made it. A folder the
scratch lacks, or that cannot be moved, is made as before, so what is written never depends on the scratch.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple


def scratch(site: Path) -> Path:
    """Where a build of site makes its folders ahead: beside it, on the same disk, so a folder moves by a rename."""
    return site.with_name(site.name + ".folders")


def leaves(written: Path) -> list[str]:
    """The folders the last build's pages and CSVs were written into (from its record, writer.WRITTEN), those holding no
    other: a folder moved into the site must be empty, never carrying folders of pages this build may not write."""
    try:
        tasks = json.loads(written.read_text(encoding="utf-8"))["tasks"]
        parents = {path.rpartition("/")[0] for record in tasks.values() for path in record["files"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []
    parents.discard("")
    inner = {parent[:i] for parent in parents for i, c in enumerate(parent) if c == "/"}
    return sorted(parents - inner)


class Premade(NamedTuple):
    """Folders being made ahead: where, which (only these are moved: a folder that holds another is not empty), and by what."""

    folder: str
    leaves: frozenset[str]
    making: subprocess.Popen


def start(site: Path, written: Path) -> Premade | None:
    """Begin making, in scratch(site), the folders the record written names (None: it names none)."""
    folder = scratch(site)
    shutil.rmtree(folder, ignore_errors=True)  # a killed build's
    names = leaves(written)
    if not names:
        return None
    folder.mkdir(parents=True)
    with tempfile.TemporaryFile() as listed:
        listed.write("\0".join(names).encode("utf-8"))
        listed.seek(0)
        try:  # xargs and mkdir: C programs, started in a millisecond, where a Python process would take a tenth of a second
            making = subprocess.Popen(["xargs", "-0", "mkdir", "-p", "--"], cwd=folder, stdin=listed, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError:  # no xargs here: every folder is made where it is written
            shutil.rmtree(folder, ignore_errors=True)
            return None
    return Premade(str(folder), frozenset(names), making)


def end(site: Path, premade: Premade | None) -> None:
    """Stop making folders and remove the scratch with what is left in it (folders of pages this build did not write)."""
    if premade is not None and premade.making.poll() is None:
        os.killpg(premade.making.pid, signal.SIGKILL)  # xargs and the mkdir it runs
        premade.making.wait()
    shutil.rmtree(scratch(site), ignore_errors=True)


def move_or_make(premade: Premade | None, site: str, parent: str) -> None:
    """site/parent as an empty folder: moved from the scratch when it was made there, else made."""
    if premade is not None and parent in premade.leaves:
        try:
            os.rename(f"{premade.folder}/{parent}", f"{site}/{parent}")
            return
        except OSError:
            pass  # not made yet, or where it goes is missing or taken: made as before
    os.makedirs(f"{site}/{parent}", exist_ok=True)
