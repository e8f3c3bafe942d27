"""Honorifics written with a point in other languages ("Dra.", "Profa.", "Ing.", "Lic.") end no sentence and name no
organisation: the English pipeline knows only "Dr.", "Mr." and the like, so "Dra. Mónica Alvarado" used to split the
sentence at "Dra." and give an organisation "Dra"."""

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in, relations_in

AFF = "AFFILIATED_WITH"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("text, person", [
    ("Orrin Labs's director, Dra. Mónica Alvarado Rugel, said her students label images.", "Mónica Alvarado Rugel"),
    ("The lab at Orrin Labs is led by Profa. Ana Beatriz Ruiz, who joined in 2022.", "Ana Beatriz Ruiz"),
    ("Ing. Pedro Gil Ortega, chief engineer at Orrin Labs, presented the results.", "Pedro Gil Ortega"),
    ("Lic. Sofía Paredes, head of finance at Orrin Labs, signed the agreement.", "Sofía Paredes"),
    ("Orrin Labs named Engr. Ramon Dizon its chief technology officer.", "Ramon Dizon"),
])
def test_a_person_after_a_pointed_honorific_keeps_the_tie_of_the_sentence(ex, text, person):
    assert (AFF, person, "Orrin Labs") in relations_in(ex, text)
    kinds = kinds_in(ex, text)
    assert (person, "Person") in kinds
    assert not any(name.rstrip(".") in {"Dra", "Profa", "Ing", "Lic", "Engr"} for name, _ in kinds)


def test_a_sentence_still_ends_at_an_ordinary_point(ex):
    doc = next(ex._pipes.ents(["Orrin Labs was founded by Ana Ruiz. Pedro Gil joined Kestrel Analytics later."]))
    assert [s.text for s in doc.sents] == ["Orrin Labs was founded by Ana Ruiz.",
                                           "Pedro Gil joined Kestrel Analytics later."]
    doc = next(ex._pipes.ents(["The prize went to Orrin Labs. Dra. Mónica Ruiz accepted it."]))
    assert [s.text for s in doc.sents] == ["The prize went to Orrin Labs.", "Dra. Mónica Ruiz accepted it."]
