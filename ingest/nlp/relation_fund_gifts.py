"""FUNDS in published forms no earlier rule reads, and sponsorship that is no funding (issue 14, wave 17; no parse).

Once per document after the rules (after ``relation_fund_wrong_funder``), from the words of the text and the mentions:

* a gift to a named recipient: "A, a unit of B, will contribute equipment worth about EUR 1.2 million to the lab",
  "A is providing the laboratory with an additional grant of 1.2 million euros", "A donated compute worth $50,000 to
  R" (``rule:w17-give``); after "provides", "supplies", "offers" only a money word counts ("provided software worth
  EUR 3 million to R" is a sale); an investor's stake: "A has taken a minority stake in R", "A is paying $4.5bn for a
  7.7% stake in R" (``rule:w17-stake``; a majority stake is a takeover);
* the funders of a round named after the round's company (the recipient a FUNDS edge of this or the sentence before
  gives, else the name before a verb of raising): "The round (also) drew/featured/included A and B", "A and B were
  among the investors", "Among the investors were A and B", "A is also among R's shareholders", "A joined as a new
  investor", "R extended its round with commitments from A and B", "R closed a A-led Series A", "Its Series A was
  led by A" (``rule:w17-round``);
* where money comes from: "The cash comes from A" after "R will receive GBP 750,000 ...", "Thanks to funding from A,
  R will ...", "R was set up with a EUR 5 million gift from A" (``rule:w17-money``); "R has been awarded funding
  totalling GBP 2 million by A" (``rule:w17-awarded``); "R thanks its funders, A and B", "R's main investors are A
  and B" (``rule:w17-owned``);
* edges taken back: a sponsor of an event, session or award ("The Alliance's annual Industrial AI Day is sponsored
  by A", "the Awards, which were sponsored by B", "Session sponsors are C", a "Sponsors:" line on a conference
  page; a fellowship, a chair or a lab sponsored stays) and "A awarded a contract / the X Prize to B".

Word lists: ``data/lexicon/fund_gifts.json``. ``AIKG_FUND_GIFTS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_sentences import keep_new

CONF = 0.7
ORGS = ("Company", "Institute", "Agency", "Programme")
LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|and\s+|&\s+|as\s+well\s+as\s+|;\s*(?:and\s+)?)"
                      r"(?:(?:the|its|their)\s+)?(?:[\w'’.-]+\s+){0,4}?$", re.I)
BAD_GAP = re.compile(r"\b(?:which|who|that|said|says|is|was|were|are|has|had|will|while|but|whose|by|of|from|with|for|in|at|"
                     r"on|to|under|run|runs|led|based|owned|a|an)\b|[.;()]", re.I)
SPONSOR_AFTER = re.compile(r"^\s*(?:(?:by|are|were|is|was|include[sd]?|including|such\s+as)\b|:|[^,;]{0,3}$)", re.I)
SPONSOR_BEFORE = re.compile(r"^\s*(?:,[^,;]{0,80},)?\s*(?:(?:also|is|are|was|were|has|have|had|will|would|jointly|"
                            r"again|each|both|and|co-)\s*)*$", re.I)  # "A (also) sponsors", "which A is sponsoring"
RELATIVE = re.compile(r"\b(?:that|which|who|whose|runs?|administers?|manages?|operates?)\b", re.I)


def _w() -> Mapping[str, Any]:
    return lexicon_data("fund_gifts.json")


def _alt(key: str) -> str:
    return "|".join(sorted((re.escape(w) for w in _w()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once); those opening with ``^`` are matched on a slice of the text."""
    aux = rf"(?:(?:{_alt('aux_words')})\s+){{0,4}}"
    adj = rf"(?:(?:{_alt('among_adjectives')})\s+){{0,2}}"
    some = r"(?:[\w$€£.,-]+\s+)"
    appos = r"(?:\s*,(?!\s*(?:and|or|but|as\s+well)\b)[^;]{1,140}?,)?"  # ", a unit of B," (not ", and B,")
    return {
        "give": re.compile(rf"^(?:\s*\([^)]{{1,60}}\))?{appos}\s+{aux}"
                           rf"(?:{_alt('give_verbs')}|{_alt('supply_verbs')})\b", re.I),
        "supply": re.compile(rf"\b(?:{_alt('supply_verbs')})\b", re.I),
        "money": re.compile(rf"\b(?:{_alt('money_nouns')})\b", re.I),
        "inkind": re.compile(rf"\b(?:{_alt('inkind_nouns')})\b", re.I),
        "value": re.compile("|".join(rf"\b{re.escape(w)}\b" if w[0].isalpha() else re.escape(w)
                                     for w in sorted(_w()["value_words"], key=len, reverse=True)), re.I),
        "round_verb": re.compile(rf"\b(?:the|this|that|its|their)\s+{some}{{0,3}}?(?:{_alt('round_nouns')})"
                                 rf"\s+(?:also\s+|additionally\s+)?(?:{_alt('round_verbs')})\s+", re.I),
        "among_front": re.compile(rf"\b(?:{_alt('among_front')})(?:\s+in\s+the\s+round)?(?:\s+(?:are|were|is|was))?"
                                  rf"\s*:?\s+", re.I),
        "among": re.compile(rf"^\s*{appos}\s*(?:(?:was|were|is|are|remains|remain)\s+)?(?:also\s+)?"
                            rf"among\s+(?:(?P<det>the|its|their)\s+{adj}(?P<noun>{_alt('among_nouns')})\b"
                            rf"|(?P<name>(?=[A-Z])))", re.I),
        "awarded_by": re.compile(rf"^{appos}\s+(?:(?:has|have|had|was|were|is|are|will|also|been|be|"
                                 rf"recently|now|jointly)\s+){{1,4}}(?:{_alt('award_verbs')})\s+(?P<obj>[^;]{{1,120}}?)\s+by\s+",
                                 re.I),
        "stake": re.compile(rf"^{appos}\s+(?:(?:has|have|had|also|recently|now|will|is|are)\s+){{0,3}}"
                            rf"(?:{_alt('stake_verbs')})\s+(?:[^;]{{1,50}}?\s+for\s+)?(?:an?|the)\s+"
                            rf"(?P<kind>(?:[\w$€£.%,-]+\s+){{0,4}}?)stake\s+in\s+(?:the\s+)?", re.I),
        "raised_from": re.compile(rf"^\s+{aux}(?:{_alt('raised_from_verbs')})\s+(?:(?:{_alt('money_subjects')})\s+)?"
                                  rf"from\s+", re.I),
        "bracket_investor": re.compile(rf"^\s*\((?:an?|the|its)\s+{adj}(?:{_alt('investor_nouns')})\s+(?:in|of|to)\s+"
                                       rf"(?:the\s+)?", re.I),
        "joined_too": re.compile(rf"^{appos}\s+(?:{_alt('joined_too')})\s*(?:[.;,]|$)", re.I),
        "owned_list": re.compile(rf"^\s+{adj}(?:{_alt('owned_nouns')})(?:\s*[,:]|\s+(?:are|were|include|includes|included|"
                                 rf"such\s+as|including|comprise))\s*", re.I),
        "owned": re.compile(rf"^['’]s?\s+{adj}(?:{_alt('among_nouns')})\b", re.I),
        "joined_as": re.compile(rf"^{appos}\s+(?:also\s+|has\s+|have\s+)*(?:{_alt('joined_as')})\s+"
                                rf"(?:an?\s+)?{adj}(?:{_alt('investor_nouns')})\b", re.I),
        "from": re.compile(rf"\bwith\s+(?:(?:fresh|further|additional|new|firm)\s+)?(?:{_alt('from_nouns')})\s+from\s+",
                           re.I),
        "led": re.compile(rf"^(?:{_alt('led_words')})\s+{some}{{0,3}}?(?:{_alt('round_nouns')})\b", re.I),
        "was_led": re.compile(rf"\b(?:{_alt('round_nouns')})(?:\s+round)?\s+(?:was|were|is|has\s+been)\s+"
                              rf"(?:co-)?led\s+by\s+", re.I),
        "raise": re.compile(rf"\b(?:{_alt('raise_words')})\b", re.I),
        "comes": re.compile(rf"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?(?:{_alt('money_subjects')})\s+"
                            rf"(?:{_alt('come_verbs')})\s+(?:from|by)\s+", re.I),
        "thanks": re.compile(rf"(?:^|,)\s*(?:{_alt('thanks_openers')})\s+{some}{{0,5}}?"
                             rf"(?:{_alt('money_subjects')})\s+from\s+", re.I),
        "gift": re.compile(rf"\bwith\s+(?:an?|the)\s+{some}{{0,4}}?(?:{_alt('gift_nouns')})\s+from\s+", re.I),
        "sponsor": re.compile(rf"\b(?:{_alt('sponsor_words')})\b", re.I),
        "event": re.compile(rf"\b(?:{_alt('event_nouns')})\b", re.I),
        "research": re.compile(rf"\b(?:{_alt('research_nouns')})\b", re.I),
        "award": re.compile(rf"\bawarded\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'’$€£.,-]+\s+){{0,5}}?"
                            rf"(?:{_alt('award_objects')})\b", re.I),
        "award_object": re.compile(rf"\b(?:{_alt('award_objects')})\b", re.I),
        "head_event": re.compile(rf"\b(?:{_alt('head_event_words')})\b", re.I),
    }


def funds_gifts(text: str, facts: Any) -> None:
    """Add, in place, the FUNDS of the forms above to ``facts`` and drop sponsorship of events and awards given."""
    if os.environ.get("AIKG_FUND_GIFTS", "on") == "off":
        return
    ms = facts.mentions
    kept = [r for r in facts.relations if r.type != "FUNDS" or not _not_funding(text, ms, r)]
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in kept if r.type == "FUNDS"}
    sents = [(p.start(), p.end()) for p in SENTENCE.finditer(text) if p.end() > p.start()]
    inside = nested(ms)  # speed: one sweep, not every mention against every other
    order = sorted(range(len(ms)), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in order]
    new: list[RelationCandidate] = []
    for k, (start, end) in enumerate(sents):
        here = [i for i in order[bisect_left(starts, start):bisect_left(starts, end)] if i not in inside]
        if not here:
            continue
        prev = sents[k - 1] if k and "\n\n" not in text[sents[k - 1][1]:start] else None
        owner = _round_owner(text, ms, kept + new, prev, start)
        found = _gifts(text, ms, here, end) + _stakes(text, ms, here, end) + _awarded_by(text, ms, here, end) \
            + _round_forms(text, ms, here, start, end, owner) + _among_forms(text, ms, here, end, owner) \
            + _owned_lists(text, ms, here, end) + _money_forms(text, ms, here, start, end, owner) \
            + _short_forms(text, ms, here, start, end, owner)
        keep_new("FUNDS", text, ms, found, have, new, start, end, CONF)
    facts.relations[:] = kept + new


# ------------------------------------------------------------------ gifts to a named recipient
def _gifts(text: str, ms: Any, here: Sequence[int], end: int) -> list[tuple[int, int, str]]:
    """"A (, apposition,) will contribute <thing worth value> to R", "A is providing R with a grant of ..."."""
    p = _patterns()
    out = []
    for n, i in enumerate(here):
        hit = p["give"].match(text[ms[i].end:end])
        if hit is None or ms[i].type not in ORGS + ("Person",):
            continue
        rest_start = ms[i].end + hit.end()
        later = [j for j in here[n + 1:] if ms[j].start >= rest_start]
        if not later:
            continue
        j = later[0]
        obj = text[rest_start:ms[j].start]
        if re.search(r"\bto\s+(?:the\s+)?$", obj, re.I) and len(obj) < 160:
            thing = obj
        elif re.fullmatch(r"\s*(?:the\s+)?", obj, re.I) and re.match(r"\s+with\s+", text[ms[j].end:end]):
            thing = text[ms[j].end:min(end, ms[j].end + 120)]  # "providing the laboratory with a grant of ..."
        else:
            continue
        supply = p["supply"].search(hit.group(0)) is not None
        if p["money"].search(thing) or (not supply and (p["value"].search(thing) or p["inkind"].search(thing))):
            out.append((i, j, "rule:w17-give"))
    return out


# ------------------------------------------------------------------ round forms
def _round_owner(text: str, ms: Any, rels: Sequence[Any], prev: tuple[int, int] | None, start: int) -> int | None:
    """The company whose round this sentence speaks of: the one recipient a FUNDS edge of this or the sentence before
    gives, else the first organisation before a verb of raising in the sentence before."""
    lo = prev[0] if prev else start
    recips = {r.target for r in rels if r.type == "FUNDS" and lo <= r.sent_start <= start}
    names = {_name(ms, t) for t in recips}
    if len(names) == 1:
        return min(recips)
    if prev is None or names:
        return None
    for i, m in enumerate(ms):
        if prev[0] <= m.start < prev[1] and m.type in ("Company", "Institute") \
                and _patterns()["raise"].search(text, m.end, prev[1]):
            return i
    return None


def _round_forms(text: str, ms: Any, here: Sequence[int], start: int, end: int,
                 owner: int | None) -> list[tuple[int, int, str]]:
    """"The round drew A and B", "Its Series A was led by A", "with commitments from A", "Among the investors are
    A and B", "X closed a A-led Series A" (see the module's doc)."""
    p = _patterns()
    raised = p["raise"].search(text, start, end) is not None
    out: list[tuple[int, int, str]] = []
    for key in ("round_verb", "was_led", "from", "among_front"):
        for hit in p[key].finditer(text, start, end):
            if key == "from" and not _raised_before(text, start, hit.start()):
                continue  # "won a grant from C, a competition that M runs with money from S": S funds C
            tgt = _possessor(text, ms, here, hit.start()) if key == "was_led" else None
            if tgt is None:
                tgt = owner if owner is not None else _subject(ms, here, hit.start()) if raised else None
            if tgt is not None:
                out += [(i, tgt, "rule:w17-round") for i in _list_after(text, ms, here, hit.end(), end)]
    for i in here:
        after = text[ms[i].end:end]
        if p["joined_as"].match(after) and owner is not None:
            out.append((i, owner, "rule:w17-round"))
        elif p["led"].match(after):
            tgt = _possessor(text, ms, here, ms[i].start)
            tgt = tgt if tgt is not None else owner if owner is not None else \
                _subject(ms, here, ms[i].start) if p["raise"].search(text, start, ms[i].start) else None
            if tgt is not None:
                out.append((i, tgt, "rule:w17-round"))
    return [(a, b, m) for a, b, m in out if a != b]


def _raised_before(text: str, start: int, at: int) -> bool:
    """Is there a verb of raising before ``at`` in the sentence, with no relative clause or verb of running between?"""
    hits = list(_patterns()["raise"].finditer(text, start, at))
    return bool(hits) and not RELATIVE.search(text, hits[-1].end(), at)


def _among_forms(text: str, ms: Any, here: Sequence[int], end: int, owner: int | None) -> list[tuple[int, int, str]]:
    """"A and B were among the investors" (the round's company), "A is also among R's shareholders" (R), "A is among
    the backers of R" (R)."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    for n, i in enumerate(here):
        at = ms[i].end
        hit = p["among"].match(text[at:end])
        if hit is None:
            continue
        tail = at + hit.end()
        if hit.group("det"):
            of = re.match(r"\s+of\s+", text[tail:end])
            nxt = next((j for j in here if of and ms[j].start == tail + of.end()), None)
            tgt = nxt if nxt is not None else owner
        else:
            nxt = next((j for j in here if ms[j].start == tail), None)
            tgt = nxt if nxt is not None and p["owned"].match(text[ms[nxt].end:end]) else None
        if tgt is not None:
            out += [(j, tgt, "rule:w17-round") for j in _list_before(text, ms, here, n)]
    return [(a, b, m) for a, b, m in out if a != b]


def _awarded_by(text: str, ms: Any, here: Sequence[int], end: int) -> list[tuple[int, int, str]]:
    """"R has been awarded funding totalling GBP 2 million by A (and B)": the passive of a sum given, read past the
    sum (the parse hangs "by" on "totalling")."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    for j in here:
        hit = p["awarded_by"].match(text[ms[j].end:end])
        obj = hit.group("obj") if hit is not None else ""
        if hit is None or ms[j].type not in ORGS or not (p["value"].search(obj) or p["money"].search(obj)) \
                or p["award_object"].search(obj):
            continue  # "was given a contract worth GBP 2 million by A" is a sale
        out += [(i, j, "rule:w17-awarded") for i in _list_after(text, ms, here, ms[j].end + hit.end(), end)]
    return out


def _stakes(text: str, ms: Any, here: Sequence[int], end: int) -> list[tuple[int, int, str]]:
    """"A has taken a minority stake in R", "A is paying $4.5bn for a 7.7% stake in R" (not a majority or controlling
    stake: that is a takeover)."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    for n, i in enumerate(here):
        hit = p["stake"].match(text[ms[i].end:end])
        if hit is None or re.search(rf"\b(?:{_alt('takeover_stakes')})\b", hit.group("kind"), re.I):
            continue
        at = ms[i].end + hit.end()
        j = next((j for j in here[n + 1:] if ms[j].start == at), None)
        if j is not None:
            out.append((i, j, "rule:w17-stake"))
    return out


def _short_forms(text: str, ms: Any, here: Sequence[int], start: int, end: int,
                 owner: int | None) -> list[tuple[int, int, str]]:
    """"R later raised from A", "A (an early investor in R)", and after a sentence about R's round "A came in as
    well", "B also participated"."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    round_before = owner is not None and re.search(rf"\b(?:{_alt('round_nouns')})\b", text[max(0, start - 400):start],
                                                   re.I) is not None
    for n, i in enumerate(here):
        after = text[ms[i].end:end]
        hit = p["raised_from"].match(after)
        if hit is not None:
            out += [(a, i, "rule:w17-round") for a in _list_after(text, ms, here, ms[i].end + hit.end(), end)]
        hit = p["bracket_investor"].match(after)
        if hit is not None:
            j = next((j for j in here[n + 1:] if ms[j].start == ms[i].end + hit.end()), None)
            out += [(i, j, "rule:w17-round")] if j is not None else []
        if round_before and p["joined_too"].match(after):
            out += [(a, owner, "rule:w17-round") for a in _list_before(text, ms, here, n)]
    return [(a, b, m) for a, b, m in out if a != b]


def _owned_lists(text: str, ms: Any, here: Sequence[int], end: int) -> list[tuple[int, int, str]]:
    """"R thanks its funders, A and B", "R's main investors are A and B", "their backers: A, B": each funds R."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    for j in here:
        m = ms[j]
        at = m.end + 2 if text[m.end:m.end + 2] in ("'s", "’s") else m.end if m.text.lower() in ("its", "their") else -1
        hit = p["owned_list"].match(text[at:end]) if at >= 0 else None
        if hit is not None:
            out += [(i, j, "rule:w17-owned") for i in _list_after(text, ms, here, at + hit.end(), end)]
    return out


def _possessor(text: str, ms: Any, here: Sequence[int], at: int) -> int | None:
    """"Its Series A was led by", "R's 2023 round was led by": the possessive name within five words before ``at``."""
    for j in reversed(here):
        m = ms[j]
        if m.end <= at and len(text[m.end:at].split()) <= 5 \
                and (m.text.lower() in ("its", "their") or text[m.end:m.end + 2] in ("'s", "’s")):
            return j
    return None


def _subject(ms: Any, here: Sequence[int], at: int) -> int | None:
    """The first organisation of the sentence before ``at``."""
    return next((j for j in here if ms[j].end <= at and ms[j].type in ("Company", "Institute")), None)


def _list_after(text: str, ms: Any, here: Sequence[int], at: int, end: int) -> list[int]:
    """The names of a list that starts at ``at`` ("A, the Tallinn angel network B and C")."""
    out: list[int] = []
    prev = at
    for j in here:
        if ms[j].start < at:
            continue
        gap = text[prev:ms[j].start]
        if not out and (len(gap) > 40 or BAD_GAP.search(gap) or "," in gap):
            break
        if out and (not LIST_GAP.match(gap) or BAD_GAP.search(gap)):
            break
        out.append(j)
        prev = ms[j].end
    return out


def _list_before(text: str, ms: Any, here: Sequence[int], n: int) -> list[int]:
    """The names of a list that ends with mention ``here[n]`` ("A, B and C were among ...")."""
    out = [here[n]]
    for k in range(n - 1, -1, -1):
        gap = text[ms[here[k]].end:ms[out[-1]].start]
        if not LIST_GAP.match(gap) or BAD_GAP.search(gap):
            break
        out.append(here[k])
    return out


# ------------------------------------------------------------------ where money comes from
def _money_forms(text: str, ms: Any, here: Sequence[int], start: int, end: int,
                 owner: int | None) -> list[tuple[int, int, str]]:
    """"The cash comes from A" (the recipient of the sentence before), "Thanks to funding from A, R ...", "R was set
    up with a gift from A"."""
    p = _patterns()
    out: list[tuple[int, int, str]] = []
    for hit in p["comes"].finditer(text, start, end):
        tgt = _subject(ms, here, hit.start())
        tgt = tgt if tgt is not None else owner
        if tgt is not None:
            out += [(i, tgt, "rule:w17-money") for i in _list_after(text, ms, here, hit.end(), end)]
    hit = p["thanks"].search(text[start:end])
    if hit is not None:
        funders = _list_after(text, ms, here, start + hit.end(), end)
        if len(funders) > 1 and " and " not in f" {text[ms[funders[-2]].end:ms[funders[-1]].start]} ":
            funders, tgt = funders[:-1], funders[-1]  # "Thanks to funding from A, R will": R ends the list
        else:
            comma = text.find(",", ms[funders[-1]].end, end) if funders else -1
            tgt = next((j for j in here if comma >= 0 and ms[j].start > comma), None)
        if tgt is not None and ms[tgt].type in ORGS:
            out += [(i, tgt, "rule:w17-money") for i in funders]
    for hit in p["gift"].finditer(text, start, end):
        tgt = _subject(ms, here, hit.start())
        if tgt is not None:
            out += [(i, tgt, "rule:w17-money") for i in _list_after(text, ms, here, hit.end(), end)]
    return [(a, b, m) for a, b, m in out if a != b]


# ------------------------------------------------------------------ edges that are no funding
def _not_funding(text: str, ms: Any, r: Any) -> bool:
    """Is FUNDS edge ``r`` the sponsorship of an event or award, or an award of a contract or prize?"""
    a, b = ms[r.source], ms[r.target]
    if a.source == "anaphor" and a.coref is None:
        return False
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    if 0 <= hi - lo < 200 and _patterns()["award"].search(text[lo:hi]) and not _patterns()["money"].search(text[lo:hi]):
        return True  # "A awarded a contract to B", "A awarded the X Prize to B"
    return _event_sponsor(text, a)


def _event_sponsor(text: str, a: Any) -> bool:
    """Does the funder sit in a sponsoring phrase whose clause names an event ("X Day is sponsored by A")?"""
    p = _patterns()
    line_start = text.rfind("\n", 0, a.start) + 1
    line_end = text.find("\n", a.end)
    line_end = len(text) if line_end < 0 else line_end
    clause_lo = max(line_start, text.rfind(";", 0, a.start) + 1, _sentence_start(text, a.start, line_start))
    clause_hi = min(line_end, _sentence_end(text, a.end, line_end))
    for hit in p["sponsor"].finditer(text, clause_lo, clause_hi):
        near = a.start - hit.end() if hit.end() <= a.start else hit.start() - a.end
        between = text[min(hit.end(), a.end):max(hit.start(), a.start)]
        if near > 90 or re.search(r"\b(?:fund|funds|funded|backs|backed|financ\w*|invest\w*|grants?|paid|pays)\b",
                                  between, re.I) or not (SPONSOR_AFTER if hit.end() <= a.start else SPONSOR_BEFORE).match(between):
            continue  # "A sponsors the X hackathon, and B funds Y": B is in no sponsoring phrase
        if text[line_start:hit.start()].strip() == "":  # a "Sponsors:" line: an event page's
            return p["head_event"].search(text[:300]) is not None
        if hit.start() >= a.end:  # "A (also) sponsors the X's annual hackathon": the head of the object
            obj = re.split(r"[,;]|\band\b", text[hit.end():clause_hi])[0]
            lead = text[clause_lo:a.start] if not obj.strip() else ""  # "the X Week, which A is sponsoring"
            return p["event"].search(_last_words(obj, 3)) is not None or p["event"].search(_last_words(lead, 4)) is not None
        before = text[clause_lo:hit.start()]  # "The Alliance's annual Industrial AI Day is sponsored by A"
        if p["event"].search(before):
            near_words = _last_words(before, 6)
            return p["event"].search(near_words) is not None or not p["research"].search(near_words)
    return False


def _last_words(s: str, n: int) -> str:
    return " ".join(s.split()[-n:])


def _sentence_start(text: str, at: int, lo: int) -> int:
    """Where the sentence holding ``at`` starts (not before ``lo``)."""
    best = lo
    for hit in re.finditer(r"[.!?]\s+(?=[A-Z\"“])", text[lo:at]):
        best = lo + hit.end()
    return best


def _sentence_end(text: str, at: int, hi: int) -> int:
    """Where the sentence holding ``at`` ends (not after ``hi``)."""
    hit = re.search(r"[.!?](?=\s+[A-Z\"“]|\s*$)", text[at:hi])
    return at + hit.end() if hit else hi


def _name(ms: Any, i: int) -> str:
    """The name a mention stands for (an anaphor's antecedent)."""
    seen = 0
    while ms[i].source == "anaphor" and ms[i].coref is not None and seen < 8:
        i, seen = ms[i].coref, seen + 1
    return ms[i].canonical
