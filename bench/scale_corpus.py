"""A growing corpus for `make bench-scale`: press releases, news and reports whose organisations, people and
places are mostly new, so the graph keeps growing with the words (issue 18).

    python -m bench.scale_corpus OUT_DIR [--words 100000] [--seed 7]

Names are built from syllables (``bench/scale_corpus.json``), never from a list that runs out: each document
brings new companies, investors, institutes, people and, less often, places, and reuses earlier ones (more
often the early ones, so some become hubs, as real ecosystems have). Every sentence is a form the extractor
handles. The same seed gives the same documents byte for byte; fewer words give a prefix of a longer run.

Documents come in blocks of ten with the same mix (four press releases, four news, two reports, in a shuffled
order; lengths one from each 50-word band of 300–800): any tenth of a long run has the mix of any other, so a
rate taken over the first and the last tenth compares like with like (issue 18: drawn freely, the tenths' mix
moved the extractor's rate by ±15%).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("scale_corpus.json")

#: chance that a slot of this kind gets a new name rather than one used before
NEW_SHARE = {"Company": 0.7, "Investor": 0.35, "Institute": 0.4, "Consortium": 0.25, "Agency": 0.25,
             "Programme": 0.6, "Person": 0.8, "place": 0.2, "country": 0.04}
#: document kinds and how often each is drawn
KIND_WEIGHTS = {"press_release": 4, "news": 4, "report": 2}
#: documents per block: each block has every kind in KIND_WEIGHTS's proportions and one length per band
BLOCK = sum(KIND_WEIGHTS.values())
#: shortest and longest body targets in words (the bands split this range into BLOCK equal parts)
LENGTHS = (300, 800)
#: chances of one, two, ... background sentences after each sentence that names entities
FILLERS = (1.0, 0.7, 0.4)
#: slots of a cast and the kind of name each takes
SLOTS = {"company": "Company", "company2": "Company", "company3": "Company", "investor": "Investor",
         "investor2": "Investor", "institute": "Institute", "institute2": "Institute", "consortium": "Consortium",
         "agency": "Agency", "programme": "Programme", "person": "Person", "person2": "Person",
         "person3": "Person", "person4": "Person", "person5": "Person", "place": "place", "place2": "place",
         "country": "country"}


@dataclass
class CorpusInfo:
    """What was written: counts, and every distinct name by kind (for tests and the bench's report)."""

    documents: int = 0
    words: int = 0
    names: dict[str, list[str]] = field(default_factory=dict)


class _Cast(dict):
    """One story's names by slot, each drawn on first use; other slots are the sentence's plain words."""

    def __init__(self, corpus: ScaleCorpus, keep: dict[str, str]) -> None:
        super().__init__(keep)
        self.corpus = corpus
        self.words: dict[str, Any] = {}

    def __missing__(self, slot: str) -> Any:
        if slot == "PLACE":
            return self["place"].upper()
        if slot not in SLOTS:
            return self.words[slot]
        name = self[slot] = self.corpus._pick(SLOTS[slot], set(self.values()))
        return name


class ScaleCorpus:
    """Deterministic document generator; ``documents(words)`` yields (file name, text) until ``words``."""

    def __init__(self, seed: int = 7, data: dict[str, Any] | None = None) -> None:
        self.rng = random.Random(seed)
        self.data = data or json.loads(DATA.read_text(encoding="utf-8"))
        self.pools: dict[str, list[str]] = {kind: [] for kind in set(SLOTS.values())}
        self._taken: set[str] = set()  # every stem and name handed out, so no two entities share one

    # ------------------------------------------------------------------ names
    def _stem(self, syllables: int) -> str:
        s = self.data["syllables"]
        for attempt in range(100):
            n = syllables + attempt // 20  # a crowded space gets longer stems
            word = "".join(self.rng.choice(s["onsets"]) + self.rng.choice(s["vowels"]) + self.rng.choice(s["codas"])
                           for _ in range(n))
            if word not in self._taken:
                self._taken.add(word)
                return word.capitalize()
        raise RuntimeError("no unused name stem left")  # pragma: no cover - about 640k two-syllable stems, then longer ones

    def new_name(self, kind: str) -> str:
        """A name of this kind that no entity of this generator has had (added to the pool)."""
        ends = self.data["endings"]
        while True:
            if kind == "Person":
                name = f"{self.rng.choice(self.data['first_names'])} {self._stem(2)}{self.rng.choice(ends['surname'])}"
            elif kind in ("place", "country"):
                name = self._stem(2) + self.rng.choice(ends[kind])
            else:
                name = self.rng.choice(self.data["names"][kind]).format(stem=self._stem(2))
            if name not in self._taken:
                self._taken.add(name)
                self.pools[kind].append(name)
                return name

    def _pick(self, kind: str, exclude: set[str]) -> str:
        pool = self.pools[kind]
        if pool and self.rng.random() >= NEW_SHARE[kind]:
            for _ in range(5):
                name = pool[int(len(pool) * self.rng.random() ** 2)]  # early names more often: hubs
                if name not in exclude:
                    return name
        return self.new_name(kind)

    def _cast(self, keep: dict[str, str] | None = None) -> _Cast:
        """Names for a story, drawn when a sentence first needs them (a name never used is never drawn) and
        distinct within it; ``keep`` carries names over from the story before."""
        return _Cast(self, keep or {})

    # ------------------------------------------------------------------ documents
    def _fill(self, template: str, cast: _Cast) -> str:
        w = self.data["words"]
        cast.words = {"day": self.rng.randint(1, 28), "month": self.rng.choice(w["month"]),
                      "year": self.rng.randint(2021, 2026), "year0": self.rng.randint(2012, 2020),
                      "n": self.rng.randint(12, 400),
                      **{k: self.rng.choice(w[k]) for k in ("product", "topic", "round", "amount", "quote")}}
        return template.format_map(cast)

    def _block(self) -> list[tuple[str, int]]:
        """The next BLOCK documents' (kind, target words): kinds in KIND_WEIGHTS's proportions, one target from
        each equal band of LENGTHS, both shuffled, so every block (and every tenth of a run) has the same mix."""
        kinds = [kind for kind, weight in KIND_WEIGHTS.items() for _ in range(weight)]
        low, high = LENGTHS
        band = (high - low) / BLOCK
        targets = [self.rng.randint(round(low + k * band), round(low + (k + 1) * band) - 1) for k in range(BLOCK)]
        self.rng.shuffle(kinds)
        self.rng.shuffle(targets)
        return list(zip(kinds, targets))

    def document(self, index: int, kind: str | None = None, target: int | None = None) -> tuple[str, str]:
        """One document: a title, a lead, body paragraphs (one story per cast) to 300–800 words, an about line.
        ``kind`` and ``target`` (body words) are drawn when not given."""
        if kind is None:
            kinds = list(KIND_WEIGHTS)
            kind = self.rng.choices(kinds, weights=[KIND_WEIGHTS[k] for k in kinds])[0]
        spec = self.data["kinds"][kind]
        cast = self._cast()
        parts = [self._fill(self.rng.choice(spec["title"]), cast), self._fill(self.rng.choice(spec["lead"]), cast)]
        target = self.rng.randint(*LENGTHS) if target is None else target
        words = sum(len(p.split()) for p in parts)
        paragraph: list[str] = []
        while words < target:
            body = list(spec["body"])
            self.rng.shuffle(body)
            for template in body:
                sentence = self._fill(template, cast)
                extra = sum(self.rng.random() < chance for chance in FILLERS)  # background sentences, no names
                sentence = " ".join([sentence, *self.rng.sample(self.data["fillers"], extra)])
                paragraph.append(sentence)
                words += len(sentence.split())
                if len(paragraph) >= self.rng.randint(2, 4) or words >= target:
                    parts.append(" ".join(paragraph))
                    paragraph = []
                if words >= target:
                    break
            cast = self._cast({"place": cast["place"]})  # the next story, in the same place
        parts.append(self._fill(self.rng.choice(spec["about"]), cast))
        return f"{index:06d}-{kind}{spec['suffix']}", "\n\n".join(parts) + "\n"

    def documents(self, words: int) -> Iterator[tuple[str, str]]:
        """Documents until ``words``, in blocks of the same mix (a shorter run is a prefix of a longer one)."""
        total, index, plan = 0, 0, []
        while total < words:
            if not plan:
                plan = self._block()
            kind, target = plan.pop(0)
            name, text = self.document(index, kind, target)
            total += len(text.split())
            index += 1
            yield name, text


def write_corpus(folder: str | Path, words: int, seed: int = 7) -> CorpusInfo:
    """Write about ``words`` words of documents into ``folder`` (created); returns what was written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    gen = ScaleCorpus(seed)
    info = CorpusInfo()
    for name, text in gen.documents(words):
        (folder / name).write_text(text, encoding="utf-8")
        info.documents += 1
        info.words += len(text.split())
    info.names = {kind: list(pool) for kind, pool in gen.pools.items()}
    return info


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the documents into")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    info = write_corpus(args.out, args.words, args.seed)
    names = ", ".join(f"{len(v):,} {k}" for k, v in sorted(info.names.items()))
    print(f"{info.documents:,} documents, {info.words:,} words in {args.out}; names: {names}")


if __name__ == "__main__":
    main()
