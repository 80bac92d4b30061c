"""A report's budgets as units word them — scoring/report.py.

年初预算 beside 调整后全年预算 is two budgets, not one stated twice: the rate is the full year's
spending over the full year's budget. In 部门预算资金 382.31 万元，其中基本支出 317.31 万元，项目支出
65 万元, 项目支出 is the projects' share of the budget, not their spending. 纳入自评的项目共 3 个 and
本年度共实施项目 3 个 are all the projects, counted.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.report import extract, review

pytestmark = pytest.mark.usefixtures("chinese")

D = Decimal
EDU = Path(__file__).parent / "data" / "report-edu.toml"
LETING = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"

# report-edu.toml: the department 1,200 at the start of the year, 1,350.50 for the full year,
# 1,100.25 spent: 1100.25 / 1350.50 = 81.469…% → 81.5 % (against 1,200 it would be 91.69 %).
# Its four projects: 320 + 600 + 0 + 100 = 1,020 budgeted, 250 + 580.25 + 0 + 60 = 890.25 spent.
EDU_REPORT = """\
某县教育体育局2023年度部门整体支出绩效自评报告

一、部门基本情况
2023年，我局年初预算1200万元，调整后全年预算1,350.50万元，全年实际支出1100.25万元，预算执行率为81.5%。

二、项目情况
我局纳入自评的项目共4个，预算资金合计1020万元，实际支出890.25万元。
"""


def _check(text: str, source: Path) -> list[str]:
    evaluation = scoring.load(source)
    names = [project.name for project in evaluation.projects]
    found = review(extract(text, names), evaluation, scoring.score(evaluation))
    return [finding.message for finding in found]


def test_a_budget_at_the_start_of_the_year_beside_the_full_year_s():
    figures = extract(EDU_REPORT)
    budgets = [(f.kind, f.value, f.planned) for f in figures if f.kind == "budget"]
    assert budgets == [("budget", D(1200), True), ("budget", D("1350.50"), False)]
    assert _check(EDU_REPORT, EDU) == []


def test_a_wrong_rate_is_still_flagged_against_the_full_year_s_budget():
    # 1100.25 / 1350.50 = 81.469…%: 91.7 % is neither rounding of it
    text = EDU_REPORT.replace("81.5%", "91.7%")
    assert _check(text, EDU) == [
        "部门的金额与执行率不符：「2023年，我局年初预算1200万元，调整后全年预算1,350.50万元，全年"
        "实际支出1100.25万元，预算执行率为…」中 1100.25 / 1350.5 = 81.46…%，报告写 91.7%"
    ]


def test_two_full_year_budgets_of_the_department_still_disagree():
    text = EDU_REPORT.replace("，全年实际支出", "。全年预算1,360.50万元，全年实际支出")
    messages = _check(text, EDU)
    assert any(m.startswith("部门预算资金前后不一致：第 4 行写 1350.5 万元") for m in messages)


def test_projects_counted_after_a_description_are_all_the_projects():
    """纳入自评的项目共 4 个 against the table's 4 projects; a wrong count is flagged."""
    counts = [(f.kind, f.value) for f in extract(EDU_REPORT) if f.line == 7]
    assert counts == [
        ("project_count", D(4)),
        ("projects_budget", D(1020)),
        ("projects_spent", D("890.25")),
    ]
    assert _check(EDU_REPORT.replace("共4个", "共5个"), EDU) == [
        "第 7 行报告预算项目个数 5 个，自评表为项目 4 个"
        "（「我局纳入自评的项目共5个，预算资金合计1020万元，实际支出890.25万元」）"
    ]


# leting-2023: the department 382.31 = 基本支出 317.31 + 项目支出 65 (the projects' 全年预算数:
# 20 + 35 + 10), spent 374.11 (97.86 %); the projects spent 19.80 + 34.00 + 9.82 = 63.62 of 65,
# 97.876…% → 97.88 %.
LETING_REPORT = """\
乐亭县城区工业聚集区管理委员会2023年度部门整体支出绩效自评报告

一、部门基本情况
2023年度部门预算资金382.31万元，其中基本支出317.31万元，项目支出65万元。全年实际支出374.11万元，预算执行率97.86%。

二、项目支出情况
本年度共实施项目3个，资金65万元，实际支出63.62万元，执行率97.88%。
"""


def test_the_projects_share_of_a_budget_is_a_budget():
    figures = extract(LETING_REPORT)
    # the sentence after one about the projects says a total: whose is unclear, as before
    assert [(f.kind, f.value) for f in figures if f.line == 4] == [
        ("budget", D("382.31")),
        ("projects_budget", D(65)),
        ("unplaced_spent", D("374.11")),
        ("unplaced_rate", D("97.86")),
    ]
    assert _check(LETING_REPORT, LETING) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # spending, said as done: the parts of the spending
        "全年实际支出374.11万元，其中基本支出310.49万元，项目支出63.62万元。",
        # a budget, then the spending done and its parts
        "部门预算资金382.31万元，实际支出374.11万元，其中基本支出310.49万元，项目支出63.62万元。",
    ],
)
def test_project_spending_among_the_parts_of_spending_is_spending(sentence):
    text = LETING_REPORT.replace(
        "2023年度部门预算资金382.31万元，其中基本支出317.31万元，项目支出65万元。全年实际支出"
        "374.11万元，预算执行率97.86%。",
        sentence,
    )
    kinds = [(f.kind, f.value) for f in extract(text) if f.line == 4]
    assert ("projects_spent", D("63.62")) in kinds
    assert _check(text, LETING) == []


def test_projects_implemented_and_counted_are_all_the_projects():
    figures = extract(LETING_REPORT)
    # 资金 65 万元 alone is read as nothing
    assert [(f.kind, f.value) for f in figures if f.line == 7] == [
        ("project_count", D(3)),
        ("projects_spent", D("63.62")),
        ("projects_rate", D("97.88")),
    ]
