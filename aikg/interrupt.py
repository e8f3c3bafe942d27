"""Ctrl-C during a run that commits documents: never lost, acted on where nothing is half-done.

Python turns SIGINT into a KeyboardInterrupt raised in whatever code runs at that moment. Raised
inside a finaliser (``__del__``, a weakref callback), an atexit hook or a Cython callback that
cannot pass exceptions on, Python prints "Exception ignored" and the run goes on as if nothing
was pressed; raised inside a write it leaves the write's chunk half-done. So while documents are
being committed the handler only records the request, and the run checks it where stopping is
safe: after a document is extracted and after a chunk commits. A second Ctrl-C stops at once.

SIGTERM (``kill``, ``timeout``, a service manager, a cancelled CI job) is taken the same way, so
a terminated run also stops between documents, closes its store (stopping the embedded server
when it was the last user) and says what it committed; its exit status is 143 (128 + SIGTERM).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class StopRequest:
    """Whether (and how often) Ctrl-C was pressed; ``deferring`` is True while documents commit."""

    def __init__(self) -> None:
        self.presses = 0
        self.deferring = False
        self.signum: int | None = None  # the first signal received (SIGINT or SIGTERM)

    @property
    def exit_status(self) -> int:
        """What shells report for a run ended by this signal: 128 + its number (130 for Ctrl-C)."""
        return 128 + (self.signum or signal.SIGINT)

    @property
    def requested(self) -> bool:
        return self.presses > 0

    def check(self) -> None:
        """Stop here (raise KeyboardInterrupt) when Ctrl-C was pressed: a point where nothing is half-done."""
        if self.presses:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def deferred(self) -> Iterator["StopRequest"]:
        """While documents are committed, a first Ctrl-C is recorded and acted on at the next :meth:`check`."""
        before, self.deferring = self.deferring, True
        try:
            self.check()  # pressed while the store was opening: stop before the first document
            yield self
        finally:
            self.deferring = before

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.presses += 1
        if self.signum is None:
            self.signum = signum
        if not self.deferring or self.presses > 1:
            raise KeyboardInterrupt


@contextlib.contextmanager
def catch_ctrl_c() -> Iterator[StopRequest]:
    """Handle SIGINT (and SIGTERM) while the block runs (``aikg.cli.main`` installs it first thing; a run inside
    it shares the same request, so a press during start-up is seen by the run).

    Outside :meth:`StopRequest.deferred` a Ctrl-C raises KeyboardInterrupt at once, as usual,
    and is recorded too, so one raised where Python drops it is still seen at the next check.
    Only the main thread takes signals, and a handler the program installed itself is left
    alone: then the block keeps Python's own behaviour. A SIGINT the run was started ignoring (``nohup aikg
    ingest … &``: shells start background jobs so) stays ignored, and SIGTERM (``kill``) still stops the run
    between documents."""
    current = signal.getsignal(signal.SIGINT)
    for handler in (current, signal.getsignal(signal.SIGTERM)):  # SIGTERM alone when SIGINT is ignored
        owner = getattr(handler, "__self__", None)
        if isinstance(owner, StopRequest):
            yield owner  # nested: the handler installed further out
            return
    ours = current is signal.default_int_handler
    if threading.current_thread() is not threading.main_thread() or not ours and current != signal.SIG_IGN:
        yield StopRequest()
        return
    stop = StopRequest()
    term = signal.getsignal(signal.SIGTERM)
    if ours:  # an ignored SIGINT (a run started with `nohup` or `&`) stays ignored; SIGTERM is still taken
        signal.signal(signal.SIGINT, stop._handle)
    if term == signal.SIG_DFL:  # a handler the program installed itself is left alone
        signal.signal(signal.SIGTERM, stop._handle)
    try:
        yield stop
    finally:
        if ours:
            signal.signal(signal.SIGINT, current)
        if term == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, term)
