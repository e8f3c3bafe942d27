"""Short forms of an organisation the text has named in full (issue 14; ``mentions/short_forms.py``,
``mentions/name_joins.py``): every name is invented and the gazetteer is empty.

Forms: the first word of a firm's name alone later ("Kendala" after "Kendala Robotics"), also where the NER reads
it as a place or as a people's name (NORP); the name without its legal form ("Khan Cloud" of "Khan Cloud LLC") or
its generic head ("Northern Grain" of "Northern Grain Cooperative"); a one-word possessor inside a name ("King's
College London"). Near-misses: a town that opens an institute's name and that the text puts "in", a demonym, a
known town left of a multi-word name, a possessor the text names on its own.
"""

from __future__ import annotations

import pytest

from tests.helpers import facts_of, relations_in


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


def canon(extractor, text: str, word: str, nth: int = -1) -> tuple[str, str] | None:
    """(type, canonical) of the mention that is exactly the ``nth`` occurrence of ``word`` (None: no mention)."""
    starts = [i for i in range(len(text)) if text.startswith(word, i)]
    at = starts[nth]
    for m in facts_of(extractor, text).mentions:
        if m.start == at and m.end == at + len(word):
            return m.type, m.canonical
    return None


@pytest.mark.parametrize("text, word, full", [
    ("Kendala Robotics signed a partnership with Selam Agritech PLC. Kendala will supply the drones.",
     "Kendala", "Kendala Robotics"),
    ("Kendala Robotics signed a partnership with Selam Agritech PLC. Kendala will supply drones, and Selam will "
     "fund the pilot.", "Selam", "Selam Agritech PLC"),
    ("Jelbas Analytics LLP is headquartered in Leeds. Jelbas was founded by Priya Ramaswamy in 2019.",
     "Jelbas", "Jelbas Analytics LLP"),
    ("The programme is operated by Merlion Compute Services, a subsidiary of Kranji Telecom. Merlion runs the "
     "machines and the help desk.", "Merlion", "Merlion Compute Services"),
    ("Nandi works with Sahyadri Telecom on transcription.\n\nThere were reports that Sahyadri wanted to acquire "
     "Nandi.", "Sahyadri", "Sahyadri Telecom"),
    ("Ortalyq Systems opened a lab in Karaganda. The lab is small, and Ortalyq employs 40 people there.",
     "Ortalyq", "Ortalyq Systems"),
])
def test_a_first_word_alone_is_the_firm(bare, text, word, full):
    assert canon(bare, text, word) == ("Company", full)


@pytest.mark.parametrize("text, word, full", [
    ("Cold storage comes from Khan Cloud LLC. The National University of Mongolia receives in-kind capacity from "
     "Khan Cloud.", "Khan Cloud", "Khan Cloud LLC"),
    ("The Northern Grain Cooperative is a member of the Savanna Farmers Network. Northern Grain is based in "
     "Savelugu.", "Northern Grain", "Northern Grain Cooperative"),
    ("Pannala Agritech (Pvt) Ltd sells drones. The Nattandiya cooperative buys its drones from Pannala Agritech.",
     "Pannala Agritech", "Pannala Agritech (Pvt) Ltd"),
])
def test_a_name_without_its_legal_form_or_head_is_the_body(bare, text, word, full):
    got = canon(bare, text, word)
    assert got is not None and got[1].rstrip(".") == full.rstrip(".")


def test_short_forms_carry_relations(bare):
    rels = relations_in(bare, "Kendala Robotics, a start-up from Nairobi, signed a deal with Esil Ventures. "
                              "Kendala is a member of the Central Mining Tech Alliance.")
    assert ("MEMBER_OF", "Kendala Robotics", "Central Mining Tech Alliance") in rels
    rels = relations_in(bare, "Northern Grain Cooperative has 3,400 member farms. Northern Grain is based in "
                              "Savelugu.")
    assert ("LOCATED_IN", "Northern Grain Cooperative", "Savelugu") in rels


@pytest.mark.parametrize("text, word", [
    # a town that opens an institute's name stays the town
    ("Karaganda Technical University opened a lab with Ortalyq Systems. The lab is in Karaganda, near the mines.",
     "Karaganda"),
    # the text puts the word "in": a place, wherever else the NER reads it so
    ("Selam Agritech PLC opened an office in Selam last year. Selam is a market town of 20,000 people.", "Selam"),
    # "Boston" opens a longer name the text also uses with "in": the city
    ("Boston Robotics opened a lab in Boston. Boston is home to many universities.", "Boston"),
])
def test_a_place_stays_a_place(bare, text, word):
    got = canon(bare, text, word)
    assert got is None or got[0] == "Cluster"


def test_a_demonym_is_no_short_form(bare):
    text = "Ethiopian Speech Labs builds tools. Ethiopian engineers run the lab."
    assert canon(bare, text, "Ethiopian") is None


@pytest.mark.parametrize("text, name", [
    ("Researchers at King's College London partnered with Land's End Robotics on marine drones.",
     "King's College London"),
    ("Researchers at King's College London partnered with Land's End Robotics on marine drones.",
     "Land's End Robotics"),
])
def test_a_one_word_possessor_inside_a_name_stays_in_it(bare, text, name):
    got = canon(bare, text, name)
    assert got is not None and got[1] == name


def test_a_possessor_named_on_its_own_is_split_off(bare):
    text = "Toronto's Vector Institute works with Kumayri Optics. Kumayri's Vision Lab is in Gyumri."
    assert ("PART_OF", "Vision Lab", "Kumayri Optics") in relations_in(bare, text)
    assert canon(bare, text, "Toronto") == ("Cluster", "Toronto")


@pytest.mark.parametrize("text, word", [
    # a known town "from" which a firm comes, or after a firm's name and a comma in a roster line
    ("Members include Semey Vet AI, a livestock-health start-up from Semey, and Tilmash Labs.", "Semey"),
    ("Members:\n- Temirtau Metallurgical Holding, Temirtau (founding member)\n- Nura Institute, Karaganda", "Temirtau"),
])
def test_a_town_a_firm_is_named_after_stays_the_town(bare, text, word):
    got = canon(bare, text, word)
    assert got is None or got[0] == "Cluster"
