"""FUNDS and RUNS in published forms, through the real spaCy pipeline (issue 14, wave 19).

Forms learned from published pages, written here with invented names: university and MoU releases ("the company will
fund two research assistants at the faculty's laboratory", "four doctoral scholarships at the centre are paid for by
the regional council", "the foundation also pays for two doctoral fellowships at the university"); funding news ("The
round follows a $400,000 grant last year from the X Fund, a programme that ...", "The new money follows a grant from A
... and a seed investment by B", "A and B also joined the round, as did C, who invested in a personal capacity");
founder interviews and 10-K filings ("we also received a Regional Startup Grant from Te Rohe Innovation, the regional
development agency, which runs the grant scheme"); government releases ("Spearheaded by Innovate UK ..., the programme
has channelled GBP 100 million into 26 projects", "The programme, led by NSF in partnership with ..."); county fact
sheets ("FACT SHEET: <Programme>" under the county's letterhead, "- Funded by: A (KSh 400 million), B and C",
"- Delivered by: A (training) and B (adoption grants)").

Rules: relation_fund_posts_grants.py and relation_runs_runner_lines.py. Near-misses: hiring, posts with no place, plans, talks, a
board joined "as did", a visit received, a funder of the scheme, "funded by"/"backed by" (no RUNS), a partners line,
a label line under an event's title.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

F, R = "FUNDS", "RUNS"

SHEET = """COUNTY GOVERNMENT OF HALDEN
Department of Digital Economy

FACT SHEET: Halden AI Skills Programme (HASP)
Updated November 2025

What it is
The Halden AI Skills Programme (HASP) trains young people in data skills and helps small businesses adopt AI tools.

Key facts
- Budget: KSh 640 million over 2025-2028
- Funded by: the State Department for Digital Skills (KSh 400 million), the Halden County Government (KSh 160 million) \
and the Marrow Foundation (KSh 80 million)
- Delivered by: the Technical University of Halden (training) and the Kiln Innovation Hub (adoption grants)
- Partners: Vastel Capital and Orlen Peak Ventures
"""


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == kind}


@pytest.mark.parametrize("text, funder, recipient", [
    ("Since 2022 the Halden Data Initiative has paid for two research posts at the Kiln Institute of Computing.",
     "Halden Data Initiative", "Kiln Institute of Computing"),
    ("The Marrow Foundation also pays for four PhD studentships at Ostrel University.", "Marrow Foundation",
     "Ostrel University"),
    ("The Marrow Foundation, a Heraklion charity, sponsors two doctoral fellowships in the Kiln Institute of "
     "Computing.", "Marrow Foundation", "Kiln Institute of Computing"),
    ("Four doctoral scholarships at the Kiln Institute of Computing are paid for by the Halden Regional Council.",
     "Halden Regional Council", "Kiln Institute of Computing"),
    ("Two postdoctoral positions in the Kiln Institute of Computing are funded by Vastel Capital.", "Vastel Capital",
     "Kiln Institute of Computing"),
    ("The Marrow Foundation endowed a chair in machine learning at Ostrel University in 2019.", "Marrow Foundation",
     "Ostrel University"),
    ("Under the deal Vastel Robotics will fund two research assistants at the faculty's Orlen Farming Laboratory and "
     "share data with it.", "Vastel Robotics", "Orlen Farming Laboratory"),
])
def test_posts_paid_for_at_a_recipient(ex, text, funder, recipient):
    assert (funder, recipient) in rels(ex, text, F)


@pytest.mark.parametrize("text", [
    "Vastel Robotics hired two engineers at the Kiln Institute of Computing.",
    "The Marrow Foundation plans to fund three fellowships at Ostrel University.",
    "The Marrow Foundation funds two fellowships, and Ostrel University hosts the winners.",
])
def test_posts_near_misses(ex, text):
    assert not rels(ex, text, F)


@pytest.mark.parametrize("text, funder", [
    ("Brightlane Robotics has closed a $6.5 million seed round led by Orlen Peak Ventures. The round follows a "
     "$400,000 grant last year from the Kiln Blue Economy Fund, a programme that the Tessaly Maritime Authority funds.",
     "Kiln Blue Economy Fund"),
    ("Brightlane Robotics raised $4 million in a seed round led by Orlen Peak Ventures. The new money follows a "
     "$750,000 grant from the Kiln Energy Fund, a state programme administered by the Halden Office of Energy, and a "
     "seed investment in 2024 by the Rexburg angel network Madison Angels.", "Madison Angels"),
    ("Brightlane Robotics raised $4 million in a seed round led by Orlen Peak Ventures. The new money follows a "
     "$750,000 grant from the Kiln Energy Fund, a state programme administered by the Halden Office of Energy, and a "
     "seed investment in 2024 by the Rexburg angel network Madison Angels.", "Kiln Energy Fund"),
    ("Brightlane Robotics today announced a $9.5 million Series A round. The round was led by Orlen Peak Ventures.\n\n"
     "The new money follows a $750,000 grant from the Kiln Energy Fund, a state programme administered by the Halden "
     "Office of Energy.", "Kiln Energy Fund"),
    ("Brightlane Robotics has closed a $6.5 million seed round led by Orlen Peak Ventures. Kilindini Angels and "
     "Havenkade Ventures also joined the round, as did Wanjiru Kamau, the founder of Tumaini Pay, who invested in a "
     "personal capacity.", "Wanjiru Kamau"),
    ("Last year Brightlane Robotics also received a Regional Startup Grant from Te Rohe Innovation, the regional "
     "development agency.", "Regional Startup Grant"),
])
def test_funders_of_the_round_and_named_grants(ex, text, funder):
    assert (funder, "Brightlane Robotics") in rels(ex, text, F)


@pytest.mark.parametrize("text, not_funder", [
    ("Brightlane Robotics raised $4 million in a seed round led by Orlen Peak Ventures. The new money follows a "
     "$750,000 grant from the Kiln Energy Fund, a state programme administered by the Halden Office of Energy.",
     "Halden Office of Energy"),
    ("Brightlane Robotics raised $4 million led by Orlen Peak Ventures. The round follows months of talks with "
     "Vastel Capital.", "Vastel Capital"),
    ("Brightlane Robotics named Ada Lind as chief executive. Orlen Peak Ventures joined the board, as did Vastel "
     "Capital.", "Vastel Capital"),
    ("Brightlane Robotics received a visit from the Tessaly Innovation Agency.", "Tessaly Innovation Agency"),
])
def test_round_near_misses(ex, text, not_funder):
    assert not any(a == not_funder for a, _ in rels(ex, text, F))


def test_fact_sheet_funder_and_runner_lines(ex):
    found = relations_in(ex, SHEET)
    prog = "Halden AI Skills Programme"
    for funder in ("State Department for Digital Skills", "Halden County Government", "Marrow Foundation"):
        assert (F, funder, prog) in found
    for runner in ("Technical University of Halden", "Kiln Innovation Hub"):
        assert (R, runner, prog) in found
    assert not any(t in (F, R) and a in ("Vastel Capital", "Orlen Peak Ventures") for t, a, _ in found)


def test_label_lines_under_an_event_title_give_nothing(ex):
    text = ("Halden Summit 2026\nThursday 14 May 2026\n\n- Funded by: the Marrow Foundation\n"
            "- Delivered by: the Technical University of Halden and the Kiln Innovation Hub\n")
    assert not rels(ex, text, R) and not rels(ex, text, F)


@pytest.mark.parametrize("text, runner, programme", [
    ("Last year Brightlane Robotics also received a Regional Startup Grant from Te Rohe Innovation, the regional "
     "development agency, which runs the grant scheme for the Waikato and Bay of Plenty.", "Te Rohe Innovation",
     "Regional Startup Grant"),
    ("Brightlane Robotics raised money. Spearheaded by the Tessaly Innovation Agency, the Kiln Accelerator has "
     "channelled £100 million into 26 projects.", "Tessaly Innovation Agency", "Kiln Accelerator"),
    ("The Kiln Accelerator, spearheaded by the Tessaly Innovation Agency, has channelled £100 million into 26 "
     "projects.", "Tessaly Innovation Agency", "Kiln Accelerator"),
    ("The Kiln Accelerator, led by the Tessaly Innovation Agency in partnership with the Halden Institute of Food, has "
     "two tracks.", "Tessaly Innovation Agency", "Kiln Accelerator"),
])
def test_runners(ex, text, runner, programme):
    assert (runner, programme) in rels(ex, text, R)


@pytest.mark.parametrize("text", [
    "Brightlane Robotics received a grant from the Kiln Seed Fund and a loan from Halden Bank, which funds the scheme "
    "as well.",
    "Funded by the Tessaly Innovation Agency, the Kiln Accelerator has channelled £100 million into 26 projects.",
    "The Kiln Accelerator, backed by the Tessaly Innovation Agency, has channelled £100 million into 26 projects.",
])
def test_runner_near_misses(ex, text):
    assert not rels(ex, text, R)


def test_a_description_on_a_label_line_names_no_runner(ex):
    text = ("FACT SHEET: Halden AI Skills Programme (HASP)\n\nKey facts\n"
            "- Run by: the Kiln Enterprise Office, a unit of the Halden Development Agency\n"
            "- Funded by: the Marrow Foundation, the Halden County Government and the State Department for Digital "
            "Skills\n")
    found = relations_in(ex, text)
    prog = "Halden AI Skills Programme"
    assert (R, "Halden Development Agency", prog) not in found and (F, "Halden Development Agency", prog) not in found
    for funder in ("Marrow Foundation", "Halden County Government", "State Department for Digital Skills"):
        assert (F, funder, prog) in found


@pytest.mark.parametrize("text, funder, recipient", [
    ("Brightlane Robotics, Inc. (\"Brightlane,\" the \"Company,\" \"we,\" \"us\" or \"our\") makes sensors. In March 2025 "
     "we completed a $30 million private placement of common stock led by Orlen Valley Capital Partners, with "
     "participation from Heartland Energy Ventures.", "Orlen Valley Capital Partners", "Brightlane Robotics, Inc"),
    ("Brightlane Robotics closed a $12 million convertible note financing led by Orlen Valley Capital Partners.",
     "Orlen Valley Capital Partners", "Brightlane Robotics"),
    ("The Marrow Foundation will contribute €1.2 million to the Kiln Institute of Computing for the project, and "
     "Brightlane Robotics's share is backed by a grant from the Halden Regional Government under the Fabbrica Digitale "
     "scheme.", "Halden Regional Government", "Brightlane Robotics"),
    ("The Marrow Foundation will contribute €1.2 million to the Kiln Institute of Computing for the project, and "
     "Brightlane Robotics's share is backed by a grant from the Halden Regional Government under the Fabbrica Digitale "
     "scheme.", "Fabbrica Digitale", "Brightlane Robotics"),
])
def test_led_placements_shares_and_schemes(ex, text, funder, recipient):
    assert (funder, recipient) in rels(ex, text, F)


def test_share_near_miss(ex):
    text = "Brightlane Robotics's share of the market is covered by a report from Orlen Valley Capital Partners."
    assert not rels(ex, text, F)


def test_under_names_only_a_programme(ex):
    text = ("Brightlane Robotics received a grant from the Halden Development Bank, under the leadership of the Kiln "
            "Institute of Computing.")
    assert ("Kiln Institute of Computing", "Brightlane Robotics") not in rels(ex, text, F)
