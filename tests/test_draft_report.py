"""The drafted 自评报告 (scoring report): its figures are the scored evaluation's, it passes
`scoring check` in every format, its issues come from the findings, and a user's mistakes are
named without a traceback."""

from __future__ import annotations

import datetime
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

import scoring
from scoring.draft import draft, draft_combined
from scoring.report import extract
from scoring.report_files import read_report

EXAMPLE = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
DAY = datetime.date(2024, 4, 9)


@pytest.fixture(scope="module")
def example():
    return scoring.score(EXAMPLE)


def _figures(text: str) -> dict[str, Decimal | None]:
    """The first figure of each kind the report states, as `scoring check` reads them."""
    found: dict[str, Decimal | None] = {}
    for figure in extract(text):
        found.setdefault(figure.kind, figure.value)
    return found


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_overview_states_the_seed_departments_figures(example, fmt, tmp_path):
    """382.31 万元 budgeted, 374.11 spent, 97.86 %, 3 projects of 65 万元, as the seed report."""
    data = draft(example, fmt, ruleset=scoring.ruleset(), date=DAY)
    path = tmp_path / f"report.{fmt}"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    text = read_report(path)
    overview = text[text.index("# 一、部门整体概况") : text.index("# 二、绩效目标")]
    for words in ("全年预算数 382.31 万元", "全年执行数 374.11 万元", "预算执行率 97.86%",
                  "预算项目 3 个", "全年预算数合计 65.00 万元", "全年执行数合计 63.62 万元"):  # fmt: skip
        assert words in overview, words
    figures = _figures(text)
    assert figures["budget"] == Decimal("382.31")
    assert figures["spent"] == Decimal("374.11")
    assert figures["execution_rate"] == Decimal("97.86")
    assert figures["project_count"] == 3
    assert figures["projects_budget"] == 65
    assert figures["projects_spent"] == Decimal("63.62")
    assert figures["department"] is None and figures["year"] == 2023


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("source", ["example", "langfang"])
def test_the_drafted_report_passes_check_with_no_finding(cli, langfang, fmt, source, tmp_path):
    evaluation = EXAMPLE if source == "example" else langfang
    out = tmp_path / f"report.{fmt}"
    made = cli("report", str(evaluation), "-f", fmt, "-o", str(out))
    assert made.code == 0, made
    run = cli("check", str(out), "--with", str(evaluation), "-f", "json")
    assert run.code == 0, run
    (review,) = json.loads(run.out)  # a list, one entry per report
    assert review["findings"] == [], review["findings"]
    kinds = {figure["kind"] for figure in review["figures"]}
    assert {"year", "budget", "spent", "execution_rate", "project_count"} <= kinds
    if source == "example":  # check names a department it knows by its ending (…管理委员会)
        assert "department" in kinds


def test_every_section_is_there_in_order(example):
    text = draft(example, "md", date=DAY)
    titles = ["一、部门整体概况", "二、绩效目标和指标设定情况", "三、绩效评价组织情况",
              "四、绩效实现情况分析", "五、存在问题", "六、改进措施", "附表"]  # fmt: skip
    places = [text.index(f"## {title}") for title in titles]
    assert places == sorted(places)
    for project in example.projects:
        assert text.count(project.name) >= 4  # 一 (table), 二, 四, 附表
    assert "2024 年 4 月 9 日" in text
    assert "mof-2020" in text and "99.79" in text and "“优”" in text
    assert "这是一种约定做法" in text  # the department's score from projects is a convention


def _troubled() -> dict:
    """The example with slow spending, a missed target without a reason, and an actual far
    above its target."""
    import tomllib

    data = tomllib.loads(EXAMPLE.read_text("utf-8"))
    project = data["projects"][0]
    project["budget"]["spent"] = "15"  # 75 % of 20
    project["indicators"][1]["actual"] = "5个"  # target ≥7个
    data["projects"][2]["indicators"][0]["actual"] = "150%"  # target ≥90%
    return data


def test_problems_and_measures_are_drafted_from_the_findings():
    result = scoring.score(_troubled())
    text = draft(result, "md", ruleset=scoring.ruleset(), date=DAY)
    problems = text[text.index("## 五、存在问题") : text.index("## 六、改进措施")]
    measures = text[text.index("## 六、改进措施") : text.index("## 附表")]
    assert "预算执行偏慢。招商经费支出进度为全年预算数的 75.00%" in problems
    assert "低于 90% 的要求" in problems
    assert "「新落地开工项目数」（年度指标值 ≥7个，实际完成值 5个）" in problems
    assert "偏差原因未说明：招商经费的「预算执行率」、招商经费的「新落地开工项目数」" in problems
    assert "「综合事务指标完成率」（年度指标值 ≥90%，实际完成值 150%）" in problems
    assert problems.count("【待单位补充") >= 3
    for start in (
        "加快预算执行",
        "抓好未达标指标的整改",
        "补齐偏差说明",
        "科学设定绩效指标",
        "加强结果应用",
    ):
        assert start in measures, start
    analysis = text[text.index("## 四、") : text.index("## 五、")]
    assert "偏差原因：【待单位补充：偏差原因分析及改进措施】" in analysis


def test_a_report_with_troubles_still_passes_check(cli, tmp_path):
    import tomli_w

    source = tmp_path / "troubled.toml"
    source.write_text(tomli_w.dumps(_troubled()), "utf-8")
    for fmt in ("md", "docx"):
        out = tmp_path / f"troubled.{fmt}"
        assert cli("report", str(source), "-o", str(out)).code == 0
        run = cli("check", str(out), "--with", str(source), "-f", "json")
        assert run.code == 0 and json.loads(run.out)[0]["findings"] == [], run


def test_no_issue_says_so():
    data = _troubled()
    data["projects"] = data["projects"][1:2]  # 基础设施…: every target met, spent 97.14 %
    result = scoring.score(data)
    text = draft(result, "md", date=DAY)
    assert "没有支出偏慢、指标未达标、偏差原因缺失或指标设定偏低的情况" in text


def test_combined_ranks_departments_and_counts_findings(example, langfang):
    other = scoring.score(langfang)
    text = draft_combined([other, example], "md", date=DAY)
    rows = [
        line for line in text.splitlines() if line.startswith("| 1 ") or line.startswith("| 2 ")
    ]
    assert "乐亭县" in rows[0] and "99.79" in rows[0]  # the higher score first
    assert "廊坊" in rows[1]
    assert "等级分布：优 2 个部门（占 100.00%）" in text
    assert "复核发现中出现最多的是" in text
    assert "2019、2023 年度" in text
    for fmt in ("html", "docx"):
        assert draft_combined([other, example], fmt, date=DAY)


def test_equal_scores_share_a_rank(example):
    from scoring.draft.combined import ranking

    entries = ranking([example, example])
    assert [e.rank for e in entries] == [1, 1]


def test_combined_from_the_command_line(cli, langfang, tmp_path):
    out = tmp_path / "summary.html"
    run = cli("report", str(EXAMPLE), str(langfang), "--combined", "-o", str(out))
    assert run.code == 0, run
    page = out.read_text("utf-8")
    assert "各部门自评得分排名" in page and "<svg" in page


def test_combined_names_a_unit_filed_twice(cli, langfang, tmp_path):
    """The same table in two files is counted twice — which one is the unit's is the reviewer's
    call — and the summary says so in its own words, naming both files: 3 departments, one of
    them twice."""
    again = tmp_path / "leting-重报.toml"
    again.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    out = tmp_path / "summary.md"
    run = cli("report", str(EXAMPLE), str(langfang), str(again), "--combined", "-o", str(out))
    assert run.code == 0, run
    page = out.read_text("utf-8")
    assert "本汇总收录 3 个部门" in page
    assert "leting-重报.toml 与 leting-2023.toml 填报的部门、年度和项目相同" in page
    once = tmp_path / "once.md"
    assert cli("report", str(EXAMPLE), str(langfang), "--combined", "-o", str(once)).code == 0
    assert "重复报送" not in once.read_text("utf-8")


def test_combined_names_a_unit_filed_twice_under_one_name_by_its_paths(cli, langfang, tmp_path):
    """Two files named alike in two folders, one table: named by their paths."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "unit.toml").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    out = tmp_path / "summary.md"
    first, second = tmp_path / "a" / "unit.toml", tmp_path / "b" / "unit.toml"
    run = cli("report", str(first), str(second), str(langfang), "--combined", "-o", str(out))
    assert run.code == 0, run
    page = out.read_text("utf-8")  # the paths as Markdown writes them (test\_… escaped)
    assert "b/unit.toml 与 " in page and "a/unit.toml 填报的部门、年度和项目相同" in page


def test_several_files_make_one_report_each_in_a_folder(cli, langfang, tmp_path):
    folder = tmp_path / "reports"
    run = cli("report", str(EXAMPLE), str(langfang), "-f", "docx", "-o", str(folder))
    assert run.code == 0, run
    assert sorted(p.name for p in folder.iterdir()) == ["langfang-2019.docx", "leting-2023.docx"]


def test_two_inputs_of_one_name_get_two_reports(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.toml").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    run = cli("report", str(tmp_path / "a" / "x.toml"), str(tmp_path / "b" / "x.toml"), "-o", str(tmp_path / "out"))  # fmt: skip
    assert run.code == 0, run
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x-2.md", "x.md"]


def test_a_file_that_cannot_be_scored_is_named_and_the_others_drafted(cli, tmp_path):
    run = cli("report", str(EXAMPLE), str(tmp_path / "missing.toml"), "-o", str(tmp_path / "out"))
    assert run.code == 2
    assert "missing.toml" in run.err and "Traceback" not in run.err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["leting-2023.md"]


def test_the_format_follows_the_output_suffix(cli, tmp_path):
    out = tmp_path / "r.html"
    assert cli("report", str(EXAMPLE), "-o", str(out)).code == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    run = cli("report", str(EXAMPLE))
    assert run.code == 0 and run.out.startswith("# 乐亭县城区工业聚集区管理委员会")


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["-f", "docx"], "give -o FILE.docx"),
        (["-f", "pdf"], "report has no format 'pdf'"),
        (["--template", "/no/such/folder"], "no such folder"),
        (["--date", "9 April"], "is not a date"),
    ],
)
def test_mistakes_are_user_errors(cli, arguments, words):
    run = cli("report", str(EXAMPLE), *arguments)
    assert run.code == 2, run
    assert words in run.err and "Traceback" not in run.err


@pytest.mark.parametrize(
    ("fmt", "name", "fix"),
    [("docx", "r.md", "r.docx"), ("md", "r.docx", "r.md"), ("html", "r.markdown", "r.html")],
)
def test_a_format_the_output_suffix_contradicts_is_refused(cli, tmp_path, fmt, name, fix):
    """-f docx -o r.md would write a Word document that opens as nothing under its name: it is
    said, with the name to give, and nothing is written."""
    out = tmp_path / name
    run = cli("report", str(EXAMPLE), "-f", fmt, "-o", str(out))
    assert run.code == 2, run
    assert f"but -f {fmt} writes" in run.err and f"name it {fix}" in run.err
    assert not out.exists()


@pytest.mark.parametrize("name", ["r.pdf", "r.DOC", "r.xlsx"])
@pytest.mark.parametrize("fmt", [[], ["-f", "md"], ["-f", "docx"]])
def test_a_document_kind_no_report_is_written_as_is_refused(cli, tmp_path, name, fmt):
    """报告.pdf or 报告.doc would hold Markdown or a .docx that opens as neither: said, with the
    suffixes a report takes, and nothing written."""
    out = tmp_path / name
    run = cli("report", str(EXAMPLE), *fmt, "-o", str(out))
    assert run.code == 2, run
    assert f"a report is not written as {out.suffix.lower()}" in run.err and ".docx" in run.err
    assert not out.exists()


def test_a_folder_named_with_a_suffix_still_takes_the_reports(cli, tmp_path):
    folder = tmp_path / "reports.md"
    folder.mkdir()
    run = cli("report", str(EXAMPLE), "-f", "docx", "-o", str(folder))
    assert run.code == 0, run
    assert [path.suffix for path in folder.iterdir()] == [".docx"]


def test_a_name_ending_in_a_slash_is_a_folder_made_for_the_report(cli, tmp_path):
    """``-o 报告.md/`` names a folder, not the file 报告.md: it is made, the report named after
    its input goes in it, and the folder's name chooses no format."""
    folder = tmp_path / "报告.md"
    run = cli("report", str(EXAMPLE), "-o", f"{folder}{os.sep}")
    assert run.code == 0, run
    assert [path.name for path in folder.iterdir()] == ["leting-2023.md"]
    assert (folder / "leting-2023.md").read_text("utf-8").startswith("# 乐亭县")


def test_several_reports_go_into_a_folder_whatever_its_name_ends_in(cli, langfang, tmp_path):
    """With several files -o is a folder: ``-f docx -o 2023.md`` is not told to name it
    2023.docx (a name it would then make a folder of); the Word documents go into 2023.md."""
    folder = tmp_path / "2023.md"
    run = cli("report", str(EXAMPLE), str(langfang), "-f", "docx", "-o", str(folder))
    assert run.code == 0, run
    assert sorted(p.name for p in folder.iterdir()) == ["langfang-2019.docx", "leting-2023.docx"]


def test_several_files_need_a_folder(cli, langfang):
    run = cli("report", str(EXAMPLE), str(langfang))
    assert run.code == 2 and "-o must name a folder" in run.err


def test_a_template_folder_overrides_only_what_it_holds(cli, tmp_path):
    folder = tmp_path / "bureau"
    folder.mkdir()
    (folder / "prose.j2").write_text(
        (Path(scoring.__file__).parent / "draft" / "templates" / "prose.j2")
        .read_text("utf-8")
        .replace("一、部门整体概况", "一、单位基本情况"),
        "utf-8",
    )
    run = cli("report", str(EXAMPLE), "--template", str(folder))
    assert run.code == 0, run
    assert "## 一、单位基本情况" in run.out and "## 二、绩效目标和指标设定情况" in run.out


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{% if %}\n", "report.md.j2: line 1: template syntax error"),
        (
            "line one\n{{ r.no_such_thing }}\n",
            "report.md.j2: line 2: the report's Report has no no_such_thing",
        ),
        ("{{ nothing }}\n", "report.md.j2: line 1: the report has no variable nothing"),
        ("{% include 'nowhere.j2' %}\n", "no template 'nowhere.j2'"),
        ("{{ r.__class__.__mro__ }}\n", "report.md.j2: line 1"),
    ],
)
def test_a_faulty_template_is_named_with_its_line(cli, tmp_path, template, words):
    folder = tmp_path / "faulty"
    folder.mkdir()
    (folder / "report.md.j2").write_text(template, "utf-8")
    run = cli("report", str(EXAMPLE), "--template", str(folder))
    assert run.code == 2, run
    assert words in run.err and "Traceback" not in run.err


def test_a_word_template_that_is_not_a_docx_is_named(cli, tmp_path):
    folder = tmp_path / "word"
    folder.mkdir()
    (folder / "report.docx").write_text("not a document", "utf-8")
    run = cli("report", str(EXAMPLE), "--template", str(folder), "-o", str(tmp_path / "r.docx"))
    assert run.code == 2 and "report.docx: cannot be read as a Word document" in run.err


def test_a_word_template_without_the_styles_is_named(cli, tmp_path):
    from docx import Document

    folder = tmp_path / "word"
    folder.mkdir()
    Document().save(folder / "report.docx")  # python-docx's own: no 楷体 Note, no 待补充
    run = cli("report", str(EXAMPLE), "--template", str(folder), "-o", str(tmp_path / "r.docx"))
    assert run.code == 2 and "has no style" in run.err and "'Note'" in run.err


def test_a_plugin_registers_a_template_folder(tmp_path):
    from scoring.hookspecs import hookimpl
    from scoring.host import Host

    folder = tmp_path / "hebei"
    folder.mkdir()
    (folder / "report.md.j2").write_text("河北格式：{{ r.department.name }}\n", "utf-8")

    class Hebei:
        @hookimpl
        def scoring_register_report_templates(self):
            return {"hebei": folder, "broken": "not a path"}

    with pytest.warns(Warning, match="registers report template 'broken' as a str"):
        host = Host(autoload=False, plugins=(Hebei(),))
        templates = host.report_templates
    assert templates["hebei"] == folder and "default" in templates and "broken" not in templates
    result = scoring.score(EXAMPLE, host=host)
    assert (
        draft(result, "md", templates=[templates["hebei"]])
        == "河北格式：乐亭县城区工业聚集区管理委员会\n"
    )


def test_the_built_in_templates_are_registered_as_default(cli):
    run = cli("report", str(EXAMPLE), "--template", "default")
    assert run.code == 0 and "## 一、部门整体概况" in run.out
    run = cli("report", str(EXAMPLE), "--template", "defualt")
    assert run.code == 2 and "default" in run.err


def test_the_shipped_word_styles_are_those_the_code_makes():
    """templates/report.docx is made by scoring.draft.styles: its page and fonts agree."""
    from docx import Document
    from docx.oxml.ns import qn

    from scoring.draft import BUILTIN
    from scoring.draft.styles import FONTS, MARGINS_MM, TO_COMPLETE_STYLE

    document = Document(str(BUILTIN / "report.docx"))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == MARGINS_MM["top"]
    assert round(section.left_margin.mm) == MARGINS_MM["left"]
    for name, (latin, east_asian, size, bold) in FONTS.items():
        style = document.styles[name]
        assert style.font.name == latin and style.font.size.pt == size, name
        assert bool(style.font.bold) == bold, name
        assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == east_asian, name
    assert TO_COMPLETE_STYLE in {style.name for style in document.styles}
    assert "PAGE" in section.footer._element.xml
    assert not "".join(p.text for p in document.paragraphs)  # it holds styles, not text


def test_under_english_the_report_is_still_chinese_and_a_mistake_english(cli, tmp_path):
    """The report is a Chinese document: the texts scoring writes when it scores (here the
    department's arithmetic, which a bureau's template may quote) are Chinese under --lang en;
    a file that cannot be read is said in the interface's language."""
    folder = tmp_path / "bureau"
    folder.mkdir()
    (folder / "report.md.j2").write_text("{{ r.department.explanation }}\n", "utf-8")
    example = Path(scoring.__file__).parent / "examples" / "leting-2023.toml"
    run = cli("--lang", "en", "report", str(example), "--template", str(folder), "-f", "md")
    assert run.code == 0, run
    # the projects' scores weighted by 全年预算数 20 / 35 / 10:
    # (99.90 × 20 + 99.71 × 35 + 99.82 × 10) / 65 = (1998.00 + 3489.85 + 998.20) / 65
    # = 6486.05 / 65 = 99.785… → 99.79
    assert "按项目全年预算数加权平均" in run.out and "/ 65 = 99.79" in run.out
    assert "weighted" not in run.out
    bad = tmp_path / "bad.toml"
    bad.write_text("[department]\nname = \n", "utf-8")
    refused = cli("--lang", "en", "report", str(bad), "-f", "md")
    assert refused.code == 2
    assert "not valid TOML: Invalid value" in refused.err
