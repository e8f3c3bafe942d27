"""Entity resolution: aliases, fuzzy names, known entities, analyst decisions, order independence."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, RelationRecord
from aikg.core.ids import entity_id
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import DocFacts, KnownEntity, MentionFact, RelationCandidate, load_decisions
from aikg.ingest.nlp.resolve import merge_mentions
from aikg.ingest.nlp.extractor import shared_extractor

GOLD_DEV = Path(__file__).parent / "data" / "gold" / "dev"


def mention(text: str, typ: str, start: int = 0, source: str = "ner", **kw) -> MentionFact:
    return MentionFact(text=text, start=start, end=start + len(text), type=typ, source=source,
                       canonical=kw.pop("canonical", text), **kw)


def ents(records) -> dict[str, EntityRecord]:
    return {r.name: r for r in records if isinstance(r, EntityRecord)}


def test_vector_forms_merge():
    f1 = DocFacts("a", [mention("Vector Institute", "Institute", 0, "gazetteer", gazetteer="Vector Institute"),
                        mention("the Vector Institute", "Institute", 40),
                        mention("Vector", "Institute", 80, "rule", canonical="Vector Institute")])
    f2 = DocFacts("b", [mention("Vector", "Institute", 5, "rule", canonical="Vector Institute")])
    e = ents(merge_mentions([f1, f2]))
    assert list(e) == ["Vector Institute"]
    v = e["Vector Institute"]
    assert v.id == entity_id("Institute", "Vector Institute")
    assert v.aliases == ["Vector"]
    assert len(v.mentions) == 4


def test_gazetteer_name_is_canonical_with_wikidata():
    f = DocFacts("a", [mention("NVIDIA", "Company", 0, "gazetteer", gazetteer="Nvidia", wikidata="Q182477")])
    (e,) = ents(merge_mentions([f])).values()
    assert e.name == "Nvidia" and e.props["wikidata"] == "Q182477"
    assert e.aliases == []  # a case variant of the name is not an alias


def test_fuzzy_match_across_documents():
    f1 = DocFacts("a", [mention("Alberta Machine Intelligence Institute", "Institute")])
    f2 = DocFacts("b", [mention("Alberta Machine Inteligence Institute", "Institute")])
    assert len(ents(merge_mentions([f1, f2]))) == 1
    assert len(ents(merge_mentions([f1, f2], typos=False))) == 2
    g1 = DocFacts("a", [mention("Horizon 2020", "Programme")])
    g2 = DocFacts("b", [mention("Horizon 2021", "Programme")])
    assert len(ents(merge_mentions([g1, g2]))) == 2  # digits must agree


def test_types_kept_apart():
    f = DocFacts("a", [mention("Jordan", "Person"), mention("Jordan", "Cluster", 20)])
    got = [r for r in merge_mentions([f]) if isinstance(r, EntityRecord)]
    assert sorted(e.type for e in got) == ["Cluster", "Person"]


def test_acronym_links_to_expansion():
    f1 = DocFacts("a", [mention("Brightwater Institute", "Institute"),
                        mention("BWI", "Institute", 30, "rule", canonical="Brightwater Institute",
                                acronym_of="Brightwater Institute")])
    f2 = DocFacts("b", [mention("BWI", "Institute", 3, "rule", acronym_of="Brightwater Institute",
                                canonical="Brightwater Institute")])
    (e,) = ents(merge_mentions([f1, f2])).values()
    assert e.name == "Brightwater Institute" and e.aliases == ["BWI"] and len(e.mentions) == 3


def test_known_entities_from_the_store():
    known = [KnownEntity("institute:vector-institute", "Institute", "Vector Institute", ("Vector",))]
    f = DocFacts("a", [mention("Vector", "Institute")])
    (e,) = ents(merge_mentions([f], known=known)).values()
    assert e.id == "institute:vector-institute" and e.name == "Vector Institute"


def test_decisions_same_and_different(tmp_path):
    f1 = DocFacts("a", [mention("Foghorn Capital", "Company")])
    f2 = DocFacts("b", [mention("Foghorn Ventures", "Company"), mention("Foghorn Captial", "Company", 30)])
    base = ents(merge_mentions([f1, f2]))
    assert len(base) == 2  # a swapped letter joins Capital/Captial, Ventures stays apart
    path = tmp_path / "decisions.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in [
        {"a": "Foghorn Capital", "b": "Foghorn Ventures", "decision": "same"},
        {"a": "company:foghorn-captial", "b": "Foghorn Capital", "decision": "different"},
    ]) + "\n", encoding="utf-8")
    dec = load_decisions(path)
    got = ents(merge_mentions([f1, f2], decisions=dec))
    names = {frozenset([e.name, *e.aliases]) for e in got.values()}
    assert frozenset({"Foghorn Capital", "Foghorn Ventures"}) in names
    assert frozenset({"Foghorn Captial"}) in names


def test_bad_decisions_file(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text('{"a": "x", "b": "y", "decision": "maybe"}\n', encoding="utf-8")
    with pytest.raises(InputError):
        load_decisions(p)


def _rel(t, s, g, start=0, conf=0.8, method="dep:x"):
    return RelationCandidate(t, s, g, conf, method, start, start + 10, "sentence.", None)


def test_relations_merge_evidence_and_order_symmetric_pairs():
    f1 = DocFacts("a", [mention("Kestrel Robotics", "Company"), mention("Lumora Labs", "Company", 30)],
                  [_rel("PARTNERS_WITH", 1, 0, conf=0.6, method="window:x")])
    f2 = DocFacts("b", [mention("Lumora Labs", "Company"), mention("Kestrel Robotics", "Company", 30)],
                  [_rel("PARTNERS_WITH", 0, 1, conf=0.8)])
    (r,) = [x for x in merge_mentions([f1, f2]) if isinstance(x, RelationRecord)]
    assert r.source < r.target and r.confidence == 0.8 and r.method == "dep:x+window:x"
    assert [e.doc for e in r.evidence] == ["a", "b"]


def test_type_violations_dropped():
    f = DocFacts("a", [mention("Toronto", "Cluster"), mention("Lumora Labs", "Company", 30)],
                 [_rel("FUNDS", 0, 1)])
    assert not [x for x in merge_mentions([f]) if isinstance(x, RelationRecord)]


def test_order_independent_on_real_documents():
    ex = shared_extractor()
    docs = [LoadedDocument(id=p.stem, source=str(p), title=p.stem, kind="text", text=p.read_text(encoding="utf-8"))
            for p in sorted(GOLD_DEV.glob("*.txt"))]
    facts = list(ex.extract_many(docs))
    reference = merge_mentions(facts)
    assert any(isinstance(r, RelationRecord) for r in reference)
    rng = random.Random(7)
    for _ in range(3):
        shuffled = facts[:]
        rng.shuffle(shuffled)
        assert merge_mentions(shuffled) == reference
    # extracting in other batches gives the same facts
    again = [f for part in (docs[::2], docs[1::2]) for f in ex.extract_many(part)]
    assert merge_mentions(again) == reference
