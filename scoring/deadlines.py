"""Time targets (时效): deadlines and time limits, a grammar of their own.

A 时效指标 is not a quantity: ``6月底前`` against ``5月底前`` is early, not 5/6 of the target, and
``12月底前`` against ``12月`` is on time, not a unit error. So a target that names a point of the
calendar or a time limit is read here, never as a number:

- by a date: ``6月``, ``6月前``, ``6月底前``, ``6月15日前``, ``2024年3月31日前``, ``年底前``,
  ``年内``, ``上半年``, ``三季度末前``, ``次年3月底前``, ``2024-06-30前``, with ``于/在/截至`` in
  front and a few words after allowed (``12月底前完成``);
- within a time: ``3个月内``, ``三个月内``, ``30天内``, ``30个自然日内``, ``10个工作日内`` (also
  ``以内``/``之内``), after what starts the clock (``收到资金后30日内``), or a duration behind ≤
  or < (``≤10个工作日``; ``<10个工作日`` is not met by 10).

An actual is a stretch of the calendar (``5月``, ``5月底``, ``2024年5月20日``, ``2024-05-20``,
``一季度``, ``年底``), a duration (``2个月``, ``45天``), or ahead of time (``提前1个月完成``);
words (``按时完成``, ``延期完成``) are read by the rule set's tiers, not here.

How a reading is settled:

- ``D日前`` is *by day D*, and ``X月底前`` (``末``) *by the end of month X*: one day each.
- ``X月前`` (``之前``, ``以前``; ``7月份前``, ``2023年7月前``, ``7月中旬前``, ``三季度前``: a
  stretch without a day or an end, then 前) has two readings, *before month X began* and *by its
  end* (``7月前``: by 6月30日, or by 7月31日). The row is scored where both give the same
  result, and its reading says so; where they differ (``7月15日``: late by one, on time by the
  other) the target is refused with both deadlines as the fix. In an actual, ``7月前`` is
  read the same two ways, and alike in both values of a row (``6月前`` against ``6月前``).
- A target with ``后`` (``6月后开工``) names no time to be done by, and one written as about a
  date (``6月底前后``, ``6月30日左右``) no day: both are refused, not read as ``…前``.
- A month, quarter or year without a day stands for all its days: ``5月`` is on time for
  ``6月前`` and late for ``4月底前``; against ``5月15日前`` it could be either, and is refused.
- The year is the evaluation's unless written (``2024年…``, or ``次年…`` for the year after).
- A duration converts only within its family of the unit table: days and weeks, months and
  years, working days alone.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from itertools import pairwise
from typing import NoReturn

from .i18n import _
from .values import (
    EQ,
    GE,
    GT,
    LE,
    LT,
    SENTENCE_END,
    ValueProblem,
    _leading_op,
    _trailing_op,
    format_decimal,
    normalise,
    parse_quantity,
    refuse_a_time_of_day,
)

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _number(text: str) -> int:
    """``6``, ``06``, ``六``, ``十二``, ``二十一`` as an int."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN[text]
    tens, _, ones = text.partition("十")
    return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)


_N = r"(?:\d{1,2}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
_PREFIX = (
    r"(?:已经|已于|已在|已|于|在|截至|截止|延期至|延期到|推迟至|推迟到|延至|至|到|按期|按时|计划"
    r"|力争|须|应)?"
)
_YEAR = r"(?:(?P<next>次年|翌年|下一?年度?)|(?P<y>(?:19|20)\d{2})年度?)?"
_PERIOD = (
    r"(?:(?P<m>" + _N + r")月份?(?:(?P<d>" + _N + r")[日号]|(?P<part>底|末|上旬|中旬|下旬|初|中))?"
    r"|第?(?P<q>[一二三四1-4])季度(?:末|底)?"
    r"|(?P<half>[上下])半年(?:末|底)?"
    r"|(?P<ye>年底|年末|年内|年度内|本年度内|本年内|本年度|当年内|当年|全年|底|末|内))"
)
_ISO = (
    r"(?P<iy>(?:19|20)\d{2})(?P<sep>[-./])(?P<im>\d{1,2})(?:(?P=sep)(?P<id>\d{1,2}))?"
    r"(?:T[\d:.]++)?"
)
_MARK = r"(?P<mark>之前|以前|前|之内|以内|内)?"
# After the date: a few words (完成, 完成验收), no figure ("6月底前完成50%" is no deadline) and
# no sign ("1969.01%" is a percentage).
_TAIL = r"(?P<tail>(?:[\u4e00-\u9fff][^\d,，.。;；]{0,11})?)"
_DATE = re.compile(rf"{_PREFIX}(?P<date>{_ISO}|{_YEAR}{_PERIOD}){_MARK}{_TAIL}")
_WHOLE_YEAR = re.compile(rf"{_PREFIX}(?P<date>(?P<y>(?:19|20)\d{{2}})年度?){_MARK}{_TAIL}")
# A length of time: a figure and a unit of time, or up to three of them from the largest down
# (1小时30分钟, 2天12小时, 1年零3个月), with a half written out (1个半月, 1天半, 半小时). A limit may follow
# what starts the clock: 收到资金后30日内, 合同签订后15个工作日内.
_AMOUNT = r"\d++(?:\.\d++)?+|" + _N
_UNIT_OF_TIME = (
    r"个工作日|工作日|个自然日|自然日|日历天|日历日|个月|个小时|小时|分钟|秒|天|日|周|星期|年"
)
_HALVED = r"月|小时|工作日|天|日|年|周|分钟"  # 半个月, 1个半小时
_PART = (
    rf"(?P<n>{_AMOUNT})(?:个半(?P<halved>{_HALVED})|(?P<unit>{_UNIT_OF_TIME})(?P<half>半)?)"
    rf"|半个?(?P<alone>{_HALVED})"
)
_PARTS = re.compile(_PART)
_PART_UNNAMED = _PART
for _group in ("n", "halved", "unit", "half", "alone"):  # a name may appear once in a pattern
    _PART_UNNAMED = _PART_UNNAMED.replace(f"(?P<{_group}>", "(?:")
del _group
_LENGTH = re.compile(rf"(?:{_PART_UNNAMED})(?:零?(?:{_PART_UNNAMED})){{0,2}}+")  # 1年零3个月
_DURATION = re.compile(
    r"(?:[^\d]{1,12}?后)?(?P<time>" + _LENGTH.pattern + r")(?P<within>之内|以内|内)?" + _TAIL
)
HALF = Decimal("0.5")  # 半: half of the unit it is written with
# After a length of time: more than it (1年多, 3个月余, 2个月有余, 1天多).
_MORE_AFTER = ("有余", "多", "余")
_MORE_THAN_A_LENGTH = re.compile(
    r"(?P<time>" + _LENGTH.pattern + r")(?:" + "|".join(_MORE_AFTER) + ")" + _TAIL
)
_UNIT_FIRST = re.compile(rf"(?:{_UNIT_OF_TIME}|个?{_HALVED})")  # a tail that is a unit, not words
# Minutes after hours written short: 1小时30分, 1个小时零5分, 2h30min — never after 时 alone (8时30分 is a
# time of day) nor m (米).
_HOURS_AND_MINUTES = re.compile(
    r"(?P<hours>\d++(?:\.\d++)?+)(?:个?小时|hrs|hr|h)零?(?P<minutes>\d++)(?:分钟|分|mins|min)"
)
# Minutes before seconds written short: 1分30秒 — 分 alone is never minutes otherwise (30分 may be
# points).
_MINUTES_BEFORE_SECONDS = re.compile(r"(?<=\d)分(?=零?\d++(?:\.\d++)?+秒)")
# Every pattern here is matched whole (fullmatch) from one position; runs of digits are
# possessive (\d++), as what follows a number is never a digit nor a point: no shorter run is
# retried, and the time taken is linear in the text.
# Said not done: 6月底未完成, 3个月未开工, 截至12月31日仍未完工. A date or a time with these words
# is when it was still not done, not when it was done. Not a denial of anything else (未延期,
# 无延误 say it was on time).
_NOT_DONE = re.compile(
    r"(?:尚未|仍未|还未|未能|未|没有|没|不能|无法)(?:按期|按时|如期|全部|全面)?"
    r"(?:完成|完工|竣工|开工|实施|启动|验收|办结|到位|交付|投用|投入使用|上线|建成|达到|实现|落实)"
)
# Done ahead of time, by how much: 提前1个月完成, 提前10天.
_AHEAD = re.compile(r"提前(?:\d++(?:\.\d++)?+|" + _N + r")?[^\d]{0,6}")
# Done late, by how much: 延期1个月完成, 推迟10天. Without the amount (延期完成) it is words,
# for the tiers to read.
_DELAYED_TO = re.compile(r"(?:延期|推迟|延后|延迟)(?:至|到)")
_BEHIND = re.compile(
    r"(?:延期|推迟|延后|延迟|逾期|滞后)(?P<amount>\d++(?:\.\d++)?+|" + _N + r"|零)[^\d]{0,6}"
)
_NO_AMOUNT = re.compile(r"0+(?:\.0+)?|零")
_SPACES = re.compile(r"\s+")
_DIGITS_AND_POINTS = re.compile(r"[\d.]+")
_BARE_NUMBER = re.compile(r"\d++(?:\.\d++)?+")


@dataclass(frozen=True)
class Stretch:
    """The days of the calendar a text names: ``first`` to ``last`` as (month, day) of ``year``
    (None: the evaluation's year, plus ``offset`` — 1 for 次年). A ``last`` day of None is the
    month's last day, known once the year is."""

    year: int | None
    offset: int
    first: tuple[int, int]
    last: tuple[int, int | None]
    label: str

    def dates(self, evaluation_year: int) -> tuple[date, date]:
        """The first and last day, in the evaluation's year unless the text gave one.
        ValueProblem for a day that year does not have (2月29日 of 2023)."""
        year = self.year if self.year is not None else evaluation_year + self.offset
        month, day = self.last
        if day is not None and day > calendar.monthrange(year, month)[1]:
            raise ValueProblem(
                _("{day} is not a day of {year}").format(day=f"{month}月{day}日", year=year),
                _("write a day of that year, e.g. {month}月{last}日").format(
                    month=month, last=calendar.monthrange(year, month)[1]
                ),
            )
        return date(year, *self.first), date(
            year, month, day or calendar.monthrange(year, month)[1]
        )


@dataclass(frozen=True)
class Duration:
    """A length of time as written: ``3个月``, ``10个工作日``."""

    value: Decimal
    unit: str
    written: str = ""  # as written, when not value and unit (1小时30分钟 for 90分钟)

    @property
    def label(self) -> str:
        return self.written or f"{format_decimal(self.value)}{self.unit}"


@dataclass(frozen=True)
class Deadline:
    """A time target: by a date (``by``) or within a time (``within``; ``strict`` for a limit
    written with <, which the limit itself does not meet). ``period``: the stretch as written
    when the target is one without a day or an end before 前 (``7月`` of ``7月前``), which reads
    two ways — before it began, or by its end (``by``'s last day); ``written``, the target then."""

    by: Stretch | None = None
    within: Duration | None = None
    strict: bool = False
    period: str = ""
    written: str = ""

    def dues(self, year: int) -> list[date]:
        """The last day on time by each reading of a date target, the earlier first: one day,
        or two for a ``period`` (7月前: 6月30日 and 7月31日) — unless the period begins the
        evaluation's ``year`` or earlier (1月前, 上半年前, 2023年前 in 2023): before it began
        would be before the year the table is for, no deadline of that year's work, so it is
        read by its end alone."""
        assert self.by is not None
        first, last = self.by.dates(year)
        if self.period and first > date(year, 1, 1):
            return [first - timedelta(days=1), last]
        return [last]

    @property
    def label(self) -> str:
        if self.by is not None:
            return f"{self.by.label}前"
        assert self.within is not None
        return f"{self.within.label}内"


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


def stretch_of(text: str) -> Stretch | None:
    """The stretch of the calendar ``text`` (normalised) names, or None. ValueProblem for a
    month or a day the calendar does not have (2月30日前, 13月, 2023-06-31)."""
    text = _compact(text)
    match = _DATE.fullmatch(text) or _WHOLE_YEAR.fullmatch(text)
    if match is None:
        return None
    g = match.groupdict()
    year = int(g.get("y") or g.get("iy") or 0) or None
    offset = 1 if g.get("next") else 0
    if g.get("iy"):
        if g["sep"] == "." and not g["id"] and not g["mark"]:
            # 2023.06 is a number; a date with dots has its day (2023.6.30) or says it is a
            # date (2024.6前)
            return None
        month, day = int(g["im"]), int(g["id"]) if g["id"] else None
        return _month_or_day(year, offset, month, day, None) or _not_in_calendar(text, month)
    if g.get("m"):
        month, day = _number(g["m"]), _number(g["d"]) if g["d"] else None
        return _month_or_day(year, offset, month, day, g["part"]) or _not_in_calendar(text, month)
    if g.get("q"):
        q = _number(g["q"])
        return Stretch(year, offset, (q * 3 - 2, 1), (q * 3, None), f"第{q}季度")
    if g.get("half"):
        first, last = (1, 6) if g["half"] == "上" else (7, 12)
        return Stretch(year, offset, (first, 1), (last, None), f"{g['half']}半年")
    if g.get("ye") in ("底", "末", "内") and year is None and not offset:
        return None  # 底, 内 alone name no date
    label = f"{year}年" if year else ("次年" if offset else "")
    if g.get("ye") in ("年底", "年末", "底", "末"):  # the end of the year: December
        return Stretch(year, offset, (12, 1), (12, None), f"{label or '年'}底")
    # 年内, 全年, 2024年: the whole year
    return Stretch(year, offset, (1, 1), (12, None), f"{label}全年" if label else "全年")


def _not_in_calendar(text: str, month: int) -> NoReturn:
    """A date the grammar reads whose month or day the calendar does not have: read as words,
    it would take any tier word."""
    last = f"{month}月{calendar.monthrange(2001, month)[1]}日" if 1 <= month <= 12 else "12月31日"
    raise ValueProblem(
        _("{value} is not a date of the calendar").format(value=repr(text)),
        _("write a day the calendar has, e.g. {day}").format(day=last),
    )


def _month_or_day(year, offset, month, day, part) -> Stretch | None:
    if not 1 <= month <= 12:
        return None
    label = f"{year}年{month}月" if year else f"{'次年' if offset else ''}{month}月"
    if day is not None:
        if not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
            return None
        return Stretch(year, offset, (month, day), (month, day), f"{label}{day}日")
    first, last = {
        "上旬": ((month, 1), (month, 10)),
        "初": ((month, 1), (month, 10)),
        "中旬": ((month, 11), (month, 20)),
        "中": ((month, 11), (month, 20)),
        "下旬": ((month, 21), (month, None)),
    }.get(part or "", ((month, 1), (month, None)))
    return Stretch(
        year, offset, first, last, label + (part if part in ("上旬", "中旬", "下旬") else "")
    )


def duration_of(text: str, *, limit: bool = False) -> Duration | None:
    """A length of time (``3个月``, ``10个工作日``, ``1个半月``, ``1小时30分钟``); with ``limit``,
    only one written as a limit (``3个月内``, ``30天以内``). One of several units (``1小时30分钟``)
    is the time in the smallest of them, by the standard table of units (90分钟), labelled as
    written; None when they are not from the largest down (``30分钟1小时``). ValueProblem for
    units that do not convert into one another (``3个月15天``: a month is not a whole number of
    days)."""
    match = _DURATION.fullmatch(_written_out(text))
    if match is None or (limit and not match.group("within")):
        return None
    if _UNIT_FIRST.match(match["tail"]):  # 1天半小时: 1天半 and an hour, or 1天 and half an hour?
        return None
    if match["tail"].startswith(_MORE_AFTER) and not match["within"]:
        return None  # 1年多, 3个月余: more than the length, no length (_more_than_a_time)
    parts = [_part(found) for found in _PARTS.finditer(match["time"])]
    if len(parts) == 1:
        written = match["time"] if "半" in match["time"] else ""
        return Duration(parts[0].value, parts[0].unit, written)
    return _one_length(parts, match["time"])


def length_of(text: str) -> Duration | None:
    """A length of time and nothing else, as :func:`duration_of` reads it (``1小时30分钟`` is 90
    分钟, ``1个半月`` 1.5个月), for a figure a number and a unit do not spell; None for any
    other text."""
    compact = _written_out(text)
    if _LENGTH.fullmatch(compact) is None:
        return None
    return duration_of(compact)


def _written_out(text: str) -> str:
    """``text`` without spaces, minutes after hours or before seconds written out (1小时30分,
    2h30min, 1分30秒 → 1小时30分钟, 2小时30分钟, 1分钟30秒)."""
    compact = _compact(text)
    if "h" in compact or "分" in compact:
        compact = _HOURS_AND_MINUTES.sub(r"\g<hours>小时\g<minutes>分钟", compact)
    if "秒" in compact:
        compact = _MINUTES_BEFORE_SECONDS.sub("分钟", compact)
    return compact


def _part(found: re.Match) -> Duration:
    """One figure and unit of time: 1个半月 is 1.5个月, 1天半 1.5天, 半小时 0.5小时."""
    unit = found["unit"] or found["halved"] or found["alone"]
    value = _amount(found["n"]) if found["n"] else Decimal(0)
    if found["half"] or found["halved"] or found["alone"]:
        value += HALF
    return Duration(value, "个月" if unit == "月" else unit)


def _amount(text: str) -> Decimal:
    return Decimal(text) if text[0].isdigit() else Decimal(_number(text))


def _one_length(parts: list[Duration], written: str) -> Duration | None:
    """The parts of a length of time (1小时, 30分钟) as one, in the smallest unit, labelled
    ``written``."""
    from .units import standard

    units = standard()
    smallest = parts[-1].unit
    for larger, part in pairwise(parts):
        if not _larger(units.convert(Decimal(1), larger.unit, part.unit)):
            if units.family(larger.unit) == units.family(part.unit):
                return None  # 30分钟1小时, 1小时1小时: no length is written so
            raise ValueProblem(
                _("{text} adds {unit} and {other}, which do not convert into one another").format(
                    text=repr(written), unit=larger.unit, other=part.unit
                ),
                _("write it in one unit, e.g. in {unit}").format(unit=smallest),
            )
    total = Decimal(0)
    for part in parts:  # each larger than the next: each converts into the smallest
        converted = units.convert(part.value, part.unit, smallest)
        assert converted is not None
        total += converted
    return Duration(total, smallest, written)


def _larger(factor: Decimal | None) -> bool:
    """Whether one of a unit is more than one of the next (a factor above 1)."""
    return factor is not None and factor > 1


def parse_deadline(text: str, op: str | None = None) -> Deadline | None:
    """The deadline a 年度指标值 (normalised) names, or None when it names none.

    ``op`` is a comparison read in front of the rest (``≤10个工作日``): a duration behind ≤ or
    < is a time limit; behind ≥ it is an amount of time, not a deadline."""
    if op is None:
        stretch = stretch_of(text)
        if stretch is not None:
            return _by(text, stretch)
        limit = duration_of(text, limit=True)
        return Deadline(within=limit) if limit else None
    if op in ("≤", "<"):
        limit = duration_of(text)
        return Deadline(within=limit, strict=op == "<") if limit else None
    return None


# 前 after a date, and the words that put a day done after it (6月30日后, 12月31日之后完成,
# 6月以后): the start of the words the date grammar lets follow a date.
_BEFORE = ("前", "之前", "以前")
_AFTER = re.compile("[之以]?后")
# Words that make a date or a time approximate (6月30日前后, 6月30日左右, 30天上下).
_APPROXIMATELY = re.compile("前后|左右|上下")


def _kind(match: re.Match) -> str:
    """What a date the grammar matched names: ``day`` (6月30日, 2024-06-30), ``end`` (7月底,
    三季度末, 年底: its last day), or ``period`` (7月, 7月中旬, 三季度, 2024年), which a 前 or a
    后 after it may take in or leave out."""
    found = match.groupdict()
    if found.get("d") or found.get("id"):
        return "day"
    return "end" if match["date"].endswith(("底", "末")) else "period"


def _by(text: str, stretch: Stretch) -> Deadline:
    """The deadline of a target that names ``stretch``: by its last day; two readings for a
    period before 前 (7月前). ValueProblem for a date with 后 (6月后开工: not a deadline to be
    done by) or about a date (6月底前后, 6月30日左右: no day), which read as …前 were wrong."""
    compact = _compact(text)
    match = _DATE.fullmatch(compact) or _WHOLE_YEAR.fullmatch(compact)
    assert match is not None  # stretch_of read it
    tail = match["tail"] or ""
    about = _APPROXIMATELY.match((match["mark"] or "") + tail)
    if about is not None:
        raise ValueProblem(
            _("年度指标值 {value} is approximate: it names no day to be done by").format(
                value=repr(text)
            ),
            _("write the deadline meant, e.g. {deadline}").format(
                deadline=_last_day_before(stretch)
            ),
        )
    if match["mark"] is None and _AFTER.match(tail):
        raise ValueProblem(
            _("年度指标值 {value} names a time after which, not a deadline to be done by").format(
                value=repr(text)
            ),
            _(
                "write the day it is to be done by, e.g. 12月31日前; a time it may not come "
                "before is no deadline: write the target in words"
            ),
        )
    if match["mark"] in _BEFORE and _kind(match) == "period":
        return Deadline(by=stretch, period=match["date"], written=compact)
    return Deadline(by=stretch)


def _last_day_before(stretch: Stretch) -> str:
    """``stretch``'s last day as a deadline is written (6月30日前, 9月底前, 次年3月底前)."""
    year = f"{stretch.year}年" if stretch.year else ("次年" if stretch.offset else "")
    month, day = stretch.last
    return f"{year}{month}月{day}日前" if day else f"{year}{month}月底前"


def _day(day: date, year: int) -> str:
    """A day as the form writes it, with its year when not the evaluation's (2024年1月31日)."""
    return (
        f"{day.year}年{day.month}月{day.day}日" if day.year != year else f"{day.month}月{day.day}日"
    )


def on_time_text(deadline: Deadline, year: int) -> str:
    """An actual that meets ``deadline`` exactly: its last day (by every reading), or its
    limit."""
    if deadline.by is not None:
        return _day(deadline.dues(year)[0], year)
    assert deadline.within is not None
    if deadline.strict:  # <30天: 29天; <1.5天: 1.4天 — a step of the limit's own precision
        limit = deadline.within.value
        exponent = limit.normalize().as_tuple().exponent
        step = Decimal(1).scaleb(exponent if isinstance(exponent, int) and exponent < 0 else 0)
        return f"{format_decimal(limit - step)}{deadline.within.unit}"
    return deadline.within.label


@dataclass(frozen=True)
class Timing:
    """An actual against its deadline: on time or not, and how it was read."""

    on_time: bool
    actual: str  # as read: "5月", "2个月"
    reading: str  # "actual 5月 (5月1日 to 5月31日), not later than 6月30日"


class Readings:
    """How an actual reads against its deadline, in the interface's language: each wording
    translated the first time it is used, once for the rows of an evaluation (its scoring keeps
    one), not once for each row."""

    @cached_property
    def ahead(self) -> str:
        return _("actual “{actual}”, ahead of the deadline")

    @cached_property
    def behind(self) -> str:
        return _("actual “{actual}”, behind the deadline")

    @cached_property
    def no_delay(self) -> str:
        return _("actual “{actual}”, no delay")

    @cached_property
    def not_later(self) -> str:
        return _("actual {actual}, not later than {due}")

    @cached_property
    def later(self) -> str:
        return _("actual {actual}, later than {due}")

    @cached_property
    def span(self) -> str:
        return _("{stretch} ({first} to {last})")

    @cached_property
    def either(self) -> str:
        return _(
            "{reading} (年度指标值 {target} read as by {early} or by {late}: the same either way)"
        )

    @cached_property
    def either_alike(self) -> str:
        return _(
            "{reading} (年度指标值 {target} read as by {early} or by {late}, and 实际完成值 "
            "{actual} alike: the same either way)"
        )

    @cached_property
    def converted(self) -> str:
        return _("{taken} ({converted})")

    @cached_property
    def within(self) -> str:
        return _("took {taken}, within {limit}")

    @cached_property
    def not_under(self) -> str:
        return _("took {taken}, not less than {limit}")

    @cached_property
    def over(self) -> str:
        return _("took {taken}, over {limit}")


def judge(
    deadline: Deadline, actual, year: int, units, readings: Readings | None = None
) -> Timing | None:
    """Whether ``actual`` (text or a number, as filed) meets ``deadline``; None when the actual
    is words for the tiers to read. ValueProblem when it cannot be compared. ``readings``: the
    words of the reading, when the caller has them translated already."""
    text = actual if isinstance(actual, str) else format_decimal(actual)
    # an op written in an actual (≤12天, 超过30天) is not its value, nor the full stop of a
    # sentence (5月。); it makes the time a bound of the time taken, judged as one
    written = normalise(text).rstrip(SENTENCE_END)
    bound, text = _leading_op(written)
    bound = bound or _trailing_op(text)[0]  # 30天以上, 30天以内
    if readings is None:
        readings = Readings()
    _refuse_not_done(text, deadline)
    _refuse_an_approximate_time(text)
    if _AHEAD.fullmatch(_compact(text)):
        return Timing(True, text, readings.ahead.format(actual=text))
    behind = _BEHIND.fullmatch(_compact(text))
    if behind and _NO_AMOUNT.fullmatch(behind["amount"]):  # 延期0天: no delay
        return Timing(True, text, readings.no_delay.format(actual=text))
    if behind or (deadline.within is not None and _DELAYED_TO.match(_compact(text))):
        # 延期10天; against a time limit, 延期至8月完成 says late without how long it took
        return Timing(False, text, readings.behind.format(actual=text))
    if deadline.by is not None:
        return _by_date(deadline, text, year, readings, bound)
    assert deadline.within is not None
    if bound == EQ:
        bound = None  # =30天 is the figure itself
    return _within(deadline.within, text, units, readings, deadline.strict, (bound, written))


def _refuse_an_approximate_time(text: str) -> None:
    """A date or a time done written as approximate (6月30日前后: around 30 June): it may be
    either side of the deadline, and read without its word — 前后 as 前 — it was on time."""
    found = _APPROXIMATELY.search(_compact(text))
    if found is None:
        return
    before = _compact(text)[: found.start()]
    if stretch_of(before) is None and duration_of(before) is None:
        return  # words for the tiers to read
    raise ValueProblem(
        _("实际完成值 {text} is approximate: it may be either side of the deadline").format(
            text=repr(text)
        ),
        _("write the day it was done, or how long it took, without {word}").format(
            word=found.group()
        ),
    )


def _refuse_not_done(text: str, deadline: Deadline) -> None:
    """A 实际完成值 with a date or a time that says the work was not done (6月底未完成): read
    by its date it would be on time. Whether it was done late, in part or not at all is the
    evaluator's to say, with a tier word or the date it was done."""
    found = _NOT_DONE.search(_compact(text))
    if found is None:
        return
    before = found.string[: found.start()]
    if stretch_of(before) is None and duration_of(before) is None:
        return  # 未完成 alone is a tier word, for the tiers to read
    if deadline.within is not None:
        fix = _(
            "write the tier the evaluator judges (未达成, or 部分达成 when it was done late or "
            "in part), or how long it took, e.g. {example}"
        ).format(example=deadline.within.label)
    else:
        fix = _(
            "write the tier the evaluator judges (未达成, or 部分达成 when it was done late or "
            "in part), or the date it was done, e.g. {example}"
        ).format(example=deadline.label.removesuffix("前"))
    raise ValueProblem(
        _("实际完成值 {text} says it was not done by then, not when it was done").format(
            text=repr(text)
        ),
        fix,
    )


_DATE_LIKE = re.compile(r"(?:(?:19|20)\d{2}[年.\-/])?\d{1,2}[月.\-/]\d{1,2}[日号]?.{0,12}")


# A year and a month with a dot (2024.8): a number anywhere else, a month against a date. Not
# 2024.1: a cell typed 2024.10 holds the number 2024.1, and January and October read alike.
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\.(0[1-9]|1[0-2]|[2-9])")


def _by_date(
    deadline: Deadline, text: str, year: int, readings: Readings, bound: str | None = None
) -> Timing | None:
    """Whether the date ``text`` says the work was done is by the last day of ``deadline``'s
    date, by each of its readings (7月前: 6月30日 and 7月31日). A word or a sign after or
    before the date makes it a bound of that day (``bound``: the sign written before it):
    6月30日后 and >6月30日 are after that day, 6月30日以后 and ≥6月 from it on, 7月后 and
    7月以后 from July's first day (after it began, or after it ended), 7月底后 after its last;
    6月30日前, 7月底前 and ≤7月 on or before the last day, 7月前 before July began or by its
    end (read as the target's 前 is), <7月1日 before it. Judged where every reading settles it
    alike, said so where the target reads two ways; refused where a reading leaves the day
    either side (the actual), or the target's readings differ (the target)."""
    try:
        dues = deadline.dues(year)
    except ValueProblem as exc:  # 2月29日前 in 2023: the target's day, not the actual's
        exc.field = "target"
        raise
    due = dues[-1]
    dotted = _YEAR_MONTH.fullmatch(_compact(text))
    if dotted is not None:
        text = f"{dotted[1]}年{int(dotted[2])}月"
    stretch = stretch_of(text)
    if stretch is None:
        if _DATE_LIKE.fullmatch(_compact(text)):
            raise ValueProblem(
                _("实际完成值 {text} is not a date of the calendar").format(text=repr(text)),
                _("write the day it was done as it was, e.g. {day}").format(
                    day=f"{due.month}月{due.day}日"
                ),
            )
        if duration_of(text) is not None or _DIGITS_AND_POINTS.fullmatch(_compact(text)):
            raise ValueProblem(
                _("实际完成值 {text} is not a date, and the target is one (by {day})").format(
                    text=repr(text), day=f"{due.month}月{due.day}日"
                ),
                _("write when it was done, e.g. {month} or {day}").format(
                    month=f"{due.month}月", day=f"{due.month}月{due.day}日"
                ),
            )
        return None
    if stretch.year is None and not stretch.offset and due.year != year:
        raise ValueProblem(
            _(
                "实际完成值 {text} gives no year, and the deadline {due} is not in the "
                "evaluation's year {year}"
            ).format(text=repr(text), due=f"{due.year}年{due.month}月{due.day}日", year=year),
            _("write the year: {one} or {other}").format(
                one=f"{due.year}年{stretch.label}", other=f"{year}年{stretch.label}"
            ),
        )
    first, last = stretch.dates(year)
    shown = _span(stretch, first, last, readings)
    spans, period = [(first, last)], ""
    side = _side(_compact(text), bound)
    if side is not None:  # 6月30日后, 7月前: a bound of the day done, which it does not give
        word, later, held, kind, written = side
        if kind == "end" and later:  # 7月底后, 7月底以后: after its last day, or from it
            first, shown = last, _day(last, year)
        if later:  # 以后 and ≥ hold the day (6月30日以后: from it on); 后 and > do not
            if kind == "period":  # 7月后, 7月以后: after July began, or after it ended
                spans = [(first, date.max)]
            else:
                spans = [(first if held else last + timedelta(days=1), date.max)]
        elif kind == "period" and word in _BEFORE:  # 7月前: before July began, or by its end
            spans, period = [(date.min, first - timedelta(days=1)), (date.min, last)], written
        else:  # 前 and ≤ hold the day (7月10日前, 7月底前: by it); < does not
            spans = [(date.min, last if held else first - timedelta(days=1))]
        shown = word + shown if word == bound else shown + word  # ≥6月30日, 6月30日后
    # each reading of the target, with the actual's own: the same reading in both values
    # (7月前 against 7月前), or each against each where one of them has one reading
    if len(dues) == len(spans):
        pairs = list(zip(spans, dues, strict=True))
    else:
        pairs = [(span, day) for day in dues for span in spans]
    verdicts = [_on_time(span, day) for span, day in pairs]
    if None in verdicts:
        span, day = pairs[verdicts.index(None)]
        raise _either_side(deadline, (text, shown, period), spans, span, day, year)
    if verdicts[0] != verdicts[-1]:  # late by 7月前 read as before July, on time by its end
        raise _target_reads_two_ways(deadline, text, dues, year)
    if verdicts[0]:
        day = dues[0] if len(dues) > len(spans) else dues[-1]  # what binds: 6月30日 for 7月前
        reading = readings.not_later.format(actual=shown, due=_day(day, year))
    else:
        reading = readings.later.format(actual=shown, due=_day(due, year))
    if len(dues) > 1:
        early, late = (_day(d, year) for d in dues)
        if len(spans) > 1:
            reading = readings.either_alike.format(
                reading=reading,
                target=repr(deadline.written),
                early=early,
                late=late,
                actual=repr(text),
            )
        else:
            reading = readings.either.format(
                reading=reading, target=repr(deadline.written), early=early, late=late
            )
    return Timing(bool(verdicts[0]), stretch.label, reading)


def _on_time(span: tuple[date, date], due: date) -> bool | None:
    """Whether every day of ``span`` is by ``due`` (True), none is (False), or some are."""
    if span[1] <= due:
        return True
    if span[0] > due:
        return False
    return None


def _either_side(
    deadline: Deadline,
    done: tuple[str, str, str],
    spans: list[tuple[date, date]],
    span: tuple[date, date],
    day: date,
    year: int,
) -> ValueProblem:
    """The refusal of an actual (``done``: as written, as shown, its period when it reads two
    ways; ``spans``, the days of each reading) that the reading ``span`` leaves either side of
    the deadline ``day``."""
    text, shown, period = done
    due_label = _day(day, year)
    if deadline.period:  # 6月30日, a reading of 7月前 the actual does not settle
        due_label = _("{due} (a reading of 年度指标值 {target})").format(
            due=due_label, target=repr(deadline.written)
        )
    if period:  # 7月前完成: before July, or by its end
        early, late = (_day(last, year) for _first, last in spans)
        problem = _(
            "实际完成值 {text} may mean before {period} began (by {early}) or by its end (by "
            "{late}), and may be before or after the deadline {due}"
        ).format(text=repr(text), period=period, early=early, late=late, due=due_label)
        example = spans[0][1]  # a day both readings allow: 6月30日 for 7月前
    else:
        problem = _("实际完成值 {text} ({shown}) may be before or after the deadline {due}").format(
            text=repr(text), shown=shown, due=due_label
        )
        example = span[0] if span[0] != date.min else span[1]  # a day the text allows
    return ValueProblem(
        problem,
        _("write the day it was done, e.g. {day}").format(day=f"{example.month}月{example.day}日"),
    )


def _target_reads_two_ways(deadline: Deadline, text: str, dues: list[date], year: int):
    """The refusal of a target whose two readings (7月前: before July, or by its end) judge
    the actual differently: late by one, on time by the other."""
    early, late = (_day(day, year) for day in dues)
    problem = ValueProblem(
        _(
            "年度指标值 {target} may mean before {period} began (by {early}) or by its end (by "
            "{late}): 实际完成值 {actual} is late by the first and on time by the second"
        ).format(
            target=repr(deadline.written),
            period=deadline.period,
            early=early,
            late=late,
            actual=repr(text),
        ),
        _("write the deadline meant: {one} or {other}").format(one=f"{early}前", other=f"{late}前"),
    )
    problem.field = "target"
    return problem


# A converted time is shown to this many places, and said to be rounded when it had more
# (10天 is ≈1.43周, not 1.428571428571428571428571429周): the comparison uses it exact.
_SHOWN_PLACES = Decimal("0.01")


def _shown(value: Decimal, unit: str) -> str:
    """A time converted into ``unit``, as the explanation shows it."""
    rounded = value.quantize(_SHOWN_PLACES, ROUND_HALF_UP)
    if rounded == value:
        return f"{format_decimal(value)}{unit}"
    return f"≈{format_decimal(rounded)}{unit}"


def _more_than_a_time(
    text: str, limit: Duration, units
) -> tuple[Decimal, tuple[Decimal, str] | None] | None:
    """A time written as more than a figure — 30多天, 30余天, 2个多月 (多 before the unit), 1年多,
    3个月余, 2个月有余 (after it) — as (the figure in the limit's unit, and the figure it stays
    under: in the limit's unit and as written, 40天; or None); None for anything else. As the
    words are used, a whole figure with 多 or 余 before the unit stays under the next step of its
    last digit (30多天 is 31 to 39 days, under 40; 2个多月 under 3个月; 1200余 under 1300), one
    with 多 after the unit under one more of it (30天多 under 31天, 1年多 under 2年, 半年多 under
    1年); a fraction before the unit (1.5多天) gives no step: more than it, nothing more said."""
    compact = _compact(text)
    after = _MORE_THAN_A_LENGTH.fullmatch(compact)
    if after is not None:
        parts = [_part(found) for found in _PARTS.finditer(after["time"])]
        if len(parts) != 1:
            return None
        figure, unit = parts[0].value, parts[0].unit
        # 多 after the unit is a part of one more of it: 30天多 under 31天, 1年多 under 2年,
        # 半年多 under 1年
        step: Decimal | None = HALF if "半" in after["time"] else Decimal(1)
    else:
        try:
            quantity = parse_quantity(text)
        except ValueProblem:
            return None
        if quantity is None or quantity.unit is None or quantity.bound != GT:
            return None
        figure, unit = quantity.value, quantity.unit
        step = _next_step(figure)  # 30多天: under 40天
    value = units.convert(figure, unit, limit.unit)
    if value is None:
        return None
    if step is None:
        return value, None
    under = figure + step
    converted = units.convert(under, unit, limit.unit)
    return value, None if converted is None else (converted, f"{format_decimal(under)}{unit}")


def _next_step(figure: Decimal) -> Decimal | None:
    """The step of a whole figure's last digit that is not 0 (30 → 10, 2 → 1, 1200 → 100);
    None for 0 or a figure with a fraction."""
    if figure <= 0 or figure != figure.to_integral_value():
        return None
    digits = str(int(figure))
    return Decimal(10) ** (len(digits) - len(digits.rstrip("0")))


def _in_a_unit_of_time(text: str, limit: Duration, units) -> Duration | None:
    """A time the grammar of durations does not spell, in a unit the table converts to the
    limit's (``90min``, ``1.5h``); None for anything else."""
    try:
        quantity = parse_quantity(text)
    except ValueProblem:
        return None
    if quantity is None or quantity.unit is None or quantity.bound is not None:
        return None  # 30多天: more than 30 days, no time taken (the grammar reads no 多)
    if units.convert(quantity.value, quantity.unit, limit.unit) is None:
        return None
    return Duration(quantity.value, quantity.unit)


def _span(stretch: Stretch, first: date, last: date, readings: Readings) -> str:
    if first == last:
        return stretch.label
    # the days in the form's notation, as a deadline is written (5月1日)
    return readings.span.format(
        stretch=stretch.label,
        first=f"{first.month}月{first.day}日",
        last=f"{last.month}月{last.day}日",
    )


def _side(text: str, bound: str | None) -> tuple[str, bool, bool, str, str] | None:
    """The bound a date done is written as: (the words shown, later, the date itself held,
    what the date is — a ``day``, an ``end`` or a ``period``, as :func:`_kind` says, or "" for a
    sign —, the date as written) — from the words after it (6月30日后完成: later, not held;
    6月以后: later, held; 7月10日前完成: earlier, held, as a target's 前 holds its day) or a
    sign before it (≥6月30日: later, held; <7月1日: earlier, not held); None for a date
    itself."""
    match = _DATE.fullmatch(text) or _WHOLE_YEAR.fullmatch(text)
    if match is not None and match["mark"] in _BEFORE:
        return match["mark"], False, True, _kind(match), match["date"]
    after = _AFTER.match(match["tail"] or "") if match is not None else None
    if match is not None and after is not None:
        word = after.group()
        return word, True, word == "以后", _kind(match), match["date"]
    if bound in (GT, GE):
        return bound, True, bound == GE, "", ""
    if bound in (LT, LE):
        return bound, False, bound == LE, "", ""
    return None


def _within(
    limit: Duration,
    text: str,
    units,
    readings: Readings,
    strict: bool = False,
    bound: tuple[str | None, str] = (None, ""),
) -> Timing | None:
    """Whether the time ``text`` says was taken is within ``limit`` (``strict``: under it).
    ``bound``: the comparison written with the time (超过30天: ``>``) and the text as written,
    which make it a bound of the time taken (:func:`_a_bound_of_time`)."""
    taken = duration_of(text)
    if taken is None:
        bare = _BARE_NUMBER.fullmatch(_compact(text))
        if bare:
            taken = Duration(
                Decimal(bare.group()), limit.unit
            )  # a bare number takes the target's unit
        elif stretch_of(text) is not None:
            raise ValueProblem(
                _("实际完成值 {text} is a date, and the target {limit}内 is a time limit").format(
                    text=repr(text), limit=limit.label
                ),
                _("write how long it took, e.g. {limit}").format(limit=limit.label),
            )
        else:
            refuse_a_time_of_day(_compact(text), text)  # 1:12: 72 minutes, or a time of day?
            more = _more_than_a_time(text, limit, units)
            if more is not None:  # 30多天: more than 30 days, as 超过30天 is, and under 40
                return _a_bound_of_time(GT, text, more[0], limit, strict, readings, more[1])
            taken = _in_a_unit_of_time(text, limit, units)
            if taken is None:
                return None
    value = units.convert(taken.value, taken.unit, limit.unit)
    if value is None:
        raise ValueProblem(
            _(
                "the target is in {unit}, the actual {actual} in {other}: they do not convert"
            ).format(unit=limit.unit, actual=taken.label, other=taken.unit),
            _("write the actual in {unit}").format(unit=limit.unit),
        )
    if bound[0] is not None:
        return _a_bound_of_time(bound[0], bound[1], value, limit, strict, readings)
    shown = (
        taken.label
        if value == taken.value
        else readings.converted.format(taken=taken.label, converted=_shown(value, limit.unit))
    )
    if value < limit.value or (value == limit.value and not strict):
        on_time, reading = True, readings.within
    elif value == limit.value:
        on_time, reading = False, readings.not_under
    else:
        on_time, reading = False, readings.over
    return Timing(on_time, taken.label, reading.format(taken=shown, limit=limit.label))


def _a_bound_of_time(
    bound: str,
    written: str,
    value: Decimal,
    limit: Duration,
    strict: bool,
    readings: Readings,
    under: tuple[Decimal, str] | None = None,
) -> Timing:
    """A time taken written as a bound (超过30天 and 30天以上: ``bound`` > and ≥; 不超过20天:
    ≤), ``value`` its figure in the limit's unit: late where every time the bound allows is
    over the limit (超过30天 against 30天内), on time where every one is within it (不超过20天,
    or 30多天 against 45天内: ``under``, the figure a time written with 多 stays under, 40, is
    within, and the reading is said); refused where the bound leaves it open (≥20天 against
    30天内), as it gives no figure."""
    over = value > limit.value or (value == limit.value and strict)  # the figure itself late
    if (bound == GT and value >= limit.value) or (bound == GE and over):
        return Timing(False, written, readings.over.format(taken=written, limit=limit.label))
    if (bound == LT and value <= limit.value) or (bound == LE and not over):
        return Timing(True, written, readings.within.format(taken=written, limit=limit.label))
    if under is not None and under[0] <= limit.value:  # every time under it is within
        taken = _("{taken} (read as under {under})").format(taken=written, under=under[1])
        return Timing(True, written, readings.within.format(taken=taken, limit=limit.label))
    raise ValueProblem(
        _(
            "实际完成值 {text} gives a bound of the time taken, which may be within the limit "
            "{limit} or over it"
        ).format(text=repr(written), limit=limit.label),
        _("write how long it took, e.g. {limit}").format(limit=limit.label),
    )
