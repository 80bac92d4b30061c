"""Scoring methods: how one indicator's rate (得分率, in [0, 1]) follows from its values.

A method is a plain function ``method(indicator, params) -> Rating``. It reads the indicator —
a :class:`Quantitative` row (定量指标: a target and an actual in one unit, compared by ``op``)
or a :class:`Qualitative` one (定性指标: the tier its actual was read as) — and the rule set's
table for it, and says in the evaluator's words how
it got the rate: a formula that the scorer completes with ``× 分值 = 得分``
(``实际 90% / 目标 95%`` becomes ``实际 90% / 目标 95% × 30 = 28.42``), or a sentence when the
rate is 1 or 0. The scorer multiplies the rate by the weight and rounds; policies such as
over-achievement and filed scores inside a band are the scorer's, not the method's.

The formulas are those of 财预〔2020〕10号 and the ministry's integrated system; which one applies
to which comparison is the rule set's choice.

Values are compared as written, signs included (增长率 ≥ -5% against -8% is missed). A ratio
has a meaning only for a target above 0 and an actual of 0 or more; where a target is missed
and no ratio applies, a method answers ``Rating(None, why)``: the row goes to the evaluator
(the rule set's ``[judgement]``). A rate is exact: divisions give a :class:`~fractions.Fraction`,
so that the score is rounded once (21 × 5.39 / 42 = 2.695 → 2.70).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .frozen import record
from .i18n import _
from .values import format_decimal

ZERO, ONE, TWO = Decimal(0), Decimal(1), Decimal(2)
FRACTION_ZERO, FRACTION_ONE = Fraction(0), Fraction(1)
RATE_PLACES = Decimal("0.0001")  # a rate shown: four decimals
# More decimal places than a filed value has (they are refused beyond 15 significant digits):
# a unit conversion without an end, shown to SHOWN_PLACES.
CONVERTED_PLACES = 10
SHOWN_PLACES = Decimal("0.01")
Rate = Decimal | Fraction


@record
class Rating:
    """What a method returns: the exact rate (a Decimal or Fraction in [0, 1]) and how it was
    reached; ``rate`` None asks for the evaluator's judgement (no formula scores the row)."""

    rate: Rate | None
    explanation: str = ""


@record
@dataclass(frozen=True, kw_only=True)
class Row:
    """An indicator row as the scorer hands it on: its place in the grid, its 分值 (``weight``),
    the 年度指标值 and 实际完成值 as filed, and the 得分 filed (None when none was)."""

    level1: str
    level2: str
    name: str
    weight: Decimal
    target_text: str = ""
    actual_text: str = ""
    filed_score: Decimal | None = None


@record
@dataclass(frozen=True, kw_only=True)
class Quantitative(Row):
    """A 定量指标 as a method sees it: ``target`` and ``actual`` exact and in one ``unit``
    (None when both are bare numbers), compared by ``op`` (≥, >, ≤, <, =)."""

    op: str
    target: Decimal
    actual: Decimal
    unit: str | None = None
    bound: str | None = None  # the comparison the actual was written with (超过90%: >)


@record
@dataclass(frozen=True, kw_only=True)
class Qualitative(Row):
    """A 定性指标 as a method sees it: the ``tier`` of the rule set its 实际完成值 was read as."""

    tier: str


MethodInput = Quantitative | Qualitative


def rating_breach(answer) -> str | None:
    """What breaks the contract of a method's answer (a Rating, its rate a Decimal or Fraction
    in [0, 1], or None), or None."""
    if not isinstance(answer, Rating):
        return _("returned {type}, not a scoring.Rating").format(type=type(answer).__name__)
    rate = answer.rate
    if rate is None or _in_range(rate):
        return None
    return _("returned rate {rate}: a rate is a Decimal or a Fraction in [0, 1]").format(
        rate=repr(rate)
    )


def _in_range(rate: object) -> bool:
    """A rate of a type a method may give, in [0, 1]. A Fraction is compared by its integers
    (its denominator is above 0), which is much quicker than comparing it as a Fraction.
    Decimal is asked first: asking whether a Decimal is a Fraction goes through the slow
    checks of abstract classes (Fraction is a numbers.Rational)."""
    if isinstance(rate, Decimal):
        return rate.is_finite() and ZERO <= rate <= ONE
    if isinstance(rate, Fraction):
        return 0 <= rate.numerator <= rate.denominator
    return isinstance(rate, int) and not isinstance(rate, bool) and 0 <= rate <= 1


def as_decimal(rate: Rate) -> Decimal:
    """A rate as a Decimal: exact when it terminates within 28 digits."""
    if type(rate) is Decimal:  # as it is (asked first: see _in_range)
        return rate
    if isinstance(rate, Fraction):
        return Decimal(rate.numerator) / Decimal(rate.denominator)
    return Decimal(rate)


def show_rate(rate: Rate) -> str:
    return format_decimal(as_decimal(rate).quantize(RATE_PLACES, rounding=ROUND_HALF_UP))


def _q(value: Decimal, unit: str | None) -> str:
    """A quantity as an explanation shows it; one converted into the target's unit without an
    end (10分钟 is 0.1666…小时) to two places, said to be rounded (≈0.17小时): the rate is
    worked out from it exact."""
    if decimal_places(value) > CONVERTED_PLACES:
        return f"≈{format_decimal(value.quantize(SHOWN_PLACES, ROUND_HALF_UP))}{unit or ''}"
    return f"{format_decimal(value)}{unit or ''}"


def decimal_places(value: Decimal) -> int:
    """The decimal places ``value`` is written with (0 for a whole number)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _clamp(rate: Fraction) -> Fraction:
    """``rate`` held to [0, 1], compared by its integers (its denominator is above 0)."""
    if rate.numerator <= 0:
        return FRACTION_ZERO
    return FRACTION_ONE if rate.numerator >= rate.denominator else rate


def share(numerator: Decimal, denominator: Decimal) -> Fraction:
    """numerator / denominator, exactly: one Fraction built from the integer ratios, not three
    Fractions and a division."""
    top, below = numerator.as_integer_ratio()
    other_top, other_below = denominator.as_integer_ratio()
    return Fraction(top * other_below, below * other_top)


def _two_minus_share(numerator: Decimal, denominator: Decimal) -> Fraction:
    """2 − numerator / denominator, exactly, as one Fraction (see :func:`share`)."""
    top, below = numerator.as_integer_ratio()
    other_top, other_below = denominator.as_integer_ratio()
    return Fraction(2 * below * other_top - top * other_below, below * other_top)


def _no_formula(ind: Quantitative, sign: str) -> Rating:
    """A missed target where no ratio has a meaning: the evaluator's judgement."""
    return Rating(
        None,
        _(
            "actual {actual} misses the target {sign}{target}; the target is not above 0 or the "
            "actual has the other sign: no ratio formula applies"
        ).format(actual=_q(ind.actual, ind.unit), sign=sign, target=_q(ind.target, ind.unit)),
    )


def _reached(ind: Quantitative, sign: str) -> Rating:
    if ind.op in ("<", ">") and ind.actual == ind.target and ind.bound == ind.op:
        # 超过90% against >90%: more than the bound, which meets it
        return Rating(
            ONE,
            _("actual {op}{actual}, target {op}{target}: target met").format(
                actual=_q(ind.actual, ind.unit), op=ind.op, target=_q(ind.target, ind.unit)
            ),
        )
    if ind.op in ("<", ">") and ind.actual == ind.target:
        # >100人 with 100人: the bound the target leaves out, which this method has no formula
        # short of; full marks, not "met" (strict-bound-equal asks the reviewer)
        return Rating(
            ONE,
            _(
                "actual {actual} is the bound the target {op}{target} leaves out, scored as "
                "reached by this method"
            ).format(actual=_q(ind.actual, ind.unit), op=ind.op, target=_q(ind.target, ind.unit)),
        )
    return Rating(
        ONE,
        _("actual {actual} {sign} target {target}: target met").format(
            actual=_q(ind.actual, ind.unit), sign=sign, target=_q(ind.target, ind.unit)
        ),
    )


def _above_zero(ind: Quantitative) -> Rating:
    """A target of 0 for at most, and an actual above it: no points."""
    return Rating(
        ZERO,
        _("target {target}, actual {actual} is above it: no points").format(
            target=_q(ind.target, ind.unit), actual=_q(ind.actual, ind.unit)
        ),
    )


def ratio(ind: Quantitative, params: dict) -> Rating:
    """≥ and >: full when actual ≥ target, else actual / target (target above 0, actual 0 or
    more; otherwise the evaluator's judgement)."""
    t, a = ind.target, ind.actual
    if a >= t:
        return _reached(ind, "≥")
    if t <= ZERO or a < ZERO:
        return _no_formula(ind, "≥")
    return Rating(
        share(a, t),
        _("actual {actual} / target {target}").format(
            actual=_q(a, ind.unit), target=_q(t, ind.unit)
        ),
    )


def reverse_linear(ind: Quantitative, params: dict) -> Rating:
    """≤ and <: full when actual ≤ target, else 2 − actual / target, 0 from twice the target;
    target 0: 0 once the actual is above it; target below 0: the evaluator's judgement."""
    t, a = ind.target, ind.actual
    if a <= t:
        return _reached(ind, "≤")
    if t == ZERO:
        return _above_zero(ind)
    if t < ZERO:
        return _no_formula(ind, "≤")
    rate = _two_minus_share(a, t)
    if rate.numerator <= 0:  # twice the target or more: below 0 by the formula, 0 the floor
        return Rating(
            FRACTION_ZERO,
            _("(2 − actual {actual} / target {target}) is 0 or below, counted as 0").format(
                actual=_q(a, ind.unit), target=_q(t, ind.unit)
            ),
        )
    return Rating(
        _clamp(rate),
        _("(2 − actual {actual} / target {target})").format(
            actual=_q(a, ind.unit), target=_q(t, ind.unit)
        ),
    )


def reverse_ratio(ind: Quantitative, params: dict) -> Rating:
    """≤ and < in the older template: full when actual ≤ target, else target / actual;
    target 0: 0 once the actual is above it; target below 0: the evaluator's judgement."""
    t, a = ind.target, ind.actual
    if a <= t:
        return _reached(ind, "≤")
    if t == ZERO:
        return _above_zero(ind)
    if t < ZERO:
        return _no_formula(ind, "≤")
    return Rating(
        share(t, a),
        _("target {target} / actual {actual}").format(
            target=_q(t, ind.unit), actual=_q(a, ind.unit)
        ),
    )


def equal(ind: Quantitative, params: dict) -> Rating:
    """=: with target 0, full only when actual is 0 (0 points above it, the evaluator's
    judgement below it); otherwise scored like ≥."""
    t, a = ind.target, ind.actual
    if a == t:
        if t == ZERO:
            return Rating(
                ONE, _("target 0, actual {actual}: target met").format(actual=_q(a, ind.unit))
            )
        return _reached(ind, "=")
    if t == ZERO and a > ZERO:
        return Rating(
            ZERO,
            _("target 0, actual {actual} is not 0: no points").format(actual=_q(a, ind.unit)),
        )
    return ratio(ind, params)


def tiers(ind: Qualitative, params: dict) -> Rating:
    """定性: the tier's default share of the weight (a filed score inside the band is the scorer's)."""
    for tier in params.get("tiers", ()):
        if tier["name"] == ind.tier:
            low, high = format_decimal(tier["min"] * 100), format_decimal(tier["max"] * 100)
            default = Decimal(tier["default"])
            return Rating(
                default,
                _("qualitative “{tier}” (band {low}%–{high}%): {rate}").format(
                    tier=ind.tier, low=low, high=high, rate=show_rate(default)
                ),
            )
    raise ValueError(_("no tier called {name}").format(name=repr(ind.tier)))


def proportional(ind: Quantitative, params: dict) -> Rating:
    """Execution: min(spent / budget, 1); a budget of 0 gives 0."""
    t, a = ind.target, ind.actual
    if t <= ZERO:
        return Rating(
            ZERO,
            _("budget {budget}: the execution rate counts as 0").format(budget=_q(t, ind.unit)),
        )
    return Rating(_clamp(share(a, t)), f"{_q(a, ind.unit)} / {_q(t, ind.unit)}")


def bands(ind: Quantitative, params: dict) -> Rating:
    """Step rules: the first band whose ``min`` the value reaches (or ``max`` it stays within).

    The value is actual / target (``of = "rate"``, the default; a target above 0 and an actual
    of 0 or more, else the evaluator's judgement) or the actual itself (``of = "actual"``). No
    band reached gives 0.
    """
    t, a = ind.target, ind.actual
    value: Rate
    if params.get("of", "rate") == "actual":
        value, label = a, _("actual {actual}").format(actual=_q(a, ind.unit))
    else:
        if t <= ZERO or a < ZERO:
            upper = ind.op in ("≤", "<")
            if (a <= t) if upper else (a >= t):
                return _reached(ind, "≤" if upper else "≥")
            return _no_formula(ind, "≤" if upper else "≥")
        value = share(a, t)
        label = _("completion rate {rate}").format(rate=show_rate(value))
    for band in params.get("bands", ()):
        if value >= band.get("min", value) and value <= band.get("max", value):
            rate = Decimal(band["rate"])
            return Rating(
                rate,
                _("{value} falls in the band {bound}: score rate {rate}").format(
                    value=label, bound=_bound(band), rate=show_rate(rate)
                ),
            )
    return Rating(ZERO, _("{value} reaches no band: no points").format(value=label))


def _bound(band: dict) -> str:
    """A band's bounds as the explanation names them: ``≥ 0.9，≤ 1``, ``≥ 0.9``, any value."""
    if "min" in band and "max" in band:
        return _("≥ {min} and ≤ {max}").format(
            min=format_decimal(band["min"]), max=format_decimal(band["max"])
        )
    if "min" in band:
        return f"≥ {format_decimal(band['min'])}"
    if "max" in band:
        return f"≤ {format_decimal(band['max'])}"
    return _("any value")


BUILTIN = {
    "ratio": ratio,
    "reverse-linear": reverse_linear,
    "reverse-ratio": reverse_ratio,
    "equal": equal,
    "tiers": tiers,
    "proportional": proportional,
    "bands": bands,
}
