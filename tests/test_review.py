"""Review (复核) through the command line: the review table, and the report text."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import scoring

REPORT = Path(__file__).parent / "data" / "report-2023.txt"


def test_review_table_lists_what_to_send_back(cli, langfang):
    run = cli("check", str(langfang), env={"COLUMNS": "160", "SCORING_LANG": "zh"})
    assert "复核表（自评 11 项：一致 8 项，不一致 3 项）" in run.out
    assert "projects[0].indicators[0].score" in run.out and "-0.38" in run.out
    assert "自评按整数取分" in run.out and "-0.76" in run.out


def test_review_table_in_the_score_summary_and_markdown(cli, langfang):
    assert "复核表" in cli("score", str(langfang), env={"SCORING_LANG": "zh"}).out
    assert "Review (11 filed: 8 agree, 3 differ)" in cli("score", str(langfang)).out


def test_report_figures_and_arithmetic(cli):
    run = cli("check", str(REPORT), "-f", "json")
    assert run.code == 0, run
    (data,) = json.loads(run.out)  # a list, one entry per report
    kinds = {(f["kind"], f["value"]) for f in data["figures"]}
    assert {
        ("budget", 382.31),
        ("spent", 374.11),
        ("execution_rate", 97.86),
        ("project_count", 3),
        ("projects_budget", 65),
        ("projects_spent", 63.62),
        ("projects_rate", 97.88),
    } <= kinds
    assert data["findings"] == []


def test_a_figure_that_does_not_follow(cli, tmp_path):
    altered = tmp_path / "report.txt"
    altered.write_text(REPORT.read_text("utf-8").replace("97.88%", "97.90%"), "utf-8")
    run = cli("check", str(altered), "-f", "json")
    findings = json.loads(run.out)[0]["findings"]
    assert [f["code"] for f in findings] == ["stated-figure-mismatch"]
    assert "63.62 / 65" in findings[0]["message"] and findings[0]["where"].startswith("line ")
    table = cli("check", str(altered))
    assert "stated-figure-mismatch" in table.out and "97.90%" in table.out


def test_report_against_the_table(cli, leting, tmp_path):
    run = cli("check", str(REPORT), "--with", str(leting), "-f", "json")
    assert run.code == 0 and json.loads(run.out)[0]["findings"] == []
    changed = tmp_path / "changed.toml"
    changed.write_text(leting.read_text("utf-8").replace("spent = 9.82", "spent = 9.00"), "utf-8")
    run = cli("check", str(REPORT), "--with", str(changed), "-f", "json")
    codes = [f["code"] for f in json.loads(run.out)[0]["findings"]]
    assert codes and set(codes) == {"report-table-mismatch"}


def test_reports_and_tables_are_not_mixed(cli, leting):
    run = cli("check", str(REPORT), str(leting))
    assert run.code == 2 and "one kind per call" in run.err


def test_a_report_with_no_figure_gets_no_tick(cli, tmp_path, leting):
    """Nothing checked is not "agrees": the view says no figure was found, and no ✓."""
    empty = tmp_path / "memo.txt"
    empty.write_text("会议纪要：请各科室按时报送材料。\n", "utf-8")
    run = cli("check", str(empty), "--with", str(leting))
    # the line starts with both paths: where it wraps depends on how long they are
    said = " ".join(run.out.split())
    assert "no budget, spending, execution rate or other figures found" in said
    assert "✓" not in run.out


def test_a_workbook_named_docx_is_said_to_be_a_workbook(cli, tmp_path, leting):
    """A .xlsx renamed .docx: said in the reader's words, no Python object in the message."""
    from scoring.excel.write import evaluation_workbook

    path = tmp_path / "report.docx"
    evaluation_workbook(scoring.load(leting).data).save(path)
    run = cli("check", str(path), "--with", str(leting))
    assert run.code == 2, run
    assert "an Excel workbook, not a Word document (.docx)" in run.err
    assert "BytesIO" not in run.err and "ValueError" not in run.err


def test_a_pdf_report_is_told_what_a_report_can_be(cli, tmp_path, leting):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    run = cli("check", str(pdf), "--with", str(leting))
    assert run.code == 2, run
    assert "check --with reads a report (.txt, .md, .docx, .html), not .pdf" in run.err
    assert "one kind per call" not in run.err


def test_with_given_twice_is_refused(cli, tmp_path, leting, langfang):
    """A second --with would replace the first without a word: refused, exit 2."""
    run = cli("check", str(REPORT), "--with", str(leting), "--with", str(langfang))
    assert run.code == 2, run
    assert "--with: given twice; a report is checked against one evaluation file" in run.err


def _over_full_marks_with_a_row_not_applicable(first_weight: int) -> dict:
    """Execution 95 / 100 → 9.50; 培训人次 90 / 100 of its weight; 合格率, 就业率, 满意度 met;
    one row not applicable (分值 10) with its reason."""

    def row(name, target, actual, weight, level1="产出指标", level2="数量指标") -> dict:
        return {
            "level1": level1,
            "level2": level2,
            "name": name,
            "target": target,
            "actual": actual,
            "weight": weight,
        }

    rows = [
        row("培训人次", "≥100人次", "90人次", first_weight),
        row("培训合格率", "≥95%", "98%", 30, level2="质量指标"),
        {**row("实训基地建成数", "≥1个", "0个", 10), "applicable": False, "reason": "未立项"},
        row("就业率", "≥80%", "85%", 30, "效益指标", "社会效益指标"),
        row("学员满意度", "≥90%", "92%", 10, "满意度指标", "服务对象满意度指标"),
    ]
    budget = {"planned": 100, "adjusted": 100, "spent": 95}
    return {
        "department": {"name": "某县人社局", "year": 2023, "budget": budget},
        "projects": [{"name": "职业技能培训", "budget": budget, "indicators": rows}],
    }


@pytest.mark.parametrize(
    ("first_weight", "score", "said"),
    [
        # 20 + 30 + 10 + 30 + 10 = 100, with execution 110; the row not applicable's 10 left
        # out, the rest add up to 100: 9.50 + 18 + 30 + 30 + 10 = 97.50, not rescaled
        (
            20,
            Decimal("97.50"),
            "10 of them are on rows not applicable, left out, and the rest "
            "add up to 100: the total is not rescaled",
        ),
        # 30 + 30 + 10 + 30 + 10 = 110, with execution 120; 10 left out, 110 remain:
        # 9.50 + 27 + 30 + 30 + 10 = 106.50 × 100 / 110 = 96.818… → 96.82
        (
            30,
            Decimal("96.82"),
            "10 of them are on rows not applicable, left out, and the total "
            "is rescaled by 100 / 110",
        ),
    ],
)
def test_weights_over_full_marks_with_a_row_not_applicable_say_the_rescaling_made(
    first_weight, score, said
):
    result = scoring.score(_over_full_marks_with_a_row_not_applicable(first_weight))
    assert result.projects[0].score == score
    total = [f.message for f in result.findings if f.code == "weights-total"]
    assert len(total) == 1 and said in total[0], total
