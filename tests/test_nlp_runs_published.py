"""RUNS in the forms of programme pages and funding news (relation_runs_published.py) and people in table rows and
roster lines under a heading (relation_people_published.py), through the real spaCy pipeline. Invented names;
each form with a near-miss that must give nothing."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A, RUNS, FUNDS = "AFFILIATED_WITH", "RUNS", "FUNDS"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def test_the_programme_administered_and_operated_by_two_runners(ex):
    got = relations_in(ex, "The Harrow Compute Grants give small firms access to GPUs. The programme is administered "
                           "by the Tamsin Digital Office and operated day to day by Corvell Data Services.")
    assert (RUNS, "Tamsin Digital Office", "Harrow Compute Grants") in got
    assert (RUNS, "Corvell Data Services", "Harrow Compute Grants") in got


def test_a_funder_in_the_same_passive_is_no_runner(ex):
    got = relations_in(ex, "The Tarn AI Fellowship supports ten researchers a year. The fellowship is funded by the "
                           "Brenmoor Trust and run by the Oskarby Institute of Technology.")
    assert (RUNS, "Oskarby Institute of Technology", "Tarn AI Fellowship") in got
    assert (RUNS, "Brenmoor Trust", "Tarn AI Fellowship") not in got


def test_grant_from_a_funder_under_its_scheme(ex):
    got = relations_in(ex, "Brightwater Sensing received a grant from Ostrava Innovation Agency, the regional "
                           "development body, under its Smart Factory Vouchers programme.")
    assert (RUNS, "Ostrava Innovation Agency", "Smart Factory Vouchers") in got


def test_a_programme_only_funded_has_no_runner(ex):
    got = relations_in(ex, "The Harrow Compute Grants give small firms access to GPUs. The programme is funded by "
                           "the Ministry of Coastal Affairs.")
    assert not any(r[0] == RUNS for r in got)


def test_possessive_programme_and_scheme_of_org(ex):
    got = relations_in(ex, "Ledger Fox is backed by Marlow Capital's seed programme Quickstart Ventures Fund. "
                           "Applicants may also apply to the Tidewell Growth Fund scheme of the Vesper Innovation "
                           "Foundation.")
    assert (RUNS, "Marlow Capital", "Quickstart Ventures Fund") in got
    assert (RUNS, "Vesper Innovation Foundation", "Tidewell Growth Fund") in got


def test_table_rows_of_officers_tie_people_to_the_filer(ex):
    text = ("Tessaly Grid Systems\n\nTessaly Grid Systems sells forecasting software to utilities in Spokane.\n\n"
            "Information about our Executive Officers\n\nName | Age | Position\n"
            "Marta Olsson | 52 | President and Chief Executive Officer\nIvar Lindgren | 47 | Chief Financial Officer\n")
    got = relations_in(ex, text)
    assert (A, "Marta Olsson", "Tessaly Grid Systems") in got and (A, "Ivar Lindgren", "Tessaly Grid Systems") in got


def test_a_table_row_of_a_former_post_gives_nothing(ex):
    text = ("Tessaly Grid Systems\n\nTessaly Grid Systems sells forecasting software to utilities in Spokane.\n\n"
            "Name | Role\nLars Eklund | former Chief Executive Officer\n")
    assert (A, "Lars Eklund", "Tessaly Grid Systems") not in relations_in(ex, text)


def test_heading_over_one_line_of_semicolon_items(ex):
    text = ("Kuria Language Consortium\n\nThe Kuria Language Consortium builds speech tools for East African "
            "languages in Nairobi.\n\nSteering committee\nAmani Otieno (chair, Nairobi Institute of Computing); "
            "Wanjiru Kamau (Jambo Telecom); Baraka Mwangi (Savanna AI).\n")
    got = relations_in(ex, text)
    for p in ("Amani Otieno", "Wanjiru Kamau", "Baraka Mwangi"):
        assert (A, p, "Kuria Language Consortium") in got
    assert (A, "Wanjiru Kamau", "Jambo Telecom") in got


def test_prose_under_a_team_heading_is_no_roster(ex):
    text = ("Why Fjell Seed is backing Skarv Bio\n\nPosted by Ola Berg, Partner at Fjell Seed | 2 May 2025\n\n"
            "Fjell Seed is leading the seed round of Skarv Bio, a Bergen start-up.\n\nThe team\n"
            "Skarv Bio was founded in 2024 by Ingrid Vik and Tor Lunde; Vik is the chief scientist and Lunde the "
            "chief executive.\n")
    got = relations_in(ex, text)
    assert (A, "Tor Lunde", "Fjell Seed") not in got and (A, "Ingrid Vik", "Fjell Seed") not in got


def test_an_organisation_described_as_the_programmes_operator(ex):
    got = relations_in(ex, "Tamsin Digital Office, the programme's operator, opened the Harrow Compute Grants call in "
                           "March.")
    assert (RUNS, "Tamsin Digital Office", "Harrow Compute Grants") in got


def test_the_programmes_funder_is_no_operator(ex):
    got = relations_in(ex, "The Corvid Foundation, the programme's main funder, opened the Harrow Compute Grants call "
                           "in March.")
    assert (RUNS, "Corvid Foundation", "Harrow Compute Grants") not in got


def test_former_before_the_org_and_title_is_no_current_post(ex):
    got = relations_in(ex, "Former Quaymark Robotics chief executive Nadia Lund joined Brisk Metrics.")
    assert not any(r[0] == A and r[1] == "Nadia Lund" and "Quaymark" in r[2] for r in got)


def test_table_rows_in_a_filing_tie_people_to_the_filer(ex):
    text = ("Item 1. Business\n\nHarlow Grid Systems, Inc. (the \"Company\", \"we\" or \"our\") sells forecasting "
            "software to rural utilities. We were "
            "incorporated in 2016 and our headquarters are in Spokane.\n\nInformation about our Executive Officers\n\n"
            "Name | Age | Position\nMarta Olsson | 52 | President and Chief Executive Officer\n"
            "Ivar Lindgren | 47 | Chief Financial Officer\n\nWe have 120 employees.\n")
    got = relations_in(ex, text)
    assert any(r[0] == A and r[1] == "Ivar Lindgren" and r[2].startswith("Harlow Grid Systems") for r in got)


def test_field_line_with_person_and_org(ex):
    got = relations_in(ex, "Querétaro applied AI guide\n\nEditor: Mariana Trejo, Analítica Queretana.\n")
    assert (A, "Mariana Trejo", "Analítica Queretana") in got


def test_field_line_with_a_former_org_gives_nothing(ex):
    got = relations_in(ex, "Contact: Lim Wei Ling, formerly of Tamsin Digital Office\n")
    assert (A, "Lim Wei Ling", "Tamsin Digital Office") not in got


def test_runner_after_a_described_the(ex):
    got = relations_in(ex, "Harrow Compute Grants offers vouchers for AI pilots. The scheme is administered by the "
                           "state Secretariat for Sustainable Development.")
    assert (RUNS, "Secretariat for Sustainable Development", "Harrow Compute Grants") in got


def test_coordinated_relative_clauses_fund_and_run(ex):
    got = relations_in(ex, "Kordon Veri is in this year's cohort of the Harrow Launch Programme, a programme that the "
                           "Izmir Development Agency funds and that the university incubator Teknopark Izmir runs.")
    assert (RUNS, "Teknopark Izmir", "Harrow Launch Programme") in got
    assert (RUNS, "Izmir Development Agency", "Harrow Launch Programme") not in got


def test_relative_clause_of_running_with_a_place_is_said_of_the_last_name_only(ex):
    got = relations_in(ex, "The Greater Poland Development Agency funds the Sandbox, and the Harrow Voucher Programme, "
                           "which the Marshal's Office of Torun Province in Torun administers, has backed 90 firms.")
    assert any(r[0] == RUNS and "Office of Torun Province" in r[1] and r[2] == "Harrow Voucher Programme" for r in got)
    assert not any(r[0] == RUNS and r[2] == "Sandbox" for r in got)


def test_runners_listed_after_a_colon_inline_and_as_bullets(ex):
    got = relations_in(ex, "The Harrow Compute Grants give small firms GPU time. Two organisations deliver the "
                           "programme: the Kelvin Data Centre, a Leeds research centre for data science, and the Smart "
                           "Factory Lab of Tellwick University.")
    assert (RUNS, "Kelvin Data Centre", "Harrow Compute Grants") in got
    assert (RUNS, "Smart Factory Lab", "Harrow Compute Grants") in got
    assert (RUNS, "Tellwick University", "Harrow Compute Grants") not in got
    text = ("The Harrow Adoption Scheme gives manufacturers grants.\n\nRegional hubs\nProjects are supported by four "
            "regional hubs, which deliver the scheme in their regions:\n- London: the Aldgate Institute for Applied Data "
            "Science\n- Manchester: the Irwell Centre for Industrial AI, part of Manchester Metropolitan University\n\n"
            "Applications open in May.\n")
    got = relations_in(ex, text)
    assert (RUNS, "Irwell Centre for Industrial AI", "Harrow Adoption Scheme") in got
    assert (RUNS, "Manchester Metropolitan University", "Harrow Adoption Scheme") not in got


def test_funders_listed_after_a_colon_run_nothing(ex):
    got = relations_in(ex, "The Harrow Compute Grants give small firms GPU time. Two organisations fund the programme: "
                           "the Kelvin Foundation and the Corvid Trust.")
    assert not any(r[0] == RUNS for r in got)
