"""A 年度指标值 whose figure has words around it (同比增长5%, 完成100%, 全年培训200人次,
≥95%（抽检）) is read as words (定性): a number in the 实际完成值 cannot answer it, and the fix
is the target, written as its figure. The tier words' own fix — restate the target — would
give full marks to 4% against 同比增长5%, so it is not offered here."""

from __future__ import annotations

import pytest

import scoring
from scoring.errors import InputError

from .tables import one_project, row


def _refusal(target: str, actual: str) -> InputError:
    data = one_project([row("增长率", target, actual, reason="说明")])
    with pytest.raises(InputError) as raised:
        scoring.score(data, record=False)
    return raised.value


@pytest.mark.parametrize(
    ("target", "actual", "figure"),
    [
        ("同比增长5%", "6%", "5%"),
        ("同比增长5%", "4%", "5%"),  # restated, it would have been 达成: full marks for a miss
        ("完成100%", "98%", "100%"),
        ("全年培训200人次", "180人次", "200人次"),
    ],
)
def test_a_number_against_a_figure_among_words_names_the_target_to_rewrite(target, actual, figure):
    refused = _refusal(target, actual)
    problem = refused.problems[0]
    assert refused.code == "target-invalid"
    assert problem.where == "projects[0].indicators[0].target"
    assert "read as words" in problem.message and f"'{actual}'" in problem.message
    assert f"≥{figure} or ≤{figure}" in problem.hint
    assert "restate" not in problem.hint


@pytest.mark.parametrize(
    ("target", "actual"),
    [
        ("≤千分之5", "0.4‰"),  # the figure is 5‰, not 5: an example, not ≤5
        ("≥百分之95", "96%"),
        ("较上年提高2个百分点", "3个百分点"),
        ("≤万分之5", "0.0008"),
    ],
)
def test_a_figure_that_is_no_fix_as_it_stands_gives_an_example(target, actual):
    hint = _refusal(target, actual).problems[0].hint
    assert "a figure with its unit and ≥ or ≤ (e.g. ≥95%)" in hint


@pytest.mark.parametrize(
    ("target", "actual", "figure"),
    [
        # the same words in both values: both to rewrite (it had listed the tier words)
        ("全年培训200人次", "全年培训180人次", "200人次"),
        ("同比增长5%", "同比增长4%", "5%"),
    ],
)
def test_words_around_figures_on_both_sides_are_refused_at_the_target(target, actual, figure):
    problem = _refusal(target, actual).problems[0]
    assert problem.where == "projects[0].indicators[0].target"
    assert f"≥{figure} or ≤{figure}" in problem.hint
    assert problem.hint.endswith("and the 实际完成值 as the figure reached")


def test_words_after_a_percentage_make_the_target_words():
    # 100%完成 had been read as 100 of a unit "%完成", refused against 100% as another unit
    problem = _refusal("100%完成", "100%").problems[0]
    assert problem.where == "projects[0].indicators[0].target"
    assert "≥100% or ≤100%" in problem.hint


def test_the_refusal_in_chinese(chinese):
    problem = _refusal("同比增长5%", "6%").problems[0]
    assert "年度指标值 '同比增长5%'" in problem.message and "定性" in problem.message
    assert "无法与之对照计分" in problem.message
    assert "≥5%" in problem.hint and "≤5%" in problem.hint


@pytest.mark.parametrize(("target", "actual"), [("培训200人次", "完成"), ("效果明显", "明显")])
def test_words_against_words_are_still_read_as_tiers(target, actual):
    data = one_project([row("增长率", target, actual)])
    assert str(scoring.score(data, record=False).projects[0].indicators[0].score) == "90.00"


@pytest.mark.parametrize(
    ("target", "fix"),
    [
        ("≥95%（抽检）", "(≥95%)"),  # the target says ≥ already; ≤95% is no fix of it
        ("满意度不低于90%", "(≥90%)"),  # in words, as the value grammar reads them
        ("满意度≥90%", "(≥90%)"),
        ("投诉率不超过2%", "(≤2%)"),
        ("覆盖率达到95%", "(≥95%)"),
    ],
)
def test_a_target_s_own_sign_is_kept_in_the_fix(target, fix):
    hint = _refusal(target, "96%").problems[0].hint
    assert fix in hint and " or " not in hint


def test_a_target_with_another_figure_in_its_words_gives_an_example():
    # 每10万人15例以下: 15 is per 10万人, and 15例以下 no figure to offer
    hint = _refusal("每10万人15例以下", "12例").problems[0].hint
    assert "(e.g. ≥95%)" in hint
