"""Published forms of PARTNERS_WITH, PART_OF, LOCATED_IN, AFFILIATED_WITH, FOUNDED and RUNS (issue #14).

One invented sentence a form, written from the shapes of encyclopedia articles, company and university
releases, board lists and partnership announcements (not copied from a gold document), through the real
spaCy pipeline; counter-examples must not give the excluded edge: list items after a partnership trigger
are not partners of each other, past roles ("joined X from Y", "previously at") are no current tie.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A, P, PO, L, FD, R, AN = "AFFILIATED_WITH", "PARTNERS_WITH", "PART_OF", "LOCATED_IN", "FOUNDED", "RUNS", "ANCHORS"
KR, QS, LL, OI, MT, IB = "Kestrel Robotics", "Quantix Systems", "Lumora Labs", "Orrin Institute", "Maren Tolle", "Ivo Brandt"
UT = "University of Tarsk"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, title: str = "t") -> set[tuple[str, str, str]]:
    return relations_in(ex, text, title)


FORMS = [
 # LOCATED_IN
 ("The Orrin Institute is a research institute based in Graz.", {(L, OI, "Graz")}),
 ("Lumora Labs, which has its headquarters in Aarhus, builds vision models.", {(L, LL, "Aarhus")}),
 ("Lumora Labs operates offices in Leeds and Bristol.", {(L, LL, "Leeds"), (L, LL, "Bristol")}),
 ("Lumora Labs opened an office in Leeds in 2023.", {(L, LL, "Leeds")}),
 ("Lumora Labs moved its headquarters to Leeds in 2022.", {(L, LL, "Leeds")}),
 ("Kestrel Robotics, a Tampere company that builds warehouse robots, raised $5 million.", {(L, KR, "Tampere")}),
 ("Kestrel Robotics is a robotics company headquartered in Tampere, Finland.", {(L, KR, "Tampere")}),
 ("The Orrin Institute, located in Graz, studies machine reasoning.", {(L, OI, "Graz")}),
 ("Kestrel Robotics has its main office in Tampere and a lab in Oulu.", {(L, KR, "Tampere"), (L, KR, "Oulu")}),
 ("The Orrin Institute has a campus in Graz.", {(L, OI, "Graz")}),
 ("Kestrel Robotics is a Finnish robotics company based in Tampere.", {(L, KR, "Tampere")}),
 # PART_OF
 ("Kestrel Robotics is a subsidiary of Quantix Systems.", {(PO, KR, QS)}),
 ("Kestrel Robotics, a division of Quantix Systems, makes grippers.", {(PO, KR, QS)}),
 ("Kestrel Research, the research arm of Quantix Systems, publishes papers.", {(PO, "Kestrel Research", QS)}),
 ("Kestrel Lab, the innovation arm of the Orrin Development Bank, funds start-ups.", {(PO, "Kestrel Lab", "Orrin Development Bank")}),
 ("Kestrel Robotics is part of the Quantix Group.", {(PO, KR, "Quantix Group")}),
 ("Kestrel Robotics is owned by Quantix Systems.", {(PO, KR, QS)}),
 ("Kestrel Robotics operates as a unit of Quantix Systems.", {(PO, KR, QS)}),
 ("The Kestrel Lab is housed within the University of Tarsk.", {(PO, "Kestrel Lab", UT)}),
 ("Kestrel Robotics became a wholly owned subsidiary of Quantix Systems in 2020.", {(PO, KR, QS)}),
 ("Kestrel Robotics is a Quantix Systems company.", {(PO, KR, QS)}),
 ("The Kestrel Centre is an institute of the University of Tarsk.", {(PO, "Kestrel Centre", UT)}),
 ("Quantix Systems' robotics division, Kestrel Robotics, builds arms.", {(PO, KR, QS)}),
 # FOUNDED
 ("Kestrel Robotics was co-founded by Maren Tolle and Ivo Brandt in 2019.", {(FD, MT, KR), (FD, IB, KR)}),
 ("Kestrel Robotics spun out of the University of Tarsk in 2020.", {(FD, UT, KR)}),
 ("Kestrel Robotics was spun off from Quantix Systems in 2018.", {(FD, QS, KR)}),
 ("The Kestrel Institute was established by the Orrin Foundation in 2015.", {(FD, "Orrin Foundation", "Kestrel Institute")}),
 ("Maren Tolle, who founded Kestrel Robotics in 2019, spoke first.", {(FD, MT, KR)}),
 ("Kestrel Robotics, founded by Maren Tolle, builds arms.", {(FD, MT, KR)}),
 ("Maren Tolle started Kestrel Robotics in 2019.", {(FD, MT, KR)}),
 ("The Orrin Foundation set up the Kestrel Institute in 2015.", {(FD, "Orrin Foundation", "Kestrel Institute")}),
 ("Maren Tolle is the founder and chief executive of Kestrel Robotics.", {(FD, MT, KR), (A, MT, KR)}),
 ("Kestrel Robotics founder Maren Tolle said the robots are ready.", {(FD, MT, KR)}),
 ("Kestrel Robotics is a spin-off from the University of Tarsk.", {(FD, UT, KR)}),
 ("The Kestrel Institute was created by the University of Tarsk in 2015.", {(FD, UT, "Kestrel Institute")}),
 ("Kestrel Robotics was founded in 2019 by Maren Tolle, a former engineer at Quantix Systems.", {(FD, MT, KR)}),
 # RUNS
 ("The Kestrel Fellowship is run by the Orrin Institute.", {(R, OI, "Kestrel Fellowship")}),
 ("The Orrin Institute manages the Kestrel Fellowship Programme.", {(R, OI, "Kestrel Fellowship Programme")}),
 ("The Kestrel Accelerator, operated by the Orrin Institute, takes ten teams a year.", {(R, OI, "Kestrel Accelerator")}),
 ("The Orrin Institute administers the Kestrel Grants Programme.", {(R, OI, "Kestrel Grants Programme")}),
 ("The Kestrel Programme is led by the Orrin Institute.", {(R, OI, "Kestrel Programme")}),
 ("The Kestrel Programme is delivered by the Orrin Institute.", {(R, OI, "Kestrel Programme")}),
 ("The Kestrel Programme is coordinated by the Orrin Institute.", {(R, OI, "Kestrel Programme")}),
 ("The Kestrel Programme is managed by the Orrin Institute on behalf of the Ministry of Digital Affairs.", {(R, OI, "Kestrel Programme")}),
 ("The Orrin Institute is the operator of the Kestrel Accelerator.", {(R, OI, "Kestrel Accelerator")}),
 ("The Kestrel Accelerator is hosted by the Orrin Institute.", {(R, OI, "Kestrel Accelerator")}),
 # AFFILIATED_WITH
 ("Professor Maren Tolle, director of the Orrin Institute, said the work matters.", {(A, MT, OI)}),
 ("\"This is a big step,\" said Maren Tolle, chief technology officer at Kestrel Robotics.", {(A, MT, KR)}),
 ("Maren Tolle joined Kestrel Robotics from Quantix Systems in 2022.", {(A, MT, KR)}),
 ("Maren Tolle, a researcher at the Orrin Institute, wrote the report.", {(A, MT, OI)}),
 ("The Orrin Institute is led by its director, Maren Tolle.", {(A, MT, OI)}),
 ("Maren Tolle heads the Orrin Institute's robotics group.", {(A, MT, OI)}),
 ("Maren Tolle was appointed chief executive of Kestrel Robotics in 2023.", {(A, MT, KR)}),
 ("Maren Tolle, Kestrel Robotics' head of research, presented the robot.", {(A, MT, KR)}),
 ("The report cites Maren Tolle, a professor of computer science at the University of Tarsk.", {(A, MT, UT)}),
 ("Maren Tolle works at Kestrel Robotics.", {(A, MT, KR)}),
 ("Maren Tolle serves on the board of Kestrel Robotics.", {(A, MT, KR)}),
 ("\"We are ready,\" said Dr Maren Tolle, who leads the Orrin Institute.", {(A, MT, OI)}),
 ("Maren Tolle is chief scientist at Kestrel Robotics.", {(A, MT, KR)}),
 ("Kestrel Robotics named Maren Tolle as its chief executive in May.", {(A, MT, KR)}),
 ("Kestrel Robotics has hired Maren Tolle as head of research.", {(A, MT, KR)}),
 ("Maren Tolle, Chief Executive Officer, Kestrel Robotics", {(A, MT, KR)}),
 ("Maren Tolle (Kestrel Robotics) chairs the panel.", {(A, MT, KR)}),
 ("The Orrin Institute's director, Maren Tolle, opened the meeting.", {(A, MT, OI)}),
 ("Maren Tolle, professor at the University of Tarsk and director of the Orrin Institute, spoke.", {(A, MT, UT), (A, MT, OI)}),
 # PARTNERS_WITH
 ("Kestrel Robotics signed a memorandum of understanding with Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics developed the platform in collaboration with Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics and Quantix Systems formed a strategic alliance in 2022.", {(P, KR, QS)}),
 ("Kestrel Robotics announced a strategic alliance with Quantix Systems.", {(P, KR, QS)}),
 ("The gripper was jointly developed by Kestrel Robotics and Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics will build the robot alongside partners Quantix Systems and Lumora Labs.", {(P, KR, QS), (P, KR, LL)}),
 ("Kestrel Robotics is partnering with Quantix Systems and Lumora Labs on warehouse robots.", {(P, KR, QS), (P, KR, LL)}),
 ("Kestrel Robotics teamed up with Quantix Systems to build a gripper.", {(P, KR, QS)}),
 ("Kestrel Robotics collaborates with Quantix Systems on grippers.", {(P, KR, QS)}),
 ("Kestrel Robotics and Quantix Systems have partnered to build grippers.", {(P, KR, QS)}),
 ("Kestrel Robotics is working with Quantix Systems on a new gripper.", {(P, KR, QS)}),
 ("Kestrel Robotics has a research partnership with the University of Tarsk.", {(P, KR, UT)}),
 ("Kestrel Robotics and the University of Tarsk signed a five-year agreement to share data.", {(P, KR, UT)}),
 ("Kestrel Robotics has joined forces with Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics and Quantix Systems announced a partnership to build grippers.", {(P, KR, QS)}),
 ("The project is a collaboration between Kestrel Robotics and Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics is a partner of Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics, in partnership with Quantix Systems, built the gripper.", {(P, KR, QS)}),
 ("Kestrel Robotics co-developed the gripper with Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics and Quantix Systems will jointly develop grippers.", {(P, KR, QS)}),
 ("The fund backs Kestrel Robotics and Quantix Systems, which is partnering with Lumora Labs.", {(P, QS, LL)}),
 ("The Kestrel Accelerator is a programme that Lumora Labs runs with funding from Kestrel Lab, the innovation arm of the Orrin "
  "Development Bank.", {(PO, "Kestrel Lab", "Orrin Development Bank"), (R, LL, "Kestrel Accelerator")}),
 ("Kestrel Robotics and Quantix Systems announce partnership on warehouse robots", {(P, KR, QS)}),
 ("Kestrel Robotics, Quantix Systems and Lumora Labs jointly run the Tarsk Robotics Lab.", {(P, KR, QS), (P, KR, LL), (P, QS, LL)}),
 # name lines with a dash (speaker and board lists)
 ("Maren Tolle — Chief Executive, Kestrel Robotics", {(A, MT, KR)}),
 ("Maren Tolle - Head of Research - Kestrel Robotics", {(A, MT, KR)}),
 # an organisation's name as the modifier of a relating noun
 ("Lumora Labs, an Orrin Institute spin-out, sells sensors.", {(FD, OI, LL)}),
 ("Kestrel Robotics, a Quantix Systems subsidiary, makes arms.", {(PO, KR, QS)}),
 ("The Quantix Systems subsidiary Kestrel Robotics makes arms.", {(PO, KR, QS)}),
 ("The Kestrel Fellowship, an Orrin Institute programme, funds ten researchers.", {(R, OI, "Kestrel Fellowship")}),
 ("Kestrel Robotics entered into a strategic alliance with Quantix Systems in 2024.", {(P, KR, QS)}),
 ("Kestrel Robotics is a subsidiary of the Swedish engineering group Quantix Systems.", {(PO, KR, QS)}),
 ("Kestrel Ventures, the venture arm of the telecoms group Quantix Systems, led the round.", {(PO, "Kestrel Ventures", QS)}),
 # speaker lines that end in the town
 ("Speakers\n\nMaren Tolle, Kestrel Robotics, Tampere\n\nIvo Brandt, Orrin Institute, Graz", {(A, MT, KR), (A, IB, OI)}),
 ('- "Selling to factories" -- Maren Tolle, Kestrel Robotics, Tampere', {(A, MT, KR)}),
 ("Kestrel Robotics has a plant in Lisbon.", {(L, KR, "Lisbon")}),
]
#: (text, edges that must not appear)
COUNTER = [
 ("Kestrel Robotics plans to build a plant in Lisbon.", {(L, KR, "Lisbon")}),
 ("Kestrel Robotics sells sensors to a factory in Lisbon.", {(L, KR, "Lisbon")}),
 ("Maren Tolle, Kestrel Robotics, Tampere and Lumora Labs attended the fair.", {(A, MT, KR)}),
 ("Kestrel Robotics, a Quantix Systems customer, makes arms.", {(PO, KR, QS), (P, KR, QS)}),
 ("Kestrel Robotics hired Maren Tolle — a former Quantix Systems engineer — last year.", {(A, MT, QS)}),
 ("Kestrel Robotics and Quantix Systems announced results on Monday.", {(P, KR, QS)}),
 ("Kestrel Robotics and Quantix Systems were both founded in 2019.", {(P, KR, QS)}),
 ("Maren Tolle, formerly chief executive of Quantix Systems, joined Kestrel Robotics.", {(A, MT, QS)}),
 # a singular relative clause is said of the list member before it, not of the list
 ("The fund backs Kestrel Robotics and Quantix Systems, which is partnering with Lumora Labs.", {(P, KR, LL)}),
 ("Kestrel Robotics and Quantix Systems signed agreements with Lumora Labs.", {(P, KR, QS)}),
 ("The gripper was jointly funded by Quantix Systems and Lumora Labs.", {(P, QS, LL)}),
 # ANCHORS: a place set aside ("rather than") or a place name the entity pass missed is no fallback
 ("Interview. We spoke with the team in March. Why build this in Graz rather than Vienna? Because the engineers are here. "
  "The Orrin Institute is the anchor of the city's robotics scene.", {(AN, OI, "Vienna")}),
 ("Lot Fourteen has become the centre of Graz's technology cluster, and the Orrin Institute is widely seen as the anchor "
  "institution of Lot Fourteen's AI community.", {(AN, OI, "Graz")}),
 ("Kestrel Robotics is partnering with Quantix Systems and Lumora Labs on warehouse robots.", {(P, QS, LL)}),
 ("Kestrel Robotics will build the robot alongside partners Quantix Systems and Lumora Labs.", {(P, QS, LL)}),
 ("Kestrel Robotics signed agreements with Quantix Systems and Lumora Labs.", {(P, QS, LL)}),
 ("Maren Tolle joined Kestrel Robotics from Quantix Systems in 2022.", {(A, MT, QS)}),
 ("Maren Tolle, previously at Quantix Systems, now leads Kestrel Robotics.", {(A, MT, QS)}),
 ("Maren Tolle, a former researcher at the Orrin Institute, founded Kestrel Robotics.", {(A, MT, OI)}),
 ("Maren Tolle previously worked at Quantix Systems.", {(A, MT, QS)}),
 ("Maren Tolle, who spent a decade at Quantix Systems, leads Kestrel Robotics.", {(A, MT, QS)}),
 ("Kestrel Robotics, Quantix Systems and Lumora Labs attended the summit in Graz.", {(P, KR, QS), (P, QS, LL), (P, KR, LL)}),
 ("Kestrel Robotics competes with Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics sells grippers to Quantix Systems.", {(P, KR, QS)}),
 ("Kestrel Robotics was formerly a subsidiary of Quantix Systems.", {(PO, KR, QS)}),
 ("Kestrel Robotics plans to open an office in Leeds.", {(L, KR, "Leeds")}),
 ("Kestrel Robotics, a Quantix Systems customer, builds arms.", {(PO, KR, QS)}),
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[t[:60] for t, _ in FORMS])
def test_published_form(ex, text, expected):
    got = rels(ex, text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,excluded", COUNTER, ids=[t[:60] for t, _ in COUNTER])
def test_published_counter_example(ex, text, excluded):
    got = rels(ex, text)
    assert not (excluded & got), f"false {excluded & got}"
