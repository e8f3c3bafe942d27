"""Run every benchmark and write docs/benchmarks.md (what `make bench` runs).

    python -m bench [--full] [--only bulk,load] [--timeout 1800] [--out docs/benchmarks.md]

Each ``bench/bench_*.py`` module runs in its own process, one after the other (so they do
not compete for the cores), and prints Markdown. A module may set a top-level
``BENCH_ARGS = [...]`` (a literal list of strings, read without importing the module):
those arguments give the small scale `make bench` uses; ``--full`` runs every module with
its own defaults. A module that fails or times out is reported in its section with the
end of its error output, and the others still run. The exit code is 1 when any failed.

Sections written from longer runs (each naming its command) sit after the line ``KEPT_MARKER`` in
the output file; a rewrite keeps them, so `make bench` never erases a measurement it did not make.
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import shlex
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
#: everything from this line on in the existing output file is kept by a rewrite
KEPT_MARKER = "<!-- Longer runs, measured by hand with the commands they name: `make bench` keeps this part. -->"


def discover(only: list[str] | None = None, bench_dir: Path = BENCH_DIR) -> list[str]:
    """Module names ``bench_*`` present now, sorted; ``only`` filters by name with or without the prefix."""
    names = sorted(p.stem for p in bench_dir.glob("bench_*.py"))
    if only:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in only}
        names = [n for n in names if n in wanted]
    return names


def small_args(name: str, bench_dir: Path = BENCH_DIR) -> list[str]:
    """The module's ``BENCH_ARGS`` literal, or [] (its defaults)."""
    try:
        tree = ast.parse((bench_dir / f"{name}.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "BENCH_ARGS" for t in targets) and node.value is not None:
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                return []
            if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
                return list(value)
    return []


def python_shown() -> str:
    """How to name this interpreter in a command a reader can paste (relative to the repo when inside)."""
    try:
        return str(Path(sys.executable).absolute().relative_to(ROOT))
    except ValueError:
        return "python"


def machine_facts() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.1f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return [
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- commit: {commit or 'unknown'} (uncommitted changes are included)",
        f"- load average at start (1, 5, 15 min): {load}: figures from a busy machine are lower; compare within one run",
    ]


def run_one(name: str, args: list[str], timeout: float, bench_dir: Path = BENCH_DIR) -> tuple[bool, str, float, str]:
    """(ok, Markdown output or failure text, seconds, command shown)."""
    module = f"{bench_dir.name}.{name}"
    shown = " ".join([python_shown(), "-m", module, *(shlex.quote(a) for a in args)])
    path = os.pathsep.join(dict.fromkeys([str(ROOT), str(bench_dir.parent)]))
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": path})
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return False, f"timed out after {timeout:.0f} s\n\n{out}", time.perf_counter() - started, shown
    secs = time.perf_counter() - started
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        return False, f"exit code {proc.returncode}\n\n```\n{tail}\n```\n\n{proc.stdout}", secs, shown
    return True, proc.stdout, secs, shown


def kept_part(existing: str) -> str:
    """The part of an earlier output file that a rewrite keeps: from KEPT_MARKER to the end, or ''."""
    at = existing.find(KEPT_MARKER)
    return existing[at:].rstrip() + "\n" if at >= 0 else ""


def render(results: list[tuple[str, bool, str, float, str]], facts: list[str], mode: str) -> str:
    lines = ["# Benchmarks", "",
             f"Written by `make bench` (`python -m bench{' --full' if mode == 'full' else ''}`); every section "
             "names the command that reproduces it. Each benchmark compares against a baseline measured in the "
             "same run, so the ratios are more trustworthy than the absolute figures on a shared machine.", "",
             *facts, ""]
    failed = [name for name, ok, *_ in results if not ok]
    if failed:
        lines += [f"**Failed:** {', '.join(failed)} (details in their sections).", ""]
    for name, ok, output, secs, shown in results:
        body = output.strip()
        if not ok:
            lines += [f"## {name}: FAILED", "", body, ""]
        elif not body.startswith("#"):
            lines += [f"## {name}", "", body, ""]
        else:
            lines += [body, ""]
        lines += [f"Reproduce: `{shown}` ({secs:.0f} s).", ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="each module's default (larger) scale")
    parser.add_argument("--only", help="comma-separated modules, e.g. bulk,pipeline")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per module")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"), help="Markdown file to write ('-': stdout)")
    parser.add_argument("--list", action="store_true", help="list the modules and their arguments, run nothing")
    parser.add_argument("--bench-dir", type=Path, default=BENCH_DIR, help=argparse.SUPPRESS)  # tests
    args = parser.parse_args(argv)
    names = discover(args.only.split(",") if args.only else None, args.bench_dir)
    if not names:
        print("no benchmark modules found", file=sys.stderr)
        return 1
    if args.list:
        for name in names:
            print(name, " ".join(small_args(name, args.bench_dir)) if not args.full else "")
        return 0
    facts = machine_facts()
    results = []
    for name in names:
        bench_args = [] if args.full else small_args(name, args.bench_dir)
        print(f"running {name} {' '.join(bench_args)}".rstrip(), file=sys.stderr, flush=True)
        ok, output, secs, shown = run_one(name, bench_args, args.timeout, args.bench_dir)
        print(f"  {'ok' if ok else 'FAILED'} in {secs:.0f} s", file=sys.stderr, flush=True)
        results.append((name, ok, output, secs, shown))
    text = render(results, facts, "full" if args.full else "small")
    if args.out == "-":
        sys.stdout.write(text)
    else:
        out = Path(args.out)
        kept = kept_part(out.read_text(encoding="utf-8")) if out.exists() else ""
        out.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0 if all(ok for _, ok, *_ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
