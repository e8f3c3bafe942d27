"""References whose antecedent is decided by form (issue 14, item 3; ingest/nlp/coreference.py).

Every text is invented for the form (names in no gazetteer, no sentence taken from a gold document). Positives:
"we/X led its seed round" after a clause naming the company, "it" after a passive whose subject is a description
that resolved, a foreign network name for "the network", a paragraph-opening "Its"/"the fund" right after the
paragraph that named it. Counter-examples: an investor's own round, "it" after a passive with two agents, "the
fund" after a programme the text called a programme, "the incubator at <name>", a paragraph-opening reference
whose paragraph before names two candidates or none of the noun's kind, a heading in between.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import refers, relations_in

F, M, R, FO = "FUNDS", "MEMBER_OF", "RUNS", "FOUNDED"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


# ------------------------------------------------------------------ "led its seed round"

@pytest.mark.parametrize("text, word, owner, investor", [
    ("Brekka Ventures backs software start-ups in Tromsø. Lumen Ridge Analytics, a 2021 spin-out of Halvard "
     "Steel, is based in Tromsø; we led its seed round, with participation from the angel group Nordlys Angels.",
     "its seed", "Lumen Ridge Analytics", "Nordlys Angels"),
    ("Tarnbrook Robotics builds welding arms in Gdynia. Fjellheim Ventures led its seed round in 2024, with "
     "participation from the angel group Baltic Angels.", "its seed", "Tarnbrook Robotics", "Baltic Angels"),
    ("Our portfolio grew this year. Sable Creek Logistics, which routes grain barges on the Mekong, is based in "
     "Pakxan; Dao Ventures co-led its seed round with us.", "its seed", "Sable Creek Logistics", "Dao Ventures"),
])
def test_its_round_is_the_company_the_clause_names_not_the_investor(ex, text, word, owner, investor):
    assert refers(ex, text, word) == owner
    got = relations_in(ex, text)
    assert (F, investor, owner) in got
    assert not {r for r in got if r[0] == F and r[2] in ("Brekka Ventures", "Fjellheim Ventures", "Dao Ventures")}


# ------------------------------------------------------------------ "it" after a passive

def test_it_after_a_resolved_description_subject_is_that_subject_not_the_agent(ex):
    text = ("The Nordvik Institute of Marine Data is a research centre in Lindholm. The institute was created in 2013 "
            "by Karsvik University and the Lindholm Port Agency. In 2017 it opened the Quay Analytics Laboratory in "
            "Oxby; the laboratory is part of the Nordvik Institute of Marine Data.")
    assert refers(ex, text, "it opened") == "Nordvik Institute of Marine Data"
    got = relations_in(ex, text)
    assert (FO, "Nordvik Institute of Marine Data", "Quay Analytics Laboratory") in got
    assert (FO, "Karsvik University", "Quay Analytics Laboratory") not in got


def test_it_after_a_passive_with_two_agents_is_not_the_first_agent(ex):
    text = ("The prize is awarded every spring. The prize was set up in 2015 by Karsvik University and the software "
            "house Lindholm Data. In 2017 it opened an office in Tromsø.")
    assert refers(ex, text, "it opened") not in ("Karsvik University", "Lindholm Data")


# ------------------------------------------------------------------ "the fund", "the network"

def test_the_fund_is_not_a_programme_the_text_called_a_programme(ex):
    text = ("The Nordvik Institute of Marine Data runs Sjøvei Open, an open-data programme for fishing cooperatives, "
            "which is funded by the Fonds Nordique pour la Mer. The fund is administered by the Norwegian Coastal "
            "Agency with money from the Vestfjord Savings Bank.")
    assert refers(ex, text, "fund is") != "Sjøvei Open"
    got = relations_in(ex, text)
    assert (R, "Norwegian Coastal Agency", "Sjøvei Open") not in got
    assert (F, "Vestfjord Savings Bank", "Sjøvei Open") not in got


@pytest.mark.parametrize("text, word, network, member", [
    ("In 2019 Lagoon Data joined the Réseau Atlantique des Instituts de Données (RAID). Other members of the "
     "network include the Porto computing centre Centro Portuense de Computação.", "network include",
     "Réseau Atlantique des Instituts de Données", "Centro Portuense de Computação"),
    ("In 2019 the Setúbal Institute of Marine Computing joined the Rete Adriatica per il Calcolo. The network also "
     "counts the Bari computing centre Centro Barese di Calcolo among its members.", "network also",
     "Rete Adriatica per il Calcolo", "Centro Barese di Calcolo"),
])
def test_the_network_is_a_network_named_in_another_language(ex, text, word, network, member):
    assert refers(ex, text, word) == network
    got = relations_in(ex, text)
    assert (M, member, network) in got
    assert not {r for r in got if r[0] == M and r[2] in ("Lagoon Data", "Setúbal Institute of Marine Computing")}


@pytest.mark.parametrize("text, word", [
    ("Ostmark Robotics is a member of the Baltic Robotics Network. The company was previously part of the "
     "incubator at the Wismar Institute of Technology.", "incubator at"),
    ("Kestrel Foods sells oat drinks in Aarhus. The firm rents desks in the accelerator near Aarhus University.",
     "accelerator near"),
])
def test_a_description_restricted_by_a_name_after_at_is_another_body(ex, text, word):
    assert refers(ex, text, word) is None


# ------------------------------------------------------------------ over a paragraph break

@pytest.mark.parametrize("text, word, name", [
    ("The Tamarind Seed Fund, a venture fund set up last year by the Dodoma Development Board, has made its first "
     "three investments. The fund is managed by the Mbeya firm Kilele Partners.\n\nIts first investments are in "
     "Ziwa Labs, a Mwanza start-up, and Pwani Voice, a Tanga start-up.", "Its first", "Tamarind Seed Fund"),
    ("Pinewood Capital manages the Haldane Growth Fund. The fund was set up in 2022 by the Highland Enterprise "
     "Agency.\n\nThe fund has since backed Corrie Labs and Strath Vision.", "fund has", "Haldane Growth Fund"),
])
def test_a_paragraph_opening_reference_reads_the_paragraph_before(ex, text, word, name):
    assert refers(ex, text, word) == name
    assert (F, name, "Corrie Labs" if "Corrie" in text else "Ziwa Labs") in relations_in(ex, text)


@pytest.mark.parametrize("text, word", [
    ("Pinewood Capital and the Haldane Growth Fund met in Inverness.\n\nThe company has since backed Corrie Labs.",
     "company has"),  # two names before, neither called a company
    ("Corran Seafoods and Loch Ewe Marine signed a supply deal.\n\nIt has since opened a plant in Ullapool.",
     "It has"),  # two names as one subject
    ("Tarnwick Sensors makes vibration probes in Esbjerg.\n\nResearch partners\n\nIt has signed a research "
     "partnership with the Ribe Institute of Offshore Engineering.", "It has"),  # a heading in between
    ("“We will double our staff,” said the chief executive of Tarnwick Sensors.\n\nIt has signed a research "
     "partnership with the Ribe Institute of Offshore Engineering.", "It has"),  # a quote before
])
def test_a_paragraph_opening_reference_stays_open_when_the_paragraph_before_leaves_two(ex, text, word):
    assert refers(ex, text, word) is None


# ------------------------------------------------------------------ an interview's answer after its question

def test_an_answer_s_it_is_the_one_organisation_its_question_names(ex):
    text = ("Interview with Dr. Lena Osei\n\nHow did the Volta Institute for Applied Computing start?\n\nOsei: It was "
            "set up in 2019 by the Accra firm Sika Holdings and by the Ghana Digital Agency. We now have forty "
            "researchers.")
    assert refers(ex, text, "It was") == "Volta Institute for Applied Computing"
    assert (FO, "Sika Holdings", "Volta Institute for Applied Computing") in relations_in(ex, text)


@pytest.mark.parametrize("text, word", [
    ("Why did Sika Holdings leave the Volta Institute for Applied Computing?\n\nOsei: It wanted a bigger lab.",
     "It wanted"),  # the question names two
    ("What does the lab do?\n\nOsei: It builds speech models for Twi and Ewe.", "It builds"),  # names none
    ("Interview with Dr. Lena Osei\n\nHow did the Volta Institute for Applied Computing start?\n\nIt was set up in "
     "2019 by the Accra firm Sika Holdings.", "It was"),  # no speaker label: a heading, not a question put
])
def test_an_answer_s_it_stays_open_unless_its_question_names_one(ex, text, word):
    assert refers(ex, text, word) is None


# ------------------------------------------------------------------ "The £6.4 million centre"

@pytest.mark.parametrize("text, word, name, funder", [
    ("Corran Data and the Strathnaver Institute today opened the Moray Firth Centre for Marine Autonomy, a joint "
     "centre of the two organisations. The £6.4 million centre is funded by the Northern Glens Development Agency.",
     "centre is", "Moray Firth Centre for Marine Autonomy", "Northern Glens Development Agency"),
    ("Kaduna State opened the Zaria Agritech Hub in 2024. The $12m hub was paid for by the Savannah Growth Fund.",
     "hub was", "Zaria Agritech Hub", "Savannah Growth Fund"),
])
def test_the_amount_and_noun_is_the_name_before(ex, text, word, name, funder):
    assert refers(ex, text, word) == name
    assert (F, funder, name) in relations_in(ex, text)


def test_a_year_before_the_noun_is_no_amount(ex):
    text = ("Kaduna State opened the Zaria Agritech Hub in 2024. The 2025 hub programme is paid for by the Savannah "
            "Growth Fund.")
    assert refers(ex, text, "hub programme") is None


def test_an_answer_s_it_finds_a_short_name_the_question_repeats(ex):
    text = ("Dr. Tala Fuimaono directs the Upolu Centre for Ocean Data (UCOD) in Apia.\n\nHow did UCOD start?\n\n"
            "Fuimaono: It was set up in 2020 by the Apia firm Vailima Systems.")
    assert refers(ex, text, "It was") == "Upolu Centre for Ocean Data"
