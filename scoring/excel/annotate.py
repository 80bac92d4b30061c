"""The review added to a workbook that holds an evaluation, wherever its values are.

One overlay for the unit's own workbook and for the tool's own layout: given the cell of each
filed value (key path → ``sheet!cell``), it adds two columns to the right of each table sheet —
复核得分 (the computed 执行率 row's and each row's 得分, the 总分) and 复核意见 (the filed value
where it differs, the method) — colours the cells a finding is about by its severity, with a
comment giving the finding and the rule and arithmetic, and adds the sheets 汇总 (the
department, the projects, their scores and grades) and 复核发现 (every finding, its 位置 the
cell, a link to it). Nothing the unit filed is changed or moved; every added cell is text or a
number, never a formula. Every sheet is set to print one page wide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .. import labels
from ..errors import cell_of_finding
from ..result import Finding, Result, number, rate4
from ..review import ScoreRow
from ..values import format_decimal as fmt
from ..values import percent
from .form import FONT, fit_row, print_as_form, put
from .layout import FINDINGS_SHEET, REVIEW_TITLES, SUMMARY_SHEET

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
SEVERITY_ORDER = ("error", "warning", "info")
AUTHOR = "scoring"
# Where the review's words begin in a comment the unit had already written on the cell.
SEPARATOR = "\n—— 复核 ——\n"

if TYPE_CHECKING:
    from openpyxl import Workbook


def finding_cell(finding: Finding, locations: dict) -> str | None:
    """The cell a finding is about (see :func:`scoring.errors.cell_of_finding`)."""
    return cell_of_finding(finding.code, finding.where, locations)


def _split(location: str) -> tuple[str, str]:
    """``表.xlsx!项目1!G14`` or ``项目1!G14`` → (``项目1``, ``G14``)."""
    sheet, cell = location.rsplit("!", 2)[-2:]
    return sheet, cell


def _row(cell: str) -> int:
    return int("".join(ch for ch in cell if ch.isdigit()))


@dataclass
class _Overlay:
    """The workbook being annotated: its review columns by sheet, the worst severity by cell,
    and the comments to attach."""

    workbook: Workbook
    columns: dict[str, int] = field(default_factory=dict)  # sheet title → first review column
    worst: dict[tuple[str, str], str] = field(default_factory=dict)  # (sheet, cell) → severity
    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (sheet, cell) → [text]
    # by sheet title: the first cell of the merged range that covers each other cell of it
    firsts: dict[str, dict[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)

    def column(self, sheet_title: str) -> int:
        """The first review column: after the last column holding a value (a sheet formatted
        out to column Z does not push the review off the page)."""
        if sheet_title not in self.columns:
            sheet = self.workbook[sheet_title]
            used = [c.column for row in sheet.iter_rows() for c in row if c.value is not None]
            self.columns[sheet_title] = max(used, default=0) + 1
        return self.columns[sheet_title]

    def write(self, location: str, score, remark: str, explanation: str = "") -> tuple[str, str]:
        """Write the review of the row holding ``location``: ``score`` a computed score (a
        Decimal, shown to the places the rule set rounded it to: 19.00 beside 14.21) or a
        method's name; returns the 复核得分 cell."""
        from openpyxl.utils import get_column_letter

        title, cell = _split(location)
        sheet = self.workbook[title]
        row = _row(cell)
        first = self.column(title)
        put(sheet, row, first, number(score) if isinstance(score, Decimal) else score)
        put(sheet, row, first + 1, remark or None)
        for column in (first, first + 1):
            _style(sheet.cell(row=row, column=column))
        if isinstance(score, Decimal):
            sheet.cell(row=row, column=first).number_format = places_format(score)
        if explanation:
            self.notes.setdefault((title, f"{get_column_letter(first)}{row}"), []).append(
                explanation
            )
        return title, f"{get_column_letter(first)}{row}"

    def head(self, location: str, row_offset: int = 0) -> None:
        """The review columns' titles on the row of ``location`` (a header row), when free."""
        title, cell = _split(location)
        sheet = self.workbook[title]
        row = _row(cell) + row_offset
        if row < 1:
            return
        first = self.column(title)
        for offset, text in enumerate(REVIEW_TITLES):
            target = sheet.cell(row=row, column=first + offset)
            if target.value is None:
                put(sheet, row, first + offset, text)
                _style(target, bold=True)

    def mark(self, key: tuple[str, str], severity: str, text: str | None = None) -> None:
        known = self.worst.get(key)
        if known is None or SEVERITY_ORDER.index(severity) < SEVERITY_ORDER.index(known):
            self.worst[key] = severity
        if text:
            self.notes.setdefault(key, []).append(text)


# By workbook: the indexes of the review's font, alignment and border in its lists of styles,
# plain and bold. openpyxl finds a style's index by hashing it field by field each time one is
# set, about 90 µs a cell; a workbook given back with a thousand review cells spent a quarter
# of its time there. Setting the indexes gives each cell the same style, at no cost.
_REVIEW_STYLES: WeakKeyDictionary = WeakKeyDictionary()


def _style(cell, bold: bool = False) -> None:
    """A review cell's style: the form's font at 10 points (bold for titles), wrapped, centred
    vertically, with thin borders. Its number format is left as it is."""
    styles = _REVIEW_STYLES.setdefault(cell.parent.parent, {})
    indexes = styles.get(bold)
    if indexes is not None:
        if cell._style is None:  # as openpyxl's own setters do for a cell without a style
            from openpyxl.styles.cell_style import StyleArray

            cell._style = StyleArray()
        cell._style.fontId, cell._style.alignmentId, cell._style.borderId = indexes
        return
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    cell.font = Font(name=FONT, size=10, bold=bold)
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    styles[bold] = (cell._style.fontId, cell._style.alignmentId, cell._style.borderId)


def _tables(result: Result):
    """(key path, scored table) of each table of the result."""
    for table in result.projects:
        yield table.where, table
    if result.department.table is not None:
        yield "department", result.department.table


def annotate(workbook, result: Result, locations: dict) -> None:
    """Add the review of ``result`` to ``workbook``, whose values are at ``locations``."""
    unreview(workbook)
    overlay = _Overlay(workbook)
    review = {row.where: row for row in result.review}
    for where, table in _tables(result):
        _review_table(overlay, locations, review, where, table)
    for finding in result.findings:
        location = finding_cell(finding, locations)
        if location is None or finding.severity not in FILLS:
            continue
        sheet, cell = _split(location)
        if sheet in workbook.sheetnames:
            said = f"{labels.severity(finding.severity, chinese=True)}：{finding.message}"
            overlay.mark((sheet, cell), finding.severity, said)
            if sheet in overlay.columns:
                from openpyxl.utils import get_column_letter

                review_cell = f"{get_column_letter(overlay.columns[sheet])}{_row(cell)}"
                overlay.mark((sheet, review_cell), finding.severity)
    _paint(overlay)
    for title, first in overlay.columns.items():
        from openpyxl.utils import get_column_letter

        sheet = workbook[title]
        for offset, width in enumerate((11, 34)):
            sheet.column_dimensions[get_column_letter(first + offset)].width = width
        print_as_form(
            sheet, title_rows=sheet.print_title_rows or _title_rows(workbook, title, locations)
        )
        sheet.print_area = f"A1:{get_column_letter(first + 1)}{_last_row(sheet)}"
    for sheet in workbook.worksheets:
        if sheet.title not in overlay.columns and sheet.sheet_state == "visible":
            print_as_form(sheet, title_rows=sheet.print_title_rows)
    findings = _findings_sheet(workbook, result, locations)
    summary = _summary_sheet(workbook, result)
    workbook.move_sheet(findings, offset=-workbook.index(findings))
    workbook.move_sheet(summary, offset=-workbook.index(summary))
    workbook.active = 0


def _review_table(overlay, locations, review, where, table) -> None:
    """The 复核得分 and 复核意见 of one table's rows; a filed value is said to differ where the
    review row says so (``review``: key path → row), as every view does."""
    execution = table.execution
    budget_at = locations.get(f"{where}.budget")
    if budget_at:
        planned_at = locations.get(f"{where}.budget.planned") or budget_at
        overlay.head(planned_at, row_offset=-1)
        remark = f"执行率 {percent(execution.rate)}" + _differs(
            review.get(f"{where}.budget.score"), execution.score
        )
        overlay.write(budget_at, execution.score, remark, execution.explanation)
    header_at = locations.get(f"{where}.indicators")
    if header_at:
        overlay.head(header_at)
    for row in table.indicators:
        at = locations.get(row.where)
        if at is None:
            continue
        if not row.applicable:
            overlay.write(at, labels.method(row.method, chinese=True), "", row.explanation)
            continue
        remark = labels.method(row.method, chinese=True) + _differs(
            review.get(f"{row.where}.score"), row.score
        )
        overlay.write(at, row.score, remark, row.explanation)
    total_at = locations.get(f"{where}.score")
    if total_at:
        remark = f"等级 {table.grade}" + _differs(review.get(f"{where}.score"), table.score)
        grade = review.get(f"{where}.grade")
        if grade is not None and not grade.agrees:
            remark += f"；自评等级 {grade.filed}"
        overlay.write(total_at, table.score, remark, table.explanation)


def _differs(row, computed) -> str:
    """The filed value beside the computed one, where the review found them different."""
    if row is None:
        return ""
    if row.agrees:
        return "；与自评一致"
    note = f"（{row.note}）" if row.note else ""
    return f"；自评 {fmt(row.filed)}，按规则 {computed}{note}"


def places_format(value: Decimal) -> str:
    """The number format that shows ``value`` to its own places, as the rule set rounded it:
    ``0.00`` for 94.50 and for 40.00, ``0`` for a whole-point score."""
    places = max(0, -int(value.as_tuple().exponent))
    return "0." + "0" * places if places else "0"


def _paint(overlay: _Overlay) -> None:
    """Fills and comments, on the first cell of a merged range; a comment the unit wrote on
    the cell is kept, the review's words after it."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    for (title, cell), severity in overlay.worst.items():
        colour = FILLS[severity]
        target = _anchor(overlay, title, cell)
        target.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
    for (title, cell), texts in overlay.notes.items():
        target = _anchor(overlay, title, cell)
        text = "\n".join(dict.fromkeys(texts))
        if target.comment is not None and target.comment.author != AUTHOR:
            text = target.comment.text.rstrip() + SEPARATOR + text
        comment = Comment(text, AUTHOR)
        comment.width = 320
        comment.height = min(60 + 16 * text.count("\n") + len(text) // 2, 400)
        target.comment = comment


def _anchor(overlay: _Overlay, title: str, coordinate: str):
    """The cell that holds the value and style of the cell at ``coordinate``: the first of the
    merged range that covers it, or itself. The merged ranges of a sheet are looked through once,
    into a table, and only when a covered cell is asked for: a sheet may have 50,000 of them."""
    from openpyxl.cell.cell import MergedCell

    sheet = overlay.workbook[title]
    cell = sheet[coordinate]
    if not isinstance(cell, MergedCell):  # not covered, or the first cell of its range
        return cell
    if title not in overlay.firsts:
        overlay.firsts[title] = {
            (row, column): (merged.min_row, merged.min_col)
            for merged in sheet.merged_cells.ranges
            for row in range(merged.min_row, merged.max_row + 1)
            for column in range(merged.min_col, merged.max_col + 1)
        }
    first = overlay.firsts[title].get((cell.row or 0, cell.column or 0))
    return cell if first is None else sheet.cell(*first)


def _last_row(sheet) -> int:
    used = [c.row for row in sheet.iter_rows() for c in row if c.value is not None]
    return max(used, default=1)


def _title_rows(workbook, title: str, locations: dict) -> str | None:
    """The grid's header rows, repeated on each printed page, for a sheet with one table."""
    headers = _rows_at(locations, title, ".indicators")
    if len(headers) != 1:
        return None
    row = headers.pop()
    # a header of two rows (评分 over 分值 | 得分): its first indicator two rows below it, and
    # titles on the row between (not a heading row of 产出指标 alone)
    firsts = _rows_at(locations, title, ".indicators[0]")
    last = row + 1 if firsts == {row + 2} and _titled(workbook[title], row + 1) else row
    return f"{row}:{last}"


def _rows_at(locations: dict, title: str, ending: str) -> set[int]:
    """The rows of sheet ``title`` holding the values whose key paths end with ``ending``."""
    return {
        _row(cell)
        for key, location in locations.items()
        if key.endswith(ending)
        for sheet, cell in [_split(location)]
        if sheet == title
    }


def _titled(sheet, row: int) -> bool:
    """Whether ``row`` of ``sheet`` holds a title of the grid's columns (分值, 年度指标值 …)."""
    from .read import GRID_TITLES

    return any(
        isinstance(cell.value, str) and "".join(cell.value.split()) in GRID_TITLES
        for cell in sheet[row]
    )


def unreview(workbook) -> None:
    """Take away a review this tool added before: its sheets, its columns, its fills and
    comments (a comment the unit wrote keeps the unit's words)."""
    for sheet in list(workbook.worksheets):
        ours = sheet.cell(row=1, column=1).value in ("预算绩效自评复核汇总", "复核发现")
        if ours and sheet.title.startswith(("汇总", "复核")):
            workbook.remove(sheet)
    fills = {f"00{colour}" for colour in FILLS.values()} | set(FILLS.values())
    for sheet in workbook.worksheets:
        columns = {
            cell.column for row in sheet.iter_rows() for cell in row if cell.value in REVIEW_TITLES
        }
        for row in sheet.iter_rows():
            for cell in row:
                if type(cell).__name__ == "MergedCell":
                    continue
                if cell.column in columns:
                    cell.value = None
                    cell.comment = None
                    cell.fill = _no_fill()
                    cell.border = _no_border()
                elif cell.comment is not None and cell.comment.author == AUTHOR:
                    unit, _, _ = cell.comment.text.partition(SEPARATOR)
                    if SEPARATOR in cell.comment.text:
                        from openpyxl.comments import Comment

                        cell.comment = Comment(unit, "")
                    else:
                        cell.comment = None
                    if cell.fill is not None and cell.fill.fgColor.rgb in fills:
                        cell.fill = _no_fill()


def _no_fill():
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type=None)


def _no_border():
    from openpyxl.styles import Border

    return Border()


def _free_name(workbook, name: str) -> str:
    """``name``, or 复核``name`` (then a number) when the unit's workbook has a sheet so named."""
    if name not in workbook.sheetnames:
        return name
    candidate, number_ = f"复核{name}" if not name.startswith("复核") else name, 2
    while candidate in workbook.sheetnames:
        candidate = f"{name}{number_}"
        number_ += 1
    return candidate


def _findings_sheet(workbook, result: Result, locations: dict):
    """复核发现: every finding, its 位置 the cell it is about, linked."""
    from openpyxl.styles import PatternFill

    sheet = workbook.create_sheet(_free_name(workbook, FINDINGS_SHEET))
    put(sheet, 1, 1, "复核发现")
    _style(sheet.cell(row=1, column=1), bold=True)
    sheet.merge_cells("A1:E1")
    titles = ("级别", "问题", "位置", "说明", "代码")
    for column, text in enumerate(titles, start=1):
        put(sheet, 2, column, text)
        _style(sheet.cell(row=2, column=column), bold=True)
    if not result.findings:
        put(sheet, 3, 1, "无")
    for row, finding in enumerate(result.findings, start=3):
        location = finding_cell(finding, locations)
        shown = "!".join(_split(location)) if location else finding.where
        values = (
            labels.severity(finding.severity, chinese=True),
            labels.finding(finding.code, chinese=True),
            shown,
            finding.message,
            finding.code,
        )
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
            _style(sheet.cell(row=row, column=column))
        if location:
            from openpyxl.styles import Font
            from openpyxl.worksheet.hyperlink import Hyperlink

            title, cell = _split(location)
            link = sheet.cell(row=row, column=3)
            quoted = title.replace("'", "''")  # as a reference writes a name with an apostrophe
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{cell}")
            link.font = Font(name=FONT, size=10, color="0563C1", underline="single")
        colour = FILLS.get(finding.severity)
        if colour:
            sheet.cell(row=row, column=1).fill = PatternFill(
                fill_type="solid", start_color=colour, end_color=colour
            )
        fit_row(sheet, row, [(finding.message, 50)])
    for letter, width in zip("ABCDE", (8, 22, 24, 56, 24)):
        sheet.column_dimensions[letter].width = width
    print_as_form(sheet, title_rows="2:2")
    return sheet


def _summary_sheet(workbook, result: Result):
    """汇总: the department, the rule set, and each table's budget, score and grade.

    No label here reads 部门名称: a reader looks for the department's data on the sheet that
    has it, and this one comes first."""
    sheet = workbook.create_sheet(_free_name(workbook, SUMMARY_SHEET))
    department = result.department
    put(sheet, 1, 1, "预算绩效自评复核汇总")
    _style(sheet.cell(row=1, column=1), bold=True)
    sheet.merge_cells("A1:G1")
    facts = (
        ("部门", department.name),
        ("年度", department.year),
        ("得分", number(department.score)),
        ("等级", department.grade),
        ("计分方法", labels.method(department.method, chinese=True)),
        ("计分说明", department.explanation),
        ("全年预算数（万元）", number(department.execution.adjusted)),
        ("全年执行数（万元）", number(department.execution.spent)),
        ("执行率", rate4(department.execution.rate)),
        ("规则集", f"{result.ruleset.id} {result.ruleset.version} {result.ruleset.title}"),
        ("规则 SHA-256", result.ruleset.sha256),
        ("复核发现", _counts(result)),
    )
    row = 2
    for text, value in facts:
        put(sheet, row, 1, text)
        _style(sheet.cell(row=row, column=1), bold=True)
        put(sheet, row, 2, value)
        if text == "执行率":
            sheet.cell(row=row, column=2).number_format = "0.00%"
        elif text == "得分":
            sheet.cell(row=row, column=2).number_format = places_format(department.score)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=7)
        for column in range(2, 8):
            _style(sheet.cell(row=row, column=column))
        if text == "计分说明":
            fit_row(sheet, row, [(value, 90)])
        row += 1
    row += 1
    headers = ("项目名称", "全年预算数", "全年执行数", "执行率", "得分", "等级", "自评得分")
    for column, text in enumerate(headers, start=1):
        put(sheet, row, column, text)
        _style(sheet.cell(row=row, column=column), bold=True)
    review = {r.where: r for r in result.review}
    for where, table in _tables(result):
        row += 1
        own = where == "department"
        filed = review.get(f"{where}.score")
        values = (
            f"部门整体（{table.name}）" if own else table.name,
            number(table.execution.adjusted),
            number(table.execution.spent),
            rate4(table.execution.rate),
            number(table.score),
            table.grade,
            number(filed.filed) if isinstance(filed, ScoreRow) and not filed.agrees else None,
        )
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
            _style(sheet.cell(row=row, column=column))
        sheet.cell(row=row, column=4).number_format = "0.00%"
        sheet.cell(row=row, column=5).number_format = places_format(table.score)
        if isinstance(filed, ScoreRow) and not filed.agrees:
            sheet.cell(row=row, column=7).number_format = places_format(filed.filed)
    for letter, width in zip("ABCDEFG", (36, 14, 14, 10, 10, 8, 10)):
        sheet.column_dimensions[letter].width = width
    print_as_form(sheet)
    return sheet


def _counts(result: Result) -> str:
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in SEVERITY_ORDER}
    said = "，".join(f"{labels.severity(s, chinese=True)} {n}" for s, n in counts.items() if n)
    return said or "无"
