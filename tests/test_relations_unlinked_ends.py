"""FUNDS and MEMBER_OF whose two ends are found but never linked (issue 14, wave 20), through the real spaCy pipeline.

Forms learned from published pages: university and agency grant news (NSF/AIP award notes: "X will receive $14
million ...", "received a five-year, $1.9 million grant from A of B"; Michigan "higher-ed briefs": "received a gift of
$4.5 million from A to the Institute"), research-centre funding paragraphs ("funded by A and by a grant from B", "with
in-kind contributions of ... from A and B"), development-bank notes ("has extended a credit line to X under its P"),
accelerator and cluster coverage ("X went through the 2024 cohort of P", "G, a non-profit whose members include A, the
feed maker B and C, a hatchery in ..."). Every name is invented (relation_fund_further_sources.py, relation_member_whose_cohort.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def funds(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "FUNDS")


def member(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "MEMBER_OF")


# ---------------------------------------------------------------- further sources after a found funder
@pytest.mark.parametrize("text, funder, recipient", [
    ("Selvara Labs previously received a $300,000 grant from the Orrin Innovation Fund, a scheme administered by the "
     "Ministry of Science, and in-kind compute from Tarvik Cloud, the Kalmar data-centre operator.",
     "Tarvik Cloud", "Selvara Labs"),
    ("Kelvara Vision previously received a $300,000 grant from the Orrin Innovation Fund and in-kind compute from "
     "Tarvik Cloud.", "Tarvik Cloud", "Kelvara Vision"),
    ("The Ostrel Centre is supported by $9 million from the Orrin Growth Deal, a joint initiative funded by the Halden "
     "Ministry of Industry and the Tarvik Council, and by $5 million from the Lumora Research Fund.",
     "Lumora Research Fund", "Ostrel Centre"),
    ("The Ostrel Centre's first five years are funded by the Halden Research Council and by a grant from the Lumora "
     "Foundation, a private charity.", "Lumora Foundation", "Ostrel Centre"),
    ("The Ostrel Centre's first five years are funded by the Lumora Foundation, which has committed 4 million euros, "
     "and by the Halden Research Council.", "Halden Research Council", "Ostrel Centre"),
    ("Since our founding, Kelvara Analytics has been backed by Tarvik Ventures, which led our Series A round, and by "
     "Brakeley Partners.", "Brakeley Partners", "Kelvara Analytics"),
    ("The Ostrel Centre is funded by a $4 million grant from the Halden Health Fund, with Brakeley Energy providing "
     "mounting poles and power connections.", "Brakeley Energy", "Ostrel Centre"),
])
def test_more_sources(ex, text, funder, recipient):
    assert (funder, recipient) in funds(ex, text)


@pytest.mark.parametrize("text, pair, stated", [
    ("Kelvara Analytics entered into a $12 million revolving credit facility with the Goldfields Community Bank in "
     "March 2026.", ("Goldfields Community Bank", "Kelvara Analytics"), True),
    ("Cages, boats and sensor buoys worth about $500,000 are contributed to the Ostrel Water Centre by Kelvara Aqua "
     "Farms Ltd.", ("Kelvara Aqua Farms Ltd", "Ostrel Water Centre"), True),
    ("Kelvara Analytics entered into a supply agreement with Goldfields Components Ltd. in March 2026.",
     ("Goldfields Components Ltd", "Kelvara Analytics"), False),
    ("Cages, boats and sensor buoys were sold to the Ostrel Water Centre by Kelvara Aqua Farms Ltd.",
     ("Kelvara Aqua Farms Ltd", "Ostrel Water Centre"), False),
])
def test_deals(ex, text, pair, stated):
    assert (pair in funds(ex, text)) is stated


def test_joined_in_the_round(ex):
    text = ("Tarvik Capital has led the $3 million seed round of Kelvara AI. We are joined in the round by Orrin Seed "
            "Fund, by the Vienna-based Lumora Angels, and by Mara Lind, who now invests on her own account.")
    got = funds(ex, text)
    for f in ("Orrin Seed Fund", "Lumora Angels", "Mara Lind"):
        assert (f, "Kelvara AI") in got
    hoped = "Tarvik Capital has led the $3 million seed round of Kelvara AI. We hope to be joined in the round by Orrin Seed Fund."
    assert ("Orrin Seed Fund", "Kelvara AI") not in funds(ex, hoped)


# ---------------------------------------------------------------- money added or lent through a scheme
@pytest.mark.parametrize("text, pairs", [
    ("The state agency, the Halden Innovation Institute, has added $2 million to Kelvara Voice through its Orrin Seed "
     "programme.", [("Halden Innovation Institute", "Kelvara Voice"), ("Orrin Seed", "Kelvara Voice")]),
    ("The Halden Development Bank has extended a $2 million credit line to Kelvara Pagos under its Orrin Impulse "
     "Programme.", [("Halden Development Bank", "Kelvara Pagos"), ("Orrin Impulse Programme", "Kelvara Pagos")]),
    ("This year the Lumora Foundation adds $3 million in matching funds to the Orrin Grants programme.",
     [("Lumora Foundation", "Orrin Grants")]),
])
def test_added_through_scheme(ex, text, pairs):
    got = funds(ex, text)
    for p in pairs:
        assert p in got


@pytest.mark.parametrize("text, pair", [
    ("The Ostrel Centre is funded by the Halden Council and by working with customers such as Brakeley Foods.",
     ("Brakeley Foods", "Ostrel Centre")),
    ("Kelvara Labs is backed by Tarvik Ventures, with support from mentors at Brakeley Systems.",
     ("Brakeley Systems", "Kelvara Labs")),
    ("The Ostrel Centre is funded by the Halden Council, with Brakeley Systems providing mentoring to its students.",
     ("Brakeley Systems", "Ostrel Centre")),
    ("The Halden Agency has given advice to Kelvara Labs.", ("Halden Agency", "Kelvara Labs")),
    ("The Halden Agency plans to add $2 million to Kelvara Labs through its Orrin Seed programme.",
     ("Orrin Seed", "Kelvara Labs")),
    ("Kelvara Labs received a grant from Orrin Seed, a scheme administered by the Halden Agency.",
     ("Halden Agency", "Kelvara Labs")),
    ("Kelvara Labs is funded by Tarvik Ventures and partners with Brakeley Systems.", ("Brakeley Systems", "Kelvara Labs")),
    ("Kelvara Labs is funded by Tarvik Ventures, and its customers include Brakeley Foods.",
     ("Brakeley Foods", "Kelvara Labs")),
    ("Kelvara Labs is funded by Tarvik Ventures, which also backs Lumora AI, and by the Halden Agency.",
     ("Halden Agency", "Lumora AI")),
    ("Kelvara Labs was funded by Tarvik Ventures and formerly by Brakeley Capital.", ("Brakeley Capital", "Kelvara Labs")),
    ("The Halden Agency has sold $2 million of software to Kelvara Labs.", ("Halden Agency", "Kelvara Labs")),
    ("The Halden Agency provided software worth $3 million to Kelvara Labs.", ("Halden Agency", "Kelvara Labs")),
    ("The Orrin Data Programme, a $70 million initiative led by the Halden Media Authority and the Tarvik Research "
     "Agency, has channelled money into Kelvara Labs.", ("Tarvik Research Agency", "Kelvara Labs")),
    ("The Ostrel Centre is supported by $9 million from the Orrin Growth Deal, a joint initiative funded by the Halden "
     "Ministry of Industry and the Tarvik Council, and by $5 million from the Lumora Research Fund.",
     ("Lumora Research Fund", "Orrin Growth Deal")),
    ("The Ostrel Lab is supported by a grant from the Lumora Foundation and by computing credits from Kelvara Cloud, "
     "whose Halden Development Centre employs 500 engineers.", ("Halden Development Centre", "Ostrel Lab")),
    ("Kelvara Labs received a grant from the Orrin Fund, and a visit from Brakeley Systems.",
     ("Brakeley Systems", "Kelvara Labs")),
    ("Kelvara Labs, funded by Tarvik Ventures, competes with Brakeley AI and Lumora AI.", ("Brakeley AI", "Kelvara Labs")),
    ("Kelvara Labs is funded by Tarvik Ventures, with Brakeley AI as its first customer.", ("Brakeley AI", "Kelvara Labs")),
])
def test_funds_near_misses(ex, text, pair):
    assert pair not in funds(ex, text)


# ---------------------------------------------------------------- MEMBER_OF: apposed group with a member list, cohorts
@pytest.mark.parametrize("text, group, orgs", [
    ("Halden is home to the Orrin Aquaculture Centre (OAC), a non-profit whose members include Kelvara Systems, the "
     "feed maker Lumora Feeds Ltd and Tarvik Larvae, a hatchery in Salinas.", "Orrin Aquaculture Centre",
     ["Kelvara Systems", "Lumora Feeds Ltd", "Tarvik Larvae"]),
    ("The start-up also joined the Halden Language Network, a national network whose members include universities in "
     "Puebla and the Guadalajara speech company Kelvara Voice.", "Halden Language Network", ["Kelvara Voice"]),
])
def test_whose_members(ex, text, group, orgs):
    got = member(ex, text)
    for o in orgs:
        assert (o, group) in got


@pytest.mark.parametrize("text", [
    "Kelvara Drones Ltd went through the 2024 cohort of the Orrin Accelerator programme.",
    "Kelvara Drones Ltd completed the spring intake of the Orrin Accelerator programme.",
])
def test_cohort(ex, text):
    assert ("Kelvara Drones Ltd", "Orrin Accelerator") in member(ex, text)


def test_the_cohort_of_the_sentence_before(ex):
    lead = ("The start-up is one of twelve companies in the 2025 cohort of Orrin Catalyst, an accelerator programme run "
            "by Halden Works. ")
    got = member(ex, lead + "Other companies in the cohort include the dairy-logistics firm Kelvara Route and the "
                 "maize-credit start-up Lumora Score.")
    assert {("Kelvara Route", "Orrin Catalyst"), ("Lumora Score", "Orrin Catalyst")} <= got
    owned = member(ex, lead + "Other companies in the cohort include a start-up owned by Lumora Holdings.")
    assert ("Lumora Holdings", "Orrin Catalyst") not in owned
    no_cohort = member(ex, "The start-up won a grant from Orrin Catalyst, an accelerator programme run by Halden Works. "
                       "Other companies in the cohort include the dairy-logistics firm Kelvara Route.")
    assert ("Kelvara Route", "Orrin Catalyst") not in no_cohort


@pytest.mark.parametrize("text, pair", [
    ("Halden is home to the Orrin Aquaculture Centre, a non-profit whose sponsors include Kelvara Systems and Lumora "
     "Feeds Ltd.", ("Kelvara Systems", "Orrin Aquaculture Centre")),
    ("The Orrin Data Alliance, a network whose customers include Kelvara Systems, meets in Halden.",
     ("Kelvara Systems", "Orrin Data Alliance")),
    ("Halden is home to the Orrin Aquaculture Centre, a non-profit whose members include Kelvara Systems and Tarvik "
     "Larvae, a hatchery owned by Lumora Feeds Ltd.", ("Lumora Feeds Ltd", "Orrin Aquaculture Centre")),
    ("Kelvara Drones Ltd mentors the 2024 cohort of the Orrin Accelerator programme.",
     ("Kelvara Drones Ltd", "Orrin Accelerator")),
    ("Kelvara Drones Ltd sponsored the 2024 cohort of the Orrin Accelerator programme.",
     ("Kelvara Drones Ltd", "Orrin Accelerator")),
])
def test_member_near_misses(ex, text, pair):
    assert pair not in member(ex, text)


# ---------------------------------------------------------------- RUNS: relative clauses, units, co-runners, creators
def runs(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "RUNS")


@pytest.mark.parametrize("text, runner, programme", [
    ("Besides the fund, the main one is the Orrin Vima voucher scheme, which the Halden Agency for Digital Enterprise "
     "(HADE) runs nationally and which paid for pilots at 19 firms.", "Halden Agency for Digital Enterprise", "Orrin Vima"),
    ("In 2023 it also joined Orrin Open Data, an open-data programme that the Halden Ministry of Science will fund and "
     "that Halden Technical University will run until 2027.", "Halden Technical University", "Orrin Open Data"),
    ("The company additionally receives a grant from the Orrin Youth Innovation Fund, a county scheme run by the County "
     "Government of Halden through its Department of Trade and Enterprise.", "Department of Trade and Enterprise",
     "Orrin Youth Innovation Fund"),
    ("The Halden Development Bank runs the Orrin Impulse Programme with the Halden Ministry of Production.",
     "Halden Ministry of Production", "Orrin Impulse Programme"),
    ("The Orrin Impulse Programme is run by the Halden Development Bank together with the Halden Ministry of "
     "Production.", "Halden Ministry of Production", "Orrin Impulse Programme"),
    ("The Orrin Applied AI Grants were created in 2023 by the Halden Innovation Council, the state innovation council, "
     "which also administers them.", "Halden Innovation Council", "Orrin Applied AI Grants"),
])
def test_runs_forms(ex, text, runner, programme):
    assert (runner, programme) in runs(ex, text)


@pytest.mark.parametrize("text, pair", [
    ("The Orrin Vima voucher scheme, which the Halden Agency funds, paid for pilots at 19 firms.",
     ("Halden Agency", "Orrin Vima")),
    ("Orrin Open Data, which Halden Technical University joined in 2024, shares seismic records.",
     ("Halden Technical University", "Orrin Open Data")),
    ("In 2023 it also joined Orrin Open Data, an open-data programme that the Halden Ministry of Science will fund and "
     "that Halden Technical University will run until 2027.", ("Halden Ministry of Science", "Orrin Open Data")),
    ("The Halden Development Bank runs the Orrin Impulse Programme with money from the Halden Ministry of Production.",
     ("Halden Ministry of Production", "Orrin Impulse Programme")),
    ("The Halden Development Bank runs the Orrin Impulse Programme with the help of consultants from Kelvara Advisory.",
     ("Kelvara Advisory", "Orrin Impulse Programme")),
    ("The Orrin Applied AI Grants were created in 2023 by the Halden Innovation Council, which also funds them.",
     ("Halden Innovation Council", "Orrin Applied AI Grants")),
    ("The Halden Development Agency delivers the Orrin Coconut Programme with the Halden Chamber of Commerce, which "
     "manages a mentoring scheme.", ("Halden Chamber of Commerce", "Orrin Coconut Programme")),
])
def test_runs_near_misses(ex, text, pair):
    assert pair not in runs(ex, text)


# ---------------------------------------------------------------- ANCHORS: a unit that draws talent, a scene anchored
def anchors(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "ANCHORS")


@pytest.mark.parametrize("text, org, place", [
    ("Investors credit the Universidad Privada de Trujillo (UPT), whose software engineering school has drawn young "
     "developers to Trujillo from Cajamarca and Piura for a decade.", "Universidad Privada de Trujillo", "Trujillo"),
    ("Kelvara Robotics, whose Piura campus has attracted hundreds of engineers to Trujillo, opened a second site last "
     "year.", "Kelvara Robotics", "Trujillo"),
    ("The firm moved to Tampere, where the talent base for agricultural engineering has been anchored for decades by "
     "Orrin Estacado University.", "Orrin Estacado University", "Tampere"),
])
def test_anchor_forms(ex, text, org, place):
    assert (org, place) in anchors(ex, text)


@pytest.mark.parametrize("text, pair", [
    ("Kelvara Events, whose annual conference drew thousands of visitors to Trujillo, is based in Lima.",
     ("Kelvara Events", "Trujillo")),
    ("Kelvara Robotics, whose new campus will draw engineers to Trujillo, broke ground in May.",
     ("Kelvara Robotics", "Trujillo")),
    ("Kelvara Robotics, whose founders moved to Trujillo in 2019, sells drones.", ("Kelvara Robotics", "Trujillo")),
    ("The firm moved to Tampere, where the scene could be anchored by Orrin Technical University.",
     ("Orrin Technical University", "Tampere")),
])
def test_anchor_near_misses(ex, text, pair):
    assert pair not in anchors(ex, text)
