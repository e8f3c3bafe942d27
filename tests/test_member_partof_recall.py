"""Recall of PART_OF and MEMBER_OF in two forms of published text (issue 14), with near-misses that give nothing.

Forms: a joint unit whose parents are named before it and referred back to ("A and the bank B opened U, a joint
centre of the two institutions" -> PART_OF(U, A), PART_OF(U, B)); present-tense cohort membership ("X is also in
the current cohort of P", "X and Y are in this year's intake of P" -> MEMBER_OF). Every sentence is invented and
runs through the real pipeline.
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


@pytest.mark.parametrize("text, unit, parents", [
    ("Harwick University and the bank Solent Trust opened the Fenwick Centre for Risk AI, a joint centre of the two "
     "institutions that will study credit models.", "Fenwick Centre for Risk AI", ("Harwick University", "Solent Trust")),
    ("In 2022 the Tallinn Maritime Institute and the Finnish port authority Vuosaari Ports set up the Baltic Harbour "
     "Data Lab, a joint lab of the two organisations located in Tallinn.", "Baltic Harbour Data Lab",
     ("Tallinn Maritime Institute", "Vuosaari Ports")),
    ("Orrin Robotics and Pellan Systems jointly run the Kestrel Vision Centre (KVC), a joint centre of both companies "
     "on the Orrin campus.", "Kestrel Vision Centre", ("Orrin Robotics", "Pellan Systems")),
])
def test_joint_unit_of_the_two(ex, text, unit, parents):
    assert of_type(ex, text, "PART_OF") == {("PART_OF", unit, p) for p in parents}
    assert ("PARTNERS_WITH", parents[0], parents[1]) in relations_in(ex, text)


@pytest.mark.parametrize("text", [
    # the count does not fit the names before the unit
    "Harwick University and the bank Solent Trust opened the Fenwick Centre for Risk AI, a joint centre of the three "
    "institutions.",
    "Harwick University, Solent Trust and Orbis Bank opened the Fenwick Centre for Risk AI, a joint centre of the two "
    "institutions.",
    # no list of makers opens the clause
    "The Fenwick Centre for Risk AI, a joint centre of the two institutions, opened in March.",
    # a centre of something else
    "Harwick University and the bank Solent Trust funded the Fenwick Centre for Risk AI, a research centre of the city.",
])
def test_joint_unit_of_the_two_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


@pytest.mark.parametrize("text, members, group", [
    ("Orvalis Robotics is also in the current cohort of the Brightwater AI Accelerator, which the city runs.",
     ("Orvalis Robotics",), "Brightwater AI Accelerator"),
    ("Quellan Robotics and Tavi Health are also in this year's intake of the Fenmark AI accelerator.",
     ("Quellan Robotics", "Tavi Health"), "Fenmark AI"),
    ("Tarnvale Robotics is in the Brightwater AI Accelerator's new cohort.", ("Tarnvale Robotics",),
     "Brightwater AI Accelerator"),
    ("Tarnvale Robotics is among the eight start-ups in the Brightwater AI Accelerator's new cohort.",
     ("Tarnvale Robotics",), "Brightwater AI Accelerator"),
])
def test_in_current_cohort(ex, text, members, group):
    assert of_type(ex, text, "MEMBER_OF") == {("MEMBER_OF", m, group) for m in members}


@pytest.mark.parametrize("text", [
    "Orvalis Robotics applied for a place in the current cohort of the Brightwater AI Accelerator.",
    "Orvalis Robotics is in talks with the current cohort of the Brightwater AI Accelerator.",
    "Tarnvale Robotics invested in the Brightwater AI Accelerator's new cohort.",
    "Tarnvale Robotics is among the mentors for the Brightwater AI Accelerator's new cohort.",
])
def test_in_current_cohort_near_misses(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == set()


@pytest.mark.parametrize("text, lab, parent", [
    ("Orbis Robotics funds the Marine Perception Laboratory at the Harwick University of Technology under a five-year "
     "agreement.", "Marine Perception Laboratory", "Harwick University of Technology"),
    ("The Tessel Robotics Lab at Calder College builds farm robots.", "Tessel Robotics Lab", "Calder College"),
])
def test_named_lab_at_university(ex, text, lab, parent):
    assert of_type(ex, text, "PART_OF") == {("PART_OF", lab, parent)}


@pytest.mark.parametrize("text", [
    "The Marine Perception Laboratory at Harwick University's campus hosts a summer school.",  # a site of the campus
    "Orbis Robotics opened the Marine Perception Laboratory at the Solent Science Park.",  # a place, no university
    "The Marine Perception Laboratory at Orbis Robotics builds sensors.",  # a company's lab: not read here
])
def test_named_lab_at_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


@pytest.mark.parametrize("text, unit, parent", [
    ("Kestrel Telecom's AI lab, Kestrel Cloud Labs, sells GPU time.", "Kestrel Cloud Labs", "Kestrel Telecom"),
    ("Kestrel Telecom's robotics lab, Kestrel Cloud Labs, sells GPU time.", "Kestrel Cloud Labs", "Kestrel Telecom"),
])
def test_possessor_lab_apposition(ex, text, unit, parent):
    assert of_type(ex, text, "PART_OF") == {("PART_OF", unit, parent)}


@pytest.mark.parametrize("text", [
    "Orbis Robotics, Kestrel Telecom's lab partner, sells GPU time.",  # "lab" only modifies "partner"
    "Orbis Robotics rents space in Kestrel Telecom's lab.",
    "Orbis Robotics uses Kestrel Telecom's lab for testing.",
    "Kestrel Telecom's AI lab, in Leeds since 2020, sells GPU time.",
])
def test_possessor_lab_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


def test_possessive_unit_still_part_of(ex):
    text = "Calder University's Harwick Institute for Ocean AI opened in 2020."
    assert of_type(ex, text, "PART_OF") == {("PART_OF", "Harwick Institute for Ocean AI", "Calder University")}


@pytest.mark.parametrize("text", [
    "The lab opened in 2020 on Calder University's Orbis Innovation campus.",  # a named site of the owner
    "The lab opened in 2020 on Calder University's Kestrel Technologies site.",
])
def test_possessive_site_is_no_unit(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


@pytest.mark.parametrize("text, unit, parent", [
    ("Calder University has opened the Harwick Laboratory for Soil AI, a research unit of the university that will "
     "use drone imagery to map farms.", "Harwick Laboratory for Soil AI", "Calder University"),
    ("The Ostrava Institute of Technology has set up the Harwick Centre for Soil AI, an interdisciplinary centre of the "
     "institute that works with farmers.", "Harwick Centre for Soil AI", "Ostrava Institute of Technology"),
])
def test_unit_of_the_kind(ex, text, unit, parent):
    assert of_type(ex, text, "PART_OF") == {("PART_OF", unit, parent)}


@pytest.mark.parametrize("text", [
    # no organisation of that kind named before the unit
    "Orbis Robotics funds the Harwick Laboratory for Soil AI, a unit of the university that will map farms.",
    # no unit noun
    "Calder University funds the Harwick Laboratory for Soil AI, a rival of the university's own lab.",
])
def test_unit_of_the_kind_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


@pytest.mark.parametrize("text", [
    "Among the North Sea Robotics Network's members are the Bergen Ocean Data Centre and the Dee Institute for Marine "
    "Computing.",
    "Orvalis Robotics is a member of the North Sea Robotics Network. Among the network's other members are the Bergen "
    "Ocean Data Centre and the Dee Institute for Marine Computing.",
])
def test_among_named_group_members(ex, text):
    got = of_type(ex, text, "MEMBER_OF")
    assert {("MEMBER_OF", "Bergen Ocean Data Centre", "North Sea Robotics Network"),
            ("MEMBER_OF", "Dee Institute for Marine Computing", "North Sea Robotics Network")} <= got


@pytest.mark.parametrize("text", [
    "Among the North Sea Robotics Network's former members are Calder College and Orvalis Robotics.",
    "Among the North Sea Robotics Network's customers are Calder College and Orvalis Robotics.",
])
def test_among_named_group_near_misses(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == set()
