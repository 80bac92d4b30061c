"""The command line speaks Chinese by default and English on request (`--lang`, SCORING_LANG,
or an English locale): help, argparse's own headings and errors, and the errors of scoring."""

from __future__ import annotations

import re

import pytest

# the environment of a Chinese evaluator's terminal (the suite itself runs in English)
CHINESE = {
    "SCORING_LANG": "",
    "LANGUAGE": "",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "LANG": "zh_CN.UTF-8",
}
SERVER = {**CHINESE, "LANG": "C.UTF-8"}  # a server's locale: says nothing, so Chinese
ENGLISH = {**CHINESE, "LANG": "en_US.UTF-8"}


@pytest.mark.parametrize("env", [CHINESE, SERVER], ids=["zh_CN", "C"])
def test_help_is_chinese_by_default(cli, env):
    run = cli("--help", env=env)
    assert run.code == 0
    assert run.out.startswith("用法：scoring")
    assert "为自评表计分" in run.out and "显示本帮助并退出" in run.out
    assert "score evaluation files" not in run.out


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--lang", "en", "--help"), CHINESE),
        (("--help",), {**CHINESE, "SCORING_LANG": "en"}),
        (("--help",), ENGLISH),
    ],
    ids=["--lang", "SCORING_LANG", "LANG"],
)
def test_help_is_english_when_asked(cli, args, env):
    run = cli(*args, env=env)
    assert run.code == 0
    assert run.out.startswith("usage: scoring")
    assert "score evaluation files" in run.out and "为自评表计分" not in run.out


def test_a_command_s_help_and_its_usage_errors_speak_chinese(cli):
    run = cli("score", "--help", env=CHINESE)
    assert "显示每个分数所依据的规则和算式" in run.out  # --explain
    assert "\n位置参数：\n" in run.out and "\n选项：\n" in run.out  # headings end as Chinese does
    assert "options:\n" in cli("score", "--help", env=ENGLISH).out
    run = cli("score", "-j", "0", "a.toml", env=CHINESE)
    assert run.code == 2
    assert "scoring：错误：参数 -j/--jobs：'0' 不是有效的进程数（应为 1 或以上）" in run.err
    assert "参见 `scoring score --help`" in run.err


COMMANDS = [
    (),
    ("score",),
    ("check",),
    ("compare",),
    ("whatif",),
    ("convert",),
    ("template",),
    ("demo",),
    ("report",),
    ("rules",),
    ("rules", "list"),
    ("rules", "show"),
    ("rules", "check"),
    ("rules", "diff"),
    ("schema",),
    ("plugins",),
    ("completion",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "scoring")
def test_the_chinese_help_names_the_values_in_chinese(cli, command):
    """The placeholders of every command's help (its metavars) are Chinese words, as the rest of
    the help is; what stays is a name to type (SCORING_LANG, JSON) or the date's pattern."""
    run = cli(*command, "--help", env=CHINESE)
    assert run.code == 0
    left = set(re.findall(r"\b[A-Z][A-Za-z_]*\b", run.out)) - {"SCORING_LANG", "JSON", "Schema"}
    assert left <= {"YYYY", "MM", "DD"}, left


def test_the_usage_names_the_values_in_the_interface_s_language(cli):
    chinese = cli("score", "--help", env=CHINESE).out
    assert chinese.startswith(
        "用法：scoring score [-h] [-r 规则集] [-o 输出] [-j 进程数] [-f 格式] [--explain]\n"
        "                    [--fail-under 分数|等级] [--debug] [--lang zh|en] [-p no:名称]\n"
        "                    文件 [文件 ...]\n"
    )
    assert "\n  -j 进程数, --jobs 进程数\n                        计分所用的进程数（" in chinese
    english = cli("score", "--help", env=ENGLISH).out
    assert english.startswith(
        "usage: scoring score [-h] [-r RULES] [-o OUT] [-j N] [-f FORMAT] [--explain]\n"
        "                     [--fail-under SCORE|GRADE] [--debug] [--lang zh|en] [-p no:NAME]\n"
        "                     FILE [FILE ...]\n"
    )
    assert "\n  -j N, --jobs N        score in N processes" in english
    whatif = cli("whatif", "--help", env=CHINESE).out
    assert "[--set 键路径=值]" in whatif and "[--grade 等级 | --score 分数]" in whatif
    assert "[--template 文件夹|名称]" in cli("report", "--help", env=CHINESE).out
    assert "规则集1 规则集2" in cli("rules", "diff", "--help", env=CHINESE).out
    assert "--year 年度" in cli("template", "--help", env=CHINESE).out
    run = cli("rules", "diff", "mof-2020", env=CHINESE)
    assert run.code == 2 and "缺少以下参数：规则集2" in run.err


def _columns(text: str) -> int:
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "scoring")
def test_the_chinese_help_lines_up_in_terminal_columns(cli, command):
    """A Chinese character takes two columns: the help beside an option with a Chinese value
    (--year 年度, 文件) starts where the others' do, and the usage fits the width (100 columns,
    argparse's 98) with its lines under the first's words."""
    text = cli(*command, "--help", env=CHINESE).out
    usage, _blank, rest = text.partition("\n\n")
    assert all(_columns(line) <= 98 for line in usage.splitlines()), usage
    prog = "scoring " + " ".join(command) if command else "scoring"
    at = _columns(f"用法：{prog} ")
    assert all(line[: at - 1].isspace() for line in usage.splitlines()[1:]), usage
    beside = [line for line in rest.splitlines() if re.match(r"  \S.*?\S  +\S", line)]
    starts = {_columns(re.match(r"  \S.*?\S  +", line).group()) for line in beside}
    assert len(starts) == 1, text


@pytest.mark.parametrize(
    ("env", "said", "hint"),
    [
        (CHINESE, "scoring：错误：没有名为 'scroe' 的命令", "→ 是否应为 `score`？"),
        (ENGLISH, "scoring: error: no command is called 'scroe'", "→ did you mean `score`?"),
    ],
)
def test_a_mistyped_command_gets_a_did_you_mean(cli, env, said, hint):
    run = cli("scroe", "a.toml", env=env)
    assert run.code == 2
    assert said in run.err and hint in run.err


@pytest.mark.parametrize(
    ("args", "env", "said", "hint"),
    [
        (
            ("score", "a.toml", "--formt", "json"),
            CHINESE,
            "无法识别的参数：--formt json",
            "→ 是否应为 `--format`？",
        ),
        (
            ("score", "a.toml", "--fail-undr=90"),
            ENGLISH,
            "unrecognized arguments: --fail-undr=90",
            "→ did you mean `--fail-under`?",
        ),
        (
            ("check", "--wiht", "r.docx", "a.toml"),
            ENGLISH,
            "unrecognized arguments: --wiht",
            "→ did you mean `--with`?",
        ),
        (
            ("rules", "list", "--bogus"),
            ENGLISH,
            "unrecognized arguments: --bogus",
            "→ see `scoring rules list --help`",
        ),
    ],
    ids=["zh", "with-its-value", "check", "nothing-close"],
)
def test_a_mistyped_option_gets_a_did_you_mean_from_its_command(cli, args, env, said, hint):
    """The command's own parser says a word it did not take: its usage, and the option meant
    when one is close."""
    run = cli(*args, env=env)
    assert run.code == 2, run
    assert said in run.err and hint in run.err
    usage = run.err.splitlines()[0]
    assert usage.split(" [")[0].endswith(" ".join(args[:2] if args[0] == "rules" else args[:1]))


@pytest.mark.parametrize(
    ("args", "env", "said", "hint"),
    [
        (("score", "a.toml", "--FORMAT", "json"), ENGLISH, "--FORMAT json", "`--format`?"),
        (("rules", "lsit"), ENGLISH, "invalid choice: 'lsit'", "→ did you mean `list`?"),
        (("rules", "lsit"), CHINESE, "无效的选择：'lsit'", "→ 是否应为 `list`？"),
        (("schema", "evalution"), ENGLISH, "invalid choice", "→ did you mean `evaluation`?"),
        (
            ("score", "a.toml", "-f", "jsn"),
            ENGLISH,
            "unknown format 'jsn'",
            "→ did you mean `json`? formats: table, json, jsonl",
        ),
        (
            ("score", "a.toml", "-f", "JSON"),
            CHINESE,
            "未知的输出格式 'JSON'",
            "→ 是否应为 `json`？",
        ),
    ],
    ids=["option-case", "action", "action-zh", "schema", "format", "format-case"],
)
def test_a_mistyped_choice_gets_a_did_you_mean(cli, args, env, said, hint):
    """A command's action, a schema's name and a format are said with the one meant, and an
    option whatever its letters' case."""
    run = cli(*args, env=env)
    assert run.code == 2, run
    assert said in run.err and hint in run.err, run.err


@pytest.mark.parametrize(
    ("args", "env", "said", "hint"),
    [
        (
            ("--format", "json", "score", "a.toml"),
            ENGLISH,
            "scoring: error: '--format' is not an option of scoring itself",
            "→ a command's options go after its name: scoring score … --format",
        ),
        (
            ("--lang", "zh", "-f", "csv", "check", "a.toml"),
            CHINESE,
            "scoring：错误：'-f' 不是 scoring 本身的选项",
            "→ 命令的选项写在命令名之后：scoring check … -f",
        ),
    ],
)
def test_a_command_s_option_before_the_command_is_said_so(cli, args, env, said, hint):
    """argparse would take the option's value for the command (`no command is called 'json'`):
    the option is said to belong after the command. scoring's own options (--debug, shortened
    as argparse allows, --lang, -p) still go before it."""
    run = cli(*args, env=env)
    assert run.code == 2, run
    assert said in run.err and hint in run.err, run.err
    assert cli("--deb", "--lang", "en", "-p", "no:x", "rules", "list").code == 0


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("--verison",), "→ did you mean `--version`?"),
        (("--langg", "en", "score", "a.toml"), "→ did you mean `--lang`?"),
        (("--bogus", "score", "a.toml"), "→ neither scoring nor score takes it"),
        (("--formt", "json", "score", "a.toml"), "scoring score … --format json"),
        (("-x",), "→ see `scoring --help`"),
    ],
)
def test_an_option_before_the_command_gets_the_fix_that_fits(cli, args, hint):
    run = cli(*args, env=ENGLISH)
    assert run.code == 2 and hint in run.err, run.err


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("check", "a.toml", "-f", "jsn"), "did you mean `json`? check writes table or json"),
        (("whatif", "a.toml", "--grade", "优", "-f", "JSON"), "did you mean `json`?"),
        (("compare", "a.toml", "-r", "mof-2020,hebei", "-f", "md"), "did you mean `markdown`?"),
        (("report", "a.toml", "-f", "htm"), "did you mean `html`?"),
        (("score", "a.toml", "-f", "md"), "did you mean `markdown`?"),
    ],
)
def test_every_command_s_format_gets_a_did_you_mean(cli, args, hint):
    run = cli(*args, env=ENGLISH)
    assert run.code == 2 and hint in run.err, run.err


def test_rules_given_twice_are_said_not_replaced(cli):
    """`compare -r mof-2020 -r hebei` compared nothing: the second -r replaced the first."""
    run = cli("compare", "a.toml", "-r", "mof-2020", "-r", "hebei", env=ENGLISH)
    assert run.code == 2, run
    assert "argument -r/--rules: given twice; to compare rule sets, give them together" in run.err


@pytest.mark.parametrize("command", [("score", "a.toml"), ("report", "a.toml"), ("template",)])
def test_an_empty_output_name_is_said(cli, command):
    """`-o ""` (`-o "$OUT"` with OUT unset) names no file: said as such, before any work."""
    for name in ("", " "):
        run = cli(*command, "-o", name, env=ENGLISH)
        assert run.code == 2, run
        assert "scoring: error: -o/--output is empty: it names nothing" in run.err
        assert "→ give a file's name after -o (e.g. -o 结果.json), or leave -o out" in run.err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("check", "r.md", "--with", ""), "--with is empty: it names nothing"),
        (("report", "a.toml", "--template", ""), "--template is empty: it names nothing"),
        (("score", "a.toml", "-f", ""), "-f/--format is empty: it names nothing"),
        (("score", "a.toml", "-r", ""), "-r/--rules is empty: it names nothing"),
        (("score", ""), "a file's name is empty"),
        (("check", "a.toml", ""), "a file's name is empty"),
        (("score", "a.toml", "-j", ""), "argument -j/--jobs: empty: it names nothing"),
    ],
)
def test_an_empty_value_is_said_not_taken_for_a_default(cli, args, said):
    """`--with "$T"` with T unset would check the report alone and say ✓; `""` as a file would
    read the current folder: an empty value names nothing, and is said so."""
    run = cli(*args, env=ENGLISH)
    assert run.code == 2, run
    assert f"scoring: error: {said}" in run.err


def test_a_word_that_is_no_command_lists_the_commands(cli):
    run = cli("-p", "no:x", "frobnicate", env=ENGLISH)
    assert run.code == 2
    assert "no command is called 'frobnicate'" in run.err
    assert "commands: score, check, compare" in run.err


@pytest.mark.parametrize(
    ("args", "env", "source"),
    [
        (("--lang", "fr", "--help"), CHINESE, "--lang 'fr'"),
        (("--help",), {**CHINESE, "SCORING_LANG": "de"}, "SCORING_LANG 'de'"),
    ],
)
def test_a_language_without_a_catalog_is_a_user_error(cli, args, env, source):
    run = cli(*args, env=env)
    assert run.code == 2
    assert f"scoring：错误：{source}：不支持该语言" in run.err
    assert "zh（中文，默认）或 en（英文）" in run.err


def test_the_language_of_one_run_does_not_stay_for_the_next(cli):
    assert cli("--lang", "zh", "--help", env=ENGLISH).out.startswith("用法：")
    assert cli("--help", env=ENGLISH).out.startswith("usage:")
    assert cli("--lang", "en", "--help", env=CHINESE).out.startswith("usage:")
    assert cli("--help", env=CHINESE).out.startswith("用法：")


def test_lang_is_accepted_after_the_command_too(cli, leting):
    run = cli("score", str(leting), "--lang", "en", "-f", "json", env=CHINESE)
    assert run.code == 0, run
