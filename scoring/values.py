"""The value grammar of the 自评表: numbers, units, and targets with their comparison.

A unit writes ``"≥95%"``, ``"不少于 3,000 元"``, ``"９５％以上"``, ``"效果明显"`` or a plain
``100``. This module turns such text into exact values; it knows nothing of rule sets.

- Text is normalised with NFKC first, so full-width digits, signs and ``％`` become ASCII,
  and zero-width and direction marks are dropped.
- Numbers are :class:`~decimal.Decimal`, parsed from their text, never through a float.
- A unit is what follows the number: at most four characters and no digit, a Latin unit with
  its power (``m2``, from ``㎡`` or ``m²``), or two such parts joined by ``/`` (``元/平方米``).
  Which units are one and which convert is the unit table's (:mod:`scoring.units`).
- A target that names a date or a time limit (``6月底前``, ``10个工作日内``) is a deadline,
  read by :mod:`scoring.deadlines`, never a number.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from .frozen import record
from .i18n import _
from .limits import MAX_DIGITS, MAX_QUOTED

if TYPE_CHECKING:
    from .deadlines import Deadline, Duration

GE, GT, LE, LT, EQ = "≥", ">", "≤", "<", "="
OPS = (GE, GT, LE, LT, EQ)
# A target written as a range (95%-100%, ≥3个，≤5个): both bounds, each scored by its own
# comparison's method when it is missed. No rule set keys a method by it: it is no comparison.
RANGE = "～"

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
        "不小于": GE,
        "≮": GE,
        "达到": GE,
        "最低": GE,
        "最少": GE,
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
        "不大于": LE,
        "≯": LE,
        "控制在": LE,
        "最高": LE,
        "最多": LE,
        ">": GT,
        "大于": GT,
        "高于": GT,
        "多于": GT,
        "超过": GT,
        "超出": GT,
        "超": GT,
        "<": LT,
        "小于": LT,
        "低于": LT,
        "少于": LT,
        "不足": LT,
        "不到": LT,
        "=": EQ,
        "═": EQ,
        "==": EQ,
        "等于": EQ,
    }.items(),
    key=lambda item: -len(item[0]),
)
# The spellings as one pattern, tried in the same order (longest first): one match per text
# instead of a startswith for each spelling.
_PREFIX_PATTERN = re.compile("|".join(re.escape(spelling) for spelling, _ in _PREFIX_OPS))
_PREFIX_OP = dict(_PREFIX_OPS)
# Longest first: 及以上 before 以上.
_SUFFIX_OPS = (
    ("以上(含)", GE),
    ("以下(含)", LE),
    ("以内(含)", LE),
    ("及以上", GE),
    ("或以上", GE),
    ("及以下", LE),
    ("或以下", LE),
    ("以上", GE),
    ("以内", LE),
    ("之内", LE),
    ("以下", LE),
    ("内", LE),  # 3%内, 30元内: within
)
_SUFFIXES = tuple(spelling for spelling, _ in _SUFFIX_OPS)
# Every date and time limit the grammar of :mod:`scoring.deadlines` reads holds one of these
# characters (月 季 半 年 底 末 内 of a date; 日 月 时 天 周 期 年 of a duration), or the year
# and separator of an ISO date (2024-06-30): text with none of them is no deadline, and is not
# put to that grammar's patterns.
_TIME_WORDS = re.compile(r"[月季半年底末内日时天周期钟秒]|(?:19|20)\d\d[-./]")
# An approximate target (95%左右) says neither ≥ nor ≤: refused rather than guessed.
_APPROXIMATE = ("左右", "上下", "前后")

_NUMBER = re.compile(r"(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|[+-]?\.\d+)(?:[eE][+-]?\d+)?")
# NaN and infinity in any spelling Decimal would accept: refused, never read as text or a number.
_NOT_FINITE = re.compile(r"[+-]?(?:s?nan|inf(?:inity)?)", re.IGNORECASE)
UNIT_MAX_CHARS = 4

PERCENT = "%"
# Zero-width characters, direction marks and the soft hyphen: invisible in a cell, never meant.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Minus signs NFKC leaves alone (U+2212 MINUS SIGN, an en dash before a figure).
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
# A Latin unit with an optional power: m2 (㎡, m²), km2, m3, kg, °C.
_LATIN_UNIT = re.compile(r"°?[A-Za-z]{1,4}[23]?")
# What a cell holds when it holds nothing: the row is blank there.
BLANKS = frozenset({"", "/", "\\", "-", "--", "—", "——", "–", "空"})


def too_many_digits() -> str:
    """What is said of a number of more than ``MAX_DIGITS`` digits."""
    return _("a number of more than {digits} digits").format(digits=MAX_DIGITS)


def plain_digits_hint() -> str:
    return _("write the figure in plain digits, e.g. 382.31")


def finite_number_hint() -> str:
    return _("write a finite number such as 95.5")


def not_usable(raw) -> str:
    """What is said of NaN or an infinity, quoted as filed."""
    return _("{value} is not a usable number").format(value=raw)


class ValueProblem(ValueError):
    """Text that does not follow the grammar; the caller adds the file and key path (``field``
    names the key when the problem is not where the caller was looking: ``target``)."""

    def __init__(
        self, message: str, hint: str | None = None, code: str | None = None, field: str = ""
    ):
        super().__init__(message)
        self.hint = hint
        self.code = code
        self.field = field


# Text this long or shorter is cached where it is read (labels, values, tier words repeat
# across the rows and files of a batch); longer text is read anew, so that the caches stay small.
# Each cache keeps the CACHE_SIZE texts last used: the ones a batch repeats (≥95%, 达成, the
# category names) stay, and those met once (a department's name, an amount) push each other
# out. Measured on 10,000 generated files, caches of 4,096 were still filling after the first
# 2,500 files, and a process grew with them (+15 % from 2,500 to 10,000 files); caches of
# 1,024 are full within the first few hundred, at the same speed.
CACHED_CHARS = 64
CACHE_SIZE = 1024
# The families of the unit table that measure time: days (天, 小时, 周 …), months (个月, 年), and
# working days, which convert to neither.
TIME_FAMILIES = ("days", "months", "workdays")


def normalise(text: str) -> str:
    """NFKC, without invisible marks, minus signs as ``-``, trimmed: ``"＞＝９５％ "`` becomes
    ``">=95%"``, ``"−5%"`` becomes ``"-5%"``."""
    if text.isascii():  # NFKC leaves ASCII as it is, and no mark or minus sign is ASCII
        return text.strip()
    if len(text) <= CACHED_CHARS:
        return _normalised(text)
    return _normalise(text)


def _normalise(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).translate(_MINUS).strip()


_normalised = lru_cache(maxsize=CACHE_SIZE)(_normalise)


def clean_label(text: str) -> str:
    """A label as filed, without invisible marks and surrounding space (for display)."""
    if text.isascii():  # no invisible mark is ASCII
        return text.strip()
    return _INVISIBLE.sub("", text).strip()


def read_label(text: str) -> tuple[str, str]:
    """A label or value as filed (:func:`clean_label`) and as read (:func:`simplified`); the
    labels of a batch repeat, and each is converted once."""
    if len(text) <= CACHED_CHARS:
        return _read_label(text)
    filed = clean_label(text)
    return filed, simplified(filed)


@lru_cache(maxsize=CACHE_SIZE)
def _read_label(text: str) -> tuple[str, str]:
    filed = clean_label(text)
    return filed, simplified(filed)


_CONVERTER: list = []


def simplified(text: str) -> str:
    """Traditional characters written as Simplified (``產出指標`` → ``产出指标``), by OpenCC's
    phrase-aware t2s conversion; text without Chinese characters is returned as it is."""
    if text.isascii():
        return text
    if not _CONVERTER:
        import opencc

        _CONVERTER.append(opencc.OpenCC("t2s"))
    return _CONVERTER[0].convert(text)


def is_blank(raw) -> bool:
    """A cell left empty, or holding only a placeholder such as ``/`` or ``—``."""
    return raw is None or (isinstance(raw, str) and normalise(raw) in BLANKS)


def canonical_unit(unit: str | None) -> str | None:
    """The unit's usual spelling in the standard table (``百分比`` → ``%``), None for none."""
    if not unit:
        return None
    return _canonical(unit)


@lru_cache(maxsize=CACHE_SIZE)
def _canonical(unit: str) -> str:
    """A unit written (not empty) in its usual spelling in the standard table."""
    from .units import standard

    return standard().canonical(unit)


@record
class Quantity:
    """A number with the unit it was written with (``None`` for a bare number), and the
    comparison written with it, if any (``bound``: ``≥`` for ≥266米, 266米以上; ``<`` for
    不足90%), which makes it a bound of the figure reached, not the figure."""

    value: Decimal
    unit: str | None = None
    bound: str | None = None

    def __str__(self) -> str:
        return f"{format_decimal(self.value)}{self.unit or ''}"


@record
class Target:
    """A parsed 年度指标值: a quantity (``value``), a deadline, or words (定性: neither)."""

    text: str
    op: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    deadline: Deadline | None = None  # for a time target
    upper: Decimal | None = None  # a range's upper bound (op RANGE; value is the lower)
    # a range's lower bound's own unit, when it was written in another than the upper's that
    # converts to it (1000元-2万元: 元; the range is 0.1-2 万元)
    lower_unit: str | None = None
    # the unit was given apart from a value typed without one ({value = 0.95, unit = "%"}, as
    # a budget system exports the form's 度量单位): the value is held to the fraction rule as
    # a bare number is
    unit_apart: bool = False

    @property
    def qualitative(self) -> bool:
        return self.value is None and self.deadline is None

    def bound(self, op: str) -> Target:
        """A range's bound as a target of its own: ``≥`` its lower, ``≤`` its upper."""
        assert self.op == RANGE and self.upper is not None
        value = self.value if op == GE else self.upper
        return Target(self.text, op, value, self.unit)


def format_decimal(value: Decimal | int) -> str:
    """Plain notation without exponent or trailing zeros: ``Decimal('1E+1')`` is ``10``."""
    text = format(value if type(value) is Decimal else Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def to_decimal(raw) -> Decimal:
    """A TOML/JSON number, already exact (Decimal or int), or its text; never a float."""
    if isinstance(raw, bool):
        raise ValueProblem(_("expected a number, got {value}").format(value=str(raw).lower()))
    if isinstance(raw, float):  # only reachable through the Python API
        raw = repr(raw)
    try:
        value = Decimal(raw) if not isinstance(raw, Decimal) else raw
    except (InvalidOperation, ValueError, TypeError):
        raise ValueProblem(_("{value} is not a number").format(value=quoted(raw))) from None
    if not value.is_finite():
        raise ValueProblem(not_usable(raw), finite_number_hint())
    return in_range(value, raw)


# No figure of a 自评表 — money in 万元, a count, a score — is anywhere near 10^15 or, unless
# it is 0, below 10^-9. Refusing those keeps a stray exponent from flooding the output.
LARGEST, SMALLEST = 15, -9


# Nor does it carry more than 15 significant digits — what a spreadsheet and a JSON number keep.
DIGITS = 15


def in_range(value: Decimal, raw=None) -> Decimal:
    """``value`` (read from ``raw``) when it is a figure a 自评表 can hold: at most
    ``MAX_DIGITS`` digits written out, magnitude in [10^-9, 10^15), at most 15 significant
    digits as filed — counted on the exact value, before anything is rounded."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "a finite number has an integer exponent"
    # The usual figure passes every test at once: at most DIGITS digits, the last of them not
    # below 10^SMALLEST (nor, then, the first), the first below 10^LARGEST.
    if len(digits) <= DIGITS and exponent >= SMALLEST and len(digits) + exponent <= LARGEST:
        return value
    shown = quoted(raw) if raw is not None else str(value)
    if plain_digits(value) > MAX_DIGITS:
        raise ValueProblem(
            _("{value} has more than {digits} digits written out").format(
                value=cut(shown), digits=MAX_DIGITS
            ),
            plain_digits_hint(),
        )
    if value and not SMALLEST <= value.adjusted() < LARGEST:
        raise ValueProblem(
            _("{value} is out of range for a 自评表 figure").format(value=shown),
            plain_digits_hint(),
        )
    if significant_digits(value) > DIGITS:
        raise ValueProblem(
            _("{value} has more than {digits} significant digits").format(
                value=shown, digits=DIGITS
            ),
            _("round it as the form prints it, e.g. 382.31"),
        )
    return value


def significant_digits(value: Decimal) -> int:
    """The significant digits of ``value`` exactly as filed: 100.000000000000000000000000001
    has 28 (``normalize()`` would round it to the context's precision first, and count 1)."""
    digits = value.as_tuple().digits
    end = len(digits)
    while end > 1 and digits[end - 1] == 0:
        end -= 1
    return end


def plain_digits(number: Decimal) -> int:
    """How many digits a finite number takes written out without an exponent: 4 for 0.001,
    1000 for 1E+999."""
    _sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int), "a finite number has an integer exponent"
    if exponent >= 0:
        return len(digits) + exponent
    return max(len(digits), 1 - exponent)


def quoted(raw) -> str:
    """A filed value as a message quotes it, cut to ``MAX_QUOTED`` characters: text in quotes
    (its repr), a number as the file writes it (a Decimal's repr would say ``Decimal('…')``)."""
    try:
        text = str(raw) if isinstance(raw, Decimal) else repr(raw)
    except ValueError:  # an int too long for Python to write out
        return too_many_digits()
    return cut(text)


def cut(text: str) -> str:
    """``text`` as a message quotes it: at most ``MAX_QUOTED`` characters, "…" for the rest."""
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"


def _refuse_not_finite(raw, text: str) -> None:
    if _NOT_FINITE.match(text):
        raise ValueProblem(not_usable(quoted(raw)), finite_number_hint())


def _leading_op(text: str) -> tuple[str | None, str]:
    found = _PREFIX_PATTERN.match(text)
    if found is None:
        return None, text
    return _PREFIX_OP[found.group()], text[found.end() :].strip()


def _trailing_op(text: str) -> tuple[str | None, str]:
    if not text.endswith(_SUFFIXES):  # most text ends in none
        return None, text
    for spelling, op in _SUFFIX_OPS:
        if text.endswith(spelling):
            return op, text[: -len(spelling)].strip()
    return None, text


def _split_number(text: str) -> tuple[Decimal, str] | None:
    """The leading number and what follows it, or None when the text does not start with one."""
    match = _NUMBER.match(text)
    if not match:
        return None
    try:
        number = Decimal(match.group().replace(",", ""))
    except InvalidOperation:  # an exponent beyond what a Decimal holds: 1e99999999999999999999
        raise ValueProblem(not_usable(quoted(match.group())), finite_number_hint()) from None
    return in_range(number, match.group()), text[match.end() :].strip()


def _unit_or_none(tail: str) -> str | Literal[False] | None:
    """The unit a tail spells, None for no unit, False when the tail is not a unit."""
    if not tail:
        return None
    if " " in tail and (tail.startswith("/") or not any(ch.isdigit() for ch in tail)):
        tail = "".join(tail.split())  # 100万 元, 15/10 万: a space inside a unit is no part of it
    if len(tail) <= CACHED_CHARS:  # a handful of units follow most numbers
        return _unit_of_tail(tail)
    return _read_unit(tail)


# A unit with its alternative in brackets, as equipment tables write it: 台（套）, 个（套）, 处（座）.
# Not a bound or a span in brackets: 2次（以内）, 5件（以下）, 30天（内）, 1万元（年）, 50人（左右）.
_UNIT_OR_UNIT = re.compile(
    r"[^\W\d_]{1,2}\((?!含|不含|以|之|内|左右|上下|年\)|月\)|日\)|天\))[^\W\d_]{1,2}\)"
)


def _read_unit(tail: str) -> str | Literal[False]:
    if tail.startswith("(") and tail.endswith(")"):  # ≥3（个）: the unit in brackets
        tail = tail[1:-1].strip()
    if _UNIT_OR_UNIT.fullmatch(tail):  # 1200台（套）: one unit, written so on both sides
        return tail
    parts = tail.split("/")
    if len(parts) <= 2 and all(_unit_shaped(part) for part in parts):
        return "/".join(_canonical(part) for part in parts)  # each part unit-shaped: not empty
    if len(parts) == 2 and (not parts[0] or _unit_shaped(parts[0])) and _per_a_figure(parts[1]):
        return tail  # 15/10万, 12人/10万人: a rate per a figure, one unit, equal only to itself
    return False


_unit_of_tail = lru_cache(maxsize=CACHE_SIZE)(_read_unit)
_DIGITS_THEN_WORDS = re.compile(r"(\d*)([^\W\d_]*)")


def _per_a_figure(text: str) -> bool:
    """Whether ``text``, after a /, is a figure a rate is per — digits, a multiplier of the unit
    table or both, then at most three characters of a unit (10万, 1000, 万, 10万人) — as health
    tables write 孕产妇死亡率 (15/10万)."""
    found = _DIGITS_THEN_WORDS.fullmatch(text)
    if found is None:
        return False
    digits, words = found.groups()
    multiplier = next((m for m in _multipliers() if words.startswith(m)), "")
    return bool(digits or multiplier) and len(words) - len(multiplier) <= 3


def _unit_shaped(part: str) -> bool:
    # a multiplier in front is no part of the unit's shape: 万m2, 百万千瓦时 (百万 of 千瓦时)
    core = next((part[len(m) :] for m in _multipliers() if part.startswith(m) and part != m), part)
    if _LATIN_UNIT.fullmatch(core):
        return True
    # no unit ends in 内 (30元内: within 30元, a comparison the grammar does not read), nor
    # holds a bracket (95（含）%: a bound's mark inside the figure)
    if _UNIT_OR_UNIT.fullmatch(part):  # 元/台（套）: per one of them
        return True
    if part.endswith("内") or "(" in part or ")" in part:
        return False
    if part[:1] in "%‰" and len(part) > 1:  # 100%完成, 95%覆盖: words after the percentage
        return False
    return 0 < len(core) <= UNIT_MAX_CHARS and not any(ch.isdigit() for ch in part)


@lru_cache(maxsize=1)
def _multipliers() -> tuple[str, ...]:
    """The multipliers of the standard unit table (units.toml: 万, 亿, 百, 千, 十万, 百万, 千万), the
    longer first, so that 百万 is taken whole before 百."""
    from .units import standard

    return tuple(sorted(standard().multipliers, key=len, reverse=True))


def parse_quantity(raw) -> Quantity | None:
    """A number written as a number or as text with an optional unit and optional op.

    Returns None for text that does not start with a number (a tier word, say). An op written
    with the number (``≥266米``, ``不足90%``, ``100万元以上``) is kept as the quantity's
    ``bound``: the scorer decides whether the bound settles the target (``=`` is no bound).
    """
    if type(raw) is str and len(raw) <= CACHED_CHARS:
        return _quantity_of_text(raw)
    return _parse_quantity(raw)


def _parse_quantity(raw) -> Quantity | None:
    if isinstance(raw, (int, Decimal, float)) and not isinstance(raw, bool):
        return Quantity(to_decimal(raw))
    if not isinstance(raw, str):
        raise ValueProblem(
            _("expected a number or text, got {type}").format(type=type(raw).__name__)
        )
    text = normalise(raw).rstrip(SENTENCE_END)
    _refuse_an_approximate_figure(text, raw)
    lead, rest = _leading_op(text)
    trail, rest = _trailing_op(rest)
    # =42个 and 达到85% (reached 85%) are the figure itself, not a bound of it; 达到85%以上 is
    # one by its 以上
    if lead == EQ or text.startswith("达到"):
        lead = None
    bound = lead or (None if trail == EQ else trail)
    _refuse_not_finite(raw, rest)
    split = _split_number(rest)
    if split is None:  # words, or a time with no figure in front (半小时, 两个半小时)
        length = _length(rest) if "半" in rest or rest[:1] in _CHINESE_FIGURES else None
        return Quantity(length.value, length.unit, bound) if length is not None else None
    number, tail = split
    unit_alone = _without_more_than(tail)
    if unit_alone is not None:  # 1200余人次: more than 1200 人次, a bound of the figure
        tail, bound = unit_alone, bound or GT
    unit = _unit_or_none(tail)
    length = _length(rest) if unit is False or "半" in tail else None
    if length is not None:  # 1小时30分钟: 90分钟; 1天半 (not 1 of a unit 天半): 1.5天
        return Quantity(length.value, length.unit, bound)
    if unit is False:
        refuse_a_time_of_day(rest, raw)
        _refuse_a_date(rest, raw)
        _refuse_digits_apart(rest, raw)
        raise ValueProblem(
            _("{value}: the text after the number ({tail}) is not a unit").format(
                value=quoted(raw), tail=quoted(tail)
            ),
            _(
                "a unit has at most {count} characters and no digit; write the number "
                "and its unit only, and put explanations in the 偏差原因 (reason)"
            ).format(count=UNIT_MAX_CHARS),
        )
    return Quantity(number, unit, bound)


# Digits apart inside one figure: a space (4 500人) or a comma not before three digits
# (95,0000元, 1,2345人), where the number read ends.
_DIGITS_APART = re.compile(r"\d[\d.]*(?:[ ,]+\d+)+(?:\.\d+)?")


def _refuse_digits_apart(rest: str, raw) -> None:
    """A figure whose digits a space or a comma splits where no thousands separator goes
    (4 500人, 95,0000元, ≥5 000人): read to the split, the rest was called no unit, or the whole
    words. The fix joins them, as written otherwise (≥5000人); a comma before one or two digits
    may be a decimal point too (1,5万: 15万 or 1.5万), and both are offered."""
    found = _DIGITS_APART.match(rest)
    if found is None:
        return
    figure = found.group()
    text = normalise(str(raw)).strip()
    # every figure so split joined (2 000-3 000人: 2000-3000人)
    joined = _DIGITS_APART.sub(lambda each: re.sub(r"[ ,]", "", each.group()), text)
    hint = _("write the figure without it: {joined}").format(joined=joined)
    decimal = _DECIMAL_COMMA.fullmatch(figure)
    if decimal is not None:
        pointed = text.replace(figure, f"{decimal[1]}.{decimal[2]}", 1)
        hint = _(
            "write the figure without it: {joined}, or {pointed} if the comma is a decimal point"
        ).format(joined=joined, pointed=pointed)
    raise ValueProblem(
        _("{value}: its figure is split by a space or a comma").format(value=quoted(raw)), hint
    )


# A comma before one or two digits and no more: a decimal comma, perhaps (1,5万).
_DECIMAL_COMMA = re.compile(r"(\d+),(\d{1,2})")


# After a figure, before its unit: more than it (1200余人次, 3多个).
_MORE_THAN = ("余", "多")


def _without_more_than(tail: str) -> str | None:
    """The unit of a figure written as more than it — 1200余人次, 1200多人次, and with the 余
    after a multiplier or a measure word, 1.2万余人次, 120万多元, 2个多月 — without its 余 or 多;
    None for any other tail."""
    if tail[:1] in _MORE_THAN:
        unit = tail[1:]
    elif (tail[:1] in _multipliers() or tail[:1] == "个") and tail[1:2] in _MORE_THAN and tail[2:]:
        unit = tail[:1] + tail[2:]
    else:
        return None
    return unit if _unit_or_none(unit) is not False else None


# Before or after a figure: about it (约88%, 近90%, 4个左右).
_ABOUT = re.compile(r"^(?:约为|大约|大概|约|近|将近|接近)\s*[+-]?\d|\d.*(?:左右|上下|前后)$")


def _refuse_an_approximate_figure(text: str, raw) -> None:
    """An actual value written as about a figure (约88%, 4个左右): no figure reached to score
    by, and read without its word it would be taken as exact."""
    if _ABOUT.search(text) is None:
        return
    raise ValueProblem(
        _("{value} is approximate: it gives no figure reached").format(value=quoted(raw)),
        _("write the figure reached itself, without 约, 近 or 左右"),
    )


# Each text read once: what it reads as (a frozen record) is shared by every row that repeats
# it; text that is refused is read again each time, to be refused at its own place.
_quantity_of_text = lru_cache(maxsize=CACHE_SIZE)(_parse_quantity)


def parse_money(raw) -> Decimal:
    """A budget amount in 万元; ``"3,823,100元"`` is 382.31."""
    if type(raw) is str and len(raw) <= CACHED_CHARS:
        return _money_of_text(raw)
    return _parse_money(raw)


def _parse_money(raw) -> Decimal:
    quantity = parse_quantity(raw)
    if quantity is None:
        raise ValueProblem(
            _("{value} is not an amount of money").format(value=quoted(raw)),
            _('write it like 382.31 or "382.31万元"'),
        )
    if quantity.bound is not None:  # 95余万元, ≥95万元: more than, not how much
        raise ValueProblem(
            _("{value} is a bound, not an amount").format(value=quoted(raw)),
            _("write the amount itself, e.g. 95.32万元"),
        )
    if quantity.unit is None:
        return quantity.value
    from .units import standard

    unit = quantity.unit
    if unit in standard().multipliers:  # 382万 is 382 万元: money is in 元 unless said
        unit += "元"
    converted = standard().convert(quantity.value, unit, "万元")
    if converted is None:
        raise ValueProblem(
            _("{value}: {unit} is not a unit of money").format(
                value=quoted(raw), unit=repr(quantity.unit)
            ),
            _("amounts are in 万元 unless they carry 元, 千元, 万元 or 亿元"),
        )
    return converted


_money_of_text = lru_cache(maxsize=CACHE_SIZE)(_parse_money)


def parse_target(raw) -> Target:
    """A 年度指标值: ``[op] number [unit]``, a table ``{op, value, unit}``, or text (定性)."""
    if type(raw) is str and len(raw) <= CACHED_CHARS:
        return _target_of_text(raw)
    return _parse_target(raw)


def _parse_target(raw) -> Target:
    if isinstance(raw, dict):
        return _target_from_table(raw)
    if isinstance(raw, (int, Decimal, float)) and not isinstance(raw, bool):
        value = to_decimal(raw)
        return Target(format_decimal(value), None, value, None)
    if not isinstance(raw, str):
        raise ValueProblem(
            _("expected text or a number, got {type}").format(type=type(raw).__name__)
        )
    text = normalise(raw).rstrip(SENTENCE_END)
    if not text:
        raise ValueProblem(_("the target is empty"), target_hint())
    text, bound = _bound_marked(text)
    deviation = _deviation(text, raw, bound) if _DEVIATION_SIGN.search(text) else None
    if deviation is not None:
        return deviation
    if "(" in text:  # ≥3（个）, ≤30（天）: the unit in brackets
        text = _BRACKETED_UNIT.sub(r"\1", text)
    deadline = None
    lead, rest = _leading_op(text)
    if bound == "不含" and lead in _EXCLUDED:  # ≥95%（不含）: above 95%, 95% itself not
        lead = _EXCLUDED[lead]
    if _TIME_WORDS.search(text):
        from .deadlines import parse_deadline

        deadline = parse_deadline(text)
        if deadline is None and lead is not None:
            deadline = parse_deadline(rest, lead)
    if deadline is not None:
        _refuse_two_comparisons(raw, lead, _trailing_op(rest)[0], bound)
        if bound == "不含" and deadline.by is not None:
            raise ValueProblem(
                _("{value} is a date that leaves itself out").format(value=quoted(raw)),
                _("write the last day that is on time, e.g. 6月29日前 for 6月30日前（不含）"),
            )
        if bound == "不含" and deadline.within is not None and not deadline.strict:
            from dataclasses import replace

            deadline = replace(deadline, strict=True)  # 30天（不含）以内: fewer than 30 days
        return Target(raw.strip(), lead, deadline=deadline)
    if rest.endswith(_APPROXIMATE) and _NUMBER.match(rest):
        number = cut((text if _RANGE_MARKS.search(rest[:-2]) else rest)[:-2].strip())
        raise ValueProblem(
            _("{value} is approximate: it says neither at least nor at most").format(
                value=quoted(raw)
            ),
            _("write the range without {word}: {number}").format(word=rest[-2:], number=number)
            if _RANGE_MARKS.search(number)
            else _("write the comparison the target means, e.g. ≥{number} or ={number}").format(
                number=number
            ),
        )
    span = _range_of(text, rest, lead, raw) if _RANGE_MARKS.search(text) else None
    if span is not None and bound == "不含":  # 95%-100%（不含）: which bound, and full marks at it?
        raise _strict_range(raw, span[0], span[1], span[2], None)
    if span is not None:  # (lower, upper, unit, the lower's own unit)
        return Target(raw.strip(), RANGE, span[0], span[2], upper=span[1], lower_unit=span[3])
    trail, rest = _trailing_op(rest)
    _refuse_not_finite(raw, rest)
    _refuse_two_comparisons(raw, lead, trail, bound)
    split = _split_number(rest)
    if split is not None and _DATE_MARK.fullmatch(split[1]) and "." in rest:
        raise ValueProblem(  # 12.31前: no unit, a date the deadlines' grammar does not read
            _("{value} reads as a date written with dots").format(value=quoted(raw)),
            _("write the date as 12月31日前, 2024年6月底前 or 2024-06-30前"),
        )
    unit = _unit_or_none(split[1]) if split else False
    if unit is False:
        refuse_a_time_of_day(rest, raw)  # 1:30: 90 minutes, a time of day, or a ratio?
        _refuse_digits_apart(rest, raw)  # ≥5 000人: one figure, not 5 and words
    length = _length(rest) if unit is False or (split and "半" in split[1]) else None
    if length is not None:  # ≥1小时30分钟: ≥90分钟; 1年3个月 (工期): 15个月; 1天半: 1.5天
        split, unit = (length.value, ""), length.unit
    if split is None or unit is False:
        return Target(raw.strip())  # 定性: no leading number, or a tail longer than a unit
    value = split[0]
    if not value.is_finite():
        raise ValueProblem(not_usable(quoted(raw)))
    op = lead or trail
    if bound == "不含" and trail in _EXCLUDED:  # 95%（不含）以上: above 95%
        op = _EXCLUDED[trail]
    if bound == "不含" and op is None:
        raise ValueProblem(
            _("{value} leaves out its bound with no comparison").format(value=quoted(raw)),
            _("write > or < in front, e.g. >{number}").format(number=cut(rest)),
        )
    return Target(raw.strip(), op, value, unit)


_CHINESE_FIGURES = "一二两三四五六七八九十"  # 两个半小时, 三天
_TIME_OF_DAY = re.compile(r"\d{1,4}:[0-5]\d(?::[0-5]\d)?")  # 1:12, 1:12:30


def refuse_a_time_of_day(text: str, raw) -> None:
    """ValueProblem for a value that reads as hours:minutes (``1:12``, as Excel keeps what is
    typed so): a length of time (72 minutes), or a ratio (生师比 1:12)? Either reading is a
    guess."""
    if _TIME_OF_DAY.fullmatch(text):
        raise ValueProblem(
            _("{value} reads as a time of day (hours:minutes)").format(value=quoted(raw)),
            _("write a length of time with its units (1小时12分钟), or a ratio in words (1比12)"),
        )


_ISO_DATE = re.compile(r"(?:19|20)\d\d-\d\d?-\d\d?")


def _refuse_a_date(text: str, raw) -> None:
    """ValueProblem for a date where a number is read (``2024-03-05``, a date cell of a
    workbook): Excel turns 3/5 or 3-5 typed into a cell into a date, so what was typed is not
    known; said as a date, with the fix."""
    if _ISO_DATE.fullmatch(text):
        raise ValueProblem(
            _("{value} is a date, where a number is expected").format(value=quoted(raw)),
            _(
                "if Excel turned what was typed (3/5, 3-5) into a date, format the cell as text "
                "and type it again; a number is written with its unit (3个)"
            ),
        )


def _length(text: str) -> Duration | None:
    """A length of time in more than one unit or with a half (``1小时30分钟``, ``1个半月``,
    ``2h30min``), as :func:`scoring.deadlines.length_of` reads it; None for other text."""
    if not _TIME_WORDS.search(text) and "h" not in text:  # 2h30min has no Chinese word
        return None
    from .deadlines import length_of

    return length_of(text)


# What follows a date, never a unit: 12.31前, 2024.6月底前.
_DATE_MARK = re.compile(r"(?:月)?(?:底|末)?(?:之前|以前|前)|(?:月)?(?:底|末)")

# Whether the bound is in or out, written after the figure: ≥95%（含）, 3个（含）以上, ≤5%（不含5%）,
# ≤30天（含）, ≥3个（含本数）. ≥ and ≤ hold their bound already; 不含 makes them > and <. Only the
# bound itself: （不含节假日） and （含税） say what is counted, and are no mark.
_BOUND_MARK = re.compile(
    r"\s*\((?P<mark>含|包含|不含|不包含)(?:本数|(?P<figure>[+-]?\d[\d.,]*[^\d()]{0,4}))?\)"
)
_EXCLUDED = {GE: GT, LE: LT}
# A unit in brackets after its figure: ≥3（个）, ≤30（天）, 1.2万（个）.
_BRACKETED_UNIT = re.compile(r"(?<=[\d万亿千])\s*\(((?!含|包含|不含)[^\d()]{1,4})\)")


def _refuse_two_comparisons(raw, lead: str | None, trail: str | None, bound: str | None) -> None:
    """A target that says two things of its bound: ≥95%以下, ≤30天以上, <30天（含）."""
    if lead and trail and lead != trail:
        raise ValueProblem(
            _("{value} says both {first} and {second}").format(
                value=quoted(raw), first=lead, second=trail
            ),
            _("keep one comparison: a sign in front, or 以上/以内/以下 at the end"),
        )
    if bound == "不含" and (lead or trail) == EQ:
        raise ValueProblem(
            _("{value} says both {first} and {second}").format(
                value=quoted(raw), first=EQ, second="(不含)"
            ),
            _("keep one comparison: ≥ or ≤ with the bound, > or < without it"),
        )
    if bound == "含" and (lead or trail) in (GT, LT):
        raise ValueProblem(
            _("{value} says both {first} and {second}").format(
                value=quoted(raw), first=lead or trail, second="(含)"
            ),
            _("keep one comparison: ≥ or ≤ with the bound, > or < without it"),
        )


def _bound_marked(text: str) -> tuple[str, str | None]:
    """``text`` without a bound's mark (after the figure, its unit or its comparison), and the
    mark (含 or 不含), or None."""
    found = _BOUND_MARK.search(text) if "(" in text else None
    if found is None:
        return text, None
    rest = text[: found.start()] + text[found.end() :]
    figure = found["figure"]
    # （不含5%） marks ≤5%; （不含5天节假日） beside ≤30天 says what is counted, and is no mark
    if figure and not re.search(
        rf"(?<![\d.]){re.escape(figure.replace(',', ''))}", rest.replace(",", "")
    ):
        return text, None
    return rest, "不含" if found["mark"].startswith("不") else "含"


_target_of_text = lru_cache(maxsize=CACHE_SIZE)(_parse_target)

# What may join a range's two bounds, as NFKC leaves it: a dash or a tilde (95%-100%, 3～5个,
# 3—5个, 95%〜100%) or 至/到 between two numbers; a comma, 、, ;, 且, 和 or a space between two
# comparisons (≥3个，≤5个; 不低于95%且不高于100%; ≥3个 ≤5个), or nothing after 以上 (3个以上5个以下).
# Text without one of these characters is not put to the patterns below.
# Every spelling of ≤ in front of a figure, longest first: a second comparison may follow the
# first with no separator (≥3个≤5个).
_AT_MOST = "|".join(re.escape(spelling) for spelling, op in _PREFIX_OPS if op == LE)
_RANGE_MARKS = re.compile(rf"[-~〜∼—―‐‑至到,、;且和与\s]|以上.|.(?:{_AT_MOST})")
_SPAN_JOIN = re.compile(
    r"(?P<unit>(?:[^\d,]|(?<=[A-Za-z])[23])*?)\s*(?P<join>-|[~〜∼]{1,2}|[—―‐‑]{1,2}|至|到)\s*"
    r"(?P<upper>[+-]?\.?\d.*)"
)
# a comma between a digit and three more is a thousands separator (≥1,000元，≤2,000元)
_RANGE_JOIN = re.compile(
    r"\s*(?:(?<!\d),|,(?!\d{3}(?!\d))|[、;]|并且|且|和|与)\s*"
    r"|(?<=以上)(?=\S)|(?<=以下)(?=\S)|(?<=以内)(?=\S)"
    # ≥3个≤5个, 大于等于3个小于等于5个, 最少3个最多5个: the second comparison right after the first
    rf"|(?<=[^\s≥≤<>=])(?={_AT_MOST})"
)
# Words around a range that say no more than the range: 在/介于 95%-100% 之间, 3-5个以内, (含).
_RANGE_HEAD = re.compile(r"^(?:在|介于)\s*")
_RANGE_TAIL = re.compile(r"\s*(?:之间|之内|以内|范围内|区间内|\(含[^()]*\))+$")
# A unit of time (its first part: 万元/年 is money): a range of them is a period or a span of
# durations — 7-8月完成, 1-2季度, 5-10分钟 — read as words, as it was before ranges were read.
_TIME_UNIT = re.compile(r"[月季年日时天周秒]|分钟|^h$|^min$")
# A figure written with a leading zero (0571-88888888) is a code, not a bound.
_LEADING_ZERO = re.compile(r"[+-]?0\d")
# A bare year, as a period's bounds give it (2023.1-2023.6, 2023-2024).
_YEARS = (Decimal(1900), Decimal(2100))


# A range read: lower, upper, their unit, and the lower bound's own unit when it was converted.
_Span = tuple[Decimal, Decimal, str | None, str | None]


def _range_of(text: str, rest: str, lead: str | None, raw) -> _Span | None:
    """The range ``text`` gives — (lower, upper, unit, the lower's own unit when it was
    converted), in the unit of its upper bound — or None
    when it gives none: two comparisons (≥3个，≤5个), or two numbers joined (95%-100%) when
    no comparison leads. A range of times (1-6月, 3-5天, 2023年-2024年) is a period or a span of
    durations, never a ratio of its numbers: None, so that it is read as words. ``rest`` is the
    text after a leading comparison ``lead``. ValueProblem for a range no score can be read
    from: its bounds reversed, one excluded (> or <), two dashes, a bare bound read two ways."""
    span = _range(text, raw)
    if span is None and lead is None:
        span = _span(_RANGE_TAIL.sub("", _RANGE_HEAD.sub("", rest)), raw)
    if span is not None and _of_times(span):
        return None  # read as words, as a period is (实施期限 2023年-2024年, answered 达成)
    return span


def _of_times(span: tuple) -> bool:
    """Whether a range's bounds are times: in a unit of time, or bare years (2023.1-2023.6)."""
    lower, upper, unit = span[:3]
    if unit is None:
        return all(_YEARS[0] <= bound <= _YEARS[1] for bound in (lower, upper))
    return _TIME_UNIT.search(unit.split("/")[0]) is not None


def _span(text: str, raw) -> _Span | None:
    """``95%-100%``, ``3～5个``, ``3至5个``: (lower, upper, unit, the lower's own unit when it
    converts to the upper's), or None when the text is not
    two numbers so joined, in one unit or two that convert (given on either or both), or when
    they are times or a code (0571-88888888); ValueProblem when the larger comes first, for two
    dashes, or for a bare bound read two ways. A date (2023-12-31, 2023-12) never gets here:
    it is read as a deadline first."""
    lower = _split_number(text)
    if lower is None:
        return None
    joined = _SPAN_JOIN.fullmatch(lower[1])
    if joined is None:
        return None
    upper = _split_number(joined["upper"])
    if upper is None:
        return None
    low_unit = _unit_or_none(joined["unit"].strip())
    high_unit = _unit_or_none(upper[1])
    if low_unit is False or high_unit is False or _LEADING_ZERO.match(text):
        return None  # not a range: 0571-88888888 is a telephone number
    if _of_times((lower[0], upper[0], high_unit or low_unit)):
        return None  # read as words, whichever way round (11-3月, a heating season)
    if joined["join"] == "-" and joined["upper"].startswith("-"):
        # 95%--100%, -10%--5%: a dash typed twice, or a minus sign?
        first = text[: len(text) - len(lower[1])] + joined["unit"]
        positive = f"{first}至{joined['upper'][1:]}"
        if lower[0] > upper[0]:  # read as a minus sign, the range would be reversed: one reading
            hint = _("write the range with 至 between its bounds: {range}").format(range=positive)
        else:
            hint = _("write the range with 至 between its bounds: {negative} or {positive}").format(
                negative=f"{first}至{joined['upper']}", positive=positive
            )
        raise ValueProblem(
            _("{value} has two dashes between its bounds: is the second a minus sign?").format(
                value=quoted(raw)
            ),
            hint,
        )
    converted = _in_unit(lower[0], low_unit, upper[0], high_unit, raw)
    if converted is None:
        return None
    low, own = converted
    unit = high_unit or low_unit
    if low > upper[0]:
        raise _reversed(raw, upper[0], low, unit)
    return low, upper[0], unit, own


def _range(text: str, raw) -> _Span | None:
    """``≥3个，≤5个``, ``不低于95%且不高于100%``, ``3个以上5个以下``: (lower, upper, unit, the
    lower's own unit when it converts to the upper's), or None
    when the text is not two comparisons, one at least and one at most, in one unit or two
    that convert. Bounds that exclude themselves (>3个，<5个) are refused: at a bound, a range
    read as including it would score full marks where the unit meant none."""
    parts = [part for part in _RANGE_JOIN.split(text) if part]
    if len(parts) != 2:
        parts = text.split()
        if len(parts) != 2:
            return None
    sides = []
    for part in parts:
        lead, rest = _leading_op(part)
        trail, rest = _trailing_op(rest)
        split = _split_number(rest)
        unit = _unit_or_none(split[1]) if split else False
        if (lead and trail) or split is None or unit is False:
            return None
        sides.append((lead or trail, split[0], unit))
    sides.sort(key=lambda side: side[0] in (LE, LT))  # the at-least side first
    (low_op, lower, low_unit), (high_op, upper, high_unit) = sides
    if low_op not in (GE, GT) or high_op not in (LE, LT):
        return None
    if _of_times((lower, upper, high_unit or low_unit)):
        return None  # read as words, as a time limit of two comparisons always was
    converted = _in_unit(lower, low_unit, upper, high_unit, raw)
    if converted is None:
        return None
    low, own = converted
    unit = high_unit or low_unit
    if GT in (low_op, high_op) or LT in (low_op, high_op):
        raise _strict_range(raw, lower, upper, high_unit, low_unit)
    if low > upper:
        raise _reversed(raw, upper, low, unit)
    return low, upper, unit, own


def _in_unit(
    lower: Decimal, low_unit: str | None, upper: Decimal, high_unit: str | None, raw
) -> tuple[Decimal, str | None] | None:
    """A range's lower bound in the unit of its upper (the unit of both), and its own unit when
    it was converted: as it is when they are one; a bare multiplier written for the upper's
    (10万-20万元: 10万元) as it is; converted when they convert (1000元-2万元: 0.1万元, 元);
    None when they do not. A bound given without a unit takes the other's only where that is
    the one reading: ValueProblem otherwise."""
    if low_unit is None or high_unit is None:
        _refuse_a_bare_bound(lower, low_unit, upper, high_unit, raw)
        return lower, None
    from .units import standard

    units = standard()
    if low_unit == high_unit or (low_unit in units.multipliers and high_unit.startswith(low_unit)):
        return lower, None
    if low_unit in units.multipliers:
        if high_unit in units.multipliers:  # 5千-1万: two numbers, 5000 to 10000
            converted = units.convert(lower, low_unit, high_unit)
            return None if converted is None else (converted, None)
        # 5千-1万元, 5千至1万人: the lower's 千 of the upper's unit, 5千元 and 5千人
        low_unit += _without_multiplier(high_unit, units)
    converted = units.convert(lower, low_unit, high_unit)
    return None if converted is None else (converted, low_unit)


def _refuse_a_bare_bound(
    lower: Decimal, low_unit: str | None, upper: Decimal, high_unit: str | None, raw
) -> None:
    """One bound without a unit, as units write ranges (95-100%, 10-20万元: the lower takes the
    upper's unit), unless that could be read two ways: a fraction against a percentage
    (0.9-100%: 0.9% or 90%?), an upper bound bare after a unit with 万 or 亿 (1万人次-20000:
    20000人次 or 20000万人次?), or a lower bound that the upper's 万 or 亿 would put above it
    (5000-1万元: 5000元 or 5000万元?)."""
    if low_unit is None and high_unit is None:
        return
    from .units import standard

    units = standard()
    unit = low_unit or high_unit
    assert unit is not None
    bare = upper if low_unit else lower
    other = units.convert(lower if low_unit else upper, unit, PERCENT)
    fraction = other is not None and 0 < abs(bare) <= 1 <= abs(other)
    alone = unit in units.multipliers  # 800-1万: a number, its 万 alone
    multiplied = (units.multiplied(unit) or alone) and (low_unit is not None or lower > upper)
    if not (fraction or multiplied):
        return
    if fraction:
        example = f"{format_decimal(bare * 100)}%"
    elif alone:  # both bounds as numbers: 800-10000
        factor = units.multipliers[unit]
        whole = format_decimal(
            (upper if high_unit else lower) * factor.numerator / factor.denominator
        )
        example = (
            f"{format_decimal(lower)}-{whole}" if high_unit else f"{whole}-{format_decimal(upper)}"
        )
    else:  # in the unit without its 万 or 亿 (400000元, 20000人次): the one that keeps the order
        example = f"{format_decimal(bare)}{_without_multiplier(unit, units)}"
    raise ValueProblem(
        _("{value} gives one bound a unit and not the other, which may be read two ways").format(
            value=quoted(raw)
        ),
        _("write the unit on both bounds, e.g. {bound} if {number} is meant so").format(
            bound=example, number=format_decimal(bare)
        ),
        code="unit-ambiguous",
    )


# What a value typed as a sentence ends with (≥95%，, 6%。, 达成。), as NFKC leaves it: not part
# of it.
SENTENCE_END = ",;、。!"
# A deviation either way: ±5%, +-5%, ±5%以内 — the range -5% to 5%.
_PLUS_MINUS = re.compile(
    r"(?:±|\+-|\+/-)\s*(?P<figure>\d.*?)(?:以内|之内|内|以下|之间|范围内|范围之内|区间内)?"
)
# What may stand before a deviation: the quantity it is of (误差±5%, 偏差率控制在±5%以内), and
# 在 before it (在±5%范围内, 控制在±5%).
_DEVIATION_OF = re.compile(r"(?:误差|偏差)率?值?")
_DEVIATION_SIGN = re.compile(r"±|\+-|\+/-|正负|上下浮动")
# ± in words (正负5%, 上下浮动不超过5%), and a figure and its deviation in brackets before their
# unit ((12±2)%: 12%±2%).
_DEVIATION_WORDS = re.compile(r"正负|上下浮动(?:不超过|不大于|不高于|控制在|在)?")
_BRACKETED_DEVIATION = re.compile(
    r"\((?P<centre>[^()±]*)±(?P<size>[^()±]*)\)(?P<unit>[^()\d]{1,4})"
)


def _deviation(text: str, raw, bound: str | None) -> Target | None:
    """A deviation allowed either way, as the range it allows: ``±5%`` (-5% to 5%), the same
    within words or ≤ (``控制在±5%``, ``误差±5%以内``, ``在±5%范围内``, ``≤±5%``), and about a
    figure (``100±5个``: 95个 to 105个; ``1万元±500元``: 0.95万元 to 1.05万元, the deviation in
    the figure's unit when it converts); None when ``text`` is none of these. Refused: a
    strict one (``<±5%``, ``±5%（不含）``: at 5%, full marks or none?), and one whose deviation is
    in another unit than its figure (``95±5%``: 90%-100%, or 5 % of 95? ``100万元±5%``: 5 %
    of it?)."""
    text = _DEVIATION_WORDS.sub("±", text)
    bracketed = _BRACKETED_DEVIATION.fullmatch(text)
    if bracketed is not None:  # (12±2)%: 12%±2%
        unit = bracketed["unit"]
        text = f"{bracketed['centre']}{unit}±{bracketed['size']}{unit}"
    of = _DEVIATION_OF.match(text)
    lead, rest = _leading_op(text[of.end() :] if of else text)
    rest = rest.removeprefix("在").strip()
    sign = _DEVIATION_SIGN.search(rest)
    if sign is None:
        return None
    trail = _trailing_op(rest)[0]
    if lead not in (None, LE, LT) or trail == GE:  # ≥±5%, 100±5批以上: at least which bound?
        raise ValueProblem(
            _("{value} says both {first} and {second}").format(
                value=quoted(raw), first=lead or trail, second=sign.group()
            ),
            _("keep one: the range (±5%), or one comparison (≥-5%)"),
        )
    tolerance = _tolerance(rest[sign.start() :])
    left = rest[: sign.start()].strip()
    centre = _split_number(left) if left else (Decimal(0), "")
    if tolerance is None or centre is None:
        return None
    size, unit = tolerance
    centre_unit = _unit_or_none(centre[1])
    if centre_unit is False:
        return None
    if left and centre_unit and unit and centre_unit != unit:  # 1万元±500元: ±0.05万元
        from .units import standard

        converted = standard().convert(size, unit, centre_unit) if unit != "%" else None
        if converted is not None:
            size, unit = converted, centre_unit
    if left and (centre_unit != unit if centre_unit and unit else unit == "%" and centre[0]):
        raise _deviation_in_another_unit(raw, centre[0], centre_unit, size, unit)
    if left and unit is None and "万" in centre[1]:  # 1万元±500: 500元 or 500万元?
        raise _deviation_in_another_unit(raw, centre[0], centre_unit, size, unit)
    unit = unit or centre_unit
    lower, upper = centre[0] - size, centre[0] + size
    if left and centre[0] and size >= abs(centre[0]):  # 100±200: from -100?
        raise ValueProblem(
            _("{value} allows a deviation as large as its figure").format(value=quoted(raw)),
            _("write the range it allows, e.g. {range}").format(
                range=f"{format_decimal(lower)}{unit or ''}至{format_decimal(upper)}{unit or ''}"
            ),
        )
    if _of_times((lower, upper, unit)):
        return None  # 30天±5天: a span of durations, read as words as 25天-35天 is
    if bound == "不含" or lead == LT:  # ±5%（不含）, <±5%: at 5%, full marks or none?
        raise _strict_range(raw, lower, upper, unit, None)
    return Target(raw.strip(), RANGE, lower, unit, upper=upper)


def _deviation_in_another_unit(
    raw, centre: Decimal, centre_unit: str | None, size: Decimal, unit: str | None
) -> ValueProblem:
    """``95±5%``, ``100万元±5%``, ``1万元±5个``: a deviation in another unit than its figure's
    (or with none), which does not convert to it: in that unit about the figure, or a share of
    it? The fix names the range of each reading the text allows."""
    problem = _(
        "{value} gives its figure in {centre_unit} and its deviation in {unit}: the range it "
        "allows is not clear"
    ).format(value=quoted(raw), centre_unit=centre_unit or _("no unit"), unit=unit or _("no unit"))
    if unit != "%":  # 1万元±5个
        return ValueProblem(
            problem, _("write the figure and its deviation in one unit, or the range it allows")
        )
    share = abs(centre) * size / 100
    as_share = f"{format_decimal(centre - share)}{centre_unit or ''}至" + (
        f"{format_decimal(centre + share)}{centre_unit or ''}"
    )
    if centre_unit is not None:  # 100万元±5%: only a share of it
        return ValueProblem(
            problem, _("write the range it allows, e.g. {range}").format(range=as_share)
        )
    return ValueProblem(  # 95±5%: 90%-100%, or 5 % of 95?
        problem,
        _(
            "write the range it allows: {points} if {figure} is a percentage too, or {share} for "
            "{size}% of it"
        ).format(
            points=f"{format_decimal(centre - size)}%至{format_decimal(centre + size)}%",
            figure=format_decimal(centre),
            share=as_share,
            size=format_decimal(size),
        ),
    )


def _tolerance(text: str) -> tuple[Decimal, str | None] | None:
    """The size and unit of a deviation allowed either way (``±5%``: 5 and %), or None when
    ``text`` is not one."""
    found = _PLUS_MINUS.fullmatch(text)
    if found is None:
        return None
    split = _split_number(found["figure"])
    if split is None:
        return None
    unit = _unit_or_none(split[1])
    if unit is False:
        return None
    return split[0], unit


def _strict_range(
    raw, lower: Decimal, upper: Decimal, unit: str | None, low_unit: str | None
) -> ValueProblem:
    """A range that leaves a bound out (>3个，<5个; 95%-100%（不含）): at that bound, full
    marks or none? The fix writes both bounds included: ``lower`` in ``low_unit`` when given,
    else in ``unit``, the upper's."""
    return ValueProblem(
        _("{value} is a range with a bound outside it (> or <)").format(value=quoted(raw)),
        _("write the bounds with ≥ and ≤, e.g. ≥{lower}，≤{upper}").format(
            lower=f"{format_decimal(lower)}{low_unit or unit or ''}",
            upper=f"{format_decimal(upper)}{unit or ''}",
        ),
    )


def _without_multiplier(unit: str, units) -> str:
    """``unit`` without the 万 or 亿 in front of it (万元 → 元, 万人次 → 人次)."""
    base = units.canonical(unit)
    while prefix := next((p for p in units.multipliers if base.startswith(p) and base != p), None):
        base = base[len(prefix) :]
    return base


def _reversed(raw, lower: Decimal, upper: Decimal, unit: str | None) -> ValueProblem:
    """A range written with its upper bound first (100%-95%, ≥5个，≤3个); ``lower`` and
    ``upper`` are the bounds as they should be."""
    return ValueProblem(
        _("{value} is a range with its lower bound above its upper").format(value=quoted(raw)),
        _("write the range from its lower bound to its upper, e.g. {range}").format(
            range=_shown_range(lower, upper, unit)
        ),
    )


def _shown_range(lower: Decimal, upper: Decimal, unit: str | None) -> str:
    return f"{format_decimal(lower)}{unit or ''}-{format_decimal(upper)}{unit or ''}"


def target_hint() -> str:
    """What to do about an empty 年度指标值."""
    return _('write the 年度指标值, e.g. "≥95%" or "效果明显"')


def _target_from_table(raw: dict) -> Target:
    op_text = raw.get("op")
    op = None
    if op_text is not None:
        op, rest = _leading_op(normalise(str(op_text)))
        if op is None or rest:
            raise ValueProblem(
                _("op {value} is not a comparison").format(value=quoted(op_text)),
                _('a range is written as text, e.g. target = "95%-100%"')
                if normalise(str(op_text)) in ("~", RANGE)
                else _("use one of ≥ > ≤ < = (or >= <=)"),
            )
    quantity = parse_quantity(raw.get("value"))
    if quantity is None:
        raise ValueProblem(
            _("value {value} is not a number").format(value=quoted(raw.get("value")))
        )
    value, unit = quantity.value, quantity.unit
    stated = canonical_unit(normalise(str(raw["unit"]))) if raw.get("unit") is not None else None
    if stated and unit and stated != unit:
        from .units import standard

        converted = standard().convert(value, unit, stated)
        if converted is None:
            raise ValueProblem(
                _("value {value} is in {unit} but unit says {stated}").format(
                    value=quoted(raw["value"]), unit=repr(unit), stated=quoted(stated)
                ),
                _("give the unit once, in `unit` or in the value"),
            )
        value = converted
    text = f"{op or ''}{format_decimal(value)}{stated or unit or ''}"
    return Target(text, op, value, stated or unit, unit_apart=bool(stated) and unit is None)


CENT = Decimal("0.01")
_TEN_THOUSANDTH = Decimal("0.0001")


def percent(rate: Decimal) -> str:
    """A rate as the form prints it: a percentage with two decimals, half up (97.86%)."""
    return f"{(rate * 100).quantize(CENT, rounding=ROUND_HALF_UP)}%"


def percent_below(rate: Decimal, threshold: Decimal) -> str:
    """``rate`` as a percentage for a sentence saying it is below ``threshold``: the usual two
    decimals, or four when two would print the threshold itself (89.998% is 89.9980%)."""
    shown = percent(rate)
    if rate < threshold and shown == percent(threshold):
        shown = f"{(rate * 100).quantize(_TEN_THOUSANDTH, rounding=ROUND_DOWN)}%"
    return shown


def same_text(a: str, b: str) -> bool:
    """Two texts equal once normalised and with inner spaces ignored."""
    return text_key(a) == text_key(b)


def text_key(text: str) -> str:
    """What two texts that are :func:`same_text` have in common: normalised, spaces removed."""
    if len(text) <= CACHED_CHARS:
        return _text_key(text)
    return _SPACES.sub("", normalise(text))


# A note in brackets in a 三级指标 (满意度（%）, 预算执行率（20分）, 满意度【问卷】), and the %
# or the punctuation it ends with.
_NOTES = re.compile(r"[（(【\[][^（()）【】\[\]]*[）)】\]]|[%％。.，,；;：:]+$")


def without_notes(name: str) -> str:
    """A 三级指标 as what it measures: :func:`text_key`, its notes in brackets and the % or
    punctuation it ends with left out (群众满意度（%） is 群众满意度)."""
    return _NOTES.sub("", text_key(name))


@lru_cache(maxsize=CACHE_SIZE)
def _text_key(text: str) -> str:
    return _SPACES.sub("", normalise(text))


# A code before a unit's or a project's name: 305-, 305001-, 51092324T000010299999-, in
# brackets ([412], 【412001】) or of six characters or more followed by a space (412001 某县…), as
# budget systems export it. A code of fewer than six characters before a digit, or before a space,
# is a year (2023-2025年…, 2023 年度…), kept.
UNIT_CODE = re.compile(
    r"^(?:(?:[0-9][0-9A-Za-z]{5,}|[0-9][0-9A-Za-z]{2,4}(?=[-—－]\D))[-—－]\s*"
    r"|[\[【][0-9][0-9A-Za-z]{2,}[\]】]\s*"
    r"|[0-9][0-9A-Za-z]{5,}\s+(?=\D))"
)


def without_code(name: str) -> str:
    """A unit's or project's name without the code a budget system prints before it."""
    return UNIT_CODE.sub("", name.strip()).strip() or name.strip()


def name_key(name: str) -> str:
    """What two spellings of one department's or project's name share: :func:`text_key` of its
    Simplified form without a code in front — ``乐亭县（本级）``, ``乐亭县(本级)``, ``乐亭县 （本级）``,
    ``樂亭縣(本級)`` and ``[412]乐亭县（本级）`` are one name. Names of a batch repeat, and each is
    converted once."""
    if len(name) <= CACHED_CHARS:
        return _name_key(name)
    return text_key(simplified(without_code(name)))


@lru_cache(maxsize=CACHE_SIZE)
def _name_key(name: str) -> str:
    return text_key(simplified(without_code(name)))


_SPACES = re.compile(r"\s+")


def align_units(
    target: Target, actual: Quantity, units, rate: bool = False
) -> tuple[Decimal, Decimal, str | None]:
    """Target and actual values in the target's unit, by the unit table ``units``.

    A bare number takes the other side's unit — except where that is a guess that could score
    wrong without a word, which is refused: a fraction against a percentage (0.95 against
    ``≥95%``: 95% or 0.95%? 1.02 against ``≥95%``: 102% or 1.02%?), a bare number against a
    unit with 万 in front (8000 against ``≥1.1万亩``), and, on a row named as a rate (``rate``),
    two bare numbers of which one looks like a fraction and the other like a percentage
    (100 against 0.98). A bare 万 or 亿 (``10万``) against a value with a unit multiplies that
    unit (:func:`_multiple_of`); against a bare number it is a number. ValueProblem when the
    units do not convert."""
    assert target.value is not None
    t_value, t_unit = _unfold(target.value, _multiple_of(target.unit, actual.unit, units), units)
    a_value, a_unit = _unfold(actual.value, _multiple_of(actual.unit, target.unit, units), units)
    _refuse_a_fraction(t_value, t_unit, a_value, a_unit, units, "actual")
    _refuse_a_fraction(a_value, a_unit, t_value, t_unit, units, "target")
    if target.unit_apart:
        _refuse_a_fraction_apart(t_value, t_unit, target.op, a_value, a_unit or t_unit, units)
    _refuse_a_bare_multiple(t_unit, a_value, a_unit, units, "actual")
    _refuse_a_bare_multiple(a_unit, t_value, t_unit, units, "target")
    _refuse_a_nearer_reading(
        target.value, target.unit, actual.value, actual.unit, units, "actual", target.text
    )
    _refuse_a_nearer_reading(actual.value, actual.unit, target.value, target.unit, units, "target")
    if rate and t_unit is None and a_unit is None:
        _refuse_bare_rates(t_value, a_value)
    if t_unit is None or a_unit is None or t_unit == a_unit:
        return t_value, a_value, t_unit or a_unit
    converted = units.convert(a_value, a_unit, t_unit)
    if converted is None:
        times = {units.family(t_unit), units.family(a_unit)} <= set(TIME_FAMILIES)
        for fen, time, value in ((a_unit, t_unit, a_value), (t_unit, a_unit, t_value)):
            if fen == "分" and units.family(time) in TIME_FAMILIES:  # 20分 against 分钟
                raise ValueProblem(
                    _("{value}分 beside a time in {unit}: minutes, or points (分)?").format(
                        value=format_decimal(value), unit=time
                    ),
                    _("write {value}分钟 if it is minutes").format(value=format_decimal(value)),
                )
        raise ValueProblem(
            _("the target is in {target_unit} but the actual value is in {actual_unit}").format(
                target_unit=repr(t_unit), actual_unit=repr(a_unit)
            ),
            _(
                "write the actual in {unit}: a month is not a whole number of days, nor a "
                "working day a calendar day"
            ).format(unit=t_unit)
            if times
            else _(
                "write both in the same unit (% and 百分比 are the same; 元, 万元 and 亿元 "
                "convert, so do 亩, 公顷 and 平方米)"
            ),
        )
    return t_value, converted, t_unit


def _field_label(field: str) -> str:
    """The 实际完成值 (``actual``) or the 年度指标值 (``target``), as a message names it."""
    return _("the actual value") if field == "actual" else _("the target")


def _multiple_of(unit: str | None, other: str | None, units) -> str | None:
    """A bare 万 or 亿 (``120万``) against money or a unit with 万 or 亿 in front is that many
    of the other's unit without its own multiplier: against ``120万元``, ``≤2000元`` or
    ``≤2000千元`` it is 120 万元 (money is in 元, as budget amounts are), against ``1万人次``
    120 万人次, against ``1.1万亩`` 120 万亩. Taken for a bare number instead, 1,200,000 would
    take the other's unit whole and be 1,200,000 万元. Any other unit is returned as it is:
    against ``9000份`` a bare 万 is a number, 10000 份."""
    if unit is None or unit not in units.multipliers or other is None:
        return unit
    if other in units.multipliers:  # 10万 against 2亿: two numbers
        return unit
    money = _money_of(other, units)
    if money is not None:  # 120万 against 元 or 元/人: 120 万元 (per 人)
        return unit + "元" + money[1]
    if not units.multiplied(other):  # 1万 against 9000份 is 10000 份, as a number is
        return unit
    return unit + _without_multiplier(other, units)


def _unfold(value: Decimal, unit: str | None, units) -> tuple[Decimal, str | None]:
    """``10万`` is the number 100000: a multiplier alone is no unit."""
    if unit is not None and unit in units.multipliers:
        factor = units.multipliers[unit]
        return value * factor.numerator / factor.denominator, None
    return value, unit


def _refuse_bare_rates(target: Decimal, actual: Decimal) -> None:
    """Two bare numbers on a rate row, one in (0, 2) and the other 2 or more: one is a fraction
    and the other a percentage, or both are what they say — unknowable."""
    small = [v for v in (target, actual) if 0 < abs(v) < 2]
    large = [v for v in (target, actual) if abs(v) >= 2]
    if not (small and large):
        return
    shown = format_decimal(small[0])
    field = "actual" if small[0] is actual else "target"
    other, hundred = format_decimal(large[0]), format_decimal(small[0] * 100)
    raise ValueProblem(
        _(
            "{label} {value} and {other} have no unit on a rate (率) row: is {value} "
            "{percent}% or {value}%?"
        ).format(label=_field_label(field), value=shown, other=other, percent=hundred),
        _("write both with %: e.g. {other}% and {percent}%").format(other=other, percent=hundred),
        code="percent-ambiguous",
        field=field,
    )


def _refuse_a_bare_multiple(unit, bare, bare_unit, units, field: str) -> None:
    """``bare`` (no unit) against a unit with 万 or 亿 in front (万亩): 8000 may be 8000 亩 or
    8000 万亩. Money is exempt: a bare amount is in the target's 万元, as amounts are."""
    if bare_unit is not None or unit is None or not units.multiplied(unit):
        return
    if _money_of(unit, units) is not None or bare == 0:  # amounts: by _refuse_a_nearer_reading
        return
    base = _without_multiplier(unit, units)
    shown = format_decimal(bare)
    raise ValueProblem(
        _("{label} {value} has no unit, against {unit}: {value}{base} or {value}{unit}?").format(
            label=_field_label(field), value=shown, unit=unit, base=base
        ),
        _("write the unit, e.g. {value}{base} or {value}{unit}").format(
            value=shown, unit=unit, base=base
        ),
        code="unit-ambiguous",
        field=field,
    )


def _refuse_a_nearer_reading(
    value, unit, bare, bare_unit, units, field: str, shown: str | None = None
) -> None:
    """``bare`` (no unit) against ``value`` in ``unit`` where it may be read two ways that
    differ ten thousandfold: against money (in the other side's unit, as amounts are, or in 元
    or 万元, the form's units of money), or against a figure with 万 or 亿 and no unit (a number,
    or that many 万). The usual reading stands unless another puts ``bare`` nearer the other
    side's figure — ``6000`` against ``≤0.5万元`` is 6000 元 or 6000 万元; ``33`` against
    ``≤30万`` is 33 or 33万; ``0.25`` against ``≥2000元/人`` is 0.25 元/人 or 0.25 万元/人 — and then
    both are named and the value refused. ``shown``: the other side as the message names it (a
    range's text, for one of its bounds)."""
    if bare_unit is not None or unit is None or bare <= 0 or value <= 0:
        return
    if unit in units.multipliers:  # 30万: the figure 300000; a bare 33 is 33, or 33万?
        readings = [
            (bare, format_decimal(bare)),
            (_unfold(bare, unit, units)[0], f"{format_decimal(bare)}{unit}"),
        ]
        other = _unfold(value, unit, units)[0]
    elif (money := _money_of(unit, units)) is not None:  # in the other's unit, 元 or 万元
        top, per = money
        readings = []
        for reading in dict.fromkeys((top + per, "元" + per, "万元" + per)):
            converted = units.convert(bare, reading, unit)
            if converted is not None:
                readings.append((converted, f"{format_decimal(bare)}{reading}"))
        other = value
    else:
        return
    usual = _distance(readings[0][0], other)
    nearest = min(readings, key=lambda reading: _distance(reading[0], other))
    if _distance(nearest[0], other) >= usual:
        return
    raise ValueProblem(
        _("{label} {value} has no unit, and against {other} it may be {usual} or {nearer}").format(
            label=_field_label(field),
            value=format_decimal(bare),
            other=shown or f"{format_decimal(value)}{unit}",
            usual=readings[0][1],
            nearer=nearest[1],
        ),
        _("write the unit, e.g. {nearer} if that is meant").format(nearer=nearest[1]),
        code="unit-ambiguous",
        field=field,
    )


def _money_of(unit: str, units) -> tuple[str, str] | None:
    """A unit of money, or of money per something, as (its money, the rest): 万元 → (万元, ""),
    元/人 → (元, /人); None for any other unit."""
    top, slash, below = unit.partition("/")
    if units.family(top) != "money":
        return None
    return top, slash + below


def _distance(value: Decimal, other: Decimal) -> Decimal:
    """How many times larger the larger of two positive figures is than the smaller."""
    return max(value / other, other / value)


def _refuse_a_fraction_apart(value, unit, op, actual, actual_unit, units) -> None:
    """A target's ``value`` typed without a unit, its ``unit`` given apart (a table's
    ``unit = "%"``), held to the fraction rule against the actual as a bare number is:
    ``{value = 0.95, unit = "%"}`` against 90% is 0.95% or 95%? (As 0.95% it gave 90% full
    marks.) Two small rates (0.5 and 0.3%) are read as typed, as in a workbook's 度量单位."""
    try:
        _refuse_a_fraction(actual, actual_unit, value, None, units, "target")
    except ValueProblem as exc:
        shown, hundred = format_decimal(value), format_decimal(value * 100)
        # the fraction in the unit given (0.005 as a fraction is 0.5 %, value = 5 in ‰)
        in_unit = format_decimal(units.convert(value * 100, PERCENT, unit) or value * 100)
        raise ValueProblem(
            _(
                "the target's value {value} is given without a unit, and its unit {unit} apart, "
                "against the actual value {actual}: is it {value}{unit} or {percent}%?"
            ).format(
                value=shown,
                unit=unit,
                actual=f"{format_decimal(actual)}{actual_unit or ''}",
                percent=hundred,
            ),
            _(
                "give value = {percent} if {value} is a fraction; if it is meant in {unit}, "
                'write the target as text: "{text}"'
            ).format(percent=in_unit, value=shown, unit=unit, text=f"{op or ''}{shown}{unit}"),
            code=exc.code,
            field="target",
        ) from None


def _nearer_as_a_fraction(size: Decimal, as_written: Decimal, aim: Decimal) -> bool:
    """Whether ``size`` read as a fraction (× 100 %) is nearer ``aim`` (in %, above 0) than
    ``as_written`` (``size`` in the target's unit, in %), by how many times it is off."""
    if aim == 0:  # 0 % is as far from both
        return False
    return _times_off(size * 100, aim) <= _times_off(as_written, aim)


def _times_off(value: Decimal, aim: Decimal) -> Decimal:
    """How many times ``value`` (above 0) is off ``aim`` (above 0): 1 when equal."""
    return value / aim if value >= aim else aim / value


def _refuse_a_fraction(value, unit, bare, bare_unit, units, field: str) -> None:
    """``bare`` (no unit) against ``value`` in %: a fraction or a percentage? Ambiguous when
    its size is in (0, 1] against 1 % or more, or in (1, 2) against 50 % or more (1.02 for
    102%, where 1.02% would be a collapse no unit reports by a bare figure); against less than
    1 % (``≤5‰``, ``≤0.5%``), when read as a fraction it is nearer the target than read in the
    target's unit (0.006 against ``≤5‰``: 6‰, or 0.006‰?)."""
    if bare_unit is not None or unit is None or units.family(unit) != "percent":
        return
    size, aim = abs(bare), abs(units.convert(value, unit, PERCENT))
    if not (
        (0 < size <= 1 and aim >= 1)
        or (1 < size < 2 and aim >= 50)
        or (0 < size <= 1 and _nearer_as_a_fraction(size, units.convert(size, unit, PERCENT), aim))
    ):
        return
    shown = format_decimal(bare)
    hundred = format_decimal(bare * 100)
    raise ValueProblem(
        _(
            "{label} {value} is a bare number against a percentage: {value}{unit} or {percent}%?"
        ).format(label=_field_label(field), value=shown, unit=unit, percent=hundred),
        _(
            "write {percent}% if {value} is a fraction, or {value}{unit} if it is meant in {unit}"
        ).format(value=shown, unit=unit, percent=hundred),
        code="percent-ambiguous",
        field=field,
    )
