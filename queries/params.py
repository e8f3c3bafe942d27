"""Declared query parameters: parse a ``// param:`` spec, and check and coerce values (pure, no I/O).

Spec grammar (one line, or continued with indented ``//`` lines)::

    NAME TYPE (required | default=VALUE) [min=N] [max=N] [choices=a|b|c] [hook] -- meaning

``TYPE`` is one of :data:`TYPES`; ``entity`` may name the entity types it accepts
(``entity:Cluster``, ``entity:Institute|Company|Agency``) and is resolved against the
store before the query runs (id, name or alias); ``reltype`` accepts ``any`` or a
relationship type of the schema; ``date`` is ISO-8601 and travels as a string, because
timestamps are stored as ISO strings and compared as strings. ``default=null`` makes a
parameter optional with no value. ``hook`` marks a parameter that the query's Python
hook reads and that is not sent to the store.
"""

from __future__ import annotations

import math
import re
import shlex
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from aikg.core.schema import SCHEMA

TYPES = ("int", "float", "str", "bool", "date", "entity", "reltype")
#: a derived value may also be a list (of maps), which a hook builds and no user types
DERIVED_TYPES = (*TYPES, "list")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off"}


class SpecError(ValueError):
    """A ``// param:`` or ``// derived:`` line that does not follow the grammar."""


class ValueCheckError(ValueError):
    """A value that does not fit its declared parameter."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    meaning: str
    required: bool = False
    default: Any = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    choices: tuple[str, ...] = ()
    entity_types: tuple[str, ...] = ()
    hook: bool = False

    @property
    def type_label(self) -> str:
        """Short type text for messages and docs: ``int 1..4``, ``entity:Cluster``, ``str: a|b``."""
        if self.type == "entity":
            return "entity:" + "|".join(self.entity_types) if self.entity_types else "entity"
        if self.type == "reltype":
            return "reltype"
        label = self.type
        if self.minimum is not None or self.maximum is not None:
            lo = "" if self.minimum is None else _num(self.minimum)
            hi = "" if self.maximum is None else _num(self.maximum)
            label += f" {lo}..{hi}"
        if self.choices:
            label += ": " + "|".join(self.choices)
        return label

    def describe(self) -> str:
        """``depth (int 1..4, default 2)`` — used when listing valid parameters."""
        if self.required:
            tail = "required"
        else:
            tail = "default " + ("none" if self.default is None else _show(self.default))
        return f"{self.name} ({self.type_label}, {tail})"

    def coerce(self, value: Any) -> Any:
        """The value converted to the declared type, or :class:`ValueCheckError` saying what fits."""
        if value is None:
            if self.required:
                raise ValueCheckError(f"{self.name} is required ({self.type_label})")
            return None
        converted = _COERCE[self.type](self, value)
        if self.minimum is not None and converted < self.minimum:
            raise ValueCheckError(f"{self.name} must be at least {_num(self.minimum)}, got {_show(value)}")
        if self.maximum is not None and converted > self.maximum:
            raise ValueCheckError(f"{self.name} must be at most {_num(self.maximum)}, got {_show(value)}")
        return converted


@dataclass(frozen=True)
class Derived:
    """A value the query's hook computes and sends; declared so the text check stays exact."""

    name: str
    type: str
    meaning: str


@dataclass(frozen=True)
class _Spec:
    name: str
    type: str
    options: dict[str, str] = field(default_factory=dict)
    flags: tuple[str, ...] = ()
    meaning: str = ""


def _num(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def _split(text: str) -> _Spec:
    head, sep, meaning = text.partition(" -- ")
    if not sep or not meaning.strip():
        raise SpecError("missing ' -- meaning' after the spec")
    try:
        tokens = shlex.split(head, posix=True)
    except ValueError as exc:
        raise SpecError(f"cannot split the spec ({exc})") from None
    if len(tokens) < 2:
        raise SpecError("expected 'NAME TYPE ...'")
    name, ptype, rest = tokens[0], tokens[1], tokens[2:]
    options: dict[str, str] = {}
    flags: list[str] = []
    for tok in rest:
        key, eq, val = tok.partition("=")
        if eq:
            if key in options:
                raise SpecError(f"option {key!r} given twice")
            options[key] = val
        else:
            flags.append(tok)
    return _Spec(name, ptype, options, tuple(flags), " ".join(meaning.split()))


def _entity_types(spec: _Spec, base: str, restrict: str) -> tuple[str, ...]:
    """The types after ``entity:`` (``entity:Institute|Company``), checked against the schema."""
    if not restrict:
        return ()
    if base != "entity":
        raise SpecError(f"parameter {spec.name}: only entity takes a type restriction")
    entity_types = tuple(restrict.split("|"))
    unknown = [t for t in entity_types if t not in SCHEMA.entity_types]
    if unknown:
        raise SpecError(f"parameter {spec.name}: unknown entity type {unknown[0]!r}")
    return entity_types


def _check_words(spec: _Spec) -> bool:
    """Refuse unknown flags and options; whether the parameter is required."""
    unknown_flags = [f for f in spec.flags if f not in ("required", "hook")]
    if unknown_flags:
        raise SpecError(f"parameter {spec.name}: unknown flag {unknown_flags[0]!r} (flags: required, hook)")
    unknown_opts = [k for k in spec.options if k not in ("default", "min", "max", "choices")]
    if unknown_opts:
        raise SpecError(f"parameter {spec.name}: unknown option {unknown_opts[0]!r} (options: default, min, max, choices)")
    required = "required" in spec.flags
    if required == ("default" in spec.options):
        raise SpecError(f"parameter {spec.name}: say either 'required' or 'default=VALUE'")
    return required


def _bounds(spec: _Spec, base: str) -> dict[str, int | float]:
    bounds: dict[str, int | float] = {}
    for key in ("min", "max"):
        if key in spec.options:
            if base not in ("int", "float"):
                raise SpecError(f"parameter {spec.name}: {key}= applies to int and float only")
            try:
                bounds[key] = int(spec.options[key]) if base == "int" else float(spec.options[key])
            except ValueError:
                raise SpecError(f"parameter {spec.name}: {key}={spec.options[key]!r} is not a {base}") from None
    if "min" in bounds and "max" in bounds and bounds["min"] > bounds["max"]:
        raise SpecError(f"parameter {spec.name}: min is above max")
    return bounds


def _choices(spec: _Spec, base: str) -> tuple[str, ...]:
    choices: tuple[str, ...] = ()
    if "choices" in spec.options:
        if base != "str":
            raise SpecError(f"parameter {spec.name}: choices= applies to str only")
        choices = tuple(c for c in spec.options["choices"].split("|") if c)
        if len(set(choices)) != len(choices) or not choices:
            raise SpecError(f"parameter {spec.name}: choices must be distinct and non-empty")
    if base == "reltype":
        choices = ("any", *SCHEMA.relation_types)
    return choices


def parse_param(text: str) -> Param:
    """Parse the text after ``// param:``."""
    spec = _split(text)
    if not NAME.match(spec.name):
        raise SpecError(f"parameter name {spec.name!r} must be lower_snake_case")
    base, _, restrict = spec.type.partition(":")
    if base not in TYPES:
        raise SpecError(f"parameter {spec.name}: unknown type {spec.type!r}; use one of {', '.join(TYPES)}")
    entity_types = _entity_types(spec, base, restrict)
    required = _check_words(spec)
    bounds = _bounds(spec, base)
    choices = _choices(spec, base)
    param = Param(spec.name, base, spec.meaning, required, None, bounds.get("min"), bounds.get("max"), choices,
                  entity_types, "hook" in spec.flags)
    if required or spec.options["default"] == "null":
        return param
    try:
        default = param.coerce(spec.options["default"])
    except ValueCheckError as exc:
        raise SpecError(f"parameter {spec.name}: default does not fit: {exc}") from None
    return Param(spec.name, base, spec.meaning, False, default, param.minimum, param.maximum, choices,
                 entity_types, param.hook)


def parse_derived(text: str) -> Derived:
    """Parse the text after ``// derived:`` (``NAME TYPE -- meaning``)."""
    spec = _split(text)
    if not NAME.match(spec.name):
        raise SpecError(f"derived name {spec.name!r} must be lower_snake_case")
    if spec.type not in DERIVED_TYPES or spec.options or spec.flags:
        raise SpecError(f"derived {spec.name}: expected 'NAME TYPE -- meaning' with TYPE one of {', '.join(DERIVED_TYPES)}")
    return Derived(spec.name, spec.type, spec.meaning)


# --- coercion -------------------------------------------------------------------------------


def _int(p: Param, value: Any) -> int:
    if isinstance(value, bool):
        raise ValueCheckError(f"{p.name} must be an integer, got {_show(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        return int(value)
    raise ValueCheckError(f"{p.name} must be an integer ({p.type_label}), got {_show(value)}")


def _float(p: Param, value: Any) -> float:
    if isinstance(value, bool):
        raise ValueCheckError(f"{p.name} must be a number, got {_show(value)}")
    try:
        number = float(value) if isinstance(value, (int, float, str)) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ValueCheckError(f"{p.name} must be a finite number ({p.type_label}), got {_show(value)}")
    return number


def _str(p: Param, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueCheckError(f"{p.name} must be a string, got {_show(value)}")
    if p.choices:
        folded = {c.lower(): c for c in p.choices}
        if value.strip().lower() not in folded:
            raise ValueCheckError(f"{p.name} must be one of {', '.join(p.choices)}; got {_show(value)}")
        return folded[value.strip().lower()]
    return value


def _bool(p: Param, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueCheckError(f"{p.name} must be true or false, got {_show(value)}")


def _date(p: Param, value: Any) -> str:
    """ISO date stays ``YYYY-MM-DD``; a datetime becomes UTC ``YYYY-MM-DDTHH:MM:SS+00:00`` like stored stamps."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return value.isoformat()
    elif isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return date.fromisoformat(text).isoformat()
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueCheckError(f"{p.name} must be an ISO-8601 date like 2025-01-31 or 2025-01-31T12:00:00Z, "
                                  f"got {_show(value)}") from None
    else:
        raise ValueCheckError(f"{p.name} must be an ISO-8601 date string, got {_show(value)}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _entity(p: Param, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueCheckError(f"{p.name} must be an entity id, name or alias, got {_show(value)}")
    return value.strip()


_COERCE = {"int": _int, "float": _float, "str": _str, "bool": _bool, "date": _date, "entity": _entity,
           "reltype": _str}
