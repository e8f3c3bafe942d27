"""Plain text and Markdown loaders: encodings, front matter, structure to text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from aikg.core.errors import InputError
from aikg.core.ids import content_id
from aikg.ingest.loaders import load_path

PHRASE = "Café naïve — “Zürich” hosts the ETH AI Center."


def test_utf8_text_has_id_source_and_title(tmp_path: Path) -> None:
    p = tmp_path / "note.txt"
    data = f"Regional AI hubs\n\n{PHRASE}\r\nSecond line.\r\n".encode()
    p.write_bytes(data)
    doc = load_path(p)
    assert doc.id == content_id(data)
    assert doc.source == str(p)
    assert doc.kind == "text" and doc.title == "Regional AI hubs"
    assert PHRASE in doc.text and "\r" not in doc.text
    assert doc.meta["encoding"] == "utf-8"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8-sig", codecs.BOM_UTF8 + PHRASE.encode("utf-8")),
        ("utf-16 BOM", PHRASE.encode("utf-16")),  # Python writes a BOM
        ("utf-16-be BOM", codecs.BOM_UTF16_BE + PHRASE.encode("utf-16-be")),
        ("utf-16-le no BOM", PHRASE.encode("utf-16-le")),
        ("cp1252", PHRASE.encode("cp1252")),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, data: bytes) -> None:
    p = tmp_path / "enc.txt"
    p.write_bytes(data)
    doc = load_path(p)
    assert doc.text == PHRASE, encoding
    assert not doc.text.startswith("\ufeff")


def test_latin1_fallback(tmp_path: Path) -> None:
    text = "Señor García's lab in Bogotá partners with the Universidad de los Andes in Medellín.\n"
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("latin-1"))
    assert load_path(p).text == text


def test_bad_utf16_is_invalid_encoding(tmp_path: Path) -> None:
    p = tmp_path / "broken.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + b"A\x00B\x00\x00\xdc")  # lone low surrogate
    with pytest.raises(InputError, match="invalid encoding.*re-save it as UTF-8"):
        load_path(p)


MARKDOWN = """---
title: "AI Clusters in the Midwest"
date: 2024-05-02
author:
  - Ada Lovelace
  - Alan Turing
---
# Introduction

The University of Michigan partners with Ford
on autonomous driving research.

## Funding *sources*

- The National Science Foundation funds the programme
- Detroit hosts the **Michigan Central** hub

| Organisation | City |
|---|---|
| Mcity | Ann Arbor |

```
code block text
```

Final paragraph with a [link](https://example.org) and `inline code`.
"""


def test_markdown_front_matter_and_structure(tmp_path: Path) -> None:
    p = tmp_path / "clusters.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    doc = load_path(p)
    assert doc.title == "AI Clusters in the Midwest"
    assert doc.published == "2024-05-02"
    assert doc.publisher == "Ada Lovelace, Alan Turing"
    assert "title:" not in doc.text and "---" not in doc.text
    for marker in ("#", "**", "*sources*", "](", "`", "|---"):
        assert marker not in doc.text
    # headings are sections, separated from the next sentence by a blank line
    headings = [h for _, h in doc.sections]
    assert headings == ["Introduction", "Funding sources"]
    for offset, heading in doc.sections:
        assert doc.text[offset : offset + len(heading) + 2] == heading + "\n\n"
    # soft line breaks joined, list items and table rows kept apart
    assert "partners with Ford on autonomous driving research.\n\n" in doc.text
    assert "funds the programme\n\nDetroit hosts the Michigan Central hub\n\n" in doc.text
    assert "Mcity | Ann Arbor" in doc.text
    assert "Final paragraph with a link and inline code." in doc.text


def test_markdown_without_front_matter_uses_first_heading(tmp_path: Path) -> None:
    p = tmp_path / "plain.md"
    p.write_text("Intro line.\n\n## Second level first\n\nText.\n")
    doc = load_path(p)
    assert doc.title == "Second level first"
    assert doc.published is None
    assert doc.text == "Intro line.\n\nSecond level first\n\nText.\n\n"


def test_markdown_bad_front_matter_is_a_warning(tmp_path: Path) -> None:
    p = tmp_path / "bad.md"
    p.write_text("---\ntitle: [unclosed\n---\n# Heading\n\nBody.\n")
    doc = load_path(p)
    assert doc.title == "Heading"
    assert "front matter is not valid YAML" in doc.meta["warnings"][0]


def test_markdown_with_only_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "meta.md"
    p.write_text("---\ntitle: Nothing else\n---\n")
    with pytest.raises(InputError, match="no text: the file holds only front matter"):
        load_path(p)
