"""The time grammar (scoring.deadlines): which targets are deadlines, how actuals are read, and
when a comparison is refused. Scoring through the rule set is in tests/cases/time-*.toml."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from scoring.deadlines import (
    Duration,
    duration_of,
    judge,
    on_time_text,
    parse_deadline,
    stretch_of,
)
from scoring.units import standard
from scoring.values import ValueProblem, parse_target
from tests.conftest import CASES, case_evaluation

YEAR = 2023


def due(text: str) -> date:
    deadline = parse_deadline(text)
    assert deadline is not None and deadline.by is not None, text
    return deadline.by.dates(YEAR)[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6月底前", date(2023, 6, 30)),
        ("6月前", date(2023, 6, 30)),  # by the end of June: the later of its two readings
        ("6月", date(2023, 6, 30)),
        ("六月底前", date(2023, 6, 30)),
        ("十二月底前", date(2023, 12, 31)),
        ("12月前完成", date(2023, 12, 31)),
        ("12月底前完成验收", date(2023, 12, 31)),
        ("于6月15日前", date(2023, 6, 15)),
        ("2月底前", date(2023, 2, 28)),
        ("2024年2月底前", date(2024, 2, 29)),
        ("2023年3月31日前", date(2023, 3, 31)),
        ("2023-06-30前", date(2023, 6, 30)),
        ("2023.6.30前", date(2023, 6, 30)),
        ("2023.6前", date(2023, 6, 30)),  # a year and month with a dot, said to be a date by 前
        ("2023.12以前", date(2023, 12, 31)),
        ("年底前", date(2023, 12, 31)),
        ("年内", date(2023, 12, 31)),
        ("年内完成", date(2023, 12, 31)),
        ("2023年底前", date(2023, 12, 31)),
        ("2024年度内", date(2024, 12, 31)),
        ("上半年", date(2023, 6, 30)),
        ("下半年完成", date(2023, 12, 31)),
        ("三季度末前", date(2023, 9, 30)),
        ("第一季度", date(2023, 3, 31)),
        ("次年3月底前", date(2024, 3, 31)),
        ("6月中旬前", date(2023, 6, 20)),
        ("6月上旬", date(2023, 6, 10)),
        ("截至6月底", date(2023, 6, 30)),
    ],
)
def test_targets_that_name_a_date(text, expected):
    assert due(text) == expected
    target = parse_target(text)
    assert target.deadline is not None and target.value is None and not target.qualitative


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("3个月内", "3", "个月"),
        ("30天内", "30", "天"),
        ("30天以内", "30", "天"),
        ("10个工作日内", "10", "个工作日"),
        ("10个工作日内办结", "10", "个工作日"),
        ("2周之内", "2", "周"),
    ],
)
def test_targets_that_name_a_time_limit(text, value, unit):
    deadline = parse_deadline(text)
    assert deadline.within == Duration(Decimal(value), unit)


@pytest.mark.parametrize("text", ["≤10个工作日", "不超过30天", "<5天", "10天以内"])
def test_a_duration_behind_a_limit_sign_is_a_time_limit(text):
    assert parse_target(text).deadline.within is not None


@pytest.mark.parametrize(
    "text",
    [
        "≥180天",  # an amount of time: a quantity
        "365天",
        "3个月",  # a duration without 内 is an amount
        "≥95%",
        "6月底前完成50%",  # a figure after the date: not a deadline
        "效果明显",
        "按时完成",  # words: qualitative
        "100",
        "2023.06",  # a number: nothing says it is a date
    ],
)
def test_texts_that_are_no_deadline(text):
    assert parse_target(text).deadline is None


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("5月", date(2023, 5, 1), date(2023, 5, 31)),
        ("5月底", date(2023, 5, 1), date(2023, 5, 31)),
        ("5月底前", date(2023, 5, 1), date(2023, 5, 31)),
        ("5月份", date(2023, 5, 1), date(2023, 5, 31)),
        ("已于5月完成", date(2023, 5, 1), date(2023, 5, 31)),
        ("5月已完成", date(2023, 5, 1), date(2023, 5, 31)),
        ("5月20日", date(2023, 5, 20), date(2023, 5, 20)),
        ("2023年5月20日", date(2023, 5, 20), date(2023, 5, 20)),
        ("2023-05-20", date(2023, 5, 20), date(2023, 5, 20)),
        ("2023-05-20T00:00:00", date(2023, 5, 20), date(2023, 5, 20)),  # a date cell
        ("一季度", date(2023, 1, 1), date(2023, 3, 31)),
        ("年底", date(2023, 12, 1), date(2023, 12, 31)),  # the end of the year: December
        ("全年", date(2023, 1, 1), date(2023, 12, 31)),
        ("5月下旬", date(2023, 5, 21), date(2023, 5, 31)),
    ],
)
def test_actuals_are_stretches_of_the_calendar(text, first, last):
    assert stretch_of(text).dates(YEAR) == (first, last)


@pytest.mark.parametrize(
    ("target", "actual", "on_time"),
    [
        ("6月底前", "5月底前", True),  # early: not 5/6 of the target
        ("6月底前", "6月", True),
        ("6月底前", "7月", False),
        ("12月底前", "12月", True),  # not a unit error
        ("6月前", "5月", True),  # by 5月31日 or by 6月30日: on time by both
        ("4月底前", "5月", False),
        ("6月15日前", "6月10日", True),
        ("6月15日前", "6月16日", False),
        ("年底前", "12月", True),
        ("2023年3月31日前", "2023-03-31", True),
        ("2023年3月31日前", "2024年1月", False),
        ("上半年", "5月", True),
        ("三季度末前", "10月", False),
        ("3个月内", "2个月", True),
        ("3个月内", "3个月", True),
        ("3个月内", "4个月", False),
        ("1年内", "10个月", True),  # years and months convert
        ("30天内", "4周", True),  # weeks and days convert: 28 days
        ("30天内", "5周", False),
        ("10个工作日内", "12个工作日", False),
        ("10个工作日内", "8", True),  # a bare number takes the target's unit
        ("≤10个工作日", "≤8个工作日", True),  # a sign written in the actual is not its value
        ("2023.6前", "2023.8", False),  # against a date, a year and month with a dot is a month
        ("2023.6前", "2023.5", True),
        ("2023年12月前", "2023.10", True),
        # a time in several units, or with a half, on either side
        ("≤2小时", "1小时30分钟", True),
        ("≤1小时30分钟", "1小时", True),
        ("≤1小时30分钟", "90分钟", True),
        ("<1小时30分钟", "90分钟", False),  # the strict limit itself is not under it
        ("≤1小时30分钟", "1小时31分钟", False),
        ("1天半内", "36小时", True),
        ("1天半内", "2天", False),
        ("半个月内", "1个半月", False),
        ("≤1小时30分", "1小时20分", True),  # 分 after 小时: minutes
        ("≤2小时30分", "2h40min", False),
        ("≤1分30秒", "1分10秒", True),
        ("≤1分30秒", "2分钟", False),
    ],
)
def test_judged_on_time_or_late(target, actual, on_time):
    timing = judge(
        parse_deadline(target) or parse_target(target).deadline, actual, YEAR, standard()
    )
    assert timing is not None and timing.on_time is on_time, timing


@pytest.mark.parametrize(
    ("target", "actual", "words"),
    [
        ("5月15日前", "5月", "may be before or after"),  # a month straddling the day
        ("3个月内", "75天", "do not convert"),  # months are not a whole number of days
        ("10个工作日内", "12天", "do not convert"),
        ("6月底前", "2个月", "is not a date"),
        ("6月底前", "5", "is not a date"),
        ("3个月内", "5月", "is a date"),
        ("6月底前", "6月31日", "not a date of the calendar"),
        ("次年3月底前", "4月", "gives no year"),  # 4月 of which year?
    ],
)
def test_comparisons_that_cannot_be_made_are_refused(target, actual, words):
    with pytest.raises(ValueProblem) as raised:
        judge(parse_target(target).deadline, actual, YEAR, standard())
    assert words in str(raised.value) and raised.value.hint


@pytest.mark.parametrize("actual", ["按时完成", "延期完成", "已完成", "达成"])
def test_words_are_left_to_the_tiers(actual):
    assert judge(parse_deadline("6月底前"), actual, YEAR, standard()) is None


@pytest.mark.usefixtures("chinese")
def test_the_reading_says_how_the_actual_was_read():
    timing = judge(parse_deadline("6月底前"), "7月", YEAR, standard())
    assert timing.reading == "实际 7月（7月1日至7月31日），晚于 6月30日"
    timing = judge(parse_deadline("30天内"), "4周", YEAR, standard())
    assert timing.reading == "实际用时 4周（28天），未超过 30天"


def test_duration_of_reads_amounts_and_limits():
    assert duration_of("45天") == Duration(Decimal(45), "天")
    assert duration_of("45天", limit=True) is None
    assert duration_of("45天内", limit=True) == Duration(Decimal(45), "天")


@pytest.mark.parametrize(
    ("text", "value", "unit", "label"),
    [
        # several units from the largest down: the time in the smallest, labelled as written
        ("1小时30分钟", "90", "分钟", "1小时30分钟"),
        ("1小时30分钟内", "90", "分钟", "1小时30分钟"),
        ("2天12小时", "60", "小时", "2天12小时"),
        ("1年3个月", "15", "个月", "1年3个月"),
        ("1周3天", "10", "天", "1周3天"),
        ("1天2小时30分钟", "1590", "分钟", "1天2小时30分钟"),  # 1440 + 120 + 30
        ("1年零3个月", "15", "个月", "1年零3个月"),
        ("1小时零5分钟", "65", "分钟", "1小时5分钟"),
        ("1小时零5分", "65", "分钟", "1小时5分钟"),  # minutes written short: written out
        ("1个小时30分钟", "90", "分钟", "1小时30分钟"),
        ("1分30秒", "90", "秒", "1分钟30秒"),  # 分 before 秒: minutes
        ("1分零5秒", "65", "秒", "1分钟零5秒"),
        ("1小时30分20秒", "5420", "秒", "1小时30分钟20秒"),  # 3600 + 1800 + 20
        # a half written out
        ("1个半月", "1.5", "个月", "1个半月"),
        ("一个半小时", "1.5", "小时", "一个半小时"),
        ("1天半", "1.5", "天", "1天半"),
        ("半小时", "0.5", "小时", "半小时"),
        ("半个月内", "0.5", "个月", "半个月"),
        ("收到资金后1天半内", "1.5", "天", "1天半"),
        # one figure and unit: as before, labelled by its value
        ("45天", "45", "天", "45天"),
    ],
)
def test_a_length_in_several_units_or_with_a_half_is_one_time(text, value, unit, label):
    duration = duration_of(text)
    assert duration is not None
    assert (duration.value, duration.unit, duration.label) == (Decimal(value), unit, label)


@pytest.mark.parametrize(
    "text",
    [
        "30分钟1小时",
        "1小时1小时",
        "上半年",
        "下半年内",
        "8时30分",
        "2m30min",
        "1天半小时",
        "30分",
        "30分10",
    ],
)
def test_what_no_one_writes_for_a_length_is_none(text):
    assert duration_of(text) is None


def test_a_length_in_units_that_do_not_convert_is_refused():
    """3个月15天: a month is not a whole number of days; 10个工作日2天: working days are not
    calendar days."""
    for text in ("3个月15天", "10个工作日2天"):
        with pytest.raises(ValueProblem, match="do not convert") as raised:
            duration_of(text)
        assert "one unit" in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年度内", date(2023, 12, 31)),
        ("本年度内完成", date(2023, 12, 31)),
        ("当年", date(2023, 12, 31)),
    ],
)
def test_the_years_own_words(text, expected):
    assert due(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("三个月内", "3", "个月"),
        ("一周内", "1", "周"),
        ("30个自然日内", "30", "个自然日"),
        ("收到资金后30日内", "30", "日"),
        ("合同签订后15个工作日内", "15", "个工作日"),
    ],
)
def test_limits_as_units_write_them(text, value, unit):
    assert parse_deadline(text).within == Duration(Decimal(value), unit)


def test_a_strict_limit_is_not_met_by_the_limit():
    strict = parse_target("<30天").deadline
    assert judge(strict, "30天", YEAR, standard()).on_time is False
    assert judge(strict, "29天", YEAR, standard()).on_time is True
    assert judge(parse_target("≤30天").deadline, "30天", YEAR, standard()).on_time is True


@pytest.mark.parametrize("actual", ["提前1个月完成", "提前10天", "提前三天完成"])
def test_ahead_of_time_is_on_time(actual):
    assert judge(parse_deadline("6月底前"), actual, YEAR, standard()).on_time is True


@pytest.mark.parametrize("text", ["每月10日前", "次月10日前"])
def test_recurring_deadlines_are_words(text):
    """A deadline every month names no one date: the row is qualitative, answered in words."""
    assert parse_target(text).qualitative


@pytest.mark.parametrize("text", ["12.31前", "6.30前", "2024.6底前"])
def test_a_date_with_dots_the_grammar_does_not_read_is_refused(text):
    """12.31前 was read as the number 12.31 in a unit 前: 12.20 then scored 12.20 / 12.31 of the
    weight. Refused with the spellings that are read."""
    with pytest.raises(ValueProblem, match="date written with dots") as raised:
        parse_target(text)
    assert "12月31日前" in (raised.value.hint or "")


def test_a_year_and_month_one_is_not_read_as_january():
    """A cell typed 2023.10 holds the number 2023.1: January and October read alike, so 2023.1
    against a date is refused as no date, as before (2023.10 as text is October)."""
    with pytest.raises(ValueProblem, match="not a date"):
        judge(parse_target("2023年6月前").deadline, "2023.1", YEAR, standard())


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("年底前", "12月底未完成"),
        ("6月底前", "6月底前未完成"),
        ("6月底前", "5月未开工"),
        ("6月前", "截至12月31日仍未完成"),
        ("6月前", "8月尚未竣工"),
        ("3个月内", "3个月未完成"),
        ("≤30天", "30天未办结"),
    ],
)
def test_a_date_said_not_done_is_refused(target, actual):
    """Read by its date, 6月底未完成 was on time against 6月底前: full marks for work not done.
    Refused, with the tiers and the date as the fix."""
    with pytest.raises(ValueProblem, match="not done by then") as raised:
        judge(parse_target(target).deadline, actual, YEAR, standard())
    assert "未达成" in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("actual", "on_time"),
    [("未完成", None), ("6月完成", True), ("8月完成", False), ("6月底前完成，未延期", None)],
)
def test_not_done_alone_is_a_tier_and_a_denial_of_delay_is_no_refusal(actual, on_time):
    """未完成 alone is the tiers' to read (None: words); 未延期 denies a delay, not the work."""
    timing = judge(parse_deadline("6月底前"), actual, YEAR, standard())
    assert (None if timing is None else timing.on_time) == on_time


@pytest.mark.parametrize("actual", ["延期1个月完成", "推迟10天", "逾期三天完成", "滞后2周"])
def test_behind_by_an_amount_is_late(actual):
    """提前1个月完成 was on time and 延期1个月完成 refused: late by a stated amount is late."""
    timing = judge(parse_deadline("6月底前"), actual, YEAR, standard())
    assert timing is not None and timing.on_time is False


@pytest.mark.parametrize("actual", ["延期0天", "推迟0天完成", "延期零天"])
def test_behind_by_nothing_is_on_time(actual):
    timing = judge(parse_deadline("6月底前"), actual, YEAR, standard())
    assert timing is not None and timing.on_time is True


def test_behind_without_an_amount_is_the_tiers_to_read():
    assert judge(parse_deadline("6月底前"), "延期完成", YEAR, standard()) is None


@pytest.mark.parametrize(
    "target",
    [
        "2月30日前",
        "6月31日前",
        "13月前",
        "2023年2月29日前",
        "2023-02-29前",
        "2023/02/30前",
        "2023.2.30前",
        "于2023-02-29前完成",
        "次年2月30日前",
        "6月31日",
        "6月31日前完成验收",
    ],
)
def test_a_deadline_on_no_day_of_the_calendar_is_refused(target):
    """Read as words, 2月30日前 took any tier word (达成: full marks)."""
    with pytest.raises(ValueProblem, match="not a date of the calendar"):
        parse_target(target)


def test_29_february_in_a_year_that_has_none_is_refused_at_its_place():
    """2月29日前 has no year of its own: in an evaluation of 2023 it is no day — said at the
    target (it was an internal error); 2月29日 as the actual is said at the actual."""
    leap = parse_target("2月29日前").deadline
    assert judge(leap, "2月", 2024, standard()).on_time is True
    with pytest.raises(ValueProblem, match="not a day of 2023") as raised:
        judge(leap, "2月", 2023, standard())
    assert raised.value.field == "target"
    with pytest.raises(ValueProblem, match="not a day of 2023") as raised:
        judge(parse_target("3月底前").deadline, "2月29日", 2023, standard())
    assert raised.value.field == ""


@pytest.mark.parametrize(
    ("target", "actual", "on_time"),
    [
        ("6月底前", "5月。", True),  # a sentence's full stop
        ("6月底前", "2023年5月20日。", True),
        ("6月底前", "延期至8月完成", False),  # delayed to a date: that date
        ("年底前", "推迟到8月完成", True),
        ("6月底前", "延迟1个月", False),
        ("≤30秒", "45秒", False),  # seconds are a unit of time
        ("≤2小时", "3hrs", False),
        ("≤2小时", "90mins", True),
    ],
)
def test_more_ways_units_say_when(target, actual, on_time):
    timing = judge(parse_target(target).deadline, actual, YEAR, standard())
    assert timing is not None and timing.on_time is on_time


@pytest.mark.parametrize(
    ("name", "target", "actual", "score"),
    [
        ("施工工期", "180天", "延期10天", "63.00"),  # late: 部分达成, 0.7 × 90
        ("施工工期", "180天", "提前10天完成", "90.00"),
        ("审批时限", "30天", "延期5天", "63.00"),
        ("现场响应时间", "≤2h", "延期1个月", "63.00"),
    ],
)
def test_a_time_limit_read_from_its_name_or_unit_takes_what_a_deadline_takes(
    name, target, actual, score
):
    """工期 | 180天 is a time limit: its actual may say it was late or early by an amount, as
    against 180天内 — it was refused as "not a number"."""
    import scoring

    data = {
        "department": {
            "name": "某县交通运输局",
            "year": YEAR,
            "budget": {"planned": 100, "adjusted": 100, "spent": 100},
        },
        "projects": [
            {
                "name": "农村公路改造",
                "budget": {"planned": 100, "adjusted": 100, "spent": 100},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "时效指标",
                        "name": name,
                        "target": target,
                        "actual": actual,
                        "weight": 90,
                        "reason": "雨季停工",
                    }
                ],
            }
        ],
    }
    row = scoring.score(data).projects[0].indicators[0]
    assert (str(row.score), row.method) == (score, "deadline")


def test_delayed_to_a_date_against_a_time_limit_is_late():
    """延期至8月完成 against 180天内 says it was late, not how long it took."""
    timing = judge(parse_target("180天内").deadline, "延期至8月完成", YEAR, standard())
    assert timing is not None and timing.on_time is False


def test_an_actual_in_fen_against_a_time_limit_asks_for_minutes(cli, tmp_path, chinese):
    """20分 against ≤30分钟: minutes or points? Refused at the actual, 20分钟 the fix."""
    path = tmp_path / "fen.toml"
    path.write_text(case_evaluation(CASES / "error-minutes-written-as-points.toml"), "utf-8")
    run = cli("score", str(path))
    assert run.code == 2
    assert "projects[0].indicators[0].actual" in run.err
    assert "「分」可能是分钟，也可能是分数" in run.err and "请写 20分钟" in run.err


@pytest.mark.parametrize(
    ("name", "target", "refused"),
    [
        ("出警时长", "15分/次", True),  # a time for each time, in 分: minutes or points?
        ("出警时间", "10-15分", True),
        ("服务时长考核得分", "90分", False),  # the name ends with a score's word: points
        ("保修期满意度评分", "≥90分", False),
    ],
)
def test_fen_on_a_row_named_for_a_time_is_asked(cli, tmp_path, chinese, name, target, refused):
    text = case_evaluation(CASES / "error-minutes-in-fen-on-a-time-row.toml")
    text = text.replace('"平均出警时间"', f'"{name}"').replace('"15分"', f'"{target}"')
    path = tmp_path / "fen.toml"
    path.write_text(text.replace('"20分"', '"12分"'), "utf-8")
    run = cli("score", str(path))
    assert (run.code == 2) is refused, run
    if refused:
        fix = target.replace("分", "分钟")
        assert f"如为分钟，请写 {fix}" in run.err


# --- a stretch without a day or an end, then 前: before it began, or by its end --------------


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("7月前", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("7月之前", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("7月以前", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("7月份前", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("七月前完成", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("于2023年7月前", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("2023-07前", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("2023.7前", [date(2023, 6, 30), date(2023, 7, 31)]),
        ("7月上旬前", [date(2023, 6, 30), date(2023, 7, 10)]),
        ("7月中旬前", [date(2023, 7, 10), date(2023, 7, 20)]),
        ("7月下旬前", [date(2023, 7, 20), date(2023, 7, 31)]),
        ("三季度前", [date(2023, 6, 30), date(2023, 9, 30)]),
        ("下半年前", [date(2023, 6, 30), date(2023, 12, 31)]),
        # before January began is before the year the table is for: by its end alone
        ("1月前", [date(2023, 1, 31)]),
        ("上半年前", [date(2023, 6, 30)]),
        ("2023年前", [date(2023, 12, 31)]),
        ("次年1月前", [date(2023, 12, 31), date(2024, 1, 31)]),
        # a day, or an end, is one day: one reading
        ("7月底前", [date(2023, 7, 31)]),
        ("7月末之前", [date(2023, 7, 31)]),
        ("7月31日前", [date(2023, 7, 31)]),
        ("2023-07-31前", [date(2023, 7, 31)]),
        ("三季度末前", [date(2023, 9, 30)]),
        ("年底前", [date(2023, 12, 31)]),
        # no 前: the stretch itself, by its last day
        ("7月", [date(2023, 7, 31)]),
        ("7月内", [date(2023, 7, 31)]),
        ("7月中旬", [date(2023, 7, 20)]),
        ("三季度", [date(2023, 9, 30)]),
    ],
)
def test_a_stretch_before_qian_reads_two_ways(text, dues):
    """7月前 was read as by 7月31日 alone, 7月前完成 in an actual both ways: one reading of
    the two in a target, without a word."""
    deadline = parse_target(text).deadline
    assert deadline is not None and deadline.dues(YEAR) == dues


@pytest.mark.parametrize(
    ("target", "actual", "on_time", "binding"),
    [
        ("7月前", "6月20日", True, "6月30日"),  # on time by 6月30日, and so by 7月31日
        ("7月前", "6月", True, "6月30日"),
        ("7月前", "8月", False, "7月31日"),  # late by 7月31日, and so by 6月30日
        ("7月前", "2023-08-01", False, "7月31日"),
        ("三季度前", "5月", True, "6月30日"),
        ("7月中旬前", "7月5日", True, "7月10日"),
        ("12月前", "11月", True, "11月30日"),
        ("2023年9月以前", "2023-08-31", True, "8月31日"),
        ("次年1月前", "2023年12月", True, "12月31日"),
    ],
)
@pytest.mark.usefixtures("chinese")
def test_scored_where_both_readings_agree_and_said(target, actual, on_time, binding):
    timing = judge(parse_target(target).deadline, actual, YEAR, standard())
    assert timing is not None and timing.on_time is on_time
    assert ("不晚于 " if on_time else "晚于 ") + binding in timing.reading
    assert f"年度指标值 {target!r} 按 " in timing.reading and "结果相同" in timing.reading


@pytest.mark.usefixtures("chinese")
def test_the_reading_of_a_month_before_names_both_deadlines():
    timing = judge(parse_deadline("7月前"), "6月20日", YEAR, standard())
    assert timing.reading == (
        "实际 6月20日，不晚于 6月30日（年度指标值 '7月前' 按 6月30日前 或 7月31日前 理解，"
        "结果相同）"
    )


@pytest.mark.parametrize(
    ("target", "actual", "fix"),
    [
        ("7月前", "7月15日", "6月30日前 or 7月31日前"),
        ("7月前", "7月", "6月30日前 or 7月31日前"),
        ("7月前", "7月1日", "6月30日前 or 7月31日前"),
        ("7月份前", "2023-07-20", "6月30日前 or 7月31日前"),
        ("7月之前", "7月底", "6月30日前 or 7月31日前"),
        ("7月以前完成", "7月下旬", "6月30日前 or 7月31日前"),
        ("2023年7月前", "2023年7月15日", "6月30日前 or 7月31日前"),
        ("12月前", "12月", "11月30日前 or 12月31日前"),
        ("6月前", "6月", "5月31日前 or 6月30日前"),
        ("7月中旬前", "7月15日", "7月10日前 or 7月20日前"),
        ("三季度前", "8月", "6月30日前 or 9月30日前"),
        ("次年1月前", "2024年1月", "12月31日前 or 2024年1月31日前"),
    ],
)
def test_where_the_readings_differ_the_target_is_refused(target, actual, fix):
    """Late by one reading, on time by the other: no score follows, and the target is what
    says which it meant."""
    with pytest.raises(ValueProblem, match="late by the first and on time by the second") as raised:
        judge(parse_target(target).deadline, actual, YEAR, standard())
    assert raised.value.field == "target"
    assert fix in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("target", "actual", "on_time"),
    [
        ("6月前", "6月前", True),  # the target restated: one reading in both
        ("6月前", "6月前完成", True),
        ("7月前", "6月前", True),  # by 5月31日 or 6月30日 against 6月30日 or 7月31日
        ("7月前", "7月上旬前", True),  # before July in both, or by 7月10日 against 7月31日
        ("6月底前", "6月前", True),  # by 5月31日 or 6月30日 against 6月30日: either way
        ("6月底前", "5月前完成", True),
    ],
)
def test_7yue_qian_in_both_values_is_read_alike(target, actual, on_time):
    timing = judge(parse_target(target).deadline, actual, YEAR, standard())
    assert timing is not None and timing.on_time is on_time


@pytest.mark.parametrize(
    ("target", "actual", "words"),
    [
        # by the end of July the day may be in July: late, or on time
        ("6月底前", "7月前完成", ("6月30日", "7月31日", "before 7月 began")),
        ("6月底前", "7月之前", ("6月30日", "7月31日")),
        ("6月前", "7月前", ("5月31日", "a reading of 年度指标值 '6月前'")),
        # a reading of the target the actual does not settle
        ("7月前", "7月15日前", ("6月30日", "a reading of 年度指标值 '7月前'")),
        ("7月前", "三季度", ("7月31日", "a reading of 年度指标值 '7月前'")),
    ],
)
def test_an_actual_a_reading_leaves_either_side_is_refused(target, actual, words):
    with pytest.raises(ValueProblem, match="may be before or after") as raised:
        judge(parse_target(target).deadline, actual, YEAR, standard())
    assert raised.value.field == ""
    assert all(word in str(raised.value) for word in words), str(raised.value)
    assert raised.value.hint


@pytest.mark.parametrize(
    ("target", "actual", "on_time"),
    [
        ("6月底前", "7月后", False),  # after July began or after it ended: late either way
        ("6月底前", "7月之后", False),
        ("6月底前", "7月以后", False),
        ("7月15日前", "7月底以后", False),  # from the end of July on
        ("7月底前", "7月底后", False),
        ("6月底前", "6月30日后", False),  # a day: after it
    ],
)
def test_a_period_done_after_is_after_it_began(target, actual, on_time):
    timing = judge(parse_target(target).deadline, actual, YEAR, standard())
    assert timing is not None and timing.on_time is on_time


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("7月底前", "7月后"),  # 7月后 may be after July began: July is on time
        ("7月底前", "7月之后"),
        ("6月底前", "6月后完成"),
        ("6月底前", "6月以后"),
    ],
)
def test_a_period_done_after_that_may_be_in_it_is_refused(target, actual):
    """7月后 was after July ended, 7月以后 from July on: the words are used alike, and either
    may be in July."""
    with pytest.raises(ValueProblem, match="may be before or after"):
        judge(parse_target(target).deadline, actual, YEAR, standard())


@pytest.mark.parametrize(
    "target",
    ["6月后", "6月后开工", "6月以后", "7月之后完成", "6月30日后", "2023-06-30后", "2024年后"],
)
def test_a_target_with_hou_is_no_deadline(target):
    """6月后开工 was read as 6月前: by 6月30日, the opposite of what it says."""
    with pytest.raises(ValueProblem, match="after which, not a deadline") as raised:
        parse_target(target)
    assert "12月31日前" in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("target", "fix"),
    [
        ("6月底前后", "6月底前"),
        ("6月30日前后", "6月30日前"),
        ("6月30日左右", "6月30日前"),
        ("6月底前后完成", "6月底前"),
        ("三季度末左右", "9月底前"),
        ("2024年3月上下", "2024年3月底前"),
    ],
)
def test_a_target_about_a_date_is_refused(target, fix):
    """6月底前后 (around the end of June) was read as 6月底前."""
    with pytest.raises(ValueProblem, match="approximate") as raised:
        parse_target(target)
    assert fix in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("target", "meets"),
    [
        ("7月前", "6月30日"),
        ("1月前", "1月31日"),
        ("7月中旬前", "7月10日"),
        ("7月底前", "7月31日"),
    ],
)
def test_what_if_proposes_a_day_every_reading_meets(target, meets):
    deadline = parse_target(target).deadline
    assert on_time_text(deadline, YEAR) == meets
    assert judge(deadline, meets, YEAR, standard()).on_time is True
