"""The Neo4j backend against the real driver, without a server: errors, values, settings, statements.

No Neo4j server runs here, so these tests use what the driver itself builds: its exceptions (from
failed connections, bad URIs and its own message decoding), its graph objects (hydrated by the
driver's Bolt hydration code from the structures a server sends), its packer and its config.
"""

from __future__ import annotations

import gc
import io
import re
import warnings

import pytest

from aikg.core.errors import AikgError, ConfigError, StoreError
from aikg.graph.backends.convert import to_python
from aikg.graph.backends.neo4j import (
    AWAIT_INDEXES,
    CLEAR,
    DRIVER_CONFIG,
    FULLTEXT_QUERY,
    SHOW_SCHEMA,
    Neo4jStore,
    ddl_by_name,
    ddl_statements,
    driver_error,
    lucene_escape,
    make_driver,
    needs_auto_commit,
)

CLOSED = "bolt://127.0.0.1:1"  # nothing listens on port 1: the driver's connection is refused
SETTINGS = {"uri": CLOSED, "user": "neo4j", "password": "s3cr3t-Pa55word", "database": "neo4j"}


def dead_store(retry_seconds: float = 0.3) -> Neo4jStore:
    """A store whose server is gone, with the driver's own retries kept short."""
    import neo4j

    driver = neo4j.GraphDatabase.driver(CLOSED, auth=("neo4j", "x"), max_transaction_retry_time=retry_seconds,
                                        **DRIVER_CONFIG)
    return Neo4jStore(driver, "neo4j", dict(SETTINGS))


# --------------------------------------------------------------------------- values from the driver


def hydrate(struct):
    """What the driver turns a Bolt structure into (Bolt 5 hydration, as a session does)."""
    from neo4j._codec.hydration.bolt.v2 import HydrationHandler
    from neo4j._codec.packstream import Structure

    scope = HydrationHandler().new_hydration_scope()
    return scope, lambda tag, *fields: scope.hydration_hooks[Structure](Structure(tag, *fields))


def test_driver_graph_objects_become_plain_values():
    import neo4j.graph

    _, h = hydrate(None)
    a = h(b"N", 1, ["Entity", "Cluster"], {"id": "cluster:montreal", "name": "Montréal"}, "4:db:1")
    b = h(b"N", 2, ["Entity", "Institute"], {"id": "institute:mila", "name": "Mila"}, "4:db:2")
    rel = h(b"R", 7, 2, 1, "PARTNERS_WITH", {"support": 2, "docs": ["d1", "d2"]}, "5:db:7", "4:db:2", "4:db:1")
    # the driver makes one Relationship subclass per type, named after it
    assert isinstance(rel, neo4j.graph.Relationship) and type(rel).__name__ == "PARTNERS_WITH"
    assert to_python(rel) == {"_type": "PARTNERS_WITH", "support": 2, "docs": ["d1", "d2"]}
    assert to_python(a) == {"_labels": ["Cluster"], "id": "cluster:montreal", "name": "Montréal"}
    unbound = h(b"r", 8, "LOCATED_IN", {"confidence": 0.9}, "5:db:8")
    path = h(b"P", [b, a], [unbound], [1, 1])
    assert isinstance(path, neo4j.graph.Path)
    assert to_python(path) == [to_python(b), to_python(a)]
    assert to_python({"r": [rel]}) == {"r": [{"_type": "PARTNERS_WITH", "support": 2, "docs": ["d1", "d2"]}]}


def test_embedded_graph_values_have_the_same_shape(tmp_path):
    from aikg.graph.store import open_store

    st = open_store("embedded", home=tmp_path / "h")
    try:
        st.write("CREATE (:Entity:Cluster {id: 'c', name: 'C'})<-[:LOCATED_IN {confidence: 0.5}]-"
                 "(:Entity:Institute {id: 'i', name: 'I'})")
        row = st.read("MATCH p = (a)-[r]->(b) RETURN a, r, p")[0]
    finally:
        st.close()
    assert row["r"] == {"_type": "LOCATED_IN", "confidence": 0.5}
    assert row["p"] == [row["a"], {"_labels": ["Cluster"], "id": "c", "name": "C"}]


def test_driver_temporal_values_become_iso_text():
    from neo4j.time import DateTime

    assert to_python(DateTime(2026, 11, 30, 12, 0, 0)) == "2026-11-30T12:00:00.000000000"


# --------------------------------------------------------------------------- errors


def test_unreachable_server_is_a_store_error_and_the_driver_is_closed(home):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(StoreError, match="cannot reach Neo4j at bolt://127.0.0.1:1"):
            Neo4jStore.open(home, **SETTINGS)
        gc.collect()
    unclosed = [w for w in caught if issubclass(w.category, ResourceWarning) and "Driver" in str(w.message)]
    assert not unclosed, unclosed


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687"])
def test_non_bolt_uri_is_a_config_error_naming_the_bolt_uri(home, uri):
    with pytest.raises(ConfigError, match="bolt://") as info:
        Neo4jStore.open(home, **{**SETTINGS, "uri": uri})
    assert "s3cr3t" not in str(info.value)


def test_driver_configuration_error_is_a_config_error(home):
    # routing parameters on a direct bolt:// URI: the driver raises ConfigurationError
    with pytest.raises(ConfigError, match="bolt://localhost:7687"):
        Neo4jStore.open(home, **{**SETTINGS, "uri": "bolt://localhost:7687?policy=eu"})


def test_lost_server_fails_the_write_after_the_driver_retries_with_a_store_error():
    # StoreError is what the loader catches per document: the load goes on with the next one
    store = dead_store()
    try:
        with pytest.raises(StoreError, match="cannot reach Neo4j.*ServiceUnavailable.*docker compose"):
            store.write_atomic([("CREATE (:Document {id: $id})", {"id": "d1"})])
        with pytest.raises(StoreError, match="cannot reach Neo4j"):
            store.read("MATCH (n) RETURN count(n) AS n")
    finally:
        store.close()


def test_driver_exceptions_map_to_aikg_errors_with_what_to_do():
    from neo4j._codec.packstream.v1 import Packer
    from neo4j.exceptions import Neo4jError, SessionExpired

    # decoded by the driver from a server FAILURE message, as a session does
    auth = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Security.Unauthorized", message="auth failure")
    err = driver_error(auth, SETTINGS, "connection")
    assert isinstance(err, ConfigError) and "NEO4J_PASSWORD" in str(err) and "8 characters" in str(err)
    forbidden = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Security.Forbidden", message="Create node is not allowed")
    err = driver_error(forbidden, SETTINGS, "write")
    assert isinstance(err, StoreError) and "write access" in str(err)
    err = driver_error(SessionExpired("Failed to read from defunct connection"), SETTINGS, "write")
    assert isinstance(err, StoreError) and "after the driver's retries" in str(err)
    with pytest.raises(OverflowError) as big:  # the driver's own packer refuses integers beyond 64 bits
        Packer(io.BytesIO()).pack({"rows": [{"count": 2**64}]})
    err = driver_error(big.value, SETTINGS, "write")
    assert isinstance(err, StoreError) and "64-bit" in str(err) and "as text" in str(err)
    with pytest.raises(ValueError) as odd:  # a parameter type Bolt cannot encode
        Packer(io.BytesIO()).pack({"ids": {"a", "b"}})
    err = driver_error(odd.value, SETTINGS, "write")
    assert isinstance(err, StoreError) and "cannot send" in str(err)
    for exc in (auth, forbidden, big.value, odd.value):
        assert isinstance(driver_error(exc, SETTINGS, "x"), AikgError)
        assert "s3cr3t" not in str(driver_error(exc, SETTINGS, "x"))


# --------------------------------------------------------------------------- settings


def test_driver_asks_the_server_for_no_notifications():
    driver = make_driver(SETTINGS)
    try:
        # sent to the server in HELLO: it then sends no notifications for the driver to log
        assert driver._pool.pool_config.notifications_min_severity == "OFF"
    finally:
        driver.close()


def test_sessions_share_one_bookmark_manager():
    store = dead_store()
    try:
        managers = set()
        for write in (False, True):
            with store.session(write=write) as session:
                managers.add(id(session._config.bookmark_manager))
        # the driver's execute_query shares it too: a read after any write of this store sees it
        assert managers == {id(store._driver.execute_query_bookmark_manager)}
    finally:
        store.close()


def test_settings_given_as_options_need_no_environment(home, monkeypatch):
    from aikg.graph.backends.neo4j import neo4j_settings

    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    assert neo4j_settings(home, uri="bolt://h:7687", database="t")["uri"] == "bolt://h:7687"


# --------------------------------------------------------------------------- schema, transactions, full-text


def test_schema_is_applied_on_the_first_write_not_on_reads():
    store = dead_store()
    try:
        store.apply_schema()  # sends nothing: a read-only user's command never changes the schema
        assert store._schema_pending
        with pytest.raises(StoreError):
            store.read("MATCH (n) RETURN n LIMIT 1")
        assert store._schema_pending  # still waiting for a write
    finally:
        store.close()
    names = ddl_by_name()
    assert len(names) == len(ddl_statements()) == 21 and "entity_names" in names  # 14 ids/names, entity name, first_seen/loaded_at/linked_at, a summary, 2 full-text


def test_call_in_transactions_is_recognised_for_an_auto_commit_transaction():
    assert needs_auto_commit("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS")
    assert needs_auto_commit("LOAD CSV FROM 'f' AS r CALL { WITH r CREATE (:X) }\n  in  transactions")
    assert needs_auto_commit("UNWIND $r AS r CALL (r) { CREATE (:X) } IN 4 CONCURRENT TRANSACTIONS")
    assert needs_auto_commit(CLEAR)
    assert not needs_auto_commit("CREATE (:Note {text: '} IN TRANSACTIONS'})")
    assert not needs_auto_commit("MATCH (n) SET n.x = 1 // } IN TRANSACTIONS")
    assert not needs_auto_commit("MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)")


def test_write_with_call_in_transactions_runs_in_an_auto_commit_transaction(caplog):
    """On a dead server the driver shows which path a write took: managed transactions log a retry."""
    import logging

    store = dead_store()
    try:
        with caplog.at_level(logging.WARNING, logger="neo4j"):
            with pytest.raises(StoreError, match="cannot reach Neo4j"):
                store.write("MATCH (n:Entity) CALL (n) { SET n.seen = true } IN TRANSACTIONS OF 500 ROWS")
        assert not [r for r in caplog.records if "will be retried" in r.getMessage()]  # session.run: auto-commit
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="neo4j"):
            with pytest.raises(StoreError, match="cannot reach Neo4j"):
                store.write("MATCH (n:Entity) SET n.seen = true")
        assert [r for r in caplog.records if "will be retried" in r.getMessage()]  # execute_write: managed, retried
    finally:
        store.close()


LUCENE_SPECIAL = set('+-!(){}[]^"~*?:\\/&|')


def test_fulltext_text_is_escaped_for_lucene():
    assert lucene_escape("C++") == r"C\+\+"
    assert lucene_escape("a:b") == r"a\:b"
    assert lucene_escape("R&D AND (x) OR NOT y") == r"R\&D and \(x\) or not y"
    for text in ["C++", "a:b", 'Quote "Q"', "back\\slash", "x~1 y* [a TO b] {c} ^2 !z /re/ a||b"]:
        escaped = lucene_escape(text)
        # with every escaped character removed, no special character is left
        assert not any(c in LUCENE_SPECIAL for c in re.sub(r"\\.", "", escaped)), escaped


def test_new_statements_pass_the_neo4j_linter():
    from aikg.graph import bulk
    from tests import conftest
    from tests.cypherlint.runner import lint

    statements = {"clear": CLEAR, "fulltext": FULLTEXT_QUERY, "await_indexes": AWAIT_INDEXES,
                  **{f"show[{i}]": s for i, s in enumerate(SHOW_SCHEMA)},
                  "fix_aliases": bulk.FIX_ALIASES.rstrip(";"), "fix_ev_sentence": bulk.FIX_EV_SENTENCE.rstrip(";"),
                  "read_documents": bulk.READ_DOCUMENTS, "read_entities": bulk.READ_ENTITIES,
                  "read_mentions": bulk.READ_MENTIONS, "read_relations": bulk.READ_RELATIONS,
                  "claim_count": conftest.CLAIM_COUNT, "claim_mark": conftest.CLAIM_MARK,
                  "claim_wipe": conftest.CLAIM_WIPE}
    errors = lint(statements)
    assert not {k: v for k, v in errors.items() if v}
    assert len(errors) == len(statements)
