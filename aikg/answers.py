"""Right answers, checked as answers: the headline queries on the sample corpus against rows written by hand.

``tests/data/answers/samples.json`` holds, for ``cluster_anchors`` (every cluster),
``clusters_sharing_partners`` (default settings) and ``funding_flows``, the rows a reader of
``data/samples`` expects, each with the document and sentence that state it. This module
ingests the samples into a fresh embedded store, runs the queries and scores the rows:
precision = answer rows that a reader expects, recall = expected rows the graph answers.
Names are matched to the graph by name or alias (case and punctuation folded).

    python -m aikg.answers            # prints the figures docs/quality.md quotes
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.core.ids import normalise_name
from aikg.core.paths import as_path, shipped

ANSWERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "answers" / "samples.json"
QUERIES = ("cluster_anchors", "clusters_sharing_partners", "funding_flows")


@dataclass
class AnswerScore:
    """Precision and recall of one query's rows against the expected rows."""

    query: str
    expected: int = 0
    answered: int = 0
    found: int = 0  # expected rows the graph answers
    right: int = 0  # answered rows a reader expects
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.answered if self.answered else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def line(self) -> str:
        return (f"{self.query:<26} precision {self.precision:.2f} ({self.right}/{self.answered})   "
                f"recall {self.recall:.2f} ({self.found}/{self.expected})")


class NameIndex:
    """Entity ids by normalised name and alias, from the store."""

    def __init__(self, store: Any) -> None:
        self.ids: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, str] = {}
        for r in store.read("MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases"):
            self.names[r["id"]] = r["name"]
            for form in (r["name"], *(r["aliases"] or ())):
                self.ids[normalise_name(form)].add(r["id"])

    def __call__(self, name: str) -> set[str]:
        return self.ids.get(normalise_name(name), set())


def _score(query: str, expected: list[tuple], answered: set[tuple], index: NameIndex) -> AnswerScore:
    """Match each expected row (names) to answered rows (ids): a row matches when every field does."""
    score = AnswerScore(query, expected=len(expected), answered=len(answered))
    hit: set[tuple] = set()
    for row in expected:
        options = [_ids(value, index) for value in row]
        matches = {a for a in answered if all(_field_matches(v, o) for v, o in zip(a, options, strict=True))}
        if matches:
            score.found += 1
            hit |= matches
        else:
            score.missed.append(" | ".join(map(_show, row)))
    score.right = len(hit)
    score.extra = sorted(" | ".join(_show(index.names.get(x, x) if isinstance(x, str) else
                                          tuple(index.names.get(y, y) for y in x)) for x in a)
                         for a in answered - hit)
    return score


def _ids(value: Any, index: NameIndex) -> Any:
    if isinstance(value, tuple):
        return tuple(index(v) for v in value)
    return index(value)


def _field_matches(answered: Any, options: Any) -> bool:
    if isinstance(answered, frozenset):  # an unordered pair of clusters
        a, b = sorted(answered)
        return any(a in x and b in y for x, y in (options, options[::-1]))
    return answered in options


def _show(value: Any) -> str:
    return " & ".join(sorted(value)) if isinstance(value, (tuple, frozenset)) else str(value)


def answered_rows(store: Any) -> dict[str, set[tuple]]:
    """The rows of the three queries, as id tuples (cluster_anchors run for every cluster in the graph)."""
    from aikg.queries.catalog import run_query

    out: dict[str, set[tuple]] = {q: set() for q in QUERIES}
    for r in store.read("MATCH (c:Cluster) RETURN c.id AS id ORDER BY id"):
        for row in run_query(store, "cluster_anchors", {"cluster": r["id"], "top": 1}).itertuples():
            out["cluster_anchors"].add((r["id"], row.anchor))
    shared = run_query(store, "clusters_sharing_partners", {"top": 100000})
    for row in shared.itertuples():
        for partner in row.shared_partner_ids:
            out["clusters_sharing_partners"].add((frozenset((row.cluster_a, row.cluster_b)), partner))
    for row in run_query(store, "funding_flows", {}).itertuples():
        out["funding_flows"].add((row.source, row.target))
    return out


def expected_rows(path: str | Path = ANSWERS) -> dict[str, list[tuple]]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {
        "cluster_anchors": [(r["cluster"], r["anchor"]) for r in data["cluster_anchors"]],
        "clusters_sharing_partners": [(tuple(r["clusters"]), r["partner"]) for r in data["clusters_sharing_partners"]],
        "funding_flows": [(r["source"], r["target"]) for r in data["funding_flows"]],
    }


def score_store(store: Any, answers: str | Path = ANSWERS) -> list[AnswerScore]:
    """Score what ``store`` answers against the expected rows."""
    index = NameIndex(store)
    got, want = answered_rows(store), expected_rows(answers)
    return [_score(q, want[q], got[q], index) for q in QUERIES]


def sample_files(folder: Path | None = None) -> list[Path]:
    folder = folder or as_path(shipped("samples"))
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name != "README.md" and not p.name.startswith("."))


def score_samples(files: Iterable[Path] | None = None, answers: str | Path = ANSWERS) -> list[AnswerScore]:
    """Ingest the samples into a fresh embedded store in a temporary home and score the answers."""
    from aikg.graph.store import open_store
    from aikg.ingestion import ingest_paths

    with tempfile.TemporaryDirectory(prefix="aikg-answers-") as home:
        store = open_store("embedded", home=home)
        try:
            store.apply_schema()
            ingest_paths(list(files or sample_files()), store, show_progress=False)
            return score_store(store, answers)
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    details = "--details" in (argv if argv is not None else sys.argv[1:])
    for score in score_samples():
        print(score.line())
        if details:
            for row in score.missed:
                print(f"    missed  {row}")
            for row in score.extra:
                print(f"    extra   {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
