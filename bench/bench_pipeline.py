"""End-to-end ingest (load files, extract, resolve, write to the embedded store): docs/s, words/s, memory.

    python -m bench.bench_pipeline [--scale 10] [--chunk-size 10]

The corpus repeats the text samples of ``data/samples`` (Markdown, plain text, EDGAR
text, HTML; or the gold texts of ``tests/data/gold/dev`` when the samples are absent),
each copy made unique by a trailing line so every copy is a new document. Runs 1x (one
copy of each) and ``--scale``x, with ``--n-process`` 1 and 2, each in a fresh process
exactly as `aikg ingest` would (model loading included). The marginal rate between 1x and
10x cancels the fixed start-up cost. Memory: peak RSS of the ingesting process at 1x and
10x; streaming ingest (a chunk at a time) should keep it flat. The embedded store's
server is a separate process and is not counted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import table

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_EXT = {".md", ".txt", ".html"}
BENCH_ARGS: list[str] = []  # the defaults are already small (9 and 90 documents)


def base_texts() -> list[Path]:
    samples = sorted(p for p in (ROOT / "data" / "samples").glob("*") if p.suffix in SAMPLE_EXT and p.name != "README.md")
    return samples or sorted((ROOT / "tests" / "data" / "gold" / "dev").glob("*.txt"))


def make_corpus(folder: Path, copies: int) -> int:
    """Write ``copies`` unique copies of every base text; returns the number of files."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for k in range(copies):
        for src in base_texts():
            text = src.read_text(encoding="utf-8")
            if src.suffix == ".html":
                mark = f"<!-- copy {k} -->"
                text = text.replace("</body>", mark + "</body>", 1) if "</body>" in text else text + mark
            else:
                text = text.rstrip("\n") + f"\n\nCopy {k}.\n"
            (folder / f"{src.stem}-{k:03d}{src.suffix}").write_text(text, encoding="utf-8")
            n += 1
    return n


def _child(corpus: str, n_process: int, chunk_size: int) -> dict:
    """Runs in its own process: one `aikg ingest` of the corpus into a fresh store."""
    import resource

    from aikg.graph.store import open_store
    from aikg.ingestion import ingest_paths

    with tempfile.TemporaryDirectory() as home:
        store = open_store("embedded", home=home)
        store.apply_schema()
        summary = ingest_paths([corpus], store, n_process=n_process, chunk_size=chunk_size, show_progress=False)
        store.close()
    assert not summary.failures, [str(f) for f in summary.failures[:3]]
    return {"docs": summary.documents, "words": summary.words, "secs": summary.seconds,
            "entities": sum(summary.entities_by_type.values()), "relations": sum(summary.relations_by_type.values()),
            "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _measure(corpus: Path, n_process: int, chunk_size: int) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bench.bench_pipeline", "--child", str(corpus), "--n-process",
                           str(n_process), "--chunk-size", str(chunk_size)], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"ingest with n_process={n_process} failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(scale: int, chunk_size: int, processes: list[int]) -> tuple[list[dict], dict]:
    rows, runs = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, scale):
            corpus = Path(tmp) / f"corpus-{copies}x"
            make_corpus(corpus, copies)
            for n in processes:
                r = runs[(copies, n)] = _measure(corpus, n, chunk_size)
                rows.append({"input": f"{copies}x", "n_process": n, "docs": r["docs"], "words": r["words"],
                             "entities": r["entities"], "relations": r["relations"], "s": round(r["secs"], 1),
                             "docs/s": round(r["docs"] / r["secs"], 2), "words/s": round(r["words"] / r["secs"]),
                             "peak MB": round(r["peak"]), "workers peak MB": round(r["peak_children"]) if n > 1 else "-"})
    return rows, runs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="copies of the corpus for the large run")
    parser.add_argument("--chunk-size", type=int, default=10, help="documents per ingest step (`aikg ingest --chunk-size`)")
    parser.add_argument("--processes", default="1,2", help="n_process values to compare")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.n_process, args.chunk_size)))
        return
    processes = [int(p) for p in args.processes.split(",")]
    rows, runs = run(args.scale, args.chunk_size, processes)
    bases = base_texts()
    print("## End-to-end ingest: documents and words per second, memory at 1x and 10x\n")
    print(f"Corpus: {len(bases)} texts from `{bases[0].parent.relative_to(ROOT)}` repeated (unique copies); "
          f"`ingest_paths` into a fresh embedded store, chunks of {args.chunk_size} documents, each run in a new "
          "process (model load included, as `aikg ingest` pays it).\n")
    print(table(rows))
    lines = []
    for n in processes:
        small, big = runs[(1, n)], runs[(args.scale, n)]
        extra_docs, extra_secs = big["docs"] - small["docs"], big["secs"] - small["secs"]
        if extra_secs > 0:
            lines.append(f"- n_process={n}: marginal {extra_docs / extra_secs:.2f} docs/s, "
                         f"{(big['words'] - small['words']) / extra_secs:,.0f} words/s (start-up cost cancelled)")
    if len(processes) > 1:
        a, b = runs[(args.scale, processes[0])], runs[(args.scale, processes[-1])]
        lines.append(f"- n_process={processes[-1]} vs {processes[0]} at {args.scale}x: {a['secs'] / b['secs']:.2f}x the speed")
    one = processes[0]
    lines.append(f"- memory (n_process={one}): peak RSS {runs[(1, one)]['peak']:.0f} MB at 1x, "
                 f"{runs[(args.scale, one)]['peak']:.0f} MB at {args.scale}x "
                 f"({runs[(args.scale, one)]['peak'] / runs[(1, one)]['peak']:.2f}x for {args.scale}x the documents)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
