"""A table's 预算执行率 filed among its indicators is its execution row (see
cases/department-table-execution-row.toml): moved to the budget with its 分值, 得分 and 偏差原因,
said, and checked against the rate the budget gives; two such rows are refused."""

from __future__ import annotations

import pytest

import scoring
from scoring.errors import InputError

from .tables import one_project, own_table, row

SPENT_80 = {"planned": "100", "adjusted": "100", "spent": "80"}


def _project(rows: list[dict], budget: dict | None = None) -> dict:
    return one_project(rows, budget or SPENT_80)


OTHERS = [
    row("培训人次", "≥100人次", "100人次", "50"),
    row("受益人数", "≥50人", "50人", "30", "效益指标"),
]


def test_the_row_is_scored_as_the_execution_row_and_its_other_rate_said():
    # 预算执行率 | 100% | 90% | 分值 20, with 80 of 100 spent: the row is the execution row,
    # 10 × 80 / 100 = 8.00 under mof-2020 (its own 分值 20 said by execution-weight-filed);
    # indicators 50 + 30 = 80; total 88.00. Its 90% is not the budget's 80%: said, warning.
    data = _project([row("预算执行率", "100%", "90%", "20"), *OTHERS])
    evaluation = scoring.load(data)
    result = scoring.score(data, record=False)
    project = result.projects[0]
    assert [ind.name for ind in project.indicators] == ["培训人次", "受益人数"]
    assert [str(project.execution.score), str(project.score)] == ["8.00", "88.00"]
    assert evaluation.projects[0].budget.weight == 20
    notes = [f for f in result.findings if f.code == "read-assumption"]
    assert [(n.where, n.severity) for n in notes] == [("projects[0].indicators[0]", "warning")]
    assert "its 实际完成值 '90%' is not that rate, 80%" in notes[0].message
    codes = {f.code for f in result.findings}
    assert "execution-weight-filed" in codes


def test_a_rate_written_to_fewer_places_agrees_when_it_rounds_to_the_budgets():
    # 86.2 of 100 spent is 86.20%; the row's 86% is that rate to its own places: no warning
    budget = {"planned": "100", "adjusted": "100", "spent": "86.2"}
    data = _project([row("预算执行率", "100%", "86%", "10"), *OTHERS], budget)
    result = scoring.score(data, record=False)
    notes = [f for f in result.findings if f.code == "read-assumption"]
    assert [n.severity for n in notes] == ["info"]


@pytest.mark.parametrize(
    "rows",
    [
        [row("预算执行率", "100%", "80%", "10"), row("预算执行率", "100%", "80%", "10")],
    ],
)
def test_two_execution_rows_are_refused(rows):
    with pytest.raises(InputError) as raised:
        scoring.load(_project([*rows, *OTHERS]))
    assert raised.value.problems[0].where == "projects[0].indicators[1]"


def test_a_row_beside_a_filed_execution_weight_is_refused():
    budget = {"planned": "100", "adjusted": "100", "spent": "80", "weight": "10"}
    with pytest.raises(InputError) as raised:
        scoring.load(_project([row("预算执行率", "100%", "80%", "10"), *OTHERS], budget))
    assert raised.value.problems[0].where == "projects[0].indicators[0]"
    assert "projects[0].budget" in raised.value.problems[0].message


@pytest.mark.parametrize(
    ("name", "is_it"),
    [
        ("预算执行率", True),
        ("预算执行率（%）", True),
        ("预算执行率(20分)", True),
        ("项目预算执行率", True),
        ("部门预算执行率", True),
        ("资金执行率", True),
        ("财政资金执行率", True),
        ("执行率", True),
        ("政府采购执行率", False),  # the rate of one kind of spending: an indicator of its own
        ("三公经费执行率", False),
        ("支付进度率", False),
    ],
)
def test_the_names_of_the_executionrow(name, is_it):
    data = _project([row(name, "100%", "80%", "10"), *OTHERS])
    names = [ind.name for ind in scoring.load(data).projects[0].indicators]
    assert (name not in names) == is_it


def test_a_row_not_applicable_stays_an_indicator_left_out():
    left_out = row("预算执行率", "100%", "80%", "10", applicable=False)
    evaluation = scoring.load(_project([left_out, *OTHERS]))
    assert evaluation.projects[0].indicators[0].name == "预算执行率"
    assert evaluation.projects[0].budget.weight is None


def test_the_department_table_is_scored_on_the_execution_weight_it_files():
    # 部门整体: 预算执行率 20 of 100, spent 950 of 1000 (95%): 20 × 95% = 19.00, indicators met
    # 80.00: 99.00 优 under mof-2020, whose own execution row (a project's) is 10
    money = {"planned": "1000", "adjusted": "1000", "spent": "950"}
    rows = [
        row("预算执行率", "100%", "95%", "20", "过程"),
        row("重点工作完成率", "100%", "100%", "50", "产出"),
        row("满意度", "≥90%", "95%", "30", "效果"),
    ]
    data = own_table(rows, money)
    result = scoring.score(data, record=False)
    table = result.department.table
    assert table is not None
    assert [str(table.execution.weight), str(table.execution.score)] == ["20", "19.00"]
    assert [str(result.department.score), result.department.grade] == ["99.00", "优"]
    codes = {f.code for f in result.findings}
    assert not codes & {"weights-total", "execution-weight-filed"}


def test_the_returned_workbook_counts_the_execution_row_once():
    # the same 部门整体 table given back as the unit's form: 分值 20 in F6 (the execution row's, as
    # scored), the grid's 预算执行率 row shown as filed, and the 总分's 分值 20 + 50 + 30 = 100,
    # not 120 (F6 and the grid row both counted)
    import io

    import openpyxl

    from scoring.excel.write import result_workbook, workbook_bytes

    money = {"planned": "1000", "adjusted": "1000", "spent": "950"}
    rows = [
        row("预算执行率", "100%", "95%", "20", "过程"),
        row("重点工作完成率", "100%", "100%", "50", "产出"),
        row("满意度", "≥90%", "95%", "30", "效果"),
    ]
    data = own_table(rows, money)
    book = result_workbook(scoring.load(data), scoring.score(data, record=False))
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes(book)))["部门整体"]
    assert [sheet["F6"].value, sheet["I6"].value] == [20, 19]
    assert [sheet["C11"].value, sheet["F11"].value] == ["预算执行率", "20"]  # as filed (text)
    assert [sheet["A14"].value, sheet["F14"].value, sheet["I14"].value] == ["总分", 100, 99]


def test_a_table_with_nothing_but_its_execution_row_is_refused():
    # scored on its 预算执行率 alone, the department's table would be 20 × 90% = 18.00 差
    money = {"planned": "100", "adjusted": "100", "spent": "90"}
    rows = [row("预算执行率", "100%", "90%", "20", "过程")]
    data = own_table(rows, money)
    with pytest.raises(InputError) as raised:
        scoring.load(data)
    assert raised.value.problems[0].where == "department.indicators[0]"
    assert "no indicator to score besides its 预算执行率 row" in raised.value.problems[0].message


def test_a_second_filed_score_of_the_execution_row_is_said():
    # 预算执行率 row filed 16 beside the budget's own 得分 10: the budget row's 10 is reviewed
    # (80% of 10 = 8.00 by the rules); the row's 16, not reviewed, is said
    budget = {"planned": "100", "adjusted": "100", "spent": "80", "score": "10"}
    filed = row("预算执行率", "100%", "80%", "10", score="16")
    result = scoring.score(_project([filed, *OTHERS], budget), record=False)
    (note,) = [f for f in result.findings if f.code == "read-assumption"]
    assert note.severity == "warning"
    assert "its 得分 16 is not the execution row's, 10, which is reviewed" in note.message
    assert result.projects[0].execution.filed_score == 10


def test_the_department_table_s_default_weights_share_what_its_execution_row_leaves():
    # 部门整体 with its execution row at 20 (budget.weight) and no indicator 分值: mof-2020's
    # defaults 50 / 30 / 10 share the 80 left: 80 × 50/90 = 44.444… → 44.44, 80 × 30/90 = 26.666…
    # → 26.67, 80 × 10/90 = 8.888… → 8.89 (largest remainders: 44.44 + 26.67 + 8.89 = 80.00);
    # all met: 20 + 80 = 100.00, no rescaling, no weights-total
    money = {"planned": "1000", "adjusted": "1000", "spent": "1000", "weight": "20"}
    rows = [
        row(name, "≥90%", "95%", None, level1)
        for name, level1 in (
            ("完成率", "产出指标"),
            ("覆盖率", "效益指标"),
            ("满意度", "满意度指标"),
        )
    ]
    data = own_table(rows, money)
    result = scoring.score(data, record=False)
    table = result.department.table
    assert table is not None
    assert [str(ind.weight) for ind in table.indicators] == ["44.44", "26.67", "8.89"]
    assert str(result.department.score) == "100.00"
    assert "weights-total" not in {f.code for f in result.findings}


def test_a_missing_category_s_share_is_lost_as_the_rule_set_says():
    # execution 20 of the department's own table; only 产出指标 and 满意度指标 filed, no 分值:
    # the 80 left is shared 44.44 / 26.67 / 8.89, 效益指标's 26.67 goes nowhere (mof-2020's
    # missing), so full marks cannot pass 20 + 44.44 + 8.89 = 73.33 — as at the rule set's 10,
    # where 效益's 30 is lost and the most is 70
    money = {"planned": "1000", "adjusted": "1000", "spent": "1000", "weight": "20"}
    rows = [
        row(name, "≥90%", "95%", None, level1)
        for name, level1 in (("完成率", "产出指标"), ("满意度", "满意度指标"))
    ]
    data = own_table(rows, money)
    result = scoring.score(data, record=False)
    table = result.department.table
    assert table is not None
    assert [str(ind.weight) for ind in table.indicators] == ["44.44", "8.89"]
    assert str(result.department.score) == "73.33"
    assert "category-missing" in {f.code for f in result.findings}


def test_an_execution_weight_of_full_marks_is_refused():
    money = {"planned": "10", "adjusted": "10", "spent": "10", "weight": "100"}
    rows = [row("完成率", "≥90%", "95%", "10")]
    data = own_table(rows, money)
    with pytest.raises(InputError) as raised:
        scoring.score(data, record=False)
    assert raised.value.where == "department.budget.weight"


def test_money_and_points_written_as_bounds_are_refused():
    from scoring.values import ValueProblem, parse_money

    for amount in ("95余万元", "≥95万元"):  # more than 95, not how much
        with pytest.raises(ValueProblem):
            parse_money(amount)
    assert str(parse_money("95万元")) == "95"
