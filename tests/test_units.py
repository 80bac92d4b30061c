"""The unit table (scoring.units and units.toml): spellings, families, multipliers and exact
conversion; and a rule set's [units] added to it."""

from __future__ import annotations

from decimal import Decimal

import pytest

import scoring
from scoring.units import standard
from scoring.values import ValueProblem, align_units, parse_money, parse_quantity, parse_target

from .tables import one_project, row

D = Decimal


def _row_scored(target, actual: str, name: str = "覆盖率"):
    """The scored row of a department whose one project files this one row (weight 90)."""
    return scoring.score(one_project([row(name, target, actual, reason="说明")]), record=False)


def _row_refused(target, actual: str, name: str = "覆盖率") -> scoring.InputError:
    with pytest.raises(scoring.InputError) as raised:
        _row_scored(target, actual, name)
    return raised.value


@pytest.mark.parametrize(
    ("value", "unit", "into", "expected"),
    [
        ("1.1", "万亩", "亩", "11000"),
        ("8000", "亩", "万亩", "0.8"),
        ("2.6", "万人次", "人次", "26000"),
        ("15", "亩", "公顷", "1"),
        ("1", "公顷", "平方米", "10000"),
        ("1", "m2", "平方米", "1"),  # ㎡ and m² arrive as m2
        ("1", "平米", "平方米", "1"),
        ("0.9", "‰", "%", "0.09"),
        ("3823100", "元", "万元", "382.31"),
        ("1", "亿元", "万元", "10000"),
        ("5", "千元", "元", "5000"),
        ("1.5", "公里", "米", "1500"),
        ("2", "吨", "千克", "2000"),
        ("3000", "元/m2", "元/平方米", "3000"),
        ("2", "周", "天", "14"),
        ("1", "年", "个月", "12"),
        ("7", "个", "个", "7"),
    ],
)
def test_conversions_are_exact(value, unit, into, expected):
    assert standard().convert(D(value), unit, into) == D(expected)


@pytest.mark.parametrize(
    ("unit", "into"),
    [("个", "人"), ("%", "个"), ("万元", "%"), ("个月", "天"), ("个工作日", "天"), ("亩", "米")],
)
def test_units_of_different_dimensions_do_not_convert(unit, into):
    assert standard().convert(D(1), unit, into) is None


def test_an_inexact_conversion_keeps_28_digits():
    # 1 亩 = 1/15 公顷 does not terminate
    assert standard().convert(D(1), "亩", "公顷") == D(1) / D(15)


@pytest.mark.parametrize(
    ("raw", "value", "unit"),
    [
        ("100㎡", "100", "平方米"),
        ("100m²", "100", "平方米"),
        ("100平米", "100", "平方米"),
        ("3000元/㎡", "3000", "元/平方米"),
        ("3000元/平方米", "3000", "元/平方米"),
        ("0.9‰", "0.9", "‰"),
        ("95百分比", "95", "%"),
        ("12km", "12", "公里"),
        ("1.1万亩", "1.1", "万亩"),
    ],
)
def test_unit_spellings_are_read(raw, value, unit):
    quantity = parse_quantity(raw)
    assert (quantity.value, quantity.unit) == (D(value), unit)


def test_money_in_any_of_its_units():
    assert parse_money("3,823,100元") == D("382.31")
    assert parse_money("5千元") == D("0.5")
    assert parse_money("0.5亿元") == D(5000)


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("≥1.1万亩", "8000亩", ("1.1", "0.8", "万亩")),
        ("≤0.9‰", "0.05%", ("0.9", "0.5", "‰")),
        ("≥2.6万人次", "26000人次", ("2.6", "2.6", "万人次")),
    ],
)
def test_the_actual_is_put_in_the_targets_unit(target, actual, expected):
    t, a, unit = align_units(parse_target(target), parse_quantity(actual), standard())
    assert (t, a, unit) == (D(expected[0]), D(expected[1]), expected[2])


def test_a_rule_set_adds_units():
    rules = {
        "ruleset": {"id": "local", "extends": "mof-2020"},
        "units": {"families": {"mass": {"担": "50"}}, "aliases": {"市担": "担"}},
    }
    table = scoring.ruleset(rules).units
    assert table.convert(D(2), "市担", "千克") == D(100)
    assert standard().convert(D(2), "担", "千克") is None  # the standard table is unchanged


def test_a_rule_set_unit_scores():
    evaluation = {
        "department": {
            "name": "某县农业农村局",
            "year": 2023,
            "budget": {"adjusted": 10, "spent": 10},
        },
        "projects": [
            {
                "name": "粮食收储",
                "budget": {"adjusted": 10, "spent": 10},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "收储量",
                        "target": "≥100担",
                        "actual": "4000千克",
                        "weight": 90,
                    }
                ],
            }
        ],
    }
    rules = {
        "ruleset": {"id": "local", "extends": "mof-2020"},
        "units": {"families": {"mass": {"担": "50"}}},
    }
    row = scoring.score(evaluation, rules=rules).projects[0].indicators[0]
    assert (row.rate, row.score) == (D("0.8"), D("72.00"))  # 4000 kg = 80 担 of 100


@pytest.mark.parametrize(
    ("target", "actual"), [("≥1.1万亩", "8000"), ("8000", "1.1万亩"), ("≥2.6万人次", "25000")]
)
def test_a_bare_number_against_a_multiplied_unit_is_refused(target, actual):
    """8000 against 1.1万亩: 8000 亩 or 8000 万亩? Guessing would be a silent wrong score."""
    with pytest.raises(ValueProblem) as raised:
        align_units(parse_target(target), parse_quantity(actual), standard())
    assert raised.value.code == "unit-ambiguous"
    assert "万亩" in str(raised.value) or "万人次" in str(raised.value)


def test_a_bare_amount_against_wanyuan_is_in_wanyuan():
    t, a, unit = align_units(parse_target("≥40万元"), parse_quantity("33.06"), standard())
    assert (t, a, unit) == (D(40), D("33.06"), "万元")


@pytest.mark.parametrize(
    ("target", "actual", "field"),
    [
        ("≥95%", "1.02", "actual"),  # 102% or 1.02%?
        ("≥95%", "1", "actual"),
        ("1.5", "96%", "target"),
    ],
)
def test_a_bare_number_near_one_against_a_large_percentage_is_refused(target, actual, field):
    with pytest.raises(ValueProblem) as raised:
        align_units(parse_target(target), parse_quantity(actual), standard())
    assert raised.value.code == "percent-ambiguous" and raised.value.field == field


def test_a_bare_number_near_one_against_a_small_percentage_is_read():
    # ≥3% against 1.5: 1.5% is a plausible shortfall on a 3% target, 150% is not asked about
    t, a, unit = align_units(parse_target("≥3%"), parse_quantity("1.5"), standard())
    assert (t, a, unit) == (D(3), D("1.5"), "%")


@pytest.mark.parametrize(("target", "actual"), [("100", "0.98"), ("0.95", "96"), ("5", "1.5")])
def test_two_bare_numbers_on_a_rate_row_one_like_a_fraction_are_refused(target, actual):
    with pytest.raises(ValueProblem) as raised:
        align_units(parse_target(target), parse_quantity(actual), standard(), rate=True)
    assert raised.value.code == "percent-ambiguous"
    # on a row that is not a rate (个, 人) the same numbers are counts
    align_units(parse_target(target), parse_quantity(actual), standard(), rate=False)


def test_a_bare_wan_is_a_number():
    t, a, unit = align_units(parse_target("≥10万"), parse_quantity("95000"), standard())
    assert (t, a, unit) == (D(100000), D(95000), None)
    t, a, unit = align_units(parse_target("≥1万"), parse_quantity("9000份"), standard())
    assert (t, a, unit) == (D(10000), D(9000), "份")
    assert parse_money("382万") == D(382)


@pytest.mark.parametrize(
    ("target", "actual", "aligned"),
    [
        # a bare 万 or 亿 against money is 万元 or 亿元, in the target's unit
        ("≤100万", "120万元", (D(100), D(120), "万元")),
        ("≤100万元", "120万", (D(100), D(120), "万元")),
        ("≥2亿", "1.5亿元", (D(2), D("1.5"), "亿元")),
        ("≤2000元", "0.2万", (D(2000), D(2000), "元")),
        ("≤2000千元", "120万", (D(2000), D(1200), "千元")),
        # against a unit with 万 in front, that unit's: 0.8万 against 万人次 is 0.8万人次
        ("1万人次以上", "0.8万", (D(1), D("0.8"), "万人次")),
        ("≥1.1万亩", "1.2万", (D("1.1"), D("1.2"), "万亩")),
        # against a plain unit or a bare number, a number
        ("≥1万", "9000份", (D(10000), D(9000), "份")),
        ("≥10万", "120000", (D(100000), D(120000), None)),
    ],
)
def test_a_bare_wan_against_a_unit_multiplies_it(target, actual, aligned):
    assert align_units(parse_target(target), parse_quantity(actual), standard()) == aligned


@pytest.mark.parametrize(("raw", "unit"), [("12KM", "公里"), ("100M2", "平方米"), ("3T", "吨")])
def test_latin_units_in_capitals(raw, unit):
    assert parse_quantity(raw).unit == unit


@pytest.mark.parametrize(
    ("target", "actual", "readings"),
    [
        # a bare amount ten thousand times off in the target's unit, near it in another
        ("≤0.5万元", "6000", "6000万元 or 6000元"),
        ("≥10万元", "95000", "95000万元 or 95000元"),
        ("≤2000元", "0.25", "0.25元 or 0.25万元"),
        # against a figure with 万 and no unit: the number, or that many 万
        ("≤30万", "33", "33 or 33万"),
        ("≥2万", "1.5", "1.5 or 1.5万"),
    ],
)
def test_a_bare_number_nearer_the_target_read_another_way_is_refused(target, actual, readings):
    with pytest.raises(ValueProblem, match="has no unit") as raised:
        align_units(parse_target(target), parse_quantity(actual), standard())
    assert readings in str(raised.value) and raised.value.code == "unit-ambiguous"


@pytest.mark.parametrize(
    ("target", "actual", "aligned"),
    [
        ("≥40万元", "33.06", (D(40), D("33.06"), "万元")),  # amounts are in 万元
        ("≤2000元", "1500", (D(2000), D(1500), "元")),
        ("≥100万元", "5", (D(100), D(5), "万元")),  # far either way: the usual reading
        ("≥10万", "120000", (D(100000), D(120000), None)),
        ("≥1万", "9000", (D(10000), D(9000), None)),
    ],
)
def test_a_bare_number_nearest_in_its_usual_reading_is_read_so(target, actual, aligned):
    assert align_units(parse_target(target), parse_quantity(actual), standard()) == aligned


def test_tens_of_millions_of_yuan_convert():
    assert align_units(parse_target("≤3千万元"), parse_quantity("2500万元"), standard()) == (
        D(3),
        D("2.5"),
        "千万元",
    )


@pytest.mark.parametrize(
    ("target", "actual", "aligned"),
    [
        ("≥2000元/人", "1800", (D(2000), D(1800), "元/人")),
        ("≤500万元/公里", "480", (D(500), D(480), "万元/公里")),  # amounts: in the target's unit
    ],
)
def test_money_per_unit_reads_a_bare_amount_as_money_does(target, actual, aligned):
    assert align_units(parse_target(target), parse_quantity(actual), standard()) == aligned


@pytest.mark.parametrize(("target", "actual"), [("≥2000元/人", "0.25"), ("≤3000元/平方米", "0.28")])
def test_money_per_unit_refuses_a_bare_amount_nearer_in_wan(target, actual):
    """0.25 against ≥2000元/人: 0.25 元/人, or 0.25 万元/人 = 2500 元/人, 8000 times nearer."""
    with pytest.raises(ValueProblem, match="has no unit"):
        align_units(parse_target(target), parse_quantity(actual), standard())


def test_a_conversion_without_an_end_is_shown_rounded_and_scored_exact():
    """10分钟 against ≥半小时 is 0.1666…小时: the explanation shows ≈0.17小时 (not 28 digits),
    and the rate is 10 / 30 exact: 1/3 × 90 = 30.00 (0.17 / 0.5 would give 30.60)."""
    evaluation = {
        "department": {"name": "某县人社局", "year": 2023, "budget": {"adjusted": 10, "spent": 10}},
        "projects": [
            {
                "name": "职业技能培训",
                "budget": {"adjusted": 10, "spent": 10},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "单次培训时长",
                        "target": "≥半小时",
                        "actual": "10分钟",
                        "weight": 90,
                        "reason": "课时压缩",
                    }
                ],
            }
        ],
    }
    row = scoring.score(evaluation).projects[0].indicators[0]
    assert row.score == D("30.00")
    assert "≈0.17小时" in row.explanation and "0.1666" not in row.explanation


def test_times_that_do_not_convert_are_said_to_be_times():
    """≥1年 against 200天: a month is not a whole number of days. The fix names the target's
    unit, not money and areas."""
    target = parse_target("≥1年")
    with pytest.raises(ValueProblem) as raised:
        align_units(target, parse_quantity("200天"), standard())
    assert "年" in (raised.value.hint or "") and "万元" not in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("target", "actual", "said"), [("≥30分钟", "20分", "20"), ("≥30分", "20分钟", "30")]
)
def test_fen_beside_a_time_is_asked_minutes_or_points(target, actual, said):
    """20分 against ≥30分钟 (or ≥30分 against 20分钟): 分 alone is minutes or points (得分), so
    it is not read as either; the fix writes 分钟."""
    with pytest.raises(ValueProblem) as raised:
        align_units(parse_target(target), parse_quantity(actual), standard())
    assert f"{said}分 beside a time in 分钟: minutes, or points" in str(raised.value)
    assert f"write {said}分钟 if it is minutes" in (raised.value.hint or "")


@pytest.mark.parametrize(
    ("target", "actual", "aligned"),
    [
        (
            "≥1200台（套）",
            "1268台（套）",
            ("1200", "1268", "台(套)"),
        ),  # as equipment tables write it
        ("≥1200台(套)", "1268台（套）", ("1200", "1268", "台(套)")),
        ("≥3个（含）", "3个", ("3", "3", "个")),  # （含） is a bound's mark, not a unit
    ],
)
def test_a_unit_with_its_alternative_in_brackets_is_one_unit(target, actual, aligned):
    t_value, a_value, unit = align_units(parse_target(target), parse_quantity(actual), standard())
    assert (str(t_value), str(a_value), unit) == aligned


def test_a_unit_with_its_alternative_against_one_of_them_is_refused():
    """≥1200台（套） against 1268台: the same unit or not? Refused, the fix to write both alike."""
    with pytest.raises(ValueProblem, match="台"):
        align_units(parse_target("≥1200台（套）"), parse_quantity("1268台"), standard())


@pytest.mark.parametrize(
    "target", ["2次（以内）", "5件（以下）", "30天（内）", "1万元（年）", "50人（左右）"]
)
def test_a_bound_or_a_span_in_brackets_is_no_unit(target):
    """2次（以内） is at most 2次, not 2 of a unit 次（以内）: read so, it was scored as at least.
    Not a unit; the row is words, refused at its actual with the target to restate."""
    assert parse_target(target).unit is None


def test_a_unit_per_one_with_its_alternative():
    """≤500元/台（套） with 480元/台（套）: money for each 台（套）, one unit."""
    t_value, a_value, unit = align_units(
        parse_target("≤500元/台（套）"), parse_quantity("480元/台（套）"), standard()
    )
    assert (str(t_value), str(a_value), unit) == ("500", "480", "元/台(套)")


@pytest.mark.parametrize(
    ("target", "actual", "aligned"),
    [
        # 百万 and 千万 alone are numbers, as 万 is: 4百万 is 4,000,000 against 500万's
        # 5,000,000 (400 / 500 = 80 %: 72.00 of 90); it had been 4 of a unit 百万, against
        # 5,000,000 百万, and scored 0 without a word
        ("≥500万", "4百万", (D(5000000), D(4000000), None)),
        ("≥5000万", "4.5千万", (D(50000000), D(45000000), None)),
        ("≥5千万", "4500万", (D(50000000), D(45000000), None)),
        # 千 alone is a number: ≤3千 against 2800 is 2800 ≤ 3000 (it was 2800 千)
        ("≤3千", "2800", (D(3000), D(2800), None)),
        ("≥2千", "1800", (D(2000), D(1800), None)),
        # before a unit nobody listed, 千 multiplies it: 1.5千人 is 1500 人
        ("≥1.5千人", "1200人", (D("1.5"), D("1.2"), "千人")),
        ("≥100万元", "3百万元", (D(100), D(300), "万元")),
        # a unit listed under its own name is read by it: 千米 is 公里, 千克 a kilogram
        ("≥100千米", "90公里", (D(100), D(90), "公里")),
        ("≥5千克", "4.5公斤", (D(5), D("4.5"), "千克")),
    ],
)
def test_bai_qian_baiwan_and_qianwan_multiply_as_wan_does(target, actual, aligned):
    assert align_units(parse_target(target), parse_quantity(actual), standard()) == aligned


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("≥1.5千人", "1200"),  # 1200 人 or 1200 千人?
        ("≥5百万元", "450"),  # 450 万元 (4.5 百万元, nearer 5) or 450 百万元?
    ],
)
def test_a_bare_number_against_qian_or_baiwan_before_a_unit_is_refused(target, actual):
    with pytest.raises(ValueProblem) as raised:
        align_units(parse_target(target), parse_quantity(actual), standard())
    assert raised.value.code == "unit-ambiguous"


@pytest.mark.parametrize(
    ("target", "actual", "aligned"),
    [
        # a multiplier before a Latin unit: 1万㎡ (NFKC: 1万m2) against 9000㎡ is 0.9万m2
        ("≥1万㎡", "9000㎡", (D(1), D("0.9"), "万m2")),
        ("≥1万m³", "9000立方米", (D(1), D("0.9"), "万m3")),
        ("≥1万平米", "0.9万㎡", (D(1), D("0.9"), "万平米")),
        # a 度 of electricity is a 千瓦时 (kWh)
        ("≥100万千瓦时", "90万度", (D(100), D(90), "万千瓦时")),
        ("≥100万kWh", "900000千瓦时", (D(100), D(90), "万kWh")),
        ("≤26度", "25度", (D(26), D(25), "度")),
        # a multiplier is no part of a unit's four characters: 百万千瓦时
        ("≥1百万千瓦时", "0.9百万千瓦时", (D(1), D("0.9"), "百万千瓦时")),
        ("≥1千万千瓦时", "900万千瓦时", (D(1), D("0.9"), "千万千瓦时")),
    ],
)
def test_square_metres_and_kilowatt_hours_with_wan(target, actual, aligned):
    assert align_units(parse_target(target), parse_quantity(actual), standard()) == aligned


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("≤5‰", "0.006"),  # 6‰ as a fraction (1.2 × 5‰), or 0.006‰ (a thousandth of it)?
        ("≤0.5%", "0.006"),  # 0.6 % or 0.006 %?
        ("≤0.8%", "0.009"),
        ("≤0.5%", "0.005"),  # 0.5 % either way? 0.005 % as written: a hundredth of the target
    ],
)
def test_a_fraction_nearer_a_small_percentage_than_its_reading_is_refused(target, actual):
    with pytest.raises(ValueProblem) as raised:
        align_units(parse_target(target), parse_quantity(actual), standard())
    assert raised.value.code == "percent-ambiguous"


@pytest.mark.parametrize(
    ("target", "actual", "aligned"),
    [
        ("≤0.5%", "0.3", (D("0.5"), D("0.3"), "%")),  # 0.3 %: 30 % is 60 times off
        ("≤5‰", "3", (D(5), D(3), "‰")),  # more than 1: not a fraction
        ("≤5‰", "0.5", (D(5), D("0.5"), "‰")),  # 0.5‰ is 10 times off, 50 % 100 times
    ],
)
def test_a_bare_number_nearest_a_small_percentage_as_written_is_read(target, actual, aligned):
    assert align_units(parse_target(target), parse_quantity(actual), standard()) == aligned


@pytest.mark.parametrize("actual", ["90%", "90"])
def test_a_fraction_with_its_percent_given_apart_is_refused(actual):
    # {value = 0.95, unit = "%"} against 90%: 0.95 % (90 % met it: full marks) or 95 %
    # (90 / 95 × 90 = 85.26)? A budget system exports the form's 度量单位 so.
    refused = _row_refused({"op": "≥", "value": D("0.95"), "unit": "%"}, actual)
    problem = refused.problems[0]
    assert refused.code == "percent-ambiguous"
    assert problem.where == "projects[0].indicators[0].target"
    assert "0.95% or 95%" in problem.message
    assert "value = 95" in problem.hint and '"≥0.95%"' in problem.hint


def test_a_fraction_with_its_permille_given_apart_is_fixed_in_permille():
    # {value = 0.005, unit = "‰"} against 3‰: 0.005‰, or 0.5 % — which is 5‰, value = 5
    refused = _row_refused({"op": "≤", "value": D("0.005"), "unit": "‰"}, "3‰", "差错率")
    assert "value = 5 if" in refused.problems[0].hint


@pytest.mark.parametrize(
    ("target", "actual", "score"),
    [
        ({"op": "≥", "value": D(95), "unit": "%"}, "90%", "85.26"),  # 90 / 95 × 90
        ({"op": "≤", "value": D("0.5"), "unit": "%"}, "0.3%", "90.00"),  # two small rates
        ({"op": "≥", "value": "0.95%", "unit": "%"}, "90%", "90.00"),  # the % in the value
    ],
)
def test_a_value_with_its_unit_apart_that_is_no_fraction_is_read(target, actual, score):
    assert str(_row_scored(target, actual).projects[0].indicators[0].score) == score


@pytest.mark.parametrize(
    ("target", "actual", "score"),
    [
        # 千 on one bound and 万 on the other: 5000 to 10000 (9000 had been asked 9000千 or
        # 9000万?), or of the upper's unit (5千-1万元 is 0.5 to 1 万元: it was read as words)
        ("5千-1万", "9000", "90.00"),
        ("8千-1.2万", "9000", "90.00"),
        ("5千-1万元", "8000元", "90.00"),
        ("5千至1万人", "8000人", "90.00"),
        # above the range: scored by its upper bound, reverse-linear, (2 − 1.2 / 1) × 90 = 72.00
        ("5千-1万元", "1.2万元", "72.00"),
        ("5千-1万", "12000", "72.00"),
    ],
)
def test_a_range_with_qian_and_wan_on_its_bounds(target, actual, score):
    assert str(_row_scored(target, actual, "带动就业").projects[0].indicators[0].score) == score


@pytest.mark.parametrize(
    ("target", "actual", "score"),
    [
        # a rate per a figure, as 孕产妇死亡率 is written: one unit, equal only to itself
        ("≤15/10万", "12/10万", "90.00"),
        ("≤15/10万", "12", "90.00"),  # a bare figure takes the target's unit
        ("≤15人/10万人", "18人/10万人", "72.00"),  # reverse-linear: (2 − 18 / 15) × 90
        ("≤1/万", "0.8/万", "90.00"),  # per 万 alone
        ("≤15/10 万", "12/10万", "90.00"),  # a space inside the figure it is per
        # a space inside a unit is no part of it (100万 元 had been a unit '万 元')
        ("≥100万 元", "95万元", "85.50"),  # 95 / 100 × 90
        ("≥1.2万人", "1.15万 人", "86.25"),
    ],
)
def test_rates_per_a_figure_and_units_with_a_space(target, actual, score):
    scored = _row_scored(target, actual, "孕产妇死亡率")
    assert str(scored.projects[0].indicators[0].score) == score


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("≤5‰", "0.004"),  # 0.004‰, or 0.4% = 4‰: within 5‰ either way
        ("≤0.5%", "0.003"),  # 0.003%, or 0.3%
        ("≤5%", "0.03"),  # 0.03%, or 3%
        ("≤5‰", "0.005"),  # 0.5% = 5‰ is at the limit, which ≤ holds
    ],
)
def test_a_bare_fraction_within_a_limit_either_way_is_scored_and_said(target, actual):
    # full marks, 90.00, by both readings (it had been refused as 0.004‰ or 0.4%?)
    result = _row_scored(target, actual, "差错率")
    assert str(result.projects[0].indicators[0].score) == "90.00"
    said = [f for f in result.findings if f.code == "read-assumption"]
    assert [f.where for f in said] == ["projects[0].indicators[0].actual"]
    assert "within the target" in said[0].message


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("<5‰", "0.005"),  # 0.5% = 5‰ is the bound < leaves out: the readings score apart
        ("≥0.5%", "0.004"),  # at least: 0.004% misses, 0.4% misses less
        ("≥95%", "0.9"),
    ],
)
def test_a_bare_fraction_whose_readings_may_score_apart_is_still_refused(target, actual):
    assert _row_refused(target, actual, "差错率").code == "percent-ambiguous"
