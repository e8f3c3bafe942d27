"""Descriptions with modifiers (ingest/nlp/coref_modified.py): "the Lecco-based manufacturer", "the 40-person
start-up", "the state-backed fund", "the new AI centre", "the Oxford University spin-out" stand for the organisation
named in the sentence before, and the relation of their sentence reaches it. Near-misses: an unnamed body the text
just introduced ("a new lab ... The new lab"), two names of the kind, a partner/first/largest/local body, a name
after the noun, a noun that modifies another, a quotation, the owner's own body ("the Acme fund"). Invented names,
the real spaCy pipeline."""

from __future__ import annotations

import pytest

from tests.helpers import refers, relations_in

POSITIVE = [
    ("Veltrano Robotics makes welding cells for car plants. The Lecco-based manufacturer is a member of the Lombardy "
     "Robotics Cluster.", ("MEMBER_OF", "Veltrano Robotics", "Lombardy Robotics Cluster")),
    ("Kestrel Analytics raised $3 million this spring. The 40-person start-up is backed by Norrland Ventures.",
     ("FUNDS", "Norrland Ventures", "Kestrel Analytics")),
    ("The University of Varnholt opened the Tessel Centre for Machine Learning in March. The new AI centre is funded "
     "by the Brightwater Foundation.", ("FUNDS", "Brightwater Foundation", "Tessel Centre for Machine Learning")),
    ("Halvorsen Health is a Bergen company. The young firm is a member of the Nordic Health AI Alliance.",
     ("MEMBER_OF", "Halvorsen Health", "Nordic Health AI Alliance")),
    ("Pellworm Capital is a seed investor. The Hamburg-based investor led a round in Seegras AI.",
     ("FUNDS", "Pellworm Capital", "Seegras AI")),
    ("Norra Vision was founded in Umeå in 2020. Founded by two engineers, the Umeå-based developer is backed by "
     "Fjord Capital.", ("FUNDS", "Fjord Capital", "Norra Vision")),
    ("Lumen Grid sells energy software. The Oxford University spin-out joined the Thames Valley AI Cluster in 2023.",
     ("MEMBER_OF", "Lumen Grid", "Thames Valley AI Cluster")),
]


@pytest.mark.parametrize(("text", "rel"), POSITIVE)
def test_modified_description_reaches_the_name_before(no_gazetteer_extractor, text, rel):
    assert rel in relations_in(no_gazetteer_extractor, text)


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Aurum Seed Fund was set up in 2021 by the Province of Trento. The state-backed fund has invested in Quillon "
     "Systems.", "fund has", "Aurum Seed Fund"),
    ("Velha Systems sells sensors to farms in Évora. The fast-growing AI company now employs 30 people.", "company now",
     "Velha Systems"),
])
def test_modified_description_is_linked(no_gazetteer_extractor, text, word, name):
    assert refers(no_gazetteer_extractor, text, word) == name


@pytest.mark.parametrize(("text", "word"), [
    ("Acme Robotics opened a new lab in Turin. The new lab is part of the Piedmont AI Hub.", "lab is"),
    ("Brisa Labs and Onda Systems both build chatbots. The young firm is a member of the Atlantic AI Network.",
     "firm is"),
    ("Corvo Data works with the University of Lund. The partner university is a member of the Nordic AI Network.",
     "university is"),
    ("Kestrel Analytics builds crop models in Leeds. The first start-up to join the Yorkshire AI Network was Moor "
     "Data.", "start-up to"),
    ("Kestrel Analytics builds crop models in Leeds. The largest company in the Yorkshire AI Network is Moor Data.",
     "company in"),
    ("Kestrel Analytics builds crop models. The Leeds-based developer Moor Data is a member of the Yorkshire AI "
     "Network.", "developer Moor"),
    ("Selvatica AI makes crop models. The AI start-up scene in Lyon is small.", "start-up scene"),
    ("Tessaly Labs is a Volos company. \"The young firm is growing fast,\" said Anna Pappas of Aegean Ventures.",
     "firm is"),
    ("Bandari Flow forecasts ship arrivals. It closed a round led by Savannah Frontier Capital, the Nairobi-based "
     "venture firm.", "firm."),
    ("Kaldera Systems builds drones. The Siemens research lab in Munich is its main customer.", "lab in"),
])
def test_modified_description_near_misses_stay_open(no_gazetteer_extractor, text, word):
    assert refers(no_gazetteer_extractor, text, word) is None


def test_partner_university_gives_no_member_edge(no_gazetteer_extractor):
    text = "Corvo Data works with the University of Lund. The partner university is a member of the Nordic AI Network."
    rels = relations_in(no_gazetteer_extractor, text)
    assert not any(r[0] == "MEMBER_OF" and r[1] == "Corvo Data" for r in rels)


def test_off_switch(no_gazetteer_extractor, monkeypatch):
    monkeypatch.setenv("AIKG_COREF_MODIFIED", "off")
    text = "Halvorsen Health is a Bergen company. The young firm is a member of the Nordic Health AI Alliance."
    assert refers(no_gazetteer_extractor, text, "firm is") is None


# ---------------------------------------------------------------- demonyms, more agent nouns, "the latter"/"the former"

@pytest.mark.parametrize(("text", "rel"), [
    ("Jengo Pay raised $2 million this year. The Kenyan fintech is backed by Savanna Ventures.",
     ("FUNDS", "Savanna Ventures", "Jengo Pay")),
    ("Kvist Data builds language models. The Danish firm joined the Nordic AI Alliance in 2024.",
     ("MEMBER_OF", "Kvist Data", "Nordic AI Alliance")),
    ("The Tamsin Institute and Orla Robotics signed a research agreement in May. The latter is a member of the Clyde "
     "AI Cluster.", ("MEMBER_OF", "Orla Robotics", "Clyde AI Cluster")),
    ("The Tamsin Institute and Orla Robotics signed a research agreement in May. The former is funded by the Lothian "
     "Trust.", ("FUNDS", "Lothian Trust", "Tamsin Institute")),
])
def test_demonym_and_pair_references(no_gazetteer_extractor, text, rel):
    assert rel in relations_in(no_gazetteer_extractor, text)


@pytest.mark.parametrize(("text", "word"), [
    ("Orla Robotics hired Ewan Reid from Kelpie Systems. The former chief executive of the Tamsin Institute joined "
     "in 2023.", "former chief"),
    ("Orla Robotics works with Kelpie Systems, Brora Labs and the Tamsin Institute. The latter is funded by the "
     "Lothian Trust.", "latter is"),
    ("Ewan Reid joined Orla Robotics in 2021. The latter is a member of the Clyde AI Cluster.", "latter is"),
    ("Jengo Pay competes with other lenders. The Kenyan fintech M-Kopa Labs is its largest rival.", "fintech M-Kopa"),
])
def test_pair_and_demonym_near_misses(no_gazetteer_extractor, text, word):
    assert refers(no_gazetteer_extractor, text, word) is None


# ---------------------------------------------------------------- the topic over a sentence with no named subject
# (coreference.Resolver._pick: "X closed a round. The round was led by A, with B. The company ...": X)

@pytest.mark.parametrize(("text", "word", "name"), [
    ("Tarvo Systems closed a $2 million seed round in May. The round was led by Pellin Capital, with participation "
     "from Kuusi Angels. The company also received a grant from the Lapland Innovation Agency.", "company also",
     "Tarvo Systems"),
    ("Ondina Labs signed a supply deal in March. The deal was brokered by Marisco Partners and Brava Ventures. The "
     "company is now a member of the Azores AI Network.", "company is", "Ondina Labs"),
])
def test_topic_survives_a_thing_opened_sentence(no_gazetteer_extractor, text, word, name):
    assert refers(no_gazetteer_extractor, text, word) == name


@pytest.mark.parametrize(("text", "word", "name"), [
    # the sentence before names its own subject: that one, not the topic two sentences back
    ("Tarvo Systems closed a seed round in May. Pellin Capital led the round with Kuusi Angels. The company manages "
     "a €40 million fund.", "company manages", "Tarvo Systems"),
])
def test_topic_rule_does_not_override_a_named_subject(no_gazetteer_extractor, text, word, name):
    assert refers(no_gazetteer_extractor, text, word) != name
