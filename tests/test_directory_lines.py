"""Directory entries of industry guides and ecosystem maps (issue 14, wave 19), through the real spaCy pipeline.

Forms learned from published regional guides, ecosystem maps and "who's who" directories: one organisation a line
with its fields in dash- or pipe-separated cells ("X — Town — focus — founded 2016 — backed by Y"), table rows copied
as lines ("Name | Town | Focus"), "X: headquartered in T; spun out of U; backed by A and B", and a name on its own
line over subjectless fragments ("Based in T. Founded 2018 by A and B. A subsidiary of G."). Every name is invented
(relation_directory_lines.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("text, expected", [
    ("Companies\n\nFenwyck Vision — Dunmore — camera inspection for bakeries — founded 2019 — backed by Ashgrove Ventures\n",
     {("LOCATED_IN", "Fenwyck Vision", "Dunmore"), ("FUNDS", "Ashgrove Ventures", "Fenwyck Vision")}),
    ("Name | Town | Focus\nOsprey Lane Data | Varnholt | demand forecasting\nTarrow Sensing | Kelby | soil sensors\n",
     {("LOCATED_IN", "Osprey Lane Data", "Varnholt"), ("LOCATED_IN", "Tarrow Sensing", "Kelby")}),
    ("Tarrow Sensing: headquartered in Kelby; spun out of Varnholt University in 2020; backed by Ashgrove Ventures and "
     "the Varnholt Enterprise Agency.\n",
     {("LOCATED_IN", "Tarrow Sensing", "Kelby"), ("FOUNDED", "Varnholt University", "Tarrow Sensing"),
      ("FUNDS", "Ashgrove Ventures", "Tarrow Sensing"), ("FUNDS", "Varnholt Enterprise Agency", "Tarrow Sensing")}),
    ("Key institutions\nBrenmark Institute for Machine Intelligence (BIMI) — research institute in Dunmore, founded 2015, "
     "a unit of Varnholt University\n",
     {("PART_OF", "Brenmark Institute for Machine Intelligence", "Varnholt University")}),
    ("Drovan Agritech – a Kelby-based maker of edge models for tractors – set up in 2018 by the Halder Group\n",
     {("LOCATED_IN", "Drovan Agritech", "Kelby"), ("FOUNDED", "Halder Group", "Drovan Agritech")}),
])
def test_directory_line(ex, text, expected):
    got = relations_in(ex, text)
    assert expected <= got, expected - got


def test_name_line_block(ex):
    got = relations_in(ex, "2. Companies\n\nQuillon Robotics\nBased in Brisk Harbour. Picking robots for cold stores. "
                           "Founded 2021 by Leena Varga and Ivo Marsh. A subsidiary of the Halder Group.\n\n"
                           "Corvane Analytics\nA data consultancy. Backed by Ashgrove Ventures.\n")
    assert {("FOUNDED", "Leena Varga", "Quillon Robotics"), ("FOUNDED", "Ivo Marsh", "Quillon Robotics"),
            ("PART_OF", "Quillon Robotics", "Halder Group"), ("FUNDS", "Ashgrove Ventures", "Corvane Analytics")} <= got
    assert ("FUNDS", "Ashgrove Ventures", "Quillon Robotics") not in got


# ---------------------------------------------------------------- near-misses
def test_lines_are_separate_entries(ex):
    """A line ending without a full stop is not the subject of the next line's name."""
    got = relations_in(ex, "Fenwyck Vision — Dunmore — camera inspection — backed by Ashgrove Ventures\n"
                           "Osprey Lane Data — Varnholt — demand forecasting for grocers\n")
    assert not {r for r in got if {r[1], r[2]} == {"Osprey Lane Data", "Fenwyck Vision"}}


@pytest.mark.parametrize("text, absent", [
    ("Fenwyck Vision — Dunmore — camera inspection — customers include Ashgrove Foods\n",
     [("Ashgrove Foods",)]),
    ("Fenwyck Vision — Dunmore — formerly backed by Ashgrove Ventures\n",
     [("FUNDS", "Ashgrove Ventures", "Fenwyck Vision")]),
    ("Fenwyck Vision — Dunmore — competes with Osprey Lane Data in bakery inspection\n",
     [("Osprey Lane Data",)]),
    ("Quillon Robotics — previously part of the Halder Group — picking robots\n",
     [("PART_OF", "Quillon Robotics", "Halder Group")]),
    ("Quillon Robotics — robots for dairies in Kelby — founded 2021\n",
     [("LOCATED_IN", "Quillon Robotics", "Kelby")]),
    ("Fenwyck Vision — Seed — 2021 — 14 staff\n", [("LOCATED_IN", "Fenwyck Vision", "Seed")]),
    ("Varnholt Business Journal | Interviews | 4 February 2026\n",
     [("LOCATED_IN", "Varnholt Business Journal", "Interviews")]),
])
def test_near_misses(ex, text, absent):
    got = relations_in(ex, text)
    for a in absent:
        if len(a) == 1:
            assert not {r for r in got if a[0] in (r[1], r[2])}, got
        else:
            assert a not in got, got
