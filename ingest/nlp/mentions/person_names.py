"""Stage person_names: people's names the NER missed, cut short or read as organisations, from their form and place.

* A given name right before a person's name on its line opens that name ("Founders: Catalina | Reyes Urrutia",
  "- Marat | Iskakov, managing director of ..."): the NER often drops an unfamiliar first name.
* A name typed an organisation only by default (no head word, no description, no gazetteer entry) is a person where the
  text treats it as one: a job title after it ("Bishnu Poudel, Communications Manager", "Farhana Sultana (Senior
  Fellow, ...)"), a label of people before it ("Editor: Faryal Anjum", "By Mutinta Hamoonga"), an honorific ("Dr.")
  or a role noun in apposition ("The guide's editor, Faryal Anjum,"); with a given name also a phrase that may take a
  person ("chaired by", "angel investor") or a roster line's opening place ("- Aynur Babayeva (Shamakhi Wine ...)").
* A bare capitalised run the NER left alone is added as a person on the same cues, and on a bulleted roster line
  whose sibling lines open with people ("- Ruwan Ekanayake, Serendib Development Bank" under two "- Dr. X, Org").

Given names come from ``data/lexicon/first_names.txt`` (``scripts/build_first_names.py``, from Faker's lists) and
``given_names_world.txt`` (written by hand for the naming customs Faker lacks); the
cue words from ``data/lexicon/person_forms.json``. Never a gazetteer name, never a name with an organisation or
programme head word ("Elmira Foundation", "Tero Analytics"), never a name the text itself typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.world_names import run_type, world_name_words

#: organisation types a default reading may have given a person's name
_DEFAULT_ORGS = ("Company", "Institute")
#: closing quotation marks after which a quote's speaker is named
_QUOTE_CLOSERS = frozenset({'"', "”", "''", "’"})


@dataclass(frozen=True)
class PersonForms:
    """The word lists of ``person_forms.json`` and the given names."""

    given: frozenset[str]
    labels: frozenset[str]
    plural_labels: frozenset[str]
    honorifics: frozenset[str]
    weak_before: tuple[tuple[str, ...], ...]
    bullets: frozenset[str]
    particles: frozenset[str]

    _cache: Any = None

    @classmethod
    def load(cls, directory: Path | None = None) -> "PersonForms":
        folder = Path(directory) if directory is not None else Path(str(shipped("lexicon", "person_forms.json"))).parent
        data = json.loads((folder / "person_forms.json").read_text(encoding="utf-8"))
        given = frozenset(line.strip() for name in (data["given_names_file"], *data.get("more_given_names_files", ()))
                          for line in (folder / name).read_text(encoding="utf-8").splitlines()
                          if line.strip() and not line.startswith("#"))
        low = lambda key: frozenset(w.lower() for w in data.get(key, ()))  # noqa: E731
        return cls(given, low("people_labels"), low("plural_labels"), low("honorifics"),
                   tuple(tuple(p.lower().split()) for p in data.get("weak_before", ())), frozenset(data.get("bullets", ())),
                   frozenset(data.get("name_particles", ())))


_FORMS: dict[str, PersonForms] = {}


def forms() -> PersonForms:
    """The shipped person forms, loaded once per process."""
    hit = _FORMS.get("shipped")
    if hit is None:
        hit = _FORMS["shipped"] = PersonForms.load()
    return hit


def person_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Open people's names at a given name, retype default organisations the text treats as people, add bare runs."""
    f = forms()
    cands = _join_split_names(doc, cands, env, f)
    taken = _taken(cands, len(doc))
    for c in cands:
        _close_hyphen(doc, c, taken)
        _open_at_given_name(doc, c, taken, env, f, cands)
    added = [Candidate(a, b, "Person", "rule", label="PERSON", ctx_typed=True)
             for a, b in _bare_runs(doc, taken, env, f) if _said_person(doc, a, b, env, f, cands)]
    if added:
        cands = sorted(cands + added, key=lambda c: (c.start, c.end))
    people = {tuple(t.text for t in doc[c.start:c.end]) for c in cands if c.type == "Person" and c.end - c.start >= 3}
    for c in cands:
        if c.type == "Person" and c.canonical is None and c.end - c.start <= 2 and c.source == "ner":
            _part_of_person(doc, c, people)  # "Paz said" after "Óscar Paz Bendaña", "Mamani Torrico is": who it is
        if _retypable(doc, c, env, f) and (_said_person(doc, c.start, c.end, env, f, cands)
                                           or _part_of_person(doc, c, people)):
            c.type, c.ctx_typed, c.place, c.label = "Person", True, False, "PERSON"
        elif _waiting_place(doc, c, env, f) and _strongly_person(doc, c.start, c.end, env, f):
            c.type, c.ctx_typed, c.place, c.label = "Person", True, False, "PERSON"  # "By Mutinta Hamoonga" read as a place
        elif c.type == "Person" and c.source == "ner" and not c.ctx_typed and doc[c.start].text not in f.given \
                and _org_slot(doc, c.start, env, cands):
            c.type, c.label = env.lex.default_org, "ORG"  # "Kamran Rzayev, co-founder, Goygol Vision"
    people = {tuple(t.text for t in doc[c.start:c.end]) for c in cands if c.type == "Person" and c.end - c.start >= 3}
    for c in cands:  # again with the names retyped above ("Lucía Mamani Torrico" read as a firm, then "Mamani Torrico")
        if c.type == "Person" and c.canonical is None and c.end - c.start == 2 and c.source == "ner":
            _part_of_person(doc, c, people)
    return cands


# ---------------------------------------------------------------------------------------------- the name itself
def _taken(cands: list[Candidate], n: int) -> list[Candidate | None]:
    taken: list[Candidate | None] = [None] * n
    for c in cands:
        for k in range(c.start, c.end):
            taken[k] = c
    return taken


def _word(tok: Any) -> bool:
    """A capitalised alphabetic word of a personal name ("Quiñones", "Shrestha"), not all capitals ("KTU")."""
    t = tok.text
    return t.isalpha() and t[:1].isupper() and not (len(t) > 1 and t.isupper())


def person_shaped(doc: Any, start: int, end: int, f: PersonForms) -> bool:
    """Two to four name words, hyphen-joined parts ("Shrestha-Bell") and particles ("De Smedt") allowed."""
    words = 0
    k = start
    while k < end:
        tok = doc[k]
        if tok.text == "-" and k > start and not doc[k - 1].whitespace_ and not tok.whitespace_ and k + 1 < end:
            k += 1
            continue
        if _word(tok):
            words += 0 if k > start and doc[k - 1].text == "-" else 1
        elif not (tok.text in f.particles and start < k < end - 1):
            return False
        if "\n" in tok.whitespace_ and k < end - 1:
            return False
        k += 1
    return 2 <= words <= 4


def _not_a_name_word(tok: Any, env: Env, f: PersonForms) -> bool:
    """A stop word, a label, an honorific or a title ("By", "Dr", "Governor"): never the first word of a name."""
    low = tok.lower_.rstrip(".")
    return tok.is_stop or low in f.labels or low in f.honorifics or low in env.titles or low in env.title_words


def _org_words(doc: Any, start: int, end: int, env: Env) -> bool:
    """A head word of an organisation or programme, a job title or a generic word inside the name."""
    words = [t.text for t in doc[start:end]]
    if env.typer.type_of_name(words) is not None or run_type(doc, start, end, world_name_words()) is not None:
        return True  # an English head ("Foundation") or one of another language ("Birliği", "AS")
    low = {w.lower() for w in words}
    return bool(low & (env.words.job_title_words | env.generic_words | env.lex.company_last | env.lex.hub_words))


def _retypable(doc: Any, c: Candidate, env: Env, f: PersonForms, whole: bool = True) -> bool:
    """An organisation reading only by default: no gazetteer entry, no cue in the name, nothing the text said
    (``whole``: the reading is person-shaped by itself, not one word of a split name)."""
    return (c.type in _DEFAULT_ORGS and c.entry is None and not c.ctx_typed and c.acronym_of is None
            and c.coref is None and c.source in ("ner", "rule")
            and (person_shaped(doc, c.start, c.end, f) if whole else _word(doc[c.start]))
            and not _org_words(doc, c.start, c.end, env))


def _join_split_names(doc: Any, cands: list[Candidate], env: Env, f: PersonForms) -> list[Candidate]:
    """"Ayelech | Worku, Professor, X": the NER may read each word of an unfamiliar name as its own organisation;
    two such one-word readings side by side are one person where the text treats the pair as one."""
    drop: set[int] = set()
    order = sorted(range(len(cands)), key=lambda i: cands[i].start)
    for x, y in zip(order, order[1:]):
        a, b = cands[x], cands[y]
        if x in drop or a.end != b.start or a.end - a.start != 1 or b.end - b.start != 1 \
                or doc[a.start].whitespace_ != " " or not all(_retypable(doc, c, env, f, whole=False) for c in (a, b)):
            continue
        if not person_shaped(doc, a.start, b.end, f) or _org_words(doc, a.start, b.end, env) \
                or not _said_person(doc, a.start, b.end, env, f, cands):
            continue
        a.end, a.type, a.ctx_typed, a.place, a.label, a.canonical = b.end, "Person", True, False, "PERSON", None
        drop.add(y)
    return [c for i, c in enumerate(cands) if i not in drop] if drop else cands


def _close_hyphen(doc: Any, c: Candidate, taken: list[Candidate | None]) -> None:
    """"Mumuni Dawuda | -Tia": the NER may stop a person's name inside a hyphenated surname; the name takes it."""
    e = c.end
    if c.type != "Person" or e + 1 >= len(doc) or doc[e].text != "-" or doc[e - 1].whitespace_ or doc[e].whitespace_ \
            or taken[e] is not None or taken[e + 1] is not None or not _word(doc[e + 1]):
        return
    taken[e] = taken[e + 1] = c
    c.end = e + 2


def _open_at_given_name(doc: Any, c: Candidate, taken: list[Candidate | None], env: Env, f: PersonForms,
                        cands: list[Candidate]) -> None:
    """"Catalina | Reyes Urrutia": an untaken given name right before a person's name on its line opens it."""
    b = c.start - 1
    if b < 0 or c.entry is not None or taken[b] is not None or not _word(doc[b]) or _not_a_name_word(doc[b], env, f) \
            or "\n" in doc[b].whitespace_ or doc[b].whitespace_ != " ":
        return
    if doc[b].text not in f.given and not (_opens_line(doc, b, f) and (_title_after(doc, c.end, env)
                                                                        or _label_before(doc, b, f, first_only=True))) \
            and not (c.type != "Person" and _listed_with_person(doc, b, c.end, cands)):
        return  # "- Anand | Krishna Pillai, Treasurer": a roster line's opener with a title after it
    if c.type == "Person":
        pass
    elif not (c.type in _DEFAULT_ORGS and not c.ctx_typed and c.coref is None and c.acronym_of is None
              and not _org_words(doc, c.start, c.end, env)):
        return
    if not person_shaped(doc, b, c.end, f) or (c.type != "Person" and not _said_person(doc, b, c.end, env, f, cands)):
        return
    taken[b] = c
    c.start = b
    c.type, c.label, c.place, c.canonical = "Person", "PERSON", False, None
    c.ctx_typed = c.ctx_typed or c.type == "Person"


def _bare_runs(doc: Any, taken: list[Candidate | None], env: Env, f: PersonForms) -> list[tuple[int, int]]:
    """Untaken person-shaped runs of two to four words that end before a comma, a bracket, a semicolon or a line end."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    i = 0
    while i < n:
        if taken[i] is not None or not _word(doc[i]) or _not_a_name_word(doc[i], env, f):
            i += 1  # "By Mutinta Hamoonga", "Dr Sione Fifita": a byline word or a title opens no name
            continue
        j = i + 1
        while j < n and taken[j] is None and (_word(doc[j]) or doc[j].text in f.particles and j + 1 < n
                                              and _word(doc[j + 1]) or doc[j].text == "-" and not doc[j].whitespace_
                                              and not doc[j - 1].whitespace_) and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if 2 <= j - i <= 6 and person_shaped(doc, i, j, f) and not _org_words(doc, i, j, env) \
                and (j >= n or doc[j].text in (",", "(", ";", "|", "—", "–") or "\n" in doc[j - 1].whitespace_
                     or doc[j].is_space):
            out.append((i, j))
        i = j
    return out


# ---------------------------------------------------------------------------------------------- what the text says
def _strongly_person(doc: Any, start: int, end: int, env: Env, f: PersonForms) -> bool:
    """A title after the name, a people label or an honorific before it, a role apposition, a quoted speaker."""
    return _title_after(doc, end, env) or _label_before(doc, start, f, first_only=True) or _honorific(doc, start, f) \
        or _role_apposition_before(doc, start, env) or _speaker(doc, start, end, env) or _label_line_above(doc, start, f)


def _said_person(doc: Any, start: int, end: int, env: Env, f: PersonForms, cands: list[Candidate]) -> bool:
    """The text treats the span as a person: strongly (title after, people label, honorific, role apposition), or
    weakly with a given name (a phrase that may take a person, a roster line's opening place, sibling people, a
    person beside it in a list)."""
    if _strongly_person(doc, start, end, env, f):
        return True
    if doc[start].text not in f.given:
        return _roster_sibling(doc, start, end, f, cands) and _opens_line(doc, start, f) \
            or _listed_with_person(doc, start, end, cands) and doc[start].whitespace_ == " " \
            or _after_quote(doc, start) and _who_after(doc, end)
    return bool(_label_before(doc, start, f, first_only=False) or _weak_before(doc, start, f)
                or _after_quote(doc, start) or _who_after(doc, end)
                or (_opens_line(doc, start, f) or _after_spaced_dash(doc, start)) and _roster_tail(doc, end, cands)
                or _roster_sibling(doc, start, end, f, cands) or _listed_with_person(doc, start, end, cands))


def _after_quote(doc: Any, start: int) -> bool:
    """"'The data is clear,' Bishnu Prasad Adhikari, who ...": the name right after a quotation that a comma (or "?",
    "!") closes is the speaker's place."""
    return start >= 2 and doc[start - 1].text in _QUOTE_CLOSERS and doc[start - 2].text in (",", "?", "!")


def _who_after(doc: Any, end: int) -> bool:
    """"Tigist Haile, who leads ...": the relative pronoun "who" is said of people."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"


def _part_of_person(doc: Any, c: Candidate, people: set[tuple[str, ...]]) -> bool:
    """"Reyes Urrutia had earlier ..." after "Catalina Reyes Urrutia": the last words of a named person (who it is)."""
    words = tuple(t.text for t in doc[c.start:c.end])
    full = sorted(p for p in people if len(p) > len(words) and p[-len(words):] == words
                  or len(words) == 1 and len(p) == 3 and p[1] == words[0] and p[0] != words[0])  # "Paz" of "Óscar Paz Bendaña"
    if len(full) != 1:
        return False
    c.canonical = " ".join(full[0])
    return True


def _waiting_place(doc: Any, c: Candidate, env: Env, f: PersonForms) -> bool:
    """An NER place reading still waiting for context ("By Mutinta Hamoonga" read as a town)."""
    return c.type == "Cluster" and c.place and c.source == "ner" and c.entry is None and not c.ctx_typed \
        and person_shaped(doc, c.start, c.end, f) and not _org_words(doc, c.start, c.end, env)


def _after_spaced_dash(doc: Any, start: int) -> bool:
    """"Forecasting river floods - Anaru Parata, Kererū Analytics": a speaker after a talk title and a dash."""
    return start >= 1 and doc[start - 1].text in ("-", "–", "—") and bool(doc[start - 1].whitespace_) \
        and start >= 2 and bool(doc[start - 2].whitespace_)


def _listed_with_person(doc: Any, start: int, end: int, cands: list[Candidate]) -> bool:
    """"founded by Mereana Hollis and Sanjay Ramlal": a name joined by "and" or a comma to a person."""
    if start >= 1 and doc[start - 1].lower_ in ("and", "&"):  # a comma is a roster line's "Person, Org"
        if any(c.end == start - 1 and c.type == "Person" for c in cands):
            return True
    return end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and any(
        c.start == end + 1 and c.type == "Person" for c in cands)


def _line_start(doc: Any, k: int) -> bool:
    return k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space and "\n" in doc[k - 1].text


def _opens_line(doc: Any, start: int, f: PersonForms) -> bool:
    """The span opens its line, after a bullet or an honorific at most ("- Dr. Nilmini Herath, KIPI")."""
    k = start
    while k > 0 and not _line_start(doc, k) and (doc[k - 1].lower_ in f.honorifics or doc[k - 1].text == "."
                                                 and k >= 2 and doc[k - 2].lower_ + "." in f.honorifics):
        k -= 1
    if _line_start(doc, k):
        return True
    return k >= 1 and doc[k - 1].text in f.bullets and _line_start(doc, k - 1)


def _title_after(doc: Any, end: int, env: Env) -> bool:
    """", Communications Manager", ", President and Chief Executive Officer;", " (Senior Fellow, Org)", " (chair)",
    ", professor at ...", " | Program Lead |", " — chief executive of": a job title right after the name."""
    n = len(doc)
    if end + 1 >= n or doc[end].text not in (",", "(", "|", "—", "–"):  # "A | Program Lead | Org", "A — chief executive"
        return False
    if doc[end].text == "," and env.typer.role_apposition(doc, end):
        return True
    w = env.words
    words = w.job_title_words | w.job_title_modifiers | w.job_function_words
    seen_title = False
    k = end + 1
    while k < n and k < end + 9:
        tok = doc[k]
        low = tok.lower_.rstrip(".")
        if tok.text in (",", ";", ")", "|") or tok.is_space or "\n" in doc[k - 1].whitespace_ and k > end + 1:
            return seen_title
        if low in w.job_title_words:
            seen_title = True
        elif seen_title and low in ("of", "at") and doc[end].text in ("—", "–"):
            return True  # "A — chief executive of X —": an aside's title ends where its organisation begins
        elif not (low in words or tok.text in ("-", "/", "&") or low == "and"):
            return seen_title and low in ("of", "at")
        k += 1
    return seen_title and k >= n


def _title_words(doc: Any, a: int, b: int, env: Env) -> bool:
    """Tokens ``a:b`` are a job title ("co-founder", "Executive Director", "vice-chair")."""
    w = env.words
    words = w.job_title_words | w.job_title_modifiers | w.job_function_words
    toks = [t for t in doc[a:b]]
    return bool(toks) and any(t.lower_.rstrip(".") in w.job_title_words for t in toks) and all(
        t.lower_.rstrip(".") in words or t.text in ("-", "/", "&") or t.lower_ == "and" for t in toks)


def _org_slot(doc: Any, start: int, env: Env, cands: list[Candidate]) -> bool:
    """"Person, Title, X" / "Person (title, X": X sits where a roster line names the person's organisation."""
    if start < 3 or doc[start - 1].text != ",":
        return False
    k = start - 2
    while k > 0 and doc[k].text not in (",", "(") and "\n" not in doc[k].whitespace_ and k > start - 8:
        k -= 1
    if doc[k].text not in (",", "(") or not _title_words(doc, k + 1, start - 1, env):
        return False
    return any(c.end == k and c.type == "Person" for c in cands)


def _label_before(doc: Any, start: int, f: PersonForms, first_only: bool) -> bool:
    """"Editor: Faryal Anjum", "By Mutinta Hamoonga": a label of people opening the line; with ``first_only`` only its
    first item, else any item of a plural label's list ("Founders: A, B")."""
    k = start - 1
    while k >= 0 and doc[k].lower_.rstrip(".") in f.honorifics | {"."}:
        k -= 1
    if k < 0:
        return False
    if doc[k].text == ":" or doc[k].lower_ == "by" and (k == 0 or _line_start(doc, k) or doc[k - 1].text in f.bullets):
        a = k if doc[k].lower_ == "by" else k - 1
        b = a
        while b > 0 and not _line_start(doc, b) and b > a - 3:
            b -= 1
        if not _line_start(doc, b) and not (b >= 1 and doc[b - 1].text in f.bullets):
            return False
        label = " ".join(t.lower_ for t in doc[b:k + 1] if t.text != ":")
        return label in f.labels
    if first_only:
        return False
    j = k  # a later item of a plural label's line: "Founders: A, B and C"
    while j >= 0 and not _line_start(doc, j + 1 if j + 1 < len(doc) else j):
        if doc[j].text == ":":
            b = j
            while b > 0 and not _line_start(doc, b):
                b -= 1
            return " ".join(t.lower_ for t in doc[b:j]) in f.plural_labels
        j -= 1
    return False


def _label_line_above(doc: Any, start: int, f: PersonForms) -> bool:
    """"Media contact" alone on the line above "Jean-Marc Ehui, Communications, ...": a people label as a heading
    opens the next line with a person."""
    if not _opens_line(doc, start, f):
        return False
    a, _ = _line_bounds(doc, start)
    if a == 0:
        return False
    b, e = _line_bounds(doc, a - 1)
    while b > 0 and e - b == 1 and doc[b].is_space:  # a blank line between
        b, e = _line_bounds(doc, b - 1)
    words = [t.lower_ for t in doc[b:e] if not t.is_space and t.text != ":"]
    return 0 < len(words) <= 3 and " ".join(words) in f.labels


def _speaker(doc: Any, start: int, end: int, env: Env) -> bool:
    """"said Jane Doe." / "Jane Doe said": the quoted speaker, not "said Kaimai Vision Chief Executive Mereana Hollis"."""
    if not env.typer.speaker(doc, start, end):
        return False
    return end >= len(doc) or doc[end].is_punct or doc[end].lower_ in env.words.speech_verbs_after


def _honorific(doc: Any, start: int, f: PersonForms) -> bool:
    """"Dr. Nilmini Herath", "Eng. Chaminda Wijesuriya", "Prof Leyla Mammadova"."""
    k = start - 1
    if k >= 0 and doc[k].text == "." and k >= 1:
        return doc[k - 1].lower_ + "." in f.honorifics
    return k >= 0 and doc[k].lower_ in f.honorifics


def _role_apposition_before(doc: Any, start: int, env: Env) -> bool:
    """"The guide's editor, Faryal Anjum,": a role noun, a comma, the name."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    prev = doc[start - 2]
    if not (prev.is_lower and (prev.lower_ in env.lex.role_nouns or prev.lower_ in env.words.job_title_words)) \
            or prev.lower_ in ("partner", "partners", "member", "members"):
        return False  # "Its partner, Xelajú Lenguas,": a partner is a body as often as a person
    for k in range(start - 3, max(-1, start - 7), -1):  # "The guide's editor,", "its chief executive,"
        if doc[k].lower_ in ("the", "its", "their", "our", "his", "her") or doc[k].text in env.words.possessive:
            return True
        if doc[k].is_punct or "\n" in doc[k].whitespace_:
            return False
    return False


def _weak_before(doc: Any, start: int, f: PersonForms) -> bool:
    """"chaired by", "directed by", "angel investor": a phrase that takes a person (or a body)."""
    for phrase in f.weak_before:
        k = start - len(phrase)
        if k >= 0 and tuple(t.lower_ for t in doc[k:start]) == phrase:
            return True
    return False


def _roster_tail(doc: Any, end: int, cands: list[Candidate]) -> bool:
    """", Serendib Development Bank", " (Shamakhi Wine Institute, ...)": an organisation right after the name."""
    if end + 1 >= len(doc) or doc[end].text not in (",", "("):
        return False
    nxt = next((c for c in cands if c.start == end + 1), None)
    return nxt is not None and nxt.type in ("Institute", "Company", "Agency")


def _line_bounds(doc: Any, k: int) -> tuple[int, int]:
    a = k
    while a > 0 and not _line_start(doc, a):
        a -= 1
    b = k
    while b < len(doc) - 1 and not _line_start(doc, b + 1):
        b += 1
    return a, b + 1


def _roster_sibling(doc: Any, start: int, end: int, f: PersonForms, cands: list[Candidate]) -> bool:
    """A bulleted line whose neighbouring bulleted lines open with people ("- Dr. Nilmini Herath, KIPI" above
    "- Ruwan Ekanayake, Serendib Development Bank"), and the name ends at a comma or a bracket."""
    a, _ = _line_bounds(doc, start)
    if doc[a].text not in f.bullets or end >= len(doc) or doc[end].text not in (",", "("):
        return False
    people = orgs = 0
    for direction in (-1, 1):
        k = a
        for _ in range(3):
            k = _line_bounds(doc, k - 1)[0] if direction < 0 else _line_bounds(doc, k)[1]
            if k <= 0 or k >= len(doc) or doc[k].text not in f.bullets:
                break
            opener = next((c for c in cands if k < c.start <= k + 3 and c.type != "Cluster"), None)
            if opener is None:
                continue
            if opener.type == "Person":
                people += 1
            else:
                orgs += 1
    return people >= 1 and people > orgs
