"""MEMBER_OF and PART_OF in the forms of consortium news and member pages (issue 14, second pass): a group welcoming
or adding members, names accepted into a group, a group growing "with the addition of" names, the coordinator of a
consortium, joint ventures stated with a copula or "between", label lines of participating institutions, and a
heading whose group word is a preposition's object ("Cloud providers used by participants") opening no members list.

Every sentence is invented and runs through the real spaCy pipeline; each form has near-misses that must not fire.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def of_type(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(src, tgt) for t, src, tgt in relations_in(ex, text) if t == kind}


# ---------------------------------------------------------------- a group welcomes or adds (relation_member_news.py)
@pytest.mark.parametrize("text, group, members", [
    ("The Baltic AI Consortium welcomed Lumora Labs, a Riga start-up, in March.", "Baltic AI Consortium",
     {"Lumora Labs"}),
    ("The Herzegovina AI Cluster welcomes Stari Most Labs, the Konjic firm Igman Drones and the Ljubuški Technical "
     "School as members.", "Herzegovina AI Cluster", {"Stari Most Labs", "Igman Drones", "Ljubuški Technical School"}),
    ("The Orrin Data Alliance has added the Tartu robot maker Kestrel Robotics and Harwick University.",
     "Orrin Data Alliance", {"Kestrel Robotics", "Harwick University"}),
    ("The Baltic AI Consortium welcomed Kestrel Robotics to its ranks.", "Baltic AI Consortium", {"Kestrel Robotics"}),
    ("The Baltic AI Consortium welcomed Kestrel Robotics as its newest member on Monday.", "Baltic AI Consortium",
     {"Kestrel Robotics"}),
])
def test_group_welcomes(ex, text, group, members):
    got = {src for src, tgt in of_type(ex, text, "MEMBER_OF") if tgt == group}
    assert members <= got


@pytest.mark.parametrize("text", [
    "The Baltic AI Consortium welcomed the decision by Kestrel Robotics to open a lab.",
    "The Baltic AI Consortium welcomed Kestrel Robotics to the summit in Riga.",
    "The Nordic Research Council welcomed the Kestrel Robotics announcement.",
    "The Orrin Data Alliance added Kestrel Robotics as a sponsor.",
    "The Baltic AI Consortium welcomed Lumora Labs as a customer.",
])
def test_welcome_near_misses(ex, text):
    assert not of_type(ex, text, "MEMBER_OF")


# ---------------------------------------------------------------- accepted into, the addition of, led by
@pytest.mark.parametrize("text, group, members", [
    ("Kestrel Robotics has been accepted into the Baltic AI Consortium.", "Baltic AI Consortium",
     {"Kestrel Robotics"}),
    ("Lumora Labs and Kestrel Robotics were inducted into the Nordic Data Network this week.", "Nordic Data Network",
     {"Lumora Labs", "Kestrel Robotics"}),
    ("The Orrin Data Alliance grew to 14 members with the addition of Sarvik Labs and Brenna Systems.",
     "Orrin Data Alliance", {"Sarvik Labs", "Brenna Systems"}),
    ("With the addition of Sarvik Labs, the Orrin Data Alliance now has 15 members.", "Orrin Data Alliance",
     {"Sarvik Labs"}),
    ("The Nordic Speech Consortium, led by Harwick University, includes Kestrel Robotics and Lumora Labs.",
     "Nordic Speech Consortium", {"Harwick University", "Kestrel Robotics", "Lumora Labs"}),
    ("The Nordic Speech Consortium is coordinated by Harwick University and the Tarsk Institute of Technology.",
     "Nordic Speech Consortium", {"Harwick University", "Tarsk Institute of Technology"}),
    ("The Baltic AI Consortium is made up of Kestrel Robotics, Harwick University and Lumora Labs.",
     "Baltic AI Consortium", {"Kestrel Robotics", "Harwick University", "Lumora Labs"}),
    ("Kestrel Robotics signed up to the Baltic AI Consortium in May.", "Baltic AI Consortium", {"Kestrel Robotics"}),
    ("Kestrel Robotics and Lumora Labs hold membership in the Nordic Data Network.", "Nordic Data Network",
     {"Kestrel Robotics", "Lumora Labs"}),
    ("Kestrel Robotics is among 12 organisations in the Baltic AI Consortium.", "Baltic AI Consortium",
     {"Kestrel Robotics"}),
    ("Kestrel Robotics and Lumora Labs are among the nine firms in the Nordic Data Network.", "Nordic Data Network",
     {"Kestrel Robotics", "Lumora Labs"}),
    ("Lumora Labs is one of 40 companies in the Baltic AI Consortium.", "Baltic AI Consortium", {"Lumora Labs"}),
])
def test_accepted_added_led(ex, text, group, members):
    got = {src for src, tgt in of_type(ex, text, "MEMBER_OF") if tgt == group}
    assert members <= got


@pytest.mark.parametrize("text", [
    "Kestrel Robotics has not been accepted into the Baltic AI Consortium.",
    "Kestrel Robotics was accepted into the Baltic Launch Week exhibition.",
    "The addition of Sarvik Labs to its supplier list pleased the Kestrel Robotics board.",
    "The Harwick University study, led by Lumora Labs, was published in May.",
    "Kestrel Robotics has not signed up to the Baltic AI Consortium.",
    "Kestrel Robotics signed up to the Baltic Launch Week exhibition.",
    "The Kestrel Robotics board is made up of Lumora Labs and Sarvik Labs executives.",
    "Kestrel Robotics, Lumora Labs and Sarvik Labs are among the companies in Riga.",
    "Lumora Labs is one of the largest companies in Riga.",
])
def test_accepted_added_led_near_misses(ex, text):
    assert not of_type(ex, text, "MEMBER_OF")


# ---------------------------------------------------------------- joint ventures (relation_units.py)
@pytest.mark.parametrize("text, unit, parents", [
    ("Orrin Vision is a joint venture of Kestrel Robotics and Lumora Labs.", "Orrin Vision",
     {"Kestrel Robotics", "Lumora Labs"}),
    ("Orrin Vision, a joint venture between Kestrel Robotics and Lumora Labs, makes drones.", "Orrin Vision",
     {"Kestrel Robotics", "Lumora Labs"}),
])
def test_joint_venture_parents(ex, text, unit, parents):
    assert {tgt for src, tgt in of_type(ex, text, "PART_OF") if src == unit} == parents
    assert ("Kestrel Robotics", "Lumora Labs") in of_type(ex, text, "PARTNERS_WITH")


def test_joint_venture_not_a_comparison(ex):
    text = "Orrin Vision is a rival of the joint venture between Kestrel Robotics and Lumora Labs."
    assert not {tgt for src, tgt in of_type(ex, text, "PART_OF") if src == "Orrin Vision"}


# ---------------------------------------------------------------- member pages (relation_membership.py, context.py)
PAGE = "Orrin Data Alliance\nThe Orrin Data Alliance is a consortium of companies and universities in Estonia.\n"


def test_participating_institutions_label(ex):
    text = PAGE + "Participating institutions: Harwick University, the Tarsk Institute of Technology and Lumora Labs."
    got = {src for src, tgt in of_type(ex, text, "MEMBER_OF") if tgt == "Orrin Data Alliance"}
    assert {"Harwick University", "Tarsk Institute of Technology", "Lumora Labs"} <= got


def test_tier_headings(ex):
    text = PAGE + ("\nFounding members\n\n- Kestrel Robotics\n- Harwick University\n\nAssociate members\n\n"
                   "- Sarvik Labs\n- Brenna Systems\n")
    got = {src for src, tgt in of_type(ex, text, "MEMBER_OF") if tgt == "Orrin Data Alliance"}
    assert {"Kestrel Robotics", "Harwick University", "Sarvik Labs", "Brenna Systems"} <= got


def test_heading_with_group_word_after_preposition_opens_nothing(ex):
    text = PAGE + ("\nMembers\n\n- Kestrel Robotics\n- Harwick University\n\nCloud providers used by participants\n\n"
                   "- Norrvik Cloud Services\n- Sarvik Compute Ltd\n\nContact: info@orrin.example\n")
    got = {src for src, tgt in of_type(ex, text, "MEMBER_OF")}
    assert {"Kestrel Robotics", "Harwick University"} <= got
    assert "Sarvik Compute Ltd" not in got and "Norrvik Cloud Services" not in got


def test_joined_after_a_round_is_no_membership(ex):
    text = ("Altyn Dala Ventures\nAltyn Dala Ventures led the $3 million seed round of Jelbas Labs. Esil Ventures and "
            "the Tashkent firm Registan Capital joined. Altyn Dala Ventures is based in Almaty.")
    assert not of_type(ex, text, "MEMBER_OF")
