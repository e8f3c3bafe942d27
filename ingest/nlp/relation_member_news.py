"""MEMBER_OF and PARTNERS_WITH in the forms of consortium news and alliance releases, read from the words.

Why: member pages and alliance announcements state membership with verbs of admitting and with counts, and
partnerships with nouns the verb frames do not read; the parse of these headline-like sentences is unreliable,
so the rules read the entity pass's names and the words around them:

* "The Orrin Data Alliance welcomed Lumora Labs, a Riga start-up, in March", "G has added A and B": a collective
  (a name ending in a ``collective_heads`` word) or a programme admits each listed name;
* "A has been accepted into G", "A and B were inducted into the G Network": the names before the verb;
* "G grew to 14 members with the addition of A and B" (a member word in the sentence): each added name;
* "The Nordic Speech Consortium, led by Harwick University, includes ...": the coordinator of a collective is a
  member (the listed members are read by the group rules);
* "G has announced three new members: A, B and C", "The G Fellowship, run by R, presents its 2026 cohort: A (Town),
  B and C of Town": the collective or programme opening the sentence, the names after the colon;
* "the strategic alliance between A and B", "a partnership between A, B and C": each pair partners;
* "A teams up with B and C", "A and B have teamed up with C": each actor before with each name after.

Word lists: ``news`` in ``member_forms.json`` and ``between`` in ``partner_items.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_actor_lists import actors_before, list_after, list_before
from aikg.ingest.nlp.relation_member_along import member_forms
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index
from aikg.ingest.nlp.token_index import TokenIndex

ORG = ("Institute", "Company", "Agency")
GROUPS = ORG + ("Programme",)
Emit = Callable[[Iterable[str], int, int, float, str], None]
Spans = list[tuple[int, int, int]]


@lru_cache(maxsize=1)
def _partner_words() -> dict[str, frozenset[str]]:
    data = lexicon_data("partner_items.json")["between"]
    return {k: frozenset(w.lower() for w in v) for k, v in data.items()}


@lru_cache(maxsize=1)
def _news_words() -> dict[str, Any]:
    data = member_forms()["news"]
    return {k: (frozenset(w.lower() for w in v) if isinstance(v, list) else v) for k, v in data.items()
            if not k.startswith("_")}


def member_news(doc: Any, sent: Any, spans: Spans, types: list[str], lists: RoundLists, emit: Emit,
                conf: float) -> None:
    """MEMBER_OF and PARTNERS_WITH from the forms above, in one sentence (``spans`` sorted by start); ``lists``
    reads a list whose items carry descriptions ("the Konjic firm Igman Drones")."""
    if not spans:
        return
    w = _news_words()
    words = set(TokenIndex.of(doc).lower[sent.start:sent.end])  # speed only: no spaCy Token per word
    if words & w["welcome_verbs"]:
        _welcomed(doc, sent, spans, types, w, lambda k: _read(doc, spans, types, lists, k, sent.end), emit, conf)
    if words & w["into_verbs"] and words & w["into_preps"]:
        _accepted_into(doc, sent, spans, types, w, emit, conf)
    if words & w["addition_nouns"] and words & w["member_words"]:
        _addition(doc, sent, spans, types, w, emit, conf)
    if words & w["lead_words"]:
        _led_by(doc, sent, spans, types, w, emit, conf)
    if ":" in words and words & w["colon_nouns"]:
        _colon_list(doc, sent, spans, types, w, lambda k: _read(doc, spans, types, lists, k, sent.end), emit, conf)
    if words & _PHRASE_WORDS:
        _phrases(doc, sent, spans, types, w, emit, conf)
    if words & w["counted_leads"] and words & w["counted_kinds"]:
        _counted_in(doc, sent, spans, types, w, emit, conf)
    p = _partner_words()
    if "between" in words and words & p["pact_nouns"]:
        _between(doc, sent, spans, types, p, emit, conf)
    if words & p["team_verbs"] and "up" in words:
        _team_up(doc, sent, spans, types, p, emit, conf)


def _collective(doc: Any, s: int, e: int, i: int, types: list[str], w: dict[str, Any]) -> bool:
    """A group that admits members: a programme, or a name ending in a collective word ("the Orrin Alliance")."""
    if types[i] == "Programme":
        return True
    return types[i] in ORG and doc[e - 1].lower_ in w["collective_heads"]


def _read(doc: Any, spans: Spans, types: list[str], lists: RoundLists, k: int, end: int) -> list[int]:
    """The organisations listed from token ``k``, descriptions before a name skipped."""
    return lists.read_list(token_index(doc, spans, types), k, ORG, end)


def _welcomed(doc: Any, sent: Any, spans: Spans, types: list[str], w: dict[str, Any], read: Callable[[int], list[int]],
              emit: Emit, conf: float) -> None:
    """"G welcomed A and B (as new members)", "G has added A": the listed names after the verb."""
    for g, s, e in spans:
        if not _collective(doc, s, e, g, types, w):
            continue
        k = e
        while k < sent.end and doc[k].lower_ in w["welcome_between"]:
            k += 1
        if k >= sent.end or doc[k].lower_ not in w["welcome_verbs"]:
            continue
        members = read(k + 1)
        if not members:
            continue
        if not _welcome_tail(doc, max(x[2] for x in spans if x[0] == members[-1]), sent.end, w):
            continue
        for m in members:
            if m != g:
                emit(["MEMBER_OF"], m, g, conf, "rule:group-welcomed")


def _welcome_tail(doc: Any, end: int, stop: int, w: dict[str, Any]) -> bool:
    """What follows the welcomed names allows a membership: a time, the end, "as (new) members", "to its ranks";
    not "as a customer", "to the summit", "at the fair", "the announcement"."""
    if end >= stop:
        return True
    nxt, after = doc[end].lower_, {t.lower_ for t in doc[end + 1:min(stop, end + 4)]}
    if nxt not in w["welcome_after"]:
        return False
    if nxt == "as":
        return bool(after & w["welcome_as_ok"])
    if nxt in ("to", "at"):
        return bool(after & w["welcome_to_ok"])
    return True


def _accepted_into(doc: Any, sent: Any, spans: Spans, types: list[str], w: dict[str, Any], emit: Emit,
                   conf: float) -> None:
    """"A has been accepted into G", "A and B were inducted into the G Network"."""
    starts = {s: (i, e) for i, s, e in spans}
    for t in doc[sent.start:sent.end]:
        if t.lower_ not in w["into_verbs"] or t.i + 1 >= sent.end or doc[t.i + 1].lower_ not in w["into_preps"]:
            continue
        k = t.i + 2
        while k < sent.end and doc[k].lower_ in ("the", "its"):
            k += 1
        if k not in starts:
            continue
        g, ge = starts[k]
        if not _collective(doc, k, ge, g, types, w):
            continue
        if any(doc[x].lower_ in ("not", "never", "n't") for x in range(max(sent.start, t.i - 4), t.i)):
            continue
        for m in actors_before(doc, t.i, spans, types, sent.start, w["into_aux"]):
            if m != g:
                emit(["MEMBER_OF"], m, g, conf, "rule:accepted-into")


def _addition(doc: Any, sent: Any, spans: Spans, types: list[str], w: dict[str, Any], emit: Emit, conf: float) -> None:
    """"G grew to 14 members with the addition of A and B", "The addition of A brings G's membership to 30"."""
    for t in doc[sent.start:sent.end]:
        if t.lower_ not in w["addition_nouns"] or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "of":
            continue
        groups = [g for g, s, e in spans if _collective(doc, s, e, g, types, w)]
        if len(set(groups)) != 1:
            continue  # one group only: "the addition of A to G and of B to H" is not read
        members = list_after(doc, t.i + 2, spans, types, sent.end)
        if groups[0] in members:
            members = members[:members.index(groups[0])]  # "With the addition of A, the G Alliance now has ..."
        for m in members:
            emit(["MEMBER_OF"], m, groups[0], conf, "rule:group-addition")


def _colon_list(doc: Any, sent: Any, spans: Spans, types: list[str], w: dict[str, Any], read: Callable[[int], list[int]],
                emit: Emit, conf: float) -> None:
    """"G has announced three new members: A, B and C", "The G Fellowship, run by R, presents its 2026 cohort: A, B":
    the group opening the sentence (after "The"), a member noun right before the colon, the names after it."""
    colon = next((t.i for t in doc[sent.start:sent.end] if t.text == ":"), None)
    if colon is None or colon - 1 <= sent.start or doc[colon - 1].lower_ not in w["colon_nouns"]:
        return
    if any(t.lower_ in w["colon_stops"] for t in doc[sent.start:colon]):
        return  # "G's former members:", "G has three new partners:", "G will announce its members:"
    lead = sent.start + (1 if doc[sent.start].lower_ == "the" else 0)
    g = next((i for i, s, e in spans if s == lead and _collective(doc, s, e, i, types, w)), None)
    if g is None:
        return
    for m in _colon_items(doc, colon + 1, sent.end, spans, types) or read(colon + 1):
        if m != g:
            emit(["MEMBER_OF"], m, g, conf, "rule:group-colon-list")


#: what may stand between two names of a list after a colon, besides a town's name: "A (Tartu), B and C of Riga"
_ITEM_GAP = frozenset({",", "and", "&", "(", ")", "the", "of", "in", "from", "based", "a", "an", ";"})
ITEM_WORDS = 3  # lower-case words of description an item may carry ("the Riga start-up B")


def _colon_items(doc: Any, k: int, end: int, spans: Spans, types: list[str]) -> list[int]:
    """The organisations listed from token ``k`` with a town in brackets or after "of" ("A (Tartu), B and C of
    Riga"); stops at anything else (a verb, a second clause)."""
    starts = {s: (i, e) for i, s, e in spans}
    out: list[int] = []
    words = 0
    while k < end:
        if k in starts:
            i, e = starts[k]
            if types[i] in ORG:
                out.append(i)
            elif types[i] != "Cluster":
                break
            k, words = e, 0
            continue
        t = doc[k]
        if t.lower_ in _ITEM_GAP or t.text in (".", "!"):
            k += 1
            continue
        if t.is_lower and t.is_alpha and words < ITEM_WORDS:
            k, words = k + 1, words + 1
            continue
        break
    return out


def _led_by(doc: Any, sent: Any, spans: Spans, types: list[str], w: dict[str, Any], emit: Emit, conf: float) -> None:
    """"The G Consortium, led by A, ...", "The G Network is coordinated by A and B": the leaders are members."""
    for g, _s, e in spans:
        if types[g] not in ORG or doc[e - 1].lower_ not in w["collective_heads"]:
            continue
        k = e
        while k < sent.end and doc[k].lower_ in w["lead_between"] and k < e + 4:
            k += 1
        if k + 1 >= sent.end or doc[k].lower_ not in w["lead_words"] or doc[k + 1].lower_ != "by":
            continue
        for m in list_after(doc, k + 2, spans, types, sent.end):
            if m != g:
                emit(["MEMBER_OF"], m, g, conf, "rule:collective-led-by")


#: the words a membership phrase holds (a sentence without one is skipped)
_PHRASE_WORDS = frozenset({"made", "composed", "comprised", "signed", "membership"})


def _phrases(doc: Any, sent: Any, spans: Spans, types: list[str], w: dict[str, Any], emit: Emit, conf: float) -> None:
    """"G is made up of A, B and C" (a collective G, the names after) and "A and B signed up to G", "A holds
    membership in G" (the names before, a collective G after)."""
    low = [t.lower_ for t in doc[sent.start:sent.end]]
    ends = {e: (i, s) for i, s, e in spans}
    starts = {s: (i, e) for i, s, e in spans}
    for k in range(len(low)):
        at = sent.start + k
        for phrase in w["group_phrases"]:
            words = phrase.split()
            if low[k:k + len(words)] == words and at in ends:
                g, gs = ends[at]
                if _collective(doc, gs, at, g, types, w):
                    for m in list_after(doc, at + len(words), spans, types, sent.end):
                        if m != g:
                            emit(["MEMBER_OF"], m, g, conf, "rule:group-made-up-of")
        for phrase in w["member_phrases"]:
            words = phrase.split()
            if low[k:k + len(words)] != words:
                continue
            g = _group_at(doc, at + len(words), sent.end, starts, types, w)
            if g is None:
                continue
            for m in actors_before(doc, at, spans, types, sent.start, w["into_aux"]):
                if m != g:
                    emit(["MEMBER_OF"], m, g, conf, "rule:membership-phrase")


def _group_at(doc: Any, j: int, end: int, starts: dict[int, tuple[int, int]], types: list[str],
              w: dict[str, Any]) -> int | None:
    """The collective named at token ``j`` past "the"/"its" ("… of the G Network"), or None."""
    while j < end and doc[j].lower_ in ("the", "its"):
        j += 1
    if j not in starts or not _collective(doc, j, starts[j][1], starts[j][0], types, w):
        return None
    return starts[j][0]


def _counted_in(doc: Any, sent: Any, spans: Spans, types: list[str], w: dict[str, Any], emit: Emit,
                conf: float) -> None:
    """"X is among 12 organisations in the G Consortium", "A and B are two of the nine firms in the G Network",
    "X is one of the companies of the G Alliance": the names before, a collective G right after."""
    starts = {s: (i, e) for i, s, e in spans}
    for t in doc[sent.start:sent.end]:
        if t.lower_ not in w["counted_kinds"] or t.i + 1 >= sent.end or doc[t.i + 1].lower_ not in ("in", "of"):
            continue
        k = t.i - 1
        while k > sent.start and (doc[k].like_num or doc[k].is_lower) and doc[k].lower_ not in w["counted_leads"] \
                and k > t.i - 5:
            k -= 1  # "among the 12 founding", "one of nine"
        lead = doc[k].lower_
        if lead not in w["counted_leads"] or (lead == "one" and doc[k + 1].lower_ != "of"):
            continue
        g = _group_at(doc, t.i + 2, sent.end, starts, types, w)
        if g is None or _past_group_after(doc, sent, next(e for i, _s, e in spans if i == g)):
            continue
        for m in actors_before(doc, k, spans, types, sent.start, w["counted_aux"]):
            if m != g:
                emit(["MEMBER_OF"], m, g, conf, "rule:counted-in-group")


def _past_group_after(doc: Any, sent: Any, end: int) -> bool:
    """"one of the companies in the G Network's alumni group": a past word (``past_words`` of the ``among`` forms)
    within three words after the group's name."""
    past = frozenset(member_forms()["among"].get("past_words", ()))
    return any(doc[x].lower_ in past for x in range(end, min(sent.end, end + 3)))


def _between(doc: Any, sent: Any, spans: Spans, types: list[str], p: dict[str, frozenset[str]], emit: Emit,
             conf: float) -> None:
    """"the strategic alliance between A and B": every two listed names partner."""
    for t in doc[sent.start:sent.end]:
        if t.lower_ != "between" or t.i - 1 < sent.start or doc[t.i - 1].lower_ not in p["pact_nouns"]:
            continue
        before = {doc[x].lower_ for x in range(max(sent.start, t.i - 4), t.i)}
        if before & p["not_before"] or any(x.lower_ in p["deny"] for x in sent):
            continue  # "the rivalry between", "a possible partnership between", "the partnership between A and B ended"
        names = list_after(doc, t.i + 1, spans, types, sent.end)
        for x, a in enumerate(names):
            for b in names[x + 1:]:
                if a != b:
                    emit(["PARTNERS_WITH"], a, b, conf, "rule:pact-between")


def _team_up(doc: Any, sent: Any, spans: Spans, types: list[str], p: dict[str, frozenset[str]], emit: Emit,
             conf: float) -> None:
    """"A teams up with B and C", "A and B have teamed up with C": each actor before with each name after."""
    for t in doc[sent.start:sent.end]:
        if t.lower_ not in p["team_verbs"] or t.i + 2 >= sent.end:
            continue
        if doc[t.i + 1].lower_ != "up" or doc[t.i + 2].lower_ != "with":
            continue
        if any(doc[x].lower_ in p["team_deny"] for x in range(max(sent.start, t.i - 3), t.i)):
            continue  # "plans to team up with", "could team up with"
        actors = actors_before(doc, t.i, spans, types, sent.start, p["team_aux"])
        if not actors and t.i > sent.start and doc[t.i - 1].text == ",":
            actors = list_before(doc, _clause_start(doc, t.i - 1, sent.start), spans, types, sent.start)
        partners = list_after(doc, t.i + 3, spans, types, sent.end)
        for a in actors:
            for b in partners:
                if a != b:
                    emit(["PARTNERS_WITH"], a, b, conf, "rule:teamed-up-with")


def _clause_start(doc: Any, k: int, start: int) -> int:
    """The comma that opens an apposition ending at ``k`` ("A, a Riga start-up, teamed up with B")."""
    j = k - 1
    while j > start and doc[j].text != ",":
        j -= 1
    return j if j > start else k
