"""Stages after the name runs that tidy names by their form: split coordinated names, trim what is not part
of a name (job titles, amounts, "at ...", repeated words) and drop fragments that are no names at all.

Every rule reads word lists from ``data/lexicon/mentions.json``; none is keyed on a particular name, and a
gazetteer match is never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.longer_names import joined_name
from aikg.ingest.nlp.mentions.typing import INNER_CAPITAL, is_demonym
from aikg.ingest.nlp.token_index import TokenIndex

AMOUNT = re.compile(r"^[$€£¥]?\d[\d.,]*(?:bn|b|m|mn|k|tn)?$", re.IGNORECASE)


def _words(doc: Any, s: Candidate) -> list[str]:
    return TokenIndex.of(doc).text[s.start:s.end]


# ---------------------------------------------------------------------- coordinated names
def split_coordination(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """"NIAS and the Edge Learning Laboratory", "Groq and Cerebras Systems", "Oracle, Sony Group": two names."""
    alone = {TokenIndex.of(doc).span_text(s.start, s.end) for s in cands}
    out: list[Candidate] = []
    for s in cands:
        parts = None
        if s.source != "gazetteer" and s.type in ORG_OR_PROGRAMME:
            parts = _listed_parts(doc, s, env, alone) or _coordinated_parts(doc, s, env, alone)
        out.extend(parts if parts else [s])
    return out


def _listed_parts(doc: Any, s: Candidate, env: Env, alone: set[str]) -> list[Candidate] | None:
    """"Department of Energy, Kestrel Analytics and Orrin Labs", "the University of Tarsk and Hargeisa Digital": a run
    of names, each one named by its own head words (a name with a topic list, "Ministry of Planning, Investment and
    Economic Development", has parts no head names)."""
    cuts: list[tuple[int, int]] = []  # (end of a part, start of the next)
    for k in range(s.start + 1, s.end - 1):
        if doc[k].lower_ not in ("and", ",") or doc[k - 1].lower_ in ("and", ","):
            continue
        nxt = k + 2 if doc[k + 1].lower_ == "and" or doc[k + 1].lower_ == "the" else k + 1
        nxt += 1 if nxt < s.end and doc[nxt].lower_ == "the" and doc[nxt - 1].lower_ == "and" else 0
        if nxt < s.end and doc[nxt].text[:1].isupper():
            cuts.append((k, nxt))
    listed = any(doc[e].lower_ == "and" or doc[e + 1].lower_ == "and" for e, _ in cuts) \
        or s.end + 1 < len(doc) and doc[s.end].lower_ in ("and", "or") and doc[s.end + 1].text[:1].isupper()
    if not cuts or not listed:
        return None  # a comma alone inside a run: a list only when "and" closes it, inside or right after
    if s.end + 2 < len(doc) and doc[s.end].text == "(" and doc[s.end + 1].is_upper and doc[s.end + 2].text == ")":
        return None  # "Wallenberg AI, Autonomous Systems and Software Program (WASP)": one name with its short form
    bounds = [s.start] + [b for _, b in cuts]
    ends = [e for e, _ in cuts] + [s.end]
    parts = list(zip(bounds, ends))
    if not all(_own_name(doc, a, b, env, alone, i > 0) for i, (a, b) in enumerate(parts)) \
            or env.typer.type_of_name(TokenIndex.of(doc).text[parts[-1][0]:parts[-1][1]]) == "Programme":
        return None  # a programme's long name ends in its head: "..., Autonomous Systems and Software Program"
    if len(parts) == 2 and (not _head_first(doc, parts[0]) or doc[parts[1][1] - 1].lower_ in env.generic_words):
        return None  # "Autonomous Systems and Software Program", "Institute of Minerals and Materials Technology": one name
    out = [_part(doc, s, a, b, env) for a, b in parts]
    return [p for p in out if p is not None]


def _own_name(doc: Any, a: int, b: int, env: Env, alone: set[str], later: bool) -> bool:
    """A part that names a body by itself: two words or more with a head word; a later part opens with no topic
    word ("Investment and Economic Development")."""
    words = TokenIndex.of(doc).text[a:b]
    if len(words) == 1:
        return words[0] in alone and words[0].lower() not in env.generic_words
    return env.typer.type_of_name(words) is not None and not (later and words[0].lower() in env.generic_words)


def _head_first(doc: Any, part: tuple[int, int]) -> bool:
    """"University of Tarsk": a name whose head comes before "of"/"for" is closed by its last word."""
    low = TokenIndex.of(doc).lower[part[0]:part[1]]
    return any(w in ("of", "for") for w in low[1:-1])


def _coordinated_parts(doc: Any, s: Candidate, env: Env, alone: set[str]) -> list[Candidate] | None:
    for k in range(s.start + 1, s.end - 1):
        tok = doc[k]
        if tok.lower_ not in ("and", ",") or not doc[k + 1].text[:1].isupper() and doc[k + 1].lower_ != "the":
            continue
        right = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        if right >= s.end or not doc[right].text[:1].isupper():
            continue
        if joined_name(doc, s.start, k, env) == s.end:
            continue  # "the Knut and Alice Wallenberg Foundation", "the UW and Amazon Science Hub": one body
        if tok.text == "," and any(t.lower_ in ("and", ",", "&") for t in doc[right:s.end]):
            continue  # "Wallenberg AI, Autonomous Systems and Software Program": a comma inside a name
        the = doc[right - 1].lower_ == "the" and env.typer.type_of_name(TokenIndex.of(doc).text[right:s.end]) is not None
        if the or _both_names(doc, s.start, k, right, s.end, env, alone):
            return [p for p in (_part(doc, s, s.start, k, env), _part(doc, s, right, s.end, env)) if p is not None]
    return None


def _both_names(doc: Any, a: int, b: int, c: int, d: int, env: Env, alone: set[str]) -> bool:
    """Are doc[a:b] and doc[c:d] each a name: one typed by its head words, the other typed or named alone?"""
    typer = env.typer
    left, right = TokenIndex.of(doc).text[a:b], TokenIndex.of(doc).text[c:d]
    lt, rt = typer.type_of_name(left), typer.type_of_name(right)
    if typer.type_of_name(left + [doc[b].text] + right) == "Agency" and doc[b].text == ",":
        return False  # "Department for Science, Innovation and Technology"
    generic = env.lex.generic_name_words

    def named(words: list[str], typ: str | None) -> bool:
        if typ is not None and len(words) >= 2:
            return True
        return len(words) == 1 and words[0] in alone and words[0].lower() not in generic

    if len(left) >= 2 and len(right) >= 2 and " ".join(left) not in alone:
        return False  # "Autonomous Systems and Software Program": one name unless the left part stands alone elsewhere
    if (lt is not None or rt is not None) and named(left, lt) and named(right, rt):
        return True
    return _word_and_firm(doc, b, left, right, lt, rt, env)


def _word_and_firm(doc: Any, b: int, left: list[str], right: list[str], lt: str | None, rt: str | None, env: Env) -> bool:
    """"Groq and Cerebras Systems", "Oracle, Sony Group", "Cerebras Systems and Groq": one capitalised word joined to a
    firm named by its head words is a second firm (names such as "Department of Science and Technology" keep their
    "and": the word must name something, and the typed part must be a firm)."""
    if doc[b].lower_ not in ("and", ","):
        return False
    generic = env.lex.generic_name_words | env.lex.institute_words | env.lex.agency_last | env.lex.programme_last

    def word(ws: list[str]) -> bool:
        w = ws[0]
        return len(ws) == 1 and w[:1].isupper() and w.isalpha() and len(w) > 2 and w.lower() not in generic \
            and w.lower() not in env.lex.company_last and w.lower() not in env.title_words
    if word(left) and rt == "Company" and len(right) >= 2:
        return True
    return word(right) and lt == "Company" and len(left) >= 2 and doc[b].lower_ == "and"


def _part(doc: Any, s: Candidate, start: int, end: int, env: Env) -> Candidate | None:
    kinds = env.words.org_premodifiers.keys() | env.words.description_types.keys()
    low = doc[start].lower_
    if end - start >= 2 and doc[start].is_sent_start and low.endswith("s") and low[:-1] in kinds:
        start += 1  # "Chipmakers Groq and Cerebras Systems": the sentence's opening noun is no part of the name
    if start >= end:
        return None
    entry = env.gaz.lookup(TokenIndex.of(doc).span_text(start, end))
    if entry is not None:
        return Candidate(start, end, entry.type, "gazetteer", label=s.label, entry=entry)
    typ = env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) or env.lex.default_org
    return Candidate(start, end, typ, "rule", label=s.label)


# ---------------------------------------------------------------------- trimming
def trim_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut job titles, leading amounts, "at ..." and repeated words off names (gazetteer matches stay)."""
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" and s.type == "Cluster":
            _institution_around(doc, s, env)
        if s.source == "gazetteer" or s.acronym_of:
            out.append(s)
            continue
        _strip_titles(doc, s, env)
        _strip_adverb(doc, s, env)
        _extend_left(doc, s, env)
        _strip_amount(doc, s, env)
        _cut_repeat(doc, s, env)
        rest = _cut_at(doc, s, env) or _cut_of_place(doc, s, env) or _cut_of_institution(doc, s, env)
        if s.end > s.start:
            out.append(s)
        if rest is not None:
            out.append(rest)
    return out


def _title_word(tok: Any, env: Env) -> bool:
    low = tok.lower_.rstrip(".")
    return low in env.words.job_title_words or low in env.words.job_title_modifiers


def _strip_titles(doc: Any, s: Candidate, env: Env) -> None:
    """"Nadia Ferreira-Osei Chief", "Chief Scientist Jane Doe": the person's name only."""
    if s.type != "Person" and s.label != "PERSON":
        return
    while s.end - s.start > 1 and _title_word(doc[s.end - 1], env):
        s.end -= 1
    lead = s.start
    while lead < s.end and _title_word(doc[lead], env):
        lead += 1
    if lead > s.start and s.end - lead >= 2:
        s.start = lead


def _institution_around(doc: Any, s: Candidate, env: Env) -> None:
    """"Université Grenoble Alpes": a listed place right after a capitalised institution word is part of the
    institution's name (with the capitalised words that follow it)."""
    k = s.start - 1
    if k < 0 or not doc[k].is_title or doc[k].lower_ not in env.lex.institute_words or not doc[k].whitespace_:
        return
    if k > 0 and doc[k - 1].is_title and not doc[k - 1].is_sent_start:
        return  # "Toronto University Grenoble": not the name's first word
    end = s.end
    while end < len(doc) and doc[end].is_title and doc[end - 1].whitespace_ and not doc[end].is_sent_start:
        end += 1
    s.start, s.end, s.type, s.source, s.entry, s.place = k, end, "Institute", "rule", None, False
    s.label = "ORG"


def _strip_adverb(doc: Any, s: Candidate, env: Env) -> None:
    """"Then Nandi Speech Labs was ...", "Among Orrin Institute's members ...", "-- Kelvara Labs": an adverb or a
    preposition opening the sentence, and punctuation before the name, are not part of the name."""
    while s.end - s.start >= 2 and doc[s.start].is_punct:
        s.start += 1
    first, w = doc[s.start], env.words
    if s.end - s.start >= 2 and (first.lower_ in w.sentence_adverbs or first.lower_ in w.sentence_prepositions) \
            and first.is_title \
            and (first.is_sent_start or s.start == 0 or "\n" in doc[s.start - 1].whitespace_ or doc[s.start - 1].is_punct):
        s.start += 1
    if s.end - s.start >= 3 and first.is_title and first.lower_.endswith("ed") and doc[s.start + 1].lower_ == "by":
        s.start += 2  # "Hosted by Blagaj Ventures", "Supported by ...": an opening participle is no part of the name


def _extend_left(doc: Any, s: Candidate, env: Env) -> None:
    """"Universitat | Politècnica de València": a capitalised institution word right before a name belongs to it."""
    k = s.start - 1
    if k < 0 or not doc[k].is_title or not doc[k].is_alpha or not doc[k].whitespace_ or doc[k].is_sent_start:
        return
    if doc[k].lower_ in env.lex.institute_words and s.type != "Cluster":
        s.start = k
        typ = env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end])
        s.type = typ or s.type


def _strip_amount(doc: Any, s: Candidate, env: Env) -> None:
    """"$1B Build Back Better Regional Challenge": a programme's name never includes an amount."""
    w = env.words
    k = s.start
    if s.end == s.start + 1 and _currency_code(doc, s.start, w.amount_words):
        s.end = s.start  # "a NPR 95 million grant", "a loan of USD 6 million": a currency, no name
        return
    while k < s.end and (AMOUNT.match(doc[k].text) or doc[k].lower_ in w.amount_words):
        k += 1
    if k == s.start:
        return
    while k < s.end and doc[k].lower_ in w.name_connectors:
        k += 1
    s.start = k
    if s.end - s.start >= 1 and all(t.lower_ in env.lex.generic_name_words for t in doc[s.start:s.end]):
        s.end = s.start  # "5bn for AI": nothing left that names anything


def _currency_code(doc: Any, k: int, amount_words: frozenset[str]) -> bool:
    """Three capitals before an amount ("NPR 95 million", "KES 50,000"): a currency code."""
    t = doc[k]
    if not (len(t.text) == 3 and t.text.isalpha() and t.text.isupper()) or k + 1 >= len(doc) or not doc[k + 1].like_num:
        return False
    return any(c in doc[k + 1].text for c in ",.") or (k + 2 < len(doc) and doc[k + 2].lower_ in amount_words)


def _cut_repeat(doc: Any, s: Candidate, env: Env) -> None:
    """"Hudson Ridge Policy Institute Policy Fellows": a name ends at its head before a word repeats."""
    seen: set[str] = set()
    for k in range(s.start, s.end):
        low = doc[k].lower_
        if k > s.start + 1 and low in seen and low.isalpha() and low not in env.words.name_connectors:
            if env.typer.type_of_name(TokenIndex.of(doc).text[s.start:k]) is not None:
                s.end = k
            return
        seen.add(low)


def _cut_at(doc: Any, s: Candidate, env: Env) -> Candidate | None:
    """"Panasonic at Gigafactory Nevada": cut at a lower-case "at"/"with"; keep the rest if its head types it."""
    for k in range(s.start + 1, s.end - 1):
        if doc[k].lower_ in env.words.cut_words and doc[k].is_lower:
            if env.typer.type_of_name(TokenIndex.of(doc).text[s.start:k]) == "Institute" and doc[k].lower_ == "at":
                return None  # "University of Texas at Austin": a campus name
            typ = env.typer.type_of_name(TokenIndex.of(doc).text[k + 1:s.end])
            if typ is None and _job_title(doc, Candidate(s.start, k, s.type, s.source), env):
                typ = env.lex.default_org  # "VP of Engineering at Corvo Systems": where the person works
            rest = Candidate(k + 1, s.end, typ, "rule", label=s.label) if typ else None
            s.end = k
            return rest
    return None


def _cut_of_place(doc: Any, s: Candidate, env: Env) -> Candidate | None:
    """"Umoja Voice of Kampala", "Mistral AI of Paris", "Span Robotics of Denver": a firm, then its place (a body such as "Tech Council
    of Australia" keeps the place in its name)."""
    if s.type != "Company" or s.end - s.start < 3:
        return None
    low = TokenIndex.of(doc).lower
    if "of" not in low[s.start + 2:s.end - 1]:
        return None  # (no "of" inside: the document's places are not read, once per firm name on a long text)
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "Cluster")}
    for k in range(s.start + 2, s.end - 1):
        tail = TokenIndex.of(doc).span_text(k + 1, s.end)
        entry = env.gaz.lookup(tail) if doc[k].lower_ == "of" and tail not in places else None
        firm = doc[k - 1].lower_ in env.lex.company_last and k + 2 == s.end and doc[k + 1].is_title
        if doc[k].lower_ == "of" and (tail in places or entry is not None and entry.type == "Cluster" or firm):
            if env.typer.type_of_name(TokenIndex.of(doc).text[s.start:k]) not in (None, "Company"):
                return None
            rest = Candidate(k + 1, s.end, "Cluster", "rule", label="GPE")
            s.end = k
            return rest
    return None


def _cut_of_institution(doc: Any, s: Candidate, env: Env) -> Candidate | None:
    """"Smart Production Lab of Graz University of Technology": a unit, then the university it belongs to (a
    name such as "Massachusetts Institute of Technology" has no institution word after "of")."""
    if s.type != "Institute" or s.end - s.start < 5:
        return None
    unis = env.words.institute_run_words - env.words.institute_nouns  # university, college, school, academy
    for k in range(s.start + 2, s.end - 2):
        if doc[k].lower_ != "of" or not doc[k + 1].is_title:
            continue
        left, right = TokenIndex.of(doc).text[s.start:k], TokenIndex.of(doc).text[k + 1:s.end]
        if left[-1].lower() in env.lex.institute_words and any(w.lower() in unis for w in right[:2]) \
                and env.typer.type_of_name(right) == "Institute":
            rest = Candidate(k + 1, s.end, "Institute", "rule", label=s.label)
            s.end = k
            return rest
        return None
    return None


# ---------------------------------------------------------------------- fragments
def drop_fragments(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Job titles, headings and headline fragments, generic plurals, days and demonyms are not entities."""
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "Cluster")}
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" or s.acronym_of or not _fragment(doc, s, env):
            out.append(s)
        elif _scene_name(doc, s, env) and doc[s.start].text in places:
            out.append(Candidate(s.start, s.start + 1, "Cluster", "rule", label="GPE"))  # "a Lagos AI cluster": a hub
    return out


def _fragment(doc: Any, s: Candidate, env: Env) -> bool:
    w = env.words
    toks = doc[s.start:s.end]
    lows = [t.lower_ for t in toks]
    if s.type != "Person" and _job_title(doc, s, env):
        return True  # "Head of Research", "Associate Dean (Research & Innovation", "Chair"
    if any(t.text in TABLE_RULES for t in toks[1:-1]):
        return True  # "Firm | Funder | Instrument": a table's header cells, no name runs over a rule
    if " ".join(x for x in lows if not x.isdigit()) in _furniture_phrases():
        return True  # "Media Contact", "Working Paper", "Research and Development": a page's labels and sections
    if _demonym_kind(toks, s, env):
        return True  # "Kenyan Startups", "Ugandan Investors": a people's adjective and a kind of body
    if len(lows) == 1 and lows[0] in env.lex.generic_name_words and lows[0] != "ai":
        return True  # "Programme", "Institute" alone: a common noun
    if lows[0] in w.non_name_first_words or (len(lows) == 1 and lows[0] in w.time_words):
        return True  # "Using AI", "Inside the Lab", "Today"
    if len(lows) == 1 and (lows[0] in w.furniture_words or lows[0] in env.lex.company_legal):
        return True  # "Press: press@...", "Photo", "(Aktiengesellschaft)"
    if len(lows) == 2 and lows[1] == "ai" and lows[0] in env.lex.generic_modifiers:
        return True  # "Embodied AI", "Generative AI": a field, not a body
    content = [x for x in lows if not any(c.isdigit() for c in x)]
    if content and content[-1] in w.title_nouns and s.type != "Person" and not _byline_line(doc, s.start):
        return True  # "Lisbon's AI Landscape 2025", "UW News" (not the publication of "By X, Zambezi Tech Review |")
    if len(lows) <= 3 and lows[-1] in w.generic_plurals and all(x in env.generic_words for x in lows):
        return True  # "AI Clusters", "AI Hubs"
    if len(lows) == 1 and s.type != "Person" and lows[0].endswith(w.demonym_endings) and s.end < len(doc) \
            and doc[s.end].is_lower and doc[s.end].is_alpha and not env.typer.type_of_name([toks[0].text]):
        return True  # "the British government"
    return _scene_name(doc, s, env) or _demonym_field(doc, s, env) or _opening_word(doc, s)


@lru_cache(maxsize=1)
def _furniture_phrases() -> frozenset[str]:
    data = lexicon_data("mentions.json")
    return frozenset(p.lower() for p in data.get("furniture_phrases", ()))


def _demonym_kind(toks: Any, s: Candidate, env: Env) -> bool:
    """A people's adjective and one plural noun of a kind of body or of people ("Kenyan Startups")."""
    if len(toks) != 2 or s.entry is not None or s.type == "Person" or not is_demonym(toks[0].text, env.lex) \
            or env.typer.type_of_name([t.text for t in toks]) is not None:
        return False
    low = toks[1].lower_
    kinds = env.words.description_types.keys() | env.words.org_premodifiers.keys()
    return low in env.words.generic_plurals or low.endswith("s") and (low[:-1] in kinds or low[:-2] in kinds)


#: marks that divide a table's cells or a page's crumbs: no name holds one
TABLE_RULES = frozenset({"|", "¦", "•", "·"})

#: words that open a sentence to count its points ("Third, the regulator ...")
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "finally", "lastly"})


def _opening_word(doc: Any, s: Candidate) -> bool:
    """"Carpet grading has been done by eye", "Hosted by the ...", "Third, the regulator": a common word capitalised
    only because it opens a sentence, a quote or a line; the text writes it in lower case elsewhere, or it is a
    participle or an ordinal. A one-word name ("Kalulu has scored ...") is never written so."""
    if s.end - s.start != 1 or s.entry is not None or s.acronym_of:
        return False
    tok = doc[s.start]
    if not (tok.is_title and tok.is_alpha) or INNER_CAPITAL.search(tok.text):
        return False
    k = s.start
    opens = tok.is_sent_start or k > 0 and (doc[k - 1].text in ('"', "“", "‘", "'", ":", "(", "—", "–")
                                            or "\n" in doc[k - 1].whitespace_)
    if not opens or s.end >= len(doc):
        return False
    nxt = doc[s.end]
    if tok.lower_ in ORDINALS:
        return nxt.text == ","
    if not (nxt.is_lower and nxt.is_alpha):
        return False
    if tok.lower_.endswith(("ed", "ing")) and (tok.pos_ == "VERB" or nxt.lower_ in ("by", "with", "in", "at", "for")):
        return True  # "Hosted by ...", "Forecasting river floods ..."
    low = tok.lower_
    return not s.ctx_typed and any(t.lower_ == low and t.is_lower for t in doc if t.i != k)  # "Utilities want ..."


#: words that may open a people's adjective before "AI" ("Central Asian AI", "West African AI")
COMPASS_WORDS = frozenset({"central", "east", "eastern", "west", "western", "north", "northern", "south", "southern",
                           "southeast", "south-east", "northeast", "north-east"})


def _demonym_field(doc: Any, s: Candidate, env: Env) -> bool:
    """"the best Peruvian AI companies", "a cheque a month in Central Asian AI": a people's adjective and "AI" name a
    field or describe a kind of body, before a lower-case noun or closing a prepositional phrase."""
    toks = doc[s.start:s.end]
    if len(toks) < 2 or toks[-1].text != "AI" or s.entry is not None:
        return False
    adj = [t for t in toks[:-1] if t.lower_ not in COMPASS_WORDS]
    if len(adj) != 1 or not (adj[0].ent_type_ == "NORP" or is_demonym(adj[0].text, env.lex)
                             and adj[0].lower_.endswith(env.words.demonym_endings)) \
            or env.typer.type_of_name([adj[0].text]) is not None:
        return False  # "Peruvian", "Central Asian"; not "Pellan AI and Varda Systems"
    nxt = doc[s.end] if s.end < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.is_alpha:
        word = _hyphenated(doc, s.end)  # "start-ups"
        return nxt.pos_ in ("NOUN", "PROPN") or word in env.words.generic_plurals or word in env.words.scene_nouns \
            or word.rstrip("s") in env.words.description_types
    return (nxt is None or nxt.is_punct) and s.start > 0 and doc[s.start - 1].lower_ in ("in", "of", "for", "on")


#: first words of a byline line ("By Tendai Moyo, Zambezi Tech Review | 9 March 2026", "Posted by ...")
BYLINE_OPENERS = frozenset({"by", "posted", "written", "words", "interview", "reporting", "published"})


def _byline_line(doc: Any, i: int) -> bool:
    k = i
    while k > 0 and "\n" not in doc[k - 1].whitespace_ and not doc[k - 1].is_space and i - k < 30:
        k -= 1
    return doc[k].lower_ in BYLINE_OPENERS


def _job_title(doc: Any, s: Candidate, env: Env) -> bool:
    """Only title, function and connector words, with a title word in it or right after it ("Technical lead")."""
    w = env.words
    lows = [t.lower_.rstrip(".") for t in doc[s.start:s.end]]
    if not all(x in env.title_words for x in lows):
        return False
    if any(x in w.job_title_words for x in lows):
        return True
    nxt = doc[s.end].lower_.rstrip(".") if s.end < len(doc) else ""
    if nxt in w.job_title_words or nxt in env.titles:
        return True  # "Technical lead", "Associate | Professor Ravi Menon"
    if nxt[:-1] in w.job_title_words and nxt.endswith("s") \
            or nxt == "-" and s.end + 1 < len(doc) and not doc[s.end - 1].whitespace_ and doc[s.end + 1].is_lower:
        return True  # "Executive | Officers of the Registrant", "Non | -resident Fellow"
    # "Associate Dean (Research & Innovation)": the function in brackets after a title
    return s.start >= 2 and doc[s.start - 1].text == "(" and doc[s.start - 2].lower_.rstrip(".") in w.job_title_words


def _scene_name(doc: Any, s: Candidate, env: Env) -> bool:
    """"a Lagos AI cluster", "the Nordic AI corridor", "a Finnish AI company": a place or adjective + "AI"
    describing a scene or a kind of body."""
    if s.end - s.start != 2 or doc[s.end - 1].text != "AI" or s.end >= len(doc):
        return False
    nxt, first = _hyphenated(doc, s.end), doc[s.start]
    kind = nxt in env.words.description_types and (first.ent_type_ in ("NORP", "GPE", "LOC")
                                                    or first.lower_.endswith(env.words.demonym_endings))
    if nxt not in env.words.scene_nouns and not kind or env.typer.type_of_name([first.text]):
        return False
    return s.start > 0 and (doc[s.start - 1].lower_ in env.words.articles or doc[s.start - 1].lower_ in env.words.possessive)


def _hyphenated(doc: Any, k: int) -> str:
    """The lower-case word at token ``k`` with a hyphenated tail ("start-up")."""
    word = doc[k].lower_
    if k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_:
        word += "-" + doc[k + 2].lower_
    return word
