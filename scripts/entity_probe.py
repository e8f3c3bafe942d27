#!/usr/bin/env python
"""Print the typed entities the extractor gives each paragraph of a text file (gazetteer off by default).

Why: a rule must hold on invented sentences in several forms before it is kept; this shows, paragraph by
paragraph (blank-line separated; lines starting with '#' are comments), what each one yields after resolution,
with ``!`` before an expectation the output misses (write ``=> Type Name; Type Name`` under a paragraph).

Usage: ``python scripts/entity_probe.py FILE [--gazetteer] [--only-fail]``
"""

from __future__ import annotations

import argparse
import tempfile
import warnings
from pathlib import Path

from aikg.core.facts import EntityRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import Extractor, resolve
from aikg.ingest.nlp.config import ExtractConfig


def _blocks(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for block in text.split("\n\n"):
        lines = [ln for ln in block.strip().splitlines() if ln.strip() and not ln.startswith("#")]
        body = [ln for ln in lines if not ln.startswith("=>")]
        want: list[tuple[str, str]] = []
        for ln in lines:
            if ln.startswith("=>"):
                for item in ln[2:].split(";"):
                    if item.strip():
                        t, _, n = item.strip().partition(" ")
                        want.append((t, n.strip()))
        if body:
            out.append(("\n".join(body), want))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--gazetteer", action="store_true")
    ap.add_argument("--only-fail", action="store_true")
    args = ap.parse_args()
    warnings.filterwarnings("ignore", message=r".*W036.*")
    with tempfile.TemporaryDirectory() as empty:
        ex = Extractor() if args.gazetteer else Extractor(ExtractConfig(gazetteer_dir=Path(empty)))
        fails = total = 0
        for i, (body, want) in enumerate(_blocks(args.file.read_text(encoding="utf-8"))):
            recs = resolve([ex.extract(LoadedDocument(id=f"p{i}", source="probe", title="t", kind="text", text=body))])
            got = {(r.type, r.name) for r in recs if isinstance(r, EntityRecord)}
            names = {(r.type, n) for r in recs if isinstance(r, EntityRecord) for n in (r.name, *r.aliases)}
            miss = [w for w in want if w not in names]
            total += len(want)
            fails += len(miss)
            if args.only_fail and not miss:
                continue
            print(body)
            print("   ", "; ".join(f"{t} {n}" for t, n in sorted(got, key=lambda x: x[1])))
            for t, n in miss:
                print("   ! want", t, n)
        print(f"expectations: {total - fails}/{total} met")


if __name__ == "__main__":
    main()
