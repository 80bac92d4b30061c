"""Write the 自评表 as a workbook: as filed, as reviewed, or blank to fill in.

- :func:`evaluation_workbook`: the evaluation in the tool's own layout, as filed
  (:mod:`scoring.excel.form`);
- :func:`result_workbook`: the unit's own workbook when the evaluation was read from one —
  every sheet as the unit made it — otherwise the tool's layout, with the review added
  (:mod:`scoring.excel.annotate`);
- :func:`template_workbook`: the blank 自评表 a unit fills in, with drop-downs from the rule
  set's categories.

A workbook is the same bytes whenever it is written (:func:`workbook_bytes`): the same review
of the same file is the same file, as the JSON is. openpyxl is imported only when a workbook is
built.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from ..i18n import _
from ..model import Evaluation
from ..result import Result
from .form import (
    FIRST_INDICATOR_ROW,
    GRID_HEADER_ROW,
    PROJECT_TITLE,
    fit_row,
    form_workbook,
    put,
    refuse_unwritable_text,
    styles,
    unwritable,
    write_department,
    write_table,
)
from .layout import DEPARTMENT_SHEET
from .source import WORKBOOK_SUFFIXES, unit_workbook

TEMPLATE_ROWS = 10
TEMPLATE_NOTE = (
    "填写说明：年度指标值写明符号和单位，如 ≥95%、≤90万元、≥100人次、6月底前；定性指标写 "
    "效果明显、按期完成 等，实际完成值写 达成、部分达成、未达成 等；金额单位为万元；一级、二级"
    "指标从下拉列表选择；一个项目一张工作表，项目多时复制本表（项目2、项目3…）。"
)


# The time every workbook written says it was made and changed, in docProps/core.xml and on
# each entry of its zip: the earliest a zip can hold. The bytes then depend on the review alone.
WRITTEN_AT = datetime(1980, 1, 1)


def evaluation_workbook(data: dict, year_title: bool = True):
    """The evaluation ``data`` as filed, in the tool's layout (see :mod:`scoring.excel.form`).
    Text a workbook cannot hold is an InputError naming its key path."""
    refuse_unwritable_text(data)
    workbook, _locations = form_workbook(data, year_title)
    return workbook


def result_workbook(evaluation: Evaluation, result: Result):
    """The reviewed workbook of ``evaluation`` scored as ``result``: the unit's own workbook
    when the evaluation was read from one (its cells are in ``evaluation.locations``), else the
    evaluation as filed in the tool's layout — with the review added. Text a workbook cannot
    hold is an InputError naming its key path (the caller adds the file and cell)."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    from ..errors import InputError
    from .annotate import annotate

    refuse_unwritable_text(evaluation.data)
    source = Path(evaluation.source)
    locations = evaluation.locations
    try:
        if locations and source.suffix.lower() in WORKBOOK_SUFFIXES and source.is_file():
            workbook = unit_workbook(source)
        else:
            workbook, locations = form_workbook(evaluation.data, executions=_executions(result))
    except IllegalCharacterError as exc:  # a cell of an .xls the reader did not read
        text = str(exc).removesuffix(" cannot be used in worksheets.")
        raise InputError(
            unwritable(text) or _("a cell holds a control character, which a workbook cannot hold"),
            hint=_("remove the character from the workbook, save it, and run again"),
        ) from None
    annotate(workbook, result, locations)
    return workbook


def _executions(result: Result) -> dict:
    """Each scored table's 预算执行率 row, by the table's key path."""
    rows = {f"projects[{i}]": p.execution for i, p in enumerate(result.projects)}
    if result.department.table is not None:
        rows["department"] = result.department.table.execution
    return rows


def template_workbook(year: int, ruleset):
    """A blank 自评表 for ``year``: the 部门 sheet and 项目1 with ten indicator rows to fill,
    drop-downs for 一级/二级指标 from ``ruleset``'s categories, 分值 of the execution row and
    the 总分 from ``ruleset``, and 执行率 as a formula of the amounts typed."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..result import number

    style = styles()
    workbook = Workbook()
    if (initial := workbook.active) is not None:  # the sheet a new workbook comes with
        workbook.remove(initial)
    write_department(workbook.create_sheet(DEPARTMENT_SHEET), {"year": year})
    sheet = workbook.create_sheet("项目1")
    blank: dict[str, list[dict[str, Any]]] = {"indicators": [{} for _ in range(TEMPLATE_ROWS)]}
    write_table(
        sheet,
        title=PROJECT_TITLE,
        year=year,
        year_title=True,
        name=None,
        department_name=None,
        raw=blank,
        where="projects[0]",
    )
    put(sheet, 6, 6, number(ruleset.execution["weight"]))
    total_row = FIRST_INDICATOR_ROW + TEMPLATE_ROWS
    put(sheet, total_row, 6, number(ruleset.total))
    levels = {
        "一级指标": list(ruleset.categories),
        "二级指标": [name for names in ruleset.level2.values() for name in names],
    }
    lists = workbook.create_sheet("指标库")
    lists.sheet_state = "hidden"
    for column, (title, names) in enumerate(levels.items(), start=1):
        put(lists, 1, column, title)
        for row, name in enumerate(names, start=2):
            put(lists, row, column, name)
        if not names:
            continue
        letter = get_column_letter(column)
        validation = DataValidation(
            type="list",
            formula1=f"'指标库'!${letter}$2:${letter}${len(names) + 1}",
            allow_blank=True,
            showErrorMessage=False,  # a unit's own 二级指标 is allowed; the list is a help
        )
        sheet.add_data_validation(validation)
        target = "A" if column == 1 else "B"
        validation.add(f"{target}{FIRST_INDICATOR_ROW}:{target}{total_row - 1}")
    note_row = total_row + 3
    put(sheet, note_row, 1, TEMPLATE_NOTE)
    sheet.cell(row=note_row, column=1).alignment = style["wrap"]
    sheet.cell(row=note_row, column=1).font = style["font"]
    sheet.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=8)
    fit_row(sheet, note_row, [(TEMPLATE_NOTE, 150)])
    sheet.print_title_rows = f"{GRID_HEADER_ROW}:{GRID_HEADER_ROW}"
    sheet.print_area = f"A1:H{note_row}"
    return workbook


def workbook_bytes(workbook) -> bytes:
    """The workbook as the bytes of an .xlsx file, the same whenever it is written: made and
    changed at :data:`WRITTEN_AT`, and so is every entry of its zip."""
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    _refuse_unwritable_workbook(workbook)
    workbook.properties.created = workbook.properties.modified = WRITTEN_AT
    out = io.BytesIO()
    archive = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:  # ExcelWriter, not Workbook.save: save stamps the time of saving as the modification time
        ExcelWriter(workbook, archive).save()
    except OSError as exc:  # openpyxl writes each sheet to a temporary file first
        import tempfile

        from ..errors import UsageError, system_reason

        raise UsageError(
            _("cannot make the workbook: {reason}").format(reason=system_reason(exc)),
            hint=_(
                "openpyxl writes each sheet to a temporary file first, in {folder}: free some "
                "space there, or set TMPDIR to another folder"
            ).format(folder=tempfile.gettempdir()),
        ) from None
    return _zip_at(out.getvalue(), WRITTEN_AT)


def _zip_at(data: bytes, moment: datetime) -> bytes:
    """The zip ``data`` with every entry dated ``moment`` (zip records the time of writing)."""
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target,
    ):
        for entry in source.infolist():
            dated = zipfile.ZipInfo(entry.filename, date_time=moment.timetuple()[:6])
            dated.compress_type = entry.compress_type
            dated.external_attr = entry.external_attr
            target.writestr(dated, source.read(entry))
    return out.getvalue()


def _refuse_unwritable_workbook(workbook) -> None:
    """What openpyxl would write into a file that does not open — half of a UTF-16 pair, or a
    control character in a comment or a sheet's name — refused, naming the sheet and cell of
    the workbook written (text in cells was refused as it was put there)."""
    from ..errors import InputError

    for sheet in workbook.worksheets:
        texts = [(sheet.title, _("the name of sheet {sheet}").format(sheet=sheet.title))]
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    texts.append((cell.value, f"{sheet.title}!{cell.coordinate}"))
                if cell.comment is not None:
                    texts.append(
                        (
                            cell.comment.text,
                            _("the comment on {cell}").format(
                                cell=f"{sheet.title}!{cell.coordinate}"
                            ),
                        )
                    )
        for text, where in texts:
            if (reason := unwritable(text)) is not None:
                raise InputError(
                    reason,
                    _("{cell} of the workbook written").format(cell=where),
                    _("remove the character from the input file or rule set, and run again"),
                )
