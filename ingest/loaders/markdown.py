"""Markdown: structure stripped to plain text with markdown-it-py; YAML front matter read for metadata."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from aikg.core.errors import InputError
from aikg.core.ids import content_id
from aikg.ingest.document import LoadedDocument
from aikg.ingest.loaders._common import TextBuilder, iso_date, short_title, squash
from aikg.ingest.loaders.text import decode_nonempty

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """``(front matter, body, warnings)``; the front matter is {} when absent or unreadable."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, []
    import yaml

    body = text[m.end() :]
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        return {}, body, [f"front matter is not valid YAML ({first}); ignored"]
    if not isinstance(data, dict):
        return {}, body, ["front matter is not a YAML mapping; ignored"]
    return {str(k).lower(): v for k, v in data.items()}, body, []


def _inline(token: Any) -> str:
    out: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(_inline(child))
    return "".join(out)


def _people(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        names = [_people(v) for v in value]
        joined = ", ".join(n for n in names if n)
        return joined or None
    if isinstance(value, dict):
        return _people(value.get("name"))
    text = str(value).strip()
    return text or None


def markdown_to_text(body: str) -> TextBuilder:
    """Render Markdown as plain text: one block per paragraph, heading, list item or table row."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = md.parse(body)
    b = TextBuilder()
    cells: list[str] | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open" and i + 1 < len(tokens):
            heading = squash(_inline(tokens[i + 1]))
            if heading:
                b.heading(heading)
            i += 3
            continue
        if kind == "tr_open":
            cells = []
        elif kind == "tr_close":
            row = " | ".join(cells or [])
            if row.strip(" |"):
                b.paragraph(row)
            cells = None
        elif kind == "inline":
            piece = squash(_inline(tok))
            if cells is not None:
                cells.append(piece)
            elif piece:
                b.paragraph(piece)
        elif kind in ("fence", "code_block"):
            code = tok.content.strip("\n")
            if code.strip():
                b.paragraph(code)
        elif kind == "html_block":
            piece = squash(_TAG.sub(" ", tok.content))
            if piece:
                b.paragraph(piece)
        i += 1
    return b


class MarkdownLoader:
    name = "markdown"
    extensions = (".md", ".markdown", ".mdown", ".mkd")

    def sniff(self, head: bytes) -> bool:
        return False  # Markdown is plain text until the extension says otherwise

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument:
        raw, enc = decode_nonempty(data, ext=path.suffix)
        front, body, warnings = split_front_matter(raw)
        b = markdown_to_text(body)
        text = b.text()
        if not text.strip():
            raise InputError("no text: the file holds only front matter or markup; add content")
        title = _people(front.get("title")) or (b.sections[0][1] if b.sections else short_title(text, path.stem))
        published = None
        for key in ("date", "published", "pubdate", "publish_date", "created"):
            published = iso_date(front.get(key))
            if published:
                break
        author = _people(front.get("author")) or _people(front.get("authors"))
        publisher = _people(front.get("publisher")) or author
        meta: dict[str, Any] = {"encoding": enc}
        url = next((str(front[k]).strip() for k in ("url", "source_url", "source") if front.get(k)), None)
        if url:
            meta["url"] = url  # front matter's address of the document: what shared data cites
        if author:
            meta["author"] = author
        if warnings:
            meta["warnings"] = warnings
        return LoadedDocument(
            id=content_id(data),
            source=str(path),
            title=title,
            kind="text",
            text=text,
            published=published,
            publisher=publisher,
            sections=b.sections,
            meta=meta,
        )


LOADER = MarkdownLoader()
