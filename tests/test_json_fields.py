"""Every field a unit filed comes back in `-f json`: a reviewer reading the JSON must not have to
open the input again to see a row's 偏差原因, a project's 年度总体目标 and 实际完成情况, or why its
weights are off the defaults."""

from __future__ import annotations

import json

EVALUATION = """
[department]
name = "某局"
year = 2023
goal = "保障机关正常运转"
result = "各项工作按期完成"
budget = { planned = "100", adjusted = "100", spent = "80" }

[[projects]]
name = "维修经费"
goal = "完成办公楼维修"
result = "维修完成 8 成"
weights_reason = "本项目以质量为主"
budget = { planned = "100", adjusted = "100", spent = "80", reason = "部分工程款未到结算期" }

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "维修面积"
target = "≥1000㎡"
actual = "800㎡"
weight = 45
reason = "雨季停工两个月"

[[projects.indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "办公条件改善"
target = "明显改善"
actual = "达成"
weight = 35

[[projects.indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "职工满意度"
target = "≥90%"
actual = "95%"
weight = 10
"""


def test_every_filed_text_comes_back(cli, tmp_path):
    path = tmp_path / "filed.toml"
    path.write_text(EVALUATION, "utf-8")
    run = cli("score", str(path), "-f", "json")
    assert run.code == 0, run.err
    (result,) = json.loads(run.out)
    # the department's own texts, filed without a 部门整体 table of indicators
    assert result["department"]["goal"] == "保障机关正常运转"
    assert result["department"]["result"] == "各项工作按期完成"
    project = result["projects"][0]
    assert project["goal"] == "完成办公楼维修"
    assert project["result"] == "维修完成 8 成"
    assert project["weights_reason"] == "本项目以质量为主"
    assert project["execution"]["reason"] == "部分工程款未到结算期"
    rows = project["indicators"]
    assert rows[0]["reason"] == "雨季停工两个月"
    assert rows[1]["reason"] == ""  # filed without one: present, empty
    # the figures beside them: 800 / 1000 × 45 = 36.00; 10 × 80 / 100 = 8.00
    assert rows[0]["score"] == 36 and project["execution"]["score"] == 8
