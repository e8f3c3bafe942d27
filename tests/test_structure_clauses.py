"""RUNS, FOUNDED and AFFILIATED_WITH in published forms, through the real spaCy pipeline (issue 14, wave 18).

Forms learned from published pages (a university news page on an incubated start-up: "X, a company launched by
professor A and incubated at Y's lab", "founded in 2014 by three professors—A, B and C"; an accelerator launch
report: "The accelerator will be jointly run by the school and the venture firm, though headquartered out of the
lab"; government programme pages: "The scheme is administered by A on behalf of B", "a programme that the
department administers"; think-tank and encyclopedia pages on regional schemes: "the voucher scheme, which the
agency runs nationally", "a regional scheme that the committee set up in 2024 and still administers"; spin-out
lists: "X is a spin-off of Y", "an accelerator programme run out of the offices of Y"), written here with invented
names.

Rules: relation_structure_clauses.py (object relative clauses of running and founding, "run out of", predicative
spin-outs, "<Org> runs <Programme>" read from the surface) and the verbs "lecture"/"teach in" of
data/lexicon/relations.json. Near-misses: a funder, a plan, a former runner, an event, running out of money,
"grew out of research at", a partner, teaching in a town, a past post.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

F, R, A = "FOUNDED", "RUNS", "AFFILIATED_WITH"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == kind}


@pytest.mark.parametrize("text, runner, programme", [
    ("The main one is the Kiln Voucher Scheme, which the Tessaly Innovation Agency (TIA) runs nationally and which "
     "paid for pilots at 19 firms.", "Tessaly Innovation Agency", "Kiln Voucher Scheme"),
    ("The Kiln Voucher Scheme, a regional scheme that the Tessaly Innovation Agency (TIA) set up in 2024 and still "
     "administers, paid for the pilot.", "Tessaly Innovation Agency", "Kiln Voucher Scheme"),
    ("The institute is funded through the Marrow Data Fund, which the Halden Research Council administers.",
     "Halden Research Council", "Marrow Data Fund"),
    ("The firm received a grant from the Marrow Data Fund, a programme that the Halden Research Council has managed "
     "since 2019.", "Halden Research Council", "Marrow Data Fund"),
    ("The Launchpad Accelerator is run out of Ostrel University's business school.", "Ostrel University",
     "Launchpad Accelerator"),
    ("The company belongs to the second cohort of Sprint Orava, an accelerator programme run out of the offices of "
     "Tatra Partners.", "Tatra Partners", "Sprint Orava"),
    ("The Kiln Voucher Scheme is managed on behalf of the Ministry of Industry by Tessaly Innovation Agency.",
     "Tessaly Innovation Agency", "Kiln Voucher Scheme"),
    ("Young companies apply through the Kpalsi Start-up Window, which SSFP finances and which is managed for NRDAD "
     "by the Tamale accelerator Savanna Launchpad Ltd.", "Savanna Launchpad Ltd", "Kpalsi Start-up Window"),
    ("CCIA runs Becas Rioja IA, a doctoral fellowship programme that places PhD students in member companies.",
     "CCIA", "Becas Rioja IA"),
    ("The Tessaly Consortium runs the Kiln Fellowship, a doctoral programme funded by the Marrow Agency.",
     "Tessaly Consortium", "Kiln Fellowship"),
])
def test_the_runner_of_a_programme(ex, text, runner, programme):
    assert (runner, programme) in rels(ex, text, R)


@pytest.mark.parametrize("text, founder, org", [
    ("The Kiln Voucher Scheme, a regional scheme that the Tessaly Innovation Agency (TIA) set up in 2024 and still "
     "administers, paid for the pilot.", "Tessaly Innovation Agency", "Kiln Voucher Scheme"),
    ("Lumo Robotics is an Ebro University spin-out.", "Ebro University", "Lumo Robotics"),
    ("Lumo Robotics was initially a spin-off of the Aragon Institute of Technology.",
     "Aragon Institute of Technology", "Lumo Robotics"),
    ("Brightlane Robotics, a spin-off from Ostrel University, makes warehouse robots.", "Ostrel University",
     "Brightlane Robotics"),
    ("Quillfeather was founded by Lena Vortmann and Amir Sadeghi in 2019.", "Amir Sadeghi", "Quillfeather"),
])
def test_the_founder(ex, text, founder, org):
    assert (founder, org) in rels(ex, text, F)


@pytest.mark.parametrize("text, person, org", [
    ("Rania Halloum directs the rural programme and also lectures at the Mansoura Institute of Agronomy.",
     "Rania Halloum", "Mansoura Institute of Agronomy"),
    ("Dr Petra Vasko lectures in machine learning at Ostrel University.", "Petra Vasko", "Ostrel University"),
    ("Dr Petra Vasko teaches in the School of Computing at Ostrel University.", "Petra Vasko", "School of Computing"),
    ("Dr Petra Vasko lectures in the Department of Informatics of Ostrel University.", "Petra Vasko",
     "Department of Informatics"),
])
def test_teaching_is_an_affiliation(ex, text, person, org):
    assert (person, org) in rels(ex, text, A)


@pytest.mark.parametrize("text, kind", [
    ("The Kiln Voucher Scheme, which the Tessaly Innovation Agency funds, paid for the pilot.", R),
    ("The Kiln Voucher Scheme, which the Tessaly Innovation Agency plans to run from 2027, opens in May.", R),
    ("The Kiln Voucher Scheme, which the Tessaly Innovation Agency formerly ran, closed in 2022.", R),
    ("The Kiln Summit, which the Tessaly Innovation Agency runs, opens in May.", R),
    ("The Launchpad Accelerator ran out of money in 2023.", R),
    ("The Kiln Summit is managed on behalf of the Ministry of Industry by Tessaly Innovation Agency.", R),
    ("The Kiln Voucher Scheme is run for local farmers by volunteers from three villages.", R),
    ("Lumo Robotics grew out of research at Ebro University.", F),
    ("Lumo Robotics is an Ebro University partner.", F),
    ("Dr Petra Vasko lectures in Oslo every spring.", A),
    ("Dr Petra Vasko taught at Ostrel University until 2019.", A),
    ("The Tessaly Consortium runs a hackathon with the Kiln Fellowship every spring.", R),
])
def test_near_misses(ex, text, kind):
    assert not rels(ex, text, kind)


@pytest.mark.parametrize("text, kind, pair", [
    ("Baltic Model Sandbox\nThe Baltic Model Sandbox is a testing scheme for public-sector AI.\n"
     "Programme operator: Tallin Digital Agency\nBudget: EUR 4 million", R, ("Tallin Digital Agency", "Baltic Model Sandbox")),
    ("Baltic Model Sandbox\nThe Baltic Model Sandbox is a testing scheme for public-sector AI.\n"
     "Implementing agency: Tallin Digital Agency\nBudget: EUR 4 million", R, ("Tallin Digital Agency", "Baltic Model Sandbox")),
    ("Lumo Health\nLumo Health is a Kumasi start-up building triage software.\nCo-founders: Yara Osei, Kwame Asante",
     F, ("Kwame Asante", "Lumo Health")),
    ("Lindqvist Robotics\nLindqvist Robotics is a Swedish maker of robot arms.\nOwner: Halvorsen Group\nHeadquarters: Malmo",
     "PART_OF", ("Lindqvist Robotics", "Halvorsen Group")),
])
def test_infobox_fields(ex, text, kind, pair):
    assert pair in rels(ex, text, kind)


def test_the_off_switch(ex, monkeypatch):
    text = "Lumo Robotics is an Ebro University spin-out."
    monkeypatch.setenv("AIKG_STRUCTURE_CLAUSES", "off")
    assert not rels(ex, text, F)
    monkeypatch.setenv("AIKG_STRUCTURE_CLAUSES", "on")
    assert ("Ebro University", "Lumo Robotics") in rels(ex, text, F)
