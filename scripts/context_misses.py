#!/usr/bin/env python
"""How many missed relations of a gold folder depend on document context (issue 14, item 3).

Why: before tuning coreference we need to know which share of the misses has an end that the text only
reaches through a pronoun or a definite description ("its", "the institute", "we"), or that is stated across
two sentences, and which share sits in one sentence with both names (work for the relation rules instead).

Each missed gold relation is put in one class by reading the text only (no parse):

* ``same``: one sentence names both ends (a plain sentence form; the context layer is not the cause);
* ``adjacent+ref``: the ends are named in two adjacent sentences and the one naming only one end holds a
  reference word (pronoun, "the <noun>", "we/our");
* ``adjacent``: named in adjacent sentences, no reference word (a statement split another way);
* ``far+ref``: a sentence naming one end holds a reference word and the other end is named further back in the
  same text, or in the title (the document's subject);
* ``far``: the rest (lists under headings, tables, infobox lines, ...).

A second tag says whether an end of the relation is a missed entity (then coreference cannot help).

Usage: ``python scripts/context_misses.py tests/data/gold/dev [--glob 'dev8_*'] [--no-gazetteer] [--save f.json]
[--load f.json] [--show CLASS] [--by-form] [--show-form 'the fund']``
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

_REL = re.compile(r"^([A-Z_]+)\((.*) -> (.*?)\)(?: \[.*\])?$")
_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(0-9])|\n+")
PRONOUNS = ("it", "its", "they", "their", "them", "she", "her", "he", "his", "we", "our", "us")
NOUNS = ("company", "firm", "start-up", "startup", "business", "fund", "investor", "accelerator", "incubator",
         "programme", "program", "scheme", "initiative", "fellowship", "project", "institute", "university",
         "centre", "center", "lab", "laboratory", "foundation", "consortium", "alliance", "network",
         "association", "cluster", "agency", "ministry", "department", "council", "government", "office",
         "directorate", "authority", "commission", "bank", "hub", "park", "city", "region", "group", "college",
         "faculty", "school", "facility", "platform", "chamber", "society", "board", "unit", "organisation",
         "organization", "cooperative", "collective", "venture", "studio", "spin-out", "spinout", "town")
_REF = re.compile(r"\b(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z-]+\s+)?(?:" + "|".join(NOUNS) + r")s?\b|(?:"
                  + "|".join(PRONOUNS) + r")\b|(?:" + "|".join(p.capitalize() for p in PRONOUNS) + r")\b)")


def sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs; a blank line starts a new paragraph."""
    out: list[tuple[int, str]] = []
    for p, para in enumerate(re.split(r"\n\s*\n", text)):
        out.extend((p, s.strip()) for s in _SPLIT.split(para) if s.strip())
    return out


def _has(s: str, names: list[str]) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", s) for n in names if n)


def _ref(s: str, names: list[str]) -> bool:
    """Does the sentence hold a reference word outside the names it holds?"""
    for n in sorted(names, key=len, reverse=True):
        s = re.sub(r"(?<!\w)" + re.escape(n) + r"(?!\w)", " NAME ", s)
    return _REF.search(s) is not None


def ref_form(s: str, names: list[str]) -> str:
    """The first reference word of a sentence outside its names, normalised ("the <noun>", "its", "we"): the form
    a miss of class ``adjacent+ref`` or ``far+ref`` depends on (``--by-form``)."""
    for n in sorted(names, key=len, reverse=True):
        s = re.sub(r"(?<!\w)" + re.escape(n) + r"(?!\w)", " NAME ", s)
    m = _REF.search(s)
    if m is None:
        return "-"
    words = m.group(0).lower().split()
    if len(words) == 1:
        return words[0]
    noun = words[-1].rstrip("s") if words[-1].rstrip("s") in NOUNS else words[-1]
    return f"{words[0]} {noun}"


def lone_sentence(text: str, na: list[str], nb: list[str]) -> str:
    """The sentence naming one end only that holds a reference (the later of an adjacent pair first)."""
    sents = sentences(text)
    ia = {k for k, (_p, s) in enumerate(sents) if _has(s, na)}
    ib = {k for k, (_p, s) in enumerate(sents) if _has(s, nb)}
    lone = sorted((ia | ib) - (ia & ib), key=lambda k: -k)
    adj = [max(x, y) for x in ia for y in ib if abs(x - y) == 1]
    for k in adj + lone:
        if _REF.search(sents[k][1]):
            return sents[k][1]
    return ""


def classify(text: str, na: list[str], nb: list[str], all_names: list[str]) -> str:
    sents = sentences(text)
    ia = [k for k, (_p, s) in enumerate(sents) if _has(s, na)]
    ib = [k for k, (_p, s) in enumerate(sents) if _has(s, nb)]
    if not ia or not ib:
        return "unnamed"
    if set(ia) & set(ib):
        return "same"
    adj = [(x, y) for x in ia for y in ib if abs(x - y) == 1]
    for x, y in adj:
        lone = max(x, y)  # the later sentence refers back
        if _ref(sents[lone][1], all_names):
            return "adjacent+ref"
    title = sents[0][1] if sents else ""
    for lone_set, other in ((ib, ia), (ia, ib)):
        for k in lone_set:
            if _ref(sents[k][1], all_names) and (any(o < k for o in other) or _has(title, na + nb)):
                return "far+ref"
    return "adjacent" if adj else "far"


def evidence(text: str, na: list[str], nb: list[str]) -> list[tuple[int, str]]:
    """The sentences naming one end and those between (at most four), for reading a miss."""
    sents = sentences(text)
    ib = [k for k, (_p, s) in enumerate(sents) if _has(s, nb)]
    ia = [k for k, (_p, s) in enumerate(sents) if _has(s, na)]
    if not ia or not ib:
        return []
    x, y = min(((a, b) for a in ia for b in ib), key=lambda ab: abs(ab[0] - ab[1]))
    lo, hi = min(x, y), max(x, y)
    if hi - lo > 3:
        return [(lo, sents[lo][1]), (hi, sents[hi][1])]
    return [(k, sents[k][1]) for k in range(lo, hi + 1)]


def _names(gold: dict, name: str) -> list[str]:
    for e in gold["entities"]:
        if e["name"] == name:
            return [e["name"], *e.get("aliases", [])]
    return [name]


def collect(gold_dir: Path, pattern: str, gazetteer: bool) -> list[dict]:
    from aikg.evaluate import evaluate

    with tempfile.TemporaryDirectory(prefix="ctx-misses-") as tmp:
        sub = Path(tmp)
        for p in sorted(gold_dir.glob("*.txt")):
            if fnmatch.fnmatch(p.name, pattern):
                (sub / p.name).symlink_to(p.resolve())
                g = p.with_name(p.stem + ".gold.json")
                (sub / g.name).symlink_to(g.resolve())
        report = evaluate(sub, gazetteer=gazetteer)
    rows = []
    for d in report.docs:
        missed_ents = {x.split(" ", 1)[1] for x in d.missed_entities}
        for r in d.missed_relations:
            m = _REL.match(r)
            if m:
                rows.append({"doc": d.name, "type": m.group(1), "src": m.group(2), "tgt": m.group(3),
                             "entity_miss": m.group(2) in missed_ents or m.group(3) in missed_ents})
        rows.extend({"doc": d.name, "false": f} for f in d.false_relations)
    summary = report.as_dict()
    rows.append({"summary": {k: summary[k] for k in ("documents", "entities", "relations", "by_type")}})
    return rows


def _print_summary(rows: list[dict]) -> None:
    for r in rows:
        if "summary" in r:
            sm = r["summary"]
            print(f"documents {sm['documents']}; entities F1 {sm['entities']['f1']}; relations "
                  f"P {sm['relations']['precision']} R {sm['relations']['recall']} F1 {sm['relations']['f1']}")
            for t, v in sm["by_type"].items():
                print(f"  {t:16} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} "
                      f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})")


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--glob", default="*")
    ap.add_argument("--no-gazetteer", action="store_true")
    ap.add_argument("--save", type=Path)
    ap.add_argument("--load", type=Path)
    ap.add_argument("--show", default=None, help="print the misses of this class with their sentences")
    ap.add_argument("--by-form", action="store_true",
                    help="count the misses of classes adjacent+ref / far+ref by reference form ('the company', 'its')")
    ap.add_argument("--show-form", default=None, help="print the misses that depend on this form ('the fund')")
    return ap.parse_args()


def main() -> None:
    args = _args()
    rows = json.loads(args.load.read_text()) if args.load else collect(args.gold_dir, args.glob, not args.no_gazetteer)
    if args.load:
        rows = [r for r in rows if "summary" in r or fnmatch.fnmatch(r["doc"], args.glob)]
    if args.save:
        args.save.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    by_cls: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    ent: Counter[str] = Counter()
    forms: Counter[tuple[str, bool]] = Counter()
    for r in rows:
        if "false" in r or "summary" in r:
            continue
        text = (args.gold_dir / r["doc"]).read_text(encoding="utf-8")
        gold = json.loads((args.gold_dir / (Path(r["doc"]).stem + ".gold.json")).read_text(encoding="utf-8"))
        all_names = [n for e in gold["entities"] for n in (e["name"], *e.get("aliases", []))]
        cls = classify(text, _names(gold, r["src"]), _names(gold, r["tgt"]), all_names)
        by_cls[cls] += 1
        by_type[r["type"]][cls] += 1
        ent[(cls, r["entity_miss"])] += 1
        if cls.endswith("+ref"):
            lone = lone_sentence(text, _names(gold, r["src"]), _names(gold, r["tgt"]))
            form = ref_form(lone, all_names)
            forms[(form, r["entity_miss"])] += 1
            if args.show_form == form:
                print(f"{r['type']:15} {r['doc']}: {r['src']} -> {r['tgt']}"
                      f"{'  [ENTITY MISS]' if r['entity_miss'] else ''}\n      {lone[:300]}")
        if args.show and cls == args.show:
            print(f"{r['type']:15} {r['doc']}: {r['src']} -> {r['tgt']}{'  [ENTITY MISS]' if r['entity_miss'] else ''}")
            for k, s in evidence(text, _names(gold, r["src"]), _names(gold, r["tgt"])):
                print(f"      [{k}] {s[:300]}")
    _print_summary(rows)
    total = sum(by_cls.values())
    classes = ["same", "adjacent+ref", "adjacent", "far+ref", "far", "unnamed"]
    print(f"missed relations: {total}")
    print(f"{'class':14} {'n':>4} {'share':>6} {'end not an entity':>18}")
    for c in classes:
        print(f"{c:14} {by_cls[c]:4d} {by_cls[c] / max(total, 1):6.2f} {ent[(c, True)]:18d}")
    if args.by_form:
        print(f"\n{'reference form (+ref classes)':30} {'n':>4} {'end not an entity':>18}")
        for f in sorted({f for f, _e in forms}, key=lambda f: -(forms[(f, True)] + forms[(f, False)])):
            print(f"{f:30} {forms[(f, True)] + forms[(f, False)]:4d} {forms[(f, True)]:18d}")
    print("\nby type: " + " ".join(f"{c:>13}" for c in classes))
    for t, cnt in sorted(by_type.items()):
        print(f"{t:16} " + " ".join(f"{cnt[c]:13d}" for c in classes))


if __name__ == "__main__":
    main()
