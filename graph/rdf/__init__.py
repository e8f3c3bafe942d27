"""RDF for aikg: export (streaming), import (through the loader), SHACL validation, SPARQL.

Modules, each imported only when used (rdflib and pySHACL are not loaded by ``import aikg.graph.rdf``):

* :mod:`aikg.graph.rdf.mapping` — the property graph → RDF mapping, read from ``data/ontology/mapping.json``
* :mod:`aikg.graph.rdf.iris` — stable, percent-encoded IRIs under a configurable base
* :mod:`aikg.graph.rdf.triples` — store rows → per-subject blocks of triples (pure)
* :mod:`aikg.graph.rdf.writers` — streaming Turtle, N-Triples, JSON-LD and RDF/XML writers
* :mod:`aikg.graph.rdf.reads` — the read-only Cypher the export sends
* :mod:`aikg.graph.rdf.export` — ``export_store``, ``export_frame`` (a query's edge list), ``export_whole``
* :mod:`aikg.graph.rdf.importer` — ``import_file``: RDF → interchange records → :func:`aikg.graph.loader.load_records`
* :mod:`aikg.graph.rdf.validate` — ``validate_file`` against ``data/ontology/shapes.ttl`` (pySHACL)
* :mod:`aikg.graph.rdf.sparql` — ``sparql_file``: SPARQL over an export, as a DataFrame

See docs/rdf.md.
"""
