"""SPARQL over an exported file, for users without a triple store (rdflib's in-memory engine).

The export's prefixes (``aikg:``, ``schema:``, ``prov:``…) are predeclared, so short
queries need no ``PREFIX`` lines; queries that declare them work too.
"""

from __future__ import annotations

import os
from typing import Any

import pandas as pd
from rdflib import BNode, Graph, Literal, URIRef

from aikg.core.errors import QueryError
from aikg.graph.rdf.files import parse_file
from aikg.graph.rdf.mapping import load_mapping


def _cell(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (str, int, float, bool)) else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term) if isinstance(term, URIRef) else term


def run_sparql(graph: Graph, query: str) -> pd.DataFrame:
    """Rows of a SELECT (one column a variable), one ``ask`` row for ASK, ``s p o`` rows for CONSTRUCT/DESCRIBE."""
    try:
        result = graph.query(query, initNs=load_mapping().prefixes)
    except Exception as exc:  # pyparsing and rdflib raise many types
        raise QueryError(f"SPARQL query failed: {exc}") from exc
    if result.type == "ASK":
        return pd.DataFrame({"ask": [bool(result.askAnswer)]})
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return pd.DataFrame([[_cell(t) for t in triple] for triple in result], columns=["s", "p", "o"])
    columns = [str(v) for v in result.vars or []]
    return pd.DataFrame([[_cell(row[i]) for i in range(len(columns))] for row in result], columns=columns)


def sparql_file(path: str | os.PathLike[str], query: str, fmt: str | None = None) -> pd.DataFrame:
    return run_sparql(parse_file(path, fmt), query)
