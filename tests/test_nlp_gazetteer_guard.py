"""The gazetteer may only help: a listed name never cuts or takes over a longer unlisted name that contains it.

Sentences of our own with the real pipeline and the shipped gazetteer: unlisted names around listed ones
("the Manitoba Department of Energy" is not the listed Department of Energy), listed acronyms inside hyphenated
compounds ("KCMU-AIST"), acronyms the document defines as another body, and, as counter-examples, the listed
organisation in a possessive, with a suffix or after a place, which must still link.
"""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord
from aikg.ingest.nlp import resolve
from aikg.ingest.nlp.gazetteer_guard import defined_otherwise, national, same_body
from aikg.ingest.nlp.records import DocFacts, MentionFact
from tests.helpers import facts_of, relations_in

AIST = "National Institute of Advanced Industrial Science and Technology"


@pytest.fixture(scope="module")
def extractor():
    from aikg.ingest.nlp.extractor import shared_extractor

    return shared_extractor()  # the default extractor, loaded once per process


def listed(extractor, text: str) -> dict[str, str | None]:
    """Surface -> gazetteer entry of every mention (None: unlisted)."""
    return {m.text: m.gazetteer for m in facts_of(extractor, text).mentions}


# -- a longer unlisted name around a listed one -------------------------------------------------------------

def test_a_provincial_department_is_not_the_listed_federal_one(extractor):
    text = "In 2024 the Manitoba Department of Energy awarded Lakehead Sensing a $2 million grant."
    found = listed(extractor, text)
    assert found.get("Manitoba Department of Energy", "absent") is None
    assert "Department of Energy" not in found
    assert ("FUNDS", "Manitoba Department of Energy", "Lakehead Sensing") in relations_in(extractor, text)


def test_a_state_agency_named_after_a_listed_one_stays_unlisted(extractor):
    found = listed(extractor, "Riverbend Labs received a loan from the Oregon Small Business Administration last spring.")
    assert found.get("Oregon Small Business Administration", "absent") is None
    assert "Small Business Administration" not in found


def test_a_state_act_named_after_a_listed_act_is_its_own_programme(extractor):
    found = listed(extractor, "The seed fund was created by the Alberta CHIPS Act in 2023 and backs start-ups in the province.")
    assert found.get("Alberta CHIPS Act", "absent") is None
    assert "CHIPS Act" not in found


def test_a_publication_named_after_a_listed_city_is_not_the_city(extractor):
    found = listed(extractor, "Ines Duarte, a reporter at Lisbon Tech Weekly, chaired the panel on Friday.")
    assert found.get("Lisbon Tech Weekly", "absent") is None
    assert "Lisbon" not in found


def test_a_body_named_after_a_listed_city_takes_its_members(extractor):
    text = "The Osaka Clinical AI Collaborative admitted Kestrel Robotics as a member in 2024."
    assert ("MEMBER_OF", "Kestrel Robotics", "Osaka Clinical AI Collaborative") in relations_in(extractor, text)


def test_a_listed_country_opening_a_long_name_with_and_is_part_of_it(extractor):
    """The NER cuts "the Kenya Marine" at "and"; the name runs on to its head word, as without the gazetteer."""
    found = listed(extractor, "Grace Mwangi, formerly of the Kenya Marine and Fisheries Research Institute, "
                              "joined Kestrel Robotics in 2023.")
    assert found.get("Kenya Marine and Fisheries Research Institute", "absent") is None
    assert "Kenya" not in found and "Fisheries Research Institute" not in found


def test_words_after_a_listed_name_that_name_no_body_leave_it_listed(extractor):
    found = listed(extractor, "Kestrel Robotics sells its inspection software through the AWS Marketplace.")
    assert found.get("AWS") == "Amazon Web Services"
    assert listed(extractor, "Google LLC signed a partnership with Kestrel Robotics.").get("Google LLC") == "Google"


# -- listed acronyms inside hyphenated compounds ------------------------------------------------------------

def test_a_listed_acronym_inside_a_hyphenated_acronym_is_not_read(extractor):
    text = "Dr. Amani Kiwelu, Vice-Chancellor, KCMU-AIST, opened the meeting."
    mentions = facts_of(extractor, text).mentions
    assert all(m.gazetteer != AIST for m in mentions)
    assert all(m.text != "KCMU" for m in mentions)  # not cut at the hyphen either


def test_a_listed_acronym_after_a_hyphen_and_a_word_is_not_read(extractor):
    mentions = facts_of(extractor, "The Mbeya-NIST calibration lab tests soil sensors for Kilimo Data.").mentions
    assert all(m.gazetteer != "National Institute of Standards and Technology" for m in mentions)


def test_a_listed_name_with_a_lower_case_suffix_or_a_prefix_word_still_links(extractor):
    assert listed(extractor, "The NIST-funded lab tests soil sensors for Kilimo Data.").get("NIST") == \
        "National Institute of Standards and Technology"
    assert listed(extractor, "Ex-DARPA programme managers founded Quillfeather Systems in 2021.").get("DARPA") == \
        "Defense Advanced Research Projects Agency"


def test_two_listed_names_joined_by_a_hyphen_both_link(extractor):
    found = listed(extractor, "The Stanford-MIT robotics workshop was funded by DARPA.")
    assert found.get("Stanford") == "Stanford University"
    assert found.get("MIT") == "Massachusetts Institute of Technology"


def test_a_listed_place_with_its_district_after_a_hyphen_stays_the_place(extractor):
    text = "Kestrel Robotics is headquartered in Toronto-Leslieville."
    assert listed(extractor, text).get("Toronto") == "Toronto"
    assert ("LOCATED_IN", "Kestrel Robotics", "Toronto") in relations_in(extractor, text)


# -- an acronym the document defines ------------------------------------------------------------------------

def test_the_documents_definition_of_an_acronym_wins_over_the_gazetteer(extractor):
    text = ("The Arusha Institute of Science and Technology (AIST) opened a robotics lab in 2024. "
            "AIST partners with Kestrel Robotics.")
    mentions = facts_of(extractor, text).mentions
    assert all(m.gazetteer is None for m in mentions)
    assert {m.acronym_of for m in mentions if m.text == "AIST"} == {"Arusha Institute of Science and Technology"}
    rels = relations_in(extractor, text)
    assert ("PARTNERS_WITH", "Arusha Institute of Science and Technology", "Kestrel Robotics") in rels
    assert not any(AIST in r for r in rels)


def test_the_listed_body_defining_its_own_acronym_still_links(extractor):
    text = f"The {AIST} (AIST) opened a robotics lab in 2024. AIST partners with Kestrel Robotics."
    assert {m.gazetteer for m in facts_of(extractor, text).mentions if m.text == "AIST"} == {AIST}
    assert ("PARTNERS_WITH", AIST, "Kestrel Robotics") in relations_in(extractor, text)


def test_a_variant_spelling_of_the_listed_name_keeps_the_entry(extractor):
    text = "The Korea Advanced Institute of Science & Technology (KAIST) partners with Kestrel Robotics."
    assert ("PARTNERS_WITH", "KAIST", "Kestrel Robotics") in relations_in(extractor, text)


# -- the same listed organisation must still link -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Researchers at the Vector Institute's new health lab study robot safety.",
    "Toronto's Vector Institute signed a partnership with Kestrel Robotics.",
    "Vector Institute researchers work with Kestrel Robotics on robot safety.",
    "Yesterday Vector Institute announced a partnership with Kestrel Robotics.",
    "Startup Kestrel Robotics Partners With Vector Institute",
])
def test_the_listed_institute_in_a_possessive_with_a_suffix_or_in_a_headline_links(extractor, text):
    assert listed(extractor, text).get("Vector Institute") == "Vector Institute"


def test_a_national_agency_under_its_countrys_name_is_the_listed_one(extractor):
    text = "The United States Department of Commerce awarded Quillfeather Systems a grant."
    assert ("FUNDS", "Department of Commerce", "Quillfeather Systems") in relations_in(extractor, text)


# -- the checks themselves ----------------------------------------------------------------------------------

def test_same_body_allows_articles_and_ampersands_but_not_another_name():
    assert same_body("Korea Advanced Institute of Science & Technology",
                     ["Korea Advanced Institute of Science and Technology"])
    assert same_body("the Massachusetts Institute of Technology", ["Massachusetts Institute of Technology"])
    assert not same_body("Arusha Institute of Science and Technology", [AIST])
    assert not same_body("Nelson Mandela African Institution of Science and Technology", [AIST])


def test_defined_otherwise_compares_two_listed_entries_by_name():
    from aikg.ingest.nlp.gazetteer import GazetteerEntry

    turing = GazetteerEntry("Alan Turing Institute", "Institute")
    other = GazetteerEntry("ATI Physics Lab", "Institute", acronyms=("ATI",))
    assert defined_otherwise("Alan Turing Institute", other, turing)
    assert not defined_otherwise("Alan Turing Institute", turing, turing)
    assert not defined_otherwise("anything", None)


def test_national_prefixes():
    assert national("United States") and national("U.S.") and national("Canada")
    assert not national("Washington State") and not national("Manitoba")


# -- resolution ---------------------------------------------------------------------------------------------

def _mention(text: str, start: int, typ: str, **kw) -> MentionFact:
    return MentionFact(text=text, start=start, end=start + len(text), type=typ, source=kw.pop("source", "rule"),
                       canonical=kw.pop("canonical", text), **kw)


def test_resolution_lets_the_documents_acronym_win_over_a_listed_reading():
    """Facts where the short form still carries the listed entry (an older extractor's, cached): the document's
    expansion is the entity, the listed body is not."""
    long_name = "Arusha Institute of Science and Technology"
    facts = DocFacts(doc_id="d1", mentions=[
        _mention(long_name, 0, "Institute"),
        _mention("AIST", 50, "Institute", source="gazetteer", canonical=AIST, gazetteer=AIST, wikidata="Q1",
                 acronym_of=long_name),
    ], relations=[])
    ents = [r for r in resolve([facts]) if isinstance(r, EntityRecord)]
    assert [e.name for e in ents] == [long_name]
    assert "AIST" in ents[0].aliases and not ents[0].props.get("wikidata")


def test_resolution_keeps_a_listed_reading_the_document_agrees_with():
    facts = DocFacts(doc_id="d1", mentions=[
        _mention(AIST, 0, "Institute", source="gazetteer", gazetteer=AIST),
        _mention("AIST", 80, "Institute", source="gazetteer", canonical=AIST, gazetteer=AIST, acronym_of=AIST),
    ], relations=[])
    ents = [r for r in resolve([facts]) if isinstance(r, EntityRecord)]
    assert [e.name for e in ents] == [AIST]
