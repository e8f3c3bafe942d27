"""FUNDS in four published forms no earlier rule reads (issue 14, wave 19; no parse).

Once per document after the rules, from the words of the text, its mentions and the FUNDS found so far:

* posts paid for at a recipient: "Vastel Robotics will fund two research assistants at the Orlen Lab", "the foundation
  also pays for four PhD studentships at Ostrel University", "four doctoral scholarships at the centre are paid for by
  the Halden Regional Council" (``rule:w19-posts``); the posts must sit "at"/"in" the recipient ("funds two
  fellowships" alone names none, "hired two engineers at X" is no funding);
* earlier money a round follows: "The round follows a $400,000 grant last year from the X Fund, a programme that ...",
  "The new money follows a grant from A, a scheme administered by M, and a seed investment by the angel network B"
  (``rule:w19-follows``): A and B fund the company whose round the sentence or the one before speaks of; the
  administrator M, after "administered by", does not;
* a late co-investor: "Kilindini Angels and Havenkade Ventures also joined the round, as did Wanjiru Kamau, who ..."
  (``rule:w19-as-did``): the one recipient the sentence's other funders have;
* a named grant received: "Last year we also received a Regional Startup Grant from Te Rohe Innovation" funds the
  recipient from the programme as well as from the agency (``rule:w19-named-grant``);
* the funder lines of a programme fact sheet whose title names the programme under an organisation's letterhead
  ("COUNTY GOVERNMENT OF X / FACT SHEET: Coast AI Skills Programme (CASAP) ... - Funded by: A (KSh 400 million), B and
  C"), when no earlier rule gave the line's funders a recipient (``rule:w19-field``).

Near-misses that must not fire: "hired two engineers at X", "A funds two fellowships", "A plans to fund posts at X",
"the round follows months of talks with A", "a grant from A, a scheme administered by M" (M), "A joined the board,
as did B", "received a visit from A", a "Partners:" line. Word lists: ``data/lexicon/fund_posts_grants.json``.
``AIKG_FUND_POSTS_GRANTS=off`` turns the module off (paired A/B).
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
from aikg.ingest.nlp.relation_sentences import keep_new, reading_order, sentences

CONF = 0.7
FUNDERS = ("Company", "Institute", "Agency", "Programme", "Person")
Found = list[tuple[int, int, str]]  # (funder, recipient, method)
# where a label line's list ends and a description starts: "A, which ...", "A, a unit of B", "A, the bank's arm", ";"
DESCRIPTION = re.compile(r",\s+(?:which|who|that|whose|with|in\s+partnership|an?\s|(?:the|its|their)\s+(?-i:[a-z]))|;|"
                         r"\s+with\s+support\b", re.I)


def _w() -> Mapping[str, Any]:
    return lexicon_data("fund_posts_grants.json")


def _alt(key: str) -> str:
    return alternation(_w()[key])


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once); those opening with ``^`` are matched on the gap between two names."""
    posts = rf"(?:{_alt('post_nouns')})"
    appos = r"(?:\s*\([^()]{1,40}\))?(?:\s*,(?!\s*(?:and|or|but)\b)[^;]{1,120}?,)?"
    return {
        "posts_active": re.compile(rf"^{appos}\s+(?:(?:{_alt('post_aux')})\s+){{0,3}}(?:{_alt('post_verbs')})\s+"
                                   rf"(?:[\w$€£.,'’-]+\s+){{0,6}}?{posts}\s+(?:[^,;.()]{{0,40}}?\s+)?(?:at|in|within)\s+"
                                   r"(?:the\s+)?(?:[\w'’-]+['’]s?\s+)?$", re.I),
        "posts_before": re.compile(rf"\b{posts}\s+(?:[^,;.()]{{0,40}}?\s+)?(?:at|in|within)\s+(?:the\s+)?"
                                   r"(?:[\w'’-]+['’]s?\s+)?$", re.I),
        "posts_passive": re.compile(r"^\s+(?:(?:are|is|were|was|will\s+be|have\s+been|has\s+been)\s+)(?:also\s+|now\s+|"
                                    rf"jointly\s+|fully\s+|partly\s+)?(?:{_alt('post_passive')})\s+by\s+(?:the\s+)?$", re.I),
        "follows": re.compile(rf"\b(?:the|this|that|its|their|today['’]s)\s+(?:[\w$€£.,-]+\s+){{0,3}}?"
                              rf"(?:{_alt('follow_subjects')})\s+(?:(?:also|itself)\s+)?(?:{_alt('follow_verbs')})\s+", re.I),
        "money": re.compile(rf"\b(?:{_alt('money_nouns')})\b", re.I),
        "not_money": re.compile(rf"\b(?:{_alt('not_money_lead')})\b", re.I),
        "from_by": re.compile(r"\b(?:from|by)\s+(?:the\s+|its\s+|an?\s+)?(?:[\w'’.-]+\s+){0,5}?$", re.I),
        "part": re.compile(r"(?:,(?!\d)\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)", re.I),
        "as_did": re.compile(r",\s+as\s+(?:did|have|has)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?$", re.I),
        "joined": re.compile(rf"\b(?:{_alt('joined_words')})\b", re.I),
        "receive": re.compile(rf"\b(?:{_alt('receive_verbs')})\s+(?:(?:a|an|the|its|our|their|his|her)\s+)?"
                              r"(?:[\w$€£.,-]+\s+){0,3}?$", re.I),
        "grant_from": re.compile(r"^\s*(?:\([^()]{1,30}\)\s*)?(?:(?:grant|award|loan|investment)\s+)?"
                                 r"(?:worth\s+[^,;]{1,30}?\s+)?from\s+(?:the\s+)?$", re.I),
        "led_round": re.compile(rf"\s+(?:(?:also|has|have|had|recently|successfully)\s+)?(?:{_alt('round_verbs')})\s+"
                                r"(?:an?|its|our|their|the)\s+[^.;()]{0,80}?\b(?:round|placement|financing|offering|raise|"
                                r"note|notes|tranche)\s+(?:of\s+[^,;.()]{1,40}?\s+)?(?:co-)?led\s+by\s+(?:the\s+)?", re.I),
        "and_next": re.compile(r"\s*(?:,\s*|\s+)and\s+(?:the\s+)?", re.I),
        "share_by": re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{1,4}}?(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+"
                               r"(?:also\s+|partly\s+|fully\s+)?(?:backed|funded|co-funded|financed|co-financed|paid\s+for|"
                               r"covered|supported)\s+by\s+(?:an?\s+|the\s+)?(?:[\w$€£.,-]+\s+){0,3}?"
                               rf"(?:{_alt('grant_nouns')})\s+(?:of\s+[^,;()]{{1,30}}?\s+)?from\s+(?:the\s+)?", re.I),
        "under": re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s*,\s*(?:an?|the)\s+[^,;()]{1,60}?,)?\s*,?\s+under\s+"
                            r"(?:the|its|their)\s+", re.I),
        "field": re.compile(rf"^[ \t]*(?:[-•*·▪]\s*)?(?:{_alt('field_labels')})\s*:\s*", re.I | re.M),
        "heading": re.compile(rf"\b(?:{_alt('heading_labels')})\b\s*[:|–—-]?", re.I),
    }


def funds_posts_grants(text: str, facts: Any) -> None:
    """Add, in place, the FUNDS of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_FUND_POSTS_GRANTS", "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "FUNDS"}
    order = reading_order(ms, FUNDERS)
    new: list[RelationCandidate] = []
    prev: tuple[int, int] | None = None
    for start, end, here in sentences(text, ms, order):
        before, prev = prev, (start, end)  # "The new money follows ...": the round may be the paragraph before's
        if not here:
            continue
        rels = facts.relations + new
        found = _posts(text, ms, here) + _follows(text, ms, here, start, end, rels, before) \
            + _as_did(text, ms, here, start, end, rels) + _named_grant(text, ms, here, start, end, rels) \
            + _led_round(text, ms, here) + _share_by(text, ms, here)
        keep_new("FUNDS", text, ms, found, have, new, start, end, CONF)
        keep_new("FUNDS", text, ms, _under(text, ms, here, start, end, facts.relations + new), have, new, start, end,
                 CONF)
    for src, tgt, a, b in _field_lines(text, ms, order, facts.relations + new):
        keep_new("FUNDS", text, ms, [(src, tgt, "rule:w19-field")], have, new, a, b, CONF)
    facts.relations += new


def _posts(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"A will fund two research assistants at R", "N doctoral scholarships at R are paid for by A"."""
    p = _patterns()
    out: Found = []
    for n in range(len(here) - 1):
        a, b = here[n], here[n + 1]
        gap = text[ms[a].end:ms[b].start]
        if p["posts_active"].match(gap) and not _plan(gap):
            out.append((a, _possessed(text, ms, here, n + 1), "rule:w19-posts"))  # A ... posts at R
        elif p["posts_passive"].match(gap) and p["posts_before"].search(text, max(0, ms[a].start - 90), ms[a].start):
            out.append((b, a, "rule:w19-posts"))  # posts at R are paid for by A
    return out


def _possessed(text: str, ms: Sequence[Any], here: list[int], k: int) -> int:
    """The name a possessive owns ("at the faculty's Precision Farming Laboratory": the laboratory), else ``here[k]``."""
    b = here[k]
    if k + 1 < len(here) and re.fullmatch(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}", text[ms[b].end:ms[here[k + 1]].start]):
        return here[k + 1]
    return b


def _plan(gap: str) -> bool:
    """Is the funding only planned or hoped for ("plans to fund", "would fund", "hopes to pay for")?"""
    return re.search(r"\b(?:plans?|planned|hopes?|wants?|intends?|seeks?|seeking|would|could|might|may|proposes?|"
                     r"asked|asks|offered\s+to|no\s+longer|formerly|previously|stopped|ceased)\b", gap, re.I) is not None


def _follows(text: str, ms: Sequence[Any], here: list[int], start: int, end: int, rels: Sequence[Any],
             prev: tuple[int, int] | None) -> Found:
    """"The round follows a $400,000 grant from A, ..., and a seed investment by B": A and B fund the round's company."""
    p = _patterns()
    hit = p["follows"].search(text, start, end)
    if hit is None:
        return []
    owner = _owner_before(ms, rels, prev) if prev is not None else None
    owner = _round_owner(text, ms, rels, prev, start) if owner is None else owner
    if owner is None:
        return []
    out: Found = []
    for i in here:
        if ms[i].start < hit.end() or ms[i].type not in FUNDERS:
            continue
        seg = _last_part(text, hit.end(), ms[i].start)
        if p["money"].search(seg) and p["from_by"].search(seg) and not p["not_money"].search(seg):
            out.append((i, owner, "rule:w19-follows"))
    return out


def _owner_before(ms: Sequence[Any], rels: Sequence[Any], prev: tuple[int, int]) -> int | None:
    """The one recipient the FUNDS of the sentence before give (the company whose round it announced)."""
    recips = {r.target for r in rels if r.type == "FUNDS" and prev[0] < r.sent_end <= prev[1] + 1}
    return min(recips) if len({_name(ms, t) for t in recips}) == 1 else None


def _last_part(text: str, lo: int, hi: int) -> str:
    """The text before a name back to the last list boundary (", and", " and ", ", ") after ``lo``."""
    seg = text[lo:hi]
    cuts = [m.end() for m in _patterns()["part"].finditer(seg)]
    return seg[cuts[-1]:] if cuts else seg


def _as_did(text: str, ms: Sequence[Any], here: list[int], start: int, end: int, rels: Sequence[Any]) -> Found:
    """"A and B also joined the round, as did C, who ...": C funds the recipient A and B fund."""
    p = _patterns()
    if not p["joined"].search(text, start, end):
        return []
    targets = {r.target for r in rels if r.type == "FUNDS" and start <= r.sent_start < end}
    names = {_name(ms, t) for t in targets}
    if len(names) != 1:
        return []
    tgt = min(targets)
    return [(i, tgt, "rule:w19-as-did") for i in here
            if p["as_did"].search(text, max(start, ms[i].start - 60), ms[i].start) and i != tgt]


def _named_grant(text: str, ms: Sequence[Any], here: list[int], start: int, end: int, rels: Sequence[Any]) -> Found:
    """"We received a Regional Startup Grant from A": the named grant funds the recipient A funds here."""
    p = _patterns()
    out: Found = []
    funded = [(r.source, r.target) for r in rels if r.type == "FUNDS" and start <= r.sent_start < end]
    for n in range(len(here) - 1):
        prog, funder = here[n], here[n + 1]
        if ms[prog].type != "Programme" or ms[prog].source == "anaphor":
            continue
        if not p["receive"].search(text, max(start, ms[prog].start - 60), ms[prog].start):
            continue
        if not p["grant_from"].match(text[ms[prog].end:ms[funder].start]):
            continue
        out += [(prog, tgt, "rule:w19-named-grant") for src, tgt in funded if src == funder and tgt != prog]
    return out


def _led_round(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"We completed a $30 million private placement of common stock led by A (and B)": A (and B) fund the company."""
    p = _patterns()
    out: Found = []
    for n in range(len(here) - 1):
        r, a = here[n], here[n + 1]
        if ms[r].type not in ("Company", "Institute") or not p["led_round"].fullmatch(text, ms[r].end, ms[a].start):
            continue
        out.append((a, r, "rule:w19-led-round"))
        if n + 2 < len(here) and p["and_next"].fullmatch(text, ms[a].end, ms[here[n + 2]].start):
            out.append((here[n + 2], r, "rule:w19-led-round"))  # "co-led by A and B"
    return out


def _share_by(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"..., and X's share is backed by a grant from A": A funds X."""
    return [(here[n + 1], here[n], "rule:w19-share") for n in range(len(here) - 1)
            if _patterns()["share_by"].fullmatch(text, ms[here[n]].end, ms[here[n + 1]].start)]


def _under(text: str, ms: Sequence[Any], here: list[int], start: int, end: int, rels: Sequence[Any]) -> Found:
    """"a grant from A (A), a state agency, under the P": the programme P funds the recipient A funds (annotation
    guidelines: a grant from an agency under a scheme is funding from both)."""
    out: Found = []
    funded = {(r.source, r.target) for r in rels if r.type == "FUNDS" and start <= r.sent_start < end}
    for n in range(len(here) - 1):
        a, prog = here[n], here[n + 1]
        if ms[prog].type != "Programme" or not _patterns()["under"].fullmatch(text, ms[a].end, ms[prog].start):
            continue
        out += [(prog, tgt, "rule:w19-under") for src, tgt in funded if _name(ms, src) == _name(ms, a) and tgt != prog]
    return out


def _field_lines(text: str, ms: Sequence[Any], order: list[int], rels: Sequence[Any]) -> list[tuple[int, int, int, int]]:
    """"- Funded by: A (KSh 400 million), B and C" on a page whose title line names its programme: each funder funds it,
    unless an earlier rule gave the funder a recipient on that line."""
    out: list[tuple[int, int, int, int]] = []
    for hit in _patterns()["field"].finditer(text):
        a = hit.start()
        b = text.find("\n", hit.end())
        b = len(text) if b < 0 else b
        cut = DESCRIPTION.search(text, hit.end(), b)
        stop = cut.start() if cut else b
        funders = [i for i in order if hit.end() <= ms[i].start < stop and ms[i].type != "Person"]
        if not funders:
            continue
        done = {r.source for r in rels if r.type == "FUNDS" and r.sent_start <= ms[funders[0]].start < r.sent_end + 1}
        prog = title_programme(text, ms, order, a)
        if prog is None:
            continue
        out += [(i, prog, a, b) for i in funders if i not in done and _name(ms, i) not in {_name(ms, d) for d in done}]
    return out


def title_programme(text: str, ms: Sequence[Any], order: list[int], pos: int) -> int | None:
    """The programme a heading line above ``pos`` names ("FACT SHEET: P (ACR)", "Programme: P"), the nearest one; none
    when a heading names an organisation first."""
    lines = list(re.finditer(r"[^\n]+", text[:pos]))
    for line in reversed(lines):
        s = line.group(0).strip()
        if len(s.split()) > 14 or s.endswith((".", ";", ",")) or s.startswith(("-", "•", "*")):
            continue
        on = [i for i in order if line.start() <= ms[i].start < line.end() and ms[i].source != "anaphor"]
        if not on:
            continue
        if ms[on[0]].type != "Programme":
            return None
        if _patterns()["heading"].search(s) or s == ms[on[0]].text or len(s.split()) <= len(ms[on[0]].text.split()) + 2:
            return on[0]
    return None
