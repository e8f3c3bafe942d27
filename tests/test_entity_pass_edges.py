"""The entity pass has no parse, and spaCy's tokenizer leaves stale tree edges after a special case such as "):"
("Founding members (2019):"): a surface rule that walks a token's children there reads past the doc (a crash on
one held-out page). Surface rules read words; syntax is read only on the parse pass's own docs."""
from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

LIST_FIRST = "Founding members (2019):\n- Brennow Labs\n- Morava Data\n\n"
ANCHOR = "Local officials call the Technical University of Moravia the anchor of Ostrava's young technology scene."


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def test_a_special_case_token_leaves_edges_past_the_doc(ex):
    """The spaCy behaviour this guards against; if a spaCy release fixes it, this test says so."""
    doc = next(iter(ex._pipes.ents([LIST_FIRST + ANCHOR])))
    assert not doc.has_annotation("DEP")
    with pytest.raises(IndexError):
        [t.left_edge for t in doc]


@pytest.mark.parametrize("text", [ANCHOR, LIST_FIRST + ANCHOR, LIST_FIRST + ANCHOR.replace("call", "never call")])
def test_a_called_anchor_after_a_special_case_is_read_from_words(ex, text):
    found = {r for r in relations_in(ex, text) if r[0] == "ANCHORS"}
    if "never" in text:
        assert found == set()
    else:
        assert found == {("ANCHORS", "Technical University of Moravia", "Ostrava")}
