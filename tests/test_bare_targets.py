"""A target written without ≤ or ≥ on a row no word reads either way is scored by the rule
set's default comparison (≥ under mof-2020), a guess the word lists cannot avoid; where the guess
changes the score — the actual value is not the target — the row's explanation starts by saying
so. A row whose words decide (完成率: more is better; 不合格率: a limit) or whose actual value is
the target says nothing of it. Numbers worked out by hand beside each row."""

from __future__ import annotations

import pytest

import scoring

from .tables import one_project, row

LEAD = "no sign, and no word of its row says whether more or less is better, so scored as "


def _row(name: str, target: str, actual: str, level2: str = "数量指标") -> dict:
    data = one_project([row(name, target, actual, level2=level2)])
    return scoring.score(data, record=False).projects[0].indicators[0]


@pytest.mark.parametrize(
    ("name", "target", "actual", "score", "explanation"),
    [
        # no word reads 不合格产品数 (a harm counted, which no list holds): ≥5 by default;
        # 3 / 5 × 90 = 54.00 — were it a limit, 3 ≤ 5 would have full marks: the guess is said
        ("不合格产品数", "5", "3", "54.00", LEAD + "≥5: actual 3 / target 5 × 90 = 54.00"),
        # 新建站点数 | 4个 | 5个: ≥4个 by default, met, 90.00 — read as a limit it had 2 − 5/4 =
        # 0.75 → 67.50: the guess changes the score, so it is said
        ("新建站点数", "4个", "5个", "90.00", LEAD + "≥4个: "),
        # the actual value is the target: ≥ or ≤, the same full marks; nothing to say
        ("新建站点数", "4个", "4个", "90.00", "actual 4个 ≥ target 4个"),
        # 完成率 is a rate where more is better (reverse_indicators.except): read by its word;
        # 95 / 100 × 90 = 85.50, no guess
        ("任务完成率", "100%", "95%", "85.50", "actual 95% / target 100% × 90 = 85.50"),
        # 不合格率 is a limit (不 before 合格率): ≤5%, said by operator-inferred, not a guess;
        # 3 ≤ 5 → full marks
        ("产品不合格率", "5%", "3%", "90.00", "its name contains “不合格率”, so scored as ≤5%: "),
        # a sign written ends the guess: ≥5 scored as written, 3 / 5 × 90 = 54.00
        ("不合格产品数", "≥5", "3", "54.00", "actual 3 / target 5 × 90 = 54.00"),
    ],
)
def test_a_bare_target_read_by_default_says_so_where_it_matters(
    name, target, actual, score, explanation
):
    row = _row(name, target, actual)
    assert str(row.score) == score
    assert row.explanation.startswith(explanation), row.explanation
    if not explanation.startswith(LEAD):
        assert LEAD not in row.explanation
