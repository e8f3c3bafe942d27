"""Every `aikg …` command that README.md and docs/*.md show runs, and exits 0, on a demo store
(the failing examples of docs/reliability.md#exit-codes exit with the status their row gives).

The store is built once with `aikg demo` into a temporary AIKG_HOME; the commands run in a
shell (so `~`, globs and `>` work as a reader's shell would) with HOME pointing at a folder
that holds the `~/reports/` and `~/filings/` the README tour names. Commands that need a
Neo4j server or a Dask cluster, and synopses with placeholders, are skipped with the reason.

Each command is still its own `aikg` process, checked on its own. For time (the suite's budget)
they run in three lanes (:func:`lanes`): the `store check`/`repair` examples first, alone (repair
refuses while a server runs); then, while one process keeps the demo store's server up (as an
open explorer would, so no command pays for starting and saving it), the commands that write
the store or a file another command reads run in document order in one lane, and the commands
that only read the store run beside them, on whichever of two workers is free.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.test_docs_cli import CODE, DOCS, ROOT, command_tree, is_group

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
SAMPLES = ROOT / "data" / "samples"
PLACEHOLDER = re.compile(r"^([A-Z][A-Z_]*(\.jsonl)?(…|\.\.\.)?|…|\.\.\.|[<\[].*)$")  # PATH…, FILE, ID_OR_NAME, N, <x>, [--opt]
#: (pattern in the command, why it is not run here)
SKIP = (
    (re.compile(r"--store neo4j"), "needs a Neo4j server"),
    (re.compile(r"\bextract-dask\b"), "needs a Dask cluster (tests/test_distributed.py runs a local one)"),
    (re.compile(r"out/parts/"), "reads the parts `aikg extract-dask` writes"),
    (re.compile(r"\bevaluate\b"), "runs the extractor over a whole gold set for minutes (tests/test_evaluate.py)"),
    (re.compile(r"/mnt/"), "a cluster's shared mount"),
    (re.compile(r"^aikg serve\b"), "starts a server that runs until stopped (tests/test_web_browser.py runs it)"),
    (re.compile(r"--decisions decisions\.jsonl"), "an analyst's own decisions file"),
)
#: docs/rdf.md imports into /tmp/copy and docs/web.md builds /tmp/demo-home (both kept inside the test's
#: folder); docs/reliability.md's ~/aikg-home
#: stands for the reader's own home (the demo store here)
SUBSTITUTE = {"/tmp/copy": "{tmp}/copy", "/tmp/demo-home": "{tmp}/demo-home", "~/aikg-home": "{home}"}
#: The documented command that builds the demo store the others run on: the fixture runs it (and checks it)
#: once, with AIKG_HOME at the same folder, so the test does not build a second demo store.
BUILDS_THE_STORE = "aikg demo --home /tmp/demo-home"
#: a table row that opens with a status (docs/reliability.md#exit-codes): its examples must end with it
STATUS_ROW = re.compile(r"^\|\s*(\d+)\s*\|")


def _doc_lines() -> list[tuple[str, str, bool, int]]:
    """``(doc, command line, fenced, expected status)`` for every line that runs aikg, in document order."""
    found = []
    for doc in DOCS:
        if not doc.exists():
            continue
        text = doc.read_text("utf-8")
        for m in CODE.finditer(text):
            fenced = m.group(1) is not None
            row = text[text.rfind("\n", 0, m.start()) + 1: m.start()]
            status = STATUS_ROW.match(row)
            for line in (m.group(1) if fenced else m.group(2)).splitlines():
                line = line.strip()
                if line.startswith("$ "):
                    line = line[2:]
                if line.startswith("aikg ") or line == "aikg":
                    found.append((str(doc.relative_to(ROOT)), line, fenced, int(status.group(1)) if status else 0))
    return found


def _strip_comment(line: str) -> str:
    """The line without a trailing shell comment (a '#' after a space, outside quotes)."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and i and line[i - 1].isspace():
            return line[:i].rstrip()
    return line


def _needs_arguments(tokens: list[str]) -> bool:
    """True when the tokens name a command without the arguments it requires (a reference, not an example)."""
    cmd = command_tree()
    rest = list(tokens)
    while is_group(cmd) and rest and not rest[0].startswith("-"):
        sub = cmd.commands.get(rest[0])
        if sub is None:
            return False
        cmd = sub
        rest.pop(0)
    if is_group(cmd):
        return True
    try:
        cmd.make_context("aikg", rest)
    except Exception as exc:  # typer's vendored click: MissingParameter and friends
        return type(exc).__name__ in ("MissingParameter", "BadParameter", "UsageError", "NoArgsIsHelpError")
    return False


def plan() -> list[tuple[str, str, str | None, int]]:
    """``(doc, command, reason to skip or None, expected status)``, each command once, in document order."""
    out, seen = [], set()
    for doc, line, fenced, status in _doc_lines():
        line = _strip_comment(line)
        if line in seen:
            continue
        seen.add(line)
        reason = next((why for pattern, why in SKIP if pattern.search(line)), None)
        try:
            tokens = shlex.split(line)[1:]
        except ValueError:
            tokens = line.split()[1:]
        if reason is None and any(PLACEHOLDER.match(t) for t in tokens):
            reason = "a synopsis with placeholders"
        if reason is None and not fenced:
            if _needs_arguments(tokens):
                reason = "names the command without its arguments"
        out.append((doc, line, reason, status))
    return out


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A demo store (built once, by docs/web.md's own `aikg demo --home /tmp/demo-home`), a HOME with
    ~/reports and ~/filings, and a working folder."""
    base = tmp_path_factory.mktemp("docs-run")
    home, work, user = base / "demo-home", base / "work", base / "user"
    work.mkdir()
    (user / "reports").mkdir(parents=True)
    (user / "filings").mkdir()
    for name in ("canada_ai_clusters_report.md", "press_release_northvane_mila.txt"):
        shutil.copy(SAMPLES / name, user / "reports" / name)
    shutil.copy(SAMPLES / "cascadia_neural_10k_2025.txt", user / "filings" / "cascadia_neural_10k_2025.txt")
    (work / "question.rq").write_text("SELECT ?name WHERE { ?c a aikg:Cluster ; schema:name ?name }\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "AIKG_"))}
    env.update(AIKG_HOME=str(home), HOME=str(user), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
               COLUMNS="80", AIKG_STORE="embedded")
    failure, _ = _run("docs/web.md", BUILDS_THE_STORE, 0, env, str(work), str(base))
    assert failure is None, failure
    return {**env, "_work": str(work), "_tmp": str(base)}


def test_the_plan_runs_the_readme_tour_and_skips_only_with_a_reason():
    commands = {line: reason for _, line, reason, _ in plan()}
    assert commands["aikg viz query clusters_sharing_partners -o shared.html"] is None
    assert commands["aikg query run relationship_evidence --param source=Mila --param target=\"Université de Montréal\""] is None
    assert commands["aikg ingest data/samples --store neo4j"] == "needs a Neo4j server"
    assert sum(r is None for r in commands.values()) >= 40
    statuses = {line: status for _, line, _, status in plan()}
    assert statuses["aikg load no_such.jsonl"] == 3 and statuses["aikg stats"] == 0
    assert commands[BUILDS_THE_STORE] is None and statuses[BUILDS_THE_STORE] == 0


#: Commands that must have the demo store to themselves, with no server running (store repair refuses then).
ALONE = re.compile(r"^aikg store (check|repair)\b")
#: Commands that write the demo store, or write or read a file another command writes (out/ is the demo's
#: folder, where `aikg viz clusters` writes by default too): run in document order.
ORDERED = re.compile(r"^aikg (ingest|load|extract|demo|import)\b|^aikg viz clusters\b|facts\.jsonl|new\.jsonl|"
                     r"graph\.ttl|\bout(/|\s|$)")
#: Keeps the demo store's server up between commands (the last user out saves and stops it).
HOLD = ("import sys\nfrom aikg.graph.store import open_store\nstore = open_store('embedded', home=sys.argv[1])\n"
        "print('ready', flush=True)\nsys.stdin.read()\nstore.close()\n")


def lanes(commands: list[tuple[str, str, int]]) -> tuple[list, list, list]:
    """``(alone, ordered, readers)``: each command once, in document order within its lane."""
    alone = [c for c in commands if ALONE.search(c[1])]
    ordered = [c for c in commands if c not in alone and ORDERED.search(c[1])]
    return alone, ordered, [c for c in commands if c not in alone and c not in ordered]


def test_lanes_keep_writers_in_order_and_leave_only_readers_beside_them():
    commands = [(doc, line, status) for doc, line, reason, status in plan() if reason is None]
    alone, ordered, readers = lanes(commands)
    assert sorted(alone + ordered + readers) == sorted(commands)
    assert [c[1] for c in alone][:2] == ["aikg store check", "aikg store repair"]
    first = {c[1]: i for i, c in enumerate(ordered)}
    assert first["aikg extract ~/reports/ -o facts.jsonl"] < first["aikg load facts.jsonl"]
    assert first["aikg export rdf -o graph.ttl"] < first["aikg validate-rdf graph.ttl"] < first["aikg import rdf graph.ttl"]
    for _, line, _ in readers:  # nothing beside the ordered lane writes the store or reads what it writes
        assert not re.search(r"^aikg (ingest|load|import|demo|store|extract|viz clusters)\b|\b(facts|new)\.jsonl\b|"
                             r"graph\.ttl\b|\bout(/|\s|$)", line), line


def _run(doc: str, line: str, status: int, env: dict[str, str], work: str, tmp: str) -> tuple[str | None, float]:
    """Run one documented command; return (the failure, or None) and its seconds."""
    for old, new in SUBSTITUTE.items():
        line = line.replace(old, new.format(tmp=tmp, home=env["AIKG_HOME"]))
    if "new.jsonl" in line and Path(work, "facts.jsonl").exists():
        shutil.copy(Path(work, "facts.jsonl"), Path(work, "new.jsonl"))
    started = time.monotonic()
    proc = subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - started
    if proc.returncode != status:
        return (f"{doc}: `{line}` exited {proc.returncode}, not {status}:\n"
                f"{proc.stdout[-800:]}{proc.stderr[-800:]}"), seconds
    if status and ("Traceback" in proc.stderr or not proc.stderr.startswith("aikg: ")):
        return f"{doc}: `{line}` failed without one clear line:\n{proc.stderr[-800:]}", seconds
    return None, seconds


def test_every_documented_command_exits_0_on_the_demo_store(demo_env):
    env = {k: v for k, v in demo_env.items() if not k.startswith("_")}
    work, tmp = demo_env["_work"], demo_env["_tmp"]
    # `aikg extract ~/reports/ -o facts.jsonl` writes the file later commands read; new.jsonl is a copy
    # the demo store was built by the documented BUILDS_THE_STORE (checked in the fixture)
    alone, ordered, readers = lanes([(doc, line, status) for doc, line, reason, status in plan()
                                     if reason is None and line != BUILDS_THE_STORE])

    def run_lane(lane: list[tuple[str, str, int]]) -> list[tuple[str, str | None, float]]:
        return [(line, *_run(doc, line, status, env, work, tmp)) for doc, line, status in lane]

    results = run_lane(alone)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, env["AIKG_HOME"]], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with ThreadPoolExecutor(max_workers=2) as pool:  # the ordered lane on one worker, readers on whichever is free
            jobs = [pool.submit(run_lane, ordered)] + [pool.submit(run_lane, [reader]) for reader in readers]
            for job in jobs:
                results += job.result()
    finally:
        holder.communicate(timeout=300)
    failures = [failure for _, failure, _ in results if failure]
    slowest = sorted(results, key=lambda r: -r[2])[:8]
    print("\nslowest documented commands:\n" + "\n".join(f"{s:6.1f} s  {line}" for line, _, s in slowest))
    assert len(results) + 1 >= 40  # with BUILDS_THE_STORE
    assert not failures, "\n\n".join(failures)
