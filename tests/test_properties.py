"""Properties SPEC §2 promises for every input, checked with hypothesis.

Through the real API (``scoring.score`` on a dict, default rule set mof-2020) and through the
built-in methods directly:

- a rate is in [0, 1] for every built-in method, signed values included (or None: the row is
  the evaluator's);
- ≥ indicators are monotonic non-decreasing in the actual, ≤ indicators non-increasing;
- a deadline met earlier never scores below one met later;
- a project's total is the sum of its printed parts (rescaled only when the weights pass full
  marks), no indicator earns more than its weight and no total more than full marks;
- the budget-weighted department score lies between the lowest and highest project totals.
"""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import scoring
from scoring import methods
from scoring.methods import MethodInput, Qualitative, Quantitative, Rating

D = Decimal
ZERO, ONE = D(0), D(1)
HUNDRED, NINETY, TEN = D(100), D(90), D(10)

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)
signed = st.decimals(
    min_value=-(10**6), max_value=10**6, places=2, allow_nan=False, allow_infinity=False
)
weights = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
indicator_weights = st.decimals(
    min_value=0, max_value=90, places=2, allow_nan=False, allow_infinity=False
)


def text(value: Decimal) -> str:
    """A Decimal as a table writes it: plain notation, never an exponent."""
    return format(value, "f")


RULES = scoring.ruleset("mof-2020")
QUANTUM = RULES.quantum


# --- evaluation builders ----------------------------------------------------------------------


def indicator(target, actual, weight=None, score=None, level1="产出指标", name="指标") -> dict:
    row = {"level1": level1, "level2": "数量指标", "name": name, "target": target, "actual": actual}
    if weight is not None:
        row["weight"] = text(weight)
    if score is not None:
        row["score"] = text(score)
    return row


def project(indicators, adjusted=HUNDRED, spent=HUNDRED, name="项目") -> dict:
    return {
        "name": name,
        "budget": {"adjusted": text(adjusted), "spent": text(spent)},
        "indicators": list(indicators),
    }


def evaluation(*projects) -> dict:
    return {
        "department": {"name": "单位", "year": 2023, "budget": {"adjusted": "100", "spent": "100"}},
        "projects": list(projects),
    }


def score_one(target, actual, weight=NINETY):
    """The project and the indicator under test, scored under mof-2020.

    A qualitative filler row takes the rest of the 90 indicator points, so the weights always
    add up to the rule set's total with the execution row (no `weights-total` path).
    """
    rows = [indicator(target, actual, weight)]
    if weight != 90:
        rows.append(indicator("效果明显", "达成", D(90) - weight, level1="效益指标", name="补足"))
    result = scoring.score(evaluation(project(rows)))
    return result.projects[0], result.projects[0].indicators[0]


# --- 1. every built-in method gives a rate in [0, 1] -----------------------------------------

BANDS_PARAMS = [
    {
        "bands": [
            {"min": D("0.95"), "rate": D("1.0")},
            {"min": D("0.9"), "rate": D("0.9")},
            {"min": D("0.8"), "rate": D("0.7")},
            {"min": D(0), "rate": D(0)},
        ]
    },
    {
        "bands": [
            {"max": D("1.0"), "rate": D(1)},
            {"max": D("1.1"), "rate": D("0.8")},
            {"max": D("1.3"), "rate": D("0.5")},
        ]
    },
    {
        "of": "actual",
        "bands": [{"min": D(90), "rate": D(1)}, {"min": D(80), "max": D(90), "rate": D("0.8")}],
    },
    {"bands": []},
]

QUANTITATIVE_METHODS = ["ratio", "reverse-linear", "reverse-ratio", "equal", "proportional"]


def view(target, actual, op="≥", weight=TEN, tier=None) -> MethodInput:
    """A method's input: a 定性 row when a tier is given, else a 定量 row."""
    common = {"level1": "产出指标", "level2": "数量指标", "name": "指标", "weight": weight}
    if tier is not None:
        return Qualitative(tier=tier, actual_text=tier, **common)
    return Quantitative(
        op=op,
        target=target,
        actual=actual,
        unit="%",
        target_text=f"{op}{target}",
        actual_text=f"{actual}",
        **common,
    )


def assert_rate(rating, judged_allowed=False):
    assert isinstance(rating, Rating)
    assert isinstance(rating.explanation, str) and rating.explanation
    if rating.rate is None:
        assert judged_allowed, rating
        return
    assert isinstance(rating.rate, (Decimal, Fraction))
    assert ZERO <= rating.rate <= ONE


@SETTINGS
@given(target=amounts, actual=amounts, name=st.sampled_from(QUANTITATIVE_METHODS))
@example(target=D(0), actual=D(0), name="ratio")
@example(target=D(0), actual=D("0.01"), name="reverse-linear")
@example(target=D(0), actual=D("0.01"), name="reverse-ratio")
@example(target=D(0), actual=D("0.01"), name="equal")
@example(target=D(0), actual=D(5), name="proportional")
@example(target=D("0.01"), actual=D(10**6), name="proportional")
@example(target=D("0.01"), actual=D(10**6), name="reverse-linear")
def test_quantitative_methods_rate_in_unit_interval(target, actual, name):
    assert_rate(methods.BUILTIN[name](view(target, actual), {}))


@SETTINGS
@given(
    target=signed,
    actual=signed,
    name=st.sampled_from(["ratio", "reverse-linear", "reverse-ratio", "equal", "bands"]),
    op=st.sampled_from(["≥", "≤", "="]),
)
@example(target=D(-5), actual=D(-8), name="ratio", op="≥")
@example(target=D(-5), actual=D(-3), name="ratio", op="≥")
@example(target=D(5), actual=D(-1), name="reverse-linear", op="≤")
@example(target=D(-2), actual=D(-1), name="reverse-ratio", op="≤")
@example(target=D(0), actual=D(-2), name="equal", op="=")
def test_signed_values_give_a_rate_in_unit_interval_or_the_evaluators_judgement(
    target, actual, name, op
):
    """Signed inputs: a rate in [0, 1]; a met target is full marks; None only when the target
    is missed and no ratio has a meaning (target below 0, or actual below 0)."""
    rating = methods.BUILTIN[name](view(target, actual, op=op), BANDS_PARAMS[0])
    assert_rate(rating, judged_allowed=True)
    upper = name.startswith("reverse") or (name == "bands" and op == "≤")
    met = actual <= target if upper else actual >= target
    if name == "equal":
        met = actual == target
    if rating.rate is None:
        # no ratio: a target below 0, an actual below 0, or (a ratio of) a target of 0
        assert not met and (target < 0 or actual < 0 or (name == "bands" and target == 0))
    elif met and name != "bands":
        assert rating.rate == 1


@SETTINGS
@given(target=amounts, actual=amounts, params=st.sampled_from(BANDS_PARAMS))
@example(target=D(0), actual=D(0), params=BANDS_PARAMS[0])
def test_bands_rate_in_unit_interval(target, actual, params):
    assert_rate(methods.BUILTIN["bands"](view(target, actual), params))


@pytest.mark.parametrize("tier", [t.name for t in RULES.tiers])
def test_tiers_rate_in_unit_interval(tier):
    assert_rate(
        methods.BUILTIN["tiers"](view(None, None, op=None, tier=tier), RULES.data["qualitative"])
    )


@SETTINGS
@given(
    target=amounts,
    low=amounts,
    high=amounts,
    name=st.sampled_from(["ratio", "equal", "proportional"]),
)
def test_methods_for_at_least_are_monotonic(target, low, high, name):
    if name == "equal":
        assume(target > 0)  # "=" with target 0 is full only at 0 (SPEC §2): not monotonic by design
    low, high = sorted((low, high))
    method = methods.BUILTIN[name]
    assert method(view(target, low), {}).rate <= method(view(target, high), {}).rate


@SETTINGS
@given(
    target=amounts,
    low=amounts,
    high=amounts,
    name=st.sampled_from(["reverse-linear", "reverse-ratio"]),
)
def test_methods_for_at_most_are_antitonic(target, low, high, name):
    low, high = sorted((low, high))
    method = methods.BUILTIN[name]
    assert method(view(target, low, op="≤"), {}).rate >= method(view(target, high, op="≤"), {}).rate


# --- 2. monotonicity through scoring.score ----------------------------------------------------

GE_FORMS = [
    "≥{}%",
    ">={}%",
    "≧{}%",
    "不低于{}%",
    "不少于{}%",
    "大于等于{}%",
    "至少{}%",
    "{}%以上",
    "＞＝{}%",
    "{}%",
    "≥{}百分比",
]
LE_FORMS = [
    "≤{}万元",
    "<={}万元",
    "≦{}万元",
    "不高于{}万元",
    "不超过{}万元",
    "不多于{}万元",
    "小于等于{}万元",
    "{}万元以内",
    "{}万元以下",
    "＜＝{}万元",
]


@SETTINGS
@given(
    target=amounts, a=amounts, b=amounts, form=st.sampled_from(GE_FORMS), weight=indicator_weights
)
@example(target=D(100), a=D(99), b=D(120), form="≥{}%", weight=D(90))  # b crosses 1.2 × target
def test_at_least_a_higher_actual_never_lowers_the_score(target, a, b, form, weight):
    low, high = sorted((a, b))
    target_text = form.format(text(target))
    p_low, i_low = score_one(target_text, f"{text(low)}%", weight)
    p_high, i_high = score_one(target_text, f"{text(high)}%", weight)
    assert i_low.method == i_high.method == "ratio"
    assert i_low.rate <= i_high.rate
    assert i_low.score <= i_high.score
    assert p_low.score <= p_high.score


@SETTINGS
@given(
    target=amounts, a=amounts, b=amounts, form=st.sampled_from(LE_FORMS), weight=indicator_weights
)
@example(target=D(50), a=D(50), b=D(100), form="≤{}万元", weight=D(90))
@example(target=D(0), a=D(0), b=D("0.01"), form="≤{}万元", weight=D(90))
def test_at_most_a_higher_actual_never_raises_the_score(target, a, b, form, weight):
    low, high = sorted((a, b))
    target_text = form.format(text(target))
    p_low, i_low = score_one(target_text, f"{text(low)}万元", weight)
    p_high, i_high = score_one(target_text, f"{text(high)}万元", weight)
    assert i_low.method == i_high.method == "reverse-linear"
    assert i_low.rate >= i_high.rate
    assert i_low.score >= i_high.score
    assert p_low.score >= p_high.score


# --- 3. totals add up; no indicator earns more than its weight --------------------------------

QUALITATIVE_TARGETS = ["效果明显", "及时", "严格执行相关制度规定"]
TIER_WORDS = [w for t in RULES.tiers for w in (t.name, *t.aliases)]
OP_FORMS = {
    "≥": "≥{v}{u}",
    ">": ">{v}{u}",
    "≤": "≤{v}{u}",
    "<": "<{v}{u}",
    "=": "={v}{u}",
    None: "{v}{u}",
}
UNITS = ["%", "个", "万元", "人次", ""]


@st.composite
def rows(draw, weight=None, filed_places=2, level1s=("产出指标", "效益指标", "满意度指标")):
    """One indicator row of any kind: quantitative under any op and unit, or qualitative."""
    level1 = draw(st.sampled_from(level1s))
    filed = None
    if draw(st.booleans()):
        filed = draw(
            st.decimals(
                min_value=0,
                max_value=100,
                places=filed_places,
                allow_nan=False,
                allow_infinity=False,
            )
        )
    if draw(st.integers(0, 4)) == 0:
        target = draw(st.sampled_from(QUALITATIVE_TARGETS))
        actual = draw(st.sampled_from([*TIER_WORDS, target]))
    else:
        op = draw(st.sampled_from(list(OP_FORMS)))
        unit = draw(st.sampled_from(UNITS))
        value = draw(amounts)
        if op is None and value == 0 and unit != "%":
            op = "≥"  # a bare 0 no word reads is refused (none allowed, or any?): given its sign
        target = OP_FORMS[op].format(v=text(value), u=unit)
        # a bare fraction against a percentage, and a bare amount nearer its target in 元 or
        # 万元 than in the target's unit, are refused as ambiguous: give % and money their unit
        actual = text(draw(amounts)) + (
            unit if unit in ("%", "万元") else draw(st.sampled_from([unit, ""]))
        )
    return indicator(target, actual, weight, filed, level1=level1)


@st.composite
def split(draw, count, total=NINETY):
    """``count`` random weights of two decimals that add up to ``total`` exactly."""
    cents = int(total * 100)
    cuts = sorted(draw(st.lists(st.integers(0, cents), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, cents]
    return [D(b - a) / 100 for a, b in itertools.pairwise(bounds)]


@st.composite
def projects(draw, weighting="balanced", filed_places=2, name="项目", max_size=6):
    """A project of 1..max_size rows.

    ``balanced``: explicit random weights adding up to 90 (100 with the execution row);
    ``random``: explicit random weights, any sum; ``default``: no weights, all three categories.
    """
    count = draw(st.integers(1 if weighting != "default" else 3, max_size))
    if weighting == "balanced":
        row_weights = draw(split(count))
    elif weighting == "random":
        row_weights = draw(st.lists(weights, min_size=count, max_size=count))
    else:
        row_weights = [None] * count
    inds = [draw(rows(weight=w, filed_places=filed_places)) for w in row_weights]
    if weighting == "default":  # every category present: the defaults are used as they are
        for row, level1 in zip(inds, ("产出指标", "效益指标", "满意度指标")):
            row["level1"] = level1
    for i, row in enumerate(inds):
        row["name"] = f"指标{i}"
    return project(inds, adjusted=draw(amounts), spent=draw(amounts), name=name)


def check_parts(table):
    """The printed table adds up (rescaled to full marks when the weights pass them), nothing
    earns more than its weight and no total more than full marks."""
    execution = table.execution
    assert execution.rate >= ZERO and ZERO <= execution.score_rate <= ONE
    assert ZERO <= execution.score <= execution.weight
    for ind in table.indicators:
        assert ind.applicable
        assert ZERO <= ind.rate <= ONE
        assert ZERO <= ind.score <= ind.weight, ind
    parts = execution.score + sum((i.score for i in table.indicators), ZERO)
    full = execution.weight + sum((i.weight for i in table.indicators), ZERO)
    if full > RULES.total:
        assert table.score == RULES.round(Fraction(parts) * Fraction(RULES.total) / Fraction(full))
    else:
        assert table.score == parts
    assert ZERO <= table.score <= RULES.total
    for name, category in table.categories.items():
        assert category.score == sum((i.score for i in table.indicators if i.level1 == name), ZERO)
        assert category.score <= category.weight


@SETTINGS
@given(proj=projects(weighting="balanced"))
@example(proj=project([indicator("≥10", "20", D(90), D(9))]))  # accepted 适度调减
@example(proj=project([indicator("效果明显", "达成", D(90), D(80))]))  # filed inside the band
@example(proj=project([indicator("效果明显", "部分达成", D(90), D(80))]))  # filed outside the band
@example(
    proj=project(
        [
            indicator("≤10万元", "15万元", D("33.33")),
            indicator("=0个", "0个", D("33.33")),
            indicator("<5%", "5%", D("23.34")),
        ]
    )
)
def test_total_is_the_sum_of_its_printed_parts(proj):
    result = scoring.score(evaluation(proj))
    check_parts(result.projects[0])


@SETTINGS
@given(proj=projects(weighting="default"))
@example(
    proj=project(
        [
            indicator("≥1个", "1个", level1="产出指标"),
            indicator("≥1个", "1个", level1="产出指标"),
            indicator("≥1个", "1个", level1="产出指标"),
            indicator("≥1", "1", level1="效益指标"),
            indicator("≥1", "1", level1="满意度指标"),
        ]
    )
)  # 50 split in three
def test_default_weights_add_up_and_the_total_is_the_sum_of_its_parts(proj):
    table = scoring.score(evaluation(proj)).projects[0]
    check_parts(table)
    assert table.execution.weight + sum((i.weight for i in table.indicators), ZERO) == RULES.total


@SETTINGS
@given(proj=projects(weighting="random"))
@example(proj=project([indicator("≥7个", "7个", D(50))]))
def test_any_explicit_weights_are_used_as_filed_and_flagged(proj):
    """Weights not adding up: `weights-total` says so; the weights stay as filed, and only a
    total that would pass full marks is rescaled to them."""
    result = scoring.score(evaluation(proj))
    table = result.projects[0]
    check_parts(table)
    filed = [text_to_decimal(row["weight"]) for row in proj["indicators"]]
    assert [i.weight for i in table.indicators] == filed
    if table.execution.weight + sum(filed, ZERO) != RULES.total:
        assert "weights-total" in {f.code for f in result.findings}


@SETTINGS
@given(
    proj=projects(weighting="default"),
    keep=st.sampled_from(
        [
            ("产出指标", "效益指标"),
            ("产出指标",),
            ("效益指标",),
            ("满意度指标",),
            ("产出指标", "满意度指标"),
        ]
    ),
)
@example(
    proj=project(
        [indicator("≥1", "1", level1="产出指标"), indicator("≥1", "1", level1="效益指标")]
    ),
    keep=("产出指标", "效益指标"),
)
def test_default_weights_of_a_missing_category(proj, keep):
    """满意度 missing moves its 10 to 产出 and 效益; no indicator earns more than its weight."""
    for i, row in enumerate(proj["indicators"]):
        row["level1"] = keep[i % len(keep)]
    result = scoring.score(evaluation(proj))
    table = result.projects[0]
    check_parts(table)
    assert "category-missing" in {f.code for f in result.findings}
    total = table.execution.weight + sum((i.weight for i in table.indicators), ZERO)
    if set(keep) >= {"产出指标", "效益指标"}:
        assert total == RULES.total
    else:
        assert total < RULES.total


def on_grid(value: Decimal) -> bool:
    return value == value.quantize(QUANTUM, rounding=ROUND_HALF_UP)


@SETTINGS
@given(proj=projects(weighting="balanced", filed_places=3))
@example(proj=project([indicator("≥10", "20", D(90), D("3.333"))]))
def test_every_reported_score_is_rounded_to_the_rule_sets_decimals(proj):
    result = scoring.score(evaluation(proj))
    table = result.projects[0]
    check_parts(table)
    assert on_grid(table.execution.score)
    assert all(on_grid(i.score) for i in table.indicators)
    assert on_grid(table.score)
    assert on_grid(result.department.score)


# --- 3b. deadlines: earlier is never worse ---------------------------------------------------

DEADLINE_FORMS = ["{m}月底前", "{m}月前", "{m}月", "{m}月底前完成", "2023年{m}月底前"]
DONE_FORMS = ["{m}月", "{m}月底", "{m}月底前", "2023年{m}月", "{m}月{d}日", "已于{m}月完成"]


@SETTINGS
@given(
    due=st.integers(1, 12),
    early=st.integers(1, 12),
    late=st.integers(1, 12),
    form=st.sampled_from(DEADLINE_FORMS),
    done=st.sampled_from(DONE_FORMS),
    filed=st.one_of(st.none(), st.decimals(min_value=0, max_value=90, places=0)),
)
@example(due=6, early=5, late=7, form="{m}月底前", done="{m}月底前", filed=None)
def test_an_earlier_completion_never_scores_below_a_later_one(due, early, late, form, done, filed):
    early, late = sorted((early, late))

    def scored(month):
        row = indicator(form.format(m=due), done.format(m=month, d=1), NINETY, filed)
        return scoring.score(evaluation(project([row]))).projects[0].indicators[0]

    def refused(month):
        # done by the end of a month past the deadline (7月底前 against 6月底前): on time or
        # late? a bound that does not settle it is refused, never scored either way; and so is
        # a month done against X月前 of that month, late before it began, on time by its end
        # (1月前 reads by January's end alone: before it began is before the year)
        two_ways = form == "{m}月前" and due > 1
        return (done.endswith("前") and month > due) or (two_ways and month == due)

    for month in {early, late}:
        if refused(month):
            with pytest.raises(scoring.ScoringError):
                scored(month)
    kept = [month for month in (early, late) if not refused(month)]
    if not kept:
        return
    early, late = kept[0], kept[-1]
    first, second = scored(early), scored(late)
    assert first.score >= second.score
    assert (first.score == first.weight) == (early <= due)  # on time is full marks, late is not


@SETTINGS
@given(limit=st.integers(1, 60), a=st.integers(1, 120), b=st.integers(1, 120))
def test_a_shorter_time_never_scores_below_a_longer_one(limit, a, b):
    short, long = sorted((a, b))

    def scored(days):
        row = indicator(f"{limit}天内", f"{days}天", NINETY)
        return scoring.score(evaluation(project([row]))).projects[0].indicators[0]

    assert scored(short).score >= scored(long).score


# --- 4. the budget-weighted department score --------------------------------------------------


@st.composite
def departments(draw):
    count = draw(st.integers(1, 5))
    weighting = draw(st.sampled_from(["balanced", "default"]))
    return [draw(projects(weighting=weighting, name=f"项目{i}", max_size=4)) for i in range(count)]


@SETTINGS
@given(projs=departments())
@example(
    projs=[
        project([indicator("≥1", "1", D(90))], adjusted=D(0), spent=D(0)),
        project([indicator("≥1", "0", D(90))], adjusted=D(0), spent=D(0), name="项目1"),
    ]
)
@example(
    projs=[
        project([indicator("≥1", "1", D(90))], adjusted=D(1)),
        project([indicator("≥3", "1", D(90))], adjusted=D(2), name="项目1"),
        project([indicator("≥3", "2", D(90))], adjusted=D(0), name="项目2"),
    ]
)
def test_budget_weighted_department_lies_between_project_totals(projs):
    result = scoring.score(evaluation(*projs))
    department = result.department
    assert department.method == "budget-weighted"
    totals = [p.score for p in result.projects]
    assert min(totals) <= department.score <= max(totals)
    # and it is the formula of SPEC §2, over the rounded totals
    budgets = [text_to_decimal(p["budget"]["adjusted"]) for p in projs]
    if sum(budgets) > 0:
        expected = Fraction(sum(t * b for t, b in zip(totals, budgets))) / Fraction(sum(budgets))
    else:
        expected = Fraction(sum(totals)) / len(totals)
    assert department.score == RULES.round(expected)
    assert department.grade == RULES.grade(department.score)


def text_to_decimal(value: str) -> Decimal:
    return Decimal(value)


# --- 5. the grammar: spellings and separators do not change a value ---------------------------

FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@SETTINGS
@given(
    target=amounts,
    actual=amounts,
    forms=st.sampled_from([(GE_FORMS, "≥{}%", "ratio"), (LE_FORMS, "≤{}万元", "reverse-linear")]),
    data=st.data(),
)
def test_every_spelling_of_an_op_scores_alike(target, actual, forms, data):
    spellings, canonical, method = forms
    form = data.draw(st.sampled_from(spellings))
    unit = "%" if method == "ratio" else "万元"
    full_width = data.draw(st.booleans())
    written = form.format(text(target))
    if full_width:
        written = written.translate(FULL_WIDTH)
    _, plain = score_one(canonical.format(text(target)), f"{text(actual)}{unit}")
    _, spelled = score_one(written, f"{text(actual)}{unit}")
    assert spelled.method == plain.method == method
    assert (spelled.rate, spelled.score) == (plain.rate, plain.score)


@SETTINGS
@given(yuan=st.integers(min_value=0, max_value=10**12), cents=st.integers(0, 99))
def test_thousands_separators_and_yuan(yuan, cents):
    from scoring.values import parse_money

    written = f"{yuan:,}.{cents:02d}元"
    expected = (D(yuan) + D(cents) / 100) / 10000
    assert parse_money(written) == expected
    assert parse_money(written.replace(",", "")) == expected
    assert parse_money(f"{text(expected)}万元") == expected


@given(
    st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
        lambda d: abs(d) < Decimal("1e15") and (d == 0 or abs(d) > Decimal("1e-12"))
    )
)
@example(Decimal("-0"))
@example(Decimal("30.00"))
@example(Decimal("1E+3"))
@example(Decimal("0.1"))
def test_a_json_number_is_the_int_or_the_float_of_the_decimals_text(value):
    """A result's number in JSON is the int when whole, else the float its decimal text reads
    as (what ``float(str(value))`` gives on any machine): the ratio of its integers, divided
    once, is that same correctly rounded float."""
    from scoring.result import number

    shown = number(value)
    if value == value.to_integral_value():
        assert type(shown) is int and shown == int(value)
    else:
        assert type(shown) is float and repr(shown) == repr(float(str(value)))
