"""Which name a founding phrase or a person's "of Org" is said of (relation_people_scope.py), through the real
spaCy pipeline. Invented names; each form with the near-miss that must give nothing."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A, FD = "AFFILIATED_WITH", "FOUNDED"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def test_founders_of_a_spin_off_did_not_found_its_parent(ex):
    got = relations_in(ex, "Marrow Bay Analytics is a spin-off of Tellwick University founded in 2021 by "
                           "Oona Barlow and Ravi Pillay.")
    assert (FD, "Oona Barlow", "Marrow Bay Analytics") in got and (FD, "Ravi Pillay", "Marrow Bay Analytics") in got
    assert (FD, "Oona Barlow", "Tellwick University") not in got
    assert (FD, "Ravi Pillay", "Tellwick University") not in got


def test_fronted_spin_off_phrase_gives_the_subject_not_the_parent(ex):
    got = relations_in(ex, "A spin-out of the Sorrel Institute founded in 2019 by Ines Calder, Quaymark Robotics "
                           "employs 40 people.")
    assert (FD, "Ines Calder", "Quaymark Robotics") in got
    assert (FD, "Ines Calder", "Sorrel Institute") not in got


def test_founding_participle_is_said_of_the_nearest_list_item(ex):
    got = relations_in(ex, "Two firms came out of the lab: Pellow Robotics, which sells flow meters, and Tarnwick Analytics, "
                           "founded in 2023 by Agnes Holm and Bruno Salas.")
    assert (FD, "Agnes Holm", "Tarnwick Analytics") in got and (FD, "Bruno Salas", "Tarnwick Analytics") in got
    assert (FD, "Agnes Holm", "Pellow Robotics") not in got
    assert (FD, "Bruno Salas", "Pellow Robotics") not in got


def test_of_org_after_the_last_of_a_comma_list_is_that_persons_only(ex):
    got = relations_in(ex, "The board comprised Hilde Sorensen (chair), Piet Mulder, Carla Nunes of Brackwater "
                           "Capital and the economist Yara Silva.")
    assert (A, "Carla Nunes", "Brackwater Capital") in got
    assert (A, "Piet Mulder", "Brackwater Capital") not in got
    assert (A, "Hilde Sorensen", "Brackwater Capital") not in got


def test_bracketed_org_after_a_comma_item_is_not_shared(ex):
    got = relations_in(ex, "The jury consisted of Tomas Ek, Wanda Lis (Orlen Data Institute) and Mira Kolar.")
    assert (A, "Wanda Lis", "Orlen Data Institute") in got
    assert (A, "Tomas Ek", "Orlen Data Institute") not in got


def test_a_bare_pair_of_an_org_still_shares_it(ex):
    got = relations_in(ex, "The talk was given by Jane Okafor and Liam Brennan of Corrib Analytics.")
    assert (A, "Liam Brennan", "Corrib Analytics") in got and (A, "Jane Okafor", "Corrib Analytics") in got


def test_fronted_spin_out_phrase_with_pronoun_subject(ex):
    got = relations_in(ex, "Harbourline Optics builds cameras for fruit packers. A spin-off of the Kestrel Institute, "
                           "it was founded in 2018 by Helen Moraes.")
    assert (FD, "Kestrel Institute", "Harbourline Optics") in got
    assert (FD, "Helen Moraes", "Harbourline Optics") in got
    assert (FD, "Helen Moraes", "Kestrel Institute") not in got


def test_fronted_spin_out_with_founders_gives_the_parent_too(ex):
    got = relations_in(ex, "A spin-out of Tellwick University founded in 2020 by Ines Calder, Quaymark Robotics "
                           "employs 40 people.")
    assert (FD, "Tellwick University", "Quaymark Robotics") in got and (FD, "Ines Calder", "Quaymark Robotics") in got


def test_possessive_and_bracketed_spin_outs(ex):
    got = relations_in(ex, "The Lachine Centre for Machine Perception opened in 2015. The centre's second spin-out, "
                           "Pointe-Claire-based Veridis Vision, builds depth sensors.\n"
                           "- Yuki Nomura, chief executive, Sumida Robotics (a spin-out of the Ochanomizu Institute "
                           "of Technology)\n")
    assert (FD, "Lachine Centre for Machine Perception", "Veridis Vision") in got
    assert (FD, "Ochanomizu Institute of Technology", "Sumida Robotics") in got


def test_colon_list_of_spin_outs_not_their_partners(ex):
    got = relations_in(ex, "The Motlawa Institute of Maritime Computing has 80 staff. Two companies have been spun out "
                           "of the institute: Nawigo Systems, which works with the Port of Gdynia Authority, and "
                           "Falochron Analytics, which builds wave-forecasting models.")
    assert (FD, "Motlawa Institute of Maritime Computing", "Nawigo Systems") in got
    assert (FD, "Motlawa Institute of Maritime Computing", "Falochron Analytics") in got
    assert (FD, "Motlawa Institute of Maritime Computing", "Port of Gdynia Authority") not in got


def test_apposition_then_present_perfect_clause_is_a_current_post(ex):
    got = relations_in(ex, "The lab is led by Professor Rosa Quispe, a specialist in remote sensing who has taught "
                           "at Arequipa Polytechnic since 2009.")
    assert (A, "Rosa Quispe", "Arequipa Polytechnic") in got


def test_simple_past_clause_is_no_current_post(ex):
    got = relations_in(ex, "The lab is led by Professor Rosa Quispe, a specialist in remote sensing who taught at "
                           "Arequipa Polytechnic until 2015.")
    assert (A, "Rosa Quispe", "Arequipa Polytechnic") not in got


def test_title_at_a_place_described_firm(ex):
    got = relations_in(ex, "The panel includes Rajiv Menon, vice-president of engineering at the Bedford firm "
                           "Kelpwater Robotics.")
    assert (A, "Rajiv Menon", "Kelpwater Robotics") in got
    got = relations_in(ex, "The panel includes Rajiv Menon, former vice-president of engineering at the Bedford firm "
                           "Kelpwater Robotics.")
    assert (A, "Rajiv Menon", "Kelpwater Robotics") not in got


def test_co_founded_as_a_verb(ex):
    got = relations_in(ex, "Lena Fischer and Tobias Brandt co-founded Hafenwerk Logistics in 2017.")
    assert (FD, "Lena Fischer", "Hafenwerk Logistics") in got and (FD, "Tobias Brandt", "Hafenwerk Logistics") in got
    got = relations_in(ex, "Tobias Brandt, who co-founded Hafenwerk Logistics in 2017, said the company would hire.")
    assert (FD, "Tobias Brandt", "Hafenwerk Logistics") in got


def test_co_founded_object_must_follow_the_verb(ex):
    got = relations_in(ex, "Tobias Brandt co-founded a bakery before he joined Hafenwerk Logistics.")
    assert (FD, "Tobias Brandt", "Hafenwerk Logistics") not in got


def test_founded_as_a_spin_off_by_people(ex):
    got = relations_in(ex, "Lanterna Dynamics builds legged robots. It was founded in 2016 as a spin-off of the "
                           "Ligurian Institute of Technology (LIT) by the engineers Marco Ferrando and Giulia Repetto, "
                           "who had worked on legged locomotion at the institute.")
    assert (FD, "Ligurian Institute of Technology", "Lanterna Dynamics") in got
    assert (FD, "Marco Ferrando", "Lanterna Dynamics") in got
    assert (FD, "Marco Ferrando", "Ligurian Institute of Technology") not in got
    assert (A, "Giulia Repetto", "Ligurian Institute of Technology") not in got


def test_past_perfect_post_is_not_current_but_a_later_present_one_is(ex):
    got = relations_in(ex, "Nadia Lund, who had led research at Harbourline Optics, now heads Brisk Metrics.")
    assert (A, "Nadia Lund", "Brisk Metrics") in got and (A, "Nadia Lund", "Harbourline Optics") not in got


def test_subject_list_with_apposition_opened_a_lab(ex):
    got = relations_in(ex, "Harlow Robotics, a Leeds-based maker of warehouse arms, and the Tellwick Institute for "
                           "Applied AI (TIAA) today opened the Aire Valley Robotics Lab, a joint lab of both.")
    assert (FD, "Harlow Robotics", "Aire Valley Robotics Lab") in got
    assert (FD, "Tellwick Institute for Applied AI", "Aire Valley Robotics Lab") in got


def test_opening_a_round_of_a_programme_founds_nothing(ex):
    got = relations_in(ex, "The Department of Industry and the Skills Council today opened the second round of the "
                           "Harrow Adoption Partnerships Program.")
    assert not any(r[0] == FD for r in got)
    got = relations_in(ex, "Harlow Robotics and Tellwick University opened an office in Leeds.")
    assert not any(r[0] == FD for r in got)


def test_co_founding_an_orgs_predecessor_is_not_founding_the_org(ex):
    got = relations_in(ex, "Marta Olsson co-founded Harlow Grid Systems's predecessor business in 2016.")
    assert not any(r[0] == FD and r[1] == "Marta Olsson" and r[2].startswith("Harlow") for r in got)


def test_joint_venture_formed_with_a_partner(ex):
    got = relations_in(ex, "In 2024 we formed Selkirk Grid Intelligence LLC, a joint venture with the Idaho utility "
                           "Kootenai Valley Electric Cooperative.")
    assert (FD, "Kootenai Valley Electric Cooperative", "Selkirk Grid Intelligence LLC") in got


def test_a_joint_venture_partner_named_alone_founds_nothing(ex):
    got = relations_in(ex, "Selkirk Grid Intelligence LLC signed a supply deal with Kootenai Valley Electric "
                           "Cooperative, a joint venture partner of ours.")
    assert not any(r[0] == FD for r in got)
