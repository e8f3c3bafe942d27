"""MEMBER_OF, PART_OF and RUNS in published forms (issue 14): role nouns of fact sheets, a parent's name before a unit
noun, "X-owned", the owner of "its" before a programme, and descriptions that name organisations in other languages.

Every sentence is invented (names, word order, genre) and runs through the real spaCy pipeline; each form has its
near-misses that must give nothing.
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


# ---------------------------------------------------------------- RUNS from a runner's role noun
@pytest.mark.parametrize("text, runner, programme", [
    ("The Halvorsen Institute is the implementing agency of the Fjordline Compute Voucher Programme.",
     "Halvorsen Institute", "Fjordline Compute Voucher Programme"),
    ("According to the ministry, Tarvik Digital Office serves as the secretariat for the Coastal Sensing Initiative.",
     "Tarvik Digital Office", "Coastal Sensing Initiative"),
    ("Ostrava Innovation Agency (OIA) acts as the managing body of the Moravian Data Skills Programme.",
     "Ostrava Innovation Agency", "Moravian Data Skills Programme"),
    ("The Kessel Foundation, the operator of the Brightwater Fellowship Programme, opened its call in May.",
     "Kessel Foundation", "Brightwater Fellowship Programme"),
    ("The lead agency for the Sahel Irrigation Data Programme is the Niamey Water Office.",
     "Niamey Water Office", "Sahel Irrigation Data Programme"),
    ("- The implementing agency of the Lakes Region Cloud Credits Scheme is Vesterhav Regional Council.",
     "Vesterhav Regional Council", "Lakes Region Cloud Credits Scheme"),
    ("The Andorin Seed Programme's fund manager is Calder Peak Partners.", "Calder Peak Partners",
     "Andorin Seed Programme"),
    ("The Boreal Skills Programme's operator, the Ivalo Training Institute, hired six mentors.",
     "Ivalo Training Institute", "Boreal Skills Programme"),
    ("Since 2024, the Pernik Regional Agency is in charge of the Struma Digital Farms Programme.",
     "Pernik Regional Agency", "Struma Digital Farms Programme"),
    ("The Pernik Regional Agency is responsible for running the Struma Digital Farms Programme.",
     "Pernik Regional Agency", "Struma Digital Farms Programme"),
])
def test_runner_role_nouns(ex, text, runner, programme):
    assert ("RUNS", runner, programme) in of_type(ex, text, "RUNS")


@pytest.mark.parametrize("text", [
    "The Halvorsen Institute is the lead investor of the Fjordline Compute Voucher Programme.",
    "The Halvorsen Institute is the delivery partner of the Fjordline Compute Voucher Programme.",
    "The Halvorsen Institute was formerly the operator of the Fjordline Compute Voucher Programme.",
    "The Halvorsen Institute is the former operator of the Fjordline Compute Voucher Programme.",
    "The Halvorsen Institute is responsible for funding the Fjordline Compute Voucher Programme.",
    "The Halvorsen Institute is responsible for the evaluation of the Fjordline Compute Voucher Programme.",
    "Ingrid Solberg is the programme manager of the Fjordline Compute Voucher Programme.",
])
def test_runner_role_near_misses(ex, text):
    assert of_type(ex, text, "RUNS") == set()


# ---------------------------------------------------------------- the owner of "its" before a programme
@pytest.mark.parametrize("text, runner, programme", [
    ("Tavira Robotics builds boats that the Algarve Maritime Agency (AMA) finances under its Blue Ports Fund.",
     "Algarve Maritime Agency", "Blue Ports Fund"),
    ("The trial is paid for by the regional council and by the Chilean innovation agency Corfo Sur under its Retos "
     "Digitales line.", "Corfo Sur", "Retos Digitales"),
])
def test_its_programme_owner(ex, text, runner, programme):
    got = of_type(ex, text, "RUNS")
    assert ("RUNS", runner, programme) in got
    assert {r for r in got if r[2] == programme} == {("RUNS", runner, programme)}


# ---------------------------------------------------------------- PART_OF: a parent's name before a unit noun
@pytest.mark.parametrize("text, unit, parent", [
    ("Skarvik Sensors is a Nordhavn Holdings subsidiary.", "Skarvik Sensors", "Nordhavn Holdings"),
    ("Skarvik Sensors, a Nordhavn Holdings subsidiary, makes buoys.", "Skarvik Sensors", "Nordhavn Holdings"),
    ("The Nordhavn Holdings subsidiary Skarvik Sensors makes buoys.", "Skarvik Sensors", "Nordhavn Holdings"),
    ("Lindqvist Ventures, the Kattegat Sparbank venture arm, led the round.", "Lindqvist Ventures", "Kattegat Sparbank"),
    ("Skarvik Sensors operates as a Nordhavn Holdings division.", "Skarvik Sensors", "Nordhavn Holdings"),
])
def test_name_before_unit_noun(ex, text, unit, parent):
    assert ("PART_OF", unit, parent) in of_type(ex, text, "PART_OF")


@pytest.mark.parametrize("text", [
    "Skarvik Sensors was a Nordhavn Holdings subsidiary until 2022.",
    "Skarvik Sensors is a former Nordhavn Holdings subsidiary.",
    "Skarvik Sensors bought a Nordhavn Holdings subsidiary last year.",
    "Skarvik Sensors sold the Nordhavn Holdings subsidiary Tessin Data in 2021.",
    "Skarvik Sensors, a state-owned company, makes buoys.",
])
def test_name_before_unit_noun_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


@pytest.mark.parametrize("text, unit, parent", [
    ("The Nordhavn Holdings-owned retailer Skarvik Sensors makes buoys.", "Skarvik Sensors", "Nordhavn Holdings"),
    ("Skarvik Sensors, a Nordhavn Holdings-owned maker of buoys, hired ten people.", "Skarvik Sensors",
     "Nordhavn Holdings"),
])
def test_name_owned(ex, text, unit, parent):
    assert ("PART_OF", unit, parent) in of_type(ex, text, "PART_OF")


# ---------------------------------------------------------------- descriptions of names in other languages
@pytest.mark.parametrize("text, relation", [
    ("The Universidad Técnica de Chillán opened a vision lab in 2021. The university's Faculty of Forest Engineering "
     "hosts it.", ("PART_OF", "Faculty of Forest Engineering", "Universidad Técnica de Chillán")),
    ("The Escuela Politécnica de Loja opened a data centre. The polytechnic also administers the Andes Cloud Credits "
     "Programme.", ("RUNS", "Escuela Politécnica de Loja", "Andes Cloud Credits Programme")),
    ("Harwick Agricultural College trains 900 students. The college runs the Fenland Drone Skills Programme.",
     ("RUNS", "Harwick Agricultural College", "Fenland Drone Skills Programme")),
])
def test_descriptions_find_names_in_other_languages(ex, text, relation):
    assert relation in relations_in(ex, text)


# ---------------------------------------------------------------- RUNS: a chain of participles after the programme
@pytest.mark.parametrize("text, runners, programme", [
    ("The Ribeira Skills Programme is funded by the Ministry of Labour, administered by the Coimbra Skills Agency and "
     "delivered by the Mondego Institute.", {"Coimbra Skills Agency", "Mondego Institute"}, "Ribeira Skills Programme"),
    ("The Ribeira Skills Programme helps small firms. It is financed by the Atlantic Cohesion Fund, administered by the "
     "Coimbra Skills Agency (CSA) and delivered on the ground by the Mondego Institute (MI).",
     {"Coimbra Skills Agency", "Mondego Institute"}, "Ribeira Skills Programme"),
    ("The Ribeira Skills Programme is paid for by the city and run jointly by the Mondego Institute and Leiria "
     "Robotics.", {"Mondego Institute", "Leiria Robotics"}, "Ribeira Skills Programme"),
])
def test_participle_chain(ex, text, runners, programme):
    got = of_type(ex, text, "RUNS")
    assert {("RUNS", r, programme) for r in runners} <= got
    assert all(r[2] == programme for r in got)  # the fund that pays is run by no one


@pytest.mark.parametrize("text", [
    "The Ribeira Skills Programme is funded by the Coimbra Skills Agency and praised by the Mondego Institute.",
    "The Ribeira Skills Programme is financed by the Atlantic Cohesion Fund, which the Coimbra Skills Agency also "
    "supports.",
])
def test_participle_chain_near_misses(ex, text):
    assert of_type(ex, text, "RUNS") == set()


@pytest.mark.parametrize("text, runner, programme", [
    ("In 2016 the Mondego Institute launched the Ribeira Skills Programme, which it still runs on behalf of the "
     "Ministry of Labour.", "Mondego Institute", "Ribeira Skills Programme"),
    ("The Coimbra Skills Agency created the Ribeira Skills Programme in 2019, which it also manages.",
     "Coimbra Skills Agency", "Ribeira Skills Programme"),
])
def test_which_it_runs(ex, text, runner, programme):
    assert ("RUNS", runner, programme) in of_type(ex, text, "RUNS")


def test_which_it_funds_is_no_running(ex):
    text = "In 2016 the Mondego Institute praised the Ribeira Skills Programme, which it funds."
    assert of_type(ex, text, "RUNS") == set()


# ---------------------------------------------------------------- PART_OF: a unit set up, a parent named by "its"
@pytest.mark.parametrize("text, unit, parent", [
    ("In 2019 the Mondego Institute set up a commercial arm, Ribeira Analytics Lda, to sell forecasts.",
     "Ribeira Analytics Lda", "Mondego Institute"),
    ("The Coimbra Robotics Group has created a research subsidiary, Leiria Labs.", "Leiria Labs",
     "Coimbra Robotics Group"),
    ("Leiria Robotics is backed by its parent, the engineering group Coimbra Metalworks.", "Leiria Robotics",
     "Coimbra Metalworks"),
])
def test_set_up_unit_and_its_parent(ex, text, unit, parent):
    assert ("PART_OF", unit, parent) in of_type(ex, text, "PART_OF")


@pytest.mark.parametrize("text", [
    "The Mondego Institute visited a commercial arm of Ribeira Analytics Lda.",
    "Leiria Robotics competes with its former parent, the engineering group Coimbra Metalworks.",
    "Leiria Robotics sold its parent company's stake to Coimbra Metalworks.",
])
def test_set_up_unit_and_its_parent_near_misses(ex, text):
    assert of_type(ex, text, "PART_OF") == set()


# ---------------------------------------------------------------- a joint centre of the two, after acronyms and appositions
@pytest.mark.parametrize("text", [
    "Leiria Robotics and the Mondego Institute (MI) today opened the Centre for Coastal Vision (CCV), a joint centre "
    "of the two organisations.",
    "Leiria Robotics, a Coimbra software company, and the Mondego Institute today opened the Centre for Coastal Vision, "
    "a joint centre of the two organisations.",
])
def test_joint_centre_of_the_two(ex, text):
    got = of_type(ex, text, "PART_OF")
    assert {("PART_OF", "Centre for Coastal Vision", p) for p in ("Leiria Robotics", "Mondego Institute")} <= got


# ---------------------------------------------------------------- MEMBER_OF: participating organisations, a selected cohort
@pytest.mark.parametrize("text, members, group", [
    ("Participating organisations in the Douro Data Alliance include Leiria Robotics, the Porto firm Ribeira Analytics "
     "and Mondego Sensors.", {"Leiria Robotics", "Ribeira Analytics", "Mondego Sensors"}, "Douro Data Alliance"),
    ("The Douro Accelerator selected Leiria Robotics and Ribeira Analytics for its spring cohort.",
     {"Leiria Robotics", "Ribeira Analytics"}, "Douro Accelerator"),
    ("The Douro Accelerator has admitted Leiria Robotics and the Porto start-up Ribeira Analytics into its 2026 intake.",
     {"Leiria Robotics", "Ribeira Analytics"}, "Douro Accelerator"),
])
def test_participating_and_selected_cohort(ex, text, members, group):
    assert {("MEMBER_OF", m, group) for m in members} <= of_type(ex, text, "MEMBER_OF")


@pytest.mark.parametrize("text", [
    "The Douro Accelerator selected Leiria Robotics and Ribeira Analytics as suppliers.",
    "Participating organisations in the Douro Summit were praised by Leiria Robotics.",
])
def test_participating_and_selected_near_misses(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == set()


def test_affiliate_member_is_no_unit(ex):
    got = relations_in(ex, "Leiria Robotics is an affiliate member of the Douro Data Alliance.")
    assert ("MEMBER_OF", "Leiria Robotics", "Douro Data Alliance") in got
    assert not {r for r in got if r[0] == "PART_OF"}


@pytest.mark.parametrize("text, rel", [
    ("Leiria Robotics is also part of the Atlantic Maritime Cluster.",
     ("MEMBER_OF", "Leiria Robotics", "Atlantic Maritime Cluster")),
    ("Leiria Robotics is part of the Coimbra Metalworks Group.", ("PART_OF", "Leiria Robotics", "Coimbra Metalworks Group")),
])
def test_part_of_a_cluster_association_is_membership(ex, text, rel):
    got = {r for r in relations_in(ex, text) if r[0] in ("MEMBER_OF", "PART_OF")}
    assert got == {rel}


def test_its_programme_of_a_nearer_programme_is_no_earlier_owners(ex):
    text = ("Tavira Lab receives core funding from Algarve University and a grant from the Blue Ports Fund under its "
            "Coastal Data line.")
    assert ("RUNS", "Algarve University", "Coastal Data") not in relations_in(ex, text)


@pytest.mark.parametrize("text", [
    "The Pernik Regional Agency is responsible for the Struma Digital Farms Programme's website.",
    "The Halvorsen Institute is the operator of the Fjordline Compute Voucher Programme's data portal.",
])
def test_a_programme_s_possession_is_not_run(ex, text):
    assert of_type(ex, text, "RUNS") == set()
