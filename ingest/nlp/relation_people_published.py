"""People tied to organisations by the line forms of published pages, read from the text and its mentions.

* field lines about the page's organisation: "Authors: Dr. A and B" (under a header "Policy Brief | Org | June"),
  "Executive Director: A (on secondment from X, ...)", "Key people: A (chief executive); B (chief scientist)",
  "Founders: A, B" (FOUNDED) on a page whose title is the start of the organisation's name ("Sismo Andino" /
  "Sismo Andino SpA");
* a roster heading without a colon ("Board of Directors", "Leadership team") over bullet lines: each bullet's
  person is the heading's organisation's (named in the heading, else the page's);
* a roster line with semicolons: "- Dr. A, Chair; Director, Cochin Institute of Marine Technology";
* a contact line headed by the organisation: "Erdre Robotique: Lucie Fontaine, Head of Communications, presse@...";
* a byline or interview header: "Interview by Rafael Ouano, senior editor, Visayas Tech Review";
* a bracket with a semicolon: "Ragnhild Eilertsen (chair; Troms County Authority)";
* a present post after "where": "A, joins from IZA, where she remains head of its data unit".

A past marker ("former", "previously", "until") in the title or clause states no current tie. All words are data
(``data/lexicon/people_published.json``; title words from ``relation_people_forms.title_words`` and ``role_nouns``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.mention_index import MentionIndex
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_founding_published import founding_published
from aikg.ingest.nlp.relation_people_forms import title_words
from aikg.ingest.nlp.relation_people_masthead import masthead_people
from aikg.ingest.nlp.relation_people_past import no_post_title
from aikg.ingest.nlp.relation_runs_published import runs_published

ORG_TYPES = ("Institute", "Company", "Agency")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z &-]{1,40}?)\s*:\s+(\S.*)$")
_CONTACT = re.compile(r"^[\s,;|]*(?:[\w.+-]+@[\w.-]+|\+?[\d ()./-]{6,}|https?://\S+|www\.\S+)?[\s,;|.]*$")
_HONORIFIC = re.compile(r"^(?:\s|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Capt\.?|Sir|Dame)*$")
_WORD = re.compile(r"[A-Za-z&][A-Za-z&'-]*")
#: honorifics before a person in a table row's first field ("Prof. Dr.", "Dr. med.", "Ing.", "Eng.")
_ROW_HONORIFICS = re.compile(r"^(?:\s|Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Capt\.?|Sir|Dame|med\.|Ing\.|Eng\.|Dra\.)*$")

Rel = tuple[str, int, int, int, int, str]


@dataclass(frozen=True)
class PublishedWords:
    """The lexicon's words for these forms."""

    affiliation_labels: frozenset[str]
    founder_labels: frozenset[str]
    byline_openers: tuple[str, ...]
    heading_words: frozenset[str]
    where_present: frozenset[str]
    where_past: frozenset[str]
    unit_verbs: frozenset[str]
    founding_verbs: tuple[str, ...]
    org_nouns: frozenset[str]
    past: frozenset[str]
    titles: frozenset[str]
    founders: frozenset[str]

    @classmethod
    def load(cls, role_nouns: frozenset[str] = frozenset(), founders: frozenset[str] = frozenset()) -> "PublishedWords":
        d = _data()
        return cls(frozenset(d["affiliation_labels"]), frozenset(d["founder_labels"]),
                   tuple(sorted(d["byline_openers"], key=len, reverse=True)), frozenset(d["roster_heading_words"]),
                   frozenset(d["where_present"]), frozenset(d["where_past"]), frozenset(d["unit_verbs"]),
                   tuple(d["founding_verbs"]), frozenset(d["org_nouns"]), frozenset(d["past_markers"]),
                   title_words() | frozenset(w.lower() for w in role_nouns), frozenset(founders) | {"founder", "co-founder", "cofounder"})

    def is_title(self, text: str) -> bool:
        """Only title words (and glue) with at least one role word: "Head of Communications", "Chair; Director"."""
        words = [w.lower() for w in _WORD.findall(text)]
        if not words or len(words) > 10 or any(w in self.past for w in words):
            return False
        glue = {"of", "and", "for", "the", "&", "a", "an", "at", "senior", "vice", "president"}
        return all(w in self.titles or w in glue or w.split("-")[-1] in self.titles for w in words) \
            and any(w in self.titles or w.split("-")[-1] in self.titles for w in words if w not in glue | {"senior"})

    def founder_in(self, text: str) -> bool:
        return any(w.lower() in self.founders for w in _WORD.findall(text))


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(shipped("lexicon", "people_published.json").read_text(encoding="utf-8"))


def page_owner(text: str, off: int, mentions: Sequence[MentionFact], owner: int | None) -> int | None:
    """The page's organisation: ``owner`` (context.doc_subject), else one whose name starts with the title line
    ("Sismo Andino" over "Sismo Andino SpA")."""
    if owner is not None or off != 0:
        return owner
    title = text.lstrip().split("\n", 1)[0].strip().lower()
    if len(title) < 3:
        return None
    for i, m in enumerate(mentions):
        if m.type in ORG_TYPES and m.source != "anaphor" and m.text.lower().startswith(title) and len(title) >= 0.6 * len(m.text):
            return i
    return None


def _header_org(text: str, off: int, ix: MentionIndex) -> int | None:
    """A publisher in the first lines' "|" fields: "Policy Brief No. 14 | Warta Policy Forum | June 2026"."""
    if off != 0:
        return None
    pos = 0
    for line in text.split("\n")[:5]:
        if "|" in line:
            col = pos
            for field in line.split("|"):
                a, b = col + len(field) - len(field.lstrip()), col + len(field.rstrip())
                hit = [o for o in ix.starting(ix.orgs, a) if o[1] == b]
                if hit:
                    return hit[0][2]
                col += len(field) + 1
        pos += len(line) + 1
    return None


def published_people(text: str, off: int, mentions: Sequence[MentionFact], owner: int | None,
                     words: PublishedWords) -> list[Rel]:
    """(type, person, organisation, evidence start, evidence end, method) for the line forms of ``text`` at ``off``."""
    ix = MentionIndex(mentions, ORG_TYPES)
    own = page_owner(text, off, mentions, owner)
    header = _header_org(text, off, ix)
    out: list[Rel] = []
    roster: int | None = None  # the organisation of a roster heading whose bullets follow
    pos = off
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        bullet = _BULLET.match(line)
        if bullet and roster is not None:
            people = ix.people_in(a, b)
            if people:
                out.append(("AFFILIATED_WITH", people[0][2], roster, a, b, "rule:roster-heading"))
        elif not line.strip() and roster is not None:
            pass  # a blank line between a heading and its bullets
        elif roster is not None and ";" in line:
            _heading_items(line, a, b, ix, roster, out)  # "Steering committee" / "A (chair, X); B (Y); C (Z)."
            roster = None
        else:
            roster = _heading(line, a, b, ix, own, words)
        _semicolon_line(line, a, b, bool(bullet), ix, words, out)
        _field_line(line, a, b, ix, own, owner, header, words, out)
        if ":" in line:
            _label_segments(line, a, ix, words, out)
        _org_contact(line, a, b, ix, words, out)
        if "@" in line:
            _contact_by_email(line, a, b, ix, out)
        _byline(line, a, b, ix, words, out)
        _bracket_semicolon(text, off, a, b, ix, words, out)
        _where_present(text, off, a, b, ix, words, out)
        _leads_unit(text, off, a, b, ix, words, out)
        _founded_by(text, off, a, b, ix, words, out)
        _our_founders(text, off, a, b, ix, out)
        _founder_of_described(text, off, a, b, ix, words, out)
        _org_title_comma_person(text, off, a, b, ix, words, out)
        _semicolon_items(line, a, b, ix, words, out)
        if "|" in line and ix.people_in(a, b):  # (the filer is looked up only for a table row)
            _table_row(line, a, b, ix, own if own is not None else _filer(mentions), words, out)
    out += masthead_people(text, off, mentions, words)  # "Published by X. Editor: Y" (relation_people_masthead.py)
    out += runs_published(text, off, mentions)  # "The programme is administered by X" (relation_runs_published.py)
    out += founding_published(text, off, mentions)  # "A spin-off of X, it was founded by A" (relation_founding_published.py)
    return [r for r in out if r[1] != r[2]]


def _heading(line: str, a: int, b: int, ix: MentionIndex, own: int | None, words: PublishedWords) -> int | None:
    """A short heading line naming a governing body or team, without a colon or full stop: its organisation."""
    s = line.strip()
    if not s or len(s) > 60 or s.endswith((":", ".")) or _BULLET.match(line) or ix.people_in(a, b):
        return None
    ws = [w.lower() for w in _WORD.findall(s)]
    if not any(w in words.heading_words for w in ws) or any(w in words.past for w in ws):
        return None
    named = ix.orgs_in(a, b)
    return named[0][2] if named else own


def _semicolon_line(line: str, a: int, b: int, bullet: bool, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"- Dr. A, Chair; Director, Cochin Institute": a roster line whose titles hold a semicolon; the org ends it."""
    if ";" not in line:
        return
    people, orgs = ix.people_in(a, b), ix.orgs_in(a, b)
    if len(people) != 1 or not orgs:
        return
    p, o = people[0], orgs[-1]
    lead = line[bullet.end() if (bullet := _BULLET.match(line)) else 0:p[0] - a]
    if not _HONORIFIC.match(lead) or p[1] > o[0] or line[o[1] - a:].strip(" .,;") != "":
        return
    between = line[p[1] - a:o[0] - a]
    if not between.strip().startswith(",") or not between.rstrip().endswith(",") or ix.orgs_in(p[1], o[0]):
        return
    if words.is_title(between.replace(";", " ")):
        out.append(("AFFILIATED_WITH", p[2], o[2], a, b, "rule:roster-titles"))
        if words.founder_in(between):
            out.append(("FOUNDED", p[2], o[2], a, b, "rule:roster-titles"))


def _field_line(line: str, a: int, b: int, ix: MentionIndex, own: int | None, owner: int | None, header: int | None,
                words: PublishedWords, out: list[Rel]) -> None:
    """"Authors: A and B", "Executive Director: A", "Key people: A (title); B (title)", "Founders: A, B"."""
    if _BULLET.match(line):
        return
    m = _LABEL.match(line)
    if m is None:
        return
    label = m.group(1).strip().lower()
    founders = label in words.founder_labels
    if not founders and _person_org_body(line, a, b, a + m.start(2), ix, words, out):
        return  # "Editor: Mariana Trejo, Analítica Queretana.", "Programme director: Lim Wei Ling, NOAC"
    if label in ("authors", "author", "editor", "editors"):
        org = own if own is not None else header
    elif founders or label in words.affiliation_labels:
        org = own if owner is None else None  # with the context's owner, the infobox rule reads these already
    elif words.is_title(label) and not words.founder_in(label):
        org = own
    else:
        return
    if org is None:
        return
    body = a + m.start(2)
    for p in ix.people_in(body, b):
        if not _own_clause(line, a, body, p, ix):
            continue
        out.append(("FOUNDED" if founders else "AFFILIATED_WITH", p[2], org, a, b, "rule:people-field"))


_SEGMENT = re.compile(r"(?<=[.!?;])\s+(?=[A-Z][A-Za-z &-]{1,40}?:\s)")


def _label_segments(line: str, a: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """A title label after a sentence inside a line: "... compiled by Analítica Queretana. Editor: Mariana Trejo,
    Analítica Queretana." (the person and the organisation of the segment), "- Lion's Head Ventures. A Cape Town fund.
    Managing partner: Zanele Dube." (the organisation that opens the list item)."""
    for m in _SEGMENT.finditer(line):
        rest = line[m.end():]
        stop = re.search(r"[.!?](?=\s+[A-Z])", rest)
        seg = rest[:stop.end()] if stop else rest
        label = _LABEL.match(seg)
        if label is None:
            continue
        lab = label.group(1).strip().lower()
        if not (words.is_title(lab) and not words.founder_in(lab) or lab in words.affiliation_labels):
            continue
        sa = a + m.end()
        sb, body = sa + len(seg), sa + label.start(2)
        if _person_org_body(seg, sa, sb, body, ix, words, out):
            continue
        bullet = _BULLET.match(line)
        first = [o for o in ix.orgs_in(a, sa) if bullet and o[0] == a + bullet.end()]
        people = ix.people_in(body, sb)
        if first and len(people) == 1 and not ix.orgs_in(body, sb) and _HONORIFIC.match(seg[label.start(2):people[0][0] - sa]):
            out.append(("AFFILIATED_WITH", people[0][2], first[0][2], a, sb, "rule:entry-title-field"))


def _person_org_body(line: str, a: int, b: int, body: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> bool:
    """A field whose value is one person, an optional title and the organisation that ends the line."""
    people, orgs = ix.people_in(body, b), ix.orgs_in(body, b)
    if len(people) != 1 or len(orgs) != 1 or not _HONORIFIC.match(line[body - a:people[0][0] - a]):
        return False
    p, o = people[0], orgs[0]
    between = line[p[1] - a:o[0] - a].strip()
    if p[1] > o[0] or line[o[1] - a:].strip(" .") or not between.startswith(",") or not between.endswith(","):
        return False
    title = between.strip(", ")
    if title and not words.is_title(title):
        return False
    out.append(("AFFILIATED_WITH", p[2], o[2], a, b, "rule:field-person-org"))
    return True


def _own_clause(line: str, a: int, body: int, p: tuple[int, int, int], ix: MentionIndex) -> bool:
    """The person is an item of the field's list, not someone named inside another's bracket or clause."""
    before = line[body - a:p[0] - a]
    return before.count("(") == before.count(")") and not re.search(r"\b(?:from|of|at|by|with)\s*$", before)


def _org_contact(line: str, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"Erdre Robotique: Lucie Fontaine, Head of Communications, presse@..." (the organisation opens the line)."""
    lead = len(line) - len(line.lstrip(" -•*–"))
    orgs = [o for o in ix.orgs_in(a, b) if o[0] == a + lead]
    if not orgs:
        return
    o = orgs[0]
    m = re.match(r"\s*[:|–—]\s*", line[o[1] - a:])
    if m is None:
        return
    people = [p for p in ix.people_in(a, b) if p[0] == o[1] + m.end()]
    if not people:
        return
    p = people[0]
    rest = line[p[1] - a:]
    parts = rest.split(",")
    title = ""
    if len(parts) > 1 and not _CONTACT.match(parts[1]):
        title, rest = parts[1], ",".join(parts[2:])
        if not words.is_title(title) or no_post_title(title):  # "X — A, investor" (relation_people_past)
            return
    elif len(parts) > 1:
        rest = ",".join(parts[1:])
    if not _CONTACT.match(rest) or ix.orgs_in(p[1], b):
        return
    if title and words.founder_in(title) and not any(
            w.lower() not in words.founders and w.lower() not in {"and", "&"} for w in _WORD.findall(title)):
        out.append(("FOUNDED", p[2], o[2], a, b, "rule:org-contact-line"))  # "- X — A, Founder": a founder only
        return
    out.append(("AFFILIATED_WITH", p[2], o[2], a, b, "rule:org-contact-line"))


_EMAIL = re.compile(r"[\w.+-]+@([\w-]+)\.[\w.-]+")


def _contact_by_email(line: str, a: int, b: int, ix: MentionIndex, out: list[Rel]) -> None:
    """"Media contact: Claire Vidal, claire.vidal@tarn-analytics.example" under a release: no organisation on the
    line, one person, and an e-mail domain that spells an organisation of the page ("tarn" -> Tarn Analytics)."""
    m = _EMAIL.search(line)
    people = ix.people_in(a, b)
    if m is None or len(people) != 1 or ix.orgs_in(a, b) or people[0][0] > a + m.start():
        return
    domain = m.group(1).lower().replace("-", "")
    if len(domain) < 4:
        return
    hits = {o[2] for o in ix.orgs if _spells(domain, ix.ms[o[2]].canonical or ix.ms[o[2]].text)}
    named = {ix.ms[i].canonical for i in hits}
    if len(named) == 1:
        out.append(("AFFILIATED_WITH", people[0][2], min(hits), a, b, "rule:contact-email-org"))


def _spells(domain: str, name: str) -> bool:
    """Does an e-mail domain spell the name: its first word ("tarn"), its words run together ("tarnanalytics"), or its
    initials ("kipi")? Only letters count; a first word must have four letters or more."""
    ws = [w.lower() for w in re.findall(r"[^\W\d_]+", name)]
    if not ws:
        return False
    joined = "".join(ws)
    initials = "".join(w[0] for w in ws if w not in ("of", "and", "for", "the", "de", "du", "la"))
    return len(ws[0]) >= 4 and domain.startswith(ws[0]) or domain == joined or len(initials) >= 3 and domain == initials


def _byline(line: str, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"Interview by Rafael Ouano, senior editor, Visayas Tech Review"; "Q&A with A, founder of X"."""
    s = line.lstrip(" -•*–")
    low = s.lower()
    opener = next((o for o in words.byline_openers if low.startswith(o + " ")), None)
    if opener is None:
        return
    start = a + len(line) - len(s) + len(opener) + 1
    people = [p for p in ix.people_in(a, b) if _HONORIFIC.match(line[start - a:p[0] - a])]
    if not people:
        return
    p = people[0]
    orgs = ix.orgs_in(p[1], b)
    orgs = [o for o in orgs if re.fullmatch(r"[\s.]*(?:[|·•—–].*)?", line[o[1] - a:])]  # "... | 2 October 2026", "· 24 Nov"
    if not orgs:
        return
    o = orgs[-1]
    between = line[p[1] - a:o[0] - a].strip()
    if not between.startswith((",", "|")):  # "By A, Org | date", "By A | Org | date"
        return
    title = re.sub(r"\s*(?:,|\||\b(?:of|at)\b)\s*$", "", between[1:].strip())
    if ix.orgs_in(p[1], o[0]) or (title and not words.is_title(title)):
        return
    if not title and opener not in ("by", "interview by", "interviewed by", "words by", "text by", "reporting by", "written by"):
        return
    if title and words.founder_in(title):
        out.append(("FOUNDED", p[2], o[2], a, b, "rule:byline"))
        if not any(w.lower() not in words.founders and w.lower() not in {"and", "&"} for w in _WORD.findall(title)):
            return  # a founder only
    out.append(("AFFILIATED_WITH", p[2], o[2], a, b, "rule:byline"))


def _bracket_semicolon(text: str, off: int, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"Ragnhild Eilertsen (chair; Troms County Authority)"."""
    for p in ix.people_in(a, b):
        m = re.match(r"\s*\(([^();]{1,60});\s*", text[p[1] - off:b - off])
        if m is None or not words.is_title(m.group(1)):
            continue
        at = p[1] + m.end()
        hit = [o for o in ix.starting(ix.orgs, at) if o[1] <= b and text[o[1] - off:o[1] - off + 1] == ")"]
        if hit:
            out.append(("AFFILIATED_WITH", p[2], hit[0][2], a, b, "rule:person-bracket-semicolon"))


_WHERE = re.compile(r"\s*,\s*where\s+(?:she|he|they)\s+((?:\w+\s+){1,3})")


def _where_present(text: str, off: int, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"A, joins from IZA, where she remains head of the data unit": the person holds a post at the organisation."""
    for o in ix.orgs_in(a, b):
        m = _WHERE.match(text[o[1] - off:b - off])
        if m is None:
            continue
        verbs = m.group(1).lower().split()
        if verbs[0] not in words.where_present or any(v in words.where_past or v in words.past for v in verbs):
            continue
        sent_start = max(a, text.rfind(". ", a - off, o[0] - off) + off + 1)
        people = [p for p in ix.people_in(sent_start, o[0])]
        if people:
            clause = text[people[-1][1] - off:o[0] - off].lower()
            if not any(w in words.past for w in _WORD.findall(clause)):
                out.append(("AFFILIATED_WITH", people[-1][2], o[2], sent_start, b, "rule:where-present-post"))


def _leads_unit(text: str, off: int, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"A, who runs MIAC's engineering team", "B, who remains a professor at X, leads the company's modelling team":
    a present role verb whose object is a unit of the organisation (its possessive)."""
    for o in ix.refs_in(a, b):
        after = text[o[1] - off:o[1] - off + 2]
        if after not in ("'s", "’s") and not (after[:1] in ("'", "’") and text[o[1] - off - 1:o[1] - off] == "s"
                                              and text[o[1] - off + 1:o[1] - off + 2] == " "):
            continue  # "Kessel Institute's lab", "Veltra Dynamics' lab"
        m = re.search(r"\b(\w+(?:-\w+)?)\s+(?:the\s+)?$", text[max(a, o[0] - 40) - off:o[0] - off])
        if m is None or m.group(1).lower() not in words.unit_verbs:
            continue
        verb_at = max(a, o[0] - 40) + m.start()
        sent_start = max(a, text.rfind(". ", a - off, verb_at - off) + off + 1)
        people = [p for p in ix.people_in(sent_start, verb_at) if verb_at - p[1] <= 160]
        if not people or ix.orgs_in(people[-1][1], verb_at) and not re.search(
                r",\s*(?:who|which)\b[^,]*,\s*$", text[people[-1][1] - off:verb_at - off]):
            continue  # another organisation between them is the subject's, unless inside a clause set off by commas
        clause = text[people[-1][1] - off:verb_at - off].lower()
        if any(w in words.past for w in _WORD.findall(clause)) or re.search(r"[.;:]\s", clause):
            continue
        out.append(("AFFILIATED_WITH", people[-1][2], o[2], sent_start, b, "rule:person-leads-unit"))


_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:our|its|their|the company's)\s+[A-Za-z][\w -]{0,40}?)?\s*(?:,\s*and|,|and|&)\s*$")


def _people_list(text: str, off: int, start: int, end: int, ix: MentionIndex) -> list[tuple[int, int, int]]:
    """People listed from ``start``: "A and B", "A, B and C", "A, our Chief Executive Officer, and B"."""
    found: list[tuple[int, int, int]] = []
    pos = start
    for p in ix.people_in(start, end):
        gap = text[pos - off:p[0] - off]
        if found and not _LIST_GLUE.match(gap) or not found and not _HONORIFIC.match(gap):
            break
        found.append(p)
        pos = p[1]
    return found


def _sentence_bounds(text: str, off: int, a: int, b: int, at: int) -> tuple[int, int]:
    s = max(a, max(text.rfind(". ", a - off, at - off), text.rfind("? ", a - off, at - off)) + off + 2)
    e = text.find(". ", at - off, b - off)
    return (a if s == a + 1 else s), (b if e < 0 else e + off + 1)


def _founded_by(text: str, off: int, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"X is a spin-off of Y founded in 2020 by A and B", "A spin-off of Y founded in 2020 by A and B, the company
    ...", "- Org (Town). ... Founded in 2019 by A and B, who ...", "We were incorporated in 2016 by A, our CEO, and B"."""
    line = text[a - off:b - off]
    if " by " not in line.lower():
        return
    for m in _founding_re(words.founding_verbs).finditer(line):
        at, by_end = a + m.start(), a + m.end()
        s, e = _sentence_bounds(text, off, a, b, at)
        people = _people_list(text, off, by_end, e, ix)
        org = _founded_org(text, off, a, s, e, at, people[-1][1], ix, words) if people else None
        for p in people if org is not None else []:
            out.append(("FOUNDED", p[2], org, s, e, "rule:founded-by-people"))


@lru_cache(maxsize=4)
def _founding_re(verbs: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(v) for v in verbs)
    return re.compile(r"\b(?:" + alts + r")(?: in (?:early |late )?(?:\w+ )?\d{4})? by ", flags=re.I)


def _founded_org(text: str, off: int, a: int, s: int, e: int, at: int, list_end: int, ix: MentionIndex,
                 words: PublishedWords) -> int | None:
    """The organisation a "founded by" phrase is said of."""
    head = text[s - off:at - off]
    first = ix.refs_in(s, at)
    if first and first[0][0] == s and re.match(r"\s*(?:is|was|,)\s+(?:an?|the)\s", text[first[0][1] - off:at - off]):
        return first[0][2]  # "X is a spin-off of Y founded in 2020 by A and B"
    if re.match(r"\s*we\s+(?:were|was)\s*$", head, flags=re.I) or re.match(r"\s*(?:an?|the)\s+[\w-]+(?:\s+of\s.*)?$|\s*$", head, flags=re.I):
        if re.match(r"\s*we\s", head, flags=re.I):
            ours = [o for o in ix.refs_in(s, e) if text[o[0] - off:o[1] - off].lower() in ("our", "we")]
            return ours[0][2] if ours else None
        after = re.match(r"\s*,\s*", text[list_end - off:e - off])
        if after:  # "..., the company employs 55 people": the subject after the fronted phrase
            nxt = [o for o in ix.refs if o[0] == list_end + after.end() or o[0] == list_end + after.end() + 4
                   and text[list_end + after.end() - off:o[0] - off].lower() == "the "]
            if nxt:
                return nxt[0][2]
        if head.strip() == "" and s > a:  # "- Fynbos Analytics (Stellenbosch). Yield ... Founded in 2019 by A and B"
            lead = ix.orgs_in(a, s)
            line = text[a - off:lead[0][0] - off] if lead else "x"
            if lead and _BULLET.match(line + "x") is not None or lead and line.strip() == "":
                return lead[0][2]
    return None


def _our_founders(text: str, off: int, a: int, b: int, ix: MentionIndex, out: list[Rel]) -> None:
    """"Our co-founders, Marcus Bell and Anita Shah, continue to serve as ..." (a filing's "our")."""
    for o in ix.refs_in(a, b):
        if text[o[0] - off:o[1] - off].lower() != "our":
            continue
        m = re.match(r"\s+(?:co-?)?founders?,?\s+", text[o[1] - off:b - off])
        if m is None:
            continue
        s, e = _sentence_bounds(text, off, a, b, o[0])
        for p in _people_list(text, off, o[1] + m.end(), e, ix):
            out.append(("FOUNDED", p[2], o[2], s, e, "rule:our-founders"))


@lru_cache(maxsize=4)
def _described_re(org_nouns: frozenset[str]) -> re.Pattern[str]:
    """Speed: the "co-founder of the ... firm X" pattern compiled once for the noun list, not per person."""
    nouns = "|".join(re.escape(n) for n in sorted(org_nouns))
    return re.compile(r",\s+(?:a\s+|the\s+)?(?:co-?)?founder\s+of\s+the\s+((?:[\w-]+\s+){0,4}?)(" + nouns + r")\s+")


def _founder_of_described(text: str, off: int, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"Ulrike Brandt, co-founder of the property software firm Mietly": the founded firm after a describing noun."""
    for p in ix.people_in(a, b):
        rest = text[p[1] - off:min(b, p[1] + 120) - off]
        m = _described_re(words.org_nouns).match(rest)  # the noun may stand after other words
        if m is None:
            continue
        at = p[1] + m.end()
        hit = ix.starting(ix.orgs, at)
        if hit:
            out.append(("FOUNDED", p[2], hit[0][2], a, b, "rule:founder-of-described"))


def _org_title_comma_person(text: str, off: int, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"Kitahama's chief technology officer, Daichi Okamoto, said", "the Harbour Data Lab, whose head, Krzysztof
    Lemański, joined": an organisation's title set off by commas before the person who holds it."""
    for o in ix.orgs_in(a, b):
        m = re.match(r"(?:['’]s\s+|\s*,\s*whose\s+)((?:[\w&-]+\s+){0,5}?[\w&-]+)\s*,\s+", text[o[1] - off:b - off])
        if m is None or not words.is_title(m.group(1)):
            continue
        at = o[1] + m.end()
        p = next((p for p in ix.from_start(ix.people, at) if p[0] == at or _HONORIFIC.match(text[at - off:p[0] - off])),
                 None)  # speed: the first person from ``at`` on, not every person of the page
        if p is None or p[0] > at + 12 or not re.match(r"\s*[,.;)]", text[p[1] - off:b - off] or "."):
            continue
        out.append(("AFFILIATED_WITH", p[2], o[2], a, b, "rule:org-title-comma-person"))
        if words.founder_in(m.group(1)):
            out.append(("FOUNDED", p[2], o[2], a, b, "rule:org-title-comma-person"))


def _semicolon_items(line: str, a: int, b: int, ix: MentionIndex, words: PublishedWords, out: list[Rel]) -> None:
    """"Board of Directors: A (Chair), Kestrel Robotics; B, Orrin Institute; C, Quillon Systems": items of a
    semicolon list, each a person, an optional title and the organisation that ends the item."""
    parts = line.split(";")
    if len(parts) < 2:
        return
    pos = a
    for part in parts:
        ps, pe = pos, pos + len(part)
        pos = pe + 1
        lab = _LABEL.match(part)
        start = ps + (lab.start(2) if lab and not ix.people_in(ps, ps + lab.start(2)) else 0)
        people, orgs = ix.people_in(start, pe), ix.orgs_in(start, pe)
        if len(people) != 1 or len(orgs) != 1 or people[0][1] > orgs[0][0]:
            continue
        p, o = people[0], orgs[0]
        if not _HONORIFIC.match(line[start - a:p[0] - a]) or line[o[1] - a:pe - a].strip(" .") != "":
            continue
        between = re.sub(r"\(([^()]*)\)", r", \1,", line[p[1] - a:o[0] - a]).strip()
        if not between.endswith(","):
            continue
        title = between.strip(", ")
        if title and not words.is_title(title.replace(",", " ")):
            continue
        out.append(("AFFILIATED_WITH", p[2], o[2], ps, pe, "rule:semicolon-items"))
        if title and words.founder_in(title):
            out.append(("FOUNDED", p[2], o[2], ps, pe, "rule:semicolon-items"))


def _heading_items(line: str, a: int, b: int, ix: MentionIndex, org: int, out: list[Rel]) -> None:
    """A roster heading over one line of semicolon items, each a name with a short note: "Steering committee" /
    "Aïssatou Ndiaye (chair, Université X); Mamadou Sarr (Xamle AI)" ties each person to the heading's organisation.
    Every item is short and at least two open with a person (a paragraph of prose under "The team" is no roster)."""
    items, pos, n = [], a, 0
    for part in line.split(";"):
        ps, pe = pos, pos + len(part)
        pos = pe + 1
        if not part.strip(" .\t"):
            continue
        n += 1
        if len(part.split()) > 14:
            return
        people = ix.people_in(ps, pe)
        if people and _HONORIFIC.match(line[ps - a:people[0][0] - a].lstrip(" -•*–")):
            items.append(people[0][2])
    if len(items) >= 2 and n >= 2:
        out.extend(("AFFILIATED_WITH", p, org, a, b, "rule:roster-heading") for p in items)


def _table_row(line: str, a: int, b: int, ix: MentionIndex, own: int | None, words: PublishedWords, out: list[Rel]) -> None:
    """A table row rendered as text: "Hye-jin Albrecht | 44 | Chief Technology Officer" (the page's organisation),
    "Lina Berg | Head of Research | Kestrel Robotics" (the organisation in its own field)."""
    if line.count("|") < 1:
        return
    fields, col = [], a
    for f in line.split("|"):
        lead = len(f) - len(f.lstrip())
        fields.append((f.strip(), col + lead, col + lead + len(f.strip())))
        col += len(f) + 1
    if len(fields) < 2 or not fields[0][0]:
        return
    people = [p for p in ix.people_in(a, b) if p[1] == fields[0][2] and _lead_in(line[fields[0][1] - a:p[0] - a])]
    if not people:
        return  # "Lina Berg", "Press contact: Dr. Lina Berg": the person fills the first field
    fields = [_org_field(f, ix) for f in fields]
    if not any(words.is_title(f[0]) for f in fields[1:]):
        _name_org_row(fields, a, b, people[0], ix, out)  # "Selim Kaya | Kordon Robotics | Bursa"
        return
    if any(words.past & {w.lower() for w in _WORD.findall(line)}):
        return
    orgs = ix.orgs_in(a, b)
    whole = [o for o in orgs if any(o[0] == f[1] and o[1] == f[2] for f in fields[1:])]
    if orgs and not whole:
        return  # an organisation inside a field: no table of posts
    if any(not (f[0].isdigit() or words.is_title(f[0]) or any(o[0] == f[1] for o in whole)) for f in fields[1:] if f[0]):
        return  # every other field is an age, a title or the organisation
    org = whole[-1][2] if whole else own
    if org is None:
        return
    titles = " ".join(f[0] for f in fields[1:] if words.is_title(f[0]))
    if whole and words.founder_in(titles):  # "A | Founder and CEO | X": FOUNDED too; a founder only gets FOUNDED alone
        out.append(("FOUNDED", people[0][2], org, a, b, "rule:table-row"))
        if all(w.lower() in words.founders or w.lower() in ("and", "&") for w in _WORD.findall(titles)):
            return
    out.append(("AFFILIATED_WITH", people[0][2], org, a, b, "rule:table-row"))


def _lead_in(text: str) -> bool:
    """What may stand before the person in a row's first field: a label ending in ":" ("Press contact:", "Project
    lead:") and honorifics ("Prof. Dr.", "Dr. med.", "Ing.")."""
    label, colon, rest = text.rpartition(":")
    if colon and (len(label.split()) > 4 or not label.strip()):
        return False
    return bool(_ROW_HONORIFICS.match(rest if colon else text))


def _org_field(field: tuple[str, int, int], ix: MentionIndex) -> tuple[str, int, int]:
    """A field holding an organisation and its town ("Kenai Edge Systems, Anchorage") read as the organisation alone."""
    text, fa, fb = field
    org = next((o for o in ix.orgs_in(fa, fb) if o[0] == fa), None)
    if org is None or org[1] >= fb or text[org[1] - fa:org[1] - fa + 1] != ",":
        return field
    places = ix.within(org[1], fb)
    if not places or any(ix.ms[r[2]].type != "Cluster" for r in places) or places[-1][1] != fb:
        return field
    return text[:org[1] - fa], fa, org[1]


def _name_org_row(fields: list[tuple[str, int, int]], a: int, b: int, person: tuple[int, int, int], ix: MentionIndex,
                  out: list[Rel]) -> None:
    """A speaker or roster line cut by bars: the person, then a field that is exactly one organisation, then only
    places, dates or nothing ("Selim Kaya | Kordon Robotics | Bursa", "Ana Lim | Tarn Analytics | 3 May 2026")."""
    if len(fields) < 2 or not fields[1][0]:
        return
    org = [o for o in ix.orgs_in(a, b) if o[0] == fields[1][1] and o[1] == fields[1][2]]
    if not org:
        return
    for text, fa, fb in fields[2:]:
        named = ix.within(fa, fb)
        if text and not (re.fullmatch(r"[\d\s.,/:-]*(?:[A-Z][a-z]+\s*)?[\d\s.,/:-]*", text)
                         or named and all(ix.ms[r[2]].type == "Cluster" for r in named)):
            return  # another field that is no place or date: a table of something else
    out.append(("AFFILIATED_WITH", person[2], org[0][2], a, b, "rule:name-org-row"))


def _filer(mentions: Sequence[MentionFact]) -> int | None:
    """The organisation a filing's "we", "our" and "the Company" stand for (the one they point to most often)."""
    counts: dict[int, int] = {}
    for m in mentions:
        if m.source == "anaphor" and m.coref is not None and m.text.lower() in ("we", "our", "us", "company", "the company"):
            counts[m.coref] = counts.get(m.coref, 0) + 1
    return max(counts, key=counts.get) if counts else None
