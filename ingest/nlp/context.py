"""Document context for relations: the document's own city and the place a description refers to.

News, press releases and programme pages name their city once, in the dateline
("TORONTO, March 3 --", "Paris, 4 February 2026") or the title ("Tokyo's model makers ..."), and
then say "the city", "the city's AI cluster", "the region". Such a description stands for that
city, not for whatever place the previous sentence happened to name. Without a title or dateline
city, the latest place named before the sentence is used, as before.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from aikg.core.paths import as_path, shipped
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_membership import prep_object
from aikg.ingest.nlp.token_index import TokenIndex

# "SEATTLE - ", "AUSTIN, Texas - ", "ABU DHABI, 12 March 2026 - ", "NAIROBI, Kenya – "
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'’ -]{1,40}?[A-Z.])(?:,[^\n\-–—]{0,40})?\s+[-–—]{1,2}\s", re.M)
# "Paris, 4 February 2026" alone on its line
_DATELINE_LINE = re.compile(r"^\s*([A-Z][\w.'’ -]{1,40}?),\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+\d{4}\s*$", re.M)
TITLE_CHARS = 300


@dataclass(frozen=True)
class DocPlace:
    """The document's city (a mention index) when its title or dateline names exactly one place."""

    home: int | None


def _title_text(text: str) -> str:
    """The first non-empty lines up to the first paragraph of prose (titles, standfirsts, bylines)."""
    head = text[:TITLE_CHARS]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    return "\n".join(ln for ln in lines[:2] if not ln.endswith("."))


def _dateline(text: str) -> str | None:
    for rx in (_DATELINE, _DATELINE_LINE):
        m = rx.search(text[:2000])
        if m:
            return m.group(1).strip()
    return None


def _named_in(name: str, where: str) -> bool:
    if name and name.isascii() and where.isascii() and name.lower() not in where.lower():
        return False  # speed only: in ASCII text a case-blind match needs the lower-cased name inside
    return bool(name) and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", where, re.I) is not None


def home_place(text: str, mentions: Sequence[MentionFact]) -> DocPlace:
    """Which Cluster mention stands for the document's own city (dateline first, then a one-place title)."""
    places = [(i, m) for i, m in enumerate(mentions) if m.type == "Cluster" and m.source != "anaphor"]
    if not places:
        return DocPlace(None)
    dateline = _dateline(text)
    if dateline:
        for i, m in places:
            if _named_in(m.text, dateline) or _named_in(m.canonical, dateline):
                return DocPlace(i)
    title = _title_text(text)
    if title:
        found: dict[str, int] = {}
        for i, m in places:
            if _named_in(m.text, title) or _named_in(m.canonical, title):
                found.setdefault(m.canonical.lower(), i)
        if len(found) == 1:
            return DocPlace(next(iter(found.values())))
    return DocPlace(None)


def describes_place(words: Sequence[str], nouns: frozenset[str]) -> bool:
    """Does the sentence refer to a place by description ("the city's AI cluster", "the region")?"""
    for k in range(1, len(words)):
        if words[k] in nouns and words[k - 1] in ("the", "this", "its", "their", "local"):
            return True
        if k >= 2 and words[k] in nouns and words[k - 2] in ("the", "this") and words[k - 1].isalpha():
            return True  # "The aerospace cluster is anchored by X" (relation_anchor.py: the place it means)
    return False


def evidence_start(sent_starts: Sequence[int], start: int, mentions: Sequence[MentionFact], ends: Iterable[int]) -> int:
    """Where the evidence of a relation begins: the sentence before when an end is a reference back to a
    name in that sentence ("... Lumora Labs. The company partners with ...") or is named there itself
    ("X raised $5 million. The round was led by Y"), or two sentences before when the reference's name is
    there ("X makes probes. It employs 40. The company partners with Y"), else the sentence itself."""
    k = bisect_right(sent_starts, start) - 1
    prev = sent_starts[k - 1] if k >= 1 else None
    if prev is None:
        return start
    far = start
    for i in ends:
        m = mentions[i]
        if prev <= m.start < start:
            return prev
        if m.source != "anaphor" or m.coref is None:
            continue
        ante = mentions[m.coref]
        if prev <= ante.start < start:
            return prev
        if k >= 2:  # "X makes probes. It employs 40. The company partners with Y": from X's sentence
            back = sent_starts[k - 2]
            named = [x.start for x in mentions if back <= x.start < prev and x.source != "anaphor"
                     and x.canonical == m.canonical]
            far = min(far, back) if named else far
    return far


ROUND_ORGS = ("Company", "Institute", "Agency")
ROUND_HEADS = ("round", "seed", "series", "pre-seed")  # "X's seed round": not "Y's investment in X" (Y invests)
POSSESSIVES = ("'s", "’s", "'", "’")
DATELINE_DASHES = {"--", "—", "–", "-"}


@dataclass(frozen=True)
class RoundWords:
    """Lexicon words that name a funding round and say who raised it (``round_nouns``, ``round_raise_words``)."""

    nouns: frozenset[str]
    raise_words: frozenset[str]

    @classmethod
    def from_lexicon(cls, relations: dict[str, Any]) -> "RoundWords":
        return cls(frozenset(relations.get("round_nouns", ())), frozenset(relations.get("round_raise_words", ())))

    def names_round(self, sent: Any) -> bool:
        """Does the sentence name a funding round ("the seed round", "a Series A", "raised $3 million")?"""
        idx = TokenIndex.of(sent.doc)  # speed: the words as lists, not a spaCy Token per word
        texts, lows, nouns, end = idx.text, idx.lower, self.nouns, sent.end
        for k in range(sent.start, end):
            low = lows[k]
            if (low in nouns or low.rstrip("s") in nouns) and texts[k].islower():  # (spaCy's is_lower)
                return True
            if texts[k] == "Series" and k + 1 < end and len(texts[k + 1]) == 1 and texts[k + 1].isupper():
                return True
        return raised_amount(sent)  # "closed a $2.8 million Series A": a round without the word

    def owner(self, sent: Any, inside: Sequence[tuple[int, int, int]], types: Sequence[str], previous: int | None,
              page: tuple[int, str] | None = None) -> int | None:
        """Who raised the round this sentence names: "X raised / closed / announced a ... round", "the round of X";
        a sentence that names a round without its owner goes on with the previous one, else it is the round of the
        company the page is about (``page``: its mention and name; "A seed round in 2021 was led by X"); any other
        sentence ends it."""
        if not self.names_round(sent):
            return None
        by_start = {s: i for i, s, _ in inside}
        for t in sent:
            if t.lower_ in self.nouns and t.i + 2 < sent.end and t.nbor(1).lower_ in ("of", "in"):
                k = t.i + 2 + (t.nbor(2).lower_ == "the")
                if k in by_start and types[by_start[k]] in ROUND_ORGS:
                    return by_start[k]  # "leading the seed round of Kvist Bio", "led the round in Kvist Bio"
        verb = next((t.i for t in sent if t.lower_ in self.raise_words), None)
        if verb is not None:  # the first organisation before the verb, after any dateline ("PORTO, 14 May --")
            dash = max((t.i for t in sent if t.i < verb and t.text in DATELINE_DASHES and t.whitespace_), default=-1)
            before = [i for i, s, _ in inside if dash < s < verb and types[i] in ROUND_ORGS]
            if before:
                return before[0]
        ends = {e: i for i, _, e in inside}  # "Nupuri's Series A last spring was led by A"
        for t in sent:
            if t.lower_ in POSSESSIVES and t.i in ends and types[ends[t.i]] in ROUND_ORGS and any(
                    w.lower_ in ROUND_HEADS for w in t.doc[t.i + 1:min(sent.end, t.i + 6)]):
                return ends[t.i]
        if previous is None and page is not None and types[page[0]] == "Company" and not investor_named(page[1]) \
                and _page_round(sent, inside, page[0]):
            return page[0]
        return previous


FIRST_PERSON = ("we", "our", "us", "i", "my")


@lru_cache(maxsize=1)
def _investor_words() -> frozenset[str]:
    """Words of an investor's name ("Capital", "Ventures"): ``investor_name_words`` of context_links.json."""
    try:
        raw = json.loads((as_path(shipped("lexicon")) / "context_links.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return frozenset()
    return frozenset(raw.get("investor_name_words", ()))


def investor_named(name: str) -> bool:
    """Is the page's organisation named as an investor ("Duero Capital", "Tarn Ventures")? A fund's page does not
    raise a seed round."""
    return bool(set(name.lower().split()) & _investor_words())


def _page_round(sent: Any, inside: Sequence[tuple[int, int, int]], page: int) -> bool:
    """Can a round without an owner in its sentence be the page's company's ("A seed round in 2021 was led by X")? Not
    when the page's company is named in it (then it is an investor there), nor in a first person's sentence (a fund's
    own "we led a seed round"); only when every name follows "by"/"from" (not "A seed round for Y was led by X")."""
    if any(i == page for i, _s, _e in inside):
        return False
    if any(t.lower_ in FIRST_PERSON for t in sent):
        return False
    by = next((t.i for t in sent if t.lower_ in ("by", "from")), None)  # "was led by X, with participation from Y"
    return by is not None and all(s > by for _i, s, _e in inside)  # not "A seed round for Y was led by X": Y's


RAISED_WORDS = ("raised", "raises", "raise", "raising", "closed", "closes", "secured", "secures", "landed", "lands")
AMOUNT_WORDS = ("million", "billion", "m", "bn", "mn")


def raised_amount(sent: Any) -> bool:
    """"X has raised $3 million", "X secured €4m": an amount right after a verb of raising names a round (so "The
    round was led by Y" in the next sentence is X's); "received" or "announced" an amount is no round (#14)."""
    idx = TokenIndex.of(sent.doc)  # speed: the words as lists, not a spaCy Token per word
    texts, lows = idx.text, idx.lower
    for i in range(sent.start, sent.end):
        if lows[i] in RAISED_WORDS:
            for k in range(i + 1, min(sent.end, i + 4)):
                w = texts[k]
                if w.endswith("$") or w in ("€", "£", "¥") or lows[k] in AMOUNT_WORDS and k > i + 1:
                    return True
    return False


ORG_TYPES = ("Institute", "Company", "Agency", "Programme")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_AMONG = re.compile(r"^\s*Among (?:its|their|the|(?P<owner>[A-Z][^\s'’]*(?: [A-Z][^\s'’]*){0,5})['’]s?) "
                    r"(?P<mods>(?:[a-z-]+ ){0,2}?)(?P<noun>[a-z]+) (?:are|were|is|include|included)\b")


def doc_subject(text: str, mentions: Sequence[MentionFact]) -> int | None:
    """The organisation a page is about: named on its first line (its title) and again in the body."""
    i = _title_org(text, mentions)
    if i is None:
        return None
    name = mentions[i].canonical
    body = len(text) - len(text.lstrip()) + (text.lstrip() + "\n").find("\n")
    again = any(m.canonical == name and m.text.lower() == mentions[i].text.lower() and m.start > body for m in mentions)
    return i if again else None  # "Cape Town AI: an industry guide" names no organisation the page is about


def _title_org(text: str, mentions: Sequence[MentionFact]) -> int | None:
    first = text.lstrip()
    start = len(text) - len(first)
    end = start + (first.find("\n") if "\n" in first else len(first))
    for i, m in enumerate(mentions):
        if m.type in ORG_TYPES and m.source != "anaphor" and start <= m.start < end:
            return i
    title = text[start:end].strip().lower()  # a title line the entity pass left alone (headings are no mentions)
    for i, m in enumerate(mentions):
        if m.type in ORG_TYPES and m.source != "anaphor" and title and title.startswith(m.text.lower()) \
                and len(m.text) >= 0.6 * len(title):
            return i
        if m.type in ORG_TYPES and m.source != "anaphor" and title and m.text.lower().startswith(title + " ") \
                and len(title) >= 0.6 * len(m.text):
            return i  # an encyclopedia's title "Glärnisch AI", then its infobox's full name "Glärnisch AI AG"
    return None


def _group_of(words: Sequence[str], groups: dict[str, dict[str, str]]) -> dict[str, str] | None:
    if "not" in words or "non" in words or "former" in words:
        return None  # "Not members", "Who is not a member", "Former partners"
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        spec = groups.get(w) or (groups.get(w[:-1]) if w.endswith("s") else None)
        if spec is not None and not prep_object(words, k):  # not "Cloud providers used by participants"
            return spec
    return None


def group_lists(text: str, off: int, mentions: Sequence[MentionFact], owner: int | None,
                groups: dict[str, dict[str, str]]) -> list[tuple[str, int, int, int, int]]:
    """Members listed under a heading ("Founding members" then "- A", "- B") or after "Among its members are":
    (relation type, source, target, evidence start, evidence end) with the page's organisation as the owner."""
    out: list[tuple[str, int, int, int, int]] = []
    firsts = sorted((m.start, i) for i, m in enumerate(mentions) if m.type in ORG_TYPES and m.source != "anaphor")
    heading: tuple[dict[str, str] | None, int] = (None, 0)
    pos = off
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        bullet = _BULLET.match(line)
        words = re.findall(r"[a-z-]+", line.lower())
        if bullet and heading[0] is not None and owner is not None:
            item = next((i for s, i in firsts if start + bullet.end() <= s < min(end, start + bullet.end() + 3)), None)
            if item is not None:
                out.append(_group_rel(heading[0], item, owner, heading[1], end))
            continue
        if line.strip() and not bullet and len(words) <= 5 and not line.rstrip().endswith("."):
            heading = (_group_of(words, groups), start)
            continue
        if line.strip():
            heading = (None, 0)
        out.extend(_among(line, start, end, firsts, owner, groups))
    return [r for r in out if r[1] != r[2]]


def _among(line: str, start: int, end: int, firsts: list[tuple[int, int]], owner: int | None,
           groups: dict[str, dict[str, str]]) -> list[tuple[str, int, int, int, int]]:
    """"Among its members are A, B and C." (the page's organisation) or "Among X's industrial members are A
    and B" (X) at the start of a sentence of this line."""
    out = []
    for sm in re.finditer(r"(?:^|(?<=[.!?] ))[^.!?]*[.!?]?", line):
        m = _AMONG.match(sm.group(0))
        if not m:
            continue
        spec = _group_of([*m.group("mods").split(), m.group("noun")], groups)  # not "Among the former members"
        a, b = start + sm.start(), start + sm.end()
        own = owner
        if m.group("owner"):
            own = next((i for s, i in firsts if s == a + m.start("owner")), None)
        if spec is not None and own is not None:
            out.extend(_group_rel(spec, i, own, a, b) for s, i in firsts if a + m.end() <= s < b)
    return out


def _group_rel(spec: dict[str, str], item: int, owner: int, a: int, b: int) -> tuple[str, int, int, int, int]:
    if spec["member"] == "src":
        return (spec["rel"], item, owner, a, b)
    return (spec["rel"], owner, item, a, b)


_FIELD = re.compile(r"^\s*([A-Z][A-Za-z ]{1,30}):\s+(\S.*)$")


def infobox_fields(text: str, off: int, mentions: Sequence[MentionFact], owner: int | None,
                   fields: dict[str, dict[str, Any]]) -> list[tuple[str, int, int, int, int]]:
    """Infobox lines about the page's organisation ("Headquarters: Genoa, Italy", "Founders: A, B"):
    (relation type, source, target, evidence start, evidence end). ``fields`` is lexicon data."""
    if owner is None:
        return []
    out: list[tuple[str, int, int, int, int]] = []
    firsts = sorted((m.start, i) for i, m in enumerate(mentions) if m.source != "anaphor")
    pos = off
    other = False  # under another organisation's entry heading ("Varde Robotics" / "Headquarters: Bergen")
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        m = _FIELD.match(line)
        spec = fields.get(m.group(1).strip().lower()) if m else None
        if m is None and line.strip():
            head = _entry_heading(line, start, mentions, firsts)
            other = head is not None and mentions[head].canonical != mentions[owner].canonical if head is not None \
                else other
        if spec is None or other:
            continue
        inside = [i for s, i in firsts if start + m.start(2) <= s < end and i != owner]
        for i in inside[:1] if spec.get("single") else inside:
            src, tgt = (owner, i) if spec["owner"] == "src" else (i, owner)
            out.append((spec["rel"], src, tgt, start, end))
    return out


def _entry_heading(line: str, start: int, mentions: Sequence[MentionFact], firsts: list[tuple[int, int]]) -> int | None:
    """The organisation a short heading line is made of ("Varde Robotics", "Marala Analytics (Pvt) Ltd"), or None."""
    s = line.strip()
    if len(s) > 60 or s.endswith((".", ":", ",")) or ":" in s:
        return None
    lead = start + len(line) - len(line.lstrip())
    i = next((i for a, i in firsts if a == lead and mentions[i].type in ORG_TYPES), None)
    if i is not None:
        return i if mentions[i].end >= start + len(line.rstrip()) - 12 else None
    low = s.lower()  # a name alone on its line is no mention (mentions/headings.py): its name elsewhere in the text
    return next((i for _, i in firsts if mentions[i].type in ORG_TYPES and low.startswith(mentions[i].text.lower())
                 and len(mentions[i].text) >= 0.6 * len(s)), None)


def issued_programme(text: str, off: int, mentions: Sequence[MentionFact], prefixes: Sequence[str]
                     ) -> list[tuple[str, int, int, int, int]]:
    """A programme page's header: the title names a programme and the next line its issuer
    ("Prairie Compute Access Programme (PCAP)" / "Issued by the Manitoba Innovation Office | Updated June 2025",
    "Styrian AI Test Bed" / "Styrian Business Promotion Agency | Version 2") -> RUNS(issuer, programme)."""
    if off != 0:
        return []
    found = [(m.start, i) for i, m in enumerate(mentions) if m.source != "anaphor"]
    prog: tuple[int, int] | None = None
    seen = 0
    for line in re.finditer(r"[^\n]+", text[:TITLE_CHARS * 2]):
        if not line.group(0).strip():
            continue
        seen += 1
        a, b = line.start(), line.end()
        here = sorted((s, i) for s, i in found if a <= s < b)
        if prog is None:
            prog = next(((i, a) for _, i in here if mentions[i].type == "Programme"), None)
            if prog is None and seen >= 3:
                break
            continue
        if "|" in line.group(0):
            return _issuer(line.group(0), a, b, here, mentions, prog, prefixes)
        break  # the line right after the title names no issuer
    return []


def _issuer(line: str, a: int, b: int, here: list[tuple[int, int]], mentions: Sequence[MentionFact],
            prog: tuple[int, int], prefixes: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    head = line.split("|")[0]
    k = len(head) - len(head.lstrip())
    low = head.lower()
    for pre in prefixes:
        if low[k:].startswith(pre + " "):
            k += len(pre) + 1
            break
    if low[k:].startswith("the "):
        k += 4
    org = next((i for s, i in here if s == a + k and mentions[i].type in ROUND_ORGS), None)
    return [("RUNS", org, prog[0], prog[1], b)] if org is not None else []
