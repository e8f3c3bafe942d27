"""First contact (issue #17): each mistake a new user makes ends in one clear message and the
exit status docs/reliability.md#exit-codes lists; output says what it means.

Commands run through ``aikg.cli.main`` (the installed entry point: errors mapped to exit codes in
one place), in process for speed; Ctrl-C and the XML bombs run as real subprocesses.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.hostile import rdf_xml_bomb, xlsx_bomb

ROOT = Path(__file__).parent.parent
FIXTURE = DATA / "loader_fixture.jsonl"


def aikg(capsys: pytest.CaptureFixture, *args: str | Path) -> tuple[int, str, str]:
    """Run ``aikg ARGS`` through the real entry point; return (status, stdout, stderr)."""
    from aikg.cli import main

    old = sys.argv
    sys.argv = ["aikg", *map(str, args)]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def loaded(home: Path, capsys: pytest.CaptureFixture) -> Path:
    code, _, err = aikg(capsys, "load", FIXTURE, "--home", home, "--no-progress")
    assert code == 0, err
    return home


# ------------------------------------------------------------------ load: tracebacks become one line


def test_load_a_missing_file_says_so_with_status_3(capsys, home):
    code, out, err = aikg(capsys, "load", "no_such.jsonl", "--home", home)
    assert code == 3
    assert err.strip() == "aikg: no_such.jsonl: file not found: check the path"
    assert "Traceback" not in out + err


def test_load_a_folder_points_to_ingest(capsys, home, tmp_path):
    code, _, err = aikg(capsys, "load", tmp_path, "--home", home)
    assert code == 3
    assert "is a folder" in err and "aikg ingest" in err and "Traceback" not in err


def test_load_a_markdown_document_points_to_ingest_once(capsys, home, tmp_path):
    doc = tmp_path / "report.md"
    doc.write_text("# Toronto\n\nThe Vector Institute is based in Toronto.\n\nMore text.\n", "utf-8")
    code, out, err = aikg(capsys, "load", doc, "--home", home)
    assert code == 3
    assert err.count("\n") == 1  # one line, not one "not valid JSON" per line
    assert "not interchange JSONL" in err and f"use aikg ingest {doc}" in err
    assert "documents loaded" not in out  # refused before anything was loaded


# ------------------------------------------------------------------ failures are not reported as success


def test_ingest_a_missing_folder_fails_with_status_1(capsys, home):
    code, out, _ = aikg(capsys, "ingest", "no_such_dir", "--home", home, "--no-progress")
    assert code == 1
    assert "FAILED no_such_dir: not found" in out and "1 failed" in out


def test_ingest_an_empty_folder_says_no_supported_files(capsys, home, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, _ = aikg(capsys, "ingest", empty, "--home", home, "--no-progress")
    assert code == 1
    assert "no supported files found" in out and ".pdf" in out


def test_extract_of_nothing_writes_no_file_and_fails(capsys, tmp_path):
    target = tmp_path / "x.jsonl"
    code, _, err = aikg(capsys, "extract", tmp_path / "no_such_dir", "-o", target)
    assert code == 1
    assert not target.exists()
    assert "not found" in err and f"nothing extracted: {target} was not written" in err
    assert "already in the store" not in err  # extract involves no store


def test_a_value_given_to_a_flag_is_named(capsys, home):
    code, out, _ = aikg(capsys, "ingest", "--force", "true", "--home", home, "--no-progress")
    assert code == 1
    assert "FAILED true: not found (flags such as --force take no value)" in out


def test_hidden_files_are_skipped_with_a_note(capsys, tmp_path):
    folder = tmp_path / "in"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "notes.md").write_text("# hidden\n", "utf-8")
    (folder / ".draft.md").write_text("# hidden\n", "utf-8")
    code, _, err = aikg(capsys, "extract", folder, "-o", tmp_path / "facts.jsonl")
    assert code == 1  # nothing else to read
    assert re.search(r"skipped \S*\.draft\.md: hidden file", err)
    assert re.search(r"skipped \S*\.git: hidden folder", err) and "notes.md" not in err
    assert "no supported files found" in err


# ------------------------------------------------------------------ help, version


def test_help_shows_flags_as_flags_and_fits_80_columns(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for args in (["ingest", "--help"], ["cypher", "--help"], ["load", "--help"], ["export", "rdf", "--help"]):
        code, out, _ = aikg(capsys, *args)
        assert code == 0
        assert "<bool>" not in out, args
        assert all(len(line) <= 80 for line in out.splitlines()), args
    code, out, _ = aikg(capsys, "ingest", "--help")
    assert re.search(r"^\s+--force\s+Re-extract", out, re.M)  # a flag: no value after it
    assert "~/.local/share/aikg)" in out  # the default home is shown whole
    code, out, _ = aikg(capsys, "cypher", "--help")
    assert re.search(r"^\s+--write\s+Allow", out, re.M)


def test_version(capsys):
    from importlib.metadata import version

    code, out, _ = aikg(capsys, "--version")
    assert code == 0 and out.strip() == f"aikg {version('aikg')}"


def test_usage_errors_exit_2(capsys):
    code, _, err = aikg(capsys, "query", "run")
    assert code == 2 and "Missing argument" in err


# ------------------------------------------------------------------ counts mean what they say


def test_load_counts_distinct_entities_and_relations(capsys, home):
    code, out, _ = aikg(capsys, "load", FIXTURE, "--home", home, "--no-progress")
    assert code == 0
    counts = re.search(r"entities written: (\d+), relations written: (\d+)", out)
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines() if line.strip()]
    entities = {r["id"] for r in records if r["record"] == "entity"}
    relations = {(r["type"], r["source"], r["target"]) for r in records if r["record"] == "relation"}
    mention_docs = sum(len({m["doc"] for m in r["mentions"]}) for r in records if r["record"] == "entity")
    assert mention_docs > len(entities)  # the old count (entity per document) would differ
    assert (int(counts.group(1)), int(counts.group(2))) == (len(entities), len(relations))
    from aikg.core.schema import SCHEMA

    code, out, _ = aikg(capsys, "stats", "--home", home, "-f", "json")
    rows = json.loads(out)
    stored_entities = sum(r["count"] for r in rows if r["kind"] == "node" and r["name"] in SCHEMA.entity_types)
    stored_relations = sum(r["count"] for r in rows if r["kind"] == "relationship" and r["name"] in SCHEMA.relation_types)
    assert (stored_entities, stored_relations) == (len(entities), len(relations))  # load and stats agree


# ------------------------------------------------------------------ queries


def test_unknown_query_suggests_the_closest_names(capsys, home):
    code, _, err = aikg(capsys, "query", "run", "evidence", "--home", home)
    assert code == 5
    assert err.startswith("aikg: unknown query 'evidence'; did you mean relationship_evidence?")
    assert "bridging_people" not in err


def test_evidence_leads_with_sentence_and_title_and_leaves_page_empty(capsys, loaded):
    code, out, _ = aikg(capsys, "query", "run", "relationship_evidence", "-p", "source=NVIDIA",
                        "-p", "target=Vector Institute", "--home", loaded, "-f", "json")
    assert code == 0
    rows = json.loads(out)
    assert list(rows[0])[:3] == ["sentence", "doc_title", "page"]
    assert rows[0]["sentence"] == "Vector Institute partners with NVIDIA." and rows[0]["page"] is None
    code, out, _ = aikg(capsys, "query", "run", "relationship_evidence", "-p", "source=NVIDIA",
                        "-p", "target=Vector Institute", "--home", loaded)
    header, _, first = out.splitlines()[:3]
    assert header.startswith("sentence") and first.startswith("Vector Institute partners with NVIDIA.")
    assert " 0 " not in first  # no page 0 for a document that has no pages


def test_table_wraps_long_cells_on_a_terminal_instead_of_cutting():
    import pandas as pd

    from aikg.output import render

    sentence = ("Mila partners with the Université de Montréal and McGill University and is funded by the "
                "Government of Quebec and by the Pan-Canadian Artificial Intelligence Strategy.")
    df = pd.DataFrame([{"sentence": sentence, "doc_title": "News release", "page": None}])
    text = render(df, "table", width=80)
    lines = text.splitlines()
    assert len(lines) > 3 and all(len(line) <= 80 for line in lines)  # wrapped onto several lines
    first_column = " ".join(line[: lines[1].index(" ")] for line in lines[2:]).split()
    assert first_column == sentence.split() and "…" not in text  # every word, in order, none cut
    assert render(df, "table").splitlines()[2].startswith(sentence)  # a file or pipe: one whole line
    wide = pd.DataFrame([{f"column_{i}": "value " * 3 for i in range(12)}])
    blocks = render(wide, "table", width=80)
    assert blocks.startswith("-[ 1 ]") and all(len(line) <= 80 for line in blocks.splitlines())


def test_evidence_sentences_lose_a_dangling_opening_quote():
    from aikg.ingest.nlp.sentence_text import trim_sentence

    assert trim_sentence(10, 40, 'He will lead the project. "') == (10, 38, "He will lead the project.")
    quoted = '"Mila is where the work happens," said Sofia Marchetti. "'
    assert trim_sentence(0, len(quoted), quoted)[2] == quoted[:-2]
    assert trim_sentence(0, 14, 'He said "yes."')[2] == 'He said "yes."'  # a closing quote stays


def test_cypher_write_prints_the_rows_it_returns(capsys, home):
    code, out, _ = aikg(capsys, "cypher", "--write", "CREATE (c:Cluster:Entity {id: $id, name: 'X'}) RETURN c.id AS id",
                        "-p", "id=cluster:x", "--home", home)
    assert code == 0
    assert out.split() == ["id", "-" * len("cluster:x"), "cluster:x"]
    code, out, _ = aikg(capsys, "cypher", "--write", "MATCH (c:Cluster {id: 'cluster:x'}) SET c.y = 1", "--home", home)
    assert code == 0 and out.strip() == "done (no rows returned)"
    code, _, err = aikg(capsys, "cypher", "MATCH (c) DETACH DELETE c", "--home", home)
    assert code == 5 and "--write" in err


# ------------------------------------------------------------------ viz query draws pairs


def test_clusters_sharing_partners_draws_a_cluster_map():
    import pandas as pd

    from aikg.graph.views import network_from_edges
    from aikg.pair_views import pair_stem, pairs_to_edges

    result = pd.DataFrame([{"cluster_a": "cluster:london", "cluster_a_name": "London", "cluster_b": "cluster:toronto",
                            "cluster_b_name": "Toronto", "shared": 2, "shared_partners": ["NVIDIA", "CIFAR"],
                            "shared_partner_ids": ["company:nvidia", "agency:cifar"]}])
    assert pair_stem(list(result.columns)) == "cluster"
    net = network_from_edges(pairs_to_edges(result), title="shared")
    assert {n.name for n in net.nodes.values()} == {"London", "Toronto"}
    assert {n.type for n in net.nodes.values()} == {"Cluster"}
    (edge,) = net.edges
    assert (edge.type, edge.support, edge.label) == ("SHARES_PARTNERS", 2, "NVIDIA, CIFAR")


def test_viz_query_refuses_a_result_with_neither_edges_nor_pairs(capsys, home, tmp_path):
    code, _, err = aikg(capsys, "viz", "query", "cluster_overview", "-o", tmp_path / "x.html", "--home", home)
    assert code == 5 and "cannot be drawn" in err and "clusters_sharing_partners" in err


# ------------------------------------------------------------------ shared data carries no local path


def test_stored_source_is_a_url_or_the_file_name(tmp_path):
    from aikg.ingest.loaders import load_path

    plain = tmp_path / "deep" / "folder" / "report.md"
    plain.parent.mkdir(parents=True)
    plain.write_text("# Toronto\n\nThe Vector Institute is based in Toronto.\n", "utf-8")
    assert load_path(plain).record().source == "report.md"
    fronted = tmp_path / "deep" / "story.md"
    fronted.write_text("---\ntitle: Story\nurl: https://example.org/story\n---\n\nMila is in Montreal.\n", "utf-8")
    assert load_path(fronted).record().source == "https://example.org/story"
    edgar = load_path(ROOT / "data" / "samples" / "cascadia_neural_10k_2025.txt").record().source
    assert edgar.startswith("https://www.sec.gov/Archives/edgar/data/")


def test_rdf_export_drops_an_absolute_local_path(capsys, home, tmp_path):
    doc = "a" * 64
    facts = tmp_path / "old.jsonl"
    facts.write_text(json.dumps({"record": "document", "id": doc, "source": "/home/someone/private/report.pdf",
                                 "title": "R", "kind": "report", "chars": 10}) + "\n", "utf-8")
    assert aikg(capsys, "load", facts, "--home", home, "--no-progress")[0] == 0
    code, _, _ = aikg(capsys, "export", "rdf", "-o", tmp_path / "g.ttl", "--home", home)
    text = (tmp_path / "g.ttl").read_text("utf-8")
    assert code == 0 and '"report.pdf"' in text and "/home/someone" not in text


# ------------------------------------------------------------------ XML bombs (real processes, bounded)


def _run(*args: str | Path, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aikg", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout, **kw)


def test_rdf_xml_entity_bomb_is_refused_by_import_and_sparql(home, tmp_path):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_bytes(rdf_xml_bomb())
    for args in (["import", "rdf", bomb, "--home", home], ["sparql", bomb, "SELECT * WHERE { ?s ?p ?o }"],
                 ["validate-rdf", bomb]):
        started = time.monotonic()
        proc = _run(*args)
        assert proc.returncode == 3, (args, proc.stderr)
        assert "declares XML entities" in proc.stderr and str(bomb) in proc.stderr
        assert time.monotonic() - started < 60


def test_xlsx_entity_bomb_fails_that_file_only(capsys, tmp_path):
    from aikg.core.errors import InputError
    from aikg.ingest.loaders import load_path

    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(xlsx_bomb())
    with pytest.raises(InputError, match="declares XML entities"):
        load_path(bomb)


# ------------------------------------------------------------------ Ctrl-C during ingest


def _committed(home: Path) -> int:
    path = home / "embedded" / "committed.json"
    try:
        return int(json.loads(path.read_text()).get("documents", 0))
    except (OSError, ValueError):
        return 0


def _notes(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"doc{i:02d}.md").write_text(
            f"# Note {i}\n\nThe Vector Institute in Toronto partners with NVIDIA on project {i}. "
            f"Mila is based in Montreal and works with company number {i}.\n", "utf-8")
    return folder


def _sigint_inside_a_weakref_callback() -> None:
    """Press Ctrl-C while Python runs a weakref callback, as the import system does after each
    first import: a KeyboardInterrupt raised there is printed as "Exception ignored" and dropped."""
    import weakref

    class Lock:
        pass

    def callback(_ref: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the handler runs here, inside the callback

    lock = Lock()
    ref = weakref.ref(lock, callback)
    del lock
    assert ref() is None


def test_a_ctrl_c_python_would_drop_still_stops_the_ingest(capsys, home, tmp_path, monkeypatch):
    """The cause of the old flake (exit 0, every document processed): SIGINT handled inside an
    import's weakref callback. The press is recorded, the document in hand commits, the run stops."""
    from aikg.ingest.pipeline import Pipeline

    folder = _notes(tmp_path / "docs", 6)
    real, calls = Pipeline.extract, []

    def extract(self, docs, **options):
        calls.append(len(docs))
        if len(calls) == 2:  # the first document has committed
            _sigint_inside_a_weakref_callback()
        return real(self, docs, **options)

    monkeypatch.setattr(Pipeline, "extract", extract)
    code, out, err = aikg(capsys, "ingest", folder, "--home", home, "--chunk-size", "1", "--no-progress")
    assert code == 130, out + err
    assert "interrupted: 2 document(s) committed in this run (0 were already in the store); run the same " \
           "command again to resume" in err
    assert calls == [1, 1] and "Traceback" not in err
    assert _committed(home) == 2


def test_ctrl_c_during_ingest_says_what_was_committed_and_resume_finishes(tmp_path):
    folder = _notes(tmp_path / "docs", 40)
    home = tmp_path / "home"
    cmd = [sys.executable, "-m", "aikg", "ingest", str(folder), "--home", str(home), "--chunk-size", "1",
           "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while _committed(home) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, out + err
    said = re.search(r"interrupted: (\d+) document\(s\) committed in this run \((\d+) were already in the store\); "
                     r"run the same command again to resume", err)
    assert said, err
    committed = int(said.group(1))
    assert 2 <= committed < 40 and "Traceback" not in err
    assert _committed(home) == committed, "the store holds exactly what the message says was committed"
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    done = re.search(r"documents: (\d+) processed, (\d+) already in the store", again.stdout)
    assert (int(done.group(1)) + int(done.group(2)), int(done.group(2))) == (40, committed)


# ------------------------------------------------------------------ make demo's next steps


def test_demo_next_steps_work_from_any_folder(tmp_path, monkeypatch):
    from aikg.demo import aikg_command, next_steps

    script = Path(sys.executable).parent / "aikg"
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # aikg not on PATH: the absolute path
    assert aikg_command() == str(script.absolute())
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}/usr/bin")
    assert aikg_command() == "aikg"
    monkeypatch.chdir(tmp_path)
    steps = next_steps(Path("home"), Path("out"), Path("out") / "aikg.ttl")
    assert steps[0] == f"export AIKG_HOME={tmp_path / 'home'}"
    assert f"-o {tmp_path / 'out' / 'london.html'}" in steps[3] and steps[-1].endswith(str(tmp_path / "out" / "aikg.ttl"))
    assert not any(".venv/bin" in s and not s.split()[0].startswith("/") for s in steps)
