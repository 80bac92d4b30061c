"""Read the 自评表 from a workbook into an evaluation, by header words.

Real files move rows, add blank rows and notes, rename 本年财政拨款 / 当年财政拨款, put weights
in labels (``产出指标(50分)``), print percentages as numbers or text, split 年度指标值 into
sign, value and unit columns (the Sichuan template's 指标性质 and 度量单位), stack every
project's table on one sheet (published 决算 workbooks), print a system export's 年度资金总额
as 0 while the money sits in its 其中 rows, and prefix names with unit codes
(``305-某县自然资源和规划局``). So nothing is read from a fixed cell: each table is found by
its indicator grid's header, each block above it by its header words, and each column by its
title; the words of the 2020 national form and of the Sichuan 2023 form are both known.

A sheet named 部门 (or holding 部门名称) gives the department's own data; a table titled
部门整体…自评表, or on a sheet named for that form, is the department's own table; every other
table is a project. Every value read keeps its cell address in ``locations``, so an error or a
finding can say ``表.xlsx!项目1!F14``; what the reader had to assume is said in ``notes``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from ..i18n import _, ngettext
from ..model import BUDGET_LABELS, Note
from ..values import format_decimal, without_code
from ..words import listed
from .grid import Grid, column_letter, load_grids, range_name
from .layout import DEPARTMENT_ROWS, DEPARTMENT_SHEET, OWN_TABLE_SHEET, REVIEW_TITLES

# Column titles of the 绩效指标 grid, by role; the first word found wins.
GRID_COLUMNS = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "指标名称", "指标内容"),
    "op": ("指标性质", "运算符号", "符号"),
    "target": ("年度指标值", "指标值", "年度目标值", "目标值", "预期指标值", "预期目标值"),
    "unit": ("度量单位", "计量单位", "单位"),
    "actual": ("实际完成值", "全年实际值", "实际值", "完成值", "全年实际完成值", "实际完成指标值"),
    "weight": ("分值", "权重", "指标权重", "标准分值", "权重分值", "分值标准", "权重分"),
    "score": ("得分", "指标得分", "实际得分", "评分"),
    "filed": ("自评得分",),
    "reason": (
        "偏差原因分析及改进措施",
        "偏差原因分析",
        "偏差原因",
        "原因分析及改进措施",
        "未完成原因分析",
        "未完成原因",
    ),
    "deduction": ("扣减分数",),
    "applicable": ("是否适用", "适用"),
}
SUB_HEADERS = ("指标性质", "度量单位", "计量单位", "指标值")
GRID_TITLES = frozenset(word for words in GRID_COLUMNS.values() for word in words)
# 指标性质 written as a direction: a 正向 target is reached from below (≥), a 反向 one from above.
DIRECTIONS = {"正向": "≥", "正向指标": "≥", "反向": "≤", "反向指标": "≤"}
# The 项目资金 block's column titles, 2020 national form and Sichuan 2023 form.
BUDGET_COLUMNS = {
    "planned": ("年初预算数", "年初预算"),
    "adjusted": ("全年预算数", "调整后预算数", "调整后预算", "全年预算"),
    "spent": (
        "全年执行数",
        "预算执行数",
        "全年执行",
        "实际执行数",
        "执行数",
        "全年支出数",
        "实际支出数",
    ),
    "weight": ("分值", "权重"),
    "score": ("得分",),
    "filed": ("自评得分",),
    "reason": ("原因", "偏差原因", "资金偏差原因"),
}
TOTAL_ROW = ("年度资金总额", "资金总额", "合计", "总额", "总计")
GOAL_LABELS = ("预期目标", "项目年度目标", "年度目标")
RESULT_LABELS = ("实际完成情况", "年度目标完成情况", "全年实际完成情况")
TOTAL_LABELS = ("总分", "合计", "总计", "得分合计")
END_LABELS = ("分值调整说明",)
GRADE_LABELS = ("自评等级", "等级", "评价等级")
# Where a table may begin: its title, or the label of its name.
TABLE_START = re.compile(r"自评表|项目名称|部门（单位）名称|部门\(单位\)名称")
DEPARTMENT_NAME_LABELS = ("主管部门", "部门（单位）名称", "部门名称", "填报单位")
WEIGHT_IN_LABEL = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
NUMBERED = re.compile(r"^指标\s*\d+\s*[:：]\s*")  # 指标1：工程验收合格率
# The year of a table: （2023年度）, else a year not followed by a month (not 填报日期 2024年3月).
YEARS = (
    re.compile(r"((?:19|20)\d{2})\s*年\s*度"),
    re.compile(r"(?:评价|预算|自评)?年度\s*[:：]\s*((?:19|20)\d{2})(?!\d)"),  # 评价年度：2023
    re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)"),
)
# A year written in Chinese numerals (二〇二三年度), read as its digits.
CHINESE_YEAR = re.compile(
    r"[〇○零一二三四五六七八九]{4}(?=\s*年)|(?<=[:：])\s*[〇○零一二三四五六七八九]{4}"
)
CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
# A date's label and the date after it (填报日期：2024年3月15日), taken out before a year is read.
FILING_DATE = re.compile(r"(?:填报|填表|报送|编制|填写|制表)?日期\s*[:：]?\s*[\d年月日./\-\s]*")
# Labels of the form's head: a value right of one of these never runs into the next label.
FORM_LABELS = (
    "项目名称",
    "项目编码",
    "项目代码",
    "项目编号",
    "主管部门",
    "实施单位",
    "部门名称",
    "单位名称",
    "部门（单位）名称",
    "填报单位",
    "预算单位",
    "项目类型",
    "项目负责人",
    "联系人",
    "联系电话",
    "填报日期",
    "填报人",
)
SUBTOTAL_LABELS = ("小计",)
# In a label cell of the grid (一级/二级/三级指标) after a category's name: its subtotal.
SUBTOTAL_ROW_LABELS = ("小计", "合计")
# The same with the category named (产出指标小计, 效益指标合计, 产出合计, 小计（产出指标）), on a row
# without values: one with its 年度指标值 or 实际完成值 is an indicator, whatever its name
# (培训人次合计, 培训人次小计).
SUBTOTAL_NAMED = re.compile(r"(?:小计|合计|总计).*|.*(?:小计|合计|总计)")
# What a subtotal's label may carry around its words: its points (（50分）, ：50), brackets.
SUBTOTAL_DRESS = re.compile(
    r"[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]|[:：]\s*\d+(?:\.\d+)?\s*分?$|^[（(]|[)）]$"
)
AMOUNTS_IN_YUAN = re.compile(
    r"[（(]\s*(?:单位\s*[:：]?\s*)?元\s*[)）]|金额单位\s*[:：]\s*元(?!\S*万)"
)
# The 部门整体 form by name: a sheet called so (a year before it, a bracket after it), or a title.
OWN_TABLE_FORM = rf"{OWN_TABLE_SHEET}(?:支出)?(?:绩效)?"
OWN_TABLE_NAME = re.compile(
    rf"(?:(?:19|20)\d{{2}}年度?)?{OWN_TABLE_FORM}(?:自评表?|评价表?|表)?(?:[（(][^（(]*[)）])?"
)
OWN_TABLE_TITLE = re.compile(rf"{OWN_TABLE_FORM}自评表")
DEFAULT_SHEET = re.compile(r"^(?:sheet|工作表)\s*\d*$", re.IGNORECASE)
# The amounts of a 项目资金 row, as keys of a budget.
AMOUNTS = ("planned", "adjusted", "spent")
# 部门 sheet labels (without what is in brackets) to their key in the evaluation.
DEPARTMENT_LABELS = {re.sub(r"[（(].*?[)）]", "", text): path for text, path in DEPARTMENT_ROWS}


class SheetData(dict):
    """The evaluation read from a workbook, with the cell of every value it holds."""

    def __init__(
        self,
        *args: Any,
        locations: Mapping[str, str] | None = None,
        notes: Iterable[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.locations: dict[str, str] = dict(locations or {})
        self.notes: list[tuple[str, str]] = list(notes)  # (key path, what was assumed)


@dataclass
class Region:
    """One 自评表 on a sheet: its head (title, names, budget, goals) in rows [top, header),
    its indicator grid's header row, and its last row (exclusive)."""

    grid: Grid
    top: int
    header: int
    bottom: int

    def title(self) -> str:
        return " ".join(
            str(self.grid.value(r, c))
            for r in range(self.top, min(self.top + 3, self.header))
            for c in range(min(self.grid.columns, 12))
            if self.grid.value(r, c) is not None
        )


class _Reading:
    """What reading one workbook gathers besides the data: cells, notes, and formulas whose
    value the file does not carry (one error lists them all)."""

    def __init__(self, path: Path):
        self.path = path
        self.locations: dict[str, str] = {}
        self.notes: list[tuple[str, str]] = []
        self.uncached: list[Problem] = []  # cells whose formula gave no value, needed
        self.formula_errors = False  # one of them shows its error (#DIV/0!)
        # numbers typed without % beside a 度量单位 of %, a fraction or a percentage? (one error)
        self.fractions: list[Problem] = []
        self.hidden: list[str] = []  # what is hidden and not read, said
        self.department_sheet = False

    def value(self, grid: Grid, row: int, column: int, where: str, needed: bool = True):
        """A cell's value; a formula without a saved value, or showing its error (#DIV/0!), is
        an error where the value is needed, and a note where it is only filed (a filed 得分 is
        checked, never used; a 偏差原因 showing #DIV/0! is no reason) — then read as empty."""
        if (row, column) in grid.errors:
            return self._formula_error(grid, row, column, where, needed)
        if (row, column) in grid.uncached:
            said = _("{cell} holds a formula whose value was never saved in the file").format(
                cell=grid.address(row, column)
            )
            if needed:
                self.uncached.append(
                    Problem(
                        said,
                        where,
                        _(
                            "open the workbook in Excel or WPS, let it calculate, save it, and "
                            "score it again"
                        ),
                        grid.address(row, column),
                    )
                )
            else:
                self.notes.append(
                    (
                        where,
                        _(
                            "{cell} is a formula whose result was not saved in the file: read as "
                            "not filled in"
                        ).format(cell=grid.address(row, column)),
                    )
                )
        return grid.value(row, column)

    def _formula_error(self, grid: Grid, row: int, column: int, where: str, needed: bool):
        cell, error = grid.address(row, column), grid.value(row, column)
        said = _("{cell} shows {error}, the error of its formula")
        if needed:  # the message follows the cell's address: the cell named short
            short = f"{column_letter(column)}{row + 1}"
            hint = _("correct the formula or type the value, save the workbook, and score it again")
            self.uncached.append(Problem(said.format(cell=short, error=error), where, hint, cell))
            self.formula_errors = True
            return error
        said = said.format(cell=cell, error=error)
        self.notes.append((where, _("{said}: read as not filled in").format(said=said)))
        return None

    def hide(self, said: str) -> None:
        """Say, as a warning, that something hidden (a sheet, rows, columns) was not read."""
        self.hidden.append(said)
        self.notes.append(Note("projects", said, "warning"))

    def refused(self) -> Exception:
        """The error listing every cell whose formula gave no value: ``formula-error`` when one
        shows its error, ``formula-not-saved`` when each was only never calculated."""
        code = "formula-error" if self.formula_errors else "formula-not-saved"
        return InputError.from_problems(self.uncached, str(self.path), code=code)


def _note_hidden_tables(grids: list[Grid], reading: _Reading) -> None:
    """A sheet hidden in the workbook is not read: most are the lists a template's drop-downs
    draw on (指标库). One that holds a 自评表 — a project's, hidden — is said as a warning, as
    its project is left out of the department's score."""
    for grid in grids:
        if any(_is_table(region) for region in _regions(grid)):
            said = _(
                "the sheet “{sheet}” is hidden and holds a self-evaluation form: not read, so its "
                "project is not scored; unhide the sheet if it is part of the filing"
            )
            reading.hide(said.format(sheet=grid.sheet))


def _note_hidden_cells(grid: Grid, reading: _Reading) -> None:
    """Rows and columns hidden in a sheet are not read (a unit hides what it cancelled: last
    year's actuals, 旧指标（已取消）); as they may hold what should be scored, it is a warning."""
    if grid.hidden_rows:
        rows = [str(r + 1) for r in sorted(grid.hidden_rows)]
        said = ngettext(
            "the sheet “{sheet}” has content in a hidden row ({places}): not read; unhide it if "
            "it is part of the filing",
            "the sheet “{sheet}” has content in hidden rows ({places}): not read; unhide them if "
            "they are part of the filing",
            len(rows),
        )
        reading.hide(said.format(sheet=grid.sheet, places=_first_eight(rows)))
    if grid.hidden_columns:
        columns = [column_letter(c) for c in sorted(grid.hidden_columns)]
        said = ngettext(
            "the sheet “{sheet}” has content in a hidden column ({places}): not read; unhide it "
            "if it is part of the filing",
            "the sheet “{sheet}” has content in hidden columns ({places}): not read; unhide them "
            "if they are part of the filing",
            len(columns),
        )
        reading.hide(said.format(sheet=grid.sheet, places=_first_eight(columns)))


def _first_eight(places: list[str]) -> str:
    """Rows or columns listed, the first eight of them, … after them when there are more."""
    return listed(places[:8]) + ("…" if len(places) > 8 else "")


def read_workbook(path: Path) -> SheetData:
    """The built-in reader for ``.xlsx`` and ``.xls`` evaluation files."""
    path = Path(path)
    reading = _Reading(path)
    grids = load_grids(path)
    _note_hidden_tables([grid for grid in grids if not grid.shown], reading)
    grids = [grid for grid in grids if grid.shown]
    for grid in grids:
        _note_hidden_cells(grid, reading)
        _labels_simplified(grid, reading)
    try:
        return _read_shown(path, grids, reading)
    except InputError as exc:
        raise _hidden_said(exc, reading) from None


# The longest text looked at as a label in Traditional characters (a title with its year), the
# funds block's label, and how a form's title ends.
LABEL_LENGTH = 30
FUNDS_LABEL = re.compile(r"\s*项目资金\s*[（(][^）)]*[)）]\s*")
TITLE_ENDS = ("自评表", "年度）", "年度)")


# Every label and column title the reader looks for, as written in Simplified.
FORM_WORDS = GRID_TITLES.union(
    *BUDGET_COLUMNS.values(),
    TOTAL_ROW,
    GOAL_LABELS,
    RESULT_LABELS,
    TOTAL_LABELS,
    END_LABELS,
    GRADE_LABELS,
    FORM_LABELS,
    DEPARTMENT_NAME_LABELS,
    ("绩效指标", "年度总体目标"),
)


def _labels_simplified(grid: Grid, reading: _Reading) -> None:
    """A form whose labels are written in Traditional characters (項目名稱, 一級指標, 項目資金
    （萬元）, 調整後預算數, 項目支出績效自評表), all or some, read with its labels in Simplified, as
    the reader knows them, and said once per sheet; the values are read as filed (the loader
    reads 達成 as 达成, and says so)."""
    from ..values import simplified

    changed = []
    for place, value in list(grid.cells.items()):
        if not isinstance(value, str) or value.isascii() or len(value) > LABEL_LENGTH:
            continue
        plain = simplified(value)
        if plain == value:
            continue
        bare = re.sub(r"[（(][^）)]*[)）]$", "", "".join(plain.split()))
        # a label whole, the funds block's (项目资金（万元）) or a form's title — never a text of
        # the unit's that holds one (项目名称填写有误 stays as written)
        if bare in FORM_WORDS or FUNDS_LABEL.fullmatch(plain) or plain.endswith(TITLE_ENDS):
            grid.cells[place] = plain
            changed.append((value, plain))
    if changed:
        said = _(
            "the sheet 「{sheet}」's labels are written in Traditional characters: read as "
            "Simplified ({was} → {now})"
        )
        was, now = changed[0]
        reading.notes.append(("projects", said.format(sheet=grid.sheet, was=was, now=now)))


def _hidden_said(exc: InputError, reading: _Reading) -> InputError:
    """``exc`` with what is hidden and was not read added to its fixes: a refusal of a table
    whose 实际完成值 column or whose sheet is hidden is answered by unhiding it."""
    if reading.hidden:
        said = _("; ").join(reading.hidden)
        for problem in exc.problems:
            problem.hint = (
                _("{hidden}; otherwise: {fix}").format(hidden=said, fix=problem.hint)
                if problem.hint
                else said
            )
        exc.hint = exc.problems[0].hint
    return exc


def _read_shown(path: Path, grids: list[Grid], reading: _Reading) -> SheetData:
    """The evaluation the shown sheets hold (see :func:`read_workbook`)."""
    _note_a_review(grids, reading)
    regions = [region for grid in grids for region in _regions(grid)]
    _refuse_a_project_without_its_grid(grids, regions, path)
    for region in [r for r in regions if not _is_table(r)]:
        regions.remove(region)
        if _has_rows(region):
            message = _(
                "an indicator grid on the sheet 「{sheet}」 without a 项目名称 or a 项目资金 block "
                "of its own above it"
            ).format(sheet=region.grid.sheet)
            hint = _(
                "give each table its 项目名称 and 项目资金 block (several tables may follow one "
                "another on a sheet), or move these rows into the table above"
            )
            address = region.grid.address(region.header, 0)
            raise InputError(
                message,
                hint=hint,
                file=str(path),
                code="table-head-missing",
                problems=[Problem(message, None, hint, address)],
            )
        said = _(
            "the sheet “{sheet}” has an indicator header but no project name and no project funds: "
            "not a self-evaluation form, not read"
        )
        reading.notes.append(("projects", said.format(sheet=region.grid.sheet)))
    if not regions:
        raise InputError(
            _("no sheet has a 绩效指标 grid (一级指标 / 二级指标 / 三级指标 …)"),
            file=str(path),
            hint=_("each project's 自评表 needs the header row of its indicator grid"),
            code="no-table",
        )
    for region in regions:  # a form's rows under a title the reader does not know: said so
        roles, start = _columns(region.grid, region.header)
        lacking = not {"target", "actual"} <= set(roles)
        if "name" in roles and lacking and _named_rows(region, roles, start):
            _refuse_a_missing_column(region.grid, region.header, roles)
    if not any(_has_rows(region) for region in regions):
        first = regions[0]
        message = _("no indicator row is filled in: the 自评表 is blank")
        hint = _(
            "fill in the 绩效指标 rows (一级/二级/三级指标, 年度指标值, 实际完成值, 分值) and score it "
            "again"
        )
        raise InputError(
            message,
            hint=hint,
            file=str(path),
            code="table-empty",
            problems=[Problem(message, None, hint, first.grid.address(first.header, 0))],
        )
    for region in [r for r in regions if _is_blank_copy(r)]:
        regions.remove(region)
        said = _(
            "the sheet “{sheet}” holds a blank 自评表 (no 项目名称, no amounts, no indicator rows), "
            "a copy of the form never filled in: not read"
        )
        reading.notes.append(("projects", said.format(sheet=region.grid.sheet)))
    own = [r for r in regions if _is_own_table(r)]
    projects = [r for r in regions if r not in own]
    department_grid = next((g for g in grids if _is_department_sheet(g) and not _regions(g)), None)
    data: dict = {"department": {}}
    read_projects = [
        _read_table(region, f"projects[{index}]", reading) for index, region in enumerate(projects)
    ]
    if read_projects:
        data["projects"] = read_projects
    department = data["department"]
    if department_grid is not None:
        reading.department_sheet = True
        department.update(_read_department(department_grid, reading))
    if own:
        on_sheet = {k: v for k, v in reading.locations.items() if k.startswith("department.")}
        table = _read_table(own[0], "department", reading)
        department.setdefault("name", table["name"])
        department["budget"] = _own_budget(
            department.get("budget"), table["budget"], on_sheet, reading
        )
        department["indicators"] = table["indicators"]
        for key in ("goal", "result", "weights_reason", "score", "grade"):
            if key in table:
                department.setdefault(key, table[key])
                if (
                    f"department.{key}" not in reading.locations
                    and "department" in reading.locations
                ):
                    reading.locations[f"department.{key}"] = reading.locations["department"]
    if reading.uncached:
        raise reading.refused()
    if reading.fractions:  # each named as the form names it: 第 1 个项目 · 第 2 项指标「…」
        refused = InputError.from_problems(reading.fractions, str(path), code="percent-ambiguous")
        raise refused.in_file(str(path), reading.locations, data)
    _complete_department(department, projects or own, read_projects, reading, path)
    if reading.uncached:  # the department's name taken from a cell showing #N/A
        raise reading.refused()
    return SheetData(data, locations=reading.locations, notes=reading.notes)


def _note_a_review(grids: list[Grid], reading: _Reading) -> None:
    """A workbook scoring reviewed (``-f xlsx``) reads back as the unit's form, the review left
    out; said, so that a reviewer who finds it among the units' files knows it for a copy
    returned, not a unit's own filing. Known by the review's two columns side by side on a
    table's sheet (its sheets may have been renamed or deleted since)."""
    first, second = REVIEW_TITLES
    for grid in grids:
        if any(
            value == first and grid.value(row, column + 1) == second
            for (row, column), value in grid.cells.items()
        ):
            said = _(
                "this workbook holds a review scoring added (the columns {columns}): read as "
                "the unit's form, the review left out"
            ).format(columns=" / ".join(REVIEW_TITLES))
            reading.notes.append(("department", said))
            return


# --- where the tables are ----------------------------------------------------------------------


def _has_funds_block(grid: Grid) -> bool:
    """A 项目资金 label in the sheet's head: a project's form, not a list of projects (a review's
    汇总 sheet has a 项目名称 column, and no funds block)."""
    return any(
        re.sub(r"\s+", "", grid.text(row, column)).startswith("项目资金")
        for row in range(min(grid.rows, 40))
        for column in range(min(grid.columns, 12))
    )


def _refuse_a_project_without_its_grid(
    grids: list[Grid], regions: list[Region], path: Path
) -> None:
    """A sheet that is a project's form (a 项目名称 label and a 项目资金 block) but has no
    indicator grid header the reader knows: its rows cannot be found, and leaving the project out would score
    the department on the others without a word. Refused, naming the sheet and the label."""
    with_grid = {id(region.grid) for region in regions}
    for grid in grids:
        if id(grid) in with_grid or _is_department_sheet(grid):
            continue
        found = next(
            (
                (row, column)
                for row in range(min(grid.rows, 40))
                for column in range(min(grid.columns, 12))
                if re.sub(r"\s+", "", grid.text(row, column)) in ("项目名称", "项目名称：")
            ),
            None,
        )
        if found is None or not _has_funds_block(grid):
            continue
        message = _(
            "the sheet “{sheet}” names a project (项目名称) but has no indicator grid: no row "
            "holds the header 一级指标 / 二级指标 / 三级指标 / 年度指标值 / 实际完成值"
        ).format(sheet=grid.sheet)
        hint = _(
            "restore the header row of its 绩效指标 grid as on the form (一级指标, 二级指标, "
            "三级指标, 年度指标值, 实际完成值, 分值, 得分), or delete the sheet if it is not a project"
        )
        address = grid.address(*found)
        raise InputError(
            message,
            hint=hint,
            file=str(path),
            code="grid-header-missing",
            problems=[Problem(message, None, hint, address)],
        )


def _grid_headers(grid: Grid) -> list[int]:
    """Every row that heads a 绩效指标 grid: 一级指标 and a name column (三级指标, 指标名称).
    A header of two rows (titles merged down over 指标性质 | 指标值) is one header."""
    rows = [row for row in range(grid.rows) if _grid_headers_at(grid, row)]
    return [row for row in rows if row - 1 not in rows]


def _regions(grid: Grid) -> list[Region]:
    """The tables on a sheet, in order. Each runs from where it begins — its title or name,
    after the previous table's indicator rows — to where the next one begins."""
    headers = _grid_headers(grid)
    tops = [0]
    for previous, header in itertools.pairwise(headers):
        rows_end = _rows_end(grid, previous)
        start = next(
            (
                row
                for row in range(rows_end, header)
                if any(TABLE_START.search(t) for t in grid.row_texts(row))
            ),
            header,
        )
        tops.append(start)
    bottoms = [*tops[1:], grid.rows]
    return [
        Region(grid, top, header, bottom) for top, header, bottom in zip(tops, headers, bottoms)
    ]


def _rows_end(grid: Grid, header: int) -> int:
    """The first row after a grid's indicator rows: its 总分, 等级 or 分值调整说明 row, or the
    next table's title or name."""
    for row in range(header + 2, grid.rows):
        texts = grid.row_texts(row)
        first = next((t for t in texts if t), "")
        if _ends_the_rows(grid, row, first, grid.rows):
            return row
        if any(TABLE_START.search(t) for t in texts) or _grid_headers_at(grid, row):
            return row
    return grid.rows


def _ends_the_rows(grid: Grid, row: int, first: str, limit: int) -> bool:
    """Whether ``row``, whose first text is ``first``, ends a grid's indicator rows: its 总分,
    等级 or 分值调整说明. A 合计 or 总计 is the total only when no other total row with a
    number (总分 | 100 | 97, 总计 | 97) follows it before ``limit`` — one that does makes it a
    category's subtotal (合计 above the 总分 row, a Sichuan form's 合计 by category), skipped;
    a line of words (总分 | 90分以上为优) is no total row."""
    if first in GRADE_LABELS or first in END_LABELS or first == "总分":
        return True
    if first not in TOTAL_LABELS:
        return False
    for later in range(row + 1, limit):
        texts = grid.row_texts(later)
        if any(TABLE_START.search(t) for t in texts) or _grid_headers_at(grid, later):
            return True  # the next table: nothing of this one follows
        if next((t for t in texts if t), "") in TOTAL_LABELS and any(
            isinstance(grid.value(later, c), Decimal) for c in range(grid.columns)
        ):
            return False
    return True


def _grid_headers_at(grid: Grid, row: int) -> bool:
    texts = grid.row_texts(row)
    return any(t.startswith("一级指标") for t in texts) and any(
        t.startswith(GRID_COLUMNS["name"]) for t in texts
    )


def _is_table(region: Region) -> bool:
    """A 自评表 has a 项目资金 block or a name above its grid; an indicator library has
    neither."""
    words = {
        re.sub(r"[（(].*?[)）]", "", t)
        for row in range(region.top, region.header)
        for t in region.grid.row_texts(row)
    }
    spent = any(word in words for word in BUDGET_COLUMNS["spent"])
    return spent or bool(words & {"项目名称", "部门名称", "单位名称"})


def _is_blank_copy(region: Region) -> bool:
    """A 自评表 nothing was filled in: no 项目名称, no amount in its 项目资金 block, no named row
    (a sheet 项目2 copied from the template and left). The form's own 分值 and formulas do not
    count: they came with it."""
    if _has_rows(region) or _labelled(region, ("项目名称",)) is not None:
        return False
    grid = region.grid
    for row, columns, end in _budget_headers(region):
        amounts = _amount_columns(columns)
        data_row = _budget_row(grid, row, end, amounts)
        if any(_money(grid.value(data_row, column)) for column in amounts):
            return False
    return True


def _has_rows(region: Region) -> bool:
    """A named row under the grid's header, before its 总分."""
    roles, start = _columns(region.grid, region.header)
    if not {"name", "target", "actual"} <= set(roles):
        return False  # an indicator library (指标库) lists names, not a 自评表
    return _named_rows(region, roles, start)


def _named_rows(region: Region, roles: dict, start: int) -> bool:
    """Whether a row from ``start`` (the first under the grid's header), before its 总分, has a
    三级指标."""
    grid = region.grid
    end = min(_rows_end(grid, region.header), region.bottom)
    return any(grid.value(row, roles["name"]) is not None for row in range(start, end))


def _is_own_table(region: Region) -> bool:
    """The department's own table: a sheet named for the 部门整体 form (部门整体, 部门整体绩效,
    部门整体支出绩效自评表 …), or titled 部门整体（支出）（绩效）自评表 — never because a
    project's name begins with 部门整体 (部门整体运转保障经费 is a project)."""
    grid = region.grid
    titles = (
        grid.text(row, column)
        for row in range(region.top, region.header)
        for column in range(grid.columns)
    )
    return bool(OWN_TABLE_NAME.fullmatch("".join(grid.sheet.split()))) or any(
        OWN_TABLE_TITLE.search(text) for text in titles
    )


def _is_department_sheet(grid: Grid) -> bool:
    """The 部门 sheet: so named, or labelled 部门名称 in column A. A cover (封面) naming the
    单位名称 names the implementing unit, not the department."""
    if grid.sheet.strip() == "部门":
        return True
    return any(
        re.sub(r"[（(].*?[)）]", "", grid.text(r, 0)) == "部门名称"
        for r in range(min(grid.rows, 20))
    )


# --- the department ---------------------------------------------------------------------------


def _read_department(grid: Grid, reading: _Reading) -> dict:
    """The 部门 sheet's rows by their labels (部门名称, 年度, the budget, the filed score …); a
    formula without its value is said as one (a filed score or grade is only noted)."""
    locations = reading.locations
    found: dict = {}
    in_yuan = False
    # 金额单位：元 in the sheet's title or a line of its own: its amounts are in 元, unless a
    # label says 万元
    sheet_in_yuan = any(
        AMOUNTS_IN_YUAN.search(text) for row in range(grid.rows) for text in grid.row_texts(row)
    )
    for row in range(grid.rows):
        label = grid.text(row, 0)
        path = DEPARTMENT_LABELS.get(re.sub(r"[（(].*?[)）]", "", label))
        if path is None:
            continue
        where = "department." + ".".join(path)
        filed_only = ("score", "grade", "reason", "weights_reason")
        value = reading.value(grid, row, 1, where, needed=path[-1] not in filed_only)
        if value is None:
            continue
        amount = _money(value) if path[-1] in ("planned", "adjusted", "spent") else None
        in_wan = re.search(r"[（(]\s*万元\s*[)）]", label) is not None
        if amount is not None and (
            AMOUNTS_IN_YUAN.search(label) or (sheet_in_yuan and not in_wan)
        ):  # 全年预算数（元）, or a sheet titled （金额单位：元）
            value, in_yuan = f"{_plain(amount)}元", True
        if path == ("year",) and isinstance(value, Decimal) and value == int(value):
            value = int(value)
        elif path == ("name",):
            value = without_code(str(value))
        elif path[-1] in ("grade", "reason", "weights_reason"):
            value = str(value)
        target = found
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = value
        locations[where] = grid.address(row, 1)
    first = next(
        (k for k in ("adjusted", "planned", "spent") if k in found.get("budget", {})), None
    )
    if first is not None:  # an amount given (a 执行率得分 alone gives none: see _own_budget)
        budget = found["budget"]
        for blank, filled in (("adjusted", "planned"), ("planned", "adjusted")):
            if blank not in budget and filled in budget:
                said = _("{label} is not filled in: taken as the {other}, {amount}").format(
                    label=BUDGET_LABELS[blank],
                    other=BUDGET_LABELS[filled],
                    amount=budget[filled],
                )
                reading.notes.append((f"department.budget.{blank}", said))
        locations.setdefault("department.budget", locations[f"department.budget.{first}"])
        if in_yuan:  # at the amount: department.budget is where a budget summed is said
            said = _("the department's budget is given in yuan: converted to units of 10,000 yuan")
            reading.notes.append((f"department.budget.{first}", said))
    if "department.name" in locations:
        locations.setdefault("department", locations["department.name"])
    return found


def _own_budget(
    on_sheet: dict | None, table: dict, cells: dict[str, str], reading: _Reading
) -> dict:
    """The department's budget where it files its own 部门整体 table as well as a 部门 sheet
    (as ``scoring convert`` writes them, both): the 部门 sheet's amounts where it gives any, as
    ever; the execution row's 分值 (F6, which the 部门 sheet has no row for) the table's; its 得分
    (执行率得分) and 资金偏差原因 the 部门 sheet's where filled there, else the table's. Each
    value points at a cell holding it — the table's 项目资金 row where it holds the same (the
    review writes beside that row), else the 部门 sheet's (``cells``: its key paths, read before
    the table's overwrote them). The amounts keep the table's cells, as before: the review's
    columns are placed by them."""
    if on_sheet is None:
        return table
    if not any(key in on_sheet for key in AMOUNTS):  # a 执行率得分 or a reason alone
        budget = {**table, **on_sheet}
    else:
        budget = {**on_sheet, **{k: v for k, v in table.items() if k not in on_sheet}}
        budget = {k: v for k, v in budget.items() if k not in AMOUNTS or k in on_sheet}
    for key in ("score", "reason"):
        where = f"department.budget.{key}"
        if key in on_sheet and not _same(on_sheet[key], table.get(key)):
            if key == "score" and table.get(key) is not None:  # two 得分 filed for one row
                reading.notes.append(_scores_apart(on_sheet[key], table[key], cells, reading))
            reading.locations[where] = cells[where]
    _note_amounts_apart(on_sheet, table, cells, reading)
    return budget


def _scores_apart(mine, theirs, cells: dict[str, str], reading) -> Note:
    """The execution row's 得分 filed twice, differently: the 部门 sheet's 执行率得分 and the
    部门整体 table's (H6). The 部门 sheet's is the one reviewed; the other, unreviewed, is said
    with both cells (``reading.locations`` still holds the table's)."""
    where = "department.budget.score"
    said = _(
        "the 部门 sheet's 执行率得分 at {cell}, {score}, is not the department table's 得分, "
        "{other} at {table_cell}: the 部门 sheet's is reviewed"
    ).format(
        cell=cells.get(where, "—"),
        score=_points_shown(mine),
        other=_points_shown(theirs),
        table_cell=reading.locations.get(where, "—"),
    )
    return Note(where, said, "warning")


def _points_shown(value) -> str:
    """Points as filed, for a message: 10 for 10.0, the text as written otherwise."""
    points = _decimal_or_none(value)
    return _plain(points) if points is not None else str(value)


def _note_amounts_apart(on_sheet: dict, table: dict, cells: dict[str, str], reading) -> None:
    """An amount the 部门 sheet and the 部门整体 table both give, differently (900 beside 500
    spent): the 部门 sheet's is scored, as ever, and the difference is a warning naming both
    cells — the grade may turn on which one the unit meant."""
    for key in AMOUNTS:
        mine, theirs = _money(on_sheet.get(key)), _money(table.get(key))
        if mine is None or theirs is None or mine == theirs:
            continue
        where = f"department.budget.{key}"
        said = _(
            "the 部门 sheet's {label} at {cell}, {amount}, is not the department table's, "
            "{other} at {table_cell}: the 部门 sheet's is scored"
        ).format(
            label=BUDGET_LABELS[key],
            cell=cells.get(where, "—"),
            amount=format_decimal(mine),
            other=format_decimal(theirs),
            table_cell=reading.locations.get(where, "—"),
        )
        reading.notes.append(Note(where, said, "warning"))


def _same(one, other) -> bool:
    """Two filed values alike: the same points (10 and 10.0), or the same words."""
    if one is None or other is None:
        return False
    points = _decimal_or_none(one), _decimal_or_none(other)
    if None not in points:
        return points[0] == points[1]
    return str(one).strip() == str(other).strip()


def _complete_department(
    department: dict, regions: list[Region], projects: list[dict], reading: _Reading, path: Path
) -> None:
    """What the workbook does not say of the department outright: its name from 主管部门 /
    部门（单位）名称 / 填报单位 (实施单位 only when none is filled), its year from a title, its
    budget as the sum of its projects — each assumption said as a note."""
    if "name" not in department:
        for labels, instead in ((DEPARTMENT_NAME_LABELS, False), (("实施单位",), True)):
            found = next(
                (
                    (found, region)
                    for region in regions
                    for found in [_labelled(region, labels)]
                    if found is not None
                ),
                None,
            )
            if found is not None:
                (value, cell), region = found
                reading.value(region.grid, cell[0], cell[1], "department.name")  # #N/A: refused
                department["name"] = without_code(str(value))
                label = _bare(region.grid.text(cell[0], _label_column(region.grid, cell)))
                reading.locations.setdefault("department.name", region.grid.address(*cell))
                said = (
                    _(
                        "department name taken from {label} on the sheet “{sheet}” (the supervising "
                        "department is not filled in)"
                    )
                    if instead
                    else _("department name taken from {label} on the sheet “{sheet}”")
                )
                reading.notes.append(
                    ("department.name", said.format(label=label, sheet=region.grid.sheet))
                )
                break
        else:
            raise InputError(
                _("the workbook names no department"),
                file=str(path),
                hint=_(
                    "fill in 主管部门 (or 部门（单位）名称) on the 自评表, or add a sheet 部门 with "
                    "部门名称"
                ),
                code="department-missing",
            )
    if "year" not in department:
        year = _year(regions)
        if year is None:
            raise InputError(
                _("the workbook states no year"),
                file=str(path),
                hint=_(
                    "write the year in the title, e.g. （2023年度）, or add a sheet 部门 with 年度"
                ),
                code="year-missing",
            )
        department["year"], title = year
        said = _("year taken from the title “{title}”").format(title=title)
        reading.notes.append(("department.year", said))
    if not any(key in department.get("budget", {}) for key in AMOUNTS) and projects:
        budget = {
            key: sum((_amount(_as_read(p["budget"], key)) for p in projects), Decimal(0))
            for key in AMOUNTS
        }
        department["budget"] = {**budget, **department.get("budget", {})}  # its 执行率得分 kept
        said = (
            _(
                "department budget taken as the sum of the projects' budgets (the sheet “{sheet}” "
                "has no budget figures)"
            )
            if reading.department_sheet
            else _(
                "department budget taken as the sum of the projects' budgets (the workbook has no "
                "sheet “{sheet}”)"
            )
        )
        reading.notes.append(("department.budget", said.format(sheet=DEPARTMENT_SHEET)))


def _as_read(budget: dict, key: str):
    """A project's amount as the loader reads it: 年初预算数 and 全年预算数 each stand for the
    other when it is not filled (a budget never adjusted leaves 全年预算数 empty)."""
    other = {"planned": "adjusted", "adjusted": "planned"}.get(key)
    value = budget.get(key)
    if value is None and other is not None:
        return budget.get(other)
    return value


def _amount(raw) -> Decimal:
    """A project's amount in 万元 for the department's sum; one that does not read counts 0 here,
    and the loader refuses it at the project's own cell."""
    from ..values import ValueProblem, parse_money

    if raw is None:
        return Decimal(0)
    try:
        return parse_money(raw)
    except ValueProblem:
        return Decimal(0)


def _year(regions: list[Region]):
    """(year, the words it was read from) of the first table that states one."""
    for pattern in YEARS:
        for region in regions:
            grid = region.grid
            for row in range(region.top, min(region.top + 4, region.header)):
                for column in range(min(grid.columns, 12)):
                    text = CHINESE_YEAR.sub(
                        lambda m: m.group().translate(CHINESE_DIGITS), grid.text(row, column)
                    )
                    if "日期" in text:
                        # 填报日期：2024年3月15日 is when, not which year; a （2023年度） typed into
                        # the same cell still is
                        text = FILING_DATE.sub("", text)
                        if pattern is not YEARS[0]:
                            continue
                    found = pattern.search(text)
                    if found:
                        return int(found.group(1)), text
    return None


def _label_column(grid: Grid, cell: tuple[int, int]) -> int:
    """The column of the label left of a value cell."""
    row, column = cell
    return next(
        (c for c in range(column - 1, -1, -1) if grid.text(row, c)),
        max(column - 1, 0),
    )


# --- one 自评表 ------------------------------------------------------------------------------


def _unless_an_error(filed, grid: Grid, where: str, reading: _Reading):
    """A filed value and its cell — a 得分, a reason, only checked — or None when the cell shows
    its formula's error (#DIV/0!), said as read as not filled in."""
    if filed is None or filed[1] not in grid.errors:
        return filed
    row, column = filed[1]
    reading.value(grid, row, column, where, needed=False)
    return None


def _forget_scores_merged_over_rows(
    grid: Grid, spans: dict, indicators: list, prefix: str, reading: _Reading
) -> None:
    """A filed 得分 merged over several indicator rows (G11:G12 showing 18): each row's, or the
    rows' together? It is only checked, so it is read as none of theirs — said once, at its
    first row — rather than found wrong on each. One merged over a row and a blank one below
    it is that row's."""
    for (top, left, bottom, right), rows in spans.items():
        if len(rows) < 2:
            continue
        for index in rows:
            indicators[index].pop("score", None)
            reading.locations.pop(f"{prefix}.indicators[{index}].score", None)
        where = f"{prefix}.indicators[{rows[0]}].score"
        cells = range_name(top, left, bottom, right)
        said = _(
            "the 得分 {cells} is merged over several indicator rows: not read as any row's filed "
            "score (each row's, or theirs together?)"
        ).format(cells=cells)
        reading.notes.append((where, said))
        reading.locations[where] = grid.address(top, left)


def _not_the_label(filed, grid: Grid):
    """A filed 总分 or 自评等级, unless its cell shows the row's label: the label merged across
    the row (A22:H22 自评等级) fills the 得分 column with its own words, and nothing was filed
    there."""
    if filed is None:
        return None
    return None if grid.text(*filed[1]) in (*TOTAL_LABELS, *GRADE_LABELS) else filed


def _labelled(region: Region, labels: tuple[str, ...]):
    """The value right of the first cell in the table's head whose text (without a bracketed
    part such as （盖章）) is one of ``labels``, with its cell."""
    grid = region.grid
    for row in range(region.top, region.header):
        for column in range(grid.columns):
            if _bare(grid.text(row, column)) in labels:
                for right in range(column + 1, grid.columns):
                    value = grid.value(row, right)
                    if value is None or _bare(grid.text(row, right)) in labels:
                        continue  # empty, or the same label merged over several cells
                    if _is_label(grid.text(row, right)):
                        break  # the next label: this one was left blank
                    return value, (row, right)
    return None


def _is_label(text: str) -> bool:
    """A label of the form's head (实施单位, 项目编码, 填报日期：), not a value."""
    return _bare(text) in FORM_LABELS or text.endswith((":", "："))


def _bare(text: str) -> str:
    """A header text without a trailing bracket (（盖章）, （万元）) or colon."""
    return re.sub(r"[（(][^（(]*[)）]$", "", text).rstrip(":：")


def _columns(grid: Grid, header: int) -> tuple[dict[str, int], int]:
    """Column of each role, and the first data row (after a sub-header row, if any)."""
    below = grid.row_texts(header + 1) if header + 1 < grid.rows else []
    has_sub = _sub_header(grid, header, below)
    # Under a two-row header (年度指标值 over 指标性质 | 指标值 | 度量单位) the lower title names
    # the column; elsewhere the upper one does.
    titles = [
        below[c] if has_sub and c < len(below) and below[c] in GRID_TITLES else grid.text(header, c)
        for c in range(grid.columns)
    ]
    # 分值（分）, 权重（%）, 年度指标值（A）: the title without what is in brackets
    titles = [re.sub(r"[（(][^）)]*[)）]$", "", title) for title in titles]
    roles: dict[str, int] = {}
    for role, words in GRID_COLUMNS.items():
        for word in words:
            column = next(
                (c for c, t in enumerate(titles) if t == word and c not in roles.values()), None
            )
            if column is not None:
                roles[role] = column
                break
    start = header + (2 if has_sub else 1)
    while start < grid.rows and _grid_headers_at(grid, start):
        start += 1  # a header merged down over two rows repeats on the second
    return roles, start


def _sub_header(grid: Grid, header: int, below: list[str]) -> bool:
    """Whether the row under a grid's header names columns of its own: 年度指标值 over 指标性质 |
    指标值 | 度量单位, 评分 over 分值 | 得分, 指标值 over 年度指标值 | 实际完成值 — a title the
    reader knows that differs from the one above it, in a row without numbers (a title merged
    down over both rows repeats itself, and is no sub-header)."""
    if any(t in SUB_HEADERS for t in below):
        return True
    if any(isinstance(grid.value(header + 1, c), Decimal) for c in range(len(below))):
        return False  # the first indicator row
    return any(t in GRID_TITLES and t != grid.text(header, c) for c, t in enumerate(below))


def _refuse_a_missing_column(grid: Grid, header: int, roles: dict) -> None:
    """A grid without a column the scoring needs (一级/二级/三级指标, 年度指标值, 实际完成值) is
    refused at its header, naming the titles the column may have and the header's titles the
    reader did not know (全年完成数 for 实际完成值?)."""
    known = GRID_TITLES | {"绩效指标"}
    below = grid.row_texts(header + 1) if header + 1 < grid.rows else []
    rows = (header, header + 1) if _sub_header(grid, header, below) else (header,)
    for needed in ("level1", "level2", "name", "target", "actual"):
        if needed in roles:
            continue
        message = _("the indicator grid has no column for {column}").format(
            column=GRID_COLUMNS[needed][0]
        )
        unknown = [
            f"{title}（{grid.address(row, column).rsplit('!', 1)[-1]}）"
            for row in rows
            for column in range(grid.columns)
            if (title := re.sub(r"[（(][^）)]*[)）]$", "", grid.text(row, column)))
            and title not in known
            and (row == header or title != grid.text(header, column))
        ]
        hint = _("title the column as on the 自评表: {words}").format(
            words=" / ".join(GRID_COLUMNS[needed])
        )
        if unknown:
            hint += _("; titles of this header the reader does not know: {titles}").format(
                titles="、".join(dict.fromkeys(unknown))
            )
        raise InputError(
            message,
            hint=hint,
            file=grid.file,
            code="column-missing",
            problems=[Problem(message, None, hint, grid.address(header, 0))],
        )


def _read_table(region: Region, prefix: str, reading: _Reading) -> dict:
    grid, header = region.grid, region.header
    roles, start = _columns(grid, header)
    _refuse_a_missing_column(grid, header, roles)
    locations = reading.locations
    table: dict = {"name": _table_name(region, prefix, reading)}
    table["budget"] = _read_budget(region, f"{prefix}.budget", reading)
    for key, labels in (("goal", GOAL_LABELS), ("result", RESULT_LABELS)):
        found = _below(region, labels)
        if found:
            table[key], cell = found
            locations[f"{prefix}.{key}"] = grid.address(*cell)
    locations[f"{prefix}.indicators"] = grid.address(header, 0)
    table["indicators"], end = _read_rows(region, roles, start, prefix, reading)
    _one_execution_row(grid, table, prefix, reading)
    if "weight" not in roles:
        _note_untitled_numbers(grid, header, roles, (start, end), prefix, reading)
    _read_totals(region, roles, end, table, prefix, reading)
    return table


def _one_execution_row(grid: Grid, table: dict, prefix: str, reading: _Reading) -> None:
    """The table's own 预算执行率 row among its indicators, which the loader reads as its
    execution row (its 分值, and its 得分 and 偏差原因 where the 项目资金 row has none): what it
    gives the budget is pointed at on the row, where it was read.

    Beside a 分值 in the 项目资金 row (F6): the form prints the execution row's 分值 on every
    table (the template fills it in, a returned workbook writes it), and a table that lists the
    row among its indicators as well shows one row twice — not two, as a ``budget.weight`` and
    such a row are in TOML. The same 分值 in both places, or none on the row, is one row: the
    row among the indicators, with F6's 分值. Two different 分值 are refused at both cells:
    which is the row's? Two such rows are the loader's to refuse."""
    from ..loader import names_the_execution_row

    budget = table["budget"]
    locations = reading.locations
    rows = [
        index
        for index, ind in enumerate(table["indicators"])
        if ind.get("applicable") is not False
        and isinstance(ind["name"], str)
        and names_the_execution_row(ind["name"])
    ]
    if len(rows) != 1:
        return
    index = rows[0]
    row = table["indicators"][index]
    key = f"{prefix}.indicators[{index}]"
    if "weight" in budget and not _weight_shown_twice(grid, budget, row, key, prefix, reading):
        return  # F6 not points, or the row's not: refused at its cell
    for field in ("weight", "score", "reason"):
        if field in budget or not _filled(row.get(field)) or f"{key}.{field}" not in locations:
            continue
        if field == "weight":  # F6, holding the same 分值, is where the form shows it
            locations.setdefault(f"{prefix}.budget.weight", locations[f"{key}.weight"])
        else:
            locations[f"{prefix}.budget.{field}"] = locations[f"{key}.{field}"]


def _weight_shown_twice(
    grid: Grid, budget: dict, row: dict, key: str, prefix: str, reading: _Reading
) -> bool:
    """Whether F6's 分值 and the 预算执行率 row among the indicators are one row: the same 分值,
    or none on the row (F6's becomes its). F6 is then left to the row. Different 分值 are
    refused; False where either is no number of points (the loader refuses it at its cell)."""
    filed = _decimal_or_none(budget["weight"])
    if filed is None:
        return False
    weight_cell = reading.locations[f"{prefix}.budget.weight"]
    if not _filled(row.get("weight")):
        row["weight"] = budget.pop("weight")
        reading.locations[f"{key}.weight"] = weight_cell
        return True
    weight = _decimal_or_none(row["weight"])
    if weight is None:
        return False
    if weight == filed:
        del budget["weight"]
        return True
    row_cell = reading.locations.get(f"{key}.weight", reading.locations[key])
    message = _(
        "the 预算执行率 row's 分值 is {filed} at {cell} and {weight} on the row among the "
        "indicators, at {row_cell}: one row, two 分值"
    ).format(
        filed=_plain(filed),
        cell=weight_cell.rsplit("!", 1)[-1],
        weight=_plain(weight),
        row_cell=row_cell.rsplit("!", 1)[-1],
    )
    hint = _(
        "write the execution row's 分值 once: the same number in both cells, or clear one of them"
    )
    raise InputError(
        message,
        hint=hint,
        file=grid.file,
        code="execution-weight-twice",
        problems=[Problem(message, None, hint, row_cell)],
    )


def _note_untitled_numbers(
    grid: Grid, header: int, roles: dict, rows: tuple[int, int], prefix: str, reading: _Reading
) -> None:
    """A grid without a 分值 column that has a column without a title holding numbers on most
    of its named rows: the 分值 with its title left blank? The rule set's default weights score
    the rows, and a warning names the column and its numbers, so that a reviewer does not take
    the filed scores' mismatches for the unit's."""
    named = [r for r in range(*rows) if grid.value(r, roles["name"]) is not None]
    for column in range(grid.columns):
        if column in roles.values() or grid.text(header, column):
            continue
        if header + 1 < rows[0] and grid.text(header + 1, column):
            continue  # titled on the header's second row
        numbers = [v for r in named if isinstance(v := grid.value(r, column), Decimal)]
        if len(numbers) < 2 or 2 * len(numbers) < len(named):
            continue
        said = _(
            "column {column} has no title but holds numbers on the indicator rows ({numbers}): "
            "title it 分值 if they are the weights; without a 分值 column the rule set's default "
            "weights score the rows"
        )
        shown = "、".join(_plain(n) for n in numbers[:6]) + ("…" if len(numbers) > 6 else "")
        reading.notes.append(
            Note(
                f"{prefix}.indicators",
                said.format(column=column_letter(column), numbers=shown),
                "warning",
            )
        )


def _table_name(region: Region, prefix: str, reading: _Reading) -> str:
    """项目名称 (部门（单位）名称 for the department's own table), without a code; otherwise the
    sheet's name when it is one a person gave, and a note says so."""
    grid = region.grid
    labels = (
        ("项目名称",) if prefix != "department" else ("部门（单位）名称", "部门名称", "项目名称")
    )
    found = _labelled(region, labels)
    if found:
        reading.locations[prefix] = grid.address(*found[1])
        name_row, name_column = found[1]
        reading.value(grid, name_row, name_column, f"{prefix}.name")  # #REF!: refused
        return without_code(str(found[0]))
    reading.locations[prefix] = grid.address(region.top, 0)
    if DEFAULT_SHEET.match(grid.sheet.strip()):
        raise InputError(
            _("the table at {cell} has no 项目名称").format(cell=grid.address(region.header, 0)),
            hint=_("fill in 项目名称 above its 项目资金 block"),
            file=grid.file,
            code="name-missing",
            problems=[
                Problem(
                    _("this table has no 项目名称"),
                    prefix,
                    _("fill in 项目名称 above its 项目资金 block"),
                    grid.address(region.top, 0),
                )
            ],
        )
    said = _("no 项目名称 is filled in: the sheet's name “{sheet}” is taken as the project's")
    reading.notes.append((prefix, said.format(sheet=grid.sheet)))
    return grid.sheet


def _below(region: Region, labels: tuple[str, ...]):
    """The text under a header cell (预期目标, 项目年度目标 …), above the indicator grid."""
    grid = region.grid
    for row in range(region.top, region.header):
        for column in range(grid.columns):
            if _bare(grid.text(row, column)) in labels:
                value = grid.value(row + 1, column)
                if value is not None and _bare(grid.text(row + 1, column)) not in labels:
                    return str(value), (row + 1, column)
    return None


def _budget_headers(region: Region) -> list[tuple[int, dict[str, int], int]]:
    """Rows titled 年初预算数 / 全年预算数 / 全年执行数 (or the Sichuan words) with the column of
    each and the row where their block ends (the next such row, or the grid's header): a 部门整体
    form's 年度主要任务 block may be titled so too, so the block holding a 年度资金总额 (总额) row
    of its own comes first. Looking past a block's end would let a task list above the budget
    claim the budget's 年度资金总额 row."""
    grid = region.grid
    found = []
    for row in range(region.top, region.header):
        texts = [re.sub(r"[（(].*?[)）]", "", t) for t in grid.row_texts(row)]
        columns = {
            key: next(texts.index(w) for w in words if w in texts)
            for key, words in BUDGET_COLUMNS.items()
            if any(w in texts for w in words)
        }
        if "spent" in columns and {"planned", "adjusted"} & set(columns):
            found.append((row, columns))
    ends = [row for row, _ in found[1:]] + [region.header]
    blocks = [(row, columns, end) for (row, columns), end in zip(found, ends)]
    return sorted(blocks, key=lambda block: not _has_total_row(grid, *block))


def _amount_columns(columns: dict) -> list[int]:
    return [columns[k] for k in ("planned", "adjusted", "spent") if k in columns]


def _has_total_row(grid: Grid, header: int, columns: dict, limit: int) -> bool:
    """A 年度资金总额 (总额, 合计) row under ``header``, before the block ends at ``limit``."""
    amounts = _amount_columns(columns)
    row = _budget_row(grid, header, limit, amounts)
    return any(_bare(t).startswith(TOTAL_ROW) for t in grid.row_texts(row)[: min(amounts)])


def _money(value) -> Decimal | None:
    """An amount in a cell: a number, or text that reads as one (``"0.00"``, ``"60"``)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        from ..values import ValueProblem, parse_money

        try:
            return parse_money(value)
        except ValueProblem:
            return None
    return None


def _read_budget(region: Region, where: str, reading: _Reading) -> dict:
    """项目资金 / 预算执行情况: the 年度资金总额 (总额) row under 年初预算数 / 全年预算数 /
    全年执行数 (年初预算 / 调整后预算数 / 预算执行数). A total printed as 0 or left empty
    while its 其中 rows hold the money is their sum, said as a note; amounts in a block titled
    （元） are read in 元."""
    grid = region.grid
    locations = reading.locations
    headers = _budget_headers(region)
    if not headers:
        raise InputError(
            _("no 项目资金 block (年初预算数 / 全年预算数 / 全年执行数) above the indicator grid"),
            f"{grid.sheet}",
            _("add the block with its header words"),
            file=grid.file,
            code="budget-missing",
        )
    row, columns, end = headers[0]
    amounts = _amount_columns(columns)
    data_row = _budget_row(grid, row, end, amounts)
    in_yuan = any(
        AMOUNTS_IN_YUAN.search(text)
        for above in range(region.top, row + 1)
        for text in grid.row_texts(above)
    )
    parts, unsure = _budget_parts(grid, data_row, end, amounts)
    total_empty = all(_money(grid.value(data_row, c)) in (None, 0) for c in amounts)
    use_parts = total_empty and any(_money(grid.value(r, c)) for r in parts for c in amounts)
    if use_parts and unsure is not None:
        _refuse_a_breakdown(grid, data_row, unsure, amounts, where)
    budget: dict = {}
    for key in ("planned", "adjusted", "spent"):
        if key not in columns:
            continue
        column = columns[key]
        locations[f"{where}.{key}"] = grid.address(data_row, column)
        value: Any
        if use_parts:
            for r in parts:  # a part showing #REF! is no 0: refused, with the total's others
                if (r, column) in grid.errors:
                    reading.value(grid, r, column, f"{where}.{key}")
            value = _parts_amount(grid, parts, columns, key, amounts, f"{where}.{key}", reading)
        else:
            value = reading.value(grid, data_row, column, f"{where}.{key}")
            if _placeholder(value):  # — or / in an amount's cell: not filled, as a blank
                value = None
            if value is None and unsure is None:  # the total's cell blank: its parts', said
                value = _sum_of_the_parts(
                    grid, parts, column, amounts, f"{where}.{key}", key, reading
                )
        if value is None:
            continue
        amount = _money(value)
        budget[key] = f"{_plain(amount)}元" if in_yuan and amount is not None else value
    _refuse_a_missing_amount(grid, budget, columns, data_row, where, reading)
    _note_a_budget_taken_for_the_other(grid, budget, columns, data_row, where, reading)
    if not use_parts and unsure is None:
        _note_parts_off_the_total(grid, columns, data_row, parts, where, reading)
    if use_parts:
        named = listed(
            str(grid.value(r, amounts[0] - 1) or grid.row_texts(r)[0] or grid.address(r, 0))
            for r in parts
            if any(_money(grid.value(r, c)) for c in amounts)
        )
        said = _(
            "the annual total is 0 or empty: read as the sum of the rows it breaks down into "
            "({rows}); that row's execution rate and score are the export's blanks as well, not "
            "a filed score"
        )
        reading.notes.append((where, said.format(rows=named)))
    if in_yuan:
        reading.notes.append(
            (where, _("project funds are given in yuan: converted to units of 10,000 yuan"))
        )
    filed = _unless_an_error(
        _filed(grid, data_row, columns.get("filed"), columns.get("score")),
        grid,
        f"{where}.score",
        reading,
    )
    if filed is not None and not _placeholder(filed[0]) and not use_parts:
        budget["score"], cell = filed
        locations[f"{where}.score"] = grid.address(*cell)
    columns_filed = (columns.get("filed"), columns.get("score"))
    _note_unsaved(reading, grid, data_row, columns_filed, f"{where}.score")
    if "weight" in columns:  # the form's 分值 of the 预算执行率 row, on the total's row
        weight = reading.value(grid, data_row, columns["weight"], f"{where}.weight", needed=False)
        if weight is not None and not _placeholder(weight):
            budget["weight"] = weight
            locations[f"{where}.weight"] = grid.address(data_row, columns["weight"])
    reason = None
    if "reason" in columns:
        locations[f"{where}.reason"] = grid.address(data_row, columns["reason"])
        value = reading.value(grid, data_row, columns["reason"], f"{where}.reason", needed=False)
        reason = (value, (data_row, columns["reason"])) if value is not None else None
    reason = reason or _unless_an_error(
        _labelled(region, ("资金偏差原因", "预算执行偏差原因")), grid, f"{where}.reason", reading
    )
    if reason:
        budget["reason"] = str(reason[0])
        locations[f"{where}.reason"] = grid.address(*reason[1])
    locations[where] = grid.address(data_row, columns.get("spent", 0))
    return budget


def _refuse_a_missing_amount(
    grid: Grid, budget: dict, columns: dict, row: int, where: str, reading: _Reading
):
    """A 项目资金 row without 全年执行数, or without both budgets, named by its cell; an amount
    that is a formula never calculated is said as such, with the fix (recalculate and save)."""
    if "spent" in budget and {"planned", "adjusted"} & set(budget):
        return
    if reading.uncached:
        raise reading.refused()
    key, label = ("spent", "全年执行数") if "spent" not in budget else ("adjusted", "全年预算数")
    column = columns.get(key, columns.get("planned", 0))
    message = _("the 项目资金 row has no {label}").format(label=label)
    hint = _("fill in the {label} of the 年度资金总额 row (a number, in 万元)").format(label=label)
    raise InputError(
        message,
        hint=hint,
        file=grid.file,
        code="budget-missing",
        problems=[Problem(message, where, hint, grid.address(row, column))],
    )


def _parts_amount(
    grid: Grid, parts: list[int], columns: dict, key: str, amounts: list[int], where: str, reading
) -> Decimal | None:
    """An amount of a zeroed 年度资金总额 as the sum of its 其中 rows. A part holding money
    elsewhere but not this amount (blank, — or /) takes its own other budget for 年初预算数 or
    全年预算数 (a part not adjusted: 上年结转资金 10 / — / 9.5 is 10 adjusted), said at its cell;
    its 全年执行数 missing leaves the amount not filled (refused where needed), as does no part
    holding it at all — never 0."""
    column = columns[key]
    other = {"planned": "adjusted", "adjusted": "planned"}.get(key)
    total, held, said = Decimal(0), False, []
    for r in parts:
        amount = _money(grid.value(r, column))
        if amount is None and any(_money(grid.value(r, c)) for c in amounts):
            stand_in = _money(grid.value(r, columns[other])) if other in columns else None
            if stand_in is None:
                return None
            amount = stand_in
            said.append(grid.address(r, column))
        if amount is not None:
            total, held = total + amount, True
    if not held:
        return None
    for cell in said:
        assert other is not None  # only 年初预算数 and 全年预算数 are stood for
        reading.notes.append(
            Note(
                where,
                _("{cell} is not filled: the 其中 row's {other} stands for it in the sum").format(
                    cell=cell, other=BUDGET_LABELS[other]
                ),
                "info",
            )
        )
    return total


def _sum_of_the_parts(
    grid: Grid,
    parts: list[int],
    column: int,
    amounts: list[int],
    where: str,
    key: str,
    reading: _Reading,
) -> Decimal | None:
    """An amount of the 年度资金总额 row left blank while its 其中 rows hold it (全年预算数 blank,
    本年财政拨款 70 and 上年结转 40): their sum, 110, said — not the 年初预算数 in its place. None
    when a part that holds money in another column leaves this one blank (70 of a 100 whose
    other 30 is missing is no total), or when none holds it; a part showing an error is
    refused."""
    for r in parts:
        if (r, column) in grid.errors:
            reading.value(grid, r, column, where)
    held = [m for r in parts if (m := _money(grid.value(r, column))) is not None]
    with_money = [r for r in parts if any(_money(grid.value(r, c)) for c in amounts)]
    if not held or any(_money(grid.value(r, column)) is None for r in with_money):
        return None
    total = sum(held, Decimal(0))
    said = _("the 年度资金总额's {label} is blank: taken as the sum of its 其中 rows, {total}")
    reading.notes.append((where, said.format(label=BUDGET_LABELS[key], total=_plain(total))))
    return total


def _note_a_budget_taken_for_the_other(
    grid: Grid, budget: dict, columns: dict, row: int, where: str, reading: _Reading
) -> None:
    """年初预算数 or 全年预算数 left blank beside the other: each stands for the other (the
    execution rate is 全年执行数 over 全年预算数), and it is said, with the cell left blank."""
    for blank, filled in (("adjusted", "planned"), ("planned", "adjusted")):
        if blank in columns and blank not in budget and filled in budget:
            said = _("{label} at {cell} is blank: taken as the {other}, {amount}").format(
                label=BUDGET_LABELS[blank],
                cell=grid.address(row, columns[blank]),
                other=BUDGET_LABELS[filled],
                amount=budget[filled],
            )
            reading.notes.append((f"{where}.{blank}", said))


def _note_parts_off_the_total(
    grid: Grid, columns: dict, row: int, parts: list[int], where: str, reading: _Reading
) -> None:
    """其中 rows (本年财政拨款, 其他资金 …) whose amounts do not add up to the 年度资金总额 filed
    above them: the total is what is scored; the difference is a warning naming its cell."""
    for key, label in BUDGET_LABELS.items():
        if key not in columns or any(
            _filled(grid.value(r, columns[key])) and _money(grid.value(r, columns[key])) is None
            for r in parts
        ):
            continue  # a part that is no amount (#REF!, 六十): its sum would mislead
        total = _money(grid.value(row, columns[key]))
        held = [m for r in parts if (m := _money(grid.value(r, columns[key]))) is not None]
        if total is None or not held or sum(held, Decimal(0)) == total:
            continue
        said = _("the 其中 rows' {label} add up to {sum}, the 年度资金总额 at {cell} says {total}")
        text = said.format(
            label=label,
            sum=_plain(sum(held, Decimal(0))),
            cell=grid.address(row, columns[key]),
            total=_plain(total),
        )
        reading.notes.append(Note(f"{where}.{key}", text, "warning"))


def _filled(value) -> bool:
    """A cell holding a value, not left blank or marked so (—, /)."""
    return value is not None and not _placeholder(value)


def _placeholder(value) -> bool:
    return isinstance(value, str) and value.strip() in ("—", "-", "/", "／", "")


def _budget_row(grid: Grid, header: int, limit: int, columns: list[int]) -> int:
    """The 年度资金总额 (总额, 合计) row; otherwise the first row with an amount."""
    candidates = range(header + 1, min(header + 8, limit))
    for row in candidates:
        if any(_bare(t).startswith(TOTAL_ROW) for t in grid.row_texts(row)[: min(columns)]):
            return row
    for row in candidates:
        if any(_money(grid.value(row, c)) is not None for c in columns):
            return row
    return header + 1


def _budget_parts(
    grid: Grid, total: int, limit: int, columns: list[int]
) -> tuple[list[int], int | None]:
    """The top-level 其中 rows under the total (本年财政拨款, 上年结转资金, 其他资金 … up to the
    next block), and the row of a nested 其中 that could not be told apart, if any.

    A second 其中 breaks the part above it down further (其中：中央补助, 县级资金): its rows are
    already in that part and are not added again. The cells keep no indentation, so the
    breakdown is the run of rows from the second 其中 that adds up to its part; where no run
    does and a row after it holds money, which rows are parts is unknown and that 其中 row is
    returned."""
    ends = ("年度总体目标", "项目基本情况", "绩效指标", "年度绩效指标")
    rows: list[int] = []
    for row in range(total + 1, min(total + 8, limit)):
        label = next((t for t in grid.row_texts(row)[: min(columns)] if t), "")
        if not label or label.startswith(ends):
            break
        rows.append(row)
    parts: list[int] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        label = next(t for t in grid.row_texts(row)[: min(columns)] if t)
        if not parts or not label.startswith("其中"):
            parts.append(row)
            index += 1
            continue
        size = _breakdown_size(grid, parts[-1], rows[index:], columns)
        if size is None:
            rest = rows[index + 1 :]
            held = any(_money(grid.value(r, c)) for r in rest for c in columns)
            return parts + rest, row if held else None  # blank rows add nothing either way
        index += size
    return parts, None


def _breakdown_size(grid: Grid, parent: int, rows: list[int], columns: list[int]) -> int | None:
    """How many of ``rows`` (from a nested 其中) add up to ``parent`` in every amount column:
    the shortest such run, or None when none does."""
    want = [_money(grid.value(parent, c)) or Decimal(0) for c in columns]
    sums = [Decimal(0)] * len(columns)
    for size, row in enumerate(rows, start=1):
        sums = [s + (_money(grid.value(row, c)) or Decimal(0)) for s, c in zip(sums, columns)]
        if sums == want:
            return size
    return None


def _refuse_a_breakdown(grid: Grid, total: int, row: int, columns: list[int], where: str):
    """年度资金总额 empty, its 其中 rows to be added, and a nested 其中 whose rows do not add up
    to the part above it: which rows are parts and which break one down is not known, and a
    guess could add a breakdown twice or drop a part."""
    message = _(
        "the 年度资金总额 row is empty or 0, and the nested 其中 at {cell} and the rows after it "
        "do not add up to the part it breaks down: which 其中 rows to add cannot be told"
    ).format(cell=grid.address(row, columns[0]))
    hint = _("fill in the 年度资金总额 row (年初预算数, 全年预算数, 全年执行数, in 万元)")
    raise InputError(
        message,
        hint=hint,
        file=grid.file,
        code="budget-missing",
        problems=[Problem(message, where, hint, grid.address(total, columns[0]))],
    )


def _filed(grid: Grid, row: int, filed_column: int | None, score_column: int | None):
    """A filed score: the 自评得分 column where it is filled, otherwise 得分."""
    for column in (filed_column, score_column):
        if column is not None and grid.value(row, column) is not None:
            return grid.value(row, column), (row, column)
    return None


def _refuse_points_merged_over_rows(grid: Grid, row: int, roles: dict, shared: dict) -> None:
    """A 分值 or 扣减分数 merged over two indicator rows or more gives each the same number: 35
    for each, or 35 shared? Either scores. Refused at the merged range; ``shared`` keeps the
    ranges rows read before, so that a range over a row and a blank one below it is read. A
    filed 得分 so merged is read on each row, as it is only checked: the finding on the second
    row says it differs."""
    for key, title in (("weight", "分值"), ("deduction", "扣减分数")):
        span = grid.spans.get((row, roles[key])) if key in roles else None
        if span is None:
            continue
        if span not in shared:
            shared[span] = row
            continue
        top, left, bottom, right = span
        cells = range_name(top, left, bottom, right)
        message = _(
            "{cells}: one {title} merged over several indicator rows; each row's own {title} "
            "cannot be told (the number for each, or shared?)"
        ).format(cells=cells, title=title)
        hint = _("unmerge the cells and write each row's {title}").format(title=title)
        raise InputError(
            message,
            hint=hint,
            file=grid.file,
            code="merged-over-rows",
            problems=[Problem(message, None, hint, grid.address(top, left))],
        )


def _read_rows(region: Region, roles: dict, start: int, prefix: str, reading: _Reading):
    grid = region.grid
    locations = reading.locations
    shared: dict = {}  # merged ranges of points, by the first row that read them
    scored_spans: dict = {}  # merged ranges of filed 得分 → the indicators that read them
    indicators: list[dict[str, Any]] = []
    level1 = level2 = None
    row = start
    while row < region.bottom:
        texts = grid.row_texts(row)
        first = next((t for t in texts if t), "")
        if _ends_the_rows(grid, row, first, region.bottom):
            break
        if _is_subtotal(grid, row, roles, first) or _spans_the_row(grid, row, roles):
            row += 1  # a 小计 of a category, or a note merged across the grid
            continue
        name = grid.value(row, roles["name"])
        target = _target(grid, row, roles)
        level1 = _label(grid.value(row, roles["level1"])) or level1
        level2 = _label(grid.value(row, roles["level2"])) or level2
        where = f"{prefix}.indicators[{len(indicators)}]"
        if name is None:
            if target is None and grid.value(row, roles["actual"]) is None:
                row += 1  # a blank row
                continue
            name = _(
                "(no indicator name)"
            )  # a row with values and no 三级指标 is read, and said so
            said = _("{cell} has no indicator name: read as “{name}”")
            reading.notes.append(
                (where, said.format(cell=grid.address(row, roles["name"]), name=name))
            )
        if (row, roles["target"]) in grid.errors or (
            target is None and (row, roles["target"]) in grid.uncached
        ):
            reading.value(grid, row, roles["target"], f"{where}.target")
        if target is None:
            if not any(
                grid.value(row, roles[k]) is not None
                for k in ("actual", "weight", "score")
                if k in roles
            ):
                row += 1  # a heading row: a name alone
                continue
            # a named row with values but no 年度指标值 is never dropped: the scorer reads it
            # (both values blank with 分值 and 得分: the evaluator's judgement) or refuses it
            target = ""
        _refuse_points_merged_over_rows(grid, row, roles, shared)
        for key in ("level1", "level2", "name"):  # a name decides how a row reads: no #N/A
            if (row, roles[key]) in grid.errors:
                reading.value(grid, row, roles[key], f"{where}.{key}")
        indicator = {"level1": level1, "level2": level2, "name": _name(name), "target": target}
        locations[where] = grid.address(row, roles["name"])
        locations[f"{where}.target"] = grid.address(row, roles["target"])
        for key in ("level1", "level2"):
            locations[f"{where}.{key}"] = grid.address(row, roles[key])
        actual = reading.value(grid, row, roles["actual"], f"{where}.actual")
        indicator["actual"] = actual if actual is not None else ""
        locations[f"{where}.actual"] = grid.address(row, roles["actual"])
        for key in ("weight", "reason", "deduction"):
            if key not in roles:
                continue
            locations[f"{where}.{key}"] = grid.address(row, roles[key])
            value = reading.value(grid, row, roles[key], f"{where}.{key}", needed=key == "weight")
            if value is not None:
                indicator[key] = str(value) if key == "reason" else _points(value, key)
        filed = _filed(grid, row, roles.get("filed"), roles.get("score"))
        filed = _unless_an_error(filed, grid, f"{where}.score", reading)
        if filed is not None and not (isinstance(filed[0], str) and "不适用" in filed[0]):
            indicator["score"] = filed[0]
            locations[f"{where}.score"] = grid.address(*filed[1])
            if filed[1] in grid.spans:  # merged: over this row alone, or over others too?
                scored_spans.setdefault(grid.spans[filed[1]], []).append(len(indicators))
        _note_unsaved(
            reading, grid, row, (roles.get("filed"), roles.get("score")), f"{where}.score"
        )
        marked = grid.text(row, roles["applicable"]) if "applicable" in roles else ""
        if marked in ("否", "不适用") or grid.text(row, roles["actual"]) == "不适用":
            indicator["applicable"] = False
        else:
            _refuse_a_fraction_beside_percent(grid, row, roles, target, where, reading)
        indicators.append(indicator)
        row += 1
    _forget_scores_merged_over_rows(grid, scored_spans, indicators, prefix, reading)
    _note_label_weights(grid, roles, start, row, indicators, prefix, reading)
    return indicators, row


def _note_label_weights(
    grid: Grid, roles: dict, start: int, end: int, indicators: list, prefix: str, reading
) -> None:
    """A 一级 or 二级指标 with its weight written into its label (产出指标（60分）) whose rows'
    分值 add up to another number: a row left out, hidden or mistyped? The rows' 分值 are
    scored; the difference is a warning naming the label's cell."""
    labelled: dict[tuple[str, str], tuple[Decimal, int]] = {}
    for row in range(start, end):
        for key in ("level1", "level2"):
            found = WEIGHT_IN_LABEL.search(grid.text(row, roles[key]))
            label = _label(grid.value(row, roles[key]))
            if found and label:
                weight = Decimal(re.sub(r"[^\d.]", "", found.group()))
                labelled.setdefault((key, label), (weight, row))
    for (key, label), (weight, row) in labelled.items():
        under = [index for index, i in enumerate(indicators) if i[key] == label]
        read = [_decimal_or_none(indicators[index].get("weight")) for index in under]
        filed = [w for w in read if w is not None]
        if not read or 0 < len(filed) < len(read) or sum(filed, Decimal(0)) == weight:
            continue  # some weights not numbers: said where they are read
        cell = grid.address(row, roles[key])
        if filed:
            said = _("{cell} labels {label} {weight} points, but its rows' 分值 add up to {sum}")
            text = said.format(
                cell=cell, label=label, weight=_plain(weight), sum=_plain(sum(filed, Decimal(0)))
            )
        else:  # no row has its 分值: the rule set's defaults score, not the label's points
            said = _(
                "{cell} labels {label} {weight} points, but its rows have no 分值: they are "
                "scored with the rule set's default weights; write each row's 分值 to score "
                "them by the form's"
            )
            text = said.format(cell=cell, label=label, weight=_plain(weight))
        # at the label of its first row: each label's own finding, not one for the table
        reading.notes.append(Note(f"{prefix}.indicators[{under[0]}].{key}", text, "warning"))


def _decimal_or_none(value) -> Decimal | None:
    """A 分值 as filed, as the loader reads it (20, or 20分), or None when it does not read as
    one (said where it is read)."""
    from ..loader import parse_points
    from ..values import ValueProblem

    try:
        return parse_points(value)
    except ValueProblem:
        return None


def _is_subtotal(grid: Grid, row: int, roles: dict, first: str) -> bool:
    """A 小计 (合计) row of a category: so labelled first, or in its 一级, 二级 or 三级指标 cell
    (产出指标 under 一级指标, 小计 under 三级指标). Its 分值 and 得分 add up rows already read:
    scored, they would count twice."""
    labels = [grid.text(row, roles[key]) for key in ("level1", "level2", "name")]
    if first in SUBTOTAL_LABELS or any(text in SUBTOTAL_ROW_LABELS for text in labels):
        return True
    if any(_filled(grid.value(row, roles[key])) for key in ("target", "actual")):
        return False  # its values filed: an indicator (培训人次小计 | ≥100人次 | 90人次)
    return any(SUBTOTAL_NAMED.fullmatch(SUBTOTAL_DRESS.sub("", text)) for text in labels if text)


def _note_unsaved(reading: _Reading, grid: Grid, row: int, columns, where: str) -> None:
    """A filed 得分 whose formula kept no value: read as not filed, and said."""
    for column in columns:
        if column is not None and (row, column) in grid.uncached:
            reading.value(grid, row, column, where, needed=False)
            reading.locations.setdefault(where, grid.address(row, column))
            return


def _looks_like_a_row(grid: Grid, row: int, roles: dict) -> bool:
    """A name with a 年度指标值 and a 实际完成值 in their columns, each its own cell."""
    cells = [grid.value(row, roles[key]) for key in ("name", "target", "actual")]
    return all(cell is not None for cell in cells) and len({str(c) for c in cells}) == 3


def _name(value) -> str:
    """A 三级指标 as named: without a 指标1： prefix, its lines (Alt+Enter) joined."""
    text = "".join(str(value).splitlines()).strip()
    return NUMBERED.sub("", text) or text


def _points(value, key: str):
    """权重（%） cells hold 20% for 20 points of 100: a weight as points."""
    if key == "weight" and isinstance(value, str) and value.strip().endswith("%"):
        return value.strip()[:-1].strip()
    return value


def _spans_the_row(grid: Grid, row: int, roles: dict) -> bool:
    """One text over the name, target and actual columns: a note merged across the grid."""
    cells = [grid.value(row, roles[key]) for key in ("name", "target", "actual")]
    return cells[0] is not None and all(cell == cells[0] for cell in cells)


def _label(value) -> str | None:
    """一级/二级指标 as a label: its lines (Alt+Enter) joined, without a weight written into it
    (产出指标(50分))."""
    if value is None:
        return None
    text = "".join(str(value).split())
    return WEIGHT_IN_LABEL.sub("", text).strip() or None


def _target(grid: Grid, row: int, roles: dict):
    """年度指标值, put together from sign, value and unit columns where the form splits it."""
    value = grid.value(row, roles["target"])
    if value is None:
        return None
    op = grid.value(row, roles["op"]) if "op" in roles else None
    if isinstance(value, str) and _is_comparison(value[:1]):
        op = None  # the value writes its own sign (≥120): 指标性质's 正向 adds nothing
    if op is not None:
        # 指标性质 may say 正向 / 反向 (more or less is better), or 定性 / 定量: no comparison
        op = DIRECTIONS.get("".join(str(op).split()), op)
    if op is not None and not _is_comparison(str(op)):
        op = None
    unit = grid.value(row, roles["unit"]) if "unit" in roles else None
    if op is None and unit is None:
        return value
    text = value if isinstance(value, str) else _plain(value)
    unit_text = str(unit).strip() if unit is not None and str(unit) not in text else ""
    return f"{str(op).strip() if op is not None else ''}{text}{unit_text}"


def _refuse_a_fraction_beside_percent(
    grid: Grid, row: int, roles: dict, target, where: str, reading: _Reading
) -> None:
    """A number typed without % (``0.85``) on a row whose 度量单位 is % reads as 0.85%, the unit
    joined to it; beside a 完成值 of 80 (80%) it was more likely 85% typed as a fraction, and
    ``≥0.85%`` gave 80% full marks. So the cell is held to the rule a bare number meets against
    a percentage anywhere (``values.align_units``): typed as a number or as text, its size in
    (0, 1] against the other value's 1 % or more, or in (1, 2) against 50 % or more, signs
    aside, 0 either way, is ambiguous — said at its cell with the fix (type 85, or format the
    cell as a percentage), in the reading's one error. The 指标值 and the 完成值 are each so
    held, against the other as it reads (a number typed beside the % is in %). A cell formatted
    as a percentage reads as one (0.85 shown 85%), and two small rates (0.5 and 0.3) are read as
    typed."""
    from ..units import standard
    from ..values import canonical_unit, normalise

    written = grid.value(row, roles["unit"]) if "unit" in roles else None
    unit = canonical_unit(normalise(str(written)).strip()) if written is not None else None
    table = standard()
    if unit is None or table.family(unit) != "percent":
        return
    cells = {"target": (row, roles["target"]), "actual": (row, roles["actual"])}
    typed = {field: _typed_without_unit(grid.value(*cell), field) for field, cell in cells.items()}
    for field, other in (("target", "actual"), ("actual", "target")):
        number = typed[field]
        if number is None:
            continue
        bare = typed[other]  # typed beside the %: in %
        against = (
            (bare, unit) if bare is not None else _with_its_unit(grid.value(*cells[other]), other)
        )
        if against is None or not _fraction_or_percent(number, *against, table):
            continue
        column = cells[field][1]
        shown = _plain(number)
        if other == "target":
            other_shown = str(target)  # as joined: ≥85%
        else:
            other_shown = (
                f"{_plain(bare)}{unit}" if bare is not None else str(grid.value(*cells[other]))
            )
        hundredfold = table.convert(number * 100, "%", unit) or number * 100
        message = _(
            "{label} {value} is typed without %, on a row whose unit is {unit}, and {other_label} "
            "is {other}: is it {value}{unit} or {percent}%?"
        ).format(
            label=_("the target") if field == "target" else _("the actual value"),
            value=shown,
            unit=unit,
            other_label=_("the target") if other == "target" else _("the actual value"),
            other=other_shown,
            percent=_plain(number * 100),
        )
        short = f"{column_letter(column)}{row + 1}"
        hint = _(
            "if {value} is a fraction, type {typed} in {cell} or format {cell} as a percentage "
            "(0%); if it is meant in {unit}, type {value}{unit} in {cell} as text"
        ).format(value=shown, typed=_plain(hundredfold), cell=short, unit=unit)
        reading.fractions.append(
            Problem(message, f"{where}.{field}", hint, grid.address(row, column))
        )
        return


def _fraction_or_percent(number: Decimal, value: Decimal, unit: str, table) -> bool:
    """Whether ``number``, read without a unit against ``value`` in ``unit``, may be a fraction
    or a percentage: the scorer's own test (``values.align_units``), so that a workbook's cell
    is refused exactly where the same number typed bare would be."""
    from ..values import ValueProblem, _refuse_a_fraction

    try:
        _refuse_a_fraction(value, unit, number, None, table, "target")
    except ValueProblem:
        return True
    return False


def _typed_without_unit(value, field: str) -> Decimal | None:
    """A 指标值 or 完成值 typed as a number without a unit (``0.85``, ``≥0.85`` as text), the
    number; None for anything else (a unit of its own, 85% as formatted, words, a range)."""
    from ..values import ValueProblem, parse_quantity, parse_target

    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str):
        return None
    try:
        if field == "target":
            read = parse_target(value)
            bare = read.unit is None and read.upper is None and read.deadline is None
            return read.value if bare else None
        quantity = parse_quantity(value)
    except ValueProblem:
        return None  # refused, if needed, where it is scored
    return quantity.value if quantity is not None and quantity.unit is None else None


def _with_its_unit(value, field: str) -> tuple[Decimal, str] | None:
    """A 指标值 or 完成值 written with a unit of its own (``80%``; 0.8 formatted ``0%``): its
    number and unit, None for words or what does not read."""
    from ..values import ValueProblem, parse_quantity, parse_target

    if not isinstance(value, str):
        return None
    try:
        read = parse_target(value) if field == "target" else parse_quantity(value)
    except ValueProblem:
        return None
    if read is None or read.value is None or read.unit is None:
        return None
    return read.value, read.unit


def _is_comparison(text: str) -> bool:
    from ..values import _leading_op, normalise

    op, rest = _leading_op(normalise(text))
    return op is not None and not rest


def _plain(value) -> str:
    return format_decimal(value)


def _read_totals(
    region: Region, roles: dict, start: int, table: dict, prefix: str, reading: _Reading
) -> None:
    """总分 (合计), 自评等级 and 分值调整说明 under the grid, up to the next table. An indicator
    row typed below 总分 (the form had no more blank rows) is refused, never dropped."""
    grid = region.grid
    locations = reading.locations
    for row in range(start, region.bottom):
        texts = grid.row_texts(row)
        first = next((t for t in texts if t), "")
        if _looks_like_a_row(grid, row, roles) and first not in (
            *TOTAL_LABELS,
            *GRADE_LABELS,
            *END_LABELS,
        ):
            message = _("an indicator row under the 总分 row of 「{sheet}」").format(
                sheet=grid.sheet
            )
            hint = _("insert it above the 总分 row, inside the grid, so that it is scored")
            raise InputError(
                message,
                hint=hint,
                file=grid.file,
                code="row-below-total",
                problems=[Problem(message, prefix, hint, grid.address(row, roles["name"]))],
            )
        if first in TOTAL_LABELS and "score" not in table:
            filed = _not_the_label(_filed(grid, row, roles.get("filed"), roles.get("score")), grid)
            filed = _unless_an_error(filed, grid, f"{prefix}.score", reading)
            if "score" in roles:  # the 总分 row, filed or not: the review writes beside it
                locations.setdefault(f"{prefix}.score", grid.address(row, roles["score"]))
            if filed is not None:
                table["score"] = filed[0]
                locations[f"{prefix}.score"] = grid.address(*filed[1])
            _note_unsaved(
                reading, grid, row, (roles.get("filed"), roles.get("score")), f"{prefix}.score"
            )
        elif first in GRADE_LABELS and "grade" not in table:
            filed = _not_the_label(_filed(grid, row, roles.get("filed"), roles.get("score")), grid)
            if filed is None:
                filed = next(
                    (
                        (grid.value(row, c), (row, c))
                        for c in range(1, grid.columns)
                        if grid.value(row, c) is not None and grid.text(row, c) not in GRADE_LABELS
                    ),
                    None,
                )
            filed = _unless_an_error(filed, grid, f"{prefix}.grade", reading)
            if filed is not None:
                table["grade"] = str(filed[0])
                locations[f"{prefix}.grade"] = grid.address(*filed[1])
        elif first == "分值调整说明":
            found = next(
                (
                    (grid.value(row, c), c)
                    for c in range(1, grid.columns)
                    if grid.value(row, c) is not None and grid.text(row, c) != "分值调整说明"
                ),
                None,
            )
            if found:
                table["weights_reason"] = str(found[0])
                locations[f"{prefix}.weights_reason"] = grid.address(row, found[1])
