"""``-f csv``: one row per scored row (execution, indicators, total) of every table and file.

Meant for a spreadsheet: written with a byte-order mark when it goes to a file (``-o``) so that
Excel shows the Chinese text; plain UTF-8 on standard output. Every cell goes through
:func:`scoring.inert.csv_cell`, to a file as to a terminal: a text that a spreadsheet would run
as a formula (``=…``, ``+…``, ``-…``, ``@…``) starts with ``'``, a number such as ``-3.5``
stays a number, control characters are shown escaped.

The header row is the form's own column titles (来源, 一级指标, 年度指标值, 得分 …), the same in
every language: a bureau's import script reads the columns by their titles, and must not depend
on the locale of whoever ran scoring. The text in the cells — what a row is (预算执行率, 总分),
a method's title, the explanations — is in the interface's language (:mod:`scoring.i18n`).

A batch is written file by file (:func:`frame`, then :func:`item` for each file): the same
bytes as :func:`render` gives for the whole batch.
"""

from __future__ import annotations

import csv
import io

from ..i18n import _
from ..inert import csv_cell
from ..labels import METHODS
from ..result import Result, TableResult
from ..values import format_decimal
from . import FileError, Options

# The form's column titles: the same in every language (see above), never translated.
COLUMNS = [
    "来源",
    "表",
    "行",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分率",
    "得分",
    "自评得分",
    "等级",
    "方法",
    "位置",
    "说明",
]


def _n(value) -> str:
    return "" if value is None else format_decimal(value)


def _rate(value) -> str:
    from ..result import rate4

    return "" if value is None else str(rate4(value))


def _row(cells: dict) -> list[str]:
    """A CSV row from its cells by column title, each made inert; the others are empty."""
    return [csv_cell(cells.get(column, "")) for column in COLUMNS]


def _table_rows(source: str, table: TableResult):
    execution = table.execution
    where = table.where or "department"
    budget = _("Budget execution rate")
    methods = METHODS.now()  # looked up once for the table, not for each row
    yield _row(
        {
            "来源": source,
            "表": table.name,
            "行": budget,
            "一级指标": budget,
            "年度指标值": _n(execution.adjusted),
            "实际完成值": _n(execution.spent),
            "分值": _n(execution.weight),
            "得分率": _rate(execution.score_rate),
            "得分": _n(execution.score),
            "自评得分": _n(execution.filed_score),
            "方法": methods.get(execution.method, execution.method),
            "位置": f"{where}.budget",
            "说明": execution.explanation,
        }
    )
    indicator = _("Indicator row")
    for ind in table.indicators:
        yield _row(
            {
                "来源": source,
                "表": table.name,
                "行": indicator,
                "一级指标": ind.level1,
                "二级指标": ind.level2,
                "三级指标": ind.name,
                "年度指标值": ind.target,
                "实际完成值": ind.actual,
                "分值": _n(ind.weight),
                "得分率": _rate(ind.rate),
                "得分": _n(ind.score),
                "自评得分": _n(ind.filed_score),
                "方法": methods.get(ind.method, ind.method),
                "位置": ind.where,
                "说明": ind.explanation,
            }
        )
    yield _row(
        {
            "来源": source,
            "表": table.name,
            "行": _("Total"),
            "得分": _n(table.score),
            "自评得分": _n(table.filed_score),
            "等级": table.grade,
            "位置": where,
            "说明": table.explanation,
        }
    )


def _entry_rows(entry: Result | FileError):
    """The rows of one file: its error, or each table's rows and the department's score."""
    if isinstance(entry, FileError):
        yield _row(
            {
                "来源": entry.source,
                "行": _("Error"),
                "方法": entry.code,
                "位置": entry.where or "",
                "说明": entry.message,
            }
        )
        return
    tables = list(entry.projects)
    if entry.department.table is not None:
        tables.append(entry.department.table)
    for table in tables:
        yield from _table_rows(entry.source, table)
    department = entry.department
    yield _row(
        {
            "来源": entry.source,
            "表": department.name,
            "行": _("Department score"),
            "得分": _n(department.score),
            "自评得分": _n(department.filed_score),
            "等级": department.grade,
            "方法": METHODS.title(department.method),
            "位置": "department",
            "说明": department.explanation,
        }
    )


def _written(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def item(entry: Result | FileError, options: Options, several: bool = True) -> bytes:
    """One file's rows, as UTF-8 (a batch is written file by file, after :func:`frame`'s
    header)."""
    return _written(_entry_rows(entry)).encode("utf-8")


def frame(several: bool) -> tuple[bytes, bytes, bytes]:
    """The header row before the first file; nothing between files or after the last."""
    return _written([COLUMNS]).encode("utf-8"), b"", b""


def render(entries: list[Result | FileError], options: Options) -> str:
    return _written([COLUMNS, *(row for entry in entries for row in _entry_rows(entry))])
