"""One writer per home directory: concurrent `aikg ingest` runs take turns instead of racing."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from aikg.core.paths import home_dir


@contextlib.contextmanager
def write_lock(home: str | Path | None = None, *, wait: bool = True) -> Iterator[None]:
    """Hold ``<home>/write.lock``; when another process holds it, say so and wait (or fail)."""
    path = home_dir(home) / "write.lock"
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if not wait:
                from aikg.core.errors import StoreError

                raise StoreError(f"{path} is held by {holder}: another aikg run is writing to this home; "
                                 "wait for it to finish") from None
            print(f"aikg: waiting for {holder} to finish writing to {path.parent}", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
