"""Entity resolution and the table path at 1x and 10x: seconds, peak memory, growth ratio.

    python -m bench.bench_resolve [--entities 10000] [--factor 10] [--rows 10000] [--every-known-large]

Four paths, each size in its own process (so the peak memory is that size's own):

- **resolution, one call**: generated mentions of N distinct organisations and people (each
  named two or three times in different documents, written with legal suffixes, "The", slips;
  many names a letter apart, such as "<Name> Institute for AI" families), with a relation per
  sentence, through one ``merge_mentions`` call.
- **corpus in chunks**: the same mentions as an ingest meets them, 100 documents (2,000
  mentions) a chunk, each chunk resolved against the run's ``KnownIndex`` (the store's
  entities, then every earlier chunk's), its entities added after it.
- **every known entity** (the baseline, measured in the same run): the same chunks with every
  known entity taking part in every chunk, as the ingest did before the index; at the small
  size only unless ``--every-known-large`` (it grows with the square of the corpus).
- **table**: ``aikg extract`` of a generated indicator CSV of N metros (one per row, names
  that share words) to JSONL, through ``extract_paths`` after a warm-up on a one-row table
  (start-up excluded; the peak includes what the warm-up loaded, shown as "start MB").

The ratio is of CPU seconds (the wall clock on a shared machine measures the neighbours too).
Work that grows as n·log n gives a ratio near factor × log(10n)/log(n) (12.5 for 10k → 100k);
all-pairs comparison would give ~100. "last/first chunk" compares the CPU time of the last
tenth of the chunks with the first tenth: flat when a chunk's cost does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import peak_rss_mb, table, timed

CHUNK_DOCS = 100  # documents a chunk, as `aikg ingest` (chunk_size)

BENCH_ARGS = ["--entities", "2000", "--rows", "2000"]  # the scale `make bench` uses (about 30 s)
SYLLABLES = ["ka", "lo", "mi", "ra", "ne", "to", "vi", "sa", "de", "pu", "zo", "ri", "ban", "tel", "mor", "gra",
             "ven", "dal", "ash", "bri", "cor", "fen", "hal", "ist", "lum", "nor", "qui", "tor", "wes", "yar"]
KINDS = [("Institute", "{} Institute for AI"), ("Company", "{} Robotics Labs"), ("Company", "{} Data Inc."),
         ("Institute", "{} Centre for Computing"), ("Agency", "{} Innovation Agency"), ("Person", "{} Okafor")]


def _word(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.choice((2, 3, 3, 4)))).title()


def mention_facts(n: int, seed: int = 7) -> list:
    """DocFacts naming ``n`` distinct entities, 20 mentions to a document."""
    from aikg.ingest.nlp.records import DocFacts, MentionFact, RelationCandidate

    rnd = random.Random(seed)
    names: set[str] = set()
    entities = []
    while len(entities) < n:
        etype, pattern = KINDS[len(entities) % len(KINDS)]
        name = pattern.format(_word(rnd))
        if name not in names:
            names.add(name)
            entities.append((etype, name))
    forms = []
    for etype, name in entities:
        variants = [name, name, f"The {name}" if etype != "Person" else name]
        if rnd.random() < 0.1 and etype != "Person":
            w = name.split()[0]
            variants[1] = name.replace(w, w[:2] + w[3:] if len(w) > 6 else w, 1)  # a dropped letter
        forms += [(etype, v) for v in variants[: rnd.choice((2, 3))]]
    rnd.shuffle(forms)
    docs = []
    for d in range(0, len(forms), 20):
        ments, rels, pos = [], [], 0
        for k, (etype, text) in enumerate(forms[d:d + 20]):
            ments.append(MentionFact(text, pos, pos + len(text), etype, "ner", text))
            if k % 2 == 1 and ments[-2].type != "Person" and etype != "Person":
                rels.append(RelationCandidate("PARTNERS_WITH", k - 1, k, 0.8, "bench", pos - 40, pos + len(text) + 1, "s."))
            pos += len(text) + 40
        docs.append(DocFacts(f"doc{d:08d}", ments, rels))
    return docs


def run_resolution(n: int) -> dict:
    from aikg.ingest.nlp.resolve import merge_mentions

    facts = mention_facts(n)
    cpu = time.process_time()
    seconds, records = timed(lambda: merge_mentions(facts))
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "records": len(records),
            "mentions": sum(len(f.mentions) for f in facts)}


def run_chunks(n: int, every_known: bool = False) -> dict:
    """The corpus a chunk at a time against the run's index (or, ``every_known``, against all known entities)."""
    from aikg.core.facts import EntityRecord
    from aikg.ingest.nlp.resolve import KnownEntity, KnownIndex, merge_mentions

    class EveryKnown(KnownIndex):
        def relevant(self, nodes, decisions=None):  # type: ignore[no-untyped-def]
            return list(self)

    facts = mention_facts(n)
    index = EveryKnown() if every_known else KnownIndex()
    cpu_per_chunk, records = [], 0
    started, cpu = time.perf_counter(), time.process_time()
    for c in range(0, len(facts), CHUNK_DOCS):
        t = time.process_time()
        out = merge_mentions(facts[c:c + CHUNK_DOCS], known=index)
        index.add(KnownEntity(e.id, e.type, e.name, tuple(e.aliases)) for e in out if isinstance(e, EntityRecord))
        cpu_per_chunk.append(time.process_time() - t)
        records += len(out)
    tenth = max(1, len(cpu_per_chunk) // 10)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "records": records,
            "mentions": sum(len(f.mentions) for f in facts), "known": len(index),
            "last/first": sum(cpu_per_chunk[-tenth:]) / max(sum(cpu_per_chunk[:tenth]), 1e-9)}


def indicator_csv(path: Path, rows: int, seed: int = 11) -> None:
    rnd = random.Random(seed)
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as out:
        out.write("metro_area,country,indicator,value,year,source\n")
        while len(seen) < rows:
            metro = f"{_word(rnd)} {rnd.choice(['Metro Area', 'Valley', 'Bay Area', 'City Region', 'Corridor'])}"
            if metro in seen:
                continue
            seen.add(metro)
            out.write(f"{metro},Country {len(seen) % 40},ai_job_postings_share,{rnd.random() * 9:.2f},2024,"
                      f"Survey {len(seen)}\n")


def run_table(rows: int) -> dict:
    """``aikg extract`` of a table (``extract_paths``), after a warm-up on a one-row table."""
    from aikg.ingest.pipeline import extract_paths

    with tempfile.TemporaryDirectory() as tmp:
        warm, path = Path(tmp) / "warm.csv", Path(tmp) / "indicators.csv"
        indicator_csv(warm, 1, seed=1)
        indicator_csv(path, rows)
        extract_paths([warm], io.StringIO(), show_progress=False)
        start_mb = peak_rss_mb()
        out = io.StringIO()
        cpu = time.process_time()
        seconds, summary = timed(lambda: extract_paths([path], out, show_progress=False))
        cpu = time.process_time() - cpu
    if summary.failures:
        raise SystemExit(f"table extract failed: {summary.failures}")
    return {"seconds": seconds, "cpu": cpu, "records": out.getvalue().count("\n"), "mentions": rows,
            "start_mb": start_mb}


RUNS = {"resolution": run_resolution, "chunks": run_chunks, "every": lambda n: run_chunks(n, every_known=True),
        "table": run_table}
LABELS = {"resolution": "resolution, one call", "chunks": "corpus in chunks (index)",
          "every": "corpus in chunks, every known entity (before)", "table": "table (aikg extract)"}


def child(kind: str, n: int) -> None:
    result = RUNS[kind](n)
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))


def measure(kind: str, n: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.bench_resolve", "--child", kind, str(n)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _row(kind: str, n: int, r: dict, ratio: str) -> dict:
    return {"path": LABELS[kind], "entities/rows": f"{n:,}", "mentions/rows": f"{r['mentions']:,}",
            "seconds": round(r["seconds"], 2), "CPU seconds": round(r["cpu"], 2), "peak MB": round(r["peak_mb"]),
            "start MB": round(r["start_mb"]) if "start_mb" in r else "",
            "last/first chunk": f"{r['last/first']:.2f}" if "last/first" in r else "", "CPU ratio": ratio}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--every-known-large", action="store_true",
                        help="also run the every-known-entity baseline at the large size (slow: quadratic)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    rows, notes = [], []
    for kind, base in (("resolution", args.entities), ("chunks", args.entities), ("every", args.entities),
                       ("table", args.rows)):
        large_n = base * args.factor
        small = measure(kind, base)
        large = measure(kind, large_n) if kind != "every" or args.every_known_large else None
        bound = args.factor * math.log(large_n) / math.log(base)
        rows.append(_row(kind, base, small, ""))
        if large is not None:
            rows.append(_row(kind, large_n, large, f"{large['cpu'] / small['cpu']:.1f}x (n log n: {bound:.1f}x)"))
        if kind == "chunks":
            chunks_small = small
        if kind == "every":
            notes.append(f"At {base:,} entities the index resolves the corpus in chunks in "
                         f"{chunks_small['cpu'] / small['cpu']:.2f}x the CPU time of every known entity "
                         f"({chunks_small['cpu']:.1f} s vs {small['cpu']:.1f} s), with the same records.")
    print("### Entity resolution and the table path\n")
    print(table(rows))
    print("\n".join(notes))


if __name__ == "__main__":
    main()
