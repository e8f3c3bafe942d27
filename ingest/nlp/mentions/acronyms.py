"""Stage 4, acronyms: defined in brackets after a name ("... (BWIDS)") and reused later in the document."""

from __future__ import annotations

import re
from typing import Any

from aikg.ingest.nlp.gazetteer_guard import defined_otherwise
from aikg.ingest.nlp.mentions.base import (
    ACRONYM,
    ACRONYM_HEAD,
    ORG_OR_PROGRAMME,
    Candidate,
    DocContext,
    Env,
    taken_tokens,
)
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: an acronym written as several tight tokens: "NM-AIST", "TU/e", "UNI-SOL", "ASIA-Innov" (two capitals at least)
JOINED_ACRONYM = re.compile(r"^(?=(?:.*[^\W\d_a-z]){2})[^\W_][\w]*(?:[-/&][\w]+)+$")
#: an acronym of capitals outside ASCII ("İZİTA", "TÜBİTAK")
WIDE_ACRONYM = re.compile(r"^(?=.*[^\x00-\x7f])[^\W\d_a-z]{2,}[^\W_]*$")
MAX_JOINED = 7  # tokens of a joined acronym
#: a capitalised word that may be a syllable acronym ("Concytec", "Secihti", "Cotriplan"), checked against the name
SYLLABIC = re.compile(r"^[^\W\d_a-z][^\W\d_A-Z]{5,9}$")


def acronyms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Record definitions in ``ctx`` and type every later use of a defined acronym like its expansion."""
    out = list(cands)
    by_start = {s.start: s for s in out}
    out = _joined_definitions(doc, out, env, ctx)
    by_start = {s.start: s for s in out}
    two_word = _definitions(doc, out, by_start, env, ctx)
    if two_word:
        _two_word_uses(doc, out, two_word)
    if ctx.acronyms:
        out = _joined_reuses(doc, out, ctx)
        by_start = {s.start: s for s in out}
        _reuses(doc, out, by_start, env, ctx)
    return out


def _joined_at(doc: Any, i: int) -> int | None:
    """End of a joined acronym starting at token ``i`` ("NM" "-" "AIST"), else None."""
    j = i
    while j < len(doc) and j - i < MAX_JOINED and not doc[j].whitespace_ and j + 1 < len(doc) \
            and (doc[j + 1].text in ("-", "/", "&") or doc[j].text in ("-", "/", "&")):
        j += 1
    if j == i or doc[j].text in ("-", "/", "&"):
        return None
    return j + 1 if JOINED_ACRONYM.match("".join(t.text for t in doc[i:j + 1])) else None


def _joined_definitions(doc: Any, out: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """"Nelson Mandela African Institution of Science and Technology (NM-AIST)", "... (TU/e)", "(TÜBİTAK)": an
    acronym of several tight tokens, or of capitals outside ASCII, in brackets right after an organisation's name."""
    by_end = {s.end: s for s in out if s.type in ORG_OR_PROGRAMME}
    for i in [i for i, t in enumerate(TokenIndex.of(doc).text) if t == "("]:
        if i + 2 >= len(doc) or i not in by_end:
            continue
        end = _joined_at(doc, i + 1)
        if end is None and WIDE_ACRONYM.match(doc[i + 1].text):
            end = i + 2
        if end is None or end >= len(doc) or doc[end].text != ")":
            continue
        text = "".join(t.text for t in doc[i + 1:end])
        long_span = by_end[i]
        initials = {t.text[:1].lower() for t in doc[long_span.start:long_span.end] if t.is_alpha}
        if text[:1].lower() not in initials or text in ctx.acronyms:
            continue  # "(ASIA-Innov)" after "Senegalese Agency ...": the first letter opens one of the name's words
        long_text = env.canonical_of(doc, long_span)
        ctx.acronyms[text] = (long_span.type, long_text)
        out = [s for s in out if not (i + 1 <= s.start and s.end <= end + 1) or s is long_span]
        out.append(Candidate(i + 1, end, long_span.type, "rule", acronym_of=long_text))
    return sorted(out, key=lambda c: (c.start, c.end))


def _joined_reuses(doc: Any, out: list[Candidate], ctx: DocContext) -> list[Candidate]:
    """Later uses of a joined acronym ("NM-AIST researchers", "TU/e's lab") take its expansion."""
    joined = {k: v for k, v in ctx.acronyms.items() if not k.isalnum()}
    if not joined:
        return out
    firsts = {re.split(r"[-/&]", k)[0] for k in joined}
    for tok in doc:
        if tok.text not in firsts or tok.i > 0 and doc[tok.i - 1].text == "(" and any(
                s.start == tok.i and s.acronym_of for s in out):
            continue
        end = _joined_at(doc, tok.i)
        hit = joined.get("".join(t.text for t in doc[tok.i:end])) if end is not None else None
        if hit is None or any(s.start < end and s.end > tok.i and (s.start < tok.i or s.end > end) for s in out):
            continue
        out = [s for s in out if not (tok.i <= s.start and s.end <= end)]
        out.append(Candidate(tok.i, end, hit[0], "rule", acronym_of=hit[1]))
    return sorted(out, key=lambda c: (c.start, c.end))


def _definitions(doc: Any, out: list[Candidate], by_start: dict[int, Candidate], env: Env,
                 ctx: DocContext) -> dict[tuple[str, str], tuple[str, str]]:
    """NAME ( ACR ): the acronym gets the name's type; returns two-word forms ("NC State") to find later."""
    by_end = {s.end: s for s in out}
    two_word: dict[tuple[str, str], tuple[str, str]] = {}
    for i in [i for i, t in enumerate(TokenIndex.of(doc).text) if t == "("]:  # speed: both forms open a bracket
        tok = doc[i]
        if tok.text == "(" and tok.i + 3 < len(doc) and doc[tok.i + 3].text == ")" and ACRONYM_HEAD.match(doc[tok.i + 1].text) \
                and doc[tok.i + 2].text[:1].isupper() and doc[tok.i + 2].is_alpha and tok.i in by_end \
                and by_end[tok.i].type in ORG_OR_PROGRAMME:
            # "North Carolina State University (NC State)", "Delft University of Technology (TU Delft)"
            long_span = by_end[tok.i]
            key = (doc[tok.i + 1].text, doc[tok.i + 2].text)
            two_word.setdefault(key, (long_span.type, env.canonical_of(doc, long_span)))
            continue
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text not in (")", ";", ","):
            continue
        acr = doc[tok.i + 1]
        syllabic = SYLLABIC.match(acr.text) is not None and not ACRONYM.match(acr.text)
        if not (ACRONYM.match(acr.text) or syllabic) or acr.text.lower() in {"the", "and"}:
            continue
        if doc[tok.i + 2].text != ")" and not ACRONYM_HEAD.match(acr.text):
            continue  # "(LCMP; French: ...)": an encyclopedia's acronym before other names; a word needs ")"
        long_span = by_end.get(tok.i)
        if long_span is None and syllabic:
            continue  # "Concytec" only right after the name it shortens
        if long_span is None:
            long_span = expansion_from_letters(doc, tok.i, acr.text, env)
            if long_span is None:
                continue
            out.append(long_span)
            by_end[long_span.end] = long_span
        if long_span.type == "Cluster" and long_span.entry is None and ACRONYM_HEAD.match(acr.text):
            long_span = _name_over_place(doc, tok.i, acr.text, long_span, out, env) or long_span
        if long_span.type in ("Person", "Cluster") or not _may_abbreviate(doc, acr, long_span, by_start):
            continue
        _define(doc, acr, long_span, out, by_start, env, ctx)
    return two_word


def _name_over_place(doc: Any, paren: int, acr: str, place: Candidate, out: list[Candidate], env: Env) -> Candidate | None:
    """"the Centre for Applied Research in Djibouti (CARD)": the place the NER read before the bracket ends a longer
    name whose initials spell the acronym; that name replaces the readings inside it."""
    grown = expansion_from_letters(doc, paren, acr, env)
    if grown is None or grown.start >= place.start or grown.type == "Cluster":
        return None
    inside = [s for s in out if s.start < paren and s.end > grown.start]
    if any(s.start < grown.start or s.entry is not None for s in inside):
        return None
    for s in inside:
        out.remove(s)
    out.append(grown)
    return grown


def _may_abbreviate(doc: Any, acr: Any, long_span: Candidate, by_start: dict[int, Candidate]) -> bool:
    """"Hoshizora AI (Osaka)", "Mapo Robotics (Seoul)": a listed place in brackets is where the body is, and a
    word in brackets that is not all capitals abbreviates a name only if it starts with the name's first letter."""
    inner = by_start.get(acr.i)
    if inner is not None and inner.entry is not None and inner.entry.type == "Cluster":
        return False
    if acr.text[1:].islower():
        # "Amii" for "Alberta Machine ...", "Mila" for "Montreal Institute for ...": the second letter opens the
        # name's second word too ("Arganix (Agadir)", "Oriental Health Data (Oujda)" give a town, not an acronym)
        low = acr.text.lower()
        words = [t.lower_ for t in doc[long_span.start:long_span.end] if t.is_alpha and not t.is_stop]
        if not words or low[0] != words[0][:1]:
            return False
        if words[0].startswith(low) or len(words) >= 2 and low[1] == words[1][:1]:
            return True
        every = [t.lower_ for t in doc[long_span.start:long_span.end] if t.is_alpha]
        return world_places().kind(acr.text) is None and syllables_of(low, every)
    return True


def syllables_of(low: str, words: list[str]) -> bool:
    """"concytec" of "Consejo Nacional de Ciencia y Tecnología", "secihti" of "Secretaría de Ciencia, Humanidades,
    Tecnología e Innovación", "cotriplan" of "Cooperativa Tritícola do Planalto": the acronym is the opening letters of
    the first word and of at least two more, in order (other words left out), and ends in the name's last word."""
    if len(low) < 5 or len(words) < 3:
        return False

    def fits(i: int, w: int, used: int) -> bool:
        if i == len(low):
            return used >= 3 and w == len(words)
        if w == len(words):
            return False
        word = words[w]
        for k in range(min(len(word), len(low) - i), 0, -1):
            if word[:k] == low[i:i + k] and fits(i + k, w + 1, used + 1):
                return True
        return w > 0 and w < len(words) - 1 and fits(i, w + 1, used)  # a word left out (never the first or last)

    return fits(0, 0, 0)


def _define(doc: Any, acr: Any, long_span: Candidate, out: list[Candidate], by_start: dict[int, Candidate],
            env: Env, ctx: DocContext) -> None:
    """Record ``acr`` as the acronym of ``long_span`` and type its mention."""
    inner = by_start.get(acr.i)
    if inner is not None and defined_otherwise(TokenIndex.of(doc).span_text(long_span.start, long_span.end), inner.entry, long_span.entry):
        inner.entry, inner.source = None, "rule"  # gazetteer_guard: the document's own name for the acronym wins
    if long_span.entry is None and inner is not None and inner.entry is not None and inner.entry.type == long_span.type:
        long_span.entry = inner.entry
    long_text = env.canonical_of(doc, long_span)
    ctx.acronyms.setdefault(acr.text, (long_span.type, long_text))
    if inner is not None:
        inner.type = long_span.type
        inner.acronym_of = long_text
        inner.place = False
    else:
        sp = Candidate(acr.i, acr.i + 1, long_span.type, "rule", acronym_of=long_text)
        out.append(sp)
        by_start[acr.i] = sp


def _two_word_uses(doc: Any, out: list[Candidate], two_word: dict[tuple[str, str], tuple[str, str]]) -> None:
    """Uses of a two-word short form ("NC State") replace the shorter readings inside them."""
    for tok in doc[:-1]:
        hit = two_word.get((tok.text, doc[tok.i + 1].text))
        if hit is None:
            continue
        for s in [s for s in out if s.start <= tok.i + 1 and s.end > tok.i and (s.start, s.end) != (tok.i, tok.i + 2)]:
            if s.start >= tok.i and s.end <= tok.i + 2:
                out.remove(s)
        if not any(s.start < tok.i + 2 and s.end > tok.i for s in out):
            out.append(Candidate(tok.i, tok.i + 2, hit[0], "rule", acronym_of=hit[1]))
        else:
            for s in out:
                if (s.start, s.end) == (tok.i, tok.i + 2):
                    s.type, s.acronym_of, s.place = hit[0], hit[1], False


def _reuses(doc: Any, out: list[Candidate], by_start: dict[int, Candidate], env: Env, ctx: DocContext) -> None:
    """Every later use of a defined acronym takes the expansion's type ("IDEAS NCBR" stays a longer name)."""
    taken = taken_tokens(out)
    for tok in doc:
        hit = ctx.acronyms.get(tok.text)
        if hit is None:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and ACRONYM_HEAD.match(prev.text) and prev.whitespace_ == " " and prev.text not in ctx.acronyms \
                and not (tok.i - 1 in taken and not any(s.start == tok.i - 1 and s.end <= tok.i + 1 for s in out)):
            # "IDEAS NCBR" is a longer name that holds the acronym, not the acronym's body
            for s in [s for s in out if s.start >= tok.i - 1 and s.end <= tok.i + 1]:
                out.remove(s)
            typ = env.typer.context_type(doc, tok.i - 1, tok.i + 1, "ORG", None) or env.lex.default_org
            if typ != "drop":
                out.append(Candidate(tok.i - 1, tok.i + 1, typ, "rule", label="ORG"))
            taken.update((tok.i - 1, tok.i))
            continue
        sp = by_start.get(tok.i)
        if sp is not None and sp.end == tok.i + 1:
            sp.type, sp.acronym_of, sp.place = hit[0], hit[1], False
            if defined_otherwise(hit[1], sp.entry):
                sp.entry, sp.source = None, "rule"  # gazetteer_guard: the document defined the acronym otherwise
            continue
        if tok.i in taken:
            continue
        out.append(Candidate(tok.i, tok.i + 1, hit[0], "rule", acronym_of=hit[1]))
        taken.add(tok.i)


def expansion_from_letters(doc: Any, paren: int, acr: str, env: Env) -> Candidate | None:
    """Schwartz–Hearst-style: the shortest preceding phrase whose initials spell the acronym."""
    letters = [c.lower() for c in acr if c.isalpha()]
    upper = [c.lower() for c in acr if c.isupper()]
    if len(upper) >= 2 and len(upper) < len(letters):
        letters = upper  # "MassTech": M, T
    if len(letters) < 2:
        return None
    for length in range(len(letters), min(len(letters) + 5, 12) + 1):
        start = paren - length
        if start < 0 or doc[start].is_sent_start and start != paren - length:
            break
        toks = doc[start:paren]
        if any(t.is_punct and t.text not in {"-", "&", "'"} for t in toks):
            break
        initials = [t.text[0].lower() for t in toks if t.lower_ not in env.lex.acronym_stopwords and t.text[0].isalpha()]
        if not initials or initials[0] != letters[0] or not toks[0].text[0].isupper():
            continue
        it = iter(initials)
        if all(any(c == x for x in it) for c in letters) and len(initials) <= len(letters) + 1:
            typ = env.typer.type_of_name([t.text for t in toks])
            said = env.typer.context_type(doc, start, paren, "ORG", None) if typ is None else None
            if said in ("Programme", "Institute", "Agency", "Company"):
                return Candidate(start, paren, said, "rule", ctx_typed=True)  # "X (LCC) is a ... programme"
            return Candidate(start, paren, typ or env.lex.default_org, "rule")
    return None
