"""AFFILIATED_WITH in published forms of people's posts, and ties the words around a person take back (issue 14).

Forms: a copula or seat verb before a body ("A is on the board of X", "A sits on X's scientific committee"); a verb
of a post with what is led before "at" ("A oversees research at X", "A lectures at X"); an apposition before the
verb ("A, an alumna of U, runs X"); a speaker line with an academic unit ("A, Graduate School of X, Y University":
the school and the university). Near-misses: a person described as an investor next to a list of organisations
("with participation from X and the diaspora investor A"), a post the sentence ends ("A stepped down as chief
executive of X"), a bracket after the second of two names ("A and B (X)": B's alone), an office on a contact line,
a past seat. Every name is invented; the real pipeline runs.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A = "AFFILIATED_WITH"
P, B, O, Q, U = "Selin Okafor", "Bram Verhoef", "Quenby Analytics", "Tarvik Robotics", "Harwick State University"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def affiliations(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == A}


STATED = [
    # a seat on a body: copula, possessive owner
    (f"{P} is on the board of {O}.", {(P, O)}),
    (f"{P} remains on the advisory board of the Morrow Data Institute.", {(P, "Morrow Data Institute")}),
    (f"The lab is led by Professor {P}, who also sits on {O}' scientific committee.", {(P, O)}),
    (f"{P} serves on {Q}'s advisory board.", {(P, Q)}),
    # a verb of a post, what is led, then "at"
    (f"{P} oversees research at {O}.", {(P, O)}),
    (f"{P}, who runs product at {Q}, spoke first.", {(P, Q)}),
    (f"{P} lectures at {U}.", {(P, U)}),
    (f"{P} teaches machine learning at {U}.", {(P, U)}),
    # an apposition before the verb of leading
    (f"{P}, an alumna of {U}, runs {O}.", {(P, O)}),
    (f"{P}, a former engineer at {Q}, now runs {O}.", {(P, O)}),
    (f"{P}, ex-{Q}, now runs product at {O}.", {(P, O)}),
    (f"{P}, who advises the Brightwater Accelerator programme, runs {O}.", {(P, O)}),
    # the holders of a title of the organisation, set off by commas
    (f"The head of research at {O}, {P}, said the model is small.", {(P, O)}),
    (f"The chief executive of the Morrow Data Institute, {P}, opened the session.", {(P, "Morrow Data Institute")}),
    # a speaker line with an academic unit
    ("Takumi Sasaki, Graduate School of Information Sciences, Aoba Gakuin University",
     {("Takumi Sasaki", "Aoba Gakuin University"), ("Takumi Sasaki", "Graduate School of Information Sciences")}),
    (f"- {P}, Faculty of Engineering, {U}", {(P, U), (P, "Faculty of Engineering")}),
    # a bracket after the second of two names
    (f"Its board is chaired by {B} of {Q}; other directors are Ines Kallas and {P} ({O}).", {(B, Q), (P, O)}),
]


@pytest.mark.parametrize("text,expected", STATED)
def test_stated_posts_are_found(ex, text, expected):
    assert expected <= affiliations(ex, text)


NEAR_MISSES = [
    (f"{P}, an alumna of {U}, runs {O}.", (P, U)),
    (f"{P}, a former engineer at {Q}, now runs {O}.", (P, Q)),
    (f"{P} stepped down as chief executive of {Q} in 2022.", (P, Q)),
    (f"{P}, who resigned as director of the Morrow Data Institute last year, spoke first.", (P, "Morrow Data Institute")),
    (f"{P}, who sat on {O}' board until 2020, spoke first.", (P, O)),
    (f"{P} left {Q} in 2021 and is now an adviser.", (P, Q)),
    (f"{P}, ex-{Q}, now runs product at {O}.", (P, Q)),
    (f"{P}, former chief executive of {Q} and now a partner at Lumen Capital, spoke.", (P, Q)),
    (f"The customers of {O}, {P} and {B}, met in Lagos.", (P, O)),
    (f"The former chief executive of {Q}, {P}, spoke first.", (P, Q)),
    (f"Its board is chaired by {B} of {Q}; other directors are Ines Kallas and {P} ({O}).", ("Ines Kallas", O)),
    (f"Media contact: {P}, Office of Communications, {U}", (P, "Office of Communications")),
    # investors described next to a list of organisations
    ("Last year Gbeta Vision raised a seed round led by Comoro Capital, with participation from the angel network "
     f"Lacs Investisseurs and the diaspora investor {P}.", (P, "Lacs Investisseurs")),
    (f"{O} closed a seed round led by Fundy Harbour Capital, with participation from Acadian Angels, the Oromocto "
     f"investor {P} and Loyalist Ventures.", (P, "Acadian Angels")),
    (f"{O}, a company that forecasts load, closed a seed round led by Fundy Harbour Capital, with participation from "
     f"Acadian Angels, the Oromocto investor {P} and Loyalist Ventures, the venture arm of the utility Tantramar Power, "
     f"which is also a research partner of {Q}.", (P, Q)),
    (f"Hosted by Blagaj Ventures, a seed fund whose investors include the Morrow Data Institute and the angel investor "
     f"{P}.", (P, "Morrow Data Institute")),
]


@pytest.mark.parametrize("text,pair", NEAR_MISSES)
def test_unstated_posts_are_not_found(ex, text, pair):
    assert pair not in affiliations(ex, text)


def founded(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "FOUNDED"}


FOUNDERS = [
    # co-founders after "with" a co-founded organisation
    (f"{P} co-founded {O} with Ines Kallas in 2018.", {(P, O), ("Ines Kallas", O)}),
    (f"{P}, who co-founded {O} with {B} in 2018, now chairs the Morrow Data Institute.", {(P, O), (B, O)}),
    (f"{P} co-founded {O} in 2018 together with {B} and Ines Kallas.", {(P, O), (B, O), ("Ines Kallas", O)}),
    # the founders of an organisation named after "the founders of"
    (f"The founders of {O}, {P} and {B}, met at university.", {(P, O), (B, O)}),
    (f"The co-founders of {Q}, {P} and {B}, met at university.", {(P, Q), (B, Q)}),
    # a plural founder title after a list of people
    (f"{P} and {B}, co-founders of {O}, met in Lagos.", {(P, O), (B, O)}),
    (f"{P} (left) and {B}, the co-founders of {O}.", {(P, O), (B, O)}),
]


@pytest.mark.parametrize("text,expected", FOUNDERS)
def test_founders_are_found(ex, text, expected):
    assert expected <= founded(ex, text)


@pytest.mark.parametrize("text,pair", [
    (f"{P} co-founded {O} with funding from {B}.", (B, O)),
    (f"{P} co-founded {O} with {Q} and {B}.", (B, O)),
    (f"The customers of {O}, {P} and {B}, met.", (P, O)),
    (f"The director of the Morrow Data Institute, {P}, and the founder of {O}, {B}, met in Lagos.", (P, O)),
    (f"{P}, co-founder of {Q}, and {B}, co-founder of {O}, met in Lagos.", (P, O)),
])
def test_not_founders(ex, text, pair):
    assert pair not in founded(ex, text)


def test_left_for_another_keeps_the_new_post(ex):
    """"A left X in 2021 to join Y": the verb of ending is X's, Y stays."""
    got = affiliations(ex, f"{P} left {Q} in 2021 to join {O} as head of research.")
    assert (P, O) in got and (P, Q) not in got
