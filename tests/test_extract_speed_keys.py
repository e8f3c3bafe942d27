"""relation_keys.RelationKeys gives, at every call, exactly the keys a set rebuilt from the list would hold."""

from __future__ import annotations

import random

from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_keys import RelationKeys, key_of


def _rel(i: int, method: str = "dep:fund") -> RelationCandidate:
    return RelationCandidate("FUNDS", i, i + 1, 0.7, method, 10 * i, 10 * i + 9, "text")


def test_appended_relations_are_known() -> None:
    keys, rels = RelationKeys(), [_rel(0)]
    assert keys.of(rels) == {key_of(rels[0])}
    rels += [_rel(1), _rel(2, "window:funded-by")]
    assert keys.of(rels) == {key_of(r) for r in rels}


def test_a_replaced_or_shrunk_list_is_read_again() -> None:
    keys, rels = RelationKeys(), [_rel(0), _rel(1), _rel(2)]
    keys.of(rels)
    kept = [r for r in rels if r.source != 1]  # a new list (a window reading replaced by the parse)
    assert keys.of(kept) == {key_of(_rel(0)), key_of(_rel(2))}
    del rels[1:]  # the same list, shorter: nothing stale stays
    assert keys.of(rels) == {key_of(_rel(0))}
    rels.append(_rel(3))
    keys.of(rels)
    del rels[1:]
    rels.append(_rel(4))  # cut and refilled to the same length between two calls
    assert keys.of(rels) == {key_of(_rel(0)), key_of(_rel(4))}


def test_window_relations_by_sentence_end() -> None:
    keys, rels = RelationKeys(), [_rel(0)]
    keys.of(rels)
    assert not keys.has_window(rels, 9)
    rels.append(_rel(0, "window:funded-by"))  # appended after the last call: known at the next one
    keys.of(rels)
    assert keys.has_window(rels, 9) and not keys.has_window(rels, 19)
    rels = [r for r in rels if not r.method.startswith("window:")]
    keys.of(rels)
    assert not keys.has_window(rels, 9)


def test_keys_the_caller_adds_are_kept_and_match_the_list() -> None:
    keys, rels = RelationKeys(), []
    have = keys.of(rels)
    have.add(key_of(_rel(5)))  # Extractor._add records the key of what it then appends
    rels.append(_rel(5))
    assert keys.of(rels) == {key_of(_rel(5))}


def test_random_history_equals_a_rebuilt_set() -> None:
    rng, keys, rels = random.Random(7), RelationKeys(), []
    for _ in range(300):
        step = rng.random()
        if step < 0.6:
            rels.append(_rel(rng.randrange(40), rng.choice(["dep:fund", "window:funded-by"])))
        elif step < 0.8:
            rels = [r for r in rels if r.source % 3]  # replaced by a filtered copy
        elif rels:
            del rels[rng.randrange(len(rels)):]  # cut in place
        assert keys.of(rels) == {key_of(r) for r in rels}
        for end in {r.sent_end for r in rels} | {-1}:
            assert keys.has_window(rels, end) == any(r.sent_end == end and r.method.startswith("window:") for r in rels)
