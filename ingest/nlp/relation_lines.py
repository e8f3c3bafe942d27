"""Organisation facts stated by the line forms of published pages, read from the text and its mentions (no parse).

Industry guides, fact sheets, infoboxes and member pages state many facts in lines, not sentences:

* an entry: a line that is an organisation's name (a directory heading, "Cimatario Robotics", "- Baobab Speech
  Systems (Thiès)") and the lines under it up to the next heading: "Headquarters: El Marqués; sales office in
  Querétaro.", "Founded in 2019 by A and B.", "Investors: X, Y.", "A spin-off of Z.", "Based in León.", and
  directory fields "Querétaro · computer vision · founded 2021 · investors: A, B";
* the same field lines about the page's organisation when no entry heading is above them (the labels that
  ``context.infobox_fields`` and ``relation_membership`` read at the start of a line are left to them);
* a table rendered as text whose header names the row's organisation and its columns ("Company | City |
  Investors", "Recipient | Location | Grant": the page's programme funds each recipient);
* an address or contact line: "OPIQ, Avenida Constituyentes, Querétaro | info@...", "Tomás Ibarra, Hakata Vision,
  Fukuoka", an address line under an entry heading, and a bracket "(Kilimanjaro Seed Fund, Moshi)".

Lines that state no tie give nothing: "Related:" headlines, captions, comparisons and rankings, past fields
("Former investors: ..."). Every label, fragment and word list is data (``data/lexicon/line_fields.json``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.mention_index import MentionIndex
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_member_plural import plural_members
from aikg.ingest.nlp.relation_membership import title_owner
from aikg.ingest.nlp.relation_site_forms import entry_description

ORG_TYPES = ("Institute", "Company", "Agency", "Programme")
BODY_TYPES = ("Institute", "Company", "Agency")
_BULLET = re.compile(r"^\s*(?:[-•*–▪]|\d+[.)])\s+")
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z &/-]{0,40}?)\s*:\s*(\S.*)?$", re.S)
_FIELD_SEP = re.compile(r"\s+[·•|]\s+")
_SENT_SEP = re.compile(r"(?<=[.!?])\s+(?=[A-Z¿¡(\"'])")
_NAME_END = re.compile(r"\s+\(|\s+[—–-]\s+|\s+·\s+")
_YEAR_BY = re.compile(r"^(?:in\s+)?(?:(?:early|late|mid|mid-)\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s+by\s+|^by\s+")
_POSTCODE = re.compile(r"^(?:[A-Z]{2,3}\s*)?(?:\d{3,6}(?:-\d{3,4})?)?\s*\.?$")
_CONTACT = re.compile(r"^[\s.]*(?:[\w.+-]+@[\w.-]+|\+?[\d ()./-]{6,}|https?://\S+|www\.\S+)[\s.]*$")
_WORDS = re.compile(r"[a-z][a-z'-]*")
_CONTACT_TAIL = re.compile(r"\s*\.?\s*\|\s*(?:[\w.+-]+@[\w.-]+|\+?[\d ()./-]{6,}|https?://\S+|www\.\S+)")
HEAD_CHARS = 80  # an entry heading is a short line
#: a legal form closing a heading ("Rozafa Vision sh.p.k.", "Páramo Analytics Cía. Ltda.", "Acme Ltd."): its stop ends
#: no sentence (relation_people_forms' owner, issue 14)
_LEGAL_END = re.compile(r"\s+(?:[A-Za-z]{1,4}\.){1,4}(?:\s+[A-Za-z]{1,5}\.)?$|\s+(?:Inc|Ltd|Ltda|Corp|Co|Pvt|Bhd|Cía)\.$")


def _legal_cut(s: str) -> str:
    """The heading without a legal form that ends in a stop ("Rozafa Vision sh.p.k." -> "Rozafa Vision"), else it."""
    m = _LEGAL_END.search(s)
    return s[:m.start()] if m and len(s[:m.start()].split()) <= 6 and ". " not in s[:m.start()] else s
EVIDENCE_REACH = 600  # characters from an entry's heading within which its lines' evidence keeps the heading

Rel = tuple[str, int, int, int, int, str]


@dataclass(frozen=True)
class Spec:
    """What a label or opener states: the relation, the side the subject takes, what the value names."""

    rel: str
    subject: str  # "src" or "tgt"
    value: str  # "place", "org" or "agent" (organisations and people)
    single: bool = False
    many: bool = False
    after: str | None = None
    year_gap: bool = False

    @classmethod
    def of(cls, d: dict[str, Any]) -> "Spec":
        return cls(d["rel"], d["subject"], d["value"], bool(d.get("single")), bool(d.get("many")), d.get("after"),
                   bool(d.get("year_gap")))


@dataclass(frozen=True)
class LineFields:
    """The data of ``line_fields.json`` and the labels other rules read at the start of a line (relations.json)."""

    labels: dict[str, Spec]
    prefixes: dict[str, Spec]
    fragments: tuple[tuple[str, Spec], ...]
    site_words: frozenset[str]
    table_subjects: frozenset[str]
    table_recipients: frozenset[str]
    table_members: frozenset[str]
    address_words: frozenset[str]
    contact_labels: frozenset[str]
    skip_labels: frozenset[str]
    compare_words: frozenset[str]
    past_words: frozenset[str]
    glue_words: frozenset[str]
    section_words: frozenset[str]
    heading_openers: tuple[str, ...]
    read_elsewhere: frozenset[str]

    def label(self, text: str) -> Spec | None:
        low = " ".join(text.lower().split())
        if low in self.labels:
            return self.labels[low]
        return next((s for p, s in self.prefixes.items() if low == p or low.startswith(p + " ")), None)


@lru_cache(maxsize=1)
def line_fields() -> LineFields:
    d = json.loads(shipped("lexicon", "line_fields.json").read_text(encoding="utf-8"))
    rel = json.loads(shipped("lexicon", "relations.json").read_text(encoding="utf-8"))
    sections = rel.get("section_lists", {})
    elsewhere = set(rel.get("infobox_fields", {})) | set(sections.get("label_words", ())) | set(sections.get("phrases", {}))
    frags = sorted(((k.lower(), Spec.of(v)) for k, v in d["fragments"].items()), key=lambda x: -len(x[0]))
    return LineFields({k.lower(): Spec.of(v) for k, v in d["labels"].items()},
                      {k.lower(): Spec.of(v) for k, v in d["prefixes"].items()}, tuple(frags),
                      frozenset(d["site_words"]), frozenset(d["table_subjects"]), frozenset(d["table_recipients"]),
                      frozenset(d["table_members"]),
                      frozenset(d["address_words"]), frozenset(d["contact_labels"]), frozenset(d["skip_labels"]),
                      frozenset(d["compare_words"]), frozenset(d["past_words"]), frozenset(d["name_glue"]),
                      frozenset(d["section_words"]), tuple(d["heading_openers"]), frozenset(elsewhere))


def line_relations(text: str, off: int, mentions: Sequence[MentionFact], owner: int | None,
                   fields: LineFields | None = None) -> list[Rel]:
    """(type, source, target, evidence start, evidence end, method) for the line forms of ``text`` at ``off``."""
    f = fields or line_fields()
    ix = MentionIndex(mentions, ORG_TYPES)
    out: list[Rel] = []
    entry: tuple[int | None, int] | None = None  # (subject, heading start) of the entry the lines belong to
    table: tuple[list[Spec | None], str | None, int] | None = None
    funder = owner if owner is not None or off != 0 else title_owner(text, mentions)
    pos, blank, after_heading = off, True, False
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if not line.strip():
            blank = True
            continue
        label = _LABEL.match(line)
        if label is not None and " ".join(label.group(1).lower().split()) in f.skip_labels:
            blank = False
            continue  # "Related: X opens Oslo office | ...", "Photo caption: ...": nothing is stated
        if table is not None and "|" in line:
            _table_row(line, a, b, table, funder, ix, f, out)
            continue
        table = _table_header(line, a, b, ix, f) if "|" in line else None
        if table is not None:
            continue
        head = _entry_heading(line, a, b, ix, f)
        was_heading, after_heading = after_heading, head is not None
        if head is not None:
            # a list item ("- Baobab Speech Systems (Thiès)") places its firm but opens no entry: the lines after a
            # list are the list's owner's, not its last item's
            entry = None if _BULLET.match(line) else (head, a)
            _bracket_place(line, a, b, head, ix, out, "rule:line-heading-place")
        elif blank and _heading_like(line):
            # a section heading ("Networks") ends the entry above; a name we cannot resolve ("Acme Vision") opens
            # an entry of no known subject: its lines are not the page's organisation's
            entry = (None, a) if _name_like(line, f) else None
        else:
            same = _line_entry(line, a, ix)  # "- Org (Town). Investors: A"
            subject, ev = (same, a) if same is not None else entry if entry is not None else (owner, a)
            if subject is not None and _may_hold_fields(line, f):
                ev = ev if b - ev <= EVIDENCE_REACH else a
                _segments(line, a, b, subject, ev, same is None and entry is None, ix, f, out)
            if "," in line:
                _addresses(line, a, b, entry[0] if entry is not None and was_heading else None, ix, f, out)
            _org_place_brackets(line, a, ix, out)
        blank = False
    out.extend(plural_members(text, off, mentions))  # "The three firms are part of X" (relation_member_plural)
    return [r for r in out if r[1] != r[2]]


def _cells(line: str, a: int) -> list[tuple[str, int, int]]:
    """A "|" row's cells (text, start, end), without the empty edge cells of a markdown row."""
    cells, col = [], a
    for part in line.split("|"):
        lead = len(part) - len(part.lstrip())
        cells.append((part.strip(), col + lead, col + lead + len(part.strip())))
        col += len(part) + 1
    while cells and not cells[0][0]:
        cells.pop(0)
    while cells and not cells[-1][0]:
        cells.pop()
    return cells


def _table_header(line: str, a: int, b: int, ix: MentionIndex,
                  f: LineFields) -> tuple[list[Spec | None], str | None, int] | None:
    """"Company | City | Investors": a header whose first cell names the row's organisation; no mention in it."""
    cells = _cells(line, a)
    if len(cells) < 2 or any(not _across_cells(line, a, r) for r in ix.within(a, b)):
        return None  # (a "mention" across a bar, "Funder | Instrument", is the tagger's, not a name: #14)
    first = " ".join(cells[0][0].lower().split())
    if first not in f.table_subjects and first not in f.table_members:
        return None  # "Rank | City | Score", "Compared with | Tunis | Cairo"
    cols = [f.label(c[0]) for c in cells[1:]]
    kind = "recipients" if first in f.table_recipients else "members" if first in f.table_members else None
    return (cols, kind, len(cells)) if any(cols) or kind else None


def _across_cells(line: str, a: int, row: tuple) -> bool:
    """Does a mention of a header line cross a cell bar ("Funder | Instrument")? Then it names nothing."""
    return "|" in line[row[0] - a:row[1] - a]


def _table_row(line: str, a: int, b: int, table: tuple[list[Spec | None], str | None, int], funder: int | None,
               ix: MentionIndex, f: LineFields, out: list[Rel]) -> None:
    cols, kind, n = table
    cells = _cells(line, a)
    if len(cells) != n:
        return  # a separator row ("---|---") or a row of another shape
    subject = ix.exact(cells[0][1], cells[0][2], BODY_TYPES)
    if subject is None:
        return
    if kind == "recipients" and funder is not None:
        out.append(("FUNDS", funder, subject, a, b, "rule:line-table"))
    elif kind == "members" and funder is not None:  # "Member | Country | Joined" on a group's page
        out.append(("MEMBER_OF", subject, funder, a, b, "rule:line-table"))
    for spec, (_t, ca, cb) in zip(cols, cells[1:]):
        if spec is not None:
            _value(spec, subject, line, a, ca, cb, a, b, ix, f, out, "rule:line-table")


def _entry_heading(line: str, a: int, b: int, ix: MentionIndex, f: LineFields) -> int | None:
    """A short line that is an organisation's name, perhaps with a bracket or a tagline after a dash: the entry's
    subject (the mention on the line, else one of the same name elsewhere; headings are no mentions)."""
    s = _legal_cut(line.strip())
    if not s or len(s) > HEAD_CHARS or s.endswith((".", ":", ";", ",")) or ":" in s or "|" in s:
        return None
    line = line[:len(line) - len(line.lstrip())] + s  # the legal form is no part of the name looked up
    lead = len(line) - len(line.lstrip())
    bullet = _BULLET.match(line)
    start = a + (bullet.end() if bullet else lead)
    body = line[start - a:].rstrip()
    opener = next((o for o in f.heading_openers if body.lower().startswith(o + " ")), None)
    if opener is not None:  # "About Kaimai Vision" over a press release's boilerplate
        start, body = start + len(opener) + 1, body[len(opener) + 1:]
    cut = _NAME_END.search(body)
    name = body[:cut.start()] if cut else body
    name = _legal_cut(name) if cut else name  # "Morava Inspect s.r.o. (Olomouc, Czech Republic)": the name's mention
    if len(name) < 2 or not name[:1].isupper() or (cut and not _tail_ok(body[cut.start():])):
        return None
    here = ix.exact(start, start + len(name), ORG_TYPES)
    if here is not None:
        return here
    if ix.within(start, start + len(name)):
        return None  # the line names something else ("Querétaro Intercontinental Airport" is no entry of a firm)
    if bullet or any(w in f.skip_labels for w in _WORDS.findall(name.lower())):
        return None
    return ix.named(name, a)


def _tail_ok(tail: str) -> bool:
    """What may follow an entry's name on its line: a bracket, or a short tagline after a dash."""
    t = tail.strip()
    return t.startswith("(") and t.endswith(")") or t[:1] in "—–-·" and len(t.split()) <= 10


def _heading_like(line: str) -> bool:
    """A short line without a final stop, label, bullet or table bar: a section heading."""
    s = _legal_cut(line.strip())
    return len(s.split()) <= 8 and not s.endswith((".", ":", ";", ",")) and not _BULLET.match(line) \
        and ":" not in s and "|" not in s


def _name_like(line: str, f: LineFields) -> bool:
    """A heading in title case, every word capitalised but glue ("Acme Vision", "Banco de Desarrollo"): a name."""
    words = re.findall(r"[^\W\d_][\w'&.-]*", line)
    content = [w for w in words if w.lower() not in f.glue_words]
    if all(w.lower() in f.section_words for w in content):
        return False  # "Key Facts", "Company Profile", "Further Information": a section of the page
    return 1 <= len(words) <= 8 and bool(content) and all(w[:1].isupper() for w in content) and len(words) > 1


def _line_entry(line: str, a: int, ix: MentionIndex) -> int | None:
    """An entry on one line: "- Org (Town). Investors: ...", "Org — Headquarters: ..." (the name opens it)."""
    bullet = _BULLET.match(line)
    start = a + (bullet.end() if bullet else len(line) - len(line.lstrip()))
    first = ix.within(start, start + 1, ORG_TYPES)
    if not first:
        return None
    rest = line[first[0][1] - a:]
    return first[0][2] if re.match(r"\s*(?:\(|\.\s|[—–·]\s|-\s)", rest) else None


def _segments(line: str, a: int, b: int, subject: int, ev: int, page_level: bool, ix: MentionIndex, f: LineFields,
              out: list[Rel]) -> None:
    """Label fields, openers and lone places of a body line: split at directory bars and dots, then sentences."""
    fields = [(m.start(), m.end()) for m in _FIELD_SEP.finditer(line)]
    bounds = [0] + [e for _, e in fields]
    ends = [s for s, _ in fields] + [len(line)]
    directory = len(bounds) > 1
    for k, (fs, fe) in enumerate(zip(bounds, ends)):
        for ss, se in _sentences(line[fs:fe]):
            sa, se = a + fs + ss, a + fs + se
            seg = line[sa - a:se - a]
            if seg.strip():  # a lone place is the first field of a directory line, not a table cell of another row
                _segment(seg, sa, se, subject, ev, b, page_level and sa - a <= len(line) - len(line.lstrip()),
                         directory and not page_level and k == 0, line, a, ix, f, out)


def _may_hold_fields(line: str, f: LineFields) -> bool:
    """A cheap test before the segments: a label's colon, a directory bar or dot, or an opener's first word."""
    if ":" in line or "·" in line or "|" in line or "•" in line:
        return True
    low = line.lower()
    return "-based " in low or any(p in low for p, _ in f.fragments)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a line: a stop, a space and a capital, not after "Dr." or a one-letter initial."""
    cuts = [m.start() for m in _SENT_SEP.finditer(text)
            if not re.search(r"(?:\b(?:Dr|Prof|Mr|Mrs|Ms|St|No|Inc|Co|Ltd|Jr|Sr|Eng)|\b[A-Z]|\.[A-Z])\.$", text[:m.start()])]
    bounds = [0] + cuts + [len(text)]
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]


def _segment(seg: str, sa: int, se: int, subject: int, ev: int, b: int, line_start_owner: bool, directory: bool,
             line: str, a: int, ix: MentionIndex, f: LineFields, out: list[Rel]) -> None:
    lead = len(seg) - len(seg.lstrip())
    words = set(_WORDS.findall(seg.lower()))
    if words & f.compare_words:
        return
    m = _LABEL.match(seg)
    if m is not None:
        label = " ".join(m.group(1).lower().split())
        spec = f.label(label)
        if label in f.skip_labels or spec is None or m.group(2) is None:
            return
        if line_start_owner and (label in f.read_elsewhere or label.split()[-1] in f.read_elsewhere):
            return  # "Headquarters: Genoa" at a line's start on the page's own infobox: context.infobox_fields
        _value(spec, subject, line, a, sa + m.start(2), se, ev, b, ix, f, out, "rule:line-field")
        return
    if "-based " in seg:  # "A Přerov-based maker of ..., set up in 2019 by X" (relation_site_forms.py)
        entry_description(seg, sa, subject, ev, b, ix, out)
    low = seg[lead:].lower()
    for phrase, spec in f.fragments:
        if low.startswith(phrase + " "):
            va = sa + lead + len(phrase) + 1
            if spec.year_gap:
                y = _YEAR_BY.match(line[va - a:se - a])
                if y is None:
                    return
                va += y.end()
            ve = se if ";" not in line[va - a:se - a] else va + line[va - a:se - a].index(";")
            _value(spec, subject, line, a, va, ve, ev, b, ix, f, out, "rule:line-opener", strict=True)
            return
    if directory:  # "Querétaro · computer vision · founded 2021": a lone place field
        body = seg.strip(" .;")
        at = sa + seg.find(body)
        place = ix.exact(at, at + len(body), ("Cluster",))
        if place is not None:
            out.append(("LOCATED_IN", subject, place, ev, b, "rule:line-field"))


def _value(spec: Spec, subject: int, line: str, a: int, va: int, vb: int, ev: int, b: int, ix: MentionIndex,
           f: LineFields, out: list[Rel], method: str, strict: bool = False) -> None:
    """The items a field's value names, each tied to the subject as the label says. An opener (``strict``) is a
    verbless sentence: its list must end it ("Based in León.", "Founded in 2019 by A and B."), or hand over to the
    subject ("Founded in 2021 by A and B, Kalulu has ..."; not "..., Kalulu has scored farmers in Eastern")."""
    text = line[va - a:vb - a]
    if spec.after:
        k = re.search(r"\b" + re.escape(spec.after) + r"\s+", text)
        if k is None:
            return  # "Founded: Seattle (1975)" names no founder
        va, text = va + k.end(), text[k.end():]
    core = _BOTH.split(text)[0]  # "Founded in 2017 by A and B, both formerly of X": their past, not the founding's
    if set(_WORDS.findall(core.lower())) & f.past_words:
        return  # "Investors: A (until 2023)", "Parent: formerly X"
    if spec.value == "person" and _own_org_after(line, a, va, vb, ix):
        return  # "Editor: Mariana Trejo, Analítica Queretana.": the post is with the organisation named in the value
    if spec.rel == "MEMBER_OF" and _people_first(va, vb, ix):
        return  # "Members: Fatuma Said (chair), Director, Mombasa County ...; Prof. O, Technical University": the people's posts
    items = _places(spec, line, a, va, vb, ix, f) if spec.value == "place" else _orgs(spec, line, a, va, vb, ix)
    items = items[:1] if spec.single else items
    if strict:
        items = _listed(items, subject, line, a, va, vb, ix)
    for item in items:
        src, tgt = (subject, item) if spec.subject == "src" else (item, subject)
        out.append((spec.rel, src, tgt, ev, b, method))


def _people_first(va: int, vb: int, ix: MentionIndex) -> bool:
    """Does the value name a person before any organisation (a committee's members with their posts)?"""
    people = ix.people_in(va, vb)
    orgs = ix.within(va, vb, ORG_TYPES)
    return bool(people) and (not orgs or people[0][0] < orgs[0][0])


def _own_org_after(line: str, a: int, va: int, vb: int, ix: MentionIndex) -> bool:
    """"Mariana Trejo, Analítica Queretana": an organisation right after the value's person, set off by a comma (not
    one named inside a clause: "Dr. Miranda Hoxha, who also lectures at the Buna Institute")."""
    people = ix.people_in(va, vb)
    if not people:
        return False
    orgs = [o for o in ix.within(people[0][1], vb, ORG_TYPES)]
    return bool(orgs) and line[people[0][1] - a:orgs[0][0] - a].strip() == ","


_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|\s)(?:by\s+)?(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}$")
_BOTH = re.compile(r",\s+(?:both|all\s+(?:two|three|four)|each\s+of\s+them)\s")
_TAIL = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:[.;!?]\s*)?$|\s*(?:\([^()]*\)\s*)?,\s+(?:it|they|the\s+(?:company|firm|start-?up|"
                   r"lab|laboratory|institute|centre|center|group|business|venture))\b(?!\s+[A-Z])"
                   r"|\s*,\s+(?:both|all\s+(?:two|three|four)|each\s+of\s+them)\s")  # "by A and B, both formerly of X"


def _listed(items: list[int], subject: int, line: str, a: int, va: int, vb: int, ix: MentionIndex) -> list[int]:
    """The items of an opener when they form its whole list: list glue between them, and nothing but a bracket, a
    stop, or a comma before the subject (its name, "it", "the company") after the last."""
    if not items:
        return []
    pos, kept = va, list[int]()
    for i in items:
        m = ix.ms[i]
        gap = line[pos - a:m.start - a]
        if m.canonical == ix.ms[subject].canonical or (not _GLUE.fullmatch(gap) if kept else not re.fullmatch(
                r"\s*(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}", gap)):
            break
        kept.append(i)
        pos = m.end
    if not kept:
        return []
    tail = line[pos - a:vb - a]
    if _TAIL.match(tail):
        return kept
    after = re.match(r"\s*(?:\([^()]*\)\s*)?,\s+", tail)
    if after is None:
        return []
    nxt = ix.within(pos + after.end(), vb)
    if nxt and nxt[0][0] == pos + after.end() and ix.ms[nxt[0][2]].canonical == ix.ms[subject].canonical:
        return kept
    return []


def _places(spec: Spec, line: str, a: int, va: int, vb: int, ix: MentionIndex, f: LineFields) -> list[int]:
    """The place opening each ';' part ("El Marqués; sales office in Querétaro"), or after a site word and "in";
    then places joined by "and" (or by commas for a plural label: "Locations: Tunis, Sfax and Sousse")."""
    out: list[int] = []
    pos = va
    for part in line[va - a:vb - a].split(";"):
        pa, pb = pos, pos + len(part)
        pos = pb + 1
        body = part.lstrip()
        at = pa + len(part) - len(body)
        site = re.match(r"(?:(?:a|an|the|its|with|and|plus)\s+)?(?:[\w&-]+\s+){0,2}?(\w+)\s+in\s+", body, re.I)
        if site and site.group(1).lower() in f.site_words:
            at += site.end()
        first = ix.within(at, pb)
        if not first or first[0][0] != at or ix.ms[first[0][2]].type != "Cluster":
            continue
        out.append(first[0][2])
        end = first[0][1]
        for nxt in first[1:]:
            gap = line[end - a:nxt[0] - a]
            if ix.ms[nxt[2]].type != "Cluster" or not re.fullmatch(r"\s*(?:,\s*and|and|&)\s*" if not spec.many
                                                                      else r"\s*(?:,\s*and|and|&|,)\s*", gap):
                break
            out.append(nxt[2])
            end = nxt[1]
    return out


def _orgs(spec: Spec, line: str, a: int, va: int, vb: int, ix: MentionIndex) -> list[int]:
    """Organisations (and people for an "agent" value) listed in a value, not those inside a bracket or named
    after "of"/"at"/"with" ("Investors: A, B (a fund of C)", "Founders: A (formerly of X)")."""
    types = ORG_TYPES + ("Person",) if spec.value == "agent" else ("Person",) if spec.value == "person" else ORG_TYPES
    out = []
    for s, _e, i in ix.within(va, vb, types):
        before = line[va - a:s - a]
        if before.count("(") != before.count(")") or re.search(r"\b(?:of|at|with|for|to|than)\s+(?:the\s+)?$", before):
            continue
        out.append(i)
    return out


def _addresses(line: str, a: int, b: int, heading: int | None, ix: MentionIndex, f: LineFields, out: list[Rel]) -> None:
    """"OPIQ, Avenida Constituyentes, Querétaro | inversion@...", "Secretariat, ESP, Dakar", "Tomás Ibarra, Hakata
    Vision, Fukuoka"; an address line right under an entry heading ("Level 3, 12 Smith Street, Darwin NT 0800")."""
    if not ix.within(a, b, ("Cluster",)) or heading is None and not ix.within(a, b, BODY_TYPES):
        return  # (speed only: an address names a place, and an organisation or the entry above)
    lab = _LABEL.match(line)
    contact = lab is not None and " ".join(lab.group(1).lower().split()) in f.contact_labels \
        or any(_CONTACT.match(x) for x in re.split(r"[|,;]", line))  # an e-mail, a phone number or a web address
    pos = 0
    for field in re.split(r"(\s+\|\s+|\s+--\s+|\s+[—–]\s+)", line):
        fa = pos
        pos += len(field)
        if not field.strip() or re.fullmatch(r"\s+(?:\||--|—|–)\s+", field):
            continue
        m = _LABEL.match(field)
        start = fa
        if m is not None:
            if " ".join(m.group(1).lower().split()) not in f.contact_labels or m.group(2) is None:
                continue
            start = fa + m.start(2)
        words = set(_WORDS.findall(field.lower()))
        if words & (f.past_words | f.compare_words):
            continue
        hit = _address(line, a, a + start, a + fa + len(field), heading, contact, ix, f)
        if hit is not None:
            out.append(("LOCATED_IN", hit[0], hit[1], a, b, "rule:line-address"))


def _address(line: str, a: int, fa: int, fb: int, heading: int | None, contact: bool, ix: MentionIndex,
             f: LineFields) -> tuple[int, int] | None:
    """(organisation, place) of one address field: an organisation part, address parts, then the place part, with
    only a region, country or contact after it. With no street part, the line must be a contact's (a contact label,
    an e-mail or phone) or open with the contact's name or title: "date | Kings Place, London" names a venue."""
    parts, pos = [], fa
    for p in line[fa - a:fb - a].split(","):
        lead = len(p) - len(p.lstrip())
        body = p.strip().rstrip(".")
        parts.append((body, pos + lead, pos + lead + len(body)))
        pos += len(p) + 1
    if len(parts) < 2 or len(parts) > 8:
        return None
    org_at = next((k for k, (t, pa, pb) in enumerate(parts) if ix.exact(pa, pb, BODY_TYPES) is not None), None)
    org: int | None
    if org_at is None:
        if heading is None or not _street(parts[0], ix, f):
            return None
        org, rest = heading, parts
    else:
        if any(len(t.split()) > 5 or ix.within(pa, pb, BODY_TYPES) for t, pa, pb in parts[:org_at]):
            return None  # a sentence, not a contact's name and title
        org, rest = ix.exact(parts[org_at][1], parts[org_at][2], BODY_TYPES), parts[org_at + 1:]
    if org is None:
        return None
    streets = org_at is None or any(_street(p, ix, f) for p in rest) or bool(org_at)
    if not (streets or contact):
        return None
    for k, (t, pa, pb) in enumerate(rest):
        first = ix.within(pa, pb)
        if first and first[0][0] == pa and ix.ms[first[0][2]].type == "Cluster" \
                and _POSTCODE.match(line[first[0][1] - a:pb - a]):
            tail = rest[k + 1:]
            if all(len(x.split()) <= 3 and not ix.within(xa, xb, BODY_TYPES + ("Person",)) or _CONTACT.match(x)
                   for x, xa, xb in tail):
                return org, first[0][2]
            return None
        if not _street((t, pa, pb), ix, f):
            return None
    return None


def _street(part: tuple[str, int, int], ix: MentionIndex, f: LineFields) -> bool:
    """A street-address part: a number or an address word ("Level 3", "Avenida Constituyentes", "12 Calle Sol")."""
    t = part[0].lower()
    return bool(re.search(r"\d", t)) or bool(set(re.findall(r"[a-zà-ÿ.]+", t)) & f.address_words)


def _bracket_place(line: str, a: int, b: int, subject: int, ix: MentionIndex, out: list[Rel], method: str) -> None:
    """"Baobab Speech Systems (Thiès)" as an entry heading: the bracket holds the entry's town."""
    m = re.search(r"\(([^()]+)\)\s*$", line)
    if m is None:
        return
    place = ix.exact(a + m.start(1), a + m.end(1), ("Cluster",))
    if place is not None:
        out.append(("LOCATED_IN", subject, place, a, b, method))


def _org_place_brackets(line: str, a: int, ix: MentionIndex, out: list[Rel]) -> None:
    """"Joseph Kimaro (Kilimanjaro Seed Fund, Moshi)": an organisation and its town, alone in a bracket."""
    for m in re.finditer(r"\(([^()]+)\)", line):
        parts, pos = [], a + m.start(1)
        for p in m.group(1).split(","):
            lead = len(p) - len(p.lstrip())
            parts.append((p.strip(), pos + lead, pos + lead + len(p.strip())))
            pos += len(p) + 1
        if len(parts) not in (2, 3) or len(parts) == 3 and (len(parts[2][0].split()) > 2 or ix.within(parts[2][1], parts[2][2])):
            continue
        org = ix.exact(parts[0][1], parts[0][2], BODY_TYPES)
        place = ix.exact(parts[1][1], parts[1][2], ("Cluster",))
        if org is not None and place is not None:
            out.append(("LOCATED_IN", org, place, a + m.start(), a + m.end(), "rule:line-bracket-place"))


def place_by_line_form(text: str, start: int, end: int, org_before: bool) -> bool:
    """Does a line form make the name at ``start:end`` of ``text`` a place? For the entity pass (a long-tail town
    otherwise dropped for want of context): after a place label ("Headquarters: Darwin", "... . Location: Katherine"),
    alone in a bracket after an organisation ("(Kilimanjaro Seed Fund, Moshi)"), after a list item's organisation
    ("- Polarlys Fiskeridata AS, Tromsø: ..."), ending a contact line's address ("Secretariat, ESP, Dakar |
    contact@..."), or in a table column whose header is a place label ("Recipient | Location | Grant")."""
    f = line_fields()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:start]
    m = re.search(r"(?:^|[.;·|]\s+)\s*(?:[-•*–]\s+)?([A-Za-z][A-Za-z &/-]{0,40}?)\s*:\s*$", before)
    if m is not None:
        spec = f.label(m.group(1))
        return spec is not None and spec.value == "place"
    after = text[end:line_end]
    if org_before and re.search(r",\s*$", before) and re.match(r"\s*\)", after) and "(" in before:
        return True
    if org_before and _BULLET.match(before) and before.count(",") == 1 and re.match(r"\s*(?::|\s[-–—]\s)", after):
        return True  # "- Polarlys Fiskeridata AS, Tromsø: stock forecasts"
    if org_before and before.count(",") <= 2 and _CONTACT_TAIL.match(after):
        return True  # "Secretariat, ESP, Dakar | contact@..."
    if "|" in before or "|" in after:
        return _place_column(text, line_start, start)
    return False


def _place_column(text: str, line_start: int, start: int) -> bool:
    """Is ``start`` in a cell of a "|" table whose header (the block's first line) names a place column?"""
    col = text[line_start:start].count("|")
    head = line_start
    while head > 0:
        prev = text.rfind("\n", 0, head - 1) + 1
        if "|" not in text[prev:head - 1]:
            break
        head = prev
    header = text[head:text.find("\n", head) if text.find("\n", head) >= 0 else len(text)]
    if head == line_start:
        return False
    cells = header.split("|")
    if col >= len(cells) or col == 0 and cells[0].strip():
        return False
    spec = line_fields().label(cells[col].strip())
    return spec is not None and spec.value == "place" and header.split("|")[0].strip().lower() in line_fields().table_subjects
