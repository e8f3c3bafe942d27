"""LOCATED_IN, FOUNDED and ANCHORS in published forms (#14), with sentences of our own and near-misses.

* "the largest employer in Y is X" and its variants place X in Y (``relation_employer_place.py``), never ANCHORS;
* "X opened the Y Lab in Z": X founded Y and both are in Z (the ``open`` frames of ``data/lexicon/relations.json``); a
  town before a site noun ("opened a Passo Fundo office") is no founded organisation (``relation_site_forms.py``);
* "X is based in A, with a workshop in B and an office in C" (``relation_site_forms.py``); "Y, which X set up in 2019",
  "An earlier X spin-out, Y", "X has produced three spin-outs, most recently Y", "Y was spun out of X by two of its
  graduates, A and B" (``relation_founding_forms.py``); "by A, its chief executive, and B", "and by X itself"
  (``relation_founders_list.py``); directory entries "Offices in A, B and C", "Founded ... by A and B, both formerly
  of X" under an entry heading "Name s.r.o. (Town)" (``relation_lines.py``, ``line_fields.json``), and the entry line
  "A Kolín-based maker of ..., set up in 2019 by X" (``relation_site_forms.entry_description``);
* "officials call X the anchor of Y's scene", "X, the cornerstone of Y's ecosystem" state ANCHORS; "none of them is an
  anchor" and a name across a semicolon do not (``relation_anchor_forms.py``).
Each sentence is checked with the gazetteer off: what the text alone says.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import relations_in

KINDS = ("LOCATED_IN", "FOUNDED", "ANCHORS")


def _bare(name: str) -> str:
    """The name without a legal form (the entity pass keeps "s.r.o." with or without its last stop)."""
    return re.sub(r"\s+s\.r\.o\.?$", "", name)


def ties(ex, text: str) -> set[tuple[str, str, str]]:
    return {(t, _bare(a), _bare(b)) for t, a, b in relations_in(ex, text) if t in KINDS}


POSITIVES = [
    # the largest employer of a place
    ("Vitkov Steel is the largest employer in Ostrava.", {("LOCATED_IN", "Vitkov Steel", "Ostrava")}),
    ("Kessling Foods, the biggest employer in Zwolle, buys sensors from two start-ups.",
     {("LOCATED_IN", "Kessling Foods", "Zwolle")}),
    ("The largest technology employer in Tarnów, however, is still the payments firm Azoty Pay, which does no research.",
     {("LOCATED_IN", "Azoty Pay", "Tarnów")}),
    ("The largest employer of data engineers in Kolding is the shipping group Lillebaelt Linjer, but it does little "
     "research there.", {("LOCATED_IN", "Lillebaelt Linjer", "Kolding")}),
    ("Minch Seafoods Ltd is one of the largest employers in Ullapool.",
     {("LOCATED_IN", "Minch Seafoods Ltd", "Ullapool")}),
    # opening a named lab in a town
    ("Norrland University has opened the Kvarken Data Lab in Vaasa.",
     {("FOUNDED", "Norrland University", "Kvarken Data Lab"), ("LOCATED_IN", "Kvarken Data Lab", "Vaasa"),
      ("LOCATED_IN", "Norrland University", "Vaasa")}),
    ("The Salzach Institute opened the Pongau Vision Centre in Bischofshofen in March.",
     {("FOUNDED", "Salzach Institute", "Pongau Vision Centre"), ("LOCATED_IN", "Pongau Vision Centre", "Bischofshofen"),
      ("LOCATED_IN", "Salzach Institute", "Bischofshofen")}),
    # anchors named by a verb of calling, and the cornerstone of a place
    ("Local officials call the Technical University of Moravia the anchor of Ostrava's young technology scene.",
     {("ANCHORS", "Technical University of Moravia", "Ostrava")}),
    ("Regional planners describe Vitkov Steel as the anchor of the Ostrava industrial cluster.",
     {("ANCHORS", "Vitkov Steel", "Ostrava")}),
    ("The Tisza Polytechnic, the cornerstone of Szeged's AI ecosystem, trains 300 engineers a year.",
     {("ANCHORS", "Tisza Polytechnic", "Szeged")}),
    ("The Technical University of Moravia is not only the anchor of the Ostrava cluster but also its largest landlord.",
     {("ANCHORS", "Technical University of Moravia", "Ostrava")}),
    ("In 2021 the Motlawa Institute opened a second site in Gdynia, the Harbour Data Lab.",
     {("LOCATED_IN", "Motlawa Institute", "Gdynia"), ("FOUNDED", "Motlawa Institute", "Harbour Data Lab")}),
    # sites after the seat, each with its own site noun (relation_site_forms.py)
    ("Founded in 2022, Siret Robotics is headquartered in Suceava, with an assembly workshop in Fălticeni and a sales "
     "office in Cernăuți, Ukraine.", {("LOCATED_IN", "Siret Robotics", p) for p in ("Suceava", "Fălticeni", "Cernăuți")}),
    ("Tarnava Labs, with a research lab in Cluj and an office in Sibiu, employs 60 people.",
     {("LOCATED_IN", "Tarnava Labs", "Cluj"), ("LOCATED_IN", "Tarnava Labs", "Sibiu")}),
    ("Montado Sensing set up an office in Beja in 2023.", {("LOCATED_IN", "Montado Sensing", "Beja")}),
    ("The University of Alentejo set up the Guadiana Data Centre in Beja in 2019.",
     {("FOUNDED", "University of Alentejo", "Guadiana Data Centre"), ("LOCATED_IN", "Guadiana Data Centre", "Beja")}),
    # one name and a town the entity pass kept only in the sentence before: the anchoring cue still reads it
    ("The Hérault Photonics Institute is based in Montpellier. The institute has drawn more than twenty software firms "
     "to Montpellier since 2015.", {("ANCHORS", "Hérault Photonics Institute", "Montpellier")}),
    ("The Imena Growth Fund, a venture fund set up last year by the Kivu Development Board and the pan-African "
     "investor Savanna Peak Capital, has made its first investments.",
     {("FOUNDED", "Kivu Development Board", "Imena Growth Fund"), ("FOUNDED", "Savanna Peak Capital", "Imena Growth Fund")}),
    # founding forms (relation_founding_forms.py, relation_founders_list.py)
    ("Dana Ursu directs the Centro de Datos del Sur (CDS), which the Universidad del Litoral (UDL) set up in 2019.",
     {("FOUNDED", "Universidad del Litoral", "Centro de Datos del Sur")}),
    ("Tindra Robotics, which Anna Berg and John Carter co-founded in 2015, employs 40 people.",
     {("FOUNDED", "Anna Berg", "Tindra Robotics"), ("FOUNDED", "John Carter", "Tindra Robotics")}),
    ("Siret Robotics was co-founded in 2022 by Ion Popa, its chief executive, and Maria Lungu, who still lectures at "
     "the Technical University of Iasi.", {("FOUNDED", "Ion Popa", "Siret Robotics"), ("FOUNDED", "Maria Lungu", "Siret Robotics")}),
    ("Tarnava Software was co-founded in 2021 by Radu Enache, a former student, and by the Iasi Polytechnic itself, "
     "which still holds a stake.", {("FOUNDED", "Radu Enache", "Tarnava Software"),
                                   ("FOUNDED", "Iasi Polytechnic", "Tarnava Software")}),
    ("Prut Signal was spun out of the Iasi Polytechnic in 2022 by two doctoral graduates of its power lab, Elena "
     "Munteanu and Vlad Stoica.", {("FOUNDED", "Iasi Polytechnic", "Prut Signal"), ("FOUNDED", "Elena Munteanu", "Prut Signal"),
                                    ("FOUNDED", "Vlad Stoica", "Prut Signal")}),
    ("An earlier Iasi Polytechnic spin-out, Bahlui Sensors, moved to Cluj in 2023.",
     {("FOUNDED", "Iasi Polytechnic", "Bahlui Sensors")}),
    ("The Iasi Polytechnic has produced three spin-outs, most recently Ciric Vision.",
     {("FOUNDED", "Iasi Polytechnic", "Ciric Vision")}),
    # a directory entry: the heading's lines (relation_lines.py fragments of line_fields.json)
    ("Applied AI in East Bohemia: Buyer's Guide\n\nSection 2: Providers\n\nChrudim Optics Systems s.r.o. (Pardubice, "
     "Czech Republic)\nMachine-vision inspection for bakeries. Offices in Pardubice, Hlinsko and Kolín; a sales desk in "
     "Vienna is planned for 2027. Founded in 2018 by Petra Novotná and Karel Dvořák, both formerly engineers at a "
     "glassworks. Chrudim Optics Systems is a member of the Czech Bakers Federation.\n",
     {("LOCATED_IN", "Chrudim Optics Systems", p) for p in ("Pardubice", "Hlinsko", "Kolín")}
     | {("FOUNDED", "Petra Novotná", "Chrudim Optics Systems"), ("FOUNDED", "Karel Dvořák", "Chrudim Optics Systems")}),
    ("Applied AI in Central Moravia: Buyer's Guide\n\nSection 3: Providers\n\nLabe Robotics\nA Kolín-based maker of "
     "autonomous forklifts for warehouses, set up in 2019 by the Kolín engineering group Kolínské Strojírny, which "
     "remains its parent. Labe Robotics is backed by its parent.\n",
     {("LOCATED_IN", "Labe Robotics", "Kolín"), ("FOUNDED", "Kolínské Strojírny", "Labe Robotics")}),
]

NEGATIVES = [
    # size in the past, or denied, places nothing; size is never anchoring
    ("Vitkov Steel was once the largest employer in Ostrava.", {}),
    ("Vitkov Steel is no longer the largest employer in Ostrava.", {}),
    ("The biggest employer among them is the software house Poruba Pay.", {}),
    ("According to the Tarnów Chamber of Commerce, the largest technology employer in the region is growing.", {}),
    # anchoring denied, or said of another clause's name
    ("Companies in the Ostrava cluster include Poruba Data, Vitkov Steel and Bruntal Robotics; none of them is an "
     "anchor in our sense.", {"ANCHORS"}),
    ("Vitkov Steel is not an anchor of the Ostrava cluster.", {"ANCHORS"}),
    ("Ostrava has start-ups such as Poruba Data and Opava Vision. None of them is large enough to anchor anything.",
     {"ANCHORS"}),
    ("Local officials call the Technical University of Moravia the anchor of Ostrava's young technology scene; the "
     "largest technology employer in Ostrava, however, is the cable maker Kablo Sever.",
     {("ANCHORS", "Kablo Sever", "Ostrava")}),
    # a site the text plans or gave up, a site of another organisation; a town modifying a site is no organisation
    ("Tarnava Labs partners with Someș Data, with a planned office in Cluj.", {"LOCATED_IN"}),
    ("Tarnava Labs is headquartered in Sibiu, with a former plant in Mediaș.", {("LOCATED_IN", "Tarnava Labs", "Mediaș")}),
    ("The Erechim software house Alto Uruguai Sistemas opened a Passo Fundo office in September.", {"FOUNDED"}),
    ("Siret Robotics was founded in 2020 by Ion Popa and funded by the Iasi Polytechnic.",
     {("FOUNDED", "Iasi Polytechnic", "Siret Robotics")}),
    ("Montado Sensing plans to set up an office in Beja.", {"LOCATED_IN"}),
    ("The Hérault Photonics Institute is based in Montpellier. The institute attracted $20 million in funding.",
     {"ANCHORS"}),
    ("Applied AI in Central Moravia: Buyer's Guide\n\nSection 3: Providers\n\nVltava Vision\nA Prague-based rival, "
     "Hradčany Optics, bought a stake in 2021. Vltava Vision sells cameras.\n", {("LOCATED_IN", "Vltava Vision", "Prague")}),
    ("In 2021 the Fergana Institute and the Korean irrigation agency Hanbit Water set up the Valley Irrigation Data "
     "Centre, a joint centre of the two organisations located in Kokand.",
     {("FOUNDED", "Hanbit Water", "Fergana Institute"), ("FOUNDED", "Fergana Institute", "Hanbit Water")}),
    # a plan to open is no site and no founding
    ("Dornach Semiconductor plans to open the Traun Design Centre in Linz next year.",
     {("FOUNDED", "Dornach Semiconductor", "Traun Design Centre"), ("LOCATED_IN", "Dornach Semiconductor", "Linz")}),
]


@pytest.mark.parametrize("text,expected", POSITIVES)
def test_published_forms_give_their_ties(no_gazetteer_extractor, text: str, expected: set) -> None:
    assert expected <= ties(no_gazetteer_extractor, text)


@pytest.mark.parametrize("text,banned", NEGATIVES)
def test_near_misses_give_nothing(no_gazetteer_extractor, text: str, banned) -> None:
    got = ties(no_gazetteer_extractor, text)
    if not banned:
        assert not {r for r in got if r[0] == "LOCATED_IN"}, got
    for b in banned:
        if isinstance(b, str):
            assert not {r for r in got if r[0] == b}, got
        else:
            assert b not in got, got


def test_an_entry_line_without_a_place_mention_gives_nothing() -> None:
    """"A cloud-based platform ..." under an entry heading: no place starts the description, nothing is read (the
    rule once failed on it)."""
    from aikg.ingest.nlp.mention_index import MentionIndex
    from aikg.ingest.nlp.records import MentionFact
    from aikg.ingest.nlp.relation_site_forms import entry_description

    text = "A cloud-based platform for farms, set up in 2019 by Orvane Systems."
    org = text.index("Orvane Systems")
    ms = [MentionFact(text="Orvane Systems", start=org, end=org + 14, type="Company", source="ner", canonical="Orvane Systems")]
    out: list = []
    entry_description(text, 0, 0, 0, len(text), MentionIndex(ms, ("Company",)), out)
    assert out == []
