"""Shared fixtures: every store test runs on each backend that can run here.

The embedded engine always runs; the Neo4j backend runs the same tests when NEO4J_URI
is set and is reported as skipped otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
BACKENDS = ["embedded", "neo4j"]


@pytest.fixture(params=BACKENDS)
def backend_name(request: pytest.FixtureRequest) -> str:
    if request.param == "neo4j" and not os.environ.get("NEO4J_URI"):
        pytest.skip("Neo4j backend: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run against a live server")
    return request.param


@pytest.fixture
def store(backend_name: str, tmp_path: Path):
    """An empty store with the schema applied, closed afterwards."""
    from aikg.graph.store import open_store

    st = open_store(backend_name, home=tmp_path / "home")
    if backend_name == "neo4j":
        st.clear()
    st.apply_schema()
    yield st
    if backend_name == "neo4j":
        st.clear()
    st.close()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path
