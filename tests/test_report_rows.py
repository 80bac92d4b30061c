"""The rows of a report's table of projects — scoring/report.py.

A row is a part of the department's spending (基本支出, 其中：人员经费), a row of a 自评表's
项目资金 block (年度资金总额, 其中：财政拨款) or the department's (部门整体) only when its whole label
is that word; a project named 人员培训经费, 其他教育事业费, 部门预算编制经费 or 教师培训（上年结转）
is a project, and the 合计 under it stays the projects' total.
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from scoring.report import extract, review

D = Decimal
DATA = Path(__file__).parent / "data"
EDU = DATA / "report-edu.toml"

HEAD = """\
# 某县教育体育局 2023 年度部门整体绩效自评报告

## 一、部门整体概况

全年预算数 1350.50 万元，全年执行数 1100.25 万元，预算执行率 81.47%。

| 项目名称 | 全年预算数（万元） | 全年执行数（万元） | 执行率 |
| --- | --- | --- | --- |
"""


def _table(*names: str) -> str:
    # the projects: 320 + 600 + 0 + 100 = 1020 budgeted, 250 + 580.25 + 0 + 60 = 890.25 spent,
    # 890.25 / 1020 = 87.28 %; the department's 1100.25 / 1350.50 = 81.47 %
    amounts = (("320", "250"), ("600", "580.25"), ("0", "0"), ("100", "60"))
    rows = [f"| {n} | {b} | {s} | |" for n, (b, s) in zip(names, amounts, strict=True)]
    return HEAD + "\n".join(rows) + "\n| 合计 | 1020.00 | 890.25 | 87.28% |\n"


@pytest.mark.parametrize(
    "name",
    [
        "教师培训（上年结转）",
        "人员培训经费",
        "其他教育事业费",
        "公用设施维护",
        "单位食堂改造",
        "部门预算编制经费",
        "财政拨款项目",
    ],
)
def test_a_project_named_like_a_part_keeps_the_total_the_projects(name):
    figures = extract(_table("学生资助补助经费", "校舍维修改造", name, "体育赛事"))
    total = [(f.kind, f.value) for f in figures if f.line == 13]
    assert total == [
        ("projects_budget", D("1020.00")),
        ("projects_spent", D("890.25")),
        ("projects_rate", D("87.28")),
    ]
    # one project's row, under its own name (brackets read as NFKC writes them)
    project = [f.project for f in figures if f.line == 11 and f.kind == "project_budget"]
    assert project == [unicodedata.normalize("NFKC", name)]
    assert review(figures) == []


@pytest.mark.parametrize(
    "label", ["其中：人员经费", "基本支出（人员经费和公用经费）", "1.基本支出", "其他", "公用经费"]
)
def test_a_part_of_the_spending_still_makes_the_total_the_department_s(label):
    # 基本支出 317.31 + 项目支出 65 = 382.31: the 合计 of a table with a part is the department's
    text = HEAD.replace("1350.50", "382.31").replace("1100.25", "374.11").replace("81.47", "97.86")
    text += f"| {label} | 317.31 | 310.49 | |\n| 项目支出 | 65 | 63.62 | |\n"
    text += "| 合计 | 382.31 | 374.11 | 97.86% |\n"
    figures = extract(text)
    assert [(f.kind, f.value) for f in figures if f.line == 11] == [
        ("budget", D("382.31")),
        ("spent", D("374.11")),
        ("execution_rate", D("97.86")),
    ]
    assert review(figures) == []


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_draft_with_a_carried_over_project_passes_check(cli, fmt, tmp_path):
    """教师培训（上年结转） is a project: 表 1's 合计 (1020.00 = 320 + 600 + 0 + 100) is the
    projects', not the department's 1350.50."""
    out = tmp_path / f"edu.{fmt}"
    assert cli("report", str(EDU), "-o", str(out)).code == 0
    run = cli("check", str(out), "--with", str(EDU), "-f", "json")
    (data,) = json.loads(run.out)
    assert data["findings"] == []
    budgets = [f["value"] for f in data["figures"] if f["kind"] == "budget"]
    assert budgets and set(budgets) == {1350.5}
