"""Stage section_names: a name alone on its line under a members, partners or funders heading is an organisation.

Members pages and partner walls copied as text list one organisation a line under a heading, often with a blank line
after the heading and a native-script name under each item ("Founding members" / "" / "Anping Institute of Marine
Technology" / "安平海洋科技研究所" / "Chiku Milkfish Farming Co., Ltd. (Tainan)"). ``headings.py`` drops a name that
fills its line, and the NER splits or misses long-tail names ("Geita" of "Geita College of Mining Sciences", a
person "Lin Wen-hsiung" in "Lin Wen-hsiung Aquatech Co."). Under a heading whose role word lists organisations
(``roles``/``role_phrases`` of ``page_sections.json``, the group words of ``relations.json``), a line that is a name
alone, with at most a bracket or a short description after it, becomes one organisation typed by its head words
(else the default organisation type); what the entity pass read inside it is replaced.

Left alone: lines under other headings ("Steering committee", "Our customers", "Speakers", "Related news", "Contact");
known places and countries; "and more", "Contact us", "Join us" (``non_names``); a line already read as one person or
as a gazetteer name; a lone word no head word types; after a blank line, a name-like line that neither a head word
types nor an item line follows ("Key Facts"); a name nothing read and no head word types, followed by a colon and a
description ("Data Science: short courses for members"). ``AIKG_SECTION_NAMES=off`` turns the stage off.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.name_forms import name_form_words
from aikg.ingest.nlp.relation_membership import SectionWords
from aikg.ingest.nlp.relation_page_sections import role_of
from aikg.ingest.nlp.token_index import TokenIndex, doc_text
from aikg.ingest.nlp.world_places import world_places

ENABLED_ENV = "AIKG_SECTION_NAMES"
HEAD_WORDS = 8
MAX_NAME_WORDS = 10
MAX_ITEM_WORDS = 16  # a list line: a name, a bracket, a short description
_BULLET = re.compile(r"^\s*(?:[-•*–▪·◦]|\d{1,2}[.)])\s+")
_WORDS = re.compile(r"[a-z][a-z&-]*")
#: where a listed name ends: a bracket, a comma, a dash, a colon or a bar after it
_TAIL = re.compile(r"\s+\(|,\s+|\s+[—–-]\s+|:\s|\s+\|")
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _lex() -> tuple[SectionWords, frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                    frozenset[str]]:
    """(relations.json section words, category words, stop words, non-names, name connectors, words no name opens
    with, lower-case words no name holds)."""
    page = lexicon_data("page_sections.json")
    forms = lexicon_data("entity_forms.json")
    low = lambda key: frozenset(w.lower() for w in page[key])  # noqa: E731
    glue = frozenset(w.lower() for w in forms["name_connectors"]) | {"&", "and"}
    return (SectionWords(lexicon_data("relations.json")), low("category_words"), low("stop_words"), low("non_names"),
            glue, low("non_name_openers"), low("non_glue"))


def section_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """One organisation for each name line under a role heading (module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    text = doc_text(doc)
    for block in _name_lines(text):
        known = sum(1 for a, b, _ in block if _org_at(doc, cands, a))
        for a, b, close in block:
            cands = _apply(doc, cands, a, b, env, close and known - int(_org_at(doc, cands, a)) >= 1)
    return cands


def _org_at(doc: Any, cands: list[Candidate], a: int) -> bool:
    """Does an organisation the entity pass read open at character ``a``?"""
    span = doc.char_span(a, a + 1, alignment_mode="expand")
    return span is not None and any(c.start == span.start and c.type in ORG_OR_PROGRAMME for c in cands)


def _heading_role(line: str) -> bool | None:
    """True for a heading that lists organisations, False for a sub-heading that sorts them ("Academic members"
    counts as a role; "Industry" alone as a category), None for any other line."""
    s = line.strip()
    if len(s.split()) > HEAD_WORDS or s.endswith((".", "!", ";", ",")) or _BULLET.match(line) or "|" in s:
        return None
    words = _WORDS.findall(s.lower())
    section, categories, stops = _lex()[:3]
    if set(words) & stops:
        return None
    if role_of(words) is not None or (not s.endswith(":") or ":" not in s[:-1]) and section.group(words) is not None:
        return True
    return False if words and all(w in categories for w in words) else None


def _name_lines(text: str) -> list[list[tuple[int, int, bool]]]:
    """The blocks of a role heading: (start, end, close) of the name opening each item line; ``close`` when no blank
    line parts it from the line above (the heading or another item)."""
    out: list[list[tuple[int, int, bool]]] = []
    block: list[tuple[int, int, bool]] | None = None
    blank = False
    pos = 0
    lines = text.split("\n")
    for k, line in enumerate(lines):
        a = pos
        pos += len(line) + 1
        if not line.strip():
            blank = True
            continue
        if not _LATIN.search(line):
            continue  # a native-script name under the item above ("安平海洋科技研究所")
        role = _heading_role(line)
        if role is not None and (role or block is not None):
            block, blank = [], False
            out.append(block)
            owner = _heading_owner(line, a) if role else None
            if owner is not None:
                block.append((owner[0], owner[1], False))  # "Members of the Brakeley Robotics Network"
            continue
        item = block is not None and len(line.split()) <= MAX_ITEM_WORDS and not _prose(line) \
            and not _prose(lines[k + 1] if k + 1 < len(lines) else "")  # "About the Consortium" over a paragraph
        span = _name_span(line, a) if item else None
        if span is None or block is None:
            block = None
        else:
            block.append((span[0], span[1], not blank))
        blank = False
    return out


def _heading_owner(line: str, a: int) -> tuple[int, int] | None:
    """The name after "of (the)" that ends a role heading ("Members of the Brakeley Robotics Network")."""
    hit = re.search(r"\bof\s+(?:the\s+)?(?=[A-Z])", line)
    if hit is None:
        return None
    name = line[hit.end():].rstrip().rstrip(":").rstrip()
    return (a + hit.end(), a + hit.end() + len(name)) if _name_like(name) and len(name.split()) >= 2 else None


def _name_span(line: str, a: int) -> tuple[int, int] | None:
    """The name opening an item line, before its bracket, comma or dash tail; None for a line that is no name."""
    bullet = _BULLET.match(line)
    lead = bullet.end() if bullet else len(line) - len(line.lstrip())
    the = re.match(r"(?:the|The)\s+", line[lead:])
    lead += the.end() if the else 0
    body = line[lead:].rstrip()
    end = len(body)
    for m in _TAIL.finditer(body):
        if m.group(0).startswith(",") and _legal_after(body[m.end():]):
            continue  # "Chiku Milkfish Farming Co., Ltd." goes on after its comma
        end = m.start()
        break
    name = _place_cut(_legal_cut(body[:end].rstrip()))
    if name.endswith(".") and not _legal_end(name):
        name = name[:-1]
    if not _name_like(name):
        return None
    return a + lead, a + lead + len(name)


def _prose(line: str) -> bool:
    """A line of running text: eight words or more and a sentence's stop."""
    return len(line.split()) >= 8 and not _BULLET.match(line) and line.rstrip().endswith((".", "!", "?"))


def _legal_after(rest: str) -> bool:
    word = re.match(r"[A-Za-z.]+", rest)
    return word is not None and word.group(0).lower().rstrip(".") in {w.rstrip(".") for w in name_form_words().legal}


def _legal_cut(name: str) -> str:
    """A legal form closes a firm's name: "Somali Coast Translation Ltd of Hargeisa" is "Somali Coast Translation Ltd"."""
    words = name.split(" ")
    legal = {w.rstrip(".") for w in name_form_words().legal}
    for k, w in enumerate(words[:-1]):
        if w.lower().rstrip(".,") in legal and words[k + 1].lower().rstrip(".,") not in legal and len(w) > 1:
            return " ".join(words[:k + 1]).rstrip(",")
    return name


def _place_cut(name: str) -> str:
    """"Korogwe Robotics of Pangani": a known town after "of" is the firm's place, not part of its name."""
    head, sep, tail = name.rpartition(" of ")
    return head if sep and head and world_places().kind(tail.rstrip(".")) is not None else name


def _legal_end(name: str) -> bool:
    last = name.split()[-1].lower().rstrip(".") if name.split() else ""
    return last in {w.rstrip(".") for w in name_form_words().legal}


def _name_like(name: str) -> bool:
    """Capitalised words with name connectors between ("Bodi ya Maji ya Bonde la Ziwa", "Rwegasira & Sons Ltd")."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or name.lower() in _lex()[3] or words[0].lower() in _lex()[5] \
            or any(w.lower().endswith("-based") for w in words) or any(w.lower() in _lex()[6] for w in words):
        return False  # "About the Consortium", "Basel-based Dreiland Medical", "School X at Y University"
    glue = _lex()[4]
    if not (words[0][:1].isupper() or words[0][:1].isdigit()) or not (words[-1][:1].isupper() or words[-1][:1].isdigit()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in glue or len(w) <= 3 and w.isalpha() for w in words)


def _apply(doc: Any, cands: list[Candidate], a: int, b: int, env: Env, listed: bool) -> list[Candidate]:
    """The name at characters ``a:b`` as one organisation, unless it is a place, a person or a gazetteer name;
    ``listed``: a sibling line right above or below is an organisation already, so no head word is needed."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return cands
    start, end = span.start, span.end
    text = TokenIndex.of(doc).span_text(start, end)
    if world_places().kind(text) is not None or text.lower() in env.lex.countries:
        return cands
    inside = [c for c in cands if c.start < end and c.end > start]
    if any(c.entry is not None or c.source == "gazetteer" or c.start < start or c.end > end for c in inside):
        return cands
    if any(c.type == "Cluster" and c.start > start for c in inside):
        return cands  # "Machhapuchhre Robotics of Pokhara": a firm and its town, read apart already
    exact = [c for c in inside if c.start == start and c.end == end]
    if exact and (exact[0].type in ORG_OR_PROGRAMME or exact[0].type == "Person"):
        return cands  # read already (a person alone on a line stays a person)
    typ = env.typer.type_of_name(TokenIndex.of(doc).text[start:end])
    if typ is None and (end - start < 2 or not (inside or listed)):
        return cands  # a lone word, or a name nothing else read and no list around it: only a head word types it
    if typ is None and not inside and doc_text(doc)[b:b + 2].lstrip().startswith(":"):
        return cands  # "Data Science: short courses for members": a topic with its description, not a member
    said = typ is not None  # a head word typed it; a default firm reading leaves the kind to later stages
    typ = typ or env.lex.default_org
    if typ not in ORG_OR_PROGRAMME:
        return cands
    keep = [c for c in cands if not (c.start < end and c.end > start)]
    keep.append(Candidate(start, end, typ, "rule", label="ORG", ctx_typed=said))
    return sorted(keep, key=lambda c: (c.start, c.end))
