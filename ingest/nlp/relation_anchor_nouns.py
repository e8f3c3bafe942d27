"""ANCHORS in more published forms, and the ANCHORS a parsed trigger does not state, wave 19 (issue 14).

Why: on unseen pages ANCHORS was right 3 times of 4 and 1 of 3, and a third of the stated anchors were missed. Forms
read here from the entity pass's words (no parse), each as the guidelines require (called an anchor of the place, or
drawing talent, founders or investment to it):

* a place's anchor noun: "Tampere's anchor institutions are A and B", "In Tampere, the anchor institution is A",
  "A, Tampere's anchor institution, trains ...", "Tampere's two anchors, A and B, employ ...", "A remains Tampere's
  anchor employer" (``rule:w19-place-anchor``);
* "A acts / serves as the anchor (institution) for / of Tampere" (``rule:w19-acts-as-anchor``);
* a drawing verb with "back to" or "into", and a drawing clause whose subject is "it" / "its <unit>" after a clause
  break, said of the organisation that opens the sentence: "A is the anchor of this place: it has drawn agronomists
  to Hamilton", "its graduates fill most roles, and it has drawn engineers back to Surabaya" (``rule:w19-drawn``);
  what is drawn must be people, firms or money (``drawn_things``), not visitors or criticism;
* "Tampere, anchored by A (and B), has ..." (``rule:w19-place-anchored``).

``anchor_stated_kept`` takes back what a parsed trigger does not state: the subject of a passive drawing verb ("X was
drawn to Tampere by its port"), a prediction or wish ("Officials hope X will one day anchor Y's cluster"), a building
or fund anchored ("X anchors the Harbour Point development, a new office building in Tampere"), examples of anchors in
general ("studies how anchors such as S shape Silicon Valley"), a place set aside by a ranking or comparison
("Worcester has grown into the second hub after Greater Boston, and X is the anchor of that cluster"), and the idiom
"at anchor". Word lists: ``data/lexicon/anchor_site_words.json``; ``AIKG_ANCHOR_NOUNS=off`` turns the module off.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.anchored_towns import enabled
from aikg.ingest.nlp.relation_types import Cand

#: switch for an A/B measurement in one tree (``AIKG_ANCHOR_NOUNS=off``, read by ``enabled``); on by default
ENABLED_ENV = "AIKG_ANCHOR_NOUNS"
ORG = ("Institute", "Company")
MAX_PREMODIFIERS = 3  # "Tampere's two main anchors"
MAX_DRAW_GAP = 12  # tokens between a drawing verb and "to" ("has drawn hundreds of software engineers back to")
_WORD = re.compile(r"[a-z][a-z'-]*")
Emit = Callable[[int, int, str], None]


@lru_cache(maxsize=1)
def _w() -> Mapping[str, frozenset[str]]:
    raw = lexicon_data("anchor_site_words.json")
    return {k: frozenset(w.lower() for w in v) for k, v in raw.items()
            if isinstance(v, list) and all(isinstance(x, str) for x in v)}


@lru_cache(maxsize=1)
def _examples() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p) for p in lexicon_data("anchor_site_words.json")["example_words"])


# ---------------------------------------------------------------------- surface forms
def anchor_noun_forms(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit) -> None:
    """Every form of the module docstring in one sentence: ANCHORS(organisation, place) through ``emit``."""
    if not enabled():
        return
    starts = {s: (i, e) for i, s, e in spans}
    ends = {e: (i, s) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] == "Cluster":
            _place_anchor(doc, sent, i, s, e, starts, ends, types, emit)
            _place_anchored(doc, sent, i, e, starts, types, emit)
        elif types[i] in ORG:
            _acts_as(doc, sent, i, e, starts, types, emit)
    _drawn(doc, sent, spans, starts, types, emit)


def _denied_before(doc: Any, sent: Any, k: int) -> bool:
    """A denial or a clause break's denial in the few words before token ``k`` ("none of them is", "not")."""
    deny = {"no", "not", "never", "none", "n't", "neither", "nor", "without"}
    for x in range(k - 1, max(sent.start - 1, k - 7), -1):
        if doc[x].text in (";", ":", ".", "—"):
            return False
        if doc[x].lower_ in deny:
            return True
    return False


def _anchor_np(doc: Any, k: int, end: int) -> int | None:
    """From token ``k`` (after a place's possessive): up to three lower-case premodifiers, "anchor(s)", an optional
    head ("institution"); the token after it, or None ("two main anchors", "anchor employer")."""
    w = _w()
    n = k
    while n < end and n - k < MAX_PREMODIFIERS and doc[n].lower_ not in w["anchor_nouns"]:
        t = doc[n]
        if not (t.is_lower or t.like_num or t.is_upper and len(t.text) <= 4) or t.lower_ in w["anchor_premodifiers_stop"]:
            return None
        n += 1
    if n >= end or doc[n].lower_ not in w["anchor_nouns"]:
        return None
    n += 1
    if n < end and doc[n].lower_ in w["anchor_heads"]:
        n += 1
    return n


def _orgs_from(doc: Any, k: int, end: int, starts: dict[int, tuple[int, int]], types: list[str]) -> tuple[list[int], int]:
    """Organisations from ``k`` joined by commas and "and" ("A, B and the C"), and the token after the list."""
    out: list[int] = []
    while k < end:
        if doc[k].lower_ == "the" and k + 1 in starts:
            k += 1
        got = starts.get(k)
        if got is None or types[got[0]] not in ORG:
            break
        out.append(got[0])
        k = got[1]
        if k < end and doc[k].text == "(" and k + 2 < end and doc[k + 2].text == ")":
            k += 3  # "A (ACR)"
        nxt = k
        if nxt < end and doc[nxt].text == ",":
            nxt += 1
        if nxt < end and doc[nxt].lower_ == "and":
            nxt += 1
        if nxt == k or (nxt < end and nxt in starts or nxt + 1 < end and doc[nxt].lower_ == "the" and nxt + 1 in starts):
            k = nxt
            continue
        break
    return out, k


def _place_anchor(doc: Any, sent: Any, place: int, s: int, e: int, starts: dict[int, tuple[int, int]],
                  ends: dict[int, tuple[int, int]], types: list[str], emit: Emit) -> None:
    """"P's anchor institutions are A and B", "P's two anchors, A and B,", "A, P's anchor institution,", "A remains
    P's anchor employer", "In P, the anchor institution is A"."""
    w = _w()
    end = sent.end
    if e < end and doc[e].text in ("'s", "’s"):
        after = _anchor_np(doc, e + 1, end)
        if after is None or _denied_before(doc, sent, s):
            return
        method = "rule:w19-place-anchor"
        if after < end and doc[after].lower_ in w["copulas_now"]:  # "P's anchor institutions are A and B"
            for org in _orgs_from(doc, after + 1, end, starts, types)[0]:
                emit(org, place, method)
        elif after < end and doc[after].text == ",":  # "P's two anchors, A and B, employ ..."
            orgs, k = _orgs_from(doc, after + 1, end, starts, types)
            if orgs and (k >= end or doc[k].text in (",", ".", ";", "—") or doc[k].is_lower):
                for org in orgs:
                    emit(org, place, method)
        head = s - 1 if s - 1 >= sent.start and doc[s - 1].lower_ == "the" else s
        _before_place_np(doc, sent, head, place, ends, types, emit)
        return
    # "In P, the anchor institution is A"
    if s - 1 >= sent.start and doc[s - 1].lower_ == "in" and e + 3 < end and doc[e].text == ",":
        k = e + 1 + (doc[e + 1].lower_ == "the")
        after = _anchor_np(doc, k, end)
        if after is not None and after < end and doc[after].lower_ in w["copulas_now"]:
            for org in _orgs_from(doc, after + 1, end, starts, types)[0]:
                emit(org, place, "rule:w19-place-anchor")


def _before_place_np(doc: Any, sent: Any, head: int, place: int, ends: dict[int, tuple[int, int]], types: list[str],
                     emit: Emit) -> None:
    """The organisation said to be P's anchor before P's phrase: "A, P's anchor institution," (apposition) or
    "A remains / is / has become P's anchor employer" (a present copula)."""
    w = _w()
    k = head - 1
    if k < sent.start:
        return
    if doc[k].text == ",":
        got = ends.get(k)
        if got is not None and types[got[0]] in ORG:
            emit(got[0], place, "rule:w19-place-anchor")
        return
    if doc[k].lower_ in w["become_verbs"] and k - 1 >= sent.start and doc[k - 1].lower_ in ("has", "have"):
        k -= 1
    elif doc[k].lower_ not in w["copulas_now"]:
        return
    got = ends.get(k)
    if got is None and k - 1 >= sent.start and doc[k - 1].is_lower and doc[k - 1].lower_.endswith("ly"):
        got = ends.get(k - 1)  # "A still remains", "A now is": one adverb
    if got is not None and types[got[0]] in ORG:
        emit(got[0], place, "rule:w19-place-anchor")


def _acts_as(doc: Any, sent: Any, org: int, e: int, starts: dict[int, tuple[int, int]], types: list[str],
             emit: Emit) -> None:
    """"A acts / serves as the anchor (institution) for / of P", "A serves as P's anchor institution"."""
    w = _w()
    end = sent.end
    k = e
    if k < end and doc[k].lower_ in ("also", "now", "still", "effectively"):
        k += 1
    if k + 3 >= end or doc[k].lower_ not in w["as_verbs"] or doc[k + 1].lower_ != "as":
        return
    k += 2
    got = starts.get(k + (doc[k].lower_ == "the"))
    if got is not None and types[got[0]] == "Cluster" and got[1] < end and doc[got[1]].text in ("'s", "’s"):
        if _anchor_np(doc, got[1] + 1, end) is not None:  # "serves as Tampere's anchor institution"
            emit(org, got[0], "rule:w19-acts-as-anchor")
        return
    if doc[k].lower_ in ("the", "an", "a", "its"):
        k += 1
    after = _anchor_np(doc, k, end)
    if after is None or after + 1 >= end or doc[after].lower_ not in ("for", "of", "in"):
        return
    n = after + 1 + (doc[after + 1].lower_ == "the")
    got = starts.get(n)
    if got is not None and types[got[0]] == "Cluster":
        emit(org, got[0], "rule:w19-acts-as-anchor")


def _place_anchored(doc: Any, sent: Any, place: int, e: int, starts: dict[int, tuple[int, int]], types: list[str],
                    emit: Emit) -> None:
    """"P, (now / still) anchored by A (and B), has ...": the place in apposition to its anchors."""
    end = sent.end
    k = e
    if k >= end or doc[k].text != ",":
        return
    k += 1
    if k < end and doc[k].lower_ in ("now", "still", "long", "largely", "mainly"):
        k += 1
    if k + 2 >= end or doc[k].lower_ != "anchored" or doc[k + 1].lower_ != "by":
        return
    orgs, after = _orgs_from(doc, k + 2, end, starts, types)
    if orgs and after < end and doc[after].text == ",":
        for org in orgs:
            emit(org, place, "rule:w19-place-anchored")


def _drawn(doc: Any, sent: Any, spans: list[tuple[int, int, int]], starts: dict[int, tuple[int, int]],
           types: list[str], emit: Emit) -> None:
    """"A has drawn engineers back to P" / "... into P"; "A is the anchor of ...: it has drawn ... to P" (the
    organisation that opens the sentence, for "it" / "its <unit>" after a clause break)."""
    w = _w()
    end = sent.end
    opener = _opener(doc, sent, starts, types)
    for v in range(sent.start + 1, end - 2):
        if doc[v].lower_ not in w["draw_verbs"]:
            continue
        subj = _draw_subject(doc, sent, v, spans, types, opener)
        if subj is None:
            continue
        to = _draw_target(doc, v, end)
        if to is None:
            continue
        got = starts.get(to + (doc[to].lower_ == "the"))
        if got is not None and types[got[0]] == "Cluster":
            emit(subj, got[0], "rule:w19-drawn")


def _opener(doc: Any, sent: Any, starts: dict[int, tuple[int, int]], types: list[str]) -> int | None:
    """The organisation that opens the sentence ("The Universidad X (UX) is ..."), or None."""
    k = sent.start + (doc[sent.start].lower_ == "the")
    got = starts.get(k)
    return got[0] if got is not None and types[got[0]] in ORG else None


def _draw_subject(doc: Any, sent: Any, v: int, spans: list[tuple[int, int, int]], types: list[str],
                  opener: int | None) -> int | None:
    """The organisation drawing at verb ``v``: an organisation right before it (helpers such as "has", "also",
    "since", "keeps" between), or "it" / "its <unit>" after a clause break standing for the sentence's opener."""
    w = _w()
    k = v - 1
    while k > sent.start and doc[k].lower_ in w["draw_helpers"]:
        if doc[k].lower_ == "to" or doc[k].lower_ in w["future_aux"]:
            return None
        k -= 1
    if doc[k].lower_ in w["future_aux"] or doc[k].lower_ in ("been", "be", "being", "was", "were", "is", "are"):
        return None  # "will draw", "was drawn to P by X": a prediction, or the one drawn
    got = next((i for i, s, e in spans if e == k + 1), None)
    if got is not None:
        if types[got] not in ORG:
            return None
        s = next(s for i, s, _ in spans if i == got)
        before = doc[s - 1] if s - 1 >= sent.start else None
        if before is None or before.text in w["clause_breaks"] or before.lower_ in ("the", "and") or \
                before.text == "," and s - 2 >= sent.start and doc[s - 2].lower_ != "as":
            return got if not _listed_as_drawn(doc, sent, s) else None
        return None
    # "...: it has drawn", "; its computer-science school has drawn", ", and it has drawn"
    if opener is None:
        return None
    p = k
    while p > sent.start and doc[p].lower_ not in w["pronoun_subjects"] and v - p <= 5 and \
            (doc[p].is_lower or doc[p].text == "-"):
        p -= 1
    if doc[p].lower_ not in w["pronoun_subjects"]:
        return None
    brk = doc[p - 1] if p - 1 > sent.start else None
    if brk is None or not (brk.text in w["clause_breaks"] or brk.lower_ == "and" or brk.text == ","):
        return None
    opener_end = next(e for i, _, e in spans if i == opener)
    if any(types[i] in ORG and not _same_as_opener(doc, s, e, opener_end) for i, s, e in spans if opener_end <= s < p):
        return None  # another organisation between: "it" may be that one
    return opener


def _same_as_opener(doc: Any, s: int, e: int, opener_end: int) -> bool:
    """A mention that stands for the opener itself: its bracketed short form ("X (XU)") or a pronoun ("its")."""
    return e - s == 1 and doc[s].lower_ in ("its", "it", "their") or s == opener_end + 1 and doc[opener_end].text == "("


def _listed_as_drawn(doc: Any, sent: Any, s: int) -> bool:
    """Is the name at ``s`` an example of what was drawn ("have drawn start-ups such as X to P")?"""
    words = [t.lower_ for t in doc[max(sent.start, s - 3):s]]
    return "such" in words or "including" in words or "like" in words


def _draw_target(doc: Any, v: int, end: int) -> int | None:
    """The token after "to" / "into" / "back to" when the words between name people, firms or money drawn (a word
    of ``not_drawn`` before "of" is a quantity: "has drawn a small crowd of drone start-ups to Ilorin")."""
    w = _w()
    gap: list[str] = []
    k = v + 1
    while k < end and k - v <= MAX_DRAW_GAP:
        low = doc[k].lower_
        if low in ("to", "into") and gap:
            break
        if doc[k].text in (";", ":", "."):
            return None
        gap.append(doc[k].text.lower())
        k += 1
    else:
        return None
    if k >= end - 1 or not gap:
        return None
    words = set(_WORD.findall(" ".join(gap).replace(" - ", "-")))
    quantities = {a for a, b in zip(gap, gap[1:]) if b == "of"}  # "a small crowd of start-ups": the start-ups are drawn
    if not words & w["drawn_things"] or (words - quantities) & w["not_drawn"]:
        return None
    return k + 1


# ---------------------------------------------------------------------- parsed triggers
def anchor_stated_kept(cands: Sequence[Cand], tok: Any, tok2m: dict[int, int]) -> list[Cand]:
    """The candidates of one parsed trigger ``tok`` without the ANCHORS it does not state (module docstring)."""
    if not enabled() or not any(c.type == "ANCHORS" for c in cands):
        return list(cands)
    if _unstated(tok, tok2m):
        return [c for c in cands if c.type != "ANCHORS"]
    drawn = _passive_subjects(tok, tok2m)
    doc = tok.doc
    out = []
    for c in cands:
        if c.type == "ANCHORS" and (c.src in drawn or _set_aside(doc, c.tgt, tok2m)):
            continue
        out.append(c)
    return out


def _unstated(tok: Any, tok2m: dict[int, int]) -> bool:
    """A trigger that states no current anchoring: a prediction, a wish, a building or fund anchored, examples of
    anchors in general, "at anchor"."""
    w = _w()
    low = tok.lower_
    if _announced_anchor(tok):
        return False  # "the city says X will anchor P's new district": an announced role (annotation.md §3)
    if _future_before(tok):
        return True  # "X will one day anchor Y's cluster", "will become the anchor of", "will draw suppliers to"
    if tok.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "aux" and c.lower_ in w["future_aux"] for c in tok.children):
            return True  # "X will one day anchor Y's cluster", "will draw suppliers to"
        head = tok.head
        if tok.dep_ in ("xcomp", "ccomp") and head.lower_ in w["hope_verbs"]:
            return True  # "hopes to draw", "aims to anchor"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and head.lower_ in w["hope_verbs"]:
            return True
        if tok.lemma_.lower() == "anchor":
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            if any(o.lower_ in w["anchored_objects_stop"] and o.i not in tok2m for o in objs):
                return True  # "anchors the Harbour Point development", "anchors a new fund"
        return False
    if low in w["anchor_nouns"] or tok.lemma_.lower() == "anchor":
        if _compared(tok):
            return True  # "X, unlike the anchor institutions of Oulu, has no lab"
        if tok.dep_ == "pobj" and tok.head.lower_ == "at" and not any(
                c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children):
            return True  # "ships waiting at anchor"
        if low == "anchors" and _followed_by_example(tok):
            return True  # "how anchors such as S shape Silicon Valley"
    return False


def _compared(tok: Any) -> bool:
    """The anchor noun (or the noun it modifies) is the object of "unlike", "like", "than" or "besides"."""
    head = tok.head if tok.dep_ in ("compound", "amod") else tok
    return head.dep_ == "pobj" and head.head.lower_ in ("unlike", "like", "than", "besides")


def _announced_anchor(tok: Any) -> bool:
    """"will anchor" with nothing between: an announced, agreed role, which the guidelines count ("will fund",
    "will run"); "will one day anchor", "could anchor" and "will draw" stay predictions."""
    k = tok.i - 1
    return (tok.lemma_.lower() == "anchor" and tok.pos_ in ("VERB", "AUX") and k >= tok.sent.start
            and tok.doc[k].lower_ in ("will", "shall", "'ll") and not _hoped(tok))


def _hoped(tok: Any) -> bool:
    """The clause of ``tok`` hangs under a verb of hoping or planning ("officials hope X will anchor")."""
    w = _w()
    head = tok
    for _ in range(3):
        if head.dep_ in ("ccomp", "xcomp") and head.head.lower_ in w["hope_verbs"] | {"hope", "hopes", "hoped"}:
            return True
        if head.head is head:
            break
        head = head.head
    return False


def _future_before(tok: Any) -> bool:
    """A future or modal auxiliary in the trigger's clause, at most five words before it ("will one day anchor")."""
    doc, fut = tok.doc, _w()["future_aux"]
    for k in range(tok.i - 1, max(tok.sent.start - 1, tok.i - 6), -1):
        t = doc[k]
        if t.is_punct or t.lower_ in ("which", "that", "who", "while", "and", "but"):
            return False
        if t.lower_ in fut:
            return True
    return False


def _followed_by_example(tok: Any) -> bool:
    doc = tok.doc
    for phrase in _examples():
        n = len(phrase)
        if tok.i + n < len(doc) and tuple(t.lower_ for t in doc[tok.i + 1:tok.i + 1 + n]) == phrase:
            return True
    return False


def _passive_subjects(tok: Any, tok2m: dict[int, int]) -> set[int]:
    """Mentions of the subject of a passive drawing verb ("X was drawn to P by its port"): the one drawn."""
    if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "auxpass" for c in tok.children):
        return set()
    out: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("nsubjpass", "nsubj"):
            out.update(tok2m[t.i] for t in c.subtree if t.i in tok2m)
    # "was drawn to P by its port": "its" is the one drawn, not an anchor
    out.update(tok2m[t.i] for t in tok.subtree if t.i in tok2m and t.lower_ in ("its", "their", "it"))
    return out


def _set_aside(doc: Any, tgt: int, tok2m: dict[int, int]) -> bool:
    """Is the place ``tgt`` named after a word of ranking or comparison ("second hub after Greater Boston")?"""
    where = [t for t, m in tok2m.items() if m == tgt]
    if not where:
        return False
    k = min(where) - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in _w()["compare_words"]
