"""Extents of names by their form (issue 14, ENT-EXTENT): every name is invented and the gazetteer is empty. Each
form has positives and the near-misses that must stay as they are.

Forms: a name whose head word comes first ("Fachhochschule Tarnau", "Centro de Robótica Aplicada del Norte");
"On Tuesday the X Institute" (the words before "the" are no part of the name); bulleted items named by their own head
word or with a town in brackets; a town's name around a particle or tight hyphen ("Vila Nova do Sul"); a given name
that is also a common word ("Per") opening the second of two people; "the University of <Place> and <Firm>" (two
names); a title and a person before "of <organisation>".
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.mentions.extent_forms import head_first
from tests.helpers import kinds_in as kinds
from tests.helpers import names_in as texts


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


@pytest.mark.parametrize("text, name", [
    ("Engineers at the Fachhochschule Tarnau built the test rig.", "Fachhochschule Tarnau"),
    ("The sensor came out of the Montanuniversität Eisenerz, which still owns a share.", "Montanuniversität Eisenerz"),
    ("Rosa Velarde directs the Centro de Robótica Aplicada del Norte (CRAN), which opened in 2021.",
     "Centro de Robótica Aplicada del Norte"),
    ("Its partner is the Politecnico di Valdora, a public university.", "Politecnico di Valdora"),
])
def test_head_first_institutes(bare, text, name):
    assert (name, "Institute") in kinds(bare, text)


@pytest.mark.parametrize("text, longest", [
    # two bodies: a school "of the" university is not one name
    ("The Escuela de Pesca Calbuco of the Universidad Austral de Llanquihue joined in 2024.",
     "Escuela de Pesca Calbuco of the Universidad Austral de Llanquihue"),
])
def test_head_first_never_joins_two_bodies(bare, text, longest):
    assert longest not in texts(bare, text)


@pytest.mark.parametrize("words, after, expected", [
    (["Hochschule", "Varnau"], "", True),
    (["Centro", "de", "Datos", "Abiertos"], "", True),
    (["Centro", "Vasco"], "", False),  # a particle must follow "Centro"
    (["Centro", "de", "la", "Villa"], "station", False),  # a place noun after it: a place
    (["Universidad"], "", False),  # a bare head names nothing
    (["Escuela", "de", "Pesca", "of", "the", "Universidad", "Austral"], "", False),
])
def test_head_first_form(words, after, expected):
    assert head_first(words, after, frozenset({"university"})) is expected


@pytest.mark.parametrize("text, name, cut", [
    ("In March the Varnek Institute hired two engineers.", "Varnek Institute", "March the Varnek Institute"),
    ("On Tuesday the Halloway Foundation announced a grant.", "Halloway Foundation", "Tuesday the Halloway Foundation"),
])
def test_words_before_the_are_no_part_of_a_name(bare, text, name, cut):
    found = texts(bare, text)
    assert name in found and cut not in found


def test_the_inside_a_name_after_a_connector_stays(bare):
    assert "Institute for the Study of Tidal Power" in texts(
        bare, "She joined the Institute for the Study of Tidal Power in 2020.")


BULLETS = """Member companies:
- Korvath Data Works, a spin-off of the Tarnau Institute of Technology
- Pellin Speech (Tarnów): speech recognition for call centres
- Brzeg Analytics (Nysa, Opole Voivodeship)
- Stawy Data Works, Opole
- Data Science: short courses for members
"""


def test_bulleted_items_are_organisations(bare):
    found = kinds(bare, BULLETS)
    for name in ("Korvath Data Works", "Pellin Speech", "Brzeg Analytics", "Stawy Data Works"):
        assert (name, "Company") in found, name
    assert "Data Science" not in {t for t, _ in found}  # a topic, not a member


@pytest.mark.parametrize("text, town, part", [
    ("The mill moved from Itajubá to Rio do Sul in 2021.", "Rio do Sul", "Sul"),
    ("Its second plant is in Santa Cruz do Sul, near the border.", "Santa Cruz do Sul", "Santa Cruz"),
])
def test_towns_around_a_particle(bare, text, town, part):
    found = texts(bare, text)
    assert part not in found  # never the half of a town's name
    assert (town, "Cluster") in kinds(bare, text)


@pytest.mark.parametrize("words, expected", [
    (["Related", ":", "Hartsville", "-", "Bristol", "seed", "processor"], (2, 5)),  # an unknown word glued to a town
    (["The", "Leeds", "-", "Bristol", "rail", "link"], None),  # two known towns: a route, not one town
    (["The", "Hartsville", "-", "Bristol", "line"], (1, 4)),
    (["The", "Hartsville", " - ", "Bristol", "line"], None),
])
def test_double_barrelled_town(words, expected):
    import spacy
    from spacy.tokens import Doc

    from aikg.ingest.nlp.mentions.base import Candidate
    from aikg.ingest.nlp.mentions.name_joins import _hyphen_place
    from aikg.ingest.nlp.world_places import world_places

    spaces = [w not in ("-",) and (i + 1 < len(words) and words[i + 1] != "-") for i, w in enumerate(words)]
    words = [w.strip() for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    k = words.index("Bristol")
    town = Candidate(k, k + 1, "Cluster", "ner", place=True)
    assert _hyphen_place(doc, town, [town], world_places()) == expected


@pytest.mark.parametrize("text, name, kind", [
    ("Banco do Vale lent the firm $2 million.", "Banco do Vale", "Company"),  # an organisation, not a town
    ("The deal was signed by Maria da Costa, its founder.", "Maria da Costa", "Person"),
])
def test_particle_names_that_are_no_towns(bare, text, name, kind):
    assert (name, "Cluster") not in kinds(bare, text)


def test_given_name_that_is_a_common_word(bare):
    found = kinds(bare, "Tarrow Cannery, which Ingrid Halvorsen and Per Moberg co-founded, opened in 2020.")
    assert ("Per Moberg", "Person") in found
    assert ("Moberg", "Company") not in found


def test_capitalised_common_word_before_a_firm_stays_out(bare):
    # a given name that is also a common word opens a person only before a one-word default reading
    found = kinds(bare, "Ingrid Halvorsen and May Harbour Ventures signed the lease.")
    assert not any(k == "Person" and "Harbour" in t for t, k in found)


@pytest.mark.parametrize("text, left, right", [
    ("The district is anchored by the Technical University of Silesia and Kobra Steel.",
     "Technical University of Silesia", "Kobra Steel"),
    ("The Technical University of Moravia and Vitkov Steel anchor the corridor.",
     "Technical University of Moravia", "Vitkov Steel"),
    ("The park's anchors are the State University of Oradea and Bihor Textiles Group.",
     "State University of Oradea", "Bihor Textiles Group"),
])
def test_university_of_place_and_firm_are_two_names(bare, text, left, right):
    found = texts(bare, text)
    assert left in found and right in found


@pytest.mark.parametrize("text, name", [
    ("The directorate reports to the Ministry of Fisheries and Digital Transformation in Tarvik.",
     "Ministry of Fisheries and Digital Transformation"),
    ("She teaches at the Orrin School of Engineering and Applied Sciences.", "Orrin School of Engineering and Applied Sciences"),
])
def test_of_topic_and_topic_stays_one_name(bare, text, name):
    assert name in texts(bare, text)


def test_university_of_two_topics_stays_one_name(bare):
    assert "Varmland University of Science and Technology" in texts(
        bare, "She studied at the Varmland University of Science and Technology in Karlstad.")


def test_title_and_person_before_of_an_organisation(bare):
    found = kinds(bare, "Guests were Councillor Iona Baird of the Sutherland Regional Council and two founders.")
    assert ("Iona Baird", "Person") in found
    assert any(t.endswith("Sutherland Regional Council") and "Iona" not in t for t, _ in found)
    assert not any("Councillor" in t and "Council" in t.replace("Councillor", "") for t, _ in found)


def test_adjective_list_inside_a_headed_name(bare):
    found = texts(bare, "The alerts come from the Tarvanian Atmospheric, Seismic and Volcanic Services Administration "
                        "(TASVSA), a state body.")
    assert "Tarvanian Atmospheric, Seismic and Volcanic Services Administration" in found
    assert "Tarvanian Atmospheric" not in found


def test_a_list_of_names_before_a_headed_name_stays_a_list(bare):
    found = texts(bare, "Harvard, Yale and Princeton University signed the letter.")
    assert "Princeton University" in found
    assert not any(t.startswith("Harvard,") for t in found)


def test_a_bulleted_person_with_an_organisation_in_brackets_stays_a_person(bare):
    found = kinds(bare, "Board:\n• Marieke Dooms (Nete Sensor Institute)\n• Jeroen Baets (Rupel Instruments)\n")
    assert ("Marieke Dooms", "Company") not in found and ("Jeroen Baets", "Company") not in found
