"""Organisation names on unseen text by the form that introduces them (issue 14, wave 13): every name is invented
and the gazetteer is empty. Each form has positives in several published variants and near-misses that must not fire.

Forms (learned from published pages: news items, consortium and programme pages, event sponsor strips):
* a fronted apposition: "the city's biggest lender, Toroli Pay, has ...", "The regional chamber, Dhoma e Zejtarëve
  Korçë, is ..." (``mentions/introduced_names.py``);
* a noun right before a name with inner particles: "the Portuguese cluster Polo Têxtil do Ave", "the NGO Mladi
  Kodari" (``introduced_names.py``);
* a run of names the name runs joined: "the Department of Energy, Kestrel Analytics and Orrin Labs" (``tidy.py``);
* a labelled logo line: "Sponsors: A · B · C", "Funders: the X; the Y" (``mentions/logo_lines.py``).
"""

from __future__ import annotations

import pytest

from tests.helpers import kinds_in as kinds


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


# ------------------------------------------------------------------------------------------- fronted appositions
@pytest.mark.parametrize("text, name, typ", [
    ("The city's largest lender, Toroli Pay, has opened a branch in Baidoa.", "Toroli Pay", "Company"),
    ("The regional chamber, Dhoma e Zejtarëve Korçë, is in talks to join the scheme.", "Dhoma e Zejtarëve Korçë",
     "Institute"),
    ("The provincial development agency, Kostanay Invest, pays half the rent.", "Kostanay Invest", "Agency"),
    ("Support came from the national regulator, Autoridade Digital do Sul, in March.", "Autoridade Digital do Sul",
     "Agency"),
    ("Its main lender, Banco do Nordeste Rural, extended the loan.", "Banco do Nordeste Rural", "Company"),
    ("Hargeisa's biggest operator, Golis Pay, has drawn hundreds of engineers.", "Golis Pay", "Company"),
])
def test_fronted_apposition_types_and_bounds_the_name(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


@pytest.mark.parametrize("text, name, typ", [
    ("At the agency, Amina Yusuf, a spokesperson, said the plan was on track.", "Amina Yusuf", "Person"),
    ("Its partners are the university, Kestrel Labs, and Orrin AI.", "Kestrel Labs", "Company"),
    ("The company's chief executive, Daniel Mwangi, said the round closed in May.", "Daniel Mwangi", "Person"),
    ("The largest investor, Fenmoor Capital, led the round.", "Fenmoor Capital", "Company"),
])
def test_fronted_apposition_near_misses(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


# ------------------------------------------------------------------------------------------- a noun before the name
@pytest.mark.parametrize("text, name, typ", [
    ("Its partners include the Portuguese cluster Polo Têxtil do Ave and a Tunisian association.", "Polo Têxtil do Ave",
     "Institute"),
    ("The lab runs it together with the NGO Mladi Kodari.", "Mladi Kodari", "Institute"),
    ("The institute works with the national agricultural research body INRAV on soil models.", "INRAV", "Institute"),
    ("The startup is backed by the angel group Anjos do Cerrado.", "Anjos do Cerrado", "Company"),
])
def test_noun_before_name_types_and_bounds_it(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


@pytest.mark.parametrize("text, name, typ", [
    ("The firm Chief Executive Laura Pike said sales rose.", "Laura Pike", "Person"),
    ("It sold the unit to the Kazakh firm Altyn Dala Systems in March.", "Altyn Dala Systems", "Company"),
    ("The startup partnered with the agency Business Finland.", "Business Finland", "Agency"),
])
def test_noun_before_name_near_misses(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


def test_person_after_a_noun_a_person_may_be_called_stays_a_person(bare):
    assert ("Ana Lopes", "Person") in kinds(bare, "The developer, Ana Lopes, said the tool ships in May.")


# ------------------------------------------------------------------------------------------- runs of names
@pytest.mark.parametrize("text, names", [
    ("The programme is funded by the Department of Energy, Kestrel Analytics and Orrin Labs.",
     {("Department of Energy", "Agency"), ("Kestrel Analytics", "Company"), ("Orrin Labs", "Company")}),
    ("Its backers are the Ministry of Trade, Ndovu Robotics and Baraka Analytics.",
     {("Ministry of Trade", "Agency"), ("Ndovu Robotics", "Company"), ("Baraka Analytics", "Company")}),
])
def test_a_run_of_names_is_split_into_its_names(bare, text, names):
    assert names <= kinds(bare, text)


@pytest.mark.parametrize("text, name", [
    ("The grant comes from the Ministry of Planning, Investment and Economic Development.",
     "Ministry of Planning, Investment and Economic Development"),
    ("It is run by the Institute of Minerals and Materials Technology in Bhubaneswar.",
     "Institute of Minerals and Materials Technology"),
    ("The Department for Science, Innovation and Technology funds it.", "Department for Science, Innovation and Technology"),
    ("The Faculty of Engineering and Computer Science hosts the lab.", "Faculty of Engineering and Computer Science"),
    ("The council is backed by the Ministry of Agriculture and Rural Development.",
     "Ministry of Agriculture and Rural Development"),
])
def test_one_name_with_a_topic_list_stays_whole(bare, text, name):
    assert name in {n for n, _ in kinds(bare, text)}


# ------------------------------------------------------------------------------------------- logo lines
@pytest.mark.parametrize("text, names", [
    ("Sponsors: Koolau Capital · Pacific Rim Data Centers · Hilo Bay Coffee Roasters",
     {("Koolau Capital", "Company"), ("Hilo Bay Coffee Roasters", "Company")}),
    ("Partners: Golis Pay · Tarsk Institute of Data · Mbeya Agritech",
     {("Golis Pay", "Company"), ("Tarsk Institute of Data", "Institute")}),
    ("Funders: the Ministry of Digital Economy and Innovation; Sahan Telecom",
     {("Ministry of Digital Economy and Innovation", "Agency"), ("Sahan Telecom", "Company")}),
    ("Supported by: Baraka Ventures, Somcable and Dahabshiil Pay.",
     {("Somcable", "Company"), ("Dahabshiil Pay", "Company")}),
    ("Members: Hormuud Labs (Mogadishu) | Berbera Data (Berbera) | Golis Pay",
     {("Hormuud Labs", "Company"), ("Golis Pay", "Company")}),
])
def test_labelled_logo_line_gives_one_organisation_per_item(bare, text, names):
    assert names <= kinds(bare, text)


@pytest.mark.parametrize("text, name, typ", [
    ("Speakers: Amina Warsame · Daniel Mwangi", "Amina Warsame", "Person"),
    ("Location: Hargeisa, Somaliland", "Hargeisa", "Cluster"),
])
def test_logo_line_near_misses(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


def test_an_item_that_is_a_phrase_is_no_name(bare):
    got = kinds(bare, "- In-kind support: drone imagery from Faso Air Survey; storage from Banfora Data Services")
    assert not any(n.startswith("drone") or n.startswith("storage") for n, _ in got)


def test_names_one_a_line_under_a_label_line(bare):
    text = "Our partners\nSagarmatha Data\nHimal Cloud\nLumbini Agro Tech\nPokhara University"
    assert {("Sagarmatha Data", "Company"), ("Himal Cloud", "Company"), ("Pokhara University", "Institute")} \
        <= kinds(bare, text)


def test_bulleted_names_under_a_label_keep_only_the_name(bare):
    text = "Members:\n- Hormuud Labs (Mogadishu)\n- Golis Pay – mobile money\n- Berbera Data: port analytics"
    got = kinds(bare, text)
    assert {("Hormuud Labs", "Company"), ("Golis Pay", "Company"), ("Berbera Data", "Company")} <= got
    assert not any("money" in n or "analytics" in n for n, _ in got)


def test_a_sentence_under_a_label_line_is_no_item(bare):
    got = kinds(bare, "Partners\nGolis Pay is our largest partner and has worked with us since 2019.")
    assert not any(n.endswith("2019") or " is " in n for n, _ in got)


@pytest.mark.parametrize("text, name, typ", [
    ("The lab received $2 million from the Tanana Valley Borough.", "Tanana Valley Borough", "Agency"),
    ("Funding came from Ohrid Municipality and the Kumanovo Prefecture.", "Kumanovo Prefecture", "Agency"),
    ("The Borough Robotics Guild meets monthly.", "Borough Robotics Guild", "Company"),
])
def test_local_government_heads_make_an_agency(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)
