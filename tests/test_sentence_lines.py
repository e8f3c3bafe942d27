"""Where a line break ends a sentence, through the real pipeline.

Label and list lines (a name line, "- Sheffield: ...") carry no full stop, so a break after them ends the
sentence; in prose wrapped at a fixed width (plain-text filings, e-mailed releases) a short line is only where
the wrap fell, and the sentence, with the relation it states, runs on.
"""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord, RelationRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import resolve
from aikg.ingest.nlp.extractor import shared_extractor


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def _facts(ex, text: str) -> tuple[list[str], set[tuple[str, str, str]]]:
    doc = LoadedDocument(id="d1", source="t", title="t", kind="text", text=text)
    facts = ex.extract(doc)
    records = resolve([facts])
    names = {r.id: r.name for r in records if isinstance(r, EntityRecord)}
    rels = {(r.type, names[r.source], names[r.target]) for r in records if isinstance(r, RelationRecord)}
    return sorted({r.sentence for r in facts.relations}), rels


WRAPPED = (
    "Kestrel Robotics, a maker of warehouse arms\n"
    "founded in 2019, announced on Tuesday that\n"
    "it has agreed a research partnership with\n"
    "Harlow Dynamics Laboratory, which will share\n"
    "its test facilities with the company for\n"
    "three years. The agreement was signed in the\n"
    "city of Leeds, where both organisations\n"
    "employ engineers and where the regional\n"
    "government has been investing in automation\n"
    "since 2021.\n"
)


def test_wrapped_prose_keeps_its_sentences_whole(ex) -> None:
    sentences, rels = _facts(ex, WRAPPED)
    assert ("PARTNERS_WITH", "Harlow Dynamics Laboratory", "Kestrel Robotics") in rels or (
        "PARTNERS_WITH", "Kestrel Robotics", "Harlow Dynamics Laboratory") in rels
    assert any("founded in 2019" in s and "Harlow Dynamics" in s for s in sentences)


def test_label_lines_still_end_their_sentence(ex) -> None:
    text = ("Board of Directors\n"
            "Amara Osei, Chair\n"
            "Lukas Brandt, Treasurer\n\n"
            "Tidewater Analytics is headquartered in Leeds.\n")
    sentences, _ = _facts(ex, text)
    assert not any("Board of Directors" in s and "headquartered" in s for s in sentences)
