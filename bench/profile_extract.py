"""Where one process's extraction time goes: cProfile of ``Extractor.extract_many`` over the dev texts.

Prints the share of the run spent in the two spaCy passes (entity pass, parse pass), in the rules
(everything else under ``_run_batch``), and the top functions by own time and by cumulative time.
Shares and call counts, not seconds, are what to compare on a shared machine.

    .venv/bin/python -m bench.profile_extract [--words 20000] [--top 30] [--out /tmp/extract.prof]
    .venv/bin/python -m bench.profile_extract --sampler   # pyinstrument (dev extra): no per-call overhead
    .venv/bin/python -m bench.profile_extract --cpu       # cProfile on CPU time (a loaded machine)
    .venv/bin/python -m bench.profile_extract --stages    # CPU per stage, clock around the stages only

``--cpu`` reads the CPU clock (a system call) at every Python call, so small functions look dearer than they
are; ``--stages`` (bench/stage_costs.py) times only the stages and is the one to rank rule modules by.

``--timing`` runs without a profiler and times only the two spaCy passes (the time spent inside their
generators), so the share of the rules is not inflated by cProfile's cost per Python call; it then runs
bench_extract's plain NER on the same texts and prints the ratio, and the ratio the two spaCy passes alone
would allow (the ceiling of any speed-up of the rules).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import stage_costs  # noqa: E402
from bench.bench_extract import count_words, sample_texts  # noqa: E402

#: functions whose cumulative time is one pass of spaCy (its Python generator wraps the whole pipe)
PASSES = {"ents": ("pipeline.py", "ents"), "parse": ("pipeline.py", "parse")}


def scale_texts(words: int) -> list[str]:
    """About ``words`` words of bench_scale's generated documents (seed 7, as it writes them)."""
    from bench.scale_corpus import ScaleCorpus

    return [text for _name, text in ScaleCorpus(7).documents(words)]


def _cum(stats: pstats.Stats, file_end: str, name: str) -> float:
    total = 0.0
    for (path, _line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if path.endswith(file_end) and func == name:
            total += ct
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--out", default="", help="also write the raw profile here (pstats format)")
    ap.add_argument("--sampler", action="store_true", help="pyinstrument's sampling profiler instead of cProfile")
    ap.add_argument("--timing", action="store_true", help="no profiler: time the spaCy passes only")
    ap.add_argument("--cpu", action="store_true",
                    help="cProfile counts this process's CPU time, not wall time (on a loaded machine the wall "
                         "clock also counts the time other processes held the cores)")
    ap.add_argument("--stages", action="store_true",
                    help="no profiler: CPU seconds of each stage (bench/stage_costs.py), for a loaded machine")
    ap.add_argument("--scale", action="store_true",
                    help="generated documents of bench.scale_corpus (as bench_scale ingests) instead of the dev texts")
    args = ap.parse_args()

    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.nlp import Extractor

    texts = scale_texts(args.words) if args.scale else sample_texts(args.words)
    docs = [LoadedDocument(id=f"p-{i}", source="bench", title="", kind="text", text=t) for i, t in enumerate(texts)]
    ex = Extractor()
    ex.extract(docs[0])  # load outside the profile
    if args.timing:
        return _timing(ex, docs)
    if args.stages:
        return stage_costs.run(ex, docs, args.top)
    if args.sampler:
        from pyinstrument import Profiler

        sampler = Profiler(interval=0.001)
        sampler.start()
        list(ex.extract_many(docs))
        sampler.stop()
        if args.out:
            sampler.last_session.save(args.out)
        print(sampler.output_text(unicode=False, color=False))
        return
    prof = cProfile.Profile(time.process_time) if args.cpu else cProfile.Profile()
    prof.enable()
    list(ex.extract_many(docs))
    prof.disable()
    if args.out:
        prof.dump_stats(args.out)
    stats = pstats.Stats(prof)
    total = _cum(stats, "extractor.py", "_run_batch")
    ents = _cum(stats, *PASSES["ents"])
    parse = _cum(stats, *PASSES["parse"])
    print(f"{len(texts)} documents, {count_words(texts)} words; profiled total {total:.1f} s")
    print(f"entity pass {ents / total:.0%}, parse pass {parse / total:.0%}, rules and the rest "
          f"{(total - ents - parse) / total:.0%}")
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


def _timed(gen_fn, spent: list[float]):  # noqa: ANN001, ANN202
    """Wrap a pass's generator so the wall and CPU time spent inside it add up in ``spent``."""
    def run(*a, **k):  # noqa: ANN002, ANN003, ANN202
        it = gen_fn(*a, **k)
        while True:
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                spent[0] += time.perf_counter() - t0
                spent[1] += time.process_time() - c0
            yield item
    return run


def _timing(ex, docs) -> None:  # noqa: ANN001
    """Shares of the spaCy passes and of the rest, measured with the clock only (wall and this process's CPU)."""
    ents, parse = [0.0, 0.0], [0.0, 0.0]
    ex._pipes.ents = _timed(ex._pipes.ents, ents)
    ex._pipes.parse = _timed(ex._pipes.parse, parse)
    t0, c0 = time.perf_counter(), time.process_time()
    list(ex.extract_many(docs))
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words in {total:.1f} s wall, {cpu:.1f} s CPU "
          f"({words / cpu:,.0f} words per CPU second, 1 process)")
    for name, k, whole in (("wall", 0, total), ("CPU", 1, cpu)):
        rest = whole - ents[k] - parse[k]
        print(f"{name}: entity pass {ents[k]:.2f} s ({ents[k] / whole:.0%}), parse pass {parse[k]:.2f} s "
              f"({parse[k] / whole:.0%}), rules and the rest {rest:.2f} s ({rest / whole:.0%})")
    ner = _ner_cpu([d.text for d in docs])
    print(f"plain NER (bench_extract's, same texts, this process) {ner:.2f} s CPU: full/NER {ner / cpu:.2f}; "
          f"with rules that cost nothing it would be {ner / (ents[1] + parse[1]):.2f} (the two spaCy passes alone)")


def _ner_cpu(texts: list[str]) -> float:
    """CPU seconds of bench_extract's plain NER (the model's ``ner`` alone) over the same texts, one process."""
    import bench.bench_extract as be

    return be.bench_ner(texts, 1).cpu


if __name__ == "__main__":
    main()
