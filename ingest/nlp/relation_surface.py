"""Surface rules: relations read from the tokens of the entity pass, before (and without) a parse.

Each rule is a small function over one mention of a sentence and the tokens around it:

* possessives: "Toronto's Vector Institute", "Google's Jeff Dean", "Harvard University's Paulson School";
* hyphen compounds: "Redmond-based Microsoft", "Microsoft-backed OpenAI";
* adjacency: "Yoshua Bengio of Mila", "Mistral AI of Paris", "CSAIL of MIT";
* appositions and copulas: "M42, the Abu Dhabi health technology company", "X is a private university in Nairobi";
* owners: "Microsoft, whose Africa Development Centre", "its Eindhoven campus".

Rules emit through ``Sent.emit`` (relation types tried in order, checked against the schema by the caller).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from aikg.ingest.nlp.relation_employer_place import words as place_words
from aikg.ingest.nlp.relation_places import listed_not_apposed

ORG = ("Institute", "Company", "Agency")
HYPHENS = {"-", "–"}
HOLDER_PUNCT = {",", "–", "—", "-", ":"}
COPULAS = {"is", "was", "are", "were"}

Emit = Callable[[Iterable[str], int, int, float, str], None]


@dataclass
class Sent:
    """One sentence of the entity pass: its mentions as token spans and where to send candidates."""

    doc: Any
    sent: Any
    spans: list[tuple[int, int, int]]
    types: list[str]
    conf: dict[str, float]
    possessive: frozenset[str] | set[str]
    site_nouns: frozenset[str] | set[str]
    emit: Emit
    #: ``surface_words`` of relations.json: "based", "backed", "lead", "unit", "owned_unit_extra",
    #: "noun_of_org", "apposition"
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    #: ``location_holder_preps`` of relations.json: "Mistral AI of Paris", "the Vector Institute in Toronto"
    holder_preps: frozenset[str] = frozenset()
    by_start: dict[int, int] = field(default_factory=dict)
    by_end: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.spans = sorted(self.spans, key=lambda x: x[1])
        self.by_start = {s: i for i, s, e in self.spans}
        self.by_end = {e: i for i, s, e in self.spans}

    def end_of(self, i: int) -> int:
        for j, _start, e in self.spans:
            if j == i:
                return e
        return -1


def fronted_place(c: Sent) -> None:
    """"In Montreal, Mila, the Quebec AI Institute, plays ...": a fronted place locates the subject."""
    doc, sent, spans, types = c.doc, c.sent, c.spans, c.types
    if len(spans) < 2 or doc[sent.start].lower_ not in ("in", "at") or types[spans[0][0]] != "Cluster":
        return
    first, second = spans[0], spans[1]
    if first[1] == sent.start + 1 and first[2] < sent.end and doc[first[2]].text == "," \
            and types[second[0]] in ORG and second[1] == first[2] + 1:
        c.emit(["LOCATED_IN"], second[0], first[0], c.conf["adjacent"] - 0.05, "rule:fronted-place")


def possessive(c: Sent, i: int, s: int, e: int) -> None:
    """"Toronto's Vector Institute", "Harvard University's Paulson School", "Google's Jeff Dean"."""
    doc, t = c.doc, c.types[i]
    if not (e < c.sent.end - 1 and doc[e].text in c.possessive):
        return
    k = e + 2 if doc[e + 1].lower_ == "own" else e + 1  # "Kigali's own Ikaze Robotics"
    if k not in c.by_start:
        return
    j = c.by_start[k]
    tj, conf = c.types[j], c.conf["possessive"]
    if t == "Cluster" and tj != "Cluster":
        c.emit(["LOCATED_IN"], j, i, conf, "rule:possessive-location")
    elif t in ORG and tj == "Person":
        c.emit(["AFFILIATED_WITH"], j, i, conf, "rule:possessive-affiliation")
    elif t in ORG and tj == "Programme":
        c.emit(["RUNS"], i, j, conf - 0.1, "rule:possessive-runs")
    elif t in ORG and tj in ORG:
        je = next(e2 for m, _s2, e2 in c.spans if m == j)
        if je < c.sent.end and doc[je].lower_ in c.site_nouns:
            return  # "the university's Cerro Barón campus": a site of the owner, not a unit
        c.emit(["PART_OF"], j, i, conf - 0.1, "rule:possessive-part")


def _next_mention(c: Sent, k: int, reach: int) -> int | None:
    """The first mention starting between ``k`` and ``k + reach`` with no punctuation before it."""
    limit = min(c.sent.end, k + reach)
    while k < limit:
        if k in c.by_start:
            return c.by_start[k]
        if c.doc[k].is_punct:
            return None
        k += 1
    return None


def _holder_before(c: Sent, s: int) -> int | None:
    """"Spotify and Klarna, both Stockholm-based,", "Sowa Robotics – a Wrocław-based maker": the name before."""
    doc, k = c.doc, s - 1
    while k > c.sent.start and (doc[k].lower_ in c.words["lead"] or doc[k].pos_ == "ADJ"):
        k -= 1
    if (doc[k].text in HOLDER_PUNCT or doc[k].lower_ in COPULAS) and k in c.by_end:
        return c.by_end[k]  # "Atlantico Ventures is a Lisbon-based fund"
    return None


def _described_mention(c: Sent, k: int, reach: int) -> int | None:
    """The name a "<Town>-based [words]" description runs into: the first mention within ``reach`` words, unless a
    preposition or article comes first ("a Karaganda-based research centre of Karaganda Technical University": the
    university is the centre's owner, not the thing described)."""
    limit = min(c.sent.end, k + reach)
    while k < limit:
        if k in c.by_start:
            return c.by_start[k]
        if c.doc[k].is_punct or c.doc[k].pos_ in ("ADP", "DET", "SCONJ", "CCONJ") or c.doc[k].lower_ in LINKS:
            return None
        k += 1
    return None


LINKS = frozenset({"of", "for", "at", "in", "with", "by", "to", "from", "and", "the", "a", "an", "that", "which"})


def x_based(c: Sent, i: int, s: int, e: int) -> None:
    """"Redmond-based Microsoft", "an Abu Dhabi-based developer"."""
    doc = c.doc
    if c.types[i] != "Cluster" or e + 1 >= c.sent.end or doc[e].text not in HYPHENS or doc[e + 1].lower_ not in c.words["based"]:
        return
    holder = _described_mention(c, e + 2, 4)
    if holder is None:
        holder = _holder_before(c, s)
    if holder is not None:
        c.emit(["LOCATED_IN"], holder, i, c.conf["hyphen_based"], "rule:x-based")


def x_backed(c: Sent, i: int, s: int, e: int) -> None:
    """"Microsoft-backed OpenAI", "an NSF-funded institute"."""
    doc = c.doc
    if c.types[i] not in ORG + ("Programme", "Person") or e + 1 >= c.sent.end or doc[e].text not in HYPHENS \
            or doc[e + 1].lower_ not in c.words["backed"]:
        return
    j = _next_mention(c, e + 2, 4)
    if j is not None:
        c.emit(["FUNDS"], i, j, c.conf["hyphen_based"] - 0.1, "rule:x-backed")


def person_of_org(c: Sent, i: int, s: int, e: int) -> None:
    """"Yoshua Bengio of Mila", "Jane Doe (Acme Labs)"."""
    doc = c.doc
    if c.types[i] == "Person" and e + 1 < c.sent.end and doc[e].lower_ in {"of", "at", "from", "("} and (e + 1) in c.by_start:
        j = c.by_start[e + 1]
        if c.types[j] in ORG:
            c.emit(["AFFILIATED_WITH"], i, j, c.conf["adjacent"] - 0.05, "rule:person-of-org")


def unit_of_org(c: Sent, i: int, s: int, e: int) -> None:
    """"the Computer Science and Artificial Intelligence Laboratory (CSAIL) of the Massachusetts Institute of Technology"."""
    doc, end = c.doc, c.sent.end
    if c.types[i] != "Institute" or not any(w.lower_ in c.words["unit"] for w in doc[s:e]):
        return
    k = e
    if k + 2 < end and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3
    if not (k + 1 < end and doc[k].lower_ == "of"):
        return
    k += 1
    if doc[k].lower_ == "the":
        k += 1
    j = c.by_start.get(k)
    if j is not None and c.types[j] in ORG:
        c.emit(["PART_OF"], i, j, c.conf["adjacent"] - 0.05, "rule:unit-of-org")


def org_of_place(c: Sent, i: int, s: int, e: int) -> None:
    """"Mistral AI of Paris", "the Vector Institute in Toronto", "Thakor Vision, of Thakhek, ..." (a closed apposition)."""
    doc = c.doc
    if c.types[i] != "Cluster" and e + 3 < c.sent.end and doc[e].text == "," and doc[e + 1].lower_ == "of" \
            and (e + 2) in c.by_start and (t := c.end_of(c.by_start[e + 2])) < len(doc) and doc[t].text in (",", ".", ";", ")"):
        e += 1  # "<Org>, of <Town>,": the town closed by punctuation
    if c.types[i] == "Cluster" or e + 1 >= c.sent.end or doc[e].lower_ not in c.holder_preps or (e + 1) not in c.by_start:
        return
    j = c.by_start[e + 1]
    if c.types[j] == "Cluster" and not (e + 2 < len(doc) and doc[c.end_of(j)].text in {"-"}) and not _planned(c, s):
        c.emit(["LOCATED_IN"], i, j, c.conf["adjacent"], "rule:org-of-place")


PLAN_REACH = 5  # "plans to set up the new X": the plan word within five words before the name


def _planned(c: Sent, s: int) -> bool:
    """"The institute plans to set up X in Riga", "will open X in Riga": a name an unrealised verb governs is not yet
    in the place (``plan_words`` of place_anchor_forms.json); the search stops at punctuation or another name."""
    plans = place_words()["plan_words"]
    k = s - 1
    while k >= max(c.sent.start, s - PLAN_REACH) and not c.doc[k].is_punct and (k + 1) not in c.by_end:
        if c.doc[k].lower_ in plans:
            return True
        k -= 1
    return False


def apposition_place(c: Sent, i: int, s: int, e: int) -> None:
    """"M42, the Abu Dhabi health technology company"."""
    doc, end = c.doc, c.sent.end
    if c.types[i] not in ORG or e + 2 >= end or doc[e].text != "," or doc[e + 1].lower_ not in {"the", "a", "an"} \
            or (e + 2) not in c.by_start:
        return
    j = c.by_start[e + 2]
    je = c.end_of(j)
    if c.types[j] == "Cluster" and je < end and doc[je].text not in {",", "'s", "’s", "-"}:
        k = je
        while k < end and (doc[k].is_lower or doc[k].text == "-"):
            k += 1
        if k in c.by_start and c.types[c.by_start[k]] in ORG:
            return  # "Y, the Oslo fund Z": the description names Z, not Y (a list of names)
        noun = next((x for x in range(je, min(end, je + 6)) if doc[x].lower_ in c.words["apposition"]), None)
        if noun is not None and not listed_not_apposed(doc, noun + 1, end):
            # "Microsoft, a Zagreb university and several start-ups": a list item, not an apposition (place forms)
            c.emit(["LOCATED_IN"], i, j, c.conf["adjacent"] - 0.05, "rule:apposition-place")


def _owner(c: Sent, s: int) -> int | None:
    doc, start = c.doc, c.sent.start
    if s > start and doc[s - 1].lower_ == "whose" and s - 2 >= start and doc[s - 2].text == "," and (s - 2) in c.by_end:
        return c.by_end[s - 2]
    if s > start and doc[s - 1].lower_ in ("its", "their") and (s - 1) in c.by_start:
        return c.by_start[s - 1]
    return None


def owned(c: Sent, i: int, s: int, e: int) -> None:
    """"Microsoft, whose Africa Development Centre ...", "its Eindhoven Artificial Intelligence Systems Institute"."""
    owner = _owner(c, s)
    if owner is None or c.types[owner] not in ORG or owner == i:
        return
    doc, t = c.doc, c.types[i]
    if t == "Cluster" and any(w.lower_ in c.site_nouns for w in doc[e:min(c.sent.end, e + 3)] if w.is_lower) \
            and not _planned(c, s - 1):  # "plans to open its Kuopio office": not yet a site
        c.emit(["LOCATED_IN"], owner, i, c.conf["possessive"], "rule:site-of")  # "whose Eindhoven campus"
    elif t in ORG and any(w.lower_ in c.words["unit"] | c.words["owned_unit_extra"] for w in doc[s:e]):
        c.emit(["PART_OF"], i, owner, c.conf["possessive"] - 0.1, "rule:possessive-part")


def copula_in_place(c: Sent, i: int, s: int, e: int) -> None:
    """"Strathmore University is a private university in Nairobi"."""
    doc, end = c.doc, c.sent.end
    if c.types[i] not in ORG or e + 2 >= end or doc[e].lower_ not in ("is", "was") or doc[e + 1].lower_ not in ("a", "an", "the"):
        return
    k = e + 2
    while k < min(end, e + 9) and doc[k].is_lower and doc[k].lower_ not in ("in", "of", "based", "and", "that", "which", "with"):
        k += 1
    if k + 1 < end and doc[k].lower_ == "in" and (k + 1) in c.by_start and c.types[c.by_start[k + 1]] == "Cluster" \
            and k > e + 2 and doc[k - 1].lower_ in c.words["noun_of_org"]:
        c.emit(["LOCATED_IN"], i, c.by_start[k + 1], c.conf["adjacent"], "rule:copula-in-place")


#: rules run on every mention, in this order
MENTION_RULES = (possessive, x_based, x_backed, person_of_org, unit_of_org, org_of_place, apposition_place, owned,
                 copula_in_place)


def surface_rules(c: Sent) -> None:
    """Every sentence and mention rule of this module over one sentence."""
    fronted_place(c)
    for i, s, e in c.spans:
        for rule in MENTION_RULES:
            rule(c, i, s, e)
