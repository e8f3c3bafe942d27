"""Plain text: encoding detection and binary rejection (shared by the other text formats)."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

from aikg.core.errors import InputError
from aikg.core.ids import content_id
from aikg.ingest.document import LoadedDocument
from aikg.ingest.loaders._common import short_title

# File signatures of common binary formats (some have no NUL byte near the start).
_MAGIC = (
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\xd0\xcf\x11\xe0",  # OLE: doc, xls, encrypted Office
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",  # JPEG
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"%PDF-",
    b"\x7fELF",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x08\x1b")


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """Guess UTF-16 from the zero-byte pattern of mostly-ASCII text."""
    sample = head[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - len(sample) % 2]
    even, odd = sample[0::2], sample[1::2]
    z_even = even.count(0) / len(even)
    z_odd = odd.count(0) / len(odd)
    if z_odd > 0.3 and z_even < 0.05:
        return "utf-16-le"
    if z_even > 0.3 and z_odd < 0.05:
        return "utf-16-be"
    return None


def looks_binary(head: bytes) -> bool:
    """True when the bytes are not text in any encoding this module reads."""
    if _bom(head) or _utf16_without_bom(head):
        return False
    if any(head.startswith(m) for m in _MAGIC):
        return True
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls / len(sample) > 0.05


def _legacy(data: bytes) -> tuple[str, str] | None:
    """Decode a legacy 8-bit file with charset-normalizer, preferring cp1252 among equally clean guesses."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for m in matches:
        # Short Western texts fit many code pages equally well (coherence is noisy on them):
        # take cp1252, the usual legacy encoding, unless another one is clearly less chaotic.
        if m.chaos <= best.chaos + 0.02 and (m.encoding == "cp1252" or "cp1252" in m.could_be_from_charset):
            return data.decode("cp1252", errors="strict"), "cp1252"
    return str(best), best.encoding


def decode_text(data: bytes, *, ext: str = "") -> tuple[str, str]:
    """Decode ``data`` to text with newlines normalised; returns ``(text, encoding)``.

    Order: byte-order mark (UTF-8/16/32), UTF-16 without BOM when the zero bytes show
    it, binary rejection, strict UTF-8, then charset-normalizer for legacy encodings
    (cp1252 preferred when it fits as well as the best guess).
    """
    bom = _bom(data)
    if bom:
        enc, skip = bom
        try:
            text = data[skip:].decode(enc)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"invalid encoding: the file starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()}; "
                "re-save it as UTF-8"
            ) from exc
        return _tidy(text), enc
    guess = _utf16_without_bom(data)
    if guess:
        try:
            return _tidy(data.decode(guess)), guess
        except UnicodeDecodeError:
            pass
    if looks_binary(data[:65536]):
        shown = ext.lower() or "(no)"
        raise InputError(
            f"binary data with a {shown} extension: the content is not text; check the file type or give it its real extension"
        )
    try:
        return _tidy(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        found = _legacy(data)
    except UnicodeDecodeError:
        found = None
    if found is None:
        raise InputError(
            "invalid encoding: not UTF-8 or UTF-16 and no legacy encoding fits; re-save the file as UTF-8"
        )
    return _tidy(found[0]), found[1]


def _tidy(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text


def decode_nonempty(data: bytes, *, ext: str = "") -> tuple[str, str]:
    text, enc = decode_text(data, ext=ext)
    if not text.strip():
        raise InputError("empty file (only whitespace): nothing to load; remove it or add content")
    return text, enc


class TextLoader:
    name = "text"
    extensions = (".txt", ".text")

    def sniff(self, head: bytes) -> bool:
        return False  # plain text is the fallback, chosen by extension

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument:
        text, enc = decode_nonempty(data, ext=path.suffix)
        return LoadedDocument(
            id=content_id(data),
            source=str(path),
            title=short_title(text, path.stem),
            kind="text",
            text=text,
            meta={"encoding": enc},
        )


LOADER = TextLoader()
