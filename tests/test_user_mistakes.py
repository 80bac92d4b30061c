"""User mistakes that used to end as an internal error (exit 3) or a silent wrong score: each is
refused with the file, the place and what to do (exit 2) — numbers no 自评表 holds, text that
cannot be written out, a table with nothing applicable, and rule sets that would fail only once
a row is scored (``scoring rules check`` finds them).

Every file is generated here, small.
"""

from __future__ import annotations

import json
import os

import pytest

from scoring.limits import MAX_DIGITS
from tests.conftest import LETING, case_evaluation

EVALUATION = """
[department]
name = "示例单位"
year = {year}
budget = {{ planned = 100, spent = {spent} }}

[[projects]]
name = "示例项目"
budget = {{ planned = 100, adjusted = {adjusted}, spent = 95 }}
score = {project_score}

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = {target}
actual = {actual}
weight = {weight}
score = {score}
deduction = {deduction}

[[projects.indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "培训效果"
target = "效果明显"
actual = "达成"
weight = 10
"""

SOUND = {
    "year": "2024",
    "spent": "95",
    "adjusted": "100",
    "project_score": "90",
    "target": '"≥100人次"',
    "actual": '"120人次"',
    "weight": "80",
    "score": "80",
    "deduction": "0",
}

PLACES = {
    "year": "department.year",
    "spent": "department.budget.spent",
    "adjusted": "projects[0].budget.adjusted",
    "project_score": "projects[0].score",
    "target": "projects[0].indicators[0].target",
    "actual": "projects[0].indicators[0].actual",
    "weight": "projects[0].indicators[0].weight",
    "score": "projects[0].indicators[0].score",
    "deduction": "projects[0].indicators[0].deduction",
}


def evaluation_toml(**changed: str) -> str:
    return EVALUATION.format(**{**SOUND, **changed})


def refused(run, *words: str) -> None:
    assert run.code == 2, run
    assert "Traceback" not in run.err and "internal error" not in run.err, run.err
    for word in words:
        assert word in run.err, run.err


def test_the_sound_file_scores(cli, tmp_path):
    path = tmp_path / "sound.toml"
    path.write_text(evaluation_toml(), "utf-8")
    assert cli("score", str(path)).code == 0


# --- numbers in an evaluation -----------------------------------------------------------------

FIVE_THOUSAND_DIGITS = "1." + "1" * 5_000
FORTY_ONE_DIGITS = "1" * (MAX_DIGITS + 1)
NUMBERS = [
    # (TOML value, words of the message)
    ("nan", "not a usable number"),
    ("-nan", "not a usable number"),
    ("inf", "not a usable number"),
    ("-inf", "not a usable number"),
    ("1e999", f"more than {MAX_DIGITS} digits"),
    ("1e-999", f"more than {MAX_DIGITS} digits"),
    (FIVE_THOUSAND_DIGITS, f"more than {MAX_DIGITS} digits"),
    (FORTY_ONE_DIGITS, f"more than {MAX_DIGITS} digits"),
    ('"1e99999999999999999999"', "not a usable number"),
    (f'"{FIVE_THOUSAND_DIGITS}"', f"more than {MAX_DIGITS} digits"),
]


@pytest.mark.parametrize("key", sorted(PLACES))
@pytest.mark.parametrize(("value", "words"), NUMBERS, ids=[n[0][:12] for n in NUMBERS])
def test_a_number_no_table_holds_is_refused_at_its_key(cli, tmp_path, key, value, words):
    path = tmp_path / "table.toml"
    path.write_text(evaluation_toml(**{key: value}), "utf-8")
    run = cli("score", str(path))
    refused(run, str(path), PLACES[key])
    assert words in run.err or (key == "year" and "not a year" in run.err), run.err
    assert FIVE_THOUSAND_DIGITS[:200] not in run.err  # quoted, never in full


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("NaN", "not valid JSON"),  # the reader refuses it
        ("1e999", f"more than {MAX_DIGITS} digits"),
        (FIVE_THOUSAND_DIGITS, f"more than {MAX_DIGITS} digits"),
        (FORTY_ONE_DIGITS, f"more than {MAX_DIGITS} digits"),
    ],
)
def test_a_number_no_table_holds_is_refused_in_json_too(cli, tmp_path, number, words):
    table = {
        "department": {"name": "d", "year": 2024, "budget": {"planned": 1, "spent": 1}},
        "projects": [
            {
                "name": "p",
                "budget": {"planned": 1, "spent": 1},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "n",
                        "target": "≥1个",
                        "actual": "__NUMBER__",
                        "weight": 90,
                    }
                ],
            }
        ],
    }
    path = tmp_path / "table.json"
    path.write_text(json.dumps(table).replace('"__NUMBER__"', number), "utf-8")
    run = cli("score", str(path))
    refused(run, str(path), words)
    if number != "NaN":
        assert "projects[0].indicators[0].actual" in run.err, run.err


@pytest.mark.parametrize(
    "actual",
    [
        "120.000000000000000000000000000001",  # 33 significant digits: 28 after rounding
        '"120.000000000000000000000000000001人次"',
        "120.0000000000001",  # 16
    ],
)
def test_significant_digits_are_counted_as_filed_before_any_rounding(cli, tmp_path, actual):
    path = tmp_path / "table.toml"
    path.write_text(evaluation_toml(actual=actual), "utf-8")
    run = cli("score", str(path))
    refused(run, "projects[0].indicators[0].actual", "more than 15 significant digits")


@pytest.mark.parametrize("actual", ["120.000000000001", '"120.000000000001人次"', "120.0000"])
def test_fifteen_significant_digits_are_a_figure(cli, tmp_path, actual):
    path = tmp_path / "table.toml"
    path.write_text(evaluation_toml(actual=actual), "utf-8")
    assert cli("score", str(path)).code == 0


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("actual", "1.23456789012345678", "1.23456789012345678"),
        ("adjusted", "100.000000000000001", "100.000000000000001"),
        ("target", '{ op = ">=", value = 1.23456789012345678 }', "1.23456789012345678"),
    ],
    ids=["actual", "budget", "target-table"],
)
def test_a_number_of_too_many_digits_is_quoted_as_written(cli, tmp_path, key, value, shown):
    """The message quotes the number as the file has it, never as Python writes a Decimal."""
    path = tmp_path / "table.toml"
    path.write_text(evaluation_toml(**{key: value}), "utf-8")
    run = cli("score", str(path))
    refused(run, PLACES[key], f"{shown} has more than 15 significant digits")
    assert "Decimal(" not in run.err, run.err


# --- text that cannot be written out, and text that can ---------------------------------------


def json_table(name: str, extra_key: str = "reason") -> str:
    """A one-row JSON table whose indicator name (and one key) are given as JSON source."""
    return (
        '{"department": {"name": "d", "year": 2024, "budget": {"planned": 1, "spent": 1}},'
        ' "projects": [{"name": "p", "budget": {"planned": 1, "spent": 1}, "indicators": ['
        '{"level1": "产出指标", "level2": "数量指标", "name": "' + name + '",'
        ' "target": "≥1个", "actual": "1个", "weight": 90, "' + extra_key + '": "x"}]}]}'
    )


@pytest.mark.parametrize(
    ("name", "key", "where", "words"),
    [
        ("\\ud800", "reason", "projects[0].indicators[0].name", "half of a character"),
        ("a\\udfffb", "reason", "projects[0].indicators[0].name", "half of a character"),
        ("ok", "reason\\ud83d", "projects[0].indicators[0]", "a key holds half"),
    ],
    ids=["lone-high", "lone-low-inside", "in-a-key"],
)
def test_a_lone_surrogate_is_refused_at_its_place(cli, tmp_path, name, key, where, words):
    path = tmp_path / "table.json"
    path.write_text(json_table(name, key), "utf-8")
    run = cli("score", str(path))
    refused(run, str(path), where, words, "remove it")


@pytest.mark.parametrize(
    "name",
    ["\\ud83d\\ude00 满意度", "\\u001b[31m红\\u001b[0m", "a\\u0000b", "tab\\there", "\\u0085next"],
    ids=["surrogate-pair", "escape-sequence", "nul", "tab", "c1-control"],
)
@pytest.mark.parametrize("output", ["table", "json", "csv", "markdown"])
def test_other_text_is_accepted_and_written_out(cli, tmp_path, name, output):
    path = tmp_path / "table.json"
    path.write_text(json_table(name), "utf-8")
    run = cli("score", str(path), "-f", output)
    assert run.code == 0, run
    assert "Traceback" not in run.err


def test_a_control_character_in_an_unknown_key_is_named(cli, tmp_path):
    path = tmp_path / "table.json"
    path.write_text(json_table("n", "rea\\u0007son"), "utf-8")
    run = cli("score", str(path))
    refused(run, str(path), "unknown key", "did you mean `reason`?")


# --- a table with nothing applicable ---------------------------------------------------------


def not_applicable(first: str, second: str, department_table: bool = False) -> str:
    """Two rows, each applicable or not as given; in the department's own table when asked."""
    rows = f"""
[[{{table}}.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = "≥100人次"
actual = "120人次"
weight = 80
applicable = {first}

[[{{table}}.indicators]]
level1 = "效益指标"
level2 = "社会效益指标"
name = "培训效果"
target = "效果明显"
actual = "达成"
weight = 10
applicable = {second}
"""
    head = '[department]\nname = "示例单位"\nyear = 2024\nbudget = { planned = 100, spent = 95 }\n'
    if department_table:
        return head + rows.format(table="department")
    project = '\n[[projects]]\nname = "示例项目"\nbudget = { planned = 100, spent = 95 }\n'
    return head + project + rows.format(table="projects")


@pytest.mark.parametrize(
    ("department_table", "where"),
    [(False, "projects[0].indicators"), (True, "department.indicators")],
    ids=["project", "department"],
)
def test_a_table_with_every_indicator_not_applicable_is_refused(
    cli, tmp_path, department_table, where
):
    path = tmp_path / "table.toml"
    path.write_text(not_applicable("false", "false", department_table), "utf-8")
    run = cli("score", str(path))
    refused(run, str(path), where, "not applicable", "only the execution row", "applicable = true")


@pytest.mark.parametrize(("first", "second"), [("true", "false"), ("false", "true")])
def test_one_applicable_indicator_is_enough_to_score(cli, tmp_path, first, second):
    path = tmp_path / "table.toml"
    path.write_text(not_applicable(first, second), "utf-8")
    assert cli("score", str(path)).code == 0


# --- rule sets: what would fail only once a row is scored -------------------------------------

MINE = '[ruleset]\nid = "mine"\nextends = "mof-2020"\n'
TIERS = (
    '{{ name = "达成", min = 0.8, max = 1.0, default = {top}, aliases = ["完成"] }}, '
    '{{ name = "部分达成", min = 0.6, max = 0.8, default = 0.7, aliases = [{alias}] }}, '
    '{{ name = "未达成", min = 0.0, max = 0.6, default = 0.3 }}'
)


def tiers(top: str = "1.0", alias: str = '"基本完成"') -> str:
    return "[qualitative]\ntiers = [" + TIERS.format(top=top, alias=alias) + "]\n"


RULE_SET_MISTAKES = [
    # (id, body, key path, words)
    ("grade-nan", '[grades]\n"优" = nan\n"差" = 0\n', "grades.优", "not a usable number"),
    ("grade-inf", '[grades]\n"优" = inf\n"差" = 0\n', "grades.优", "not a usable number"),
    ("tier-nan", tiers(top="nan"), "qualitative.tiers[0].default", "not a usable number"),
    (
        "cap-nan",
        "[[caps]]\nexecution_below = nan\nmax_score = 60\n",
        "caps[0].execution_below",
        "not a usable number",
    ),
    (
        "cap-inf",
        "[[caps]]\nexecution_below = 0.6\nmax_score = -inf\n",
        "caps[0].max_score",
        "not a usable number",
    ),
    (
        "band-nan",
        '[execution]\nmethod = "bands"\nbands = [{ min = nan, rate = 1 }]\n',
        "execution.bands[0].min",
        "not a usable number",
    ),
    (
        "5000-digits",
        f"[rounding]\ndecimals = 2\n[[caps]]\nexecution_below = {FIVE_THOUSAND_DIGITS}\n"
        "max_score = 60\n",
        "caps[0].execution_below",
        f"more than {MAX_DIGITS} digits",
    ),
    (
        "exponent",
        '[grades]\n"优" = 1e999999\n"差" = 0\n',
        "grades.优",
        f"more than {MAX_DIGITS} digits",
    ),
    (
        "bands-empty-for-numbers",
        '[quantitative]\n"≥" = "bands"\n[methods.bands]\nbands = []\n',
        "methods.bands.bands",
        "needs `bands`",
    ),
    (
        "bands-missing-for-numbers",
        '[quantitative]\n"≥" = "bands"\n',
        "methods.bands.bands",
        "needs `bands`",
    ),
    (
        "bands-missing-in-override",
        '[[overrides]]\nmatch = { name = "*率" }\nmethod = "bands"\n',
        "overrides[0].params.bands",
        "needs `bands`",
    ),
    (
        "band-without-rate",
        '[[overrides]]\nmatch = { name = "*率" }\nmethod = "bands"\n'
        "params = { bands = [{ min = 0.9 }] }\n",
        "overrides[0].params.bands[0]",
        "missing key `rate`",
    ),
    (
        "band-upside-down",
        '[execution]\nmethod = "bands"\nbands = [{ min = 0.9, max = 0.5, rate = 1 }]\n',
        "execution.bands[0]",
        "no value falls in it",
    ),
    (  # listed from the lowest min up: 110% spent would take the first band's 0.4
        "bands-from-the-lowest",
        '[execution]\nmethod = "bands"\n'
        "bands = [{ min = 0, rate = 0.4 }, { min = 0.6, rate = 0.6 }, { min = 0.9, rate = 1 }]\n",
        "execution.bands[1]",
        "never reached",
    ),
    (  # a band inside an earlier one's [min, max]
        "band-inside-an-earlier-one",
        '[[overrides]]\nmatch = { name = "*率" }\nmethod = "bands"\n'
        "params = { bands = [{ min = 0.5, max = 1, rate = 1 }, { min = 0.6, max = 0.8, rate = 0.5 }] }\n",
        "overrides[0].params.bands[1]",
        "never reached",
    ),
    (  # 90 for 90%: every project capped, however well spent
        "cap-below-a-percentage",
        "[[caps]]\nexecution_below = 90\nmax_score = 89\n",
        "caps[0].execution_below",
        "is not a rate",
    ),
    (
        "cap-above-the-total",
        "[[caps]]\nexecution_below = 0.9\nmax_score = 150\n",
        "caps[0].max_score",
        "caps nothing",
    ),
    (
        "cap-at-the-total",
        "[[caps]]\nexecution_below = 1\nmax_score = 100\n",
        "caps[0].max_score",
        "caps nothing",
    ),
    (
        "cap-below-nothing",
        "[[caps]]\nexecution_below = 0\nmax_score = 80\n",
        "caps[0].execution_below",
        "never applies",
    ),
    (  # bands by max listed from the highest down: the first takes every value under it
        "max-bands-from-the-highest",
        '[[overrides]]\nmatch = { name = "*率" }\nmethod = "bands"\n'
        "params = { bands = [{ max = 1, rate = 0.5 }, { max = 0.5, rate = 1 }] }\n",
        "overrides[0].params.bands[1]",
        "bands by max from the lowest up",
    ),
    (
        "grade-above-the-total",
        '[grades]\n"优" = 190\n"良" = 80\n"中" = 60\n"差" = 0\n',
        "grades.优",
        "no score reaches it",
    ),
    (
        "bands-of-unknown",
        '[quantitative]\n"≥" = "bands"\n[methods.bands]\nof = "ratio"\n'
        "bands = [{ min = 0, rate = 1 }]\n",
        "methods.bands.of",
        "not `rate` or `actual`",
    ),
    (
        "alias-in-two-tiers",
        tiers(alias='"完成"'),
        "qualitative.tiers[1].aliases[0]",
        "names two tiers",
    ),
    (
        "alias-is-another-tier",
        tiers(alias='"达 成"'),
        "qualitative.tiers[1].aliases[0]",
        "names two tiers",
    ),
    (
        "tiers-for-execution",
        '[execution]\nmethod = "tiers"\n',
        "execution.method",
        "cannot score numbers",
    ),
    (
        "tiers-for-numbers",
        '[quantitative]\n"≤" = "tiers"\n',
        "quantitative.≤",
        "cannot score numbers",
    ),
    (
        "unit-factor-zero",
        '[units.families.area]\n"公亩" = 0\n',
        "units.families.area.公亩",
        "not a number above 0",
    ),
    (
        "unit-factor-over-zero",
        '[units.families.area]\n"公亩" = "100/0"\n',
        "units.families.area.公亩",
        "not a number above 0",
    ),
    (
        "unit-factor-negative",
        '[units.families.area]\n"公亩" = -100\n',
        "units.families.area.公亩",
        "not a number above 0",
    ),
    (
        "multiplier-without-a-name",
        '[units.multipliers]\n"" = 10\n',
        "units.multipliers",
        "without a name",
    ),
]


@pytest.mark.parametrize(
    ("body", "where", "words"),
    [m[1:] for m in RULE_SET_MISTAKES],
    ids=[m[0] for m in RULE_SET_MISTAKES],
)
def test_rules_check_finds_what_scoring_would_choke_on(cli, tmp_path, body, where, words):
    path = tmp_path / "mine.toml"
    path.write_text(MINE + body, "utf-8")
    run = cli("rules", "check", str(path))
    refused(run, str(path), where, words)
    table = tmp_path / "table.toml"
    table.write_text(evaluation_toml(), "utf-8")
    refused(cli("score", str(table), "-r", str(path)), where)


@pytest.mark.parametrize(
    "body",
    [
        tiers(),
        '[execution]\nmethod = "bands"\nbands = [{ min = 0.9, rate = 1 }, { min = 0, rate = 0.5 }]\n',
        '[quantitative]\n"≥" = "bands"\n[methods.bands]\nbands = [{ min = 1, rate = 1 }]\n',
        '[units.families.area]\n"公亩" = 100\n',
    ],
    ids=["tiers", "execution-bands", "bands-for-numbers", "unit"],
)
def test_rules_check_passes_the_same_keys_written_right(cli, tmp_path, body):
    path = tmp_path / "mine.toml"
    path.write_text(MINE + body, "utf-8")
    assert cli("rules", "check", str(path)).code == 0


@pytest.mark.parametrize(
    ("code", "hint"),
    [("execution-lwo", "did you mean `execution-low`?"), ("no-such", "rules show")],
)
def test_a_severity_for_a_finding_no_check_gives_is_refused(cli, tmp_path, code, hint):
    """A misspelt code in [checks.severity] would be ignored without a word: refused, with the
    code it was likely meant to be."""
    rules = tmp_path / "sev.toml"
    rules.write_text(
        f'[ruleset]\nid = "sev"\nextends = "mof-2020"\n[checks.severity]\n"{code}" = "error"\n',
        "utf-8",
    )
    run = cli("rules", "check", str(rules))
    assert run.code == 2, run
    assert f"{rules}: checks.severity.{code}: no check gives a finding" in run.err, run
    assert hint in run.err and "Traceback" not in run.err


@pytest.mark.parametrize(
    ("name", "text", "command"),
    [
        ("evaluation.toml", "[department]\nbig = " + "9" * 5000 + "\n", "score"),
        ("rules.toml", '[ruleset]\nid = "x"\nbig = ' + "9" * 5000 + "\n", "rules-check"),
    ],
)
def test_an_integer_of_thousands_of_digits_is_refused_at_its_place(
    cli, tmp_path, name, text, command
):
    """Python will not turn more than 4,300 digits into an int (an internal error before);
    no figure has more than MAX_DIGITS: refused at the line and column where it starts."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    args = ["rules", "check", str(path)] if command == "rules-check" else ["score", str(path)]
    run = cli(*args)
    assert run.code == 2, run
    assert "a number of more than 40 digits" in run.err and "Traceback" not in run.err
    line = 3 if name == "rules.toml" else (2 if name.endswith(".toml") else 1)
    assert f"{path}: line {line}, column" in run.err, run


# --- the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "threshold",
    ["1e999999999", "100.01", "-1", "-0.5", "nan", "-inf", "inf", "sNaN", "1E+2000"],
)
def test_a_fail_under_no_score_can_meet_or_miss_is_refused(cli, tmp_path, threshold):
    """A score is from 0 to the rule set's full marks: a threshold outside them (or not a
    number at all) would make the exit code meaningless."""
    path = tmp_path / "sound.toml"
    path.write_text(evaluation_toml(), "utf-8")
    run = cli("score", str(path), f"--fail-under={threshold}")  # = : argparse takes -1 so
    refused(run, f"--fail-under {threshold!r} is", "give a score from 0 to 100")
    assert run.out == ""


@pytest.mark.parametrize(("threshold", "code"), [("0", 0), ("100", 1), ("1E+2", 1), ("0.0", 0)])
def test_a_fail_under_at_either_end_is_a_score(cli, tmp_path, threshold, code):
    path = tmp_path / "sound.toml"
    path.write_text(evaluation_toml(), "utf-8")
    assert cli("score", str(path), "--fail-under", threshold).code == code


def test_a_blank_actual_is_said_to_be_empty_on_every_kind_of_row(cli, tmp_path):
    """A 实际完成值 left empty or "/" beside a filled target: each row said to be empty, not as
    "'' is not a number" nor as a word that is no tier; the fix names both ways to mark a row not
    assessed (the rows of tests/cases/error-actual-blank.toml)."""
    from pathlib import Path

    from scoring.testing import read_case

    _, _, evaluation = read_case(Path(__file__).parent / "cases" / "error-actual-blank.toml")
    path = tmp_path / "blank.json"
    path.write_text(json.dumps(evaluation, ensure_ascii=False, default=str), "utf-8")
    run = cli("--lang", "en", "score", str(path))
    assert run.code == 2, run
    assert run.err.count("实际完成值 is empty") == 2, run.err
    assert "projects[0].indicators[0].actual" in run.err
    assert "projects[0].indicators[1].actual" in run.err
    assert "not a number" not in run.err and "not a tier" not in run.err
    assert "不适用" in run.err and "applicable = false" in run.err


def test_not_applicable_written_as_the_actual_points_to_applicable_false(cli, tmp_path):
    """In a workbook, 不适用 in the 实际完成值 marks the row not applicable; in a TOML file the
    key says it: the actual 不适用 is refused with that fix, not as a number it is not."""
    path = tmp_path / "na.toml"
    path.write_text(
        '[department]\nname = "某县财政局"\nyear = 2023\nbudget = { planned = 1, spent = 1 }\n'
        '[[projects]]\nname = "项目"\nbudget = { planned = 1, spent = 1 }\n'
        '[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "台数"\n'
        'target = "≥5台"\nactual = "不适用"\n',
        "utf-8",
    )
    run = cli("--lang", "en", "score", str(path))
    assert run.code == 2, run
    assert "projects[0].indicators[0].applicable" in run.err and "applicable = false" in run.err
    assert "not a number" not in run.err


def test_a_reading_named_as_an_overrides_method_is_said_to_be_none(cli, tmp_path, leting):
    """range (what a row inside its range shows as its method) is no method a rule set gives."""
    rules = tmp_path / "r.toml"
    rules.write_text(
        '[ruleset]\nid = "r"\nextends = "mof-2020"\nversion = "1"\ntitle = "r"\n'
        '[[overrides]]\nmatch = { name = "*" }\nmethod = "range"\n',
        "utf-8",
    )
    run = cli("--lang", "en", "score", str(leting), "-r", str(rules))
    assert run.code == 2, run
    assert "overrides[0].method" in run.err and "how scoring reads a row" in run.err
    assert "ratio" in run.err  # the methods there are


@pytest.mark.skipif(not os.path.isfile("/proc/version"), reason="no /proc file system here")
def test_an_output_in_a_folder_that_takes_no_file_is_not_said_to_be_missing(cli, leting):
    """/proc is there, but no file can be made in it: the system says "no such file", and the
    hint says the folder takes no new file — not that it does not exist."""
    run = cli("--lang", "en", "score", str(leting), "-f", "json", "-o", "/proc/version")
    assert run.code == 2, run
    assert "→ /proc takes no new file: write to another folder" in run.err
    assert "does not exist" not in run.err and "/proc/version is as it was" in run.err


def test_an_unquoted_toml_date_is_said_to_be_one(cli, tmp_path):
    """actual = 2024-06-30 without quotes is a TOML date, not text: the message said it got
    "2024-06-30", which looks like the text it should be."""
    path = tmp_path / "日期.toml"
    text = case_evaluation(LETING).replace('actual = "3个"', "actual = 2024-06-30", 1)
    path.write_text(text, "utf-8")
    run = cli("--lang", "en", "score", str(path))
    assert run.code == 2, run
    assert "got the TOML date 2024-06-30" in run.err
    assert '→ put it in quotes to write it as text: "2024-06-30"' in run.err
