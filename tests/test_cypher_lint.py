"""Every statement aikg can send to Neo4j passes Neo4j's own semantic linter."""

from __future__ import annotations

from aikg.graph import change_keys, search_grams
from aikg.graph.backends.neo4j import FULLTEXT_QUERY, INDEX_STATE, ddl_statements
from aikg.graph.cypher_files import all_load_statements
from tests.cypherlint.runner import lint


def test_linter_catches_errors():
    # the harness must be able to fail: a syntax error and an undefined variable are reported
    errors = lint({"bad": "MATCH (n) RETURN m", "syntax": "MATCH (n RETURN n"})
    assert errors["bad"] and errors["syntax"]


def test_loader_and_schema_statements_lint_clean():
    statements = dict(all_load_statements())
    statements.update({f"ddl[{i}]": s for i, s in enumerate(ddl_statements())})
    statements["fulltext"] = FULLTEXT_QUERY
    statements.update(grams_missing=search_grams.MISSING, grams_set=search_grams.SET_GRAMS, index_state=INDEX_STATE, linked_backfill=change_keys.BACKFILL)
    errors = lint(statements)
    bad = {name: errs for name, errs in errors.items() if errs}
    assert not bad, bad
    assert len(errors) == len(statements)
