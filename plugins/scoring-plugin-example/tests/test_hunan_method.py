"""The method `hunan-steps`, with every figure worked out by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
import scoring

from scoring_plugin_example.methods import hunan_steps

HALF = {"points_per_point": D("0.5")}


def row(
    op: str, target: str, actual: str, unit: str | None, weight: str = "30"
) -> scoring.Quantitative:
    return scoring.Quantitative(
        level1="产出指标",
        level2="数量指标",
        name="x",
        op=op,
        target=D(target),
        actual=D(actual),
        unit=unit,
        weight=D(weight),
    )


def test_percent_shortfall_costs_half_a_point_per_point():
    # 95 − 92 = 3 points; 3 × 0.5 = 1.5 off 30; rate (30 − 1.5) / 30 = 0.95.
    rating = hunan_steps(row("≥", "95", "92", "%"), HALF)
    assert rating.rate == D("0.95")
    assert rating.explanation == (
        "实际 92% 低于目标 95% 共 3 个百分点，每点扣 0.5 分，共扣 1.5 分：(30 − 1.5) / 30"
    )


def test_reached_is_full_marks():
    assert hunan_steps(row("≥", "95", "95", "%"), HALF).rate == 1
    assert hunan_steps(row(">", "95", "99", "%"), HALF).rate == 1
    rating = hunan_steps(row("≤", "0.2", "0.18", "万元"), HALF)
    assert rating.rate == 1 and rating.explanation == "实际 0.18万元 ≤ 目标 0.2万元，达到目标"


def test_not_in_percent_counts_relative_points():
    # (1 − 480 / 500) × 100 = 4 points; 2 off 30 → 28 / 30.
    rating = hunan_steps(row("≥", "500", "480", "户"), HALF)
    assert rating.rate == D(28) / D(30)
    assert "差 (1 − 480 / 500) × 100 = 4 个百分点" in rating.explanation


def test_over_a_ceiling_costs_the_same():
    # ≤100%, actual 103%: 3 points over, 1.5 off 10 → 0.85.
    assert hunan_steps(row("≤", "100", "103", "%", "10"), HALF).rate == D("0.85")
    # ≤0.2万元, actual 0.21万元: (0.21 / 0.2 − 1) × 100 = 5 points, 2.5 off 10 → 0.75.
    rating = hunan_steps(row("<", "0.2", "0.21", "万元", "10"), HALF)
    assert rating.rate == D("0.75")
    assert rating.explanation.startswith(
        "实际 0.21万元 超过目标 0.2万元，差 (0.21 / 0.2 − 1) × 100 = 5"
    )


def test_never_below_zero():
    # (1 − 20 / 50) × 100 = 60 points, 30 off 30: nothing left.
    rating = hunan_steps(row("≥", "50", "20", "公斤"), HALF)
    assert rating.rate == 0 and "扣完为止，不得分" in rating.explanation
    assert hunan_steps(row("≥", "95", "0", "%"), HALF).rate == 0  # 47.5 off 30


def test_a_part_of_a_point_costs_its_share_unless_whole_points():
    # 100 − 97.4 = 2.6 points: 1.3 off 10 → 0.87; with whole points 2 → 1 off → 0.9.
    assert hunan_steps(row("≥", "100", "97.4", "%", "10"), HALF).rate == D("0.87")
    whole = hunan_steps(row("≥", "100", "97.4", "%", "10"), {**HALF, "whole_points": True})
    assert whole.rate == D("0.9") and "按整点计 2 个" in whole.explanation
    # Under one whole point, nothing is taken off.
    assert hunan_steps(row("≥", "100", "99.5", "%", "10"), {**HALF, "whole_points": True}).rate == 1


def test_equal_counts_both_directions():
    assert hunan_steps(row("=", "100", "100", "%"), HALF).rate == 1
    assert hunan_steps(row("=", "100", "98", "%", "10"), HALF).rate == D("0.9")
    assert hunan_steps(row("=", "100", "102", "%", "10"), HALF).rate == D("0.9")


def test_zero_target_not_in_percent():
    assert hunan_steps(row("≥", "0", "0", "起"), HALF).rate == 1
    rating = hunan_steps(row("≤", "0", "2", "起"), HALF)
    assert rating.rate == 0 and "无法折算百分点" in rating.explanation
    # In %, a target of 0 still counts points: 2 points over, 1 off 10.
    assert hunan_steps(row("≤", "0", "2", "%", "10"), HALF).rate == D("0.9")


def test_an_inexact_figure_is_shown_rounded_and_kept_exact():
    # (1 − 190 / 195) × 100 = 2.5641… points, 1.2820… off 30.
    rating = hunan_steps(row("≥", "195", "190", "个"), HALF)
    points = (1 - D(190) / D(195)) * 100
    assert rating.rate == (D(30) - points * D("0.5")) / D(30)
    assert "= ≈2.5641 个百分点" in rating.explanation
    assert rating.explanation.endswith("共扣 ≈1.2821 分：(30 − 1.2821) / 30")


def test_points_per_point_is_a_parameter():
    assert hunan_steps(row("≥", "95", "92", "%"), {"points_per_point": 1}).rate == D(27) / D(30)
    assert hunan_steps(row("≥", "95", "92", "%"), {"points_per_point": 0.5}).rate == D("0.95")
    assert hunan_steps(row("≥", "95", "92", "%"), {"points_per_point": 0}).rate == 1


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({}, "needs `points_per_point`"),
        ({"points_per_point": "half"}, "must be a number"),
        ({"points_per_point": -1}, "must be a number"),
        ({"points_per_point": True}, "must be a number"),
        ({"points_per_point": 0.5, "whole_points": "yes"}, "true or false"),
    ],
)
def test_bad_parameters_name_the_key(params, words):
    with pytest.raises(scoring.PluginError) as raised:
        hunan_steps(row("≥", "95", "92", "%"), params)
    assert words in raised.value.message
    assert raised.value.where.startswith("methods.hunan-steps.")
