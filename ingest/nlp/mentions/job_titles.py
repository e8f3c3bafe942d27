"""Stage, job titles: a job title is no name, and a name never keeps a title at either end.

Published pages put titles right against names: "Halvard Osei Chair", "General Partner" between commas in a
byline, "Associate Dean (Research & Innovation)" in a speaker list, "said Halden Robotics Director of Production
Ewa Sandvik", "said Marwick Foods Head of Operations Tomas Brandl". ``trim_names`` cuts titles off persons;
this stage handles what the NER read as an organisation:

* a mention made only of title words ("Chair", "VP", "General Partner", "Associate Dean, Research & Innovation")
  is dropped;
* a title at the end of a name with no organisation head word is cut ("Halvard Osei Chair" -> the person
  "Halvard Osei"); "Office of the Chief Scientist" keeps its words (an organisation head, inner "of");
* after "<title> of", the portfolio word is no part of the person that follows ("Director of Production
  Ewa Sandvik" -> "Ewa Sandvik");
* a "person" followed by a title and then a person is the organisation the title belongs to ("Marwick Foods");
* an organisation, a title and a person read as one name are split ("Harwick State University President Lena
  Ostrova").
The words are the lexicon's job-title lists (``data/lexicon/mentions.json``) and
``data/lexicon/title_forms.json`` (title heads that are only titles with a modifier: "General Partner").
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex


@lru_cache(maxsize=1)
def _forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    node = shipped("lexicon", "title_forms.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
        return frozenset(data["modified_heads"]), frozenset(data["inner_punctuation"]), \
            frozenset(data.get("portfolio_words", ()))
    except (OSError, ValueError, KeyError) as e:
        raise InputError(f"cannot read the job title forms: {e}", source=str(node)) from e


def modified_title_heads() -> frozenset[str]:
    """Words that are a title only after another title word ("Research Associate", "Program Lead", "Senior Fellow")."""
    return _forms()[0]


def job_titles(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop title-only mentions, cut titles off organisation readings, retype an organisation before a title."""
    out: list[Candidate] = []
    starts = {s.start: s for s in cands}
    for s in cands:
        if s.source == "gazetteer" or s.acronym_of or s.entry is not None:
            out.append(s)
            continue
        if _only_title(doc, s.start, s.end, env) or s.type != "Person" and _roster_portfolio(doc, s, env):
            continue
        if s.type != "Person":
            person = _split_at_title(doc, s, env)
            if person is not None:
                out.append(person)
            _cut_leading_title(doc, s, env)
            _cut_title_opening(doc, s, env)
            _cut_trailing_title(doc, s, env)
            _cut_portfolio(doc, s, env)
        else:
            _org_before_title(doc, s, env, starts)
        if s.end > s.start:
            out.append(s)
    return out


def drop_title_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Late pass: a title made a name by a later stage ("Governor" of "the Governor's Office" read as a place)."""
    return [s for s in cands if s.source == "gazetteer" or s.entry is not None or s.acronym_of
            or not _only_title(doc, s.start, s.end, env)]


def _low(tok: Any) -> str:
    return tok.lower_.rstrip(".")


def _only_title(doc: Any, start: int, end: int, env: Env) -> bool:
    """Every word a title word, at least one a title head ("VP", "Chair", "General Partner")."""
    heads, punct, _ = _forms()
    w = env.words
    head = False
    for k in range(start, end):
        low = _low(doc[k])
        if low in w.job_title_words:
            head = True
        elif low in heads and k > start and _low(doc[k - 1]) in w.job_title_modifiers | w.job_function_words:
            head = True
        elif not (low in env.title_words or low in punct):
            return False
    return head


def _split_at_title(doc: Any, s: Candidate, env: Env) -> Candidate | None:
    """"Harwick State University President Lena Ostrova": an organisation, a capitalised title and a personal name
    read as one; the organisation keeps its words, the person is a new mention (the title goes)."""
    w = env.words
    for k in range(s.start + 1, s.end - 2):
        if not doc[k].text[:1].isupper() or _low(doc[k]) not in w.job_title_words:
            continue
        first = k
        while first > s.start + 1 and doc[first - 1].text[:1].isupper() and _low(doc[first - 1]) in w.job_title_modifiers:
            first -= 1
        after = k + 1  # "Chief Executive Maëlle Guérin": the whole title goes
        while after < s.end and doc[after].text[:1].isupper() and _low(doc[after]) in env.title_words:
            after += 1
        name = doc[after:s.end]
        if not 2 <= len(name) <= 3 or not all(t.is_title and t.is_alpha for t in name):
            return None
        if _low(name[-1]) in w.job_function_words or _low(name[-1]) in env.generic_words \
                or env.typer.type_of_name([t.text for t in name]) is not None:
            return None
        if env.typer.type_of_name(TokenIndex.of(doc).text[s.start:first]) is None and s.label != "ORG":
            return None  # no organisation head before the title and the NER did not read an organisation
        person = Candidate(after, s.end, "Person", "rule", label="PERSON")
        s.end = first
        return person
    return None


def _title_before(doc: Any, k: int, env: Env) -> int | None:
    """Start of a capitalised title ending right before token ``k`` ("Head", "Senior Manager"), or None."""
    w = env.words
    j = k
    while j > 0 and doc[j - 1].text[:1].isupper() and _low(doc[j - 1]) in env.title_words:
        j -= 1
    return j if j < k and any(_low(doc[i]) in w.job_title_words for i in range(j, k)) else None


def _roster_portfolio(doc: Any, s: Candidate, env: Env) -> bool:
    """"Aigerim Seitkali, Head of Remote Sensing, Saryarka AI Lab": the words after a capitalised "<title> of" are a
    portfolio, no organisation, where they are only job function words ("General Manager of Operations") or where a
    roster line sets the title off between commas before the organisation; a name with an organisation head stays
    ("Director of Tisza Data Institute")."""
    w = env.words
    k = next((k for k in range(s.start, min(s.end, s.start + 5)) if doc[k].lower_ in ("of", "for")), None)
    if k is not None and _title_before(doc, k, env) == s.start:
        first, rest = s.start, k + 1  # the NER took the title in: "Head of Remote Sensing"
    elif s.start >= 2 and doc[s.start - 1].lower_ in ("of", "for") and _title_before(doc, s.start - 1, env) is not None:
        first, rest = _title_before(doc, s.start - 1, env), s.start  # "Head of | Data Science"
    else:
        return False
    toks = doc[rest:s.end]
    if not len(toks) or not all(t.text[:1].isupper() or t.lower_ in ("and", "&") for t in toks) \
            or env.gaz.lookup(toks.text) is not None:
        return False
    cue = env.typer.type_of_name([t.text for t in toks])
    if cue is None and all(_low(t) in w.job_function_words for t in toks):
        return True
    if cue is None and first > 0 and doc[first - 1].text == "," and _line_ends(doc, s.end - 1) \
            and all(_low(t) in w.job_function_words | _forms()[2] or t.lower_ in ("and", "&") for t in toks):
        return True  # "Platform: Carla Nóbrega, Head of Community" at the line's end: the person's title
    return cue in (None, "Company") and first > 0 and doc[first - 1].text in (",", ";", "(") and s.end + 1 < len(doc) \
        and doc[s.end].text == "," and doc[s.end + 1].text[:1].isupper()  # "Head of Remote Sensing, Saryarka AI Lab"


def _line_ends(doc: Any, k: int) -> bool:
    """The line ends after token ``k`` (a line break or the end of the text)."""
    return k + 1 >= len(doc) or "\n" in doc[k].whitespace_ or doc[k + 1].is_space and "\n" in doc[k + 1].text


def _cut_title_opening(doc: Any, s: Candidate, env: Env) -> None:
    """"Orsolo Labs Chief Financial | Officer Makana Akana": the NER ended the organisation inside the title that
    follows it; the title's first words go (the organisation keeps at least two words, no small word at its end)."""
    w = env.words
    if s.end >= len(doc) or not doc[s.end].text[:1].isupper() or _low(doc[s.end]) not in w.job_title_words:
        return
    k = s.end
    while k - s.start > 2 and doc[k - 1].text[:1].isupper() \
            and _low(doc[k - 1]) in w.job_title_words | w.job_title_modifiers | w.job_function_words:
        k -= 1
    if k < s.end and not doc[k - 1].is_lower and doc[k - 1].is_alpha:
        s.end = k
        s.canonical = None


def _cut_leading_title(doc: Any, s: Candidate, env: Env) -> None:
    """"Kipchumba Langat, Dean, School of Computing, X University": a title and its comma the NER took into the
    organisation that follows on a name line ("Dean, School of Computing") are no part of it."""
    k = next((k for k in range(s.start + 1, min(s.end - 1, s.start + 5)) if doc[k].text == ","), None)
    if k is None or not _only_title(doc, s.start, k, env) or not doc[k + 1].text[:1].isupper():
        return
    s.start = k + 1
    s.canonical = None


def _cut_trailing_title(doc: Any, s: Candidate, env: Env) -> None:
    """"Halvard Osei Chair": a capitalised title ending a name with no organisation head and no inner 'of'."""
    w = env.words
    k = s.end
    while k - s.start > 2 and doc[k - 1].text[:1].isupper() and _low(doc[k - 1]) in w.job_title_words | w.job_title_modifiers:
        k -= 1
    if k == s.end or not any(_low(doc[j]) in w.job_title_words for j in range(k, s.end)):
        return
    words = TokenIndex.of(doc).text[s.start:s.end]
    rest = doc[s.start:k]
    if env.typer.type_of_name(words) is not None or any(t.is_lower or not t.is_alpha and t.text != "-" for t in rest):
        return
    s.end = k
    if s.type == "Company" and k - s.start <= 3 and env.typer.type_of_name([t.text for t in rest]) is None:
        s.type, s.label = "Person", "PERSON"  # a personal name before a title ("Halvard Osei Chair")


def _cut_portfolio(doc: Any, s: Candidate, env: Env) -> None:
    """"Director of Production Ewa Sandvik": the word after "<title> of" is the portfolio, the rest a person."""
    w = env.words
    if s.start < 2 or doc[s.start - 1].lower_ != "of" or _low(doc[s.start - 2]) not in w.job_title_words \
            or not doc[s.start - 2].text[:1].isupper():
        return  # "chair of Pennine Precision Engineering": a lower-case title names the organisation
    if not 3 <= s.end - s.start <= 4 or not all(t.is_title and t.is_alpha for t in doc[s.start:s.end]):
        return
    if _low(doc[s.end - 1]) in w.job_function_words or _low(doc[s.end - 1]) in env.generic_words:
        return  # "Director of Precision Engineering Systems": no personal name at the end
    if env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is not None:
        return  # "Chair of Tisza Data Institute"
    s.start += 1
    s.type, s.label = "Person", "PERSON"


def _org_before_title(doc: Any, s: Candidate, env: Env, starts: dict[int, Candidate]) -> None:
    """"Marwick Foods Head of Operations Tomas Brandl": a 'person' right before a title and a person is the
    organisation the title belongs to."""
    w = env.words
    k = s.end
    if k >= len(doc) or not doc[k].text[:1].isupper() or _low(doc[k]) not in w.job_title_words | w.job_title_modifiers:
        return
    while k < len(doc) and k < s.end + 6 and (_low(doc[k]) in env.title_words and doc[k].text[:1].isupper()
                                              or doc[k].lower_ == "of" or k > s.end and doc[k - 1].lower_ == "of"):
        k += 1
    nxt = starts.get(k)
    if nxt is None or nxt.type != "Person":
        return
    words = TokenIndex.of(doc).text[s.start:s.end]
    s.type = env.typer.type_of_name(words) or "Company"
    s.label = "ORG"
