"""The store protocol on every backend: rows, DataFrames, full-text search, stats, schema idempotence."""

from __future__ import annotations

from aikg.graph.loader import load_jsonl
from aikg.graph.store import GraphStore, read_df
from tests.conftest import DATA


def test_backend_fits_the_protocol(store):
    assert isinstance(store, GraphStore)


def test_read_rows_and_dataframe_keep_column_order(store):
    load_jsonl(store, [DATA / "loader_fixture.jsonl"])
    query = "MATCH (c:Cluster) RETURN c.name AS name, c.id AS id ORDER BY name"
    assert store.read(query) == [{"name": "London", "id": "cluster:london"}, {"name": "Toronto", "id": "cluster:toronto"}]
    df = read_df(store, "MATCH (c:Cluster) WHERE c.name = $n RETURN c.id AS id, c.mention_count AS m", {"n": "Toronto"})
    assert list(df.columns) == ["id", "m"] and df.to_dict("records") == [{"id": "cluster:toronto", "m": 1}]


def test_fulltext_finds_names_and_aliases(store):
    load_jsonl(store, [DATA / "loader_fixture.jsonl"])
    assert [r["id"] for r in store.fulltext("Turing")][:1] == ["institute:alan-turing-institute"]
    assert "institute:vector-institute" in [r["id"] for r in store.fulltext("Vector")]


def test_apply_schema_twice_and_stats_of_an_empty_store(store):
    store.apply_schema()
    stats = store.stats()
    assert stats.node_total == 0 and stats.relationship_total == 0
    assert list(stats.to_frame().columns) == ["kind", "name", "count"]
