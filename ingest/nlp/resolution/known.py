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
    """Blocks of the names a one-letter slip away. Per long word: the name with that word blanked (its
    slot) and the word's letters sorted (a swap keeps them), the word itself and the word less one
    inner letter (a dropped or added letter makes the shorter word the longer one less an inner
    letter). The index stores a word's own forms; a ``query`` asks for the forms that meet them."""
    if ns not in TYPO_NAMESPACES:
        return []
    own, inner = ("w", "d") if not query else ("d", "w")
    out = []
    for slot, w in typo_slots(tokens):
        out.append(hash(("a", ns, slot, "".join(sorted(w)))))
        out.append(hash((own, ns, slot, w)))
        out.extend(hash((inner, ns, slot, w[:i] + w[i + 1:])) for i in range(1, len(w) - 1))
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
        self._names: dict[int, list[str] | str] = {}  # name, alias and decision keys -> id, or ids when several
        self._slips: dict[int, list[str] | str] = {}  # slip blocks: their members are checked before use
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
                blocks = self._slips if slip else self._names
                held = blocks.get(key)
                if held is None:
                    blocks[key] = k.id
                elif isinstance(held, str):
                    if held != k.id:
                        blocks[key] = [held, k.id]
                elif k.id not in held:
                    held.append(k.id)
        self._pending.clear()

    def get(self, entity_id: str) -> KnownEntity | None:
        """The entity with that id, with every alias this index and its base hold."""
        own = self._by_id.get(entity_id)
        under = self._base.get(entity_id) if self._base is not None else None
        if own is None or under is None:
            return own or under
        extra = set(own.aliases) - set(under.aliases) - {under.name}
        return KnownEntity(under.id, under.type, under.name, tuple(sorted({*under.aliases, *extra}))) if extra else under

    @property
    def empty(self) -> bool:
        return not self._by_id and (self._base is None or self._base.empty)

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

    def members(self, keys: Sequence[int], *, slips: bool = False) -> Iterator[tuple[int, str]]:
        """(key, id) for every id in the name blocks (or the slip blocks) of ``keys``, this index's and its base's."""
        self._index()
        if self._base is not None:
            yield from self._base.members(keys, slips=slips)
        blocks = self._slips if slips else self._names
        for key in keys:
            held = blocks.get(key)
            if held is None:
                continue
            if isinstance(held, str):
                yield key, held
            else:
                for kid in held:
                    yield key, kid

    def relevant(self, nodes: Sequence[Node], decisions: Decisions | None = None) -> list[KnownEntity]:
        """The known entities that share a key with ``nodes`` (a chunk's mentions) or ``decisions``, by id."""
        if self.empty:
            return []
        names: set[int] = set()
        slips: dict[int, set[tuple[str, tuple[str, ...]]]] = {}
        for ns, tokens, surface in {(nd.ns, nd.tokens, nd.surface) for nd in nodes}:
            names.update(name_key(ns, t) for t in (tokens, surface) if t)
            for key in slip_keys(ns, tokens, query=True):
                slips.setdefault(key, set()).add((ns, tokens))
        for d in decisions.items if decisions is not None else ():
            names.update(ref_keys(d.a) + ref_keys(d.b))
        wanted = {kid for _, kid in self.members(list(names))}
        for key, kid in self.members(list(slips), slips=True):
            if kid not in wanted:
                k = self.get(kid)
                if k is not None and any(_slip_of(k, ns, tokens) for ns, tokens in slips[key]):
                    wanted.add(kid)
        return [k for k in (self.get(i) for i in sorted(wanted)) if k is not None]

    def __getstate__(self) -> dict:
        """Hashes of strings differ between processes: a pickled index carries entities, not keys."""
        return {"base": self._base, "entities": list(self._by_id.values())}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["entities"], base=state["base"])  # type: ignore[misc]


def _slip_of(k: KnownEntity, ns: str, tokens: tuple[str, ...]) -> bool:
    """Could the typo join pair this known entity with a name (same namespace, the same name or a slip)?"""
    return namespace(k.type) == ns and same_name(name_tokens(k.name), tokens)


def as_index(known: Iterable[KnownEntity] | KnownIndex) -> KnownIndex:
    """``known`` as an index (an index is used as it is, a list is indexed)."""
    return known if isinstance(known, KnownIndex) else KnownIndex(known)


def known_with(known: Iterable[KnownEntity] | KnownIndex, extra: Iterable[KnownEntity]) -> KnownIndex:
    """``known`` with ``extra`` on top, without copying an index: what a chunk with loader facts resolves against."""
    extra = list(extra)
    if isinstance(known, KnownIndex):
        return known.over(extra) if extra else known
    return KnownIndex([*known, *extra])
