"""clusters_sharing_partners: the partners are grouped by cluster here, the query text is the fallback.

The engine grouped every anchor partnership by partner (47,038 at 100k entities, 144,262 at 300k), then
formed and grouped the pairs of clusters: most of the query's time (issue 18). Here one statement reads each
member's clusters and partner ids (``graph/cypher/cluster_partner_lists.cypher``), Python applies the
query's rule and counts the pairs, and a second statement reads the names and document counts of the shared
partners (``graph/cypher/entity_sort_keys.cypher``), listed as the text lists them: most mentioned first, then
name and id (:func:`partner_order`). The rows are built here: sent through the query text and back they would be
megabytes of parameters at 300k. The text then gets ``computed = true`` and returns nothing; it answers
itself only when run without this hook.

The rule, as the text states it: a partner counts for a pair of clusters only when it is reached through two
different organisations, so a member of two clusters or more does not make them share its own partners.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import TYPE_CHECKING, Any

from aikg.core.collector import collector_paused
from aikg.graph.cypher_files import statement

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query

#: where prepare leaves the rows for finish (the values of one run_query call)
ROWS = "_sharing_rows"
COLUMNS = ("cluster_a", "cluster_a_name", "cluster_b", "cluster_b_name", "shared", "shared_partners",
           "shared_partner_ids")

Pair = tuple[str, str]


def shared_partners(members: Iterable[Mapping[str, Any]]) -> dict[Pair, list[str]]:
    """Partners shared per pair of clusters (smaller id first), from rows ``{id, homes, partners}``.

    A partner's clusters are those of the members that reach it. A cluster reached only through one member of
    several clusters is marked with that member; a pair marked with the same member on both sides does not
    count (the member alone links them)."""
    rows = list(members)
    homes = [list(dict.fromkeys(r["homes"])) for r in rows]
    # clusters as numbers in id order (pairs of numbers hash and sort faster than pairs of strings)
    ids = sorted({c for h in homes for c in h})
    number = {c: k for k, c in enumerate(ids)}
    # most members belong to one cluster: a partner reached only through such members makes every pair of the
    # clusters reaching it; one reached through a member of several takes the rule's path (_pairs)
    first: dict[str, int] = {}
    spread: dict[str, set[int]] = defaultdict(set)
    several: set[str] = set()
    for r, h in zip(rows, homes, strict=True):
        if len(h) != 1:
            several.update(r["partners"])
            continue
        c = number[h[0]]
        for pid in r["partners"]:
            if first.setdefault(pid, c) != c:
                spread[pid].add(c)
    pairs: dict[tuple[int, int], list[str]] = defaultdict(list)
    for pid, cs in spread.items():
        if pid not in several:
            cs.add(first[pid])
            for pair in combinations(sorted(cs), 2):
                pairs[pair].append(pid)
    if several:
        reach: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            for pid in dict.fromkeys(r["partners"]):  # a partnership in both directions reaches the partner once
                if pid in several:
                    reach[pid].append(i)
        for pid, reached in reach.items():
            for x, y in _pairs(reached, homes, rows):
                pairs[(number[x], number[y])].append(pid)
    return {(ids[a], ids[b]): pids for (a, b), pids in pairs.items()}


def _pairs(reached: list[int], homes: list[list[str]], rows: list[Mapping[str, Any]]) -> list[Pair]:
    """The pairs of clusters one partner makes when a member of several clusters reaches it (members as row
    positions)."""
    # through: for each cluster, the members of several clusters that reach the partner from it (None for a
    # member of that cluster alone; one None stands for all of them, as the text's DISTINCT keeps one row)
    through: dict[str, set[str | None]] = defaultdict(set)
    for i in reached:
        several = len(homes[i]) > 1
        for c in homes[i]:
            through[c].add(rows[i]["id"] if several else None)
    only = {c: next(iter(v)) if len(v) == 1 else None for c, v in through.items()}
    return [(x, y) for x, y in combinations(sorted(through), 2)
            if only[x] is None or only[y] is None or only[x] != only[y]]


def partner_order(entities: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Rows ``{id, name, doc_count}`` in the text's ``ORDER BY p.doc_count DESC, p.name, p.id``: Cypher puts a
    missing value after every other in ascending order, so first when descending."""
    rows = list(entities)
    if all(r["doc_count"] is not None and r["name"] is not None for r in rows):  # the usual case: plain keys
        keys = [(-r["doc_count"], r["name"], r["id"]) for r in rows]
    else:
        keys = [(r["doc_count"] is not None, -(r["doc_count"] or 0), _ascending(r["name"]), _ascending(r["id"]))
                for r in rows]
    return [rows[k] for k in sorted(range(len(rows)), key=keys.__getitem__)]


def rows_of(pairs: Mapping[Pair, list[str]], order: list[Mapping[str, Any]], names: Mapping[str, str | None],
            min_shared: int, top: int) -> list[dict[str, Any]]:
    """The query's rows: pairs sharing at least ``min_shared`` partners, the first ``top`` listed in ``order``
    (rows ``{id, name}`` in the catalog's order, :func:`partner_order`), sorted by shared partners, then the
    clusters' names."""
    rank = {r["id"]: k for k, r in enumerate(order)}
    partner_name = {r["id"]: r["name"] for r in order}
    out = []
    for (a, b), pids in pairs.items():
        if len(pids) < min_shared:
            continue
        listed = sorted(pids, key=rank.__getitem__)[:top]
        out.append({"cluster_a": a, "cluster_a_name": names.get(a), "cluster_b": b, "cluster_b_name": names.get(b),
                    "shared": len(pids), "shared_partners": [partner_name[p] for p in listed],
                    "shared_partner_ids": listed})
    out.sort(key=lambda r: (-r["shared"], _ascending(r["cluster_a_name"]), _ascending(r["cluster_b_name"]),
                            r["cluster_a"], r["cluster_b"]))
    return out


def _ascending(value: str | None) -> tuple[bool, str]:
    """A sort key that puts a missing name last, as Cypher's ascending order does."""
    return (value is None, value or "")


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    """Compute the rows (left in ``values`` for :func:`finish`) and tell the text it need not."""
    members = store.read(statement("cluster_partner_lists"), {"min_confidence": values["min_confidence"],
                                                              "include_located": values["include_located"]})
    with collector_paused():  # hundreds of thousands of ids and tuples: the cycle collector would walk them
        pairs = shared_partners(members)
        kept = {pair: pids for pair, pids in pairs.items() if len(pids) >= values["min_shared"]}
    clusters = {c for pair in kept for c in pair}
    partners = {p for pids in kept.values() for p in pids}
    order = store.read(statement("entity_sort_keys"), {"ids": sorted(partners | clusters)}) if kept else []
    names = {r["id"]: r["name"] for r in order if r["id"] in clusters}
    with collector_paused():
        order = partner_order(r for r in order if r["id"] in partners)
        values[ROWS] = rows_of(kept, order, names, values["min_shared"], values["top"])
    return {**send, "computed": True}


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    """The rows prepare computed (the text returned none), or the text's own rows."""
    import pandas as pd

    rows = values.pop(ROWS, None)
    if rows is None:
        return df
    return pd.DataFrame(rows, columns=list(COLUMNS))
