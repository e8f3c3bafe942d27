"""The programme end of a running or funding phrase, recovered before the relation rules read the chunk (issue 14).

Most missed RUNS and many missed FUNDS have a programme end that the entity pass left out ("in the cohort of
AgriTech Atlantique, an accelerator that ..."), cut short ("the Sula Talento Digital programme" read as "Talento
Digital") or typed as a firm or a person ("Orchard Eye, a grader-training programme", "the Xela Código
accelerator"). Two forms say a name is a programme:

* a name before a lower-case programme noun, after a determiner or a possessive: "runs the Sula Talento Digital
  programme", "the university's Start-Up North programme", "under its Korytarz AI grant scheme", "the Foyle AI
  Leaders peer-learning programme";
* an apposition after the name whose head is a programme noun: "AgriTech Atlantique, an accelerator that the
  agency runs", "Red Sísmica Abierta, an open-data programme that ...", "BridgeAI, an Innovate UK programme that".

The name becomes one Programme mention (the one mention over it extended, or a new one); other mentions of the same
words, and an acronym of it, are retyped. A gazetteer name, a place, a name ending in an organisation word ("the
Tamsalu Foundation programme": the owner) or a span crossing two mentions is left as it is. The relation rules
that run after (runs_published, relative clauses, the parse frames) then see both ends. Words:
``data/lexicon/fund_programme_ends.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_fund_entry_lines import entry_pattern
from aikg.ingest.nlp.world_places import world_places

RETYPED = ("Institute", "Company", "Agency", "Person", "Programme")
_TOKEN = re.compile(r"\w+(?:[-.]\w+)*|['’]s\b|&|[^\w\s]")
BULLETS = ("-", "•", "*", "–", "▪", "·")
HEADING_WORDS = 6  # a project's heading line: a short name
ENTRY_REACH = 160  # the participle of the line under it comes early: "Predictive maintenance ... data. Run jointly by"
_END_PUNCT = frozenset({",", ".", ";", ":", ")", "—", "–"})


@dataclass(frozen=True)
class EndWords:
    """The word lists of ``fund_programme_ends.json``."""

    nouns: frozenset[str]
    appositive: frozenset[str]
    before: frozenset[str]
    connectors: frozenset[str]
    modifier_stop: frozenset[str]
    description_stop: frozenset[str]
    after: frozenset[str]
    leading: frozenset[str]
    org_heads: frozenset[str]
    keep_types: frozenset[str]
    geo_words: frozenset[str]
    demonym_endings: tuple[str, ...]
    apposition_preps: frozenset[str]
    named_after: frozenset[str]
    title_words: frozenset[str]
    conditional: frozenset[str]
    conditional_cues: frozenset[str]
    section_words: frozenset[str] = frozenset()
    section_heads: frozenset[str] = frozenset()

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "EndWords":
        d = lexicon_data("fund_programme_ends.json")
        return cls(*(frozenset(d[k]) for k in ("programme_nouns", "appositive_nouns", "before_name", "name_connectors",
                                                "modifier_stop", "description_stop", "after_apposition",
                                                "leading_words", "org_heads", "keep_types", "geo_words")),
                   tuple(d["demonym_endings"]), frozenset(d["apposition_preps"]), frozenset(d["named_after"]),
                   frozenset(d["title_words"]), frozenset(d["conditional_nouns"]), frozenset(d["conditional_cues"]),
                   frozenset(w.lower() for w in d.get("section_words", ())),
                   frozenset(w.lower() for w in d.get("section_heads", ())))


def _named(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


def _name_back(toks: list[tuple[str, int, int]], e: int, words: EndWords) -> int | None:
    """Start index of the run of capitalised words ending at ``e`` (connectors only between two of them)."""
    if e < 0 or not _named(toks[e][0]):
        return None
    s = e
    while s - 1 >= 0:
        t = toks[s - 1][0]
        if _named(t):
            s -= 1
        elif t in words.connectors and s - 2 >= 0 and _named(toks[s - 2][0]):
            s -= 2
        else:
            break
    while s <= e and toks[s][0] in words.leading:
        s += 1  # "The", "In June"
    if s > e or not any(t[0][:1].isupper() for t in toks[s:e + 1]):
        return None
    return s


def _before_noun(toks: list[tuple[str, int, int]], i: int, words: EndWords) -> tuple[int, int] | None:
    """"the NAME [mod] [mod] programme": the name's token range, or None."""
    for k in range(3):
        e = i - 1 - k
        mods = [t for t, _, _ in toks[e + 1:i]]
        if e < 1 or any(not m.islower() or not m.replace("-", "").isalpha() or m in words.modifier_stop for m in mods):
            return None
        s = _name_back(toks, e, words)
        if s is None:
            continue
        if s >= 1 and toks[s - 1][0].lower() in words.before and _owned_or_cued(toks, s, i, words):
            return s, e
        return None
    return None


def _owned_or_cued(toks: list[tuple[str, int, int]], s: int, i: int, words: EndWords) -> bool:
    """An organisation-like noun ("accelerator") names a programme only after an owner or a running word."""
    if toks[i][0] not in words.conditional or toks[s - 1][0].lower() not in ("the", "a", "an"):
        return True
    return s >= 2 and toks[s - 2][0].lower() in words.conditional_cues


def _apposition(toks: list[tuple[str, int, int]], i: int, words: EndWords) -> tuple[int, int] | None:
    """"NAME, a [description] programme that ...": the name's token range (``i`` is the comma), or None."""
    if i + 2 >= len(toks) or toks[i + 1][0].lower() not in ("a", "an", "the"):
        return None
    n = None
    for j in range(i + 2, min(i + 9, len(toks))):
        t = toks[j][0]
        if t in words.appositive:
            n = j
            break
        if t in words.description_stop or t in _END_PUNCT or t.endswith("-based"):
            return None  # "X, a start-up that", "X, a Rabat-based accelerator" (an organisation)
    if n is None:
        return None
    nxt = toks[n + 1][0] if n + 1 < len(toks) else "."
    if nxt not in _END_PUNCT and nxt.lower() not in words.after:
        return None
    s = _name_back(toks, i - 1, words)
    if s is not None and s >= 2 and toks[s - 1][0] in words.apposition_preps and _named(toks[s - 2][0]):
        return None  # "the Pinecrest Fellowship at NC State, a programme that": the apposition is the fellowship's
    return None if s is None else (s, i - 1)


def _noun_before(toks: list[tuple[str, int, int]], i: int, words: EndWords) -> tuple[int, int] | None:
    """"the health fund Lucy Health Catalyst", "its flagship programme Semilla de Datos": the name's token range."""
    if i + 1 >= len(toks) or not toks[i + 1][0][:1].isupper() or toks[i + 1][0] in words.leading \
            or toks[i + 1][0] in words.title_words:
        return None  # "the programme Director Ana Silva": a title
    k = i - 1
    while k >= 0 and toks[k][0].islower() and toks[k][0] not in words.before and toks[k][0] not in words.modifier_stop:
        k -= 1  # "health", "flagship"
    if k < 0 or toks[k][0].lower() not in words.before or i - k > 3:
        return None
    e = i + 1
    while e + 1 < len(toks) and (_named(toks[e + 1][0]) or toks[e + 1][0] in words.connectors and e + 2 < len(toks)
                                 and toks[e + 2][0][:1].isupper()):
        e += 2 if toks[e + 1][0] in words.connectors else 1
    return i + 1, e


def programme_names(text: str, words: EndWords | None = None) -> list[tuple[int, int, bool]]:
    """(start, end, strong) character spans of ``text`` that the forms above call a programme's name; a weak form
    ("the health fund NAME") may not retype a person."""
    words = words or EndWords.load()
    places = world_places()
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[tuple[int, int]] = []
    for i, (t, _, _) in enumerate(toks):
        got = _before_noun(toks, i, words) if t in words.nouns else _apposition(toks, i, words) if t == "," else None
        weak = got is None and t in words.named_after  # "the health fund NAME": never a person's name retyped
        if weak:
            got = _noun_before(toks, i, words)
        if got is None:
            continue
        s, e = got
        if s < e and toks[s][0].lower().endswith(words.demonym_endings) and text.count(
                text[toks[s + 1][1]:toks[e][2]]) > text.count(text[toks[s][1]:toks[e][2]]):
            s += 1  # "the European EdgeStart programme" where the text also says "EdgeStart" alone
        last = toks[e][0].lower().rstrip(".")
        if last in words.org_heads or last in words.geo_words or places.kind(text[toks[s][1]:toks[e][2]]):
            continue  # "the Tamsalu Foundation programme" (the owner), "the Fergana Valley water programme" (a place)
        out.append((toks[s][1], toks[e][2], not weak))
    return out + entry_headings(text, words)


def entry_headings(text: str, words: EndWords) -> list[tuple[int, int, bool]]:
    """A project's heading line on a consortium page, with a line of participles under it ("Vision Qualite" /
    "Led by A; co-financed by B."): the heading is the programme's name (relation_fund_entry_lines reads the line)."""
    pattern = entry_pattern()
    places = world_places()
    lines = text.split("\n")
    out: list[tuple[int, int, bool]] = []
    pos = 0
    for k, line in enumerate(lines):
        at, pos = pos, pos + len(line) + 1
        name = line.strip()
        nxt = next((x for x in lines[k + 1:k + 3] if x.strip()), "")
        if not name or not nxt or len(name.split()) > HEADING_WORDS or not name[0].isupper() \
                or name[-1] in ".;:,!?)" or re.search(r"[:|•]", name) or places.kind(name):
            continue
        names = re.findall(r"[\w-]+", name)
        if all(w.lower() in words.section_words for w in names) or names[-1].lower() in words.section_heads \
                or nxt.lstrip()[:1] in BULLETS:
            continue  # "Projects", "Governance", "Working groups", "Selected institutes" / "- A, led by B"
        hit = pattern.search(nxt)
        if hit is None or hit.start() > ENTRY_REACH or re.search(r"\s[-–—]\s", nxt[:hit.start()]):
            continue  # "Companies to know" / "Samaki Sense Ltd (Kisumu) - sensors ...; backed by F": an entry of its own
        a = at + line.index(name)
        out.append((a, a + len(name), True))
    return out


def programme_ends(text: str, off: int, mentions: list[MentionFact], words: EndWords | None = None) -> list[MentionFact]:
    """``mentions`` of the chunk ``text`` at ``off`` with the programme names of the forms above as Programme mentions."""
    words = words or EndWords.load()
    out = list(mentions)
    for a0, b0, strong in programme_names(text, words):
        a, b = off + a0, off + b0
        over = [i for i, m in enumerate(out) if m.source != "anaphor" and m.start < b and m.end > a]
        if len(over) > 1 or any(out[i].gazetteer or out[i].type in words.keep_types or out[i].start < a
                                or out[i].end > b for i in over):
            continue
        name = text[a0:b0]
        if any(m.text == name and m.type in words.keep_types for m in out):
            continue  # the text names a place so elsewhere
        if over and (out[over[0]].type not in RETYPED or out[over[0]].type == "Person" and not strong):
            continue
        if name.isupper() and over and out[over[0]].type != "Programme":
            continue  # "the UKRI scheme": an acronym before a programme noun is its owner
        if over:
            out[over[0]] = replace(out[over[0]], text=name, start=a, end=b, type="Programme", canonical=name)
        else:
            out.append(MentionFact(name, a, b, "Programme", "rule", name))
        _retype_same(out, name, words)
    return out


def _retype_same(ms: list[MentionFact], name: str, words: EndWords) -> None:
    """Other mentions of the same words, and an acronym defined for them, are the programme too."""
    for i, m in enumerate(ms):
        if m.type == "Programme" or m.gazetteer or m.type in words.keep_types or m.type not in RETYPED:
            continue
        if m.source != "anaphor" and (m.text == name or m.acronym_of == name):
            ms[i] = replace(m, type="Programme")
