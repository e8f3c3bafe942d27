"""Entity resolution and the table path at 1x and 10x: seconds, peak memory, growth ratio.

    python -m bench.bench_resolve [--entities 10000] [--factor 10] [--rows 10000]

Resolution: generated mentions of N distinct organisations and people (each named two or
three times in different documents, written with legal suffixes, "The", possessives, slips and
acronyms; many names a letter apart, such as "<Name> Institute for AI" families), with a
relation per sentence, through ``merge_mentions``. Table path: a generated indicator CSV of
N metros (one per row, names that share words) through the table loader and resolution
against its entities, as ``aikg extract`` does. Each size runs in its own process, so the
peak memory is that size's own; the ratio is of CPU seconds (the wall clock on a shared
machine measures the neighbours too). Work that grows as n·log n gives a time ratio near
factor × log(10n)/log(n) (12.5 for 10k → 100k); all-pairs comparison would give ~100.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import peak_rss_mb, table, timed

BENCH_ARGS = ["--entities", "2000", "--rows", "2000"]  # the scale `make bench` uses
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
    from aikg.core.facts import EntityRecord
    from aikg.ingest.loaders.table import load_csv
    from aikg.ingest.nlp.resolve import KnownEntity, merge_mentions
    from aikg.ingest.pipeline import merge_records

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "indicators.csv"
        indicator_csv(path, rows)
        data = path.read_bytes()

    def extract() -> list:  # Pipeline.extract for a table: loader facts, resolution against them, merge
        doc = load_csv(path, data)
        known = [KnownEntity(f.id, f.type, f.name, tuple(f.aliases)) for f in doc.facts if isinstance(f, EntityRecord)]
        return merge_records([doc.record(), *doc.facts, *merge_mentions([], known=known)])

    cpu = time.process_time()
    seconds, records = timed(extract)
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "records": len(records), "mentions": rows}


def child(kind: str, n: int) -> None:
    result = run_resolution(n) if kind == "resolution" else run_table(n)
    result["peak_mb"] = peak_rss_mb()
    print(json.dumps(result))


def measure(kind: str, n: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.bench_resolve", "--child", kind, str(n)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    rows = []
    for kind, base in (("resolution", args.entities), ("table", args.rows)):
        small, large = measure(kind, base), measure(kind, base * args.factor)
        bound = args.factor * math.log(base * args.factor) / math.log(base)
        for n, r in ((base, small), (base * args.factor, large)):
            rows.append({"path": kind, "entities": f"{n:,}", "mentions/rows": f"{r['mentions']:,}",
                         "seconds": round(r["seconds"], 2), "CPU seconds": round(r["cpu"], 2),
                         "peak MB": round(r["peak_mb"]),
                         "CPU time ratio": "" if n == base else f"{large['cpu'] / small['cpu']:.1f}x "
                                                                 f"(n log n: {bound:.1f}x)"})
    print("### Entity resolution and the table path\n")
    print(table(rows))


if __name__ == "__main__":
    main()
