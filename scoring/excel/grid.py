"""A worksheet as a grid of cached values, whatever the file format.

``.xlsx`` is read with openpyxl (``data_only``: the values Excel cached, formulas are never
evaluated; defusedxml guards the XML), ``.xls`` with xlrd, which keeps each cell's number
format, so a cell shown as 95% reads as ``95%`` in either. A formula whose value was never
saved (a file written by a program, not by Excel) is remembered, so that it is named rather
than read as empty. Hidden rows and columns are not part of the form a unit prints and stamps:
their cells are not read, and the grid remembers which held values, to say so. A merged range shows its top-left value in every cell it covers, so a
一级指标 label merged over five rows reads on each of them. Every value keeps its address,
e.g. ``表.xlsx!项目1!F14``.
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
    # cells holding a formula whose value the file does not carry: (row, column)
    uncached: set = field(default_factory=set)
    # rows and columns hidden in the sheet, whose cells held values: not read, and said so
    hidden: list = field(default_factory=list)

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
    """Every visible sheet of a workbook, or an InputError that says what the file is not."""
    if not path.is_file():
        raise InputError("no such file", file=str(path), hint="check the path", code="not-found")
    if path.suffix.lower() == ".xls":
        return _load_xls(path)
    return _load_xlsx(path)


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
    from openpyxl.cell.cell import MergedCell
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, data_only=True, read_only=False)
        uncached = _formulas_without_values(path)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise _not_a_spreadsheet(path, type(exc).__name__) from None
    grids = []
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue  # hidden lists (指标库) feed data validation; they are not tables
        grid = Grid(str(path), sheet.title, rows=sheet.max_row, columns=sheet.max_column)
        grid.uncached = uncached.get(sheet.title, set())
        hidden_rows = {r - 1 for r, d in sheet.row_dimensions.items() if d.hidden}
        hidden_columns = {
            c - 1
            for d in sheet.column_dimensions.values()
            if d.hidden and d.min
            for c in range(d.min, (d.max or d.min) + 1)
        }
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell, MergedCell):
                    continue  # never a value of its own: its range's first cell has it
                value = _cell_value(cell.value, cell.number_format or "")
                if value is not None:
                    _put(grid, cell.row - 1, cell.column - 1, value, hidden_rows, hidden_columns)
        for merged in sheet.merged_cells.ranges:
            _fill(
                grid, merged.min_row - 1, merged.min_col - 1, merged.max_row - 1, merged.max_col - 1
            )
        grids.append(grid)
    return grids


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _formulas_without_values(path: Path) -> dict[str, set]:
    """Per sheet title, the cells whose formula (<f>) has no cached value (<v>): Excel saves
    both, a program that writes formulas often only the formula. Read from the XML as a stream
    (defusedxml), in linear time."""
    import posixpath
    import zipfile

    from defusedxml.ElementTree import iterparse, parse

    found: dict[str, set] = {}
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return found
        with archive.open("xl/_rels/workbook.xml.rels") as rels:
            targets = {
                rel.get("Id"): rel.get("Target", "")
                for rel in parse(rels).getroot()
                if rel.get("Target")
            }
        with archive.open("xl/workbook.xml") as book:
            sheets = [
                (sheet.get("name"), targets.get(sheet.get(_RELATION), ""))
                for sheet in parse(book).getroot().iter(f"{_MAIN}sheet")
            ]
        for title, target in sheets:
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
            if part not in names:
                continue
            with archive.open(part) as xml:
                for _, element in iterparse(xml):
                    if element.tag != f"{_MAIN}c":
                        continue
                    value = element.find(f"{_MAIN}v")
                    saved = value is not None and (value.text or "") != ""
                    if element.find(f"{_MAIN}f") is not None and not saved:
                        found.setdefault(title, set()).add(_cell_index(element.get("r", "")))
                    element.clear()
    return found


def _cell_index(reference: str) -> tuple[int, int]:
    """``E14`` → (13, 4)."""
    letters = "".join(ch for ch in reference if ch.isalpha())
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return int(reference[len(letters) :]) - 1, column - 1


def _load_xls(path: Path) -> list[Grid]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd raises its own and the standard library's types per fault
        raise _not_a_spreadsheet(path, type(exc).__name__) from None
    grids = []
    for sheet in book.sheets():
        if sheet.visibility:
            continue  # hidden lists (指标库) feed data validation; they are not tables
        grid = Grid(str(path), sheet.name, rows=sheet.nrows, columns=sheet.ncols)
        hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
        hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                value = _xls_value(book, sheet.cell(r, c))
                if value is not None:
                    _put(grid, r, c, value, hidden_rows, hidden_columns)
        for top, bottom, left, right in sheet.merged_cells:  # half-open, as xlrd gives them
            _fill(grid, top, left, bottom - 1, right - 1)
        grids.append(grid)
    return grids


def _xls_value(book, cell):
    """A .xls cell as the scorer reads it, with its number format, as for .xlsx."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    number_format = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    if cell.ctype == xlrd.XL_CELL_DATE:
        return _cell_value(xlrd.xldate_as_datetime(cell.value, book.datemode), number_format)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return _cell_value(cell.value, number_format)


def _put(grid: Grid, row: int, column: int, value, hidden_rows, hidden_columns) -> None:
    """A cell into the grid, unless its row or column is hidden (then remembered)."""
    if row in hidden_rows or column in hidden_columns:
        grid.hidden.append((row, column))
        return
    grid.cells[(row, column)] = value


def _fill(grid: Grid, top: int, left: int, bottom: int, right: int) -> None:
    value = grid.cells.get((top, left))
    if value is None:
        return
    for row in range(top, bottom + 1):
        for column in range(left, right + 1):
            grid.cells.setdefault((row, column), value)
    grid.rows = max(grid.rows, bottom + 1)
    grid.columns = max(grid.columns, right + 1)
