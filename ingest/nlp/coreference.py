"""Coreference: the one definition of which earlier name a reference stands for.

A reference is a definite description ("the company", "the fund", "the institute", "the lab", "the programme"), a
sentence-opening "It"/"Its" (also "Backed by X, it ...", "Since 2021 it ..."), a clause's "its" after such an "it",
or a sentence-opening "She"/"He". The answer is the nearest compatible antecedent: by type (the noun's types in
``data/lexicon/context_links.json``), for people the one person of the sentence before; among several, the name
that holds the noun or that the text described with it, else the subject of the sentence before. Precision first:
when the sentences before leave two or more names equally possible (two names joined as one subject, a list, a
subject and an object of one type, a person's quote, a person subject with several organisations), no link.
Never across a heading; over a blank line only from a paragraph's first sentence to the last sentence before it
(``_adjacent``, ``_over_break``). "The city" is the document's own city (``context.home_place``).

The mention stage (``mentions/anaphors.py``) leaves these references to this module; the document pass
(``coref_links.py``) finds them in a chunk, asks :class:`Resolver` and writes the links, which the relation rules
then follow into the sentence before (``context.evidence_start`` keeps both sentences as evidence).
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from aikg.core.errors import InputError
from aikg.core.paths import as_path, shipped
from aikg.ingest.nlp.context import doc_subject, home_place
from aikg.ingest.nlp.context_voice import same_body
from aikg.ingest.nlp.coref_subject import (
    apposed_after,
    descriptive_run,
    heading_named,
    named_as_other,
    opening_description,
    possessed_description,
    venue_after,
)
from aikg.ingest.nlp.records import MentionFact

ORG_OR_PROGRAMME = ("Company", "Institute", "Agency", "Programme")
PLACE = ("Cluster",)
FILE = "context_links.json"
WINDOW = 2  # sentences before the reference that a description or the nearest name may come from
_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters of any script: "Universidad", "Politécnica"


_PATTERNS: dict[int, re.Pattern[str]] = {}
_OPENING, _CLOSING = "“‘«", "”’»"
_QUOTES = '"' + "“”«»"  # a lone ’ is an apostrophe far more often than a closing quote
_COORD = (",", "and", "&", "or", "the")
_WALK = frozenset({",", "and", "&", "or", "the", "(", ")", "'s", "’s"})
_VERB_NEXT = frozenset({"with", "on", "across", "the", "a", "an"})
_PREDICATE = frozenset({"is", "was", "as", ",", "becomes", "became", "remains", "be", "been", "–", "—"})
_ADVERBS = frozenset({"also", "now", "still", "later", "since", "then", "jointly", "currently", "partly"})
_WALK_SUBJECT = _WALK - {","}  # "Founded by A and B, Kalulu has ...": the comma ends the fronted phrase


@dataclass(frozen=True)
class LinkWords:
    """The word lists of ``context_links.json``."""

    nouns: dict[str, tuple[str, ...]]
    named_only: frozenset[str]
    restrictive: frozenset[str]
    no_subject_after: frozenset[str]
    pronouns: frozenset[str]
    fronted: frozenset[str]
    desc_links: frozenset[str]
    desc_dets: frozenset[str]
    date_openers: frozenset[str]  # "In", "Since": a sentence opening with a date ("In 2023 it joined")
    months: frozenset[str]
    clause_openers: frozenset[str]  # words after which "the <noun>" opens a clause (",", "and", "says")
    name_blind: frozenset[str]  # nouns a name may hold as a legal form, not as a description ("Company")
    compound_next: frozenset[str]  # words after the noun that make it a modifier ("the company founders")
    near_places: frozenset[str]  # place nouns read as the place just named before the document's city ("region")
    kinds: dict[str, frozenset[str]]  # nouns of one kind ("company", "start-up", "firm") describe each other
    lead_verbs: frozenset[str] = frozenset()  # "X led its seed round": an investor's verb, "its" is not X
    round_words: frozenset[str] = frozenset()  # the nouns that close such a round phrase ("round", "Series")
    heading_not_names: frozenset[str] = frozenset()  # a heading opening with one is no entry's name ("About the Lab")
    heading_small: frozenset[str] = frozenset()  # lower-case words a name on a heading line may hold ("of", "for")
    venue_nouns: frozenset[str] = frozenset()  # a name before one names a place, not a body ("the Delta Centre building")
    restrictive_name: frozenset[str] = frozenset()  # "the incubator at Centrale Nantes": a name after one restricts
    describing: frozenset[str] = frozenset()  # more nouns that describe the name after them ("the software house X")
    founding_verbs: frozenset[str] = frozenset()  # "A founded X, and the company ...": the company is X, not A
    subordinators: frozenset[str] = frozenset()  # "X left Y after it became ...": "it" is the main clause's subject
    object_verbs: frozenset[str] = frozenset()  # "The Y Bank funds it": an object "it" that may stand for an organisation
    body_heads: frozenset[str] = frozenset()  # "the cluster association": a noun after a description noun naming the body
    taking_verbs: frozenset[str] = frozenset()  # "A acquired B, and the company ...": A or B, no link
    partitives: frozenset[str] = frozenset()  # "Most of the centre's work ...": the owner after "of" is the subject

    @classmethod
    def from_dir(cls, lexicon_dir: Path) -> "LinkWords":
        path = Path(lexicon_dir) / FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, json.JSONDecodeError) as e:
            raise InputError(f"cannot read lexicon: {e}", source=str(path)) from e
        return cls.from_dict(raw)

    def pattern(self) -> re.Pattern[str]:
        """The words this pass reads: "the" + a description noun, and "it"/"its"."""
        rx = _PATTERNS.get(id(self))
        if rx is None:
            nouns = "|".join(sorted((re.escape(n) for n in self.nouns), key=len, reverse=True))
            place = r"(?:[A-Z][\w'’.-]*\s+){0,2}?"  # "the Kumasi start-up": a place name may stand between
            amount = r"(?:(?:[A-Z]{0,2}[$£€¥]\s?)?\d[\d.,]*\s?(?:million|billion|bn|m|k)?\s+)?"  # "The £6.4 million centre"
            # "the University", "The Consortium's partners": a capitalised noun right after "the" (reference_at)
            rx = re.compile(rf"\b(?:[Tt]he\s+{amount}{place}(?P<noun>(?i:{nouns}))|It|Its|it|its)\b")
            _PATTERNS[id(self)] = rx
        return rx

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "LinkWords":
        return cls(
            nouns={k: tuple(v) for k, v in raw.get("description_nouns", {}).items()},
            named_only=frozenset(raw.get("named_only", ())),
            restrictive=frozenset(raw.get("restrictive_next", ())),
            no_subject_after=frozenset(raw.get("no_subject_after", ())),
            pronouns=frozenset(raw.get("subject_pronouns", ())),
            fronted=frozenset(raw.get("fronted_openers", ())),
            desc_links=frozenset(raw.get("description_links", ())),
            desc_dets=frozenset(raw.get("description_determiners", ())),
            date_openers=frozenset(raw.get("date_openers", ())),
            months=frozenset(raw.get("months", ())),
            clause_openers=frozenset(raw.get("clause_openers", ())),
            name_blind=frozenset(raw.get("name_blind", ())),
            compound_next=frozenset(raw.get("compound_next", ())),
            near_places=frozenset(raw.get("near_places", ())),
            kinds={n: frozenset(g) - {n} for g in raw.get("noun_kinds", ()) for n in g},
            lead_verbs=frozenset(raw.get("round_lead_verbs", ())),
            round_words=frozenset(raw.get("round_words", ())),
            heading_not_names=frozenset(raw.get("heading_not_names", ())),
            heading_small=frozenset(raw.get("heading_small_words", ())),
            venue_nouns=frozenset(raw.get("venue_nouns", ())),
            restrictive_name=frozenset(raw.get("restrictive_before_name", ())),
            describing=frozenset(raw.get("describing_nouns", ())),
            founding_verbs=frozenset(raw.get("founding_verbs", ())),
            subordinators=frozenset(raw.get("subordinators", ())),
            object_verbs=frozenset(raw.get("object_verbs", ())),
            body_heads=frozenset(raw.get("body_heads", ())),
            taking_verbs=frozenset(raw.get("taking_verbs", ())),
            partitives=frozenset(raw.get("partitive_openers", ())),
        )


#: "X closed a round. The round was led by A. The company ...": the topic of the sentence before a thing-opened
#: sentence with no named subject stays salient (``AIKG_COREF_TOPIC=off`` for an A/B)
TOPIC_ON = os.environ.get("AIKG_COREF_TOPIC", "on").lower() != "off"
PERSON_PRONOUNS = ("She", "He")
_AMOUNT_WORDS = frozenset({"million", "billion", "bn", "m", "k", "mn"})
FIRST_PERSON = frozenset({"we", "i", "us"})  # a fund's own voice: "we led its seed round"


def person_pronouns(sdoc: Any, off: int, mentions: Sequence[MentionFact], first: int) -> list[MentionFact]:
    """"Mara Lind studied in Oslo. She now leads Lumora Labs.": a sentence-opening "She"/"He" stands for the
    one person named in the sentence before (none when it names several or none)."""
    out: list[MentionFact] = []
    taken = {(m.start, m.end) for m in mentions}
    sents = list(sdoc.sents)
    for prev, sent in zip(sents, sents[1:]):
        tok = sent[0]
        if tok.text not in PERSON_PRONOUNS or len(sent) < 3 or not sent[1].text[:1].islower():
            continue
        a, b = off + prev.start_char, off + prev.end_char
        people = {m.canonical for m in mentions[first:] if m.type == "Person" and a <= m.start < b and m.source != "anaphor"}
        if len(people) > 1:  # "A co-founded X in 2021 together with B. She is ...": the sentence's subject
            people = _opening_person(sdoc.text, off, prev.start_char, mentions[first:], a, b)
        if len(people) != 1:
            continue
        name = next(iter(people))
        idx = max(i for i, m in enumerate(mentions) if i >= first and m.type == "Person" and m.canonical == name and a <= m.start < b)
        start = off + tok.idx
        if (start, start + len(tok.text)) in taken:
            continue
        out.append(MentionFact(text=tok.text, start=start, end=start + len(tok.text), type="Person", source="anaphor",
                               canonical=name, coref=idx))
    return out


def _opening_person(text: str, off: int, rel_start: int, mentions: Sequence[MentionFact], a: int, b: int) -> set[str]:
    """The person who opens the sentence ``[a, b)`` as its lone subject, the others only her companions ("A co-founded
    X in 2021 together with B"), else nothing ("A and B founded X", "A met B")."""
    people = sorted((m for m in mentions if m.type == "Person" and a <= m.start < b and m.source != "anaphor"),
                    key=lambda m: m.start)
    lead = text[rel_start:people[0].start - off].strip().rstrip(".").lower() if people else "x"
    if lead not in ("", "dr", "prof", "professor", "mr", "mrs", "ms"):
        return set()
    after = text[people[0].end - off:people[0].end - off + 6].lstrip()
    if after.startswith(("and ", "& ", ",", "(")):
        return set()  # "A and B founded X", "A, B and C", "A (left)": no one subject
    others = [m for m in people[1:] if m.canonical != people[0].canonical]
    if not all(re.search(r"\b(?:with|alongside)\s+(?:\w+\s+){0,2}$", text[max(0, m.start - off - 30):m.start - off])
               for m in others):
        return set()  # "A met B in Oslo. She ...": B is as likely; only "together with B" leaves A the one subject
    return {people[0].canonical}


@lru_cache(maxsize=1)
def shipped_words() -> LinkWords:
    """The shipped word lists (for the mention stage, which has no extractor configuration)."""
    return LinkWords.from_dir(as_path(shipped("lexicon")))


def resolves_here(word: str, sentence_start: bool, words: LinkWords | None = None) -> bool:
    """Is ``word`` a reference this module decides ("the <noun>" for a description noun, a sentence-opening "It")?
    The mention stage leaves these alone, so there is one answer, not two."""
    w = words or shipped_words()
    return word.lower() in w.nouns or (sentence_start and word in w.pronouns)


class _SentIndex:
    """Token -> sentence number, by the sentences' first tokens (no per-token table)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.nums: list[int] = []

    def add(self, tok: int, num: int) -> None:
        self.starts.append(tok)
        self.nums.append(num)

    def __getitem__(self, tok: int) -> int:
        return self.nums[max(0, bisect_right(self.starts, tok) - 1)]


@dataclass
class _Sent:
    start: int  # first token
    end: int  # token after the last
    section: int  # headings and blank lines cut the text into blocks; the sentence before is read in its block only
    heading: bool
    ments: list[tuple[int, int, int]]  # (mention index, token start, token end) by start
    quoted: bool = False  # holds a quotation mark (a quote and its speaker: "...," said X of Y)
    in_quote: bool = False  # a quotation opened before it in its block is still open


def heading_like(text: str) -> bool:
    """A short line without closing punctuation ("Who runs it", "Partners", "Funding and governance") or a
    question on its own line (an interview's question)."""
    s = text.strip()
    if not s:
        return False
    words = s.split()
    if s.endswith("?") and len(words) <= 16:
        return True
    return not s.endswith(_END) and len(words) <= 12


class Resolver:
    """The references of one chunk (the entity pass's Doc, no parse) and the names they stand for."""

    def __init__(self, sdoc: Any, off: int, mentions: list[MentionFact], first: int, words: LinkWords,
                 keep: str | None, home: int | None = None) -> None:
        self.doc, self.off, self.m, self.first, self.w, self.keep = sdoc, off, mentions, first, words, keep
        self.sents: list[_Sent] = []
        self.sent_of = _SentIndex()
        self.at: dict[int, int] = {}  # token -> mention index (the last one starting there)
        self.covered: set[int] = set()  # tokens inside a name (not a reference)
        self.resolved: dict[int, int] = {}  # reference token -> the mention it now stands for
        self._venue_uses: dict[str, list[tuple[int, bool]]] = {}
        self.unlink: set[int] = set()  # reference tokens this pass finds without an owner (the mention stage's guess goes)
        self.text = sdoc.text  # built once: spaCy joins the tokens at every call
        page = doc_subject(self.text, mentions) if off == 0 else None  # the organisation a page's title names
        self.page = self.root(page) if page is not None else None
        # the dateline's or title's city; a later chunk of a long text gets the one its first chunk found (``home``)
        self.home = home_place(self.text, mentions).home if off == 0 else home
        # nouns that may stand right before a name they describe ("the software house X")
        self._describing = set(words.nouns) | set(words.kinds) | words.describing
        self._index()

    def _index(self) -> None:
        section = 0
        para, last_end = 0, 0
        open_q = False
        text = self.text
        for sent in self.doc.sents:
            a, b = sent.start_char, sent.end_char
            body = text[a:b]
            if not body.strip() and self.sents:  # a blank line is no sentence of its own
                self.sent_of.add(sent.start, len(self.sents) - 1)
                continue
            lead = len(body) - len(body.lstrip())
            if "\n\n" in text[last_end:a + lead]:
                para += 1
                open_q = False
            last_end = b
            head = heading_like(body) and "\n" in text[b:b + 2] + "\n"
            if head:
                section += 1
            marks = [c for c in body if c in _QUOTES]
            self.sents.append(_Sent(sent.start, sent.end, section * 10_000 + para, head, [], bool(marks), open_q))
            for c in marks:
                open_q = c in _OPENING or (c not in _CLOSING and not open_q)
            self.sent_of.add(sent.start, len(self.sents) - 1)
        for i in range(self.first, len(self.m)):
            mf = self.m[i]
            sp = self.doc.char_span(mf.start - self.off, mf.end - self.off, alignment_mode="expand")
            if sp is None or not len(sp):
                continue
            self.sents[self.sent_of[sp.start]].ments.append((i, sp.start, sp.end))
            self.at[sp.start] = i
            if mf.source != "anaphor":
                self.covered.update(range(sp.start, sp.end))
        for s in self.sents:
            s.ments.sort(key=lambda x: (x[1], x[2]))

    # ------------------------------------------------------------------ names
    def root(self, i: int) -> int:
        """The named mention a chain of references ends at."""
        seen = {i}
        while self.m[i].coref is not None and 0 <= self.m[i].coref < len(self.m) and self.m[i].coref not in seen:
            i = self.m[i].coref
            seen.add(i)
        return i

    def _name_words(self, i: int) -> set[str]:
        mf = self.m[i]
        return set(_WORD.findall(f"{mf.canonical} {mf.text}".lower()))

    def _before(self, k: int, tok: int, types: Sequence[str]) -> list[tuple[int, int]]:
        """(root mention, token) of the named ends of ``types`` in sentence ``k`` before token ``tok``."""
        out = []
        for i, a, _b in self.sents[k].ments:
            if a >= tok:
                break
            r = self.root(i)
            if self.m[r].type in types and self.m[r].source != "anaphor":
                out.append((r, a))
        return out

    def _window(self, k: int, tok: int, types: Sequence[str], back: int = WINDOW) -> list[tuple[int, int]]:
        """Candidates of this sentence before ``tok`` and of up to ``back`` sentences before, within the section."""
        out: list[tuple[int, int]] = []
        sec = self.sents[k].section
        for j in range(max(0, k - back), k + 1):
            if self.sents[j].section != sec or self.sents[j].heading:
                continue
            out.extend(self._before(j, tok if j == k else self.sents[j].end, types))
        return out

    def subject(self, k: int, types: Sequence[str], skip: set[int] = frozenset(), upto: int | None = None,
                strict: bool = False) -> int | None:
        """The sentence's subject as far as words show it: its first organisation not after a preposition, when of
        ``types``; ``strict``: its first name of any type (a person subject gives None)."""
        s = self.sents[k]
        end = s.end if upto is None else upto
        desc = self._opening(s)
        if desc is not None:  # "The project is financed by A": no named subject, unless one is apposed
            i = apposed_after(self.doc, desc, end, self.at)
            r = self.root(i) if i is not None else None
            return r if r is not None and r not in skip and self.m[r].type in types else None
        for i, a, _b in s.ments:
            if a >= end:
                break
            r = self.root(i)
            if r in skip or (self.m[r].type not in ORG_OR_PROGRAMME and not strict):
                continue
            if _b < s.end and self.doc[_b].text == ":" and a == s.start:
                continue  # an interview's speaker label ("Gagnon: ...")
            if self._in_phrase(s, a, _WALK_SUBJECT) and not self._partitive_owner(s, a, _b):
                continue  # "by X", "such as OpenAI and Anthropic"
            if self._coordinated(s, _b, r):
                return None  # "A and B signed ...", "Members include A, B and C": no one subject
            owned = possessed_description(self.doc, _b, end, self.covered)
            i = apposed_after(self.doc, owned, end, self.at) if owned is not None else None
            if owned is None and _b + 1 < end and self.doc[_b].lower_ in ("'s", "’s"):
                i = self.at.get(_b + 1)  # "The university's Laboratorio X, housed ..., is funded by": the lab
            if i is not None and self.m[self.root(i)].type in ORG_OR_PROGRAMME:
                r = self.root(i)  # "CCDA's flagship programme, Semilla de Datos, trains ...": the programme
            return r if self.m[r].type in types else None
        return None

    def _partitive_owner(self, s: _Sent, a: int, b: int) -> bool:
        """Does the name at tokens ``[a, b)`` own the noun of a sentence-opening partitive ("Most of the centre's
        work is done with industry", "Much of Acme's revenue ...")? Its owner is what the sentence is about."""
        doc = self.doc
        p = s.start + (s.start < s.end and doc[s.start].is_quote)
        if p + 2 > a or doc[p].lower_ not in self.w.partitives or doc[p + 1].lower_ != "of":
            return False
        lead = a - (p + 2)
        return (lead == 0 or (lead == 1 and doc[a - 1].lower_ == "the")) and b < s.end and doc[b].lower_ in ("'s", "’s")

    def _opening(self, s: _Sent) -> int | None:
        """The token after an unresolved description opening sentence ``s`` ("The project is ..."), else None."""
        got = opening_description(self.doc, s.start, s.end, self.w.nouns, self.covered, self.word_at)
        if got is None or any(j in self.at for j in range(got[0], got[1])):
            return None  # resolved: its anaphor mention is the subject
        return got[1]

    def _coordinated(self, s: _Sent, end: int, r: int) -> bool:
        """Does another name of an organisation or programme follow the name ending at token ``end``, joined by
        "and", "&", "or" or a comma ("A and B", "A, B and C")?"""
        p = end
        while p < min(s.end, end + 3) and self.doc[p].lower_ in _COORD:
            p += 1
        if p == end or p >= s.end:
            return False
        i = self.at.get(p)
        return i is not None and self.root(i) != r and self.m[self.root(i)].type in ORG_OR_PROGRAMME

    def _quote_names(self, k: int, types: Sequence[str]) -> bool:
        """Does a quotation in sentence ``k`` name an organisation of ``types`` (the one a speaker talks about)?"""
        s = self.sents[k]
        return s.quoted and any(self.m[self.root(i)].type in types and self.m[i].source != "anaphor"
                                and self.quoted_at(a) for i, a, _b in s.ments)

    def quoted_at(self, tok: int) -> bool:
        """Is token ``tok`` inside a quotation (opened before it in its sentence or in its block)?"""
        s = self.sents[self.sent_of[tok]]
        open_q = s.in_quote
        for c in self.text[self.doc[s.start].idx:self.doc[tok].idx]:
            if c in _QUOTES:
                open_q = c in _OPENING or (c not in _CLOSING and not open_q)
        return open_q

    def _counts(self, tok_char: int, types: Sequence[str]) -> tuple[dict[str, int], dict[str, int]]:
        """How often each name of ``types`` was mentioned before the reference (acronyms and short forms count),
        and its latest mention."""
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        for i, mf in enumerate(self.m):
            if mf.source == "anaphor" or mf.start >= tok_char or mf.type not in types:
                continue
            r = self.root(i)
            key = self.m[r].canonical
            counts[key] = counts.get(key, 0) + 1
            latest[key] = r
        return counts, latest

    def _same_kind(self, noun: str, words: set[str]) -> bool:
        return noun in words or bool(self.w.kinds.get(noun, frozenset()) & words)

    def _kind_in(self, noun: str, text: str, at_end: bool = False) -> bool:
        words = _WORD.findall(text.lower())
        if at_end:
            words = words[-1:]
        return self._same_kind(noun, set(words))

    def described(self, r_tok: int, noun: str) -> bool:
        """Did the text describe the name at token ``r_tok`` with ``noun`` or a noun of its kind ("X, a seed fund",
        "X is a Delft-based start-up", "the tractor maker X")?"""
        doc, k = self.doc, self.sent_of[r_tok]
        i = self.at.get(r_tok)
        if i is None:
            return False
        sp = doc.char_span(self.m[i].start - self.off, self.m[i].end - self.off, alignment_mode="expand")
        first, stop = self.sents[k].start, self.sents[k].end
        if sp.start > first and self._kind_in(noun, doc[max(first, sp.start - 3):sp.start].text, at_end=True):
            if noun in self.w.named_only:
                return True  # "a subsidiary of the Plovdiv group Trakia Holdings. The group ...": no other may be it
            return self.subject(k, ORG_OR_PROGRAMME, upto=sp.end) == self.root(i)  # "The Toulouse fund X raised"
        found = self._apposition(sp.end, stop)
        return found is not None and self._kind_in(noun, doc[found[0]:found[1]].text)

    def word_at(self, i: int) -> tuple[str, int]:
        """The lower-case word at token ``i`` with a hyphenated tail ("start-up") and the token after it."""
        doc = self.doc
        if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
            return f"{doc[i].lower_}-{doc[i + 2].lower_}", i + 3
        return doc[i].lower_, i + 1

    # ------------------------------------------------------------------ references
    def definite(self, tok: int, noun: str) -> int | None:
        """What "the <noun>" at token ``tok`` stands for (None: leave it as the mention stage left it).

        First a name of this section's last sentences that holds the noun or that the text described with it
        ("Guayacán Capital is a seed fund. The fund ..."); else the earlier name holding the noun that the text
        mentions most; else the likeliest of the recent names and the text's most named one (``_pick``)."""
        types = self.w.nouns[noun]
        k = self.sent_of[tok]
        if tuple(types) == PLACE:  # "the capital" is named_only: it is seldom the city just named
            return None if noun in self.w.named_only else self._place(tok, k, noun in self.w.near_places)
        if self.quoted_at(tok):
            return None  # a speaker's "the company" may be theirs or the one they speak of
        entry = self._entry_name(k, noun, types)
        if entry is not None:
            return entry  # a directory's "Buna Institute of Computing" heading, then "The institute administers P"
        tok_char = self.off + self.doc[tok].idx
        counts, latest = self._counts(tok_char, types)
        fronted = self._fronted_agents(k, tok)  # "Founded in 2016 by A, the company ...": never A
        latest = {key: r for key, r in latest.items() if key not in fronted}
        near = [(r, a) for r, a in self._window(k, tok, types) if self.m[r].canonical not in fronted]
        if fronted and not near and not latest:
            return None
        order = {r: n for n, (r, _a) in enumerate(near)}
        here = self.subject(k, types, upto=tok, strict=True)
        if here is not None and self._new_clause(tok) and self._plain(here, k, tok, noun):
            if self._took_over(k, here, types, tok):
                self.unlink.add(tok)
                return None  # "Corvex Capital acquired Pelham Robotics, and the company ...": either company
            made = self._founded_object(k, here, types, tok)  # "A founded X in 2018, and the company is backed by"
            return made if made is not None else here  # "AISG was launched by the NRF, ..., and the programme is run out of NUS"
        if not any(self._fits_name(noun, r) for r, _a in near) and self._held_elsewhere(k, tok, noun, types):
            return None  # "... funded by the Fonds X (FMIB). The fund is ...": that fund, typed otherwise: no guess
        named = [r for r in latest.values() if self._fits_name(noun, r) and not self._venue_only(r, tok_char)]
        top = max(reversed(named), key=lambda r: counts[self.m[r].canonical]) if named else None
        other = self._other_kind(k, tok, noun)  # "The lab is housed within the university's ...": not the lab
        fits = {r for r, a in near if r not in other and (self._fits_name(noun, r) or self.described(a, noun))}
        if fits:
            pool = fits | ({top} if top is not None else set())
            best = self._pick(pool, k, tok, types, counts, order)
            if len({self.m[r].canonical for r in fits}) > 1 and best is not None and self._open(best, k, tok, types):
                return None  # "the centre" with two centres named and neither the subject nor the page's
            return best
        over = self._over_break(k, noun, types)
        if over is not None:
            return over  # "... is managed by the Harbour Fund.\n\nThe fund invests in ...": the paragraph before
        tail = self._heading_tail(k, noun, types)
        if tail is not None:
            return tail  # "15:00 Demo hour: Trivandrum AI Startup Collective", then "The collective's members ..."
        if top is not None:
            return top
        if noun in self.w.named_only or not counts:
            return None
        top = max(reversed(list(latest)), key=lambda key: counts[key])
        cands = (set(order) | {latest[top]}) - other
        if self.page is not None and self.m[self.page].type in types and self.m[self.page].start < tok_char:
            cands.add(self.page)
        cands = {r for r in cands if not named_as_other(self.w, noun, self._name_words(r))}  # "the lab": no university
        cands -= self._called_other(near, noun)  # "Lagune Ouverte, an open-data programme. The fund ...": not it
        best = self._pick(cands, k, tok, types, counts, order, least=1.0) if cands else None
        return None if best is None or self._open(best, k, tok, types) else best

    def _fronted_agents(self, k: int, tok: int) -> set[str]:
        """The names of a fronted participle's phrase before the reference at ``tok`` ("Founded in 2016 by A, the
        company ...", "Backed by A and B, the start-up ..."): the reference is the participle's subject, not A."""
        s, doc = self.sents[k], self.doc
        p = s.start + (s.start < s.end and doc[s.start].is_quote)
        if p >= tok or doc[p].text not in self.w.fronted:
            return set()
        comma = next((j for j in range(p + 1, tok) if doc[j].text == ","), None)
        if comma is None:
            return set()
        return {self.m[self.root(i)].canonical for i, a, _b in s.ments if p < a < comma}

    def _founded_object(self, k: int, r: int, types: Sequence[str], upto: int) -> int | None:
        """The organisation the subject ``r`` of sentence ``k`` founded right there ("A founded X", "A co-founded
        the X"): a description after it stands for the new organisation, not its founder."""
        s, doc = self.sents[k], self.doc
        ends = [b for i, a, b in s.ments if a < upto and self.root(i) == r]
        if not ends or ends[0] >= upto:
            return None
        low, after = self.word_at(ends[0])
        if low not in self.w.founding_verbs:
            return None
        if after < upto and doc[after].lower_ == "the":
            after += 1
        i = self.at.get(after)
        if i is None or after >= upto or self.m[i].source == "anaphor":
            return None
        o = self.root(i)
        return o if o != r and self.m[o].type in types else None

    def _took_over(self, k: int, r: int, types: Sequence[str], upto: int) -> bool:
        """Does the subject ``r`` of sentence ``k`` take over another body of ``types`` before ``upto`` ("A acquired
        B", "A bought the B")? A description after it may stand for either."""
        s, doc = self.sents[k], self.doc
        ends = [b for i, a, b in s.ments if a < upto and self.root(i) == r]
        if not ends or ends[0] >= upto or doc[ends[0]].lower_ not in self.w.taking_verbs:
            return False
        after = ends[0] + 1 + (ends[0] + 1 < upto and doc[ends[0] + 1].lower_ == "the")
        i = self.at.get(after) if after < upto else None
        return i is not None and self.root(i) != r and self.m[self.root(i)].type in types

    def _body_head(self, i: int, end: int) -> bool:
        """Is the noun at token ``i`` one naming the body the description before it describes ("the cluster
        association welcomes ...", "the network organisation's members"), not a thing of its own?"""
        nxt = self.doc[i + 1] if i + 1 < end else None
        return self.doc[i].lower_ in self.w.body_heads and (nxt is None or not nxt.text[:1].isupper())

    def _over_break(self, k: int, noun: str, types: Sequence[str]) -> int | None:
        """When sentence ``k`` opens a paragraph: the one name of the paragraph before's last sentence that holds
        ``noun`` or that the text described with it (none when two do, or the sentences are one block anyway)."""
        j = k - 1
        if j < 0 or self.sents[j].section == self.sents[k].section or not self._adjacent(j, k):
            return None
        fit = {self.root(i) for i, a, _b in self.sents[j].ments if self.m[self.root(i)].type in types
               and self.m[self.root(i)].source != "anaphor" and (self._fits_name(noun, self.root(i)) or self.described(a, noun))}
        return next(iter(fit)) if len({self.m[r].canonical for r in fit}) == 1 else None

    def _held_elsewhere(self, k: int, tok: int, noun: str, types: Sequence[str]) -> bool:
        """Does this sentence or the one before name, before ``tok``, an organisation of another type than
        ``types`` whose name holds ``noun`` or a noun of its kind ("Fonds ..." typed Agency for "the fund")?"""
        others = tuple(t for t in ORG_OR_PROGRAMME if t not in types)
        for j in (k - 1, k):
            if j < 0 or not (j == k or self._same_section(j, k)):
                continue
            for i, a, _b in self.sents[j].ments:
                mf = self.m[i]
                if (j == k and a >= tok) or mf.source == "anaphor" or mf.type not in others:
                    continue
                if self._same_kind(noun, set(_WORD.findall(mf.text.lower()))):  # the words written here
                    return True
        return False

    def _called_other(self, near: list[tuple[int, int]], noun: str) -> set[int]:
        """The names of ``near`` the text described with a head noun of another kind than ``noun`` ("Lagune Ouverte,
        an open-data programme" is no fund; "Rutevalg AS, the institute's second spin-out" names no kind)."""
        out: set[int] = set()
        for r, a in near:
            head = self._description_head(a)
            if head is not None and head in self._describing and not self._same_kind(noun, {head}):
                out.add(r)
        return out

    def _description_head(self, r_tok: int) -> str | None:
        """The last word of the description apposed to the name at ``r_tok`` ("X, an open-data programme, ..." ->
        "programme"; "X is a seed fund that ..." -> "fund"), else None."""
        doc, i = self.doc, self.at.get(r_tok)
        if i is None:
            return None
        sp = doc.char_span(self.m[i].start - self.off, self.m[i].end - self.off, alignment_mode="expand")
        stop = self.sents[self.sent_of[r_tok]].end
        found = self._apposition(sp.end, stop)
        if found is None:
            return None
        text = doc[found[0]:found[1]].text
        words = _WORD.findall(text.lower())
        return words[-1] if words and "'s" not in text and "’s" not in text else None

    def _apposition(self, p: int, stop: int) -> tuple[int, int] | None:
        """The words of a description right after a name ending at ``p`` ("X (ABC), a joint laboratory of ..."):
        after a link word or two and a determiner, up to a comma, a clause or a preposition; None when there is none."""
        doc, links = self.doc, 0
        if p < stop and doc[p].text == ")":
            p += 1  # "X (ABC), a joint laboratory"
        while p < stop and doc[p].lower_ in self.w.desc_links and links < 3:
            p, links = p + 1, links + 1
        if not links or p >= stop or doc[p].lower_ not in self.w.desc_dets:
            return None
        q = p + 1
        while q < min(stop, p + 10) and doc[q].text not in (",", ".", ";", "(", ":") \
                and doc[q].lower_ not in ("that", "which", "who", "and", "with", "in", "of", "for"):
            q += 1
        return p + 1, q

    def _entry_name(self, k: int, noun: str, types: Sequence[str]) -> int | None:
        """The name a directory entry's heading line gives ("Buna Institute of Computing" on its own line, then
        "Shkodër. A research institute of ... The institute administers P"): the heading holds the noun (or one of
        its kind) as a capitalised word of a title-cased name, names nothing else, and ``k`` is among the first
        sentences under it. The heading is made a mention of the noun's type when the mention stages left it."""
        h = k - 1
        while h >= 0 and not self.sents[h].heading and k - h <= 4:
            h -= 1
        if h <= 0 or k - h > 4 or not self.sents[h].heading or self.sents[h].section != self.sents[k].section:
            return None  # h == 0: a document's title is no entry heading
        hs = self.sents[h]
        span = self.doc[hs.start:hs.end]
        words = [t for t in span if not t.is_space]
        if not 2 <= len(words) <= 8 or not all(t.is_alpha or t.text in "-'’" for t in words):
            return None  # "University News | Research | 3 March 2026" is a page's banner
        if words[0].lower_ in self.w.heading_not_names or any(
                t.is_lower and t.lower_ not in self.w.heading_small for t in words):
            return None  # "How to use this guide", "About the Institute"
        named = [(i, a, b) for i, a, b in hs.ments if self.m[i].source != "anaphor"]
        if len(named) == 1 and named[0][1] == words[0].i and named[0][2] == words[-1].i + 1 \
                and self.m[self.root(named[0][0])].type in types:
            return self.root(named[0][0])  # "Taraboshi Data" alone on its line, then "The company's partners ..."
        if not any(self.m[i].type in ORG_OR_PROGRAMME for i, _a, _b in named):  # none, or a place inside the name
            same = heading_named(self.m, self.text[words[0].idx:words[-1].idx + len(words[-1].text)], types)
            if same is not None:
                return self.root(same)  # a heading is no mention (mentions/headings.py): the name the body uses
        if not any(t.text[:1].isupper() and self._same_kind(noun, {t.lower_}) for t in words):
            return None
        if named:
            i, a, b = named[0]
            whole = len(named) == 1 and a == words[0].i and b == words[-1].i + 1
            return self.root(i) if whole and self.m[self.root(i)].type in types else None
        text = self.text[words[0].idx:words[-1].idx + len(words[-1].text)]
        start = self.off + words[0].idx
        self.m.append(MentionFact(text=text, start=start, end=start + len(text), type=types[0], source="rule",
                                  canonical=text))
        i = len(self.m) - 1
        hs.ments.append((i, words[0].i, words[-1].i + 1))
        self.at[words[0].i] = i
        self.covered.update(range(words[0].i, words[-1].i + 1))
        return i

    def _heading_tail(self, k: int, noun: str, types: Sequence[str]) -> int | None:
        """The organisation whose name closes the heading line over sentence ``k`` ("15:00 Demo hour: Trivandrum AI
        Startup Collective", "Announcement: new members of the Herzegovina AI Cluster"), when its name holds ``noun``
        (or one of its kind) and ``k`` is among the first sentences under the heading; else None."""
        h = k - 1
        while h >= 0 and not self.sents[h].heading and k - h <= 3:
            h -= 1
        if h < 0 or k - h > 3 or not self.sents[h].heading or self.sents[h].section != self.sents[k].section:
            return None
        hs = self.sents[h]
        words = [t for t in self.doc[hs.start:hs.end] if not t.is_space]
        if not words or words[-1].text.endswith("?"):
            return None  # an interview's question is read by ``_asked``
        last = words[-1].i + 1
        named = [self.root(i) for i, _a, b in hs.ments if b == last and self.m[i].source != "anaphor"]
        if not named:  # a heading line holds no mentions (mentions/headings.py): the name the body uses
            line = self.text[words[0].idx:words[-1].idx + len(words[-1].text)]
            ends = [i for i, mf in enumerate(self.m) if mf.source != "anaphor" and mf.type in types
                    and len(mf.text) > 3 and line.endswith(mf.text) and (len(line) == len(mf.text)
                                                                         or not line[-len(mf.text) - 1].isalnum())]
            named = [self.root(max(ends, key=lambda i: len(self.m[i].text)))] if ends else []
        if len(named) != 1 or self.m[named[0]].type not in types or not self._fits_name(noun, named[0]):
            return None
        return named[0]

    def _open(self, best: int, k: int, tok: int, types: Sequence[str]) -> bool:
        """Is the choice of "the <noun>" by salience alone still open: another name of its type as likely in this
        sentence or the one before, a quotation in the sentence before, or a person as its subject with two
        organisations of the noun's types after it?"""
        if best == self.page or best == self.subject(k, types, upto=tok):
            return False
        if self._rival(best, k, tok):
            return True
        if k == 0 or not self._same_section(k - 1, k):
            return False
        prev = self.sents[k - 1]
        first = self.subject(k - 1, types)
        if first is not None and best == self._founded_object(k - 1, first, types, prev.end) \
                and not self._quote_names(k - 1, types):
            return False  # "A founded X in 2018. The company ...": X, not its founder
        if self._quote_names(k - 1, types) or self._rival(best, k - 1, prev.end):
            return True
        if self._owns(best, k - 1, prev.end):
            return False  # "Gagnon: Laurentide's backers include A and B. The company ..."
        first = self.subject(k - 1, ORG_OR_PROGRAMME + ("Person",), strict=True)
        if first is not None and self.m[first].type == "Person":
            if best == self._founded_object(k - 1, first, types, prev.end):
                return False  # "Whitford founded Kenai Edge Systems in 2020 after six years at Y. The company ..."
            return len({self.m[r].canonical for r, _a in self._before(k - 1, prev.end, types)}) > 1
        return False

    def _other_kind(self, k: int, tok: int, noun: str) -> set[int]:
        """Names this sentence already calls by a description of another kind before token ``tok``."""
        out = set()
        for i, a, _b in self.sents[k].ments:
            if a >= tok:
                break
            word = self.m[i].text.lower()
            if self.m[i].source == "anaphor" and word in self.w.nouns and not self._same_kind(noun, {word}):
                out.add(self.root(i))
        return out

    def _place(self, tok: int, k: int, near_first: bool) -> int | None:
        """"the city": the document's own city (its dateline or title) when named before, else the one place named
        in this sentence or the one before (none when they name two). ``near_first`` ("the region", a wider area
        round the place just named): that one place first, then the document's city."""
        inside = None if near_first else self._place_in_name(k, tok)
        if inside is not None:
            return inside  # "LONDON -- The University of Tokyo remains the anchor of the city's AI cluster": Tokyo
        near = self._window(k, tok, PLACE, back=1)
        one = near[-1][0] if len({self.m[r].canonical for r, _a in near}) == 1 else None
        if near_first and one is not None:
            return one
        if self.home is not None and self.m[self.home].start < self.off + self.doc[tok].idx:
            return self.root(self.home)
        return one

    def _place_in_name(self, k: int, tok: int) -> int | None:
        """A place the text names elsewhere that an organisation's name before ``tok`` in this sentence holds."""
        places = {self.m[i].canonical.lower(): i for i, mf in enumerate(self.m)
                  if mf.type == "Cluster" and mf.source != "anaphor"}
        if not places:
            return None
        for i, a, _b in self.sents[k].ments:
            if a >= tok:
                break
            if self.m[i].type in ORG_OR_PROGRAMME and self.m[i].source != "anaphor":
                name = f" {self.m[i].text.lower()} "
                hit = next((j for p, j in places.items() if f" {p} " in name or f" {p}'" in name), None)
                if hit is not None:
                    return self.root(hit)
        return None

    def _fits_name(self, noun: str, r: int) -> bool:
        """Does the name hold the noun ("the accelerator": "Moravian AI Accelerator")? A legal form does not count
        ("Mubadala Investment Company" is no description of "the company")."""
        words = self._name_words(r) - self.w.name_blind
        return noun not in self.w.name_blind and self._same_kind(noun, words)

    def _new_clause(self, tok: int) -> bool:
        """Does "the <noun>" open a clause of its own (", and the programme is run by"), not end its subject's verb
        ("X sponsors the accelerator") or own a noun ("the university's institute")?"""
        _low, after = self.word_at(tok)
        if after < len(self.doc) and self.doc[after].lower_ in ("'s", "’s"):
            return False
        return tok >= 2 and self.doc[tok - 2].lower_ in self.w.clause_openers

    def _plain(self, r: int, k: int, tok: int, noun: str) -> bool:
        """Is the subject ``r`` of the reference's sentence named there, or a reference of the same kind (not "the
        centre" for "the university")?"""
        for i, a, _b in self.sents[k].ments:
            if a < tok and self.root(i) == r:
                mf = self.m[i]
                return mf.source != "anaphor" or self._same_kind(noun, set(_WORD.findall(mf.text.lower())))
        return False

    def _pick(self, cands: set[int], k: int, tok: int, types: Sequence[str], counts: dict[str, int],
              order: dict[int, int], least: float = 0.0) -> int | None:
        """The likeliest of ``cands``: the subject of this sentence (+3) or of the one before (+2), how often the
        text named it (+0.5 each, at most +3), named in this or the sentence before (+0.5); the nearest on a tie."""
        here = self.subject(k, types, upto=tok)
        prev = self.subject(k - 1, types) if k > 0 and self._same_section(k - 1, k) else None
        if prev is None and k > 1 and TOPIC_ON and self._same_section(k - 1, k) and self._same_section(k - 2, k) \
                and self._thing_opening(k - 1) \
                and self.subject(k - 1, ORG_OR_PROGRAMME + ("Person",), strict=True) is None:
            prev = self.subject(k - 2, types)  # "X closed a round. The round was led by A, with B. The company ...": X
        here = (self._founded_object(k, here, types, tok) or here) if here is not None else None
        prev = (self._founded_object(k - 1, prev, types, self.sents[k - 1].end) or prev) if prev is not None else None
        recent = {r for r, a in self._window(k, tok, types, back=1)}

        def score(r: int) -> float:
            return (3.0 if r == here else 2.0 if r == prev else 0.0) + min(3.0, 0.5 * counts.get(self.m[r].canonical, 0)) \
                + (0.5 if r in recent else 0.0) + (2.0 if r == self.page else 0.0)

        best = max(cands, key=lambda r: (score(r), order.get(r, -1), -self.m[r].start))
        return best if score(best) >= least else None

    def _thing_opening(self, k: int) -> bool:
        """Does sentence ``k`` open with "The/This" and a lower-case word ("The round was led by A", "The deal ...")?
        With no named subject, the names it holds are agents in phrases, not a new topic."""
        s, doc = self.sents[k], self.doc
        return s.start + 1 < s.end and doc[s.start].lower_ in ("the", "this") and doc[s.start + 1].is_lower

    def _same_section(self, j: int, k: int) -> bool:
        return self.sents[j].section == self.sents[k].section and not self.sents[j].heading

    def _adjacent(self, j: int, k: int) -> bool:
        """Is sentence ``j`` the one right before ``k`` in its block, or the last of the paragraph before when ``k``
        opens a paragraph under the same heading ("... has made its first three investments.\n\nIts first
        investments are in A")? Adjacent sentences, per the guidelines; a heading between them cuts."""
        if j != k - 1 or j < 0 or self.sents[j].heading:
            return False
        a, b = self.sents[j].section, self.sents[k].section
        return a == b or (a // 10_000 == b // 10_000 and not self.sents[j].quoted and not self.sents[j].in_quote)

    def pronoun(self, tok: int) -> int | None:
        """A sentence-opening "It"/"Its" (or "it" after a fronted clause: "Backed by X, it ..."): the subject of the
        sentence before, unless this sentence names it again ("The scheme is run by Y. It delivers the scheme ...").
        Never a name of the sentence before's fronted participle phrase ("Founded by A as a spin-off of U, X employs
        46 people. Its investors ...": not U); when none is left the mention stage's guess goes too."""
        k = self.sent_of[tok]
        fronted = self._fronted_agents(k - 1, self.sents[k - 1].end) if k > 0 else set()
        r = self._pronoun(tok, k, fronted)
        if fronted and (r is None or self.m[r].canonical in fronted):
            self.unlink.add(tok)
            return None
        return r

    def _pronoun(self, tok: int, k: int, fronted: set[str]) -> int | None:
        if k == 0 or not self._adjacent(k - 1, k) or self.quoted_at(tok) \
                or self._quote_names(k - 1, ORG_OR_PROGRAMME):
            return None  # a quote about one organisation and its speaker's own leave two possible
        stop = self._clause_end(k, tok)  # "In 2017 it opened L; the lab is part of ILN": ILN is no rival of "it"
        again = {self.m[self.root(i)].canonical for i, _a, _b in self.sents[k].ments
                 if _a < stop and (self.m[i].source != "anaphor" or self.m[i].text.lower() in self.w.nouns)}
        named = [(r, a) for r, a in self._before(k - 1, self.sents[k - 1].end, ORG_OR_PROGRAMME)
                 if self.m[r].canonical not in fronted]
        later = self._descriptions(k, tok)  # "It delivers the scheme ...": the scheme is not "It"
        skip = {r for r, _a in named if self.m[r].canonical in again or any(self._fits_name(n, r) for n in later)}
        left = {self.m[r].canonical: r for r, _a in named if r not in skip}
        first = self.subject(k - 1, ORG_OR_PROGRAMME + ("Person",), strict=True)
        if first is not None and self.m[first].type == "Person":  # "Ana Ruiz left X for Y. It ...": X or Y?
            return next(iter(left.values())) if len(left) == 1 else None
        subj = self.subject(k - 1, ORG_OR_PROGRAMME, skip=skip)
        if subj is None and skip:  # the subject is named again: the passive's agent ("is run by Y. It ...")
            prev = self.sents[k - 1]
            agents = {self.root(i): b for i, a, b in prev.ments if self.root(i) in dict(named)
                      and self.root(i) not in skip and self._agent_at(a)}
            subj = next(iter(agents)) if len(agents) == 1 else None
            if subj is not None and self._coordinated(prev, agents[subj], subj):
                subj = None  # "created by A and B. It ...": A or B?
        made = self._founded_object(k - 1, subj, ORG_OR_PROGRAMME, self.sents[k - 1].end) if subj is not None else None
        if made is not None and made not in skip:
            return made  # "Whitford founded Kenai Edge in 2018. It ...": the new organisation, not its founder
        if subj is not None and self._rival(subj, k - 1, self.sents[k - 1].end, skip):
            return None  # "Corvex Capital acquired Pelham Robotics. It ...": either company
        return subj

    def _clause_end(self, k: int, tok: int) -> int:
        """The token that ends the clause of token ``tok`` in sentence ``k`` (a ";" after it, else the sentence end)."""
        end = self.sents[k].end
        return next((j for j in range(tok + 1, end) if self.doc[j].text == ";"), end)

    def _owner_reference(self, i: int, b: int, s: _Sent) -> bool:
        """Is mention ``i`` (ending at token ``b``) a description that only owns a noun ("who has run the school's
        laboratory")? A reference back is no new rival of the subject."""
        return self.m[i].source == "anaphor" and b < s.end and self.doc[b].lower_ in ("'s", "’s")

    def _venue_only(self, r: int, before: int) -> bool:
        """Is every mention of ``r``'s name before ``before`` a modifier of a venue noun ("sits in the Delta Centre
        building")? Then the name is a building's, not a body "the centre" may stand for."""
        if not self.w.venue_nouns:
            return False
        name = self.m[r].canonical
        uses = self._venue_uses.get(name)
        if uses is None:  # speed: each name's uses are read once per chunk
            uses = self._venue_uses[name] = [(m.start, venue_after(self.text, m.end - self.off, self.w.venue_nouns))
                                             for m in self.m if m.canonical == name and m.source != "anaphor"]
        seen = [v for start, v in uses if start < before]
        return bool(seen) and all(seen)

    def _affiliation(self, a: int) -> bool:
        """Is the name at token ``a`` a person's affiliation ("Prof. Nadia Lahlou of UIA", "a researcher at X")?"""
        p = a - 1
        if p >= 0 and self.doc[p].lower_ == "the":
            p -= 1
        if p < 1 or self.doc[p].lower_ not in ("of", "at", "from"):
            return False
        j = next((i for i, _b0, b1 in self.sents[self.sent_of[a]].ments if b1 == p), None)  # the name ending there
        return j is not None and self.m[j].type == "Person"

    def _agent_at(self, a: int) -> bool:
        """Is the name at token ``a`` a passive's agent ("run by Y", "by the Y")? Not "has taught at Y"."""
        p = a - 1
        if p >= 0 and self.doc[p].lower_ == "the":
            p -= 1
        return p >= 0 and self.doc[p].lower_ == "by"

    def _descriptions(self, k: int, tok: int) -> set[str]:
        """The description nouns after "the" in sentence ``k`` after token ``tok``."""
        s, doc = self.sents[k], self.doc
        return {doc[i].lower_ for i in range(tok + 1, s.end) if doc[i].lower_ in self.w.nouns
                and doc[i - 1].lower_ == "the"}

    def _rival(self, r: int, k: int, upto: int, skip: Iterable[int] = ()) -> bool:
        """Is another name of ``r``'s type as likely in sentence ``k`` before token ``upto`` ("Corvex Capital
        acquired Pelham Robotics")? Not one inside a phrase after a preposition ("formed by A (AA) and the B"), not
        the page's organisation, not one the sentence lists as the subject's own ("X's backers include A and B",
        "Its customers include A"), not a name said once when ``r`` is the text's topic (named three times)."""
        if r == self.page or self._owns(r, k, upto):
            return False
        canon, typ, s = self.m[r].canonical, self.m[r].type, self.sents[k]
        counts = None
        for i, a, _b in s.ments:
            if a >= upto:
                break
            o = self.root(i)
            if o in skip or o == self.page or self.m[o].source == "anaphor" or self.m[o].type != typ \
                    or self.m[o].canonical == canon or self._in_phrase(s, a) or self._owner_reference(i, _b, s) \
                    or self._alias_of(s, a, r) or same_body(self.m[o].canonical, canon):
                continue  # (same_body: "Selam Speech Technologies" and "... PLC" are one company)
            if counts is None:
                counts = self._counts(self.off + self.doc[min(upto, len(self.doc) - 1)].idx, (typ,))[0]
            if counts.get(canon, 0) >= 3 and counts.get(self.m[o].canonical, 0) <= 1:
                continue
            return True
        return False

    def _alias_of(self, s: _Sent, a: int, r: int) -> bool:
        """Is the name at token ``a`` a bracketed alias of ``r`` named right before it ("The Sakbé Applied AI Grants
        programme (Programa Sakbé) is ...", "X (the Y)")?"""
        doc = self.doc
        p = a - 1 - (a - 1 > s.start and doc[a - 1].lower_ == "the")
        if p <= s.start or doc[p].text != "(":
            return False
        return any(self.root(i) == r and p - 2 <= b <= p and all(t.is_lower for t in doc[b:p])
                   for i, _a0, b in s.ments)

    def _owns(self, r: int, k: int, upto: int) -> bool:
        """Is ``r`` the possessor that opens sentence ``k`` ("X's backers include ...", "Its customers ...")?"""
        s, doc = self.sents[k], self.doc
        for i, a, b in s.ments:
            if a >= upto:
                return False
            if self.root(i) != r:
                continue
            if self.m[i].source == "anaphor":
                return doc[a].lower_ in ("its", "their")
            return b < s.end and doc[b].lower_ in ("'s", "’s")
        return False

    def _in_phrase(self, s: _Sent, a: int, walk: frozenset[str] = frozenset()) -> bool:
        """Is the name at token ``a`` inside a phrase a preposition opens, over the names, articles, brackets and
        "and" before it ("by Universiti Sains Malaysia (USM) and the Penang Centre")?"""
        walk = walk or _WALK
        p = a - 1
        while p >= s.start and (p in self.covered or self.doc[p].lower_ in walk):
            p -= 1
        if p >= s.start and self.doc[p].lower_ not in self.w.no_subject_after:
            d = descriptive_run(self.doc, p + 1, s.start, self.covered, self._describing)  # "from the Tirana group X", "through its fund X"
            if d is not None:
                p = d - 1
                while p >= s.start and (p in self.covered or self.doc[p].lower_ in walk):
                    p -= 1
        return p >= s.start and self.doc[p].lower_ in self.w.no_subject_after

    def reference_at(self, t: Any, sent: _Sent) -> int | None:
        """The mention token ``t`` stands for when it is a reference this pass reads, else None."""
        doc, w = self.doc, self.w
        low, after = self.word_at(t.i)
        if t.i in self.covered or (t.text[:1].isupper() and low in w.nouns and (t.i == 0 or doc[t.i - 1].lower_ != "the")):
            return None  # a capitalised noun is a reference right after "the" only ("the Kumasi Institute": a name)
        if low in w.nouns and t.i > sent.start and (doc[t.i - 1].lower_ == "the" or self._place_before(t.i, sent.start)
                                                    or self._amount_before(t.i, sent.start)):
            nxt = doc[after] if after < sent.end else None
            if nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ in w.restrictive
                                    or (nxt.lower_ in w.nouns and not self._body_head(nxt.i, sent.end))
                                    or (nxt.lower_ in w.compound_next and not self._verb_at(nxt.i, sent.end))):
                return None  # "the Fund Board", "the company that makes X", "the start-up programme": another thing
            if nxt is not None and nxt.lower_ in w.restrictive_name and self._name_after(after + 1, sent.end):
                return None  # "part of the incubator at Centrale Nantes": that body's incubator, not the company
            return self.definite(t.i, low)
        opening = t.i == sent.start or (t.i == sent.start + 1 and doc[sent.start].is_quote)
        if t.text in w.pronouns and opening and t.i + 1 < sent.end and doc[t.i + 1].text[:1].islower():
            return self.pronoun(t.i)  # None: the mention stage's "Its" stays (its guess is right more often than not)
        if t.text in w.pronouns and self._after_label(t.i, sent.start) and t.i + 1 < sent.end \
                and doc[t.i + 1].text[:1].islower():
            return self._asked(self.sent_of[t.i])  # "How did MIAC start?\n\nAbellana: It was set up in 2019 by ..."

        if low in ("it", "its") and t.i - 1 > sent.start and doc[t.i - 1].text == "," \
                and doc[sent.start].text in w.fronted and not any(x.text == "," for x in doc[sent.start:t.i - 1]):
            return self.pronoun(t.i)  # "Backed by the EIF, it invests", "Headquartered in Kiel, Germany, with ..., it is"
        if low == "it" and self._after_date(t.i, sent.start):
            return self.pronoun(t.i)  # "In 2023 it also joined ...", "Since March 2021, it has worked with ..."
        if low == "it" and t.i - 2 > sent.start and doc[t.i - 1].lower_ in ("and", "but") and doc[t.i - 2].text == ",":
            return self._clause_it(self.sent_of[t.i], t.i)  # "X builds trackers, and it operates P"
        if low == "it" and t.i - 1 > sent.start and doc[t.i - 1].lower_ in w.subordinators \
                and t.i + 1 < sent.end and doc[t.i + 1].text[:1].islower():
            return self._clause_it(self.sent_of[t.i], t.i, objects=True)  # "X left Y in 2025 after it became ..."
        if low == "it" and t.i - 1 > sent.start and doc[t.i - 1].lower_ in w.object_verbs:
            return self._object_it(self.sent_of[t.i], t.i)  # "X makes chips. The Y Bank funds it."
        if low == "its" and t.i > sent.start:
            return self._its(t, sent)
        return None

    def _its(self, t: Any, sent: _Sent) -> int | None:
        """What a clause-inner "its" stands for: the round's owner, the nearest name after "as", the clause's "it"."""
        k = self.sent_of[t.i]
        before = self._before(k, t.i, ORG_OR_PROGRAMME)
        if not before:  # "In its first five years HIMR was funded by ..."
            return self._previous_subject(k, t.i)
        if all(self._affiliation(a) for _r, a in before):
            self.unlink.add(t.i)  # "a board chaired by Prof. N of UIA; its other members": not UIA's
            return None
        if self.doc[t.i - 1].lower_ == "as":  # "X joined Y as its chief scientist": the nearest, Y
            return before[-1][0]
        if self._led_round(t.i, sent.end):
            owner = self._round_owner(k, t.i)
            lead = self._round_lead(k, t.i)[0]
            if owner is None and lead is not None and self._linked_to(t.i, self.root(lead)):
                self.unlink.add(t.i)  # "Acme led its seed round": not Acme's own round
            return owner
        subj = self.subject(k, ORG_OR_PROGRAMME, upto=t.i)
        for tok, r in self.resolved.items():  # "..., it invests ...; its portfolio includes": the clause's "it"
            if sent.start <= tok < t.i and r == subj and self.doc[t.i - 1].lower_ not in ("under", "through", "via"):
                return r  # not "The project is financed by A through its fund B": A's fund (mentions/anaphors.py)
        return None

    def _amount_before(self, i: int, start: int) -> bool:
        """"The £6.4 million centre is funded by ...", "the R$ 38 million hub": "the" and an amount before the noun."""
        doc, p = self.doc, i - 1
        if p < start or not (doc[p].like_num or doc[p].lower_ in _AMOUNT_WORDS):
            return False
        while p >= start and (doc[p].like_num or doc[p].is_currency or doc[p].lower_ in _AMOUNT_WORDS
                              or doc[p].text in ("R$", "US$", "A$", "C$")):
            p -= 1
        span = doc[p + 1:i]
        return p >= start and doc[p].lower_ == "the" and any(t.like_num for t in span) \
            and any(t.is_currency or "$" in t.text or t.lower_ in _AMOUNT_WORDS for t in span)  # not "the 2024 programme"

    def _after_label(self, i: int, start: int) -> bool:
        """Does token ``i`` follow an interview's speaker label only ("Abellana:", "Dr. Osei:")?"""
        doc = self.doc
        if i - start < 2 or i - start > 4 or doc[i - 1].text != ":":
            return False
        words = [t for t in doc[start:i - 1] if not t.is_space]
        return bool(words) and all(t.text[:1].isupper() or t.text == "." for t in words)

    def _asked(self, k: int) -> int | None:
        """The one organisation the question line right before sentence ``k`` names ("How did MIAC start?"),
        else None: the answer's "It" stands for it."""
        j = k - 1
        if j < 0 or not self.sents[j].heading or not self.doc[self.sents[j].end - 1].text == "?":
            return None
        named = {self.m[self.root(i)].canonical: self.root(i) for i, _a, _b in self.sents[j].ments
                 if self.m[i].source != "anaphor" and self.m[self.root(i)].type in ORG_OR_PROGRAMME}
        if not named:  # a heading line holds no mentions (mentions/headings.py): the names the text uses elsewhere
            q = self.text[self.doc[self.sents[j].start].idx:self.doc[self.sents[j].end - 1].idx]
            for i, mf in enumerate(self.m):
                if mf.source != "anaphor" and mf.type in ORG_OR_PROGRAMME and len(mf.text) >= 3 \
                        and re.search(rf"(?<!\w){re.escape(mf.text)}(?!\w)", q):
                    named.setdefault(self.m[self.root(i)].canonical, self.root(i))
        return next(iter(named.values())) if len(named) == 1 else None

    def _linked_to(self, tok: int, r: int) -> bool:
        """Did the mention stage link the reference at token ``tok`` to the name ``r``?"""
        i = self.at.get(tok)
        return i is not None and self.m[i].source == "anaphor" and self.root(i) == r

    def _name_after(self, i: int, end: int) -> bool:
        """Does a name (not a reference) start at token ``i`` or right after a "the" there?"""
        if i < end and self.doc[i].lower_ == "the":
            i += 1
        j = self.at.get(i) if i < end else None
        return j is not None and self.m[j].source != "anaphor"

    def _place_before(self, i: int, start: int) -> bool:
        """"The Kumasi start-up, which ..., closed": "the" and a place's name (a Cluster mention) before the noun."""
        for back in (1, 2):
            j = self.at.get(i - back)
            if j is not None and self.m[j].type == "Cluster" and self.m[j].source != "anaphor":
                a = i - back
                return a - 1 >= start and self.doc[a - 1].lower_ == "the" \
                    and self.doc[a:i].text.strip() == self.m[j].text
        return False

    def _object_it(self, k: int, tok: int) -> int | None:
        """"The Y Bank funds it", "two of our students founded it": the object "it" of a verb of founding, running or
        funding stands for the subject of the sentence before (as a sentence-opening "It" does), when this sentence has
        a subject of its own before the verb that is not that organisation."""
        s, doc = self.sents[k], self.doc
        p = tok - 2  # the verb's subject: a name (or "She") right before it, over an adverb ("also funds it")
        while p > s.start and doc[p].is_lower and (doc[p].lower_.endswith("ly") or doc[p].lower_ in _ADVERBS):
            p -= 1
        if not any(b == p + 1 for _i, _a, b in s.ments):
            return None  # "Tarn Capital, which funds it", "two of our students founded it": the parse's subject
        if any(b <= p and self.m[i].type in ORG_OR_PROGRAMME and doc[b].lower_ in (",", ";", "and", "but")
               for i, _a, b in s.ments):
            return None  # "X opened the Kelso Lab, and the Y Agency runs it": the lab this sentence names, not X
        if sum(self.m[i].type in ORG_OR_PROGRAMME for i, _a, _b in self.sents[k - 1].ments) > 1:
            return None  # "X builds tools for Y. A founded it.": X or Y? (precision first)
        got = self.pronoun(tok)
        if got is None or any(self.root(i) == got for i, a, _b in s.ments if a < tok) or self._new_thing(k - 1):
            return None
        things = self.w.round_words | set(self.w.nouns)  # "the seed round ... was led by A, and B joined it": the round
        if any(doc[j].lower_ in things and j not in self.covered and j not in self.at for j in range(s.start, tok)):
            return None
        return got

    def _new_thing(self, k: int) -> bool:
        """Does sentence ``k`` introduce an unnamed body as an object ("X opened a new lab in Mzuzu", "X set up an
        incubator")? An object "it" after it may stand for that body, not for X (a predicate "X is a start-up" does
        not count)."""
        s, doc = self.sents[k], self.doc
        for j in range(s.start + 1, s.end):
            if doc[j].lower_ not in self.w.nouns or j in self.covered:
                continue
            art = next((q for q in range(j - 1, max(s.start - 1, j - 4), -1) if doc[q].lower_ in ("a", "an")), None)
            if art is not None and art > s.start and doc[art - 1].lower_ not in _PREDICATE:
                return True
        return False

    def _clause_it(self, k: int, tok: int, objects: bool = False) -> int | None:
        """", and it operates P": the organisation that opens the sentence as its subject, when no other organisation or
        programme is named between it and "it" outside a phrase after a preposition ("X built the Y Observatory, and
        it now serves ...": Y or X?) and the sentence is no quotation. ``objects``: "it" opens a subordinate clause
        ("X left Y after it became ..."), whose subject is the main clause's, objects named between or not."""
        if self.quoted_at(tok):
            return None
        subj = self.subject(k, ORG_OR_PROGRAMME, upto=tok, strict=True)
        if subj is None:
            return None
        s = self.sents[k]
        seen = False
        for i, a, _b in s.ments:
            if a >= tok:
                break
            r = self.root(i)
            if r == subj and not seen:
                opens = a == s.start or (a == s.start + 1 and self.doc[s.start].lower_ == "the") \
                    or self._after_date(a - (self.doc[a - 1].lower_ == "the"), s.start)
                if not opens:
                    return None  # "..., with the gripper maker X, and it ...": X is no subject
                seen = True
            elif seen and self.m[r].type in ORG_OR_PROGRAMME and not self._in_phrase(s, a) and not objects:
                return None
        return subj if seen else None

    def _led_round(self, i: int, end: int) -> bool:
        """Is "its" at token ``i`` the owner of a round an investor leads ("X led its seed round", "Y co-led its
        $2 million Series A")? An investor does not lead its own round: "its" is the company named before."""
        if self.doc[i - 1].lower_ not in self.w.lead_verbs:
            return False
        return any(self.doc[j].lower_ in self.w.round_words for j in range(i + 1, min(end, i + 7)))

    def _round_owner(self, k: int, tok: int) -> int | None:
        """The company whose round sentence ``k``'s investor leads: the subject of the sentence before, when it is a
        company other than this sentence's subject (else the mention stage's link stays)."""
        here = self.subject(k, ORG_OR_PROGRAMME, upto=tok)
        lead, first_person = self._round_lead(k, tok)
        if here is not None and self.m[here].type == "Company" and (first_person or (
                lead is not None and self.root(lead) != here)):
            return here  # "X, a spin-out of Y, is based in Z; we led its seed round": X, this sentence's subject
        owner = self._previous_subject(k, tok)
        if owner is None or self.m[owner].type != "Company" or (first_person and owner in (self.page, self._kept())):
            return None  # a fund's blog: "we" is the fund, and it does not lead its own round
        return None if here == owner else owner

    def _round_lead(self, k: int, tok: int) -> tuple[int | None, bool]:
        """The investor before the verb of "X led its round" (``tok``: "its"): its mention ("Acme led", "Acme
        co-led") and whether it is a first person ("we led")."""
        v = tok - 1
        if v >= 2 and self.doc[v - 1].text in ("-", "–") and not self.doc[v - 2].whitespace_:
            v -= 2  # "co-led" is three tokens
        lead = next((i for i, _a, b in self.sents[k].ments if b == v), None)
        return lead, v >= 1 and self.doc[v - 1].lower_ in FIRST_PERSON

    def _kept(self) -> int | None:
        """The mention of the name a 10-K calls "the Company" (``keep``), if any."""
        if self.keep is None:
            return None
        return next((i for i, mf in enumerate(self.m) if mf.canonical == self.keep and mf.source != "anaphor"), None)

    def _previous_subject(self, k: int, tok: int) -> int | None:
        """The subject of the sentence before, in the same block, outside quotations, with no rival of its type."""
        if k == 0 or not self._same_section(k - 1, k) or self.quoted_at(tok) \
                or self._quote_names(k - 1, ORG_OR_PROGRAMME):
            return None
        subj = self.subject(k - 1, ORG_OR_PROGRAMME)
        return None if subj is None or self._rival(subj, k - 1, self.sents[k - 1].end) else subj

    def _verb_at(self, i: int, end: int) -> bool:
        """Is the word at ``i`` a verb by what follows ("the company partners with X", not "the company partners
        say")?"""
        return i + 1 < end and self.doc[i + 1].lower_ in _VERB_NEXT

    def _after_date(self, i: int, start: int) -> bool:
        """Only a fronted date stands before token ``i`` in its sentence ("In 2023", "Since March 2021,")."""
        doc = self.doc
        if i - start < 2 or i - start > 5 or doc[start].text not in self.w.date_openers:
            return False
        between = doc[start + 1:i]
        return any(t.like_num for t in between) and all(
            t.like_num or t.text == "," or t.text in self.w.months for t in between)

    # ------------------------------------------------------------------ links the pass wrote
    def mention_at(self, tok: int) -> int | None:
        """The mention starting at token ``tok`` (the last one there), if any."""
        return self.at.get(tok)

    def added(self, tok: int, i: int, end_tok: int) -> None:
        """A reference mention ``i`` was appended at token ``tok``: later references see it."""
        self.at[tok] = i
        ments = self.sents[self.sent_of[tok]].ments
        ments.append((i, tok, end_tok))
        ments.sort(key=lambda x: (x[1], x[2]))

    def linked(self, tok: int, r: int) -> None:
        """The reference at ``tok`` now stands for mention ``r`` (a clause's "its" may follow it)."""
        self.resolved[tok] = r

    def candidates(self) -> Iterator[tuple[Any, int]]:
        """(token, antecedent) of every reference of the chunk this module reads, in text order."""
        for hit in self.w.pattern().finditer(self.text):
            a = hit.start("noun") if hit.group("noun") else hit.start()
            sp = self.doc.char_span(a, a + 1, alignment_mode="expand")
            if sp is None:
                continue
            t = self.doc[sp.start]
            sent = self.sents[self.sent_of[t.i]]
            if sent.heading or not sent.start <= t.i < sent.end:
                continue
            r = self.reference_at(t, sent)
            if r is not None:
                yield t, r
