"""Stage 3, name runs: capitalised phrases ending in a head word (programme, institute, agency) the NER missed."""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, is_name_text, is_name_token
from aikg.ingest.nlp.mentions.extent_forms import head_first
from aikg.ingest.nlp.mentions.longer_names import joined_name
from aikg.ingest.nlp.token_index import TokenIndex


def add_name_runs(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add typed capitalised runs; a run replaces the shorter candidates it covers."""
    taken: list[int | None] = [None] * len(doc)
    for k, s in enumerate(cands):
        for i in range(s.start, s.end):
            taken[i] = k
    new: list[Candidate] = []
    drop: set[int] = set()
    for s in cands:
        if s.place and s.type == "Cluster" and s.source == "ner" and s.entry is None \
                and head_first(TokenIndex.of(doc).text[s.start:s.end], doc[s.end].text if s.end < len(doc) else "",
                               env.lex.institute_words):
            s.type, s.place = "Institute", False  # "Centro de Inteligencia ... del Sur" read as a place
    for start, end in _runs(doc, cands, taken, env):
        found = _run_candidate(doc, start, end, cands, taken, env)
        if found is not None:
            cand, covered = found
            drop |= covered
            new.append(cand)
    return [s for k, s in enumerate(cands) if k not in drop] + new


def _runs(doc: Any, spans: list[Candidate], taken: list, env: Env) -> list[tuple[int, int]]:
    """Maximal runs of name tokens and connectors ("of", "for the", "&", a comma inside an agency name)."""
    quotes = env.words.quotes
    articles = env.words.articles
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(doc)
    idx = TokenIndex.of(doc)  # speed: the words as lists, no token object per test
    texts, lowers = idx.text, idx.lower
    while i < n:
        if is_name_text(texts[i]) and (lowers[i] not in articles or not doc[i].is_sent_start):
            j = i
            while j < n and (is_name_text(texts[j]) or (j > i and _connector_ok(doc, j, env))):
                if texts[j] in quotes or texts[j] in {"(", ")"}:
                    break
                if texts[j] == ",":
                    if not _comma_in_name(doc, i, j, env):
                        break
                if lowers[j] == "and" and _list_and(doc, spans, taken, j, env):
                    break  # "Université de Montréal and McGill University" is a list
                j += 1
            if j - i >= 2:
                runs.append((i, j))
            i = max(j, i + 1)
        else:
            i += 1
    return runs


def _trim_run(doc: Any, start: int, end: int, env: Env) -> tuple[int, int] | None:
    """Cut a dateline before the run, leading determiners/connectors/numbers and trailing connectors."""
    w = env.words
    for k in range(end - 1, start, -1):
        if doc[k].text in w.dashes and doc[k - 1].whitespace_ and doc[k].whitespace_:
            start = k + 1  # "10 January 2026 - The Bavarian State Ministry ..."
            break
    while start < end and (doc[start].lower_ in env.lex.leading_determiners | w.name_connectors or doc[start].like_num):
        start += 1
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "the" and doc[k].is_lower and doc[k - 1].lower_ not in w.name_connectors:
            start = k + 1  # "In March the Salzach Institute", "On Monday the ...": "the" opens the name after it
            break
    if end - start > 4 and doc[start].is_sent_start and doc[start + 1].lower_ == "of" and doc[start + 2].lower_ == "the" \
            and env.typer.type_of_name([doc[start].text]) is None and doc[start].lower_ not in env.lex.institute_first \
            and end < len(doc) and "\n" not in doc[end - 1].whitespace_ and doc[end].is_alpha:  # (a heading line stays)
        start += 3  # "Members of the Pelion Innovation Forum", "Many of the Consortium's farms": a word opening the sentence
    start = _after_job_title(doc, start, end, env)
    if start < end and doc[start].lower_.rstrip(".") in env.titles:
        return None  # "Minister Fabian Mehring" is a person
    while end > start and doc[end - 1].lower_ in w.name_connectors | w.possessive:
        end -= 1
    if end - start >= 5 and end < len(doc) and doc[end].text in w.possessive and doc[end - 3].lower_ in ("on", "at") \
            and doc[end - 2].lower_ == "the" and doc[end - 1].lower_ in env.lex.institute_words | env.lex.institute_first:
        end -= 3  # "X Laboratory on the University's campus": "the University" is a description, not part of the name
    return (start, end) if end - start >= 2 else None


def _after_job_title(doc: Any, start: int, end: int, env: Env) -> int:
    """"CTO of Fjordlys AI", "Co-founder & Chief Technology Officer at Pampa Data": a job title, then "of"/"at",
    opens the run; the body's name starts after them (or ``start`` as it was)."""
    w = env.words
    k = start
    titled = False
    while k < end - 1 and doc[k].lower_ in env.title_words and doc[k].lower_ not in ("of", "at"):
        titled = titled or doc[k].lower_ in w.job_title_words
        k += 1
    if not titled or k == start or doc[k].lower_ not in ("of", "at"):
        return start
    k += 1
    if k < end and doc[k].lower_ == "the":
        k += 1
    if k >= end or not doc[k].text[:1].isupper() or doc[k].lower_ in w.job_function_words \
            or any(t.text == "," for t in doc[k:end]):
        return start  # "Head of Research, Alder AI": a function, then the body after the comma
    return k


def _run_type(doc: Any, start: int, end: int, env: Env) -> str | None:
    """The type a run's head words give, when strong enough for a name the NER missed."""
    lex = env.lex
    words = TokenIndex.of(doc).text[start:end]
    typ = env.typer.type_of_name(words)
    if typ in (None, "Institute") and head_first(words, doc[end].text if end < len(doc) else "", lex.institute_words):
        return "Institute"  # "Montanuniversität Leoben", "Centro de Inteligencia ... del Sur": the head comes first
    if typ is None and all(t.is_title for t in doc[start:end]) and not doc[start].is_sent_start:
        return env.typer.premodifier_type(doc, start)  # "the Hobart winemaker Derwent Ridge Wines"
    if typ == "Company" and not (words[-1].lower() in lex.company_run_last
                                 and words[0].lower() not in lex.generic_modifiers and len(words) <= 4):
        return None
    if typ == "Company" and words[-2].lower() in env.words.name_connectors:
        return None  # "Competition for AI": a description ending in a company word
    if typ not in ("Programme", "Institute", "Agency", "Company"):
        return None
    if typ == "Institute" and words[-1].lower() not in lex.institute_words | env.typer.institute_last and not any(
            w.lower() in env.words.institute_run_words for w in words) \
            and not (" " + " ".join(words).lower()).endswith(env.typer.institute_endings):
        return None
    if env.typer.generic(doc, start, end):
        return None  # "a new AI Research Institute" names no particular body
    if typ == "Institute" and env.typer.described_programme(doc, end):
        return "Programme"  # "the Massachusetts AI Hub, an initiative launched by ..."
    if typ == "Programme" and words[-1].lower() in env.lex.types.get("corporate_fund_last_words", ()) and _firm_prefix(words[:-1], env):
        return "Company"  # "Samsung Catalyst Fund": a firm's venture fund is the firm's investing arm
    return typ


def _firm_prefix(words: list[str], env: Env) -> bool:
    """Do the first words name a firm the gazetteer lists ("Samsung" in "Samsung Catalyst Fund")?"""
    for k in range(len(words), 0, -1):
        entry = env.gaz.lookup(" ".join(words[:k]))
        if entry is not None:
            return entry.type == "Company"
    return False


def _run_candidate(doc: Any, start: int, end: int, spans: list[Candidate], taken: list,
                   env: Env) -> tuple[Candidate, set[int]] | None:
    """The candidate a run gives and the indices of the candidates it replaces (None: keep what is there)."""
    bounds = _trim_run(doc, start, end, env)
    if bounds is None:
        return None
    start, end = bounds
    person = taken[start]
    if person is None and start + 2 < end and doc[start + 1].text[:1].isupper():
        person = taken[start + 1] if taken[start + 1] is not None and spans[taken[start + 1]].start == start + 1 \
            and spans[taken[start + 1]].type == "Person" and spans[taken[start + 1]].end - start >= 3 else None
    if person is not None and _owner_name(doc, spans[person], env) and spans[person].start in (start, start + 1) \
            and spans[person].end + 1 < end and doc[spans[person].end].lower_ in ("of", "at", "from"):
        start = spans[person].end + 1  # "Amaka Obi of Lagos Business School", "Councillor Fiona Macrae of the ..."
    typ = _run_type(doc, start, end, env)
    if typ is None:
        return None
    covered = {taken[i] for i in range(start, end) if taken[i] is not None}
    if any(spans[k].ctx_typed and (spans[k].start, spans[k].end) == (start, end) for k in covered):
        return None  # the text says what it is ("SAS Institute, the ... analytics company")
    if end < len(doc) and doc[end].lower_ in env.words.programme_nouns \
            and (doc[start - 1].lower_ == "the" or doc[start - 1].text in env.words.possessive):
        typ = "Programme"  # "the Delft AI Labs programme"
    if any(spans[k].source == "gazetteer" and spans[k].type != "Cluster"
           and not (spans[k].start == start and spans[k].end < end and spans[k].type == typ
                    and all(t.text[:1].isupper() for t in doc[spans[k].end:end]))
           for k in covered):
        return None  # the gazetteer wins, unless the text names something longer ("... and Information Technology")
    if any(spans[k].start < start or spans[k].end > end for k in covered):
        return None  # partial overlap with a longer NER span: keep the NER span
    if any(spans[k].source == "gazetteer" and spans[k].type != "Cluster" for k in covered):
        only = spans[next(iter(covered))]
        if len(covered) == 1 and (only.start, only.end) == (start, end):
            return None
    # a gazetteer place inside ("Paris Artificial Intelligence Research Institute") is part of the name
    entry = env.gaz.lookup(TokenIndex.of(doc).span_text(start, end))
    if entry is not None:
        return Candidate(start, end, entry.type, "gazetteer", entry=entry), covered
    return Candidate(start, end, typ, "rule"), covered


def _connector_ok(doc: Any, j: int, env: Env) -> bool:
    """"of", "for the", "&" inside a name, followed by a capitalised word."""
    n = len(doc)
    if doc[j].text == ",":
        return j + 1 < n and is_name_token(doc[j + 1]) and doc[j + 1].text[:1].isalpha()
    if doc[j].lower_ not in env.words.name_connectors:
        return False
    k = j + 1
    if k < n and doc[k].lower_ == "the" and doc[j].lower_ != "the":
        k += 1
    return k < n and is_name_token(doc[k]) and doc[k].text[:1].isalpha()


def _comma_in_name(doc: Any, i: int, j: int, env: Env) -> bool:
    """"Department for Science, Innovation and Technology": a comma inside an agency name; "Philippine Atmospheric,
    Geophysical and Astronomical Services Administration": a comma after an adjective inside a headed name."""
    words = TokenIndex.of(doc).lower[i:j]
    if not any(w in env.lex.agency_first and nxt in ("of", "for") for w, nxt in zip(words, words[1:])):
        return j - i >= 2 and _adjective_list_in_name(doc, j, env)
    k = j + 1
    while k < len(doc) and k < j + 6 and (is_name_token(doc[k]) or doc[k].text == ","):
        k += 1
    return k < len(doc) and doc[k].lower_ == "and"


#: endings of adjectives that never end a name ("Atmospheric", "Agricultural", "Regulatory")
_ADJECTIVE_ENDINGS = ("al", "ic", "ical", "ive", "ary", "ory")


def _adjective_list_in_name(doc: Any, j: int, env: Env) -> bool:
    """The comma at ``j`` follows a capitalised adjective and a list of capitalised words joined by "and" runs on to an
    organisation's head word ("..., Geophysical and Astronomical Services Administration")."""
    before = doc[j - 1].lower_
    if not (doc[j - 1].is_title and len(before) > 5 and before.endswith(_ADJECTIVE_ENDINGS)):
        return False
    heads = env.lex.agency_last | env.lex.institute_words | env.lex.programme_last
    seen_and = False
    for k in range(j + 1, min(len(doc), j + 10)):
        t = doc[k]
        if t.lower_ == "and" and not seen_and:
            seen_and = True
        elif t.text == "," and not seen_and:
            continue
        elif not (t.is_title and t.is_alpha):
            return False
        elif seen_and and t.lower_ in heads:
            return k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper()
    return False


def _list_and(doc: Any, spans: list[Candidate], taken: list, j: int, env: Env) -> bool:
    """Is the "and" at ``j`` between two names rather than inside one?"""
    lex = env.lex
    if joined_name(doc, j - 1, j, env) is not None:
        return False  # "the Knut and Alice Wallenberg Foundation": one body
    heads = lex.institute_words | lex.agency_last | lex.programme_last
    k = taken[j - 1]
    if doc[j - 1].lower_ in heads or (k is not None and spans[k].end == j and spans[k].source == "gazetteer"):
        return True
    k = taken[j + 1] if j + 1 < len(doc) else None
    if k is not None and spans[k].start == j + 1 and (
        spans[k].source == "gazetteer" or doc[spans[k].end - 1].lower_ in heads
    ):
        return True
    if k is not None and spans[k].start == j + 1 and _named_elsewhere(doc, spans, j):
        return True  # "Himali Voice and Seti River Institute of Technology open ...": a name the text uses alone
    left = taken[j - 1]
    if k is not None and left is not None and spans[k].start == j + 1 and spans[left].end == j \
            and spans[left].source == "ner" and spans[left].type in ORG_TYPES and spans[left].end - spans[left].start >= 2 \
            and spans[k].source == "ner" and env.typer.type_of_name([t.text for t in doc[spans[k].start:spans[k].end]]):
        return True  # "Chortoq Seeds and Hanbit Rural Water Corporation": two names the NER read apart
    if k is not None and left is not None and spans[k].start == j + 1 and spans[left].end == j \
            and spans[left].source == "ner" and spans[left].type in ORG_TYPES and spans[k].source == "ner" \
            and spans[k].type in ORG_TYPES and spans[k].end - spans[k].start >= 2 \
            and all(t.is_title for t in doc[spans[k].start:spans[k].end]) \
            and doc[spans[k].start].lower_ not in env.title_words and doc[spans[k].start].lower_ not in env.generic_words \
            and doc[spans[left].start:spans[left].end].text.lower().split()[-2:-1] == ["of"] \
            and env.typer.type_of_name([t.text for t in doc[spans[left].start:spans[left].end]]) is not None:
        return True  # "the Technical University of Moravia and Vitkov Steel": a headed "X of Place", then a firm
    k = taken[j - 1]
    if k is not None and spans[k].end == j and spans[k].type in ORG_TYPES and doc[j + 1].lower_ == "the" \
            and env.typer.type_of_name([t.text for t in doc[spans[k].start:spans[k].end]]) is not None:
        # "University of Warsaw and the Warsaw University of Technology": two named bodies
        m = j + 2
        while m < len(doc) and (is_name_token(doc[m]) or doc[m].lower_ in ("of", "for", "and")):
            if doc[m].lower_ in lex.institute_words or doc[m].lower_ in lex.agency_first:
                return True
            m += 1
        # "... Institute for Marine Computing and the Durrës company Kalaja Software": a place, then a kind of body
        if m <= j + 2 or m >= len(doc) or not doc[m].is_lower:
            return False
        noun = doc[m].lower_
        if m + 2 < len(doc) and doc[m + 1].text == "-" and not doc[m].whitespace_ and not doc[m + 1].whitespace_:
            noun += "-" + doc[m + 2].lower_  # "the Vlorë start-up Sazan Robotics"
        if m + 1 < len(doc) and doc[m + 1].is_lower and doc[m + 1].is_alpha and (
                doc[m + 1].lower_ in env.words.org_premodifiers or doc[m + 1].lower_ in env.words.description_types):
            return True  # "... and the Podgorica translation agency Lingua Montenegrina": two nouns, then the name
        return noun in env.words.org_premodifiers or noun in env.words.description_types
    return False


def _named_elsewhere(doc: Any, spans: list[Candidate], j: int) -> bool:
    """The capitalised words right before the "and" at ``j`` are a mention of their own elsewhere in the text."""
    a = j
    while a > 0 and is_name_token(doc[a - 1]) and "\n" not in doc[a - 1].whitespace_ and j - a < 4:
        a -= 1
    if a == j:
        return False
    words = [t.text for t in doc[a:j]]
    return any(s.end - s.start == j - a and s.start != a and [t.text for t in doc[s.start:s.end]] == words
               for s in spans)


def _owner_name(doc: Any, s: Candidate, env: Env) -> bool:
    """A person, or an NER name with no head word, that "of"/"at" may follow ("Amaka Obi of Lagos Business School")."""
    if s.type == "Person":
        return True
    return s.source == "ner" and s.end - s.start >= 2 and env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is None
