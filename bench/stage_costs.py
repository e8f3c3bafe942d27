"""CPU seconds of each extraction stage, measured with the clock around the stages only (no profiler).

cProfile's ``--cpu`` mode reads the CPU clock (a system call) at every Python call and return, so small
functions look several times dearer than they are and half of the profiled time is the profiler's own. Here
only the stages are timed: each mention stage of ``EntityFinder.stages``, every function of ``aikg.ingest.nlp``
that ``extractor.py``, ``relations.py`` and ``entities.py`` call by name, the ``RelationFinder`` methods, and
the two spaCy passes. Times are inclusive (a stage called inside another counts in both); the owner column
is the file the function is written in.

    .venv/bin/python -m bench.profile_extract --stages [--words 20000] [--top 60]
"""

from __future__ import annotations

import importlib
import inspect
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

#: modules whose by-name calls of other aikg.ingest.nlp functions are timed
CALLERS = ("aikg.ingest.nlp.extractor", "aikg.ingest.nlp.relations", "aikg.ingest.nlp.entities")
#: RelationFinder methods timed (the dispatch over sentences and parsed tokens)
FINDER_METHODS = ("surface", "window", "parsed", "_frames_at", "_kept_at", "list_groups", "needs_parse")


class Clock:
    """Calls and CPU seconds per stage name."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = defaultdict(int)
        self.cpu: dict[str, float] = defaultdict(float)
        self.owner: dict[str, str] = {}

    def wrap(self, name: str, fn: Callable[..., Any], owner: str) -> Callable[..., Any]:
        """``fn`` timed under ``name`` (a generator function: the time spent inside each step of its generator)."""
        self.owner[name] = owner
        calls, cpu, clock = self.calls, self.cpu, time.process_time

        if inspect.isgeneratorfunction(fn):
            def gen(*a: Any, **k: Any) -> Any:
                calls[name] += 1
                it = fn(*a, **k)
                while True:
                    c0 = clock()
                    try:
                        item = next(it)
                    except StopIteration:
                        cpu[name] += clock() - c0
                        return
                    cpu[name] += clock() - c0
                    yield item
            return gen

        def run(*a: Any, **k: Any) -> Any:
            calls[name] += 1
            c0 = clock()
            try:
                return fn(*a, **k)
            finally:
                cpu[name] += clock() - c0
        return run


def _owner(fn: Any) -> str:
    code = getattr(fn, "__code__", None)
    return Path(code.co_filename).name if code is not None else "?"


def instrument(ex: Any, clock: Clock) -> None:
    """Put timed wrappers around the stages of a loaded Extractor (this process only; nothing is written).

    Stages an older tree (a snapshot under comparison) lacks are skipped, so two trees can be profiled alike.
    """
    for modname in CALLERS:
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError:
            continue
        for attr, val in list(vars(mod).items()):
            if inspect.isfunction(val) and (val.__module__ or "").startswith("aikg.ingest.nlp") and not attr.startswith("__"):
                setattr(mod, attr, clock.wrap(f"{val.__module__.rsplit('.', 1)[-1]}.{attr}", val, _owner(val)))
    for meth in FINDER_METHODS:
        fn = getattr(ex._relations, meth, None)  # bound (or static): the instance's own attribute wins
        if fn is None:
            continue
        setattr(ex._relations, meth, clock.wrap(f"RelationFinder.{meth}", fn, _owner(fn)))
    ex._entities.stages = [(name, clock.wrap(f"mention stage {name}", fn, _owner(fn)))
                           for name, fn in ex._entities.stages]
    ex._pipes.ents = clock.wrap("spaCy entity pass", ex._pipes.ents, "pipeline.py")
    ex._pipes.parse = clock.wrap("spaCy parse pass", ex._pipes.parse, "pipeline.py")
    if hasattr(ex, "_funding_published"):
        ex._funding_published.chunk = clock.wrap("PublishedFunding.chunk", ex._funding_published.chunk,
                                                 "relation_funding_published.py")
    if hasattr(ex, "_rounds"):
        object.__setattr__(ex._rounds, "owner", clock.wrap("RoundWords.owner", ex._rounds.owner, "context.py"))


def report(clock: Clock, total: float, top: int) -> None:
    """The stages by CPU seconds, with their share of the whole run."""
    print(f"{'CPU s':>7} {'share':>6} {'calls':>8}  stage (owner)")
    for name, sec in sorted(clock.cpu.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{sec:7.2f} {sec / total:6.1%} {clock.calls[name]:8d}  {name} ({clock.owner.get(name, '?')})")


def run(ex: Any, docs: list[Any], top: int) -> None:
    """Extract ``docs`` once with the stages timed and print the table (the Extractor is loaded and warm)."""
    clock = Clock()
    instrument(ex, clock)
    c0 = time.process_time()
    list(ex.extract_many(docs))
    total = time.process_time() - c0
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words, {total:.2f} s CPU ({words / total:,.0f} words per CPU second)")
    report(clock, total, top)
