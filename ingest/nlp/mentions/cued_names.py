"""Stage, cued names: an organisation name the NER missed, found by what the text says around it.

A lone unknown name ("Quillmark", "Helixa", "DeepVolt", "Rigi Re") has no head word, so neither the NER nor
the name runs find it. The sentence usually says what it is, in a few general forms:

* a noun before it: "the reinsurer Rigi Re", "the Buenos Aires fintech Ombú Pagos" (``org_premodifiers``);
* a description after it: "Optilac, a spin-out of LCMP", "Redriver Cloud, a Winnipeg-based data-centre operator";
* a possessive with something only an organisation has: "Quillmark's chief executive", "Helixa's investors";
* a raise: "DeepVolt raised $4 million", "Helixa has closed a seed round";
* a legal form after it: "Helixa GmbH", "Quillmark Inc.";
* a phrase before it that takes an organisation: "co-founded Helixa", "chief executive of DeepVolt",
  "invested in Quillmark", "a spin-out of Tessel" (``name_cues.before`` in ``types.json``);
* a list with typed organisations: "Google, Helixa and Microsoft";
* a bulleted list item with its town in brackets: "- Kestrel Agronomics (Brandon)".

Only capitalised words the entity pass left entirely alone (no NER label of any kind) are read, so a place,
a date or a person the NER saw is never turned into an organisation here. The word lists are data
(``name_cues`` in ``types.json``; ``org_premodifiers`` and ``description_types`` in ``mentions.json``).
"""

from __future__ import annotations

from typing import Any, Iterator

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, taken_tokens
from aikg.ingest.nlp.mentions.org_persons import trade_noun_before
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.mentions.type_forms import town_possessor
from aikg.ingest.nlp.token_index import TokenIndex

MAX_WORDS = 4
FOUNDING_WORDS = {"founded", "co-founded", "cofounded", "established", "started", "incorporated", "launched"}
NUMBER_LABELS = {"CARDINAL", "ORDINAL"}
#: NER readings the entity pass drops for an unknown name ("Varnholt" read as a work of art): a cue may still hold
LOOSE_LABELS = {"WORK_OF_ART", "PRODUCT"}
BULLETS = {"-", "•", "*", "–", "—"}
#: an amount: "$4", "€12m", "4.5", "12"


def cued_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add organisation candidates for untouched capitalised runs whose context says they are organisations."""
    cues = _Cues.of(env)
    taken = taken_tokens(cands)
    ends = {s.end: s for s in cands}
    starts = {s.start: s for s in cands}
    out = list(cands)
    for start, end, legal in _bare_runs(doc, taken, env, cues):
        typ = _cue_type(doc, start, end, legal, env, cues, ends, starts)
        if typ is None:
            continue
        words = TokenIndex.of(doc).text[start:end + legal]
        own = env.typer.type_of_name(words)
        final = own if own in ORG_TYPES or own == "Programme" else typ
        out.append(Candidate(start, end + legal, final, "rule", label="ORG", ctx_typed=own is None))
    out = _surnames(doc, out, taken, env)
    for s in out:  # "I did my doctorate at Mila": a body typed only by default is an institute
        if s.type in (env.lex.default_org, "Person") and s.source == "ner" and s.entry is None and not s.ctx_typed \
                and env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is None and _academic(doc, s.start, cues):
            s.type, s.ctx_typed = "Institute", True
    for s in out:  # "Gewobau Nord's chief executive": a name the NER read as a person is an organisation
        if s.type == "Person" and s.source == "ner" and not s.ctx_typed and _org_only(doc, s.start, s.end, env, cues):
            s.type, s.ctx_typed = env.lex.default_org, True
        elif s.type == "Cluster" and s.place and s.source == "ner" and s.entry is None and not s.ctx_typed \
                and TokenIndex.of(doc).span_text(s.start, s.end).lower() not in env.lex.countries:
            typ = _place_read_as_org(doc, s, env, cues)  # "the Norrsk Ventil fund" read as a place
            if typ is not None:
                s.type, s.place, s.ctx_typed = typ, False, True
    return out


def _place_read_as_org(doc: Any, s: Candidate, env: Env, cues: _Cues) -> str | None:
    """An unknown name the NER read as a place that the text treats as an organisation: described as one, after a
    phrase that takes an organisation (not one that takes a place: "invested in Tartu"), "the X fund" or "X raised
    $4 million". A list is no cue here: "Microsoft and Seattle-based Amazon", "ASML, which is headquartered in
    Veldhoven, and NXP"."""
    if _compound(doc, s.end):
        return env.lex.default_org if doc[s.end + 1].lower_ in cues.backer_compounds else None  # "Harborview-backed"
    if env.typer.place_before_name(doc, s.end):
        return None  # "from Queenstown angel group Remarkables Angels": the place of the named organisation after it
    typ = _described(doc, s.start, s.end, env)
    if typ is None:
        for phrase in cues.ending(doc[s.start - 1].lower_ if s.start > 0 else ""):
            k = s.start - len(phrase)
            if phrase[-1] != "in" and k >= 0 and tuple(t.lower_ for t in doc[k:s.start]) == phrase:
                typ = "Institute" if len(phrase) > 1 and phrase[-2] in cues.academic_roles else env.lex.default_org
                break
    if typ is None and s.end + 1 < len(doc) and doc[s.end].text in env.words.possessive \
            and doc[s.end + 1].lower_ in cues.possessed_strong:
        typ = env.lex.default_org  # "Monongahela's founders, ..."
    return typ or _noun_after(doc, s.start, s.end, env, cues) or ("Company" if _raised(doc, s.end, cues)
                                                                  or _founded_by_person(doc, s.end) else None)


def _founded_by_person(doc: Any, end: int) -> bool:
    """"Quimbaya was founded in 2024 by Laura Cifuentes": founded by a named person, so a body, not a town."""
    n = len(doc)
    if end + 2 >= n or doc[end].lower_ not in ("was", "is") or doc[end + 1].lower_ not in FOUNDING_WORDS:
        return False
    by = next((k for k in range(end + 2, min(n - 1, end + 8)) if doc[k].lower_ == "by"), None)
    return by is not None and doc[by + 1].ent_type_ == "PERSON"


def _surnames(doc: Any, cands: list[Candidate], taken: set[int], env: Env) -> list[Candidate]:
    """"Ravel-Baptiste" or "Castagné" alone after "Julien Ravel-Baptiste" / "Marc Castagné" is that person, not a firm;
    a "person" made only of title words ("Associate" of "Associate Dean") is nobody."""
    surnames: set[tuple[str, ...]] = set()
    for c in cands:
        if c.type == "Person" and c.end - c.start >= 2:
            toks = TokenIndex.of(doc).text[c.start:c.end]
            dash = [k for k, t in enumerate(toks) if t in ("-", "–")]
            surnames.add((toks[-1],))
            if dash and dash[0] > 0:
                surnames.add(tuple(toks[dash[0] - 1:]))  # "Ravel - Baptiste"
    out: list[Candidate] = []
    texts = TokenIndex.of(doc).text
    for c in cands:
        words = tuple(texts[c.start:c.end])
        if c.type == "Person" and c.source == "ner" and all(w.lower().rstrip(".") in env.title_words for w in words):
            continue
        if c.type in ORG_TYPES and c.source == "ner" and c.entry is None and not c.ctx_typed and words in surnames \
                and env.typer.type_of_name(list(words)) is None:
            c.type = "Person"
        out.append(c)
    firsts = {key[0] for key in surnames}  # speed: a key can only match where its first word is
    for k in range(len(doc) if surnames else 0):  # a surname alone that the NER left alone, opening its clause
        if k in taken or texts[k] not in firsts or not texts[k][:1].isupper() or doc[k].ent_type_:
            continue
        for key in surnames:
            n = len(key)
            if tuple(t.text for t in doc[k:k + n]) == key and not any(x in taken for x in range(k, k + n)) \
                    and (doc[k].is_sent_start or k > 0 and doc[k - 1].text in (";", ":")) \
                    and k + n < len(doc) and not doc[k + n].text[:1].isupper():
                out.append(Candidate(k, k + n, "Person", "rule", label="PERSON"))
                taken.update(range(k, k + n))
                break
    return out


def _academic(doc: Any, start: int, cues: _Cues) -> bool:
    """"a professor of electrical engineering at KU Leuven", "did my doctorate at Mila": an academic post or degree,
    then "at" the name."""
    k = start - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "at":
        return False
    for j in range(k - 1, max(-1, k - 6), -1):
        if doc[j].lower_ in cues.academic_roles:
            return True
        if not doc[j].is_lower or doc[j].lower_ in ("at", "in", "and"):
            return False
    return False


def _org_only(doc: Any, start: int, end: int, env: Env, cues: _Cues) -> bool:
    """Something only an organisation has or does: "X's investors", "X raised $4 million"."""
    n = len(doc)
    if end + 2 < n and doc[end].text in env.words.possessive and (doc[end + 1].lower_ in cues.possessed
                                                                 or doc[end + 1].lower_ in env.words.job_title_words):
        k = end + 1
        while k < n and k < end + 5 and (doc[k].lower_ in env.title_words or doc[k].lower_ in cues.possessed):
            k += 1
        return k < n and (doc[k].text == "," or doc[k].ent_type_ == "PERSON" or doc[k].is_punct
                          or doc[k - 1].lower_ in cues.possessed)  # "Kaleva's chief executive Anna-Liisa Mäkelä"
    return _raised(doc, end, cues)


class _Cues:
    """The ``name_cues`` word lists of ``types.json``, lower-cased, cached per lexicon."""

    _cache: dict[int, "_Cues"] = {}

    def __init__(self, data: dict[str, Any]) -> None:
        self.before = tuple(tuple(p.lower().split()) for p in data.get("before", ()))
        # speed: the phrases a word can end, in their order (a phrase matches only if its last word does)
        self._ending: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._no_last = tuple(p for p in self.before if not p)
        self.possessed = frozenset(w.lower() for w in data.get("possessed", ()))
        self.possessed_strong = frozenset(w.lower() for w in data.get("possessed_strong", ()))
        self.raise_words = frozenset(w.lower() for w in data.get("raise_words", ()))
        self.money_words = frozenset(w.lower() for w in data.get("money_words", ()))
        self.academic_roles = frozenset(w.lower() for w in data.get("academic_roles", ()))
        self.not_names = frozenset(w.lower() for w in data.get("not_names", ()))
        self.after_nouns = frozenset(w.lower() for w in data.get("after_nouns", ()))
        self.backer_compounds = frozenset(w.lower() for w in data.get("backer_compounds", ()))  # "X-backed"

    def ending(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The ``before`` phrases whose last word is ``word`` (speed only: the others cannot match there)."""
        hit = self._ending.get(word)
        if hit is None:
            hit = self._ending[word] = tuple(p for p in self.before if not p or p[-1] == word)
        return hit

    @classmethod
    def of(cls, env: Env) -> "_Cues":
        key = id(env.lex)
        hit = cls._cache.get(key)
        if hit is None:
            hit = cls._cache[key] = cls(env.lex.types.get("name_cues", {}))
        return hit


def _plain_word(tok: Any) -> bool:
    """A capitalised word with no NER label the entity pass keeps ("Three" in "Three Rivers Seed" may carry a number's
    label, "Varnholt" a work of art's)."""
    t = tok.text
    if tok.ent_type_ and tok.ent_type_ not in NUMBER_LABELS | LOOSE_LABELS or tok.is_space or tok.is_punct or len(t) < 2:
        return False
    if not (t[0].isupper() or t[0] == "i" and len(t) > 1 and t[1].isupper()):
        return False
    return all(c.isalnum() or c in "-.&'’" for c in t)


def _capitalised(t: str) -> bool:
    """What ``_plain_word`` asks of a word's text first (speed only: no token object for other words)."""
    return len(t) >= 2 and (t[0].isupper() or t[0] == "i" and t[1].isupper())


def _bare_runs(doc: Any, taken: set[int], env: Env, cues: _Cues) -> Iterator[tuple[int, int, int]]:
    """(start, end, legal) of maximal runs of capitalised words no candidate and no NER label touches; ``legal`` is 1
    when a legal form ("GmbH", "Inc.") follows the run and belongs to the name."""
    n = len(doc)
    texts = TokenIndex.of(doc).text
    i = 0
    while i < n:
        if i in taken or not _capitalised(texts[i]) or not _plain_word(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and j - i < MAX_WORDS and j not in taken and _plain_word(doc[j]) and not doc[j].is_sent_start \
                and "\n" not in doc[j - 1].whitespace_ and doc[j - 1].whitespace_:
            j += 1
        start, end = i, j
        i = j
        legal = 0
        while end > start and doc[end - 1].lower_.strip(".,") in env.lex.company_legal:
            end -= 1
            legal += 1
        if end == start or not _name_words(doc, start, end, env, cues) or _inside_name(doc, start, end):
            continue
        if legal == 0 and end < n and end not in taken and doc[end].lower_.strip(",") in env.lex.company_legal \
                and doc[end - 1].whitespace_:
            legal = 1
        yield start, end, min(legal, 1)


def _inside_name(doc: Any, start: int, end: int) -> bool:
    """Part of a longer name the NER labelled in part ("Tessel | Logic", "HEC | Paris", "Hi | ! PARIS")."""
    if start > 0 and not doc[start].is_sent_start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha \
            and "\n" not in doc[start - 1].whitespace_:
        return True
    if end < len(doc) and (doc[end].text in ("!", "@", "&") or doc[end].text[:1].isupper() and doc[end].is_alpha
                           and "\n" not in doc[end - 1].whitespace_):
        return True
    return False


def _name_words(doc: Any, start: int, end: int, env: Env, cues: _Cues) -> bool:
    """Not a common word, a title, a time word or a generic phrase."""
    w, lex = env.words, env.lex
    lows = [t.lower_.rstrip(".") for t in doc[start:end]]
    first = lows[0]
    numbers = sum(1 for t in doc[start:end] if t.ent_type_ in NUMBER_LABELS)
    if numbers and numbers * 2 >= end - start + 1:
        return False  # "Two" alone, "One Two": a number, not a name
    if first in cues.not_names or first in lex.ner_stop or first in w.time_words or first in w.non_name_first_words:
        return False
    if first in env.titles or first in w.sentence_adverbs or first in w.sentence_prepositions or first in w.articles:
        return False
    if any(x in w.job_title_words or x in w.job_title_modifiers or x in w.furniture_words for x in lows) \
            or all(x in env.title_words for x in lows):
        return False  # "Chief", "Senior Partner", "Data Science"; not "Seberang Data Works" (a function word inside)
    if all(x in env.generic_words or x in lex.generic_name_words for x in lows):
        return False
    if end - start == 1 and (doc[start].is_stop or first in env.lex.role_nouns):
        return False  # "Partner" in "Ngozi Eze, Partner, Lagoon Capital" is a title
    if first in lex.countries or first.endswith(w.demonym_endings) and end - start == 1:
        return False
    return not (end - start == 1 and doc[start].text.isupper() and len(doc[start].text) <= 2)


def _cue_type(doc: Any, start: int, end: int, legal: int, env: Env, cues: _Cues, ends: dict, starts: dict) -> str | None:
    """The type the words around ``doc[start:end]`` give it, or None when they say nothing."""
    if legal:
        return "Company"
    if _compound(doc, end):
        if doc[end + 1].lower_ in cues.backer_compounds:
            return env.lex.default_org  # "Harborview-backed Kelvara Labs": who backs is an organisation
        return None  # "Nairobi-based Kasuku Ventures": a place in a compound
    return (_described(doc, start, end, env) or _before(doc, start, env, cues) or _after(doc, start, end, env, cues)
            or _listed(doc, start, end, env, ends, starts) or _bulleted(doc, start, end, env)
            or _roster_org(doc, start, env, ends))


def _roster_org(doc: Any, start: int, env: Env, ends: dict) -> str | None:
    """"Marta Quispe, Head of Data Science, Electro Andes": a person, a capitalised title set off by commas (with its
    portfolio after "of"), then the name: where a roster line names the person's organisation."""
    if start < 4 or doc[start - 1].text != ",":
        return None
    k = start - 2
    while k > start - 10 and k > 0 and doc[k].text not in (",", "(", ";") and "\n" not in doc[k].whitespace_:
        k -= 1
    if doc[k].text != "," or not doc[k + 1].text[:1].isupper() or doc[k + 1].lower_ not in env.title_words:
        return None
    if not any(t.lower_ in env.words.job_title_words for t in doc[k + 1:start - 1]):
        return None
    person = ends.get(k)
    return env.lex.default_org if person is not None and person.type == "Person" else None


def _described(doc: Any, start: int, end: int, env: Env) -> str | None:
    """"Optilac, a spin-out of LCMP", "CeADAR, Ireland's centre for applied AI": the apposition says the type."""
    n = len(doc)
    if end + 2 >= n or doc[end].text != ",":
        return None
    if start > 0 and doc[start - 1].lower_ in ("in", "at", "near") and doc[end + 1].lower_ == "the":
        return None  # "headquartered in Toronto, the company has ...": the description is the next clause's subject
    nxt = doc[end + 1]
    if nxt.lower_ in ("a", "an", "the"):
        k = end + 2
    elif nxt.text[:1].isupper() and any(doc[j].text in env.words.possessive for j in range(end + 2, min(n, end + 5))):
        k = end + 1  # "Ireland's centre for ..."
    else:
        return None
    said = env.words.description_types.get(env.typer.description_head(doc, k) or "")
    return said if said in ORG_TYPES else None


def _before(doc: Any, start: int, env: Env, cues: _Cues) -> str | None:
    """"the reinsurer Rigi Re", "co-founded Helixa", "chief executive of DeepVolt", "a professor at Tarsk"."""
    pre = env.typer.premodifier_type(doc, start)
    if pre is not None:
        return pre
    if doc[start].text not in forms().given and trade_noun_before(doc, start, _run_end(doc, start)) is not None:
        return "Company"  # "the Polish timber buyer Drewno Podhale": no given name, a trade noun before
    if start >= 2 and doc[start - 1].is_lower and doc[start - 1].lower_ in env.words.org_premodifiers \
            and (doc[start - 2].is_sent_start or doc[start - 2].lower_ in ("by", "from", "with", "at", "and", "to", "for",
                                                                            "including", "of", "as", "like")):
        return env.words.org_premodifiers[doc[start - 1].lower_]  # "from chipmaker Helixa"
    for phrase in cues.ending(doc[start - 1].lower_ if start > 0 else ""):
        k = start - len(phrase)
        if k >= 0 and tuple(t.lower_ for t in doc[k:start]) == phrase:
            if phrase[-1] == "at" and len(phrase) > 1 and phrase[-2] in cues.academic_roles:
                return "Institute"
            return env.lex.default_org
    return None


def _run_end(doc: Any, start: int) -> int:
    """End of the capitalised run opening at ``start`` (at most four words)."""
    k = start
    while k < len(doc) and k < start + 4 and doc[k].is_title and doc[k].is_alpha:
        k += 1
    return k


def _after(doc: Any, start: int, end: int, env: Env, cues: _Cues) -> str | None:
    """"Optilac, a spin-out of LCMP", "Quillmark's chief executive", "DeepVolt raised $4 million"."""
    n = len(doc)
    if end + 1 < n and doc[end].text in env.words.possessive and doc[end + 1].is_lower:
        k = end + 1
        while k < min(n, end + 4) and doc[k].is_lower and doc[k].lower_ in env.words.job_title_modifiers:
            k += 1  # "X's chief executive", "X's senior investors"
        if k < n and (doc[k].lower_ in cues.possessed or doc[k].lower_ in env.words.job_title_words):
            return env.lex.default_org
    noun = _noun_after(doc, start, end, env, cues)
    if noun is not None:
        return noun
    return "Company" if _raised(doc, end, cues) or _founded_by_person(doc, end) else None


def _noun_after(doc: Any, start: int, end: int, env: Env, cues: _Cues) -> str | None:
    """"the Norrsken22 fund", "the Velora group said": an organisation noun closing the phrase after the name (not
    "the Bergen startup Fjellkode", where the name is the firm's place, nor "the Toronto startup scene")."""
    n = len(doc)
    if start == 0 or doc[start - 1].lower_ not in ("the", "its", "their", "our") or end + 1 >= n \
            or not doc[end].is_lower or doc[end].lower_ not in cues.after_nouns:
        return None
    nxt = doc[end + 1]
    if not (nxt.is_punct or nxt.is_stop or nxt.lower_ in env.words.report_verbs or nxt.lower_ in cues.raise_words):
        return None
    said = env.words.description_types.get(doc[end].lower_) or env.words.org_premodifiers.get(doc[end].lower_)
    if said == "Programme" or doc[end].lower_ in ("programme", "program"):
        return "Programme"  # "its Nova Ideia programme"
    return said if said in ORG_TYPES else env.lex.default_org


def _raised(doc: Any, end: int, cues: _Cues) -> bool:
    """"DeepVolt raised $4 million", "Helixa has closed a seed round", "X is leading the round"."""
    n = len(doc)
    k = end
    while k < n and k < end + 2 and doc[k].lower_ in ("has", "have", "had", "is", "was", "also", "recently", "just"):
        k += 1
    if k < n and doc[k].lower_ in cues.raise_words:
        for t in doc[k + 1:min(n, k + 8)]:
            if t.ent_type_ == "MONEY" or t.text[:1] in "$€£¥" or t.lower_ in cues.money_words:
                return True
    return False


def _compound(doc: Any, end: int) -> bool:
    """"Nairobi-based", "Seattle-headquartered": the name opens a hyphenated compound."""
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_ and doc[end + 1].is_lower


def _typed_org(doc: Any, c: Candidate, env: Env) -> bool:
    """An organisation whose type is known, not guessed: listed, said by the text, read as one by the NER, or given
    by its head words (not a place the NER read as a person and a default made a firm)."""
    return c.type in ORG_TYPES and (c.entry is not None or c.ctx_typed or c.label == "ORG" and c.source == "ner"
                                    or env.typer.type_of_name(TokenIndex.of(doc).text[c.start:c.end]) is not None)


def _listed(doc: Any, start: int, end: int, env: Env, ends: dict, starts: dict) -> str | None:
    """"Google, Helixa and Microsoft": a list member next to a typed organisation takes its type. A comma alone is
    no list: "Hemi Walker, Te Ara Innovation Agency" is a roster line, "However, Google" an opener."""
    if end < len(doc) and doc[end].text in ("-", "–"):
        return None  # "Microsoft and Seattle-based Amazon"
    left = right = None
    for g in set(env.words.list_gaps):
        c = ends.get(start - len(g))
        if c is not None and _typed_org(doc, c, env) and tuple(t.lower_ for t in doc[start - len(g):start]) == g:
            left = (c, g)
        c = starts.get(end + len(g))
        if c is not None and _typed_org(doc, c, env) and tuple(t.lower_ for t in doc[end:end + len(g)]) == g:
            right = (c, g)
    for side in (left, right):
        if side is not None and {"and", "or"} & set(side[1]):
            return side[0].type
    if left is not None and right is not None:
        return left[0].type  # "Google, Helixa, Microsoft"
    if left is not None and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("and", "or"):
        return left[0].type  # "Google, Helixa, and a dozen start-ups"
    return None


def _bulleted(doc: Any, start: int, end: int, env: Env) -> str | None:
    """"- Kestrel Agronomics (Brandon), which ...", "- Darija Speech (Rabat): ...": a bulleted item with its town in
    brackets is an organisation; so is "- Seberang Data Works, a ..." / "- Ashtamudi Data Works, Kollam", an item
    opening with a name its own head word types, closed by a comma, colon or bracket."""
    if start == 0 or doc[start - 1].text not in BULLETS:
        return None
    if start >= 2 and "\n" not in doc[start - 2].text and "\n" not in doc[start - 2].whitespace_:
        return None
    if doc[start].text in forms().given and env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) is None:
        return None  # "• Liesbet Claes (Kempen Institute for Sensors)": a roster line names a person
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].text[:1].isupper() \
            and any(doc[k].text[:1] == ")" for k in range(end + 2, min(len(doc), end + 9))):
        return "Company"  # the tokenizer keeps "):" and ")," whole
    if end - start >= 2 and end < len(doc) and doc[end].text in (",", ":", "(", ";"):
        own = env.typer.type_of_name(TokenIndex.of(doc).text[start:end])
        return own if own in ORG_TYPES else None
    return None


#: office-holders whose office is a body named after them ("Marshal's Office", "Premier's Department")
OFFICE_HOLDERS = frozenset({"marshal", "premier", "governor", "mayor", "prefect", "president", "minister", "chancellor"})


def split_place_possessive(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """"Dartmouth's Sackville Marine Sciences Institute" read as one name: the possessor is a place and the rest the
    body ("Toronto's Vector Institute"). Only when the rest is an institute, agency or programme by its head words
    and opens with its own name ("Lion's Head Ventures" is a firm, "King's College London" one name)."""
    out: list[Candidate] = []
    for s in cands:
        k = next((k for k in range(s.start + 1, s.end - 2) if doc[k].text in env.words.possessive), None)
        if k is not None and s.type == "Company" and s.source != "gazetteer" and _town_possessor(doc, s.start, k, s.end, env):
            out.extend(_split_at(doc, s, k, env))  # "Ulaanbaatar's Tavan Bogd Machinery": a known town's firm
            continue
        if k is None or s.source == "gazetteer" or s.type not in ("Institute", "Agency", "Programme") or k - s.start > 2:
            out.append(s)
            continue
        left, right = TokenIndex.of(doc).text[s.start:k], TokenIndex.of(doc).text[k + 1:s.end]
        if doc[k - 1].lower_ in env.words.job_title_words or doc[k - 1].lower_ in OFFICE_HOLDERS:
            out.append(s)  # "the Governor's Office of ...", "the Marshal's Office": an office-holder's body, one name
            continue
        if not all(t.is_title for t in doc[s.start:k]) or env.typer.type_of_name(left) is not None \
                or doc[k + 1].lower_ in env.lex.institute_words or env.typer.type_of_name(right) != s.type:
            out.append(s)
            continue
        out.extend(_split_at(doc, s, k, env))
    return out


def _split_at(doc: Any, s: Candidate, k: int, env: Env) -> list[Candidate]:
    """The place before the possessive at ``k`` and the body after it."""
    entry = env.gaz.lookup(TokenIndex.of(doc).span_text(s.start, k))
    place = Candidate(s.start, k, entry.type if entry else "Cluster", "gazetteer" if entry else "rule", label="GPE",
                      entry=entry)
    place.place = place.type == "Cluster" and not (entry is not None and entry.is_metro)
    return [place, Candidate(k + 1, s.end, s.type, "rule", label=s.label)]


def _town_possessor(doc: Any, start: int, k: int, end: int, env: Env) -> bool:
    """"Syracuse's Onondaga Battery Works": a known town's possessive, then a name of two or more capitalised words."""
    return town_possessor(doc, start, k) and end - k - 1 >= 2 and all(t.text[:1].isupper() for t in doc[k + 1:end]) \
        and env.typer.type_of_name(TokenIndex.of(doc).text[start:k]) is None
