"""AFFILIATED_WITH in the person-organisation slot of published lines and appositions (relation_people_slots, issue 14).

Forms learned from published pages (university news and quotes, conference programmes and speaker lines, contact
blocks, acknowledgements, appointments columns, board lists): the fields after a name name a post, a unit and an
organisation in any order, and close at the line's end, a contact, or a clause; an organisation opening a line with a
colon heads the people after it; a unit chain ("X's School of Y", "Department of Y, X", "… at X") ties the person to
both ends. Near-misses: former posts, customers, investors, lists of people and organisations, a post read as an
organisation ("Cabinet Member for Economy"), prize presenters. Every name is invented; the real pipeline runs.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def affiliations(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "AFFILIATED_WITH"}


SLOT = [
    ("The study was led by Dr Teodora Vasilescu, Department of Informatics, Carpathia University, who coordinated "
     "the trials.", "Teodora Vasilescu", {"Department of Informatics", "Carpathia University"}),
    ("Dr Ruslan Abenov, School of Mathematics, Steppe State University, presented the results.", "Ruslan Abenov",
     {"School of Mathematics", "Steppe State University"}),
    ("Shirin Tashkentova, Associate Professor, Department of Hydrology, Zarafshan Engineering Institute",
     "Shirin Tashkentova", {"Department of Hydrology", "Zarafshan Engineering Institute"}),
    ("Contact the secretariat: Efua Mensima Boateng, Programme Coordinator, Volta Basin AI Consortium · "
     "office@vbaic.example.org", "Efua Mensima Boateng", {"Volta Basin AI Consortium"}),
    ("Media contact: Loren Pryce, Millbrook University Communications, news@millbrook.example", "Loren Pryce",
     {"Millbrook University"}),
    ("Lea Novak, Cabinet Member for Economy, Tarnfield City Council", "Lea Novak", {"Tarnfield City Council"}),
    ('- "Smart vineyards: results from 40 farms" — Ante Kovač, Drava Agricultural Cooperative.', "Ante Kovač",
     {"Drava Agricultural Cooperative"}),
    ("We thank Dr Mira Lund, Department of Physics, University of Tarn, who read the draft.", "Mira Lund",
     {"Department of Physics", "University of Tarn"}),
    ("Nadia Rahimi, Department of Computer Science, Ferghana State University, and Bekzod Aliev, Head of AI, "
     "Samarkand Telecom", "Nadia Rahimi", {"Department of Computer Science", "Ferghana State University"}),
    ("Story by Kofi Mensah, Accra Tech Weekly", "Kofi Mensah", {"Accra Tech Weekly"}),
    ("- Dr Kevin Ouimet, Centre de recherche du CHU de Magog, and adjunct professor, Faculté de médecine, "
     "Université des Cantons-du-Lac", "Kevin Ouimet", {"Centre de recherche du CHU de Magog",
                                                       "Université des Cantons-du-Lac"}),
]


def test_unit_read_with_its_university_is_split(ex):
    kinds = kinds_in(ex, "Dr Mira Lund, Department of Physics, University of Tarn, spoke first.")
    assert {("Department of Physics", "Institute"), ("University of Tarn", "Institute")} <= kinds
    text = "Sven Dahl is a lecturer in the Faculty of Law of Tarn University."
    assert {("Faculty of Law", "Institute"), ("Tarn University", "Institute")} <= kinds_in(ex, text)
    assert {("Sven Dahl", "Faculty of Law"), ("Sven Dahl", "Tarn University")} <= affiliations(ex, text)
    kept = kinds_in(ex, "The Ministry of Health of Ruritania and the Department of Science and Technology of the "
                        "Philippines signed.")
    assert ("Ministry of Health of Ruritania", "Agency") in kept


def test_employer_typed_as_a_person_on_a_speaker_line(ex):
    text = "Panel\n- Ana Ruiz, CTO, Ottavio Brenta (Verona)\n- Oskar Lind, Head of Data, Fjordline Labs\n"
    assert ("Ottavio Brenta", "Company") in kinds_in(ex, text)
    assert {("Ana Ruiz", "Ottavio Brenta"), ("Oskar Lind", "Fjordline Labs")} <= affiliations(ex, text)
    assert ("Oskar Lind", "Person") in kinds_in(ex, "Panel\n- Ana Ruiz, CTO; Oskar Lind, CEO, Fjordline Labs\n")


@pytest.mark.parametrize("text,person,orgs", SLOT)
def test_slot_after_a_person(ex, text, person, orgs):
    got = affiliations(ex, text)
    assert {(person, o) for o in orgs} <= got


LABELLED = (
    "Board changes\n"
    "• Kemi Works Foundation: Aarne Salo (new chair), a former mayor of Tornio; Dr Wen Bo.\n"
    "• Kestrel Analytics: Mira Dahlgren (former chair), Oskar Lind (chair), Jonas Pettersen.\n"
)


def test_organisation_labelled_people_line(ex):
    got = affiliations(ex, LABELLED)
    assert {("Aarne Salo", "Kemi Works Foundation"), ("Wen Bo", "Kemi Works Foundation"),
            ("Oskar Lind", "Kestrel Analytics"), ("Jonas Pettersen", "Kestrel Analytics")} <= got
    assert ("Mira Dahlgren", "Kestrel Analytics") not in got  # "(former chair)"


def test_signature_block(ex):
    got = affiliations(ex, "Kind regards,\nKarin Lund\nChief Executive\nSorvik Robotics Ltd\n")
    assert ("Karin Lund", "Sorvik Robotics Ltd") in got
    assert ("Oskar Lind", "Sorvik Robotics Ltd") not in affiliations(
        ex, "Kind regards,\nKarin Lund\nOskar Lind\nSorvik Robotics Ltd\n")  # no post named


CHAIN = [
    ('"We expect results next year," said Professor Halvard Nyqvist of Ostmark University\'s School of Computing.',
     "Halvard Nyqvist", {"Ostmark University", "School of Computing"}),
    ("Ilse Marwick is an adjunct professor at Ostmark University's Institute for Marine Computing.", "Ilse Marwick",
     {"Ostmark University", "Institute for Marine Computing"}),
    ("Professor Amara Okonkwo of Lagoon University's Faculty of Engineering led the evaluation.", "Amara Okonkwo",
     {"Lagoon University", "Faculty of Engineering"}),
]


@pytest.mark.parametrize("text,person,orgs", CHAIN)
def test_unit_chain_both_ends(ex, text, person, orgs):
    assert {(person, o) for o in orgs} <= affiliations(ex, text)


NEAR_MISSES = [
    ("We thank Mira Lund, Tarn University and Kestrel Analytics for comments on a draft.", "Mira Lund",
     "Tarn University"),
    ("Mira Lund, Oskar Lind, Kestrel Analytics and Tarn University signed the letter.", "Oskar Lind",
     "Kestrel Analytics"),
    ("Oskar Lind, a customer of Vistula Dynamics, praised the tool.", "Oskar Lind", "Vistula Dynamics"),
    ("• Kestrel Analytics: investors Mira Dahlgren and Oskar Lind.", "Mira Dahlgren", "Kestrel Analytics"),
    ("Dr Mira Lund, formerly of the Department of Physics, Tarn University, now works in Oslo.", "Mira Lund",
     "Tarn University"),
    ("Mira Lund, Kestrel Analytics' former head of research, spoke first.", "Mira Lund", "Kestrel Analytics"),
    ("The prize, presented by Mira Lund, went to Kestrel Analytics.", "Mira Lund", "Kestrel Analytics"),
    ("Kestrel Analytics: a customer story with Mira Lund.", "Mira Lund", "Kestrel Analytics"),
    ("Lea Novak, Cabinet Member for Economy, Tarnfield City Council", "Lea Novak", "Cabinet Member for Economy"),
    ("Sven Dahl, head of product at Halden Group's Kestrel Analytics, spoke.", "Sven Dahl", "Halden Group"),
    ("Panel\n- Ilinca Vortan, co-founder, Prut Sensing Systems\n", "Ilinca Vortan", "Prut Sensing Systems"),
    ("Jean-Luc Aka, Communications, Kpanda Vision SA, Quartier Commerce, Bouaké", "Jean-Luc Aka",
     "Quartier Commerce"),
    ("Dr Mira Lund, Department of Physics, Tarn University, who retired in 2020, wrote the report.", "Mira Lund",
     "Department of Physics"),
]


@pytest.mark.parametrize("text,person,org", NEAR_MISSES)
def test_near_misses(ex, text, person, org):
    assert (person, org) not in affiliations(ex, text)
