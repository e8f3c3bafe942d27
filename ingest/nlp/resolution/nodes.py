"""The things resolution groups: one node per mention and per known entity, with its name keys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aikg.ingest.nlp.records import DocFacts, MentionFact
from aikg.ingest.nlp.resolution.decisions import KnownEntity
from aikg.ingest.nlp.resolution.listed import listed_name
from aikg.ingest.nlp.resolution.names import clean, looks_like_acronym, match_key, name_tokens

ORG_TYPES = ("Institute", "Company", "Agency", "Programme")
TYPO_NAMESPACES = ("org", "Cluster")  # namespaces where one-letter slips join; people are joined by exact name only


def namespace(entity_type: str) -> str:
    """Organisation types share one namespace (a typed mention may be mistyped); people and places their own."""
    return "org" if entity_type in ORG_TYPES else entity_type


@dataclass(slots=True)
class Node:
    key: tuple  # (doc_id, index in the document's mentions) or ("known", id)
    type: str
    tokens: tuple[str, ...]  # the name it claims (gazetteer name, acronym expansion, canonical); () for an anaphor
    surface: tuple[str, ...]  # the words as written
    mention: MentionFact | None = None
    doc: str = ""
    known: KnownEntity | None = None
    anchor: str | None = None  # "known:<id>" or "gazetteer:<entry>": two anchors of one kind never merge
    dependent: bool = False  # stands for another mention of its document (short form, acronym, apposition)

    @property
    def ns(self) -> str:
        return namespace(self.type)

    @property
    def key_str(self) -> str:
        return match_key(self.tokens)

    @property
    def comparable(self) -> bool:
        """Takes part in the all-pairs name check of typo merges: a full name, not a short form."""
        if not self.tokens or self.dependent:
            return False
        if self.mention is not None and looks_like_acronym(clean(self.mention.text)) and not self.mention.acronym_of:
            return False
        return True


def _mention_node(doc_id: str, i: int, m: MentionFact, typ: str) -> Node:
    surface = name_tokens(clean(m.text)) if m.source != "anaphor" else ()
    if m.source == "anaphor":
        claimed: tuple[str, ...] = ()
    else:
        claimed = name_tokens(listed_name(m) or m.acronym_of or m.canonical or m.text) or surface
    listed = listed_name(m)
    anchor = f"gazetteer:{listed}" if listed else None
    return Node((doc_id, i), typ, claimed, surface, m, doc_id, None, anchor)


def mention_nodes(docs: Sequence[DocFacts]) -> tuple[list[Node], dict[tuple, int]]:
    """The nodes of the documents' mentions, in document order, and their index by key (known entities'
    nodes follow them: :func:`add_known_nodes`)."""
    nodes: list[Node] = []
    index: dict[tuple, int] = {}
    for f in docs:
        gaz_type = {m.gazetteer: m.type for m in f.mentions if m.source == "gazetteer" and listed_name(m)}
        for i, m in enumerate(f.mentions):
            if (f.doc_id, i) in index:
                continue
            typ = gaz_type.get(m.gazetteer, m.type) if listed_name(m) else m.type
            index[(f.doc_id, i)] = len(nodes)
            nodes.append(_mention_node(f.doc_id, i, m, typ))
    return nodes, index


def add_known_nodes(nodes: list[Node], index: dict[tuple, int], known: Sequence[KnownEntity]) -> None:
    """A node for each known entity (the first of an id), after the mentions'."""
    for k in known:
        if ("known", k.id) in index:
            continue
        index[("known", k.id)] = len(nodes)
        nodes.append(Node(("known", k.id), k.type, name_tokens(k.name), name_tokens(k.name), known=k, anchor=f"known:{k.id}"))
