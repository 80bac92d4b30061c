"""The review table (复核表): every value a unit filed beside the one the rules give.

Each row is one filed value — an indicator's 得分, an execution row's 得分, a total, a grade —
with the computed value, the difference and the rule that explains the computed one, so that a
reviewer can send the table back to the unit as it is. A filed score that only differs by the
unit's rounding to whole points is named as such. Comparison is at the rule set's decimals,
without tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .model import Evaluation
from .result import Result, TableResult, number
from .rules import RuleSet
from .values import format_decimal as fmt

WHOLE_POINTS = "自评按整数取分"


@dataclass(frozen=True)
class ReviewRow:
    where: str  # key path of the filed value, e.g. projects[0].indicators[2].score
    finding_where: str  # the row it belongs to, as findings name it
    label: str
    kind: str  # "score" or "grade"
    filed: Decimal | str
    computed: Decimal | str
    rule: str  # how the computed value was reached
    note: str = ""
    same: bool | None = None  # for scores: equal at the rule set's decimals

    @property
    def agrees(self) -> bool:
        return self.same if self.same is not None else self.filed == self.computed

    @property
    def difference(self) -> Decimal | None:
        if self.kind != "score":
            return None
        return self.computed - self.filed

    def to_dict(self) -> dict:
        filed, computed = self.filed, self.computed
        if self.kind == "score":
            filed, computed = number(filed), number(computed)
        return {
            "where": self.where,
            "label": self.label,
            "kind": self.kind,
            "filed": filed,
            "computed": computed,
            "difference": number(self.difference),
            "agrees": self.agrees,
            "rule": self.rule,
            "note": self.note,
        }


def whole_point_note(filed: Decimal, computed: Decimal) -> str:
    """Names a filed score that is the computed one rounded to whole points."""
    whole = computed.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return WHOLE_POINTS if filed == whole and filed != computed else ""


def _score_row(where, finding_where, label, filed, computed, rule, ruleset) -> ReviewRow:
    # Compared at the rule set's decimals (8.620 filed is 8.62), shown as filed (9, not 9.00).
    return ReviewRow(
        where,
        finding_where,
        label,
        "score",
        filed,
        computed,
        rule,
        whole_point_note(filed, computed),
        ruleset.round(filed) == computed,
    )


def _grade_rule(score: Decimal, grade: str, ruleset: RuleSet) -> str:
    bound = dict(ruleset.grades)[grade]
    return f"总分 {score} ≥ {fmt(bound)} → {grade}"


def _table_rows(prefix: str, filed_table, scored: TableResult, ruleset: RuleSet):
    execution = scored.execution
    if execution.filed_score is not None:
        yield _score_row(
            f"{filed_table.budget.where}.score",
            filed_table.budget.where,
            f"{prefix} · 预算执行率",
            execution.filed_score,
            execution.score,
            execution.explanation,
            ruleset,
        )
    for row in scored.indicators:
        if row.applicable and row.filed_score is not None:
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
            f"{prefix} · 总分",
            scored.filed_score,
            scored.score,
            scored.explanation,
            ruleset,
        )
    if scored.filed_grade is not None:
        yield ReviewRow(
            f"{where}.grade",
            f"{where}.grade",
            f"{prefix} · 等级",
            "grade",
            scored.filed_grade.strip(),
            scored.grade,
            _grade_rule(scored.score, scored.grade, ruleset),
        )


def disagreements(result: Result) -> dict[str, ReviewRow]:
    """The filed values that differ from the computed ones, by key path
    (``projects[0].indicators[2].score``): every view marks these, and only these."""
    return {row.where: row for row in result.review if not row.agrees}


def filed_values(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> list[ReviewRow]:
    """Every filed value with its computed counterpart, in the order of the form."""
    rows: list[ReviewRow] = []
    for filed, scored in zip(evaluation.projects, result.projects):
        rows += _table_rows(f"项目「{scored.name}」", filed, scored, ruleset)
    department = result.department
    if evaluation.department.table is not None and department.table is not None:
        rows += _table_rows("部门整体", evaluation.department.table, department.table, ruleset)
    elif department.execution.filed_score is not None:
        execution = department.execution
        rows.append(
            _score_row(
                "department.budget.score",
                "department.budget",
                "部门 · 预算执行率",
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
                "部门 · 总分",
                department.filed_score,
                department.score,
                department.explanation,
                ruleset,
            )
        )
    if department.filed_grade is not None:
        rows.append(
            ReviewRow(
                "department.grade",
                "department.grade",
                "部门 · 等级",
                "grade",
                department.filed_grade.strip(),
                department.grade,
                _grade_rule(department.score, department.grade, ruleset),
            )
        )
    return rows
