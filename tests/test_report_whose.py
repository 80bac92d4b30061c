"""Whose a figure of a written report is — scoring/report.py.

A department's report gives its own totals, the total of its projects and each project's
budget, spending and rate, often one sentence each. Each report here is worded differently, as
units write them; its figures are worked out by hand in the comments. Every test asserts the
figures with whose they are, and exactly the findings: none where the report is consistent.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.report import Figure, extract, review

# what these tests assert is the Chinese the users read
pytestmark = pytest.mark.usefixtures("chinese")

D = Decimal

# --- the reports ------------------------------------------------------------------------------

# Each project's budget in a sentence of its own, in the department's paragraph.
#   department 1,200 / 1,250 = 96%
#   农田水利维护项目 290 / 300 = 96.666…% → 96.67%;  动物防疫经费 120 / 120 = 100%;
#   农技推广项目 72 / 80 = 90%
#   the three: 300 + 120 + 80 = 500, 290 + 120 + 72 = 482, 482 / 500 = 96.4%
SENTENCES = """\
某某县农业农村局
2023 年度部门整体支出绩效自评报告

一、部门基本情况
本部门 2023 年度全年预算资金 1,250.00 万元，实际支出 1,200.00 万元，预算执行率 96%。
农田水利维护项目预算 300 万元，实际支出 290 万元，执行率 96.67%。
动物防疫经费预算资金 120 万元，执行数 120 万元，执行率 100%。
农技推广项目年度预算 80 万元，实际支出 72 万元，执行率 90%。
以上 3 个项目预算合计 500 万元，实际支出 482 万元，执行率 96.4%。

二、绩效目标完成情况
全年部门预算执行率 96%，各项目均完成年度目标。
"""

# A heading for each project, named without 项目 or 经费 but for the last; the text under a
# heading says 该项目, or nothing at all, about whose money it is.
#   department 817 / 860 = 95%
#   公共文化服务 147 / 150 = 98%;  文物保护修缮 180 / 200 = 90%;  旅游宣传推广经费 57 / 60 = 95%
HEADINGS = """\
某某市文化广电和旅游局
2023 年度部门整体支出绩效自评报告

一、部门整体支出情况
2023 年度我局全年预算 860 万元，实际支出 817 万元，预算执行率 95%。

二、项目支出情况
（一）公共文化服务
该项目全年预算 150 万元，实际支出 147 万元，执行率 98%。全年送戏下乡演出 120 场，完成率 100%。
（二）文物保护修缮
全年预算 200 万元，实际支出 180 万元，预算执行率 90%。
（三）旅游宣传推广经费
年度预算资金 60 万元，全年支出 57 万元，执行率 95%。

三、总体评价
全年部门预算执行率 95%，年度目标基本完成。
"""

# Markdown: a table of projects with a 序号 column and a 合计 row, then a list item.
#   department 2,280 / 2,400 = 95%
#   河道清淤 570 / 600 = 95%;  小型水库除险加固 882 / 900 = 98%;  农村饮水安全巩固提升 240 / 300 = 80%
#   合计 600 + 900 + 300 = 1,800, 570 + 882 + 240 = 1,692, 1,692 / 1,800 = 94%
#   防汛物资储备 50 / 50 = 100%
TABLE = """\
# 某某县水利局 2023 年度部门整体支出绩效自评报告

## 一、部门基本情况

本单位 2023 年度预算资金 2,400 万元，实际支出 2,280 万元，预算执行率 95%。

## 二、项目执行情况

| 序号 | 项目名称 | 全年预算数（万元） | 全年执行数（万元） | 执行率 |
| --- | --- | ---: | ---: | ---: |
| 1 | 河道清淤 | 600 | 570 | 95% |
| 2 | 小型水库除险加固 | 900 | 882 | 98% |
| 3 | 农村饮水安全巩固提升 | 300 | 240 | 80% |
| 合计 | | 1,800 | 1,692 | 94% |

## 三、其他项目

- 防汛物资储备：全年预算 50 万元，支出 50 万元，执行率 100%。
"""

# One paragraph: the totals, then the projects as 一是…二是…三是…, separated by semicolons.
#   department 503.5 / 530 = 95%
#   乡村道路养护 114 / 120 = 95%;  人居环境整治 80 / 80 = 100%;  便民服务中心运行 45 / 50 = 90%
ENUMERATION = """\
某某镇人民政府
2023 年度部门整体支出绩效自评报告

一、预算执行情况
2023 年度全年预算资金 530 万元，全年实际支出 503.5 万元，预算执行率 95%。重点项目资金使用如下：一是乡村道路养护，预算 120 万元，支出 114 万元，执行率 95%；二是人居环境整治，预算 80 万元，支出 80 万元，执行率 100%；三是便民服务中心运行，预算 50 万元，支出 45 万元，执行率 90%。
"""

# Numbered paragraphs headed by the project's name and a colon; amounts in 元, and the
# department's total stated again in 万元 in the conclusion, in one sentence with the projects'.
#   department 3,283,200 / 3,456,000 = 95%;  again 328.32 / 345.6 = 95%
#   食品安全抽检经费 784,000 / 800,000 = 98%;  特种设备检验项目 450,000 / 500,000 = 90%
#   the two: 80 + 50 = 130 万元, 78.4 + 45 = 123.4 万元, 123.4 / 130 = 94.923…% → 94.92%
NUMBERED = """\
某某区市场监督管理局
2023 年度部门整体支出绩效自评报告

一、部门概况
本部门 2023 年度预算资金 3,456,000 元，全年支出 3,283,200 元，执行率 95%。

二、项目绩效情况
1、食品安全抽检经费：年初预算 800,000 元，实际支出 784,000 元，执行率 98%。
2、特种设备检验项目：全年预算 500,000 元，实际支出 450,000 元，执行率 90%。

三、总体结论
综上，部门全年预算资金 345.6 万元，实际支出 328.32 万元，预算执行率 95%，两个项目合计预算 130 万元，实际支出 123.4 万元，执行率 94.92%。
"""

# The department's budget stated as 2,000 万元, then as 2,050 万元: a real inconsistency.
#   department 1,900 / 2,000 = 95%
#   学生营养改善计划项目 392 / 400 = 98%;  校舍维修改造经费 225 / 250 = 90%
INCONSISTENT = """\
某某县教育局
2023 年度部门整体支出绩效自评报告

一、部门基本情况
本部门 2023 年度全年预算资金 2,000 万元，实际支出 1,900 万元，预算执行率 95%。

二、项目情况
学生营养改善计划项目预算 400 万元，实际支出 392 万元，执行率 98%。
校舍维修改造经费预算 250 万元，实际支出 225 万元，执行率 90%。

三、总体结论
部门全年预算资金 2,050 万元，实际支出 1,900 万元。
"""

# Sub-headings 1、2、3、 naming the projects under a section of the report, as many units
# write it; then list items under 存在问题, and a rate the text leaves to the reader to place.
#   department 374.11 / 382.31 = 97.855…% → 97.86%;  the three 63.62 / 65 = 97.876…% → 97.88%
#   招商经费 19.8 / 20 = 99%;  基础设施维护及企业服务费 34 / 35 = 97.142…% → 97.14%;
#   电子政务平台经费 9.82 / 10 = 98.2%;  农田水利维护项目 290 / 300;  动物防疫经费 120 / 120 = 100%
SUBHEADINGS = """\
某某县城区工业园区管理委员会
2023 年度部门整体支出绩效自评报告

一、部门整体概况
本部门 2023 年度申请预算资金 382.31 万元，实际支出 374.11 万元，预算执行率 97.86%。其中：预算项目 3 个，金额合计 65 万元，实际支出 63.62 万元，执行率为 97.88%。

二、绩效实现情况分析
1、招商经费
全年预算 20 万元，实际支出 19.8 万元，预算执行率 99%。
2、基础设施维护及企业服务费
全年预算 35 万元，实际支出 34 万元，预算执行率 97.14%。
3、电子政务平台经费
全年预算 10 万元，实际支出 9.82 万元，预算执行率 98.2%。

三、存在问题
- 农田水利维护项目：预算 300 万元，支出 290 万元，进度偏慢；
- 动物防疫经费：预算 120 万元，执行率 100%；
全年预算执行率 97.86%，进度总体良好。
"""

REPORTS = {
    "subheadings": SUBHEADINGS,
    "sentences": SENTENCES,
    "headings": HEADINGS,
    "table": TABLE,
    "enumeration": ENUMERATION,
    "numbered": NUMBERED,
    "inconsistent": INCONSISTENT,
}


def whose(figures: list[Figure]) -> list[tuple]:
    """(line, kind, project, value) of the money and rate figures."""
    return [
        (f.line, f.kind, f.project, f.value)
        for f in figures
        if f.kind not in ("department", "year", "completion_rate", "project_count")
    ]


def codes_and_places(findings) -> list[tuple[str, str]]:
    return [(f.code, f.where) for f in findings]


def department(line: int, budget: str, spent: str, rate: str) -> list[tuple]:
    return [
        (line, "budget", "", D(budget)),
        (line, "spent", "", D(spent)),
        (line, "execution_rate", "", D(rate)),
    ]


def project(line: int, name: str, budget: str, spent: str, rate: str) -> list[tuple]:
    return [
        (line, "project_budget", name, D(budget)),
        (line, "project_spent", name, D(spent)),
        (line, "project_rate", name, D(rate)),
    ]


def projects(line: int, budget: str, spent: str, rate: str) -> list[tuple]:
    return [
        (line, "projects_budget", "", D(budget)),
        (line, "projects_spent", "", D(spent)),
        (line, "projects_rate", "", D(rate)),
    ]


# --- each report read -------------------------------------------------------------------------


def test_each_project_in_a_sentence_of_its_own():
    figures = extract(SENTENCES)
    assert whose(figures) == [
        *department(5, "1250", "1200", "96"),
        *project(6, "农田水利维护项目", "300", "290", "96.67"),
        *project(7, "动物防疫经费", "120", "120", "100"),
        *project(8, "农技推广项目", "80", "72", "90"),
        *projects(9, "500", "482", "96.4"),
        (12, "execution_rate", "", D(96)),
    ]
    assert review(figures) == []


def test_a_heading_for_each_project():
    figures = extract(HEADINGS)
    assert whose(figures) == [
        *department(5, "860", "817", "95"),
        *project(9, "公共文化服务", "150", "147", "98"),
        *project(11, "文物保护修缮", "200", "180", "90"),
        *project(13, "旅游宣传推广经费", "60", "57", "95"),
        (16, "execution_rate", "", D(95)),
    ]
    assert review(figures) == []


def without_serial(table: str) -> str:
    """The table without its 序号 column (a 合计 row then in the names' column)."""
    rows = []
    for line in table.splitlines():
        cells = line.split("|")
        if len(cells) > 3 and cells[1].strip() != "合计":
            del cells[1]
        elif len(cells) > 3:
            del cells[2]
        rows.append("|".join(cells))
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    "table",
    [TABLE, TABLE.replace("| 项目名称 |", "| 名称 |"), without_serial(TABLE)],
    ids=["serial", "named", "no-serial"],
)
def test_a_table_of_projects_and_a_list_item(table):
    figures = extract(table)
    assert whose(figures) == [
        *department(5, "2400", "2280", "95"),
        *project(11, "河道清淤", "600", "570", "95"),
        *project(12, "小型水库除险加固", "900", "882", "98"),
        *project(13, "农村饮水安全巩固提升", "300", "240", "80"),
        *projects(14, "1800", "1692", "94"),
        *project(18, "防汛物资储备", "50", "50", "100"),
    ]
    assert review(figures) == []


def test_sub_headings_list_items_and_a_rate_left_unplaced():
    """The last rate follows a list item's sentences about 动物防疫经费 and says 全年: it may be
    the project's or the department's, and is compared with neither."""
    figures = extract(SUBHEADINGS)
    assert whose(figures) == [
        *department(5, "382.31", "374.11", "97.86"),
        *projects(5, "65", "63.62", "97.88"),
        *project(9, "招商经费", "20", "19.8", "99"),
        *project(11, "基础设施维护及企业服务费", "35", "34", "97.14"),
        *project(13, "电子政务平台经费", "10", "9.82", "98.2"),
        (16, "project_budget", "农田水利维护项目", D(300)),
        (16, "project_spent", "农田水利维护项目", D(290)),
        (17, "project_budget", "动物防疫经费", D(120)),
        (17, "project_rate", "动物防疫经费", D(100)),
        (18, "unplaced_rate", "", D("97.86")),
    ]
    assert review(figures) == []


def test_projects_enumerated_as_yi_shi_er_shi():
    figures = extract(ENUMERATION)
    assert whose(figures) == [
        *department(5, "530", "503.5", "95"),
        *project(5, "乡村道路养护", "120", "114", "95"),
        *project(5, "人居环境整治", "80", "80", "100"),
        *project(5, "便民服务中心运行", "50", "45", "90"),
    ]
    assert review(figures) == []


def test_numbered_paragraphs_and_the_total_restated_in_other_units():
    figures = extract(NUMBERED)
    assert whose(figures) == [
        *department(5, "345.6", "328.32", "95"),
        *project(8, "食品安全抽检经费", "80", "78.4", "98"),
        *project(9, "特种设备检验项目", "50", "45", "90"),
        *department(12, "345.6", "328.32", "95"),
        *projects(12, "130", "123.4", "94.92"),
    ]
    assert review(figures) == []


@pytest.mark.parametrize(
    "again",
    ["部门全年预算资金 2,050 万元", "本部门全年预算资金 20,500,000 元", "部门整体预算 2050 万元"],
)
def test_the_department_total_stated_two_ways_is_still_flagged(again):
    """2,000 万元 on line 5, 2,050 万元 on line 12 however it is written; the projects' figures
    between them are not the department's."""
    text = INCONSISTENT.replace("部门全年预算资金 2,050 万元", again)
    findings = review(extract(text))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 12")]
    assert findings[0].message.startswith(
        "部门预算资金前后不一致：第 5 行写 2000 万元，第 12 行写 2050 万元"
    )


def test_the_department_total_stated_twice_alike_is_not():
    text = INCONSISTENT.replace("2,050 万元", "20,000,000 元")  # 2,000 万元
    assert review(extract(text)) == []


# --- one project's figures ----------------------------------------------------------------------


def altered(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_a_project_stated_again_otherwise_is_flagged_with_its_name():
    """农田水利维护项目 300 万元 on line 6, 310 万元 on line 13; the department's 1,250 万元 and
    the other projects' figures are not compared with it."""
    text = SENTENCES + "农田水利维护项目全年预算 310 万元。\n"
    findings = review(extract(text))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 13")]
    assert findings[0].message.startswith(
        "「农田水利维护项目」预算资金前后不一致：第 6 行写 300 万元，第 13 行写 310 万元"
    )


def test_a_project_under_its_heading_and_in_the_conclusion():
    """文物保护修缮 is named by its heading, then in a sentence of the conclusion."""
    same = HEADINGS + "文物保护修缮项目全年预算 200 万元。\n"
    assert review(extract(same)) == []
    other = (
        HEADINGS.replace("文物保护修缮\n", "文物保护修缮项目\n")
        + "文物保护修缮项目全年预算 210 万元。\n"
    )
    findings = review(extract(other))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 17")]
    assert "「文物保护修缮项目」预算资金前后不一致：第 11 行写 200 万元" in findings[0].message


def test_a_project_rate_that_does_not_follow_names_the_project():
    text = altered(SENTENCES, ("执行率 96.67%", "执行率 95.67%"))
    findings = review(extract(text))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 6")]
    assert findings[0].message.startswith("「农田水利维护项目」的金额与执行率不符")
    assert "290 / 300 = 96.666…%，报告写 95.67%" in findings[0].message


def test_a_project_spending_above_its_budget_names_the_project():
    # 120 → 130: 130 / 120 = 108.33%, and the three together 492 / 500 = 98.4%
    text = altered(
        SENTENCES,
        ("执行数 120 万元，执行率 100%", "执行数 130 万元，执行率 108.33%"),
        ("实际支出 482 万元，执行率 96.4%", "实际支出 492 万元，执行率 98.4%"),
    )
    findings = review(extract(text))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 7")]
    assert findings[0].message.startswith("「动物防疫经费」支出大于预算")
    assert "支出 130 万元，预算 120 万元，执行率 108.33%" in findings[0].message


def test_a_row_of_the_table_stated_again_in_prose():
    """The prose may add 项目 to the name in the table's row."""
    same = TABLE + "\n小型水库除险加固项目实际支出 882 万元。\n"
    assert review(extract(same)) == []
    findings = review(extract(same.replace("项目实际支出 882", "项目实际支出 892")))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 20")]
    assert findings[0].message.startswith(
        "「小型水库除险加固项目」实际支出前后不一致：第 12 行写 882 万元，第 20 行写 892 万元"
    )


# --- figures whose owner is not clear ------------------------------------------------------------


def test_a_figure_no_words_place_is_listed_and_compared_with_nothing():
    """Under a heading about a subject, nothing says whose 35 万元 is: not the department's
    1,250 万元, nor any project's. Its rate is still checked: 30 / 35 = 85.714…%."""
    text = SENTENCES + "\n三、资金使用\n预算资金 35 万元，实际支出 30 万元，执行率 85.71%。\n"
    figures = extract(text)
    assert whose(figures)[-3:] == [
        (15, "unplaced_budget", "", D(35)),
        (15, "unplaced_spent", "", D(30)),
        (15, "unplaced_rate", "", D("85.71")),
    ]
    assert figures[-1].label == "执行率（归属不明）"
    assert review(figures) == []
    findings = review(extract(text.replace("85.71%", "80%")))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 15")]
    assert findings[0].message.startswith("金额与执行率不符：「预算资金 35 万元")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two projects' budgets together: neither's
        ("农田水利维护项目和动物防疫经费预算合计 420 万元", [("unplaced_budget", "", D(420))]),
        ("农田水利维护项目、动物防疫经费全年支出 410 万元", [("unplaced_spent", "", D(410))]),
        # 基础设施维护及企业服务费 is one name
        (
            "基础设施维护及企业服务费预算 35 万元",
            [("project_budget", "基础设施维护及企业服务费", D(35))],
        ),
        # a part of a project's budget is not the project's
        (
            "农田水利维护项目预算 300 万元，其中中央预算 200 万元",
            [("project_budget", "农田水利维护项目", D(300)), ("unplaced_budget", "", D(200))],
        ),
        # 人员经费 is a part of the spending
        ("人员经费支出 210 万元", [("unplaced_spent", "", D(210))]),
        # 该项目 with no project before it; 资本项目 is a name, not 本项目
        ("该项目预算 20 万元", [("unplaced_budget", "", D(20))]),
        ("资本项目预算 20 万元", [("project_budget", "资本项目", D(20))]),
        # the department's, then a project's, in one sentence
        (
            "部门全年预算 1,250 万元，其中农技推广项目预算 80 万元",
            [("budget", "", D(1250)), ("project_budget", "农技推广项目", D(80))],
        ),
        # 相关部门 is not the department
        ("协调相关部门，安排预算 20 万元", [("unplaced_budget", "", D(20))]),
        # the sentence before says whose the paragraph is about, unless the sentence says a
        # total: then it may be the project's or the department's
        (
            "农田水利维护项目主要用于渠系清淤。预算 300 万元",
            [("project_budget", "农田水利维护项目", D(300))],
        ),
        (
            "农田水利维护项目预算 300 万元。实际支出 290 万元。全年预算执行率 96%",
            [
                ("project_budget", "农田水利维护项目", D(300)),
                ("project_spent", "农田水利维护项目", D(290)),
                ("unplaced_rate", "", D(96)),
            ],
        ),
        # under a project's heading, 项目 alone is that project; 三个项目 are all of them
        (
            "（一）招商经费\n项目预算 20 万元。三个项目全年共支出 63.62 万元",
            [("project_budget", "招商经费", D(20)), ("projects_spent", "", D("63.62"))],
        ),
    ],
)
def test_words_that_say_whose(sentence, expected):
    found = [(f.kind, f.project, f.value) for f in extract(sentence)]
    assert found == expected


def test_under_a_projects_heading_the_departments_words_do_not_move_a_figure():
    """为保障部门正常运转 under （二）办公楼维修: the 20 万元 is the project's."""
    text = "（二）办公楼维修\n为保障部门正常运转，安排预算 20 万元，实际支出 18 万元。\n"
    assert [(f.kind, f.project) for f in extract(text)] == [
        ("project_budget", "办公楼维修"),
        ("project_spent", "办公楼维修"),
    ]


@pytest.mark.parametrize(
    "heading", ["（一）产出指标完成情况", "（二）经济效益", "（三）主要职责", "（四）预算执行"]
)
def test_a_heading_about_a_subject_names_no_project(heading):
    text = f"四、绩效分析\n{heading}\n全年预算资金 1,250 万元。\n"
    assert [(f.kind, f.project) for f in extract(text)] == [("budget", "")]


def test_a_heading_about_a_subject_ends_the_projects_section():
    """After 三、总体评价 a figure is no longer 旅游宣传推广经费's."""
    text = HEADINGS + "全年预算资金 860 万元。\n"
    assert whose(extract(text))[-1] == (17, "budget", "", D(860))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_no_report_has_a_false_warning(name):
    expected = [("stated-figure-mismatch", "line 12")] if name == "inconsistent" else []
    assert codes_and_places(review(extract(REPORTS[name]))) == expected


# --- names from the evaluation ------------------------------------------------------------------

# The projects named as the evaluation names them, without 项目 or 经费, in the department's
# paragraph: only the evaluation says they are projects.
#   department 817 / 860 = 95%;  公共文化服务 147 / 150 = 98%;  文物保护修缮 180 / 200 = 90%
NAMED_IN_THE_TABLE = """\
某某市文化广电和旅游局
2023 年度部门整体支出绩效自评报告

一、部门基本情况
本局 2023 年度全年预算资金 860 万元，实际支出 817 万元，预算执行率 95%。
公共文化服务全年预算 150 万元，实际支出 147 万元，执行率 98%。
文物保护修缮全年预算 200 万元，实际支出 180 万元，执行率 90%。
"""


def evaluation(culture_spent: str = "147", relics_spent: str = "180"):
    def project(name: str, budget: str, spent: str) -> dict:
        indicator = {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "任务完成率",
            "target": "100%",
            "actual": "100%",
            "weight": 90,
        }
        return {
            "name": name,
            "budget": {"adjusted": budget, "spent": spent},
            "indicators": [indicator],
        }

    return scoring.load(
        {
            "department": {
                "name": "某某市文化广电和旅游局",
                "year": 2023,
                "budget": {"planned": "860", "adjusted": "860", "spent": "817"},
            },
            "projects": [
                project("公共文化服务", "150", culture_spent),
                project("文物保护修缮", "200", relics_spent),
            ],
        }
    )


NAMES = ["公共文化服务", "文物保护修缮"]


def test_names_from_the_evaluation_place_the_projects_figures():
    figures = extract(NAMED_IN_THE_TABLE, NAMES)
    assert whose(figures) == [
        *department(5, "860", "817", "95"),
        *project(6, "公共文化服务", "150", "147", "98"),
        *project(7, "文物保护修缮", "200", "180", "90"),
    ]
    assert review(figures, evaluation()) == []


def test_without_the_names_nothing_says_the_sentences_are_not_the_departments():
    """全年预算 after the department's own sentence: read as the department's."""
    figures = extract(NAMED_IN_THE_TABLE)
    assert [f.kind for f in figures if f.line == 6] == ["budget", "spent", "execution_rate"]


def test_a_projects_figure_against_its_row_of_the_table():
    findings = review(extract(NAMED_IN_THE_TABLE, NAMES), evaluation(relics_spent="185"))
    assert codes_and_places(findings) == [("report-table-mismatch", "line 7")]
    assert findings[0].message == (
        "第 7 行报告「文物保护修缮」实际支出 180 万元，自评表为「文物保护修缮」全年执行数 185 万元"
        "（「文物保护修缮全年预算 200 万元，实际支出 180 万元，执行率 90%」）"
    )


def test_a_name_the_table_does_not_have_is_said_to_be_compared_with_nothing():
    """农技推广项目 is none of the evaluation's projects: nothing to compare it with, which is
    said once, where the name is first stated (not once per figure)."""
    text = NAMED_IN_THE_TABLE + "农技推广项目预算 80 万元，实际支出 72 万元，执行率 90%。\n"
    figures = extract(text, NAMES)
    assert [f.project for f in figures if f.line == 8] == ["农技推广项目"] * 3
    findings = review(figures, evaluation())
    assert codes_and_places(findings) == [("report-table-mismatch", "line 8")]
    assert findings[0].message == (
        "第 8 行报告「农技推广项目」预算资金 80 万元，自评表中没有名为「农技推广项目」的项目，"
        "无从核对（「农技推广项目预算 80 万元，实际支出 72 万元，执行率 90%」）"
    )


def test_a_heading_written_with_xiangmu_is_the_tables_project():
    """（一）公共文化服务项目 holds the table's 公共文化服务."""
    text = HEADINGS.replace("（一）公共文化服务", "（一）公共文化服务项目")
    figures = extract(text, NAMES)
    assert {(f.kind, f.project) for f in figures if f.line == 9 and f.project} == {
        ("project_budget", "公共文化服务"),
        ("project_spent", "公共文化服务"),
        ("project_rate", "公共文化服务"),
    }


# --- the command line -----------------------------------------------------------------------------


def test_check_with_the_evaluation_names_the_projects(cli, tmp_path):
    import json

    report = tmp_path / "report.txt"
    report.write_text(NAMED_IN_THE_TABLE, "utf-8")
    table = tmp_path / "table.json"
    table.write_text(
        json.dumps(
            {
                "department": {
                    "name": "某某市文化广电和旅游局",
                    "year": 2023,
                    "budget": {"planned": 860, "adjusted": 860, "spent": 817},
                },
                "projects": [
                    {
                        "name": name,
                        "budget": {"adjusted": budget, "spent": spent},
                        "indicators": [
                            {
                                "level1": "产出指标",
                                "level2": "数量指标",
                                "name": "任务完成率",
                                "target": "100%",
                                "actual": "100%",
                                "weight": 90,
                            }
                        ],
                    }
                    for name, budget, spent in (
                        ("公共文化服务", 150, 147),
                        ("文物保护修缮", 200, 185),
                    )
                ],
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    run = cli("check", str(report), "--with", str(table), "-f", "json")
    (data,) = json.loads(run.out)
    assert [(f["kind"], f["project"]) for f in data["figures"] if f["line"] == 7] == [
        ("project_budget", "文物保护修缮"),
        ("project_spent", "文物保护修缮"),
        ("project_rate", "文物保护修缮"),
    ]
    assert [(f["code"], f["where"]) for f in data["findings"]] == [
        ("report-table-mismatch", "line 7")
    ]
    shown = cli("check", str(report), "--with", str(table)).out
    assert "「文物保护修缮」实际支出" in shown


# A 自评表 copied into the report's appendix: its 项目资金 block restates the project the heading
# names (年度资金总额 35 万元 of 基础设施维护, 10 万元 of 电子政务, at 97.14% and 98.20%), which a
# row cannot tell; read as a project called 年度资金总额 the two rows contradicted each other.
APPENDIX = """# 某管委会 2023 年度部门整体绩效自评报告

## 一、部门整体概况

全年预算数 382.31 万元，全年执行数 374.11 万元，预算执行率 97.86%。

### 附表 1　基础设施维护项目支出绩效自评表

| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| --- | --- | --- | --- | --- | --- | --- |
| 年度资金总额 | 35.00 | 35.00 | 34.00 | 10 | 97.14% | 9.71 |

### 附表 2　电子政务平台项目支出绩效自评表

| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| --- | --- | --- | --- | --- | --- | --- |
| 年度资金总额 | 10.00 | 10.00 | 9.82 | 10 | 98.20% | 9.82 |
"""


def test_the_funds_rows_of_a_form_in_the_appendix_are_nobody_s_project():
    figures = extract(APPENDIX)
    assert [f for f in whose(figures) if f[2] == "年度资金总额"] == []
    assert whose(figures)[:3] == department(5, "382.31", "374.11", "97.86")
    assert review(figures) == []
