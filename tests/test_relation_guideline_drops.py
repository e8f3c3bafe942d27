"""False relations of known rules (issue 14, precision, wave 20), through the real spaCy pipeline.

Each fix has near-misses that must give nothing and the true form it must keep. Invented names throughout. Forms:
list intros whose list is a preposition's object ("The X cohort has partnered with:"), plans ("plans to open its Kuopio
office"), other things led ("a pilot study led by Y"), grants "under the P scheme" (FUNDS, no RUNS: docs/annotation.md),
places opened to visitors, offices leased, acquisitions with no subsidiary stated, "Its" after a fronted participle
phrase (relation_membership, relation_surface, relation_forms, relation_runs_published, relation_fund_founder_lines,
relations.py + data/lexicon/relations.json, relation_guideline_drops, coreference).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def of(ex, text: str, rtype: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), rtype)


# ---------------------------------------------------------------- a list intro ending in a preposition
@pytest.mark.parametrize("text", [
    "The Kestrel Launchpad cohort has partnered with:\n- Lumora Labs\n- Brakeley Analytics",
    "Teams in the Kestrel Launchpad's current cohort buy their sensors from:\n- Lumora Labs\n- Brakeley Analytics",
    "Start-ups selected for the Kestrel Launchpad cohort will sell to:\n- Lumora Labs\n- Brakeley Analytics",
    "The Kestrel Launchpad's 2025 cohort was mentored by:\n• Lumora Labs\n• Brakeley Analytics",
    "Participants in the Kestrel Launchpad compete with:\n1. Lumora Labs\n2. Brakeley Analytics",
])
def test_list_after_a_preposition_is_no_member_list(ex, text):
    assert ("Lumora Labs", "Kestrel Launchpad") not in of(ex, text, "MEMBER_OF")


@pytest.mark.parametrize("text", [
    "The Kestrel Launchpad 2025 cohort is made up of:\n- Lumora Labs\n- Brakeley Analytics",
    "Selected for the Kestrel Launchpad's 2025 cohort:\n- Lumora Labs\n- Brakeley Analytics",
    "The Kestrel Launchpad, a start-up program operated by Tarn University, presents teams from its 2025 cohort:\n"
    "- Lumora Labs (Vellmar)\n- Brakeley Analytics (Tarn)",
])
def test_cohort_list_kept(ex, text):
    assert ("Lumora Labs", "Kestrel Launchpad") in of(ex, text, "MEMBER_OF")


# ---------------------------------------------------------------- a site planned is no site
@pytest.mark.parametrize("text", [
    "Tarvane Logistics plans to open its Kuopio office next year.",
    "Tarvane Logistics will open its Kuopio office in 2027.",
    "Tarvane Logistics hopes to open its Kuopio lab by the summer.",
    "Tarvane Logistics intends to set up its Kuopio plant after the vote.",
])
def test_planned_site_near_misses(ex, text):
    assert ("Tarvane Logistics", "Kuopio") not in of(ex, text, "LOCATED_IN")


@pytest.mark.parametrize("text", [
    "Tarvane Logistics opened its Kuopio office in 2021 and now employs 40 staff there.",
    "Engineers at Tarvane Logistics work from its Kuopio office.",
    "Tarvane Logistics moved 20 engineers to its Kuopio lab last year.",
])
def test_site_kept(ex, text):
    assert ("Tarvane Logistics", "Kuopio") in of(ex, text, "LOCATED_IN")


# ---------------------------------------------------------------- something else led, not a round
@pytest.mark.parametrize("text", [
    "Lumora Labs raised $2 million last year and joined a pilot study led by Morrow University.",
    "Lumora Labs secured funding for a pilot study led by Morrow University.",
    "Lumora Labs raised $3 million to expand a trial led by Morrow University.",
    "Lumora Labs closed a pilot led by Morrow University.",
    "Lumora Labs raised €1m and took part in a consortium led by Morrow University.",
])
def test_other_things_led_are_no_round(ex, text):
    assert ("Morrow University", "Lumora Labs") not in of(ex, text, "FUNDS")


@pytest.mark.parametrize("text, funders", [
    ("Lumora Labs raised $5 million led by Brakeley Ventures.", ["Brakeley Ventures"]),
    ("Lumora Labs closed a Series B co-led by Brakeley Ventures and Tarn Capital.", ["Brakeley Ventures", "Tarn Capital"]),
    ("Lumora Labs raised €4m in funding led by Brakeley Ventures.", ["Brakeley Ventures"]),
    ("Lumora Labs raised 3 million euros led by Brakeley Ventures.", ["Brakeley Ventures"]),
    ("Lumora Labs closed a $12 million investment led by Brakeley Ventures.", ["Brakeley Ventures"]),
])
def test_round_leaders_kept(ex, text, funders):
    got = of(ex, text, "FUNDS")
    for f in funders:
        assert (f, "Lumora Labs") in got


# ---------------------------------------------------------------- "under the P scheme": FUNDS, no RUNS
@pytest.mark.parametrize("text, giver, scheme", [
    ("Lumora Labs received a grant from Tarn Agency under the Orrin Innovation Scheme.", "Tarn Agency",
     "Orrin Innovation Scheme"),
    ("Lumora Labs won a €50,000 voucher from the Tarn Regional Authority under the Kestrel Vouchers scheme last year.",
     "Tarn Regional Authority", "Kestrel Vouchers"),
    ("Brennick Analytics received a loan from the Hadley Development Bank under the Tweed Growth programme.",
     "Hadley Development Bank", "Tweed Growth"),
])
def test_under_the_scheme_gives_no_runs(ex, text, giver, scheme):
    got = relations_in(ex, text)
    assert ("RUNS", giver, scheme) not in got
    assert any(t == "FUNDS" and a == giver for t, a, _ in got)


def test_its_programme_still_runs(ex):
    got = of(ex, "Lumora Labs received a grant from Tarn Agency, the regional development agency, under its Orrin "
                 "Innovation Programme.", "RUNS")
    assert ("Tarn Agency", "Orrin Innovation Programme") in got


# ---------------------------------------------------------------- opened to visitors: no founding
@pytest.mark.parametrize("text", [
    "Morrow University opened its Halvard Centre to visitors on Saturday.",
    "Morrow University opened the Halvard Centre to the public in May.",
    "Morrow University has opened its Halvard Robotics Lab to local schools.",
    "Last week Morrow University opened the Halvard Centre to students from other faculties.",
])
def test_opened_to_visitors_is_no_founding(ex, text):
    assert not {p for p in of(ex, text, "FOUNDED") if p[0] == "Morrow University"}


@pytest.mark.parametrize("text, lab", [
    ("Morrow University opened the Halvard Centre in 2019.", "Halvard Centre"),
    ("Morrow University opened the Halvard Centre to support farmers in the region.", "Halvard Centre"),
    ("Morrow University and Lumora Labs today opened the Halvard Vision Lab.", "Halvard Vision Lab"),
])
def test_opening_kept(ex, text, lab):
    assert ("Morrow University", lab) in of(ex, text, "FOUNDED")


# ---------------------------------------------------------------- a leased office is its owner's
@pytest.mark.parametrize("text, place", [
    ("Lumora Labs leases the Kuopio office of Brakeley Analytics.", "Kuopio"),
    ("Lumora Labs rented the Denver office of Brakeley Analytics for its staff.", "Denver"),
    ("Lumora Labs leases Brakeley Analytics's Denver office.", "Denver"),
    ("Lumora Labs sold the Denver office of Brakeley Analytics in 2024.", "Denver"),
])
def test_leased_office_near_misses(ex, text, place):
    got = of(ex, text, "LOCATED_IN")
    assert ("Lumora Labs", place) not in got
    assert ("Brakeley Analytics", place) in got


@pytest.mark.parametrize("text", [
    "Lumora Labs has an office in Denver.",
    "Lumora Labs opened a Denver office in 2022.",
])
def test_own_office_kept(ex, text):
    assert ("Lumora Labs", "Denver") in of(ex, text, "LOCATED_IN")


# ---------------------------------------------------------------- acquisitions: PART_OF only with a subsidiary stated
@pytest.mark.parametrize("text", [
    "Lumora Labs acquired Brakeley Analytics in 2023.",
    "In 2022 Lumora Labs acquired Brakeley Analytics, a Ponce-based maker of inspection software.",
    "Brakeley Analytics, which was acquired by Lumora Labs last year, builds sensors.",
    "Lumora Labs completed its acquisition of Brakeley Analytics in May.",
])
def test_acquisition_alone_is_no_part_of(ex, text):
    assert ("Brakeley Analytics", "Lumora Labs") not in of(ex, text, "PART_OF")


@pytest.mark.parametrize("text", [
    "In 2024 Lumora Labs acquired Brakeley Analytics, which now operates as a division of Lumora Labs.",
    "Lumora Labs acquired Brakeley Analytics in 2023; Brakeley Analytics is now a wholly owned subsidiary of Lumora Labs.",
    "In 2023 Brakeley Analytics was acquired by Lumora Labs and has since operated as a subsidiary of Lumora Labs.",
])
def test_acquisition_with_subsidiary_kept(ex, text):
    assert ("Brakeley Analytics", "Lumora Labs") in of(ex, text, "PART_OF")


# ---------------------------------------------------------------- "Its" after a fronted participle phrase
@pytest.mark.parametrize("text, phrase_org", [
    ("Founded in 2019 by Chiara Locatelli as a spin-off of Morrow University, Orobica Visione employs 46 people in "
     "Bergamo. Its investors include Valseriana Ventures.", "Morrow University"),
    ("Founded in 2019 as a spin-off of Morrow University, the company employs 46 people in Bergamo. Its investors "
     "include Valseriana Ventures.", "Morrow University"),
    ("Set up in 2018 with a grant from Tarn Agency, the start-up employs 12 people. Its partners include Brakeley "
     "Analytics.", "Tarn Agency"),
])
def test_its_is_not_the_fronted_phrase_name(ex, text, phrase_org):
    got = relations_in(ex, text)
    assert not {r for r in got if phrase_org in (r[1], r[2]) and r[0] in ("FUNDS", "PARTNERS_WITH")
                and {"Valseriana Ventures", "Brakeley Analytics"} & {r[1], r[2]}}


@pytest.mark.parametrize("text, org, other, rtype", [
    ("Founded in 2021 by Ilse Varga as a spin-off of Morrow University, Lumora Labs employs 20 people in Kuopio. Its "
     "investors include Brakeley Ventures and Tarn Capital.", "Lumora Labs", "Brakeley Ventures", "FUNDS"),
    ("Backed by Tarn Capital, Lumora Labs builds sensors for weirs. It has partnered with Morrow University since "
     "2022.", "Lumora Labs", "Morrow University", "PARTNERS_WITH"),
    ("Lumora Labs builds sensors for weirs. Its investors include Brakeley Ventures.", "Lumora Labs",
     "Brakeley Ventures", "FUNDS"),
])
def test_its_subject_kept(ex, text, org, other, rtype):
    got = relations_in(ex, text)
    assert (rtype, other, org) in got or (rtype, org, other) in got


# ---------------------------------------------------------------- a round's fact box: "Participants:" are investors
PAGE = ("Kestrel Launchpad: 2026 cohort announced\n\nThe Kestrel Launchpad is a six-month programme for robotics "
        "start-ups. The Kestrel Launchpad takes ten teams a year.\n\n")


@pytest.mark.parametrize("box", [
    "The round\nSeries A: US$9 million\nLead: Tarn Capital\nParticipants: Lumora Labs, Brakeley Analytics and Orrin Data.",
    "Seed round: €2 million\nLead investor: Tarn Capital\nParticipants: Lumora Labs, Brakeley Analytics and Orrin Data.",
])
def test_round_box_participants_are_no_members(ex, box):
    assert not of(ex, PAGE + box, "MEMBER_OF")


def test_participants_label_kept(ex):
    got = of(ex, PAGE + "Participants: Lumora Labs, Brakeley Analytics and Orrin Data.", "MEMBER_OF")
    assert ("Lumora Labs", "Kestrel Launchpad") in got


# ---------------------------------------------------------------- a founding member who left
ALLIANCE = ("Orrin Data Alliance\n\nThe Orrin Data Alliance is a consortium of robotics firms in Tarn. The Orrin Data "
            "Alliance has 30 members.\n\n")


@pytest.mark.parametrize("text", [
    "Lumora Labs, a founding member, left the consortium in 2024.",
    "Lumora Labs, a founding member, withdrew in 2023 after a merger.",
])
def test_member_who_left(ex, text):
    assert ("Lumora Labs", "Orrin Data Alliance") not in of(ex, ALLIANCE + text, "MEMBER_OF")


def test_member_apposition_kept(ex):
    got = of(ex, ALLIANCE + "Brakeley Analytics, a founding member, chairs the board.", "MEMBER_OF")
    assert ("Brakeley Analytics", "Orrin Data Alliance") in got


# ---------------------------------------------------------------- a group word inside a name is no heading's group
@pytest.mark.parametrize("text", [
    "13:30 Session: Start-ups of the steppe\nChair: Ilse Varga, Programme Manager, Kestrel Founders Programme\n"
    "- Lumora Labs — Tomas Berg, Co-founder & CTO (Vellmar)\n- Brakeley Analytics — Ana Lind, Chief Executive",
    "Panel chaired by the Orrin Members Network\n- Lumora Labs\n- Brakeley Analytics",
])
def test_group_word_in_a_name(ex, text):
    got = relations_in(ex, text)
    assert not {r for r in got if r[0] in ("FOUNDED", "MEMBER_OF") and r[1] in ("Lumora Labs", "Brakeley Analytics")}


def test_reference_on_an_intro_line_kept(ex):
    text = ("FACT SHEET\nStyrian Vision Test Bed (SVTB)\nTarn Promotion Agency | Version 2, April 2025\n\n"
            "What is the Styrian Vision Test Bed?\nThe Styrian Vision Test Bed is a programme that lets small firms test "
            "machine vision on real lines. It is run by the Tarn Promotion Agency.\n\nWho has used it?\n"
            "In 2024 the programme's users included:\n- Lumora Labs (Graz), an iron foundry that tested defect "
            "detection\n- Brakeley Analytics (Leoben), which tested lens inspection")
    assert ("Lumora Labs", "Styrian Vision Test Bed") in of(ex, text, "MEMBER_OF")


def test_heading_group_kept(ex):
    got = of(ex, "Founding members of the Orrin Data Alliance\n- Lumora Labs\n- Brakeley Analytics", "MEMBER_OF")
    assert ("Lumora Labs", "Orrin Data Alliance") in got


# ---------------------------------------------------------------- a committee's members are people with their posts
def test_committee_people_are_no_member_orgs(ex):
    text = ("Tarn AI Skills Programme\nA steering committee meets every quarter. Members: Ilse Varga (chair), Director "
            "of Digital Economy, Tarn County Department of ICT; Prof. Tomas Berg, Deputy Vice-Chancellor, Morrow "
            "University; Ana Lind, Orrin Foundation.")
    assert not of(ex, text, "MEMBER_OF")


# ---------------------------------------------------------------- a join in a round is no membership
@pytest.mark.parametrize("text", [
    "Brakeley Ventures joined on the €3m seed round of Lumora Labs.",
    "Lumora Labs raised €3m from Tarn Capital. Orrin Partners joined in the round, as did Ilse Varga.",
])
def test_join_in_a_round_is_no_membership(ex, text):
    assert not of(ex, text, "MEMBER_OF")


def test_join_kept(ex):
    assert ("Lumora Labs", "Orrin Data Alliance") in of(ex, "Lumora Labs joined the Orrin Data Alliance in 2023.",
                                                         "MEMBER_OF")


# ---------------------------------------------------------------- a cohort is no parent
@pytest.mark.parametrize("text", [
    "Lumora Labs is part of the 2024 cohort of the Kestrel Institute, the accelerator run by Tarn University.",
    "Lumora Labs is part of the Kestrel Institute's current batch of robotics start-ups.",
])
def test_part_of_a_cohort_is_no_part_of(ex, text):
    assert ("Lumora Labs", "Kestrel Institute") not in of(ex, text, "PART_OF")


def test_part_of_a_group_kept(ex):
    assert ("Lumora Labs", "Brakeley Group") in of(ex, "Lumora Labs is part of Brakeley Group.", "PART_OF")
