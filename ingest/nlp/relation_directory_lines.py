"""Relations of directory entries in industry guides and ecosystem maps (issue 14, wave 19; no parse).

Regional industry guides, ecosystem maps and "who's who" directories list one organisation a line, its fields in
cells after the name rather than in a sentence (every name in the tests is invented):

* "Fenwyck Vision — Dunmore — camera inspection for bakeries — founded 2019 — backed by Ashgrove Ventures";
* table rows copied as lines: "Osprey Lane Data | Varnholt | demand forecasting";
* "Tarrow Sensing: headquartered in Kelby; spun out of Varnholt University in 2020; backed by A and B";
* "Brenmark Institute (BIMI) — research institute in Dunmore, founded 2015, a unit of Varnholt University".

The entry's organisation is the mention that opens the line (after a bullet; a bracket after it is skipped) and ends
at the first cell separator (or a colon). Each later cell gives: a place cell ("Dunmore", "Dunmore, Ruritania") or
"<descriptor noun> in <Town>" / "based in <Town>" LOCATED_IN; "backed by A and B" FUNDS; "founded 2019 by A" FOUNDED;
"a unit of Y" / "a subsidiary of Y" PART_OF; "spun out of Y" FOUNDED from Y (docs/annotation.md). A cell that says
former ties, customers or competitors gives nothing (``rule:w19-directory-*``).

Precision: a sentence rule (a parse, form or window rule; list and section rules read across lines on purpose) that pairs the ends of two different directory lines (the sentence splitter joins lines that
end without a full stop) is taken back: each line is its own entry.

Word lists: ``data/lexicon/directory_lines.json``. ``AIKG_DIRECTORY_LINES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import MentionFact, RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _name

CONF = 0.7
#: the rule families that read one sentence (a sentence the splitter ran across two directory lines is two)
SENTENCE_RULES = frozenset({"dep", "form", "window"})
#: a bullet or a number before the entry's name
BULLET = re.compile(r"[ \t]*(?:[-•*·▪◦]|\d{1,3}[.)])?[ \t]*")
#: an acronym or a town in brackets after the name
BRACKET = re.compile(r"[ \t]*\([^()\n]{1,40}\)")
#: between two items of a list after a lead: a comma or "and", an article and up to three lower-case words
ITEM_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:by\s+)?(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){0,3}")
#: before the first item: an article and up to three lower-case words ("the Swiss foundation ")
FIRST_GAP = re.compile(r"\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){0,3}")
#: after a town in a place cell: nothing, or ", Country"
#: a name alone on a line: two to six words, each capitalised or a linking word, an optional legal form
NAME_LINE = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|de|del|la|le|der|für|i|e|y|\([A-Z][\w.]*\)))"
                       r"{1,5}")
#: a date in a line: a masthead or dateline, not a directory entry
DATED = re.compile(r"\b(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
                   r"December)\b(?:\s+\d{1,2},)?\s+\d{4}\b|\b(?:Updated|Published)\b")
#: a line that opens another item of a list rather than the entry's body: a bullet, or two capitalised words
LIST_ITEM = re.compile(r"[ \t]*(?:[-•*·▪◦]\s|\d{1,3}[.)]\s|[A-Z][\w'’&.-]*\s+[A-Z])")
#: a town cell: one to three capitalised words ("Dunmore", "Brisk Harbour", "Kailua-Kona")
TOWN = re.compile(r"[A-Z][\w'’.]*(?:-[A-Z]?[\w'’]+)*(?: [A-Z][\w'’.]*(?:-[A-Z]?[\w'’]+)*){0,2}")
PLACE_TAIL = re.compile(r"\s*(?:,\s*[A-Z][\w .'’-]{0,40})?\s*[.;]?\s*")
Rel = tuple[str, int, int, str]
#: what may stand before a lead at a field's start: "and", "It is", "is", "now"
OPENER = re.compile(r"\s*(?:(?:and|it|is|was|which|now|also|the\s+company|the\s+firm)\s+){0,3}", re.I)


def _w() -> Mapping[str, Any]:
    return lexicon_data("directory_lines.json")


def _alt(words: Sequence[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


def _lead(words: Sequence[str]) -> re.Pattern[str]:
    """A lead phrase; one ending in "by" may hold a year first ("founded 2019 by", "set up in 2020 by")."""
    forms = []
    for w in sorted(words, key=len, reverse=True):
        e = re.escape(w).replace(r"\ ", r"\s+")
        if w.endswith(" by"):
            e = e[: -len("by")] + r"(?:(?:in\s+)?\d{4}\s+)?by"
        forms.append(e)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})\s*", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    """The compiled forms (read once)."""
    w = _w()
    return {
        "sep": re.compile(_alt(w["cell_separators"])),
        "field": re.compile(rf"(?:{_alt(w['cell_separators'])})|;\s*|(?<=[a-z0-9)][.!?])\s+(?=[A-Z])"),
        "desc": re.compile(rf"^(?:an?\s+|the\s+)?(?:[a-z][\w'’-]*\s+){{0,4}}(?:{_alt(w['org_heads'])})s?\s+(?:in|near)\s+$",
                           re.I),
        "place": re.compile(rf"(?<![\w-])(?:{_alt(w['place_leads'])})\s+$", re.I),
        "not_town": re.compile(rf"(?<![\w-])(?:{_alt(w['org_heads'] + w['not_town'])})s?(?![\w-])", re.I),
        "not_name": re.compile(rf"(?<![\w-])(?:{_alt(w['not_name'])})(?![\w-])", re.I),
        "cue": re.compile(rf"\s*(?:(?:{_alt(w['place_leads'] + w['found_leads'] + w['part_leads'] + w['spin_leads'])})"
                          rf"|(?:founded|established|set up)\s+(?:in\s+)?\d{{4}}"
                          rf"|an?\s+(?:[\w'’-]+\s+){{0,4}}(?:{_alt(w['org_heads'])})s?\b"
                          rf"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\.\s|-based\s))", re.I),
        "institute": re.compile(rf"(?<![\w-])(?:{_alt(w['institute_heads'])})(?![\w-])", re.I),
        "agency": re.compile(rf"(?<![\w-])(?:{_alt(w['agency_heads'])})(?![\w-])", re.I),
        "programme": re.compile(rf"(?<![\w-])(?:{_alt(w['programme_heads'])})(?![\w-])", re.I),
        "neg": re.compile(rf"(?<![\w-])(?:{_alt(w['negations'])})(?![\w-])", re.I),
        "FUNDS": _lead(w["fund_leads"]),
        "FOUNDED": _lead(w["found_leads"]),
        "PART_OF": _lead(w["part_leads"]),
        "SPIN": _lead(w["spin_leads"]),
        "org": frozenset(w["org_types"]),
        "funder": frozenset(w["funder_types"]),
        "founder": frozenset(w["founder_types"]),
    }


def directory_lines(text: str, facts: Any) -> None:
    """Add, in place, the relations of directory lines to ``facts``; take back window pairs across two such lines."""
    if os.environ.get("AIKG_DIRECTORY_LINES", "on") == "off":
        return
    ms = facts.mentions
    inside = nested(ms)
    order = sorted((i for i in range(len(ms)) if i not in inside and ms[i].source != "anaphor"), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in order]
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    found: list[tuple[Rel, int, int]] = []
    entry_lines: set[int] = set()
    for k, (a, b) in enumerate(lines):
        here = [i for i in order[bisect_right(starts, a - 1):bisect_right(starts, b)] if ms[i].end <= b]
        block = _block(text, lines, k)
        if block and _heading_name(text, ms, here, a, b, block):
            here = [len(ms) - 1] if not here else here
        rels = _entry(text, ms, here, a, b, block)
        if rels is None:
            continue
        entry_lines.add(k)
        found.extend((r, a, b) for r in rels)
    if not entry_lines:
        return
    _take_back(facts, lines, entry_lines)
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    for (typ, src, tgt, how), a, b in found:
        key = (typ, _name(ms, src), _name(ms, tgt))
        if key in have or key[1] == key[2]:
            continue
        have.add(key)
        facts.relations.append(RelationCandidate(typ, src, tgt, CONF, f"rule:w19-directory-{how}", a, b, text[a:b], None))


def _take_back(facts: Any, lines: list[tuple[int, int]], entry_lines: set[int]) -> None:
    """Drop relations whose two ends sit on two different directory lines."""
    ms = facts.mentions
    line_starts = [a for a, _ in lines]

    def line_of(i: int) -> int:
        return bisect_right(line_starts, ms[i].start) - 1

    keep = []
    for r in facts.relations:
        ls, lt = line_of(r.source), line_of(r.target)
        if ls != lt and ls in entry_lines and lt in entry_lines and r.method.split(":")[0] in SENTENCE_RULES \
                and "\n" in r.sentence:
            continue
        keep.append(r)
    facts.relations[:] = keep


def _entry(text: str, ms: list[Any], here: list[int], a: int, b: int, after: list[tuple[int, int]]) -> list[Rel] | None:
    """The relations of one directory entry, or None when the line opens none.

    An entry is a line that opens with an organisation and a cell separator or a colon (its body is the rest of the
    line), or a line that holds the organisation alone (its body is the lines after it up to a blank line)."""
    pats = _patterns()
    if not here:
        return None
    at = BULLET.match(text, a).end()
    org = here[0]
    if ms[org].start != at or ms[org].type not in pats["org"]:
        return None
    end = ms[org].end
    br = BRACKET.match(text, end)
    if br:
        end = br.end()
    sep = pats["sep"].match(text, end)
    colon = re.compile(r":[ \t]+").match(text, end)
    if DATED.search(text, a, b):  # a masthead or a dateline ("Review | Interviews | 4 February 2026"), no entry
        return None
    if sep is not None or colon is not None:
        fields = _fields(text, (sep or colon).end(), b)
        if sep is not None and len(fields) >= 2:
            _place_cell(text, ms, here, *fields[0])
        mentions = here
    elif not text[end:b].strip(" \t.:") and after:
        fields = [f for s, e in after for f in _fields(text, s, e)]
        mentions = _after_mentions(ms, after)
    else:
        return None
    rels: list[Rel] = []
    for n, (cs, ce) in enumerate(fields):
        if pats["neg"].search(text, cs, ce):
            continue
        cell = [i for i in mentions if ms[i].start >= cs and ms[i].end <= ce]
        rels.extend(_cell(text, ms, org, cell, cs, ce, first=n == 0))
    return rels


def _after_mentions(ms: Sequence[Any], spans: list[tuple[int, int]]) -> list[int]:
    """The top-level mentions inside the block's lines."""
    lo, hi = spans[0][0], spans[-1][1]
    inside = nested(ms)
    return sorted((i for i, m in enumerate(ms) if lo <= m.start and m.end <= hi and i not in inside
                   and m.source != "anaphor"), key=lambda i: ms[i].start)


def _place_cell(text: str, ms: list[Any], here: list[int], cs: int, ce: int) -> None:
    """Type the cell after the name as a town when it is one to three capitalised words and no organisation
    ("Fenwyck Vision — Dunmore — camera inspection — founded 2019"): a new Cluster mention, or a retyped one-word
    mention of the cell's exact span that no gazetteer typed."""
    s, e = cs + len(text[cs:ce]) - len(text[cs:ce].lstrip()), cs + len(text[cs:ce].rstrip())
    words = text[s:e]
    if not TOWN.fullmatch(words) or _patterns()["not_town"].search(words):
        return
    same = [i for i in here if ms[i].start == s and ms[i].end == e]
    if any(ms[i].type == "Cluster" for i in same):
        return
    if same:
        m = ms[same[0]]
        if m.source == "gazetteer" or m.type not in ("Company", "Person") or " " in words:
            return
        ms[same[0]] = replace(m, type="Cluster")
        return
    if any(ms[i].start < e and s < ms[i].end for i in here):
        return
    ms.append(MentionFact(words, s, e, "Cluster", "rule", words))
    here.append(len(ms) - 1)
    here.sort(key=lambda i: ms[i].start)


def _fields(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells, ';' fields and sentences of an entry's body."""
    out, at = [], start
    for m in _patterns()["field"].finditer(text, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _heading_name(text: str, ms: list[Any], here: list[int], a: int, b: int, block: list[tuple[int, int]]) -> bool:
    """Make the name that stands alone on a line an organisation when the lines under it open as a directory entry
    does ("Quillon Robotics" / "Based in Brisk Harbour. Founded 2021 by ..."): a new mention when none covers the line
    (typed by its head word), or a Programme mention without a programme head retyped. True when it changed one."""
    pats = _patterns()
    at = BULLET.match(text, a).end()
    name = text[at:b].rstrip(" \t.")
    end = at + len(name)
    if not NAME_LINE.fullmatch(name) or pats["not_name"].search(name) or not pats["cue"].match(text, block[0][0]):
        return False
    same = [i for i in here if ms[i].start == at and ms[i].end == end]
    kind = "Institute" if pats["institute"].search(name) else "Agency" if pats["agency"].search(name) else "Company"
    if same:
        m = ms[same[0]]
        if m.type != "Programme" or m.source == "gazetteer" or pats["programme"].search(name):
            return False
        ms[same[0]] = replace(m, type=kind)
        return True
    if here:
        return False
    ms.append(MentionFact(name, at, end, kind, "rule", name))
    return True


def _block(text: str, lines: list[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """The lines after line ``k`` up to a blank line (at most four): the body of an entry whose name stands alone."""
    out: list[tuple[int, int]] = []
    prev_end = lines[k][1]
    for a, b in lines[k + 1:k + 5]:
        if text[prev_end:a].count("\n") > 1 or (not out and LIST_ITEM.match(text, a)):
            break
        out.append((a, b))
        prev_end = b
    return out


def _cell(text: str, ms: Sequence[Any], org: int, cell: list[int], cs: int, ce: int, first: bool) -> list[Rel]:
    """The relations one field gives the entry's organisation (its lead at the field's start or after a comma)."""
    pats = _patterns()
    rels: list[Rel] = []
    for i in cell:
        if ms[i].type != "Cluster":
            continue
        before = text[cs:ms[i].start]
        if (first and not before.strip() and PLACE_TAIL.fullmatch(text, ms[i].end, ce)) or pats["desc"].match(before) \
                or pats["place"].fullmatch(before) or (not before.strip() and text.startswith("'s ", ms[i].end)) \
                or (re.fullmatch(r"(?:an?\s+)?", before, re.I) and text.startswith("-based", ms[i].end)):
            rels.append(("LOCATED_IN", org, i, "place"))
            break
    for kind, typ, types, how in (("FUNDS", "FUNDS", pats["funder"], "funds"), ("FOUNDED", "FOUNDED", pats["founder"], "founded"),
                                  ("PART_OF", "PART_OF", pats["org"], "part"), ("SPIN", "FOUNDED", pats["org"], "spin")):
        for lead in pats[kind].finditer(text, cs, ce):
            if not OPENER.fullmatch(text, cs, lead.start()) and not text[cs:lead.start()].rstrip().endswith(","):
                continue
            for item in _list_at(text, ms, cell, lead.end(), types):
                rels.append((typ, item, org, how) if kind != "PART_OF" else (typ, org, item, how))
    return rels


def _list_at(text: str, ms: Sequence[Any], cell: list[int], at: int, types: frozenset[str]) -> list[int]:
    """The mentions of the list that starts at character ``at`` ("A, the Kelby fund B and C"), of ``types``."""
    rest = [i for i in cell if ms[i].start >= at]
    if not rest or not FIRST_GAP.fullmatch(text, at, ms[rest[0]].start):
        return []
    items = [rest[0]] if ms[rest[0]].type in types else []
    prev = rest[0]
    for i in rest[1:]:
        gap = text[ms[prev].end:ms[i].start]
        gap = BRACKET.sub("", gap, count=1) if gap.lstrip().startswith("(") else gap
        if not ITEM_GAP.fullmatch(gap):
            break
        if ms[i].type in types:
            items.append(i)
        prev = i
    return items if ms[rest[0]].type in types else []
