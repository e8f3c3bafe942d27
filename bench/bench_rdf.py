"""RDF export throughput and memory: streaming export against building one rdflib Graph, same run.

    python -m bench.bench_rdf [--entities 50000] [--relations 200000] [--formats nt,turtle,json-ld,xml]
                              [--baseline-formats nt,turtle] [--loader]

Builds a synthetic graph in a temporary embedded store (``bench.synthetic``: loader-shaped
rows with evidence, written straight into the store; ``--loader`` loads generated records
through the real loader instead, slower), then exports it in a fresh process per run so
each peak RSS belongs to that run alone: the streaming export in each format, and the
baseline that builds one ``rdflib.Graph`` from the same triples and lets rdflib serialise
it. Prints triples/s, seconds, peak RSS and file size per run, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

TYPES = ["Institute", "Company", "Agency", "Programme", "Person", "Cluster"]
#: the small scale `make bench` runs (bench/__main__.py); the defaults are the full scale
BENCH_ARGS = ["--entities", "5000", "--relations", "20000"]


def synthetic(n_entities: int, n_relations: int, n_docs: int, seed: int = 11):
    """Schema-valid documents, entities (1-2 mentions) and relations (1-2 evidence sentences)."""
    from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
    from aikg.core.ids import entity_id
    from aikg.core.schema import SCHEMA

    rnd = random.Random(seed)
    docs = [DocumentRecord(f"{i:064x}", f"corpus/doc-{i}.html", f"Document {i}", "web", 20_000) for i in range(n_docs)]
    entities = []
    by_type: dict[str, list] = {t: [] for t in TYPES}
    for i in range(n_entities):
        etype = TYPES[i % len(TYPES)]
        name = f"{etype} Nº {i} «Ω»"
        spans = [Mention(docs[rnd.randrange(n_docs)].id, s, s + 12) for s in rnd.sample(range(0, 19_000, 20), rnd.randint(1, 2))]
        props = {"wikidata": f"Q{1000 + i}"} if i % 5 == 0 else {}
        ent = EntityRecord(entity_id(etype, name), etype, name, [f"E{i}"], spans, props)
        entities.append(ent)
        by_type[etype].append(ent)
    relations, seen = [], set()
    kinds = list(SCHEMA.relation_types)
    while len(relations) < n_relations:
        rtype = rnd.choice(kinds)
        spec = SCHEMA.relation_types[rtype]
        src = rnd.choice(by_type[rnd.choice(spec.sources)])
        tgt = rnd.choice(by_type[rnd.choice(spec.targets)])
        key = (rtype, *sorted((src.id, tgt.id))) if spec.symmetric else (rtype, src.id, tgt.id)
        if src.id == tgt.id or key in seen:
            continue
        seen.add(key)
        doc = src.mentions[0].doc
        evidence = [Evidence(doc, s, s + 90, f"{src.name} and {tgt.name}: sentence {len(relations)}-{s}.")
                    for s in sorted(rnd.sample(range(0, 19_000, 100), rnd.randint(1, 2)))]
        relations.append(RelationRecord(rtype, src.id, tgt.id, round(rnd.uniform(0.5, 1.0), 2), "bench:pattern", evidence))
    return docs, entities, relations


def load(home: str, n_entities: int, n_relations: int, *, via_loader: bool = False) -> dict:
    """Fill an empty store in ``home``; returns what is in it."""
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        start = time.perf_counter()
        if via_loader:
            from aikg.graph.loader import load_records

            docs, ents, rels = synthetic(n_entities, n_relations, max(10, n_entities // 25))
            report = load_records(store, docs, ents, rels, batch_size=1000)
            assert not report.errors, report.errors[:3]
        else:
            from bench.synthetic import build

            build(store, n_entities, n_relations)
        seconds = time.perf_counter() - start
        stats = store.stats()
    finally:
        store.close()
    return {"documents": stats.nodes.get("Document", 0), "entities": stats.node_total - stats.nodes.get("Document", 0),
            "relations": stats.relationship_total - stats.relationships.get("MENTIONS", 0),
            "mentions": stats.relationships.get("MENTIONS", 0), "load_s": seconds,
            "how": "loader" if via_loader else "bench.synthetic"}


def child(mode: str, fmt: str, home: str, out: str, page_size: int) -> dict:
    """One export in this (fresh) process; prints its figures as JSON."""
    from aikg.graph.rdf.export import ExportOptions, export_store, export_whole
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)
    try:
        options = ExportOptions(page_size=page_size)
        start = time.perf_counter()
        if mode == "stream":
            report = export_store(store, out, fmt, options)
        else:
            with open(out, "w", encoding="utf-8") as handle:
                report = export_whole(store, handle, fmt, options)
        seconds = time.perf_counter() - start
    finally:
        store.close()
    return {"triples": report.triples, "seconds": seconds, "peak_mb": peak_mb(), "file_mb": os.path.getsize(out) / 2**20}


def peak_mb() -> float:
    """Peak RSS of this process since it started. VmHWM, not ru_maxrss: on Linux a child's
    ru_maxrss starts from its parent's RSS at fork time, which would charge the parent's
    synthetic data to every export."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(mode: str, fmt: str, home: str, page_size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, f"export.{fmt}")
        proc = subprocess.run([sys.executable, "-m", "bench.bench_rdf", "--child", mode, "--format", fmt,
                               "--home", home, "--out", out, "--page-size", str(page_size)],
                              cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} {fmt} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=50_000)
    parser.add_argument("--relations", type=int, default=200_000)
    parser.add_argument("--formats", default="nt,turtle,json-ld,xml", help="streaming formats to run")
    parser.add_argument("--baseline-formats", default="nt,turtle", help="formats for the one-Graph baseline")
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--home", help="reuse a store loaded by an earlier run (skips loading)")
    parser.add_argument("--loader", action="store_true", help="fill the store through the real loader (slower)")
    parser.add_argument("--child", choices=["stream", "whole"], help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.format, args.home, args.out, args.page_size)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        home = args.home or tmp
        if not args.home:
            loaded = load(home, args.entities, args.relations, via_loader=args.loader)
            print(f"store ({loaded['how']}, {loaded['load_s']:.0f}s): {loaded['documents']:,} documents, "
                  f"{loaded['entities']:,} entities, {loaded['relations']:,} relationships, "
                  f"{loaded['mentions']:,} mention edges\n")
        rows, stream, whole = [], {}, {}
        for fmt in [f for f in args.formats.split(",") if f]:
            stream[fmt] = r = run_child("stream", fmt, home, args.page_size)
            rows.append({"export": f"streaming {fmt}", "triples": r["triples"], "s": round(r["seconds"], 1),
                         "triples/s": round(r["triples"] / r["seconds"]), "peak MB": round(r["peak_mb"]),
                         "file MB": round(r["file_mb"])})
        for fmt in [f for f in args.baseline_formats.split(",") if f]:
            whole[fmt] = r = run_child("whole", fmt, home, args.page_size)
            rows.append({"export": f"one rdflib Graph, {fmt}", "triples": r["triples"], "s": round(r["seconds"], 1),
                         "triples/s": round(r["triples"] / r["seconds"]), "peak MB": round(r["peak_mb"]),
                         "file MB": round(r["file_mb"])})
    print("## RDF export: streaming vs one rdflib Graph (embedded store)\n")
    print(table(rows))
    for fmt in sorted(set(stream) & set(whole)):
        s, w = stream[fmt], whole[fmt]
        print(f"{fmt}: streaming is {w['seconds'] / s['seconds']:.1f}x faster and peaks at "
              f"{s['peak_mb'] / w['peak_mb']:.2f}x the memory ({s['peak_mb']:.0f} MB vs {w['peak_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
