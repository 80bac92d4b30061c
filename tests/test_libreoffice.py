"""The workbooks a reviewer opens, opened in a real spreadsheet program: LibreOffice, headless.

Each workbook is converted to CSV (every sheet, the values LibreOffice shows) and to PDF (the
pages it prints). The tests are skipped, with the reason, where LibreOffice is not installed;
``.ci/run`` installs it (Debian's libreoffice-calc).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

import scoring
from scoring.excel.write import result_workbook, template_workbook, workbook_bytes
from scoring.values import format_decimal

from .conftest import LANGFANG, case_evaluation, run_cli

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc): the workbooks "
    "are not opened in a real spreadsheet program",
)
# every sheet, comma-separated, UTF-8, the values as shown (LibreOffice 7.2 and later)
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
ERRORS = ("#NAME?", "#VALUE!", "#REF!", "Err:", "#DIV/0!")


def open_in_libreoffice(path: Path, target: str, tmp_path: Path) -> list[Path]:
    """``path`` converted by LibreOffice to ``target`` (pdf, or the CSV filter): the files made."""
    out = tmp_path / f"lo-{target[:3]}"
    out.mkdir(parents=True, exist_ok=True)
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
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    made = sorted(out.iterdir())
    assert made, run.stdout + run.stderr
    return made


def sheets_as_shown(path: Path, tmp_path: Path) -> dict[str, list[list[str]]]:
    """Every sheet's cells as LibreOffice shows them, by sheet name."""
    shown = {}
    for made in open_in_libreoffice(path, ALL_SHEETS_CSV, tmp_path):
        name = made.stem.split("-", 1)[1] if "-" in made.stem else made.stem
        with made.open(encoding="utf-8") as handle:
            shown[name] = list(csv.reader(handle))
    return shown


def pages(path: Path, tmp_path: Path) -> int:
    from pypdf import PdfReader

    (pdf,) = open_in_libreoffice(path, "pdf", tmp_path)
    return len(PdfReader(pdf).pages)


def percent_shown(cell: str) -> str:
    """A cell in a percent format as the form prints it, to two places: the CSV filter gives
    the value in full (``86.2037037037037%``), with the sign that says its format is a
    percent."""
    from decimal import ROUND_HALF_UP, Decimal

    assert cell.endswith("%"), cell
    return str(Decimal(cell.removesuffix("%")).quantize(Decimal("0.01"), ROUND_HALF_UP))


def no_errors(shown: dict) -> None:
    for name, rows in shown.items():
        for row in rows:
            for cell in row:
                assert not cell.startswith(ERRORS), (name, row)


@pytest.fixture
def review(tmp_path) -> Path:
    """The reviewed workbook of the Langfang table (filed 9, 9 and 98; the rules 8.62, 8.62 and
    97.24), with text a unit typed that looks like formulas."""
    source = tmp_path / "langfang.toml"
    source.write_text(case_evaluation(LANGFANG), "utf-8")
    data = scoring.load(source).data
    data["projects"][0]["indicators"][2]["reason"] = '=HYPERLINK("http://example.invalid","点此")'
    data["projects"][0]["indicators"][3]["reason"] = "+1 天"
    path = tmp_path / "复核.xlsx"
    path.write_bytes(workbook_bytes(result_workbook(scoring.load(data), scoring.score(data))))
    return path


@pytest.mark.usefixtures("chinese")
def test_the_review_shows_the_computed_scores_and_no_error(review, tmp_path):
    shown = sheets_as_shown(review, tmp_path)
    assert set(shown) == {"汇总", "复核发现", "部门", "项目1"}
    no_errors(shown)
    table = {row[2]: row for row in shown["项目1"] if len(row) > 9 and row[2]}
    assert table["工程资金金额"][6:10] == [
        "9",
        "工程已完工，尾款约 3% 未支付，最高限价也低于预算",
        "8.62",
        "比例计分；自评 9，按规则 8.62（自评按整数取分）",
    ]
    assert table["工程验收合格率"][7] == '=HYPERLINK("http://example.invalid","点此")'  # text
    assert table["项目完成及时率"][7] == "+1 天"
    assert percent_shown(shown["项目1"][5][6]) == "86.20"  # 执行率: 37.24 / 43.2, as scored
    total = next(row for row in shown["项目1"] if row[0] == "总分")
    assert total[8:10] == ["97.24", "等级 优；自评 98，按规则 97.24"]
    findings = [row[1] for row in shown["复核发现"][2:]]
    assert findings.count("自评得分与规则不符") == 3 and "执行率偏低" in findings
    summary = {row[0]: row[1] for row in shown["汇总"] if row}
    assert summary["得分"] == "97.24" and summary["等级"] == "优"


def test_a_one_project_review_prints_one_page_a_sheet(review, tmp_path):
    """汇总, 复核发现, 部门 and the project's 自评表 with its review columns: four pages, the
    table fitted to one page wide and tall enough to be one."""
    assert pages(review, tmp_path) == 4


def test_the_units_own_workbook_returned(tmp_path):
    """A unit's Sichuan 2023 form, returned reviewed: its values as LibreOffice shows them are
    the unit's, and beside them the computed scores."""
    from . import workbook_layouts as layouts

    built = layouts.sichuan_2023(
        tmp_path / "四川.xlsx", layouts.farmland_project(), **layouts.FARMLAND
    )
    out = tmp_path / "复核.xlsx"
    run = run_cli("score", str(built.path), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    before = sheets_as_shown(built.path, tmp_path / "before")
    after = sheets_as_shown(out, tmp_path / "after")
    no_errors(after)
    (sheet,) = before
    width = max(len(row) for row in before[sheet])
    for old, new in zip(before[sheet], after[sheet]):
        assert new[: len(old)] == old  # the unit's cells, as they were
    result = scoring.score(built.path)
    shown_scores = {cell for row in after[sheet] for cell in row[width:]}
    assert format_decimal(result.projects[0].score) in shown_scores
    assert pages(out, tmp_path) == 3  # 汇总, 复核发现, the form on one page


def test_a_converted_workbook_shows_its_execution_rate(tmp_path):
    """``convert`` knows no rule set, so the 执行率 is the form's formula, 全年执行数 /
    全年预算数: LibreOffice computes it on opening, 37.24 / 43.2 = 86.20%."""
    source = tmp_path / "langfang.toml"
    source.write_text(case_evaluation(LANGFANG), "utf-8")
    path = tmp_path / "表.xlsx"
    run = run_cli("convert", str(source), "-o", str(path))
    assert run.code == 0, run
    shown = sheets_as_shown(path, tmp_path)
    no_errors(shown)
    assert shown["项目1"][4][6] == "执行率"
    # 年初预算数, 全年预算数, 全年执行数, and no 分值: the rule set's, which convert does not know
    assert shown["项目1"][5][2:6] == ["43.2", "43.2", "37.24", ""]
    assert percent_shown(shown["项目1"][5][6]) == "86.20"


def test_a_converted_workbook_reviewed_still_shows_its_execution_rate(tmp_path):
    """The converted workbook scored and given back (-f xlsx) keeps convert's 执行率 formula,
    which carries no value until a program computes it: LibreOffice shows 86.20 % there."""
    source = tmp_path / "langfang.toml"
    source.write_text(case_evaluation(LANGFANG), "utf-8")
    converted = tmp_path / "表.xlsx"
    assert run_cli("convert", str(source), "-o", str(converted)).code == 0
    back = tmp_path / "复核.xlsx"
    run = run_cli("score", str(converted), "-f", "xlsx", "-o", str(back))
    assert run.code == 0, run
    shown = sheets_as_shown(back, tmp_path)
    no_errors(shown)
    assert percent_shown(shown["项目1"][5][6]) == "86.20"


def test_the_template_in_libreoffice(tmp_path):
    path = tmp_path / "空白.xlsx"
    path.write_bytes(workbook_bytes(template_workbook(2024, scoring.ruleset("mof-2020"))))
    shown = sheets_as_shown(path, tmp_path)
    no_errors(shown)
    assert set(shown) >= {"部门", "项目1"}
    table = shown["项目1"]
    assert table[0][0] == "项目支出绩效自评表" and table[1][0] == "（2024年度）"
    assert table[5][5] == "10"  # the execution row's 分值
    assert next(row for row in table if row[0] == "总分")[5] == "100"
    assert pages(path, tmp_path) == 2  # 部门 and 项目1; the hidden 指标库 is not printed


def test_a_xls_returned_keeps_the_unit_s_notes_and_hidden_rows(tmp_path):
    """A unit's .xls made by LibreOffice (what WPS and old Excel file), with a note on the
    actual of 培训人次 and a hidden row: the returned .xlsx keeps the note (the review added
    below it where the cell has a finding) and the row hidden."""
    from openpyxl.comments import Comment

    from .test_excel_faults import form, row_of

    workbook, ws = form()
    ws["F8"].comment = Comment("单位备注：含外省学员", "单位")
    ws.append(["说明", "本行仅供打印隐藏"])
    ws.row_dimensions[ws.max_row].hidden = True
    hidden = ws.max_row
    source = tmp_path / "unit.xlsx"
    workbook.save(source)
    (xls,) = open_in_libreoffice(source, "xls", tmp_path)
    out = tmp_path / "复核.xlsx"
    run = run_cli("score", str(xls), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    returned = openpyxl.load_workbook(out)["项目1"]
    assert returned["F8"].comment is not None
    assert returned["F8"].comment.text.startswith("单位备注：含外省学员")
    assert returned.row_dimensions[hidden].hidden
    assert row_of(returned, "培训人次") == 8
