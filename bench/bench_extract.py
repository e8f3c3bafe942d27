"""Words per second of aikg's full extraction against plain spaCy NER of the same pipeline.

Both run in this process's run on the same text (the dev gold texts repeated to at least
``--words`` words), so machine noise hits them alike. Plain NER is the installed model's own
``ner`` component alone (in the vendored en_core_web_md it carries its own tok2vec): the
component the full extraction's entity pass runs, without our sentencizer, line-break rules,
gazetteer ruler, parse pass and rules. Each is run on 1 process and on ``--processes``
processes (forked workers that return only their results, as the extractor's workers return
facts, not spaCy Docs), so the ratio is printed at the same number of processes, and also as
recorded before (the full extraction at its best against NER on one process). Besides wall
time, CPU seconds (this process and its workers) give a second rate that a busy machine
disturbs less. Peak memory: max RSS of this process and of its children.

    .venv/bin/python -m bench.bench_extract [--words 50000] [--processes 2]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass
class Rate:
    """Words per second of one run, by the wall clock and by CPU seconds (this process and its workers)."""

    words: int
    wall: float
    cpu: float

    @property
    def wps(self) -> float:
        return self.words / self.wall

    @property
    def cpu_wps(self) -> float:
        return self.words / self.cpu


@contextmanager
def timed(words: int, out: list[Rate]) -> Iterator[None]:
    """Wall and CPU time of the block; children count once they have ended (the pools below are joined)."""
    def cpu() -> float:
        me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    t0, c0 = time.perf_counter(), cpu()
    yield
    out.append(Rate(words, time.perf_counter() - t0, cpu() - c0))


_NLP: Any = None  # the NER pipeline, inherited by the forked NER workers


def _ner_task(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in _NLP.pipe(texts, batch_size=64)]


def bench_ner(texts: list[str], processes: int = 1) -> Rate:
    """Plain NER: the model's ``ner`` component alone, on one process or on forked workers (tasks of 4 texts,
    as ``Extractor.extract_many`` hands its workers)."""
    import spacy

    from aikg.ingest.nlp.config import ExtractConfig
    from aikg.ingest.nlp.pipeline import model_path

    global _NLP
    names = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    _NLP = spacy.load(model_path(ExtractConfig()), exclude=names)
    list(_NLP.pipe(texts[:4]))  # warm-up
    out: list[Rate] = []
    with timed(count_words(texts), out):
        if processes == 1:
            n = sum(len(d.ents) for d in _NLP.pipe(texts, batch_size=64))
        else:
            size = max(1, ExtractConfig().batch_size // 16)
            ctx = mp.get_context("fork")
            with ProcessPoolExecutor(max_workers=processes, mp_context=ctx) as pool:
                parts = pool.map(_ner_task, [texts[i:i + size] for i in range(0, len(texts), size)])
                n = sum(len(ents) for part in parts for ents in part)
    assert n > 0
    return out[0]


def bench_full(texts: list[str], processes: int) -> tuple[Rate, int, int]:
    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.nlp import Extractor

    docs = [LoadedDocument(id=f"bench-{i}", source="bench", title="", kind="text", text=t) for i, t in enumerate(texts)]
    ex = Extractor()
    ex.extract(docs[0])  # load the model outside the timing (forked workers share it)
    out: list[Rate] = []
    with timed(count_words(texts), out):
        facts = list(ex.extract_many(docs, n_process=processes))
    mentions = sum(len(f.mentions) for f in facts)
    relations = sum(len(f.relations) for f in facts)
    return out[0], mentions, relations


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--processes", type=int, default=2, help="worker processes for the multi-process runs")
    args = ap.parse_args()
    texts = sample_texts(args.words)
    words = count_words(texts)
    print(f"sample: {len(texts)} documents, {words} words; load average {os.getloadavg()[0]:.1f}")
    counts = sorted({1, args.processes})
    ner = {p: bench_ner(texts, p) for p in counts}
    full: dict[int, Rate] = {}
    for p in counts:
        print(f"spaCy NER only (ner component), {p} process(es): {ner[p].wps:,.0f} words/s "
              f"({ner[p].cpu_wps:,.0f} per CPU second)")
    for p in counts:
        full[p], m, r = bench_full(texts, p)
        print(f"aikg full extraction, {p} process(es): {full[p].wps:,.0f} words/s "
              f"({full[p].cpu_wps:,.0f} per CPU second; {m} mentions, {r} relation candidates)")
    same = ", ".join(f"{p} process(es) {full[p].wps / ner[p].wps:.2f}" for p in counts)
    print(f"ratio full/NER at the same number of processes: {same}; "
          f"by CPU seconds {full[1].cpu_wps / ner[1].cpu_wps:.2f}")
    best_p = max(full, key=lambda p: full[p].wps)
    print(f"ratio full/NER as recorded before (full at its best, {best_p} process(es), against NER on 1 process): "
          f"{full[best_p].wps / ner[1].wps:.2f}; 1 process: {full[1].wps / ner[1].wps:.2f}")
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak memory: {self_kb / 1024:.0f} MB (this process), {child_kb / 1024:.0f} MB (largest child); "
          f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
