"""People on published pages: East Asian names, ages, shared surnames, shorter name forms, owners under breadcrumbs.

Forms learned from published pages (Taiwanese and Korean conference programmes and committee lists, founders'
stories and "40 under 40" profiles: "Steve Chen, 27, and Chad Hurley, 29", "Orville and Wilbur Wright", consortium
members pages under a breadcrumb): mentions/east_asian_names.py, person_ages.py, shared_surnames.py,
resolution/person_prefixes.py and page_header_owner.py (issue 14). Every name is invented; the real pipeline runs.
"""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import resolve
from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def people(ex, text: str) -> dict[str, set[str]]:
    """Each Person entity's name -> its name and aliases, after resolution."""
    doc = LoadedDocument(id="d1", source="t", title="t", kind="text", text=text)
    recs = resolve([ex.extract(doc)])
    return {r.name: {r.name, *r.aliases} for r in recs if isinstance(r, EntityRecord) and r.type == "Person"}


def person_named(ex, text: str, name: str) -> bool:
    return any(name in names for names in people(ex, text).values())


# ------------------------------------------------------------------ East Asian names
EAST_ASIAN = [
    ("Chair: Prof. Kuo Hsin-yu, Graduate Institute of Oceanography, Penghu University of Science and Technology\n"
     "Jiang Wen-ting, PhD candidate, Penghu University of Science and Technology", "Kuo Hsin-yu",
     {"Graduate Institute of Oceanography", "Penghu University of Science and Technology"}),
    ("Chair: Assoc. Prof. Liao Chun-hao, Department of Electrical Engineering, Anshan Institute of Technology, Kaohsiung",
     "Liao Chun-hao", {"Department of Electrical Engineering", "Anshan Institute of Technology"}),
    ("Dr Seo Ji-yeon, Head of Research, Hanuri Robotics Co., Ltd., presented the results.", "Seo Ji-yeon",
     {"Hanuri Robotics Co., Ltd."}),
    ("Steering committee\n\nDr Tseng Mei-hua (chair; Yuping Institute of Fisheries Technology)\n", "Tseng Mei-hua",
     {"Yuping Institute of Fisheries Technology"}),
]


@pytest.mark.parametrize(("text", "person", "orgs"), EAST_ASIAN)
def test_east_asian_names_are_people_tied_to_their_line(ex, text, person, orgs):
    assert person in people(ex, text)
    got = {b for a, b in pairs_of(relations_in(ex, text), "AFFILIATED_WITH") if a == person}
    assert {o.rstrip(".") for o in orgs} <= {g.rstrip(".") for g in got}


def test_east_asian_name_added_where_the_ner_misses_it(ex):
    text = "Tân Bûn-lîm, Co-founder, Kiâm-tsuí Voice Lab Co., Ltd.\nLin Kuan-yi, Engineer, Kiâm-tsuí Voice Lab Co., Ltd."
    assert person_named(ex, text, "Tân Bûn-lîm")


def test_given_name_first_order(ex):
    assert person_named(ex, "The keynote was given by Shu-fen Kao of Tamsui Data Institute.", "Shu-fen Kao")


EAST_ASIAN_NEAR_MISSES = [
    # a firm named after its founder stays one firm
    ("Industry partners\n\nLin Wen-chieh Aquatech Co.\nTai-Yang Feed Co., Ltd.\n", "Lin Wen-chieh"),
    # a title word is no given name
    ("Vice-chair Lee said the board would meet in May.", "Vice-chair Lee"),
]


@pytest.mark.parametrize(("text", "not_person"), EAST_ASIAN_NEAR_MISSES)
def test_east_asian_near_misses(ex, text, not_person):
    assert not person_named(ex, text, not_person)


# ------------------------------------------------------------------ ages
AGES = [
    ("Rosalind Achterberg, 44, Chief Financial Officer of Veldhoven Sensors BV, signed the agreement.",
     "Rosalind Achterberg"),
    ("Kimathi Njoroge Wainaina, 38, is the company's chief executive; Kimathi, 38, also chairs its board.",
     "Kimathi Njoroge Wainaina"),
    ("Ouyang Li-wen, 52, General Manager, Kinmen Oyster Farming Co., Ltd.", "Ouyang Li-wen"),
]


@pytest.mark.parametrize(("text", "person"), AGES)
def test_age_is_never_part_of_a_name(ex, text, person):
    got = people(ex, text)
    assert person in got
    assert not any("," in n for names in got.values() for n in names)


def test_given_name_with_age_is_the_person_named_in_full(ex):
    text = ("Ibarra Drones S.A.C. is run by Teófilo Quispe Huamán, 41. Teófilo Quispe is the chief executive; "
            "Teófilo, 41, also flies the drones.")
    got = people(ex, text)
    assert len(got) == 1
    assert {"Teófilo Quispe Huamán", "Teófilo Quispe"} <= next(iter(got.values()))


def test_age_near_miss_a_firm_with_a_number(ex):
    text = "Lakeshore Robotics Ltd, 25, Harbour Road, Dunmore, makes drones."
    assert "Lakeshore Robotics Ltd" not in people(ex, text)


# ------------------------------------------------------------------ shared surnames
SHARED = [
    ("The Pucallpa company, founded in 2021 by the brothers Teodoro and Félix Ushiñahua Cairuna, employs 20 people. "
     "Teodoro Ushiñahua, 35, runs sales.", {"Teodoro", "Teodoro Ushiñahua"}),
    ("Cardoso Vinhos Lda was co-founded by the siblings Marta and Joana Pimentel Souto in 2015. Marta Pimentel is "
     "its chief winemaker.", {"Marta", "Marta Pimentel"}),
    ("Founders: Ana, Rosa and Lucía Mamani Condori. Rosa Mamani leads the weaving cooperative's sales.",
     {"Rosa", "Rosa Mamani"}),
    ("Nyeri Fibre Ltd was founded by the siblings Wanjiru and Kamau Githinji Mwangi. Wanjiru Githinji runs sales.",
     {"Wanjiru", "Wanjiru Githinji"}),
]


@pytest.mark.parametrize(("text", "names"), SHARED)
def test_coordinated_given_name_joins_its_later_full_form(ex, text, names):
    """The given name alone stands for the name with the shared surnames; a later shorter form of it joins it."""
    got = people(ex, text)
    assert any(names <= v for v in got.values()), got


def test_shared_surnames_founders(ex):
    text = ("Andahuaylas Data S.A.C., founded in 2019 by the brothers Teodoro and Félix Ushiñahua Cairuna, maps "
            "potato fields. Teodoro Ushiñahua, 33, runs field work.")
    founded = {a for a, b in pairs_of(relations_in(ex, text), "FOUNDED")}
    assert "Félix Ushiñahua Cairuna" in founded
    assert any(a.startswith("Teodoro") for a in founded)


SHARED_NEAR_MISSES = [
    # two full names: no surname is shared
    ("The lab was founded by Marta Souto and Joana Pimentel in 2015.", "Marta Pimentel"),
    # an organisation before "and"
    ("Backers include Ibarra and Joana Pimentel Souto.", "Ibarra Pimentel Souto"),
]


@pytest.mark.parametrize(("text", "not_name"), SHARED_NEAR_MISSES)
def test_shared_surnames_near_misses(ex, text, not_name):
    assert not person_named(ex, text, not_name)


# ------------------------------------------------------------------ shorter name forms
def test_first_surname_form_joins_the_full_name(ex):
    text = ("Rímac Sensores S.A.C. is led by Graciela Huamán Paredes, its chief executive. "
            '"We grew fast," Graciela Huamán said.')
    got = people(ex, text)
    assert len(got) == 1 and {"Graciela Huamán Paredes", "Graciela Huamán"} <= next(iter(got.values()))


def test_two_people_sharing_a_first_surname_stay_apart(ex):
    text = ("Rímac Sensores S.A.C. was founded by Graciela Huamán Paredes and Graciela Huamán Torres, who are "
            "cousins. Graciela Huamán Paredes is the chief executive.")
    got = people(ex, text)
    assert not any({"Graciela Huamán Paredes", "Graciela Huamán Torres"} <= v for v in got.values())


# ------------------------------------------------------------------ page owner under a breadcrumb
ROSTER = """Home / About us / Governance

Danube Delta Fisheries Data Alliance

The Danube Delta Fisheries Data Alliance (DDFDA) is a non-profit consortium of fish farms and universities based in Tulcea.

Steering committee 2026-2027

Dr Ilinca Moraru (chair; Tulcea Institute of Aquatic Research)
Sorin Pădureanu (Deltafish Sensors SRL)
"""


def test_roster_under_a_breadcrumb_ties_people_to_the_page(ex):
    aff = pairs_of(relations_in(ex, ROSTER), "AFFILIATED_WITH")
    assert ("Ilinca Moraru", "Danube Delta Fisheries Data Alliance") in aff
    assert ("Sorin Pădureanu", "Danube Delta Fisheries Data Alliance") in aff


def test_headline_naming_an_organisation_is_no_owner(ex):
    text = ("News > Business\n\nTulcea start-up Deltafish Sensors SRL raises seed round\n\n"
            "Deltafish Sensors SRL, a maker of pond buoys, raised 2 million lei from Black Sea Angels, its "
            "founder said on Monday.\n\nSteering committee\n\nDr Ilinca Moraru (chair; Tulcea Institute of Aquatic "
            "Research)\n")
    aff = pairs_of(relations_in(ex, text), "AFFILIATED_WITH")
    assert ("Ilinca Moraru", "Deltafish Sensors SRL") not in aff


# ------------------------------------------------------------------ organisation, title, honorific, person
ORG_TITLE = [
    ("Rwenzori University of Technology Vice-Chancellor Prof. Amos Tumusiime said the university would open a "
     "second campus.", "Amos Tumusiime", "Rwenzori University of Technology"),
    ("Rwenzori University of Technology (RUT) opened a dairy data centre on Friday. RUT Vice-Chancellor Prof. Amos "
     "Tumusiime said the university would open a second one.", "Amos Tumusiime", "Rwenzori University of Technology"),
    ("Kessel Institute Director Dr Ana Ruiz Beltrán welcomed the grant.", "Ana Ruiz Beltrán", "Kessel Institute"),
]


@pytest.mark.parametrize(("text", "person", "org"), ORG_TITLE)
def test_org_title_honorific_person(ex, text, person, org):
    assert (person, org) in pairs_of(relations_in(ex, text), "AFFILIATED_WITH")


def test_org_title_near_miss_former_title(ex):
    text = "Former Rwenzori University of Technology Vice-Chancellor Prof. Amos Tumusiime now farms coffee."
    assert ("Amos Tumusiime", "Rwenzori University of Technology") not in pairs_of(relations_in(ex, text),
                                                                                   "AFFILIATED_WITH")


# ------------------------------------------------------------------ compound given names
COMPOUND = [
    ("Our existing investors Ardenne Angels and Pieter-Jan Vermeulen joined the round.", "Pieter-Jan Vermeulen"),
    ("The round was led by Kanaal Ventures with Hans-Peter Oberholzer.", "Hans-Peter Oberholzer"),
    ("Contact: Anne-Sophie Delvaux, Lakeside Robotics", "Anne-Sophie Delvaux"),
]


@pytest.mark.parametrize(("text", "person"), COMPOUND)
def test_compound_given_names_are_people(ex, text, person):
    assert person in people(ex, text)


def test_compound_given_name_near_miss_head_word(ex):
    assert "Jean-Luc Robotics" not in people(ex, "The round was led by Jean-Luc Robotics and Kanaal Ventures.")


# ------------------------------------------------------------------ contact lines
CONTACT = [
    ("Media contacts\n\nOffice of Communications, Meuse Robotics Institute - Céline Marchand\n+32 4 366 90 12\n",
     "Céline Marchand", "Meuse Robotics Institute"),
    ("Press contacts\n\nPress office, Ardenne Steel Works SA – Julie Lemaire\npress@ardenne.example\n",
     "Julie Lemaire", "Ardenne Steel Works SA"),
]


@pytest.mark.parametrize(("text", "person", "org"), CONTACT)
def test_contact_line_person_after_a_dash(ex, text, person, org):
    assert (person, org) in pairs_of(relations_in(ex, text), "AFFILIATED_WITH")


def test_contact_line_near_miss_two_organisations(ex):
    text = "Partners\n\nMeuse Robotics Institute - Ardenne Steel Works SA\n"
    assert not people(ex, text)
