"""A batch on the command line: written file by file, the same bytes as the whole batch
rendered at once, the same bytes in one process or several, JSON Lines, and orjson's JSON
byte for byte json's.

No test here measures time: what a test can hold is that the output is the same and that each
file is written before the next is read.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from scoring import cli
from scoring.api import score_many
from scoring.commands import scoring as scoring_commands
from scoring.inert import _BEYOND_C0, json_text
from scoring.render import Options
from scoring.render import csv as csv_view
from scoring.render import json as json_view
from scoring.testing import case_files, read_case
from tests.conftest import CASES, LETING, case_evaluation, install_plugin, plugin_env, run_cli
from tests.test_inert_output import HOSTILE, evaluation

orjson = pytest.importorskip("orjson")


def old_json(items: list) -> bytes:
    """``-f json`` rendered the whole batch at once: an array, for one file as for many."""
    return (json_text(json.dumps(items, ensure_ascii=False, indent=2)) + "\n").encode()


def compact_json(item: dict) -> bytes:
    """One object as json writes it without indentation, made inert."""
    return json_text(json.dumps(item, ensure_ascii=False, separators=(",", ":"))).encode()


# --- every payload the tests know: each case's result or error, and hostile texts ------------


def case_entries() -> list:
    """The entry of every case (its result under its first rule set, or its error)."""
    entries = []
    for path in case_files(CASES):
        case, _, data = read_case(path)
        rules = case.get("ruleset", case.get("rules", "mof-2020"))
        rules = rules[0] if isinstance(rules, list) else rules
        if isinstance(rules, str) and rules.endswith(".toml"):
            rules = str(path.parent / rules)
        entries.extend(item.entry for item in score_many([data], rules))
    return entries


def hostile_entries() -> list:
    """Results whose names and reasons hold every hostile text, and a budget in the
    hundred-thousandths of a 万元 (floats orjson writes otherwise than json)."""
    texts = [value[0] for value in HOSTILE.values()]
    sources = [
        evaluation(department=text, project=text, reason=text, indicator=f"指标{text}")
        for text in texts
    ]
    tiny = evaluation()
    tiny["projects"][0]["budget"] = {"planned": "0.0001", "adjusted": "0.0001", "spent": "0.00005"}
    return [item.entry for item in score_many([*sources, tiny])]


@pytest.fixture(scope="module")
def entries() -> list:
    found = case_entries() + hostile_entries()
    assert len(found) > 100 and {type(e).__name__ for e in found} == {"Result", "FileError"}
    return found


@pytest.mark.parametrize("mode", ["score", "check"])
def test_each_entry_is_json_byte_for_byte(entries, mode):
    options = Options(mode=mode)
    assert json_view._orjson_module() is not None  # this orjson writes numbers as json does
    written_by_orjson = 0
    for entry in entries:
        data = json_view.entry_data(entry, options)
        expected = json_text(json.dumps(data, ensure_ascii=False, indent=2)).encode()
        assert json_view.encode(data, finite=True) == expected
        assert json_view.encode(data) == expected
        assert json_view.encode(data, compact=True, finite=True) == compact_json(data)
        written_by_orjson += orjson.dumps(data, option=orjson.OPT_INDENT_2) == expected
    assert written_by_orjson > len(entries) * 0.9  # the fast path is the usual one


def test_a_tiny_float_is_written_as_json_writes_it(entries):
    tiny = [e for e in entries if "0.00005" in json.dumps(e.to_dict())]
    assert tiny, "the batch has no float below 1e-4"
    data = tiny[0].to_dict()
    assert b"5e-05" in json_view.encode(data, finite=True)
    assert orjson.dumps(data, option=orjson.OPT_INDENT_2) != json.dumps(data, indent=2).encode()


@pytest.mark.parametrize(
    "payload",
    [
        [],
        {},
        {"a": [], "b": {}, "c": [[], {}], "d": [{"e": []}]},
        {"id": 1, 2: "a key that is not text"},
        {True: 1, None: 2, 1.5: 3},
        [2**64, -(2**63) - 1, 2**63],
        [float("nan"), float("inf"), -float("inf")],
        [1e-05, -5e-09, 1e-4, 0.0001, 1e16, 1e22, 5e-324, -0.0, 0.1 + 0.2, 10.00001],
        ("a", ("b",)),
        {"half": "招商\ud800经费"},
        {"text": '\x00\x1f\x7f\x85\u200b\u202e\u2028\ufeff\U000e0041 \\ " / é'},
        {"texts": list(HOSTILE.values())},
        [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
        {"text": "1e-5 0.00001 not numbers"},
    ],
    ids=lambda p: repr(p)[:30],
)
def test_any_payload_is_json_byte_for_byte(payload):
    """Where orjson would write otherwise or refuse, json writes."""
    expected = json_text(json.dumps(payload, ensure_ascii=False, indent=2)).encode()
    assert json_view.encode(payload) == expected
    assert json_view.dumps(payload) == expected.decode() + "\n"
    compact = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    assert json_view.encode(payload, compact=True) == json_text(compact).encode()


def test_subclasses_and_other_types_are_json_s():
    class Text(str):
        pass

    class Number(int):
        pass

    payload = {"text": Text("文本"), "number": Number(3), "list": [Text("x")]}
    assert (
        json_view.dumps(payload)
        == json_text(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"
    )
    with pytest.raises(TypeError):
        json_view.dumps({"value": Decimal("1.5")})
    with pytest.raises(TypeError):
        json_view.dumps({"value": SimpleNamespace()})


def test_random_floats_are_written_as_json_writes_them():
    generator = random.Random(2023)
    floats = [generator.uniform(-1, 1) * 10 ** generator.randint(-12, 20) for _ in range(20000)]
    floats += [
        float(Decimal(generator.randint(1, 10**6)) / 10 ** generator.randint(0, 12))
        for _ in range(20000)
    ]
    for value in floats:
        expected = json.dumps({"value": value}, indent=2).encode()
        assert json_view.encode({"value": value}, finite=True) == expected, value


def test_the_escaped_characters_are_those_of_json_text():
    """The bytes looked for are the UTF-8 forms of exactly what json_text escapes."""
    sequences, leads = json_view._escaped_sequences()
    expected = {
        chr(point).encode()
        for point in range(0x110000)
        if not 0xD800 <= point <= 0xDFFF and _BEYOND_C0.fullmatch(chr(point))
    }
    assert sequences == expected
    assert {(s[:1], len(s)) for s in sequences} == set(leads)
    for sequence in list(sequences)[::7]:
        text = f"前{sequence.decode()}后"
        assert not json_view._inert(text.encode())
        assert (
            json_view.encode({"t": text})
            == json_text(json.dumps({"t": text}, ensure_ascii=False, indent=2)).encode()
        )
    assert json_view._inert("“全年”（万元）·≥95%，—…".encode())


# --- the command line: streamed, the same bytes ------------------------------------------------


@pytest.fixture
def batch(tmp_path: Path) -> list[str]:
    """Ten files: the published example, varied copies, and one that cannot be read, in the
    middle."""
    text = case_evaluation(LETING)
    paths = []
    for index in range(10):
        path = tmp_path / f"file-{index}.toml"
        if index == 4:
            path.write_text("[department\n", "utf-8")
        else:
            path.write_text(text.replace("374.11", f"{370 + index}.11", 1), "utf-8")
        paths.append(str(path))
    return paths


def run(*args: str) -> tuple[int, bytes, str]:
    """The command line in this process, its output as bytes."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    out.flush()
    return code, out.buffer.getvalue(), err.getvalue()


def entries_of(paths: list[str]) -> list[dict]:
    return [item.entry.to_dict() for item in score_many(paths)]


@pytest.mark.parametrize("count", [1, 2, 10])
def test_json_streamed_is_the_whole_batch_rendered_at_once(batch, tmp_path, count):
    paths = batch[:count]
    out = tmp_path / "out.json"
    code, _, err = run("score", *paths, "-f", "json", "-o", str(out), "--jobs", "1")
    assert code == (2 if count > 4 else 0), err
    assert out.read_bytes() == old_json(entries_of(paths))


@pytest.mark.usefixtures("chinese")
def test_csv_streamed_is_the_whole_batch_rendered_at_once(batch, tmp_path):
    out = tmp_path / "out.csv"
    run("score", *batch, "-f", "csv", "-o", str(out), "--jobs", "1")
    whole = csv_view.render([item.entry for item in score_many(batch)], Options())
    assert out.read_bytes() == b"\xef\xbb\xbf" + whole.encode()
    rows = list(csv.reader(io.StringIO(whole)))
    assert [row[2] for row in rows].count("错误") == 1


def test_jsonl_is_one_compact_line_per_file_each_the_object_of_json(batch):
    code, out, err = run("score", *batch, "-f", "jsonl", "--jobs", "1")
    assert code == 2 and err.count("scoring: error:") == 1
    lines = out.split(b"\n")
    assert lines.pop() == b"" and len(lines) == len(batch)
    for line, item in zip(lines, entries_of(batch), strict=True):
        assert line == compact_json(item)
        assert json.loads(line) == item
    assert json.loads(lines[4])["error"]["code"]
    assert "乐亭".encode() in lines[0]  # Chinese unescaped
    _, single, _ = run("score", batch[0], "-f", "jsonl")
    assert single == lines[0] + b"\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_serial_and_parallel_give_the_same_bytes(batch, fmt):
    serial = run("score", *batch, "-f", fmt, "--jobs", "1", "--fail-under", "99")
    parallel = run("score", *batch, "-f", fmt, "--jobs", "2", "--fail-under", "99")
    assert serial == parallel
    assert serial[0] == 2 and serial[2].count("scoring: error:") == 1


def test_each_file_is_the_same_in_any_order(batch):
    forward = run("score", *batch, "-f", "jsonl", "--jobs", "2")[1].splitlines()
    backward = run("score", *reversed(batch), "-f", "jsonl", "--jobs", "2")[1].splitlines()
    assert forward == list(reversed(backward))
    shuffled = random.Random(7).sample(batch, len(batch))
    by_source = {json.loads(line)["source"]: line for line in forward}
    lines = run("score", *shuffled, "-f", "jsonl", "--jobs", "3")[1].splitlines()
    assert [by_source[path] for path in shuffled] == lines


def test_check_in_parallel_is_check_in_one_process(batch):
    serial = run("check", *batch, "-f", "json", "--jobs", "1")
    assert serial == run("check", *batch, "-f", "json", "--jobs", "2")
    assert serial[0] == 2 and json.loads(serial[1])[0]["errors"] == 0


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_fail_under_and_exit_codes_are_as_in_one_process(batch, fmt):
    scored = [path for index, path in enumerate(batch) if index != 4]
    assert run("score", *scored, "-f", fmt, "--jobs", "2")[0] == 0
    for threshold, code in (("100", 1), ("优", 0), ("50", 0)):
        for jobs in ("1", "2"):
            assert (
                run("score", *scored, "-f", fmt, "--jobs", jobs, "--fail-under", threshold)[0]
                == code
            )


def test_each_file_is_written_before_the_next_is_read(batch, monkeypatch):
    """Streaming: when a file is read, every file before it is already in the output."""
    import scoring.api

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    written: list[int] = []
    load = scoring.api.load

    def recording(source, host=None):
        out.flush()
        written.append(len(out.buffer.getvalue()))
        return load(source, host)

    monkeypatch.setattr(scoring.api, "load", recording)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        cli.main(["score", *batch, "-f", "jsonl", "--jobs", "1"])
    out.flush()
    lines = out.buffer.getvalue().splitlines(keepends=True)
    assert written == [sum(len(line) for line in lines[:index]) for index in range(len(batch))]


def test_a_run_that_scores_nothing_writes_nothing(tmp_path):
    broken = []
    for index in range(9):
        path = tmp_path / f"broken-{index}.toml"
        path.write_text("[department\n", "utf-8")
        broken.append(str(path))
    out = tmp_path / "out.jsonl"
    out.write_text("earlier", "utf-8")
    for jobs in ("1", "2"):
        code, _, err = run("score", *broken, "-f", "jsonl", "-o", str(out), "--jobs", jobs)
        assert code == 2 and "was not written" in err
        assert out.read_text("utf-8") == "earlier"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    # without -o the errors still stand in their places
    code, printed, _ = run("score", *broken[:2], "-f", "json")
    assert code == 2 and [e["error"]["code"] for e in json.loads(printed)] == ["syntax"] * 2


def test_a_failure_mid_batch_leaves_the_output_as_it_was(batch, tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    out.write_text("earlier", "utf-8")
    item = json_view.item
    calls = []

    def failing(entry, options, several):
        calls.append(entry)
        if len(calls) == 3:
            raise RuntimeError("a fault")
        return item(entry, options, several)

    monkeypatch.setattr(json_view, "item", failing)
    code, _, err = run("score", *batch, "-f", "json", "-o", str(out), "--jobs", "1")
    assert code == 3 and "RuntimeError: a fault" in err
    assert out.read_text("utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_batch_is_written_into_a_device(batch):
    code, out, _ = run("score", *batch[:3], "-f", "jsonl", "-o", os.devnull, "--jobs", "2")
    assert code == 0 and out == b""


def test_jobs_by_default_one_per_core_from_eight_files():
    def args(**options):
        return SimpleNamespace(**{"jobs": None, "debug": False, **options})

    cores = scoring_commands._cores()
    assert scoring_commands._jobs(args(), ["a"] * 7) == 1
    assert scoring_commands._jobs(args(), ["a"] * 8) == min(cores, 8)
    assert scoring_commands._jobs(args(jobs=3), ["a"] * 2) == 2
    assert scoring_commands._jobs(args(jobs=4, debug=True), ["a"] * 20) == 1


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_number_of_processes(cli, leting, jobs):
    run_ = cli("score", str(leting), "--jobs", jobs)
    assert run_.code == 2 and "number of processes" in run_.err


def test_jsonl_and_jobs_are_in_the_help(cli):
    shown = " ".join(cli("score", "--help").out.split())
    assert "jsonl" in shown
    assert f"one per core for {scoring_commands.PARALLEL_FROM} files or more" in shown
    assert "jsonl" in cli("plugins").out


RECORDER = """
import os
from scoring.hookspecs import hookimpl

@hookimpl
def scoring_evaluated(result):
    with open(os.environ["RECORDED"], "a", encoding="utf-8") as out:
        out.write(f"{os.getpid()} {result.source}\\n")
"""


@pytest.mark.parametrize("blocked", [False, True])
def test_workers_call_scoring_evaluated_for_each_result(batch, site, tmp_path, blocked):
    """Each worker's host has the plugins the command line has: the recorder sees every
    result once, in the worker that scored it; disabled with -p no:NAME, none."""
    install_plugin(
        site, "scoring-recorder", "1.0", {"recorder": "recorder"}, {"recorder": RECORDER}
    )
    recorded = tmp_path / "recorded.txt"
    options = ["-p", "no:recorder"] if blocked else []
    run_ = run_cli(
        "score",
        *batch,
        "-f",
        "jsonl",
        "--jobs",
        "2",
        *options,
        env=plugin_env(site, RECORDED=str(recorded)),
    )
    assert run_.code == 2, run_
    if blocked:
        assert not recorded.exists()
        return
    lines = recorded.read_text("utf-8").splitlines()
    scored = [path for index, path in enumerate(batch) if index != 4]
    assert sorted(line.split(" ", 1)[1] for line in lines) == sorted(scored)
    assert str(os.getpid()) not in {line.split(" ", 1)[0] for line in lines}


def test_a_plugin_printing_in_a_worker_does_not_reach_the_output(batch, site):
    printer = RECORDER.replace(
        'with open(os.environ["RECORDED"], "a", encoding="utf-8") as out:\n        out.write(',
        "print(",
    )
    install_plugin(site, "scoring-printer", "1.0", {"printer": "printer"}, {"printer": printer})
    run_ = run_cli("score", *batch, "-f", "jsonl", "--jobs", "2", env=plugin_env(site))
    assert all(line.startswith("{") for line in run_.out.splitlines()), run_
    assert run_.err.count(batch[0]) >= 1


@pytest.mark.parametrize("blocked", [False, True])
def test_workers_started_afresh_build_their_own_host(batch, site, tmp_path, monkeypatch, blocked):
    """Where workers are not forked (another thread runs, or not Linux), each builds its host,
    with the plugins the command line disabled left out, and compiles the rule set: the same
    output, and the recorder called in the workers, or not at all."""
    install_plugin(
        site, "scoring-recorder", "1.0", {"recorder": "recorder"}, {"recorder": RECORDER}
    )
    recorded = tmp_path / "recorded.txt"
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("RECORDED", str(recorded))
    # this process's host built afresh too, with the recorder: one an earlier test left has not
    from scoring import host

    monkeypatch.setattr(host, "_DEFAULT", [])
    options = ["-p", "no:recorder"] if blocked else []
    serial = run("score", *batch, "-f", "jsonl", "--jobs", "1", *options)
    monkeypatch.setattr(scoring_commands, "_forks", lambda: False)
    # spawned, not from a fork server: one started by an earlier test of this process would
    # give its workers that test's path and environment, not this one's plugin and RECORDED
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["fork", "spawn"])
    recorded.unlink(missing_ok=True)
    fresh = run("score", *batch, "-f", "jsonl", "--jobs", "2", *options)
    assert fresh == serial
    if blocked:
        assert not recorded.exists()
    else:
        sources = [line.split(" ", 1)[1] for line in recorded.read_text("utf-8").splitlines()]
        assert sorted(sources) == sorted(p for i, p in enumerate(batch) if i != 4)


def test_a_folder_is_the_evaluation_files_in_it_in_name_order(batch, tmp_path):
    """``score FOLDER`` scores what ``score FOLDER/*`` of its evaluation files would, in the
    order of their names: not Excel's lock files, hidden files, other suffixes or subfolders."""
    folder = tmp_path / "单位报送"
    folder.mkdir()
    (folder / "早报").mkdir()  # a subfolder: not read
    for name in ("~$表.xlsx", ".draft.toml", "说明.docx"):
        (folder / name).write_text("not an evaluation", "utf-8")
    wanted = [path for index, path in enumerate(batch) if index != 4]
    for path in reversed(wanted):  # made in the other order: the names decide
        (folder / Path(path).name).write_bytes(Path(path).read_bytes())
    in_folder = sorted(str(folder / Path(path).name) for path in wanted)
    for jobs in ("1", "2"):
        by_folder = run("score", str(folder), "-f", "jsonl", "--jobs", jobs)
        assert by_folder == run("score", *in_folder, "-f", "jsonl", "--jobs", "1")
        assert by_folder[0] == 0
        sources = [json.loads(line)["source"] for line in by_folder[1].splitlines()]
        assert sources == in_folder  # file-0 … file-9, file-4 left out above
    # a file before the folder keeps its place
    code, out, _ = run("score", batch[0], str(folder), "-f", "jsonl", "--jobs", "1")
    assert code == 0
    assert [json.loads(line)["source"] for line in out.splitlines()] == [batch[0], *in_folder]
    assert run("check", str(folder), "-f", "json")[0] == 0


@pytest.mark.parametrize(
    ("names", "order"),
    [
        # a run of digits by its number, as a file manager lists them; ties by their text
        (["单位10", "单位2", "单位1"], ["单位1", "单位2", "单位10"]),
        (["表2-10", "表2-9", "表10-1"], ["表2-9", "表2-10", "表10-1"]),
        (["单位2", "单位02", "单位002"], ["单位002", "单位02", "单位2"]),
        (["b", "a10", "a9b", "a9a", "10", "9"], ["9", "10", "a9a", "a9b", "a10", "b"]),
        # the name before its suffix first; letters whatever their case
        (["单位1.toml", "单位.toml", "单位2.toml"], ["单位.toml", "单位1.toml", "单位2.toml"]),
        (
            ["Beta.toml", "alpha.toml", "B1.json", "a2.json"],
            ["a2.json", "alpha.toml", "B1.json", "Beta.toml"],
        ),
        (["x1.10.toml", "x1.toml", "x1.5.toml"], ["x1.toml", "x1.5.toml", "x1.10.toml"]),
    ],
)
def test_a_folder_is_read_in_the_order_a_file_manager_lists_it(names, order):
    assert sorted(names, key=scoring_commands.name_order) == order


def test_an_output_inside_the_folder_being_scored_is_refused_before_any_work(tmp_path):
    """``score 单位/ -o 单位/结果.json`` would leave a result the next run reads as a unit's
    file (and one left there is read by this run): refused, with a name outside to give, and
    nothing written — as is the unit's own file named by -o, through a link or as a hard link.
    An output no reader takes (.csv) may be written there."""
    folder = tmp_path / "单位"
    folder.mkdir()
    for number in (10, 2, 1):
        (folder / f"单位{number}.toml").write_text(case_evaluation(LETING), "utf-8")
    unit = folder / "单位1.toml"
    kept = unit.read_bytes()
    (tmp_path / "链接.toml").symlink_to(unit)
    os.link(unit, tmp_path / "硬链接.toml")
    for output, said in [
        (folder / "结果.json", "is in the folder"),
        (unit, "is in the folder"),
        (tmp_path / "链接.toml", "is in the folder"),
        (tmp_path / "硬链接.toml", "is one of the input files"),
    ]:
        ran = run_cli("score", str(folder), "-f", "json", "-o", str(output), "--jobs", "1")
        assert ran.code == 2 and said in ran.err, (output, ran)
        assert "Traceback" not in ran.err
    err = run_cli("score", str(folder), "-f", "json", "-o", str(folder / "结果.json")).err
    suggested = err.split("write the output outside the folder, e.g. -o ", 1)[1].split()[0]
    assert Path(suggested).resolve() == (tmp_path / "结果.json").resolve()  # outside, not in
    assert not (folder / "结果.json").exists() and unit.read_bytes() == kept
    ran = run_cli("score", str(folder), "-f", "csv", "-o", str(folder / "结果.csv"), "--jobs", "1")
    assert ran.code == 0, ran
    wanted = [str(folder / f"单位{number}.toml") for number in (1, 2, 10)]
    # a result left in the folder (an earlier run without -o, a copy) is said to be one
    run_cli("score", str(folder), "-f", "json", "-o", str(tmp_path / "结果.json"))
    (folder / "结果.json").write_bytes((tmp_path / "结果.json").read_bytes())
    ran = run_cli("score", str(folder), "-f", "jsonl", "--jobs", "1")
    assert ran.code == 2, ran
    # 结 (U+7ED3) after 单 (U+5355): the result is the last file, there as its error entry
    sources = [json.loads(line)["source"] for line in ran.out.splitlines()]
    assert sources == [*wanted, str(folder / "结果.json")]
    assert "these are results scoring wrote (-f json), not evaluations" in ran.err
    # one entry of it, kept as a file of its own, is said to be a result too
    single = tmp_path / "一个结果.json"
    single.write_text(
        json.dumps(json.loads((tmp_path / "结果.json").read_text("utf-8"))[0]), "utf-8"
    )
    ran = run_cli("score", str(single))
    assert ran.code == 2, ran
    assert f"{single}: this is a result scoring wrote (-f json), not an evaluation" in ran.err


def test_a_standard_output_redirected_into_the_files_being_scored_is_refused(tmp_path):
    """``scoring score 单位 > 单位/结果.json``: the shell makes 结果.json before the run lists the
    folder, and the run would read its own output, half written, as a unit's file; so would
    ``scoring score 单位/*`` run a second time, and a run with -o whose standard output goes
    there. Refused before any work, naming the file, a place outside, and the empty file the
    shell left; that file, read later, is said to be empty. Redirected elsewhere, the same
    folder is scored."""
    import subprocess
    import sys

    folder = tmp_path / "单位"
    folder.mkdir()
    (folder / "单位1.toml").write_text(case_evaluation(LETING), "utf-8")
    inside, outside = folder / "结果.json", tmp_path / "结果.json"

    def run(out: Path, *args: str) -> subprocess.CompletedProcess:
        with open(out, "w", encoding="utf-8") as stream:
            return subprocess.run(
                [sys.executable, "-m", "scoring", "score", *args, "-f", "json"],
                stdout=stream,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "SCORING_LANG": "en"},
                timeout=120,
            )

    said = f"the standard output is {inside}, one of the files being scored"
    for args in ([str(folder)], [str(folder / "单位1.toml"), str(inside)]):
        ran = run(inside, *args)
        assert ran.returncode == 2 and said in ran.stderr, ran.stderr
        assert "write the output outside the folder, e.g. > " in ran.stderr
        assert (
            f"the shell emptied {inside} before the run: restore it if it held a unit's"
            in ran.stderr
        )
        suggested = ran.stderr.split("e.g. > ", 1)[1].split()[0]
        assert Path(suggested).resolve() == tmp_path / "results.json"  # outside, the format's
        assert inside.read_text("utf-8") == ""  # nothing scored, nothing written
    ran = run(inside, str(folder), "-o", str(outside))
    assert ran.returncode == 2 and said in ran.stderr and not outside.exists()
    # left there, the empty file is said to be empty, not a syntax error at line 1
    ran = run(outside, str(folder))
    assert ran.returncode == 2, ran.stderr
    assert f"{inside}: the file is empty" in ran.stderr
    inside.unlink()
    ran = run(outside, str(folder))
    assert ran.returncode == 0 and ran.stderr == "", ran.stderr
    assert json.loads(outside.read_text("utf-8"))[0]["department"]["score"] == 99.79


def test_a_unit_filed_twice_in_a_batch_is_said_and_both_are_scored(tmp_path):
    """Two files with the same department, year and projects — a copy, a second version, a
    reviewed workbook left beside the unit's own — would count the unit twice in a list of
    the batch: each later one is said on standard error, naming the first, and both are
    scored as filed (which is the unit's is the reviewer's call). Files of one department
    with other projects (a project per file) are not copies."""
    folder = tmp_path / "单位"
    folder.mkdir()
    text = case_evaluation(LETING)
    (folder / "a.toml").write_text(text, "utf-8")
    (folder / "b.toml").write_text(text.replace("招商经费", "招商引资经费"), "utf-8")
    (folder / "c.toml").write_text(text, "utf-8")
    said = (
        f"scoring: warning: {folder / 'c.toml'} files the same department, year and projects "
        f"as {folder / 'a.toml'}: one unit counted twice? Keep one of them in the batch\n"
    )
    for args in (["-f", "jsonl", "--jobs", "1"], ["-f", "jsonl", "--jobs", "2"], ["-f", "csv"]):
        ran = run_cli("score", str(folder), *args)
        assert ran.code == 0 and ran.err == said, (args, ran)
    ran = run_cli("score", str(folder), "-f", "jsonl")
    assert len(ran.out.splitlines()) == 3  # all three scored
    for command in (["score", str(folder)], ["check", str(folder)]):  # not written file by file
        ran = run_cli(*command)
        assert ran.err == said, ran
    # a reviewed workbook returned beside the unit's file is one, and says what it is
    run_cli("score", str(folder / "a.toml"), "-f", "xlsx", "-o", str(folder / "复核.xlsx"))
    (folder / "c.toml").unlink()
    ran = run_cli("score", str(folder), "-f", "jsonl", "--jobs", "1")
    assert ran.err == said.replace("c.toml", "复核.xlsx"), ran
    reviewed = json.loads(ran.out.splitlines()[-1])
    assert (
        reviewed["department"]["score"]
        == json.loads(ran.out.splitlines()[0])["department"]["score"]
    )
    assert [
        f["where"]
        for f in reviewed["findings"]
        if "the columns 复核得分 / 复核意见" in f["message"]
    ] == ["department"]
    # known by its two columns, whatever became of its sheets
    import openpyxl

    workbook = openpyxl.load_workbook(folder / "复核.xlsx")
    del workbook["复核发现"]
    workbook["汇总"].title = "总表"
    workbook.save(folder / "复核.xlsx")
    ran = run_cli("score", str(folder / "复核.xlsx"), "-f", "json")
    assert any(
        "the columns 复核得分 / 复核意见" in f["message"]
        for f in json.loads(ran.out)[0]["findings"]
    )
    # a unit's own workbook, never reviewed, has no such note
    ran = run_cli("score", str(folder / "a.toml"), "-f", "json")
    assert not any("复核得分" in f["message"] for f in json.loads(ran.out)[0]["findings"])


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("json", "these are results scoring wrote (-f json), not evaluations"),
        ("jsonl", "these are results scoring wrote (-f jsonl), not evaluations"),
    ],
)
def test_results_given_as_an_evaluation_are_said_to_be_results(tmp_path, fmt, said):
    """Whatever their first file was — an error entry here — scoring's own output given as an
    evaluation (a .json of -f json, or of -f jsonl) is said to be results, with what to do."""
    output, unit = tmp_path / "结果.json", tmp_path / "单位.toml"
    unit.write_text(case_evaluation(LETING), "utf-8")
    ran = run_cli("score", str(tmp_path / "缺.toml"), str(unit), "-f", fmt, "-o", str(output))
    assert ran.code == 2 and output.exists(), ran
    ran = run_cli("score", str(output))
    assert ran.code == 2, ran
    assert f"{output}: {said}" in ran.err
    assert "keep results outside the folders being scored" in ran.err


def test_copies_are_known_in_any_order_of_projects_and_in_report(tmp_path):
    """A copy with its projects in another order, or a name with a space more, is the same
    filing; the same file named twice is said as such; `report` (a list of the batch, as
    --combined sums it up) says copies too, and reads a folder as `score` does."""
    folder = tmp_path / "单位"
    folder.mkdir()
    text = case_evaluation(LETING)
    (folder / "a.toml").write_text(text, "utf-8")
    head, *projects = text.split("[[projects]]")
    swapped = head + "[[projects]]" + "[[projects]]".join(reversed(projects))
    swapped = swapped.replace('name = "乐亭县', 'name = " 乐亭县', 1)
    assert swapped != text
    (folder / "b.toml").write_text(swapped, "utf-8")
    ran = run_cli("score", str(folder), "-f", "jsonl", "--jobs", "1")
    assert "b.toml files the same department, year and projects as " in ran.err, ran
    a = str(folder / "a.toml")
    ran = run_cli("score", a, a, "-f", "csv")
    assert ran.err == f"scoring: warning: {a} is given twice (also as {a}): give it once\n"
    ran = run_cli("report", str(folder), "--combined", "-o", str(tmp_path / "汇总.md"))
    assert ran.code == 0 and "b.toml files the same department" in ran.err, ran
    ran = run_cli("compare", str(folder), "-r", "mof-2020,hebei")
    assert ran.code == 0 and "b.toml" in ran.out, ran
    assert "b.toml files the same department, year and projects as " in ran.err


def test_compare_and_report_keep_their_output_out_of_the_folder_they_read(tmp_path):
    """`compare 单位 -o 单位/y.json` would leave a file the next run reads as a unit's; a report
    named .toml or .json would be read so too: both refused before any work."""
    folder = tmp_path / "单位"
    folder.mkdir()
    (folder / "a.toml").write_text(case_evaluation(LETING), "utf-8")
    ran = run_cli(
        "compare", str(folder), "-r", "mof-2020,hebei", "-f", "json", "-o", str(folder / "y.json")
    )
    assert ran.code == 2 and "is in the folder" in ran.err, ran
    for name in ("z.toml", "z.json", "z.csv"):
        ran = run_cli("report", str(folder), "--combined", "-o", str(folder / name))
        assert ran.code == 2 and "a report is not written as" in ran.err, ran
    assert [p.name for p in folder.iterdir()] == ["a.toml"]


def test_a_workbook_for_several_files_is_refused_before_any_is_scored(tmp_path):
    unit = tmp_path / "a.toml"
    unit.write_text(case_evaluation(LETING), "utf-8")
    ran = run_cli(
        "score", str(unit), str(tmp_path / "缺.toml"), "-f", "xlsx", "-o", str(tmp_path / "x.xlsx")
    )
    assert ran.code == 2 and "-f xlsx writes one evaluation per workbook" in ran.err
    assert "no such file" not in ran.err  # not read: refused first


def test_a_file_no_reader_takes_gets_the_fix_that_fits(tmp_path):
    for name, hint in [
        ("报告.docx", "a written report? review it with `scoring check {path}`"),
        ("报告.md", "a written report? review it with `scoring check {path}`"),
        ("结果.csv", "a .csv scoring wrote (-f csv) holds results"),
    ]:
        path = tmp_path / name
        path.write_text("x", "utf-8")
        ran = run_cli("score", str(path))
        assert ran.code == 2 and hint.format(path=path) in ran.err, ran


def test_a_jsonl_result_given_as_an_evaluation_is_said_to_be_results(tmp_path):
    output, unit = tmp_path / "结果.jsonl", tmp_path / "单位.toml"
    unit.write_text(case_evaluation(LETING), "utf-8")
    assert run_cli("score", str(unit), "-f", "jsonl", "-o", str(output)).code == 0
    ran = run_cli("score", str(output))
    assert ran.code == 2, ran
    assert f"{output}: a .jsonl file holds results, one per line" in ran.err
    assert "keep results outside the folders being scored" in ran.err


def test_a_file_the_system_will_not_read_has_its_own_code(tmp_path):
    """A name too long to look up is `unreadable`, not `not-found`: the file may well be
    there. A missing file is `not-found`, whichever reader would have read it."""
    long = tmp_path / ("长" * 120 + ".toml")  # 360 bytes in UTF-8: above a name's 255
    ran = run_cli("score", str(long), str(tmp_path / "缺.json"), "-f", "jsonl", "--jobs", "1")
    assert ran.code == 2, ran
    codes = [json.loads(line)["error"]["code"] for line in ran.out.splitlines()]
    assert codes == ["unreadable", "not-found"]
    assert "cannot read the file: the name is too long" in ran.err


def test_a_folder_with_no_evaluation_file_is_said_before_any_work(tmp_path):
    empty = tmp_path / "空"
    empty.mkdir()
    (empty / "~$表.xlsx").write_text("lock", "utf-8")
    (empty / "sub").mkdir()
    run_ = run_cli("score", str(empty), "-f", "jsonl")
    assert run_.code == 2 and run_.out == "", run_
    assert f"{empty} holds no evaluation file" in run_.err
    assert "subfolders are not read" in run_.err and "Traceback" not in run_.err


def test_a_folder_that_cannot_be_read_is_said_and_a_dangling_link_in_one_is_kept(
    tmp_path, monkeypatch
):
    """A folder the system will not list is a user's error naming it (exit 2, no traceback);
    a link in a folder to a file no longer there is scored as the missing file it is, not left
    out without a word, and so is a link round in a loop, not stopping the folder."""
    kept = tmp_path / "单位"
    kept.mkdir()
    (kept / "a.toml").write_text(case_evaluation(LETING), "utf-8")
    (kept / "b.toml").symlink_to(tmp_path / "gone.toml")
    run_ = run_cli("score", str(kept), "-f", "jsonl")
    assert run_.code == 2, run_
    sources = [json.loads(line)["source"] for line in run_.out.splitlines()]
    assert sources == [str(kept / "a.toml"), str(kept / "b.toml")]
    assert f"{kept / 'b.toml'}: no such file" in run_.err

    def refused(path):
        raise PermissionError(13, "Permission denied", str(path))

    (kept / "b.toml").unlink()  # a link round in a loop: the good file is still scored
    (kept / "c1.toml").symlink_to(kept / "c2.toml")
    (kept / "c2.toml").symlink_to(kept / "c1.toml")
    run_ = run_cli("score", str(kept), "-f", "jsonl")
    assert run_.code == 2, run_
    sources = [json.loads(line)["source"] for line in run_.out.splitlines()]
    assert sources == [str(kept / name) for name in ("a.toml", "c1.toml", "c2.toml")]
    first = json.loads(run_.out.splitlines()[0], parse_float=Decimal)
    assert first["department"]["score"] == Decimal("99.79")
    assert (
        f"{kept / 'c1.toml'}: cannot read the file: too many levels of symbolic links" in run_.err
    )
    assert "the link leads round in a loop" in run_.err

    monkeypatch.setattr(scoring_commands.os, "scandir", refused)
    run_ = run_cli("check", str(kept))
    assert run_.code == 2, run_
    assert f"cannot read the folder {kept}: permission denied" in run_.err
    assert "Traceback" not in run_.err and "internal error" not in run_.err
