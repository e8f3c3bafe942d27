"""Typing unknown names from the kind of text, with and without the gazetteer (issue 14).

Every sentence here is invented; the organisations are in no gazetteer unless the test says so.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp import DocFacts
from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import facts_of, mention_kinds


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


run, kinds = facts_of, mention_kinds


def funds(facts: DocFacts) -> set[tuple[str, str]]:
    ms = facts.mentions
    return {(ms[r.source].text, ms[r.target].text) for r in facts.relations if r.type == "FUNDS"}


def test_a_gazetteer_name_that_opens_a_longer_hub_name_yields_to_it(ex):
    # "Amazon Science" and "UW" are gazetteer names; here both are only parts of the hub's name
    f = run(ex, "Amazon funds the UW and Amazon Science Hub, which supports joint research with the "
                "University of Washington.")
    assert ("UW and Amazon Science Hub", "Institute") in kinds(f)
    assert funds(f) == {("Amazon", "UW and Amazon Science Hub")}
    assert not {t for t, _ in kinds(f)} & {"UW", "Amazon Science"}


def test_the_longer_name_is_found_without_the_gazetteer_too(bare):
    f = run(bare, "Ardent Foods funds the Kessel and Varga Data Foundation, which trains rural teachers.")
    assert ("Kessel and Varga Data Foundation", "Institute") in kinds(f)
    f = run(bare, "Ardent Foods funds the Merrow Robotics Hub, which trains rural teachers.")
    assert ("Merrow Robotics Hub", "Institute") in kinds(f)
    assert ("Merrow", "Institute") not in kinds(f)


def test_a_short_name_before_its_longer_namesake_in_one_sentence_stays_itself(bare):
    f = run(bare, "Lindqvist funds the Lindqvist Vision Hub in Uppsala.")
    types = {m.text: m.type for m in f.mentions if m.text == "Lindqvist"}
    assert types.get("Lindqvist") != "Institute"


def test_names_ending_in_hub_collective_or_science_park_are_institutes(bare):
    f = run(bare, "Toller Analytics works with the Brackwater Innovation Hub, the Osei AI Collective and the "
                  "Varnum Science Park on crop sensing.")
    assert {("Brackwater Innovation Hub", "Institute"), ("Osei AI Collective", "Institute"),
            ("Varnum Science Park", "Institute")} <= kinds(f)


def test_a_place_ending_in_park_stays_a_place(bare):
    f = run(bare, "Quenby Labs is headquartered in Menlo Park and has an office in Austin.")
    assert ("Menlo Park", "Cluster") in kinds(f)


def test_a_hub_the_text_calls_an_initiative_is_a_programme(bare):
    f = run(bare, "In 2025 we joined the Dorrance AI Hub, an initiative launched by the state government.")
    assert ("Dorrance AI Hub", "Programme") in kinds(f)


@pytest.mark.parametrize("text,name,typ", [
    ("Velmar, a research consortium hosted by the University of Tarn, pays for many students.", "Velmar", "Institute"),
    ("Joining the round are DKIF, the Danish state investment fund, and the angel network Nordhavn Angels.",
     "DKIF", "Agency"),
    ("Ostrel was backed by Saône Capital and by the public investment bank Finvaro, which put in 9 million euros.",
     "Finvaro", "Agency"),
    ("Founders can also use Brixworth, the Kitchener innovation hub, which runs a hardware programme.",
     "Brixworth", "Institute"),
    ("The company is a member of Kelvanet, the Nordic robotics association, and hosts students.",
     "Kelvanet", "Institute"),
])
def test_an_acronym_or_single_word_is_typed_by_its_description(bare, text, name, typ):
    assert (name, typ) in kinds(run(bare, text))


def test_a_public_bank_without_an_article_is_an_agency(bare):
    # published form: "support from public bank Bpifrance", "state bank Bpifrance"
    assert ("Finvaro", "Agency") in kinds(run(bare, "Most of the startups received support from public bank Finvaro."))


def test_a_private_investment_bank_stays_a_company(bare):
    f = run(bare, "Ostrel was backed by the Hamburg investment bank Elbe Kapital.")
    assert ("Elbe Kapital", "Company") in kinds(f)


def test_job_title_words_hold_no_punctuation_but_titles_keep_their_brackets(ex):
    words = ex.lexicon.words
    assert not {"(", ")", ","} & words.job_function_words
    assert {"(", ")"} <= words.job_title_punctuation
    f = run(ex, "Associate Dean (Research & Innovation) Mara Tull opened the Quorn Robotics Centre.")
    assert not any("Dean" in m.text for m in f.mentions)


def test_an_acronym_and_a_town_the_text_names_is_a_university(bare):
    f = run(bare, "Kelvra was founded in 2021 as a spin-off of KTU Vilnius. It is based in Vilnius.")
    assert ("KTU Vilnius", "Institute") in kinds(f)


def test_a_town_in_brackets_after_a_listed_firm_is_no_acronym(bare):
    f = run(bare, "Members of the 2026 cohort:\n- Arganix (Agadir): yield forecasts for argan cooperatives\n")
    assert ("Agadir", "Cluster") in kinds(f)
    f = run(bare, "The Alberta Machine Intelligence Institute (Amii) works with Amii's partners.")
    assert all(t == "Institute" for n, t in kinds(f) if n == "Amii")


def test_a_listed_firms_fund_is_the_firms_investing_arm(ex):
    f = run(ex, "Samsung Catalyst Fund and two angels also joined the round.")
    assert ("Samsung Catalyst Fund", "Company") in kinds(f)


@pytest.mark.parametrize("text,name,typ", [
    ("Velkaro is a non-profit artificial intelligence research laboratory based in Lyon.", "Velkaro", "Institute"),
    ("The Nordic Investment Fund backed the round.", "Nordic Investment Fund", "Agency"),
    ("Data came from the Estonian Hydrographic Service and the Baltic Navy.", "Estonian Hydrographic Service", "Agency"),
    ("The Lakemont Health System uses the tool in four hospitals.", "Lakemont Health System", "Institute"),
    ("Applicants may also claim Harbour Data Vouchers worth 20,000 dollars.", "Harbour Data Vouchers", "Programme"),
])
def test_names_typed_by_their_last_words_or_a_copula_description(bare, text, name, typ):
    assert (name, typ) in kinds(run(bare, text))


def test_an_organisations_named_programme_and_an_acronym_before_a_semicolon(bare):
    f = run(bare, "Five companies from the cohort of Te Kura Innovation Agency's Harbour Runway programme took part.")
    assert ("Harbour Runway", "Programme") in kinds(f)
    f = run(bare, "The Verdun Centre for Machine Perception (VCMP; French: Centre Verdun) is a non-profit institute. "
                  "In 2018 VCMP received a grant.")
    assert all(t == "Institute" for n, t in kinds(f) if n == "VCMP")
    assert any(m.text == "VCMP" and m.canonical == "Verdun Centre for Machine Perception" for m in f.mentions)
