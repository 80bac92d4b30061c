"""A filed grade (自评等级) written in a longer word of its grade — 优秀 for 优, 良好 for 良, 中等
for 中, 较差 for 差 — agrees with the computed grade: the rule set's ``[grades]`` gives each
grade its aliases (mof-2020: ``"优" = { min = 90, aliases = ["优秀"] }``), and the review table,
its ``recorded-grade-mismatch`` finding, the returned workbook and a report's check ask the one
test (:func:`scoring.words.names_grade`). A word of another grade (良好 filed for 优), or one
the rule set does not list (A, 优良), still differs.

The evaluation, worked by hand: one project, 全年预算数 100 spent 100 → 执行率 100% → 10.00; one
indicator 人数 ≥100人 of 分值 90, its actual ``actual`` 人:
  100人 → 90.00, total 100.00 → 优 (≥ 90);
   85人 → 85 / 100 × 90 = 76.50, total 86.50 → 良 ([80, 90));
   70人 → 70 / 100 × 90 = 63.00, total 73.00 → 中 ([60, 80));
   40人 → 40 / 100 × 90 = 36.00, total 46.00 → 差 (< 60).
The department (no table of its own, one project) has the project's score and grade.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal as D

import pytest

import scoring
from scoring.errors import RulesetError
from scoring.excel.write import result_workbook, workbook_bytes

from . import workbook_layouts as W

openpyxl = pytest.importorskip("openpyxl")


def evaluation(actual: int, project_grade: str, department_grade: str | None = None) -> dict:
    department: dict = {
        "name": "某县文化广电和旅游局",
        "year": 2023,
        "budget": {"planned": 100, "adjusted": 100, "spent": 100},
    }
    if department_grade is not None:
        department["grade"] = department_grade
    indicator = {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "人数",
        "target": "≥100人",
        "actual": f"{actual}人",
        "weight": 90,
    }
    project = {
        "name": "公共文化服务",
        "budget": {"planned": 100, "adjusted": 100, "spent": 100},
        "grade": project_grade,
        "indicators": [indicator],
    }
    return {"department": department, "projects": [project]}


def mismatches(result) -> list[tuple[str, str]]:
    return [(f.where, f.message) for f in result.findings if f.code == "recorded-grade-mismatch"]


@pytest.mark.parametrize(
    ("actual", "total", "grade", "filed"),
    [
        (100, "100.00", "优", "优秀"),
        (85, "86.50", "良", "良好"),
        (70, "73.00", "中", "中等"),
        (40, "46.00", "差", "较差"),
        (100, "100.00", "优", "优"),  # the grade's own name, as before
        (100, "100.00", "优", " 优 秀 "),  # spaces aside, as texts are compared
    ],
)
def test_a_grade_filed_in_its_longer_word_agrees(actual, total, grade, filed):
    """Filed for the project and the department alike: no finding, and both review rows agree."""
    result = scoring.score(evaluation(actual, filed, filed))
    assert result.projects[0].score == D(total) and result.projects[0].grade == grade
    assert result.department.grade == grade
    assert mismatches(result) == []
    rows = [row for row in result.review if row.kind == "grade"]
    assert [(row.where, row.filed, row.computed, row.agrees) for row in rows] == [
        ("projects[0].grade", filed.strip(), grade, True),
        ("department.grade", filed.strip(), grade, True),
    ]


@pytest.mark.parametrize(
    ("actual", "filed", "computed"),
    [
        (100, "良好", "优"),  # 良's alias, for a 优 score: another grade
        (100, "良", "优"),
        (85, "优秀", "良"),  # 优's alias, for 86.50 (良)
        (40, "中等", "差"),
        (100, "A", "优"),  # a word the rule set does not list
        (100, "优良", "优"),  # 优 or 良? Not a word of either
    ],
)
def test_a_grade_filed_as_another_grade_still_differs(actual, filed, computed):
    result = scoring.score(evaluation(actual, filed))
    assert mismatches(result) == [
        (
            "projects[0].grade",
            f"project “公共文化服务” · grade: filed “{filed}”, by the rules “{computed}”",
        )
    ]


def test_the_review_table_counts_an_alias_as_agreeing(cli, tmp_path):
    """The department filed 优秀 and the project 良好, both scored 100.00 (优): of the two
    filed values (no 得分 filed), 1 agrees and 1 differs — it was 0 and 2."""
    path = tmp_path / "grades.json"
    data = evaluation(100, "良好", "优秀")
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    run = cli("score", str(path), env={"COLUMNS": "160"})
    assert run.code == 0, run
    assert "Review (2 filed: 1 agree, 1 differ)" in run.out
    assert "filed “良好”, by the rules “优”" in run.out
    assert "优秀" not in run.out.split("Findings")[-1]  # the department's grade is no finding
    zh = cli("check", str(path), env={"COLUMNS": "160", "SCORING_LANG": "zh"})
    assert "复核表（自评 2 项：一致 1 项，不一致 1 项）" in zh.out


def _remark_of_the_total(sheet) -> str:
    """The review's remark (复核意见) beside the 总分 row: ``等级 优…``."""
    remarks = [
        c.value for row in sheet.iter_rows() for c in row if str(c.value).startswith("等级 ")
    ]
    assert len(remarks) == 1, remarks
    return remarks[0]


@pytest.mark.parametrize(
    ("filed", "remark", "findings"),
    [
        ("优秀", "等级 优", 0),  # agrees: the filed grade is not repeated, nor a finding
        ("良好", "等级 优；自评等级 良好", 1),
    ],
)
def test_the_returned_workbook_says_the_grade_as_the_review_does(filed, remark, findings):
    data = evaluation(100, filed)
    result = scoring.score(data)
    book = openpyxl.load_workbook(
        io.BytesIO(workbook_bytes(result_workbook(scoring.load(data), result)))
    )
    assert _remark_of_the_total(book["项目1"]) == remark
    listed = [c.value for c in book["复核发现"]["E"] if c.value == "recorded-grade-mismatch"]
    assert len(listed) == findings


@pytest.mark.parametrize("fmt", ["xlsx", "xls"])
@pytest.mark.parametrize(("filed", "agrees"), [("优秀", True), ("良好", False)])
def test_a_unit_s_workbook_filed_优秀_agrees_and_is_returned_so(tmp_path, fmt, filed, agrees):
    """公共文化服务体系建设 on the national form: 执行率 116.4 / 120 = 97% → 9.70, its rows 30 + 20
    + 30 + 10 = 90, total 99.70 → 优, filed 99.7 and 自评等级 ``filed``. 优秀 agrees: no finding,
    the 自评等级 cell not coloured, the remark beside 总分 ``等级 优；与自评一致``; 良好 is a
    finding at its cell and said in the remark."""
    project = W.culture_projects()[0] | {"grade": filed}
    built = W.single(tmp_path / f"文化.{fmt}", project, **W.CULTURE)
    result = scoring.score(built.path)
    assert result.projects[0].score == D("99.70") and result.projects[0].grade == "优"
    found = [f for f in result.findings if f.code == "recorded-grade-mismatch"]
    assert [f.where for f in found] == ([] if agrees else ["projects[0].grade"])
    book = openpyxl.load_workbook(
        io.BytesIO(workbook_bytes(result_workbook(scoring.load(built.path), result)))
    )
    sheet = book["项目1"]
    said = "等级 优；与自评一致" + ("" if agrees else f"；自评等级 {filed}")
    assert _remark_of_the_total(sheet) == said
    grade_cell = sheet[built.cells["projects[0].grade"].split("!")[1]]
    assert grade_cell.value == filed
    assert (grade_cell.fill.fill_type == "solid") is not agrees


MOF_GRADES_BARE = {
    "ruleset": {"id": "grades-bare", "extends": "mof-2020"},
    "grades": {"优": 90, "良": 80, "中": 60, "差": 0},
}


def test_the_aliases_are_the_rule_set_s():
    """A rule set that sets [grades] without aliases (the table replaces mof-2020's whole) reads
    优秀 as a word of no grade; one that gives 优 the alias A reads A as 优."""
    assert mismatches(scoring.score(evaluation(100, "优秀"), rules=MOF_GRADES_BARE)) == [
        ("projects[0].grade", "project “公共文化服务” · grade: filed “优秀”, by the rules “优”")
    ]
    lettered = {
        "ruleset": {"id": "grades-lettered", "extends": "mof-2020"},
        "grades": {
            "优": {"min": 90, "aliases": ["A", "优秀"]},
            "良": {"min": 80, "aliases": ["B"]},
            "中": 60,
            "差": 0,
        },
    }
    assert mismatches(scoring.score(evaluation(100, "A"), rules=lettered)) == []
    assert mismatches(scoring.score(evaluation(100, "B"), rules=lettered)) != []
    assert scoring.ruleset(lettered).grades == (("优", 90), ("良", 80), ("中", 60), ("差", 0))


@pytest.mark.parametrize(
    ("grades", "where", "words"),
    [
        # 优秀 given to 优 and to 良: a filed 优秀 would agree with either
        (
            {
                "优": {"min": 90, "aliases": ["优秀"]},
                "良": {"min": 80, "aliases": ["优秀"]},
                "差": 0,
            },
            "grades.良.aliases[0]",
            "'优秀' names two grades: '优' and '良'",
        ),
        # an alias that is another grade's name
        (
            {"优": {"min": 90, "aliases": ["良"]}, "良": 80, "差": 0},
            "grades.优.aliases[0]",
            "'良' names two grades: '良' and '优'",
        ),
    ],
)
def test_a_word_given_to_two_grades_is_refused(grades, where, words):
    rules = {"ruleset": {"id": "grades-twice", "extends": "mof-2020"}, "grades": grades}
    with pytest.raises(RulesetError) as raised:
        scoring.ruleset(rules)
    assert raised.value.where == where
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("stated", "rules", "differs"),
    [
        ("优秀", "mof-2020", False),  # 优's alias: agrees, as a filed 优秀 does
        ("良好", "mof-2020", True),  # 良's: the project scored 100.00 (优)
        ("优秀", MOF_GRADES_BARE, True),  # a rule set that gives 优 no alias
    ],
)
def test_a_report_s_grade_is_held_to_the_same_aliases(stated, rules, differs):
    """``scoring check REPORT --with FILE``: the report's 等级 of the project (100.00, 优) is
    compared through the rule set's aliases, the one test the review table makes."""
    from scoring.report import extract, review

    data = evaluation(100, "优")
    text = f"公共文化服务自评得分 100 分，等级为{stated}。\n"
    found = review(
        extract(text, ["公共文化服务"]), scoring.load(data), scoring.score(data, rules=rules)
    )
    assert [f.code for f in found] == (["report-table-mismatch"] if differs else [])
