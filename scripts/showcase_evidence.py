#!/usr/bin/env python
"""Print every row of the `make demo` showcase with the sentences each of its edges rests on.

Why: issue 14 asks that no showcase row be wrong, and a row is only as right as the edges behind
it. This lays each row's chain out for a reader to judge: for clusters sharing a partner, each
cluster's anchor, the ANCHORS sentence and the PARTNERS_WITH sentence; for people bridging
clusters, the affiliation sentence and how each organisation reaches its cluster; for funding
flows, the FUNDS sentences. It uses only catalog queries, so it reads what an analyst can read.

Usage: ``python scripts/showcase_evidence.py [--home DIR] [--rows 10]`` after ``make demo`` (the
default home is the one ``make demo`` fills).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from aikg.api import store_session
from aikg.demo import SHOWCASE
from aikg.queries.catalog import load_catalog, run_query


def _evidence(store, catalog, a: str, b: str, rtype: str) -> list[str]:
    df = run_query(store, "relationship_evidence", {"source": a, "target": b, "type": rtype}, catalog=catalog)
    return [f"[{row.doc_source} {row.method} {row.confidence:.2f}] {' '.join(str(row.sentence).split())}"
            for row in df.itertuples()]


def _print_edge(store, catalog, a: str, b: str, rtype: str, indent: str = "    ") -> None:
    lines = _evidence(store, catalog, a, b, rtype)
    print(f"{indent}{rtype}({a}, {b}): {len(lines)} sentence(s)")
    for line in lines:
        print(f"{indent}  - {line}")


def _anchors_reaching(store, catalog, cluster: str, partner_id: str) -> Iterable[str]:
    anchors = run_query(store, "cluster_anchors", {"cluster": cluster, "top": 10000}, catalog=catalog)
    for row in anchors.itertuples():
        if _evidence(store, catalog, row.anchor, partner_id, "PARTNERS_WITH"):
            yield row.anchor


def _sharing(store, catalog, df, rows: int) -> None:
    for row in df.head(rows).itertuples():
        print(f"\n* {row.cluster_a_name} – {row.cluster_b_name}: {row.shared} shared ({', '.join(row.shared_partners)})")
        for partner_id, partner in zip(row.shared_partner_ids, row.shared_partners):
            print(f"  partner {partner}")
            for cluster in (row.cluster_a, row.cluster_b):
                for anchor in _anchors_reaching(store, catalog, cluster, partner_id):
                    _print_edge(store, catalog, anchor, cluster, "ANCHORS")
                    _print_edge(store, catalog, anchor, partner_id, "PARTNERS_WITH")


def _bridging(store, catalog, df, rows: int) -> None:
    for row in df.head(rows).itertuples():
        print(f"\n* {row.person_name}: {row.cluster_count} clusters ({', '.join(row.clusters)})")
        ties = run_query(store, "entity_neighbours", {"entity": row.person, "type": "AFFILIATED_WITH"}, catalog=catalog)
        for org in ties.target:
            _print_edge(store, catalog, row.person, org, "AFFILIATED_WITH")
            for cluster in row.clusters:
                for rtype in ("ANCHORS", "LOCATED_IN"):
                    if _evidence(store, catalog, org, cluster, rtype):
                        _print_edge(store, catalog, org, cluster, rtype, indent="      ")


def _funding(store, catalog, df, rows: int) -> None:
    for row in df.head(rows).itertuples():
        print(f"\n* {row.source_name} -> {row.target_name} ({row.support} sentence(s))")
        _print_edge(store, catalog, row.source, row.target, "FUNDS")


AUDITS = {"clusters_sharing_partners": _sharing, "bridging_people": _bridging, "funding_flows": _funding}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", default=None, help="store home (default: the one make demo uses)")
    parser.add_argument("--rows", type=int, default=10, help="rows per showcase query (the demo prints 10)")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    with store_session("embedded", args.home) as store:
        for name, params, _columns in SHOWCASE:
            df = run_query(store, name, params, catalog=catalog)
            print(f"\n== {name}: {len(df)} rows, first {min(len(df), args.rows)} shown by the demo ==")
            AUDITS[name](store, catalog, df, args.rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
