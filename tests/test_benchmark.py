"""The benchmark's floor stays honest: its bare loop and its DuckDB query score the generated
files exactly as the product does. Nothing here is timed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).parents[1] / "benchmarks" / "bench_scoring.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_scoring", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def files(bench, tmp_path_factory):
    """Five generated files of the benchmark's default shape (20 projects × 5 indicators)."""
    return bench.write_files(tmp_path_factory.mktemp("bench") / "files", 5, 20, 5, seed=2023)


@pytest.fixture(scope="module")
def floor(bench, files):
    return bench.bare_loop(files)


def test_the_bare_loop_scores_every_department_as_the_command_line_does(
    bench, files, floor, tmp_path
):
    out = tmp_path / "out.json"
    child = bench.run_child(bench.Product.command(files, "json", out, None))
    assert child.code == 0, child.stderr
    assert bench.product_scores(out, "json") == floor
    assert len(floor) == 5 and len(set(floor.values())) > 1  # five departments, not one score


def test_the_duckdb_query_scores_every_department_as_the_bare_loop_does(bench, files, floor):
    duckdb = pytest.importorskip("duckdb", reason="DuckDB is the benchmark's optional peer")
    assert bench.duckdb_scores(duckdb, files) == floor


def test_a_score_that_differs_stops_the_benchmark(bench, floor):
    name = next(iter(floor))
    with pytest.raises(SystemExit, match=name):
        bench.check_scores(floor, {**floor, name: floor[name] + 1}, "the product")


def test_the_workbooks_of_the_files_score_as_the_bare_loop_scores_the_files(
    bench, files, floor, tmp_path
):
    books = bench.write_workbooks(files[:2], tmp_path / "books")
    assert [book.suffix for book in books] == [".xlsx", ".xlsx"]
    out = tmp_path / "out.json"
    child = bench.run_child(bench.Product.command(books, "json", out, None))
    assert child.code == 0, child.stderr
    assert bench.product_scores(out, "json") == bench.bare_loop(files[:2])
