"""Shared fixtures: every store test runs on each backend that can run here.

The embedded engine always runs. The Neo4j tier runs the same tests against a live server
only when AIKG_TEST_NEO4J_URI is set (with AIKG_TEST_NEO4J_USER, AIKG_TEST_NEO4J_PASSWORD,
AIKG_TEST_NEO4J_DATABASE): never on NEO4J_URI, the variable users export for their own graph.
It deletes what it creates, so it claims a database first: an empty one is marked with one
``AikgTestTier`` node; a database holding anything without that mark is refused, untouched.
Those tests carry the ``neo4j`` marker (``pytest -m "not neo4j"`` leaves them out).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
BACKENDS = ["embedded", "neo4j"]

NEO4J_TEST_URI = "AIKG_TEST_NEO4J_URI"
NEO4J_SKIP = (f"Neo4j tier: set {NEO4J_TEST_URI} (and AIKG_TEST_NEO4J_USER, AIKG_TEST_NEO4J_PASSWORD, "
              "AIKG_TEST_NEO4J_DATABASE) to a Neo4j database used only for tests; NEO4J_URI is never used by tests")
USER_VARIABLES = ("NEO4J_URI", "NEO4J_USER", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")

# The test tier's claim on a database: one marker node, written only into an empty database.
MARKER_LABEL = "AikgTestTier"
CLAIM_COUNT = (f"MATCH (n) RETURN count(n) AS nodes, count(CASE WHEN n:{MARKER_LABEL} THEN 1 END) AS markers")
CLAIM_MARK = f"MERGE (m:{MARKER_LABEL} {{id: 'aikg-test-tier'}})"
CLAIM_WIPE = f"MATCH (n) WHERE NOT n:{MARKER_LABEL} DETACH DELETE n"


def servers_under(folder: Path) -> list[int]:
    """Pids of embedded-engine servers (redis-server) whose data folder is inside ``folder``.

    The server runs in its data folder (``dir`` in its configuration), so its working directory says
    which store it serves, even after that folder was deleted.
    """
    prefix = str(folder.resolve())
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if b"redis-server" not in (entry / "cmdline").read_bytes().split(b"\0")[0]:
                continue
            cwd = os.readlink(entry / "cwd").removesuffix(" (deleted)")
        except OSError:
            continue
        if cwd == prefix or cwd.startswith(prefix + os.sep):
            found.append(int(entry.name))
    return found


LEFT_RUNNING: list[str] = []


def _kill_servers(folder: Path, who: str) -> None:
    import signal

    for pid in servers_under(folder):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            continue
        LEFT_RUNNING.append(f"{who}: redis-server pid {pid}")


@pytest.fixture(autouse=True)
def _no_server_outlives_its_test(request: pytest.FixtureRequest):
    """A test that opens a store must stop its server: one left running is killed and named in the summary."""
    folder = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if folder is not None:
        _kill_servers(folder, request.node.nodeid)


@pytest.fixture(autouse=True, scope="session")
def _no_server_outlives_the_suite(tmp_path_factory: pytest.TempPathFactory):
    yield
    _kill_servers(tmp_path_factory.getbasetemp(), "session")


def pytest_terminal_summary(terminalreporter) -> None:
    if LEFT_RUNNING:
        terminalreporter.section("embedded servers left running (killed)")
        for line in LEFT_RUNNING:
            terminalreporter.write_line(line)


class NotATestDatabase(Exception):
    """The database holds data the test tier did not create."""


def neo4j_test_settings(environ: Mapping[str, str] | None = None) -> dict[str, str] | None:
    """Connection settings of the live Neo4j tier, or None when it is not switched on."""
    env = os.environ if environ is None else environ
    if not env.get(NEO4J_TEST_URI):
        return None
    return {"uri": env[NEO4J_TEST_URI], "user": env.get("AIKG_TEST_NEO4J_USER") or "neo4j",
            "password": env.get("AIKG_TEST_NEO4J_PASSWORD", ""),
            "database": env.get("AIKG_TEST_NEO4J_DATABASE") or "neo4j"}


def claim_test_database(store, where: str = "the test database") -> None:
    """Mark an empty database as the test tier's; refuse (touching nothing) one holding data it did not create."""
    rows = store.read(CLAIM_COUNT)
    row = rows[0] if rows else {"nodes": 0, "markers": 0}  # an embedded graph never written has no rows
    if row["markers"] == 0 and row["nodes"] > 0:
        raise NotATestDatabase(
            f"{where} holds {row['nodes']} node(s) and no {MARKER_LABEL} marker: it is not the test tier's, so the "
            f"tests refuse to clear it. Point {NEO4J_TEST_URI}/AIKG_TEST_NEO4J_DATABASE at an empty database "
            "used only for tests")
    if row["markers"] == 0:
        store.write(CLAIM_MARK)


def wipe_test_database(store) -> None:
    """Delete everything but the marker (only ever called on a claimed database), and keep the mark."""
    store.write(CLAIM_WIPE)
    store.write(CLAIM_MARK)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests parametrised with the neo4j backend carry the `neo4j` marker."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend_name") == "neo4j":
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(params=BACKENDS)
def backend_name(request: pytest.FixtureRequest) -> str:
    if request.param == "neo4j" and neo4j_test_settings() is None:
        pytest.skip(NEO4J_SKIP)
    return request.param


def _open_neo4j_test_store(home: Path, monkeypatch: pytest.MonkeyPatch):
    from aikg.graph.store import open_store

    settings = neo4j_test_settings()
    for var in USER_VARIABLES:  # the user's own connection settings never reach a test
        monkeypatch.delenv(var, raising=False)
    st = open_store("neo4j", home=home, **settings)
    try:
        claim_test_database(st, f"Neo4j database {settings['database']!r} at {settings['uri']}")
    except NotATestDatabase as exc:
        st.close()
        pytest.fail(str(exc), pytrace=False)
    wipe_test_database(st)
    st.apply_schema()
    st.ensure_schema()
    return st


@pytest.fixture
def store(backend_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An empty store with the schema applied, closed afterwards."""
    from aikg.graph.store import open_store

    if backend_name == "neo4j":
        st = _open_neo4j_test_store(tmp_path / "home", monkeypatch)
    else:
        st = open_store(backend_name, home=tmp_path / "home")
        st.apply_schema()
    yield st
    if backend_name == "neo4j":
        wipe_test_database(st)  # this test's data (the database was claimed at set-up)
    st.close()


@pytest.fixture(scope="session")
def no_gazetteer_extractor():
    """The extractor with an empty gazetteer: what the text alone says (one per test session)."""
    import tempfile

    from aikg.ingest.nlp import Extractor
    from aikg.ingest.nlp.config import ExtractConfig

    with tempfile.TemporaryDirectory(prefix="aikg-no-gaz-") as empty:
        yield Extractor(ExtractConfig(gazetteer_dir=Path(empty)))


#: ExtractConfig fields the extractor reads only while extracting (not when it builds its spaCy pipelines)
EXTRACTION_TIME_FIELDS = frozenset({"max_chunk_chars", "calibration", "pair_model"})


@pytest.fixture(scope="session")
def extractor_with():
    """``extractor_with(**settings)``: the default extractor with other extraction-time settings, sharing its
    loaded pipeline (a new Extractor would load spaCy again: about 3-5 s of CPU each)."""
    import copy
    import dataclasses

    from aikg.ingest.nlp.extractor import shared_extractor

    def make(**settings):
        unknown = set(settings) - EXTRACTION_TIME_FIELDS
        if unknown:
            raise ValueError(f"{sorted(unknown)} shape the pipeline itself: build an Extractor for them")
        base = shared_extractor()
        list(base.extract_many([]))  # loads spaCy and the rules once, in the shared extractor
        ex = copy.copy(base)
        ex.config = dataclasses.replace(base.config, **settings)
        return ex

    return make


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def made_demo(tmp_path_factory):
    """One `make demo` run shared by the session: (home, out folder, the finished process).

    The demo is the slowest single step of the suite; the demo test and the figure tests read the same run.
    Under pytest-xdist the workers share it too (one builds it, under a lock, in the run's common temp folder;
    the others read its result), and the last worker out stops any server left on it.
    """
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:
        yield _make_demo(tmp_path_factory.mktemp("made-demo"))
    else:
        yield from _shared_demo(tmp_path_factory.getbasetemp().parent / f"made-demo-{run}")


def _make_demo(base: Path):
    import subprocess

    home, out = base / "home", base / "out"
    proc = subprocess.run(["make", "-s", "demo", f"AIKG_HOME={home}", f"DEMO_OUT={out}"],
                          cwd=Path(__file__).parent.parent, capture_output=True, text=True, timeout=900)
    return home, out, proc


def _shared_demo(base: Path):
    """The run's one demo, built by the first worker that asks (the others wait for it under a lock)."""
    import json
    import subprocess

    from aikg.core.locking import FileLock

    base.mkdir(exist_ok=True)
    users = FileLock(base / "users.lock")
    users.acquire(shared=True)
    try:
        with FileLock(base / "build.lock"):
            result = base / "result.json"
            if not result.exists():
                home, out, proc = _make_demo(base)
                result.write_text(json.dumps([proc.returncode, proc.stdout, proc.stderr]), "utf-8")
            status, stdout, stderr = json.loads(result.read_text("utf-8"))
        yield base / "home", base / "out", subprocess.CompletedProcess(["make", "-s", "demo"], status, stdout, stderr)
    finally:
        users.release()
        last = FileLock(base / "users.lock")
        if last.acquire(wait=False):  # no other worker uses the demo any more
            _kill_servers(base, "made_demo")
            last.release()
