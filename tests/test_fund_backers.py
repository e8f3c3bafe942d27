"""FUNDS from a fund's limited partners (relation_fund_backers.py) and recipient lists whose items carry a place or
an apposition (relation_funding_spread.py), through the real spaCy pipeline. Invented names; near-misses too."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

FUNDS = "FUNDS"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def test_counts_among_its_limited_partners(ex):
    got = relations_in(ex, "The Kestrel Seed Fund, which Brenmoor Capital manages, counts among its limited partners "
                           "the Tessaly Development Bank and the Velmora family office Orrin Holdings.")
    assert (FUNDS, "Tessaly Development Bank", "Kestrel Seed Fund") in got
    assert (FUNDS, "Orrin Holdings", "Kestrel Seed Fund") in got


def test_limited_partners_in_a_fund_include(ex):
    got = relations_in(ex, "The Kestrel Seed Fund closed at $30 million. Limited partners in the Kestrel Seed Fund "
                           "include the Tessaly Development Bank and the family office Orrin Holdings.")
    assert (FUNDS, "Tessaly Development Bank", "Kestrel Seed Fund") in got
    assert (FUNDS, "Orrin Holdings", "Kestrel Seed Fund") in got


def test_funders_are_limited_partners_in_a_fund(ex):
    got = relations_in(ex, "Brenmoor Capital and the Velmora Pension Trust are limited partners in the Kestrel Seed "
                           "Fund.")
    assert (FUNDS, "Brenmoor Capital", "Kestrel Seed Fund") in got
    assert (FUNDS, "Velmora Pension Trust", "Kestrel Seed Fund") in got


def test_a_former_limited_partner_funds_nothing(ex):
    got = relations_in(ex, "Brenmoor Capital was formerly a limited partner in the Kestrel Seed Fund, and Orrin "
                           "Holdings is not a limited partner of the Kestrel Seed Fund.")
    assert not any(r[0] == FUNDS for r in got)


def test_portfolio_list_items_with_a_place_and_an_apposition(ex):
    got = relations_in(ex, "Brenmoor Capital is a Velmora venture firm. Brenmoor Capital's portfolio now includes "
                           "Kelvara Robotics of Tarsk, Orvala Vet AI, a livestock-health start-up from Galdora, and the "
                           "Halvard translation company Quillon Labs.")
    assert (FUNDS, "Brenmoor Capital", "Kelvara Robotics") in got
    assert (FUNDS, "Brenmoor Capital", "Orvala Vet AI") in got
    assert (FUNDS, "Brenmoor Capital", "Quillon Labs") in got


def test_an_apposition_naming_another_firm_ends_the_list(ex):
    got = relations_in(ex, "Brenmoor Capital's portfolio includes Kelvara Robotics, a supplier of Tessaly Motors, and "
                           "has grown fast.")
    assert (FUNDS, "Brenmoor Capital", "Tessaly Motors") not in got


def test_recipients_listed_after_the_programme_that_pays(ex):
    got = relations_in(ex, "The Orvala Innovation Voucher scheme, which the Tessaly Agency administers, has backed more "
                           "than 90 small firms since 2023. Among them are Quillon Vision of Tarsk and the Galdora "
                           "start-up Brisk Robotics.")
    assert (FUNDS, "Orvala Innovation Voucher", "Quillon Vision") in got
    assert (FUNDS, "Orvala Innovation Voucher", "Brisk Robotics") in got
    got = relations_in(ex, "The Harrow Dairy Programme gives small dairies up to 20,000 euros each. Among the first "
                           "dairies selected are Latteria Orvala and Caseificio Tarsk.")
    assert (FUNDS, "Harrow Dairy Programme", "Latteria Orvala") in got


def test_among_after_a_programme_that_pays_nothing(ex):
    got = relations_in(ex, "The Harrow Growth Programme trains managers of small firms. Among them are staff of "
                           "Kelvara Robotics and Quillon Labs.")
    assert (FUNDS, "Harrow Growth Programme", "Kelvara Robotics") not in got
    got = relations_in(ex, "The Harrow Voucher Programme has backed 40 firms. Among its critics are Kelvara Robotics "
                           "and Quillon Labs.")
    assert (FUNDS, "Harrow Voucher Programme", "Kelvara Robotics") not in got
