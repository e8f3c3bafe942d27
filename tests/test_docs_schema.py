from pathlib import Path

from aikg.graph.schema_docs import render


def test_schema_doc_is_generated_from_schema_json():
    doc = Path(__file__).parent.parent / "docs" / "schema.md"
    assert doc.read_text("utf-8") == render(), "run: python -m aikg.graph.schema_docs > docs/schema.md"
