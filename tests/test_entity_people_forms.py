"""Entities and people's posts by form (issue 14): organisation names the NER reads as people, people cut at a hyphen
or left out of a pair, places that name no organisation, and people on masthead and directory-entry lines.

Every name is invented and the gazetteer is empty. Each form has positives and the near-misses that must stay as
they are. Modules: ``mentions/org_persons.py``, ``mentions/people_extents.py``, ``mentions/typing.py`` (two-word
nouns before a name), ``mentions/place_forms.py`` / ``world_places.py`` (plural site nouns), ``relation_lines.py``
(title labels in an entry), ``relation_people_masthead.py``.
"""

from __future__ import annotations

import pytest

from tests.helpers import facts_of, mention_kinds, relations_in


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


def kinds(extractor, text: str) -> set[tuple[str, str]]:
    return {(t, k) for t, k in mention_kinds(facts_of(extractor, text))}


def names(extractor, text: str) -> set[str]:
    return {t for t, _ in kinds(extractor, text)}


# ---------------------------------------------------------------------------------------------- org nouns before a name
@pytest.mark.parametrize("text, name, typ", [
    ("Its partners include the agricultural cooperative Tutun Prilep.", "Tutun Prilep", "Company"),
    ("The study was run with the dairy co-operative Hokonui Farmers and two schools.", "Hokonui Farmers", "Company"),
    ("Seed money came from the angel network Ángeles del Sur and a regional bank.", "Ángeles del Sur", "Company"),
    ("A memorandum with the Chilean network Red Agrodatos Norte was signed in May.", "Red Agrodatos Norte", "Institute"),
    ("The lab sells imagery to the trading house Dojima Shoji in Osaka.", "Dojima Shoji", "Company"),
    ("The regional chamber, Dhoma Tregtisë, is in talks to join.", "Dhoma Tregtisë", "Institute"),
    ("The cooperative, Tutun Prilep, said it would join the network.", "Tutun Prilep", "Company"),
    ("Customers include the dairy Mlékárna Jesenice and a regional bank.", "Mlékárna Jesenice", "Company"),
])
def test_an_organisation_noun_before_a_name_types_it(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


@pytest.mark.parametrize("text, name, typ", [
    ("Olive-oil exporters such as Vaj Malësia and Ulliri Veriut buy the graders.", "Vaj Malësia", "Company"),
    ("Dairy cooperatives like Mlékárna Štěpánov have signed up.", "Mlékárna Štěpánov", "Company"),
])
def test_an_example_list_after_a_plural_organisation_noun_holds_organisations(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


@pytest.mark.parametrize("text, person", [
    ("Investors such as Maria Rossi and Tomás Pereira joined the round.", "Maria Rossi"),  # a given name: a person
    ("The fund's investors include the diaspora investor Mirza Selimović.", "Mirza Selimović"),  # investor: a person
    ("Our venture partner, Mereana Solomon, also lectures at the polytechnic.", "Mereana Solomon"),  # no org noun
])
def test_people_in_those_slots_stay_people(bare, text, person):
    assert (person, "Person") in kinds(bare, text)


# ---------------------------------------------------------------------------------------------- people's names
@pytest.mark.parametrize("text, person", [
    ("The spin-out was founded in 2019 by Jana Pospíšilová and Ondřej Vlk, both engineers.", "Ondřej Vlk"),
    ("It was set up by two doctoral students, Astou Diallo and Pape Latyr Sène.", "Pape Latyr Sène"),
    ("Steering committee\n- Marc-André Pelletier, Gaspé Marine Data\n- Nadia Ouellet, Kamouraska Vision\n",
     "Marc-André Pelletier"),
    ("The board is chaired by Jean-Luc Bérubé, who also teaches at the university.", "Jean-Luc Bérubé"),
])
def test_people_cut_at_a_hyphen_or_left_out_of_a_pair(bare, text, person):
    assert (person, "Person") in kinds(bare, text)


@pytest.mark.parametrize("text, not_person", [
    ("The firm was founded by Jana Novak and Olomouc Robotics in 2019.", "Olomouc Robotics"),
    ("The firm was founded by Jana Novak and Brno Partners in 2019.", "Brno Partners"),
    ("Jana Novak and Brno signed the deal.", "Brno"),
])
def test_a_name_after_a_person_and_an_and_is_no_person_when_its_words_say_otherwise(bare, text, not_person):
    assert (not_person, "Person") not in kinds(bare, text)


# ---------------------------------------------------------------------------------------------- places
@pytest.mark.parametrize("text, place", [
    ("Niani Sensors is based in Kaolack. Unlike the Dakar research centres, the institute has no graduate school.",
     "Dakar"),
    ("Keur Data is based in Kaolack. It competes with the Thiès start-ups for engineers.", "Thiès"),
])
def test_a_town_before_a_plural_organisation_noun_names_no_organisation_there(bare, text, place):
    assert (place, "Cluster") not in kinds(bare, text)


@pytest.mark.parametrize("text, place", [
    ("Keur Data is based in Kaolack. The Thiès start-ups Sine Labs and Niayes Data are its rivals.", "Thiès"),
    ("Keur Data is based in Kaolack. The Thiès start-up Sine Labs is its rival.", "Thiès"),
])
def test_a_town_before_named_organisations_is_their_place(bare, text, place):
    assert (place, "Cluster") in kinds(bare, text)


def test_an_unknown_firm_opening_a_sentence_is_found_by_its_last_word(bare):
    assert ("Niani Sensors", "Company") in kinds(bare, "Niani Sensors is based in Kaolack.")
    assert ("Ruapuke Data", "Company") in kinds(bare, "Ruapuke Data builds tools for oyster farms.")
    assert not {n for n in names(bare, "Big Data matters to everyone. Computer Vision is hard.")} & {"Open Data"}


# ---------------------------------------------------------------------------------------------- people's posts
ENTRY = ("A guide to applied AI in Slavonia\n\nResearch\n\nDrava Institute of Robotics\n"
         "Osijek. A research institute of the University of Slavonia, set up in 2017. Director: Prof. Tomislav Bakić. "
         "The institute runs a joint lab with Kopački Sensing.\n")


def test_a_title_label_in_a_directory_entry_ties_the_person_to_the_entry(bare):
    rels = relations_in(bare, ENTRY)
    assert ("AFFILIATED_WITH", "Tomislav Bakić", "Drava Institute of Robotics") in rels
    assert ("AFFILIATED_WITH", "Tomislav Bakić", "University of Slavonia") not in rels


def test_a_founder_label_in_an_entry_gives_no_affiliation(bare):
    text = ENTRY.replace("Director: Prof. Tomislav Bakić.", "Founder: Tomislav Bakić.")
    assert not {r for r in relations_in(bare, text) if r[0] == "AFFILIATED_WITH"}


@pytest.mark.parametrize("text, person, org", [
    ("Applied AI in Istria: A Buyer's Guide 2026\nPublished by Pula Business Review. Editor: Ivana Kos\n\nIntro\n",
     "Ivana Kos", "Pula Business Review"),
    ("Field Guide 2026\nPublished by Moravian Technology Review, Olomouc | Editor: Lukáš Navrátil\n\nIntro\n",
     "Lukáš Navrátil", "Moravian Technology Review"),
])
def test_a_masthead_ties_its_editor_to_the_publisher(bare, text, person, org):
    assert ("AFFILIATED_WITH", person, org) in relations_in(bare, text)


@pytest.mark.parametrize("text", [
    "Field Guide 2026\nPublished by Moravian Technology Review | Former editor: Lukáš Navrátil\n\nIntro\n",
    "Field Guide 2026\nPublished by Moravian Technology Review | Founder: Lukáš Navrátil\n\nIntro\n",
    "Field Guide 2026\nThe guide is sold by Moravian Technology Review. Editor: Lukáš Navrátil\n\nIntro\n",
])
def test_no_masthead_tie_without_a_publisher_line_or_with_a_past_or_founder_label(bare, text):
    assert not {r for r in relations_in(bare, text) if r[0] == "AFFILIATED_WITH" and r[1] == "Lukáš Navrátil"
                and r[2] == "Moravian Technology Review"}


# ---------------------------------------------------------------------------------------------- name extents
@pytest.mark.parametrize("text, name", [
    ("- Orava Sensing Components s.r.o., Dolný Kubín", "Orava Sensing Components s.r.o."),  # the form keeps its stop (gold: "Morava Inspect s.r.o.")
    ("Kestrel Fjord Analytics, Inc. (\"Kestrel,\" the \"Company,\" \"we\" or \"our\") sells software.",
     "Kestrel Fjord Analytics, Inc."),
    ("Pacific Kelp Farms of Tasmania Ltd. accounted for 9% of revenue.", "Pacific Kelp Farms of Tasmania Ltd."),
    ("Quilotoa Datos Cía. Ltda. opened an office last year.", "Quilotoa Datos Cía. Ltda"),
    ("Wawel Optics sp. z o.o. builds cameras.", "Wawel Optics sp. z o.o."),
    ("The seed round drew the angel group Anjos do Litoral and a bank.", "Anjos do Litoral"),
    ("- Mont-Royal Numérique, a subsidiary of the sawmill group Scieries Lavoie", "Mont-Royal Numérique"),
])
def test_an_organisation_name_runs_to_its_legal_form_particle_or_hyphen(bare, text, name):
    assert (name, "Company") in kinds(bare, text)


@pytest.mark.parametrize("text, not_name", [
    ("It works with Google and Kestrel Ltd. on drones.", "Google and Kestrel Ltd."),  # a list is not one name
    ("The firm is known as Kestrel and hired Maria da Silva as its chief executive.", "Kestrel"),
    ("Jan z Krakowa founded the firm.", "Jan z"),  # "z" alone is no legal form
])
def test_no_name_across_a_list_or_from_a_lone_inner_legal_word(bare, text, not_name):
    assert (not_name, "Company") not in kinds(bare, text)


@pytest.mark.parametrize("text, name, typ", [
    ("The secretariat is hosted by the Regional Development Agency Trenčín. It meets monthly.",
     "Regional Development Agency Trenčín", "Agency"),
    ("Existing investor Codru Agro Holding also joined the round.", "Codru Agro Holding", "Company"),
    ("Its portfolio includes Prut Robotics, Nistru Sensors and Vinăria Moldovei.", "Vinăria Moldovei", "Company"),
])
def test_town_tails_hyphen_tails_head_words_and_org_lists(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


@pytest.mark.parametrize("text, person", [
    ("The firm was founded by Prut Robotics, Nistru Sensors and Jana Novak.", "Jana Novak"),  # a given name
    ("Speakers include Nistru Sensors and Vinăria Moldovei.", None),  # one organisation beside it: no list of orgs
])
def test_a_person_in_a_list_of_organisations_needs_two_organisation_siblings_and_no_given_name(bare, text, person):
    found = kinds(bare, text)
    if person is not None:
        assert (person, "Person") in found
    else:
        assert ("Vinăria Moldovei", "Company") not in found


def test_a_town_after_an_agency_that_modifies_the_next_noun_stays_apart(bare):
    found = kinds(bare, "The Development Agency Trenčín office opened in May.")
    assert ("Development Agency Trenčín", "Agency") not in found


def test_a_town_joined_by_a_particle_stays_a_town_and_a_demonym_before_an_org_noun_is_no_place(bare):
    found = kinds(bare, "Piraí Sensores is based in Jaraguá do Sul. It works with the Guatemalan investor network "
                        "Volcán Angels.")
    assert ("Jaraguá do Sul", "Company") not in found
    assert ("Guatemalan", "Cluster") not in found


def test_an_editor_label_naming_its_own_organisation_ties_the_editor_to_that_one(bare):
    text = ("Querétaro AI Directory 2026\n\nRegional Investment Office\n"
            "Research and directory compiled by Analítica Bajío, S.C. Editor: Mariana Ruiz, Analítica Bajío.\n")
    rels = relations_in(bare, text)
    assert not {r for r in rels if r[0] == "AFFILIATED_WITH" and r[1] == "Mariana Ruiz" and r[2] != "Analítica Bajío"}


@pytest.mark.parametrize("text, name, typ", [
    ("Its partners include Drava Institute of Computing and the Zagreb translation agency Lingua Croatica.",
     "Drava Institute of Computing", "Institute"),
    ("Its partners include Drava Institute of Computing and the Zagreb translation agency Lingua Croatica.",
     "Lingua Croatica", "Company"),
    ("Funding came from the state agency Enterprise Slavonia.", "Enterprise Slavonia", "Agency"),
    ("Mura Capital is backed by the Danube Growth Facility and by two families.", "Danube Growth Facility", "Programme"),
    ("Steering committee\n- Nadia Ouellet, Matane Vision\n- Prof. Julien Bérubé, Université du Littoral\n",
     "Matane Vision", "Company"),
])
def test_two_names_across_and_the_and_head_words_of_programmes_and_firms(bare, text, name, typ):
    assert (name, typ) in kinds(bare, text)


@pytest.mark.parametrize("text, place", [
    ("Remarkables Angels led the round, with participation from Queenstown angel group Arrow Angels.", "Queenstown"),
    ("The fund has met the Te Anau tourism group Milford Trails twice this year.", "Te Anau"),
])
def test_a_town_before_an_org_noun_and_a_name_is_a_place_after_a_preposition_or_article(bare, text, place):
    assert (place, "Cluster") in kinds(bare, text)


def test_a_title_label_keeps_the_entry_when_the_org_sits_inside_a_clause(bare):
    text = ("A guide to applied AI\n\nResearch\n\nDrava Remote Sensing Centre\n"
            "Osijek. A division of the Slavonian Agency for Rural Areas. Acting head: Dr. Lana Vuković, who also "
            "lectures at the Drava Institute of Robotics. Drava Remote Sensing Centre maps floods.\n")
    assert ("AFFILIATED_WITH", "Lana Vuković", "Drava Remote Sensing Centre") in relations_in(bare, text)


def test_a_name_cut_after_an_inner_particle_takes_the_elided_word():
    """The NER sometimes stops "Caisse d'épargne de | l'Outaouais" at the particle; the stage mends the span."""
    import spacy

    from aikg.ingest.nlp.mentions.base import Candidate
    from aikg.ingest.nlp.mentions.name_joins import _close_particle

    doc = spacy.blank("en")("The Caisse d'épargne de l'Outaouais co-finances it, as does Banco de Ahorro de la Sierra.")
    cut = Candidate(1, 4, "Company", "ner", label="ORG")
    _close_particle(doc, cut, [cut])
    assert doc[cut.start:cut.end].text == "Caisse d'épargne de l'Outaouais"
    plain = Candidate(11, 14, "Company", "ner", label="ORG")  # "Banco de Ahorro": no particle at the end
    _close_particle(doc, plain, [plain])
    assert (plain.start, plain.end) == (11, 14)
