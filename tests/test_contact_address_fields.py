"""An office or a street in a contact, signature or address line names no entity (issue 14, entity precision;
``ingest/nlp/mentions/contact_address_fields.py``). Forms learned from closing lines of press releases, consortium and
government programme pages. Invented names, empty gazetteer; near-misses: a ministry named with a unit word, the body
and the town of the same line, a unit word in prose.
"""

from __future__ import annotations

import pytest

from tests.helpers import names_in


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


def text_of(line: str) -> str:
    return "Orsa Labs and Halvik University signed the agreement on Monday.\n\n" + line + "\n"


@pytest.mark.parametrize("line, gone", [
    ("Segreteria ORVA, Camera di Commercio di Valdena, Largo Tessari, Valdena", "Segreteria ORVA"),
    ("Segreteria ORVA, Camera di Commercio di Valdena, Largo Tessari, Valdena", "Largo Tessari"),
    ("Press office: Ufficio Stampa HVU, stampa@hvu.example", "Ufficio Stampa HVU"),
    ("Ufficio Stampa, Orsa Labs", "Ufficio Stampa"),
    ("Contact: Secretaría CCVR, Faculty of Natural Resources, Halvik University, Tarvena.", "Secretaría CCVR"),
    ("Marta Pineda Ruiz, Dirección de Programas, COTAVEN", "Dirección de Programas"),
    ("Oficina de Comunicación Social, SIDEV — Laura Gómez", "Oficina de Comunicación Social"),
    ("Ravi Kulkarni, Deputy Director, Halvik State Innovation Agency, Tarvena Regional Office", "Tarvena Regional Office"),
    ("Jean-Paul Kouamé, Communications, Orsa Labs SA, Quartier Commerce, Bouaflé", "Quartier Commerce"),
    ("Headquarters: Velmora Avenue, Tarvena", "Velmora Avenue"),
])
def test_office_or_street_field_is_no_entity(bare, line, gone):
    assert gone not in names_in(bare, text_of(line))


@pytest.mark.parametrize("line, kept", [
    ("Segreteria ORVA, Camera di Commercio di Valdena, Largo Tessari, Valdena", "Camera di Commercio di Valdena"),
    ("Issued by the Secretaría de Innovación de Tarvena, Calle Mayor 4, Tarvena", "Secretaría de Innovación de Tarvena"),
    ("Marta Pineda Ruiz, Dirección de Programas, COTAVEN", "Marta Pineda Ruiz"),
    ("Jean-Paul Kouamé, Communications, Orsa Labs SA, Quartier Commerce, Bouaflé", "Orsa Labs SA"),
])
def test_body_and_person_of_the_line_stay(bare, line, kept):
    assert kept in names_in(bare, text_of(line))


def test_unit_word_in_prose_is_not_a_field(bare):
    text = "The Secretaría CCVR said the Velmora Avenue office of Orsa Labs would close in June."
    assert "Orsa Labs" in names_in(bare, text)
