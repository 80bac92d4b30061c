"""The messages about an evaluation file speak Chinese by default and English on request: a
file that is not there, a syntax error and its place, missing and unknown keys, values that do
not read, and a list of problems cut short."""

from __future__ import annotations

import json

import pytest

from scoring.limits import MAX_PROBLEMS

CHINESE = {"SCORING_LANG": "zh"}


def said(cli, path, *words):
    """`scoring score path` in Chinese and, with --lang en, in English: each refused (exit 2,
    no traceback); their standard errors."""
    zh = cli("score", str(path), env=CHINESE)
    en = cli("--lang", "en", "score", str(path), env=CHINESE)
    for run in (zh, en):
        assert run.code == 2, run
        assert "Traceback" not in run.err and "internal error" not in run.err, run.err
    return zh.err, en.err


def test_a_file_that_is_not_there(cli, tmp_path):
    path = tmp_path / "missing.toml"
    zh, en = said(cli, path)
    assert f"{path}：文件不存在\n  → 请检查路径" in zh
    assert f"{path}: no such file\n  → check the path" in en


def test_a_folder_given_for_a_file(cli, tmp_path):
    """score and check take a folder for its files: one with none is said; the commands that
    take one file say a folder is not one."""
    zh, en = said(cli, tmp_path)
    assert f"{tmp_path} 中没有自评表文件\n  → 自评表文件的后缀为 .json, .toml" in zh
    assert f"{tmp_path} holds no evaluation file" in en
    for run, words in (
        (cli("whatif", str(tmp_path), "--grade", "优", env=CHINESE), "：这是文件夹，不是文件"),
        (
            cli("--lang", "en", "whatif", str(tmp_path), "--grade", "优", env=CHINESE),
            ": this is a folder, not a",
        ),
    ):
        assert run.code == 2 and f"{tmp_path}{words}" in run.err, run


def test_a_syntax_error_names_its_line_and_column(cli, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[department]\nname = “乐亭县”\n", "utf-8")
    zh, en = said(cli, path)
    assert f"{path}：第 2 行第 8 列：TOML 格式有误：值无效" in zh
    assert '→ 文字请用英文直引号（"…"）括起，不要用中文引号（“…”）' in zh
    assert f"{path}: line 2, column 8: not valid TOML: Invalid value" in en
    assert '→ put text between straight quotes ("…"), not Chinese quotes (“…”)' in en


@pytest.mark.parametrize(
    ("text", "zh_reason", "en_reason"),
    [
        # tomllib says "Invalid value (at end of document)": the place is said once, in the
        # place's words, and the reason is translated whole
        ("[department]\nname = [1,\n", "第 3 行（文件末尾）：TOML 格式有误：值无效",
         "line 3 (the end of the file): not valid TOML: Invalid value"),
        # tomllib quotes the key as a Python tuple, ('department',): shown as TOML writes it
        ("[department]\nname = 'a'\n[department]\n", "TOML 格式有误：department 被声明了两次",
         "not valid TOML: Cannot declare department twice"),
    ],
)  # fmt: skip
def test_tomllib_reasons_in_the_users_words(cli, tmp_path, text, zh_reason, en_reason):
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    zh, en = said(cli, path)
    assert zh_reason in zh and "(at end of document)" not in zh and "('" not in zh
    assert en_reason in en


def test_a_json_key_given_twice(cli, tmp_path):
    path = tmp_path / "twice.json"
    path.write_text('{"department": {}, "department": {}}', "utf-8")
    zh, en = said(cli, path)
    assert "JSON 格式有误：键 'department' 在同一个对象中出现了两次\n  → 请只保留其中一个" in zh
    assert "not valid JSON: the key 'department' appears twice in one object" in en


def test_a_file_in_gbk(cli, tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes('[department]\nname = "乐亭县"\n'.encode("gb18030"))
    zh, en = said(cli, path)
    assert "不是 UTF-8 编码的文本（位于字节偏移 21 处）" in zh
    assert "→ 文件似乎是 GBK/GB18030 编码，请另存为 UTF-8 编码" in zh
    assert "not UTF-8 text (at byte 21)" in en


def test_missing_and_unknown_keys(cli, leting):
    text = leting.read_text("utf-8")
    budget = "budget = { planned = 20, adjusted = 20, spent = 19.80 }"
    assert budget in text
    leting.write_text(text.replace(budget, "budgett" + budget.removeprefix("budget")), "utf-8")
    zh, en = said(cli, leting)
    assert f"{leting}：2 处问题" in zh
    assert "  projects[0]：缺少键 `budget`\n    → 在此处补上 `budget`" in zh
    assert "  projects[0].budgett：未知的键 `budgett`\n    → 是否应为 `budget`？" in zh
    assert f"{leting}: 2 problems" in en
    assert "  projects[0]: missing key `budget`\n    → add `budget` here" in en
    assert "  projects[0].budgett: unknown key `budgett`\n    → did you mean `budget`?" in en


def test_a_value_of_the_wrong_kind_is_described_in_the_users_language(cli, leting):
    """A hint quotes the schema's description of the key: in the interface's language, from
    the catalogs (a description stays in the schema in English, with the form's terms)."""
    text = leting.read_text("utf-8")
    leting.write_text(text.replace("year = 2023", "year = true", 1), "utf-8")
    zh, en = said(cli, leting)
    assert (
        "department.year：应为整数或文字，实际为 true\n"
        "  → 此处应填写整数或文字（预算年度：2024，或“2024年”“2024年度”这样的文字）"
    ) in zh
    leting.write_text(text.replace("year = 2023", "year = 2023.5", 1), "utf-8")
    zh2, en2 = said(cli, leting)
    assert "department.year：应为整数或文字，实际为 2023.5\n" in zh2  # a number, unquoted
    assert "department.year: expected a whole number or text, got 2023.5\n" in en2
    assert (
        "department.year: expected a whole number or text, got true\n"
        '  → write a whole number or text here (the budget year: 2024, or text such as "2024年" '
        'or "2024年度")'
    ) in en


@pytest.mark.parametrize(
    ("old", "new", "chinese", "english"),
    [
        (
            "planned = 382.31",
            "planned = -1",
            "department.budget.planned：年初预算数为负数（-1）\n    → 金额应大于或等于 0",
            "department.budget.planned: planned is negative (-1)\n"
            "    → amounts of money are 0 or more",
        ),
        (
            "spent = 19.80",
            'spent = "十九万"',
            "projects[0].budget.spent：'十九万' 不是金额\n"
            '    → 请写成 382.31 或 "382.31万元" 的形式',
            "projects[0].budget.spent: '十九万' is not an amount of money",
        ),
        (
            "year = 2023",
            'year = "二〇二三"',
            "department.year：'二〇二三' 不是年份\n    → 年度请写成 2024（或 2024年）",
            "department.year: '二〇二三' is not a year\n    → write the year as 2024 (or 2024年)",
        ),
        (
            'actual = "3个"',
            'actual = "3个（全部签约落地）"',
            "projects[0].indicators[0].actual：'3个（全部签约落地）'：数字后面的文字"
            "（'个(全部签约落地)'）不是单位\n"
            "    → 单位最多 4 个字符且不含数字；此处只写数字和单位，说明文字请写在偏差原因中",
            "projects[0].indicators[0].actual: '3个（全部签约落地）': the text after the number "
            "('个(全部签约落地)') is not a unit",
        ),
    ],
    ids=["negative", "not-money", "not-a-year", "not-a-unit"],
)
def test_a_value_that_does_not_read(cli, leting, old, new, chinese, english):
    text = leting.read_text("utf-8")
    assert old in text
    # a second problem, so that each is listed under the file's head line
    leting.write_text(text.replace(old, new, 1).replace("spent = 374.11", "spent = -2"), "utf-8")
    zh, en = said(cli, leting)
    assert f"{leting}：2 处问题" in zh and chinese in zh
    assert f"{leting}: 2 problems" in en and english in en


def test_a_list_of_problems_cut_short(cli, tmp_path):
    path = tmp_path / "many.json"
    department = {"name": "x", "year": 2024, "budget": {"planned": 1, "spent": 1}}
    path.write_text(json.dumps({"department": department, "projects": [{}] * 20}), "utf-8")
    zh, en = said(cli, path)
    more = 3 * 20 - MAX_PROBLEMS  # each project lacks its name, budget and indicators
    assert f"{path}：60 处问题" in zh
    assert (
        f"  ……另有 {more} 处问题未列出\n    → 请先改正以上所列问题，再运行一次以查看其余问题" in zh
    )
    assert f"{path}: 60 problems" in en
    assert (
        f"  … and {more} more problems\n    → fix those listed and run again to see the rest" in en
    )


def test_a_bad_unicode_escape_in_json(cli, tmp_path):
    """json's reason for a \\u not followed by four hex digits, in the reader's words."""
    path = tmp_path / "bad.json"
    path.write_text('{"department": "\\uZZ"}', "utf-8")
    zh, en = said(cli, path)
    assert "JSON 格式有误：无效的 \\u 转义：\\u 后面须有四位十六进制数字" in zh
    assert "not valid JSON: Invalid \\u escape: four hexadecimal digits must follow \\u" in en
