"""FUNDS and RUNS in published forms of grant news, round announcements and programme pages (issue 14), through the
real spaCy pipeline: a round's possessor is its recipient, refusals state no funding, inverted recipient lists, light
verbs of giving ("made grants to"), money given "towards" or "for" a name, a round's investors with its owner named,
and relative clauses without "that" (relation_contact_clauses.py). Invented names; near-misses for each reading."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in

FUNDS, RUNS = "FUNDS", "RUNS"
U, P, H = "Tarvik University", "Quorra Accelerator", "Halden Innovation Agency"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def funds(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), FUNDS)


def runs(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), RUNS)


# ------------------------------------------------------------------ a round's possessor received it
@pytest.mark.parametrize("text", [
    "Ikoyi Partners, the venture firm that led Orrin Labs' 2025 funding round, has offices in Tarsk.",
    "Orrin Labs' chairman is also a partner at Ikoyi Partners, the investment firm that led Orrin Labs' funding round.",
    "Ikoyi Partners, which led Orrin Labs' seed funding round last year, opened a Tarsk office.",
])
def test_the_possessor_of_a_funding_round_is_its_recipient(ex, text):
    got = funds(ex, text)
    assert ("Orrin Labs", "Ikoyi Partners") not in got
    assert ("Ikoyi Partners", "Orrin Labs") in got


@pytest.mark.parametrize("text", [
    "Orrin Labs' funding round was led by Brenmoor Capital.",
    "Brenmoor Capital's investment in Kelvara Robotics was its largest.",
])
def test_other_possessive_funding_forms_keep_their_direction(ex, text):
    got = funds(ex, text)
    assert got and not any(b == "Brenmoor Capital" for _, b in got)


# ------------------------------------------------------------------ refusals
@pytest.mark.parametrize("text", [
    "Brenmoor Capital refused to fund Kelvara Robotics.",
    "The Halden Regional Council declined to fund the Quorra AI Hub.",
    "Brenmoor Capital declined to invest in Kelvara Robotics.",
    "Brenmoor Capital failed to back Kelvara Robotics.",
])
def test_a_refusal_to_fund_states_no_funding(ex, text):
    assert not funds(ex, text)


def test_an_agreement_to_fund_still_funds(ex):
    assert ("Brenmoor Capital", "Kelvara Robotics") in funds(ex, "Brenmoor Capital agreed to invest in Kelvara Robotics.")


# ------------------------------------------------------------------ recipients after "among"
@pytest.mark.parametrize("text", [
    "Among the recipients of the Velmora Research Programme are Kelvara Robotics and Orvala Vision.",
    "The Velmora Research Programme paid for 14 of the 23 projects; among its recipients are Kelvara Robotics and "
    "Orvala Vision.",
    "Kelvara Robotics and Orvala Vision are among the recipients of the Velmora Research Programme.",
    "The Velmora Research Programme paid for 14 projects; its recipients include Kelvara Robotics and Orvala Vision.",
])
def test_recipients_named_after_among(ex, text):
    got = funds(ex, text)
    assert ("Velmora Research Programme", "Kelvara Robotics") in got
    assert ("Velmora Research Programme", "Orvala Vision") in got


def test_a_described_scheme_before_the_recipients_is_not_another_programme(ex):
    got = funds(ex, "The Halden Development Fund runs the Korytarz AI grant scheme, which is co-financed by the Eastern "
                    "Cohesion Programme. Among the scheme's recipients are Wislok Vision and the Applied Robotics Lab.")
    assert ("Eastern Cohesion Programme", "Wislok Vision") not in got
    assert ("Eastern Cohesion Programme", "Applied Robotics Lab") not in got


@pytest.mark.parametrize("text", [
    "Kelvara Robotics joined the Velmora Research Programme last year. Among its recipients are Orvala Vision and "
    "Tarvik University.",
    "Kelvara Robotics joined the Velmora Research Programme in 2024. Its recipients include Orvala Vision and Tarvik "
    "University.",
    "Tessaly Bank, which funds the Velmora Research Programme, said its recipients include Orvala Vision.",
])
def test_its_recipients_without_the_programme_as_subject_give_nothing(ex, text):
    got = funds(ex, text)
    assert not any(b in ("Orvala Vision", "Tarvik University") for _, b in got)


# ------------------------------------------------------------------ light verbs and money given towards a name
@pytest.mark.parametrize("text, funder, recipient", [
    ("The Velmora Research Fund has made grants to Kelvara Robotics and Orvala Vision.", "Velmora Research Fund",
     "Kelvara Robotics"),
    ("The Northern Development Bank made a €2 million loan to Kelvara Robotics in 2024.", "Northern Development Bank",
     "Kelvara Robotics"),
    ("The Halden Regional Council contributed €400,000 towards the Quorra AI Hub.", "Halden Regional Council",
     "Quorra AI Hub"),
    ("The Halden Regional Council provided €400,000 for the Quorra AI Hub.", "Halden Regional Council", "Quorra AI Hub"),
    ("The Halden Regional Council has committed €2 million toward the Quorra AI Hub over four years.",
     "Halden Regional Council", "Quorra AI Hub"),
])
def test_money_given_to_towards_or_for_a_name(ex, text, funder, recipient):
    assert (funder, recipient) in funds(ex, text)


@pytest.mark.parametrize("text", [
    "Kelvara Robotics made a grant application to the Velmora Research Fund.",
    "Tessaly Bank provided software for the Quorra AI Hub.",
    "The Halden Regional Council provided €400,000 for training at Kelvara Robotics.",
    "Kelvara Robotics applied for a grant from the Velmora Science Foundation.",
])
def test_no_money_or_no_recipient_gives_nothing(ex, text):
    assert not funds(ex, text)


# ------------------------------------------------------------------ a round's investors with its owner named
@pytest.mark.parametrize("text", [
    "Kelvara Robotics' seed round included Brenmoor Capital and the angel investor Mara Olsen.",
    "Kelvara Robotics's Series A round included Brenmoor Capital and the angel investor Mara Olsen.",
    "The seed round of Kelvara Robotics included Brenmoor Capital and the angel investor Mara Olsen.",
])
def test_a_named_round_includes_its_investors(ex, text):
    got = funds(ex, text)
    assert ("Brenmoor Capital", "Kelvara Robotics") in got
    assert ("Mara Olsen", "Kelvara Robotics") in got


@pytest.mark.parametrize("text", [
    "Kelvara Robotics' customers include Brenmoor Capital and Tessaly Bank.",
    "Kelvara Robotics' round drew interest from analysts at Brenmoor Capital, which included Tessaly Bank.",
])
def test_other_lists_after_a_possessor_are_no_investors(ex, text):
    got = funds(ex, text)
    assert ("Brenmoor Capital", "Kelvara Robotics") not in got
    assert ("Tessaly Bank", "Kelvara Robotics") not in got


# ------------------------------------------------------------------ relative clauses without "that"
@pytest.mark.parametrize("text", [
    f"Kelvara Robotics took part in the {P}, a programme {U} runs.",
    f"The {P}, a programme {U} has run since 2020, admitted twelve start-ups.",
    f"The {P}, an accelerator {U} now manages with the city, admitted twelve start-ups.",
    f"The {P} (QA), a start-up programme {U} operates, admitted twelve start-ups.",
    f"Orvala Vision went through the {P}, the incubator {U} will run until 2027.",
])
def test_a_contact_clause_names_the_runner(ex, text):
    assert (U, P) in runs(ex, text)


def test_a_contact_clause_with_a_funder_and_a_runner(ex):
    text = ("Kelvara Robotics won a grant from the Velmora Start-up Programme, a scheme the Halden Regional Council "
            f"funds and the {H} administers.")
    got = relations_in(ex, text)
    assert ("Halden Regional Council", "Velmora Start-up Programme") in pairs_of(got, FUNDS)
    assert (H, "Velmora Start-up Programme") in pairs_of(got, RUNS)
    assert ("Halden Regional Council", "Velmora Start-up Programme") not in pairs_of(got, RUNS)


def test_a_contact_clause_funder(ex):
    got = funds(ex, "Orvala Vision received a voucher from the Velmora Start-up Programme, a regional scheme Tessaly "
                    "Bank sponsors.")
    assert ("Tessaly Bank", "Velmora Start-up Programme") in got


@pytest.mark.parametrize("text", [
    f"The {P}, a programme {U} students attend, admitted twelve start-ups.",
    f"Kelvara Robotics joined the {P}, a programme Orvala Vision joined in 2023.",
    f"The {P}, a programme {U} runs workshops for, admitted twelve start-ups.",
    f"The Tarsk AI Summit, an event {U} organises, sold out.",
])
def test_contact_clause_near_misses(ex, text):
    got = relations_in(ex, text)
    assert (U, P) not in pairs_of(got, RUNS)
    assert (U, "Tarsk AI Summit") not in pairs_of(got, RUNS)
    assert ("Orvala Vision", P) not in pairs_of(got, RUNS) | pairs_of(got, FUNDS)


def test_a_contact_clause_never_runs_over_a_line_break(ex):
    text = (f"Budget: 86 million pesos, of which 26 million from the Velmora Growth Fund, a federal-state fund\n\n"
            f"Programmes operated by {U}\n1. {P}\n")
    assert ("Velmora Growth Fund", P) not in pairs_of(relations_in(ex, text), FUNDS)
