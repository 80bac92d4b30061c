"""One department filed over several files, summed up once by ``report --combined``
(:mod:`scoring.merge`).

The bundled example, 乐亭县城区工业聚集区管理委员会 2023, has three projects; split into one
file per project it must sum up as the one file does (worked in ``tests/cases/leting-2023.toml``):

- projects 招商经费 99.90 (全年预算数 20), 基础设施维护及企业服务费 99.71 (35), 电子政务平台经费
  99.82 (10);
- department, weighted by 全年预算数: (99.90 × 20 + 99.71 × 35 + 99.82 × 10) / 65 = 6486.05 / 65
  = 99.7854 → 99.79, 优;
- its execution rate from the department budget every file states: 374.11 / 382.31 = 97.86 %.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.merge import departments
from tests.conftest import CASES, LETING, case_evaluation, run_cli

DEPARTMENT = 'name = "乐亭县城区工业聚集区管理委员会"'


def split(folder: Path, head_of=lambda number, head: head) -> list[Path]:
    """The example written one project per file into ``folder`` (p1.toml …), each with the
    department's head (``head_of`` may change a file's)."""
    folder.mkdir(exist_ok=True)
    head, *projects = case_evaluation(LETING).split("[[projects]]")
    assert len(projects) == 3
    paths = []
    for number, project in enumerate(projects, 1):
        path = folder / f"p{number}.toml"
        path.write_text(head_of(number, head) + "[[projects]]" + project, "utf-8")
        paths.append(path)
    return paths


def summary_rows(path: Path) -> list[list[str]]:
    """The rows of table 1 (排名, 部门, 年度, 得分, 等级, 预算执行率, 项目数, 复核发现)."""
    lines = path.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| 排名"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_a_department_filed_one_project_per_file_is_summed_up_once(tmp_path):
    split(tmp_path / "单位")
    out = tmp_path / "汇总.md"
    ran = run_cli("report", str(tmp_path / "单位"), "--combined", "-o", str(out))
    assert ran.code == 0, ran
    assert summary_rows(out) == [
        ["1", "乐亭县城区工业聚集区管理委员会", "2023", "99.79", "优", "97.86%", "3", "1"]
    ]
    said = "scoring: 乐亭县城区工业聚集区管理委员会 (2023) is filed over 3 files, summed up as one"
    assert said in ran.err and "p3.toml" in ran.err and "warning" not in ran.err
    # the same as the one file of all three projects
    whole = tmp_path / "whole.toml"
    whole.write_text(case_evaluation(LETING), "utf-8")
    ran = run_cli("report", str(whole), "--combined", "-o", str(tmp_path / "一个.md"))
    assert summary_rows(tmp_path / "一个.md") == summary_rows(out)


def test_the_merged_evaluation_numbers_each_file_s_projects_after_the_last(tmp_path):
    paths = split(tmp_path / "单位")
    units, apart = departments([scoring.load(path) for path in paths])
    assert apart == [] and len(units) == 1
    (unit,) = units
    assert unit.sources == tuple(str(path) for path in paths)
    merged = unit.evaluation
    assert [table.where for table in merged.projects] == [
        "projects[0]",
        "projects[1]",
        "projects[2]",
    ]
    third = merged.projects[2]
    assert third.name == "电子政务平台经费" and third.budget.where == "projects[2].budget"
    assert [ind.where for ind in third.indicators] == [
        "projects[2].indicators[0]",
        "projects[2].indicators[1]",
    ]
    result = scoring.score(merged)
    assert [str(p.score) for p in result.projects] == ["99.90", "99.71", "99.82"]
    assert str(result.department.score) == "99.79" and result.department.grade == "优"
    assert [(f.code, f.where) for f in result.findings] == [
        ("targets-equal-actuals", "projects[0]")
    ]


def test_workbooks_without_a_department_sheet_sum_their_budgets(tmp_path):
    """Each workbook has no 部门 sheet: each took its project's amounts as the department's
    budget (a read-assumption); merged, the department's is the sum over the three: 全年预算数
    20 + 35 + 10 = 65, 全年执行数 19.8 + 34 + 9.82 = 63.62, 执行率 63.62 / 65 = 97.88 %."""
    import openpyxl

    folder = tmp_path / "表"
    folder.mkdir()
    for path in split(tmp_path / "单位"):
        book = folder / f"{path.stem}.xlsx"
        ran = run_cli("convert", str(path), "-o", str(book))
        assert ran.code == 0, ran
        workbook = openpyxl.load_workbook(book)
        del workbook["部门"]
        workbook.save(book)
    units, apart = departments([scoring.load(book) for book in sorted(folder.iterdir())])
    assert apart == [] and len(units) == 1
    merged = units[0].evaluation
    budget = merged.department.budget
    assert [str(budget.adjusted), str(budget.spent)] == ["65", "63.62"]
    said = [words for where, words in merged.notes if where == "department.budget"]
    assert len(said) == 1 and "sum of the projects' budgets" in said[0]
    assert merged.locations["projects[1].indicators[0].actual"].startswith("p2.xlsx!项目1!")
    out = tmp_path / "汇总.md"
    ran = run_cli("report", str(folder), "--combined", "-o", str(out))
    assert ran.code == 0, ran
    (row,) = summary_rows(out)
    assert row[3:7] == ["99.79", "优", "97.88%", "3"]


def _head(number: int, head: str, change: str) -> str:
    """The department's head of file ``number``: the second file's budget changed, or a
    department 自评得分 filed as 99 in the first file and 98 in the second (one file filing it
    alone would be the department's)."""
    if change == "budget" and number == 2:
        return head.replace("spent = 374.11", "spent = 370")
    if change == "filed score" and number < 3:
        return head.replace("year = 2023", f"year = 2023\nscore = {100 - number}")
    return head


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            "budget",
            "their department budgets (年初预算数 / 全年预算数 / 全年执行数) differ: ",
        ),
        ("filed score", "their department's filed 自评得分 differ"),
    ],
)
def test_files_that_disagree_on_the_department_are_counted_apart(tmp_path, change, reason):
    split(tmp_path / "单位", lambda number, head: _head(number, head, change))
    out = tmp_path / "汇总.md"
    ran = run_cli("report", str(tmp_path / "单位"), "--combined", "-o", str(out))
    assert ran.code == 0, ran
    assert (
        "scoring: warning: 3 files are of one department, 乐亭县城区工业聚集区管理委员会 (2023), "
        f"and are counted apart, as 3 departments: {reason}"
    ) in ran.err
    assert [row[6] for row in summary_rows(out)] == ["1", "1", "1"]  # a project each


def test_a_project_in_two_files_is_not_merged(tmp_path):
    """p1 and a second version of it, p1-二稿: which counts is the reviewer's call."""
    folder = tmp_path / "单位"
    first, *_others = split(folder)
    (folder / "p1-二稿.toml").write_text(first.read_text("utf-8").replace("19.8", "19.5"), "utf-8")
    out = tmp_path / "汇总.md"
    ran = run_cli("report", str(folder), "--combined", "-o", str(out))
    assert ran.code == 0, ran
    assert "and are counted apart, as 4 departments: the project “招商经费” is in " in ran.err
    assert len(summary_rows(out)) == 4


def test_two_files_with_the_department_s_own_table_are_not_merged(tmp_path):
    paths = split(tmp_path / "单位")
    own = {
        "name": "部门整体",
        "budget": {"planned": 382.31, "adjusted": 382.31, "spent": 374.11},
        "indicators": [
            {
                "level1": "产出指标",
                "level2": "数量指标",
                "name": "重点工作完成数",
                "target": "≥3项",
                "actual": "3项",
                "weight": 90,
            }
        ],
    }
    evaluations = []
    for path in paths[:2]:
        data = scoring.load(path).data
        data["department"].update(own)
        evaluations.append(scoring.load(data))
    units, apart = departments(evaluations)
    assert len(units) == 2 and len(apart) == 1
    assert apart[0].reason == "<data> and <data> each file the department's own table"


def test_other_departments_are_left_as_they_are(tmp_path):
    def other(number: int, head: str) -> str:
        return head.replace(DEPARTMENT, 'name = "另一个部门"') if number == 2 else head

    paths = split(tmp_path / "单位", other)
    units, apart = departments([scoring.load(path) for path in paths])
    assert apart == []
    assert [unit.sources for unit in units] == [(str(paths[0]), str(paths[2])), (str(paths[1]),)]


def test_a_department_score_filed_in_one_file_alone_is_the_department_s(tmp_path):
    """Filed in the second file only: it is the department's filed 自评得分, which the review
    compares with the 99.79 computed."""

    def filed(number: int, head: str) -> str:
        return head.replace("year = 2023", "year = 2023\nscore = 98") if number == 2 else head

    paths = split(tmp_path / "单位", filed)
    (unit,), apart = departments([scoring.load(path) for path in paths])
    assert apart == [] and str(unit.evaluation.department.score) == "98"
    result = scoring.score(unit.evaluation)
    assert "recorded-score-mismatch" in {f.code for f in result.findings}


def test_names_are_read_alike_whatever_their_width_spaces_or_script(tmp_path):
    """（本级）, (本级) and 樂亭 name one department; a second version of a project whose name
    differs only so is a project in two files, not a fourth project (99.36 where 99.79 is
    right: (1998 + 3489.85 + 3449.95 + 998.2) / 100)."""
    spellings = {1: "（本级）", 2: "(本级)", 3: " （本級）"}

    def renamed(number: int, head: str) -> str:
        return head.replace(DEPARTMENT, DEPARTMENT[:-1] + spellings[number] + '"')

    paths = split(tmp_path / "单位", renamed)
    (unit,), apart = departments([scoring.load(path) for path in paths])
    assert apart == [] and len(unit.sources) == 3
    assert scoring.score(unit.evaluation).department.score == Decimal("99.79")

    second = tmp_path / "单位" / "p2-修改稿.toml"
    text = paths[1].read_text("utf-8")
    second.write_text(
        text.replace(
            'name = "基础设施维护及企业服务费"', 'name = "基础设施维护及企业服务费（一期）"'
        ),
        "utf-8",
    )
    paths[1].write_text(
        text.replace(
            'name = "基础设施维护及企业服务费"', 'name = "基础设施维护及企业服务费(一期)"'
        ),
        "utf-8",
    )
    units, apart = departments([scoring.load(path) for path in [*paths, second]])
    assert len(units) == 4 and len(apart) == 1
    assert apart[0].reason.startswith("the project “基础设施维护及企业服务费")


def test_one_file_given_twice_is_counted_once(tmp_path):
    paths = split(tmp_path / "单位")
    (unit,), apart = departments([scoring.load(path) for path in [paths[0], *paths]])
    assert apart == [] and unit.sources == tuple(str(path) for path in paths)
    assert len(unit.evaluation.projects) == 3


def test_the_department_s_budget_reason_is_taken_from_the_file_that_gives_it(tmp_path):
    """Spent 300 of 382.31: 78.47 %, below the 90 % line, so the department's budget needs a
    reason. The second file gives it: merged, the department has it, and at department.budget
    the execution is said to be low but no reason-missing is found — as in one file of all
    three projects."""

    def spent(number: int, head: str) -> str:
        head = head.replace("spent = 374.11", "spent = 300")
        if number == 2:
            head = head.replace(
                "spent = 300 }", 'spent = 300, reason = "部分项目跨年实施，资金结转" }'
            )
        return head

    paths = split(tmp_path / "单位", spent)
    (unit,), apart = departments([scoring.load(path) for path in paths])
    assert apart == [] and unit.evaluation.department.budget.reason == "部分项目跨年实施，资金结转"
    result = scoring.score(unit.evaluation)
    at_budget = {f.code for f in result.findings if f.where.startswith("department.budget")}
    assert at_budget == {"execution-low"}  # no reason-missing


def test_a_department_table_in_one_file_scores_its_projects_files_under_a_table_rule_set(
    tmp_path,
):
    """Under a rule set that scores the department by its 部门整体 table (method table), a
    project's file alone cannot be scored — it has no such table — while the department's
    files together can: worked in tests/cases/department-auto-table.toml, the table scores
    9 + 45 + 30 = 84.00, 良, 90 / 100 = 90.00 %, with 2 projects beside it. Three findings:
    the table and both projects weight their rows off mof-2020's defaults with no
    weights_reason (weights-off-default)."""
    rules = tmp_path / "table.toml"
    rules.write_text(
        '[ruleset]\nid = "table"\nextends = "mof-2020"\nversion = "1"\ntitle = "按部门整体"\n'
        '[department]\nmethod = "table"\n',
        "utf-8",
    )
    whole = (CASES / "department-auto-table.toml").read_text("utf-8")
    whole = whole[whole.index("[department]") :]
    head, *projects = whole.split("[[projects]]")
    folder = tmp_path / "单位"
    folder.mkdir()
    (folder / "a-部门整体.toml").write_text(head, "utf-8")
    department = head[: head.index("[[department.indicators]]")]
    for number, project in enumerate(projects, 1):
        (folder / f"p{number}.toml").write_text(department + "[[projects]]" + project, "utf-8")
    alone = run_cli("score", str(folder / "p1.toml"), "-r", str(rules))
    assert alone.code == 2, alone  # no 部门整体 table in a project's file
    out = tmp_path / "汇总.md"
    ran = run_cli("report", str(folder), "--combined", "-r", str(rules), "-o", str(out))
    assert ran.code == 0, ran
    assert "error" not in ran.err and "is filed over 3 files" in ran.err
    assert summary_rows(out) == [
        ["1", "某县经济开发区管理委员会", "2023", "84.00", "良", "90.00%", "2", "3"]
    ]


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_file_left_out_is_named_in_the_summary_itself(tmp_path, fmt):
    """A summary that counts 1 department of 4 files given must say a file was left out: the
    reviewer reads the document, not the terminal it was made in."""
    split(tmp_path / "单位")
    (tmp_path / "单位" / "zz坏.toml").write_text("broken = [\n", "utf-8")
    out = tmp_path / f"汇总.{fmt}"
    ran = run_cli("report", str(tmp_path / "单位"), "--combined", "-o", str(out))
    assert ran.code == 2 and "zz坏.toml" in ran.err, ran
    if fmt == "docx":
        from docx import Document

        text = "\n".join(paragraph.text for paragraph in Document(str(out)).paragraphs)
    else:
        text = out.read_text("utf-8")
    assert "另有 1 个文件未能读取或计分，未计入本汇总：" in text and "zz坏.toml" in text


def test_a_department_sheet_in_yuan_states_the_budget_beside_workbooks_without_one(tmp_path):
    """p1's 部门 sheet gives the budget in 元 (3823100 / 3823100 / 3741100, said so at its
    amount); p2 and p3 have no 部门 sheet and each took its project's amounts. Merged, the
    department's budget is the one stated, 382.31 / 374.11 万元 (97.86 %), and no note says it
    was summed."""
    import openpyxl

    folder = tmp_path / "表"
    folder.mkdir()
    for path in split(tmp_path / "单位"):
        book = folder / f"{path.stem}.xlsx"
        assert run_cli("convert", str(path), "-o", str(book)).code == 0
        workbook = openpyxl.load_workbook(book)
        sheet = workbook["部门"]
        if path.stem == "p1":
            for row in range(1, sheet.max_row + 1):
                label = sheet.cell(row, 1).value or ""
                if label.endswith("（万元）"):
                    sheet.cell(row, 1).value = label.replace("（万元）", "（元）")
                    sheet.cell(row, 2).value = int(Decimal(str(sheet.cell(row, 2).value)) * 10000)
        else:
            del workbook["部门"]
        workbook.save(book)
    (unit,), apart = departments([scoring.load(book) for book in sorted(folder.iterdir())])
    assert apart == []
    budget = unit.evaluation.department.budget
    assert [budget.adjusted, budget.spent] == [Decimal("382.31"), Decimal("374.11")]
    assert "department.budget" not in dict(unit.evaluation.notes)
    assert "in yuan" in dict(unit.evaluation.notes)["department.budget.adjusted"]


def test_one_file_given_by_two_paths_is_counted_once(tmp_path):
    """p1 by its path and by a link to it: one file, counted once — the summary row is the
    department's, 99.79 with 3 projects, not four rows."""
    folder = tmp_path / "单位"
    paths = split(folder)
    link = tmp_path / "链接.toml"
    link.symlink_to(paths[0])
    (unit,), apart = departments([scoring.load(path) for path in [*paths, link]])
    assert apart == [] and len(unit.evaluation.projects) == 3
    out = tmp_path / "汇总.md"
    ran = run_cli("report", str(folder), str(link), "--combined", "-o", str(out))
    assert ran.code == 0, ran
    assert summary_rows(out) == [
        ["1", "乐亭县城区工业聚集区管理委员会", "2023", "99.79", "优", "97.86%", "3", "1"]
    ]


def test_a_code_in_front_of_a_name_in_a_toml_file_is_no_part_of_it(tmp_path):
    """[412]乐亭…, 【412001】乐亭… and 412001 乐亭… name one department in TOML as in a workbook;
    305001-招商经费 beside 招商经费 is that project twice (a second version), not a fourth."""
    codes = {1: "[412]", 2: "【412001】", 3: "412001 "}

    def coded(number: int, head: str) -> str:
        return head.replace('name = "乐亭', f'name = "{codes[number]}乐亭', 1)

    paths = split(tmp_path / "单位", coded)
    (unit,), apart = departments([scoring.load(path) for path in paths])
    assert apart == [] and len(unit.evaluation.projects) == 3
    second = tmp_path / "单位" / "p1-二稿.toml"
    second.write_text(
        paths[0].read_text("utf-8").replace('name = "招商经费"', 'name = "305001-招商经费"'),
        "utf-8",
    )
    _units, apart = departments([scoring.load(path) for path in [*paths, second]])
    assert len(apart) == 1 and "招商经费" in apart[0].reason
