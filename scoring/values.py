"""The value grammar of the 自评表: numbers, units, and targets with their comparison.

A unit writes ``"≥95%"``, ``"不少于 3,000 元"``, ``"９５％以上"``, ``"效果明显"`` or a plain
``100``. This module turns such text into exact values; it knows nothing of rule sets.

- Text is normalised with NFKC first, so full-width digits, signs and ``％`` become ASCII.
- Numbers are :class:`~decimal.Decimal`, parsed from their text, never through a float.
- A unit is what follows the number: at most four characters and no digit. ``百分比`` is
  ``%``; ``元``, ``万元`` and ``亿元`` convert to one another.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

GE, GT, LE, LT, EQ = "≥", ">", "≤", "<", "="
OPS = (GE, GT, LE, LT, EQ)

# Longest spellings first, so that 大于等于 is not read as 大于 followed by 等于.
_PREFIX_OPS = sorted(
    {
        ">=": GE,
        "≥": GE,
        "≧": GE,
        "⩾": GE,
        "不低于": GE,
        "不少于": GE,
        "大于等于": GE,
        "大于或等于": GE,
        "至少": GE,
        "<=": LE,
        "≤": LE,
        "≦": LE,
        "⩽": LE,
        "不高于": LE,
        "不超过": LE,
        "不多于": LE,
        "小于等于": LE,
        "小于或等于": LE,
        "至多": LE,
        ">": GT,
        "大于": GT,
        "高于": GT,
        "多于": GT,
        "<": LT,
        "小于": LT,
        "低于": LT,
        "少于": LT,
        "=": EQ,
        "═": EQ,
        "==": EQ,
        "等于": EQ,
    }.items(),
    key=lambda item: -len(item[0]),
)
_SUFFIX_OPS = (("以上", GE), ("以内", LE), ("以下", LE))

_NUMBER = re.compile(r"(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|[+-]?\.\d+)(?:[eE][+-]?\d+)?")
# NaN and infinity in any spelling Decimal would accept: refused, never read as text or a number.
_NOT_FINITE = re.compile(r"[+-]?(?:s?nan|inf(?:inity)?)", re.IGNORECASE)
UNIT_MAX_CHARS = 4

PERCENT = "%"
_UNIT_ALIASES = {"百分比": PERCENT, "百分点": PERCENT}
# Money converts between these; the factor is the value of one unit in 万元.
MONEY = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}


class ValueProblem(ValueError):
    """Text that does not follow the grammar; the caller adds the file and key path."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


def normalise(text: str) -> str:
    """NFKC and trimmed: ``"＞＝９５％ "`` becomes ``">=95%"``."""
    return unicodedata.normalize("NFKC", text).strip()


def canonical_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    return _UNIT_ALIASES.get(unit, unit)


@dataclass(frozen=True)
class Quantity:
    """A number with the unit it was written with (``None`` for a bare number)."""

    value: Decimal
    unit: str | None = None

    def __str__(self) -> str:
        return f"{format_decimal(self.value)}{self.unit or ''}"


@dataclass(frozen=True)
class Target:
    """A parsed 年度指标值. ``value`` is ``None`` for a qualitative (定性) target."""

    text: str
    op: str | None = None
    value: Decimal | None = None
    unit: str | None = None

    @property
    def qualitative(self) -> bool:
        return self.value is None


def format_decimal(value: Decimal | int) -> str:
    """Plain notation without exponent or trailing zeros: ``Decimal('1E+1')`` is ``10``."""
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def to_decimal(raw) -> Decimal:
    """A TOML/JSON number, already exact (Decimal or int), or its text; never a float."""
    if isinstance(raw, bool):
        raise ValueProblem(f"expected a number, got {str(raw).lower()}")
    if isinstance(raw, float):  # only reachable through the Python API
        raw = repr(raw)
    try:
        value = Decimal(raw) if not isinstance(raw, Decimal) else raw
    except (InvalidOperation, ValueError, TypeError):
        raise ValueProblem(f"{raw!r} is not a number") from None
    if not value.is_finite():
        raise ValueProblem(f"{raw} is not a usable number", "write a finite number such as 95.5")
    return in_range(value, raw)


# No figure of a 自评表 — money in 万元, a count, a score — is anywhere near 10^15 or, unless
# it is 0, below 10^-9. Refusing those keeps a stray exponent from flooding the output.
LARGEST, SMALLEST = 15, -9


# Nor does it carry more than 15 significant digits — what a spreadsheet and a JSON number keep.
DIGITS = 15


def in_range(value: Decimal, raw=None) -> Decimal:
    shown = raw if raw is not None and len(str(raw)) <= 40 else f"{value:.3e}"
    if value and not SMALLEST <= value.adjusted() < LARGEST:
        raise ValueProblem(
            f"{shown} is out of range for a 自评表 figure",
            "write the figure in plain digits, e.g. 382.31",
        )
    if len(value.normalize().as_tuple().digits) > DIGITS:
        raise ValueProblem(
            f"{shown} has more than {DIGITS} significant digits",
            "round it as the form prints it, e.g. 382.31",
        )
    return value


def _refuse_not_finite(raw, text: str) -> None:
    if _NOT_FINITE.match(text):
        raise ValueProblem(f"{raw!r} is not a usable number", "write a finite number such as 95.5")


def _leading_op(text: str) -> tuple[str | None, str]:
    for spelling, op in _PREFIX_OPS:
        if text.startswith(spelling):
            return op, text[len(spelling) :].strip()
    return None, text


def _trailing_op(text: str) -> tuple[str | None, str]:
    for spelling, op in _SUFFIX_OPS:
        if text.endswith(spelling):
            return op, text[: -len(spelling)].strip()
    return None, text


def _split_number(text: str) -> tuple[Decimal, str] | None:
    """The leading number and what follows it, or None when the text does not start with one."""
    match = _NUMBER.match(text)
    if not match:
        return None
    number = in_range(Decimal(match.group().replace(",", "")), match.group())
    return number, text[match.end() :].strip()


def _unit_or_none(tail: str) -> str | bool | None:
    """The unit a tail spells, None for no unit, False when the tail is not a unit."""
    if not tail:
        return None
    if len(tail) > UNIT_MAX_CHARS or any(ch.isdigit() for ch in tail):
        return False
    return canonical_unit(tail)


def parse_quantity(raw) -> Quantity | None:
    """A number written as a number or as text with an optional unit and optional op.

    Returns None for text that does not start with a number (a tier word, say). An op written
    in front (``≥266米``) is dropped: only targets carry a comparison.
    """
    if isinstance(raw, (int, Decimal, float)) and not isinstance(raw, bool):
        return Quantity(to_decimal(raw))
    if not isinstance(raw, str):
        raise ValueProblem(f"expected a number or text, got {type(raw).__name__}")
    text = normalise(raw)
    _, rest = _leading_op(text)
    _, rest = _trailing_op(rest)
    _refuse_not_finite(raw, rest)
    split = _split_number(rest)
    if split is None:
        return None
    number, tail = split
    unit = _unit_or_none(tail)
    if unit is False:
        raise ValueProblem(
            f"{raw!r}: the text after the number ({tail!r}) is not a unit",
            f"a unit has at most {UNIT_MAX_CHARS} characters and no digit; write the number "
            "and its unit only, and put explanations in `reason`",
        )
    return Quantity(number, unit)


def parse_money(raw) -> Decimal:
    """A budget amount in 万元; ``"3,823,100元"`` is 382.31."""
    quantity = parse_quantity(raw)
    if quantity is None:
        raise ValueProblem(
            f"{raw!r} is not an amount of money", 'write it like 382.31 or "382.31万元"'
        )
    if quantity.unit is None or quantity.unit == "万元":
        return quantity.value
    if quantity.unit in MONEY:
        return quantity.value * MONEY[quantity.unit]
    raise ValueProblem(
        f"{raw!r}: {quantity.unit!r} is not a unit of money",
        "amounts are in 万元 unless they carry 元, 万元 or 亿元",
    )


def parse_target(raw) -> Target:
    """A 年度指标值: ``[op] number [unit]``, a table ``{op, value, unit}``, or text (定性)."""
    if isinstance(raw, dict):
        return _target_from_table(raw)
    if isinstance(raw, (int, Decimal, float)) and not isinstance(raw, bool):
        value = to_decimal(raw)
        return Target(format_decimal(value), None, value, None)
    if not isinstance(raw, str):
        raise ValueProblem(f"expected text or a number, got {type(raw).__name__}")
    text = normalise(raw)
    if not text:
        raise ValueProblem("the target is empty", 'write the 年度指标值, e.g. "≥95%" or "效果明显"')
    lead, rest = _leading_op(text)
    trail, rest = _trailing_op(rest)
    _refuse_not_finite(raw, rest)
    if lead and trail and lead != trail:
        raise ValueProblem(
            f"{raw!r} says both {lead} and {trail}",
            "keep one comparison: a sign in front, or 以上/以内/以下 at the end",
        )
    split = _split_number(rest)
    unit = _unit_or_none(split[1]) if split else False
    if split is None or unit is False:
        return Target(raw.strip())  # 定性: no leading number, or a tail longer than a unit
    value = split[0]
    if not value.is_finite():
        raise ValueProblem(f"{raw!r} is not a usable number")
    return Target(raw.strip(), lead or trail, value, unit)


def _target_from_table(raw: dict) -> Target:
    op_text = raw.get("op")
    op = None
    if op_text is not None:
        op, rest = _leading_op(normalise(str(op_text)))
        if op is None or rest:
            raise ValueProblem(
                f"op {op_text!r} is not a comparison", "use one of ≥ > ≤ < = (or >= <=)"
            )
    quantity = parse_quantity(raw.get("value"))
    if quantity is None:
        raise ValueProblem(f"value {raw.get('value')!r} is not a number")
    value, unit = quantity.value, quantity.unit
    stated = canonical_unit(normalise(str(raw["unit"]))) if raw.get("unit") is not None else None
    if stated and unit and stated != unit:
        if not (stated in MONEY and unit in MONEY):
            raise ValueProblem(
                f"value {raw['value']!r} is in {unit!r} but unit says {stated!r}",
                "give the unit once, in `unit` or in the value",
            )
        value = value * MONEY[unit] / MONEY[stated]
    unit = stated or unit
    text = f"{op or ''}{format_decimal(value)}{unit or ''}"
    return Target(text, op, value, unit)


def percent(rate: Decimal) -> str:
    """A rate as the form prints it: a percentage with two decimals, half up (97.86%)."""
    from decimal import ROUND_HALF_UP

    return f"{(rate * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def percent_below(rate: Decimal, threshold: Decimal) -> str:
    """``rate`` as a percentage for a sentence saying it is below ``threshold``: the usual two
    decimals, or four when two would print the threshold itself (89.998% is 89.9980%)."""
    from decimal import ROUND_DOWN

    shown = percent(rate)
    if rate < threshold and shown == percent(threshold):
        shown = f"{(rate * 100).quantize(Decimal('0.0001'), rounding=ROUND_DOWN)}%"
    return shown


def same_text(a: str, b: str) -> bool:
    """Two texts equal once normalised and with inner spaces ignored."""
    return re.sub(r"\s+", "", normalise(a)) == re.sub(r"\s+", "", normalise(b))


def align_units(target: Target, actual: Quantity) -> tuple[Decimal, Decimal, str | None]:
    """Target and actual values in one unit, or ValueProblem when the units disagree."""
    t_unit, a_unit = target.unit, actual.unit
    assert target.value is not None
    if t_unit is None or a_unit is None or t_unit == a_unit:
        return target.value, actual.value, t_unit or a_unit
    if t_unit in MONEY and a_unit in MONEY:
        return target.value, actual.value * MONEY[a_unit] / MONEY[t_unit], t_unit
    raise ValueProblem(
        f"the target is in {t_unit!r} but the actual value is in {a_unit!r}",
        "write both in the same unit (% and 百分比 are the same; 元, 万元 and 亿元 convert)",
    )
