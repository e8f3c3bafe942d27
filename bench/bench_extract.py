"""Words per second of aikg's full extraction against plain spaCy NER of the same pipeline.

Both run in this process on the same text (the dev gold texts repeated to at least
``--words`` words), so machine noise hits them alike. Prints the ratio full/NER (target
≥ 0.7), absolute words/s, and peak memory (max RSS of this process and of its children).

    .venv/bin/python bench/bench_extract.py [--words 50000] [--processes 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_texts(min_words: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/gold/dev").glob("*.txt"))]
    if not base:
        raise SystemExit("no sample texts in tests/data/gold/dev")
    texts: list[str] = []
    words = 0
    while words < min_words:
        for t in base:
            texts.append(t)
            words += len(t.split())
    return texts


def count_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bench_ner(texts: list[str]) -> float:
    import spacy

    from aikg.ingest.nlp.config import ExtractConfig
    from aikg.ingest.nlp.pipeline import model_path

    names = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    nlp = spacy.load(model_path(ExtractConfig()), exclude=names)
    list(nlp.pipe(texts[:4]))  # warm-up
    t0 = time.perf_counter()
    n = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64))
    dt = time.perf_counter() - t0
    assert n > 0
    return count_words(texts) / dt


def bench_full(texts: list[str], processes: int) -> tuple[float, int, int]:
    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.nlp import Extractor

    docs = [LoadedDocument(id=f"bench-{i}", source="bench", title="", kind="text", text=t) for i, t in enumerate(texts)]
    ex = Extractor()
    ex.extract(docs[0])  # load the model outside the timing (forked workers share it)
    t0 = time.perf_counter()
    facts = list(ex.extract_many(docs, n_process=processes))
    dt = time.perf_counter() - t0
    mentions = sum(len(f.mentions) for f in facts)
    relations = sum(len(f.relations) for f in facts)
    return count_words(texts) / dt, mentions, relations


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--processes", type=int, default=2, help="worker processes for the full extraction")
    args = ap.parse_args()
    texts = sample_texts(args.words)
    words = count_words(texts)
    print(f"sample: {len(texts)} documents, {words} words")
    ner = bench_ner(texts)
    print(f"spaCy NER only (ner component, 1 process): {ner:,.0f} words/s")
    results = {}
    for p in sorted({1, args.processes}):
        wps, m, r = bench_full(texts, p)
        results[p] = wps
        print(f"aikg full extraction, {p} process(es): {wps:,.0f} words/s ({m} mentions, {r} relation candidates)")
    best_p = max(results, key=results.get)
    print(f"ratio full/NER: {results[best_p] / ner:.2f} (best: {best_p} process(es)); 1 process: {results[1] / ner:.2f}")
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak memory: {self_kb / 1024:.0f} MB (this process), {child_kb / 1024:.0f} MB (largest child)")


if __name__ == "__main__":
    main()
