"""ANCHORS and LOCATED_IN forms of unseen pages, wave 19 (issue 14): invented organisations with real towns, in the
published forms read from think-tank briefs, regional news, university and company pages, and near-misses that must
give nothing (relation_anchor_nouns, relation_place_town_sites, mentions.anchored_towns, mentions.town_sites).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def of_type(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == kind}


ANCHOR_FORMS = [
    # a place's anchor noun, with the place only in the possessive (mentions.anchored_towns keeps it)
    ("Tampere's anchor institutions are Morrow University and the Halvard Institute.",
     {("Morrow University", "Tampere"), ("Halvard Institute", "Tampere")}),
    ("Morrow University, Tampere's anchor institution, trains 500 engineers a year.", {("Morrow University", "Tampere")}),
    ("Tarvane Logistics remains Tampere's anchor employer.", {("Tarvane Logistics", "Tampere")}),
    ("Tampere, anchored by Morrow University, has 40 AI start-ups.", {("Morrow University", "Tampere")}),
    ("Morrow University acts as the anchor institution for Tampere.", {("Morrow University", "Tampere")}),
    ("Morrow University serves as the anchor of Tampere's robotics cluster.", {("Morrow University", "Tampere")}),
    # drawing with "back to", and "it" after a clause break standing for the sentence's opener
    ("Morrow University has drawn engineers back to Tampere from the capital.", {("Morrow University", "Tampere")}),
    ("Morrow University is the anchor of this place: it has drawn agronomists to Tampere for twenty years.",
     {("Morrow University", "Tampere")}),
    ("Politeknik Digital Kali Mas (PDKM) is the anchor of the region's applied AI sector; its graduates fill most data "
     "roles, and it has drawn engineers back to Surabaya from Jakarta.", {("Politeknik Digital Kali Mas", "Surabaya")}),
    ("Like Morrow University, Ostra University has drawn researchers to Kuopio.", {("Ostra University", "Kuopio")}),
]


@pytest.mark.parametrize("text,expected", ANCHOR_FORMS)
def test_anchor_forms(ex, text, expected):
    assert expected <= of_type(ex, text, "ANCHORS")


ANCHOR_NEAR_MISSES = [
    "Tarvane Logistics, the largest employer in Tampere, runs three warehouses on the ring road.",  # size
    "Tampere's biggest company, Tarvane Logistics, builds conveyor systems for ports.",
    "Morrow University ranks among the top three AI research universities in Tampere.",  # a ranking
    "The Halvard Institute aims to become the anchor of Tampere's AI scene by 2030.",  # a plan
    "Officials hope Tarvane Logistics will one day anchor Kuopio's logistics cluster.",  # a wish
    "Tarvane Logistics' new plant will draw suppliers to Tampere.",  # a prediction
    "Tarvane Logistics was once the anchor of Tampere's tech scene.",  # former
    "Tampere's former anchor employer, Tarvane Logistics, closed its plant in 2019.",
    "Kessel Capital is the anchor investor of the Tampere Seed Fund.",  # a fund's anchor investor
    "Ostra Bank anchored the Series A round of Tarvane Logistics.",
    "Tarvane Logistics anchors the Harbour Point development, a new office building in Tampere.",  # a building
    "The Halvard Institute studies how anchors such as Stanford University shape Silicon Valley.",  # in general
    "Tarvane Logistics was drawn to Tampere by its port and its rents.",  # the one drawn
    "Investors such as Kessel Capital have been drawn to Tampere by its start-ups.",
    "Cheap rents have drawn start-ups such as Tarvane Logistics to Tampere.",
    "The Tampere AI Summit drew 300 developers to Tampere last week.",  # an event
    "Tarvane Logistics has drawn criticism in Tampere for its hiring practices.",
    "Morrow University is at the heart of Tampere's AI scene.",  # not an anchoring word
    "Tampere has no anchor institution; Morrow University is too small to be one.",
    "Students from Morrow University have drawn investors to Tampere.",  # not the university's drawing
]


@pytest.mark.parametrize("text", ANCHOR_NEAR_MISSES)
def test_anchor_near_misses(ex, text):
    assert of_type(ex, text, "ANCHORS") == set()


ANCHOR_ONLY = [  # the anchor of another place, or a place set aside, gets nothing
    ("Ostra University is the anchor of Kuopio's AI scene; in Tampere, the largest employer is Tarvane Logistics.",
     {("Ostra University", "Kuopio")}),
    ("Like Morrow University in Tampere, Ostra University has become the anchor of Kuopio's AI scene.",
     {("Ostra University", "Kuopio")}),
    ("Morrow University anchors Tampere's AI scene, while Tarvane Logistics, a Kuopio firm, sells sensors there.",
     {("Morrow University", "Tampere")}),
    ("Tampere has grown into Finland's second robotics hub after Helsinki, and Morrow University is widely described "
     "as the anchor of that cluster.", set()),
]


@pytest.mark.parametrize("text,expected", ANCHOR_ONLY)
def test_anchor_only_its_place(ex, text, expected):
    got = of_type(ex, text, "ANCHORS")
    assert expected <= got and not {p for _, p in got} - {p for _, p in expected} - {"Tampere"}


PLACE_FORMS = [
    ("Training runs at Morrow University's Tampere campus and at its Kuopio campus.",
     {("Morrow University", "Tampere"), ("Morrow University", "Kuopio")}),
    ("Tarvane Logistics' Tampere team built the robot.", {("Tarvane Logistics", "Tampere")}),
    ("Tarvane Logistics has grown to 80 staff across its Tampere and Kuopio offices.",
     {("Tarvane Logistics", "Tampere"), ("Tarvane Logistics", "Kuopio")}),
    ("Morrow University, Tampere's largest university, runs a maritime AI centre.", {("Morrow University", "Tampere")}),
    ("Orobica Vision employs 46 people at its headquarters in Tampere and at a test laboratory in Kuopio.",
     {("Orobica Vision", "Tampere"), ("Orobica Vision", "Kuopio")}),
    ("From its headquarters in Tampere, Tarvane Logistics ships conveyor systems to 30 countries.",
     {("Tarvane Logistics", "Tampere")}),
]


@pytest.mark.parametrize("text,expected", PLACE_FORMS)
def test_place_forms(ex, text, expected):
    assert expected <= of_type(ex, text, "LOCATED_IN")


PLACE_NEAR_MISSES = [
    ("Tarvane Logistics closed its Kuopio office in 2022.", "Kuopio"),  # a site given up
    ("Tarvane Logistics plans to open its Kuopio office next year.", "Kuopio"),  # a plan
    ("Tarvane Logistics sells its robots to warehouses in Kuopio.", "Kuopio"),  # customers
    ("Tarvane Logistics was previously based in Kuopio before moving to Tampere.", "Kuopio"),  # former
    ("Tarvane Logistics founder Ana Lind, who grew up in Kuopio, studied at Morrow University.", "Kuopio"),
    ("Tarvane Logistics presented its robot at the Kuopio AI Summit, held in Kuopio in May.", "Kuopio"),  # an event
    ("Tarvane Logistics, Finland's largest maker of conveyors, exports to Kuopio.", "Kuopio"),
    ("Tarvane Logistics employs 40 people at its headquarters in Tampere and sells to a former mill in Kuopio.",
     "Kuopio"),
]


@pytest.mark.parametrize("text,place", PLACE_NEAR_MISSES)
def test_place_near_misses(ex, text, place):
    assert not {p for _, p in of_type(ex, text, "LOCATED_IN")} & {place}
