"""Reading many returned trackers at once, on two threads where the process may use two CPUs.

A return is read in three steps (returns.open_return / parse_return / finish_return). Opening (the
size, kind and zip checks) and finishing (rows into a Return) are Python; parsing is python-calamine,
which holds the GIL only on its way in and out. So the files go in batches: this thread opens each
file of a batch and hands it on at once to a helper thread that parses it; when the batch is opened,
this thread parses alongside the helper; when all are parsed, this thread finishes them, in order.

Opening lets the GIL go in every read and inflate, so the helper parses while this thread opens.
Finishing stays on this thread: measured at 200 and 500 units, letting the helper finish the files
it parsed was no faster (the two threads' Python steps then take turns at the GIL).

Threads, not processes: Windows starts a process too slowly for it to pay at this size.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from .errors import XlError
from .returns import Opened, Return, finish_return, open_return, parse_return, read_return
from .safety import Limits

BATCH_FILES, BATCH_MB = 64, 64  # opened before their batch is finished: bounds what is held in memory


def read_all(files: list[Path], limits: Limits, passwords: tuple[str, ...] = ()) -> Iterator[Return | XlError]:
    """Each file read (or the XlError saying why it cannot be), in the order of `files`."""
    if len(files) < 4 or usable_cpus() < 2:
        yield from (attempt(read_return, path, limits, passwords) for path in files)
        return
    per = -(-len(files) // -(-len(files) // BATCH_FILES))  # batches of even size
    pending = iter(files)
    while batch := _read_batch(pending, per, limits, passwords):
        yield from (item if isinstance(item, XlError) else attempt(finish_return, item, limits) for item in batch)


def usable_cpus() -> int:
    """The CPUs this process may run on: its affinity where the system keeps one (a process pinned to
    one core, a container's share), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def _read_batch(pending: Iterator[Path], per: int, limits: Limits, passwords: tuple[str, ...]) -> list[Opened | XlError]:
    """The next batch of files opened and parsed (empty at the end)."""
    first = list(islice(pending, 1))
    if not first:
        return []
    queue = Handoff(lambda item: item if isinstance(item, XlError) else attempt(parse_return, item, limits))
    helper = threading.Thread(target=queue.work, name="xltools-read", daemon=True)
    helper.start()
    try:
        size = 0
        for path in chain(first, pending):
            item = attempt(open_return, path, limits, passwords)
            queue.put(item)
            size += len(item.data or b"") if isinstance(item, Opened) else 0
            if queue.count == per or size >= BATCH_MB * 1024 * 1024:
                break
    finally:
        queue.close()
    return queue.finish(helper)


class Handoff:
    """Items put in by one thread, stepped through by that thread and a helper; results in order.

    `work` takes items as they come until the queue is closed and empty; `finish` (the putting
    thread, once it has closed the queue) works along, waits for the helper and gives the results,
    or re-raises what went wrong on either thread.
    """

    def __init__(self, step: Callable[[Any], Any]) -> None:
        self.step = step
        self.items: list = []
        self.results: list = []
        self.taken = 0
        self.closed = False
        self.failed: list[BaseException] = []
        self._cond = threading.Condition()

    @property
    def count(self) -> int:
        return len(self.items)

    def put(self, item: Any) -> None:
        with self._cond:
            self.items.append(item)
            self.results.append(None)
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()

    def work(self) -> None:
        try:
            while not self.failed:
                with self._cond:
                    while self.taken == len(self.items) and not self.closed:
                        self._cond.wait()
                    if self.taken == len(self.items):
                        return
                    i = self.taken
                    self.taken += 1
                self.results[i] = self.step(self.items[i])
        except BaseException as exc:  # re-raised on the putting thread
            self.failed.append(exc)

    def finish(self, helper: threading.Thread) -> list:
        self.work()
        helper.join()
        if self.failed:
            raise self.failed[0]
        return self.results


def attempt(step: Callable, *args) -> Any:
    """step(*args), or the XlError it raised (a file that cannot be read is a result, not a stop)."""
    try:
        return step(*args)
    except XlError as exc:
        return exc
