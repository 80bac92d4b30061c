"""`-` reads an evaluation from standard input: `cat a.toml | scoring score -` scores it as the
file would be scored, TOML or JSON; a workbook is refused with the fix (its path)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import LANGFANG, case_evaluation


def piped(data: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scoring", *args],
        input=data,
        capture_output=True,
        env={**os.environ, "COLUMNS": "100"},
        timeout=120,
    )


def test_toml_on_standard_input_scores_as_the_file(tmp_path):
    text = case_evaluation(LANGFANG)
    run = piped(text.encode(), "score", "-", "-f", "json")
    assert run.returncode == 0, run.stderr
    (result,) = json.loads(run.stdout)
    # the Hebei table: 8.62 + 8.62 + 80 = 97.24, 优 (tests/cases/langfang-2019.toml)
    assert result["source"] == "-"
    assert (result["department"]["score"], result["department"]["grade"]) == (97.24, "优")


def test_json_on_standard_input_is_read_as_json(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text(case_evaluation(LANGFANG), "utf-8")
    converted = tmp_path / "a.json"
    assert piped(b"", "convert", str(path), "-o", str(converted)).returncode == 0
    run = piped(converted.read_bytes(), "score", "-", "-f", "json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)[0]["department"]["score"] == 97.24


def test_a_mistake_on_standard_input_is_named_by_dash():
    run = piped(b'[department]\nname = "x"\n', "score", "-")
    assert run.returncode == 2
    assert "scoring: error: -: 2 problems" in run.stderr.decode()
    assert "department: missing key `year`" in run.stderr.decode()


def test_a_workbook_on_standard_input_is_refused_with_its_fix():
    run = piped(b"PK\x03\x04" + b"\0" * 100, "score", "-")
    assert run.returncode == 2
    err = run.stderr.decode()
    assert "a workbook cannot be read from standard input" in err
    assert "give the workbook's path" in err and "Traceback" not in err


def test_empty_standard_input_and_a_dash_given_twice():
    """Nothing piped in, or `- -` (the second finds it read already): said as such, not as an
    evaluation missing its keys."""
    empty = piped(b"", "score", "-")
    assert empty.returncode == 2
    assert "scoring: error: -: standard input is empty" in empty.stderr.decode()
    twice = piped(case_evaluation(LANGFANG).encode(), "score", "-", "-", "-f", "json")
    assert twice.returncode == 2
    first, second = json.loads(twice.stdout)
    assert first["department"]["score"] == 97.24
    assert second["error"]["code"] == "empty"
    assert "missing key" not in twice.stderr.decode()


def test_a_chinese_document_from_standard_input_in_the_english_interface(tmp_path):
    """A report and a reviewed workbook are Chinese documents whatever the interface's
    language: the evaluation is loaded again in Chinese for them — from what standard input
    gave, which is read once (a second read found it empty). In the folder -o names, the
    report of `-` is 自评报告.md, not `-.md`, a name the next command would take for an
    option."""
    import openpyxl

    text = case_evaluation(LANGFANG).encode()
    run = piped(text, "report", "-", "-o", f"{tmp_path / '报告'}{os.sep}")
    assert run.returncode == 0, run.stderr.decode()
    assert [p.name for p in (tmp_path / "报告").iterdir()] == ["自评报告.md"]
    report = (tmp_path / "报告" / "自评报告.md").read_text("utf-8")
    assert "97.24" in report and "优" in report
    run = piped(text, "score", "-", "-f", "xlsx", "-o", str(tmp_path / "复核.xlsx"))
    assert run.returncode == 0, run.stderr.decode()
    summary = openpyxl.load_workbook(tmp_path / "复核.xlsx")["汇总"]
    assert 97.24 in [cell.value for row in summary.iter_rows() for cell in row]


def test_scoring_s_own_results_piped_in_are_said_to_be_results(tmp_path):
    text = case_evaluation(LANGFANG).encode()
    results = piped(text, "score", "-", "-f", "json").stdout
    assert results.startswith(b"[")
    run = piped(results, "score", "-")
    assert run.returncode == 2
    assert "these are results scoring wrote (-f json), not evaluations" in run.stderr.decode()
