"""ruff over the whole tree and mypy over the core, so `make test` fails on what they find.

Their settings are in pyproject.toml ([tool.ruff], [tool.mypy]); both come with the test
extras (`pip install -e '.[test]'`, which `make test` runs).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        pytest.fail(f"{tool} is not installed: pip install -e '.[test]' (make test does)")
    return subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    proc = _run("ruff", "check", ".", "--output-format", "concise")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_passes_on_the_core():
    proc = _run("mypy", "aikg/core")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_reports_a_violation(tmp_path):
    """The check can fail: an unused import and an unsorted import block are reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("import sys\nimport os\n\nprint(os.sep)\n", encoding="utf-8")
    proc = _run("ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad))
    assert proc.returncode == 1 and "F401" in proc.stdout and "I001" in proc.stdout


def test_mypy_refuses_an_untyped_function_in_the_core(tmp_path):
    """disallow_untyped_defs is on for the core: a function without types is an error."""
    bad = tmp_path / "untyped.py"
    bad.write_text("def f(x):\n    return x\n", encoding="utf-8")
    proc = _run("mypy", "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental", str(bad))
    assert proc.returncode == 1 and "no-untyped-def" in proc.stdout
