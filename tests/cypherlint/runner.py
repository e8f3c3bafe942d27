"""Run Neo4j's own Cypher linter (npm @neo4j-cypher/language-support) over statements."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).parent


def ensure_installed() -> None:
    """Install the pinned linter with npm (from the registry, offline afterwards) when missing."""
    if (HERE / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is needed for the Neo4j Cypher linter (Debian: apt install npm)")
    cmd = [npm, "ci" if (HERE / "package-lock.json").exists() else "install", "--no-audit", "--no-fund", "--silent"]
    subprocess.run(cmd, cwd=HERE, check=True, timeout=600)


def lint(statements: dict[str, str]) -> dict[str, list[dict]]:
    """Map each statement name to the linter's errors (undefined-parameter notes removed)."""
    ensure_installed()
    payload = json.dumps([{"name": k, "query": v} for k, v in statements.items()])
    proc = subprocess.run(["node", str(HERE / "lint.mjs")], input=payload, capture_output=True, text=True,
                          cwd=HERE, check=True, timeout=300)
    return {item["name"]: item["errors"] for item in json.loads(proc.stdout)}
