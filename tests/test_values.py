"""The value grammar of SPEC §1: targets, actuals, money, units — scoring/values.py.

Every table below is SPEC text turned into cases.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import scoring
from scoring.units import standard
from scoring.values import (
    EQ,
    GE,
    GT,
    LE,
    LT,
    Quantity,
    Target,
    ValueProblem,
    align_units,
    canonical_unit,
    normalise,
    parse_money,
    parse_quantity,
    parse_target,
    to_decimal,
)

D = Decimal
ScoringError = scoring.ScoringError


# --- helpers ----------------------------------------------------------------------------------


def one_indicator(target, actual, weight="90", **extra) -> dict:
    """A one-project evaluation around a single indicator (weights add up to 100)."""
    indicator = {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "指标",
        "target": target,
        "actual": actual,
        "weight": weight,
        **extra,
    }
    return {
        "department": {"name": "单位", "year": 2023, "budget": {"adjusted": "100", "spent": "100"}},
        "projects": [
            {
                "name": "项目",
                "budget": {"adjusted": "100", "spent": "100"},
                "indicators": [indicator],
            }
        ],
    }


def scored_indicator(target, actual, **extra):
    return scoring.score(one_indicator(target, actual, **extra)).projects[0].indicators[0]


# --- ops: every spelling of SPEC §1 -----------------------------------------------------------

OP_SPELLINGS = [
    # ≥
    ("≥95%", GE, "95", "%"),
    (">=95%", GE, "95", "%"),
    ("≧95%", GE, "95", "%"),
    ("不低于95%", GE, "95", "%"),
    ("不少于95%", GE, "95", "%"),
    ("大于等于95%", GE, "95", "%"),
    ("至少95%", GE, "95", "%"),
    ("95%以上", GE, "95", "%"),
    ("50个以上", GE, "50", "个"),
    # ≤
    ("≤90万元", LE, "90", "万元"),
    ("<=90万元", LE, "90", "万元"),
    ("≦90万元", LE, "90", "万元"),
    ("不高于90万元", LE, "90", "万元"),
    ("不超过90万元", LE, "90", "万元"),
    ("不多于90万元", LE, "90", "万元"),
    ("小于等于90万元", LE, "90", "万元"),
    ("90万元以内", LE, "90", "万元"),
    ("90万元以下", LE, "90", "万元"),
    ("5%以下", LE, "5", "%"),
    # strict
    (">5个", GT, "5", "个"),
    ("<5个", LT, "5", "个"),
    # =
    ("=42个", EQ, "42", "个"),
    ("═42个", EQ, "42", "个"),
    ("等于42个", EQ, "42", "个"),
    # no op: the rule set's default_op decides later
    ("100", None, "100", None),
    ("100%", None, "100", "%"),
    ("≥50个", GE, "50", "个"),
    ("≥100百分比", GE, "100", "%"),
    ("≤202.6万元", LE, "202.6", "万元"),
    ("≥7个", GE, "7", "个"),
    ("≥1000人次", GE, "1000", "人次"),
    ("≥3万亩", GE, "3", "万亩"),
]


@pytest.mark.parametrize(("text", "op", "value", "unit"), OP_SPELLINGS)
def test_op_spellings(text, op, value, unit):
    target = parse_target(text)
    assert not target.qualitative
    assert target.op == op
    assert target.value == D(value)
    assert isinstance(target.value, Decimal)
    assert target.unit == unit
    assert target.text == text


FULL_WIDTH = [
    ("＞＝９５％", GE, "95", "%"),
    ("＞＝ ９５％", GE, "95", "%"),
    ("＜＝９０万元", LE, "90", "万元"),
    ("＞５个", GT, "5", "个"),
    ("＜５个", LT, "5", "个"),
    ("＝42个", EQ, "42", "个"),
    ("＝４２个", EQ, "42", "个"),
    ("≥９５％", GE, "95", "%"),
    ("９５％以上", GE, "95", "%"),
    ("不少于１２．５％", GE, "12.5", "%"),
    ("９０万元以内", LE, "90", "万元"),
    ("１００", None, "100", None),
]


@pytest.mark.parametrize(("text", "op", "value", "unit"), FULL_WIDTH)
def test_full_width_forms_are_normalised(text, op, value, unit):
    target = parse_target(text)
    assert (target.op, target.value, target.unit) == (op, D(value), unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("＞＝９５％", ">=95%"),
        ("＝", "="),
        ("９５％ ", "95%"),
        ("３，８２３，１００元", "3,823,100元"),
    ],
)
def test_normalise_is_nfkc_and_trimmed(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        ("≥ 95 %", GE, "95", "%"),
        ("不少于 3,000 元", GE, "3000", "元"),
        ("  ≤90万元  ", LE, "90", "万元"),
        ("95 % 以上", GE, "95", "%"),
    ],
)
def test_spaces_around_op_number_and_unit(text, op, value, unit):
    target = parse_target(text)
    assert (target.op, target.value, target.unit) == (op, D(value), unit)


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("大于等于3", GE),
        ("小于等于3", LE),
        ("不低于3", GE),
        ("不高于3", LE),
        ("不少于3", GE),
        ("不多于3", LE),
        (">=3", GE),
        ("<=3", LE),
    ],
)
def test_longer_spelling_wins_over_its_prefix(text, op):
    """大于等于 is ≥, not 大于 (>) followed by 等于; >= is ≥, not >."""
    assert parse_target(text).op == op


def test_same_op_front_and_back_is_accepted():
    target = parse_target("≥95%以上")
    assert (target.op, target.value, target.unit) == (GE, D(95), "%")


@pytest.mark.parametrize("text", ["≥95%以下", "≤90万元以上", "不少于5个以内"])
def test_conflicting_front_and_back_ops_are_rejected(text):
    with pytest.raises(ValueProblem):
        parse_target(text)


@pytest.mark.parametrize(
    ("target", "actual", "rate"),
    [
        ("100", "90", D("0.9")),  # no op: default_op ≥ of mof-2020, ratio
        ("100%", "90%", D("0.9")),
        ("≤50万元", "75万元", D("0.5")),  # reverse-linear: 2 − 75/50
        ("=42个", "42个", D(1)),
        ("等于42个", "21个", D("0.5")),
    ],
)
def test_op_reaches_the_rule_sets_method(target, actual, rate):
    assert scored_indicator(target, actual).rate == rate


# --- numbers: thousands separators, exactness -------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3,823,100元", "382.31"),
        ("３，８２３，１００元", "382.31"),
        ("382.31", "382.31"),
        ("382.31万元", "382.31"),
        ("３８２．３１万元", "382.31"),
        (D("382.31"), "382.31"),
        (382, "382"),
        ("0.5亿元", "5000"),
        ("1,000,000.50元", "100.00005"),
        ("0", "0"),
    ],
)
def test_parse_money_in_wan_yuan(raw, expected):
    value = parse_money(raw)
    assert isinstance(value, Decimal)
    assert value == D(expected)


@pytest.mark.parametrize("raw", ["12个", "95%", "达成", "", "三百万元"])
def test_parse_money_rejects_what_is_not_money(raw):
    with pytest.raises(ValueProblem):
        parse_money(raw)


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [
        ("1,234", "1234", None),
        ("1,234.5万元", "1234.5", "万元"),
        ("12,345,678.90元", "12345678.90", "元"),
        ("≥3,000个", "3000", "个"),
    ],
)
def test_thousands_separators(raw, value, unit):
    quantity = parse_quantity(raw)
    assert quantity is not None
    assert (quantity.value, quantity.unit) == (D(value), unit)


@pytest.mark.parametrize("raw", ["12.3456789012345", "0.1", "0.30", "1000000.01", "-0.5", ".5"])
def test_numbers_are_exact_decimals(raw):
    assert parse_quantity(raw).value == D(raw)
    assert type(parse_quantity(raw).value) is Decimal
    assert parse_target("≥" + raw).value == D(raw)
    assert to_decimal(raw) == D(raw)


@pytest.mark.parametrize("raw", ["12.34567890123456789", "1234567890.123456"])
def test_more_digits_than_a_form_carries_are_refused(raw):
    # 15 significant digits at most: what a spreadsheet cell and a JSON number keep exactly
    for parse in (parse_quantity, to_decimal, lambda text: parse_target("≥" + text)):
        with pytest.raises(ValueProblem, match="significant digits"):
            parse(raw)


def test_decimal_arithmetic_not_binary_float():
    a, b = parse_quantity("0.1").value, parse_quantity("0.2").value
    assert a + b == D("0.3")


@pytest.mark.parametrize(
    ("raw", "expected"), [(0.1, "0.1"), (382.31, "382.31"), (1e-05, "0.00001")]
)
def test_a_python_float_is_the_decimal_its_repr_denotes(raw, expected):
    """Only reachable through the API: 0.1 is Decimal('0.1'), not 0.1000000000000000055…"""
    assert to_decimal(raw) == D(expected)
    assert parse_target(raw).value == D(expected)


def test_json_numbers_are_read_as_exact_decimals(tmp_path):
    data = one_indicator("≥95%", "96.5%")
    data["projects"][0]["budget"] = {"adjusted": 382.31, "spent": 374.11}
    path = tmp_path / "eval.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    execution = scoring.score(path).projects[0].execution
    assert execution.adjusted == D("382.31")
    assert execution.spent == D("374.11")
    assert execution.rate == D("374.11") / D("382.31")


@pytest.mark.parametrize("raw", [True, False, "abc", "", "1,2"])
def test_to_decimal_rejects_non_numbers(raw):
    with pytest.raises(ValueProblem):
        to_decimal(raw)


@pytest.mark.parametrize("raw", [True, None, [], {}])
def test_parse_quantity_rejects_non_values(raw):
    with pytest.raises(ValueProblem):
        parse_quantity(raw)


# --- NaN and infinity: input errors in any spelling -------------------------------------------

NON_FINITE_DECIMALS = [
    D("NaN"),
    D("-NaN"),
    D("sNaN"),
    D("Infinity"),
    D("-Infinity"),
    float("nan"),
    float("inf"),
    float("-inf"),
]
NON_FINITE_TEXT = [
    "NaN",
    "nan",
    "NAN",
    "-nan",
    "Infinity",
    "infinity",
    "-Infinity",
    "+Infinity",
    "inf",
    "-inf",
    "+inf",
    "ＮａＮ",
    "Ｉｎｆｉｎｉｔｙ",
    " nan ",
]


@pytest.mark.parametrize("raw", NON_FINITE_DECIMALS + NON_FINITE_TEXT, ids=repr)
def test_to_decimal_rejects_nan_and_infinity(raw):
    with pytest.raises(ValueProblem):
        to_decimal(raw)


@pytest.mark.parametrize("raw", NON_FINITE_DECIMALS + NON_FINITE_TEXT, ids=repr)
def test_parse_quantity_rejects_nan_and_infinity(raw):
    with pytest.raises(ValueProblem):
        parse_quantity(raw)


@pytest.mark.parametrize(
    "raw", NON_FINITE_DECIMALS + NON_FINITE_TEXT + ["NaN万元", "inf元", "sNaN"], ids=repr
)
def test_parse_money_rejects_nan_and_infinity(raw):
    with pytest.raises(ValueProblem):
        parse_money(raw)


@pytest.mark.parametrize("raw", ["NaN%", "≥NaN", "inf万元", "≥Infinity%", "sNaN"], ids=repr)
def test_parse_quantity_never_yields_a_non_finite_quantity(raw):
    """With a unit or an op around it, NaN is not a number: None (→ input error) or ValueProblem."""
    try:
        quantity = parse_quantity(raw)
    except ValueProblem:
        return
    assert quantity is None or quantity.value.is_finite()


@pytest.mark.parametrize("raw", NON_FINITE_DECIMALS, ids=repr)
def test_parse_target_rejects_non_finite_numbers(raw):
    with pytest.raises(ValueProblem):
        parse_target(raw)


@pytest.mark.parametrize("value", NON_FINITE_DECIMALS + NON_FINITE_TEXT, ids=repr)
def test_table_target_rejects_non_finite_value(value):
    with pytest.raises(ValueProblem):
        parse_target({"op": "≥", "value": value, "unit": "%"})


@pytest.mark.parametrize(
    "raw",
    ["NaN", "nan", "Infinity", "-inf", "ＮａＮ", "sNaN", "≥NaN", "≥Infinity%", "NaN%", "inf万元"],
    ids=repr,
)
def test_parse_target_rejects_nan_and_infinity_text(raw):
    with pytest.raises(ValueProblem):
        parse_target(raw)


@pytest.mark.parametrize(
    ("target", "actual"), [("NaN", "达成"), ("Infinity", "完成"), ("≥NaN%", "达成")]
)
def test_nan_target_is_an_input_error_through_the_api(target, actual):
    with pytest.raises(ScoringError):
        scoring.score(one_indicator(target, actual))


@pytest.mark.parametrize("actual", ["NaN", "Infinity", "-inf", "NaN%", "≥NaN", "inf万元", "ＮａＮ"])
def test_nan_actual_is_an_input_error_through_the_api(actual):
    with pytest.raises(ScoringError):
        scoring.score(one_indicator("≥95%", actual))


@pytest.mark.parametrize("field", ["planned", "adjusted", "spent"])
@pytest.mark.parametrize("raw", ["NaN", "Infinity", "NaN万元", "-inf"])
def test_nan_money_is_an_input_error_through_the_api(field, raw):
    data = one_indicator("≥95%", "96%")
    data["projects"][0]["budget"] = {"planned": "100", "adjusted": "100", "spent": "90", field: raw}
    with pytest.raises(ScoringError):
        scoring.score(data)


# --- units: % and 百分比, 元 and 万元, mismatch -----------------------------------------------


@pytest.mark.parametrize(
    ("unit", "expected"), [("百分比", "%"), ("%", "%"), ("个", "个"), ("", None), (None, None)]
)
def test_canonical_unit(unit, expected):
    assert canonical_unit(unit) == expected


@pytest.mark.parametrize(
    ("raw", "unit"),
    [("95%", "%"), ("95百分比", "%"), ("９５％", "%"), ("95 %", "%"), ("95 百分比", "%")],
)
def test_percent_and_baifenbi_are_one_unit(raw, unit):
    assert parse_quantity(raw) == Quantity(D(95), unit)
    assert parse_target("≥" + raw).unit == unit


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("≥95百分比", "96%", ("95", "96", "%")),
        ("≥95%", "96百分比", ("95", "96", "%")),
        ("≥95%", "96%", ("95", "96", "%")),
        ("≤90万元", "850000元", ("90", "85", "万元")),
        ("≤90万元", "3,823,100元", ("90", "382.31", "万元")),
        ("≤900000元", "85万元", ("900000", "850000", "元")),
        ("≥1亿元", "5000万元", ("1", "0.5", "亿元")),
        ("≤202.6万元", "132.9万元", ("202.6", "132.9", "万元")),
        # a bare number takes the other side's unit
        ("≥7个", "7", ("7", "7", "个")),
        ("≥7", "7个", ("7", "7", "个")),
        ("100", "90", ("100", "90", None)),
    ],
)
def test_align_units(target, actual, expected):
    t, a, unit = align_units(parse_target(target), parse_quantity(actual), standard())
    assert (t, a, unit) == (D(expected[0]), D(expected[1]), expected[2])
    assert isinstance(t, Decimal) and isinstance(a, Decimal)


@pytest.mark.parametrize(
    ("target", "actual"),
    [("≥7个", "7人次"), ("≥95%", "95个"), ("≤90万元", "90个"), ("≥3万亩", "3人"), ("≤90元", "90%")],
)
def test_unit_mismatch_is_a_value_problem_naming_both_units(target, actual):
    parsed_target, parsed_actual = parse_target(target), parse_quantity(actual)
    with pytest.raises(ValueProblem) as info:
        align_units(parsed_target, parsed_actual, standard())
    assert parsed_target.unit in str(info.value)
    assert parsed_actual.unit in str(info.value)


def test_unit_mismatch_is_an_input_error_naming_the_indicator_and_both_units():
    with pytest.raises(ScoringError) as info:
        scoring.score(one_indicator("≥7个", "7人次"))
    text = str(info.value)
    assert "projects[0].indicators[0]" in text
    assert "个" in text and "人次" in text


def test_money_units_convert_through_the_api():
    indicator = scored_indicator("≤90万元", "850000元")
    assert indicator.rate == 1
    indicator = scored_indicator("≤50万元", "750000元")
    assert indicator.rate == D("0.5")


# --- the unit is at most four characters, no digit; else qualitative --------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [("≥5平方公里", "平方公里"), ("≥5人次", "人次"), ("≥3万亩", "万亩"), ("≥2所", "所")],
)
def test_units_up_to_four_characters(text, unit):
    assert parse_target(text).unit == unit


QUALITATIVE = [
    "效果明显",
    "及时",
    "按合同约定时间完成",
    "严格执行相关制度规定",
    "100%完成率达标",
    "3项制度12项措施",  # a tail with a digit is not a unit
    "≥5立方千米以",  # ≥, 5, and a five-character tail
    "按时完成",
    "有效",
    "逐步提高",
]


@pytest.mark.parametrize("text", QUALITATIVE)
def test_qualitative_targets(text):
    target = parse_target(text)
    assert target.qualitative
    assert target.value is None
    assert target.text == text


def test_empty_target_is_rejected():
    with pytest.raises(ValueProblem):
        parse_target("  ")


@pytest.mark.parametrize(
    ("target", "actual", "tier", "rate"),
    [
        ("效果明显", "达成", "达成", D(1)),
        ("效果明显", "效果明显", "达成", D(1)),  # the target restated: same_as_target
        ("效果明显", " 效果 明显 ", "达成", D(1)),
        ("及时", "部分达成", "部分达成", D("0.7")),
        ("及时", "未达成", "未达成", D("0.3")),
        ("12月底前完成", "完成", "达成", D(1)),
    ],
)
def test_qualitative_targets_score_by_tier(target, actual, tier, rate):
    indicator = scored_indicator(target, actual)
    assert (indicator.tier, indicator.rate) == (tier, rate)


@pytest.mark.parametrize("target", ["100%完成率达标", "3项制度12项措施"])
def test_qualitative_target_restated_even_when_it_starts_with_a_number(target):
    indicator = scored_indicator(target, target)
    assert (indicator.tier, indicator.rate) == ("达成", D(1))


@pytest.mark.parametrize("actual", ["很好", "95%", "12月底前已完成"])
def test_qualitative_actual_outside_the_tiers_is_an_input_error(actual):
    with pytest.raises(ScoringError):
        scoring.score(one_indicator("效果明显", actual))


# --- the table form {op, value, unit} ---------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "op", "value", "unit"),
    [
        ({"op": "≤", "value": 90, "unit": "万元"}, LE, "90", "万元"),
        ({"op": "≤", "value": D("90"), "unit": "万元"}, LE, "90", "万元"),
        ({"op": "≥", "value": "95", "unit": "%"}, GE, "95", "%"),
        ({"op": "≥", "value": "95", "unit": "百分比"}, GE, "95", "%"),
        ({"op": ">=", "value": 95, "unit": "%"}, GE, "95", "%"),
        ({"op": "＞＝", "value": "９５％"}, GE, "95", "%"),
        ({"op": "不少于", "value": 3}, GE, "3", None),
        ({"op": "不超过", "value": "3,000", "unit": "元"}, LE, "3000", "元"),
        ({"op": ">", "value": 5, "unit": "个"}, GT, "5", "个"),
        ({"op": "<", "value": 5, "unit": "个"}, LT, "5", "个"),
        ({"op": "=", "value": 42, "unit": "个"}, EQ, "42", "个"),
        ({"op": "═", "value": 42}, EQ, "42", None),
        ({"op": "等于", "value": 0}, EQ, "0", None),
        ({"value": "95%"}, None, "95", "%"),
        ({"value": 100}, None, "100", None),
        ({"op": "≥", "value": 0.1}, GE, "0.1", None),
    ],
)
def test_table_form_targets(table, op, value, unit):
    target = parse_target(table)
    assert isinstance(target, Target)
    assert not target.qualitative
    assert (target.op, target.value, target.unit) == (op, D(value), unit)


@pytest.mark.parametrize(
    "table",
    [
        {"op": "约", "value": 90},
        {"op": "≥≥", "value": 90},
        {"op": "≥", "value": "好"},
        {"op": "≥", "value": "效果明显"},
        {"op": "≥"},
    ],
)
def test_table_form_rejects_bad_op_or_value(table):
    with pytest.raises(ValueProblem):
        parse_target(table)


@pytest.mark.parametrize("unit", ["％", " % ", "百分比 "])
def test_table_form_unit_is_normalised(unit):
    assert parse_target({"op": "≥", "value": "95", "unit": unit}).unit == "%"


@pytest.mark.parametrize("actual", ["96%", "96％"])
def test_table_form_full_width_unit_through_the_api(actual):
    assert scored_indicator({"op": "≥", "value": 95, "unit": "％"}, actual).rate == 1


def test_table_form_target_through_the_api():
    indicator = scored_indicator({"op": "≤", "value": 90, "unit": "万元"}, "135万元")
    assert indicator.rate == D("0.5")
    assert indicator.method == "reverse-linear"


# --- actuals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value", "unit", "bound"),
    [
        # an op in the actual makes its figure a bound, kept for the scorer to judge
        ("≥266米", "266", "米", "≥"),
        ("不少于7个", "7", "个", "≥"),
        ("95%以上", "95", "%", "≥"),
        ("不足90%", "90", "%", "<"),
        ("超100万元", "100", "万元", ">"),
        ("100万元以下", "100", "万元", "≤"),
        ("=42个", "42", "个", None),  # = is the figure itself
        ("７个", "7", "个", None),
        ("97.86%", "97.86", "%", None),
        (D("97.86"), "97.86", None, None),
        (7, "7", None, None),
        ("-3", "-3", None, None),
    ],
)
def test_parse_actual(raw, value, unit, bound):
    assert parse_quantity(raw) == Quantity(D(value), unit, bound)


@pytest.mark.parametrize("raw", ["达成", "完成", "部分达成", "效果明显", ""])
def test_text_actual_is_not_a_quantity(raw):
    assert parse_quantity(raw) is None


@pytest.mark.parametrize("raw", ["12月底前完成", "95%（全年）", "1,2345", "7个，超额完成"])
def test_number_followed_by_a_long_tail_is_rejected(raw):
    with pytest.raises(ValueProblem):
        parse_quantity(raw)


def test_tier_word_for_a_quantitative_indicator_is_flagged_and_scored_as_the_tier():
    result = scoring.score(one_indicator("≥95%", "部分达成"))
    indicator = result.projects[0].indicators[0]
    assert (indicator.tier, indicator.rate) == ("部分达成", D("0.7"))
    assert "actual-not-numeric" in {f.code for f in result.findings}


def test_other_text_for_a_quantitative_indicator_is_an_input_error():
    with pytest.raises(ScoringError):
        scoring.score(one_indicator("≥95%", "很好"))


def test_minus_zero_is_zero():
    from scoring.values import format_decimal

    assert format_decimal(D("-0")) == "0" and format_decimal(D("-0.00")) == "0"


@pytest.mark.parametrize("raw", [2024, "2024", "2024年", "2024年度", "2024 年", "２０２４年"])
def test_years_as_units_write_them(raw):
    from scoring.loader import parse_year

    assert parse_year(raw) == 2024


# --- ranges (区间) ------------------------------------------------------------------------------

# (text, lower, upper, unit): each spelling of a range units write, the lower bound in the unit
# of the upper (1000元 is 0.1万元; 10万 before 20万元 is 10万元).
RANGES = [
    ("95%-100%", "95", "100", "%"),
    ("95-100%", "95", "100", "%"),
    ("95% - 100%", "95", "100", "%"),
    ("95%～100%", "95", "100", "%"),
    ("95%～～100%", "95", "100", "%"),
    ("95%〜100%", "95", "100", "%"),
    ("95%∼100%", "95", "100", "%"),
    ("95%‐100%", "95", "100", "%"),
    ("95%―100%", "95", "100", "%"),
    ("95%—100%", "95", "100", "%"),
    ("95%——100%", "95", "100", "%"),
    ("95%－100%", "95", "100", "%"),
    ("９５％－１００％", "95", "100", "%"),
    ("3至5个", "3", "5", "个"),
    ("3到5个", "3", "5", "个"),
    ("3个-5个", "3", "5", "个"),
    ("≥3个，≤5个", "3", "5", "个"),
    ("≤5个，≥3个", "3", "5", "个"),
    ("≥3个、≤5个", "3", "5", "个"),
    ("≥3个；≤5个", "3", "5", "个"),
    ("≥3个 ≤5个", "3", "5", "个"),
    ("≥3个和≤5个", "3", "5", "个"),
    ("≥3，≤5个", "3", "5", "个"),
    ("3个以上5个以下", "3", "5", "个"),
    ("3个以上，≤5个", "3", "5", "个"),
    ("≥3个，5个以下", "3", "5", "个"),
    ("不低于95%且不高于100%", "95", "100", "%"),
    ("最低3个，最高5个", "3", "5", "个"),
    ("≥1,000元，≤2,000元", "1000", "2000", "元"),
    ("1,000-2,000元", "1000", "2000", "元"),
    ("10万-20万元", "10", "20", "万元"),
    ("1000元-2万元", "0.1", "2", "万元"),
    ("≥1000元，≤2万元", "0.1", "2", "万元"),
    ("10-20万元/年", "10", "20", "万元/年"),
    ("95%-100%之间", "95", "100", "%"),
    ("在95%-100%之间", "95", "100", "%"),
    ("95%-100%（含）", "95", "100", "%"),
    ("3至5个以内", "3", "5", "个"),
    ("-5%-5%", "-5", "5", "%"),
    ("-10%至-5%", "-10", "-5", "%"),
    # a bare bound takes the other's unit where that is the one reading
    ("95%-100", "95", "100", "%"),
    ("0.5-1万元", "0.5", "1", "万元"),
    ("1-2万人次", "1", "2", "万人次"),
    # comparisons with no separator, or a comma after a unit
    ("≥3个≤5个", "3", "5", "个"),
    ("大于等于3个小于等于5个", "3", "5", "个"),
    ("最少3个最多5个", "3", "5", "个"),
    ("95%以上，100%以内", "95", "100", "%"),
    # a unit with its power
    ("3m2-10m2", "3", "10", "平方米"),
]


@pytest.mark.parametrize(("text", "lower", "upper", "unit"), RANGES)
def test_range_spellings(text, lower, upper, unit):
    target = parse_target(text)
    assert (target.op, target.value, target.upper, target.unit) == ("～", D(lower), D(upper), unit)
    assert target.text == text.strip()  # shown as filed


@pytest.mark.parametrize(
    "text",
    [
        # not ranges: read as before — a date, a qualitative text with figures in it, one bound
        *("2023-12-31", "2024-06", "覆盖3-5个乡镇", "GB/T 50300-2013", "≥ 95%", "1,000元"),
        *("≥95%以上", "年度费用不超过10万元"),
        # a range of times is a period or a span of durations, never a ratio of its numbers:
        # words, as before (实施期限 2023年-2024年 answered 达成; 6个月 against 1-6月 is refused
        # as no tier, with the deadline spellings as the fix)
        *("1-6月", "7-8月完成", "6月底前-9月底前", "1-2季度", "5-10分钟", "10-30秒"),
        *("2-3小时", "3-6个月", "3-5个工作日", "2023.1-2023.6", "2023-2024", "2023年-2024年"),
        # whichever way round, with two dashes or strict bounds (a heating season, a night)
        *("11-3月", "12-2月", "11月-3月", "22-6时", "1--6月", "2023年--2024年", ">1月，<6月"),
        "0571-88888888",  # a telephone number: a figure with a leading zero is no bound
    ],
)
def test_what_is_no_range_is_read_as_before(text):
    target = parse_target(text)
    assert target.upper is None and target.op != "～"


@pytest.mark.parametrize(
    ("text", "said", "fix"),
    [
        ("100%-95%", "lower bound above its upper", "95%-100%"),
        ("100%～95%", "'100%～95%'", "95%-100%"),  # quoted as filed
        ("≥100%，≤95%", "lower bound above its upper", "95%-100%"),
        ("≤3个，≥5个", "lower bound above its upper", "3个-5个"),
        # a dash twice: a minus sign, or a dash typed twice? Both readings are offered
        ("95%--100%", "two dashes", "95%至100%"),
        ("-10%--5%", "two dashes", "-10%至-5% or -10%至5%"),
        ("-5%--5%", "two dashes", "-5%至5%"),
        (">3个，<5个", "a bound outside it", "≥3个，≤5个"),
        ("3-5个左右", "approximate", "without 左右: 3-5个"),
        # one bound bare, where taking the other's unit is one reading of two
        ("0.9-100%", "may be read two ways", "90%"),  # 0.9% or 90%?
        ("≥0.9，≤100%", "may be read two ways", "90%"),
        ("95%-1", "may be read two ways", "100%"),
        ("±5%（不含）", "a bound outside it", "≥-5%，≤5%"),
        ("<±5%", "a bound outside it", "≥-5%，≤5%"),
        ("100±5个（不含）", "a bound outside it", "≥95个，≤105个"),
        # a deviation in another unit than its figure: in that unit, or a share of it?
        ("95±5%", "the range it allows is not clear", "90%至100% if 95 is a percentage too"),
        ("95±5%", "the range it allows is not clear", "90.25至99.75 for 5% of it"),
        ("100万元±5%", "the range it allows is not clear", "95万元至105万元"),
        ("1万元±500", "the range it allows is not clear", "in one unit"),  # 500元 or 500万元?
        ("100±200", "as large as its figure", "-100至300"),
        ("-5±2%", "the range it allows is not clear", "-7%至-3%"),
        ("1万元±5个", "the range it allows is not clear", "in one unit"),
        ("≥±5%", "says both ≥ and ±", "the range (±5%)"),
        ("100±5批以上", "says both ≥ and ±", "the range (±5%)"),
        ("1万人次-20000", "may be read two ways", "20000人次"),  # 20000人次 or 2亿人次?
        ("1万元-20000", "may be read two ways", "20000元"),
        ("5000-1万元", "may be read two ways", "5000元"),  # 5000元 or 5000万元?
        # a 万 alone on one bound: 800 to 10000, or 800万 to 1万 (reversed)? It had been
        # refused as reversed, with the fix 1万-800万; 1万-20000 had been read as 1万-20000万
        ("800-1万", "may be read two ways", "800-10000"),
        ("5000-1万", "may be read two ways", "5000-10000"),
        ("1万-20000", "may be read two ways", "10000-20000"),
    ],
)
def test_a_range_no_score_can_be_read_from_is_refused_with_the_fix(text, said, fix):
    with pytest.raises(ValueProblem) as raised:
        parse_target(text)
    assert said in str(raised.value) and fix in (raised.value.hint or ""), (
        str(raised.value),
        raised.value.hint,
    )


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        # whether the bound counts, written after the figure: 含 is what ≥ and ≤ say already
        ("≥95%（含）", GE, "95", "%"),
        ("≥95%（含95%）", GE, "95", "%"),
        ("95%（含）以上", GE, "95", "%"),
        ("3个(含)以上", GE, "3", "个"),
        ("≤5%（包含）", LE, "5", "%"),
        # 不含 leaves the bound out: > and <, so that 95% itself does not meet ≥95%（不含）
        ("≥95%（不含）", GT, "95", "%"),
        ("≤5%（不含5%）", LT, "5", "%"),
        # a unit in brackets
        ("≥3（个）", GE, "3", "个"),
        ("最低1.2万（个）", GE, "1.2", "万个"),
        # a mark between the figure and its unit is no part of the unit
        ("≥95（含）%", GE, "95", "%"),
        ("≥10（含）万元", GE, "10", "万元"),
        # 之内 is within: at most
        ("3（个）之内", LE, "3", "个"),
        ("3%之内", LE, "3", "%"),
        ("3%内", LE, "3", "%"),
        ("30元内", LE, "30", "元"),
        ("5个（不含）以内", LT, "5", "个"),
        ("≥3个（含本数）", GE, "3", "个"),
    ],
)
def test_a_bounds_mark_and_a_bracketed_unit(text, op, value, unit):
    target = parse_target(text)
    assert (target.op, target.value, target.unit) == (op, D(value), unit)


def test_a_range_in_the_table_form_is_told_to_be_written_as_text():
    with pytest.raises(ValueProblem) as raised:
        parse_target({"op": "～", "value": 95, "unit": "%"})
    assert '"95%-100%"' in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("text", "strict", "value", "unit"),
    [
        # a time limit keeps its reading with a bound's mark or its unit in brackets
        ("≤30天（含）", False, "30", "天"),
        ("≤10个工作日（含）", False, "10", "个工作日"),
        ("30天（含）以内", False, "30", "天"),
        ("30天内（含）", False, "30", "天"),
        ("≤30（天）", False, "30", "天"),
        ("≤30天（不含）", True, "30", "天"),
        ("30天（不含）以内", True, "30", "天"),
        ("<5(不含)天", True, "5", "天"),
    ],
)
def test_a_time_limit_with_a_bounds_mark_is_a_time_limit(text, strict, value, unit):
    deadline = parse_target(text).deadline
    assert deadline is not None and deadline.within is not None, text
    assert (deadline.strict, deadline.within.value, deadline.within.unit) == (
        strict,
        D(value),
        unit,
    )


@pytest.mark.parametrize(
    "text",
    # two things said of one bound: ≤ and 以上, < and 含 — a deadline as much as a number
    [
        *("≤30天（含）以上", "低于30天（含）以上", "≤30天以上", "<30天（含）", ">95%(含)"),
        *("≥95%以下", "=0.9万元（不含）"),
    ],
)
def test_a_target_that_says_two_things_of_its_bound_is_refused(text):
    with pytest.raises(ValueProblem, match="says both"):
        parse_target(text)


@pytest.mark.parametrize(
    "text",
    [
        *("50%-60%以上", "15个工作日内（不含节假日）", "<10万元（含税）"),
        # a figure in the bracket that is not the bound's says what is counted: no mark
        *("≤30天（不含5天节假日）", "≤10万元（含3万元税费）", "≥95%（含90%）", "≤15%（含5%）"),
    ],
)
def test_what_no_unit_can_end_with_is_words(text):
    """A range with 以上, and a bracket saying what is counted (不含节假日, 含税: no mark of the
    bound), are read as words (a number against them is refused as no tier), never as a unit a
    bare actual would take."""
    target = parse_target(text)
    assert target.value is None and target.deadline is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2023年6月30日前（不含）", "leaves itself out"),  # write 6月29日前
        ("3月（不含）", "leaves itself out"),
        ("95%（不含）", "no comparison"),  # > or <? The rule set's default says neither
    ],
)
def test_a_bound_left_out_where_nothing_says_which_way_is_refused(text, said):
    with pytest.raises(ValueProblem, match=said):
        parse_target(text)


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        ("超过95%", ">", "95", "%"),
        ("超出10个", ">", "10", "个"),
        ("超500人", ">", "500", "人"),
        ("不足5%", "<", "5", "%"),
        ("不到3天", "<", "3", "天"),
        ("不超过5%", "≤", "5", "%"),  # the longer spelling first
        ("≥95%，", "≥", "95", "%"),  # a value typed as a sentence
        ("≤5%。", "≤", "5", "%"),
    ],
)
def test_comparison_words_units_write(text, op, value, unit):
    target = parse_target(text)
    if target.deadline is not None:  # 不到3天: a time limit, fewer than 3 days
        assert (op, target.deadline.within.value, target.deadline.strict) == ("<", D(3), True)
        return
    assert (target.op, target.value, target.unit) == (op, D(value), unit)


@pytest.mark.parametrize(
    ("text", "lower", "upper", "unit"),
    [
        ("±5%", "-5", "5", "%"),
        ("±5%以内", "-5", "5", "%"),
        ("+-0.5米", "-0.5", "0.5", "米"),
        # within it, in words or with ≤: the same range
        ("控制在±5%", "-5", "5", "%"),
        ("控制在±5%以内", "-5", "5", "%"),
        ("≤±3%", "-3", "3", "%"),
        ("不超过±2个", "-2", "2", "个"),
        # about a figure: the unit written once is both's
        ("100±5", "95", "105", None),
        ("100±5个", "95", "105", "个"),
        ("100个±5", "95", "105", "个"),
        ("20℃±2℃", "18", "22", "°C"),
        ("95%±5%", "90", "100", "%"),
        ("95%±5", "90", "100", "%"),
        ("0±5%", "-5", "5", "%"),  # about 0: ±5%
        ("1.5±0.25米", "1.25", "1.75", "米"),
        # the quantity it is of, 在, and what may close it
        ("误差±5%以内", "-5", "5", "%"),
        ("偏差率控制在±5%以内", "-5", "5", "%"),
        ("在±5%范围内", "-5", "5", "%"),
        ("±5%之间", "-5", "5", "%"),
        # percentage points are %; a deviation in a unit its figure's converts to
        ("95%±5个百分点", "90", "100", "%"),
        ("控制在±5个百分点", "-5", "5", "%"),
        ("1万元±500元", "0.95", "1.05", "万元"),
        ("1kg±5g", "0.995", "1.005", "千克"),
        # ± in words, and a figure and its deviation in brackets before their unit
        ("正负5%", "-5", "5", "%"),
        ("上下浮动不超过5%", "-5", "5", "%"),
        ("±5%以下", "-5", "5", "%"),
        ("(12±2)%", "10", "14", "%"),
        ("（60±10）%", "50", "70", "%"),
    ],
)
def test_a_deviation_either_way_is_a_range(text, lower, upper, unit):
    target = parse_target(text)
    assert (target.op, target.value, target.upper, target.unit) == (
        "～",
        D(lower),
        D(upper),
        unit,
    )


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("95%--100%", "95%至100%"),  # read with a minus sign it is reversed: one reading offered
        ("-10%--5%", "-10%至-5% or -10%至5%"),
        ("400000-50万元", "e.g. 400000元 if"),  # not 400000万元, above 50万元
        ("1万人次-20000", "e.g. 20000人次 if"),
    ],
)
def test_a_range_refused_offers_fixes_that_read(text, fix):
    with pytest.raises(ValueProblem) as raised:
        parse_target(text)
    assert fix in (raised.value.hint or "")
    if text == "95%--100%":
        assert "-100%" not in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        ("≥1小时30分钟", "≥", "90", "分钟"),
        ("1小时30分钟以上", "≥", "90", "分钟"),
        ("1年3个月", None, "15", "个月"),  # a 工期's limit, by its name
        ("半小时以上", "≥", "0.5", "小时"),
        ("≥1天半", "≥", "1.5", "天"),
        ("≥1小时30分", "≥", "90", "分钟"),  # 分 after 小时: minutes
        ("2h30min以上", "≥", "150", "分钟"),
    ],
)
def test_a_target_length_in_several_units_or_with_a_half_is_one_time(text, op, value, unit):
    target = parse_target(text)
    assert (target.op, target.value, target.unit, target.text) == (op, D(value), unit, text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("1小时12分钟", "72", "分钟"),
        ("2天12小时", "60", "小时"),
        ("1个半月", "1.5", "个月"),
        ("1小时20分", "80", "分钟"),
        ("2h40min", "160", "分钟"),
    ],
)
def test_an_actual_length_in_several_units_or_with_a_half_is_one_time(text, value, unit):
    assert parse_quantity(text) == Quantity(D(value), unit)


def test_a_length_in_units_that_do_not_convert_is_refused_where_it_is_written():
    with pytest.raises(ValueProblem, match="do not convert"):
        parse_target("≥3个月15天")
    with pytest.raises(ValueProblem, match="do not convert"):
        parse_quantity("3个月15天")


@pytest.mark.parametrize("text", ["1:12", "01:12:30"])
def test_a_value_that_reads_as_a_time_of_day_is_refused(text):
    """72 minutes, or a ratio (生师比 1:12)? A guess either way."""
    with pytest.raises(ValueProblem, match="time of day") as raised:
        parse_quantity(text)
    assert "1小时12分钟" in (raised.value.hint or "")


@pytest.mark.parametrize("text", ["30天±5天", "1小时±10分钟"])
def test_a_deviation_of_times_is_a_span_read_as_words(text):
    """As 25天-35天 is: a span of durations, never a ratio of its numbers."""
    assert parse_target(text).value is None


def test_a_target_that_reads_as_a_time_of_day_is_refused():
    with pytest.raises(ValueProblem, match="time of day"):
        parse_target("1:30")


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("4 500人", "4500人"),  # a space inside the figure, as a cell copied from a report
        ("95,0000元", "950000元"),  # a comma after four digits: grouped by 万
        ("1,2345人", "12345人"),
        ("4 500", "4500"),
    ],
)
def test_digits_split_where_no_thousands_separator_goes_are_refused_joined(raw, joined):
    # read to the split, the rest ('500人', '0元') had been called no unit
    with pytest.raises(ValueProblem) as raised:
        parse_quantity(raw)
    assert "split by a space or a comma" in str(raised.value)
    assert raised.value.hint.startswith(f"write the figure without it: {joined}")


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        # a target so written had been read as words, and its figure offered as ≥5
        ("≥5 000人", "write the figure without it: ≥5000人"),
        ("2 000-3 000人", "write the figure without it: 2000-3000人"),  # every figure joined
        ("≥10,00人", "without it: ≥1000人, or ≥10.00人 if the comma is a decimal point"),
        ("≥1,5万人", "without it: ≥15万人, or ≥1.5万人 if the comma is a decimal point"),
    ],
)
def test_a_target_with_its_digits_split_is_refused_joined(raw, hint):
    with pytest.raises(ValueProblem) as raised:
        parse_target(raw)
    assert hint in raised.value.hint


def test_a_thousands_separator_is_still_read():
    assert parse_quantity("1,234人") == parse_quantity("1234人")
