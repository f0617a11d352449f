"""Helpers for bulk work in one process."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pauses = 0
_pauses_lock = threading.Lock()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects are made.

    Reading a statement of 100,000 payments creates millions of small objects
    and none of them forms a cycle; the collector's full passes over them took
    up to a third of the time. Reference counting still frees everything.
    """
    global _pauses
    was_enabled = gc.isenabled()
    gc.disable()
    with _pauses_lock:
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
        if was_enabled:
            gc.enable()


def gc_paused() -> bool:
    """Whether some bulk work asked for no collection now (the GUI's timed
    collector, which runs with automatic collection off, asks this)."""
    return _pauses > 0
