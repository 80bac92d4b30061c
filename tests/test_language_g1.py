"""What a reviewer reads about a score — the explanation of each computed score, the findings
of the review and of a report's check, the labels of the review table, a place on the form —
is Chinese by default and English with ``--lang en``, the same facts in both."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from scoring.excel.write import evaluation_workbook

from .conftest import CASES, LANGFANG, case_evaluation

CHINESE = {"SCORING_LANG": "zh"}
PROJECT = "办公宿舍楼、食堂及餐厅暖通改造经费"


def _result(run) -> dict:
    assert run.code in (0, 1), run
    data = json.loads(run.out)
    if isinstance(data, list):  # the results of evaluation files
        return data[0]
    return data  # a report's review


def _messages(result: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in result["findings"]:
        found.setdefault(finding["code"], []).append(finding["message"])
    return found


def test_the_explanations_of_scores_in_chinese_and_in_english(cli, langfang):
    chinese = _result(cli("score", str(langfang), "-f", "json", env=CHINESE))
    english = _result(cli("--lang", "en", "score", str(langfang), "-f", "json"))
    row, english_row = (
        chinese["projects"][0]["indicators"][0],
        english["projects"][0]["indicators"][0],
    )
    # 工程资金金额 | 43.2 | 37.24: no sign and no word of the row reads it, so the default ≥ is
    # taken, and said, since 37.24 is not the target: 37.24 / 43.2 × 10 = 8.6203… → 8.62
    assert row["explanation"] == (
        "未写比较符号，行内也无词语表明越大越好还是越小越好，按 ≥43.2 计：实际 37.24 / 目标 43.2 × 10 = 8.62"
    )
    assert english_row["explanation"].startswith(
        "no sign, and no word of its row says whether more or less is better, so scored as "
        "≥43.2: actual 37.24 / target 43.2"
    )
    assert chinese["department"]["explanation"] == (
        "按项目全年预算数加权平均（惯例做法，无官方规定）：(97.24 × 43.2) / 43.2 = 97.24"
    )
    assert english["department"]["explanation"] == (
        "mean weighted by the projects' full-year budgets (a common practice, no official "
        "rule): (97.24 × 43.2) / 43.2 = 97.24"
    )


def test_the_findings_and_the_review_table_in_chinese_and_in_english(cli, langfang):
    chinese = _result(cli("check", str(langfang), "-f", "json", env=CHINESE))
    english = _result(cli("--lang", "en", "check", str(langfang), "-f", "json"))
    said, english_said = _messages(chinese), _messages(english)
    assert said["execution-low"] == ["预算执行率 86.20% 低于 90.00%"]
    assert english_said["execution-low"] == ["budget execution rate 86.20% is below 90.00%"]
    assert said["reason-missing"] == ["执行率 86.20% 低于 90.00%，未说明原因"]
    assert english_said["reason-missing"] == [
        "execution rate 86.20% is below 90.00%, and no reason is given"
    ]
    assert (
        f"项目「{PROJECT}」 · 工程资金金额：自评 9，按规则 8.62（自评按整数取分）"
        in (said["recorded-score-mismatch"])
    )
    assert (
        f"project “{PROJECT}” · 工程资金金额: filed 9, by the rules 8.62 (the filed score is "
        "rounded to whole points)"
    ) in english_said["recorded-score-mismatch"]
    row = next(r for r in chinese["review"] if r["where"] == "projects[0].budget.score")
    english_row = next(r for r in english["review"] if r["where"] == "projects[0].budget.score")
    assert (row["label"], row["note"]) == (f"项目「{PROJECT}」 · 预算执行率", "自评按整数取分")
    assert (english_row["label"], english_row["note"]) == (
        f"project “{PROJECT}” · budget execution rate",
        "the filed score is rounded to whole points",
    )


def test_a_category_s_default_weight_shared_out_in_chinese_and_in_english(cli, tmp_path):
    path = tmp_path / "unit.toml"
    path.write_text(case_evaluation(CASES / "default-weights-satisfaction-missing.toml"), "utf-8")
    chinese = _messages(_result(cli("check", str(path), "-f", "json", env=CHINESE)))
    english = _messages(_result(cli("--lang", "en", "check", str(path), "-f", "json")))
    assert chinese["category-missing"] == [
        "缺少「满意度指标」，其分值 10 按比例分给 产出指标 +6.25、效益指标 +3.75"
    ]
    assert english["category-missing"] == [
        "no “满意度指标” indicators: its weight 10 is shared in proportion among "
        "产出指标 +6.25, 效益指标 +3.75"
    ]


REPORT = """某县财政局2023年度部门整体支出绩效自评报告

一、基本情况

2023 年度，部门预算资金 100 万元，实际支出 90 万元，预算执行率 95%。

二、项目

其中，预算项目 3 个，金额合计 60 万元，实际支出 70 万元。

三、结论

部门预算资金 120 万元。
"""


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (
            (),
            CHINESE,
            [
                "部门的金额与执行率不符：「2023 年度，部门预算资金 100 万元，实际支出 90 万元，"
                "预算执行率 95%」中 90 / 100 = 90%，报告写 95%",
                "项目支出大于预算：「其中，预算项目 3 个，金额合计 60 万元，实际支出 70 万元」中"
                "支出 70 万元，预算 60 万元",
                "部门预算资金前后不一致：第 5 行写 100 万元，第 13 行写 120 万元"
                "（「部门预算资金 120 万元」）",
            ],
        ),
        (
            ("--lang", "en"),
            {},
            [
                "the department's amounts and the execution rate disagree: in “2023 年度，部门"
                "预算资金 100 万元，实际支出 90 万元，预算执行率 95%” 90 / 100 = 90%, the report "
                "says 95%",
                "the projects spent more than their budget: in “其中，预算项目 3 个，金额合计 60 "
                "万元，实际支出 70 万元” spent 70 万元, budget 60 万元",
                "department budget is stated differently: line 5 says 100 万元, line 13 says "
                "120 万元 (“部门预算资金 120 万元”)",
            ],
        ),
    ],
    ids=["zh", "en"],
)
def test_the_findings_on_a_report_in_chinese_and_in_english(cli, tmp_path, args, env, expected):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, "utf-8")
    run = cli(*args, "check", str(path), "-f", "json", env=env)
    assert [finding["message"] for finding in _result(run)["findings"]] == expected


def test_a_report_against_its_table_in_chinese_and_in_english(cli, tmp_path, langfang):
    path = tmp_path / "report.txt"
    path.write_text("2019 年度，部门预算资金 50 万元。\n", "utf-8")
    chinese = _result(cli("check", str(path), "--with", str(langfang), "-f", "json", env=CHINESE))
    english = _result(
        cli("--lang", "en", "check", str(path), "--with", str(langfang), "-f", "json")
    )
    assert [f["message"] for f in chinese["findings"]] == [
        "第 1 行报告部门预算资金 50 万元，自评表为部门全年预算数 43.2 万元"
        "（「2019 年度，部门预算资金 50 万元」）"
    ]
    assert [f["message"] for f in english["findings"]] == [
        "line 1: the report states department budget 50 万元; the table has the department's "
        "full-year budget 43.2 万元 (“2019 年度，部门预算资金 50 万元”)"
    ]


def test_a_place_on_the_form_in_chinese_and_in_english(cli, tmp_path):
    data = tomllib.loads(case_evaluation(LANGFANG))
    data["projects"][0]["indicators"][1]["actual"] = "很多"
    path: Path = tmp_path / "file.xlsx"
    evaluation_workbook(data).save(path)
    chinese = cli("score", str(path), env=CHINESE)
    english = cli("--lang", "en", "score", str(path))
    assert chinese.code == english.code == 2
    assert "（第 1 个项目 · 第 2 项指标「工程完工率」 · 实际完成值）" in chinese.err
    assert "(project 1 · indicator 2 “工程完工率” · actual value)" in english.err
