"""PARTNERS_WITH from "X has / signed / opened a <pact> with Y", read from the entity pass's words (no parse).

Why: the frames read this form from the parse, and the parse fails it in three shapes common on published pages:

* an acronym opening the sentence is tagged as an adverb, so the pact has no subject ("HREAC signed a cooperation
  agreement in 2025 with the X Network", "DEAC has a cooperation agreement with Y");
* the subject is far from its verb, behind an apposition and a time phrase ("X, a Recife start-up that builds ...,
  on Tuesday opened a joint research lab with the port-logistics company Y");
* the partner is described before it is named ("with the port-logistics company Y", "with the Walloon consortium Z")
  or the pact and "with" are apart ("signed an agreement in 2025 with Y").

The owner is the one organisation right before the verb, else the sentence's subject closed by an apposition's comma.
Nothing is read when a denial, an ending, a hedge or a purchase sits between ("has no agreement with", "ended its
partnership with", "a supply agreement with", "an agreement with Y to buy"). A second pact or partner verb joined by
"and" keeps the owner ("has an agreement with A and partners with B"). Word lists: ``pact_with`` in
``data/lexicon/partner_items.json`` and the pact lists of ``tie_guard.json``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_actor_lists import actors_before, pair_all
from aikg.ingest.nlp.token_index import TokenIndex

ORGS = ("Institute", "Company", "Agency")
Emit = Callable[[Sequence[str], int, int, float, str], None]


@dataclass(frozen=True)
class PactWords:
    verbs: frozenset[str]  # has, signed, opened, entered into
    pacts: frozenset[str]  # agreement, partnership, joint lab (with "joint" before)
    joint_units: frozenset[str]
    deny: frozenset[str]  # no, not, ended, former, possible
    not_pact: frozenset[str]  # supply, purchase: a sale, not a partnership
    purposes: frozenset[str]  # "... with X to buy"
    time_words: frozenset[str]  # "in 2025", "on Tuesday", "last year"
    pre_verb: frozenset[str]  # "also", "today", "has" between the owner and the verb
    articles: frozenset[str]
    not_items: frozenset[str]
    partner_verbs: frozenset[str]  # "and partners with B"
    acts: tuple[str, ...]  # develop, build, run: shared work ("Together with X, Y built ...")
    not_acts: frozenset[str]  # funded, invested, founded: co-funders and co-founders are no partners
    events: frozenset[str] = frozenset()  # summit, hackathon: co-hosts of an event are no partners
    clause_openers: frozenset[str] = frozenset()  # while, but, whose: another clause, said of someone else


def sentence_words(doc: Any, sent: Any) -> list[str]:
    """The sentence's lower-cased words from the Doc's word index: a rule whose cue word is absent returns at once
    (speed only: no spaCy Token per word)."""
    return TokenIndex.of(doc).lower[sent.start:sent.end]


@lru_cache(maxsize=1)
def pact_words() -> PactWords:
    d = lexicon_data("partner_items.json")
    g = lexicon_data("tie_guard.json")
    joint = lexicon_data("relations.json")["joint_words"]
    units = joint["joint_unit_nouns"]
    p = d["pact_with"]
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return PactWords(low(p["verbs"]), low(g["pact_nouns"]), low(units) | low(g["joint_unit_nouns"]),
                     low(p["deny"]) | low(g.get("refusal_verbs", ())) | low(g["end_verbs"]),
                     low(g["not_pact_modifiers"]), low(g["not_pact_purposes"]), low(p["time_words"]),
                     low(p["pre_verb"]), low(d["articles"]), low(d["not_items"]), low(p["partner_verbs"]),
                     tuple(sorted(low(joint["acts_after_adverb"]) | low(p["more_acts"]))), low(joint["not_after_adverb"]),
                     low(g["event_words"]), low(p.get("clause_openers", ())))


def pact_with(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
              conf: float) -> None:
    """Every "OWNER <verb> a <pact> with A (and the <description> B)" of one sentence of the entity pass."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":  # off: the A/B of docs/extraction.md
        return
    w = pact_words()
    if w.verbs.isdisjoint(sentence_words(doc, sent)):
        return
    starts = {s: (i, e) for i, s, e in spans}
    ends = {e: (i, s) for i, s, e in spans}
    for t in sent:
        if t.lower_ not in w.verbs:
            continue
        owner = _owner(doc, sent, t.i, spans, starts, ends, types, w)
        if owner is None:
            continue
        k = _pact_after(doc, t.i, sent.end, w)
        while k is not None:
            items, k = _items_after(doc, k, sent.end, starts, types, w)
            if not items:
                break
            last = k
            if last + 1 < sent.end and doc[last].lower_ == "to" and doc[last + 1].lower_ in w.purposes:
                break  # "signed an agreement with X to buy 200 robots": a purchase
            for m in items:
                if m != owner:
                    emit(["PARTNERS_WITH"], owner, m, conf, "rule:pact-with")
            k = _next_pact(doc, k, sent.end, w)


def _owner(doc: Any, sent: Any, v: int, spans: Sequence[tuple[int, int, int]], starts: dict, ends: dict,
           types: Sequence[str], w: PactWords) -> int | None:
    """The organisation the verb at ``v`` is said of: right before it, or the subject before an apposition."""
    k = v
    while k > sent.start and doc[k - 1].lower_ in w.pre_verb:
        k -= 1
    if k in ends:
        i, s = ends[k]
        before = doc[s - 1].lower_ if s > sent.start else ""
        if types[i] not in ORGS or before in ("and", "&", "or") or before == "," and (s - 1) in ends:
            return None  # "A and B signed", "A, B signed": a list (relation_joint's headline rule)
        return i
    while k > sent.start and (doc[k - 1].lower_ in w.time_words or doc[k - 1].like_num):
        k -= 1  # "X, ..., on Tuesday opened"
    if k <= sent.start or doc[k - 1].text != ",":
        return None
    first = next(((i, s, e) for i, s, e in spans if types[i] in ORGS), None)
    if first is None or first[2] >= k - 1 or first[2] >= len(doc) or doc[first[2]].text != ",":
        return None
    if first[1] - sent.start > 6 or any(doc[x].text in (";", ":") or doc[x].lower_ in ("and", "but")
                                        and x + 1 < k and doc[x + 1].is_lower for x in range(first[2], k)):
        return None
    nxt = doc[first[2] + 1]
    if not (nxt.is_lower or (first[2] + 1) in starts and types[starts[first[2] + 1][0]] == "Cluster"):
        return None  # ", a Recife start-up that ...," (an apposition) or ", Recife-based ..."
    if nxt.lower_ in ("which", "who", "whose", "that", "and", "or", "as", "like", "unlike", "with"):
        return None  # "X, which has ..., signed": the relative's own verb may be meant; "X, like Y, signed"
    return first[0]


def _pact_after(doc: Any, v: int, end: int, w: PactWords) -> int | None:
    """The token after "with" when the words after the verb at ``v`` are "(a) (mods) <pact> (time) with"."""
    k = v + 1
    while k < end and k < v + 7:
        low = doc[k].lower_
        if low in w.deny or low in w.not_pact:
            return None
        if low in w.pacts or low in w.joint_units and any(doc[j].lower_ == "joint" for j in range(v + 1, k)):
            break
        if not (doc[k].is_lower or doc[k].text in "-–") or low in ("with", "to", "for", "by", "from", "of"):
            return None
        k += 1
    else:
        return None
    if k >= end or not doc[k].is_lower:
        return None
    while k + 1 < end and (doc[k + 1].lower_ in w.pacts or doc[k + 1].lower_ in w.joint_units):
        k += 1  # "a cooperation agreement", "a partnership agreement", "a joint research centre"
    return _with_after(doc, k + 1, end, w)


def _with_after(doc: Any, k: int, end: int, w: PactWords) -> int | None:
    """The token after "with", past "of understanding" and a time phrase ("in 2025", "on Monday")."""
    if k + 1 < end and doc[k].lower_ == "of" and doc[k + 1].lower_ == "understanding":
        k += 2
    j = k
    while j < end and j < k + 4 and (doc[j].lower_ in w.time_words or doc[j].like_num):
        j += 1
    return j + 1 if j < end and doc[j].lower_ == "with" else None


def _items_after(doc: Any, k: int, end: int, starts: dict, types: Sequence[str],
                 w: PactWords) -> tuple[list[int], int]:
    """Organisations from ``k`` joined by commas and "and", each after an optional article and a description
    ("the port-logistics company Y", "the Walloon consortium Z"); and the token after the list."""
    out: list[int] = []
    while k < end:
        j = k
        while j < end and j < k + 6 and j not in starts:
            low = doc[j].lower_
            if low in w.not_items or low in w.clause_openers or not (low in w.articles or doc[j].is_lower or doc[j].text in "-–"
                                          or doc[j].is_title and j + 1 < end and (doc[j + 1].is_lower or j + 1 in starts)):
                return out, k
            j += 1
        while j in starts and types[starts[j][0]] == "Cluster" and starts[j][1] < end and (
                doc[starts[j][1]].is_lower or doc[starts[j][1]].text in "-–" or starts[j][1] in starts):
            j = starts[j][1]  # "the Arusha start-up B": the place describes B
            while j < end and j not in starts and (doc[j].is_lower or doc[j].text in "-–") and j < k + 8:
                j += 1
        if j not in starts or types[starts[j][0]] not in ORGS:
            return out, k
        i, e = starts[j]
        if e < end and doc[e].text in ("'s", "’s"):
            return out, k  # "with Y's robotics group": the unit, not Y (the frames' business)
        out.append(i)
        k = e
        if k < end and doc[k].text == "(":
            while k < end and doc[k].text != ")":
                k += 1
            k += 1
        if k + 1 < end and doc[k].text == "," and doc[k + 1].lower_ in ("which", "who", "whose", "that", "a", "an", "the"):
            return out, k  # "Y, which is based in Z" / "Y, a start-up": the list ends with Y
        if k >= end or doc[k].lower_ not in (",", "and"):
            return out, k
        n = k
        while n < end and doc[n].lower_ in (",", "and"):
            n += 1
        if n < end and (doc[n].lower_ == "with" or doc[n].lower_ in w.partner_verbs or doc[n].lower_ in ("a", "an")
                        and _pact_after(doc, n - 1, end, w) is not None):
            return out, k  # "and with B", "and partners with B", "and a joint lab with B": _next_pact
        k = n
    return out, k


def _next_pact(doc: Any, k: int, end: int, w: PactWords) -> int | None:
    """After a list: "and with B", "and partners with B", "and a joint laboratory with B" (the same owner)."""
    if k >= end or doc[k].lower_ not in (",", "and"):
        return None
    while k < end and doc[k].lower_ in (",", "and"):
        k += 1
    if k < end and doc[k].lower_ == "with":
        return k + 1
    if k + 1 < end and doc[k].lower_ in w.partner_verbs and doc[k + 1].lower_ == "with":
        return k + 2
    if k < end and doc[k].lower_ in ("a", "an"):
        return _pact_after(doc, k - 1, end, w)
    return None


_ACTS = frozenset({"run", "developed", "operated", "managed", "delivered", "coordinated", "led", "built", "designed",
                   "organised", "organized", "conducted", "administered", "governed", "supervised", "taught", "hosted"})


def jointly_by(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
               conf: float) -> None:
    """"The programme will be run jointly by A and the farmer-owned B", "developed together by A and B": the
    actors of one shared act partner with each other (annotation guidelines: run jointly)."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":  # off: the A/B of docs/extraction.md
        return
    words = sentence_words(doc, sent)
    if "by" not in words or "jointly" not in words and "together" not in words:
        return
    w = pact_words()
    starts = {s: (i, e) for i, s, e in spans}
    for t in sent:
        if t.lower_ not in ("jointly", "together") or t.i - 1 < sent.start or t.i + 1 >= sent.end \
                or doc[t.i - 1].lower_ not in _ACTS or doc[t.i + 1].lower_ != "by":
            continue
        if _event_subject(doc, t.i - 1, sent.start, w):
            continue  # "The Tampere AI Summit is organised jointly by A and B": co-hosts of an event
        actors, _ = _items_after(doc, t.i + 2, sent.end, starts, types, w)
        pair_all(actors, emit, conf, "rule:jointly-by")


_AUX = frozenset({"is", "was", "are", "were", "be", "been", "being", "will", "has", "have", "had", "to", "also", "again",
                  "now", "once", "each", "every", "year", "annually"})


def _event_subject(doc: Any, verb: int, start: int, w: PactWords) -> bool:
    """Is the word before the act's auxiliaries an event noun ("The summit is organised jointly by")?"""
    k = verb - 1
    while k > start and doc[k].lower_ in _AUX:
        k -= 1
    if doc[k].text == ",":  # "The hackathon, held every spring, was hosted jointly by"
        k -= 1
        while k > start and doc[k].text != ",":
            k -= 1
        k -= 1
    while k > start and doc[k].like_num:
        k -= 1  # "the Tampere AI Summit 2026 was hosted jointly by"
    return k >= start and (doc[k].lower_ in w.events or doc[k].lemma_.lower() in w.events)


def which_partner_of(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
                     conf: float) -> None:
    """"..., the utility B, which is also a research partner of C": the name the relative clause closes on partners
    with C (not "which was a partner", "which is not a partner", "which is a partner of the C Network")."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":  # off: the A/B of docs/extraction.md
        return
    words = sentence_words(doc, sent)
    if "which" not in words or "partner" not in words:
        return
    w = pact_words()
    starts = {s: (i, e) for i, s, e in spans}
    ends = {e: (i, s) for i, s, e in spans}
    for t in sent:
        if t.lower_ != "which" or t.i < sent.start + 2 or doc[t.i - 1].text != "," or (t.i - 1) not in ends:
            continue
        ante = ends[t.i - 1][0]
        k = t.i + 1
        if k >= sent.end or doc[k].lower_ not in ("is", "are", "remains", "has", "have"):
            continue
        k += 1
        if k < sent.end and doc[k].lower_ == "been":
            k += 1
        if k < sent.end and doc[k].lower_ in ("also", "now", "still", "currently"):
            k += 1
        if k >= sent.end or doc[k].lower_ not in ("a", "an", "the"):
            continue
        j = k + 1
        while j < sent.end and j < k + 4 and doc[j].is_lower and doc[j].lower_ not in ("partner", "of"):
            if doc[j].lower_ in w.deny or doc[j].lower_ in w.not_items:
                break
            j += 1
        if j + 1 >= sent.end or doc[j].lower_ != "partner" or doc[j + 1].lower_ != "of":
            continue
        items, _ = _items_after(doc, j + 2, sent.end, starts, types, w)
        if types[ante] in ORGS:
            for m in items[:1]:
                if m != ante:
                    emit(["PARTNERS_WITH"], ante, m, conf, "rule:which-partner-of")


def _is_act(word: str, w: PactWords) -> bool:
    """A verb of shared work ("built", "operates", "launched"), not of money or founding ("funded", "founded")."""
    return word not in w.not_acts and word.startswith(w.acts)


_FRONTS = (("together", "with"), ("along", "with"), ("in", "partnership", "with"), ("in", "collaboration", "with"),
           ("in", "cooperation", "with"), ("alongside",))


def fronted_partners(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
                     conf: float) -> None:
    """"Together with A and B, X opened a testbed", "In partnership with the Brno firm A, X runs the course": the
    fronted organisations partner with the subject after the comma ("together with" and "alongside" only before a
    verb of shared work: not "Together with A, X is the largest employer", "Alongside A, X invested")."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":
        return
    w = pact_words()
    low = [doc[k].lower_ for k in range(sent.start, min(sent.end, sent.start + 3))]
    front = next((f for f in _FRONTS if tuple(low[:len(f)]) == f), None)
    if front is None:
        return
    starts = {s: (i, e) for i, s, e in spans}
    items, e = _items_after(doc, sent.start + len(front), sent.end, starts, types, w)
    if len(items) < 2:
        return  # the list reader runs on into the subject: "Together with A, X opened" reads A, X
    subject = items.pop()
    s = next(st for st, (i, _) in starts.items() if i == subject)
    if doc[s - 1].lower_ == "the":
        s -= 1
    if doc[s - 1].text != ",":
        return
    while e < sent.end and doc[e].lower_ in w.pre_verb | {"will", "would", "can", "is", "are", "be"}:
        e += 1
    if e >= sent.end or front[0] != "in" and not _is_act(doc[e].lower_, w):
        return
    for m in items:
        if m != subject:
            emit(["PARTNERS_WITH"], subject, m, conf, "rule:fronted-with")


_TEAMED = {"teamed": "up", "joined": "forces", "partnered": "", "collaborated": ""}


def teamed_up(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
              conf: float) -> None:
    """"A and B have teamed up on a course", "A, B and C joined forces to ...": the actors with each other (with
    "with" after it the other rules read the partner; "A and B partnered" alone ties A and B)."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":
        return
    if _TEAMED.keys().isdisjoint(sentence_words(doc, sent)):
        return
    w = pact_words()
    for t in sent:
        need = _TEAMED.get(t.lower_)
        if need is None:
            continue
        k = t.i + 1
        if need:
            if k >= sent.end or doc[k].lower_ != need:
                continue
            k += 1
        if k < sent.end and doc[k].lower_ in ("with", "by"):
            continue
        actors = actors_before(doc, t.i, spans, types, sent.start, w.pre_verb | {"will", "had", "were", "are"})
        if any(doc[x].lower_ in w.deny for x in range(max(sent.start, t.i - 3), t.i)):
            continue  # "have not teamed up", "could join forces"
        pair_all(actors, emit, conf, "rule:teamed-up")


def act_alongside(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
                  conf: float) -> None:
    """"X will develop the gripper alongside A and the Brno firm B": the subject partners with each (a verb of shared
    work; "invested alongside A" makes co-investors, not partners)."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":
        return
    if "alongside" not in sentence_words(doc, sent):
        return
    w = pact_words()
    first = min(spans, key=lambda x: x[1])
    if types[first[0]] not in ORGS or first[1] - sent.start > 1:
        return
    starts = {s: (i, e) for i, s, e in spans}
    k = first[2]
    while k < sent.end and doc[k].lower_ in w.pre_verb | {"will", "would", "is", "are"}:
        k += 1
    if k >= sent.end or not _is_act(doc[k].lower_, w):
        return
    for j in range(k + 1, min(sent.end, k + 8)):
        if doc[j].text in ",;:" or doc[j].lower_ in ("and", "which", "that", "who", "but"):
            return
        if doc[j].lower_ == "alongside":
            items, _ = _items_after(doc, j + 1, sent.end, starts, types, w)
            for m in items:
                if m != first[0]:
                    emit(["PARTNERS_WITH"], first[0], m, conf, "rule:act-alongside")
            return


_OPEN_VERBS = frozenset({"open", "opens", "opened", "launch", "launches", "launched", "inaugurate", "inaugurates",
                         "inaugurated", "unveil", "unveils", "unveiled"})
_UNIT_NOUNS = frozenset({"lab", "laboratory", "centre", "center", "institute", "hub", "facility", "testbed"})


def opened_together(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
                    conf: float) -> None:
    """"A and B open marine autonomy centre in Inverness", "A and B today opened the X Lab": organisations that open
    one lab or centre together partner with each other (as the parents of a joint lab do); not several units
    ("opened labs"), not an office."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":
        return
    if _OPEN_VERBS.isdisjoint(sentence_words(doc, sent)):
        return
    w = pact_words()
    starts = {s: (i, e) for i, s, e in spans}
    for t in sent:
        if t.lower_ not in _OPEN_VERBS:
            continue
        actors = actors_before(doc, t.i, spans, types, sent.start, w.pre_verb | {"will", "today", "jointly"})
        if len(actors) < 2 or next(s for s, (i, _) in starts.items() if i == actors[0]) - sent.start > 2:
            continue  # the actors open the sentence or the headline
        k = t.i + 1
        while k < sent.end and k < t.i + 7 and k not in starts and doc[k].lower_ not in _UNIT_NOUNS:
            if not (doc[k].is_lower or doc[k].text in "-–") or doc[k].lower_ in ("in", "at", "to", "for", "with", "of"):
                break
            k += 1
        unit = doc[k].lower_ in _UNIT_NOUNS if k < sent.end else False
        named = k in starts and types[starts[k][0]] == "Institute" and doc[starts[k][1] - 1].lower_ in _UNIT_NOUNS
        if not (unit or named):
            continue
        pair_all(actors, emit, conf, "rule:opened-together")
        return


_OWNER_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})


def under_pact(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], emit: Emit,
               conf: float) -> None:
    """"Mentoring is provided by A in Dhulikhel under an agreement with B", "delivered by A and by the Paysandú firm C,
    under agreements with B", "Under a memorandum of understanding with B, A trains ...": who acts under a pact
    with B partners with B (the agents after "by", else the clause's subject)."""
    if len(spans) < 2 or os.environ.get("AIKG_PARTNER_FORMS", "on") == "off":
        return
    if "under" not in sentence_words(doc, sent):
        return
    w = pact_words()
    starts = {s: (i, e) for i, s, e in spans}
    for t in sent:
        if t.lower_ != "under":
            continue
        k = t.i + 1
        while k < sent.end and k < t.i + 5 and doc[k].is_lower and doc[k].lower_ not in w.pacts:
            if doc[k].lower_ in w.deny or doc[k].lower_ in w.not_pact or doc[k].lower_ in ("with", "of", "by"):
                break
            k += 1
        if k >= sent.end or doc[k].lower_ not in w.pacts:
            continue
        while k + 1 < sent.end and doc[k + 1].lower_ in w.pacts:
            k += 1
        first = _with_after(doc, k + 1, sent.end, w)
        if first is None:
            continue
        fronted = t.i == sent.start
        stop = next((j for j in range(first, sent.end) if doc[j].text == ","), sent.end) if fronted else sent.end
        items, after = _items_after(doc, first, stop, starts, types, w)
        if not items or after + 1 < sent.end and doc[after].lower_ == "to" and doc[after + 1].lower_ in w.purposes:
            continue  # "under an agreement with X to buy ...": a purchase
        owners = _subject_after(doc, after, sent.end, starts, types) if fronted else \
            _agents_before(doc, sent, t.i, starts, types, w)
        for o in owners:
            for m in items:
                if m != o:
                    emit(["PARTNERS_WITH"], o, m, conf, "rule:under-pact")


def _agents_before(doc: Any, sent: Any, under: int, starts: dict, types: Sequence[str], w: PactWords) -> list[int]:
    """The organisations after "by" (and "and by") in the clause before ``under``; else the subject opening it."""
    lo = under
    while lo > sent.start and doc[lo - 1].text not in (";", ":") and doc[lo - 1].lower_ not in ("but", "while", "whereas"):
        lo -= 1
    out: list[int] = []
    for k in range(lo, under):
        if doc[k].lower_ == "by":
            items, _ = _items_after(doc, k + 1, under, starts, types, w)
            out += [m for m in items if m not in out]
    if out:
        return out
    j = lo
    while j < under and doc[j].lower_ in _OWNER_ARTICLES:
        j += 1
    if j in starts and types[starts[j][0]] in ORGS and j - lo <= 1:
        e = starts[j][1]
        if e < under and doc[e].is_lower and doc[e].lower_ not in ("and", "or", "'s", "’s"):
            return [starts[j][0]]  # "X provides mentoring under an agreement with Y"
    return []


def _subject_after(doc: Any, k: int, end: int, starts: dict, types: Sequence[str]) -> list[int]:
    """"Under an agreement with Y, X trains ...": the name right after the fronted phrase's comma."""
    if k >= end or doc[k].text != ",":
        return []
    k += 1
    while k < end and doc[k].lower_ in _OWNER_ARTICLES:
        k += 1
    return [starts[k][0]] if k in starts and types[starts[k][0]] in ORGS else []
