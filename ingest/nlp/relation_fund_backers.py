"""FUNDS from the investors of a fund named as its limited partners, read from the text and its mentions (issue 14).

Venture-fund news names the backers of a fund as its limited partners, in forms no verb frame reads:

* "Fund II, which Altyn Dala manages, counts among its limited partners A, the B and the Bishkek family office C";
* "The fund's limited partners include A and B", "Limited partners in Fund II include A, B and C", "Its LPs are A and B";
* "A and B are limited partners in Fund II", "A is also an LP of the Kestrel Seed Fund".

And the recipients of a programme listed in the sentence after the one that says it pays: "The P voucher scheme ...
has backed more than 90 small firms since 2023. Among them are A of Torun and the Bydgoszcz start-up B", "P gives
small dairies up to 20,000 euros each. Among the first dairies selected are A and B" (the programme named last
before the word of paying).

Every listed investor funds the fund (the sentence's first organisation for "its"; the possessor or the name after
"in/of"). A list item may carry a few words of description ("the Bishkek family office C"); a verb, a stance word
("former", "not") or a clause ends the list. Words: ``data/lexicon/funding_spread.json`` (``lp_nouns``, ``lp_counts``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data

ORG = ("Institute", "Company", "Agency", "Programme")
FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
Found = tuple[int, int, int, int, str]
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+)(?:the\s+)?")
_STOP = re.compile(r"\b(?:former|formerly|not|no|never|until|which|who|that|but|plans?|hopes?)\b", re.I)


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    d = lexicon_data("funding_spread.json")
    return tuple(d["lp_nouns"]), tuple(d["lp_counts"])


class _Ix:
    def __init__(self, mentions: Sequence[Any]) -> None:
        self.ms = mentions
        self.start = {}
        for i, m in enumerate(mentions):
            if m.source != "anaphor":
                self.start.setdefault(m.start, i)
        self.starts = sorted(self.start)

    def first_after(self, text: str, pos: int, limit: int) -> int | None:
        """The funder named at ``pos`` after at most a few words of description ("the Bishkek family office C")."""
        m = re.match(r"(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,4}", text[pos:limit])
        for k in range(pos, pos + (m.end() if m else 0) + 1):
            i = self.start.get(k)
            if i is not None and self.ms[i].type in FUNDERS and not _STOP.search(text[pos:k]):
                return i
        return None


def _listed(ix: _Ix, text: str, pos: int, end: int) -> list[int]:
    """The funders listed from ``pos`` up to ``end``: "A, the B and the Bishkek family office C"."""
    out: list[int] = []
    first = ix.first_after(text, pos, end)
    while first is not None:
        out.append(first)
        first = _next_item(ix, text, ix.ms[first].end, end)
    return out


def _next_item(ix: _Ix, text: str, k: int, end: int) -> int | None:
    """The next list item after a name ending at ``k``: a connector, then a short description, then a name."""
    p = re.match(r"\s+(?:of|from|in)\s+", text[k:end])  # "A of Torun and B": the place is A's
    i = ix.start.get(k + p.end()) if p else None
    if i is not None and ix.ms[i].type == "Cluster":
        k = ix.ms[i].end
    m = re.match(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", text[k:end])
    if m is None:
        return None
    return ix.first_after(text, k + m.end(), end)


_AMONG = re.compile(r"\s*Among\s+(?:(?:them|these|those)\s+|the\s+(?:[\w-]+\s+){0,5}?)(?:are|were|is|was)\s+")


def among_recipients(text: str, spans: Sequence[tuple[int, int]], mentions: Sequence[Any]) -> list[Found]:
    """(programme, recipient, evidence start, evidence end, method): "P has backed 90 firms. Among them are A and B"."""
    if "Among" not in text:
        return []
    pay = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _pay_words()) + r")\b")
    ix = _Ix(mentions)
    out: list[Found] = []
    for (a0, b0), (a, b) in zip(spans, spans[1:]):
        m = _AMONG.match(text, a, b)
        if m is None or _STOP.search(m.group()):
            continue
        said = [w.start() for w in pay.finditer(text, a0, b0)]
        if not said:
            continue
        progs = [ix.start[s] for s in ix.starts if a0 <= s < said[-1] and ix.ms[ix.start[s]].type == "Programme"]
        if not progs:
            continue
        for r in _listed(ix, text, m.end(), b):
            if ix.ms[r].type in ("Company", "Institute") and r != progs[-1]:
                out.append((progs[-1], r, a, b, "form:among-recipients"))
    return out


@lru_cache(maxsize=1)
def _pay_words() -> tuple[str, ...]:
    return tuple(lexicon_data("funding_spread.json")["among_pay_words"])


def limited_partners(text: str, spans: Sequence[tuple[int, int]], mentions: Sequence[Any]) -> list[Found]:
    """(funder, fund, evidence start, evidence end, method) for the forms above, sentence by sentence."""
    nouns, counts = _words()
    low = text.lower()
    if not any(n in low for n in nouns):
        return []
    ix = _Ix(mentions)
    alt = r"\b(?:" + "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) + r")\b"
    out: list[Found] = []
    for a, b in spans:
        sent = text[a:b]
        if not re.search(alt, sent, re.I):
            continue
        _counts_among(ix, text, a, b, alt, counts, out)
        _counts_before(ix, text, a, b, alt, counts, out, mentions)
        _include(ix, text, a, b, alt, out)
        _are_partners(ix, text, a, b, alt, out)
    return out


def _sentence_org(ix: _Ix, text: str, a: int, b: int) -> int | None:
    """The organisation that opens the sentence (after "The"), not one inside a clause after it."""
    i = next((ix.start[s] for s in ix.starts if a <= s < b and ix.ms[ix.start[s]].type in ORG), None)
    if i is None or not re.fullmatch(r"\s*(?:[-•*]\s+)?(?:The\s+|the\s+)?", text[a:ix.ms[i].start]):
        return None
    return i


def _counts_among(ix: _Ix, text: str, a: int, b: int, alt: str, counts: tuple[str, ...], out: list[Found]) -> None:
    """"X, which Y manages, counts among its limited partners A, B and C"."""
    verbs = "|".join(re.escape(c) for c in counts)
    for m in re.finditer(r"\b(?:" + verbs + r")\s+among\s+its\s+(?:" + alt + r")\s+", text[a:b], re.I):
        fund = _sentence_org(ix, text, a, a + m.start())
        if fund is None:
            continue
        for f in _listed(ix, text, a + m.end(), b):
            if f != fund:
                out.append((f, fund, a, b, "form:limited-partners"))


def _counts_before(ix: _Ix, text: str, a: int, b: int, alt: str, counts: tuple[str, ...], out: list[Found],
                   mentions: Sequence[Any]) -> None:
    """"X counts the state bank A and the family office B among its limited partners"; "It counts ..." takes the
    name the pronoun stands for."""
    verbs = "|".join(re.escape(c) for c in counts)
    for m in re.finditer(r"\b(?:" + verbs + r")\s+(?P<list>.{3,240}?)\s+among\s+its\s+(?:" + alt + r")\b", text[a:b]):
        head = a + m.start()
        fund = _sentence_org(ix, text, a, head)
        if fund is None:
            fund = next((mm.coref for mm in mentions if mm.source == "anaphor" and a <= mm.start < head
                         and re.fullmatch(r"\s*", text[a:mm.start]) and mm.coref is not None), None)
        if fund is None or mentions[fund].type not in ORG or _STOP.search(m.group("list")) \
                or re.search(r"\bamong\b|[;:]", m.group("list")):  # "counts B among its customers, and C among its LPs"
            continue
        funders = _listed(ix, text, a + m.start("list"), a + m.end("list"))
        for f in funders:
            if f != fund:
                out.append((f, fund, a, b, "form:limited-partners"))


def _include(ix: _Ix, text: str, a: int, b: int, alt: str, out: list[Found]) -> None:
    """"X's limited partners include A and B", "Limited partners in X include A", "Its LPs are A and B"."""
    for m in re.finditer(r"(?:(?P<its>\b[Ii]ts)\s+|['’]s\s+)?(?:" + alt + r")(?:\s+(?:in|of)\s+(?:the\s+)?)?"
                         r"(?P<rest>.{0,80}?)\s+(?:include|includes|included|are|were)\s+", text[a:b], re.I):
        start = a + m.start()
        if m.group("its"):
            fund = _sentence_org(ix, text, a, start)
        elif text[a:b][m.start():m.start() + 2] in ("'s", "’s"):
            fund = next((ix.start[s] for s in reversed(ix.starts) if a <= s < start and ix.ms[ix.start[s]].end == start
                         and ix.ms[ix.start[s]].type in ORG), None)
        else:
            fund = ix.start.get(a + m.start("rest"))
            if fund is not None and ix.ms[fund].end != a + m.end("rest"):
                fund = None
        if fund is None or ix.ms[fund].type not in ORG:
            continue
        for f in _listed(ix, text, a + m.end(), b):
            if f != fund:
                out.append((f, fund, a, b, "form:limited-partners"))


def _are_partners(ix: _Ix, text: str, a: int, b: int, alt: str, out: list[Found]) -> None:
    """"A and B are limited partners in X", "A is also an LP of the Y Fund"."""
    for m in re.finditer(r"\s+(?:is|are|was|were|became|become)\s+(?:also\s+|now\s+|both\s+)?(?:an?\s+)?(?:" + alt +
                         r")\s+(?:in|of)\s+(?:the\s+)?", text[a:b]):
        fund = ix.start.get(a + m.end())
        if fund is None or ix.ms[fund].type not in ORG:
            continue
        subj = text[a:a + m.start()]
        funders = [ix.start[s] for s in ix.starts if a <= s < a + m.start() and ix.ms[ix.start[s]].type in FUNDERS]
        if not funders or _STOP.search(subj) or not re.fullmatch(r"\s*(?:The\s+|the\s+)?", text[a:ix.ms[funders[0]].start]):
            continue
        if any(not _JOIN.fullmatch(text[ix.ms[x].end:ix.ms[y].start]) for x, y in zip(funders, funders[1:])) \
                or not re.fullmatch(r"\s*(?:\([^()]{1,30}\))?", text[ix.ms[funders[-1]].end:a + m.start()]):
            continue  # the subject is the list of funders and nothing else
        for f in funders:
            out.append((f, fund, a, b, "form:limited-partners"))
