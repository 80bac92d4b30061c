"""Output is inert: what an evaluation file, a rule set or a file's name says is shown, never
obeyed — by a terminal (escape sequences, C1 controls, bidirectional overrides, zero-width
characters, rich markup), a spreadsheet (a CSV cell or a workbook cell that looks like a
formula), or a Markdown viewer (HTML, headings, table rows, links, images).

Each case is a small file written by the test; each asserts what the user sees.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from scoring import inert

# text a file may hold that a terminal would obey → how every view shows it; and how it shows
# an indicator's name, from which the reader drops invisible marks (values.clean_label)
HOSTILE = {
    "clear-screen": ("\x1b[2J\x1b[H", r"\x1b[2J\x1b[H"),
    "osc52-clipboard": ("\x1b]52;c;ZWNobyBvd25lZA==\x07", r"\x1b]52;c;ZWNobyBvd25lZA==\x07"),
    "osc8-link": (
        "\x1b]8;;http://evil.example/\x1b\\点此\x1b]8;;\x1b\\",
        "\\x1b]8;;http://evil.example/\\x1b\\点此\\x1b]8;;\\x1b\\",
    ),
    "c1-csi": ("\u009b31m红", r"\x9b31m红"),
    "bidi-override": ("\u202e54.3\u202c", r"\u202e54.3\u202c", "54.3"),
    "bidi-isolate": ("\u2066abc\u2069", r"\u2066abc\u2069", "abc"),
    "zero-width": ("工程\u200b资金\u200d", r"工程\u200b资金\u200d", "工程资金"),
    "carriage-return": ("真值\r伪造", r"真值\x0d伪造"),
    "backspace-bell-del": ("ab\x08\x08\x07\x7f", r"ab\x08\x08\x07\x7f"),
    "tag-characters": ("x\U000e0041\U000e0042", r"x\U000e0041\U000e0042"),
    "line-separator": ("上\u2028下", r"上\u2028下"),
    "rich-markup": ("[red]红[/red][link=http://evil.example]点此[/link]",) * 2,
}
HOSTILE_IDS = list(HOSTILE)

# what no output may hold raw: Unicode's controls, format characters, surrogates, separators
OBEYED = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def raw_controls(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on (a line feed and a tab aside)."""
    return [
        f"U+{ord(c):04X}" for c in text if c not in "\n\t" and unicodedata.category(c) in OBEYED
    ]


def evaluation(
    department: str = "某县水利局",
    project: str = "农村饮水安全",
    indicator: str = "新建供水站",
    reason: str = "两个站点尚在调试",
    target: str = "≥10个",
    actual: str = "8个",
) -> dict:
    """A small 自评表 whose texts the test chooses; its filed 80 differs from the rules' 72."""
    return {
        "department": {
            "name": department,
            "year": 2023,
            "budget": {"planned": 30, "adjusted": 30, "spent": 30},
        },
        "projects": [
            {
                "name": project,
                "budget": {"planned": 30, "adjusted": 30, "spent": 30},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": indicator,
                        "target": target,
                        "actual": actual,
                        "weight": 90,
                        "score": 80,
                        "reason": reason,
                    }
                ],
            }
        ],
    }


def write(path: Path, data: dict) -> Path:
    """The evaluation as JSON, every character written as an escape: the file itself is ASCII."""
    path.write_text(json.dumps(data, ensure_ascii=True), "utf-8")
    return path


def wrapped(text: str) -> str:
    """Hostile text inside ordinary words, as it would hide in a name."""
    return f"甲{text}乙"


def shown(hostile: str, field: str = "") -> str:
    """How the views show the hostile text (wrapped) in ``field``."""
    _, escaped, *as_label = HOSTILE[hostile]
    return wrapped(as_label[0] if as_label and field == "indicator" else escaped)


# --- the escaped form is one, and covers exactly the characters it says ---------------------


def test_the_escaped_characters_are_unicodes_controls_and_format_characters():
    """inert lists its ranges for speed; they must be exactly what this Python's Unicode
    classes as Cc, Cf, Cs, Zl and Zp (a code point unassigned here may be listed for a newer
    Unicode), so that an upgrade cannot let one through unseen."""
    expected, listed, extra = set(), set(), []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category in OBEYED:
            expected.add(code)
        if inert._ANY.fullmatch(char):
            listed.add(code)
            if category not in OBEYED and category != "Cn":
                extra.append(f"U+{code:04X} {category}")
    missing = [f"U+{code:04X}" for code in sorted(expected - listed)]
    assert not missing, f"not escaped: {missing[:20]}"
    assert not extra, f"escaped but printable: {extra[:20]}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\x1b[2J", r"\x1b[2J"),
        ("\u009b", r"\x9b"),
        ("\u202e", r"\u202e"),
        ("\U000e0041", r"\U000e0041"),
        ("\ud800", r"\ud800"),
        ("一\r\n二\t三", "一\n二\t三"),  # CR LF is a line break; lines and tabs kept
        ("一\r二", r"一\x0d二"),
        ("全角：，。“”　", "全角：，。“”　"),  # Chinese and full-width text as it is
        (r"C:\单位\x1b", r"C:\单位\x1b"),  # backslashes as they are: escaping twice is once
    ],
)
def test_terminal_text(text, expected):
    assert inert.terminal(text) == expected
    assert inert.terminal(inert.terminal(text)) == expected


@pytest.mark.parametrize(
    "text, expected", [("a\nb", r"a\x0ab"), ("a\tb", r"a\x09b"), ("x\x1b]8;;", r"x\x1b]8;;")]
)
def test_a_place_is_one_line(text, expected):
    assert inert.terminal(text, lines=False) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("=1+1", "'=1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\r=1", r"'\x0d=1"),
        ("-", "'-"),
        ("-3.5", "-3.5"),
        ("+2", "+2"),
        ("-5%", "-5%"),
        ("-1E3", "-1E3"),
        ("≥-5%", "≥-5%"),
        ("a=b", "a=b"),
    ],
)
def test_csv_cell(text, expected):
    assert inert.csv_cell(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<script>", "&lt;script&gt;"),
        ("a | b", r"a \| b"),
        ("# 标题", r"\# 标题"),
        ("- 列表", r"\- 列表"),
        ("1. 列表", r"1\. 列表"),
        ("-3.5", "-3.5"),
        ("[a](http://e)", r"\[a\](http://e)"),
        ("一\n二", "一<br>二"),
        ("\x1b[2J", r"\\x1b\[2J"),
        ("&amp;", "&amp;amp;"),
    ],
)
def test_markdown_text(text, expected):
    assert inert.markdown_text(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("a`b", "``a`b``"), ("`a", "`` `a ``"), ("a|b", r"`a\|b`"), ("a\nb", r"`a\x0ab`")],
)
def test_markdown_code(text, expected):
    assert inert.markdown_code(text, in_table=True) == expected


# --- terminal: the table, --explain, check, what-if, CSV on standard output ------------------

VIEWS = {
    "table": ["score", "{file}"],
    "explain": ["score", "{file}", "--explain"],
    "check": ["check", "{file}"],
    "csv": ["score", "{file}", "-f", "csv"],
    "compare": ["compare", "{file}", "-r", "mof-2020,mof-2020"],
    "whatif": ["whatif", "{file}", "--set", "projects[0].indicators[0].actual=9个"],
}
# each field marked by its first character, so that the test sees which is shown where
FIELDS = {"department": "部", "project": "项", "indicator": "指"}
# the comparisons name no department, and the rows only that change (compare: none)
NOT_SHOWN = {"compare": ("department", "indicator"), "whatif": ("department",)}


def hostile_names(text: str) -> dict[str, str]:
    """The department's, the project's and the indicator's names, each holding ``text``."""
    return {field: mark + wrapped(text) for field, mark in FIELDS.items()}


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_terminal_views_show_user_text_escaped(cli, tmp_path, hostile, view):
    path = write(tmp_path / "自评.json", evaluation(**hostile_names(HOSTILE[hostile][0])))
    run = cli(*[arg.format(file=path) for arg in VIEWS[view]], env={"COLUMNS": "400"})
    assert run.code == 0, run
    assert not raw_controls(run.out + run.err), run
    for field, mark in FIELDS.items():
        if field not in NOT_SHOWN.get(view, ()):
            # shown, escaped — and not read as markup
            assert mark + shown(hostile, field) in run.out, (field, run)


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_a_file_name_is_shown_escaped(cli, tmp_path, hostile):
    text = HOSTILE[hostile][0]
    if "/" in text:
        pytest.skip("a file name holds no slash")
    path = write(tmp_path / f"{wrapped(text)}.json", evaluation())
    run = cli("score", str(path), env={"COLUMNS": "400"})
    assert run.code == 0, run
    assert not raw_controls(run.out + run.err), run
    assert shown(hostile) in run.out, run


# --- messages: standard error may be a terminal ----------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_a_message_quotes_the_name_escaped(cli, tmp_path, hostile):
    """A qualitative actual that names no tier: the message names the row by its name."""
    text = HOSTILE[hostile][0]
    data = evaluation(indicator=wrapped(text), target="好", actual="甲")
    path = write(tmp_path / "自评.json", data)
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "Traceback" not in run.err
    assert not raw_controls(run.out + run.err), run
    assert f"{path}: projects[0].indicators[0].actual: 「{shown(hostile, 'indicator')}」" in run.err
    assert "→ write one of" in run.err  # what to do


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_a_message_names_a_hostile_file_escaped(cli, tmp_path, hostile):
    text = HOSTILE[hostile][0]
    if "/" in text:
        pytest.skip("a file name holds no slash")
    path = tmp_path / f"{wrapped(text)}.json"
    path.write_text('{"department": ', "utf-8")
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "Traceback" not in run.err
    assert not raw_controls(run.out + run.err), run
    assert f"{tmp_path}/{shown(hostile)}.json: line 1, column" in run.err, run


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_several_problems_are_listed_escaped(cli, tmp_path, hostile):
    """Unknown keys: the place (a key path) and the message both hold the user's key."""
    text = HOSTILE[hostile][0]
    data = evaluation()
    data["department"][wrapped(text)] = 1
    data["projects"][0]["indicators"][0][wrapped(text)] = 1
    path = write(tmp_path / "自评.json", data)
    run = cli("score", str(path))
    assert run.code == 2, run
    assert "Traceback" not in run.err
    assert not raw_controls(run.out + run.err), run
    assert f"{path}: 2 problems" in run.err
    key = shown(hostile)
    assert f"department.{key}: unknown key `{key}`" in run.err, run
    assert f"projects[0].indicators[0].{key}: unknown key" in run.err, run
    assert "→ allowed here:" in run.err


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_a_reports_sentences_are_shown_escaped(cli, tmp_path, hostile):
    """A written 自评报告 (check REPORT.txt) shows each figure's sentence as written."""
    text = HOSTILE[hostile][0]
    report = tmp_path / "报告.txt"
    report.write_text(f"本年度预算执行率为95%，{wrapped(text)}，全年预算数100万元。\n", "utf-8")
    run = cli("check", str(report), env={"COLUMNS": "400"})
    assert run.code == 0, run
    assert not raw_controls(run.out + run.err), run
    pieces = shown(hostile).split(";")  # a semicolon ends a sentence: the figures' are shown
    assert pieces[0] in run.out and pieces[-1] in run.out, run


# --- rule sets from a user's file -----------------------------------------------------------


def hostile_rules(path: Path, text: str) -> Path:
    """A rule set extending mof-2020 whose title, basis and a key's name hold ``text``."""
    import tomli_w

    data = {
        "ruleset": {"id": "mine", "extends": "mof-2020", "title": text, "basis": [text]},
        "units": {"aliases": {wrapped(text): "个"}},
    }
    path.write_text(tomli_w.dumps(data), "utf-8")
    return path


RULE_VIEWS = {
    "score": ["score", "{file}", "-r", "{rules}"],
    "show": ["rules", "show", "{rules}"],
    "diff": ["rules", "diff", "mof-2020", "{rules}"],
    "compare": ["compare", "{file}", "-r", "mof-2020,{rules}"],
}


@pytest.mark.parametrize("view", list(RULE_VIEWS))
@pytest.mark.parametrize("hostile", [h for h in HOSTILE_IDS if h != "rich-markup"])
def test_rule_set_text_is_shown_escaped(cli, tmp_path, hostile, view):
    text = HOSTILE[hostile][0]
    rules = hostile_rules(tmp_path / "规则.toml", wrapped(text))
    path = write(tmp_path / "自评.json", evaluation())
    args = [arg.format(file=path, rules=rules) for arg in RULE_VIEWS[view]]
    run = cli(*args, env={"COLUMNS": "400"})
    if run.code == 2:  # a rule set the resolver refuses: said, escaped
        assert "Traceback" not in run.err and "规则.toml" in run.err, run
    else:
        assert run.code == 0, run
    assert not raw_controls(run.out + run.err), run


def test_rules_show_stays_toml_with_the_same_values(cli, tmp_path):
    """The escapes `rules show` writes are TOML's own: the output reads back to the same text."""
    import tomllib

    text = wrapped("\u202e\u009b31m\U000e0041\x1b[2J")
    rules = hostile_rules(tmp_path / "规则.toml", text)
    run = cli("rules", "show", str(rules))
    assert run.code == 0, run
    assert not raw_controls(run.out), run
    assert tomllib.loads(run.out)["ruleset"]["title"] == text


# --- JSON: the same values, nothing a terminal acts on ---------------------------------------

JSON_COMMANDS = {
    "check": ["check", "{file}", "-f", "json"],
    "compare": ["compare", "{file}", "-r", "mof-2020,mof-2020", "-f", "json"],
    "whatif": ["whatif", "{file}", "--grade", "优", "-f", "json"],
    "rules-show": ["rules", "show", "{rules}", "-f", "json"],
}


@pytest.mark.parametrize("command", list(JSON_COMMANDS))
def test_every_command_writes_json_inert(cli, tmp_path, command):
    text = wrapped("\u009b31m\u202e\u200b")
    path = write(tmp_path / "自评.json", evaluation(project=text))
    rules = hostile_rules(tmp_path / "规则.toml", text)
    run = cli(*[arg.format(file=path, rules=rules) for arg in JSON_COMMANDS[command]])
    assert run.code == 0, run
    json.loads(run.out)
    assert not raw_controls(run.out), run


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_json_keeps_the_values_and_escapes_them(cli, tmp_path, hostile):
    text = HOSTILE[hostile][0]
    path = write(tmp_path / "自评.json", evaluation(department=wrapped(text)))
    run = cli("score", str(path), "-f", "json")
    assert run.code == 0, run
    assert not raw_controls(run.out), run
    assert json.loads(run.out)[0]["department"]["name"] == wrapped(text)


# --- CSV: nothing a spreadsheet runs as a formula --------------------------------------------

FORMULAS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example","点此")',
    "=cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]
NUMBERS = ["-3.5", "+2", "-5%", "-1E3", "12"]


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cell_that_looks_like_a_formula_starts_with_a_quote(cli, tmp_path, formula, to_file):
    """In the names of the department, the project and the indicator (each a cell of its own),
    to standard output and to a file."""
    data = evaluation(department=formula, project=formula, indicator=formula)
    name = write(tmp_path / "自评.json", data).name
    args = ["score", "-f", "csv", *(["-o", "out.csv"] if to_file else []), "--", name]
    run = cli(*args, cwd=tmp_path)
    assert run.code == 0, run
    text = (tmp_path / "out.csv").read_text("utf-8") if to_file else run.out
    cells = csv_cells(text)
    shown = "'" + formula.replace("\r", r"\x0d")
    assert cells.count(shown) + cells.count(shown.replace("\t", "", 1).strip()) >= 3, cells
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))], cells
    assert not [c for c in cells if c.startswith("-") and c.lstrip("-")[:1] not in "0123456789"]


@pytest.mark.parametrize("formula", [f for f in FORMULAS if "/" not in f])
def test_csv_a_file_name_that_looks_like_a_formula_starts_with_a_quote(cli, tmp_path, formula):
    """The 来源 cell: the file's name as given, relative to the folder."""
    name = write(tmp_path / f"{formula}.json", evaluation()).name
    run = cli("score", "-f", "csv", "--", name, cwd=tmp_path)
    assert run.code == 0, run
    assert "'" + f"{formula}.json".replace("\r", r"\x0d") in csv_cells(run.out), run


@pytest.mark.parametrize("number", NUMBERS)
def test_csv_numbers_stay_numbers(cli, tmp_path, number):
    path = write(tmp_path / "自评.json", evaluation(indicator=number))
    run = cli("score", str(path), "-f", "csv")
    assert run.code == 0, run
    assert number in csv_cells(run.out)
    assert "'" + number not in csv_cells(run.out)


# --- Markdown: text, never HTML, a heading, a row, a link or an image -----------------------

MARKDOWN = {
    "script": "<script>alert(1)</script>",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "html-comment": "<!-- 隐藏 -->",
    "entity": "&lt;script&gt;",
    "heading": "# 伪标题",
    "heading-after-newline": "名称\n## 伪标题\n- 伪列表",
    "table-row": "a | b | c",
    "table-row-after-newline": "名称\n| 伪 | 行 |\n|---|---|",
    "link": "[点此](http://evil.example)",
    "image": "![x](http://evil.example/t.png)",
    "autolink": "<http://evil.example>",
    "reference-link": "[点此][1]\n\n[1]: http://evil.example",
    "emphasis-code": "**粗** _斜_ `码` ~~删~~",
    "list": "- 伪列表",
    "ordered-list": "1. 伪列表",
    "thematic-break": "---",
    "fence": "```\n代码\n```",
    "terminal": "\x1b[2J\u009b",
}


def markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(text)


def tag_counts(html: str) -> dict[str, int]:
    tags = ["<h1", "<h2", "<h3", "<h4", "<tr", "<td", "<li", "<a ", "<img", "<hr", "<pre"]
    tags += ["<script", "<!--", "<strong", "<em", "<code", "<del"]
    return {tag: html.count(tag) for tag in tags}


@pytest.mark.parametrize("explain", [False, True], ids=["summary", "explain"])
@pytest.mark.parametrize("injection", list(MARKDOWN))
def test_markdown_user_text_is_only_text(cli, tmp_path, injection, explain):
    """The Markdown a hostile text gives — in the department's, the project's and the
    indicator's names and the reason — has the structure a harmless one gives (the same
    headings, rows, cells, lists; no link, image or HTML), and reads as the text itself."""
    text = MARKDOWN[injection]
    options = ["--explain"] if explain else []
    names = {field: wrapped(text) for field in ("department", "project", "indicator", "reason")}
    harmless = {field: wrapped("名称") for field in names}
    hostile_path = write(tmp_path / "hostile.json", evaluation(**names))
    harmless_path = write(tmp_path / "harmless.json", evaluation(**harmless))
    run = cli("score", str(hostile_path), "-f", "markdown", *options)
    baseline = cli("score", str(harmless_path), "-f", "markdown", *options)
    assert run.code == baseline.code == 0, run
    assert not raw_controls(run.out), run
    html = markdown_html(run.out)
    assert tag_counts(html) == tag_counts(markdown_html(baseline.out)), run.out
    plain = inert.terminal(wrapped(text).strip()).replace("\t", " ")
    for line in plain.split("\n"):  # a line break became <br>
        escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped.replace('"', "&quot;") in html, html


def test_markdown_error_block_cannot_be_closed_by_the_message(cli, tmp_path):
    """A file that cannot be scored is shown in a fenced block the message cannot close."""
    text = "```\n# 伪标题\n<script>x</script>"
    bad = write(tmp_path / "坏.json", evaluation(target="好", actual=text))
    good = write(tmp_path / "好.json", evaluation())
    run = cli("score", str(good), str(bad), "-f", "markdown")
    assert run.code == 2, run
    html = markdown_html(run.out)
    assert "<script" not in html and html.count("<h1") == 0
    assert html.count("<pre") == 1


# --- workbooks: no user text becomes a formula -----------------------------------------------

WORKBOOK_FORMULAS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A9)",
    '=HYPERLINK("http://evil.example","点此")',
    "=cmd|' /C calc'!A0",
]


def formula_cells(path: Path, text: str) -> tuple[int, list[str]]:
    """How many cells of the workbook hold ``text``, and those that are not plain strings."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    found, wrong = 0, []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and text in cell.value:
                    found += 1
                    if cell.data_type != "s":
                        wrong.append(f"{sheet.title}!{cell.coordinate} {cell.data_type}")
    return found, wrong


@pytest.mark.parametrize("formula", WORKBOOK_FORMULAS)
def test_workbook_cells_are_strings_never_formulas(cli, tmp_path, formula):
    """The text in the names of the department, the project and the indicator and in the
    reason; -f xlsx from a JSON file (the tool's layout), convert to .xlsx, and the reviewed
    copy of that workbook returned (-f xlsx from .xlsx): every cell holding it is a string."""
    fields = ("department", "project", "indicator", "reason")
    path = write(tmp_path / "自评.json", evaluation(**dict.fromkeys(fields, formula)))
    reviewed, converted, returned = (tmp_path / f"{n}.xlsx" for n in ("评", "转", "回"))
    assert cli("score", str(path), "-f", "xlsx", "-o", str(reviewed)).code == 0
    assert cli("convert", str(path), "-o", str(converted)).code == 0
    assert cli("score", str(converted), "-f", "xlsx", "-o", str(returned)).code == 0
    for workbook in (reviewed, converted, returned):
        found, wrong = formula_cells(workbook, formula)
        assert found >= 4, f"{workbook.name}: {formula!r} written {found} times"
        assert not wrong, f"{workbook.name}: {wrong}"


@pytest.mark.parametrize("hostile", ["clear-screen", "backspace-bell-del"])
def test_workbook_with_control_characters_is_refused_by_place(cli, tmp_path, hostile):
    """A workbook cannot hold a control character: the text is named by its key path, shown
    escaped, and nothing is written (the input is the user's to correct)."""
    text = HOSTILE[hostile][0]
    path = write(tmp_path / "自评.json", evaluation(department=wrapped(text)))
    run = cli("score", str(path), "-f", "xlsx", "-o", str(tmp_path / "评.xlsx"))
    assert not raw_controls(run.err), run
    assert run.code == 2, run
    assert "department.name" in run.err and "which a workbook cannot hold" in run.err, run
    assert not (tmp_path / "评.xlsx").exists()


# --- what the command line itself says --------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_a_mistyped_option_is_quoted_inert(cli, hostile):
    """argparse quotes what was typed; a pasted escape sequence is shown, not obeyed."""
    run = cli("score", "x.toml", "--no-such" + HOSTILE[hostile][0])
    assert run.code == 2 and "unrecognized arguments" in run.err, run
    assert not raw_controls(run.err), run


@pytest.mark.parametrize("hostile", ["clear-screen", "osc52-clipboard"])
def test_convert_names_its_files_inert(cli, tmp_path, hostile):
    path = write(tmp_path / "自评.json", evaluation())
    out = tmp_path / f"甲{HOSTILE[hostile][0].replace('/', '')}乙.toml"
    run = cli("convert", str(path), "-o", str(out))
    assert run.code == 0 and out.exists(), run
    assert "✓" in run.err and not raw_controls(run.err), run
