"""Where a catalog query's time goes on the embedded store: engine, transport, client parsing, conversion, hook.

    python -m bench.profile_query --home /tmp/aikg-bench --queries changes_since,funding_flows --runs 3

For each case (``bench.bench_queries`` parameters) one run is split into: the engine's own execution time (the
"internal execution time" it reports), the raw reply received (the rest of the engine's reply, the socket,
hiredis), decoding the rows into Python values (graph/backends/embedded_reply.py, as ``EmbeddedStore.read``; with
``--client-parser`` the FalkorDB client's parser and ``to_python``, as before it), the DataFrame, and the hook. Reply size in bytes and
rows are printed too, and the statement's ``GRAPH.PROFILE`` with ``--profile`` (then also its time summed by kind of operator).

    python -m bench.profile_query --home /tmp/aikg-bench --queries funding_flows --against e4fc795 --runs 5

``--against-hooks REV`` does the same with one catalog and read path, the hooks (queries/hooks) of REV against
today's. ``--against REV`` times whole runs instead (``run_query``, as ``bench.bench_queries``), alternating: the catalog
of REV read through the client's parser (the read path before embedded_reply) against the current catalog and
read path, with both p95s, their ratio and whether the rows are the same. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_queries import HEAVY, bench_params, ready_graph  # noqa: E402
from bench.compare_queries import hooks_at  # noqa: E402
from bench.synthetic import open_or_build  # noqa: E402


def _size(reply: Any) -> int:
    """Bytes of strings in a raw reply (a rough measure of what crossed the socket)."""
    if isinstance(reply, (bytes, str)):
        return len(reply)
    if isinstance(reply, (list, tuple)):
        return sum(_size(x) for x in reply)
    return 8


def split_once(store: Any, name: str, params: dict, catalog: Any, client_parser: bool = False) -> dict[str, float]:
    """One run of ``name`` timed part by part (milliseconds), as ``run_query`` runs it; ``client_parser``: decode
    the reply with the FalkorDB client's parser and ``to_python`` (the store's read before embedded_reply)."""
    from falkordb.query_result import QueryResult

    from aikg.core.collector import collector_paused
    from aikg.graph.backends import embedded_reply
    from aikg.graph.backends.convert import to_python
    from aikg.graph.backends.embedded_params import header as params_header
    from aikg.queries.catalog import _hook, frame, with_entity_ids

    query = catalog.get(name)
    t0 = time.perf_counter()
    values = with_entity_ids(store, query, query.bind(params))
    send = {p.name: values[p.name] for p in query.params if not p.hook}
    hook = _hook(query) if query.hook else None
    if hook is not None:
        send = hook.prepare(store, query, values, send)
    text = params_header(send) + query.cypher(store.backend)
    t1 = time.perf_counter()
    with nullcontext() if client_parser else collector_paused():  # as EmbeddedStore.read reads (embedded_reply.read)
        reply = store._db.connection.execute_command("GRAPH.RO_QUERY", store._graph.name, text, "--compact")
        t2 = time.perf_counter()
        rows = None if client_parser else embedded_reply.plain_rows(reply)
    if rows is None:
        result = QueryResult(store._graph, reply)
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        rows = [{col: to_python(val) for col, val in zip(header, row)} for row in result.result_set]
    t3 = time.perf_counter()
    df = frame(rows)
    t4 = time.perf_counter()
    if hook is not None:
        df = hook.finish(df, query, values)
    t5 = time.perf_counter()
    stats = reply[-1] if isinstance(reply, list) else []
    engine = next((float(s.split(": ")[1].split(" ")[0]) for s in stats if "execution time" in str(s)), 0.0)
    return {"prepare": (t1 - t0) * 1000, "engine": engine, "reply": (t2 - t1) * 1000 - engine,
            "decode": (t3 - t2) * 1000, "frame": (t4 - t3) * 1000, "hook": (t5 - t4) * 1000,
            "total": (t5 - t0) * 1000, "rows": len(df), "bytes": _size(reply)}


def paired(store: Any, cases: dict[str, dict], old_catalog: Any, new_catalog: Any, runs: int) -> None:
    """Whole runs, alternating: the old catalog with the client's parser, the current one with the current read."""
    from aikg.graph.backends import embedded_reply
    from aikg.queries.catalog import run_query
    from bench.bench_queries import p95
    from bench.compare_queries import _same

    plain = embedded_reply.plain_rows

    def timed(catalog: Any, old: bool, name: str, params: dict) -> tuple[float, Any]:
        embedded_reply.plain_rows = (lambda reply: None) if old else plain
        try:
            start = time.perf_counter()
            df = run_query(store, name, params, catalog=catalog)
            return (time.perf_counter() - start) * 1000, df
        finally:
            embedded_reply.plain_rows = plain

    print(f"{'query':30} {'rows':>6} {'before p95 ms':>14} {'after p95 ms':>13} {'after/before':>13}  rows")
    for case, params in cases.items():
        name = case.split("[")[0]
        _, df_old = timed(old_catalog, True, name, params)  # warm-up, and the rows to compare
        _, df_new = timed(new_catalog, False, name, params)
        before, after = [], []
        for _ in range(runs):
            before.append(timed(old_catalog, True, name, params)[0])
            after.append(timed(new_catalog, False, name, params)[0])
        print(f"{case:30} {len(df_new):>6} {p95(before):>14.1f} {p95(after):>13.1f} {p95(after) / p95(before):>13.2f}  "
              f"{'same' if _same(df_old, df_new) else 'DIFFERENT'}", flush=True)


SPLIT_PARTS = ("prepare", "engine", "reply", "decode", "frame", "hook", "total")


def split_paired(store: Any, cases: dict[str, dict], old_catalog: Any, new_catalog: Any, runs: int) -> None:
    """Each case split into parts, the old catalog's text and today's alternating on the same read path (medians)."""
    print(f"{'query':30} {'catalog':8} {'rows':>6} {'reply KB':>9} " + " ".join(f"{p:>8}" for p in SPLIT_PARTS)
          + "   (median ms)")
    for case, params in cases.items():
        name = case.split("[")[0]
        split_once(store, name, params, old_catalog)  # warm-up
        split_once(store, name, params, new_catalog)
        timed: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
        for _ in range(runs):
            timed["before"].append(split_once(store, name, params, old_catalog))
            timed["after"].append(split_once(store, name, params, new_catalog))
        for which, got in timed.items():
            med = {p: statistics.median(r[p] for r in got) for p in SPLIT_PARTS}
            print(f"{case:30} {which:8} {got[0]['rows']:>6} {got[0]['bytes'] / 1024:>9,.0f} "
                  + " ".join(f"{med[p]:>8.1f}" for p in SPLIT_PARTS), flush=True)


def paired_hooks(store: Any, cases: dict[str, dict], catalog: Any, old_hooks: dict[str, Any], runs: int) -> None:
    """Whole runs, alternating: the same catalog and read path with the hooks of another revision and today's."""
    from aikg.queries import catalog as catalog_module
    from aikg.queries.catalog import run_query
    from bench.bench_queries import p95
    from bench.compare_queries import _same

    today = catalog_module._hook
    in_hooks = [0.0]

    class Timed:
        """A hook whose finish is timed (prepare and finish as the wrapped module's)."""

        def __init__(self, module: Any) -> None:
            self.module = module

        def prepare(self, *args: Any) -> Any:
            return self.module.prepare(*args)

        def finish(self, *args: Any) -> Any:
            start = time.perf_counter()
            try:
                return self.module.finish(*args)
            finally:
                in_hooks[0] += time.perf_counter() - start

    def timed(old: bool, name: str, params: dict) -> tuple[float, float, Any]:
        catalog_module._hook = lambda query: Timed(old_hooks.get(query.hook) if old and query.hook in old_hooks
                                                   else today(query))
        in_hooks[0] = 0.0
        try:
            start = time.perf_counter()
            df = run_query(store, name, params, catalog=catalog)
            return (time.perf_counter() - start) * 1000, in_hooks[0] * 1000, df
        finally:
            catalog_module._hook = today

    print(f"{'query':30} {'rows':>6} {'before p95 ms':>14} {'after p95 ms':>13} {'after/before':>13} "
          f"{'finish median ms before / after':>32}  rows")
    for case, params in cases.items():
        name = case.split("[")[0]
        df_old = timed(True, name, params)[2]  # warm-up, and the rows to compare
        df_new = timed(False, name, params)[2]
        before, after = [], []
        for _ in range(runs):
            before.append(timed(True, name, params)[:2])
            after.append(timed(False, name, params)[:2])
        b, a = p95([x[0] for x in before]), p95([x[0] for x in after])
        hb, ha = statistics.median(x[1] for x in before), statistics.median(x[1] for x in after)
        print(f"{case:30} {len(df_new):>6} {b:>14.1f} {a:>13.1f} {a / b:>13.2f} {f'{hb:.1f} / {ha:.1f}':>32}  "
              f"{'same' if _same(df_old, df_new) else 'DIFFERENT'}", flush=True)


def profile_text(store: Any, name: str, params: dict, catalog: Any) -> str:
    """The engine's GRAPH.PROFILE of the statement as the catalog sends it."""
    from aikg.graph.backends.embedded_params import header as params_header
    from aikg.queries.catalog import _hook, with_entity_ids

    query = catalog.get(name)
    values = with_entity_ids(store, query, query.bind(params))
    send = {p.name: values[p.name] for p in query.params if not p.hook}
    hook = _hook(query) if query.hook else None
    if hook is not None:
        send = hook.prepare(store, query, values, send)
    text = params_header(send) + query.cypher(store.backend)
    lines = store._db.connection.execute_command("GRAPH.PROFILE", store._graph.name, text)
    return "\n".join(x.decode() if isinstance(x, bytes) else str(x) for x in lines)


#: one operator line of GRAPH.PROFILE: its name, the records it produced and its own execution time
OPERATOR = re.compile(r"^\s*([A-Za-z ]+?)(?: \|.*)? \| Records produced: (\d+), Execution time: ([\d.]+) ms")


def by_operator(profile: str) -> str:
    """The profile's time summed by kind of operator (each line's time is its own, not its children's): which
    kind of work dominates a UNION of many branches (scans, expansions, filters), largest first."""
    ms: dict[str, float] = {}
    records: dict[str, int] = {}
    for line in profile.splitlines():
        match = OPERATOR.match(line)
        if match:
            name = match.group(1)
            ms[name] = ms.get(name, 0.0) + float(match.group(3))
            records[name] = records.get(name, 0) + int(match.group(2))
    total = sum(ms.values()) or 1.0
    return "\n".join(f"  {name:24} {ms[name]:9.1f} ms {100 * ms[name] / total:5.1f}% {records[name]:>10,} records"
                     for name in sorted(ms, key=ms.get, reverse=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="the kept synthetic graph (built when missing)")
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", required=True, help="comma-separated cases, e.g. changes_since,funding_flows")
    parser.add_argument("--client-parser", action="store_true",
                        help="decode with the FalkorDB client's parser and to_python (the read path before embedded_reply)")
    parser.add_argument("--against", help="git revision: time whole runs of its catalog with the client's parser "
                        "against the current catalog and read path, alternating")
    parser.add_argument("--profile", action="store_true", help="also print the engine's GRAPH.PROFILE of each")
    parser.add_argument("--split-against", metavar="REV", help="split each run into its parts (as without options) "
                        "for the catalog of REV and today's, alternating, with the same read path: what a new text "
                        "saves in the engine, the reply and the frame")
    parser.add_argument("--against-hooks", metavar="REV", help="time whole runs of the current catalog and read path "
                        "with the hooks (queries/hooks) of REV against today's, alternating")
    args = parser.parse_args(argv)

    from aikg.queries.catalog import load_catalog

    store, info = open_or_build(args.home, args.entities, args.relations, progress=lambda m: print(f"  {m}", flush=True))
    try:
        ready_graph(store)
        catalog = load_catalog()
        wanted = args.queries.split(",")
        cases = {k: v for k, v in bench_params(info.picks).items() if k in wanted or (k.split("[")[0] in wanted and k not in HEAVY)}
        if args.against_hooks:
            from bench.bench_queries import load_average

            print(f"load average at start: {load_average()}")
            old_hooks = hooks_at(args.against_hooks, catalog, [c.split("[")[0] for c in cases])
            paired_hooks(store, cases, catalog, old_hooks, args.runs)
            print(f"load average at end: {load_average()}")
            return 0
        if args.split_against:
            import tempfile

            from bench.bench_queries import load_average
            from bench.compare_queries import catalog_at

            print(f"load average at start: {load_average()}")
            with tempfile.TemporaryDirectory() as folder:
                split_paired(store, cases, load_catalog(catalog_at(args.split_against, Path(folder))), catalog, args.runs)
            print(f"load average at end: {load_average()}")
            return 0
        if args.against:
            import tempfile

            from bench.bench_queries import load_average
            from bench.compare_queries import catalog_at

            print(f"load average at start: {load_average()}")
            with tempfile.TemporaryDirectory() as folder:
                paired(store, cases, load_catalog(catalog_at(args.against, Path(folder))), catalog, args.runs)
            print(f"load average at end: {load_average()}")
            return 0
        parts = ("prepare", "engine", "reply", "decode", "frame", "hook", "total")
        print(f"{'query':30} {'rows':>6} {'reply KB':>9} " + " ".join(f"{p:>8}" for p in parts) + "   (median ms)")
        for case, params in cases.items():
            name = case.split("[")[0]
            split_once(store, name, params, catalog, args.client_parser)  # warm-up
            runs = [split_once(store, name, params, catalog, args.client_parser) for _ in range(args.runs)]
            med = {p: statistics.median(r[p] for r in runs) for p in parts}
            print(f"{case:30} {runs[0]['rows']:>6} {runs[0]['bytes'] / 1024:>9,.0f} "
                  + " ".join(f"{med[p]:>8.1f}" for p in parts), flush=True)
            if args.profile:
                profile = profile_text(store, name, params, catalog)
                print(profile, "by operator (the profile's own times):", by_operator(profile), sep="\n", flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
