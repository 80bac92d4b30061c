"""The result of scoring one evaluation: typed records and their JSON form (SPEC §4).

Numbers stay :class:`~decimal.Decimal` in the records; :meth:`Result.to_dict` gives the JSON
structure, with scores already rounded by the rule set and rates rounded to 4 decimals. The
records are frozen all the way down — sequences are tuples, mappings read-only — so a result
handed to a plugin's ``scoring_evaluated`` is the result the caller gets. They are built by
keyword, each in one step (:func:`scoring.frozen.record`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .frozen import record

if TYPE_CHECKING:
    from .review import ReviewRow

SEVERITIES = ("error", "warning", "info")


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole, else a float of the same digits.

    From the exact ratio of integers, which a Decimal gives without building another: the
    division of two ints is correctly rounded, as ``float(value)`` is, so the float is the same
    one, for a fifth less time on every number of a result."""
    if value is None:
        return None
    if not value.is_finite():  # no ratio of integers: as float() has it (what convert copies)
        return float(value)
    numerator, denominator = value.as_integer_ratio()
    return numerator if denominator == 1 else numerator / denominator


def jsonable(value: Any) -> Any:
    """Plain data for json.dumps: every Decimal as a JSON number, through dicts and lists."""
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, dict):
        return {key: jsonable(inner) for key, inner in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(inner) for inner in value]
    return value


RATE_QUANTUM = Decimal("0.0001")  # a rate in JSON: 4 decimals
# The context a rate is rounded in, and a result's JSON written in, whatever the caller's
# thread has set (a lower precision, traps on Inexact or Rounded): the JSON of a result does
# not depend on who asks for it.
_RATE_CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP, traps=[InvalidOperation])


def rate4(value: Decimal | None) -> int | float | None:
    """A rate as a JSON number, rounded half-up to 4 decimals in a context of its own."""
    if value is None:
        return None
    return number(value.quantize(RATE_QUANTUM, context=_RATE_CONTEXT))


@record
class Finding:
    """Something a reviewer should see. Findings never stop the scoring."""

    code: str
    severity: str
    where: str
    message: str
    cell: str | None = None  # "表.xlsx!项目1!F14" when the file is a spreadsheet

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "where": self.where,
            "cell": self.cell,
            "message": self.message,
        }


@record(kw_only=True)
class IndicatorResult:
    """One scored row of the 绩效指标 grid: as filed, and the score and rule the rules give."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: Decimal
    applicable: bool
    rate: Decimal | None
    score: Decimal | None
    method: str
    explanation: str
    filed_score: Decimal | None
    where: str
    tier: str | None = None
    reason: str = ""
    deduction: Decimal | None = None  # 扣减分数 as filed
    op: str | None = None  # the comparison scored: as written, the default, or inferred (≤)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level1": self.level1,
            "level2": self.level2,
            "name": self.name,
            "target": self.target,
            "actual": self.actual,
            "weight": number(self.weight),
            "applicable": self.applicable,
            "rate": rate4(self.rate),
            "score": number(self.score),
            "method": self.method,
            "explanation": self.explanation,
            "filed_score": number(self.filed_score),
            "deduction": number(self.deduction),
            "tier": self.tier,
            "op": self.op,
            "reason": self.reason,
            "where": self.where,
        }


@record(kw_only=True)
class ExecutionResult:
    """The 预算执行率 row. ``rate`` is the execution rate as it is (1.075 when more was spent
    than budgeted); ``score_rate`` the share of the weight it earned (at most 1)."""

    planned: Decimal
    adjusted: Decimal
    spent: Decimal
    rate: Decimal
    weight: Decimal
    score: Decimal
    method: str
    explanation: str
    filed_score: Decimal | None = None
    reason: str = ""  # the row's explanation of a shortfall or an adjustment, as filed
    score_rate: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "planned": number(self.planned),
            "adjusted": number(self.adjusted),
            "spent": number(self.spent),
            "rate": rate4(self.rate),
            "weight": number(self.weight),
            "score": number(self.score),
            "method": self.method,
            "explanation": self.explanation,
            "filed_score": number(self.filed_score),
            "reason": self.reason,
        }


@record(kw_only=True)
class CategoryResult:
    """A 一级指标 of a table: its weight and the score its rows add up to."""

    weight: Decimal
    score: Decimal

    def to_dict(self) -> dict[str, Any]:
        return {"weight": number(self.weight), "score": number(self.score)}


@record(kw_only=True)
class TableResult:
    """A scored project, or the department's own table."""

    name: str
    score: Decimal
    grade: str
    execution: ExecutionResult
    categories: Mapping[str, CategoryResult]
    indicators: tuple[IndicatorResult, ...]
    explanation: str
    filed_score: Decimal | None = None
    filed_grade: str | None = None
    where: str = ""
    goal: str = ""  # 年度总体目标, as filed
    result: str = ""  # 实际完成情况, as filed
    weights_reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "score": number(self.score),
            "grade": self.grade,
            "execution": self.execution.to_dict(),
            "categories": {k: v.to_dict() for k, v in self.categories.items()},
            "indicators": [i.to_dict() for i in self.indicators],
            "explanation": self.explanation,
            "filed_score": number(self.filed_score),
            "filed_grade": self.filed_grade,
            "goal": self.goal,
            "result": self.result,
            "weights_reason": self.weights_reason,
        }


@record(kw_only=True)
class DepartmentResult:
    """The department's score and grade, how they were combined, and what was filed for it."""

    name: str
    year: int
    score: Decimal
    grade: str
    method: str
    execution: ExecutionResult
    table: TableResult | None
    explanation: str
    filed_score: Decimal | None = None
    filed_grade: str | None = None
    goal: str = ""  # the department's 年度总体目标, as filed
    result: str = ""  # its 实际完成情况, as filed
    weights_reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "year": self.year,
            "score": number(self.score),
            "grade": self.grade,
            "method": self.method,
            "execution": self.execution.to_dict(),
            "table": self.table.to_dict() if self.table else None,
            "explanation": self.explanation,
            "filed_score": number(self.filed_score),
            "filed_grade": self.filed_grade,
            "goal": self.goal,
            "result": self.result,
            "weights_reason": self.weights_reason,
        }


@record(kw_only=True)
class RulesetInfo:
    """The rule set a result was scored under: its id, version, fingerprint and grades."""

    id: str
    version: str
    sha256: str
    title: str = ""
    grades: tuple[tuple[str, Decimal], ...] = ()  # (name, lower bound), highest first
    # (alias as values.text_key reads it, grade): the other words of each grade (优秀 for 优)
    grade_aliases: tuple[tuple[str, str], ...] = ()

    def names_grade(self, word: str, grade: str) -> bool:
        """Whether ``word`` is ``grade``: its name or one of its aliases (see
        :func:`scoring.words.names_grade`)."""
        from .words import names_grade

        return names_grade(word, grade, dict(self.grade_aliases))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256, "title": self.title}


@record(kw_only=True, repr=False)
class Result:
    """Everything known about one scored evaluation."""

    engine_version: str
    ruleset: RulesetInfo
    source: str
    department: DepartmentResult
    projects: tuple[TableResult, ...]
    findings: tuple[Finding, ...] = ()
    review: tuple[ReviewRow, ...] = ()  # every filed value beside the computed one

    def __repr__(self) -> str:
        department = self.department
        return (
            f"Result(source={self.source!r}, ruleset={self.ruleset.id!r}, "
            f"department={department.name!r} {department.score} {department.grade}, "
            f"projects={len(self.projects)}, findings={len(self.findings)})"
        )

    def findings_by_severity(self) -> dict[str, list[Finding]]:
        """The findings grouped by severity, errors first; every severity present as a key."""
        grouped: dict[str, list[Finding]] = {s: [] for s in SEVERITIES}
        for finding in self.findings:
            grouped.setdefault(finding.severity, []).append(finding)
        return grouped

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The JSON structure of ``scoring score -f json``, written in a decimal context of
        its own: the caller's (a lower precision, traps on Inexact or Rounded) changes nothing."""
        with localcontext(_RATE_CONTEXT):
            return self._plain()

    def _plain(self) -> dict[str, Any]:
        return {
            "engine": {"name": "scoring", "version": self.engine_version},
            "ruleset": self.ruleset.to_dict(),
            "source": self.source,
            "department": self.department.to_dict(),
            "projects": [p.to_dict() for p in self.projects],
            "findings": [f.to_dict() for f in self.findings],
            "review": [r.to_dict() for r in self.review],
        }


def read_only(mapping: dict[str, CategoryResult]) -> Mapping[str, CategoryResult]:
    """A mapping a result can hold: readable, not changeable."""
    return MappingProxyType(dict(mapping))


@record
class FileError:
    """A file that could not be read or scored, standing in its place in the output."""

    source: str
    code: str
    message: str
    where: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "error": {"code": self.code, "message": self.message, "where": self.where},
        }
