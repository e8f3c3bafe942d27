"""The known-entity index: a chunk resolved against it gets the records it gets against every known entity,
while meeting only the known entities it shares a name, alias, slip block or decision with."""

from __future__ import annotations

import pickle
import random

from aikg.core.facts import EntityRecord
from aikg.ingest.nlp import DocFacts, KnownEntity, MentionFact, RelationCandidate
from aikg.ingest.nlp.resolution.decisions import Decision, Decisions
from aikg.ingest.nlp.resolution.nodes import mention_nodes
from aikg.ingest.nlp.resolve import KnownIndex, known_with, merge_mentions
from tests.test_nlp_resolve import RESOLUTION_SET, resolution_case

ROOTS = ["Kalomi", "Tordal", "Venmira", "Quillmark", "Ashbury", "Halvorsen", "Brightwater", "Nortelis", "Cordanix",
         "Lumora", "Fenwick", "Istvana", "Grazeli", "Westmoor", "Yarrowin", "Delphane", "Sabrinel", "Pulmonte"]
PATTERNS = [("Institute", "{} Institute for AI"), ("Company", "{} Robotics Labs"), ("Company", "{} Data Inc."),
            ("Agency", "{} Innovation Agency"), ("Cluster", "{} Valley"), ("Person", "Ada {}")]


class EveryKnown(KnownIndex):
    """The reference: every known entity takes part in every chunk's resolution."""

    def relevant(self, nodes, decisions=None):
        return list(self)


def slip(word: str, rnd: random.Random) -> str:
    """A dropped, doubled, swapped or changed letter (the last is not a slip: a different name)."""
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + "x" + word[i + 1:]


def corpus(seed: int, docs: int = 60) -> list[DocFacts]:
    """Documents naming entities of a few families in many forms: slips, "The", short forms, acronyms,
    known names related in one sentence."""
    rnd = random.Random(seed)
    out = []
    for d in range(docs):
        ments, rels, pos = [], [], 0
        for k in range(rnd.randint(2, 8)):
            etype, pattern = rnd.choice(PATTERNS)
            root = rnd.choice(ROOTS)
            if rnd.random() < 0.3:
                root = slip(root, rnd)
            text = pattern.format(root)
            form = rnd.random()
            if form < 0.15 and etype != "Person":
                text = f"The {text}"
            elif form < 0.25:
                text = root if etype != "Person" else root
            acronym = None
            if form > 0.92 and etype in ("Institute", "Agency"):
                acronym, text = text, "".join(w[0] for w in text.split()).upper()
            ments.append(MentionFact(text, pos, pos + len(text), etype, "ner", acronym or text, acronym_of=acronym))
            if k % 3 == 2:
                rels.append(RelationCandidate("PARTNERS_WITH", k - 1, k, 0.8, "t", pos - 30, pos + len(text), "s."))
            pos += len(text) + 30
        out.append(DocFacts(f"d{seed}-{d:03d}", ments, rels))
    return out


def run_chunks(chunks: list[list[DocFacts]], index: KnownIndex, decisions: Decisions | None = None) -> list[list]:
    """Resolve chunk after chunk, as an ingest does: each chunk's entities join the known ones."""
    results = []
    for chunk in chunks:
        records = merge_mentions(chunk, known=index, decisions=decisions)
        index.add(KnownEntity(e.id, e.type, e.name, tuple(e.aliases)) for e in records if isinstance(e, EntityRecord))
        results.append(records)
    return results


def test_chunks_against_the_index_match_chunks_against_every_known_entity():
    for seed in range(4):
        docs = corpus(seed)
        chunks = [docs[i:i + 5] for i in range(0, len(docs), 5)]
        assert run_chunks(chunks, KnownIndex()) == run_chunks(chunks, EveryKnown())


def test_the_resolution_set_chunked_matches_every_known_entity():
    facts = [f for p in sorted(RESOLUTION_SET.glob("*.json")) for f in resolution_case(p)[0]]
    rnd = random.Random(3)
    rnd.shuffle(facts)
    chunks = [facts[i:i + 4] for i in range(0, len(facts), 4)]
    assert run_chunks(chunks, KnownIndex()) == run_chunks(chunks, EveryKnown())


def test_a_chunk_meets_only_the_known_entities_it_could_join():
    known = [KnownEntity(f"company:c{i}", "Company", f"{root}{i} Robotics Labs") for i, root in
             enumerate(ROOTS * 300)]
    known.append(KnownEntity("institute:alberta", "Institute", "Alberta Machine Intelligence Institute", ("Amii",)))
    index = KnownIndex(known)
    doc = DocFacts("a", [MentionFact("Amii", 0, 4, "Institute", "ner", "Amii"),
                         MentionFact("Kalomi0 Robotics Labs", 10, 31, "Company", "ner", "Kalomi0 Robotics Labs"),
                         MentionFact("Tordal1 Robtics Labs", 40, 60, "Company", "ner", "Tordal1 Robtics Labs")])
    nodes, _ = mention_nodes([doc])
    assert [k.id for k in index.relevant(nodes)] == ["company:c0", "company:c1", "institute:alberta"]


def test_every_one_letter_slip_finds_its_known_entity():
    index = KnownIndex([KnownEntity("institute:a", "Institute", "Alberta Machine Intelligence Institute")])
    slips = ["Alberta Machine Inteligence Institute", "Alberta Machine Intelligencce Institute",  # dropped, added
             "Albreta Machine Intelligence Institute", "Alberta Mahcine Intelligence Institute",  # swapped inside
             "Alberta Machine Intelligence Institue", "Alberta Machien Intelligence Institute",  # near the end
             "lAberta Machine Intelligence Institute", "Alberta Machine Intelligence Instituet"]  # first, last two
    for text in slips:
        nodes, _ = mention_nodes([DocFacts("a", [MentionFact(text, 0, len(text), "Institute", "ner", text)])])
        assert [k.id for k in index.relevant(nodes)] == ["institute:a"], text
    for text in ["Alberta Machine Intelligence Institutes", "Xlberta Machine Intelligence Institute",
                 "Alberta Machine Intelligence Institute of Art"]:  # a changed ending or first letter is another name
        nodes, _ = mention_nodes([DocFacts("a", [MentionFact(text, 0, len(text), "Institute", "ner", text)])])
        assert index.relevant(nodes) == [], text


def test_a_decision_brings_in_the_known_entity_it_names():
    index = KnownIndex([KnownEntity("company:foghorn-capital", "Company", "Foghorn Capital", ("Foghorn",))])
    doc = DocFacts("a", [MentionFact("Foghorn Ventures", 0, 16, "Company", "ner", "Foghorn Ventures")])
    assert [e.id for e in merge_mentions([doc], known=index) if isinstance(e, EntityRecord)] == ["company:foghorn-ventures"]
    same = Decisions((Decision("Foghorn Ventures", "company:foghorn-capital", True),))
    got = [e for e in merge_mentions([doc], known=index, decisions=same) if isinstance(e, EntityRecord)]
    assert [(e.id, e.aliases) for e in got] == [("company:foghorn-capital", ["Foghorn", "Foghorn Ventures"])]


def test_the_index_grows_and_an_entity_seen_again_gains_its_new_aliases():
    index = KnownIndex([KnownEntity("institute:v", "Institute", "Vector Institute", ("Vector",))])
    index.add([KnownEntity("institute:v", "Institute", "Vector Institute", ("Vector", "VI")),
               KnownEntity("company:k", "Company", "Kestrel Robotics")])
    assert len(index) == 2 and index.get("institute:v").aliases == ("VI", "Vector")
    doc = DocFacts("a", [MentionFact("VI", 0, 2, "Institute", "ner", "VI")])
    (e,) = [r for r in merge_mentions([doc], known=index) if isinstance(r, EntityRecord)]
    assert e.id == "institute:v"


def test_a_chunks_loader_facts_sit_on_the_index_without_changing_it():
    base = KnownIndex([KnownEntity("cluster:toronto", "Cluster", "Toronto")])
    chunk = known_with(base, [KnownEntity("cluster:waterloo", "Cluster", "Waterloo"),
                              KnownEntity("cluster:toronto", "Cluster", "Toronto", ("GTA",))])
    assert base.ids() == {"cluster:toronto"} and base.get("cluster:toronto").aliases == ()
    assert chunk.ids() == {"cluster:toronto", "cluster:waterloo"} and chunk.get("cluster:toronto").aliases == ("GTA",)
    doc = DocFacts("a", [MentionFact("GTA", 0, 3, "Cluster", "ner", "GTA"), MentionFact("Waterloo", 9, 17, "Cluster", "ner",
                                                                                          "Waterloo")])
    assert sorted(e.id for e in merge_mentions([doc], known=chunk) if isinstance(e, EntityRecord)) == \
        ["cluster:toronto", "cluster:waterloo"]


def test_a_pickled_index_finds_the_same_entities():
    docs = corpus(9)
    index = KnownIndex()
    run_chunks([docs[:30]], index)
    again = pickle.loads(pickle.dumps(index))
    nodes, _ = mention_nodes(docs[30:])
    assert again.relevant(nodes) == index.relevant(nodes) != []


def test_known_entities_alone_give_no_records():
    index = KnownIndex([KnownEntity("cluster:toronto", "Cluster", "Toronto")])
    assert merge_mentions([], known=index) == []
