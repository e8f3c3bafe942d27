"""The learned relation classifier (issue 14 item 5): reproducible training, shipped model, combination with patterns.

Real components throughout: the real spaCy pipeline, the real shipped model file, the real training
script on real dev gold documents (a few of them, so the test stays short).
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tomllib
from importlib import resources
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from aikg.core.errors import ConfigError
from aikg.core.schema import SCHEMA
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp.pair_classifier import (
    ENV,
    METHOD,
    NONE,
    SHIPPED,
    PairModel,
    load_shipped,
    model_for,
    register,
)
from aikg.ingest.nlp.pair_features import Pair
from aikg.ingest.nlp.pair_training import fit

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "gold" / "dev"
#: a form the patterns miss, with invented names: a wire dateline's town and "a <Town>-based developer" after a
#: bracketed short name. The shipped weights give LOCATED_IN above 0.7 (the fixed threshold checked on the unseen
#: dev15 batch, docs/extraction.md); a retrained model that no longer does needs another such sentence.
FIXED = 0.7
UNSEEN = ('TALLINN, March 3, 2026 /PRNewswire/ -- Koidu Health AI ("Koidu"), a Tallinn-based developer of speech '
          'models for clinics, today announced a strategic investment of EUR 4 million.')


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_relations", ROOT / "scripts" / "train_relations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_training_writes_the_same_file_twice(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for txt in sorted(DEV.glob("*.txt"))[:4]:
        shutil.copy(txt, gold / txt.name)
        shutil.copy(txt.with_name(txt.stem + ".gold.json"), gold / (txt.stem + ".gold.json"))
    train = _script()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert train.main(["--gold", str(gold), "--folds", "2", "-o", str(first)]) == 0
    assert train.main(["--gold", str(gold), "--folds", "2", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    model = PairModel.from_json(first.read_text(encoding="utf-8"))
    assert model.classes[0] == NONE and len(model.classes) > 1 and model.features


def test_fit_is_deterministic_and_learns_a_separable_signal() -> None:
    rows = [("tp=Company>Company", "bw=fund")] * 6 + [("tp=Company>Company", "bw=compete")] * 6
    labels = ["FUNDS>"] * 6 + [NONE] * 6
    a = fit(rows, labels, set(labels), iterations=200, min_count=1)
    b = fit(rows, labels, set(labels), iterations=200, min_count=1)
    assert a.to_json() == b.to_json()
    probs = a.proba([("tp=Company>Company", "bw=fund"), ("tp=Company>Company", "bw=compete")])
    funds = a.classes.index("FUNDS>")
    assert probs[0, funds] > 0.8 and probs[1, funds] < 0.2


def test_the_shipped_model_loads_from_the_installed_package() -> None:
    node = resources.files("aikg.data").joinpath(*SHIPPED)
    assert node.is_file()
    assert len(node.read_bytes()) < 3_500_000  # 2.9 MB: ~17,000 features x 18 classes
    model = load_shipped()
    assert model.classes[0] == NONE and all(0.0 < t < 1.0 for t in model.thresholds.values())
    assert model.weights.shape == (len(model.features), len(model.classes))
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert f"{SHIPPED[0]}/*" in package_data["package-data"]["aikg.data"]  # so the wheel carries it


def test_decisions_respect_the_schema_and_leave_pattern_pairs_alone() -> None:
    model = load_shipped()
    types = ["Person", "Cluster", "Company", "Institute"]
    pairs = [Pair(0, 1, ()), Pair(2, 3, ()), Pair(2, 1, ())]
    probs = np.zeros((3, len(model.classes)))
    probs[:, model.classes.index("AFFILIATED_WITH>")] = 0.99  # Person -> Cluster is not allowed
    probs[:, model.classes.index("LOCATED_IN>")] = 0.98
    every = dict.fromkeys(SCHEMA.relation_types, 0.5)
    out = model.decide(pairs, probs, types, fired={(2, 1): ["LOCATED_IN>"]}, thresholds=every)
    assert [(c.type, c.src, c.tgt, c.method) for c in out] == []  # Person-Cluster: no allowed class; (2, 1) fired
    probs[1, model.classes.index("PARTNERS_WITH>")] = 0.995
    out = model.decide(pairs, probs, types, fired={}, thresholds=every)
    assert [(c.type, c.src, c.tgt) for c in out] == [("PARTNERS_WITH", 2, 3), ("LOCATED_IN", 2, 1)]
    assert all(SCHEMA.check_relation(c.type, types[c.src], types[c.tgt]) is None for c in out)
    assert all(c.method == METHOD and 0.5 <= c.conf <= 1.0 for c in out)
    assert model.decide(pairs, probs, types, fired={}, thresholds={"PARTNERS_WITH": 0.5}) == out[:1]  # others off


def test_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert model_for("off") is None
    assert isinstance(model_for("on"), PairModel)
    monkeypatch.setenv(ENV, "on")
    assert model_for("default") is model_for("on")
    monkeypatch.setenv(ENV, "off")
    assert model_for("default") is None
    with pytest.raises(ConfigError, match="neither"):
        model_for("no-such-model.json")


def _relations(extractor_with, setting: str, text: str) -> list[tuple[str, str, str, str]]:
    facts = extractor_with(pair_model=setting).extract(
        LoadedDocument(id="unseen", source="unseen.txt", title="", kind="text", text=text))
    name = [m.text for m in facts.mentions]
    return [(r.type, name[r.source], name[r.target], r.method) for r in facts.relations]


def test_an_unseen_form_gets_its_relation_only_when_enabled(extractor_with) -> None:
    relation = ("LOCATED_IN", "Koidu Health AI", "Tallinn")
    fixed = PairModel.from_json(load_shipped().to_json())  # the shipped weights at a fixed threshold for every type
    fixed.thresholds = dict.fromkeys(sorted(set(SCHEMA.relation_types) - {"MENTIONS"}), FIXED)
    register("test-fixed", fixed)
    off = [r[:3] for r in _relations(extractor_with, "off", UNSEEN)]
    on = _relations(extractor_with, "test-fixed", UNSEEN)
    if relation in off:  # the patterns learned this form since: the test needs a sentence they still miss
        pytest.fail(f"the patterns now find {relation}; write another sentence the patterns miss for this test")
    assert (*relation, METHOD) in on, on
    assert [r for r in on if r[3] != METHOD] == [r for r in _relations(extractor_with, "off", UNSEEN)]  # the model only adds
