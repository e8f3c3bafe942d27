"""Stage 1, initial spans: the ruler's and the NER's entities, trimmed, split, relabelled and typed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.longer_names import is_start_of_longer
from aikg.ingest.nlp.token_index import TokenIndex

#: the credit after a dateline's place: "--(BUSINESS WIRE)--", " /PRNewswire/ ", " (Reuters) -"
WIRE_CREDIT = re.compile(r"\s*(?:--|[-\u2013\u2014]\s*\(|\([A-Z][A-Za-z ]+\)\s*(?:--|[-\u2013\u2014])|/[A-Za-z ]+/)")
OUR_TYPES = ("Institute", "Company", "Agency", "Programme", "Person", "Cluster")


@dataclass
class _Names:
    """What the whole chunk says about words: parts of full personal names, nationalities."""

    person_words: set[str]
    nationalities: set[str]

    @classmethod
    def of(cls, doc: Any) -> "_Names":
        # words of full personal names ("Wanjiru Kamau"): a lone "Kamau" is that person, a lone "Klarna" is not
        person_words: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "Person") and len(ent) >= 2 and all(t.text[:1].isupper() for t in ent):
                person_words.update(t.text for t in ent)
        return cls(person_words, {e.text for e in doc.ents if e.label_ == "NORP"})


def initial_spans(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """One candidate per usable entity of the entity pass (ruler + NER)."""
    names = _Names.of(doc)
    out = list(cands)
    for ent in doc.ents:
        bounds = _trim(doc, ent.start, ent.end, ent.label_, env)
        if bounds is None:
            continue
        start, end = bounds
        label = ent.label_
        if label in OUR_TYPES:
            cand = _from_ruler(doc, ent, start, end, env)
            if cand is not None:
                out.append(cand)
            continue
        read = _reading(doc, start, end, label, env, names, out)
        if read is None:
            continue
        cand = _typed(doc, *read, env=env, names=names)
        if cand is not None:
            out.append(cand)
    return out


def _trim(doc: Any, start: int, end: int, label: str, env: Env) -> tuple[int, int] | None:
    """Drop leading determiners and trailing possessives, articles, spaces and punctuation."""
    w = env.words
    while start < end and doc[start].lower_ in env.lex.leading_determiners:
        start += 1
    while end > start and (doc[end - 1].text in w.possessive or doc[end - 1].is_space or doc[end - 1].lower_ in w.articles
                           or doc[end - 1].is_punct and doc[end - 1].text not in {".", "!"}):
        end -= 1
    if end > start and doc[end - 1].text == "." and label != "ORG" and not doc[end - 2].text.isupper() if end - start > 1 else False:
        end -= 1
    while end - start > 1 and doc[end - 1].lower_ in ("of", "for", "and", "at", "in"):
        end -= 1  # "Amaka Obi of": a name never ends in a connector
    paren = next((k for k in range(start + 1, end) if doc[k].text == "("), None)
    if paren is not None and not any(t.text == ")" for t in doc[paren:end]):
        end = paren  # "Grid Resilience and Innovation Partnerships (GRIP": the bracket opens an acronym
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and label in ("ORG", "PERSON", "GPE") \
            and doc[end - 2].text[:1].isupper() and doc[end - 1].lower_ not in env.words.name_connectors:
        end -= 1  # "the Porto Digital association": the common noun after a name says what it is
    return (start, end) if start < end else None


def _from_ruler(doc: Any, ent: Any, start: int, end: int, env: Env) -> Candidate | None:
    """A gazetteer match: typed already; a non-metro place waits for context."""
    label = ent.label_
    entry = env.gaz.by_name.get(ent.ent_id_) or env.gaz.lookup(TokenIndex.of(doc).span_text(start, end))
    if ent.end < len(doc) and doc[ent.end].text in env.lex.gaz_blockers:
        return None  # "the Turing Award" is not the Turing
    if label != "Cluster" and is_start_of_longer(doc, start, end, env):
        return None  # "Amazon Science | Hub", "the UW | and Amazon Science Hub": the longer name is found by the name runs
    sp = Candidate(start, end, label, "gazetteer", label=label, entry=entry)
    sp.place = label == "Cluster" and not (entry is not None and entry.is_metro)
    return sp


def _cut_dateline(doc: Any, start: int, end: int, env: Env) -> tuple[int, int]:
    """A dateline glued to a name ("PITTSBURGH - Carrow Dynamics") or a span across a line break: new bounds.

    Across a line break the last line's part is the name unless it is only a job title ("Henrik Aalto\nTreasurer"),
    then the part before the break is."""
    dashes = env.words.dashes
    for k in range(end - 2, start, -1):
        if (doc[k].text in dashes and doc[k - 1].whitespace_ and doc[k].whitespace_) or (
                doc[k].is_space and "\n" in doc[k].text) or "\n" in doc[k - 1].whitespace_:
            cut = k + 1 if doc[k].text in dashes or doc[k].is_space else k
            brk = k if doc[k].text in dashes or doc[k].is_space else k
            tail = [t for t in doc[cut:end] if not t.is_space]
            if tail and all(_title_token(t, env) for t in tail) and any(t.lower_.rstrip(".") in env.words.job_title_words for t in tail):
                end = brk  # "Henrik Aalto\nTreasurer": the title opens the next line
            else:
                start = cut
            break
    while start < end and (doc[start].is_space or doc[start].text in dashes):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def _title_token(tok: Any, env: Env) -> bool:
    return tok.lower_.rstrip(".") in env.title_words or tok.text in env.words.dashes


def _cut_wire(doc: Any, start: int, end: int, env: Env) -> int:
    """"SAN FRANCISCO -- (BUSINESS WIRE)": an upper-case place opening its line, then a wire credit: new end, the
    place alone (``start`` when the tokeniser glued place and credit: "FRANCISCO--(BUSINESS")."""
    at_line_start = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    if not at_line_start or not (doc[start].text[:2].isupper() and doc[start].text[:1].isalpha()):
        return end
    match = WIRE_CREDIT.search(TokenIndex.of(doc).span_text(start, end))
    if match is None:
        return end
    cut = doc[start].idx + match.start()
    k = start
    while k < end and doc[k].idx + len(doc[k].text) <= cut:
        k += 1
    return k if k < end and doc[k].idx == cut else start


def _reading(doc: Any, start: int, end: int, label: str, env: Env, names: _Names,
             out: list[Candidate]) -> tuple[int, int, str, bool] | None:
    """Bounds, NER label and whether the text said so, after datelines, titles and a possessive split ("Toronto's Vector Institute")."""
    start, end = _cut_dateline(doc, start, end, env)
    if start >= end or end - start == 1 and doc[start].lower_.rstrip(".") in env.titles \
            and (doc[start].text.endswith(".") or end < len(doc) and doc[end].text == "."):
        return None  # "Dra. Inés Chela-Paguay": "Dra" read as a firm; a title alone names nobody
    wire = _cut_wire(doc, start, end, env)
    if wire < end:
        start, end, label = start, wire, "GPE"  # the place of a wire dateline
    titles = env.titles
    if label in ("PERSON", "ORG") and doc[start].lower_.rstrip(".") in titles and end - start >= 3 and all(
            t.text[:1].isupper() for t in doc[start + 1:end]) and not env.typer.type_of_name(TokenIndex.of(doc).text[start + 1:end]):
        label = "PERSON"  # "Minister Fabian Mehring"
    if label == "PERSON":
        while start < end - 1 and doc[start].lower_.rstrip(".") in titles:
            start += 1
    start = _split_possessive(doc, start, end, label, env, out)
    start = _split_premodifier(doc, start, end, label, env, out)
    if start >= end:
        return None
    return _relabel(doc, start, end, label, env, names)


def _split_possessive(doc: Any, start: int, end: int, label: str, env: Env, out: list[Candidate]) -> int:
    """"Toronto's Vector Institute": the possessor becomes its own candidate; returns the new start."""
    typer = env.typer
    split = next((i for i in range(start + 1, end - 1) if doc[i].text in env.words.possessive), None)
    if split is not None and not (env.gaz.lookup(TokenIndex.of(doc).span_text(start, split)) or typer.type_of_name(TokenIndex.of(doc).text[split + 1:end])):
        split = None  # "King's Cross" is one name
    if split is not None and doc[split].text in ("'", "’") and doc[split - 1].lower_.endswith("s") \
            and not env.gaz.lookup(TokenIndex.of(doc).span_text(start, split)) and label != "GPE":
        split = None  # "Grand River Teachers' Pension Plan": a plural possessive inside one name
    if split is None:
        return start
    entry = env.gaz.lookup(TokenIndex.of(doc).span_text(start, split))
    ltype = entry.type if entry else ("Cluster" if label in ("GPE", "LOC", "FAC") else typer.type_of_span(doc, start, split, "ORG"))
    if ltype:
        ls = Candidate(start, split, ltype, "rule", label=label, entry=entry)
        ls.place = ltype == "Cluster" and not (entry and entry.is_metro)
        out.append(ls)
    return split + 1


def _split_premodifier(doc: Any, start: int, end: int, label: str, env: Env, out: list[Candidate]) -> int:
    """"the Getxo shipyard Arriluze Naval" read as one name: a place, the kind of body, then the body's name."""
    if label not in ("ORG", "PERSON", "GPE", "FAC") or end - start < 3:
        return start
    for k in range(start + 1, min(end - 1, start + 3)):
        noun = doc[k].lower_
        if not (doc[k].is_lower and doc[k].is_alpha and (noun in env.words.org_premodifiers or noun.endswith("maker"))):
            continue
        if not all(t.is_title for t in doc[start:k]) or not doc[k + 1].is_title \
                or env.typer.type_of_name(TokenIndex.of(doc).text[start:k]) is not None:
            return start
        entry = env.gaz.lookup(TokenIndex.of(doc).span_text(start, k))
        typ = entry.type if entry is not None else "Cluster"
        out.append(Candidate(start, k, typ, "gazetteer" if entry else "rule", label="GPE", entry=entry, ctx_typed=True))
        return k + 1
    return start


def _relabel(doc: Any, start: int, end: int, label: str, env: Env, names: _Names) -> tuple[int, int, str, bool] | None:
    """Correct the NER label from the words around the span (None: not a name at all); True when a place cue said so."""
    w, typer = env.words, env.typer
    said = False
    n = len(doc)
    unnamed = not typer.type_of_name(TokenIndex.of(doc).text[start:end])
    if start >= 2 and doc[start - 1].lower_ in ("of", "for") and doc[start - 2].lower_.rstrip(".") in w.portfolio_titles \
            and unnamed:
        return None  # "Minister of State for Artificial Intelligence": a portfolio
    if label in ("ORG", "PERSON") and start >= 2 and doc[start - 1].lower_ in w.location_participle_preps and unnamed \
            and (doc[start - 2].lower_ in w.location_participles or _one_word(doc, start, end)
                 and doc[start - 2].lower_ in env.lex.site_nouns):
        label, said = "GPE", True  # "KAUST, located in Thuwal", "based in Montevideo", "its site in Leixlip"
    if label in ("ORG", "PERSON") and end + 1 < n and (any(
            doc[end].lower_ == p[0] and tuple(t.lower_ for t in doc[end:end + len(p)]) == p for p in w.place_predicates)
            or doc[end].text == "," and doc[end + 1].lower_ == "where"
            and not (start > 0 and doc[start - 1].lower_ in ("at", "for", "with", "by", "from", "of", "joined"))) \
            and unnamed and _one_word(doc, start, end):
        label, said = "GPE", True  # "Graz is home to AVL List", "Kitchener-Waterloo, where BlackBerry ..."
    if label == "ORG" and end - start == 1 and _dateline(doc, start, end):
        label = "GPE"  # "Lagos, 9-10 October 2025": the place of a dateline
    if label == "ORG" and end - start in (2, 3) and unnamed and all(t.is_title for t in doc[start:end]) \
            and (typer.role_apposition(doc, end) or typer.speaker(doc, start, end) or _person_cue(doc, start, end, env)):
        label = "PERSON"  # "Demis Hassabis, the chief executive of ...", "Chidi Nwosu, who ...", "By Mihkel Rand"
    if label == "PERSON" and end < n and doc[end].text.istitle() and doc[end].is_alpha and not doc[end].is_sent_start \
            and doc[end - 1].whitespace_ == " " and not doc[end].ent_type_ and not typer.type_of_name([doc[end].text]):
        end += 1  # "Dr. Kate Morrow" with only "Kate" found
        unnamed = not typer.type_of_name(TokenIndex.of(doc).text[start:end])
    if label == "ORG" and end + 1 < n and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_title:
        end += 2  # "Hydro-Québec", "Rolls-Royce" with only the first part found
    if label == "PERSON" and end + 1 < n and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower and len(doc[end + 1]) <= 4 \
            and doc[end + 1].lower_ not in env.words.place_suffixes | env.words.org_suffixes:
        end += 2  # "Park Ji-won": a hyphenated given name
    if label == "PERSON" and end < n and doc[end - 1].whitespace_ == " " and doc[end].text[:1].isupper() and not doc[end].is_sent_start \
            and doc[end].lower_ in env.lex.company_last and doc[end].lower_ not in env.words.job_title_words:
        end, label = end + 1, "ORG"  # "Quarry Lane AI", "Kestrel Labs": a firm's name with its last word
        unnamed = False
    if label in ("ORG", "PERSON", "PRODUCT", "NORP", "FAC") and end + 1 < n and doc[end].text in {"-", "–"} \
            and doc[end + 1].lower_ in w.place_suffixes and unnamed:
        label, said = "GPE", True  # "Wrocław-based": a place
    if label == "PERSON" and end - start >= 2 and doc[end - 1].lower_ in w.place_name_heads and doc[end - 1].is_title:
        label = "GPE"  # "Cape Town", "Salt Lake City" read as a person
    if label in ("ORG", "PERSON", "NORP") and TokenIndex.of(doc).span_text(start, end).lower().replace("'", "’") in env.lex.countries_only:
        return start, end, "GPE", False  # "Ireland" read as a person: a country (kept only where a hub cue says so)
    if label in ("ORG", "GPE") and end - start == 1 and doc[start].text in names.person_words:
        label = "PERSON"  # "Kamau" after "Wanjiru Kamau"
    if label == "ORG" and end - start == 2 and doc[end - 1].text == "AI" and doc[start].text in names.nationalities \
            and end < n and doc[end].lower_ in w.scene_nouns:
        return None  # "the Polish AI ecosystem"
    return start, end, label, said


def _typed(doc: Any, start: int, end: int, label: str, said: bool, *, env: Env, names: _Names) -> Candidate | None:
    """The candidate with its type from name and context, or None for what is not a name."""
    typer = env.typer
    n = len(doc)
    typ = typer.type_of_span(doc, start, end, label)
    ctx_type = typer.context_type(doc, start, end, label, typ)
    guessed = False
    if ctx_type == "drop":
        return None
    if ctx_type is None and label == "PERSON" and end - start == 1 and doc[start].text not in names.person_words \
            and not (start > 0 and doc[start - 1].lower_.rstrip(".") in env.titles) and not typer.speaker(doc, start, end):
        # a one-word "person" that is nobody's name in this text: a place or a firm
        if end + 1 < n and doc[end].text in env.words.possessive and doc[end + 1].text[:1].isupper() \
                or typer.site_of(doc, start, end):
            ctx_type = "Cluster"  # "Rotterdam's Kanaal Capital", "its Taylor fabrication plant"
        elif start == 0 or doc[start - 1].lower_ not in env.words.speech_verbs_lone:
            ctx_type, guessed = env.lex.default_org, True  # a guess: other readings of the name may overrule it
    if ctx_type is None and label == "PERSON" and not typer.speaker(doc, start, end):
        ctx_type = typer.org_cue(doc, start, end)  # "Red Hat, which ...", "the Tallgrass robotics firm"
    if ctx_type is not None:
        typ = ctx_type
    if typ is None or not _name_like(doc, start, end, typ, env):
        return None
    entry = env.gaz.lookup(TokenIndex.of(doc).span_text(start, end))
    if entry is not None:
        sp = Candidate(start, end, entry.type, "gazetteer", label=label, entry=entry)
        sp.place = entry.type == "Cluster" and not entry.is_metro
    else:
        sp = Candidate(start, end, typ, "ner", label=label)
        sp.place = typ == "Cluster" and ctx_type != "Cluster" and not said  # "the Hobart winemaker X": the text places a firm there
        sp.ctx_typed = ctx_type is not None and not guessed or said
    return sp


def _name_like(doc: Any, start: int, end: int, typ: str, env: Env) -> bool:
    """Not generic words, a stop word, a section number or a hyphenated adjective."""
    lex = env.lex
    if typ != "Person" and env.typer.generic(doc, start, end) and not env.gaz.lookup(TokenIndex.of(doc).span_text(start, end)):
        return False  # "a new AI Research Institute"
    text = TokenIndex.of(doc).span_text(start, end)
    if not any(c.isupper() for c in text) or len(text) < 2 or text.lower() in lex.ner_stop:
        return False
    if doc[start].lower_ in lex.ner_stop and end - start <= 2 and any(t.like_num or len(t.text) <= 2 for t in doc[start + 1:end]):
        return False  # "Section 3", "Item 1A"
    if " " not in text and "-" in text and text.split("-")[-1][:1].islower():
        return False  # "AI-bio", "AI-enabled"
    return True


def _one_word(doc: Any, start: int, end: int) -> bool:
    """One word as written: a single token or a hyphenated compound ("Kitchener-Waterloo")."""
    return all(not doc[k].whitespace_ for k in range(start, end - 1))


def _dateline(doc: Any, start: int, end: int) -> bool:
    """A name opening its line, then a comma and a day or month ("Lagos, 9-10 October", "TORONTO, March 3 --")."""
    at_line_start = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    if not at_line_start or end + 1 >= len(doc) or doc[end].text != ",":
        return False
    nxt = doc[end + 1]
    return nxt.like_num or nxt.ent_type_ == "DATE"


def _person_cue(doc: Any, start: int, end: int, env: Env) -> bool:
    """", who ..." after the name (organisations take "which"), "of" and an institution after it, or a byline
    ("By Jane Doe") before it."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("who", "whose", "whom"):
        return True
    if end + 2 < len(doc) and doc[end].lower_ == "of":
        k = end + 1  # "Amaka Obi of Lagos Business School": a person of a named institution
        while k < len(doc) and k < end + 7 and (doc[k].text[:1].isupper() or doc[k].lower_ in ("of", "for", "and")):
            k += 1
        if k > end + 2 and env.typer.type_of_name(TokenIndex.of(doc).text[end + 1:k]) in ("Institute", "Agency"):
            return True
    if start > 0 and doc[start - 1].lower_ in env.words.byline_words:
        before = doc[start - 2] if start >= 2 else None
        return before is None or "\n" in before.text or "\n" in before.whitespace_
    return False
