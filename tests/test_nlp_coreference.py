"""Coreference across sentences (ingest/nlp/coreference.py) through the real spaCy pipeline: precision first.

Every text is invented for the form (names in no gazetteer, no sentence taken from a gold document). Positives: a
reference whose antecedent a reader finds without hesitation, and the relation of its sentence reaching that name
with both sentences as evidence. Counter-examples: the sentences before leave two names possible (two companies
as one subject, a list, a subject and an object of one type, a quotation about another organisation, a person as
the subject with two organisations after), or a block boundary (blank line, heading) lies between; then no link
and no edge to a guessed name.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import facts_of, refers, relations_in

F, M, P, R, A = "FUNDS", "MEMBER_OF", "PARTNERS_WITH", "RUNS", "AFFILIATED_WITH"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def partners_of(ex, text: str, name: str) -> set[str]:
    return {b for t, a, b in relations_in(ex, text) if t == P and a == name}


# ---------------------------------------------------------------------------------------------- positives

def test_the_company_after_a_one_company_sentence(ex):
    text = ("Tarnwick Sensors makes vibration probes for wind turbines in Esbjerg. "
            "The company has signed a research partnership with the Ribe Institute of Offshore Engineering.")
    assert refers(ex, text, "company has") == "Tarnwick Sensors"
    assert "Ribe Institute of Offshore Engineering" in partners_of(ex, text, "Tarnwick Sensors")


def test_the_evidence_of_a_cross_sentence_relation_holds_both_sentences(ex):
    first = "Tarnwick Sensors makes vibration probes for wind turbines in Esbjerg."
    second = "The company has signed a research partnership with the Ribe Institute of Offshore Engineering."
    facts = facts_of(ex, f"{first} {second}")
    names = [m.canonical for m in facts.mentions]
    rel = next(r for r in facts.relations if r.type == P and {names[r.source], names[r.target]}
               == {"Tarnwick Sensors", "Ribe Institute of Offshore Engineering"})
    assert first in rel.sentence and second in rel.sentence


def test_the_evidence_reaches_back_to_the_name_two_sentences_before(ex):
    first = "Tarnwick Sensors makes vibration probes for wind turbines in Esbjerg."
    third = "The company has signed a research partnership with the Ribe Institute of Offshore Engineering."
    facts = facts_of(ex, f"{first} It employs 40 engineers. {third}")
    names = [m.canonical for m in facts.mentions]
    rel = next(r for r in facts.relations if r.type == P and {names[r.source], names[r.target]}
               == {"Tarnwick Sensors", "Ribe Institute of Offshore Engineering"})
    assert rel.sentence.startswith(first) and rel.sentence.endswith(third)


def test_it_may_stand_for_a_programme(ex):
    text = ("The Saltmarsh Data Fellowship was launched in 2022 for coastal researchers. "
            "It is run by the Humber Coastal Observatory and pays ten fellows a year.")
    assert refers(ex, text, "It is run") == "Saltmarsh Data Fellowship"
    assert (R, "Humber Coastal Observatory", "Saltmarsh Data Fellowship") in relations_in(ex, text)


def test_the_programme_is_not_an_organisation_named_before(ex):
    text = ("The Kelso Robotics Trust opened an office in Galashiels in 2021. "
            "The programme is funded by the Tweed Valley Council.")
    assert refers(ex, text, "programme is") is None
    assert not any(t == F and b == "Kelso Robotics Trust" for t, _a, b in relations_in(ex, text))


def test_the_company_after_a_person_subject_with_one_company(ex):
    text = ("Ilse Marwood founded Brackenfell Imaging in 2019 after a decade in hospital radiology. "
            "The company now works in partnership with the Tyne Institute for Medical Physics.")
    assert refers(ex, text, "company now") == "Brackenfell Imaging"


def test_its_opening_a_sentence_is_the_subject_before(ex):
    text = ("The Orrin Centre for Soil Computing was set up at the University of Karlsvik in 2015. "
            "In its first five years the Orrin Centre was funded mainly by the Nordmark Research Council.")
    assert refers(ex, text, "its first") == "Orrin Centre for Soil Computing"


def test_the_topic_named_often_is_not_displaced_by_a_name_said_once(ex):
    text = ("Pellow Freight builds routing software for hauliers. Pellow Freight has 80 staff in Truro. "
            "Pellow Freight opened a depot in Bodmin in 2023, next to Carrick Haulage. "
            "The company also works in partnership with the Cornwall Institute of Logistics.")
    assert refers(ex, text, "company also") == "Pellow Freight"


# ---------------------------------------------------------------------------------------------- counter-examples

def test_two_companies_as_one_subject_leave_the_company_open(ex):
    text = ("Harwick Analytics and Colwyn Robotics signed a supply agreement in March. "
            "The company will also partner with the Menai Institute of Technology.")
    assert refers(ex, text, "company will") is None
    assert not partners_of(ex, text, "Menai Institute of Technology") & {"Harwick Analytics", "Colwyn Robotics"}


def test_the_company_after_a_list_is_left_open(ex):
    text = ("Members of the cluster include Harwick Analytics, Colwyn Robotics and Dunmail Systems. "
            "The company also works in partnership with the Menai Institute of Technology.")
    assert refers(ex, text, "company also") is None


def test_a_subject_and_an_object_of_one_type_leave_the_company_open(ex):
    text = ("Corvex Capital acquired Pelham Robotics in 2024. "
            "The company works in partnership with the Ashby Institute for Automation.")
    assert refers(ex, text, "company works") is None
    assert not partners_of(ex, text, "Ashby Institute for Automation") & {"Corvex Capital", "Pelham Robotics"}


def test_it_after_a_subject_and_an_object_of_one_type_is_left_open(ex):
    text = ("Corvex Capital acquired Pelham Robotics in 2024. "
            "It works in partnership with the Ashby Institute for Automation.")
    assert refers(ex, text, "It works") is None


def test_a_quotation_about_another_organisation_leaves_the_company_open(ex):
    text = ("“Quillon Labs has changed how we test batteries,” said Maren Tovey, chief executive of Hartsop "
            "Energy. The company has a research partnership with the Kendal Institute of Materials.")
    assert refers(ex, text, "company has") is None


def test_the_company_inside_a_quotation_is_left_open(ex):
    text = ("Maren Tovey runs Hartsop Energy, which buys cells from Quillon Labs. “The company has been a great "
            "partner to the Kendal Institute of Materials,” she said.")
    assert refers(ex, text, "company has") is None


def test_a_person_subject_with_two_organisations_leaves_it_open(ex):
    text = ("Ilse Marwood left Brackenfell Imaging and joined Hexham Robotics as its chief scientist in 2021. "
            "It works in partnership with the Tyne Institute for Medical Physics.")
    assert refers(ex, text, "It works") is None
    assert refers(ex, text, "its chief") == "Hexham Robotics"  # "joined Y as its ...": the nearest name
    got = relations_in(ex, text)
    assert (A, "Ilse Marwood", "Hexham Robotics") in got and (A, "Ilse Marwood", "Brackenfell Imaging") not in got


def test_a_blank_line_alone_does_not_cut_adjacent_sentences(ex):
    # the guidelines annotate a relation over two adjacent sentences; a paragraph break between them is no heading
    # (tests/test_reference_forms.py has the counter-examples: two names before, a quote, a heading)
    text = ("Tarnwick Sensors makes vibration probes for wind turbines in Esbjerg.\n\n"
            "It has signed a research partnership with the Ribe Institute of Offshore Engineering.")
    assert refers(ex, text, "It has") == "Tarnwick Sensors"
    assert "Ribe Institute of Offshore Engineering" in partners_of(ex, text, "Tarnwick Sensors")


def test_no_link_across_a_heading(ex):
    text = ("Tarnwick Sensors makes vibration probes for wind turbines in Esbjerg.\n\nResearch partners\n\n"
            "The company has signed a research partnership with the Ribe Institute of Offshore Engineering.")
    assert "Ribe Institute of Offshore Engineering" not in partners_of(ex, text, "Tarnwick Sensors")


def test_the_owner_of_a_list_keeps_the_company(ex):
    """'X's backers include A and B': the listed backers are X's, so X stays the topic."""
    text = ("Dunmore Weather's backers include Sollas Ventures and Tiree Capital. "
            "The company also received a grant from the Hebridean Development Agency.")
    assert refers(ex, text, "company also") == "Dunmore Weather"


def test_an_interview_speaker_label_is_no_person_subject(ex):
    text = ("Okoro: Who pays for the work?\n\nVance: Sorrel Robotics's investors include Pike Ventures and Marram "
            "Capital. The company also received a grant from the Solway Development Agency.")
    assert refers(ex, text, "company also") == "Sorrel Robotics"


def test_the_city_is_the_city_of_the_title(ex):
    text = ("Aberdeen's ocean AI start-ups grow up\n\n"
            "Aberdeen has become a base for ocean-sensing companies. Dee Sensing moved its engineers from Dundee "
            "to a new office last year, and the city's port authority now buys its data.")
    assert refers(ex, text, "city's port") == "Aberdeen"  # not Dundee, the place named last


def test_the_city_after_two_places_without_a_title_city_is_left_open(ex):
    text = "Dee Sensing has offices in Dundee and Glasgow. The city has lower rents than the capital."
    assert refers(ex, text, "city has") is None
    assert refers(ex, text, "capital") is None


def test_the_region_is_the_place_just_named(ex):
    text = ("Hiring and training in Glasgow, 2026\n\nGlasgow has many software firms. The Tayside Institute of "
            "Computing anchors the Dundee technology cluster, and its apprenticeships have drawn employers to the "
            "region for a decade.")
    assert refers(ex, text, "region for") == "Dundee"


def test_the_city_is_the_one_the_subject_s_name_holds_not_the_dateline_s(ex):
    text = ("LONDON, 3 March 2026 -- London has many labs. The University of Tokyo remains the anchor of the city's "
            "AI cluster, and Tokyo has 300 AI start-ups.")
    assert refers(ex, text, "city's AI") == "Tokyo"


def test_two_names_holding_the_noun_leave_it_open(ex):
    text = ("The Kelby Centre for Robotics and the Orton Centre for Sensing opened labs in Leeds this year. "
            "Marram Systems has signed a collaboration agreement with the centre.")
    assert refers(ex, text, "centre.") is None
