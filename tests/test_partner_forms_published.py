"""PARTNERS_WITH and ANCHORS on published forms written for this test (issue 14, adversarial set).

Sentences in the forms of press releases, news stories, encyclopedia articles, membership and directory pages and
university news, each with invented names (no gazetteer entry), written to find false edges and misses of the two
types that answer the headline questions: noun-stated partnerships ("counts A and B among its industrial partners",
"X's partners include A, the seed company B and C", "a memorandum of understanding between A and B", "U is a joint
lab of A and B"), lists and clauses ("X, a rival of Y, partners with Z", "X is a subsidiary of Y and partners with
Z", "A and B, and the Faculty has ..."), brokers and witnesses of a pact, past, planned and reported ties ("the
partnership ... ended in 2022", "reports of a partnership"), customers described after a name ("works with X, a
customer since 2020"), comparisons ("selected A over B"), anchors of a named unit ("anchored by X, whose School
... attracts researchers to the city") and anchors that are lacked or hoped for. Each case states the whole set of
partnerships and anchors the text must give; the real pipeline runs on every text.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def ties(ex, text: str) -> tuple[set[frozenset[str]], set[tuple[str, str]]]:
    """The partnerships (unordered pairs) and anchors (organisation, place) one text gives."""
    got = relations_in(ex, text)
    return ({frozenset((a, b)) for t, a, b in got if t == "PARTNERS_WITH"},
            {(a, b) for t, a, b in got if t == "ANCHORS"})


NOTHING = [
    "Lysica Motors and Radom Sensors are the Vistula Institute of Computing's former partners.",
    "Brno's AI scene, anchored by partnerships with companies like Vireo Systems and Karst Analytics, has "
    'grown quickly.',
    'Its partners include Vireo Systems and the Silesian University of Technology.\n',
    "Danube Polytechnic hosts the Brno AI Week; the event's partners are Vireo Systems and Karst Analytics.",
    "Vireo Systems runs on Nimbara Cloud's infrastructure and sells to Lumen Freight.",
    'Vireo Systems trains its models on Nimbara Cloud, which it pays by the hour.',
    "Vireo Systems' customers include Lumen Freight and the Port of Koper.",
    'Vireo Systems buys its GPUs from Nimbara Cloud and competes with Karst Analytics.',
    'Representatives of Vireo Systems, Karst Analytics and Danube Polytechnic attended the signing ceremony.',
    'The Brno cluster includes companies such as Vireo Systems and Karst Analytics as well as Danube Polytechnic.',
    'Vireo Systems and Karst Analytics were both selected for the Brno AI Accelerator.',
    'Vireo Systems was in talks with Karst Analytics about a joint venture.',
    'Vireo Systems had previously partnered with Karst Analytics on a pilot.',
    'Vireo Systems is expected to sign a memorandum of understanding with Danube Polytechnic next month.',
    'Vireo Systems intends to partner with Danube Polytechnic on a new lab.',
    'Vireo Systems announced plans for a strategic collaboration with Danube Polytechnic.',
    'The partnership between Vireo Systems and Karst Analytics ended in 2022.',
    'Vireo Systems and Karst Analytics are negotiating a partnership agreement.',
    'A proposed alliance between Vireo Systems and Karst Analytics was dropped in March.',
    'The MoU was signed by Professor Alena Dvorak, Rector of Danube Polytechnic, and Tomas Benes, chief '
    'executive of Vireo Systems.',
    'Brno lacks an anchor institution like Danube Polytechnic in Ostrava.',
    'Danube Polytechnic has been described as a possible anchor for an AI cluster in Brno.',
    'Baltica Robotics will run its models on Amberline Cloud under a three-year cloud services agreement.',
    "Baltica Robotics' software runs on Amberline Cloud's GPU servers.",
    'Baltica Robotics is hosted on Amberline Cloud and uses chips from Sopot Semiconductors.',
    'Baltica Robotics is an Amberline Cloud customer and a Sopot Semiconductors reseller.',
    'Baltica Robotics buys compute from Amberline Cloud, which also serves Orlen Logistics.',
    'Notable companies in the Gdansk cluster include Baltica Robotics, Amberline Cloud and Sopot Semiconductors.',
    "Gdansk's AI companies, among them Baltica Robotics and Amberline Cloud, employ about 2,000 people.",
    'Baltica Robotics and Amberline Cloud are the largest AI employers in Gdansk.',
    'Baltica Robotics and Amberline Cloud share a building in the Olivia Business Centre.',
    'Both Baltica Robotics and Amberline Cloud were founded by graduates of the Pomeranian Institute of '
    'Technology.',
    'Baltica Robotics and Amberline Cloud received grants from the Pomeranian Development Agency.',
    'Baltica Robotics and Amberline Cloud are members of the Gdansk AI Association.',
    'Baltica Robotics, like Amberline Cloud, is a member of the Gdansk AI Association.',
    'Baltica Robotics and Amberline Cloud took part in the Gdansk Hackathon alongside students from the '
    'Pomeranian Institute of Technology.',
    'The panel featured Baltica Robotics, Amberline Cloud and the Pomeranian Institute of Technology.',
    'Baltica Robotics and Amberline Cloud sponsored the Gdansk AI Summit, which the Pomeranian Institute of '
    'Technology organised.',
    'Baltica Robotics met with Amberline Cloud at the Gdansk AI Summit to discuss a joint project.',
    'Baltica Robotics and Amberline Cloud compete for talent with Sopot Semiconductors.',
    "Baltica Robotics is Poland's answer to Amberline Cloud.",
    'Baltica Robotics worked with Amberline Cloud until 2021, when the two companies parted ways.',
    "Baltica Robotics' collaboration with Amberline Cloud was terminated last year.",
    'Baltica Robotics is due to sign a partnership agreement with Amberline Cloud in June.',
    'Baltica Robotics has approached Amberline Cloud about a partnership.',
    'Baltica Robotics and Amberline Cloud have held talks on a possible alliance.',
    'Baltica Robotics and Amberline Cloud signed a letter of intent to form a joint venture.',
    'Baltica Robotics and Amberline Cloud were partners until 2020.',
    'Partners: Baltica Robotics, Amberline Cloud, Sopot Semiconductors',
    'Gdansk has no anchor institution, unlike Poznan, where the Wielkopolska AI Institute plays that role.',
    'The Pomeranian Institute of Technology has been called a potential anchor for the Gdansk cluster.',
    'Baltica Robotics hopes to attract engineers to Gdansk.',
    'Gdansk attracts engineers from Baltica Robotics and Amberline Cloud.',
    "Baltica Robotics moved from Gdansk to Warsaw, drawn by the capital's larger talent pool.",
    'Other Montreal organisations, such as Ravel Robotics and Opale Data, have also recently entered '
    'partnerships.',
    'Halvorsen Compute announced the deal, and Ravel Robotics said it would work with Opale Data on the pilot.',
    'Led by Halvorsen Compute, the consortium includes Ravel Robotics and Opale Data.',
    'The consortium, led by Halvorsen Compute, works with Ravel Robotics on robot safety.',
    'With McAllister University, Kerrow Lab runs a summer school; with Opale Data, it runs a data challenge.',
    'Kerrow Lab serves clients such as Ravel Robotics and Opale Data.',
    'Kerrow Lab licenses its scheduler to Ravel Robotics and Opale Data.',
    'Ravel Robotics relies on Halvorsen Compute for cloud capacity.',
    'Ravel Robotics is a Halvorsen Compute portfolio company and an Opale Data customer.',
    'Ravel Robotics was acquired by Halvorsen Compute in 2024.',
    'Kerrow Lab and Norrviken AI co-authored a report on AI safety.',
    'Kerrow Lab and Norrviken AI co-organised the Montreal AI Symposium.',
    'Researchers from Kerrow Lab and Norrviken AI co-authored the paper.',
    'Lysica Motors has drawn suppliers to Kielce.',
    'Lysica Motors, which anchored the Kielce cluster until 2019, moved to Warsaw.',
    "The Vistula Institute of Computing aims to become the anchor of Tarnow's AI cluster.",
    "If it opens a lab in Tarnow, Lysica Motors would anchor the city's AI cluster.",
    'Partners\nLysica Motors\nKielce Data Labs\nVistula Institute of Computing',
    'Key people: Anna Nowak (Director)\nPartners: Lysica Motors, Kielce Data Labs',
    'Members of the Tarnow AI Alliance include Lysica Motors, Kielce Data Labs and the Vistula Institute of '
    'Computing.',
    'The Tarnow AI Alliance brings together Lysica Motors, Kielce Data Labs and the Vistula Institute of '
    'Computing.',
    'Lysica Motors is one of 40 partners of the Tarnow AI Alliance.',
    'Kielce Data Labs works with Lysica Motors, a customer since 2020.',
    "Kielce Data Labs' chief executive, Marek Lis, previously worked with Lysica Motors.",
    'Kielce Data Labs hired engineers from Lysica Motors and Radom Sensors.',
    'Kielce Data Labs, Lysica Motors and Radom Sensors have signed a joint declaration on AI safety.',
    'Kielce Data Labs and Lysica Motors are co-founders of the Tarnow AI Alliance.',
    'A Kielce Data Labs spokesperson declined to comment on reports of a partnership with Lysica Motors.',
    'Kielce Data Labs denied that it had partnered with Lysica Motors.',
    'Kielce Data Labs has not partnered with Lysica Motors.',
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_partnership_or_anchor_where_none_is_stated(ex, text):
    assert ties(ex, text) == (set(), set())


def test_a_members_list_lends_its_partnership_to_no_member(ex):
    """The association partners with the institute; the companies listed as its members do not."""
    text = ('Members of the Gdansk AI Association\n- Baltica Robotics\n- Amberline Cloud\n- Sopot Semiconductors\n'
            'The association partners with the Pomeranian Institute of Technology.')
    partners, anchors = ties(ex, text)
    assert partners == {frozenset({"Gdansk AI Association", "Pomeranian Institute of Technology"})}
    assert anchors == set()


STATED = [
    ("Lysica Motors, Kielce Data Labs and Radom Sensors are the Vistula Institute of Computing's industrial partners.",
     {frozenset(('Vistula Institute of Computing', 'Lysica Motors')),
      frozenset(('Vistula Institute of Computing', 'Kielce Data Labs')),
      frozenset(('Vistula Institute of Computing', 'Radom Sensors'))},
     set()),
    ("Lysica Motors and Radom Sensors are Orsolo Robotics' partners.",
     {frozenset(('Orsolo Robotics', 'Lysica Motors')), frozenset(('Orsolo Robotics', 'Radom Sensors'))},
     set()),
    ('The Ostrava Institute for Applied Learning counts Vireo Systems, Karst Analytics and Lumen Freight among '
     'its industrial partners.',
     {frozenset(('Ostrava Institute for Applied Learning', 'Vireo Systems')), frozenset(('Ostrava Institute for Applied Learning', 'Karst Analytics')), frozenset(('Ostrava Institute for Applied Learning', 'Lumen Freight'))},
     set()),
    ('The Morava Centre for Robotics is anchored by partnerships with companies like Vireo Systems and Karst '
     'Analytics.',
     {frozenset(('Morava Centre for Robotics', 'Vireo Systems')), frozenset(('Morava Centre for Robotics', 'Karst Analytics'))},
     set()),
    ('The Morava Centre for Robotics was founded in 2019. Its partners include Vireo Systems and the Silesian '
     'University of Technology.',
     {frozenset(('Morava Centre for Robotics', 'Vireo Systems')), frozenset(('Morava Centre for Robotics', 'Silesian University of Technology'))},
     set()),
    ('A memorandum of understanding between the Silesian University of Technology and Vireo Systems was signed '
     'on Monday.',
     {frozenset(('Silesian University of Technology', 'Vireo Systems'))},
     set()),
    ('Vireo Systems co-developed the inspection model with the Silesian University of Technology.',
     {frozenset(('Silesian University of Technology', 'Vireo Systems'))},
     set()),
    ('Karst Analytics and Lumen Freight have joined forces to build a route-planning model.',
     {frozenset(('Karst Analytics', 'Lumen Freight'))},
     set()),
    ('Karst Analytics teamed up with Lumen Freight in 2023 to build a route-planning model.',
     {frozenset(('Karst Analytics', 'Lumen Freight'))},
     set()),
    ('The Tatra AI Institute is the product of a partnership between Comenius Digital University and Danube '
     'Polytechnic.',
     {frozenset(('Comenius Digital University', 'Danube Polytechnic'))},
     set()),
    ('Comenius Digital University and Danube Polytechnic also entered into a partnership.',
     {frozenset(('Comenius Digital University', 'Danube Polytechnic'))},
     set()),
    ('Vireo Systems partners with Karst Analytics, Lumen Freight and Danube Polytechnic.',
     {frozenset(('Vireo Systems', 'Karst Analytics')), frozenset(('Vireo Systems', 'Lumen Freight')), frozenset(('Vireo Systems', 'Danube Polytechnic'))},
     set()),
    ('Vireo Systems, Karst Analytics and Lumen Freight all partner with Danube Polytechnic.',
     {frozenset(('Vireo Systems', 'Danube Polytechnic')), frozenset(('Karst Analytics', 'Danube Polytechnic')), frozenset(('Lumen Freight', 'Danube Polytechnic'))},
     set()),
    ('Vireo Systems is funded by the Moravian Innovation Fund and partners with Karst Analytics.',
     {frozenset(('Vireo Systems', 'Karst Analytics'))},
     set()),
    ('Vireo Systems was founded by engineers from Danube Polytechnic, and it now partners with Karst Analytics.',
     {frozenset(('Vireo Systems', 'Karst Analytics'))},
     set()),
    ('The Moravian Innovation Fund backs Vireo Systems; Karst Analytics partners with Lumen Freight.',
     {frozenset(('Karst Analytics', 'Lumen Freight'))},
     set()),
    ('Vireo Systems, a Brno start-up spun out of Danube Polytechnic, partners with Lumen Freight on warehouse '
     'vision.',
     {frozenset(('Vireo Systems', 'Lumen Freight'))},
     set()),
    ('Unlike Karst Analytics, which partners with Lumen Freight, Vireo Systems builds its own fleet software.',
     {frozenset(('Karst Analytics', 'Lumen Freight'))},
     set()),
    ('Karst Analytics, a competitor of Vireo Systems, partners with Lumen Freight.',
     {frozenset(('Karst Analytics', 'Lumen Freight'))},
     set()),
    ('Vireo Systems and Karst Analytics both work with Danube Polytechnic.',
     {frozenset(('Vireo Systems', 'Danube Polytechnic')), frozenset(('Karst Analytics', 'Danube Polytechnic'))},
     set()),
    ("Vireo Systems' former partner Karst Analytics now works with Lumen Freight.",
     {frozenset(('Karst Analytics', 'Lumen Freight'))},
     set()),
    ('Vireo Systems opened a lab in Brno last year, and Danube Polytechnic partnered with Karst Analytics.',
     {frozenset(('Danube Polytechnic', 'Karst Analytics'))},
     set()),
    ("Brno's AI cluster is anchored by Danube Polytechnic, whose robotics faculty attracts start-ups to the city.",
     set(),
     {('Danube Polytechnic', 'Brno')}),
    ("Lumen Freight moved to Brno to be near Danube Polytechnic, the anchor of the city's AI cluster.",
     set(),
     {('Danube Polytechnic', 'Brno')}),
    ('GDANSK, Poland, March 3, 2026 /PRNewswire/ -- Baltica Robotics today announced a strategic partnership '
     'with the Pomeranian Institute of Technology to develop port-inspection drones. "Working with the '
     'institute gives us access to world-class researchers," said Marta Zielinska, chief executive of Baltica '
     'Robotics.\n\nAbout Baltica Robotics\nBaltica Robotics is a Gdansk-based maker of inspection drones. Its '
     'customers include the Port of Gdynia and Orlen Logistics.',
     {frozenset(('Baltica Robotics', 'Pomeranian Institute of Technology'))},
     set()),
    ('The Pomeranian Institute of Technology (PIT) is a public research university in Gdansk. PIT has research '
     'partnerships with Baltica Robotics and Amberline Cloud, and it is a member of the Baltic University '
     'Network.',
     {frozenset(('Pomeranian Institute of Technology', 'Baltica Robotics')), frozenset(('Pomeranian Institute of Technology', 'Amberline Cloud'))},
     set()),
    ("Baltica Robotics, Amberline Cloud's main rival, has partnered with Sopot Semiconductors.",
     {frozenset(('Baltica Robotics', 'Sopot Semiconductors'))},
     set()),
    ('Baltica Robotics has grown faster than Amberline Cloud, which partners with Sopot Semiconductors.',
     {frozenset(('Amberline Cloud', 'Sopot Semiconductors'))},
     set()),
    ('Baltica Robotics and Amberline Cloud are long-standing partners.',
     {frozenset(('Baltica Robotics', 'Amberline Cloud'))},
     set()),
    ('The collaboration between Baltica Robotics and Amberline Cloud has produced three open models.',
     {frozenset(('Baltica Robotics', 'Amberline Cloud'))},
     set()),
    ("Baltica Robotics' partnership with Amberline Cloud covers port logistics.",
     {frozenset(('Baltica Robotics', 'Amberline Cloud'))},
     set()),
    ('The project is a partnership between Baltica Robotics, Amberline Cloud and the Pomeranian Institute of '
     'Technology.',
     {frozenset(('Baltica Robotics', 'Amberline Cloud')), frozenset(('Baltica Robotics', 'Pomeranian Institute of Technology')), frozenset(('Amberline Cloud', 'Pomeranian Institute of Technology'))},
     set()),
    ('Industry partners of the Pomeranian Institute of Technology include Baltica Robotics and Amberline Cloud.',
     {frozenset(('Pomeranian Institute of Technology', 'Baltica Robotics')), frozenset(('Pomeranian Institute of Technology', 'Amberline Cloud'))},
     set()),
    ('The Pomeranian Institute of Technology draws students to Gdansk from across Poland.',
     set(),
     {('Pomeranian Institute of Technology', 'Gdansk')}),
    ('The Pomeranian Institute of Technology is the anchor institution of the Gdansk AI cluster, which also '
     'includes Baltica Robotics and Amberline Cloud.',
     set(),
     {('Pomeranian Institute of Technology', 'Gdansk')}),
    ('The report by Sopot Policy Lab names the Pomeranian Institute of Technology as the anchor of the Gdansk '
     'cluster.',
     set(),
     {('Pomeranian Institute of Technology', 'Gdansk')}),
    ("Warsaw's AI cluster is anchored by the University of Warsaw; in Gdansk, Baltica Robotics partners with "
     'Amberline Cloud.',
     {frozenset(('Baltica Robotics', 'Amberline Cloud'))},
     {('University of Warsaw', 'Warsaw')}),
    ("Montreal-based research institute Kerrow Lab is partnering with Norrviken AI, Sweden's national centre "
     'for applied AI. The move is partly financed by the Swedish innovation agency Vinstra.',
     {frozenset(('Kerrow Lab', 'Norrviken AI'))},
     set()),
    ("Kerrow Lab and Norrviken AI joined forces in the fall when the latter took up space in Kerrow Lab's office.",
     {frozenset(('Kerrow Lab', 'Norrviken AI'))},
     set()),
    ('In 2020, Kerrow Lab teamed up with Halvorsen Compute to integrate its open-source scheduler.',
     {frozenset(('Kerrow Lab', 'Halvorsen Compute'))},
     set()),
    ('Halvorsen Compute supplies the GPUs, while Ravel Robotics and Opale Data co-develop the software.',
     {frozenset(('Ravel Robotics', 'Opale Data'))},
     set()),
    ('Opale Data, which Halvorsen Compute acquired in 2023, partners with Ravel Robotics.',
     {frozenset(('Opale Data', 'Ravel Robotics'))},
     set()),
    ('Halvorsen Compute invested in Ravel Robotics, which collaborates with Opale Data.',
     {frozenset(('Ravel Robotics', 'Opale Data'))},
     set()),
    ('Halvorsen Compute said that Ravel Robotics had partnered with Opale Data.',
     {frozenset(('Ravel Robotics', 'Opale Data'))},
     set()),
    ('Halvorsen Compute chief executive Ines Moreau said the firm partners with Ravel Robotics.',
     {frozenset(('Halvorsen Compute', 'Ravel Robotics'))},
     set()),
    ('The Quebec Ministry of Economy and Vinstra witnessed the signing of a memorandum of understanding between '
     'Kerrow Lab and Norrviken AI.',
     {frozenset(('Kerrow Lab', 'Norrviken AI'))},
     set()),
    ('Halvorsen Compute brokered the memorandum of understanding between Kerrow Lab and Norrviken AI.',
     {frozenset(('Kerrow Lab', 'Norrviken AI'))},
     set()),
    ('Kerrow Lab works with three universities: McAllister University, the University of Sherbrooke and Laval '
     'Polytechnic.',
     {frozenset(('Kerrow Lab', 'McAllister University')), frozenset(('Kerrow Lab', 'University of Sherbrooke')), frozenset(('Kerrow Lab', 'Laval Polytechnic'))},
     set()),
    ('Kerrow Lab partners with Ravel Robotics, a spin-out of McAllister University, and with Opale Data.',
     {frozenset(('Kerrow Lab', 'Ravel Robotics')), frozenset(('Kerrow Lab', 'Opale Data'))},
     set()),
    ('Kerrow Lab, McAllister University and the University of Sherbrooke each partner with Halvorsen Compute.',
     {frozenset(('Kerrow Lab', 'Halvorsen Compute')), frozenset(('McAllister University', 'Halvorsen Compute')), frozenset(('University of Sherbrooke', 'Halvorsen Compute'))},
     set()),
    ('Kerrow Lab partners with Ravel Robotics and Opale Data, two companies funded by Halvorsen Compute.',
     {frozenset(('Kerrow Lab', 'Ravel Robotics')), frozenset(('Kerrow Lab', 'Opale Data'))},
     set()),
    ('Kerrow Lab partners with Ravel Robotics on robot safety and with Opale Data on data sharing.',
     {frozenset(('Kerrow Lab', 'Ravel Robotics')), frozenset(('Kerrow Lab', 'Opale Data'))},
     set()),
    ('Ravel Robotics is a subsidiary of Halvorsen Compute and partners with Opale Data.',
     {frozenset(('Ravel Robotics', 'Opale Data'))},
     set()),
    ('Kerrow Lab and Norrviken AI run a joint laboratory in Montreal.',
     {frozenset(('Kerrow Lab', 'Norrviken AI'))},
     set()),
    ('The Saint-Laurent Vision Lab is a joint lab of Kerrow Lab and Norrviken AI.',
     {frozenset(('Kerrow Lab', 'Norrviken AI'))},
     set()),
    ('Kerrow Lab opened a joint research centre with Norrviken AI in Montreal.',
     {frozenset(('Kerrow Lab', 'Norrviken AI'))},
     set()),
    ("Kielce's small robotics scene is anchored by two employers, Swietokrzyskie Robotics and Lysica Motors.",
     set(),
     {('Swietokrzyskie Robotics', 'Kielce'), ('Lysica Motors', 'Kielce')}),
    ('Lysica Motors has drawn engineers from Kielce to its new plant in Radom.',
     set(),
     {('Lysica Motors', 'Radom')}),
    ('Lysica Motors and Kielce Data Labs are both partners of the Vistula Institute of Computing.',
     {frozenset(('Lysica Motors', 'Vistula Institute of Computing')), frozenset(('Kielce Data Labs', 'Vistula Institute of Computing'))},
     set()),
    ('Kielce Data Labs said it had chosen Lysica Motors as its technology partner.',
     {frozenset(('Kielce Data Labs', 'Lysica Motors'))},
     set()),
    ('Kielce Data Labs sells software to Lysica Motors and works with Radom Sensors on research.',
     {frozenset(('Kielce Data Labs', 'Radom Sensors'))},
     set()),
    ('Kielce Data Labs is backed by Lysica Motors, which also partners with Radom Sensors.',
     {frozenset(('Lysica Motors', 'Radom Sensors'))},
     set()),
    ('Kielce Data Labs was spun out of Lysica Motors in 2021 and now collaborates with Radom Sensors.',
     {frozenset(('Kielce Data Labs', 'Radom Sensors'))},
     set()),
    ('Kielce Data Labs and Lysica Motors announced a collaboration with Radom Sensors.',
     {frozenset(('Kielce Data Labs', 'Radom Sensors')), frozenset(('Lysica Motors', 'Radom Sensors'))},
     set()),
]


@pytest.mark.parametrize("text,partners,anchors", STATED)
def test_stated_partnerships_and_anchors_hold(ex, text, partners, anchors):
    assert ties(ex, text) == (partners, anchors)
