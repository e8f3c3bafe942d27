"""Kept cluster profiles (graph/summaries.py): a write forgets every profile it may change, in the same
atomic write, and refresh_profiles computes them again; the catalog's cluster_profile reads a kept
profile when there is one, so at every step it must answer exactly as reading the graph does."""

from __future__ import annotations

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.graph import summaries
from aikg.graph.loader import load_records
from aikg.queries.catalog import run_query

KEPT = "MATCH (c:Cluster) WHERE c.profile_people_count IS NOT NULL RETURN c.id AS id ORDER BY id"


def _doc(n: int) -> DocumentRecord:
    return DocumentRecord(f"{n:02d}" * 32, f"d{n}.txt", f"d{n}", "text", 100)


def _load(store, n: int, entities: list[tuple[str, str, str]], relations: list[tuple[str, str, str]],
          mentions: int = 1, force: bool = False) -> None:
    doc = _doc(n)
    ents = [EntityRecord(eid, etype, name, [], [Mention(doc.id, 0, 4)] * mentions) for eid, etype, name in entities]
    rels = [RelationRecord(t, s, o, 0.9, "test", [Evidence(doc.id, 0, 30, f"{s} {t} {o} ({n})")]) for t, s, o in relations]
    assert not load_records(store, [doc], ents, rels, force=force).errors


OPENAI, LAB, ACME = ("company:openai", "Company", "OpenAI"), ("institute:lab", "Institute", "Lab"), ("company:acme", "Company", "Acme")
ANN, BOB = ("person:ann", "Person", "Ann"), ("person:bob", "Person", "Bob")
SF, BAY, PARIS = ("cluster:sf", "Cluster", "San Francisco"), ("cluster:bay", "Cluster", "Bay Area"), ("cluster:paris", "Cluster", "Paris")
GRANT = ("programme:grant", "Programme", "Grant")
CLUSTERS = ("cluster:bay", "cluster:paris", "cluster:sf")


def kept(store) -> list[str]:
    return [r["id"] for r in store.read(KEPT)]


def assert_answers_as_the_graph(store) -> None:
    """top=100 reads a kept profile when there is one; top=101 always reads the graph (lists here are short)."""
    for cid in CLUSTERS:
        fast = run_query(store, "cluster_profile", {"cluster": cid, "top": 100}).to_dict(orient="records")
        slow = run_query(store, "cluster_profile", {"cluster": cid, "top": 101}).to_dict(orient="records")
        assert fast == slow, cid


def test_writes_forget_the_profiles_they_change_and_refresh_computes_them(store):
    _load(store, 1, [OPENAI, LAB, ANN, BOB, SF, BAY, PARIS],
          [("LOCATED_IN", OPENAI[0], SF[0]), ("WITHIN", SF[0], BAY[0]), ("LOCATED_IN", LAB[0], PARIS[0]),
           ("ANCHORS", LAB[0], PARIS[0]), ("AFFILIATED_WITH", ANN[0], OPENAI[0]), ("AFFILIATED_WITH", BOB[0], OPENAI[0]),
           ("PARTNERS_WITH", LAB[0], OPENAI[0])])
    assert kept(store) == []
    assert summaries.refresh_profiles(store) == 3 and kept(store) == list(CLUSTERS)
    assert_answers_as_the_graph(store)
    paris = run_query(store, "cluster_profile", {"cluster": "cluster:paris"}).iloc[0]
    assert (paris["institutes"], paris["anchors"], paris["top_partners"]) == (1, ["Lab"], ["OpenAI (1)"])
    assert run_query(store, "cluster_profile", {"cluster": "cluster:bay"}).iloc[0]["people"] == ["Ann", "Bob"]
    # Bob mentioned again (no relationship): his organisation's clusters list people by mentions
    _load(store, 2, [BOB], [], mentions=3)
    assert kept(store) == ["cluster:paris"]
    assert_answers_as_the_graph(store)
    assert run_query(store, "cluster_profile", {"cluster": "cluster:bay"}).iloc[0]["people"] == ["Bob", "Ann"]
    assert summaries.refresh_profiles(store) == 2 and summaries.refresh_profiles(store) == 0
    # a programme run by the lab: Paris counts it, the others are untouched
    _load(store, 3, [GRANT, LAB], [("RUNS", LAB[0], GRANT[0])])
    assert kept(store) == ["cluster:bay", "cluster:sf"]
    assert_answers_as_the_graph(store)
    summaries.refresh_profiles(store)
    # the programme mentioned again, alone: still Paris only
    _load(store, 4, [GRANT], [])
    assert kept(store) == ["cluster:bay", "cluster:sf"]
    summaries.refresh_profiles(store)
    # a new partner of OpenAI in Paris: every cluster changes (an outside partner for the Bay Area and
    # San Francisco, a member's partner for Paris)
    _load(store, 5, [ACME, PARIS, OPENAI], [("LOCATED_IN", ACME[0], PARIS[0]), ("PARTNERS_WITH", ACME[0], OPENAI[0])])
    assert kept(store) == []
    assert_answers_as_the_graph(store)
    summaries.refresh_profiles(store)
    assert run_query(store, "cluster_profile", {"cluster": "cluster:sf"}).iloc[0]["top_partners"] == ["Acme (1)", "Lab (1)"]
    # a forced re-load forgets every profile; without one the query reads the graph
    _load(store, 5, [ACME, PARIS], [("LOCATED_IN", ACME[0], PARIS[0])], force=True)
    assert kept(store) == []
    assert_answers_as_the_graph(store)
    assert run_query(store, "cluster_profile", {"cluster": "cluster:sf"}).iloc[0]["top_partners"] == ["Lab (1)"]
    summaries.refresh_profiles(store)
    assert_answers_as_the_graph(store)


def test_a_confidence_floor_or_a_long_list_reads_the_graph(store):
    _load(store, 1, [OPENAI, LAB, SF], [("LOCATED_IN", OPENAI[0], SF[0]), ("PARTNERS_WITH", LAB[0], OPENAI[0])])
    summaries.refresh_profiles(store)
    store.write("MATCH (c:Cluster {id: 'cluster:sf'}) SET c.profile_companies = 99")  # a marked profile
    assert run_query(store, "cluster_profile", {"cluster": "cluster:sf"}).iloc[0]["companies"] == 99
    assert run_query(store, "cluster_profile", {"cluster": "cluster:sf", "top": 101}).iloc[0]["companies"] == 1
    assert run_query(store, "cluster_profile", {"cluster": "cluster:sf", "min_confidence": 0.5}).iloc[0]["companies"] == 1


def test_a_spent_budget_leaves_the_smaller_clusters_to_the_graph(store):
    """Profiles are computed largest cluster first and stop when the run's budget is spent; the clusters
    left have no profile and cluster_profile answers them from the graph, with the same rows."""
    _load(store, 1, [OPENAI, LAB, ACME, ANN, SF, BAY, PARIS],
          [("LOCATED_IN", OPENAI[0], SF[0]), ("LOCATED_IN", ACME[0], SF[0]), ("LOCATED_IN", LAB[0], SF[0]),
           ("WITHIN", SF[0], BAY[0]), ("LOCATED_IN", LAB[0], PARIS[0]), ("AFFILIATED_WITH", ANN[0], OPENAI[0])])
    assert summaries.refresh_profiles(store, budget_s=-1) == 0 and kept(store) == []
    assert_answers_as_the_graph(store)
    assert summaries.profile_budget(0) == summaries.PROFILE_MIN_S and summaries.profile_budget(1000) == 100
    assert summaries.refresh_profiles(store, budget_s=60) == 3
    assert_answers_as_the_graph(store)


def test_a_write_naming_a_cluster_inside_a_metro_loads_once_profiles_are_kept(store):
    """A later document (or an entity line without one) that names a cluster lying within a metro loads and
    forgets both profiles; the engine had refused the whole write while any profile was kept."""
    _load(store, 1, [OPENAI, SF, BAY, PARIS, LAB],
          [("LOCATED_IN", OPENAI[0], SF[0]), ("WITHIN", SF[0], BAY[0]), ("LOCATED_IN", LAB[0], PARIS[0])])
    assert summaries.refresh_profiles(store) == 3
    _load(store, 2, [SF], [])
    assert kept(store) == ["cluster:paris"]
    assert_answers_as_the_graph(store)
    summaries.refresh_profiles(store)
    report = load_records(store, [], [EntityRecord(SF[0], "Cluster", "San Francisco", ["SF"], [])], [])
    assert not report.errors
    assert kept(store) == ["cluster:paris"]
    assert_answers_as_the_graph(store)


def test_rdf_import_computes_the_profiles_its_writes_forget(store, tmp_path):
    """An RDF import is a run that writes facts: it ends like ingest and load, with every profile kept."""
    from aikg.graph.rdf.export import export_store
    from aikg.graph.rdf.importer import import_file

    _load(store, 1, [OPENAI, LAB, ANN, SF, BAY, PARIS],
          [("LOCATED_IN", OPENAI[0], SF[0]), ("WITHIN", SF[0], BAY[0]), ("ANCHORS", LAB[0], PARIS[0]),
           ("AFFILIATED_WITH", ANN[0], OPENAI[0])])
    summaries.refresh_profiles(store)
    path = tmp_path / "graph.ttl"
    export_store(store, path, "turtle")
    store.write("MATCH (c:Cluster) REMOVE c.profile_people_count")  # none kept, as after writes that forgot them
    assert kept(store) == []
    report = import_file(store, path, force=True)
    assert not report.errors and kept(store) == list(CLUSTERS)
    assert_answers_as_the_graph(store)
