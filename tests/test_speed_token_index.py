"""The token index's quick paths (one slice for a span's text, a Span's index cut from its Doc's) read what spaCy
reads (speed work of w13: the values must not change)."""

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.token_index import TokenIndex

TEXT = ("Velmora Robotics  GmbH, based in Tarnow,\n\nraised €4m from Quillon Ventures.  "
        "Dr. Ada Voss-Kerrin (CEO) said: \"We're growing.\"\n- Brisk Labs s.r.o. joined. ")


def _doc():  # noqa: ANN202
    return next(shared_extractor()._pipes.ents([TEXT]))


def _joined(idx: TokenIndex, start: int, end: int) -> str:
    """The join the index used before (its tokens and the whitespace between them, list-slice indices)."""
    texts, spaces = idx.text[start:end], idx.ws[start:end]
    return "".join(t + w for t, w in zip(texts[:-1], spaces[:-1])) + texts[-1] if texts else ""


def test_span_text_is_the_join_for_every_slice() -> None:
    doc = _doc()
    idx = TokenIndex.of(doc)
    n = len(doc)
    for a in range(-n - 2, n + 3):
        for b in range(-n - 2, n + 3):
            assert idx.span_text(a, b) == _joined(idx, a, b)
            if 0 <= a < b <= n:
                assert idx.span_text(a, b) == doc[a:b].text


def test_span_index_equals_an_index_built_from_its_tokens() -> None:
    doc = _doc()
    for sent in doc.sents:
        got = TokenIndex.of(sent)
        assert got.text == [t.text for t in sent]
        assert got.lower == [t.lower_ for t in sent]
        assert got.ws == [t.whitespace_ for t in sent]
        for a in range(0, len(sent) + 1):
            for b in range(a, len(sent) + 1):
                assert got.span_text(a, b) == sent[a:b].text


def test_doc_index_joined_is_doc_text() -> None:
    doc = _doc()
    assert TokenIndex.of(doc).joined == doc.text


def test_word_count_is_tokens_neither_punctuation_nor_space() -> None:
    doc = _doc()
    pipes = shared_extractor()._pipes
    assert pipes.words(doc) == sum(1 for t in doc if not t.is_punct and not t.is_space)
    assert pipes.words(next(pipes.ents([""]))) == 0
