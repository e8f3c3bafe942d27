"""A town no list knows, read from "<Org>, a <Town> start-up" and "the <Town> cooperative <Org>" (issue 14).

Why: unseen news places many organisations in towns neither the model nor the world place list knows, with an
organisation noun the town modifies: "Comhairle Sensing, a Stornoway start-up", "the Dharan cooperative Sunsari
Dairy Sangh", "with Deer Lake start-up Spruce Budworm Analytics". The relation rule (``place_phrases`` of
relation_places.py) reads these once the town is a mention; this stage makes it one. The slot: an article, a comma
or a lower-case word, one to three capitalised words (inner "de", "del"), then one to four lower-case words ending in
an organisation noun (``place_org_nouns`` of relations.json), and either a name right after ("the Dharan cooperative
X") or an organisation just before the article (", a Stornoway start-up"). It only fills a gap: words another
mention covers, a nationality or language the model read, a sector word ("the Deep Tech start-up", "a Series A
investor": ``not_town_words`` of ``data/lexicon/place_bare_nouns.json``), a name a head word types, or a country or region
are left alone.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.mentions.place_forms import INNER, not_town_words
from aikg.ingest.nlp.mentions.place_noun_words import noun_acronym
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree (``AIKG_TOWN_NOUN_SLOTS=off``); on by default
ENABLED_ENV = "AIKG_TOWN_NOUN_SLOTS"
MAX_TOWN = 3  # capitalised words of the town
MAX_NOUN = 4  # lower-case words (hyphens count none) up to the organisation noun
ARTICLES = frozenset({"a", "an", "the"})
#: endings of a one-word demonym or adjective ("Azorean", "Genoese", "Hanseatic", "Baltic"); "-an" is left to towns ("Dharan")
DEMONYM_ENDINGS = ("ish", "ese", "ian", "ean", "ois", "aise", "atic", "tic", "nic", "ric")
#: entity labels of the entity pass that make a word no town ("an Alphabet company": a firm the ruler knows)
NOT_PLACES = frozenset({"NORP", "LANGUAGE", "PERSON", "ORG", "Company", "Institute", "Agency", "Programme", "Person",
                        "DATE", "MONEY", "CARDINAL", "ORDINAL", "PRODUCT", "EVENT"})


@lru_cache(maxsize=1)
def _sector_words() -> frozenset[str]:
    return lexicon_sets("place_bare_nouns.json", ("not_town_words",))[0]


def town_noun_slots(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add a Cluster for a capitalised name no mention covers in a "<Town> <organisation noun>" slot."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    nouns = frozenset(w.lower() for w in env.lex.relations.get("place_org_nouns", ()))
    covered = {k for c in cands for k in range(c.start, c.end)}
    starts = {c.start: c for c in cands}
    ends = {c.end: c for c in cands}
    added: list[Candidate] = []
    n = len(doc)
    texts = TokenIndex.of(doc).text
    for i in range(1, n - 2):
        if i not in starts and not texts[i][:1].isupper():
            continue  # speed only: no held mention and no capital, so no town opens here (_town_end)
        if not _opens(doc, i):
            continue
        held = starts.get(i)  # the model read the town as a place still waiting for context ("The Dharan cooperative")
        if i in covered and (held is None or held.type != "Cluster" or not held.place):
            continue
        end = held.end if held is not None else _town_end(doc, i, covered)
        if end is None:
            continue
        k = _noun_end(doc, end, nouns)
        if k < 0:
            continue
        after = starts.get(k)
        before = ends.get(i - 2) if doc[i - 1].lower_ in ("a", "an") and i >= 2 and doc[i - 2].text == "," else None
        if not (after is not None and after.type in ORG_TYPES or before is not None and before.type in ORG_TYPES):
            continue
        if not _town_words_ok(doc, i, end, env):
            continue
        if held is not None:
            held.place = False  # the slot says it is an organisation's town: kept
            continue
        added.append(Candidate(i, end, "Cluster", "rule", label="GPE", place=False, ctx_typed=True))
        covered.update(range(i, end))
    return sorted(cands + added, key=lambda s: (s.start, s.end)) if added else cands


def _opens(doc: Any, i: int) -> bool:
    """An article, comma or lower-case word before the town (not a name, a possessive or a line start)."""
    prev = doc[i - 1]
    if "\n" in prev.whitespace_ or prev.is_space:
        return False
    return prev.lower_ in ARTICLES or prev.text in (",", ":") or prev.is_alpha and prev.is_lower


def _town_end(doc: Any, i: int, covered: set[int]) -> int | None:
    """End of one to three capitalised words from ``i`` (inner "de", "del"), on one line and covered by no mention."""
    def cap(t: Any) -> bool:
        return t.text[:1].isupper() and t.is_alpha and not (t.is_upper and len(t) > 1)

    if not cap(doc[i]):
        return None
    end, words = i + 1, 1
    while end < len(doc) and end not in covered and "\n" not in doc[end - 1].whitespace_ and words < MAX_TOWN:
        if cap(doc[end]):
            end, words = end + 1, words + 1
        elif doc[end].lower_ in INNER and end + 1 < len(doc) and cap(doc[end + 1]) \
                and (doc[end].lower_ != "-" or not doc[end].whitespace_ and not doc[end - 1].whitespace_):
            end, words = end + 2, words + 1  # "del", or a tight hyphen: "a Kailua-Kona start-up"
        else:
            break
    return end if end < len(doc) and end not in covered else None


def _noun_end(doc: Any, k: int, nouns: frozenset[str]) -> int:
    """End (exclusive) of one to four lower-case words from ``k`` whose last is an organisation noun, or -1."""
    best, words = -1, 0
    for m in range(k, min(len(doc), k + 2 * MAX_NOUN)):
        t = doc[m]
        if t.text == "-" and not t.whitespace_ and m > k and not doc[m - 1].whitespace_:
            continue  # "start-up" is three tokens
        if not (t.is_lower and t.is_alpha or noun_acronym(t) and m + 1 < len(doc) and doc[m + 1].is_lower):
            break  # "an Oulu AI start-up": an acronym before a lower-case noun (place_noun_words)
        words += 1
        if words > MAX_NOUN:
            break
        joined = doc[m - 2].lower_ + "-" + t.lower_ if m - 2 >= k and doc[m - 1].text == "-" else ""
        if t.lower_ in nouns or joined in nouns:
            best = m + 1
    return best


def _town_words_ok(doc: Any, i: int, end: int, env: Env) -> bool:
    """Words that may name a town: no sector word, no head word of a body, no country, region or month, no
    nationality or person the model read, no given name opening two words."""
    words = [doc[k].text for k in range(i, end)]
    if len(words) == 1 and (words[0].lower().endswith(DEMONYM_ENDINGS) or _of_country(words[0].lower(), env)):
        return False  # "a Genoese shipyard", "the Azorean angel group", "the Guatemalan investor network"
    if len(words) > 1 and words[0] in forms().given:
        return False  # "the Anna Berg foundation X": a person's name
    if any(w.lower() in _sector_words() or w.lower() in not_town_words() for w in words):
        return False
    if any(doc[k].ent_type_ in NOT_PLACES and not _long_tail(doc, k) for k in range(i, end)):
        return False  # "the British start-up X"; not "The Dharan cooperative X" (an unknown word read as a nationality)
    text = doc[i:end].text
    places = world_places()
    return env.typer.type_of_name(words) is None and text.lower() not in env.lex.countries \
        and not places.only_region(text) and places.kind(text) not in ("region", "country")


def _long_tail(doc: Any, k: int) -> bool:
    """A word the model read as a nationality but has no vector for: a long-tail town ("Dharan"), not a demonym
    ("Mexican", "Thai" have vectors)."""
    return doc[k].ent_type_ == "NORP" and not doc.vocab.has_vector(doc[k].text)


def _of_country(word: str, env: Env) -> bool:
    """A demonym made from a country's name ("Guatemalan", "Kenyan", "Mexican"): the word opens with all of a
    country's name but its last letter."""
    return word.endswith("n") and any(len(c) >= 4 and " " not in c and word.startswith(c[:-1]) for c in env.lex.countries)
