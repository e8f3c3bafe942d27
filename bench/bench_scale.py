"""End to end on a corpus whose graph grows: `aikg ingest` of generated documents, 1 and 2 processes (issue 18).

    python -m bench.bench_scale [--words 1000000] [--sizes 100000,1000000] [--processes 1,2] [--chunk-size 100]
                                [--prefetch 0,2]

Writes ``--words`` words of documents from ``bench/scale_corpus.py`` (news, press releases and reports whose
organisations, people and places are mostly new, so the graph keeps growing), and ``--words``/10 as well, then
runs ``aikg.ingestion.ingest_paths`` (what `aikg ingest` runs) into a fresh embedded store once per
``--processes`` value (and, with several processes, once per ``--prefetch`` value: how many chunks the extraction
workers run ahead of the chunk being loaded; 0 alternates extraction and loading as `aikg ingest` did before), each in
a new process (model load included, as `aikg ingest` pays it). Reported per run:
words/s end to end; words/s over the first and the last tenth of the documents (from the commit times of the
chunks: the start window begins at the first commit, so model load is left out of it); peak memory of the
ingesting process, of its extraction workers and of the embedded server (VmHWM); where the time went (spaCy
extraction, resolution, the loader, the store's read-backs); the graph's size; and a few catalog queries on the
result. The machine's load average is printed with every run: on a shared machine the ratios are the figures to
trust. ``make bench-scale`` runs the default (1M and 100k words); `make bench` a small size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.ingest.pipeline import RunSummary
from bench.common import table
from bench.scale_corpus import ScaleCorpus, write_corpus

ROOT = Path(__file__).resolve().parent.parent
BENCH_ARGS = ["--words", "30000", "--chunk-size", "10"]  # `make bench`: about 50 documents; bench-scale: 1M words
GOAL_SPEEDUP, GOAL_RATE, GOAL_END = 1.7, 5600, 0.8  # issue 18: 2 procs vs 1, words/s end to end, end/start rate
QUERY_RUNS = 3


@dataclass
class TimedSummary(RunSummary):
    """A RunSummary that notes (seconds, documents, words) each time a chunk's words are counted: the ingest
    counts a chunk only after reading back that the store holds it, so each note is a commit time."""

    marks: list[tuple[float, int, int]] = field(default_factory=list)
    t0: float = field(default_factory=time.perf_counter)
    #: at each commit: (CPU s of this process, its resident MB, the store server's CPU s): what a tenth costs in
    #: CPU, which the other work on a shared machine does not inflate, and whether memory grows over the run
    probes: list[tuple[float, float, float]] = field(default_factory=list)
    server_pid: int | None = None

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name == "words" and "probes" in self.__dict__:
            self.marks.append((time.perf_counter() - self.t0, self.documents, value))
            self.probes.append(probe(self.server_pid))


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def probe(server_pid: int | None) -> tuple[float, float, float]:
    """This process's CPU seconds and resident MB, and the server's CPU seconds (0 without a pid)."""
    rss = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return time.process_time(), rss, proc_cpu(server_pid) if server_pid else 0.0


# ---------------------------------------------------------------------------------------------- measuring
@dataclass
class Phases:
    """Seconds per phase of the ingest over the run (``spent``) and each call's (phase, end, seconds), with
    times counted from ``t0`` (the summary's, so calls fall between the chunk commits they belong to)."""

    t0: float
    spent: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of the ingesting process in each phase
    calls: list[tuple[str, float, float, float]] = field(default_factory=list)  # phase, end, seconds, CPU seconds
    inside_load: bool = False

    def note(self, phase: str, start: float, end: float, cpu: float) -> None:
        self.spent[phase] = self.spent.get(phase, 0.0) + end - start
        self.cpu[phase] = self.cpu.get(phase, 0.0) + cpu
        self.calls.append((phase, end - self.t0, end - start, cpu))


@contextmanager
def phase_timers(t0: float) -> Iterator[Phases]:
    """Time each phase of the ingest by wrapping the functions it calls (restored after). The loader's own
    read-back of which documents it holds counts as loading."""
    from importlib import import_module

    from aikg.ingest.pipeline import Pipeline
    from aikg.ingest.stream import FactStream

    loader, ingestion = (import_module(m) for m in ("aikg.graph.loader", "aikg.ingestion"))
    phases = Phases(t0)
    targets = [(Pipeline, "extract", "extract (all)"), (Pipeline, "resolve", "resolve"),
               (loader, "load_records", "load"), (loader, "loaded_document_ids", "read back"),
               (ingestion, "known_entities", "read known"), (FactStream, "collect", "wait for workers")]
    originals = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in targets]

    def wrap_iter(fn: Callable[..., Any], phase: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:  # each step of the generator: time waiting for a result
            items = fn(*args, **kwargs)
            while True:
                start, cpu = time.perf_counter(), time.process_time()
                item = next(items, None)
                phases.note(phase, start, time.perf_counter(), time.process_time() - cpu)
                if item is None:
                    return
                yield item
        return timed

    def wrap(fn: Callable[..., Any], phase: str) -> Callable[..., Any]:
        if phase == "wait for workers":
            return wrap_iter(fn, phase)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if phases.inside_load:
                return fn(*args, **kwargs)
            phases.inside_load = phase == "load"
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                phases.note(phase, start, time.perf_counter(), time.process_time() - cpu)
                phases.inside_load = False
        return timed

    for (owner, attr, phase), (_, _, fn) in zip(targets, originals):
        setattr(owner, attr, wrap(fn, phase))
    try:
        yield phases
    finally:
        for owner, attr, fn in originals:
            setattr(owner, attr, fn)
        for d in (phases.spent, phases.cpu):  # in this process: 0 when workers extract
            d["spaCy + rules"] = d.get("extract (all)", 0.0) - (d.get("resolve", 0.0) if "extract (all)" in d else 0.0)


def chunk_phases(marks: list[tuple[float, int, int]], calls: Sequence[tuple[Any, ...]],
                 cpu: bool = False) -> list[dict[str, float]]:
    """Seconds per phase for each chunk (CPU seconds with ``cpu``): the calls that ended after the commit before
    it and by its own."""
    out: list[dict[str, float]] = [{} for _ in marks]
    for phase, end, *times in calls:
        secs = times[1] if cpu else times[0]
        k = next((i for i, m in enumerate(marks) if end <= m[0] + 1e-6), None)
        if k is not None:
            out[k][phase] = out[k].get(phase, 0.0) + secs
    for p in out:
        p["spaCy + rules"] = p.get("extract (all)", 0.0) - (p.get("resolve", 0.0) if "extract (all)" in p else 0.0)
    return out


def windows(marks: list[tuple[float, int, int]], share: float = 0.1) -> list[tuple[int, int, float]]:
    """Consecutive windows of at least ``share`` of the documents, from the first commit on:
    (first document, last document, words/s). The first chunk (model load, start-up) is not in any window."""
    if len(marks) < 2:
        return []
    total = marks[-1][1]
    out, (t_a, d_a, w_a) = [], marks[0]
    for t, d, w in marks[1:]:
        if d - d_a >= share * total or (t, d, w) == marks[-1]:
            if t > t_a:
                out.append((d_a, d, (w - w_a) / (t - t_a)))
            t_a, d_a, w_a = t, d, w
    if len(out) > 1 and out[-1][1] - out[-1][0] < share * total / 2:  # a stub at the end joins its neighbour
        (a, _, r1), (_, b, r2) = out[-2], out[-1]
        out[-2:] = [(a, b, statistics.fmean([r1, r2]))]
    return out


def server_stats(store: Any) -> dict[str, float]:
    """The embedded server's peak resident memory (VmHWM, MB) and CPU seconds so far, from /proc."""
    pid = store._att.server.pid
    out = {"server_hwm": 0.0, "server_cpu": proc_cpu(pid)}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            out["server_hwm"] = int(line.split()[1]) / 1024
    return out


def graph_size(store: Any) -> dict[str, int]:
    stats = store.stats()
    mentions = stats.relationships.get("MENTIONS", 0)
    return {"entities": stats.node_total - stats.nodes.get("Document", 0), "documents": stats.nodes.get("Document", 0),
            "relationships": stats.relationship_total - mentions, "mentions": mentions}


# ---------------------------------------------------------------------------------------------- queries
def query_cases(store: Any) -> dict[str, tuple[str, dict[str, Any]]]:
    """A few catalog queries with parameters picked from the graph: the busiest cluster, the organisation
    with most partners, one of its partnerships, its name with a typo."""
    cluster = store.read("MATCH (c:Cluster)<-[:LOCATED_IN]-(o) RETURN c.name AS name, count(o) AS n "
                         "ORDER BY n DESC, name LIMIT 1")
    hub = store.read("MATCH (o:Company)-[:PARTNERS_WITH]-(x) RETURN o.name AS name, o.id AS id, count(x) AS n "
                     "ORDER BY n DESC, name LIMIT 1")
    cases: dict[str, tuple[str, dict[str, Any]]] = {"org_ranking": ("org_ranking", {"by": "documents", "limit": 20}),
                                                    "graph_health": ("graph_health", {"limit": 1000})}
    if hub:
        org = hub[0]["name"]
        partner = store.read("MATCH (o:Entity {id: $id})-[:PARTNERS_WITH]-(x) RETURN x.name AS name "
                             "ORDER BY name LIMIT 1", {"id": hub[0]["id"]})
        cases |= {"entity_search": ("entity_search", {"text": org[:-1]}),
                  "entity_neighbours": ("entity_neighbours", {"entity": org}),
                  "partnership_network": ("partnership_network", {"org": org, "depth": 2}),
                  "relationship_evidence": ("relationship_evidence", {"source": org, "target": partner[0]["name"]})}
    if cluster:
        cases["cluster_profile"] = ("cluster_profile", {"cluster": cluster[0]["name"]})
    return dict(sorted(cases.items()))


def time_queries(store: Any) -> list[dict[str, Any]]:
    """Each case: one warm-up, then QUERY_RUNS timed runs as `aikg query run` pays them."""
    from aikg.queries.catalog import load_catalog, run_query
    from bench.bench_queries import lift_socket_timeout

    lift_socket_timeout(store)
    catalog = load_catalog()
    out = []
    for case, (name, params) in query_cases(store).items():
        try:
            rows = len(run_query(store, name, params, catalog=catalog))
            times = []
            for _ in range(QUERY_RUNS):
                start = time.perf_counter()
                run_query(store, name, params, catalog=catalog)
                times.append((time.perf_counter() - start) * 1000)
            out.append({"query": case, "rows": rows, "median ms": statistics.median(times), "max ms": max(times)})
        except Exception as exc:  # report it and go on with the next query
            out.append({"query": case, "rows": f"failed: {type(exc).__name__}: {str(exc)[:80]}",
                        "median ms": "-", "max ms": "-"})
    return out


# ---------------------------------------------------------------------------------------------- one run
def child(corpus: str, n_process: int, chunk_size: int, queries: bool, prefetch: int = 2) -> dict[str, Any]:
    """Runs in its own process: one ingest of ``corpus`` into a fresh embedded store, then the measurements."""
    from aikg.graph.store import open_store
    from aikg.ingestion import ingest_paths

    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="aikg-scale-") as home:
        store = open_store("embedded", home=home)
        store.apply_schema()
        summary = TimedSummary()
        summary.server_pid = store._att.server.pid
        with phase_timers(summary.t0) as phases:
            ingest_paths([corpus], store, n_process=n_process, chunk_size=chunk_size, show_progress=False,
                         summary=summary, prefetch=prefetch)
        load_end = os.getloadavg()
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        workers_peak = kids.ru_maxrss / 1024  # read before the server is reaped, so it counts the workers only
        cpu = {"cpu_self": own.ru_utime + own.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime}
        server = server_stats(store)
        size = graph_size(store)
        timings = time_queries(store) if queries else []
        store.close()
    if summary.failures:
        raise SystemExit(f"{len(summary.failures)} documents failed, e.g. {summary.failures[0]}")
    return {"n_process": n_process, "prefetch": prefetch if n_process > 1 else None, "cores": os.cpu_count(),
            "docs": summary.documents, "words": summary.words, "secs": summary.seconds,
            "marks": summary.marks, "phases": phases.spent, "phases_cpu": phases.cpu,
            "chunks": chunk_phases(summary.marks, phases.calls),
            "chunks_cpu": chunk_phases(summary.marks, phases.calls, cpu=True), "probes": summary.probes, **cpu, **server, **size, "queries": timings,
            "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "workers_peak": workers_peak if n_process > 1 else None,
            "load": [round(load_start[0], 1), round(load_end[0], 1)]}


def measure(corpus: Path, n_process: int, chunk_size: int, queries: bool, prefetch: int = 2) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.bench_scale", "--child", str(corpus), "--n-process", str(n_process),
           "--chunk-size", str(chunk_size), "--prefetch", str(prefetch)] + (["--queries"] if queries else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"ingest with n_process={n_process} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------- resolution
#: generated name kinds and the entity type a known entity of that kind gets
KNOWN_TYPES = {"Company": "Company", "Investor": "Company", "Institute": "Institute", "Consortium": "Institute",
               "Agency": "Agency", "Programme": "Programme", "Person": "Person", "place": "Cluster"}


def resolve_growth(known_sizes: list[int], words: int = 6000, seed: int = 7) -> list[dict[str, Any]]:
    """One chunk's resolution (``merge_mentions``) against more and more entities the store already knows.
    The ingest resolves every chunk against all of them, so this is what each chunk pays as the graph grows."""
    from aikg.ingest.loaders import discover
    from aikg.ingest.nlp import Extractor
    from aikg.ingest.nlp.resolve import KnownEntity, merge_mentions
    from aikg.ingest.pipeline import iter_documents

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(tmp, words, seed)
        docs = list(iter_documents(discover([tmp]), RunSummary()))
    facts = list(Extractor().extract_many(docs))
    names = ScaleCorpus(seed + 1)  # other generated names than the chunk's own
    kinds = list(KNOWN_TYPES.items())
    known: list[Any] = []
    rows = []
    for size in sorted(known_sizes):
        while len(known) < size:
            kind, etype = kinds[len(known) % len(kinds)]
            known.append(KnownEntity(f"{etype.lower()}:bench-{len(known)}", etype, names.new_name(kind)))
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            merge_mentions(facts, known=known)
            best = min(best, time.perf_counter() - start)
        rows.append({"known entities": size, "documents": len(docs), "mentions": sum(len(f.mentions) for f in facts),
                     "merge_mentions s (best of 2)": round(best, 2), "µs per known entity": round(best / size * 1e6),
                     "load avg": round(os.getloadavg()[0], 1)})
    return rows


# ---------------------------------------------------------------------------------------------- report
def run(sizes: list[int], processes: list[int], chunk_size: int, seed: int,
        dump: Path | None = None, prefetches: Sequence[int] = (2,)) -> list[dict[str, Any]]:
    """Every (size, n_process) run, and with several processes every ``prefetches`` value; the catalog queries
    run on the last run's graph of each size. ``dump``: a JSON file rewritten after every run, so a long run
    stopped midway keeps what it measured."""
    plan = [(n, p) for n in processes for p in (prefetches if n > 1 else [0])]
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="aikg-scale-corpus-") as tmp:
        for words in sizes:
            corpus = Path(tmp) / f"words-{words}"
            info = write_corpus(corpus, words, seed)
            names = {k: len(v) for k, v in info.names.items()}
            for n, p in plan:
                print(f"  {words:,} words, {label(n, p if n > 1 else None)} (load {os.getloadavg()[0]:.1f})",
                      file=sys.stderr, flush=True)
                r = measure(corpus, n, chunk_size, queries=(n, p) == plan[-1], prefetch=p)
                runs.append({**r, "size": words, "names": names, "windows": windows([tuple(m) for m in r["marks"]])})
                if dump:
                    dump.write_text(json.dumps(runs, indent=1), encoding="utf-8")
    return runs


def label(n_process: int, prefetch: int | None) -> str:
    return f"n_process={n_process}" + (f", prefetch {prefetch}" if prefetch is not None else "")


def run_rows(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in runs:
        win = r["windows"]
        start, end = (win[0][2], win[-1][2]) if len(win) > 1 else (None, None)
        rows.append({"words": f"{r['words']:,}", "n_process": r["n_process"], "prefetch": _prefetch(r), "docs": r["docs"],
                     "s": round(r["secs"], 1),
                     "words/s": round(r["words"] / r["secs"]), "start words/s": round(start) if start else "-",
                     "end words/s": round(end) if end else "-", "end/start": f"{end / start:.2f}" if start else "-",
                     "entities": r["entities"], "relationships": r["relationships"], "MENTIONS": r["mentions"],
                     "ingest peak MB": round(r["peak"]),
                     "workers peak MB": round(r["workers_peak"]) if r["workers_peak"] else "-",
                     "server VmHWM MB": round(r["server_hwm"]),
                     "CPU s ingest/workers/server": "/".join(f"{r.get(k, 0):.0f}" for k in ("cpu_self", "cpu_workers",
                                                                                            "server_cpu")),
                     "load avg start→end": f"{r['load'][0]} → {r['load'][1]}"})
    return rows


def _prefetch(r: dict[str, Any]) -> Any:
    return "-" if r.get("prefetch") is None else r["prefetch"]


def phase_rows(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in runs:
        p = r["phases"]
        named = ("spaCy + rules", "resolve", "load", "read back", "read known", "wait for workers")
        inside = p.get("extract (all)", p.get("resolve", 0.0))  # resolution runs inside extract with one process
        other = r["secs"] - inside - sum(p.get(k, 0.0) for k in named[2:])
        rows.append({"words": f"{r['words']:,}", "n_process": r["n_process"], "prefetch": _prefetch(r),
                     "s": round(r["secs"], 1),
                     **{f"{k} s": round(p.get(k, 0.0), 1) for k in named}, "other s": round(other, 1),
                     "load share": f"{p.get('load', 0.0) / r['secs']:.0%}"})
    return rows


def verdicts(runs: list[dict[str, Any]], processes: list[int]) -> list[str]:
    """The issue's three goals, each from this run's figures, and the growth from the small size to the large."""
    lines = []
    by = {(r["size"], r["n_process"]): r for r in sorted(runs, key=lambda r: r.get("prefetch") or 0)}  # most ahead
    sizes = sorted({r["size"] for r in runs})
    for size in sizes:
        one, many = by.get((size, processes[0])), by.get((size, processes[-1]))
        if one and many and one is not many:
            ratio = one["secs"] / many["secs"]
            mark = "✓" if ratio >= GOAL_SPEEDUP else "✗"
            lines.append(f"- {size:,} words: n_process={processes[-1]} is {ratio:.2f}x n_process={processes[0]} "
                         f"(goal ≥ {GOAL_SPEEDUP}x when both cores are free) {mark}; load average "
                         f"{one['load'][0]}–{many['load'][1]}")
    best = max((r for r in runs if r["size"] == sizes[-1]), key=lambda r: r["words"] / r["secs"])
    rate = best["words"] / best["secs"]
    lines.append(f"- best end-to-end rate at {sizes[-1]:,} words: {rate:,.0f} words/s with n_process={best['n_process']} "
                 f"(goal ≥ {GOAL_RATE:,}) {'✓' if rate >= GOAL_RATE else '✗'}")
    for r in runs:
        win = r["windows"]
        if len(win) > 1:
            ratio = win[-1][2] / win[0][2]
            lines.append(f"- {r['size']:,} words, {label(r['n_process'], r.get('prefetch'))}: end/start rate {ratio:.2f} (goal ≥ "
                         f"{GOAL_END}) {'✓' if ratio >= GOAL_END else '✗'}; words/s by tenth of the documents: "
                         + ", ".join(f"{w[2]:,.0f}" for w in win))
    if len(sizes) > 1 and (sizes[0], processes[-1]) in by and (sizes[-1], processes[-1]) in by:  # an unfinished run
        a, b = by[(sizes[0], processes[-1])], by[(sizes[-1], processes[-1])]
        lines.append(f"- growth {sizes[0]:,} → {sizes[-1]:,} words (n_process={processes[-1]}): words x{b['words'] / a['words']:.1f}, "
                     f"time x{b['secs'] / a['secs']:.1f}, entities x{b['entities'] / max(1, a['entities']):.1f}, "
                     f"relationships x{b['relationships'] / max(1, a['relationships']):.1f}, server VmHWM "
                     f"x{b['server_hwm'] / max(1, a['server_hwm']):.1f}")
    return lines


def window_chunks(r: dict[str, Any], window: tuple[int, int, float]) -> list[int]:
    """The chunks (indexes into marks) committed inside ``window`` (documents a..b), leaving out the last chunk
    when it is a short remainder (resolution costs the same for any chunk size)."""
    a, b, _ = window
    size = max(m[1] - p[1] for p, m in zip(r["marks"], r["marks"][1:]))
    return [k for k, m in enumerate(r["marks"]) if k > 0 and a < m[1] <= b and m[1] - r["marks"][k - 1][1] > size / 2]


def window_phases(r: dict[str, Any], window: tuple[int, int, float]) -> dict[str, float]:
    """Seconds per 100 documents in each phase over the chunks committed inside ``window``."""
    picked = window_chunks(r, window)
    docs = sum(r["marks"][k][1] - r["marks"][k - 1][1] for k in picked)
    if not docs:
        return {}
    out = {p: sum(r["chunks"][k].get(p, 0.0) for k in picked) * 100 / docs
           for p in ("spaCy + rules", "resolve", "load", "read back", "wait for workers")}
    out["all"] = sum(r["marks"][k][0] - r["marks"][k - 1][0] for k in picked) * 100 / docs
    return out


def phase_trend(runs: list[dict[str, Any]]) -> list[str]:
    """Where a slower end comes from: seconds per 100 documents in each phase, first tenth vs last tenth."""
    lines = []
    for r in runs:
        if len(r["windows"]) > 1 and r.get("chunks"):
            first, last = window_phases(r, r["windows"][0]), window_phases(r, r["windows"][-1])
            if first and last:
                lines.append(f"- {r['size']:,} words, {label(r['n_process'], r.get('prefetch'))}, seconds per 100 documents, first → last "
                             "tenth: " + ", ".join(f"{p} {first[p]:.1f} → {last[p]:.1f}" for p in first))
    return lines


def window_cpu(r: dict[str, Any], window: tuple[int, int, float]) -> dict[str, float]:
    """Over the chunks inside ``window``: words per CPU second of the ingesting process, of its extraction
    (spaCy + rules, in this process: n_process=1 only) and of the process and the server together; the server's
    CPU seconds per 100 documents; the ingesting process's resident MB at the window's last commit."""
    picked = window_chunks(r, window)
    probes, marks = r.get("probes") or [], r["marks"]
    if not picked or len(probes) != len(marks):
        return {}
    words = sum(marks[k][2] - marks[k - 1][2] for k in picked)
    docs = sum(marks[k][1] - marks[k - 1][1] for k in picked)
    own = sum(probes[k][0] - probes[k - 1][0] for k in picked)
    server = sum(probes[k][2] - probes[k - 1][2] for k in picked)
    extract = sum(r["chunks_cpu"][k].get("spaCy + rules", 0.0) for k in picked)
    return {"words per ingest CPU s": words / own if own else 0.0,
            "words per extraction CPU s": words / extract if extract else 0.0,
            "words per ingest + server CPU s": words / (own + server) if own + server else 0.0,
            "server CPU s per 100 docs": server * 100 / docs, "ingest MB": probes[picked[-1]][1]}


def cpu_trend(runs: list[dict[str, Any]]) -> list[str]:
    """The end/start ratio again from CPU time (what the machine's other work does not inflate), first tenth
    against last, with the ingesting process's memory: the figures that show whether something grows."""
    lines = []
    for r in runs:
        if len(r["windows"]) < 2 or not r.get("probes"):
            continue
        first, last = window_cpu(r, r["windows"][0]), window_cpu(r, r["windows"][-1])
        if not first or not last:
            continue
        parts = [f"{k} {first[k]:,.0f} → {last[k]:,.0f}" + (f" ({last[k] / first[k]:.2f})" if first[k] else "")
                 for k in first if k.startswith("words")]
        by_tenth = [window_cpu(r, w) for w in r["windows"]]
        lines.append(f"- {r['size']:,} words, {label(r['n_process'], r.get('prefetch'))}, first → last tenth by CPU "
                     "time (end/start): " + "; ".join(parts) + f"; server CPU s per 100 documents "
                     f"{first['server CPU s per 100 docs']:.2f} → {last['server CPU s per 100 docs']:.2f}; words per "
                     "ingest CPU s by tenth: " + ", ".join(f"{c.get('words per ingest CPU s', 0):,.0f}" for c in by_tenth)
                     + "; ingest MB at the end of each tenth: " + ", ".join(f"{c.get('ingest MB', 0):,.0f}" for c in by_tenth))
    return lines


def cpu_estimate(r: dict[str, Any]) -> float | None:
    """Seconds the run would take on an idle machine, from the CPU time it used (waits for the disk left out, so a
    lower bound). With one process, or several that alternate with loading (prefetch 0): extraction (spaCy and the
    rules in-process, or the workers' CPU) split evenly over n_process cores, everything else (start-up and model
    load, resolution, loading, the store server) on one core after it. With workers running ahead (prefetch > 0)
    extraction overlaps the rest, so the longest of: all CPU time over the machine's cores, the ingesting process
    and the server one after the other (they take turns), the workers' share. None for records without CPU times."""
    if "phases_cpu" not in r:
        return None
    in_process = r["phases_cpu"].get("spaCy + rules", 0.0)
    if r["n_process"] == 1:
        return r["cpu_self"] - in_process + r["server_cpu"] + in_process
    workers, serial = r.get("cpu_workers") or 0.0, r["cpu_self"] + r["server_cpu"]
    if not r.get("prefetch"):
        return serial + workers / r["n_process"]
    cores = min(r.get("cores") or 2, r["n_process"])
    return max((serial + workers) / cores, serial, workers / r["n_process"])


def estimates(runs: list[dict[str, Any]], processes: list[int]) -> list[str]:
    """The goals again from CPU time rather than wall time (which the other work on a shared machine inflates),
    and each run against the one-process run of its size."""
    lines = []
    for size in sorted({r["size"] for r in runs}):
        same = [r for r in runs if r["size"] == size and cpu_estimate(r) is not None]
        one = next((r for r in same if r["n_process"] == processes[0]), None)
        if one is None or len(same) < 2:
            continue
        base = cpu_estimate(one)
        parts = []
        for r in same:
            est = cpu_estimate(r)
            cpu = r["cpu_self"] + (r.get("cpu_workers") or 0) + r["server_cpu"]
            parts.append(f"{label(r['n_process'], r.get('prefetch'))} {est:.0f} s ({r['words'] / est:,.0f} words/s, "
                         f"{base / est:.2f}x; {cpu / r['words'] * 1000:.2f} CPU s per 1,000 words)")
        lines.append(f"- {size:,} words, estimated from CPU time for an idle 2-core machine: " + "; ".join(parts))
    return lines


def overlap_lines(runs: list[dict[str, Any]]) -> list[str]:
    """Workers running ahead (prefetch > 0) against alternating (prefetch 0), same size, same run of the bench."""
    lines = []
    for size in sorted({r["size"] for r in runs}):
        alt = next((r for r in runs if r["size"] == size and r.get("prefetch") == 0), None)
        ahead = [r for r in runs if r["size"] == size and (r.get("prefetch") or 0) > 0]
        for r in ahead if alt else []:
            lines.append(f"- {size:,} words, n_process={r['n_process']}: prefetch {r['prefetch']} is "
                         f"{alt['secs'] / r['secs']:.2f}x prefetch 0 by the wall clock (load {alt['load'][0]}–"
                         f"{r['load'][1]}), {cpu_estimate(alt) / cpu_estimate(r):.2f}x by the CPU-time estimate")
    return lines


def query_rows(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in runs:
        for q in r["queries"]:
            rows.append({"words": f"{r['words']:,}", "entities": r["entities"], **q})
    return rows


def report(runs: list[dict[str, Any]], processes: list[int], chunk_size: int, seed: int) -> str:
    sizes = sorted({r["size"] for r in runs})
    corpus = "; ".join(f"{s:,} words: {next(r['docs'] for r in runs if r['size'] == s):,} documents, names generated "
                       + ", ".join(f"{v:,} {k}" for k, v in sorted(next(r['names'] for r in runs if r['size'] == s).items()))
                       for s in sizes)
    parts = ["## End to end on a growing corpus (bench_scale)", "",
             f"Corpus: `bench/scale_corpus.py` (seed {seed}), news, press releases and reports whose organisations, "
             f"people and places are mostly new ({corpus}). Each run: `ingest_paths` (what `aikg ingest` runs) into a "
             f"fresh embedded store, chunks of {chunk_size} documents, in a new process (model load included). "
             "Start and end rates are words/s over the first and the last tenth of the documents, timed from chunk "
             "commits after the first one (model load left out).", "",
             table(run_rows(runs)), "Where the time went (seconds inside each function the ingest calls, "
             "measured in the ingesting process; with n_process > 1 spaCy runs in the workers while it waits):", "",
             table(phase_rows(runs)), "\n".join(verdicts(runs, processes) + estimates(runs, processes) + overlap_lines(runs)
                                       + phase_trend(runs) + cpu_trend(runs)), ""]
    if any(r["queries"] for r in runs):
        parts += [f"Catalog queries on the result (n_process={processes[-1]}'s graph; one warm-up, then {QUERY_RUNS} "
                  "runs, as `aikg query run` pays them):", "", table(query_rows(runs))]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="the large size; --words/10 also runs")
    parser.add_argument("--sizes", help="comma-separated sizes in words instead (e.g. 50000 or 100000,1000000)")
    parser.add_argument("--processes", default="1,2", help="n_process values to compare")
    parser.add_argument("--chunk-size", type=int, default=100, help="documents per ingest step (`aikg ingest` default)")
    parser.add_argument("--prefetch", default="2", help="with several processes: chunks extracted ahead of the one "
                        "being loaded, comma-separated to compare (0: alternate, as before issue 18's pipelining)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write every run's raw figures here (after each run)")
    parser.add_argument("--resolve-growth", help="instead: time one chunk's resolution against this many known "
                        "entities, comma-separated (e.g. 5000,20000,80000)")
    parser.add_argument("--report-from", type=Path, help="print the report of a --json file again, run nothing")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--queries", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.n_process, args.chunk_size, args.queries, int(args.prefetch))))
        return
    processes = [int(p) for p in args.processes.split(",")]
    if args.resolve_growth:
        print("## Resolution of one chunk against the entities the store already knows\n")
        print(table(resolve_growth([int(n) for n in args.resolve_growth.split(",")], seed=args.seed)))
        return
    if args.report_from:
        print(report(json.loads(args.report_from.read_text(encoding="utf-8")), processes, args.chunk_size, args.seed))
        return
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.words // 10, args.words]
    prefetches = [int(p) for p in args.prefetch.split(",")]
    runs = run(sorted(sizes), processes, args.chunk_size, args.seed, dump=args.json, prefetches=prefetches)
    print(report(runs, processes, args.chunk_size, args.seed))


if __name__ == "__main__":
    main()
