"""People's ties in the line forms of published pages, through the real spaCy pipeline (relation_people_published.py).

One invented text a form (board and team lists under a heading, roster lines with semicolons, media contact blocks,
bylines, bracketed "(chair; Org)", "where she remains ...", "who leads Org's group", field lines such as "Authors:"),
with counter-examples that must give nothing: past posts, a line that is prose rather than a contact, a former board.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A, FD = "AFFILIATED_WITH", "FOUNDED"
MT, IB, SQ = "Maren Tolle", "Ivo Brandt", "Sela Quist"
KR, OI = "Kestrel Robotics", "Orrin Institute"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str) -> set[tuple[str, str, str]]:
    return relations_in(ex, text)


def test_roster_heading_without_colon_ties_bullets_to_the_page_org(ex):
    text = (f"{KR}\n\n{KR} builds welding robots for shipyards in Tallinn.\n\nBoard of Directors\n"
            f"- {MT}, Chair\n- {IB}, Treasurer\n\nContact us for a demonstration.\n")
    got = rels(ex, text)
    assert (A, MT, KR) in got and (A, IB, KR) in got


def test_former_board_heading_ties_nobody(ex):
    text = (f"{KR}\n\n{KR} builds welding robots for shipyards in Tallinn.\n\nFormer board members\n"
            f"- {SQ}\n")
    assert (A, SQ, KR) not in rels(ex, text)


def test_roster_line_with_semicolon_titles(ex):
    text = f"Steering group\n- Dr. {MT}, Chair; Director, {OI}\n- {IB}, Vice-Chair; Chief Executive Officer, {KR}\n"
    got = rels(ex, text)
    assert (A, MT, OI) in got and (A, IB, KR) in got


def test_org_headed_contact_lines(ex):
    text = (f"{KR} will open a test yard in Tallinn.\n\nMedia contacts\n"
            f"{KR}: {MT}, Head of Communications, press@kestrel.example\n{OI}: {IB}, press@orrin.example\n")
    got = rels(ex, text)
    assert (A, MT, KR) in got and (A, IB, OI) in got


def test_org_line_that_is_prose_is_no_contact(ex):
    text = f"{KR}: {MT} praised the {OI} for its welding research in Tallinn.\n"
    assert (A, MT, KR) not in rels(ex, text)


def test_byline_with_title_and_publication(ex):
    text = f"A conversation about robots\n\nInterview by {SQ}, senior editor, {KR}\n\nRobots weld hulls today.\n"
    assert (A, SQ, KR) in rels(ex, text)


def test_bracket_with_semicolon_and_a_past_counter_example(ex):
    got = rels(ex, f"The fund has an advisory board of three: {MT} (chair; {OI}), {IB} ({KR}) and {SQ}.")
    assert (A, MT, OI) in got
    got = rels(ex, f"The fund listed its early advisers: {MT} (former chair; {OI}) and {SQ}.")
    assert (A, MT, OI) not in got


def test_where_she_remains_is_a_present_post(ex):
    assert (A, MT, OI) in rels(ex, f"{MT} joins the project from the {OI}, where she remains head of the data unit.")


@pytest.mark.parametrize("clause", ["where she was head of the data unit", "where she previously led the data unit"])
def test_where_she_was_is_no_post(ex, clause):
    assert (A, MT, OI) not in rels(ex, f"{MT} joins the project from the {OI}, {clause}.")


def test_who_leads_an_organisations_unit(ex):
    got = rels(ex, f"The welds held, according to {IB}, who runs {KR}'s inspection group.")
    assert (A, IB, KR) in got


def test_who_led_a_unit_is_past(ex):
    got = rels(ex, f"The welds held, according to {IB}, who led {KR}'s inspection group until 2021.")
    assert (A, IB, KR) not in got


def test_authors_of_a_publishers_brief(ex):
    text = ("Beyond the capital: robots in small shipyards\nPolicy Brief No. 3 | Orrin Policy Forum | June 2026\n"
            f"Authors: Dr. {MT} and {IB}\n\nShipyards in Tallinn are adopting robots.\n")
    got = rels(ex, text)
    assert (A, MT, "Orrin Policy Forum") in got and (A, IB, "Orrin Policy Forum") in got


def test_now_advises_but_not_advised(ex):
    got = rels(ex, f"{IB}, formerly head of research at {OI}, now advises {KR}.")
    assert (A, IB, KR) in got and (A, IB, OI) not in got
    assert (A, IB, KR) not in rels(ex, f"{IB} advised {KR} in 2019 before moving to Oslo.")


def test_hyphenated_title_after_the_institutions_possessive(ex):
    got = rels(ex, f"The {OI} opened a lab. {MT}, the institute's Pro-Rector for Research, said it will grow.")
    assert (A, MT, OI) in got


def test_founded_by_after_a_spin_off_noun(ex):
    got = rels(ex, f"{KR} is a spin-off of the {OI} founded in 2020 by {MT} and {IB}. It builds welding robots.")
    assert (FD, MT, KR) in got and (FD, IB, KR) in got
    assert (A, MT, KR) not in got  # a founder only called a founder has no post


def test_fronted_spin_off_phrase_founds_the_subject_after_it(ex):
    got = rels(ex, f"{KR} builds robots. A spin-off of the {OI} founded in 2020 by {MT} and {IB}, the company employs "
                   "55 people in Tallinn.")
    assert (FD, MT, KR) in got and (FD, IB, KR) in got and (FD, MT, OI) not in got


def test_founded_by_in_a_list_item_founds_the_items_organisation(ex):
    text = f"- {KR} (Tallinn). Welding robots for yards. Founded in 2019 by {MT} and {IB}, who both studied at the {OI}.\n"
    got = rels(ex, text)
    assert (FD, MT, KR) in got and (FD, IB, KR) in got and (FD, MT, OI) not in got


def test_whose_title_names_the_holder(ex):
    got = rels(ex, f"Research is done at the {OI}, whose head, {MT}, joined in 2023.")
    assert (A, MT, OI) in got


def test_former_title_before_the_holder_is_past(ex):
    assert (A, IB, KR) not in rels(ex, f"{KR}'s former chief executive, {IB}, said the robots work.")


def test_semicolon_list_of_people_and_organisations(ex):
    got = rels(ex, f"Board of Directors: {MT} (Chair), {KR}; {IB}, {OI}; {SQ} (former chair), Quillon Systems")
    assert (A, MT, KR) in got and (A, IB, OI) in got and (A, SQ, "Quillon Systems") not in got
