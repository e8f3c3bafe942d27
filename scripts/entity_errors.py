#!/usr/bin/env python
"""Dev entity errors by kind: wrong type, wrong extent, missed, spurious fragment; with the sentence.

Why: typed-entity F1 mixes four different failures (a name never found, found with a cut or extended
extent, found with the wrong type, a fragment made an entity) that need different fixes; this pairs each
missed gold entity with the false prediction that stands for it and counts the kinds. ``--save FILE``
keeps the lists as JSON and ``--diff FILE`` prints what changed against an earlier run.

Usage: ``python scripts/entity_errors.py tests/data/gold/dev [--no-gazetteer] [--kind type] [--save a.json]
[--diff a.json]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from aikg.core.ids import normalise_name
from aikg.evaluate import evaluate

_ROW = re.compile(r"^(\S+) (.*)$")


def _split(row: str) -> tuple[str, str]:
    m = _ROW.match(row)
    return (m.group(1), m.group(2)) if m else ("?", row)


def _words(name: str) -> set[str]:
    return set(normalise_name(name).split())


def _sentence(text: str, name: str) -> str:
    """The first line part holding the name (a window of the text around it)."""
    i = text.find(name)
    if i < 0:
        return "-"
    a = max(text.rfind("\n", 0, i), text.rfind(". ", 0, i) + 1, i - 160)
    b = min(x for x in (text.find("\n", i), text.find(". ", i + len(name)), i + len(name) + 160) if x >= 0)
    return text[a:b + 1].strip()


def _pair(doc: str, text: str, missed: list[str], false: list[str]) -> list[dict[str, str]]:
    """Each missed gold entity paired with the false prediction of the same name (type) or overlapping words (extent)."""
    rows: list[dict[str, str]] = []
    free = [_split(f) for f in false]
    used: set[int] = set()
    for m in missed:
        typ, name = _split(m)
        kind, other = "missed", ""
        for i, (ft, fn) in enumerate(free):
            if i not in used and normalise_name(fn) == normalise_name(name):
                kind, other = "type", f"{ft} {fn}"
                used.add(i)
                break
        else:
            for i, (ft, fn) in enumerate(free):
                if i in used:
                    continue
                a, b = _words(name), _words(fn)
                if a and b and (a <= b or b <= a or len(a & b) >= max(1, min(len(a), len(b)) - 0)) and (a & b):
                    kind = "extent" if ft == typ else "extent+type"
                    other = f"{ft} {fn}"
                    used.add(i)
                    break
        rows.append({"doc": doc, "kind": kind, "gold": m, "pred": other, "text": _sentence(text, name)})
    for i, (ft, fn) in enumerate(free):
        if i not in used:
            rows.append({"doc": doc, "kind": "spurious", "gold": "", "pred": f"{ft} {fn}", "text": _sentence(text, fn)})
    return rows


def collect(gold_dir: Path, gazetteer: bool) -> dict[str, object]:
    report = evaluate(gold_dir, gazetteer=gazetteer)
    rows: list[dict[str, str]] = []
    for d in report.docs:
        text = (gold_dir / d.name).read_text(encoding="utf-8")
        rows.extend(_pair(d.name, text, d.missed_entities, d.false_entities))
    e, r = report.entities, report.relations
    return {"entities": {"tp": e.tp, "fp": e.fp, "fn": e.fn, "f1": round(e.f1, 4)},
            "relations": {"tp": r.tp, "fp": r.fp, "fn": r.fn, "f1": round(r.f1, 4)}, "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--no-gazetteer", action="store_true")
    ap.add_argument("--kind", default=None, help="missed, type, extent, extent+type or spurious")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--diff", type=Path)
    ap.add_argument("--load", type=Path, help="print a saved run instead of evaluating")
    args = ap.parse_args()
    data = json.loads(args.load.read_text(encoding="utf-8")) if args.load \
        else collect(args.gold_dir, not args.no_gazetteer)
    if args.save:
        args.save.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    rows = data["rows"]
    print("entities", data["entities"], "relations", data.get("relations"))
    print("kinds", dict(Counter(r["kind"] for r in rows)))
    if args.diff:
        old = json.loads(args.diff.read_text(encoding="utf-8"))
        key = lambda r: (r["doc"], r["kind"], r["gold"], r["pred"])  # noqa: E731
        before, now = {key(r) for r in old["rows"]}, {key(r) for r in rows}
        for label, keys in (("fixed", before - now), ("new", now - before)):
            for k in sorted(keys):
                print(label, " | ".join(k))
        return
    for r in rows:
        if args.kind is None or r["kind"] == args.kind:
            print(f"[{r['kind']}] {r['doc']}: gold={r['gold']!r} pred={r['pred']!r}\n    {r['text'][:300]}")


if __name__ == "__main__":
    main()
