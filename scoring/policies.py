"""The rule set's policies, applied to a row after its method has given a rate.

In order: a qualitative filed score inside its band (定性, the evaluator picks inside the band);
rows the rule set leaves to the evaluator's judgement (Hebei: ``=`` missed, ``≤`` exceeded);
over-achievement (完成值高于指标值较多: flag, require a reason, deduct, or take the evaluator's
cut); last, a filed deduction (扣减分数). Each policy is driven by its rule-set table and does
nothing when the table is absent. A row no formula can score (:func:`no_formula`) goes to the
evaluator instead of a method's rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .methods import Qualitative, Quantitative, Row, show_rate
from .model import Indicator, record
from .values import EQ, GE, GT, LE, LT
from .values import format_decimal as fmt

ZERO = Decimal(0)
OVER_OPS = (GE, GT, EQ)


@record
@dataclass(frozen=True)
class Outcome:
    """A row's score so far, its rate and how it was reached."""

    score: Decimal
    rate: Decimal
    explanation: str  # ends with the score, so each policy adds its clause or rewrites it


def apply_policies(ind: Indicator, view: Row, outcome: Outcome, ctx) -> Outcome:
    """The rule set's policies for a row of ``view``'s kind, in order, then a filed deduction."""
    if isinstance(view, Qualitative):
        outcome = filed_in_band(ind, view, outcome, ctx)
    elif isinstance(view, Quantitative):
        judged = judgement(ind, view, outcome, ctx)
        outcome = judged if judged is not None else over_achievement(ind, view, outcome, ctx)
    return filed_deduction(ind, view, outcome, ctx)


def _taken(filed: Decimal, weight: Decimal, ctx) -> tuple[Decimal, Decimal]:
    """A filed score as the row's score: rounded to the rule set's decimals, never re-derived."""
    score = ctx.ruleset.round(filed)
    return score, score / weight if weight else ZERO


def filed_in_band(ind: Indicator, view: Qualitative, outcome: Outcome, ctx) -> Outcome:
    """定性: a filed score inside its tier's band is the evaluator's choice and is used.

    ``min × weight ≤ score < max × weight``, the top tier closed at its max. Outside the band the
    tier's default stands and ``score-outside-band`` says so.
    """
    filed, weight = ind.score, view.weight
    if filed is None or weight <= ZERO:
        return outcome
    tiers = ctx.ruleset.tiers
    tier = next(t for t in tiers if t.name == view.tier)
    top = max(t.max for t in tiers)
    low, high = tier.min * weight, tier.max * weight
    inside = low <= filed <= high if tier.max == top else low <= filed < high
    bracket = "]" if tier.max == top else ")"
    band = f"[{fmt(low)}, {fmt(high)}{bracket}"
    if inside:
        score, rate = _taken(filed, weight, ctx)
        if not (low <= score <= high if tier.max == top else low <= score < high):
            # rounding (whole points: 7.5 → 8) must not carry it out of its band
            from decimal import ROUND_DOWN

            score = filed.quantize(ctx.ruleset.quantum, rounding=ROUND_DOWN)
            rate = score / weight
        return Outcome(
            score, rate, f"定性「{view.tier}」，自评得分 {fmt(filed)} 在档内 {band}，采用 {score}"
        )
    ctx.flag(
        "score-outside-band",
        "warning",
        ind.where,
        f"定性「{view.tier}」的得分应在 {band}，自评 {fmt(filed)} 不在档内；按默认 {show_rate(outcome.rate)} 计分",
    )
    return outcome


JUDGED = {
    "equal-missed": ("=", "未恰好达到「=」目标"),
    "reverse-exceeded": ("≤", "超过「≤」目标"),
}


def _judged_case(view: Quantitative) -> str | None:
    if view.op == EQ and view.actual != view.target:
        return "equal-missed"
    if view.op in (LE, LT) and view.actual > view.target:
        return "reverse-exceeded"
    return None


def judgement(ind: Indicator, view: Quantitative, outcome: Outcome, ctx) -> Outcome | None:
    """Rows the rule set leaves to the evaluator (``[judgement] when = [...]``).

    They are flagged ``evaluator-judgement``; a filed score in [0, weight] is taken, otherwise the
    formula's score stands and the finding says no score was filed. None when it does not apply.
    """
    rule = ctx.ruleset.data.get("judgement")
    if not rule or not rule.get("when"):
        return None
    case = _judged_case(view)
    if case is None or case not in rule["when"]:
        return None
    unit = view.unit or ""
    said = (
        f"实际 {fmt(view.actual)}{unit}，目标 {view.op}{fmt(view.target)}{unit}，{JUDGED[case][1]}"
    )
    filed, weight = ind.score, view.weight
    if filed is not None and ZERO <= filed <= weight:
        score, rate = _taken(filed, weight, ctx)
        ctx.flag(
            "evaluator-judgement", "info", ind.where, f"{said}，由评价人判断：采用自评得分 {score}"
        )
        return Outcome(score, rate, f"{said}，由评价人判断，采用自评得分 {score}")
    ctx.flag(
        "evaluator-judgement",
        "warning",
        ind.where,
        f"{said}，应由评价人判断，但未填写有效的自评得分；按公式计 {outcome.score}",
    )
    return outcome


def no_formula(ind: Indicator, view: Row, why: str, ctx) -> Outcome:
    """A missed target no ratio can score (``[judgement] no_formula_*``): a filed score inside
    the named tiers' bands is the evaluator's and is taken; otherwise the rule set's default
    share, and ``evaluator-judgement`` asks for the evaluator's score."""
    rule = ctx.ruleset.data["judgement"]
    tiers = [t for t in ctx.ruleset.tiers if t.name in rule["no_formula_tiers"]]
    weight = view.weight
    low, high = min(t.min for t in tiers) * weight, max(t.max for t in tiers) * weight
    closed = max(t.max for t in tiers) == max(t.max for t in ctx.ruleset.tiers)
    band = f"[{fmt(low)}, {fmt(high)}{']' if closed else ')'}"
    filed = ind.score
    if filed is not None and (low <= filed <= high if closed else low <= filed < high):
        score, rate = _taken(filed, weight, ctx)
        ctx.flag(
            "evaluator-judgement", "info", ind.where, f"{why}；由评价人判断，采用自评得分 {score}"
        )
        return Outcome(score, rate, f"{why}；由评价人判断，采用自评得分 {score}")
    rate = Decimal(rule["no_formula_default"])
    score = ctx.ruleset.round(weight * rate)
    filed_said = f"自评 {fmt(filed)} 不在此范围" if filed is not None else "未填写自评得分"
    ctx.flag(
        "evaluator-judgement",
        "warning",
        ind.where,
        f"{why}，应由评价人在 {band} 内给分；{filed_said}，按 {show_rate(rate)} 计 {score}",
    )
    return Outcome(score, rate, f"{why}；{filed_said}，按 {show_rate(rate)} 计：{score}")


def over_achievement(ind: Indicator, view: Quantitative, outcome: Outcome, ctx) -> Outcome:
    """完成值高于指标值较多 (≥, > and = rows with actual ≥ ratio × target, target above 0)."""
    rule = ctx.ruleset.over_achievement
    if not rule or view.op not in OVER_OPS or view.target <= ZERO:
        return outcome
    ratio = Decimal(rule["ratio"])
    if view.actual < ratio * view.target:
        return outcome
    unit = view.unit or ""
    said = f"实际 {fmt(view.actual)}{unit} ≥ {fmt(ratio)} × 目标 {fmt(view.target)}{unit}"
    filed, weight = ind.score, view.weight
    action = rule["action"]
    if action == "require-reason" and not ind.reason:  # required whatever score was filed
        ctx.flag(
            "reason-missing",
            "error",
            ind.where,
            f"{said}，须在「偏差原因分析及改进措施」中说明原因",
        )
    if rule.get("accept_filed") and filed is not None and ZERO <= filed < weight:
        score, rate = _taken(filed, weight, ctx)
        ctx.flag(
            "over-achievement",
            "info",
            ind.where,
            f"{said}（完成值高于指标值较多）；采用自评调减后的得分 {score}",
        )
        return Outcome(
            score, rate, outcome.explanation + f"；{said}，采用自评适度调减后的得分 {score}"
        )
    if action == "deduct":
        points = Decimal(rule["points"])
        score = max(ZERO, outcome.score - points)
        ctx.flag("over-achievement", "warning", ind.where, f"{said}，按规则扣 {fmt(points)} 分")
        rate = score / weight if weight else ZERO
        return Outcome(
            score, rate, outcome.explanation + f"；{said}，扣 {fmt(points)} 分，得 {score}"
        )
    required = action == "require-reason"
    ctx.flag(
        "over-achievement",
        # with require-reason, a missing reason is already the error; this is information
        "info" if ind.reason or required else "warning",
        ind.where,
        f"{said}（完成值高于指标值较多），指标值是否偏低？"
        + ("已说明原因" if ind.reason else "未说明原因"),
    )
    return outcome


def filed_deduction(ind: Indicator, view: Row, outcome: Outcome, ctx) -> Outcome:
    """扣减分数: with ``[deductions] apply = true`` a filed deduction comes off, floor 0."""
    if ind.deduction is None or ind.deduction == ZERO:
        return outcome
    rule = ctx.ruleset.data.get("deductions", {})
    if not rule.get("apply"):
        ctx.flag(
            "deduction-ignored",
            "info",
            f"{ind.where}.deduction",
            f"填写了扣减分数 {fmt(ind.deduction)}，本规则不扣减",
        )
        return outcome
    deduction = ctx.ruleset.round(ind.deduction)
    score = max(ZERO, outcome.score - deduction)
    rate = score / view.weight if view.weight else ZERO
    return Outcome(score, rate, outcome.explanation + f"；扣减分数 {fmt(deduction)}，得 {score}")
