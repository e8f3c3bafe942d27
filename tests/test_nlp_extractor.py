"""The Extractor's batching paths give the same facts: process pool, long-text chunks, no-parse mode."""

from __future__ import annotations

from pathlib import Path

from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import ExtractConfig, Extractor
from aikg.ingest.nlp.extractor import shared_extractor

GOLD_DEV = Path(__file__).parent / "data" / "gold" / "dev"


def _docs(n: int = 4) -> list[LoadedDocument]:
    paths = sorted(GOLD_DEV.glob("*.txt"))[:n]
    return [LoadedDocument(id=p.stem, source=str(p), title=p.stem, kind="text", text=p.read_text(encoding="utf-8"))
            for p in paths]


def test_process_pool_returns_the_same_facts_in_order():
    docs = _docs()
    ex = shared_extractor()
    single = list(ex.extract_many(docs))
    pooled = list(ex.extract_many(docs, n_process=2))
    assert [f.doc_id for f in pooled] == [d.id for d in docs]
    assert pooled == single


def test_long_texts_are_chunked_with_document_offsets(extractor_with):
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD_DEV.glob("*.txt"))[:2])
    doc = LoadedDocument(id="long", source="t", title="t", kind="text", text=text)
    ex = extractor_with(max_chunk_chars=1500)  # the session's loaded pipeline (tests/conftest.py)
    facts = ex.extract(doc)
    assert facts.mentions and facts.relations
    for m in facts.mentions:
        assert text[m.start:m.end] == m.text
    for r in facts.relations:
        assert text[r.sent_start:r.sent_end] == r.sentence


def test_without_parser_surface_rules_still_work():
    ex = Extractor(ExtractConfig(parse="none"))
    doc = LoadedDocument(id="d", source="t", title="t", kind="text",
                         text="Toronto's Vector Institute works with Redmond-based Microsoft.")
    facts = ex.extract(doc)
    methods = {r.method for r in facts.relations}
    assert "rule:possessive-location" in methods and "rule:x-based" in methods
    assert not any(m.startswith("dep:") for m in methods)


def test_documents_without_text_to_extract():
    doc = LoadedDocument(id="t", source="t", title="t", kind="table", text="Vector Institute", extract_text=False)
    facts = shared_extractor().extract(doc)
    assert facts.doc_id == "t" and facts.mentions == [] and facts.relations == []
