"""The 自评表 written as a workbook: as filed, as scored, and blank.

Every workbook is saved to bytes and loaded back with openpyxl, and the cells of the layout
(the contract with the reader in scoring/excel/read.py) are checked by value.
"""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest

import scoring
from scoring.excel.write import (
    evaluation_workbook,
    result_workbook,
    template_workbook,
    workbook_bytes,
)

openpyxl = pytest.importorskip("openpyxl")

ERROR, WARNING, INFO = "FFC7CE", "FFEB9C", "DDEBF7"


def reload(workbook):
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(workbook)))


def merged(sheet) -> set[str]:
    return {str(r) for r in sheet.merged_cells.ranges}


def fill(cell) -> str | None:
    """The solid fill colour of a cell, RGB without alpha, or None."""
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return cell.fill.fgColor.rgb[-6:]


def column(sheet, letter: str, first: int, last: int) -> list:
    return [sheet[f"{letter}{row}"].value for row in range(first, last + 1)]


def _indicator(level1, level2, name, target, actual, weight=None, score=None, **more):
    row = {"level1": level1, "level2": level2, "name": name, "target": target, "actual": actual}
    if weight is not None:
        row["weight"] = weight
    if score is not None:
        row["score"] = score
    row.update(more)
    return row


# 廊坊市食品工程学校, 2019 (tests/cases/langfang-2019.toml), as the TOML reader gives it:
# numbers as Decimal, the targets and actuals as the text the school wrote.
LANGFANG_ROWS = [
    ("产出指标", "数量指标", "工程资金金额", "43.2", "37.24", 9),
    ("产出指标", "质量指标", "工程完工率", "100", "100", 10),
    ("产出指标", "质量指标", "工程验收合格率", "100", "100", 10),
    ("产出指标", "时效指标", "项目完成及时率", "100", "100", 10),
    ("产出指标", "成本指标", "成本控制率", "100", "100", 10),
    ("效益指标", "经济效益指标", "安全率", "100", "100", 10),
    ("效益指标", "社会效益指标", "学校发展能力", "100", "100", 10),
    ("效益指标", "可持续影响指标", "长期使用性", "100", "100", 10),
    ("满意度指标", "服务对象满意度指标", "学生满意度", "100", "100", 10),
]


def langfang() -> dict:
    indicators = [
        _indicator(l1, l2, name, target, actual, D(10), D(score))
        for l1, l2, name, target, actual, score in LANGFANG_ROWS
    ]
    indicators[0]["reason"] = "工程已完工，尾款约 3% 未支付，最高限价也低于预算"
    return {
        "department": {
            "name": "廊坊市食品工程学校",
            "year": 2019,
            "budget": {"planned": D("43.2"), "adjusted": D("43.2"), "spent": D("37.24")},
        },
        "projects": [
            {
                "name": "办公宿舍楼、食堂及餐厅暖通改造经费",
                "budget": {
                    "planned": D("43.2"),
                    "adjusted": D("43.2"),
                    "spent": D("37.24"),
                    "score": D(9),
                },
                "score": D(98),
                "indicators": indicators,
            }
        ],
    }


def full() -> dict:
    """Every key of the schema: a department with its own table, goal and result, filed
    scores and grades, a table-form target, a deduction, a row not applicable, money as text."""
    return {
        "department": {
            "name": "某县营商环境建设局",
            "year": 2023,
            "budget": {
                "planned": D("200"),
                "adjusted": "200万元",
                "spent": D("190.5"),
                "score": D("9.5"),
                "reason": "一个项目尾款未付",
            },
            "goal": "优化营商环境",
            "result": "改革任务基本完成",
            "indicators": [
                _indicator(
                    "产出指标",
                    "数量指标",
                    "重点改革任务完成数",
                    "≥10项",
                    "9项",
                    D(30),
                    reason="一项改革任务因上级政策调整暂缓",
                ),
                _indicator("效益指标", "社会效益指标", "营商环境", "明显改善", "达成", D(40)),
                _indicator("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "95%", D(20)),
            ],
            "score": D(90),
            "grade": "良",
            "weights_reason": "按部门职责调整分值",
        },
        "projects": [
            {
                "name": "招商经费",
                "budget": {"planned": 20, "adjusted": 20, "spent": D("19.80"), "score": D("9.9")},
                "goal": "引进项目 7 个",
                "result": "落地开工 7 个",
                "indicators": [
                    _indicator("产出指标", "数量指标", "新落地开工项目数", "≥7个", "7个", 20, 20),
                    _indicator(
                        "产出指标",
                        "数量指标",
                        "招商活动次数",
                        {"op": "≥", "value": D(3), "unit": "个"},
                        "≥3个",
                        20,
                        D("19.5"),
                        deduction=D("0.5"),
                    ),
                    _indicator(
                        "产出指标",
                        "质量指标",
                        "签约项目履约率",
                        "≥90%",
                        "0%",
                        10,
                        applicable=False,
                        reason="本年度无到期项目",
                    ),
                    _indicator("效益指标", "经济效益指标", "带动投资", "≥5亿元", "6亿元", 30, 30),
                    _indicator("满意度指标", "服务对象满意度指标", "企业满意度", 90, 95, 10, 10),
                ],
                "score": 99,
                "grade": "优",
                "weights_reason": "产出指标按任务量调高",
            },
            {
                "name": "营商环境宣传",
                "budget": {"planned": "10万元", "adjusted": D(8), "spent": D("7.6")},
                "indicators": [
                    _indicator("产出指标", "数量指标", "宣传活动场次", "≥4场", "4场", 60),
                    _indicator("效益指标", "社会效益指标", "政策知晓率", "≥90%", "92%", 30),
                ],
            },
        ],
    }


# --- evaluation_workbook -----------------------------------------------------------------------


def test_sheets_in_order():
    book = reload(evaluation_workbook(full()))
    assert book.sheetnames == ["部门", "项目1", "项目2", "部门整体"]
    assert reload(evaluation_workbook(langfang())).sheetnames == ["部门", "项目1"]


def test_department_sheet_every_cell():
    sheet = reload(evaluation_workbook(full()))["部门"]
    assert sheet["A1"].value == "部门整体情况"
    assert "A1:B1" in merged(sheet)
    assert column(sheet, "A", 2, 11) == [
        "部门名称",
        "年度",
        "年初预算数（万元）",
        "全年预算数（万元）",
        "全年执行数（万元）",
        "执行率得分",
        "资金偏差原因",
        "自评得分",
        "自评等级",
        "分值调整说明",
    ]
    assert column(sheet, "B", 2, 11) == [
        "某县营商环境建设局",
        2023,
        200,
        "200万元",
        190.5,
        9.5,
        "一个项目尾款未付",
        90,
        "良",
        "按部门职责调整分值",
    ]
    assert isinstance(sheet["B3"].value, int)
    assert isinstance(sheet["B4"].value, int)  # Decimal 200 → int


def test_department_sheet_leaves_absent_values_empty():
    sheet = reload(evaluation_workbook(langfang()))["部门"]
    assert column(sheet, "B", 2, 6) == ["廊坊市食品工程学校", 2019, 43.2, 43.2, 37.24]
    assert column(sheet, "B", 7, 11) == [None] * 5
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "None" not in values


def test_project_sheet_header_blocks():
    sheet = reload(evaluation_workbook(full()))["项目1"]
    expected = {
        "A1": "项目支出绩效自评表",
        "A2": "（2023年度）",
        "A3": "项目名称",
        "B3": "招商经费",
        "A4": "主管部门",
        "B4": "某县营商环境建设局",
        "E4": "实施单位",
        "F4": "某县营商环境建设局",
        "A5": "项目资金（万元）",
        "C5": "年初预算数",
        "D5": "全年预算数",
        "E5": "全年执行数",
        "F5": "分值",
        "G5": "执行率",
        "H5": "得分",
        "I5": None,  # 自评得分 only when scored
        "B6": "年度资金总额",
        "C6": 20,
        "D6": 20,
        "E6": 19.8,
        "F6": None,  # the execution weight is the rule set's: left empty as filed
        "G6": '=IF(N(D6)>0,E6/D6,"")',  # 执行率: 全年执行数 / 全年预算数, by the program
        "H6": 9.9,
        "B7": "资金偏差原因",
        "C7": None,
        "A8": "年度总体目标",
        "B8": "预期目标",
        "F8": "实际完成情况",
        "B9": "引进项目 7 个",
        "F9": "落地开工 7 个",
    }
    assert {cell: sheet[cell].value for cell in expected} == expected
    # the title spans the form and its extra columns (扣减分数, 是否适用: to J)
    assert {"A1:J1", "A2:J2", "B3:H3", "B4:D4", "F4:H4", "A5:A7", "C7:H7"} <= merged(sheet)
    assert {"A8:A9", "B8:E8", "F8:H8", "B9:E9", "F9:H9"} <= merged(sheet)
    assert sheet["A10"].font.bold and sheet["A1"].font.bold
    assert sheet["G6"].number_format == "0.00%"


def test_the_rate_of_a_table_filing_only_its_initial_budget_is_over_that_budget():
    """A table giving 年初预算数 alone is scored against it (each amount defaults to the
    other): its 执行率 is 全年执行数 / 年初预算数, C6, not the empty 全年预算数."""
    data = langfang()
    del data["projects"][0]["budget"]["adjusted"]
    sheet = reload(evaluation_workbook(data))["项目1"]
    assert sheet["D6"].value is None and sheet["G6"].value == '=IF(N(C6)>0,E6/C6,"")'


def test_project_grid_as_filed():
    sheet = reload(evaluation_workbook(full()))["项目1"]
    header = [sheet.cell(10, c).value for c in range(1, 12)]
    assert header == [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
        "扣减分数",
        "是否适用",
        None,
    ]
    rows = [[sheet.cell(r, c).value for c in range(1, 11)] for r in range(11, 16)]
    assert rows == [
        ["产出指标", "数量指标", "新落地开工项目数", "≥7个", "7个", 20, 20, None, None, None],
        [None, None, "招商活动次数", "≥3个", "≥3个", 20, 19.5, None, 0.5, None],
        [
            None,
            "质量指标",
            "签约项目履约率",
            "≥90%",
            "0%",
            10,
            None,
            "本年度无到期项目",
            None,
            "否",
        ],
        ["效益指标", "经济效益指标", "带动投资", "≥5亿元", "6亿元", 30, 30, None, None, None],
        ["满意度指标", "服务对象满意度指标", "企业满意度", 90, 95, 10, 10, None, None, None],
    ]
    # 一级 merged over its run; 二级 over the run of the same (一级, 二级)
    assert {"A11:A13", "B11:B12"} <= merged(sheet)
    assert not any(r.startswith(("A14", "A15", "B13", "B14")) for r in merged(sheet))
    assert sheet["C12"].alignment.wrap_text and sheet["A11"].alignment.vertical == "center"
    assert sheet["D11"].border.left.style == "thin" and sheet["J15"].border.bottom.style == "thin"


def test_text_values_stay_text():
    sheet = reload(evaluation_workbook(langfang()))["项目1"]
    assert sheet["D11"].value == "43.2" and isinstance(sheet["D11"].value, str)
    assert sheet["E11"].value == "37.24" and isinstance(sheet["E11"].value, str)
    assert column(sheet, "F", 11, 19) == [10] * 9
    assert column(sheet, "G", 11, 19) == [9] + [10] * 8
    assert sheet["H6"].value == 9
    assert sheet["I10"].value is None  # no extra columns


def test_totals_rows_as_filed():
    book = reload(evaluation_workbook(full()))
    sheet = book["项目1"]
    # the execution row's 分值 is the rule set's, which the data does not carry: the 分值 total
    # is left blank, not the indicators' 90 beside a filed 总分 of 99 out of 100
    assert [sheet["A16"].value, sheet["F16"].value, sheet["G16"].value] == ["总分", None, 99]
    assert sheet["F6"].value is None
    assert [sheet["A17"].value, sheet["G17"].value] == ["自评等级", "优"]
    assert [sheet["A18"].value, sheet["B18"].value] == ["分值调整说明", "产出指标按任务量调高"]
    assert "B18:H18" in merged(sheet)
    assert sheet.max_row == 18

    second = book["项目2"]
    assert [second["C6"].value, second["D6"].value, second["E6"].value] == ["10万元", 8, 7.6]
    assert second["H6"].value is None and second["I10"].value is None
    assert [second["A13"].value, second["F13"].value, second["G13"].value] == ["总分", None, None]
    assert [second["A14"].value, second["G14"].value] == ["自评等级", None]
    assert second["A15"].value is None  # no 分值调整说明 row


def test_total_weight_empty_when_a_weight_is_missing():
    data = langfang()
    del data["projects"][0]["indicators"][3]["weight"]
    sheet = reload(evaluation_workbook(data))["项目1"]
    assert sheet["F14"].value is None
    assert sheet["A20"].value == "总分" and sheet["F20"].value is None and sheet["G20"].value == 98


def test_department_own_table_sheet():
    sheet = reload(evaluation_workbook(full()))["部门整体"]
    assert sheet["A1"].value == "部门整体绩效自评表"
    assert sheet["A2"].value == "（2023年度）"
    assert sheet["B3"].value == "某县营商环境建设局"
    assert [sheet[c].value for c in ("C6", "D6", "E6", "H6")] == [200, "200万元", 190.5, 9.5]
    assert sheet["C7"].value == "一个项目尾款未付"
    assert [sheet["B9"].value, sheet["F9"].value] == ["优化营商环境", "改革任务基本完成"]
    assert column(sheet, "C", 11, 13) == ["重点改革任务完成数", "营商环境", "企业满意度"]
    assert column(sheet, "F", 11, 13) == [30, 40, 20]
    assert column(sheet, "G", 11, 13) == [None] * 3
    assert [sheet["A14"].value, sheet["F14"].value, sheet["G14"].value] == ["总分", None, 90]
    assert [sheet["A15"].value, sheet["G15"].value] == ["自评等级", "良"]
    assert [sheet["A16"].value, sheet["B16"].value] == ["分值调整说明", "按部门职责调整分值"]


def test_year_title_off():
    sheet = reload(evaluation_workbook(langfang(), year_title=False))["项目1"]
    assert sheet["A1"].value == "项目支出绩效自评表"
    assert sheet["A2"].value is None
    assert "A2:H2" not in merged(sheet)


# --- result_workbook: the review added -----------------------------------------------------------


def test_a_reviewed_workbook_s_weights_add_up_with_the_execution_row(tmp_path):
    """Written from a TOML or JSON file, the reviewed workbook has the rule set's 分值 of the
    预算执行率 row (10 under mof-2020) and a 分值 total that adds up with it: 10 + 90 = 100, the
    full marks beside the computed 总分."""
    import scoring
    from scoring.excel.write import result_workbook

    evaluation = scoring.load(langfang())
    sheet = reload(result_workbook(evaluation, scoring.score(evaluation)))["项目1"]
    weights = [sheet.cell(row, 6).value for row in range(11, 20)]
    assert sheet["F6"].value == 10 and sum(weights) == 90
    # the 执行率 the review scored, 37.24 / 43.2 = 0.862037…, to four places, shown 86.20%
    assert sheet["G6"].value == 0.862 and sheet["G6"].number_format == "0.00%"
    assert [sheet["A20"].value, sheet["F20"].value] == ["总分", 100]


@pytest.mark.usefixtures("chinese")
def test_result_from_toml_is_the_form_with_the_review_beside_it():
    """The tool's layout as filed (the filed 9s and 98 stay where the school wrote them), and in
    two added columns the computed 执行率 row, every 得分 and the 总分, the filed value beside
    the computed one where they differ."""
    data = langfang()
    book = reload(result_workbook(scoring.load(data), scoring.score(data)))
    assert book.sheetnames == ["汇总", "复核发现", "部门", "项目1"]
    sheet = book["项目1"]
    assert [sheet["H6"].value, sheet["G11"].value, sheet["G20"].value] == [9, 9, 98]  # as filed
    assert [sheet["I5"].value, sheet["J5"].value] == ["复核得分", "复核意见"]
    assert [sheet["I10"].value, sheet["J10"].value] == ["复核得分", "复核意见"]
    assert sheet["I6"].value == 8.62
    assert sheet["J6"].value == "执行率 86.20%；自评 9，按规则 8.62（自评按整数取分）"
    assert column(sheet, "I", 11, 19) == [8.62] + [10] * 8
    assert sheet["J11"].value == "比例计分；自评 9，按规则 8.62（自评按整数取分）"
    assert sheet["J12"].value == "比例计分；与自评一致"
    assert sheet["J15"].value == "反向线性计分；与自评一致"  # 成本控制率: a limit by its name
    assert [sheet["I20"].value, sheet["J20"].value] == [97.24, "等级 优；自评 98，按规则 97.24"]
    # the rule and arithmetic behind each computed score, in its comment
    assert sheet["I11"].comment.text == (  # a bare target no word reads: the default ≥, said
        "未写比较符号，行内也无词语表明越大越好还是越小越好，按 ≥43.2 计：实际 37.24 / 目标 43.2 × 10 = 8.62"
    )
    assert "执行率得分 8.62 + 指标得分 88.62 = 97.24" in sheet["I20"].comment.text


def test_every_review_cell_has_the_review_style_in_each_workbook_of_a_process():
    """The review's cells — titles bold, the rest plain — are in the form's font at 10 points,
    wrapped, with thin borders, in every workbook a process gives back, the second as the first
    (each workbook keeps its own list of styles); a number keeps its own format."""
    from scoring.excel.form import FONT

    data = langfang()
    for _ in range(2):
        book = reload(result_workbook(scoring.load(data), scoring.score(data)))
        sheet = book["项目1"]
        for cell, bold in (("I10", True), ("J10", True), ("I11", False), ("J20", False)):
            style = sheet[cell]
            assert (style.font.name, style.font.size, style.font.bold) == (FONT, 10, bold)
            assert style.alignment.wrap_text and style.alignment.vertical == "center"
            assert style.border.left.style == style.border.bottom.style == "thin"
        assert sheet["I11"].number_format == "0.00"
        assert book["汇总"]["A1"].font.bold and book["复核发现"]["A3"].border.top.style == "thin"


@pytest.mark.usefixtures("chinese")
def test_result_colours_the_cells_findings_are_about():
    data = langfang()
    data["department"]["budget"]["adjusted"] = 50  # its own row, with findings of its own
    result = scoring.score(data)
    book = reload(result_workbook(scoring.load(data), result))
    sheet = book["项目1"]
    # recorded-score-mismatch: the filed 得分 (H6, G11, G20); execution-low: the execution row;
    # reason-missing: the empty 资金偏差原因 (C7); each with its review cell
    for cell in ("H6", "E6", "C7", "G11", "G20", "I6", "I11", "I20"):
        assert fill(sheet[cell]) == WARNING, cell
    assert fill(sheet["D15"]) == fill(sheet["I15"]) == INFO  # operator-inferred
    for cell in ("G12", "I12", "A20", "C11"):
        assert fill(sheet[cell]) is None, cell
    assert "自评 9，按规则 8.62" in sheet["G11"].comment.text
    department = book["部门"]
    assert fill(department["B6"]) == WARNING  # execution-low at department.budget
    assert fill(department["B8"]) == WARNING  # reason-missing at department.budget.reason


def test_result_findings_sheet_points_at_cells():
    data = langfang()
    result = scoring.score(data)
    sheet = reload(result_workbook(scoring.load(data), result))["复核发现"]
    assert [sheet.cell(2, c).value for c in range(1, 6)] == ["级别", "问题", "位置", "说明", "代码"]
    rows = {
        sheet.cell(r, 5).value + "@" + sheet.cell(r, 3).value: r
        for r in range(3, sheet.max_row + 1)
    }
    assert "recorded-score-mismatch@项目1!H6" in rows
    assert "recorded-score-mismatch@项目1!G11" in rows
    assert "execution-low@项目1!E6" in rows
    row = rows["recorded-score-mismatch@项目1!G11"]
    assert sheet.cell(row, 2).value == "自评得分与规则不符"
    assert sheet.cell(row, 1).value == "警告" and fill(sheet.cell(row, 1)) == WARNING
    assert sheet.cell(row, 3).hyperlink.location == "'项目1'!G11"
    assert len(rows) == len(result.findings)


def test_result_summary_sheet():
    data = full()
    result = scoring.score(data)
    sheet = reload(result_workbook(scoring.load(data), result))["汇总"]
    facts = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, 14)}
    assert facts["部门"] == "某县营商环境建设局" and facts["年度"] == 2023
    assert (
        facts["得分"] == float(result.department.score) and facts["等级"] == result.department.grade
    )
    assert facts["计分方法"] == "部门整体自评表"  # method ids in the evaluator's words
    assert facts["规则 SHA-256"] == result.ruleset.sha256
    labels_ = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    first = labels_.index("项目名称") + 2
    names = [sheet.cell(r, 1).value for r in range(first, sheet.max_row + 1)]
    assert names == ["招商经费", "营商环境宣传", "部门整体（某县营商环境建设局）"]


def test_result_numbers_of_langfang():
    data = langfang()
    sheet = reload(result_workbook(scoring.load(data), scoring.score(data)))["汇总"]
    labels_ = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    facts = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, 14)}
    assert facts["得分"] == 97.24 and facts["等级"] == "优" and facts["执行率"] == 0.862
    assert facts["计分方法"] == "按预算加权"
    row = labels_.index("项目名称") + 2
    assert [sheet.cell(row, c).value for c in range(1, 8)] == [
        "办公宿舍楼、食堂及餐厅暖通改造经费",
        43.2,
        37.24,
        0.862,
        97.24,
        "优",
        98,
    ]
    # the department's budget is its one project's: each budget finding once — three filed
    # scores off, execution low and its reason missing; 成本控制率 read as a limit, 工程资金金额
    # read by the default ≥ (a bare target no word reads, 37.24 not 43.2)
    assert facts["复核发现"] == "警告 5，提示 2"


def test_result_not_applicable_and_extra_columns():
    data = full()
    result = scoring.score(data)
    book = reload(result_workbook(scoring.load(data), result))
    project = book["项目1"]
    # the form's own extra columns (扣减分数, 是否适用) come first, then the review
    assert [project.cell(10, c).value for c in range(9, 13)] == [
        "扣减分数",
        "是否适用",
        "复核得分",
        "复核意见",
    ]
    assert project["K13"].value == "不适用"  # 签约项目履约率, applicable = false
    assert project["J13"].value == "否"
    own = book["部门整体"]
    assert own["I11"].value == 27  # 9 of 10 tasks: 30 × 0.9


def test_nothing_typed_becomes_a_formula():
    data = langfang()
    data["projects"][0]["name"] = '=HYPERLINK("http://example.invalid","点此")'
    data["projects"][0]["indicators"][1]["target"] = "=100"
    data["projects"][0]["indicators"][1]["actual"] = "+100"
    data["projects"][0]["indicators"][2]["reason"] = "@SUM(A1:A2)"
    book = reload(result_workbook(scoring.load(data), scoring.score(data)))
    sheet = book["项目1"]
    for cell in ("B3", "D12", "E12", "H13"):
        assert sheet[cell].data_type == "s", cell
    assert sheet["B3"].value.startswith("=HYPERLINK") and sheet["D12"].value == "=100"
    assert not any(
        c.data_type == "f" for ws in book.worksheets for row in ws.iter_rows() for c in row
    )


def test_result_reads_back_as_filed_and_scores_alike(tmp_path):
    """The returned workbook is the filed evaluation with the review beside it: read back, it
    gives the same evaluation and the same scores."""
    data = full()
    result = scoring.score(data)
    path = tmp_path / "复核.xlsx"
    path.write_bytes(workbook_bytes(result_workbook(scoring.load(data), result)))
    again = scoring.score(path)
    assert again.department.score == result.department.score
    assert [p.score for p in again.projects] == [p.score for p in result.projects]


def test_print_setup():
    data = langfang()
    book = reload(result_workbook(scoring.load(data), scoring.score(data)))
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4), sheet.title
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    sheet = book["项目1"]
    assert sheet.print_area == "'项目1'!$A$1:$J$21"  # to 自评等级 and the review columns
    assert sheet.print_title_rows.replace("$", "") == "10:10"
    assert sheet["C11"].font.name == "宋体"


# --- the unit's own workbook, returned ------------------------------------------------------


def test_the_units_workbook_is_returned_with_the_review(tmp_path):
    """A unit's workbook in its own layout (the Sichuan 2023 form here): every sheet, merged
    cell, width and filed value as it was, the review in two columns after its last one."""
    from tests import workbook_layouts as layouts

    built = layouts.sichuan_2023(
        tmp_path / "四川.xlsx", layouts.farmland_project(), **layouts.FARMLAND
    )
    before = openpyxl.load_workbook(built.path)
    result = scoring.score(built.path)
    book = reload(result_workbook(scoring.load(built.path), result))
    assert book.sheetnames == ["汇总", "复核发现", *before.sheetnames]
    for original in before.worksheets:
        sheet = book[original.title]
        assert {str(r) for r in original.merged_cells.ranges} <= merged(sheet)
        for row in original.iter_rows():
            for cell in row:
                assert sheet[cell.coordinate].value == cell.value, cell.coordinate
        for letter, dimension in original.column_dimensions.items():
            assert sheet.column_dimensions[letter].width == dimension.width
    sheet = book[before.sheetnames[0]]
    first = before[before.sheetnames[0]].max_column + 1
    titles = [sheet.cell(r, first).value for r in range(1, sheet.max_row + 1)]
    assert titles.count("复核得分") == 2  # over the budget block and over the grid
    scores = [sheet.cell(r, first).value for r in range(1, sheet.max_row + 1)]
    assert float(result.projects[0].score) in scores


def test_an_xls_is_returned_as_xlsx_with_its_layout(tmp_path):
    from tests import workbook_layouts as layouts

    built = layouts.sichuan_2023(
        tmp_path / "四川.xls", layouts.farmland_project(), **layouts.FARMLAND
    )
    result = scoring.score(built.path)
    book = reload(result_workbook(scoring.load(built.path), result))
    sheet = book.worksheets[2]
    assert sheet.merged_cells.ranges  # merged cells kept
    again = tmp_path / "复核.xlsx"
    again.write_bytes(workbook_bytes(book))
    assert scoring.score(again).department.score == result.department.score


# --- template_workbook ---------------------------------------------------------------------------


def test_template_for_a_unit_to_fill():
    rules = scoring.ruleset("mof-2020")
    book = reload(template_workbook(2024, rules))
    assert book.sheetnames == ["部门", "项目1", "指标库"]
    assert book["指标库"].sheet_state == "hidden"
    sheet = book["项目1"]
    assert sheet["A2"].value == "（2024年度）" and book["部门"]["B3"].value == 2024
    assert sheet["F6"].value == 10  # the execution row's 分值
    assert sheet["G6"].value.startswith("=") and sheet["G6"].number_format == "0.00%"
    assert [sheet["A21"].value, sheet["F21"].value] == ["总分", 100]
    assert all(sheet.cell(r, 3).value is None for r in range(11, 21))  # ten blank rows
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {"A11:A20": "'指标库'!$A$2:$A$4", "B11:B20": "'指标库'!$B$2:$B$10"}
    assert [c.value for c in book["指标库"]["A"] if c.value][1:] == [
        "产出指标",
        "效益指标",
        "满意度指标",
    ]
    assert "服务对象满意度指标" in [c.value for c in book["指标库"]["B"]]
    assert sheet.column_dimensions["B"].width >= 20  # 服务对象满意度指标 fits
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows.replace("$", "") == "10:10"


def test_a_blank_template_is_refused_as_empty(tmp_path):
    from tests.conftest import run_cli

    path = tmp_path / "空白.xlsx"
    run = run_cli("template", "-o", str(path), "--year", "2024")
    assert run.code == 0, run
    refused = run_cli("score", str(path))
    assert refused.code == 2 and "blank" in refused.err and "空白.xlsx!项目1!A10" in refused.err


def test_a_filled_template_reads_back(tmp_path):
    """The template filled in as a unit would: it scores, with no finding about its layout."""
    path = tmp_path / "填好.xlsx"
    book = template_workbook(2024, scoring.ruleset("mof-2020"))
    department = book["部门"]
    department["B2"] = "某县文化馆"
    for cell, value in (("B4", 30), ("B5", 30), ("B6", 27)):
        department[cell] = value
    sheet = book["项目1"]
    sheet["B3"] = "公共文化服务"
    sheet["B4"] = "某县文化馆"
    for cell, value in (("C6", 30), ("D6", 30), ("E6", 27)):
        sheet[cell] = value
    rows = [
        ("产出指标", "数量指标", "演出场次", "≥20场", "22场", 50),
        ("效益指标", "社会效益指标", "群众参与人次", "≥5000人次", "5200人次", 30),
        ("满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "93%", 10),
    ]
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            sheet.cell(11 + offset, column, value)
    path.write_bytes(workbook_bytes(book))
    result = scoring.score(path)
    # 27 / 30 = 90% → 9.00; every row met: 9 + 50 + 30 + 10 = 99.00
    assert (result.department.name, result.projects[0].score) == ("某县文化馆", D("99.00"))
    assert not [f for f in result.findings if f.code in ("read-assumption", "row-not-scored")]


def test_workbook_bytes_is_xlsx():
    assert workbook_bytes(evaluation_workbook(langfang()))[:2] == b"PK"


def test_a_formula_the_file_carries_no_value_of_is_given_back_as_the_formula(tmp_path):
    """convert writes the 执行率 as a formula, with no value until a spreadsheet opens it; the
    workbook reviewed and given back keeps it (opened for its values alone, it was emptied)."""
    import openpyxl

    from tests.conftest import LETING, case_evaluation, run_cli

    toml = tmp_path / "表.toml"
    toml.write_text(case_evaluation(LETING), "utf-8")
    source = tmp_path / "表.xlsx"
    assert run_cli("convert", str(toml), "-o", str(source)).code == 0
    back = tmp_path / "复核.xlsx"
    run = run_cli("score", str(source), "-f", "xlsx", "-o", str(back))
    assert run.code == 0, run
    sheet = openpyxl.load_workbook(back)["项目1"]
    assert sheet["G6"].value == '=IF(N(D6)>0,E6/D6,"")'


def _rewritten(tmp_path, edits: dict[str, str]):
    """convert's workbook of the 乐亭 case with its 项目1 sheet's XML edited (old text → new)."""
    import zipfile

    from tests.conftest import LETING, case_evaluation, run_cli

    toml = tmp_path / "表.toml"
    toml.write_text(case_evaluation(LETING), "utf-8")
    written = tmp_path / "written.xlsx"
    assert run_cli("convert", str(toml), "-o", str(written)).code == 0
    part = "xl/worksheets/sheet2.xml"  # 项目1
    with zipfile.ZipFile(written) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[part].decode()
    for old, new in edits.items():
        assert old in xml
        xml = xml.replace(old, new)
    parts[part] = xml.encode()
    source = tmp_path / "表.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return source


def test_a_shared_formula_without_values_is_given_back_as_each_cell_s_formula(tmp_path):
    """A formula filled down is written once, as a shared formula its other cells refer to; none
    of them carries a value in a file a program wrote. Each is given back as its own formula,
    translated to its row, as Excel shows it."""
    import openpyxl

    from scoring.excel.grid import open_xlsx
    from tests.conftest import run_cli

    h6, h7 = '<c r="H6" s="3" t="n"></c>', '<c r="H7" s="3" t="n"></c>'
    source = _rewritten(
        tmp_path,
        {
            h6: h6 + '<c r="I6"><f t="shared" ref="I6:K7" si="0">D6*2</f></c>',
            # J7 has no cell at all: the formulas read around the gap
            h7: h7 + '<c r="I7"><f t="shared" si="0"/></c><c r="K7"><f t="shared" si="0"/></c>',
        },
    )
    sheet = open_xlsx(source)["项目1"]
    assert (sheet["I6"].value, sheet["I7"].value, sheet["K7"].value) == ("=D6*2", "=D7*2", "=F7*2")
    assert sheet["J7"].value is None
    back = tmp_path / "复核.xlsx"
    run = run_cli("score", str(source), "-f", "xlsx", "-o", str(back))
    assert run.code == 0, run
    given = openpyxl.load_workbook(back)["项目1"]
    assert (given["I6"].value, given["I7"].value) == ("=D6*2", "=D7*2")


def test_a_formula_without_a_value_in_a_merged_range_is_given_back_as_excel_shows_it(tmp_path):
    """A formula in a cell a merged range covers is never shown (the range shows its first
    cell): the workbook is given back with the range as it was, not refused as an error."""
    import openpyxl

    from tests.conftest import run_cli

    covered = '<c r="G7" s="3" t="n"></c>'  # 资金偏差原因 is merged over C7:H7
    source = _rewritten(tmp_path, {covered: '<c r="G7" s="3"><f>D7*2</f></c>'})
    back = tmp_path / "复核.xlsx"
    run = run_cli("score", str(source), "-f", "xlsx", "-o", str(back))
    assert run.code == 0, run
    sheet = openpyxl.load_workbook(back)["项目1"]
    assert "C7:H7" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["G7"].value is None
