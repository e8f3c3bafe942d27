"""neo4j-admin import CSVs: parsed back with the csv module and compared with what the real loader writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from aikg.core.jsonl import read_jsonl
from aikg.graph.bulk import ARRAY_DELIMITER, FIX_ALIASES, FIX_EV_SENTENCE, BulkExportError, write_neo4j_import
from aikg.graph.loader import load_jsonl
from tests.conftest import DATA

BULK = DATA / "bulk"
FILES = [BULK / "part_a.jsonl", BULK / "part_b.jsonl"]
VOLATILE = {"first_seen", "updated", "loaded_at", "linked_at"}
#: kept by the loader on the embedded store only, where an index answers `k IN n.list` (graph/name_keys.py); the
#: bulk export is for Neo4j, whose graph_health folds every name instead
EMBEDDED_ONLY = {"name_keys", "has_duplicate"}
HOSTILE = 'Quote "Q", comma, semi; line\nbreak \'}) DETACH DELETE n // 北京 Ünïcødé \\ end'


# --------------------------------------------------------------------------- reading the files back


def _fields(text: str) -> list[list[tuple[str, bool]]]:
    """RFC 4180 records as (value, was_quoted), to tell an empty unquoted field (no property) from ""."""
    records, row, value, quoted, i = [], [], [], False, 0
    in_quotes = False
    while i < len(text):
        ch = text[i]
        if in_quotes:
            if ch == '"' and text[i + 1:i + 2] == '"':
                value.append('"')
                i += 1
            elif ch == '"':
                in_quotes = False
            else:
                value.append(ch)
        elif ch == '"':
            in_quotes = quoted = True
        elif ch == ",":
            row.append(("".join(value), quoted))
            value, quoted = [], False
        elif ch == "\n":
            row.append(("".join(value), quoted))
            records.append(row)
            row, value, quoted = [], [], False
        else:
            value.append(ch)
        i += 1
    assert not in_quotes and not row and not value, "file must end with a complete record"
    return records


def _read(path: Path) -> list[list[str | None]]:
    """Rows via the csv module; checked field by field against the quote-aware reader above."""
    with path.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    exact = _fields(text)
    assert [[v for v, _ in r] for r in exact] == rows
    return [[v if (v or q) else None for v, q in r] for r in exact]


def _decode(value: str | None, ctype: str) -> Any:
    """A field as neo4j-admin reads it (no value: missing property; empty arrays are not imported)."""
    if value is None:
        return None
    if ctype.endswith("[]"):
        if value == "":
            return None
        return [_decode(v, ctype[:-2]) for v in value.split(ARRAY_DELIMITER)]
    return {"string": str, "long": int, "double": float, "boolean": lambda v: v == "true"}[ctype](value)


def read_export(out: Path) -> tuple[dict, dict, dict[str, list[str]]]:
    """Nodes {id: (labels, props)} and relationships {(a, type, b): props} from an export folder."""
    nodes: dict[str, tuple[frozenset, dict]] = {}
    rels: dict[tuple[str, str, str], dict] = {}
    headers: dict[str, list[str]] = {}
    for header in sorted(out.glob("*_header.csv")):
        data = header.with_name(header.name.replace("_header.csv", ".csv"))
        head = _read(header)
        assert len(head) == 1
        cols = [c.split(":", 1) for c in head[0]]
        headers[data.stem] = head[0]
        for row in _read(data):
            assert len(row) == len(cols)
            props, ident, start, end, labels, rtype = {}, None, None, None, None, None
            for (name, ctype), value in zip(cols, row):
                if ctype.startswith("ID("):
                    ident = value
                    props[name] = value
                elif ctype == "LABEL":
                    labels = frozenset(value.split(ARRAY_DELIMITER))
                elif ctype.startswith("START_ID("):
                    start = value
                elif ctype.startswith("END_ID("):
                    end = value
                elif ctype == "TYPE":
                    rtype = value
                else:
                    decoded = _decode(value, ctype)
                    if decoded is not None:
                        props[name] = decoded
            if ident is not None:
                assert ident not in nodes, f"duplicate node id {ident}"
                nodes[ident] = (labels, props)
            else:
                rels[(start, rtype, end)] = props
    return nodes, rels, headers


def apply_post_import(out: Path, nodes: dict, rels: dict) -> None:
    """What post-import.cypher does, done on the parsed rows (checked to be in the file)."""
    script = (out / "post-import.cypher").read_text(encoding="utf-8")
    for labels, props in nodes.values():
        if "Entity" in labels and "aliases" not in props:
            assert FIX_ALIASES in script
            props["aliases"] = []
    for props in rels.values():
        if "ev_doc" in props and "ev_sentence" not in props:
            assert FIX_EV_SENTENCE in script
            props["ev_sentence"] = ["" for _ in props["ev_doc"]]


def dump_store(store) -> tuple[dict, dict]:
    nodes = {r["p"]["id"]: (frozenset(r["l"]), r["p"]) for r in store.read("MATCH (n) WHERE NOT n:ChangeCount RETURN labels(n) AS l, properties(n) AS p")}
    rels = {(r["a"], r["t"], r["b"]): r["p"] for r in
            store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p")}
    return nodes, rels


def strip(graph: tuple[dict, dict]) -> tuple[dict, dict]:
    nodes, rels = graph
    return ({k: (l, {p: v for p, v in props.items() if p not in VOLATILE | EMBEDDED_ONLY}) for k, (l, props) in nodes.items()},
            {k: {p: v for p, v in props.items() if p not in VOLATILE} for k, props in rels.items()})


# --------------------------------------------------------------------------- tests


def test_headers_ids_and_files(tmp_path):
    report = write_neo4j_import(FILES, tmp_path)
    assert not report.errors
    _, _, headers = read_export(tmp_path)
    assert headers["nodes_Document"][:2] == ["id:ID(Document)", ":LABEL"]
    assert headers["nodes_Institute"][:5] == ["id:ID(Entity)", ":LABEL", "name:string", "aliases:string[]", "alias_text:string"]
    assert {"founded:long", "score:double", "public:boolean", "wikidata:string"} <= set(headers["nodes_Institute"])
    assert headers["rels_MENTIONS"] == [":START_ID(Document)", ":END_ID(Entity)", ":TYPE", "count:long", "starts:long[]", "ends:long[]"]
    assert headers["rels_RUNS"][:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    # docs: only where ev_doc names a document twice (load_relations.cypher)
    assert {"ev_sentence:string[]", "ev_confidence:double[]", "ev_start:long[]", "support:long"} <= set(headers["rels_RUNS"])
    # one node file per label, one relationship file per type, each with its header file
    assert {f.name for f in report.files if f.kind == "nodes"} == {"Document", "Institute", "Cluster", "Company", "Person", "Agency", "Programme"}
    assert {f.name for f in report.files if f.kind == "relationships"} == {"MENTIONS", "LOCATED_IN", "PARTNERS_WITH", "AFFILIATED_WITH", "RUNS"}
    for f in report.files:
        assert f.header.exists() and f.data.exists()
    assert report.nodes == 3 + 6 and report.relationships == sum(f.rows for f in report.files if f.kind == "relationships")


# `neo4j-admin database import full` as Neo4j 5 parses it (picocli): options are `--name=value`;
# `--nodes` and `--relationships` take one or more values, so every bare word after them is one
# more file; the positional <database> is the first bare word before any of them. Neo4j 5.19+
# therefore reads `… --relationships=a.csv neo4j` as a file named `neo4j` ("File 'neo4j' doesn't
# exist"; neo4j/docs-operations PR 1689 moved the name right after `full`).
MULTI_VALUE = ("--nodes", "--relationships")


def parse_import_command(args: list[str]) -> tuple[str | None, dict[str, str], list[str]]:
    """(database, single-value options, files) of a `neo4j-admin database import full` command line."""
    assert args[:4] == ["neo4j-admin", "database", "import", "full"]
    database, options, files, greedy = None, {}, [], False
    for word in args[4:]:
        if word.startswith("--"):
            name, _, value = word.partition("=")
            greedy = name in MULTI_VALUE
            if greedy:
                files += value.split(",")
            else:
                options[name] = value
        elif greedy:
            files.append(word)  # one more value of --nodes/--relationships, not the database
        else:
            assert database is None, f"two positional arguments: {database!r} and {word!r}"
            database = word
    return database, options, files


def test_parse_model_reads_a_trailing_name_as_a_file():
    # the model must fail the old command line: the name after --relationships is a file
    database, _, files = parse_import_command(
        ["neo4j-admin", "database", "import", "full", "--nodes=a.csv", "--relationships=b.csv", "neo4j"])
    assert database is None and files[-1] == "neo4j"


def test_exact_command(tmp_path):
    report = write_neo4j_import(FILES, tmp_path, database="aikg")
    args = report.command_args()
    assert args[:5] == ["neo4j-admin", "database", "import", "full", "aikg"]  # name right after `full`
    database, options, files = parse_import_command(args)
    assert database == "aikg"
    assert all(Path(f).is_file() for f in files), files  # every value of --nodes/--relationships is a file
    assert options == {"--id-type": "string", "--array-delimiter": "U+001F", "--legacy-style-quoting": "false",
                       "--multiline-fields": "true"}  # the fixture has line breaks inside values
    doc = next(f for f in report.files if f.name == "Document")
    assert f"--nodes={doc.header},{doc.data}" in args
    assert sum(a.startswith("--relationships=") for a in args) == 5
    script = (tmp_path / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full aikg \\\n" in script and f"--nodes={doc.header},{doc.data}" in script
    # import.sh, run by sh, passes exactly these arguments
    import shlex
    body = [ln for ln in script.splitlines() if not ln.startswith("#") and ln != "set -e"]
    assert shlex.split(" ".join(ln.rstrip("\\") for ln in body)) == args


def test_overwrite_for_the_community_neo4j_database(tmp_path):
    report = write_neo4j_import(FILES, tmp_path / "a")  # default database: neo4j, which always exists on Community
    assert "--overwrite-destination" not in " ".join(report.command_args())
    assert "--overwrite-destination=true" in report.to_text()  # says how to replace it
    assert "--overwrite-destination=true" in (tmp_path / "a" / "import.sh").read_text(encoding="utf-8")
    report = write_neo4j_import(FILES, tmp_path / "b", overwrite=True)
    database, options, _ = parse_import_command(report.command_args())
    assert database == "neo4j" and options["--overwrite-destination"] == "true"


def test_post_import_fixes_run_in_batches(tmp_path):
    """The repairs touch the whole imported graph: each commits in batches, never as one transaction."""
    import re

    report = write_neo4j_import(FILES, tmp_path)
    assert sorted(report.fixups) == sorted([FIX_ALIASES, FIX_EV_SENTENCE])
    script = (tmp_path / "post-import.cypher").read_text(encoding="utf-8")
    writes = [s for s in script.split(";") if re.search(r"\bSET\b", s)]
    assert writes and all(re.search(r"\}\s*IN TRANSACTIONS OF \d+ ROWS\s*$", s) for s in writes), writes
    assert ":begin" not in script.replace("do not wrap this file in :begin/:commit", "")


def test_hostile_values_round_trip(tmp_path):
    write_neo4j_import(FILES, tmp_path)
    nodes, rels, _ = read_export(tmp_path)
    labels, person = nodes["person:hostile"]
    assert labels == {"Entity", "Person"}
    assert person["name"] == HOSTILE
    assert person["aliases"] == ["O'Brien, \"Q\"", "x\r\ny"]
    assert nodes["company:zhipu"][1]["aliases"] == ["智谱AI", "Zhipu"]
    assert nodes["institute:kaist"][1]["aliases"][:2] == ["Korea Advanced Institute of Science and Technology", "KAIST; Daejeon"]
    doc = nodes["b1" * 32][1]
    assert doc["source"] == 'reports/seoul, "korea".md' and doc["title"] == "" and doc["publisher"] == 'Ministry; of "Science"'
    assert doc["pages"] == [0, 400]
    assert "published" not in nodes["b2" * 32][1]  # missing stays missing, not ""
    runs = rels[("agency:msit", "RUNS", "programme:k-ai")]
    assert runs["ev_sentence"] == ["MSIT runs the K-AI Strategy.", "'}) DETACH DELETE n //"]
    assert runs["ev_page"] == [2, 0] and runs["confidence"] == 1.0
    located = rels[("institute:kaist", "LOCATED_IN", "cluster:daejeon")]
    assert located["ev_sentence"] == ['KAIST is in Daejeon, "Korea"; really.', "KAIST,\nDaejeon"]


def test_export_equals_loaded_store(store, tmp_path):
    report = load_jsonl(store, FILES)
    assert not report.errors
    export = write_neo4j_import(FILES, tmp_path)
    nodes, rels, _ = read_export(tmp_path)
    apply_post_import(tmp_path, nodes, rels)
    want_nodes, want_rels = dump_store(store)
    # same timestamps keys everywhere, values differ only by load time (linked_at sits on one end of each
    # relationship, chosen by degree as the loader writes or over the whole graph: graph/change_keys.py)
    stamps = VOLATILE - {"linked_at"}
    for ident, (_, props) in want_nodes.items():
        assert stamps & set(props) == stamps & set(nodes[ident][1]), ident
    got, want = strip((nodes, rels)), strip((want_nodes, want_rels))
    assert set(got[0]) == set(want[0])
    for ident in want[0]:
        assert got[0][ident] == want[0][ident], ident
    assert set(got[1]) == set(want[1])
    for key in want[1]:
        assert got[1][key] == want[1][key], key
    # derived values really were derived (not just both empty)
    kaist = got[0]["institute:kaist"][1]
    assert kaist["mention_count"] == 4 and kaist["doc_count"] == 3 and kaist["alias_text"].endswith("Daejeon KAIST | ")
    partners = got[1][("company:zhipu", "PARTNERS_WITH", "institute:kaist")]
    assert partners["support"] == 2 and sorted(partners["ev_method"]) == ["dep:partner", "rule:partner"] and partners["confidence"] == 0.85
    assert "methods" not in partners  # the extractors are ev_method's values (issue 18, memory)
    assert export.fixups  # aliases: [] and ev_sentence: [''] need the post-import step


def test_store_export_and_store_plus_files(store, tmp_path):
    full = tmp_path / "full"
    write_neo4j_import(FILES, full, now="2000-01-01T00:00:00+00:00")
    load_jsonl(store, [FILES[0]])
    combined = tmp_path / "combined"
    report = write_neo4j_import([FILES[1]], combined, store=store)
    assert report.documents_from_store == 2 and report.documents_skipped == 1  # part_b repeats document b1
    assert strip(read_export(combined)[:2]) == strip(read_export(full)[:2])
    only_store = tmp_path / "store"
    write_neo4j_import(None, only_store, store=store)
    a_only = tmp_path / "a"
    write_neo4j_import([FILES[0]], a_only)
    assert strip(read_export(only_store)[:2]) == strip(read_export(a_only)[:2])


def test_store_pages_cover_everything_once(store):
    """Paging over ids (non-Latin ids included) reads each node and relationship exactly once."""
    from aikg.graph.bulk import _MemoryGraph

    load_jsonl(store, FILES)
    small, whole = _MemoryGraph(), _MemoryGraph()
    assert small.seed(store, page=2) == [] and whole.seed(store) == []
    assert len(whole.entities) == 6 and len(whole.documents) == 3 and len(whole.relations) == 4
    assert (small.documents, small.entities, small.mentions, small.relations) == \
        (whole.documents, whole.entities, whole.mentions, whole.relations)


def test_array_delimiter_inside_a_value_is_refused(tmp_path):
    bad = tmp_path / "bad.jsonl"
    rows = [line for line in FILES[0].read_text(encoding="utf-8").splitlines()]
    ent = json.loads(rows[2])
    ent["aliases"] = ["one\x1ftwo"]
    rows[2] = json.dumps(ent)
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(BulkExportError, match="U\\+001F"):
        write_neo4j_import([bad], tmp_path / "out")
    # another delimiter carries it
    report = write_neo4j_import([bad], tmp_path / "out2", array_delimiter="|")
    assert "--array-delimiter=U+007C" in report.command_args()
    with pytest.raises(BulkExportError):
        write_neo4j_import([bad], tmp_path / "out3", array_delimiter=",")


def test_bad_lines_are_reported_and_left_out(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(FILES[0].read_text(encoding="utf-8") + '{"record": "entity", "id": "x"}\nnot json\n', encoding="utf-8")
    report = write_neo4j_import([bad], tmp_path / "out")
    assert len(report.errors) == 2 and "bad.jsonl" in str(report.errors[0])
    assert report.nodes == len(read_jsonl([FILES[0]]).documents) + len(read_jsonl([FILES[0]]).entities)


def test_cli_neo4j_import(tmp_path):
    from typer.testing import CliRunner

    from aikg.cli import app

    out = tmp_path / "csv"
    result = CliRunner().invoke(app, ["export", "neo4j-import", str(out), "--from", str(FILES[0]), str(FILES[1])])
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full" in result.output and "post-import.cypher" in result.output
    nodes, _, _ = read_export(out)
    assert nodes["person:hostile"][1]["name"] == HOSTILE


def test_docs_scale_names_only_real_commands_and_options():
    """Every `aikg …` command line in docs/scale.md exists, with the options it shows."""
    import re

    import typer.main

    from aikg.cli import app

    root = typer.main.get_command(app)
    doc = (Path(__file__).parent.parent / "docs" / "scale.md").read_text(encoding="utf-8")
    code, fenced = [], False
    for line in doc.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        elif fenced:
            code.append(line)
        else:
            code += re.findall(r"`([^`]+)`", line)
    seen = set()
    for snippet in code:
        for match in re.finditer(r"\baikg ([a-z][a-z-]*)((?: [^|]*)?)", snippet):
            name, rest = match.group(1), match.group(2)
            cmd = root.commands.get(name)
            assert cmd is not None, f"docs/scale.md names `aikg {name}`, which does not exist"
            words = rest.split()
            if hasattr(cmd, "commands"):  # a group: the next word is the sub-command
                assert words and words[0] in cmd.commands, f"`aikg {name} {words[:1]}` does not exist"
                cmd, words = cmd.commands[words[0]], words[1:]
            known = {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts)}
            for word in words:
                if word.startswith("--"):
                    opt = word.split("=")[0].rstrip(",.;:)")
                    assert opt in known, f"docs/scale.md: `aikg {name}` has no option {opt}"
            seen.add(cmd.name)
    assert {"extract-dask", "neo4j-import", "load", "stats", "ingest", "extract"} <= seen, seen


def test_cli_store_export_and_bad_usage(tmp_path):
    from typer.testing import CliRunner

    from aikg.cli import app

    runner = CliRunner()
    home = tmp_path / "home"
    assert runner.invoke(app, ["load", str(FILES[0]), "--home", str(home)]).exit_code == 0
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", "neo4j-import", str(out), "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert "from the store: 2 documents" in result.output
    assert "person:hostile" in read_export(out)[0]
    # extra file arguments without --from are refused rather than silently ignored
    assert runner.invoke(app, ["export", "neo4j-import", str(out), str(FILES[0])]).exit_code != 0


def test_store_paging_keeps_ids_in_every_script(store):
    # FalkorDB's index comparison of non-ASCII strings disagrees with ORDER BY: key-set paging
    # (`id > $after`) skipped these; paging must read every one of them
    from aikg.graph.bulk import _MemoryGraph

    ids = ["cluster:a", "cluster:b", "cluster:z", "cluster:zürich", "cluster:москва", "cluster:東京", "cluster:القاهرة"]
    store.write("UNWIND $ids AS i CREATE (:Entity:Cluster {id: i, name: i, aliases: []})", {"ids": ids})
    graph = _MemoryGraph()
    graph.seed(store, page=2)
    assert sorted(graph.entities) == sorted(ids)
