"""The plugin through the command line: the summary format, the CSV reader, convert, plugins."""

from __future__ import annotations

import json
from decimal import Decimal as D

import scoring

from scoring_plugin_example.renderer import render

from conftest import EXAMPLE, HEADER, run_cli

SUMMARY = f"""\
某县农业农村局 2023 年度：82.47 分，良
规则 hunan-steps 0.1.0 · 文件 {EXAMPLE}
部门得分：按各项目全年预算数加权（惯例，非官方规定）
  农村改厕        91.10  优
  高标准农田建设  68.08  中
复核：警告 2 条，提示 1 条
"""


def test_the_summary_format():
    run = run_cli("score", str(EXAMPLE), "-r", "hunan-steps", "-f", "hunan-summary")
    assert run.code == 0, run
    assert run.out == SUMMARY


def test_the_summary_with_explain_shows_the_department_arithmetic():
    run = run_cli("score", str(EXAMPLE), "-r", "hunan-steps", "-f", "hunan-summary", "--explain")
    assert run.code == 0, run
    assert "(91.10 × 100 + 68.08 × 60) / 160 = 82.47" in run.out


def test_the_summary_names_a_file_that_could_not_be_scored(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\n", encoding="utf-8")
    run = run_cli("score", str(EXAMPLE), str(bad), "-r", "hunan-steps", "-f", "hunan-summary")
    assert run.code == 2, run
    summary, error = run.out.split("\n\n")
    assert summary + "\n" == SUMMARY
    assert error.startswith(f"无法评分：{bad}: line 1: the department line is missing")


def test_the_renderer_called_directly():
    result = scoring.score(EXAMPLE, rules="hunan-steps")
    assert render([result], None) == SUMMARY


def test_the_default_table_and_json_read_the_csv():
    run = run_cli("score", str(EXAMPLE), "-r", "hunan-steps", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)[0]  # -f json is an array, one object per file
    assert data["ruleset"]["id"] == "hunan-steps"
    assert data["department"]["score"] == 82.47
    row = data["projects"][0]["indicators"][1]
    assert (row["method"], row["score"], row["rate"]) == ("hunan-steps", 18.5, 0.925)
    table = run_cli("score", str(EXAMPLE), "-r", "hunan-steps", "--explain")
    assert table.code == 0, table
    assert "每点扣 0.5 分" in table.out and "18.50" in table.out


def test_compare_with_mof_2020():
    run = run_cli("score", str(EXAMPLE), "-r", "mof-2020,hunan-steps", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)[0]  # one object per file, as score's
    assert [r["id"] for r in data["rulesets"]] == ["mof-2020", "hunan-steps"]
    department = next(row for row in data["rows"] if row["where"] == "department")
    assert department["scores"] == [90.85, 82.47] and department["grades"] == ["优", "良"]


def test_convert_the_csv_to_toml_scores_the_same(tmp_path):
    out = tmp_path / "hunan-2023.toml"
    run = run_cli("convert", str(EXAMPLE), "-o", str(out))
    assert run.code == 0, run
    assert scoring.score(out, rules="hunan-steps").department.score == D("82.47")


def test_check_names_the_csv_line_of_a_finding():
    run = run_cli("check", str(EXAMPLE), "-r", "hunan-steps", "-f", "json")
    assert run.code == 0, run
    findings = {f["code"]: f for f in json.loads(run.out)[0]["findings"]}
    # a score mismatch names the 得分 cell of the line
    assert findings["recorded-score-mismatch"]["cell"] == "hunan-2023.csv line 5, column 11"
    assert findings["reason-missing"]["cell"] == "hunan-2023.csv line 11"


def test_plugins_lists_the_plugin():
    run = run_cli("plugins")
    assert run.code == 0, run
    line = next(line for line in run.out.splitlines() if line.startswith("hunan "))
    assert "scoring-plugin-example" in line and "0.1.0" in line
    assert "hunan-summary" in run.out


def test_rules_list_names_the_plugin():
    run = run_cli("rules", "list")
    assert run.code == 0, run
    assert "hunan-steps" in run.out and "plugin hunan" in run.out
