"""The loader of a git revision against the working tree's, alternating, on the same synthetic data (issue 18).

    python -m bench.compare_load --against HEAD [--entities 20000] [--runs 6]

Each run loads ``bench.bench_load.synthetic`` data into a fresh embedded store, with either ``graph/loader.py`` and
the parameter writer ``graph/backends/embedded_params.py`` of ``--against`` (read with ``git show``, imported
beside the current package, sending the loader statements of ``graph/cypher`` at that revision) or the working tree's; the two alternate, the order swapped every run, and each
side's CPU seconds (this process and the embedded server) and wall seconds are reported, min and median. On a
machine shared with other work the paired ratio is what to read. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aikg.core.schema import SCHEMA  # noqa: E402
from aikg.graph import loader as current_loader  # noqa: E402
from aikg.graph.backends import embedded, embedded_params  # noqa: E402
from aikg.graph.cypher_files import strip_comment_lines  # noqa: E402
from aikg.graph.store import open_store  # noqa: E402
from bench.bench_load import cpu_seconds, synthetic  # noqa: E402

FILES = {"loader": "graph/loader.py", "params": "graph/backends/embedded_params.py"}


def at_revision(rev: str, folder: Path) -> dict[str, ModuleType]:
    """The loader and the parameter writer of ``rev`` as modules of their own."""
    out = {}
    for name, path in FILES.items():
        text = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout
        file = folder / f"{name}_{rev.replace('/', '_')}.py"
        file.write_text(text, "utf-8")
        spec = importlib.util.spec_from_file_location(f"bench_old_{name}", file)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        out[name] = module
    _statements_at(rev, out["loader"])
    return out


def _statements_at(rev: str, loader: ModuleType) -> None:
    """The old loader sends the loader statements (graph/cypher) of ``rev``, not the working tree's: the rows it
    builds are those its own statements read."""
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{rev}:graph/cypher"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    texts = {Path(n).stem: strip_comment_lines(subprocess.run(
        ["git", "show", f"{rev}:graph/cypher/{n}"], cwd=ROOT, check=True, capture_output=True, text=True).stdout)
        for n in names if n.endswith(".cypher")}

    def statement(name: str) -> str:
        return texts[name]

    def entity_statement(name: str, entity_type: str, *, intern: bool = False) -> str:
        return texts[name].replace("{label}", SCHEMA.label(entity_type)).replace("{intern}", "intern" if intern else "")

    def relation_statement(name: str, rel_type: str, *, intern: bool = False) -> str:
        return texts[name].replace("{rel_type}", SCHEMA.rel_type(rel_type)).replace("{intern}", "intern" if intern else "")

    loader.statement, loader.entity_statement, loader.relation_statement = statement, entity_statement, relation_statement


def one_load(loader: Any, header: Any, data: tuple) -> tuple[float, float]:
    """CPU seconds (this process and the server) and wall seconds of one load into a fresh store."""
    embedded.params_header = header
    with tempfile.TemporaryDirectory() as home:
        store = open_store("embedded", home=home)
        store.apply_schema()
        cpu, wall = cpu_seconds(store), time.perf_counter()
        report = loader.load_records(store, *data)
        assert not report.errors, report.errors[:3]
        out = (cpu_seconds(store) - cpu, time.perf_counter() - wall)
        store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="git revision whose loader is the baseline")
    parser.add_argument("--entities", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=6, help="loads of each side")
    args = parser.parse_args(argv)
    data = synthetic(args.entities, max(10, args.entities // 50), per_entity=5)
    with tempfile.TemporaryDirectory() as folder:
        old = at_revision(args.against, Path(folder))
        sides = {args.against: (old["loader"], old["params"].header),
                 "working tree": (current_loader, embedded_params.header)}
        found: dict[str, list[tuple[float, float]]] = {k: [] for k in sides}
        try:
            for i in range(args.runs):
                for name in (list(sides) if i % 2 == 0 else list(sides)[::-1]):
                    found[name].append(one_load(*sides[name], data))
        finally:
            embedded.params_header = embedded_params.header
    for name, runs in found.items():
        cpu = [r[0] for r in runs]
        print(f"{name:>14}: CPU s min {min(cpu):.2f} median {statistics.median(cpu):.2f}; "
              f"wall s min {min(r[1] for r in runs):.2f}")
    old_cpu, new_cpu = ([r[0] for r in found[k]] for k in sides)
    print(f"working tree / {args.against} by CPU: {min(new_cpu) / min(old_cpu):.3f} (min), "
          f"{statistics.median(new_cpu) / statistics.median(old_cpu):.3f} (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
