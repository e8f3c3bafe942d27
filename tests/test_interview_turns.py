"""FOUNDED and LOCATED_IN in the turns of Q&A interviews (issue 14, wave 19), through the real spaCy pipeline.

Forms learned from published founder and lab-director interviews and podcast transcripts ("Q:"/"A:" turns, "we
raised", "X and I started it in a spare room", "Before that I was at ...", "the scene here has a few firms such as
..."). Every name is invented (relation_interview_turns.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

HEAD = ("Q&A with Leena Varga, chief executive of Quillon Robotics\n\n"
        "Quillon Robotics, a Brisk Harbour start-up, builds picking robots for cold stores. We spoke with Varga "
        "about the company and about Dunmore, where it has a second office.\n\n")


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("turn, founders", [
    ("Q: How did Quillon Robotics start?\nA: Ivo Marsh and I founded it in 2021 in a spare room.\n", ["Ivo Marsh"]),
    ("Q: How did Quillon Robotics start?\nVarga: Ivo Marsh and I set up the company after our doctorates.\n",
     ["Ivo Marsh"]),
    ("Q: Who started the company?\nA: My co-founders Ivo Marsh and Petra Sollen and I founded Quillon Robotics in 2021.\n",
     ["Ivo Marsh", "Petra Sollen"]),
    ("Q: When did you start?\nA: Ivo Marsh and I both founded Quillon Robotics in 2021, with a grant from a friend.\n",
     ["Ivo Marsh"]),
])
def test_and_i_founded(ex, turn, founders):
    got = relations_in(ex, HEAD + turn)
    for p in founders:
        assert ("FOUNDED", p, "Quillon Robotics") in got


@pytest.mark.parametrize("turn, town, firms", [
    ("Q: Who else is in the scene?\nA: Brisk Harbour has a few firms, such as Tarrow Sensing and Osprey Lane Data.\n",
     "Brisk Harbour", ["Tarrow Sensing", "Osprey Lane Data"]),
    ("Q: Are there other start-ups?\nA: Dunmore has a few: Tarrow Sensing and Osprey Lane Data, for example.\n",
     "Dunmore", ["Tarrow Sensing", "Osprey Lane Data"]),
    ("Q: And elsewhere?\nA: In Dunmore there is Fenwyck Vision, which does inspection for bakeries.\n",
     "Dunmore", ["Fenwyck Vision"]),
    ("Q: Who is around?\nA: Brisk Harbour is home to Tarrow Sensing and Osprey Lane Data.\n",
     "Brisk Harbour", ["Tarrow Sensing", "Osprey Lane Data"]),
])
def test_town_has(ex, turn, town, firms):
    got = relations_in(ex, HEAD + turn)
    for f in firms:
        assert ("LOCATED_IN", f, town) in got


# ---------------------------------------------------------------- near-misses
@pytest.mark.parametrize("turn, absent", [
    ("Q: Where were you before?\nA: Before that I was at Halder Cloud, and Ivo Marsh and I met there.\n",
     [("FOUNDED", "Ivo Marsh", "Halder Cloud"), ("AFFILIATED_WITH", "Leena Varga", "Halder Cloud")]),
    ("Q: Who buys?\nA: Brisk Harbour has customers such as Tarrow Sensing and Osprey Lane Data.\n",
     [("LOCATED_IN", "Tarrow Sensing", "Brisk Harbour"), ("LOCATED_IN", "Osprey Lane Data", "Brisk Harbour")]),
    ("Q: Is the scene growing?\nA: Brisk Harbour has lost firms like Tarrow Sensing to the capital.\n",
     [("LOCATED_IN", "Tarrow Sensing", "Brisk Harbour")]),
    ("Q: Any competition?\nA: Brisk Harbour has no firms like Osprey Lane Data yet.\n",
     [("LOCATED_IN", "Osprey Lane Data", "Brisk Harbour")]),
    ("Q: What next?\nA: Ivo Marsh and I would like to found a second company, maybe with Tarrow Sensing.\n",
     [("FOUNDED", "Ivo Marsh", "Tarrow Sensing")]),
])
def test_near_misses(ex, turn, absent):
    got = relations_in(ex, HEAD + turn)
    for a in absent:
        assert a not in got, got
