#!/usr/bin/env python
"""Entity and typed-relation figures of a gold folder with the gazetteer guard, without it, and without the gazetteer.

Why: the brief says the gazetteer may only help. The tree changes while several engineers work, so the three
ways are measured in one run: the guard (ingest/nlp/gazetteer_guard.py) is switched off through its module
switch for the second pass, and the third builds an extractor with an empty gazetteer (as ``--no-gazetteer``).
With ``--prefix``, the documents whose file names start with it are also summed on their own (``dev6_``).

Usage: ``python scripts/gazetteer_guard_ablation.py tests/data/gold/dev [--prefix dev6_]``
"""

from __future__ import annotations

import argparse
from pathlib import Path

from aikg.evaluate import DocReport, evaluate
from aikg.ingest.nlp import Extractor, gazetteer_guard


def _figures(docs: list[DocReport], what: str) -> str:
    tp = sum(getattr(d, what).tp for d in docs)
    fp = sum(getattr(d, what).fp for d in docs)
    fn = sum(getattr(d, what).fn for d in docs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} / {r:.3f} / {f1:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--prefix", default="", help="also sum the documents whose names start with this")
    args = ap.parse_args()
    extractor = Extractor()
    runs = []
    for label in ("guard on", "guard off", "no gazetteer"):
        gazetteer_guard.DISABLED = label == "guard off"
        try:
            report = evaluate(args.gold_dir, extractor) if label != "no gazetteer" else \
                evaluate(args.gold_dir, gazetteer=False)
        finally:
            gazetteer_guard.DISABLED = False
        runs.append((label, report.docs))
    sets = [(f"{args.gold_dir} ({len(runs[0][1])})", lambda d: True)]
    if args.prefix:
        sets.append((f"{args.prefix}* ({sum(d.name.startswith(args.prefix) for d in runs[0][1])})",
                     lambda d: d.name.startswith(args.prefix)))
    print("| set | run | entities P / R / F1 | relations P / R / F1 |\n|---|---|---|---|")
    for name, keep in sets:
        for label, docs in runs:
            chosen = [d for d in docs if keep(d)]
            print(f"| {name} | {label} | {_figures(chosen, 'entities')} | {_figures(chosen, 'relations')} |")


if __name__ == "__main__":
    main()
