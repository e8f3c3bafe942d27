"""LOCATED_IN from a "with" phrase of sites after an organisation's seat, read from the words of the entity pass; and
the "A Přerov-based maker of ..., set up in 2019 by X" line of a directory entry (``entry_description``).

Why: press releases and About blocks give a firm's other sites in one "with" phrase after its seat, each with its
own site noun: "Founded in 2022, Răut Robotics is headquartered in Bălți, with an assembly workshop in Florești and a
sales office in Bacău, Romania" (the frames read only the first place after the verb of seat). Every "<site> in <place>"
item of the phrase places the sentence's subject, the organisation that opens the sentence (after a fronted clause
such as "Founded in 2022,"), when no other organisation is named between it and "with". A planned or past site ("a
planned office in", "a former plant in") places nothing. Words: ``site_nouns`` and ``site_adjectives_stop`` of
``data/lexicon/place_anchor_forms.json``.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from aikg.ingest.nlp.relation_employer_place import words
from aikg.ingest.nlp.token_index import TokenIndex

ORG = ("Institute", "Company", "Agency")
DETS = frozenset({"a", "an", "its", "their", "two", "three", "four", "several", "one", "another", "second", "the"})
MAX_WORDS = 3  # lower-case words before the site noun ("an assembly workshop", "a small sales office")


def with_sites(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
               emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN(subject -> each place of ", with a <site> in A and a <site> in B")."""
    w = words()
    low = TokenIndex.of(doc).lower[sent.start:sent.end]  # speed only: no spaCy Token per word
    if "with" not in low or "in" not in low:
        return
    starts = {s: (i, e) for i, s, e in spans}
    subject = _subject(doc, sent, spans, types)
    if subject is None:
        return
    org, org_end = subject
    for k in range(org_end, sent.end - 3):
        if doc[k].lower_ != "with" or doc[k - 1].text != ",":
            continue
        if any(types[i] in ORG for i, s, e in spans if org_end <= s < k):
            return  # another organisation between the subject and "with" has the sites
        n = k + 1
        while True:
            got = _site_place(doc, n, sent.end, starts, types, w)
            if got is None:
                break
            place, n = got
            if types[place] == "Cluster":  # an item whose town the entity pass typed otherwise is skipped, not the rest
                emit(org, place, "rule:with-sites")
            n = _after_region(doc, n, sent.end)
            if n < sent.end and doc[n].lower_ == "and":
                n += 1
            elif n + 1 < sent.end and doc[n].text == "," and doc[n + 1].lower_ in DETS:
                n += 1
            else:
                break


def _subject(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str]) -> tuple[int, int] | None:
    """The organisation that opens the sentence, or opens it after a fronted clause ("Founded in 2022, X is ...")."""
    ordered = sorted(spans, key=lambda x: x[1])
    k = sent.start
    while k < sent.end and (doc[k].is_space or doc[k].text in "-–•*" or doc[k].lower_ == "the"):
        k += 1
    first = next(((i, e) for i, s, e in ordered if s == k), None)
    if first is not None:
        return first if types[first[0]] in ORG else None
    comma = next((t for t in range(k, min(sent.end, k + 8)) if doc[t].text == ","), None)
    if comma is None or any(s < comma for i, s, e in ordered if s >= k):
        return None
    k = comma + 1
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    first = next(((i, e) for i, s, e in ordered if s == k), None)
    return first if first is not None and types[first[0]] in ORG else None


def _site_place(doc: Any, n: int, end: int, starts: dict[int, tuple[int, int]], types: list[str],
                w: dict[str, frozenset[str]]) -> tuple[int, int] | None:
    """"(a|an|its) [words] <site noun> in <place>" from token ``n``: the place and the token after it."""
    if n < end and doc[n].lower_ in DETS:
        n += 1
    k = n
    while k < min(end, n + MAX_WORDS + 1) and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ != "in":
        if doc[k].lower_ in w["site_adjectives_stop"]:
            return None
        k += 1
    if k == n or k + 1 >= end or doc[k].lower_ != "in":
        return None
    noun = doc[k - 1].lower_
    if noun not in w["site_nouns"] and not (noun.endswith("s") and noun[:-1] in w["site_nouns"]):
        return None
    return starts.get(k + 1)


def _after_region(doc: Any, n: int, end: int) -> int:
    """Past ", Romania" after a place (a capitalised word and the comma before it), if a list goes on after it."""
    if n + 1 < end and doc[n].text == "," and doc[n + 1].is_title and not doc[n + 1].lower_ in DETS:
        k = n + 2
        while k < end and doc[k].is_title:
            k += 1
        return k
    return n


def opened_site_kept(cands: list[Any], tok: Any, tok2m: dict[int, int]) -> list[Any]:
    """Without FOUNDED(X, Y) from "X opened a Y office": a name that modifies a site noun ("a Passo Fundo office",
    "its Kolding lab") is the site's place, not an organisation X founded (the entity pass may type it wrongly); nor
    FOUNDED between two founders of the same opening ("A and B set up the X Centre"); nor LOCATED_IN(X, Z) from "X set
    up the Y Centre in Z" when Y is a named organisation X founded: the place is Y's (form:set-up-in and
    relation_place_founding give it), the founder may be anywhere."""
    if tok.lemma_.lower() not in ("open", "set", "establish"):
        return cands
    sites = words()["site_nouns"]
    founders = {c.src for c in cands if c.type == "FOUNDED"}
    made = _made(tok)
    out = []
    for c in cands:
        if c.type == "FOUNDED" and (c.tgt in founders or not any(tok2m.get(i) == c.tgt for i in made)):
            continue  # "A and B set up the X Centre, a joint centre of the two": B founded neither A nor "the two"
        if c.type == "FOUNDED":
            toks = [tok.doc[t] for t, m in tok2m.items() if m == c.tgt]
            if toks and all(t.dep_ == "compound" and t.head.i not in tok2m and t.head.lemma_.lower() in sites
                            for t in toks if t.head.i not in {x.i for x in toks}):
                continue
        out.append(c)
    named = {tok2m[h.i] for h in _object_heads(tok) if h.i in tok2m}  # the object is the name, not "a second site"
    founded = {(c.src, c.tgt) for c in out if c.type == "FOUNDED" and c.tgt in named}
    return [c for c in out if c.type != "LOCATED_IN" or not any(src == c.src and tgt != c.tgt for src, tgt in founded)]


def _object_heads(tok: Any) -> list[Any]:
    """The head tokens of what an opening verb made: its object or passive subject, or the noun its relative clause
    describes ("the Centre, which the Academy set up")."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
    if tok.dep_ in ("acl", "relcl"):
        heads.append(tok.head)
    return heads


_BASED_OPENER = re.compile(r"\s*(?:An?|The)\s+")
_SET_UP_BY = re.compile(r",\s+(?:set\s+up|founded|co-founded|established|created|started)(?:\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4})?"
                        r"\s+by\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}")


def entry_description(seg: str, sa: int, subject: int, ev: int, b: int, ix: Any, out: list) -> None:
    """An entry's verbless description line: "A Přerov-based maker of forklifts, set up in 2019 by the Přerov
    engineering group X, which ..." places the entry's organisation (LOCATED_IN) and names its founder (FOUNDED)."""
    m = _BASED_OPENER.match(seg)
    if m is None:
        return
    places = ix.within(sa + m.end(), sa + m.end() + 60, ("Cluster",))
    first = places[0] if places and places[0][0] == sa + m.end() else None
    if first is None:
        return
    desc = re.match(r"-based\s+(?:[a-z][\w-]*\s*){1,5}(,\s*)?", seg[first[1] - sa:])
    if desc is None:
        return
    at = first[1] + desc.end()
    if desc.group(1) and any(r[0] == at for r in ix.within(at, at + 80, ("Institute", "Company", "Agency", "Person"))):
        return  # "A Lyon-based rival, Kestrel, bought ...": the description is Kestrel's
    out.append(("LOCATED_IN", subject, first[2], ev, b, "rule:entry-based"))
    by = _SET_UP_BY.search(seg, first[1] - sa)
    if by is None:
        return
    named = [r for r in ix.within(sa + by.end(), min(sa + len(seg), sa + by.end() + 60))
             if ix.ms[r[2]].type in ("Institute", "Company", "Agency", "Person", "Cluster")]
    founder = next((r for r in named if ix.ms[r[2]].type != "Cluster"), None)  # "the Kolín engineering group X"
    gap = seg[by.end():founder[0] - sa] if founder is not None else ","
    if founder is not None and founder[2] != subject and not re.search(r"[,;]|\band\b", gap):
        out.append(("FOUNDED", founder[2], subject, ev, b, "rule:entry-based"))


def _made(tok: Any) -> set[int]:
    """Tokens that may name what an opening verb made: its object or passive subject, their appositions and
    conjuncts, and the noun a participle or relative clause describes ("X, set up in 2019", "the lab, which Y opened",
    "X, a venture fund set up by A")."""
    heads = _object_heads(tok)
    if tok.dep_ in ("acl", "relcl"):
        if tok.head.dep_ == "appos":  # "The Imena AI Fund, a venture fund set up last year by A": the fund named
            heads.append(tok.head.head)
    out: set[int] = set()
    for h in heads:
        for t in (h, *h.children):
            if t is h or t.dep_ in ("appos", "conj"):
                out |= {x.i for x in t.subtree} if t is not h else {h.i} | {x.i for x in h.children if x.dep_ == "compound"}
    for h in heads:  # the name itself: every token of the object's own noun phrase up to a comma
        out |= {x.i for x in h.subtree if x.i <= h.i}
    return out
