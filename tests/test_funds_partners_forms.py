"""FUNDS carried along the phrase that states them, and relative clauses of running with money (issue 14: FUNDS
recall on unseen text), through the real spaCy pipeline (relation_funding_spread.py, context.raised_amount).

Invented sentences, one form each, written from the forms of funding news, fact sheets, VC blogs and university
releases (not copied from a gold document), and the near-misses that must give nothing: a verb after "and", a
negated funder, customers, suppliers and hires after a funding phrase, running with a partner (no money).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

F = "FUNDS"
SL, BR, MP = "Sorrel Data Lab", "Brevik Robotics", "Marlow Skills Programme"
TT, QS, HI = "Tamsin Trust", "Quillon Systems", "Harlan Institute"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def funds(ex, text: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == F}


POSITIVE = [
    # a second funder joined by a connector, past a short description
    ("The Sorrel Data Lab is financed by the Tamsin Trust, with additional support from the Danube angel group Orla "
     "Angels.", {(F, TT, SL), (F, "Orla Angels", SL)}),
    ("Brevik Robotics is backed by the regional development agency Norrland Capital and the family office Ekholm "
     "Invest.", {(F, "Norrland Capital", BR), (F, "Ekholm Invest", BR)}),
    ("The Ostrava Centre is funded by the Varda Research Council together with the Hollin Foundation.",
     {(F, "Varda Research Council", "Ostrava Centre"), (F, "Hollin Foundation", "Ostrava Centre")}),
    ("The Ostrava Centre is funded by the Varda Research Council along with the Hollin Foundation and Brenner "
     "Telecom.", {(F, "Varda Research Council", "Ostrava Centre"), (F, "Hollin Foundation", "Ostrava Centre"),
                  (F, "Brenner Telecom", "Ostrava Centre")}),
    # an unnamed item of the list is passed
    ("The Kelm Robotics Lab opened in 2024. It was a 300 million yuan joint investment by Tarlo Group, the Pengshan "
     "municipal government and Pengshan University.",
     {(F, "Tarlo Group", "Kelm Robotics Lab"), (F, "Pengshan University", "Kelm Robotics Lab")}),
    # a gift after a grant: the thing is given to the subject, not to the grant's funder
    ("The Sorrel Data Lab was set up with a grant from the Tamsin Trust and servers donated by Quillon Systems.",
     {(F, TT, SL), (F, QS, SL)}),
    # the scheme a grant comes under
    ("The Sorrel Data Lab receives a five-year grant from the Tamsin Trust under its Coastal Grants scheme.",
     {(F, TT, SL), (F, "Coastal Grants", SL)}),
    # the rest of a portfolio list
    ("Harlan Ventures has a portfolio of nine firms. Its portfolio includes Brevik Robotics, Selje Data and the "
     "Tromsø start-up Lofoten Labs.",
     {(F, "Harlan Ventures", BR), (F, "Harlan Ventures", "Selje Data"), (F, "Harlan Ventures", "Lofoten Labs")}),
    # relative clauses of running with money, and of paying for
    ("The Marlow Skills Programme, which the Harlan Institute runs with money from the Tamsin Trust, trained 300 "
     "nurses.", {(F, TT, MP)}),
    ("Brevik Robotics won a grant from the Arden Challenge, a competition that the Harlan Ministry runs with funding "
     "from the Tamsin Trust.", {(F, "Arden Challenge", BR), (F, TT, "Arden Challenge")}),
    ("The Marlow Skills Programme is a course that Quillon Systems pays for and that the Harlan Institute teaches.",
     {(F, QS, MP)}),
    # a capitalised adjective in a funder's description ("the Japanese firm")
    ("The Sorrel Data Lab received equipment worth $1.2 million from the Japanese firm Quillon Systems in 2024.",
     {(F, QS, SL)}),
    ("The Sorrel Data Lab is funded by the Swiss foundation Alpen Hilfe and by the Harlan Institute.",
     {(F, "Alpen Hilfe", SL), (F, HI, SL)}),
    # a gift after a grant, said of a laboratory named in the sentence before
    ("The Sorrel Data Lab opened in May. The laboratory was built with a grant from the Tamsin Trust and equipment "
     "donated by the Bergen electronics firm Quillon Systems.", {(F, TT, SL), (F, QS, SL)}),
    # a table whose header the tagger read as a name across a bar ("Funder | Instrument")
    ("Who backs the firms\n\nFirm | Funder | Instrument\nSelje Data | Norrland Capital | seed equity\n"
     "Lofoten Labs | Ekholm Invest | convertible loan\n",
     {(F, "Norrland Capital", "Selje Data"), (F, "Ekholm Invest", "Lofoten Labs")}),
    # "which funds it" after a programme the subject runs for the funder: "it" is the programme
    ("Carrow University is a public university in Tarsk. Its Faculty of Forestry runs the Pine Monitoring programme "
     "for the Tarsk Regional Administration, which funds it.", {(F, "Tarsk Regional Administration", "Pine Monitoring")}),
    # a coordinated passive in a relative clause on a scheme's name
    ("The Tarsk Regional Fund runs the Coastal AI grant scheme, which has paid 14 million euros to 22 firms since "
     "2023 and is co-financed by the Nordic Cohesion Programme.", {(F, "Nordic Cohesion Programme", "Coastal AI")}),
    # an amount raised names a round: the next sentence's round is the same company's
    ("Tavrin Analytics raised $3 million last week. Joining the round were Mirefield Capital and Ostrander Ventures.",
     {(F, "Mirefield Capital", "Tavrin Analytics"), (F, "Ostrander Ventures", "Tavrin Analytics")}),
    ("Tavrin Analytics has raised US$3 million. Corvale Partners led the round.",
     {(F, "Corvale Partners", "Tavrin Analytics")}),
]


@pytest.mark.parametrize("text,expected", POSITIVE, ids=[t[:48] for t, _ in POSITIVE])
def test_funders_spread_along_the_phrase(ex, text: str, expected: set) -> None:
    assert expected <= funds(ex, text)


NEGATIVE = [
    # a verb after "and": the second name is no co-funder
    ("Illimani Ventures is an early-stage fund. It is backed by the Corporación Andina de Inversión Verde and manages "
     "the Fondo Semilla Altiplano.", {(F, "Fondo Semilla Altiplano", "Illimani Ventures"),
                                      (F, "Corporación Andina de Inversión Verde", "Fondo Semilla Altiplano")}),
    ("Brevik Robotics is funded by the Tamsin Trust and partners with Quillon Systems.", {(F, QS, BR)}),
    ("Brevik Robotics is backed by the Tamsin Trust and competes with Quillon Systems.", {(F, QS, BR)}),
    ("Brevik Robotics received a loan from the Tamsin Trust and hired engineers from Quillon Systems.", {(F, QS, BR)}),
    # a denied funder
    ("The Sorrel Data Lab is funded by the Tamsin Trust, not by Quillon Systems.", {(F, QS, SL)}),
    ("The Sorrel Data Lab is funded by the Tamsin Trust rather than Quillon Systems.", {(F, QS, SL)}),
    # customers and suppliers after a funding phrase
    ("Brevik Robotics, which is backed by the Tamsin Trust, sells to Quillon Systems and Selje Data.",
     {(F, QS, BR), (F, TT, QS), (F, TT, "Selje Data")}),
    ("Brevik Robotics is funded by the Tamsin Trust; its customers include Quillon Systems and Selje Data.",
     {(F, TT, QS), (F, TT, "Selje Data")}),
    ("The Tamsin Trust funds Brevik Robotics, a supplier of Quillon Systems.", {(F, TT, QS)}),
    # running with a partner states no money; a gift to the funder stays the funder's only without a grant before it
    ("The Marlow Skills Programme, which the Harlan Institute runs with Quillon Systems, is free.", {(F, QS, MP)}),
    ("The Sorrel Data Lab was set up with a grant from the Tamsin Trust and servers donated by Quillon Systems.",
     {(F, QS, TT)}),
    # two recipients of one portfolio list do not fund each other (a bulleted list below the line)
    ("Harlan Ventures' portfolio includes Brevik Robotics, Selje Data and Lofoten Labs. Three short notes:\n"
     "- Brevik Robotics (Bergen) builds weld-inspection robots.\n- Selje Data (Molde) sells crop data.\n",
     {(F, "Lofoten Labs", BR), (F, "Lofoten Labs", "Selje Data"), (F, BR, "Selje Data")}),
    ("The Sorrel Data Lab opened in May. The laboratory was built with a grant from the Tamsin Trust and equipment "
     "donated by the Bergen electronics firm Quillon Systems.", {(F, QS, TT)}),
    # the subject of "which funds it" when no programme stands between: still the subject
    ("Carrow University is a public university in Tarsk. Its Faculty of Forestry runs the Pine Monitoring programme "
     "for the Tarsk Regional Administration, which funds it.", {(F, "Tarsk Regional Administration", "Carrow University"),
                                                                 (F, "Tarsk Regional Administration", "Faculty of Forestry")}),
    # "runs the P grant scheme": the runner receives nothing from its scheme
    ("The Tarsk Regional Fund runs the Coastal AI grant scheme, which has paid 14 million euros to 22 firms since "
     "2023 and is co-financed by the Nordic Cohesion Programme.", {(F, "Coastal AI", "Tarsk Regional Fund")}),
    # an amount received is no round: the next sentence's round is nobody's
    ("The Ostland Ministry received $3 million. Corvale Partners led the round.",
     {(F, "Corvale Partners", "Ostland Ministry")}),
]


@pytest.mark.parametrize("text,unwanted", NEGATIVE, ids=[t[:48] for t, _ in NEGATIVE])
def test_no_funding_carried_where_the_phrase_ends(ex, text: str, unwanted: set) -> None:
    assert not unwanted & funds(ex, text)


def test_which_funds_it_keeps_the_subject_without_a_programme(ex) -> None:
    got = funds(ex, "The Salto Lab was launched in 2017 by the Brannoch Foundation, which continues to fund it.")
    assert (F, "Brannoch Foundation", "Salto Lab") in got


def test_spread_without_the_gazetteer(no_gazetteer_extractor) -> None:
    got = {r for r in relations_in(no_gazetteer_extractor, POSITIVE[1][0]) if r[0] == F}
    assert POSITIVE[1][1] <= got


P = "PARTNERS_WITH"
TA, PH, KI, TG = "Tavrin Analytics", "Pembry Health", "Kelm Institute", "Tarlo Group"


def partners(ex, text: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == P}


PARTNER_DENIED = [
    # a partner noun denied by a comparison: a customer or supplier tie
    ("Pembry Health, based in Ostland, is a customer of Tavrin Analytics rather than a partner.", {(P, PH, TA)}),
    ("The Kelm Institute buys sensors from Tarlo Group, a supplier instead of a partner.", {(P, KI, TG)}),
    # a colon that opens a quote: "partner" is a job title
    ('Mara Lindqvist, partner at Corvale Partners, said: "Tavrin Analytics has machines in real orchards."',
     {(P, "Corvale Partners", TA)}),
    # a tie dated to the past
    ("Until 2022, Tavrin Analytics partnered with Pembry Health.", {(P, TA, PH)}),
    ("Between 2019 and 2021 the Kelm Institute worked closely with Tarlo Group on sensor networks.", {(P, KI, TG)}),
    # the items of an owner's partner list are not each other's partners
    ("Tavrin Analytics' customers and partners include Tarlo Group and Brenner Telecom.", {(P, TG, "Brenner Telecom")}),
    # a supply or licensing agreement is a customer tie
    ("Tavrin Analytics signed a supply agreement with Tarlo Group.", {(P, TA, TG)}),
]


@pytest.mark.parametrize("text,unwanted", PARTNER_DENIED, ids=[t[:48] for t, _ in PARTNER_DENIED])
def test_partnership_taken_back(ex, text: str, unwanted: set) -> None:
    assert not unwanted & partners(ex, text)


PARTNER_KEPT = [
    ("Tavrin Analytics is not a customer of Pembry Health but a partner: the two share a lab.", set()),
    ("Tavrin Analytics, a customer of Brenner Telecom rather than a partner, works with the Kelm Institute on crop "
     "models.", {(P, TA, KI)}),
    ("Until 2023 a customer, Tavrin Analytics now partners with Pembry Health.", {(P, TA, PH)}),
    ("The Kelm Institute's industrial partners include Brenner Telecom, Tarlo Group and Nolan Logistics.",
     {(P, KI, "Brenner Telecom"), (P, KI, TG), (P, KI, "Nolan Logistics")}),
    ('The Kelm Institute has two partners: Tarlo Group and Brenner Telecom.', {(P, KI, TG), (P, KI, "Brenner Telecom")}),
    ("The Kelm Institute, Tarlo Group and Brenner Telecom signed a memorandum of understanding in March.",
     {(P, KI, TG), (P, KI, "Brenner Telecom"), (P, TG, "Brenner Telecom")}),
    ("Tavrin Analytics signed a research agreement with Tarlo Group.", {(P, TA, TG)}),
]


@pytest.mark.parametrize("text,expected", PARTNER_KEPT, ids=[t[:48] for t, _ in PARTNER_KEPT])
def test_partnership_kept(ex, text: str, expected: set) -> None:
    assert expected <= partners(ex, text)
