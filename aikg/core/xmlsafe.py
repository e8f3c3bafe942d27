"""Refuse XML that declares entities before any parser expands them (what defusedxml refuses).

A kilobyte of nested entity declarations (the "billion laughs" shape) expands to gigabytes and
keeps a parser busy for minutes; external entities read local files. Declarations can only sit
in the document type declaration before the root element, so the check reads the prolog with
expat and stops at the first element: cheap whatever the size of the document.
"""

from __future__ import annotations

import io
import xml.parsers.expat
import zipfile
from typing import IO, NoReturn

from aikg.core.errors import InputError

CHUNK = 64 * 1024
REFUSED = ("declares XML entities (<!ENTITY …> in its DOCTYPE), the shape of an entity-expansion attack; "
           "aikg does not read XML with entity declarations: remove them from the file")


class _RootReached(Exception):
    """The root element started: no declaration can follow."""


class _Refused(Exception):
    pass


def _refuse(*_: object) -> NoReturn:
    raise _Refused


def _root(*_: object) -> NoReturn:
    raise _RootReached


def check_xml(stream: IO[bytes], source: str) -> None:
    """Raise :class:`InputError` naming ``source`` when the XML read from ``stream`` declares entities."""
    parser = xml.parsers.expat.ParserCreate()
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = _root
    try:
        while chunk := stream.read(CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _RootReached:
        return
    except _Refused:
        raise InputError(REFUSED, source=source) from None
    except xml.parsers.expat.ExpatError:
        return  # not well-formed: the real parser says why, with its own message


def check_xml_bytes(data: bytes, source: str) -> None:
    check_xml(io.BytesIO(data), source)


def check_xlsx(data: bytes, source: str) -> None:
    """Check every XML part of an XLSX (zip) workbook; a file that is no zip is left to the reader."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels", ".vml")):
                try:
                    with archive.open(info) as part:
                        check_xml(part, f"{source} ({info.filename})")
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                    return  # damaged or encrypted part: the reader reports it
