"""Places by the form of the phrase around them, for towns neither the model nor the world place list knows.

Two jobs, both from words only (no parse):

* :func:`place_forms` (a stage, before ``place_context``): a capitalised name in a slot only a place fills is a
  town ("headquartered in Kuressaare", "the town of Frýdlant"), whatever the NER read; and a known town in
  brackets right after an organisation is where it is, not its short form ("Ostend Marine Robotics (Ostend)").
* :func:`place_form_cue` (called by ``place_context``): the phrase makes a place an organisation's site, so it is
  kept: "an Istanbul fund", "the Vilnius software house X" (the place modifies an organisation noun), "the water
  utility of Loja", "has a plant in Hyvinkää", "operates nine packhouses in Te Puke", "Lunenburg Fisheries
  Analytics (Lunenburg)".

Not places: a building or street after the slot word ("based in Acme Tower"), a month, a name with an
organisation head word, a country or region (kept only as the other stages say), a place that only modifies a
longer noun ("the Istanbul fund manager market"). Word lists: ``data/places/place_forms.json``, and
``place_org_nouns`` / ``place_lists`` of ``data/lexicon/relations.json``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.relation_employer_place import words as base_words
from aikg.ingest.nlp.world_places import world_places

#: inner words of a town's name ("Viña del Mar", "Stratford-upon-Avon")
INNER = frozenset({"-", "del", "de", "la", "le", "do", "da", "di", "du", "des", "upon", "on", "sur", "am", "an", "der"})
MAX_NAME = 4  # words of a town's name after a slot word
MAX_NOUN_RUN = 4  # lower-case words from the place to the end of the organisation noun ("machine-tool group")
#: switch for an A/B measurement in one tree (``AIKG_PLACE_FORMS=off``); on by default
ENABLED_ENV = "AIKG_PLACE_FORMS"
BULLETS = frozenset({"-", "•", "*", "–", "—", "·", "▪"})
CLOSERS = frozenset({",", ".", ";", ":", ")", "!", "?"})
NOT_SITES = frozenset({"people", "staff", "employees", "engineers", "researchers", "workers", "stores", "presence",
                       "operations", "team", "teams", "campus", "campuses", "line", "lines", "base", "bases"})  # "Tokyo people": not a site a place modifies
COPULAS = frozenset({"is", "was", "remains", "became", "becomes", "are", "were", "as"})


@dataclass(frozen=True)
class PlaceFormWords:
    slot_words: frozenset[str]
    settlement_nouns: frozenset[str]
    building_words: frozenset[str]
    not_town_words: frozenset[str]
    openers: frozenset[str]
    followers: frozenset[str]
    org_nouns: frozenset[str]
    site_nouns: frozenset[str]
    have_words: frozenset[str]
    not_placed: frozenset[str]


@lru_cache(maxsize=4)
def _file_words() -> dict[str, frozenset[str]]:
    node = shipped("places", "place_forms.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
        return {k: frozenset(w.lower() for w in v) for k, v in data.items() if not k.startswith("_")}
    except (OSError, ValueError, AttributeError) as e:
        raise InputError(f"cannot read the place form words: {e}", source=str(node)) from e


def wide_area_nouns() -> frozenset[str]:
    """Nouns of an area wider than a town ("the region"): "the largest employer in the region" places nothing."""
    return _file_words()["wide_area_nouns"]


def past_words() -> frozenset[str]:
    """Words of a past description ("a former start-up in Bergen"): such an apposition places nobody."""
    return _file_words()["past_words"]


def street_words() -> frozenset[str]:
    """Words of a street or building in an address line ("12 Kashmir Road", "Level 3, Paspalis Centrepoint")."""
    return _file_words()["street_words"]


def not_town_words() -> frozenset[str]:
    """Capitalised words that open no town's name: months, weekdays, "Building" ("based in March")."""
    return _file_words()["not_town_words"]


def district_words() -> frozenset[str]:
    """First words of a district or street name read as an organisation ("Quartier Commerce", "Rruga Kolë Idromeno")."""
    return _file_words()["district_words"]


def enabled() -> bool:
    return os.environ.get(ENABLED_ENV, "on") != "off"


_BY_LEXICON: dict[int, PlaceFormWords] = {}


def form_words(env: Env) -> PlaceFormWords:
    """The word lists, read once per lexicon."""
    got = _BY_LEXICON.get(id(env.lex))
    if got is None:
        f = _file_words()
        rel = env.lex.relations
        lists = rel.get("place_lists", {})
        kinds = {k for k, v in env.words.description_types.items() if v in ORG_TYPES}
        got = PlaceFormWords(
            f["slot_words"], f["settlement_nouns"], f["building_words"], f["not_town_words"], f["modifier_openers"],
            f["noun_followers"], frozenset(w.lower() for w in rel.get("place_org_nouns", ())) | kinds,
            frozenset(w.lower() for w in lists.get("site_nouns", ())) | base_words()["base_nouns"],
            frozenset(w.lower() for w in lists.get("have_words", ())) | base_words()["have_extra"],
            frozenset(w.lower() for w in lists.get("not_placed_words", ())))
        _BY_LEXICON[id(env.lex)] = got
    return got


# ---------------------------------------------------------------------------------------------- the stage
def place_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Type names in place-only slots as places, and bracketed known towns after an organisation."""
    if not enabled():
        return cands
    w = form_words(env)
    _bracketed_towns(doc, cands, env, ctx)
    _whole_towns(doc, cands)
    _postcode_towns(doc, cands, env)
    _line_form_towns(doc, cands, env)
    cands = _list_towns(doc, cands, env)
    _described_towns(doc, cands, w, env)
    cands = _modifier_towns(doc, cands, w, env)
    added: list[Candidate] = []
    at: dict[int, Candidate] = {}
    for c in cands:
        for k in range(c.start, c.end):
            at[k] = c
    for i in _slot_starts(doc, w):
        end = _town_name(doc, i, w, env)
        if end is None:
            continue
        covering = {id(at[k]): at[k] for k in range(i, end) if k in at}
        if not covering:
            added.append(Candidate(i, end, "Cluster", "rule", label="GPE", place=False, ctx_typed=True))
            continue
        c = next(iter(covering.values()))
        if len(covering) == 1 and c.start == i and c.end == end and _retypable(c):
            c.type, c.label, c.place, c.ctx_typed = "Cluster", "GPE", False, True
        elif len(covering) == 1 and c.start == i and c.end == end and c.type == "Cluster" and c.entry is None and c.place:
            c.place = False  # "based in Kuressaare" read as a landform (LOC): the firm's town
    return sorted(cands + added, key=lambda s: (s.start, s.end)) if added else cands


def _retypable(c: Candidate) -> bool:
    """A firm or person reading of the NER that nothing else typed."""
    return c.type in ("Company", "Person") and c.source == "ner" and c.entry is None and c.acronym_of is None \
        and not c.ctx_typed


def _slot_starts(doc: Any, w: PlaceFormWords):
    """First tokens of the names after "based in" / "headquartered in" and "the town of"."""
    n = len(doc)
    for k in range(1, n - 1):
        low = doc[k].lower_
        if low == "in" and doc[k - 1].lower_ in w.slot_words:
            yield k + 1
        elif low == "in" and founding_slot(doc, k):
            yield k + 1  # "X, which Y set up in Kuressaare", "X was founded in Valga in 2016"
        elif low == "in" and _org_noun_before(doc, k, w):
            yield k + 1  # "Skagen Biologics, a contract lab in Aarhus,", "X is a start-up in Kuressaare"
        elif low == "of" and doc[k - 1].lower_ in w.settlement_nouns and k >= 2 and doc[k - 2].lower_ in ("the", "a"):
            yield k + 1


def _org_noun_before(doc: Any, k: int, w: PlaceFormWords) -> bool:
    """An organisation noun ("lab", "start-up") right before token ``k``, ending an apposition or a predicate."""
    if doc[k - 1].lower_ in w.org_nouns:
        return _described_org(doc, k - 1)
    if k >= 3 and doc[k - 2].text == "-" and doc[k - 3].lower_ + "-" + doc[k - 1].lower_ in w.org_nouns:
        return _described_org(doc, k - 3)
    return False


def _described_org(doc: Any, noun: int) -> bool:
    """The organisation noun at ``noun`` ends an apposition or a predicate: ", a contract lab", "is a fund"."""
    for k in range(noun - 1, max(0, noun - 6), -1):
        if doc[k].lower_ in ("a", "an"):
            return k >= 1 and (doc[k - 1].text == "," or doc[k - 1].lower_ in COPULAS)
        if not (doc[k].is_lower or doc[k].text == "-"):
            return False
    return False


def _town_name(doc: Any, i: int, w: PlaceFormWords, env: Env) -> int | None:
    """End of a town's name starting at ``i`` (capitalised words, inner particles), or None when it is no town."""
    n = len(doc)
    if i >= n or not doc[i].text[:1].isupper() or not doc[i].is_alpha or doc[i].lower_ in w.not_town_words:
        return None
    end = i + 1
    while end < n and end - i < MAX_NAME and "\n" not in doc[end - 1].whitespace_ and (
            doc[end].text[:1].isupper() and doc[end].is_alpha
            or doc[end].lower_ in INNER and end + 1 < n and doc[end + 1].text[:1].isupper()
            and (doc[end].text != "-" or not doc[end - 1].whitespace_)):
        end += 1
    while end > i + 1 and doc[end - 1].lower_ in INNER:
        end -= 1
    words = [t.text for t in doc[i:end]]
    low = doc[i:end].text.lower()
    if doc[end - 1].lower_ in w.building_words or env.typer.type_of_name(words) is not None:
        return None  # "based in Acme Tower", "located in the Aldgate Institute"
    if low in env.lex.countries or world_places().only_region(doc[i:end].text):
        return None  # countries and regions stay with the stages that decide them
    if end < n and doc[end].text in ("'s", "’s") or end < n and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return None  # "based in Kuressaare's harbour", "based in Tartu-Tallinn ..."
    return end


#: prepositions that open a list of places ("campuses in A, B and C")
LIST_PREPS = frozenset({"in", "across", "throughout"})
LIST_GAPS = ((",", "and"), (",", "or"), (",",), ("and",), ("or",))


def _list_towns(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"employs 38 people in Pokhara, Butwal and Dharan", "campuses in Lekhnath and Syangja": the other items of a
    list of places after "in" that the NER read as a firm or a person, or missed, are places waiting for context
    (``place_context`` keeps them after a kept place). Only a list that ends the clause ("in Tallinn and Siemens
    buys ..." is no list of places)."""
    by_start = {c.start: c for c in cands}
    n = len(doc)
    added: list[Candidate] = []
    for c in cands:
        if c.type != "Cluster" or c.start < 1 or doc[c.start - 1].lower_ not in LIST_PREPS:
            continue
        k, todo = c.end, []
        while k < n:
            gap = next((g for g in LIST_GAPS if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), None)
            if gap is None or any("\n" in t.whitespace_ for t in doc[k - 1:k + len(gap)]):
                break
            item = k + len(gap)
            other = by_start.get(item)
            end = other.end if other is not None else _cap_run(doc, item)
            if end is None or other is not None and other.type != "Cluster" and not _list_retypable(doc, other, env):
                break
            if other is None and env.typer.type_of_name([t.text for t in doc[item:end]]) is not None:
                break
            todo.append((item, end, other, gap[-1] in ("and", "or")))
            k = end
        if not todo or not todo[-1][3] \
                or not (k >= n or doc[k].text in CLOSERS or "\n" in doc[k - 1].whitespace_ or doc[k].is_space):
            continue  # a list closes with "and"/"or" ("In Lyon, Zolvane, the ... Institute," is no list)
        for item, end, other, _ in todo:
            if other is None:
                new = Candidate(item, end, "Cluster", "rule", label="GPE", place=True)
                added.append(new)
                by_start[item] = new
            elif other.type != "Cluster":
                other.type, other.label, other.place = "Cluster", "GPE", True
    return sorted(cands + added, key=lambda s: (s.start, s.end)) if added else cands


def in_place_list(doc: Any, s: Candidate, env: Env) -> bool:
    """"in Pokhara, Butwal and Dharan": a place after a comma that a list goes on from is a list item, not the
    region that qualifies the place before it ("Boston, Massachusetts")."""
    if not enabled() or s.entry is not None and not s.entry.is_metro:
        return False
    text = doc[s.start:s.end].text
    if text.lower() in env.lex.countries or world_places().kind(text) == "region":
        return False
    return any(tuple(t.lower_ for t in doc[s.end:s.end + len(g)]) == g for g in LIST_GAPS if g != (",",))


def _cap_run(doc: Any, i: int) -> int | None:
    """End of one to three capitalised words from ``i`` on one line, or None."""
    end = i
    while end < len(doc) and end - i < 3 and doc[end].is_alpha and doc[end].text[:1].isupper() \
            and (end == i or "\n" not in doc[end - 1].whitespace_):
        end += 1
    return end if end > i else None


def _list_retypable(doc: Any, c: Candidate, env: Env) -> bool:
    """A firm or person reading of one to three plain capitalised words with no organisation head word."""
    return _retypable(c) and c.end - c.start <= 3 and all(t.is_alpha and t.text[:1].isupper() for t in doc[c.start:c.end]) \
        and env.typer.type_of_name([t.text for t in doc[c.start:c.end]]) is None


def _described_towns(doc: Any, cands: list[Candidate], w: PlaceFormWords, env: Env) -> None:
    """"Hyvinkää, a town north of Helsinki", "Kollam, a port city in Kerala": a firm or person reading the text
    describes as a town is a place (kept only where the other forms say an organisation is there). Also the
    encyclopedia's opening copula, "Osterberg is a port city of 300,000 people", when the settlement noun ends the
    description ("Halvik is a port operator" describes a firm)."""
    n = len(doc)
    for c in cands:
        if not _retypable(c) or c.end + 3 >= n or doc[c.end + 1].lower_ not in ("a", "an"):
            continue
        if doc[c.end].text == ",":
            k = c.end + 2
            while k < min(n, c.end + 5) and doc[k].is_lower and doc[k].lower_ not in w.settlement_nouns:
                k += 1
            if k < n and doc[k].lower_ in w.settlement_nouns and _plain_name(doc, c.start, c.end, env):
                c.type, c.label, c.place = "Cluster", "GPE", True
        elif doc[c.end].lower_ in ("is", "remains") and _copula_town(doc, c.end + 2, w) \
                and _plain_name(doc, c.start, c.end, env):
            c.type, c.label, c.place = "Cluster", "GPE", True


def _copula_town(doc: Any, k: int, w: PlaceFormWords) -> bool:
    """Lower-case words from ``k`` whose last word is a settlement noun, then punctuation or a word ending the
    description (``town_followers``: "a port city of 300,000", "a town in Norland")."""
    followers = _file_words()["town_followers"]
    n = len(doc)
    last = None
    end = min(n, k + 4)
    while k < end and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in followers:
        last = k if doc[k].lower_ in w.settlement_nouns else last
        k += 1
    return last is not None and last == k - 1 and k < n and (doc[k].is_punct and doc[k].text != "-"
                                                              or doc[k].lower_ in followers)


def _plain_name(doc: Any, start: int, end: int, env: Env) -> bool:
    """One to three capitalised words, no organisation head word, not a country: what a town's name looks like."""
    if not 1 <= end - start <= 3 or not all(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]):
        return False
    words = [t.text for t in doc[start:end]]
    return env.typer.type_of_name(words) is None and " ".join(words).lower() not in env.lex.countries


def _postcode_towns(doc: Any, cands: list[Candidate], env: Env) -> None:
    """"56 Bukhar-Zhyrau Avenue, Karaganda 100000, Kazakhstan": an address's town read with its postcode as a firm."""
    for c in cands:
        if c.type not in ("Company", "Person") or c.entry is not None or c.end - c.start < 2 or c.start < 1:
            continue
        last = doc[c.end - 1]
        if not (last.is_digit and 4 <= len(last.text) <= 6) or doc[c.start - 1].text != ",":
            continue
        if _plain_name(doc, c.start, c.end - 1, env):
            c.end -= 1
            c.type, c.label, c.place, c.ctx_typed, c.canonical, c.acronym_of = "Cluster", "GPE", False, True, None, None


def _line_form_towns(doc: Any, cands: list[Candidate], env: Env) -> None:
    """A firm, person or short-form reading where a line form holds a place: a table's "Town" column, "- Org, Vadsø:
    ...", "Headquarters: Nhulunbuy" (``relation_lines.place_by_line_form``)."""
    from aikg.ingest.nlp.relation_lines import place_by_line_form  # the line forms are relation_lines' one definition

    ends = {c.end: c for c in cands}
    text = doc.text
    for c in cands:
        if c.type not in ORG_TYPES + ("Person",) or c.entry is not None or c.ctx_typed and c.source == "ner" \
                or not _plain_name(doc, c.start, c.end, env):  # no head word: an organisation reading is a guess
            continue
        org = ends.get(c.start - 1)
        a, b = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        if "|" not in text[text.rfind("\n", 0, a) + 1:a] and not (org is not None and org.type in ORG_TYPES) \
                and ":" not in text[text.rfind("\n", 0, a) + 1:a]:
            continue  # cheap: no table, no organisation right before, no label on the line
        if place_by_line_form(text, a, b, org is not None and org.type in ORG_TYPES):
            c.type, c.label, c.place, c.ctx_typed, c.canonical, c.acronym_of = "Cluster", "GPE", False, True, None, None


def _modifier_towns(doc: Any, cands: list[Candidate], w: PlaceFormWords, env: Env) -> list[Candidate]:
    """"the Ozurgeti data-centre operator Rioni Digital", "The Karkaraly start-up Kent Geodata": one capitalised word
    between "the"/"a" and an organisation noun that a name follows is the organisation's town, whatever the NER read
    (not a nationality or a word the NER read as one, not a known organisation)."""
    by_start = {c.start: c for c in cands}
    taken = {k for c in cands for k in range(c.start, c.end)}
    added: list[Candidate] = []
    n = len(doc)
    for k in range(1, n - 2):
        t = doc[k]
        if doc[k - 1].lower_ not in ("the", "a", "an") or not t.is_alpha or not t.text[:1].isupper() or t.is_upper \
                or t.ent_type_ in ("NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL"):
            continue
        if t.lower_.endswith(env.words.demonym_endings) or not _plain_name(doc, k, k + 1, env):
            continue
        other = by_start.get(k)
        if k in taken and (other is None or other.end != k + 1 or other.type == "Cluster" or not (
                _retypable(other) or other.source == "ner" and other.entry is None and other.acronym_of is None)):
            continue  # a one-word name with no head word (``_plain_name``) the NER typed is a guess
        last = org_noun_run(doc, k + 1, w)
        if last is None or last + 1 >= n or not doc[last + 1].text[:1].isupper() or "\n" in doc[last].whitespace_:
            continue
        name = by_start.get(last + 1)
        if name is None or name.type not in ORG_TYPES:
            continue
        if other is not None:
            other.type, other.label, other.place, other.ctx_typed = "Cluster", "GPE", False, True
        else:
            added.append(Candidate(k, k + 1, "Cluster", "rule", label="GPE", place=False, ctx_typed=True))
    return sorted(cands + added, key=lambda s: (s.start, s.end)) if added else cands


def org_noun_run(doc: Any, start: int, w: PlaceFormWords) -> int | None:
    """Index of the organisation noun ending one to four lower-case words from ``start`` ("data-centre operator",
    "growers' cooperative"), or None."""
    last = None
    words = 0
    for m in range(start, min(len(doc), start + 2 * MAX_NOUN_RUN + 1)):
        t = doc[m]
        if t.text in ("-", "'", "’") and not doc[m - 1].whitespace_:
            continue
        words += 1
        if words > MAX_NOUN_RUN + 1:
            break  # "grid-forecasting start-up": hyphens count no word
        if not (t.is_alpha and t.is_lower):
            break
        joined = doc[m - 2].lower_ + "-" + t.lower_ if m - 2 >= start and doc[m - 1].text == "-" else ""
        if t.lower_ in w.org_nouns or joined in w.org_nouns or _plural_org_noun(t.lower_, joined, w):
            last = m
        elif last is not None or t.is_stop:
            break
    return last


def _plural_org_noun(low: str, joined: str, w: PlaceFormWords) -> bool:
    """"start-ups", "firms", "companies": the plural of an organisation noun ("the Tamale start-ups A and B")."""
    for word in (low, joined):
        if len(word) > 3 and word.endswith("s") and (word[:-1] in w.org_nouns
                                                      or word.endswith("ies") and word[:-3] + "y" in w.org_nouns):
            return True
    return False


#: words between a plural organisation noun and the names it lists ("Kaolack start-ups such as A and B")
NAMING_GAPS = (("such", "as"), ("including",), ("like",))


def _names_follow(doc: Any, last: int) -> bool:
    """A plural organisation noun at ``last`` is followed by a name, directly or after "such as"/"including"."""
    k = last + 1
    gap = next((g for g in NAMING_GAPS if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), ())
    k += len(gap)
    return k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and "\n" not in doc[last].whitespace_


def _whole_towns(doc: Any, cands: list[Candidate]) -> None:
    """"the Viña del Mar fund": a place the NER cut before a name particle takes the rest of the known town's name."""
    wp = world_places()
    starts = {c.start for c in cands}
    n = len(doc)
    for c in cands:
        if c.type != "Cluster" or c.entry is not None or c.end >= n or doc[c.end].lower_ not in INNER:
            continue
        best = None
        for end in range(c.end + 2, min(n, c.start + MAX_NAME + 1) + 1):
            if end - 1 in starts or "\n" in doc[end - 2].whitespace_:
                break
            if doc[end - 1].text[:1].isupper() and wp.kind(doc[c.start:end].text) == "city":
                best = end
        if best is not None:
            c.end = best


def _item_town(doc: Any, org: Candidate, c: Candidate) -> bool:
    """"- Shaki Silk Analytics (Shaki) - quality grading": on a list item, a bracketed word that opens the longer name
    before it and ends the item's name part is the firm's town (a short form is written in quotes or is an acronym)."""
    if c.end - c.start != 1 or org.end - org.start < 2 or doc[org.start].text != doc[c.start].text:
        return False
    k = org.start - 1
    if k < 0 or doc[k].text not in BULLETS or k > 0 and "\n" not in doc[k - 1].whitespace_ and not doc[k - 1].is_space:
        return False
    after = doc[c.end].text
    return after in (")", "):", ")."," ),") or after.startswith(")") and (c.end + 1 >= len(doc) or doc[c.end + 1].text in
                                                                          ("-", "–", "—", ":", ",", "\n") or doc[c.end + 1].is_space)


def _item_line(doc: Any, org: Candidate) -> bool:
    """The organisation opens a list item ("- Murtal Gussteile (Judenburg), an iron foundry")."""
    k = org.start - 1
    return k >= 0 and doc[k].text in BULLETS and (k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space)


def _item_after(doc: Any, close: int) -> bool:
    """What may follow a bracketed town on a list item: the line's end, a colon, a dash or a comma."""
    t = doc[close]
    if t.text in ("):", "),", ")."):
        return True
    return close + 1 >= len(doc) or "\n" in t.whitespace_ or doc[close + 1].is_space \
        or doc[close + 1].text in ("-", "–", "—", ":", ",", ".")


def _abbreviates(word: str, name: Any) -> bool:
    """Could ``word`` be a short form of the name ("Amii" of "Alberta Machine Intelligence Institute", "Mila"):
    its first letter opens the name and its second opens the name's second word, or it is a word of the name."""
    words = [t.text for t in name if t.text[:1].isalpha()]
    if not words or word in words:
        return True
    if word[:1].lower() != words[0][:1].lower():
        return False
    return len(words) > 1 and len(word) > 1 and word[1].lower() == words[1][:1].lower()


def _bracketed_towns(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> None:
    """"Ostend Marine Robotics (Ostend)", "Trieste Institute for Embedded Intelligence (Trieste)": a known town (not a
    word that is also a common word or a given name) in brackets right after an organisation is its town, not a
    short form of its name."""
    wp = world_places()
    ends = {c.end: c for c in cands}
    starts = {c.start for c in cands}
    for org in list(cands):  # "- Naftalan Sensing (Naftalan) - ...": a bracketed word no stage took
        e = org.end
        if org.type in ORG_TYPES and e + 2 < len(doc) and doc[e].text == "(" and e + 1 not in starts \
                and doc[e + 1].is_alpha and doc[e + 1].is_title:
            c = Candidate(e + 1, e + 2, "Organisation", "rule")
            if doc[e + 2].text.startswith(")") and (_item_town(doc, org, c) or _item_line(doc, org)
                                                    and not _abbreviates(doc[e + 1].text, doc[org.start:org.end])
                                                    and _item_after(doc, e + 2)):
                cands.append(Candidate(e + 1, e + 2, "Cluster", "rule", label="GPE", place=False, ctx_typed=True))
    cands.sort(key=lambda x: (x.start, x.end))
    for c in cands:
        if c.type not in ORG_TYPES or c.entry is not None or c.start < 2 or c.end >= len(doc):
            continue
        if doc[c.start - 1].text != "(" or not doc[c.end].text.startswith(")"):
            continue
        org = ends.get(c.start - 1)
        text = doc[c.start:c.end].text
        if org is None or org.type not in ORG_TYPES or any(ch.isupper() for t in doc[c.start:c.end] for ch in t.text[1:]):
            continue  # "University of Amsterdam (UvA)": an inner capital makes a short form
        known = wp.kind(text) == "city" and not wp.is_ambiguous(text)
        if not known and not _item_town(doc, org, c):
            continue
        c.type, c.label, c.place, c.ctx_typed, c.acronym_of, c.canonical = "Cluster", "GPE", False, True, None, None
        if text in ctx.acronyms:
            del ctx.acronyms[text]


# ------------------------------------------------------------------------------------- the keeping cues
def place_form_cue(doc: Any, s: Candidate, ends: dict[int, Candidate], env: Env) -> bool:
    """Does the phrase make the place ``s`` an organisation's site (see the module's docstring)?"""
    if not enabled():
        return False
    w = form_words(env)
    return _modifies_org_noun(doc, s, w, env) or _org_noun_of(doc, s, w) or _has_site_in(doc, s, w) \
        or _bracket_after_org(doc, s, ends) or _org_noun_in(doc, s, w) or _after_street(doc, s, w) \
        or _before_site_noun(doc, s, w) or _fronted(doc, s, ends) or _home_to(doc, s, env) or _org_plural_in(doc, s, env) \
        or _described_as_town(doc, s, w, env) or _org_of(doc, s, ends) or _out_of(doc, s) \
        or _possessive_org_noun(doc, s, w) or s.start >= 2 and founding_slot(doc, s.start - 1)


def _possessive_org_noun(doc: Any, s: Candidate, w: PlaceFormWords) -> bool:
    """"León's best-known AI company, Bierzo Logística,": a town's possessive, up to five lower-case words (or hyphens,
    short acronyms) ending in an organisation noun, a comma and a name apposed."""
    k = s.end + 1
    if k >= len(doc) or doc[s.end].text not in ("'s", "’s"):
        return False
    while k < min(len(doc) - 2, s.end + 7) and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-"
                                                or doc[k].is_upper and len(doc[k].text) <= 3):
        joined = doc[k - 2].lower_ + "-" + doc[k].lower_ if doc[k - 1].text == "-" else ""  # "start-up"
        if (doc[k].lower_ in w.org_nouns or joined in w.org_nouns or doc[k].lower_ in base_words()["employer_nouns"]) \
                and doc[k + 1].text == "," \
                and doc[k + 2].text[:1].isupper():
            return True
        k += 1
    return False


def founding_slot(doc: Any, k: int) -> bool:
    """Is the "in" at ``k`` the place of a founding ("founded in", "set up in", "established in 2016 in")? Its town
    is where the organisation founded is (relation_place_founding.py); words: ``founding_slot_words``."""
    if doc[k].lower_ != "in":
        return False
    v = k - 1
    if v >= 1 and doc[v].like_num and doc[v - 1].lower_ == "in":
        v -= 2  # "founded in 2016 in Tartu"
    if v < 0:
        return False
    return doc[v].lower_ in _file_words()["founding_slot_words"] or v >= 1 and doc[v].lower_ == "up" \
        and doc[v - 1].lower_ == "set"


def _out_of(doc: Any, s: Candidate) -> bool:
    """"Kestrel Sensing is based out of Tartu", "operates out of Tartu and Narva": a verb of working "out of" a town."""
    return s.start >= 3 and doc[s.start - 1].lower_ == "of" and doc[s.start - 2].lower_ == "out" \
        and doc[s.start - 3].lower_ in base_words()["out_of_verbs"]


def _described_as_town(doc: Any, s: Candidate, w: PlaceFormWords, env: Env) -> bool:
    """"Huancayo, the largest city of Peru's central highlands,", "Kaolack is a city of 230,000 people": a known town
    the text describes as a town (so "the city" after it has a place to stand for)."""
    if world_places().kind(doc[s.start:s.end].text) != "city" or s.end + 2 >= len(doc):
        return False
    k = s.end
    if doc[k].text == "," or doc[k].lower_ in ("is", "remains"):
        k += 1
    else:
        return False
    if doc[k].lower_ not in ("a", "an", "the"):
        return False
    for m in range(k + 1, min(len(doc), k + 5)):
        if doc[m].lower_ in w.settlement_nouns:
            return True
        if not (doc[m].is_lower or doc[m].like_num or doc[m].text == "-"):
            return False
    return False


#: a preposition before "<town> <org noun> <Name>" ("from Queenstown angel group Remarkables Angels")
_NAMING_PREPOSITIONS = frozenset({"from", "with", "by", "and", "to", "for", "at", "of"})


def _modifies_org_noun(doc: Any, s: Candidate, w: PlaceFormWords, env: Env) -> bool:
    """"an Istanbul fund", "the Nagoya machine-tool group Atsuta Kikai", "- Kayal Robotics, a Kochi start-up"."""
    k = s.start - 1
    opens = k < 0 or doc[k].lower_ in w.openers or doc[k].text in BULLETS or doc[k].is_space \
        or doc[s.start].is_sent_start
    if not _town_like(doc, s, env):
        return False
    n = len(doc)
    run = org_noun_run(doc, s.end, w)
    last = -1 if run is None else run
    if last < 0:
        return False
    if _plural_org_noun(doc[last].lower_, doc[last - 2].lower_ + "-" + doc[last].lower_, w) and _names_follow(doc, last):
        return True  # "compete with Dhaka firms such as X", "the Tamale start-ups A and B": the organisations are named
    if doc[last].lower_ not in w.org_nouns and _plural_org_noun(doc[last].lower_, doc[last - 2].lower_ + "-" + doc[last].lower_, w):
        return False  # "unlike the Dakar research centres": organisations in general, none named
    if not opens and not (k >= 0 and doc[k].lower_ in _NAMING_PREPOSITIONS and last + 1 < n
                          and doc[last + 1].text[:1].isupper() and doc[last + 1].is_alpha and "\n" not in doc[last].whitespace_):
        return False  # (but "with participation from Queenstown angel group Remarkables Angels": the firm is named)
    nxt = doc[last + 1] if last + 1 < n else None
    if not (nxt is None or nxt.is_punct or nxt.is_space or nxt.text[:1].isupper() or nxt.lower_ in w.followers
            or nxt.text in ("'s", "’s") or "\n" in doc[last].whitespace_):
        return False  # the noun modifies a longer noun
    if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and "\n" not in doc[last].whitespace_:
        return True  # "the Vilnius software house Verkiai Systems": the organisation is named
    if k < 0 or doc[k].lower_ not in w.openers and doc[k].text not in BULLETS:
        return False  # a headline's "Osaka robot start-up Yodogawa raises": only with the name after the noun
    before = doc[k - 1] if k >= 1 else None
    # "X is an Istanbul fund", "X, a Kochi start-up", "- a Kochi start-up" or "The Kumasi start-up, which ...": said of
    # a named organisation; not "worked with a Monterrey software house" (no organisation named)
    return k < 0 or doc[k].lower_ == "the" or doc[k].text in BULLETS or doc[k].is_space or before is None \
        or before.text in (",", "(", ":", "—", "–") or before.lower_ in COPULAS or before.is_space


def _town_like(doc: Any, s: Candidate, env: Env) -> bool:
    """A town the NER or the world list knows as one, not a landform or region adjective ("the Walloon consortium",
    "a North Sea port operator", "the Guatemalan investor network")."""
    text = doc[s.start:s.end].text
    if world_places().kind(text) == "city":
        return True
    low = text.lower()
    return s.label == "GPE" and not (s.end - s.start == 1 and low.endswith(env.words.demonym_endings + ("an",)))


def _org_noun_of(doc: Any, s: Candidate, w: PlaceFormWords) -> bool:
    """"EMAL, the water utility of Loja,": an organisation noun, "of" and the place ending the phrase."""
    if s.start < 3 or doc[s.start - 1].lower_ != "of" or doc[s.start - 2].lower_ not in w.org_nouns:
        return False
    if not any(doc[k].lower_ in ("the", "a", "an") for k in range(max(0, s.start - 6), s.start - 2)):
        return False
    return s.end >= len(doc) or doc[s.end].text in CLOSERS or "\n" in doc[s.end - 1].whitespace_


def _before_site_noun(doc: Any, s: Candidate, w: PlaceFormWords) -> bool:
    """"Google's London office", "the Nairobi lab of X", "a Tokyo campus": the place modifies a site noun."""
    text = doc[s.start:s.end].text
    if s.label != "GPE" and world_places().kind(text) != "city" and s.entry is None:
        return False  # "a Kendall Square office", "the Willingdon Island campus": a district or a landform
    k = s.end
    while k < len(doc) and k < s.end + 3 and doc[k].is_lower and doc[k].is_alpha:
        if doc[k].lower_ in w.site_nouns and doc[k].lower_ not in NOT_SITES:
            return not _unowned_plural(doc, s, k)
        k += 1
    return False


def _unowned_plural(doc: Any, s: Candidate, k: int) -> bool:
    """"unlike the Dakar research centres": a plural site noun with no owner before the place and no name or "of"
    after the noun speaks of the town's sites in general, naming no organisation there."""
    low = doc[k].lower_
    if not low.endswith("s") or low.endswith("ss") or s.start < 1 or doc[s.start - 1].text in ("'s", "’s"):
        return False
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return nxt is None or not (nxt.lower_ in ("of", "such", "including", "like") or nxt.text[:1].isupper())


def _home_to(doc: Any, s: Candidate, env: Env) -> bool:
    """"Tokyo is home to ...", "Nairobi, where ...": what the text says of a place (``place_predicates``)."""
    return any(tuple(t.lower_ for t in doc[s.end:s.end + len(p)]) == p for p in env.words.place_predicates)


def _fronted(doc: Any, s: Candidate, ends: dict[int, Candidate]) -> bool:
    """"In Toronto, the Vector Institute ...", "In Bogura, the local scene ...": a sentence fronted by its place."""
    k = s.start - 1
    if k < 0 or doc[k].lower_ != "in" or not doc[k].is_sent_start or s.end >= len(doc) or doc[s.end].text != ",":
        return False
    return True


def _org_plural_in(doc: Any, s: Candidate, env: Env) -> bool:
    """"Start-ups in Namangan, such as A and B", "Firms in Sfax include A": organisations placed in the town."""
    k = s.start - 1
    if k >= 1 and doc[k].lower_ == "the" and doc[s.end - 1].lower_ in _area_heads() and type_forms_enabled():
        k -= 1  # "Companies in the Wislok Corridor include A": a named area takes "the"
    if k < 1 or doc[k].lower_ != "in" or s.end >= len(doc):
        return False
    subjects = {w.lower() for w in env.lex.relations.get("place_lists", {}).get("subject_nouns", ())}
    noun = doc[k - 1].lower_
    if noun not in subjects and not (noun == "ups" and k >= 3 and doc[k - 2].text == "-"):
        return False
    k = s.end + 1 if doc[s.end].text == "," else s.end
    return any(tuple(t.lower_ for t in doc[k:k + len(g)]) == g for g in (("such", "as"), ("including",), ("include",),
                                                                          ("includes",), ("like",)))


def _area_heads() -> frozenset[str]:
    """Last words of a named area ("Corridor", "Technology Park"): ``type_forms``' list."""
    from aikg.ingest.nlp.mentions.type_forms import type_form_words

    return type_form_words().area_heads


def type_forms_enabled() -> bool:
    from aikg.ingest.nlp.mentions.type_forms import enabled

    return enabled()


def _org_noun_in(doc: Any, s: Candidate, w: PlaceFormWords) -> bool:
    """"Cuchumatanes Capital, a fund in Huehuetenango,", "X is a contract lab in Aarhus": an organisation noun in an
    apposition or a predicate, placed by "in"."""
    if s.start < 4 or doc[s.start - 1].lower_ not in ("in", "from"):
        return False  # "X, a start-up from Curepipe"
    if doc[s.start - 1].lower_ == "in" and any(doc[k].lower_ in _file_words()["placing_nouns"]
                                               for k in range(max(0, s.start - 6), s.start - 1)):
        return True  # "the largest employer (of data analysts) in Querétaro"
    joined = doc[s.start - 4].lower_ + "-" + doc[s.start - 2].lower_ if doc[s.start - 3].text == "-" else ""
    if doc[s.start - 2].lower_ not in w.org_nouns and joined not in w.org_nouns:
        return False  # "a start-up in Kigali": "start-up" is three tokens
    for k in range(s.start - 3, max(0, s.start - 11), -1):  # "a livestock-health start-up from": hyphens are tokens
        if doc[k].lower_ in ("a", "an", "the"):
            return k >= 1 and (doc[k - 1].text in (",", "(", ":") or doc[k - 1].lower_ in COPULAS)
        if not (doc[k].is_lower or doc[k].text == "-"):
            return False
    return False


def _after_street(doc: Any, s: Candidate, w: PlaceFormWords) -> bool:
    """"Chenab Industry Insights, Kashmir Road, Sialkot.", "12 Harbour Road, Galle |": a town after a street."""
    if s.start < 3 or doc[s.start - 1].text != "," or doc[s.start - 2].lower_ not in w.building_words \
            and not numbered_street(doc, s.start - 2):
        return False
    return s.end >= len(doc) or doc[s.end].text in CLOSERS | {"|"} or "\n" in doc[s.end - 1].whitespace_ \
        or doc[s.end].like_num or doc[s.end].is_space


def numbered_street(doc: Any, k: int) -> bool:
    """"Maršala Tita 12", "Univerzitná 8": one to three capitalised words and a house number ending at ``k``, after a
    comma (an address line's street with no street word)."""
    if k < 2 or not doc[k].like_num or not doc[k].is_digit:
        return False
    m = k - 1
    while m > k - 4 and m >= 0 and doc[m].is_title and doc[m].is_alpha:
        m -= 1
    return m < k - 1 and m >= 0 and doc[m].text == ","


def _has_site_in(doc: Any, s: Candidate, w: PlaceFormWords) -> bool:
    """"has a plant in Hyvinkää", "operates nine packhouses in Te Puke", "employs 41 people in Tauranga"; also the
    town of a second "in" joined to such a site ("employs 38 people in Montevideo and in Paysandú")."""
    if s.start < 3 or doc[s.start - 1].lower_ not in ("in", "across", "throughout"):
        return False
    earlier = _and_in_earlier(doc, s.start - 1)
    if earlier is not None:
        return _has_site_in(doc, SimpleNamespace(start=earlier, end=s.end), w)
    noun = next((k for k in range(s.start - 2, max(-1, s.start - 5), -1) if doc[k].lower_ in w.site_nouns), None)
    if noun is None or any(not (doc[k].is_lower or doc[k].like_num or doc[k].text == "-")
                           for k in range(noun + 1, s.start - 1)):
        return False
    first = max(0, noun - 7)
    for k in range(noun - 1, first - 1, -1):  # not across a sentence ("... from its radio channels. \"Port workers in")
        if doc[k].is_sent_start or doc[k].text in (".", "!", "?", '"', "“", "”", ";") or doc[k].is_space:
            first = k + (0 if doc[k].is_sent_start and doc[k].text not in ('"', "“") else 1)
            break
    window = [doc[k].lower_ for k in range(first, noun)]  # "operates a hydro-powered GPU hall in"
    have = max((j for j, x in enumerate(window) if x in w.have_words or x in ("'s", "’s", "'", "’")), default=None)
    m = noun - 1
    while m > first and doc[m].is_lower:
        m -= 1  # "the Kesennuma Ocean Data observation station in": a name modifying the site noun after "the"
    if have is None and m > first and doc[m].text[:1].isupper() and doc[m].is_alpha and m < noun - 1 \
            and any(doc[x].lower_ == "the" for x in range(max(first, m - 6), m)):
        have = m - first
    return have is not None and not any(x in w.not_placed for x in window[have:]) and not _area_follows(doc, s)


def _and_in_earlier(doc: Any, k: int) -> int | None:
    """The first token of the town before "and in" at ``k`` ("in Montevideo and in"), or None."""
    j = k - 1
    if j >= 1 and doc[j].lower_ in ("and", "or"):
        j -= 1
        if doc[j].text == ",":
            j -= 1
        end = j
        while j >= 0 and (doc[j].text[:1].isupper() and doc[j].is_alpha or doc[j].lower_ in INNER) and end - j < MAX_NAME:
            j -= 1
        if j < end and j >= 1 and doc[j].lower_ == "in":
            return j + 1
    return None


def _area_follows(doc: Any, s: Candidate) -> bool:
    """"mills in Shirak and Lori provinces": the names are areas wider than a town."""
    wide = wide_area_nouns()
    for k in range(s.end, min(len(doc), s.end + 4)):
        low = doc[k].lower_
        if not doc[k].is_lower and doc[k].is_alpha:
            continue  # "in Tauranga and Palmerston North": "North" ends a town's name
        if low in wide or low.endswith("s") and (low[:-1] in wide or low[:-2] + "y" in wide or low[:-3] + "y" in wide):
            return True
        if doc[k].is_punct and doc[k].text != "-":
            return False
    return False


def _bracket_after_org(doc: Any, s: Candidate, ends: dict[int, Candidate]) -> bool:
    """"• Lunenburg Fisheries Analytics (Lunenburg):": a town in brackets after an organisation, even one of its name's
    words, when the NER read it as a place."""
    if s.label not in ("GPE", "LOC") or s.start < 2 or s.end >= len(doc) or doc[s.start - 1].text != "(":
        return False
    if not doc[s.end].text.startswith(")") and not _region_closes(doc, s.end):
        return False
    org = ends.get(s.start - 1)
    return org is not None and org.type in ORG_TYPES


def _region_closes(doc: Any, k: int) -> bool:
    """"(Buncrana, County Donegal)", "(Sandpoint, Idaho)": a comma, up to three capitalised words and the bracket."""
    if k + 2 >= len(doc) or doc[k].text != ",":
        return False
    m = k + 1
    while m < min(len(doc), k + 4) and doc[m].is_title and doc[m].text.replace(".", "").isalpha():  # "R.I."
        m += 1
    return m > k + 1 and m < len(doc) and doc[m].text.startswith(")")


def _org_of(doc: Any, s: Candidate, ends: dict[int, Candidate]) -> bool:
    """"we acquired Purcell Lidar LLC of Sandpoint, which ...": "of" and the place ending the phrase right after an
    organisation's name."""
    org = ends.get(s.start - 1)
    if org is None or org.type not in ORG_TYPES or doc[s.start - 1].lower_ != "of":
        return False
    return s.end >= len(doc) or doc[s.end].text in CLOSERS or "\n" in doc[s.end - 1].whitespace_
