"""AFFILIATED_WITH in the person-organisation slot of published lines and appositions (issue 14, wave 17; no parse).

Forms learned from published pages (university news, conference programmes, appointments columns, acknowledgements,
contact blocks, author lists): the fields after a name, separated by commas or brackets, name a post, a unit and an
organisation, in any order, and end at the line's end, a bar, a contact, or a clause ("…, who reviewed", "…, said").

* the slot after a person: "Dr A, Department of Informatics, Knossos Technical University, who …", "Contact: A,
  Programme Coordinator, X · mail@x", "A, Cabinet Member for Economy, Y Council", "Moderator: A, X" — every
  organisation of the slot (a unit and its university both, ``docs/annotation.md``) when the slot holds a post, opens
  with a unit, or is a whole line after a label, a bullet or a dash; never with a past word ("formerly of X"), a
  no-post word ("investor", "customer") or a list ("A, X and Y signed");
* an organisation-labelled people line: "• X: A (new chair), B; Dr C." — every person of the line, when the rest of
  the line opens with a person and names no other organisation outside brackets;
* a unit chain: a tie to one end of "X's School of Y", "Department of Y, X", "Department of Y at X" holds for the
  other end too ("Professor A of X's School of Y", "A teaches in the Department of Y at X").

Words: ``data/lexicon/people_slots.json``, title words of ``relation_people_forms``. ``AIKG_PEOPLE_SLOTS=off`` turns the
pass off (for A/B runs).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_people_forms import title_words

ENABLED_ENV = "AIKG_PEOPLE_SLOTS"
ORG_TYPES = frozenset({"Institute", "Company", "Agency"})
CONF = 0.65
MAX_FIELDS = 6  # fields a slot may hold
MAX_TITLE_WORDS = 9
_CONTACT = re.compile(r"^\s*(?:\S+@\S+|https?://\S+|www\.\S+|\+?[\d ()-]{7,})\s*$")
_BULLET = re.compile(r"^\s*(?:[-•*–—·]|\d+[.)])?\s*")
_WORD = re.compile(r"[\w'’&/-]+")
_HONORIFIC = re.compile(r"^\s*(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Dra|Ing)\.?\s+)*$")
_FIELD_END = re.compile(r"[,;()|·\n]|\s[—–]\s|[.](?=\s|$)|:\s")


@dataclass(frozen=True)
class Words:
    """The lexicon's words for the slot forms, read once."""

    units: frozenset[str]
    offices: frozenset[str]
    past: frozenset[str]
    not_post: frozenset[str]
    titles: frozenset[str]
    glue: frozenset[str]
    links: frozenset[str]
    founders: frozenset[str]
    lists: frozenset[str]
    members: frozenset[str]  # "Member", "Councillor": a post word no organisation's name holds
    unit_links: frozenset[str]  # "of", "de", "des": the word after a unit's head ("Faculté des sciences")
    bylines: frozenset[str]  # "by", "written by": a byline's opening words


@lru_cache(maxsize=1)
def _words() -> Words:
    d = lexicon_data("people_slots.json")

    def low(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in d[key])

    return Words(low("unit_words"), low("office_words"), low("past_words"), low("not_post_words"),
                 title_words() | low("more_title_words"), low("title_glue"), low("slot_links"), low("founder_titles"),
                 low("list_openers"), low("post_only_words"), low("unit_links"), low("byline_openers"))


@dataclass
class _Slot:
    orgs: list[int]
    titled: bool = False  # a field names a post
    founder_only: bool = True  # every post word is a founder word
    blocked: bool = False  # a past or no-post word
    end: str = ""  # what closed the slot: "line", "clause", "entry", "list", "other"
    retype: int | None = None  # a name typed Person in the organisation's place
    employer: bool = False  # an organisation (not a unit) closed the post: later names are its address


def people_slots(text: str, facts: Any) -> None:
    """Add, in place, the AFFILIATED_WITH edges of the slot, labelled-line and unit-chain forms to ``facts``."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    names = sorted((i for i, m in enumerate(ms) if _named(m)), key=lambda i: (ms[i].start, -ms[i].end))
    by_start = {}
    for i in names:
        by_start.setdefault(ms[i].start, i)
    have = {(r.source, r.target) for r in facts.relations if r.type == "AFFILIATED_WITH"}
    found: list[tuple[int, int, int, int]] = []
    w = _words()
    for i in names:
        if ms[i].type == "Person":
            ties, retyped = _slot_ties(text, ms, i, by_start, w)
            for k in (names if retyped is not None else ()):
                if ms[k].text == ms[retyped].text:
                    ms[k] = replace(ms[k], type="Company")
            found += [(i, o, a, b) for o, a, b in ties or _block_ties(text, ms, i, by_start, w)]
    found += _labelled_lines(text, ms, names, w)
    _emit(text, facts, found, have)
    _chain(text, facts, by_start, have, w)


def _named(m: Any) -> bool:
    return bool(m.text) and (m.text[0].isupper() or m.text[0].isdigit()) and m.coref is None


def _emit(text: str, facts: Any, found: list[tuple[int, int, int, int]], have: set[tuple[int, int]]) -> None:
    """Append the ties not yet held."""
    for p, o, a, b in found:
        if (p, o) in have:
            continue
        have.add((p, o))
        facts.relations.append(RelationCandidate("AFFILIATED_WITH", p, o, CONF, "rule:person-slot-w17", a, b,
                                                 text[a:b], None))


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return a, len(text) if b < 0 else b


def _slot_ties(text: str, ms: list[Any], p: int, by_start: dict[int, int],
               w: Words) -> tuple[list[tuple[int, int, int]], int | None]:
    """The organisations of the slot after person ``p`` that the slot's form ties to them."""
    start, line_end = ms[p].start, _line_bounds(text, ms[p].start)[1]
    pos = ms[p].end
    rest = text[pos:line_end]
    if not re.match(r"\s*[,(]", rest):
        return [], None
    slot = _read_slot(text, ms, pos, line_end, by_start, w)
    if not slot.orgs or slot.blocked or slot.end == "list":
        return [], None
    first = ms[slot.orgs[0]]
    unit_first = _is_unit(first.text, w)
    bare_line = slot.end == "line" and _line_opener(text, ms, p, by_start)
    if slot.retype is not None:
        same = [i for i in by_start.values() if ms[i].text == ms[slot.retype].text and i != slot.retype]
        if not bare_line or any(ms[i].type != "Person" or _line_opener(text, ms, i, by_start) for i in same):
            return [], None  # the name opens a speaker's entry elsewhere: a person after all
        return ([] if slot.founder_only else [(slot.retype, start, ms[slot.retype].end)]), slot.retype
    if slot.titled and slot.founder_only:
        return [], None  # "- A, co-founder, X": a founder only called a founder gets FOUNDED alone (docs/annotation.md)
    titled = slot.titled
    if not (titled and slot.end in ("line", "clause", "entry") or unit_first and slot.end in ("line", "clause", "entry")
            or bare_line):
        return [], None
    end = max(ms[o].end for o in slot.orgs)
    return [(o, start, end) for o in slot.orgs], None


def _block_ties(text: str, ms: list[Any], p: int, by_start: dict[int, int], w: Words) -> list[tuple[int, int, int]]:
    """A signature or contact block: "Karin Lund" / "Chief Executive" / "Sorvik Robotics Ltd" — the person's line,
    then title or contact lines, then a line that is one organisation's name; a post must be named."""
    a, b = _line_bounds(text, ms[p].start)
    if not _HONORIFIC.match(_BULLET.sub("", text[a:ms[p].start], count=1)):
        return []
    rest = text[ms[p].end:b]
    titled = False
    if rest.strip():
        if not re.match(r"\s*,", rest):
            return []
        slot = _read_slot(text, ms, ms[p].end, b, by_start, w)
        if slot.orgs or slot.blocked or not slot.titled or slot.founder_only or slot.end != "line":
            return []
        titled = True
    for _ in range(3):
        if b >= len(text):
            return []
        a, b = b + 1, _line_bounds(text, b + 1)[1]
        line = text[a:b].strip()
        lead = a + len(text[a:b]) - len(text[a:b].lstrip())
        i = by_start.get(lead)
        if not line:
            return []
        if i is not None and ms[i].type in ORG_TYPES and ms[i].end >= lead + len(line.rstrip(".")):
            return [(i, ms[p].start, ms[i].end)] if titled else []
        if i is None and _CONTACT.match(line):
            continue
        words = _WORD.findall(line)
        if i is not None or not any(t.lower() in w.titles and t.lower() not in w.founders for t in words) \
                or not all(t.lower() in w.titles or t.lower() in w.glue or t[:1].isupper() for t in words):
            return []  # "Co-founder" alone on the title line: FOUNDED alone
        titled = True
    return []


def _read_slot(text: str, ms: list[Any], pos: int, line_end: int, by_start: dict[int, int], w: Words) -> _Slot:
    """Read the fields after a person up to what closes them."""
    slot = _Slot([])
    fields = 0
    while fields < MAX_FIELDS:
        m = re.match(r"[\s,()]*", text[pos:line_end])
        pos += m.end() if m else 0
        if pos >= line_end:
            slot.end = "line"
            return slot
        stop = _FIELD_END.search(text, pos, line_end)
        f_end = stop.start() if stop else line_end
        field = text[pos:f_end]
        if _org_read_as_person(text, field, pos, f_end, line_end, ms, by_start, slot):
            return slot
        kind = _field(field, pos, ms, by_start, slot, w)
        if kind == "stop":
            slot.end = slot.end or _closer(field, w)
            return slot
        fields += 1
        pos = f_end
        if stop is not None and stop.group(0) in (";", "|", "·", ". ", ".") or stop is not None and stop.group(0).strip() in ("—", "–", ":"):
            slot.end = "line"
            return slot
    slot.end = "other"
    return slot


def _org_read_as_person(text: str, field: str, at: int, f_end: int, line_end: int, ms: list[Any],
                        by_start: dict[int, int], slot: _Slot) -> bool:
    """"- A, CTO, Erablière Connectée (Coaticook)": a name typed Person that closes a titled line is its employer."""
    lead = at + len(field) - len(field.lstrip())
    i = by_start.get(lead)
    if i is None or ms[i].type != "Person" or ms[i].end != lead + len(field.strip()) or not slot.titled \
            or slot.orgs or not re.fullmatch(r"\s*(?:\([^)]{1,40}\))?\s*\.?\s*", text[f_end:line_end]):
        return False
    slot.orgs.append(i)
    slot.retype = i
    slot.end = "line"
    return True


def _closer(field: str, w: Words) -> str:
    first = field.strip().split(" ", 1)[0].lower() if field.strip() else ""
    if first in w.lists or field.strip().lower().startswith(tuple(f"{x} " for x in w.lists)):
        return "list"
    if first in ("who", "which", "whose", "where") or first.isalpha() and first == field.strip().split(" ", 1)[0]:
        said = [t.lower() for t in _WORD.findall(field)[:4]]
        return "past" if any(t in w.past for t in said) else "clause"  # "…, who reviewed", "…, who retired in 2020"
    return "other"


def _field(field: str, at: int, ms: list[Any], by_start: dict[int, int], slot: _Slot, w: Words) -> str:
    """Classify one field ("org", "title", "place", "contact", "stop"), recording its organisations in ``slot``."""
    stripped = field.strip()
    if not stripped:
        return "title"
    lead = at + len(field) - len(field.lstrip())
    if _CONTACT.match(field):
        return "contact"
    low = [t.lower() for t in _WORD.findall(stripped)]
    if any(t in w.past for t in low) or any(t in w.not_post for t in low):
        slot.blocked = True
        return "stop"
    orgs, covered = _field_orgs(stripped, lead, ms, by_start, w)
    if orgs is None:
        slot.end = "entry"  # "…, and B, Head of Data, Y": the next person's entry
        return "stop"
    leftover = [t.lower() for t in _WORD.findall(covered)]
    if len(orgs) > 1 and re.search(r"\band\b|&", covered):  # "School of Ocean and Antarctic Computing" split
        return "title" if all(t in ("and", "&", "the") for t in leftover) else "stop"  # neither name is sure
    if orgs and all(t in w.offices or t in w.glue or t in w.links for t in leftover):
        if slot.employer:  # "…, Gbeke Vision SA, Quartier Commerce, Bouake": an address after the employer
            return "place"
        slot.orgs += [o for o in orgs if ms[o].type in ORG_TYPES]
        slot.employer = any(ms[o].type in ORG_TYPES and not _is_unit(ms[o].text, w) for o in orgs)
        return "org" if any(ms[o].type in ORG_TYPES for o in orgs) else "place"
    if not orgs and stripped[:1].isupper() and len(low) <= 3 and not any(t in w.titles for t in low):
        return "place" if len(low) <= 2 else "stop"  # "(Suva)", "Puebla": a town no list knows
    if leftover and len(leftover) <= MAX_TITLE_WORDS and any(t in w.titles for t in leftover) \
            and all(t in w.titles or t in w.glue or t in w.links or t[:1].isupper() for t in _WORD.findall(covered)):
        slot.titled = True
        slot.employer = False  # "…, X, and adjunct professor, Y": a second post opens
        slot.founder_only = slot.founder_only and all(t in w.founders or t not in w.titles or t in w.glue
                                                      for t in leftover)
        held = [o for o in orgs if ms[o].type in ORG_TYPES and _linked(field, ms[o].start - at, w)]
        slot.orgs += held
        slot.employer = any(not _is_unit(ms[o].text, w) for o in held)
        return "title"
    return "stop"


def _field_orgs(field: str, at: int, ms: list[Any], by_start: dict[int, int],
                w: Words) -> tuple[list[int] | None, str]:
    """The mentions inside one field and the field's words outside them; None when a person opens a new entry."""
    out, rest, pos = [], [], 0
    while pos < len(field):
        i = by_start.get(at + pos)
        if i is not None and ms[i].end <= at + len(field) + 1 and not _post_named(ms[i].text, w):
            if ms[i].type == "Person":
                return None, ""
            out.append(i)
            pos = ms[i].end - at
            continue
        rest.append(field[pos])
        pos += 1
    return out, "".join(rest)


def _post_named(name: str, w: Words) -> bool:
    """"Cabinet Member for Economy" read as an organisation: a post, not a body."""
    return any(t.lower() in w.members for t in _WORD.findall(name))


def _linked(field: str, at: int, w: Words) -> bool:
    """"chief technology officer at X": an organisation inside a title field follows a link word."""
    words = _WORD.findall(field[:at])
    return bool(words) and words[-1].lower() in w.links


def _unit_like(name: str, w: Words) -> bool:
    """"School of Computing", "Robotics Institute", "Perception Lab": a unit by its first or last word."""
    words = name.split()
    return _is_unit(name, w) or len(words) > 1 and words[-1].lower() in w.units


def _is_unit(name: str, w: Words) -> bool:
    words = name.split()
    return len(words) > 2 and words[0].lower() in w.units and (words[1].lower() in w.unit_links
                                                               or words[1].lower().startswith(("d'", "d’")))


def _line_opener(text: str, ms: list[Any], p: int, by_start: dict[int, int]) -> bool:
    """The person opens its line's entry: after a bullet, a label ("Moderator:"), a dash, a bar or an honorific."""
    a, _b = _line_bounds(text, ms[p].start)
    before = text[a:ms[p].start]
    opener = _BULLET.sub("", before, count=1)
    if _HONORIFIC.match(opener) or opener.strip().lower() in _words().bylines:
        return True  # "- Dr A, …", "By A, The Valley Ledger | 18 November 2026"
    tail = before.rstrip()
    if tail.endswith((":", "—", "–", " -", "|")):
        head = tail[:-1].rstrip()
        return not any(ms[i].type in ORG_TYPES and ms[i].end == a + len(head) for i in by_start.values())
    return False


def _labelled_lines(text: str, ms: list[Any], names: list[int], w: Words) -> list[tuple[int, int, int, int]]:
    """"• X: A (new chair), B; Dr C.": every person of a line an organisation opens with a colon."""
    out = []
    for o in names:
        m = ms[o]
        if m.type not in ORG_TYPES:
            continue
        a, b = _line_bounds(text, m.start)
        if _BULLET.sub("", text[a:m.start], count=1).strip() or not text[m.end:b].startswith(":"):
            continue
        rest = text[m.end + 1:b]
        inside = [i for i in names if m.end < ms[i].start < b]
        people = [i for i in inside if ms[i].type == "Person"]
        if not people or not _HONORIFIC.match(text[m.end + 1:ms[people[0]].start]):
            continue
        low = [t.lower() for t in _WORD.findall(rest)]
        if any(t in w.not_post for t in low) or any(_outside_brackets(text, m.end, ms[i].start)
                                                    and not _after_past(text, m.end, ms[i].start, w)
                                                    for i in inside if ms[i].type in ORG_TYPES):
            continue
        out += [(p, o, a, b) for p in people if not _past_aside(text, ms[p].end, b, w)]
    return out


def _outside_brackets(text: str, a: int, at: int) -> bool:
    seg = text[a:at]
    return seg.count("(") <= seg.count(")")


def _after_past(text: str, a: int, at: int, w: Words) -> bool:
    """"…; A (new chair), a former mayor of Y; …": an organisation in an aside about a past post."""
    field = re.split(r"[,;(]", text[a:at])[-1]
    return any(t.lower() in w.past for t in _WORD.findall(field))


def _past_aside(text: str, at: int, b: int, w: Words) -> bool:
    """"A (former chair)": a bracket right after the person that states the post as past."""
    m = re.match(r"\s*\(([^)]{0,60})\)", text[at:b])
    return bool(m) and any(t.lower() in w.past for t in _WORD.findall(m.group(1)))


def _chain(text: str, facts: Any, by_start: dict[int, int], have: set[tuple[int, int]], w: Words) -> None:
    """A tie to one end of a unit chain ("X's School of Y", "Department of Y, X", "… of Y at X") holds for the other."""
    ms = facts.mentions
    ends = {i: ms[i].end for i in by_start.values()}
    extra = []
    for r in list(facts.relations):
        if r.type != "AFFILIATED_WITH" or ms[r.target].type not in ORG_TYPES or not _named(ms[r.target]):
            continue
        for other in _chained(text, ms, r.target, by_start, ends, w):
            if (r.source, other) not in have:
                have.add((r.source, other))
                extra.append(RelationCandidate("AFFILIATED_WITH", r.source, other, CONF, "rule:person-unit-chain-w17",
                                               r.sent_start, r.sent_end, r.sentence, r.page))
    facts.relations.extend(extra)


def _chained(text: str, ms: list[Any], t: int, by_start: dict[int, int], ends: dict[int, int], w: Words) -> list[int]:
    """The organisations joined to mention ``t`` by a possessive or a unit link."""
    out = []
    after = text[ms[t].end:ms[t].end + 12]
    m = re.match(r"(?:'s|’s|'|’)\s+", after)
    if m:  # "X's School of Y": any organisation right after the possessive
        i = by_start.get(ms[t].end + m.end())
        if i is not None and ms[i].type in ORG_TYPES and _unit_like(ms[i].text, w):
            out.append(i)
    m = re.match(r"(?:,\s+|\s+(?:at|of|in|within)\s+(?:the\s+)?)", after)
    if m and _is_unit(ms[t].text, w):  # "Department of Y, X" / "Department of Y at X"
        i = by_start.get(ms[t].end + m.end())
        if i is not None and ms[i].type in ORG_TYPES and not _is_unit(ms[i].text, w):
            out.append(i)
    for i, e in ends.items():  # the reverse: a tie to X reaches the unit before it
        if i == t or ms[i].type not in ORG_TYPES:
            continue
        gap = text[e:ms[t].start]
        if e <= ms[t].start and len(gap) <= 12 and _is_unit(ms[i].text, w) and not _is_unit(ms[t].text, w) \
                and re.fullmatch(r"(?:,\s+|\s+(?:at|of|in|within)\s+(?:the\s+)?)", gap):
            out.append(i)
    for i in by_start.values():  # "X's Unit": a tie to the unit reaches X (not "Halden Group's Kestrel")
        if ms[i].type in ORG_TYPES and ms[i].end < ms[t].start and _unit_like(ms[t].text, w) and re.fullmatch(r"(?:'s|’s|'|’)\s+",
                                                                             text[ms[i].end:ms[t].start]):
            out.append(i)
    return out
