"""The rule set `hunan-steps` and the plugin as `scoring` loads it, through `scoring.score`."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D

import pytest
import scoring
from scoring.host import Host

from conftest import EXAMPLE, run_cli


def evaluation(*indicators: dict, budget=None) -> dict:
    return {
        "department": {"name": "甲局", "year": 2023, "budget": {"adjusted": 10, "spent": 10}},
        "projects": [
            {
                "name": "项目",
                "budget": budget or {"adjusted": 10, "spent": 10},
                "indicators": list(indicators),
            }
        ],
    }


def ind(name: str, target: str, actual: str, weight, level1: str = "产出指标") -> dict:
    return {
        "level1": level1,
        "level2": "数量指标",
        "name": name,
        "target": target,
        "actual": actual,
        "weight": weight,
    }


def test_the_plugin_comes_through_its_entry_point():
    host = Host()
    info = next(i for i in host.plugins() if i.name == "hunan")
    assert (info.distribution, info.version) == ("scoring-plugin-example", "0.1.0")
    assert info.hooks == [
        "scoring_register_methods",
        "scoring_register_readers",
        "scoring_register_renderers",
        "scoring_register_rulesets",
    ]
    assert "hunan-steps" in host.methods and ".csv" in host.readers
    assert "hunan-summary" in host.renderers and "hunan-steps" in host.catalog


def test_loading_the_plugin_imports_none_of_its_code():
    code = (
        "import sys, scoring_plugin_example.plugin as p; "
        "print(sorted(m for m in sys.modules if m.startswith('scoring_plugin_example')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['scoring_plugin_example', 'scoring_plugin_example.plugin']"


def test_the_rule_set_extends_mof_2020():
    rules = scoring.ruleset("hunan-steps")
    assert rules.id == "hunan-steps"
    assert {op: rules.quantitative[op] for op in ("≥", ">", "≤", "<", "=")} == {
        "≥": "hunan-steps",
        ">": "hunan-steps",
        "≤": "hunan-steps",
        "<": "hunan-steps",
        "=": "equal",
    }
    assert rules.params("hunan-steps") == {"points_per_point": D("0.5"), "whole_points": False}
    mof = scoring.ruleset("mof-2020")
    assert rules.grades == mof.grades and rules.execution == mof.execution


def test_the_rule_set_checks_and_shows_where_each_key_came_from():
    assert run_cli("rules", "check", "hunan-steps").code == 0
    shown = run_cli("rules", "show", "hunan-steps")
    assert shown.code == 0 and "points_per_point" in shown.out and "hunan-steps.toml" in shown.out
    assert "mof-2020.toml" in shown.out  # inherited keys name their own file


def test_scores_by_hand():
    # Execution 10 / 10 → 10. Weights 40 + 30 + 20 = 90.
    # ≥95%, 92%, 40: 3 points → 1.5 off → 38.50
    # ≥500户, 480户, 30: 4 points → 2 off → 28.00
    # ≤0.2万元, 0.21万元, 20: 5 points → 2.5 off → 17.50
    # total 10 + 38.5 + 28 + 17.5 = 94.00 (优)
    result = scoring.score(
        evaluation(
            ind("合格率", "≥95%", "92%", 40),
            ind("户数", "≥500户", "480户", 30),
            ind("成本", "≤0.2万元", "0.21万元", 20, level1="效益指标"),
        ),
        rules="hunan-steps",
    )
    project = result.projects[0]
    assert [i.score for i in project.indicators] == [D("38.50"), D("28.00"), D("17.50")]
    assert [i.method for i in project.indicators] == ["hunan-steps"] * 3
    assert project.score == D("94.00") and project.grade == "优"
    assert project.indicators[0].explanation == (
        "实际 92% 低于目标 95% 共 3 个百分点，每点扣 0.5 分，共扣 1.5 分：(40 − 1.5) / 40 × 40 = 38.50"
    )


def test_an_inexact_rate_rounds_as_the_figures_say():
    # (1 − 190 / 195) × 100 = 2.5641… points, 1.28205… off 90 → 88.71795… → 88.72.
    result = scoring.score(evaluation(ind("个数", "≥195个", "190个", 90)), rules="hunan-steps")
    assert result.projects[0].indicators[0].score == D("88.72")
    # 16.67 − 1.5 = 15.17, though the rate (15.17 / 16.67) has no end.
    result = scoring.score(
        evaluation(ind("率", "≥95%", "92%", "16.67"), ind("数", "≥1个", "1个", "73.33")),
        rules="hunan-steps",
    )
    assert result.projects[0].indicators[0].score == D("15.17")


def test_the_example_csv_by_hand():
    result = scoring.score(EXAMPLE, rules="hunan-steps")
    toilets, fields = result.projects
    # 农村改厕: execution 96 / 100 → 9.60; 28 + 18.5 + 7.5 + 20 + 7.5 = 81.50 → 91.10 优
    assert [i.score for i in toilets.indicators] == [
        D("28.00"),
        D("18.50"),
        D("7.50"),
        D("20.00"),
        D("7.50"),
    ]
    assert (toilets.execution.score, toilets.score, toilets.grade) == (D("9.60"), D("91.10"), "优")
    # 高标准农田建设: 56 / 60 → 9.33; 40 + 8.75 (2.5 points) + 0 (60 points) + 10 → 68.08 中
    assert [i.score for i in fields.indicators] == [D("40.00"), D("8.75"), D("0.00"), D("10.00")]
    assert (fields.execution.score, fields.score, fields.grade) == (D("9.33"), D("68.08"), "中")
    # Department, no table of its own: (91.10 × 100 + 68.08 × 60) / 160 = 82.4675 → 82.47 良
    department = result.department
    assert (department.method, department.score, department.grade) == (
        "budget-weighted",
        D("82.47"),
        "良",
    )
    # Under mof-2020 the same file scores higher: the steps cost more than the ratios.
    assert scoring.score(EXAMPLE, rules="mof-2020").department.score == D("90.85")


def test_an_override_takes_its_own_points_per_point():
    rules = {
        "ruleset": {"id": "strict", "extends": "hunan-steps"},
        "overrides": [
            {"match": {"name": "户数"}, "method": "hunan-steps", "params": {"points_per_point": 1}}
        ],
    }
    result = scoring.score(
        evaluation(ind("户数", "≥500户", "480户", 45), ind("率", "≥95%", "92%", 45)), rules=rules
    )
    # 4 points × 1 → 41.00; 3 points × 0.5 → 43.50
    assert [i.score for i in result.projects[0].indicators] == [D("41.00"), D("43.50")]


def test_a_rule_set_without_the_parameter_is_refused():
    rules = {"ruleset": {"id": "bare", "extends": "mof-2020"}, "quantitative": {"≥": "hunan-steps"}}
    with pytest.raises(scoring.PluginError) as raised:
        scoring.score(evaluation(ind("率", "≥95%", "92%", 90)), rules=rules)
    assert raised.value.where == "methods.hunan-steps.points_per_point"


def test_a_bad_parameter_stops_the_command_line(tmp_path):
    rules = tmp_path / "bad.toml"
    rules.write_text(
        '[ruleset]\nid = "bad"\nextends = "hunan-steps"\n\n'
        '[methods.hunan-steps]\npoints_per_point = "half"\n',
        encoding="utf-8",
    )
    run = run_cli("score", str(EXAMPLE), "-r", str(rules))
    assert run.code == 2, run
    assert "points_per_point" in run.err and "Traceback" not in run.err
