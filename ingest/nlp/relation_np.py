"""Relations stated with nouns rather than verbs, where the relation type comes from the noun.

* A group noun introduces a list of the owner's partners, members or funders:
  "X counts A, B and C among its industrial partners" (PARTNERS_WITH X–A, X–B, X–C),
  "the consortium counts A among its members" (MEMBER_OF A→X). Customers or rivals state nothing.
* A funding word with no recipient of its own ("with participation from Y", "with Z also
  investing") takes the recipient of the round it belongs to ("X raised $12 million in a round
  led by V, with participation from Y").

The word lists are data (``group_nouns``, ``among_verbs``, ``round_nouns`` in
``data/lexicon/relations.json``).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

RAISE_VERBS = ("raise", "close", "complete", "secure", "announce", "receive", "land", "net")


def group_list(ctx: Any, verb: Any, groups: dict[str, dict[str, str]], emit: Callable[[str, int, int], None]) -> bool:
    """"X counts A and B among its partners": the owner, the members and the group noun's relation."""
    among = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        among += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "among"]
    for prep in among:
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            low = noun.lemma_.lower()  # "members": a plural the light lemmatiser keeps (a noun trigger of its own)
            spec = groups.get(low) or (groups.get(low[:-1]) if low.endswith("s") else None)
            if spec is None:
                if noun.i not in ctx.tok2m and noun.pos_ == "NOUN" and noun.tag_ in ("NNS", "NNPS"):
                    return True  # "counts X among its customers": a group that states no relation
                continue
            subjects = set().union(*(ctx.mentions(s) for s in ctx.subject_tokens(verb, False)))
            pronoun = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children)
            # "X counts A among its partners": "its" is the subject X (never one of the listed)
            owners = subjects if pronoun and subjects else set().union(
                *(ctx.mentions(c) for c in noun.children if c.dep_ == "poss")) or subjects
            members = set().union(*(ctx.mentions(c) for c in verb.children if c.dep_ == "dobj"))
            for o in sorted(owners):
                for m in sorted(members - {o}):
                    if spec["member"] == "src":
                        emit(spec["rel"], m, o)
                    else:
                        emit(spec["rel"], o, m)
            return True
    return False


def round_recipients(ctx: Any, tok: Any, round_nouns: frozenset[str]) -> set[int]:
    """Who received the round a funding word is attached to (walking up at most six heads).

    A verb on the way whose object is the round ("Y led X's seed round, with participation from Z",
    "Z also joined the round") gives the round's owner; "the round" with no owner in its sentence is
    the round of the sentence before (``ctx.round_owner``)."""
    node, steps = tok, 0
    while steps < 7:
        lemma = node.lemma_.lower()
        if lemma in round_nouns and node.pos_ in ("NOUN", "PROPN") and node is not tok:
            got = ctx.mentions(node)
            if got:
                return got
        if node.pos_ in ("VERB", "AUX"):
            if lemma in RAISE_VERBS:
                return set().union(*(ctx.mentions(c) for c in node.children if c.dep_ in ("nsubj", "nsubjpass")))
            for obj in (c for c in node.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in round_nouns):
                return _round_owner(ctx, obj)
        if node.head.i == node.i:
            break
        node = node.head
        steps += 1
    parts = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "part"]
    if ctx.round_owner is not None and parts and not any(
            p == "in" and pobj.lemma_.lower() not in round_nouns for n in [tok, *parts] for p, pobj in ctx.preps(n)):
        return {ctx.round_owner}  # "Y and Z also took part" right after a round (not "took part in a hackathon")
    return set()


def _round_owner(ctx: Any, noun: Any) -> set[int]:
    """"X's seed round", "the round of X", "the X round"; "the round" alone: the round named just before."""
    got = ctx.modifier_mentions(noun)
    for p, pobj in ctx.preps(noun):
        if p in ("of", "for"):
            got |= ctx.mentions(pobj)
    if got:
        return got
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    return {ctx.round_owner} if definite and ctx.round_owner is not None else set()


def add_recipients(roles: dict[str, set[int]], recipients: Iterable[int]) -> None:
    """Fill an empty target slot with the round's recipients (never the funder itself)."""
    roles["tgt"].update(r for r in recipients if r not in roles["src"])


def pact_complement_roles(ctx: Any, n: Any, frame: Any, complements: frozenset[str]) -> list[tuple[str, set[int]]]:
    """"a memorandum of understanding between A and B", "an agreement of cooperation with Y": the parser hangs the
    parties on the "of" complement, not on the pact noun; their roles are the pact noun's own (``pact_complements``
    in ``tie_guard.json``)."""
    out: list[tuple[str, set[int]]] = []
    for p, pobj in ctx.preps(n):
        if p != "of" or pobj.lemma_.lower() not in complements or pobj.i in ctx.tok2m:
            continue
        for p2, x in ctx.preps(pobj):
            r = frame.prep_role(p2)
            if r:
                out.append(("with" if p2 == "with" and r == "sym" else r, ctx.mentions(x)))
    return out
