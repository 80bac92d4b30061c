"""A total capped for low execution says the rate it was capped for to as many places as it
takes to be seen below the line: 79.996 of 100 spent shows 80.00% in the table, and "below
80.00%" beside it would read as a contradiction (platform-caps: below 80 %, at most 89)."""

from __future__ import annotations

import scoring

from .tables import one_project, row


def test_a_capped_total_shows_the_rate_below_the_line(chinese):
    # execution 10 × 79.996 / 100 = 7.9996 → 8.00; the row met, 90.00; 98.00 capped at 89.00
    money = {"planned": "100", "adjusted": "100", "spent": "79.996"}
    data = one_project([row("培训人次", "≥100人次", "100人次")], money)
    project = scoring.score(data, rules="platform-caps", record=False).projects[0]
    assert str(project.score) == "89.00"
    assert project.explanation.endswith("执行率 79.9960% 低于 80.00%，封顶 89.00")
