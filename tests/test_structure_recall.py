"""Recall of RUNS, ANCHORS, PARTNERS_WITH and PART_OF in the forms of published text (issue 14), with the
near-misses that must give nothing.

Forms: the parents of a joint unit partner with each other; "A and B open joint lab"; a list item after a
description ("in partnership with A and the Bergen start-up B"); a colon list after a partnership phrase; the
subject of a window phrase past an apposition; "<place's> hub is built around X"; a place the sentence names by
its words where the entity pass kept no mention there ("the anchor of a small cluster in Harrogate", "Why build
this in Leeds rather than Manchester?"); RUNS from "X hosts the secretariat of P", "X, whose P ...", "P, the
university's start-up programme", "a grant from X (ACR) under its P scheme"; "X delivers the scheme in partnership
with A and B"; a programme page's label lines ("- Administered by: X", "- Technical partner: Y"). Every sentence is
invented (no dev sentence) and runs through the real pipeline; each case states the whole set of relations of the
types it checks.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def got_of(ex, text: str, types: tuple[str, ...]) -> set[tuple[str, str, str]]:
    """The relations of these types one text gives; a partnership once, its names in sorted order."""
    out = set()
    for t, a, b in relations_in(ex, text):
        if t in types:
            out.add((t, *sorted((a, b))) if t == "PARTNERS_WITH" else (t, a, b))
    return out


def pw(a: str, b: str) -> tuple[str, str, str]:
    return ("PARTNERS_WITH", *sorted((a, b)))


PW = ("PARTNERS_WITH",)
AN = ("ANCHORS",)

CASES = [
    # ------------------------------------------------ the parents of a joint unit partner with each other
    ("The Orlen Vision Lab, a joint laboratory of Kestrel Polytechnic and Varde Robotics, opened in 2021.",
     PW + ("PART_OF",),
     {pw("Kestrel Polytechnic", "Varde Robotics"), ("PART_OF", "Orlen Vision Lab", "Kestrel Polytechnic"),
      ("PART_OF", "Orlen Vision Lab", "Varde Robotics")}),
    ("Halden University has opened the Fjordline Data Lab, a joint lab with the shipping company Nordvik Maritime, "
     "on its harbour campus.", PW, {pw("Halden University", "Nordvik Maritime")}),
    ("Brisa Voice, a joint venture set up in 2023 by the telecom firms Tagus Telecom and Mondego Networks, sells "
     "speech recognition.", PW, {pw("Tagus Telecom", "Mondego Networks")}),
    ("The Tessaly Institute has opened the Marsh Robotics Centre, a joint centre of the institute and Carrow "
     "Dynamics.", PW, {pw("Tessaly Institute", "Carrow Dynamics")}),
    # a unit of one parent: its parent is no partner of the unit's partner
    ("Orvik Labs, a laboratory of Kestrel Polytechnic, works with Varde Robotics.", PW,
     {pw("Orvik Labs", "Varde Robotics")}),
    # ------------------------------------------------ units in a colon list, "of which"
    ("The Halden Institute hosts three labs: the Tremont Verification Lab, led by Professor Ana Silva, who has led "
     "it since 2018; the Longwood Clinical Lab, a joint lab of the institute and Fenway Hospital; and the Harbour "
     "Data Lab, which works with the port authority.", ("PART_OF",),
     {("PART_OF", x, "Halden Institute") for x in ("Tremont Verification Lab", "Longwood Clinical Lab",
                                                   "Harbour Data Lab")} | {("PART_OF", "Longwood Clinical Lab",
                                                                           "Fenway Hospital")}),
    ("Varde Robotics has two research centres: the Orvik Vision Centre and the Kestrel Sensor Centre.", ("PART_OF",),
     {("PART_OF", "Orvik Vision Centre", "Varde Robotics"), ("PART_OF", "Kestrel Sensor Centre", "Varde Robotics")}),
    ("Varde Robotics sells to three companies: Nordvik Maritime, Orca Labs and Tagus Telecom.", ("PART_OF",), set()),
    ("Today the institute is funded mainly by the Norland Research Council (NRC), of which the Halden Engineering "
     "Council is a part.", ("PART_OF",), {("PART_OF", "Halden Engineering Council", "Norland Research Council")}),
    ("The Norland Group, of which Varde Robotics was a subsidiary until 2020, sells cranes.", ("PART_OF",), set()),
    # ------------------------------------------------ infobox lines under another firm's entry heading
    ("Kestrel Analytics\nHeadquarters: Leeds\nFounders: Ana Silva, Tom Berg\n\nKestrel Analytics builds "
     "forecasting software for ports.\n\nOther firms in the directory\n\nVarde Robotics\nHeadquarters: Bergen\n"
     "Founders: Ola Nordmann\nVarde Robotics makes drones.\n", ("LOCATED_IN", "FOUNDED"),
     {("LOCATED_IN", "Kestrel Analytics", "Leeds"), ("FOUNDED", "Ana Silva", "Kestrel Analytics"),
      ("FOUNDED", "Tom Berg", "Kestrel Analytics"), ("LOCATED_IN", "Varde Robotics", "Bergen"),
      ("FOUNDED", "Ola Nordmann", "Varde Robotics")}),
    # ------------------------------------------------ joint acts in headlines
    ("Kestrel Polytechnic and Varde Robotics open joint lab for harbour automation", PW,
     {pw("Kestrel Polytechnic", "Varde Robotics")}),
    ("Kestrel Polytechnic and Varde Robotics open offices in Leeds.", PW, set()),
    # ------------------------------------------------ list items after a description
    ("Hosted by Kestrel Polytechnic, in partnership with Nordvik Maritime and the Bergen start-up Varde Robotics.",
     PW, {pw("Kestrel Polytechnic", "Nordvik Maritime"), pw("Kestrel Polytechnic", "Varde Robotics")}),
    ("Lednica Labs, a spin-off of Kestrel Polytechnic, collaborates with the Bergen hospital group Haukeland Health.",
     PW, {pw("Lednica Labs", "Haukeland Health")}),
    ("Kestrel Polytechnic partners with Nordvik Maritime, and the Bergen start-up Varde Robotics sells drones to it.",
     PW, {pw("Kestrel Polytechnic", "Nordvik Maritime")}),
    ("Varde Robotics and Kestrel Polytechnic each partner with Nordvik Maritime on harbour data.", PW,
     {pw("Varde Robotics", "Nordvik Maritime"), pw("Kestrel Polytechnic", "Nordvik Maritime")}),
    ("Varde Robotics and Kestrel Polytechnic could each partner with Nordvik Maritime.", PW, set()),
    # ------------------------------------------------ a colon list after a partnership phrase
    ("Two industry partners have signed agreements with the Halden Data Institute: Nordvik Maritime, the shipping "
     "company, and Fjord Terminals, a port operator.", PW,
     {pw("Halden Data Institute", "Nordvik Maritime"), pw("Halden Data Institute", "Fjord Terminals")}),
    ("The Halden Data Institute works with three partner organisations to deliver training: Kestrel Polytechnic "
     "(Bergen), Tagus Telecom (Porto) and the industry association Nordic Drone Forum.", PW,
     {pw("Halden Data Institute", x) for x in ("Kestrel Polytechnic", "Tagus Telecom", "Nordic Drone Forum")}),
    ("Varde Robotics counts three partners: Nordvik Maritime, Orca Labs, a start-up spun out of Kestrel "
     "Polytechnic, and Tagus Telecom.", PW,
     {pw("Varde Robotics", x) for x in ("Nordvik Maritime", "Orca Labs", "Tagus Telecom")}),
    ("Partners: Nordvik Maritime, Fjord Terminals and Kestrel Polytechnic.", PW, set()),
    ("Varde Robotics sells to three customers: Nordvik Maritime, Fjord Terminals and Tagus Telecom.", PW, set()),
    ("Varde Robotics previously had partnerships with two firms: Nordvik Maritime and Fjord Terminals.", PW, set()),
    ("The Halden Data Institute runs the programme. The institute's partners, Varde Robotics and Orca Analytics, "
     "supply data.", PW, {pw("Halden Data Institute", "Varde Robotics"), pw("Halden Data Institute", "Orca Analytics")}),
    # ------------------------------------------------ ANCHORS: built around, places named by their words
    ("In Harrogate, the local scene is built around the Karatoa Technical Institute, which runs evening courses.",
     AN, {("ANCHORS", "Karatoa Technical Institute", "Harrogate")}),
    ("Our Leeds strategy is built around Orvieto Robotics, our largest customer.", AN, set()),
    ("The Leeds cluster was once built around Orvieto Robotics.", AN, set()),
    ("Orvieto Robotics said the Leeds cluster could be built around a new university.", AN, set()),
    ("Kelvane University opened a campus in Harrogate in 2010. With its new laboratory, Kelvane University has become "
     "the anchor of a small agri-tech cluster in Harrogate, where start-ups have opened offices.", AN,
     {("ANCHORS", "Kelvane University", "Harrogate")}),
    ("Orvik Robotics opened an office in Harrogate in 2019. Kelvane University is the anchor institution of "
     "Harrogate's drone cluster.", AN, {("ANCHORS", "Kelvane University", "Harrogate")}),
    ("Orvik Robotics opened an office in Harrogate in 2019. Kelvane University trains the engineers of a drone "
     "cluster, unlike Harrogate.", AN, set()),
    ("Why did you build the company in Leeds rather than Manchester? Because the engineers are here. Brightwater "
     "University is the anchor of the city's research community.", AN,
     {("ANCHORS", "Brightwater University", "Leeds")}),
    ("Ferrow Systems' engineering campus has drawn researchers to Leeds since 2010.", AN,
     {("ANCHORS", "Ferrow Systems", "Leeds")}),
    ("Ferrow Systems' new plant has drawn suppliers to Leeds.", AN, set()),
    ("Kelvane University is based in Leeds. The drone cluster is anchored by Kelvane University, which trains "
     "technicians.", AN, {("ANCHORS", "Kelvane University", "Leeds")}),
    # ------------------------------------------------ RUNS
    ("Its researchers are paid by the Orvik Doctoral Pilot, a programme that the Halden Science Foundation funds and "
     "the Norland Machine Learning Network runs.", ("RUNS",),
     {("RUNS", "Norland Machine Learning Network", "Orvik Doctoral Pilot")}),
    ("The Orvik Lab is funded by a grant from Norland Innovation, the federal innovation agency, under its Halden "
     "Growth Programme.", ("RUNS",), {("RUNS", "Norland Innovation", "Halden Growth Programme")}),
    ("Tarn Robotics won a $200,000 grant from the Norland Agency for Regional Innovation (NARI) under its Startup "
     "Matching Grants scheme.", ("RUNS",),
     {("RUNS", "Norland Agency for Regional Innovation", "Startup Matching Grants")}),
    ("The Halden Data Institute also hosts the secretariat of the North Sea Agri-Tech Compact, a voluntary "
     "initiative of 22 firms.", ("RUNS",), {("RUNS", "Halden Data Institute", "North Sea Agri-Tech Compact")}),
    ("Its funders include the Ministry of Electronics and Information Technology, whose IndiaAI Mission gave the "
     "consortium a grant.", ("RUNS",),
     {("RUNS", "Ministry of Electronics and Information Technology", "IndiaAI Mission")}),
    ("Halden University runs a start-up incubator. Students can use the Velocity Incubator Programme, the "
     "university's start-up programme, from next year.", ("RUNS",),
     {("RUNS", "Halden University", "Velocity Incubator Programme")}),
    ("The Halden Institute made the first prototypes. They were paid for by the institute's proof-of-concept fund, "
     "the Halden Maturation Fund.", ("RUNS",), {("RUNS", "Halden Institute", "Halden Maturation Fund")}),
    # a programme named after a funder is not run by the funder's recipient
    ("Tarn Robotics, whose Halden Growth Programme is funded by the Norland Agency, makes drones.", ("RUNS",),
     {("RUNS", "Tarn Robotics", "Halden Growth Programme")}),
    # ------------------------------------------------ running something with partners
    ("The Norland Digital Office administers the scheme. It delivers the scheme in partnership with the Kaunas "
     "Science Park and the Lithuanian AI Association, which help applicants.", PW,
     {pw("Norland Digital Office", "Kaunas Science Park"), pw("Norland Digital Office", "Lithuanian AI Association")}),
    ("The Halden Authority delivers the programme with the Halden District Chamber of Commerce, which manages the "
     "mentoring scheme.", PW, {pw("Halden Authority", "Halden District Chamber of Commerce")}),
    ("The Halden Authority runs the programme with funding from the Norland Agency.", PW, set()),
    ("Varde Robotics operates the test site with Siemens equipment.", PW, set()),
    ("Varde Robotics runs the lab with Nordvik Maritime's money.", PW, set()),
    ("Varde Robotics led the round with Nordvik Ventures.", PW, set()),
    ("Varde Robotics makes cameras for vineyards. The start-up works in collaboration with the tractor maker Landes "
     "Mécanique, which fits its cameras to a straddle tractor, and has a research partnership with the Kestrel "
     "Institute.", PW, {pw("Varde Robotics", "Landes Mécanique"), pw("Varde Robotics", "Kestrel Institute")}),
    ("Varde Robotics sells to Landes Mécanique, which has a research partnership with the Kestrel Institute.", PW,
     {pw("Landes Mécanique", "Kestrel Institute")}),
    # ------------------------------------------------ a programme page's label lines
    ("FACT SHEET\nHalden Coconut Intelligence Programme (HCIP), 2025-2028\n\nProgramme at a glance\n"
     "- Administered by: Halden Rural Digital Authority (HRDA), Kurunegala\n"
     "- Technical partner: Varde Plantation Institute (VPI), which runs the programme's field laboratory\n"
     "- Funded by: the Norland Provincial Council\n", PW + ("RUNS",),
     {("RUNS", "Halden Rural Digital Authority", "Halden Coconut Intelligence Programme"),
      pw("Halden Rural Digital Authority", "Varde Plantation Institute")}),
    ("Halden AI Adoption Programme: Round 2 guidance\n\nThe program is administered by the Halden Digital Office.\n"
     "- Delivery partner: Kestrel University (KU), which assesses applications\n", PW + ("RUNS",),
     {("RUNS", "Halden Digital Office", "Halden AI Adoption Programme"), pw("Halden Digital Office", "Kestrel University")}),
    # no runner named: the partner line ties nobody
    ("Halden AI Adoption Programme: Round 2 guidance\n\n- Delivery partner: Kestrel University (KU)\n", PW, set()),
]


@pytest.mark.parametrize("text,types,want", CASES, ids=[c[0][:70] for c in CASES])
def test_form_gives_exactly_these_relations(ex, text, types, want):
    got = got_of(ex, text, types)
    assert got == want, f"missing {sorted(want - got)}; extra {sorted(got - want)}"
