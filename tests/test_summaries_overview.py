"""cluster_overview reads the counts kept with a cluster's profile (graph/summaries.py,
graph/cypher/refresh_cluster_overview.cypher) and counts the other clusters in the graph: at every step,
with all, some or none of the profiles kept, it must answer exactly as counting the graph does."""

from __future__ import annotations

from aikg.graph import summaries
from aikg.queries.catalog import frame, load_catalog, run_query
from aikg.queries.hooks import overview
from tests.test_cluster_profiles import ACME, ANN, BAY, BOB, GRANT, LAB, OPENAI, PARIS, SF, _load, kept
from tests.test_queries import load_query_fixture

QUERY = load_catalog().get("cluster_overview")


def _counted(store, limit: int = 100, min_confidence: float = 0.0) -> list[dict]:
    """The overview counted in the graph for every cluster (the kept branch made to find none)."""
    text = QUERY.cypher().replace("c.profile_people_count IS NOT NULL", "false")
    rows = store.read(text, {"limit": limit, "min_confidence": min_confidence})
    return overview.finish(frame(rows), QUERY, {"limit": limit}).to_dict(orient="records")


def assert_answers_as_the_graph(store) -> None:
    for limit in (1, 2, 100):
        for floor in (0.0, 0.5, 0.95):
            got = run_query(store, "cluster_overview", {"limit": limit, "min_confidence": floor})
            assert got.to_dict(orient="records") == _counted(store, limit, floor), (limit, floor)


def test_kept_counts_answer_as_the_graph_on_the_fixture(store):
    load_query_fixture(store)
    counted = _counted(store)
    assert [r["cluster_name"] for r in counted] == ["Toronto", "London", "Montreal", "Paris"]
    assert summaries.refresh_profiles(store) == 4
    assert store.read("MATCH (c:Cluster) WHERE c.overview_organisations IS NULL RETURN count(c) AS n") == [{"n": 0}]
    assert_answers_as_the_graph(store)
    store.write("MATCH (c:Cluster {name: 'Paris'}) SET c.overview_people = 99")  # proves the kept counts are read
    assert run_query(store, "cluster_overview", {}).set_index("cluster_name").loc["Paris", "people"] == 99
    assert run_query(store, "cluster_overview", {"min_confidence": 0.5}).set_index("cluster_name").loc["Paris", "people"] == 1
    # two kept and two counted: the hook orders them together and cuts at the limit
    store.write("MATCH (c:Cluster) WHERE c.name IN ['Toronto', 'Paris'] SET c.profile_people_count = null")
    assert_answers_as_the_graph(store)
    assert run_query(store, "cluster_overview", {"limit": 3})["cluster_name"].tolist() == ["Toronto", "London", "Montreal"]


def test_an_older_profile_without_counts_is_computed_again(store):
    """A store whose profiles were kept before the overview's counts: the next refresh adds them."""
    load_query_fixture(store)
    summaries.refresh_profiles(store)
    store.write("MATCH (c:Cluster) REMOVE c.overview_organisations")
    assert_answers_as_the_graph(store)
    assert summaries.refresh_profiles(store) == 4
    assert_answers_as_the_graph(store)


def test_writes_forget_the_counts_they_change(store):
    _load(store, 1, [OPENAI, LAB, ANN, SF, BAY, PARIS],
          [("LOCATED_IN", OPENAI[0], SF[0]), ("WITHIN", SF[0], BAY[0]), ("LOCATED_IN", LAB[0], PARIS[0]),
           ("ANCHORS", LAB[0], PARIS[0]), ("AFFILIATED_WITH", ANN[0], OPENAI[0])])
    summaries.refresh_profiles(store)
    assert_answers_as_the_graph(store)
    # a person, a programme run by a member, a new member: each changes a count of its cluster
    for n, entities, relations in ((2, [BOB, LAB], [("AFFILIATED_WITH", BOB[0], LAB[0])]),
                                   (3, [GRANT, LAB], [("RUNS", LAB[0], GRANT[0])]),
                                   (4, [ACME, SF], [("ANCHORS", ACME[0], SF[0])])):
        _load(store, n, entities, relations)
        assert_answers_as_the_graph(store)
        summaries.refresh_profiles(store)
        assert kept(store) == ["cluster:bay", "cluster:paris", "cluster:sf"]
        assert_answers_as_the_graph(store)
    paris = run_query(store, "cluster_overview", {}).set_index("cluster").loc["cluster:paris"]
    assert (paris["anchors"], paris["organisations"], paris["programmes"], paris["people"]) == (1, 1, 1, 1)
