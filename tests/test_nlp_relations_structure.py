"""PART_OF, RUNS and LOCATED_IN in the general forms published English states them, through the real pipeline.

One short sentence per form (invented organisations, so no gazetteer entry decides anything; the places are
gazetteer cities so the test is about the relation, not about recognising a town) and one per counter-example:
a past tie, a plan, a negation or a site given up states nothing.
"""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord, RelationRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import resolve
from aikg.ingest.nlp.extractor import shared_extractor

P, R, L = "PART_OF", "RUNS", "LOCATED_IN"
MINE = {P, R, L}


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str) -> set[tuple[str, str, str]]:
    doc = LoadedDocument(id="d1", source="t", title="t", kind="text", text=text)
    records = resolve([ex.extract(doc)])
    names = {r.id: r.name for r in records if isinstance(r, EntityRecord)}
    return {(r.type, names[r.source], names[r.target]) for r in records
            if isinstance(r, RelationRecord) and r.type in MINE}


FORMS = [
    # PART_OF: a unit, lab, subsidiary, arm, affiliate of its parent
    ("Kelvara Labs is a subsidiary of Orrin Holdings.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("Kelvara Labs, a wholly owned subsidiary of Orrin Holdings, makes sensors.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("Orrin Holdings' subsidiary Kelvara Labs makes sensors.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("The Tarsk Vision Lab is a research unit of the Orrin Institute.", {(P, "Tarsk Vision Lab", "Orrin Institute")}),
    ("The Tarsk Vision Lab, part of the University of Dunmore, studies robot hands.",
     {(P, "Tarsk Vision Lab", "University of Dunmore")}),
    ("The Tarsk Vision Lab, which is part of the University of Dunmore, studies robot hands.",
     {(P, "Tarsk Vision Lab", "University of Dunmore")}),
    ("The Tarsk Vision Lab is housed within the Faculty of Engineering.", {(P, "Tarsk Vision Lab", "Faculty of Engineering")}),
    ("The Tarsk Vision Lab is hosted by the University of Dunmore.", {(P, "Tarsk Vision Lab", "University of Dunmore")}),
    ("The Tarsk Vision Lab sits within the University of Dunmore.", {(P, "Tarsk Vision Lab", "University of Dunmore")}),
    ("The Tarsk Vision Lab is a research centre within the University of Dunmore.",
     {(P, "Tarsk Vision Lab", "University of Dunmore")}),
    ("The Tarsk Vision Lab operates under the Orrin Institute.", {(P, "Tarsk Vision Lab", "Orrin Institute")}),
    ("Kelvara Labs operates as a subsidiary of Orrin Holdings.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("Kelvara Labs is an affiliate of Orrin Holdings.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("Kelvara Labs belongs to the Orrin Group.", {(P, "Kelvara Labs", "Orrin Group")}),
    ("The Dunmore Data Office, an agency of the Ministry of Economy, runs the scheme.",
     {(P, "Dunmore Data Office", "Ministry of Economy")}),
    ("The Tarsk Vision Lab is a joint lab of Orrin Systems and the University of Dunmore.",
     {(P, "Tarsk Vision Lab", "Orrin Systems"), (P, "Tarsk Vision Lab", "University of Dunmore")}),
    ("Kelvara Labs was acquired by Orrin Systems in 2021 and now operates as its subsidiary.",
     {(P, "Kelvara Labs", "Orrin Systems")}),
    ("The Tarsk Vision Lab is owned by Orrin Holdings.", {(P, "Tarsk Vision Lab", "Orrin Holdings")}),
    ("Orrin Holdings owns Kelvara Labs and Pellan Robotics.",
     {(P, "Kelvara Labs", "Orrin Holdings"), (P, "Pellan Robotics", "Orrin Holdings")}),
    ("Orrin Holdings, the parent company of Kelvara Labs, makes sensors.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("The Orrin Institute's subsidiaries include Kelvara Labs and Pellan Robotics.",
     {(P, "Kelvara Labs", "Orrin Institute"), (P, "Pellan Robotics", "Orrin Institute")}),
    ("The Orrin Institute hosts three labs: the Tarsk Vision Lab, the Harrow Robotics Lab and the Dunmore Speech Lab.",
     {(P, "Tarsk Vision Lab", "Orrin Institute"), (P, "Harrow Robotics Lab", "Orrin Institute"),
      (P, "Dunmore Speech Lab", "Orrin Institute")}),
    ("- Manchester: the Irwell Centre for Industrial AI, part of Manchester Metropolitan University\n"
     "- Sheffield: the Don Valley Advanced Manufacturing Institute",
     {(P, "Irwell Centre for Industrial AI", "Manchester Metropolitan University")}),
    ("- AI Institute for Harbour Robotics (AIHR), led by the University of Dunmore",
     {(P, "AI Institute for Harbour Robotics", "University of Dunmore")}),
    ("Compute comes from the Tarsk Supercomputing Centre, which is operated by the University of Dunmore.",
     {(P, "Tarsk Supercomputing Centre", "University of Dunmore")}),
    ("Orrin Capital partners with Kelvara Labs, Norway's centre for applied AI at the University of Dunmore.",
     {(P, "Kelvara Labs", "University of Dunmore")}),
    # RUNS: an organisation runs, operates, administers, leads, delivers a programme
    ("The Harrow Growth Programme, which the Ministry of Economy funds and the Orrin Institute runs, gives grants.",
     {(R, "Orrin Institute", "Harrow Growth Programme")}),
    ("Kelvara Labs joined the Harrow Accelerator Programme, a programme that the Dunmore Innovation Agency (DIA) runs "
     "and the Tarsk Fund co-funds.", {(R, "Dunmore Innovation Agency", "Harrow Accelerator Programme")}),
    ("The Harrow Accelerator is run by the Orrin Institute.", {(R, "Orrin Institute", "Harrow Accelerator")}),
    ("The Harrow Accelerator, operated by the Orrin Institute, backs start-ups.", {(R, "Orrin Institute", "Harrow Accelerator")}),
    ("The Harrow Accelerator is administered by the Dunmore Innovation Agency.",
     {(R, "Dunmore Innovation Agency", "Harrow Accelerator")}),
    ("The Harrow Accelerator is managed by the Dunmore Innovation Agency.",
     {(R, "Dunmore Innovation Agency", "Harrow Accelerator")}),
    ("The Harrow Accelerator is led by the Orrin Institute.", {(R, "Orrin Institute", "Harrow Accelerator")}),
    ("The Harrow Accelerator is delivered by the Orrin Institute.", {(R, "Orrin Institute", "Harrow Accelerator")}),
    ("The Harrow Accelerator is implemented by the Dunmore Innovation Agency.",
     {(R, "Dunmore Innovation Agency", "Harrow Accelerator")}),
    ("The Orrin Institute runs the Harrow Accelerator.", {(R, "Orrin Institute", "Harrow Accelerator")}),
    ("The Orrin Institute coordinates the Harrow Accelerator Programme.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("The Orrin Institute hosts the Harrow Accelerator Programme.", {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("The Dunmore Innovation Agency oversees the Harrow Accelerator Programme.",
     {(R, "Dunmore Innovation Agency", "Harrow Accelerator Programme")}),
    ("The Harrow Accelerator Programme is run out of the Orrin Institute.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("The Harrow Accelerator Programme gives start-ups mentoring. The programme is run by the Orrin Institute.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("Firms can apply to BridgeWay, an Orrin Institute programme that helps firms adopt AI.",
     {(R, "Orrin Institute", "BridgeWay")}),
    ("Kelvara Labs took part in the Orrin Institute's Harrow Accelerator Programme.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("The Harrow Accelerator Programme is operated by the Orrin Institute and the Dunmore Innovation Agency.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme"), (R, "Dunmore Innovation Agency", "Harrow Accelerator Programme")}),
    ("The Orrin Institute administers the Harrow Accelerator Programme and the Tarsk Fellowship Scheme.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme"), (R, "Orrin Institute", "Tarsk Fellowship Scheme")}),
    # LOCATED_IN: based, headquartered, located, offices, sites, "X-based", "the Place <org noun> X"
    ("Kelvara Labs is headquartered in Oslo.", {(L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs, headquartered in Oslo, makes sensors.", {(L, "Kelvara Labs", "Oslo")}),
    ("Headquartered in Oslo, Kelvara Labs makes sensors.", {(L, "Kelvara Labs", "Oslo")}),
    ("Based in Oslo, Kelvara Labs makes sensors.", {(L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs is located in Oslo.", {(L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs is an Oslo-based startup.", {(L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs was founded in 2023 and is based in Tallinn.", {(L, "Kelvara Labs", "Tallinn")}),
    ("Orrin Capital is an early-stage fund with offices in Berlin and Munich.",
     {(L, "Orrin Capital", "Berlin"), (L, "Orrin Capital", "Munich")}),
    ("Kelvara Labs, which has offices in Berlin and Munich, makes sensors.",
     {(L, "Kelvara Labs", "Berlin"), (L, "Kelvara Labs", "Munich")}),
    ("Kelvara Labs, which is headquartered in Stockholm and has an office in Oslo, makes sensors.",
     {(L, "Kelvara Labs", "Stockholm"), (L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs makes sensors. Headquartered in Lisbon, with a research team in Munich, the company employs 24 people.",
     {(L, "Kelvara Labs", "Lisbon"), (L, "Kelvara Labs", "Munich")}),
    ("Kelvara Labs makes sensors. Founded in 2021 and headquartered in Toronto, the company has an engineering office "
     "in Kitchener-Waterloo.", {(L, "Kelvara Labs", "Toronto"), (L, "Kelvara Labs", "Kitchener-Waterloo")}),
    ("Orrin Systems, whose European headquarters is in Dublin, employs 300 people.", {(L, "Orrin Systems", "Dublin")}),
    ("Kelvara Labs has its headquarters in Tallinn.", {(L, "Kelvara Labs", "Tallinn")}),
    ("Kelvara Labs has a research centre in Stockholm.", {(L, "Kelvara Labs", "Stockholm")}),
    ("Kelvara Labs opened a research lab in Tallinn in 2023.", {(L, "Kelvara Labs", "Tallinn")}),
    ("Kelvara Labs moved its headquarters to Austin in 2021.", {(L, "Kelvara Labs", "Austin")}),
    ("Kelvara Labs operates from Tallinn.", {(L, "Kelvara Labs", "Tallinn")}),
    ("Kelvara Labs, with operations in Tallinn and Oslo, makes sensors.",
     {(L, "Kelvara Labs", "Tallinn"), (L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs employs 40 engineers at its Stockholm campus.", {(L, "Kelvara Labs", "Stockholm")}),
    ("Orrin Capital led the seed round of Kelpform, a Lisbon start-up that builds robots.", {(L, "Kelpform", "Lisbon")}),
    ("Kestrel Motion, a Tokyo maker of robot hands, has applied to join.", {(L, "Kestrel Motion", "Tokyo")}),
    ("Orrin Capital has a partnership with Skagen Biologics, a contract lab in Oslo, which tests samples.",
     {(L, "Skagen Biologics", "Oslo")}),
    ("The Halden Institute is a non-profit research institute in Oslo, Norway, that studies reasoning.",
     {(L, "Halden Institute", "Oslo")}),
    ("The Calgary-based Manitoba Innovation Office runs the scheme.", {(L, "Manitoba Innovation Office", "Calgary")}),
    ("Kelvara Labs is a Tokyo maker of robot hands.", {(L, "Kelvara Labs", "Tokyo")}),
    ("- Kelvara Labs (Oslo, Norway) makes sensors\n- Pellan Robotics (Tallinn) makes arms",
     {(L, "Kelvara Labs", "Oslo"), (L, "Pellan Robotics", "Tallinn")}),
    ("Kelvara Labs\nHQ: Oslo\nFounded: 2019\n\nKelvara Labs is a Norwegian company that makes sensors for ships.",
     {(L, "Kelvara Labs", "Oslo")}),
    ("Harrow Accelerator Programme\nOperator: Orrin Institute\nLaunched: 2021\n\nThe Harrow Accelerator Programme backs "
     "start-ups.", {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("In Toronto, the Ontario Centre for Applied Learning plays a similar role.",
     {(L, "Ontario Centre for Applied Learning", "Toronto")}),
    ("- Bristol: the Avon Robotics Consortium\n- Oslo: the Fjord Data Institute",
     {(L, "Avon Robotics Consortium", "Bristol"), (L, "Fjord Data Institute", "Oslo")}),
    ("Sana Qureshi, Kamo Care Robotics, Tokyo\nDaniel Okafor, Pellan Robotics, Oslo",
     {(L, "Kamo Care Robotics", "Tokyo"), (L, "Pellan Robotics", "Oslo")}),
    ("Kitahama is a subsidiary of the Oslo machine-tool group Atsuta Kikai.", {(L, "Atsuta Kikai", "Oslo")}),
    ("Osaka robot start-up Yodogawa Dynamics raises 2.4 billion yen", {(L, "Yodogawa Dynamics", "Osaka")}),
    ("San Francisco-based Kelvara Labs and Pellan Robotics employ thousands of people.",
     {(L, "Kelvara Labs", "San Francisco"), (L, "Pellan Robotics", "San Francisco")}),
]

COUNTER = [
    ("Kelvara Labs was formerly a subsidiary of Orrin Holdings.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("Kelvara Labs, once a unit of Orrin Systems, was spun off in 2020.", {(P, "Kelvara Labs", "Orrin Systems")}),
    ("Kelvara Labs is not part of Orrin Holdings.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("Orrin Holdings plans to acquire Kelvara Labs.", {(P, "Kelvara Labs", "Orrin Holdings")}),
    ("The Harrow Accelerator Programme was formerly run by the Orrin Institute.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("The Harrow Accelerator Programme is not run by the Orrin Institute.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("The Orrin Institute plans to run the Harrow Accelerator Programme.",
     {(R, "Orrin Institute", "Harrow Accelerator Programme")}),
    ("Kelvara Labs plans to open an office in Oslo.", {(L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs will open an office in Oslo next year.", {(L, "Kelvara Labs", "Oslo")}),
    ("Kelvara Labs, formerly based in Tallinn, makes sensors.", {(L, "Kelvara Labs", "Tallinn")}),
    ("Kelvara Labs is not based in Tallinn.", {(L, "Kelvara Labs", "Tallinn")}),
    ("Kelvara Labs closed its Tallinn office in 2022.", {(L, "Kelvara Labs", "Tallinn")}),
    ("The round was led by Orrin Capital, with participation from Nordsee Ventures of Hamburg and the Valencia-based "
     "fund Albufera Capital.", {(L, "Nordsee Ventures", "Valencia"), (L, "Albufera Capital", "Hamburg")}),
    ("Two companies were spun out: Nawigo, a start-up based in Oslo, and Falochron Analytics, which builds models.",
     {(L, "Falochron Analytics", "Oslo")}),
    ("The Dijle Consortium, which is led by the University of Dunmore, builds chips.",
     {(P, "Dijle Consortium", "University of Dunmore")}),
    ("The University of Dunmore is the anchor of the Oslo cluster.", {(L, "University of Dunmore", "Oslo")}),
    ("Kelvara Labs sells its sensors to customers in Oslo and Stockholm.",
     {(L, "Kelvara Labs", "Oslo"), (L, "Kelvara Labs", "Stockholm")}),
]


@pytest.mark.parametrize("text,want", FORMS, ids=[t[:60] for t, _ in FORMS])
def test_form_gives_the_relation(ex, text, want):
    got = rels(ex, text)
    assert want <= got, f"missing {sorted(want - got)}; got {sorted(got)}"


@pytest.mark.parametrize("text,never", COUNTER, ids=[t[:60] for t, _ in COUNTER])
def test_counter_example_gives_nothing(ex, text, never):
    got = rels(ex, text)
    assert not (never & got), f"stated no current tie, got {sorted(never & got)}"
