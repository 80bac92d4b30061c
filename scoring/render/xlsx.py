"""``-f xlsx``: the 自评表 the reviewer returns — computed 执行率 and 得分 filled in, the filed
value beside it where they differ, rows coloured by their findings, a 汇总 sheet.

The workbook is bytes, so it goes to a file (``-o OUT.xlsx``), one evaluation per workbook.
"""

from __future__ import annotations

from ..errors import UsageError
from ..result import Result
from . import FileError, Options


def render(entries: list[Result | FileError], options: Options) -> bytes:
    from ..excel.write import result_workbook, workbook_bytes

    results = [e for e in entries if isinstance(e, Result)]
    if len(entries) != 1 or not results:
        raise UsageError(
            "-f xlsx writes one evaluation per workbook",
            hint="score one file at a time with -f xlsx -o OUT.xlsx",
        )
    return workbook_bytes(result_workbook(results[0], results[0].data))
