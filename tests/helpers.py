"""Small helpers shared by tests: dump a store to comparable plain data."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

VOLATILE = {"first_seen", "updated", "loaded_at", "linked_at"}  # times of the load


def dump(store: Any, *, volatile: bool = False) -> tuple[list, list]:
    """All nodes and relationships with their properties, sorted, for equality checks."""
    # not the change ledger: its counts are keyed by load time (graph/change_ledger.py)
    nodes = store.read("MATCH (n) WHERE NOT n:ChangeCount RETURN labels(n) AS labels, properties(n) AS props")
    rels = store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props")

    def clean(props: dict) -> dict:
        return {k: v for k, v in props.items() if volatile or k not in VOLATILE}

    node_rows = sorted((sorted(r["labels"]), sorted(clean(r["props"]).items(), key=str)) for r in nodes)
    rel_rows = sorted(((r["a"], r["t"], r["b"]), sorted(clean(r["props"]).items(), key=str)) for r in rels)
    return [repr(n) for n in node_rows], [repr(r) for r in rel_rows]


def relations_in(extractor: Any, text: str, title: str = "t") -> set[tuple[str, str, str]]:
    """(type, source name, target name) of every relation one text gives after resolution; a partnership
    is listed both ways (it is undirected)."""
    from aikg.core.facts import EntityRecord, RelationRecord
    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.nlp import resolve

    doc = LoadedDocument(id="d1", source="t", title=title, kind="text", text=text)
    records = resolve([extractor.extract(doc)])
    names = {r.id: r.name for r in records if isinstance(r, EntityRecord)}
    out = set()
    for r in records:
        if isinstance(r, RelationRecord):
            out.add((r.type, names[r.source], names[r.target]))
            if r.type == "PARTNERS_WITH":
                out.add((r.type, names[r.target], names[r.source]))
    return out


def pairs_of(got: set[tuple[str, str, str]], rel: str) -> set[tuple[str, str]]:
    """(source, target) of the relations of type ``rel`` in ``relations_in``'s answer."""
    return {(a, b) for t, a, b in got if t == rel}


def facts_of(extractor: Any, text: str, doc_id: str = "d1") -> Any:
    """What one text gives the extractor (its DocFacts), before resolution."""
    from aikg.ingest.document import LoadedDocument

    return extractor.extract(LoadedDocument(id=doc_id, source="test", title="t", kind="text", text=text))


def refers(extractor: Any, text: str, word: str) -> str | None:
    """The name the reference starting at ``word`` (a phrase found once in ``text``) stands for, or None."""
    facts = facts_of(extractor, text)
    at = text.index(word)
    for m in facts.mentions:
        if m.start == at and m.source == "anaphor" and m.coref is not None:
            root = facts.mentions[m.coref]
            while root.source == "anaphor" and root.coref is not None:
                root = facts.mentions[root.coref]
            return root.canonical
    return None


def mention_kinds(facts: Any) -> set[tuple[str, str]]:
    """(text, type) of every mention."""
    return {(m.text, m.type) for m in facts.mentions}


def kinds_in(extractor: Any, text: str) -> set[tuple[str, str]]:
    """(name, type) of every mention the extractor finds in ``text``."""
    return mention_kinds(facts_of(extractor, text))


def typed_in(extractor: Any, text: str) -> set[tuple[str, str]]:
    """(type, name) of every mention the extractor finds in ``text``."""
    return {(m.type, m.text) for m in facts_of(extractor, text).mentions}


def names_in(extractor: Any, text: str) -> set[str]:
    """The names of every mention the extractor finds in ``text``."""
    return {t for t, _ in kinds_in(extractor, text)}


@contextmanager
def loaded_once(home: Path, fixture: Path) -> Iterator[Any]:
    """An embedded store holding ``fixture``, shared by a module's tests that only read it: leaving the block fails
    if one of them wrote to it (such a test needs its own loaded store)."""
    from aikg.graph.loader import load_jsonl
    from aikg.graph.store import open_store

    st = open_store("embedded", home=home)
    try:
        st.apply_schema()
        report = load_jsonl(st, [fixture])
        assert not report.errors, report.errors
        before = dump(st, volatile=True)
        yield st
        assert dump(st, volatile=True) == before, f"a test wrote to the shared graph of {fixture.name}: give it its own"
    finally:
        st.close()
