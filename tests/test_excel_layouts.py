"""Every real layout of the 自评表 a unit files reads and scores exactly like its TOML.

The workbooks are built by :mod:`tests.workbook_layouts`, cell by cell, in the layouts real
units files come in (modelled on the system export, the 部门整体 table on ``Sheet1``, the official
Sichuan 2023 form, published 决算 workbooks with every project on one sheet, a 封面 sheet), each
as ``.xlsx`` and as ``.xls`` with the same number formats. Each is scored through
:func:`scoring.score` and compared with the evaluation it means, scored the same way: the
department's score, grade and method, every project's and indicator's score, the values read,
and the findings — except the ``read-assumption`` findings the workbook's reading adds, which are
asserted one by one.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal as D

import pytest

import scoring

from . import workbook_layouts as W
from .conftest import LETING, case_evaluation, run_cli

pytest.importorskip("openpyxl")

FORMATS = ["xlsx", "xls"]


@pytest.fixture(autouse=True)
def _xls_writer(request):
    """A .xls is written with xlwt, a test dependency only."""
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and callspec.params.get("fmt") == "xls":
        pytest.importorskip("xlwt")


# --- comparing ---------------------------------------------------------------------------------


def _indicator(i) -> tuple:
    return (
        i.level1,
        i.level2,
        i.name,
        i.target,
        i.actual,
        i.weight,
        i.applicable,
        i.score,
        i.filed_score,
        i.reason,
    )


def _table(t) -> dict:
    e = t.execution
    return {
        "name": t.name,
        "score": t.score,
        "grade": t.grade,
        "filed": (t.filed_score, t.filed_grade),
        "execution": (e.planned, e.adjusted, e.spent, e.rate, e.score, e.filed_score, e.reason),
        "indicators": [_indicator(i) for i in t.indicators],
        "texts": (t.goal, t.result, t.weights_reason),
    }


def _department(d) -> dict:
    e = d.execution
    return {
        "name": d.name,
        "year": d.year,
        "score": d.score,
        "grade": d.grade,
        "method": d.method,
        "filed": (d.filed_score, d.filed_grade),
        "execution": (e.planned, e.adjusted, e.spent, e.score),
        "table": _table(d.table) if d.table is not None else None,
    }


def findings(result, *, skip_cell: str | None = None) -> set:
    """(code, severity, where) of each finding, but for what the reading had to assume."""
    return {
        (f.code, f.severity, f.where)
        for f in result.findings
        if f.code != "read-assumption" and (skip_cell is None or f.cell != skip_cell)
    }


def assumed(result) -> list:
    return [f for f in result.findings if f.code == "read-assumption"]


def assert_assumed(result, expected, *, skip_cell: str | None = None) -> None:
    """The read-assumption findings are exactly the expected ones: each expected ``where``
    (or a key path under it) has one, and there is none elsewhere."""
    found = [f for f in assumed(result) if skip_cell is None or f.cell != skip_cell]

    def under(expected_where: str, where: str) -> bool:
        return where == expected_where or where.startswith(expected_where + ".")

    for where in expected:
        assert any(under(where, f.where) for f in found), (
            f"no read-assumption at {where}",
            [(f.where, f.message) for f in found],
        )
    for f in found:
        assert any(under(where, f.where) for where in expected), (
            f"an unexpected read-assumption at {f.where}: {f.message}"
        )


def assert_like(built: W.Built, *, rules: str = "mof-2020"):
    """The workbook scores exactly like the evaluation it means, reads the same values, and
    adds exactly the read-assumptions of its layout."""
    got = scoring.score(built.path, rules=rules)
    want = scoring.score(built.data(), rules=rules)
    assert _department(got.department) == _department(want.department)
    assert [_table(t) for t in got.projects] == [_table(t) for t in want.projects]
    assert findings(got) == findings(want)
    assert_assumed(got, built.assumed)
    read, meant = scoring.load(built.path), scoring.load(built.data())
    assert _filed_weights_apart(read.department) == meant.department
    assert tuple(map(_filed_weights_apart, read.projects)) == meant.projects
    return got, want


def _filed_weights_apart(part):
    """A department or table as read, its 预算执行率 row's 分值 checked and set apart: the
    layouts print the form's 10 there, which the TOML they mean leaves to the rule set."""
    from dataclasses import replace

    table = getattr(part, "table", None)
    if table is not None:
        part = replace(part, table=_filed_weights_apart(table))
    assert part.budget.weight in (None, 10), part.budget
    return replace(part, budget=replace(part.budget, weight=None))


def build(builder, fmt: str, tmp_path, name: str = "表", **kwargs) -> W.Built:
    return builder(tmp_path / f"{name}.{fmt}", **kwargs)


def _no_traceback(run) -> None:
    assert "Traceback" not in run.err, run
    assert "internal error" not in run.err, run


# --- 1. the system export ----------------------------------------------------------------------


def system(fmt, tmp_path, total_row="zeros", project=None) -> W.Built:
    return W.system_export(
        tmp_path / f"系统导出.{fmt}",
        project or W.water_project(),
        department=W.WATER["department"],
        unit=W.WATER["unit"],
        codes=W.WATER["codes"],
        total_row=total_row,
    )


@pytest.mark.parametrize("total_row", ["zeros", "empty"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_system_export_scores_like_toml(fmt, total_row, tmp_path):
    """The export with its 年度资金总额 row printed 0 0 0 (or empty), the money in 其中 rows,
    coded units, weights in the 一级指标 labels, merged labels, a 二级指标 heading with no
    indicator (经济效益指标), numbers for actuals and a 总分 row."""
    assert_like(system(fmt, tmp_path, total_row))


@pytest.mark.parametrize("total_row", ["zeros", "empty"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_system_export_budget_is_the_sum_of_the_fund_rows(fmt, total_row, tmp_path):
    """本年财政拨款 50 / 48 / 46.2 + 上年结转资金 10 / 10 / 9.5 + 其他资金 (empty): 60 / 58 / 55.7,
    said as a read-assumption at the project's budget; the zeroed row's 得分 0 is part of the
    zeroed print, not a filed 得分 (no score mismatch on the execution row)."""
    built = system(fmt, tmp_path, total_row)
    budget = scoring.load(built.path).projects[0].budget
    assert (budget.planned, budget.adjusted, budget.spent) == (D(60), D(58), D("55.7"))
    assert budget.score is None
    result = scoring.score(built.path)
    assert result.projects[0].execution.score == D("9.60")
    said = [f for f in assumed(result) if f.where.startswith("projects[0].budget")]
    assert said, [(f.where, f.message) for f in assumed(result)]
    assert all(f.cell and f.cell.startswith(f"{built.path.name}!") for f in said)
    assert not [
        f
        for f in result.findings
        if f.code == "recorded-score-mismatch" and f.where == "projects[0].budget"
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_system_export_names_without_codes(fmt, tmp_path):
    """主管部门 ``412-某县水利局`` names the department 某县水利局; 实施单位 ``412001-…本级``
    does not name it; the project's name is read as printed, with no code."""
    built = system(fmt, tmp_path)
    result = scoring.score(built.path)
    assert result.department.name == "某县水利局"
    assert result.projects[0].name == "农村饮水安全工程维修养护"
    assert result.department.year == 2023


@pytest.mark.parametrize("fmt", FORMATS)
def test_system_export_project_name_with_a_code(fmt, tmp_path):
    """A 项目名称 exported with its project code before it is read without the code."""
    project = W.water_project()
    project["name"] = "41200123T000001234567-农村饮水安全工程维修养护"
    built = system(fmt, tmp_path, project=project)
    assert scoring.score(built.path).projects[0].name == "农村饮水安全工程维修养护"


# --- 2. the 部门整体 table on Sheet1 ------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_department_whole_scores_like_toml(fmt, tmp_path):
    built = build(W.department_whole, fmt, tmp_path, department=W.medical_insurance())
    got, _ = assert_like(built)
    assert got.department.method == "table"


@pytest.mark.parametrize("fmt", FORMATS)
def test_department_whole_is_the_departments_own_table(fmt, tmp_path):
    """Named by 部门（单位）名称, never by the sheet (Sheet1); no project; the budget the
    年度资金总额 row of 年度部门整体支出预算, not a 年度主要任务 or 其中 row; filed 总分 and 等级."""
    built = build(W.department_whole, fmt, tmp_path, department=W.medical_insurance())
    read = scoring.load(built.path)
    assert read.department.name == "某县医疗保障局"
    assert read.projects == ()
    assert read.department.table is not None
    budget = read.department.budget
    assert (budget.planned, budget.adjusted, budget.spent, budget.score) == (
        D(980),
        D("1025.6"),
        D("1001.3"),
        D("9.76"),
    )
    assert (read.department.score, read.department.grade) == (D("96.67"), "优")
    assert read.department.table.goal.startswith("守牢医保基金安全底线")
    assert read.department.table.result.startswith("检查定点医药机构全覆盖")
    name_cell = read.locations.get("department.name", read.locations.get("department"))
    assert name_cell == built.cell("department.name")
    result = scoring.score(built.path)
    assert result.department.name == "某县医疗保障局"
    assert (result.department.score, result.department.grade) == (D("96.67"), "优")


# --- 3. the Sichuan 2023 form -------------------------------------------------------------------


def sichuan(fmt, tmp_path, project=None) -> W.Built:
    return W.sichuan_2023(tmp_path / f"四川.{fmt}", project or W.farmland_project(), **W.FARMLAND)


@pytest.mark.parametrize("rules", ["mof-2020", "sichuan-2023"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_sichuan_form_scores_like_toml(fmt, rules, tmp_path):
    assert_like(sichuan(fmt, tmp_path), rules=rules)


@pytest.mark.parametrize("fmt", FORMATS)
def test_sichuan_form_without_reasons_scores_like_toml(fmt, tmp_path):
    """The same form with 原因 and 未完成原因分析 left empty: the reasons are missing in both."""
    project = W.farmland_project()
    del project["budget"]["reason"]
    for row in project["indicators"]:
        row.pop("reason", None)
    built = sichuan(fmt, tmp_path, project)
    got, _ = assert_like(built, rules="sichuan-2023")
    assert {f.where for f in got.findings if f.code == "reason-missing"} >= {
        "projects[0].indicators[0]",
        "projects[0].indicators[5]",
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_sichuan_form_reads_budget_names_and_texts(fmt, tmp_path):
    """总额 80 / 95 / 83.6 with 得分 8.8 and its 原因; the project named without its code;
    the department named by 主管部门 (not 实施单位（盖章）); goal and result from 项目年度目标 and
    年度目标完成情况; seven rows — 合计, 评价结论, 存在问题, 改进措施 are not indicators."""
    built = sichuan(fmt, tmp_path)
    read = scoring.load(built.path)
    project = read.projects[0]
    assert project.name == "2023年高标准农田管护补助资金"
    assert read.department.name == "某县农业农村局"
    budget = project.budget
    assert (budget.planned, budget.adjusted, budget.spent, budget.score) == (
        D(80),
        D(95),
        D("83.6"),
        D("8.8"),
    )
    assert budget.reason == W.farmland_project()["budget"]["reason"]
    assert project.goal == W.farmland_project()["goal"]
    assert project.result == W.farmland_project()["result"]
    assert project.score == D(94)
    assert len(project.indicators) == 7
    assert [i.weight for i in project.indicators] == [D(w) for w in (15, 15, 10, 10, 15, 15, 10)]
    assert read.locations["projects[0].budget.reason"] == built.cell("projects[0].budget.reason")


@pytest.mark.parametrize("rules", ["mof-2020", "sichuan-2023"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_sichuan_form_reasons_are_read(fmt, rules, tmp_path):
    """未完成原因分析 is each row's reason and 原因 the budget's: no reason-missing on the two
    rows below full marks that give one, nor on execution at 88% (explained)."""
    built = sichuan(fmt, tmp_path)
    read = scoring.load(built.path).projects[0]
    assert [i.reason for i in read.indicators] == [
        r.get("reason", "") for r in W.farmland_project()["indicators"]
    ]
    result = scoring.score(built.path, rules=rules)
    assert not [f for f in result.findings if f.code == "reason-missing"]
    assert not [
        f
        for f in result.findings
        if f.code == "adjustment-unexplained" and f.where.startswith("projects[0]")
    ]
    assert result.projects[0].execution.reason == W.farmland_project()["budget"]["reason"]


# --- 4. several project tables on one sheet -----------------------------------------------------


STACKED_STYLES = {"plain": W.Style(), "system": W.Style(system=True, label_weights=True)}


def stacked(fmt, tmp_path, style="plain") -> W.Built:
    chosen = STACKED_STYLES[style]
    projects = W.culture_projects()
    if chosen.system:  # the export itemises the money: all of it 本年财政拨款
        for project in projects:
            budget = project.pop("budget")
            amounts = tuple(budget[k] for k in ("planned", "adjusted", "spent"))
            project["funds"] = {"本年财政拨款": amounts, "上年结转资金": None, "其他资金": None}
            if "reason" in budget:
                project["budget"] = {"reason": budget["reason"]}
    return W.stacked(
        tmp_path / f"决算.{fmt}",
        projects,
        **W.CULTURE,
        style=chosen,
        codes=("417", "417003") if chosen.system else None,
    )


@pytest.mark.parametrize("style", STACKED_STYLES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_stacked_projects_score_like_toml(fmt, style, tmp_path):
    assert_like(stacked(fmt, tmp_path, style))


@pytest.mark.parametrize("fmt", FORMATS)
def test_stacked_projects_in_order_each_with_its_cells(fmt, tmp_path):
    """Three projects, in the order of the sheet, each value at its own table's cell."""
    built = stacked(fmt, tmp_path)
    read = scoring.load(built.path)
    assert [p.name for p in read.projects] == [p["name"] for p in W.culture_projects()]
    assert [(p.score, p.grade) for p in read.projects] == [
        (D("99.7"), "优"),
        (D(95), "优"),
        (D("99.78"), "优"),
    ]
    assert read.projects[1].weights_reason == "本项目无满意度指标，其10分并入产出指标"
    for where in (
        "projects[0].indicators[3].actual",
        "projects[1].budget.reason",
        "projects[1].indicators[0].reason",
        "projects[2].indicators[0].actual",
        "projects[2].score",
    ):
        assert read.locations[where] == built.cell(where), where
    assert read.department.name == W.CULTURE["department"]
    budget = read.department.budget
    assert (budget.planned, budget.adjusted, budget.spent) == (D(170), D(175), D("167.9"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_stacked_leting(fmt, tmp_path):
    """The published 乐亭 2023 tables, all three on one sheet, with their 分值调整说明."""
    data = tomllib.loads(case_evaluation(LETING), parse_float=D)
    built = W.stacked(
        tmp_path / f"leting.{fmt}",
        data["projects"],
        department=data["department"]["name"],
        unit=data["department"]["name"],
    )
    built.evaluation["department"]["budget"] = {
        "planned": D(65),
        "adjusted": D(65),
        "spent": D("63.62"),
    }
    got, _ = assert_like(built)
    assert [p.score for p in got.projects] == [D("99.90"), D("99.71"), D("99.82")]


# --- 5. a 封面 sheet naming the implementing unit ----------------------------------------------


@pytest.mark.parametrize("cover", ["cells", "colon"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_cover_sheet_scores_like_toml(fmt, cover, tmp_path):
    built = W.with_cover(tmp_path / f"封面.{fmt}", W.hospital_project(), **W.HEALTH, cover=cover)
    assert_like(built)


@pytest.mark.parametrize("cover", ["cells", "colon"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_cover_sheet_unit_is_not_the_department(fmt, cover, tmp_path):
    """封面's 单位名称 is 某县人民医院, the implementing unit; the department is the 主管部门,
    某县卫生健康局, as assumed from the project's sheet; the cover is no project and its
    填报日期 (2024年) is not the year."""
    built = W.with_cover(tmp_path / f"封面.{fmt}", W.hospital_project(), **W.HEALTH, cover=cover)
    result = scoring.score(built.path)
    assert result.department.name == "某县卫生健康局"
    assert result.department.year == 2023
    assert [p.name for p in result.projects] == ["县级公立医院服务能力提升"]
    named = [f for f in assumed(result) if f.where == "department.name"]
    assert named and all(f.cell and f.cell.split("!")[1] == "项目1" for f in named), named


@pytest.mark.parametrize("fmt", FORMATS)
def test_money_as_text_in_project_tables_only(fmt, tmp_path):
    """项目资金 typed as text with its unit (``200万元``, ``1,880,000元``) in a workbook of
    project tables only: the department's budget, the sum of its projects', is summed from the
    amounts as read, never from the raw text."""
    project = W.hospital_project()
    project["budget"].update(planned="200万元", adjusted="200万元", spent="1,880,000元")
    built = W.single(tmp_path / f"金额.{fmt}", project, **W.HEALTH)
    built.evaluation["department"]["budget"] = {
        "planned": D(200),
        "adjusted": D(200),
        "spent": D(188),
    }
    got, _ = assert_like(built)
    assert got.department.execution.spent == D(188)


# --- 6. grid variants ---------------------------------------------------------------------------

GRID_VARIANTS = {
    "指标名称": W.Style(name_title="指标名称"),
    "指标内容": W.Style(name_title="指标内容"),
    "numbered-names": W.Style(numbered=True),
    "wrapped-labels": W.Style(wrapped=True),
    "weight-percent": W.Style(weight_title="权重（%）"),
    "all-of-them": W.Style(
        name_title="指标内容",
        numbered=True,
        wrapped=True,
        weight_title="权重（%）",
        label_weights=True,
    ),
}


def grid_variant(fmt, tmp_path, variant) -> W.Built:
    return W.single(
        tmp_path / f"指标.{fmt}", W.housing_project(), **W.HOUSING, style=GRID_VARIANTS[variant]
    )


@pytest.mark.parametrize("variant", GRID_VARIANTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_grid_variant_scores_like_toml(fmt, variant, tmp_path):
    assert_like(grid_variant(fmt, tmp_path, variant))


@pytest.mark.parametrize("fmt", FORMATS)
def test_grid_variant_reads_names_labels_and_weights(fmt, tmp_path):
    """指标1：改造小区个数 is 改造小区个数; 产出\\n指标 is 产出指标 and 服务对象\\n满意度指标 is
    服务对象满意度指标; 15% under 权重（%） is 15 points."""
    built = grid_variant(fmt, tmp_path, "all-of-them")
    rows = scoring.load(built.path).projects[0].indicators
    plain = W.housing_project()["indicators"]
    assert [i.name for i in rows] == [r["name"] for r in plain]
    assert [(i.level1, i.level2) for i in rows] == [(r["level1"], r["level2"]) for r in plain]
    assert [i.weight for i in rows] == [D(15), D(15), D(10), D(10), D(30), D(10)]
    assert rows[5].level2 == "服务对象满意度指标"


# --- 7. formulas saved without their value ------------------------------------------------------


# How a program saves a formula it did not calculate: openpyxl writes <f>…</f><v/> (an empty
# value), others leave <v> out.
SAVED = ["openpyxl", "no-value-element"]


def _with_formula(tmp_path, where: str, formula: str, saved: str) -> W.Built:
    """The 城镇老旧小区改造 table, one value a formula saved with no cached value."""
    project = W.housing_project()
    index, key = where.split(".")
    project["indicators"][int(index[len("indicators[") : -1])][key] = W.Formula(formula)
    built = W.single(tmp_path / "公式.xlsx", project, **W.HOUSING)
    if saved == "no-value-element":
        W.drop_empty_values(built.path)
    return built


@pytest.mark.parametrize("saved", SAVED)
def test_formula_in_actual_is_refused_with_its_cell(saved, tmp_path):
    """实际完成值 of 开工率 is =ROUND(23/24,4), never opened in Excel, so no value was saved:
    refused (exit 2) naming the cell and saying it is a formula without a saved value — never
    read as an empty actual."""
    built = _with_formula(tmp_path, "indicators[2].actual", "=ROUND(23/24,4)", saved)
    address = built.cell("projects[0].indicators[2].actual")
    assert address == "公式.xlsx!项目1!F12"
    run = run_cli("score", str(built.path))
    assert run.code == 2, run
    _no_traceback(run)
    assert address in run.err
    assert "formula" in run.err.lower()
    with pytest.raises(scoring.InputError) as caught:
        scoring.score(built.path)
    named = [p for p in caught.value.problems if p.cell == address]
    assert named, [(p.cell, p.message) for p in caught.value.problems]
    assert "formula" in (named[0].message + (named[0].hint or "")).lower()
    assert "empty" not in named[0].message.lower()


@pytest.mark.parametrize("saved", SAVED)
def test_formula_in_filed_score_is_scored_with_a_finding(saved, tmp_path):
    """得分 of 改造小区个数 is =15*11/12 with no saved value: the table is scored (that row as
    if no 得分 were filed), and a finding names the cell."""
    built = _with_formula(tmp_path, "indicators[0].score", "=15*11/12", saved)
    address = built.cell("projects[0].indicators[0].score")
    got = scoring.score(built.path)
    want = scoring.score(built.data())
    assert "score" not in built.evaluation["projects"][0]["indicators"][0]
    assert _department(got.department) == _department(want.department)
    assert [_table(t) for t in got.projects] == [_table(t) for t in want.projects]
    assert findings(got, skip_cell=address) == findings(want)
    assert_assumed(got, built.assumed, skip_cell=address)
    assert [f for f in got.findings if f.cell == address], [
        (f.code, f.cell, f.message) for f in got.findings
    ]


def _converted_with_formula(cli, tmp_path, leting, sheet: str, cell: str, label: str, saved):
    """The 乐亭 table converted to a workbook, its 全年执行数 at ``cell`` of ``sheet`` (titled at
    ``label``) made a formula saved with no value, as ``saved`` says."""
    import openpyxl

    converted = tmp_path / "乐亭.xlsx"
    assert cli("convert", str(leting), "-o", str(converted)).code == 0
    workbook = openpyxl.load_workbook(converted)
    assert workbook[sheet][label].value.startswith("全年执行数")
    workbook[sheet][cell] = "=ROUND(37.24*0.98,2)"
    workbook.save(converted)
    if saved == "no-value-element":
        W.drop_empty_values(converted)
    return converted


@pytest.mark.parametrize("saved", SAVED)
def test_formula_in_a_budget_amount_is_said_as_a_formula(saved, cli, tmp_path, leting):
    """全年执行数 of the 项目资金 row (项目1!E6) is a formula with no saved value: refused as a
    formula to recalculate, at its cell — not as an amount the row does not fill in."""
    converted = _converted_with_formula(cli, tmp_path, leting, "项目1", "E6", "E5", saved)
    run = cli("--lang", "en", "score", str(converted))
    assert run.code == 2, run
    assert "乐亭.xlsx!项目1!E6" in run.err and "formula" in run.err, run.err
    assert "has no 全年执行数" not in run.err


@pytest.mark.parametrize("saved", SAVED)
def test_formula_in_the_department_budget_is_said_as_a_formula(saved, cli, tmp_path, leting):
    """The 部门 sheet's 全年执行数 (部门!B6) is a formula with no saved value: refused as one, at
    its cell — not as a key `spent` missing from the department's budget."""
    converted = _converted_with_formula(cli, tmp_path, leting, "部门", "B6", "A6", saved)
    run = cli("--lang", "en", "score", str(converted))
    assert run.code == 2, run
    assert "乐亭.xlsx!部门!B6" in run.err and "formula" in run.err, run.err
    assert "`spent`" not in run.err


def test_a_blank_project_name_is_taken_from_the_sheet_and_said(cli, tmp_path, leting):
    """项目1!B3 (项目名称) left empty: the sheet's name is the project's, and a read-assumption
    says so — never a name taken without a word."""
    import openpyxl

    converted = tmp_path / "乐亭.xlsx"
    assert cli("convert", str(leting), "-o", str(converted)).code == 0
    workbook = openpyxl.load_workbook(converted)
    assert workbook["项目1"]["A3"].value == "项目名称"
    workbook["项目1"]["B3"] = None
    workbook.save(converted)
    result = scoring.score(converted)
    assert result.projects[0].name == "项目1"
    said = [f for f in result.findings if f.code == "read-assumption" and "项目1" in f.message]
    assert said and "项目名称" in said[0].message, [f.message for f in result.findings]


# --- 8. .xls keeps its number formats -----------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_percent_formats_score_like_toml(fmt, tmp_path):
    """Targets and actuals typed as 1, 0.987, 0.9755, 0.93 under 0% / 0.0% / 0.00% formats
    read as 100%, 98.7%, 97.55%, 93% — in a .xls as in a .xlsx."""
    built = W.single(tmp_path / f"营养.{fmt}", W.nutrition_project(), **W.SCHOOL)
    assert_like(built)
    rows = scoring.load(built.path).data["projects"][0]["indicators"]
    assert [(r["target"], r["actual"]) for r in rows[1:]] == [
        ("100%", "100%"),
        ("≥98%", "98.7%"),
        ("100%", "97.55%"),
        ("≥92%", "93%"),
        ("≥90%", "95%"),
    ]


def test_xls_scores_exactly_like_xlsx(tmp_path):
    """The same table as .xls and .xlsx: the same result, to every number."""
    pytest.importorskip("xlwt")
    results = [
        scoring.score(W.single(tmp_path / f"营养.{fmt}", W.nutrition_project(), **W.SCHOOL).path)
        for fmt in FORMATS
    ]
    assert _department(results[0].department) == _department(results[1].department)
    assert [_table(t) for t in results[0].projects] == [_table(t) for t in results[1].projects]
    assert findings(results[0]) == findings(results[1])


def _every_cell_in_one_error(built: W.Built, cells: list[str]) -> None:
    run = run_cli("score", str(built.path))
    assert run.code == 2, run
    _no_traceback(run)
    for address in cells:
        assert address in run.err, (address, run.err)
    with pytest.raises(scoring.InputError) as caught:
        scoring.score(built.path)
    assert {p.cell for p in caught.value.problems} >= set(cells)


def test_xls_every_unreadable_cell_in_one_error(tmp_path):
    """Points and money in words in one .xls — a 分值, a 得分, a 全年执行数 — are one error
    listing every cell."""
    pytest.importorskip("xlwt")
    project = W.nutrition_project()
    project["indicators"][5]["weight"] = "十分"
    project["indicators"][1]["score"] = "满分"
    project["budget"]["spent"] = "三百五十一万"
    built = W.single(tmp_path / "错.xls", project, **W.SCHOOL)
    _every_cell_in_one_error(
        built,
        [
            built.cell("projects[0].indicators[5].weight"),
            built.cell("projects[0].indicators[1].score"),
            built.cell("projects[0].budget.spent"),
        ],
    )


def test_xls_every_refused_value_in_one_error(tmp_path):
    """Values refused in one .xls — a word where a number is due, two bare fractions against
    % targets (typed without the % format) — are one error listing every cell, not one cell
    per run."""
    pytest.importorskip("xlwt")
    project = W.nutrition_project()
    rows = project["indicators"]
    rows[0]["actual"] = "很多"
    rows[2]["actual"] = D("0.987")
    rows[4]["actual"] = D("0.93")
    built = W.single(tmp_path / "错.xls", project, **W.SCHOOL)
    _every_cell_in_one_error(
        built,
        [
            built.cell("projects[0].indicators[0].actual"),
            built.cell("projects[0].indicators[2].actual"),
            built.cell("projects[0].indicators[4].actual"),
        ],
    )


@pytest.mark.parametrize("mark", ["/", "—", None])
def test_system_export_with_an_amount_in_no_fund_row_stands_for_it_as_filed(mark, tmp_path):
    """The zeroed 年度资金总额 with its 全年预算数 filed in no 其中 row (/, — or blank): not 0 —
    the 年初预算数 stands for it, 50 + 10 = 60, and the 执行率 is 55.7 / 60 = 92.83% → 9.28 (it
    was 0 and budget-zero)."""
    import openpyxl

    built = system("xlsx", tmp_path)
    workbook = openpyxl.load_workbook(built.path)
    for label in ("本年财政拨款", "上年结转资金"):
        sheet, cell = built.cells[f"projects[0].funds.{label}.adjusted"].split("!")
        workbook[sheet][cell] = mark
    workbook.save(built.path)
    budget = scoring.load(built.path).projects[0].budget
    assert (budget.planned, budget.adjusted, budget.spent) == (D(60), D(60), D("55.7"))
    result = scoring.score(built.path)
    assert result.projects[0].execution.score == D("9.28")
    assert "budget-zero" not in {f.code for f in result.findings}


def test_system_export_s_execution_points_on_the_zeroed_row_are_read(tmp_path):
    """The 分值 of the 预算执行率 row printed on the zeroed 年度资金总额 row is the form's: 20
    there under mof-2020 is said (execution-weight-filed), the row scored on 10 as before."""
    import openpyxl

    built = system("xlsx", tmp_path)
    workbook = openpyxl.load_workbook(built.path)
    sheet = workbook.worksheets[0]
    row = next(c.row for r in sheet.iter_rows() for c in r if c.value == "年度资金总额:")
    assert sheet.cell(row, 6).value == 10
    sheet.cell(row, 6).value = 20
    workbook.save(built.path)
    result = scoring.score(built.path)
    said = [f for f in result.findings if f.code == "execution-weight-filed"]
    assert [f.where for f in said] == ["projects[0].budget.weight"]
    assert result.projects[0].execution.score == D("9.60")


def test_system_export_with_one_fund_row_not_adjusted_takes_its_own_budget(tmp_path):
    """上年结转资金 10 / — / 9.5 under a zeroed 年度资金总额: the part's 年初预算数 stands for its
    全年预算数, 48 + 10 = 58, said at its cell; 55.7 / 58 = 96.03% → 9.60 (summed as 0 it was
    48, and 55.7 / 48 spent over the budget)."""
    import openpyxl

    built = system("xlsx", tmp_path)
    workbook = openpyxl.load_workbook(built.path)
    sheet, cell = built.cells["projects[0].funds.上年结转资金.adjusted"].split("!")
    workbook[sheet][cell] = "—"
    workbook.save(built.path)
    budget = scoring.load(built.path).projects[0].budget
    assert (budget.planned, budget.adjusted, budget.spent) == (D(60), D(58), D("55.7"))
    result = scoring.score(built.path)
    assert result.projects[0].execution.score == D("9.60")
    said = [f for f in result.findings if cell in (f.message or "")]
    assert len(said) == 1 and "年初预算数" in said[0].message


def test_system_export_with_one_fund_row_s_spending_missing_is_refused(tmp_path):
    """本年财政拨款's 全年执行数 left blank: the batch's spending is not known — refused, not
    summed as 0 (46.2 missing from 55.7)."""
    import openpyxl

    built = system("xlsx", tmp_path)
    workbook = openpyxl.load_workbook(built.path)
    sheet, cell = built.cells["projects[0].funds.本年财政拨款.spent"].split("!")
    workbook[sheet][cell] = None
    workbook.save(built.path)
    with pytest.raises(scoring.InputError) as refused:
        scoring.load(built.path)
    assert refused.value.code == "budget-missing"
