"""The evaluation as the scorer sees it: plain frozen records, every value already exact.

Built by :mod:`scoring.loader` from a validated file. Each record keeps ``where``, its key path in
the file (``projects[0].indicators[2]``), so every finding and error can point back to it.

Every record here and in :mod:`scoring.result` is a frozen dataclass made quick to build by
:func:`record`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from .values import Quantity, Target

T = TypeVar("T")


def record(cls: type[T]) -> type[T]:
    """A frozen dataclass whose ``__init__`` fills the instance in one step.

    A frozen dataclass sets each field through ``object.__setattr__``, one call per field, and
    a batch builds several records per row. This ``__init__`` — same parameters, defaults and
    order — hands the instance its ``__dict__`` whole: a scored row (17 fields, by keyword)
    builds in 60% of the time. Everything else stays the dataclass's own: assigning a field
    still raises ``FrozenInstanceError``; ``fields``, ``replace``, equality, hashing, ``repr``,
    pickling and ``vars()`` behave as before. Not slots: a frozen slotted dataclass builds no
    quicker, each slot being set by its own call."""
    params = getattr(cls, "__dataclass_params__", None)
    assert params is not None and params.frozen, f"{cls.__name__} must be a frozen dataclass"
    assert not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    assert all(f.init for f in fields)
    namespace: dict[str, Any] = {"_fill": object.__setattr__}
    positional: list[str] = []
    keyword: list[str] = []
    values: list[str] = []
    for f in fields:
        param = f.name
        value = f.name
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            param += f"=_default_{f.name}"
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            param += "=_NO_VALUE"
            value = f"_factory_{f.name}() if {f.name} is _NO_VALUE else {f.name}"
            namespace["_NO_VALUE"] = _NO_VALUE
        (keyword if f.kw_only else positional).append(param)
        values.append(f"{f.name!r}: {value}")
    signature = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({signature}):\n    _fill(self, '__dict__', {{{', '.join(values)}}})\n"
    exec(source, namespace)  # as dataclasses itself writes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


class _NoValue:
    """Stands for an argument not given, where the field's default is made by a factory."""

    def __repr__(self) -> str:
        return "<factory>"  # as inspect shows a dataclass's


_NO_VALUE = _NoValue()


@record
@dataclass(frozen=True)
class Budget:
    """项目资金: 年初预算数 (planned), 全年预算数 (adjusted), 全年执行数 (spent), in 万元."""

    planned: Decimal
    adjusted: Decimal
    spent: Decimal
    score: Decimal | None = None  # the execution row's 得分 as filed
    reason: str = ""
    where: str = "department.budget"


# What a row of the grid is: scored as its values say ("row"); scored as the evaluator's filed
# 得分 because both values are blank ("blank"); a 其中 breakdown of the row above, without 分值
# ("breakdown"); or a placeholder with nothing filed ("empty"). The last two are shown, never
# scored.
ROW_KINDS = ("row", "blank", "breakdown", "empty")


@record
@dataclass(frozen=True)
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
@dataclass(frozen=True)
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
@dataclass(frozen=True)
class Department:
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


@record
@dataclass(frozen=True)
class Evaluation:
    """One department, one year."""

    department: Department
    projects: tuple[Table, ...]
    source: str = "<data>"
    # Where each value came from when the file was a spreadsheet: key path → "表.xlsx!项目1!F14".
    locations: dict = field(default_factory=dict, compare=False, repr=False)
    # What the reader had to assume (key path, words), reported as findings.
    notes: tuple = ()
    # The data as read, for writers that give the file back in its own words (xlsx, convert).
    data: dict = field(default_factory=dict, compare=False, repr=False)
