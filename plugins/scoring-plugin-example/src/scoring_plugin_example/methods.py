"""``hunan-steps``: Hunan-style step deductions, "each percentage point short costs N points".

Hunan county 部门整体 rules deduct a fixed number of points per percentage point missed
("每超过 100% 一个百分点扣 0.5 分"). As a scoring method:

- **Reached** (≥ and >: actual ≥ target; ≤ and <: actual ≤ target; =: actual = target):
  full marks.
- **Missed**: the percentage points missed are ``target − actual`` (≥, >) or
  ``actual − target`` (≤, <) when the indicator is in %, otherwise relative:
  ``(1 − actual / target) × 100`` (≥, >) or ``(actual / target − 1) × 100`` (≤, <). For = both
  directions count. Each point costs ``points_per_point`` points; the cost never takes the row
  below 0 (扣完为止).
- **Rate** = ``(weight − cost) / weight``, a Decimal in [0, 1]; the scorer multiplies it by the
  weight and rounds.

Parameters (the rule set's ``[methods.hunan-steps]`` table, or an override's ``params``):

- ``points_per_point`` (required): the points one percentage point costs, e.g. 0.5. Every
  number comes from the rule set, as in ``scoring`` itself, so there is no built-in default.
- ``whole_points`` (optional, default false): count only whole points missed (2.6 → 2), for
  rules worded "每满一个百分点".

The explanation is written so that the scorer's completion reads as arithmetic: the scorer
appends ``× 分值 = 得分`` to a partial rate, so the method ends with ``(30 − 1.5) / 30`` and the
row reads ``… 共扣 1.5 分：(30 − 1.5) / 30 × 30 = 28.50``.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from scoring import PluginError, Rating

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
PERCENT = "%"
HIGHER_IS_BETTER = ("≥", ">")
LOWER_IS_BETTER = ("≤", "<")
PARAMS = "methods.hunan-steps"


def _plain(value: Decimal) -> str:
    """Plain notation without exponent or trailing zeros: 1.50 → 1.5, 1E+1 → 10."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _shown(value: Decimal) -> str:
    """A figure as the explanation prints it: exact when it has at most 4 decimals, else ≈."""
    rounded = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return _plain(value) if rounded == value else f"≈{_plain(rounded)}"


def _q(value: Decimal, unit: str | None) -> str:
    return f"{_plain(value)}{unit or ''}"


def _decimal_param(params: dict, key: str) -> Decimal:
    raw = params.get(key)
    if raw is None:
        raise PluginError(
            f"hunan-steps needs `{key}` in the rule set",
            f"{PARAMS}.{key}",
            f"add [methods.hunan-steps] {key} = 0.5 (or give it in the override's params)",
            code="ruleset-invalid",
        )
    try:
        if isinstance(raw, bool):
            raise InvalidOperation
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw))
        if not value.is_finite() or value < ZERO:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        raise PluginError(
            f"hunan-steps: `{key}` must be a number of points, 0 or more, not {raw!r}",
            f"{PARAMS}.{key}",
            "fix it in the rule set",
            code="ruleset-invalid",
        ) from None
    return value


def _bool_param(params: dict, key: str) -> bool:
    raw = params.get(key, False)
    if not isinstance(raw, bool):
        raise PluginError(
            f"hunan-steps: `{key}` must be true or false, not {raw!r}",
            f"{PARAMS}.{key}",
            "fix it in the rule set",
            code="ruleset-invalid",
        )
    return raw


def hunan_steps(ind, params: dict) -> Rating:
    """A fixed number of points off for each percentage point missed; never below 0."""
    per_point = _decimal_param(params, "points_per_point")
    whole = _bool_param(params, "whole_points")
    t, a, unit, op, weight = ind.target, ind.actual, ind.unit, ind.op, ind.weight
    shown_t, shown_a = _q(t, unit), _q(a, unit)

    if op in LOWER_IS_BETTER:
        if a <= t:
            return Rating(ONE, f"实际 {shown_a} ≤ 目标 {shown_t}，达到目标")
        direction = "超过"
    elif op == "=":
        if a == t:
            return Rating(ONE, f"实际 {shown_a} = 目标 {shown_t}，达到目标")
        direction = "低于" if a < t else "高于"
    else:  # ≥ and >, and a method used where no comparison was given
        if a >= t:
            return Rating(ONE, f"实际 {shown_a} ≥ 目标 {shown_t}，达到目标")
        direction = "低于"

    # Percentage points missed, and how they were counted.
    if unit == PERCENT:
        points = abs(t - a)
        counted = f"实际 {shown_a} {direction}目标 {shown_t} 共 {_shown(points)} 个百分点"
    elif t <= ZERO:
        # Relative points need a target above 0 (a ≥ row with target ≤ 0 was reached above).
        return Rating(
            ZERO, f"目标 {shown_t}，实际 {shown_a} {direction}目标，无法折算百分点，不得分"
        )
    else:
        points = abs(ONE - a / t) * HUNDRED
        formula = (
            f"(1 − {_plain(a)} / {_plain(t)})" if a < t else f"({_plain(a)} / {_plain(t)} − 1)"
        )
        counted = (
            f"实际 {shown_a} {direction}目标 {shown_t}，"
            f"差 {formula} × 100 = {_shown(points)} 个百分点"
        )
    if whole:
        whole_points = points.to_integral_value(rounding=ROUND_FLOOR)
        if whole_points != points:
            counted += f"，按整点计 {_plain(whole_points)} 个"
        points = whole_points

    cost = points * per_point
    counted += f"，每点扣 {_plain(per_point)} 分，共扣 {_shown(cost)} 分"
    if cost == ZERO:
        return Rating(ONE, counted + "，不扣分")
    if weight <= ZERO or cost >= weight:
        return Rating(ZERO, counted + f"，不少于分值 {_plain(weight)}，扣完为止，不得分")
    rate = (weight - cost) / weight
    shown_cost = _plain(cost.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
    return Rating(rate, f"{counted}：({_plain(weight)} − {shown_cost}) / {_plain(weight)}")


METHODS = {"hunan-steps": hunan_steps}
