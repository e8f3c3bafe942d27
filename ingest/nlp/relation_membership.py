"""Membership and funding stated by the layout of a page: a list introduced by a group word.

Consortium member pages, accelerator cohort pages, programme fact sheets and grant announcements list
their members, participants, selected companies, recipients or funders under a heading or after an
introducing sentence that ends in a colon, often with category headings in between:

* "Members" / "Technology companies" / "Universities and research organisations" / "- Cornell University";
* "Among the first participants are:" / "- Kestrel Agronomics (Brandon), which ...";
* "In 2024 the programme's users included:" / "- Murtal Gussteile (Judenburg), ...";
* "Selected in the first call (March 2026)" / "- Peranakan Labs, a Singapore start-up ...";
* "Grant recipients" / "- A" (FUNDS from the page's organisation), "Funded by:" / "- Y" (FUNDS to it);
* a label line "Participants: A, B and C." (every organisation on the line).

Each list item's first organisation takes the group word's relation (``group_nouns`` and
``section_lists.words`` in ``data/lexicon/relations.json``) with the owner: an organisation named on the
introducing line ("NOAC's partners include:"), else the page's organisation (``context.doc_subject``),
else the organisation a fact sheet names on one of its first lines ("FACT SHEET" / "Prairie Compute
Access Programme (PCAP)") and names again in the body. A category heading ("Industry", "Academic
members", "Foundations") keeps the section open; any other heading closes it. A heading or intro that
denies or ends membership ("Former members", "Not members", "Applicants") opens nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Mapping, Sequence

ORG_TYPES = ("Institute", "Company", "Agency", "Programme")
_BULLET = re.compile(r"^\s*(?:[-•*–▪·]|\d+[.)])\s+")
_LABEL = re.compile(r"^\s*([A-Z][A-Za-z -]{2,40}):\s+(\S.*)$")
#: a label naming its group's owner: "Members of the Solent Maritime AI Alliance: A, B and C"
_OWNED_LABEL = re.compile(r"^\s*[-•*]?\s*(?:(?:Current|Founding|Full|Associate|New)\s+)?(Members|Participants|Signatories)\s+"
                          r"of\s+(?:the\s+)?([A-Z][^:]{2,80}?):\s+(\S.*)$")
HEAD_WORDS = 8  # a heading is a short line without a final full stop
ITEM_LEAD = 40  # characters of description a list item may put before its organisation's name
TITLE_LINES = 3  # the lines a fact sheet's title may sit on ("FACT SHEET" / name / issuer)

Rel = tuple[str, int, int, int, int]


class SectionWords:
    """The word sets of this module (``section_lists`` and ``group_nouns`` in relations.json)."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        spec = relations.get("section_lists", {})
        self.groups: dict[str, dict[str, str]] = dict(relations.get("group_nouns", {}))
        self.words: dict[str, dict[str, Any]] = {k.lower(): v for k, v in spec.get("words", {}).items()}
        self.categories = frozenset(w.lower() for w in spec.get("category_words", ()))
        self.stops = frozenset(w.lower() for w in spec.get("stop_words", ()))
        self.labels = frozenset(w.lower() for w in spec.get("label_words", ()))
        self.phrases: list[tuple[tuple[str, ...], dict[str, Any]]] = [
            (tuple(k.lower().split()), v) for k, v in spec.get("phrases", {}).items()]

    def group(self, words: Sequence[str]) -> dict[str, Any] | None:
        """The relation a heading or an intro line gives its list: a phrase ("funded by"), else the last group
        word; a word that asks for a context word ("users" of a programme) needs it on the line."""
        if any(w in self.stops for w in words):
            return None
        for phrase, spec in self.phrases:  # "Funded by" / "- Y" (the list funds the owner); not "the firms funded
            n = len(phrase)                  # by the scheme are:" (a "last" phrase must end its line)
            ks = [k for k in range(len(words) - n + 1) if tuple(words[k:k + n]) == phrase]
            if ks and (not spec.get("last") or ks[-1] + n == len(words)):
                return spec
        if words and words[-1] in _OBJECT_PREPS:
            return None  # "The cohort has partnered with:", "Teams in the cohort buy from:": the list is the object
        best: dict[str, Any] | None = None
        for k in range(len(words) - 1, -1, -1):  # the last group word, unless an earlier one ranks higher ("Funded projects (2026 intake)")
            w = words[k]
            if prep_object(words, k):
                continue  # "Cloud providers used by participants": the participants are not the list
            spec = self.words.get(w) or self.groups.get(w) or (self.groups.get(w[:-1]) if w.endswith("s") else None)
            if spec is not None and (not spec.get("needs") or any(x in words for x in spec["needs"])):
                if best is None or spec.get("rank", 0) > best.get("rank", 0):
                    best = spec
        return best

    def category(self, words: Sequence[str]) -> bool:
        """A sub-heading that sorts the members ("Technology companies", "Universities and research organisations")."""
        return bool(words) and all(w in self.categories for w in words)


#: words before a group word that make it a preposition's object, not the heading's head
_OBJECT_PREPS = frozenset({"by", "for", "to", "with", "from"})


def prep_object(words: Sequence[str], k: int) -> bool:
    """"used by participants", "services for the members": the group word follows a preposition."""
    j = k - 1
    while j >= 0 and words[j] in ("the", "our", "its", "their", "all"):
        j -= 1
    return j >= 0 and words[j] in _OBJECT_PREPS


def title_owner(text: str, mentions: Sequence[Any]) -> int | None:
    """The organisation a page's first lines name and its body names again (a fact sheet's title under
    "FACT SHEET", "Straits Compute Commons: shared GPU capacity ...")."""
    lines = [m for m in re.finditer(r"[^\n]+", text[:600]) if m.group(0).strip()][:TITLE_LINES]
    if not lines:
        return None
    body = lines[-1].end()
    for line in lines:
        for i, m in enumerate(mentions):
            if m.type in ORG_TYPES and m.source != "anaphor" and line.start() <= m.start < line.end():
                again = any(n.canonical == m.canonical and n.start > body for n in mentions)
                if again:
                    return i
    return None


def _resolve(mentions: Sequence[Any], i: int) -> int:
    seen = 0
    while mentions[i].coref is not None and seen < 5:
        i, seen = mentions[i].coref, seen + 1
    return i


def _fits(spec: dict[str, Any], owner: int | None, mentions: Sequence[Any], alt: int | None = None) -> int | None:
    """The owner when its type may own this group ("cohort", "selected": a programme or an institution, never
    the agency that runs it); else ``alt``, the organisation of the page's title, when it may ("Atlas AI
    Launchpad: 2026 cohort announced" published by an agency)."""
    if owner is None or not spec.get("owners") or mentions[owner].type in spec["owners"]:
        return owner
    if alt is not None and alt != owner and mentions[alt].type in spec["owners"]:
        return alt
    return None


def _rel(spec: dict[str, str], item: int, owner: int, a: int, b: int) -> Rel:
    if spec["member"] == "src":
        return (spec["rel"], item, owner, a, b)
    return (spec["rel"], owner, item, a, b)


def section_lists(text: str, off: int, mentions: Sequence[Any], owner: int | None, words: SectionWords) -> list[Rel]:
    """(relation type, source, target, evidence start, evidence end) for every list a group word introduces."""
    if not words.words and not words.groups:
        return []
    titled = title_owner(text, mentions) if off == 0 else None
    if owner is None:
        owner = titled
    orgs = sorted((m.start, i) for i, m in enumerate(mentions) if m.type in ORG_TYPES)
    out: list[Rel] = []
    section: tuple[dict[str, str], int | None, int] | None = None  # (spec, owner, evidence start)
    pos = off
    block = False  # the line before opened a section or was one of its items (no blank line between)
    round_box = False  # "The round" / "Series A: US$9 million" / "Lead: X" above: "Participants:" are investors
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            block = round_box = False
            continue
        round_box = round_box or bool(_ROUND_LINE.match(line))
        bullet = _BULLET.match(line)
        low = re.findall(r"[a-z][a-z-]*", line.lower())
        if bullet:
            if section is not None and section[1] is not None:
                item = _item(line, start, bullet.end(), orgs)
                if item is not None:
                    item = _resolve(mentions, item)
                    out.append(_rel(section[0], item, section[1], section[2], end))
            continue
        if section is not None and section[1] is not None:
            listed = _org_list(line, start, orgs, mentions, words)  # "Members (4)" / "A, B, C and D." or "Universities: A, B"
            if listed:
                out.extend(_rel(section[0], _resolve(mentions, i), section[1], section[2], end) for i in listed)
                continue
        if block and _plain_line(line, start, end, low, section, orgs, mentions, words, out):
            continue  # "Among the first cohort are:" / "Pahilo Data (Kathmandu)" (no bullet)
        block = False
        stripped = line.strip()
        heading = len(low) <= HEAD_WORDS and not stripped.endswith((".", "!", ";"))
        intro = stripped.endswith(":")
        if heading or intro:
            spec = words.group(_outside_names(line, start, end, orgs, mentions))
            kept = heading and section is not None and words.category(low)  # "Clinical members" under "Our members"
            if spec is not None:
                section = _open(spec, line, start, end, low, orgs, mentions, owner, titled, words)
            elif not kept:
                section = None
            block = spec is not None or bool(kept)
            if spec is None and not intro:
                out.extend(_round_kept(_label_line(line, start, end, orgs, mentions, owner, words), round_box))
            continue
        out.extend(_round_kept(_label_line(line, start, end, orgs, mentions, owner, words), round_box))
    return [r for r in out if r[1] != r[2]]


def _outside_names(line: str, start: int, end: int, orgs: list[tuple[int, int]], mentions: Sequence[Any]) -> list[str]:
    """The line's words outside its organisations' names: "Chair: A, Programme Manager, Nomad Founders Programme"
    has no group word ("Founders" is the programme's name, not a list of founders)."""
    chars = list(line.lower())
    for s, i in orgs[bisect_left(orgs, (start, -1)):]:
        if s >= end:
            break
        if mentions[i].source == "anaphor":
            continue  # "the programme's users included:": a reference, not a name
        for k in range(s - start, min(mentions[i].end, end) - start):
            chars[k] = " "
    return re.findall(r"[a-z][a-z-]*", "".join(chars))


#: a line of a round's fact box: "The round", "Series A: US$9 million", "Seed round: €2m", "Lead: X", "Lead investor: X"
_ROUND_LINE = re.compile(r"\s*(?:[-•*]\s*)?(?:the\s+)?(?:round\b|series\s+[a-z]\b|seed\s+round\b|pre-seed\b|"
                         r"(?:co-)?leads?(?:\s+investors?)?\s*:)", re.I)


def _round_kept(rels: list[Rel], round_box: bool) -> list[Rel]:
    """A label line in a round's fact box ("Participants: A, B") lists the round's investors, not members."""
    return [r for r in rels if not (round_box and r[0] == "MEMBER_OF")]


def _open(spec: dict[str, Any], line: str, start: int, end: int, low: Sequence[str], orgs: list[tuple[int, int]],
          mentions: Sequence[Any], owner: int | None, titled: int | None,
          words: SectionWords) -> tuple[dict[str, Any], int | None, int] | None:
    """The section a heading or an intro line opens: its relation, its owner and where its evidence starts."""
    named = [_resolve(mentions, i) for s, i in orgs[bisect_left(orgs, (start, -1)):] if s < end]
    of = _group_of(line, start, low, orgs, words)  # "the cohort of P, run by R:": P, not R
    if spec.get("named"):  # "X is a full member of these associations:" / "- A": X is the member
        if not named:
            return None
        of, named = None, named[:1]
    return (spec, _fits(spec, of if of is not None else named[-1] if named else owner, mentions,
                        None if of is not None or named else titled), start)


_LIST_GAP = re.compile(r"\s*(?:,|;|,?\s+and|&)\s+(?:the\s+)?")
#: a list item that looks like a name: capitalised words, no sentence inside ("Pellan AI", "Varda Systems GmbH")
_NAME_ITEM = re.compile(r"[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|de|for|and the)){0,5}(?=\s*(?:,|;|\s+and\s|&|\.?\s*$))")


def _org_list(line: str, start: int, orgs: list[tuple[int, int]], mentions: Sequence[Any],
              words: SectionWords) -> list[int]:
    """The organisations of a line that is nothing but a list of them ("A, B, C and D."), optionally after a
    category label ("Universities: A, B"); empty for any other line."""
    body = 0
    lab = _LABEL.match(line)
    if lab is not None:
        if not words.category(re.findall(r"[a-z][a-z-]*", lab.group(1).lower())):
            return []
        body = lab.start(2)
    lead = re.match(r"\s*(?:the\s+)?", line[body:])
    pos = body + lead.end()
    found: list[int] = []
    unnamed = 0  # items that look like names but are no mention ("Pellan AI" the entity pass missed)
    at = {s: i for s, i in orgs[bisect_left(orgs, (start + pos, -1)):bisect_left(orgs, (start + len(line), -1))]}
    while pos < len(line):
        i = at.get(start + pos)
        if i is not None:
            found.append(i)
            pos = mentions[i].end - start
        else:
            name = _NAME_ITEM.match(line, pos)
            if name is None:
                return []
            unnamed += 1
            pos = name.end()
        gap = _LIST_GAP.match(line, pos)
        if gap is None:
            break
        pos = gap.end()
    if len(found) < 2 * unnamed or not found:
        return []  # mostly names we cannot read: not a members line we trust
    return found if re.fullmatch(r"[\s.]*", line[pos:]) else []


def _group_of(line: str, start: int, low: Sequence[str], orgs: list[tuple[int, int]], words: SectionWords) -> int | None:
    """The organisation named right after a group word and "of" on an intro line ("Teams from the current cohort of
    the Kilbride Accelerator, run by the Moshi incubator Uhuru Labs:", "Members of the X Network, hosted by Y:")."""
    for w in low:
        if not (w in words.words or w in words.groups or w.endswith("s") and w[:-1] in words.groups):
            continue
        m = re.search(r"\b" + re.escape(w) + r"\s+(?:of|in)\s+(?:the\s+)?", line, re.IGNORECASE)
        if m is None:
            continue
        at = bisect_left(orgs, (start + m.end(), -1))
        if at < len(orgs) and orgs[at][0] == start + m.end():
            return orgs[at][1]
    return None


#: what a list line without a bullet may say after its organisation: a bracket, ", a Salto start-up", ", based in
#: Butwal", " of Pokhara", ", Paysandú" (no sentence: no verb of its own, few words)
_PLAIN_TAIL = re.compile(r"\s*(?:$|\(|,\s*(?:an?\s|the\s|based\s|headquartered\s|[A-Z])|of\s+[A-Z]|in\s+[A-Z]|[-–—]\s)")
PLAIN_WORDS = 12  # a list line without a bullet is short
_NAME_LINE = re.compile(r"\s*[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|de|del|la|do|da|für|for|and)){0,6}"
                        r"(?=\s*(?:$|\(|,))")


def _plain_item(line: str, start: int, orgs: list[tuple[int, int]], mentions: Sequence[Any]) -> int | None:
    """The organisation a list line without a bullet names at its start ("Pahilo Data (Kathmandu), a crop-forecasting
    start-up", "Lumbini Language Labs, based in Butwal"), under an intro line or another such item; a sentence
    ("The Dharan cooperative X uses ...") or a long line is no item."""
    if len(line.split()) > PLAIN_WORDS:
        return None
    lead = re.match(r"\s*(?:the\s+)?", line).end()
    at = bisect_left(orgs, (start + lead, -1))
    if at >= len(orgs) or orgs[at][0] != start + lead:
        return None
    i = orgs[at][1]
    return i if _PLAIN_TAIL.match(line, mentions[i].end - start) else None


def _plain_line(line: str, start: int, end: int, low: Sequence[str], section: tuple[dict[str, Any], int | None, int] | None,
                orgs: list[tuple[int, int]], mentions: Sequence[Any], words: SectionWords, out: list[Rel]) -> bool:
    """A line without a bullet right under a member heading or another item: True when it is an item (its member
    added to ``out``), or a short name line the entity pass missed or misread ("Arrozal Queguay, Paysandú")."""
    if section is None or section[1] is None or section[0].get("rel") != "MEMBER_OF":
        return False
    item = _plain_item(line, start, orgs, mentions)
    if item is not None:
        out.append(_rel(section[0], _resolve(mentions, item), section[1], section[2], end))
        return True
    return _unread_item(line, low, words)


def _unread_item(line: str, low: Sequence[str], words: SectionWords) -> bool:
    """A short line that opens with a capitalised name and is no heading of its own: a list item with no mention."""
    return bool(_NAME_LINE.match(line)) and len(line.split()) <= PLAIN_WORDS and not line.rstrip().endswith(".") \
        and "|" not in line and words.group(low) is None and not words.category(low)


def _item(line: str, start: int, lead: int, orgs: list[tuple[int, int]]) -> int | None:
    """The organisation a list item names first: at its start, or after a short description with no stop
    ("- the Narvik port operator Ofoten Havn: cargo scheduling"), never after a colon or a comma."""
    for s, i in orgs[bisect_left(orgs, (start + lead, -1)):]:
        k = s - start
        if k > lead + ITEM_LEAD:
            break
        if not any(ch in line[lead:k] for ch in ":;,()–—|"):
            return i
    return None


def _label_line(line: str, start: int, end: int, orgs: list[tuple[int, int]], mentions: Sequence[Any],
                owner: int | None, words: SectionWords) -> list[Rel]:
    """"Participants: A, B and C." / "Funders: Y and Z": every organisation after the label; "Members of the X
    Alliance: A, B and C" names the owner in the label."""
    named = _OWNED_LABEL.match(line)
    if named is not None:
        spec = words.group([named.group(1).lower()])
        own = next((i for s, i in orgs if s == start + named.start(2)), None)
        if spec is not None and own is not None and _fits(spec, _resolve(mentions, own), mentions) is not None:
            own = _resolve(mentions, own)
            inside = [_resolve(mentions, i) for s, i in orgs[bisect_left(orgs, (start + named.start(3), -1)):] if s < end]
            return [_rel(spec, i, own, start, end) for i in inside]
    m = _LABEL.match(line)
    if m is None or owner is None:
        return []
    label = re.findall(r"[a-z][a-z-]*", m.group(1).lower())
    if not label or (label[-1] not in words.labels and label[-1] != "by"):
        return []  # "Participants: A, B", "Funded by: Y and Z"; not "Note: A and B ..."
    spec = words.group(label)
    if spec is None:
        return []
    owner = _fits(spec, owner, mentions)
    if owner is None:
        return []
    inside = [_resolve(mentions, i) for s, i in orgs[bisect_left(orgs, (start + m.start(2), -1)):] if s < end]
    return [_rel(spec, i, owner, start, end) for i in inside]
