#!/usr/bin/env python
"""List the missed and false relations of a gold folder, per relation type, with the sentences that hold both ends.

Why: tuning relation rules needs to see the text forms behind each miss (recall) and each false edge
(precision), not just the totals ``aikg evaluate`` prints. ``--save FILE`` keeps the lists as JSON and
``--diff FILE`` shows what changed against an earlier run (gained and lost relations).

Usage: ``python scripts/relation_misses.py tests/data/gold/dev [--type FUNDS] [--fp] [--save a.json] [--diff a.json]``
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from aikg.evaluate import evaluate

_REL = re.compile(r"^([A-Z_]+)\((.*) -> (.*?)\)(?: \[.*\])?$")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def _names(gold: dict, name: str) -> list[str]:
    for e in gold["entities"]:
        if e["name"] == name:
            return [e["name"], *e.get("aliases", [])]
    return [name]


def _evidence(text: str, gold: dict, a: str, b: str) -> str:
    """The first sentence (or pair of adjacent sentences) naming both ends."""
    sents = _sentences(text)
    na, nb = _names(gold, a), _names(gold, b)

    def has(s: str, names: list[str]) -> bool:
        return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", s) for n in names)

    for s in sents:
        if has(s, na) and has(s, nb):
            return s
    for s, t in zip(sents, sents[1:]):
        if (has(s, na) or has(t, na)) and (has(s, nb) or has(t, nb)):
            return s + " || " + t
    return "-"


def collect(gold_dir: Path) -> dict[str, list[dict[str, str]]]:
    report = evaluate(gold_dir)
    out: dict[str, list[dict[str, str]]] = {"missed": [], "false": []}
    for d in report.docs:
        txt = (gold_dir / d.name).read_text(encoding="utf-8")
        gold = json.loads((gold_dir / Path(d.name).with_name(Path(d.name).stem + ".gold.json")).read_text(encoding="utf-8"))
        for kind, rows in (("missed", d.missed_relations), ("false", d.false_relations)):
            for r in rows:
                m = _REL.match(r)
                ev = _evidence(txt, gold, m.group(2), m.group(3)) if m else "-"
                out[kind].append({"doc": d.name, "rel": r, "type": m.group(1) if m else "?", "evidence": ev})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--type", default=None)
    ap.add_argument("--fp", action="store_true", help="show false relations instead of missed ones")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", type=Path)
    args = ap.parse_args()
    data = collect(args.gold_dir)
    if args.save:
        args.save.write_text(json.dumps(data, indent=1), encoding="utf-8")
    if args.diff:
        old = json.loads(args.diff.read_text(encoding="utf-8"))
        for kind, label in (("missed", "now found"), ("false", "no longer false")):
            before = {(r["doc"], r["rel"]) for r in old[kind]}
            now = {(r["doc"], r["rel"]) for r in data[kind]}
            for x in sorted(before - now):
                print(f"+ {label}: {x[0]}: {x[1]}")
            for x in sorted(now - before):
                print(f"- new {kind}: {x[0]}: {x[1]}")
        return
    rows = data["false" if args.fp else "missed"]
    for r in sorted(rows, key=lambda r: (r["type"], r["doc"])):
        if args.type and r["type"] != args.type:
            continue
        print(f"{r['type']:16} {r['doc']}: {r['rel']}\n    {r['evidence'][:400]}")


if __name__ == "__main__":
    main()
