"""FUNDS from an object relative clause of funding, read from the words (the parse often fails here).

"The X Fund, which the Ministry funds and the Y Agency administers", "a scheme that FADI funds and DEAC
administers", "an accelerator that the agency runs and the Regional Council co-funds", "a programme that the
foundation will fund": the verb of funding ("funds", "co-funds", "finances", "sponsors") follows its subject
(an organisation or a person) and has no object of its own; what is funded is the name the clause hangs on
(the last name before "which"/"that", or the name a description like "a scheme" is apposed to). In such
clauses the tagger often reads "funds" as a plural noun, so no dependency frame fires.

"Y funds X", "Y co-funds two of X's projects", "Y still pays for half of X's budget" (``verb_funds``): the same verbs
with an object, read from the words for the same reason; and the passive "Its budget is paid for by A and B".

The word lists are ``forms`` in ``data/lexicon/relations.json`` (``relative_fund_verbs``, ``relative_between``,
``relative_after``, ``pay_verbs``).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from aikg.ingest.nlp.relation_funding_published import published_words
from aikg.ingest.nlp.relation_relative import relative_pairs
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index

FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
REL_WORDS = ("which", "that", "who")
OWNER_REACH = 5  # words between the verb of funding and the owner of what it funds
OWNED_WORDS = frozenset({"the", "a", "an", "of", "half", "part", "most", "all", "some", "one", "two", "three", "several",
                         "much", "many", "about", "around", "nearly", "almost", "over"})
FUNDED = ("Institute", "Company", "Agency", "Programme")
VIA_WORDS = ("through", "under", "via")  # "funds X through its P scheme": P funds X too

Emit = Callable[[Iterable[str], int, int, float, str], None]


class FundingWords:
    """The word sets of this module."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        spec = relations.get("forms", {})
        self.verbs = frozenset(w.lower() for w in spec.get("relative_fund_verbs", ()))
        self.between = frozenset(w.lower() for w in spec.get("relative_between", ()))
        self.after = frozenset(w.lower() for w in spec.get("relative_after", ()))  # what may follow the verb
        self.pay_verbs = frozenset(w.lower() for w in spec.get("pay_verbs", ()))  # "pays for X's budget"
        self.events = frozenset(w.lower() for w in spec.get("event_nouns", ()))  # "sponsors X's hackathon": no FUNDS
        self.lists = RoundLists(relations)  # the list reader of relation_rounds ("paid for by A, the B fund and C")
        self.object_verbs = published_words().object_verbs  # "X runs the P accelerator, which A funds": not X


def verb_funds(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: FundingWords,
               emit: Emit, conf: float) -> None:
    """"Y funds X", "Y co-funds two of X's projects", "Y pays for half of X's budget" read from the words: a
    funder right before a verb of funding and the first name after it, or the owner of what it funds (the
    tagger often reads "funds" as a plural noun, so the parse has no verb here)."""
    spans = sorted(spans, key=lambda x: x[1])
    by_end = {e: i for i, s, e in spans}
    for k in range(sent.start + 1, sent.end - 1):
        low = doc[k].lower_
        obj = k + 1
        if low in words.pay_verbs and doc[k + 1].lower_ == "for":
            obj = k + 2  # "pays for half of X's budget"
        elif low not in words.verbs or low in ("fund", "finance", "sponsor"):
            continue  # the base form follows "will", "to": the parse reads those
        j = k - 1
        if doc[j].text in "-–" and doc[j - 1].lower_ == "co":
            j -= 2  # "co-funds" tokenised as co / - / funds
        while j > sent.start and doc[j].lower_ in words.between:
            j -= 1  # "Y also funds", "Y still pays for"
        if doc[j].text == ")" and j - 2 > sent.start and doc[j - 2].text == "(":
            j -= 3  # "The Philippine Council for ... (PCETR) funds"
        funder = by_end.get(j + 1)
        if funder is None or types[funder] not in FUNDERS or doc[max(sent.start, j - 1)].lower_ in REL_WORDS \
                or (j >= sent.start and doc[j].lower_ in REL_WORDS):
            continue  # "X, which A funds": relative_funds reads it
        funded = _funded_after(doc, sent, spans, obj, words.events)
        if funded is not None and types[funded] in FUNDED and funded != funder:
            emit(["FUNDS"], funder, funded, conf, "rule:verb-funds")
            via = _via_programme(doc, sent, spans, types, obj)
            if via is not None and via not in (funder, funded):
                emit(["FUNDS"], via, funded, conf, "rule:verb-funds")  # "Y funds two of X's projects through its P"
    _paid_for_by(doc, sent, spans, types, words, emit, conf)


def _via_programme(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], k: int) -> int | None:
    """The programme a verb of funding names after "through", "under" or "via" ("through its Regional AI Research
    Grants"): it funds the same name."""
    by_start = {s: i for i, s, e in spans}
    for t in range(k, min(sent.end - 1, k + 12)):
        if doc[t].lower_ in (";", "and", "but") or doc[t].text == "." :
            return None
        if doc[t].lower_ not in VIA_WORDS:
            continue
        x = t + 1
        while x < sent.end and x - t <= 3 and doc[x].lower_ in ("its", "their", "the", "a", "an", "his", "her"):
            x += 1
        m = by_start.get(x)
        return m if m is not None and types[m] == "Programme" else None
    return None


def _paid_for_by(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: FundingWords,
                 emit: Emit, conf: float) -> None:
    """"Its first budget is paid for by A and B", "X's prototypes were paid for by A": the owner of what is paid
    for (a possessor opening the sentence) is funded by each name after "by" (not "X's conference was paid for":
    an event)."""
    k = next((t for t in range(sent.start + 2, sent.end - 3) if doc[t].lower_ == "paid"
              and doc[t + 1].lower_ == "for" and doc[t + 2].lower_ == "by"), None)
    if k is None or not spans:
        return
    first, s, e = spans[0]
    start = sent.start
    while start < s and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_space):
        start += 1
    possessor = e < sent.end and doc[e].lower_ in ("'s", "’s") or doc[s:e].text.lower() in ("its", "their")
    if s != start or not possessor or types[first] not in FUNDED \
            or any(doc[t].lower_ in words.events or doc[t].lower_.rstrip("s") in words.events for t in range(e, k)):
        return
    for funder in words.lists.read_list(token_index(doc, spans, types), k + 3, FUNDERS, sent.end):
        if funder != first:
            emit(["FUNDS"], funder, first, conf, "rule:paid-for-by")


def _funded_after(doc: Any, sent: Any, spans: list[tuple[int, int, int]], k: int, events: frozenset[str]) -> int | None:
    """The name a verb of funding takes as its object: right after it ("funds X"), or the owner of the thing
    funded within a few words ("two of X's projects", "half of X's core budget"; not "X's annual hackathon":
    sponsoring an event funds no organisation)."""
    for i, s, e in spans:
        owner = e < sent.end and doc[e].lower_ in ("'s", "’s", "'", "’")
        if not (s == k or (s == k + 1 and doc[k].lower_ in ("the", "a", "an"))) and not (
                owner and k < s <= k + OWNER_REACH and all(doc[x].lower_ in OWNED_WORDS or doc[x].like_num
                                                           for x in range(k, s))):
            continue
        if owner and any(t.lower_ in events or t.lower_.rstrip("s") in events for t in doc[e + 1:min(sent.end, e + 5)]):
            return None
        return i
    return None


def relative_funds(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: FundingWords,
                   emit: Emit, conf: float) -> None:
    """FUNDS(funder, funded) for each "which/that <funder> funds" clause of one sentence; not when a verb stands
    between the name and the clause ("The Chamber runs the Xela Código accelerator, which the Fondo funds": the
    clause hangs on the verb's object, a name the entity pass missed, not on the Chamber)."""
    ends = {i: e for i, _, e in spans}
    starts = {i: s for i, s, _ in spans}
    for funder, funded in relative_pairs(doc, sent, spans, types, verbs=words.verbs, after=words.after,
                                         between=words.between, subjects=FUNDERS, objects=FUNDED):
        rel = next((x for x in range(ends[funded], starts[funder]) if doc[x].lower_ in REL_WORDS), starts[funder])
        if any(doc[x].lower_ in words.object_verbs for x in range(ends[funded], rel)):
            continue
        emit(["FUNDS"], funder, funded, conf, "rule:relative-funds")
