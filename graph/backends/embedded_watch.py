"""A bounded wait on the embedded server: a command whose reply is slow is watched, and a server that crashed,
exited or stopped making progress fails it with a reason instead of hanging the command forever.

What a hung server looks like was measured, with FalkorDB 4.22 and the statement that crashed it in make test
(``substring()`` on a multibyte name, tests/test_store_hang.py): the server either exits, or deadlocks in its
crash handler with the process alive and its log saying so ("Crashed running signal handler"); in some of the
deadlocks its main thread still answers PING. A legitimate large write, on the other hand, holds the main thread
(no PING answer) for as long as it commits: 26 s for a SET on 500k nodes on the loaded 2-core machine. So an
unanswered PING is no test, and neither is a socket timeout short enough to be useful. The server is judged by
its own signs, read from the kernel and its log: its process exists, its log reports no crash, and it spends
CPU time or waits on the disk. One that shows no progress for ``hang_timeout`` seconds while a reply is awaited
is hung. A crashed or hung server is stopped (SIGKILL: every acknowledged write is already in the fsynced
append-only file), its log is kept beside the store, and the waiting command fails with what happened and what
to do; the next command starts a fresh server, which resumes from what was committed.

The bound is ``AIKG_STORE_HANG_TIMEOUT`` (seconds) or ``hang_timeout`` under ``[embedded]`` in
``<home>/config.toml``; the environment wins. 0 turns the no-progress test off (a crash or an exit is still
caught). A server stopped by a debugger (ptrace) is never judged hung.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.core.errors import ConfigError
from aikg.core.locking import held_exclusively
from aikg.graph.backends.embedded_server import Layout, kill

ENV = "AIKG_STORE_HANG_TIMEOUT"
DEFAULT_HANG_S = 60.0
#: lines the server writes when it crashes (Redis's crash report, its assertion and recursive-crash lines)
CRASH_MARKS = ("REDIS BUG REPORT START", "Crashed running signal handler", "Guru Meditation",
               "ASSERTION FAILED", "crashed by signal")


@dataclass(frozen=True)
class WatchSettings:
    """How long a server may show no progress while a reply is awaited (0: no limit)."""

    hang_s: float = DEFAULT_HANG_S

    @property
    def probe_after(self) -> float:
        """A reply slower than this is watched (a crash is seen this soon)."""
        return min(5.0, self.hang_s / 4) if self.hang_s else 5.0

    @property
    def tick(self) -> float:
        return min(1.0, self.probe_after / 2)


def watch_settings(home: Path) -> WatchSettings:
    """The bound from ``AIKG_STORE_HANG_TIMEOUT``, else ``[embedded] hang_timeout`` in ``<home>/config.toml``."""
    raw: Any = os.environ.get(ENV)
    where = f"{ENV}={raw!r}"
    if raw is None or not str(raw).strip():
        config = home / "config.toml"
        raw, where = None, f"hang_timeout in {config}"
        if config.exists():
            try:
                raw = tomllib.loads(config.read_text("utf-8")).get("embedded", {}).get("hang_timeout")
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{config}: not valid TOML ({exc}); fix or remove it") from None
    if raw is None:
        return WatchSettings()
    try:
        value = float(raw)
    except (TypeError, ValueError):
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise ConfigError(f"{where}: the embedded store's hang timeout must be a number of seconds "
                          f"(default {DEFAULT_HANG_S:g}; 0 for no limit)")
    return WatchSettings(value)


def crash_line(text: str) -> str | None:
    """The line of a server log that reports a crash, if any."""
    for line in text.splitlines():
        if any(mark in line for mark in CRASH_MARKS):
            return line.split(" # ", 1)[-1].strip()
    return None


@dataclass
class ServerWatch:
    """What this process knows of one server's health: its signs of progress and, once judged, the verdict."""

    pid: int
    log: Path
    store_dir: Path
    settings: WatchSettings
    verdict: str | None = None
    kept_log: Path | None = None
    _log_offset: int = 0
    _cpu: float | None = None
    _progress_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        try:
            self._log_offset = self.log.stat().st_size  # only crashes from now on
        except OSError:
            self._log_offset = 0

    def rest(self) -> None:
        """Nothing is awaited: the next slow reply starts its own clock."""
        self._cpu = None

    def judge(self) -> str | None:
        """The verdict if the server crashed, exited or made no progress for the bound (then it is stopped)."""
        reason = self._dead() or self._stalled()
        if reason:
            self.fail(reason)
        return self.verdict

    def diagnose(self, *, exited: bool = True) -> str | None:
        """After a connection broke: the verdict when the server reported a crash or (``exited``) is gone."""
        reason = self._dead()
        if reason and (exited or reason.startswith("crashed")):
            self.fail(reason)
        return self.verdict

    def fail(self, reason: str) -> None:
        """Record the verdict (the first one stands), keep the server's log and stop the server."""
        with self._lock:
            if self.verdict is not None:
                return
            self.verdict = reason
            self.kept_log = self._keep_log()
        kill_hard(self.pid, self.store_dir)

    def _dead(self) -> str | None:
        import psutil

        if self.pid <= 0:  # not known (its pid file was not there to read): judged by the connection alone
            return None
        try:
            proc = psutil.Process(self.pid)
            gone = proc.status() == psutil.STATUS_ZOMBIE
        except psutil.Error:
            gone = True
        crash = self._crash_logged()
        if crash:
            return f"crashed ({crash})"
        if gone:
            return "exited"
        return None

    def _crash_logged(self) -> str | None:
        try:
            with open(self.log, "rb") as fh:
                fh.seek(self._log_offset)
                return crash_line(fh.read(1 << 20).decode("utf-8", "replace"))
        except OSError:
            return None

    def _stalled(self) -> str | None:
        """No CPU time and no disk wait since the last sign of progress, for longer than the bound."""
        import psutil

        if not self.settings.hang_s or self.pid <= 0:
            return None
        try:
            proc = psutil.Process(self.pid)
            status = proc.status()
            times = proc.cpu_times()
        except psutil.Error:
            return None  # gone: the next look says so
        now, cpu = time.monotonic(), times.user + times.system
        if self._cpu is None or cpu > self._cpu or status in (psutil.STATUS_DISK_SLEEP, psutil.STATUS_TRACING_STOP):
            self._cpu, self._progress_at = cpu, now
            return None
        if now - self._progress_at < self.settings.hang_s:
            return None
        state = "stopped (SIGSTOP)" if status == psutil.STATUS_STOPPED else f"{status}, using no CPU"
        return f"stopped answering: no reply and no progress for {now - self._progress_at:.0f} s (process {state})"

    def _keep_log(self) -> Path | None:
        """Copy the server's log beside the store: its run folder is removed when the server is forgotten."""
        kept = self.store_dir / f"server-{time.strftime('%Y%m%d-%H%M%S')}-{self.pid}.log"
        try:
            shutil.copyfile(self.log, kept)
        except OSError:
            return None
        return kept

    def reason(self, doing: str) -> str:
        """What happened to the server during ``doing`` (e.g. 'a write'), and where its log is kept."""
        log = f"; its log is kept in {self.kept_log}" if self.kept_log else ""
        stopped = "" if self.verdict == "exited" else " and was stopped"
        return f"the embedded store's server in {self.store_dir} (pid {self.pid}) {self.verdict} during {doing}{stopped}{log}"

    def advice(self) -> str:
        """That committed data is intact, and what to do."""
        bound = (f"a server with no progress for {self.settings.hang_s:g} s is judged hung: {ENV}, or hang_timeout "
                 "under [embedded] in config.toml" if self.settings.hang_s else f"{ENV} is 0: no limit")
        return ("Every document committed before it is intact (each acknowledged write is in the fsynced "
                f"append-only file): run the same command again to resume ({bound})")


def kill_hard(pid: int, store_dir: Path) -> None:
    """SIGKILL the server (a stopped one too) and wait until its lock on the store is free (a killed process's
    leader thread can show as a zombie while its other threads, which hold the files, still exit)."""
    if pid <= 0:  # unknown (0 would signal our own process group)
        return
    kill(pid)
    lock = Layout(store_dir).server_lock
    end = time.monotonic() + 10
    while held_exclusively(lock) and time.monotonic() < end:
        time.sleep(0.005)


class Watchdog:
    """One thread per process that looks at the commands awaiting a reply, a tick at a time, and ends those
    whose server is judged crashed or hung (it shuts their socket down, which wakes the waiting thread)."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._cond = threading.Condition()
        self._waiting: dict[Any, tuple[float, ServerWatch]] = {}
        self._thread: threading.Thread | None = None

    def begin(self, conn: Any, watch: ServerWatch) -> None:
        if self._pid != os.getpid():  # a forked child: the parent's thread is not here
            self._reset()
        with self._cond:
            self._waiting[conn] = (time.monotonic(), watch)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="aikg-store-watchdog", daemon=True)
                self._thread.start()
            elif len(self._waiting) == 1:
                self._cond.notify()

    def end(self, conn: Any) -> None:
        with self._cond:
            self._waiting.pop(conn, None)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._waiting:
                    self._cond.wait()
                tick = min(w.settings.tick for _, w in self._waiting.values())
                self._cond.wait(tick)
                waiting = list(self._waiting.items())
            self._look(waiting)

    def _look(self, waiting: list[tuple[Any, tuple[float, ServerWatch]]]) -> None:
        now = time.monotonic()
        slow: dict[int, tuple[ServerWatch, list[Any]]] = {}
        for conn, (since, watch) in waiting:
            if now - since >= watch.settings.probe_after:
                slow.setdefault(id(watch), (watch, []))[1].append(conn)
        for watch, conns in slow.values():
            try:
                verdict = watch.judge()
            except Exception:  # noqa: BLE001 - the watchdog must outlive a failed look
                continue
            if verdict:
                for conn in conns:
                    interrupt(conn)
        for _, (_, watch) in waiting:
            if id(watch) not in slow:
                watch.rest()


def interrupt(conn: Any) -> None:
    """Wake a thread blocked on this connection's socket (send or receive): it fails with a ConnectionError."""
    sock = getattr(conn, "_sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


WATCHDOG = Watchdog()
