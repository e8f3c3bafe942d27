"""CPU seconds of extraction on one long text, with the shipped code and with the older code of the speed changes
(``bench.facts_snapshot.BASELINE``) put back, in this process; also the time spent in ``Extractor._add``.

Costs that grow with the square of a document's length show here and hide in the short dev texts of
``bench_extract``. The text is the dev texts joined, cut at ``--chars``.

    .venv/bin/python -m bench.bench_long_doc [--chars 190000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.facts_snapshot import baseline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=190_000, help="length of the text (the extractor's chunk is 200,000)")
    ap.add_argument("--rounds", type=int, default=2, help="runs of each code, alternating")
    args = ap.parse_args()
    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.nlp import extractor as X

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/gold/dev").glob("*.txt"))]
    text = "\n\n".join(texts)[: args.chars]
    doc = LoadedDocument(id="long", source="long", title="", kind="text", text=text)
    ex = X.Extractor()
    ex._load()
    for _ in range(args.rounds):
        for name, older in (("shipped", False), ("older", True)):
            baseline(older)
            add = X.Extractor._add
            spent = [0.0]

            def timed(self, *a, _add=add, _spent=spent, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
                c0 = time.process_time()
                _add(self, *a, **k)
                _spent[0] += time.process_time() - c0

            X.Extractor._add = timed
            c0 = time.process_time()
            facts = ex.extract(doc)
            total = time.process_time() - c0
            X.Extractor._add = add
            print(f"{name}: {len(text):,} characters, {len(text.split()):,} words, {len(facts.relations)} relations; "
                  f"{total:.1f} s CPU, of which Extractor._add {spent[0]:.2f} s")
    baseline(False)


if __name__ == "__main__":
    main()
