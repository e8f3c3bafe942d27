"""The joining stages, in the order resolution applies them (each refusable by :class:`Groups`)."""

from __future__ import annotations

from collections import defaultdict

from aikg.core.ids import entity_id
from aikg.ingest.nlp.resolution.decisions import Decisions
from aikg.ingest.nlp.resolution.groups import Groups
from aikg.ingest.nlp.resolution.names import clean, match_key, name_tokens, norm, slip_pairs, typo_slots
from aikg.ingest.nlp.resolution.nodes import TYPO_NAMESPACES, Node


def _refs(nd: Node) -> tuple[set[str], set[str]]:
    """Ids and normalised names an analyst decision may use for this node."""
    if nd.known is not None:
        return {nd.known.id}, {norm(x) for x in (nd.known.name, *nd.known.aliases)}
    m = nd.mention
    if m is None or m.source == "anaphor":
        return set(), set()
    forms = {clean(m.text), m.canonical, m.acronym_of or "", m.gazetteer or ""} - {""}
    return {entity_id(nd.type, m.canonical), entity_id(nd.type, clean(m.text))}, {norm(x) for x in forms}


def apply_decisions(groups: Groups, nodes: list[Node], decisions: Decisions | None) -> None:
    """Analysts first: every "different" pair is forbidden, then every "same" pair joined."""
    if decisions is None or not decisions.items:
        return
    by_ref: dict[str, list[int]] = defaultdict(list)
    for n, nd in enumerate(nodes):
        ids, names = _refs(nd)
        for ref in ids | {f"name:{x}" for x in names}:
            by_ref[ref].append(n)

    def matching(ref: str) -> list[int]:
        return sorted(set(by_ref.get(ref, ())) | set(by_ref.get(f"name:{norm(ref)}", ())))

    for d in decisions.items:
        if not d.same:
            for a in matching(d.a):
                for b in matching(d.b):
                    groups.forbid(a, b)
    for d in decisions.items:
        if d.same:
            for a in matching(d.a)[:1]:
                for b in matching(d.b):
                    groups.union(a, b)


def join_exact(groups: Groups, nodes: list[Node]) -> None:
    """One anchor (gazetteer entry, known entity), or one full name in one namespace: one entity."""
    first: dict[tuple[str, str], int] = {}
    for n, nd in enumerate(nodes):
        keys = [("anchor", nd.anchor)] if nd.anchor else []
        if nd.tokens and not nd.dependent:
            keys.append((nd.ns, nd.key_str))
        for key in keys:
            if key in first:
                groups.union(first[key], n)
            else:
                first[key] = n


def join_weak(groups: Groups, nodes: list[Node]) -> None:
    """A name that is only a short form, acronym or alias elsewhere joins that entity, when it is the only one."""
    weak: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, nd in enumerate(nodes):
        forms = []
        if nd.dependent or (nd.mention is not None and nd.surface != nd.tokens):
            forms.append(nd.surface)
        if nd.known is not None:
            forms.extend(name_tokens(a) for a in nd.known.aliases)
        for form in forms:
            if form:
                weak[(nd.ns, match_key(form))].add(n)
    wanted: dict[int, set[int]] = defaultdict(set)
    for n, nd in enumerate(nodes):
        if nd.tokens and not nd.dependent and (nd.ns, nd.key_str) in weak:
            root = groups.find(n)
            wanted[root] |= {groups.find(x) for x in weak[(nd.ns, nd.key_str)]} - {root}
    for root in sorted(wanted):
        targets = {groups.find(t) for t in wanted[root]} - {groups.find(root)}
        if len(targets) == 1:
            groups.union(root, targets.pop())


def join_typos(groups: Groups, nodes: list[Node]) -> None:
    """Names that differ by a one-letter slip join, if every full name of both groups agrees."""
    slots: dict[tuple[str, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for n, nd in enumerate(nodes):
        if nd.ns in TYPO_NAMESPACES and nd.comparable:
            for slot, word in typo_slots(nd.tokens):
                slots[(nd.ns, slot)][word].add(groups.find(n))
    candidates: set[tuple[int, int]] = set()
    for words in slots.values():
        if len(words) < 2:
            continue
        listed = sorted(words)
        for i, j in slip_pairs(listed):
            for a in words[listed[i]]:
                for b in words[listed[j]]:
                    candidates.add((min(a, b), max(a, b)))
    for a, b in sorted(candidates):
        groups.union(a, b, complete=True)
