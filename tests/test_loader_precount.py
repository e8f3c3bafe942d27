"""A load of several batches creates each entity new to the store with what the whole run gives it (counts,
summaries, name keys: graph/loader.py _precount), not adding each batch's share later (issue 18): the values equal
the engine's own and a recount, and a run in which a document fails is recounted from the graph at its end."""

from __future__ import annotations

from aikg.core.facts import DocumentRecord, EntityRecord, Mention
from aikg.graph import name_keys
from aikg.graph.cypher_files import statement
from aikg.graph.loader import load_records
from tests.test_loader_pending import DOCS, _corpus, _counts, _expected_counts, _marked
from tests.test_summaries import _rel, recount, summary

NAMES = ["The Alan Turing Institute", "U.S. Dept. of Energy", "Foo-Bar  Baz", "the   x", "A, B. and C-D",
         "THE-ONE", "Zürich AI Hub", "  Padded  ", "Tab\there", "The", "the the", "Ünï", "x.-.y"]
KEYS = "MATCH (n:Entity) RETURN n.id AS id, n.name_keys AS keys ORDER BY id"


def test_name_keys_folded_in_python_equal_the_engines(store):
    """Each name (with an alias) as its own entity in its own document, one batch each: entities are created with
    the keys computed in Python where it can; name_keys_set.cypher run again on all of them changes none."""
    docs = [DocumentRecord(c * 64, f"{c}.txt", c, "text", 100) for c in "abcdefghijklm"[:len(NAMES)]]
    ents = [EntityRecord(f"company:n{i}", "Company", name, [f"{name} Ltd.", name.upper()], [Mention(d.id, 0, 3)])
            for i, (name, d) in enumerate(zip(NAMES, docs))]
    assert not load_records(store, docs, ents, [], batch_size=1).errors
    computed = sum(name_keys.fold_keys([e.name, *e.aliases]) is not None for e in ents)
    assert 5 < computed < len(ents)  # both ways taken
    loaded = store.read(KEYS)
    assert all(r["keys"] for r in loaded)
    store.write(statement("name_keys_set"), {"ids": [e.id for e in ents]})
    assert store.read(KEYS) == loaded


def test_a_run_where_a_document_fails_is_recounted(store):
    """The second run's first document reuses an entity id under another type (the store refuses it); its other
    entities were counted ahead with that document's mentions and relationships: the run recounts at its end."""
    docs, ents, rels = _corpus(DOCS[:1])
    assert not load_records(store, docs, ents, rels).errors
    docs, ents, rels = _corpus(DOCS[:5])
    bad = DOCS[1]
    ents.append(EntityRecord(ents[1].id, "Institute", "Firm 0 as an institute", [], [Mention(bad, 30, 33)]))
    rels.append(_rel("PARTNERS_WITH", "company:c2", "company:c3", bad))
    report = load_records(store, docs, ents[:1] + ents[2:], rels, batch_size=1)
    assert [e.document for e in report.errors] == [bad]
    assert _marked(store) == 0
    assert _counts(store) == _expected_counts(store) and summary(store) == recount(store)
    assert _counts(store)["company:c2"]["degree"] == 3  # c2's partnership of the failed document is not counted
