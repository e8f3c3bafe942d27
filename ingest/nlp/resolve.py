"""Entity resolution across the documents of a run and against the store: ``merge_mentions``.

Mentions are joined, in this order, when an analyst says so (``same``), when the text links
them (apposition, anaphor, acronym, surname, short form; see ``resolution.links``), when they
name one gazetteer entry or known entity, when they carry the same full name in one namespace
(organisation types share one; people and places each have their own; "Inc.", "The", "'s",
"Centre"/"Center" and the like do not count), when a name elsewhere only a short form or alias
of one entity is used alone, and when two names differ by a one-letter slip in a long word.
Every join can be refused: an analyst's ``different``, two names related to each other in one
sentence, two different known entities, and, for slips, any pair of full names of the two
groups that are not the same name (complete linkage, so matches never chain).

Work is near-linear: names are compared only inside blocks that share every word but one
(``resolution.names.typo_slots``), never all against all. Known entities come through a
:class:`KnownIndex` (``resolution.known``) kept across the chunks of a run: a chunk meets only the
known entities that share a name, alias or slip block with its mentions, so a chunk's cost does
not grow with the store. The result does not depend on the order or batching of the input:
inputs are sorted and every choice is a function of the groups.
"""

from __future__ import annotations

from collections.abc import Iterable

from aikg.core.collector import collector_paused
from aikg.core.facts import EntityRecord, RelationRecord
from aikg.ingest.nlp.records import DocFacts
from aikg.ingest.nlp.resolution.conflicts import sentence_conflicts
from aikg.ingest.nlp.resolution.decisions import Decision, Decisions, KnownEntity, load_decisions
from aikg.ingest.nlp.resolution.geography import places_within
from aikg.ingest.nlp.resolution.groups import Groups
from aikg.ingest.nlp.resolution.known import KnownIndex, as_index, known_with
from aikg.ingest.nlp.resolution.links import explicit_edges, short_name_edges, surname_edges
from aikg.ingest.nlp.resolution.nodes import Node, add_known_nodes, mention_nodes, namespace
from aikg.ingest.nlp.resolution.person_prefixes import person_prefix_edges
from aikg.ingest.nlp.resolution.records import entity_records, relation_records
from aikg.ingest.nlp.resolution.stages import apply_decisions, join_exact, join_typos, join_weak

__all__ = ["Decision", "Decisions", "KnownEntity", "KnownIndex", "known_with", "load_decisions", "merge_mentions",
           "namespace", "places_within", "resolve"]


def _document_links(docs: list[DocFacts], index: dict[tuple, int], nodes: list[Node]) -> tuple[list, list, set]:
    """(explicit links, inferred links, cannot-links) of every document; marks the mentions that stand for others."""
    explicit, inferred, conflicts = [], [], set()
    for f in docs:
        exp = explicit_edges(f, index, nodes)
        explicit.extend(exp)
        inferred.extend(surname_edges(f, index) + short_name_edges(f, index, nodes) + person_prefix_edges(f, index))
        conflicts |= sentence_conflicts(f, index, nodes, exp)
    for a, _ in explicit + inferred:
        nodes[a].dependent = True
    return explicit, inferred, conflicts


def merge_mentions(
    facts: Iterable[DocFacts],
    *,
    known: Iterable[KnownEntity] | KnownIndex = (),
    decisions: Decisions | None = None,
    typos: bool = True,
) -> list[EntityRecord | RelationRecord]:
    """One EntityRecord per real-world entity and one RelationRecord per (type, source, target).

    ``known``: entities already resolved (the store's, a loader's), best as a :class:`KnownIndex`
    kept across calls (a list is indexed on every call); ``typos=False`` turns off one-letter-slip joins.
    """
    docs = sorted(facts, key=lambda f: (f.doc_id, len(f.mentions), len(f.relations)))
    if not docs:
        return []  # records come only from mentions: known entities alone give none
    with collector_paused():
        return _merge(docs, as_index(known), decisions, typos)


def _merge(docs: list[DocFacts], known: KnownIndex, decisions: Decisions | None,
           typos: bool) -> list[EntityRecord | RelationRecord]:
    nodes, index = mention_nodes(docs)
    add_known_nodes(nodes, index, known.relevant(nodes, decisions))
    explicit, inferred, conflicts = _document_links(docs, index, nodes)
    groups = Groups(nodes)
    apply_decisions(groups, nodes, decisions)
    for a, b in sorted(conflicts):
        if not groups.same(a, b):
            groups.forbid(a, b)
    for a, b in explicit + inferred:
        groups.union(a, b)
    join_exact(groups, nodes)
    join_weak(groups, nodes)
    if typos:
        join_typos(groups, nodes)
    members = groups.members()
    by_id, of_group = entity_records(members, nodes)
    record_of = {n: of_group[root] for root, ns in members.items() if root in of_group for n in ns}
    out: list[EntityRecord | RelationRecord] = sorted(by_id.values(), key=lambda e: e.id)
    out.extend(relation_records(docs, index, record_of))
    return out


resolve = merge_mentions  # the former name, kept while callers elsewhere move to merge_mentions
