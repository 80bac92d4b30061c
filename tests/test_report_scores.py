"""A report's stated 得分 and 等级 — the department's, each project's — against the scored table
(``scoring check REPORT --with FILE``). Only a table's total is a score (自评得分, 综合得分, 总分),
never a part of one (产出指标得分, 预算执行率得分, 分值, 满分); a score may be stated with fewer
decimals, a grade in one of its aliases in the rule set's [grades] (优秀 for 优 under mof-2020).

The evaluation, worked by hand: two projects, one indicator of 分值 90 met in each (90.00);
  公共文化服务 147 / 150 = 98% → 10 × 0.98 = 9.80 → 99.80 优;
  文物保护修缮 180 / 200 = 90% → 10 × 0.90 = 9.00 → 99.00 优;
  department (no 部门整体 table): weighted by 全年预算数,
  (99.80 × 150 + 99.00 × 200) / 350 = (14970 + 19800) / 350 = 99.342… → 99.34 优.
"""

from __future__ import annotations

import json

import pytest

import scoring
from scoring.report import extract, review

# what these tests assert is the Chinese the users read
pytestmark = pytest.mark.usefixtures("chinese")

NAMES = ["公共文化服务", "文物保护修缮"]


def evaluation() -> dict:
    def project(name: str, budget: str, spent: str) -> dict:
        indicator = {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "任务完成率",
            "target": "100%",
            "actual": "100%",
            "weight": 90,
        }
        return {
            "name": name,
            "budget": {"adjusted": budget, "spent": spent},
            "indicators": [indicator],
        }

    return {
        "department": {
            "name": "某某市文化广电和旅游局",
            "year": 2023,
            "budget": {"planned": "350", "adjusted": "350", "spent": "327"},
        },
        "projects": [project("公共文化服务", "150", "147"), project("文物保护修缮", "200", "180")],
    }


REPORT = """\
某某市文化广电和旅游局
2023 年度部门整体支出绩效自评报告

一、部门基本情况
本局 2023 年度全年预算资金 350 万元，实际支出 327 万元。
二、自评结论
部门整体自评得分 99.34 分，等级为“优”。
公共文化服务自评得分 99.80 分，等级为优秀。
文物保护修缮满分 100 分，自评得分 99 分，等级为“优”，其中产出指标得分 90 分，预算执行率得分 9 分，分值 10 分。
"""  # fmt: skip


def findings(text: str) -> list[tuple[str, str]]:
    data = evaluation()
    loaded, result = scoring.load(data), scoring.score(data)
    return [(f.code, f.message) for f in review(extract(text, NAMES), loaded, result)]


def test_the_scores_and_grades_read_and_whose():
    stated = [
        (f.line, f.kind, f.project, f.value if f.value is not None else f.text)
        for f in extract(REPORT, NAMES)
        if "score" in f.kind or "grade" in f.kind
    ]
    assert [(line, kind, project, str(value)) for line, kind, project, value in stated] == [
        (7, "department_score", "", "99.34"),
        (7, "department_grade", "", "优"),
        (8, "project_score", "公共文化服务", "99.80"),
        (8, "project_grade", "公共文化服务", "优秀"),
        # 满分 100 分, 产出指标得分 90 分, 预算执行率得分 9 分 and 分值 10 分 are no total
        (9, "project_score", "文物保护修缮", "99"),
        (9, "project_grade", "文物保护修缮", "优"),
    ]


def test_a_report_that_agrees_has_no_finding():
    """99 分 for 99.00 (fewer decimals), 优秀 for 优."""
    assert findings(REPORT) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("部门整体自评得分 99.34 分", "部门整体自评得分 99.43 分"),
            "第 7 行报告部门得分 99.43 分，自评表为得分 99.34 分"
            "（「部门整体自评得分 99.43 分，等级为“优”」）",
        ),
        (
            ("等级为优秀", "等级为良好"),
            "第 8 行报告「公共文化服务」等级 “良好”，自评表为等级“优”"
            "（「公共文化服务自评得分 99.80 分，等级为良好」）",
        ),
        # 99.342… stated as 99.3 is 99.34 with one decimal (cut off): agrees; 99.4 does not
        (
            ("部门整体自评得分 99.34 分", "部门整体自评得分 99.4 分"),
            "第 7 行报告部门得分 99.4 分，自评表为得分 99.34 分"
            "（「部门整体自评得分 99.4 分，等级为“优”」）",
        ),
    ],
)
def test_a_score_or_grade_the_table_does_not_give(change, message):
    assert findings(REPORT.replace(*change)) == [("report-table-mismatch", message)]


@pytest.mark.parametrize(
    "sentence",
    [
        "预算执行率指标分值10分，得分8.62分。",  # an indicator's 得分, after its 分值
        "工程资金金额实际完成37.24万元，完成率86.2%，得分8.62分。",  # a bare 得分: an indicator's
        "学生满意度调查得分为98分。",  # a survey's score
        "部门整体自评得分较上年得分95分提高4.34分。",  # last year's, and a difference
        "2018年部门整体自评得分为92.5分。",  # another year's
        "评价等级为“优秀”，总分100分。",  # 总分 100 分: the full marks as often as a score
        "本局被评为优秀单位。",  # an award, not a grade
        "「完成数量」年度指标值 10，实际完成值 9，得分 54 分（分值 60 分）。",
        "「完成数量」年度指标值 10，实际完成值 3，得分 18 分（分值 60 分）。",  # same name, twice
    ],
)
def test_a_score_that_is_not_a_total_is_no_figure(sentence):
    """Sentences a correct report writes, each added to it: no finding, with the table or
    without it."""
    text = REPORT + sentence + "\n"
    assert findings(text) == []
    assert review(extract(text, NAMES)) == []


def test_a_score_with_fewer_decimals_agrees():
    assert findings(REPORT.replace("99.34 分", "99.3 分")) == []


def test_the_department_score_stated_twice_otherwise_is_flagged_without_the_table():
    text = REPORT + "综上，部门整体自评得分 98.34 分。\n"
    found = [(f.code, f.where) for f in review(extract(text, NAMES))]
    assert found == [("stated-figure-mismatch", "line 10")]


def test_check_with_the_file_checks_the_drafted_scores(cli, tmp_path):
    """The drafted report of the bundled example states every score and grade as the table gives
    them (no finding); a project's score and grade changed by hand are named at their line."""
    from pathlib import Path

    example = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
    draft = tmp_path / "report.md"
    assert cli("report", str(example), "-o", str(draft)).code == 0
    clean = cli("check", str(draft), "--with", str(example), "-f", "json")
    assert clean.code == 0 and json.loads(clean.out)[0]["findings"] == []
    text = draft.read_text("utf-8")
    # 基础设施维护及企业服务费: 9.71 + 90.00 = 99.71 优, as the table scores it
    assert text.count("自评得分 99.71 分，等级为“优”") == 1
    draft.write_text(text.replace("自评得分 99.71 分，等级为“优”", "自评得分 99.17 分，等级为“良”"))
    run = cli("check", str(draft), "--with", str(example), "-f", "json")
    found = [(f["code"], f["where"], f["message"]) for f in json.loads(run.out)[0]["findings"]]
    line = next(i for i, t in enumerate(draft.read_text("utf-8").splitlines(), 1) if "99.17" in t)
    at_line = [code for code, where, _ in found if where == f"line {line}"]
    assert at_line == ["report-table-mismatch"] * 2
    # the 附表's 总分 99.71 is not read as a score (总分 is as often the full marks): nothing else
    assert [code for code, where, _ in found if where != f"line {line}"] == []
    assert any("自评表为得分 99.71 分" in message for *_, message in found)
    assert any("自评表为等级“优”" in message for *_, message in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "本局自评分数为95分。",  # 分数 for 得分; the department by 本局
        "本局最终评分 95 分。",
        "部门整体绩效自评结果为“良”。",  # 结果 for 等级; the table gives 优
        "部门整体自评得分99.34分，被评为“良好”等级。",  # the grade before the word 等级
        "本局评定为良档。",
    ],
)
def test_a_wrong_department_score_or_grade_in_other_words_is_caught(sentence):
    text = REPORT + sentence + "\n"
    found = findings(text)
    assert ("report-table-mismatch", found[-1][1]) == found[-1], found
    assert found[-1][1].startswith("第 10 行报告部门"), found


def test_a_table_of_projects_states_each_project_s_score_and_grade(cli, tmp_path):
    """表 1 of the draft (项目名称 … 得分 | 等级): each project's row states its score and grade;
    招商经费's changed to 89.90 良 (the table gives 9.90 + 90.00 = 99.90 优) is named twice at its
    line, and nothing else is."""
    from pathlib import Path

    example = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
    draft = tmp_path / "report.md"
    assert cli("report", str(example), "-o", str(draft)).code == 0
    text = draft.read_text("utf-8")
    row = "| 招商经费 | 20.00 | 19.80 | 99.00% | 99.90 | 优 |"
    assert text.count(row) == 1
    draft.write_text(text.replace(row, "| 招商经费 | 20.00 | 19.80 | 99.00% | 89.90 | 良 |"))
    line = next(i for i, t in enumerate(draft.read_text("utf-8").splitlines(), 1) if "89.90" in t)
    run = cli("check", str(draft), "--with", str(example), "-f", "json")
    found = [(f["code"], f["where"]) for f in json.loads(run.out)[0]["findings"]]
    assert found == [("report-table-mismatch", f"line {line}")] * 2


def test_a_word_draft_edited_by_hand_names_the_project_s_score(cli, tmp_path):
    """The Word draft, 招商经费's sentence in 四、 edited to 89.90 良: the score is 招商经费's (its
    heading's), not that of a phrase ending in 项目 in the paragraph before (自主引进项目 3 个):
    each Word paragraph is a paragraph of its own."""
    from pathlib import Path

    import docx

    example = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
    path = tmp_path / "report.docx"
    assert cli("report", str(example), "-o", str(path)).code == 0
    document = docx.Document(str(path))
    said = "自评得分 99.90 分，等级为“优”"
    edited = [p for p in document.paragraphs if said in p.text]
    assert len(edited) == 1
    for run in edited[0].runs:
        run.text = run.text.replace("99.90", "89.90").replace("“优”", "“良”")
    assert "自评得分 89.90 分，等级为“良”" in edited[0].text
    document.save(str(path))
    run = cli("check", str(path), "--with", str(example), "-f", "json")
    (checked,) = json.loads(run.out)
    scores = [f for f in checked["figures"] if f["text"] == "89.90 分"]
    assert [f["project"] for f in scores] == ["招商经费"]
    assert [f["code"] for f in checked["findings"]] == ["report-table-mismatch"] * 2
