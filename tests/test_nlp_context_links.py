"""Document context for references (ingest/nlp/coref_links.py) through the real spaCy pipeline.

Each form is an invented text written for the form (not copied from a gold document): a definite description
("the fund", "the accelerator", "the company", "the start-up") or a sentence-opening "It" stands for the right
earlier name and the relation of its sentence reaches that name; each has a counter-example that must not link
(a heading between, a generic "a company", "the government" with no government named, a noun used as a modifier).
"""

from __future__ import annotations

import pytest

from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp.coref_links import LinkWords, heading_like
from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import refers, relations_in

F, M, P = "FUNDS", "MEMBER_OF", "PARTNERS_WITH"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def extract(ex, text: str):
    return ex.extract(LoadedDocument(id="d1", source="t", title="t", kind="text", text=text))


def rels(ex, text: str) -> set[tuple[str, str, str]]:
    return relations_in(ex, text)


def test_the_fund_is_the_name_described_as_a_fund(ex):
    text = ("Brackwater Capital is a Lisbon-based seed fund that invests in marine software. "
            "The fund is backed by Tejo Development Bank and by a group of family offices.")
    assert refers(ex, text, "fund is backed") == "Brackwater Capital"
    assert (F, "Tejo Development Bank", "Brackwater Capital") in rels(ex, text)


def test_a_fund_named_in_passing_does_not_take_the_description(ex):
    text = ("The Andes Growth Fund was set up in 2019. Brackwater Capital is a Lisbon-based seed fund that invests "
            "in marine software. The fund is backed by Tejo Development Bank.")
    assert (F, "Tejo Development Bank", "Brackwater Capital") in rels(ex, text)
    assert (F, "Tejo Development Bank", "Andes Growth Fund") not in rels(ex, text)


def test_the_accelerator_is_the_name_holding_the_noun(ex):
    text = ("Orla Fenn directs the Dunmore AI Accelerator, a programme in Galway.\n\nWho pays for it?\n\n"
            "Corrib Cloud, a local data-centre operator, sponsors the accelerator with cloud credits.")
    assert refers(ex, text, "accelerator with") == "Dunmore AI Accelerator"


def test_the_company_is_the_subject_of_the_sentence_before(ex):
    text = ("Vellmar Robotics opened a welding line in Sheffield in 2021. "
            "The company also received a grant from the Northern Innovation Agency for a project on welding.")
    assert refers(ex, text, "company also") == "Vellmar Robotics"


def test_the_start_up_is_read_as_one_word(ex):
    text = ("Cordel Vision, a Porto-based start-up that builds inspection cameras, raised money this year. "
            "The start-up works in partnership with the Douro Institute of Robotics.")
    assert (P, "Cordel Vision", "Douro Institute of Robotics") in rels(ex, text)


def test_a_sentence_opening_it_is_the_subject_before(ex):
    text = ("Mirefield Analytics is a Leeds maker of forecasting software. "
            "It works in partnership with the Aire Institute for Data Science.")
    assert (P, "Mirefield Analytics", "Aire Institute for Data Science") in rels(ex, text)


def test_it_is_not_the_name_its_own_sentence_names_again(ex):
    text = ("The Ouse Compute Scheme is administered by the Yorkshire Digital Office. "
            "It delivers the scheme in partnership with the Harrogate Science Park.")
    assert refers(ex, text, "It delivers") == "Yorkshire Digital Office"


def test_backed_by_then_it(ex):
    text = ("Garrow Ventures is an early-stage fund with offices in Aberdeen. Backed by the Scottish Growth Bank and "
            "a group of family offices, it invests in energy software; its portfolio includes Tarland Systems.")
    assert refers(ex, text, "it invests") == "Garrow Ventures"


def test_no_link_across_a_heading(ex):
    text = ("Mirefield Analytics is a Leeds maker of forecasting software.\n\nPartnerships and funding\n\n"
            "It works in partnership with the Aire Institute for Data Science.")
    assert refers(ex, text, "It works") is None


def test_generic_company_and_unnamed_government_do_not_link(ex):
    text = ("Vellmar Robotics builds welding robots in Sheffield. A company like this needs engineers, and the "
            "government funds apprenticeships through the Steel Skills Programme.")
    got = rels(ex, text)
    assert not any(t == F and a == "Vellmar Robotics" for t, a, _ in got)
    assert refers(ex, text, "government") is None


def test_a_noun_used_as_a_modifier_is_no_reference(ex):
    text = ("Kelda Speech is a member of Tidewater Hub, the start-up programme founded by the Humber Port Authority.")
    facts = extract(ex, text)
    at = text.index("start-up")
    assert not any(m.start == at and m.source == "anaphor" for m in facts.mentions)


def test_word_lists_are_data():
    from aikg.ingest.nlp.config import ExtractConfig

    words = LinkWords.from_dir(ExtractConfig().lexicon_dir)
    assert "Company" in words.nouns["fund"] and "Programme" in words.nouns["fund"]
    assert "government" in words.named_only
    assert heading_like("Who pays for it?") and heading_like("Funding and governance")
    assert not heading_like("The fund is backed by Tejo Development Bank.")


def test_it_after_a_fronted_date(ex):
    text = ("The Halden Institute for Logic is a research institute in Bergen. "
            "Since 2021 it has worked in collaboration with the Tromsø Centre for Proof Search on formal methods.")
    assert refers(ex, text, "it has worked") == "Halden Institute for Logic"
    assert (P, "Halden Institute for Logic", "Tromsø Centre for Proof Search") in rels(ex, text)


def test_it_after_other_words_is_left_alone(ex):
    text = ("The Halden Institute for Logic is a research institute in Bergen. "
            "Researchers say it has worked in collaboration with the Tromsø Centre for Proof Search.")
    facts = extract(ex, text)
    at = text.index("it has")
    assert not any(m.start == at and m.source == "anaphor" for m in facts.mentions)
