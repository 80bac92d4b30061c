"""The views speak the reader's language: the Markdown and CSV summaries, the comparison of
rule sets, what-if, a report's review and ``rules diff`` name methods, findings, severities and
columns in Chinese by default (SCORING_LANG=zh) and in English with --lang en. The documents a
unit files — the drafted 自评报告, the workbook written back — stay Chinese under --lang en. The
CSV's header row is the form's columns in every language."""

from __future__ import annotations

from pathlib import Path

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
actual = "12个"
weight = 90

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "其中：线上培训"
target = "≥5个"
actual = "6个"
"""


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    return str(path)


def _both(cli, *args: str, cwd: Path | None = None):
    """The same command in Chinese (the environment) and in English (--lang en)."""
    return cli(*args, env=ZH, cwd=cwd), cli("--lang", "en", *args, cwd=cwd)


def _lines(run) -> list[str]:
    return run.out.splitlines()


def test_markdown_summary(cli, tmp_path):
    source = _write(tmp_path, "unit.toml", DEPARTMENT)
    zh, en = _both(cli, "score", source, "-f", "markdown", "--explain")
    assert zh.code == en.code == 0, (zh, en)
    assert "## 某县测试单位 2023 年度预算绩效自评" in _lines(zh)
    assert "## 某县测试单位 2023 budget performance self-evaluation" in _lines(en)
    assert "- 得分 **100.00**，等级 **优**（按预算加权）" in _lines(zh)
    assert "- Score **100.00**, grade **优** (weighted by budget)" in _lines(en)
    assert "- 部门预算：年初 10.00，全年 10.00，执行 10.00 万元，执行率 100.00%" in _lines(zh)
    assert (
        "- Department budget: initial 10.00, adjusted 10.00, spent 10.00 (10k yuan), "
        "execution rate 100.00%" in _lines(en)
    )
    assert "### 项目：测试项目" in _lines(zh)
    assert "### Project: 测试项目" in _lines(en)
    assert (
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 自评得分 |"
        in _lines(zh)
    )
    assert (
        "| Level-1 indicator | Level-2 indicator | Level-3 indicator | Annual target "
        "| Actual | Weight | Score | Filed score |" in _lines(en)
    )
    # a sub-item carries no points: why it has no score, in the reader's words
    assert "| 产出指标 | 数量指标 | 其中：线上培训 | ≥5个 | 6个 |  | 不计分 |  |" in _lines(zh)
    assert "| 产出指标 | 数量指标 | 其中：线上培训 | ≥5个 | 6个 |  | not scored |  |" in _lines(en)
    assert "| **总分** |  |  |  |  | 100 | **100.00** |  |" in _lines(zh)
    assert "| **Total** |  |  |  |  | 100 | **100.00** |  |" in _lines(en)
    assert "计算过程：" in _lines(zh)
    assert "Calculation:" in _lines(en)
    assert any(line.startswith("- 培训人次（比例计分）：") for line in _lines(zh))
    assert any(line.startswith("- 培训人次 (ratio scoring): ") for line in _lines(en))
    assert "### 复核发现" in _lines(zh)
    assert "### Review findings" in _lines(en)
    note = [line for line in _lines(zh) if "`row-not-scored`" in line]
    assert note and note[0].startswith("- **提示** `projects[0].indicators[1]` ")
    assert note[0].endswith("（不计分的行 `row-not-scored`）")
    note = [line for line in _lines(en) if "`row-not-scored`" in line]
    assert note and note[0].startswith("- **note** `projects[0].indicators[1]` ")
    assert note[0].endswith(" (row not scored `row-not-scored`)")


def test_markdown_of_a_file_that_is_not_there(cli, tmp_path):
    missing = str(tmp_path / "missing.toml")
    zh, en = _both(cli, "score", missing, "-f", "markdown")
    assert "**错误**（`not-found`）：" in _lines(zh)
    assert "**Error** (`not-found`):" in _lines(en)


def test_csv_header_stays_the_form_s_and_its_cells_follow_the_language(cli, tmp_path):
    source = _write(tmp_path, "unit.toml", DEPARTMENT)
    zh, en = _both(cli, "score", source, "-f", "csv")
    header = (
        "来源,表,行,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分率,得分,自评得分,"
        "等级,方法,位置,说明"
    )
    assert _lines(zh)[0] == _lines(en)[0] == header
    rows_zh = [line.split(",") for line in _lines(zh)[1:]]
    rows_en = [line.split(",") for line in _lines(en)[1:]]
    assert [row[2] for row in rows_zh] == ["预算执行率", "指标", "指标", "总分", "部门得分"]
    assert [row[2] for row in rows_en] == [
        "Budget execution rate",
        "Indicator row",
        "Indicator row",
        "Total",
        "Department score",
    ]
    assert rows_zh[0][3] == "预算执行率" and rows_en[0][3] == "Budget execution rate"
    assert rows_zh[0][13] == "按执行率计分" and rows_en[0][13] == "scored by execution rate"
    assert rows_zh[1][13] == "比例计分" and rows_en[1][13] == "ratio scoring"
    assert rows_zh[4][13] == "按预算加权" and rows_en[4][13] == "weighted by budget"


def test_compare_and_whatif(cli, tmp_path):
    _write(tmp_path, "unit.toml", DEPARTMENT)
    zh, en = _both(cli, "compare", "unit.toml", "-r", "mof-2020,hebei", cwd=tmp_path)
    assert _lines(zh)[0] == "规则对比 · unit.toml"
    assert _lines(en)[0] == "Rule sets compared · unit.toml"
    assert any(line.startswith("复核发现") and "3（错误 0）" in line for line in _lines(zh))
    assert any(line.startswith("Review findings") and "3 (0 errors)" in line for line in _lines(en))
    args = ("compare", "unit.toml", "-r", "mof-2020,hebei", "-f", "markdown")
    zh, en = _both(cli, *args, cwd=tmp_path)
    assert _lines(zh)[0] == "## 规则对比：`unit.toml`"
    assert _lines(en)[0] == "## Rule sets compared: `unit.toml`"

    args = ("whatif", "unit.toml", "--set", "projects[0].budget.spent=5")
    zh, en = _both(cli, *args, cwd=tmp_path)
    assert zh.code == en.code == 0, (zh, en)
    assert _lines(zh)[:2] == ["改动", "  projects[0].budget.spent：10 → 5"]
    assert _lines(en)[:2] == ["Changes", "  projects[0].budget.spent: 10 → 5"]
    assert "假设分析 · unit.toml" in _lines(zh)
    assert "What-if · unit.toml" in _lines(en)
    assert any("原" in line and "改后" in line for line in _lines(zh))
    assert any("Before" in line and "After" in line for line in _lines(en))


def test_report_review_and_rules_diff(cli, tmp_path):
    _write(tmp_path, "report.txt", "无关的文字。\n")
    zh, en = _both(cli, "check", "report.txt", cwd=tmp_path)
    assert _lines(zh)[0] == "报告复核 · report.txt：没有找到预算、支出、执行率等数字"
    assert _lines(en)[0] == (
        "Report review · report.txt: no budget, spending, execution rate or other figures found"
    )
    # nothing was checked: no ✓
    assert not [line for line in _lines(zh) + _lines(en) if "✓" in line]

    zh, en = _both(cli, "rules", "diff", "mof-2020", "hebei")
    assert _lines(zh)[0] == "mof-2020 → hebei：1 项不同"
    assert _lines(en)[0] == "mof-2020 → hebei: 1 key differs"

    zh, en = _both(cli, "rules", "list")
    assert _lines(zh)[0].split("┃")[1].strip() == "标题"
    assert _lines(en)[0].split("┃")[1].strip() == "Title"


def test_the_drafted_report_and_the_workbook_stay_chinese(cli, tmp_path):
    source = _write(tmp_path, "unit.toml", DEPARTMENT)
    en = cli("--lang", "en", "report", source, "-f", "md")
    assert en.code == 0, en
    assert "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |" in _lines(
        en
    )
    assert "| 产出指标 | 数量指标 | 其中：线上培训 | ≥5个 | 6个 |  | 不计分 |" in _lines(en)
    assert "Level-1 indicator" not in en.out and "not scored" not in en.out

    import openpyxl

    book = tmp_path / "unit.xlsx"
    en = cli("--lang", "en", "score", source, "-f", "xlsx", "-o", str(book))
    assert en.code == 0, en
    workbook = openpyxl.load_workbook(book)
    findings = workbook.worksheets[1]
    assert findings.title == "复核发现"
    assert findings["A3"].value == "警告"
    assert findings["B3"].value == "完成值高于指标值较多"
    assert findings["A5"].value == "提示"
    assert findings["B5"].value == "分值与默认不同且未说明"
    summary = workbook.worksheets[0]
    methods = {summary.cell(row, 1).value: summary.cell(row, 2).value for row in range(2, 14)}
    assert methods["计分方法"] == "按预算加权"
    assert methods["复核发现"] == "警告 1，提示 2"
    project = workbook["项目1"]
    headers = [cell.value for cell in project[10]]
    assert headers[:8] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]
