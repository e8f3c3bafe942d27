"""Event sponsors on conference programmes give no FUNDS (issue 14, wave 19), through the real spaCy pipeline.

Forms learned from published conference programmes and agendas (time-slot lines, "Chair:", "Moderator:",
"Panellists:", sponsor lines "Supported by: A · B", "Sponsors" over "Gold: A, B" / "Silver: C"). Every name is
invented (relation_event_sponsors.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in

PROGRAMME = ("Varnholt Applied AI Day 2026 — Programme\n"
             "Hosted by the Brenmark Institute for Machine Intelligence (BIMI).\n\n"
             "09:00 Welcome\nMira Tellan, Director, Brenmark Institute for Machine Intelligence\n"
             "10:00 Start-up showcase\nThe Northgate Launchpad, which BIMI runs, is funded by the Varnholt Enterprise "
             "Agency.\n\n")


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("tail", [
    "Supported by: Corvane Analytics · Halder Cloud · Varnholt Coffee Works\n",
    "Event sponsors: Corvane Analytics, Halder Cloud and Varnholt Coffee Works\n",
    "Sponsors\nGold: Corvane Analytics, Halder Cloud\nSilver: Varnholt Coffee Works\n",
    "Sponsored by: Corvane Analytics and Halder Cloud.\n",
])
def test_event_sponsors_fund_nothing(ex, tail):
    funds = pairs_of(relations_in(ex, PROGRAMME + tail), "FUNDS")
    assert not {f for f in funds if f[0] in ("Corvane Analytics", "Halder Cloud", "Varnholt Coffee Works")}, funds
    # near-miss: a funding sentence of the same page is kept
    assert ("Varnholt Enterprise Agency", "Northgate Launchpad") in funds
