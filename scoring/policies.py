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
from decimal import ROUND_UP, Decimal

from .i18n import _
from .methods import Qualitative, Quantitative, Row, show_rate
from .model import Indicator
from .values import EQ, GE, GT, LE, LT, percent
from .values import format_decimal as fmt

ZERO = Decimal(0)
OVER_OPS = (GE, GT, EQ)


# Built for each row and dropped with it, never handed out: a plain slotted record is the
# cheapest to build (a frozen one costs twice as much).
@dataclass(slots=True)
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
            score,
            rate,
            _(
                "qualitative “{tier}”: filed score {filed} is within the band {band}; taken: {score}"
            ).format(tier=view.tier, filed=fmt(filed), band=band, score=score),
        )
    ctx.flag(
        "score-outside-band",
        "warning",
        ind.where,
        _(
            "a qualitative “{tier}” score should be within {band}; filed {filed} is outside it: "
            "scored at the default rate {rate}"
        ).format(tier=view.tier, band=band, filed=fmt(filed), rate=show_rate(outcome.rate)),
    )
    return outcome


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
    if case == "equal-missed":
        said = _("actual {actual}, target {op}{target}: the “=” target is not met exactly")
    else:
        said = _("actual {actual}, target {op}{target}: above the “≤” target")
    said = said.format(
        actual=f"{fmt(view.actual)}{unit}", op=view.op, target=f"{fmt(view.target)}{unit}"
    )
    filed, weight = ind.score, view.weight
    if filed is not None and ZERO <= filed <= weight:
        score, rate = _taken(filed, weight, ctx)
        ctx.flag(
            "evaluator-judgement",
            "info",
            ind.where,
            _("{said}; the evaluator's judgement: filed score {score} taken").format(
                said=said, score=score
            ),
        )
        return Outcome(
            score,
            rate,
            _("{said}; the evaluator's judgement, filed score taken: {score}").format(
                said=said, score=score
            ),
        )
    ctx.flag(
        "evaluator-judgement",
        "warning",
        ind.where,
        _(
            "{said}; for the evaluator to judge, but no valid score is filed: scored by the "
            "formula, {score}"
        ).format(said=said, score=outcome.score),
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
        taken = _("{why}; the evaluator's judgement, filed score taken: {score}").format(
            why=why, score=score
        )
        ctx.flag("evaluator-judgement", "info", ind.where, taken)
        return Outcome(score, rate, taken)
    rate = Decimal(rule["no_formula_default"])
    score = ctx.ruleset.round(weight * rate)
    if filed is not None:
        finding = _(
            "{why}; the evaluator should score it within {band}; filed {filed} is outside that "
            "band: {score} at a rate of {rate}"
        )
        explanation = _("{why}; filed {filed} is outside that band: at a rate of {rate}, {score}")
    else:
        finding = _(
            "{why}; the evaluator should score it within {band}; no score is filed: "
            "{score} at a rate of {rate}"
        )
        explanation = _("{why}; no score is filed: at a rate of {rate}, {score}")
    said = {
        "why": why,
        "band": band,
        "filed": fmt(filed) if filed is not None else "",
        "rate": show_rate(rate),
        "score": score,
    }
    ctx.flag("evaluator-judgement", "warning", ind.where, finding.format(**said))
    return Outcome(score, rate, explanation.format(**said))


def over_achievement(ind: Indicator, view: Quantitative, outcome: Outcome, ctx) -> Outcome:
    """完成值高于指标值较多 (≥, > and = rows with actual ≥ ratio × target, target above 0)."""
    rule = ctx.ruleset.over_achievement
    if not rule or view.op not in OVER_OPS or view.target <= ZERO:
        return outcome
    ratio = rule["ratio"]  # a Decimal, as every number of a compiled rule set
    if view.actual < ratio * view.target:
        return outcome
    unit = view.unit or ""
    said = _("actual {actual} ≥ {ratio} × target {target}").format(
        actual=f"{fmt(view.actual)}{unit}", ratio=fmt(ratio), target=f"{fmt(view.target)}{unit}"
    )
    filed, weight = ind.score, view.weight
    action = rule["action"]
    if action == "require-reason" and not ind.reason:  # required whatever score was filed
        ctx.flag(
            "reason-missing",
            "error",
            ind.where,
            _(
                "{said}: the reason must be given under “reasons for deviation and corrective "
                "measures”"
            ).format(said=said),
        )
    if rule.get("accept_filed") and filed is not None and ZERO <= filed < weight:
        return _a_filed_cut(ind, filed, weight, said, outcome, ctx)
    if action == "deduct":
        points = Decimal(rule["points"])
        score = max(ZERO, outcome.score - points)
        ctx.flag(
            "over-achievement",
            "warning",
            ind.where,
            _("{said}: the rules deduct {points}").format(said=said, points=fmt(points)),
        )
        rate = score / weight if weight else ZERO
        return Outcome(
            score,
            rate,
            _("{explanation}; {said}: minus {points}, {score}").format(
                explanation=outcome.explanation, said=said, points=fmt(points), score=score
            ),
        )
    required = action == "require-reason"
    if ind.reason:
        message = _("{said} (actual well above target): is the target too low? A reason is given")
    else:
        message = _("{said} (actual well above target): is the target too low? No reason is given")
    ctx.flag(
        "over-achievement",
        # with require-reason, a missing reason is already the error; this is information
        "info" if ind.reason or required else "warning",
        ind.where,
        message.format(said=said),
    )
    return outcome


def _a_filed_cut(
    ind: Indicator, filed: Decimal, weight: Decimal, said: str, outcome: Outcome, ctx
) -> Outcome:
    """An over-achieved row's filed score below full marks, taken as the evaluator's cut (适度
    调减, ``accept_filed``). A cut of more than ``moderate_cut`` of the 分值 (5 of 50 filed: 90 %)
    is taken too — it is the unit's own — but not called moderate: a warning asks whether it is
    a slip (5 for 50) or a score from another row, where the cut within it is information."""
    score, rate = _taken(filed, weight, ctx)
    limit = ctx.ruleset.over_achievement.get("moderate_cut")
    cut = weight - score
    if limit is None or cut <= limit * weight:
        ctx.flag(
            "over-achievement",
            "info",
            ind.where,
            _(
                "{said} (actual well above target); the filed, reduced score {score} is taken"
            ).format(said=said, score=score),
        )
        return Outcome(
            score,
            rate,
            _("{explanation}; {said}: the filed, moderately reduced score taken: {score}").format(
                explanation=outcome.explanation, said=said, score=score
            ),
        )
    figures = {
        "said": said,
        "score": score,
        "cut": str(ctx.ruleset.round(cut)),
        "share": _share_above(cut / weight, limit),
        "limit": percent(limit),
    }
    ctx.flag(
        "over-achievement",
        "warning",
        ind.where,
        _(
            "{said} (actual well above target); the filed score {score} is taken, a cut of {cut} "
            "({share} of the weight), more than a moderate cut ({limit} at most): check it is "
            "not a slip"
        ).format(**figures),
    )
    return Outcome(
        score,
        rate,
        _(
            "{explanation}; {said}: the filed score taken, a cut of {cut} ({share} of the "
            "weight), more than a moderate cut: {score}"
        ).format(explanation=outcome.explanation, **figures),
    )


def _share_above(share: Decimal, limit: Decimal) -> str:
    """``share`` as a percentage said to be above ``limit``: two decimals, or four rounded up
    where two would print the limit itself (10 of 33.33 is 30.0030%, not 30.00%)."""
    shown = percent(share)
    if shown == percent(limit):
        shown = f"{(share * 100).quantize(Decimal('0.0001'), rounding=ROUND_UP)}%"
    return shown


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
            _("a deduction of {deduction} is filed; this rule set does not deduct").format(
                deduction=fmt(ind.deduction)
            ),
        )
        return outcome
    deduction = ctx.ruleset.round(ind.deduction)
    score = max(ZERO, outcome.score - deduction)
    rate = score / view.weight if view.weight else ZERO
    return Outcome(
        score,
        rate,
        _("{explanation}; filed deduction {deduction}: {score}").format(
            explanation=outcome.explanation, deduction=fmt(deduction), score=score
        ),
    )
