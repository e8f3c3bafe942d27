#!/usr/bin/env python
"""Typed-relation figures of a gold folder with and without the candidates of some rules, from one extraction.

Why: the tree changes while several engineers work, and extraction is the slow part; scoring one extraction twice,
once with the candidates whose method starts with a prefix removed, shows what those rules add (true and false
relations per type, and which) whatever else changed.

Usage: ``python scripts/method_ablation.py tests/data/gold/dev --drop rule:line- [--drop rule:x] [--no-gazetteer]``
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Iterator

from aikg.evaluate import EvalReport, evaluate
from aikg.ingest.nlp import Extractor
from aikg.ingest.nlp.config import ExtractConfig


class _Once:
    """An extractor that extracts once and then hands out the same facts, without the dropped rules' candidates
    when ``drop`` is set."""

    def __init__(self, ex: Extractor) -> None:
        self.ex = ex
        self.cache: list[Any] | None = None
        self.drop: tuple[str, ...] = ()

    def extract_many(self, docs: Iterable[Any], n_process: int = 1) -> Iterator[Any]:
        if self.cache is None:
            self.cache = list(self.ex.extract_many(docs))
        for f in self.cache:
            yield replace(f, relations=[r for r in f.relations if not r.method.startswith(self.drop)]) if self.drop else f


def _line(label: str, rep: EvalReport) -> str:
    r = rep.relations
    return f"{label:34s} P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  (TP {r.tp}, FP {r.fp}, FN {r.fn})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--drop", action="append", required=True, help="method prefix to leave out (repeatable)")
    ap.add_argument("--no-gazetteer", action="store_true")
    args = ap.parse_args()
    cfg = ExtractConfig(gazetteer_dir=Path(tempfile.mkdtemp())) if args.no_gazetteer else ExtractConfig()
    once = _Once(Extractor(cfg))
    with_all = evaluate(args.gold_dir, once)
    once.drop = tuple(args.drop)
    without = evaluate(args.gold_dir, once)
    print(f"{len(with_all.docs)} documents, gazetteer {'off' if args.no_gazetteer else 'on'}, dropped {args.drop}")
    print(_line("without", without))
    print(_line("with", with_all))
    types_w, types_o = with_all.by_type(), without.by_type()
    for t in sorted(types_w):
        a, b = types_o.get(t), types_w[t]
        if a is not None and (a.tp, a.fp) != (b.tp, b.fp):
            print(f"  {t:16s} TP {a.tp} -> {b.tp}, FP {a.fp} -> {b.fp}")
    for dw, do in zip(with_all.docs, without.docs):
        gained = sorted(set(do.missed_relations) - set(dw.missed_relations))
        added = sorted(set(dw.false_relations) - set(do.false_relations))
        for x in gained:
            print(f"  + {dw.name}: {x}")
        for x in added:
            print(f"  ! {dw.name}: false {x}")


if __name__ == "__main__":
    main()
