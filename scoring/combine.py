"""The department's score (部门整体): its own table, or its projects combined.

``table`` scores the department's own 部门整体 table exactly like a project — the official way.
``budget-weighted`` and ``mean`` combine the rounded project totals; no official text
prescribes either, and the explanation says so. ``auto`` takes the table when the file has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from .errors import InputError
from .i18n import _
from .model import Evaluation
from .result import DepartmentResult, TableResult
from .scorer import Context, score_execution, score_table
from .values import format_decimal as fmt


def choose_method(method: str, evaluation: Evaluation) -> str:
    """The method actually used: ``auto`` never reaches a result."""
    has_table = evaluation.department.table is not None
    if method == "auto":
        return "table" if has_table else "budget-weighted"
    if method == "table" and not has_table:
        raise InputError(
            _("the rule set scores the department from its own table, and this file has none"),
            "department.indicators",
            _(
                "add the department's 部门整体 indicators, or use a rule set with "
                '[department] method = "budget-weighted"'
            ),
            code="department-table-missing",
        )
    if method != "table" and not evaluation.projects:
        raise InputError(
            _("department method {method} combines projects, and this file has none").format(
                method=repr(method)
            ),
            "projects",
            code="projects-missing",
        )
    return method


def score_department(
    evaluation: Evaluation, projects: Sequence[TableResult], ctx: Context
) -> DepartmentResult:
    department = evaluation.department
    method = choose_method(ctx.ruleset.department_method, evaluation)
    table = score_table(department.table, ctx) if department.table is not None else None
    # The department's own budget row is shown either way; it enters the score only under table.
    execution = table.execution if table is not None else score_execution(department.budget, ctx)
    if method == "table":
        assert table is not None, "choose_method refuses the table method without the table"
        score = table.score
        explanation = _("the department's own table: {explanation}").format(
            explanation=table.explanation
        )
    elif method == "budget-weighted":
        score, explanation = _budget_weighted(evaluation, projects, ctx)
    else:
        score, explanation = _mean(projects, ctx)
    return DepartmentResult(
        name=department.name,
        year=department.year,
        score=score,
        grade=ctx.ruleset.grade(score),
        method=method,
        execution=execution,
        table=table,
        explanation=explanation,
        filed_score=department.score,
        filed_grade=department.grade,
        goal=department.goal,
        result=department.result,
        weights_reason=department.weights_reason,
    )


def _budget_weighted(evaluation: Evaluation, projects: Sequence[TableResult], ctx: Context):
    budgets = [p.budget.adjusted for p in evaluation.projects]
    weight_sum = sum(budgets, Decimal(0))
    if weight_sum == 0:
        score, explanation = _mean(projects, ctx)
        return score, _(
            "{explanation} (the projects' full-year budgets add up to 0: the plain mean is used)"
        ).format(explanation=explanation)
    weighted = sum((p.score * b for p, b in zip(projects, budgets)), Decimal(0))
    score = ctx.ruleset.round(Fraction(weighted) / Fraction(weight_sum))
    terms = " + ".join(f"{p.score} × {fmt(b)}" for p, b in zip(projects, budgets))
    return score, _(
        "mean weighted by the projects' full-year budgets (a common practice, no official rule): "
        "({terms}) / {total} = {score}"
    ).format(terms=terms, total=fmt(weight_sum), score=score)


def _mean(projects: Sequence[TableResult], ctx: Context):
    total = sum((p.score for p in projects), Decimal(0))
    score = ctx.ruleset.round(Fraction(total) / len(projects))
    terms = " + ".join(str(p.score) for p in projects)
    return score, _(
        "plain mean of the project scores (a common practice, no official rule): "
        "({terms}) / {count} = {score}"
    ).format(terms=terms, count=len(projects), score=score)
