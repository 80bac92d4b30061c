"""Everything a user can get wrong in an evaluation file: a clear message, the place, exit 2.

Each case is a file, the key path (or line) the message must name, and words it must say.
"""

from __future__ import annotations

import pytest

BASE = """
[department]
name = "示例单位"
year = 2024
budget = {{ planned = 100, spent = 95 }}

[[projects]]
name = "示例项目"
budget = {{ planned = 100, spent = 95 }}

[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "培训人次"
target = {target}
actual = {actual}
weight = {weight}
"""


def base(target='"≥100人次"', actual='"120人次"', weight="90") -> str:
    return BASE.format(target=target, actual=actual, weight=weight)


CASES = [
    # (id, text, suffix, where, words)
    (
        "missing-department",
        "[[projects]]\nname = 'p'\n",
        ".toml",
        "department",
        "missing key `department`",
    ),
    ("unknown-key", base() + "\n[extra]\nx = 1\n", ".toml", "extra", "unknown key `extra`"),
    (
        "did-you-mean",
        base().replace(
            "[[projects.indicators]]\nlevel1", "[[projects.indicators]]\nlevell = 'x'\nlevel1"
        ),
        ".toml",
        "projects[0].indicators[0].levell",
        "did you mean `level",
    ),
    (
        "chinese-quotes",
        base(target="“≥100人次”"),
        ".toml",
        "line 15, column 10",
        "not Chinese quotes",
    ),
    (
        "fraction-against-percent",
        base(target='"≥95%"', actual="0.95"),
        ".toml",
        "projects[0].indicators[0].actual",
        "write 95%",
    ),
    (
        "deadline-straddled",
        base(target='"5月15日前"', actual='"5月"'),
        ".toml",
        "projects[0].indicators[0].actual",
        "write the day it was done",
    ),
    (
        "actual-nan",
        base(actual="nan"),
        ".toml",
        "projects[0].indicators[0].actual",
        "not a usable number",
    ),
    (
        "full-width-equals",
        base().replace('name = "培训人次"', 'name ＝ "培训人次"'),
        ".toml",
        "line 14, column 6",
        "half-width",
    ),
    (
        # an ASCII mistake on a line whose text holds Chinese punctuation: not the input method
        "ascii-mistake-beside-chinese-text",
        base().replace('name = "培训人次"', 'name = "培训，人次"x'),
        ".toml",
        "line 14",
        "fix the syntax at that place",
    ),
    (
        "json-chinese-quotes",
        '{"department": {"name": “示例”}}',
        ".json",
        "line 1",
        "straight quotes",
    ),
    (
        "approximate-target",
        base(target='"95%左右"', actual='"96%"'),
        ".toml",
        "projects[0].indicators[0].target",
        "approximate",
    ),
    (
        "year-as-words",
        base().replace("year = 2024", 'year = "去年"'),
        ".toml",
        "department.year",
        "is not a year",
    ),
    (
        "spent-missing",
        base().replace(
            "budget = { planned = 100, spent = 95 }\n\n[[projects]]",
            "budget = { planned = 100 }\n\n[[projects]]",
        ),
        ".toml",
        "department.budget",
        "`spent`",
    ),
    (
        "no-budget-base",
        base().replace(
            "{ planned = 100, spent = 95 }\n\n[[projects]]", "{ spent = 95 }\n\n[[projects]]"
        ),
        ".toml",
        "department.budget",
        "`planned`",
    ),
    (
        "actual-missing",
        base().replace('actual = "120人次"\n', ""),
        ".toml",
        "projects[0].indicators[0]",
        "missing key `actual`",
    ),
    (
        "nan",
        base().replace("spent = 95 }\n\n[[projects.", "spent = nan }\n\n[[projects."),
        ".toml",
        "projects[0].budget.spent",
        "not a usable number",
    ),
    (
        "inf-text",
        base(actual='"inf"'),
        ".toml",
        "projects[0].indicators[0].actual",
        "not a usable number",
    ),
    ("negative-weight", base(weight="-5"), ".toml", "projects[0].indicators[0].weight", "negative"),
    (
        "unit-mismatch",
        base(actual='"120个"'),
        ".toml",
        "projects[0].indicators[0].actual",
        "'人次'",
    ),
    (
        "text-actual",
        base(actual='"很多"'),
        ".toml",
        "projects[0].indicators[0].actual",
        "not a number",
    ),
    (
        "not-a-tier",
        base(target='"效果明显"', actual='"还行"'),
        ".toml",
        "projects[0].indicators[0].actual",
        "部分达成",
    ),
    (
        "long-tail",
        base(actual='"120人次，超额完成"'),
        ".toml",
        "projects[0].indicators[0].actual",
        "not a unit",
    ),
    (
        "partial-weights",
        base() + '\n[[projects.indicators]]\nlevel1 = "效益指标"\nlevel2 = "社会效益指标"\n'
        'name = "满意"\ntarget = "≥90%"\nactual = "95%"\n',
        ".toml",
        "projects[0].indicators[1]",
        "some indicators",
    ),
    (
        "unknown-category",
        base(weight="")
        .replace("weight = \n", "")
        .replace('level1 = "产出指标"', 'level1 = "投入指标"'),
        ".toml",
        "projects[0].indicators[0].level1",
        "投入指标",
    ),
    (
        "bad-money",
        base().replace("spent = 95 }\n\n[[projects.", 'spent = "95个" }\n\n[[projects.'),
        ".toml",
        "projects[0].budget.spent",
        "not a unit of money",
    ),
    ("empty-target", base(target='""'), ".toml", "projects[0].indicators[0].target", "empty"),
    ("two-ops", base(target='"≥100人次以下"'), ".toml", "projects[0].indicators[0].target", "both"),
    (
        "score-as-words",
        base() + 'score = "九分"\n',
        ".toml",
        "projects[0].indicators[0].score",
        "not a score",
    ),
    (
        "empty-projects",
        '[department]\nname = "d"\nyear = 2024\nbudget = { planned = 1, spent = 1 }\nprojects = []\n',
        ".toml",
        "department.projects",
        "unknown key",
    ),
    (
        "nothing-to-score",
        '[department]\nname = "d"\nyear = 2024\nbudget = { planned = 1, spent = 1 }\n',
        ".toml",
        "projects",
        "nothing to score",
    ),
    (
        "toml-syntax",
        base().replace("[[projects]]", "[[projects]"),
        ".toml",
        "line 7, column",
        "not valid TOML",
    ),
    (
        "toml-date",
        base().replace('name = "示例单位"', "name = 2024-01-01"),
        ".toml",
        "department.name",
        "text",
    ),
    ("json-syntax", '{"department": {"name": "d",}}', ".json", "line 1, column", "not valid JSON"),
    ("json-array", "[1, 2]", ".json", None, "one JSON object"),
    (
        "json-nan",
        '{"department": {"name": "d", "year": 2024, "budget": {"planned": NaN, "spent": 1}}}',
        ".json",
        None,
        "NaN",
    ),
    ("json-deep", "[" * 100_000, ".json", None, "nested too deeply"),
    ("unknown-suffix", base(), ".xml", None, "no reader for .xml"),
]


@pytest.mark.parametrize(
    ("text", "suffix", "where", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_input_is_explained(cli, tmp_path, text, suffix, where, words):
    path = tmp_path / f"table{suffix}"
    path.write_text(text, "utf-8")
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "Traceback" not in run.err
    assert str(path) in run.err, run.err
    if where:
        assert where in run.err, run.err
    assert words in run.err, run.err


def test_not_utf8(cli, tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes(base().encode("gb18030"))
    run = cli("score", str(path))
    assert run.code == 2 and "not UTF-8" in run.err and "GBK" in run.err


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16", "the file is UTF-16"),  # Notepad's “Unicode”, with its byte-order mark
        ("utf-16-le", "the file is UTF-16"),  # without one
        ("utf-32", "the file is UTF-32"),
    ],
)
def test_utf16_and_utf32_are_named_as_such(cli, tmp_path, encoding, said):
    """A file saved as UTF-16 or UTF-32: said so, not GBK."""
    path = tmp_path / "unicode.toml"
    path.write_bytes(base().encode(encoding))
    run = cli("score", str(path))
    assert run.code == 2 and "not UTF-8" in run.err and said in run.err, run.err


@pytest.mark.parametrize(
    ("suffix", "text", "said"),
    [
        (
            ".toml",
            '{"department": {"name": "x"}}',
            "the file holds JSON, not TOML: rename it to .json",
        ),
        (
            ".json",
            '# 自评表\n[department]\nname = "x"\n',
            "the file holds TOML, not JSON: rename it to .toml",
        ),
        (".json", "department = 1\n", "the file holds TOML, not JSON: rename it to .toml"),
    ],
)
def test_json_and_toml_under_each_other_s_name(cli, tmp_path, suffix, text, said):
    path = tmp_path / f"unit{suffix}"
    path.write_text(text, "utf-8")
    run = cli("score", str(path))
    assert run.code == 2 and said in run.err, run.err


def test_a_folder_and_a_missing_file(cli, tmp_path):
    assert "a folder" in cli("score", str(tmp_path)).err
    run = cli("score", str(tmp_path / "missing.toml"))
    assert run.code == 2 and "no such file" in run.err


def test_every_problem_is_listed_at_once(cli, tmp_path):
    path = tmp_path / "two.toml"
    path.write_text(
        base()
        .replace("spent = 95 }\n\n[[projects.", 'spent = "x" }\n\n[[projects.')
        .replace('actual = "120人次"', 'actual = "nan"'),
        "utf-8",
    )
    run = cli("score", str(path))
    assert "2 problems" in run.err
    assert "projects[0].budget.spent" in run.err and "projects[0].indicators[0].actual" in run.err


def test_a_bad_rule_set_names_its_key(cli, tmp_path):
    table = tmp_path / "t.toml"
    table.write_text(base(), "utf-8")
    rules = tmp_path / "r.toml"
    rules.write_text(
        '[ruleset]\nid = "r"\nextends = "mof-2020"\n[execution]\nmethod = "ratoi"\n', "utf-8"
    )
    run = cli("score", str(table), "-r", str(rules))
    assert run.code == 2 and "execution.method" in run.err and "did you mean `ratio`" in run.err
    cycle_a, cycle_b = tmp_path / "a.toml", tmp_path / "b.toml"
    cycle_a.write_text('[ruleset]\nid = "a"\nextends = "b.toml"\n', "utf-8")
    cycle_b.write_text('[ruleset]\nid = "b"\nextends = "a.toml"\n', "utf-8")
    run = cli("score", str(table), "-r", str(cycle_a))
    assert run.code == 2 and "circle" in run.err
    orphan = tmp_path / "orphan.toml"
    orphan.write_text('[ruleset]\nid = "o"\nextends = "mof-2021"\n', "utf-8")
    run = cli("score", str(table), "-r", str(orphan))
    assert run.code == 2 and "did you mean `mof-2020`" in run.err
