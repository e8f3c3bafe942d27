"""Relations stated by a page's structure: the page's subject, and the names listed under its headings (issue 14).

Members pages, partner walls and programme fact sheets state their relations by layout, not in sentences:

* ``Founding members`` / ``Chuo Kikuu A`` / ``Industry members`` / ``B Ltd`` on the page of a consortium: every name
  under a members heading is MEMBER_OF the page's organisation; ``Our partners`` / ``A`` / ``B`` PARTNERS_WITH it;
  ``Supported by`` / ``A`` FUNDS it; ``Delivered by`` / ``A`` RUNS it (a programme). A category sub-heading
  ("Academic and research members", "Public-sector members") keeps the section open; any other heading closes it.
  A heading that names its owner ("Members of the Lake Region Network") ties the names to that owner.
* The page's subject when no rule knew it: the organisation the first prose sentence opens with ("The Lake Zone
  AI Consortium (MAKAZI) brings together ...") when the page's header lines (title, breadcrumb, "FACT SHEET | X")
  name it too. A government letterhead on the first line ("Gobierno del Estado de X" over the programme's fact
  sheet) is the publisher, not the subject: the section, field and table readings made with it as the page's
  organisation are taken back and read again with the subject ("Funded by: A; B", "Recipient | Based in").

Headings that list no tie give nothing: customers, speakers, event sponsors ("Sponsors of the 2026 summit"),
"Related news", "Other initiatives", "Past members", "Contact", a steering committee or a team (``stop_words``).
Word lists: ``data/lexicon/page_sections.json``; the section words of ``relations.json`` are the existing readers'
(``relation_membership``, ``relation_lines``, ``context``). ``AIKG_PAGE_SECTIONS=off`` turns the module off.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.context import doc_subject, group_lists, infobox_fields
from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_lines import line_relations
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_membership import SectionWords, section_lists
from aikg.ingest.nlp.relation_people_published import PublishedWords, published_people
from aikg.ingest.nlp.relation_types import allowed

ENABLED_ENV = "AIKG_PAGE_SECTIONS"
CONF = 0.7
ORG_TYPES = ("Institute", "Company", "Agency", "Programme")
HEAD_WORDS = 8  # a heading is a short line without a final stop
ITEM_WORDS = 14  # a list line is short: a name, a bracket, a short description
#: readings that take the page's organisation as one end: taken back when it was a letterhead's publisher
OWNER_METHODS = frozenset({"rule:member-section", "rule:member-list", "rule:infobox-field", "rule:line-table",
                           "rule:line-field", "rule:line-opener"})
_BULLET = re.compile(r"^\s*(?:[-•*–▪·◦]|\d{1,2}[.)])\s+")
_WORDS = re.compile(r"[a-z][a-z&-]*")
_LATIN = re.compile(r"[A-Za-z]")
_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?([A-Z][A-Za-z -]{2,40}):\s+(\S.*)$")
#: what may follow a listed name on its line: nothing, a bracket, or a short description after a dash or colon
_ITEM_TAIL = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?(?:$|[,:;|—–]\s|\s[-—–]\s|\.$)")

Rel = tuple[str, int, int, int, int, str]


@lru_cache(maxsize=1)
def _lex() -> Mapping[str, Any]:
    return lexicon_data("page_sections.json")


@lru_cache(maxsize=1)
def _relation_words() -> tuple[SectionWords, dict[str, dict[str, str]], dict[str, dict[str, Any]], PublishedWords]:
    """The existing readers' words (``relations.json``): section lists, group nouns, infobox fields, people lines."""
    rel = lexicon_data("relations.json")
    people = PublishedWords.load(frozenset(rel.get("role_nouns", ())), frozenset(rel.get("founder_titles", ())))
    return SectionWords(rel), dict(rel.get("group_nouns", {})), dict(rel.get("infobox_fields", {})), people


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    w = _lex()
    return {k: frozenset(x.lower() for x in w[k]) for k in ("stop_words", "category_words", "non_names",
                                                            "subject_openers", "letterhead_types")}


def page_sections(text: str, facts: Any) -> None:
    """Add, in place, the relations of the page's sections (module docstring) to ``facts``."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    old = doc_subject(text, ms)
    subject = page_subject(text, ms)
    letterhead = old is not None and subject is not None and _name(ms, old) != _name(ms, subject) \
        and _letterhead(text, ms, old)
    if letterhead:
        owner = subject
    elif old is not None:
        owner = old
    else:
        owner = subject
    found: list[Rel] = []
    if subject is not None and (old is None or letterhead):
        found += _reread(text, ms, subject)
    runner = _runner(facts.relations, ms, owner)
    blocks = section_blocks(text, ms, owner, runner)
    led = {_name(ms, s): s for t, s, o, *_ in blocks if t == "RUNS" and o == owner}
    if runner is None and len(led) == 1:  # "Lead agency: L" on the sheet runs it: "Delivery partners: A" are L's
        blocks = section_blocks(text, ms, owner, next(iter(led.values())))
    found += [(t, s, o, a, b, "rule:page-sections") for t, s, o, a, b in blocks]
    facts.relations = [r for r in facts.relations if not (  # "Members of the X Network" over a list on Y's page
        r.method == "rule:member-section" and r.type == "MEMBER_OF" and _foreign_heading(text, r.sent_start, ms, r.target))]
    key = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    if letterhead:
        again = {(t, _name(ms, s), _name(ms, o)) for t, s, o, *_ in found}
        gone = _name(ms, old)
        facts.relations = [r for r in facts.relations if not (
            r.method in OWNER_METHODS and gone in (_name(ms, r.source), _name(ms, r.target))
            and (r.type, _name(ms, r.source), _name(ms, r.target)) not in again)]
        key = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    for t, s, o, a, b, method in found:
        k = (t, _name(ms, s), _name(ms, o))
        if k in key or k[1] == k[2] or allowed([t], ms[s].type, ms[o].type) is None:
            continue
        key.add(k)
        facts.relations.append(RelationCandidate(t, s, o, CONF, method, a, b, text[a:b], None))


# ------------------------------------------------------------------ the page's subject
def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _prose(line: str) -> bool:
    """A line of running text: enough words and a sentence's stop."""
    return len(line.split()) >= int(_lex()["prose_min_words"]) and bool(re.search(r"[.!?](?:\s|$)", line))


def page_subject(text: str, ms: Sequence[Any]) -> int | None:
    """The organisation the page's first prose sentence opens with ("The X (ACR) brings together ..."), when the
    header lines above it (title, breadcrumb, "FACT SHEET | X", "What is the X?") name it as well."""
    header_end = None
    for k, (a, b) in enumerate(_lines(text)):
        if k >= int(_lex()["header_lines"]) or a > int(_lex()["header_chars"]):
            return None
        line = text[a:b]
        if _prose(line):
            header_end = a
            break
    if not header_end:
        return None
    lead = re.match(r"\s*(?:(\w+)\s+)?", text[header_end:header_end + 40])
    after = [i for i, m in enumerate(ms) if m.start >= header_end and m.source != "anaphor"]
    first = min(after, key=lambda i: (ms[i].start, -ms[i].end)) if after else None
    if first is None or ms[first].type not in ORG_TYPES:
        return None
    gap = text[header_end:ms[first].start].strip().lower()
    if gap and (gap not in _sets()["subject_openers"] or lead is None):
        return None
    header = text[:header_end]
    canon = _name(ms, first)
    names = {m.text for m in ms if m.source != "anaphor" and m.canonical == canon} | {ms[first].text}
    if any(re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", header) for n in names if len(n) >= 3):
        return first
    return None


def _letterhead(text: str, ms: Sequence[Any], old: int) -> bool:
    """The organisation the first line names is a publisher's letterhead (a government body over its programme's
    page), not the page's subject."""
    first = text.lstrip().split("\n", 1)[0].strip().lower()
    return ms[old].type in {t.capitalize() for t in _sets()["letterhead_types"]} and first.startswith(ms[old].text.lower())


def _reread(text: str, ms: Sequence[Any], owner: int) -> list[Rel]:
    """The readings of the existing section, list, field and table readers with the page's subject as its owner."""
    words, groups, fields, people = _relation_words()
    out: list[Rel] = [(t, s, o, a, b, "rule:member-section") for t, s, o, a, b in section_lists(text, 0, ms, owner, words)
                      if not _foreign_heading(text, a, ms, owner)]
    out += [(t, s, o, a, b, "rule:member-list") for t, s, o, a, b in group_lists(text, 0, ms, owner, groups)]
    out += [(t, s, o, a, b, "rule:infobox-field") for t, s, o, a, b in infobox_fields(text, 0, ms, owner, fields)]
    out += list(line_relations(text, 0, ms, owner))
    out += list(published_people(text, 0, ms, owner, people))  # "Steering committee" / "A (chair), Org"
    return out


# ------------------------------------------------------------------ names under a role heading
def role_of(words: Sequence[str]) -> dict[str, str] | None:
    """The relation a heading's words give the names under it: a role phrase ("supported by", "delivered by"),
    else its last role word ("Founding members", "Our partners"); none with a stop word ("Past members",
    "Sponsors of the 2026 summit", "Our customers")."""
    if not words or any(w in _sets()["stop_words"] for w in words):
        return None
    joined = " ".join(words)
    for phrase, spec in _lex()["role_phrases"].items():
        if re.search(r"(?:^| )" + re.escape(phrase) + r"$", joined):
            return spec
    if words[-1] in ("with", "for", "to", "from", "by", "of"):
        return None  # "The cohort has partnered with:", "Teams in the cohort buy from:": the list is the object
    for w in reversed(words):
        spec = _lex()["roles"].get(w)
        if spec is not None:
            k = words.index(w)
            if k > 0 and words[k - 1] in ("by", "for", "to", "with", "from"):
                return None  # "Services for members": the members are not the list
            return spec
    return None


def _category(words: Sequence[str]) -> bool:
    return bool(words) and all(w in _sets()["category_words"] for w in words)


def _heading(line: str) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= HEAD_WORDS and not s.endswith((".", "!", ";", ",")) and not _BULLET.match(line) \
        and "|" not in s and ":" not in s.rstrip(":")


def _foreign_heading(text: str, a: int, ms: Sequence[Any], owner: int) -> bool:
    """"Members of the Brakeley Robotics Network" over a list on another organisation's page: the heading at ``a``
    names its own owner after its role word, and that owner is not the page's."""
    end = text.find("\n", a)
    line = text[a:end if end >= 0 else len(text)]
    if len(line.split()) > HEAD_WORDS:
        return False
    roles = "|".join(re.escape(w) for w in _lex()["roles"])
    hit = re.search(rf"\b(?:{roles})\s+of\s+(?:the\s+)?[A-Z]", line, re.I)
    return hit is not None and _name(ms, owner) not in line and ms[owner].text not in line


def _owner_named(line: str, a: int, ms: Sequence[Any], orgs: list[int]) -> int | None:
    """"Members of the Lake Region AI Network", "Lake Region AI Network members": an organisation a heading names owns
    its list."""
    inside = [i for i in orgs if a <= ms[i].start < a + len(line)]
    return inside[0] if inside else None  # "Members of the X Network", "X Network members"


def _runner(relations: Sequence[Any], ms: Sequence[Any], owner: int | None) -> int | None:
    """The one organisation that runs the page's programme ("Lead agency: X", "X leads the programme")."""
    if owner is None or ms[owner].type != "Programme":
        return None
    own = _name(ms, owner)
    runs = {_name(ms, r.source): r.source for r in relations if r.type == "RUNS" and _name(ms, r.target) == own}
    return next(iter(runs.values())) if len(runs) == 1 else None


def _label(line: str, a: int, ms: Sequence[Any], orgs: list[int], owner: int | None,
           runner: int | None) -> list[tuple[str, int, int, int, int]]:
    """"Delivery partners: A; B; C" on a programme's sheet (partners of its runner), "Supporters: A, B"."""
    m = _LABEL.match(line)
    if m is None or owner is None:
        return []
    spec = role_of(_WORDS.findall(m.group(1).lower()))
    if spec is None or spec["rel"] not in ("PARTNERS_WITH", "RUNS"):
        return []  # member and funder labels are relation_membership's ("Participants:" in a round's fact box)
    own = owner
    if spec["rel"] == "PARTNERS_WITH" and ms[owner].type == "Programme":
        own = runner  # partners of a programme are its runner's (docs/annotation.md)
    if own is None or not _owner_fits(spec, ms[own].type):
        return []
    vb = a + len(line)
    out = []
    for i in orgs:
        if not a + m.start(2) <= ms[i].start < vb:
            continue
        before = line[m.start(2):ms[i].start - a]
        if before.count("(") == before.count(")") and not re.search(r"\b(?:of|at|with|for|to|than|by)\s+(?:the\s+)?$", before):
            out.append(_rel(spec, i, own, a, vb))
    return out


def section_blocks(text: str, ms: Sequence[Any], owner: int | None,
                   runner: int | None = None) -> list[tuple[str, int, int, int, int]]:
    """(type, source, target, evidence start, evidence end) of every name listed under a role heading or after a
    role label."""
    orgs = sorted((i for i, m in enumerate(ms) if m.type in ORG_TYPES and m.source != "anaphor"),
                  key=lambda i: ms[i].start)
    out: list[tuple[str, int, int, int, int]] = []
    section: tuple[dict[str, str], int, int] | None = None  # (spec, owner, heading start)
    for a, b in _lines(text):
        line = text[a:b]
        if not line.strip() or not _LATIN.search(line):
            continue  # a blank line after a heading; a native-script name under the item above ("安平海洋科技研究所")
        words = _WORDS.findall(line.lower())
        item = _item(line, a, ms, orgs) if section is not None else None
        if item is not None:
            spec, own, start = section
            out.append(_rel(spec, item, own, start, b))
            continue
        if _heading(line):
            spec = role_of(_WORDS.findall(_outside_names(line, a, ms, orgs).lower()))
            if spec is not None and section is not None and section[0]["rel"] == "MEMBER_OF":
                spec = section[0]  # "Founding members" / ... / "Industry partners": a tier of the same members list
            if spec is not None:
                own = _owner_named(line, a, ms, orgs)
                if own is None and owner is not None and not _foreign_heading(text, a, ms, owner):
                    own = owner
                if own is not None and spec["rel"] == "PARTNERS_WITH" and ms[own].type == "Programme":
                    own = runner  # "Delivery partners" over a list on a programme's page: its runner's partners
                section = (spec, own, a) if own is not None and _owner_fits(spec, ms[own].type) else None
            elif section is None or set(words) & _sets()["stop_words"] or not (_category(words) or _name_line(line)):
                section = None  # an item the entity pass missed ("Ukerewe Solar Co-operative (Nansio)") keeps it open
            continue
        section = None
        out += _label(line, a, ms, orgs, owner, runner)
    return [r for r in out if _name(ms, r[1]) != _name(ms, r[2])]


def _outside_names(line: str, a: int, ms: Sequence[Any], orgs: list[int]) -> str:
    """The line with the organisations read in it blanked: a role word inside a name is no role ("Panel chaired by
    the Orrin Members Network" lists no members)."""
    chars = list(line)
    for i in orgs:
        lo, hi = max(ms[i].start - a, 0), min(ms[i].end - a, len(line))
        if lo < hi:
            chars[lo:hi] = " " * (hi - lo)
    return "".join(chars)


def _name_line(line: str) -> bool:
    """A short line that opens with a capitalised word and ends without a stop: a list item, read or not."""
    s = line.strip()
    return bool(re.match(r"[A-Z0-9]", s)) and len(s.split()) <= ITEM_WORDS and not s.endswith((".", "?", "!", ":"))


def _owner_fits(spec: Mapping[str, str], typ: str) -> bool:
    return typ in _lex()["role_owner_types"].get(spec["rel"], ORG_TYPES)


def _rel(spec: Mapping[str, str], item: int, owner: int, a: int, b: int) -> tuple[str, int, int, int, int]:
    if spec["member"] == "src":
        return (spec["rel"], item, owner, a, b)
    return (spec["rel"], owner, item, a, b)


def _item(line: str, a: int, ms: Sequence[Any], orgs: list[int]) -> int | None:
    """The organisation a list line is: its name opens the line (after a bullet or "the") and only a bracket or a
    short description follows ("Kagera Research Station (Bukoba)", "- A — data partner"); else None."""
    if len(line.split()) > ITEM_WORDS:
        return None
    bullet = _BULLET.match(line)
    lead = bullet.end() if bullet else len(line) - len(line.lstrip())
    the = re.match(r"(?:the|The)\s+", line[lead:])
    lead += the.end() if the else 0
    first = next((i for i in orgs if ms[i].start == a + lead), None)
    if first is None:
        return None
    rest = line[ms[first].end - a:]
    if line[lead:ms[first].end - a].strip().lower() in _sets()["non_names"]:
        return None
    return first if _ITEM_TAIL.match(rest) else None
