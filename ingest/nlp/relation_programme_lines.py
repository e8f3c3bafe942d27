"""The key-facts lines of a programme page: who runs the programme and who its partners are (no parse).

Fact sheets and programme pages state these on label lines, often as bullets, under a title that names the
programme ("Wayamba Coconut Intelligence Programme (WCIP), 2025-2028"):

* a runner's label: "- Administered by: Wayamba Rural Digital Authority (WRDA), Kurunegala", "Lead agency: X",
  "Operator: X" -> RUNS(X, programme);
* a partner's label: "- Technical partner: KIPI, which runs the field laboratory", "Delivery partners: A and B" ->
  PARTNERS_WITH(runner, each): a programme's partners are the partners of the organisation that runs it (annotation
  guidelines); the runner is read from the runner's label, else from a sentence of the page ("The program is
  administered by the Office of Digital Industry"). Without a runner the partner line gives nothing.

A name inside an item's description ("KIPI, which runs the programme's field laboratory in ...") is no item.
Words: ``programme_lines`` in ``data/lexicon/runs_published.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_fund_entry_lines import entry_lines

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
_LABEL = re.compile(r"^\s*(?:[-•*▪·–]\s+)?([A-Z][A-Za-z -]{1,40}?)\s*:\s+(\S.*)$")
_TITLE_LINES = 4  # the programme must be named on one of the page's first lines
_DESCRIPTION = re.compile(r",\s+(?:which|who|that|whose|a|an|the)\s|;|\s\((?![A-Z]{2,}\))")


@lru_cache(maxsize=1)
def _labels() -> tuple[frozenset[str], frozenset[str]]:
    raw = lexicon_data("runs_published.json").get("programme_lines", {})
    return frozenset(raw.get("runner_labels", ())), frozenset(raw.get("partner_labels", ()))


@lru_cache(maxsize=1)
def _box_labels() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Funder labels ("Co-financed by"), recipient labels ("Recipients", "Paid out") and the list openers a
    recipient line needs after a sum ("among them", "including")."""
    raw = lexicon_data("runs_published.json").get("programme_lines", {})
    return (frozenset(raw.get("funder_labels", ())), frozenset(raw.get("recipient_labels", ())),
            tuple(raw.get("recipient_openers", ())))


def programme_lines(text: str, off: int, mentions: Sequence[MentionFact], runs: Sequence[Rel]) -> list[Rel]:
    """RUNS and PARTNERS_WITH from the label lines of a programme page (``text`` at ``off``; only the first chunk
    has the title). ``runs``: RUNS already read from the page's sentences (their runner stands in for a missing
    runner's label)."""
    boxed = programme_boxes(text, off, mentions)  # "Box 1. The P scheme" / "Run by: X" / "Co-financed by: F"
    boxed += entry_lines(text, off, mentions)  # "Vision Q" / "Led by A; co-financed by B." (relation_fund_entry_lines)
    if off != 0:
        return boxed
    runner_labels, partner_labels = _labels()
    prog = _page_programme(text, mentions)
    if prog is None:
        return boxed
    name = mentions[prog].canonical
    orgs = sorted((m.start, i) for i, m in enumerate(mentions) if m.type in ORG and m.source != "anaphor")
    out: list[Rel] = []
    partners: list[tuple[int, int, int]] = []
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        m = _LABEL.match(line)
        label = m.group(1).strip().lower() if m else ""
        if label not in runner_labels and label not in partner_labels:
            continue
        value_at = a + m.start(2)
        cut = _DESCRIPTION.search(line, m.start(2))
        value_end = a + (cut.start() if cut else len(line))
        named = [i for s, i in orgs if value_at <= s < value_end]
        if label in runner_labels and named:
            out.append(("RUNS", named[0], prog, a, b, "rule:programme-runner-line"))
        elif label in partner_labels:
            partners += [(i, a, b) for i in named]
    runners = [r[1] for r in out] or [r[1] for r in runs if mentions[r[2]].canonical == name]
    for runner in dict.fromkeys(runners):
        for i, a, b in partners:
            if mentions[i].canonical != mentions[runner].canonical:
                out.append(("PARTNERS_WITH", runner, i, a, b, "rule:programme-partner-line"))
    return out + boxed


_HEADING_CHARS = 90  # a box heading is a short line: "Box 1. The Delta Digital Farms scheme", "P at a glance"


def programme_boxes(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """Label lines under a short heading that names one programme and no organisation, anywhere in a page: a box
    of a report or a fact-sheet section ("Box 1. The Delta Digital Farms scheme" / "Run by: the X Fund" /
    "Co-financed by: the Y Facility" / "Paid out: 60 million to 35 recipients, among them A and B"): RUNS(runner, P),
    FUNDS(funder, P), FUNDS(P, recipient). A line that is no label ends the box."""
    runner_labels, _partner = _labels()
    funder_labels, recipient_labels, openers = _box_labels()
    progs = sorted((m.start, i) for i, m in enumerate(mentions) if m.type == "Programme" and m.source != "anaphor")
    if not progs:
        return []
    names = sorted((m.start, i) for i, m in enumerate(mentions) if m.type in ORG + ("Programme",) and m.source != "anaphor")
    out: list[Rel] = []
    prog: int | None = None
    pos, prev = off, ""
    prev_at = off
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        m = _LABEL.match(line)
        label = m.group(1).strip().lower() if m else ""
        if label not in runner_labels and label not in funder_labels and label not in recipient_labels:
            prog = None if line.strip() else prog
            prev, prev_at = (line, a) if line.strip() else (prev, prev_at)
            continue
        if prog is None and prev:
            prog = _heading_programme(prev, prev_at, names, mentions)
            prev = ""
        if prog is None:
            continue
        value_at = a + m.start(2)
        if label in recipient_labels:
            hit = next((value_at + o.end() for o in (re.search(r"\b" + w + r"\s+", line[m.start(2):]) for w in openers)
                        if o is not None), None)
            at = hit if hit is not None else (value_at if not re.match(r"\s*[\d$€£]", line[m.start(2):]) else None)
            for s, i in names if at is not None else ():
                if at <= s < b and mentions[i].type in ORG + ("Programme",) and i != prog:
                    out.append(("FUNDS", prog, i, a, b, "rule:programme-box-recipient"))
            continue
        cut = _DESCRIPTION.search(line, m.start(2))
        value_end = a + (cut.start() if cut else len(line))
        named = [i for s, i in names if value_at <= s < value_end and i != prog]
        if named and label in runner_labels:
            out.append(("RUNS", named[0], prog, a, b, "rule:programme-box-runner"))
        elif label in funder_labels:
            out += [("FUNDS", i, prog, a, b, "rule:programme-box-funder") for i in named]
    return out


def _heading_programme(line: str, a: int, names: list[tuple[int, int]], mentions: Sequence[MentionFact]) -> int | None:
    """The one programme a short heading line names, when it names no organisation (no sentence: no full stop at
    its end)."""
    if len(line.strip()) > _HEADING_CHARS or line.rstrip().endswith((".", ";", ",")):
        return None
    here = [i for s, i in names if a <= s < a + len(line)]
    return here[0] if len(here) == 1 and mentions[here[0]].type == "Programme" else None


def _page_programme(text: str, mentions: Sequence[MentionFact]) -> int | None:
    """The programme the page is about: the first programme named on one of its first lines."""
    ends = [m.end() for m in re.finditer(r"\n", text)][:_TITLE_LINES]
    limit = ends[-1] if ends else len(text)
    return next((i for i, m in enumerate(mentions) if m.type == "Programme" and m.source != "anaphor"
                 and m.start < limit), None)
