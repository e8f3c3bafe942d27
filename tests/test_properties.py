"""Property-based tests of the interchange reader, name normalisation, ids and store round trips."""

from __future__ import annotations

import io
import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.ids import entity_id, normalise_name
from aikg.core.jsonl import LineError, iter_lines, parse_record, write_jsonl
from aikg.core.schema import SCHEMA

# valid Unicode text: no NUL and no lone surrogates (the reader refuses both with a reason; tested below)
TEXT = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
names = st.text(TEXT, min_size=1, max_size=60).filter(lambda s: s.strip())
types = st.sampled_from(sorted(SCHEMA.entity_types))
offsets = st.integers(min_value=0, max_value=10_000)


@st.composite
def entity_records(draw):
    etype, name = draw(types), draw(names)
    start = draw(offsets)
    return EntityRecord(entity_id(etype, name), etype, name, draw(st.lists(names, max_size=3, unique=True)),
                        [Mention("d" * 64, start, start + draw(st.integers(0, 50)))])


@given(entity_records())
def test_entity_records_round_trip_through_jsonl(rec):
    out = io.StringIO()
    write_jsonl([rec], out)
    [(line, parsed)] = list(iter_lines("mem", io.StringIO(out.getvalue())))
    assert parsed == EntityRecord(rec.id, rec.type, rec.name, [a for a in rec.aliases if a.strip()], rec.mentions)


@given(st.text(max_size=200))
def test_reader_never_crashes_on_arbitrary_lines(text):
    for _, item in iter_lines("mem", io.StringIO(text)):
        assert isinstance(item, (LineError, DocumentRecord, EntityRecord, RelationRecord))


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=10), c, max_size=5),
                    max_leaves=20))
def test_parse_record_rejects_or_accepts_cleanly(value):
    try:
        parse_record(value)
    except ValueError as exc:
        assert str(exc)


@given(st.dictionaries(st.sampled_from(["record", "id", "type", "name", "aliases", "mentions", "source", "target",
                                        "confidence", "method", "evidence", "kind", "chars", "title"]),
                       st.none() | st.integers() | st.text(max_size=10) | st.lists(st.integers(), max_size=2)))
def test_wrong_types_and_missing_fields_are_line_errors(data):
    line = json.dumps(data)
    [(_, item)] = list(iter_lines("mem", io.StringIO(line + "\n")))
    assert isinstance(item, (LineError, DocumentRecord, EntityRecord, RelationRecord))


@given(names)
def test_normalise_is_idempotent_and_case_insensitive(name):
    once = normalise_name(name)
    assert normalise_name(once) == once
    assert normalise_name(name.upper()) == normalise_name(name.lower()) or not name.isascii()


@given(types, names)
def test_entity_id_is_stable_and_typed(etype, name):
    eid = entity_id(etype, name)
    assert eid == entity_id(etype, name)
    assert eid.startswith(etype.lower() + ":") and len(eid) > len(etype) + 1
    assert "\n" not in eid and " " not in eid
    if normalise_name(name) and not unicodedata.normalize("NFKC", name).strip().casefold().startswith("the"):
        # surface variants of one name give one id
        assert entity_id(etype, "The " + name) == eid
        if name.isascii():
            assert entity_id(etype, name.upper()) == entity_id(etype, name.lower())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(TEXT, min_size=1, max_size=40).filter(lambda s: s.strip()),
                min_size=1, max_size=5, unique=True))
def test_arbitrary_unicode_names_round_trip_through_the_store(tmp_path_factory, names_list):
    from aikg.graph.loader import load_records
    from aikg.graph.store import open_store

    home = tmp_path_factory.mktemp("prop")
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        doc = DocumentRecord("e" * 64, "x", "t", "text", 10)
        ents = {}
        for n in names_list:
            e = EntityRecord(entity_id("Company", n), "Company", n, [n + "’"], [Mention(doc.id, 0, 1)])
            ents.setdefault(e.id, e)
        ents = list(ents.values())
        rels = [RelationRecord("PARTNERS_WITH", a.id, b.id, 0.5, "m", [Evidence(doc.id, 0, 1, a.name + "\n" + b.name)])
                for a, b in zip(ents, ents[1:])]
        report = load_records(store, [doc], ents, rels)
        assert not report.errors
        got = {r["id"]: (r["name"], r["aliases"]) for r in store.read("MATCH (c:Company) RETURN c.id AS id, c.name AS name, c.aliases AS aliases")}
        assert got == {e.id: (e.name, e.aliases) for e in ents}
        sentences = sorted(s for r in store.read("MATCH ()-[r:PARTNERS_WITH]->() RETURN r.ev_sentence AS s") for s in r["s"])
        assert sentences == sorted(r.evidence[0].sentence for r in rels)
    finally:
        store.close()


def test_nul_characters_are_refused_with_a_reason():
    [(_, item)] = list(iter_lines("mem", io.StringIO(json.dumps(
        {"record": "entity", "id": "company:x", "type": "Company", "name": "a\x00b"}) + "\n")))
    assert isinstance(item, LineError) and "NUL" in item.reason


def test_lone_surrogates_are_refused_with_a_reason():
    line = '{"record": "entity", "id": "company:x", "type": "Company", "name": "a\\ud800b"}\n'
    [(_, item)] = list(iter_lines("mem", io.StringIO(line)))
    assert isinstance(item, LineError) and "surrogate" in item.reason
