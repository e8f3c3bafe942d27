#!/usr/bin/env python
"""Check hand-annotated gold files (tests/data/gold/**/NAME.gold.json) before they are used to score extraction.

Why: a gold file that names an entity absent from its text, or a relation the schema forbids, silently lowers
every score measured against it. Rules are those of docs/annotation.md:

* the file parses, has ``style`` (a known genre), ``unlisted`` (true/false), ``entities`` and ``relations``;
* every entity has a schema type; every name and alias occurs literally in the text at word boundaries;
* no name or alias is used by two entities, no entity is listed twice;
* every relation end is the canonical name of an entity of the file; the type exists and respects the
  schema's from/to types; no self-relations and no duplicates (PARTNERS_WITH counted undirected);
* warnings (not errors): text length outside 250-700 words, an ``unlisted`` flag that disagrees with the
  gazetteer (>= 80% of organisations, people and programmes absent means unlisted).

Usage: ``python scripts/check_gold.py [PATH ...]`` (files or folders; default tests/data/gold/dev).
Exit code 1 when any file has an error; every file is checked even when one is broken.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from aikg.core.ids import normalise_name
from aikg.core.paths import as_path, shipped
from aikg.core.schema import SCHEMA

GENRES = ("think_tank", "industry_guide", "news", "press_release", "encyclopedia", "university_news",
          "gov_programme", "gov_fact_sheet", "10k", "funding_announcement", "consortium_page", "interview",
          "conference_programme", "vc_blog")
MIN_WORDS, MAX_WORDS = 250, 700
UNLISTED_SHARE = 0.8
NOT_LISTED_TYPES = ("Institute", "Company", "Agency", "Programme", "Person")


def gazetteer_names() -> set[str]:
    """Normalised names, aliases and acronyms of every shipped gazetteer entry."""
    names: set[str] = set()
    folder = as_path(shipped("gazetteer"))
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                for n in (row.get("name", ""), *row.get("aliases", []), *row.get("acronyms", [])):
                    names.add(normalise_name(n))
    return names - {""}


def occurs(name: str, text: str) -> bool:
    """True when ``name`` occurs in ``text`` literally, not inside a longer word."""
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def _check_entities(ents: Any, text: str, errors: list[str]) -> dict[str, str]:
    """Check the entity list; return canonical name -> type for the relation checks."""
    types: dict[str, str] = {}
    owner: dict[str, str] = {}
    if not isinstance(ents, list):
        errors.append("'entities' must be a list")
        return types
    for i, e in enumerate(ents):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            errors.append(f"entity #{i} needs a non-empty 'name'")
            continue
        name, etype, aliases = e["name"], e.get("type"), e.get("aliases", [])
        if etype not in SCHEMA.entity_types:
            errors.append(f"entity {name!r}: type {etype!r} is not one of {sorted(SCHEMA.entity_types)}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            errors.append(f"entity {name!r}: 'aliases' must be a list of strings")
            aliases = []
        if name in types:
            errors.append(f"entity {name!r} is listed twice")
        types[name] = str(etype)
        for n in (name, *aliases):
            if not occurs(n, text):
                errors.append(f"entity {name!r}: {n!r} does not occur in the text at word boundaries")
            key = normalise_name(n)
            if key in owner and owner[key] != name:
                errors.append(f"{n!r} is a name of both {owner[key]!r} and {name!r}")
            owner.setdefault(key, name)
    return types


def _check_relations(rels: Any, types: dict[str, str], errors: list[str]) -> None:
    if not isinstance(rels, list):
        errors.append("'relations' must be a list")
        return
    seen: set[tuple[str, str, str]] = set()
    for i, r in enumerate(rels):
        if not isinstance(r, dict) or not all(isinstance(r.get(k), str) for k in ("type", "source", "target")):
            errors.append(f"relation #{i} needs string 'type', 'source' and 'target'")
            continue
        rtype, src, dst = r["type"], r["source"], r["target"]
        label = f"{rtype}({src} -> {dst})"
        missing = [end for end in (src, dst) if end not in types]
        if missing:
            errors.append(f"relation {label}: {', '.join(map(repr, missing))} is not the canonical name of an entity")
            continue
        if src == dst:
            errors.append(f"relation {label} ties an entity to itself")
        why = SCHEMA.check_relation(rtype, types[src], types[dst])
        if why:
            errors.append(f"relation {label}: {why}")
        key = (rtype, *sorted((src, dst))) if rtype in SCHEMA.relation_types and \
            SCHEMA.relation_types[rtype].symmetric else (rtype, src, dst)
        if key in seen:
            errors.append(f"relation {label} is listed twice")
        seen.add(key)


def _check_fields(gold: dict[str, Any], errors: list[str]) -> None:
    if gold.get("style") not in GENRES:
        errors.append(f"'style' is {gold.get('style')!r}; use one of {', '.join(GENRES)}")
    if not isinstance(gold.get("unlisted"), bool):
        errors.append("'unlisted' must be true or false (true when >= 80% of its organisations, people and "
                      "programmes are absent from data/gazetteer/*.jsonl)")


def _warnings(gold: dict[str, Any], text: str, listed: set[str]) -> list[str]:
    warns = []
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        warns.append(f"text has {words} words (aim for {MIN_WORDS}-{MAX_WORDS})")
    ents = [e for e in gold.get("entities", []) if isinstance(e, dict) and e.get("type") in NOT_LISTED_TYPES]
    if ents and isinstance(gold.get("unlisted"), bool):
        absent = sum(1 for e in ents if not ({normalise_name(n) for n in (e.get("name", ""), *e.get("aliases", []))}
                                             & listed))
        share = absent / len(ents)
        if (share >= UNLISTED_SHARE) != gold["unlisted"]:
            warns.append(f"'unlisted' is {str(gold['unlisted']).lower()} but {absent}/{len(ents)} "
                         f"({share:.0%}) of its organisations, people and programmes are absent from the gazetteer")
    return warns


def check_file(gold_path: Path, listed: set[str] | None = None) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) for one NAME.gold.json and its NAME.txt."""
    errors: list[str] = []
    text_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
    try:
        text = text_path.read_text(encoding="utf-8")
    except OSError as e:
        return [f"cannot read its text {text_path.name}: {e}"], []
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        return [f"not valid JSON: {e}"], []
    if not isinstance(gold, dict):
        return ["top level must be an object"], []
    _check_fields(gold, errors)
    types = _check_entities(gold.get("entities"), text, errors)
    _check_relations(gold.get("relations"), types, errors)
    return errors, _warnings(gold, text, listed if listed is not None else gazetteer_names())


def gold_files(paths: list[Path]) -> list[Path]:
    """Every *.gold.json under the given files and folders, sorted."""
    found: list[Path] = []
    for p in paths:
        found.extend(sorted(p.rglob("*.gold.json")) if p.is_dir() else [p])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("tests/data/gold/dev")])
    parser.add_argument("--quiet", action="store_true", help="print only files with errors and the summary")
    args = parser.parse_args(argv)
    files = gold_files(args.paths)
    orphans = [t for p in args.paths if p.is_dir() for t in sorted(p.rglob("*.txt"))
               if not t.with_name(t.stem + ".gold.json").exists()]
    listed = gazetteer_names()
    bad = 0
    for path in files:
        errors, warns = check_file(path, listed)
        bad += bool(errors)
        if errors or (warns and not args.quiet):
            print(f"{path}: {'FAIL' if errors else 'ok'}")
            for e in errors:
                print(f"  error: {e}")
            for w in warns if not args.quiet else []:
                print(f"  warning: {w}")
    for t in orphans:
        print(f"{t}: warning: no {t.stem}.gold.json beside it")
    print(f"{len(files)} gold files checked, {bad} with errors")
    return 1 if bad or not files else 0


if __name__ == "__main__":
    sys.exit(main())
