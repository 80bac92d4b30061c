"""A project's name as a report writes it, and the table's project it stands for —
scoring/report.py.

A name goes on past 补助, 补贴 or 经费 to the 项目 that ends it: 学生资助补助经费项目 is the table's
学生资助补助经费, not a project called 经费项目. A project's figure whose name matches no project
of the table, or several, is said to be compared with nothing: never skipped in silence.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.report import extract, review

pytestmark = pytest.mark.usefixtures("chinese")

D = Decimal
NAMES = Path(__file__).parent / "data" / "report-names.toml"

# The five projects of report-names.toml, each budget 100 万元 and spent 96 (9.6 of 10 points):
#   学生资助补助经费       ≥10个, 9个:  90 × 9 / 10 = 81.00,  + 9.6 = 90.60 优
#   耕地地力保护补贴资金   ≥11个, 10个: 90 × 10 / 11 = 81.82, + 9.6 = 91.42 优
# Each is stated 10 points lower, and 良.
REPORT = """\
某县财政局2023年度部门整体支出绩效自评报告

一、部门基本情况
2023年度全年预算500万元，全年执行数480万元，预算执行率96%。

二、项目绩效情况
学生资助补助经费项目全年预算100万元，执行96万元，自评得分80.6分，等级为良。
耕地地力保护补贴资金项目全年预算100万元，执行96万元，自评得分81.42分，等级为良。
"""


@pytest.fixture(scope="module")
def table():
    evaluation = scoring.load(NAMES)
    return evaluation, scoring.score(evaluation)


def _names(evaluation) -> list[str]:
    return [project.name for project in evaluation.projects]


@pytest.mark.parametrize("listed", [True, False])
def test_a_name_goes_on_to_the_xiangmu_that_ends_it(table, listed):
    evaluation, _ = table
    figures = extract(REPORT, _names(evaluation) if listed else ())
    named = {(f.line, f.project) for f in figures if f.project}
    if listed:  # read as the table's names
        assert named == {(7, "学生资助补助经费"), (8, "耕地地力保护补贴资金")}
    else:
        assert named == {(7, "学生资助补助经费项目"), (8, "耕地地力保护补贴资金项目")}


def test_a_wrong_score_and_grade_of_such_a_project_are_flagged(table):
    evaluation, result = table
    findings = review(extract(REPORT, _names(evaluation)), evaluation, result)
    messages = [finding.message for finding in findings]
    assert messages == [
        "第 7 行报告「学生资助补助经费」得分 80.6 分，自评表为得分 90.6 分"
        "（「学生资助补助经费项目全年预算100万元，执行96万元，自评得分80.6分，等级为良」）",
        "第 7 行报告「学生资助补助经费」等级 “良”，自评表为等级“优”"
        "（「学生资助补助经费项目全年预算100万元，执行96万元，自评得分80.6分，等级为良」）",
        "第 8 行报告「耕地地力保护补贴资金」得分 81.42 分，自评表为得分 91.42 分"
        "（「耕地地力保护补贴资金项目全年预算100万元，执行96万元，自评得分81.42分，等级为良」）",
        "第 8 行报告「耕地地力保护补贴资金」等级 “良”，自评表为等级“优”"
        "（「耕地地力保护补贴资金项目全年预算100万元，执行96万元，自评得分81.42分，等级为良」）",
    ]


def test_a_name_several_projects_may_be_is_said_to_be_compared_with_none(table):
    """「资金」 is held by 耕地地力保护补贴资金 alone, but 「补助」 by two projects' names."""
    evaluation, result = table
    text = REPORT + "「补助」全年预算100万元，执行96万元。\n"
    findings = review(extract(text, _names(evaluation)), evaluation, result)
    assert findings[-1].message == (
        "第 9 行报告「补助」预算资金 100 万元，自评表中的「学生资助补助经费」、「城乡居民基本医疗保险补助」"
        "都可能是「补助」，无从核对（「「补助」全年预算100万元，执行96万元」）"
    )


def test_a_name_without_its_xiangmu_is_the_table_s_project(table):
    """招商项目 stands for 招商经费 (项目 at the end of a name is no part of it)."""
    evaluation = scoring.load(
        {
            "department": {"name": "某管委会", "year": 2023, "budget": {"adjusted": 30, "spent": 29}},
            "projects": [
                {
                    "name": "招商经费",
                    "budget": {"adjusted": 20, "spent": 19},
                    "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "招商数",
                                    "target": "≥1个", "actual": "1个", "weight": 90}],
                }
            ],
        }
    )  # fmt: skip
    text = "一、概况\n招商项目预算 20 万元，实际支出 18 万元。\n"
    findings = review(extract(text, ["招商经费"]), evaluation)
    assert [finding.message for finding in findings] == [
        "第 2 行报告「招商项目」实际支出 18 万元，自评表为「招商经费」全年执行数 19 万元"
        "（「招商项目预算 20 万元，实际支出 18 万元」）"
    ]


def test_each_paragraph_of_a_page_is_read_on_its_own(cli, tmp_path):
    """In the HTML draft, 招商经费's 实际完成情况 names 自主引进项目 3 个; the next paragraph's
    自评得分 99.90 is still 招商经费's (the section's), as in Markdown and Word, and checked."""
    example = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
    page = tmp_path / "report.html"
    assert cli("report", str(example), "-o", str(page)).code == 0
    run = cli("check", str(page), "--with", str(example), "-f", "json")
    import json

    (data,) = json.loads(run.out)
    assert data["findings"] == []
    scores = [
        (f["project"], f["value"])
        for f in data["figures"]
        if f["kind"] == "project_score" and "本项目满分" in f["sentence"]
    ]
    assert scores == [
        ("招商经费", 99.9),
        ("基础设施维护及企业服务费", 99.71),
        ("电子政务平台经费", 99.82),
    ]
