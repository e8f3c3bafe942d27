"""FUNDS in clause forms of funding news (issue 14, wave 13), through the real spaCy pipeline: an absolute clause
of co-investors ("a round led by A, with B and C also participating"), a group before the funders ("backed by a
roster of investors, including A and B"), a description apposed to the funded name ("A invested in another Oslo
start-up, X") and a fronted funding phrase ("With financing from A, X opened ..."); near-misses: a hackathon or a
pilot "with B taking part", customers, plans, mentors, a sale. Forms learned from funding news (Re/code, Globa
Ventuing, CNBC via Benzinga, Crunchbase News) and UK grant releases; names invented (relation_fund_clauses.py)."""

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
    "Vantor AI raised a $40 million round led by Formline Capital, with Orrin Labs and Kestrel Partners participating, too.",
    "Vantor AI raised $40 million in a round led by Formline Capital, with Orrin Labs and Kestrel Partners also participating.",
    "Vantor AI closed a $7 million round, with Formline Capital, Orrin Labs and Kestrel Partners all participating.",
    "Vantor AI has secured €5m in seed funding led by Formline Capital, with Orrin Labs and Kestrel Partners joining.",
    "Formline Capital led Vantor AI's Series A, with Orrin Labs and Kestrel Partners taking part.",
    "OSLO, 4 March -- Vantor AI raised $12 million from Formline Capital, with Orrin Labs and the Kestrel Partners "
    "fund also investing.",
])
def test_with_co_investors_participating(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Orrin Labs", "Vantor AI") in got
    assert ("Kestrel Partners", "Vantor AI") in got


@pytest.mark.parametrize("text", [
    "Vantor AI announced a hackathon in Oslo, with Orrin Labs and Kestrel Partners joining.",
    "Vantor AI launched a pilot with Orrin Labs and Kestrel Partners participating.",
    "Orrin Labs hosted the summit, with Kestrel Partners and Vantor AI participating.",
    "Vantor AI closed a $7 million round, with customers such as Orrin Labs participating in the pilot.",
    "Vantor AI plans to raise a $7 million round, with Orrin Labs and Kestrel Partners participating.",
])
def test_with_participating_near_misses(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Orrin Labs", "Vantor AI") not in got
    assert ("Kestrel Partners", "Vantor AI") not in got


@pytest.mark.parametrize("text", [
    "Lumora Systems is now backed by a roster of investors, including Brakeley Ventures and Northgate Capital.",
    "Lumora Systems is funded by a number of public bodies, including the Nordic Development Bank and Northgate Capital.",
    "Lumora Systems, backed by a syndicate of investors led by Brakeley Ventures and Northgate Capital, is hiring.",
    "Lumora Systems has been financed by a mix of funds such as Brakeley Ventures and Northgate Capital.",
])
def test_backed_by_a_group_including(ex, text):
    got = funds(relations_in(ex, text))
    first = "Nordic Development Bank" if "Nordic" in text else "Brakeley Ventures"
    assert (first, "Lumora Systems") in got
    assert ("Northgate Capital", "Lumora Systems") in got


@pytest.mark.parametrize("text", [
    "Lumora Systems is advised by a network of mentors, including Brakeley Ventures and Northgate Capital.",
    "Lumora Systems is not backed by a group of investors such as Brakeley Ventures and Northgate Capital.",
    "Lumora Systems sells to a number of banks, including Brakeley Ventures and Northgate Capital.",
])
def test_group_near_misses(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Brakeley Ventures", "Lumora Systems") not in got
    assert ("Northgate Capital", "Lumora Systems") not in got


@pytest.mark.parametrize("text", [
    "Brenmoor Capital invested in another Oslo start-up, Kelvara Robotics, last year.",
    "Matrion Partners and Brenmoor Capital recently funded another Berlin-based AI startup, Kelvara Robotics.",
    "Brenmoor Capital has also backed a Tartu software firm, Kelvara Robotics.",
    "In 2023 Brenmoor Capital invested in a young robotics maker, Kelvara Robotics, and in two labs.",
])
def test_described_recipient(ex, text):
    assert ("Brenmoor Capital", "Kelvara Robotics") in funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "Brenmoor Capital acquired another Oslo start-up, Kelvara Robotics, last year.",
    "Brenmoor Capital plans to invest in another Oslo start-up, Kelvara Robotics.",
    "Brenmoor Capital competes with another Oslo start-up, Kelvara Robotics.",
    "Brenmoor Capital invested in the Oslo start-up scene, with Kelvara Robotics as a customer.",
])
def test_described_recipient_near_misses(ex, text):
    assert ("Brenmoor Capital", "Kelvara Robotics") not in funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "With financing from the Nordic Development Bank, Tarvo Systems will open a second lab.",
    "With a grant from the Nordic Development Bank, Tarvo Systems built a test site in Tartu.",
    "With seed capital from the Nordic Development Bank and Brakeley Ventures, Tarvo Systems hired 20 engineers.",
])
def test_fronted_with_funding(ex, text):
    assert ("Nordic Development Bank", "Tarvo Systems") in funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "With offices in Tartu and Riga, Tarvo Systems sells to the Nordic Development Bank.",
    "With help from the Nordic Development Bank's staff, Tarvo Systems wrote the report.",
    "With revenue from the Nordic Development Bank, Tarvo Systems grew last year.",
])
def test_fronted_with_near_misses(ex, text):
    assert ("Nordic Development Bank", "Tarvo Systems") not in funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "Sargaso Ventures counts the state development bank Banco de Fomento Insular and the Tenerife family office "
    "Grupo Teide Patrimonial among its limited partners.",
    "Rambla Ventures is a Montevideo-based early-stage fund. It counts the pension fund Caja Notarial Oriental and the "
    "Madrid family office Grupo Teide Patrimonial among its limited partners.",
])
def test_counts_list_among_its_limited_partners(ex, text):
    got = funds(relations_in(ex, text))
    fund = "Sargaso Ventures" if text.startswith("Sargaso") else "Rambla Ventures"
    assert ("Grupo Teide Patrimonial", fund) in got


def test_counts_among_customers_is_no_lp(ex):
    got = funds(relations_in(ex, "Orrin Fund counts Kestrel Capital among its customers, and the Helvia Trust among "
                                 "its limited partners."))
    assert ("Kestrel Capital", "Orrin Fund") not in got


@pytest.mark.parametrize("text", [
    "COMIA is funded by the Regional Directorate for Science and Technology through its Mar Digital programme, and by "
    "the Oceano Aberto Foundation, a Lisbon-based foundation.",
    "Kelvo Lab is funded by the Orrin Agency under its Smart Farms scheme, and by the Oceano Aberto Foundation.",
])
def test_co_funder_after_a_scheme(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Oceano Aberto Foundation", "COMIA" if "COMIA" in text else "Kelvo Lab") in got


@pytest.mark.parametrize("text", [
    "Sargaso Ventures wrote its first cheque in 2021. We co-led Levada AI's seed round with Tejo Seed Partners.",
    "Brenmoor Capital led Levada AI's $5 million Series A alongside Tejo Seed Partners.",
])
def test_round_with_co_investor(ex, text):
    assert ("Tejo Seed Partners", "Levada AI") in funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "We joined Levada AI's board with Tejo Seed Partners.",
    "Brenmoor Capital led Levada AI's seed round with help from Tejo Seed Partners' lawyers.",
])
def test_round_with_near_misses(ex, text):
    assert ("Tejo Seed Partners", "Levada AI") not in funds(relations_in(ex, text))


@pytest.mark.parametrize("text", [
    "Sargaso Ventures' portfolio now includes eleven companies. A few of them: Levada AI, a Funchal start-up that "
    "predicts landslides; Cumbre Robotics of Santa Cruz de Tenerife; and Basalto Data, a spin-out of a lab.",
    "Sargaso Ventures was founded in 2019. Its portfolio includes nine firms. Among them: Levada AI, Cumbre Robotics "
    "and Basalto Data.",
])
def test_portfolio_items(ex, text):
    got = funds(relations_in(ex, text))
    assert ("Sargaso Ventures", "Levada AI") in got
    assert ("Sargaso Ventures", "Basalto Data") in got


def test_portfolio_near_miss(ex):
    got = funds(relations_in(ex, "Sargaso Ventures' portfolio is small. Some of them compete with Levada AI."))
    assert ("Sargaso Ventures", "Levada AI") not in got


@pytest.mark.parametrize("text", [
    "The Kelvo Programme is financed by the Orrin Ministry with a contribution from the Helvia Development Trust.",
    "The Kelvo Programme is financed by the Orrin Ministry with co-financing from the Helvia Development Trust.",
    "The Kelvo Programme is funded by the Orrin Ministry, with matching funds from the Helvia Development Trust.",
])
def test_co_funder_with_a_contribution(ex, text):
    assert ("Helvia Development Trust", "Kelvo Programme") in funds(relations_in(ex, text))


def test_contribution_from_staff_is_no_funder(ex):
    got = funds(relations_in(ex, "The Kelvo Programme is financed by the Orrin Ministry with advice from the Helvia "
                                 "Development Trust."))
    assert ("Helvia Development Trust", "Kelvo Programme") not in got
