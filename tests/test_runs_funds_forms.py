"""RUNS and FUNDS forms added on 1 Dec evening (issue 14, recall on unseen text), through the real spaCy pipeline.

Invented names, sentences written for the form (an amount between a verb of investing or giving and its recipient,
"a grant from X under the P scheme", "X runs it" after a programme, "runs it with money from F"), with the near-misses
that must give nothing: an amount invested in things, a plan or a denial, a sale, an object "it" that is a lab, a
programme named before another organisation.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

F, R = "FUNDS", "RUNS"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def of(ex, text: str, rtype: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == rtype}


# ---------------------------------------------------------------- an amount between the verb and the recipient
@pytest.mark.parametrize("text,funders,recipient", [
    ("Fenwick Capital invested €3 million in Brennick Analytics last year.", ["Fenwick Capital"], "Brennick Analytics"),
    ("Amazon and Google have each invested billions in Anthropic.", ["Amazon", "Google"], "Anthropic"),
    ("Kestrel Ventures and Harrow Capital have each invested $40 million in Dunmore Robotics.",
     ["Kestrel Ventures", "Harrow Capital"], "Dunmore Robotics"),
    ("Harrow Capital has invested millions in Dunmore Robotics since 2019.", ["Harrow Capital"], "Dunmore Robotics"),
    ("The Corvallis Growth Agency also contributed a $300,000 repayable loan to Tillamook Sensing.",
     ["Corvallis Growth Agency"], "Tillamook Sensing"),
])
def test_an_amount_before_the_recipient(ex, text, funders, recipient):
    got = of(ex, text, F)
    assert {(F, f, recipient) for f in funders} <= got


@pytest.mark.parametrize("text", [
    "Fenwick Capital invested €3 million in new offices in Leeds.",  # things, not an organisation
    "Fenwick Capital plans to invest €3 million in Brennick Analytics.",  # a plan
    "Fenwick Capital has not invested any money in Brennick Analytics.",  # a denial
    "Fenwick Capital provided software worth €3 million to Brennick Analytics.",  # a sale of software
    "Fenwick Capital sold a €3 million stake in Brennick Analytics to Harrow Capital.",  # a sale of a stake
])
def test_an_amount_that_funds_no_one(ex, text):
    assert not {r for r in of(ex, text, F) if r[1] == "Fenwick Capital"}


def test_a_loan_through_its_window_funds_through_the_window_too(ex):
    got = relations_in(ex, "The Corvallis Growth Agency also contributed a $300,000 repayable loan to Tillamook "
                           "Sensing through its Coastal Innovation Window.")
    assert {(F, "Corvallis Growth Agency", "Tillamook Sensing"), (F, "Coastal Innovation Window", "Tillamook Sensing"),
            (R, "Corvallis Growth Agency", "Coastal Innovation Window")} <= got


# ---------------------------------------------------------------- "a grant from X under the P scheme"
@pytest.mark.parametrize("text,runner,programme", [
    ("Brennick Analytics received a grant from the Hadley Research Council under the Coastal Data scheme.",
     "Hadley Research Council", "Coastal Data"),
    ("Brennick Analytics is backed by its parent and by a grant from the Hadley Regional Authority under the "
     "Chytrý Kraj scheme.", "Hadley Regional Authority", "Chytrý Kraj"),
    ("Brennick Analytics received a loan from the Hadley Development Bank under the Tweed Growth programme.",
     "Hadley Development Bank", "Tweed Growth"),
])
def test_a_grant_from_the_giver_under_the_scheme(ex, text, runner, programme):
    # docs/annotation.md (FUNDS): "a grant from UDFA under the Devbhoomi scheme" ... "`under` states no RUNS"
    assert (R, runner, programme) not in of(ex, text, R)
    assert (F, runner, "Brennick Analytics") in of(ex, text, F)


@pytest.mark.parametrize("text", [
    "Brennick Analytics received a grant from the Hadley Research Council under the EU's Horizon programme.",
    "Brennick Analytics, founded by Fenwick University under the Coastal Data scheme, makes sensors.",
    "Fenwick University hired staff under the Coastal Data scheme.",
])
def test_under_the_scheme_without_a_giver_runs_nothing(ex, text):
    # "the EU's Horizon programme" may say the EU runs Horizon; the council and the university run nothing
    assert not {r for r in of(ex, text, R) if r[1] in ("Hadley Research Council", "Fenwick University")}


# ---------------------------------------------------------------- "X runs it" after a programme
def test_the_agency_administers_it(ex):
    got = of(ex, "The Tweed Growth Programme helps small firms adopt AI. The Hadley Development Agency administers it.",
             R)
    assert got == {(R, "Hadley Development Agency", "Tweed Growth Programme")}


def test_runs_it_with_money_from_a_funder_funds_the_programme_not_the_runner(ex):
    got = relations_in(ex, "The Tweed Growth Programme helps small firms adopt AI. The Hadley Development Agency runs "
                           "it with funding from the Kelso Foundation.")
    assert (R, "Hadley Development Agency", "Tweed Growth Programme") in got
    assert (F, "Kelso Foundation", "Tweed Growth Programme") in got
    assert (F, "Kelso Foundation", "Hadley Development Agency") not in got


@pytest.mark.parametrize("text", [
    "Fenwick University set up the Tweed Robotics Lab in 2020 and runs it with Kelso Robotics.",  # a lab
    "The Tweed Growth Programme started in 2021. Fenwick University opened the Kelso Lab, and the Hadley "
    "Development Agency runs it.",  # the lab is named last: "it" is the lab
])
def test_runs_it_after_a_lab_runs_no_programme(ex, text):
    assert not of(ex, text, R)


# ---------------------------------------------------------------- a box of label lines under a programme heading
BOX = ("Notes on the corridor\nMost firms depend on one public grant scheme, Nile Smart Fields.\n\n"
       "Box 2. The Nile Smart Fields scheme\n"
       "Run by: the Ramses Development Agency, a unit of the Ministry of Planning\n"
       "Co-financed by: the Levant Rural Facility\n"
       "Paid out: 40 million pounds to 20 recipients since 2022, among them Tanta Sensing and the Delta Water "
       "Laboratory\n\nThe next section covers compute.")


def test_a_box_under_a_programme_heading(ex):
    got = relations_in(ex, BOX)
    assert {(R, "Ramses Development Agency", "Nile Smart Fields"), (F, "Levant Rural Facility", "Nile Smart Fields"),
            (F, "Nile Smart Fields", "Tanta Sensing"), (F, "Nile Smart Fields", "Delta Water Laboratory")} <= got
    assert (R, "Ministry of Planning", "Nile Smart Fields") not in got  # the runner's description


def test_a_box_heading_naming_an_organisation_is_no_programme_box(ex):
    got = relations_in(ex, "Box 3. Kelso Robotics and the Tweed Growth Programme\nFounded by: Anna Reid\n"
                           "Funded by: Harrow Capital\n")
    assert (F, "Harrow Capital", "Tweed Growth Programme") not in got


def test_a_sum_paid_out_names_recipients_only_after_an_opener(ex):
    got = relations_in(ex, "Box 4. The Tweed Growth Programme\nPaid out: 2 million pounds to 9 firms in Kelso and "
                           "Hadley Borough\n")
    assert not {r for r in got if r[0] == F}


# ---------------------------------------------------------------- a stake and a place paid for, in relative clauses
def test_a_founder_itself_which_still_holds_a_stake(ex):
    got = of(ex, "Brennick Analytics was co-founded in 2023 by Anna Reid, a former student, and by Fenwick University "
                 "itself, which still holds a stake.", F)
    assert (F, "Fenwick University", "Brennick Analytics") in got


@pytest.mark.parametrize("text", [
    "Brennick Analytics was co-founded by Anna Reid and by Fenwick University, which no longer holds a stake.",
    "Brennick Analytics was co-founded by Anna Reid and by Fenwick University, which sold its stake in 2024.",
])
def test_a_stake_given_up_funds_nothing(ex, text):
    assert not of(ex, text, F)


def test_which_co_funds_its_place(ex):
    got = of(ex, "Tweed Marine joins under an arrangement with the Kelso Enterprise Office, which co-funds its place.", F)
    assert got == {(F, "Kelso Enterprise Office", "Tweed Marine")}


@pytest.mark.parametrize("text", [
    "Tweed Marine works with the Kelso Enterprise Office, which shares its office.",  # no verb of funding
    "Tweed Marine joined the programme in 2024. The Kelso Enterprise Office, which funds its place, is based in Leeds.",
])
def test_its_place_without_a_recipient_before(ex, text):
    assert (F, "Kelso Enterprise Office", "Tweed Marine") not in of(ex, text, F)


# ---------------------------------------------------------------- a fact sheet's publisher that funds the programme
SHEET = "FACT SHEET: Tweed Growth Programme (TGP)\nHadley Department for Industry | Updated May 2026\n\n"


def test_a_publisher_said_to_fund_the_programme_is_no_runner_when_another_runs_it(ex):
    got = of(ex, SHEET + "The Tweed Growth Programme helps small firms adopt AI. TGP is funded by the Hadley Department "
                         "for Industry and administered by the Kelso Innovation Office.", R)
    assert (R, "Kelso Innovation Office", "Tweed Growth Programme") in got
    assert (R, "Hadley Department for Industry", "Tweed Growth Programme") not in got


def test_a_publisher_of_a_programme_page_runs_it_otherwise(ex):
    got = of(ex, SHEET + "The Tweed Growth Programme helps small firms adopt AI.", R)
    assert (R, "Hadley Department for Industry", "Tweed Growth Programme") in got


# ---------------------------------------------------------------- "the operator of P" as the object of another verb
@pytest.mark.parametrize("text", [
    "Fenwick University thanked the operator of the Tweed Growth Programme.",
    "The Hadley Development Agency praised the operator of the Tweed Growth Programme.",
])
def test_praising_the_operator_runs_nothing(ex, text):
    assert not of(ex, text, R)


@pytest.mark.parametrize("text", [
    "The Hadley Development Agency is the operator of the Tweed Growth Programme.",
    "The Hadley Development Agency became the operator of the Tweed Growth Programme in 2024.",
    "The Hadley Development Agency serves as the operator of the Tweed Growth Programme.",
    "The Hadley Development Agency, the operator of the Tweed Growth Programme, opened an office in Leeds.",
])
def test_being_the_operator_runs_it(ex, text):
    assert (R, "Hadley Development Agency", "Tweed Growth Programme") in of(ex, text, R)


# ---------------------------------------------------------------- "Y made an investment in X"
@pytest.mark.parametrize("text,funder,recipient", [
    ("Kelso Ventures has made an investment in Tweed Robotics.", "Kelso Ventures", "Tweed Robotics"),
    ("Kelso Ventures announced a €3 million investment in Tweed Robotics.", "Kelso Ventures", "Tweed Robotics"),
    ("The Hadley Foundation made a £2 million donation to Fenwick University.", "Hadley Foundation",
     "Fenwick University"),
])
def test_made_an_investment_in(ex, text, funder, recipient):
    assert (F, funder, recipient) in of(ex, text, F)


@pytest.mark.parametrize("text", [
    "Kelso Ventures plans to make a €3 million investment in Tweed Robotics.",
    "Kelso Ventures has not made an investment in Tweed Robotics.",
    "Tweed Robotics made a contribution to the Hadley Open Data Commons.",  # code, time: no money said
    "Kelso Ventures announced a partnership with Tweed Robotics.",
])
def test_made_something_that_is_no_investment(ex, text):
    assert not of(ex, text, F)


# ---------------------------------------------------------------- "Among the scheme's recipients are A and B"
@pytest.mark.parametrize("text", [
    "Among the Kelso AI Scheme's recipients are Tweed Vision and the Brora Robotics Lab.",
    "The Kelso AI Scheme's grantees include Tweed Vision and the Brora Robotics Lab.",
])
def test_a_schemes_recipients(ex, text):
    assert {(F, "Kelso AI Scheme", "Tweed Vision"), (F, "Kelso AI Scheme", "Brora Robotics Lab")} <= of(ex, text, F)


@pytest.mark.parametrize("text", [
    "The Kelso AI Scheme's recipients are not yet known; Tweed Vision and the Brora Robotics Lab have applied.",
    # a description or "Its" may stand for another scheme (dev9: the co-financing programme named last)
    "The Kelso AI Scheme is co-financed by the Tweed Cohesion Programme. Among the scheme's recipients are Tweed Vision "
    "and the Brora Robotics Lab.",
    "Fenwick University's recipients of honorary degrees include Anna Reid.",
])
def test_recipients_not_named_or_not_funded(ex, text):
    assert not {r for r in of(ex, text, F) if r[2] in ("Tweed Vision", "Brora Robotics Lab", "Anna Reid")}


# ---------------------------------------------------------------- an amount read from the words (parse-independent)
@pytest.mark.parametrize("text,funders,recipient", [
    ("Tweed AI, also based in Leeds, was founded by Anna Reid and Mark Dunn; Kelso Ventures and Hadley Capital have "
     "each invested billions in Tweed AI.", ["Kelso Ventures", "Hadley Capital"], "Tweed AI"),
    ("Brora Labs is funded by Kelso Ventures, which has invested more than ten billion dollars in the company.",
     ["Kelso Ventures"], "Brora Labs"),
    ("Kelso Ventures invested an undisclosed sum in Tweed AI.", ["Kelso Ventures"], "Tweed AI"),
])
def test_an_amount_in_words_before_the_recipient(ex, text, funders, recipient):
    assert {(F, f, recipient) for f in funders} <= of(ex, text, F)


@pytest.mark.parametrize("text", [
    "Kelso Ventures has invested $5 million in new offices and in Tweed AI's former rival.",
    "Kelso Ventures could have invested $5 million in Tweed AI.",
])
def test_an_amount_not_given_to_the_name(ex, text):
    assert (F, "Kelso Ventures", "Tweed AI") not in of(ex, text, F)


def test_which_administers_it(ex):
    got = of(ex, "The Tweed Compute Programme gives firms free GPU time. It was launched in 2024 by the Leeds-based "
                 "Hadley Innovation Office, which administers it.", R)
    assert (R, "Hadley Innovation Office", "Tweed Compute Programme") in got
