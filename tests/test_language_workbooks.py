"""A workbook that cannot be read is refused in the user's language: Chinese by default, English
on request — a web page named .xls, an empty file, a damaged part, a password, a row below 总分."""

from __future__ import annotations

import pytest

from .test_bounded_workbooks import SHEET, base
from .test_workbook_mistakes import PAGE, changed, compound, part_changed, written

pytest.importorskip("openpyxl")

CHINESE = {"SCORING_LANG": "zh"}


def said(run) -> str:
    assert run.code == 2, run
    return run.err


@pytest.mark.parametrize(
    ("build", "chinese", "english"),
    [
        pytest.param(
            written("系统导出.xls", PAGE.encode("utf-8")),
            (
                "这是网页（HTML），不是工作簿",
                "→ 请用 Excel 或 WPS 打开并另存为 .xlsx（网上系统导出的网页常以 .xls 命名）",
            ),
            (
                "a web page (HTML), not a workbook",
                "→ open it in Excel or WPS and save it as .xlsx (web systems export pages named "
                ".xls)",
            ),
            id="a web page",
        ),
        pytest.param(
            written("空.xlsx", b""),
            (
                "不是电子表格：文件为空（0 字节）",
                "→ 请用 Excel 或 WPS 重新保存工作簿；复制中断的文件会是空的",
            ),
            (
                "not a spreadsheet: the file is empty (0 bytes)",
                "→ save the workbook again from Excel or WPS; a copy cut short is empty",
            ),
            id="an empty file",
        ),
        pytest.param(
            changed("cut.xlsx", part_changed(SHEET, lambda d: d[: len(d) // 2])),
            (
                "工作簿已损坏：工作表「项目1」不是格式正确的 XML",
                "→ 请用 Excel 或 WPS 打开（它们会尽量修复），保存后重新计分；或重新复制、下载该文件",
            ),
            (
                "the workbook is damaged: the sheet 「项目1」 is not well-formed XML",
                "→ open it in Excel or WPS, which repair what they can, save it and score it "
                "again; or copy or download it again",
            ),
            id="a damaged sheet",
        ),
        pytest.param(
            compound("Workbook", "password.xls", filepass=True),
            (
                "文件设有密码保护",
                "→ 请另存一份不设密码的副本（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，"
                "清空密码；WPS：文件 → 文档加密），再对副本计分",
            ),
            (
                "protected with a password",
                "→ save a copy without one (Excel: File → Info → Protect Workbook → Encrypt with "
                "Password, and clear it; WPS: 文件 → 文档加密) and score the copy",
            ),
            id="a password",
        ),
    ],
)
def test_a_workbook_refused_speaks_the_user_s_language(cli, tmp_path, build, chinese, english):
    path = str(build(tmp_path))
    err = said(cli("score", path, env=CHINESE))
    for words in chinese:
        assert words in err
    assert english[0] not in err
    err = said(cli("--lang", "en", "score", path, env=CHINESE))
    for words in english:
        assert words in err


def test_a_part_of_the_workbook_missing_is_named_in_chinese(cli, tmp_path):
    path = str(changed("cut.xlsx", part_changed("xl/workbook.xml", lambda d: d[:40]))(tmp_path))
    err = said(cli("score", path, env=CHINESE))
    assert "工作簿已损坏：该部件不是格式正确的 XML" in err
    assert "xl/workbook.xml，第 1 行，第" in err


def test_a_workbook_without_a_grid_says_so_in_chinese(cli, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "封面.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "2023年度项目支出绩效自评表"
    workbook.save(path)
    err = said(cli("score", str(path), env=CHINESE))
    assert "没有任何工作表含有绩效指标表（一级指标 / 二级指标 / 三级指标 …）" in err
    assert "→ 每个项目的自评表都需要绩效指标表的表头行" in err
    err = said(cli("--lang", "en", "score", str(path), env=CHINESE))
    assert "no sheet has a 绩效指标 grid (一级指标 / 二级指标 / 三级指标 …)" in err
    assert "→ each project's 自评表 needs the header row of its indicator grid" in err


def test_the_reviewed_workbook_of_two_files_is_refused_in_chinese(cli, tmp_path):
    first = base(tmp_path)
    second = tmp_path / "second.xlsx"
    second.write_bytes(first.read_bytes())
    out = tmp_path / "review.xlsx"
    err = said(cli("score", "-f", "xlsx", "-o", str(out), str(first), str(second), env=CHINESE))
    assert "-f xlsx 每个工作簿只写一份自评表" in err
    assert "→ 请用 -f xlsx -o 输出.xlsx 每次只对一个文件计分" in err
