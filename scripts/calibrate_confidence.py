#!/usr/bin/env python
"""Build data/models/confidence.json: the precision of each (relation type, method) on the development
gold, and a small model that ranks relations within it.

Why: a relation's confidence should mean how often such a relation is right, so that
``--min-confidence 0.8`` keeps edges that are right about 80% of the time, and a higher confidence
should pick out the right ones (docs/extraction.md, *Confidence*). Steps: extract every gold text once
with the rules' own confidences (``ExtractConfig(calibration="off", pair_model="off")``); resolve each
document and label every relation right or wrong as ``aikg evaluate`` scores it, remembering which
candidates (method, rule confidence, sentence, features) gave it; choose the smoothing strength by
cross-validation over documents (fit on k-1 folds, score the held-out fold: Brier score); measure, on
the same folds, the table alone, a noisy-OR over sentences, and the table with the logistic model
(:func:`aikg.ingest.nlp.calibration.fit_ranked`); print the per-band predicted vs observed precision
and what ``--min-confidence`` keeps; then fit on every document and write the table, with the model
only if it ranked clearly better and calibrated no worse (:func:`accept_model`). Takes about a minute
(almost all of it the extraction). Deterministic: the same gold and extractor give the same bytes.
Never run it on the held-out gold.

Usage: ``.venv/bin/python scripts/calibrate_confidence.py tests/data/gold/dev [-o FILE] [--folds 5] [--markdown] [--no-model] [--fold-seed S]``
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from aikg.core.facts import EntityRecord, RelationRecord
from aikg.core.ids import content_id
from aikg.core.paths import as_path, shipped
from aikg.evaluate import (
    RELIABILITY_BANDS,
    SYMMETRIC,
    _gold_relations,
    _load_gold,
    _match_entities,
    _relation_ends,
    gold_texts,
    reliability,
)
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import DocFacts, ExtractConfig, Extractor, resolve
from aikg.ingest.nlp.calibration import (
    COMBINE,
    ConfidenceTable,
    Observation,
    Support,
    fit,
    fit_ranked,
    folds_of,
    relation_confidence,
)
from aikg.ingest.nlp.confidence_features import candidate_features

STRENGTHS = (2.0, 5.0, 10.0, 20.0, 50.0, 100.0)  # pseudo-relations of the Beta prior tried by cross-validation
TOLERANCE = 0.001  # Brier differences this small are noise on about a thousand relations
COMBINE_USED = "max"  # what the resolver and the loaders do with several candidates of one relation
L2 = 30.0  # the model's penalty on standardised weights (cross-validated AUC is flat from 3 to 100 on dev)
MIN_AUC_GAIN = 0.05  # the model ships only if it ranks this much better than the table (and calibrates no worse)
#: "no worse" up to noise: Brier as TOLERANCE; calibration error by half a point (on dev, other fold
#: assignments move the table's by 0.005 and the model's by 0.01)
NOISE = {"brier": TOLERANCE, "ece": 0.005}


def label(name: str, gold: dict[str, Any], facts: DocFacts) -> list[Observation]:
    """Every relation of one document, right or wrong as aikg.evaluate scores it, with the candidates behind it.

    Each candidate's sentence text is replaced by its index before resolution, so the evidence of each
    resolved relation names the candidates it came from (resolution never reads sentence text).
    """
    feats = candidate_features(facts)
    tagged = replace(facts, relations=[replace(r, sentence=f"#{i}") for i, r in enumerate(facts.relations)])
    records = resolve([tagged])
    ents = [r for r in records if isinstance(r, EntityRecord)]
    end_of = _relation_ends(gold["entities"], ents, _match_entities(gold["entities"], ents))
    gold_rel = _gold_relations(gold)
    keyed: dict[tuple, set[Support]] = {}
    out: list[Observation] = []
    for r in (x for x in records if isinstance(x, RelationRecord)):
        cands = [(facts.relations[i], feats[i]) for i in (int(ev.sentence[1:]) for ev in r.evidence)]
        supports = {Support(c.method, c.confidence, (c.sent_start, c.sent_end), f) for c, f in cands}
        a, b = end_of.get(r.source), end_of.get(r.target)
        if a is None or b is None or a == b:  # an end that is no gold entity: wrong, counted on its own
            out.append(Observation(name, r.type, False, tuple(sorted(supports, key=_order))))
            continue
        key = (r.type, min(a, b), max(a, b)) if r.type in SYMMETRIC else (r.type, a, b)
        keyed.setdefault(key, set()).update(supports)
    for key, supports in sorted(keyed.items()):
        out.append(Observation(name, key[0], key in gold_rel, tuple(sorted(supports, key=_order))))
    return out


def _order(s: Support) -> tuple:
    return (s.sentence, s.method, s.confidence)


def collect(gold_dir: Path) -> list[Observation]:
    """Extract every gold text with rule confidences and label its relations."""
    texts = gold_texts(gold_dir)
    if not texts:
        sys.exit(f"no gold documents (NAME.txt with NAME.gold.json) under {gold_dir}")
    docs, golds = [], []
    for p in texts:
        golds.append(_load_gold(p.with_name(p.stem + ".gold.json")))
        raw = p.read_bytes()
        docs.append(LoadedDocument(id=content_id(raw), source=str(p), title=p.stem, kind="text", text=raw.decode("utf-8")))
    extractor = Extractor(ExtractConfig(calibration="off", pair_model="off"))
    out: list[Observation] = []
    for p, gold, facts in zip(texts, golds, extractor.extract_many(docs)):
        out.extend(label(str(p.relative_to(gold_dir)), gold, facts))
    return out


def cross_validated(observations: Sequence[Observation], k: int, strength: float, how: str,
                    l2: float | None = None, seed: str = "") -> list[tuple[str, float, bool]]:
    """(type, confidence, right) of every relation, its confidence from a table (with ``l2``: a table and
    its model, :func:`fit_ranked`) fitted without its document's fold."""
    out: list[tuple[str, float, bool]] = []
    for fold in folds_of(observations, k, seed):
        held = set(fold)
        train = [o for o in observations if o.group not in held]
        table = fit(train, strength, how) if l2 is None else fit_ranked(train, strength, l2, k, how)
        out.extend((o.type, relation_confidence(table, o.type, o.supports, how), o.correct)
                   for o in observations if o.group in held)
    return out


def uncalibrated(observations: Sequence[Observation]) -> list[tuple[str, float, bool]]:
    """(type, rule confidence, right): today's confidences, the highest candidate's."""
    return [(o.type, relation_confidence(None, o.type, o.supports, "max"), o.correct) for o in observations]


def choose(observations: Sequence[Observation], k: int, seed: str = "") -> tuple[float, list[str]]:
    """The prior strength, and the lines that say why.

    The cross-validated Brier score keeps falling a little as the prior grows (at the limit every relation
    gets the overall precision, and the ranking is lost), so the least smoothing within ``TOLERANCE`` of
    the best Brier is taken. Both ways of combining candidates are shown; the stores combine by ``max``.
    """
    lines = ["cross-validated Brier score (lower is better) by prior strength and combination:",
             f"{'strength':>10}" + "".join(f"{how:>10}" for how in COMBINE)]
    brier: dict[tuple[float, str], float] = {}
    for strength in STRENGTHS:
        for how in COMBINE:
            brier[(strength, how)] = reliability(cross_validated(observations, k, strength, how, seed=seed))["brier"]
        lines.append(f"{strength:10g}" + "".join(f"{brier[(strength, how)]:10.4f}" for how in COMBINE))
    best = min(brier[(s, "max")] for s in STRENGTHS)
    chosen = min(s for s in STRENGTHS if brier[(s, "max")] <= best + TOLERANCE)
    return chosen, lines


def band_lines(title: str, scored: list[tuple[str, float, bool]], markdown: bool) -> list[str]:
    """Predicted (mean confidence) vs observed precision per band, overall and per relation type."""
    rel = reliability(scored)
    labels = [b for b, _, _ in RELIABILITY_BANDS]
    if markdown:
        lines = [f"**{title}** — Brier {rel['brier']:.4f}, expected calibration error {rel['ece']:.3f}, "
                 f"ROC AUC {rel['auc']}", "",
                 "| relation type | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
    else:
        lines = [f"{title}: Brier {rel['brier']:.4f}, ECE {rel['ece']:.3f}, ROC AUC {rel['auc']}  "
                 "(cell: predicted/observed (right/n))"]
    rows = [("all relations", rel)] + [(t, reliability([x for x in scored if x[0] == t]))
                                       for t in sorted({x[0] for x in scored})]
    for name, r in rows:
        cells = [f"{c['predicted']:.2f} / {c['observed']:.2f} ({c['right']}/{c['n']})" if c["n"] else "-"
                 for c in (r["bands"][b] for b in labels)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |" if markdown else f"{name:18}" + "".join(f"{c:>26}" for c in cells))
    return lines


THRESHOLDS = (0.5, 0.7, 0.8, 0.85, 0.9, 0.95)


def threshold_lines(columns: list[tuple[str, list[tuple[str, float, bool]]]]) -> list[str]:
    """What ``--min-confidence X`` keeps: relations kept (share) and their precision, per column of scores."""
    lines = ["| --min-confidence | " + " | ".join(f"{name}: kept, precision" for name, _ in columns) + " |",
             "|---|" + "---|" * len(columns)]
    for x in THRESHOLDS:
        cells = []
        for _, scored in columns:
            kept = [ok for _, conf, ok in scored if conf >= x]
            share = len(kept) / len(scored) if scored else 0.0
            cells.append(f"{len(kept)} ({share:.0%}), {sum(kept) / len(kept):.2f}" if kept else "0")
        lines.append(f"| {x:g} | " + " | ".join(cells) + " |")
    return lines


def accept_model(table_cv: dict[str, Any], model_cv: dict[str, Any]) -> tuple[bool, str]:
    """Ship the model only if it ranks clearly better (ROC AUC up by ``MIN_AUC_GAIN``) and its Brier score
    and calibration error are no worse than the table's (beyond ``NOISE``), all cross-validated by document."""
    gain = (model_cv["auc"] or 0.0) - (table_cv["auc"] or 0.0)
    if gain < MIN_AUC_GAIN:
        return False, f"ROC AUC {model_cv['auc']} against the table's {table_cv['auc']}: gain under {MIN_AUC_GAIN}"
    for key, name in (("brier", "Brier"), ("ece", "calibration error")):
        if model_cv[key] > table_cv[key] + NOISE[key]:
            return False, f"{name} {model_cv[key]} worse than the table's {table_cv[key]}"
    return True, (f"ROC AUC {table_cv['auc']} -> {model_cv['auc']}, Brier {table_cv['brier']} -> {model_cv['brier']}, "
                  f"calibration error {table_cv['ece']} -> {model_cv['ece']}")


def _figures(scored: list[tuple[str, float, bool]]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in reliability(scored).items() if k in ("brier", "ece", "auc") and v is not None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="development gold folder (never the held-out one)")
    ap.add_argument("-o", "--output", type=Path, default=as_path(shipped("models", "confidence.json")))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--markdown", action="store_true", help="band tables as Markdown (docs/extraction.md)")
    ap.add_argument("--no-model", action="store_true", help="write the table alone, whatever the model measures")
    ap.add_argument("--fold-seed", default="", help="deal documents into folds in a seeded hash order instead of by "
                    "name (another assignment of the same documents: how much the figures move)")
    args = ap.parse_args(argv)
    if "heldout" in args.gold.resolve().parts:
        sys.exit("the confidence table is fitted on the development gold only, never the held-out set")
    t0 = time.monotonic()
    observations = collect(args.gold)
    t_extract = time.monotonic() - t0
    strength, lines = choose(observations, args.folds, args.fold_seed)
    print("\n".join(lines), f"\nchosen: strength {strength:g}, combine {COMBINE_USED}\n")
    rules = uncalibrated(observations)
    cv = cross_validated(observations, args.folds, strength, COMBINE_USED, seed=args.fold_seed)
    noisy = cross_validated(observations, args.folds, strength, "noisy-or", seed=args.fold_seed)
    ranked = cross_validated(observations, args.folds, strength, COMBINE_USED, l2=L2, seed=args.fold_seed)
    for title, scored in (("before (rule confidences, highest candidate)", rules),
                          (f"table, highest candidate ({args.folds}-fold cross-validated by document)", cv),
                          ("table, noisy-OR over sentences (same folds; not used)", noisy),
                          (f"table + model, highest candidate (same folds, L2 {L2:g})", ranked)):
        print("\n".join(band_lines(title, scored, args.markdown)), "\n")
    print("\n".join(threshold_lines([("rule confidences", rules), ("table, cross-validated", cv),
                                     ("table + model, cross-validated", ranked)])), "\n")
    use_model, why = accept_model(_figures(cv), _figures(ranked))
    if args.no_model:
        use_model, why = False, "left out by --no-model"
    print(f"model {'kept' if use_model else 'not kept'}: {why}")
    docs = len({o.group for o in observations})
    meta = {"built_by": f"scripts/calibrate_confidence.py {args.gold.as_posix()}", "documents": docs,
            "relations": len(observations), "folds": args.folds, **({"fold_seed": args.fold_seed} if args.fold_seed else {}),
            "cross_validated": _figures(cv),
            "cross_validated_noisy_or": _figures(noisy), "cross_validated_model": _figures(ranked),
            "model": ("kept: " if use_model else "not kept: ") + why, "uncalibrated": _figures(rules)}
    if use_model:
        table = fit_ranked(observations, strength, L2, args.folds, COMBINE_USED, meta,
                           model_meta={"cross_validated": _figures(ranked)})
    else:
        table = fit(observations, strength, COMBINE_USED, meta)
    ConfidenceTable.from_json(table.to_json())  # the file reads back
    args.output.write_text(table.to_json(), encoding="utf-8")
    print(f"wrote {args.output} ({len(table.methods)} method cells{', a model' if table.model else ''}, {docs} documents, "
          f"{len(observations)} relations); extraction {t_extract:.0f} s, total {time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
