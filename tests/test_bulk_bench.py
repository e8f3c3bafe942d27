"""`python -m bench`: runs whatever bench_*.py modules exist, reports a failing one and keeps going."""

from __future__ import annotations

import textwrap

from bench.__main__ import KEPT_MARKER, discover, main, small_args


def _module(folder, name, body):
    (folder / f"{name}.py").write_text(textwrap.dedent(body), encoding="utf-8")


def test_runs_every_module_and_reports_failures(tmp_path, capsys):
    pkg = tmp_path / "fakebench"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    _module(pkg, "bench_alpha", """
        import sys
        BENCH_ARGS = ["--rows", "7"]

        def main(argv=None):
            argv = sys.argv[1:] if argv is None else argv
            print("## Alpha\\n\\n| rows |\\n|---|\\n| " + argv[1] + " |")

        if __name__ == "__main__":
            main()
    """)
    _module(pkg, "bench_broken", """
        def main(argv=None):
            raise RuntimeError("disk on fire")

        if __name__ == "__main__":
            main()
    """)
    _module(pkg, "bench_zeta", """
        if __name__ == "__main__":
            print("plain text, no heading")
    """)
    out = tmp_path / "benchmarks.md"
    code = main(["--bench-dir", str(pkg), "--out", str(out), "--timeout", "60"])
    assert code == 1  # one module failed
    text = out.read_text(encoding="utf-8")
    assert "| 7 |" in text and "-m fakebench.bench_alpha --rows 7" in text  # small args used and shown
    assert "## bench_broken: FAILED" in text and "disk on fire" in text
    assert "## bench_zeta" in text and "plain text, no heading" in text  # ran after the failure
    assert "cores" in text and "Python 3." in text and "date:" in text
    assert text.index("## Alpha") < text.index("## bench_broken") < text.index("## bench_zeta")
    assert "**Failed:** bench_broken" in text


def test_discovers_the_repository_benchmarks():
    names = discover()
    assert {"bench_bulk", "bench_pipeline", "bench_load"} <= set(names)
    assert small_args("bench_bulk") == ["--entities", "2000"]
    assert discover(["bulk"]) == ["bench_bulk"]


def test_a_rewrite_keeps_the_hand_measured_part(tmp_path):
    pkg = tmp_path / "fakebench"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    _module(pkg, "bench_alpha", """
        if __name__ == "__main__":
            print("## Alpha fresh")
    """)
    out = tmp_path / "benchmarks.md"
    out.write_text("# Benchmarks\n\n## Alpha stale\n\n" + KEPT_MARKER + "\n\n## Long run\n\n| 1M words | 2,062 |\n",
                   encoding="utf-8")
    assert main(["--bench-dir", str(pkg), "--out", str(out), "--timeout", "60"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Alpha stale" not in text and "## Alpha fresh" in text  # the generated part is rewritten
    assert text.index("## Alpha fresh") < text.index(KEPT_MARKER) < text.index("| 1M words | 2,062 |")
    assert main(["--bench-dir", str(pkg), "--out", str(out), "--timeout", "60"]) == 0
    assert out.read_text(encoding="utf-8").count(KEPT_MARKER) == 1  # kept once, not stacked
