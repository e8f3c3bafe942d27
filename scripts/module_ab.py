#!/usr/bin/env python
"""Paired A/B of some extractor files: an earlier commit's versions against today's, the rest of the tree the same.

Why: several engineers edit the extractor at once, so figures taken at two times differ by their work too. This copies
today's ``ingest/`` and ``data/`` twice into a temporary folder, puts the earlier commit's versions of the named files
into one copy, and scores ``aikg evaluate`` on each copy (the editable install's package map pointed at the copy).

Usage: ``python scripts/module_ab.py tests/data/gold/dev --commit 55319d4 --files ingest/nlp/relation_grants.py
data/lexicon/runs_published.json [--no-gazetteer] [--types RUNS,FUNDS]``
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = r"""
import json, sys
from pathlib import Path
import __editable___aikg_0_1_0_finder as finder
finder.MAPPING["aikg.ingest"] = sys.argv[1] + "/ingest"
finder.MAPPING["aikg.data"] = sys.argv[1] + "/data"
from aikg.evaluate import evaluate
r = evaluate(Path(sys.argv[2]), gazetteer=sys.argv[3] == "on")
print(json.dumps({"entities": r.entities.as_dict(), "relations": r.relations.as_dict(), "by_type": {t: s.as_dict() for t, s in r.by_type().items()}}))
"""


def _copy(dest: Path) -> None:
    for part in ("ingest", "data"):
        shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))


def _score(tree: Path, gold: Path, gazetteer: bool) -> dict:
    out = subprocess.run([sys.executable, "-c", _RUN, str(tree), str(gold), "on" if gazetteer else "off"],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--commit", required=True)
    ap.add_argument("--files", nargs="+", required=True, help="paths under ingest/ or data/ to take from --commit")
    ap.add_argument("--no-gazetteer", action="store_true")
    ap.add_argument("--types", default="", help="relation types to print (all when empty)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="aikg-ab-") as tmp:
        old, new = Path(tmp) / "old", Path(tmp) / "new"
        _copy(old)
        _copy(new)
        for f in args.files:
            text = subprocess.run(["git", "show", f"{args.commit}:{f}"], check=True, capture_output=True, text=True,
                                  cwd=ROOT).stdout
            (old / f).write_text(text, encoding="utf-8")
        gold = args.gold_dir.resolve()
        scores = {name: _score(tree, gold, not args.no_gazetteer) for name, tree in (("old", old), ("new", new))}
    types = [t for t in args.types.split(",") if t] or sorted(scores["new"]["by_type"])
    for name in ("old", "new"):
        s = scores[name]
        print(f"{name}: typed entities {s['entities']}")
        print(f"{name}: typed relations {s['relations']}")
        for t in types:
            print(f"  {t:16s} {s['by_type'].get(t)}")


if __name__ == "__main__":
    main()
