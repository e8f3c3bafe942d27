"""The shared per-Doc word index (ingest/nlp/token_index.py) reads exactly what spaCy's own objects give."""

from __future__ import annotations

import itertools

import pytest
import spacy

from aikg.ingest.nlp.token_index import TokenIndex, doc_text

TEXT = ("OSLO--(BUSINESS WIRE)-- Kelvara Labs, a spin-out of the Orrin Institute, raised $8m.\n\n"
        "- Tromsø Fisheries Research Station (Tromsø):  partners include Amii and  Mila.  ")


@pytest.fixture(scope="module")
def doc():  # noqa: ANN201
    return spacy.blank("en")(TEXT)


def test_words_are_spacys(doc) -> None:  # noqa: ANN001
    idx = TokenIndex.of(doc)
    assert idx.text == [t.text for t in doc]
    assert idx.lower == [t.lower_ for t in doc]
    assert idx.ws == [t.whitespace_ for t in doc]
    assert TokenIndex.of(doc) is idx  # built once per Doc


def test_span_text_is_spacys_for_every_slice(doc) -> None:  # noqa: ANN001
    idx = TokenIndex.of(doc)
    n = len(doc)
    for a, b in itertools.product(range(-n - 2, n + 3), repeat=2):  # out of range and negative ends clamp as spaCy's
        assert idx.span_text(a, b) == doc[a:b].text, (a, b)
        assert idx.text[a:b] == [t.text for t in doc[a:b]], (a, b)
        assert idx.lower[a:b] == [t.lower_ for t in doc[a:b]], (a, b)


def test_span_index_is_relative_to_the_span(doc) -> None:  # noqa: ANN001
    span = doc[3:12]
    idx = TokenIndex.of(span)
    assert idx.text == [t.text for t in span]
    assert idx.span_text(1, 4) == span[1:4].text


def test_doc_text(doc) -> None:  # noqa: ANN001
    assert doc_text(doc) == doc.text == TEXT
    assert doc_text(doc) is doc_text(doc)
