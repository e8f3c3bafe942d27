"""Official names whose last part joins two places ("… de Arica y Parinacota"): one name, not a name and a
"y Parinacota" person (issue 14, entity ends; ``mentions/merge.py``). Invented sentences in published forms."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("text, name", [
    ("The Servicio Regional de Innovación de Arica y Parinacota (SERIAP) runs the programme with Hidrodatos S.A.C.",
     "Servicio Regional de Innovación de Arica y Parinacota"),
    ("Partners include the Servicio Regional de Empleo de Arica y Parinacota (SERE).",
     "Servicio Regional de Empleo de Arica y Parinacota"),
    ("The Servicio Regional de Innovación de Arica y Parinacota is the lead agency.",
     "Servicio Regional de Innovación de Arica y Parinacota"),
])
def test_a_name_ending_in_two_joined_places_is_one_name(ex, text, name):
    found = kinds_in(ex, text)
    names = {n for n, _ in found}
    assert name in names
    assert not any(n.startswith(("y ", "e ")) for n in names), found


def test_the_joined_name_keeps_its_relation(ex):
    got = relations_in(ex, "Hidrodatos SpA has a research partnership with the Servicio Regional de Innovación de "
                           "Arica y Parinacota.")
    assert ("PARTNERS_WITH", "Hidrodatos SpA", "Servicio Regional de Innovación de Arica y Parinacota") in got


@pytest.mark.parametrize("text, first, second", [
    ("The Fondo de Innovación de Arica y la Agencia Nacional back the lab.", "Fondo de Innovación de Arica",
     "Agencia Nacional"),
    ("Grants from the Agencia Regional de Arica and Vinea Robotics paid for the sensors.", "Agencia Regional de Arica",
     "Vinea Robotics"),
])
def test_two_bodies_joined_by_a_conjunction_stay_two(ex, text, first, second):
    names = {n for n, _ in kinds_in(ex, text)}
    assert first in names and second in names
