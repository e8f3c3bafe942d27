"""Summary properties kept on entities at write time, so catalog queries read a property instead of
walking every relationship (issue 18).

- ``degree``: relationships to other entities (any type, either direction). A new relationship adds
  one to both ends (``load_relations.cypher``), a removed one takes one off (``retract_evidence``).
- ``rel_docs``: distinct documents behind those relationships. A batch only carries documents the
  store does not hold yet, so each adds one to every entity it ties (``load_entities.cypher``);
  retracting a document takes it off again (``retract_rel_docs.cypher``).
- ``clusters`` / ``cluster_ids``: the clusters an entity is LOCATED_IN or ANCHORS and the metros they
  lie WITHIN; for people ``affiliated_cluster_count`` / ``affiliated_clusters`` / ``affiliations``,
  the clusters of the organisations they are AFFILIATED_WITH. Recomputed from the graph for the
  entities a write touched (``refresh_summaries.cypher``), so writing the same facts again changes
  nothing: in each write when some cluster keeps a profile or the run is one batch; otherwise once at
  the end of a run of several batches, marked pending until then (``pending_counts.py``, which a stopped
  run's next load or command recomputes), and computed in Python when every entity of the run is new
  (:func:`compute`, ``load_cluster_summaries.cypher``).

:func:`refresh_all` recomputes every summary from the graph: for a store written by an older aikg
and for graphs written without the loader (``bench/synthetic.py``).

A cluster's **profile** (what ``cluster_profile`` lists: member counts, anchors, top outside partners,
programmes, people; ``profile_*`` properties, with the ``overview_*`` counts ``cluster_overview`` lists)
walks thousands of members and partners, so it is kept differently: every write forgets the profiles it
may change, in the same atomic write (:func:`stale_profiles_statements`), and :func:`refresh_profiles`
computes the missing ones again once a run is over (``aikg ingest``, ``aikg load``), largest cluster first, within a tenth of the run's time
(:func:`profile_budget`). The catalog reads a kept profile and reads the graph when
there is none, so a profile is never stale, only absent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from aikg.graph.cypher_files import statement
from aikg.graph.store import GraphStore, Statement

CLUSTER_LINKS = frozenset({"LOCATED_IN", "ANCHORS"})
METRO_LINK = "WITHIN"
AFFILIATION = "AFFILIATED_WITH"
#: relationship types whose change can change a refreshed summary
REFRESHED_BY = CLUSTER_LINKS | {METRO_LINK, AFFILIATION}
#: cluster properties of the kept overview (refresh_cluster_overview.cypher: cluster_overview's counts), written
#: with the profile and read only while the profile is kept, so forgetting a profile forgets them too
OVERVIEW_PROPERTIES = ("overview_anchors", "overview_organisations", "overview_programmes", "overview_people")
#: cluster properties of the kept profile (refresh_cluster_profile.cypher), the overview's counts included
PROFILE_PROPERTIES = ("profile_institutes", "profile_companies", "profile_agencies", "profile_programme_count",
                      "profile_people_count", "profile_anchors", "profile_top_partners", "profile_programmes",
                      "profile_people", "profile_places") + OVERVIEW_PROPERTIES
#: properties this module keeps: never an entity's own (the loader, the bulk and RDF exports leave them out;
#: the bulk export computes all but the profiles, which the catalog then reads from the graph)
SUMMARY_PROPERTIES = ("degree", "rel_docs", "clusters", "cluster_ids", "affiliated_cluster_count",
                      "affiliated_clusters", "affiliations") + PROFILE_PROPERTIES

#: names kept per list of a profile (cluster_profile reads the graph for a larger ``top``)
PROFILE_CAP = 100

TOUCHED_BY_DOCUMENTS = ("MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types AND any(d IN r.ev_doc WHERE d IN $docs) "
                        "RETURN type(r) AS type, a.id AS source, b.id AS target")


def refresh_statement(keys: Iterable[tuple[str, str, str]]) -> Statement | None:
    """The refresh for relationships ``(type, source, target)`` written or removed; None when none counts."""
    ids: set[str] = set()
    places: set[str] = set()
    people: set[str] = set()
    for rtype, source, _ in keys:
        if rtype in CLUSTER_LINKS:
            ids.add(source)
        elif rtype == METRO_LINK:
            places.add(source)
        elif rtype == AFFILIATION:
            people.add(source)
    if not (ids or places or people):
        return None
    return statement("refresh_summaries"), {"ids": sorted(ids), "places": sorted(places), "people": sorted(people)}


def rel_doc_rows(relation_rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """For each entity, how many documents of these rows support one of its relationships (load_entities adds them)."""
    docs: dict[str, set[str]] = defaultdict(set)
    for rows in relation_rows.values():
        for row in rows:
            for end in (row["source"], row["target"]):
                docs[end].update(row["ev_doc"])
    return [{"id": eid, "docs": len(found)} for eid, found in sorted(docs.items())]


def retract_summary_statements(store: GraphStore, doc_ids: list[str]) -> tuple[list[Statement], list[Statement]]:
    """What a forced re-load runs around ``retract_evidence``: (before it, after it)."""
    touched = store.read(TOUCHED_BY_DOCUMENTS, {"types": sorted(REFRESHED_BY), "docs": doc_ids})
    refresh = refresh_statement((r["type"], r["source"], r["target"]) for r in touched)
    # a forced re-load is rare: every kept cluster profile is forgotten rather than traced
    return [(statement("retract_rel_docs"), {"docs": doc_ids}), (statement("forget_cluster_profiles"), {})], [refresh] if refresh else []


def stale_profiles_statements(by_label: Mapping[str, Iterable[Mapping[str, Any]]], mentions: Iterable[Mapping[str, Any]],
                              by_type: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[Statement]:
    """Forget the cluster profiles a batch may change (its entity rows by type, mentions and relationship rows
    by type); appended after the refresh of ``cluster_ids``. Every touched entity's clusters; a programme's
    runners' clusters and a person's organisations' clusters (their order lists count mentions); a cluster
    end and its metros."""
    ids = {row["id"] for rows in by_label.values() for row in rows} | {m["id"] for m in mentions}
    clusters = {row["id"] for row in by_label.get("Cluster", [])}
    for rtype, rows in by_type.items():
        for row in rows:
            ids.update((row["source"], row["target"]))
            if rtype in CLUSTER_LINKS | {METRO_LINK}:
                clusters.add(row["target"])
            if rtype == METRO_LINK:
                clusters.add(row["source"])
    kinds = {"entities": ids, "programmes": {row["id"] for row in by_label.get("Programme", [])},
             "people": {row["id"] for row in by_label.get("Person", [])}, "clusters": clusters}
    return [(statement(f"stale_profiles_{kind}"), {"ids": sorted(found)}) for kind, found in kinds.items() if found]


#: The share of a run's time (at least PROFILE_MIN_S seconds) given to cluster profiles at its end.
PROFILE_SHARE, PROFILE_MIN_S = 0.1, 10.0


def profile_budget(run_seconds: float) -> float:
    """Seconds a run that took ``run_seconds`` may spend computing profiles afterwards."""
    return max(PROFILE_MIN_S, PROFILE_SHARE * run_seconds)


def refresh_after_run(store: GraphStore, run_seconds: float = 0.0) -> int:
    """The end of every run that writes facts (ingest, load, RDF import): compute again the profiles its writes
    forgot, within :func:`profile_budget`. A store that cannot take them keeps none: cluster_profile then reads
    the graph, with the same answers, more slowly. Returns how many were computed."""
    from aikg.core.errors import StoreError

    try:
        return refresh_profiles(store, budget_s=profile_budget(run_seconds))
    except StoreError:
        return 0


def refresh_profiles(store: GraphStore, budget_s: float | None = None) -> int:
    """Compute the profile of every cluster that has none (one write per cluster); how many were computed.

    Largest clusters first (their live reading is the slow one). ``budget_s``: stop starting new ones after
    this many seconds, so a run that touched thousands of places does not end with hours of profiles; the
    clusters left answer from the graph, with the same rows, until a later run computes them.
    """
    import time

    started = time.monotonic()
    missing = [r["id"] for r in store.read("MATCH (c:Cluster) WHERE c.profile_people_count IS NULL "
                                           "OR c.overview_organisations IS NULL "
                                           "RETURN c.id AS id ORDER BY coalesce(c.degree, 0) DESC, id")]
    done = 0
    for cid in missing:
        if budget_s is not None and time.monotonic() - started > budget_s:
            break
        # the overview's counts first, then the profile that makes them readable, in one atomic write
        store.write_atomic([(statement("refresh_cluster_overview"), {"cluster": cid}),
                            (statement("refresh_cluster_profile"), {"cluster": cid, "cap": PROFILE_CAP})])
        done += 1
    return done


def refresh_all(store: GraphStore, batch: int = 5000) -> None:
    """Recompute every summary from the graph, a batch of entities per write."""
    ids = [r["id"] for r in store.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")]
    for i in range(0, len(ids), batch):
        store.write(statement("refresh_counts"), {"ids": ids[i:i + batch]})
    placed = [r["id"] for r in store.read("MATCH (n:Entity)-[:LOCATED_IN|ANCHORS]->(:Cluster) "
                                          "RETURN DISTINCT n.id AS id ORDER BY id")]
    for i in range(0, len(placed), batch):
        store.write(statement("refresh_summaries"), {"ids": placed[i:i + batch], "places": [], "people": []})
    people = [r["id"] for r in store.read("MATCH (p:Person)-[:AFFILIATED_WITH]->(:Entity) "
                                          "RETURN DISTINCT p.id AS id ORDER BY id")]
    for i in range(0, len(people), batch):
        store.write(statement("refresh_summaries"), {"ids": [], "places": [], "people": people[i:i + batch]})


def needs_refresh(store: GraphStore) -> bool:
    """True for a store written before the loader kept summaries (an entity without ``degree``)."""
    return bool(store.read("MATCH (n:Entity) WHERE n.degree IS NULL RETURN n.id AS id LIMIT 1"))


def compute(names: Mapping[str, str], relations: Iterable[tuple[str, str, str, Iterable[str]]],
            ids: Iterable[str] | None = None, *, counts: bool = True) -> dict[str, dict[str, Any]]:
    """Every entity's summaries from its relationships ``(type, source, target, docs)``, in Python, as the
    statements keep them (the bulk export writes these; a property that would be empty is left out).
    ``ids``: only these entities (default: every one of ``names``, which must name every end). ``counts``: with
    ``degree`` and ``rel_docs`` (False: the cluster summaries only, for a caller that counts those itself)."""
    degree: dict[str, int] = defaultdict(int)
    docs: dict[str, set[str]] = defaultdict(set)
    homes: dict[str, set[str]] = defaultdict(set)
    metros: dict[str, set[str]] = defaultdict(set)
    works: dict[str, set[str]] = defaultdict(set)
    for rtype, source, target, rel_docs in relations:
        if counts:
            for end in (source, target):
                degree[end] += 1
                docs[end].update(rel_docs)
        if rtype in CLUSTER_LINKS:
            homes[source].add(target)
        elif rtype == METRO_LINK:
            metros[source].add(target)
        elif rtype == AFFILIATION:
            works[source].add(target)
    out: dict[str, dict[str, Any]] = {}
    none: frozenset[str] = frozenset()  # read with get: an entity without homes or employers adds no empty set
    for eid in (names if ids is None else ids):
        row: dict[str, Any] = {"degree": degree.get(eid, 0), "rel_docs": len(docs.get(eid, none))} if counts else {}
        home = homes.get(eid, none)
        if home:
            places = sorted((names[c], c) for c in home | {m for h in home for m in metros.get(h, none)})
            row["clusters"] = list(dict.fromkeys(n for n, _ in places))
            row["cluster_ids"] = [c for _, c in places]
        work = works.get(eid, none)
        reach = sorted({(names[c], names[o], c) for o in work for c in homes.get(o, none)}) if work else None
        if reach:
            row["affiliated_cluster_count"] = len({c for _, _, c in reach})
            row["affiliated_clusters"] = list(dict.fromkeys(n for n, _, _ in reach))
            row["affiliations"] = list(dict.fromkeys(f"{o} ({c})" for c, o, _ in reach))
        out[eid] = row
    return out
