"""Stage, site places: an untyped name where the text puts an organisation's site is a place.

"Azorean Robotics opened a marine lab in Vila Franca do Campo", "the company moved to Las Palmas de Gran Canaria",
"a test site on Gran Canaria": the spaCy model reads a long-tail town or island it does not know as a firm or a
person, and the world place list (towns of 15,000 people or more) does not hold it. A name is read as a place when

* nothing in its own words types it (no head word: not "Karoo Compute", "Maria da Silva Institute") and no
  gazetteer entry, acronym or description did;
* it has a town's form: a place particle inside, or an island's place after "on" (a plain name after "an office
  in" is as often a neighbourhood, which the annotation does not count);
* it stands right after a place preposition ("in", "on", "near"; "to" after a verb of moving) and a site or location
  word comes just before ("a marine lab in", "offices in", "moved to"), or it has a place particle and follows "in";
* it is not followed by a possessive or an organisation noun ("in Rui da Costa's lab", "in Kūlia Start-up's cohort").

Word lists: ``site_place_preps`` of ``data/lexicon/entity_typing.json``; the location and destination words of the
type lexicon.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.type_forms import enabled, type_form_words
from aikg.ingest.nlp.token_index import TokenIndex

#: words before the preposition that may name where a site is
WINDOW = 4


@lru_cache(maxsize=1)
def _preps() -> frozenset[str]:
    data = lexicon_data("entity_typing.json")
    return frozenset(data["site_place_preps"])


def site_places(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype firm or person readings of names in an organisation's site slot as places."""
    if not enabled():
        return cands
    for s in cands:
        if s.type == "Cluster" and s.entry is None and s.source == "ner":
            _particle_tail(doc, s)  # "Las Palmas | de Gran Canaria": the NER stopped at the particle
        if s.type in ("Company", "Person", "Cluster") and s.source in ("ner", "rule") and s.entry is None \
                and s.acronym_of is None and not s.ctx_typed and _particled(doc, s) and _described_after(doc, s, env):
            s.type, s.label, s.place, s.ctx_typed = "Cluster", "GPE", False, True  # "the Angra do Heroísmo start-up X"
            continue
        if s.type == "Cluster" and s.place and _particled(doc, s) and _site_slot(doc, s, env) and _free_after(doc, s, env):
            s.place, s.ctx_typed = False, True
            continue
        if s.type in ("Company", "Person") and s.source in ("ner", "rule") and s.entry is None and s.acronym_of is None \
                and not s.ctx_typed and _shaped(doc, s) and _town_shaped(doc, s) and _site_slot(doc, s, env) \
                and _free_after(doc, s, env) \
                and env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is None:
            s.type, s.label, s.place, s.ctx_typed = "Cluster", "GPE", False, True
    return cands


def _shaped(doc: Any, s: Candidate) -> bool:
    """Capitalised words, place particles inside only, no line break, at most six tokens."""
    if not 1 <= s.end - s.start <= 6:
        return False
    for k in range(s.start, s.end):
        t = doc[k]
        if k < s.end - 1 and "\n" in t.whitespace_:
            return False
        inner = s.start < k < s.end - 1 and (t.lower_ in type_form_words().place_particles or t.text == "-")
        if not inner and not (t.text[:1].isupper() and t.is_alpha):
            return False
    return True


def _town_shaped(doc: Any, s: Candidate) -> bool:
    """A town's form, not a district's: a place particle inside ("Vila Franca do Campo") or an island after "on" ("a
    test site on Gran Canaria"); a plain two-word name after "an office in" is as often a neighbourhood ("Quinta
    Velarde"), which the annotation does not count."""
    if _particled(doc, s):
        return True
    return s.start >= 1 and doc[s.start - 1].lower_ == "on"


def _particle_tail(doc: Any, s: Candidate) -> None:
    """Take a place particle and the capitalised words after a place into it ("Las Palmas de Gran Canaria")."""
    k = s.end
    if k + 1 >= len(doc) or doc[k].lower_ not in type_form_words().place_particles or not doc[k].is_lower \
            or not doc[k - 1].whitespace_:
        return
    end = k + 1
    while end < len(doc) and end - k <= 3 and doc[end].is_title and doc[end].is_alpha and doc[end - 1].whitespace_ == " ":
        end += 1
    if end > k + 1 and end - s.start <= 6:
        s.end = end


def _described_after(doc: Any, s: Candidate, env: Env) -> bool:
    """"the Angra do Heroísmo start-up Terceira Sensing": an article, the town, an organisation noun and a name."""
    if s.start < 1 or doc[s.start - 1].lower_ not in env.words.articles \
            or env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is not None:
        return False
    if env.typer.place_before_name(doc, s.end):
        return True
    k = s.end  # "start-up", "drone-maker": a hyphenated noun, then the name
    while k < min(len(doc), s.end + 4) and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-"):
        k += 1
    noun = "".join(t.text_with_ws for t in doc[s.end:k]).lower().split()[-1] if k > s.end else ""
    kinds = env.words.org_premodifiers.keys() | env.words.description_types.keys()
    return noun in kinds and k < len(doc) and doc[k].is_title and doc[k].is_alpha


def _particled(doc: Any, s: Candidate) -> bool:
    """A lower-case place particle inside the name ("Vila Franca do Campo")."""
    particles = type_form_words().place_particles
    return any(doc[k].lower_ in particles and doc[k].is_lower for k in range(s.start + 1, s.end - 1))


def _site_slot(doc: Any, s: Candidate, env: Env) -> bool:
    """"a marine lab in X", "offices in X", "moved to X": a place preposition after a site or location word; a name
    with a place particle after "in" needs none ("he spends most weeks in Las Palmas de Gran Canaria")."""
    if s.start < 2:
        return False
    prep = doc[s.start - 1].lower_
    if prep in ("in", "near") and _particled(doc, s):
        return True
    before = {t.lower_ for t in doc[max(0, s.start - 1 - WINDOW):s.start - 1]}
    if prep == "to":
        return bool(before & env.lex.destination_words)
    return prep in _preps() and bool(before & env.lex.location_words)


def _free_after(doc: Any, s: Candidate, env: Env) -> bool:
    """Not "in Rui da Costa's lab", "in the Kūlia Start-up cohort": no possessive, hyphen or noun of a body or a site
    right after the name."""
    if s.end >= len(doc):
        return True
    nxt = doc[s.end]
    if nxt.lower_ in ("'s", "’s", "'", "’") or nxt.text in ("-", "–") and not doc[s.end - 1].whitespace_:
        return False
    low = nxt.lower_
    return not (nxt.is_lower and (low in env.words.description_types or low in env.words.org_premodifiers
                                  or low in env.lex.hub_words or low in env.lex.site_nouns or low in env.words.programme_nouns))
