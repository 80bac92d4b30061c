"""Review checks (复核): what a reviewer compares between the filed table and the rules.

Each check is ``check(evaluation, result, ruleset)`` yielding :class:`~scoring.result.Finding`
and registered under its finding code through ``scoring_register_checks``, like a plugin's.
A filed value is compared with the computed one at the rule set's decimals, without tolerance.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from .i18n import _, ngettext
from .model import Evaluation, Table
from .result import Finding, Result
from .rules import RuleSet
from .values import format_decimal as fmt
from .values import percent, percent_below, text_key, without_notes

ZERO = Decimal(0)


def project_repeated(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """Two projects of one file under the same name (a sheet copied and not renamed, a table
    pasted twice): both are scored and weigh in the department's score, so it is asked."""
    first: dict[str, int] = {}
    for index, project in enumerate(evaluation.projects):
        key = text_key(project.name)
        if key not in first:
            first[key] = index
            continue
        yield Finding(
            "project-repeated",
            "warning",
            f"projects[{index}].name",
            _(
                "the project “{name}” is filed twice (projects {first} and {second}): both are "
                "scored and weigh in the department's score; remove one if it is a copy"
            ).format(name=project.name, first=first[key] + 1, second=index + 1),
        )


def _tables(evaluation: Evaluation, result: Result):
    """Pairs of (filed table, scored table): the projects, then the department's own table."""
    pairs = list(zip(evaluation.projects, result.projects))
    if evaluation.department.table is not None and result.department.table is not None:
        pairs.append((evaluation.department.table, result.department.table))
    return pairs


def recorded_score_mismatch(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """Every filed 得分 — indicator, execution row, total — against the computed one."""
    for row in result.review:
        if row.kind == "score" and not row.agrees:
            if row.note:
                message = _("{label}: filed {filed}, by the rules {computed} ({note})")
            else:
                message = _("{label}: filed {filed}, by the rules {computed}")
            yield Finding(
                "recorded-score-mismatch",
                "warning",
                row.finding_where,
                message.format(
                    label=row.label, filed=fmt(row.filed), computed=row.computed, note=row.note
                ),
            )


def recorded_grade_mismatch(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """A filed grade (等级) against the grade of the computed total."""
    for row in result.review:
        if row.kind == "grade" and not row.agrees:
            yield Finding(
                "recorded-grade-mismatch",
                "warning",
                row.finding_where,
                _("{label}: filed “{filed}”, by the rules “{computed}”").format(
                    label=row.label, filed=row.filed, computed=row.computed
                ),
            )


def score_above_weight(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """A filed score above its row's weight: the official system refuses it. The 预算执行率
    row's weight is the one filed on the form where it has one (19 of 20 is no error there;
    execution-weight-filed says the rule set's is 10), else the rule set's."""
    for table, scored in _tables(evaluation, result):
        execution = scored.execution
        weight = table.budget.weight if table.budget.weight is not None else execution.weight
        if execution.filed_score is not None and execution.filed_score > weight:
            yield Finding(
                "score-above-weight",
                "error",
                table.budget.where,
                _("budget execution rate: filed score {filed} is above its weight {weight}").format(
                    filed=fmt(execution.filed_score), weight=fmt(weight)
                ),
            )
        for filed, row in zip(table.indicators, scored.indicators):
            if filed.counted and row.filed_score is not None and row.filed_score > row.weight:
                yield Finding(
                    "score-above-weight",
                    "error",
                    row.where,
                    _("“{name}”: filed score {filed} is above its weight {weight}").format(
                        name=row.name, filed=fmt(row.filed_score), weight=fmt(row.weight)
                    ),
                )


def _budget_rows(evaluation: Evaluation, result: Result):
    """Every 预算执行率 row: (filed budget, scored execution), projects first, then the department's."""
    rows = [(p.budget, s.execution) for p, s in zip(evaluation.projects, result.projects)]
    rows.append((evaluation.department.budget, result.department.execution))
    return rows


def _measured_rows(evaluation: Evaluation, result: Result, ruleset: RuleSet):
    """The 预算执行率 rows with a budget to measure execution against: one whose budget is 0 has
    a rate of 0 that measures nothing — budget-zero says so — and asks for no reason."""
    denominator = ruleset.execution["denominator"]
    return [
        (budget, execution)
        for budget, execution in _budget_rows(evaluation, result)
        if getattr(execution, denominator)
    ]


def reason_missing(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """No reason given where the rule set asks for one: a score below its weight
    (``reason_required_below_weight``), execution below ``execution_reason_below``
    (severity ``execution_reason``, a warning unless the rule set says otherwise)."""
    checks = ruleset.checks
    severity = checks.get("reason_required_below_weight", "off")
    if severity != "off":
        for table, scored in _tables(evaluation, result):
            for filed, row in zip(table.indicators, scored.indicators):
                rescaled = ruleset.not_applicable == "rescale"
                if not row.applicable and rescaled and row.weight and not filed.reason:
                    yield Finding(  # 不适用 lifts the others: why is the reviewer's question
                        "reason-missing",
                        severity,
                        row.where,
                        _(
                            "“{name}” is marked not applicable (its weight {weight} left out of "
                            "the total), and no reason is given"
                        ).format(name=row.name, weight=fmt(row.weight)),
                    )
                elif row.applicable and row.score < row.weight and not filed.reason:
                    yield Finding(
                        "reason-missing",
                        severity,
                        row.where,
                        _(
                            "“{name}”: score {score} is below its weight {weight}, and no reason "
                            "for the deviation or corrective measure is given"
                        ).format(name=row.name, score=row.score, weight=fmt(row.weight)),
                    )
    threshold = checks.get("execution_reason_below")
    execution_severity = checks.get("execution_reason", "warning")
    if threshold is None or execution_severity == "off":
        return
    below = Decimal(threshold)
    for budget, execution in _measured_rows(evaluation, result, ruleset):
        if execution.rate < below and not budget.reason:
            yield Finding(
                "reason-missing",
                execution_severity,
                f"{budget.where}.reason",
                _("execution rate {rate} is below {threshold}, and no reason is given").format(
                    rate=percent_below(execution.rate, below), threshold=_percent(below, ruleset)
                ),
            )


def _percent(threshold: Decimal, ruleset: RuleSet) -> str:
    """A threshold of the rule set as a percentage, said once per rule set."""
    return ruleset.remember(("percent", threshold), lambda: percent(threshold))


def adjustment_unexplained(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """全年预算数 differs from 年初预算数 and no reason explains the adjustment
    (severity ``checks.adjustment_reason``; off unless the rule set asks)."""
    severity = ruleset.checks.get("adjustment_reason", "off")
    if severity == "off":
        return
    for budget, _execution in _budget_rows(evaluation, result):
        if budget.adjusted != budget.planned and not budget.reason:
            yield Finding(
                "adjustment-unexplained",
                severity,
                f"{budget.where}.reason",
                _(
                    "full-year budget {adjusted} differs from the budget at the start of the year "
                    "{planned}, and no reason for the adjustment is given"
                ).format(adjusted=fmt(budget.adjusted), planned=fmt(budget.planned)),
            )


def execution_low(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """Execution below the rule set's threshold."""
    threshold = ruleset.checks.get("execution_reason_below")
    if threshold is None:
        return
    below = Decimal(threshold)
    for budget, execution in _measured_rows(evaluation, result, ruleset):
        if execution.rate < below:
            yield Finding(
                "execution-low",
                "warning",
                budget.where,
                _("budget execution rate {rate} is below {threshold}").format(
                    rate=percent_below(execution.rate, below), threshold=_percent(below, ruleset)
                ),
            )


def execution_weight_filed(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """A 预算执行率 row whose 分值 is filed other than the rule set's execution weight (mof-2020:
    10, 第十七条): the rule set's weight scores the row, so its 得分 and the table's 分值 total
    are not the form's — said at the filed cell, with both. (The department's own table is
    scored on the 分值 it files: :func:`scoring.weights.execution_weight`.)"""
    for table, scored in _tables(evaluation, result):
        filed, weight = table.budget.weight, scored.execution.weight
        if filed is None or filed == weight:
            continue
        yield Finding(
            "execution-weight-filed",
            "warning",
            f"{table.budget.where}.weight",
            _(
                "{table}: the 预算执行率 row's 分值 is filed as {filed}; the rule set scores it "
                "on {weight}, and the table's 分值 total with it"
            ).format(table=scored.name, filed=fmt(filed), weight=fmt(weight)),
        )


def total_not_sum(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """A filed 总分 that is not the sum of the filed rows — a form whose total row reads 0 while
    every row is filled is a generator fault (as in published 池州 tables)."""
    if not ruleset.checks.get("total_is_sum"):
        return
    for table, scored in _tables(evaluation, result):
        rows = [ind for ind in table.indicators if ind.applicable]
        parts = [table.budget.score, *(ind.score for ind in rows)]
        if table.score is None or any(part is None for part in parts):
            continue
        added = sum(parts, Decimal(0))
        if any(ind.counted and not ind.applicable for ind in table.indicators):
            continue  # a rescaled total is not a plain sum; recorded-score-mismatch covers it
        if added != table.score:
            yield Finding(
                "total-not-sum",
                "warning",
                scored.where or "department",
                _(
                    "“{name}”: filed total {filed}, but the filed rows' scores add up to {added}: "
                    "the total is not the sum of the rows"
                ).format(name=scored.name, filed=fmt(table.score), added=fmt(added)),
            )


def spending_results_mismatch(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """Results near full marks with money far from spent: the targets or the spending need a look."""
    rule = ruleset.checks.get("spending_results")
    if not rule:
        return
    completion_at_least, execution_below = (
        Decimal(rule["completion_at_least"]),
        Decimal(rule["execution_below"]),
    )
    for _filed, scored in _tables(evaluation, result):
        rows = [row for row in scored.indicators if row.applicable]
        weight = sum((row.weight for row in rows), Decimal(0))
        if not weight:
            continue
        completion = sum((row.score for row in rows), Decimal(0)) / weight
        execution = scored.execution.rate
        if completion >= completion_at_least and execution < execution_below:
            yield Finding(
                "spending-results-mismatch",
                "warning",
                scored.where or "department",
                _(
                    "“{name}”: the indicators scored {completion} of their weights, but the budget "
                    "execution rate is only {execution}: results and spending do not match; check "
                    "the targets or the spending"
                ).format(
                    name=scored.name, completion=percent(completion), execution=percent(execution)
                ),
            )


def qualitative_for_number(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """A qualitative (定性) target on an indicator whose name asks for a number (数量, …率, …数)."""
    words = ruleset.checks.get("numeric_words", ())
    if not words:
        return
    for table, _scored in _tables(evaluation, result):
        for ind in table.indicators:
            if ind.target.qualitative and ind.applicable and ind.kind == "row":
                word = next((w for w in words if w in ind.name or w == ind.level2), None)
                if word:
                    yield Finding(
                        "qualitative-for-number",
                        "info",
                        f"{ind.where}.target",
                        _(
                            "“{name}” contains “{word}” and should be quantitative, but its annual "
                            "target is the qualitative “{target}”"
                        ).format(name=ind.name, word=word, target=ind.target.text),
                    )


def rate_above_100(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """A 实际完成值 above 100% on a row whose name ends with a rate that cannot pass it
    (``checks.rates_within_100``: 满意度, 合格率 …): 105% satisfied is a slip or an invented
    figure, and the ratio method gives it full marks without a word."""
    words = tuple(ruleset.checks.get("rates_within_100", ()))
    if not words:
        return
    hundred = Decimal(100)
    for table, _scored in _tables(evaluation, result):
        for ind in table.indicators:
            actual = ind.actual
            if actual is None or actual.value <= hundred:
                continue
            # a bare 105 against a target in % (the Sichuan form's 度量单位 column) is 105%, and
            # against a bare 95 on such a row too: as a fraction it would be 10500%
            if (actual.unit or ind.target.unit or "%") != "%":
                continue
            name = without_notes(ind.name)  # 群众满意度（%）
            word = next((w for w in words if name.endswith(w)), None)
            if word is not None and ind.applicable and ind.counted:
                yield Finding(
                    "rate-above-100",
                    "warning",
                    f"{ind.where}.actual",
                    _(
                        "“{name}”: the actual value {actual} is above 100%, which a {word} cannot "
                        "be: check the figure"
                    ).format(name=ind.name, actual=ind.actual_text, word=word),
                )


def targets_equal_actuals(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """Every quantitative row's actual equals its target: targets possibly set after the fact."""
    least = ruleset.checks.get("targets_equal_actuals_rows")
    if not least:
        return
    for table, scored in _tables(evaluation, result):
        rows = [
            ind
            for ind in table.indicators
            if ind.applicable and not ind.target.qualitative and ind.actual is not None
        ]
        # a range (95%-100%) is no one figure an actual value could have been copied from
        if len(rows) >= least and all(
            ind.target.upper is None and ind.actual.value == ind.target.value for ind in rows
        ):
            yield Finding(
                "targets-equal-actuals",
                "warning",
                scored.where or "department",
                ngettext(
                    "“{name}”: the actual value of its {count} quantitative indicator equals its "
                    "target: was the target set after the fact?",
                    "“{name}”: the actual values of all {count} quantitative indicators equal "
                    "their targets: were the targets set after the fact?",
                    len(rows),
                ).format(name=scored.name, count=len(rows)),
            )


def weights_off_default(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """Explicit weights whose category totals are not the rule set's defaults, with no
    ``weights_reason`` saying why."""
    from .weights import enumeration, table_default_weights

    severity = ruleset.checks.get("weights_reason", "off")
    if severity == "off":
        return
    for table, scored in _tables(evaluation, result):
        filed = None if table.weights_reason else _filed_category_weights(table)
        if not filed:
            continue
        present = list(filed)
        if any(name not in ruleset.categories for name in present):
            continue
        defaults, _notes = table_default_weights(table, present, ruleset)
        off = [name for name in present if filed[name] != defaults[name]]
        if off:
            weight = _("{category} {filed} (default {default})")
            yield Finding(
                "weights-off-default",
                severity,
                f"{scored.where or 'department'}.weights_reason",
                _(
                    "“{name}”: the weights differ from the rule set's defaults: {weights}; no "
                    "reason for the change is given"
                ).format(
                    name=scored.name,
                    weights=enumeration(
                        weight.format(
                            category=name, filed=fmt(filed[name]), default=fmt(defaults[name])
                        )
                        for name in off
                    ),
                ),
            )


def _filed_category_weights(table: Table) -> dict[str, Decimal] | None:
    """The weights filed in each category, in the order the categories first appear; None when
    a row that carries points has no weight (the table takes the rule set's defaults)."""
    filed: dict[str, Decimal] = {}
    for ind in table.indicators:
        if ind.counted:
            if ind.weight is None:
                return None
            filed[ind.level1] = filed.get(ind.level1, ZERO) + ind.weight
    return filed


def projects_over_department(
    evaluation: Evaluation, result: Result, ruleset: RuleSet
) -> Iterator[Finding]:
    """The projects' budgets add up to more than the department's."""
    department = evaluation.department.budget
    for key in ("adjusted", "spent"):
        total = sum((getattr(p.budget, key) for p in evaluation.projects), Decimal(0))
        own = getattr(department, key)
        if evaluation.projects and total > own:
            if key == "adjusted":
                message = _(
                    "the projects' full-year budgets add up to {total} 万元, more than the "
                    "department's full-year budget {own} 万元"
                )
            else:
                message = _(
                    "the projects' full-year spending adds up to {total} 万元, more than the "
                    "department's full-year spending {own} 万元"
                )
            yield Finding(
                "projects-over-department",
                "warning",
                f"department.budget.{key}",
                message.format(total=fmt(total), own=fmt(own)),
            )


def placeholder_left(evaluation: Evaluation, result: Result, ruleset: RuleSet) -> Iterator[Finding]:
    """A name still the template's (``scoring template``): the unit's, a project's or a row's
    placeholder in full-width parentheses, ``（单位名称）``, or an example row, ``（示例）培训人次``.
    Such a table scores — its example rows are filled — but it is not the unit's: an error, so
    that ``check`` fails and a reviewer is not shown a score of a form nobody filled."""
    name = evaluation.department.name
    if _is_placeholder(name):
        yield Finding(
            "placeholder-left",
            "error",
            "department.name",
            _(
                "the unit's name is still the template's placeholder “{name}”: fill in your "
                "unit's name"
            ).format(name=name),
        )
    for i, project in enumerate(evaluation.projects):
        if _is_placeholder(project.name):
            yield Finding(
                "placeholder-left",
                "error",
                f"projects[{i}].name",
                _(
                    "the project's name is still the template's placeholder “{name}”: fill in "
                    "the project's name"
                ).format(name=project.name),
            )
        unnamed = _("(no indicator name)")  # a workbook's row left without a name: said so
        for j, row in enumerate(project.indicators):
            if _is_placeholder(row.name) and row.name != unnamed:
                yield Finding(
                    "placeholder-left",
                    "error",
                    f"projects[{i}].indicators[{j}].name",
                    _(
                        "“{name}” is an example row of the template: replace it with this "
                        "project's indicator, or delete the row"
                    ).format(name=row.name),
                )


def _is_placeholder(name: str) -> bool:
    """The template's placeholder (（单位名称）) or example-row name (（示例）…)."""
    text = name.strip()
    whole = text.startswith("（") and text.endswith("）") and text.count("（") == 1
    return whole or text.startswith("（示例）")


BUILTIN = {
    "recorded-score-mismatch": recorded_score_mismatch,
    "recorded-grade-mismatch": recorded_grade_mismatch,
    "score-above-weight": score_above_weight,
    "reason-missing": reason_missing,
    "execution-low": execution_low,
    "execution-weight-filed": execution_weight_filed,
    "adjustment-unexplained": adjustment_unexplained,
    "total-not-sum": total_not_sum,
    "spending-results-mismatch": spending_results_mismatch,
    "qualitative-for-number": qualitative_for_number,
    "targets-equal-actuals": targets_equal_actuals,
    "rate-above-100": rate_above_100,
    "weights-off-default": weights_off_default,
    "projects-over-department": projects_over_department,
    "placeholder-left": placeholder_left,
    "project-repeated": project_repeated,
}
