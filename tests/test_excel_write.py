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
    template_evaluation,
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
        "G6": None,
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
    assert {"A1:H1", "A2:H2", "B3:H3", "B4:D4", "F4:H4", "A5:A7", "C7:H7"} <= merged(sheet)
    assert {"A8:A9", "B8:E8", "F8:H8", "B9:E9", "F9:H9"} <= merged(sheet)
    assert sheet["A10"].font.bold and sheet["A1"].font.bold


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
    assert [sheet["A16"].value, sheet["F16"].value, sheet["G16"].value] == ["总分", 90, 99]
    assert [sheet["A17"].value, sheet["G17"].value] == ["自评等级", "优"]
    assert [sheet["A18"].value, sheet["B18"].value] == ["分值调整说明", "产出指标按任务量调高"]
    assert "B18:H18" in merged(sheet)
    assert sheet.max_row == 18

    second = book["项目2"]
    assert [second["C6"].value, second["D6"].value, second["E6"].value] == ["10万元", 8, 7.6]
    assert second["H6"].value is None and second["I10"].value is None
    assert [second["A13"].value, second["F13"].value, second["G13"].value] == ["总分", 90, None]
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
    assert [sheet["A14"].value, sheet["F14"].value, sheet["G14"].value] == ["总分", 90, 90]
    assert [sheet["A15"].value, sheet["G15"].value] == ["自评等级", "良"]
    assert [sheet["A16"].value, sheet["B16"].value] == ["分值调整说明", "按部门职责调整分值"]


def test_year_title_off():
    sheet = reload(evaluation_workbook(langfang(), year_title=False))["项目1"]
    assert sheet["A1"].value == "项目支出绩效自评表"
    assert sheet["A2"].value is None
    assert "A2:H2" not in merged(sheet)


# --- result_workbook ---------------------------------------------------------------------------


def test_result_langfang_computed_and_filed():
    data = langfang()
    book = reload(result_workbook(scoring.score(data), data))
    assert book.sheetnames == ["汇总", "部门", "项目1"]
    sheet = book["项目1"]
    assert sheet["I5"].value == "自评得分" and sheet["I10"].value == "自评得分"
    assert [sheet[c].value for c in ("C6", "D6", "E6", "F6", "G6", "H6", "I6")] == [
        43.2,
        43.2,
        37.24,
        10,
        0.862,
        8.62,
        9,
    ]
    assert sheet["G6"].number_format == "0.00%"
    assert column(sheet, "G", 11, 19) == [8.62] + [10] * 8
    assert column(sheet, "I", 11, 19) == [9] + [None] * 8  # filed only where it differs
    assert [sheet["A20"].value, sheet["F20"].value, sheet["G20"].value] == ["总分", 100, 97.24]
    assert sheet["I20"].value == 98
    assert [sheet["A21"].value, sheet["G21"].value, sheet["I21"].value] == ["自评等级", "优", None]
    # the target and actual as filed
    assert [sheet["D11"].value, sheet["E11"].value] == ["43.2", "37.24"]


def test_result_department_sheet_as_filed():
    data = full()
    book = reload(result_workbook(scoring.score(data), data))
    expected = reload(evaluation_workbook(data))["部门"]
    sheet = book["部门"]
    assert column(sheet, "A", 1, 11) == column(expected, "A", 1, 11)
    assert column(sheet, "B", 1, 11) == column(expected, "B", 1, 11)


def test_result_fills_by_finding():
    data = langfang()
    data["department"]["budget"]["adjusted"] = 50  # its own row, with findings of its own
    result = scoring.score(data)
    found = {f"{f.code}@{f.where}" for f in result.findings}
    assert {
        "recorded-score-mismatch@projects[0].budget",
        "reason-missing@projects[0].budget.reason",
        "recorded-score-mismatch@projects[0].indicators[0]",
        "recorded-score-mismatch@projects[0]",
        "execution-low@department.budget",
    } <= found
    book = reload(result_workbook(result, data))
    sheet = book["项目1"]
    for cell in ("B6", "H6", "B7", "C7", "C11", "G11", "A20", "G20"):
        assert fill(sheet[cell]) == WARNING, cell
    for cell in ("C12", "G12", "G19", "A21", "G21", "C6", "G6"):
        assert fill(sheet[cell]) is None, cell
    department = book["部门"]
    assert fill(department["A7"]) == fill(department["B7"]) == WARNING  # department.budget
    assert fill(department["A8"]) == WARNING  # department.budget.reason
    assert fill(department["A9"]) is None


def test_result_fills_error_and_info():
    data = {
        "department": {
            "name": "某县教育局",
            "year": 2023,
            "budget": {"planned": 50, "adjusted": 50, "spent": 50},
        },
        "projects": [
            {
                "name": "教师培训",
                "budget": {"planned": 50, "adjusted": 50, "spent": 50},
                "indicators": [
                    _indicator("产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 50, 55),
                    _indicator("效益指标", "社会效益指标", "培训合格率", "较高", "达成", 30),
                    _indicator("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10),
                ],
            }
        ],
    }
    result = scoring.score(data)
    found = {f"{f.code}@{f.where}": f.severity for f in result.findings}
    assert found["score-above-weight@projects[0].indicators[0]"] == "error"
    assert found["qualitative-for-number@projects[0].indicators[1].target"] == "info"
    sheet = reload(result_workbook(result, data))["项目1"]
    assert fill(sheet["C11"]) == fill(sheet["G11"]) == ERROR
    assert sheet["G11"].value == 50 and sheet["I11"].value == 55
    assert fill(sheet["C12"]) == fill(sheet["G12"]) == INFO
    assert fill(sheet["C13"]) is None


def test_result_own_table_and_extra_columns():
    data = full()
    result = scoring.score(data)
    book = reload(result_workbook(result, data))
    assert book.sheetnames == ["汇总", "部门", "项目1", "项目2", "部门整体"]

    project = book["项目1"]
    assert [project.cell(10, c).value for c in range(9, 12)] == ["自评得分", "扣减分数", "是否适用"]
    scored = result.projects[0]
    assert project["G13"].value == "不适用"
    assert column(project, "K", 11, 15) == [None, None, "否", None, None]
    assert column(project, "J", 11, 15) == [None, 0.5, None, None, None]
    assert column(project, "F", 11, 15) == [20, 20, 10, 30, 10]
    assert project["F16"].value == 100  # 10 for the execution row + the 分值 column
    # the not-applicable row's 10 points are spread over the others: 99.89, filed 99
    assert scored.score == D("99.89")
    assert [project["G16"].value, project["I16"].value] == [99.89, 99]
    assert [project["G17"].value, project["I17"].value] == ["优", None]
    assert [project["G12"].value, project["I12"].value] == [20, 19.5]
    assert fill(project["C12"]) == fill(project["G12"]) == WARNING  # the mismatch beats info
    assert fill(project["C14"]) == WARNING  # over-achievement

    own = book["部门整体"]
    table = result.department.table
    # 190.5 / 200 × 10 = 9.53; 27 + 40 + 20 for the rows: 96.53, filed 90 / 良
    assert result.department.score == table.score == D("96.53")
    assert own["A1"].value == "部门整体绩效自评表"
    assert [own["F6"].value, own["G6"].value, own["H6"].value, own["I6"].value] == [
        10,
        0.9525,
        9.53,
        9.5,
    ]
    assert [own["G14"].value, own["I14"].value] == [96.53, 90]
    assert [own["G15"].value, own["I15"].value] == ["优", "良"]  # filed 良
    grades = {f"{f.code}@{f.where}" for f in result.findings}
    assert "recorded-grade-mismatch@department.grade" in grades
    assert fill(own["A15"]) == fill(own["G15"]) == WARNING
    assert fill(own["A14"]) == WARNING  # recorded-score-mismatch@department.score
    assert (
        fill(own["B6"]) == fill(own["H6"]) == WARNING
    )  # recorded-score-mismatch@department.budget
    assert fill(own["C11"]) is None


def test_result_summary_sheet():
    data = full()
    result = scoring.score(data)
    sheet = reload(result_workbook(result, data))["汇总"]
    facts = {
        sheet.cell(r, 1).value: sheet.cell(r, 2).value
        for r in range(2, 16)
        if sheet.cell(r, 1).value
    }
    assert facts["部门"] == "某县营商环境建设局"
    assert facts["年度"] == 2023
    assert facts["规则集"] == result.ruleset.id == "mof-2020"
    assert facts["规则版本"] == result.ruleset.version
    assert facts["规则 SHA-256"] == result.ruleset.sha256
    assert facts["得分"] == 96.53 and facts["等级"] == "优"
    assert facts["计分方法"] == result.department.method
    assert facts["计分说明"] == result.department.explanation
    assert "部门名称" not in facts  # the reader takes the department from the 部门 sheet

    labels = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    header = labels.index("项目名称") + 1
    assert [sheet.cell(header, c).value for c in range(1, 8)] == [
        "项目名称",
        "全年预算数",
        "全年执行数",
        "执行率",
        "得分",
        "等级",
        "自评得分",
    ]
    first = [sheet.cell(header + 1, c).value for c in range(1, 8)]
    scored = result.projects[0]
    assert first[:3] == ["招商经费", 20, 19.8]
    assert first[3] == 0.99 and sheet.cell(header + 1, 4).number_format == "0.00%"
    assert first[4:6] == [float(scored.score), scored.grade]
    assert first[6] == 99  # filed, computed 99.89
    second = [sheet.cell(header + 2, c).value for c in range(1, 8)]
    assert second[:3] == ["营商环境宣传", 8, 7.6] and second[6] is None
    own = [sheet.cell(header + 3, c).value for c in range(1, 8)]
    assert own[0] == "部门整体（某县营商环境建设局）"
    assert own[4:] == [96.53, "优", 90]

    start = labels.index("级别") + 1
    assert [sheet.cell(start, c).value for c in range(1, 5)] == ["级别", "代码", "位置", "说明"]
    rows = [
        tuple(sheet.cell(r, c).value for c in range(1, 5))
        for r in range(start + 1, start + 1 + len(result.findings))
    ]
    words = {"error": "错误", "warning": "警告", "info": "提示"}
    assert rows == [(words[f.severity], f.code, f.where, f.message) for f in result.findings]
    colours = {"错误": ERROR, "警告": WARNING, "提示": INFO}
    for offset, (severity, *_) in enumerate(rows, start=start + 1):
        assert fill(sheet.cell(offset, 1)) == colours[severity]


def test_result_summary_langfang_numbers():
    data = langfang()
    sheet = reload(result_workbook(scoring.score(data), data))["汇总"]
    labels = [sheet.cell(r, 1).value for r in range(1, sheet.max_row + 1)]
    facts = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, 16)}
    assert facts["得分"] == 97.24 and facts["等级"] == "优"
    assert facts["执行率"] == 0.862
    row = labels.index("项目名称") + 2
    assert [sheet.cell(row, c).value for c in range(1, 8)] == [
        "办公宿舍楼、食堂及餐厅暖通改造经费",
        43.2,
        37.24,
        0.862,
        97.24,
        "优",
        98,
    ]
    # the department's budget is its one project's: execution-low and reason-missing once each
    assert labels.count("警告") == 5


# --- template_workbook -------------------------------------------------------------------------


def test_template_placeholders():
    book = reload(template_workbook(2024))
    assert book.sheetnames == ["部门", "项目1"]
    department = book["部门"]
    assert column(department, "B", 2, 6) == ["（单位名称）", 2024, 0, 0, 0]
    assert column(department, "B", 7, 11) == [None] * 5
    sheet = book["项目1"]
    assert sheet["A2"].value == "（2024年度）"
    assert sheet["B3"].value == "（项目名称）"
    assert sheet["B4"].value == sheet["F4"].value == "（单位名称）"
    assert [sheet[c].value for c in ("C6", "D6", "E6")] == [0, 0, 0]
    rows = [[sheet.cell(r, c).value for c in range(1, 8)] for r in range(11, 14)]
    assert rows == [
        ["产出指标", "数量指标", "（示例）培训人次", "≥100人次", "100人次", 50, None],
        ["效益指标", "社会效益指标", "（示例）政策知晓率", "≥90%", "95%", 30, None],
        ["满意度指标", "服务对象满意度指标", "（示例）服务对象满意度", "≥90%", "92%", 10, None],
    ]
    assert [sheet["A14"].value, sheet["F14"].value] == ["总分", 90]
    assert sheet["A15"].value == "自评等级"
    notes = [
        sheet.cell(r, 1).value
        for r in range(16, sheet.max_row + 1)
        if isinstance(sheet.cell(r, 1).value, str)
    ]
    assert len(notes) == 1 and notes[0].startswith("填写说明：")
    assert "万元" in notes[0] and "≥95%" in notes[0] and "复制" in notes[0]


def test_template_placeholders_score():
    result = scoring.score(template_evaluation(2024))
    assert not result.has_errors
    assert result.department.year == 2024


def test_workbook_bytes_is_xlsx():
    data = workbook_bytes(evaluation_workbook(langfang()))
    assert data[:2] == b"PK"
