"""Text files — an evaluation (TOML, JSON), a rule set, a written report — are read to at most
:data:`scoring.limits.MAX_FILE_BYTES`, and one byte more is refused (exit 2, naming the file
and the limit), whatever the file's size says: a link to /dev/zero and a pipe say 0. A named
pipe that no program writes to is not waited for.

The files are built here: sparse (a size without the bytes), links to devices, pipes. Where the
limit's 64 MB would have to be read, the limit is lowered for the test so that the file stays
small; a child process with a generous timeout guards the tests that could wait for ever.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scoring import limits, readers
from scoring.errors import InputError, RulesetError
from scoring.inert import terminal

from .conftest import run_cli

TOO_LARGE = "larger than 64 MB (67,108,864 bytes), the limit for one file"
POSIX = pytest.mark.skipif(os.name != "posix", reason="devices, links and pipes as POSIX has them")


class Read(BaseException):
    """Raised if a file the size refuses is read all the same."""


def commands(path: Path, tmp_path: Path, leting: Path) -> list[str]:
    """The command that reads ``path`` as what its name says: an evaluation, a report, or a
    rule set (then the evaluation is ``leting``)."""
    if path.suffix == ".txt":
        return ["check", str(path)]
    if path.name.startswith("rules"):
        return ["score", str(leting), "--rules", str(path)]
    return ["score", str(path)]


NAMES = ["table.toml", "table.json", "report.txt", "rules.toml"]


@pytest.mark.parametrize("name", NAMES)
def test_a_file_past_the_limit_is_refused_by_its_size_unread(
    cli, tmp_path, leting, monkeypatch, name
):
    """64 MB and one byte (sparse: it takes no room), refused from its size before a byte is read."""
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(limits.MAX_FILE_BYTES + 1)

    read_up_to = readers._read_up_to

    def read(descriptor, limit, read_path, error):
        if Path(read_path) == path:
            raise Read(f"{name} was read")
        return read_up_to(descriptor, limit, read_path, error)  # the rule set, the evaluation

    monkeypatch.setattr(readers, "_read_up_to", read)
    run = cli(*commands(path, tmp_path, leting))
    assert run.code == 2, run
    assert f"{path}: the file is {TOO_LARGE}" in run.err, run
    assert "check that this is the file you meant" in run.err, run
    assert "Traceback" not in run.err, run


@POSIX
@pytest.mark.parametrize("name", NAMES[:3])  # a rule set that is not a regular file is not opened
def test_a_link_to_an_endless_device_is_read_to_the_limit_and_refused(tmp_path, leting, name):
    """/dev/zero says it is 0 bytes long and never ends: read to the limit and one byte, then
    refused with the limit named."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    path = tmp_path / name
    path.symlink_to("/dev/zero")
    run = run_cli(*commands(path, tmp_path, leting), process=True)  # a timeout if it never ends
    assert run.code == 2, run
    assert f"{path}: the file is {TOO_LARGE}" in run.err, run
    assert "Traceback" not in run.err, run


@POSIX
def test_a_named_pipe_without_a_writer_is_not_waited_for(tmp_path):
    """Opened without waiting, a pipe nobody writes to reads as nothing: said, exit 2. In a
    child process, whose timeout ends the test if the reader waits after all."""
    path = tmp_path / "table.toml"
    os.mkfifo(path)
    run = run_cli("score", str(path), process=True)
    assert run.code == 2, run
    assert f"{path}: nothing to read: not a regular file (a pipe or a device)" in run.err, run
    assert "save the data to a file" in run.err, run


@pytest.mark.parametrize("error", [InputError, RulesetError])
def test_the_limit_is_exact(tmp_path, monkeypatch, error):
    """With the limit lowered to 1,000 bytes: 1,000 are read, 1,001 refused."""
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "table.toml"
    path.write_bytes(b"#" * 1000)
    assert readers.read_text(path, error) == "#" * 1000
    path.write_bytes(b"#" * 1001)
    with pytest.raises(error) as caught:
        readers.read_text(path, error)
    assert caught.value.code == "too-large"
    assert "(1,000 bytes), the limit for one file" in caught.value.message


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="pipes opened by path through /dev/fd")
@pytest.mark.parametrize("size, refused", [(999, False), (1001, True)])
def test_a_pipe_is_read_like_a_file_up_to_the_limit(tmp_path, monkeypatch, size, refused):
    """A pipe with its data written (and its writer gone) reads like a file, up to the limit
    (lowered to 1,000 bytes); past it, refused although a pipe has no size to say so."""
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr(readers, "CHUNK_BYTES", 100)  # several reads, as a pipe gives them
    out, into = os.pipe()
    try:
        os.write(into, b"#" * size)
        os.close(into)
        path = Path(f"/dev/fd/{out}")
        if refused:
            with pytest.raises(InputError) as caught:
                readers.read_text(path)
            assert caught.value.code == "too-large"
        else:
            assert readers.read_text(path) == "#" * size
    finally:
        os.close(out)


# --- a report is drawn only in the format asked for -------------------------------------------


@pytest.mark.parametrize(("fmt", "drawn"), [("json", 0), ("table", 2)])
def test_check_draws_a_report_s_table_only_when_asked_for(tmp_path, monkeypatch, fmt, drawn):
    """`check REPORT -f json` does no work for a table nobody reads: for a report of many rows,
    drawing it costs more than reading it."""
    import json

    from scoring.render import report_view

    rows = "".join(f"| 项目{i} | 10 | 9 | 90% |\n" for i in range(200))
    table = "| 项目名称 | 预算数（万元） | 执行数（万元） | 执行率 |\n|---|---|---|---|\n" + rows
    reports = []
    for name in ("a.md", "b.md"):
        path = tmp_path / name
        path.write_text(f"# 2023年度部门整体支出绩效自评报告\n\n{table}", "utf-8")
        reports.append(str(path))
    draw = report_view.render_table
    calls: list[str] = []

    def counted(path, *args, **kwargs):
        calls.append(path)
        return draw(path, *args, **kwargs)

    monkeypatch.setattr(report_view, "render_table", counted)
    run = run_cli("check", *reports, "-f", fmt)
    assert run.code in (0, 1), run
    assert len(calls) == drawn
    if fmt == "json":
        assert [item["source"] for item in json.loads(run.out)] == reports
    else:
        assert "a.md" in run.out and "b.md" in run.out


# --- TOML: a key of more than MAX_KEY_PARTS parts is refused before it is parsed ------------------

PARTS = 100_000  # 200 kB of key: tomllib took minutes over it


def _dotted(n: int, part: str = "a", dot: str = ".") -> str:
    return dot.join([part] * n)


LONG_KEYS = [
    # (id, the text after a line of its own, the column where the key starts)
    ("dotted-key", _dotted(PARTS) + " = 1\n", 1),
    ("table-header", "[" + _dotted(PARTS) + "]\n", 2),
    ("array-header", "[[" + _dotted(PARTS) + "]]\n", 3),
    ("quoted-parts", _dotted(PARTS, '"a"') + " = 1\n", 1),
    ("spaced-dots", _dotted(PARTS, dot=" . ") + " = 1\n", 1),
    ("inline-table", "x = { " + _dotted(PARTS) + " = 1 }\n", 7),
    ("just-past-the-limit", _dotted(limits.MAX_KEY_PARTS + 1) + " = 1\n", 1),
]


@pytest.mark.parametrize(
    ("key", "column"), [k[1:] for k in LONG_KEYS], ids=[k[0] for k in LONG_KEYS]
)
@pytest.mark.parametrize("kind", ["evaluation", "rule set"])
def test_a_key_of_too_many_parts_is_refused_before_tomllib_reads_it(
    tmp_path, leting, monkeypatch, key, column, kind
):
    import tomllib

    head = '[ruleset]\nid = "mine"\n' if kind == "rule set" else '[department]\nname = "x"\n'
    path = tmp_path / ("rules.toml" if kind == "rule set" else "table.toml")
    path.write_text(head + key, "utf-8")
    loads = tomllib.loads

    def parse(text: str, **options):
        if text.endswith(key):
            raise Read("the long key reached tomllib")
        return loads(text, **options)  # the installed rule sets

    monkeypatch.setattr(tomllib, "loads", parse)
    args = ["rules", "check", str(path)] if kind == "rule set" else ["score", str(path)]
    run = run_cli(*args)
    assert run.code == 2, run
    assert (
        f"{path}: line 3, column {column}: a key or table header of more than "
        f"{limits.MAX_KEY_PARTS} parts joined by dots, the limit (" in run.err
    ), run.err
    assert "→ a key of an evaluation or a rule set has a few parts" in run.err
    assert len(run.err) < 1_000 and "Traceback" not in run.err


def test_a_key_of_max_key_parts_is_one_tomllib_may_read():
    for written in (_dotted(limits.MAX_KEY_PARTS), _dotted(limits.MAX_KEY_PARTS, '"a.b"')):
        assert readers.long_dotted_key(f"[{written}]\nx = 1\n") is None
    assert readers.long_dotted_key(f"[{_dotted(limits.MAX_KEY_PARTS + 1)}]\n") is not None


@pytest.mark.parametrize(
    "value",
    [
        '"' + _dotted(40, "1") + '"',  # a string of dotted numbers
        "'" + _dotted(40) + "'",
        '"""\n' + _dotted(40, "第1章") + '\n"""',
        '"' + '\\"'.join([_dotted(20)] * 3) + '"',
    ],
    ids=["basic-string", "literal-string", "multi-line-string", "escaped-quotes"],
)
def test_dotted_words_inside_a_string_are_no_key(cli, tmp_path, value):
    """A string is read whole: its dots separate no parts (a reason may cite 1.2.3 …)."""
    text = (
        '[department]\nname = "单位"\nyear = 2023\nbudget = { planned = 1, spent = 1 }\n'
        '[[projects]]\nname = "项目"\nbudget = { planned = 1, spent = 1 }\n'
        '[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\nname = "培训"\n'
        f'target = "≥1个"\nactual = "1个"\nweight = 90\nreason = {value}\n'
    )
    path = tmp_path / "table.toml"
    path.write_text(text, "utf-8")
    run = cli("score", str(path), "-f", "json")
    assert run.code == 0, run


HOSTILE_KEY_TEXTS = [
    ("long-key", lambda n: _dotted(n) + " = 1\n"),
    ("keys-just-short", lambda n: (_dotted(limits.MAX_KEY_PARTS) + " = 1\n") * n),
    ("parts-just-short", lambda n: (_dotted(limits.MAX_KEY_PARTS, dot=" . ") + " ") * n),
    ("escaped-quotes", lambda n: 'x = "' + '\\".a' * n),
    ("open-quotes", lambda n: ('"a.' * n + "\n") * 3),
    ("quoted-dots", lambda n: ('"' + "." * 40 + '"') * n),
]


@pytest.mark.parametrize(
    "make", [m for _, m in HOSTILE_KEY_TEXTS], ids=[i for i, _ in HOSTILE_KEY_TEXTS]
)
def test_looking_for_long_keys_takes_steps_linear_in_the_text(monkeypatch, make):
    """Each pattern run by a matcher that counts its steps (see test_report_linear): a text 8
    times as long takes at most about 8 times the steps."""
    from .test_report_linear import GROWTH, LINEAR, steps

    small = steps(monkeypatch, lambda: readers.long_dotted_key(make(40)), readers)
    big = steps(monkeypatch, lambda: readers.long_dotted_key(make(40 * GROWTH)), readers)
    assert small > 0 and big <= small * LINEAR, (small, big)


# --- one user text in the terminal views: at most MAX_SHOWN_CHARS characters drawn -------------

SHOWN_PLACES = {
    # where the text is filed, by key path (a qualitative row's actual restating its target)
    "department-name": [("department", "name")],
    "project-name": [("projects", 0, "name")],
    "indicator-name": [("projects", 0, "indicators", 0, "name")],
    "level": [("projects", 0, "indicators", 1, "level2")],
    "target-and-actual": [
        ("projects", 0, "indicators", 1, "target"),
        ("projects", 0, "indicators", 1, "actual"),
    ],
}


def _evaluation_with(places: list[tuple], value: str) -> dict:
    data = {
        "department": {"name": "单位", "year": 2023, "budget": {"planned": 10, "spent": 10}},
        "projects": [
            {
                "name": "项目",
                "budget": {"planned": 10, "spent": 10},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "name": "培训人次",
                        "target": "≥100人次",
                        "actual": "100人次",
                        "weight": 45,
                    },
                    {
                        "level1": "效益指标",
                        "level2": "社会效益指标",
                        "name": "培训效果",
                        "target": "效果明显",
                        "actual": "达成",
                        "weight": 45,
                    },
                ],
            }
        ],
    }
    for place in places:
        node: dict = data
        for step in place[:-1]:
            node = node[step]
        node[place[-1]] = value
    return data


# U+202E, shown escaped as six characters, stays in a name; a row's labels and values are read
# without invisible marks (it would leave nothing of them).
LONG_TEXTS = [
    pytest.param(SHOWN_PLACES[place], char, id=f"{place}-{name}")
    for place in SHOWN_PLACES
    for name, char in (("rlo", "\u202e"), ("cjk", "鑫"), ("ascii", "q"))
    if name != "rlo" or (place.endswith("-name") and place != "indicator-name")
]


@pytest.mark.parametrize(("place", "char"), LONG_TEXTS)
def test_a_long_text_is_cut_in_the_terminal_table_and_kept_whole_in_json_and_csv(
    tmp_path, place, char
):
    """The table draws the first MAX_SHOWN_CHARS − 1 characters of a text and "…", wherever it
    shows it (a name is shown in up to 4 places): the same table for a text of 5,000
    characters and of 50,000. JSON and CSV hold it whole."""
    import json

    shown = limits.MAX_SHOWN_CHARS
    written = "\\u202e" if char == "\u202e" else char  # as the terminal shows it
    drawn = []
    for folder, length in (("a", 5 * shown), ("b", 50 * shown)):
        value = char * length
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "table.json"
        path.write_text(json.dumps(_evaluation_with(place, value)), "utf-8")
        table = run_cli("score", "table.json", cwd=path.parent)
        assert table.code == 0, table
        assert 0 < table.out.count(written) <= 4 * (shown - 1) and "…" in table.out
        drawn.append(table.out)
        data = json.loads(run_cli("score", str(path), "-f", "json").out)
        assert value in json.dumps(data, ensure_ascii=False)
        assert terminal(value) in run_cli("score", str(path), "-f", "csv").out  # CSV escapes
    assert drawn[0] == drawn[1]
