"""Stage, name extents: names the NER cut short or typed by their look, mended by their form (issue 14).

* "Moshi Co-operative" + "University": capitalised words right after a name that end in an organisation head
  no other mention holds belong to the name ("Moshi Co-operative University").
* "Kenya Agricultural" + "and" + "Livestock Research Organization": a capitalised run ending in an adjective
  ("Agricultural", "Medical", "Scientific") cannot end a name; with "and" and a headed name after it, it is one name.
* "Pierre-Marie Coly (Université Assane Seck de Ziguinchor)": a two- or three-word name read as a firm, with an
  organisation in brackets right after it on a roster line, is a person.
* "Ramlal said" after "Sanjay Ramlal", "its chief technology officer, Daichi Okamoto, said": a person read as a firm.
* "its PACT grant scheme", "the Kelvstart programme", "programme Ondara": a name typed a firm only by default that a
  programme noun describes is a programme (RUNS and FUNDS need programme targets).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.longer_names import head_nouns
from aikg.ingest.nlp.mentions.page_forms import page_words
from aikg.ingest.nlp.token_index import TokenIndex

#: endings of English adjectives that open a name but never end one ("Agricultural", "Scientific", "Cooperative")
ADJECTIVE_ENDINGS = ("al", "ic", "ical", "ive", "ary", "ory")


def name_extents(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Extend names over a trailing head, join an adjective run to the headed name after 'and', type roster persons."""
    taken = {k for s in cands for k in range(s.start, s.end)}
    heads = head_nouns(env)
    ends = {s.end: s for s in cands}
    dropped: set[int] = set()
    surnames = {doc[s.end - 1].text for s in cands if s.type == "Person" and s.end - s.start >= 2
                and doc[s.end - 1].is_title and doc[s.end - 1].is_alpha}
    for s in cands:
        _tilde_town(doc, s, taken)
        if s.type == "Company" and s.source == "ner" and not s.ctx_typed and _person_by_form(doc, s, env, surnames):
            s.type, s.label = "Person", "PERSON"
        if s.source == "gazetteer" or s.entry is not None or s.acronym_of:
            continue
        if s.type in ORG_TYPES:
            _extend_to_head(doc, s, heads, taken, env)
            dropped |= _topic_list(doc, s, cands, env)
        left = ends.get(s.start - 1) if s.start >= 2 and doc[s.start - 1].lower_ == "and" else None
        if left is not None and id(left) not in dropped and _adjective_run(doc, left, env) \
                and env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is not None \
                and env.typer.premodifier_type(doc, left.start) is None:  # "the drone firm Lochy Aerial and X": two
            s.start = left.start
            dropped.add(id(left))
        if s.type == "Company" and s.source == "ner" and _roster_person(doc, s, cands, env):
            s.type, s.label = "Person", "PERSON"
        if s.type == "Company" and not s.ctx_typed and _programme_by_noun(doc, s, env):
            s.type = "Programme"
    return [s for s in cands if id(s) not in dropped]


def _tilde_town(doc: Any, s: Candidate, taken: set[int]) -> None:
    """"Derry~Londonderry": a tight tilde joins a town's two names; no person or firm is written so."""
    if s.entry is not None:
        return
    if s.type == "Cluster" and s.end + 1 < len(doc) and doc[s.end].text == "~" and not doc[s.end - 1].whitespace_ \
            and not doc[s.end].whitespace_ and doc[s.end + 1].is_title and s.end + 1 not in taken:
        s.end += 2
    if any(doc[k].text == "~" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ for k in range(s.start + 1, s.end - 1)):
        s.type, s.label = "Cluster", "GPE"


def _extend_to_head(doc: Any, s: Candidate, heads: frozenset[str], taken: set[int], env: Env) -> None:
    k = s.end
    while k < len(doc) and k < s.end + 3 and k not in taken and doc[k].is_title and doc[k].is_alpha \
            and doc[k - 1].whitespace_ == " " and not doc[k].is_sent_start:
        k += 1
        if doc[k - 1].lower_ in heads:
            if env.typer.type_of_name(TokenIndex.of(doc).text[s.start:k]) is not None:
                s.end = k
                s.type = env.typer.type_of_name(TokenIndex.of(doc).text[s.start:k]) or s.type
            return


def _topic_list(doc: Any, s: Candidate, cands: list[Candidate], env: Env) -> set[int]:
    """"Ministerio de Ciencia | , Innovación y Universidades", "Consejo Nacional de Humanidades | , Ciencias y
    Tecnologías": a headed name ending in "<of> <Topic>" runs on over ", Topic, ... <and> Topic" (one capitalised word
    each, joined by the conjunction of any language); the ids of the candidates it swallows are returned."""
    k, conj = s.end, conjunctions()
    if s.end - s.start < 3 or doc[s.end - 2].lower_ not in env.words.name_connectors \
            or s.type not in ("Agency", "Institute", "Programme"):
        return set()
    while k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].is_title and doc[k + 1].is_alpha:
        k += 2
    if k == s.end or k + 1 >= len(doc) or doc[k].lower_ not in conj or not doc[k + 1].is_title \
            or not doc[k + 1].is_alpha:
        return set()
    end = k + 2
    if end < len(doc) and doc[end].is_title and doc[end].is_alpha and doc[end - 1].whitespace_:
        return set()  # "..., Innovation and Kestrel Labs": a name of its own after the conjunction
    items = [doc[j].lower_ for j in range(s.end - 1, end) if doc[j].is_title]
    if doc[k].lower_ in ("and", "&") and not all(w in page_words().topics for w in items):
        return set()  # "the Department of Energy, Google and Microsoft": English items must be subjects
    gone = {id(o) for o in cands if o is not s and s.end <= o.start < end}
    s.end = end
    return gone


@lru_cache(maxsize=1)
def conjunctions() -> frozenset[str]:
    """``list_conjunctions`` of ``data/lexicon/mentions.json``: "and" in the languages names are written in."""
    data = lexicon_data("mentions.json")
    return frozenset(data.get("list_conjunctions", ("and",)))


def _adjective_run(doc: Any, s: Candidate, env: Env) -> bool:
    """A capitalised run whose last word is an adjective, with no head of its own ("Kenya Agricultural")."""
    if s.source == "gazetteer" or s.entry is not None or s.end - s.start > 4:
        return False
    words = [t for t in doc[s.start:s.end] if t.lower_ not in env.words.articles]
    if not words or not all(t.is_title and t.is_alpha for t in words):
        return False
    last = words[-1].lower_
    return len(last) > 5 and last.endswith(ADJECTIVE_ENDINGS) and env.typer.type_of_name([t.text for t in words]) is None


def _roster_person(doc: Any, s: Candidate, cands: list[Candidate], env: Env) -> bool:
    """"Pierre-Marie Coly (Université ...)": a personal-name shape, then an organisation in brackets."""
    words = [t for t in doc[s.start:s.end] if t.text not in ("-", "–")]
    if not 2 <= len(words) <= 4 or not all(t.is_title and t.is_alpha for t in words):
        return False
    if env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is not None:
        return False
    if s.end + 1 >= len(doc) or doc[s.end].text != "(":
        return False
    inside = next((c for c in cands if c.start == s.end + 1), None)
    return inside is not None and inside.type in ("Institute", "Agency")


#: nouns that say the name before them is a programme ("its PACT grant scheme", "the Kelvstart programme")
PROGRAMME_NOUNS = frozenset({"programme", "program", "scheme", "initiative", "fellowship", "accelerator", "challenge"})
#: nouns that may stand between the name and the programme noun ("grant scheme", "voucher scheme")
PROGRAMME_MODIFIERS = frozenset({"grant", "grants", "voucher", "funding", "loan", "pilot", "innovation", "research",
                                 "training", "startup", "start-up", "fellowship", "accelerator", "incubation"})
DETERMINERS = frozenset({"the", "its", "their", "our", "his", "her", "a", "an", "this"})


def _programme_by_noun(doc: Any, s: Candidate, env: Env) -> bool:
    """"its PACT grant scheme", "the Kelvstart programme", "fund-of-funds programme Ondara": a name a programme
    noun describes, right after it or right before it, typed a firm only by default."""
    if s.entry is not None or s.acronym_of or env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is not None:
        return False
    k = s.end
    while k < len(doc) and k < s.end + 2 and doc[k].lower_ in PROGRAMME_MODIFIERS and doc[k].is_lower:
        k += 1
    after = k < len(doc) and doc[k].is_lower and doc[k].lower_ in PROGRAMME_NOUNS
    det = s.start > 0 and (doc[s.start - 1].lower_ in DETERMINERS or doc[s.start - 1].text in env.words.possessive)
    if after and det:
        return True
    return s.start > 0 and doc[s.start - 1].is_lower and doc[s.start - 1].lower_ in PROGRAMME_NOUNS - {"accelerator"} \
        and doc[s.start - 1].lower_ != "challenge" and s.start > 1 and not doc[s.start - 2].is_punct


def _person_by_form(doc: Any, s: Candidate, env: Env, surnames: set[str]) -> bool:
    """"Ramlal said" after "Sanjay Ramlal"; "Kitahama's chief technology officer, Daichi Okamoto, said": a default firm
    reading that is a named person's surname, or a personal-name shape set off after a title."""
    if s.entry is not None or s.acronym_of:
        return False
    words = [t for t in doc[s.start:s.end]]
    if not all(t.is_title and t.is_alpha for t in words) or env.typer.type_of_name([t.text for t in words]) is not None:
        return False
    if len(words) == 1:
        return words[0].text in surnames
    if len(words) > 3 or s.start < 2 or doc[s.start - 1].text != "," or s.end >= len(doc) or doc[s.end].text != ",":
        return False
    return doc[s.start - 2].is_lower and doc[s.start - 2].lower_ in env.words.job_title_words
