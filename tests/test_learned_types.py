"""The learned entity typer (docs/learned_types.md): its model file, its stage, its switch and its training.

The stage is exercised with the real spaCy pipeline and the real mention stages; the model in the stage is a
small invented one (registered by name), so each test says what the model says and checks what the stage does.
"""

from __future__ import annotations

import numpy as np
import pytest

from aikg.core.errors import ConfigError
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import ExtractConfig, Extractor
from aikg.ingest.nlp.entities import DocContext, EntityFinder
from aikg.ingest.nlp.entity_type_model import (
    DROP,
    ENV,
    FORMAT,
    NONE,
    RETYPE,
    SHIPPED_DEFAULT,
    TypeModel,
    load_shipped,
    model_for,
    register,
)
from aikg.ingest.nlp.entity_type_training import fit
from aikg.ingest.nlp.mentions import STAGES

CLASSES = [NONE, "Agency", "Cluster", "Company", "Institute", "Person", "Programme"]
TANA = "Tana Basin Water Authority"


class Holder:
    """A registered sink whose model a test sets."""

    model: TypeModel | None = None

    def decide_groups(self, rows, dense, types, listed, info):  # noqa: ANN001, ANN201
        return self.model.decide(self.model.proba(rows, dense), types, listed)


HOLDER = Holder()
register("test-typer", HOLDER)


def model_saying(weights: dict[str, dict[str, float]], bias: dict[str, float] | None = None,
                 retype: float = 0.7, drop: float = 0.9) -> TypeModel:
    """A model whose feature weights are given per class (everything else zero)."""
    feats = {f: k for k, f in enumerate(sorted(weights))}
    w = np.zeros((len(feats), len(CLASSES)))
    for f, per in weights.items():
        for c, x in per.items():
            w[feats[f], CLASSES.index(c)] = x
    b = np.array([(bias or {}).get(c, 0.0) for c in CLASSES])
    return TypeModel(CLASSES, feats, w, np.zeros((0, len(CLASSES))), b, {RETYPE: retype, DROP: drop})


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(ExtractConfig(learned_types="test-typer"))


def mentions(ex: Extractor, text: str) -> list[tuple[str, str]]:
    facts = ex.extract(LoadedDocument(id="t", source="t", title="t", kind="text", text=text))
    return [(m.text, m.type) for m in facts.mentions]


def typed(ex: Extractor, text: str, name: str) -> set[str]:
    return {t for x, t in mentions(ex, text) if x == name}


PUBLISHED = [  # forms of real pages: a news dateline, a funding line, a partner list line, an apposition
    "NAIROBI, 3 March 2025 — The Tana Basin Water Authority has signed a data-sharing agreement with Kilifi Robotics.",
    "The pilot is funded by the Tana Basin Water Authority and run by Garissa Data Lab.",
    "Partners: Tana Basin Water Authority · Kilifi Robotics Ltd · Garissa Data Lab",
    "Tana Basin Water Authority, the regulator of the river's catchment, will share its gauge data.",
]


def test_the_shipped_model_loads_and_is_versioned() -> None:
    model = load_shipped()
    assert set(model.classes) >= set(CLASSES) and model.classes[0] == NONE
    assert model.features and model.meta["documents"] > 200 and "cv" in model.meta
    assert SHIPPED_DEFAULT in {"on", "off"}
    text = model.to_json()
    assert f'"format":"{FORMAT}"' in text
    with pytest.raises(ConfigError):
        TypeModel.from_json(text.replace(FORMAT, "aikg-entity-type-model/0"))


def mistyped(doc, cands, env, ctx):  # noqa: ANN001, ANN201
    """The rules' error on unseen text, made on purpose: the Authority typed Company."""
    for c in cands:
        if doc[c.start:c.end].text == TANA:
            c.type = "Company"
    return cands


def finder_types(ex: Extractor, text: str, setting: str) -> dict[str, str]:
    """Mention types from the real stages with ``mistyped`` run just before the learned stage."""
    ex._load()
    stages = []
    for name, stage in STAGES:
        if name == "learned_types":
            stages.append(("mistyped", mistyped))
        stages.append((name, stage))
    finder = EntityFinder(ex.gazetteer, ex.lexicon, tuple(stages), learned_types=setting)
    doc = next(iter(ex._pipes.ents([text])))
    return {m.text: m.type for m in finder.find(doc, 0, DocContext())}


@pytest.mark.parametrize("text", PUBLISHED)
def test_a_company_is_retyped_agency_when_the_model_says_so(ex: Extractor, text: str) -> None:
    assert finder_types(ex, text, "off")[TANA] == "Company"
    HOLDER.model = model_saying({"w=authority": {"Agency": 6.0}})
    assert finder_types(ex, text, "test-typer")[TANA] == "Agency"
    HOLDER.model = model_saying({"w=authority": {"Agency": 0.5}})  # not sure enough: the rules' type stays
    assert finder_types(ex, text, "test-typer")[TANA] == "Company"


@pytest.mark.parametrize("text", PUBLISHED)
def test_a_model_sure_of_company_overrides_the_head_noun(ex: Extractor, text: str) -> None:
    HOLDER.model = model_saying({"w=authority": {"Company": 6.0}})
    assert typed(ex, text, TANA) == {"Company"}


def test_from_company_to_agency_in_one_pass(ex: Extractor) -> None:
    """A name the rules type Company ("... Water Company") is an Agency when the model is sure of it."""
    text = "The pilot is funded by the Tana Basin Water Company and run by Garissa Data Lab."
    assert finder_types(ex, text, "off")["Tana Basin Water Company"] == "Company"  # the rules' type
    HOLDER.model = model_saying({"w=tana": {"Agency": 6.0}})
    assert typed(ex, text, "Tana Basin Water Company") == {"Agency"}
    assert typed(ex, text, "Garissa Data Lab") == {"Institute"}  # no evidence for it: untouched


def test_an_unsure_model_changes_nothing(ex: Extractor) -> None:
    """Below the retype threshold (0.7) the rules' type stays: near-miss of the retyping test."""
    HOLDER.model = model_saying({"w=authority": {"Company": 0.5}})
    for text in PUBLISHED:
        assert typed(ex, text, TANA) == {"Agency"}


def test_none_above_the_drop_threshold_drops_the_name_and_its_anaphor(ex: Extractor) -> None:
    text = "Tana Basin Water Authority (TBWA) will fund the pilot, the authority said on Monday."
    HOLDER.model = model_saying({"w=authority": {NONE: 8.0}})
    assert not [m for m in mentions(ex, text) if m[1] == "Agency"]
    HOLDER.model = model_saying({"w=authority": {NONE: 1.5}})  # NONE below 0.9: kept
    assert typed(ex, text, TANA) == {"Agency"}


def test_a_gazetteer_entity_is_left_alone(ex: Extractor) -> None:
    text = "The National Science Foundation and the Tana Basin Water Authority fund the pilot."
    HOLDER.model = model_saying({}, bias={"Company": 8.0})
    assert typed(ex, text, "National Science Foundation") == {"Agency"}  # listed: never overridden
    assert typed(ex, text, TANA) == {"Company"}  # not listed: the model decides


def test_the_stage_is_deterministic(ex: Extractor) -> None:
    HOLDER.model = model_saying({"w=authority": {"Company": 6.0}, "L1=the": {"Institute": 1.0}})
    runs = [[mentions(ex, t) for t in PUBLISHED] for _ in range(2)]
    assert runs[0] == runs[1]


def test_the_switch_turns_it_off(ex: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "learned_types" in [n for n, _ in STAGES]
    HOLDER.model = model_saying({"w=authority": {"Company": 6.0}})
    monkeypatch.setenv(ENV, "off")
    assert model_for("default") is None
    default = Extractor(ExtractConfig())
    assert typed(default, PUBLISHED[1], TANA) == {"Agency"}
    assert model_for("off") is None
    monkeypatch.setenv(ENV, "test-typer")
    assert model_for("default") is HOLDER
    assert typed(default, PUBLISHED[1], TANA) == {"Company"}  # the same extractor reads the switch at each run
    with pytest.raises(ConfigError):
        model_for("/no/such/model.json")


def test_training_on_a_tiny_corpus_gives_the_same_weights_twice() -> None:
    rows = [("w=authority", "last=authority"), ("w=ltd", "last=ltd"), ("w=university",), ("w=authority", "ner=ORG"),
            ("w=ltd", "ner=ORG"), ("w=university", "ner=ORG"), ("w=monday",), ("w=monday", "ner=DATE")]
    labels = ["Agency", "Company", "Institute", "Agency", "Company", "Institute", NONE, NONE]
    dense = np.arange(16, dtype=float).reshape(8, 2) / 16
    a = fit(rows, dense, labels, sorted(set(labels)), iterations=120, min_count=1)
    b = fit(rows, dense, labels, sorted(set(labels)), iterations=120, min_count=1)
    assert a.to_json() == b.to_json()
    back = TypeModel.from_json(a.to_json())
    pred = back.proba(rows, dense).argmax(axis=1)
    assert [back.classes[k] for k in pred] == labels  # it learned the invented corpus
