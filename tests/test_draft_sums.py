"""The drafted report's sentences add up — scoring/draft.

Every number a sentence states is the result's, and those a sentence sets side by side add up:
the 分值 of each 一级指标 to the 分值 set, the rows' 得分 to the 总分 (or the sentence says how the
total was rescaled or capped, with the arithmetic), the department's score by the method that
made it. The issues of 五 are those the scoring shows: a budget of 0 is not slow spending, a row
above its target whose score was cut is no shortfall, and the department's own table's rows
count. The department's own table is spoken of as the department's (部门整体), never as a
project.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest

import scoring
from scoring.draft import draft
from scoring.draft.context import report_context

from .tables import own_table, row

DATA = Path(__file__).parent / "data"
DAY = datetime.date(2024, 4, 9)


def _draft(name: str, rules: str = "mof-2020") -> str:
    ruleset = scoring.ruleset(rules)
    result = scoring.score(DATA / f"report-{name}.toml", ruleset)
    text = draft(result, "md", ruleset=ruleset, date=DAY)
    assert isinstance(text, str)
    return text


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def _project(text: str, heading: str, section: str = "## 四、") -> str:
    """A project's part of a section: from its heading to the next heading."""
    part = text[text.index(section) :]
    at = part.index(heading)
    return part[at : part.index("\n### ", at + 1)]


# report-edu.toml, 校舍维修改造: 改造学校数 20, 新建运动场 20 (不适用), 单位面积改造成本 10 — 产出
# 20 + 20 + 10 = 50; 办学条件改善 30; 师生满意度 10; the execution row 10: 50 + 30 + 10 + 10 = 100.
# Scored: 9.67 + 20 + 9.17 + 21 + 9.78 = 69.62 of the 80 applicable; 69.62 × 100 / 80 = 87.025
# → 87.03.


def test_the_weights_set_add_up_with_a_row_not_applicable():
    text = _draft("edu")
    sentence = next(line for line in _project(text, "校舍维修改造", "## 二、").splitlines()
                    if line.startswith("设定绩效指标"))  # fmt: skip
    assert sentence == (
        "设定绩效指标 5 项，其中产出指标 3 项、分值 50 分；效益指标 1 项、分值 30 分；满意度指标 1 项、"
        "分值 10 分；预算执行率分值 10 分，分值合计 100 分。其中「新建运动场」（分值 20 分）不适用，"
        "不计分，总分按其余 80 分折算为 100 分制。"
    )


def test_a_total_rescaled_for_a_row_not_applicable_says_so_with_the_arithmetic():
    part = _project(_draft("edu"), "校舍维修改造")
    assert (
        "本项目满分 100 分，自评得分 87.03 分，等级为“良”；其中预算执行率得分 9.67 分（分值 10 分），"
        "绩效指标得分见表 4-2。表中预算执行率和各项指标的得分合计 69.62 分，「新建运动场」不适用，"
        "其分值 20 分不计入，按 69.62 × 100 ÷ 80 折算为 87.03 分。"
    ) in part
    assert "| 总分 |  |  |  |  | 100 | 87.03 |" in part


def test_a_total_that_is_the_sum_of_its_rows_says_nothing_more():
    # 学生资助补助经费: 7.81 + 27 + 19.37 + 7 + 20 + 10 = 91.18, the total
    part = _project(_draft("edu"), "学生资助补助经费")
    assert "折算" not in part and "封顶" not in part


def test_weights_above_full_marks_are_said_rescaled_and_the_total_on_100():
    """hubei-huanggang: the execution row weighs 20, so 110 are set; the rows' 15.63 + 27 + 19.37
    + 7 + 20 + 10 = 99.00 are rescaled 99.00 × 100 / 110 = 90.00, a total on 100 (not 90 of
    110)."""
    text = _draft("edu-b", "hubei-huanggang")
    part = _project(text, "学生资助补助经费")
    assert "本项目满分 110 分" not in text
    assert (
        "本项目满分 100 分，自评得分 90.00 分，等级为“优”；其中预算执行率得分 15.63 分（分值 20 分），"
        "绩效指标得分见表 4-1。表中预算执行率和各项指标的得分合计 99.00 分，分值合计 110 分超过满分"
        " 100 分，按 99.00 × 100 ÷ 110 折算为 90.00 分。"
    ) in part
    assert "| 总分 |  |  |  |  | 100 | 90.00 |" in part
    targets = _project(text, "学生资助补助经费", "## 二、")
    assert (
        "预算执行率分值 20 分，分值合计 110 分，超过满分 100 分，总分按满分 100 分折算。" in targets
    )


def test_a_capped_total_says_so():
    """platform-caps: 学生资助补助经费 spent 250 of 320 = 78.13 %, below 80 %: its rows' 91.18 are
    capped at 89.00."""
    part = _project(_draft("edu-b", "platform-caps"), "学生资助补助经费")
    assert (
        "表中预算执行率和各项指标的得分合计 91.18 分，因预算执行率低于 80.00%，总分按规则封顶为 "
        "89.00 分。"
    ) in part


def test_a_budget_of_0_is_not_slow_spending():
    """教师培训（上年结转） has a budget of 0: not below the line (scoring says budget-zero)."""
    problems = _section(_draft("edu"), "## 五、", "## 六、")
    assert "教师培训（上年结转）支出进度" not in problems
    # the others: 250 / 320 = 78.13 %, 60 / 100 = 60.00 %, the department 1100.25 / 1350.50
    # = 81.47 %, all below 90 %
    assert (
        "学生资助补助经费支出进度为全年预算数的 78.13%，体育赛事支出进度为全年预算数的 60.00%，"
        "部门整体支出进度为全年预算数的 81.47%，低于 90% 的要求。"
    ) in problems


def test_budgets_of_0_only_leave_no_slow_spending_and_name_the_plain_mean():
    """report-zero.toml: five projects of budget 0; the department spent 480 of 500 = 96 %. The
    score is the plain mean (81.00 + 81.82 + 82.50 + 83.08 + 83.57) / 5 = 411.97 / 5 = 82.39."""
    text = _draft("zero")
    assert "预算执行偏慢" not in text and "加快预算执行" not in text
    assert (
        "部门整体自评得分 82.39 分，等级为“良”。各项目全年预算数合计为 0，无法按预算加权，部门得分为"
        "各项目得分的简单平均"
    ) in text
    assert "按全年预算数加权" not in text
    result = scoring.score(DATA / "report-zero.toml")
    department = report_context(result).department
    assert (department.method, department.method_title) == ("mean", "简单平均")


def test_a_row_above_its_target_with_a_reduced_score_is_no_shortfall():
    """新建高标准农田面积 ≥1万亩, actual 1.5万亩 (≥ 1.2 × 1): met; the filed 45 of 50 is taken
    as a moderate cut. It is listed as far above its target, not as missed."""
    text = _draft("over")
    assert "未达到年度指标值" not in text
    assert "未达标指标的整改" not in text
    analysis = _section(text, "## 四、", "## 五、")
    assert (
        "「新建高标准农田面积」实际完成值远高于年度指标值，已达到年度指标值，得分低于分值系超额完成后"
        "的调减，不属于未达标。"
    ) in analysis
    problems = _section(text, "## 五、", "## 六、")
    assert "「新建高标准农田面积」（年度指标值 ≥1万亩，实际完成值 1.5万亩）" in problems


def test_a_row_rated_met_with_a_score_in_its_band_is_no_shortfall():
    """农业生产条件改善 明显改善 / 达成, filed 27 of 30 inside 达成's band [24, 30]."""
    text = _draft("qual")
    assert "「农业生产条件改善」年度指标值" not in text
    assert "部分绩效指标未达到年度指标值" not in text


def test_the_department_s_own_table_s_missed_rows_are_among_the_problems():
    """重点工作任务完成数 ≥10项, actual 9项: 30 × 9 / 10 = 27 of 30."""
    problems = _section(_draft("edu-own"), "## 五、", "## 六、")
    assert "部门整体的「重点工作任务完成数」（年度指标值 ≥10项，实际完成值 9项）" in problems


def test_breakdown_rows_are_not_counted_as_indicators():
    """report-bd.toml: 新建防火通道 with two 其中 rows under it, 验收合格率, 森林防火能力,
    周边群众满意度: 4 indicators (产出 30 + 20 = 50, 效益 30, 满意度 10, execution 10 = 100)."""
    text = _draft("bd")
    assert "三级指标合计 4 项" in text
    assert (
        "设定绩效指标 4 项，其中产出指标 2 项、分值 50 分；效益指标 1 项、分值 30 分；满意度指标 1 项、"
        "分值 10 分；预算执行率分值 10 分，分值合计 100 分。另列“其中”分项 2 行，为上一指标的细分，"
        "不单独计分。"
    ) in text


@pytest.mark.parametrize(
    ("name", "rules"),
    [
        ("edu", "mof-2020"),
        ("edu-b", "hubei-huanggang"),
        ("edu-b", "platform-caps"),
        ("zero", "mof-2020"),
        ("over", "mof-2020"),
        ("qual", "mof-2020"),
        ("edu-own", "mof-2020"),
        ("bd", "mof-2020"),
    ],
)
def test_these_drafts_pass_their_own_check(cli, name, rules, tmp_path):
    source = DATA / f"report-{name}.toml"
    out = tmp_path / f"{name}.md"
    assert cli("report", str(source), "-r", rules, "-o", str(out)).code == 0
    run = cli("check", str(out), "--with", str(source), "-r", rules, "-f", "json")
    (data,) = json.loads(run.out)
    assert data["findings"] == []


# The department's own 部门整体 table alone: 200 of 200 spent, 10 × 1 = 10; 重点改革任务完成数
# ≥10项 / 9项, 30 × 9 / 10 = 27; 企业满意度 ≥90% / 95%, 60. Total 10 + 27 + 60 = 97.00.
DEPARTMENT_ONLY = own_table(
    [
        row("重点改革任务完成数", "≥10项", "9项", "30", reason="一项任务暂缓"),
        row("企业满意度", "≥90%", "95%", "60", "满意度指标", "服务对象满意度指标"),
    ],
    {"planned": "200", "adjusted": "200", "spent": "200"},
)


def _department_only(folder: Path) -> Path:
    path = folder / "部门整体.json"
    path.write_text(json.dumps(DEPARTMENT_ONLY, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_department_s_own_table_is_spoken_of_as_the_department(cli, language, tmp_path):
    """The report is a Chinese document in either interface; its own table's sentences name the
    department (部门整体), not a project (本项目), and its funds are the department's budget."""
    source = _department_only(tmp_path)
    run = cli("report", str(source), "--date", "2024-04-09", env={"SCORING_LANG": language})
    assert run.code == 0, run
    text = run.out
    assert "本项目" not in text and "各项目的绩效自评表" not in text
    assert (
        "部门整体绩效自评满分 100 分，自评得分 97.00 分，等级为“优”；其中预算执行率得分 10.00 分"
        "（分值 10 分），绩效指标得分见表 4-1。"
    ) in text
    assert "以下为部门整体绩效自评表，得分按规则集 mof-2020 计算。" in text
    assert (
        "| 部门预算资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |"
        in text
    )
    assert "项目资金（万元）" not in text


def test_the_word_report_speaks_of_the_department_s_own_table_as_the_department(tmp_path):
    from docx import Document

    result = scoring.score(_department_only(tmp_path))
    document = Document(io.BytesIO(draft(result, "docx", ruleset=scoring.ruleset(), date=DAY)))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert not [text for text in paragraphs if "本项目" in text or "各项目的" in text]
    assert any(
        text.startswith("部门整体绩效自评满分 100 分，自评得分 97.00 分") for text in paragraphs
    )
    assert "以下为部门整体绩效自评表，得分按规则集 mof-2020 计算。" in paragraphs
    heads = [table.rows[0].cells[0].text for table in document.tables]
    assert "部门预算资金（万元）" in heads and "项目资金（万元）" not in heads


def test_projects_beside_the_department_s_own_table_keep_their_own_words():
    """report-edu-own.toml: four projects and the department's own table, which scores the
    department (mof-2020's method auto): 75.15 × 100 ÷ 80 = 93.94."""
    text = _draft("edu-own")
    part = _project(text, "（五）部门整体绩效自评表")
    assert part.count("本项目") == 0
    assert (
        "部门整体绩效自评满分 100 分，自评得分 93.94 分，等级为“优”；其中预算执行率得分 8.15 分"
        "（分值 10 分），绩效指标得分见表 4-5。"
    ) in part
    assert _project(text, "学生资助补助经费").count("本项目满分 100 分，自评得分 91.18 分") == 1
    assert "以下为各项目和部门整体的绩效自评表，得分按规则集 mof-2020 计算。" in text
    appendix = text[text.index("### 附表 5　部门整体绩效自评表") :]
    assert "| 部门预算资金（万元） |" in appendix and "项目资金（万元）" not in appendix
    assert text.count("| 项目资金（万元） |") == 4


def _department_name(source) -> str:
    import tomllib

    return tomllib.loads(source.read_text("utf-8"))["department"]["name"]


def test_an_own_table_that_does_not_make_the_department_s_score_is_said_apart(cli, tmp_path):
    """Under a rule set that combines the projects (budget-weighted), the department's own table
    is scored but not counted: its total is said as the table's, which `scoring check` does not
    take for the department's (93.94 beside the department's combined score)."""
    rules = tmp_path / "weighted.toml"
    rules.write_text(
        '[ruleset]\nid = "weighted"\nextends = "mof-2020"\ntitle = "按预算加权"\n'
        'version = "1"\n\n[department]\nmethod = "budget-weighted"\n',
        "utf-8",
    )
    source = DATA / "report-edu-own.toml"
    out = tmp_path / "edu-own.md"
    assert cli("report", str(source), "-r", str(rules), "-o", str(out)).code == 0
    text = out.read_text("utf-8")
    assert "部门得分为各项目得分按全年预算数加权的平均" in text
    assert (
        "部门整体绩效自评表单独计分，不计入部门得分。本表满分 100 分，自评得分 93.94 分，等级为“优”"
    ) in _project(text, "（五）部门整体绩效自评表")
    # the combined score is the department's, not called 部门整体 beside the table that is
    assert "部门整体自评得分" not in text
    assert f"{_department_name(source)}部门得分 " in text
    run = cli("check", str(out), "--with", str(source), "-r", str(rules), "-f", "json")
    (data,) = json.loads(run.out)
    assert data["findings"] == []


def test_the_web_page_speaks_of_the_department_s_own_table_as_the_department(tmp_path):
    result = scoring.score(_department_only(tmp_path))
    page = draft(result, "html", ruleset=scoring.ruleset(), date=DAY)
    assert isinstance(page, str)
    assert "本项目" not in page and "项目资金（万元）" not in page
    assert "<p>部门整体绩效自评满分 100 分，自评得分 97.00 分" in page
    assert "<p>以下为部门整体绩效自评表，得分按规则集 mof-2020 计算。</p>" in page
    assert "部门预算资金（万元）" in page
