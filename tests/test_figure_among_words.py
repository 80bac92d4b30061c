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
        ("≥95%（抽检）", "96%", "95%"),
        ("覆盖率达到95%", "93", "95%"),
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


def test_the_refusal_in_chinese(chinese):
    problem = _refusal("同比增长5%", "6%").problems[0]
    assert "年度指标值 '同比增长5%'" in problem.message and "定性" in problem.message
    assert "≥5%" in problem.hint and "≤5%" in problem.hint


@pytest.mark.parametrize(("target", "actual"), [("培训200人次", "完成"), ("效果明显", "明显")])
def test_words_against_words_are_still_read_as_tiers(target, actual):
    data = one_project([row("增长率", target, actual)])
    assert str(scoring.score(data, record=False).projects[0].indicators[0].score) == "90.00"
