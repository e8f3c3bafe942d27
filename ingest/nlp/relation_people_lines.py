"""People tied to organisations by trainee posts, organisation-first speaker lines and roster rows (issue 14, wave 15).

Forms learned from published pages (university news captions and prize stories: "doctoral candidate Asma Shakil",
"Rafah Falah, a molecular and cell biology doctoral student"; conference programmes: "Altai Vision — Name, Co-founder
& CTO"; consortium pages: a "Steering committee" heading over "Name | Chair | Org" rows):

* a trainee or appointee post in an apposition, a "who is" clause or before the name: "A, a PhD candidate at X",
  "A, who remains a joint appointee at X", "X doctoral student A" (a past word — "a former PhD student" — never
  matches: the post must follow the article directly);
* an organisation-first speaker line: "- Altai Vision — Munkh Bayar, Co-founder & CTO (Erdenet)": the title must
  hold a current role word besides any founder word (a founder who is only called a founder gets FOUNDED alone,
  docs/annotation.md);
* a roster heading without a colon ("Steering committee", "Board of Directors") over plain or table rows that open
  with a person ("Prof. Dr. A | Chair | Leipzig Institute"): each row's person is the heading's organisation's (named
  in the heading, else the page's). Bullet rows are ``relation_people_published``'s.

Words: ``data/lexicon/people_lines.json``; heading, title and past words from ``PublishedWords``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import MentionIndex
from aikg.ingest.nlp.page_header_owner import header_owner
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_people_contact_lines import contact_dash_people
from aikg.ingest.nlp.relation_people_published import PublishedWords, page_owner
from aikg.ingest.nlp.relation_types import Cand

ORG_TYPES = ("Institute", "Company", "Agency")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_HONORIFICS = re.compile(r"^(?:\s|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|med\.|Ing\.|Eng\.|Dra\.)*$")
_WORD = re.compile(r"[A-Za-z&][A-Za-z&'.-]*")
_GLUE = frozenset({"of", "and", "for", "the", "&", "a", "an", "at", "senior", "vice", "president", "/"})
REACH = 80  # characters after a name in which an apposition's post and organisation must start

Rel = tuple[str, int, int, int, int, str]


@dataclass(frozen=True)
class LineWords:
    """The lexicon's words for these forms, compiled."""

    appositive: re.Pattern[str]  # ", a PhD candidate at (the) " after a person
    before_name: re.Pattern[str]  # " doctoral student " between an organisation and a person
    dashes: frozenset[str]
    past: frozenset[str]
    not_roles: frozenset[str]  # "investor", "customer": no post
    our_title: re.Pattern[str]  # "Our venture partner, " / "Our partners are " before people
    is_our: re.Pattern[str]  # ", 52, is our " after a person, before a title
    more_titles: frozenset[str]  # "venture partner"

    @classmethod
    def load(cls) -> "LineWords":
        d = _data()
        posts = _alternation(d["trainee_posts"])
        openers = _alternation(d["apposition_openers"] + d["clause_openers"])
        copulas = _alternation(d["our_copulas"])
        links = _alternation(d["org_links"])
        return cls(re.compile(rf",\s+(?:{openers})\s+(?:{posts})\s+(?:{links})\s+(?:the\s+)?", re.IGNORECASE),
                   re.compile(rf"(?:'s|’s)?\s+(?:{posts})\s+", re.IGNORECASE),
                   frozenset(d["line_dashes"]), frozenset(d["past_words"]), frozenset(d["not_roles"]),
                   re.compile(rf"\b[Oo]ur\s+((?:[\w'&-]+\s+){{0,5}}?[\w'&-]+)(?:,\s+|\s+(?:{copulas})\s+)(?:Dr\.?\s+|Prof\.?\s+)?"),
                   re.compile(rf"(?:,\s*\d{{2}},)?\s+(?:{copulas})\s+our\s+((?:[\w'&-]+\s+){{0,5}}?[\w'&-]+)(?=\s*[,.;]|\s+and\b)"),
                   frozenset(d["more_titles"]))


def _data() -> Mapping[str, Any]:
    return lexicon_data("people_lines.json")


def _alternation(phrases: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))


def people_lines(text: str, off: int, mentions: Sequence[MentionFact], owner: int | None,
                 published: PublishedWords, words: LineWords) -> list[Rel]:
    """(type, person, organisation, evidence start, evidence end, method) for the forms of ``text`` at ``off``."""
    ix = MentionIndex(mentions, ORG_TYPES)
    out: list[Rel] = []
    _trainees(text, off, ix, words, out)
    own = page_owner(text, off, mentions, owner)
    if own is None and off == 0:
        own = _title_owner(text, ix, words)
    if own is None and off == 0:
        own = header_owner(text, mentions)  # "Home / About us / Members" over the organisation's name line
    if own is not None:
        _our_people(text, off, ix, own, published, words, out)
    roster: int | None = None
    rows = 0  # rows read under the current heading
    named: tuple[int, int] | None = None  # (person, lines since) of a line that is only a name
    pos = off
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        _org_dash_person(line, a, b, ix, published, words, out)
        _person_org_tail(line, a, b, ix, published, words, out)
        out.extend(contact_dash_people(line, a, b, ix))  # "Office of Communications, IMIA - Céline Dubois"
        if named is not None and line.strip():
            _title_line(line, a, b, named[0], ix, published, words, out)
        named = _name_line(line, a, b, ix, named)
        if roster is not None:
            if not line.strip() and not rows:
                continue  # a blank line between a heading and its rows
            p = _row_person(line, a, b, ix, published.titles)
            if p is not None:
                out.append(("AFFILIATED_WITH", p, roster, a, b, "rule:roster-rows"))
                rows += 1
                continue
            if rows and _row_like(line):
                continue  # a row whose name was not found as a person does not end the roster
        roster, rows = _heading(line, a, b, ix, own, published), 0
    return [r for r in out if r[1] != r[2]]


def _title_owner(text: str, ix: MentionIndex, words: LineWords) -> int | None:
    """The organisation opening a page's title line before a dash or bar: "Garden City AI Consortium — Members"."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    first = next((r for r in ix.orgs_in(start, end) if r[0] == start), None)
    if first is None:
        return None
    dash = re.match(r"\s*(\S+)\s", text[first[1]:end] + " ")
    return first[2] if dash and dash.group(1) in words.dashes | {":"} else None


def _trainees(text: str, off: int, ix: MentionIndex, words: LineWords, out: list[Rel]) -> None:
    """"A, a PhD candidate at X", "A, who remains a joint appointee at X", "X doctoral student A"."""
    org_at = {s: i for s, _, i in ix.orgs}
    person_at = {s: i for s, _, i in ix.people}
    for s, e, p in ix.people:
        m = words.appositive.match(text, e - off, min(len(text), e - off + REACH))
        if m and off + m.end() in org_at:
            out.append(("AFFILIATED_WITH", p, org_at[off + m.end()], s, off + m.end(), "rule:trainee-apposition"))
    for s, e, o in ix.orgs:
        m = words.before_name.match(text, e - off, min(len(text), e - off + REACH))
        if m and off + m.end() in person_at and not _past_before(text, s - off, e - off, words):
            out.append(("AFFILIATED_WITH", person_at[off + m.end()], o, s, off + m.end(), "rule:trainee-before-name"))


def _our_people(text: str, off: int, ix: MentionIndex, own: int, published: PublishedWords, words: LineWords,
                out: list[Rel]) -> None:
    """On a first-person page: "Our venture partner, Dr. A, ...", "Our partners are A and B", "A, 52, is our CTO"."""
    person_at = {s: (e, i) for s, e, i in ix.people}
    for m in words.our_title.finditer(text):
        at = off + m.end()
        if at not in person_at or not _current_role(m.group(1), published, words, plural=True):
            continue
        e, p = person_at[at]
        out.append(("AFFILIATED_WITH", p, own, off + m.start(), e, "rule:our-title"))
        while (more := re.match(r"(?:,\s+|,?\s+and\s+)(?:Dr\.?\s+|Prof\.?\s+)?", text[e - off:])) \
                and e + more.end() in person_at:  # "Our partners are A, B and C"
            e, p = person_at[e + more.end()]
            out.append(("AFFILIATED_WITH", p, own, off + m.start(), e, "rule:our-title"))
    for s, e, p in ix.people:
        m = words.is_our.match(text, e - off, min(len(text), e - off + REACH))
        if m and _current_role(m.group(1), published, words):
            out.append(("AFFILIATED_WITH", p, own, s, off + m.end(), "rule:is-our-title"))


def _past_before(text: str, at: int, end: int, words: LineWords) -> bool:
    """A past word just before (or opening) the organisation: "former Kestrel University PhD student A"."""
    before = re.findall(r"[A-Za-z-]+", text[max(0, at - 24):at].lower())[-1:] + re.findall(r"[A-Za-z-]+", text[at:end].lower())[:1]
    return any(w in words.past or w.rstrip("-") in words.past for w in before)


def _org_dash_person(line: str, a: int, b: int, ix: MentionIndex, published: PublishedWords, words: LineWords,
                     out: list[Rel]) -> None:
    """"- Altai Vision — Munkh Bayar, Co-founder & CTO (Erdenet)": the person works at the organisation."""
    bullet = _BULLET.match(line)
    start = a + (bullet.end() if bullet else len(line) - len(line.lstrip()))
    orgs = ix.orgs_in(a, b)
    if not orgs or orgs[0][0] != start:
        return
    _, oe, org = orgs[0]
    rest = line[oe - a:]
    dash = re.match(r"\s*(\S+)\s*", rest)
    if not dash or dash.group(1) not in words.dashes:
        return
    pstart = oe + dash.end()
    person = next((r for r in ix.people_in(pstart, b) if r[0] == pstart), None)
    if person is None:
        return
    m = re.match(r",\s*([^,()]+?)\s*(?:\([^()]*\))?\s*$", line[person[1] - a:])
    if m and _current_role(m.group(1), published, words):
        out.append(("AFFILIATED_WITH", person[2], org, a, b, "rule:org-dash-person"))


_LABEL = re.compile(r"^\s*(?:[-•*]\s+)?(?:[A-Z][A-Za-z ]{0,40}:\s+)?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Hajia|Alhaji)\.?\s+)*$")
_TAIL = re.compile(r"^\s*(?:$|[·|]\s*\S.*$|\((?:an?|the|for|on behalf of|representing)\b[^()]*\)\s*$)")
_CREDIT = re.compile(r"\b(?:Photo|Photos|Image|Picture|Photograph)(?:\s+credit)?\s*:\s*$", re.IGNORECASE)


def _person_org_tail(line: str, a: int, b: int, ix: MentionIndex, published: PublishedWords, words: LineWords,
                     out: list[Rel]) -> None:
    """A name line with a tail the name-line rules stop at: "Contact: A, Programme Coordinator, X · mail@x.org",
    "A, Managing Partner, X (an early investor in Y)", "Media: A, X (for Y)"; a photo credit "(Photo: A / X)"."""
    people = ix.people_in(a, b)
    if not people:
        return
    ps, pe, p = people[0]
    credit = _CREDIT.search(line[:ps - a])
    if credit:
        m = re.match(r"\s*/\s*", line[pe - a:])
        org = next((r for r in ix.orgs_in(a, b) if m and r[0] == pe + m.end()), None)
        if org is not None:
            out.append(("AFFILIATED_WITH", p, org[2], a, b, "rule:photo-credit"))
        return
    if not _LABEL.match(line[:ps - a]):
        return
    rest = re.sub(r"^\s*\([^()]*\)", "", line[pe - a:])  # "(ex officio)", "(chair)"
    at = b - len(rest)
    m = re.match(r",\s+", rest)
    if not m:
        return
    at += m.end()
    orgs = {r[0]: r for r in ix.orgs_in(a, b)}
    if at not in orgs:
        t = re.match(r"([^,()·|]+?),\s+", line[at - a:])
        if not t or not _current_role(t.group(1), published, words) or at + t.end() not in orgs:
            return
        at += t.end()
    _, oe, o = orgs[at]
    if _TAIL.match(line[oe - a:]):
        out.append(("AFFILIATED_WITH", p, o, a, b, "rule:name-line-tail"))


def _name_line(line: str, a: int, b: int, ix: MentionIndex, named: tuple[int, int] | None) -> tuple[int, int] | None:
    """The person of a line that is only a name ("Dr Lise Berg"), kept over one blank line."""
    if not line.strip():
        return (named[0], named[1] + 1) if named is not None and named[1] < 1 else None
    people = ix.people_in(a, b)
    if len(people) != 1 or not _HONORIFICS.match(line[:people[0][0] - a]) or line[people[0][1] - a:].strip():
        return None
    return (people[0][2], 0)


def _title_line(line: str, a: int, b: int, person: int, ix: MentionIndex, published: PublishedWords, words: LineWords,
                out: list[Rel]) -> None:
    """The line under a name line is its title: "Senior Director of UX at Orrin Labs", "(Professor of Computing,
    School of Informatics, Tarn University)": the person works at each organisation it names."""
    s = line.strip()
    if len(s) > 160 or ix.people_in(a, b) or re.search(r"[.!?]\s+\S", s):
        return
    first = [w.lower() for w in _WORD.findall(s)[:3]]
    title_words = published.titles | words.more_titles
    if not first or not any(w in title_words or w.split("-")[-1] in title_words for w in first[:2]) \
            or any(w in words.past or w in published.past for w in (x.lower() for x in _WORD.findall(s))):
        return
    for s0, _, o in ix.orgs_in(a, b):
        before = [w.lower() for w in _WORD.findall(line[:s0 - a])[-3:]]
        if not any(w in words.not_roles for w in before):
            out.append(("AFFILIATED_WITH", person, o, a, b, "rule:name-then-title-line"))


def _current_role(title: str, published: PublishedWords, words: LineWords, plural: bool = False) -> bool:
    """Only title words, with a role word that is no founder word and no past word: "Co-founder & CTO" (``plural``:
    "partners", "directors" too)."""
    ws = [w.lower().strip(".") for w in _WORD.findall(title)]
    if plural and ws and ws[-1].endswith("s") and ws[-1] not in published.titles:
        ws[-1] = ws[-1][:-1]
    if not ws or len(ws) > 8 or any(w in words.past or w in published.past or w in words.not_roles for w in ws):
        return False

    def titled(w: str) -> bool:
        return w in published.titles or w.split("-")[-1] in published.titles or w in words.more_titles

    founder = {w for w in ws if w in published.founders or w.split("-")[-1] in published.founders}
    return all(titled(w) or w in _GLUE or w in founder for w in ws) \
        and any(titled(w) for w in ws if w not in _GLUE | founder | {"senior"})


def _heading(line: str, a: int, b: int, ix: MentionIndex, own: int | None, published: PublishedWords) -> int | None:
    """A short heading naming a governing body, without a colon or full stop: its organisation (else the page's)."""
    s = line.strip()
    if not s or len(s) > 60 or s.endswith((":", ".")) or _BULLET.match(line) or ix.people_in(a, b):
        return None
    ws = [w.lower() for w in _WORD.findall(s)]
    if not any(w in published.heading_words for w in ws) or any(w in published.past for w in ws):
        return None
    named = ix.orgs_in(a, b)
    return named[0][2] if named else own


def _row_like(line: str) -> bool:
    """A short line of fields ("Efua Quaye, Suame Data Works"), no sentence."""
    s = line.strip()
    return 0 < len(s) <= 120 and ("," in s or "|" in s) and not re.search(r"[.!?:]\s", s) and not _BULLET.match(line)


def _row_person(line: str, a: int, b: int, ix: MentionIndex, titles: frozenset[str]) -> int | None:
    """The person a plain or table row opens with, after honorifics: "Prof. Dr. A | Chair | X", "A, Treasurer"."""
    if not line.strip() or _BULLET.match(line):
        return None
    people = ix.people_in(a, b)
    if not people or not _HONORIFICS.match(line[:people[0][0] - a]):
        return None
    after = line[people[0][1] - a:].lstrip()
    if after and after[0] not in "|,(–—-":
        return None
    orgs = ix.orgs_in(people[0][1], b)
    for m in re.finditer(r"\b(?:of|at)\s+(?:the\s+)?", line[people[0][1] - a:]):
        at, of = people[0][1] + m.end(), people[0][1] + m.start()
        inside = next((s for s, e, _ in orgs if s <= of < e), None)  # "University of Applied Sciences": no post
        if inside is None and any(s <= at < e for s, e, _ in orgs) or inside is not None and all(
                w.lower() in titles for w in _WORD.findall(line[inside - a:of - a]) or ["-"]):
            return None  # "Dr. A, President of Susitna Labs LLC": the row states a post at another organisation
    return people[0][2]


def singular_apposition(doc: Any, cands: list[Cand], spans: Sequence[tuple[int, int, int]],
                        types: Sequence[str]) -> list[Cand]:
    """"A and B, an engineer at X": a singular apposition after a list of people is said of the last one alone, so
    B's tie is not shared with A and A's is dropped (``spans``: mention index, start token, end token in ``doc``)."""
    by_start = {s: (i, e) for i, s, e in spans if types[i] == "Person"}
    said: dict[int, tuple[int, set[int]]] = {}  # last person -> (token of the apposition's comma, people before)
    for i, _, e in spans:
        if types[i] != "Person" or i in {q for _, qs in said.values() for q in qs}:
            continue
        chain, k = [i], e
        while k + 1 < len(doc) and doc[k].lower_ in {"and", ","} and k + 1 in by_start:
            j, k = by_start[k + 1]
            chain.append(j)
        if len(chain) > 1 and k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in {"a", "an"}:
            said[chain[-1]] = (k, set(chain[:-1]))
    if not said:
        return cands
    where = {i: s for i, s, _ in spans}
    out: list[Cand] = []
    for c in cands:
        if c.type == "AFFILIATED_WITH" and c.src in said:
            out.append(replace(c, fixed=c.fixed | {c.src}))
            continue
        if c.type == "AFFILIATED_WITH" and any(c.src in before and where.get(c.tgt, -1) > k
                                               for k, before in said.values()):
            continue
        out.append(c)
    return out
