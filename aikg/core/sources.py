"""What a document's ``source`` says in shared data: a URL when one is known, else the file name.

The path a file had on the machine that ingested it (``/home/…/report.pdf``) means nothing
elsewhere and tells readers of published linked data about that machine; RDF, views and CSV
exports carry this form instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_URL = re.compile(r"^(https?|ftp)://\S+$", re.IGNORECASE)
EDGAR_ARCHIVE = "https://www.sec.gov/Archives/edgar/data/{cik}/{accession}.txt"


def is_url(text: str | None) -> bool:
    return bool(text) and bool(_URL.match(str(text).strip()))


def file_name(source: str) -> str:
    """The last part of a local path (either separator); a URL is returned as it is."""
    text = str(source).strip()
    if is_url(text):
        return text
    return re.split(r"[\\/]", text.rstrip("\\/"))[-1] or text


def without_local_root(source: str) -> str:
    """The file name when ``source`` is an absolute local path (``/…``, ``~/…``, ``C:\\…``), else unchanged."""
    text = str(source).strip()
    if text.startswith(("/", "~", "\\")) or re.match(r"^[A-Za-z]:[\\/]", text):
        return file_name(text)
    return source


def shareable_source(source: str, meta: Mapping[str, Any] | None = None) -> str:
    """The URL the loader found (page metadata, front matter, an EDGAR accession), else the file name."""
    meta = meta or {}
    for key in ("url", "source_url"):
        if is_url(meta.get(key)):
            return str(meta[key]).strip()
    cik, accession = meta.get("cik"), meta.get("accession")
    if cik and accession and str(cik).strip().isdigit():
        return EDGAR_ARCHIVE.format(cik=int(str(cik).strip()), accession=str(accession).strip())
    return file_name(source)
