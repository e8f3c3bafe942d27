"""Stage scheme_forms: scheme names the NER reads as firms or people, by the form that names them (issue 14).

Held-out text loses programmes to Company (and RUNS/FUNDS edges with them). Government programme pages, funding calls,
fact sheets and filings name a scheme in forms that say what it is even when its name has no English head word:

* a labelled line: "Related schemes: Gujarat Cluster Development Programme · Interest Subvention for MSME Technology",
  "Other programmes: A; B" (every name after the label is a programme; names the NER missed are added);
* a line that opens with the name and a runner after a dash, a bracket or a colon: "Industrial Doctorates Sibiu — run
  by UTM — co-funded PhD places", "X (administered by the regional agency): grants for ...";
* a head of another language that opens the name: "Programul Digital Centru", "Convocatoria Retos Norte",
  "Hibah Riset Nusantara" (a head the NER cut off is taken back into the name);
* a programme head the type lexicon lacks: "Smart Shipyard Subsidy", "Interest Subvention for MSME Technology",
  "Start-up Uttarakhand Compute Credit";
* a programme noun, then "known as", "called", "dubbed": "its 1512 entrepreneurship scheme, known as BiGG",
  "a small grants scheme called Northern Sparks" (added when the NER missed it);
* a capitalised run before an award noun that an article, a possessive or an amount opens: "a Small Business
  Innovation Research grant from ...", "a $900,000 Coastal Innovation Research award", "the national Startup
  Nusantara scheme";
* a description after the name whose head is a programme noun: "KarpatNet, an earlier mapping project that CTU ran",
  "AI Singapore (AISG), the national programme that ...", "Fintech Andina Lab, the accelerator programme run by ..."
  (a weak body head such as "Lab" or "Hub" yields to it); the bracketed acronym takes the type too;
* a field after "in": "the RIET Doctoral Fellowship in Climate AI" is one programme.

Never a gazetteer name, a name the text typed as something else, or a name with an organisation head word ("Halden
Data Lab — run by ..." is a unit; "a Knight Foundation grant" names its funder). A venture fund stays a firm.
Word lists: ``data/lexicon/scheme_forms.json``. Switch: ``AIKG_SCHEME_FORMS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, taken_tokens
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

ENABLED_ENV = "AIKG_SCHEME_FORMS"
_RETYPED = ORG_TYPES + ("Person", "Cluster")  # "a grants scheme called Northern Sparks" read as a place
_LABEL_REACH = 5  # words of a line label before its colon
_NAME_REACH = 9  # words of a programme name


def enabled() -> bool:
    """The stage runs unless ``AIKG_SCHEME_FORMS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class ProgrammeWordsW20:
    list_labels: frozenset[str]
    list_separators: frozenset[str]
    runner_verbs: frozenset[str]
    runner_marks: frozenset[str]
    first_heads: frozenset[str]
    last_heads: frozenset[str]
    pair_heads: frozenset[str]
    naming_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    award_nouns: frozenset[str]
    award_openers: frozenset[str]
    run_connectors: frozenset[str]
    not_heads: frozenset[str]
    award_adjectives: frozenset[str]
    description_nouns: frozenset[str]
    description_enders: frozenset[str]
    description_body_lasts: frozenset[str]
    place_lasts: frozenset[str]
    naming_two: frozenset[tuple[str, str]]


@lru_cache(maxsize=1)
def scheme_form_words() -> ProgrammeWordsW20:
    """``data/lexicon/scheme_forms.json``, read once per process."""
    name = "scheme_forms.json"
    sets = lexicon_sets(name, ("list_labels", "list_separators", "runner_verbs", "runner_marks", "first_heads",
                               "last_heads", "pair_heads", "naming_nouns", "naming_verbs", "award_nouns",
                               "award_openers", "run_connectors", "not_heads", "award_adjectives",
                               "description_nouns", "description_enders", "description_body_lasts", "place_lasts"))
    two = frozenset((a.lower(), b.lower()) for a, b in lexicon_data(name)["naming_two"])
    return ProgrammeWordsW20(*sets, two)


def scheme_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype (or add) the names a labelled line, a runner line, a head word or a naming phrase calls programmes."""
    if not enabled() or len(doc) == 0:
        return cands
    w = scheme_form_words()
    low = TokenIndex.of(doc).lower
    for c in cands:
        if _retypable(doc, c, env, head=False) and (_last_head(doc, c, env, w, low) or _described(doc, c, env, w, low)) \
                or _retypable(doc, c, env) and (_first_head(doc, c, w, low, cands) or _runner_line(doc, c, w, low)):
            _make_programme(c)
            _acronym_too(doc, c, cands)
    cands = _labelled_lines(doc, cands, env, w, low)
    cands = _named(doc, cands, env, w, low)
    return _field_tails(doc, _award_runs(doc, cands, env, w, low), env, w, low)


def _field_tails(doc: Any, cands: list[Candidate], env: Env, w: ProgrammeWordsW20, low: list[str]) -> list[Candidate]:
    """"the RIET Doctoral Fellowship in Climate AI": a programme head, "in" and a field's name are one programme (the
    field is no firm); a place after "in" stays a place ("the Fellowship Programme in Kigali")."""
    drop: set[int] = set()
    by_start = {c.start: c for c in cands}
    for c in cands:
        if c.type != "Programme" or c.entry is not None or c.end + 1 >= len(doc) or low[c.end] != "in":
            continue
        if low[c.end - 1] not in env.lex.programme_last and low[c.end - 1] not in w.last_heads:
            continue
        tail = by_start.get(c.end + 1)
        if tail is None or tail.entry is not None or tail.type not in ("Company", "Institute") or tail.ctx_typed \
                or tail.end - tail.start > 4 or world_places().kind(TokenIndex.of(doc).span_text(tail.start, tail.end)):
            continue
        c.end = tail.end
        drop.add(id(tail))
    return [c for c in cands if id(c) not in drop] if drop else cands


def _make_programme(c: Candidate) -> None:
    c.type, c.ctx_typed, c.place, c.label = "Programme", True, False, "ORG"


def _acronym_too(doc: Any, c: Candidate, cands: list[Candidate]) -> None:
    """"Halvern Launch (HL), the state programme ...": the bracketed acronym right after the name is the programme too."""
    if c.end + 2 >= len(doc) or doc[c.end].text != "(" or doc[c.end + 2].text != ")":
        return
    for a in cands:
        if a.start == c.end + 1 and a.end == c.end + 2 and a.entry is None and a.type in _RETYPED:
            _make_programme(a)


def _retypable(doc: Any, c: Candidate, env: Env, head: bool = True, listed: bool = False) -> bool:
    """A reading by default: no gazetteer entry, no type the text gave, no organisation head word in the name (unless
    ``head`` is False: the caller reads the head itself); a person's given name first only on a labelled line."""
    if c.entry is not None or c.type not in _RETYPED or c.ctx_typed or c.acronym_of is not None or c.coref is not None:
        return False
    if c.type == "Person" and not listed and doc[c.start].text in forms().given:
        return False  # "Jane Doe, a pilot for ...": a given name first says person
    return not head or _no_body_head(doc, c.start, c.end, env)


def _no_body_head(doc: Any, start: int, end: int, env: Env) -> bool:
    """The name's own words give no organisation type (a firm's last word, a body's head)."""
    return env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) in (None, "Programme")


def _first_head(doc: Any, c: Candidate, w: ProgrammeWordsW20, low: list[str], cands: list[Candidate]) -> bool:
    """"Programul Digital Centru", "Hibah Riset Nusantara": a programme head of another language opens the name (a
    capitalised head right before the name, not in another mention, is taken in)."""
    if low[c.start] in w.first_heads and c.end - c.start >= 2:
        return True
    k = c.start - 1
    if k < 0 or low[k] not in w.first_heads or not doc[k].text[:1].isupper() or "\n" in doc[k].whitespace_:
        return False
    if any(o is not c and o.start <= k < o.end for o in cands):
        return False
    c.start = k
    return True


def _last_head(doc: Any, c: Candidate, env: Env, w: ProgrammeWordsW20, low: list[str]) -> bool:
    """"Smart Shipyard Subsidy", "Interest Subvention for MSME Technology", "Start-up Uttarakhand Compute Credit"."""
    if c.end - c.start < 2 or not doc[c.end - 1].text[:1].isupper():
        return False
    heads = [c.end - 1] + [k - 1 for k in range(c.start + 1, c.end) if low[k] in ("of", "for")]
    for h in heads:
        if h > c.start and f"{low[h - 1]} {low[h]}" in w.pair_heads:
            _open_left(doc, c, low)
            return True  # "Start-up Uttarakhand Compute Credit": a two-word head says more than "Credit" alone
        if low[h] in w.last_heads and _no_body_head(doc, c.start, h + 1, env):
            _open_left(doc, c, low)
            return True  # "Interest Subvention for MSME Technology": the head before "for" says programme
    return False


def _open_left(doc: Any, c: Candidate, low: list[str]) -> None:
    """"the Start-up Uttarakhand Compute Credit" read from "Uttarakhand": take the capitalised words back to "the"."""
    k = c.start
    while k > 0 and c.start - k < 4:
        if doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper() and not doc[k - 1].is_sent_start:
            k -= 1
        elif k >= 3 and doc[k - 2].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 3].whitespace_ \
                and doc[k - 3].text[:1].isupper() and doc[k - 1].is_alpha:
            k -= 3  # "Start-up"
        else:
            break
    if k < c.start and k > 0 and low[k - 1] in ("the", "its", "their", "'s", "’s"):
        c.start = k


def _described(doc: Any, c: Candidate, env: Env, w: ProgrammeWordsW20, low: list[str]) -> bool:
    """"KarpatNet, an earlier mapping project that CTU ran", "Fintech Andina Lab, the accelerator programme run by":
    the head of the description after the name's comma is a programme noun and ends the description."""
    n = len(doc)
    e = c.end + 3 if c.end + 3 < n and doc[c.end].text == "(" and doc[c.end + 2].text == ")" else c.end  # "X (AISG), ..."
    if e + 3 >= n or doc[e].text != "," or low[e + 1] not in ("a", "an", "the"):
        return False
    cue = env.typer.type_of_name(TokenIndex.of(doc).text[c.start:c.end])
    if cue not in (None, "Programme") and not (cue == "Institute" and low[c.end - 1] in w.description_body_lasts):
        return False
    k = e + 2
    while k < n and k - c.end < 8 and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-"
                                       or doc[k].like_num or doc[k].text.startswith("$")):
        if low[k] in w.description_enders:
            break
        k += 1
    head = k - 1
    return head > e + 1 and low[head] in w.description_nouns and k < n and low[k] in w.description_enders


def _line_start(doc: Any, k: int) -> bool:
    """Token ``k`` opens a line (or follows a bullet that does)."""
    if k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].text.startswith("\n"):
        return True
    return k == 1 or doc[k - 1].text in ("-", "•", "*", "·") and (k == 1 or "\n" in doc[k - 2].whitespace_
                                                                   or doc[k - 2].text.startswith("\n"))


def _runner_line(doc: Any, c: Candidate, w: ProgrammeWordsW20, low: list[str]) -> bool:
    """"Industrial Doctorates Sibiu — run by UTM — ...": the name opens its line and a runner follows a mark."""
    n = len(doc)
    if not _line_start(doc, c.start) or c.end + 2 >= n or doc[c.end].text not in w.runner_marks:
        return False
    k = c.end + 1
    if k < n and low[k] in ("jointly", "currently", "now", "is", "and"):
        k += 1
    if k + 1 < n and low[k] in w.runner_verbs and low[k + 1] == "by":
        return True
    if doc[c.end].text in ("(", ",", "-"):
        return False
    if k < n and low[k] in ("a", "an", "the"):
        k += 1
    if k < n and low[k] in w.award_nouns and doc[k].is_lower:
        return True  # "Vales de Digitalización — vouchers of up to ..."
    a = k
    while k < n and k - a < 6 and low[k] not in w.description_enders and (doc[k].is_alpha or doc[k].text == "-"):
        k += 1  # "I'M IN — a new South African accelerator programme run by IDF Capital"
    return a < k < n and low[k] in w.description_enders and doc[k - 1].is_lower \
        and low[k - 1] in w.description_nouns | w.award_nouns


def _labelled_lines(doc: Any, cands: list[Candidate], env: Env, w: ProgrammeWordsW20,
                    low: list[str]) -> list[Candidate]:
    """"Related schemes: A · B": each name after a programme label's colon is a programme (added when missed)."""
    n = len(doc)
    added: list[Candidate] = []
    for colon in range(1, n):
        if doc[colon].text != ":" or low[colon - 1] not in w.list_labels or not _label_opens_line(doc, colon):
            continue
        end = colon + 1
        while end < n and not ("\n" in doc[end - 1].whitespace_ and end > colon + 1) and not doc[end].text.startswith("\n"):
            end += 1
        taken = taken_tokens(cands + added)
        for a, b in _items(doc, colon + 1, end, w, low):
            inside = [c for c in cands if a <= c.start and c.end <= b]
            for c in inside:
                if _retypable(doc, c, env, head=len(inside) > 1, listed=True):
                    _make_programme(c)
                    if len(inside) == 1:
                        c.start, c.end = a, b  # "Interest Subvention for MSME Technology" read as "MSME Technology"
            if not inside and not any(k in taken for k in range(a, b)) and b - a >= 2 and _no_body_head(doc, a, b, env):
                added.append(Candidate(a, b, "Programme", "rule", label="ORG", ctx_typed=True))
    return cands + added


def _label_opens_line(doc: Any, colon: int) -> bool:
    """The label before the colon is a few words that open their line ("Related schemes:", "Other programmes:")."""
    for k in range(colon - 1, max(-1, colon - 1 - _LABEL_REACH), -1):
        if not doc[k].is_alpha:
            return False
        if _line_start(doc, k):
            return True
    return False


def _items(doc: Any, a: int, b: int, w: ProgrammeWordsW20, low: list[str]) -> list[tuple[int, int]]:
    """The name runs between the separators of a labelled line ("A · B; C and D")."""
    out: list[tuple[int, int]] = []
    start = a
    for k in range(a, b + 1):
        if k == b or doc[k].text in w.list_separators or low[k] in ("and", "or") and k > start:
            while start < k and not doc[start].text[:1].isupper():
                start += 1  # "and the X": the run opens at its first capital
            if start < k and all(doc[i].text[:1].isupper() or doc[i].text[:1].isdigit() or low[i] in w.run_connectors
                                 or doc[i].text in ("-", "&") for i in range(start, k)):
                out.append((start, k))
            start = k + 1
    return out


def _named(doc: Any, cands: list[Candidate], env: Env, w: ProgrammeWordsW20, low: list[str]) -> list[Candidate]:
    """"its entrepreneurship scheme, known as BiGG", "a grants scheme called Northern Sparks"."""
    n = len(doc)
    added: list[Candidate] = []
    for k in range(1, n - 1):
        if low[k] in w.naming_verbs:
            after = k + 1
        elif (low[k], low[k + 1]) in w.naming_two:
            after = k + 2
        else:
            continue
        noun = k - 2 if doc[k - 1].text == "," else k - 1
        if noun < 0 or low[noun] not in w.naming_nouns or not doc[noun].is_lower:
            continue
        if after < n and low[after] == "the":
            after += 1
        end = _run_end(doc, after, w, low)
        if end - after < 1 or end - after == 1 and not doc[after].text[:1].isupper():
            continue
        hit = next((c for c in cands if c.start <= after < c.end), None)
        if hit is not None:
            if _retypable(doc, hit, env):
                _make_programme(hit)
        elif _no_body_head(doc, after, end, env) and not any(k2 in taken_tokens(added) for k2 in range(after, end)):
            added.append(Candidate(after, end, "Programme", "rule", label="ORG", ctx_typed=True))
    return cands + added


def _run_end(doc: Any, a: int, w: ProgrammeWordsW20, low: list[str]) -> int:
    """The end of the capitalised run from ``a`` (lower-case connectors between capitalised words kept)."""
    n = len(doc)
    k = a
    while k < n and k - a < _NAME_REACH:
        t = doc[k].text
        if t[:1].isupper() or t[:1].isdigit() and k > a:
            k += 1
        elif low[k] in w.run_connectors and k > a and k + 1 < n and doc[k + 1].text[:1].isupper():
            k += 1
        else:
            break
        if "\n" in doc[k - 1].whitespace_:
            break
    return k


def _award_runs(doc: Any, cands: list[Candidate], env: Env, w: ProgrammeWordsW20, low: list[str]) -> list[Candidate]:
    """"a Small Business Innovation Research grant": a run of two or more capitalised words before an award noun that
    an article, a possessive or an amount opens is the programme that gives it."""
    n = len(doc)
    added: list[Candidate] = []
    for k in range(2, n):
        if low[k] not in w.award_nouns or not doc[k].is_lower:
            continue
        start = _run_start(doc, k, w, low)
        if start is None or k - start < 2:
            continue
        hit = [c for c in cands if c.start < k and c.end > start]
        if doc[start].text in forms().given and k - start == 2 or low[k - 1] in w.place_lasts \
                or world_places().kind(TokenIndex.of(doc).span_text(start, k)) is not None:
            continue  # "a Marie Curie fellowship", "a Tarvane County grant", "a New Brunswick grant": no scheme's name
        if len(hit) == 1 and hit[0].start >= start - 1 and hit[0].end == k:
            if _retypable(doc, hit[0], env):
                _make_programme(hit[0])
        elif not hit and _no_body_head(doc, start, k, env):
            added.append(Candidate(start, k, "Programme", "rule", label="ORG", ctx_typed=True))
    return cands + added


def _run_start(doc: Any, k: int, w: ProgrammeWordsW20, low: list[str]) -> int | None:
    """The first word of the capitalised run ending right before ``k``, if an opener comes before it."""
    j = k - 1
    while j >= 0 and k - j <= _NAME_REACH and (doc[j].text[:1].isupper() or low[j] in w.run_connectors
                                                and j > 0 and doc[j - 1].text[:1].isupper()):
        if doc[j].is_sent_start or "\n" in doc[j - 1].whitespace_ if j > 0 else True:
            return None
        j -= 1
    start = j + 1
    while start < k and low[start] in w.not_heads:
        start += 1  # "a Phase II Small Business Innovation Research grant"
    if start >= k or not doc[start].text[:1].isupper():
        return None
    skipped = 0
    while j >= 0 and skipped < 2 and low[j] in w.award_adjectives and doc[j].is_lower:
        j -= 1  # "the national Startup Nusantara scheme"
        skipped += 1
    before = doc[j] if j >= 0 else None
    if before is None:
        return None
    opened = low[j] in w.award_openers or before.like_num or any(ch.isdigit() for ch in before.text) \
        or before.text in ("'s", "’s")
    return start if opened else None
