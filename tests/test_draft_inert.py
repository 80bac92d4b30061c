"""User text in a drafted report is shown, never obeyed: a name holding <script>, a Markdown
heading or table cell, a link, control and bidirectional characters stays text in the HTML page,
the Markdown and the Word document."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pytest

import scoring
from scoring.draft import draft

EXAMPLE = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
SCRIPT = "<script>alert(1)</script>"
HEADING = "# 标题"
CONTROLS = "\x1b[2J\u202e"


def hostile() -> dict:
    data = tomllib.loads(EXAMPLE.read_text("utf-8"))
    data["department"]["name"] = f"{SCRIPT}管理委员会"
    project = data["projects"][0]
    project["name"] = f"{HEADING}\n- 列表 | 单元格 [链接](http://example.com/) {CONTROLS}"
    project["goal"] = '<img src=x onerror="alert(2)"> **粗体** `代码` &amp;'
    project["result"] = "</p><h1>假标题</h1>\n---\n1. 条目"
    project["indicators"][1]["name"] = "</td></tr><script>alert(3)</script>"
    project["indicators"][1]["actual"] = "5个"
    project["indicators"][1]["reason"] = "原因\x07\ufffe【待单位补充】"
    return data


@pytest.fixture(scope="module")
def result():
    return scoring.score(hostile())


def test_html_shows_user_text_as_text(result):
    page = draft(result, "html")
    assert "<script" not in page and "<img" not in page and "<h1>假标题" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;管理委员会" in page
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(3)" in page
    assert "\x1b" not in page and "\u202e" not in page and "\x07" not in page
    assert "\\x1b[2J\\u202e" in page
    assert 'onerror="' not in page and "onerror=&quot;alert(2)&quot;" in page


def test_markdown_shows_user_text_as_text(result):
    text = draft(result, "md")
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    for line in text.splitlines():
        assert not line.startswith(("# 标题", "- 列表", "---", "1. 条目")), line
        if line.startswith("|"):  # the user's | is escaped: every row has its columns
            assert line.replace("\\|", "").count("|") in (6, 7, 8, 9), line
    assert "\\# 标题" in text and "\\[链接\\](http://example.com/)" in text
    assert "\\*\\*粗体\\*\\*" in text and "\\`代码\\`" in text
    assert "\x1b" not in text and "\u202e" not in text and "\\x1b" in text


def test_word_shows_user_text_as_text(result):
    from docx import Document

    document = Document(io.BytesIO(draft(result, "docx")))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert f"{SCRIPT}管理委员会" in body  # Word has no markup: the text as written
    assert "\\x1b[2J\\u202e" in body and "\\x07\\ufffe" in cells
    assert "\x1b" not in body + cells and "\x07" not in cells
    assert "</td></tr><script>alert(3)</script>" in cells


def test_checked_html_ignores_what_is_not_text(tmp_path):
    """`check` reads a page's text: a script, a style or a chart is no part of it."""
    from scoring.report_files import html_text

    page = (
        "<html><head><title>x 99 万元</title><style>p{}</style></head><body>"
        "<h1>报告</h1><p>全年预算数 <b>382.31</b> 万元。</p><script>var a='1 万元'</script>"
        "<svg><text>预算 5 万元</text></svg><table><tr><th>项目名称</th><th>全年预算数</th></tr>"
        "<tr><td>甲 | 乙</td><td>20</td></tr></table></body></html>"
    )
    assert html_text(page) == (
        # a blank line after a paragraph, as in Markdown
        "# 报告\n全年预算数 382.31 万元。\n\n| 项目名称 | 全年预算数 |\n|---|---|\n| 甲 ｜ 乙 | 20 |\n\n"
    )


def test_a_pipe_in_a_project_s_name_keeps_the_drafted_markdown_checking_clean(cli, tmp_path):
    """The drafted Markdown writes a `|` in a name as `\\|`; check reads it back as one cell, so
    the report still agrees with its own table (it read the pipe as a column edge, and found
    the department's 19 万元 spent where the row said 20)."""
    data = tomllib.loads(EXAMPLE.read_text("utf-8"))
    data["projects"][0]["name"] = "招商 | 经费 <b>粗体</b>"
    import tomli_w

    source = tmp_path / "piped.toml"
    source.write_text(tomli_w.dumps(data), "utf-8")
    report = tmp_path / "piped.md"
    assert cli("report", str(source), "-o", str(report)).code == 0
    assert "招商 \\| 经费" in report.read_text("utf-8")
    run = cli("check", str(report), "--with", str(source), "-f", "json")
    assert run.code == 0, run
    import json

    assert json.loads(run.out)[0]["findings"] == []


def test_a_combined_summary_checks_clean(cli, tmp_path):
    """A bureau's summary ranks departments in a table (部门 column): each row is another
    department's, so 97.86% (乐亭) and 86.20% (廊坊) are no 前后不一致."""
    summary = tmp_path / "summary.md"
    langfang = Path(__file__).resolve().parent.parent / "examples" / "langfang-2019.toml"
    run = cli("report", str(EXAMPLE), str(langfang), "--combined", "-o", str(summary))
    assert run.code == 0, run
    assert (
        "| 1 | 乐亭县城区工业聚集区管理委员会 | 2023 | 99.79 | 优 | 97.86% |"
        in summary.read_text("utf-8")
    )
    checked = cli("check", str(summary), "-f", "json")
    assert checked.code == 0, checked
    import json

    assert json.loads(checked.out)[0]["findings"] == []


ODD = Path(__file__).resolve().parent / "data" / "report-odd.toml"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_names_with_markup_and_control_characters_read_back_as_themselves(cli, fmt, tmp_path):
    """Names such as `=HYPERLINK("http://x","点我") | # 标题 <script>…` (61 characters) and
    `[链接](javascript:alert(1)) **粗体** `代码` \\x1b[31m红色…` are written inert; check reads
    each back as the table's project (its 320.00 and 600.00 万元 that project's, not the
    department's 1350.50), whatever the format, and finds nothing."""
    out = tmp_path / f"odd.{fmt}"
    assert cli("report", str(ODD), "-o", str(out)).code == 0
    run = cli("check", str(out), "--with", str(ODD), "-f", "json")
    (data,) = json.loads(run.out)
    assert data["findings"] == []
    budgets = {f["value"] for f in data["figures"] if f["kind"] == "project_budget"}
    assert {320, 600} <= budgets
    assert {f["value"] for f in data["figures"] if f["kind"] == "budget"} == {1350.5}
