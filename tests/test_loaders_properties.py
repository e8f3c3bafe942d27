"""Property-based checks of the loaders' pure text helpers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aikg.ingest.loaders.pdf import clean_page, join_pages
from aikg.ingest.loaders.text import decode_text

page_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.just("\n"), max_size=300)


@settings(max_examples=200, deadline=None)
@given(st.lists(page_text, max_size=6))
def test_join_pages_offsets_point_at_each_page(pages: list[str]) -> None:
    texts = [clean_page(p) for p in pages]
    text, starts = join_pages(texts)
    assert len(starts) == len(texts)
    assert starts == sorted(starts) and all(0 <= s <= len(text) for s in starts)
    for i, t in enumerate(texts):
        if t:
            # a page's text starts at its offset (a hyphen joined across the break may move to the next page)
            assert text[starts[i] :].startswith(t.rstrip("-")[: max(0, len(t) - 1)])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_unicode_text_round_trips_through_utf8_and_utf16(text: str) -> None:
    for encoding in ("utf-8", "utf-16", "utf-8-sig"):
        decoded, _ = decode_text(text.encode(encoding))
        assert decoded == text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
