"""The ontology, the mapping, the SHACL shapes and the schema say the same thing; the export's Cypher lints clean."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from aikg.core.schema import SCHEMA
from aikg.graph.rdf import reads
from aikg.graph.rdf.mapping import AIKG, ONTOLOGY_PATH, SHAPES_PATH, Terms, load_mapping

SH = Namespace("http://www.w3.org/ns/shacl#")
MAP = load_mapping()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _classes(g: Graph, node) -> set:
    """Classes a shape admits: its sh:class, or the sh:class of each member of its sh:or list."""
    direct = set(g.objects(node, SH["class"]))
    for lst in g.objects(node, SH["or"]):
        for member in Collection(g, lst):
            direct |= set(g.objects(member, SH["class"]))
    return direct


def _aikg_class(types) -> set:
    return {MAP.entity_classes[t][0] for t in types}


@pytest.mark.parametrize("rtype", sorted(SCHEMA.relation_types))
def test_domain_and_range_shapes_match_the_schema(shapes, rtype):
    rel = SCHEMA.relation_types[rtype]
    predicate = MAP.relations[rtype].predicate
    shape = shapes.value(predicate=SH.targetSubjectsOf, object=predicate)
    assert shape is not None, f"no shape targets subjects of {predicate}"
    assert _classes(shapes, shape) == _aikg_class(rel.sources)
    [prop] = [p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH.path) == predicate]
    assert _classes(shapes, prop) == _aikg_class(rel.targets)


def test_statement_predicates_and_document_kinds_match(shapes):
    def in_list(path):
        for prop in shapes.subjects(SH.path, path):
            for lst in shapes.objects(prop, SH["in"]):
                return list(Collection(shapes, lst))
        raise AssertionError(f"no sh:in for {path}")

    assert set(in_list(RDF.predicate)) == {r.predicate for r in MAP.relations.values()}
    assert [str(x) for x in in_list(AIKG.documentKind)] == list(SCHEMA.document_kinds)


def test_entity_shape_targets_every_type(shapes):
    targets = set(shapes.objects(URIRef("https://w3id.org/aikg/shapes#EntityShape"), SH.targetClass))
    assert targets == _aikg_class(SCHEMA.entity_types)


def test_every_aikg_term_is_declared_with_label_and_comment(ontology, shapes):
    used = {t for t in vars(Terms).values() if isinstance(t, URIRef)}
    used |= {c for classes in MAP.entity_classes.values() for c in classes}
    used |= set(MAP.document_classes) | {r.predicate for r in MAP.relations.values()}
    used |= {p for ps in MAP.entity_properties.values() for p in ps} | set(MAP.document_properties.values())
    used |= {e.predicate for e in MAP.external_ids.values()}
    used |= {t for t in shapes.all_nodes() if isinstance(t, URIRef)}
    missing = []
    for term in sorted(t for t in used if str(t).startswith(str(AIKG))):
        if (term, RDFS.label, None) not in ontology or (term, RDFS.comment, None) not in ontology:
            missing.append(str(term))
    assert not missing, missing


def test_ontology_agrees_with_the_mapping(ontology):
    def supers(node, prop):
        return set(ontology.transitive_objects(node, prop)) - {node}

    for etype, classes in MAP.entity_classes.items():
        assert set(classes[1:]) <= supers(classes[0], RDFS.subClassOf), etype
    for rtype, rel in MAP.relations.items():
        assert ontology.value(rel.predicate, AIKG.schemaName) == Literal(rtype)
        assert set(rel.also) <= supers(rel.predicate, RDFS.subPropertyOf), rtype
        assert set(rel.inverse) <= set(ontology.objects(rel.predicate, OWL.inverseOf)), rtype
    symmetric = {r.predicate for t, r in MAP.relations.items() if SCHEMA.relation_types[t].symmetric}
    assert symmetric == set(ontology.subjects(RDF.type, OWL.SymmetricProperty))


def test_export_cypher_lints_clean_on_neo4j():
    from tests.cypherlint.runner import lint

    errors = lint(dict(reads.ALL))
    assert len(errors) == len(reads.ALL)
    assert not {k: v for k, v in errors.items() if v}
