"""Stage name_joins: organisation names the NER cut short, mended by three forms of the name itself.

* A legal form closes the whole name before it: "Teplička Automotive Components s.r.o." (the NER took
  "Teplička"), "Hillsborough Aquatic Intelligence, Inc." (the NER took "Hillsborough", a known town),
  "Atlantic Salmon Farms of Newfoundland Ltd.", "Páramo Analytics Cía. Ltda.". From the legal form the name runs back
  over capitalised words and inner connectors ("of", "de", "do") to the line, sentence or list boundary.
* A lower-case particle joins two halves of one name: "Anjos | do | Norte", "Banco | da | Amazônia" (two NER
  organisations, or an organisation and a place, with "do"/"da"/"de"/"del" between them and nothing else).
* A tight hyphen joins a capitalised word to the name after it: "Bois-Francs Numérique" (the NER took "Francs
  Numérique").

Never a gazetteer name; a list ("A and B Ltd.") is not joined (no "and" inside a run); a person is never the left
half of a particle join ("Maria da Silva" stays a person). Word lists: ``legal_tails`` of ``name_forms.json`` and
``legal_extra`` / ``name_particles`` of ``entity_forms.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.name_forms import name_form_words
from aikg.ingest.nlp.mentions.org_persons import entity_forms
from aikg.ingest.nlp.world_places import world_places

MAX_RUN = 8  # words of a name before its legal form


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(legal forms, forms only inside a legal run, connectors inside a name, particles joining two halves)."""
    d = entity_forms()
    legal = {w.rstrip(".") for w in name_form_words().legal} | {w.lower().rstrip(".") for w in d["legal_extra"]}
    return (frozenset(legal), frozenset(w.lower() for w in d["legal_inner_only"]),
            frozenset(w.lower() for w in d["name_connectors"]), frozenset(w.lower() for w in d["name_particles"]))


def name_joins(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Mend organisation names at legal forms, inner particles and tight hyphens."""
    cands = _legal_names(doc, cands)
    cands = _possessive_names(doc, cands, env)
    cands = _particle_joins(doc, cands, env)
    cands = _town_tails(doc, cands, env)
    cands = _whole_places(doc, cands)
    for c in cands:
        if c.type in ORG_OR_PROGRAMME and c.entry is None and c.source != "gazetteer":
            _open_hyphen(doc, c, cands)
            _close_hyphen(doc, c, cands)
            _close_particle(doc, c, cands)
    return cands


def _possessive_names(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"King's College London", "Land's End Robotics": a one-word possessor split off a name ("Toronto's Vector
    Institute") that the text names nothing by (no place, no listed name, never alone or opening another name) is
    the first word of the whole name."""
    wp = world_places()
    spans = sorted(cands, key=lambda c: (c.start, c.end))
    words: dict[str, int] = {}
    for c in spans:
        words[doc[c.start].text] = words.get(doc[c.start].text, 0) + 1
    drop: set[int] = set()
    for a, b in zip(spans, spans[1:]):
        if a.end - a.start != 1 or b.start != a.end + 1 or doc[a.end].text not in ("'s", "’s") or a.source != "rule" \
                or a.type not in ORG_OR_PROGRAMME or b.type not in ORG_OR_PROGRAMME or a.entry is not None \
                or b.entry is not None or doc[a.end - 1].whitespace_ or doc[a.end].whitespace_ != " ":
            continue
        w = doc[a.start].text
        if words.get(w, 0) > 1 or wp.kind(w) is not None or env.gaz.lookup(w) is not None \
                or sum(1 for t in doc if t.text == w) > 1:
            continue  # "Kumayri's Vision Lab" where Kumayri is named again: the lab of Kumayri
        b.start, b.canonical = a.start, None
        drop.add(id(a))
    return [c for c in cands if id(c) not in drop]


def _close_particle(doc: Any, c: Candidate, cands: list[Candidate]) -> None:
    """"Caisse d'économie de | l'Estuaire": a name cut after an inner particle takes the elided word after it."""
    e = c.end
    if e - c.start < 2 or e >= len(doc) or doc[e - 1].lower_ not in _words()[3] or "\n" in doc[e - 1].whitespace_:
        return
    t = doc[e].text
    if len(t) > 3 and t[1] in "'’" and t[0] in "ldLD" and t[2].isupper() \
            and not any(o.start <= e < o.end for o in cands if o is not c):
        c.end, c.canonical = e + 1, None


def _town_tails(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"Regional Development Agency | Žilina": a known town right after a name with a head word of its own ends that
    name (a body named after its seat), whatever the NER made of the town."""
    wp = world_places()
    spans = sorted(cands, key=lambda c: (c.start, c.end))
    drop: set[int] = set()
    for a, b in zip(spans, spans[1:]):
        if b.start != a.end or not doc[a.end - 1].whitespace_ or "\n" in doc[a.end - 1].whitespace_ \
                or a.type not in ("Agency", "Institute") or a.entry is not None or b.entry is not None \
                or b.end - b.start > 2 or wp.kind(doc[b.start:b.end].text) is None:
            continue
        words = [t.text for t in doc[a.start:a.end]]
        if env.typer.type_of_name(words) != a.type or words[-1].lower() not in _heads():
            continue
        if b.end < len(doc) and (doc[b.end].text in ("-", "'s", "’s") or doc[b.end].is_lower and doc[b.end].is_alpha
                                 and doc[b.end].lower_ not in _CLAUSE_WORDS):
            continue  # "Agency Žilina-based", "the Agency Žilina office": the town modifies what follows
        a.end, a.canonical = b.end, None
        drop.add(id(b))
    return [c for c in cands if id(c) not in drop]


#: lower-case words inside a town's name besides the name particles ("Teplička nad Váhom", "Stratford-upon-Avon")
_PLACE_INNER = frozenset({"nad", "pod", "am", "an", "im", "upon", "on", "sur", "en", "la", "le", "les", "el", "los", "del"})
_MAX_PLACE = 6  # tokens of a town's name ("São Bento do Sul", "Florenceville - Bristol")


def _whole_places(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """"Jaraguá do | Sul", "São Bento | do Sul", "Florenceville- | Bristol": a mention that is only part of a town's
    name written around it (particles, tight hyphens) grows to the whole name, a place. Only a name the world place
    list holds, never a gazetteer entry, never across a line or over another mention."""
    wp = world_places()
    particles = _words()[3] | _PLACE_INNER
    out: list[Candidate] = []
    grown: list[Candidate] = []
    for c in cands:
        if c.entry is not None or c.source == "gazetteer" or c.type == "Person":
            out.append(c)
            continue
        best = _longest_place(doc, c, cands, wp, particles) or _hyphen_place(doc, c, cands, wp)
        if best is None:
            out.append(c)
            continue
        grown.append(Candidate(best[0], best[1], "Cluster", "rule", label="GPE", place=True))
    if not grown:
        return cands
    covered = {k for g in grown for k in range(g.start, g.end)}
    return sorted([c for c in out if not any(k in covered for k in range(c.start, c.end))] + grown,
                  key=lambda c: (c.start, c.end))


def _longest_place(doc: Any, c: Candidate, cands: list[Candidate], wp: Any, particles: frozenset[str]) \
        -> tuple[int, int] | None:
    """The longest [a, b) around ``c`` that the world place list names, with a particle or tight hyphen inside."""
    n = len(doc)
    lo = c.start
    while lo > 0 and c.start - lo < _MAX_PLACE and _place_glue(doc, lo - 1, particles, left=True):
        lo -= 1
    hi = c.end
    while hi < n and hi - c.end < _MAX_PLACE and _place_glue(doc, hi, particles, left=False):
        hi += 1
    if (lo, hi) == (c.start, c.end):
        return None
    others = [o for o in cands if o is not c]
    for a in range(lo, c.start + 1):
        for b in range(hi, c.end - 1, -1):
            if (a, b) == (c.start, c.end) or b - a > _MAX_PLACE or not doc[a].text[:1].isupper() \
                    or not doc[b - 1].text[:1].isupper():
                continue
            inner = [t for t in doc[a:b]]
            if not any(t.lower_ in particles or t.text in ("-", "–") for t in inner):
                continue  # "Santa | Clara": two names the NER read apart stay as they were read
            if any(o.start < b and a < o.end and (o.start < a or o.end > b or o.entry is not None) for o in others):
                continue  # a mention across the edge, or a listed one inside, stays
            if wp.kind(doc[a:b].text) == "city":
                return a, b
    return None


def _hyphen_place(doc: Any, c: Candidate, cands: list[Candidate], wp: Any) -> tuple[int, int] | None:
    """"Florenceville- | Bristol": a known town after a tight hyphen and an unknown capitalised word is the second half
    of a double-barrelled town's name ("Toronto-Waterloo", two known towns, stays as it is)."""
    s = c.start
    if c.type != "Cluster" or s < 2 or doc[s - 1].text not in ("-", "–") or doc[s - 1].whitespace_ \
            or doc[s - 2].whitespace_ or wp.kind(doc[s:c.end].text) is None:
        return None
    w = doc[s - 2].text
    if not (w.isalpha() and w[:1].isupper() and not w.isupper()) or wp.kind(w) is not None \
            or any(o.start <= s - 2 < o.end for o in cands):
        return None
    return s - 2, c.end


def _place_glue(doc: Any, k: int, particles: frozenset[str], left: bool) -> bool:
    """May token ``k`` belong to a town's name next to a mention: a capitalised word, a particle, a tight hyphen."""
    tok = doc[k]
    if "\n" in tok.text or (left and "\n" in tok.whitespace_) or (not left and k > 0 and "\n" in doc[k - 1].whitespace_):
        return False
    if tok.text in ("-", "–"):
        return not tok.whitespace_ and k > 0 and not doc[k - 1].whitespace_
    if tok.lower_ in particles and tok.is_lower:
        return True
    return tok.text[:1].isupper() and tok.is_alpha


#: words that may follow a name ending in its town ("... Agency Žilina is ...", "... Agency Žilina and ...")
_CLAUSE_WORDS = frozenset({"is", "was", "has", "had", "and", "or", "will", "which", "who", "in", "on", "at", "to", "for",
                           "with", "runs", "hosts", "said", "says", "are", "were", "also", "manages", "leads", "of"})


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(w.lower() for w in entity_forms()["seat_heads"])


def _close_hyphen(doc: Any, c: Candidate, cands: list[Candidate]) -> None:
    """"Nord | - | IT": a capitalised word after a tight hyphen closes the name."""
    e = c.end
    if e + 1 >= len(doc) or doc[e].text != "-" or doc[e - 1].whitespace_ or doc[e].whitespace_:
        return
    w = doc[e + 1].text
    if not (w[:1].isupper() and w.isalnum()) or any(o.start <= e + 1 < o.end for o in cands if o is not c):
        return
    c.end = e + 2
    c.canonical = None


def _legal_word(tok: Any, legal: frozenset[str]) -> bool:
    """A legal form's word; a lower-case one without a point only if listed as such ("sp", "ltda"), not "as"."""
    if tok.lower_.rstrip(".") not in legal:
        return False
    doc = tok.doc
    if not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "–"):
        return False  # "Tomas Lindqvist, Co-founder & CTO": a word's first half, no legal form
    t = tok.text
    return not (t.islower() and "." not in t and t not in _lower_ok())


@lru_cache(maxsize=1)
def _lower_ok() -> frozenset[str]:
    return frozenset(entity_forms()["legal_lower"])


def _legal_names(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    legal, inner_only, connectors, _ = _words()
    n = len(doc)
    out = list(cands)
    k = 1
    while k < n:
        if not (_legal_word(doc[k], legal) and doc[k].lower_.rstrip(".") not in inner_only):
            k += 1
            continue
        end = k + 1
        while end < n and (doc[end].text == "." and not doc[end - 1].whitespace_
                           and end + 1 < n and _legal_word(doc[end + 1], legal)
                           or _legal_word(doc[end], legal) and "\n" not in doc[end - 1].whitespace_):
            end += 1  # "Cía" "." "Ltda", "sp" "." "z" "o.o"
        stop = k - 1 if doc[k - 1].text == "," else k
        start = _run_start(doc, stop, connectors)
        if start is not None and start < stop:
            out = _replace(doc, out, start, end)
        k = end
    return out


def _run_start(doc: Any, stop: int, connectors: frozenset[str]) -> int | None:
    """The first word of the capitalised run that ends at ``stop`` (None: no run)."""
    j = stop
    while j > 0 and stop - j < MAX_RUN:
        tok = doc[j - 1]
        if "\n" in tok.whitespace_:
            break
        t = tok.text
        if t[:1].isupper() and all(ch.isalnum() or ch in "-'’&." for ch in t) or t == "&":
            j -= 1
        elif tok.lower_ in connectors and j < stop and doc[j].text[:1].isupper() and j - 2 >= 0 \
                and doc[j - 2].text[:1].isupper() and "\n" not in doc[j - 2].whitespace_:
            j -= 1
        elif t == "-" and not tok.whitespace_ and j - 2 >= 0 and not doc[j - 2].whitespace_ and doc[j - 2].text[:1].isupper():
            j -= 1
        else:
            break
        if doc[j].is_sent_start:
            break
    while j < stop and (doc[j].lower_ in ("the", "a", "an") or doc[j].lower_ in connectors or doc[j].text == "&"):
        j += 1
    return j if j < stop and doc[j].text[:1].isupper() else None


def _replace(doc: Any, cands: list[Candidate], start: int, end: int) -> list[Candidate]:
    """Put one Company candidate on [start, end) in place of the candidates inside it (none crossing its edges)."""
    inside = [c for c in cands if start <= c.start and c.end <= end]
    if any(c.start < start < c.end or c.start < end < c.end for c in cands):
        return cands
    if any(c.entry is not None or c.source == "gazetteer" for c in inside):
        return cands
    if any(c.start == start and c.end == end for c in inside):
        return cands
    keep = [c for c in cands if not (start <= c.start and c.end <= end)]
    return sorted(keep + [Candidate(start, end, "Company", "rule", label="ORG")], key=lambda c: (c.start, c.end))


def _particle_joins(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"Anjos | do | Norte": two halves with one particle between them are one organisation's name."""
    particles = _words()[3]
    spans = sorted(cands, key=lambda c: (c.start, c.end))
    out: list[Candidate] = []
    i = 0
    while i < len(spans):
        a = spans[i]
        b = spans[i + 1] if i + 1 < len(spans) else None
        if b is not None and b.start == a.end + 1 and doc[a.end].lower_ in particles and doc[a.end].is_lower \
                and a.type in ORG_OR_PROGRAMME and a.entry is None and b.entry is None \
                and b.type in ORG_OR_PROGRAMME + ("Cluster",) and a.source != "gazetteer" and b.source != "gazetteer" \
                and "\n" not in doc[a.end].whitespace_:
            words = [t.text for t in doc[a.start:b.end]]
            if world_places().kind(doc[a.start:b.end].text) is not None:  # "Jaraguá | do | Sul" is a town
                out.append(Candidate(a.start, b.end, "Cluster", "rule", label="GPE", place=True))
            else:
                out.append(Candidate(a.start, b.end, env.typer.type_of_name(words) or a.type, "rule", label="ORG"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _open_hyphen(doc: Any, c: Candidate, cands: list[Candidate]) -> None:
    """"Bois | - | Francs Numérique": a capitalised word before a tight hyphen opens the name."""
    s = c.start
    if s < 2 or doc[s - 1].text != "-" or doc[s - 1].whitespace_ or doc[s - 2].whitespace_:
        return
    w = doc[s - 2].text
    if not (w.isalpha() and w[:1].isupper()) or any(o.start <= s - 2 < o.end for o in cands):
        return
    c.start = s - 2
    c.canonical = None
