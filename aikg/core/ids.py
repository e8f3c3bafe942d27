"""Name normalisation and stable entity ids: the same name gives the same id on every machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LEADING_ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def clean_surface(text: str) -> str:
    """Tidy a surface form for display: collapse whitespace, drop a leading 'The' and a trailing possessive."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    text = _POSSESSIVE.sub("", text).strip()
    text = _LEADING_ARTICLE.sub("", text)
    return text.strip(" ,;:.\"'()[]")


def normalise_name(name: str) -> str:
    """Key for comparing names: NFKC, case-folded, no leading article, punctuation folded to spaces."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("&", " and ")
    text = _LEADING_ARTICLE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def entity_id(entity_type: str, name: str) -> str:
    """Stable id ``type:slug`` from the type and canonical name.

    The slug keeps Unicode letters so ids stay readable in every script; an empty slug
    (a name of punctuation only) falls back to a short hash of the raw name.
    """
    slug = normalise_name(name).replace(" ", "-")
    if not slug:
        slug = "h" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
    return f"{entity_type.lower()}:{slug}"


def content_id(data: bytes) -> str:
    """Document id: sha256 of the raw content."""
    return hashlib.sha256(data).hexdigest()
