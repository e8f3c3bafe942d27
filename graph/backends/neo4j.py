"""Neo4j 5 backend over the official driver (production store, `docker compose up`)."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aikg.core.errors import ConfigError, StoreError
from aikg.core.paths import home_dir
from aikg.graph.backends.convert import to_python
from aikg.core.schema import SCHEMA
from aikg.graph.store import Params, Statement, StoreStats, read_stats

FULLTEXT_INDEX = "entity_names"


def neo4j_settings(home: str | Path | None = None) -> dict[str, str]:
    """Connection settings: environment variables win over ``<home>/config.toml`` [neo4j]."""
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
    stmts.append(
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{SCHEMA.entity_label}) ON EACH [n.name, n.alias_text]"
    )
    return stmts


FULLTEXT_QUERY = (
    f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node, score "
    "RETURN node.id AS id, node.name AS name, score ORDER BY score DESC, id LIMIT $limit"
)


class Neo4jStore:
    backend = "neo4j"

    def __init__(self, driver: Any, database: str) -> None:
        self._driver = driver
        self._database = database

    @classmethod
    def open(cls, home: str | Path | None = None, **options: Any) -> "Neo4jStore":
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable

        settings = {**neo4j_settings(home), **{k: v for k, v in options.items() if v}}
        try:
            driver = neo4j.GraphDatabase.driver(settings["uri"], auth=(settings["user"], settings.get("password", "")))
            driver.verify_connectivity()
        except AuthError:
            raise StoreError(f"Neo4j at {settings['uri']} refused the credentials of user {settings['user']!r}; check NEO4J_USER/NEO4J_PASSWORD") from None
        except (ServiceUnavailable, ValueError, OSError) as exc:
            raise StoreError(f"cannot reach Neo4j at {settings['uri']}: {type(exc).__name__}; is the server up (docker compose up -d)?") from None
        return cls(driver, settings["database"])

    def apply_schema(self) -> None:
        for stmt in ddl_statements():
            self._run_write([(stmt, {})])

    def read(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        import neo4j
        from neo4j.exceptions import Neo4jError

        try:
            with self._driver.session(database=self._database, default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(lambda tx: [
                    {k: to_python(v) for k, v in rec.items()} for rec in tx.run(cypher, dict(params or {}))
                ])
        except Neo4jError as exc:
            raise StoreError(f"Neo4j refused the query: {exc.message}") from None

    def write(self, cypher: str, params: Params | None = None) -> None:
        self._run_write([(cypher, params or {})])

    def write_atomic(self, statements: Sequence[Statement]) -> None:
        self._run_write(statements)

    def _run_write(self, statements: Sequence[Statement]) -> None:
        from neo4j.exceptions import Neo4jError

        def work(tx: Any) -> None:
            for cypher, params in statements:
                tx.run(cypher, dict(params)).consume()

        try:
            with self._driver.session(database=self._database) as session:
                session.execute_write(work)
        except Neo4jError as exc:
            raise StoreError(f"Neo4j refused the write: {exc.message}") from None

    def fulltext(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        return self.read(FULLTEXT_QUERY, {"q": text, "limit": limit})

    def stats(self) -> StoreStats:
        return read_stats(self)

    def clear(self) -> None:
        self._run_write([("MATCH (n) DETACH DELETE n", {})])

    def close(self) -> None:
        self._driver.close()
