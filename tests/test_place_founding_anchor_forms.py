"""LOCATED_IN, FOUNDED and ANCHORS in published forms (#14), with sentences of our own and near-misses.

* "the largest employer in Y is X" and its variants place X in Y (``relation_employer_place.py``), never ANCHORS;
* "X opened the Y Lab in Z": X founded Y and both are in Z (the ``open`` frame of ``data/lexicon/relations.json``);
* "officials call X the anchor of Y's scene", "X, the cornerstone of Y's ecosystem" state ANCHORS; "none of them is an
  anchor" and a name across a semicolon do not (``relation_anchor_forms.py``).
Each sentence is checked with the gazetteer off: what the text alone says.
"""

from __future__ import annotations

import pytest

from tests.helpers import relations_in

KINDS = ("LOCATED_IN", "FOUNDED", "ANCHORS")


def ties(ex, text: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] in KINDS}


POSITIVES = [
    # the largest employer of a place
    ("Vitkov Steel is the largest employer in Ostrava.", {("LOCATED_IN", "Vitkov Steel", "Ostrava")}),
    ("Kessling Foods, the biggest employer in Zwolle, buys sensors from two start-ups.",
     {("LOCATED_IN", "Kessling Foods", "Zwolle")}),
    ("The largest technology employer in Tarnów, however, is still the payments firm Azoty Pay, which does no research.",
     {("LOCATED_IN", "Azoty Pay", "Tarnów")}),
    ("The largest employer of data engineers in Kolding is the shipping group Lillebaelt Linjer, but it does little "
     "research there.", {("LOCATED_IN", "Lillebaelt Linjer", "Kolding")}),
    ("Minch Seafoods Ltd is one of the largest employers in Ullapool.",
     {("LOCATED_IN", "Minch Seafoods Ltd", "Ullapool")}),
    # opening a named lab in a town
    ("Norrland University has opened the Kvarken Data Lab in Vaasa.",
     {("FOUNDED", "Norrland University", "Kvarken Data Lab"), ("LOCATED_IN", "Kvarken Data Lab", "Vaasa"),
      ("LOCATED_IN", "Norrland University", "Vaasa")}),
    ("The Salzach Institute opened the Pongau Vision Centre in Bischofshofen in March.",
     {("FOUNDED", "Salzach Institute", "Pongau Vision Centre"), ("LOCATED_IN", "Pongau Vision Centre", "Bischofshofen"),
      ("LOCATED_IN", "Salzach Institute", "Bischofshofen")}),
    # anchors named by a verb of calling, and the cornerstone of a place
    ("Local officials call the Technical University of Moravia the anchor of Ostrava's young technology scene.",
     {("ANCHORS", "Technical University of Moravia", "Ostrava")}),
    ("Regional planners describe Vitkov Steel as the anchor of the Ostrava industrial cluster.",
     {("ANCHORS", "Vitkov Steel", "Ostrava")}),
    ("The Tisza Polytechnic, the cornerstone of Szeged's AI ecosystem, trains 300 engineers a year.",
     {("ANCHORS", "Tisza Polytechnic", "Szeged")}),
    ("The Technical University of Moravia is not only the anchor of the Ostrava cluster but also its largest landlord.",
     {("ANCHORS", "Technical University of Moravia", "Ostrava")}),
]

NEGATIVES = [
    # size in the past, or denied, places nothing; size is never anchoring
    ("Vitkov Steel was once the largest employer in Ostrava.", {}),
    ("Vitkov Steel is no longer the largest employer in Ostrava.", {}),
    ("The biggest employer among them is the software house Poruba Pay.", {}),
    ("According to the Tarnów Chamber of Commerce, the largest technology employer in the region is growing.", {}),
    # anchoring denied, or said of another clause's name
    ("Companies in the Ostrava cluster include Poruba Data, Vitkov Steel and Bruntal Robotics; none of them is an "
     "anchor in our sense.", {"ANCHORS"}),
    ("Vitkov Steel is not an anchor of the Ostrava cluster.", {"ANCHORS"}),
    ("Ostrava has start-ups such as Poruba Data and Opava Vision. None of them is large enough to anchor anything.",
     {"ANCHORS"}),
    ("Local officials call the Technical University of Moravia the anchor of Ostrava's young technology scene; the "
     "largest technology employer in Ostrava, however, is the cable maker Kablo Sever.",
     {("ANCHORS", "Kablo Sever", "Ostrava")}),
    # a plan to open is no site and no founding
    ("Dornach Semiconductor plans to open the Traun Design Centre in Linz next year.",
     {("FOUNDED", "Dornach Semiconductor", "Traun Design Centre"), ("LOCATED_IN", "Dornach Semiconductor", "Linz")}),
]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_published_forms_give_their_ties(no_gazetteer_extractor, text: str, expected: set) -> None:
    assert expected <= ties(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text,banned", NEGATIVES)
def test_near_misses_give_nothing(no_gazetteer_extractor, text: str, banned) -> None:
    got = ties(no_gazetteer_extractor, text)
    if not banned:
        assert not {r for r in got if r[0] == "LOCATED_IN"}, got
    for b in banned:
        if isinstance(b, str):
            assert not {r for r in got if r[0] == b}, got
        else:
            assert b not in got, got
