"""Use the machine's second core: work dealt out between MkDocs's process and forked workers.

The machine has two cores, and MkDocs uses one. Two kinds of work run beside it:
- `Background`: the site's bulk downloads (the compare view's data and the open data), written by a
  forked process while MkDocs reads the pages;
- `deal`: the area pages and reports. Areas are dealt out one at a time from a shared counter; MkDocs's
  process and each worker take the next area, render, frame and write its page and report, until
  none is left. Whoever is faster takes more, so neither side waits for the other. A worker sends
  back only what the rest of the build needs: its search entries and the chart templates it used.

Workers are forked, so they share the read-only catalogue and the theme. The output is the same
whoever renders: a test builds the site both ways and compares every file.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from pathlib import Path
from typing import Callable

from macros.html import downloads


def _run(task: Callable, results) -> None:
    try:
        results.put(("ok", task()))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def _collect(processes: list, results) -> list:
    """Each process's result; a failure, or a process that ended without one, stops the build."""
    values = []
    while len(values) < len(processes):
        try:
            status, value = results.get(timeout=1)
        except queue.Empty:
            if not any(p.is_alive() for p in processes) and results.empty():
                raise RuntimeError("a build worker stopped without a result") from None
            continue
        if status == "error":
            raise RuntimeError(f"a build worker failed:\n{value}")
        values.append(value)
    for process in processes:
        process.join()
    return values


class Background:
    """Files (site path → content) made by `make()` and written into the site by a forked process."""

    def __init__(self, make: Callable[[], dict[str, str | bytes]], site: Path):
        context = multiprocessing.get_context("fork")
        self._results = context.Queue()
        self._process = context.Process(target=_run, args=(lambda: downloads.write_files(site, make()), self._results), daemon=True)
        self._process.start()

    def finish(self) -> None:
        """Wait until the files are written; a failure stops the build."""
        _collect([self._process], self._results)

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def deal(count: int, do: Callable[[int], None], workers: int, report: Callable[[], object]) -> list:
    """do(0) … do(count - 1), each once, by this process and `workers` forked ones; returns what each worker's report() gave after its last task."""
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)

    def take() -> int:
        with taken.get_lock():
            taken.value += 1
            return taken.value - 1

    def loop() -> None:
        while (index := take()) < count:
            do(index)

    def work() -> object:
        loop()
        return report()

    results = context.Queue()
    processes = [context.Process(target=_run, args=(work, results), daemon=True) for _ in range(workers)]
    for process in processes:
        process.start()
    try:
        loop()
        return _collect(processes, results)
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
