"""Rule sets, plugins and scoring speak the reader's language: a rule set's mistakes, a rule
set that is not there, a plugin left out, a table that cannot be scored — in Chinese by default
(SCORING_LANG=zh), in English with --lang en. The message and its hint are quoted whole; the
line's own prefix (``scoring: error:``) is the command line's."""

from __future__ import annotations

from pathlib import Path

from .conftest import install_plugin, plugin_env

ZH = {"SCORING_LANG": "zh"}

DEPARTMENT = """\
[department]
name = "某县测试单位"
year = 2023
budget = { planned = 10, adjusted = 10, spent = 10 }

[[projects]]
name = "测试项目"
budget = { planned = 10, adjusted = 10, spent = 10 }

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥10个"
actual = "10个"
weight = 90
"""

SATISFACTION = """
[[projects.indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "群众满意度"
target = "≥90%"
actual = "95%"
"""


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


def _both(cli, *args: str, cwd: Path | None = None):
    """The same command in Chinese (the environment) and in English (--lang en)."""
    return cli(*args, env=ZH, cwd=cwd), cli("--lang", "en", *args, cwd=cwd)


def test_grades_out_of_order(cli, tmp_path):
    rules = _write(
        tmp_path,
        "grades.toml",
        '[ruleset]\nid = "grades"\nextends = "mof-2020"\n'
        '[grades]\n"优" = 90\n"良" = 80\n"中" = 95\n"差" = 0\n',
    )
    zh, en = _both(cli, "rules", "check", rules)
    assert zh.code == en.code == 2
    assert "grades.中：等级顺序有误：'中' = 95 排在 '良' = 80 之后\n" in zh.err
    assert "  → 请从最高等级往下排列，下限依次降低" in zh.err
    assert "grades.中: grades out of order: '中' = 95 comes after '良' = 80\n" in en.err
    assert "  → list the grades from the best down, bounds falling" in en.err


def test_bands_without_their_steps(cli, tmp_path):
    rules = _write(
        tmp_path,
        "bands.toml",
        '[ruleset]\nid = "bands"\nextends = "mof-2020"\n[quantitative]\n"≥" = "bands"\n',
    )
    zh, en = _both(cli, "rules", "check", rules)
    assert zh.code == en.code == 2
    example = "bands = [{ min = 0.95, rate = 1.0 }, { min = 0, rate = 0.5 }]"
    assert 'methods.bands.bands：`method = "bands"` 需要 `bands`\n' in zh.err
    assert f"  → 请补上，例如 {example}" in zh.err
    assert 'methods.bands.bands: `method = "bands"` needs `bands`\n' in en.err
    assert f"  → add e.g. {example}" in en.err


def test_a_rule_set_file_that_is_not_there(cli, tmp_path, leting):
    zh, en = _both(cli, "score", "-r", "nosuch.toml", str(leting), cwd=tmp_path)
    assert zh.code == en.code == 2
    missing = tmp_path / "nosuch.toml"
    assert f"nosuch.toml：规则集文件 {missing} 不存在\n" in zh.err
    assert "  → 请给出已安装规则集的编号（见 scoring rules list）或文件路径" in zh.err
    assert f"nosuch.toml: no such rule-set file {missing}\n" in en.err
    assert "  → give an installed id (scoring rules list) or a path" in en.err


def test_some_weights_filed_and_some_not(cli, tmp_path):
    evaluation = _write(tmp_path, "partial.toml", DEPARTMENT + SATISFACTION)
    zh, en = _both(cli, "score", evaluation)
    assert zh.code == en.code == 2
    assert "projects[0].indicators[1]：本表部分指标填了分值，部分没有填\n" in zh.err
    assert "  → 请给每项指标都填上分值，或全部不填以采用规则集的默认分值" in zh.err
    assert (
        "projects[0].indicators[1]: some indicators of this table have a weight (分值) and "
        "some do not\n" in en.err
    )
    hint = "give every indicator its weight, or none of them to use the rule set's defaults"
    assert f"  → {hint}" in en.err


def test_words_where_the_target_is_a_number(cli, tmp_path):
    evaluation = _write(
        tmp_path, "words.toml", DEPARTMENT.replace('actual = "10个"', 'actual = "基本完成了"')
    )
    zh, en = _both(cli, "score", evaluation)
    assert zh.code == en.code == 2
    assert (
        "projects[0].indicators[0].actual：「培训人次」：实际完成值 '基本完成了' 不是数值，"
        "而年度指标值 '≥10个' 是数值\n" in zh.err
    )
    assert '  → 请把实际完成值写成带单位的数值，如 "10个"' in zh.err
    assert (
        "projects[0].indicators[0].actual: 「培训人次」: 实际完成值 '基本完成了' is not a number, "
        "though the target '≥10个' is one\n" in en.err
    )
    assert '  → write the actual value as a number with its unit, e.g. "10个"' in en.err


def test_a_department_scored_from_a_table_it_does_not_have(cli, tmp_path):
    rules = _write(
        tmp_path,
        "dept.toml",
        '[ruleset]\nid = "dept-table"\nextends = "mof-2020"\n[department]\nmethod = "table"\n',
    )
    evaluation = _write(tmp_path, "table.toml", DEPARTMENT)
    zh, en = _both(cli, "score", "-r", rules, evaluation)
    assert zh.code == en.code == 2
    assert "department.indicators：规则集按部门整体自评表为部门计分，而本文件没有该表\n" in zh.err
    assert (
        '  → 请补上部门整体的绩效指标，或使用设有 [department] method = "budget-weighted" 的规则集'
        in zh.err
    )
    assert (
        "department.indicators: the rule set scores the department from its own table, and "
        "this file has none\n" in en.err
    )


def test_a_plugin_option_that_names_nothing(cli):
    zh, en = _both(cli, "-p", "no:nothing", "rules", "list")
    assert zh.code == en.code == 0
    assert "-p no:nothing：没有名为 'nothing' 的已安装插件或发行包（已安装：scoring" in zh.err
    said = "-p no:nothing: no installed plugin or distribution is named 'nothing' (installed: "
    assert said in en.err


def test_a_plugin_left_out_is_named_with_its_distribution(cli, site):
    install_plugin(
        site,
        "scoring-faulty",
        "0.9",
        {"faulty": "faulty_plugin"},
        {
            "faulty_plugin": "from scoring import hookimpl\n\n"
            "@hookimpl\ndef scoring_register_methods():\n    return {'half': 5}\n"
        },
    )
    zh = cli("plugins", env=plugin_env(site, **ZH))
    en = cli("--lang", "en", "plugins", env=plugin_env(site))
    assert zh.code == en.code == 0
    assert (
        "插件 'faulty'（scoring-faulty 0.9）注册的计分方法 'half' 是 int，而不是函数；未采用"
        in zh.err
    )
    assert (
        "plugin 'faulty' from scoring-faulty 0.9 registers method 'half' as a int, not a "
        "function; it is left out" in en.err
    )
