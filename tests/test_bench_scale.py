"""`make bench-scale`: the growing corpus is deterministic and keeps bringing new names, and the bench runs
end to end (real spaCy, real embedded store) at a tiny size. Not a timing test."""

from __future__ import annotations

import pytest

from bench.bench_scale import TimedSummary, report, run, windows
from bench.scale_corpus import ScaleCorpus, write_corpus


def test_same_seed_same_documents_and_a_shorter_run_is_a_prefix():
    first = list(ScaleCorpus(seed=3).documents(6000))
    assert first == list(ScaleCorpus(seed=3).documents(6000))
    assert first != list(ScaleCorpus(seed=4).documents(6000))
    shorter = list(ScaleCorpus(seed=3).documents(2000))
    assert 0 < len(shorter) < len(first) and first[:len(shorter)] == shorter


def test_written_corpus_has_the_words_and_distinct_names_in_its_text(tmp_path):
    info = write_corpus(tmp_path / "c", 8000, seed=5)
    files = sorted((tmp_path / "c").iterdir())
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    assert len(files) == info.documents and info.words == len(text.split()) >= 8000
    every = [name for names in info.names.values() for name in names]
    assert len(every) == len(set(every)), "a name used for two entities"
    assert all(name in text for name in every), "a generated name that no document uses"
    for kind in ("Company", "Person", "Institute", "place"):
        assert len(info.names[kind]) >= 5, kind
    assert {p.suffix for p in files} == {".txt", ".md"}


def test_the_graph_keeps_growing_with_the_words(tmp_path):
    small = write_corpus(tmp_path / "s", 10_000, seed=7)
    big = write_corpus(tmp_path / "b", 40_000, seed=7)
    for kind in ("Company", "Person", "place"):
        assert len(big.names[kind]) >= 2.5 * len(small.names[kind]), kind
        assert set(small.names[kind]) <= set(big.names[kind])  # the same stream, continued


def test_windows_leave_out_the_first_chunk_and_cover_tenths():
    # 10 chunks of 10 documents (100 words each): the first commit comes late (model load), then one per second
    marks = [(30.0, 10, 1000)] + [(30.0 + k, 10 + 10 * k, 1000 + 1000 * k) for k in range(1, 10)]
    win = windows(marks)
    assert win[0] == (10, 20, 1000.0) and all(rate == 1000.0 for _, _, rate in win)
    assert windows(marks[:1]) == []


def test_timed_summary_notes_each_commit():
    summary = TimedSummary()
    summary.documents += 3
    summary.words += 300
    assert [(d, w) for _, d, w in summary.marks] == [(3, 300)]


@pytest.mark.slow
def test_bench_runs_end_to_end_at_a_tiny_size():
    runs = run([1500], [1, 2], chunk_size=1, seed=7)
    assert [r["n_process"] for r in runs] == [1, 2]
    one, two = runs
    assert one["docs"] == two["docs"] >= 2 and one["words"] >= 1500
    assert one["entities"] == two["entities"] > 10 and one["relationships"] == two["relationships"] > 5
    assert one["server_hwm"] > 0 and two["workers_peak"] > 0
    assert len(one["marks"]) == one["docs"]  # one commit per one-document chunk
    assert not one["queries"] and two["queries"]  # catalog queries on the last run's graph
    assert all(isinstance(q["rows"], int) for q in two["queries"]), two["queries"]
    text = report(runs, [1, 2], 1, 7)
    assert "| words | n_process |" in text and "n_process=2 is" in text and "entity_neighbours" in text


def test_every_block_of_ten_documents_has_the_same_mix_of_kinds_and_lengths():
    from bench.scale_corpus import BLOCK, KIND_WEIGHTS, LENGTHS

    corpus = ScaleCorpus(seed=7)
    for _ in range(5):
        block = corpus._block()
        assert sorted(kind for kind, _ in block) == sorted(k for k, w in KIND_WEIGHTS.items() for _ in range(w))
        band = (LENGTHS[1] - LENGTHS[0]) / BLOCK
        bands = sorted(int((target - LENGTHS[0]) // band) for _, target in block)
        assert bands == list(range(BLOCK)), bands  # one target in each band of 300–800 words
    docs = list(ScaleCorpus(seed=7).documents(60_000))
    kinds = [name.split("-", 1)[1].split(".")[0] for name, _ in docs]
    tenth = len(docs) // 10 // BLOCK * BLOCK
    first, last = kinds[:tenth], kinds[-tenth - len(docs) % BLOCK:len(docs) - len(docs) % BLOCK]
    assert sorted(first) == sorted(last)


def test_cpu_trend_reads_the_commit_probes():
    from bench.bench_scale import cpu_trend

    # 11 commits of 10 documents and 1,000 words (windows of two chunks); CPU per chunk grows 1.1 → 2 s, memory 10 MB
    marks = [(float(k), 10 * (k + 1), 1000 * (k + 1)) for k in range(11)]
    probes = [(sum(1 + j / 10 for j in range(k + 1)), 400.0 + 10 * k, 0.1 * k) for k in range(11)]
    chunks_cpu = [{"spaCy + rules": 0.8 + k / 10} for k in range(11)]
    r = {"size": 11_000, "n_process": 1, "marks": marks, "probes": probes, "chunks_cpu": chunks_cpu,
         "windows": windows(marks)}
    line = cpu_trend([r])[0]
    assert "words per ingest CPU s 870 → 513 (0.59); words per extraction CPU s 1,053 → 571 (0.54)" in line, line
    assert "server CPU s per 100 documents 1.00 → 1.00" in line
    assert line.endswith("ingest MB at the end of each tenth: 420, 440, 460, 480, 500")
