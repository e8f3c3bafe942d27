"""Curated, tested Cypher queries over the aikg graph (see docs/queries.md)."""

from aikg.queries.catalog import Catalog, Query, load_catalog, run_query

__all__ = ["Catalog", "Query", "load_catalog", "run_query"]
