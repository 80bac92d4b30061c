"""The 自评表 read from a workbook scores exactly like the same table written in TOML.

Every workbook here is built by the test, cell by cell (openpyxl for .xlsx, xlwt for .xls):
the canonical layout of :mod:`scoring.excel.write`, and the layouts units really file — rows
moved down under a title and notes, blank rows between and inside the blocks, 一级/二级指标
merged over their rows, 本年财政拨款 / 当年财政拨款 rows, weights in the labels, percentages as
numbers with a % format or as text, the Sichuan split of 年度指标值 into 指标性质 | 指标值 |
度量单位, 总分 and 自评等级 rows, a 序号 column, a sheet per project and a 部门整体 sheet.
Each is scored through :func:`scoring.score` and compared, score by score, with the TOML.
"""

from __future__ import annotations

import copy
import json
import os
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal as D
from pathlib import Path

import pytest

import scoring
from scoring.excel.write import evaluation_workbook

from .conftest import CASES, LANGFANG, LETING, case_evaluation, run_cli

openpyxl = pytest.importorskip("openpyxl")
from openpyxl.utils import get_column_letter  # noqa: E402

EXAMPLES = {"langfang": LANGFANG, "leting": LETING}


def toml_data(path: Path) -> dict:
    """A case file as the TOML reader gives it: numbers as exact decimals."""
    return tomllib.loads(case_evaluation(path), parse_float=D)


def num(value):
    """A number as a cell holds it: an int when whole, else a float of the same digits; text
    (a value the test breaks on purpose) stays text."""
    if isinstance(value, str):
        return value
    value = D(str(value))
    return int(value) if value == value.to_integral_value() else float(value)


def points(value) -> D:
    """A weight as a number, 0 when it is not one (for the sums in the labels)."""
    try:
        return D(str(value))
    except ArithmeticError:
        return D(0)


# --- comparing results -------------------------------------------------------------------------


def _table_scores(table) -> dict:
    return {
        "name": table.name,
        "score": table.score,
        "grade": table.grade,
        "execution": (table.execution.rate, table.execution.score),
        "indicators": [(i.name, i.weight, i.applicable, i.score) for i in table.indicators],
    }


def findings(result) -> set:
    """(code, severity, where) of each finding, without what the reader had to assume."""
    return {(f.code, f.severity, f.where) for f in result.findings if f.code != "read-assumption"}


def assert_scores_like(source, data: dict, *, same_findings: bool = True):
    """``source`` (a workbook) scores exactly like ``data`` (the same table as TOML): the
    department score, grade and method, every project and indicator score."""
    got, want = scoring.score(source), scoring.score(data)
    assert got.department.score == want.department.score
    assert got.department.grade == want.department.grade
    assert got.department.method == want.department.method
    assert got.department.execution.score == want.department.execution.score
    assert [_table_scores(t) for t in got.projects] == [_table_scores(t) for t in want.projects]
    own = got.department.table, want.department.table
    assert (own[0] is None) == (own[1] is None)
    if own[1] is not None:
        assert _table_scores(own[0])["indicators"] == _table_scores(own[1])["indicators"]
        assert own[0].score == own[1].score
        assert own[0].execution.score == own[1].execution.score
    if same_findings:
        assert findings(got) == findings(want)
    return got, want


# --- building sheets ---------------------------------------------------------------------------


class Sheet:
    """A sheet as cells (row and column from 1) and merged ranges, saved by openpyxl or xlwt."""

    def __init__(self, name: str):
        self.name = name
        self.cells: dict[tuple[int, int], tuple[object, str | None]] = {}
        self.merges: list[tuple[int, int, int, int]] = []

    def put(self, row: int, column: int, value, fmt: str | None = None) -> str | None:
        if value is None:
            return None
        self.cells[(row, column)] = (value, fmt)
        return f"{get_column_letter(column)}{row}"

    def merge(self, top: int, left: int, bottom: int, right: int) -> None:
        if (top, left) != (bottom, right):
            self.merges.append((top, left, bottom, right))

    def check(self) -> None:
        """Only the top-left cell of a merged range holds a value, as in Excel."""
        for top, left, bottom, right in self.merges:
            for row in range(top, bottom + 1):
                for column in range(left, right + 1):
                    assert (row, column) == (top, left) or (row, column) not in self.cells, (
                        f"{self.name}: a value inside the merged range at {row}, {column}"
                    )


def save_xlsx(sheets: list[Sheet], path: Path) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        sheet.check()
        ws = workbook.create_sheet(sheet.name)
        for (row, column), (value, fmt) in sheet.cells.items():
            cell = ws.cell(row=row, column=column, value=value)
            if fmt:
                cell.number_format = fmt
        for top, left, bottom, right in sheet.merges:
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
    workbook.save(path)
    return path


def save_xls(sheets: list[Sheet], path: Path) -> Path:
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook(encoding="utf-8")
    styles: dict = {}

    def style(fmt):
        if fmt not in styles:
            styles[fmt] = xlwt.easyxf(num_format_str=fmt) if fmt else xlwt.Style.default_style
        return styles[fmt]

    for sheet in sheets:
        sheet.check()
        ws = workbook.add_sheet(sheet.name)
        tops = set()
        for top, left, bottom, right in sheet.merges:
            value, fmt = sheet.cells.get((top, left), ("", None))
            ws.write_merge(top - 1, bottom - 1, left - 1, right - 1, value, style(fmt))
            tops.add((top, left))
        for (row, column), (value, fmt) in sheet.cells.items():
            if (row, column) not in tops:
                ws.write(row - 1, column - 1, value, style(fmt))
    workbook.save(str(path))
    return path


@dataclass(frozen=True)
class Layout:
    """How a unit's 自评表 differs from the canonical one."""

    left: int = 0  # extra columns on the left (序号)
    notes: bool = False  # a 填报单位 / 金额单位 line above, blank rows between the blocks
    gaps: bool = False  # a blank row between the categories of the grid
    merged: bool = False  # 一级/二级指标 merged over their rows (else written on every row)
    funds: str | None = None  # "本年财政拨款" / "当年财政拨款": rows under 年度资金总额
    weights: bool = False  # 产出指标(50分), 数量指标（20分）
    numbers: bool = False  # 95% as 0.95 with a % number format, 37.24 as a number
    split: bool = False  # Sichuan: 年度指标值 over 指标性质 | 指标值 | 度量单位
    totals: bool = True  # 总分, 自评等级 and 分值调整说明 under the grid
    wrapped: bool = False  # header words broken over lines, as in narrow columns


NUMBER = re.compile(r"^(\d+(?:\.\d+)?)$")
QUANTITY = re.compile(r"^(≥|≤|=|>|<)?(\d+(?:\.\d+)?)(\D*)$")


def _as_cell(text, layout: Layout):
    """A filed value as the cell holds it under ``layout``: (value, number format)."""
    if not isinstance(text, str):
        return num(text), None
    if layout.numbers:
        if text.endswith("%") and NUMBER.match(text[:-1]):
            share = D(text[:-1]) / 100
            return num(share), "0%" if D(text[:-1]) == int(D(text[:-1])) else "0.00%"
        if NUMBER.match(text):
            return num(text), None
    return text, None


def _weight_label(label: str, total: D, layout: Layout, full_width: bool) -> str:
    if not layout.weights:
        return label
    points = num(total)
    return f"{label}（{points}分）" if full_width else f"{label}({points}分)"


def write_table(
    sheet: Sheet,
    table: dict,
    *,
    department: str,
    year,
    layout: Layout = Layout(),
    title: str = "项目支出绩效自评表",
    name_label: str = "项目名称",
) -> dict[str, str]:
    """One 自评表 built row by row; returns the cell of each value by its key path under the
    table (``budget.spent``, ``indicators[1].actual``, …)."""
    at: dict[str, str] = {}
    put, merge = sheet.put, sheet.merge
    c = 1 + layout.left  # the 一级指标 column
    col = {"level1": c, "level2": c + 1, "name": c + 2}
    if layout.split:
        col.update(op=c + 3, target=c + 4, unit=c + 5)
    else:
        col["target"] = c + 3
    after = col.get("unit", col["target"]) + 1
    col.update(actual=after, weight=after + 1, score=after + 2, reason=after + 3)
    last = col["reason"]

    row = 1
    put(row, c, title)
    merge(row, c, row, last)
    row += 1
    put(row, c, f"（{year}年度）")
    merge(row, c, row, last)
    row += 1
    if layout.notes:
        put(row, c, f"填报单位（盖章）：{department}")
        merge(row, c, row, c + 3)
        put(row, last, "金额单位：万元")
        row += 2  # and a blank row

    # 项目名称, 主管部门 and 实施单位
    put(row, c, name_label)
    at["name"] = put(row, c + 1, table["name"])
    merge(row, c + 1, row, last)
    row += 1
    put(row, c, "主管部门")
    put(row, c + 1, department)
    merge(row, c + 1, row, c + 3)
    put(row, c + 4, "实施单位")
    put(row, c + 5, department)
    merge(row, c + 5, row, last)
    row += 1
    if layout.notes:
        row += 1

    # 项目资金（万元）
    budget = table["budget"]
    top = row
    put(row, c, "项目资金（万元）")
    words = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    for offset, word in enumerate(words):
        put(row, c + 2 + offset, word)
    row += 1
    amounts = [budget.get(key) for key in ("planned", "adjusted", "spent")]
    put(row, c + 1, "年度资金总额")
    for offset, (key, amount) in enumerate(zip(("planned", "adjusted", "spent"), amounts)):
        if amount is not None:
            at[f"budget.{key}"] = put(row, c + 2 + offset, num(amount))
    put(row, c + 5, 10)
    rate = points(budget["spent"]) / (points(budget["adjusted"]) or 1)
    if layout.numbers:
        put(row, c + 6, float(rate), "0.00%")
    else:
        put(row, c + 6, format(rate, ".2%"))
    if "score" in budget:
        at["budget.score"] = put(row, c + 7, num(budget["score"]))
    row += 1
    if layout.funds:
        put(row, c + 1, f"其中：{layout.funds}")
        for offset, amount in enumerate(amounts):
            put(row, c + 2 + offset, num(amount))
        row += 1
        put(row, c + 1, "上年结转资金")
        row += 1
        put(row, c + 1, "其他资金")
        for offset in range(3):
            put(row, c + 2 + offset, 0)
        row += 1
    if budget.get("reason"):
        put(row, c + 1, "资金偏差原因")
        at["budget.reason"] = put(row, c + 2, budget["reason"])
        merge(row, c + 2, row, last)
        row += 1
    merge(top, c, row - 1, c)
    if layout.notes:
        row += 1

    # 年度总体目标
    put(row, c, "年度总体目标")
    merge(row, c, row + 1, c)
    put(row, c + 1, "预期目标")
    merge(row, c + 1, row, c + 3)
    put(row, c + 4, "实际完成情况")
    merge(row, c + 4, row, last)
    at["goal"] = put(row + 1, c + 1, table.get("goal"))
    merge(row + 1, c + 1, row + 1, c + 3)
    at["result"] = put(row + 1, c + 4, table.get("result"))
    merge(row + 1, c + 4, row + 1, last)
    row += 2
    if layout.notes:
        row += 1

    # The 绩效指标 grid: its header, on two rows under the Sichuan split
    def wrap(word: str) -> str:
        return f"{word[:2]}\n{word[2:]}" if layout.wrapped and len(word) > 3 else word

    titles = {
        "level1": "一级指标",
        "level2": "二级指标",
        "name": "三级指标",
        "actual": "实际完成值",
        "weight": "分值",
        "score": "得分",
        "reason": "偏差原因分析及改进措施",
    }
    depth = 2 if layout.split else 1
    if layout.left:
        put(row, 1, "序号")
        merge(row, 1, row + depth - 1, 1)
    for key, word in titles.items():
        put(row, col[key], wrap(word))
        merge(row, col[key], row + depth - 1, col[key])
    put(row, col["op"] if layout.split else col["target"], wrap("年度指标值"))
    if layout.split:
        merge(row, col["op"], row, col["unit"])
        put(row + 1, col["op"], "指标性质")
        put(row + 1, col["target"], "指标值")
        put(row + 1, col["unit"], "度量单位")
    row += depth

    # One row per indicator
    indicators = table["indicators"]
    level1_weight: dict = {}
    level2_weight: dict = {}
    for ind in indicators:
        weight = points(ind.get("weight", 0))
        level1_weight[ind["level1"]] = level1_weight.get(ind["level1"], 0) + weight
        key = (ind["level1"], ind["level2"])
        level2_weight[key] = level2_weight.get(key, 0) + weight
    rows = []
    for index, ind in enumerate(indicators):
        if layout.gaps and index and ind["level1"] != indicators[index - 1]["level1"]:
            row += 1  # a blank row between the categories
        rows.append(row)
        where = f"indicators[{index}]"
        new1 = index == 0 or ind["level1"] != indicators[index - 1]["level1"]
        new2 = new1 or ind["level2"] != indicators[index - 1]["level2"]
        if layout.left:
            put(row, 1, index + 1)
        if new1 or not layout.merged:
            label = _weight_label(ind["level1"], level1_weight[ind["level1"]], layout, False)
            put(row, col["level1"], label)
        if new2 or not layout.merged:
            key = (ind["level1"], ind["level2"])
            put(row, col["level2"], _weight_label(ind["level2"], level2_weight[key], layout, True))
        at[where] = put(row, col["name"], ind["name"])
        target = ind["target"]
        if layout.split:
            found = QUANTITY.match(target) if isinstance(target, str) else None
            if found:
                op, value, unit = found.groups()
                cell, fmt = _as_cell(value + unit, layout) if unit == "%" else (value, None)
                if layout.numbers and unit != "%":
                    cell = num(D(value))
                put(row, col["op"], op)
                at[f"{where}.target"] = put(row, col["target"], cell, fmt)
                put(row, col["unit"], unit or None)
            else:
                put(row, col["op"], "定性")
                at[f"{where}.target"] = put(row, col["target"], target)
        else:
            at[f"{where}.target"] = put(row, col["target"], *_as_cell(target, layout))
        actual = ind["actual"]
        found = QUANTITY.match(actual) if layout.split and isinstance(actual, str) else None
        if found and not found.group(1) and found.group(3) and found.group(3) != "%":
            actual = num(D(found.group(2)))  # the unit is in 度量单位
        at[f"{where}.actual"] = put(row, col["actual"], *_as_cell(actual, layout))
        if "weight" in ind:
            at[f"{where}.weight"] = put(row, col["weight"], num(ind["weight"]))
        if "score" in ind:
            at[f"{where}.score"] = put(row, col["score"], num(ind["score"]))
        at[f"{where}.reason"] = put(row, col["reason"], ind.get("reason"))
        row += 1
    if layout.merged:  # each run of equal labels, merged over its rows
        for key, depth in (("level1", 1), ("level2", 2)):
            labels = [(ind["level1"], ind["level2"])[:depth] for ind in indicators]
            start = 0
            for index in range(1, len(labels) + 1):
                if index == len(labels) or labels[index] != labels[start]:
                    merge(rows[start], col[key], rows[index - 1], col[key])
                    start = index

    # 总分, 自评等级, 分值调整说明
    if layout.totals:
        put(row, c, "总分")
        merge(row, c, row, col["actual"])
        put(row, col["weight"], 100)
        at["score"] = put(row, col["score"], num(table["score"]) if "score" in table else None)
        row += 1
        put(row, c, "自评等级")
        merge(row, c, row, col["actual"])
        at["grade"] = put(row, col["weight"], table.get("grade"))
        merge(row, col["weight"], row, col["score"])
        row += 1
        if table.get("weights_reason"):
            put(row, c, "分值调整说明")
            at["weights_reason"] = put(row, c + 1, table["weights_reason"])
            merge(row, c + 1, row, last)
            row += 1
        if layout.notes:
            put(row + 1, c, "填表人：          联系电话：          填报日期：")
            merge(row + 1, c, row + 1, last)
    return {key: cell for key, cell in at.items() if cell is not None}


DEPARTMENT_LABELS = (
    ("部门名称", ("name",)),
    ("年度", ("year",)),
    ("年初预算数（万元）", ("budget", "planned")),
    ("全年预算数（万元）", ("budget", "adjusted")),
    ("全年执行数（万元）", ("budget", "spent")),
    ("执行率得分", ("budget", "score")),
    ("资金偏差原因", ("budget", "reason")),
    ("自评得分", ("score",)),
    ("自评等级", ("grade",)),
)


def write_department(sheet: Sheet, department: dict, notes: bool = False) -> dict[str, str]:
    """The 部门 sheet: label | value, under a title and a blank row when ``notes``."""
    at = {}
    row = 1
    if notes:
        sheet.put(1, 1, "部门基本情况")
        sheet.merge(1, 1, 1, 2)
        row = 3
    for label, path in DEPARTMENT_LABELS:
        value = department
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        sheet.put(row, 1, label)
        if value is not None:
            at[".".join(path)] = sheet.put(row, 2, num(value))
        row += 1
    return at


def sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "", name)[:31]


def build(data: dict, layout: Layout = Layout(), *, department_sheet: bool = True):
    """The sheets of a department's workbook: 部门, then one sheet per project named by the
    project, then 部门整体 when the department files its own table. Returns the sheets and
    the cell of each value by its key path (``projects[0].indicators[1].actual``)."""
    department = data["department"]
    sheets, at = [], {}
    if department_sheet:
        sheet = Sheet("部门")
        found = write_department(sheet, department, notes=layout.notes)
        at.update({f"部门!department.{k}": v for k, v in found.items()})
        sheets.append(sheet)
    for index, project in enumerate(data.get("projects", [])):
        sheet = Sheet(sheet_name(project["name"]))
        found = write_table(
            sheet, project, department=department["name"], year=department["year"], layout=layout
        )
        at.update({f"{sheet.name}!projects[{index}].{k}": v for k, v in found.items()})
        sheets.append(sheet)
    if "indicators" in department:
        sheet = Sheet("部门整体")
        found = write_table(
            sheet,
            department,
            department=department["name"],
            year=department["year"],
            layout=layout,
            title="部门整体绩效自评表",
            name_label="部门名称",
        )
        at.update({f"部门整体!department.{k}": v for k, v in found.items()})
        sheets.append(sheet)
    return sheets, at


def cell(at: dict, file: Path, where: str) -> str:
    """The address ``file.xlsx!sheet!E12`` of the value at key path ``where``."""
    found = [key for key in at if key.split("!", 1)[1] == where]
    assert len(found) == 1, (where, found)
    sheet = found[0].split("!", 1)[0]
    return f"{file.name}!{sheet}!{at[found[0]]}"


def as_filed(data: dict, layout: Layout) -> dict:
    """The TOML that says what a workbook in ``layout`` says: without totals rows there is no
    filed 总分, grade or 分值调整说明; with them each project files the grade 优."""
    data = copy.deepcopy(data)
    for project in data.get("projects", []):
        if layout.totals:
            project.setdefault("grade", "优")
        else:
            for key in ("score", "grade", "weights_reason"):
                project.pop(key, None)
    return data


# --- 1. the canonical layout -------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES)
def test_canonical_layout_scores_like_toml(example, tmp_path):
    data = toml_data(EXAMPLES[example])
    path = tmp_path / f"{example}.xlsx"
    evaluation_workbook(data).save(path)
    assert_scores_like(path, data)


@pytest.mark.parametrize("example", EXAMPLES)
def test_canonical_layout_without_year_title(example, tmp_path):
    data = toml_data(EXAMPLES[example])
    path = tmp_path / f"{example}.xlsx"
    evaluation_workbook(data, year_title=False).save(path)
    assert_scores_like(path, data)


def test_canonical_layout_reads_back_the_data(tmp_path):
    """Beyond the scores: the evaluation read is the one written, value for value."""
    for path in EXAMPLES.values():
        data = toml_data(path)
        book = tmp_path / f"{path.stem}.xlsx"
        evaluation_workbook(data).save(book)
        assert scoring.load(book).data == data


def every_key() -> dict:
    """A department with its own table and two projects, using every key of the schema: filed
    scores and grades, a table-form target, a deduction, a row not applicable, money as text."""

    def row(level1, level2, name, target, actual, weight, **more):
        return dict(
            level1=level1,
            level2=level2,
            name=name,
            target=target,
            actual=actual,
            weight=D(weight),
            **more,
        )

    return {
        "department": {
            "name": "某县营商环境建设局",
            "year": 2023,
            "budget": {
                "planned": D(200),
                "adjusted": "200万元",
                "spent": D("190.5"),
                "score": D("9.5"),
                "reason": "一个项目尾款未付",
            },
            "goal": "优化营商环境",
            "result": "改革任务基本完成",
            "indicators": [
                row(
                    "产出指标",
                    "数量指标",
                    "重点改革任务完成数",
                    "≥10项",
                    "9项",
                    30,
                    reason="一项改革任务因上级政策调整暂缓",
                ),
                row("效益指标", "社会效益指标", "营商环境", "明显改善", "达成", 40),
                row("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "95%", 20),
            ],
            "score": D(90),
            "grade": "良",
            "weights_reason": "按部门职责调整分值",
        },
        "projects": [
            {
                "name": "招商经费",
                "budget": {
                    "planned": D(20),
                    "adjusted": D(20),
                    "spent": D("19.80"),
                    "score": D("9.9"),
                },
                "goal": "引进项目 7 个",
                "result": "落地开工 7 个",
                "indicators": [
                    row("产出指标", "数量指标", "新落地开工项目数", "≥7个", "7个", 20, score=D(20)),
                    row(
                        "产出指标",
                        "数量指标",
                        "招商活动次数",
                        {"op": "≥", "value": D(3), "unit": "个"},
                        "≥3个",
                        20,
                        score=D("19.5"),
                        deduction=D("0.5"),
                    ),
                    row(
                        "产出指标",
                        "质量指标",
                        "签约项目履约率",
                        "≥90%",
                        "0%",
                        10,
                        applicable=False,
                        reason="本年度无到期项目",
                    ),
                    row("效益指标", "经济效益指标", "带动投资", "≥5亿元", "6亿元", 30, score=D(30)),
                    row(
                        "满意度指标",
                        "服务对象满意度指标",
                        "企业满意度",
                        D(90),
                        D(95),
                        10,
                        score=D(10),
                    ),
                ],
                "score": D(99),
                "grade": "优",
                "weights_reason": "产出指标按任务量调高",
            },
            {
                "name": "营商环境宣传",
                "budget": {"planned": "10万元", "adjusted": D(8), "spent": D("7.6")},
                "indicators": [
                    row("产出指标", "数量指标", "宣传活动场次", "≥4场", "4场", 60),
                    row("效益指标", "社会效益指标", "政策知晓率", "≥90%", "92%", 30),
                ],
            },
        ],
    }


def test_canonical_layout_every_key(tmp_path):
    """扣减分数 and 是否适用 columns, a 部门整体 sheet with its filed 总分 and grade, a
    table-form target written as its text, money as text: all score as in the TOML."""
    data = every_key()
    path = tmp_path / "every.xlsx"
    evaluation_workbook(data).save(path)
    got, _ = assert_scores_like(path, data)
    assert got.department.method == "table"
    read = scoring.load(path)
    assert read.projects[0].indicators[2].applicable is False
    assert read.projects[0].indicators[1].deduction == D("0.5")
    assert (read.department.score, read.department.grade) == (D(90), "良")


# --- 2. real-world layouts ---------------------------------------------------------------------

LAYOUTS = {
    "moved-rows": Layout(notes=True, gaps=True),
    "merged-levels": Layout(merged=True),
    "本年财政拨款": Layout(funds="本年财政拨款"),
    "当年财政拨款": Layout(funds="当年财政拨款", notes=True),
    "weights-in-labels": Layout(weights=True, merged=True),
    "weights-in-labels-every-row": Layout(weights=True),
    "percent-numbers": Layout(numbers=True),
    "percent-text": Layout(numbers=False),
    "sichuan-split": Layout(split=True, merged=True),
    "sichuan-split-numbers": Layout(split=True, numbers=True),
    "serial-column": Layout(left=1),
    "two-extra-columns": Layout(left=2, merged=True),
    "wrapped-headers": Layout(wrapped=True),
    "no-totals": Layout(totals=False),
    "everything": Layout(
        left=1,
        notes=True,
        gaps=True,
        merged=True,
        funds="当年财政拨款",
        weights=True,
        numbers=True,
        split=True,
        wrapped=True,
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_layout_scores_like_toml(example, layout, tmp_path):
    data = as_filed(toml_data(EXAMPLES[example]), LAYOUTS[layout])
    sheets, _ = build(data, LAYOUTS[layout])
    path = save_xlsx(sheets, tmp_path / f"{example}.xlsx")
    assert_scores_like(path, data)


@pytest.mark.parametrize("layout", ["moved-rows", "sichuan-split", "everything"])
def test_layout_reads_the_filed_values(layout, tmp_path):
    """Not only the same scores: the same filed 得分, 总分, grade, goal, result and reasons."""
    data = as_filed(toml_data(LETING), LAYOUTS[layout])
    data["projects"][0]["indicators"][0]["score"] = D(18)
    data["projects"][0]["indicators"][0]["reason"] = "一个项目延期落地"
    data["projects"][1]["score"] = D("99.5")
    data["projects"][2]["budget"]["score"] = D("9.8")
    data["projects"][2]["budget"]["reason"] = "年末结余 0.18 万元"
    sheets, _ = build(data, LAYOUTS[layout])
    path = save_xlsx(sheets, tmp_path / "leting.xlsx")
    assert_scores_like(path, data)
    read = scoring.load(path)
    for index, project in enumerate(data["projects"]):
        table = read.projects[index]
        assert table.name == project["name"]
        assert table.score == project.get("score")
        assert table.grade == project["grade"]
        assert table.goal == project["goal"]
        assert table.result == project["result"]
        assert table.weights_reason == project["weights_reason"]
        assert table.budget.score == project["budget"].get("score")
        assert table.budget.reason == project["budget"].get("reason", "")
        assert [i.score for i in table.indicators] == [
            i.get("score") for i in project["indicators"]
        ]
        assert [i.reason for i in table.indicators] == [
            i.get("reason", "") for i in project["indicators"]
        ]
        assert [(i.level1, i.level2) for i in table.indicators] == [
            (i["level1"], i["level2"]) for i in project["indicators"]
        ]


def test_percent_number_formats(tmp_path):
    """0.95 shown as 95% (format 0%) and 0.957 shown as 95.70% (0.00%) are 95% and 95.7%;
    the same shares written as text read the same. A small form, without a 部门 sheet."""
    rows = [
        # name, 年度指标值 cell, 实际完成值 cell, the TOML target and actual
        ("完成率", ("≥90%",), (0.95, "0%"), "≥90%", "95%"),
        ("合格率", ("≥90%",), (0.957, "0.00%"), "≥90%", "95.7%"),
        ("知晓率", (1, "0%"), (0.8, "0.0%"), "100%", "80%"),
        ("满意度", ("≥90%",), ("92%",), "≥90%", "92%"),
    ]
    sheet = Sheet("项目1")
    sheet.put(1, 1, "项目支出绩效自评表（2023年度）")
    sheet.put(2, 1, "项目名称")
    sheet.put(2, 2, "测试项目")
    sheet.put(3, 1, "主管部门")
    sheet.put(3, 2, "某县测试单位")
    for column, word in zip((3, 4, 5), ("年初预算数", "全年预算数", "全年执行数")):
        sheet.put(4, column, word)
    sheet.put(5, 2, "年度资金总额")
    for column, amount in zip((3, 4, 5), (10, 10, 9)):
        sheet.put(5, column, amount)
    grid = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值")
    for column, word in enumerate(grid, start=1):
        sheet.put(7, column, word)
    indicators = []
    for row, (name, target, actual, toml_target, toml_actual) in enumerate(rows, start=8):
        for column, value in enumerate(("产出指标", "质量指标", name), start=1):
            sheet.put(row, column, value)
        sheet.put(row, 4, *target)
        sheet.put(row, 5, *actual)
        sheet.put(row, 6, 20)
        indicators.append(
            {
                "level1": "产出指标",
                "level2": "质量指标",
                "name": name,
                "target": toml_target,
                "actual": toml_actual,
                "weight": D(20),
            }
        )
    path = save_xlsx([sheet], tmp_path / "percent.xlsx")
    read = scoring.load(path).data["projects"][0]["indicators"]
    assert [(i["target"], i["actual"]) for i in read] == [(r[3], r[4]) for r in rows]
    budget = {"planned": D(10), "adjusted": D(10), "spent": D(9)}
    data = {
        "department": {"name": "某县测试单位", "year": 2023, "budget": budget},
        "projects": [{"name": "测试项目", "budget": budget, "indicators": indicators}],
    }
    assert_scores_like(path, data)


# The Sichuan 2023 template: 年度指标值 split into 指标性质 (≥, ≤, =, 定性) | 指标值 | 度量单位,
# the actual a bare number in the unit of 度量单位.
SICHUAN_ROWS = [
    # level1, level2, name, (指标性质, 指标值, 度量单位), actual in the sheet, TOML target, actual
    ("产出指标", "数量指标", "硬化道路里程", ("≥", 30, "公里"), 28, "≥30公里", "28公里"),
    ("产出指标", "数量指标", "培训人次", ("=", 42, "人次"), 42, "=42人次", "42人次"),
    ("产出指标", "质量指标", "验收合格率", ("=", (1, "0%"), "%"), (1, "0%"), "=100%", "100%"),
    ("产出指标", "成本指标", "单位成本", ("≤", 90, "万元"), 85, "≤90万元", "85万元"),
    (
        "效益指标",
        "社会效益指标",
        "通行条件",
        ("定性", "明显改善", None),
        "达成",
        "明显改善",
        "达成",
    ),
    ("满意度指标", "服务对象满意度指标", "群众满意度", ("≥", "90", "%"), "94%", "≥90%", "94%"),
]


def sichuan_data() -> dict:
    weights = [20, 20, 10, 10, 20, 10]
    return {
        "department": {
            "name": "某县交通运输局",
            "year": 2023,
            "budget": {"planned": D(100), "adjusted": D(120), "spent": D(96)},
        },
        "projects": [
            {
                "name": "乡村道路硬化",
                "budget": {
                    "planned": D(100),
                    "adjusted": D(120),
                    "spent": D(96),
                    "reason": "追加预算 20 万元，年末工程款未结清",
                },
                "indicators": [
                    {
                        "level1": l1,
                        "level2": l2,
                        "name": name,
                        "target": target,
                        "actual": actual,
                        "weight": D(weight),
                    }
                    for (l1, l2, name, _, _, target, actual), weight in zip(SICHUAN_ROWS, weights)
                ],
            }
        ],
    }


def sichuan_sheets() -> list[Sheet]:
    """The Sichuan form as units fill it, with its own column order and a 总分 row."""
    sheet = Sheet("项目支出绩效自评表")
    put, merge = sheet.put, sheet.merge
    put(1, 1, "项目支出绩效自评表")
    merge(1, 1, 1, 10)
    put(2, 1, "（2023年度）")
    merge(2, 1, 2, 10)
    put(3, 1, "项目名称")
    put(3, 2, "乡村道路硬化")
    merge(3, 2, 3, 10)
    put(4, 1, "主管部门")
    put(4, 2, "某县交通运输局")
    merge(4, 2, 4, 5)
    put(4, 6, "实施单位")
    put(4, 7, "某县交通运输局公路养护段")
    merge(4, 7, 4, 10)
    put(5, 1, "项目资金（万元）")
    merge(5, 1, 7, 1)
    for column, word in zip(
        range(3, 9), ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    ):
        put(5, column, word)
    put(6, 3, 100)  # a row without its label: the first row with amounts is the total
    put(6, 4, 120)
    put(6, 5, 96)
    put(6, 6, 10)
    put(6, 7, 0.8, "0.00%")
    put(7, 2, "资金偏差原因")
    put(7, 3, "追加预算 20 万元，年末工程款未结清")
    merge(7, 3, 7, 10)
    put(10, 1, "一级指标")
    put(10, 2, "二级指标")
    put(10, 3, "三级指标")
    put(10, 4, "年度指标值")
    merge(10, 4, 10, 6)
    put(11, 4, "指标性质")
    put(11, 5, "指标值")
    put(11, 6, "度量单位")
    for column, word in zip(
        (7, 8, 9, 10), ("全年实际值", "分值", "得分", "偏差原因分析及改进措施")
    ):
        put(10, column, word)
        merge(10, column, 11, column)
    for column in (1, 2, 3):
        merge(10, column, 11, column)
    weights = [20, 20, 10, 10, 20, 10]
    for row, ((l1, l2, name, (op, value, unit), actual, _, _), weight) in enumerate(
        zip(SICHUAN_ROWS, weights), start=12
    ):
        if row in (12, 16, 17):  # 产出指标 merged over rows 12–15
            put(row, 1, l1)
        if row != 13:  # 数量指标 merged over rows 12–13
            put(row, 2, l2)
        put(row, 3, name)
        put(row, 4, op)
        put(row, 5, *(value if isinstance(value, tuple) else (value,)))
        put(row, 6, unit)
        put(row, 7, *(actual if isinstance(actual, tuple) else (actual,)))
        put(row, 8, weight)
    merge(12, 1, 15, 1)
    merge(12, 2, 13, 2)
    put(18, 1, "总分")
    merge(18, 1, 18, 7)
    put(18, 8, 100)
    put(19, 1, "自评等级")
    merge(19, 1, 19, 7)
    return [sheet]


def test_sichuan_form_scores_like_toml(tmp_path):
    path = save_xlsx(sichuan_sheets(), tmp_path / "sichuan.xlsx")
    data = sichuan_data()
    # No 部门 sheet: the department is the 主管部门, its budget the project's.
    assert_scores_like(path, data)
    got = scoring.score(path, rules="sichuan-2023")
    want = scoring.score(data, rules="sichuan-2023")
    assert got.department.score == want.department.score
    assert findings(got) == findings(want)


def test_sichuan_targets_put_together(tmp_path):
    path = save_xlsx(sichuan_sheets(), tmp_path / "sichuan.xlsx")
    read = scoring.load(path).data["projects"][0]["indicators"]
    assert [i["target"] for i in read[:4]] == ["≥30公里", "=42人次", "=100%", "≤90万元"]
    assert read[5]["target"] == "≥90%"


def test_sichuan_qualitative_target_without_its_kind(tmp_path):
    path = save_xlsx(sichuan_sheets(), tmp_path / "sichuan.xlsx")
    read = scoring.load(path).data["projects"][0]["indicators"]
    assert read[4]["target"] == "明显改善"


def test_project_sheets_without_department_sheet(tmp_path):
    """A workbook of 自评表 only: the department is named by 主管部门, its year by the title
    and its budget is the sum of its projects — each assumption reported, none silent."""
    data = toml_data(LETING)
    sheets, _ = build(data, LAYOUTS["moved-rows"], department_sheet=False)
    path = save_xlsx(sheets, tmp_path / "leting.xlsx")
    expected = as_filed(data, LAYOUTS["moved-rows"])
    expected["department"]["budget"] = {"planned": D(65), "adjusted": D(65), "spent": D("63.62")}
    got, _ = assert_scores_like(path, expected)
    assumed = {f.where for f in got.findings if f.code == "read-assumption"}
    assert assumed == {"department.name", "department.year", "department.budget"}
    assert got.department.name == data["department"]["name"]
    assert got.department.year == 2023


def test_department_own_table_sheet(tmp_path):
    """A 部门整体 sheet is the department's own table: mof-2020's auto method scores the
    department from it (table), not from its projects."""
    data = toml_data(CASES / "department-auto-table.toml")
    for layout in (Layout(), LAYOUTS["everything"]):
        sheets, _ = build(data, layout)
        assert [s.name for s in sheets] == ["部门", "园区基础设施维护", "招商推介", "部门整体"]
        path = save_xlsx(sheets, tmp_path / "department.xlsx")
        got, want = assert_scores_like(path, as_filed(data, layout))
        assert got.department.method == want.department.method == "table"
        assert got.department.score == D(84)
        assert [i.score for i in got.department.table.indicators] == [D(45), D(30)]


def test_department_own_table_canonical(tmp_path):
    data = toml_data(CASES / "department-auto-table.toml")
    path = tmp_path / "department.xlsx"
    evaluation_workbook(data).save(path)
    got, _ = assert_scores_like(path, data)
    assert got.department.method == "table"


def test_department_own_table_without_department_sheet(tmp_path):
    data = toml_data(CASES / "department-auto-table.toml")
    sheets, _ = build(data, Layout(), department_sheet=False)
    path = save_xlsx(sheets, tmp_path / "department.xlsx")
    got, _ = assert_scores_like(path, data)
    assert got.department.method == "table"


def test_department_own_table_filed_total_without_department_sheet(tmp_path):
    data = toml_data(CASES / "department-auto-table.toml")
    data["department"]["score"] = D(90)
    data["department"]["grade"] = "优"
    sheets, _ = build(data, Layout(), department_sheet=False)
    path = save_xlsx(sheets, tmp_path / "department.xlsx")
    read = scoring.load(path)
    assert (read.department.score, read.department.grade) == (D(90), "优")


def test_note_under_grid_without_totals(tmp_path):
    data = as_filed(toml_data(LANGFANG), Layout(totals=False))
    sheets, _ = build(data, Layout(totals=False))
    sheet = sheets[1]
    last = max(row for row, _ in sheet.cells)
    sheet.put(last + 2, 1, "填表说明：实际完成值按年末统计口径填写。")
    sheet.merge(last + 2, 1, last + 2, 8)
    path = save_xlsx(sheets, tmp_path / "langfang.xlsx")
    assert len(scoring.load(path).projects[0].indicators) == 9


def test_blank_and_other_sheets_are_ignored(tmp_path):
    """WPS's empty Sheet2 / Sheet3 and a 填表说明 sheet hold no grid: they are not projects."""
    data = as_filed(toml_data(LETING), Layout())
    sheets, _ = build(data, Layout())
    guide = Sheet("填表说明")
    guide.put(1, 1, "填表说明")
    guide.put(2, 1, "一级指标、二级指标按模板填写，三级指标由单位自定；年度指标值写明符号和单位。")
    path = save_xlsx([*sheets, Sheet("Sheet2"), guide, Sheet("Sheet3")], tmp_path / "x.xlsx")
    assert_scores_like(path, data)


def test_formulas_are_not_evaluated(tmp_path):
    """执行率 and 总分 as formulas with no cached value (never opened in Excel) read as empty:
    nothing is evaluated, and the formula text is never taken for a filed value."""
    data = as_filed(toml_data(LANGFANG), Layout())
    sheets, at = build(data, Layout())
    sheet = sheets[1]
    total = at[f"{sheet.name}!projects[0].score"]
    row = int(total[1:])
    sheet.put(row, 7, f"=SUM(G{row - 9}:G{row - 1})")
    sheet.put(6, 7, "=E6/D6", "0.00%")
    path = save_xlsx(sheets, tmp_path / "formulas.xlsx")
    del data["projects"][0]["score"]
    assert_scores_like(path, data)
    assert "score" not in scoring.load(path).data["projects"][0]


def test_budget_headers_with_letters(tmp_path):
    data = as_filed(toml_data(LANGFANG), Layout())
    sheets, _ = build(data, Layout())
    sheet = sheets[1]
    for (row, column), (value, fmt) in list(sheet.cells.items()):
        if value in ("全年预算数", "全年执行数", "执行率"):
            letter = {"全年预算数": "（A）", "全年执行数": "（B）", "执行率": "（B/A）"}[value]
            sheet.cells[(row, column)] = (value + letter, fmt)
    path = save_xlsx(sheets, tmp_path / "letters.xlsx")
    assert_scores_like(path, data)


# --- 3. .xls -----------------------------------------------------------------------------------


XLS_LAYOUTS = {
    "merged-levels": Layout(merged=True),
    "moved-merged-funds-weights": Layout(
        left=1, notes=True, gaps=True, merged=True, funds="本年财政拨款", weights=True
    ),
    "sichuan-split": Layout(split=True, merged=True, wrapped=True),
}


@pytest.mark.parametrize("layout", XLS_LAYOUTS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_xls_scores_like_toml(example, layout, tmp_path):
    chosen = XLS_LAYOUTS[layout]
    data = as_filed(toml_data(EXAMPLES[example]), chosen)
    sheets, at = build(data, chosen)
    path = save_xls(sheets, tmp_path / f"{example}.xls")
    assert_scores_like(path, data)
    read = scoring.load(path)
    assert read.locations["projects[0].indicators[1].actual"] == cell(
        at, path, "projects[0].indicators[1].actual"
    )


def test_xls_sichuan_form(tmp_path):
    path = save_xls(sichuan_sheets(), tmp_path / "sichuan.xls")
    assert_scores_like(path, sichuan_data())


def test_xls_percent_number_format(tmp_path):
    """A .xls keeps its number formats: Excel's 100% (the number 1 shown as a percentage)
    reads as 100%, exactly as in .xlsx, and scores like the TOML."""
    data = as_filed(toml_data(LETING), LAYOUTS["percent-numbers"])
    sheets, _ = build(data, LAYOUTS["percent-numbers"])
    path = save_xls(sheets, tmp_path / "leting.xls")
    assert_scores_like(path, toml_data(LETING))


# --- 4. cell addresses -------------------------------------------------------------------------

LANGFANG_SHEET = "办公宿舍楼、食堂及餐厅暖通改造经费"
MOVED = Layout(left=1, notes=True, gaps=True, merged=True, funds="当年财政拨款", weights=True)


def _broken(tmp_path: Path, change, name: str = "bad.xlsx", layout: Layout = MOVED):
    data = as_filed(toml_data(LANGFANG), layout)
    change(data)
    sheets, at = build(data, layout)
    saver = save_xls if name.endswith(".xls") else save_xlsx
    return saver(sheets, tmp_path / name), at


def _no_traceback(run) -> None:
    assert "Traceback" not in run.err, run
    assert "internal error" not in run.err, run


@pytest.mark.parametrize("name", ["bad.xlsx", "bad.xls"])
def test_error_actual_not_a_number_names_its_cell(name, tmp_path):
    def change(data):
        data["projects"][0]["indicators"][1]["actual"] = "很多"

    path, at = _broken(tmp_path, change, name)
    address = cell(at, path, "projects[0].indicators[1].actual")
    # 序号 in A, title / notes / 当年财政拨款 / blank rows above: the second indicator's actual
    assert address == f"{name}!{LANGFANG_SHEET}!F19"
    run = run_cli("score", str(path))
    assert run.code == 2, run
    _no_traceback(run)
    assert address in run.err
    assert "很多" in run.err
    with pytest.raises(scoring.InputError) as caught:
        scoring.score(path)
    assert caught.value.problems[0].cell == address


def test_error_units_disagree_names_its_cell(tmp_path):
    def change(data):
        data["projects"][0]["indicators"][2]["target"] = "≥95%"
        data["projects"][0]["indicators"][2]["actual"] = "95个"

    path, at = _broken(tmp_path, change)
    run = run_cli("score", str(path))
    assert run.code == 2, run
    _no_traceback(run)
    assert cell(at, path, "projects[0].indicators[2].actual") in run.err
    assert "'个'" in run.err


def test_errors_each_name_their_cell(tmp_path):
    """Several values that do not read: every one is reported, each with its own cell."""

    def change(data):
        data["projects"][0]["indicators"][0]["weight"] = "十分"
        data["projects"][0]["indicators"][3]["score"] = "满分"
        data["projects"][0]["budget"]["spent"] = "三十七万"
        data["department"]["budget"]["spent"] = "很多"

    path, at = _broken(tmp_path, change)
    run = run_cli("score", str(path))
    assert run.code == 2, run
    _no_traceback(run)
    # a form names each place as the form does, counted from 1 (the key path is for TOML)
    for where, place in (
        ("projects[0].indicators[0].weight", "project 1 · indicator 1 “工程资金金额” · weight"),
        ("projects[0].indicators[3].score", "project 1 · indicator 4 “项目完成及时率” · score"),
        ("projects[0].budget.spent", "project 1 · budget execution · full-year spending"),
        ("department.budget.spent", "department · budget execution · full-year spending"),
    ):
        assert f"{cell(at, path, where)} ({place})" in run.err, where
    assert "bad.xlsx!部门!B7 (department · budget execution · full-year spending)" in run.err
    chinese = run_cli("score", str(path), env={"SCORING_LANG": "zh"})
    assert "bad.xlsx!部门!B7（部门 · 预算执行情况 · 全年执行数）" in chinese.err


def test_error_in_canonical_layout_names_its_cell(tmp_path):
    data = toml_data(LANGFANG)
    data["projects"][0]["indicators"][1]["actual"] = "很多"
    path = tmp_path / "file.xlsx"
    evaluation_workbook(data).save(path)
    run = run_cli("score", str(path))
    assert run.code == 2, run
    _no_traceback(run)
    assert "file.xlsx!项目1!E12 (project 1 · indicator 2 “工程完工率” · actual value)" in run.err


def test_findings_carry_their_cell(tmp_path):
    path, at = _broken(tmp_path, lambda data: None, "langfang.xlsx")
    run = run_cli("score", str(path), "-f", "json")
    assert run.code == 0, run
    found = {(f["code"], f["where"]): f["cell"] for f in json.loads(run.out)[0]["findings"]}
    # a score mismatch points at the filed 得分 cell, not at the row's name
    assert found[("recorded-score-mismatch", "projects[0].indicators[0]")] == cell(
        at, path, "projects[0].indicators[0].score"
    )
    assert found[("recorded-score-mismatch", "projects[0].budget")] == cell(
        at, path, "projects[0].budget.score"
    )
    assert found[("execution-low", "projects[0].budget")] == cell(
        at, path, "projects[0].budget.spent"
    )
    assert found[("recorded-score-mismatch", "projects[0]")].startswith(f"{path.name}!")
    run = run_cli("check", str(path), "-f", "json")
    assert run.code == 0, run
    checked = {(f["code"], f["where"]): f["cell"] for f in json.loads(run.out)[0]["findings"]}
    assert checked == found


def test_findings_in_toml_have_no_cell(tmp_path, langfang):
    run = run_cli("score", str(langfang), "-f", "json")
    assert run.code == 0, run
    assert all(f["cell"] is None for f in json.loads(run.out)[0]["findings"])


def test_department_findings_carry_their_cell(tmp_path):
    def bigger_department(data):  # a budget of its own: its findings are not the project's
        data["department"]["budget"]["adjusted"] = 50

    path, _ = _broken(tmp_path, bigger_department, "langfang.xlsx")
    result = scoring.score(path)
    low = [f for f in result.findings if f.where == "department.budget"]
    assert low
    assert all(f.cell and f.cell.startswith("langfang.xlsx!部门!") for f in low)


# --- 5. not a spreadsheet ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [
        ("notes.xlsx", "项目名称,招商经费\n这不是 Excel 文件\n".encode()),
        ("random.xls", bytes(range(256)) * 8 + os.urandom(2048)),
        ("empty.xlsx", b""),
        ("empty.xls", b""),
        ("zip.xlsx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_not_a_spreadsheet_is_refused(name, content, tmp_path):
    path = tmp_path / name
    path.write_bytes(content)
    for command in ("score", "check", "convert"):
        extra = ["-o", str(tmp_path / "out.toml")] if command == "convert" else []
        run = run_cli(command, str(path), *extra)
        assert run.code == 2, run
        _no_traceback(run)
        assert name in run.err
        assert "not a spreadsheet" in run.err
    assert not (tmp_path / "out.toml").exists()
    with pytest.raises(scoring.InputError) as caught:
        scoring.score(path)
    assert caught.value.code == "not-a-spreadsheet"


def test_workbook_without_a_grid_is_refused(tmp_path):
    sheet = Sheet("Sheet1")
    sheet.put(1, 1, "会议纪要")
    path = save_xlsx([sheet], tmp_path / "minutes.xlsx")
    run = run_cli("score", str(path))
    assert run.code == 2, run
    _no_traceback(run)
    assert "一级指标" in run.err


# --- 6. convert --------------------------------------------------------------------------------


def _json_scores(run) -> dict:
    data = json.loads(run.out)[0]
    for finding in data["findings"]:
        finding.pop("cell")
    return {key: data[key] for key in ("department", "projects", "findings")}


@pytest.mark.parametrize("layout", ["everything", "sichuan-split", "no-totals"])
def test_convert_xlsx_to_toml_scores_the_same(layout, tmp_path):
    data = as_filed(toml_data(LETING), LAYOUTS[layout])
    sheets, _ = build(data, LAYOUTS[layout])
    book = save_xlsx(sheets, tmp_path / "x.xlsx")
    run = run_cli("convert", str(book), "-o", str(tmp_path / "x.toml"))
    assert run.code == 0, run
    from_book = run_cli("score", str(book), "-f", "json")
    from_toml = run_cli("score", str(tmp_path / "x.toml"), "-f", "json")
    assert from_book.code == from_toml.code == 0
    assert _json_scores(from_book) == _json_scores(from_toml)
    assert_scores_like(tmp_path / "x.toml", data)


def test_convert_records_what_was_assumed(tmp_path):
    data = toml_data(LETING)
    sheets, _ = build(data, Layout(), department_sheet=False)
    book = save_xlsx(sheets, tmp_path / "x.xlsx")
    run = run_cli("convert", str(book), "-o", str(tmp_path / "x.toml"))
    assert run.code == 0, run
    text = (tmp_path / "x.toml").read_text("utf-8")
    assert "# note: department.budget:" in text
    assert "# note: department.name:" in text
    converted = tomllib.loads(text, parse_float=D)
    assert converted["department"]["budget"]["adjusted"] == D(65)
    assert scoring.score(tmp_path / "x.toml").department.score == (
        scoring.score(book).department.score
    )


@pytest.mark.parametrize("example", EXAMPLES)
def test_examples_round_trip_toml_xlsx_toml(example, tmp_path):
    a = tmp_path / "a.toml"
    a.write_text(case_evaluation(EXAMPLES[example]), "utf-8")
    run = run_cli("convert", str(a), "-o", str(tmp_path / "a.xlsx"))
    assert run.code == 0, run
    run = run_cli("convert", str(tmp_path / "a.xlsx"), "-o", str(tmp_path / "b.toml"))
    assert run.code == 0, run
    first = tomllib.loads(a.read_text("utf-8"), parse_float=D)
    second = tomllib.loads((tmp_path / "b.toml").read_text("utf-8"), parse_float=D)
    assert second == first
    assert_scores_like(tmp_path / "a.xlsx", first)
    assert_scores_like(tmp_path / "b.toml", first)


@pytest.mark.parametrize("example", EXAMPLES)
def test_examples_round_trip_through_json(example, tmp_path):
    a = tmp_path / "a.toml"
    a.write_text(case_evaluation(EXAMPLES[example]), "utf-8")
    for source, target in (("a.toml", "a.xlsx"), ("a.xlsx", "a.json"), ("a.json", "b.xlsx")):
        run = run_cli("convert", str(tmp_path / source), "-o", str(tmp_path / target))
        assert run.code == 0, run
    first = tomllib.loads(a.read_text("utf-8"), parse_float=D)
    assert scoring.load(tmp_path / "b.xlsx").data == first


# --- 7. score -f xlsx --------------------------------------------------------------------------


def test_scored_workbook_langfang(tmp_path, langfang):
    """From TOML: the tool's form as filed, the review in two columns beside it (I, J)."""
    out = tmp_path / "out.xlsx"
    run = run_cli("score", str(langfang), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    sheet = openpyxl.load_workbook(out)["项目1"]
    assert (sheet["H6"].value, sheet["I6"].value) == (9, 8.62)  # filed, then computed
    assert sheet["J6"].value.startswith("执行率 86.20%；自评 9，按规则 8.62")
    assert [sheet[f"I{row}"].value for row in range(11, 20)] == [8.62] + [10] * 8
    assert [sheet[f"G{row}"].value for row in range(11, 20)] == [9] + [10] * 8  # as filed
    assert (sheet["A20"].value, sheet["G20"].value, sheet["I20"].value) == ("总分", 98, 97.24)
    assert_scores_like(out, toml_data(LANGFANG))  # read back: the filed table, scored alike


def test_scored_workbook_leting(tmp_path, leting):
    out = tmp_path / "out.xlsx"
    run = run_cli("score", str(leting), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "复核发现", "部门", "项目1", "项目2", "项目3"]
    expected = {
        "项目1": (9.9, [20, 20, 15, 20, 15], 99.9),
        "项目2": (9.71, [30, 25, 35], 99.71),
        "项目3": (9.82, [55, 35], 99.82),
    }
    for name, (execution, scores, total) in expected.items():
        sheet = book[name]
        assert sheet["I6"].value == pytest.approx(execution)
        last = 10 + len(scores)
        assert [sheet[f"I{row}"].value for row in range(11, last + 1)] == scores
        assert sheet[f"I{last + 1}"].value == pytest.approx(total)
        assert sheet[f"J{last + 1}"].value == "等级 优"  # nothing filed, nothing to compare
    summary = book["汇总"]
    assert summary["B4"].value == pytest.approx(99.79)
    assert_scores_like(out, toml_data(LETING))


def test_scored_workbook_of_a_workbook(tmp_path):
    """A unit's workbook scored to a workbook: the unit's own, its cells as they were, the review
    beside them; it reads back and scores the same."""
    data = as_filed(toml_data(LANGFANG), LAYOUTS["everything"])
    sheets, _ = build(data, LAYOUTS["everything"])
    book = save_xlsx(sheets, tmp_path / "in.xlsx")
    out = tmp_path / "out.xlsx"
    run = run_cli("score", str(book), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    before, after = openpyxl.load_workbook(book), openpyxl.load_workbook(out)
    for sheet in before.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert after[sheet.title][cell.coordinate].value == cell.value
    assert_scores_like(out, data)


# --- 8. template -------------------------------------------------------------------------------


def test_templates(tmp_path):
    """The blank workbook is refused as blank, never scored; the TOML template's example rows
    check clean but for its placeholders, each an error until the unit names itself, its
    project and its rows."""
    blank_xlsx, blank_toml = tmp_path / "blank.xlsx", tmp_path / "blank.toml"
    run = run_cli("template", "-o", str(blank_xlsx), "--year", "2024")
    assert run.code == 0, run
    run = run_cli("template", "-f", "toml", "-o", str(blank_toml), "--year", "2024")
    assert run.code == 0, run
    refused = run_cli("check", str(blank_xlsx))
    assert refused.code == 2 and "blank" in refused.err, refused
    run = run_cli("check", str(blank_toml), "-f", "json")
    assert run.code == 1, run
    errors = {f["code"] for f in json.loads(run.out)[0]["findings"] if f["severity"] == "error"}
    assert errors == {"placeholder-left"}


def test_template_filled_in_scores(tmp_path):
    """A unit fills the blank workbook's cells; the filled workbook scores like its TOML."""
    blank = tmp_path / "blank.xlsx"
    assert run_cli("template", "-o", str(blank), "--year", "2024").code == 0
    book = openpyxl.load_workbook(blank)
    department, project = book["部门"], book["项目1"]
    department["B2"] = "某县教育局"
    for row, amount in ((4, 50), (5, 50), (6, 45)):
        department[f"B{row}"] = amount
    project["B3"] = "教师培训"
    for column, amount in (("C", 50), ("D", 50), ("E", 45)):
        project[f"{column}6"] = amount
    project["C7"] = "部分培训改为线上，节约经费"
    rows = [
        ("产出指标", "数量指标", "培训人次", "≥100人次", "80人次", 50, None, "两期培训合并"),
        ("效益指标", "社会效益指标", "政策知晓率", "≥90%", "95%", 30, None, None),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92%", 10, None, None),
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                project.cell(11 + offset, column, value)
    book.save(tmp_path / "filled.xlsx")
    indicators = [
        {"level1": l1, "level2": l2, "name": name, "target": t, "actual": a, "weight": D(w)}
        for l1, l2, name, t, a, w, _, _ in rows
    ]
    indicators[0]["reason"] = "两期培训合并"
    data = {
        "department": {
            "name": "某县教育局",
            "year": 2024,
            "budget": {"planned": D(50), "adjusted": D(50), "spent": D(45)},
        },
        "projects": [
            {
                "name": "教师培训",
                "budget": {
                    "planned": D(50),
                    "adjusted": D(50),
                    "spent": D(45),
                    "reason": "部分培训改为线上，节约经费",
                },
                "indicators": indicators,
            }
        ],
    }
    got, _ = assert_scores_like(tmp_path / "filled.xlsx", data)
    assert got.projects[0].indicators[0].score == D(40)


# --- faults a reviewer found in real files ------------------------------------------------------


def _one_project(tmp_path, rows, name="t.xlsx", formats=None, hidden=None, title_row=None):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "项目1"
    head = [
        ["项目支出绩效自评表（2023年度）"],
        ["项目名称", "道路维护"],
        ["主管部门", "某区城管局"],
        [
            "项目资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", 100, 100, 100, 10, 1, 10],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            title_row or "年度指标值",
            "实际完成值",
            "分值（分）",
            "得分（分）",
        ],
    ]
    for row in head + rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    if hidden:
        library = workbook.create_sheet("指标库")
        library.append(["一级指标", "二级指标", "三级指标"])
        library.sheet_state = "hidden"
    path = tmp_path / name
    workbook.save(path)
    return path


def test_literal_percent_formats_and_bracketed_titles(tmp_path):
    path = _one_project(
        tmp_path,
        [["产出指标", "质量指标", "完好率", "≥95%", 96, 90, 90]],
        formats={"E7": '0"%"'},
        hidden=True,
    )
    result = scoring.score(path)
    row = result.projects[0].indicators[0]
    # a quoted % shows 96 as 96%, not multiplied by 100: read as shown
    assert (
        row.actual == "96%" and row.weight == D(90) and row.filed_score == D(90)
    )  # 分值（分） read
    assert result.projects[0].score == D(100)


def test_a_named_row_without_target_is_refused_with_its_cell(tmp_path):
    path = _one_project(tmp_path, [["产出指标", "时效指标", "响应时间", None, "20小时", 90, 85]])
    run = run_cli("score", str(path))
    assert run.code == 2 and "t.xlsx!项目1!D7" in run.err and "the target is empty" in run.err


def test_a_row_with_both_values_blank_takes_the_filed_score(tmp_path):
    """分值 and 得分 filed, 年度指标值 and 实际完成值 left empty (as published tables do): the
    evaluator's judgement, 85 of 90, flagged values-blank at the row's cell."""
    path = _one_project(tmp_path, [["产出指标", "质量指标", "工程质量合格", None, None, 90, 85]])
    result = scoring.score(path)
    row = result.projects[0].indicators[0]
    assert (row.score, row.method) == (D("85.00"), "judgement")
    assert result.projects[0].score == D("95.00")
    blank = [f for f in result.findings if f.code == "values-blank"]
    assert blank and blank[0].cell == "t.xlsx!项目1!D7"  # the empty 年度指标值


def test_a_fraction_against_a_percent_target_is_refused(tmp_path):
    path = _one_project(tmp_path, [["产出指标", "质量指标", "完好率", "≥95%", 0.96, 90, 90]])
    run = run_cli("score", str(path))
    assert run.code == 2 and "t.xlsx!项目1!E7" in run.err and "write 96%" in run.err


def test_a_second_grid_without_a_head_of_its_own_is_refused(tmp_path):
    """Stacked tables each have their 项目名称 and 项目资金; a grid with rows and neither cannot
    be read as a project, and is not dropped quietly."""
    rows = [
        ["产出指标", "质量指标", "完好率", "≥95%", "96%", 90, 90],
        ["总分", "", "", "", "", 100, 100],
        [],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "维修里程", "≥10公里", "12公里", 90, 90],
    ]
    run = run_cli("score", str(_one_project(tmp_path, rows)))
    assert run.code == 2 and "t.xlsx!项目1!A10" in run.err and "of its own" in run.err


def test_a_month_kept_as_a_date_cell_is_read_as_the_month(tmp_path):
    """Excel keeps 2023年6月 as 2023-06-01 with a format that shows no day: against 6月20日前
    that is June (refused: it may be after the 20th), never 1 June (on time)."""
    from datetime import datetime

    rows = [
        ["产出指标", "时效指标", "完工时间", "2023年6月底前", datetime(2023, 6, 1), 90, 90],
        ["产出指标", "时效指标", "验收时间", "2023年6月20日前", datetime(2023, 6, 1), 0, 0],
    ]
    path = _one_project(tmp_path, rows, formats={"E7": 'yyyy"年"m"月"', "E8": 'yyyy"年"m"月"'})
    run = run_cli("score", str(path))
    assert run.code == 2 and "t.xlsx!项目1!E8" in run.err and "2023年6月" in run.err, run.err


def test_a_time_typed_into_a_cell_is_said_as_typed_and_refused(tmp_path):
    """1:12 typed into a cell is kept by Excel as a time of day: 72 minutes, or a ratio (生师比
    1:12)? Refused at its cell, as it was typed (it was said as ':12:00' not being a unit)."""
    from datetime import time

    rows = [["产出指标", "时效指标", "应急响应时间", "≤2小时", time(1, 12), 90, 90]]
    path = _one_project(tmp_path, rows, formats={"E7": "h:mm"})
    run = run_cli("score", str(path))
    assert run.code == 2 and "t.xlsx!项目1!E7" in run.err, run.err
    assert "'1:12'" in run.err and "time of day" in run.err and "1小时12分钟" in run.err


def test_a_duration_cell_is_said_as_shown(tmp_path):
    """26:30 in a cell formatted [h]:mm is kept as a length of time: said as 26:30 (it was
    said as '1 day, 2:30:00' not being a unit)."""
    from datetime import timedelta

    rows = [
        ["产出指标", "时效指标", "应急响应时间", "≤30小时", timedelta(hours=26, minutes=30), 90, 90]
    ]
    path = _one_project(tmp_path, rows, formats={"E7": "[h]:mm"})
    run = run_cli("score", str(path))
    assert run.code == 2 and "t.xlsx!项目1!E7" in run.err and "'26:30'" in run.err, run.err


def test_a_direction_in_the_op_column(tmp_path):
    """指标性质 written 反向指标 / 正向指标: ≤ and ≥, as the form means them."""
    import openpyxl

    path = tmp_path / "s.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "项目1"
    for row in (
        ["项目支出绩效自评表（2023年度）"],
        ["项目名称", "投诉处置"],
        ["主管部门", "某区信访局"],
        [
            "项目资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", 100, 100, 100, 10, 1, 10],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["产出指标", "质量指标", "有效投诉次数", "反向指标", 2, "次", 5, 45, 45],
        ["产出指标", "数量指标", "回访人次", "正向指标", 100, "人次", 100, 45, 45],
    ):
        sheet.append(row)
    workbook.save(path)
    rows = scoring.score(path).projects[0].indicators
    # ≤2次 against 5次: 2 − 5/2 < 0 → 0 (as ≥ it was full marks)
    assert (rows[0].target, rows[0].op, rows[0].score) == ("≤2次", "≤", D("0.00"))
    assert (rows[1].op, rows[1].score) == ("≥", D("45.00"))


def test_a_department_sheet_in_yuan_is_read_in_wan(tmp_path):
    """全年预算数（元） 3823100 on the 部门 sheet is 382.31 万元, as a 项目资金（元） block is: read
    in 万元 it was 3,823,100 万元, and a report stated it so."""
    path = tmp_path / "元.xlsx"
    book = evaluation_workbook(toml_data(LETING))
    sheet = book["部门"]
    for row in range(1, sheet.max_row + 1):
        label = sheet.cell(row, 1).value or ""
        if label.endswith("（万元）"):
            sheet.cell(row, 1).value = label.replace("（万元）", "（元）")
            sheet.cell(row, 2).value = int(D(str(sheet.cell(row, 2).value)) * 10000)
    book.save(path)
    evaluation = scoring.load(path)
    budget = evaluation.department.budget
    assert [budget.planned, budget.adjusted, budget.spent] == [
        D("382.31"),
        D("382.31"),
        D("374.11"),
    ]
    said = dict(evaluation.notes)["department.budget.adjusted"]
    assert "in yuan" in said


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("412-某县教育局", "某县教育局"),
        ("[412]某县教育局", "某县教育局"),
        ("【412001】某县教育局", "某县教育局"),
        ("412001 某县教育局", "某县教育局"),
        ("2023-2025年规划实施", "2023-2025年规划实施"),  # a span of years, not a code
        ("2023 年度重点项目", "2023 年度重点项目"),
    ],
)
def test_a_code_a_budget_system_prints_before_a_name_is_left_out(written, name):
    """The same unit exported by two systems is one name, so that its files merge."""
    from scoring.values import without_code

    assert without_code(written) == name


def test_a_budget_never_adjusted_counts_its_initial_amount_in_the_department_s_sum(tmp_path):
    """No 部门 sheet, and 项目3's 全年预算数 left empty (never adjusted: 年初预算数 10 stands for
    it, as the project itself is read). The department's 全年预算数 is 20 + 35 + 10 = 65, not 55
    — which gave 63.62 / 55 = 115.67 % and a false projects-over-department finding."""
    path = tmp_path / "表.xlsx"
    book = evaluation_workbook(toml_data(LETING))
    del book["部门"]
    book["项目3"]["D6"] = None
    book.save(path)
    result = scoring.score(path)
    budget = result.department.execution
    assert (budget.adjusted, budget.spent) == (D(65), D("63.62"))
    assert "projects-over-department" not in {f.code for f in result.findings}


def test_a_department_sheet_titled_in_yuan_is_read_in_wan(tmp_path):
    """部门整体情况（金额单位：元） above labels without a unit: 3823100 is 382.31 万元."""
    path = tmp_path / "元.xlsx"
    book = evaluation_workbook(toml_data(LETING))
    sheet = book["部门"]
    sheet.insert_rows(1)
    sheet["A1"] = "部门整体情况（金额单位：元）"
    for row in range(2, sheet.max_row + 1):
        label = sheet.cell(row, 1).value or ""
        if label.endswith("（万元）"):
            sheet.cell(row, 1).value = label.removesuffix("（万元）")
            sheet.cell(row, 2).value = int(D(str(sheet.cell(row, 2).value)) * 10000)
    book.save(path)
    budget = scoring.load(path).department.budget
    assert [budget.planned, budget.adjusted, budget.spent] == [
        D("382.31"),
        D("382.31"),
        D("374.11"),
    ]


# --- what a number format shows around the digits ----------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "read"),
    [
        (0.05, '"≤"0%', "≤5%"),  # a sign the format shows before a percentage
        (10, '"≤"0"件"', "≤10件"),
        (5, "\\≤0", "≤5"),  # an escaped character is shown as it is
        (1000000, '#,##0"元"', "1000000元"),  # a unit after the digits
        (0.95, '0.00%"以上"', "95%以上"),
        (96, '0"%"', "96%"),  # a quoted %: shown, not multiplied by 100
        (3, '[Red]0"次"', "3次"),  # a colour is not shown
        (-2, '0.0"天";-0.0"天"', "-2天"),  # the section for negatives, the number's own sign
        (1234567, '#,##0,"千元"', "1234.567千元"),  # a comma after the digits: in thousands
        (500000, '0!.0000"万元"', "50万元"),  # a point written as text: 元 shown as 万元
        (500000, '0\\.0000"万元"', "50万元"),
        (432000, '0!.0,"万"', "43.2万"),  # in thousands, then a written point: 43.2万
        # divided under a thousand of a unit: as shown, exactly (tests/test_formats_shown.py)
        (12000, '0.0,"千人"', "12千人"),
        (1234567, "#,##0,", D(1234567)),  # no word after it: the number as it is
        (432000, '#,##0.00,,"百万元"', "0.432百万元"),  # a million 元 times 0.432
        # a condition decides which section shows, not the sign: read as it is
        (3724, '[>=10000]0.00"万元";0"元"', D(3724)),
        (0.85, '[>=0.9]"达标"0%;0%', "85%"),
        # words before the digits in both sections say the sign: a positive number carries
        # it, a negative one is shown unsigned and read as shown (tests/test_formats_shown.py)
        (0.03, '"增长"0.0%;"减少"0.0%', "3%"),
        (-0.05, '"增长"0.0%;"减少"0.0%', "减少5%"),
        # the same words in both sections are no words of the sign
        (800, '"≤"0"个";"≤"-0"个"', "≤800个"),
        (0.05, '"≤"0%;-0%', "≤5%"),
        (90, "0!%", "90%"),  # an escaped %: shown, not multiplied by 100
        (1234567, "#,##0", D(1234567)),  # a comma between digits separates, and no more
        (5, "#,##0_);(#,##0)", D(5)),  # a space and brackets say nothing
        (-5, "#,##0_);(#,##0)", D(-5)),
        (0, '_ * #,##0_ ;_ * -#,##0_ ;_ * "-"_ ;_ @_ ', D(0)),  # accounting's "-" for zero
        (100, "[$¥-804]#,##0.00", D(100)),  # a currency mark: the amount's own unit
        (100, "¥#,##0.00", D(100)),
        (9.5, "0.00", D("9.5")),
        (9.5, "General", D("9.5")),
    ],
)
def test_a_number_reads_as_its_format_shows_it_around_the_digits(value, number_format, read):
    from scoring.excel.grid import _cell_value

    assert _cell_value(value, number_format) == read


def _form_with_formats(saver, tmp_path, budget_format=None):
    """A one-project 自评表 whose numbers carry formats that show a sign or a unit.

    Execution: 1,000,000 / 1,000,000 / 950,000 (shown in 元 when ``budget_format`` is given,
    else 100 / 100 / 95 万元) → 95% → 10 × 0.95 = 9.50.
    - 绿化带缺株率: 0.05 shown ≤5%, actual 0.03 shown 3% → ≤5% met → 20.00 (read as a bare 5%,
      no word of a limit in its name, it was ≥: 3 / 5 × 20 = 12.00);
    - 占道经营点位数: 10 shown ≤10个, 8 shown 8个 → met → 20.00 (as bare numbers 16.00);
    - 受益人数: 1000 shown ≥1,000人, 900 shown 900人 → 900 / 1000 × 30 = 27.00;
    - 群众满意度: 0.9 shown ≥90%, 0.95 shown 95% → met → 20.00.
    Total 9.50 + 20 + 20 + 27 + 20 = 96.50 (as bare numbers 84.50)."""
    sheet = Sheet("项目1")
    sheet.put(1, 1, "项目支出绩效自评表（2023年度）")
    sheet.put(2, 1, "项目名称")
    sheet.put(2, 2, "道路维护")
    sheet.put(3, 1, "主管部门")
    sheet.put(3, 2, "某区城管局")
    for column, text in enumerate(
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"], 1
    ):
        sheet.put(4, column, text or None)
    amounts = (1000000, 1000000, 950000) if budget_format else (100, 100, 95)
    sheet.put(5, 2, "年度资金总额")
    for column, amount in enumerate(amounts, 3):
        sheet.put(5, column, amount, budget_format)
    sheet.put(5, 6, 10)
    titles = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    for column, text in enumerate(titles, 1):
        sheet.put(6, column, text)
    rows = [
        ("产出指标", "质量指标", "绿化带缺株率", (0.05, '"≤"0%'), (0.03, "0%"), 20),
        ("产出指标", "数量指标", "占道经营点位数", (10, '"≤"0"个"'), (8, '0"个"'), 20),
        ("效益指标", "社会效益指标", "受益人数", (1000, '"≥"#,##0"人"'), (900, '#,##0"人"'), 30),
        ("满意度指标", "服务对象满意度指标", "群众满意度", (0.9, '"≥"0%'), (0.95, "0%"), 20),
    ]
    for row, (level1, level2, name, target, actual, weight) in enumerate(rows, 7):
        for column, text in enumerate((level1, level2, name), 1):
            sheet.put(row, column, text)
        sheet.put(row, 4, *target)
        sheet.put(row, 5, *actual)
        sheet.put(row, 6, weight)
    return saver([sheet], tmp_path / f"t{'.xls' if saver is save_xls else '.xlsx'}")


@pytest.mark.parametrize("saver", [save_xlsx, save_xls], ids=["xlsx", "xls"])
def test_a_sign_or_unit_a_number_format_shows_is_read_with_the_number(saver, tmp_path):
    result = scoring.score(_form_with_formats(saver, tmp_path))
    rows = result.projects[0].indicators
    assert [(row.target, row.actual) for row in rows] == [
        ("≤5%", "3%"),
        ("≤10个", "8个"),
        ("≥1000人", "900人"),
        ("≥90%", "95%"),
    ]
    assert [row.score for row in rows] == [D(20), D(20), D(27), D(20)]
    assert result.projects[0].score == D("96.50")


@pytest.mark.parametrize("saver", [save_xlsx, save_xls], ids=["xlsx", "xls"])
@pytest.mark.parametrize(
    "budget_format",
    ['#,##0"元"', '#,##0.00"元"', '#,##0,"千元"', '0!.0000"万元"'],
    ids=["元", "元.00", "千元", "元-as-万元"],
)
def test_amounts_a_number_format_shows_in_yuan_are_read_in_yuan(saver, budget_format, tmp_path):
    """1,000,000 shown as 1,000,000元 under a 万元 header is 100 万元 (read as 万元 it weighed
    10,000 times as much in the department's mean); shown in thousands, 1,000千元 is 100 万元."""
    evaluation = scoring.load(_form_with_formats(saver, tmp_path, budget_format))
    budget = evaluation.projects[0].budget
    assert (budget.planned, budget.adjusted, budget.spent) == (D(100), D(100), D(95))
    assert scoring.score(evaluation).projects[0].score == D("96.50")


def test_points_written_with_their_unit_add_up_to_the_label_s_points(tmp_path):
    """分值 typed as 20分 are read as 20 (the loader's reading): a label's points are checked
    against them, not said to have no 分值. Execution 10.00; 60 + 30 met → 100.00."""
    path = _one_project(
        tmp_path,
        [
            ["产出指标（60分）", "数量指标", "培训人次", "≥100人次", "100人次", "60分", "60分"],
            ["效益指标（30分）", "社会效益指标", "技能提升率", "≥90%", "95%", "30分", "30分"],
        ],
    )
    result = scoring.score(path)
    assert [row.weight for row in result.projects[0].indicators] == [D(60), D(30)]
    assert result.projects[0].score == D(100)
    assert not [f for f in result.findings if f.where.endswith((".level1", ".level2"))]
    # the same with a label that disagrees: said with the rows' sum, 60
    path = _one_project(
        tmp_path,
        [
            ["产出指标（50分）", "数量指标", "培训人次", "≥100人次", "100人次", "60分", "60分"],
            ["效益指标（30分）", "社会效益指标", "技能提升率", "≥90%", "95%", "30分", "30分"],
        ],
        name="off.xlsx",
    )
    said = [f.message for f in scoring.score(path).findings if f.where.endswith(".level1")]
    assert len(said) == 1 and "60" in said[0] and "50" in said[0]


# --- headers as units title them --------------------------------------------------------------

_TITLED_ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥100人次", "90人次", 20, 18),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "98%", 15, 15),
    ("产出指标", "时效指标", "完成及时率", "≥100%", "100%", 15, 15),
    ("效益指标", "社会效益指标", "就业率", "≥80%", "85%", 30, 30),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", 10, 10),
]


def _titled_form(
    tmp_path,
    upper,
    lower=None,
    merges=(),
    budget_titles=None,
    name="t.xlsx",
    execution=10,
    title="项目支出绩效自评表（2023年度）",
):
    """A one-project form whose grid header is ``upper`` (and ``lower``, a second header row),
    with ``merges`` (top, left, bottom, right; rows from 6). The numbers, worked by hand:
    execution 95 / 100 → 10 × 0.95 = 9.50; 培训人次 90 / 100 × 20 = 18.00; the other four met:
    15 + 15 + 30 + 10; total 9.50 + 18 + 15 + 15 + 30 + 10 = 97.50. With the rule set's
    default weights instead of the filed 20 / 15 / 15 / 30 / 10, it would be 97.83."""
    sheet = Sheet("项目1")
    sheet.put(1, 1, title)
    sheet.put(2, 1, "项目名称")
    sheet.put(2, 2, "职业技能培训")
    sheet.put(3, 1, "主管部门")
    sheet.put(3, 2, "某县人社局")
    titles = budget_titles or ("年初预算数", "全年预算数", "全年执行数")
    for column, text in enumerate(["项目资金（万元）", None, *titles, "分值", "执行率", "得分"], 1):
        sheet.put(4, column, text)
    for column, value in enumerate([None, "年度资金总额", 100, 100, 95, execution], 1):
        sheet.put(5, column, value)
    for column, text in enumerate(upper, 1):
        sheet.put(6, column, text)
    for column, text in enumerate(lower or (), 1):
        sheet.put(7, column, text)
    for merge in merges:
        sheet.merge(*merge)
    first = 8 if lower else 7
    for row, values in enumerate(_TITLED_ROWS, first):
        for column, value in enumerate(values, 1):
            sheet.put(row, column, value)
    sheet.put(first + len(_TITLED_ROWS), 1, "总分")
    return save_xlsx([sheet], tmp_path / name)


_GRID = ("一级指标", "二级指标", "三级指标")


@pytest.mark.parametrize(
    ("upper", "lower", "merges"),
    [
        (  # 指标值 over 年度指标值 | 实际完成值; the rest merged down over both rows
            (*_GRID, "指标值", None, "分值", "得分"),
            (None, None, None, "年度指标值", "实际完成值"),
            [(6, 1, 7, 1), (6, 2, 7, 2), (6, 3, 7, 3), (6, 4, 6, 5), (6, 6, 7, 6), (6, 7, 7, 7)],
        ),
        (  # 评分 over 分值 | 得分
            (*_GRID, "年度指标值", "实际完成值", "评分"),
            (None, None, None, None, None, "分值", "得分"),
            [(6, 1, 7, 1), (6, 2, 7, 2), (6, 3, 7, 3), (6, 4, 7, 4), (6, 5, 7, 5), (6, 6, 6, 7)],
        ),
        (  # both
            (*_GRID, "指标值", None, "评分"),
            (None, None, None, "年度指标值", "实际完成值", "分值", "得分"),
            [(6, 1, 7, 1), (6, 2, 7, 2), (6, 3, 7, 3), (6, 4, 6, 5), (6, 6, 6, 7)],
        ),
    ],
    ids=["指标值-over-two", "评分-over-two", "both"],
)
def test_a_header_of_two_rows_reads_its_lower_titles(tmp_path, upper, lower, merges):
    result = scoring.score(_titled_form(tmp_path, upper, lower, merges))
    rows = result.projects[0].indicators
    assert [row.weight for row in rows] == [D(20), D(15), D(15), D(30), D(10)]
    assert [row.filed_score for row in rows] == [D(18), D(15), D(15), D(30), D(10)]
    assert [row.score for row in rows] == [D(18), D(15), D(15), D(30), D(10)]
    assert result.projects[0].score == D("97.50")
    assert not [f for f in result.findings if f.code == "recorded-score-mismatch"]


@pytest.mark.parametrize(
    ("column", "title"),
    [(3, "指标名称"), (4, "预期指标值"), (5, "全年实际完成值"), (6, "权重分"), (7, "评分")],
)
def test_grid_columns_under_the_titles_units_give_them(tmp_path, column, title):
    upper = list((*_GRID, "年度指标值", "实际完成值", "分值", "得分"))
    upper[column - 1] = title
    result = scoring.score(_titled_form(tmp_path, upper))
    rows = result.projects[0].indicators
    assert [row.weight for row in rows] == [D(20), D(15), D(15), D(30), D(10)]
    assert [row.filed_score for row in rows] == [D(18), D(15), D(15), D(30), D(10)]
    assert result.projects[0].score == D("97.50")


@pytest.mark.parametrize("spent", ["实际执行数", "执行数", "全年支出数", "实际支出数"])
def test_the_spending_column_under_the_titles_units_give_it(tmp_path, spent):
    upper = (*_GRID, "年度指标值", "实际完成值", "分值", "得分")
    path = _titled_form(tmp_path, upper, budget_titles=("年初预算数", "全年预算数", spent))
    result = scoring.score(path)
    assert result.projects[0].execution.rate == D("0.95")
    assert result.projects[0].score == D("97.50")


def test_a_grid_column_under_a_title_the_reader_does_not_know_is_named(tmp_path):
    """Not refused as a blank form: the missing column is named, with the header's titles the
    reader did not know and their cells."""
    upper = (*_GRID, "年度绩效目标", "实际完成值", "分值", "得分")
    with pytest.raises(scoring.InputError) as refused:
        scoring.score(_titled_form(tmp_path, upper))
    error = refused.value
    assert error.code == "column-missing"
    assert "年度指标值" in str(error) and "年度绩效目标（D6）" in str(error)
    assert "空白" not in str(error) and "blank" not in str(error)


@pytest.mark.usefixtures("chinese")
def test_the_execution_row_s_filed_points_other_than_the_rule_set_s_are_said(tmp_path):
    """The form's 预算执行率 分值 of 20 under mof-2020, which scores the row on 10: said at its
    cell with both, and scored as before (9.50 + 18 + 15 + 15 + 30 + 10 = 97.50); the form's
    10 is said nowhere."""
    upper = (*_GRID, "年度指标值", "实际完成值", "分值", "得分")
    result = scoring.score(_titled_form(tmp_path, upper, execution=20))
    said = [f for f in result.findings if f.code == "execution-weight-filed"]
    assert [(f.where, f.severity, f.cell) for f in said] == [
        ("projects[0].budget.weight", "warning", "t.xlsx!项目1!F5")
    ]
    assert "20" in said[0].message and "10" in said[0].message
    assert result.projects[0].execution.score == D("9.50")
    assert result.projects[0].score == D("97.50")
    plain = scoring.score(_titled_form(tmp_path, upper, name="plain.xlsx"))
    assert not [f for f in plain.findings if f.code == "execution-weight-filed"]


@pytest.mark.parametrize(
    "title",
    [
        "项目支出绩效自评表（二〇二三年度）",
        "项目支出绩效自评表（二○二三年度）",  # ○, the circle, as often as 〇
        "评价年度：2023",
        "评价年度：二〇二三",
        "项目支出绩效自评表 预算年度: 2023",
    ],
)
def test_the_year_as_units_write_it_in_the_title(tmp_path, title):
    upper = (*_GRID, "年度指标值", "实际完成值", "分值", "得分")
    evaluation = scoring.load(_titled_form(tmp_path, upper, title=title))
    assert evaluation.department.year == 2023


def test_an_untitled_column_of_numbers_beside_a_grid_without_weights_is_named(tmp_path):
    """The 分值 column's title left blank: the rule set's default weights score the rows (as
    weights-missing says), and a warning names column F and its numbers, 20、15、15、30、10."""
    upper = (*_GRID, "年度指标值", "实际完成值", None, "得分")
    result = scoring.score(_titled_form(tmp_path, upper))
    said = [f for f in result.findings if "column F has no title" in f.message]
    assert len(said) == 1 and said[0].severity == "warning"
    assert "20、15、15、30、10" in said[0].message
    assert "weights-missing" in {f.code for f in result.findings}


def test_a_dash_in_an_amount_s_cell_is_no_amount_as_a_blank_is(tmp_path):
    """年初预算数 filed as — beside 全年预算数 100: read as not filled, the 全年预算数 standing
    for it (and said), as a blank cell is; the 执行率 is 95 / 100 = 95% → 9.50."""
    upper = (*_GRID, "年度指标值", "实际完成值", "分值", "得分")
    path = _titled_form(tmp_path, upper)
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook["项目1"]["C5"] = "—"
    workbook.save(path)
    result = scoring.score(path)
    assert result.projects[0].execution.score == D("9.50")
    evaluation = scoring.load(path)
    assert evaluation.projects[0].budget.planned == D(100)
    assert any(where.endswith("budget.planned") for where, *_ in evaluation.notes)


def test_a_form_written_in_traditional_characters_reads_as_its_simplified_twin(tmp_path):
    """Every text of the form in Traditional characters (項目名稱, 一級指標, 項目資金（萬元）,
    培訓人次): the labels are read in Simplified and said once, the values as the loader reads
    them (said too); the scores are the twin's, 97.50."""
    import opencc
    import openpyxl

    upper = (*_GRID, "年度指标值", "实际完成值", "分值", "得分")
    path = _titled_form(tmp_path, upper)
    workbook = openpyxl.load_workbook(path)
    to_traditional = opencc.OpenCC("s2t")
    for row in workbook["项目1"].iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = to_traditional.convert(cell.value)
    assert workbook.active["A6"].value == "一級指標"
    workbook.save(path)
    result = scoring.score(path)
    assert result.projects[0].score == D("97.50")
    said = [f.message for f in result.findings if "Traditional" in f.message]
    assert len([m for m in said if "labels" in m]) == 1, said  # once for the sheet


def test_a_traditional_label_beside_a_simplified_grid_is_read(tmp_path):
    """全年預算數 in Traditional over a grid in Simplified: read as 全年预算数 (120), so the
    执行率 is 95 / 120 = 79.17% → 7.92, and it is said; unread, 100 stood for it (9.50)."""
    import openpyxl

    upper = (*_GRID, "年度指标值", "实际完成值", "分值", "得分")
    path = _titled_form(tmp_path, upper)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["项目1"]
    sheet["D4"], sheet["D5"] = "全年預算數", 120
    workbook.save(path)
    result = scoring.score(path)
    assert result.projects[0].execution.adjusted == D(120)
    assert result.projects[0].execution.score == D("7.92")
    assert any("Traditional" in f.message and "全年預算數" in f.message for f in result.findings)


def test_a_header_of_two_rows_is_repeated_whole_on_each_printed_page(tmp_path):
    """The reviewed workbook prints the grid's header on every page: both rows of a header of
    two (评分 over 分值 | 得分), rows 6 and 7."""
    import openpyxl

    upper = (*_GRID, "年度指标值", "实际完成值", "评分")
    lower = (None, None, None, None, None, "分值", "得分")
    merges = [(6, 1, 7, 1), (6, 2, 7, 2), (6, 3, 7, 3), (6, 4, 7, 4), (6, 5, 7, 5), (6, 6, 6, 7)]
    path = _titled_form(tmp_path, upper, lower, merges)
    back = tmp_path / "复核.xlsx"
    run = run_cli("score", str(path), "-f", "xlsx", "-o", str(back))
    assert run.code == 0, run
    assert openpyxl.load_workbook(back)["项目1"].print_title_rows == "$6:$7"
    plain = _titled_form(
        tmp_path, (*_GRID, "年度指标值", "实际完成值", "分值", "得分"), name="p.xlsx"
    )
    back = tmp_path / "复核p.xlsx"
    assert run_cli("score", str(plain), "-f", "xlsx", "-o", str(back)).code == 0
    assert openpyxl.load_workbook(back)["项目1"].print_title_rows == "$6:$6"


def test_a_heading_row_under_a_one_row_header_is_not_printed_on_each_page(tmp_path):
    """A row of 产出指标 | 数量指标 alone under the grid's header is the first heading, not a
    second header row: the printed title is row 6 alone."""
    import openpyxl

    path = _titled_form(tmp_path, (*_GRID, "年度指标值", "实际完成值", "分值", "得分"))
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["项目1"]
    sheet.insert_rows(7)
    sheet["A7"], sheet["B7"] = "产出指标", "数量指标"
    workbook.save(path)
    back = tmp_path / "复核.xlsx"
    run = run_cli("score", str(path), "-f", "xlsx", "-o", str(back))
    assert run.code == 0, run
    assert openpyxl.load_workbook(back)["项目1"].print_title_rows == "$6:$6"


def test_a_unit_s_text_holding_a_traditional_label_stays_as_written(tmp_path):
    """A reason written 項目名稱填寫有誤 holds the label 項目名稱 but is no label: it is read as
    the unit wrote it, and no note says labels were read in Simplified."""
    import openpyxl

    upper = (*_GRID, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
    path = _titled_form(tmp_path, upper)
    workbook = openpyxl.load_workbook(path)
    workbook["项目1"]["H7"] = "項目名稱填寫有誤"
    workbook.save(path)
    evaluation = scoring.load(path)
    assert evaluation.projects[0].indicators[0].reason == "項目名稱填寫有誤"
    assert not [n for n in evaluation.notes if "labels" in str(n[1])]


@pytest.mark.parametrize(
    ("number_format", "score", "actual"),
    [
        # 2023-06-30 shown 6月30日后: after the deadline's day, late: 部分达成 0.7 × 90 = 63.00
        ('m"月"d"日后"', "63.00", "2023-06-30后"),
        # shown 6月30日前: on or before it, on time: 90.00
        ('m"月"d"日前"', "90.00", "2023-06-30前"),
        # shown 6月30日: the day itself, on time
        ('m"月"d"日"', "90.00", "2023-06-30"),
    ],
)
def test_a_date_cell_reads_with_the_word_its_format_shows_after_it(
    tmp_path, number_format, score, actual
):
    from datetime import datetime

    path = _one_project(
        tmp_path,
        [["产出指标", "时效指标", "完成时间", "6月底前", datetime(2023, 6, 30), 90, None]],
        formats={"E7": number_format},
    )
    row = scoring.score(path).projects[0].indicators[0]
    assert (row.actual, str(row.score)) == (actual, score)
