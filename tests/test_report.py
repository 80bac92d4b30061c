"""Review of the written self-evaluation report — scoring/report.py.

``tests/data/report-2023.txt`` restates the figures of the bundled example (乐亭, 2023); its
arithmetic holds. Most other cases are a copy of it altered by replacing text.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.report import GRADES, KINDS, PROJECT, SCORES, UNPLACED, Figure, extract, review

# what these tests assert is the Chinese the users read
pytestmark = pytest.mark.usefixtures("chinese")

D = Decimal
REPORT = (Path(__file__).parent / "data" / "report-2023.txt").read_text(encoding="utf-8")

# (line, kind, value, unit, text as written)
EXPECTED = [
    (1, "department", None, "", "乐亭县城区工业聚集区管理委员会"),
    (2, "year", D(2023), "年", "2023 年度"),
    (5, "budget", D("382.31"), "万元", "382.31 万元"),
    (5, "spent", D("374.11"), "万元", "374.11 万元"),
    (5, "execution_rate", D("97.86"), "%", "97.86%"),
    (6, "project_count", D(3), "个", "3 个"),
    (6, "projects_budget", D(65), "万元", "65 万元"),
    (6, "projects_spent", D("63.62"), "万元", "63.62 万元"),
    (6, "projects_rate", D("97.88"), "%", "97.88%"),
    (12, "project_count", D(3), "个", "3 个"),
    (12, "projects_budget", D(65), "万元", "65 万元"),
    (16, "completion_rate", D(100), "%", "100%"),
    (17, "completion_rate", D(100), "%", "100%"),
    (18, "completion_rate", D(100), "%", "百分之 100"),
    (19, "projects_spent", D("63.62"), "万元", "63.62 万元"),
]


def altered(*replacements: tuple[str, str]) -> str:
    text = REPORT
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def summary(figures: list[Figure]) -> list[tuple]:
    return [(f.line, f.kind, f.value, f.unit) for f in figures]


def codes_and_places(findings) -> list[tuple[str, str]]:
    return [(f.code, f.where) for f in findings]


def first(figures: list[Figure], kind: str) -> Figure:
    return next(f for f in figures if f.kind == kind)


# --- extraction -------------------------------------------------------------------------------


def test_every_figure_of_the_report_is_extracted_with_kind_value_and_line():
    figures = extract(REPORT)
    assert [(f.line, f.kind, f.value, f.unit, f.text) for f in figures] == EXPECTED
    # every kind but one project's, those whose owner is unclear and the scores and grades
    # (tests/test_report_scores.py): it states none
    assert {f.kind for f in figures} == set(KINDS) - {*PROJECT, *UNPLACED, *SCORES, *GRADES}


def test_sentence_is_the_trimmed_sentence_of_the_figure():
    budget = first(extract(REPORT), "budget")
    assert (
        budget.sentence
        == "2023 年度，管委会申请预算资金 382.31 万元，全年实际支出 374.11 万元，预算执行率 97.86%"
    )
    assert budget.to_dict() == {
        "kind": "budget",
        "value": 382.31,
        "unit": "万元",
        "text": "382.31 万元",
        "sentence": budget.sentence,
        "line": 5,
        "project": None,
    }


def test_the_year_and_the_department_come_from_the_title():
    """The name is a figure without value; 2023 年度 in the body (line 5) is not the title's."""
    department, year = extract(REPORT)[:2]
    assert department.to_dict() == {
        "kind": "department",
        "value": None,
        "unit": "",
        "text": "乐亭县城区工业聚集区管理委员会",
        "sentence": "乐亭县城区工业聚集区管理委员会",
        "line": 1,
        "project": None,
    }
    assert (year.value, year.text, year.sentence) == (
        D(2023),
        "2023 年度",
        "2023 年度部门整体绩效自评报告",
    )
    untitled = REPORT.split("\n", 3)[3]
    assert [f.kind for f in extract(untitled)][:2] == ["budget", "spent"]


def test_the_department_is_read_without_the_year_before_it():
    text = "2023 年度乐亭县城区工业聚集区管委会编制\n\n一、部门基本情况\n"
    assert [(f.kind, f.text) for f in extract(text)] == [
        ("year", "2023 年度"),
        ("department", "乐亭县城区工业聚集区管委会"),
    ]


# --- sentences broken across lines ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "lines"),
    [
        ("382.31 万元，", "382.31 万元，\n", (5, 6, 6)),  # after a comma, as text taken from a PDF
        ("全年实际支出", "全年\n实际支出", (5, 6, 6)),
        ("预算执行率 97.86%", "预算执行率 97.\n86%", (5, 5, 5)),  # the figure's own line
        ("管委会申请", "管委会\n申请", (6, 6, 6)),
    ],
)
def test_a_sentence_broken_across_lines_is_read_whole(old, new, lines):
    figures = extract(altered((old, new)))
    department = [f for f in figures if f.kind in ("budget", "spent", "execution_rate")]
    assert [(f.kind, f.line) for f in department] == list(
        zip(("budget", "spent", "execution_rate"), lines)
    )
    assert {f.sentence_line for f in department} == {5}
    assert department[2].text == "97.86%"
    assert department[0].sentence.startswith("2023 年度，管委会")
    assert department[0].sentence.endswith("预算执行率 97.86%")
    assert first(figures, "project_count").line == 7  # the lines after it keep their numbers
    assert review(figures) == []


def test_a_wrong_rate_in_a_sentence_broken_across_lines():
    findings = review(extract(altered(("382.31 万元，", "382.31 万元，\n"), ("97.86%", "97.90%"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 6")]
    assert "374.11 / 382.31 = 97.855…%，报告写 97.90%" in findings[0].message


BROKEN = "其中，预算项目 3 个，金额合计 65 万元，实际支出 63.62 万元，\n"


def test_a_line_without_a_sentence_end_runs_on():
    findings = review(extract(BROKEN + "执行率 97.00%。"))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 2")]
    assert "63.62 / 65 = 97.876…%，报告写 97.00%" in findings[0].message


@pytest.mark.parametrize(
    "following",
    [
        "\n执行率 97.00%。",  # a blank line
        "## 执行率 97.00%",  # a heading
        "二、执行率 97.00%",
        "- 执行率 97.00%。",  # a list item
        "（二）执行率 97.00%。",
        "1. 执行率 97.00%。",
        "| 执行率 97.00% |",  # a table row
    ],
)
def test_a_blank_line_heading_list_item_or_table_row_ends_a_sentence(following):
    """The rate after the break is alone in its sentence, which does not say whose it is:
    nothing to check it with."""
    figures = extract(BROKEN + following)
    assert (figures[-1].kind, figures[-1].sentence_line) == ("unplaced_rate", figures[-1].line)
    assert figures[-1].line > 1
    assert review(figures) == []


def test_a_heading_ends_before_the_text_under_it():
    figures = extract("一、项目情况\n预算资金 382.31 万元。")
    assert [(f.kind, f.line, f.sentence) for f in figures] == [
        # not the projects': 项目 in a heading about them is not a total; nor said to be the
        # department's
        ("unplaced_budget", 2, "预算资金 382.31 万元")
    ]


def test_targets_and_results_of_the_work_are_not_figures():
    """百分之 90 以上 is a target; 新落地开工项目 7 个 and 自主引进项目 3 个 are results."""
    line_16_and_18 = [f for f in extract(REPORT) if f.line in (16, 18)]
    assert [(f.kind, f.value) for f in line_16_and_18] == [
        ("completion_rate", D(100)),
        ("completion_rate", D(100)),
    ]


def test_projects_after_qizhong_in_the_same_sentence():
    text = (
        "申请预算资金 382.31 万元，实际支出 374.11 万元，预算执行率 97.86%，"
        "其中预算项目 3 个，金额合计 65 万元，实际支出 63.62 万元，执行率为 97.88% 等。"
    )
    assert [f.kind for f in extract(text)] == [
        "budget",
        "spent",
        "execution_rate",
        "project_count",
        "projects_budget",
        "projects_spent",
        "projects_rate",
    ]
    assert review(extract(text)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("绩效目标完成率 100%", [("completion_rate", D(100))]),
        ("完成率目标为 95%，实际完成率为百分之 98", [("completion_rate", D(98))]),
        ("完成率不低于 95%", []),
        ("其中预算项目 3 个月内完工", []),
        ("今年在建项目共 9 个，其中续建项目 2 个", []),
        ("年度预算 1.2 亿元", [("budget", D(12000))]),
        (
            "其中：项目 3 个，拨付资金 30 万元，项目资金 65 万元",
            [
                ("project_count", D(3)),
                ("projects_budget", D(65)),
            ],
        ),
        ("全年实际支出 374.11 万元，其中基本支出 310.49 万元", [("spent", D("374.11"))]),
        ("实际支出 374.11 万元", [("unplaced_spent", D("374.11"))]),  # whose, it does not say
    ],
)
def test_words_around_a_figure(sentence, expected):
    assert [(f.kind, f.value) for f in extract(sentence)] == expected


def test_the_report_has_no_findings():
    assert review(extract(REPORT)) == []


# --- arithmetic within the report -------------------------------------------------------------


def test_a_wrong_rate_is_a_stated_figure_mismatch_with_the_arithmetic():
    """Either the amounts or the rate may be wrong: the message blames neither."""
    findings = review(extract(altered(("97.86%", "97.90%"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 5")]
    message = findings[0].message
    assert findings[0].severity == "warning"
    assert message.startswith("部门的金额与执行率不符")
    assert "374.11 / 382.31 = 97.855…%，报告写 97.90%" in message
    assert "应为" not in message
    assert "「2023 年度，管委会申请预算资金 382.31 万元" in message


def test_a_wrong_spent_amount_breaks_the_stated_rate():
    findings = review(extract(altered(("实际支出 374.11 万元", "实际支出 372.11 万元"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 5")]
    assert "372.11 / 382.31 = 97.332…%" in findings[0].message


def test_a_wrong_projects_rate_is_named_as_the_projects():
    findings = review(extract(altered(("97.88%", "97.80%"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 6")]
    assert findings[0].message.startswith("项目的金额与执行率不符")
    assert "63.62 / 65 = 97.876…%，报告写 97.80%" in findings[0].message
    assert "应为" not in findings[0].message


@pytest.mark.parametrize("rate", ["97.86%", "97.85%", "97.9%", "97.8%", "98%", "97%", "97.8551%"])
def test_rates_rounded_half_up_or_cut_off_are_accepted(rate):
    assert review(extract(altered(("97.86%", rate)))) == []


@pytest.mark.parametrize("rate", ["97.87%", "97.84%", "97.7%", "99%", "97.8552%"])
def test_other_rates_are_not(rate):
    findings = review(extract(altered(("97.86%", rate))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 5")]


def test_a_project_count_stated_as_3_then_4_names_both_lines():
    findings = review(extract(altered(("开展自评项目 3 个", "开展自评项目 4 个"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 12")]
    assert "第 6 行写 3 个，第 12 行写 4 个" in findings[0].message


def test_a_projects_total_stated_as_65_then_66_names_both_lines():
    findings = review(extract(altered(("涉及金额 65 万元", "涉及金额 66 万元"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 12")]
    assert "项目金额合计前后不一致：第 6 行写 65 万元，第 12 行写 66 万元" in findings[0].message


def test_amounts_in_yuan_are_converted_exactly():
    text = altered(
        ("382.31 万元", "3,823,100 元"),
        ("374.11 万元", "3,741,100元"),
        ("65 万元", "650,000 元"),
        ("63.62 万元", "636,200 元"),
    )
    figures = extract(text)
    assert summary(figures) == [
        (line, kind, value, unit) for line, kind, value, unit, _ in EXPECTED
    ]
    assert first(figures, "budget").text == "3,823,100 元"
    assert first(figures, "spent").text == "3,741,100元"
    assert review(figures) == []


def test_full_width_digits_are_read_and_kept_as_written():
    full_width = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
    figures = extract(REPORT.translate(full_width))
    assert summary(figures) == [
        (line, kind, value, unit) for line, kind, value, unit, _ in EXPECTED
    ]
    assert first(figures, "budget").text == "３８２．３１ 万元"
    assert first(figures, "year").text == "２０２３ 年度"
    assert review(figures) == []


def test_full_width_digits_with_a_wrong_rate():
    full_width = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
    findings = review(extract(altered(("97.88%", "97.90%")).translate(full_width)))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 6")]
    assert "63.62 / 65 = 97.876…%" in findings[0].message
    assert "报告写 ９７．９０％" in findings[0].message


# --- Markdown -----------------------------------------------------------------------------------

TABLE = """\
## 一、部门基本情况

| 范围 | 预算数（万元） | 实际支出（万元） | 执行率 |
| --- | ---: | ---: | ---: |
| 部门整体 | 382.31 | 374.11 | 97.86% |
| 预算项目 3 个 | 65 | 63.62 | 97.88% |
"""


def markdown(table: str = TABLE) -> str:
    """The report as Markdown: headings, emphasis, a list, and section 一 as a table."""
    lines = REPORT.splitlines()
    body = [
        f"# {lines[0]}",
        f"# {lines[1]}",
        "",
        *table.splitlines(),  # lines 4–9 in place of 4–6
        *lines[6:],
    ]
    text = "\n".join(body) + "\n"
    for heading in ("二、", "三、", "四、", "五、", "六、"):
        text = text.replace(f"\n{heading}", f"\n## {heading}")
    text = text.replace("开展自评项目 3 个", "开展自评项目 **3 个**")
    return (
        text.replace("（一）", "- （一）")
        .replace("（二）", "- （二）")
        .replace("（三）", "- （三）")
    )


def test_markdown_headings_emphasis_lists_and_a_table_keep_the_lines():
    figures = extract(markdown())
    table = [
        (1, "department", None, ""),
        (2, "year", D(2023), "年"),
        (8, "budget", D("382.31"), "万元"),
        (8, "spent", D("374.11"), "万元"),
        (8, "execution_rate", D("97.86"), "%"),
        (9, "project_count", D(3), "个"),
        (9, "projects_budget", D(65), "万元"),
        (9, "projects_spent", D("63.62"), "万元"),
        (9, "projects_rate", D("97.88"), "%"),
    ]
    prose = [(line + 3, kind, value, unit) for line, kind, value, unit, _ in EXPECTED[9:]]
    assert summary(figures) == table + prose
    assert (
        figures[2].sentence == "部门整体，预算数 382.31 万元，实际支出 374.11 万元，执行率 97.86%"
    )
    assert figures[9].text == "3 个"  # the emphasis is gone
    assert review(figures) == []


def test_a_wrong_rate_in_a_markdown_table_row():
    findings = review(extract(markdown(TABLE.replace("97.86%", "97.90%"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 8")]
    assert "374.11 / 382.31 = 97.855…%" in findings[0].message


PROJECTS_TABLE = """\
| 项目 | 预算数（万元） | 执行数（万元） | 执行率 |
| --- | ---: | ---: | ---: |
| 招商经费 | 20 | 19.80 | 99% |
| 基础设施维护及企业服务费 | 35 | 34.00 | 97.14% |
| 电子政务平台经费 | 10 | 9.82 | 98.2% |
| 合计 | 65 万元 | 63.62 万元 | 97.88% |
"""


def with_table(table: str) -> str:
    """The report with a table after its last line (25): the table starts on line 27."""
    return REPORT + "\n" + table


def table_figures(table: str) -> list[tuple]:
    found = extract(with_table(table))
    return [(f.line, f.kind, f.project, f.value) for f in found if f.line > 25]


def one_project(line: int, name: str, budget: str, spent: str, rate: str | None = None) -> list:
    figures = [
        (line, "project_budget", name, D(budget)),
        (line, "project_spent", name, D(spent)),
    ]
    return figures + ([(line, "project_rate", name, D(rate))] if rate else [])


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            PROJECTS_TABLE,
            [
                *one_project(29, "招商经费", "20", "19.80", "99"),
                *one_project(30, "基础设施维护及企业服务费", "35", "34.00", "97.14"),
                *one_project(31, "电子政务平台经费", "10", "9.82", "98.2"),
                (32, "projects_budget", "", D(65)),
                (32, "projects_spent", "", D("63.62")),
                (32, "projects_rate", "", D("97.88")),
            ],
        ),
        (
            # no 项目 in the header, but every row before the 总计 is a project
            "| 名称 | 预算数（万元） | 执行数（万元） |\n| --- | --- | --- |\n"
            "| 招商项目 | 20 | 19.8 |\n| 电子政务平台项目 | 10 | 9.82 |\n| 总计 | 65 | 63.62 |\n",
            [
                *one_project(29, "招商项目", "20", "19.8"),
                *one_project(30, "电子政务平台项目", "10", "9.82"),
                (31, "projects_budget", "", D(65)),
                (31, "projects_spent", "", D("63.62")),
            ],
        ),
        (
            # the department's spending in parts: its 合计 is the department's
            "| 类别 | 预算数（万元） | 执行数（万元） |\n| --- | --- | --- |\n"
            "| 基本支出 | 317.31 | 310.49 |\n| 项目支出 | 65 | 63.62 |\n| 合计 | 382.31 | 374.11 |\n",
            [
                (30, "projects_budget", "", D(65)),
                (30, "projects_spent", "", D("63.62")),
                (31, "budget", "", D("382.31")),
                (31, "spent", "", D("374.11")),
            ],
        ),
    ],
)
def test_a_total_row_of_projects_holds_the_projects_figures(table, expected):
    """A row of one project holds that project's figures, and none of the department's; the
    table's projects agree with those of the evaluation (招商项目 is none of them)."""
    assert table_figures(table) == expected
    assert review(extract(with_table(table)), evaluation()) == []


def test_a_wrong_rate_in_the_total_row_of_projects():
    findings = review(extract(with_table(PROJECTS_TABLE.replace("97.88%", "97.00%"))))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 32")] * 2
    assert findings[0].message.startswith("项目的金额与执行率不符")
    assert "63.62 / 65 = 97.876…%，报告写 97.00%" in findings[0].message
    assert "项目执行率前后不一致：第 6 行写 97.88%，第 32 行写 97%" in findings[1].message
    assert not any("部门" in finding.message for finding in findings)


# --- spending above the budget ------------------------------------------------------------------


def test_projects_spending_above_their_total_in_a_table():
    table = PROJECTS_TABLE.replace("63.62 万元 | 97.88%", "70 万元 | 107.69%")
    findings = [f for f in review(extract(with_table(table))) if "大于预算" in f.message]
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 32")]
    assert "项目支出大于预算" in findings[0].message
    assert "支出 70 万元，预算 65 万元，执行率 107.69%" in findings[0].message


def test_department_spending_above_its_budget():
    text = altered(("实际支出 374.11 万元", "实际支出 390 万元"), ("97.86%", "102.01%"))
    findings = review(extract(text))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 5")]  # 102.01% holds
    assert findings[0].message.startswith("部门支出大于预算")
    assert "支出 390 万元，预算 382.31 万元，执行率 102.01%" in findings[0].message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "预算资金 100 万元，实际支出 120 万元。",
            "支出大于预算：「预算资金 100 万元，实际支出 120 万元」中支出 120 万元，预算 100 万元",
        ),
        (
            "部门预算执行率为 101.5%。",
            "部门支出大于预算：「部门预算执行率为 101.5%」中执行率 101.5%，超过 100%",
        ),
        ("其中，项目执行率 105%。", "项目支出大于预算"),
    ],
)
def test_spending_above_the_budget_from_amounts_or_a_rate(text, words):
    findings = review(extract(text))
    assert codes_and_places(findings) == [("stated-figure-mismatch", "line 1")]
    assert words in findings[0].message


@pytest.mark.parametrize(
    "text", ["预算资金 100 万元，实际支出 100 万元。", "完成率 120%。", "执行率 100.00%。"]
)
def test_spending_up_to_the_budget_is_not_flagged(text):
    assert review(extract(text)) == []


# --- against the evaluation ---------------------------------------------------------------------


def evaluation(
    spent=("19.80", "34.00", "9.82"),
    planned="382.31",
    adjusted="382.31",
    name="乐亭县城区工业聚集区管理委员会",
    year=2023,
):
    def project(name, budget, spent):
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

    names = ("招商经费", "基础设施维护及企业服务费", "电子政务平台经费")
    return scoring.load(
        {
            "department": {
                "name": name,
                "year": year,
                "budget": {"planned": planned, "adjusted": adjusted, "spent": "374.11"},
            },
            "projects": [project(n, b, s) for n, b, s in zip(names, ("20", "35", "10"), spent)],
        }
    )


def test_the_report_agrees_with_the_table():
    assert review(extract(REPORT), evaluation()) == []


def test_the_applied_budget_may_be_the_planned_one():
    assert review(extract(REPORT), evaluation(adjusted="390")) == []


def test_projects_spent_that_differs_from_the_table():
    findings = review(extract(REPORT), evaluation(spent=("19.80", "34.00", "9.00")))
    assert codes_and_places(findings) == [
        ("report-table-mismatch", "line 6"),
        ("report-table-mismatch", "line 19"),
    ]
    for finding in findings:
        assert finding.severity == "warning"
        assert "项目实际支出 63.62 万元" in finding.message
        assert "各项目全年执行数合计 62.8 万元" in finding.message


def test_a_department_budget_that_differs_from_the_table_by_100_yuan():
    """Amounts are compared exactly: 382.30 万元 is not 382.31 万元, though 374.11 / 382.30
    still rounds to the stated 97.86%."""
    text = altered(("申请预算资金 382.31 万元", "申请预算资金 3,823,000 元"))
    findings = review(extract(text), evaluation())
    assert codes_and_places(findings) == [("report-table-mismatch", "line 5")]
    assert "部门预算资金 382.3 万元" in findings[0].message
    assert "部门全年预算数 382.31 万元" in findings[0].message


def test_a_project_count_that_differs_from_the_table():
    text = altered(("预算项目 3 个", "预算项目 4 个"), ("开展自评项目 3 个", "开展自评项目 4 个"))
    findings = review(extract(text), evaluation())
    assert codes_and_places(findings) == [
        ("report-table-mismatch", "line 6"),
        ("report-table-mismatch", "line 12"),
    ]
    assert "预算项目个数 4 个，自评表为项目 3 个" in findings[0].message


def test_a_year_that_differs_from_the_table():
    findings = review(extract(REPORT), evaluation(year=2022))
    assert codes_and_places(findings) == [("report-table-mismatch", "line 2")]
    assert "报告年度为 2023 年度，自评表为 2022 年度" in findings[0].message
    assert "「2023 年度部门整体绩效自评报告」" in findings[0].message


def test_a_department_that_differs_from_the_table():
    findings = review(extract(REPORT), evaluation(name="乐亭县财政局"))
    assert codes_and_places(findings) == [("report-table-mismatch", "line 1")]
    assert (
        "报告单位为「乐亭县城区工业聚集区管理委员会」，自评表为「乐亭县财政局」"
        in findings[0].message
    )


@pytest.mark.parametrize(
    ("stated", "filed"),
    [
        ("乐亭县城区工业聚集区管理委员会", "城区工业聚集区管理委员会"),  # one holds the other
        ("城区工业聚集区管委会", "乐亭县城区工业聚集区管理委员会"),  # 管委会 = 管理委员会
        ("乐亭县城区工业聚集区管理委员会", "乐亭县 城区工业聚集区 管理委员会"),
    ],
)
def test_departments_are_compared_loosely(stated, filed):
    text = altered(("乐亭县城区工业聚集区管理委员会", stated))
    assert review(extract(text), evaluation(name=filed)) == []
