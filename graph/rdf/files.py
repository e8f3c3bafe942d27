"""Reading RDF files (import, validation, SPARQL): the format comes from the name unless given."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph

from aikg.core.errors import InputError
from aikg.core.xmlsafe import check_xml
from aikg.graph.rdf.writers import format_for_path, normalise_format

_RDFLIB = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "xml": "xml"}


def parse_file(path: str | os.PathLike[str], fmt: str | None = None) -> Graph:
    """Parse an RDF file into a new graph; a syntax error names the file and what rdflib said."""
    path = Path(path)
    fmt = normalise_format(fmt) if fmt else format_for_path(str(path), default="turtle")
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    if fmt == "xml":  # refuse entity declarations (billion laughs) before rdflib's parser expands them
        with path.open("rb") as fh:
            check_xml(fh, str(path))
    graph = Graph()
    try:
        graph.parse(str(path), format=_RDFLIB[fmt])
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise InputError(f"not valid {fmt} RDF: {exc}", source=str(path)) from exc
    return graph
