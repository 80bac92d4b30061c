"""Score one table — a project, or the department's own — from its rows and a rule set.

Pure: data in (a :class:`~scoring.model.Table`, a :class:`~scoring.rules.RuleSet`, the
registered methods), data out (a :class:`~scoring.result.TableResult` and findings). No I/O,
no global state. Every number comes from the rule set; a score is ``round(weight × rate)``
unless a policy of the rule set takes a filed score or takes points off, and a total is the sum
of its rounded parts before not-applicable rows are rescaled and caps applied.
"""

from __future__ import annotations

from decimal import Decimal
from fnmatch import fnmatchcase

from .errors import InputError, PluginError, RulesetError
from .methods import MethodInput, Rating, rating_breach
from .model import Budget, Indicator, Table
from .policies import Outcome, apply_policies
from .result import CategoryResult, ExecutionResult, Finding, IndicatorResult, TableResult
from .rules import RuleSet
from .values import GE, ValueProblem, align_units, percent, percent_below, same_text
from .values import format_decimal as fmt
from .weights import effective_weights

ZERO, ONE = Decimal(0), Decimal(1)


class Context:
    """What scoring one evaluation needs besides the data: the rules, the methods, the findings."""

    def __init__(self, ruleset: RuleSet, methods: dict):
        self.ruleset = ruleset
        self.methods = methods
        self.findings: list[Finding] = []

    def flag(self, code: str, severity: str, where: str, message: str) -> None:
        self.findings.append(Finding(code, severity, where, message))

    def rate(self, method_name: str, view: MethodInput, params: dict, where: str) -> Rating:
        """Call a method and hold it to its contract: a Rating with a rate in [0, 1]."""
        method = self.methods[method_name]
        try:
            rating = method(view, params)
        except PluginError as exc:
            if exc.where is None:  # a plugin's method, named by the host: say which row
                exc.where = exc.problems[0].where = where
            raise
        except InputError:
            raise
        except Exception as exc:
            raise PluginError(
                f"method {method_name!r} failed on this indicator: {exc}",
                where,
                "report it to the plugin's authors",
                code="plugin-fault",
            ) from exc
        breach = rating_breach(rating)
        if breach:
            raise PluginError(f"method {method_name!r} {breach}", where, code="plugin-fault")
        return Rating(Decimal(rating.rate), rating.explanation)


# --- execution row ----------------------------------------------------------------------------


def score_execution(budget: Budget, ctx: Context) -> ExecutionResult:
    """The 预算执行率 row: rate = spent / budget (adjusted by default), score by the rule set's method."""
    rules = ctx.ruleset.execution
    weight = Decimal(rules["weight"])
    denominator = budget.adjusted if rules["denominator"] == "adjusted" else budget.planned
    label = "全年预算数" if rules["denominator"] == "adjusted" else "年初预算数"
    method = rules["method"]
    if denominator <= ZERO:
        ctx.flag(
            "budget-zero", "warning", budget.where, f"{label}为 0：执行率按 0 计，预算执行率得分 0"
        )
        return ExecutionResult(
            budget.planned,
            budget.adjusted,
            budget.spent,
            ZERO,
            weight,
            ctx.ruleset.round(ZERO),
            method,
            f"{label}为 0，执行率按 0 计",
            budget.score,
            budget.reason,
        )
    rate = min(budget.spent / denominator, ONE)
    if budget.spent > denominator:
        ctx.flag(
            "spent-over-budget",
            "warning",
            budget.where,
            f"全年执行数 {fmt(budget.spent)} 超过{label} {fmt(denominator)}，按满额执行计分",
        )
    view = MethodInput(
        "预算执行率",
        "",
        "预算执行率",
        GE,
        denominator,
        budget.spent,
        "万元",
        None,
        weight,
        fmt(denominator),
        fmt(budget.spent),
        budget.score,
    )
    rating = ctx.rate(method, view, rules, f"{budget.where}")
    score = ctx.ruleset.round(weight * rating.rate)
    if method == "proportional":
        # 执行率 = 全年执行数 19.8 / 全年预算数 20 = 99.00%；10 × 99.00% = 9.90
        explanation = (
            f"执行率 = 全年执行数 {fmt(budget.spent)} / {label} {fmt(denominator)} = "
            f"{percent(rate)}；{fmt(weight)} × {percent(rating.rate)} = {score}"
        )
    else:
        explanation = f"执行率 {percent(rate)}：" + with_score(rating, weight, score)
    return ExecutionResult(
        budget.planned,
        budget.adjusted,
        budget.spent,
        rate,
        weight,
        score,
        method,
        explanation,
        budget.score,
        budget.reason,
    )


def with_score(rating: Rating, weight: Decimal, score: Decimal) -> str:
    """The method's words completed with the score, as an evaluator writes it:
    ``实际 90% / 目标 95% × 30 = 28.42``, ``…，达到目标，得满分 20.00``, ``…，不得分：0.00``."""
    if rating.rate == ONE:
        return f"{rating.explanation}，得满分 {score}"
    if rating.rate == ZERO:
        return f"{rating.explanation}：{score}"
    return f"{rating.explanation} × {fmt(weight)} = {score}"


# --- indicators -------------------------------------------------------------------------------


def _match_tier(text: str, ruleset: RuleSet, target_text: str | None) -> str | None:
    for tier in ruleset.tiers:
        if any(same_text(text, word) for word in (tier.name, *tier.aliases)):
            return tier.name
    if target_text is not None and same_text(text, target_text):
        return ruleset.same_as_target
    return None


def _accepted_words(ruleset: RuleSet) -> str:
    return "、".join(word for tier in ruleset.tiers for word in (tier.name, *tier.aliases))


def _override(ind: Indicator, ruleset: RuleSet):
    for override in ruleset.overrides:
        fields = {"level1": ind.level1, "level2": ind.level2, "name": ind.name}
        if all(fnmatchcase(fields[key], pattern) for key, pattern in override.match.items()):
            return override
    return None


def score_indicator(ind: Indicator, weight: Decimal, ctx: Context) -> IndicatorResult:
    """One row of the grid: its method, its rate, its rounded score and how they were reached."""
    rules = ctx.ruleset
    if not ind.applicable:
        return IndicatorResult(
            ind.level1,
            ind.level2,
            ind.name,
            ind.target.text,
            ind.actual_text,
            weight,
            False,
            None,
            None,
            "not-applicable",
            "不适用：不参与评分"
            + ("，总分按比例折算" if rules.not_applicable == "rescale" else ""),
            ind.score,
            ind.where,
            reason=ind.reason,
        )
    view, method_name, params = _prepare(ind, weight, ctx)
    rating = ctx.rate(method_name, view, params, ind.where)
    score = rules.round(weight * rating.rate)
    outcome = apply_policies(
        ind, view, Outcome(score, rating.rate, with_score(rating, weight, score)), ctx
    )
    score, rate, explanation = outcome.score, outcome.rate, outcome.explanation
    return IndicatorResult(
        ind.level1,
        ind.level2,
        ind.name,
        ind.target.text,
        ind.actual_text,
        weight,
        True,
        rate,
        score,
        method_name,
        explanation,
        ind.score,
        ind.where,
        view.tier,
        ind.reason,
        ind.deduction,
    )


# The built-in methods that need a number on both sides; `tiers` needs a tier word.
NUMERIC_METHODS = ("ratio", "reverse-linear", "reverse-ratio", "equal", "proportional", "bands")


def _check_override_fits(override, ind: Indicator, tier, rules: RuleSet) -> None:
    """An override that gives a built-in method a row it cannot score is the rule set's
    mistake, said at the rule set's key — not a plugin fault."""
    if tier is not None and override.method in NUMERIC_METHODS:
        kind = "a qualitative (定性) row"
    elif tier is None and override.method == "tiers":
        kind = "a quantitative row"
    else:
        return
    raise RulesetError(
        f"override {override.index} gives method {override.method!r} to {kind}: {ind.where} 「{ind.name}」",
        f"overrides[{override.index}].method",
        "narrow its `match` to the rows that method can score",
        file=rules.source,
        code="override-mismatch",
    )


def _prepare(ind: Indicator, weight: Decimal, ctx: Context) -> tuple[MethodInput, str, dict]:
    """The method's view of the row, which method scores it, and the method's parameters."""
    rules = ctx.ruleset
    target = ind.target
    common = dict(
        level1=ind.level1,
        level2=ind.level2,
        name=ind.name,
        weight=weight,
        target_text=target.text,
        actual_text=ind.actual_text,
        filed_score=ind.score,
    )
    tier = None
    if target.qualitative:
        tier = _match_tier(ind.actual_text, rules, target.text)
        if tier is None:
            raise InputError(
                f"「{ind.name}」: 实际完成值 {ind.actual_text!r} is not a tier of this qualitative (定性) indicator",
                f"{ind.where}.actual",
                f"write one of: {_accepted_words(rules)}, or restate the target ({target.text})",
                code="actual-invalid",
            )
    elif ind.actual is None:
        tier = _match_tier(ind.actual_text, rules, None)
        if tier is None:
            raise InputError(
                f"「{ind.name}」: 实际完成值 {ind.actual_text!r} is not a number, though the target {target.text!r} is one",
                f"{ind.where}.actual",
                'write the actual value as a number with its unit, e.g. "95%"',
                code="actual-invalid",
            )
        ctx.flag(
            "actual-not-numeric",
            "warning",
            ind.where,
            f"定量指标的实际完成值写成了「{ind.actual_text}」，按定性「{tier}」计分；请填写实际数值",
        )
    override = _override(ind, rules)
    if override is not None:
        _check_override_fits(override, ind, tier, rules)
    if tier is not None:
        method_name = override.method if override else "tiers"
        params = override.params if override else rules.data["qualitative"]
        return (
            MethodInput(op=None, target=None, actual=None, unit=None, tier=tier, **common),
            method_name,
            params,
        )
    try:
        target_value, actual_value, unit = align_units(target, ind.actual)
    except ValueProblem as exc:
        raise InputError(
            f"「{ind.name}」: {exc}", f"{ind.where}.actual", exc.hint, code="unit-mismatch"
        ) from None
    if actual_value < ZERO:
        if rules.quantitative["negative_actual"] == "error":
            raise InputError(
                f"实际完成值 {ind.actual_text!r} is negative",
                f"{ind.where}.actual",
                "this rule set does not accept negative actual values",
                code="actual-negative",
            )
        actual_value = ZERO
    op = target.op or rules.quantitative["default_op"]
    method_name = override.method if override else rules.quantitative[op]
    params = override.params if override else rules.params(method_name)
    view = MethodInput(
        op=op, target=target_value, actual=actual_value, unit=unit, tier=None, **common
    )
    return view, method_name, params


# --- the table --------------------------------------------------------------------------------


def score_table(table: Table, ctx: Context) -> TableResult:
    """Execution row, indicator rows, total (rescaled for not-applicable rows, capped), grade."""
    rules = ctx.ruleset
    weights, notes = effective_weights(table, rules)
    for note in notes:
        ctx.flag(note.code, note.severity, note.where, note.message)
    execution = score_execution(table.budget, ctx)
    indicators = [
        score_indicator(ind, weight, ctx) for ind, weight in zip(table.indicators, weights)
    ]
    parts = execution.score + sum((i.score for i in indicators if i.applicable), ZERO)
    explanation = f"执行率得分 {execution.score} + 指标得分 {parts - execution.score} = {parts}"
    total = parts
    dropped = sum((i.weight for i in indicators if not i.applicable), ZERO)
    if dropped and rules.not_applicable == "rescale":
        remaining = rules.total - dropped
        total = rules.round(parts * rules.total / remaining) if remaining > ZERO else ZERO
        explanation += (
            f"；不适用指标分值 {fmt(dropped)}，折算 {parts} × {fmt(rules.total)} / "
            f"{fmt(remaining)} = {total}"
        )
    total, explanation = _apply_caps(total, execution, explanation, table, ctx)
    return TableResult(
        name=table.name,
        score=total,
        grade=rules.grade(total),
        execution=execution,
        categories=_categories(indicators),
        indicators=indicators,
        explanation=explanation,
        filed_score=table.score,
        filed_grade=table.grade,
        where=table.where,
        goal=table.goal,
        result=table.result,
        weights_reason=table.weights_reason,
    )


def _apply_caps(total, execution, explanation, table, ctx):
    """Every cap whose condition holds applies; the lowest ``max_score`` wins."""
    holding = [cap for cap in ctx.ruleset.caps if execution.rate < Decimal(cap["execution_below"])]
    if not holding:
        return total, explanation
    cap = min(holding, key=lambda c: Decimal(c["max_score"]))
    limit = ctx.ruleset.round(Decimal(cap["max_score"]))
    if total <= limit:
        return total, explanation
    below = percent(Decimal(cap["execution_below"]))
    ctx.flag(
        "score-capped",
        "info",
        table.where or "department",
        f"执行率 {percent_below(execution.rate, Decimal(cap['execution_below']))} 低于 {below}，总分封顶 {limit}（计算得 {total}）",
    )
    return limit, explanation + f"；执行率低于 {below}，封顶 {limit}"


def _categories(indicators: list[IndicatorResult]) -> dict[str, CategoryResult]:
    weights: dict[str, Decimal] = {}
    scores: dict[str, Decimal] = {}
    for ind in indicators:
        if ind.applicable:
            weights[ind.level1] = weights.get(ind.level1, ZERO) + ind.weight
            scores[ind.level1] = scores.get(ind.level1, ZERO) + ind.score
    return {name: CategoryResult(weights[name], scores[name]) for name in weights}
