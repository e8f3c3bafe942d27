"""Label values: no parse edge joins two items of a label line's list (issue 14, page furniture; no parse of its own).

Why: fact sheets and infoboxes list a field's values after a label, parted by semicolons, bars or middle dots:
"Funded by: Government of Uganda; African Development Bank (loan); Kyoga Foundation (grant)", "Founders: A · B",
"Partners: A | B". The line has no subject, so the dependency parse hangs the later items on the first ("Government
of Uganda" as the funder of the bank): FUNDS, PARTNERS_WITH or AFFILIATED_WITH between two co-listed values. The items
of such a list are each the label's value, tied to the page's subject, never to each other (the fact-sheet, infobox
and logo-line readers read them that way). A relation of a parse rule (``dep:*``) whose two ends sit on one label line
(``line_kind_breaks.line_kind``) after its colon, with a list separator between them outside brackets, is taken back.

Left alone: edges of the surface, list and section rules; two ends in one item ("Lead agency: NADA, a unit of the
Ministry"; a bracket "(a unit of Y)"); a comma list; prose lines. Word list: ``item_separators`` of
``data/lexicon/label_values.json``. ``AIKG_LABEL_VALUES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.line_kind_breaks import line_kind

#: switch for an A/B measurement in one tree (``AIKG_LABEL_VALUES=off``); on by default
ENABLED_ENV = "AIKG_LABEL_VALUES"


@lru_cache(maxsize=1)
def _separators() -> frozenset[str]:
    return frozenset(lexicon_data("label_values.json")["item_separators"])


def label_values(text: str, facts: Any) -> None:
    """Take back, in place, parse relations between two items of one label line's list (module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    keep = []
    for r in facts.relations:
        if not (r.method.startswith("dep:") and _co_listed(text, ms[r.source], ms[r.target])):
            keep.append(r)
    facts.relations[:] = keep


def _co_listed(text: str, a: Any, b: Any) -> bool:
    """Whether mentions ``a`` and ``b`` are two items of one label line's list."""
    if a.start > b.start:
        a, b = b, a
    if a.end > b.start or "\n" in text[a.start:b.start]:
        return False
    line_start = text.rfind("\n", 0, a.start) + 1
    line_end = text.find("\n", b.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    colon = line.find(":")
    if line_kind(line) not in ("label", "item") or colon < 0 or line_start + colon > a.start:
        return False
    depth = 0
    seps = _separators()
    for ch in text[a.end:b.start]:
        depth += (ch in "([") - (ch in ")]")
        if depth <= 0 and ch in seps:
            return True
    return False
