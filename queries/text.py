"""Reading catalog files as text (pure): the ``//`` header, the parameters a query uses, and the
checks that keep every query inside the Cypher both engines run and inside the schema.

Header format: the leading ``//`` lines of a ``.cypher`` file, before the first line of Cypher::

    // name: partnership_network
    // title: Partnership network of an organisation
    // description: First sentence ...
    //   a continuation line is indented by at least two spaces after the slashes.
    // param: depth int default=2 min=1 max=4 -- how many hops to follow
    // column: source -- id of one end
    // empty: what an empty answer means
    // example: aikg query run partnership_network --param org=institute:vector-institute

A bare ``//`` line is ignored. Any other line in the header is an error, so a typo in a
key is caught instead of silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aikg.core.schema import SCHEMA

KEYS = ("name", "title", "description", "param", "derived", "column", "empty", "example", "hook")
REPEATABLE = frozenset({"param", "derived", "column", "example"})
_KEY_LINE = re.compile(r"^//\s?([a-z_]+):\s?(.*)$")
_CONTINUATION = re.compile(r"^//(?:\s{2,}|\t)(\S.*)$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_REL_PATTERN = re.compile(r"-\[\s*\w*\s*:\s*([A-Za-z_][\w|]*)")
_NODE_LABEL = re.compile(r"(?<=[(\w]):([A-Za-z_]\w*)(\s*\|)?")

#: Constructs FalkorDB refuses (see the engine notes); a query using one is refused on load.
UNPORTABLE = (
    (re.compile(r"\bEXISTS\s*\{", re.I), "EXISTS { } subqueries"),
    (re.compile(r"\bCOUNT\s*\{", re.I), "COUNT { } subqueries"),
    (re.compile(r"\bCOLLECT\s*\{", re.I), "COLLECT { } subqueries"),
    (re.compile(r"=~"), "regular-expression match =~"),
    (re.compile(r"\bdatetime\s*\(", re.I), "datetime()"),
    (re.compile(r"\belementId\s*\(", re.I), "elementId()"),
    (re.compile(r"\bCALL\s*\(", re.I), "CALL (x) { } scoped subqueries"),
    (re.compile(r"\bIN\s+TRANSACTIONS\b", re.I), "CALL ... IN TRANSACTIONS"),
    (re.compile(r"\bapoc\.", re.I), "APOC procedures"),
    (re.compile(r"(?<![A-Za-z])shortestPath\s*\(", re.I), "shortestPath() (use allShortestPaths after binding both ends)"),
)
_WRITE = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b", re.I)


class HeaderError(ValueError):
    """A header that does not follow the format; carries the line number."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


@dataclass(frozen=True)
class Field:
    key: str
    value: str
    line: int


def split_header(text: str) -> tuple[list[Field], str]:
    """The header fields (continuations joined) and the Cypher body that follows them."""
    lines = text.splitlines()
    fields: list[Field] = []
    i = 0
    for i, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.startswith("//"):
            break
        if line.strip() == "//":
            continue
        cont = _CONTINUATION.match(line)
        if cont and fields:
            last = fields[-1]
            fields[-1] = Field(last.key, f"{last.value} {cont.group(1).strip()}".strip(), last.line)
            continue
        keyed = _KEY_LINE.match(line)
        if not keyed:
            raise HeaderError(f"expected '// key: value' or an indented continuation, got {line!r}", i + 1)
        key, value = keyed.group(1), keyed.group(2).strip()
        if key not in KEYS:
            raise HeaderError(f"unknown header key {key!r}; keys: {', '.join(KEYS)}", i + 1)
        if key not in REPEATABLE and any(f.key == key for f in fields):
            raise HeaderError(f"header key {key!r} given twice", i + 1)
        fields.append(Field(key, value, i + 1))
    else:
        i = len(lines)
    return fields, "\n".join(lines[i:])


def code_only(cypher: str) -> str:
    """The query without string literals and ``//`` comments (for scanning names and parameters).

    One left-to-right pass, so a quote inside a comment or ``//`` inside a string is read
    for what it is.
    """
    out: list[str] = []
    i, n = 0, len(cypher)
    while i < n:
        ch = cypher[i]
        if ch in "'\"`":
            j = i + 1
            while j < n and cypher[j] != ch:
                j += 2 if cypher[j] == "\\" and ch != "`" else 1
            out.append("''" if ch != "`" else cypher[i:j + 1])
            i = j + 1
        elif cypher.startswith("//", i):
            while i < n and cypher[i] != "\n":
                i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def used_params(cypher: str) -> set[str]:
    """Every ``$name`` the query text uses."""
    return set(_PARAM.findall(code_only(cypher)))


def check_cypher(cypher: str) -> list[str]:
    """Problems that would break a query on one engine or step outside the schema (empty = fine)."""
    code = code_only(cypher)
    problems = [f"uses {what}, which FalkorDB does not run" for pattern, what in UNPORTABLE if pattern.search(code)]
    if _WRITE.search(code):
        problems.append("catalog queries are read-only, but this one has a write clause")
    rel_types = set(SCHEMA.relation_types) | {SCHEMA.mention_type}
    for match in _REL_PATTERN.finditer(code):
        for rtype in match.group(1).split("|"):
            rtype = rtype.split("*")[0]
            if rtype and rtype not in rel_types:
                problems.append(f"relationship type {rtype!r} is not in the schema")
    labels = {SCHEMA.entity_label, SCHEMA.document_label, *SCHEMA.entity_types}
    for match in _NODE_LABEL.finditer(_REL_PATTERN.sub("-[", code)):
        if match.group(2):
            problems.append(f"label expression ':{match.group(1)}|...' fails on FalkorDB; "
                            "use (n:Entity) WHERE n:A OR n:B")
        elif match.group(1) not in labels:
            problems.append(f"label {match.group(1)!r} is not in the schema")
    return problems
