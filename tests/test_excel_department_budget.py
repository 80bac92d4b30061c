"""The department's own 部门整体 table in a workbook as ``scoring convert`` writes it: a 部门 sheet
with the amounts, 执行率得分 and 资金偏差原因, and a sheet 部门整体 whose 项目资金 row holds the
amounts again, the execution row's 分值 (F6) and its 得分 (H6). The department is scored on the
分值 it files (weights.execution_weight), so F6 must reach ``department.budget`` as it does a
project's, and its filed 得分 be reviewed. A 预算执行率 row among the indicators beside a filled
F6 is the same row shown twice where their 分值 agree (or the row has none), and refused where
they differ.

Every workbook is built by ``scoring convert`` of a TOML, edited where a unit's edit is the case,
and scored through the command line as an evaluator runs it."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

import scoring
from scoring.errors import InputError

from .conftest import run_cli

openpyxl = pytest.importorskip("openpyxl")

# 1000 budgeted, 500 spent: the execution rate is 500 / 1000 = 50.00%. The indicators, each met
# in full: 预算调整率 ≤5% with 0% → 10, 重点工作完成率 100% → 40, 满意度 95% against ≥90% → 30.
HEAD = """\
[department]
name = "某县部门整体测试局"
year = 2023
budget = {{ planned = 1000, adjusted = 1000, spent = 500{budget} }}
"""
ROW = """
[[department.indicators]]
level1 = "{level1}"
level2 = "{level2}"
name = "{name}"
target = "{target}"
actual = "{actual}"
weight = {weight}
"""
OTHERS = [
    ("投入", "预算配置", "预算调整率", "≤5%", "0%", 10),
    ("产出", "数量", "重点工作完成率", "100%", "100%", 40),
    ("效果", "社会效益", "服务对象满意度", "≥90%", "95%", 30),
]
# the 部门整体 table's own 预算执行率 row, under 过程 (财预〔2013〕53号), 20 of its 100 points
EXECUTION_ROW = ("过程", "预算执行", "预算执行率", "100%", "50%", 20)

# A project of 100 / 80 spent (80%) whose own 预算执行率 row, among its indicators, files
# ``weight``; its other rows are met in full: 40 + 50 = 90.
PROJECT = """\
[department]
name = "某县测试单位"
year = 2023
budget = {{ planned = 100, adjusted = 100, spent = 80 }}

[[projects]]
name = "测试项目"
budget = {{ planned = 100, adjusted = 100, spent = 80 }}

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人数"
target = "≥100人"
actual = "100人"
weight = 40

[[projects.indicators]]
level1 = "产出指标"
level2 = "成本指标"
name = "预算执行率"
target = "100%"
actual = "80%"
weight = {weight}

[[projects.indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "群众满意度"
target = "≥90%"
actual = "95%"
weight = 50
"""


def department(budget: str = "", execution_row: bool = False) -> str:
    """The department's TOML: ``budget`` added to its budget row (``, weight = 20``), and its
    预算执行率 row as the second indicator (row 12 of the sheet) when ``execution_row``."""
    rows = [OTHERS[0], EXECUTION_ROW, *OTHERS[1:]] if execution_row else OTHERS
    keys = ("level1", "level2", "name", "target", "actual", "weight")
    return HEAD.format(budget=budget) + "".join(ROW.format(**dict(zip(keys, r))) for r in rows)


def converted(tmp_path: Path, toml: str, edits: dict[str, object] | None = None) -> Path:
    """``scoring convert`` of ``toml`` to a workbook, with ``edits`` (``部门整体!F6`` → value;
    None clears the cell) made to it as a unit would."""
    source = tmp_path / "部门.toml"
    source.write_text(toml, "utf-8")
    book = tmp_path / "部门.xlsx"
    run = run_cli("convert", str(source), "-o", str(book))
    assert run.code == 0, run
    if edits:
        workbook = openpyxl.load_workbook(book)
        for place, value in edits.items():
            sheet, cell = place.split("!")
            workbook[sheet][cell] = value
        workbook.save(book)
    return book


def scored(path: Path) -> dict:
    """The evaluator's view: ``scoring score FILE -f json``, its numbers exact."""
    run = run_cli("score", str(path), "-f", "json")
    assert run.code == 0, run
    return json.loads(run.out, parse_float=D, parse_int=D)[0]


def cells(report: dict, code: str) -> list[str]:
    """The cells the findings of ``code`` point at, without the file's name."""
    return [f["cell"].split("!", 1)[1] for f in report["findings"] if f["code"] == code]


def codes(report: dict) -> set[str]:
    return {f["code"] for f in report["findings"]}


def execution(report: dict) -> list[str]:
    """The department's execution row as scored: its 分值, its 得分, and the 总分 and grade."""
    table = report["department"]["table"]
    row = table["execution"]
    return [row["weight"], row["score"], table["score"], table["grade"]]


def test_the_execution_weight_and_score_of_the_table_sheet_are_the_department_s(tmp_path):
    # budget.weight 20 and score 9, written by convert into 部门整体!F6 and H6 (and 9 into
    # 部门!B7). Scored on its own 20: 20 × 50% = 10.00; indicators 10 + 40 + 30 = 80.00; total
    # 90.00 → 优, as the TOML. Its 分值 add up to 20 + 80 = 100: no weights-total, and the
    # department's own 分值 is the one scored: no execution-weight-filed. The filed 9 is not
    # 10.00: recorded-score-mismatch at H6 (the form's cell, holding the 9 the 部门 sheet has too).
    # Read without F6 the department was scored on mof-2020's 10: 5.00, 85.00 → 良, weights-total.
    toml = department(", weight = 20, score = 9")
    book = converted(tmp_path, toml)
    evaluation = scoring.load(book)
    budget = evaluation.department.budget
    assert [budget.weight, budget.score] == [D(20), D(9)]
    assert [evaluation.locations[f"department.budget.{k}"] for k in ("weight", "score")] == [
        "部门.xlsx!部门整体!F6",
        "部门.xlsx!部门整体!H6",
    ]
    report = scored(book)
    assert execution(report) == [20, D("10.00"), D("90.00"), "优"]
    assert cells(report, "recorded-score-mismatch") == ["部门整体!H6"]
    assert not codes(report) & {"weights-total", "execution-weight-filed"}
    (row,) = [r for r in report["review"] if r["where"] == "department.budget.score"]
    assert [row["filed"], row["computed"]] == [9, D("10.00")]
    toml_report = scored(tmp_path / "部门.toml")
    assert execution(toml_report) == execution(report)
    assert codes(toml_report) == codes(report)


def test_the_department_sheet_s_execution_score_stands_where_it_is_filed(tmp_path):
    # the 部门 sheet's 执行率得分 is read before the table's 得分, as its amounts are: 8 in 部门!B7
    # beside 9 in 部门整体!H6 is reviewed as 8 (against 10.00), and points at B7, the cell read.
    # B7 left blank, the table's 9 is the filed 得分, at H6.
    toml = department(", weight = 20, score = 9")
    report = scored(converted(tmp_path, toml, {"部门!B7": 8}))
    (row,) = [r for r in report["review"] if r["where"] == "department.budget.score"]
    assert [row["filed"], row["computed"]] == [8, D("10.00")]
    assert cells(report, "recorded-score-mismatch") == ["部门!B7"]
    # the table's 9, not reviewed, is said beside it with both cells
    (apart,) = [
        f for f in report["findings"] if "is not the department table's 得分" in f["message"]
    ]
    assert apart["severity"] == "warning"
    assert "部门!B7, 8" in apart["message"] and "9 at" in apart["message"]
    assert "部门整体!H6" in apart["message"]
    report = scored(converted(tmp_path, toml, {"部门!B7": None}))
    (row,) = [r for r in report["review"] if r["where"] == "department.budget.score"]
    assert [row["filed"], row["computed"]] == [9, D("10.00")]
    assert cells(report, "recorded-score-mismatch") == ["部门整体!H6"]


def test_a_department_sheet_without_amounts_takes_the_table_s(tmp_path):
    # the 部门 sheet's amounts cleared, its 执行率得分 9 left (the table's H6 cleared): the
    # amounts are the 部门整体 row's (1000 / 1000 / 500), the 分值 its 20, the 得分 the 部门
    # sheet's 9, at B7 — 10.00 by the rules, 90.00 in all (this workbook stopped on an
    # internal error)
    edits = {"部门!B4": None, "部门!B5": None, "部门!B6": None, "部门整体!H6": None}
    toml = department(", weight = 20, score = 9")
    report = scored(converted(tmp_path, toml, edits))
    assert execution(report) == [20, D("10.00"), D("90.00"), "优"]
    assert cells(report, "recorded-score-mismatch") == ["部门!B7"]
    assert report["department"]["execution"]["rate"] == D("0.5")


def test_the_department_sheet_s_amounts_stand_over_the_table_s(tmp_path):
    # as before: where the 部门 sheet gives amounts, they are the department's — 部门!B6 600
    # against 部门整体!E6 500 is 600 / 1000 = 60%: 20 × 60% = 12.00, total 92.00
    toml = department(", weight = 20")
    report = scored(converted(tmp_path, toml, {"部门!B6": 600}))
    assert execution(report) == [20, D("12.00"), D("92.00"), "优"]
    # the two sheets disagree, which may turn the grade: said, naming both cells
    apart = [f for f in report["findings"] if "is not the department table's" in f["message"]]
    assert [f["severity"] for f in apart] == ["warning"]
    assert "部门!B6, 600" in apart[0]["message"] and "500 at" in apart[0]["message"]


def test_the_table_s_reason_stands_where_the_department_sheet_leaves_it_blank(tmp_path):
    # 50.00% is below mof-2020's 90%: a reason is wanted. Written by convert into 部门!B8 and
    # 部门整体!C7; B8 cleared, the table's reason in C7 is the department's: no reason-missing
    toml = department(', weight = 20, reason = "两个项目延期至次年实施"')
    report = scored(converted(tmp_path, toml, {"部门!B8": None}))
    assert report["department"]["execution"]["reason"] == "两个项目延期至次年实施"
    assert "reason-missing" not in codes(report)
    report = scored(converted(tmp_path, toml, {"部门!B8": None, "部门整体!C7": None}))
    assert cells(report, "reason-missing") == ["部门整体!E6"]


def test_a_filled_f6_and_the_same_weight_on_the_grid_s_row_are_one_execution_row(tmp_path):
    # the 预算执行率 row filed among the indicators (C12, 分值 20) and the 项目资金 row's F6 also
    # 20, 得分 9 in H6: one row shown twice, not two. Scored as the TOML with that row and a
    # score of 9: execution 20 × 50% = 10.00, indicators 80.00, 90.00 → 优; the filed 9 is
    # reviewed at H6; its 分值 20 + 80 = 100.
    edits = {"部门整体!F6": 20, "部门整体!H6": 9}
    book = converted(tmp_path, department(execution_row=True), edits)
    report = scored(book)
    assert execution(report) == [20, D("10.00"), D("90.00"), "优"]
    assert cells(report, "recorded-score-mismatch") == ["部门整体!H6"]
    assert not codes(report) & {"weights-total", "execution-weight-filed"}
    notes = [f for f in report["findings"] if f["code"] == "read-assumption"]
    assert [f["cell"].split("!", 1)[1] for f in notes] == ["部门整体!C12"]
    assert "(20 points filed)" in notes[0]["message"]
    toml = tmp_path / "same.toml"
    toml.write_text(department(", score = 9", execution_row=True), "utf-8")
    assert execution(scored(toml)) == execution(report)


def test_a_grid_row_without_its_weight_takes_f6_s(tmp_path):
    # F6 10, the grid's 预算执行率 row without 分值: its 分值 is F6's 10 (said as filed, not —).
    # 10 × 50% = 5.00; indicators 80.00; total 85.00 → 良; the form's 分值 add up to 10 + 80 = 90:
    # weights-total.
    edits = {"部门整体!F6": 10, "部门整体!F12": None}
    report = scored(converted(tmp_path, department(execution_row=True), edits))
    assert execution(report) == [10, D("5.00"), D("85.00"), "良"]
    assert "weights-total" in codes(report)
    notes = [f["message"] for f in report["findings"] if f["code"] == "read-assumption"]
    assert ["(10 points filed)" in note for note in notes] == [True]


def test_a_filled_f6_and_another_weight_on_the_grid_s_row_are_refused(tmp_path):
    # F6 10 (the form's, as the template prints it) and the grid's 预算执行率 row 20: which 分值
    # is the execution row's? Refused at both cells.
    book = converted(tmp_path, department(execution_row=True), {"部门整体!F6": 10})
    with pytest.raises(InputError) as raised:
        scoring.load(book)
    assert raised.value.code == "execution-weight-twice"
    (problem,) = raised.value.problems
    assert problem.cell == "部门.xlsx!部门整体!F12"
    assert "10 at F6 and 20 on the row among the indicators, at F12" in problem.message
    run = run_cli("check", str(book))
    assert run.code != 0 and "部门整体!F12" in run.err


@pytest.mark.parametrize("weight", ["10", "20"])
def test_a_returned_workbook_with_the_grid_s_execution_row_reads_back(tmp_path, weight):
    # the review writes the execution row's 分值 into F6 beside the grid's 预算执行率 row: the
    # department's own (20, from the row), and read back it is one row again, scored alike
    # (90.00 优 with 20: 10.00 + 80.00). A project's F6 is the rule set's 10: with a row of 10
    # it reads back (10 × 80 / 100 = 8.00, + 90 = 98.00); with a row of 20 the two differ, and
    # it is refused as any such form.
    toml = tmp_path / "表.toml"
    toml.write_text(department(execution_row=True), "utf-8")
    back = tmp_path / "复核.xlsx"
    assert run_cli("score", str(toml), "-f", "xlsx", "-o", str(back)).code == 0
    assert openpyxl.load_workbook(back)["部门整体"]["F6"].value == 20
    assert execution(scored(back)) == execution(scored(toml)) == [20, D("10.00"), D("90.00"), "优"]
    toml.write_text(PROJECT.format(weight=weight), "utf-8")
    assert run_cli("score", str(toml), "-f", "xlsx", "-o", str(back)).code == 0
    assert openpyxl.load_workbook(back)["项目1"]["F6"].value == 10
    if weight == "10":
        got = scored(back)["projects"][0]
        assert [got["execution"]["score"], got["score"]] == [D("8.00"), D("98.00")]
    else:
        with pytest.raises(InputError) as raised:
            scoring.load(back)
        assert raised.value.code == "execution-weight-twice"


def test_what_the_grid_s_execution_row_gives_the_budget_points_at_its_cells(tmp_path):
    # the department's 预算执行率 row (C12, 20) with its 得分 9 in G12, F6 and H6 blank: the
    # execution row's 9 against 20 × 50% = 10.00 is found at G12, where it was filed
    book = converted(tmp_path, department(execution_row=True), {"部门整体!G12": 9})
    report = scored(book)
    (row,) = [r for r in report["review"] if r["where"] == "department.budget.score"]
    assert [row["filed"], row["computed"]] == [9, D("10.00")]
    assert cells(report, "recorded-score-mismatch") == ["部门整体!G12"]
    # a project's row of 20 is scored on mof-2020's 10 (8.00 of 80%): execution-weight-filed
    # names F12, the 20 filed, not the 全年执行数 in E6
    toml = tmp_path / "项目.toml"
    toml.write_text(PROJECT.format(weight=20), "utf-8")
    book = tmp_path / "项目.xlsx"
    assert run_cli("convert", str(toml), "-o", str(book)).code == 0
    report = scored(book)
    assert [report["projects"][0]["execution"]["score"], report["projects"][0]["score"]] == [
        D("8.00"),
        D("98.00"),
    ]
    assert cells(report, "execution-weight-filed") == ["项目1!F12"]
