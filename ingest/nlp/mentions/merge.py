"""Stage 2, merge adjacent: a place glued to an unknown organisation name ("Singapore Airlines", "HEC Paris")."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.type_forms import town_possessor
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places


def merge_adjacent(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Join a place and an unknown organisation that touch into one organisation name."""
    spans = sorted(cands, key=lambda s: s.start)
    out: list[Candidate] = []
    i = 0
    while i < len(spans):
        a = spans[i]
        if i + 1 < len(spans):
            merged = _merged(doc, a, spans[i + 1], env)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


@lru_cache(maxsize=1)
def _place_pair_words() -> tuple[frozenset[str], frozenset[str]]:
    d = lexicon_data("mentions.json")
    return frozenset(d["place_pair_prepositions"]), frozenset(d["place_pair_conjunctions"])


def _place_pair(doc: Any, a: Candidate, b: Candidate) -> bool:
    """"Servicio Regional de Innovación de Arica | y Parinacota": a span opening with a lower-case conjunction is no
    name; after an organisation ending in "de <Place>" it is the second place of the name."""
    preps, conjs = _place_pair_words()
    return (a.end == b.start and a.label == "ORG" and a.type in ORG_TYPES and a.end - a.start >= 3
            and b.end - b.start == 2 and doc[b.start].text in conjs and doc[a.end - 2].text in preps
            and doc[a.end - 1].is_title and doc[b.start + 1].is_title)


def _merged(doc: Any, a: Candidate, b: Candidate, env: Env) -> Candidate | None:
    lex = env.lex
    if _place_pair(doc, a, b):
        return Candidate(a.start, b.end, a.type, "rule", label="ORG")
    if _joined_place(doc, a, b):
        joined = Candidate(a.start, b.end, "Cluster", "rule", label="GPE")
        joined.place = a.place and b.place  # a half that needs no context vouches for the whole
        return joined  # "Derry~Londonderry", "Florenceville-Bristol": one town's double name
    if a.end == b.start and doc[a.end - 1].whitespace_ and (
        (a.type == "Cluster" and b.source == "ner" and b.type in ORG_OR_PROGRAMME and b.label == "ORG")
        or (b.type == "Cluster" and a.source == "ner" and a.label == "ORG"
            and (a.end - a.start == 1 or doc[a.end - 1].lower_ in env.words.name_connectors
                 or doc[a.end - 1].lower_ in lex.institute_words))
    ):
        words = TokenIndex.of(doc).text[a.start:b.end]
        typ = env.typer.type_of_name(words) or (b.type if b.type != "Cluster" else a.type)
        return Candidate(a.start, b.end, typ, "rule", label="ORG")
    if a.end + 1 == b.start and b.type == "Cluster" and a.source == "ner" and a.label == "ORG" \
            and doc[a.end].lower_ in ("of", "for") and doc[a.end].whitespace_ \
            and env.typer.type_of_name(TokenIndex.of(doc).text[a.start:a.end]) in ("Institute", "Agency", "Programme"):
        # "Tech Council | of | Australia": a body named after its place ("Mistral AI of Paris" is a firm and its city)
        typ = env.typer.type_of_name(TokenIndex.of(doc).text[a.start:b.end]) or a.type
        return Candidate(a.start, b.end, typ, "rule", label="ORG")
    if a.end == b.start and b.type == "Cluster" and a.source != "gazetteer" and a.type in ORG_TYPES \
            and b.end < len(doc) and doc[b.end].lower_.strip(".,") in lex.company_legal:
        # "Pinecrest Analytics Ireland Limited": a national subsidiary
        return Candidate(a.start, b.end + 1, "Company", "rule", label="ORG")
    if a.end + 1 == b.start and doc[a.end].text in env.words.possessive and a.source == "ner" and b.source == "ner" \
            and a.label == "ORG" and b.label == "ORG" and a.end - a.start == 1 and not doc[a.end - 1].whitespace_ \
            and not doc[a.start].is_upper and not town_possessor(doc, a.start, a.end) \
            and not any(e.text == doc[a.start].text and e.label_ in ("GPE", "LOC", "Cluster") for e in doc.ents):
        # "Lion's | Head Ventures": a possessive inside one name (a place's possessive is split elsewhere)
        typ = env.typer.type_of_name(TokenIndex.of(doc).text[a.start:b.end]) or b.type
        return Candidate(a.start, b.end, typ, "rule", label="ORG")
    return None



def _joined_place(doc: Any, a: Candidate, b: Candidate) -> bool:
    """Two places joined tight by "~" ("Derry~Londonderry") or by a hyphen when the world list does not know both
    halves as towns ("Florenceville-Bristol"; "the Nairobi-Mombasa railway" joins two towns)."""
    if a.type != "Cluster" or b.type != "Cluster" or b.start != a.end + 1 or a.entry is not None or b.entry is not None:
        return False
    mark = doc[a.end]
    if mark.text not in ("~", "-") or doc[a.end - 1].whitespace_ or mark.whitespace_:
        return False
    wp = world_places()
    known = [wp.kind(TokenIndex.of(doc).span_text(c.start, c.end)) is not None for c in (a, b)]
    return mark.text == "~" or not all(known)
