"""The unit's own workbook, opened to be returned with the review added.

A ``.xlsx`` is opened as it is (openpyxl keeps its sheets, merged cells, column widths, row
heights, styles, data validation and print settings; it does not keep pictures or shapes, such
as a scanned seal). Formulas come back as the values the unit's file showed: openpyxl cannot
save a formula with its value, and a copy whose cells are empty until recalculated would not
read back. A ``.xls`` cannot be written back as ``.xls``: it is copied into a new ``.xlsx``
with its values, number formats, merged cells, column widths (the default one too), row
heights, hidden rows and columns, fonts, fills, alignment, borders and the unit's notes on
cells, as xlrd reads them (not its drop-down lists, which xlrd does not read).

A workbook this tool reviewed before (a unit returning a corrected copy) loses that review
first — its 汇总 and 复核发现 sheets, its review columns, and the fills and comments it added — so
that the new review stands alone.
"""

from __future__ import annotations

import math
from pathlib import Path

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
# The widest digit of the default font (Arial 10 in .xls, Calibri 11 in .xlsx), in pixels: Excel
# measures column widths in these digits.
DIGIT_PIXELS = 7


def unit_workbook(path: Path):
    """The workbook at ``path``, ready to be annotated and saved as ``.xlsx``; counted against
    the limits first, as when it is read (see :mod:`scoring.excel.grid`)."""
    from .grid import open_xlsx, workbook_format

    if workbook_format(path) == "xls":
        return _xls_copy(path)
    return open_xlsx(path)


def _xls_copy(path: Path):
    from .grid import open_xls, xls_sheets

    book = open_xls(path)
    try:
        return _copy_sheets(book, xls_sheets(book, path), path)
    finally:
        book.release_resources()


def _copy_sheets(book, sheets, path: Path):
    import xlrd
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from .grid import xls_date, xls_format, xls_place

    workbook = Workbook()
    if (initial := workbook.active) is not None:  # the sheet a new workbook comes with
        workbook.remove(initial)
    horizontal = {
        0: None,
        1: "left",
        2: "center",
        3: "right",
        4: "fill",
        5: "justify",
        6: "centerContinuous",
    }
    vertical = {0: "top", 1: "center", 2: "bottom", 3: "justify"}
    thin = Side(style="thin")
    for source in sheets:
        sheet = workbook.create_sheet(source.name)
        if source.visibility:
            sheet.sheet_state = "hidden"
        for r in range(source.nrows):
            for c in range(source.row_len(r)):  # the cells the row holds
                cell = source.cell(r, c)
                place = xls_place(path, source, r, c)
                xf, number_format = xls_format(book, cell, path, place)
                target = sheet.cell(row=r + 1, column=c + 1)
                moment = xls_date(book, cell) if cell.ctype == xlrd.XL_CELL_DATE else None
                if moment is not None:
                    target.value = moment
                elif cell.ctype in (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
                    _refuse_unwritable(cell.value, path, place)
                    target.value = cell.value
                    if isinstance(cell.value, str):
                        target.data_type = "s"
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    target.value = bool(cell.value)
                elif cell.ctype == xlrd.XL_CELL_ERROR:  # as the unit's file shows it
                    target.value = xlrd.error_text_from_code.get(cell.value, "#VALUE!")
                target.number_format = number_format
                background = xf.background
                colour = book.colour_map.get(background.pattern_colour_index)
                if background.fill_pattern and colour:
                    rgb = "".join(f"{part:02X}" for part in colour)
                    target.fill = PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)
                if xf.font_index < len(book.font_list):  # a font the file lacks: the default
                    font = book.font_list[xf.font_index]
                    target.font = Font(name=font.name, size=font.height / 20, bold=bool(font.bold))
                target.alignment = Alignment(
                    horizontal=horizontal.get(xf.alignment.hor_align),
                    vertical=vertical.get(xf.alignment.vert_align, "center"),
                    wrap_text=bool(xf.alignment.text_wrapped),
                )
                lines = xf.border
                if any(
                    (
                        lines.left_line_style,
                        lines.right_line_style,
                        lines.top_line_style,
                        lines.bottom_line_style,
                    )
                ):
                    target.border = Border(
                        left=thin if lines.left_line_style else Side(),
                        right=thin if lines.right_line_style else Side(),
                        top=thin if lines.top_line_style else Side(),
                        bottom=thin if lines.bottom_line_style else Side(),
                    )
        for (r, c), note in source.cell_note_map.items():  # the unit's own notes on cells
            sheet.cell(row=r + 1, column=c + 1).comment = Comment(note.text, note.author or "")
        for top, bottom, left, right in source.merged_cells:
            sheet.merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=bottom, end_column=right
            )
        default = _default_width(source)
        sheet.sheet_format.defaultColWidth = default
        for column in range(source.ncols):
            info = source.colinfo_map.get(column)
            # a set width is in 1/256 of a character with the cell's padding, as in .xlsx
            width = info.width / 256 if info is not None else default
            sheet.column_dimensions[get_column_letter(column + 1)].width = width
            if info is not None and info.hidden:
                sheet.column_dimensions[get_column_letter(column + 1)].hidden = True
        for row, info in source.rowinfo_map.items():
            if info.hidden:
                sheet.row_dimensions[row + 1].hidden = True
            if not info.height_mismatch:
                continue  # the default height: let the program size it
            sheet.row_dimensions[row + 1].height = info.height / 20
    return workbook


def _refuse_unwritable(value, path: Path, place) -> None:
    """A text of the unit's .xls that an .xlsx cannot hold (a control character), refused at
    its cell: the reader may not have read that cell (a note beside the form)."""
    from ..errors import InputError, Problem
    from ..i18n import _
    from .form import unwritable

    if not isinstance(value, str) or (reason := unwritable(value)) is None:
        return
    hint = _("remove the character from the workbook, save it, and run again")
    raise InputError(
        reason, None, hint, file=str(path), problems=[Problem(reason, None, hint, place())]
    )


def _default_width(source) -> float:
    """The .xls sheet's default column width as an .xlsx width, which counts the cell's padding.

    STANDARDWIDTH is in 1/256 of a character with the padding already. DEFCOLWIDTH (8 when the
    file has neither) counts characters only: Excel adds 5 pixels and rounds the column up to a
    multiple of 8 pixels, so 8 characters show as 8.43 and are 9.140625 wide in .xlsx. Written
    as 8.0 the column is narrower than the unit's, and a date in it prints as ###."""
    if source.standardwidth:
        return source.standardwidth / 256
    characters = source.defcolwidth or 8
    pixels = math.ceil((characters * DIGIT_PIXELS + 5) / 8) * 8
    return math.floor(pixels / DIGIT_PIXELS * 256) / 256
