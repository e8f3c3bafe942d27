"""Published forms of grants (FUNDS) and membership (MEMBER_OF) through the real spaCy pipeline.

One invented sentence or page a form (relation_grants.py, relation_membership_forms.py, relation_membership.py),
written from the forms of grant announcements, consortium member pages, accelerator cohort pages and programme
fact sheets, not copied from a gold document; and counter-examples that must give nothing: plans, denials,
ended ties, sales, customers, and headings that do not list members.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

F, M, PO = "FUNDS", "MEMBER_OF", "PART_OF"
KL, PR, CU, TU = "Kelvara Labs", "Pellan Robotics", "Carrow University", "University of Tarsk"
IUK, BF, NIA, OI = "Innovate UK", "Brannoch Foundation", "Norrland Innovation Agency", "Orrin Institute"
OA, OACC, NRN = "Orrin Alliance", "Orrin Accelerator", "Northern Reasoning Network"
HVC = "Harborview Capital"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, title: str = "t") -> set[tuple[str, str, str]]:
    return relations_in(ex, text, title)


FORMS = [
    # grants given to a recipient ("to" read as a dative or a preposition; an indirect object)
    ("Innovate UK has awarded a £2 million grant to Kelvara Labs.", {(F, IUK, KL)}),
    ("The Brannoch Foundation has committed $20 million to the Orrin Institute.", {(F, BF, OI)}),
    ("The Norrland Innovation Agency provided €3 million to the Orrin Institute.", {(F, NIA, OI)}),
    ("The Norrland Innovation Agency is contributing €2 million to the Orrin Institute.", {(F, NIA, OI)}),
    ("The Brannoch Foundation donated $10 million to Carrow University.", {(F, BF, CU)}),
    # the funder named on the funding noun, under a verb of receiving
    ("Carrow University has been awarded $25 million in NSF grants for AI research.",
     {(F, "National Science Foundation", CU)}),
    # a programme that funds, after "under" / "through"
    ("Kelvara Labs received a grant under the Smart Manufacturing Programme.",
     {(F, "Smart Manufacturing Programme", KL)}),
    # recipient nouns
    ("Kelvara Labs and Pellan Robotics are among the recipients of grants from the Brannoch Foundation.",
     {(F, BF, KL), (F, BF, PR)}),
    ("The funding for Pellan Robotics came from the Brannoch Foundation.", {(F, BF, PR)}),
    ("Kelvara Labs was selected for funding by the Norrland Innovation Agency.", {(F, NIA, KL)}),
    # a verb of funding the tagger reads as a noun, with an object or the owner of what it funds
    ("Harborview Capital funds Kelvara Labs and Pellan Robotics.", {(F, HVC, KL), (F, HVC, PR)}),
    ("Harborview Capital still pays for about half of Kelvara Labs' research budget.", {(F, HVC, KL)}),
    # a fronted "Joining the round" after the round's sentence
    ("Orrin Seed is leading the seed round of Kelvara Labs. Joining the round are Harborview Capital and Quarto "
     "Ventures.", {(F, HVC, KL), (F, "Quarto Ventures", KL)}),
    # membership
    ("Kelvara Labs and Pellan Robotics were selected to join the Orrin Accelerator.", {(M, KL, OACC), (M, PR, OACC)}),
    ("The Orrin Alliance welcomed Kelvara Labs as a new member.", {(M, KL, OA)}),
    ("The Orrin Alliance has added Kelvara Labs and Pellan Robotics as members.", {(M, KL, OA), (M, PR, OA)}),
    ("Kelvara Labs takes part in the Orrin Accelerator.", {(M, KL, OACC)}),
    ("Carrow University, part of the Northern Reasoning Network, hosts the event.", {(M, CU, NRN)}),
    ("The Orrin Alliance counts Kelvara Labs and Pellan Robotics among its members.", {(M, KL, OA), (M, PR, OA)}),
    ("Kelvara Labs and Pellan Robotics belong to the Orrin Alliance.", {(M, KL, OA), (M, PR, OA)}),
    ("Kelvara Labs is an Orrin Alliance member.", {(M, KL, OA)}),
    ("The Orrin Alliance includes Kelvara Labs and Pellan Robotics.", {(M, KL, OA), (M, PR, OA)}),
    ("The robot was built by fellow Orrin Alliance member Pellan Robotics.", {(M, PR, OA)}),
]


@pytest.mark.parametrize(("text", "want"), FORMS, ids=[t[:48] for t, _ in FORMS])
def test_form_states_the_relation(ex, text, want):
    got = rels(ex, text)
    assert want <= got, f"missing {sorted(want - got)}; got {sorted(got)}"


def test_part_of_a_network_is_membership_not_a_unit(ex):
    got = rels(ex, "Carrow University, part of the Northern Reasoning Network, hosts the event.")
    assert (PO, CU, NRN) not in got


def test_belonging_to_a_network_is_membership_and_to_a_firm_is_not(ex):
    assert (PO, KL, OA) not in rels(ex, "Kelvara Labs and Pellan Robotics belong to the Orrin Alliance.")
    assert (M, KL, HVC) not in rels(ex, "Kelvara Labs belongs to Harborview Capital.")


def test_selected_for_funding_is_no_membership(ex):
    got = rels(ex, "Kelvara Labs was selected for funding by the Norrland Innovation Agency.")
    assert (M, KL, NIA) not in got


COUNTER = [
    ("Kelvara Labs plans to apply for funding from Innovate UK.", (F, IUK, KL)),
    ("Kelvara Labs did not receive funding from Innovate UK.", (F, IUK, KL)),
    ("Kelvara Labs was formerly backed by the Brannoch Foundation.", (F, BF, KL)),
    ("The Norrland Innovation Agency provided software to the Orrin Institute.", (F, NIA, OI)),
    ("The Norrland Innovation Agency awarded the cleaning contract to Kelvara Labs.", (F, NIA, KL)),
    ("Kelvara Labs counts the Orrin Institute among its customers.", (F, OI, KL)),
    ("Kelvara Labs was a member of the Orrin Alliance until 2022.", (M, KL, OA)),
    ("Kelvara Labs plans to take part in the Orrin Accelerator.", (M, KL, OACC)),
    ("Kelvara Labs took part in a study by the Orrin Institute.", (M, KL, OI)),
    ("The pension funds of Harborview Capital hold shares in Kelvara Labs.", (F, HVC, KL)),
    # "includes" states membership only of a collective or a programme
    ("Carrow University includes the Orrin Institute and the Kelvara Centre for Robotics.", (M, OI, CU)),
    ("Harborview Capital's team includes former staff of Kelvara Labs.", (M, KL, HVC)),
    ("The Kelvara Group includes Pellan Robotics and Kelvara Labs.", (M, PR, "Kelvara Group")),
]


@pytest.mark.parametrize(("text", "wrong"), COUNTER, ids=[t[:48] for t, _ in COUNTER])
def test_counter_example_states_nothing(ex, text, wrong):
    assert wrong not in rels(ex, text)


def test_member_section_with_category_headings(ex):
    text = ("Orrin Alliance: who we are\n\nThe Orrin Alliance is a network of robotics firms and universities.\n\n"
            "Members\nMembership is free of charge.\n\nTechnology companies\n- Kelvara Labs\n- Pellan Robotics\n\n"
            "Universities and research organisations\n- Carrow University\n\n"
            "Working groups\n- University of Tarsk (chair)\n")
    got = rels(ex, text, title="Orrin Alliance")
    assert {(M, KL, OA), (M, PR, OA), (M, CU, OA)} <= got
    assert (M, TU, OA) not in got  # "Working groups" closes the member section


def test_intro_line_ending_in_a_colon_under_a_fact_sheet_title(ex):
    text = ("FACT SHEET\nOrrin Accelerator\nIssued by the Norrland Innovation Agency | June 2026\n\n"
            "What is it?\nThe Orrin Accelerator is a six-month programme for robotics start-ups in Norrland.\n\n"
            "Who takes part?\nAmong the first participants are:\n- Kelvara Labs (Umea), which builds soil sensors\n"
            "- Pellan Robotics, a spin-out of Carrow University\n")
    got = rels(ex, text, title="Orrin Accelerator")
    assert {(M, KL, OACC), (M, PR, OACC)} <= got
    assert (M, KL, NIA) not in got


def test_funded_heading_outranks_intake_and_funders_heading_reverses(ex):
    text = ("Orrin Accelerator\n\nThe Orrin Accelerator is a programme of the Norrland Innovation Agency.\n\n"
            "Funded projects (2026 intake)\n- Kelvara Labs: soil sensors\n- Pellan Robotics: harvest robots\n\n"
            "Funded by\n- Brannoch Foundation\n")
    got = rels(ex, text, title="Orrin Accelerator")
    assert {(F, OACC, KL), (F, OACC, PR), (F, BF, OACC)} <= got
    assert (M, KL, OACC) not in got


def test_headings_that_list_no_members_give_nothing(ex):
    text = ("Orrin Alliance\n\nThe Orrin Alliance is a network of robotics firms.\n\n"
            "Former members\n- Kelvara Labs\n\nApplicants\n- Pellan Robotics\n\nCustomers\n- Carrow University\n")
    got = rels(ex, text, title="Orrin Alliance")
    assert not {r for r in got if r[0] == M}


def test_award_list_and_an_item_that_describes_before_its_name(ex):
    text = ("Fact sheet: Orrin Compute Scheme (OCS)\n\nNorrland Innovation Agency | June 2026\n\n"
            "What is the Orrin Compute Scheme?\nThe Orrin Compute Scheme gives start-ups free GPU time.\n\n"
            "Who has received awards?\nAmong the companies that received awards were:\n"
            "- Kelvara Labs (Umea) - soil sensors\n- the Swedish harvest-robot maker Pellan Robotics: field trials\n")
    got = rels(ex, text, title="Orrin Compute Scheme")
    assert {(F, "Orrin Compute Scheme", KL), (F, "Orrin Compute Scheme", PR)} <= got


def test_label_lines(ex):
    text = ("Orrin Accelerator\nOrrin Accelerator is a programme for robotics start-ups.\n"
            "Funded by: Harborview Capital and the Brannoch Foundation.\nParticipants: Kelvara Labs, Pellan Robotics.\n"
            "Note: Carrow University hosts the Orrin Accelerator.\n")
    got = rels(ex, text, title="Orrin Accelerator")
    assert {(F, HVC, OACC), (F, BF, OACC), (M, KL, OACC), (M, PR, OACC)} <= got
    assert (M, CU, OACC) not in got


def test_sponsoring_an_event_funds_no_organisation(ex):
    got = rels(ex, "Kelvara Labs sponsors the Orrin Alliance's annual hackathon, and Pellan Robotics funds two of the "
                   "Orrin Alliance's projects.")
    assert (F, KL, OA) not in got
    assert (F, PR, OA) in got
