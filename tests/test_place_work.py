"""LOCATED_IN and ANCHORS forms of unseen pages, wave 18 (issue 14): each form with invented organisations and towns
in several published variants, and near-misses that must give nothing.

* work done in a town: "X designs vision chips in Bromont", "X's engineers work in Kuopio", "X, which assembles its
  sensors in Kajaani," (mentions.work_places, relation_place_work);
* a place's area anchored in the passive: "The Vellmar innovation district is anchored by X" (relation_anchor_area).
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


WORK = [
    ("Bromont Microcapteurs designs low-power vision chips in Bromont.", {("Bromont Microcapteurs", "Bromont")}),
    ("Kalvola Robotics builds drones in Oulu.", {("Kalvola Robotics", "Oulu")}),
    ("Kalvola Robotics designs and builds drones in Oulu.", {("Kalvola Robotics", "Oulu")}),
    ("Kalvola Robotics now assembles its sensors in Kajaani, Finland.", {("Kalvola Robotics", "Kajaani")}),
    ("Founded in 2019, Virta Analytics develops AI software in Kuopio and Joensuu.",
     {("Virta Analytics", "Kuopio"), ("Virta Analytics", "Joensuu")}),
    ("Virta Analytics trains its models in Kuopio.", {("Virta Analytics", "Kuopio")}),
    ("Virta Analytics's engineers work in Kuopio.", {("Virta Analytics", "Kuopio")}),
    ("Lumo Foods' research team works from offices in Sotkamo.", {("Lumo Foods", "Sotkamo")}),
    ("Lumo Foods' research team, which works from offices in Sotkamo, published the model.",
     {("Lumo Foods", "Sotkamo")}),
    ("Bromont Microcapteurs, which designs low-power vision chips in Bromont, raised $4 million.",
     {("Bromont Microcapteurs", "Bromont")}),
]


@pytest.mark.parametrize("text,expected", WORK)
def test_work_done_in_a_town(ex, text, expected):
    assert expected <= of_type(ex, text, "LOCATED_IN")


WORK_NEAR_MISSES = [
    ("Kalvola Robotics designs chips for customers in Tokyo.", "Tokyo"),  # the customers' town
    ("Kalvola Robotics builds drones with partners in Oulu.", "Oulu"),  # the partners'
    ("Kalvola Robotics sells drones in Oulu.", "Oulu"),  # a market
    ("Kalvola Robotics plans to build drones in Oulu.", "Oulu"),  # a plan
    ("Kalvola Robotics will build drones in Oulu.", "Oulu"),
    ("Kalvola Robotics showcased its drones in Oulu last week.", "Oulu"),  # an event
    ("Kalvola Robotics built drones in Oulu until 2019.", "Oulu"),  # past
    ("Kalvola Robotics is considering moving its drone assembly to Oulu.", "Oulu"),
    ("Kalvola Robotics makes drones that compete with those built in Shenzhen.", "Shenzhen"),  # a comparison
    ("Kalvola Robotics' former engineers work in Oulu.", "Oulu"),  # people who left
    ("Kalvola Robotics' customers, which build drones in Oulu, buy its sensors.", "Oulu"),
]


@pytest.mark.parametrize("text,town", WORK_NEAR_MISSES)
def test_work_near_misses(ex, text, town):
    assert ("Kalvola Robotics", town) not in of_type(ex, text, "LOCATED_IN")


ANCHORED = [
    ("The Vellmar innovation district is anchored by Kasselwerk Labs.", {("Kasselwerk Labs", "Vellmar")}),
    ("The Vellmar innovation quarter is anchored by Kasselwerk Labs.", {("Kasselwerk Labs", "Vellmar")}),
    ("Vellmar's innovation district is anchored by Kasselwerk Labs.", {("Kasselwerk Labs", "Vellmar")}),
    ("Today the Vellmar AI scene remains anchored by Kasselwerk Labs and the Fulda Institute of Robotics.",
     {("Kasselwerk Labs", "Vellmar"), ("Fulda Institute of Robotics", "Vellmar")}),
]


@pytest.mark.parametrize("text,expected", ANCHORED)
def test_area_anchored_by(ex, text, expected):
    assert expected <= of_type(ex, text, "ANCHORS")


ANCHOR_NEAR_MISSES = [
    "The Vellmar innovation district was anchored by Kasselwerk Labs until 2019.",  # past
    "The Vellmar innovation district is not anchored by Kasselwerk Labs.",  # denied
    "The Vellmar innovation district could be anchored by Kasselwerk Labs.",  # a prospect
    "The Vellmar funding round was anchored by Kasselwerk Labs.",  # a round, no area
]


@pytest.mark.parametrize("text", ANCHOR_NEAR_MISSES)
def test_anchor_near_misses(ex, text):
    assert ("Kasselwerk Labs", "Vellmar") not in of_type(ex, text, "ANCHORS")
