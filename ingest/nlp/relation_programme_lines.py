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

import json
import re
from functools import lru_cache
from typing import Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.records import MentionFact

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
_LABEL = re.compile(r"^\s*(?:[-•*▪·–]\s+)?([A-Z][A-Za-z -]{1,40}?)\s*:\s+(\S.*)$")
_TITLE_LINES = 4  # the programme must be named on one of the page's first lines
_DESCRIPTION = re.compile(r",\s+(?:which|who|that|whose|a|an|the)\s|;|\s\((?![A-Z]{2,}\))")


@lru_cache(maxsize=1)
def _labels() -> tuple[frozenset[str], frozenset[str]]:
    raw = json.loads(shipped("lexicon", "runs_published.json").read_text(encoding="utf-8")).get("programme_lines", {})
    return frozenset(raw.get("runner_labels", ())), frozenset(raw.get("partner_labels", ()))


def programme_lines(text: str, off: int, mentions: Sequence[MentionFact], runs: Sequence[Rel]) -> list[Rel]:
    """RUNS and PARTNERS_WITH from the label lines of a programme page (``text`` at ``off``; only the first chunk
    has the title). ``runs``: RUNS already read from the page's sentences (their runner stands in for a missing
    runner's label)."""
    if off != 0:
        return []
    runner_labels, partner_labels = _labels()
    prog = _page_programme(text, mentions)
    if prog is None:
        return []
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
    return out


def _page_programme(text: str, mentions: Sequence[MentionFact]) -> int | None:
    """The programme the page is about: the first programme named on one of its first lines."""
    ends = [m.end() for m in re.finditer(r"\n", text)][:_TITLE_LINES]
    limit = ends[-1] if ends else len(text)
    return next((i for i, m in enumerate(mentions) if m.type == "Programme" and m.source != "anaphor"
                 and m.start < limit), None)
