#!/usr/bin/env python
"""Typed-relation figures of a gold folder with the context layer of an earlier commit and with today's, in one run.

Why: several engineers edit the extractor at once, so figures taken minutes apart drift. This loads
``ingest/nlp/coreference.py``, ``ingest/nlp/coref_links.py`` and ``data/lexicon/context_links.json`` as they were at
``--base`` beside the current ones and scores the same extractor with each (everything else identical).

Usage: ``python scripts/context_layer_ab.py tests/data/gold/dev --base e50a150 [--no-gazetteer]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _old_modules(base: str, where: Path) -> None:
    """Write the base commit's context layer into ``where`` (modules ``coreference_old``, ``coref_links_old``)."""
    def show(path: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), "show", f"{base}:{path}"], check=True, capture_output=True,
                              text=True).stdout

    (where / "lex").mkdir()
    (where / "coreference_old.py").write_text(show("ingest/nlp/coreference.py"), encoding="utf-8")
    (where / "coref_links_old.py").write_text(show("ingest/nlp/coref_links.py").replace(
        "from aikg.ingest.nlp.coreference import", "from coreference_old import"), encoding="utf-8")
    (where / "lex" / "context_links.json").write_text(show("data/lexicon/context_links.json"), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--base", required=True, help="the commit whose context layer is the 'before'")
    ap.add_argument("--no-gazetteer", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ctx-ab-"))
    _old_modules(args.base, tmp)
    sys.path.insert(0, str(tmp))
    import coref_links_old as clo  # noqa: E402
    import coreference_old as co  # noqa: E402

    import aikg.ingest.nlp.coref_links as cln
    import aikg.ingest.nlp.coreference as cn
    import aikg.ingest.nlp.extractor as x
    import aikg.ingest.nlp.mentions.anaphors as an
    from aikg.evaluate import evaluate
    from aikg.ingest.nlp import Extractor
    from aikg.ingest.nlp.config import ExtractConfig

    old_words = co.LinkWords.from_dir(tmp / "lex")
    for label in ("before", "after"):
        old = label == "before"
        x.link_references = clo.link_references if old else cln.link_references
        an.resolves_here = (lambda w, s, words=None: co.resolves_here(w, s, old_words)) if old else cn.resolves_here
        cfg = ExtractConfig() if not args.no_gazetteer else ExtractConfig(gazetteer_dir=Path(tempfile.mkdtemp()))
        ex = Extractor(cfg)
        ex._load()
        if old:
            ex._links = old_words
        rep = evaluate(args.gold_dir, ex)
        r = rep.relations
        print(f"{label} ({args.base if old else 'working tree'}, gazetteer {'off' if args.no_gazetteer else 'on'}, "
              f"{len(rep.docs)} documents): P {r.precision:.4f} R {r.recall:.4f} F1 {r.f1:.4f} "
              f"(TP {r.tp}, FP {r.fp}, FN {r.fn})", flush=True)
        for t, s in sorted(rep.by_type().items()):
            print(f"    {t:16s} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (tp {s.tp} fp {s.fp} fn {s.fn})",
                  flush=True)


if __name__ == "__main__":
    main()
