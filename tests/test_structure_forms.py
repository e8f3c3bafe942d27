"""Published forms of MEMBER_OF, PART_OF, LOCATED_IN and ANCHORS read by relation_structure_forms (issue 14).

Sentences are invented (names in no gold file or gazetteer); each form has counter-examples that must give nothing.
"""

from __future__ import annotations

import pytest

from tests.helpers import relations_in

FILER = ('ITEM 1. BUSINESS\nOverview\nTamarack Forest Analytics, Inc. ("Tamarack," the "Company," "we," "us" or '
         '"our") builds wildfire risk software. ')
FILER_NAME = "Tamarack Forest Analytics, Inc"


@pytest.mark.parametrize("text, expected", [
    ("The Solway Data Alliance was founded in 2021 by Carlisle Robotics, the Dumfries firm Nith Sensors and Annan "
     "Analytics, all of which are still members.",
     {("MEMBER_OF", "Carlisle Robotics", "Solway Data Alliance"), ("MEMBER_OF", "Nith Sensors", "Solway Data Alliance"),
      ("MEMBER_OF", "Annan Analytics", "Solway Data Alliance")}),
    ("The Kelso Robotics Alliance was set up by Borders Grid and Tweed Analytics, which remain its members, and is "
     "based in Kelso.",
     {("MEMBER_OF", "Borders Grid", "Kelso Robotics Alliance"), ("MEMBER_OF", "Tweed Analytics", "Kelso Robotics Alliance")}),
])
def test_founders_who_remain_members(no_gazetteer_extractor, text, expected) -> None:
    assert expected <= relations_in(no_gazetteer_extractor, text)


def test_no_member_from_a_denied_or_other_verb(no_gazetteer_extractor) -> None:
    denied = relations_in(no_gazetteer_extractor, "The Kelso Robotics Alliance was set up by Borders Grid and Tweed "
                                                  "Analytics, which are no longer members.")
    assert not {r for r in denied if r[0] == "MEMBER_OF"}
    share = relations_in(no_gazetteer_extractor, "Tweed Analytics was founded by Ana Ruiz and Borders Grid, which "
                                                 "remains its largest shareholder.")
    assert not {r for r in share if r[0] == "MEMBER_OF"}


@pytest.mark.parametrize("tail, units", [
    ("We operate through two wholly owned subsidiaries, Sawtooth Lidar LLC and Tamarack Canada ULC, which sells our "
     "products in Alberta.", ("Sawtooth Lidar LLC", "Tamarack Canada ULC")),
    ("We operate through two wholly owned subsidiaries: Sawtooth Lidar LLC, which employs our Canadian staff, and "
     "Tamarack Canada ULC.", ("Sawtooth Lidar LLC", "Tamarack Canada ULC")),
])
def test_listed_subsidiaries_of_the_filer(no_gazetteer_extractor, tail, units) -> None:
    rels = relations_in(no_gazetteer_extractor, FILER + tail)
    assert {("PART_OF", u, FILER_NAME) for u in units} <= rels


def test_listed_units_of_a_named_holder(no_gazetteer_extractor) -> None:
    rels = relations_in(no_gazetteer_extractor, "Borders Grid has three units: Tweed Analytics, Kelso Sensing and "
                                                "the Melrose lab Eildon Data.")
    assert {("PART_OF", u, "Borders Grid") for u in ("Tweed Analytics", "Kelso Sensing", "Eildon Data")} <= rels


@pytest.mark.parametrize("text", [
    "Borders Grid competes with rival subsidiaries, Tweed Analytics among them.",
    "Borders Grid sells to the subsidiaries of Halden Group, Tweed Analytics and Kelso Sensing.",
])
def test_listed_units_not(no_gazetteer_extractor, text) -> None:
    rels = relations_in(no_gazetteer_extractor, text)
    assert not {r for r in rels if r[0] == "PART_OF" and r[2] == "Borders Grid"}


@pytest.mark.parametrize("text, tenant, park", [
    (FILER + "We are the anchor tenant of the Columbia Gorge Technology Park in Hood River.", FILER_NAME,
     "Columbia Gorge Technology Park"),
    ("Velmora Robotics, an anchor tenant of the Brno Technology Park, employs 300 people.", "Velmora Robotics",
     "Brno Technology Park"),
    ("Nil Basin Pumps, an anchor tenant of the Ismailia Road Technology Park since 2012, builds irrigation pumps.",
     "Nil Basin Pumps", "Ismailia Road Technology Park"),
])
def test_anchor_tenant_of_a_park(no_gazetteer_extractor, text, tenant, park) -> None:
    rels = relations_in(no_gazetteer_extractor, text)
    assert {("ANCHORS", tenant, park), ("LOCATED_IN", tenant, park)} <= rels


@pytest.mark.parametrize("text", [
    "Velmora Robotics is not an anchor tenant of the Brno Technology Park, although it rents two floors there.",
    "Velmora Robotics, a tenant of the Brno Technology Park, employs 300 people.",
    "The agricultural machinery maker Velmora Robotics, the hub's first anchor tenant, has moved 60 engineers in.",
])
def test_anchor_tenant_not(no_gazetteer_extractor, text) -> None:
    assert not {r for r in relations_in(no_gazetteer_extractor, text) if r[0] == "ANCHORS"}


@pytest.mark.parametrize("text, expected", [
    ("In 2017 Tweed University opened the Clyde Analytics Laboratory in Glasgow.",
     ("LOCATED_IN", "Clyde Analytics Laboratory", "Glasgow")),
    ("Bricklink Robotics, a San Jose rival that builds masonry robots, moved its testing to Fremont last year.",
     ("LOCATED_IN", "Bricklink Robotics", "Fremont")),
    ("Before that she spent eight years at the Asunción lab of Guaraní Data.", ("LOCATED_IN", "Guaraní Data", "Asunción")),
    ("The Luang Prabang lab of the Lao Heritage Informatics Institute does excellent work.",
     ("LOCATED_IN", "Lao Heritage Informatics Institute", "Luang Prabang")),
])
def test_place_forms(no_gazetteer_extractor, text, expected) -> None:
    assert expected in relations_in(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, unwanted", [
    ("Nandu Vision never moved its headquarters to Glasgow.", ("LOCATED_IN", "Nandu Vision", "Glasgow")),
    ("Nandu Vision moved its engineers from Glasgow to the coast.", ("LOCATED_IN", "Nandu Vision", "Glasgow")),
    ("Nandu Vision will move its headquarters to Glasgow next year.", ("LOCATED_IN", "Nandu Vision", "Glasgow")),
    ("Borders Grid, the former Glasgow lab of Tweed University, is now independent.",
     ("LOCATED_IN", "Tweed University", "Glasgow")),
    ("Its industrial partners include the car-body supplier Castletown Pressings, the Houghton-le-Spring battery-module "
     "maker Usworth Cells and the Hartlepool steel fabricator Headland Fabrication.",
     ("LOCATED_IN", "Headland Fabrication", "Houghton-le-Spring")),
    ("The centre is led by TMU in partnership with the Port Talbot steel-coating firm Afan Coatings, the Llanelli "
     "software company Sosban Systems and Hywel Energy Networks, the regional electricity distributor.",
     ("LOCATED_IN", "Hywel Energy Networks", "Llanelli")),
])
def test_place_forms_not(no_gazetteer_extractor, text, unwanted) -> None:
    assert unwanted not in relations_in(no_gazetteer_extractor, text)


def test_a_place_before_a_plural_noun_still_spreads(no_gazetteer_extractor) -> None:
    rels = relations_in(no_gazetteer_extractor, "Partners include the Oslo software firms Fjord Data and Skagen Labs.")
    assert {("LOCATED_IN", "Fjord Data", "Oslo"), ("LOCATED_IN", "Skagen Labs", "Oslo")} <= rels


def test_a_route_is_no_anchored_place(no_gazetteer_extractor) -> None:
    """"The strip from A through B to C ... is anchored by X": neither C nor the page's city is what X anchors."""
    text = ("Damietta Port Data is based in Damietta. The strip from Tanta through Mansoura to Damietta, which officials "
            "now call the Delta Agri-Tech Corridor, is anchored by two organisations: Mansoura University (MUAS) and the "
            "pump maker Nil Delta Pumps.")
    rels = relations_in(no_gazetteer_extractor, text)
    assert not {r for r in rels if r[0] == "ANCHORS" and r[2] in ("Damietta", "Tanta", "Mansoura")}, rels


def test_drawn_to_a_town_keeps_its_place(no_gazetteer_extractor) -> None:
    text = "Rosetta Pumps is based in Tanta. Rosetta Pumps has drawn several hundred engineers to Tanta from other towns."
    assert ("ANCHORS", "Rosetta Pumps", "Tanta") in relations_in(no_gazetteer_extractor, text)


def test_apposition_participle_places_the_name(no_gazetteer_extractor) -> None:
    text = ("Borders Grid is a founding member of the Great Plains Data Cooperative, a non-profit consortium of "
            "agricultural data providers headquartered in Lincoln.")
    rels = relations_in(no_gazetteer_extractor, text)
    assert ("LOCATED_IN", "Great Plains Data Cooperative", "Lincoln") in rels
    assert ("LOCATED_IN", "Borders Grid", "Lincoln") not in rels


def test_drawn_to_the_city_named_before(no_gazetteer_extractor) -> None:
    text = ("Graz is home to Steyr Powertrain Labs, one of the largest developers of testing systems, which has drawn "
            "engineers to the city for decades.")
    assert ("ANCHORS", "Steyr Powertrain Labs", "Graz") in relations_in(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text", [
    "Graz is home to Steyr Powertrain Labs, which has not drawn many engineers to the city.",
    "A study of Graz found that Steyr Powertrain Labs drew 3,000 visitors to the city last year.",
    "Graz and Linz are home to Steyr Powertrain Labs, which has drawn engineers to the city for decades.",
])
def test_drawn_to_the_city_not(no_gazetteer_extractor, text) -> None:
    assert not {r for r in relations_in(no_gazetteer_extractor, text) if r[0] == "ANCHORS"}

