"""Stage 6, short forms: a name used again ("Quillmark" after "Quillmark Systems, Inc.", a repeat the NER missed)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, taken_tokens
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places


@lru_cache(maxsize=1)
def _forms() -> dict[str, frozenset[str]]:
    """The short-form word lists of ``name_forms.json`` (place slots, demonyms, legal tails, generic heads)."""
    keys = ("place_slot_words", "place_slot_not_after", "known_place_slot_words", "place_suffix_words", "demonym_endings",
            "demonyms", "legal_tails", "short_form_heads")
    return dict(zip(keys, lexicon_sets("name_forms.json", keys)))


def short_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Repeats of full names, then first words of organisation names standing alone."""
    span_text = TokenIndex.of(doc).span_text
    org_named = {span_text(s.start, s.end) for s in cands if s.type in ORG_TYPES and s.ctx_typed}
    # a name the text also types as a body is no person's ("Kordon Veri" read as a person once): its words stay free
    person_words = {t.text for s in cands if s.type == "Person" and s.end - s.start > 1
                    and span_text(s.start, s.end) not in org_named for t in doc[s.start:s.end]}
    short = _short_names(doc, cands, person_words, env)
    taken = taken_tokens(cands)
    out = list(cands)
    _repeats(doc, cands, out, taken, env)
    _prefix_persons(doc, out, env)
    _head_references(doc, out, env)
    if not short:
        return out
    org_read = {doc[s.start].text for s in out if s.type in ORG_TYPES and s.end - s.start == 1}
    as_place = _place_uses(doc, short, out)
    first_line = _first_line_end(doc)
    for sp in out:  # "Foghorn" read as a person where "Foghorn Capital" is named
        if sp.source == "ner" and sp.end - sp.start == 1 and doc[sp.start].text in short \
                and (sp.type == "Person" or sp.type in ORG_TYPES and doc[sp.start].text not in person_words
                     or sp.type == "Cluster" and sp.place and not sp.ctx_typed and sp.entry is None
                     and short[doc[sp.start].text].type == "Company"
                     and (doc[sp.start].text in org_read or doc[sp.start].text not in as_place)):
            host = short[doc[sp.start].text]
            if sp.type in ORG_TYPES and first_line <= sp.start < host.start:
                continue  # "The telecom operator Islacom ... Its subsidiary Islacom Labs": named first, its own body
            if sp.type in ORG_TYPES and sp.type != host.type and sp.end <= host.start \
                    and doc[sp.start].sent.start == doc[host.start].sent.start:
                continue  # "Amazon funds the Amazon Science Hub": in one sentence a short form follows its full name
            sp.type, sp.source, sp.entry, sp.canonical = host.type, "rule", host.entry, env.canonical_of(doc, host)
    for tok in doc:
        s = short.get(tok.text)
        if s is None or tok.i in taken or first_line <= tok.i < s.start or tok.text in as_place:
            continue  # "a start-up from Semey" where "Semey Vet AI" is named: the town
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start:
            continue  # part of a longer name
        out.append(Candidate(tok.i, tok.i + 1, s.type, "rule", entry=s.entry, canonical=env.canonical_of(doc, s)))
        taken.add(tok.i)
    return out


#: a first line of at most this many tokens is a headline, which may shorten a name the text names in full later
HEADLINE_TOKENS = 25


def _first_line_end(doc: Any) -> int:
    """Index of the first token after a headline ("Quillmark raises $10 million"), or 0 without one."""
    for t in doc[:HEADLINE_TOKENS + 1]:
        if "\n" in t.whitespace_ or t.is_space and "\n" in t.text:
            return t.i + 1
    return 0


def _head_references(doc: Any, cands: list[Candidate], env: Env) -> None:
    """"the Faculty's advisory board" after "the Faculty of Computing and Data Science": a capitalised head word
    alone after "the" is the one body of the text whose name opens with it (its type and name); with none or
    several such bodies it stays as it was."""
    lex = env.lex
    heads = lex.institute_words | lex.institute_first | lex.agency_first
    lone = [s for s in cands if s.end - s.start == 1 and s.source == "ner" and s.entry is None and not s.ctx_typed
            and doc[s.start].lower_ in heads and s.start > 0 and doc[s.start - 1].lower_ == "the"]
    if not lone:
        return
    span_text = TokenIndex.of(doc).span_text
    bodies: dict[str, dict[str, Candidate]] = {}
    for s in cands:
        if s.type in ORG_TYPES and s.end - s.start >= 3 and doc[s.start].lower_ in heads:
            bodies.setdefault(doc[s.start].lower_, {}).setdefault(span_text(s.start, s.end), s)
    for s in lone:
        named = bodies.get(doc[s.start].lower_, {})
        if len(named) == 1:
            host = next(iter(named.values()))
            s.type, s.source, s.canonical = host.type, "rule", env.canonical_of(doc, host)


#: words right before a place-like reading that put a body there ("at Toi Ohomai", "from Toi Ohomai")
_BODY_SLOT = frozenset({"at", "from", "with", "by", "of"})


def _open_reading(s: Candidate) -> bool:
    """An NER person reading, or a place reading nothing confirmed: a short form may still claim it."""
    return s.source == "ner" and (s.type == "Person" or s.type == "Cluster" and s.place and not s.ctx_typed
                                  and s.entry is None)


def _prefix_persons(doc: Any, cands: list[Candidate], env: Env) -> None:
    """"Quarry Lane" read as a person where "Quarry Lane AI" is named: the firm without its last word; "Toi Ohomai"
    where "Toi Ohomai Institute of Technology" is: the name before its head word."""
    if not any(_open_reading(s) for s in cands):
        return
    hosts: dict[tuple[str, ...], Candidate] = {}
    lex = env.lex
    heads = lex.institute_words | lex.institute_first | lex.agency_first
    given = forms().given
    named_for: set[tuple[str, ...]] = set()  # may be the person a body is named for: only place readings go
    for s in cands:
        if s.type not in ORG_TYPES or s.end - s.start < 3:
            continue
        words = tuple(t.text for t in doc[s.start:s.end])
        if words[-1].lower() in lex.company_last:
            hosts.setdefault(words[:-1], s)
        # "Toi Ohomai" read as a person where "Toi Ohomai Institute of Technology" is named: the words before the
        # head word, unless they open with a given name ("Ada Lovelace" of the Ada Lovelace Institute is a person)
        k = next((k for k in range(2, len(words)) if words[k].lower() in heads), None)
        if k is not None and all(w[:1].isupper() for w in words[:k]):
            hosts.setdefault(words[:k], s)
            if words[0] in given:
                named_for.add(words[:k])
    if not hosts:
        return
    for s in cands:
        key = tuple(t.text for t in doc[s.start:s.end])
        if key in named_for and (s.type == "Person" or s.start == 0 or doc[s.start - 1].lower_ not in _BODY_SLOT):
            continue  # "Amelia Hartwell, who endowed it": the person; "trainees at Toi Ohomai": the body
        host = hosts.get(key) if _open_reading(s) else None
        if host is not None:
            s.type, s.source, s.entry, s.canonical = host.type, "rule", host.entry, env.canonical_of(doc, host)


def _short_names(doc: Any, cands: list[Candidate], person_words: set[str], env: Env) -> dict[str, Candidate]:
    """First word -> the organisation name it may stand for ("Sadeem" -> "Sadeem Analytics")."""
    lex = env.lex
    short: dict[str, Candidate] = {}
    heads = lex.institute_words | lex.agency_first | lex.programme_last | lex.institute_first
    not_names = {e.text for e in doc.ents if e.label_ in ("LANGUAGE", "DATE") or e.label_ == "NORP" and _demonym(e.text)}
    span_text = TokenIndex.of(doc).span_text
    # "Graz is home to", "Tromsø": a place the text says is one; an open NER place reading of a firm's first word
    # ("Kendala will supply ...") is weighed where it is read (a firm's, unless the text also puts it "in Kendala")
    not_names |= {span_text(s.start, s.end) for s in cands if s.type == "Cluster" and (
        s.ctx_typed or s.entry is not None or not s.place)}
    # a bare NER place reading of a word the text also treats as a body ("joins Kumayri's board") is a short form
    for s in cands:
        if s.type not in ORG_TYPES or s.end - s.start < 2 or s.acronym_of:
            continue
        first = doc[s.start]
        t = first.text
        if (len(t) < 4 or not t[0].isupper() or t.isupper() or t.lower() in heads or t in not_names
                or t in person_words or env.gaz.lookup(t) is not None or first.is_stop or t.lower() in env.words.articles):
            continue
        if doc[s.start + 1].text in {"-", "’s", "'s"}:
            continue
        short.setdefault(t, s)
    return short


def _full_names(doc: Any, cands: list[Candidate], env: Env) \
        -> tuple[dict[tuple[str, ...], Candidate], dict[tuple[str, ...], Candidate]]:
    """Names as written -> their mention, and the shorter forms among them ("Khan Cloud" of "Khan Cloud LLC")."""
    full: dict[tuple[str, ...], Candidate] = {}
    for s in cands:
        if s.type != "Cluster" and s.source != "anaphor" and s.acronym_of is None and doc[s.start].text[:1].isupper():
            full.setdefault(tuple(t.text for t in doc[s.start:s.end]), s)
    shorter: dict[tuple[str, ...], Candidate] = {}
    for key, s in full.items():
        cut = _without_tail(key, s, env)
        if cut is not None and cut not in full:
            shorter.setdefault(cut, s)
    full.update(shorter)
    return full, shorter


def _without_tail(key: tuple[str, ...], s: Candidate, env: Env) -> tuple[str, ...] | None:
    """"Khan Cloud" of "Khan Cloud LLC", "Pannala Agritech" of "Pannala Agritech (Pvt) Ltd", "Northern Grain" of
    "Northern Grain Cooperative": an organisation's name without its legal form or generic head, when two or more
    capitalised words stay that name no place ("New York" of "New York University" stays the city)."""
    if s.type not in ORG_TYPES or s.source == "gazetteer" or s.entry is not None or len(key) < 3:
        return None
    f = _forms()
    k = len(key)
    while k > 0 and (key[k - 1].lower() in f["legal_tails"] or key[k - 1] in (",", "(", ")")):
        k -= 1
    if k == len(key) and key[-1].lower() in f["short_form_heads"]:
        k -= 1
    cut = key[:k]
    if k == len(key) or len(cut) < 2 or not all(w[:1].isupper() for w in cut):
        return None
    if world_places().kind(" ".join(cut)) is not None or env.gaz.lookup(" ".join(cut)) is not None:
        return None
    if env.typer.type_of_name(list(cut)) not in (None, s.type):
        return None  # "Ishavet Institute" stays for the type rules
    return cut


def _demonym(word: str) -> bool:
    """"Kazakh", "Nepali", "Ethiopian": a people's name, which the NER reads as NORP; an invented firm's first word
    the NER also reads so ("Merlion runs the machines", "Sahyadri wanted to") is none."""
    f = _forms()
    low = word.lower()
    if low in f["demonyms"] or any(low.endswith(e) for e in f["demonym_endings"]):
        return True
    return low.endswith("i") and world_places().kind(word[:-1]) is not None  # "Nepali", "Omani"


def _place_uses(doc: Any, short: dict[str, Candidate], cands: list[Candidate]) -> set[str]:
    """Short-form words the text also uses as a place: "in Selam", "Selam-based", "Selam, Ethiopia"."""
    f = _forms()
    places = {doc[c.start:c.end].text for c in cands if c.type == "Cluster"}
    org_ends = {c.end for c in cands if c.type in ORG_TYPES}
    wp = world_places()
    out: set[str] = set()
    n = len(doc)
    for tok in doc:
        w = tok.text
        if w not in short or w in out:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < n else None
        if nxt is not None and nxt.text in ("'s", "’s"):
            continue  # "in Kendala's workshop": the firm's
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        known = wp.kind(w) is not None
        if prev in f["place_slot_words"] and (tok.i < 2 or doc[tok.i - 2].lower_ not in f["place_slot_not_after"]) or \
                known and prev in f["known_place_slot_words"] or prev == "," and tok.i - 1 in org_ends or \
                nxt is not None and nxt.text in ("-", "–") and not tok.whitespace_ and tok.i + 2 < n \
                and doc[tok.i + 2].lower_ in f["place_suffix_words"] or \
                nxt is not None and nxt.text == "," and tok.i + 2 < n and doc[tok.i + 2].text in places:
            out.add(w)
    return out


def _repeats(doc: Any, cands: list[Candidate], out: list[Candidate], taken: set[int], env: Env) -> None:
    """The same name again where the NER missed it (or read only part of it), or without its legal form."""
    full, shorter = _full_names(doc, cands, env)
    if not full:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(full, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    words = [t.text for t in doc]
    for i, w in enumerate(words):
        for key in by_first.get(w, ()):
            n = len(key)
            if tuple(words[i:i + n]) != key:
                continue
            s = full[key]
            inside = [o for o in out if o.start < i + n and o.end > i]
            if i + n < len(doc) and key in shorter and (doc[i + n].text[:1].isupper() and not doc[i + n].is_sent_start
                                                        or doc[i + n].text in ("-", "–")):
                continue  # "Khan Cloud Services", "Khan Cloud-based": part of another name or word
            same = [o for o in inside if (o.start, o.end) == (i, i + n)]
            if same and (key in shorter or n >= 2 and s.type == "Company" and world_places().kind(" ".join(key)) is None
                         and (s.source == "rule" or s.ctx_typed)):
                for o in same:  # "Pannala Agritech" read alone: the firm named in full ("Pannala Agritech (Pvt) Ltd")
                    if _open_reading(o) or o.source == "ner" and o.entry is None and not o.ctx_typed and o.type in ORG_TYPES:
                        o.type, o.source, o.canonical = s.type, "rule", env.canonical_of(doc, s)
                continue
            if same:
                continue  # found here already: its own reading stands (types are reconciled later)
            # a partial NER reading inside the name ("Quantum" in "Helix Quantum") gives way
            if any(o.source == "gazetteer" or o.start < i or o.end > i + n for o in inside) or (inside and n == 1):
                continue
            for o in inside:
                out.remove(o)
            out.append(Candidate(i, i + n, s.type, s.source if s.source == "gazetteer" else "rule", entry=s.entry,
                                 label=s.label, canonical=env.canonical_of(doc, s)))
            taken.update(range(i, i + n))
            break
