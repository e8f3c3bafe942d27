"""MEMBER_OF for the names a membership shares with its subject: "alongside", "together with", "along with".

Consortium news, interviews and funding announcements name a group's other members right after saying one
organisation belongs to it; the frames of ``relations.py`` read the subject and leave the list behind:

* "Kendala is one of the members of the Central Steppe Mining Cluster, together with A and B";
* "Phu Wiang Aero is one of nine firms in the programme's current cohort, alongside A and the Roi Et firm B";
* "X joined the Orrin Robotics Network in 2024, along with A and B";
* "X is a member of the Orrin Alliance alongside A".

The group is the name right after a membership cue ("members of", "a member of", "cohort of", "joined", "one of
nine firms in" a programme) or the possessor of a cohort noun ("the programme's current cohort"); the list after
the marker is read with ``RoundLists.read_list`` (descriptions such as "the Roi Et firm" skipped). The subject
that opens the sentence is a member too ("X is one of ..."): the verb frames miss it when the cue is "one of N
firms in". Word lists: ``along`` in ``data/lexicon/member_forms.json``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index

ORG = ("Institute", "Company", "Agency")
GROUPS = ORG + ("Programme",)
CUE_REACH = 6  # words between a cue and the group's name ("members of the", "in the current cohort of")
MARK_REACH = 8  # words between the group's name and the marker ("'s current cohort", "in 2024", "(ACR)")
Emit = Callable[[Iterable[str], int, int, float, str], None]


def member_forms() -> Mapping[str, Any]:
    """The data of ``member_forms.json`` (read once)."""
    return lexicon_data("member_forms.json")


class AlongWords:
    """The word sets of this module (``along`` in member_forms.json; ``relations`` for the list reader)."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        words = {k: frozenset(w.lower() for w in v) for k, v in member_forms()["along"].items()}
        self.markers = tuple(tuple(p.split()) for p in sorted(words.get("markers", ()), key=len, reverse=True))
        self.marker_words = frozenset(m[0] for m in self.markers)  # (speed: a sentence without one is skipped)
        self.member_nouns = words.get("member_nouns", frozenset())  # "members of", "a member of"
        self.cohort_nouns = words.get("cohort_nouns", frozenset())  # "cohort of", "the programme's cohort"
        self.join_verbs = words.get("join_verbs", frozenset())
        self.kind_nouns = words.get("kind_nouns", frozenset())  # "one of nine firms in P"
        self.subject_verbs = words.get("subject_verbs", frozenset())  # "X is one of", "X became a member"
        self.stops = words.get("stops", frozenset())  # a clause between cue and marker ("which", ";")
        self.lists = RoundLists(relations)


def along_members(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: AlongWords,
                  emit: Emit, conf: float) -> None:
    """MEMBER_OF(item -> group) for every name listed after a marker that follows a membership's group."""
    if not words.markers:
        return
    low = [t.lower_ for t in doc[sent.start:sent.end]]
    spans = sorted(spans, key=lambda x: x[1])
    for k in range(len(low)):
        marker = next((m for m in words.markers if tuple(low[k:k + len(m)]) == m), None)
        if marker is None:
            continue
        group = _group_before(doc, sent, spans, types, sent.start + k, words)
        if group is None:
            continue
        g, cue = group
        idx = token_index(doc, spans, types)
        listed = words.lists.read_list(idx, sent.start + k + len(marker), ORG, sent.end)
        members = [m for m in listed if m != g]
        if not members:
            continue
        opener = _subject(doc, sent, spans, types, cue, words)
        for m in dict.fromkeys(([opener] if opener is not None else []) + members):
            if m != g:
                emit(["MEMBER_OF"], m, g, conf, "rule:member-along")


def _group_before(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], mark: int,
                  words: AlongWords) -> tuple[int, int] | None:
    """The group a marker follows, and where its cue starts: the last name before the marker whose cue precedes it."""
    for i, s, e in reversed(spans):
        if s >= mark:
            continue
        if e + MARK_REACH < mark or any(doc[x].lower_ in words.stops for x in range(e, mark)):
            return None
        if types[i] not in GROUPS:
            continue
        cue = _cue(doc, sent, i, s, e, mark, types, words)
        if cue is not None:
            return i, cue
    return None


def _cue(doc: Any, sent: Any, i: int, s: int, e: int, mark: int, types: list[str], words: AlongWords) -> int | None:
    """Where the membership cue of the group ``i`` starts, or None: "members of (the) G", "joined G", "cohort of G",
    "one of nine firms in G" (a programme), "G's (current) cohort"."""
    if e + 1 < mark and doc[e].lower_ in ("'s", "’s") and any(doc[x].lower_ in words.cohort_nouns
                                                           for x in range(e + 1, min(mark, e + 4))):
        return s  # "the programme's current cohort, alongside"
    k = s - 1
    while k > max(sent.start, s - CUE_REACH) and (doc[k].is_lower or doc[k].like_num) \
            and doc[k].lower_ not in words.join_verbs and doc[k].lower_ not in ("of", "in"):
        k -= 1  # "the current cohort of", "joined the newly formed"
    w = doc[k].lower_
    if w in words.join_verbs:
        return k if types[i] != "Company" else None  # "A joined Orrin Robotics alongside B": staff or a deal, not a group
    if w in ("of", "in") and k - 1 >= sent.start:
        noun = doc[k - 1].lower_
        if noun in words.member_nouns or noun in words.cohort_nouns:
            return k - 1
        if w == "in" and noun in words.kind_nouns and types[i] == "Programme":
            return k - 1
    return None


def _subject(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], cue: int,
             words: AlongWords) -> int | None:
    """The organisation that opens the sentence and is said to belong ("X is one of the members of", "X joined")."""
    first = next(((i, s, e) for i, s, e in spans if s < cue), None)
    if first is None or types[first[0]] not in ORG:
        return None
    i, s, e = first
    k = sent.start
    while k < s and (doc[k].is_punct or doc[k].lower_ in ("and", "but", "the", "so") or doc[k].is_space):
        k += 1
    if k != s or e >= cue or any(x for x, xs, _ in spans if e <= xs < cue):
        return None
    between = {t.lower_ for t in doc[e:cue + 1]}
    return i if between & (words.subject_verbs | words.join_verbs) else None
