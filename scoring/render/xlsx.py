"""``-f xlsx``: the 自评表 the reviewer returns — the unit's own workbook when the evaluation
was read from one, else the tool's layout — with 复核得分 and 复核意见 beside each table, the
cells of findings coloured with comments, and the sheets 汇总 and 复核发现.

The workbook is bytes, so it goes to a file (``-o OUT.xlsx``), one evaluation per workbook. It
declares ``evaluations``: the reviewed copy is built from the evaluation as read.
"""

from __future__ import annotations

from ..errors import ScoringError, UsageError
from ..i18n import _
from ..model import Evaluation
from ..result import FileError, Result
from . import Options


def render(
    entries: list[Result | FileError],
    options: Options,
    evaluations: list[Evaluation | None] | None = None,
) -> bytes:
    """The reviewed workbook of the one evaluation scored."""
    from ..excel.write import result_workbook, workbook_bytes

    if len(entries) != 1 or not isinstance(entries[0], Result) or not evaluations:
        raise UsageError(
            _("-f xlsx writes one evaluation per workbook"),
            hint=_("score one file at a time with -f xlsx -o OUT.xlsx"),
        )
    evaluation = evaluations[0]
    assert evaluation is not None  # a scored entry was read
    try:
        return workbook_bytes(result_workbook(evaluation, entries[0]))
    except ScoringError as exc:  # text a workbook cannot hold: the file and cell it came from
        raise exc.in_file(evaluation.source, evaluation.locations, evaluation) from None
