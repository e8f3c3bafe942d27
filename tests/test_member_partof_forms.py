"""MEMBER_OF and PART_OF in published forms (issue 14), each with near-misses that must give nothing.

Every sentence is invented (names, word order, genre) and runs through the real spaCy pipeline. Ties are current:
an alumnus of an accelerator, or a firm that hires from a cohort, is no member.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def of_type(ex, text: str, kind: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == kind}


# ---------------------------------------------------------------- past cohorts and hiring are no membership
@pytest.mark.parametrize("text", [
    "Kestrel Labs is an alumnus of the Orrin Accelerator.",
    "Kestrel Labs, a graduate of the Orrin Accelerator, raised $2 million last spring.",
    "Kestrel Labs and Pellan Robotics are alumni of the Orrin Accelerator.",
    "Pellan Robotics hired engineers from the current cohort of the Orrin Accelerator.",
    "Pellan Robotics recruited two mentors for the spring cohort of the Orrin Accelerator.",
])
def test_alumni_and_hiring_are_no_members(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == set()


@pytest.mark.parametrize("text", [
    "Pellan Robotics is in the current cohort of the Orrin Accelerator.",
    "Pellan Robotics was accepted into the next cohort of the Orrin Accelerator.",
])
def test_current_cohort_still_members(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == {("MEMBER_OF", "Pellan Robotics", "Orrin Accelerator")}


# ---------------------------------------------------------------- "U, a research institute of Y" (relation_unit_nouns.py)
@pytest.mark.parametrize("text, unit, parent", [
    ("Hosted by the Kelso Computing Institute (KCI), a research institute of the University of Tarnwick, in "
     "partnership with the Tarnwick Chamber of Crafts.", "Kelso Computing Institute", "University of Tarnwick"),
    ("Pellan signed a data agreement with KIRL, the research institute of Orrin Energy.", "KIRL", "Orrin Energy"),
    ("The memorandum was signed between Gbeka Vision and the Centre for Applied Vision (CAV), the applied-AI centre "
     "of the Harwick University of Technology.", "Centre for Applied Vision", "Harwick University of Technology"),
    ("The Faculty of Marine Informatics, one of Harwick University's five faculties, negotiated the deal.",
     "Faculty of Marine Informatics", "Harwick University"),
    ("The Orrin Institute of Soil Science is one of the six institutes of the Tallinn Academy of Sciences.",
     "Orrin Institute of Soil Science", "Tallinn Academy of Sciences"),
])
def test_unit_noun_of_parent(ex, text, unit, parent):
    assert ("PART_OF", unit, parent) in of_type(ex, text, "PART_OF")


def test_unit_apposition_is_said_of_the_name_before_it(ex):
    text = ("Gbeka Vision SA, a maker of graders, today announced a memorandum between Gbeka Vision and the Centre "
            "for Applied Vision (CAV), the applied-AI centre of the Harwick University of Technology.")
    parts = of_type(ex, text, "PART_OF")
    assert not any(src.startswith("Gbeka") for _, src, _ in parts)


@pytest.mark.parametrize("text", [
    "Kestrel Labs, a partner institute of Harwick University, hosts the workshop.",
    "Kestrel Labs, the former research arm of Orrin Energy, was sold in 2022.",
    "Kestrel Labs, a centre of excellence in Tarnwick, trains engineers.",
    "Kestrel Labs, one of Orrin Energy's five suppliers, builds sensors.",
    "Kestrel Labs, the largest AI institute of Montreal and the Orrin Institute, trains engineers.",
])
def test_unit_noun_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


# ---------------------------------------------------------------- possessive pronoun before a unit
@pytest.mark.parametrize("text, unit, parent", [
    ('Kestrel Holdings, Inc. (together with its subsidiaries, "Kestrel," the "Company," "we" or "our") mines gold. '
     "We conduct our Australian operations through our wholly owned subsidiary, Kestrel Mining Pty Ltd, which "
     "employs 40 people.", "Kestrel Mining Pty Ltd", "Kestrel Holdings, Inc"),
    ("The Universidad Autónoma de Pellán (UAP) trains about 300 engineers a year; its Facultad de Informática has a "
     "research agreement with Orrin Robotics.", "Facultad de Informática", "Universidad Autónoma de Pellán"),
    ("The programme is operated by the Universidad Nacional de Tarma (UNT) through its Instituto de Agroinformática.",
     "Instituto de Agroinformática", "Universidad Nacional de Tarma"),
])
def test_possessive_pronoun_unit(ex, text, unit, parent):
    assert ("PART_OF", unit, parent) in of_type(ex, text, "PART_OF")


@pytest.mark.parametrize("text", [
    "Orrin Robotics works with its partner Kestrel Labs on sensors.",
    "Harwick University said its former subsidiary Kestrel Labs was sold in 2021.",
    "Orrin Robotics sells sensors to its customer Tarnwick Institute of Technology.",
])
def test_possessive_pronoun_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


# ---------------------------------------------------------------- membership: collectives, second "of", "alongside"
@pytest.mark.parametrize("text, members, group", [
    ("Tunari Labs is part of the Bolivian Network of Technology Startups.", ["Tunari Labs"],
     "Bolivian Network of Technology Startups"),
    ("Kestrel Labs and Orrin Robotics are part of the Red de Emprendimiento Sierra Centro.",
     ["Kestrel Labs", "Orrin Robotics"], "Red de Emprendimiento Sierra Centro"),
    ("Murihiku Ventures is a member of the Tasman Angel Association and, since June, of the Pacific Rural Investors "
     "Network.", ["Murihiku Ventures"], "Pacific Rural Investors Network"),
    ("Last year Kestrel Labs joined the Andean Climate Tech Alliance as a founding member alongside the Peruvian firm "
     "Orrin Robotics.", ["Kestrel Labs", "Orrin Robotics"], "Andean Climate Tech Alliance"),
])
def test_membership_forms(ex, text, members, group):
    got = of_type(ex, text, "MEMBER_OF")
    for m in members:
        assert ("MEMBER_OF", m, group) in got
    assert not any(r[2] == group for r in of_type(ex, text, "PART_OF"))


@pytest.mark.parametrize("text", [
    "Tunari Labs is part of the Bolivian Institute of Technology.",
    "Kestrel Labs joined the Andean Climate Tech Alliance as a founding member alongside its chief executive Ana Ruiz.",
])
def test_membership_near_misses(ex, text):
    assert not any(r[1] != "Kestrel Labs" for r in of_type(ex, text, "MEMBER_OF"))
    assert not any(r[1] == "Tunari Labs" for r in of_type(ex, text, "MEMBER_OF"))


def test_apposition_board_is_not_the_subjects(ex):
    text = ("The Tarn Compute Commons (TCC) is a programme that gives start-ups access to GPU clusters. It was launched "
            "in 2026 by the National Office for Applied Computing (NOAC), a statutory board under the Ministry of "
            "Digital Trade.")
    parts = of_type(ex, text, "PART_OF")
    assert ("PART_OF", "National Office for Applied Computing", "Ministry of Digital Trade") in parts
    assert not any(src.startswith("Tarn") for _, src, _ in parts)


def test_founding_member_who_left_is_no_member(ex):
    text = ("Orrin Data Alliance\n\nThe Orrin Data Alliance is a network of maritime firms in Tarnwick. Its members "
            "include Kestrel Labs.\n\nPellan Robotics was a founding member but left the alliance in 2024.")
    assert not any(r[1] == "Pellan Robotics" for r in of_type(ex, text, "MEMBER_OF"))


def test_member_of_the_page_still_found(ex):
    text = ("Orrin Data Alliance\n\nThe Orrin Data Alliance is a network of maritime firms in Tarnwick. Its members "
            "include Kestrel Labs.\n\nPellan Robotics is also a member.")
    assert ("MEMBER_OF", "Pellan Robotics", "Orrin Data Alliance") in of_type(ex, text, "MEMBER_OF")


# ---------------------------------------------------------------- "Y (ACR), whose School of X"; "A and B formed U, a joint venture"
def test_whose_unit_after_acronym(ex):
    text = ("The scheme is run with the Universidad Austral de Pellán (UAP), whose School of Marine Computing provides "
            "mentors, and with the operator Tarn Telecom.")
    assert ("PART_OF", "School of Marine Computing", "Universidad Austral de Pellán") in of_type(ex, text, "PART_OF")


def test_joint_venture_formed_by_a_list(ex):
    text = "Orrin Analytics and the bank Solent Trust formed Tarn Data Services, a joint venture that hosts records."
    parts = of_type(ex, text, "PART_OF")
    assert parts == {("PART_OF", "Tarn Data Services", "Orrin Analytics"), ("PART_OF", "Tarn Data Services", "Solent Trust")}


@pytest.mark.parametrize("text", [
    "Orrin Analytics and the bank Solent Trust formed Tarn Data Services, a company that hosts records.",
    "Orrin Analytics and the bank Solent Trust praised Tarn Data Services, a joint venture that hosts records.",
])
def test_joint_venture_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


# ---------------------------------------------------------------- membership pages: the page's organisation is the member
@pytest.mark.parametrize("text", [
    "Tarnwick State University is a full member of these associations:\n- Eurasian Universities Network\n"
    "- Caspian Rectors Association\n",
    "Tarnwick State University\n\nTarnwick State University is a public university in Tarnwick.\n\nMemberships\n"
    "- Eurasian Universities Network\n- Caspian Rectors Association\n",
])
def test_member_of_these_associations(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == {
        ("MEMBER_OF", "Tarnwick State University", "Eurasian Universities Network"),
        ("MEMBER_OF", "Tarnwick State University", "Caspian Rectors Association")}


def test_members_of_the_following_is_no_membership_of_the_page(ex):
    text = ("Tarnwick State University\n\nMembers of the following associations signed the appeal:\n"
            "- Eurasian Universities Network\n- Caspian Rectors Association\n")
    assert not any(r[1] == "Tarnwick State University" for r in of_type(ex, text, "MEMBER_OF"))


@pytest.mark.parametrize("text, expected", [
    ("The Orrin Data Alliance is a network of maritime firms founded in 2024. Among its signatories are Kestrel Labs "
     "and Pellan Robotics.", {("MEMBER_OF", "Kestrel Labs", "Orrin Data Alliance"),
                              ("MEMBER_OF", "Pellan Robotics", "Orrin Data Alliance")}),
    ("The Orrin Data Alliance is a network of maritime firms founded in 2024. Among its former members are Kestrel "
     "Labs and Pellan Robotics.", set()),
    ("Orrin Robotics sells sensors to ports. Among its customers are Kestrel Labs and Pellan Robotics.", set()),
])
def test_among_its_group(ex, text, expected):
    assert of_type(ex, text, "MEMBER_OF") == expected


@pytest.mark.parametrize("text, kind", [
    ("Kestrel Labs is no longer a member of the Orrin Data Alliance.", "MEMBER_OF"),
    ("Kestrel Labs is no longer part of Orrin Energy.", "PART_OF"),
])
def test_no_longer_ends_the_tie(ex, text, kind):
    assert of_type(ex, text, kind) == set()


def test_longer_elsewhere_denies_nothing(ex):
    text = "Kestrel Labs has worked with Orrin Energy for longer than a decade."
    assert ("PARTNERS_WITH", "Kestrel Labs", "Orrin Energy") in relations_in(ex, text)


@pytest.mark.parametrize("text, expected", [
    ("The Tarn Institute of Soil Science is attached to the Ministry of Agriculture.",
     {("PART_OF", "Tarn Institute of Soil Science", "Ministry of Agriculture")}),
    ("The Tarn Institute of Soil Science, an autonomous body attached to the Ministry of Agriculture, studies peat.",
     {("PART_OF", "Tarn Institute of Soil Science", "Ministry of Agriculture")}),
    ("Kestrel Labs attached its sensors to the Orrin Energy turbines.", set()),
    ("Kestrel Labs attached a report from Orrin Energy to its filing.", set()),
])
def test_attached_to(ex, text, expected):
    assert of_type(ex, text, "PART_OF") == expected


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Labs joined the Orrin Data Alliance in March, followed by Pellan Robotics in May.",
     {("MEMBER_OF", "Kestrel Labs", "Orrin Data Alliance"), ("MEMBER_OF", "Pellan Robotics", "Orrin Data Alliance")}),
    ("Orrin Data Alliance\n\nThe Orrin Data Alliance is a network of maritime firms.\n\nThe Tarnwick start-up Kestrel "
     "Labs signed the membership charter in March, followed in June by Pellan Robotics.",
     {("MEMBER_OF", "Kestrel Labs", "Orrin Data Alliance"), ("MEMBER_OF", "Pellan Robotics", "Orrin Data Alliance")}),
    ("Kestrel Labs joined the Orrin Data Alliance in March, followed by a funding round led by Pellan Capital.",
     {("MEMBER_OF", "Kestrel Labs", "Orrin Data Alliance")}),
])
def test_followed_by_joins_too(ex, text, expected):
    assert of_type(ex, text, "MEMBER_OF") == expected


@pytest.mark.parametrize("text, expected", [
    ("The Kestrel Vision Lab is a research laboratory at Tarnwick State University.",
     {("PART_OF", "Kestrel Vision Lab", "Tarnwick State University")}),
    ("The Kestrel Vision Lab, a research laboratory at Tarnwick State University, builds drones.",
     {("PART_OF", "Kestrel Vision Lab", "Tarnwick State University")}),
    ("The Kestrel Vision Lab, a research laboratory at Orrin Energy, builds drones.", set()),
    ("The Kestrel Vision Lab, a research laboratory at Tarnwick State University's Riverside campus, builds drones.",
     set()),
    ("Kestrel Labs is a start-up at Tarnwick State University.", set()),
])
def test_unit_noun_at_a_university(ex, text, expected):
    assert of_type(ex, text, "PART_OF") == expected
