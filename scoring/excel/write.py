"""Write the 自评表 as a workbook: as filed, as scored, or blank to fill in.

Three workbooks share one layout, the contract with :mod:`scoring.excel.read`:

- a sheet ``部门`` with the department's data, label | value from A2 (部门名称, 年度, 年初预算数,
  全年预算数, 全年执行数, 执行率得分, 资金偏差原因, 自评得分, 自评等级, 分值调整说明);
- a sheet ``项目1``, ``项目2``, … per project, and ``部门整体`` when the department files its own
  table: the 项目支出绩效自评表 with its title (rows 1–2), 项目名称 / 主管部门 / 实施单位
  (rows 3–4), the 项目资金（万元）block (rows 5–7), 年度总体目标 (rows 8–9), the 绩效指标 grid
  (header row 10, one row per indicator from row 11), then 总分, 自评等级 and 分值调整说明.

:func:`evaluation_workbook` writes the values as filed; :func:`result_workbook` the computed
执行率 and 得分, the filed value in a 自评得分 column where it differs, cells coloured by the
findings of their row, and a first sheet ``汇总``; :func:`template_workbook` a blank table whose
placeholders read back and score. openpyxl is imported only when a workbook is built.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from ..render import SEVERITY_LABELS
from ..result import Result, TableResult, number, rate4
from ..values import format_decimal
from .layout import DEPARTMENT_ROWS, DEPARTMENT_SHEET, GRID_TITLES, OWN_TABLE_SHEET

PROJECT_TITLE = "项目支出绩效自评表"
DEPARTMENT_TITLE = "部门整体绩效自评表"
SUMMARY_SHEET = "汇总"

GRID_HEADER_ROW = 10
FIRST_INDICATOR_ROW = 11
GRID_COLUMNS = (*GRID_TITLES, "偏差原因分析及改进措施")
FILED_COLUMN = "自评得分"
DEDUCTION_COLUMN = "扣减分数"
APPLICABLE_COLUMN = "是否适用"
NOT_APPLICABLE = "不适用"

# Findings on the 部门 sheet: key path → its row there (the first label row is 2).
DEPARTMENT_FINDING_ROWS = {
    "department.budget.planned": 4,
    "department.budget.adjusted": 5,
    "department.budget.spent": 6,
    "department.budget": 7,
    "department.budget.reason": 8,
    "department.score": 9,
    "department.grade": 10,
    "department.weights_reason": 11,
}

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
SEVERITY_ORDER = ("error", "warning", "info")
WIDTHS = {"A": 14, "B": 14, "C": 26, "D": 16, "E": 16, "F": 8, "G": 8, "H": 30}
EXTRA_WIDTH = 10
PERCENT = "0.00%"

TEMPLATE_NOTE = (
    "填写说明：年度指标值写明符号和单位，如 ≥95%、≤90万元、≥100人次，定性指标写 效果明显、"
    "按期完成 等；金额单位为万元；一个项目一张工作表，项目多时复制本表（项目2、项目3…）；"
    "示例行请换成本项目的指标。"
)


# --- values ------------------------------------------------------------------------------------


def cell_value(raw):
    """A filed value as a cell holds it: numbers as numbers (a Decimal as an int when whole,
    else a float), text as text — never parsed, so ``≥3个`` and ``37.24`` stay as written;
    a table-form target ``{op, value, unit}`` as the text ``op value unit``; None stays empty."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, Decimal):
        return number(raw)
    if isinstance(raw, dict):
        value = raw.get("value")
        if isinstance(value, Decimal):
            value = format_decimal(value)
        elif isinstance(value, float):
            value = repr(value)
        return f"{raw.get('op') or ''}{'' if value is None else value}{raw.get('unit') or ''}"
    return raw


def _points(raw) -> Decimal | None:
    """A filed 分值 as a number, or None when it does not read as points."""
    from ..values import ValueProblem, parse_quantity

    try:
        quantity = parse_quantity(raw)
    except ValueProblem:
        return None
    if quantity is None or quantity.unit not in (None, "分"):
        return None
    return quantity.value


def _get(mapping: dict, path: tuple):
    for key in path:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def _under(where: str, key: str) -> bool:
    """``where`` is ``key`` or inside it: projects[1] holds projects[1].budget, not projects[10]."""
    return where == key or where.startswith((key + ".", key + "["))


# --- one table sheet ---------------------------------------------------------------------------


@dataclass
class _Scored:
    """What result_workbook adds to a table sheet."""

    table: TableResult
    filed_score: Decimal | None  # the filed 总分 its computed score is compared with
    filed_grade: str | None
    review: dict  # ReviewRow by the key path of its filed value


@dataclass
class _Anchors:
    """Cells to colour for findings: the specific rows of a sheet, and the whole-table fallback."""

    rows: list = field(default_factory=list)  # (key path, [cell, …])
    fallback: tuple | None = None  # (key path, [cell, …]): the table, when no row takes it
    exact_fallback: bool = False  # the fallback takes only its own key path, not what is under it


def _differs(review: dict, key: str, filed, computed) -> bool:
    """A filed value that differs from the computed one, as the review compared them (at the
    rule set's decimals), or plainly where the review compared another value."""
    if filed is None:
        return False
    row = review.get(key)
    if row is not None and row.computed == computed:
        return not row.agrees
    if isinstance(filed, str):
        return filed.strip() != computed
    return filed != computed


def _styles():
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "bold": Font(bold=True),
        "title": Font(bold=True, size=14),
        "wrap": Alignment(wrap_text=True, vertical="center"),
        "centre": Alignment(wrap_text=True, vertical="center", horizontal="center"),
    }


def _write_table(
    sheet,
    *,
    title: str,
    year,
    year_title: bool,
    name: str,
    department_name: str,
    raw: dict,
    budget: dict,
    filed_score,
    filed_grade,
    where: str,
    scored: _Scored | None = None,
) -> _Anchors:
    """One 自评表 on ``sheet``; returns where the findings of each row are coloured."""
    from openpyxl.utils import get_column_letter

    style = _styles()
    indicators = raw.get("indicators", [])
    extra = []
    if scored is not None:
        extra.append(FILED_COLUMN)
    if any("deduction" in ind for ind in indicators):
        extra.append(DEDUCTION_COLUMN)
    if any(ind.get("applicable") is False for ind in indicators):
        extra.append(APPLICABLE_COLUMN)
    columns = {title_: 9 + i for i, title_ in enumerate(extra)}
    last_column = 8 + len(extra)
    filed_column = columns.get(FILED_COLUMN)
    bold_cells: list[tuple[int, int]] = []
    centred: list[tuple[int, int]] = []

    def put(row: int, column: int, value, *, bold: bool = False, centre: bool = False):
        if value is None:
            return None
        cell = sheet.cell(row=row, column=column, value=value)
        if bold:
            bold_cells.append((row, column))
        if centre:
            centred.append((row, column))
        return cell

    def label(row: int, column: int, text: str):
        return put(row, column, text, bold=True, centre=True)

    # Rows 1–2: the title and the year.
    sheet["A1"] = title
    sheet["A1"].font = style["title"]
    sheet["A1"].alignment = style["centre"]
    sheet.merge_cells("A1:H1")
    if year_title:
        sheet["A2"] = f"（{year}年度）"
        sheet["A2"].alignment = style["centre"]
        sheet.merge_cells("A2:H2")

    # Rows 3–4: 项目名称, 主管部门, 实施单位.
    label(3, 1, "项目名称")
    put(3, 2, name)
    label(4, 1, "主管部门")
    put(4, 2, department_name)
    label(4, 5, "实施单位")
    put(4, 6, department_name)

    # Rows 5–7: 项目资金（万元）.
    label(5, 1, "项目资金（万元）")
    for column, text in zip(
        range(3, 9), ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    ):
        label(5, column, text)
    if filed_column:
        label(5, filed_column, FILED_COLUMN)
    label(6, 2, "年度资金总额")
    put(6, 3, cell_value(budget.get("planned")))
    put(6, 4, cell_value(budget.get("adjusted")))
    put(6, 5, cell_value(budget.get("spent")))
    if scored is None:
        put(6, 8, cell_value(budget.get("score")))
    else:
        execution = scored.table.execution
        put(6, 6, number(execution.weight))
        rate = put(6, 7, rate4(execution.rate))
        if rate is not None:
            rate.number_format = PERCENT
        put(6, 8, number(execution.score))
        key = f"{where}.budget.score"
        if _differs(scored.review, key, execution.filed_score, execution.score):
            put(6, filed_column, cell_value(budget.get("score")))
    label(7, 2, "资金偏差原因")
    put(7, 3, budget.get("reason") or None)

    # Rows 8–9: 年度总体目标.
    label(8, 1, "年度总体目标")
    label(8, 2, "预期目标")
    label(8, 6, "实际完成情况")
    put(9, 2, raw.get("goal") or None)
    put(9, 6, raw.get("result") or None)

    # Row 10 on: the 绩效指标 grid.
    for column, text in enumerate(GRID_COLUMNS, start=1):
        label(GRID_HEADER_ROW, column, text)
    for text, column in columns.items():
        label(GRID_HEADER_ROW, column, text)
    anchors = _Anchors()
    anchors.rows.append((f"{where}.budget", ["B6", "H6"]))
    anchors.rows.append((f"{where}.budget.reason", ["B7", "C7"]))
    results = scored.table.indicators if scored is not None else [None] * len(indicators)
    for index, (ind, result) in enumerate(zip(indicators, results)):
        row = FIRST_INDICATOR_ROW + index
        applicable = ind.get("applicable") is not False
        put(row, 1, ind.get("level1"), centre=True)
        put(row, 2, ind.get("level2"), centre=True)
        put(row, 3, ind.get("name"))
        put(row, 4, cell_value(ind.get("target")))
        put(row, 5, cell_value(ind.get("actual")))
        if result is None:
            put(row, 6, cell_value(ind.get("weight")))
            put(row, 7, cell_value(ind.get("score")))
        else:
            put(row, 6, number(result.weight))
            put(row, 7, number(result.score) if result.applicable else NOT_APPLICABLE)
            # A not-applicable row shows 不适用, so any filed score differs from it.
            key = f"{result.where}.score"
            if not result.applicable or _differs(
                scored.review, key, result.filed_score, result.score
            ):
                put(row, filed_column, cell_value(ind.get("score")))
        put(row, 8, ind.get("reason") or None)
        if DEDUCTION_COLUMN in columns:
            put(row, columns[DEDUCTION_COLUMN], cell_value(ind.get("deduction")))
        if APPLICABLE_COLUMN in columns and not applicable:
            put(row, columns[APPLICABLE_COLUMN], "否", centre=True)
        anchors.rows.append((f"{where}.indicators[{index}]", [f"C{row}", f"G{row}"]))
    last_indicator = FIRST_INDICATOR_ROW + len(indicators) - 1

    # 总分, 自评等级, 分值调整说明.
    total_row = last_indicator + 1
    label(total_row, 1, "总分")
    if scored is None:
        weights = [_points(ind["weight"]) if "weight" in ind else None for ind in indicators]
        if indicators and all(w is not None for w in weights):
            put(total_row, 6, number(sum(weights, Decimal(0))))
        put(total_row, 7, cell_value(filed_score))
    else:
        table = scored.table
        weight = table.execution.weight + sum((i.weight for i in table.indicators), Decimal(0))
        put(total_row, 6, number(weight))
        put(total_row, 7, number(table.score))
        if _differs(scored.review, f"{where}.score", scored.filed_score, table.score):
            put(total_row, filed_column, cell_value(filed_score))
    grade_row = total_row + 1
    label(grade_row, 1, "自评等级")
    if scored is None:
        put(grade_row, 7, filed_grade, centre=True)
    else:
        put(grade_row, 7, scored.table.grade, centre=True)
        if _differs(scored.review, f"{where}.grade", scored.filed_grade, scored.table.grade):
            put(grade_row, filed_column, filed_grade, centre=True)
    last_row = grade_row
    anchors.rows.append((f"{where}.grade", [f"A{grade_row}", f"G{grade_row}"]))
    weights_reason = raw.get("weights_reason")
    if weights_reason:
        last_row = grade_row + 1
        label(last_row, 1, "分值调整说明")
        put(last_row, 2, weights_reason)
        anchors.rows.append((f"{where}.weights_reason", [f"A{last_row}", f"B{last_row}"]))
    anchors.fallback = (where, [f"A{total_row}", f"G{total_row}"])

    # Merges: the fixed blocks, then runs of equal 一级 / (一级, 二级) labels.
    merges = ["B3:H3", "B4:D4", "F4:H4", "A5:A7", "C7:H7", "A8:A9", "B8:E8", "F8:H8"]
    merges += ["B9:E9", "F9:H9"]
    if weights_reason:
        merges.append(f"B{last_row}:H{last_row}")
    merges += _runs([(ind.get("level1"),) for ind in indicators], "A")
    merges += _runs([(ind.get("level1"), ind.get("level2")) for ind in indicators], "B")
    for cells in merges:
        sheet.merge_cells(cells)

    # Style: wrap and centre vertically, bold labels, a thin border around the grid.
    for row in range(3, last_row + 1):
        for column in range(1, last_column + 1):
            cell = sheet.cell(row=row, column=column)
            cell.border = style["border"]
            cell.alignment = style["wrap"]
    for row, column in centred:
        sheet.cell(row=row, column=column).alignment = style["centre"]
    for row, column in bold_cells:
        sheet.cell(row=row, column=column).font = style["bold"]
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    for column in range(9, last_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = EXTRA_WIDTH
    return anchors


def _runs(keys: list[tuple], letter: str) -> list[str]:
    """Merged ranges over each run of two or more consecutive rows with the same key."""
    ranges = []
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            if index - start > 1:
                first = FIRST_INDICATOR_ROW + start
                ranges.append(f"{letter}{first}:{letter}{first + index - start - 1}")
            start = index
    return ranges


# --- the 部门 sheet ------------------------------------------------------------------------------


def _write_department(sheet, department: dict) -> _Anchors:
    style = _styles()
    sheet["A1"] = "部门整体情况"
    sheet["A1"].font = style["title"]
    sheet["A1"].alignment = style["centre"]
    sheet.merge_cells("A1:B1")
    for row, (text, path) in enumerate(DEPARTMENT_ROWS, start=2):
        sheet.cell(row=row, column=1, value=text).font = style["bold"]
        value = _get(department, path)
        if isinstance(value, str) and not value.strip():
            value = None
        value = cell_value(value)
        if value is not None:
            sheet.cell(row=row, column=2, value=value)
        for column in (1, 2):
            cell = sheet.cell(row=row, column=column)
            cell.border = style["border"]
            cell.alignment = style["wrap"]
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 40
    anchors = _Anchors(exact_fallback=True)
    for key, row in DEPARTMENT_FINDING_ROWS.items():
        anchors.rows.append((key, [f"A{row}", f"B{row}"]))
    anchors.fallback = ("department", ["A9", "B9"])
    return anchors


def _colour(sheet, anchors: _Anchors, findings) -> None:
    """Fill the label and 得分 cells of each row a finding falls under, most severe first."""
    from openpyxl.styles import PatternFill

    worst: dict[str, str] = {}

    def mark(cells, severity):
        for cell in cells:
            known = worst.get(cell)
            if known is None or SEVERITY_ORDER.index(severity) < SEVERITY_ORDER.index(known):
                worst[cell] = severity

    for finding in findings:
        if finding.severity not in FILLS:
            continue
        matched = [cells for key, cells in anchors.rows if _under(finding.where, key)]
        for cells in matched:
            mark(cells, finding.severity)
        if not matched and anchors.fallback is not None:
            key, cells = anchors.fallback
            if finding.where == key or (not anchors.exact_fallback and _under(finding.where, key)):
                mark(cells, finding.severity)
    for cell, severity in worst.items():
        colour = FILLS[severity]
        sheet[cell].fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)


# --- workbooks ---------------------------------------------------------------------------------


def _new_workbook():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def _tables(data: dict):
    """(sheet name, title, where, raw table, budget, filed score, filed grade) of each table."""
    department = data["department"]
    for index, project in enumerate(data.get("projects", [])):
        yield (
            f"项目{index + 1}",
            PROJECT_TITLE,
            f"projects[{index}]",
            project,
            project.get("budget", {}),
            project.get("score"),
            project.get("grade"),
        )
    if "indicators" in department:
        yield (
            OWN_TABLE_SHEET,
            DEPARTMENT_TITLE,
            "department",
            department,
            department.get("budget", {}),
            department.get("score"),
            department.get("grade"),
        )


def evaluation_workbook(data: dict, year_title: bool = True):
    """The evaluation ``data`` (the structure of ``scoring schema evaluation``) as filed: a sheet
    部门, then 项目1, 项目2, … and 部门整体 when the department files its own table.

    With ``year_title=False`` row 2 of each table (``（2023年度）``) is left empty, as on forms
    that print no year; the year is still on the 部门 sheet."""
    workbook = _new_workbook()
    _write_department(workbook.create_sheet(DEPARTMENT_SHEET), data["department"])
    for sheet_name, *table in _tables(data):
        _write_one(workbook.create_sheet(sheet_name), data, table, year_title)
    return workbook


def _write_one(sheet, data: dict, table: tuple, year_title: bool = True, scored=None):
    """One 自评表 sheet, as filed (``scored`` None) or with its computed values."""
    title, where, raw, budget, score, grade = table
    department = data["department"]
    return _write_table(
        sheet,
        title=title,
        year=department.get("year"),
        year_title=year_title,
        name=raw.get("name"),
        department_name=department.get("name"),
        raw=raw,
        budget=budget,
        filed_score=score,
        filed_grade=grade,
        where=where,
        scored=scored,
    )


def result_workbook(result: Result, data: dict):
    """A scored ``result`` with the evaluation ``data`` it came from: a sheet 汇总, the 部门
    sheet as filed, and each table with computed 执行率 and 得分, the filed value under 自评得分
    where it differs, and its rows coloured by their findings."""
    workbook = _new_workbook()
    _write_summary(workbook.create_sheet(SUMMARY_SHEET), result, data)
    department = data["department"]
    anchors = _write_department(workbook.create_sheet(DEPARTMENT_SHEET), department)
    _colour(workbook[DEPARTMENT_SHEET], anchors, result.findings)
    review = {row.where: row for row in result.review}
    scored_tables = list(result.projects)
    if result.department.table is not None:
        scored_tables.append(result.department.table)
    for (sheet_name, *filed), table in zip(_tables(data), scored_tables):
        own = (
            filed[1] == "department"
        )  # the department's own table: its filed total is the department's
        filed_score = result.department.filed_score if own else table.filed_score
        filed_grade = result.department.filed_grade if own else table.filed_grade
        sheet = workbook.create_sheet(sheet_name)
        anchors = _write_one(
            sheet, data, filed, scored=_Scored(table, filed_score, filed_grade, review)
        )
        _colour(sheet, anchors, result.findings)
    return workbook


def _write_summary(sheet, result: Result, data: dict) -> None:
    """汇总: the department, the rule set, a table of the projects and the findings.

    No label here reads 部门名称: a reader looks for the department's data on the sheet that
    has it, and this one comes first."""
    from openpyxl.styles import PatternFill

    style = _styles()
    department = result.department
    sheet["A1"] = "预算绩效自评复核汇总"
    sheet["A1"].font = style["title"]
    sheet["A1"].alignment = style["centre"]
    sheet.merge_cells("A1:G1")
    facts = (
        ("部门", department.name),
        ("年度", department.year),
        ("规则集", result.ruleset.id),
        ("规则版本", result.ruleset.version),
        ("规则 SHA-256", result.ruleset.sha256),
        ("全年预算数（万元）", number(department.execution.adjusted)),
        ("全年执行数（万元）", number(department.execution.spent)),
        ("执行率", rate4(department.execution.rate)),
        ("得分", number(department.score)),
        ("等级", department.grade),
        ("计分方法", department.method),
        ("计分说明", department.explanation),
    )
    row = 2
    for text, value in facts:
        sheet.cell(row=row, column=1, value=text).font = style["bold"]
        cell = sheet.cell(row=row, column=2, value=value)
        if text == "执行率":
            cell.number_format = PERCENT
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
        for column in range(1, 8):
            sheet.cell(row=row, column=column).border = style["border"]
            sheet.cell(row=row, column=column).alignment = style["wrap"]
        row += 1

    row += 1
    sheet.cell(row=row, column=1, value="项目").font = style["bold"]
    row += 1
    headers = ("项目名称", "全年预算数", "全年执行数", "执行率", "得分", "等级", "自评得分")
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font = style["bold"]
        cell.alignment = style["centre"]
        cell.border = style["border"]
    review = {r.where: r for r in result.review}
    rows = [
        (table, f"projects[{i}]", project.get("score"))
        for i, (table, project) in enumerate(zip(result.projects, data.get("projects", [])))
    ]
    if department.table is not None:
        rows.append((department.table, "department", data["department"].get("score")))
    for table, where, filed_raw in rows:
        row += 1
        own = where == "department"
        filed = department.filed_score if own else table.filed_score
        values = [
            f"部门整体（{table.name}）" if own else table.name,
            number(table.execution.adjusted),
            number(table.execution.spent),
            rate4(table.execution.rate),
            number(table.score),
            table.grade,
            cell_value(filed_raw)
            if _differs(review, f"{where}.score", filed, table.score)
            else None,
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = style["border"]
            cell.alignment = style["wrap"]
        sheet.cell(row=row, column=4).number_format = PERCENT

    row += 2
    sheet.cell(row=row, column=1, value="复核发现").font = style["bold"]
    row += 1
    for column, text in enumerate(("级别", "代码", "位置", "说明"), start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font = style["bold"]
        cell.alignment = style["centre"]
    sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=7)
    for column in range(1, 8):
        sheet.cell(row=row, column=column).border = style["border"]
    if not result.findings:
        row += 1
        sheet.cell(row=row, column=1, value="无")
    for finding in result.findings:
        row += 1
        values = (
            SEVERITY_LABELS.get(finding.severity, finding.severity),
            finding.code,
            finding.where,
            finding.message,
        )
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
        sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=7)
        for column in range(1, 8):
            sheet.cell(row=row, column=column).border = style["border"]
            sheet.cell(row=row, column=column).alignment = style["wrap"]
        colour = FILLS.get(finding.severity)
        if colour:
            sheet.cell(row=row, column=1).fill = PatternFill(
                fill_type="solid", start_color=colour, end_color=colour
            )
    for letter, width in zip("ABCDEFG", (36, 14, 30, 12, 10, 8, 12)):
        sheet.column_dimensions[letter].width = width


def template_evaluation(year: int) -> dict:
    """The placeholders of a blank 自评表: an evaluation that validates and scores."""
    return {
        "department": {
            "name": "（单位名称）",
            "year": year,
            "budget": {"planned": 0, "adjusted": 0, "spent": 0},
        },
        "projects": [
            {
                "name": "（项目名称）",
                "budget": {"planned": 0, "adjusted": 0, "spent": 0},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "（示例）培训人次",
                        "target": "≥100人次",
                        "actual": "100人次",
                        "weight": 50,
                    },
                    {
                        "level1": "效益指标",
                        "level2": "社会效益指标",
                        "name": "（示例）政策知晓率",
                        "target": "≥90%",
                        "actual": "95%",
                        "weight": 30,
                    },
                    {
                        "level1": "满意度指标",
                        "level2": "服务对象满意度指标",
                        "name": "（示例）服务对象满意度",
                        "target": "≥90%",
                        "actual": "92%",
                        "weight": 10,
                    },
                ],
            }
        ],
    }


def template_workbook(year: int):
    """A blank 自评表 for ``year`` to fill in: the 部门 sheet and one project sheet 项目1 with
    three example rows, and a 填写说明 under the grid."""
    style = _styles()
    workbook = evaluation_workbook(template_evaluation(year))
    sheet = workbook["项目1"]
    row = sheet.max_row + 2
    sheet.cell(row=row, column=1, value=TEMPLATE_NOTE).alignment = style["wrap"]
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
    sheet.row_dimensions[row].height = 48
    return workbook


def workbook_bytes(workbook) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
