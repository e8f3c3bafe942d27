"""FUNDS on unseen published pages (issue 14, wave 15), through the real spaCy pipeline (relation_fund_wrong_funder.py).

Forms learned from funding press releases ("The round was led by A, with participation from B; C contributed a
further $N as a loan"), VC blog posts ("Joining the round are ..."; "Its limited partners include ..."), university
lab news ("The lab is funded through an award from P. The Y Company contributes access to ... valued at $N"),
conference programme pages (speaker lines "Name, Programme Manager, Fund F" next to "Note: F has backed A and B") and
government programme pages ("Among the first companies funded by the window are: • A • B"). Every name is invented.

* a person is no funder of a company named on another line of a programme page;
* a list's funder yields to the funder a sentence names ("Among the first grantees were ...") and to the thing
  "funded by the <noun>" names;
* "X led R's round; B, an angel group, joined it" and "with B joining it": B funds R;
* "B contributed a further $1.2 million" after a sentence that funds R: B funds R.
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


# ---------------------------------------------------------------- a person on a speaker line is no funder
SPEAKERS = ("Orrin AI Forum 2026\n\n10:30 Panel: Who pays for deep tech?\n"
            "Moderator: Tamsin Okafor, Senior Correspondent, Harbour Ledger\n"
            "Ruta Vaitkus, Programme Manager, Nemunas Seed Fund\n"
            "Jonas Petrauskas, General Manager, Kaunas Cooperative Bank\n"
            "Note: the Nemunas Seed Fund has backed nine companies since 2024, among them Kursiai Robotics and "
            "Palanga Data Systems.\n")


def test_speaker_lines_no_person_funder(ex):
    got = funds(ex, SPEAKERS)
    assert not {(a, b) for a, b in got if a in ("Tamsin Okafor", "Ruta Vaitkus", "Jonas Petrauskas")}, got
    assert ("Nemunas Seed Fund", "Kursiai Robotics") in got


@pytest.mark.parametrize("text, person, company", [
    ("Kaldera Labs raised $2 million from Orrin Ventures and from angel investor Mirela Dobrescu.",
     "Mirela Dobrescu", "Kaldera Labs"),
    ("Lumora Robotics today announced a $4 million seed round. The round was led by Orrin Ventures, with "
     "participation from angel investor Tomasz Wierzbicki and Kestrel Partners.", "Tomasz Wierzbicki",
     "Lumora Robotics"),
    ("About Tarnow Vision\nTarnow Vision is a Kraków software company. It is backed by Orrin Ventures, a Kraków seed "
     "fund, and by angel investor Zofia Malinowska.", "Zofia Malinowska", "Tarnow Vision"),
])
def test_person_who_invested_stays(ex, text, person, company):
    assert (person, company) in funds(ex, text)


# ---------------------------------------------------------------- a list's funder
GRANTEES = ("Orla Data Consortium - Programmes\n\n"
            "With the Harbour Innovation Office, the consortium also administers the Quayside Markets Challenge, which "
            "awards small grants to traders' associations that digitise their stock. Among the first grantees were "
            "the Selkie Traders' Cooperative and the Marram Fishers' Association.\n")

WINDOW = ("Dunlin Farming Programme\n\nStart-up Window\n"
          "A part of the budget is set aside for young companies through a start-up window, which the programme "
          "finances and which is managed by the accelerator Sgurr Launchpad Ltd. Among the first companies funded by "
          "the window are:\n• Corran Analytics (Oban) - crop photos\n• Brora Grain Data - price forecasts\n")


def test_grantees_of_the_challenge_not_the_page(ex):
    got = funds(ex, GRANTEES)
    assert ("Orla Data Consortium", "Selkie Traders' Cooperative") not in got
    assert ("Orla Data Consortium", "Marram Fishers' Association") not in got


def test_funded_by_the_window_not_its_manager(ex):
    got = funds(ex, WINDOW)
    assert ("Sgurr Launchpad Ltd.", "Corran Analytics") not in got and ("Sgurr Launchpad Ltd", "Corran Analytics") \
        not in got
    assert not {a for a, b in got if b in ("Corran Analytics", "Brora Grain Data") and a.startswith("Sgurr")}


# ---------------------------------------------------------------- "joined it"
@pytest.mark.parametrize("text, funder, company", [
    ("Pehlin Partners also led Tarnow Vision's seed round last year; Oder Angels, a Szczecin angel group, joined it.",
     "Oder Angels", "Tarnow Vision"),
    ("Kaldera Voice's seed round this summer was led by Rioni Capital, with the Armenian fund Ararat Seed Partners "
     "joining it.", "Ararat Seed Partners", "Kaldera Voice"),
    ("Orrin Ventures led Lumora Robotics' $3 million seed round in May; Kestrel Partners, a Leeds fund, "
     "co-invested.", "Kestrel Partners", "Lumora Robotics"),
    ("Brakeley Analytics' Series A was led by Dunmore Capital, with the Oslo fund Fjord Seed Partners joining the "
     "round.", "Fjord Seed Partners", "Brakeley Analytics"),
])
def test_joined_it(ex, text, funder, company):
    assert (funder, company) in funds(ex, text)


@pytest.mark.parametrize("text, other", [
    ("Pehlin Partners led Tarnow Vision's seed round; Oder Angels, a Szczecin angel group, joined the board.",
     "Oder Angels"),
    ("Pehlin Partners led Tarnow Vision's seed round; Oder Angels, a rival fund, declined to join it.", "Oder Angels"),
    ("Pehlin Partners led Tarnow Vision's seed round; Oder Angels may join it later.", "Oder Angels"),
    ("Pehlin Partners led Tarnow Vision's seed round; Brakeley Analytics, a customer, joined the programme.",
     "Brakeley Analytics"),
])
def test_joined_it_near_misses(ex, text, other):
    assert not {(a, b) for a, b in funds(ex, text) if a == other}


# ---------------------------------------------------------------- "contributed a further $N"
@pytest.mark.parametrize("text, funder, recipient", [
    ("Tarnow Vision today announced a $6 million Series A financing. The round was led by Orrin Ventures, with "
     "participation from Kestrel Partners. The Baltic Ocean Fund, a public programme run by the Pomerania Agency, "
     "contributed a further $1.2 million as a repayable loan.", "Baltic Ocean Fund", "Tarnow Vision"),
    ("The Sgurr Data Lab is funded through a $2 million award from the Highland Futures Programme. The Dunlin Paper "
     "Company, a Fort William paper maker, contributes access to 30,000 hectares of woodland, valued at about "
     "$500,000.", "Dunlin Paper Company", "Sgurr Data Lab"),
    ("Kaldera Labs raised €3 million from Orrin Ventures. Kestrel Bank also provided a €1 million loan.",
     "Kestrel Bank", "Kaldera Labs"),
])
def test_contributed_after(ex, text, funder, recipient):
    assert (funder, recipient) in funds(ex, text)


@pytest.mark.parametrize("text, other", [
    ("Kaldera Labs raised €3 million from Orrin Ventures. Kestrel Bank will contribute €1 million next year.",
     "Kestrel Bank"),
    ("Kaldera Labs raised €3 million from Orrin Ventures. Brakeley Analytics contributed a chapter to the report.",
     "Brakeley Analytics"),
    ("Kaldera Labs raised €3 million from Orrin Ventures.\n\nKestrel Bank, a Gdańsk lender, provided $2 million in "
     "loans to shipyards last year.", "Kestrel Bank"),
    ("Kaldera Labs raised €3 million from Orrin Ventures. Kestrel Bank, its largest customer, added two new sites.",
     "Kestrel Bank"),
    ("Kaldera Labs raised €3 million from Orrin Ventures. Kestrel Bank, its first customer, provided 2 million labelled "
     "cheque images.", "Kestrel Bank"),
])
def test_contributed_near_misses(ex, text, other):
    assert ("Kaldera Labs" not in {b for a, b in funds(ex, text) if a == other})


# ---------------------------------------------------------------- "the lab" is the lab (relation_described_ends.py)
def partners(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "PARTNERS_WITH")


@pytest.mark.parametrize("text, unit, partner, wrong", [
    ("Derwent University has opened the Kelp Forest Data Lab, a research group that maps seaweed with drones. With the "
     "new lab, Derwent University joins the Tasman Data Consortium. The lab will also work with Hobart start-up Bruny "
     "Analytics on kelp forecasting.", "Kelp Forest Data Lab", "Bruny Analytics", "Derwent University"),
    ("Kestrel Technical University (KTU) has opened the Moorland Sensing Centre. With the new centre, KTU joins the "
     "Pennine Data Network. The centre will also collaborate with Brakeley Analytics on peat mapping.",
     "Moorland Sensing Centre", "Brakeley Analytics", "Kestrel Technical University"),
])
def test_the_lab_is_the_lab(ex, text, unit, partner, wrong):
    got = partners(ex, text)
    assert (wrong, partner) not in got


def test_the_company_left_alone(ex):
    text = ("Kaldera Labs opened an office in Kochi in March. The company will also work with the Vypin Institute of "
            "Marine Technology on sensor tests.")
    assert ("Kaldera Labs", "Vypin Institute of Marine Technology") in partners(ex, text)


# ---------------------------------------------------------------- a fund's limited partners, a portfolio line
@pytest.mark.parametrize("text, backers, fund, not_backer", [
    ("Dunmore Ventures is a Leeds seed fund that invests in farm software. Its limited partners include the Yorkshire "
     "Innovation Fund, a public fund run by the Northern Growth Agency, and Aire Holdings, a Bradford family office.",
     {"Yorkshire Innovation Fund", "Aire Holdings"}, "Dunmore Ventures", "Northern Growth Agency"),
    ("Fjord Seed Partners is an Oslo fund. Fjord Seed Partners' limited partners include Bergen Pension Fund and "
     "Stavanger Holdings.", {"Bergen Pension Fund", "Stavanger Holdings"}, "Fjord Seed Partners", None),
])
def test_limited_partners_fund_the_fund(ex, text, backers, fund, not_backer):
    got = funds(ex, text)
    assert {(b, fund) for b in backers} <= got
    assert not_backer is None or (not_backer, fund) not in got


@pytest.mark.parametrize("text, other, fund", [
    ("Dunmore Ventures is a Leeds seed fund. Its partners include Aire Robotics and Calder Data.", "Aire Robotics",
     "Dunmore Ventures"),
    ("Dunmore Ventures is a Leeds seed fund. Its general partners are Ada Brook and Tom Hale.", "Ada Brook",
     "Dunmore Ventures"),
])
def test_not_limited_partners(ex, text, other, fund):
    assert (other, fund) not in funds(ex, text)


def test_portfolio_line_under_about(ex):
    text = ("Why we backed Aire Robotics\n\nAbout Dunmore Ventures\nDunmore Ventures is a Leeds seed fund that invests "
            "in farm software.\nPortfolio: Aire Robotics, Calder Data, Wharfe Analytics\n")
    got = funds(ex, text)
    assert {("Dunmore Ventures", c) for c in ("Aire Robotics", "Calder Data", "Wharfe Analytics")} <= got


def test_customer_line_is_no_portfolio(ex):
    text = ("About Aire Robotics\nAire Robotics builds weeding robots for farms in Yorkshire.\n"
            "Customers: Calder Farms Ltd, Wharfe Growers Ltd\n")
    got = funds(ex, text)
    assert not {(a, b) for a, b in got if a == "Aire Robotics"}
