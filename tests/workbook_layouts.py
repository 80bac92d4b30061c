"""Workbooks in the layouts units really file, built cell by cell, with the TOML they mean.

Each builder takes plain data — a project or a department as the evaluation file writes it,
with a few cell-level markers (:class:`Formatted` for a number under a number format,
:class:`Formula` for a formula saved without its value) — writes a workbook in one real layout
(``.xlsx`` through openpyxl, ``.xls`` through xlwt with the same number formats) and returns a
:class:`Built`: the path, the evaluation the workbook means (a dict, as the TOML reader would
give it, so ``scoring.score(built.path)`` can be compared with ``scoring.score(built.evaluation)``),
the cell of each value by its key path, and the ``where`` of every ``read-assumption`` finding the
reading must add (what the workbook does not say outright).

The layouts are modelled on real files (the system export with its zeroed 年度资金总额 row, the
部门整体 table on ``Sheet1``, the official Sichuan 2023 form, published 决算 workbooks with every
project on one sheet, a workbook with a 封面); the data are made up.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from decimal import Decimal as D
from pathlib import Path

YEAR = 2023


# --- cells ------------------------------------------------------------------------------------


def num(value):
    """A number as a cell holds it: an int when whole, else a float of the same digits."""
    value = D(str(value))
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Formatted:
    """A number under a number format, as Excel keeps it: 0.95 under ``0%`` shows 95%.
    ``text`` is what the form shows, and what the TOML says."""

    value: float | int
    fmt: str
    text: str


def pct(text: str) -> Formatted:
    """``"95%"`` as a cell: 0.95 formatted ``0%``; ``"95.5%"``: 0.955 formatted ``0.0%``."""
    number = D(text.rstrip("%"))
    decimals = max(0, -number.as_tuple().exponent)
    fmt = "0%" if decimals == 0 else "0." + "0" * decimals + "%"
    return Formatted(num(number / 100), fmt, text)


@dataclass(frozen=True)
class Formula:
    """A formula saved without a cached value (openpyxl never computes one): the file holds
    no value for the cell, only ``text``."""

    text: str


def meaning(value):
    """What a cell value means in the evaluation file: the shown text of a formatted number,
    an exact decimal for a float, nothing for a formula without its value."""
    if isinstance(value, Formatted):
        return value.text
    if isinstance(value, Formula):
        return None
    if isinstance(value, float):
        return D(str(value))
    return value


def column_letter(column: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class Sheet:
    """A sheet as cells (row and column from 1) and merged ranges, saved by openpyxl or xlwt."""

    def __init__(self, name: str):
        self.name = name
        self.cells: dict[tuple[int, int], tuple[object, str | None]] = {}
        self.merges: list[tuple[int, int, int, int]] = []

    def put(self, row: int, column: int, value, fmt: str | None = None) -> str | None:
        """Write ``value`` (None writes nothing); return the cell's address, ``F14``."""
        if value is None:
            return None
        if isinstance(value, Formatted):
            value, fmt = value.value, value.fmt
        elif isinstance(value, D):
            value = num(value)
        self.cells[(row, column)] = (value, fmt)
        return f"{column_letter(column)}{row}"

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


def save(sheets: list[Sheet], path: Path) -> Path:
    """The sheets as a workbook: ``.xls`` through xlwt, anything else through openpyxl."""
    path = Path(path)
    for sheet in sheets:
        sheet.check()
    if path.suffix.lower() == ".xls":
        return _save_xls(sheets, path)
    return _save_xlsx(sheets, path)


def _save_xlsx(sheets: list[Sheet], path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        for (row, column), (value, fmt) in sheet.cells.items():
            if isinstance(value, Formula):
                cell = ws.cell(row=row, column=column, value=value.text)  # saved with <v/> only
            else:
                cell = ws.cell(row=row, column=column, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text typed as =0起, not a formula
            if fmt:
                cell.number_format = fmt
        for top, left, bottom, right in sheet.merges:
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
    workbook.save(path)
    return path


def _save_xls(sheets: list[Sheet], path: Path) -> Path:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    styles: dict = {}

    def style(fmt):
        if fmt not in styles:
            styles[fmt] = xlwt.easyxf(num_format_str=fmt) if fmt else xlwt.Style.default_style
        return styles[fmt]

    for sheet in sheets:
        ws = workbook.add_sheet(sheet.name)
        tops = set()
        for top, left, bottom, right in sheet.merges:
            value, fmt = sheet.cells.get((top, left), ("", None))
            ws.write_merge(top - 1, bottom - 1, left - 1, right - 1, value, style(fmt))
            tops.add((top, left))
        for (row, column), (value, fmt) in sheet.cells.items():
            if isinstance(value, Formula):
                raise ValueError("formulas without a cached value are built as .xlsx only")
            if (row, column) not in tops:
                ws.write(row - 1, column - 1, value, style(fmt))
    workbook.save(str(path))
    return path


def drop_empty_values(path: Path) -> Path:
    """Rewrite an .xlsx so that a formula saved without its value has no ``<v>`` element at all
    (as some programs save it), instead of openpyxl's empty ``<v />``."""
    import zipfile

    path = Path(path)
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in parts:
            if info.filename.startswith("xl/worksheets/"):
                content = content.replace(b"<v />", b"").replace(b"<v/>", b"")
                content = content.replace(b"<v></v>", b"")
            archive.writestr(info, content)
    return path


# --- what a workbook means --------------------------------------------------------------------


@dataclass
class Built:
    """A workbook built in a real layout, and what it means."""

    path: Path
    evaluation: dict  # the same table as the TOML reader gives it
    cells: dict[str, str] = field(default_factory=dict)  # key path → "项目1!F14"
    assumed: frozenset = frozenset()  # `where` of each read-assumption the reading must add

    def cell(self, where: str) -> str:
        """The full address, ``表.xlsx!项目1!F14``, of the value at key path ``where``."""
        return f"{self.path.name}!{self.cells[where]}"

    def data(self) -> dict:
        """A fresh copy of the evaluation, to score or to change."""
        return copy.deepcopy(self.evaluation)


_AMOUNTS = ("planned", "adjusted", "spent")


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if _plain(v) is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return meaning(value)


def project_evaluation(project: dict) -> dict:
    """A project's data as the evaluation file says it: the budget the sum of its fund rows
    where the table only itemises them, heading rows dropped, markers as their meaning."""
    data = copy.deepcopy(project)
    funds = data.pop("funds", None)
    data.pop("code", None)
    data.pop("process", None)
    if funds is not None:
        budget = {key: D(0) for key in _AMOUNTS}
        for amounts in funds.values():
            for key, amount in zip(_AMOUNTS, amounts or (0, 0, 0)):
                budget[key] += D(str(amount))
        data["budget"] = {**budget, **{k: v for k, v in data.get("budget", {}).items()}}
    data["indicators"] = [
        {k: v for k, v in row.items() if k != "heading"}
        for row in data["indicators"]
        if not row.get("heading")
    ]
    return _plain(data)


def projects_evaluation(department: str, projects: list[dict], year: int = YEAR) -> dict:
    """A workbook of project tables only: the department named by 主管部门, its budget the sum
    of its projects' (both read-assumptions, as the README says)."""
    read = [project_evaluation(p) for p in projects]
    budget = {key: sum((points(p["budget"][key]) for p in read), D(0)) for key in _AMOUNTS}
    return {"department": {"name": department, "year": year, "budget": budget}, "projects": read}


def points(value) -> D:
    """A weight as a number, 0 when it is not one (a weight broken on purpose: 十分)."""
    try:
        return D(str(value))
    except ArithmeticError:
        return D(0)


def _sum_weights(indicators: list[dict], depth: int) -> dict:
    totals: dict = {}
    for row in indicators:
        if row.get("heading"):
            continue
        key = (row["level1"], row["level2"])[:depth]
        totals[key] = totals.get(key, D(0)) + points(row["weight"])
    return totals


def _runs(rows: list[int], labels: list) -> list[tuple[int, int]]:
    """Runs of equal labels over consecutive rows, as (first row, last row)."""
    runs, start = [], 0
    for index in range(1, len(labels) + 1):
        if index == len(labels) or labels[index] != labels[start]:
            runs.append((rows[start], rows[index - 1]))
            start = index
    return runs


def wrap(label: str) -> str:
    """A label broken with Alt+Enter as in a narrow column: 产出\\n指标, 服务对象\\n满意度指标."""
    for tail in ("满意度指标", "指标"):
        if label.endswith(tail) and len(label) > len(tail):
            return f"{label[: -len(tail)]}\n{tail}"
    return label


# --- 1, 4, 5, 6, 8: the 项目支出绩效自评表 as the budget system prints it ---------------------


@dataclass(frozen=True)
class Style:
    """How one 项目支出绩效自评表 is printed."""

    system: bool = False  # the system export: 附件:, unit codes, money in the 其中 rows only
    total_row: str = "zeros"  # system export: 年度资金总额 printed "0 0 0", or "empty"
    label_weights: bool = False  # 产出指标(50分)
    name_title: str = "三级指标"  # or 指标名称 / 指标内容
    numbered: bool = False  # 指标1：name, 指标2:name
    wrapped: bool = False  # 一级/二级 labels with a line break inside
    weight_title: str = "分值"  # or 权重（%）: each weight a %-formatted share of 100 points
    grade: bool = True  # a 自评等级 row under 总分 (when the table files a grade)


SYSTEM = Style(system=True, label_weights=True)
LAST = 9  # the table spans columns A–I


def coded(code: str | None, name: str) -> str:
    return f"{code}-{name}" if code else name


def write_project(
    sheet: Sheet,
    top: int,
    project: dict,
    *,
    department: str,
    unit: str,
    style: Style = Style(),
    codes: tuple[str, str] | None = None,
) -> tuple[int, dict[str, str]]:
    """One 自评表 from row ``top``: columns A (block labels), B 一级指标, C 二级指标, D 三级指标,
    E 年度指标值, F 实际完成值, G 分值, H 得分, I 偏差原因分析及改进措施. Returns the next free row
    and the cell of each value by its key path under the project (``indicators[1].actual``)."""
    put, merge = sheet.put, sheet.merge
    at: dict[str, str | None] = {}
    row = top
    if style.system:
        put(row, 1, "附件:")
        row += 1
    put(row, 1, "项目支出绩效自评表")
    merge(row, 1, row, LAST)
    row += 1
    put(row, 1, f"({YEAR}年度)" if style.system else f"（{YEAR}年度）")
    merge(row, 1, row, LAST)
    row += 1

    put(row, 1, "项目名称")
    merge(row, 1, row, 2)
    at["name"] = put(row, 3, project["name"])
    merge(row, 3, row, LAST)
    row += 1
    put(row, 1, "主管部门")
    merge(row, 1, row, 2)
    put(row, 3, coded(codes and codes[0], department))
    merge(row, 3, row, 5)
    put(row, 6, "实施单位")
    put(row, 7, coded(codes and codes[1], unit))
    merge(row, 7, row, LAST)
    row += 1

    # 项目资金（万元）
    block = row
    put(row, 1, "项目资金（万元）")
    for column, word in enumerate(
        ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), start=3
    ):
        put(row, column, word)
    merge(row, 8, row, LAST)
    row += 1
    budget = project.get("budget", {})
    put(row, 2, "年度资金总额:" if style.system else "年度资金总额")
    if style.system:
        if style.total_row == "zeros":
            for column in (3, 4, 5):
                put(row, column, 0, "0.00")
            put(row, 7, 0, "0")
            put(row, 8, 0)
        put(row, 6, 10)
        merge(row, 8, row, LAST)
        row += 1
        for index, (label, amounts) in enumerate(project["funds"].items()):
            put(row, 2, f"其中:{label}" if index == 0 else label)
            if amounts:
                for column, key, amount in zip((3, 4, 5), _AMOUNTS, amounts):
                    at[f"funds.{label}.{key}"] = put(row, column, D(str(amount)), "0.00")
                put(row, 7, num(D(str(amounts[2])) / D(str(amounts[1]))), "0")
            put(row, 6, "—")
            put(row, 8, "—")
            merge(row, 8, row, LAST)
            row += 1
    else:
        for column, key in zip((3, 4, 5), _AMOUNTS):
            at[f"budget.{key}"] = put(row, column, budget.get(key))
        put(row, 6, 10)
        if points(budget["spent"]) and points(budget["adjusted"]):
            rate = points(budget["spent"]) / points(budget["adjusted"])
            put(row, 7, num(rate.quantize(D("0.0001"))), "0.00%")
        at["budget.score"] = put(row, 8, budget.get("score"))
        merge(row, 8, row, LAST)
        row += 1
    if budget.get("reason"):
        put(row, 2, "资金偏差原因")
        at["budget.reason"] = put(row, 3, budget["reason"])
        merge(row, 3, row, LAST)
        row += 1
    merge(block, 1, row - 1, 1)

    # 年度总体目标
    put(row, 1, "年度总体目标")
    merge(row, 1, row + 1, 1)
    put(row, 2, "预期目标")
    merge(row, 2, row, 5)
    put(row, 6, "实际完成情况")
    merge(row, 6, row, LAST)
    at["goal"] = put(row + 1, 2, project.get("goal"))
    merge(row + 1, 2, row + 1, 5)
    at["result"] = put(row + 1, 6, project.get("result"))
    merge(row + 1, 6, row + 1, LAST)
    row += 2

    # 绩效指标
    grid = row
    put(row, 1, "绩效指标")
    titles = (
        "一级指标",
        "二级指标",
        style.name_title,
        "年度指标值",
        "实际完成值",
        style.weight_title,
        "得分",
        "偏差原因分析及改进措施",
    )
    for column, title in enumerate(titles, start=2):
        put(row, column, title)
    row += 1
    row, found = _indicator_rows(sheet, row, project["indicators"], style)
    at.update(found)
    merge(grid, 1, row - 1, 1)

    put(row, 1, "总分")
    merge(row, 1, row, 6)
    put(row, 7, pct("100%") if "%" in style.weight_title else 100)
    at["score"] = put(row, 8, project.get("score"))
    row += 1
    if style.grade and project.get("grade"):
        put(row, 1, "自评等级")
        merge(row, 1, row, 6)
        at["grade"] = put(row, 7, project["grade"])
        merge(row, 7, row, LAST)
        row += 1
    if project.get("weights_reason"):
        put(row, 1, "分值调整说明")
        merge(row, 1, row, 2)
        at["weights_reason"] = put(row, 3, project["weights_reason"])
        merge(row, 3, row, LAST)
        row += 1
    return row, {key: cell for key, cell in at.items() if cell is not None}


def _indicator_rows(sheet: Sheet, row: int, indicators: list[dict], style: Style):
    """The rows of the grid from ``row``: B–I as in :func:`write_project`; 一级 and 二级
    merged over their runs. A ``heading`` entry is a 二级指标 row with no indicator in it."""
    put, merge = sheet.put, sheet.merge
    at: dict[str, str | None] = {}
    level1_weight = _sum_weights(indicators, 1)
    rows, labels = [], []
    index = 0
    for position, ind in enumerate(indicators):
        l1, l2 = ind["level1"], ind["level2"]
        previous = indicators[position - 1] if position else None
        rows.append(row)
        labels.append((l1, l2))
        if previous is None or previous["level1"] != l1:
            label = wrap(l1) if style.wrapped else l1
            if style.label_weights:
                label += f"({num(level1_weight.get((l1,), 0))}分)"
            put(row, 2, label)
        if previous is None or (previous["level1"], previous["level2"]) != (l1, l2):
            put(row, 3, wrap(l2) if style.wrapped else l2)
        if ind.get("heading"):
            row += 1
            continue
        where = f"indicators[{index}]"
        name = ind["name"]
        if style.numbered:
            name = f"指标{index + 1}{'：' if index % 2 == 0 else ':'}{name}"
        at[where] = put(row, 4, name)
        at[f"{where}.target"] = put(row, 5, ind["target"])
        at[f"{where}.actual"] = put(row, 6, ind["actual"])
        weight = ind["weight"]
        if "%" in style.weight_title and isinstance(weight, (D, int)):
            weight = pct(f"{num(weight)}%")
        at[f"{where}.weight"] = put(row, 7, weight)
        at[f"{where}.score"] = put(row, 8, ind.get("score"))
        at[f"{where}.reason"] = put(row, 9, ind.get("reason"))
        index += 1
        row += 1
    for first, last in _runs(rows, [label[0] for label in labels]):
        merge(first, 2, last, 2)
    for first, last in _runs(rows, labels):
        merge(first, 3, last, 3)
    return row, at


def _prefixed(at: dict[str, str], sheet: str, prefix: str) -> dict[str, str]:
    return {f"{prefix}.{key}": f"{sheet}!{cell}" for key, cell in at.items()}


def system_export(
    path: Path,
    project: dict,
    *,
    department: str,
    unit: str,
    codes: tuple[str, str],
    total_row: str = "zeros",
    sheet_name: str = "项目支出绩效自评表",
) -> Built:
    """1. The integrated budget system's export: 附件: and the title, 主管部门 and 实施单位
    holding unit codes (``412-某县水利局``), a 年度资金总额 row printed ``0 0 0`` (or left
    empty) with the money in 其中:本年财政拨款 / 上年结转资金 / 其他资金, weights in the 一级指标
    labels, merged labels, numbers for actuals, a 总分 row and no 自评等级.

    The reading: the budget is the sum of the 其中 rows (a read-assumption at the project's
    budget); the zeroed row's 执行率 and 得分 are part of the zeroed print, not a filed score;
    the department is the 主管部门 without its code."""
    sheet = Sheet(sheet_name)
    _, at = write_project(
        sheet,
        1,
        project,
        department=department,
        unit=unit,
        style=Style(system=True, total_row=total_row, label_weights=True, grade=False),
        codes=codes,
    )
    evaluation = projects_evaluation(department, [project])
    evaluation["projects"][0].pop("grade", None)
    return Built(
        save([sheet], path),
        evaluation,
        _prefixed(at, sheet.name, "projects[0]"),
        frozenset(
            {"department.name", "department.year", "department.budget", "projects[0].budget"}
        ),
    )


def stacked(
    path: Path,
    projects: list[dict],
    *,
    department: str,
    unit: str,
    style: Style = Style(),
    codes: tuple[str, str] | None = None,
    sheet_name: str = "项目支出绩效自评表",
) -> Built:
    """4. Every project's 自评表 one under the other on one sheet, as published 决算 workbooks
    list them: each with its own title, 项目名称, 项目资金 block, grid and 总分."""
    sheet = Sheet(sheet_name)
    cells: dict[str, str] = {}
    row = 1
    for index, project in enumerate(projects):
        row, at = write_project(
            sheet, row, project, department=department, unit=unit, style=style, codes=codes
        )
        cells.update(_prefixed(at, sheet.name, f"projects[{index}]"))
        row += 2  # blank rows between the tables
    evaluation = projects_evaluation(department, projects)
    if not style.grade:
        for read in evaluation["projects"]:
            read.pop("grade", None)
    assumed = {"department.name", "department.year", "department.budget"}
    if style.system:
        assumed |= {f"projects[{i}].budget" for i in range(len(projects))}
    return Built(save([sheet], path), evaluation, cells, frozenset(assumed))


def single(
    path: Path,
    project: dict,
    *,
    department: str,
    unit: str,
    style: Style = Style(),
    sheet_name: str = "项目1",
) -> Built:
    """One project's 自评表 on a sheet of its own (no 部门 sheet): 6. the grid variants, 7.
    formulas, 8. percentages under number formats."""
    sheet = Sheet(sheet_name)
    _, at = write_project(sheet, 1, project, department=department, unit=unit, style=style)
    evaluation = projects_evaluation(department, [project])
    return Built(
        save([sheet], path),
        evaluation,
        _prefixed(at, sheet.name, "projects[0]"),
        frozenset({"department.name", "department.year", "department.budget"}),
    )


def with_cover(
    path: Path,
    project: dict,
    *,
    department: str,
    unit: str,
    cover: str = "cells",
) -> Built:
    """5. A 封面 sheet naming the implementing unit (单位名称, its head, who filled it in, the
    date), then the project's sheet with 主管部门: the department is the 主管部门, never the
    cover's 单位名称. ``cover`` is ``"cells"`` (label | value) or ``"colon"`` (单位名称：… in one
    cell)."""
    front = Sheet("封面")
    front.put(2, 1, f"{YEAR}年度项目支出绩效自评表")
    front.merge(2, 1, 2, 4)
    lines = (
        ("单位名称", unit),
        ("单位负责人", "周某某"),
        ("填报人", "陈某"),
        ("联系电话", "0817-6223145"),
        ("填报日期", f"{YEAR + 1}年3月18日"),
    )
    for offset, (label, value) in enumerate(lines):
        if cover == "colon":
            front.put(5 + offset, 1, f"{label}：{value}")
            front.merge(5 + offset, 1, 5 + offset, 4)
        else:
            front.put(5 + offset, 1, label)
            front.put(5 + offset, 2, value)
            front.merge(5 + offset, 2, 5 + offset, 4)
    sheet = Sheet("项目1")
    _, at = write_project(sheet, 1, project, department=department, unit=unit)
    return Built(
        save([front, sheet], path),
        projects_evaluation(department, [project]),
        _prefixed(at, sheet.name, "projects[0]"),
        frozenset({"department.name", "department.year", "department.budget"}),
    )


# --- 2. the 部门整体支出绩效自评表 ------------------------------------------------------------


def department_whole(path: Path, department: dict, *, sheet_name: str = "Sheet1") -> Built:
    """The department's own table on a sheet named ``Sheet1``: title 部门整体支出绩效自评表,
    部门（单位）名称, a 年度主要任务 block (任务名称 | 主要内容 | 预算数 | 执行数), the
    年度部门整体支出预算 block (年度资金总额 over 其中：基本支出 / 项目支出), 年度总体目标, the grid
    under 年度绩效指标, 总分 and 自评等级. Read as ``department.indicators``, named by
    部门（单位）名称."""
    sheet = Sheet(sheet_name)
    put, merge = sheet.put, sheet.merge
    at: dict[str, str | None] = {}
    put(1, 1, "部门整体支出绩效自评表")
    merge(1, 1, 1, LAST)
    put(2, 1, f"（{YEAR}年度）")
    merge(2, 1, 2, LAST)
    put(3, 1, "部门（单位）名称")
    merge(3, 1, 3, 2)
    at["name"] = put(3, 3, department["name"])
    merge(3, 3, 3, LAST)

    row = 4
    tasks = department["tasks"]
    put(row, 1, "年度主要任务")
    merge(row, 1, row + len(tasks), 1)
    put(row, 2, "任务名称")
    put(row, 3, "主要内容")
    merge(row, 3, row, 6)
    put(row, 7, "预算数（万元）")
    put(row, 8, "执行数（万元）")
    merge(row, 8, row, LAST)
    row += 1
    for name, content, amount, spent in tasks:
        put(row, 2, name)
        put(row, 3, content)
        merge(row, 3, row, 6)
        put(row, 7, D(str(amount)), "0.00")
        put(row, 8, D(str(spent)), "0.00")
        merge(row, 8, row, LAST)
        row += 1

    block = row
    budget = department["budget"]
    put(row, 1, "年度部门整体支出预算（万元）")
    for column, word in enumerate(
        ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), start=3
    ):
        put(row, column, word)
    merge(row, 8, row, LAST)
    row += 1
    put(row, 2, "年度资金总额")
    for column, key in zip((3, 4, 5), _AMOUNTS):
        at[f"budget.{key}"] = put(row, column, D(str(budget[key])), "0.00")
    put(row, 6, 10)
    rate = D(str(budget["spent"])) / D(str(budget["adjusted"]))
    put(row, 7, num(rate.quantize(D("0.0001"))), "0.00%")
    at["budget.score"] = put(row, 8, budget.get("score"))
    merge(row, 8, row, LAST)
    row += 1
    for index, (label, amounts) in enumerate(department["breakdown"]):
        put(row, 2, f"其中：{label}" if index == 0 else label)
        for column, amount in zip((3, 4, 5), amounts):
            put(row, column, D(str(amount)), "0.00")
        put(row, 6, "—")
        put(row, 7, num((D(str(amounts[2])) / D(str(amounts[1]))).quantize(D("0.0001"))), "0.00%")
        put(row, 8, "—")
        merge(row, 8, row, LAST)
        row += 1
    merge(block, 1, row - 1, 1)

    put(row, 1, "年度总体目标")
    merge(row, 1, row + 1, 1)
    put(row, 2, "预期目标")
    merge(row, 2, row, 5)
    put(row, 6, "实际完成情况")
    merge(row, 6, row, LAST)
    at["goal"] = put(row + 1, 2, department.get("goal"))
    merge(row + 1, 2, row + 1, 5)
    at["result"] = put(row + 1, 6, department.get("result"))
    merge(row + 1, 6, row + 1, LAST)
    row += 2

    grid = row
    put(row, 1, "年度绩效指标")
    for column, title in enumerate(
        (
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ),
        start=2,
    ):
        put(row, column, title)
    row += 1
    row, found = _indicator_rows(sheet, row, department["indicators"], Style())
    at.update(found)
    merge(grid, 1, row - 1, 1)
    put(row, 1, "总分")
    merge(row, 1, row, 6)
    put(row, 7, 100)
    at["score"] = put(row, 8, department.get("score"))
    row += 1
    put(row, 1, "自评等级")
    merge(row, 1, row, 6)
    at["grade"] = put(row, 7, department.get("grade"))
    merge(row, 7, row, LAST)

    evaluation = copy.deepcopy(department)
    for key in ("tasks", "breakdown"):
        evaluation.pop(key)
    evaluation["year"] = YEAR
    evaluation["indicators"] = [r for r in evaluation["indicators"] if not r.get("heading")]
    return Built(
        save([sheet], path),
        {"department": _plain(evaluation)},
        _prefixed({k: v for k, v in at.items() if v}, sheet.name, "department"),
        frozenset({"department.year"}),  # from the title: no 部门 sheet says it
    )


# --- 3. the official Sichuan 2023 form --------------------------------------------------------

SICHUAN_TARGET = re.compile(r"^(≥|≤|=|>|<)(\d+(?:\.\d+)?)(.*)$")


def sichuan_2023(
    path: Path,
    project: dict,
    *,
    department: str,
    unit: str,
    sheet_name: str = "项目支出绩效自评表",
) -> Built:
    """部门预算项目支出绩效自评表（2023年度）as Sichuan prints it (columns A–K): 报表编号,
    项目名称 with the project's code before it (``51092324T000010288888-…``), 主管部门 and
    实施单位（盖章）, 项目基本情况 (项目年度目标 | 年度目标完成情况, 项目实施内容及过程概述), the
    预算执行情况 block (年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因;
    rows 总额, 其中：财政资金, 财政专户管理资金, 单位资金, 其他资金), the grid 一级指标 | 二级指标 |
    三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 (指标性质 ≥ / ≤ /
    定性), then 合计, 评价结论, 存在问题, 改进措施 and the signatures.

    Each target in the data (``≥25000亩``, ``明显改善``) is split into 指标性质 | 指标值 | 度量单位;
    each actual is a bare number in the 度量单位, or a word. The reading: the project named
    without its code; the budget from 总额 with its 原因 as the budget's reason; 未完成原因分析
    as each row's reason; goal and result from 项目年度目标 and 年度目标完成情况."""
    sheet = Sheet(sheet_name)
    put, merge = sheet.put, sheet.merge
    at: dict[str, str | None] = {}
    put(1, 9, "报表编号：510923_2023zp")
    merge(1, 9, 1, 11)
    put(2, 1, f"部门预算项目支出绩效自评表（{YEAR}年度）")
    merge(2, 1, 2, 11)
    put(3, 1, "项目名称")
    merge(3, 1, 3, 2)
    at["name"] = put(3, 3, f"{project['code']}-{project['name']}")
    merge(3, 3, 3, 11)
    put(4, 1, "主管部门")
    merge(4, 1, 4, 2)
    put(4, 3, department)
    merge(4, 3, 4, 6)
    put(4, 7, "实施单位（盖章）")
    merge(4, 7, 4, 8)
    put(4, 9, unit)
    merge(4, 9, 4, 11)
    put(5, 1, "项目基本情况")
    merge(5, 1, 7, 1)
    put(5, 2, "1.项目年度目标完成情况")
    merge(5, 2, 6, 2)
    put(5, 3, "项目年度目标")
    merge(5, 3, 5, 6)
    put(5, 7, "年度目标完成情况")
    merge(5, 7, 5, 11)
    at["goal"] = put(6, 3, project["goal"])
    merge(6, 3, 6, 6)
    at["result"] = put(6, 7, project["result"])
    merge(6, 7, 6, 11)
    put(7, 2, "2.项目实施内容及过程概述")
    put(7, 3, project.get("process"))
    merge(7, 3, 7, 11)

    budget = project["budget"]
    put(8, 1, f"预算执行情况({num(budget.get('weight', 10))}分)")
    merge(8, 1, 13, 1)
    for column, word in enumerate(
        (
            "年度预算数(万元)",
            "年初预算",
            "调整后预算数",
            "预算执行数",
            "预算执行率",
            "权重",
            "得分",
            "原因",
        ),
        start=2,
    ):
        put(8, column, word)
    merge(8, 9, 8, 11)
    amounts = [D(str(budget[key])) for key in _AMOUNTS]
    rate = num((amounts[2] / amounts[1]).quantize(D("0.0001")))
    put(9, 2, "总额")
    for column, key, amount in zip((3, 4, 5), _AMOUNTS, amounts):
        at[f"budget.{key}"] = put(9, column, amount, "0.00")
    put(9, 6, rate, "0.00%")
    put(9, 7, 10)
    at["budget.score"] = put(9, 8, budget.get("score"))
    at["budget.reason"] = put(9, 9, budget.get("reason"))
    merge(9, 9, 13, 11)
    for row, (label, values) in enumerate(
        (
            ("其中：财政资金", amounts),
            ("财政专户管理资金", (0, 0, 0)),
            ("单位资金", (0, 0, 0)),
            ("其他资金", None),
        ),
        start=10,
    ):
        put(row, 2, label)
        if values is not None:
            for column, amount in zip((3, 4, 5), values):
                put(row, column, D(str(amount)), "0.00")
            put(row, 6, rate if values is amounts else 0, "0.00%")
        put(row, 7, "/")
        put(row, 8, "/")

    indicators = project["indicators"]
    first = 14
    points = sum((D(str(i["weight"])) for i in indicators), D(0))
    put(first, 1, f"绩效指标({num(points)}分)")
    for column, word in enumerate(
        (
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "完成值",
            "权重",
            "得分",
            "未完成原因分析",
        ),
        start=2,
    ):
        put(first, column, word)
    row = first + 1
    rows, labels = [], []
    for index, ind in enumerate(indicators):
        where = f"indicators[{index}]"
        l1, l2 = ind["level1"], ind["level2"]
        previous = indicators[index - 1] if index else None
        rows.append(row)
        labels.append((l1, l2))
        if previous is None or previous["level1"] != l1:
            put(row, 2, l1)
        if previous is None or (previous["level1"], previous["level2"]) != (l1, l2):
            put(row, 3, l2)
        at[where] = put(row, 4, ind["name"])
        found = SICHUAN_TARGET.match(ind["target"])
        if found:
            op, value, unit_text = found.groups()
            put(row, 5, op)
            at[f"{where}.target"] = put(row, 6, D(value))
            put(row, 7, unit_text or None)
        else:
            put(row, 5, "定性")
            at[f"{where}.target"] = put(row, 6, ind["target"])
        at[f"{where}.actual"] = put(row, 8, ind["actual"])
        at[f"{where}.weight"] = put(row, 9, ind["weight"])
        at[f"{where}.score"] = put(row, 10, ind.get("score"))
        at[f"{where}.reason"] = put(row, 11, ind.get("reason"))
        row += 1
    for top, bottom in _runs(rows, [label[0] for label in labels]):
        merge(top, 2, bottom, 2)
    for top, bottom in _runs(rows, labels):
        merge(top, 3, bottom, 3)
    merge(first, 1, row - 1, 1)
    put(row, 1, "合计")
    merge(row, 1, row, 8)
    put(row, 9, 100)
    at["score"] = put(row, 10, project.get("score"))
    row += 1
    for label, text in (
        ("评价结论", project.get("conclusion")),
        ("存在问题", project.get("problems")),
        ("改进措施", project.get("measures")),
    ):
        put(row, 1, label)
        put(row, 2, text)
        merge(row, 2, row, 11)
        row += 1
    put(row, 1, "项目负责人：刘某")
    merge(row, 1, row, 5)
    put(row, 6, "财务负责人：赵某")
    merge(row, 6, row, 11)

    read = copy.deepcopy(project)
    for key in ("code", "process", "conclusion", "problems", "measures"):
        read.pop(key, None)
    evaluation = projects_evaluation(department, [read])
    return Built(
        save([sheet], path),
        evaluation,
        _prefixed({k: v for k, v in at.items() if v}, sheet.name, "projects[0]"),
        frozenset({"department.name", "department.year", "department.budget"}),
    )


# --- the data: made up, as units write them ---------------------------------------------------


def row(level1, level2, name, target, actual, weight, score=None, reason=None) -> dict:
    """One indicator row as plain data (score and reason only when filed)."""
    found = {
        "level1": level1,
        "level2": level2,
        "name": name,
        "target": target,
        "actual": actual,
        "weight": D(str(weight)),
    }
    if score is not None:
        found["score"] = D(str(score))
    if reason is not None:
        found["reason"] = reason
    return found


def heading(level1, level2) -> dict:
    """A 二级指标 printed with no indicator under it (经济效益指标 left empty)."""
    return {"level1": level1, "level2": level2, "heading": True}


WATER = {  # 1. the system export: 某县水利局
    "department": "某县水利局",
    "unit": "某县水利局本级",
    "codes": ("412", "412001"),
}


def water_project() -> dict:
    """The budget only in its fund rows: 50 + 10 planned, 48 + 10 adjusted, 46.2 + 9.5 spent
    (55.7 / 58 = 96.03%, 9.60 points); 其他资金 printed empty."""
    return {
        "name": "农村饮水安全工程维修养护",
        "funds": {
            "本年财政拨款": (50, 48, D("46.2")),
            "上年结转资金": (10, 10, D("9.5")),
            "其他资金": None,
        },
        "goal": "维修改造农村集中供水工程45处，更换入户智能水表3000块，保障2.6万农村人口饮水安全。",
        "result": "完成维修改造46处，更换水表2850块，受益人口27150人，水质检测全部达标。",
        "indicators": [
            row("产出指标", "数量指标", "维修改造供水工程处数", "≥45处", D(46), 10, 10),
            row(
                "产出指标",
                "数量指标",
                "更换入户智能水表数",
                "≥3000块",
                D(2850),
                10,
                "9.5",
                "部分农户常年外出务工，未能入户安装",
            ),
            row("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 8, 8),
            row("产出指标", "质量指标", "供水水质达标率", "≥95百分比", D(97), 8, 8),
            row(
                "产出指标",
                "时效指标",
                "维修任务完成及时性",
                "按合同约定时间完成",
                "达成预期指标",
                8,
                8,
            ),
            row("产出指标", "成本指标", "项目总成本", "≤58万元", D("55.7"), 6, 6),
            heading("效益指标", "经济效益指标"),
            row("效益指标", "社会效益指标", "农村供水保障水平", "明显提升", "达成预期指标", 10, 10),
            row("效益指标", "社会效益指标", "受益人口", "≥26000人", D(27150), 10, 10),
            row(
                "效益指标",
                "可持续影响指标",
                "工程长效运行管护",
                "持续发挥作用",
                "部分达成年度指标并具有一定效果",
                10,
                7,
                "村级管水员队伍尚未配齐",
            ),
            row("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", D(93), 10, 10),
        ],
        "score": D("96.1"),
    }


def medical_insurance() -> dict:
    """2. 部门整体: 某县医疗保障局. Budget 980 / 1025.6 / 1001.3 (97.63%, 9.76)."""
    return {
        "name": "某县医疗保障局",
        "tasks": [
            ("医保基金监管", "开展定点医药机构全覆盖检查，追回违规使用基金", 60, D("58.4")),
            ("城乡医疗救助", "对特困、低保等困难群众实施医疗救助", 320, 318),
            ("医保经办服务", "推进医保经办服务下沉到乡镇和村", 45, D("44.1")),
        ],
        "budget": {
            "planned": D(980),
            "adjusted": D("1025.6"),
            "spent": D("1001.3"),
            "score": D("9.76"),
        },
        "breakdown": [
            ("基本支出", (555, D("600.6"), D("580.8"))),
            ("项目支出", (425, 425, D("420.5"))),
        ],
        "goal": "守牢医保基金安全底线，困难群众医疗救助应救尽救，参保群众满意度≥90%。",
        "result": "检查定点医药机构全覆盖，救助5326人次，未发生重大医保基金安全事件，满意度93.5%。",
        "indicators": [
            row("产出指标", "数量指标", "定点医药机构检查覆盖率", "100%", "100%", 10, 10),
            row("产出指标", "数量指标", "医疗救助人次", "≥5000人次", "5326人次", 10, 10),
            row("产出指标", "质量指标", "违规使用医保基金追回率", "≥95%", "96.2%", 10, 10),
            row(
                "产出指标",
                "时效指标",
                "医疗费用按时结算率",
                "≥98%",
                "97.1%",
                10,
                "9.91",
                "年底集中报销量大，部分结算顺延至次年1月",
            ),
            row("产出指标", "成本指标", "公用经费控制率", "≤100%", "95.4%", 10, 10),
            row("效益指标", "社会效益指标", "参保群众个人医疗负担", "有所减轻", "达成", 10, 10),
            row("效益指标", "社会效益指标", "重大医保基金安全事件", "=0起", "0起", 10, 10),
            row(
                "效益指标",
                "可持续影响指标",
                "医保信息平台建设",
                "持续推进",
                "部分达成",
                10,
                7,
                "省级平台接口改造延期",
            ),
            row("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "93.5%", 10, 10),
        ],
        "score": D("96.67"),
        "grade": "优",
    }


FARMLAND = {"department": "某县农业农村局", "unit": "某县农田建设服务中心"}


def farmland_project() -> dict:
    """3. Sichuan: 80 planned, 95 adjusted, 83.6 spent (88.00%, 8.80 points), explained;
    two rows below full marks, each with its 未完成原因分析."""
    return {
        "code": "51092324T000010288888",
        "name": "2023年高标准农田管护补助资金",
        "budget": {
            "planned": D(80),
            "adjusted": D(95),
            "spent": D("83.6"),
            "score": D("8.8"),
            "reason": "年中追加15万元用于灾后水毁修复，部分修复工程尾款11.4万元未结算。",
        },
        "process": "按季度组织管护巡查，汛后开展灌排设施水毁修复，年末开展管护考核。",
        "goal": "完成高标准农田管护25000亩，管护设施完好率≥90%，受益农户满意度≥90%。",
        "result": "完成管护24500亩，设施完好率92%，灌排设施维修及时率96%，受益农户满意度94%。",
        "indicators": [
            row(
                "产出指标",
                "数量指标",
                "高标准农田管护面积",
                "≥25000亩",
                D(24500),
                15,
                "14.7",
                "500亩因土地流转调整暂未纳入管护",
            ),
            row("产出指标", "质量指标", "管护设施完好率", "≥90%", D(92), 15, 15),
            row("产出指标", "时效指标", "灌排设施维修及时率", "≥95%", D(96), 10, 10),
            row("产出指标", "成本指标", "亩均管护成本", "≤40元/亩", D("34.1"), 10, 10),
            row("效益指标", "社会效益指标", "农田灌排条件", "明显改善", "达成", 15, 15),
            row(
                "效益指标",
                "可持续影响指标",
                "管护长效机制",
                "持续发挥作用",
                "部分达成",
                15,
                "10.5",
                "村级管护员培训尚未全覆盖",
            ),
            row("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", D(94), 10, 10),
        ],
        "score": D(94),
        "conclusion": "项目总体完成年度目标，自评得分94分。",
        "problems": "预算执行率偏低，部分修复工程结算滞后。",
        "measures": "加快工程结算，追加预算时同步调整绩效目标。",
    }


CULTURE = {"department": "某县文化广播电视和旅游局", "unit": "某县文化馆"}


def culture_projects() -> list[dict]:
    """4. Three projects of one department, listed on one sheet."""
    return [
        {
            "name": "公共文化服务体系建设",
            "budget": {
                "planned": D(120),
                "adjusted": D(120),
                "spent": D("116.4"),
                "score": D("9.7"),
            },
            "goal": "免费开放文化馆、图书馆，开展送文化下乡120场。",
            "result": "免费开放全年无休，送文化下乡126场。",
            "indicators": [
                row("产出指标", "数量指标", "送文化下乡场次", "≥120场", "126场", 30, 30),
                row("产出指标", "质量指标", "场馆免费开放率", "100%", "100%", 20, 20),
                row(
                    "效益指标",
                    "社会效益指标",
                    "群众文化活动参与人次",
                    "≥3万人次",
                    "3.2万人次",
                    30,
                    30,
                ),
                row("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10),
            ],
            "score": D("99.7"),
            "grade": "优",
        },
        {
            "name": "非物质文化遗产保护传承",
            "budget": {
                "planned": D(30),
                "adjusted": D(35),
                "spent": D("31.5"),
                "score": D(9),
                "reason": "追加5万元用于传承人补助，部分补助次年初发放。",
            },
            "goal": "完成非遗项目普查建档20项，开展非遗进校园活动12次。",
            "result": "普查建档18项，非遗进校园12次。",
            "indicators": [
                row(
                    "产出指标",
                    "数量指标",
                    "非遗项目普查建档数",
                    "≥20项",
                    "18项",
                    40,
                    36,
                    "两个项目传承人年事已高，资料采集延后",
                ),
                row("产出指标", "数量指标", "非遗进校园活动次数", "≥12次", "12次", 20, 20),
                row("效益指标", "社会效益指标", "非遗保护传承氛围", "明显增强", "达成", 30, 30),
            ],
            "score": D(95),
            "grade": "优",
            "weights_reason": "本项目无满意度指标，其10分并入产出指标",
        },
        {
            "name": "乡村旅游宣传推广",
            "budget": {"planned": D(20), "adjusted": D(20), "spent": D(20), "score": D(10)},
            "goal": "举办乡村旅游节1次，制作宣传片2部。",
            "result": "举办乡村旅游节1次，制作宣传片2部，接待游客增长12%。",
            "indicators": [
                row("产出指标", "数量指标", "宣传片制作数量", "=2部", "2部", 25, 25),
                row("产出指标", "数量指标", "乡村旅游节举办次数", "=1次", "1次", 25, 25),
                row("效益指标", "经济效益指标", "乡村旅游接待人次增长率", "≥10%", "11.5%", 30, 30),
                row(
                    "满意度指标",
                    "服务对象满意度指标",
                    "游客满意度",
                    "≥90%",
                    "88%",
                    10,
                    "9.78",
                    "节假日停车位不足",
                ),
            ],
            "score": D("99.78"),
            "grade": "优",
        },
    ]


HEALTH = {"department": "某县卫生健康局", "unit": "某县人民医院"}


def hospital_project() -> dict:
    """5. A hospital's project, filed under its 主管部门."""
    return {
        "name": "县级公立医院服务能力提升",
        "budget": {"planned": D(200), "adjusted": D(200), "spent": D(188), "score": D("9.4")},
        "goal": "购置CT等医疗设备6台（套），开展适宜技术培训200人次。",
        "result": "购置设备6台（套），培训215人次，门诊量同比增长8%。",
        "indicators": [
            row("产出指标", "数量指标", "购置医疗设备数", "≥6台", "6台", 20, 20),
            row("产出指标", "数量指标", "适宜技术培训人次", "≥200人次", "215人次", 20, 20),
            row("产出指标", "质量指标", "设备验收合格率", "100%", "100%", 10, 10),
            row(
                "效益指标",
                "社会效益指标",
                "县域内就诊率",
                "≥90%",
                "87%",
                30,
                29,
                "部分重症患者仍转诊市级医院",
            ),
            row("满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "94%", 10, 10),
        ],
        "score": D("98.4"),
        "grade": "优",
    }


HOUSING = {"department": "某县住房和城乡建设局", "unit": "某县城市更新服务中心"}


def housing_project() -> dict:
    """6. The grid variants: weights 15 / 15 / 10 / 10 / 30 / 10 (as 权重（%）: 15% …)."""
    return {
        "name": "城镇老旧小区改造",
        "budget": {"planned": D(500), "adjusted": D(500), "spent": D(470), "score": D("9.4")},
        "goal": "改造老旧小区12个，惠及居民1800户。",
        "result": "改造11个小区，惠及1690户，1个小区因居民意见未统一顺延。",
        "indicators": [
            row(
                "产出指标",
                "数量指标",
                "改造小区个数",
                "≥12个",
                "11个",
                15,
                "13.75",
                "一个小区居民意见未统一，顺延至次年",
            ),
            row("产出指标", "质量指标", "工程验收合格率", "100%", "100%", 15, 15),
            row("产出指标", "时效指标", "开工率", "≥95%", "96%", 10, 10),
            row("产出指标", "成本指标", "户均改造成本", "≤3万元", "2.78万元", 10, 10),
            row("效益指标", "社会效益指标", "居住环境", "明显改善", "达成", 30, 30),
            row("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "92%", 10, 10),
        ],
        "score": D("98.15"),
        "grade": "优",
    }


SCHOOL = {"department": "某县教育和体育局", "unit": "某县教育和体育局本级"}


def nutrition_project() -> dict:
    """8. Targets and actuals as %-formatted numbers (0.95 shown as 95%, 0.987 as 98.7%)."""
    return {
        "name": "农村义务教育学生营养改善计划",
        "budget": {"planned": D(360), "adjusted": D(360), "spent": D("351.2"), "score": D("9.76")},
        "goal": "为农村义务教育学生提供营养膳食补助，覆盖率100%。",
        "result": "覆盖学生9850人，食品安全零事故，学生体质健康达标率提高。",
        "indicators": [
            row("产出指标", "数量指标", "受助学生人数", "≥9800人", "9850人", 20, 20),
            row("产出指标", "数量指标", "补助覆盖率", pct("100%"), pct("100%"), 10, 10),
            row("产出指标", "质量指标", "食材抽检合格率", "≥98%", pct("98.7%"), 10, 10),
            row(
                "产出指标",
                "时效指标",
                "补助资金及时拨付率",
                pct("100%"),
                pct("97.55%"),
                10,
                "9.76",
                "12月补助资金于次年1月拨付",
            ),
            row("效益指标", "社会效益指标", "学生体质健康达标率", "≥92%", pct("93%"), 30, 30),
            row("满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", pct("95%"), 10, 10),
        ],
        "score": D("99.52"),
        "grade": "优",
    }
