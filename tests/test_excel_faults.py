"""Regression tests for the faults a reviewer found in workbooks as units really file them.

Each test builds its workbook here, cell by cell (openpyxl for ``.xlsx``, xlwt for ``.xls``), in
``tmp_path``, and asserts the right behaviour with the expected numbers worked out beside it.
Most tables are the national 2020 form on one sheet (:func:`form`): the head in rows 1–6, the
grid's header on row 7 and the indicator rows from row 8:

    row 1  项目支出绩效自评表
    row 2  （2023年度）
    row 3  项目名称 | | 职业技能培训项目
    row 4  主管部门 | | 某县人力资源和社会保障局 | | | 实施单位 | 某县就业服务中心
    row 5  项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
    row 6           | 年度资金总额 | 100 | 100 | 95 | 10 | | 9.5
    row 7  绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…
    row 8… the indicator rows (B–I), then 总分 (G 100, H the filed total)

The base rows (:data:`ROWS`) score: 执行率 95 / 100 = 95% → 10 × 95% = 9.50; 培训人次 1000 of
≥1000 → 40; 参训人员就业率 70% of ≥80% → 40 × 70 / 80 = 35.00; 参训人员满意度 95% of ≥90% → 10;
total 9.50 + 40 + 35 + 10 = 94.50 (优).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

import scoring
from scoring.errors import InputError
from scoring.i18n import using

from . import workbook_layouts as W
from .conftest import run_cli

openpyxl = pytest.importorskip("openpyxl")

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NO_SOFFICE = "LibreOffice (soffice) is not installed: the workbook cannot be saved or printed by it"

HEAD = [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]
ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥1000人次", "1000人次", 40, 40, None),
    ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "70%", 40, 35, "就业形势偏紧"),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10, None),
]
DEPARTMENT = "某县人力资源和社会保障局"
UNIT = "某县就业服务中心"
PROJECT = "职业技能培训项目"
WARNING_FILL = "FFEB9C"


# --- building -----------------------------------------------------------------------------------


def form(
    workbook=None,
    *,
    sheet="项目1",
    title="项目支出绩效自评表",
    title2="（2023年度）",
    name=PROJECT,
    department=DEPARTMENT,
    unit=UNIT,
    budget_label="项目资金（万元）",
    budget=(100, 100, 95, 9.5),
    parts=(),
    head=HEAD,
    rows=ROWS,
    total=94.5,
):
    """One 自评表 in the national 2020 layout on a sheet of its own (see the module's docstring);
    ``parts`` are 其中 rows under 年度资金总额. Returns (workbook, sheet)."""
    if workbook is None:
        workbook = openpyxl.Workbook()
        ws = workbook.active
        ws.title = sheet
    else:
        ws = workbook.create_sheet(sheet)
    ws.append([title])
    ws.append([title2])
    ws.append(["项目名称", None, name])
    ws.append(["主管部门", None, department, None, None, "实施单位", unit])
    ws.append(
        [budget_label, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    )
    planned, adjusted, spent, score = budget
    ws.append([None, "年度资金总额", planned, adjusted, spent, 10, None, score])
    for label, amounts in parts:
        ws.append([None, label, *amounts, "—", None, "—"])
    ws.append(list(head))
    for row in rows:
        ws.append([None, *row])
    ws.append(["总分", None, None, None, None, None, 100, total])
    return workbook, ws


def saved(workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def header_row(ws) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "一级指标")


def row_of(ws, name: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 4).value == name)


def indicators(table) -> list[tuple]:
    return [
        (i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.filed_score)
        for i in table.indicators
    ]


def codes(result) -> set:
    """(code, severity, where) of every finding but the reading's own notes."""
    return {(f.code, f.severity, f.where) for f in result.findings if f.code != "read-assumption"}


def notes(result, where: str | None = None) -> list:
    return [
        f
        for f in result.findings
        if f.code == "read-assumption" and (where is None or f.where == where)
    ]


def score_json(path: Path) -> tuple[int, dict | None, str]:
    run = run_cli("score", str(path), "-f", "json")
    try:
        return run.code, json.loads(run.out), run.err
    except ValueError:
        return run.code, None, run.err


def review(path: Path, out: Path):
    """``scoring score path -f xlsx -o out``: the run, asserted to have written ``out``."""
    run = run_cli("score", str(path), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    assert out.is_file(), run
    return run


def fill_of(cell) -> str:
    rgb = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type else None
    return rgb[-6:] if isinstance(rgb, str) else ""


def soffice_convert(path: Path, target: str, outdir: Path, tmp_path: Path) -> Path:
    """``path`` converted by headless LibreOffice (a profile of its own) into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (tmp_path / "lo-profile").as_uri()
    run = subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    made = outdir / f"{path.stem}.{target.split(':')[0]}"
    assert run.returncode == 0 and made.is_file(), run.stdout + run.stderr
    return made


# --- 1. 指标权重 / 指标得分; 分值 left blank -------------------------------------------------------

R01_ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥1000人次", "500人次", 40, 20, "报名不足"),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", 5, 5, None),
    ("产出指标", "时效指标", "培训完成时间", "2023年11月底前", "2023年11月20日", 5, 5, None),
    ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "80%", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10, None),
]


@pytest.mark.parametrize(
    "weight_title, score_title",
    [("指标权重", "指标得分"), ("指标权重（分）", "指标得分（分）")],
)
def test_weights_titled_指标权重_指标得分_score_like_分值_得分(tmp_path, weight_title, score_title):
    """Expected: 9.50 (95 / 100) + 培训人次 40 × 500 / 1000 = 20.00 + 5 + 5 + 30 + 10 = 79.50, 中;
    the weights as filed (40, 5, 5, 30, 10: the defaults 50 / 30 / 10, so no weights finding),
    exactly as the same table titled 分值 / 得分 — never default weights invented."""
    head = [*HEAD[:6], weight_title, score_title, HEAD[8]]
    titled = saved(form(rows=R01_ROWS, head=head, total=79.5)[0], tmp_path / "titled.xlsx")
    plain = saved(form(rows=R01_ROWS, total=79.5)[0], tmp_path / "plain.xlsx")
    got, want = scoring.score(titled), scoring.score(plain)
    table = got.projects[0]
    assert [i.weight for i in table.indicators] == [40, 5, 5, 30, 10]
    assert [i.filed_score for i in table.indicators] == [20, 5, 5, 30, 10]
    assert table.score == D("79.50") and table.grade == "中"
    assert indicators(table) == indicators(want.projects[0])
    assert (got.department.score, got.department.grade) == (want.department.score, "中")
    assert codes(got) == codes(want)
    assert not any(f.code == "weights-missing" for f in got.findings)


def test_weights_left_blank_with_scores_filed_take_the_defaults_and_warn(tmp_path):
    """分值 empty on every row, 得分 filed: the rule set's default weights — 产出指标 50 over two
    rows (25 + 25), 效益指标 30, 满意度指标 10 — and weights-missing (warning).
    培训人次 800 of ≥1000 → 25 × 0.8 = 20.00; 培训合格率 96% of ≥95% → 25; 就业率 80% of ≥80% → 30;
    满意度 → 10; total 9.50 + 20 + 25 + 30 + 10 = 94.50 (优)."""
    rows = [
        ("产出指标", "数量指标", "培训人次", "≥1000人次", "800人次", None, 16, "报名不足"),
        ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", None, 20, None),
        ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "80%", None, 30, None),
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", None, 10, None),
    ]
    path = saved(form(rows=rows, total=85.5)[0], tmp_path / "t.xlsx")
    result = scoring.score(path)
    table = result.projects[0]
    assert [i.weight for i in table.indicators] == [25, 25, 30, 10]
    assert [i.score for i in table.indicators] == [D("20.00"), 25, 30, 10]
    assert table.score == D("94.50") and table.grade == "优"
    missing = [f for f in result.findings if f.code == "weights-missing"]
    assert len(missing) == 1 and missing[0].severity == "warning"
    assert missing[0].where == "projects[0]"


# --- 2. the year: （2023年度）, never a 填报日期 ------------------------------------------------------

# 培训完成时间 6月底前, done 2023年7月5日: in 2023 it is late → 部分达成, the filed 20 is outside its
# band [12, 16) so the default 0.7 × 20 = 14.00. Total 9.50 + 30 + 14 + 30 + 10 = 93.50 (优).
# Taken from 填报日期 (2024), 6月底前 would be 2024-06-30 and 2023年7月5日 on time: 20, 99.50.
DEADLINE_ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥1000人次", "1000人次", 30, 30, None),
    ("产出指标", "时效指标", "培训完成时间", "6月底前", "2023年7月5日", 20, 20, None),
    ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "80%", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10, None),
]
FILED_ON = "填报日期：2024年3月15日"


def _with_filing_date(layout: str):
    workbook, ws = form(rows=DEADLINE_ROWS, total=99.5)
    if layout == "row below the title":
        ws.insert_rows(3)
        ws["A3"] = f"填报单位（盖章）：{DEPARTMENT}      {FILED_ON}"
    elif layout == "row above the title":
        ws.insert_rows(1)
        ws["A1"] = FILED_ON
    elif layout == "beside the title":
        ws["G2"] = FILED_ON
    elif layout == "in the title's cell":
        ws["A2"] = f"（2023年度）          {FILED_ON}"
    return workbook


@pytest.mark.parametrize(
    "layout",
    ["row below the title", "row above the title", "beside the title", "in the title's cell"],
)
def test_the_year_is_the_title_s_年度_never_the_filing_date(tmp_path, layout):
    path = saved(_with_filing_date(layout), tmp_path / "t.xlsx")
    result = scoring.score(path)
    assert result.department.year == 2023
    table = result.projects[0]
    late = table.indicators[1]
    assert late.name == "培训完成时间" and late.score == D("14.00")
    assert table.score == D("93.50") and table.grade == "优"
    assert any(f.code == "deadline-late" for f in result.findings)
    said = notes(result, "department.year")
    assert len(said) == 1 and "2023年度" in said[0].message, [f.message for f in notes(result)]


def test_no_年度_in_the_title_the_filing_date_is_not_the_year(tmp_path):
    """Title 项目支出绩效自评表 and 填报单位 … 填报日期：2024年3月15日 only: either refused with a
    message about the year, or a year read from elsewhere — never 2024 from the 填报日期."""
    workbook, ws = form(rows=DEADLINE_ROWS, total=99.5)
    ws["A2"] = f"填报单位（盖章）：{DEPARTMENT}      {FILED_ON}"
    path = saved(workbook, tmp_path / "t.xlsx")
    code, data, err = score_json(path)
    if code == 2:
        assert "year" in err or "年度" in err, err
    else:
        assert code == 0 and data is not None, err
        assert data["department"]["year"] != 2024
        said = [
            f
            for f in data["findings"]
            if f["code"] == "read-assumption" and f["where"] == "department.year"
        ]
        assert said and "填报日期" not in said[0]["message"]


# --- 3. findings on merged cells, in the returned workbook -------------------------------------


@pytest.mark.usefixtures("chinese")
def test_a_finding_on_an_empty_reason_merged_over_rows_is_written(tmp_path):
    """I8:I9 merged and empty: 参训人员就业率 (row 9) scores 35.00 < 40 with no reason →
    reason-missing at I9, inside the range. The review is written (exit 0); the fill and the
    comment are on I8, the range's first cell."""
    rows = [ROWS[0], (*ROWS[1][:7], None), ROWS[2]]
    workbook, ws = form(rows=rows)
    ws.merge_cells("I8:I9")
    path = saved(workbook, tmp_path / "t.xlsx")
    missing = [f for f in scoring.score(path).findings if f.code == "reason-missing"]
    assert missing and missing[0].cell == "t.xlsx!项目1!I9"
    out = tmp_path / "复核.xlsx"
    review(path, out)
    back = openpyxl.load_workbook(out)
    sheet = back["项目1"]
    assert "I8:I9" in {str(r) for r in sheet.merged_cells.ranges}
    assert fill_of(sheet["I8"]) == WARNING_FILL
    assert sheet["I8"].comment is not None and "未填写偏差原因" in sheet["I8"].comment.text


@pytest.mark.usefixtures("chinese")
def test_a_filed_得分_merged_over_two_rows_is_no_row_s_and_said_at_it(tmp_path):
    """得分 40 merged over H8:H9 (培训人次 40 of 40, 参训人员就业率 35.00 of 40): 40 for each row,
    or the two together? It is only checked, so it is read as neither — no mismatch found on a
    guess — and a note says so at H8, where the returned workbook writes it. Exit 0."""
    workbook, ws = form(rows=[ROWS[0], (*ROWS[1][:6], None, "就业形势偏紧"), ROWS[2]], total=94.5)
    ws.merge_cells("H8:H9")
    path = saved(workbook, tmp_path / "t.xlsx")
    result = scoring.score(path)
    table = result.projects[0]
    assert [i.score for i in table.indicators] == [40, D("35.00"), 10]
    assert [i.filed_score for i in table.indicators][:2] == [None, None]
    assert not any(f.code == "recorded-score-mismatch" for f in result.findings)
    (said,) = [f for f in notes(result) if "合并" in f.message]
    assert said.cell == "t.xlsx!项目1!H8" and "H8:H9" in said.message
    out = tmp_path / "复核.xlsx"
    review(path, out)
    sheet = openpyxl.load_workbook(out)["项目1"]
    assert sheet["H8"].comment is not None and "H8:H9" in sheet["H8"].comment.text


# --- 4. a grid header merged down over two rows ------------------------------------------------


def test_a_grid_header_merged_over_two_rows(tmp_path):
    """Each title of row 7 merged over rows 7–8: row 8 is part of the header, not an indicator;
    the rows from 9 score as ever: 94.50, three indicators, the first 培训人次 at D9."""
    workbook, ws = form(rows=[], total=None)
    ws.delete_rows(ws.max_row)  # the 总分 row, written again under the rows
    header = ws.max_row
    ws.append([None] * 9)
    for column in range(1, 10):
        ws.merge_cells(start_row=header, start_column=column, end_row=header + 1, end_column=column)
    for row in ROWS:
        ws.append([None, *row])
    ws.append(["总分", None, None, None, None, None, 100, 94.5])
    path = saved(workbook, tmp_path / "two.xlsx")
    plain = saved(form()[0], tmp_path / "one.xlsx")
    got, want = scoring.score(path), scoring.score(plain)
    assert indicators(got.projects[0]) == indicators(want.projects[0])
    assert got.projects[0].score == D("94.50")
    assert got.projects[0].indicators[0].name == "培训人次"
    assert codes(got) == codes(want)
    cells = {f.cell for f in got.findings if f.cell}
    assert not any(cell.endswith("!D8") for cell in cells)


# --- 5. a system export: total "0.00" as text, 其中 rows as text numbers -----------------------


def test_a_zeroed_text_total_takes_its_text_parts(tmp_path):
    """年度资金总额 "0.00" "0.00" "0.00" (text), 其中：本年财政拨款 "60.00" "58.50" "57.33" (text):
    the budget is 60 / 58.5 / 57.33, 57.33 / 58.5 = 98.00% → 9.80; total 9.80 + 85 = 94.80.
    No budget-zero; the zeroed row's 得分 0 is not a filed score; a read-assumption says so."""
    parts = [
        ("其中：本年财政拨款", ("60.00", "58.50", "57.33")),
        ("上年结转资金", (None, None, None)),
        ("其他资金", (None, None, None)),
    ]
    workbook, _ = form(budget=("0.00", "0.00", "0.00", 0), parts=parts, total=85)
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    execution = result.projects[0].execution
    assert (execution.planned, execution.adjusted, execution.spent) == (60, D("58.5"), D("57.33"))
    assert execution.rate == D("0.98") and execution.score == D("9.80")
    assert execution.filed_score is None
    assert result.projects[0].score == D("94.80")
    assert not any(f.code == "budget-zero" for f in result.findings)
    assert notes(result, "projects[0].budget")


# --- 6. a blank 主管部门 or 项目名称 is not filled from the next label --------------------------


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("merged", [False, True])
def test_a_blank_主管部门_does_not_name_the_department_实施单位(tmp_path, merged):
    """主管部门 empty (C4, or C4:E4 merged), 实施单位 | 某县就业服务中心 to its right: the
    department is never "实施单位"; where it is the 实施单位's value, a note says 主管部门 was blank."""
    workbook, ws = form(department=None)
    if merged:
        ws.merge_cells("C4:E4")
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    name = result.department.name
    assert name and "实施单位" not in name
    if name == UNIT:
        said = notes(result, "department.name")
        assert said and "主管部门" in said[0].message, [f.message for f in notes(result)]


def test_a_blank_项目名称_does_not_name_the_project_项目编码(tmp_path):
    workbook, ws = form(name=None)
    ws["F3"], ws["G3"] = "项目编码", "P2023-0012"
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert "项目编码" not in result.projects[0].name


# --- 7. 部门整体: the budget block, not the task list titled like it ----------------------------


def test_the_department_budget_block_is_read_under_a_task_list_titled_全年预算数(tmp_path):
    """The 部门整体 table on Sheet1 (某县医疗保障局), its 年度主要任务 columns titled 全年预算数 /
    全年执行数: the budget is the 年度部门整体支出预算 block's 年度资金总额, 980 / 1025.6 / 1001.3,
    1001.3 / 1025.6 = 97.63% → 9.76 — exactly as the same table in TOML scores."""
    built = W.department_whole(tmp_path / "d.xlsx", W.medical_insurance())
    workbook = openpyxl.load_workbook(built.path)
    ws = workbook["Sheet1"]
    tasks = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "任务名称")
    ws.cell(tasks, 7).value = "全年预算数（万元）"
    ws.cell(tasks, 8).value = "全年执行数（万元）"
    workbook.save(built.path)
    got = scoring.score(built.path)
    want = scoring.score(built.data())
    execution = got.department.execution
    assert (execution.planned, execution.adjusted, execution.spent) == (
        980,
        D("1025.6"),
        D("1001.3"),
    )
    assert execution.score == D("9.76")
    assert got.department.score == want.department.score
    assert got.department.grade == want.department.grade


def test_a_small_department_table_with_a_task_list_titled_全年预算数(tmp_path):
    """年度主要任务 | 任务名称 | 主要内容 | … | 全年预算数 85 | 全年执行数 83.2 above the real block
    (1260 / 1318.4 / 1290.7): 1290.7 / 1318.4 = 97.90% → 9.79; 9.79 + 40 + 35 + 10 = 94.79, as
    filed, 优 — not the task list's 97.9 / 9.79 read as amounts."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.append(["部门整体支出绩效自评表"])
    ws.append(["（2023年度）"])
    ws.append(["部门（单位）名称", None, "某县市场监督管理局"])
    ws.append(
        ["年度主要任务", "任务名称", "主要内容", None, None, None, "全年预算数", "全年执行数"]
    )
    ws.append([None, "食品安全监督抽检", "完成抽检1200批次", None, None, None, 85, 83.2])
    ws.append(
        [
            "年度部门整体支出预算（万元）",
            None,
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ]
    )
    ws.append([None, "年度资金总额", 1260, 1318.4, 1290.7, 10, 0.979, 9.79])
    ws.append(HEAD)
    for row in ROWS:
        ws.append([None, *row])
    ws.append(["总分", None, None, None, None, None, 100, 94.79])
    result = scoring.score(saved(workbook, tmp_path / "d.xlsx"))
    execution = result.department.execution
    assert (execution.planned, execution.adjusted, execution.spent) == (
        1260,
        D("1318.4"),
        D("1290.7"),
    )
    assert execution.score == D("9.79")
    assert result.department.score == D("94.79") and result.department.grade == "优"
    assert not any(f.code == "execution-low" for f in result.findings)


# --- 8. formulas with cached values: the returned workbook reads back --------------------------


@pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)
def test_formulas_saved_with_their_values_read_back_from_the_review(tmp_path):
    """年度资金总额 =SUM of 其中：财政拨款 80 / 80 / 76 and 其他资金 20 / 20 / 19 (100 / 100 / 95), its
    得分 =ROUND(F6*E6/D6,2) (9.5), 总分 =H6+SUM(H10:H12) (94.5), saved by LibreOffice so the values
    are cached. Scored: 9.50 + 40 + 35 + 10 = 94.50; the returned 复核.xlsx reads back and scores
    the same, with the same findings and no note about a formula."""
    parts = [("其中：财政拨款", (80, 80, 76)), ("其他资金", (20, 20, 19))]
    workbook, ws = form(budget=(None, None, None, None), parts=parts)
    for column in "CDE":
        ws[f"{column}6"] = f"=SUM({column}7:{column}8)"
    ws["H6"] = "=ROUND(F6*E6/D6,2)"
    ws["H13"] = "=H6+SUM(H10:H12)"
    (tmp_path / "raw").mkdir()
    raw = saved(workbook, tmp_path / "raw" / "unit.xlsx")
    unit = soffice_convert(raw, "xlsx", tmp_path / "lo", tmp_path)
    cached = openpyxl.load_workbook(unit, data_only=True)["项目1"]
    assert [cached[c].value for c in ("D6", "E6", "H6", "H13")] == [100, 95, 9.5, 94.5]

    first = scoring.score(unit)
    assert first.projects[0].score == D("94.50")
    assert first.projects[0].execution.filed_score == D("9.5")
    assert first.projects[0].filed_score == D("94.5")
    out = tmp_path / "复核.xlsx"
    review(unit, out)
    again = scoring.score(out)
    assert again.department.score == first.department.score == D("94.50")
    assert indicators(again.projects[0]) == indicators(first.projects[0])
    execution = again.projects[0].execution
    assert (execution.adjusted, execution.spent, execution.score) == (100, 95, D("9.50"))
    assert codes(again) == codes(first)
    assert not any("公式" in f.message or "formula" in f.message for f in again.findings)
    # the same notes, and one more: the workbook is said to be a review returned
    review_note = [f for f in notes(again) if "复核得分" in f.message]
    assert [f.where for f in review_note] == ["department"]
    assert {
        f.message.replace("复核.xlsx", "unit.xlsx") for f in notes(again) if f not in review_note
    } == {f.message for f in notes(first)}


# --- 9. hidden columns and rows are not read ---------------------------------------------------


@pytest.mark.usefixtures("chinese")
def test_a_hidden_column_of_last_year_s_actuals_is_not_read(tmp_path):
    """Column F hidden, titled 实际完成值 too, with last year's 800人次 / 60% / 85%; this year's in
    G: 1000人次 / 70% / 95% are read, 94.50, and a read-assumption says hidden cells were not read."""
    workbook, ws = form()
    ws.insert_cols(6)
    ws.cell(7, 6, "实际完成值")
    for row, value in zip((8, 9, 10), ("800人次", "60%", "85%")):
        ws.cell(row, 6, value)
    ws.column_dimensions["F"].hidden = True
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    table = result.projects[0]
    assert [i.actual for i in table.indicators] == ["1000人次", "70%", "95%"]
    assert table.score == D("94.50")
    (hidden,) = [f for f in notes(result) if "隐藏" in f.message]
    assert hidden.severity == "warning"  # it may hold what should be scored
    assert "隐藏列（F 列）中有内容，未读取" in hidden.message and "取消隐藏" in hidden.message


@pytest.mark.usefixtures("chinese")
def test_a_hidden_row_is_not_read(tmp_path):
    """A fourth row 旧指标（已取消） ≥50个 / 0个 / 10 / 0, hidden: not an indicator. Read, it would
    add 10 points of weight (110, rescaled) and score 0; hidden, the table is the base 94.50."""
    rows = [*ROWS, ("产出指标", "数量指标", "旧指标（已取消）", "≥50个", "0个", 10, 0, None)]
    workbook, ws = form(rows=rows)
    ws.row_dimensions[row_of(ws, "旧指标（已取消）")].hidden = True
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    table = result.projects[0]
    assert [i.name for i in table.indicators] == ["培训人次", "参训人员就业率", "参训人员满意度"]
    assert table.score == D("94.50")
    assert not any(f.code == "weights-total" for f in result.findings)
    (hidden,) = [f for f in notes(result) if "隐藏" in f.message]
    assert hidden.severity == "warning"
    row = row_of(ws, "旧指标（已取消）")
    assert f"隐藏行（第 {row} 行）中有内容，未读取" in hidden.message


@pytest.mark.usefixtures("chinese")
def test_a_hidden_project_sheet_is_said_not_scored(tmp_path):
    """项目1 (shown) 100 / 100 / 95 → 94.50; 项目2 (hidden) 400 / 400 / 200 → 5.00 + 85 = 90.00.
    Hidden, 项目2 is not read: the department is 项目1's 94.50 — and a warning says a hidden sheet
    holds a 自评表, so the reviewer knows a project was left out (read, it would be
    (94.50 × 100 + 90.00 × 400) / 500 = 90.90). A hidden list of words (a template's drop-downs)
    is not said."""
    workbook, _ = form()
    form(workbook, sheet="项目2", name="公共就业服务项目", budget=(400, 400, 200, 5), total=90)
    workbook["项目2"].sheet_state = "hidden"
    lists = workbook.create_sheet("指标库")
    lists.append(["一级指标", "二级指标", "三级指标"])
    lists.append(["产出指标", "数量指标", "培训人次"])
    lists.sheet_state = "hidden"
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert [p.name for p in result.projects] == [PROJECT]
    assert result.department.score == D("94.50")
    (hidden,) = [f for f in notes(result) if "隐藏" in f.message]
    assert hidden.severity == "warning" and hidden.where == "projects"
    assert hidden.message == (
        "工作表「项目2」已隐藏，其中有自评表：未读取，该项目未计分；如属于填报内容，请取消隐藏该工作表"
    )
    workbook["项目2"].sheet_state = "visible"  # shown, it is read: the score the warning warns of
    shown = scoring.score(saved(workbook, tmp_path / "shown.xlsx"))
    assert shown.department.score == D("90.90")
    assert not [f for f in notes(shown) if "隐藏" in f.message]


# --- 10. a project named 部门整体… is a project ---------------------------------------------------


@pytest.mark.parametrize("sheet", ["项目2", "部门整体运转保障经费"])
def test_a_project_named_部门整体运转保障经费_is_a_project(tmp_path, sheet):
    """项目1 职业技能培训项目 100 / 100 / 60 → 6.00 + 85 = 91.00; 部门整体运转保障经费 (on a sheet
    项目2, or named after the project) 20 / 20 / 20 → 10 + 85 = 95.00. Both are projects; the
    department is weighted by 全年预算数: (91 × 100 + 95 × 20) / 120 = 91.67, no own table."""
    workbook, _ = form(budget=(100, 100, 60, 6), total=91)
    form(workbook, sheet=sheet, name="部门整体运转保障经费", budget=(20, 20, 20, 10), total=95)
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert [p.name for p in result.projects] == [PROJECT, "部门整体运转保障经费"]
    assert [p.score for p in result.projects] == [D("91.00"), D("95.00")]
    assert result.department.table is None
    assert result.department.name == DEPARTMENT
    assert result.department.method == "budget-weighted"
    assert result.department.score == D("91.67")


# --- 11. a reviewed workbook reviewed again ------------------------------------------------------


def test_a_reviewed_workbook_returned_corrected_carries_only_the_new_review(tmp_path):
    """First review: 参训人员就业率 filed 40 (computed 35.00), no reason; total filed 99.5 (94.50).
    The unit corrects the copy it got back — H9 35, a reason in I9, H11 94.5 — and sends it again.
    The second review has one 汇总 and one 复核发现, the review columns still J and K, and none of
    the first review's fills or comments on H9, I9 or H11."""
    rows = [ROWS[0], (*ROWS[1][:6], 40, None), ROWS[2]]
    path = saved(form(rows=rows, total=99.5)[0], tmp_path / "unit.xlsx")
    first = tmp_path / "复核.xlsx"
    review(path, first)
    workbook = openpyxl.load_workbook(first)
    sheet = workbook["项目1"]
    assert fill_of(sheet["H9"]) == WARNING_FILL and sheet["H9"].comment is not None
    assert fill_of(sheet["I9"]) == WARNING_FILL
    assert (sheet["J7"].value, sheet["K7"].value) == ("复核得分", "复核意见")
    sheet["H9"], sheet["I9"], sheet["H11"] = 35, "就业形势偏紧", 94.5
    corrected = saved(workbook, tmp_path / "unit-corrected.xlsx")

    second = tmp_path / "复核2.xlsx"
    review(corrected, second)
    back = openpyxl.load_workbook(second)
    assert back.sheetnames == ["汇总", "复核发现", "项目1"]
    sheet = back["项目1"]
    assert (sheet["J7"].value, sheet["K7"].value) == ("复核得分", "复核意见")
    assert all(sheet.cell(r, c).value is None for r in range(1, 20) for c in range(12, 16))
    for cell in ("H9", "I9", "H11", "J9", "J11"):
        assert fill_of(sheet[cell]) != WARNING_FILL, cell
    for cell in ("H9", "I9", "H11"):
        assert sheet[cell].comment is None, (cell, sheet[cell].comment.text)
    assert sheet["K9"].value and "自评 40" not in sheet["K9"].value
    listed = [back["复核发现"].cell(r, 5).value for r in range(3, back["复核发现"].max_row + 1)]
    assert "recorded-score-mismatch" not in listed and "reason-missing" not in listed
    result = scoring.score(second)
    assert result.projects[0].score == D("94.50")
    assert not any(f.code == "recorded-score-mismatch" for f in result.findings)


@pytest.mark.usefixtures("chinese")
def test_a_unit_s_comment_on_a_cell_with_a_finding_keeps_the_unit_s_words(tmp_path):
    """培训人次 1300 of ≥1000 (≥ 1.2 × target, no reason) has a finding at F8, where the unit had
    written 单位说明：含线上培训300人次，见附件2. The returned comment keeps those words and adds
    the finding; reviewed again, the unit's words are there once and the review's once."""
    from openpyxl.comments import Comment

    said = "单位说明：含线上培训300人次，见附件2"
    rows = [("产出指标", "数量指标", "培训人次", "≥1000人次", "1300人次", 40, 40, None), *ROWS[1:]]
    workbook, ws = form(rows=rows)
    ws["F8"].comment = Comment(said, "李四")
    path = saved(workbook, tmp_path / "unit.xlsx")
    finding = [f for f in scoring.score(path).findings if f.cell == "unit.xlsx!项目1!F8"]
    assert finding, "the over-achieving actual has a finding at F8"
    first = tmp_path / "复核.xlsx"
    review(path, first)
    comment = openpyxl.load_workbook(first)["项目1"]["F8"].comment
    assert comment is not None and comment.text.startswith(said)
    assert "1.2" in comment.text  # the finding's words after the unit's
    second = tmp_path / "复核2.xlsx"
    review(first, second)
    text = openpyxl.load_workbook(second)["项目1"]["F8"].comment.text
    assert text.startswith(said) and text.count(said) == 1
    assert text.count("1.2 × 目标") == 1


# --- 12. a .xls returned as .xlsx -------------------------------------------------------------


def _xls_with_dates_and_fills(path: Path) -> Path:
    """The base table as a .xls written by xlwt (no column widths set: the file's default), with a
    时效指标 row 完工时间 2023-10-31 / 2023-09-20 as date cells (yyyy-mm-dd), and yellow fills on
    the title A1 and the 年初预算数 title C5."""
    xlwt = pytest.importorskip("xlwt")
    _, ws = form(
        rows=[
            ("产出指标", "数量指标", "培训人次", "≥1000人次", "1000人次", 30, 30, None),
            ("产出指标", "时效指标", "完工时间", None, None, 10, 10, None),
            ROWS[1],
            ROWS[2],
        ],
        total=94.5,
    )
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("项目1", cell_overwrite_ok=True)
    yellow = xlwt.easyxf("pattern: pattern solid, fore_colour yellow;")
    dated = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            style = yellow if cell.coordinate in ("A1", "C5") else xlwt.Style.default_style
            sheet.write(cell.row - 1, cell.column - 1, cell.value, style)
    sheet.write(8, 4, date(2023, 10, 31), dated)  # E9
    sheet.write(8, 5, date(2023, 9, 20), dated)  # F9
    book.save(str(path))
    return path


def test_an_xls_comes_back_with_its_default_widths_and_fills(tmp_path):
    """No column of the returned sheet narrower than the .xls's default (Excel shows a .xls that
    sets none 8.43 characters wide); the fills of A1 and C5 kept (yellow, FFFF00). The dates read
    as dates: 完工时间 2023-09-20 before 2023-10-31, on time."""
    path = _xls_with_dates_and_fills(tmp_path / "unit.xls")
    result = scoring.score(path)
    timely = result.projects[0].indicators[1]
    assert (timely.target, timely.actual) == ("2023-10-31", "2023-09-20")
    out = tmp_path / "复核.xlsx"
    review(path, out)
    sheet = openpyxl.load_workbook(out)["项目1"]
    assert fill_of(sheet["A1"]) == "FFFF00" and fill_of(sheet["C5"]) == "FFFF00"
    for letter in "ABCDEFGHI":
        width = sheet.column_dimensions[letter].width
        assert width is not None and width >= 8.43, (letter, width)


@pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)
def test_an_xls_s_dates_print_in_the_returned_workbook(tmp_path):
    """Printed by LibreOffice, the .xls shows 2023-10-31 and 2023-09-20; the returned .xlsx must
    too — not ### in columns narrower than the unit's."""
    from pypdf import PdfReader

    path = _xls_with_dates_and_fills(tmp_path / "unit.xls")
    out = tmp_path / "returned.xlsx"
    review(path, out)

    def printed(file: Path) -> str:
        pdf = soffice_convert(file, "pdf", tmp_path / f"pdf-{file.suffix[1:]}", tmp_path)
        return "".join(page.extract_text() for page in PdfReader(pdf).pages)

    original = printed(path)
    assert "2023-10-31" in original and "2023-09-20" in original  # the unit's file prints them
    returned = printed(out)
    assert "2023-10-31" in returned and "2023-09-20" in returned, "dates print as ###"
    assert "###" not in returned


# --- 13. rows without a name, 小计 rows, a bare 满意度 target ---------------------------------------


def test_a_row_without_a_三级指标_is_read_and_said(tmp_path):
    """Row 9 has 效益指标 / 可持续影响指标, ≥3年 / 3年, 10 / 10 but no 三级指标: read (10 points), with
    a read-assumption naming D9. 40 + 10 + 就业率 30 × 70 / 80 = 26.25 + 10 + 9.50 = 95.75."""
    rows = [
        ROWS[0],
        ("效益指标", "可持续影响指标", None, "≥3年", "3年", 10, 10, None),
        ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "70%", 30, 26.25, "就业形势偏紧"),
        ROWS[2],
    ]
    result = scoring.score(saved(form(rows=rows, total=95.75)[0], tmp_path / "t.xlsx"))
    table = result.projects[0]
    assert len(table.indicators) == 4
    assert (table.indicators[1].target, table.indicators[1].score) == ("≥3年", 10)
    assert table.score == D("95.75")
    said = notes(result, "projects[0].indicators[1]")
    assert said and "D9" in said[0].message and said[0].cell == "t.xlsx!项目1!D9"
    # named （未填写指标名称） in Chinese, in full-width brackets: not the template's placeholder
    with using("zh_CN"):
        again = scoring.score(tmp_path / "t.xlsx")
    assert again.projects[0].indicators[1].name == "（未填写指标名称）"
    assert not any(f.code == "placeholder-left" for f in again.findings)


@pytest.mark.usefixtures("chinese")
def test_a_label_merged_across_its_row_is_not_its_value(tmp_path):
    """自评等级 merged over A12:H12 and 总分 over A11:F11 with 94.5 in G11… the merged label fills
    the 得分 column of the 自评等级 row with “自评等级”: no grade was filed, and none is read (no
    recorded-grade-mismatch against 自评「自评等级」)."""
    workbook, ws = form()
    ws.append(["自评等级"])
    ws.merge_cells(f"A{ws.max_row}:H{ws.max_row}")
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert result.projects[0].filed_grade is None
    assert not any(f.code == "recorded-grade-mismatch" for f in result.findings)


@pytest.mark.usefixtures("chinese")
def test_a_refusal_of_a_table_whose_column_is_hidden_says_so(tmp_path):
    """实际完成值 (column F) hidden: no row reads as filled, and the refusal's fix begins with the
    hidden column — the likely cause — before the fix for a blank form."""
    workbook, ws = form()
    ws.column_dimensions["F"].hidden = True
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert raised.value.hint.startswith(
        "工作表「项目1」的隐藏列（F 列）中有内容，未读取；如属于填报内容，请取消隐藏；否则，"
    )


@pytest.mark.parametrize(
    "where",
    [
        "三级指标",
        "一级指标 merged to 三级指标",
        "产出指标小计",
        "产出指标合计",
        "小计（产出指标）",
        "产出指标小计（40分）",
        "产出合计：40",
        "（产出指标小计）",
    ],
)
def test_a_小计_row_in_the_grid_is_not_scored(tmp_path, where):
    """A 小计 row (40 / 40) after 培训人次: not an indicator. Three rows, 94.50, weights 100 — no
    weights-total, no values-blank for it. Named with its category (产出指标小计) it is one too:
    read as a row, it would add 40 of weight (140, rescaled: 94.50 + 40 = 134.50 × 100 / 140 =
    96.07, a higher score for a form that adds up wrong)."""
    if where == "三级指标":
        subtotal = ("产出指标", None, "小计", None, None, 40, 40, None)
    elif where.startswith("一级指标"):
        subtotal = ("小计", None, None, None, None, 40, 40, None)
    else:
        subtotal = ("产出指标", "数量指标", where, None, None, 40, 40, None)
    workbook, ws = form(rows=[ROWS[0], subtotal, *ROWS[1:]])
    if where.startswith("一级指标"):
        ws.merge_cells("B9:D9")
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    table = result.projects[0]
    assert [i.name for i in table.indicators] == ["培训人次", "参训人员就业率", "参训人员满意度"]
    assert table.score == D("94.50")
    assert not {"weights-total", "values-blank", "total-not-sum"} & {
        f.code for f in result.findings
    }


def test_a_bare_满意度_target_against_a_fraction_is_refused_as_ambiguous(tmp_path):
    """参训人员满意度 ≥90 against 0.93: 93% or 0.93%? Refused (percent-ambiguous) at F10."""
    rows = [
        *ROWS[:2],
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90", 0.93, 10, 10, None),
    ]
    path = saved(form(rows=rows)[0], tmp_path / "t.xlsx")
    with pytest.raises(InputError) as raised:
        scoring.score(path)
    assert raised.value.code == "percent-ambiguous"
    assert "t.xlsx!项目1!F10" in {p.cell for p in raised.value.problems} | {str(raised.value)}


def test_cells_showing_their_formula_s_error_are_refused_where_needed(tmp_path):
    """实际完成值 F9 shows #DIV/0! and 分值 G10 #N/A (formulas that failed, as Excel saved them):
    neither is a value, so the file is refused, both cells named in one message (formula-error).
    Never read as the words '#DIV/0!' against ≥80%, nor as no 分值."""
    workbook, ws = form()
    ws["F9"], ws["G10"] = "#DIV/0!", "#N/A"  # openpyxl stores them as error cells
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert raised.value.code == "formula-error"
    assert [p.cell for p in raised.value.problems] == ["t.xlsx!项目1!F9", "t.xlsx!项目1!G10"]
    assert "F9 shows #DIV/0!" in raised.value.problems[0].message


@pytest.mark.usefixtures("chinese")
def test_a_reason_or_a_filed_score_showing_an_error_is_read_as_not_filled_in(tmp_path):
    """偏差原因 I9 shows #DIV/0! and the filed 得分 H8 #N/A: neither is needed to score, so the
    table scores as ever, 94.50; each is said, and 参训人员就业率 (35.00 of 40) has no reason:
    reason-missing, where the error text would have counted as one."""
    workbook, ws = form()
    ws["I9"], ws["H8"] = "#DIV/0!", "#N/A"
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert result.projects[0].score == D("94.50")
    said = {f.message for f in notes(result) if "公式错误" in f.message}
    assert said == {
        "t.xlsx!项目1!I9 显示公式错误 #DIV/0!：按未填写读取",
        "t.xlsx!项目1!H8 显示公式错误 #N/A：按未填写读取",
    }
    missing = [f.where for f in result.findings if f.code == "reason-missing"]
    assert missing == ["projects[0].indicators[1]"]


def test_a_xls_cell_showing_an_error_is_refused_as_one(tmp_path):
    """The same in a .xls: 实际完成值 F9 an error cell #DIV/0! (xlrd gives its code, 7) is
    refused as the error it shows — not read as an empty cell, a row left blank."""
    xlwt = pytest.importorskip("xlwt")
    _, ws = form()
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("项目1")
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and cell.coordinate != "F9":
                sheet.write(cell.row - 1, cell.column - 1, cell.value)
    sheet.row(8).set_cell_error(5, "#DIV/0!")
    path = tmp_path / "t.xls"
    book.save(str(path))
    with pytest.raises(InputError) as raised:
        scoring.score(path)
    assert raised.value.code == "formula-error"
    assert [p.cell for p in raised.value.problems] == ["t.xls!项目1!F9"]
    assert "F9 shows #DIV/0!" in raised.value.problems[0].message


@pytest.mark.usefixtures("chinese")
def test_a_blank_全年预算数_is_taken_as_the_年初预算数_and_said(tmp_path):
    """全年预算数 D6 left blank beside 年初预算数 100, 全年执行数 95: the rate is 95 / 100, 9.50 —
    as with both filed — and a note says which cell stood for which."""
    workbook, ws = form()
    ws["D6"] = None
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert result.projects[0].execution.score == D("9.50")
    assert result.projects[0].score == D("94.50")
    (said,) = notes(result, "projects[0].budget.adjusted")
    assert said.message == "t.xlsx!项目1!D6 的全年预算数未填写：按年初预算数 100 计"


def test_a_分值_merged_over_two_rows_is_refused(tmp_path):
    """分值 G9:G10 merged, showing 40 (参训人员就业率 40, 参训人员满意度 10 before): read on each row, the
    weights would add up to 40 + 40 + 40 + 10 = 130 and be rescaled — 40 each, or 40 shared? —
    so the file is refused at the range, the fix to unmerge it."""
    workbook, ws = form()
    ws.merge_cells("G9:G10")
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert raised.value.code == "merged-over-rows"
    assert "G9:G10" in str(raised.value) and "分值" in str(raised.value)
    assert [p.cell for p in raised.value.problems] == ["t.xlsx!项目1!G9"]


def test_a_reason_merged_over_two_rows_is_each_row_s(tmp_path):
    """偏差原因 I8:I9 merged, one reason for 培训人次 and 参训人员就业率: each row has it, the score
    is the base 94.50 (35 of 40 for 就业率 with its reason, no reason-missing)."""
    workbook, ws = form()
    ws["I8"] = "就业形势偏紧"
    ws["I9"] = None
    ws.merge_cells("I8:I9")
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert result.projects[0].score == D("94.50")
    assert not any(f.code == "reason-missing" for f in result.findings)


# --- 14. cells formatted out to column Z ---------------------------------------------------------


def test_review_columns_follow_the_last_value_not_the_last_formatted_cell(tmp_path):
    """Borders on A1:Z24, values only in A–I: 复核得分 / 复核意见 in J and K, the print area
    A1:K11 (11 the 总分 row), nothing written in Z or beyond."""
    from openpyxl.styles import Border, Side

    workbook, ws = form()
    thin = Side(style="thin")
    for row in range(1, 25):
        for column in range(1, 27):
            ws.cell(row, column).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    path = saved(workbook, tmp_path / "t.xlsx")
    out = tmp_path / "复核.xlsx"
    review(path, out)
    sheet = openpyxl.load_workbook(out)["项目1"]
    assert (sheet["J7"].value, sheet["K7"].value) == ("复核得分", "复核意见")
    assert sheet["J11"].value == 94.5
    assert all(sheet.cell(r, c).value is None for r in range(1, 25) for c in range(12, 30))
    assert sheet.print_area.replace("$", "").endswith("!A1:K11")


# --- 15. the rest: 指标库, 元, nested 其中, 正向, usage --------------------------------------------


def test_a_visible_指标库_sheet_does_not_refuse_the_workbook(tmp_path):
    workbook, _ = form()
    library = workbook.create_sheet("指标库")
    library.append(["一级指标", "二级指标", "三级指标", "指标解释"])
    library.append(["产出指标", "数量指标", "培训人次", "年度培训人数"])
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert [p.name for p in result.projects] == [PROJECT]
    assert result.projects[0].score == D("94.50")


@pytest.mark.usefixtures("chinese")
def test_amounts_in_元_are_read_as_元(tmp_path):
    """项目资金（元）: 1000000 / 1000000 / 500000 元 = 100 / 100 / 50 万元 → 50% → 5.00; 5 + 85 = 90.00.
    With 公益性岗位补贴 (20 / 20 / 20 万元, 95.00) the department's budget is 120 / 70 万元 and its
    score (90 × 100 + 95 × 20) / 120 = 90.83 — not weighted by a million."""
    workbook, _ = form(
        budget_label="项目资金（元）", budget=(1000000, 1000000, 500000, 5), total=90
    )
    form(workbook, sheet="项目2", name="公益性岗位补贴", budget=(20, 20, 20, 10), total=95)
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    execution = result.projects[0].execution
    assert (execution.planned, execution.adjusted, execution.spent) == (100, 100, 50)
    assert execution.score == D("5.00") and result.projects[0].score == D("90.00")
    assert (result.department.execution.adjusted, result.department.execution.spent) == (120, 70)
    assert result.department.score == D("90.83")
    assert any(
        "元" in f.message and "万元" in f.message for f in notes(result, "projects[0].budget")
    )


def test_nested_其中_rows_are_counted_once(tmp_path):
    """年度资金总额 0 / 0 / 0; 其中：本年财政拨款 100 / 100 / 90, broken down into 其中：中央补助
    60 / 60 / 60 and 县级资金 40 / 40 / 30: the budget is 100 / 100 / 90 (not 140 / 140 / 120),
    90% → 9.00; 9 + 85 = 94.00."""
    parts = [
        ("其中：本年财政拨款", (100, 100, 90)),
        ("  其中：中央补助", (60, 60, 60)),
        ("       县级资金", (40, 40, 30)),
    ]
    workbook, _ = form(budget=(0, 0, 0, 0), parts=parts, total=85)
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    execution = result.projects[0].execution
    assert (execution.planned, execution.adjusted, execution.spent) == (100, 100, 90)
    assert execution.score == D("9.00") and result.projects[0].score == D("94.00")


def test_正向_beside_a_value_written_with_its_sign(tmp_path):
    """The Sichuan form, 高标准农田管护面积: 指标性质 正向 and 指标值 ≥25000 (亩 in 度量单位) is
    ≥25000亩, as 指标性质 ≥ with 25000: 24500 → 15 × 24500 / 25000 = 14.70, the table as built."""
    built = W.sichuan_2023(
        tmp_path / "s.xlsx",
        W.farmland_project(),
        department="某县农业农村局",
        unit="某县农田建设服务中心",
    )
    want = scoring.score(built.path)
    sheet_name, cell = built.cells["projects[0].indicators[0].target"].split("!")
    workbook = openpyxl.load_workbook(built.path)
    ws = workbook[sheet_name]
    op_cell = ws[cell].offset(column=-1)
    assert op_cell.value == "≥"
    op_cell.value = "正向"
    ws[cell].value = "≥25000"
    changed = saved(workbook, tmp_path / "s2.xlsx")
    got = scoring.score(changed)
    row = got.projects[0].indicators[0]
    assert row.target == "≥25000亩" and row.score == D("14.70")
    assert got.projects[0].score == want.projects[0].score


# The Sichuan form (farmland project): row 16 管护设施完好率 | 指标性质 ≥ | 指标值 F16 90 |
# 度量单位 G16 % | 完成值 H16 92 | 权重 15 | 得分 15. The project: 执行率 83.6 / 95 = 88% → 8.80;
# rows 14.70 + 15 + 10 + 10 + 15 + 10.50 + 10 = 85.20; total 94.00.
def _sichuan_rate(tmp_path, target, actual, unit="%", formats=("General", "General")) -> Path:
    """The Sichuan form with 管护设施完好率's 指标值 (F16), 度量单位 (G16) and 完成值 (H16) as
    given, each value cell in its number format."""
    built = W.sichuan_2023(
        tmp_path / "s.xlsx",
        W.farmland_project(),
        department="某县农业农村局",
        unit="某县农田建设服务中心",
    )
    assert built.cells["projects[0].indicators[1].target"] == "项目支出绩效自评表!F16"
    workbook = openpyxl.load_workbook(built.path)
    ws = workbook["项目支出绩效自评表"]
    assert ws["D16"].value == "管护设施完好率" and ws["E16"].value == "≥"
    for cell, value, fmt in (("F16", target, formats[0]), ("H16", actual, formats[1])):
        ws[cell].value, ws[cell].number_format = value, fmt
    ws["G16"].value = unit
    return saved(workbook, tmp_path / "rate.xlsx")


@pytest.mark.parametrize(
    ("target", "actual", "unit", "field", "typed"),
    [
        # ≥0.85% against 80 (80%): met, full marks 15, where 0.85 meant 85% is 80 / 85 × 15 =
        # 14.12. 0.85 in (0, 1] against 80 % (1 % or more): ambiguous, at the 指标值, type 85
        (0.85, 80, "%", "target", "85"),
        (0.9, 92, "%", "target", "90"),  # 0.9 against 92 %: type 90
        ("0.9", 92, "%", "target", "90"),  # typed as text, the same
        (0.9, "92%", "%", "target", "90"),  # the 完成值 written 92%: the same
        (1, 92, "%", "target", "100"),  # 1 is in (0, 1]: 1% or 100%?
        (1.5, 92, "%", "target", "150"),  # in (1, 2) against 50 % or more: 1.5% or 150%?
        (-0.5, -5, "%", "target", "-50"),  # signs aside: |−0.5| in (0, 1], |−5 %| ≥ 1
        (0.9, 92, "百分比", "target", "90"),  # 百分比 is %
        (0.9, 92, "‰", "target", "900"),  # 92‰ is 9.2 % (≥ 1 %): 0.9 meant 90% is 900‰
        # the other way: ≥90% against 0.92, in (0, 1] against 90 %: at the 完成值, type 92
        (90, 0.92, "%", "actual", "92"),
    ],
)
def test_a_fraction_typed_beside_a_percent_unit_is_refused_at_its_cell(
    tmp_path, target, actual, unit, field, typed
):
    """A number typed without % beside 度量单位 % is joined to it (0.85 → 0.85%): against a
    完成值 of 80 it was a fraction more likely than 0.85%, and ≥0.85% gave 80% full marks
    (project 97.67 where 85% gives 96.49). The rule for a bare number against a percentage
    (docs/rulesets.md): refused at the cell, percent-ambiguous, with the fix."""
    path = _sichuan_rate(tmp_path, target, actual, unit)
    with pytest.raises(InputError) as raised:
        scoring.score(path)
    error = raised.value
    cell = "F16" if field == "target" else "H16"
    assert error.code == "percent-ambiguous"
    [problem] = error.problems
    assert problem.cell == f"rate.xlsx!项目支出绩效自评表!{cell}"
    assert problem.where == f"projects[0].indicators[1].{field}"
    assert "管护设施完好率" in (problem.place or "")
    assert f"type {typed} in {cell} or format {cell} as a percentage" in (problem.hint or "")


@pytest.mark.usefixtures("chinese")
def test_a_fraction_beside_a_percent_unit_is_said_in_chinese(tmp_path):
    """The brief's row in Chinese: 指标值 0.85 beside %, 完成值 80 — 0.85% or 85%, and the fix."""
    with pytest.raises(InputError) as raised:
        scoring.score(_sichuan_rate(tmp_path, 0.85, 80))
    [problem] = raised.value.problems
    assert problem.message == (
        "年度指标值 0.85 未带 %，而该行度量单位为 %，实际完成值为 80%：是 0.85% 还是 85%？"
    )
    assert (problem.hint or "").startswith(
        "如果 0.85 是小数比例，请在 F16 填 85，或把 F16 设为百分比格式"
    )


def test_every_fraction_beside_a_percent_unit_is_named_in_one_error(tmp_path):
    """Two such rows, 管护设施完好率 (F16 0.9 against 92) and 受益农户满意度 (F21 0.9 against
    94): one error naming both cells, so that a unit corrects them at once."""
    path = _sichuan_rate(tmp_path, 0.9, 92)
    workbook = openpyxl.load_workbook(path)
    ws = workbook["项目支出绩效自评表"]
    assert ws["D21"].value == "受益农户满意度" and ws["G21"].value == "%"
    ws["F21"].value = 0.9
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "two.xlsx"))
    assert raised.value.code == "percent-ambiguous"
    assert [p.cell for p in raised.value.problems] == [
        "two.xlsx!项目支出绩效自评表!F16",
        "two.xlsx!项目支出绩效自评表!F21",
    ]


@pytest.mark.parametrize(
    ("target", "actual", "formats", "reads", "score", "total"),
    [
        # formatted as percentages: 0.9 shows 90%, 0.8 shows 80%: ≥90% against 80% →
        # 80 / 90 × 15 = 13.333… = 13.33; total 94.00 − 15 + 13.33 = 92.33
        (0.9, 0.8, ("0%", "0%"), ("≥90%", "80%"), "13.33", "92.33"),
        # the fix typed: 85 beside %, 80 → 80 / 85 × 15 = 14.117… = 14.12; total 93.12
        (85, 80, ("General", "General"), ("≥85%", "80"), "14.12", "93.12"),
        # two small rates, as typed: ≥0.5% against 0.3 (0.3%; 0.5 % is under 1 %) →
        # 0.3 / 0.5 × 15 = 9.00; total 94.00 − 15 + 9.00 = 88.00
        (0.5, 0.3, ("General", "General"), ("≥0.5%", "0.3"), "9.00", "88.00"),
        # 0 is 0 either way: ≥0.9% against 0 → 0 / 0.9 × 15 = 0.00; total 79.00
        (0.9, 0, ("General", "General"), ("≥0.9%", "0"), "0.00", "79.00"),
        # a unit other than %: ≥0.9亩 against 92 (a unit's own numbers) → 15; total 94.00
        (0.9, 92, ("General", "General"), ("≥0.9亩", "92"), "15.00", "94.00"),
    ],
)
def test_a_percent_unit_beside_what_is_not_ambiguous_is_read(
    tmp_path, target, actual, formats, reads, score, total
):
    """What reads one way only is scored: a cell formatted as a percentage reads as one (0.9
    formatted 0% is 90%), a number typed on the scale of 100 is that many %, two small rates
    are what they say, 0 is 0 whichever, and a unit other than % joins as it is."""
    unit = "亩" if reads[0].endswith("亩") else "%"
    got = scoring.score(_sichuan_rate(tmp_path, target, actual, unit, formats))
    row = got.projects[0].indicators[1]
    assert (row.target, str(row.actual)) == reads
    assert row.score == D(score) and got.projects[0].score == D(total)


def test_a_workbook_is_not_written_as_xls(tmp_path):
    path = saved(form()[0], tmp_path / "t.xlsx")
    out = tmp_path / "复核.xls"
    run = run_cli("score", str(path), "-f", "xlsx", "-o", str(out))
    assert run.code == 2, run
    assert ".xlsx" in run.err and not out.exists()


def test_template_to_a_toml_file_writes_toml(tmp_path):
    out = tmp_path / "空白.toml"
    run = run_cli("template", "-o", str(out))
    assert run.code == 0, run
    data = out.read_bytes()
    assert not data.startswith(b"PK")  # not a zipped workbook
    parsed = tomllib.loads(data.decode("utf-8"))
    assert "department" in parsed


@pytest.mark.parametrize("year", ["23", "0", "20234"])
def test_template_refuses_a_year_that_is_not_one(tmp_path, year):
    out = tmp_path / "t.xlsx"
    run = run_cli("template", "--year", year, "-o", str(out))
    assert run.code == 2, run
    assert "year" in run.err and not out.exists()


def test_an_eleventh_row_typed_below_总分_in_the_template_is_refused(tmp_path):
    """The template has ten indicator rows (11–20), 总分 on 21, 自评等级 on 22. A unit with eleven
    types the eleventh on row 23: refused, naming 项目1!C23 — not scored without it."""
    template = tmp_path / "空白.xlsx"
    run = run_cli("template", "-o", str(template), "--year", "2023")
    assert run.code == 0, run
    workbook = openpyxl.load_workbook(template)
    workbook["部门"]["B2"] = "某县农业农村局"
    sheet = workbook["项目1"]
    assert sheet["A21"].value == "总分" and sheet["A10"].value == "一级指标"
    sheet["B3"], sheet["B4"] = "高标准农田建设项目", "某县农业农村局"
    sheet["C6"], sheet["D6"], sheet["E6"] = 100, 100, 100
    for index in range(10):
        values = ("产出指标", "数量指标", f"建设任务{index + 1}", "≥10个", "10个", 8, 8)
        for column, value in enumerate(values, start=1):
            sheet.cell(11 + index, column, value)
    eleventh = ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10)
    for column, value in enumerate(eleventh, start=1):
        sheet.cell(23, column, value)
    sheet["G21"] = 100
    path = saved(workbook, tmp_path / "filled.xlsx")
    run = run_cli("score", str(path))
    assert run.code == 2, run
    assert "filled.xlsx!项目1!C23" in run.err, run.err


def test_a_project_sheet_whose_grid_header_was_renamed_is_refused(cli, tmp_path):
    """leting-2023 as a workbook, 项目1's 一级指标 header cell renamed 一级: its rows cannot be
    found. Read without it, the department would score on the two other projects alone —
    (99.71 × 35 + 99.82 × 10) / 45 = 99.73 instead of 99.79 — without a word; refused instead,
    naming the sheet and its 项目名称 label."""
    import openpyxl

    from scoring.excel.write import evaluation_workbook

    source = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
    book = evaluation_workbook(scoring.load(source).data)
    sheet = book["项目1"]
    header = next(row for row in sheet.iter_rows() if row[0].value == "一级指标")
    header[0].value = "一级"
    path = tmp_path / "renamed.xlsx"
    book.save(path)
    run = cli("score", str(path), env={"SCORING_LANG": "zh"})
    assert run.code == 2, run
    assert "renamed.xlsx!项目1!A3：工作表「项目1」写有项目名称，却没有绩效指标表" in run.err
    assert "请按表样恢复绩效指标表的表头行" in run.err
    assert openpyxl.load_workbook(path)["项目2"]  # the others are there: only 项目1 is refused


def test_a_date_cell_where_a_number_is_expected_is_said_as_a_date(tmp_path):
    """实际完成值 F8 a date cell (what Excel made of 3/5 typed): refused as a date, with the fix
    to format the cell as text — not as a number followed by '-03-05' that is no unit."""
    workbook, ws = form()
    ws["F8"] = date(2024, 3, 5)
    ws["F8"].number_format = "yyyy-mm-dd"
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert "'2024-03-05' is a date, where a number is expected" in str(raised.value)
    assert "format the cell as text" in (raised.value.hint or "")


@pytest.mark.usefixtures("chinese")
def test_a_blank_copy_of_the_form_on_a_sheet_of_its_own_is_left_and_said(tmp_path):
    """项目2 copied from the form and never filled in (no 项目名称, no amounts, no rows; its 分值
    10 and 总分 100 came with it): not a project — the department is 项目1's 94.50 — and a note
    says the sheet was not read. With a 项目名称 filled it is a project, refused for its
    missing 全年执行数."""
    workbook, _ = form()
    form(workbook, sheet="项目2", name=None, budget=(None, None, None, None), rows=[], total=None)
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert [p.name for p in result.projects] == [PROJECT]
    assert result.department.score == D("94.50")
    assert [f.message for f in notes(result, "projects") if "项目2" in f.message] == [
        "工作表「项目2」是空白的自评表（未填项目名称、资金和指标），是未填写的表样副本：未读取"
    ]
    workbook["项目2"]["C3"] = "公共就业服务项目"
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "named.xlsx"))
    assert raised.value.code == "budget-missing"


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(
    ("label", "said"), [("产出指标（40分）", False), ("产出指标（50分）", True)]
)
def test_a_weight_in_a_label_is_checked_against_its_rows(tmp_path, label, said):
    """产出指标 labelled 40 or 50 points over 培训人次, 分值 40: the rows are scored as filed
    (94.50 either way); a label that says 50 is a warning naming its cell — a row left out?"""
    rows = [(label, *ROWS[0][1:]), *ROWS[1:]]
    result = scoring.score(saved(form(rows=rows)[0], tmp_path / "t.xlsx"))
    assert result.projects[0].score == D("94.50")
    warned = [f for f in notes(result) if "标明" in f.message]
    if said:
        assert [(f.severity, f.message) for f in warned] == [
            ("warning", "t.xlsx!项目1!B8 标明产出指标 50 分，但其下各行分值合计为 40")
        ]
    else:
        assert warned == []


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(("carried", "said"), [(19, False), (14, True)])
def test_其中_rows_off_their_total_are_a_warning(tmp_path, carried, said):
    """年度资金总额 100 / 100 / 95 over 本年财政拨款 80 / 80 / 76 and 上年结转资金 20 / 20 / carried:
    the total is scored (9.50, 94.50) either way; 76 + 14 = 90, not 95, is a warning naming E6."""
    parts = (("本年财政拨款", (80, 80, 76)), ("上年结转资金", (20, 20, carried)))
    result = scoring.score(saved(form(parts=parts)[0], tmp_path / "t.xlsx"))
    assert result.projects[0].score == D("94.50")
    warned = [f.message for f in notes(result) if "其中各行" in f.message]
    expected = ["其中各行的全年执行数合计为 90，而 t.xlsx!项目1!E6 的年度资金总额为 95"]
    assert warned == (expected if said else [])


def test_a_其中_row_showing_an_error_is_refused_not_summed_as_0(tmp_path):
    """年度资金总额 left blank over 本年财政拨款 80 / 80 / 76 and 上年结转资金 20 / 20 / #REF!: the
    sum would take #REF! as 0 (spent 76, 7.60); refused at E8 instead, as the total itself
    would be."""
    parts = (("本年财政拨款", (80, 80, 76)), ("上年结转资金", (20, 20, "#REF!")))
    workbook, _ = form(budget=(None, None, None, None), parts=parts)
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert raised.value.code == "formula-error"
    assert [p.cell for p in raised.value.problems] == ["t.xlsx!项目1!E8"]


@pytest.mark.usefixtures("chinese")
def test_a_filed_得分_of_the_budget_row_or_the_total_showing_an_error_is_not_filed(tmp_path):
    """The 项目资金 row's 得分 H6 and the 总分's H11 show #DIV/0!: only checked, so read as not
    filed, each said; the table scores 94.50."""
    workbook, ws = form()
    ws["H6"], ws["H11"] = "#DIV/0!", "#DIV/0!"
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert result.projects[0].score == D("94.50")
    assert result.projects[0].filed_score is None
    said = sorted(f.message for f in notes(result) if "公式错误" in f.message)
    assert said == [
        "t.xlsx!项目1!H11 显示公式错误 #DIV/0!：按未填写读取",
        "t.xlsx!项目1!H6 显示公式错误 #DIV/0!：按未填写读取",
    ]


def test_a_row_with_its_values_is_an_indicator_whatever_its_name(tmp_path):
    """培训人次小计 | ≥1000人次 | 1000人次 | 40 | 40: its values are filed, so it is an indicator,
    not a subtotal — the table is the base 94.50 with it, 54.50 and weights 60 without it."""
    rows = [("产出指标", "数量指标", "培训人次小计", *ROWS[0][3:]), *ROWS[1:]]
    result = scoring.score(saved(form(rows=rows)[0], tmp_path / "t.xlsx"))
    names = [i.name for i in result.projects[0].indicators]
    assert names == ["培训人次小计", "参训人员就业率", "参训人员满意度"]
    assert result.projects[0].score == D("94.50")


def test_review_scores_are_shown_to_the_rule_set_s_places(tmp_path):
    """复核得分 of 培训人次 is 40.00 (a whole number) and of 参训人员就业率 35.00, the 总分 94.50:
    each shown as 0.00, as mof-2020 rounds them — not 40 beside 94.50."""
    path = saved(form()[0], tmp_path / "unit.xlsx")
    out = tmp_path / "复核.xlsx"
    review(path, out)
    sheet = openpyxl.load_workbook(out)["项目1"]
    for cell, value in (("J8", 40), ("J9", 35), ("J11", 94.5), ("J6", 9.5)):
        assert (sheet[cell].value, sheet[cell].number_format) == (value, "0.00"), cell
    summary = openpyxl.load_workbook(out)["汇总"]
    (row,) = [r for r in summary.iter_rows() if r[0].value == PROJECT]
    assert (row[4].value, row[4].number_format) == (94.5, "0.00")  # 得分 in 汇总 too
    (score,) = [r for r in summary.iter_rows() if r[0].value == "得分"]
    assert (score[1].value, score[1].number_format) == (94.5, "0.00")  # the department's


def test_a_logical_cell_is_read_as_shown(tmp_path):
    """实际完成值 F8 a logical cell (TRUE, as Excel shows it) against ≥1000人次: refused as the
    word TRUE where a number is expected, with the fix — not as a value of type bool."""
    workbook, ws = form()
    ws["F8"] = True
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert "实际完成值 'TRUE' is not a number" in str(raised.value)
    assert "1000人次" in (raised.value.hint or "")


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("values", [(None, None), ("/", "/"), ("—", "—")])
def test_a_合计_row_above_the_总分_is_a_subtotal(tmp_path, values):
    """满意度指标 | 合计 | values | 10 | 10 below the rows, above the 总分 (94.5): a subtotal — the
    table is 94.50 and its filed total the 总分's 94.5, not the 合计's 10; its values left blank
    or marked / or — alike."""
    subtotal = ("满意度指标", None, "合计", *values, 10, 10, None)
    result = scoring.score(saved(form(rows=[*ROWS, subtotal])[0], tmp_path / "t.xlsx"))
    table = result.projects[0]
    assert [i.name for i in table.indicators] == [r[2] for r in ROWS]
    assert table.score == D("94.50") and table.filed_score == D("94.5")
    assert not any(f.code == "recorded-score-mismatch" for f in result.findings)


@pytest.mark.usefixtures("chinese")
def test_each_label_whose_points_differ_is_its_own_warning(tmp_path):
    """效益指标（30分） over 参训人员就业率 of 40, 满意度指标（20分） over 参训人员满意度 of 10: two
    warnings, one at each label's cell (B9, B10), not one for the table."""
    rows = [ROWS[0], ("效益指标（30分）", *ROWS[1][1:]), ("满意度指标（20分）", *ROWS[2][1:])]
    result = scoring.score(saved(form(rows=rows)[0], tmp_path / "t.xlsx"))
    said = sorted((f.cell, f.message) for f in notes(result) if "标明" in f.message)
    assert said == [
        ("t.xlsx!项目1!B10", "t.xlsx!项目1!B10 标明满意度指标 20 分，但其下各行分值合计为 10"),
        ("t.xlsx!项目1!B9", "t.xlsx!项目1!B9 标明效益指标 30 分，但其下各行分值合计为 40"),
    ]


def test_a_name_showing_an_error_is_refused_a_grade_read_as_not_filed(tmp_path):
    """三级指标 D9 shows #N/A (a name decides how a row reads): refused, formula-error at D9. A
    自评等级 showing #N/A is only checked: read as not filed."""
    workbook, ws = form()
    ws["D9"] = "#N/A"
    with pytest.raises(InputError) as raised:
        scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert raised.value.code == "formula-error"
    assert [p.cell for p in raised.value.problems] == ["t.xlsx!项目1!D9"]
    workbook, ws = form()
    ws.append(["自评等级", None, None, None, None, None, None, "#N/A"])
    result = scoring.score(saved(workbook, tmp_path / "grade.xlsx"))
    assert result.projects[0].filed_grade is None
    assert not any(f.code == "recorded-grade-mismatch" for f in result.findings)


@pytest.mark.usefixtures("chinese")
def test_points_in_labels_over_rows_without_分值_are_said(tmp_path):
    """产出指标（60分） over 培训人次 with no 分值 in any row: the rule set's defaults score the
    rows, not the 60 the form gives — a warning says so at B8."""
    rows = [("产出指标（60分）", *ROWS[0][1:5], None, None, None)]
    rows += [(*row[:5], None, None, row[7]) for row in ROWS[1:]]
    result = scoring.score(saved(form(rows=rows)[0], tmp_path / "t.xlsx"))
    said = [f.message for f in notes(result) if "标明" in f.message]
    assert said == [
        "t.xlsx!项目1!B8 标明产出指标 60 分，但其下各行未填写分值：按规则默认分值计分；"
        "如要按表中分值计分，请为每行填写分值"
    ]


@pytest.mark.usefixtures("chinese")
def test_a_blank_amount_of_the_total_is_the_sum_of_its_其中_rows(tmp_path):
    """年度资金总额 100 / blank / 95 over 本年财政拨款 60 / 70 / 55 and 上年结转资金 40 / 40 / 40: the
    全年预算数 is the parts' 110, said — not the 年初预算数 100 in its place. Execution 10 × 95 /
    110 = 8.636… → 8.64; the table 8.64 + 85 = 93.64."""
    parts = (("本年财政拨款", (60, 70, 55)), ("上年结转资金", (40, 40, 40)))
    workbook, ws = form(parts=parts)
    ws["D6"] = None
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    table = result.projects[0]
    assert (table.execution.adjusted, table.execution.score) == (D("110"), D("8.64"))
    assert table.score == D("93.64")
    said = [f.message for f in notes(result, "projects[0].budget.adjusted")]
    assert said == ["年度资金总额的全年预算数未填写：按其中各行之和 110 计"]


def test_a_filed_得分_merged_over_its_row_and_a_blank_one_is_that_row_s(tmp_path):
    """得分 35 merged over H9:H10, 参训人员就业率's row and a blank row below it: one indicator
    row reads it, so it is that row's filed 得分 (35, as computed: no mismatch)."""
    blank = (None,) * 8
    workbook, ws = form(rows=[ROWS[0], ROWS[1], blank, ROWS[2]])
    ws.merge_cells("H9:H10")
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert [i.filed_score for i in result.projects[0].indicators] == [40, 35, 10]
    assert not [f for f in notes(result) if "H9:H10" in f.message]


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("last", ["总计", "合计"])
def test_a_合计_above_another_total_row_is_a_subtotal(tmp_path, last):
    """满意度指标 | 合计 | 10 | 10 above a last row 总计 (or 合计, as a Sichuan form ends) holding
    100 / 94.5: the later total with its numbers is the total, the first a subtotal — 94.50, the
    filed 94.5 compared with it. A line of words after a 合计 (总分 | 90分以上为优) is no total."""
    subtotal = ("满意度指标", None, "合计", None, None, 10, 10, None)
    workbook, ws = form(rows=[*ROWS, subtotal])
    ws.cell(ws.max_row, 1, last)
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert result.projects[0].score == D("94.50") and result.projects[0].filed_score == D("94.5")
    assert not any(f.code in ("recorded-score-mismatch", "total-not-sum") for f in result.findings)
    workbook, ws = form(total=99)
    ws.cell(ws.max_row, 1, "合计")
    ws.append(["总分", "90分以上为优"])
    result = scoring.score(saved(workbook, tmp_path / "legend.xlsx"))
    assert result.projects[0].filed_score == D("99")  # the 合计 is the total, 99 ≠ 94.50


@pytest.mark.usefixtures("chinese")
def test_a_blank_amount_whose_其中_rows_are_partly_filled_is_not_their_sum(tmp_path):
    """全年预算数 blank over 本年财政拨款 70 / 70 / 60 and 上年结转资金 30 / blank / 30: the parts
    give only 70 of it, so it is not their sum; it is the 年初预算数 100, said — execution
    10 × 90 / 100 = 9.00, not 90 / 70 capped at 10."""
    parts = (("本年财政拨款", (70, 70, 60)), ("上年结转资金", (30, None, 30)))
    workbook, _ = form(budget=(100, None, 90, 9), parts=parts)
    result = scoring.score(saved(workbook, tmp_path / "t.xlsx"))
    assert result.projects[0].execution.score == D("9.00")
    said = [f.message for f in notes(result, "projects[0].budget.adjusted")]
    assert said == ["t.xlsx!项目1!D6 的全年预算数未填写：按年初预算数 100 计"]
