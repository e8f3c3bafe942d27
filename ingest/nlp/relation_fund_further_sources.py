"""FUNDS in published forms whose two ends are found but never linked (issue 14, wave 20; no parse).

Once per document after the rules, from the words of the text, its mentions and the FUNDS found so far:

* further sources after a found funder A of R in the same sentence, past a bracket, an apposition or a relative clause
  on A: "R is funded by A and by a grant from B", "funded by A, which has committed 4 million euros, and by B",
  "received a grant from A and in-kind compute from B", "paid for by A, with in-kind contributions of sensors from B
  and C", "We are joined in the round by A, by the Vienna-based B, and by C", and a source in an absolute clause:
  "funded by a grant from A, with B providing mounting poles" (``rule:w20-more-sources``); each further name must
  follow its "by"/"from" with at most a short description ("the Straubing cloud firm B"); the same chain after "We are
  joined in the round by A, by B, and by C" funds the round's company (``rule:w20-joined-round``);
* a credit facility entered into with a lender, a gift contributed to a recipient: "In March 2026 we entered into a
  A$12 million revolving credit facility with B", "Cages and sensor buoys worth about $500,000 are contributed to the
  centre by B" (``rule:w20-deal``); not "a supply agreement with B", "a lease with B";
* money added, lent or committed to a recipient, and the scheme it goes through: "The state agency, A, has added
  MXN 2 million to R through its P programme", "A (ACR), the state development bank, has extended a US$2 million
  credit line to R under its P" (``rule:w20-added``: A funds R, and P funds R);

Near-misses that must not fire: "funded by A and by working with customers such as B", "backed by A, with support
from mentors at B", "funded by A, with B providing mentoring", "A has given advice to R", "A plans to add $2 million
to R", "a scheme administered by M", "funded by A and partners with B". Word lists: ``data/lexicon/fund_further_sources.json``.
``AIKG_FUND_FURTHER_SOURCES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_gifts import _round_owner
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_sentences import keep_new, sentences

CONF = 0.7
FUNDERS = ("Company", "Institute", "Agency", "Programme", "Person")
ORGS = ("Company", "Institute", "Agency")
Found = list[tuple[int, int, str]]  # (funder, recipient, method)
DESC_WORDS = 5  # words a short description may put between "from"/"by" and the name ("the Straubing cloud firm")
_WORD = re.compile(r"[^\s]+")


def _w() -> Mapping[str, Any]:
    return lexicon_data("fund_further_sources.json")


def _alt(key: str) -> str:
    return alternation(_w()[key])


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    """The one-word lists, lower-cased (read once)."""
    return {k: frozenset(w.lower() for w in _w()[k]) for k in ("stance_words", "desc_not", "not_gift_objects", "object_markers")}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once); each is matched at a position right after a name."""
    money = (r"(?:[A-Z]{1,3}\$|[$€£¥₹]|[A-Z]{3}\s)?\s?\d[\d.,]*\s*(?:million|billion|bn|m|k|crore|lakh)?"
             r"(?:\s+(?:euros?|dollars?|pounds?|yen|francs?|rupees?|kronor|złoty))?")
    np = (rf"(?:(?:an?|the|its|their|further|additional|some|more)\s+)?(?:(?:[\w$€£.,%'’-]+\s+){{0,5}}?"
          rf"(?:{_alt('source_nouns')})(?:\s+(?:of|worth|totalling|totaling|in)\s+[^,;()]{{1,60}}?)?|{money})")
    return {
        # what may follow a funder before the next source: a bracket, a relative clause or an apposition
        "skip": re.compile(r"(?:\s*\([^()]{1,60}\))?(?:\s*,?\s+(?:through|under|via)\s+(?:its|the|their)\s+[^,;()]{1,60}?"
                           r"(?=,\s*with\b))?(?:\s*,\s*(?:which|who)\b[^;()]{1,160}?(?=,\s*(?:and|as\s+well\s+as|"
                           r"plus|with|by)\b)|\s*,\s*(?:an?|the)\s+[^,;()]{1,80}?(?=,\s*(?:and|as\s+well\s+as|plus|with|"
                           r"by)\b))?", re.I),
        "next": re.compile(rf"\s*,?\s*(?:and|as\s+well\s+as|plus)\s+(?:also\s+)?(?:by|from)\s+(?:{np}\s+(?:from|by)\s+)?|"
                           r"\s*,\s*(?:by|from)\s+|"
                           rf"\s*,?\s*(?:and|with|plus)\s+(?:also\s+)?{np}\s+(?:from|by)\s+", re.I),
        "source_before": re.compile(r"\b(?:by|from)\s+(?:the\s+|an?\s+)?(?:[\w$€£.,'’-]+\s+){0,4}?$", re.I),
        "joined_round": re.compile(r"\bjoined\s+(?:in\s+)?(?:the|this|our|its)\s+(?:[\w$€£.,-]+\s+){0,3}?"
                                   r"(?:round|raise|financing|placement)\s+by\s+(?:the\s+)?|\b(?:round|financing)\s+"
                                   r"(?:was|is|has\s+been)\s+(?:also\s+)?joined\s+by\s+(?:the\s+)?", re.I),
        "deal": re.compile(rf"\s+(?:(?:has|have|had|also|recently|then)\s+)*(?:{_alt('deal_verbs')})\s+(?:an?|the|its|our|"
                           rf"their)\s+[^,;()]{{0,60}}?\b(?:{_alt('facility_nouns')})\s+(?:of\s+[^,;()]{{1,30}}?\s+)?"
                           r"(?:with|from)\s+(?:the\s+)?", re.I),
        "gift_before": re.compile(r"\b(?:are|is|were|was|have\s+been|has\s+been|will\s+be)\s+(?:also\s+)?"
                                  rf"(?:{_alt('passive_gift_verbs')})\s+to\s+(?:the\s+)?$", re.I),
        "gift_by": re.compile(r"\s+(?:(?:in\s+kind|free\s+of\s+charge)\s+)?by\s+(?:the\s+)?", re.I),
        "and_next": re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)", re.I),
        "with_before": re.compile(r",?\s+with\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?$", re.I),
        "gift_after": re.compile(rf"\s+(?:also\s+)?(?:{_alt('gift_verbs')})\s+(?:(?:an?|the|its|some)\s+)?([\w-]+)", re.I),
        "added": re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s*,\s*[^,;()]{1,90}?,)?\s*,?\s+(?:(?:has|have|had|also|now|recently|"
                            r"today|again|already|jointly|this\s+year|will)\s+)*"
                            rf"(?:{_alt('add_verbs')})\s+[^,;()]{{0,60}}?\b(?:{_alt('add_objects')})\b[^,;()]{{0,40}}?"
                            r"\s+(?:to|into)\s+(?:the\s+)?", re.I),
        "via": re.compile(rf"\s*(?:\([^()]{{1,40}}\))?\s*,?\s+(?:{_alt('via_words')})\s+(?:its|the|their|his|her)\s+", re.I),
    }


def funds_further_sources(text: str, facts: Any) -> None:
    """Add, in place, the FUNDS of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_FUND_FURTHER_SOURCES", "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "FUNDS"}
    new: list[RelationCandidate] = []
    prev: tuple[int, int] | None = None
    for start, end, here in sentences(text, ms):
        before, prev = prev, (start, end)
        if not here:
            continue
        found = _added(text, ms, here) + _deals(text, ms, here, start)
        keep_new("FUNDS", text, ms, found, have, new, start, end, CONF)
        edges = [(r.source, r.target) for r in facts.relations + new if r.type == "FUNDS"
                 and start <= ms[r.source].start < end]
        found = _more_sources(text, ms, here, edges, end) \
            + _joined_round(text, ms, here, start, end, facts.relations + new, before)
        keep_new("FUNDS", text, ms, found, have, new, start, end, CONF)
    facts.relations += new


def _stance(seg: str) -> bool:
    """Does a stretch of text take the funding back or name something else ("customers", "plans", "formerly")?"""
    return any(w.lower().strip(",.;:'’") in _sets()["stance_words"] for w in _WORD.findall(seg))


def _short_description(seg: str) -> bool:
    """Is ``seg`` (between "from"/"by" and a name) empty or a short description ("the Vienna-based", "angel investor")?"""
    words = _WORD.findall(seg)
    if len(words) > DESC_WORDS or any(c in seg for c in ",;:()"):
        return False
    return not any(w.lower() in _sets()["desc_not"] for w in words) and not _stance(seg)


def _name_at(text: str, ms: Sequence[Any], here: list[int], pos: int, stop: int) -> int | None:
    """The funder named at ``pos`` after at most a short description; None when there is none or it is possessed
    ("B's customers")."""
    for i in here:
        if ms[i].start < pos:
            continue
        if ms[i].start >= stop:
            return None
        if ms[i].type not in FUNDERS:
            continue  # a town in the description: "the Straubing cloud firm B"
        if not _short_description(text[pos:ms[i].start]) or re.match(r"['’]s?\b", text[ms[i].end:ms[i].end + 2]):
            return None
        return i
    return None


def _more_sources(text: str, ms: Sequence[Any], here: list[int], edges: list[tuple[int, int]], end: int) -> Found:
    """"funded by A and by a grant from B", "from A, which ..., and in-kind compute from B", "joined by A, by B" (doc)."""
    p = _patterns()
    out: Found = []
    for a, x in edges:
        if ms[x].start > ms[a].start and ms[x].start < end:
            continue  # "A, which also backs Y, and by B": the further sources are of a recipient named before A
        if p["source_before"].search(text, max(0, ms[x].start - 50), ms[x].start):
            continue  # "from P, an initiative funded by A, and by B": P is itself a source, B funds what P funds
        out += _chain(text, ms, here, a, x, end, "rule:w20-more-sources")
        out += _with_giving(text, ms, here, a, x)
    return out


def _chain(text: str, ms: Sequence[Any], here: list[int], a: int, x: int, end: int, method: str) -> Found:
    """The further sources after the funder ``a`` of ``x``: "and by B", ", by B", "and in-kind compute from B and C"."""
    p = _patterns()
    out: Found = []
    pos = ms[a].end
    for _ in range(8):
        pos = p["skip"].match(text, pos).end()
        hit = p["next"].match(text, pos)
        if hit is None or _stance(hit.group(0)):
            break
        b = _name_at(text, ms, here, hit.end(), end)
        if b is None:
            break
        out.append((b, x, method))
        pos = ms[b].end
        while (more := p["and_next"].match(text, pos)) is not None:  # "from B and C"
            c = _name_at(text, ms, here, more.end(), end)
            if c is None:
                break
            out.append((c, x, method))
            pos = ms[c].end
    return out


def _joined_round(text: str, ms: Sequence[Any], here: list[int], start: int, end: int, rels: Sequence[Any],
                  prev: tuple[int, int] | None) -> Found:
    """"We are joined in the round by A, by the Vienna-based B, and by C": each funds the round's company (the one
    recipient the FUNDS of this or the sentence before give)."""
    hit = _patterns()["joined_round"].search(text, start, end)
    if hit is None or _stance(text[start:hit.start()]):
        return []
    owner = _round_owner(text, ms, rels, prev, start)
    first = _name_at(text, ms, here, hit.end(), end) if owner is not None else None
    if first is None:
        return []
    return [(first, owner, "rule:w20-joined-round")] + _chain(text, ms, here, first, owner, end, "rule:w20-joined-round")


def _with_giving(text: str, ms: Sequence[Any], here: list[int], a: int, x: int) -> Found:
    """"funded by a grant from A, with B providing mounting poles": B gives to the recipient A funds."""
    p = _patterns()
    out: Found = []
    for b in here:
        if ms[b].start <= ms[a].end or ms[b].type not in FUNDERS or b == x:
            continue
        before = p["with_before"].search(text, ms[a].end, ms[b].start)
        if before is None or _stance(before.group(0)) or not _short_description(
                re.sub(r"^,?\s+with\s+", "", before.group(0), flags=re.I)):
            continue
        gift = p["gift_after"].match(text, ms[b].end)
        if gift is not None and gift.group(1).lower() not in _sets()["not_gift_objects"]:
            out.append((b, x, "rule:w20-more-sources"))
    return out


def _added(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"A has added MXN 2 million to R through its P programme": A funds R, and so does P (doc)."""
    p = _patterns()
    out: Found = []
    for n, x in enumerate(here):
        if ms[x].type not in ORGS + ("Programme",):
            continue
        for a in here[:n]:
            if ms[a].type not in FUNDERS or ms[x].start - ms[a].end > 220:
                continue
            hit = p["added"].fullmatch(text, ms[a].end, ms[x].start)
            if hit is None or _stance(hit.group(0)) or _inner_org(ms, here, a, x) or _object_name(text, ms, a):
                continue
            out.append((a, x, "rule:w20-added"))
            via = p["via"].match(text, ms[x].end)
            if via is not None:
                prog = next((i for i in here if ms[i].start == via.end() and ms[i].type == "Programme"), None)
                if prog is not None:
                    out.append((prog, x, "rule:w20-added"))
            break
    return out


def _deals(text: str, ms: Sequence[Any], here: list[int], start: int) -> Found:
    """"In March 2026 we entered into a A$12 million revolving credit facility with B", "Sensors worth $400,000 are
    contributed to R by B": B funds the borrower or the recipient."""
    p = _patterns()
    out: Found = []
    for x, b in zip(here, here[1:]):
        if ms[x].type not in ORGS + ("Programme",) or ms[b].type not in FUNDERS:
            continue
        if p["deal"].fullmatch(text, ms[x].end, ms[b].start) and ms[x].type in ORGS:
            out.append((b, x, "rule:w20-deal"))
        elif p["gift_by"].fullmatch(text, ms[x].end, ms[b].start) and p["gift_before"].search(
                text, max(start, ms[x].start - 60), ms[x].start) and not _stance(text[start:ms[x].start]):
            out.append((b, x, "rule:w20-deal"))
    return out


def _object_name(text: str, ms: Sequence[Any], a: int) -> bool:
    """Is A the object of a preposition in its clause ("an initiative led by IMDA and A has channelled money")?"""
    lo = max(text.rfind(",", 0, ms[a].start), text.rfind(".", 0, ms[a].start), text.rfind("\n", 0, ms[a].start))
    words = [w.lower() for w in _WORD.findall(text[lo + 1:ms[a].start])]
    return any(w in _sets()["object_markers"] for w in words)


def _inner_org(ms: Sequence[Any], here: list[int], a: int, x: int) -> bool:
    """Is there an organisation between A and R outside brackets and commas of an apposition (then it is the subject)?"""
    between = [i for i in here if ms[a].end <= ms[i].start and ms[i].end <= ms[x].start]
    return any(ms[i].type in ORGS and _name(ms, i) != _name(ms, a) for i in between) and len(between) > 1
