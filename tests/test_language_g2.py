"""How a score was computed speaks Chinese by default and English on request: the execution
row's rate, a deadline's reading, a limit read from a row's name, a not-applicable row, a total
rescaled, their findings, a figure refused, and the labels of what-if and of a comparison of
rule sets."""

from __future__ import annotations

import json

import pytest

CHINESE = {"SCORING_LANG": "zh"}

EVALUATION = """\
[department]
name = "某县测试局"
year = 2023
budget = { planned = 300, adjusted = 300, spent = 250 }

[[projects]]
name = "项目甲"
budget = { planned = 200, adjusted = 200, spent = 150 }

[[projects.indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "审批时限"
target = "<10个工作日"
actual = "10个工作日"
weight = 20

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "预算调整率"
target = "5%"
actual = "3%"
weight = 20

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "不适用一项"
target = "≥10个"
actual = "8个"
weight = 20
applicable = false

[[projects.indicators]]
level1 = "产出指标"
level2 = "时效指标"
name = "完工时间"
target = "6月底前"
actual = "5月"
weight = 30

[[projects.indicators]]
level1 = "满意度指标"
level2 = "服务对象满意度指标"
name = "满意度"
target = "≥90%"
actual = "85%"
weight = 10
"""


@pytest.fixture
def evaluation(tmp_path):
    path = tmp_path / "evaluation.toml"
    path.write_text(EVALUATION, "utf-8")
    return path


def both(cli, *args):
    """The command's JSON in Chinese and, with --lang en, in English."""
    runs = cli(*args, env=CHINESE), cli("--lang", "en", *args, env=CHINESE)
    for run in runs:
        assert run.code == 0, run
    return [json.loads(run.out) for run in runs]


def messages(result) -> dict[str, str]:
    return {f"{f['code']}@{f['where']}": f["message"] for f in result["findings"]}


def test_the_explanations_of_a_project(cli, evaluation):
    zh, en = (
        result[0]["projects"][0] for result in both(cli, "score", str(evaluation), "-f", "json")
    )
    assert zh["execution"]["explanation"] == (
        "执行率 = 全年执行数 150 / 全年预算数 200 = 75.00%；10 × 75.00% = 7.50"
    )
    assert en["execution"]["explanation"] == (
        "execution rate = spent 150 / adjusted budget 200 = 75.00%; 10 × 75.00% = 7.50"
    )
    deadline, _limit, not_applicable, done, _satisfaction = zh["indicators"]
    assert deadline["explanation"].startswith(
        "实际用时 10个工作日，未少于 10个工作日，未按时完成；"
    )
    assert not_applicable["explanation"] == "不适用：不参与评分，总分按比例折算"
    assert done["explanation"] == (
        "实际 5月（5月1日至5月31日），不晚于 6月30日，按时完成，得满分 30.00"
    )
    deadline, _limit, not_applicable, done, _satisfaction = en["indicators"]
    assert deadline["explanation"].startswith(
        "took 10个工作日, not less than 10个工作日: not on time; "
    )
    assert not_applicable["explanation"] == "not applicable: not scored, and the total is rescaled"
    assert done["explanation"] == (
        "actual 5月 (5月1日 to 5月31日), not later than 6月30日: on time, full marks 30.00"
    )
    assert zh["explanation"] == (
        "执行率得分 7.50 + 指标得分 73.44 = 80.94；分值合计 110 超过满分 100，"
        "不适用指标分值 20，折算 80.94 × 100 / 90 = 89.93"
    )
    assert en["explanation"] == (
        "execution score 7.50 + indicator scores 73.44 = 80.94; the weights add up to 110, "
        "above full marks 100, and the not-applicable rows weigh 20: "
        "rescaled 80.94 × 100 / 90 = 89.93"
    )


def test_the_findings_of_a_deadline_and_a_limit(cli, evaluation):
    zh, en = (messages(result[0]) for result in both(cli, "score", str(evaluation), "-f", "json"))
    late, inferred = (
        "deadline-late@projects[0].indicators[0]",
        ("operator-inferred@projects[0].indicators[1].target"),
    )
    assert zh[late] == (
        "「审批时限」实际用时 10个工作日，未少于 10个工作日：未按时完成，按「部分达成」计分"
    )
    assert en[late] == (
        "“审批时限”: took 10个工作日, not less than 10个工作日: not on time, scored as “部分达成”"
    )
    assert zh[inferred] == (
        "「预算调整率」名称含「调整率」，为反向指标：年度指标值「5%」按「≤5%」计分"
    )
    assert en[inferred] == (
        "“预算调整率”: its name contains “调整率”, so it is a reverse indicator: "
        "the target “5%” is scored as “≤5%”"
    )


def test_a_bare_fraction_against_a_percentage(cli, tmp_path):
    path = tmp_path / "fraction.toml"
    path.write_text(
        EVALUATION.replace('actual = "85%"', 'actual = "0.85"'),
        "utf-8",
    )
    zh = cli("score", str(path), env=CHINESE)
    en = cli("--lang", "en", "score", str(path), env=CHINESE)
    assert zh.code == en.code == 2
    assert "实际完成值 0.85 是不带单位的数字，对照的是百分比：是 0.85% 还是 85%？" in zh.err
    assert "the actual value 0.85 is a bare number against a percentage: 0.85% or 85%?" in en.err


def test_the_labels_of_what_if_and_of_a_comparison(cli, evaluation):
    zh, en = both(cli, "whatif", str(evaluation), "--grade", "优", "-f", "json")
    assert zh["goal"]["label"] == "优（≥ 90）"
    assert en["goal"]["label"] == "优 (≥ 90)"
    zh, en = both(cli, "whatif", str(evaluation), "--score", "95", "-f", "json")
    assert zh["goal"]["label"] == "95 分"
    assert en["goal"]["label"] == "95 points"
    (zh,), (en,) = both(  # a list, one entry per file
        cli, "compare", str(evaluation), "-r", "mof-2020,legacy-ratio", "-f", "json"
    )
    assert [row["label"] for row in zh["rows"][:2]] == ["部门", "项目：项目甲"]
    assert [row["label"] for row in en["rows"][:2]] == ["Department", "Project: 项目甲"]
