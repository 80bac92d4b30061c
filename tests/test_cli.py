"""The command line through its real entry point, as an evaluator uses it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ANSI = re.compile(r"\x1b\[")


def test_demo_scores_the_bundled_example(cli):
    run = cli("demo")
    assert run.code == 0, run
    assert "乐亭县城区工业聚集区管理委员会" in run.out
    assert "99.79" in run.out and "优" in run.out
    for project, total in (
        ("招商经费", "99.90"),
        ("基础设施维护及企业服务费", "99.71"),
        ("电子政务平台经费", "99.82"),
    ):
        assert re.search(rf"{project}.*{total}", run.out), run.out
    assert not ANSI.search(run.out), "piped output must be plain"


def test_json_output_is_the_contract(cli, leting):
    run = cli("score", str(leting), "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)[0]
    assert "乐亭" in run.out  # UTF-8, not \\u escapes
    assert data["engine"]["name"] == "scoring"
    assert data["ruleset"]["id"] == "mof-2020" and re.fullmatch(
        r"[0-9a-f]{64}", data["ruleset"]["sha256"]
    )
    department = data["department"]
    assert (department["score"], department["grade"], department["method"]) == (
        99.79,
        "优",
        "budget-weighted",
    )
    assert department["execution"] == {
        **department["execution"],
        "rate": 0.9786,
        "weight": 10,
        "score": 9.79,
    }
    assert department["table"] is None
    first = data["projects"][0]
    assert (first["name"], first["score"], first["grade"]) == ("招商经费", 99.9, "优")
    assert first["execution"]["rate"] == 0.99 and first["execution"]["score"] == 9.9
    assert first["categories"] == {
        "产出指标": {"weight": 55, "score": 55},
        "效益指标": {"weight": 35, "score": 35},
    }
    row = first["indicators"][0]
    assert {
        k: row[k]
        for k in (
            "level1",
            "level2",
            "name",
            "target",
            "actual",
            "weight",
            "applicable",
            "rate",
            "score",
            "method",
            "filed_score",
        )
    } == {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "自主引进项目数",
        "target": "≥3个",
        "actual": "3个",
        "weight": 20,
        "applicable": True,
        "rate": 1,
        "score": 20,
        "method": "ratio",
        "filed_score": None,
    }
    assert row["explanation"]
    assert [(f["code"], f["where"]) for f in data["findings"]] == [
        ("targets-equal-actuals", "projects[0]")
    ]


def test_langfang_flags_the_filed_scores(cli, langfang):
    run = cli("score", str(langfang), "-f", "json")
    data = json.loads(run.out)[0]
    assert data["department"]["score"] == 97.24
    project = data["projects"][0]
    assert project["score"] == 97.24 and project["filed_score"] == 98
    assert project["execution"]["score"] == 8.62 and project["execution"]["filed_score"] == 9
    mismatches = {f["where"] for f in data["findings"] if f["code"] == "recorded-score-mismatch"}
    assert mismatches == {"projects[0]", "projects[0].budget", "projects[0].indicators[0]"}


@pytest.mark.usefixtures("chinese")
def test_table_shows_filed_scores_where_they_differ(cli, langfang):
    run = cli("score", str(langfang))
    assert run.code == 0, run
    assert "自评" in run.out and "98" in run.out
    assert "recorded-score-mismatch" in run.out and "自评按整数取分" in run.out


def test_table_fits_80_and_160_columns(cli, langfang):
    for width in (80, 160):
        run = cli("score", str(langfang), env={"COLUMNS": str(width)})
        widest = max(_cells(line) for line in run.out.splitlines())
        assert widest <= width, f"{widest} > {width}\n{run.out}"


def _cells(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.mark.usefixtures("chinese")
def test_explain_shows_the_arithmetic(cli, langfang):
    run = cli("score", str(langfang), "--explain", env={"COLUMNS": "160"})
    assert "执行率 = 全年执行数 37.24 / 全年预算数 43.2 = 86.20%；10 × 86.20% = 8.62" in run.out
    assert "实际 37.24 / 目标 43.2 × 10 = 8.62" in run.out
    assert "实际 100 ≥ 目标 100，达到目标，得满分 10.00" in run.out
    assert "加权平均" in run.out


def test_no_color_and_colour_on_a_terminal(cli, langfang):
    assert not ANSI.search(cli("score", str(langfang), env={"NO_COLOR": "1"}).out)
    assert not ANSI.search(cli("score", str(langfang)).out)


@pytest.mark.usefixtures("chinese")
def test_markdown_and_csv(cli, langfang, tmp_path):
    markdown = cli("score", str(langfang), "-f", "markdown")
    assert markdown.code == 0 and "| **总分** |" in markdown.out and "**97.24**" in markdown.out
    out = tmp_path / "out.csv"
    run = cli("score", str(langfang), "-f", "csv", "-o", str(out))
    assert run.code == 0 and run.out == ""
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a CSV file for Excel carries a byte-order mark"
    rows = raw.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("来源,表,行") and rows[0].endswith(",说明")
    total = [r for r in rows if ",总分," in r]
    assert total and ",97.24,98,优," in total[0]
    assert len(rows) == 1 + 1 + 9 + 1 + 1  # header, execution, nine indicators, total, department


def test_several_files_one_broken(cli, leting, langfang, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[department]\nname = 1\n", "utf-8")
    run = cli("score", str(leting), str(broken), str(langfang), "-f", "json")
    assert run.code == 2, run
    data = json.loads(run.out)
    assert [d.get("department", {}).get("score") for d in data] == [99.79, None, 97.24]
    assert data[1]["source"] == str(broken) and data[1]["error"]["code"] == "schema"
    assert str(broken) in run.err and "Traceback" not in run.err


@pytest.mark.parametrize(
    ("threshold", "code"), [("99", 0), ("99.79", 0), ("99.8", 1), ("优", 0), ("良", 0)]
)
def test_fail_under(cli, leting, threshold, code):
    assert cli("score", str(leting), "--fail-under", threshold).code == code


def test_fail_under_grade_not_reached(cli, tmp_path):
    low = tmp_path / "low.toml"
    low.write_text(
        '[department]\nname = "d"\nyear = 2024\nbudget = { planned = 10, spent = 5 }\n'
        '[[projects]]\nname = "p"\nbudget = { planned = 10, spent = 5 }\n'
        '[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "n"\n'
        'target = "≥10个"\nactual = "7个"\nweight = 90\nreason = "进度滞后"\n',
        "utf-8",
    )
    # 10 × 0.5 = 5 + 90 × 0.7 = 63 → 68, 中
    run = cli("score", str(low), "--fail-under", "良")
    assert run.code == 1 and "68.00" in run.out
    assert cli("score", str(low), "--fail-under", "中").code == 0


def test_fail_under_nonsense_is_a_usage_error(cli, leting):
    run = cli("score", str(leting), "--fail-under", "excellent")
    assert run.code == 2 and "neither a score nor a grade" in run.err


@pytest.mark.usefixtures("chinese")
def test_check_exit_codes(cli, langfang, tmp_path):
    run = cli("check", str(langfang))
    assert run.code == 0, run  # warnings only
    assert "recorded-score-mismatch" in run.out
    data = json.loads(cli("check", str(langfang), "-f", "json").out)[0]
    assert set(data) == {"engine", "ruleset", "source", "findings", "review", "errors"}
    assert data["errors"] == 0
    differing = [
        (r["where"], r["filed"], r["computed"], r["note"])
        for r in data["review"]
        if not r["agrees"]
    ]
    assert differing == [
        ("projects[0].budget.score", 9, 8.62, "自评按整数取分"),
        ("projects[0].indicators[0].score", 9, 8.62, "自评按整数取分"),
        ("projects[0].score", 98, 97.24, ""),
    ]
    assert len(data["review"]) == 11  # the execution row, nine indicators and the total
    above = tmp_path / "above.toml"
    above.write_text(
        langfang.read_text("utf-8").replace("score = 10\n", "score = 11\n", 1), "utf-8"
    )
    run = cli("check", str(above), "-f", "json")
    assert run.code == 1, run
    assert any(
        f["code"] == "score-above-weight" and f["severity"] == "error"
        for f in json.loads(run.out)[0]["findings"]
    )


def test_output_is_atomic_and_never_overwrites_an_input(cli, leting, tmp_path):
    run = cli("score", str(leting), "-o", str(leting))
    assert run.code == 2 and "one of the input files" in run.err
    assert "[department]" in leting.read_text("utf-8")
    out = tmp_path / "result.json"
    assert cli("score", str(leting), "-f", "json", "-o", str(out)).code == 0
    assert json.loads(out.read_text("utf-8"))[0]["department"]["score"] == 99.79
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_without_f_the_output_s_suffix_chooses_the_format(cli, leting, tmp_path):
    """`-o 复核.xlsx` wrote the terminal's table into a file Excel then could not open, and
    `-o 结果.json` a table into a .json: the suffix chooses the format when -f does not. A
    suffix of an evaluation file, or of a format the command does not write, is refused."""
    import openpyxl

    out = tmp_path / "复核.xlsx"
    assert cli("score", str(leting), "-o", str(out)).code == 0
    assert "汇总" in openpyxl.load_workbook(out).sheetnames
    for name, check in [
        ("结果.json", lambda text: json.loads(text)[0]["department"]["score"] == 99.79),
        (
            "结果.jsonl",
            lambda text: json.loads(text.splitlines()[0])["department"]["score"] == 99.79,
        ),
        ("结果.csv", lambda text: text.lstrip("\ufeff").startswith("来源,")),
        ("结果.md", lambda text: text.startswith("## ")),
        ("结果.txt", lambda text: "99.79" in text and "╭" in text),
    ]:
        run = cli("score", str(leting), "-o", str(tmp_path / name))
        assert run.code == 0, run
        assert check((tmp_path / name).read_text("utf-8")), name
    compared = tmp_path / "对照.json"
    assert cli("compare", str(leting), "-r", "mof-2020,hebei", "-o", str(compared)).code == 0
    assert json.loads(compared.read_text("utf-8"))[0]["source"] == str(leting)
    for args in (("score", str(leting), "-o", str(tmp_path / "x.toml")),
                 ("compare", str(leting), "-r", "mof-2020,hebei", "-o", str(tmp_path / "x.csv"))):  # fmt: skip
        run = cli(*args)
        assert run.code == 2 and "no format is written as" in run.err, run
    assert not (tmp_path / "x.toml").exists() and not (tmp_path / "x.csv").exists()


def test_version_is_fast_and_light():
    code = (
        "import sys\nfrom scoring.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'rich', 'pluggy')]\n"
        "print('HEAVY', heavy)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "scoring 0." in proc.stdout
    assert "HEAVY []" in proc.stdout, proc.stdout


def test_the_command_ends_without_a_last_collection_and_a_caller_keeps_its_collector(leting):
    """The process's own command line freezes its objects at exit, so that Python's shutdown
    does not walk them for cycles; a program that calls main() with arguments is left alone."""
    code = (
        "import atexit, gc, sys\n"
        # registered first, so called last: after the command's own exit function
        "atexit.register(lambda: print('FROZEN', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        "from scoring.cli import main\n"
        "who = sys.argv.pop(1)\n"
        "sys.exit(main(None if who == 'program' else sys.argv[1:]))"
    )
    for who, frozen in (("program", True), ("caller", False)):
        argv = [sys.executable, "-c", code, who, "score", str(leting)]
        run = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8")
        assert run.returncode == 0 and "99.79" in run.stdout, run.stderr
        assert f"FROZEN {frozen}" in run.stderr, (who, run.stderr)


def test_a_table_loads_no_emoji_table_and_still_shows_an_emoji_code(tmp_path, leting):
    """rich reads emoji codes (``:thumbs_up:``) in a panel's title and in a wrapped cell, and
    loads its table of every emoji to do so: the table view loads it only for text that could
    hold a code (two colons, no space between), and such text shows as it always did."""
    code = (
        "import sys\nfrom scoring.cli import main\nmain(['score', sys.argv[1]])\n"
        "print('EMOJI', 'rich._emoji_codes' in sys.modules, file=sys.stderr)"
    )
    plain = subprocess.run([sys.executable, "-c", code, str(leting)], capture_output=True)
    assert plain.returncode == 0 and b"EMOJI False" in plain.stderr, plain.stderr
    coded = tmp_path / ":smile:.toml"
    coded.write_text(
        leting.read_text("utf-8").replace('name = "招商经费"', 'name = ":thumbs_up: 招商经费"'),
        "utf-8",
    )
    shown = subprocess.run(
        [sys.executable, "-c", code, coded.name], capture_output=True, cwd=tmp_path
    )
    out = shown.stdout.decode("utf-8")
    assert "· 😄.toml" in out and "👍 招商经费" in out, out
    assert b"EMOJI True" in shown.stderr


def test_schema_command(cli):
    for name in ("evaluation", "ruleset"):
        run = cli("schema", name)
        assert run.code == 0
        schema = json.loads(run.out)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_rules_list_show_check(cli, tmp_path):
    listing = cli("rules", "list")
    assert listing.code == 0 and "mof-2020" in listing.out and "built in" in listing.out
    show = cli("rules", "show", "mof-2020")
    assert show.code == 0 and "[execution]" in show.out and "mof-2020.toml" in show.out
    child = tmp_path / "mine.toml"
    child.write_text(
        '[ruleset]\nid = "mine"\nextends = "mof-2020"\n[execution]\nweight = 20\n'
        '[weights]\n"产出指标" = 40\n',
        "utf-8",
    )
    shown = cli("rules", "show", str(child))
    line = next(row for row in shown.out.splitlines() if row.startswith("weight = 20"))
    assert str(child) in line, "each key names the file that set it"
    line = next(row for row in shown.out.splitlines() if row.startswith("denominator"))
    assert "mof-2020.toml" in line
    assert cli("rules", "check", str(child)).code == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[ruleset]\nid = "bad"\nextends = "mof-2020"\n[rounding]\nmode = "bankers"\n', "utf-8"
    )
    run = cli("rules", "check", str(bad))
    assert run.code == 2 and "rounding.mode" in run.err and str(bad) in run.err


def test_plugins_lists_the_builtins(cli):
    run = cli("plugins")
    assert run.code == 0
    for name in ("methods", "rulesets", "readers", "renderers", "checks"):
        assert name in run.out
    assert "methods: bands" in run.out and "reverse-linear" in run.out
    assert "report templates: default" in run.out  # its names, not the hook's
    assert "scoring_register_" not in run.out


def test_debug_shows_the_traceback(cli, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[department\n", "utf-8")
    assert "Traceback" not in cli("score", str(broken)).err
    for args in (("--debug", "score", str(broken)), ("score", str(broken), "--debug")):
        run = cli(*args)
        # the traceback, then the message, and the exit code of a user's mistake: not Python's 1
        assert "Traceback" in run.err and run.code == 2, run
        assert run.err.rstrip().splitlines()[-2].startswith("scoring: error: ")
    run = cli("--debug", "score", str(broken), "-f", "jsn")
    assert run.code == 2 and "Traceback" in run.err and "did you mean `json`?" in run.err


def test_no_command_prints_help(cli):
    run = cli()
    assert run.code == 2 and "score" in run.out


def test_console_script_is_installed():
    import shutil

    script = shutil.which("scoring", path=str(Path(sys.executable).parent)) or shutil.which(
        "scoring"
    )
    assert script, "the `scoring` command is installed with the package"


@pytest.mark.parametrize(
    ("body", "where", "words"),
    [
        (
            '[qualitative]\ntiers = [{ name = "达成", min = 0.8, max = 1.0, default = 1.0 }, '
            '{ name = "部分达成", min = 0.5, max = 0.85, default = 0.7 }, { name = "未达成", min = 0.0, max = 0.5, default = 0.3 }]\n',
            "qualitative.tiers",
            "overlap",
        ),
        (
            '[qualitative]\ntiers = [{ name = "达成", min = 0.8, max = 1.0, default = 1.0 }, '
            '{ name = "未达成", min = 0.0, max = 0.6, default = 0.3 }]\nsame_as_target = "达成"\n',
            "qualitative.tiers",
            "gap",
        ),
        ('[weights]\n"产出指标" = 60\n', "weights", "do not add up"),
        ('[grades]\n"差" = 10\n', "grades.差", "bound 0"),
        ('[over_achievement]\naction = "deduct"\n', "over_achievement.points", "needs `points`"),
        ('[execution]\nmethod = "bands"\n', "execution.bands", "needs `bands`"),
        ('[qualitative]\nsame_as_target = "完成了"\n', "qualitative.same_as_target", "not a tier"),
    ],
)
def test_rules_check_finds_what_a_schema_cannot(cli, tmp_path, body, where, words):
    path = tmp_path / "mine.toml"
    path.write_text('[ruleset]\nid = "mine"\nextends = "mof-2020"\n' + body, "utf-8")
    run = cli("rules", "check", str(path))
    assert run.code == 2, run
    assert str(path) in run.err and where in run.err and words in run.err, run.err


def test_rules_list_shows_every_shipped_rule_set(cli):
    run = cli("rules", "list", env={"COLUMNS": "250"})
    for rid in (
        "mof-2020",
        "mof-system",
        "guangxi",
        "hebei",
        "hubei-huanggang",
        "sichuan-2023",
        "legacy-ratio",
        "whole-points",
        "platform-caps",
    ):
        assert rid in run.out, rid
        assert f"rules/{rid}.toml" in run.out or f"rules{rid}" in run.out.replace("/", "")


def test_rules_diff(cli):
    run = cli("rules", "diff", "mof-2020", "legacy-ratio", "-f", "json")
    assert run.code == 0, run
    data = json.loads(run.out)
    assert {d["key"]: (d["a"], d["b"]) for d in data["differences"]} == {
        "quantitative.≤": ("reverse-linear", "reverse-ratio"),
        "quantitative.<": ("reverse-linear", "reverse-ratio"),
    }
    table = cli("rules", "diff", "mof-2020", "platform-caps")
    assert "over_achievement.action" in table.out and "deduct" in table.out
    assert "no key differs" in cli("rules", "diff", "mof-2020", "mof-2020").out


@pytest.mark.usefixtures("chinese")
def test_compare_shows_the_grade_a_variant_changes(cli, langfang):
    # whole points: 8.62 → 9 twice, so 98 (优) against 97.24 (优); the filed 9s then agree
    run = cli("compare", str(langfang), "-r", "mof-2020,whole-points", "-f", "json")
    assert run.code == 0, run
    (data,) = json.loads(run.out)  # a list, one entry per file
    assert [r["id"] for r in data["rulesets"]] == ["mof-2020", "whole-points"]
    department = data["rows"][0]
    assert department["scores"] == [97.24, 98] and department["grades"] == ["优", "优"]
    assert any(
        row["where"] == "projects[0].indicators[0]" and row["scores"] == [8.62, 9]
        for row in data["rows"]
    )
    table = cli("score", str(langfang), "-r", "mof-2020,whole-points")
    assert table.code == 0 and "规则对比" in table.out and "whole-points" in table.out
    assert cli("compare", str(langfang), "-r", "mof-2020").code == 2


def test_a_closed_pipe_is_not_an_error(leting):
    import subprocess
    import sys

    proc = subprocess.run(
        f'"{sys.executable}" -m scoring score "{leting}" -f json | head -c 10',
        shell=True,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


def test_compare_json_keeps_a_failed_file_in_its_place(cli, leting, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[department]\nname = 1\n", "utf-8")
    run = cli("compare", str(leting), str(broken), "-r", "mof-2020,whole-points", "-f", "json")
    assert run.code == 2
    data = json.loads(run.out)
    assert data[0]["source"] == str(leting) and data[1] == {**data[1], "source": str(broken)}
    assert data[1]["error"]["code"] == "schema"


def test_files_written_take_the_users_umask(cli, leting, tmp_path):
    """A file written with -o is the user's like any other: 0644 under the usual umask 022, not
    the 0600 of a temporary file."""
    import os

    old = os.umask(0o022)
    try:
        for name, fmt in (("r.json", "json"), ("r.xlsx", "xlsx")):
            out = tmp_path / name
            assert cli("score", str(leting), "-f", fmt, "-o", str(out)).code == 0
            assert out.stat().st_mode & 0o777 == 0o644, name
    finally:
        os.umask(old)


def test_rules_show_is_the_resolved_rule_set_as_valid_toml(cli, tmp_path):
    """Read back, the shown TOML is the rule set itself, every number exact — whatever its
    texts hold (a DEL character, quotes, a backslash)."""
    import tomllib
    from decimal import Decimal

    from scoring import ruleset

    child = tmp_path / "odd.toml"
    child.write_text(
        '[ruleset]\nid = "odd"\nextends = "mof-2020"\ntitle = "引号\\"与\\\\反斜杠\\u007f"\n'
        "[over_achievement]\nratio = 1.25\n",
        "utf-8",
    )
    for name in ("mof-2020", "guangxi", str(child)):
        shown = cli("rules", "show", name)
        assert shown.code == 0, shown
        assert tomllib.loads(shown.out, parse_float=Decimal) == ruleset(name).data, name


def test_convert_writes_valid_toml_whatever_the_text(cli, leting, tmp_path):
    """A reason holding U+007F, quotes and a line break comes back as it was."""
    import tomllib

    data = tomllib.loads(leting.read_text("utf-8"))
    reason = 'DEL\x7f "引号" \\ 换行\n第二行'
    data["projects"][0]["indicators"][0]["reason"] = reason
    source = tmp_path / "odd.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "odd.toml"
    assert cli("convert", str(source), "-o", str(out)).code == 0
    back = tomllib.loads(out.read_text("utf-8"))
    assert back["projects"][0]["indicators"][0]["reason"] == reason
    assert cli("score", str(out)).code == 0


@pytest.mark.parametrize(
    ("line", "offered", "not_offered"),
    [
        ("scoring score a.toml -f j", {"json", "jsonl"}, {"table"}),
        ("scoring score a.toml --rules mof", {"mof-2020"}, set()),
        ("scoring check a.toml -f ", {"table", "json"}, {"jsonl", "csv"}),
        ("scoring report a.toml -f ", {"md", "html", "docx"}, {"json"}),
    ],
)
def test_shell_completion_offers_the_formats_and_rule_sets(
    cli, tmp_path, line, offered, not_offered
):
    """Completing -f offers the formats that command writes, -r the installed rule sets' ids:
    bash completes the words of ``line`` with the script ``scoring completion bash`` writes."""
    import shutil

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    script = tmp_path / "scoring.bash"
    script.write_text(cli("completion", "bash").out, "utf-8")
    words = line.split(" ")  # the word being completed last: "" after a space
    program = (
        f"source {script}; COMP_WORDS=({' '.join(repr(w) for w in words)}); "
        f"COMP_CWORD={len(words) - 1}; COMP_LINE={line!r}; COMP_POINT={len(line)}; "
        '_shtab_scoring; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run([bash, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    completed = set(done.stdout.split())
    assert offered <= completed and not (not_offered & completed), completed


def test_shell_completion_loads_in_bash(cli, tmp_path):
    """`scoring completion bash` is a script bash sources, completing the commands."""
    import shutil

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    run = cli("completion", "bash")
    assert run.code == 0 and "compare" in run.out and "whatif" in run.out
    script = tmp_path / "scoring.bash"
    script.write_text(run.out, "utf-8")
    check = subprocess.run(
        [bash, "-c", f"source {script} && complete -p scoring"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0 and "scoring" in check.stdout, check.stderr
