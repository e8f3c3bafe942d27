"""The full facts output of extraction (every mention and relation with its evidence) on the dev texts and the
sample corpus, to show that a speed change leaves the output unchanged.

``--compare`` extracts the same documents twice in this process, once as shipped and once with the older,
slower code of the speed changes put back (:func:`baseline`), and prints every difference: both runs see
the same tree, so edits other engineers make meanwhile cannot pass for a difference. ``--out`` writes the
shipped run as JSON lines (one document a line) for a later ``--diff A B``.

    .venv/bin/python -m bench.facts_snapshot --compare [--no-gazetteer]
    .venv/bin/python -m bench.facts_snapshot --out /tmp/facts.jsonl [--no-gazetteer]
    .venv/bin/python -m bench.facts_snapshot --diff /tmp/a.jsonl /tmp/b.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import warnings
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))



def _add_before(self, d, facts, cands, sinfo, replace_window, starts):  # noqa: ANN001, ANN202
    """``Extractor._add`` before relation_keys.py: the document's keys rebuilt at every call."""
    from aikg.ingest.nlp.context import evidence_start
    from aikg.ingest.nlp.records import RelationCandidate

    start, end, text = sinfo
    page = d.page_of(start)
    if replace_window:
        pairs = {(c.src, c.tgt) for c in cands} | {(c.tgt, c.src) for c in cands}
        rtypes = {c.type for c in cands}
        facts.relations = [r for r in facts.relations if not (
            r.method.startswith("window:") and r.sent_end == end and ((r.source, r.target) in pairs or r.type in rtypes))]
    have = {(r.type, r.source, r.target, r.method, r.sent_end) for r in facts.relations}
    for c in cands:
        key = (c.type, c.src, c.tgt, c.method, end)
        if key in have:
            continue
        have.add(key)
        ev = evidence_start(starts, start, facts.mentions, (c.src, c.tgt)) if starts else start
        ev_text = text if ev == start else d.text[ev:end]
        facts.relations.append(RelationCandidate(c.type, c.src, c.tgt, round(c.conf, 3), c.method, ev, end, ev_text, page))


#: (module, attribute, the older code) of every speed change that can be put back
BASELINE: tuple[tuple[str, str, Any], ...] = (
    ("aikg.ingest.nlp.extractor", "Extractor._add", _add_before),
)
_SAVED: dict[tuple[str, str], Any] = {}


def documents() -> list[Any]:
    """The dev texts as ``aikg evaluate`` builds them, then the sample corpus as ``make demo`` loads it."""
    from aikg.core.ids import content_id
    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.loaders import discover, load_path
    from aikg.ingest.pipeline import needs_nlp

    docs = []
    for p in sorted((ROOT / "tests/data/gold/dev").glob("*.txt")):
        raw = p.read_bytes()
        docs.append(LoadedDocument(id=content_id(raw), source=f"dev/{p.name}", title=p.stem, kind="text",
                                   text=raw.decode("utf-8")))
    for path, skip in discover([ROOT / "data/samples"]):
        if skip is None:
            d = load_path(path)
            if needs_nlp(d):
                docs.append(d)
    return docs


def facts_lines(docs: list[Any], gazetteer: bool) -> list[dict[str, Any]]:
    """One dict per document: its source, word count, mentions and relations (all fields)."""
    from aikg.ingest.nlp import Extractor
    from aikg.ingest.nlp.config import ExtractConfig

    with tempfile.TemporaryDirectory(prefix="aikg-snapshot-") as empty, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ex = Extractor() if gazetteer else Extractor(ExtractConfig(gazetteer_dir=Path(empty)))
        out = []
        for d, f in zip(docs, ex.extract_many(docs)):
            out.append({"doc": d.source, "words": f.words, "mentions": [asdict(m) for m in f.mentions],
                        "relations": [asdict(r) for r in f.relations]})
    return out


def baseline(on: bool) -> None:
    """Put the older code of :data:`BASELINE` in place (True) or the shipped code back (False)."""
    import importlib

    for module, path, old in BASELINE:
        owner: Any = importlib.import_module(module)
        *parents, attr = path.split(".")
        for name in parents:
            owner = getattr(owner, name)
        _SAVED.setdefault((module, path), getattr(owner, attr))
        setattr(owner, attr, old if on else _SAVED[(module, path)])


def differences(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[str]:
    """Every mention or relation present in one run and not the other, per document."""
    out: list[str] = []
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        for key in ("words", "mentions", "relations"):
            if x[key] == y[key]:
                continue
            if key == "words":
                out.append(f"{x['doc']}: words {x['words']} vs {y['words']}")
                continue
            xs = [json.dumps(v, sort_keys=True) for v in x[key]]
            ys = [json.dumps(v, sort_keys=True) for v in y[key]]
            out += [f"{x['doc']}: {key} only in A: {v}" for v in xs if v not in ys]
            out += [f"{x['doc']}: {key} only in B: {v}" for v in ys if v not in xs]
            if sorted(xs) == sorted(ys):
                out.append(f"{x['doc']}: {key} equal but in another order")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", action="store_true", help="shipped code (A) against the older code (B), same process")
    ap.add_argument("--out", default="", help="write the shipped run as JSON lines")
    ap.add_argument("--diff", nargs=2, metavar=("A", "B"), help="compare two files written by --out")
    ap.add_argument("--no-gazetteer", action="store_true", help="an empty gazetteer (the ablation)")
    args = ap.parse_args()
    if args.diff:
        a, b = ([json.loads(line) for line in Path(p).read_text(encoding="utf-8").splitlines()] for p in args.diff)
        diff = differences(a, b)
    else:
        docs = documents()
        baseline(False)
        a = facts_lines(docs, not args.no_gazetteer)
        if args.out:
            Path(args.out).write_text("".join(json.dumps(line, sort_keys=True) + "\n" for line in a), encoding="utf-8")
        if not args.compare:
            print(f"{len(a)} documents written to {args.out}")
            return
        baseline(True)
        b = facts_lines(docs, not args.no_gazetteer)
        baseline(False)
        diff = differences(a, b)
    n_m = sum(len(x["mentions"]) for x in a)
    n_r = sum(len(x["relations"]) for x in a)
    print(f"{len(a)} documents, {n_m} mentions, {n_r} relations in A; {len(diff)} differences")
    for line in diff:
        print(line)
    sys.exit(1 if diff else 0)


if __name__ == "__main__":
    main()
