"""RDF for aikg: export (streaming), import (through the loader), SHACL validation, SPARQL.

Modules, each imported only when used (rdflib and pySHACL are not loaded by ``import graph.rdf``):

* :mod:`graph.rdf.mapping` — the property graph → RDF mapping, read from ``data/ontology/mapping.json``
* :mod:`graph.rdf.iris` — stable, percent-encoded IRIs under a configurable base
* :mod:`graph.rdf.triples` — store rows → per-subject blocks of triples (pure)
* :mod:`graph.rdf.writers` — streaming Turtle, N-Triples, JSON-LD and RDF/XML writers
* :mod:`graph.rdf.reads` — the read-only Cypher the export sends
* :mod:`graph.rdf.export` — ``export_store``, ``export_frame`` (a query's edge list), ``export_whole``
* :mod:`graph.rdf.importer` — ``import_file``: RDF → interchange records → :func:`graph.loader.load_records`
* :mod:`graph.rdf.validate` — ``validate_file`` against ``data/ontology/shapes.ttl`` (pySHACL)
* :mod:`graph.rdf.sparql` — ``sparql_file``: SPARQL over an export, as a DataFrame

See docs/rdf.md.
"""
