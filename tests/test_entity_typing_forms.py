"""Entity typing by form (issue 14): named areas in place slots, towns after a site noun, a known town's inner
head word, "the <town> lab of X", funds that own funding lines. Invented names, gazetteer off; each form has
counter-examples that must keep their type."""

from __future__ import annotations

import pytest

from tests.helpers import facts_of, mention_kinds


def kinds(extractor, text: str) -> set[tuple[str, str]]:
    return mention_kinds(facts_of(extractor, text))


@pytest.mark.parametrize("text, name, typ", [
    # a named area in a place slot is a Cluster
    ("Velta Analytics is located in the Tarnobrzeg Technology Park, next to the ring road.", "Tarnobrzeg Technology Park", "Cluster"),
    ("Brasko Drones, an anchor tenant of the Kowary Software Park since 2019, employs 80 people.", "Kowary Software Park", "Cluster"),
    ("Our sales office in the Dębica Technology Park opened in 2024.", "Dębica Technology Park", "Cluster"),
    ("Two of its labs sit within the Olecko Innovation Park.", "Olecko Innovation Park", "Cluster"),
    # a named corridor or valley the text treats as a hub or a site
    ("Start-ups in the Narew Corridor include Łomża Robotics and Ostrołęka Data.", "Narew Corridor", "Cluster"),
    ("The Bóbr Valley is anchored by the Karkonosze University of Technology and the drone maker Sowie Avionics.",
     "Bóbr Valley", "Cluster"),
    # a known town whose inner word is a foreign programme head ("Fundo")
    ("Poço Fundo is home to a small dairy-analytics scene, and Serra Leite opened a Poço Fundo office in 2023.",
     "Poço Fundo", "Cluster"),
    # a site noun before "in" takes a town
    ("Research team in Šternberk: Hana Optics employs twelve engineers there.", "Šternberk", "Cluster"),
    ("Moravec Optics opened an assembly workshop in Florești last spring.", "Florești", "Cluster"),
    # "the <town> lab of X": the lab's town
    ("The Asunción lab of Guaraní Vision opened in 2022.", "Asunción", "Cluster"),
    # a fund that owns funding lines is a funding body
    ("Grants come from the Baltic Fund for Maritime Innovation under its Blue Seed window.",
     "Baltic Fund for Maritime Innovation", "Agency"),
    ("Kestrel Freight was a 2022 winner of the Moldovan Startup Fund's grant competition.", "Moldovan Startup Fund", "Agency"),
    # a producers' cooperative is a business its members own
    ("Its largest customer is the Bitterroot Electric Cooperative of Hamilton.", "Bitterroot Electric Cooperative", "Company"),
    ("It sells to cooperatives such as the Nong Bua Cassava Cooperative and two sugar mills.", "Nong Bua Cassava Cooperative", "Company"),
    ("The scheme is run with the farmer-owned Upper Volta Grain Cooperative.", "Upper Volta Grain Cooperative", "Company"),
    # a quarter, hub or park that hosts named firms; a corridor wherever it stands
    ("10:15 Lightning talks: start-ups from the Gdynia Software Quarter", "Gdynia Software Quarter", "Cluster"),
    ("Two start-ups, Tonle Robotics and Kep Data, now rent desks at the Kampot Innovation Hub.", "Kampot Innovation Hub", "Cluster"),
    ("The two universities opened a joint centre of the two organisations at the Bregenz Technology Park.",
     "Bregenz Technology Park", "Cluster"),
    ("The strip from Aswan to Luxor, which officials now call the Faiyum Agri-Tech Corridor, is anchored by two firms.",
     "Faiyum Agri-Tech Corridor", "Cluster"),
    # a French "Fonds" is a fund (a Programme) unless it is named for research or development
    ("Grants come from the Fonds Sahélien pour l'Innovation Numérique.", "Fonds Sahélien pour l'Innovation Numérique", "Programme"),
    # a last word glued to a firm ending, a long description before the name: a firm, not a person
    ("- Jana Novak, Morava Glassworks\n- Morava Glassworks, Zlín", "Morava Glassworks", "Company"),
    ("Its partners include the Ciudad Real farm-equipment maker Mancha Agrimach.", "Mancha Agrimach", "Company"),
    # a council is an agency
    ("The pilot is co-funded by the Kerry Port Laois Council and the Ethiopian Computer Council.", "Kerry Port Laois Council", "Agency"),
    ("The pilot is co-funded by the Kerry Port Laois Council and the Ethiopian Computer Council.", "Ethiopian Computer Council", "Agency"),
    # the town after a named area in a place slot
    ("Kafue Pumps, an anchor tenant of the Kitwe Road Technology Park in Chingola, employs 90 people.", "Chingola", "Cluster"),
])
def test_form_gives_type(no_gazetteer_extractor, text, name, typ):
    assert (name, typ) in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name, typ", [
    # a park that acts is still a body
    ("The Kowary Science Park runs a mentoring programme for early-stage companies.", "Kowary Science Park", "Institute"),
    ("The Kampot Innovation Hub runs a mentoring programme for early-stage companies.", "Kampot Innovation Hub", "Institute"),
    ("Kate Ridley met Thomas Wentworth and Ana Hayworth in Leeds.", "Thomas Wentworth", "Person"),
    ("Its members include the Kyushu Robot Industry Council and two banks.", "Kyushu Robot Industry Council", "Institute"),
    # a Romance fund opens with its head: no town
    ("The Fundo Estadual de Inovação Rural funds six farm cooperatives in Goiás.", "Fundo Estadual de Inovação Rural", "Programme"),
    # a seed fund owning a committee is an investing firm, and a fund with no line stays a programme
    ("The Kivu Seed Fund's investment committee met in Goma.", "Kivu Seed Fund", "Company"),
    ("The Tana Innovation Fund supports twenty start-ups a year.", "Tana Innovation Fund", "Programme"),
    # a cooperative of data or compute providers is no producers' business
    ("We are a founding member of the Prairie Data Cooperative, a non-profit consortium.", "Prairie Data Cooperative", "Institute"),
])
def test_counter_examples_keep_their_type(no_gazetteer_extractor, text, name, typ):
    assert (name, typ) in kinds(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, name", [
    ("According to the central bank, nearshoring investment in the Sula Valley rose 18 percent in 2025.", "Sula Valley"),
    ("The Velka Corridor Policy Lab is an independent think tank.", "Velka Corridor"),
    ("Acme Robotics has an investment team in Northwind Capital.", "Northwind Capital"),
    # an office's district is as often a neighbourhood as a town
    ("We spoke in the company's office in Quinta Velarde.", "Quinta Velarde"),
])
def test_no_place_without_a_place_form(no_gazetteer_extractor, text, name):
    assert (name, "Cluster") not in kinds(no_gazetteer_extractor, text)
