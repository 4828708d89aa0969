"""Pausing Python's cyclic garbage collector while a command builds many small objects.

A merge allocates hundreds of thousands of lists, dicts and strings (rows, cells, answers) and frees
them only at the end; none of them form reference cycles, yet the collector walks them again and
again as they pile up (about 5 % of a merge at 200 units). `paused()` switches it off for the block
and back on when the last overlapping pause ends (the local page runs jobs on threads), unless it
was off to begin with.

Switched back on, the collector would at once walk everything made during the pause that is still
alive (the youngest generation's count has grown all along): 5 ms at 200 units, 10 ms at 500, spent
finding nothing. So those objects are moved to the oldest generation first (gc.freeze, then
gc.unfreeze, which puts the frozen objects there), as if they had survived the young collections:
a cycle among them is still found by the next full collection.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.freeze()
                gc.unfreeze()
                gc.enable()
