"""The 自评表 as a workbook in the tool's own layout, as filed — for a file that came as TOML
or JSON, and for the blank template — with the cell of every value written.

The layout is the contract with :mod:`scoring.excel.read`:

- a sheet ``部门`` with the department's data, label | value from A2 (部门名称, 年度, 年初预算数,
  全年预算数, 全年执行数, 执行率得分, 资金偏差原因, 自评得分, 自评等级, 分值调整说明);
- a sheet ``项目1``, ``项目2``, … per project, and ``部门整体`` when the department files its own
  table: the 项目支出绩效自评表 with its title (rows 1–2), 项目名称 / 主管部门 / 实施单位
  (rows 3–4), the 项目资金（万元）block (rows 5–7), 年度总体目标 (rows 8–9), the 绩效指标 grid
  (header row 10, one row per indicator from row 11), then 总分, 自评等级 and 分值调整说明.

Values are written as filed, never parsed (``≥3个`` stays text, 37.24 a number); text is
always text, so nothing a unit typed becomes a formula. Text a workbook cannot hold (a control
character, half of a UTF-16 pair) is refused, naming where it is, rather than written into a
file Excel would call corrupt. Every sheet is set up to print as the form is printed
(:func:`print_as_form`). openpyxl is imported only when a workbook is built.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..i18n import _
from ..labels import grid_titles
from ..result import number, rate4
from ..values import format_decimal
from .layout import DEPARTMENT_ROWS, DEPARTMENT_SHEET, OWN_TABLE_SHEET

PROJECT_TITLE = "项目支出绩效自评表"
DEPARTMENT_TITLE = "部门整体绩效自评表"
GRID_HEADER_ROW = 10
FIRST_INDICATOR_ROW = 11
REASON_COLUMN = "偏差原因分析及改进措施"  # the grid's last column, after grid_titles()
DEDUCTION_COLUMN = "扣减分数"
APPLICABLE_COLUMN = "是否适用"
# Widths that fit the form's words: 服务对象满意度指标 in B, a 三级指标 in C.
WIDTHS = {"A": 14, "B": 20, "C": 28, "D": 16, "E": 16, "F": 8, "G": 8, "H": 30}
EXTRA_WIDTH = 10
FONT = "宋体"  # the form's typeface; Excel and LibreOffice map it to a CJK font everywhere
RATE_FORMAT = "0.00%"  # 执行率 as the form prints it: 99.00%


def execution_rate_formula(column: str) -> str:
    """The 执行率 cell (G6) of a table not scored: 全年执行数 (E6) over the budget in
    ``column`` (D: 全年预算数; C: 年初预算数), computed by Excel or LibreOffice when the file
    opens and again as the amounts are typed; empty while that budget is not a number above 0."""
    return f'=IF(N({column}6)>0,E6/{column}6,"")'


def cell_value(raw):
    """A filed value as a cell holds it: numbers as numbers (a Decimal as an int when whole,
    else a float), text as text; a table-form target ``{op, value, unit}`` as the text
    ``op value unit``; None stays empty."""
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


# What XML 1.0, the text of an .xlsx, cannot hold: control characters other than tab and line
# breaks, lone surrogates, U+FFFE and U+FFFF. openpyxl refuses the first in a cell and writes
# the others (and anything in a comment) into a file that does not open.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unwritable(text: str) -> str | None:
    """Why a workbook cannot hold ``text``, or None when it can."""
    found = NOT_IN_XML.search(text)
    if found is None:
        return None
    code = ord(found.group())
    if code < 0x20:
        kind = _("a control character")
    else:
        kind = _("half of a UTF-16 pair") if code < 0xE000 else _("a noncharacter")
    return _("«{text}» holds {code}, {kind}, which a workbook cannot hold").format(
        text=visible(text, found.start()), code=f"U+{code:04X}", kind=kind
    )


def visible(text: str, at: int = 0) -> str:
    """The part of ``text`` around position ``at`` to quote in a message (MAX_QUOTED
    characters at most), what cannot be shown escaped (:func:`scoring.inert.terminal`)."""
    from ..limits import MAX_QUOTED

    start = max(0, min(at - MAX_QUOTED // 2, len(text) - MAX_QUOTED))
    part = text[start : start + MAX_QUOTED]
    from ..inert import terminal

    shown = terminal(part, lines=False)
    return ("…" if start else "") + shown + ("…" if start + MAX_QUOTED < len(text) else "")


def refuse_unwritable_text(data: Any, where: str = "") -> None:
    """Every text of the evaluation ``data`` a workbook can hold; else an InputError naming each
    one that cannot, by key path (the caller adds the file, and the cell it was read from)."""
    from ..errors import InputError, Problem
    from ..limits import MAX_PROBLEMS

    problems = [
        Problem(reason, path or None, _("remove the character from the input file, and run again"))
        for path, reason in _unwritable_texts(data, where)
    ]
    if problems:
        first = problems[0]
        raise InputError(first.message, first.where, first.hint, problems=problems[:MAX_PROBLEMS])


def _unwritable_texts(data: Any, where: str):
    """(key path, why) of each text in ``data`` a workbook cannot hold."""
    if isinstance(data, str):
        if (reason := unwritable(data)) is not None:
            yield where, reason
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _unwritable_texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            yield from _unwritable_texts(value, f"{where}[{index}]")


def put(sheet, row: int, column: int, value):
    """Write ``value`` at (row, column); text stays text — ``=8个`` is never a formula."""
    if value is None:
        return None
    if isinstance(value, str) and (reason := unwritable(value)) is not None:
        from openpyxl.utils import get_column_letter

        from ..errors import InputError

        raise InputError(
            reason,
            _("{cell} of the workbook written").format(
                cell=f"{sheet.title}!{get_column_letter(column)}{row}"
            ),
            _("remove the character from the input file or rule set, and run again"),
        )
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def styles():
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "font": Font(name=FONT, size=10),
        "bold": Font(name=FONT, size=10, bold=True),
        "title": Font(name=FONT, size=16, bold=True),
        "wrap": Alignment(wrap_text=True, vertical="center"),
        "centre": Alignment(wrap_text=True, vertical="center", horizontal="center"),
    }


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


def _get(mapping: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` in the file's data, None where it has none."""
    for key in path:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def write_table(
    sheet, *, title, year, year_title, name, department_name, raw, where, execution=None
) -> dict:
    """One 自评表 on ``sheet``, as filed; returns the cell of each value by key path.

    ``execution``: the table's scored 预算执行率 row (an ``ExecutionResult``), whose 分值 (the
    rule set's) and 执行率 the form then shows; without it the 分值 is left blank and the 执行率
    is a formula of the amounts filed (see :func:`execution_rate_formula`)."""
    from openpyxl.utils import get_column_letter

    style = styles()
    indicators = raw.get("indicators", [])
    budget = raw.get("budget", {})
    extra = []
    if any("deduction" in ind for ind in indicators):
        extra.append(DEDUCTION_COLUMN)
    if any(ind.get("applicable") is False for ind in indicators):
        extra.append(APPLICABLE_COLUMN)
    columns = {text: 9 + i for i, text in enumerate(extra)}
    last_column = 8 + len(extra)
    labels: list[tuple[int, int]] = []
    centred: list[tuple[int, int]] = []
    at: dict[str, str] = {}

    def value(row: int, column: int, raw_value, key: str | None = None, centre=False):
        if key is not None:
            at[key] = f"{get_column_letter(column)}{row}"
        if put(sheet, row, column, raw_value) is not None and centre:
            centred.append((row, column))

    def label(row: int, column: int, text: str):
        put(sheet, row, column, text)
        labels.append((row, column))

    sheet["A1"] = title
    sheet["A1"].font = style["title"]
    sheet["A1"].alignment = style["centre"]
    sheet.merge_cells(f"A1:{get_column_letter(last_column)}1")
    if year_title:
        sheet["A2"] = f"（{year}年度）"
        sheet["A2"].alignment = style["centre"]
        sheet.merge_cells(f"A2:{get_column_letter(last_column)}2")

    label(3, 1, "项目名称")
    value(3, 2, name, where)
    label(4, 1, "主管部门")
    value(4, 2, department_name)
    label(4, 5, "实施单位")
    value(4, 6, department_name)

    label(5, 1, "项目资金（万元）")
    for column, text in zip(
        range(3, 9), ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    ):
        label(5, column, text)
    label(6, 2, "年度资金总额")
    value(6, 3, cell_value(budget.get("planned")), f"{where}.budget.planned")
    value(6, 4, cell_value(budget.get("adjusted")), f"{where}.budget.adjusted")
    value(6, 5, cell_value(budget.get("spent")), f"{where}.budget.spent")
    at[f"{where}.budget"] = "E6"
    if execution is not None:  # the rule set's 分值, and the rate the review scored
        put(sheet, 6, 6, number(execution.weight))
        put(sheet, 6, 7, rate4(execution.rate))
    else:  # 全年执行数 / 全年预算数, or / 年初预算数 when that is all the table gives
        value(6, 6, cell_value(budget.get("weight")), f"{where}.budget.weight")
        only_planned = "planned" in budget and "adjusted" not in budget
        sheet["G6"] = execution_rate_formula("C" if only_planned else "D")
    sheet["G6"].number_format = RATE_FORMAT
    value(6, 8, cell_value(budget.get("score")), f"{where}.budget.score")
    label(7, 2, "资金偏差原因")
    value(7, 3, budget.get("reason") or None, f"{where}.budget.reason")

    label(8, 1, "年度总体目标")
    label(8, 2, "预期目标")
    label(8, 6, "实际完成情况")
    value(9, 2, raw.get("goal") or None, f"{where}.goal")
    value(9, 6, raw.get("result") or None, f"{where}.result")

    for column, text in enumerate((*grid_titles(chinese=True), REASON_COLUMN), start=1):
        label(GRID_HEADER_ROW, column, text)
    for text, column in columns.items():
        label(GRID_HEADER_ROW, column, text)
    at[f"{where}.indicators"] = f"A{GRID_HEADER_ROW}"
    for index, ind in enumerate(indicators):
        row = FIRST_INDICATOR_ROW + index
        key = f"{where}.indicators[{index}]"
        value(row, 1, ind.get("level1"), f"{key}.level1", centre=True)
        value(row, 2, ind.get("level2"), f"{key}.level2", centre=True)
        value(row, 3, ind.get("name"), key)
        value(row, 4, cell_value(ind.get("target")), f"{key}.target")
        value(row, 5, cell_value(ind.get("actual")), f"{key}.actual")
        value(row, 6, cell_value(ind.get("weight")), f"{key}.weight")
        value(row, 7, cell_value(ind.get("score")), f"{key}.score")
        value(row, 8, ind.get("reason") or None, f"{key}.reason")
        if DEDUCTION_COLUMN in columns:
            value(
                row, columns[DEDUCTION_COLUMN], cell_value(ind.get("deduction")), f"{key}.deduction"
            )
        if APPLICABLE_COLUMN in columns and ind.get("applicable") is False:
            value(row, columns[APPLICABLE_COLUMN], "否", f"{key}.applicable", centre=True)
    last_indicator = FIRST_INDICATOR_ROW + len(indicators) - 1

    total_row = last_indicator + 1
    label(total_row, 1, "总分")
    # the table's own 预算执行率 row among its indicators is the execution row (F6), not a
    # second one: the 总分's 分值 counts it once
    counted = [ind for ind in indicators if not _the_execution_row(ind)]
    weights = [_points(ind["weight"]) if "weight" in ind else None for ind in counted]
    filled = [w for w in weights if w is not None]
    if counted and len(filled) == len(weights) and execution is not None:
        put(sheet, total_row, 6, number(sum(filled, execution.weight)))
    value(total_row, 7, cell_value(raw.get("score")), f"{where}.score")
    at.setdefault(f"{where}.score", f"G{total_row}")
    grade_row = total_row + 1
    label(grade_row, 1, "自评等级")
    value(grade_row, 7, raw.get("grade"), f"{where}.grade", centre=True)
    at.setdefault(f"{where}.grade", f"G{grade_row}")
    last_row = grade_row
    if raw.get("weights_reason"):
        last_row = grade_row + 1
        label(last_row, 1, "分值调整说明")
        value(last_row, 2, raw["weights_reason"], f"{where}.weights_reason")

    merges = ["B3:H3", "B4:D4", "F4:H4", "A5:A7", "C7:H7", "A8:A9", "B8:E8", "F8:H8"]
    merges += ["B9:E9", "F9:H9"]
    if raw.get("weights_reason"):
        merges.append(f"B{last_row}:H{last_row}")
    merges += _runs([(ind.get("level1"),) for ind in indicators], "A")
    merges += _runs([(ind.get("level1"), ind.get("level2")) for ind in indicators], "B")
    for cells in merges:
        sheet.merge_cells(cells)

    for row in range(3, last_row + 1):
        for column in range(1, last_column + 1):
            cell = sheet.cell(row=row, column=column)
            cell.border = style["border"]
            cell.alignment = style["wrap"]
            cell.font = style["font"]
    for row, column in centred:
        sheet.cell(row=row, column=column).alignment = style["centre"]
    for row, column in labels:
        sheet.cell(row=row, column=column).font = style["bold"]
        sheet.cell(row=row, column=column).alignment = style["centre"]
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    for column in range(9, last_column + 1):
        sheet.column_dimensions[get_column_letter(column)].width = EXTRA_WIDTH
    # merged text that wraps needs a row tall enough for it: the goals, the weights' reason
    fit_row(sheet, 9, [(raw.get("goal"), 48), (raw.get("result"), 40)])
    if raw.get("weights_reason"):
        fit_row(sheet, last_row, [(raw["weights_reason"], 120)])
    for index, ind in enumerate(indicators):
        fit_row(
            sheet,
            FIRST_INDICATOR_ROW + index,
            [(ind.get("name"), WIDTHS["C"]), (ind.get("reason"), WIDTHS["H"])],
        )
    print_as_form(sheet, title_rows=f"{GRID_HEADER_ROW}:{GRID_HEADER_ROW}")
    return at


def fit_row(sheet, row: int, texts: list[tuple[object, float]]) -> None:
    """A row tall enough for wrapped text: each (text, width in characters) needs a line per
    width's worth of characters, a CJK character counting two."""
    import math

    from rich.cells import cell_len

    lines = 1
    for text, width in texts:
        if text:
            lines = max(lines, math.ceil(cell_len(str(text)) / max(width, 1)))
    if lines > 1:
        sheet.row_dimensions[row].height = 14 * lines + 4


def _runs(keys: list[tuple], letter: str) -> list[str]:
    """Merged ranges over each run of two or more consecutive rows with the same key."""
    ranges = []
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            if index - start > 1 and None not in keys[start]:  # blank rows are not one label
                first = FIRST_INDICATOR_ROW + start
                ranges.append(f"{letter}{first}:{letter}{first + index - start - 1}")
            start = index
    return ranges


def print_as_form(sheet, title_rows: str | None = None) -> None:
    """Print as the form is printed: A4 landscape, one page wide, the used range, the grid's
    header on every page."""
    from openpyxl.utils import get_column_letter

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_area = f"A1:{get_column_letter(max(sheet.max_column, 1))}{max(sheet.max_row, 1)}"
    if title_rows:
        sheet.print_title_rows = title_rows


def _the_execution_row(ind: dict) -> bool:
    """Whether a row of the data is the table's 预算执行率 row, as the loader reads it."""
    from ..loader import names_the_execution_row

    name = ind.get("name")
    return (
        isinstance(name, str)
        and ind.get("applicable") is not False
        and names_the_execution_row(name)
    )


def write_department(sheet, department: dict) -> dict:
    """The 部门 sheet: label | value from A2; returns the cell of each value."""
    style = styles()
    sheet["A1"] = "部门整体情况"
    sheet["A1"].font = style["title"]
    sheet["A1"].alignment = style["centre"]
    sheet.merge_cells("A1:B1")
    at = {"department": "B2"}
    for row, (text, path) in enumerate(DEPARTMENT_ROWS, start=2):
        put(sheet, row, 1, text)
        sheet.cell(row=row, column=1).font = style["bold"]
        raw = _get(department, path)
        if isinstance(raw, str) and not raw.strip():
            raw = None
        put(sheet, row, 2, cell_value(raw))
        at["department." + ".".join(path)] = f"B{row}"
        for column in (1, 2):
            cell = sheet.cell(row=row, column=column)
            cell.border = style["border"]
            cell.alignment = style["wrap"]
            if column == 2:
                cell.font = style["font"]
    at["department.budget"] = at["department.budget.spent"]
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 40
    print_as_form(sheet)
    return at


def tables(data: dict):
    """(sheet name, title, where, raw table) of each table of the evaluation ``data``."""
    department = data["department"]
    for index, project in enumerate(data.get("projects", [])):
        yield f"项目{index + 1}", PROJECT_TITLE, f"projects[{index}]", project
    if "indicators" in department:
        yield OWN_TABLE_SHEET, DEPARTMENT_TITLE, "department", department


def form_workbook(data: dict, year_title: bool = True, executions: dict | None = None):
    """The evaluation ``data`` (the structure of ``scoring schema evaluation``) as filed, and
    where each value went: key path → ``sheet!cell``.

    With ``year_title=False`` row 2 of each table (``（2023年度）``) is left empty, as on forms
    that print no year; the year is still on the 部门 sheet. ``executions``: each table's scored
    预算执行率 row (an ``ExecutionResult``, by the table's key path, ``projects[0]``), whose
    分值 is a rule set's, which the data does not carry; without them the execution row's 分值
    and the 总分's are left blank (a total of the indicators' alone would not add up with it),
    and its 执行率 is a formula of the amounts filed."""
    from openpyxl import Workbook

    workbook = Workbook()
    if (initial := workbook.active) is not None:  # the sheet a new workbook comes with
        workbook.remove(initial)
    department = data["department"]
    sheet = workbook.create_sheet(DEPARTMENT_SHEET)
    locations = {
        key: f"{sheet.title}!{cell}" for key, cell in write_department(sheet, department).items()
    }
    for sheet_name, title, where, raw in tables(data):
        sheet = workbook.create_sheet(sheet_name)
        cells = write_table(
            sheet,
            title=title,
            year=department.get("year"),
            year_title=year_title,
            name=raw.get("name"),
            department_name=department.get("name"),
            raw=raw,
            where=where,
            execution=(executions or {}).get(where),
        )
        locations.update({key: f"{sheet_name}!{cell}" for key, cell in cells.items()})
    return workbook, locations
