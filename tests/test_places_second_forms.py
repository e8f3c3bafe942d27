"""LOCATED_IN on unseen forms, issue 14 wave 2: invented organisations and real towns in published forms, and the
near-misses (plans, places left, funders of a fronted phrase, past ties, programme rows) that must give nothing.

* a place the organisation left: "X was founded in London in 2015 and later moved to Berlin" places X in Berlin only
  (relation_structure_forms._moved_on);
* a planned organisation: "The institute plans to set up X in Riga" (relation_surface.org_of_place, ``plan_words``
  of place_anchor_forms.json);
* the names of a fronted phrase are no list with the subject: "With support from A and B, X opened a lab in Oslo"
  places X alone (relation_places._after_fronted, ``fronting_words``);
* "In Vranje, the biggest employer is X" and "the top employer in Y" (relation_employer_place._fronted_place,
  ``employer_superlatives``), forms of economic-development and news pages;
* "X, a wholly owned subsidiary in Whitehorse" (``place_org_nouns`` of relations.json), as in 10-K and About text;
* speaker lines "Name | Title | Org, Town" (relation_places._person_cells), as in conference programmes;
* "<Town> is also home to the X (XA) and Y", "moved to <Town>, where he founded the start-up X"
  (relation_place_home), as in news and encyclopedia articles.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def located(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "LOCATED_IN"}


PLACED = [
    # the place it moved to, not the one it left
    ("Veltro Analytics was founded in London in 2015 and later moved to Berlin.", {("Veltro Analytics", "Berlin")}),
    ("Kestrel Sensing was set up in Tartu in 2019 and moved to Tallinn in 2022.", {("Kestrel Sensing", "Tallinn")}),
    # the subject after a fronted phrase, alone
    ("With support from the Brightwater Foundation and Orrin Labs, Vantor AI opened a lab in Oslo.",
     {("Vantor AI", "Oslo")}),
    ("Backed by Brightwater Foundation and Orrin Labs, Vantor AI has offices in Oslo and Bergen.",
     {("Vantor AI", "Oslo"), ("Vantor AI", "Bergen")}),
    # employer phrases
    ("In Vranje, the biggest employer is Simpo Metal.", {("Simpo Metal", "Vranje")}),
    ("In Pärnu, the largest employer is still the furniture maker Kelda Mööbel.", {("Kelda Mööbel", "Pärnu")}),
    ("Velora Systems is the top employer in Pärnu.", {("Velora Systems", "Pärnu")}),
    ("The lab's first paying customer is Kelda Paints, the largest private employer in Pärnu, which buys data.",
     {("Kelda Paints", "Pärnu")}),
    # an apposed subsidiary placed by "in"
    ("Kluane Data, a wholly owned subsidiary in Whitehorse, builds mapping tools.", {("Kluane Data", "Whitehorse")}),
    ("We operate through Velora Baltic, an affiliate in Riga.", {("Velora Baltic", "Riga")}),
    # speaker lines
    ("Jonah Whitford | Founder and CEO | Kestrel Edge Systems, Tartu", {("Kestrel Edge Systems", "Tartu")}),
    ("Speakers:\nMari Tamm | Professor of Computer Science | Emajõe Institute of Arctic Data, Pärnu\n"
     "Jaan Kask | CTO | Velora Systems, Narva",
     {("Emajõe Institute of Arctic Data", "Pärnu"), ("Velora Systems", "Narva")}),
    # home to, where founded
    ("Tartu is also home to the Emajõe Logistics Cooperative (ELC), a non-profit owned by shippers.",
     {("Emajõe Logistics Cooperative", "Tartu")}),
    ("Pärnu is now home to Velora Systems, Kestrel Sensing and the Emajõe Institute.",
     {("Velora Systems", "Pärnu"), ("Kestrel Sensing", "Pärnu"), ("Emajõe Institute", "Pärnu")}),
    ("Jaan Kask left the company in 2023 and moved to Pärnu, where he founded the irrigation start-up Velora Flow.",
     {("Velora Flow", "Pärnu")}),
    # still placed: a name after "in" with no plan before it
    ("The institute works with Kora Robotics in Riga.", {("Kora Robotics", "Riga")}),
]


@pytest.mark.parametrize("text,expected", PLACED)
def test_place_second_forms(ex, text, expected):
    assert expected <= located(ex, text)


NOT_PLACED = [
    # a place left
    ("Veltro Analytics was founded in London in 2015 and later moved to Berlin.", ("Veltro Analytics", "London")),
    ("Kestrel Sensing was set up in Tartu in 2019 and moved to Tallinn in 2022.", ("Kestrel Sensing", "Tartu")),
    # plans and modals
    ("The institute plans to set up Kora Robotics in Riga.", ("Kora Robotics", "Riga")),
    ("The ministry will open Kora Robotics in Riga next year.", ("Kora Robotics", "Riga")),
    ("Velora Systems intends to launch Kora Labs in Riga.", ("Kora Labs", "Riga")),
    # funders and backers of a fronted phrase
    ("With support from the Brightwater Foundation and Orrin Labs, Vantor AI opened a lab in Oslo.",
     ("Brightwater Foundation", "Oslo")),
    ("With support from the Brightwater Foundation and Orrin Labs, Vantor AI opened a lab in Oslo.",
     ("Orrin Labs", "Oslo")),
    ("Backed by Brightwater Foundation and Orrin Labs, Vantor AI has offices in Oslo and Bergen.",
     ("Orrin Labs", "Bergen")),
    # past or denied employer
    ("In Vranje, the biggest employer was once Simpo Metal.", ("Simpo Metal", "Vranje")),
    ("Simpo Metal is no longer the top employer in Vranje.", ("Simpo Metal", "Vranje")),
    # a past or denied home, a plan or a join in the "where" clause
    ("Pärnu was once home to Velora Systems.", ("Velora Systems", "Pärnu")),
    ("Pärnu is no longer home to Velora Systems.", ("Velora Systems", "Pärnu")),
    ("Mari Tamm moved to Tartu, where she plans to found Kestrel Sensing.", ("Kestrel Sensing", "Tartu")),
    ("Mari Tamm moved to Tartu, where she joined Kestrel Sensing.", ("Kestrel Sensing", "Tartu")),
    # a programme row, not a speaker line
    ("14:00 | Panel on ports | Velora Conference Centre, Tartu", ("Velora Conference Centre", "Tartu")),
]


@pytest.mark.parametrize("text,absent", NOT_PLACED)
def test_place_second_near_misses(ex, text, absent):
    assert absent not in located(ex, text)
