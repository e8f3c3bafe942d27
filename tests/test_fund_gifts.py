"""FUNDS in published forms no earlier rule read, and sponsorship that is no funding (issue 14, wave 17), through the
real spaCy pipeline (relation_fund_gifts.py; the "whose limited partners" form in relation_fund_wrong_funder.py).

Forms learned from venture news digests ("its existing backers include A", "the round also featured B", "C was among
the investors", "extended its series B with commitments from D", "a Tencent-led series B", "E is also among its
shareholders"), government grant releases ("The cash comes from UKRI", "have been awarded funding totalling GBP 177
million by HEFCE"), university and MoU releases ("X will contribute equipment worth ... to the laboratory", "thanks to
funding from Y", "set up with a gift from Z"), and conference and news pages for the near-misses (event sponsors,
contracts and prizes awarded, suppliers, customers). Every name is invented.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in

V = "Vendra Labs"
CENTRE = "Vembra Centre for Data Science"
TARN = "Tarn Institute for Machine Learning"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def funds(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "FUNDS")


# ---------------------------------------------------------------- the funders of a round named after its company
@pytest.mark.parametrize("text, want", [
    ("Vendra Labs, a Tartu start-up, raised €4 million this week. The round drew Koidu Ventures, Emajõgi Capital "
     "and the Tallinn Angel Network.", {("Koidu Ventures", V), ("Emajõgi Capital", V), ("Tallinn Angel Network", V)}),
    ("Vendra Labs closed a $9 million Series A last spring. The round also featured Emajõgi Capital and Saare Bank.",
     {("Emajõgi Capital", V), ("Saare Bank", V)}),
    ("Vendra Labs closed a $9 million Series A last spring. Emajõgi Capital was among the investors.",
     {("Emajõgi Capital", V)}),
    ("Vendra Labs closed a $9 million Series A last spring. Among the investors were Emajõgi Capital and Saare Bank.",
     {("Emajõgi Capital", V), ("Saare Bank", V)}),
    ("Emajõgi Capital is also among Vendra Labs's shareholders.", {("Emajõgi Capital", V)}),
    ("Vendra Labs extended its Series A round to $20 million with commitments from Emajõgi Capital and Saare Bank.",
     {("Emajõgi Capital", V), ("Saare Bank", V)}),
    ("Vendra Labs closed a Koidu Ventures-led Series A of $9 million.", {("Koidu Ventures", V)}),
    ("Vendra Labs closed a $9 million Series A last spring, bringing its total funding to $15 million. Saare Bank "
     "joined as a new investor.", {("Saare Bank", V)}),
    ("Illvision SAS is a Strasbourg software company. Its Series A was led by Kehl Capital Partners.",
     {("Kehl Capital Partners", "Illvision SAS")}),
    ("Kuukkeli Data's round was led by Jänkä Capital of Oulu. The Lapland Growth Fund came in as well.",
     {("Lapland Growth Fund", "Kuukkeli Data")}),
    ("Catlins Carbon later raised from Aotearoa Impact Partners.", {("Aotearoa Impact Partners", "Catlins Carbon")}),
    ("Sajan Koshy, Managing Partner, Chalai Capital Advisors (an early investor in Attukal Vision)",
     {("Chalai Capital Advisors", "Attukal Vision")}),
])
def test_round_funders(ex, text, want):
    got = funds(ex, text)
    assert want <= got, got


# ---------------------------------------------------------------- gifts of money or kind to a named recipient
@pytest.mark.parametrize("text, want", [
    ("Koidu Ventures will contribute equipment worth about €300,000 to Vembra Data.", ("Koidu Ventures", "Vembra Data")),
    ("Koidu Ventures contributes GPU hours worth about €300,000 a year to Vembra Data.",
     ("Koidu Ventures", "Vembra Data")),
    ("The Vembra Centre for Data Science is a Tartu lab. Saare Cloud, a unit of the Riga telecoms group Daugava "
     "Telecom, will provide cloud credits to the centre.", ("Saare Cloud", CENTRE)),
    ("The Vembra Centre for Data Science is a Tartu lab. The Saare Agency is providing the centre with an additional "
     "grant of 1.2 million euros.", ("Saare Agency", CENTRE)),
    ("Saare Cloud donated compute worth €50,000 to Vembra Data.", ("Saare Cloud", "Vembra Data")),
    ("Koidu Ventures has taken a minority stake in Vendra Labs.", ("Koidu Ventures", V)),
    ("Koidu Ventures is paying $4.5 million for a 7.7% stake in Vendra Labs.", ("Koidu Ventures", V)),
])
def test_gifts(ex, text, want):
    assert want in funds(ex, text)


# ---------------------------------------------------------------- where the money comes from; possessed funder lists
@pytest.mark.parametrize("text, want", [
    ("Marlow Robotics will receive £750,000 to build inspection drones. The money comes from the Severn Innovation "
     "Agency.", {("Severn Innovation Agency", "Marlow Robotics")}),
    ("Thanks to funding from the Ardent Foundation, the Tarn Institute for Machine Learning will hire ten researchers.",
     {("Ardent Foundation", TARN)}),
    ("The Tarn Institute for Machine Learning was set up with a €5 million gift from the Ardent Foundation.",
     {("Ardent Foundation", TARN)}),
    ("The Tarn Institute for Machine Learning thanks its funders, the Ardent Foundation and the Lauragais Trust.",
     {("Ardent Foundation", TARN), ("Lauragais Trust", TARN)}),
    ("Marlow Robotics has been awarded funding totalling £2 million by the Severn Innovation Agency, through its "
     "Bridge AI programme.", {("Severn Innovation Agency", "Marlow Robotics")}),
    ("Capital Cantons, a Sherbrooke-based seed fund whose limited partners include the Fonds Orford and Desjardins "
     "Capital Estrie, backs six firms.", {("Fonds Orford", "Capital Cantons"),
                                          ("Desjardins Capital Estrie", "Capital Cantons")}),
])
def test_money_sources(ex, text, want):
    got = funds(ex, text)
    assert want <= got, got


# ---------------------------------------------------------------- near-misses: no funding stated
@pytest.mark.parametrize("text, pair", [
    ("The Ardent Foundation's annual Research Day is sponsored by Saare Bank.", ("Saare Bank", "Ardent Foundation")),
    ("Vendra Labs was a finalist at the Tartu Innovation Awards, which were sponsored by Saare Bank.",
     ("Saare Bank", V)),
    ("The Alliance for Baltic AI holds its annual Industrial AI Day in May. The Alliance's annual Industrial AI Day is "
     "sponsored by Saare Bank and Koidu Ventures.", ("Saare Bank", "Alliance for Baltic AI")),
    ("Baltic AI Symposium 2026 — Programme\n\nHosted by the Tarn Institute for Machine Learning.\n\n"
     "Sponsors: Saare Bank · Koidu Ventures\n", ("Saare Bank", TARN)),
    ("Vendra Labs awarded a contract to Saare Data last year.", (V, "Saare Data")),
    ("The Ardent Foundation awarded the Tarn Prize to Vendra Labs.", ("Ardent Foundation", V)),
    ("Marlow Robotics was given a contract worth £2 million by the Severn Innovation Agency.",
     ("Severn Innovation Agency", "Marlow Robotics")),
    ("Vendra Labs gave a talk to the Saare Agency in May.", (V, "Saare Agency")),
    ("Pannala Agritech supplies drones to Vendra Labs.", ("Pannala Agritech", V)),
    ("Saare Bank provides software to Vendra Labs under a three-year contract.", ("Saare Bank", V)),
    ("Saare Bank provided software worth €3 million to Vendra Labs.", ("Saare Bank", V)),
    ("Vendra Labs won a grant from the Emajõgi Challenge, a competition that the Saare Agency runs with money from "
     "Koidu Ventures.", ("Koidu Ventures", V)),
    ("The Vembra Centre for Data Science is part of Tartu University. Its grant comes from the Emajõgi Challenge, a "
     "competition run by the Saare Agency.", ("Saare Agency", CENTRE)),
    ("Vendra Labs closed a $9 million Series A last spring. Saare Bank was among the customers.", ("Saare Bank", V)),
    ("Vendra Labs plans to raise money from Koidu Ventures next year.", ("Koidu Ventures", V)),
    ("Vendra Labs joined the Baltic AI Alliance in May. Saare Bank also joined.", ("Saare Bank", V)),
    ("Vendra Labs took advice from Saare Bank.", ("Saare Bank", V)),
    ("The Tartu AI Summit was sponsored by Koidu Ventures and Saare Bank.", ("Koidu Ventures", "Tartu AI Summit")),
])
def test_near_misses(ex, text, pair):
    assert pair not in funds(ex, text)


def test_funding_next_to_an_event_sponsor_stays(ex):
    text = ("Saare Bank sponsors the Tarn Institute for Machine Learning's annual hackathon, and Koidu Ventures funds "
            "two of the Tarn Institute for Machine Learning's projects.")
    got = funds(ex, text)
    assert ("Koidu Ventures", TARN) in got and ("Saare Bank", TARN) not in got, got


def test_research_sponsorship_stays(ex):
    text = ("The Tarn Institute for Machine Learning runs the Garonne Fellowship. The fellowship is sponsored by "
            "Saare Bank.")
    got = funds(ex, text)
    assert any(a == "Saare Bank" for a, _ in got), got
