"""The collector pause used by the loader and resolution gives the collector back as it found it."""

from __future__ import annotations

import gc

import pytest

from aikg.core.collector import collector_paused


def test_collector_is_off_inside_and_back_on_after_even_on_error():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a broken batch")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
