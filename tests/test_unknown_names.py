"""Entity ends on text never seen (issue 14): towns no list knows in slots only a town fills, and two names joined
by "and" where the first has its own topic list. Invented names, gazetteer off; each form has near-misses.

Forms learned from published pages (university and start-up news, Hawaii and Ethiopia tech pages): "a business
from Kauai", "a start-up from <Town>", "a field station at <Town>", "<Firm>, of <Town>, ...", "which has a research
office at <Town>", "<Body> of A, B and C and <Firm>"."""

from __future__ import annotations

import pytest

from tests.helpers import facts_of, mention_kinds


def kinds(extractor, text: str) -> set[tuple[str, str]]:
    return mention_kinds(facts_of(extractor, text))


def located(extractor, text: str) -> set[tuple[str, str]]:
    facts = facts_of(extractor, text)
    m = facts.mentions
    return {(m[r.source].text, m[r.target].text) for r in facts.relations if r.type == "LOCATED_IN"}


@pytest.mark.parametrize("text, town", [
    # "from <Town>" after an organisation noun or a verb of running
    ("Mirelo Robotics, a start-up from Nome, raised a seed round.", "Nome"),
    ("Tamsor Health, a fintech from Dharan, hired ten engineers.", "Dharan"),
    ("The Arctic Logistics Testbed is a program that the Arctic Infrastructure Agency runs from Nome.", "Nome"),
    # "at <Town>" after a site noun
    ("A field station at Nioro du Rip is managed by the Orvane Institute.", "Nioro du Rip"),
    ("The lab at Peradeniya belongs to Kandy Data Institute.", "Peradeniya"),
    ("Oseni Labs, which has a research office at Ile-Ife, works on Yoruba speech.", "Ile-Ife"),
    # "<Org>, of <Town>,"
    ("Thakor Vision, of Thakhek, is co-funded by Orvane Capital.", "Thakhek"),
    ("We met Kuria Health, of Nyeri, at the fair.", "Nyeri"),
])
def test_town_in_a_place_slot(no_gazetteer_extractor, text, town):
    assert (town, "Cluster") in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, org, town", [
    ("Mirelo Robotics, a start-up from Nome, raised a seed round.", "Mirelo Robotics", "Nome"),
    ("Thakor Vision, of Thakhek, is co-funded by Orvane Capital.", "Thakor Vision", "Thakhek"),
    ("Oseni Labs, which has a research office at Ile-Ife, works on Yoruba speech.", "Oseni Labs", "Ile-Ife"),
    ("Kessel Labs, which operates a test lab at Peradeniya, sells drones.", "Kessel Labs", "Peradeniya"),
])
def test_slot_town_is_located(no_gazetteer_extractor, text, org, town):
    assert (org, town) in located(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Researchers from March to May tested the system, said Ama Osei.", "March"),
    ("Its school has drawn engineers from Zaragoza and Cuenca to the island.", "Zaragoza"),
    ("A team of researchers from Dharan built the flood model.", "Dharan"),
    ("The start-up from Day One focused on speech.", "Day One"),
    ("A team from Kenya and researchers from Anthropic joined the project.", "Anthropic"),
    ("Funding came from Kessel Labs and a grant from Orvane.", "Orvane"),
    ("Researchers from Kessel Labs, Nome's only robotics firm, joined.", "Kessel Labs"),
    ("The lab at Orvane Institute is new.", "Orvane Institute"),
    ("The CEO of Kessel Labs, of course, declined to comment.", "course"),
])
def test_not_a_slot_town(no_gazetteer_extractor, text, name):
    assert (name, "Cluster") not in kinds(no_gazetteer_extractor, text)


def test_of_apposition_needs_a_closed_town(no_gazetteer_extractor):
    got = located(no_gazetteer_extractor, "Customers of Thakor Vision, of all sizes, pay monthly.")
    assert not any(org == "Thakor Vision" for org, _ in got)


@pytest.mark.parametrize("text, first, second", [
    ("The study was funded by the Ministry of Trade, Industry and Energy and Kessel Labs.",
     "Ministry of Trade, Industry and Energy", "Kessel Labs"),
    ("Partners include the University of Agriculture and Forestry and Orvane Robotics.",
     "University of Agriculture and Forestry", "Orvane Robotics"),
    ("Grants came from the Department of Fisheries and Oceans and the Tarsk Seed Fund.",
     "Department of Fisheries and Oceans", "Tarsk Seed Fund"),
])
def test_two_names_after_a_topic_list(no_gazetteer_extractor, text, first, second):
    names = {n for n, _ in kinds(no_gazetteer_extractor, text)}
    assert first in names and second in names


@pytest.mark.parametrize("text, name", [
    ("The Department of Science and Technology funds it.", "Department of Science and Technology"),
    ("The Ministry of Planning, Investment and Economic Development runs the scheme.",
     "Ministry of Planning, Investment and Economic Development"),
    ("The Institute of Minerals and Materials Technology hosts the lab.", "Institute of Minerals and Materials Technology"),
    ("Marsh & Osei Capital invested in Santos Labs in March.", "Marsh & Osei Capital"),
])
def test_one_name_kept_whole(no_gazetteer_extractor, text, name):
    assert name in {n for n, _ in kinds(no_gazetteer_extractor, text)}


@pytest.mark.parametrize("text, name", [
    ("We compete with start-ups such as Kelvaro FireWatch of Eugene, Oregon.", "Kelvaro FireWatch"),
    ("The round was led by Marlow DeepSense and Orvane Capital.", "Marlow DeepSense"),
    ("Tamsin Agrodata, a Salto start-up, joined the programme.", "Tamsin Agrodata"),
    ("Participants: Arrozal Queguay, Paysandú; Termas Agrodata, Salto.", "Termas Agrodata"),
    ("Rivera Tech has drawn researchers to Urcuquí.", "Rivera Tech"),
])
def test_firm_shaped_last_word(no_gazetteer_extractor, text, name):
    assert (name, "Person") not in kinds(no_gazetteer_extractor, text)
    assert name in {n for n, _ in kinds(no_gazetteer_extractor, text)}


@pytest.mark.parametrize("text, name", [
    ("Dr. Ana DeSouza joined Orvane Capital in May.", "Ana DeSouza"),
    ("Brigid MacKenzie spoke first.", "Brigid MacKenzie"),
    ("The keynote was given by Pieter VanderWaal.", "Pieter VanderWaal"),
    ("Dr. LaToya Jenkins leads the lab.", "LaToya Jenkins"),
    ("Ruth Talbot joined the board in 2024.", "Ruth Talbot"),
    ("João de Souza, chief scientist at Varanda Labs, said the model was ready.", "João de Souza"),
    ("The company was founded by Nguyen Thi Thu Ha and Tran Quoc Bao in 2020.", "Nguyen Thi Thu Ha"),
    ("Tesfaye Gebremedhin, director of the Adama Vision Centre, spoke first.", "Tesfaye Gebremedhin"),
    ("Nino Beridze, a researcher at Kutaisi Tech Institute, leads the project.", "Nino Beridze"),
    ("Anjali Unnikrishnan Nair of Kottayam Data Works presented the results.", "Anjali Unnikrishnan Nair"),
])
def test_people_stay_people(no_gazetteer_extractor, text, name):
    assert (name, "Person") in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    ("- Karoo Compute (Cape Town). GPU cloud capacity hosted in South Africa.", "Karoo Compute"),
    ("Catlins Carbon, a Southland carbon-credit start-up, raised money.", "Catlins Carbon"),
])
def test_facility_reading_in_an_organisation_form(no_gazetteer_extractor, text, name):
    assert (name, "Company") in kinds(no_gazetteer_extractor, text)


def test_facility_town_is_located(no_gazetteer_extractor):
    text = "- Karoo Compute (Cape Town). GPU cloud capacity hosted in South Africa."
    assert ("Karoo Compute", "Cape Town") in located(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    ("The talk is at Harbour House (Level 2) in Tarsk.", "Harbour House"),
    ("The fair is held at Kessel Tower (Tarsk) every spring.", "Kessel Tower"),
])
def test_buildings_stay_out(no_gazetteer_extractor, text, name):
    assert (name, "Company") not in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Contact the secretariat: Abena Pokuaa Asante, Programme Coordinator, Garden City AI Consortium.",
     "Abena Pokuaa Asante"),
    ("Speakers\nEfua Mensima Quaye, Suame Data Works\nKwabena Osei Bonsu, Kessel Labs\n", "Kwabena Osei Bonsu"),
])
def test_speaker_line_person(no_gazetteer_extractor, text, name):
    assert (name, "Person") in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    ("The advisers are Morgan Stanley, Goldman Sachs and Lazard.", "Morgan Stanley"),
    ("Marsh & Osei Capital, Kessel Labs and Orvane Ventures joined the round.", "Marsh & Osei Capital"),
])
def test_firm_named_after_people_stays_a_firm(no_gazetteer_extractor, text, name):
    assert (name, "Person") not in kinds(no_gazetteer_extractor, text)
