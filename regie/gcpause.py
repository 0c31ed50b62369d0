"""Pausing Python's cyclic garbage collector while millions of acyclic objects are created.

Reading a 100k-project workbook unpickles about two million cell values into row lists. Each
allocation burst triggers the collector, and its full collections scan every list already read:
about a second of a four-second read (measured in ``bench/``). Cells are numbers, strings and
datetimes in lists, so they form no reference cycles and the collector has nothing to find there.

The pause is process-wide (the collector is) and nests across threads: the collector runs again
when the last pause ends, and only if it was running when the first one began. Reference counting
frees memory as always during a pause.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (reference counting still frees memory)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
