"""The explorer keeps answering while `aikg ingest` (another process) writes to the same embedded
store: every request made during the ingest succeeds, they are counted, and the pages show the
ingested documents' clusters once it has finished, with no restart."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from aikg.graph.loader import load_jsonl
from aikg.graph.store import open_store
from aikg.web import create_app
from tests.conftest import DATA

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
SAMPLES = ("canada_ai_clusters_report.md", "news_toronto_compute_boost.html", "news_tokyo_model_startups.html")
ROUTES = ("/", "/cluster/cluster%3Atoronto", "/entity/company%3Anvidia", "/search?q=Vector",
          "/queries/cluster_overview?run=1")


def test_requests_during_an_ingest_all_succeed(tmp_path):
    home = tmp_path / "home"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SAMPLES:
        shutil.copy(ROOT / "data" / "samples" / name, corpus / name)
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        assert not load_jsonl(store, [DATA / "query_fixture.jsonl"]).errors
        with TestClient(create_app(store), raise_server_exceptions=False) as client:
            assert "Tokyo" not in client.get("/").text
            aikg = Path(sys.executable).with_name("aikg")
            writer = subprocess.Popen([str(aikg), "ingest", str(corpus), "--home", str(home), "--no-progress"],
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            statuses: list[int] = []
            started = time.monotonic()
            while writer.poll() is None and time.monotonic() - started < 600:
                for route in ROUTES:
                    statuses.append(client.get(route).status_code)
            output = writer.communicate(timeout=60)[0]
            assert writer.returncode == 0, output
            failed = [s for s in statuses if s != 200]
            print(f"{len(statuses)} requests during the ingest, {len(failed)} failed")
            assert len(statuses) >= len(ROUTES) and not failed
            assert '>Tokyo</a>' in client.get("/").text  # written by the other process, seen without a restart
    finally:
        store.close()
