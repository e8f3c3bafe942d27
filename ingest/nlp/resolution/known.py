"""Entities already resolved, indexed by blocking keys, so a chunk meets only those it could join.

A mention joins a known entity only through something they share: the same name in one
namespace (exact join), a name that is the other's alias or short form (weak join), the same
name but one word a one-letter slip away (typo join), or an analyst decision naming both. The
index keeps, for each such key, the known entities that carry it; a chunk of documents pulls in
only the known entities sharing a key with one of its names (:meth:`KnownIndex.relevant`).
Leaving out the rest changes no decision: a known entity sharing no key with the chunk could
only join another known entity, and two known entities never merge. So resolving a chunk
against the index gives the records resolving it against every known entity gives, at a cost
set by the chunk, not by everything seen so far; the index grows by :meth:`KnownIndex.add` as
chunks are resolved. Keys are stored as hashes (a collision only adds a candidate, never loses
one), which is why the index rebuilds them after pickling.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from aikg.ingest.nlp.resolution.decisions import Decisions, KnownEntity
from aikg.ingest.nlp.resolution.names import match_key, name_tokens, norm, same_name, typo_slots
from aikg.ingest.nlp.resolution.nodes import TYPO_NAMESPACES, Node, namespace


def name_key(ns: str, tokens: tuple[str, ...]) -> int:
    """The block of one name (or alias, or short form) in one namespace."""
    return hash(("n", ns, match_key(tokens)))


def slip_keys(ns: str, tokens: tuple[str, ...], *, query: bool = False) -> list[int]:
    """Blocks of the names a one-letter slip away: the name with one long word blanked (its slot),
    with the word's first and last letters and length. A dropped or added letter keeps both end
    letters and changes the length by one; a swap of the first (last) two letters keeps them as a
    set. The index stores the three keys of its own word; a ``query`` asks for the lengths around it."""
    if ns not in TYPO_NAMESPACES:
        return []
    out = []
    for slot, w in typo_slots(tokens):
        n = len(w)
        lengths = (n - 1, n, n + 1) if query else (n,)
        out.extend(hash(("s", ns, slot, w[0], w[-1], m)) for m in lengths)
        out.append(hash(("s0", ns, slot, "".join(sorted(w[:2])), w[-1], n)))
        out.append(hash(("s1", ns, slot, w[0], "".join(sorted(w[-2:])), n)))
    return out


def ref_keys(ref: str) -> list[int]:
    """Blocks an analyst decision's side may name: an id, or a name or alias ignoring case and form."""
    return [hash(("i", ref)), hash(("r", norm(ref)))]


def _entity_keys(k: KnownEntity, aliases: Sequence[str], with_name: bool) -> list[tuple[int, bool]]:
    """(key, needs a slip check) of a known entity; ``with_name`` False for aliases added later."""
    ns = namespace(k.type)
    out = [(name_key(ns, name_tokens(a)), False) for a in aliases if name_tokens(a)]
    out += [(hash(("r", norm(a))), False) for a in aliases]
    if with_name:
        tokens = name_tokens(k.name)
        if tokens:
            out.append((name_key(ns, tokens), False))
        out += [(key, True) for key in slip_keys(ns, tokens)]
        out += [(hash(("i", k.id)), False), (hash(("r", norm(k.name))), False)]
    return out


class KnownIndex:
    """Known entities by id and by blocking key; ``base``: an index this one extends without copying."""

    def __init__(self, entities: Iterable[KnownEntity] = (), *, base: KnownIndex | None = None) -> None:
        self._base = base
        self._by_id: dict[str, KnownEntity] = {}
        self._blocks: dict[int, list[str] | str] = {}  # key -> id, or ids when several share it
        self._slip: set[int] = set()  # keys that are slip blocks: their members are checked before use
        self._pending: list[tuple[KnownEntity, tuple[str, ...], bool]] = []
        self.add(entities)

    def add(self, entities: Iterable[KnownEntity]) -> None:
        """Entities resolved since: new ids are indexed, a known id gains the aliases it did not have."""
        for k in entities:
            have = self._by_id.get(k.id)
            if have is None:
                self._by_id[k.id] = k
                self._pending.append((k, tuple(k.aliases), True))
                continue
            new = tuple(sorted({a for a in k.aliases if a and a != have.name} - set(have.aliases)))
            if new:
                self._by_id[k.id] = KnownEntity(have.id, have.type, have.name, tuple(sorted({*have.aliases, *new})))
                self._pending.append((have, new, False))

    def _index(self) -> None:
        """Key the entities added since the last look-up (a table's thousands of rows cost nothing until asked)."""
        for k, aliases, with_name in self._pending:
            for key, slip in _entity_keys(k, aliases, with_name):
                held = self._blocks.get(key)
                if held is None:
                    self._blocks[key] = k.id
                elif isinstance(held, str):
                    if held != k.id:
                        self._blocks[key] = [held, k.id]
                elif k.id not in held:
                    held.append(k.id)
                if slip:
                    self._slip.add(key)
        self._pending.clear()

    def get(self, entity_id: str) -> KnownEntity | None:
        """The entity with that id, with every alias this index and its base hold."""
        own = self._by_id.get(entity_id)
        under = self._base.get(entity_id) if self._base is not None else None
        if own is None or under is None:
            return own or under
        extra = set(own.aliases) - set(under.aliases) - {under.name}
        return KnownEntity(under.id, under.type, under.name, tuple(sorted({*under.aliases, *extra}))) if extra else under

    def ids(self) -> set[str]:
        return set(self._by_id) | (self._base.ids() if self._base is not None else set())

    def __len__(self) -> int:
        return len(self.ids())

    def __iter__(self) -> Iterator[KnownEntity]:
        """Every entity, by id (the whole index: for a caller that needs a list, not for resolution)."""
        return (e for e in (self.get(i) for i in sorted(self.ids())) if e is not None)

    def over(self, entities: Iterable[KnownEntity]) -> KnownIndex:
        """A new index of ``entities`` on top of this one (a chunk's loader facts over the run's index)."""
        return KnownIndex(entities, base=self)

    def lookup(self, keys: Iterable[int]) -> tuple[set[str], set[str]]:
        """Ids in the blocks of ``keys``: (sure, to check for a slip)."""
        self._index()
        sure, check = self._base.lookup(keys) if self._base is not None else (set(), set())
        for key in keys:
            held = self._blocks.get(key)
            if held is not None:
                (check if key in self._slip else sure).update((held,) if isinstance(held, str) else held)
        return sure, check

    def relevant(self, nodes: Sequence[Node], decisions: Decisions | None = None) -> list[KnownEntity]:
        """The known entities that share a key with ``nodes`` (a chunk's mentions) or ``decisions``, by id."""
        names: set[int] = set()
        slips: dict[int, list[Node]] = {}
        for nd in nodes:
            for tokens in {nd.tokens, nd.surface}:
                if tokens:
                    names.add(name_key(nd.ns, tokens))
            for key in slip_keys(nd.ns, nd.tokens, query=True):
                slips.setdefault(key, []).append(nd)
        for d in decisions.items if decisions is not None else ():
            names.update(ref_keys(d.a) + ref_keys(d.b))
        sure, check = self.lookup(names)
        wanted = sure | check  # a slip block's hash met by a name's: keep it (more candidates never change a decision)
        for key, asking in slips.items():
            sure, check = self.lookup([key])
            for kid in (sure | check) - wanted:
                k = self.get(kid)
                if k is not None and any(_slip_of(k, nd) for nd in asking):
                    wanted.add(kid)
        return [k for k in (self.get(i) for i in sorted(wanted)) if k is not None]

    def __getstate__(self) -> dict:
        """Hashes of strings differ between processes: a pickled index carries entities, not keys."""
        return {"base": self._base, "entities": list(self._by_id.values())}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["entities"], base=state["base"])  # type: ignore[misc]


def _slip_of(k: KnownEntity, nd: Node) -> bool:
    """Could the typo join pair this known entity with this node (same namespace, the same name or a slip)?"""
    return namespace(k.type) == nd.ns and same_name(name_tokens(k.name), nd.tokens)


def as_index(known: Iterable[KnownEntity] | KnownIndex) -> KnownIndex:
    """``known`` as an index (an index is used as it is, a list is indexed)."""
    return known if isinstance(known, KnownIndex) else KnownIndex(known)


def known_with(known: Iterable[KnownEntity] | KnownIndex, extra: Iterable[KnownEntity]) -> KnownIndex:
    """``known`` with ``extra`` on top, without copying an index: what a chunk with loader facts resolves against."""
    extra = list(extra)
    if isinstance(known, KnownIndex):
        return known.over(extra) if extra else known
    return KnownIndex([*known, *extra])
