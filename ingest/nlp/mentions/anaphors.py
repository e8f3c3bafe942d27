"""Stage 12, anaphors: "its", a reported "it", "we", a filer's "The Company" and the descriptions the document pass
does not read ("the city", "the school") standing for an earlier (or the filer's) mention.

"the company", "the fund", "the institute" … and a sentence-opening "It" are decided in one place,
``aikg.ingest.nlp.coreference`` (run after the mention stages by ``coref_links``); this stage leaves them alone.
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.coreference import resolves_here
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, ORG_TYPES, Candidate, DocContext, Env, taken_tokens
from aikg.ingest.nlp.token_index import TokenIndex


def anaphors(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add an ``anaphor`` candidate (with ``coref``) for each reference that has an antecedent."""
    lex = env.lex
    taken = taken_tokens(cands)
    out = list(cands)
    sent_of = _sentence_starts(doc)
    sent_has: dict[int, int] = {}
    for s in cands:
        sent_has[sent_of[s.start]] = sent_has.get(sent_of[s.start], 0) + 1
    in_quote = False
    wanted = lex.self_pronouns | lex.possessive_pronouns | set(lex.anaphors) | {"it"}
    idx = TokenIndex.of(doc)  # speed: the words as lists, a token object only for a wanted word
    quotes = env.words.quotes
    for i, (text, low) in enumerate(zip(idx.text, idx.lower)):
        if text in quotes:
            in_quote = not in_quote
            continue
        if low not in wanted or i in taken or in_quote or sent_has.get(sent_of[i], 0) < 1:
            continue
        cand = _resolve(doc, doc[i], out, env, ctx)
        if cand is not None:
            out.append(cand)
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _sentence_starts(doc: Any) -> list[int]:
    """For every token, the index of the first token of its sentence."""
    sent_of = [0] * len(doc)
    cur = 0
    for t in doc:
        if t.is_sent_start:
            cur = t.i
        sent_of[t.i] = cur
    return sent_of


def _resolve(doc: Any, tok: Any, out: list[Candidate], env: Env,
             ctx: DocContext) -> Candidate | None:
    """The anaphor candidate for ``tok``, or None when it has no antecedent."""
    lex = env.lex
    low = tok.lower_
    if low in lex.self_pronouns:
        if ctx.self_name is None:
            return None
        ante = antecedent(out, tok.i, ctx.self_type, doc=doc, env=env, by_name=ctx.self_name)
        return None if ante is None else Candidate(tok.i, tok.i + 1, ctx.self_type or "Company", "anaphor",
                                                   coref=out[ante], canonical=ctx.self_name)
    if tok.text == "It" and tok.is_sent_start and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].islower():
        return None  # the sentence before's subject: coreference.Resolver.pronoun
    if low == "it" and tok.i > 0 and _reported(doc, tok.i, env):
        ante = antecedent(out, tok.i, None, doc=doc, env=env)
        if ante is not None and out[ante].start >= doc[tok.i].sent.start:
            return Candidate(tok.i, tok.i + 1, out[ante].type, "anaphor", coref=out[ante])
        return None
    if low == "it":
        return None
    if low in lex.possessive_pronouns:
        ante = antecedent(out, tok.i, None, doc=doc, env=env, same_or_prev_sentence=True)
        return None if ante is None else Candidate(tok.i, tok.i + 1, out[ante].type, "anaphor", coref=out[ante])
    if low in lex.anaphors and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
        return _definite(doc, tok, out, env, ctx)
    return None


def _definite(doc: Any, tok: Any, out: list[Candidate], env: Env, ctx: DocContext) -> Candidate | None:
    """"the company", "the institute": the nearest compatible antecedent (the filer for "The Company")."""
    low = tok.lower_
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper():
        return None  # "the Institute Board": part of a name
    typ = env.lex.anaphors[low]
    if tok.text[0].isupper() and low == "company" and ctx.self_name is not None:
        ante = antecedent(out, tok.i, ctx.self_type, doc=doc, env=env, by_name=ctx.self_name)
    elif resolves_here(low, False):
        return None  # "the fund", "the institute": coreference.Resolver.definite
    else:
        ante = antecedent(out, tok.i, typ, doc=doc, env=env, same_or_prev_sentence=True, noun=low)
    return None if ante is None else Candidate(tok.i, tok.i + 1, out[ante].type, "anaphor", coref=out[ante])


def _reported(doc: Any, i: int, env: Env) -> bool:
    """"X said on Wednesday that it had raised ...": "it" is the subject of a report by X."""
    verbs = env.words.report_verbs
    k = i - 1
    if doc[k].lower_ == "that":
        k -= 1
    steps = 0
    while k > 0 and steps < 4 and doc[k].lower_ not in verbs:
        if doc[k].is_punct:
            return False
        k -= 1
        steps += 1
    return doc[k].lower_ in verbs and i + 1 < len(doc) and doc[i + 1].pos_ != "PUNCT"


def antecedent(spans: list[Candidate], i: int, typ: str | None, *, doc: Any, env: Env, by_name: str | None = None,
               same_or_prev_sentence: bool = False, noun: str | None = None) -> int | None:
    """Index in ``spans`` of what the reference at token ``i`` stands for, or None."""
    if by_name is not None:
        best = None
        for k, s in enumerate(spans):
            if s.source != "anaphor" and env.canonical_of(doc, s) == by_name:
                if s.start < i:
                    best = k
                elif best is None:
                    best = k
        return best
    sent = doc[i].sent
    first_sent = sent.start
    if same_or_prev_sentence and first_sent > 0:
        first_sent = doc[first_sent - 1].sent.start
    if typ is None:
        return _possessor(spans, i, doc, sent, first_sent)
    cands = sorted((k for k, s in enumerate(spans) if first_sent <= s.start < i and s.source != "anaphor"),
                   key=lambda k: spans[k].start)
    typed = [k for k in cands if spans[k].type == typ]
    same_sentence = [k for k in typed if spans[k].start >= sent.start]
    if same_sentence and same_sentence[0] == cands[[spans[k].start >= sent.start for k in cands].index(True)]:
        return same_sentence[0]  # "AISG was launched by the NRF ..., and the programme is run out of NUS"
    if noun:
        named = [k for k, s in enumerate(spans) if s.start < i and s.source != "anaphor" and s.type == typ
                 and noun in env.canonical_of(doc, s).lower()]
        if named:
            return _topic(spans, named, i, typ, doc, env)
    return typed[-1] if typed else None


def _possessor(spans: list[Candidate], i: int, doc: Any, sent: Any, first_sent: int) -> int | None:
    """"its", "their": the first organisation of this sentence (of its clause after ";"), else of the previous one."""
    clause = max((t.i for t in doc[sent.start:i] if t.text == ";"), default=None)
    if clause is not None and any(clause < s.start < i and s.type in ORG_TYPES for s in spans):
        first_sent = clause + 1
        sent = doc[clause + 1:i + 1]
    every = sorted((k for k, s in enumerate(spans) if first_sent <= s.start < i), key=lambda k: spans[k].start)
    giver = _giver_before(spans, every, i, doc)
    if giver is not None:
        return giver  # "a grant from X (XA) under its Y scheme": X's scheme, not the recipient's
    orgs = [k for k in every if spans[k].type in ORG_OR_PROGRAMME]
    here = [k for k in orgs if spans[k].start >= sent.start]
    pick = here[0] if here else (orgs[0] if orgs else None)
    while pick is not None and spans[pick].source == "anaphor" and spans[pick].coref is not None:
        target = spans[pick].coref
        pick = next((k for k, s in enumerate(spans) if s is target), None)
    return pick


def _giver_before(spans: list[Candidate], every: list[int], i: int, doc: Any) -> int | None:
    """"from X under its", "by X (XA) through its": the name a funding phrase just gave ("under its P scheme" is the
    giver's scheme; relation_funding_published.py reads the FUNDS)."""
    if i < 3 or doc[i - 1].lower_ not in ("under", "through", "via"):
        return None
    end = i - 1
    ends = {spans[k].end: k for k in every}
    if doc[end - 1].text == ")" and (end - 1) in ends and spans[ends[end - 1]].start >= 1 \
            and doc[spans[ends[end - 1]].start - 1].text == "(":
        end = spans[ends[end - 1]].start - 1  # "(TARI)" after the name
    k = ends.get(end)
    if k is None or spans[k].type not in ORG_OR_PROGRAMME:
        return None
    b = spans[k].start - 1
    while b >= 0 and doc[b].lower_ in ("the", "a", "an"):
        b -= 1
    return k if b >= 0 and doc[b].lower_ in ("from", "by") else None


def _topic(spans: list[Candidate], named: list[int], i: int, typ: str, doc: Any, env: Env) -> int:
    """Of the names "the institute" may stand for, the one the text has mentioned most so far (acronyms count),
    the latest on a tie: a partner named once in passing does not take over the text's subject."""
    counts: dict[str, int] = {}
    for s in spans:
        if s.start < i and s.source != "anaphor" and s.type == typ:
            name = env.canonical_of(doc, s)
            counts[name] = counts.get(name, 0) + 1
    return max(reversed(named), key=lambda k: counts.get(env.canonical_of(doc, spans[k]), 0))
