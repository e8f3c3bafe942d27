"""The document pass of coreference: write the links :mod:`coreference` decides into a chunk's mentions.

Published prose names an organisation once and then describes it ("Guayacán Capital is a Medellín-based seed
fund. The fund is backed by ..."; "Garonne Ventures is an early-stage fund. Backed by the EIF, it invests in ...").
After the mention stages, once per chunk on the entity pass's Doc (no parse), this pass asks
:class:`aikg.ingest.nlp.coreference.Resolver` what each reference stands for and records the answer as an
``anaphor`` mention whose ``coref`` is that name; the relation rules then reach the name through it. Which name
is chosen (and when none is) is decided in ``coreference.py`` only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aikg.ingest.nlp.context_voice import first_person_links
from aikg.ingest.nlp.coref_modified import modified_references
from aikg.ingest.nlp.coreference import LinkWords, Resolver, heading_like
from aikg.ingest.nlp.records import MentionFact

__all__ = ["LinkWords", "heading_like", "link_references"]


def _link(res: Resolver, t: Any, r: int) -> None:
    """Point the reference at token ``t`` at mention ``r``: re-point the mention stage's link or append one."""
    m = res.m
    start = res.off + t.idx
    low, after = res.word_at(t.i)
    text = res.doc[t.i:after].text if low in res.w.nouns or "-" in low else t.text  # "start-up", "spin-out": three tokens
    i = res.mention_at(t.i)
    have = m[i] if i is not None and m[i].start == start else None
    if have is not None:
        if have.source != "anaphor" or res.root(i) == r:
            res.linked(t.i, res.root(i))
            return
        if res.keep is not None and m[res.root(i)].canonical == res.keep:
            return  # a 10-K's "the Company" is the filer (self_reference)
        m[i] = replace(have, type=m[r].type, canonical=m[r].canonical, coref=r)
    else:
        m.append(MentionFact(text=text, start=start, end=start + len(text), type=m[r].type,
                             source="anaphor", canonical=m[r].canonical, coref=r))
        res.added(t.i, len(m) - 1, t.i + 1)
    res.linked(t.i, r)


def link_references(sdoc: Any, off: int, mentions: list[MentionFact], first: int, words: LinkWords,
                    keep: str | None = None, home: int | None = None) -> None:
    """Resolve the definite descriptions and sentence-opening pronouns of one chunk in place: a reference the
    mention stage linked elsewhere is re-pointed, a new one is appended (``source="anaphor"``, ``coref`` set).
    ``keep`` names the filer a 10-K calls "the Company" (never re-pointed)."""
    if not words.nouns:
        return
    res = Resolver(sdoc, off, mentions, first, words, keep, home)  # home: the document's city, for a later chunk
    for t, r in res.candidates():
        _link(res, t, r)
    for t, r in list(modified_references(res)):  # "the Lecco-based manufacturer" (coref_modified, off switch)
        _link(res, t, r)
    for tok in res.unlink:  # "Its"/"its" the resolver leaves open: the mention stage's guess gives no edge
        i = res.mention_at(tok)
        if i is not None and mentions[i].source == "anaphor" and mentions[i].start == off + sdoc[tok].idx:
            mentions[i] = replace(mentions[i], coref=None)
    if keep is None:  # a 10-K's "we" is its filer's (mentions/self_reference.py); else the page's voice (context_voice)
        first_person_links(sdoc, off, mentions)
