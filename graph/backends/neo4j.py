"""Neo4j 5 backend over the official driver (production store, `docker compose up`).

What a first run meets, handled here: every driver failure becomes an aikg error naming
what to do (one lost connection fails the current document, not the whole load); server
notifications are switched off at the source (young graphs would warn on every catalog
query); sessions share one bookmark manager so a read sees the write before it in a
cluster; the schema is created once, before the first write, so read-only users work;
statements with ``CALL { … } IN TRANSACTIONS`` run in an auto-commit transaction.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aikg.core.errors import AikgError, ConfigError, StoreError
from aikg.core.paths import home_dir
from aikg.core.schema import SCHEMA
from aikg.graph import change_keys, change_ledger, search_grams
from aikg.graph.backends.convert import to_python
from aikg.graph.store import Params, Statement, StoreStats, read_stats

FULLTEXT_INDEX = "entity_names"
GRAMS_INDEX = "entity_grams"
LINKED_INDEX = "entity_linked_at"
#: the index that answers for each derived entity property once every entity carries it
KEY_INDEXES = {search_grams.PROPERTY: GRAMS_INDEX, change_keys.PROPERTY: LINKED_INDEX}

#: URI schemes of the Bolt protocol; the browser's http://…:7474 is not one of them.
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: Driver settings aikg always uses. Notifications OFF: Neo4j 5 sends a warning whenever a
#: query names a label, relationship type or property the graph does not hold yet, and the
#: driver logs each one to the `neo4j.notifications` logger (stderr when nothing handles it).
DRIVER_CONFIG: dict[str, Any] = {"notifications_min_severity": "OFF"}

PASSWORD_HINT = ("with docker-compose.yml the password is NEO4J_PASSWORD in .env (default aikg-local-dev), "
                 "at least 8 characters, and it is set only when the data volume is first created")


def neo4j_settings(home: str | Path | None = None, **overrides: Any) -> dict[str, str]:
    """Connection settings: ``overrides`` win over environment variables, which win over ``<home>/config.toml`` [neo4j]."""
    settings: dict[str, str] = {}
    config = home_dir(home) / "config.toml"
    if config.exists():
        try:
            settings.update({k: str(v) for k, v in tomllib.loads(config.read_text("utf-8")).get("neo4j", {}).items()})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{config}: not valid TOML ({exc}); fix or remove it") from None
    env = {
        "uri": os.environ.get("NEO4J_URI"),
        "user": os.environ.get("NEO4J_USER") or os.environ.get("NEO4J_USERNAME"),
        "password": os.environ.get("NEO4J_PASSWORD"),
        "database": os.environ.get("NEO4J_DATABASE"),
    }
    settings.update({k: v for k, v in env.items() if v})
    settings.update({k: str(v) for k, v in overrides.items() if v})
    if not settings.get("uri"):
        raise ConfigError(
            "no Neo4j server configured: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD), "
            f"or write them under [neo4j] in {config}; see README 'Switch to Neo4j'"
        )
    settings.setdefault("user", "neo4j")
    settings.setdefault("database", "neo4j")
    return settings


def ddl_statements() -> list[str]:
    """Neo4j 5 constraints and indexes for the shared schema (kept inside this backend)."""
    stmts = [
        f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{SCHEMA.entity_label}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:{SCHEMA.document_label}) REQUIRE n.id IS UNIQUE",
    ]
    for label in SCHEMA.entity_types:
        stmts.append(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        stmts.append(f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    stmts.append(f"CREATE INDEX entity_name IF NOT EXISTS FOR (n:{SCHEMA.entity_label}) ON (n.name)")
    # what changes_since starts from: first_seen of entities, loaded_at of documents
    stmts.append(f"CREATE INDEX entity_first_seen IF NOT EXISTS FOR (n:{SCHEMA.entity_label}) ON (n.first_seen)")
    stmts.append(f"CREATE INDEX document_loaded_at IF NOT EXISTS FOR (n:{SCHEMA.document_label}) ON (n.loaded_at)")
    # the summary bridging_people selects on (graph/summaries.py)
    stmts.append(f"CREATE INDEX person_affiliated_cluster_count IF NOT EXISTS FOR (n:{SCHEMA.label('Person')}) "
                 "ON (n.affiliated_cluster_count)")
    # relationships first seen since a date are found from their start entities (graph/change_keys.py)
    stmts.append(f"CREATE INDEX {LINKED_INDEX} IF NOT EXISTS FOR (n:{SCHEMA.entity_label}) ON (n.{change_keys.PROPERTY})")
    stmts.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{SCHEMA.entity_label}) ON EACH [n.name, n.alias_text]"
    )
    # substring search's n-gram keys (graph/search_grams.py): tokens already folded, split on spaces only
    stmts.append(
        f"CREATE FULLTEXT INDEX {GRAMS_INDEX} IF NOT EXISTS FOR (n:{SCHEMA.entity_label}) ON EACH [n.grams] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"
    )
    return stmts


_DDL_NAME = re.compile(r"^CREATE (?:FULLTEXT )?(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS ")


def ddl_by_name() -> dict[str, str]:
    """Each schema statement under the name of the constraint or index it creates."""
    return {_DDL_NAME.match(s).group(1): s for s in ddl_statements()}  # type: ignore[union-attr]


# Names the database already has (constraint-backed indexes carry the constraint's name).
SHOW_SCHEMA = ["SHOW CONSTRAINTS YIELD name RETURN name", "SHOW INDEXES YIELD name RETURN name"]
INDEX_STATE = "SHOW INDEXES YIELD name, state WHERE name = $name RETURN state"
# New indexes are populated in the background; wait (up to 300 s) so the first queries use them.
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"

FULLTEXT_QUERY = (
    f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node, score "
    "RETURN node.id AS id, node.name AS name, score ORDER BY score DESC, id LIMIT $limit"
)

# Deletes in batches of committed transactions: one transaction over a large graph runs out of heap.
CLEAR = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_LUCENE_OPERATOR = re.compile(r"\b(AND|OR|NOT)\b")


def lucene_escape(text: str) -> str:
    """``text`` as plain words for a Lucene query: special characters escaped, AND/OR/NOT not operators."""
    return _LUCENE_OPERATOR.sub(lambda m: m.group(1).lower(), _LUCENE_SPECIAL.sub(r"\\\1", text))


_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL)
_IN_TRANSACTIONS = re.compile(r"\}\s*IN\s+(?:\S+\s+CONCURRENT\s+)?TRANSACTIONS\b", re.IGNORECASE)


def needs_auto_commit(cypher: str) -> bool:
    """True for ``CALL { … } IN TRANSACTIONS``, which Neo4j runs only in an auto-commit transaction."""
    return bool(_IN_TRANSACTIONS.search(_LITERALS.sub(" ", cypher)))


def check_uri(uri: str) -> None:
    """Refuse URIs the Bolt driver cannot use, before the driver does so less clearly."""
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise ConfigError(f"NEO4J_URI {uri!r}: aikg talks to Neo4j over Bolt; use bolt://HOST:7687 "
                          "(or neo4j://, neo4j+s:// for a cluster or TLS), not the browser's http://HOST:7474")


def make_driver(settings: dict[str, str]) -> Any:
    """A driver with aikg's settings; it does not connect yet."""
    import neo4j

    check_uri(settings["uri"])
    return neo4j.GraphDatabase.driver(settings["uri"], auth=(settings["user"], settings.get("password", "")),
                                      **DRIVER_CONFIG)


def driver_error(exc: BaseException, settings: dict[str, str], action: str) -> AikgError:
    """The aikg error for a driver failure: what went wrong and what to do. Never includes the password."""
    from neo4j import exceptions as ne

    uri, user = settings.get("uri", "?"), settings.get("user", "neo4j")
    if isinstance(exc, ne.AuthError):
        return ConfigError(f"Neo4j at {uri} refused the credentials of user {user!r}: check NEO4J_USER and "
                           f"NEO4J_PASSWORD (or [neo4j] in config.toml); {PASSWORD_HINT}")
    if isinstance(exc, ne.Neo4jError):
        code = exc.code or ""
        if code.endswith(".Forbidden"):
            return StoreError(f"Neo4j refused the {action}: user {user!r} lacks the privilege ({exc.message}); "
                              "run writes as a user with write access")
        if code.endswith("DatabaseNotFound"):
            return ConfigError(f"Neo4j at {uri} has no database {settings.get('database')!r}: "
                               "set NEO4J_DATABASE (Community edition has only 'neo4j')")
        if FULLTEXT_INDEX in (exc.message or ""):
            return StoreError(f"Neo4j refused the {action}: {exc.message}; the full-text index is created by the "
                              "first aikg write (aikg load / ingest) or, after a bulk import, by post-import.cypher")
        return StoreError(f"Neo4j refused the {action}: {exc.message or code}")
    if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired)) and action == "connection":
        return StoreError(f"cannot reach Neo4j at {uri} ({type(exc).__name__}); is the server up "
                          "(docker compose ps / docker compose up -d) and the URI's host and port right?")
    if isinstance(exc, (ne.ServiceUnavailable, ne.SessionExpired)):
        return StoreError(f"cannot reach Neo4j at {uri} for the {action} (after the driver's retries: "
                          f"{type(exc).__name__}); is the server up (docker compose ps / docker compose up -d)? "
                          "Run the command again once it is; documents already written are skipped")
    if isinstance(exc, ne.ConfigurationError):
        return ConfigError(f"Neo4j driver setting for {uri}: {exc}; use a URI like bolt://localhost:7687 "
                           "(Neo4j 5.7 or later)")
    if isinstance(exc, OverflowError):
        return StoreError(f"a value in the {action} does not fit Neo4j ({exc}): Neo4j integers are 64-bit "
                          "(-2**63 to 2**63-1); write larger numbers as text")
    if isinstance(exc, (TypeError, ValueError)) and action != "connection":  # the driver's packer
        return StoreError(f"the {action} holds a value the Neo4j driver cannot send ({exc}); "
                          "use text, numbers, booleans, lists or maps")
    if isinstance(exc, ne.DriverError) or action != "connection":
        return StoreError(f"Neo4j driver failed during the {action}: {type(exc).__name__}: {exc}")
    return StoreError(f"cannot reach Neo4j at {uri}: {type(exc).__name__}; is the server up (docker compose up -d)?")


def _failures() -> tuple[type[BaseException], ...]:
    from neo4j.exceptions import DriverError, Neo4jError

    return (DriverError, Neo4jError, OverflowError, TypeError, OSError, ValueError)


class Neo4jStore:
    backend = "neo4j"

    def __init__(self, driver: Any, database: str, settings: dict[str, str] | None = None) -> None:
        self._driver = driver
        self._database = database
        self._settings = {**(settings or {}), "database": database}
        # One bookmark manager for every session of this store (and the driver's execute_query):
        # in a cluster, each read then waits for the writes this store made before it.
        self._bookmarks = driver.execute_query_bookmark_manager
        self._schema_pending = False

    @classmethod
    def open(cls, home: str | Path | None = None, **options: Any) -> "Neo4jStore":
        settings = neo4j_settings(home, **options)
        driver = None
        try:
            driver = make_driver(settings)
            driver.verify_connectivity()
        except _failures() as exc:
            if driver is not None:
                driver.close()
            raise driver_error(exc, settings, "connection") from None
        return cls(driver, settings["database"], settings)

    def session(self, write: bool = False) -> Any:
        """A session on this store's database that shares the store's bookmarks."""
        import neo4j

        return self._driver.session(database=self._database, bookmark_manager=self._bookmarks,
                                    default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS)

    def _call(self, action: str, work: Callable[[], Any]) -> Any:
        try:
            return work()
        except _failures() as exc:
            raise driver_error(exc, self._settings, action) from None

    def apply_schema(self) -> None:
        """Have the schema created before this store's first write (reads never change the schema)."""
        self._schema_pending = True

    def ensure_schema(self) -> list[str]:
        """Create the constraints and indexes the database lacks, now; returns the statements sent."""
        self._schema_pending = False
        wanted = ddl_by_name()
        try:
            have = {r["name"] for stmt in SHOW_SCHEMA for r in self.read(stmt)}
        except StoreError:  # a user who may not list the schema may still create it: send everything
            have = set()
        missing = [stmt for name, stmt in wanted.items() if name not in have]
        # a database written by an older aikg: the derived keys before their indexes (graph/search_grams.py,
        # graph/change_keys.py)
        if GRAMS_INDEX not in have:
            search_grams.backfill(self)
        if LINKED_INDEX not in have:
            self._run_write([(change_keys.BACKFILL, {})])
        if not change_ledger.ready(self):  # changes_since's total (graph/change_ledger.py)
            self._run_write(change_ledger.rebuild_statements())
        for stmt in missing:
            self._run_write([(stmt, {})])
        if missing:
            self.read(AWAIT_INDEXES)
        return missing

    def read(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        def work() -> list[dict[str, Any]]:
            with self.session() as session:
                return session.execute_read(lambda tx: [
                    {k: to_python(v) for k, v in rec.items()} for rec in tx.run(cypher, dict(params or {}))
                ])
        return self._call("query", work)

    def write(self, cypher: str, params: Params | None = None) -> None:
        if needs_auto_commit(cypher):
            self._before_write()

            def work() -> None:
                with self.session(write=True) as session:
                    session.run(cypher, dict(params or {})).consume()
            self._call("write", work)
            return
        self._run_write([(cypher, params or {})])

    def write_atomic(self, statements: Sequence[Statement]) -> None:
        self._run_write(statements)

    def _before_write(self) -> None:
        if self._schema_pending:
            self.ensure_schema()

    def _run_write(self, statements: Sequence[Statement]) -> None:
        self._before_write()

        def tx_work(tx: Any) -> None:
            for cypher, params in statements:
                tx.run(cypher, dict(params)).consume()

        def work() -> None:
            with self.session(write=True) as session:
                session.execute_write(tx_work)
        self._call("write", work)

    def keys_ready(self, prop: str) -> bool:
        """Whether every entity carries the derived ``prop``: its index exists and is online (graph/store.keys_ready)."""
        try:
            rows = self.read(INDEX_STATE, {"name": KEY_INDEXES[prop]})
        except (StoreError, KeyError):
            return False
        return bool(rows) and rows[0]["state"] == "ONLINE"

    def fulltext(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities whose names or aliases contain the words of ``text`` (taken literally, not as Lucene syntax)."""
        return self.read(FULLTEXT_QUERY, {"q": lucene_escape(text), "limit": limit})

    def stats(self) -> StoreStats:
        return read_stats(self)

    def clear(self) -> None:
        self.write(CLEAR)

    def close(self) -> None:
        self._driver.close()
