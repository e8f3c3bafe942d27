"""Descriptions with modifiers: "the Lecco-based manufacturer", "the 40-person start-up", "the new AI centre".

Why (issue 14, item 3): news and press releases name an organisation once and then describe it with a kind noun
and words before it ("Veltrano Robotics makes welding cells. The Lecco-based manufacturer is a member of ...";
"Kestrel Analytics raised $3 million. The 40-person start-up is backed by ..."; "The state-backed fund invests in
..."). ``coreference.LinkWords.pattern`` reads "the" + a description noun with capitalised words or an amount
between; lower-case modifiers, hyphenated compounds and agent nouns ("manufacturer", "developer", "spin-out") it
does not read, so the sentence's relation has no end. This pass finds those descriptions in a chunk and asks the
resolver's own ``definite`` what they stand for, then keeps the answer only when the name holds the noun's kind,
the text described it with that kind, or it is the subject of this sentence or the one before and that sentence
introduces no unnamed body of the kind ("X opened a new lab. The new lab ..." is not X).

Never: a modifier that makes the description another body ("the parent company", "the partner university", "the
first start-up", "the local university", ``blocked_modifiers``), a bare year ("the 2024 programme"), an upper-case
word that may be a name ("the MIT lab"), a name after the noun ("the Lecco-based maker Veltrano"), a noun that
modifies another ("the AI start-up scene"). Off switch: ``AIKG_COREF_MODIFIED=off``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from aikg.core.paths import as_path, shipped
from aikg.ingest.nlp.coreference import ORG_OR_PROGRAMME, Resolver

ENV = "AIKG_COREF_MODIFIED"
FILE = "coref_modified.json"
_HYPHENS = ("-", "–")


@dataclass(frozen=True)
class ModifiedWords:
    """The word lists of ``coref_modified.json``."""

    agent_nouns: dict[str, str]
    blocked: frozenset[str]
    superlative: str
    acronyms: frozenset[str]
    determiners: frozenset[str]
    max_modifiers: int
    noun_modifiers: frozenset[str]
    demonym_labels: frozenset[str]
    pair_words: dict[str, str]
    pair_next: frozenset[str]


@lru_cache(maxsize=1)
def modified_words() -> ModifiedWords:
    """The shipped lists (read once)."""
    raw = json.loads((as_path(shipped("lexicon")) / FILE).read_text(encoding="utf-8"))
    return ModifiedWords(
        agent_nouns=dict(raw.get("agent_nouns", {})),
        blocked=frozenset(raw.get("blocked_modifiers", ())),
        superlative=str(raw.get("superlative_suffix", "est")),
        acronyms=frozenset(raw.get("domain_acronyms", ())),
        determiners=frozenset(raw.get("determiners", ("the",))),
        max_modifiers=int(raw.get("max_modifiers", 4)),
        noun_modifiers=frozenset(raw.get("noun_modifiers", ())),
        demonym_labels=frozenset(raw.get("demonym_labels", ())),
        pair_words=dict(raw.get("pair_words", {})),
        pair_next=frozenset(raw.get("pair_next", ())),
    )


def enabled() -> bool:
    """Is the pass on (``AIKG_COREF_MODIFIED`` not "off")?"""
    return os.environ.get(ENV, "on").lower() not in ("off", "0", "false", "no")


def _joined(doc: Any, j: int) -> bool:
    """Is token ``j`` glued to the next by a hyphen ("state" in "state-backed", "40" in "40-person")?"""
    return j + 2 < len(doc) and doc[j + 1].text in _HYPHENS and not doc[j].whitespace_ and not doc[j + 1].whitespace_


def _modifier(res: Resolver, j: int, w: ModifiedWords) -> tuple[int, bool, str | None] | None:
    """(token after the modifier at ``j``, whether the base pattern could not read it, the type of an organisation
    the modifier names), else None when the word at ``j`` is no modifier of a reference (a blocked word, a year,
    punctuation)."""
    doc = res.doc
    t = doc[j]
    if _joined(doc, j):  # "Lecco-based", "state-backed", "40-person", "AI-focused": the compound's last part too
        q = j
        while _joined(doc, q):
            q += 2
        if doc[q].lower_ in w.blocked or not doc[q].is_alpha:  # "state-backed": the last part decides
            return None
        if (doc[q].lower_ in res.w.nouns or doc[q].lower_ in w.agent_nouns) and doc[q].is_lower:
            return None  # "the start-up" itself ("start-up" is the noun, not a modifier)
        return q + 1, True, None
    low = t.lower_
    if j in res.covered:
        i = res.at.get(j)
        if i is None or res.m[i].source == "anaphor":
            return None
        sp_end = next((b for ii, a, b in res.sents[res.sent_of[j]].ments if ii == i and a == j), j + 1)
        if res.m[i].type == "Cluster":
            return sp_end, False, None  # "the Bergamo manufacturer": a place (the base pattern reads it before nouns)
        return sp_end, True, res.m[i].type  # "the Oxford University spin-out": an owner of another kind (checked)
    if t.is_lower and t.is_alpha:
        if low in w.blocked or t.is_stop or (len(low) > 5 and low.endswith(w.superlative)) \
                or (low in res.w.nouns and low not in w.noun_modifiers) or low in w.agent_nouns:
            return None  # "the first start-up", "the company is ...", "the university lab" (the university's)
        return j + 1, True, None
    if t.text in w.acronyms or (t.ent_type_ in w.demonym_labels and t.text[:1].isupper()):
        return j + 1, True, None  # "the AI start-up", "the Kenyan fintech", "the Danish firm"
    return None


def _noun_at(res: Resolver, j: int, w: ModifiedWords) -> tuple[str, str, int] | None:
    """(word, description noun it stands as, token after) when a kind noun in lower case starts at ``j``."""
    if not res.doc[j].is_lower:
        return None
    low, after = res.word_at(j)
    if low in res.w.nouns:
        return low, low, after
    if low in w.agent_nouns and w.agent_nouns[low] in res.w.nouns:
        return low, w.agent_nouns[low], after
    return None


def _description(res: Resolver, d: int, end: int, w: ModifiedWords) -> tuple[int, str, bool] | None:
    """(noun token, description noun, new form) of "the <modifiers> <noun>" opened by the determiner at ``d``."""
    j, mods, new, owners = d + 1, 0, False, set()
    while j < end and mods <= w.max_modifiers:
        got = _noun_at(res, j, w)
        if got is not None and (mods > 0 or got[0] != got[1]):  # an agent noun is new even right after "the"
            if owners & set(res.w.nouns[got[1]]):
                return None  # "the Acme fund", "the Oxford University lab": the owner's own body, another one
            return j, got[1], new or got[0] != got[1]
        step = _modifier(res, j, w)
        if step is None:
            return None
        j, new, mods = step[0], new or step[1], mods + 1
        if step[2] is not None:
            owners.add(step[2])
    return None


def _closed(res: Resolver, after: int, end: int) -> bool:
    """Does the description end at ``after`` (no name, restrictive clause or head noun after it)?"""
    if after >= end:
        return True
    nxt, ww = res.doc[after], res.w
    if nxt.text[:1].isupper() or nxt.lower_ in ww.restrictive or nxt.lower_ in modified_words().agent_nouns:
        return False  # "the Lecco-based maker Veltrano", "the state-backed fund that ...", "the AI company developer"
    if nxt.lower_ in ww.nouns and not res._body_head(after, end):
        return False  # "the AI start-up programme"
    return not (nxt.lower_ in ww.compound_next and not res._verb_at(after, end))


def _introduced(res: Resolver, k: int, noun: str) -> bool:
    """Does sentence ``k`` introduce an unnamed body of ``noun``'s kind ("X opened a new lab in Turin")?"""
    if k < 0:
        return False
    s, doc = res.sents[k], res.doc
    for j in range(s.start + 1, s.end):
        low, _after = res.word_at(j)
        if j in res.covered or not (low == noun or low in res.w.kinds.get(noun, frozenset())
                                    or modified_words().agent_nouns.get(low) == noun):
            continue
        if any(doc[q].lower_ in ("a", "an") for q in range(max(s.start, j - 4), j)):
            return True
    return False


def _accept(res: Resolver, tok: int, noun: str, r: int) -> bool:
    """Keep the resolver's answer ``r`` for the description at ``tok``: the name holds the kind, the text described
    it so, or it is a subject near and no unnamed body of the kind was just introduced."""
    k = res.sent_of[tok]
    if res._fits_name(noun, r):
        return True
    near = [(x, a) for x, a in res._window(k, tok, res.w.nouns[noun]) if x == r]
    if any(res.described(a, noun) for _x, a in near):
        return True
    if _introduced(res, k, noun) or _introduced(res, k - 1, noun):
        return False
    types = res.w.nouns[noun]
    here = res.subject(k, types, upto=tok)
    prev = res.subject(k - 1, types) if k > 0 and res._same_section(k - 1, k) else None
    return r in (here, prev) or r == res.page


def _apposed(res: Resolver, d: int, start: int) -> bool:
    """Does the description opened at ``d`` stand in apposition to the name right before it ("Savannah Capital, the
    Nairobi-based venture firm", "X (the state-backed fund)")? It describes that name, not one named before."""
    p = d - 1
    if p < start or res.doc[p].text not in (",", "(", "–", "—"):
        return False
    return any(b == p for _i, _a, b in res.sents[res.sent_of[p]].ments)


def _named_orgs(res: Resolver, k: int, upto: int) -> list[int]:
    """The distinct named organisations and programmes of sentence ``k`` before token ``upto``, in text order."""
    out: list[int] = []
    for i, a, _b in res.sents[k].ments:
        if a >= upto:
            break
        r = res.root(i)
        if res.m[r].source != "anaphor" and res.m[r].type in ORG_OR_PROGRAMME and r not in out:
            out.append(r)
    return out


def _pair_reference(res: Resolver, d: int, s: Any, w: ModifiedWords) -> tuple[Any, int] | None:
    """"the latter" / "the former" at ``d`` + 1: the last / the one before the last of the two organisations the
    sentence names before it, else of the two the sentence before names (exactly two: a list leaves it open)."""
    doc = res.doc
    t = d + 1
    word = doc[t].lower_ if t < s.end else ""
    if word not in w.pair_words or res.quoted_at(t):
        return None
    nxt = doc[t + 1] if t + 1 < s.end else None
    if nxt is not None and not (nxt.is_punct or nxt.lower_ in w.pair_next or nxt.lower_ in ("'s", "’s")
                                or (nxt.is_lower and nxt.lower_.endswith("ed"))):
        return None  # "the former chief executive", "the latter half": a modifier, not a reference
    k = res.sent_of[t]
    names = _named_orgs(res, k, d)
    if len(names) != 2 and k > 0 and res._adjacent(k - 1, k) and not names:
        names = _named_orgs(res, k - 1, res.sents[k - 1].end)
    if len(names) != 2:
        return None
    return doc[t], names[-1] if w.pair_words[word] == "last" else names[0]


def modified_references(res: Resolver) -> Iterator[tuple[Any, int]]:
    """(noun token, antecedent) of each modified description of the chunk that the base pattern does not read."""
    if not enabled():
        return
    w = modified_words()
    doc = res.doc
    for s in res.sents:
        if s.heading:
            continue
        for d in range(s.start, s.end - 2):
            if doc[d].lower_ not in w.determiners or d in res.covered or _apposed(res, d, s.start):
                continue
            pair = _pair_reference(res, d, s, w)
            if pair is not None and pair[0].i not in res.at:
                yield pair
                continue
            got = _description(res, d, s.end, w)
            if got is None or not got[2]:
                continue
            j, noun, _new = got
            after = res.word_at(j)[1]
            if j in res.at or j in res.covered or j in res.resolved or not _closed(res, after, s.end):
                continue
            r = res.definite(j, noun)
            if r is not None and _accept(res, j, noun, r):
                yield doc[j], r
