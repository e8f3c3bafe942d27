"""Programme and unit names found by their head word (mentions/programme_units.py) and the stray-apposition guard
of relation_walk.py, through the real spaCy pipeline. Invented names, in the forms programme pages, accelerator pages
and university lab pages use; near-misses that must stay as they are."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in
from tests.helpers import typed_in as _typed


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("text, name", [
    ("Part of the budget goes to young firms through the Vorlan Start-up Window, which the ministry finances.",
     "Vorlan Start-up Window"),
    ("Verdal Robotics was selected for the Orvik Start-up Fellowship, run by the Halden Innovation Agency.",
     "Orvik Start-up Fellowship"),
    ("The Tessaly AI Test Bed is a programme that lets small manufacturers try models on real lines.",
     "Tessaly AI Test Bed"),
    ("The Morvane Launchpad is a six-month accelerator for coastal start-ups.", "Morvane Launchpad"),
    ("Three firms received money from the Kerrow Digital Voucher Scheme last year.", "Kerrow Digital Voucher Scheme"),
    ("Applicants may also try the Quillon Climate Sandbox, which the regulator opened in May.",
     "Quillon Climate Sandbox"),
])
def test_programme_runs_are_programmes(ex, text, name):
    assert ("Programme", name) in _typed(ex, text)


@pytest.mark.parametrize("text, unit, parent", [
    ("The first prototype was built at the Marine Robotics Laboratory of Talvin Technical University.",
     "Marine Robotics Laboratory", "Talvin Technical University"),
    ("Researchers at the Coastal Imaging Group of Marlow University built the sensor.",
     "Coastal Imaging Group", "Marlow University"),
    ("The model came out of the Crop Vision Lab at the Ostrava University of Agriculture.",
     "Crop Vision Lab", "Ostrava University of Agriculture"),
])
def test_unit_of_parent_is_split(ex, text, unit, parent):
    got = _typed(ex, text)
    assert ("Institute", unit) in got
    assert any(n == parent for _t, n in got)
    assert not any(n.startswith(unit + " ") for _t, n in got)


@pytest.mark.parametrize("text, unit", [
    ("The Réduit site is also home to Vakwa's Coral Vision Unit, a team of six the company moved there.",
     "Coral Vision Unit"),
    ("Gower Vision previously shared a lab with CIDI's Materials Modelling Group before it moved.",
     "Materials Modelling Group"),
    ("Technical lead: Dr. Amina Tsegaye, Head, Remote Sensing Unit, Kembata Institute for Dryland Farming",
     "Remote Sensing Unit"),
])
def test_owned_and_listed_units_are_institutes(ex, text, unit):
    assert ("Institute", unit) in _typed(ex, text)


def test_owner_is_cut_from_unit(ex):
    got = _typed(ex, "The Réduit site is also home to Vakwa's Coral Vision Unit, a team of six the company moved there.")
    assert not any(n.startswith("Vakwa's") or n.startswith("Vakwa ’s") for _t, n in got)


@pytest.mark.parametrize("text, name", [
    ("The Fund's managers met in May to review the pipeline.", "Fund"),  # a description, one word
    ("Challenge Bank lent the money to the growers.", "Challenge Bank"),  # the head word is not last
    ("She won a fellowship in 2023 and moved to Lyon.", "fellowship"),  # no name
    ("Our Fellowship Programme\nThe Kelso Seed Fund\nApplications open in June.", "Kelso Seed Fund"),  # a heading line
])
def test_near_misses_add_no_programme(ex, text, name):
    assert ("Programme", name) not in _typed(ex, text)


def test_firm_group_stays_a_company(ex):
    got = _typed(ex, "Sony Group and the Tarrow Data Group signed a supply deal in Osaka.")
    assert ("Institute", "Sony Group") not in got
    assert ("Institute", "Tarrow Data Group") not in got


def test_venture_fund_that_invests_stays(ex):
    got = _typed(ex, "The Brannock Seed Fund invested in Quellen AI in March.")
    assert ("Programme", "Brannock Seed Fund") not in got  # a fund that invests may be a firm: its typing stays


def test_park_manager_does_not_run_the_programme(ex):
    text = ("In Karachi, Veluma Seed is run out of the Orangi Creek Innovation Centre (OCIC), a technology park "
            "managed by the Lyari Metropolitan Development Authority.")
    rels = relations_in(ex, text)
    assert ("RUNS", "Lyari Metropolitan Development Authority", "Veluma Seed") not in rels


def test_apposed_scheme_manager_still_runs_it(ex):
    rels = relations_in(ex, "Velmora Launch, a scheme managed by the Tarsk Innovation Agency, opened in May.")
    assert ("RUNS", "Tarsk Innovation Agency", "Velmora Launch") in rels


@pytest.mark.parametrize("text, name", [
    ("Cohort members also work with the Belfast-based Lagan AI Accelerator on pilots.", "Lagan AI Accelerator"),
    ("Data comes from the Australian-funded Pacific Crop Data Initiative, which began in 2022.",
     "Pacific Crop Data Initiative"),
])
def test_hyphened_descriptor_is_no_part_of_the_name(ex, text, name):
    got = _typed(ex, text)
    assert not any(n.endswith(name) and n != name for _t, n in got)


@pytest.mark.parametrize("text, unit", [
    ("Palojärvi also teaches one course a year in the Department of Geography at Kelvin Circle University (KCU).",
     "Department of Geography"),
    ("The tool was tested by the Faculty of Forestry at the University of Orvenna.", "Faculty of Forestry"),
])
def test_department_at_a_university_is_an_institute(ex, text, unit):
    assert ("Institute", unit) in _typed(ex, text)


def test_ministry_department_stays_an_agency(ex):
    got = _typed(ex, "Funding came from the Department of Energy, which opened a call in May.")
    assert ("Institute", "Department of Energy") not in got


@pytest.mark.parametrize("text, fund, runner", [
    ("The accelerator is funded by the Marvena Seed Fund, which the Tarsk Enterprise Promotion Board (TEPB) manages, "
     "and by a textile firm.", "Marvena Seed Fund", "Tarsk Enterprise Promotion Board"),
    ("The Tarvo Growth Fund, which the Kessel Development Agency (KDA) runs, invested in two firms.",
     "Tarvo Growth Fund", "Kessel Development Agency"),
])
def test_relative_runner_with_an_acronym(ex, text, fund, runner):
    assert ("Programme", fund) in _typed(ex, text)
    assert ("RUNS", runner, fund) in relations_in(ex, text)
