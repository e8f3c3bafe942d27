"""Published forms of membership (MEMBER_OF), read from the parse.

Consortium news, alliance announcements and accelerator pages say who is a member in forms the verb
and noun frames of ``relations.py`` miss:

* "X and Y were selected (chosen, picked) to join P": the selected join P;
* "P welcomed X as a new member", "P has added X and Y as members", "X joins P as a founding member"
  (the "as" noun is a member word, ``member_as_nouns``): X is a member of P (of the subject, when the
  verb is no verb of joining);
* "X takes part in P", "X is taking part in P": a member of the programme, network or consortium P (a
  round, a study or an event taken part in states no membership: P must be a named programme or a
  name ending in a collective word);
* "X, part of the Y network", "X is part of the Y Alliance": the part-of noun said of a collective
  (``collective_heads``: Network, Alliance, Consortium, …) states membership, not a unit;
* "X and Y are founding members of P" where the parser reads "founding" as the verb and "members" as
  its object;
* "X and Y belong to the Z Network" (a collective), "X is an Orrin Alliance member", "fellow Orrin Alliance
  member Pellan Robotics" (the group's name modifies the member noun);
* "X signed the Orrin Alliance's charter", "X signed the membership charter" (the page's group);
* "X is a member of A and, since 2024, of B" (the second "of" the parser hangs elsewhere);
* "X joined the Y Network (signed its charter) in March, followed in June by Z": Z too.

Word lists: ``membership_forms`` in ``data/lexicon/relations.json``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from aikg.ingest.nlp.lexicon import word_sets
from aikg.ingest.nlp.relation_structure_forms import listed_units, remaining_members

Emit = Callable[[Iterable[str], int, int, float, str], None]
#: words between "and" and a second "of" of a member noun ("and, since 2024, of B", "and also of B")
SECOND_OF_WORDS = frozenset({"since", "also", "from", "in", "as", "well", "more", "recently", "now"})


class MembershipForms:
    """The forms above over one parsed sentence (through a ``Walk``)."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        spec = relations.get("membership_forms", {})
        words = word_sets(relations, "membership_forms")
        self.select_verbs = words.get("select_verbs", frozenset())
        self.join_verbs = words.get("join_verbs", frozenset())
        self.as_nouns = words.get("member_as_nouns", frozenset())
        self.member_nouns = self.as_nouns | {"members"}  # built once, not at every token (speed)
        self.part_verbs = words.get("take_part_verbs", frozenset())
        self.collective_heads = words.get("collective_heads", frozenset())
        self.first_heads = words.get("collective_first_heads", frozenset())  # "Red de ...", "Network of ..."
        self.name_preps = words.get("name_preps", frozenset())
        self.second_of = words.get("second_of_words", SECOND_OF_WORDS)  # "and, since June, of B"
        self.alongside = words.get("alongside_preps", frozenset())  # "joined P as a founding member alongside X"
        self.belong_verbs = words.get("belong_verbs", frozenset())
        self.group_words = words.get("include_group_words", frozenset())
        self.sign_verbs = words.get("sign_verbs", frozenset())
        self.charter_nouns = words.get("charter_nouns", frozenset())  # "the cohort", "the accelerator" include
        self.conf = float(spec.get("confidence", 0.7))

    def at(self, ctx: Any, tok: Any, lemma: str, emit: Emit, owner: int | None = None) -> None:
        """The forms at one token; ``owner`` is the page's organisation (a group no sentence names)."""
        if not self.conf:
            return
        if tok.pos_ in ("VERB", "AUX"):
            self._selected_to_join(ctx, tok, lemma, emit)
            self._as_member(ctx, tok, lemma, emit)
            self._take_part(ctx, tok, lemma, emit)
            self._founding_members(ctx, tok, lemma, emit, owner)
            self._signed_charter(ctx, tok, lemma, emit, owner)
            self._belong_to(ctx, tok, lemma, emit)
            self._joined_followed(ctx, tok, lemma, emit)
        if tok.pos_ == "NOUN" and tok.lower_ == "part":
            self._part_of_collective(ctx, tok, emit)
        if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in self.member_nouns:
            self._named_group_member(ctx, tok, emit)
            self._second_of(ctx, tok, emit)
        if tok.pos_ in ("NOUN", "PROPN"):  # "set up by A, B and C, which remain its members"; "two subsidiaries, A and B"
            remaining_members(ctx, tok, emit, self.conf + 0.2)
            listed_units(ctx, tok, emit, self.conf + 0.2)

    # ------------------------------------------------------------------ helpers
    def _collective(self, ctx: Any, m: int) -> bool:
        """A programme, or an organisation whose name ends in a collective word ("the Baltic Ports AI Network")."""
        if ctx.types and ctx.types[m] == "Programme":
            return True
        toks = sorted(ctx.m2toks.get(m, ()))
        if not toks:
            return False
        if ctx.sd[toks[-1]].lower_ in self.collective_heads:
            return True
        return any(ctx.sd[t].lower_ in self.first_heads | self.collective_heads and t + 1 <= toks[-1]
                   and ctx.sd[t + 1].lower_ in self.name_preps for t in toks)  # "the Bolivian Network of Startups"

    def collective(self, ctx: Any, m: int) -> bool:
        """May ``m`` include members: a collective or a programme, or a name ending in a word for a group of
        participants ("the cohort", "the Orrin Accelerator"); a mention outside the sentence (the programme
        the sentence before named) is taken to be one."""
        toks = ctx.m2toks.get(m, ())
        return not toks or self._collective(ctx, m) or ctx.sd[max(toks)].lower_ in self.group_words

    def _emit(self, members: set[int], groups: set[int], emit: Emit, method: str, conf: float | None = None) -> None:
        for g in sorted(groups):
            for m in sorted(members - groups):
                emit(["MEMBER_OF"], m, g, conf if conf is not None else self.conf, method)

    # ------------------------------------------------------------------ forms
    def _selected_to_join(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X and Y were selected to join P"."""
        if v.dep_ != "xcomp" or (lemma not in self.join_verbs and v.lower_ not in self.join_verbs):
            return
        sel = v.head
        if sel.lemma_.lower() not in self.select_verbs and sel.lower_ not in self.select_verbs:
            return
        members = ctx.mentions_of(ctx.object_tokens(sel, True)) if ctx.is_passive(sel) else \
            ctx.mentions_of((c for c in sel.children if c.dep_ == "dobj"))
        groups = ctx.mentions_of((c for c in v.children if c.dep_ == "dobj"))
        self._emit(members, groups, emit, "form:selected-to-join")

    def _as_member(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"P welcomed X as a new member", "P added X and Y as members", "X joins P as a founding member"."""
        as_nouns = [pobj for p, pobj in ctx.preps(v) if p == "as" and pobj.lemma_.lower() in self.member_nouns]
        if not as_nouns or ctx.is_passive(v):
            return
        if any(c.dep_ == "prep" for n in as_nouns for c in n.children if c.lower_ == "of"):
            return  # "as a member of Y": the member noun's own frame
        subj = ctx.mentions_of(ctx.subject_tokens(v, False))
        objs = ctx.mentions_of((c for c in v.children if c.dep_ == "dobj"))
        if lemma in self.join_verbs or v.lower_ in self.join_verbs:
            subj |= ctx.mentions_of(pobj for node in [v, *as_nouns] for p, pobj in ctx.preps(node) if p in self.alongside)
            self._emit(subj, objs, emit, "form:join-as-member")  # "... alongside the Ecuadorian firm Y": Y too
        else:
            self._emit(objs, subj, emit, "form:welcome-as-member")

    def _take_part(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X takes part in P", "X participates in P" (P a programme or a named network)."""
        if lemma not in self.part_verbs and v.lower_ not in self.part_verbs:
            return
        if not any(c.dep_ == "dobj" and c.lower_ == "part" for c in v.children):
            return
        groups: set[int] = set()
        for node in [v] + [c for c in v.children if c.dep_ == "dobj"]:
            for p, pobj in ctx.preps(node):
                if p == "in":
                    groups |= {m for m in ctx.mentions(pobj) if self._collective(ctx, m)}
        self._emit(ctx.mentions_of(ctx.subject_tokens(v, False)), groups, emit, "form:take-part-in")

    def _founding_members(self, ctx: Any, v: Any, lemma: str, emit: Emit, owner: int | None = None) -> None:
        """"X and Y are founding members of P" misread as the verb "founding" with "members" as its object; with no
        "of", on a group's page, the page's group ("Kestrel Robotics and Pellan AI are founding members.")."""
        if v.lower_ != "founding" or not any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in v.children):
            return
        nouns = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in self.member_nouns]
        groups = ctx.mentions_of((pobj for n in nouns for p, pobj in ctx.preps(n) if p == "of"))
        if nouns and not groups and owner is not None and not any(ctx.preps(n) for n in nouns):
            groups = {owner}
        self._emit(ctx.mentions_of(ctx.subject_tokens(v, False)), groups, emit, "form:founding-members")

    def _signed_charter(self, ctx: Any, v: Any, lemma: str, emit: Emit, owner: int | None) -> None:
        """"X signed the Orrin Alliance's charter" (a collective's), "X signed the membership charter in March" (the
        page's group): signing a group's founding text is joining it; "signed a supply agreement" is not."""
        if lemma not in self.sign_verbs and v.lower_ not in self.sign_verbs:
            return
        groups: set[int] = set()
        for obj in (c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in self.charter_nouns):
            mods = [c for c in obj.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            groups |= {m for c in mods if c.dep_ == "poss" for m in ctx.mentions(c) if self.collective(ctx, m)}
            if owner is not None and any(c.lower_ == "membership" for c in mods):
                groups.add(owner)
        if groups:
            members = ctx.mentions_of(ctx.subject_tokens(v, False)) | self._followers(ctx, v)
            self._emit(members, groups, emit, "form:signed-charter")

    @staticmethod
    def _followers(ctx: Any, v: Any) -> set[int]:
        """"X signed the charter in March, followed in June by Y": Y did the same."""
        return ctx.mentions_of(pobj for f in v.children if f.dep_ == "advcl" and f.lower_ == "followed"
                               for a in f.children if a.dep_ == "agent" for pobj in a.children if pobj.dep_ == "pobj")

    def _joined_followed(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X joined the Y Network in March, followed by Z in May": Z joined too (a collective or a programme)."""
        if lemma not in self.join_verbs and v.lower_ not in self.join_verbs:
            return
        followers = self._followers(ctx, v)
        if followers:
            groups = {m for m in ctx.mentions_of(c for c in v.children if c.dep_ == "dobj") if self.collective(ctx, m)}
            self._emit(followers, groups, emit, "form:joined-followed")

    def _belong_to(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X and Y belong to the Z Network" (a collective; "X belongs to Y" of a firm is ownership, not this)."""
        if lemma not in self.belong_verbs and v.lower_ not in self.belong_verbs:
            return
        groups = {m for p, pobj in ctx.preps(v) if p == "to" for m in ctx.mentions(pobj) if self._collective(ctx, m)}
        if groups:
            self._emit(ctx.mentions_of(ctx.subject_tokens(v, False)), groups, emit, "form:belong-to")

    def _named_group_member(self, ctx: Any, n: Any, emit: Emit) -> None:
        """"X is an Orrin Alliance member", "fellow Orrin Alliance member Pellan Robotics": the group is a name
        modifying the member noun (a collective or a programme)."""
        groups = {m for c in n.children if c.dep_ in ("compound", "nmod") and c.i in ctx.tok2m
                  for m in ctx.mentions(c) if self._collective(ctx, m)}
        if not groups or any(p == "of" for p, _ in ctx.preps(n)):
            return
        members = set(ctx.holder(n))
        members |= ctx.mentions_of((c for c in n.children if c.dep_ == "appos"))
        if n.dep_ == "compound" and n.head.i in ctx.tok2m:
            members |= ctx.mentions(n.head)  # "Orrin Alliance member Pellan Robotics"
        self._emit(members - groups, groups, emit, "form:named-group-member")

    def _second_of(self, ctx: Any, n: Any, emit: Emit) -> None:
        """"X is a member of A and, since 2024, of B", "We are a member of A, a programme run by Y, and of B": the
        second "of" is the member noun's too (the parser hangs it elsewhere). Read from the words: after A (and an
        apposition set off by commas), "and", a few words of time, then "of" and B."""
        sd, end = ctx.sd, len(ctx.sd)
        k = n.i + 1
        if k >= end or sd[k].lower_ != "of":
            return
        k += 1 + (k + 1 < end and sd[k + 1].lower_ == "the")
        first = ctx.tok2m.get(k)
        if first is None:
            return
        while k < end and ctx.tok2m.get(k) == first:
            k += 1
        if k + 1 < end and sd[k].lower_ in self.second_of and sd[k + 1].like_num:
            k += 2  # "a member of A since 2021 and of B since 2023"
        if k < end and sd[k].text == "," and k + 1 < end and sd[k + 1].lower_ in ("a", "an", "the"):
            k = next((x for x in range(k + 1, min(end, k + 16)) if sd[x].text == ","), end)  # the apposition
        k += k < end and sd[k].text == ","
        if k >= end or sd[k].lower_ != "and":
            return
        j = k + 1
        while j < min(end, k + 7) and (sd[j].is_punct or sd[j].like_num or sd[j].lower_ in self.second_of):
            j += 1
        if j >= end or sd[j].lower_ != "of":
            return
        j += 1 + (j + 1 < end and sd[j + 1].lower_ == "the")
        second = ctx.tok2m.get(j)
        if second is None or second == first or not self.collective(ctx, second) and not (
                ctx.types and ctx.types[second] in ("Institute", "Company", "Agency")):
            return
        self._emit(ctx.holder(n), {second}, emit, "form:member-second-of")

    def _part_of_collective(self, ctx: Any, n: Any, emit: Emit) -> None:
        """"X, part of the Y Network", "X is part of the Y Alliance": membership of a collective."""
        groups = {m for p, pobj in ctx.preps(n) if p == "of" for m in ctx.mentions(pobj) if self._collective(ctx, m)
                  and not (ctx.types and ctx.types[m] == "Programme")}
        if not groups:
            return
        self._emit(ctx.holder(n), groups, emit, "form:part-of-collective", self.conf + 0.05)
