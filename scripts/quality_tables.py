#!/usr/bin/env python
"""Print the markdown tables of docs/quality.md for one gold folder, from ``aikg.evaluate``.

Why: every figure in docs/quality.md must come from a command; this one renders the same numbers
``aikg evaluate DIR --json`` prints, as the tables the document shows, so nobody copies by hand.

Usage: ``python scripts/quality_tables.py tests/data/gold/dev [--no-gazetteer] [--label dev]``
"""

from __future__ import annotations

import argparse
from pathlib import Path

from aikg.evaluate import EvalReport, Score, evaluate

#: goals of issue 14 shown next to the measured figures
GOALS = {"typed relations": "F1 ≥ 0.75, R ≥ 0.70", "typed entities": "F1 ≥ 0.90"}
TYPE_GOALS = {"ANCHORS": "P ≥ 0.90, R ≥ 0.70", "PARTNERS_WITH": "P ≥ 0.90, R ≥ 0.70"}


def _cells(s: Score) -> str:
    return f"{s.precision:.3f} | {s.recall:.3f} | **{s.f1:.3f}** | {s.tp} | {s.fp} | {s.fn}"


def overall(report: EvalReport, label: str) -> list[str]:
    lines = ["| set | measure | P | R | F1 | TP | FP | FN | goal |", "|---|---|---|---|---|---|---|---|---|"]
    rows = [("typed entities", report.entities), ("typed relations", report.relations), ("entity pairs", report.pairs)]
    unl = report.unlisted()
    if unl:
        rows += [(f"unlisted ({unl['documents']} docs) typed entities", unl["entities"]),
                 (f"unlisted ({unl['documents']} docs) typed relations", unl["relations"])]
    for name, s in rows:
        goal = next((g for k, g in GOALS.items() if name.endswith(k)), "")
        lines.append(f"| {label} ({len(report.docs)}) | {name} | {_cells(s)} | {goal} |")
    return lines


def by_type(report: EvalReport, label: str) -> list[str]:
    unl = report.unlisted()
    head = "| relation type | P | R | F1 | TP | FP | FN | unlisted docs P / R / F1 | goal |"
    lines = [head, "|---|---|---|---|---|---|---|---|---|"]
    for t, s in report.by_type().items():
        u = unl["by_type"].get(t) if unl else None
        ucell = f"{u.precision:.2f} / {u.recall:.2f} / {u.f1:.2f}" if u else "-"
        lines.append(f"| {t} | {_cells(s)} | {ucell} | {TYPE_GOALS.get(t, 'R ≥ 0.70')} |")
    return lines


def entity_types(report: EvalReport) -> list[str]:
    """Typed entities per gold type (a wrong type counts against both), then the main type confusions."""
    lines = ["| entity type | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {t} | {_cells(s)} |" for t, s in report.entity_types().items()]
    conf = report.entity_confusions()[:8]
    if conf:
        lines += ["", "Main type confusions (gold type → predicted type): "
                  + ", ".join(f"{g} → {p} {n}" for g, p, n in conf) + "."]
    return lines


def by_genre(report: EvalReport) -> list[str]:
    lines = ["| genre | docs | entity P / R / F1 | relation P / R / F1 |", "|---|---|---|---|"]
    for g, v in report.by_genre().items():
        e, r = v["entities"], v["relations"]
        lines.append(f"| {g} | {v['documents']} | {e.precision:.2f} / {e.recall:.2f} / {e.f1:.2f} | "
                     f"{r.precision:.2f} / {r.recall:.2f} / {r.f1:.2f} |")
    return lines


def bands(report: EvalReport) -> list[str]:
    rows = report.bands()
    labels = list(next(iter(rows.values()))) if rows else []
    lines = ["| relation type | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    for t, row in rows.items():
        cells = [f"{tp / (tp + fp):.2f} ({tp}/{tp + fp})" if tp + fp else "-" for tp, fp in row.values()]
        lines.append(f"| {t} | " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--no-gazetteer", action="store_true", help="ablation: an empty gazetteer")
    parser.add_argument("--label", default=None, help="set name in the first column (default: folder name)")
    args = parser.parse_args(argv)
    report = evaluate(args.gold_dir, gazetteer=not args.no_gazetteer)
    label = (args.label or args.gold_dir.name) + (", gazetteer off" if args.no_gazetteer else "")
    for title, lines in (("Overall", overall(report, label)), ("Per relation type", by_type(report, label)),
                         ("Per entity type", entity_types(report)), ("Per genre", by_genre(report)), ("Precision by confidence band", bands(report))):
        print(f"#### {title} — {label}\n")
        print("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
