"""FUNDS from an object relative clause of funding, read from the words (the parse often fails here).

"The X Fund, which the Ministry funds and the Y Agency administers", "a scheme that FADI funds and DEAC
administers", "an accelerator that the agency runs and the Regional Council co-funds", "a programme that the
foundation will fund": the verb of funding ("funds", "co-funds", "finances", "sponsors") follows its subject
(an organisation or a person) and has no object of its own; what is funded is the name the clause hangs on
(the last name before "which"/"that", or the name a description like "a scheme" is apposed to). In such
clauses the tagger often reads "funds" as a plural noun, so no dependency frame fires.

The word lists are ``forms`` in ``data/lexicon/relations.json`` (``relative_fund_verbs``, ``relative_between``, ``relative_after``).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
FUNDED = ("Institute", "Company", "Agency", "Programme")
REL_WORDS = {"which", "that"}
MAX_CLAUSE = 24  # tokens from the funded name to the verb

Emit = Callable[[Iterable[str], int, int, float, str], None]


class FundingWords:
    """The word sets of this module."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        spec = relations.get("forms", {})
        self.verbs = frozenset(w.lower() for w in spec.get("relative_fund_verbs", ()))
        self.between = frozenset(w.lower() for w in spec.get("relative_between", ()))
        self.after = frozenset(w.lower() for w in spec.get("relative_after", ()))  # what may follow the verb


def relative_funds(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: FundingWords,
                   emit: Emit, conf: float) -> None:
    """FUNDS(funder, funded) for each "which/that <funder> funds" clause of one sentence."""
    spans = sorted(spans, key=lambda x: x[1])
    by_end = {e: i for i, s, e in spans}
    for k in range(sent.start + 2, sent.end):
        if doc[k].lower_ not in words.verbs:
            continue
        nxt = doc[k + 1].lower_ if k + 1 < sent.end else "."
        if nxt not in words.after:
            continue  # "which B funds the lab": the verb has an object of its own
        j = k - 1
        if doc[j].text in "-–" and doc[j - 1].lower_ == "co":
            j -= 2  # "co-funds" tokenised as co / - / funds
        while j > sent.start and doc[j].lower_ in words.between:
            j -= 1  # "which the agency will also fund"
        funder = by_end.get(j + 1)
        if funder is None or types[funder] not in FUNDERS:
            continue
        start = next(s for i, s, _ in spans if i == funder)
        rel = next((x for x in range(start - 1, max(sent.start, k - MAX_CLAUSE) - 1, -1) if doc[x].lower_ in REL_WORDS),
                   None)
        if rel is None:
            continue
        funded = [i for i, s, e in spans if e <= rel and rel - e <= MAX_CLAUSE and types[i] in FUNDED and i != funder]
        if not funded:
            continue
        last = funded[-1]
        end = next(e for i, s, e in spans if i == last)
        if any(doc[x].text in {";", ":"} or doc[x].lower_ in REL_WORDS for x in range(end, rel)):
            continue  # the clause belongs to a later phrase
        emit(["FUNDS"], funder, last, conf, "rule:relative-funds")
