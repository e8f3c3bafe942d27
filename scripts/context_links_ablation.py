#!/usr/bin/env python
"""Typed-relation figures of a gold folder with and without coreference links (ingest/nlp/coref_links.py, coreference.py).

Why: the tree changes while several engineers work; measuring both ways in one run shows what the context links
add, whatever else changed. The "without" run gives the extractor empty link word lists (the pass then does
nothing); everything else is the same extractor.

Usage: ``python scripts/context_links_ablation.py tests/data/gold/dev [--no-gazetteer]``
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from aikg.evaluate import evaluate
from aikg.ingest.nlp import Extractor
from aikg.ingest.nlp.config import ExtractConfig
from aikg.ingest.nlp.coref_links import LinkWords


def _extractor(gazetteer: bool, links: bool) -> Extractor:
    cfg = ExtractConfig() if gazetteer else ExtractConfig(gazetteer_dir=Path(tempfile.mkdtemp()))
    ex = Extractor(cfg)
    ex._load()
    if not links:
        ex._links = LinkWords.from_dict({})
    return ex


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--no-gazetteer", action="store_true")
    args = ap.parse_args()
    gaz = not args.no_gazetteer
    for label, links in (("without context links", False), ("with context links", True)):
        rep = evaluate(args.gold_dir, _extractor(gaz, links))
        r = rep.relations
        print(f"{label} (gazetteer {'on' if gaz else 'off'}, {len(rep.docs)} documents): "
              f"P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f} (TP {r.tp}, FP {r.fp}, FN {r.fn})")
        for t, s in sorted(rep.by_type().items()):
            print(f"    {t:16s} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")


if __name__ == "__main__":
    main()
