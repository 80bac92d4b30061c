"""Review checks (复核): what a reviewer compares between the filed table and the rules.

Each check is ``check(evaluation, result, ruleset)`` yielding :class:`~scoring.result.Finding`
and registered under its finding code through ``scoring_register_checks``, like a plugin's.
A filed value is compared with the computed one at the rule set's decimals, without tolerance.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from .model import Evaluation
from .result import Finding, Result
from .rules import RuleSet
from .values import format_decimal as fmt
from .values import percent_down


def _tables(evaluation: Evaluation, result: Result):
    """Pairs of (filed table, scored table): the projects, then the department's own table."""
    pairs = list(zip(evaluation.projects, result.projects))
    if evaluation.department.table is not None and result.department.table is not None:
        pairs.append((evaluation.department.table, result.department.table))
    return pairs


def _whole_point_note(filed: Decimal, computed: Decimal) -> str:
    whole = computed.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return "（自评按整数取分）" if filed == whole and filed != computed else ""


def _differs(filed: Decimal, computed: Decimal, ruleset: RuleSet) -> bool:
    return ruleset.round(filed) != computed


def recorded_score_mismatch(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """Every filed 得分 — indicator, execution row, total — against the computed one."""
    code = "recorded-score-mismatch"
    for table, scored in _tables(evaluation, result):
        execution = scored.execution
        if execution.filed_score is not None and _differs(
            execution.filed_score, execution.score, ruleset
        ):
            yield Finding(
                code,
                "warning",
                table.budget.where,
                f"预算执行率得分：自评 {fmt(execution.filed_score)}，按规则 {execution.score}"
                + _whole_point_note(execution.filed_score, execution.score),
            )
        for row in scored.indicators:
            if (
                row.applicable
                and row.filed_score is not None
                and _differs(row.filed_score, row.score, ruleset)
            ):
                yield Finding(
                    code,
                    "warning",
                    row.where,
                    f"「{row.name}」得分：自评 {fmt(row.filed_score)}，按规则 {row.score}"
                    + _whole_point_note(row.filed_score, row.score),
                )
        if scored.filed_score is not None and _differs(scored.filed_score, scored.score, ruleset):
            yield Finding(
                code,
                "warning",
                scored.where,
                f"「{scored.name}」总分：自评 {fmt(scored.filed_score)}，按规则 {scored.score}"
                + _whole_point_note(scored.filed_score, scored.score),
            )
    department = result.department
    execution = department.execution
    if (
        department.table is None
        and execution.filed_score is not None
        and _differs(execution.filed_score, execution.score, ruleset)
    ):
        yield Finding(
            code,
            "warning",
            "department.budget",
            f"部门预算执行率得分：自评 {fmt(execution.filed_score)}，按规则 {execution.score}"
            + _whole_point_note(execution.filed_score, execution.score),
        )
    if department.filed_score is not None and _differs(
        department.filed_score, department.score, ruleset
    ):
        yield Finding(
            code,
            "warning",
            "department.score",
            f"部门自评得分 {fmt(department.filed_score)}，按规则 {department.score}"
            + _whole_point_note(department.filed_score, department.score),
        )


def recorded_grade_mismatch(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """A filed grade (等级) against the grade of the computed total."""
    for _, scored in _tables(evaluation, result):
        if scored.filed_grade is not None and scored.filed_grade.strip() != scored.grade:
            yield Finding(
                "recorded-grade-mismatch",
                "warning",
                f"{scored.where}.grade",
                f"「{scored.name}」等级：自评「{scored.filed_grade}」，按规则「{scored.grade}」",
            )
    department = result.department
    if department.filed_grade is not None and department.filed_grade.strip() != department.grade:
        yield Finding(
            "recorded-grade-mismatch",
            "warning",
            "department.grade",
            f"部门自评等级「{department.filed_grade}」，按规则「{department.grade}」",
        )


def score_above_weight(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """A filed score above its row's weight: the official system refuses it."""
    for table, scored in _tables(evaluation, result):
        execution = scored.execution
        if execution.filed_score is not None and execution.filed_score > execution.weight:
            yield Finding(
                "score-above-weight",
                "error",
                table.budget.where,
                f"预算执行率自评得分 {fmt(execution.filed_score)} 超过分值 {fmt(execution.weight)}",
            )
        for row in scored.indicators:
            if row.filed_score is not None and row.filed_score > row.weight:
                yield Finding(
                    "score-above-weight",
                    "error",
                    row.where,
                    f"「{row.name}」自评得分 {fmt(row.filed_score)} 超过分值 {fmt(row.weight)}",
                )


def _budget_rows(evaluation: Evaluation, result: Result):
    """Every 预算执行率 row: (filed budget, scored execution), projects first, then the department's."""
    rows = [(p.budget, s.execution) for p, s in zip(evaluation.projects, result.projects)]
    rows.append((evaluation.department.budget, result.department.execution))
    return rows


def reason_missing(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """No reason given where the rule set asks for one: a score below its weight
    (``reason_required_below_weight``), execution below ``execution_reason_below``
    (severity ``execution_reason``, a warning unless the rule set says otherwise)."""
    checks = ruleset.checks
    severity = checks.get("reason_required_below_weight", "off")
    if severity != "off":
        for table, scored in _tables(evaluation, result):
            for filed, row in zip(table.indicators, scored.indicators):
                if row.applicable and row.score < row.weight and not filed.reason:
                    yield Finding(
                        "reason-missing",
                        severity,
                        row.where,
                        f"「{row.name}」得分 {row.score} 低于分值 {fmt(row.weight)}，"
                        "未填写偏差原因分析及改进措施",
                    )
    threshold = checks.get("execution_reason_below")
    execution_severity = checks.get("execution_reason", "warning")
    if threshold is None or execution_severity == "off":
        return
    for budget, execution in _budget_rows(evaluation, result):
        if execution.rate < Decimal(threshold) and not budget.reason:
            yield Finding(
                "reason-missing",
                execution_severity,
                f"{budget.where}.reason",
                f"执行率 {percent_down(execution.rate)} 低于 {percent_down(Decimal(threshold))}，未说明原因",
            )


def adjustment_unexplained(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """全年预算数 differs from 年初预算数 and no reason explains the adjustment
    (severity ``checks.adjustment_reason``; off unless the rule set asks)."""
    severity = ruleset.checks.get("adjustment_reason", "off")
    if severity == "off":
        return
    for budget, _ in _budget_rows(evaluation, result):
        if budget.adjusted != budget.planned and not budget.reason:
            yield Finding(
                "adjustment-unexplained",
                severity,
                f"{budget.where}.reason",
                f"全年预算数 {fmt(budget.adjusted)} 与年初预算数 {fmt(budget.planned)} 不同，未说明预算调整原因",
            )


def execution_low(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """Execution below the rule set's threshold."""
    threshold = ruleset.checks.get("execution_reason_below")
    if threshold is None:
        return
    for budget, execution in _budget_rows(evaluation, result):
        if execution.rate < Decimal(threshold):
            yield Finding(
                "execution-low",
                "warning",
                budget.where,
                f"预算执行率 {percent_down(execution.rate)} 低于 {percent_down(Decimal(threshold))}",
            )


def projects_over_department(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """The projects' budgets add up to more than the department's."""
    department = evaluation.department.budget
    for key, label in (("adjusted", "全年预算数"), ("spent", "全年执行数")):
        total = sum((getattr(p.budget, key) for p in evaluation.projects), Decimal(0))
        own = getattr(department, key)
        if evaluation.projects and total > own:
            yield Finding(
                "projects-over-department",
                "warning",
                f"department.budget.{key}",
                f"项目{label}合计 {fmt(total)} 万元，超过部门{label} {fmt(own)} 万元",
            )


BUILTIN = {
    "recorded-score-mismatch": recorded_score_mismatch,
    "recorded-grade-mismatch": recorded_grade_mismatch,
    "score-above-weight": score_above_weight,
    "reason-missing": reason_missing,
    "execution-low": execution_low,
    "adjustment-unexplained": adjustment_unexplained,
    "projects-over-department": projects_over_department,
}
