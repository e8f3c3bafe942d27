"""Every catalog query, each backend variant and the helper statements pass Neo4j's own linter."""

from __future__ import annotations

import pytest

from aikg.queries.catalog import load_catalog
from aikg.queries.entity_lookup import statements as resolve_statements
from tests.cypherlint.runner import lint

# slips a catalog query could make; the harness must report them (one linter run for all: it is slow to start)
BROKEN = {"broken:unbound": "MATCH (a:Entity {id: $x}) RETURN b.id AS id",
          "broken:union": "RETURN 1 AS a UNION RETURN 2 AS b"}


@pytest.fixture(scope="module")
def linted() -> tuple[dict[str, str], dict[str, list]]:
    catalog = load_catalog()
    statements = catalog.statements()
    statements.update(resolve_statements())
    assert len(statements) == len(catalog) + sum(len(q.variants) for q in catalog) + 2
    return statements, lint({**statements, **BROKEN})


def test_catalog_queries_and_variants_lint_clean(linted):
    statements, errors = linted
    assert "entity_search[neo4j]" in statements  # variants are linted too
    assert set(statements) <= set(errors)
    bad = {name: errs for name, errs in errors.items() if errs and name in statements}
    assert not bad, bad


def test_linter_sees_catalog_mistakes(linted):
    _, errors = linted
    assert all(errors[name] for name in BROKEN)
