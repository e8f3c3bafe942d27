"""MEMBER_OF from "among the firms selected for P" and "among the companies in P's cohort" (no parse).

Programme pages and funding news say who was picked for a programme by placing the firms among a selected group;
the verb frame of "select" needs the firm as the passive subject of the verb, which "among" hides:

* "Kestrel Vision and Sarvik Predictive were among the twelve start-ups selected for the Baltic Launch Programme";
* "Among the start-ups selected for the Baltic Launch Programme are Kestrel Vision and Sarvik Predictive";
* "Among the companies in the Baltic Launch Programme's 2026 cohort are A and B" ("in the current cohort of P").

The group is a programme (or, after "selected for/admitted to", an institution such as an accelerator); "among the
firms that applied to P", "shortlisted for P" or "among the customers of P" give nothing. Word lists: ``among`` in
``data/lexicon/member_forms.json``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from aikg.ingest.nlp.relation_member_along import member_forms
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index

ORG = ("Institute", "Company", "Agency")
GROUP_REACH = 7  # words between "among the" and the participle or "in" ("the twelve early-stage start-ups")
Emit = Callable[[Iterable[str], int, int, float, str], None]


class AmongWords:
    """The word sets of this module (``among`` in member_forms.json) and the list reader."""

    def __init__(self, lists: RoundLists) -> None:
        spec = member_forms()["among"]
        self.participles = frozenset(spec["participles"])  # "selected", "chosen", "admitted"
        self.preps = frozenset(spec["preps"])  # "for", "to", "into"
        self.kinds = frozenset(spec["kind_nouns"])  # "start-ups", "firms", "companies"
        self.cohorts = frozenset(spec["cohort_nouns"])  # "P's 2026 cohort", "the cohort of P"
        self.be = frozenset(spec["be_verbs"])
        self.lists = lists


def among_selected(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: AmongWords,
                   emit: Emit, conf: float) -> None:
    """MEMBER_OF(firm -> programme) for the two word orders above, in one sentence (``spans`` sorted by start)."""
    by_start = {s: (i, e) for i, s, e in spans}
    for k in range(sent.start, sent.end - 3):
        if doc[k].lower_ != "among" or doc[k + 1].lower_ != "the":
            continue
        found = _group(doc, sent, by_start, types, k + 2, words)
        if found is None:
            continue
        group, after = found
        if k == sent.start or doc[k - 1].is_punct and k - 1 == sent.start:
            members = _listed_after(doc, sent, spans, types, after, words)  # "Among the ... are A and B"
        else:
            members = _listed_before(doc, sent, spans, types, k, words)  # "A and B were among the ..."
        for m in members:
            if m != group:
                emit(["MEMBER_OF"], m, group, conf, "rule:among-selected")


def _group(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], types: list[str], k: int,
           words: AmongWords) -> tuple[int, int] | None:
    """The programme after "among the <kind>": "selected for (the) P", "in (the) P's cohort", "in the cohort of P";
    with the token after the group phrase."""
    end = min(sent.end, k + GROUP_REACH)
    x = k
    while x < end and (doc[x].is_lower or doc[x].like_num or doc[x].text == "-") and not _kind(doc, x, words):
        x += 1
    if x >= end or not _kind(doc, x, words):
        return None
    x += 1
    if x + 2 < sent.end and doc[x].lower_ in words.participles and doc[x + 1].lower_ in words.preps:
        got = _named(doc, sent, by_start, x + 2)
        if got is not None and types[got[0]] in ("Programme", "Institute"):
            return got
        return None
    if x + 2 < sent.end and doc[x].lower_ == "in":
        got = _named(doc, sent, by_start, x + 1)
        if got is not None and types[got[0]] == "Programme":
            return got
        y = x + 1 + (doc[x + 1].lower_ == "the")
        while y < min(sent.end, x + 5) and doc[y].is_lower and doc[y].lower_ not in words.cohorts:
            y += 1
        if y + 1 < sent.end and doc[y].lower_ in words.cohorts and doc[y + 1].lower_ == "of":
            got = _named(doc, sent, by_start, y + 2)  # "in the current cohort of P"
            if got is not None and types[got[0]] == "Programme":
                return got
    return None


def _kind(doc: Any, x: int, words: AmongWords) -> bool:
    """A kind noun at ``x``, also when the tokenizer split it ("start", "-", "ups")."""
    if doc[x].lower_ in words.kinds:
        return True
    return x >= 2 and doc[x - 1].text == "-" and f"{doc[x - 2].lower_}-{doc[x].lower_}" in words.kinds


def _named(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], k: int) -> tuple[int, int] | None:
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    got = by_start.get(k)
    return (got[0], got[1]) if got is not None else None


def _listed_after(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], after: int,
                  words: AmongWords) -> list[int]:
    """The list after the verb that follows the group phrase ("... cohort are A and B")."""
    verb = next((x for x in range(after, min(sent.end, after + 8)) if doc[x].lower_ in words.be), None)
    if verb is None:
        return []
    k = verb + 1 + (verb + 1 < sent.end and doc[verb + 1].lower_ == "also")
    return words.lists.read_list(token_index(doc, spans, types), k, ORG, sent.end)


def _listed_before(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], among: int,
                   words: AmongWords) -> list[int]:
    """The names that open the sentence and end right before "were (also) among" ("A and the Riga firm B were")."""
    v = among - 1
    if v > sent.start and doc[v].lower_ == "also":
        v -= 1
    if doc[v].lower_ not in words.be:
        return []
    start = sent.start
    while start < v and (doc[start].is_punct or doc[start].lower_ in ("the", "both")):
        start += 1
    listed = words.lists.read_list(token_index(doc, spans, types), start, ORG, v)
    ends = {i: e for i, _s, e in spans}
    return listed if listed and ends.get(listed[-1]) == v else []
