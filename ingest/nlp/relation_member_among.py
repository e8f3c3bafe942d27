"""MEMBER_OF from "among the firms selected for P" and "among the companies in P's cohort" (no parse).

Programme pages and funding news say who was picked for a programme by placing the firms among a selected group;
the verb frame of "select" needs the firm as the passive subject of the verb, which "among" hides:

* "Kestrel Vision and Sarvik Predictive were among the twelve start-ups selected for the Baltic Launch Programme";
* "Among the start-ups selected for the Baltic Launch Programme are Kestrel Vision and Sarvik Predictive";
* "Among the companies in the Baltic Launch Programme's 2026 cohort are A and B" ("in the current cohort of P");
* a share word for "among": "Kestrel Vision is one of 12 start-ups in the Baltic Launch Programme's spring cohort",
  "A and B are two of the firms selected for P";
* a phrase of taking part after the kind noun: "X is among the eight companies taking part in P";
* a group's counted members and examples of them (``counted_members``): "The Nordvik AI Alliance boasts more than 40
  founding members, including A and B", "G now counts 31 members, among them A" (alliance launch news).

The group is a programme (or, after "selected for/admitted to", an institution such as an accelerator); "among the
firms that applied to P", "shortlisted for P", "among the customers of P", a past or alumni group ("one of the
companies in P's alumni network", "among the former participants") give nothing. Word lists: ``among`` in
``data/lexicon/member_forms.json``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from aikg.ingest.nlp.relation_member_along import member_forms
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index

ORG = ("Institute", "Company", "Agency")
GROUPS = ("Institute", "Programme")  # what has members: a consortium, network or association; a programme
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
        self.shares = frozenset(spec.get("share_words", ()))  # "one of the start-ups in P's cohort"
        self.part_phrases = tuple(tuple(p.split()) for p in spec.get("part_phrases", ()))  # "taking part in"
        self.past = frozenset(spec.get("past_words", ()))  # "former", "alumni": no current membership
        self.count_verbs = tuple(tuple(p.split()) for p in spec.get("count_verbs", ()))  # "boasts", "brings together"
        self.count_adverbs = frozenset(spec.get("count_adverbs", ()))
        self.count_approx = frozenset(spec.get("count_approx", ()))  # "more than", "over"
        self.count_nouns = tuple(tuple(p.split()) for p in spec.get("count_nouns", ()))  # "members", "member firms"
        self.examples = tuple(tuple(p.split()) for p in spec.get("example_openers", ()))  # "including", "among them"
        self.example_firsts = frozenset(p[0] for p in self.examples)  # words a sentence needs for counted_members
        self.lists = lists


def among_selected(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: AmongWords,
                   emit: Emit, conf: float) -> None:
    """MEMBER_OF(firm -> programme) for the two word orders above, in one sentence (``spans`` sorted by start)."""
    by_start = {s: (i, e) for i, s, e in spans}
    for k in range(sent.start, sent.end - 3):
        at = _group_start(doc, k, words)
        if at is None or k == sent.start and doc[k].lower_ != "among":
            continue
        found = _group(doc, sent, by_start, types, at, words)
        if found is None or _past_group(doc, sent, at, found[1], words):
            continue
        group, after = found
        if doc[k].lower_ == "among" and (k == sent.start or doc[k - 1].is_punct and k - 1 == sent.start):
            members = _listed_after(doc, sent, spans, types, after, words)  # "Among the ... are A and B"
        elif doc[k - 1].lower_ == "and" and doc[k].lower_ in words.shares:
            members = _coordinated_subject(doc, sent, spans, types, words)  # "X is a member of G, and one of the ..."
        else:
            members = _listed_before(doc, sent, spans, types, k, words)  # "A and B were among the ..."
        for m in members:
            if m != group:
                emit(["MEMBER_OF"], m, group, conf, "rule:among-selected")


def counted_members(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: AmongWords,
                    emit: Emit, conf: float) -> None:
    """MEMBER_OF(example -> group) for "<G> (now) boasts (more than) 40 (founding) members, including A and B": the
    group's name right before a present verb of having, a number, at most three words before a member noun, and a
    list after an example opener ("G has 40 members, including three universities" names none)."""
    for i, s, e in spans:
        if types[i] not in GROUPS or e >= sent.end or s < sent.start:
            continue
        k = e
        while k < sent.end and doc[k].lower_ in words.count_adverbs:
            k += 1
        k = _phrase_end(doc, k, sent.end, words.count_verbs)
        if k is None:
            continue
        while k < sent.end and doc[k].lower_ in words.count_approx:
            k += 1
        if k >= sent.end or not doc[k].like_num:
            continue
        k = _member_noun_end(doc, k + 1, sent.end, words)
        if k is None:
            continue
        k += k < sent.end and doc[k].text == ","
        k = _phrase_end(doc, k, sent.end, words.examples)
        if k is None:
            continue
        k += k < sent.end and doc[k].text == ":"
        for m in words.lists.read_list(token_index(doc, spans, types), k, ORG, sent.end):
            if m != i:
                emit(["MEMBER_OF"], m, i, conf, "rule:counted-members")


def _phrase_end(doc: Any, k: int, end: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """The token after the first of ``phrases`` written at ``k`` (lower case), or None."""
    for p in phrases:
        if k + len(p) <= end and all(doc[k + j].lower_ == w for j, w in enumerate(p)):
            return k + len(p)
    return None


def _member_noun_end(doc: Any, k: int, end: int, words: AmongWords) -> int | None:
    """The token after a member noun reached from ``k`` over at most three lower-case words ("founding", "new")."""
    for x in range(k, min(end, k + 4)):
        got = _phrase_end(doc, x, end, words.count_nouns)
        if got is not None:
            return got
        if not (doc[x].is_lower and doc[x].is_alpha or doc[x].text == "-") or doc[x].lower_ in words.past:
            return None
    return None


def _group_start(doc: Any, k: int, words: AmongWords) -> int | None:
    """The token after "among the" or after a share word and "of (the)" ("one of 12 start-ups") at ``k``, or None."""
    low = doc[k].lower_
    if low == "among":
        return k + 2 if doc[k + 1].lower_ == "the" else None
    if low not in words.shares or doc[k + 1].lower_ != "of":
        return None
    return k + 2 + (doc[k + 2].lower_ == "the")


def _past_group(doc: Any, sent: Any, start: int, after: int, words: AmongWords) -> bool:
    """A past, alumni or not-admitted group: a past word from the group's start to three words after it."""
    return any(doc[x].lower_ in words.past for x in range(start, min(sent.end, after + 3)))


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
    for phrase in words.part_phrases:  # "the eight companies taking part in P"
        n = len(phrase)
        if x + n < sent.end and tuple(doc[x + j].lower_ for j in range(n)) == phrase:
            got = _named(doc, sent, by_start, x + n)
            return got if got is not None and types[got[0]] == "Programme" else None
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


def _coordinated_subject(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                         words: AmongWords) -> list[int]:
    """The organisation opening the sentence when a be verb follows it: "X is a member of G, ..., and one of the
    companies taking part in P" (the share phrase is a second predicate of X)."""
    start = sent.start + (doc[sent.start].lower_ == "the")
    first = next(((i, e) for i, s, e in spans if s == start and types[i] in ORG), None)
    if first is None or first[1] >= sent.end or doc[first[1]].lower_ not in words.be:
        return []
    return [first[0]]


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
