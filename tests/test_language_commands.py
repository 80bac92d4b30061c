"""The commands' own messages in Chinese (the default) and in English (``--lang en``): usage
mistakes, what --fail-under missed, what could not be written or drafted."""

from __future__ import annotations

from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parent.parent / "rules"
ZH = {"SCORING_LANG": "zh"}

LOW = (
    '[department]\nname = "d"\nyear = 2024\nbudget = { planned = 10, spent = 5 }\n'
    '[[projects]]\nname = "p"\nbudget = { planned = 10, spent = 5 }\n'
    '[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "n"\n'
    'target = "≥10个"\nactual = "7个"\nweight = 90\nreason = "进度滞后"\n'
)  # 10 × 0.5 = 5 + 90 × 0.7 = 63 → 68.00, 中


@pytest.fixture
def low(tmp_path):
    path = tmp_path / "low.toml"
    path.write_text(LOW, "utf-8")
    return path


def said(run, message: str, hint: str | None = None) -> None:
    """The run was refused as the user's mistake, with this message and hint."""
    assert run.code == 2, run
    assert message in run.err, run
    if hint is not None:
        assert f"\n  → {hint}" in run.err, run


# --- --fail-under says why it failed -----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("zh", "scoring：{file}：部门得分 99.79 低于 99.8\n"),
        ("en", "scoring: {file}: department score 99.79 is below 99.8\n"),
    ],
    ids=["zh", "en"],
)
def test_a_score_below_fail_under_is_said(cli, leting, fmt, lang, message):
    run = cli("score", str(leting), "--fail-under", "99.8", "-f", fmt, "--lang", lang, env=ZH)
    assert run.code == 1, run
    assert run.err == message.format(file=leting), run


def test_a_grade_not_reached_names_its_lowest_score(cli, low, leting):
    run = cli("score", str(low), str(leting), "--fail-under", "良", env=ZH)
    assert run.code == 1, run
    assert f"scoring：{low}：部门得分 68.00 低于 80（「良」等级的最低分）" in run.err
    assert str(leting) not in run.err  # 99.79 reaches 良: nothing said about it
    run = cli("score", str(low), "--fail-under", "良", "--lang", "en", env=ZH)
    assert f"scoring: {low}: department score 68.00 is below 80, the lowest score of 良" in run.err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_file_below_is_said_in_order_by_workers_too(cli, low, leting, tmp_path, jobs):
    other = tmp_path / "other.toml"
    other.write_text(LOW.replace('name = "d"', 'name = "e"'), "utf-8")  # another department
    files = [str(low), str(leting), str(other)]
    run = cli("score", *files, "-f", "jsonl", "--jobs", jobs, "--fail-under", "90", env=ZH)
    assert run.code == 1, run
    assert run.err == (
        f"scoring：{low}：部门得分 68.00 低于 90\nscoring：{other}：部门得分 68.00 低于 90\n"
    )


def test_a_score_that_reaches_fail_under_says_nothing(cli, leting):
    run = cli("score", str(leting), "--fail-under", "99.79", env=ZH)
    assert run.code == 0 and run.err == "", run


def test_a_fail_under_that_is_no_score_speaks_chinese(cli, leting):
    said(
        cli("score", str(leting), "--fail-under", "excellent", env=ZH),
        "scoring：错误：--fail-under 'excellent' 既不是分数也不是等级",
        "请给出分数（如 90），或该规则集的等级：优, 良, 中, 差",
    )
    said(
        cli("score", str(leting), "--fail-under", "101", env=ZH),
        "scoring：错误：--fail-under '101' 不是 0 至 100 之间的分数",
        "请给出 0 至 100 之间的分数（如 90），或该规则集的等级：优, 良, 中, 差",
    )


# --- usage mistakes of the commands ------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "extra", "message", "hint"),
    [
        (ZH, (), "scoring：错误：-o {out} 是输入文件之一", "请把输出写入另一个文件"),
        (
            ZH,
            ("--lang", "en"),
            "scoring: error: -o {out} is one of the input files",
            "write the output to another file",
        ),
    ],
)
def test_output_over_an_input_is_refused(cli, leting, env, extra, message, hint):
    run = cli("score", str(leting), "-o", str(leting), *extra, env=env)
    said(run, message.format(out=leting), hint)


def test_an_unknown_format_lists_the_formats(cli, leting):
    said(
        cli("score", str(leting), "-f", "pdf", env=ZH),
        "scoring：错误：未知的输出格式 'pdf'",
        "可用格式：table, json, jsonl, markdown, csv, xlsx",
    )


def test_whatif_speaks_chinese(cli, leting):
    said(
        cli("whatif", str(leting), "--set", "projects[9].budget.spent=1", env=ZH),
        "scoring：错误：--set projects[9].budget.spent：projects[9] 不存在",
        "文件中共有 3 个，从 0 开始编号",
    )
    said(
        cli("whatif", str(leting), env=ZH),
        "scoring：错误：whatif 需要 --set 路径=值、--grade 或 --score",
        "如 scoring whatif 文件 --set projects[0].budget.spent=19.9",
    )
    said(
        cli("whatif", str(leting), "--grade", "A", "--lang", "en", env=ZH),
        "scoring: error: --grade 'A' is not a grade of mof-2020",
        "grades: 优, 良, 中, 差",
    )


def test_a_value_set_on_the_command_line_is_said_to_come_from_it(cli, leting):
    run = cli("whatif", str(leting), "--set", "projects[0].budget.spent=-1", env=ZH)
    assert run.code == 2, run
    assert "该值来自 --set" in run.err


def test_report_speaks_chinese(cli, leting, langfang, tmp_path):
    said(
        cli("report", str(leting), str(langfang), env=ZH),
        "scoring：错误：2 个文件将生成 2 份报告：-o 须指定存放它们的文件夹",
        "请给出 -o 文件夹（每份报告以其文件命名），或用 --combined 生成一份汇总",
    )
    said(
        cli("report", str(leting), "-f", "docx", env=ZH),
        "scoring：错误：-f docx 生成 Word 文档，不能输出到标准输出",
        "请给出 -o 文件.docx（多个文件时给出 -o 文件夹）",
    )
    said(
        cli("report", str(leting), "--date", "2024-13-01", env=ZH),
        "scoring：错误：--date '2024-13-01' 不是有效的日期",
        "日期写法如 2024-04-09",
    )


def test_a_faulty_template_is_named_by_its_line(cli, leting, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.md.j2").write_text("第一行\n{{ r.no_such_thing }}\n", "utf-8")
    run = cli("report", str(leting), "--template", str(folder), env=ZH)
    said(
        run,
        f"scoring：错误：{folder / 'report.md.j2'}：第 2 行：报告的 Report 中没有 no_such_thing",
    )
    assert "  → 请改正模板；可用变量见 docs/reports.md，内置模板位于 " in run.err
    run = cli("report", str(leting), "--template", str(folder), "--lang", "en", env=ZH)
    said(run, f"{folder / 'report.md.j2'}: line 2: the report's Report has no no_such_thing")


def test_a_report_that_is_no_word_document(cli, tmp_path):
    fake = tmp_path / "报告.docx"
    fake.write_text("not a zip", "utf-8")
    run = cli("check", str(fake), env=ZH)
    said(
        run,
        "不是 Word 文档（.docx）：不是 zip 文件",
        "请用 Word 或 WPS 另存为 .docx（旧的 .doc 文件须先另存为 .docx）",
    )
    run = cli("check", str(fake), "--lang", "en", env=ZH)
    said(
        run,
        "not a Word document (.docx): not a zip file",
        "save it from Word or WPS as .docx (an old .doc must be saved as .docx first)",
    )


def test_convert_and_template_speak_chinese(cli, leting, tmp_path):
    said(
        cli("convert", str(leting), "-o", str(tmp_path / "a.csv"), env=ZH),
        "scoring：错误：convert 无法写出 .csv 格式",
        "输出文件的扩展名应为 .toml、.json 或 .xlsx",
    )
    said(
        cli("template", "--year", "12", env=ZH),
        "scoring：错误：--year 12 不是有效的预算年度",
        "年度写法如 2024",
    )


def test_a_valid_rule_set_is_said_valid_in_chinese(cli):
    path = RULES / "hebei.toml"
    run = cli("rules", "check", str(path), env=ZH)
    assert run.code == 0, run
    assert run.out.startswith(f"✓ {path}：规则集 hebei 2020.1 有效（sha256 "), run
    run = cli("rules", "check", str(path), "--lang", "en", env=ZH)
    assert run.out.startswith(f"✓ {path}: rule set hebei 2020.1 is valid (sha256 "), run
