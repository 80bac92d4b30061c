"""Read the 项目支出绩效自评表 from a workbook into an evaluation, by header words.

Real files move rows, add blank rows and notes, rename 本年财政拨款 / 当年财政拨款, put weights
in labels (``产出指标(50分)``), print percentages as numbers or text, and split 年度指标值
into sign, value and unit columns (the Sichuan template's 指标性质 and 度量单位). So nothing is
read from a fixed cell: each block is found by its header words, and each column by its
title. One sheet per project; a sheet named 部门 holds the department's own data, and a
sheet named 部门整体 its own table. Every value read keeps its cell address in
``locations``, so an error or a finding can say ``表.xlsx!项目1!F14``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from ..errors import InputError, Problem
from .grid import Grid, load_grids
from .layout import DEPARTMENT_ROWS, OWN_TABLE_SHEET

# Column titles of the 绩效指标 grid, by role; the first word found wins.
GRID_COLUMNS = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "指标名称"),
    "op": ("指标性质", "运算符号", "符号"),
    "target": ("年度指标值", "指标值", "年度目标值", "目标值"),
    "unit": ("度量单位", "计量单位", "单位"),
    "actual": ("实际完成值", "全年实际值", "实际值", "完成值"),
    "weight": ("分值", "权重"),
    "score": ("得分",),
    "filed": ("自评得分",),
    "reason": ("偏差原因分析及改进措施", "偏差原因分析", "偏差原因", "原因分析及改进措施"),
    "deduction": ("扣减分数",),
    "applicable": ("是否适用", "适用"),
}
SUB_HEADERS = ("指标性质", "度量单位", "计量单位", "指标值")
# 指标性质 written as a direction: a 正向 target is reached from below (≥), a 反向 one from above.
DIRECTIONS = {"正向": "≥", "正向指标": "≥", "反向": "≤", "反向指标": "≤"}
TOTAL_LABELS = ("总分", "合计", "总计", "得分合计")
END_LABELS = ("分值调整说明",)
GRADE_LABELS = ("自评等级", "等级", "评价等级")
WEIGHT_IN_LABEL = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# 部门 sheet labels (without what is in brackets) to their key in the evaluation; 单位名称 too.
DEPARTMENT_LABELS = {re.sub(r"[（(].*?[)）]", "", text): path for text, path in DEPARTMENT_ROWS}
DEPARTMENT_LABELS["单位名称"] = ("name",)


class SheetData(dict):
    """The evaluation read from a workbook, with the cell of every value it holds."""

    def __init__(self, *args, locations=None, notes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.locations: dict[str, str] = dict(locations or {})
        self.notes: list[tuple[str, str]] = list(notes)  # (key path, what was assumed)


def read_workbook(path: Path) -> SheetData:
    """The built-in reader for ``.xlsx`` and ``.xls`` evaluation files."""
    path = Path(path)
    grids = load_grids(path)
    locations: dict[str, str] = {}
    notes: list[tuple[str, str]] = []
    department_grid = next(
        (g for g in grids if _is_department_sheet(g) and _grid_header(g) is None), None
    )
    tables = [g for g in grids if _grid_header(g) is not None]
    for grid in [g for g in tables if not _is_table(g)]:
        tables.remove(grid)
        notes.append(
            (
                "projects",
                f"「{grid.sheet}」有指标表头，但没有项目名称和项目资金，不是自评表，未读取",
            )
        )
    own = [g for g in tables if OWN_TABLE_SHEET in g.sheet or OWN_TABLE_SHEET in _title(g)]
    projects = [g for g in tables if g not in own]
    if not tables:
        raise InputError(
            "no sheet has a 绩效指标 grid (一级指标 / 二级指标 / 三级指标 …)",
            file=str(path),
            hint="each project's 自评表 needs the header row of its indicator grid",
            code="no-table",
        )
    data: dict = {"department": {}}
    read_projects = []
    for index, grid in enumerate(projects):
        read_projects.append(_read_table(grid, f"projects[{index}]", locations))
    if read_projects:
        data["projects"] = read_projects
    department = data["department"]
    if department_grid is not None:
        department.update(_read_department(department_grid, locations))
    if own:
        table = _read_table(own[0], "department", locations)
        department.setdefault("name", table["name"])
        department.setdefault("budget", table["budget"])
        department["indicators"] = table["indicators"]
        for key in ("goal", "result", "weights_reason", "score", "grade"):
            if key in table:
                department.setdefault(key, table[key])
                if f"department.{key}" not in locations and "department" in locations:
                    locations[f"department.{key}"] = locations["department"]
    _complete_department(department, projects or own, read_projects, notes, path)
    return SheetData(data, locations=locations, notes=notes)


# --- the department ---------------------------------------------------------------------------


def _is_department_sheet(grid: Grid) -> bool:
    return any(grid.text(r, 0) in ("部门名称", "单位名称") for r in range(min(grid.rows, 20)))


def _read_department(grid: Grid, locations: dict) -> dict:
    found: dict = {}
    for row in range(grid.rows):
        path = DEPARTMENT_LABELS.get(re.sub(r"[（(].*?[)）]", "", grid.text(row, 0)))
        value = grid.value(row, 1)
        if path is None or value is None:
            continue
        if path == ("year",) and isinstance(value, Decimal) and value == int(value):
            value = int(value)
        elif path[-1] in ("name", "grade", "reason", "weights_reason"):
            value = str(value)
        target = found
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = value
        locations["department." + ".".join(path)] = grid.address(row, 1)
    if "budget" in found:
        first = next(
            k for k in ("adjusted", "planned", "spent") if f"department.budget.{k}" in locations
        )
        locations.setdefault("department.budget", locations[f"department.budget.{first}"])
    if "department.name" in locations:
        locations.setdefault("department", locations["department.name"])
    return found


def _complete_department(department: dict, grids, projects: list[dict], notes, path: Path) -> None:
    """A workbook of project sheets only: the department is named by 主管部门, its year by the
    title, its budget by the sum of its projects — each assumption said as a note."""
    first = grids[0]
    if "name" not in department:
        name = _labelled(first, ("主管部门", "实施单位", "单位名称"))
        if name is None:
            raise InputError(
                "the workbook names no department",
                file=str(path),
                hint="add a sheet 部门 with 部门名称, or fill in 主管部门 on the 自评表",
                code="department-missing",
            )
        department["name"] = str(name[0])
        notes.append(("department.name", f"部门名称取自「{first.sheet}」的主管部门"))
    if "year" not in department:
        year = next((int(m.group(1)) for g in grids for m in [YEAR.search(_title(g))] if m), None)
        if year is None:
            raise InputError(
                "the workbook states no year",
                file=str(path),
                hint="write the year in the title, e.g. （2023年度）, or add a sheet 部门 with 年度",
                code="year-missing",
            )
        department["year"] = year
    if "budget" not in department and projects:
        budget = {
            key: sum((Decimal(str(p["budget"].get(key, 0))) for p in projects), Decimal(0))
            for key in ("planned", "adjusted", "spent")
        }
        department["budget"] = budget
        notes.append(("department.budget", "部门预算取各项目预算之和（工作簿中没有「部门」表）"))


# --- one 自评表 ------------------------------------------------------------------------------


def _title(grid: Grid) -> str:
    return " ".join(
        str(grid.value(r, c))
        for r in range(min(3, grid.rows))
        for c in range(min(grid.columns, 10))
        if grid.value(r, c) is not None
    )


def _labelled(grid: Grid, labels: tuple[str, ...], above: int | None = None):
    """The value right of the first cell whose text is one of ``labels``, with its cell."""
    for row in range(grid.rows if above is None else above):
        for column in range(grid.columns):
            if grid.text(row, column) in labels:
                for right in range(column + 1, grid.columns):
                    value = grid.value(row, right)
                    if value is not None and grid.text(row, right) not in labels:
                        return value, (row, right)
    return None


def _is_table(grid: Grid) -> bool:
    """A 自评表 has a 项目资金 block or a 项目名称 above its grid; an indicator library has neither."""
    header = _grid_header(grid)
    above = [t for row in range(header) for t in grid.row_texts(row)]
    words = [re.sub(r"[（(].*?[)）]", "", t) for t in above]
    return "全年执行数" in words or any(t in ("项目名称", "部门名称", "单位名称") for t in words)


def _grid_header(grid: Grid, start: int = 0) -> int | None:
    """The row of the 绩效指标 grid's header (一级指标 … 三级指标), from ``start`` down."""
    for row in range(start, grid.rows):
        texts = grid.row_texts(row)
        if any(t.startswith("一级指标") for t in texts) and any(
            t.startswith("三级指标") for t in texts
        ):
            return row
    return None


def _columns(grid: Grid, header: int) -> tuple[dict[str, int], int]:
    """Column of each role, and the first data row (after a sub-header row, if any)."""
    below = grid.row_texts(header + 1) if header + 1 < grid.rows else []
    has_sub = any(t in SUB_HEADERS for t in below)
    known = {word for words in GRID_COLUMNS.values() for word in words}
    # Under a two-row header (年度指标值 over 指标性质 | 指标值 | 度量单位) the lower title names
    # the column; elsewhere the upper one does.
    titles = [
        below[c] if has_sub and c < len(below) and below[c] in known else grid.text(header, c)
        for c in range(grid.columns)
    ]
    # 分值（分）, 年度指标值（A）: the title without what is in brackets
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
    return roles, header + (2 if has_sub else 1)


def _read_table(grid: Grid, prefix: str, locations: dict) -> dict:
    header = _grid_header(grid)
    roles, start = _columns(grid, header)
    for needed in ("level1", "level2", "name", "target", "actual"):
        if needed not in roles:
            message = f"the indicator grid has no column for {GRID_COLUMNS[needed][0]}"
            hint = "add the column, titled as on the 自评表"
            raise InputError(
                message,
                hint=hint,
                file=grid.file,
                code="column-missing",
                problems=[Problem(message, None, hint, grid.address(header, 0))],
            )
    table: dict = {}
    name = _labelled(grid, ("项目名称",), above=header)
    table["name"] = str(name[0]) if name else grid.sheet
    locations[prefix] = grid.address(*name[1]) if name else grid.address(0, 0)
    table["budget"] = _read_budget(grid, header, f"{prefix}.budget", locations)
    for key, label in (("goal", "预期目标"), ("result", "实际完成情况")):
        found = _below(grid, label, header)
        if found:
            table[key], cell = found
            locations[f"{prefix}.{key}"] = grid.address(*cell)
    table["indicators"], end = _read_rows(grid, roles, start, prefix, locations)
    _read_totals(grid, roles, end, table, prefix, locations)
    second = _grid_header(grid, end)
    if second is not None:
        message = f"a second indicator grid on the sheet 「{grid.sheet}」"
        hint = "put each project's 自评表 on its own sheet; only one is read per sheet"
        raise InputError(
            message,
            hint=hint,
            file=grid.file,
            code="two-tables",
            problems=[Problem(message, None, hint, grid.address(second, 0))],
        )
    return table


def _below(grid: Grid, label: str, limit: int):
    """The text under a header cell (预期目标, 实际完成情况), above the indicator grid."""
    for row in range(limit):
        for column in range(grid.columns):
            if grid.text(row, column) == label:
                value = grid.value(row + 1, column)
                if value is not None and grid.text(row + 1, column) != label:
                    return str(value), (row + 1, column)
    return None


def _read_budget(grid: Grid, limit: int, where: str, locations: dict) -> dict:
    """项目资金（万元）: the 年度资金总额 row under 年初预算数 / 全年预算数 / 全年执行数."""
    for row in range(limit):
        # 全年预算数（A）, 执行率（B/A）: the words without what is in brackets
        texts = [re.sub(r"[（(].*?[)）]", "", t) for t in grid.row_texts(row)]
        if "全年执行数" not in texts or not ({"年初预算数", "全年预算数"} & set(texts)):
            continue
        columns = {
            key: texts.index(word)
            for key, word in (
                ("planned", "年初预算数"),
                ("adjusted", "全年预算数"),
                ("spent", "全年执行数"),
                ("score", "得分"),
                ("filed", "自评得分"),
            )
            if word in texts
        }
        data_row = _budget_row(grid, row, columns)
        budget: dict = {}
        for key in ("planned", "adjusted", "spent"):
            if key in columns and grid.value(data_row, columns[key]) is not None:
                budget[key] = grid.value(data_row, columns[key])
                locations[f"{where}.{key}"] = grid.address(data_row, columns[key])
        filed = _filed(grid, data_row, columns.get("filed"), columns.get("score"))
        if filed is not None:
            budget["score"], cell = filed
            locations[f"{where}.score"] = grid.address(*cell)
        reason = _labelled(grid, ("资金偏差原因", "预算执行偏差原因"), above=limit)
        if reason:
            budget["reason"] = str(reason[0])
            locations[f"{where}.reason"] = grid.address(*reason[1])
        locations[where] = grid.address(data_row, columns.get("spent", 0))
        return budget
    raise InputError(
        "no 项目资金 block (年初预算数 / 全年预算数 / 全年执行数) above the indicator grid",
        f"{grid.sheet}",
        "add the block with its header words",
        file=grid.file,
        code="budget-missing",
    )


def _budget_row(grid: Grid, header: int, columns: dict) -> int:
    """The 年度资金总额 (or 合计) row; otherwise the first row with an amount."""
    candidates = range(header + 1, min(header + 8, grid.rows))
    for row in candidates:
        if any(
            t.startswith(("年度资金总额", "资金总额", "合计"))
            for t in grid.row_texts(row)[: min(columns.values())]
        ):
            return row
    for row in candidates:
        if any(isinstance(grid.value(row, c), Decimal) for c in columns.values()):
            return row
    return header + 1


def _filed(grid: Grid, row: int, filed_column: int | None, score_column: int | None):
    """A filed score: the 自评得分 column where it is filled, otherwise 得分."""
    for column in (filed_column, score_column):
        if column is not None and grid.value(row, column) is not None:
            return grid.value(row, column), (row, column)
    return None


def _read_rows(grid: Grid, roles: dict, start: int, prefix: str, locations: dict):
    indicators = []
    level1 = level2 = None
    row = start
    while row < grid.rows:
        texts = grid.row_texts(row)
        first = next((t for t in texts if t), "")
        if first in TOTAL_LABELS or first in GRADE_LABELS or first in END_LABELS:
            break
        name = grid.value(row, roles["name"])
        target = _target(grid, row, roles)
        level1 = _label(grid.value(row, roles["level1"])) or level1
        level2 = _label(grid.value(row, roles["level2"])) or level2
        if name is None or _spans_the_row(grid, row, roles):
            row += 1  # a blank row, a note merged across the grid, or a category subtotal
            continue
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
        where = f"{prefix}.indicators[{len(indicators)}]"
        indicator = {
            "level1": level1,
            "level2": level2,
            "name": str(name).strip(),
            "target": target,
        }
        locations[where] = grid.address(row, roles["name"])
        locations[f"{where}.target"] = grid.address(row, roles["target"])
        for key in ("level1", "level2"):
            locations[f"{where}.{key}"] = grid.address(row, roles[key])
        actual = grid.value(row, roles["actual"])
        indicator["actual"] = actual if actual is not None else ""
        locations[f"{where}.actual"] = grid.address(row, roles["actual"])
        for key in ("weight", "reason", "deduction"):
            if key in roles and grid.value(row, roles[key]) is not None:
                value = grid.value(row, roles[key])
                indicator[key] = str(value) if key == "reason" else value
                locations[f"{where}.{key}"] = grid.address(row, roles[key])
        filed = _filed(grid, row, roles.get("filed"), roles.get("score"))
        if filed is not None and not (isinstance(filed[0], str) and "不适用" in filed[0]):
            indicator["score"] = filed[0]
            locations[f"{where}.score"] = grid.address(*filed[1])
        marked = grid.text(row, roles["applicable"]) if "applicable" in roles else ""
        if marked in ("否", "不适用") or grid.text(row, roles["actual"]) == "不适用":
            indicator["applicable"] = False
        indicators.append(indicator)
        row += 1
    return indicators, row


def _spans_the_row(grid: Grid, row: int, roles: dict) -> bool:
    """One text over the name, target and actual columns: a note merged across the grid."""
    cells = [grid.value(row, roles[key]) for key in ("name", "target", "actual")]
    return cells[0] is not None and all(cell == cells[0] for cell in cells)


def _label(value) -> str | None:
    """一级/二级指标 as a label, without a weight written into it (产出指标(50分))."""
    if value is None:
        return None
    return WEIGHT_IN_LABEL.sub("", str(value)).strip() or None


def _target(grid: Grid, row: int, roles: dict):
    """年度指标值, put together from sign, value and unit columns where the form splits it."""
    value = grid.value(row, roles["target"])
    if value is None:
        return None
    op = grid.value(row, roles["op"]) if "op" in roles else None
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


def _is_comparison(text: str) -> bool:
    from ..values import _leading_op, normalise

    op, rest = _leading_op(normalise(text))
    return op is not None and not rest


def _plain(value) -> str:
    from ..values import format_decimal

    return format_decimal(value)


def _read_totals(
    grid: Grid, roles: dict, start: int, table: dict, prefix: str, locations: dict
) -> None:
    """总分, 自评等级 and 分值调整说明 under the grid."""
    for row in range(start, grid.rows):
        texts = grid.row_texts(row)
        first = next((t for t in texts if t), "")
        if first in TOTAL_LABELS and "score" not in table:
            filed = _filed(grid, row, roles.get("filed"), roles.get("score"))
            if filed is not None:
                table["score"] = filed[0]
                locations[f"{prefix}.score"] = grid.address(*filed[1])
        elif first in GRADE_LABELS and "grade" not in table:
            filed = _filed(grid, row, roles.get("filed"), roles.get("score"))
            if filed is None:
                filed = next(
                    (
                        (grid.value(row, c), (row, c))
                        for c in range(1, grid.columns)
                        if grid.value(row, c) is not None and grid.text(row, c) not in GRADE_LABELS
                    ),
                    None,
                )
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
