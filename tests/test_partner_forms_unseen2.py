"""PARTNERS_WITH in the forms of alliance and partnership releases (issue 14, second pass): "the strategic alliance
between A and B", "A teams up with B". Distractors: rivalries, comparisons, plans, denied ties, competitors.

Every sentence is invented and runs through the real spaCy pipeline.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def partners(ex, text: str) -> set[tuple[str, str]]:
    return {(src, tgt) for t, src, tgt in relations_in(ex, text) if t == "PARTNERS_WITH"}


@pytest.mark.parametrize("text, pairs", [
    ("The strategic alliance between Sarvik Labs and Brenna Systems covers sensor fusion.",
     {("Sarvik Labs", "Brenna Systems")}),
    ("A research partnership between Harwick University, Kestrel Robotics and Lumora Labs starts in May.",
     {("Harwick University", "Kestrel Robotics"), ("Harwick University", "Lumora Labs"),
      ("Kestrel Robotics", "Lumora Labs")}),
    ("Sarvik Labs teams up with Brenna Systems on warehouse robots.", {("Sarvik Labs", "Brenna Systems")}),
    ("Kestrel Robotics has teamed up with Brenna Systems and Harwick University to build a test bench.",
     {("Kestrel Robotics", "Brenna Systems"), ("Kestrel Robotics", "Harwick University")}),
    ("Kestrel Robotics, a Tartu drone maker, teamed up with Lumora Labs in May.",
     {("Kestrel Robotics", "Lumora Labs")}),
])
def test_partner_forms(ex, text, pairs):
    got = partners(ex, text)
    assert pairs <= got


@pytest.mark.parametrize("text", [
    "The rivalry between Sarvik Labs and Brenna Systems is old.",
    "A possible alliance between Sarvik Labs and Brenna Systems was discussed.",
    "The former partnership between Sarvik Labs and Brenna Systems ended in 2023.",
    "The alliance between Sarvik Labs and Brenna Systems collapsed last year.",
    "Kestrel Robotics plans to team up with Lumora Labs.",
    "Lumora Labs compared its model with one from Kestrel Robotics.",
    "Unlike Kestrel Robotics, Lumora Labs sells to farms.",
    "Lumora Labs, a competitor of Kestrel Robotics, raised money.",
    "Speakers came from Lumora Labs, Kestrel Robotics and Harwick University.",
])
def test_partner_near_misses(ex, text):
    assert not partners(ex, text)
