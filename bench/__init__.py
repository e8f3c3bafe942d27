"""Benchmarks: each module prints its figures with a same-run baseline and peak memory."""
