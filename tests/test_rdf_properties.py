"""Property-based tests of the RDF writers and IRIs: any id and any text survive every syntax."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from aikg.core.errors import ConfigError
from aikg.graph.rdf.iris import IriScheme
from aikg.graph.rdf.mapping import load_mapping
from aikg.graph.rdf.writers import FORMATS, write_blocks

RDFLIB = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "xml": "xml"}
PREFIXES = load_mapping().prefixes
NAME = URIRef("http://schema.org/name")
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)  # any text a JSON line can hold
ids = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)
values = st.one_of(text.map(Literal), st.integers(-10**12, 10**12).map(Literal), st.booleans().map(Literal),
                   st.floats(allow_nan=False, allow_infinity=False).map(Literal),
                   st.tuples(text, st.sampled_from(["en", "fr-CA"])).map(lambda t: Literal(t[0], lang=t[1])))


@given(ids)
def test_entity_iri_round_trips_and_is_safe(entity_id):
    iris = IriScheme()
    iri = iris.entity(entity_id)
    assert iris.entity_id(str(iri)) == entity_id
    assert all(0x20 < ord(c) < 0x7F and c not in '<>"{}|^`\\' for c in str(iri))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(ids, values), min_size=1, max_size=4))
def test_every_writer_round_trips_any_literal(items):
    iris = IriScheme()
    blocks = [(iris.entity(i), [(RDF.type, URIRef("https://w3id.org/aikg/ontology#Person")), (NAME, v)]) for i, v in items]
    expected = Graph()
    for s, pairs in blocks:
        for p, o in pairs:
            expected.add((s, p, o))
    for fmt in FORMATS:
        out = io.StringIO()
        try:
            write_blocks(blocks, fmt, out, PREFIXES)
        except ConfigError:
            # only RDF/XML refuses, and only for what XML 1.0 cannot carry
            assert fmt == "xml"
            assert any(any(ord(c) < 0x20 and c not in "\t\n\r" or c in "\ufffe\uffff" for c in str(v)) for _, v in items)
            continue
        got = Graph().parse(data=out.getvalue(), format=RDFLIB[fmt])
        assert isomorphic(got, expected), (fmt, out.getvalue())


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_output_parses(fmt):
    out = io.StringIO()
    assert write_blocks([], fmt, out, PREFIXES) == 0
    assert len(Graph().parse(data=out.getvalue(), format=RDFLIB[fmt])) == 0
