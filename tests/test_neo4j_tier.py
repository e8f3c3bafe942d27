"""The live Neo4j test tier can never touch a user's graph.

It switches on only with its own variable (AIKG_TEST_NEO4J_URI, not the NEO4J_URI users export),
claims a database before deleting anything (refusing one that holds data it did not create),
and its tests carry the `neo4j` marker. The claim is plain Cypher, checked here on the embedded
engine; the same statements pass Neo4j's linter (test_neo4j_backend.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aikg.graph.store import open_store
from tests.conftest import MARKER_LABEL, NotATestDatabase, claim_test_database, neo4j_test_settings, wipe_test_database

ROOT = Path(__file__).parent.parent


def test_users_neo4j_variables_do_not_switch_the_tier_on():
    user = {"NEO4J_URI": "bolt://localhost:7687", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "aikg-local-dev"}
    assert neo4j_test_settings(user) is None
    on = neo4j_test_settings({**user, "AIKG_TEST_NEO4J_URI": "bolt://testhost:7687", "AIKG_TEST_NEO4J_PASSWORD": "t"})
    assert on == {"uri": "bolt://testhost:7687", "user": "neo4j", "password": "t", "database": "neo4j"}


@pytest.fixture
def engine(tmp_path):
    st = open_store("embedded", home=tmp_path / "h")
    yield st
    st.close()


def count(st, where: str = "") -> int:
    return st.read(f"MATCH (n) {where} RETURN count(n) AS n")[0]["n"]


def test_a_database_with_someone_elses_data_is_refused_untouched(engine):
    engine.write("CREATE (:Entity:Cluster {id: 'cluster:users-own', name: 'Users own'})")
    with pytest.raises(NotATestDatabase, match="1 node.*refuse"):
        claim_test_database(engine)
    assert count(engine) == 1 and count(engine, f"WHERE n:{MARKER_LABEL}") == 0


def test_an_empty_database_is_claimed_and_only_test_data_is_wiped(engine):
    claim_test_database(engine)
    assert count(engine, f"WHERE n:{MARKER_LABEL}") == 1
    engine.write("CREATE (:Entity:Cluster {id: 'cluster:t', name: 'T'})")
    claim_test_database(engine)  # marked: the tier's own, accepted again
    wipe_test_database(engine)
    assert count(engine) == 1 and count(engine, f"WHERE n:{MARKER_LABEL}") == 1
    engine.write(f"MATCH (n:{MARKER_LABEL}) DELETE n")  # a test cleared everything: empty, claimed again
    wipe_test_database(engine)
    assert count(engine, f"WHERE n:{MARKER_LABEL}") == 1


def run_pytest(*args: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIKG_TEST_NEO4J")}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)


def test_live_tests_carry_the_marker_and_skip_on_a_users_neo4j_uri():
    # a user's exported connection settings: the tier stays off, every neo4j test is skipped
    user = {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "users-password"}
    proc = run_pytest("-m", "neo4j", "tests/test_store.py", env_extra=user)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    summary = out.strip().splitlines()[-1]
    assert " skipped" in summary and "passed" not in summary and "failed" not in summary and "error" not in summary
    assert "deselected" in summary  # the embedded tests are left out by the marker
    assert "AIKG_TEST_NEO4J_URI" in out
    listed = run_pytest("--collect-only", "-m", "neo4j", "tests/test_store.py", env_extra=user).stdout
    ids = [line for line in listed.splitlines() if "::" in line]
    assert ids and all(line.endswith("[neo4j]") or "-neo4j" in line or "neo4j-" in line for line in ids), ids
