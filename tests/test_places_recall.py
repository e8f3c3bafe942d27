"""LOCATED_IN recall from the forms published text places organisations with, and the towns those forms name.

Each form has sentences of our own (invented organisations; towns the spaCy model or the world place list may not
know) and near-misses that must give nothing: `ingest/nlp/mentions/place_forms.py` (which names are places, and which
places are an organisation's site), `relation_places.py` ("X, the water utility of Loja"), and the document's city for
"the city" in every chunk of a long text (`coreference.py`).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import facts_of, mention_kinds, relations_in

L = "LOCATED_IN"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def located(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == L}


def places(ex, text: str) -> set[str]:
    return {name for name, kind in mention_kinds(facts_of(ex, text)) if kind == "Cluster"}


POSITIVES = [
    # a place modifying an organisation noun, said of a named organisation
    ("Harrowgate Capital is an Istanbul fund that backs logistics start-ups.", {("Harrowgate Capital", "Istanbul")}),
    ("Kitahara is a subsidiary of the Nagoya machine-tool group Ibuki Kikai.", {("Ibuki Kikai", "Nagoya")}),
    ("The panel included Darius Vale, chief technology officer of the Vilnius software house Verkon Systems.",
     {("Verkon Systems", "Vilnius")}),
    ("The round was led by the Viña del Mar fund Pacifico Frontier Capital.",
     {("Pacifico Frontier Capital", "Viña del Mar")}),
    ("- Lagoon Robotics, a Kochi start-up building hull-cleaning drones", {("Lagoon Robotics", "Kochi")}),
    # "<organisation noun> of <town>" in an apposition
    ("EMAP, the water utility of Loja, has paid for the pilot since 2024.", {("EMAP", "Loja")}),
    # a site noun placed by "in" after a verb of having
    ("Brisa Cranes is headquartered in Tampere and has a plant in Hyvinkää.",
     {("Brisa Cranes", "Tampere"), ("Brisa Cranes", "Hyvinkää")}),
    ("Orchard Bay Packers operates nine packhouses in Te Puke and Katikati.",
     {("Orchard Bay Packers", "Te Puke"), ("Orchard Bay Packers", "Katikati")}),
    # list items after "in" the NER read as a person or missed
    ("Himalaya Voice employs 38 people in Pokhara, Butwal and Dharan.",
     {("Himalaya Voice", "Pokhara"), ("Himalaya Voice", "Butwal"), ("Himalaya Voice", "Dharan")}),
    # a town no list knows, in a slot only a place fills
    ("Ruzave Analytics is headquartered in Kuressaare and has a lab in Ruhnu.",
     {("Ruzave Analytics", "Kuressaare"), ("Ruzave Analytics", "Ruhnu")}),
    ("Ostrava Data is located in the town of Frýdlant, where it employs 30 people.", {("Ostrava Data", "Frýdlant")}),
    # a known town in brackets after an organisation, even a word of its name
    ("Members:\n- Trieste Institute for Embedded Intelligence (Trieste)\n- Ostend Marine Robotics (Ostend)\n",
     {("Trieste Institute for Embedded Intelligence", "Trieste"), ("Ostend Marine Robotics", "Ostend")}),
    ("• Lunenburg Fisheries Analytics (Lunenburg): catch forecasting for the inshore fleet",
     {("Lunenburg Fisheries Analytics", "Lunenburg")}),
    ("- Naftalan Sensing (Naftalan) - soil sensors for cotton fields\n- Shaki Silk Analytics (Shaki) - silk grading\n",
     {("Naftalan Sensing", "Naftalan"), ("Shaki Silk Analytics", "Shaki")}),
    # an apposition's organisation noun placed by "in"; more organisation nouns; "growers'" before the noun
    ("The round was led by Tacana Capital, a fund in Huehuetenango, and two angels.", {("Tacana Capital", "Huehuetenango")}),
    ("Barind Cold Chain is a subsidiary of the Natore food processor Chalan Agro Industries.",
     {("Chalan Agro Industries", "Natore")}),
    ("Data will sit on servers of the Ozurgeti data-centre operator Rioni Digital.", {("Rioni Digital", "Ozurgeti")}),
    ("The lab works with the Senaki growers' cooperative Tekhuri Growers.", {("Tekhuri Growers", "Senaki")}),
    # a town the text says an organisation stands in, has a site in or opens its sentence with
    ("Ege Robotics, the largest employer in Bornova, makes robot arms.", {("Ege Robotics", "Bornova")}),
    ("Kordon Labs opened its Bornova office in May.", {("Kordon Labs", "Bornova")}),
    ("In Bornova, Kordon Labs trains welders.", {("Kordon Labs", "Bornova")}),
    # "X-based" before a described organisation; organisations listed after "<firms> in <town>, such as"
    ("It ranks ahead of the Kapan-based mining-analytics firm Syunik Vision Systems.",
     {("Syunik Vision Systems", "Kapan")}),
    ("Start-ups in Namangan, such as Anor Sensing and Yangi Hosil AI, hire its graduates.",
     {("Anor Sensing", "Namangan"), ("Yangi Hosil AI", "Namangan")}),
    ("Orrin Labs is based in Kuressaare, a port town on Saaremaa.", {("Orrin Labs", "Kuressaare")}),
    ("Orrin Labs is a start-up in Kuressaare.", {("Orrin Labs", "Kuressaare")}),
    # a verb of having coordinated with the sentence's first verb
    ("Orrin Labs partners with Kelvara Systems and operates a plant in Hyvinkää.", {("Orrin Labs", "Hyvinkää")}),
    ("The Fergana Institute of Digital Agriculture is a research institute in Namangan. It is a unit of the Uzbek "
     "Academy of Agricultural Sciences and has field stations in Chust and Kokand.",
     {("Fergana Institute of Digital Agriculture", "Chust"), ("Fergana Institute of Digital Agriculture", "Kokand")}),
    ("It partners with Skagen Biologics, a contract lab in Aarhus, which tests the candidates.",
     {("Skagen Biologics", "Aarhus")}),
    # an unknown town in brackets on a list item, when it can be no short form of the name
    ("Partners:\n- Murtal Gussteile (Judenburg), an iron foundry\n• Brugge Sensorics (Bruges)\n",
     {("Murtal Gussteile", "Judenburg"), ("Brugge Sensorics", "Bruges")}),
    # a relative clause of having a site; an apposition's town qualified by its region; an acronym before a copula
    ("Compute is supplied by Nordlysberg Datasenter, which operates a hydro-powered GPU hall in Tromsø.",
     {("Nordlysberg Datasenter", "Tromsø")}),
    ("The partners include the Instituto Andino de Suelos (IAS), which runs a field station in Arequipa, and the Cusco "
     "software firm Qhapaq Data.", {("Instituto Andino de Suelos", "Arequipa"), ("Qhapaq Data", "Cusco")}),
    ("In 2025 we acquired Sandhills Geodata, Inc., a Kearney, Nebraska company that processes drone imagery.",
     {("Sandhills Geodata, Inc", "Kearney")}),
    ("The Dnipro Embodied AI Consortium (DEAC) is a Kharkiv-based non-profit alliance of universities.",
     {("Dnipro Embodied AI Consortium", "Kharkiv")}),
    ("Orrin Labs is headquartered in Saran with a workshop in Shakhtinsk.",
     {("Orrin Labs", "Saran"), ("Orrin Labs", "Shakhtinsk")}),
]


@pytest.mark.parametrize("text,expected", POSITIVES, ids=[p[0][:40] for p in POSITIVES])
def test_forms_give_their_places(ex, text, expected):
    assert expected <= located(ex, text)


NEGATIVES = [
    # the place modifies no organisation noun, or no organisation is named
    ("Kelvara Labs presented at the Paris meeting of the company's investors.", "Paris"),
    ("Merendon Data previously worked with a Monterrey software house.", "Monterrey"),
    ("Veldt Systems partners with the Walloon consortium Meuse Digital.", "Walloon"),
    ("Volcan Angels raised money from the Guatemalan investor network Sierra Club Seed.", "Guatemalan"),
    ("Lipara Robotics won a contract from a North Sea port operator in 2024.", "North Sea"),
    # a building, a month or a noun phrase after the slot word
    ("The company is based in Acme Tower, near the harbour.", "Acme Tower"),
    ("Norrsk Data moved in March to larger offices.", "March"),
    ("Orrin Labs is a start-up in March.", "March"),
    # a headline's place before an organisation noun needs the organisation's name after the noun
    ("New Tarsk centre to test language models\n\nThe Orrin Institute opened it.", "Tarsk"),
    ("Orrin Labs sold its stake in Kelvara Systems and plans to open a plant in Hyvinkää.", "Hyvinkää"),
    # "of" a town that goes on into a longer noun; people in a town who are no site
    ("EMAP, the water utility of Loja province, paid for the pilot.", "Loja"),
    ("About 41 people in Tauranga use the Kaimai Vision app.", "Tauranga"),
    ("Radio Kelvara shares its recordings.\n\n\"Port workers in Tarsk speak fast,\" said Mara Lind.", "Tarsk"),
    # customers in a town are not placed by the list form; a planned site is none
    ("Customers in Namangan, such as Anor Sensing, pay monthly.", "Namangan"),
    ("Compute comes from Nordlysberg Datasenter, which plans to open a GPU hall in Tromsø.", "Tromsø"),
]


@pytest.mark.parametrize("text,place", NEGATIVES, ids=[n[0][:40] for n in NEGATIVES])
def test_near_misses_place_nothing(ex, text, place):
    assert not any(b == place for _, b in located(ex, text))


def test_a_relative_clause_site_is_not_the_subject_s(ex):
    """"X works with Y, which has a plant in Z": the plant is Y's."""
    got = located(ex, "Orrin Labs works with Kelvara Systems, which has a plant in Hyvinkää.")
    assert ("Kelvara Systems", "Hyvinkää") in got and ("Orrin Labs", "Hyvinkää") not in got


def test_table_town_column_holds_places(ex):
    """A table's "Town" cell is a place, also where the town opens the firm's name (no short form of it)."""
    text = "Recipient | Town | Grant\nChilaw Sensor Works | Chilaw | LKR 18m\nNattandiya Coconut Cooperative | Nattandiya | LKR 11m\n"
    assert {"Chilaw", "Nattandiya"} <= places(ex, text)


def test_address_towns_are_places(ex):
    """An address's town: after a street, or read together with its postcode."""
    assert "Sialkot" in places(ex, "Corrections and new entries: Chenab Industry Insights, Kashmir Road, Sialkot.")
    found = places(ex, "SIAC Secretariat, c/o Nura Institute of Applied Computing, 56 Abay Avenue, Karaganda 100000, "
                       "Kazakhstan")
    assert "Karaganda" in found and not any(any(c.isdigit() for c in p) for p in found)


def test_the_region_places_nothing(ex):
    """"the largest employer in the region": an area wider than the town just named states no LOCATED_IN."""
    text = "Kordon Labs is based in Bornova. Ege Robotics, the largest employer in the region, makes robot arms."
    assert located(ex, text) == {("Kordon Labs", "Bornova")}


def test_a_described_list_item_is_not_the_relative_clause_site(ex):
    """"X, which runs a station in A, and the Cusco firm Y": Cusco is Y's town, not a second site of X."""
    text = ("The partners include the Instituto Andino de Suelos (IAS), which runs a field station in Arequipa, and "
            "the Cusco software firm Qhapaq Data.")
    assert ("Instituto Andino de Suelos", "Cusco") not in located(ex, text)


def test_region_after_a_town_only_qualifies_it(ex):
    text = "Orrin Labs is based in Des Moines, Iowa, and in Kearney, Nebraska."
    assert located(ex, text) >= {("Orrin Labs", "Des Moines"), ("Orrin Labs", "Kearney")}
    assert not places(ex, text) & {"Iowa", "Nebraska"}


def test_list_that_does_not_end_is_no_list_of_places(ex):
    text = "Kelvara Labs has offices in Tallinn and Maren Tolle leads them."
    assert located(ex, text) == {("Kelvara Labs", "Tallinn")}
    assert "Maren Tolle" not in places(ex, text)


def test_a_short_form_in_brackets_stays_the_organisation(ex):
    """A bracketed word that is no known town, or has an inner capital, is still read as the name's short form."""
    assert not located(ex, "Quillmark Robotics (Quillmark) builds welding arms for shipyards.")
    assert not located(ex, "The University of Amsterdam (UvA) hosts the lab.")
    text = "Members:\n- Alberta Machine Intelligence Institute (Amii)\n- Montreal Institute for Learning Algorithms (Mila)\n"
    assert not located(ex, text)


def test_address_line_places_the_organisation_before_the_street(ex):
    assert ("Chenab Industry Insights", "Sialkot") in located(
        ex, "Corrections and new entries: Chenab Industry Insights, Kashmir Road, Sialkot.")
    assert located(ex, "Enquiries: WCIP Secretariat, Tamarind Rural Authority, 18 Dambulla Road, Kurunegala\n") == {
        ("Tamarind Rural Authority", "Kurunegala")}
    assert not located(ex, "The minister of Kelvara Labs spoke at 10 Downing Street, London, on Monday.")


def test_the_city_resolves_in_every_chunk(ex, extractor_with):
    """"the city" in the second chunk of a long text is the dateline's city, as in the first."""
    filler = "\n\n".join(f"Paragraph {i} says nothing about any organisation at all, only the weather." for i in range(8))
    text = ("KUTAISI, Georgia, 3 March 2026 -- Rioni Analytics opened a new office today.\n\n" + filler
            + "\n\nThe Imereti Data Institute is the anchor of the city's AI cluster and has a lab in the city.\n")
    whole = relations_in(ex, text)
    chunked = relations_in(extractor_with(max_chunk_chars=400), text)
    expected = {(L, "Imereti Data Institute", "KUTAISI"), ("ANCHORS", "Imereti Data Institute", "KUTAISI")}
    assert expected <= whole
    assert expected <= chunked
