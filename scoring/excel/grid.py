"""A worksheet as a grid of cached values, whatever the file format.

``.xlsx`` is read with openpyxl (``data_only``: the values Excel cached, formulas are never
evaluated; defusedxml guards the XML when installed), ``.xls`` with python-calamine. A merged
range shows its top-left value in every cell it covers, so a 一级指标 label merged over five
rows reads on each of them. Every value keeps its address, e.g. ``表.xlsx!项目1!F14``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..errors import InputError


def column_letter(column: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass
class Grid:
    """One sheet: values by (row, column), both from 0."""

    file: str
    sheet: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    rows: int = 0
    columns: int = 0
    formats: bool = True  # whether number formats were read (a % cell as "95%"); not for .xls

    def value(self, row: int, column: int):
        return self.cells.get((row, column))

    def text(self, row: int, column: int) -> str:
        """The cell as text with all whitespace removed, for matching header words."""
        value = self.value(row, column)
        if value is None:
            return ""
        return "".join(str(value).split())

    def address(self, row: int, column: int) -> str:
        return f"{Path(self.file).name}!{self.sheet}!{column_letter(column)}{row + 1}"

    def row_texts(self, row: int) -> list[str]:
        return [self.text(row, column) for column in range(self.columns)]


def _cell_value(value, number_format: str = ""):
    """A cell's cached value as the scorer reads it: exact decimals, percentages as text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        # a cached float as Excel shows it: 15 significant digits (9.500000000000002 is 9.5)
        number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
        if _percent_format(number_format):
            # 0.95 shown as 95% in Excel is 95% on the form
            return f"{_plain(number * 100)}%"
        return number
    if isinstance(value, (datetime, date)):
        return _date_as_shown(value, number_format)
    return str(value).strip()


def _date_as_shown(value, number_format: str) -> str:
    """A date cell as the form shows it: Excel keeps 2024年6月 as 2024-06-01, so a format without
    a day gives the month (2024年6月), without a month the year, and a full date its ISO day."""
    import re

    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format).lower()
    if number_format and "d" not in bare:
        if "m" not in bare:
            return f"{value.year}年"
        return f"{value.year}年{value.month}月"
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def _percent_format(number_format: str) -> bool:
    """A format that multiplies by 100: a % outside quotes and not escaped (0.00%, not 0"%")."""
    import re

    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)
    return "%" in bare


def _plain(number: Decimal) -> str:
    from ..values import format_decimal

    return format_decimal(number)


def load_grids(path: Path) -> list[Grid]:
    """Every sheet of a workbook, or an InputError that says what the file is not."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError("no such file", file=str(path), hint="check the path", code="not-found")
    try:
        if suffix == ".xls":
            return _load_xls(path)
        return _load_xlsx(path)
    except ImportError:
        raise InputError(
            f"reading {suffix} needs the spreadsheet extra",
            file=str(path),
            hint='install it with: pip install "scoring[excel]"',
            code="excel-missing",
        ) from None


def _not_a_spreadsheet(path: Path, detail: str) -> InputError:
    return InputError(
        f"not a spreadsheet this reader understands ({detail})",
        file=str(path),
        hint="save it from Excel or WPS as .xlsx (or .xls), or convert it to TOML",
        code="not-a-spreadsheet",
    )


def _load_xlsx(path: Path) -> list[Grid]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, data_only=True, read_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise _not_a_spreadsheet(path, type(exc).__name__) from None
    grids = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue  # hidden lists (指标库) feed data validation; they are not tables
        grid = Grid(str(path), sheet.title, rows=sheet.max_row, columns=sheet.max_column)
        for row in sheet.iter_rows():
            for cell in row:
                value = _cell_value(cell.value, cell.number_format or "")
                if value is not None:
                    grid.cells[(cell.row - 1, cell.column - 1)] = value
        for merged in sheet.merged_cells.ranges:
            _fill(
                grid, merged.min_row - 1, merged.min_col - 1, merged.max_row - 1, merged.max_col - 1
            )
        grids.append(grid)
    return grids


def _load_xls(path: Path) -> list[Grid]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise _not_a_spreadsheet(path, type(exc).__name__) from None
    except Exception as exc:  # python-calamine raises its own exception types per format fault
        raise _not_a_spreadsheet(path, type(exc).__name__) from None
    grids = []
    hidden = {
        m.name
        for m in getattr(workbook, "sheets_metadata", ())
        if str(m.visible).lower().endswith("hidden")
    }
    for name in workbook.sheet_names:
        if name in hidden:
            continue
        sheet = workbook.get_sheet_by_name(name)
        values = sheet.to_python(skip_empty_area=False)
        grid = Grid(
            str(path),
            name,
            rows=len(values),
            columns=max((len(r) for r in values), default=0),
            formats=False,
        )
        for r, row in enumerate(values):
            for c, value in enumerate(row):
                value = _cell_value(value if value != "" else None)
                if value is not None:
                    grid.cells[(r, c)] = value
        for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
            _fill(grid, top, left, bottom, right)
        grids.append(grid)
    return grids


def _fill(grid: Grid, top: int, left: int, bottom: int, right: int) -> None:
    value = grid.cells.get((top, left))
    if value is None:
        return
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            grid.cells.setdefault((row, column), value)
    grid.rows = max(grid.rows, bottom + 1)
    grid.columns = max(grid.columns, right + 1)
