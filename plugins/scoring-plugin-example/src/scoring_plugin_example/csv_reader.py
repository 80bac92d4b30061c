"""Read a ``.csv`` layout of the indicator table into an evaluation.

The layout (see the README for an example)::

    # 部门: 某县农业农村局, 年度: 2023, 年初预算数: 150, 全年预算数: 160, 全年执行数: 152
    项目名称,年初预算数,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因
    农村改厕,100,100,96,产出指标,数量指标,改厕户数,≥500户,480户,30,,进度滞后
    ,,,,产出指标,质量指标,验收合格率,≥95%,92%,20,,
    …

- **The department line**: a line starting with ``#`` whose first key is ``部门`` (or
  ``部门名称`` / ``单位名称``), before the header row: ``key: value`` pairs separated by commas
  (``,`` or ``，``; ``:`` or ``：``). Keys: ``部门`` and ``年度`` (required), ``年初预算数``,
  ``全年预算数``, ``全年执行数`` (without them the department's budget is the sum of its
  projects', said as a ``read-assumption`` finding), ``自评得分``, ``自评等级``. It may be one
  cell (as a spreadsheet quotes it) or spread over cells. Other ``#`` lines are comments.
- **The header row**: the first line that is not a comment. Columns are found by name, in any
  order; ``(万元)`` and the like after a name are ignored, and so are columns with other names
  (序号, 备注 …). Required: 项目名称, 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值,
  全年执行数 and 年初预算数 or 全年预算数. Optional: 分值, 得分, 偏差原因 (or
  偏差原因分析及改进措施), 执行率得分.
- **Rows**: one indicator each. A row with an empty 项目名称 belongs to the project above; a
  project's rows are together. Its budget (年初预算数, 全年预算数, 全年执行数, 执行率得分) is on
  its first row, and on later rows empty or repeated unchanged.

Numbers (budgets, 分值, 得分) become :class:`~decimal.Decimal` through ``Decimal(str)``; a cell
with a unit or thousands separators (``3,823,100元``) is passed on as text for ``scoring`` to
read. 年度指标值 and 实际完成值 stay text (``≥95%``, ``480户``). The file is UTF-8 (a byte-order
mark, as Excel's "CSV UTF-8" writes, is fine) or GB18030 (Excel's plain "CSV" on Chinese
Windows), the latter said as a ``read-assumption``.

Every problem is a :class:`scoring.InputError` naming the file and the line; the returned
evaluation carries the line of every value (``locations``), so a value ``scoring`` cannot read
is reported as ``表.csv line 5, column 9``.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from scoring import InputError

MAX_BYTES = 64 * 1024 * 1024

# Header names by the evaluation key they fill.
COLUMNS = {
    "项目名称": "project",
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "年度指标值": "target",
    "实际完成值": "actual",
    "分值": "weight",
    "得分": "score",
    "偏差原因": "reason",
    "偏差原因分析及改进措施": "reason",
    "年初预算数": "planned",
    "全年预算数": "adjusted",
    "全年执行数": "spent",
    "执行率得分": "budget_score",
}
REQUIRED = ("project", "level1", "level2", "name", "target", "actual", "spent")
BUDGET_KEYS = ("planned", "adjusted", "spent", "budget_score")
BUDGET_FIELDS = {
    "planned": "planned",
    "adjusted": "adjusted",
    "spent": "spent",
    "budget_score": "score",
}
NAMES = {key: name for name, key in reversed(list(COLUMNS.items()))}  # the short name of each

DEPARTMENT_KEYS = {
    "部门": "name",
    "部门名称": "name",
    "单位名称": "name",
    "年度": "year",
    "年初预算数": "planned",
    "全年预算数": "adjusted",
    "全年执行数": "spent",
    "自评得分": "score",
    "自评等级": "grade",
}
DEPARTMENT_HINT = (
    "write it as: # 部门: 名称, 年度: 2023, 年初预算数: 150, 全年预算数: 160, 全年执行数: 152"
)
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
DEPARTMENT_LINE = re.compile(r"#\s*(部门|部门名称|单位名称)\s*[:：]")
UNIT_SUFFIX = re.compile(r"[（(][^)）]*[)）]\s*$")


class CsvData(dict):
    """The evaluation read from a CSV file, with the line of every value it holds.

    ``scoring`` looks for ``locations`` (key path → place) and ``notes`` ((key path, what was
    assumed)) on what a reader returns, as its own workbook reader provides them.
    """

    def __init__(self, *args, locations=None, notes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.locations: dict[str, str] = dict(locations or {})
        self.notes: list[tuple[str, str]] = list(notes)


def _text(path: Path, notes: list) -> str:
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"the file is {size} bytes, more than a table can be", file=file)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=file, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("this is a folder, not a file", file=file) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", file=file) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"neither UTF-8 nor GB18030 text (at byte {exc.start})",
            file=file,
            hint="save the table as CSV UTF-8",
            code="not-utf8",
        ) from None
    notes.append(("department", f"{path.name} 不是 UTF-8 编码，按 GB18030（GBK）读取"))
    return text


def _number(cell: str):
    """A plain number as an exact Decimal; anything else (units, separators) as its text."""
    text = cell.strip()
    if PLAIN_NUMBER.fullmatch(text):
        try:
            return Decimal(str(text))
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            pass
    return text


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.file = str(path)
        self.locations: dict[str, str] = {}
        self.notes: list[tuple[str, str]] = []

    def error(
        self,
        message: str,
        line: int,
        hint: str | None = None,
        column: int | None = None,
        code: str = "csv-invalid",
    ) -> InputError:
        where = f"line {line}" if column is None else f"line {line}, column {column}"
        return InputError(message, where, hint, file=self.file, code=code)

    def place(self, line: int, column: int | None = None) -> str:
        here = f"{self.path.name} line {line}"
        return here if column is None else f"{here}, column {column}"

    # --- the whole file -------------------------------------------------------------------
    def read(self) -> CsvData:
        text = _text(self.path, self.notes)
        rows = self._rows(text)
        department, header, body = self._split(rows)
        columns = self._columns(*header)
        projects = self._projects(body, columns)
        if not projects:
            raise InputError(
                "the table has a header row but no indicator rows",
                file=self.file,
                hint="add one row per indicator below the header",
                code="csv-empty",
            )
        self._complete_department(department, projects)
        return CsvData(
            {"department": department, "projects": projects},
            locations=self.locations,
            notes=self.notes,
        )

    def _rows(self, text: str) -> list[tuple[int, list[str]]]:
        """Every record with the line it starts on (a quoted cell may span lines)."""
        reader = csv.reader(text.splitlines(keepends=True), strict=True)
        rows = []
        start = 1
        try:
            for cells in reader:
                rows.append((start, cells))
                start = reader.line_num + 1
        except csv.Error as exc:
            raise self.error(
                f"not valid CSV: {exc}", reader.line_num or start, "check the quotes on this line"
            ) from None
        return rows

    def _split(self, rows):
        """The department (from its # line), the header row, and the indicator rows."""
        department: dict | None = None
        for index, (line, cells) in enumerate(rows):
            if not any(c.strip() for c in cells):
                continue
            if cells[0].lstrip().startswith("#"):
                if department is None:
                    department = self._department_line(line, cells)
                elif DEPARTMENT_LINE.match(",".join(cells).lstrip()):
                    raise self.error(
                        f"a second department line (the first is line {department['_line']})",
                        line,
                        "one file holds one department",
                        code="department-invalid",
                    )
                continue
            if department is None:
                raise self.error(
                    "the department line is missing before the header row",
                    line,
                    DEPARTMENT_HINT,
                    code="department-missing",
                )
            return department, (line, cells), rows[index + 1 :]
        raise InputError(
            "no header row (项目名称, 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值 …)",
            file=self.file,
            hint="the first line that is not a # line names the columns",
            code="csv-empty",
        )

    # --- the department -------------------------------------------------------------------
    def _department_line(self, line: int, cells: list[str]) -> dict | None:
        """``# 部门: X, 年度: 2023, …`` → the department; None for any other # line (a comment)."""
        text = ",".join(c for c in cells if c.strip()).strip().lstrip("#").strip()
        pairs = [p.strip() for p in re.split(r"[,，]", text) if p.strip()]
        first = re.split(r"[:：]", pairs[0], maxsplit=1)[0].strip() if pairs else ""
        if DEPARTMENT_KEYS.get(first) != "name":
            return None
        department: dict = {}
        budget: dict = {}
        for pair in pairs:
            parts = re.split(r"([:：])", pair, maxsplit=1)
            key, colon, value = (p.strip() for p in (parts if len(parts) == 3 else [pair, "", ""]))
            if not colon or not value:
                raise self.error(
                    f"{pair!r} in the department line is not `key: value`",
                    line,
                    DEPARTMENT_HINT + " (a name with a comma cannot be written here)",
                    code="department-invalid",
                )
            role = DEPARTMENT_KEYS.get(key)
            if role is None:
                raise self.error(
                    f"unknown key {key!r} in the department line",
                    line,
                    "known keys: " + ", ".join(DEPARTMENT_KEYS),
                    code="department-invalid",
                )
            if role in budget or role in department:
                raise self.error(
                    f"{key!r} appears twice in the department line", line, code="department-invalid"
                )
            if role in ("planned", "adjusted", "spent"):
                budget[role] = _number(value)
                self.locations[f"department.budget.{role}"] = self.place(line)
            elif role == "year":
                if not re.fullmatch(r"\d{4}", value):
                    raise self.error(
                        f"年度 {value!r} is not a year",
                        line,
                        "write the budget year, e.g. 2023",
                        code="department-invalid",
                    )
                department["year"] = int(value)
            elif role == "score":
                department["score"] = _number(value)
            else:
                department[role] = value
            self.locations.setdefault(f"department.{role}", self.place(line))
        for key, role in (("部门", "name"), ("年度", "year")):
            if role not in department:
                raise self.error(
                    f"the department line has no {key}",
                    line,
                    DEPARTMENT_HINT,
                    code="department-invalid",
                )
        if budget:
            department["budget"] = budget
        department["_line"] = line
        return department

    def _complete_department(self, department: dict, projects: list[dict]) -> None:
        """Without a budget on the department line, the department's is its projects' sum."""
        line = department.pop("_line")
        if "budget" in department:
            return
        totals = {}
        for key in ("planned", "adjusted", "spent"):
            values = [p["budget"].get(key) for p in projects]
            if any(v is None for v in values):
                continue
            if not all(isinstance(v, Decimal) for v in values):
                raise self.error(
                    "the department line gives no budget, and the projects' budgets are not all "
                    "plain numbers to add up",
                    line,
                    "add 年初预算数, 全年预算数 and 全年执行数 to the department line",
                    code="department-invalid",
                )
            totals[key] = sum(values, Decimal(0))
        department["budget"] = totals
        self.notes.append(("department.budget", "部门预算取各项目预算之和（部门行没有写预算数）"))

    # --- the header -----------------------------------------------------------------------
    def _columns(self, line: int, cells: list[str]) -> dict[str, int]:
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            name = UNIT_SUFFIX.sub("", cell.strip()).strip()
            key = COLUMNS.get(name)
            if key is None:
                continue
            if key in columns:
                raise self.error(
                    f"two columns are {NAMES[key]} (columns {columns[key] + 1} and {index + 1})",
                    line,
                    "keep one of them",
                    column=index + 1,
                    code="csv-header",
                )
            columns[key] = index
        missing = [NAMES[key] for key in REQUIRED if key not in columns]
        if "planned" not in columns and "adjusted" not in columns:
            missing.append("年初预算数 or 全年预算数")
        if missing:
            raise self.error(
                "the header row lacks the column"
                + ("s " if len(missing) > 1 else " ")
                + ", ".join(missing),
                line,
                "columns: 项目名称, 年初预算数, 全年预算数, 全年执行数, 一级指标, 二级指标, "
                "三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因",
                code="csv-header",
            )
        self.width = len(cells)
        return columns

    # --- the rows -------------------------------------------------------------------------
    def _projects(self, body, columns: dict[str, int]) -> list[dict]:
        projects: list[dict] = []
        seen: dict[str, int] = {}
        current: dict | None = None
        for line, cells in body:
            if not any(c.strip() for c in cells):
                continue
            if cells[0].lstrip().startswith("#"):
                if DEPARTMENT_LINE.match(",".join(cells).lstrip()):
                    raise self.error(
                        "the department line must come before the header row",
                        line,
                        "move it to the top of the file",
                        code="department-invalid",
                    )
                continue
            extra = [i for i in range(self.width, len(cells)) if cells[i].strip()]
            if extra:
                raise self.error(
                    f"the row has {len(cells)} cells, the header {self.width}",
                    line,
                    'a cell with a comma needs quotes: "…,…"',
                    column=extra[0] + 1,
                    code="csv-row",
                )

            def cell(key: str, cells: list[str] = cells) -> str:
                index = columns.get(key)
                return cells[index].strip() if index is not None and index < len(cells) else ""

            name = cell("project")
            if name and (current is None or name != current["name"]):
                if name in seen:
                    raise self.error(
                        f"project {name!r} appears again after other projects "
                        f"(it starts on line {seen[name]})",
                        line,
                        "keep each project's rows together",
                        column=columns["project"] + 1,
                        code="csv-row",
                    )
                seen[name] = line
                current = {"name": name, "budget": {}, "indicators": []}
                index = len(projects)
                projects.append(current)
                self.locations[f"projects[{index}]"] = self.place(line)
                self.locations[f"projects[{index}].name"] = self.place(line, columns["project"] + 1)
                self._budget(current, index, line, columns, cell, first=True)
            elif current is None:
                raise self.error(
                    "the first row names no project (项目名称 is empty)",
                    line,
                    "write the project's name on its first row",
                    column=columns["project"] + 1,
                    code="csv-row",
                )
            else:
                self._budget(current, len(projects) - 1, line, columns, cell, first=False)
            self._indicator(current, len(projects) - 1, line, columns, cell)
        for project in projects:
            budget = project["budget"]
            if "spent" not in budget or not ({"planned", "adjusted"} & set(budget)):
                start = seen[project["name"]]
                raise self.error(
                    f"project {project['name']!r} has no budget: 全年执行数 and 年初预算数 or "
                    "全年预算数 are needed on its first row",
                    start,
                    "fill in the budget columns on the project's first row",
                    code="budget-missing",
                )
        return projects

    def _budget(self, project: dict, index: int, line: int, columns, cell, first: bool) -> None:
        for key in BUDGET_KEYS:
            if key not in columns:
                continue
            raw = cell(key)
            if not raw:
                continue
            value = _number(raw)
            field = BUDGET_FIELDS[key]
            if first:
                project["budget"][field] = value
                self.locations[f"projects[{index}].budget.{field}"] = self.place(
                    line, columns[key] + 1
                )
            elif project["budget"].get(field) != value:
                before = project["budget"].get(field)
                raise self.error(
                    f"{NAMES[key]} {raw} differs from the project's first row"
                    + ("" if before is None else f" ({before})"),
                    line,
                    "write a project's budget on its first row; later rows leave it empty or repeat it",
                    column=columns[key] + 1,
                    code="budget-differs",
                )

    def _indicator(self, project: dict, index: int, line: int, columns, cell) -> None:
        row = len(project["indicators"])
        where = f"projects[{index}].indicators[{row}]"
        indicator: dict = {}
        for key in ("level1", "level2", "name", "target", "actual"):
            indicator[key] = cell(key)
        for key in ("weight", "score"):
            if cell(key):
                indicator[key] = _number(cell(key))
        if cell("reason"):
            indicator["reason"] = cell("reason")
        self.locations[where] = self.place(line)
        for key in indicator:
            self.locations[f"{where}.{key}"] = self.place(line, columns[key] + 1)
        project["indicators"].append(indicator)


def read_csv(path: Path) -> CsvData:
    """The reader for ``.csv`` evaluation files: the indicator table, one row per indicator."""
    return _Reader(Path(path)).read()
