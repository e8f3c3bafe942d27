"""FUNDS in forms of funding news, fact sheets and directory pages (issue 14, second pass), through the real spaCy
pipeline: a round whose owner is a possessive ("X's Series A last spring was led by A"), the next sentence's
"B joined, and so did C", "A and B co-led X's seed round", investor field lines on a firm's page, and near-misses
(a board seat "alongside" someone, plans, valuations). Invented names."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in

FUNDS = "FUNDS"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def funds(got: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return pairs_of(got, FUNDS)


@pytest.mark.parametrize("text", [
    "Kelvara Robotics's Series A last spring was led by Brenmoor Capital.",
    "Kelvara Robotics' seed round in 2024 was led by Brenmoor Capital.",
    "Kelvara Robotics's Series A was led by Brenmoor Capital.",
])
def test_possessive_round_led_by(ex, text):
    assert ("Brenmoor Capital", "Kelvara Robotics") in funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "Kelvara Robotics's Series A was led by Brenmoor Capital. Tessaly Ventures joined, and so did the Halvard "
    "Growth Fund.",
    "Kelvara Robotics's seed round was led by Brenmoor Capital. Tessaly Ventures joined the round, and so did the "
    "Halvard Growth Fund.",
    "Brenmoor Capital led Kelvara Robotics's seed round. Tessaly Ventures and the Halvard Growth Fund joined the round.",
    "Kelvara Robotics has raised $9 million in a round led by Brenmoor Capital. Tessaly Ventures participated, as did "
    "the Halvard Growth Fund.",
])
def test_later_investors_of_the_round_before(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Brenmoor Capital", "Kelvara Robotics") in got
    assert ("Tessaly Ventures", "Kelvara Robotics") in got
    assert ("Halvard Growth Fund", "Kelvara Robotics") in got


@pytest.mark.parametrize("text", [
    "Brenmoor Capital and Tessaly Ventures co-led Kelvara Robotics's seed round.",
    "Brenmoor Capital and Tessaly Ventures co-led the $6 million round in Kelvara Robotics.",
])
def test_co_led_a_round(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Brenmoor Capital", "Kelvara Robotics") in got
    assert ("Tessaly Ventures", "Kelvara Robotics") in got


@pytest.mark.parametrize("text", [
    "Kelvara Robotics has raised $12 million from Brenmoor Capital, Tessaly Ventures and the Orrin Development Bank.",
    "Kelvara Robotics builds inspection drones. Its investors include Brenmoor Capital, Tessaly Ventures and the "
    "Orrin Development Bank.",
    "Kelvara Robotics launched in 2021 with backing from Brenmoor Capital, Tessaly Ventures and the Orrin Development "
    "Bank.",
])
def test_raised_from_and_investors_include(ex, text):
    got = funds(relations_in(ex, text))
    assert {("Brenmoor Capital", "Kelvara Robotics"), ("Tessaly Ventures", "Kelvara Robotics"),
            ("Orrin Development Bank", "Kelvara Robotics")} <= got


@pytest.mark.parametrize("text, pair", [
    ("Kelvara Robotics received funding under the Tarsk Deep Tech Programme, which is financed by the Velmora "
     "Innovation Agency.", ("Velmora Innovation Agency", "Tarsk Deep Tech Programme")),
    ("Kelvara Robotics received funding under the Tarsk Deep Tech Programme.", ("Tarsk Deep Tech Programme",
                                                                                 "Kelvara Robotics")),
    ("The Tarsk Deep Tech Programme, financed by the Velmora Innovation Agency, supports twenty start-ups a year.",
     ("Velmora Innovation Agency", "Tarsk Deep Tech Programme")),
    ("The Velmora Innovation Agency has committed €40 million to the Kestrel Seed Fund.",
     ("Velmora Innovation Agency", "Kestrel Seed Fund")),
    ("Quillon Labs was supported by a grant of €250,000 from the Velmora Innovation Foundation.",
     ("Velmora Innovation Foundation", "Quillon Labs")),
])
def test_programme_and_grant_forms(ex, text, pair):
    assert pair in funds(relations_in(ex, text))


def test_investor_lines_on_a_firm_page(ex):
    text = ("Kelvara Robotics Ltd\nKelvara Robotics Ltd is a Tarsk maker of drones.\nFounded: 2019\n"
            "Lead investor: Brenmoor Capital\nOther investors: Tessaly Ventures, Orrin Holdings\n")
    got = funds(relations_in(ex, text, title="Kelvara Robotics Ltd"))
    assert ("Brenmoor Capital", "Kelvara Robotics Ltd") in got
    assert ("Tessaly Ventures", "Kelvara Robotics Ltd") in got


@pytest.mark.parametrize("text", [
    "Ivo Brandt, a partner at Brenmoor Capital, will join Quillon Labs' board, alongside Maren Tolle.",
    "Ivo Brandt will join the board of Quillon Labs alongside Maren Tolle.",
    "Maren Tolle led the lab at Quillon Labs alongside Ivo Brandt.",
])
def test_a_board_seat_alongside_someone_is_no_funding(ex, text):
    assert not funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "Kelvara Robotics was valued at $80 million in its last round.",
    "Quillon Labs is seeking funding from Brenmoor Capital.",
    "Quillon Labs plans to raise $10 million from Tessaly Ventures next year.",
    "Maren Tolle, a partner at Brenmoor Capital, previously invested in Orvala Vet AI.",
    "Kelvara Robotics's customers include Brenmoor Logistics, which paid for the pilot.",
    "Kelvara Robotics's Series A was led by Brenmoor Capital. Tessaly Ventures joined the board.",
])
def test_distractors_give_no_funding(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Tessaly Ventures", "Kelvara Robotics") not in got
    assert not {p for p in got if p[0] != "Brenmoor Capital"}
    assert ("Brenmoor Capital", "Quillon Labs") not in got and ("Brenmoor Capital", "Orvala Vet AI") not in got


@pytest.mark.parametrize("text, funders, firm", [
    ("Kelvara Sense Ltd (Tarsk) - sensors and computer vision for cage fish farms.\nCo-founded by Maren Tolle and Ivo "
     "Brandt; backed by the Orrin Seed Fund.", {"Orrin Seed Fund"}, "Kelvara Sense Ltd"),
    ("- Quillon Labs (Halvard) - translation software for courts.\nBacked by Brenmoor Capital and the Tessaly Angels.",
     {"Brenmoor Capital", "Tessaly Angels"}, "Quillon Labs"),
    ("Quillon Labs (Halvard) - translation software for courts.\nFounded in 2020; funded by Brenmoor Capital.",
     {"Brenmoor Capital"}, "Quillon Labs"),
])
def test_entry_line_of_participles(ex, text, funders, firm):
    got = funds(relations_in(ex, text))
    assert {(f, firm) for f in funders} <= got


@pytest.mark.parametrize("text", [
    "Quillon Labs builds translation software. Backed by Brenmoor Capital, Kelvara Sense Ltd has grown to 40 staff.",
    "Quillon Labs builds translation software. Supported by Brenmoor Capital's mentors, the team expanded.",
    "Quillon Labs (Halvard) - translation software for courts.\nFounded by Maren Tolle; not backed by Brenmoor Capital.",
])
def test_entry_participles_said_of_another_or_denied(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Brenmoor Capital", "Quillon Labs") not in got


RUNS = "RUNS"

ENTRIES = [
    "Velmora Quality Programme\nLed by Kelvara Vision Systems; co-financed by the Tarsk Regional Council.\n",
    "Orrin Twin Programme\nRun jointly by Quillon Cables and the Halvard Institute of Technology; funded by the Tessaly "
    "Innovation Fund (TIF), which is managed by the state agency Brenmoor Innovation Agency.\n",
    "TalentRail Programme\nA two-year traineeship for graduates in railway data science, delivered by the Halvard "
    "Institute of Technology and paid for by Quillon Cables.\n",
    "Mobility Talent Programme\nDelivered by the School of Engineering of the Halvard Institute of Technology and paid "
    "for by the Tarsk Regional Council.\n",
]


@pytest.fixture(scope="module")
def entries(ex):
    return set().union(*(relations_in(ex, t) for t in ENTRIES))


def test_participle_line_under_a_programme_heading(entries):
    got = entries
    assert (RUNS, "Kelvara Vision Systems", "Velmora Quality Programme") in got
    assert (FUNDS, "Tarsk Regional Council", "Velmora Quality Programme") in got
    assert (RUNS, "Quillon Cables", "Orrin Twin Programme") in got
    assert (RUNS, "Halvard Institute of Technology", "Orrin Twin Programme") in got
    assert (FUNDS, "Tessaly Innovation Fund", "Orrin Twin Programme") in got
    assert (RUNS, "Halvard Institute of Technology", "TalentRail Programme") in got
    assert (FUNDS, "Quillon Cables", "TalentRail Programme") in got
    assert (FUNDS, "Tarsk Regional Council", "Mobility Talent Programme") in got


def test_participle_line_keeps_to_its_clause(entries):
    got = entries
    assert (RUNS, "Brenmoor Innovation Agency", "Orrin Twin Programme") not in got  # it manages the fund
    assert (FUNDS, "Brenmoor Innovation Agency", "Orrin Twin Programme") not in got
    assert (FUNDS, "Halvard Institute of Technology", "TalentRail Programme") not in got
    assert (RUNS, "Quillon Cables", "TalentRail Programme") not in got


def test_a_sentence_under_a_heading_is_no_entry_line(ex):
    text = ("Velmora Quality Programme\nThe programme was praised by Kelvara Vision Systems and covered by the Tarsk "
            "Regional Council's newsletter.\n")
    got = relations_in(ex, text)
    assert (RUNS, "Kelvara Vision Systems", "Velmora Quality Programme") not in got
    assert not {r for r in got if r[0] == FUNDS}


CONSORTIUM = """About us
The Halvard Rail Consortium brings together firms and universities of the Tarsk region.

Projects
RailMind
Predictive maintenance of rolling stock from on-board data. Run jointly by Quillon Cables and the Halvard \
Institute of Technology; funded by the Velmora Research Agency.

Orrin Freight Twin
Led by Kelvara Logistics; co-financed by the Tarsk Regional Council.

Governance
Led by a board of five members, elected by the general assembly.

Contact
"""


def test_project_headings_on_a_consortium_page(ex):
    got = relations_in(ex, CONSORTIUM)
    assert (RUNS, "Quillon Cables", "RailMind") in got
    assert (RUNS, "Halvard Institute of Technology", "RailMind") in got
    assert (FUNDS, "Velmora Research Agency", "RailMind") in got
    assert (RUNS, "Kelvara Logistics", "Orrin Freight Twin") in got
    assert (FUNDS, "Tarsk Regional Council", "Orrin Freight Twin") in got
    assert not any("Governance" in (r[1], r[2]) or "Projects" in (r[1], r[2]) for r in got)


@pytest.mark.parametrize("text", [
    "Working groups\n- Port operations, led by the Tarsk Port Authority\n- Data sharing, led by Quillon Cables\n",
    "Selected institutes\n- Orrin Institute for Machine Learning (OIML), led by the University of Halvard\n",
    "Government Programmes\nIn 2025 we joined the Velmora AI Hub, an initiative launched by the governor and "
    "administered by the Velmora Technology Collaborative.\n",
])
def test_section_headings_are_no_programmes(ex, text):
    got = relations_in(ex, text)
    assert not any(r[2] in ("Working groups", "Selected institutes", "Government Programmes") for r in got)


def test_a_listing_heading_is_no_programme(ex):
    text = ("Companies to know\nKelvara Sense Ltd (Tarsk) - sensors for fish farms. Co-founded by Maren Tolle; backed "
            "by the Orrin Seed Fund.\n")
    got = relations_in(ex, text)
    assert not any(r[2] == "Companies to know" for r in got)
