"""What the workbook reader assumes and how a qualitative word was read are said in the user's
language: Chinese by default, English on request — the notes of a system export (its year, its
department's name and budget, its zeroed 年度资金总额 row), the reading of 有 / 无 and of a word
on a scale, and the list of accepted words when one is refused."""

from __future__ import annotations

import json

import pytest

from . import workbook_layouts as W
from .conftest import CASES, case_evaluation

CHINESE = {"SCORING_LANG": "zh"}


def notes(run) -> dict[str, str]:
    """The read-assumption findings of a JSON result, by where they are."""
    assert run.code == 0, run
    (result,) = json.loads(run.out)
    return {f["where"]: f["message"] for f in result["findings"] if f["code"] == "read-assumption"}


def explanations(run) -> list[str]:
    assert run.code == 0, run
    (result,) = json.loads(run.out)
    return [i["explanation"] for p in result["projects"] for i in p["indicators"]]


@pytest.fixture
def export(tmp_path):
    pytest.importorskip("openpyxl")
    return W.system_export(
        tmp_path / "系统导出.xlsx",
        W.water_project(),
        department=W.WATER["department"],
        unit=W.WATER["unit"],
        codes=W.WATER["codes"],
    ).path


def test_the_reader_s_notes_in_chinese(cli, export):
    said = notes(cli("score", str(export), "-f", "json", env=CHINESE))
    assert said == {
        "department.budget": "部门预算取各项目预算之和（工作簿中没有「部门」表）",
        "department.name": "部门名称取自「项目支出绩效自评表」的主管部门",
        "department.year": "年度取自标题「(2023年度)」",
        "projects[0].budget": (
            "年度资金总额为 0 或未填，按其中各项（其中:本年财政拨款、上年结转资金）之和计；"
            "该行的执行率、得分同为导出时的空值，不作自评得分"
        ),
    }


def test_the_reader_s_notes_in_english(cli, export):
    said = notes(cli("--lang", "en", "score", str(export), "-f", "json", env=CHINESE))
    assert said == {
        "department.budget": (
            "department budget taken as the sum of the projects' budgets (the workbook has no "
            "sheet “部门”)"
        ),
        "department.name": "department name taken from 主管部门 on the sheet “项目支出绩效自评表”",
        "department.year": "year taken from the title “(2023年度)”",
        "projects[0].budget": (
            "the annual total is 0 or empty: read as the sum of the rows it breaks down into "
            "(其中:本年财政拨款, 上年结转资金); that row's execution rate and score are the "
            "export's blanks as well, not a filed score"
        ),
    }


@pytest.mark.parametrize(
    ("case", "chinese", "english"),
    [
        (
            "words-polar",
            [  # the actual said once, not 「有」「有」
                "实际完成值「无」与年度指标值「无重大安全事故」相符",
                "实际完成值「有」与年度指标值「无重大安全事故」相反",
            ],
            [
                "actual value “无” agrees with the target “无重大安全事故”",
                "actual value “有” contradicts the target “无重大安全事故”",
            ],
        ),
        (
            "words-scale-target-middle",
            [
                "实际完成值「好」不低于年度指标值的「较好」",
                "实际完成值「一般」低于年度指标值的「较好」",
            ],
            [
                "actual value “好” is not below the target's level “较好”",
                "actual value “一般” is below the target's level “较好”",
            ],
        ),
    ],
)
def test_how_a_word_was_read(cli, tmp_path, case, chinese, english):
    path = tmp_path / f"{case}.toml"
    path.write_text(case_evaluation(CASES / f"{case}.toml"), "utf-8")
    zh = explanations(cli("score", str(path), "-f", "json", env=CHINESE))
    en = explanations(cli("score", str(path), "-f", "json", "--lang", "en"))
    for text in chinese:
        assert any(text in line for line in zh), zh
    for text in english:
        assert any(text in line for line in en), en
    assert not any("年度指标值" in line for line in en if "“" in line), en


def test_the_accepted_words_when_one_is_refused(cli, tmp_path):
    path = tmp_path / "words-unknown-refused.toml"
    path.write_text(case_evaluation(CASES / "words-unknown-refused.toml"), "utf-8")
    zh = cli("score", str(path), env=CHINESE)
    en = cli("--lang", "en", "score", str(path))
    assert zh.code == en.code == 2
    assert "达成：达成、达成年度指标、" in zh.err, zh
    assert "；部分达成：部分达成、" in zh.err, zh
    assert "；有/无按年度指标值判断（已发生、无、有、未出现、未发生、没有）" in zh.err, zh
    assert "达成: 达成, 达成年度指标, " in en.err, en
    assert "; 部分达成: 部分达成, " in en.err, en
    assert (
        "; yes or no, judged against the target (已发生, 无, 有, 未出现, 未发生, 没有)" in en.err
    ), en


def test_a_row_without_a_name(cli, tmp_path):
    """A row with values and no 三级指标 is read under a name the reader gives it, in the
    user's language, and said so at its cell."""
    pytest.importorskip("openpyxl")
    from .test_excel_faults import ROWS, form, saved

    rows = [ROWS[0], ("效益指标", "可持续影响指标", None, "≥3年", "3年", 10, 10, None), ROWS[2]]
    path = saved(form(rows=rows, total=95.75)[0], tmp_path / "t.xlsx")
    for env, args, name, note in (
        (
            CHINESE,
            (),
            "（未填写指标名称）",
            "t.xlsx!项目1!D9 未填写三级指标名称，按「（未填写指标名称）」读取",
        ),
        (
            CHINESE,
            ("--lang", "en"),
            "(no indicator name)",
            "t.xlsx!项目1!D9 has no indicator name: read as “(no indicator name)”",
        ),
    ):
        run = cli(*args, "score", str(path), "-f", "json", env=env)
        assert notes(run)["projects[0].indicators[1]"].endswith(note), run
        (result,) = json.loads(run.out)
        assert result["projects"][0]["indicators"][1]["name"] == name


def test_the_workbook_returned_is_chinese_under_english(cli, export, tmp_path):
    """-f xlsx under --lang en: the unit's workbook comes back in Chinese — the reader's notes,
    the findings and the explanations in it — while the interface speaks English."""
    import openpyxl

    out = tmp_path / "复核.xlsx"
    run = cli("--lang", "en", "score", str(export), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    sheet = openpyxl.load_workbook(out)["复核发现"]
    said = [str(cell.value) for row in sheet.iter_rows(min_row=3) for cell in row if cell.value]
    assert "年度取自标题「(2023年度)」" in said
    assert not [text for text in said if "taken from" in text or "department budget" in text]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    refused = cli("--lang", "en", "score", str(broken), "-f", "xlsx", "-o", str(out))
    assert refused.code == 2 and "scoring: error:" in refused.err
