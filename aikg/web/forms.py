"""Query forms generated from the catalog headers, and a submitted form turned into parameters.

A field's kind follows the declared type (number, checkbox-like choice, list of choices, text);
its bounds, default and help come from the header. Checking stays with the catalog:
:meth:`Query.bind` gives the message shown on the form when a value does not fit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aikg.core.schema import SCHEMA
from aikg.queries.catalog import Query
from aikg.queries.params import Param


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # number | select | text | date
    label: str
    help: str
    required: bool
    value: str
    choices: tuple[str, ...] = ()
    minimum: Any = None
    maximum: Any = None
    step: str = ""


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _choices(p: Param) -> tuple[str, ...]:
    if p.type == "bool":
        return ("true", "false")
    if p.type == "reltype":
        return ("any", *sorted(SCHEMA.relation_types))
    return p.choices


def field_of(p: Param, submitted: Mapping[str, str]) -> Field:
    """The form field for one declared parameter, holding the submitted value or the default."""
    value = submitted.get(p.name, _show(p.default))
    choices = _choices(p)
    if choices:
        kind = "select"
    elif p.type in ("int", "float"):
        kind = "number"
    elif p.type == "date":
        kind = "date"
    else:
        kind = "text"
    return Field(p.name, kind, p.name, f"{p.meaning} ({p.describe()})", p.required, value, choices,
                 p.minimum, p.maximum, "1" if p.type == "int" else "any" if p.type == "float" else "")


def fields(query: Query, submitted: Mapping[str, str]) -> list[Field]:
    return [field_of(p, submitted) for p in query.params]


def params_from_form(query: Query, form: Mapping[str, str]) -> dict[str, str]:
    """The submitted values of declared parameters; an empty field means the default. Unknown keys
    are kept so the catalog names them in its message."""
    return {k: v.strip() for k, v in form.items() if k not in ("run", "format") and v.strip() != ""}
