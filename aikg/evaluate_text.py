"""Plain-text rendering of an evaluation report (``aikg evaluate``); the numbers come from aikg.evaluate."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from aikg.evaluate import DocReport, EvalReport, Score

HEADER = f"{'':26}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"


def _row(label: str, s: "Score") -> str:
    return f"{label:26}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}"


def _headline(report: "EvalReport") -> list[str]:
    gaz = "" if report.gazetteer else ", gazetteer OFF"
    lines = [f"aikg evaluation of {report.gold_dir} ({len(report.docs)} documents{gaz}, micro-averaged)", HEADER]
    lines += [_row("typed entities", report.entities), _row("typed relations", report.relations),
              _row("entity pairs", report.pairs)]
    unl = report.unlisted()
    if unl:
        lines += [_row(f"unlisted entities ({unl['documents']})", unl["entities"]),
                  _row(f"unlisted relations ({unl['documents']})", unl["relations"])]
    for f, e in report.errors:
        lines.append(f"gold file skipped: {f}: {e}")
    return lines


def _by_type(report: "EvalReport") -> list[str]:
    lines = ["", "typed relations by type", HEADER]
    lines += [_row(t, s) for t, s in report.by_type().items()]
    unl = report.unlisted()
    if unl:
        lines += ["", f"typed relations by type, unlisted documents ({unl['documents']})", HEADER]
        lines += [_row(t, s) for t, s in unl["by_type"].items()]
    return lines + _entity_types(report)


def _entity_types(report: "EvalReport") -> list[str]:
    """Typed entities per entity type, then gold type -> predicted type for entities found with the wrong type."""
    lines = ["", "typed entities by type (a wrong type counts against both types)", HEADER]
    lines += [_row(t, s) for t, s in report.entity_types().items()]
    conf = report.entity_confusions()
    if conf:
        lines += ["", "entity type confusions (gold type -> predicted type: count)"]
        lines += [f"  {g} -> {p}: {n}" for g, p, n in conf[:12]]
    return lines


def _by_genre(report: "EvalReport") -> list[str]:
    lines = ["", "by genre (style)", f"{'':26}{'docs':>5}{'ent P':>7}{'ent R':>7}{'ent F1':>7}"
             f"{'rel P':>7}{'rel R':>7}{'rel F1':>7}"]
    for g, v in report.by_genre().items():
        e, r = v["entities"], v["relations"]
        lines.append(f"{g:26}{v['documents']:5}{e.precision:7.3f}{e.recall:7.3f}{e.f1:7.3f}"
                     f"{r.precision:7.3f}{r.recall:7.3f}{r.f1:7.3f}")
    return lines


def _bands(report: "EvalReport") -> list[str]:
    rows = report.bands()
    labels = list(next(iter(rows.values()))) if rows else []  # every row lists the bands in order
    lines = ["", "precision by confidence band (true/predicted)", f"{'':18}" + "".join(f"{b:>17}" for b in labels)]
    for t, row in rows.items():
        cells = []
        for b in labels:
            tp, fp = row[b]
            cells.append(f"{tp / (tp + fp):.2f} ({tp}/{tp + fp})" if tp + fp else "-")
        lines.append(f"{t:18}" + "".join(f"{c:>17}" for c in cells))
    return lines + _calibration(report)


def _calibration(report: "EvalReport") -> list[str]:
    """Every relation type together: mean confidence (predicted) beside precision (observed) per band."""
    rel = report.reliability()
    cells = [f"{c['predicted']:.2f}/{c['observed']:.2f} ({c['n']})" if c["n"] else "-" for c in rel["bands"].values()]
    return ["", f"predicted/observed precision (mean confidence/share right), Brier {rel['brier']:.4f}, "
            f"ECE {rel['ece']:.3f}, ROC AUC {rel['auc']}", f"{'':18}" + "".join(f"{b:>17}" for b in rel["bands"]),
            f"{'all types':18}" + "".join(f"{c:>17}" for c in cells)]


def _details(d: "DocReport") -> list[str]:
    tag = ", unlisted" if d.unlisted else ""
    lines = ["", f"## {d.name} ({d.style}{tag}): entities F1 {d.entities.f1:.3f}, relations F1 {d.relations.f1:.3f}"]
    for title, items in (("missed entities", d.missed_entities), ("false entities", d.false_entities),
                         ("missed relations", d.missed_relations), ("false relations", d.false_relations)):
        if items:
            lines.append(f"  {title}:")
            lines.extend(f"    - {x}" for x in items)
    return lines


def render(report: "EvalReport", details: bool = True, by_type: bool = False, by_genre: bool = False,
           bands: bool = False) -> str:
    """The headline table, then the sections asked for, then per-document errors when ``details``."""
    lines = _headline(report)
    if by_type:
        lines += _by_type(report)
    if by_genre:
        lines += _by_genre(report)
    if bands:
        lines += _bands(report)
    if details:
        for d in report.docs:
            lines += _details(d)
    return "\n".join(lines)
