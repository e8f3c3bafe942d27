"""PDF with pypdf: text per page, page offsets, metadata; lines rejoined into whole sentences."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from aikg.core.errors import InputError
from aikg.core.ids import content_id
from aikg.ingest.document import LoadedDocument
from aikg.ingest.loaders._common import TextBuilder, iso_date, short_title

_PAGE_NO = re.compile(
    r"^\s*(?:page\s+)?(?:\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(?:\s*(?:of|/)\s*\d+)?\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•●▪■◦‣\-–*]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_END = tuple(".!?:;\"'”’)]")
_JUNK_TITLE = re.compile(r"^(?:microsoft (?:word|powerpoint) - .*|untitled.*|.*\.(?:docx?|pptx?|indd|pdf))$", re.IGNORECASE)
_PLACEHOLDERS = frozenset(("unspecified", "anonymous", "unknown", "untitled", "none", "null", "n/a", "author", "title"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:120]


def _line_key(line: str) -> str:
    """Compare short lines with digits masked (page numbers), long ones exactly."""
    text = " ".join(line.casefold().split())
    return re.sub(r"\d+", "#", text) if len(text) <= 60 else text


def strip_running_lines(pages: list[str], edge: int = 3) -> list[str]:
    """Drop running headers and footers: lines among the first or last ``edge`` lines of a
    page that recur (in short lines digits are ignored: "page 2" matches "page 3") on at least half of
    the pages, in documents of three pages or more. Removing them lets a sentence that
    runs across a page break join up again."""
    if len(pages) < 3:
        return pages
    split = [[ln for ln in p.replace("\r", "\n").split("\n")] for p in pages]

    def edges(lines: list[str]) -> set[int]:
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        return set(filled[:edge]) | set(filled[-edge:])

    counts: dict[str, int] = {}
    for lines in split:
        for key in {_line_key(lines[i]) for i in edges(lines)}:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    running = {k for k, n in counts.items() if n >= need and len(k) > 1}
    if not running:
        return pages
    out = []
    for lines in split:
        drop = {i for i in edges(lines) if _line_key(lines[i]) in running}
        out.append("\n".join(ln for i, ln in enumerate(lines) if i not in drop))
    return out


_SENTENCE_END = (".", "!", "?", ":", ".\"", ".”")


def _heading_like(line: str, full: int) -> bool:
    """A short line of a few words, capitalised, without final punctuation: "Seattle", "2. Methods"."""
    return (
        full >= 30
        and len(line) < 0.6 * full
        and len(line.split()) <= 10
        and (line[:1].isupper() or line[:1].isdigit())
        and not line.endswith((*_END, ","))
    )


def clean_page(raw: str) -> str:
    """One page's extracted lines as paragraphs separated by blank lines.

    A line break inside a paragraph becomes a space; "collabo-\\nration" becomes
    "collaboration" (a hyphen after a capital, as in "AI-\\nbased", is kept). A line
    ends its paragraph when it is clearly shorter than the page's full lines, or the
    next line starts a bullet. Lone page numbers at the top or bottom are dropped.
    """
    lines = [ln.strip() for ln in raw.replace("\r", "\n").replace("\x00", "").split("\n")]
    while lines and (not lines[0] or _PAGE_NO.match(lines[0])):
        lines.pop(0)
    while lines and (not lines[-1] or _PAGE_NO.match(lines[-1])):
        lines.pop()
    lengths = sorted(len(ln) for ln in lines if ln)
    full = lengths[int(len(lengths) * 0.8)] if lengths else 0
    paragraphs: list[str] = []
    para = ""
    for i, line in enumerate(lines):
        if not line:
            if para:
                paragraphs.append(para)
            para = ""
            continue
        if not para:
            para = line
        elif para.endswith("-") and len(para) > 1 and para[-2].isalpha() and line[:1].islower():
            para = (para[:-1] if para[-2].islower() else para) + line
        else:
            para = f"{para} {line}"
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        ends = bool(nxt) and (
            bool(_BULLET.match(nxt))
            or (full >= 30 and len(line) < 0.7 * full and not line.endswith(("-", ",")) and not nxt[:1].islower())
            or (line.endswith(_SENTENCE_END) and _heading_like(nxt, full))
        )
        if ends:
            paragraphs.append(para)
            para = ""
    if para:
        paragraphs.append(para)
    return "\n\n".join(paragraphs)


def join_pages(texts: list[str]) -> tuple[str, list[int]]:
    """Concatenate page texts; returns the text and each page's start offset.

    Pages are separated by a blank line, except when a sentence runs on to the next
    page (no final punctuation, and the next page starts in lower case, or the last
    paragraph is long enough not to be a heading and the next page does not open with
    one): then a space, or nothing for a word hyphenated across the break.
    """
    texts = list(texts)
    seps = [""] * len(texts)
    prev = -1
    for i, t in enumerate(texts):
        if not t:
            continue
        if prev >= 0:
            last = texts[prev]
            tail = last.rsplit("\n\n", 1)[-1]
            head, _, rest = t.partition("\n\n")
            opens_with_heading = bool(rest) and len(head) < 60 and not head.endswith(_END)
            if not last.endswith(_END) and (t[:1].islower() or (len(tail) >= 60 and not opens_with_heading)):
                if last.endswith("-") and len(last) > 1 and last[-2].islower():
                    texts[prev] = last[:-1]
                    seps[i] = ""
                else:
                    seps[i] = " "
            else:
                seps[i] = "\n\n"
        prev = i
    b = TextBuilder()
    pages: list[int] = []
    for t, sep in zip(texts, seps, strict=True):
        b.add(sep)
        pages.append(b.length)
        b.add(t)
    return b.text(), pages


def _meta(reader: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    try:
        info = reader.metadata
    except Exception:
        return out
    if not info:
        return out
    for key, attr in (("title", "title"), ("author", "author"), ("subject", "subject"), ("creator", "creator")):
        try:
            value = getattr(info, attr)
        except Exception:
            value = None
        if isinstance(value, str) and value.strip() and value.strip().strip("()").lower() not in _PLACEHOLDERS:
            out[key] = " ".join(value.split())
    for key, attr in (("created", "creation_date"), ("modified", "modification_date")):
        try:
            value = iso_date(getattr(info, attr))
        except Exception:
            value = None
        if value:
            out[key] = value
    return out


def _outline(reader: Any, pages: list[int]) -> list[tuple[int, str]]:
    sections: list[tuple[int, str]] = []
    try:
        for item in reader.outline:
            if isinstance(item, list):
                continue
            number = reader.get_destination_page_number(item)
            title = " ".join(str(item.title or "").split())
            if title and number is not None and 0 <= number < len(pages):
                sections.append((pages[number], title))
    except Exception:
        return []
    return sorted(sections)


def _open(data: bytes) -> tuple[Any, list[Any]]:
    """The reader and its pages; a clear error for a file that is not a readable PDF."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF: no %PDF header; check the file or give it its real extension")
    if data.rfind(b"%%EOF") == -1:
        raise InputError("PDF is truncated (no end-of-file marker): re-download or re-export it")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # owner-password-only PDFs open with an empty user password
            except DependencyError as exc:
                raise InputError(
                    "PDF uses AES encryption and the 'cryptography' package is missing: pip install cryptography"
                ) from exc
            if not opened:
                raise InputError("PDF is password-protected: remove the password and retry")
        page_objs = list(reader.pages)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"PDF is corrupt or truncated ({_first_line(exc)}): re-download or re-export it") from exc
    if not page_objs:
        raise InputError("PDF has no pages: re-export it")
    return reader, page_objs


def _page_texts(page_objs: list[Any]) -> tuple[list[str], list[str], int]:
    """Each page's raw text (empty when extraction fails), the warnings, and how many pages failed."""
    raws: list[str] = []
    warnings: list[str] = []
    failed = 0
    for number, page in enumerate(page_objs, start=1):
        try:
            raws.append(page.extract_text() or "")
        except Exception as exc:
            failed += 1
            warnings.append(f"page {number}: text extraction failed ({_first_line(exc)}); page left empty")
            raws.append("")
    return raws, warnings, failed


class PdfLoader:
    name = "pdf"
    extensions = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument:
        reader, page_objs = _open(data)
        raws, warnings, failed = _page_texts(page_objs)
        texts = [clean_page(raw) for raw in strip_running_lines(raws)]
        if failed == len(page_objs):
            raise InputError("PDF is corrupt: no page could be read; re-download or re-export it")
        text, pages = join_pages(texts)
        if not any(ch.isalnum() for ch in text):
            raise InputError("PDF has no text layer (scanned): run OCR first (e.g. ocrmypdf) and retry")
        empty = sum(1 for t in texts if not t.strip())
        if empty:
            warnings.append(f"{empty} of {len(texts)} pages have no text layer (scanned images?): OCR them to include their text")
        meta = _meta(reader)
        title = meta.get("title")
        if not title or _JUNK_TITLE.match(title):
            title = short_title(text, path.stem, limit=150)
        extra: dict[str, Any] = {"page_count": len(page_objs), "extractor": "pypdf"}
        extra.update({k: v for k, v in meta.items() if k in ("author", "subject", "creator", "created", "modified")})
        if warnings:
            extra["warnings"] = warnings
        return LoadedDocument(
            id=content_id(data),
            source=str(path),
            title=title,
            kind="report",
            text=text,
            published=meta.get("created"),
            publisher=meta.get("author"),
            pages=pages,
            sections=_outline(reader, pages),
            meta=extra,
        )


LOADER = PdfLoader()
