"""Every `aikg …` command that README.md and docs/*.md show runs, and exits 0, on a demo store
(the failing examples of docs/reliability.md#exit-codes exit with the status their row gives).

The store is built once with `aikg demo` into a temporary AIKG_HOME; the commands run in a
shell (so `~`, globs and `>` work as a reader's shell would) with HOME pointing at a folder
that holds the `~/reports/` and `~/filings/` the README tour names. Commands that need a
Neo4j server or a Dask cluster, and synopses with placeholders, are skipped with the reason.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
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
#: docs/rdf.md imports into /tmp/copy (kept inside the test's folder); docs/reliability.md's ~/aikg-home
#: stands for the reader's own home (the demo store here)
SUBSTITUTE = {"/tmp/copy": "{tmp}/copy", "~/aikg-home": "{home}"}
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
    """A demo store (built once), a HOME with ~/reports and ~/filings, and a working folder."""
    base = tmp_path_factory.mktemp("docs-run")
    home, work, user = base / "aikg-home", base / "work", base / "user"
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
    proc = subprocess.run([str(BIN / "aikg"), "demo", "-o", str(work / "out")], cwd=work, env=env,
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return {**env, "_work": str(work), "_tmp": str(base)}


def test_the_plan_runs_the_readme_tour_and_skips_only_with_a_reason():
    commands = {line: reason for _, line, reason, _ in plan()}
    assert commands["aikg viz query clusters_sharing_partners -o shared.html"] is None
    assert commands["aikg query run relationship_evidence --param source=Mila --param target=\"Université de Montréal\""] is None
    assert commands["aikg ingest data/samples --store neo4j"] == "needs a Neo4j server"
    assert sum(r is None for r in commands.values()) >= 40
    statuses = {line: status for _, line, _, status in plan()}
    assert statuses["aikg load no_such.jsonl"] == 3 and statuses["aikg stats"] == 0


def test_every_documented_command_exits_0_on_the_demo_store(demo_env):
    env = {k: v for k, v in demo_env.items() if not k.startswith("_")}
    work, tmp = demo_env["_work"], demo_env["_tmp"]
    # `aikg extract ~/reports/ -o facts.jsonl` writes the file later commands read; new.jsonl is a copy
    failures, ran = [], 0
    for doc, line, reason, status in plan():
        if reason is not None:
            continue
        for old, new in SUBSTITUTE.items():
            line = line.replace(old, new.format(tmp=tmp, home=env["AIKG_HOME"]))
        if "new.jsonl" in line and Path(work, "facts.jsonl").exists():
            shutil.copy(Path(work, "facts.jsonl"), Path(work, "new.jsonl"))
        proc = subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True, timeout=900)
        ran += 1
        if proc.returncode != status:
            failures.append(f"{doc}: `{line}` exited {proc.returncode}, not {status}:\n"
                            f"{proc.stdout[-800:]}{proc.stderr[-800:]}")
        elif status and ("Traceback" in proc.stderr or not proc.stderr.startswith("aikg: ")):
            failures.append(f"{doc}: `{line}` failed without one clear line:\n{proc.stderr[-800:]}")
    assert ran >= 40
    assert not failures, "\n\n".join(failures)
