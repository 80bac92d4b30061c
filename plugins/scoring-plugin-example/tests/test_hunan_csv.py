"""The `.csv` reader: the layout, exact numbers, and errors that name the file and line."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
import scoring

from scoring_plugin_example.csv_reader import read_csv

from conftest import EXAMPLE, HEADER

DEPARTMENT = "# 部门: 甲局, 年度: 2023, 年初预算数: 30, 全年预算数: 30, 全年执行数: 27"
ROW = "A,10,9,产出指标,数量指标,户数,≥10个,9个,90"


def test_the_example_reads_into_the_evaluation_structure():
    data = read_csv(EXAMPLE)
    assert data["department"] == {
        "name": "某县农业农村局",
        "year": 2023,
        "budget": {"planned": D(150), "adjusted": D(160), "spent": D(152)},
    }
    toilets, fields = data["projects"]
    assert toilets["name"] == "农村改厕"
    assert toilets["budget"] == {"planned": D(100), "adjusted": D(100), "spent": D(96)}
    assert toilets["indicators"][0] == {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "改厕户数",
        "target": "≥500户",
        "actual": "480户",
        "weight": D(30),
        "score": D(28),
        "reason": "部分农户外出务工，改厕顺延",
    }
    # The second project writes its budget once; its later rows leave the project name empty.
    assert fields["budget"] == {"planned": D(50), "adjusted": D(60), "spent": D(56)}
    assert [i["name"] for i in fields["indicators"]] == [
        "建设面积",
        "完工及时率",
        "亩均增产",
        "农户满意度",
    ]
    assert fields["indicators"][1]["actual"] == "97.5%"
    assert all(type(v) is D for p in data["projects"] for v in p["budget"].values())
    # Every value keeps its line (the header is line 3 of the example).
    assert data.locations["projects[1].indicators[1].actual"] == "hunan-2023.csv line 10, column 9"
    assert data.locations["department.budget.spent"] == "hunan-2023.csv line 1"


def test_numbers_are_exact_decimals_and_text_passes_through(write_csv):
    path = write_csv(
        DEPARTMENT,
        HEADER + ",得分",
        "A,0.1,0.30,产出指标,数量指标,户数,≥10个,9个,90.10,81.09",
        'A,0.1,,产出指标,数量指标,金额,≥1万元,"12,000元",0,',
    )
    project = read_csv(path)["projects"][0]
    assert project["budget"] == {"adjusted": D("0.1"), "spent": D("0.30")}
    assert project["indicators"][0]["weight"] == D("90.10")
    assert project["indicators"][0]["score"] == D("81.09")
    assert project["indicators"][1]["actual"] == "12,000元"
    assert "score" not in project["indicators"][1]


def test_headers_in_any_order_with_units_and_other_columns(write_csv):
    path = write_csv(
        DEPARTMENT,
        "序号,三级指标,实际完成值,年度指标值,一级指标,二级指标,全年执行数（万元）,全年预算数（万元）,项目名称,备注",
        "1,户数,9个,≥10个,产出指标,数量指标,9,10,A,无",
    )
    indicator = read_csv(path)["projects"][0]["indicators"][0]
    assert indicator == {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "户数",
        "target": "≥10个",
        "actual": "9个",
    }


def test_the_department_line_quoted_or_in_cells(write_csv):
    quoted = write_csv(f'"{DEPARTMENT}",,,', HEADER, ROW, name="q.csv")
    cells = write_csv(
        "# 部门：甲局，年度：2023,年初预算数: 30,全年预算数: 30,全年执行数: 27",
        HEADER,
        ROW,
        name="c.csv",
    )
    assert (
        read_csv(quoted)["department"]
        == read_csv(cells)["department"]
        == {
            "name": "甲局",
            "year": 2023,
            "budget": {"planned": D(30), "adjusted": D(30), "spent": D(27)},
        }
    )


def test_without_a_budget_the_department_is_its_projects_sum(write_csv):
    path = write_csv(
        "# 这是一行注释",
        "# 部门: 甲局, 年度: 2023",
        HEADER,
        ROW,
        "B,20.5,18,产出指标,数量指标,户数,≥10个,10个,90",
    )
    data = read_csv(path)
    assert data["department"]["budget"] == {"adjusted": D("30.5"), "spent": D(27)}
    result = scoring.score(path, rules="hunan-steps")
    assumed = [f for f in result.findings if f.code == "read-assumption"]
    assert assumed and "各项目预算之和" in assumed[0].message


def test_gb18030_is_read_and_said(write_csv):
    path = write_csv(DEPARTMENT, HEADER, ROW, encoding="gb18030")
    result = scoring.score(path, rules="hunan-steps")
    assert result.department.name == "甲局"
    assert any("GB18030" in f.message for f in result.findings if f.code == "read-assumption")


def test_a_byte_order_mark_is_fine(write_csv):
    path = write_csv(DEPARTMENT, HEADER, ROW, encoding="utf-8-sig")
    assert read_csv(path)["department"]["name"] == "甲局"


@pytest.mark.parametrize(
    ("lines", "where", "words"),
    [
        ([HEADER, ROW], "line 1", "department line is missing"),
        (["# 部门: 甲局", HEADER, ROW], "line 1", "no 年度"),
        (["# 部门: 甲局, 年份: 2023", HEADER, ROW], "line 1", "unknown key '年份'"),
        (["# 部门: 甲局, 年度: 二〇二三", HEADER, ROW], "line 1", "is not a year"),
        (["# 部门: 甲局, 年度", HEADER, ROW], "line 1", "not `key: value`"),
        (
            [DEPARTMENT, "项目名称,一级指标,二级指标,三级指标,年度指标值,实际完成值,全年执行数"],
            "line 2",
            "lacks the column 年初预算数 or 全年预算数",
        ),
        ([DEPARTMENT, HEADER + ",分值", ROW + ",1"], "line 2, column 10", "two columns are 分值"),
        ([DEPARTMENT, HEADER], None, "no indicator rows"),
        (
            [DEPARTMENT, HEADER, ",10,9,产出指标,数量指标,户数,≥10个,9个,90"],
            "line 3, column 1",
            "names no project",
        ),
        (
            [DEPARTMENT, HEADER, ROW, ",11,9,产出指标,数量指标,户数,≥10个,9个,90"],
            "line 4, column 2",
            "全年预算数 11 differs from the project's first row (10)",
        ),
        (
            [DEPARTMENT, HEADER, ROW, "B,1,1,产出指标,数量指标,x,≥1个,1个,90", ROW],
            "line 5, column 1",
            "'A' appears again after other projects (it starts on line 3)",
        ),
        (
            [DEPARTMENT, HEADER, ROW + ",多余"],
            "line 3, column 10",
            "the row has 10 cells, the header 9",
        ),
        (
            [DEPARTMENT, HEADER, "A,,9,产出指标,数量指标,户数,≥10个,9个,90"],
            "line 3",
            "has no budget",
        ),
        (
            [DEPARTMENT, HEADER, 'A,10,9,产出指标,数量指标,户数,"≥10个,9个,90'],
            "line 3",
            "not valid CSV",
        ),
        ([DEPARTMENT, HEADER, ROW, DEPARTMENT], "line 4", "must come before the header row"),
        ([DEPARTMENT, DEPARTMENT, HEADER, ROW], "line 2", "a second department line"),
    ],
)
def test_errors_name_the_file_and_line(write_csv, lines, where, words):
    path = write_csv(*lines)
    with pytest.raises(scoring.InputError) as raised:
        read_csv(path)
    error = raised.value
    assert error.file == str(path) and error.where == where
    assert words in error.message
    rendered = error.render()
    assert rendered.startswith(f"{path}: {where}: " if where else f"{path}: ")


def test_a_value_scoring_cannot_read_names_its_line_and_column(write_csv):
    """A reader that gives each value's place (``locations``) reads a form: the message names
    the place as the form does, counted from 1, beside its line and column."""
    path = write_csv(DEPARTMENT, HEADER, ROW, "A,10,9,产出指标,数量指标,人数,≥10人,很多,0")
    with pytest.raises(scoring.InputError) as raised:
        scoring.score(path, rules="hunan-steps")
    assert raised.value.render().startswith(
        "t.csv line 4, column 8 (project 1 · indicator 2 “人数” · actual value): "
    )


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(scoring.InputError, match="no such file"):
        read_csv(tmp_path / "none.csv")
    with pytest.raises(scoring.InputError, match="folder"):
        read_csv(tmp_path)
