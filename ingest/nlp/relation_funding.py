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

from aikg.ingest.nlp.relation_relative import relative_pairs

FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
FUNDED = ("Institute", "Company", "Agency", "Programme")

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
    for funder, funded in relative_pairs(doc, sent, spans, types, verbs=words.verbs, after=words.after,
                                         between=words.between, subjects=FUNDERS, objects=FUNDED):
        emit(["FUNDS"], funder, funded, conf, "rule:relative-funds")
