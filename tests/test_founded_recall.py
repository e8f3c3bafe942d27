"""FOUNDED recall on published forms (issue 14): founders listed after "by" with descriptors, "it was founded by"
after a semicolon or in the next sentence, and a count before the names; with the near-misses that give nothing.
Sentences are invented for these tests (names, order and genre differ from the dev documents)."""

from __future__ import annotations

import pytest

from tests.helpers import relations_in


def founded(extractor, text: str) -> set[tuple[str, str]]:
    return {(s, t) for r, s, t in relations_in(extractor, text) if r == "FOUNDED"}


@pytest.mark.parametrize("text, want", [
    ("Corvana Analytics, founded in 2020 by the data engineer Ilse Marchetti and the economist Tobias Wendt, "
     "sells forecasts to grain traders.",
     {("Ilse Marchetti", "Corvana Analytics"), ("Tobias Wendt", "Corvana Analytics")}),
    ("The Lusavor Robotics Alliance is a registered association. It was established in 2019 by the Dilvar "
     "Institute of Technology (DIT), the drone maker Kessan Aero and the Lusavor Port Authority.",
     {("Dilvar Institute of Technology", "Lusavor Robotics Alliance"), ("Kessan Aero", "Lusavor Robotics Alliance"),
      ("Lusavor Port Authority", "Lusavor Robotics Alliance")}),
    ("Pellmark Vision inspects welds with cameras; it was founded in 2023 by NTU researchers Arvid Kallström "
     "and Neha Raman.",
     {("Arvid Kallström", "Pellmark Vision"), ("Neha Raman", "Pellmark Vision")}),
    ("Thornbury Labs opened its first office in 2022. It was founded by the roboticists Carmen Oyelaran and "
     "Dmitri Vasko.",
     {("Carmen Oyelaran", "Thornbury Labs"), ("Dmitri Vasko", "Thornbury Labs")}),
    ("Quillon Soil Data, a spin-off of the Marrowby Agricultural College, was founded by three of Professor "
     "Ruth Adebayo's former students, Kwame Asante and Lina Haddad.",
     {("Kwame Asante", "Quillon Soil Data"), ("Lina Haddad", "Quillon Soil Data")}),
])
def test_listed_founders_share_the_founding(no_gazetteer_extractor, text, want):
    got = founded(no_gazetteer_extractor, text)
    assert want <= got, got


@pytest.mark.parametrize("text, absent", [
    # a verb after "and" ends the list: a funder is no founder
    ("Brisvane Robotics was founded in 2019 by Amira Tolle and funded by Oskarsund Ventures.",
     ("Oskarsund Ventures", "Brisvane Robotics")),
    # a relative clause after the founder: what she advises is not a co-founder
    ("Brisvane Robotics was founded in 2019 by Amira Tolle, who now advises Henrik Dahlgren and Palisade Labs.",
     ("Henrik Dahlgren", "Brisvane Robotics")),
    # an organisation after a person list is not a founder ("with support from")
    ("Brisvane Robotics was founded in 2019 by Amira Tolle and Jonas Reiter with support from Oskarsund Ventures.",
     ("Oskarsund Ventures", "Brisvane Robotics")),
    # "it" whose sentence names the company only after another organisation
    ("The grant went to Harlow Digital and Ostwick Sensors; it was founded by Petra Lindqvist.",
     ("Petra Lindqvist", "Ostwick Sensors")),
])
def test_list_ends_where_founding_ends(no_gazetteer_extractor, text, absent):
    assert absent not in founded(no_gazetteer_extractor, text)


def test_no_founder_no_founding(no_gazetteer_extractor):
    """"founded in 2019" with no founder and "founded on the principle" give nothing."""
    text = ("Varsen Labs was founded in 2019 in Tallinn. It was founded on the principle that models should be "
            "open, and it was established in the city's old port by agreement.")
    assert founded(no_gazetteer_extractor, text) == set()


def test_founder_only_title_on_a_name_line(no_gazetteer_extractor):
    """"Name, co-founder, Org" on a speaker line gives FOUNDED alone (a founder who is only called one); a real
    role title still gives the affiliation too."""
    text = ("Panel speakers:\n- Oren Baladi, co-founder, Nekhel Robotics\n- Saskia Vroom, founder, Meerpaal Data\n"
            "- Ines Dufay, head of research, Rochecourt Labs\n")
    rels = relations_in(no_gazetteer_extractor, text)
    assert ("FOUNDED", "Oren Baladi", "Nekhel Robotics") in rels
    assert ("FOUNDED", "Saskia Vroom", "Meerpaal Data") in rels
    assert ("AFFILIATED_WITH", "Oren Baladi", "Nekhel Robotics") not in rels
    assert ("AFFILIATED_WITH", "Ines Dufay", "Rochecourt Labs") in rels
    assert ("FOUNDED", "Ines Dufay", "Rochecourt Labs") not in rels


@pytest.mark.parametrize("text, want", [
    ("Backers include the angel Tomas Lindgren, co-founder of the Gothenburg logistics start-up Fraktly.",
     ("Tomas Lindgren", "Fraktly")),
    ("The jury is chaired by Hana Kovac, founder of the medical imaging company Radiolux.",
     ("Hana Kovac", "Radiolux")),
])
def test_founder_of_a_described_firm(no_gazetteer_extractor, text, want):
    assert want in founded(no_gazetteer_extractor, text)


def test_founder_of_a_described_thing_that_is_no_firm(no_gazetteer_extractor):
    """"founder of the annual Brightwater Summit" names an event, not a firm: no org noun, nothing."""
    text = "The keynote is by Marta Quell, founder of the annual Brightwater Summit series."
    assert ("Marta Quell", "Brightwater Summit") not in founded(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, want", [
    ("The voucher went to Harrowgate Metrics, a spin-out of the University of Caldermoor, and to two other firms.",
     ("University of Caldermoor", "Harrowgate Metrics")),
    ("Our suppliers include Velden Optics, a university spin-off of Ostrava Technical University, which makes lenses.",
     ("Ostrava Technical University", "Velden Optics")),
])
def test_apposed_spin_out(no_gazetteer_extractor, text, want):
    assert want in founded(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, absent", [
    # the spin-out came from a part of the organisation: not said of the organisation by this rule
    ("Brenner Vision, a spin-off of Kellwick University's robotics lab, sells cameras.",
     ("Kellwick University", "Brenner Vision")),
    # "a spin-off of X and Y" is left to the sentence rules; the second name is no spin-out here either
    ("The fund backs Ortolan Labs and Pinecrest Analytics, a partner of Stavberg Institute.",
     ("Stavberg Institute", "Pinecrest Analytics")),
])
def test_apposed_spin_out_near_misses(no_gazetteer_extractor, text, absent):
    assert absent not in founded(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text, want", [
    ("Harnwell Analytics is the brainchild of Priya Natarajan, a former physicist.",
     {("Priya Natarajan", "Harnwell Analytics")}),
    ("The brainchild of Priya Natarajan, Harnwell Analytics now employs forty people.",
     {("Priya Natarajan", "Harnwell Analytics")}),
    ("Vesterby Energy Labs, the brainchild of the engineers Mads Holm and Sofie Krag, now serves three utilities.",
     {("Mads Holm", "Vesterby Energy Labs"), ("Sofie Krag", "Vesterby Energy Labs")}),
    ("The Kappa Seed Fund was the brainchild of the Tromsø Chamber of Commerce.",
     {("Tromsø Chamber of Commerce", "Kappa Seed Fund")}),
])
def test_brainchild(no_gazetteer_extractor, text, want):
    assert want <= founded(no_gazetteer_extractor, text)


def test_brainchild_of_an_idea_is_no_founding(no_gazetteer_extractor):
    """The brainchild is an idea, and the organisation comes after a relative clause: nothing."""
    text = "The idea was the brainchild of Priya Natarajan, who later joined Harnwell Analytics."
    assert founded(no_gazetteer_extractor, text) == set()


def test_a_comma_without_and_is_no_list(no_gazetteer_extractor):
    """"created by X, the Ministry of Y said": a reporting clause after a comma is no second founder."""
    text = ("The Tarnow Robotics Fund was created by the Tarnow Regional Development Agency, the Polish Ministry of "
            "Digital Affairs said on Monday.")
    got = founded(no_gazetteer_extractor, text)
    assert ("Polish Ministry of Digital Affairs", "Tarnow Robotics Fund") not in got
    assert ("Ministry of Digital Affairs", "Tarnow Robotics Fund") not in got


@pytest.mark.parametrize("text, want", [
    ("Orrin Soil Labs maps peat bogs from drones. Its co-founders, Maeve Quinlan and Tadhg Ferris, met at a hackathon.",
     {("Maeve Quinlan", "Orrin Soil Labs"), ("Tadhg Ferris", "Orrin Soil Labs")}),
    ("Orrin Soil Labs maps peat bogs from drones; its founder is Maeve Quinlan.",
     {("Maeve Quinlan", "Orrin Soil Labs")}),
])
def test_its_founders(no_gazetteer_extractor, text, want):
    assert want <= founded(no_gazetteer_extractor, text)


def test_its_founders_with_no_organisation_before(no_gazetteer_extractor):
    """"Its" after a sentence that opens with no organisation: nothing from this form."""
    text = "Analysts praised the plan. Its founders, Maeve Quinlan and Tadhg Ferris, met at a hackathon."
    assert founded(no_gazetteer_extractor, text) == set()
