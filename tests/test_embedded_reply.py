"""Reads on the embedded store decode plain rows themselves (graph/backends/embedded_reply.py, issue 18): the
same values as the FalkorDB client's parser followed by ``to_python``, on the real engine."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from aikg.core.errors import StoreError
from aikg.graph.backends import embedded_reply
from aikg.graph.backends.convert import to_python
from aikg.graph.backends.embedded_params import header
from aikg.graph.store import open_store

PLAIN = """
RETURN 'plain' AS s, '' AS empty, 'Zürich – 東京 ⅻ' AS uni, 42 AS i, -7 AS neg, 9007199254740993 AS big,
       1.5 AS f, 0.1 + 0.2 AS f2, -0.0 AS negzero, 1e300 AS huge, true AS t, false AS no, null AS nothing,
       [1, 'a', null, 2.5, true, ['x', []]] AS mixed, [] AS none, $text AS param, $items AS items
UNION ALL
RETURN 'second' AS s, 'x' AS empty, null AS uni, 0 AS i, 0 AS neg, 0 AS big, 0.0 AS f, 2.0 AS f2, 0.0 AS negzero,
       -1e-300 AS huge, null AS t, null AS no, 'now a string' AS nothing, null AS mixed, [[]] AS none,
       null AS param, [] AS items
"""
PARAMS = {"text": "quote ' and \\ backslash \"", "items": ["a", "b b", "ç"]}


@pytest.fixture
def embedded(tmp_path: Path):
    st = open_store("embedded", home=tmp_path / "home")
    st.apply_schema()
    st.write("CREATE (:Entity:Company {id: 'company:a', name: 'A', aliases: ['Ay']})"
             "-[:PARTNERS_WITH {confidence: 0.9, docs: ['d1']}]->(:Entity:Company {id: 'company:b', name: 'B'})")
    yield st
    st.close()


def client_rows(store, cypher: str, params: dict | None = None) -> list[dict]:
    """The read as the store did it before: the client's parser, then to_python on every value."""
    result = store._graph.ro_query(header(params) + cypher)
    names = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
    return [{c: to_python(v) for c, v in zip(names, row)} for row in result.result_set]


def test_plain_values_are_decoded_as_the_client_decodes_them(embedded):
    reply = embedded._db.connection.execute_command("GRAPH.RO_QUERY", embedded._graph.name,
                                                    header(PARAMS) + PLAIN, "--compact")
    assert embedded_reply.plain_rows(reply) is not None  # this reply takes the new path
    got = embedded.read(PLAIN, PARAMS)
    want = client_rows(embedded, PLAIN, PARAMS)
    assert got == want
    # the same types too (== would let 1 == 1.0 == True pass)
    assert [[type(v) for v in row.values()] for row in got] == [[type(v) for v in row.values()] for row in want]
    assert list(got[0]) == ["s", "empty", "uni", "i", "neg", "big", "f", "f2", "negzero", "huge", "t", "no",
                            "nothing", "mixed", "none", "param", "items"]
    assert got[0]["uni"] == "Zürich – 東京 ⅻ" and got[0]["big"] == 9007199254740993
    assert got[0]["mixed"] == [1, "a", None, 2.5, True, ["x", []]] and got[0]["param"] == PARAMS["text"]


def test_graph_values_go_to_the_client_parser_with_the_same_rows(embedded):
    for cypher in ("MATCH (a:Company {id: 'company:a'}) RETURN a",
                   "MATCH (:Company)-[r:PARTNERS_WITH]->() RETURN r, 'x' AS s",
                   "MATCH p = (:Company)-[:PARTNERS_WITH]->() RETURN p",
                   "RETURN {k: 1, v: ['a']} AS m",
                   "MATCH (a:Company {id: 'company:a'}) RETURN [a] AS nodes"):
        reply = embedded._db.connection.execute_command("GRAPH.RO_QUERY", embedded._graph.name, cypher, "--compact")
        assert embedded_reply.plain_rows(reply) is None, cypher
        assert embedded.read(cypher) == client_rows(embedded, cypher), cypher
    node = embedded.read("MATCH (a:Company {id: 'company:a'}) RETURN a")[0]["a"]
    assert node == {"_labels": ["Company"], "id": "company:a", "name": "A", "aliases": ["Ay"]}


def test_no_rows_errors_and_empty_graph(embedded, tmp_path: Path):
    assert embedded.read("MATCH (n:Entity {id: 'nobody'}) RETURN n.id AS id") == []
    assert embedded.read("MATCH (n:Entity) RETURN count(n) AS n") == [{"n": 2}]
    with pytest.raises(StoreError, match="refused the query"):
        embedded.read("MATCH (n:Entity) RETURN n.id AS id, toInteger({}) AS broken")
    with pytest.raises(StoreError, match="refused the query"):
        embedded.read("THIS IS NOT CYPHER")
    assert gc.isenabled()  # the collector is on again after a failed read
    empty = open_store("embedded", home=tmp_path / "empty")
    try:
        assert empty.read("MATCH (n) RETURN n.id AS id") == []  # nothing ever written
    finally:
        empty.close()


def test_collector_paused_only_during_the_read(embedded, monkeypatch: pytest.MonkeyPatch):
    seen = []
    real = embedded_reply.plain_rows

    def spy(reply):
        seen.append(gc.isenabled())
        return real(reply)

    monkeypatch.setattr(embedded_reply, "plain_rows", spy)
    assert embedded.read("RETURN 1 AS one") == [{"one": 1}]
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        embedded.read("RETURN 1 AS one")
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
