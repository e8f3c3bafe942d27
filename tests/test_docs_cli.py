"""README and docs name only CLI commands and options that exist (docs must not drift from the CLI)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import typer

from aikg.cli import app

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "data" / "samples" / "README.md"]
CODE = re.compile(r"```[^\n]*\n(.*?)```|`([^`\n]+)`", re.DOTALL)
CALL = re.compile(r"(?:^|[\s/(;&|])aikg((?:[ \t]+[^\s`'\"|;&)#]+)*)")


@cache
def command_tree():  # typer builds click-like command objects (its own vendored click)
    """Built once: typer inspects every command's signature to build it (about 0.1 s a time, and the docs
    name aikg some 400 times)."""
    return typer.main.get_command(app)


def is_group(cmd) -> bool:
    return isinstance(getattr(cmd, "commands", None), dict)


def resolve(tokens: list[str]):
    """Walk command tokens; return the command reached, the remaining tokens and the path."""
    cmd = command_tree()
    path = "aikg"
    rest = list(tokens)
    while is_group(cmd) and rest and not rest[0].startswith("-"):
        sub = cmd.commands.get(rest[0])
        if sub is None:
            return None, rest, path
        path += " " + rest.pop(0)
        cmd = sub
    return cmd, rest, path


def options_of(cmd) -> set[str]:
    names = {"--help"}
    for p in cmd.params:
        if getattr(p, "param_type_name", "") == "option":
            names.update(p.opts + p.secondary_opts)
    return names


def mentions() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        if not doc.exists():
            continue
        for m in CODE.finditer(doc.read_text("utf-8")):
            block = m.group(1) if m.group(1) is not None else m.group(2)
            for line in block.splitlines():
                line = line.split(" #")[0]
                for call in CALL.finditer(line):
                    found.append((f"{doc.relative_to(ROOT)}", call.group(1).strip()))
    return found


def test_docs_mention_the_cli():
    assert len(mentions()) > 20


def test_every_documented_command_and_option_exists():
    bad = []
    for where, text in mentions():
        tokens = text.split()
        if not tokens or tokens[0].startswith(("-", "<", "[", "{", "$")) or tokens[0] in ("...", "…"):
            continue
        cmd, rest, path = resolve(tokens)
        if cmd is None:
            bad.append(f"{where}: `aikg {text}`: no command '{rest[0]}' under '{path}'")
            continue
        if is_group(cmd):
            continue
        known = options_of(cmd)
        for tok in rest:
            opt = tok.split("=")[0]
            if re.fullmatch(r"--?[A-Za-z][\w-]*", opt) and opt not in known:
                bad.append(f"{where}: `aikg {text}`: '{path}' has no option {opt}")
    assert not bad, "\n".join(bad)


def test_checker_catches_a_made_up_command_and_option():
    cmd, rest, _ = resolve(["frobnicate"])
    assert cmd is None
    cmd, rest, _ = resolve(["query", "run", "x", "--param", "a=1"])
    assert cmd is not None and "--param" in options_of(cmd) and "--nope" not in options_of(cmd)
