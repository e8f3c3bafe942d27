"""Lists of investors, backers, members and places in published prose, through the real spaCy pipeline.

Sentences of our own (invented names, other word orders and genres than the gold documents), written from the
forms of funding news, VC blogs, consortium pages and encyclopedia articles: each form with positives and the
near-misses that must give nothing (hedged rounds, a customer, a competitor, a board seat, a study led by a firm,
an item that describes the name before it).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.lexicon import word_sets
from tests.helpers import relations_in

F, M, PO, L = "FUNDS", "MEMBER_OF", "PART_OF", "LOCATED_IN"
CU = "Carrow University"
NA, KV, BC, TB = "Norvik Analytics", "Kestrel Ventures", "Brightwater Capital", "Tomas Birkeland"
HR, OP, OB, PR = "Halvard Re", "Ostara Partners", "Ostara Bank", "Pellan Robotics"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def typed(ex, text: str, rtype: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == rtype}


ROUNDS = [
    # investors after a round noun, each behind its own description
    ("Norvik Analytics raised 12 million euros in a round led by Kestrel Ventures, with participation from the "
     "insurer Halvard Re and angel investor Tomas Birkeland.", {(F, KV, NA), (F, HR, NA), (F, TB, NA)}),
    ("Pellan Robotics announced a $12 million Series A round led by Kestrel Ventures alongside Brightwater Capital "
     "and Ostara Partners.", {(F, KV, PR), (F, BC, PR), (F, OP, PR)}),
    # the lead investor as subject, another joining the round in the next clause
    ("Kestrel Ventures led Norvik's Series A and Brightwater Capital joined the round.",
     {(F, KV, "Norvik"), (F, BC, "Norvik")}),
    # a list before "took part", one item described by the next (the bank invests nothing)
    ("Brightwater Capital and Ostara Partners, the venture arm of Ostara Bank, also took part in the round for "
     "Norvik Analytics.", {(F, BC, NA), (F, OP, NA)}),
    # "Y's investment in X ... together with Z": Z invests in X, not in Y
    ("Kestrel Ventures's investment in Norvik Analytics was made together with Bergen's Brightwater Capital.",
     {(F, KV, NA), (F, BC, NA)}),
    # backers in a passive list, the second and third behind descriptions
    ("Norvik Analytics is backed by Kestrel Ventures, the Oslo fund Brightwater Capital and angel investor Tomas "
     "Birkeland.", {(F, KV, NA), (F, BC, NA), (F, TB, NA)}),
]


@pytest.mark.parametrize("text,expected", ROUNDS)
def test_investor_lists(ex, text, expected):
    assert expected <= typed(ex, text, F)


NO_FUNDS = [
    "Pellan Robotics is in talks to raise a round led by Kestrel Ventures, with participation from Brightwater Capital.",
    "Pellan Robotics is a customer of Kestrel Ventures and competes with Brightwater Capital.",
    "Kestrel Ventures led a study of Norvik Analytics and Brightwater Capital joined the project.",
    "Pellan Robotics applied for a grant from the Norrland Innovation Agency.",
    "The Orrin Lab, led by Kestrel Ventures alongside Brightwater Capital, studies robot hands.",
]


@pytest.mark.parametrize("text", NO_FUNDS)
def test_no_investor_list(ex, text):
    assert typed(ex, text, F) == set()


def test_described_item_is_no_investor(ex):
    """"C, a co-founder of the payments company D": D put no money in the round."""
    got = typed(ex, "Norvik Analytics raised $4 million in a seed round led by Kestrel Ventures, with participation "
                    "from angel investor Tomas Birkeland, a co-founder of the payments company Vippa.", F)
    assert (F, TB, NA) in got and not any(r[1] == "Vippa" for r in got)


def test_place_of_a_later_list_item_is_not_the_first_names(ex):
    """"Y, the Oslo fund Z": Oslo describes Z; Y is not placed there."""
    got = typed(ex, "Norvik Analytics is backed by Kestrel Ventures, the Oslo fund Brightwater Capital and angel "
                    "investor Tomas Birkeland.", L)
    assert (L, KV, "Oslo") not in got and (L, BC, "Oslo") in got


def test_word_sets_one_definition():
    """The relation modules read a section of word lists one way: lower-cased sets, non-list values left out."""
    got = word_sets({"x": {"confidence": 0.7, "verbs": ["Fund", "back"], "_doc": "text"}}, "x")
    assert got == {"verbs": frozenset({"fund", "back"})}
    assert word_sets({}, "x") == {}


PLACES = [
    # a subject naming a place and kinds of organisations, then a list
    ("Companies in the Bergen cluster include the speech firm Fjellkode, the fintech Norvik Analytics and Pellan "
     "Robotics, the largest employer of engineers in Norway.",
     {(L, "Fjellkode", "Bergen"), (L, NA, "Bergen"), (L, PR, "Bergen")}),
    ("Other Oslo-based AI companies include Kestrel Ventures and Brightwater Capital.",
     {(L, KV, "Oslo"), (L, BC, "Oslo")}),
    # a speaker line: the organisation and its town in brackets
    ("Speakers: Sana Qureshi (Orrin Institute, Tartu, Estonia) on robot hands.", {(L, "Orrin Institute", "Tartu")}),
    # a place before a description noun that heads the name after it
    ("The round included the Bergen retailer Fjellkode.", {(L, "Fjellkode", "Bergen")}),
]


@pytest.mark.parametrize("text,expected", PLACES)
def test_place_lists(ex, text, expected):
    assert expected <= typed(ex, text, L)


NO_PLACES = [
    "Customers in Oslo include Kestrel Ventures and Brightwater Capital.",  # buyers there, not firms there
    "Investors in Oslo include Kestrel Ventures and Brightwater Capital.",
    "Companies such as Kestrel Ventures include Oslo in their plans.",  # the subject names an organisation
]


@pytest.mark.parametrize("text", NO_PLACES)
def test_no_place_list(ex, text):
    assert typed(ex, text, L) == set()


def test_cohort_intro_names_the_programme_not_its_runner(ex):
    """"the participants in P, run by R, are:" then a bulleted list: members of P, not of R."""
    text = ("This year the participants in the Harrow Robotics Programme, run by Carrow University, are:\n"
            "- Pellan Robotics\n- Kestrel Ventures\n")
    got = typed(ex, text, M)
    assert {(M, PR, "Harrow Robotics Programme"), (M, KV, "Harrow Robotics Programme")} <= got
    assert not any(r[2] == "Carrow University" for r in got)


FUND_AT = [
    ("Under the agreement, Verdane Silicon will fund two doctoral fellowships at the Tarsk Computing Centre.",
     {(F, "Verdane Silicon", "Tarsk Computing Centre")}),
    ("Pellan Robotics sponsors a robotics laboratory at Carrow University.", {(F, PR, "Carrow University")}),
]


@pytest.mark.parametrize("text,expected", FUND_AT)
def test_funding_a_thing_at_an_institution(ex, text, expected):
    assert expected <= typed(ex, text, F)


@pytest.mark.parametrize("text", [
    "Pellan Robotics sponsors the annual robotics conference at Carrow University.",  # an event at a venue
    "Pellan Robotics sells sensors to a laboratory at Carrow University.",  # a sale
    "Pellan Robotics funds research on Carrow University's archives.",
])
def test_no_funding_at(ex, text):
    assert typed(ex, text, F) == set()


APPOSITION_PLACES = [
    # a bracketed town before a colon (the tokenizer keeps "):" whole)
    ("Selected start-ups\n\n- Arganix (Agadir): yield forecasts for argan cooperatives\n", {(L, "Arganix", "Agadir")}),
    # an apposition whose organisation noun is placed by "in" / "based in"
    ("Marisol Abellana directs the Mactan Institute for Applied Computing (MIAC), a non-profit research institute in "
     "Lapu-Lapu City that works on speech.", {(L, "Mactan Institute for Applied Computing", "Lapu-Lapu City")}),
]


@pytest.mark.parametrize("text,expected", APPOSITION_PLACES)
def test_apposition_and_bracket_places(ex, text, expected):
    assert expected <= typed(ex, text, L)


@pytest.mark.parametrize("text", [
    "Pellan Robotics, a supplier to a hospital in Bergen, joined in 2024.",  # the hospital is in Bergen
    "Pellan Robotics, a former start-up in Bergen, joined in 2024.",
])
def test_apposition_that_places_something_else(ex, text):
    assert (L, PR, "Bergen") not in typed(ex, text, L)


UNITS = [
    ("VIBAI, a joint institute of UPV and the University of Valencia, was created in 2016.",
     {(PO, "VIBAI", "UPV"), (PO, "VIBAI", "University of Valencia")}),
    # "with": the partner after it and the name that opened the unit (after a dateline)
    ("AREQUIPA, Peru -- The Universidad del Misti (UDM) has opened the Laboratorio Andino de Robótica (LAR), a joint "
     "laboratory with the mining company Minera Pichu that will study slopes.",
     {(PO, "Laboratorio Andino de Robótica", "Universidad del Misti"),
      (PO, "Laboratorio Andino de Robótica", "Minera Pichu")}),
    ("The centre has a research agreement with the Fondazione Orrin in Trento, whose Digital Industry Centre will share "
     "its models.", {(PO, "Digital Industry Centre", "Fondazione Orrin")}),
    ("Academic members\n- the School of Ocean Engineering at Carrow University\n",
     {(PO, "School of Ocean Engineering", CU)}),
    ("It was launched by the National Office for Advanced Computing (NOAC), a statutory board under the Ministry of "
     "Trade and Digital Economy.", {(PO, "National Office for Advanced Computing", "Ministry of Trade and Digital Economy")}),
]


@pytest.mark.parametrize("text,expected", UNITS)
def test_unit_forms(ex, text, expected):
    assert expected <= typed(ex, text, PO)


@pytest.mark.parametrize("text", [
    "Pellan Robotics, a supplier to a laboratory within Carrow University, joined in 2024.",
    "Pellan Robotics, a customer of a joint lab of Carrow University and Kestrel Ventures, joined in 2024.",
    "Pellan Robotics, once a unit of Kestrel Ventures, joined in 2024.",
])
def test_no_unit(ex, text):
    assert not any(r[1] == PR for r in typed(ex, text, PO))


ROUND_CONTEXT = [
    # a trailing noun after a listed name ("the X network") does not end the list
    ("Kalulu Farm Data has raised $3.4 million in a seed round led by Kafue Capital Partners, with participation from "
     "the Gaborone-based Okavango Seed Fund, the Msasa Angels network and angel investor Chipo Banda-Leigh.",
     {(F, "Chipo Banda-Leigh", "Kalulu Farm Data"), (F, "Okavango Seed Fund", "Kalulu Farm Data")}),
    # "Series A" names a round without the word: the next sentence's investors fund its owner
    ("Yaku Water, a Quito-based company that forecasts water demand, closed a US$2.8 million Series A in January. "
     "The round was led by the Guayaquil fund Manglar Ventures.", {(F, "Manglar Ventures", "Yaku Water")}),
    ("Quarry Stone AI raised $20 million in a Series B led by Embarcadero Partners. Mission Bay Capital and "
     "NVentures, Nvidia's venture capital arm, also took part.",
     {(F, "Mission Bay Capital", "Quarry Stone AI"), (F, "NVentures", "Quarry Stone AI")}),
    ("Yodogawa Robotics said it had raised ¥2.4 billion in a round led by Umeda Capital. Existing investor Kamo River "
     "Ventures of Kyoto also took part, as did the regional lender Hanshin Industrial Bank.",
     {(F, "Kamo River Ventures", "Yodogawa Robotics"), (F, "Hanshin Industrial Bank", "Yodogawa Robotics")}),
]


@pytest.mark.parametrize("text,expected", ROUND_CONTEXT)
def test_round_lists_in_context(ex, text, expected):
    assert expected <= typed(ex, text, F)


def test_taking_part_in_something_else_is_no_funding(ex):
    got = typed(ex, "Quarry Stone AI raised $20 million in a Series B led by Embarcadero Partners. Mission Bay "
                    "Capital also took part in a hackathon.", F)
    assert (F, "Mission Bay Capital", "Quarry Stone AI") not in got and (F, "Embarcadero Partners", "Quarry Stone AI") in got


SITES = [
    ("Toi Ohomai Institute of Technology is a public polytechnic with campuses in Tauranga, Rotorua and Whakatāne.",
     {(L, "Toi Ohomai Institute of Technology", "Tauranga")}),
    ("Academic members\n- Carrow University of Science (CUS), Bergen\n", {(L, "Carrow University of Science", "Bergen")}),
]


@pytest.mark.parametrize("text,expected", SITES)
def test_site_lists_and_name_lines(ex, text, expected):
    assert expected <= typed(ex, text, L)


@pytest.mark.parametrize("text", [
    "Pellan Robotics plans to open offices in Oslo and Bergen.",
    "Pellan Robotics closed its offices in Oslo and Bergen last year.",
    "Pellan Robotics has customers in Oslo and Bergen.",
    "The Ministry of Higher Education should fund shared GPU capacity for university labs in Oslo and Bergen.",
    "It was established in 2021 by Kestrel Ventures, and it is registered as a society in Bergen.",
])
def test_no_site_list(ex, text):
    assert not any(r[1] in (PR, KV, "Ministry of Higher Education") for r in typed(ex, text, L))


GROUPS = [
    ("Carrow University runs the Orrin Accelerator, whose current cohort includes Bergen-based Fjellkode Labs and the "
     "Oslo start-up Pellan Robotics.", {(M, "Fjellkode Labs", "Orrin Accelerator"), (M, PR, "Orrin Accelerator")}),
    ("Pellan Robotics's investors include Kestrel Ventures, the Bergen fund Brightwater Capital and angel investor "
     "Tomas Birkeland.", {(F, KV, PR), (F, BC, PR), (F, TB, PR)}),
]


@pytest.mark.parametrize("text,expected", GROUPS)
def test_group_lists(ex, text, expected):
    assert expected <= relations_in(ex, text)


def test_customers_are_no_group(ex):
    got = relations_in(ex, "Pellan Robotics's customers include Kestrel Ventures and the Bergen fund Brightwater "
                           "Capital.")
    assert not any(r[0] in (F, M, PO) for r in got)


@pytest.mark.parametrize("text,wrong", [
    ("Pellan Robotics, formerly a unit of Kestrel Ventures, joined in 2024.", (PO, PR, KV)),
    ("The Orrin Programme is run by Carrow University and backed by the Brannoch Foundation.",
     (F, "Brannoch Foundation", CU)),  # the programme is backed, not its runner
])
def test_brief_counter_examples(ex, text, wrong):
    assert wrong not in relations_in(ex, text)


@pytest.mark.parametrize("text,expected", [
    ("The Orrin Institute opened in 2020. Its first three-year budget of 9 million euros is paid for by the Brannoch "
     "Foundation.", (F, "Brannoch Foundation", "Orrin Institute")),
    ("Pellan Robotics's first prototypes were paid for by the Carrow Maturation Fund and Kestrel Ventures.",
     (F, KV, PR)),
])
def test_paid_for_by(ex, text, expected):
    assert expected in typed(ex, text, F)


@pytest.mark.parametrize("text", [
    "The Orrin Institute opened in 2020. Its annual conference is paid for by the Brannoch Foundation.",
    "The study was paid for by the Brannoch Foundation.",
])
def test_paid_for_by_no_organisation(ex, text):
    assert not any(r[2] == "Orrin Institute" or r[1] == "Brannoch Foundation" for r in typed(ex, text, F))
