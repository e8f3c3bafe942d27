"""Time every catalog query on a synthetic graph: median and p95 per query, peak memory, graph size.

    python bench/bench_queries.py                                   # 100k entities, 500k relationships
    python bench/bench_queries.py --entities 10000 --relations 50000 --runs 5
    python bench/bench_queries.py --home /tmp/aikg-bench --keep     # build once, re-run later

Parameters are picked from the generated data (the largest cluster, a hub organisation, a
typical one, an existing partnership, a name with a typo, ...). Each query runs once to
warm up, then ``--runs`` times; times include parameter checks, entity resolution and hooks,
as ``aikg query run`` pays them. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synthetic import open_or_build  # noqa: E402

#: cases that take minutes on the full-size graph; run only with --heavy
HEAVY = {"clusters_sharing_partners[located]"}


def bench_params(picks: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Parameters per query (several cases for some), from what the generator picked."""
    return {
        "bridging_people": {"min_clusters": 2},
        "changes_since": {"since": picks["since"]},  # the default page: the newest 1,000
        "changes_since[all]": {"since": picks["since"], "limit": 0},  # every change since the date
        "cluster_anchors": {"cluster": picks["cluster"]},
        "cluster_overview": {},
        "cluster_profile": {"cluster": picks["cluster"]},
        "clusters_sharing_partners": {"min_shared": 2},
        "clusters_sharing_partners[located]": {"min_shared": 5, "include_located": True},
        "co_mentions": {"entity": picks["entity"], "min_docs": 2},
        "co_mentions[all]": {"min_docs": 3, "limit": 1000},
        "companies_without_anchor_partner": {"cluster": picks["cluster"]},
        "entity_neighbours": {"entity": picks["org"]},
        "entity_search": {"text": picks["search"]},
        # part of a word (only the substring branch finds it), and two letters (a prefix of the n-gram keys)
        "entity_search[part]": {"text": picks["search"].split()[0][2:]},
        "entity_search[two]": {"text": "AI"},
        "funding_flows": {"cluster": picks["cluster"]},
        "graph_health": {"limit": 1000},
        "org_ranking": {"by": "documents", "limit": 20},
        "partnership_network": {"org": picks["org"], "depth": 2},
        "partnership_network[hub]": {"org": picks["hub"], "depth": 1},
        "programmes_by_cluster": {"cluster": picks["cluster"]},
        "relationship_evidence": {"source": picks["edge_source"], "target": picks["edge_target"]},
        "shortest_connection": {"source": picks["person"], "target": picks["person2"], "max_hops": 6, "paths": 3},
    }


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def lift_socket_timeout(store: Any) -> bool:
    """The embedded client stops reading after 5 s; lift that so slow queries are timed, not failed."""
    try:
        pool = store._db.client.connection_pool
        pool.connection_kwargs["socket_timeout"] = None
        pool.reset()  # new connections take the new setting
        return True
    except AttributeError:
        return False


def wait_for_indexes(store: Any, timeout: float = 1800) -> float:
    """Wait until every index is usable (the engine fills new ones in the background); seconds waited."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        try:
            states = [r["status"] for r in store.read("CALL db.indexes() YIELD status RETURN status")]
        except Exception:  # a backend without db.indexes(): nothing to wait for
            return 0.0
        if all(s == "OPERATIONAL" for s in states):
            break
        time.sleep(1)
    return time.perf_counter() - t0


def ready_graph(store: Any) -> None:
    """Ready a synthetic graph opened by ``open_or_build`` as the catalog reads it: today's indexes (a graph built
    by an older aikg gets them), kept profiles and name keys, filled indexes and no socket timeout."""
    store.apply_schema()
    keep_profiles(store)
    wait_for_indexes(store)
    lift_socket_timeout(store)


def keep_profiles(store: Any) -> float:
    """Compute the cluster profiles ``aikg ingest`` keeps (graph/summaries.py) and the name keys the loader writes
    (graph/name_keys.py): the synthetic graph is written without the loader; seconds taken for the profiles, 0
    when every cluster already has one."""
    from aikg.graph import name_keys, summaries

    t0 = time.perf_counter()
    if name_keys.missing(store):  # a graph just built by bench/synthetic.py: its entities were written without keys
        name_keys.backfill(store)
        print(f"  kept the name keys of every entity in {time.perf_counter() - t0:.1f}s (what the loader writes)", flush=True)
        t0 = time.perf_counter()
    computed = summaries.refresh_profiles(store)
    seconds = time.perf_counter() - t0
    if computed:
        print(f"  kept the profiles of {computed:,} clusters in {seconds:.1f}s (what the end of an ingest run does)",
              flush=True)
    return seconds


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, so a reader can judge how busy the machine was."""
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # not available on this platform
        return "unknown"


def server_memory(store: Any) -> int | None:
    """Peak memory the embedded server reports (bytes), when it can be asked."""
    try:
        return int(store._db.client.info("memory")["used_memory_peak"])
    except Exception:  # a different backend or client: not worth failing the bench
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=500_000, help="relationships between entities (mentions extra)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query (after one warm-up)")
    parser.add_argument("--home", type=Path, help="store directory (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep a temporary home for another run")
    parser.add_argument("--queries", help="comma-separated subset, e.g. partnership_network,co_mentions[all]")
    parser.add_argument("--heavy", action="store_true", help=f"also run {', '.join(sorted(HEAVY))}")
    parser.add_argument("--keep-socket-timeout", action="store_true",
                        help="keep the embedded client's 5 s read timeout (slow queries then fail)")
    args = parser.parse_args(argv)

    from aikg.queries.catalog import load_catalog, run_query

    home = args.home or Path(tempfile.mkdtemp(prefix="aikg-bench-"))
    t0 = time.perf_counter()
    store, info = open_or_build(home, args.entities, args.relations, progress=lambda m: print(f"  {m}", flush=True))
    store.apply_schema()  # a graph built by an older aikg gets the indexes the queries now start from
    build_s = time.perf_counter() - t0
    keep_profiles(store)
    waited = wait_for_indexes(store)
    if waited > 1:
        print(f"  waited {waited:.0f}s for the indexes to be filled", flush=True)
    if not args.keep_socket_timeout:
        lift_socket_timeout(store)
    catalog = load_catalog()
    cases = bench_params(info.picks)
    missing = sorted(set(catalog.names()) - {c.split("[")[0] for c in cases})
    if missing:
        print(f"warning: no bench parameters for {', '.join(missing)}", file=sys.stderr)
    if args.queries:
        wanted = set(args.queries.split(","))
        cases = {k: v for k, v in cases.items() if k in wanted or (k.split("[")[0] in wanted and k not in HEAVY)}
    elif not args.heavy:
        cases = {k: v for k, v in cases.items() if k not in HEAVY}
    try:
        stats = store.stats()
        print(f"graph: {stats.node_total:,} nodes ({info.entities:,} entities, {info.documents:,} documents), "
              f"{stats.relationship_total:,} relationships ({stats.relationship_total - stats.relationships.get('MENTIONS', 0):,} "
              f"between entities); ready in {build_s:.1f}s (home {home})")
        print(f"load average at start: {load_average()} (2 cores: above 2, other work shares the machine)")
        print(f"{'query':34} {'rows':>7} {'median ms':>10} {'p95 ms':>10}")
        for case, params in cases.items():
            name = case.split("[")[0]
            times = []
            try:
                rows = len(run_query(store, name, params, catalog=catalog))  # warm-up
                for _ in range(args.runs):
                    start = time.perf_counter()
                    run_query(store, name, params, catalog=catalog)
                    times.append((time.perf_counter() - start) * 1000)
            except Exception as exc:  # report and go on with the next query
                print(f"{case:34} failed: {type(exc).__name__}: {str(exc)[:120]}", flush=True)
                continue
            print(f"{case:34} {rows:>7} {statistics.median(times):>10.1f} {p95(times):>10.1f}", flush=True)
        print(f"load average at end: {load_average()}")
        peak_py = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        server = server_memory(store)
        print(f"peak memory: python {peak_py:,.0f} MB" +
              (f", store server {server / 2**20:,.0f} MB" if server else ""))
    finally:
        store.close()
        if args.home is None and not args.keep:
            shutil.rmtree(home, ignore_errors=True)
        elif args.keep:
            print(f"kept {home}; re-run with --home {home}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
