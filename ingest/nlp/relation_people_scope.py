"""Which name a founding phrase or a person's title is said of, checked on the candidates of one sentence.

Published prose packs several names around one founding phrase or one person's affiliation; the frames and
list sharing then tie the phrase to names it is not said of:

* "Turia Health is a spin-off of UPV founded in 2020 by A and B", "A spin-off of Centrale Nantes founded in 2020
  by A and B, the company ...": the founders founded the spin-off, not the university it came from, so no
  FOUNDED(A -> UPV);
* "Uco Sensing, which sells probes, and Hídrica Labs, founded in 2022 by A and B": a founding participle after
  a name is said of that name only, not of the list items before it;
* "the Sandbox, and the Voucher Scheme, which the Marshal's Office administers": a relative clause of running is
  said of the name it follows, not of that name's list;
* "opened the second round of the X Program", "opened applications for X": a stage of X, not its founding;
* "A and B, who had worked on locomotion at the institute": a past perfect states a post that ended;
* "the board comprised A (chair), B, C of Zugerberg Ventures", "B, C (Instituto Nacional del Agua)": "of Org"
  or a bracket right after a name belongs to that name, not to the people listed before it with commas
  (``Cand.fixed`` keeps list sharing away from it).

The words are ``data/lexicon/people_scope.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_people_guard import people_kept
from aikg.ingest.nlp.relation_types import Cand

ORG = ("Institute", "Company", "Agency")
MAX_GAP = 12  # tokens between a name and the founding participle said of it


@dataclass(frozen=True)
class ScopeWords:
    spin_nouns: frozenset[str]
    participles: frozenset[str]
    pinned: frozenset[str]
    pinned_targets: frozenset[str]
    stage_nouns: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "ScopeWords":
        d = lexicon_data("people_scope.json")
        return cls(frozenset(d["spin_nouns"]), frozenset(d["founding_participles"]), frozenset(d["pinned_methods"]),
                   frozenset(d["pinned_target_methods"]), frozenset(d["stage_nouns"]))


def scope_people(doc: Any, cands: list[Cand], spans: Sequence[tuple[int, int, int]], types: Sequence[str],
                 words: ScopeWords | None = None) -> list[Cand]:
    """The candidates of one sentence without founding ties said of another name, with person-adjacent ties
    pinned to their person (``spans``: mention index, start token, end token in ``doc``)."""
    words = words or ScopeWords.load()
    where = {i: (s, e) for i, s, e in spans}
    out: list[Cand] = []
    for c in cands:
        if c.src not in where or c.tgt not in where:
            out.append(c)
            continue
        if c.type == "FOUNDED" and types[c.src] == "Person" and _said_of_other(doc, c, where, spans, types, words):
            continue
        if c.type == "FOUNDED" and _part_of_it(doc, where[c.tgt][0], words):
            continue  # "opened the second round of the X Program": X was not founded then
        if c.type == "AFFILIATED_WITH" and types[c.src] == "Person" and _past_perfect(doc, where[c.src], where[c.tgt]):
            continue  # "A and B, who had worked on locomotion at the institute": a post that ended
        if c.type == "AFFILIATED_WITH" and c.method in words.pinned and c.src not in c.fixed \
                and (_after_comma_item(doc, where[c.src][0], spans, types) or _bracket_after(doc, where[c.src][1], where[c.tgt][0])):
            c = replace(c, fixed=c.fixed | {c.src})
        if c.type == "MEMBER_OF" and _own_clause_pronoun(doc, where[c.src], where[c.tgt], spans, types):
            continue  # "A and B are among its members", "X welcomed A as its newest member": "its" is no third group
        if c.method in words.pinned_targets and c.tgt not in c.fixed:  # "A, and B, which X runs": B only
            c = replace(c, fixed=c.fixed | {c.tgt})
        out.append(c)
    return people_kept(doc, out, where, types)  # "the diaspora investor A", "A stepped down as CEO of X" (relation_people_guard)


def _bracket_after(doc: Any, person_end: int, org_start: int) -> bool:
    """"A and B (Comoé Capital)": a bracket that opens right after a name and starts with the organisation is that
    name's alone."""
    return org_start == person_end + 1 and doc[person_end].text == "("


def _said_of_other(doc: Any, c: Cand, where: dict[int, tuple[int, int]], spans: Sequence[tuple[int, int, int]],
                   types: Sequence[str], words: ScopeWords) -> bool:
    """Is the founding phrase that names this person as founder said of a name other than ``c.tgt``?"""
    ps, _ = where[c.src]
    os_, oe = where[c.tgt]
    if oe > ps:
        return False  # "A founded X", "A, who founded X": the person comes first
    verb = next((k for k in range(ps - 1, max(oe, ps - MAX_GAP) - 1, -1) if doc[k].lower_ in words.participles), None)
    if verb is None or not any(doc[k].lower_ == "by" for k in range(verb + 1, ps)):
        return False
    if _spin_parent(doc, os_, words):
        return True  # "a spin-off of UPV founded in 2020 by A": A founded the spin-off
    # another organisation between the target and the participle, right before it: "X, ..., and Y, founded by A"
    for i, s, e in spans:
        if i != c.tgt and types[i] in ORG and oe <= s and e <= verb and all(
                doc[k].text in (",", "(", ")") or doc[k].is_space for k in range(e, verb)):
            return True
    return False


def _past_perfect(doc: Any, person: tuple[int, int], org: tuple[int, int]) -> bool:
    """Between the person and the organisation after it, a past perfect ("who had worked at", "had led") with no
    present marker after it ("had been its engineer and now leads X" stays)."""
    ps, pe = person
    os_, _ = org
    if os_ < pe or os_ - pe > 20:
        return False
    had = next((k for k in range(pe, os_) if doc[k].lower_ == "had"), None)
    return had is not None and not any(doc[k].lower_ in ("now", "currently", "still", "has", "is", "remains")
                                       or doc[k].text in (";", ".") for k in range(had, os_))


POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


def _own_clause_pronoun(doc: Any, src: tuple[int, int], tgt: tuple[int, int], spans: Sequence[tuple[int, int, int]],
                        types: Sequence[str]) -> bool:
    """Is the group a possessive pronoun of the member's own clause that the resolver read as another name of the
    same sentence? "A and B are among its members" (not B's group A), "X welcomed A as its newest member" (not A's
    group X): the member is the sentence's subject, or listed with it, and another organisation stands before the
    pronoun. The relation is said elsewhere in the sentence ("joined X and became its tenth member") or not at all."""
    ts, te = tgt
    if te - ts != 1 or doc[ts].lower_ not in POSSESSIVE_PRONOUNS or src[0] >= ts:
        return False
    orgs = [(s, e) for i, s, e in spans if types[i] in ORG and e <= ts and not (s == ts)]
    if not orgs or (src[0], src[1]) not in orgs:
        return False
    k = orgs.index((src[0], src[1]))
    first = k == 0 and any(s >= src[1] for s, _ in orgs)
    listed = any(_joined(doc, a, b) for a, b in zip(orgs, orgs[1:]) if (src[0], src[1]) in (a, b))
    return first or listed


def _joined(doc: Any, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two names joined only by "and", "&" or a comma ("A and B", "A, B")."""
    gap = [t.lower_ for t in doc[a[1]:b[0]]]
    return bool(gap) and all(w in (",", "and", "&", "the") for w in gap)


def _part_of_it(doc: Any, start: int, words: ScopeWords) -> bool:
    """Does the name at ``start`` follow "round of (the)", "call for", "applications for": a stage of it was opened."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ in ("of", "for", "to") and doc[k - 1].lower_ in words.stage_nouns


def _spin_parent(doc: Any, start: int, words: ScopeWords) -> bool:
    """Does the name at ``start`` follow "spin-off of (the)", "spin-out of", "an offshoot of"?"""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in words.spin_nouns


def _after_comma_item(doc: Any, start: int, spans: Sequence[tuple[int, int, int]], types: Sequence[str]) -> bool:
    """Is the person at ``start`` an item after a comma in a list of people ("B, C of X"), not the second of a
    bare pair ("A and B of X", where both may be X's)?"""
    k = start - 1
    while k >= 0 and doc[k].lower_.rstrip(".") in ("dr", "prof", "professor", "mr", "mrs", "ms", "the"):
        k -= 1
    if k < 0:
        return False
    before = [(s, e, i) for i, s, e in spans if e <= k + 1 and types[i] == "Person"]
    if doc[k].text == ",":
        return bool(before) and any(e >= k - 6 for s, e, i in before)
    if doc[k].lower_ == "and" and before:
        s, e, i = max(before)
        return e >= k - 6 and any(doc[x].text == "," for x in range(max(0, s - 8), s))
    return False


def mention_spans(tok2m: dict[int, int]) -> list[tuple[int, int, int]]:
    """(mention index, start token, end token) from a parsed sentence's token -> mention map."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for t, m in tok2m.items():
        first[m] = min(first.get(m, t), t)
        last[m] = max(last.get(m, t), t)
    return sorted(((m, first[m], last[m] + 1) for m in first), key=lambda x: x[1])
