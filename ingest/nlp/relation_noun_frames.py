"""PARTNERS_WITH and FUNDS stated by a relation noun and its argument slots, not a verb (issue 14; no parse).

Once per document after the rules, from the words of the text and its mentions; one reader driven by the noun lists
of ``data/lexicon/relation_noun_frames.json``:

* a partnership noun with its two (or more) partners after "between"/"among" (or "of" for "joint venture",
  "alliance"): "a long-standing collaboration between A and B", "the MoU between A, B and C", "a joint venture of A and
  B" (``rule:noun-between``); every pair of the list partners;
* a funding noun with its giver after "by"/"from" and its taker after "in"/"into"/"for"/"to": "the investment by A in
  B", "a 2 million euro grant from A to B", "a loan from A for B" (``rule:noun-by-in``); the giver list is expanded;
* first person on an organisation's own page (the page's organisation named in its title line, a breadcrumb line above
  it skipped): "Our industrial partners include A and B" (``rule:our-partners``), "About 60 percent of our budget comes
  from A" (``rule:our-budget``), "Today we are announcing a round led by A, with participation from B and C"
  (``rule:our-round``);
* contribution clauses that share the one recipient another rule found in the sentence: "A is investing 14 million
  in P, B is contributing 2 million and C is putting in 12 million", "60% is a loan from A, 30% is contributed by B"
  (``rule:shared-taker``); none when a clause names its own recipient ("B is investing 2 million in Q");
* the funders of a round named in the sentence before: "X closed a seed round in March. It was led by A, with
  participation from the angel investor B and C", "The round also included participation from A and B"
  (``rule:round-led-next``), X the first organisation of that sentence.

Near-misses that must not fire (a stance word before the noun, or the noun not a partnership): "talks about a
partnership between A and B", "a potential investment by A in B", "the former alliance of A and B", "a rivalry between
A and B", "our customers include A", "We led the round in X" (first person as the investor), "Our revenue comes from
A". A name inside a list item's description ("B, the laboratory of C") is no item. ``AIKG_NOUN_FRAMES=off`` turns the
module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_sentences import keep_new, sentences

CONF = 0.7
ORGS = ("Company", "Institute", "Agency", "Programme")
FUNDERS = ("Company", "Institute", "Agency", "Programme", "Person")
Found = list[tuple[int, int, str]]  # (source, target, method)
_WORD = re.compile(r"[\w'’-]+")
_CLAUSE = re.compile(r"\b(?:which|who|whose|said|says|will|would|and\s+then)\b|[;:]", re.I)
_AMOUNT = r"(?:[$€£¥]\s?\d|(?:[A-Z]{2,3}\s?)?\d[\d.,]*\s*(?:%|percent|per\s+cent|million|billion|bn|m\b|k\b))"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+|as\s+well\s+as\s+)(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}",
                       re.I)


def _w() -> Mapping[str, Any]:
    return lexicon_data("relation_noun_frames.json")


def _alt(key: str) -> str:
    return alternation(_w()[key]).replace(r"\ ", r"\s+")


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    """The one-word lists, lower-cased (read once)."""
    return {k: frozenset(w.lower() for w in _w()[k]) for k in ("stance_words", "item_not_after", "new_item")}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    lead = r"\s+(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+){0,2}?"
    return {
        "between": re.compile(rf"\b(?:{_alt('partner_nouns_between')})\s+(?:between|among|amongst)\s+(?:the\s+)?",
                              re.I),
        "of": re.compile(rf"\b(?:{_alt('partner_nouns_of')})\s+of\s+(?:the\s+)?", re.I),
        "fund": re.compile(rf"\b(?:{_alt('fund_nouns')})\s+(?:{_alt('fund_giver_preps')})\s+(?:the\s+)?", re.I),
        "taker": re.compile(rf"\s*(?:{_alt('fund_taker_preps')}){lead}$", re.I),
        "our_partners": re.compile(rf"\bour\s+(?:{_alt('own_partner_nouns')})\s+(?:{_alt('list_verbs')})\s+", re.I),
        "our_budget": re.compile(rf"\bour\s+(?:{_alt('own_budget_nouns')})\s+(?:{_alt('budget_verbs')})\s+", re.I),
        "we_round": re.compile(rf"\bwe\b[^.;]{{0,70}}?\b(?:{_alt('round_words')})\b[^.;]{{0,60}}?\bled\s+by\s+", re.I),
        "round_prev": re.compile(rf"\b(?:{_alt('round_verbs')})\s+(?:an?\s+|its\s+|the\s+)?[^.;]{{0,50}}?"
                                 rf"\b(?:{_alt('round_words')})\b", re.I),
        "gives": re.compile(rf"\s+(?:is\s+|are\s+|was\s+|were\s+|will\s+be\s+|has\s+|have\s+|also\s+)*"
                           rf"(?:{_alt('contribution_verbs')})\s+(?:a\s+further\s+|another\s+|some\s+|about\s+)?{_AMOUNT}",
                           re.I),
        "given": re.compile(rf"{_AMOUNT}[^,;.]{{0,30}}?\s+(?:is|are|was|were|comes|came|will\s+come)\s+"
                            rf"(?:{_alt('contribution_passives')})\s+(?:the\s+)?$", re.I),
        "own_taker": re.compile(r"\b(?:in|into|to|for|towards)\s+(?:the\s+)?$", re.I),
        "led_next": re.compile(rf"\s*(?:{_alt('round_pronoun_subjects')})\s+(?:{_alt('round_next_verbs')})\s+", re.I),
    }


def noun_frames(text: str, facts: Any) -> None:
    """Add, in place, the PARTNERS_WITH and FUNDS of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_NOUN_FRAMES", "on") == "off":
        return
    ms = facts.mentions
    have: dict[str, set[tuple[str, str]]] = {t: set() for t in ("PARTNERS_WITH", "FUNDS")}
    for r in facts.relations:
        if r.type in have:
            have[r.type].add((_name(ms, r.source), _name(ms, r.target)))
    for a, b in list(have["PARTNERS_WITH"]):
        have["PARTNERS_WITH"].add((b, a))  # symmetric: either direction counts as given
    owner = own_page(text, ms)
    given = [(r.source, r.target) for r in facts.relations if r.type == "FUNDS"]
    new: list[RelationCandidate] = []
    prev: tuple[list[int], int, int] = ([], 0, 0)
    for start, end, here in sentences(text, ms):
        before, prev = prev, (here, start, end)
        if not here:
            continue
        partners = _between(text, ms, here, start, end) + _our_partners(text, ms, here, owner, start, end)
        keep_new("PARTNERS_WITH", text, ms, partners, have["PARTNERS_WITH"], new, start, end, CONF)
        funds = (_fund_noun(text, ms, here, start, end) + _our_budget(text, ms, here, owner, start, end)
                 + _our_round(text, ms, here, owner, start, end) + _led_next(text, ms, here, before, start, end)
                 + _shared_taker(text, ms, here, given, start, end))
        keep_new("FUNDS", text, ms, funds, have["FUNDS"], new, start, end, CONF)
    facts.relations += new


# ------------------------------------------------------------------ shared steps
def _stance(text: str, lo: int, hi: int, span: int = 8) -> bool:
    """A stance word among the last ``span`` words of ``text[lo:hi]`` (the words before the relation noun)."""
    words = [w.lower() for w in _WORD.findall(text[lo:hi])][-span:]
    return any(w in _sets()["stance_words"] for w in words)


def _items(text: str, ms: Sequence[Any], here: list[int], lo: int, hi: int, types: tuple[str, ...],
           lead: int = 4) -> list[int]:
    """The list of names starting at ``lo`` (within ``lead`` words): "A, the chipmaker B and C"; stops at the first
    gap that is no list separator, and skips a name inside an item's description ("B, the laboratory of C")."""
    out: list[int] = []
    pos = lo
    for i in here:
        if ms[i].start < lo or ms[i].start >= hi:
            continue
        gap = re.sub(r"^\s*\([^()]{0,60}\)", "", text[pos:ms[i].start])  # "A (ACR), B": the short form is no gap
        pos = ms[i].end
        if out and re.fullmatch(r"\s*\(", gap):
            continue  # "A (ACR)": the short form of the item before
        if not out:
            if len(_WORD.findall(gap)) > lead or re.search(r"[.;:()]", gap):
                return []
        elif _described(gap):
            continue  # "B, the laboratory of C": C is no item
        elif not _LIST_GAP.fullmatch(gap):
            break
        if ms[i].type in types:
            out.append(i)
    return out


def _described(gap: str) -> bool:
    """Is the gap before a name an item's description ("…, the speech laboratory of", "…, a founder of the payments
    firm"): the name is no item; a gap that opens a new item ("…, with participation from the angel investor") is none."""
    if "," not in gap:
        return False
    words = [w.lower() for w in _WORD.findall(gap[gap.rfind(",") + 1:])]
    return any(w in _sets()["item_not_after"] for w in words) and not any(w in _sets()["new_item"] for w in words)


def own_page(text: str, ms: Sequence[Any]) -> int | None:
    """The organisation a first-person page is by: named on its title line (a breadcrumb line above it skipped,
    "Blog > Company news") and named again in the body."""
    marks = tuple(_w()["breadcrumb_marks"])
    pos = 0
    for k, line in enumerate(text.split("\n")):
        if k >= int(_w()["header_lines"]) + 2:
            return None
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not line.strip():
            continue
        first = next((i for i in range(len(ms)) if lo <= ms[i].start < hi and ms[i].source != "anaphor"), None)
        if first is None or ms[first].type not in ORGS:
            if any(f" {m} " in line for m in marks) or len(line.split()) <= 3:
                continue  # a breadcrumb or a section label above the title
            return None
        name = _name(ms, first)
        again = any(_name(ms, j) == name for j in range(len(ms)) if ms[j].start > hi and ms[j].source != "anaphor")
        return first if again else None
    return None


# ------------------------------------------------------------------ partnership nouns
def _between(text: str, ms: Sequence[Any], here: list[int], start: int, end: int) -> Found:
    """"a collaboration between A and B", "a joint venture of A and B": every pair of the list."""
    out: Found = []
    for key in ("between", "of"):
        for hit in _patterns()[key].finditer(text, start, end):
            if _stance(text, start, hit.start()):
                continue
            items = _items(text, ms, here, hit.end(), end, ORGS, lead=2)
            names = {_name(ms, i): i for i in items}
            if len(names) < 2 or _stance(text, ms[items[-1]].end, min(end, ms[items[-1]].end + 60), span=6):
                continue  # "The partnership between A and B ended in 2022", "... is under discussion"
            group = list(names.values())
            out += [(a, b, "rule:noun-between") for n, a in enumerate(group) for b in group[n + 1:]]
    return out


def _our_partners(text: str, ms: Sequence[Any], here: list[int], owner: int | None, start: int,
                  end: int) -> Found:
    """"Our industrial partners include A and B" on the page of the organisation ``owner``."""
    if owner is None:
        return []
    out: Found = []
    for hit in _patterns()["our_partners"].finditer(text, start, end):
        if _stance(text, max(0, hit.start() - 40), hit.end(), span=6):
            continue
        out += [(owner, i, "rule:our-partners") for i in _items(text, ms, here, hit.end(), end, ORGS)]
    return out


# ------------------------------------------------------------------ funding nouns
def _fund_noun(text: str, ms: Sequence[Any], here: list[int], start: int, end: int) -> Found:
    """"the investment by A in B", "a grant from A to B": every giver of the list, the one taker."""
    out: Found = []
    for hit in _patterns()["fund"].finditer(text, start, end):
        if _stance(text, start, hit.start()):
            continue
        givers = _items(text, ms, here, hit.end(), end, FUNDERS, lead=2)
        if not givers:
            continue
        after = [i for i in here if ms[i].start >= ms[givers[-1]].end]
        taker = after[0] if after else None
        if taker is None or ms[taker].type not in ORGS:
            continue
        if not _patterns()["taker"].search(text, ms[givers[-1]].end, ms[taker].start):
            continue
        out += [(g, taker, "rule:noun-by-in") for g in givers]
    return out


def _our_budget(text: str, ms: Sequence[Any], here: list[int], owner: int | None, start: int,
                end: int) -> Found:
    """"About 60 percent of our budget comes from A (…) as core funding" on the page of ``owner``."""
    if owner is None:
        return []
    out: Found = []
    for hit in _patterns()["our_budget"].finditer(text, start, end):
        out += [(i, owner, "rule:our-budget") for i in _items(text, ms, here, hit.end(), end, ORGS, lead=2)]
    return out


def _our_round(text: str, ms: Sequence[Any], here: list[int], owner: int | None, start: int, end: int) -> Found:
    """"Today we are announcing a round led by A, with participation from B, C and our existing investors D"."""
    if owner is None:
        return []
    hit = _patterns()["we_round"].search(text, start, end)
    if hit is None or _stance(text, start, hit.start()):
        return []
    return [(i, owner, "rule:our-round") for i in _funders(text, ms, here, hit.end(), end)]


def _led_next(text: str, ms: Sequence[Any], here: list[int], before: tuple[list[int], int, int], start: int,
              end: int) -> Found:
    """"X closed a seed round in March. It was led by A, with participation from B and C": X the first organisation
    of the sentence before, which names the round with a raising verb after it."""
    hit = _patterns()["led_next"].match(text, start)
    prev, lo, hi = before
    if hit is None or not prev:
        return []
    said = _patterns()["round_prev"].search(text, lo, hi)
    owner = next((i for i in prev if ms[i].type in ("Company", "Institute") and said is not None
                  and ms[i].end <= said.start()), None)
    if owner is None or _stance(text, lo, said.start()):
        return []
    return [(i, owner, "rule:round-led-next") for i in _funders(text, ms, here, hit.end(), end)]


def _funders(text: str, ms: Sequence[Any], here: list[int], lo: int, end: int) -> list[int]:
    """The investors named after "led by" to the sentence's end ("A, with participation from the angel investor B,
    C and our existing investors D"), a name in an investor's description skipped ("A, a Lima venture firm")."""
    out: list[int] = []
    pos = lo
    for i in here:
        if ms[i].start < lo or ms[i].start >= end:
            continue
        gap = text[pos:ms[i].start]
        pos = max(pos, ms[i].end)
        if out and _CLAUSE.search(gap):
            break  # "led by A, whose partner B joins the board": B is no investor
        if out and _described(gap):
            continue
        if ms[i].type in FUNDERS:
            out.append(i)
    return out


def _shared_taker(text: str, ms: Sequence[Any], here: list[int], given: list[tuple[int, int]], start: int,
                  end: int) -> Found:
    """"A is investing 14 million in P, B is contributing 2 million and C is putting in 12 million", "60% is a loan
    from A, 30% is contributed by B and 10% is a grant from C": the one recipient another rule found for this
    sentence's funders is the recipient of every contribution clause that names none of its own."""
    inside = set(here)
    takers = {_name(ms, t): t for s, t in given if s in inside or t in inside}
    if len(takers) != 1:
        return []
    taker = next(iter(takers.values()))
    out: Found = []
    for n, i in enumerate(here):
        if ms[i].type not in FUNDERS or _name(ms, i) == _name(ms, taker):
            continue
        nxt = ms[here[n + 1]].start if n + 1 < len(here) else end
        after = text[ms[i].end:nxt]
        gives = _patterns()["gives"].match(after)
        if gives is not None and not _patterns()["own_taker"].search(after):
            out.append((i, taker, "rule:shared-taker"))
            continue
        prev = ms[here[n - 1]].end if n else start
        if _patterns()["given"].search(text[max(prev, ms[i].start - 80):ms[i].start]):
            out.append((i, taker, "rule:shared-taker"))
    return out
