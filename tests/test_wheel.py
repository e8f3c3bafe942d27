"""A built wheel works on its own: installed into a fresh folder, run from another directory.

The wheel is built from a copy of the source tree (so the tree gets no build/ or egg-info
folders) without build isolation (nothing is downloaded), installed with ``--target`` into a
fresh folder, and run with the test interpreter and ``PYTHONPATH=<target>``: aikg comes from
the installed copy, its dependencies from the test environment. ``aikg extract`` and ``aikg
demo`` then have to find every lexicon, gazetteer, schema, ontology, Cypher file and
template inside the installed package (importlib.resources), not in the source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
#: source folders and where setuptools installs them (pyproject.toml [tool.setuptools.package-dir])
INSTALLED_AS = {"aikg": "aikg", "graph": "aikg/graph", "ingest": "aikg/ingest", "queries": "aikg/queries",
                "data": "aikg/data"}
TEXT = ("Vector Institute partners with NVIDIA in Toronto. The Alan Turing Institute, based in London, "
        "receives funding from UK Research and Innovation.\n")


def _source_files() -> list[str]:
    """Files of the working tree a build reads (tracked or new, not ignored)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "--", *INSTALLED_AS,
                             "pyproject.toml", "README.md"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [f for f in listed.stdout.splitlines() if (ROOT / f).is_file()]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("wheel")
    src, dist, target = base / "src", base / "dist", base / "target"
    files = _source_files()
    for rel in files:
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    built = subprocess.run([*pip, "wheel", ".", "--no-deps", "--no-build-isolation", "-w", str(dist)], cwd=src,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheel = next(dist.glob("aikg-*.whl"))
    done = subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    listing = base / "source-files.txt"
    listing.write_text("\n".join(files), encoding="utf-8")
    return {"wheel": wheel, "target": target, "files": listing}


def _start(installed: dict[str, Path], *args: str, cwd: Path) -> subprocess.Popen[bytes]:
    """Start the installed ``aikg`` entry point with the test interpreter, from ``cwd``; its output goes to
    ``cwd/stdout.txt`` and ``cwd/stderr.txt`` (no pipe to fill while another command is waited for)."""
    target = installed["target"]
    script = target / "bin" / "aikg"
    command = [sys.executable, str(script)] if script.exists() else [sys.executable, "-m", "aikg"]
    env = {**os.environ, "PYTHONPATH": str(target), "AIKG_HOME": str(cwd / "home"), "PYTHONNOUSERSITE": "1"}
    with open(cwd / "stdout.txt", "wb") as out, open(cwd / "stderr.txt", "wb") as err:
        return subprocess.Popen([*command, *args], cwd=cwd, env=env, stdout=out, stderr=err)


@pytest.fixture(scope="module")
def commands(installed: dict[str, Path],
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str, Path]]:
    """``aikg extract`` and ``aikg demo`` from the installed wheel, each in a fresh folder of its own, run at
    the same time (the suite's time budget): name -> (exit status, stdout, stderr, folder)."""
    extract_dir, demo_dir = tmp_path_factory.mktemp("extract"), tmp_path_factory.mktemp("demo")
    (extract_dir / "report.txt").write_text(TEXT, encoding="utf-8")
    started = {"extract": (_start(installed, "extract", "report.txt", "-o", "facts.jsonl", cwd=extract_dir), extract_dir),
               "demo": (_start(installed, "demo", "--out", "out", cwd=demo_dir), demo_dir)}
    done = {}
    for name, (proc, cwd) in started.items():
        proc.wait(timeout=900)
        done[name] = (proc.returncode, (cwd / "stdout.txt").read_text("utf-8"), (cwd / "stderr.txt").read_text("utf-8"),
                      cwd)
    return done


def test_the_wheel_holds_every_module_and_data_file(installed):
    """Every .py, .cypher, template and data file of the source folders is in the wheel, under aikg/."""
    with zipfile.ZipFile(installed["wheel"]) as zf:
        names = set(zf.namelist())
    missing = []
    for rel in installed["files"].read_text(encoding="utf-8").splitlines():
        top, _, rest = rel.partition("/")
        if top not in INSTALLED_AS or not rest or "__pycache__" in rel:
            continue
        if top == "data" or rel.endswith((".py", ".cypher")) or "/templates/" in rel:
            if f"{INSTALLED_AS[top]}/{rest}" not in names:
                missing.append(rel)
    assert not missing, ("not in the wheel (add the package to [tool.setuptools] packages or the file kind to "
                         f"package-data): {missing}")
    assert not any(n.split("/")[0] in ("graph", "ingest", "queries", "data") for n in names), \
        "the wheel must install only under aikg/"


def test_installed_copy_is_the_one_imported(installed, tmp_path):
    code = ("import aikg, aikg.core.paths as p; print(aikg.__file__); print(p.as_path(p.shipped('schema.json'))); "
            "print(p.as_path(p.package_file('aikg.graph', 'cypher')))")
    env = {**os.environ, "PYTHONPATH": str(installed["target"]), "PYTHONNOUSERSITE": "1"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    target = str(installed["target"].resolve())
    for line in proc.stdout.split("\n")[:3]:
        assert str(Path(line).resolve()).startswith(target), line


def test_extract_runs_from_another_directory(commands):
    status, out, err, cwd = commands["extract"]
    assert status == 0, out[-3000:] + err[-3000:]
    facts = (cwd / "facts.jsonl").read_text(encoding="utf-8")
    assert '"record":"document"' in facts and "Vector Institute" in facts and '"record":"relation"' in facts


def test_demo_runs_from_another_directory(commands):
    status, out, err, cwd = commands["demo"]
    assert status == 0, out[-3000:] + err[-3000:]
    assert "documents: 12 processed" in out
    for name in ("partnerships.html", "partnerships.png", "aikg.ttl"):
        assert (cwd / "out" / name).stat().st_size > 1000, name
