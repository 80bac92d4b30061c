"""``-f csv``: one row per scored row (execution, indicators, total) of every table and file.

Meant for a spreadsheet: written with a byte-order mark when it goes to a file (``-o``) so that
Excel shows the Chinese text; plain UTF-8 on standard output.
"""

from __future__ import annotations

import csv
import io

from ..result import Result, TableResult
from ..values import format_decimal
from . import FileError, Options

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


def _table_rows(source: str, table: TableResult):
    execution = table.execution
    yield [
        source,
        table.name,
        "预算执行率",
        "预算执行率",
        "",
        "",
        _n(execution.adjusted),
        _n(execution.spent),
        _n(execution.weight),
        _rate(execution.rate),
        _n(execution.score),
        _n(execution.filed_score),
        "",
        execution.method,
        f"{table.where or 'department'}.budget",
        execution.explanation,
    ]
    for ind in table.indicators:
        yield [
            source,
            table.name,
            "指标",
            ind.level1,
            ind.level2,
            ind.name,
            ind.target,
            ind.actual,
            _n(ind.weight),
            _rate(ind.rate),
            _n(ind.score),
            _n(ind.filed_score),
            "",
            ind.method,
            ind.where,
            ind.explanation,
        ]
    yield [
        source,
        table.name,
        "总分",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        _n(table.score),
        _n(table.filed_score),
        table.grade,
        "",
        table.where or "department",
        table.explanation,
    ]


def render(entries: list[Result | FileError], options: Options) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        if isinstance(entry, FileError):
            blank = [""] * (len(COLUMNS) - 6)
            writer.writerow(
                [entry.source, "", "错误", *blank, entry.code, entry.where or "", entry.message]
            )
            continue
        tables = list(entry.projects)
        if entry.department.table is not None:
            tables.append(entry.department.table)
        for table in tables:
            writer.writerows(_table_rows(entry.source, table))
        department = entry.department
        writer.writerow(
            [
                entry.source,
                department.name,
                "部门得分",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                _n(department.score),
                _n(department.filed_score),
                department.grade,
                department.method,
                "department",
                department.explanation,
            ]
        )
    return out.getvalue()
