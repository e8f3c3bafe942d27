"""The curated gazetteer is well-formed: valid types, QIDs, no name shared by two entities."""

from __future__ import annotations

import json
import re

import pytest

from aikg.core.errors import InputError
from aikg.core.ids import normalise_name
from aikg.core.schema import SCHEMA
from aikg.ingest.nlp.config import GAZETTEER_DIR
from aikg.ingest.nlp.gazetteer import FIELDS, Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def entries():
    return load_gazetteer(GAZETTEER_DIR)


def test_every_line_is_a_complete_record():
    for path in sorted(GAZETTEER_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            data = json.loads(line)
            assert set(data) == set(FIELDS), f"{path.name}:{n}"
            assert isinstance(data["aliases"], list) and isinstance(data["acronyms"], list), f"{path.name}:{n}"
            assert data["name"] == data["name"].strip() and data["name"], f"{path.name}:{n}"


def test_size_and_coverage(entries):
    assert len(entries) >= 400
    kinds = {e.type for e in entries}
    assert {"Institute", "Company", "Agency", "Programme", "Cluster"} <= kinds


def test_types_are_schema_types(entries):
    for e in entries:
        assert e.type in SCHEMA.entity_types, e.name


def test_wikidata_ids_are_qids(entries):
    for e in entries:
        assert e.wikidata == "" or re.fullmatch(r"Q\d+", e.wikidata), e.name
    qids = [e.wikidata for e in entries if e.wikidata]
    assert len(qids) == len(set(qids)), "one QID names one entry"


def test_no_name_or_alias_shared_by_two_entries(entries):
    owner: dict[str, str] = {}
    for e in entries:
        for form in e.forms:
            key = normalise_name(form)
            assert key, f"empty form in {e.name}"
            assert owner.setdefault(key, e.name) == e.name, f"{form!r} names both {owner[key]!r} and {e.name!r}"


def test_known_entries(entries):
    gaz = Gazetteer(entries)
    assert gaz.lookup("the Vector Institute").type == "Institute"
    assert gaz.lookup("CIFAR").type == "Institute"
    assert gaz.lookup("NSF").name == "National Science Foundation"
    assert gaz.lookup("AI Singapore").type == "Programme"
    assert gaz.lookup("Abu Dhabi").type == "Cluster"
    assert gaz.lookup("Abu Dhabi").is_metro
    assert not gaz.lookup("Canada").is_metro  # countries are clusters only in hub context


def test_ruler_patterns_carry_type_and_entry(entries):
    pats = Gazetteer(entries).ruler_patterns()
    assert all(p["label"] in SCHEMA.entity_types and p["id"] for p in pats)
    assert {"label": "Institute", "pattern": "Mila", "id": "Mila"} in pats


def test_bad_entries_are_refused(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"name": "X", "type": "Org"}\n', encoding="utf-8")
    with pytest.raises(InputError):
        load_gazetteer(tmp_path)
    (tmp_path / "x.jsonl").write_text('{"name": "X", "type": "Company", "wikidata": "12"}\n', encoding="utf-8")
    with pytest.raises(InputError):
        load_gazetteer(tmp_path)
