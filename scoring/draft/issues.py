"""五、存在问题 and 六、改进措施 drafted from the scoring: what the tables themselves show.

:func:`find_issues` reads the result's rows and findings for the four things a reviewer asks a
unit to explain — spending below the execution line (``execution-low``), indicators that missed
their targets (a row that earned less than its 分值), deviations left without a reason
(``reason-missing``), and actuals far above their targets (``over-achievement``) — and keeps the
other warnings of the review as notices. The templates turn each into a sentence and mark what
only the unit can say (the causes, the measures) for it to complete.

Only names, the texts as filed and figures formatted from the result are kept: a finding's own
message is not quoted, so that the report states no figure twice in two ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..labels import finding as finding_title
from ..render import percent, plain, shown_score

if TYPE_CHECKING:
    from ..result import Finding, IndicatorResult, Result

DEPARTMENT = "部门整体"
# Rows shown and not scored: a 其中 breakdown of the row above, an empty row.
SHOWN_ONLY = ("breakdown", "empty")
# A qualitative tier that says the target was met, whatever score in its band was filed.
MET_TIER = "达成"
# Findings the issues below already say in their own words.
COVERED = ("execution-low", "reason-missing", "over-achievement")
_PROJECT = re.compile(r"projects\[(\d+)\]")


@dataclass(frozen=True)
class SlowSpending:
    """A budget spent below the execution line: whose (a project, or 部门整体), the rate as
    printed, and the reason filed beside the row (empty when none)."""

    owner: str
    rate: str
    reason: str


@dataclass(frozen=True)
class Shortfall:
    """An indicator that earned less than its 分值: whose, its texts, 得分 of 分值, reason."""

    owner: str
    name: str
    target: str
    actual: str
    score: str
    weight: str
    reason: str


@dataclass(frozen=True)
class MissingReason:
    """A deviation without its explanation: whose, and which row (an indicator's name, or
    预算执行率)."""

    owner: str
    subject: str


@dataclass(frozen=True)
class OverAchievement:
    """An actual well above its target: whose, the indicator, target and actual as filed."""

    owner: str
    name: str
    target: str
    actual: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """Another warning of the review, by whose and its title (自评得分与规则不符 …)."""

    owner: str
    title: str
    code: str


@dataclass(frozen=True)
class Issues:
    """The issues of one report, each list in the order of the form."""

    slow: tuple[SlowSpending, ...]
    shortfalls: tuple[Shortfall, ...]
    missing_reasons: tuple[MissingReason, ...]
    over: tuple[OverAchievement, ...]
    notices: tuple[Notice, ...]

    @property
    def any(self) -> bool:
        """Whether the tables show anything to explain."""
        return bool(
            self.slow or self.shortfalls or self.missing_reasons or self.over or self.notices
        )


def find_issues(result: Result, line: Decimal) -> Issues:
    """The issues ``result`` shows; ``line`` is the execution rate below which spending is slow."""
    rows = _rows_by_place(result)
    over = {f.where for f in result.findings if f.code == "over-achievement"}
    return Issues(
        slow=tuple(_slow(result, line)),
        shortfalls=tuple(_shortfalls(result, over)),
        missing_reasons=tuple(
            MissingReason(owner_of(f.where, result), _subject(f.where, rows))
            for f in result.findings
            if f.code == "reason-missing"
        ),
        over=tuple(
            _over(f, rows[f.where], result)
            for f in result.findings
            if f.code == "over-achievement" and f.where in rows
        ),
        notices=tuple(_notices(result)),
    )


def owner_of(where: str, result: Result) -> str:
    """The project a key path is in (``projects[1].budget`` → its name), else 部门整体."""
    match = _PROJECT.match(where)
    if match and int(match.group(1)) < len(result.projects):
        return result.projects[int(match.group(1))].name
    return DEPARTMENT


def _rows_by_place(result: Result) -> dict[str, IndicatorResult]:
    tables = [*result.projects]
    if result.department.table is not None:
        tables.append(result.department.table)
    return {row.where: row for table in tables for row in table.indicators}


def missed(row: IndicatorResult, over: bool) -> bool:
    """Whether a row missed its target: it earned less than its 分值, and was neither well
    above its target (``over``: an over-achievement finding, whose score may be cut or filed
    lower) nor rated 达成 (a filed score inside that tier's band)."""
    if not row.applicable or row.score is None or row.score >= row.weight:
        return False
    return not over and row.tier != MET_TIER


def _slow(result: Result, line: Decimal):
    """Budgets spent below the line: each project's, then the department's own; a budget of 0
    asks for no spending, so it is never slow (the scoring says budget-zero instead)."""
    for project in result.projects:
        execution = project.execution
        if execution.adjusted and execution.rate < line:
            yield SlowSpending(project.name, percent(execution.rate), execution.reason)
    execution = result.department.execution
    if execution.adjusted and execution.rate < line:
        yield SlowSpending(DEPARTMENT, percent(execution.rate), execution.reason)


def _shortfalls(result: Result, over: set[str]):
    """The rows that missed their targets: each project's, then the department's own table's."""
    tables = [(project.name, project) for project in result.projects]
    if result.department.table is not None:
        tables.append((DEPARTMENT, result.department.table))
    for owner, table in tables:
        for row in table.indicators:
            if missed(row, row.where in over):
                yield Shortfall(
                    owner=owner,
                    name=row.name,
                    target=row.target,
                    actual=row.actual,
                    score=shown_score(row, chinese=True),
                    weight=plain(row.weight),
                    reason=row.reason,
                )


def _subject(where: str, rows: dict[str, IndicatorResult]) -> str:
    """What a missing reason is about: the indicator at ``where``, or the budget row."""
    row = rows.get(where)
    return row.name if row is not None else "预算执行率"


def _over(found: Finding, row: IndicatorResult, result: Result) -> OverAchievement:
    return OverAchievement(
        owner_of(found.where, result), row.name, row.target, row.actual, row.reason
    )


def _notices(result: Result):
    """The review's other warnings and errors, once per owner and code."""
    seen: set[tuple[str, str]] = set()
    for found in result.findings:
        if found.code in COVERED or found.severity == "info":
            continue
        key = (owner_of(found.where, result), found.code)
        if key not in seen:
            seen.add(key)
            yield Notice(key[0], finding_title(found.code, chinese=True), found.code)
