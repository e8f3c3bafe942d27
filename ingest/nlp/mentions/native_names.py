"""Stage, native names: a name and its translation or native form written side by side are one entity.

Pages about bodies outside the English-speaking world give a second name beside the first, and gold keeps the pair as
one entity with an alias; read as two names (or as fragments of the second) it makes false entities. Forms read here:

* in brackets after an organisation's name, with a language label or a cue ("X (CIAIA; English: Y)", "X (Spanish: Y,
  CSIC)", "X (in Swedish, Y)", "X (literally Y)", "X (known locally as Y)");
* in brackets with no label, when the two names are in different languages ("the Lake Victoria Research Institute
  (Taasisi ya Utafiti wa Ziwa Victoria)", "(Muungano wa Akili Bandia Kanda ya Ziwa, MAKAZI)") or the bracket holds one
  Scandinavian/German-style compound with a body's head written into it ("Swedish Energy Agency (Energimyndigheten)");
* after a comma and a cue ("X, known locally as Y,", "X, officially the Y.") or ", or" and a compound native name
  ("Swedish National Audit Office, or Riksrevisionen,": an agency list's form);
* a native name on its own line next to the English name's line in a header, or after an infobox's "Native name:".

The second name replaces the mentions inside it, takes the first one's canonical name (resolution joins the pair and
keeps both forms as aliases, so later uses of either form resolve to it) and the pair is typed once; an acronym in the
same bracket is defined for the pair. Near-misses left alone: "X (a unit of Y)" (no name opens the bracket), "X (Y)"
with Y a place or a parent university/ministry, two names in one language, two names in a list ("(formerly Y)" is
left to the apposition stage).
Word lists: ``data/lexicon/native_names.json`` (and the languages of ``language_names.json``). Off switch:
``AIKG_NATIVE_NAMES=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ACRONYM, ORG_OR_PROGRAMME, Candidate, DocContext, Env, is_name_text
from aikg.ingest.nlp.mentions.world_names import run_type, world_name_words
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree (``AIKG_NATIVE_NAMES=off``); on by default
ENABLED_ENV = "AIKG_NATIVE_NAMES"
MAX_NAME = 14  # tokens of a second name
MAX_BRACKET = 40  # tokens between a bracket's ends
QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "«", "»"})


@dataclass(frozen=True)
class NativeWords:
    """The word lists of ``native_names.json``: labels, cues and the words that tell two languages apart."""

    languages: frozenset[tuple[str, ...]]
    label_after: tuple[tuple[str, ...], ...]
    label_before: frozenset[str]
    cues: tuple[tuple[str, ...], ...]
    line_labels: tuple[tuple[str, ...], ...]
    foreign: frozenset[str]
    english: frozenset[str]
    compound_heads: tuple[str, ...]
    parent_heads: frozenset[str]
    native_heads: dict[str, str]  # head word -> type
    former: frozenset[str]


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(p.lower().split()) for p in items}, key=len, reverse=True))


@lru_cache(maxsize=1)
def native_words() -> NativeWords:
    """``data/lexicon/native_names.json`` with the languages of ``language_names.json``, read once."""
    d = lexicon_data("native_names.json")
    langs = frozenset(tuple(x.lower().split()) for x in lexicon_data("language_names.json")["languages"])
    return NativeWords(langs, _phrases(d["label_after"]), frozenset(d["label_before"]), _phrases(d["cues"]),
                       _phrases(d["line_labels"]), frozenset(w.lower() for w in d["foreign_words"]),
                       frozenset(d["english_words"]), tuple(w.lower() for w in d["compound_heads"]),
                       frozenset(w.lower() for w in d["parent_heads"]),
                       {w.lower(): typ for typ, ws in d["native_heads"].items() for w in ws},
                       frozenset(d["former"]))


def native_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Join each name to its translation or native form beside it (brackets, comma cues, header lines)."""
    if os.environ.get(ENABLED_ENV, "on") == "off" or len(doc) < 3:
        return cands
    out = list(cands)
    low = TokenIndex.of(doc).lower
    for i in [i for i, t in enumerate(low) if t == "("]:
        out = _bracket(doc, i, out, env, ctx)
    for i in [i for i, t in enumerate(low) if t == ","]:
        out = _comma(doc, i, out, env)
    out = _lines(doc, out, env)
    return sorted(out, key=lambda c: (c.start, c.end))


# --- reading labels and names -----------------------------------------------------------------------------------

def _match(low: list[str], k: int, end: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first phrase of ``phrases`` at ``low[k:end]``, else 0."""
    for p in phrases:
        if tuple(low[k:k + len(p)]) == p and k + len(p) <= end:
            return len(p)
    return 0


def _label(low: list[str], k: int, end: int, w: NativeWords) -> int:
    """Tokens of a label opening ``low[k:end]`` ("English:", "in Spanish,", "Swahili for", "literally"), else 0."""
    n = _match(low, k, end, w.cues)
    if n:
        return n + (1 if k + n < end and low[k + n] in (":", ",") else 0)
    b = 1 if low[k] in w.label_before else 0
    for size in (2, 1):
        if tuple(low[k + b:k + b + size]) in w.languages and k + b + size < end:
            j = k + b + size
            if b:
                return j - k + (1 if low[j] in (":", ",") else 0)
            n = _match(low, j, end, w.label_after)
            if n:
                return j - k + n
    return 0


def _lang(doc: Any, start: int, end: int, env: Env) -> str | None:
    """"foreign", "english" or None (cannot tell) for the words of a name."""
    w = native_words()
    low = TokenIndex.of(doc).lower[start:end]
    world = world_name_words()
    if _foreign_head(doc, start, end) is not None or any(t in w.foreign or t in world.particles for t in low):
        return "foreign"
    if any(t.endswith(h) and t != h for t in low for h in w.compound_heads if len(t) > len(h) + 2):
        return "foreign"
    if any(t in w.english for t in low) or env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) is not None:
        return "english"
    return None


def _foreign_head(doc: Any, start: int, end: int) -> str | None:
    """The type a non-English head word gives a name ("Taasisi ...", "Lietuvos mokslo taryba"), else None."""
    heads = native_words().native_heads
    return run_type(doc, start, end, world_name_words()) \
        or next((heads[t] for t in TokenIndex.of(doc).lower[start:end] if t in heads), None)


def _head_type(doc: Any, start: int, end: int, env: Env) -> str | None:
    """The type a name's head word gives it, in any language."""
    return _foreign_head(doc, start, end) or env.typer.type_of_name(TokenIndex.of(doc).text[start:end])


def _has_parent(doc: Any, start: int, end: int) -> bool:
    heads = native_words().parent_heads
    return any(t in heads for t in TokenIndex.of(doc).lower[start:end])


def _trim(doc: Any, s: int, e: int) -> tuple[int, int]:
    """Quotes and a leading article off a name's ends ("literally 'the Lake Institute'")."""
    low = TokenIndex.of(doc).lower
    while s < e and (low[s] in QUOTES or low[s] in ("the",) or doc[s].is_space):
        s += 1
    while e > s and (low[e - 1] in QUOTES or doc[e - 1].is_space or low[e - 1] in (",", ".")):
        e -= 1
    return s, e


def _name_like(doc: Any, s: int, e: int, loose: bool) -> bool:
    """A name's shape: opens with a capital (or a script without case), few tokens, no sentence inside it; ``loose``
    (after a label) lets lower-case words stand ("Centre Lachine de perception machine")."""
    if e <= s or e - s > MAX_NAME:
        return False
    toks = doc[s:e]
    if not (is_name_text(toks[0].text) or (toks[0].text[:1].isalpha() and not toks[0].text[:1].islower())):
        return False
    if any(t.text in (".", "!", "?", ":", "(", ")", "|", "·") or "\n" in t.text for t in toks):
        return False
    if loose:
        return True
    w, world = native_words(), world_name_words()
    return all(is_name_text(t.text) or t.lower_ in w.foreign or t.lower_ in world.particles or t.lower_ in w.english
               or t.text in ("-", "&", "'", "’") for t in toks) and is_name_text(toks[-1].text)


def _shaped(doc: Any, s: int, e: int) -> bool:
    """An unlabelled name: capitalised words, or (in the languages that write names in sentence case) a capital, then
    lower-case words with a body's head word among them ("Lietuvos mokslo taryba", "Aleksoto technologijų parkas")."""
    if _name_like(doc, s, e, loose=False):
        return True
    return e - s <= MAX_NAME // 2 and _name_like(doc, s, e, loose=True) and _foreign_head(doc, s, e) is not None \
        and all(t.text.replace("-", "").replace("'", "").replace("’", "").isalpha() or t.text in ("-", "'", "’")
                for t in doc[s:e])  # "AI-beräkning" 


def _compound(doc: Any, s: int, e: int) -> bool:
    """One word with a body's head written into it ("Energimyndigheten"), not a known place."""
    if e - s != 1 or not doc[s].is_alpha or not doc[s].text[:1].isupper() or ACRONYM.match(doc[s].text):
        return False
    t = doc[s].lower_
    return any(t.endswith(h) and len(t) > len(h) + 2 for h in native_words().compound_heads) \
        and world_places().kind(doc[s].text) is None


def _alternative(doc: Any, a: Candidate, s: int, e: int, env: Env, vouched: bool = False) -> bool:
    """An unlabelled second name is the first one's translation: two languages, or a compound native name; never a
    parent on one side only, never a place. It needs a body's head word or an acronym beside it (``vouched``):
    "Kestrel Analytics (San Juan de Lurigancho)" names the firm's district."""
    if _compound(doc, s, e):
        return _lang(doc, a.start, a.end, env) == "english"
    if e - s < 2 or world_places().kind(TokenIndex.of(doc).span_text(s, e)) is not None:
        return False
    if not vouched and _head_type(doc, s, e, env) is None:
        return False
    if _has_parent(doc, s, e) != _has_parent(doc, a.start, a.end):
        return False
    langs = {_lang(doc, a.start, a.end, env), _lang(doc, s, e, env)}
    return langs == {"foreign", "english"}


# --- joining a pair -----------------------------------------------------------------------------------------------

def _pair_type(doc: Any, a: Candidate, s: int, e: int, env: Env, inner: Candidate | None) -> str:
    """One type for the pair: a listed body's; else a vote of the two names' head words and of what the text said
    about either ("Bodi ya Maji ... (Lake Basin Water Board)": the board's head word), head words first on a tie."""
    if a.entry is not None:
        return a.type
    if inner is not None and inner.entry is not None and inner.type in ORG_OR_PROGRAMME:
        return inner.type
    if a.ctx_typed and inner is not None and inner.ctx_typed and inner.type == a.type:
        return a.type  # both read from the text alike ("Igombe Fishers' Cooperative Society": a co-operative, a firm)
    votes = [_head_type(doc, a.start, a.end, env), _head_type(doc, s, e, env),
             a.type if a.ctx_typed else None, inner.type if inner is not None and inner.ctx_typed else None]
    votes = [v for v in votes if v in ORG_OR_PROGRAMME]
    if not votes:
        return a.type
    return max(votes, key=lambda t: (votes.count(t), -votes.index(t)))


def _join(doc: Any, a: Candidate, s: int, e: int, out: list[Candidate], env: Env) -> list[Candidate] | None:
    """Make ``doc[s:e]`` one mention standing for ``a`` (the mentions inside it go); None if a mention crosses it."""
    inside = [c for c in out if c.start < e and c.end > s and c is not a]
    if any(c.start < s or c.end > e for c in inside):
        return None
    exact = next((c for c in inside if (c.start, c.end) == (s, e)), None)
    if exact is not None and exact.entry is not None and a.entry is not None and exact.entry is not a.entry:
        return None  # two listed bodies
    typ = _pair_type(doc, a, s, e, env, exact)
    b = exact or Candidate(s, e, typ, "rule")
    gone = {TokenIndex.of(doc).span_text(c.start, c.end) for c in inside if c is not b} - {env.canonical_of(doc, a)}
    out = [c for c in out if c not in inside and c.canonical not in gone] + [b]  # "Ziwa" short for a fragment goes
    for c in out:
        if c.acronym_of in gone:
            c.acronym_of = env.canonical_of(doc, a)
    a.type = b.type = typ
    a.place = b.place = False
    if b.source == "ner":
        b.source, b.label = "rule", None  # a rule read it: no place or person stage takes the NER's label again
    b.ctx_typed = True
    b.canonical = env.canonical_of(doc, a)
    if b.entry is None and a.entry is not None:
        b.entry = a.entry
    return out


def _acronym(doc: Any, k: int, a: Candidate, out: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """An acronym in the pair's bracket ("MAKAZI") stands for the pair, here and in later uses."""
    acr = doc[k].text
    long_text = env.canonical_of(doc, a)
    if ctx.acronyms.get(acr, (None, long_text))[1] != long_text and any(c.start == k and c.acronym_of for c in out):
        return out
    ctx.acronyms.setdefault(acr, (a.type, long_text))
    for tok in doc:
        if tok.text != acr:
            continue
        hits = [c for c in out if c.start <= tok.i < c.end]
        if not hits:
            out.append(Candidate(tok.i, tok.i + 1, a.type, "rule", acronym_of=long_text))
        elif len(hits) == 1 and (hits[0].start, hits[0].end) == (tok.i, tok.i + 1) and hits[0].entry is None \
                and (hits[0].acronym_of in (None, long_text)):
            hits[0].type, hits[0].acronym_of, hits[0].place = a.type, long_text, False
    return out


def _parts(low: list[str], s: int, e: int, sep: str) -> list[tuple[int, int]]:
    """The parts of ``low[s:e]`` between the separators ``sep`` (";" between a bracket's parts, "," inside one)."""
    parts, k = [], s
    for j in range(s, e + 1):
        if j == e or low[j] == sep:
            if j > k:
                parts.append((k, j))
            k = j + 1
    return parts


def _is_acronym(doc: Any, s: int, e: int) -> bool:
    return e - s == 1 and ACRONYM.match(doc[s].text) is not None and doc[s].text.lower() not in ("the", "and")


def _bracket(doc: Any, i: int, out: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """"A (…)" after an organisation or programme name: label, name and acronym parts."""
    a = next((c for c in out if c.end == i and c.type in ORG_OR_PROGRAMME), None)
    low = TokenIndex.of(doc).lower
    close = next((j for j in range(i + 1, min(len(doc), i + MAX_BRACKET)) if low[j] in (")", "(") or "\n" in low[j]), None)
    if a is None or close is None or low[close] != ")":
        return out
    w = native_words()
    names: list[tuple[int, int, bool]] = []  # (start, end, labelled)
    acronyms: list[int] = []
    for s, e in _parts(low, i + 1, close, ";"):
        n = _label(low, s, e, w)
        if n:
            ns, ne = s + n, e
            if ne - ns >= 3 and low[ne - 2] == "," and _is_acronym(doc, ne - 1, ne):
                acronyms.append(ne - 1)  # "(Spanish: Consejo Superior ..., CSIC)"
                ne -= 2
            ns, ne = _trim(doc, ns, ne)
            if _name_like(doc, ns, ne, loose=True):
                names.append((ns, ne, True))
            continue
        for ps, pe in _parts(low, s, e, ","):
            if _is_acronym(doc, ps, pe):
                acronyms.append(ps)
            elif low[ps] in w.former:
                return out  # "(formerly Y)": left to the apposition stage
            else:
                names.append((ps, pe, False))
    unlabelled = [(s, e) for s, e, lab in names if not lab]
    chosen = [(s, e) for s, e, lab in names if lab]
    if len(unlabelled) == 1 and _shaped(doc, *unlabelled[0]) and _alternative(doc, a, *unlabelled[0], env, bool(acronyms)):
        chosen.append(unlabelled[0])
    elif unlabelled and not chosen:
        return out  # "(Y)" a place or parent, or "(A, B)" a list
    joined = False
    for s, e in chosen:
        got = _join(doc, a, s, e, out, env)
        if got is not None:
            out, joined = got, True
    if joined:
        for k in acronyms:
            out = _acronym(doc, k, a, out, env, ctx)
    return out


def _comma(doc: Any, i: int, out: list[Candidate], env: Env) -> list[Candidate]:
    """"X, known locally as Y,", "X, officially the Y.", "X, in Swahili Y,": a cue, then a name closed by punctuation."""
    a = next((c for c in out if c.end == i and c.type in ORG_OR_PROGRAMME), None)
    if a is None:
        return out
    low = TokenIndex.of(doc).lower
    w = native_words()
    end = min(len(doc), i + 4 + MAX_NAME)
    if i + 3 < len(doc) and low[i + 1] == "or" and _compound(doc, i + 2, i + 3) and low[i + 3] in (",", ".", ";", "(") \
            and _lang(doc, a.start, a.end, env) == "english" and not _listed(doc, a.start):
        return _join(doc, a, i + 2, i + 3, out, env) or out  # "Swedish National Audit Office, or Riksrevisionen,"
    n = _match(low, i + 1, end, w.cues)
    if not n and i + 3 < len(doc) and low[i + 1] in w.label_before and (low[i + 2],) in w.languages:
        n = 2 + (1 if low[i + 3] in (":", ",") else 0)
    if not n:
        return out
    s = i + 1 + n
    if s < len(doc) and low[s] in (":", ","):
        s += 1
    s, _ = _trim(doc, s, s + 1)
    e = s
    while e < end and not doc[e].is_punct and "\n" not in doc[e].text:
        e += 1
    if e >= len(doc) or low[e] not in (",", ".", ";", ")") or not _name_like(doc, s, e, loose=False):
        return out
    return _join(doc, a, s, e, out, env) or out


def _listed(doc: Any, start: int) -> bool:
    """The name is an item of a list ("…, the Malmö Robotics Lab, or Skogsinstitutet"): a comma before it."""
    k = start - 1
    if k >= 0 and doc[k].lower_ in native_words().english:
        k -= 1  # an article
    return k >= 0 and doc[k].text in (",", ";")


# --- header and infobox lines -------------------------------------------------------------------------------------

def _line_spans(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of the lines of the chunk (line breaks left out)."""
    spans, s = [], 0
    for t in doc:
        if "\n" in t.text:
            if t.i > s:
                spans.append((s, t.i))
            spans.append((t.i, t.i))  # a break: blank lines show as empty spans
            s = t.i + 1
    if s < len(doc):
        spans.append((s, len(doc)))
    return [(a, b) for a, b in spans]


def _whole(out: list[Candidate], s: int, e: int) -> Candidate | None:
    return next((c for c in out if (c.start, c.end) == (s, e) and c.type in ORG_OR_PROGRAMME), None)


def _named(doc: Any, out: list[Candidate], s: int, e: int) -> Candidate | None:
    """The mention a whole line names: a mention of the line itself, else the line's words read as a mention elsewhere
    in the text (a page title line the heading stage set aside: "Lake Zone AI Consortium")."""
    own = _whole(out, s, e)
    if own is not None:
        return own
    text = TokenIndex.of(doc).span_text(s, e)
    return next((c for c in out if c.type in ORG_OR_PROGRAMME and c.end - c.start == e - s
                 and TokenIndex.of(doc).span_text(c.start, c.end) == text), None)


def _lines(doc: Any, out: list[Candidate], env: Env) -> list[Candidate]:
    """A header's native name on the line next to the English one; an infobox's "Native name: Y" under its title."""
    spans = [(s, e) for s, e in _line_spans(doc) if e > s]
    low = TokenIndex.of(doc).lower
    w = native_words()
    for n, (s, e) in enumerate(spans):
        k = _match(low, s, e, w.line_labels)
        if k:
            a = next((_named(doc, out, *spans[m]) for m in range(n - 1, max(-1, n - 4), -1)
                      if _named(doc, out, *spans[m])), None)
            ns, ne = _trim(doc, s + k, e)
            if a is not None and ne > ns and ne - ns <= MAX_NAME:
                out = _join(doc, a, ns, ne, out, env) or out
            continue
        for m in (n - 1, n + 1):
            own = _whole(out, s, e)
            if not 0 <= m < len(spans) or own is not None and own.canonical is not None:
                continue
            a = _named(doc, out, *spans[m])
            if a is None or a.canonical is not None or not _adjacent(doc, spans[min(n, m)], spans[max(n, m)]):
                continue
            if _name_like(doc, s, e, loose=False) and _alternative(doc, a, s, e, env):
                out = _join(doc, a, s, e, out, env) or out
                break
    return out


def _adjacent(doc: Any, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Two lines with one line break between them (no blank line)."""
    gap = doc[first[1]:second[0]]
    return sum(t.text.count("\n") for t in gap) == 1 and all(t.is_space for t in gap)
