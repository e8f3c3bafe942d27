"""Document context (issue 14, item 3): which name a sentence is about, so that "It" and "the <noun>" in the next
sentence stand for the right one (ingest/nlp/coref_subject.py, ingest/nlp/coreference.py).

Every text is invented for the form (names in no gazetteer, no sentence taken from a gold document). Positives: a
subject named in an apposition to a description ("Y's new scheme, Z, ..."), a capitalised "the University", an
entry heading that is a company's name, a name in a foreign language that holds the noun ("Projekt", "Programa").
Counter-examples: a sentence whose subject is a description nothing resolves ("The project is paid for by A"),
names inside a descriptive phrase after a preposition ("from the Oslo cloud company C"), a lab that is no
university, a list after "include" (no subject), a capitalised noun inside a name.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import refers, relations_in

F, M, P, R, FO = "FUNDS", "MEMBER_OF", "PARTNERS_WITH", "RUNS", "FOUNDED"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


# ------------------------------------------------------------------ the subject named in an apposition

@pytest.mark.parametrize("text, word, name", [
    ("The Veldmark Data Guild is an association of dairy farms in Friesland. VDG's main scheme, Melkwijs Noord, "
     "trains farm staff to label sensor data. It is run by the Leeuwarden cooperative Zuivel Samen.",
     "It is run", "Melkwijs Noord"),
    ("Ostrava has a small robotics scene. The region's best-known programme, the Beskydy Robot Challenge, takes "
     "twelve teams a year. It is funded by the Moravian Steelworks Foundation.", "It is funded",
     "Beskydy Robot Challenge"),
])
def test_it_stands_for_the_name_apposed_to_a_described_subject(ex, text, word, name):
    assert refers(ex, text, word) == name


def test_the_relation_of_the_next_sentence_reaches_the_apposed_name(ex):
    text = ("The Veldmark Data Guild is an association of dairy farms in Friesland. VDG's main scheme, Melkwijs Noord, "
            "trains farm staff to label sensor data. It is run by the Leeuwarden cooperative Zuivel Samen.")
    rels = relations_in(ex, text)
    assert (R, "Zuivel Samen", "Melkwijs Noord") in rels
    assert not {r for r in rels if r[0] == R and r[2] == "Veldmark Data Guild"}


def test_a_possessive_subject_without_an_apposition_stays_the_owner(ex):
    text = ("Corran Robotics builds harvesting arms in Murcia. Corran's backers include Levante Seed Partners. "
            "It also works with the Instituto Tecnológico de Lorca.")
    assert refers(ex, text, "It also") == "Corran Robotics"


# ------------------------------------------------------------------ a subject that is an unresolved description

@pytest.mark.parametrize("text, word", [
    ("Under the accord the two partners will map vineyard soils. The project is paid for by the Conseil "
     "Départemental de Lozère through its Fonds Causses, with help from the Mende cloud company Aubrac Compute. "
     "It will be run by a team of six.", "It will"),
    ("The pilot started in March. The new initiative is backed by the Trondheim Kommune and by the bank "
     "Nidaros Sparebank. It hires four analysts.", "It hires"),
])
def test_it_after_a_sentence_whose_subject_is_an_unresolved_description_is_left_open(ex, text, word):
    assert refers(ex, text, word) is None


def test_no_edge_to_a_funder_named_inside_the_phrase_after_a_preposition(ex):
    text = ("Under the accord the two partners will map vineyard soils. The project is paid for by the Conseil "
            "Départemental de Lozère through its Fonds Causses, with help from the Mende cloud company Aubrac Compute. "
            "It will be run by the Lozère Soil Laboratory.")
    # "It" is the project, never a funder named after "by"/"through"/"from": the laboratory runs none of them.
    # (The Conseil running its own Fonds Causses, "through its Fonds Causses", is another rule's reading.)
    rels = relations_in(ex, text)
    assert not {r for r in rels if r[0] == R and r[1] == "Lozère Soil Laboratory"
                and r[2] in ("Fonds Causses", "Aubrac Compute", "Conseil Départemental de Lozère")}
    assert not {r for r in rels if r[0] == R and r[1] in ("Aubrac Compute", "Conseil Départemental de Lozère")
                and r[2] != "Fonds Causses"}


def test_a_foreign_name_that_holds_the_noun_is_the_project(ex):
    text = ("The Minho Wine Board set up the Programa Vinha Aberta in 2024 to map vineyards near Braga. "
            "The programme is paid for by the Fundo Verde do Minho. It is run by the Braga Soil Laboratory.")
    assert refers(ex, text, "programme is") == "Programa Vinha Aberta"
    rels = relations_in(ex, text)
    assert (F, "Fundo Verde do Minho", "Programa Vinha Aberta") in rels


# ------------------------------------------------------------------ a rival named inside a descriptive phrase

def test_a_parent_named_after_a_description_is_no_rival_of_the_subject(ex):
    text = ("Kestrel Vision is a subsidiary of the Porto group Douro Holdings, which bought it in 2022. "
            "It is a member of the Portuguese Association of Vision Firms.")
    assert refers(ex, text, "It is a member") == "Kestrel Vision"
    assert (M, "Kestrel Vision", "Portuguese Association of Vision Firms") in relations_in(ex, text)


def test_an_object_of_a_verb_is_still_a_rival(ex):
    text = ("Corvex Capital acquired the drone maker Pelham Robotics in 2024. "
            "It works with the Ashby Institute for Automation.")
    assert refers(ex, text, "It works") is None


def test_a_list_after_include_is_no_phrase(ex):
    text = ("Members of the cluster include Harwick Analytics, Colwyn Robotics and Dunmail Systems. "
            "The company also works in partnership with the Menai Institute of Technology.")
    assert refers(ex, text, "company also") is None


# ------------------------------------------------------------------ capitalised descriptions

@pytest.mark.parametrize("text, word, name", [
    ("The Tallis Marine Data Consortium is a non-profit association based in Galway. The Consortium's "
     "partners include the ferry operator Aran Lines.", "Consortium's", "Tallis Marine Data Consortium"),
    ("Dr. Aoife Brennan founded Corrib Analytics in 2019. She still teaches at the University of Connemara, and "
     "the company rents a lab from the University.", "University.", "University of Connemara"),
])
def test_a_capitalised_description_after_the(ex, text, word, name):
    assert refers(ex, text, word) == name


def test_the_capitalised_partners_sentence_gives_the_partnership(ex):
    text = ("The Tallis Marine Data Consortium is a non-profit association based in Galway. The Consortium's "
            "partners include the ferry operator Aran Lines.")
    assert (P, "Tallis Marine Data Consortium", "Aran Lines") in relations_in(ex, text)


def test_a_capitalised_noun_inside_an_unknown_name_is_no_reference(ex):
    text = ("Marsk Robotics builds drones in Esbjerg. It works with the Ribe Institute.")
    assert refers(ex, text, "Institute") is None


# ------------------------------------------------------------------ institutions of another kind

def test_the_lab_is_not_a_university_named_before(ex):
    text = ("The Universidad Nacional de Piura opened a data building in 2024. "
            "The lab's partners include the Instituto del Mar and the firm Qhapaq Data.")
    assert refers(ex, text, "lab's") is None
    rels = relations_in(ex, text)
    assert not {r for r in rels if r[0] == P and "Universidad Nacional de Piura" in r[1:]}


def test_the_university_still_finds_a_university_by_another_language(ex):
    text = ("The Universidad Nacional de Piura opened a data building in 2024. "
            "The university's partners include the Instituto del Mar.")
    assert refers(ex, text, "university's") == "Universidad Nacional de Piura"


# ------------------------------------------------------------------ directory entries

def test_the_company_under_an_entry_heading_is_the_heading(ex):
    text = ("Buyer's guide to applied AI in Kraków\n\n"
            "Wawel Motion\nBased in Kraków. Robot arms for bakeries. Wawel Motion sells to twelve bakeries.\n\n"
            "Podgórze Speech Systems\nBased in Kraków. Podgórze Speech Systems makes dictation tools for clinics. The company's partners include "
            "the Jagiellonian Speech Lab and the Tarnów firm Dunajec Audio.\n")
    assert refers(ex, text, "company's") == "Podgórze Speech Systems"
    rels = relations_in(ex, text)
    assert (P, "Podgórze Speech Systems", "Dunajec Audio") in rels
    assert (P, "Wawel Motion", "Dunajec Audio") not in rels


def test_a_group_described_by_its_noun(ex):
    text = ("Arda Vision is a subsidiary of the Plovdiv group Trakia Holdings. "
            "The group also owns the Haskovo firm Maritsa Sensors.")
    assert refers(ex, text, "group also") == "Trakia Holdings"


def test_the_group_without_a_named_group_is_left_open(ex):
    text = ("Arda Vision and Maritsa Sensors build cameras in Plovdiv. "
            "The group meets every month at the Plovdiv Technology Park.")
    assert refers(ex, text, "group meets") is None


# ------------------------------------------------------------------ "It" when the subject before is set aside

def test_it_is_not_a_name_after_at_when_the_subject_is_set_aside(ex):
    text = ("The Universidad Nacional de Piura has opened the Laboratorio Costero de Datos (LACOD). "
            "LACOD is led by Professor Elsa Quiroga, who has taught at the university since 2011. Its start-up "
            "budget comes from the Fondo Regional Piura, which will also lend two engineers to the lab.")
    assert refers(ex, text, "Its start-up") != "Universidad Nacional de Piura"


def test_it_is_the_agent_when_the_passive_subject_is_named_again(ex):
    text = ("The Humber Fellowship is run by the Humber Coastal Observatory. "
            "It hires ten fellows a year for the Humber Fellowship.")
    assert refers(ex, text, "It hires") == "Humber Coastal Observatory"


# ------------------------------------------------------------------ "its" the resolver leaves open gives no edge

def test_its_after_a_persons_affiliation_gives_no_edge_to_that_body(ex):
    text = ("The Fes Launchpad funds twenty start-ups a year. The selection committee for 2026 was chaired by "
            "Prof. Samira Idrissi of the Université de Meknès; its other members were Omar Benjelloun and Hind Alaoui.")
    rels = relations_in(ex, text)
    assert ("AFFILIATED_WITH", "Omar Benjelloun", "Université de Meknès") not in rels
    assert ("AFFILIATED_WITH", "Hind Alaoui", "Université de Meknès") not in rels


def test_its_after_a_description_owning_a_noun_is_still_the_subject(ex):
    text = ("The Osmo Centre trains welders. It is led by Sandrine Morel, a professor at the Nantes Welding School who "
            "has run the school's testing laboratory since 2019. Its steering committee also includes Olivier Raffin.")
    rels = relations_in(ex, text)
    assert ("AFFILIATED_WITH", "Olivier Raffin", "Osmo Centre") in rels
    assert ("AFFILIATED_WITH", "Olivier Raffin", "Nantes Welding School") not in rels


def test_its_opening_a_sentence_keeps_the_owner_a_possessive_subject_names(ex):
    text = ("Funders\nThe Malabar Data Consortium's work is paid for by member fees and by grants. Its funders include "
            "the Kerala Harbour Mission, which supports the consortium's pilot fund.")
    assert (F, "Kerala Harbour Mission", "Malabar Data Consortium") in relations_in(ex, text)


def test_it_after_an_indefinite_description_subject_is_left_open(ex):
    text = ("The Harrogate Skills Programme trains 400 workers a year. An industry advisory group advises the "
            "Yorkshire Skills Department on the programme. It is chaired by Helen Marsh.")
    assert refers(ex, text, "It is chaired") is None


# ------------------------------------------------------------------ a name that only names a building

def test_the_centre_is_not_a_building_named_after_a_centre(ex):
    text = ("The University of Vaasa has opened the Kvarken Centre for Maritime AI. The centre sits in the "
            "Fabriikki Centre building in Vaasa.\n\nProfessor Aino Laine leads the centre. The centre's first three "
            "years are funded by the Ostrobothnia Regional Council.")
    assert refers(ex, text, "centre. The") == "Kvarken Centre for Maritime AI"
    rels = relations_in(ex, text)
    assert not {r for r in rels if "Fabriikki Centre" in r[1:] and r[0] in (F, "AFFILIATED_WITH")}


def test_a_centre_named_as_a_body_is_still_the_centre(ex):
    text = ("The Fabriikki Centre is a start-up hub in Vaasa. The centre is funded by the Ostrobothnia "
            "Regional Council.")
    assert refers(ex, text, "centre is") == "Fabriikki Centre"


# ------------------------------------------------------------------ possessives inside the sentence before

def test_a_funder_apposed_after_a_possessive_description_is_no_rival(ex):
    text = ("Kelp Harbour Capital, a Digby-based fund, is itself backed by Atlantic Pension Partners and the "
            "province's Crown investor, Nova Innovation Corporation. Its managing partner, Colin Fraser, said the fund "
            "would write six cheques this year.")
    assert refers(ex, text, "Its managing") == "Kelp Harbour Capital"


def test_a_named_unit_after_a_possessive_is_the_subject(ex):
    text = ("The Universidad del Caribe opened a new campus in La Ceiba. The university's Laboratorio de Robótica "
            "Costera is funded by the Atlántida Foundation. Its director, Dr. Marco Paz, also advises start-ups.")
    assert refers(ex, text, "Its director") == "Laboratorio de Robótica Costera"
    assert ("AFFILIATED_WITH", "Marco Paz", "Universidad del Caribe") not in relations_in(ex, text)
