"""Figures for docs/reliability.md: ingest the hostile corpus mixed with good files.

    .venv/bin/python scripts/reliability_report.py

Prints files tried, failures handled (each with its reason), files that loaded, and facts of
the good files lost (compared with a clean run of the good files alone).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aikg.graph.store import open_store  # noqa: E402
from aikg.ingestion import ingest_paths  # noqa: E402
from tests.hostile import make_hostile_corpus  # noqa: E402
from tests.test_reliability import _facts, _good_corpus  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        good = _good_corpus(root / "mixed")
        expected = make_hostile_corpus(root / "mixed")
        clean = open_store("embedded", home=root / "clean")
        mixed = open_store("embedded", home=root / "mixed-home")
        try:
            clean.apply_schema()
            mixed.apply_schema()
            ingest_paths(good, clean)
            summary = ingest_paths([root / "mixed"], mixed)
            c_ents, c_rels = _facts(clean)
            m_ents, m_rels = _facts(mixed)
        finally:
            clean.close()
            mixed.close()
    tried = len(expected) + len(good)
    handled = summary.failures + summary.skipped_files
    print(f"| files tried | {tried} (hostile {len(expected)}, good {len(good)}) |")
    print("|---|---|")
    print("| crashes | 0 (the run returned a summary) |")
    print(f"| failures handled (named with a reason) | {len(handled)} |")
    print(f"| files loaded | {summary.documents} |")
    print(f"| facts of the good files | {len(c_ents)} entities, {len(c_rels)} relations |")
    print(f"| facts lost | {len(c_ents - m_ents)} entities, {len(c_rels - m_rels)} relations |")
    print()
    print("| file | reason given |")
    print("|---|---|")
    for item in sorted(handled, key=lambda f: Path(f.source).name):
        print(f"| `{Path(item.source).name}` | {item.reason.replace('|', '/')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
