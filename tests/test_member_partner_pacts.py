"""MEMBER_OF and PARTNERS_WITH in published forms (issue 14, wave 17), through the real spaCy pipeline.

Forms learned from published pages (OpenAI NextGenAI consortium news: "X is a founding partner of the consortium,
alongside A, B, ..."; AI Alliance launch coverage: "Meta, IBM and ServiceNow are among the organisations that will form
the newly launched AI Alliance", "Joining IBM and Meta in the AI Alliance are ..."; University of Limerick / Intel and
MBZUAI / Virgin Hyperloop MoU releases: "A, the world's first ..., and B, the California-based ..., have signed a
Memorandum of Understanding"; company encyclopedia entries: "X is a member of A (AA), a regional technology district,
and of the European trade association B"); every name is invented (relation_member_groups.py, relation_partner_pacts.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def member(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "MEMBER_OF")


def partners(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "PARTNERS_WITH")


# ---------------------------------------------------------------- the second group of a membership
@pytest.mark.parametrize("text, org, group", [
    ("Kestrel Robotics is a member of the Orrin Vision Network, an association of about thirty imaging firms, and of "
     "the European trade association Tarn Robotics Europe.", "Kestrel Robotics", "Tarn Robotics Europe"),
    ("Brakeley Analytics is a member of the Valdor Robotics Cluster (VRC), a regional technology district, and of the "
     "trade body Quillon AI Association.", "Brakeley Analytics", "Quillon AI Association"),
    ("Lumora Labs is a member of the Kestrel Data Alliance (KDA) and, since 2024, of the Orrin Energy Council.",
     "Lumora Labs", "Orrin Energy Council"),
    ("Kestrel Vision is a member of the Orrin Vision Network, an association of about forty imaging firms, and one of "
     "the companies taking part in the Tarn Transfer Programme, a scheme run by the Tarn Ministry of Economics.",
     "Kestrel Vision", "Tarn Transfer Programme"),
])
def test_second_group(ex, text, org, group):
    got = member(ex, text)
    assert (org, group) in got
    assert any(o == org and g != group for o, g in got)  # the first group stays


@pytest.mark.parametrize("text, org, other", [
    # a customer relation after "and" is no second membership
    ("Marala Analytics is a member of the Orrin Software Export Association and a customer of Tarn Cloud Services.",
     "Marala Analytics", "Tarn Cloud Services"),
    ("Lumora Labs is a member of the Kestrel Data Alliance, and of its board Brakeley Analytics says little.",
     "Lumora Labs", "Brakeley Analytics"),
])
def test_second_group_near_misses(ex, text, org, other):
    assert (org, other) not in member(ex, text)


# ---------------------------------------------------------------- fronted lists and "Joining A in P are ..."
@pytest.mark.parametrize("text, group, orgs", [
    ("Lumora Labs, Brakeley Analytics and Quillon Systems are among the organisations that form the new Kestrel Data "
     "Alliance.", "Kestrel Data Alliance", ["Lumora Labs", "Brakeley Analytics", "Quillon Systems"]),
    ("Lumora Labs and Brakeley Analytics are among the companies that will form the Kestrel Data Alliance.",
     "Kestrel Data Alliance", ["Lumora Labs", "Brakeley Analytics"]),
    ("Joining Lumora Labs in the Kestrel Data Alliance are Brakeley Analytics, Quillon Systems and Tarn University.",
     "Kestrel Data Alliance", ["Brakeley Analytics", "Quillon Systems", "Tarn University"]),
    ("Among the Kestrel Data Alliance's signatories are also Lumora Labs and the Vellmar company Brakeley Analytics.",
     "Kestrel Data Alliance", ["Lumora Labs", "Brakeley Analytics"]),
])
def test_listed_members(ex, text, group, orgs):
    got = member(ex, text)
    for o in orgs:
        assert (o, group) in got


@pytest.mark.parametrize("text", [
    "Lumora Labs and Brakeley Analytics are among the companies that buy from the Kestrel Data Alliance.",
    "Among the Kestrel Data Alliance's customers are Lumora Labs and Brakeley Analytics.",
])
def test_among_near_misses(ex, text):
    # customers of a group are no members of it
    assert ("Lumora Labs", "Kestrel Data Alliance") not in member(ex, text)


# ---------------------------------------------------------------- co-members are no groups
@pytest.mark.parametrize("text, org, group, others", [
    ("Lumora Labs is a founding member of the Kestrel Data Alliance, alongside Brakeley Analytics, Quillon Systems and "
     "Tarn University.", "Lumora Labs", "Kestrel Data Alliance", ["Brakeley Analytics", "Quillon Systems",
                                                                  "Tarn University"]),
    ("Lumora Labs is a member of the Kestrel Data Alliance alongside Brakeley Analytics and Quillon Systems.",
     "Lumora Labs", "Kestrel Data Alliance", ["Brakeley Analytics", "Quillon Systems"]),
])
def test_co_members(ex, text, org, group, others):
    got = member(ex, text)
    assert (org, group) in got
    for o in others:
        assert (o, group) in got
        assert (org, o) not in got


# ---------------------------------------------------------------- pacts of two described parties
@pytest.mark.parametrize("text, a, b", [
    ("Tarn University, the country's oldest university, and Kestrel Robotics, the Oslo-based robot maker, have signed "
     "a memorandum of understanding.", "Tarn University", "Kestrel Robotics"),
    ("Tarn University, a public research university, and Kestrel Robotics signed a cooperation agreement on Monday.",
     "Tarn University", "Kestrel Robotics"),
    ("Orrin Institute of Technology, the region's largest research centre, and Brakeley Analytics, a Bergen start-up, "
     "have entered into a strategic partnership.", "Orrin Institute of Technology", "Brakeley Analytics"),
])
def test_pact_appositions(ex, text, a, b):
    assert (a, b) in partners(ex, text)


def test_pact_near_miss(ex):
    got = partners(ex, "Tarn University, the country's oldest university, and Kestrel Robotics, the Oslo-based robot "
                       "maker, both hired new staff this year.")
    assert ("Tarn University", "Kestrel Robotics") not in got


# ---------------------------------------------------------------- "together with", "with B as partner", "join B in"
@pytest.mark.parametrize("text, a, b", [
    ("Kestrel Robotics, together with Tarn University, will develop a harvesting robot.", "Kestrel Robotics",
     "Tarn University"),
    ("Kestrel Robotics, together with Tarn University, has built a harvesting robot.", "Kestrel Robotics",
     "Tarn University"),
    ("Kestrel Robotics runs the lab together with Tarn University.", "Kestrel Robotics", "Tarn University"),
    ("Kestrel Robotics developed the robot with Tarn University as technology partner.", "Kestrel Robotics",
     "Tarn University"),
    ("• Kestrel Aquaculture, with the Halifax start-up Brakeley Analytics as technology partner: disease detection in "
     "salmon pens", "Kestrel Aquaculture", "Brakeley Analytics"),
    ("Kestrel Robotics will join Tarn University in a three-year research partnership.", "Kestrel Robotics",
     "Tarn University"),
    ("Kendala Robotics has a joint research project with Tarn University on haulage, and a distribution agreement with "
     "Vellmar Machinery for Mongolia.", "Kendala Robotics", "Vellmar Machinery"),
    ("Kestrel Robotics has a research partnership with Tarn University and a licensing agreement with Brakeley "
     "Analytics.", "Kestrel Robotics", "Brakeley Analytics"),
    ("Orrin Labs used its allocation to train a speech model with the Vellmar lab Wollo Language AI.", "Orrin Labs",
     "Wollo Language AI"),
    ("Brakeley Wines used its grant to build a frost-prediction model with Tarn University.", "Brakeley Wines",
     "Tarn University"),
])
def test_joint_work(ex, text, a, b):
    assert (a, b) in partners(ex, text)


@pytest.mark.parametrize("text, a, b", [
    ("Kestrel Robotics, together with Brakeley Analytics, won the national innovation award.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Kestrel Robotics, together with Brakeley Analytics, is among the largest employers in the region.",
     "Kestrel Robotics", "Brakeley Analytics"),
    ("Kestrel Robotics, along with Brakeley Analytics, sells harvesting robots.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Kestrel Robotics developed the robot with Brakeley Analytics as a customer.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Kestrel Robotics sells robots to Tarn University and Brakeley Analytics.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Unlike Kestrel Robotics, Brakeley Analytics builds its own chips.", "Kestrel Robotics", "Brakeley Analytics"),
    ("Kestrel Robotics and Brakeley Analytics both build harvesting robots.", "Kestrel Robotics", "Brakeley Analytics"),
    ("Speakers at the summit included Kestrel Robotics, Brakeley Analytics and Tarn University.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Kestrel Robotics ended its partnership with Brakeley Analytics in 2022.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Kestrel Robotics used its grant to build a prototype with funding from Brakeley Analytics.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Kestrel Robotics used its grant to build a model with Brakeley Analytics's data.", "Kestrel Robotics",
     "Brakeley Analytics"),
    ("Kestrel Robotics plans to compete with Brakeley Analytics.", "Kestrel Robotics", "Brakeley Analytics"),
])
def test_joint_work_near_misses(ex, text, a, b):
    assert (a, b) not in partners(ex, text)


def test_join_in_partnership_is_no_membership(ex):
    got = member(ex, "Kestrel Robotics will join Tarn University in a three-year research partnership.")
    assert ("Kestrel Robotics", "Tarn University") not in got
