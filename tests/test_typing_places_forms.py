"""Entity typing and place mentions by form (issue 14, wave 2): descriptions that type a name over a firm-like last
word, dateline towns a later "the city" refers to, places in a site slot, towns opening a sentence as hubs, municipal
bodies, board names and portfolio names. Invented names, gazetteer off; each form has near-misses."""

from __future__ import annotations

import pytest

from tests.helpers import facts_of, mention_kinds


def kinds(extractor, text: str) -> set[tuple[str, str]]:
    return mention_kinds(facts_of(extractor, text))


def relations(extractor, text: str) -> set[tuple[str, str, str]]:
    facts = facts_of(extractor, text)
    m = facts.mentions

    def name(i: int) -> str:  # a reference ("the city") stands for what it refers to
        return m[m[i].coref].text if m[i].coref is not None else m[i].text

    return {(r.type, name(r.source), name(r.target)) for r in facts.relations}


@pytest.mark.parametrize("text, name, typ", [
    # a grant, a voucher or a fund someone runs is a Programme, over a firm-like last word
    ("Funding came from Semilla Digital, a seed grant of the regional government, in 2024.", "Semilla Digital", "Programme"),
    ("Applicants can apply to Impulso Rural, a voucher for small farms run by the province.", "Impulso Rural", "Programme"),
    ("Lake Basin Seed Fund, a public fund run by the county, backed Ondiri Labs.", "Lake Basin Seed Fund", "Programme"),
    ("Nordvik Growth Fund, a public fund managed by the regional development agency, invested in Fjell Labs.",
     "Nordvik Growth Fund", "Programme"),
    # investors stay firms, public investors agencies
    ("Halvorsen Capital, an investment firm based in Oslo, led the round.", "Halvorsen Capital", "Company"),
    ("Tarn Ventures, a venture fund backed by pension money, led the round.", "Tarn Ventures", "Company"),
    ("The loan comes from Kora Capital, the state's development bank, and covers two years.", "Kora Capital", "Agency"),
    ("Mbali Digital, a start-up that won a seed grant, employs nine people.", "Mbali Digital", "Company"),
    # a credit line is a Programme; a development bank a state investment bank; a commercial bank a firm
    ("It received a loan from Acuicultura 4.0, a credit line of the public development bank, in 2025.",
     "Acuicultura 4.0", "Programme"),
    ("It runs the scheme with Sindh Growth Bank, the provincial development bank, and two universities.",
     "Sindh Growth Bank", "Agency"),
    ("It borrowed from Kora Capital, a commercial bank based in Nairobi.", "Kora Capital", "Company"),
    # firm last words no surname takes
    ("Karoo Compute opened an office in Paarl.", "Karoo Compute", "Company"),
    ("Investors in Tugela Drones include two banks.", "Tugela Drones", "Company"),
])
def test_description_and_head_types(no_gazetteer_extractor, text, name, typ):
    assert (name, typ) in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, town", [
    ("TAMPERE, 3 March 2026 -- Hervanta Robotics has opened a new lab in the city, its chief executive said.", "TAMPERE"),
    ("FAIRBANKS — Tanana Data said on Monday it will hire 40 engineers in the city.", "FAIRBANKS"),
    ("AUSTIN, Texas - The city's chip designers have a new neighbour: Verdant Silicon opened a lab there.", "AUSTIN"),
    ("Pori, 12 May 2026 -- Satakunta Sensors has opened a lab in the city.", "Pori"),
    ("BOZEMAN, Mont., March 27, 2026 — Gallatin Optics said it will double its lab in the city.", "BOZEMAN"),
])
def test_dateline_town_kept_when_the_city_refers_to_it(no_gazetteer_extractor, text, town):
    assert (town, "Cluster") in kinds(no_gazetteer_extractor, text)


def test_dateline_town_gives_the_city_a_home(no_gazetteer_extractor):
    text = "TAMPERE, 3 March 2026 -- Hervanta Robotics has opened a new lab in the city, its chief executive said."
    assert ("LOCATED_IN", "Hervanta Robotics", "TAMPERE") in relations(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, town", [
    # no "the city": a dateline town with nothing placed in it is no mention
    ("TAMPERE, 3 March 2026 -- Hervanta Robotics has raised 4 million euros from Kaleva Ventures.", "TAMPERE"),
    ("KUOPIO -- Savonia Data said its revenue doubled last year.", "KUOPIO"),
])
def test_dateline_town_without_reference_dropped(no_gazetteer_extractor, text, town):
    assert (town, "Cluster") not in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, place", [
    ("Azorean Robotics opened a marine lab in Vila Franca do Campo in 2023.", "Vila Franca do Campo"),
    ("The company moved to Las Palmas de Gran Canaria last year.", "Las Palmas de Gran Canaria"),
    ("It opened a test site on Gran Canaria in May.", "Gran Canaria"),
    ("The start-up has a small team in Santa Cruz de Tenerife, near the port.", "Santa Cruz de Tenerife"),
])
def test_site_slot_places(no_gazetteer_extractor, text, place):
    assert (place, "Cluster") in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    # a firm after "in" with no site word, a firm with a head word, a person's possessive
    ("The fund invested in Karoo Compute last year.", "Karoo Compute"),
    ("She worked at a lab in Rui Costa Robotics before joining.", "Rui Costa Robotics"),
])
def test_site_slot_near_misses(no_gazetteer_extractor, text, name):
    assert (name, "Cluster") not in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, town", [
    ("Kuopio has become a centre for health data, with Savonia Data among its start-ups.", "Kuopio"),
    ("Joensuu now hosts three forestry-AI start-ups, including Pielinen Analytics.", "Joensuu"),
    ("Lahti remains one of Finland's busiest design hubs.", "Lahti"),
])
def test_town_opening_a_sentence_as_hub(no_gazetteer_extractor, text, town):
    assert (town, "Cluster") in kinds(no_gazetteer_extractor, text)


def test_town_opening_a_sentence_near_miss(no_gazetteer_extractor):
    text = "Kuopio has become expensive for students, said Kallio Health's founder."
    assert ("Kuopio", "Cluster") not in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, body", [
    ("The City and County of Honolulu funds Kapiolani Data through its innovation grants.", "City and County of Honolulu"),
    ("The City of Tampere backed Hervanta Robotics with a grant.", "City of Tampere"),
    ("Dr. Makoa Kauhane, Chief Data Officer, City and County of Honolulu", "City and County of Honolulu"),
    ("Keisha Monroe heads economic development for the County of Alameda.", "County of Alameda"),
])
def test_municipal_bodies(no_gazetteer_extractor, text, body):
    assert (body, "Agency") in kinds(no_gazetteer_extractor, text)


def test_lower_case_city_of_is_the_place(no_gazetteer_extractor):
    got = kinds(no_gazetteer_extractor, "Hervanta Robotics is based in the city of Tampere.")
    assert ("Tampere", "Cluster") in got and not any(t == "Agency" for _n, t in got)


def test_board_tail_cut_members_attach_to_organisation(no_gazetteer_extractor):
    text = "The Kessel Institute Board of Directors includes Maria Lund and Tomas Berg."
    assert ("Kessel Institute", "Institute") in kinds(no_gazetteer_extractor, text)
    assert ("AFFILIATED_WITH", "Maria Lund", "Kessel Institute") in relations(no_gazetteer_extractor, text)


def test_board_that_is_a_body_keeps_its_name(no_gazetteer_extractor):
    got = kinds(no_gazetteer_extractor, "The Ghana Cocoa Board and the Rwanda Development Board signed the accord.")
    assert ("Ghana Cocoa Board", "Agency") in got and ("Rwanda Development Board", "Agency") in got


@pytest.mark.parametrize("text", [
    "Dr. Ana Lim, Vice-President, Research and Innovation, Kessel University, opened the session.",
    "Research and Innovation is a priority for the region.",
])
def test_portfolio_is_no_name(no_gazetteer_extractor, text):
    assert not any(n == "Research and Innovation" for n, _t in kinds(no_gazetteer_extractor, text))


def test_portfolio_body_keeps_its_first_field(no_gazetteer_extractor):
    text = "Innovation, Science and Economic Development Canada funds Maple Quantum through a grant."
    assert ("Innovation, Science and Economic Development Canada", "Agency") in kinds(no_gazetteer_extractor, text)
    got = kinds(no_gazetteer_extractor, "UK Research and Innovation funds Kelpie Labs.")
    assert any(n == "UK Research and Innovation" for n, _t in got)


@pytest.mark.parametrize("text, place", [
    # a town with a place particle, before an organisation noun and a name, after "in", or cut at its particle
    ("COMIA's partners include the Angra do Heroísmo start-up Terceira Sensing.", "Angra do Heroísmo"),
    ("He is our second general partner, and he spends most weeks in Las Palmas de Gran Canaria.",
     "Las Palmas de Gran Canaria"),
    # a hyphenated town in brackets after a firm
    ("The fellowship presents its 2026 cohort: Lehua Data (Kailua-Kona), Waiʻanae Vision and Maui Grid Labs.",
     "Kailua-Kona"),
])
def test_particle_and_hyphen_towns(no_gazetteer_extractor, text, place):
    assert (place, "Cluster") in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    # a bank with a particle, a person with one: no place
    ("Its backers include the Banco do Nordeste and two angel groups.", "Banco do Nordeste"),
    ("Its backers include Maria da Silva and two angel groups.", "Maria da Silva"),
    ("She invested in Maria da Silva's start-up last year.", "Maria da Silva"),
])
def test_particle_names_that_are_no_towns(no_gazetteer_extractor, text, name):
    assert (name, "Cluster") not in kinds(no_gazetteer_extractor, text)
