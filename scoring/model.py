"""The evaluation as the scorer sees it: plain frozen records, every value already exact.

Built by :mod:`scoring.loader` from a validated file. Each record keeps ``where``, its key path in
the file (``projects[0].indicators[2]``), so every finding and error can point back to it.

Every record here and in :mod:`scoring.result` is a frozen dataclass made quick to build by
:func:`scoring.frozen.record`.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal

from .frozen import record
from .values import Quantity, Target


@record
class Budget:
    """项目资金: 年初预算数 (planned), 全年预算数 (adjusted), 全年执行数 (spent), in 万元."""

    planned: Decimal
    adjusted: Decimal
    spent: Decimal
    score: Decimal | None = None  # the execution row's 得分 as filed
    reason: str = ""
    where: str = "department.budget"
    weight: Decimal | None = None  # the execution row's 分值 as filed (the rule set's scores)


# The budget row's amounts as the form names them.
BUDGET_LABELS = {"planned": "年初预算数", "adjusted": "全年预算数", "spent": "全年执行数"}


# What a row of the grid is: scored as its values say ("row"); scored as the evaluator's filed
# 得分 because both values are blank ("blank"); a 其中 breakdown of the row above, without 分值
# ("breakdown"); or a placeholder with nothing filed ("empty"). The last two are shown, never
# scored.
ROW_KINDS = ("row", "blank", "breakdown", "empty")


@record
class Indicator:
    """One row of the 绩效指标 grid."""

    level1: str  # 一级指标
    level2: str  # 二级指标
    name: str  # 三级指标
    target: Target  # 年度指标值
    actual_text: str  # 实际完成值, as filed
    actual: Quantity | None  # None when the actual is text (a tier word, or the target restated)
    weight: Decimal | None  # 分值
    score: Decimal | None  # 得分 as filed
    reason: str  # 偏差原因分析及改进措施
    applicable: bool
    where: str
    deduction: Decimal | None = None  # 扣减分数 as filed
    kind: str = "row"  # one of ROW_KINDS

    @property
    def counted(self) -> bool:
        """A row that carries points (not a 其中 breakdown, not an empty placeholder)."""
        return self.kind in ("row", "blank")


@record
class Table:
    """A budget row and an indicator grid: a project, or the department's own table."""

    name: str
    budget: Budget
    indicators: tuple[Indicator, ...]
    score: Decimal | None = None  # 总分 as filed
    grade: str | None = None  # grade as filed
    goal: str = ""
    result: str = ""
    where: str = ""
    weights_reason: str = ""  # why the weights differ from the rule set's defaults


@record
class Department:
    """The department filing the evaluation: its year, its budget, its own table if filed."""

    name: str
    year: int
    budget: Budget
    table: Table | None  # the department's own 部门整体 table, when filed
    score: Decimal | None = None
    grade: str | None = None
    # the texts filed for the department as a whole, given back as filed (with its own table
    # they are that table's too)
    goal: str = ""
    result: str = ""
    weights_reason: str = ""


# The source of an evaluation given as data, not read from a file.
DATA_SOURCE = "<data>"


class Note(tuple):
    """What a reader had to assume: the pair ``(where, words)`` — a key path (``projects``,
    ``department.year``) and the user's words — as readers give notes, so that ``dict(notes)``
    and ``for where, words in notes`` hold, with the ``severity`` of the ``read-assumption``
    finding it becomes: ``info``, or ``warning`` where the assumption may change a score
    (content hidden in a workbook, not read). Two notes saying the same are equal whatever
    their severity. :meth:`of` reads a plain pair or a note."""

    severity: str

    def __new__(cls, where: str, words: str, severity: str = "info") -> Note:
        note = super().__new__(cls, (where, words))
        note.severity = severity
        return note

    def __getnewargs__(self) -> tuple[str, str, str]:  # pickled whole, severity with it
        return (self[0], self[1], self.severity)

    @property
    def where(self) -> str:
        return self[0]

    @property
    def words(self) -> str:
        return self[1]

    @classmethod
    def of(cls, note) -> Note:
        return note if isinstance(note, cls) else cls(*note)


@record
class Evaluation:
    """One department, one year."""

    department: Department
    projects: tuple[Table, ...]
    source: str = DATA_SOURCE
    # Where each value came from when the file was a spreadsheet: key path → "表.xlsx!项目1!F14".
    locations: dict = field(default_factory=dict, compare=False, repr=False)
    # What the reader had to assume, reported as read-assumption findings.
    notes: tuple[Note, ...] = ()
    # The data as read, for writers that give the file back in its own words (xlsx, convert).
    data: dict = field(default_factory=dict, compare=False, repr=False)
