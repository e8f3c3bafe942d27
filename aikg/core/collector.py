"""Python's cyclic garbage collector paused around work that builds millions of small objects (issue 18).

The collector's passes walk every live object, so with a growing heap of records or rows they make the whole
run superlinear (measured in bench/bench_resolve.py and bench/bench_load.py). The objects hold no cycles, so
reference counting frees them as before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off inside the block, back on after it if it was on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
