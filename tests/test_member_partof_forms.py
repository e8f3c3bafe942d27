"""MEMBER_OF and PART_OF in published forms (issue 14), each with near-misses that must give nothing.

Every sentence is invented (names, word order, genre) and runs through the real spaCy pipeline. Ties are current:
an alumnus of an accelerator, or a firm that hires from a cohort, is no member.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def of_type(ex, text: str, kind: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == kind}


# ---------------------------------------------------------------- past cohorts and hiring are no membership
@pytest.mark.parametrize("text", [
    "Kestrel Labs is an alumnus of the Orrin Accelerator.",
    "Kestrel Labs, a graduate of the Orrin Accelerator, raised $2 million last spring.",
    "Kestrel Labs and Pellan Robotics are alumni of the Orrin Accelerator.",
    "Pellan Robotics hired engineers from the current cohort of the Orrin Accelerator.",
    "Pellan Robotics recruited two mentors for the spring cohort of the Orrin Accelerator.",
])
def test_alumni_and_hiring_are_no_members(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == set()


@pytest.mark.parametrize("text", [
    "Pellan Robotics is in the current cohort of the Orrin Accelerator.",
    "Pellan Robotics was accepted into the next cohort of the Orrin Accelerator.",
])
def test_current_cohort_still_members(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == {("MEMBER_OF", "Pellan Robotics", "Orrin Accelerator")}
