"""Embedded backend: FalkorDB inside a Redis server on a unix socket, with no server to install.

The database lives under ``<home>/embedded``. Any number of processes (CLI commands, the
Python API, a long-running explorer) share one server per data directory; its lifetime is
owned by file locks (see :mod:`embedded_server`), not guessed from connected clients. Every
acknowledged write is in the fsynced append-only file and checked after it lands; the count
of documents held is recorded beside the files and compared when a server starts, so a
store that does not load whole is refused, untouched (see :mod:`embedded_integrity`).
"""

from __future__ import annotations

import atexit
import os
import re
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from aikg.core.errors import StoreError
from aikg.core.locking import FileLock
from aikg.core.paths import home_dir
from aikg.core.schema import SCHEMA
from aikg.graph import change_keys, change_ledger, name_keys, search_grams
from aikg.graph.backends import embedded_integrity as integrity
from aikg.graph.backends import embedded_reply
from aikg.graph.backends.convert import to_python
from aikg.graph.backends.embedded_params import header as params_header
from aikg.graph.backends.embedded_server import (
    DB_FILE,
    Layout,
    Server,
    ServerHungError,
    ServerStartError,
    _alive,
    _client,
    _wait_ready,
    forget,
    log_tail,
    read_settings,
    spawn,
    stop,
)
from aikg.graph.backends.embedded_watch import ServerWatch, watch_settings
from aikg.graph.store import Params, Statement, StoreStats, read_stats

GRAPH_NAME = integrity.GRAPH_NAME
__all__ = ["DB_FILE", "GRAPH_NAME", "EmbeddedStore", "chain_statements"]
#: How long the client waits for one query (redis-py's default of 5 s is too short for analytics).
QUERY_TIMEOUT_S = float(os.environ.get("AIKG_QUERY_TIMEOUT", "600"))
#: from this many nodes, indexes created on the graph are folded into the append-only file's base
FOLD_MIN_NODES = 10_000
INDEX_STATES = "CALL db.indexes() YIELD label, properties, types, status RETURN label, properties, types, status"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass
class _Attached:
    """This process's use of one data directory's server (shared by every store it opens there)."""

    layout: Layout
    server: Server
    users: FileLock
    db: Any
    owner: int
    count: int = 0
    broken: str | None = None  # why writes are refused (a write could not be made durable)
    recorded: int | None = None
    watch: ServerWatch | None = None  # the server's health as this process sees it (embedded_watch.py)
    advice: str = ""  # what to do, said with ``broken``


_servers: dict[str, _Attached] = {}
_lock = threading.Lock()


def _fulltext_has(indexes: list[dict[str, Any]], prop: str) -> bool:
    """Whether the Entity full-text index covers ``prop``."""
    return any(r["label"] == SCHEMA.entity_label and "FULLTEXT" in r["types"].get(prop, []) for r in indexes)


def _connect(server: Server, watch: ServerWatch | None = None) -> Any:
    from falkordb import FalkorDB
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    if watch is not None:  # every command watched: a crashed or hung server fails it (embedded_watch.py)
        from aikg.graph.backends.embedded_connection import watched_pool

        db = FalkorDB(connection_pool=watched_pool(server.socket, watch, QUERY_TIMEOUT_S))
    else:  # No client-side retries: a failed command surfaces at once instead of after back-off.
        db = FalkorDB(unix_socket_path=server.socket, retry=Retry(NoBackoff(), 0), socket_timeout=QUERY_TIMEOUT_S)
    db.client = db.connection
    db.client.pid = server.pid
    return db


def _start(layout: Layout, hold: FileLock) -> Server:
    """Start the one server of this directory, refusing files that do not hold what was committed."""
    recorded = integrity.read_record(layout)
    integrity.preflight(layout, recorded)
    _forget_stale(layout)
    found = integrity.FileState.capture(layout)
    try:
        server = spawn(layout.dir, hold=hold, settings=layout.settings)
    except ServerStartError as exc:
        layout.settings.unlink(missing_ok=True)
        reason = integrity.start_failure_reason(exc)
        if not (integrity.is_truncation(reason) and recorded is not None and _only_torn_tail(layout, recorded)):
            committed = f"; {recorded} documents were committed" if recorded else ""
            raise integrity.StoreDamagedError(integrity.damaged(layout, reason + committed)) from None
        # only a write that was never acknowledged is torn: let the engine cut it, as a crash recovery
        print(f"aikg: {reason} by a write that was never acknowledged; cutting it off (all {recorded} committed "
              "documents are intact)", file=sys.stderr)
        server = spawn(layout.dir, hold=hold, settings=layout.settings, load_truncated=True)
    hold.detach()  # the server holds the lock from here on
    client = _connect(server).connection
    try:
        held = integrity.count_documents(client)
    finally:
        client.close()
    if recorded is not None and held < recorded:
        stop(layout, server, save=False)  # no snapshot
        found.restore()  # and not even the engine's own effects of loading
        raise integrity.StoreDamagedError(integrity.damaged(
            layout, f"it loaded {held} documents but {recorded} were committed"))
    if recorded is None or held > recorded:  # a record left behind (a full disk) catches up with what loaded
        integrity.write_record(layout, held)
    return server


def _only_torn_tail(layout: Layout, recorded: int) -> bool:
    """True when the intact part of the append-only file (loaded from a copy) holds every committed document."""
    return integrity.load_copy([(layout.aof_dir, layout.aof_dir.name)], appendonly=True).count >= recorded


def _forget_stale(layout: Layout) -> None:
    """Settings left by a server that died: remove them and its run folder."""
    if layout.settings.exists():
        try:
            stale = read_settings(layout.settings)
        except StoreError:
            layout.settings.unlink(missing_ok=True)
            return
        if _older_server_runs(stale):  # a server that does not hold the lock: started by an older aikg
            raise StoreError(f"a server started by an older aikg (pid {stale.pid}) still runs on {layout.dir}; "
                             f"stop it (kill {stale.pid}) and run the command again")
        if Path(stale.rundir).name.startswith("aikg-server-"):
            forget(layout, stale)
        layout.settings.unlink(missing_ok=True)


def _older_server_runs(stale: Server) -> bool:
    """True only for a live redis-server that answers on the socket the settings name.

    A killed server its parent has not reaped yet (a zombie), a pid reused by another
    program, or a process whose socket is gone or silent is dead for this directory."""
    import psutil
    import redis

    try:
        if not (_alive(stale.pid) and psutil.Process(stale.pid).name().startswith("redis-server")):
            return False
    except psutil.Error:
        return False
    if not os.path.exists(stale.socket):
        return False
    client = _client(stale.socket, timeout=2)
    try:
        client.ping()
    except redis.BusyLoadingError:
        return True  # answering, still loading its files
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()
    return True


def _attach(layout: Layout) -> _Attached:
    """Start the directory's server or attach to the running one, and become one of its users."""
    layout.dir.mkdir(parents=True, exist_ok=True)
    gate = FileLock(layout.gate)
    gate.acquire()
    try:
        server = _running_server(layout)
        users = FileLock(layout.users_lock)
        users.acquire(shared=True)
    finally:
        gate.release()
    watch = ServerWatch(server.pid, Path(server.log), layout.dir, watch_settings(layout.dir.parent))
    try:
        db = _connect(server, watch)
    except Exception as exc:  # the client raises several unrelated types
        _detach(_Attached(layout, server, users, None, os.getpid()))
        raise StoreError(f"cannot reach the embedded store in {layout.dir}: {exc}") from exc
    return _Attached(layout, server, users, db, os.getpid(), recorded=integrity.read_record(layout), watch=watch)


def _running_server(layout: Layout) -> Server:
    """The directory's server: the one running, or one started now (called holding the gate)."""
    import time

    end = time.monotonic() + 30
    while True:
        hold = FileLock(layout.server_lock)
        if hold.acquire(wait=False):  # no server runs on this directory
            try:
                return _start(layout, hold)
            finally:
                hold.detach()
        server = read_settings(layout.settings)
        if server.alive() or time.monotonic() > end:
            try:
                _wait_ready(server, ServerWatch(server.pid, Path(server.log), layout.dir,
                                                watch_settings(layout.dir.parent)))
                return server
            except ServerHungError as exc:  # stopped by its watch: its lock is free once it is gone
                print(f"aikg: {exc}; starting a new one", file=sys.stderr)
                end = time.monotonic() + 30
                continue
        time.sleep(0.05)  # a server exiting on its own (its disk refused a write): wait, then start anew


def _detach(att: _Attached) -> None:
    """Stop being a user; the last user out saves a snapshot and stops the server."""
    gate = FileLock(att.layout.gate)
    gate.acquire()
    try:
        att.users.release()
        last = FileLock(att.layout.users_lock)
        if not last.acquire(wait=False):
            _disconnect(att)
            return
        try:
            if not att.server.alive():
                _disconnect(att)
                forget(att.layout, att.server)
                return
            save = att.broken is None and _holds_recorded(att)
            _disconnect(att)
            stop(att.layout, att.server, save=save)
        finally:
            last.release()
    finally:
        gate.release()


def _holds_recorded(att: _Attached) -> bool:
    """Guard before a snapshot: never save one that holds fewer documents than were committed."""
    try:
        held = integrity.count_documents(att.db.connection)
        recorded = integrity.read_record(att.layout)
    except Exception:  # unreadable now: do not let a snapshot replace a good one
        return False
    return recorded is None or held >= recorded


def _disconnect(att: _Attached) -> None:
    if att.db is not None:
        att.db.connection.connection_pool.disconnect()


@atexit.register
def _close_all() -> None:
    """A program that forgets to close its stores still leaves the server to the others, saved when last."""
    with _lock:
        mine = [a for a in _servers.values() if a.owner == os.getpid()]
        _servers.clear()
    for att in mine:
        try:
            _detach(att)
        except Exception:  # at exit, nothing is left to report to
            pass


def _refuses_writes(message: str) -> bool:
    """The engine's refusals that mean the disk, not the query: MISCONF, READONLY, out of memory."""
    return message.split(" ", 1)[0] in {"MISCONF", "READONLY", "OOM", "NOREPLICAS"} or "persistence" in message


def _aof_failure(line: str) -> bool:
    """A server log line saying the append-only file could not be written (Redis's flushAppendOnlyFile: 'Error
    writing to the AOF file', 'Short write while writing to the AOF file', "Can't persist AOF ...")."""
    low = line.lower()
    return "aof" in low and any(word in low for word in ("error", "short write", "can't", "failed"))


def _durability_problem(info: dict[str, Any]) -> str | None:
    """Why the last acknowledged write may not be on disk, from INFO persistence (None: it is)."""
    if int(info.get("aof_enabled", 0)) != 1:
        return "the append-only file is switched off"
    if info.get("aof_last_write_status", "ok") != "ok":
        return "the append-only file could not be written"
    # (aof_buffer_length is no test: FalkorDB builds constraints and indexes in the background
    # and appends their effects later; with appendfsync always a reply means written and fsynced)
    return None


def chain_statements(statements: Sequence[Statement]) -> tuple[str, dict[str, Any]]:
    """Join write statements into one query (FalkorDB runs one query atomically).

    Each statement's parameters are renamed ``$s<i>_<name>``; ``WITH count(*)`` between
    statements closes each part's variables and always yields exactly one row.
    """
    parts: list[str] = []
    params: dict[str, Any] = {}
    for i, (cypher, values) in enumerate(statements):
        body = "\n".join(line for line in cypher.strip().splitlines() if not line.lstrip().startswith("//"))
        parts.append(_PARAM.sub(lambda m, i=i: f"$s{i}_{m.group(1)}", body))
        params.update({f"s{i}_{k}": v for k, v in values.items()})
    query = "\n".join(f"{part}\nWITH count(*) AS _chain{i}" if i < len(parts) - 1 else part
                      for i, part in enumerate(parts))
    return query, params


class EmbeddedStore:
    backend = "embedded"

    def __init__(self, attached: _Attached) -> None:
        self._att = attached
        self._db = attached.db
        self._graph = attached.db.select_graph(GRAPH_NAME)
        self._path = attached.layout.dir / DB_FILE
        self._closed = False

    @classmethod
    def open(cls, home: str | Path | None = None, **_: Any) -> "EmbeddedStore":
        layout = Layout(home_dir(home) / "embedded")
        key = str(layout.dir.resolve())
        with _lock:
            att = _servers.get(key)
            if att is None or att.owner != os.getpid():
                att = _servers[key] = _attach(layout)
            att.count += 1
        return cls(att)

    @property
    def path(self) -> Path:
        return self._path

    def _call(self, fn: Any, cypher: str, params: Params | None, *, writing: bool = False) -> Any:
        import redis

        watch = self._att.watch
        if watch is not None and watch.verdict:  # the server crashed or hung earlier in this run: fail at once
            self._gone(watch, writing)
        try:
            # the parameters as the client would write them into the query text, by a faster writer
            return fn(params_header(params) + cypher, None)
        except redis.ResponseError as exc:
            if writing and _refuses_writes(str(exc)):
                self._broken(f"the engine refuses writes ({exc})")
            raise StoreError(f"embedded store refused the query: {exc}") from None
        except UnicodeEncodeError as exc:
            raise StoreError(f"a value is not valid Unicode ({exc.reason}); fix the input's encoding") from None
        except UnicodeDecodeError as exc:  # FalkorDB 4.22's substring() cuts multibyte letters (tests/test_store_hang.py)
            raise StoreError(f"the engine returned text that is not valid UTF-8 ({exc.reason}): a string function "
                             "cut a multibyte letter; change the query (e.g. split() instead of substring())") from None
        except redis.TimeoutError:
            raise StoreError(f"the query ran longer than {QUERY_TIMEOUT_S:g} s; narrow it or raise AIKG_QUERY_TIMEOUT") from None
        except redis.ConnectionError as exc:
            self._lost(exc, writing)

    def _lost(self, exc: Exception, writing: bool) -> NoReturn:
        """The connection broke: say why (a crash or hang the watch saw, a disk that refused the append-only file)."""
        watch = self._att.watch
        if not self._att.broken and watch is not None and (  # judged or crashed, else a disk that refused
                watch.verdict or watch.diagnose(exited=False) or (self._disk_refused() is None and watch.diagnose())):
            self._gone(watch, writing)
        if writing or self._att.broken:
            self._broken(self._att.broken or self._why_gone(exc), writing=writing)
        raise StoreError(f"embedded store is not reachable ({exc}); run the command again") from None

    def _gone(self, watch: ServerWatch, writing: bool) -> NoReturn:
        """The server crashed, exited or hung (judged by embedded_watch): this call and every later one fail."""
        if not self._att.broken:
            self._att.broken = watch.reason("a write" if writing else "a read")
            self._att.advice = watch.advice()
        what = "; the write was not confirmed" if writing else ""
        raise StoreError(f"{self._att.broken}{what}. {self._att.advice}") from None

    def _disk_refused(self) -> str | None:
        """Why the server exited, when its log says its disk refused the append-only file."""
        server = self._att.server
        tail = log_tail(server.log, 20)
        lines = [ln.split(" # ", 1)[-1] for ln in tail.splitlines() if _aof_failure(ln)]
        if not server.alive() and lines:
            return f"the engine stopped because it could not write its append-only file ({'; '.join(lines[-2:])})"
        return None

    def _why_gone(self, exc: Exception) -> str:
        """Why the server went away during a write, from its log (a disk that refused the append-only file)."""
        return self._disk_refused() or f"the engine went away during the write ({exc})"

    def _advice(self) -> str:
        return self._att.advice or (f"Free space in {self._att.layout.dir} (or fix what the reason names) "
                                    "and run the command again")

    def _broken(self, why: str, *, writing: bool = True) -> NoReturn:
        """From now on refuse writes: one could not be made durable, so none after it is trusted."""
        self._att.broken = self._att.broken or why
        what = "the write was not stored" if writing else "nothing more is stored in this run"
        raise StoreError(f"{self._att.broken}; {what}. {self._advice()}") from None

    def _before_write(self) -> None:
        if self._att.broken:
            raise StoreError(f"{self._att.broken}; nothing more is written in this run. {self._advice()}")

    def _after_write(self) -> None:
        """Check the write is durable, then record the documents the store now holds."""
        import redis

        client = self._db.connection
        try:
            problem = _durability_problem(client.info("persistence"))
        except redis.ConnectionError as exc:
            self._lost(exc, True)
        except redis.RedisError as exc:
            problem = self._why_gone(exc)
        if problem:
            self._broken(problem)
        try:
            self.checkpoint()
        except redis.RedisError:
            pass  # the write is durable; the record stays behind it, which is the safe side

    def checkpoint(self) -> int:
        """Record how many documents the store holds (after a durable write); returns that count."""
        att = self._att
        lock = integrity.record_lock(att.layout)
        with lock:
            held = integrity.count_documents(self._db.connection)
            if held != att.recorded or integrity.read_record(att.layout) != held:
                integrity.write_record(att.layout, held)
                att.recorded = held
        return held

    def apply_schema(self) -> None:
        indexes = self._indexes()
        existing = {(r["label"], prop) for r in indexes for prop in r["properties"]
                    if "RANGE" in r["types"].get(prop, [])}
        wanted = [(SCHEMA.entity_label, "id"), (SCHEMA.entity_label, "name"), (SCHEMA.document_label, "id")]
        # a node is a document of every label index it is in (about 100 bytes each at 100k entities): entities
        # are found through Entity(id) and Entity(name) (a pattern naming Entity uses them); only the small
        # Cluster label and Person (indexed anyway, below) keep id lookups of their own
        wanted += [(SCHEMA.label("Cluster"), "id"), (SCHEMA.label("Person"), "id")]
        # what changes_since starts from: first_seen of entities and relationships, loaded_at of documents;
        # the summary bridging_people selects on (graph/summaries.py). No index on a number that can be 0
        # (degree, mention_count): measured with FalkorDB 4.22, an index filled while the append-only
        # file's base loads leaves out nodes whose value is 0, so `= 0` found none of them.
        wanted += [(SCHEMA.entity_label, "first_seen"), (SCHEMA.document_label, "loaded_at"),
                   (SCHEMA.label("Person"), "affiliated_cluster_count")]
        if (SCHEMA.entity_label, change_keys.PROPERTY) not in existing:
            # relationships first seen since a date are found from their start entities (graph/change_keys.py):
            # a store written by an older aikg gets linked_at first, then its index (a run stopped between
            # the two does it again), then loses the relationship indexes it replaces (246 bytes each)
            self.write(change_keys.BACKFILL)
        wanted.append((SCHEMA.entity_label, change_keys.PROPERTY))
        change_ledger.ensure(self)  # changes_since's total: built once from the relationships when absent
        if (SCHEMA.entity_label, name_keys.PROPERTY) not in existing:
            # graph_health's likely duplicates are kept (graph/name_keys.py): keys and marks first, then the index
            name_keys.backfill(self)
        wanted += [(SCHEMA.entity_label, name_keys.PROPERTY), (SCHEMA.entity_label, name_keys.MARK)]  # the marks: only true
        # a store written by an older aikg: the per-label indexes no query reads are dropped (issue 18)
        unused = [(label, prop) for label in SCHEMA.entity_types for prop in ("id", "name")
                  if (label, prop) in existing and (label, prop) not in wanted]
        for label, prop in unused:
            self._drop_index(f"DROP INDEX ON :{SCHEMA.label(label)}({prop})")
        missing = [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})" for label, prop in wanted if (label, prop) not in existing]
        for cypher in missing:
            self._create_index(cypher)
        for rtype in SCHEMA.relation_types:
            if (rtype, "first_seen") in existing:
                self._drop_index(f"DROP INDEX ON :{rtype}(first_seen)")
        for label in (SCHEMA.entity_label, SCHEMA.document_label):
            self._constraint(label)
        if not _fulltext_has(indexes, search_grams.PROPERTY):
            # the n-gram keys of substring search (graph/search_grams.py); entities of a store written by an
            # older aikg get theirs first, so the field is filled once, and a run stopped before it is added
            # does it again
            search_grams.backfill(self)
            fields = ("name", "alias_text", search_grams.PROPERTY)
            if _fulltext_has(indexes, "alias_text"):
                fields = (search_grams.PROPERTY,)
            listed = ", ".join(f"'{f}'" for f in fields)
            self._create_index(f"CALL db.idx.fulltext.createNodeIndex('{SCHEMA.entity_label}', {listed})")
            missing.append("fulltext")
        if missing:
            self._fold_into_base()

    def _fold_into_base(self) -> None:
        """Rewrite the append-only file in the background so indexes new to a large graph are part of its base.

        An index created on a graph that already holds many nodes is filled in the background, again
        after every start (its CREATE INDEX is replayed after the nodes), and a short-lived command ends
        before it is ready (measured at 100k entities: the relationship indexes never became usable).
        Indexes in the base are built while it loads. (An index created on a small graph is filled as
        the nodes are replayed, so a young store keeps its files as they are.)
        """
        import redis

        if self.read("MATCH (n) RETURN count(n) AS n")[0]["n"] < FOLD_MIN_NODES:
            return
        try:
            self._db.connection.execute_command("BGREWRITEAOF")
        except redis.ResponseError:
            pass  # a rewrite already runs (or is scheduled): it includes the new indexes

    def _create_index(self, cypher: str) -> None:
        """Create an index; another process that just created it (two commands opening a new home) is fine."""
        try:
            self.write(cypher)
        except StoreError as exc:
            if "already indexed" not in str(exc):
                raise

    def _drop_index(self, cypher: str) -> None:
        """Drop an index; another process that just dropped it is fine."""
        try:
            self.write(cypher)
        except StoreError as exc:
            if "unable to drop index" not in str(exc).lower():
                raise

    def keys_ready(self, prop: str) -> bool:
        """Whether every entity carries the derived ``prop`` and its index can answer (graph/store.keys_ready).

        The n-gram keys wait for a filled index (after a start the engine refills a large graph's indexes in
        the background, and a full-text look-up would miss what is not in yet); a range index not yet filled
        is only slower."""
        for r in self.read(INDEX_STATES):
            if r["label"] != SCHEMA.entity_label or prop not in r["properties"]:
                continue
            if prop == search_grams.PROPERTY and "FULLTEXT" in r["types"].get(prop, []):
                return r["status"] == "OPERATIONAL"
            if prop != search_grams.PROPERTY and "RANGE" in r["types"].get(prop, []):
                return True
        return False

    def _indexes(self) -> list[dict[str, Any]]:
        return self.read("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types")

    def _constraint(self, label: str) -> None:
        import redis

        try:
            self._before_write()
            self._db.execute_command("GRAPH.CONSTRAINT", "CREATE", GRAPH_NAME, "UNIQUE", "NODE", label,
                                     "PROPERTIES", "1", "id")
        except redis.ResponseError as exc:
            if "already exists" not in str(exc).lower():
                raise StoreError(f"cannot create the unique constraint on {label}.id: {exc}") from None
            return
        self._after_write()

    def read(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        try:
            result = self._call(self._ro_query, cypher, params)
        except StoreError as exc:
            if "empty key" in str(exc):  # nothing was ever written: an empty graph
                return []
            raise
        if isinstance(result, list):  # plain rows, already decoded (graph/backends/embedded_reply.py)
            return result
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        return [{col: to_python(val) for col, val in zip(header, row)} for row in result.result_set]

    def _ro_query(self, text: str, _params: None) -> Any:
        """A read's reply: rows of plain values decoded in one step (embedded_reply), else the client's result."""
        return embedded_reply.read(self._graph, text)

    def write(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        self._before_write()
        result = self._call(self._graph.query, cypher, params, writing=True)
        self._after_write()
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
        return [{col: to_python(val) for col, val in zip(header, row)} for row in (result.result_set or [])]

    def write_atomic(self, statements: Sequence[Statement]) -> None:
        if not statements:
            return
        query, params = chain_statements(statements) if len(statements) > 1 else (statements[0][0], dict(statements[0][1]))
        self.write(query, params)

    def fulltext(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        return self.read(
            f"CALL db.idx.fulltext.queryNodes('{SCHEMA.entity_label}', $q) YIELD node, score "
            "RETURN node.id AS id, node.name AS name, score ORDER BY score DESC, id LIMIT $limit",
            {"q": text, "limit": limit})

    def stats(self) -> StoreStats:
        return read_stats(self)

    def clear(self) -> None:
        self.write("MATCH (n) DETACH DELETE n")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        key = str(self._att.layout.dir.resolve())
        with _lock:
            self._att.count -= 1
            if self._att.count > 0:
                return
            if _servers.get(key) is self._att:
                del _servers[key]
        _detach(self._att)

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
