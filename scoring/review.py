"""The review table (复核表): every value a unit filed beside the one the rules give.

Each row is one filed value — an indicator's 得分, an execution row's 得分, a total, a grade —
with the computed value, the difference and the rule that explains the computed one, so that a
reviewer can send the table back to the unit as it is. A filed score that only differs by the
unit's rounding to whole points is named as such. Comparison is at the rule set's decimals,
without tolerance.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any, ClassVar, Literal

from .frozen import record
from .i18n import _
from .model import Evaluation, Table
from .result import Result, TableResult, number
from .rules import RuleSet
from .values import format_decimal as fmt

# A difference of two scores as it is, whatever the calling thread's precision or traps: the
# scores hold a few digits each, far under 50.
_SCORES = Context(prec=50, rounding=ROUND_HALF_UP, traps=[InvalidOperation])


@record(kw_only=True)
class ScoreRow:
    """A filed 得分 — an indicator's, an execution row's, a total — beside the computed one,
    equal or not at the rule set's decimals (``same``)."""

    where: str  # key path of the filed value, e.g. projects[0].indicators[2].score
    finding_where: str  # the row it belongs to, as findings name it
    label: str
    filed: Decimal
    computed: Decimal
    rule: str  # how the computed value was reached
    same: bool  # equal at the rule set's decimals
    note: str = ""
    kind: ClassVar[Literal["score"]] = "score"

    @property
    def agrees(self) -> bool:
        return self.same

    @property
    def difference(self) -> Decimal:
        """computed − filed, exactly, whatever the calling thread's decimal context."""
        return _SCORES.subtract(self.computed, self.filed)

    def to_dict(self) -> dict[str, Any]:
        return _row_dict(self, number(self.filed), number(self.computed), number(self.difference))


@record(kw_only=True)
class GradeRow:
    """A filed grade (等级) beside the grade of the computed total."""

    where: str  # key path of the filed value, e.g. projects[0].grade
    finding_where: str
    label: str
    filed: str
    computed: str
    rule: str
    same: bool  # the filed word names the computed grade: its name or an alias (优秀 for 优)
    note: str = ""
    kind: ClassVar[Literal["grade"]] = "grade"

    @property
    def agrees(self) -> bool:
        return self.same

    @property
    def difference(self) -> None:
        return None

    def to_dict(self) -> dict[str, Any]:
        return _row_dict(self, self.filed, self.computed, None)


# One row of the review table: a score or a grade, told apart by ``kind`` (or isinstance).
ReviewRow = ScoreRow | GradeRow


def _row_dict(
    row: ReviewRow,
    filed: str | float | None,
    computed: str | float | None,
    difference: float | None,
) -> dict[str, Any]:
    return {
        "where": row.where,
        "label": row.label,
        "kind": row.kind,
        "filed": filed,
        "computed": computed,
        "difference": difference,
        "agrees": row.agrees,
        "rule": row.rule,
        "note": row.note,
    }


def whole_point_note(filed: Decimal, computed: Decimal) -> str:
    """Names a filed score that is the computed one rounded to whole points."""
    whole = computed.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if filed == whole and filed != computed:
        return _("the filed score is rounded to whole points")
    return ""


def _score_row(
    where: str,
    finding_where: str,
    label: str,
    filed: Decimal,
    computed: Decimal,
    rule: str,
    ruleset: RuleSet,
) -> ScoreRow:
    # Compared at the rule set's decimals (8.620 filed is 8.62), shown as filed (9, not 9.00).
    return ScoreRow(
        where=where,
        finding_where=finding_where,
        label=label,
        filed=filed,
        computed=computed,
        rule=rule,
        note=whole_point_note(filed, computed),
        same=ruleset.round(filed) == computed,
    )


def _grade_rule(score: Decimal, grade: str, ruleset: RuleSet) -> str:
    bound = dict(ruleset.grades)[grade]
    return _("total {score} ≥ {bound} → {grade}").format(score=score, bound=fmt(bound), grade=grade)


def _grade_row(
    where: str, label: str, filed: str, score: Decimal, grade: str, ruleset: RuleSet
) -> GradeRow:
    """A filed grade beside the computed one; the same when the filed word is the grade's name
    or one of its aliases in the rule set's ``[grades]`` (优秀 for 优)."""
    filed = filed.strip()
    return GradeRow(
        where=where,
        finding_where=where,
        label=label,
        filed=filed,
        computed=grade,
        rule=_grade_rule(score, grade, ruleset),
        same=ruleset.names_grade(filed, grade),
    )


def _table_rows(
    prefix: str, filed_table: Table, scored: TableResult, ruleset: RuleSet
) -> Iterator[ReviewRow]:
    execution = scored.execution
    if execution.filed_score is not None:
        yield _score_row(
            f"{filed_table.budget.where}.score",
            filed_table.budget.where,
            _("{table} · budget execution rate").format(table=prefix),
            execution.filed_score,
            execution.score,
            execution.explanation,
            ruleset,
        )
    for row in scored.indicators:
        # an applicable row always has its score; the others have none to compare
        if row.applicable and row.filed_score is not None and row.score is not None:
            yield _score_row(
                f"{row.where}.score",
                row.where,
                f"{prefix} · {row.name}",
                row.filed_score,
                row.score,
                row.explanation,
                ruleset,
            )
    where = scored.where or "department"
    if scored.filed_score is not None:
        yield _score_row(
            f"{where}.score",
            where,
            _("{table} · total").format(table=prefix),
            scored.filed_score,
            scored.score,
            scored.explanation,
            ruleset,
        )
    if scored.filed_grade is not None:
        yield _grade_row(
            f"{where}.grade",
            _("{table} · grade").format(table=prefix),
            scored.filed_grade,
            scored.score,
            scored.grade,
            ruleset,
        )


def disagreements(result: Result) -> dict[str, ReviewRow]:
    """The filed values that differ from the computed ones, by key path
    (``projects[0].indicators[2].score``): every view marks these, and only these."""
    return {row.where: row for row in result.review if not row.agrees}


def filed_values(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> list[ReviewRow]:
    """Every filed value with its computed counterpart, in the order of the form."""
    rows: list[ReviewRow] = []
    project = _("project “{name}”")
    for filed, scored in zip(evaluation.projects, result.projects):
        rows += _table_rows(project.format(name=scored.name), filed, scored, ruleset)
    department = result.department
    execution = department.execution
    if evaluation.department.table is not None and department.table is not None:
        rows += _table_rows(
            _("the department as a whole"), evaluation.department.table, department.table, ruleset
        )
    elif execution.filed_score is not None:
        rows.append(
            _score_row(
                "department.budget.score",
                "department.budget",
                _("department · budget execution rate"),
                execution.filed_score,
                execution.score,
                execution.explanation,
                ruleset,
            )
        )
    if department.filed_score is not None:
        rows.append(
            _score_row(
                "department.score",
                "department.score",
                _("department · total"),
                department.filed_score,
                department.score,
                department.explanation,
                ruleset,
            )
        )
    if department.filed_grade is not None:
        rows.append(
            _grade_row(
                "department.grade",
                _("department · grade"),
                department.filed_grade,
                department.score,
                department.grade,
                ruleset,
            )
        )
    return rows
