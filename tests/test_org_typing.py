"""Organisation typing on unseen text (issue 14, helper "org typing"), through the real spaCy pipeline.

* A unit named beside its parent takes the parent's kind (``mentions/unit_parents.py``): conference speaker lines,
  university staff pages and government directories name a department, division, group or lab with the body it
  belongs to ("Name, Department of X, Y University"; "Name, X Division, Y Prefectural Government"; "a lecturer in
  the Department of X at Y"; "the Y's Grupo de X"); a university's department is an Institute, a government's an
  Agency, a firm's lab a Company (docs/annotation.md §2).
* A science or research foundation is a state funder only when its name says so ("National Science Foundation",
  "Science Foundation Ireland"); otherwise a foundation, an Institute (``typing.py``).

Invented names in several languages, and near-misses that must not move: a list of bodies, a lab under a ministry, a
firm parent with no evidence of its own, a department named alone.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.mentions.unit_parents import parent_type, unit_kind
from tests.helpers import typed_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


# --- a unit beside its parent -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, unit, typ", [
    ("- Park Seo-yeon, Associate Professor, Department of Marine Convergence, Yeosu Provincial University",
     "Department of Marine Convergence", "Institute"),
    ("- Aiko Tanaka, Regional Industry Division, Fukui Prefectural Government\n- Kenji Mori, CEO, Hokuriku Sensing",
     "Regional Industry Division", "Agency"),
    ("Ana Petrić, a lecturer in the Department of Crop Modelling at Drava Agricultural University, leads the study.",
     "Department of Crop Modelling", "Institute"),
    ("Pelayo Suárez, a researcher at the Universidad del Litoral Norte's Grupo de Hidrología Computacional, joined.",
     "Grupo de Hidrología Computacional", "Institute"),
    ("The Crop Statistics Division of the Ministry of Agriculture shares data with Lumora Labs.",
     "Crop Statistics Division", "Agency"),
    ("Dr. Tomás Ruiz, Dipartimento di Informatica, Università di Lecco", "Dipartimento di Informatica", "Institute"),
    ("Contact: Jonas Weber, Lehrstuhl für Robotik, Hochschule Rottal", "Lehrstuhl für Robotik", "Institute"),
    ("Speakers: Lena Roos, Head of Unit, Digital Services Unit, Kalmar Regional Council; Per Ek, Analytics Lab, "
     "Kalmar Steel AB.", "Analytics Lab", "Company"),
    ("Speakers: Lena Roos, Head of Unit, Digital Services Unit, Kalmar Regional Council; Per Ek, Analytics Lab, "
     "Kalmar Steel AB.", "Digital Services Unit", "Agency"),
    ("Marta Lind (Department of Soil Informatics, Tartu Agricultural University) spoke first.",
     "Department of Soil Informatics", "Institute"),
])
def test_unit_takes_its_parents_kind(ex, text, unit, typ):
    assert (typ, unit) in typed_in(ex, text)


@pytest.mark.parametrize("text, unit, typ", [
    # a list of bodies: the unit is one item, not a part of the next
    ("The study was funded by the Department of Regional Enterprise, Tarn University, the Kivu Institute and two "
     "firms.", "Department of Regional Enterprise", "Agency"),
    # a lab under a government body stays a lab
    ("Hana Kováčová, Remote Sensing Lab, Slovak Ministry of Environment", "Remote Sensing Lab", "Institute"),
    # a firm parent with no evidence of its own (a default firm reading) decides nothing
    ("Otabek Rasulov, Research Scientist, Navbahor AI Lab, Afrosiyob Cloud", "Navbahor AI Lab", "Institute"),
    # a bank's funding facility is a funding line, not a unit
    ("Funders: the Ministry of Digital Economy; the Kivu Digital Connectivity Facility of the Tanganyika Bank",
     "Kivu Digital Connectivity Facility", "Programme"),
    # a department named alone keeps its own reading
    ("The Department of Regional Enterprise will fund the pilot.", "Department of Regional Enterprise", "Agency"),
])
def test_unit_near_misses(ex, text, unit, typ):
    assert (typ, unit) in typed_in(ex, text)


@pytest.mark.parametrize("words, kind", [
    ("Department of AI Convergence", "admin"),
    ("Industrial Policy Division", "admin"),
    ("Grupo de Hidroinformática", "research"),
    ("Laboratoire de Robotique Marine", "research"),
    ("Kivu Speech Lab", "research"),
    ("Grupo Tarija Holding", None),  # a firm group
    ("Schwarz Group", None),
    ("Fujiwara & Oda Patent Office", None),
    ("Department", None),
])
def test_unit_kind(words, kind):
    assert unit_kind(words.split()) == kind


def test_parent_type():
    assert parent_type("admin", "Agency") == "Agency"
    assert parent_type("research", "Agency") is None
    assert parent_type("research", "Company") == "Company"
    assert parent_type("admin", "Person") is None


# --- science and research foundations -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, typ", [
    ("Project funding came from the Kivu Science Foundation.", "Kivu Science Foundation", "Institute"),
    ("The lab is funded by the Tatra Research Foundation and two firms.", "Tatra Research Foundation", "Institute"),
    ("A grant from the Lesotho Science Foundation paid for it.", "Lesotho Science Foundation", "Agency"),  # a country
    ("The State Research Foundation of Kivu funds it.", "State Research Foundation of Kivu", "Agency"),
    ("It has a grant from Science Foundation Malawi.", "Science Foundation Malawi", "Agency"),
    ("The Federal Research Foundation of Ruritania funds the work.", "Federal Research Foundation of Ruritania",
     "Agency"),
])
def test_science_foundations(ex, text, name, typ):
    assert (typ, name) in typed_in(ex, text)


# --- a directory line's description after a dash (org_descriptions.py) --------------------------------------------

@pytest.mark.parametrize("text, name, typ", [
    ("Bottenviken Invest AB — a state-owned investment company for the four northern counties; it co-invested with "
     "Kvarken Ventures in March.", "Bottenviken Invest AB", "Agency"),
    ("Kivu Growers — an association of 300 farmers.", "Kivu Growers", "Institute"),
    ("Pärnu Digital – the county's development agency – runs the voucher.", "Pärnu Digital", "Agency"),
    # near-misses: a firm described as a firm, a town named in the description
    ("Lumora Analytics — a Tartu start-up — joined in May.", "Lumora Analytics", "Company"),
    ("Agencia Lumbre — a creative agency from Puebla — designed the campaign.", "Agencia Lumbre", "Company"),
])
def test_dash_descriptions(ex, text, name, typ):
    assert (typ, name) in typed_in(ex, text)


# --- head words in other languages (org_head_words.json, org_kinds.json, types.json) ------------------------------

@pytest.mark.parametrize("text, name, typ", [
    ("Our partners include Stemlab, the speech laboratory of Hogeschool Limburg-Noord.", "Hogeschool Limburg-Noord",
     "Institute"),
    ("Our partners include Stemlab and the Kreisklinikum Rottal.", "Kreisklinikum Rottal", "Institute"),
    ("- Jeon Mi-rae, Director of Investment, Daejeon Metropolitan City", "Daejeon Metropolitan City", "Agency"),
    ("The pilot runs with Kisumu Municipality and the Aserradero Pichoy.", "Aserradero Pichoy", "Company"),
    # near-misses: a legal form keeps a firm; an ending alone is no compound
    ("Allianz Partners and Kreisklinikum Rottal GmbH signed.", "Kreisklinikum Rottal GmbH", "Company"),
    ("Allianz Partners and Kreisklinikum Rottal GmbH signed.", "Allianz Partners", "Company"),
])
def test_head_words_in_more_languages(ex, text, name, typ):
    assert (typ, name) in typed_in(ex, text)
