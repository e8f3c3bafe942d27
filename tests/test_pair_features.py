"""Features of the learned pair classifier that generalise beyond names: trigger-word classes and line shapes.

Real components: the real spaCy pipeline parses invented lines in the forms published pages take (speaker lines,
photo captions, list items, 'Field: value' labels, ordinary sentences); the classes come from the real lexicon.
"""

from __future__ import annotations

from aikg.ingest.nlp.pair_features import class_features, line_shape, mention_tokens, trigger_classes, trigger_words


def _parse(extractor_with, text: str):
    ex = extractor_with()
    return next(iter(ex._pipes.parse([text])))


def test_trigger_classes_come_from_the_lexicon() -> None:
    classes = trigger_classes()
    assert "FUNDS" in classes["fund"]
    assert "PARTNERS_WITH" in classes["partner"]
    assert "role" in classes["rector"]
    assert "compete" not in classes  # a rival is no relation word


def test_line_shapes_of_published_forms(extractor_with) -> None:
    speaker = line_shape(_parse(extractor_with, "Dr Ilse Varga, Head of Research, Corvell Labs"))
    caption = line_shape(_parse(extractor_with, "Pictured: Tamsin Orr, doctoral candidate at Velmora Institute"))
    item = line_shape(_parse(extractor_with, "- Kessa Robotics (Tallinn)"))
    prose = line_shape(_parse(extractor_with, "Brindle Capital invested in Quorra AI, a start-up based in Oulu, in 2024."))
    assert {"noverb", "noend", "fields", "short"} <= set(speaker)
    assert {"label", "noend"} <= set(caption)
    assert "item" in item and "noverb" in item
    assert not {"noverb", "noend", "item", "label", "fields"} & set(prose)


def test_pair_features_carry_classes_and_shape_not_names(extractor_with) -> None:
    pdoc = _parse(extractor_with, "Brindle Capital invested in Quorra AI last year.")
    tok2m = {0: 0, 1: 0, 4: 1, 5: 1}
    types = ["Company", "Company"]
    feats = class_features(pdoc, tok2m, mention_tokens(tok2m), types, 0, 1, trigger_words(pdoc, tok2m), line_shape(pdoc))
    assert "cpw=FUNDS" in feats or "clca=FUNDS" in feats
    assert "shape=long" not in feats and "shape=short" in feats
    assert not any("brindle" in f.lower() or "quorra" in f.lower() for f in feats)
