"""Paired query latency: the catalog at a git revision against the current one, on one kept graph.

    python -m bench.compare_queries --home /tmp/aikg-bench --against 878852e --runs 3
    python -m bench.compare_queries --home /tmp/aikg-bench --against 878852e --queries org_ranking,graph_health

Old and new text run alternately in one process on the same synthetic graph (``bench/synthetic.py``,
built once and kept), so a busy machine slows both alike; each case prints both p95s, their
ratio, and whether both returned the same rows. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_queries import HEAVY, bench_params, p95, ready_graph  # noqa: E402
from bench.synthetic import open_or_build  # noqa: E402


def catalog_at(revision: str, into: Path) -> Path:
    """The ``queries/catalog`` folder as it was at ``revision``, written into ``into``."""
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{revision}:queries/catalog"],
                           check=True, capture_output=True, text=True).stdout.split()
    for name in names:
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:queries/catalog/{name}"],
                              check=True, capture_output=True, text=True).stdout
        (into / name).write_text(text, encoding="utf-8")
    return into


def hooks_at(revision: str, catalog: Any, names: list[str] | None = None) -> dict[str, Any]:
    """The hook modules of ``catalog`` (of the queries ``names`` only, if given) as they were at ``revision`` (git
    show), loaded beside today's: an old catalog text runs with the hook written for it."""
    import importlib.util

    queries = list(catalog) if names is None else [catalog.get(n) for n in names]
    out = {}
    for hook in sorted({q.hook for q in queries if q.hook}):
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:queries/hooks/{hook}.py"],
                              check=True, capture_output=True, text=True).stdout
        spec = importlib.util.spec_from_loader(f"_old_hook_{hook}", loader=None)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        exec(compile(text, f"{revision}:queries/hooks/{hook}.py", "exec"), module.__dict__)  # noqa: S102
        out[hook] = module
    return out


def _timed(store: Any, name: str, params: dict, catalog: Any, hooks: dict[str, Any] | None = None) -> tuple[float, Any]:
    """One run; with ``hooks``, the catalog's hooks are those modules (the old revision's), and parameters the
    catalog does not declare (a page's limit, new since that revision) are left out."""
    from aikg.queries import catalog as catalog_module
    from aikg.queries.catalog import run_query

    today = catalog_module._hook
    if hooks is not None:
        catalog_module._hook = lambda query: hooks.get(query.hook) or today(query)
        declared = {p.name for p in catalog.get(name).params}
        params = {k: v for k, v in params.items() if k in declared}
    try:
        start = time.perf_counter()
        df = run_query(store, name, params, catalog=catalog)
        return (time.perf_counter() - start) * 1000, df
    finally:
        catalog_module._hook = today


def _same(a: Any, b: Any) -> bool:
    return list(a.columns) == list(b.columns) and a.astype(str).reset_index(drop=True).equals(
        b.astype(str).reset_index(drop=True))


def _verdict(old: Any, new: Any) -> str:
    """same, DIFFERENT, or for a result now paged or reordered (changes_since): whether the new rows are the
    old ones (as a set, or the newest of them for a page) and the total the old row count."""
    if _same(old, new):
        return "same"
    if list(old.columns) != list(new.columns) or "total" not in new.attrs:
        return "DIFFERENT"
    rows = lambda df: sorted(map(tuple, df.astype(str).itertuples(index=False)))  # noqa: E731
    kept = set(rows(new)) <= set(rows(old)) and new.attrs["total"] == len(old)
    newest = len(new) == len(old) or min(new["first_seen"]) >= sorted(old["first_seen"], reverse=True)[len(new) - 1]
    what = "same rows, new order" if len(new) == len(old) else f"newest {len(new):,} of the same {len(old):,}"
    return what if kept and newest else "DIFFERENT"


def compare(store: Any, cases: dict[str, dict], old: Any, new: Any, runs: int,
            old_hooks: dict[str, Any] | None = None) -> None:
    print(f"{'query':34} {'rows':>7} {'before p95 ms':>14} {'after p95 ms':>13} {'after/before':>13}  rows")
    for case, params in cases.items():
        name = case.split("[")[0]
        try:
            _, df_old = _timed(store, name, params, old, old_hooks)  # warm-up, and the rows to compare
            _, df_new = _timed(store, name, params, new)
            t_old, t_new = [], []
            for _ in range(runs):
                t_old.append(_timed(store, name, params, old, old_hooks)[0])
                t_new.append(_timed(store, name, params, new)[0])
        except Exception as exc:  # report and go on with the next query
            print(f"{case:34} failed: {type(exc).__name__}: {str(exc)[:120]}", flush=True)
            continue
        before, after = p95(t_old), p95(t_new)
        print(f"{case:34} {len(df_new):>7} {before:>14.1f} {after:>13.1f} {after / before:>13.2f}  "
              f"{_verdict(df_old, df_new)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="the kept synthetic graph (built when missing)")
    parser.add_argument("--against", required=True, help="git revision of the catalog to compare with")
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", help="comma-separated subset")
    args = parser.parse_args(argv)

    from aikg.queries.catalog import load_catalog

    store, info = open_or_build(args.home, args.entities, args.relations, progress=lambda m: print(f"  {m}", flush=True))
    try:
        ready_graph(store)
        cases = {k: v for k, v in bench_params(info.picks).items() if k not in HEAVY}
        if args.queries:
            cases = {k: v for k, v in cases.items() if k.split("[")[0] in args.queries.split(",")}
        with tempfile.TemporaryDirectory() as folder:
            old = load_catalog(catalog_at(args.against, Path(folder)))
            compare(store, cases, old, load_catalog(), args.runs, hooks_at(args.against, old))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
