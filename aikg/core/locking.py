"""File locks: one writer per home (concurrent `aikg ingest` runs take turns), and the flock
helpers the embedded store uses to say who runs and who uses its server."""

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


class FileLock:
    """An ``flock`` on one file, shared or exclusive, held until :meth:`release` or process exit.

    The kernel drops the lock when the process dies (even by SIGKILL), so a crashed holder
    never leaves it behind; that is what makes it fit to say who uses a resource.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def fd(self) -> int | None:
        return self._fd

    def _open(self) -> int:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        return self._fd

    def acquire(self, *, shared: bool = False, wait: bool = True) -> bool:
        """Take the lock; with ``wait=False`` return False instead of blocking when it is held."""
        flags = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        if not wait:
            flags |= fcntl.LOCK_NB
        fd = self._open()
        try:
            fcntl.flock(fd, flags)
        except BlockingIOError:
            return False
        return True

    def release(self) -> None:
        """Unlock and close (closing alone would also unlock)."""
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                os.close(self._fd)
                self._fd = None

    def detach(self) -> None:
        """Close this process's descriptor without unlocking: a child that inherited it keeps the lock."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "FileLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def held_exclusively(path: str | Path) -> bool:
    """True when some process holds an exclusive flock on ``path`` (probes with a shared one)."""
    if not Path(path).exists():
        return False
    probe = FileLock(path)
    try:
        return not probe.acquire(shared=True, wait=False)
    finally:
        probe.release()
