"""Membership, units and anchors stated by a list and a word after it (issue 14, published forms).

Consortium pages, 10-K filings and regional reports name a group's members, a company's subsidiaries or a
park's anchor tenant in forms whose parse splits the list (the parser hangs "Tweed Applied University" as
an apposition of the subject, the second subsidiary as a conjunct of the first):

* "The cooperative was set up in 2023 by A, B and the utility C, which remain its members" / "... all of
  which are still members": every founder listed is a member of the group the sentence founded (MEMBER_OF
  each, the parse gave C alone);
* "We operate through two wholly owned subsidiaries, A and B, which ..." / "The group has three units:
  A, B and C": each listed organisation is PART_OF the holder (the possessor, or the verb's subject);
* "X, an anchor tenant of the Sadat Road Technology Park" / "We are the anchor tenant of the P Park":
  ANCHORS(X, park) beside the LOCATED_IN the noun already gives, when the park is a Cluster (a named area
  hosting firms; annotation decisions of dev9/dev10). "the hub's first anchor tenant" of a university
  centre (an Institute) gives nothing: the schema takes a Cluster only.

Lists are read from the words through ``relation_lists.list_groups`` (the entity pass's list reading),
not from the parse's coordination. Word lists: ``structure_forms`` in ``data/lexicon/place_anchor_forms.json``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.relation_lists import list_groups
from aikg.ingest.nlp.relation_types import Cand, allowed

Emit = Callable[[Iterable[str], int, int, float, str], None]
ORG = ("Institute", "Company", "Agency")


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The ``structure_forms`` word lists of place_anchor_forms.json."""
    spec = json.loads(shipped("lexicon", "place_anchor_forms.json").read_text(encoding="utf-8")).get("structure_forms", {})
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in spec.items() if not k.startswith("_")}


def _spans(ctx: Any) -> list[tuple[int, int, int]]:
    return sorted(((m, min(ts), max(ts) + 1) for m, ts in ctx.m2toks.items()), key=lambda x: x[1])


def _listed(ctx: Any, m: int) -> set[int]:
    """``m`` and the organisations listed with it ("A, B and the utility C"), read from the words."""
    groups = list_groups(ctx.sd, _spans(ctx), ctx.types)
    g = groups.get(m)
    got = {m} if g is None else {x for x, y in groups.items() if y == g}
    return {x for x in got if ctx.types[x] in ORG}


def _items_before(ctx: Any, last: int) -> set[int]:
    """The organisations listed before ``last`` ("by A, the Dumfries firm B and C"), read from the words: each item
    is joined by "," or "and" and may carry a short description after an article ("the Dumfries firm")."""
    sd, tok2m, got = ctx.sd, ctx.tok2m, set()
    k = min(ctx.m2toks[last]) - 1
    while k > 0:
        j = k
        if sd[j].lower_ in ("the", "a", "an"):
            j -= 1
        else:  # a description: "the utility", "the Dumfries firm" (lowercase words and places after an article)
            d = j
            while d > 0 and k - d < 5 and sd[d].lower_ not in ("the", "a", "an") and (
                    sd[d].is_lower and sd[d].lower_ not in ("and", "by", "of", "with")
                    or d in tok2m and ctx.types[tok2m[d]] == "Cluster"):
                d -= 1
            if d < k and sd[d].lower_ in ("the", "a", "an"):
                j = d - 1
        if j < 1 or sd[j].text not in (",", "and"):
            break
        j -= sd[j].lower_ == "and" and sd[j - 1].text == ","
        m = tok2m.get(j - 1)
        if m is None or ctx.types[m] not in ORG:
            break
        got.add(m)
        k = min(ctx.m2toks[m]) - 1
    return got


def _denied(sd: Any, start: int, k: int) -> bool:
    deny = words().get("denials", frozenset())
    return any(sd[j].lower_ in deny for j in range(start, k))


# ---------------------------------------------------------------------------------------------- members
def remaining_members(ctx: Any, n: Any, emit: Emit, conf: float) -> None:
    """"set up in 2023 by A, B and C, which remain its members" / ", all of which are still members": each founder
    listed is a member of the group the founding verb has as its subject."""
    w = words()
    if n.lower_ not in w.get("member_nouns", ()) or n.dep_ not in ("attr", "acomp", "dobj"):
        return
    v = n.head
    if v.dep_ != "relcl" or v.lemma_.lower() not in w.get("remain_verbs", ()):
        return
    if any(c.dep_ == "prep" for c in n.children):
        return  # "which remain members of the Baltic Network": the noun's own frame names the group
    sd = ctx.sd
    comma = min(t.i for t in v.subtree) - 1
    if comma < 1 or sd[comma].text != ",":
        return
    last = ctx.tok2m.get(comma - 1)
    root = next((t for t in sd if t.dep_ == "ROOT"), None)
    if last is None or root is None or not {root.lemma_.lower(), root.lower_} & w.get("founding_verbs", frozenset()):
        return
    if _denied(sd, comma, n.i):
        return  # "which are no longer members", "none of which is a member"
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]  # "its" is the group founded, not a founder
    groups = {ctx.tok2m[c.i] for c in subj if c.i in ctx.tok2m}
    members = (_listed(ctx, last) | _items_before(ctx, last)) - groups
    for g in sorted(groups):
        if ctx.types[g] in ORG + ("Programme",):
            for m in sorted(members):
                emit(["MEMBER_OF"], m, g, conf, "form:remain-its-members")


# ---------------------------------------------------------------------------------------------- units
def listed_units(ctx: Any, n: Any, emit: Emit, conf: float) -> None:
    """"We operate through two wholly owned subsidiaries, A and B" / "has three units: A, B and C": each listed
    organisation is PART_OF the holder (the noun's possessor, else the subject of its verb)."""
    if n.lower_ not in words().get("unit_plurals", ()):
        return
    sd, k = ctx.sd, n.i + 1
    if k + 1 >= len(sd) or sd[k].text not in (",", ":"):
        return
    k += 1 + (sd[k + 1].lower_ == "the")
    first = ctx.tok2m.get(k)
    if first is None or ctx.types[first] not in ORG:
        return
    if any(c.dep_ == "prep" and c.lower_ in ("of", "in", "at") for c in n.children):
        return  # "the subsidiaries of Y, A and B": Y's own frame; "units in Oslo, A and B" reads another way
    owners = {m for c in n.children if c.dep_ == "poss" for m in ctx.mentions(c)}
    if not owners:
        head = n.head.head if n.dep_ == "pobj" and n.head.lower_ in ("through", "via") else n.head if n.dep_ == "dobj" else None
        if head is None or head.lemma_.lower() not in words().get("holding_verbs", ()):
            return
        owners = ctx.mentions_of(ctx.subject_tokens(head, False))
    items = (_listed(ctx, first) | _items_after(ctx, first)) - owners
    for o in sorted(owners):
        if ctx.types[o] in ORG:
            for m in sorted(items):
                emit(["PART_OF"], m, o, conf, "form:listed-units")


def _items_after(ctx: Any, first: int) -> set[int]:
    """The organisations listed after ``first`` past a relative clause between items ("A, which employs our
    Canadian staff, and B"): read from the words, up to the first word that is no list word."""
    sd, tok2m, got = ctx.sd, ctx.tok2m, set()
    k = max(ctx.m2toks[first]) + 1
    while k < len(sd):
        m = tok2m.get(k)
        if m is not None:
            if ctx.types[m] not in ORG:
                break
            got.add(m)
            k = max(ctx.m2toks[m]) + 1
        elif sd[k].text == "," and k + 1 < len(sd) and sd[k + 1].lower_ in ("which", "that", "who"):
            k = next((j for j in range(k + 2, min(len(sd), k + 25)) if sd[j].text == ","), len(sd))
        elif sd[k].lower_ in (",", "and", "the") or sd[k].is_lower and k + 1 < len(sd) and k + 1 in tok2m:
            k += 1
        else:
            break
    return got


# ---------------------------------------------------------------------------------------------- anchors
def anchor_tenants(cands: Sequence[Cand], sd: Any, tok2m: dict[int, int], types: Sequence[str]) -> list[Cand]:
    """Add ANCHORS(X, park) to each LOCATED_IN(X, park) whose park follows "anchor tenant(s) of (the)"."""
    w = words()
    out = list(cands)
    have = {(c.type, c.src, c.tgt) for c in cands}
    first_tok: dict[int, int] = {}
    for t, m in tok2m.items():
        first_tok[m] = min(t, first_tok.get(m, t))
    for c in cands:
        if c.type != "LOCATED_IN" or types[c.tgt] != "Cluster" or ("ANCHORS", c.src, c.tgt) in have:
            continue
        k = first_tok.get(c.tgt)
        if k is None:
            continue
        j = k - 1 - (k >= 1 and sd[k - 1].lower_ == "the")
        if j < 2 or sd[j].lower_ != "of" or sd[j - 1].lower_ not in w.get("tenant_nouns", ()) \
                or sd[j - 2].lower_ not in ("anchor", "anchors"):
            continue
        if _denied(sd, max(0, j - 8), j - 2):
            continue  # "is not an anchor tenant of", "none of them is the anchor tenant of"
        have.add(("ANCHORS", c.src, c.tgt))
        out.append(replace(c, type="ANCHORS", method="form:anchor-tenant", conf=min(c.conf, 0.92)))
    return out


# ---------------------------------------------------------------------------------------------- places
def _cand(out: list[Cand], have: set[tuple[str, int, int]], types: Sequence[str], src: int, tgt: int, conf: float,
          method: str) -> None:
    r = allowed(["LOCATED_IN"], types[src], types[tgt])
    if r is not None and src != tgt and types[src] in ORG and (r, src, tgt) not in have:
        have.add((r, src, tgt))
        out.append(Cand(r, src, tgt, conf, method))


def _cluster_in(tok: Any, prep: str, tok2m: dict[int, int], types: Sequence[str]) -> set[int]:
    """Cluster mentions in the ``prep`` phrases hanging from ``tok``."""
    return {tok2m[g.i] for p in tok.children if p.dep_ == "prep" and p.lower_ == prep
            for g in p.children if g.dep_ == "pobj" and g.i in tok2m and types[tok2m[g.i]] == "Cluster"}


def _unsure(v: Any) -> bool:
    """A plan, a modal or a denial on the verb ("plans to move", "will move", "never moved")."""
    deny = words().get("denials", frozenset())
    if v.dep_ == "xcomp" or any(c.dep_ in ("aux", "neg") and (c.lower_ in ("will", "would", "may", "might", "could", "to")
                                                            or c.lower_ in deny) for c in v.children):
        return True
    return any(c.lower_ in deny for c in v.children if c.dep_ in ("advmod", "neg"))


def place_forms(cands: Sequence[Cand], sd: Any, tok2m: dict[int, int], types: Sequence[str]) -> list[Cand]:
    """LOCATED_IN of published forms over one parsed sentence, and LOCATED_IN a place said of another item dropped:

    * "the Centre, which the Academy set up in Siem Reap in 2018", "X opened the Port Lab in Menzel Bourguiba":
      the organisation set up (opened, established) in a place is based there;
    * "X moved its testing (its headquarters) to Fremont", "it moved to Ciudad del Este": X has a site there;
    * "the Asunción lab of Guaraní Data", "the Oslo office of X": X has a site in the place;
    * not "the Llanelli software company A and B, the regional distributor": a place before a singular noun
      describes the one name after it, not the next list item (``dep:np-in-place`` spread it over the list)."""
    out = [c for c in cands if not (c.type == "LOCATED_IN" and c.method == "dep:np-in-place"
                                    and _describes_other(sd, tok2m, types, c))]
    out = drawn_to_the_city(apposed_base(out, sd, tok2m, types), sd, tok2m, types)
    have = {(c.type, c.src, c.tgt) for c in out}
    w = words()
    for v in sd:
        if v.pos_ != "VERB" or _unsure(v):
            continue
        low = {v.lemma_.lower(), v.lower_}
        if low & w.get("set_up_verbs", frozenset()):
            _set_up_in(v, out, have, tok2m, types)
        if low & w.get("move_verbs", frozenset()):
            _moved_to(v, out, have, tok2m, types)
    _place_site_of(sd, out, have, tok2m, types)
    return out


def _set_up_in(v: Any, out: list[Cand], have: set[tuple[str, int, int]], tok2m: dict[int, int],
               types: Sequence[str]) -> None:
    """"the Centre, which the Academy set up in Siem Reap", "opened the Lab in Menzel Bourguiba" (not "X was founded
    in London and later moved to Berlin": a place it left)."""
    if _moved_on(v):
        return
    places = _cluster_in(v, "in", tok2m, types)
    objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if v.dep_ == "relcl" and any(c.lower_ in ("which", "that") and c.dep_ == "dobj" for c in v.children):
        objs.append(v.head)
    for o in objs:
        places |= _cluster_in(o, "in", tok2m, types)
    for o in (o for o in objs if o.i in tok2m):
        for pl in sorted(places):
            _cand(out, have, types, tok2m[o.i], pl, 0.9, "form:set-up-in")


def _moved_on(v: Any) -> bool:
    """Is a verb of moving conjoined to the set-up verb ("founded in London in 2015 and later moved to Berlin")?"""
    moves = words().get("move_verbs", frozenset())
    return any({c.lemma_.lower(), c.lower_} & moves for c in v.conjuncts)


def _moved_to(v: Any, out: list[Cand], have: set[tuple[str, int, int]], tok2m: dict[int, int],
              types: Sequence[str]) -> None:
    """"X moved its testing to Fremont", "X moved to Ciudad del Este"."""
    places = _cluster_in(v, "to", tok2m, types)
    for o in (c for c in v.children if c.dep_ == "dobj"):
        places |= _cluster_in(o, "to", tok2m, types)
    for s in (c for c in v.children if c.dep_ == "nsubj" and c.i in tok2m):
        for pl in sorted(places):
            _cand(out, have, types, tok2m[s.i], pl, 0.88, "form:moved-to")


def _place_site_of(sd: Any, out: list[Cand], have: set[tuple[str, int, int]], tok2m: dict[int, int],
                   types: Sequence[str]) -> None:
    """"the Asunción lab of Guaraní Data", "the Oslo AI office of X" (not "the former Oslo lab of X")."""
    w = words()
    sites, deny = w.get("site_nouns", frozenset()), w.get("denials", frozenset())
    m2toks: dict[int, list[int]] = {}
    for t, m in tok2m.items():
        m2toks.setdefault(m, []).append(t)
    for m, ts in m2toks.items():
        if types[m] != "Cluster":
            continue
        s, e = min(ts), max(ts) + 1
        if s < 1 or sd[s - 1].lower_ != "the" or (s > 1 and sd[s - 2].lower_ in deny):
            continue
        k = e + (e < len(sd) and sd[e].is_lower and e + 1 < len(sd) and sd[e + 1].lower_ in sites)
        if k + 1 < len(sd) and sd[k].lower_ in sites and sd[k + 1].lower_ == "of":
            j = k + 2 + (k + 2 < len(sd) and sd[k + 2].lower_ == "the")
            if j in tok2m:
                _cand(out, have, types, tok2m[j], m, 0.9, "form:place-site-of")


def _describes_other(sd: Any, tok2m: dict[int, int], types: Sequence[str], c: Cand) -> bool:
    """Is the place of ``c`` "the <place> <singular noun(s)> <Y>" with Y another organisation than the source?"""
    ts = [t for t, m in tok2m.items() if m == c.tgt]
    if not ts:
        return False
    s, k = min(ts), max(ts) + 1
    if s < 1 or sd[s - 1].lower_ not in ("the", "a", "an"):
        return False
    j = k
    while j < len(sd) and j - k < 6 and j not in tok2m and (sd[j].text == "-" or sd[j].is_lower and sd[j].pos_ in (
            "NOUN", "ADJ", "PROPN", "VERB")):  # "the Hartlepool steel fabricator", "the battery-module maker"
        j += 1
    if j == k or j not in tok2m or sd[j - 1].tag_ in ("NNS", "NNPS"):
        return False
    return tok2m[j] != c.src


def anchor_route_kept(cands: Sequence[Cand], sd: Any, tok2m: dict[int, int]) -> list[Cand]:
    """Drop ANCHORS(X, P) where P only marks the end of a route said of another noun: "The strip from Tanta through
    Mansoura to Damietta, which officials call the Delta Corridor, is anchored by A" (the strip is anchored, not
    Damietta). "has drawn engineers to Tanta from other governorates" keeps its place: the verb draws to it."""
    w = words()
    route, draw = w.get("route_preps", frozenset()), w.get("draw_words", frozenset())

    def on_route(t: Any) -> bool:
        return t.dep_ == "pobj" and t.head.lower_ in route and t.head.head.pos_ in ("NOUN", "PROPN") \
            and t.head.head.lower_ not in draw and t.head.head.lemma_.lower() not in draw

    routed = any(on_route(t) and t.pos_ == "PROPN" and t.head.lower_ in ("from", "through", "between") for t in sd)
    out = []
    for c in cands:
        if c.type == "ANCHORS":
            ts = [t for t, m in tok2m.items() if m == c.tgt]
            if ts and on_route(sd[max(ts)]) or not ts and routed:
                continue  # a route's end, or the page's place where the sentence names a route of its own
        out.append(c)
    return out


def apposed_base(cands: Sequence[Cand], sd: Any, tok2m: dict[int, int], types: Sequence[str]) -> list[Cand]:
    """"the Great Plains Data Cooperative, a non-profit consortium ... headquartered in Lincoln": the participle of
    the apposition places the name it is apposed to (LOCATED_IN)."""
    w = words()
    out, have = list(cands), {(c.type, c.src, c.tgt) for c in cands}
    for v in sd:
        if v.dep_ != "acl" or v.lower_ not in w.get("base_participles", ()) or _unsure(v):
            continue
        n = v.head
        if n.i in tok2m:
            continue  # "X headquartered in Y" (the name's own participle: the verb frames)
        named = _named_above(n, tok2m, appos_only=True)
        for pl in sorted(_cluster_in(v, "in", tok2m, types)) if named is not None else ():
            _cand(out, have, types, named, pl, 0.88, "form:apposed-base")
    return out


def drawn_to_the_city(cands: Sequence[Cand], sd: Any, tok2m: dict[int, int], types: Sequence[str]) -> list[Cand]:
    """"Graz is home to X, ..., which has drawn engineers to the city for decades": "the city" (town, region) after
    a verb of drawing is the one place the sentence named before it (ANCHORS; annotation guidelines: drawing talent
    to a place). Two places named before, or none, give nothing."""
    w = words()
    out, have = list(cands), {(c.type, c.src, c.tgt) for c in cands}
    draw = w.get("draw_words", frozenset())
    for v in sd:
        if v.pos_ not in ("VERB", "AUX") or not ({v.lower_, v.lemma_.lower()} & draw) or _unsure(v):
            continue
        ends = [g for p in v.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"
                and g.lower_ in w.get("place_nouns", ())  # "the city" (a reference the parse may hold as a mention)
                and any(c.dep_ == "det" and c.lower_ == "the" for c in g.children)
                and not any(c.dep_ == "prep" for c in g.children)]
        if not ends or any(c.dep_ == "dobj" and (c.lower_ in _not_drawn() or c.lemma_.lower() in _not_drawn())
                           for c in v.children):
            continue  # "drew 3,000 visitors to the city"
        before = {m for t, m in tok2m.items() if t < v.i and types[m] == "Cluster"}
        if len(before) != 1:
            continue
        src = [c for c in v.children if c.dep_ == "nsubj"]
        if any(g.dep_ == "poss" for c in src for g in c.children):
            continue  # "CMU, whose School of Computer Science attracts researchers to the city": the owner's (frames)
        ante = _named_above(v.head, tok2m) if v.dep_ == "relcl" and src and src[0].lower_ in ("which", "that") else None
        holders = {ante} if ante is not None else {tok2m[s.i] for s in src if s.i in tok2m}
        for h in sorted(holders):
            r = allowed(["ANCHORS"], types[h], "Cluster")
            pl = next(iter(before))
            if r is not None and (r, h, pl) not in have:
                have.add((r, h, pl))
                out.append(Cand(r, h, pl, 0.85, "form:drawn-to-the-city"))
    return out


def _named_above(t: Any, tok2m: dict[int, int], appos_only: bool = False) -> int | None:
    """The name a noun phrase describes: the noun itself, or the name its apposition hangs from, climbing "of"
    phrases ("X, one of the largest developers of testing systems, which ..."; "X, a consortium of providers
    headquartered in Y")."""
    for _ in range(4):
        if t.i in tok2m and not appos_only:
            return tok2m[t.i]
        if t.dep_ == "appos" and t.head.i in tok2m:
            return tok2m[t.head.i]
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ == "of":
            t = t.head.head
            continue
        return None
    return None


@lru_cache(maxsize=1)
def _not_drawn() -> frozenset[str]:
    """What a verb of drawing brings that is no talent (tie_guard.json ``draw_not_objects``: visitors, attention)."""
    spec = json.loads(shipped("lexicon", "tie_guard.json").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in spec.get("draw_not_objects", ()))
