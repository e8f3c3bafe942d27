"""Stage people_line_orgs: the organisation that ends a person's name line, when the NER found nothing there.

Speaker lists, programme pages and contact blocks set a person's post out as "Name, Title, Org" or "Name | Title |
Org", one person a line. An unfamiliar organisation at the end of such a line ("Mekdes Alemu, Head of Data, Ethio
Telemetrics") is often left out by the NER, and the person's tie goes with it. A run of capitalised words that fills
the rest of the line after a person and a job title is that organisation (typed by default).

Not added: a known town or region ("Head of Data, Addis Ababa"), a run made only of title or function words
("Director, Research and Innovation"), a run the NER or an earlier stage took, a line whose middle field is no
job title ("Mekdes Alemu, Keynote, Ethio Telemetrics"), a run longer than six words.
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.world_places import world_places

#: separators between the fields of a name line
_FIELD_SEPARATORS = (",", "|")
#: longest title field and organisation run, in tokens
_MAX_TITLE, _MAX_ORG = 8, 6
#: small words an organisation's name may hold inside it
_INNER = frozenset({"of", "for", "and", "&", "de", "du", "la", "le", "des", "der", "für", "-"})


def people_line_orgs(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add the organisation that fills the end of a "Person, Title, Org" / "Person | Title | Org" line."""
    taken = [False] * len(doc)
    for c in cands:
        for k in range(c.start, c.end):
            taken[k] = True
    added: list[Candidate] = []
    for c in cands:
        if c.type != "Person" or c.end + 2 >= len(doc) or doc[c.end].text not in _FIELD_SEPARATORS \
                or not _opens_line(doc, c.start):
            continue
        run = _org_run(doc, c.end, taken, env)
        if run is not None:
            added.append(Candidate(run[0], run[1], env.lex.default_org, "rule", label="ORG"))
            for k in range(*run):
                taken[k] = True
    return sorted(cands + added, key=lambda s: (s.start, s.end)) if added else cands


def _opens_line(doc: Any, k: int) -> bool:
    """The name opens its line, after bullets or honorifics at most ("- Dr. A, ...", "• A | ...")."""
    f = forms()
    while k > 0 and "\n" not in doc[k - 1].whitespace_ and not doc[k - 1].is_space and (
            doc[k - 1].text in f.bullets or doc[k - 1].lower_.rstrip(".") in f.honorifics or doc[k - 1].text == "."):
        k -= 1
    return k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space and "\n" in doc[k - 1].text


def _org_run(doc: Any, sep: int, taken: list[bool], env: Env) -> tuple[int, int] | None:
    """(start, end) of the untaken capitalised run after the title field that opens at ``sep``, or None."""
    mark, n = doc[sep].text, len(doc)
    w = env.words
    words = w.job_title_words | w.job_title_modifiers | w.job_function_words
    j, head = sep + 1, False
    while j < n and j < sep + 1 + _MAX_TITLE and doc[j].text != mark and not taken[j] and not _breaks(doc, j - 1):
        low = doc[j].lower_.rstrip(".")
        if low in w.job_title_words:
            head = True
        elif not (low in words or low in ("and", "&", "of", "-", "/")):
            return None
        j += 1
    if not head or j >= n or doc[j].text != mark or _breaks(doc, j - 1):
        return None
    a = b = j + 1
    while b < n and not taken[b] and b - a < _MAX_ORG + 1 and (doc[b].text[:1].isupper() and doc[b].is_alpha
                                                                or doc[b].lower_ in _INNER and b > a):
        b += 1
        if _breaks(doc, b - 1):
            break
    while b > a and doc[b - 1].lower_ in _INNER:
        b -= 1
    if b == a or b - a > _MAX_ORG or not (b >= n or _breaks(doc, b - 1) or doc[b].text in (".", "(", "|", ";")):
        return None
    low = [t.lower_ for t in doc[a:b]]
    if all(x in words or x in _INNER for x in low) or world_places().kind(doc[a:b].text) is not None \
            or env.gaz.lookup(doc[a:b].text) is not None:
        return None
    return a, b


def _breaks(doc: Any, k: int) -> bool:
    """The line ends after token ``k``."""
    return "\n" in doc[k].whitespace_ or k + 1 < len(doc) and doc[k + 1].is_space and "\n" in doc[k + 1].text
