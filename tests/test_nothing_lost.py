"""Nothing lost on the way out: what ``-o`` and standard output do with what a user has there,
when the run fails, when the machine fails, and what a workbook written holds.

- ``-o`` onto a device or a FIFO writes into it; onto a regular file (or through a symlink to
  one) replaces it atomically, the link kept; ``-o -`` is standard output.
- A run that scores nothing writes nothing: an earlier output stays as it was.
- A full disk, /dev/full, a closed standard output, a name at the file system's limit, text
  with no UTF-8 form: exit 2 with a message naming the output and what to do, never exit 3.
- A workbook is the same bytes whenever it is written; user text in it is never a formula, and
  text a workbook cannot hold is refused with its place.

Every hostile file is made by the test, in its own folder. Devices are made there too (as
root), so that a test that fails can never replace the machine's /dev/null or /dev/full.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
import tomllib
import zipfile
from pathlib import Path

import pytest

from scoring.inert import terminal
from tests.conftest import LETING, case_evaluation, run_cli

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="Linux device numbers")

BROKEN = "[department\n"  # a TOML syntax error: the file cannot be scored


def device(folder: Path, name: str) -> Path:
    """A character device like the machine's /dev/null or /dev/full, made in ``folder`` when
    the user may (root); else the machine's own, which such a user cannot replace either."""
    minor = {"null": 3, "full": 7}[name]
    node = folder / name
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        node = Path("/dev") / name
    if not node.is_char_device():
        pytest.skip(f"no {name} device here")
    return node


def broken(folder: Path, name: str = "broken.toml") -> Path:
    path = folder / name
    path.write_text(BROKEN, "utf-8")
    return path


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def scoring_process(*args: str, cwd: Path, stdout=None, close_stdout: bool = False):
    """`scoring ARGS` in a child process, its standard output given (or closed, as by >&-).
    The timeout is a safety net only."""
    command = [sys.executable, "-m", "scoring", *args]
    if close_stdout:
        command = ["sh", "-c", '"$0" "$@" >&-', *command]
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(
        command, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, env=env, timeout=120, text=True
    )


# --- 1. -o onto what is there ------------------------------------------------------------------


@linux_only
@pytest.mark.parametrize("through_link", [False, True], ids=["device", "symlink-to-device"])
def test_output_onto_a_device_is_written_into_not_replaced(cli, leting, tmp_path, through_link):
    null = device(tmp_path, "null")
    target = null
    if through_link:
        target = tmp_path / "out.json"
        target.symlink_to(null)
    run = cli("score", str(leting), "-f", "json", "-o", str(target))
    assert run.code == 0, run
    assert null.is_char_device() and os.stat(null).st_rdev == os.makedev(1, 3)
    assert target.is_symlink() == through_link
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
@pytest.mark.parametrize("through_link", [False, True], ids=["fifo", "symlink-to-fifo"])
def test_output_onto_a_fifo_is_written_into(cli, leting, tmp_path, through_link, fmt):
    """Whatever its name: the format is the one -f names (a workbook into `pipe` too)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if through_link:
        target = tmp_path / "out"
        target.symlink_to(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as pipe:  # waits for the writer
            received.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    run = cli("score", str(leting), "-f", fmt, "-o", str(target))
    reader.join(timeout=60)  # a safety net: the writer has closed the FIFO by now
    if reader.is_alive():  # the FIFO was not written: let the reader go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert run.code == 0, run
    assert received
    if fmt == "json":
        assert json.loads(received[0])[0]["department"]["score"] == 99.79
    else:
        assert "汇总" in zipfile.ZipFile(io.BytesIO(received[0])).read("xl/workbook.xml").decode()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert target.is_symlink() == through_link


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "regular-file"])
def test_a_workbook_into_a_file_not_named_xlsx_is_refused(cli, leting, tmp_path, existing):
    """A file keeps the name it is given: a workbook in `out.xls` would not open."""
    out = tmp_path / "out.xls"
    if existing:
        out.write_bytes(b"earlier")
    run = cli("score", str(leting), "-f", "xlsx", "-o", str(out))
    assert run.code == 2, run
    assert f"-o {out}: a workbook is written as .xlsx" in run.err and "Traceback" not in run.err
    assert (out.read_bytes() == b"earlier") if existing else not out.exists()


@linux_only
def test_output_through_a_link_to_the_standard_output_pipe(leting, tmp_path):
    """`-o /dev/stdout` with standard output a pipe: /dev/stdout is a link only the system can
    follow (to /proc/self/fd/1, then to the pipe); written into, the link kept. (Through a
    link of the test's own, so that a test that fails cannot replace the machine's.)"""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    proc = scoring_process(
        "score", str(leting), "-f", "json", "-o", str(link), cwd=tmp_path, stdout=subprocess.PIPE
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["department"]["score"] == 99.79
    assert link.is_symlink() and temporaries(tmp_path) == []


@pytest.mark.parametrize("dangling", [False, True], ids=["link-to-file", "dangling-link"])
def test_a_symlink_keeps_pointing_at_the_file_written(cli, leting, tmp_path, dangling):
    """A symlink to a regular file: the file it points to is replaced (atomically, as any
    output), the link kept; a link to a file not there yet creates that file."""
    real = tmp_path / "results" / "real.json"
    real.parent.mkdir()
    if not dangling:
        real.write_text("old", "utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(real)
    run = cli("score", str(leting), "-f", "json", "-o", str(link))
    assert run.code == 0, run
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert json.loads(real.read_text("utf-8"))[0]["department"]["score"] == 99.79
    assert temporaries(real.parent) == [] and temporaries(tmp_path) == []


@pytest.mark.parametrize(
    "args",
    [
        ("score", "{leting}", "-f", "json", "-o", "-"),
        ("demo", "-f", "json", "-o", "-"),
        ("compare", "{leting}", "-r", "mof-2020,whole-points", "-f", "json", "-o", "-"),
        ("template", "-f", "toml", "--year", "2023", "-o", "-"),
    ],
    ids=["score", "demo", "compare", "template"],
)
def test_dash_is_standard_output(cli, leting, tmp_path, args):
    run = cli(*(arg.format(leting=leting) for arg in args), cwd=tmp_path)
    assert run.code == 0, run
    assert run.out.strip(), run
    assert not (tmp_path / "-").exists()


# --- 2. a failing run leaves the earlier output -------------------------------------------------


@pytest.mark.parametrize(
    ("command", "fmt"),
    [("score", fmt) for fmt in ("json", "csv", "markdown", "table", "xlsx")]
    + [("compare", fmt) for fmt in ("json", "markdown", "table")],
)
def test_a_run_that_scores_nothing_leaves_the_earlier_output(cli, leting, tmp_path, command, fmt):
    out = tmp_path / f"out.{fmt}"
    rules = ["-r", "mof-2020,whole-points"] if command == "compare" else []
    good = cli(command, str(leting), *rules, "-f", fmt, "-o", str(out))
    assert good.code == 0, good
    before = out.read_bytes()
    bad = broken(tmp_path)
    run = cli(command, str(bad), *rules, "-f", fmt, "-o", str(out))
    assert run.code == 2, run
    assert out.read_bytes() == before
    assert f"{bad}: line 1, column" in run.err  # the failing file, and where
    assert f"{out} was not written: no file could be scored" in run.err
    assert "(the file there is as it was)" in run.err
    assert "Traceback" not in run.err and temporaries(tmp_path) == []


def test_convert_of_a_failing_file_leaves_the_earlier_output(cli, leting, tmp_path):
    out = tmp_path / "out.toml"
    out.write_text("# earlier\n", "utf-8")
    run = cli("convert", str(broken(tmp_path)), "-o", str(out))
    assert run.code == 2 and "line 1, column" in run.err, run
    assert out.read_text("utf-8") == "# earlier\n"


def test_a_mixed_batch_writes_the_files_scored_with_the_others_in_their_place(
    cli, leting, tmp_path
):
    """Some files scored, some not: the output is written — the failed files stand in their
    place as errors, as on standard output — and the run exits 2."""
    out = tmp_path / "out.json"
    out.write_text("earlier", "utf-8")
    bad = broken(tmp_path)
    run = cli("score", str(leting), str(bad), "-f", "json", "-o", str(out))
    assert run.code == 2, run
    data = json.loads(out.read_text("utf-8"))
    assert data[0]["department"]["score"] == 99.79
    assert data[1]["source"] == str(bad) and data[1]["error"]["code"]
    assert f"{bad}: line 1, column" in run.err


@pytest.mark.parametrize("umask", [0o022, 0o077])
@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_files_written_take_the_users_umask(cli, leting, tmp_path, umask, fmt):
    """Written through a 0600 temporary file, the output still gets the mode any file the
    user writes gets — also when it replaces one of another mode."""
    out = tmp_path / f"out.{fmt}"
    out.write_bytes(b"")
    out.chmod(0o600 if umask == 0o022 else 0o666)
    old = os.umask(umask)
    try:
        run = cli("score", str(leting), "-f", fmt, "-o", str(out))
    finally:
        os.umask(old)
    assert run.code == 0, run
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


# --- 3. a broken environment is the user's to fix ------------------------------------------------


def _no_space_after_some_bytes(monkeypatch) -> None:
    """os.write as on a disk that fills up: the first call writes part, the next fails."""
    real_write = os.write
    calls: list[int] = []

    def write(fd: int, data) -> int:
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, bytes(data[:100]))

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_a_disk_filling_up_mid_write_leaves_the_earlier_output(
    cli, leting, tmp_path, monkeypatch, fmt
):
    out = tmp_path / f"out.{fmt}"
    assert cli("score", str(leting), "-f", fmt, "-o", str(out)).code == 0
    before = out.read_bytes()
    _no_space_after_some_bytes(monkeypatch)
    run = cli("score", str(leting), "-f", fmt, "-o", str(out))
    monkeypatch.undo()
    assert run.code == 2, run
    assert f"cannot write {out}: no space left on the disk" in run.err
    assert "→ the disk is full: free some space" in run.err
    assert f"{out} is as it was" in run.err
    assert out.read_bytes() == before and temporaries(tmp_path) == []
    assert "Traceback" not in run.err and "internal error" not in run.err


def test_a_full_temporary_folder_while_making_a_workbook_is_said(
    cli, leting, tmp_path, monkeypatch
):
    """openpyxl writes each sheet to a temporary file before zipping it: a full temporary
    folder is said, with where it is and what to do."""
    import openpyxl.worksheet._writer as sheet_writer

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(sheet_writer, "NamedTemporaryFile", no_space)
    out = tmp_path / "out.xlsx"
    run = cli("score", str(leting), "-f", "xlsx", "-o", str(out))
    monkeypatch.undo()
    assert run.code == 2, run
    assert "cannot make the workbook: no space left on the disk" in run.err
    assert "set TMPDIR to another folder" in run.err and not out.exists()


@linux_only
@pytest.mark.parametrize("through_link", [False, True], ids=["device", "symlink-to-device"])
def test_output_onto_a_full_device_is_a_users_error(cli, leting, tmp_path, through_link):
    full = device(tmp_path, "full")
    target = full
    if through_link:
        target = tmp_path / "out.json"
        target.symlink_to(full)
    run = cli("score", str(leting), "-f", "json", "-o", str(target))
    assert run.code == 2, run
    assert f"cannot write {target}: no space left on the disk" in run.err
    assert "→ the disk is full" in run.err and "Traceback" not in run.err
    assert full.is_char_device() and target.is_symlink() == through_link


@linux_only
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_standard_output_on_a_full_device_is_a_users_error(leting, tmp_path, fmt):
    """`> /dev/full`: exit 2 and a message, and nothing more at exit (a second failure as
    Python flushes the output would print 'Exception ignored' and exit 120)."""
    full = device(tmp_path, "full")
    with open(full, "w") as stdout:
        proc = scoring_process("score", str(leting), "-f", fmt, cwd=tmp_path, stdout=stdout)
    assert proc.returncode == 2, proc.stderr
    assert "cannot write standard output: no space left on the disk" in proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr


@linux_only
@pytest.mark.parametrize(
    "args",
    [("--help",), ("--version",), ("score", "--help"), ("rules", "check", "--help"), ()],
    ids=["help", "version", "command-help", "action-help", "no-command"],
)
def test_help_and_version_on_a_full_device_are_a_users_error(tmp_path, args):
    """`scoring --help > /dev/full`: help and the version are output like any other, and a
    write that fails is said the same way (argparse alone would pass over it, exit 0)."""
    full = device(tmp_path, "full")
    with open(full, "w") as stdout:
        proc = scoring_process(*args, cwd=tmp_path, stdout=stdout)
    assert proc.returncode == 2, proc.stderr
    assert "scoring: error: cannot write standard output: no space left on the disk" in proc.stderr
    assert "→ the disk is full" in proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr


@pytest.mark.parametrize("args", [("--help",), ("--version",)], ids=["help", "version"])
def test_help_and_version_are_written_as_output(tmp_path, args):
    """Piped, they are UTF-8 whatever the locale says (the help has Chinese in it)."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    proc = subprocess.run(
        [sys.executable, "-m", "scoring", *args], capture_output=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").startswith(("usage: scoring", "scoring 0."))
    assert proc.stderr == b""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("demo",), 2),
        (("rules", "list"), 2),
        (("--version",), 2),
        (("demo", "-f", "json", "-o", "out.json"), 0),
    ],
    ids=["demo", "rules-list", "version", "demo-to-a-file"],
)
def test_a_closed_standard_output_is_said(tmp_path, args, code):
    """`scoring demo >&-`: a command that writes to standard output says it is closed (exit 2);
    one that writes to a file does not need it."""
    proc = scoring_process(*args, cwd=tmp_path, close_stdout=True)
    assert proc.returncode == code, proc.stderr
    if code == 2:
        assert "standard output is closed" in proc.stderr
        assert "→ give -o FILE" in proc.stderr
    else:
        assert json.loads((tmp_path / "out.json").read_text("utf-8"))[0]["department"]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


@pytest.mark.parametrize(
    ("where", "message", "hint"),
    [
        ("missing/out.json", "no such file or folder", "the folder does not exist"),
        ("file/out.json", "a part of the path is not a folder", "a part of the path is a file"),
        ("loop.json", "too many levels of symbolic links", "the path is a loop of symbolic links"),
        ("folder", "is a folder", "give a file name"),
        (f"new{os.sep}", "names a folder: it ends in a slash", "give a file name"),
    ],
    ids=["no-folder", "file-as-folder", "symlink-loop", "a-folder", "a-name-ending-in-a-slash"],
)
def test_an_output_that_cannot_be_made_is_said(cli, leting, tmp_path, where, message, hint):
    (tmp_path / "file").write_text("", "utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "loop.json").symlink_to(tmp_path / "loop.json")
    out = os.path.join(tmp_path, where)  # a slash at the end kept
    run = cli("score", str(leting), "-f", "json", "-o", out)
    assert run.code == 2, run
    assert out in run.err and message in run.err and f"→ {hint}" in run.err
    assert "Traceback" not in run.err
    assert not (tmp_path / "new").exists()


def test_the_systems_reason_is_said_in_the_interfaces_language(cli, leting, tmp_path, chinese):
    """The system's reasons are English whatever the interface speaks: the usual ones are said
    in Chinese, in the Chinese interface."""
    (tmp_path / "file").write_text("", "utf-8")
    run = cli("score", str(leting), "-f", "json", "-o", str(tmp_path / "missing" / "out.json"))
    assert run.code == 2, run
    assert f"无法写入 {tmp_path / 'missing' / 'out.json'}：文件或文件夹不存在" in run.err
    run = cli("score", str(tmp_path / "file" / "a.toml"))
    assert run.code == 2, run
    assert "No such" not in run.err and "Not a directory" not in run.err


@pytest.mark.parametrize(
    "name", ["a" * 245 + ".json", "评" * 81 + ".json"], ids=["ascii-250", "chinese-248"]
)
def test_a_long_output_name_works(cli, leting, tmp_path, name):
    """A name a file system takes (up to 255 bytes) is written, though the temporary file
    beside it has a longer name to make."""
    assert len(name.encode()) <= 250
    run = cli("score", str(leting), "-f", "json", "-o", str(tmp_path / name))
    assert run.code == 0, run
    assert json.loads((tmp_path / name).read_text("utf-8"))[0]["department"]["score"] == 99.79
    assert temporaries(tmp_path) == []


def test_an_output_name_too_long_is_said(cli, leting, tmp_path):
    out = tmp_path / ("a" * 256 + ".json")
    run = cli("score", str(leting), "-f", "json", "-o", str(out))
    assert run.code == 2, run
    assert f"cannot write {out}: the name is too long" in run.err
    assert "→ the name is too long for the file system" in run.err
    assert temporaries(tmp_path) == []


# --- 4. text with no form in the output --------------------------------------------------------


@pytest.mark.parametrize("bom", [False, True], ids=["utf-8", "csv-with-bom"])
def test_text_with_no_utf8_form_is_refused_with_its_place(tmp_path, bom):
    """Half of a UTF-16 pair has no UTF-8 form: nothing is written, and the message says the
    output, the line and column, and the words before it."""
    from scoring.commands import _emit
    from scoring.errors import UsageError

    out = tmp_path / "out.csv"
    out.write_text("earlier", "utf-8")
    with pytest.raises(UsageError) as caught:
        _emit('{\n  "name": "招商\ud800经费"\n}\n', str(out), bom=bom)
    said = caught.value.render()
    assert f"cannot write {out}: U+D800 at line 2, column 14" in said
    assert '"name": "招商' in said and "has no UTF-8 form" in said
    assert "correct it there and run again" in said
    assert out.read_text("utf-8") == "earlier" and temporaries(tmp_path) == []


def test_text_with_no_utf8_form_piped_is_said_as_for_a_file(monkeypatch):
    """Piped, standard output is UTF-8 as a file is: the same text gives the same message,
    not a ? in its place."""
    from scoring import cli, commands
    from scoring.errors import UsageError

    piped = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", errors="replace")
    monkeypatch.setattr(sys, "stdout", piped)
    cli._quiet_broken_pipes()  # as the command line sets up its output
    monkeypatch.setattr(commands, "_STREAM", [piped])
    with pytest.raises(UsageError) as caught:
        commands._emit('{\n  "name": "招商\ud800经费"\n}\n', None)
    said = caught.value.render()
    assert "cannot write standard output: U+D800 at line 2, column 14" in said
    assert "has no UTF-8 form" in said
    piped.flush()
    assert piped.buffer.getvalue() == b""


def test_a_terminal_that_cannot_show_the_text_is_said(monkeypatch):
    """A terminal in a locale that has no form for Chinese (strict, as Python opens a
    terminal): the message names the encoding and what to do."""
    from scoring import commands
    from scoring.errors import UsageError

    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(commands, "_STREAM", [stream])
    with pytest.raises(UsageError) as caught:
        commands._emit("ok\n项目\n", None)
    said = caught.value.render()
    assert "cannot write standard output: U+9879 at line 2, column 1 has no ascii form" in said
    assert "LANG=C.UTF-8" in said


def _evaluation_with(tmp_path: Path, text: str, suffix: str = ".toml") -> Path:
    """The example with ``text`` (a TOML basic string's content) ending a reason."""
    source = case_evaluation(LETING).replace(
        'name = "自主引进项目数"', f'name = "自主引进项目数"\nreason = "已完成{text}"', 1
    )
    path = tmp_path / f"evaluation{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(tomllib.loads(source), ensure_ascii=True), "utf-8")
    else:
        path.write_text(source, "utf-8")
    return path


@pytest.mark.parametrize("character", ["\\u0001", "\\u001b", "\\uffff"])
@pytest.mark.parametrize("command", ["score", "convert"])
def test_text_a_workbook_cannot_hold_is_refused_with_its_place(cli, tmp_path, command, character):
    """A control character (or U+FFFF) in a reason: a workbook cannot hold it, and openpyxl
    would fail or write a file that does not open; the message names the file and key path."""
    path = _evaluation_with(tmp_path, character)
    out = tmp_path / "out.xlsx"
    args = ["-f", "xlsx"] if command == "score" else []
    run = cli(command, str(path), *args, "-o", str(out))
    assert run.code == 2, run
    code = character[2:].upper()
    shown = terminal(chr(int(code, 16)))  # as every message shows what a terminal would obey
    assert f"{path}: projects[0].indicators[0].reason: «已完成{shown}» holds U+{code}" in run.err
    assert "which a workbook cannot hold" in run.err
    assert "→ remove the character from the input file" in run.err
    assert not out.exists() and "Traceback" not in run.err


def test_text_a_workbook_cannot_hold_is_named_by_its_cell_in_a_workbook(cli, tmp_path):
    """Read from a workbook, the text is named by the cell it came from."""
    path = _evaluation_with(tmp_path, "\\u0007")
    book = tmp_path / "unit.xls"
    from tests.workbook_layouts import single

    project = tomllib.loads(path.read_text("utf-8"))["projects"][0]
    built = single(book, project, department="乐亭", unit="乐亭")
    run = cli("score", str(built.path), "-f", "xlsx", "-o", str(tmp_path / "out.xlsx"))
    assert run.code == 2, run
    cell = built.cells["projects[0].indicators[0].reason"]
    place = f"project 1 · indicator 1 “{project['indicators'][0]['name']}” · reason for deviation"
    assert f"{cell} ({place}): «已完成\\x07» holds U+0007" in run.err


def test_a_control_character_in_a_cell_the_reader_skips_is_said(cli, tmp_path):
    """An .xls returned reviewed is copied whole, cells no value is read from too (a note
    beside the table): a control character there is said at its cell, not an internal error."""
    from tests.workbook_layouts import Sheet, save, write_project

    project = tomllib.loads(case_evaluation(LETING))["projects"][0]
    sheet = Sheet("项目1")
    row, _ = write_project(sheet, 1, project, department="乐亭", unit="乐亭")
    sheet.put(row + 3, 1, "备注\x07")
    book = save([sheet], tmp_path / "unit.xls")
    run = cli("score", str(book), "-f", "xlsx", "-o", str(tmp_path / "out.xlsx"))
    assert run.code == 2, run
    assert f"{book.name}!项目1!A{row + 3}: «备注\\x07» holds U+0007, a control character" in run.err
    assert "→ remove the character from the workbook" in run.err and "Traceback" not in run.err


@pytest.mark.parametrize("route", ["reviewed", "as-filed"])
def test_half_a_utf16_pair_is_refused_before_a_workbook_is_written(leting, route):
    """Lone surrogates do not come through the readers; given by a program, a workbook of them
    would not open. Refused by key path, before anything is built."""
    from dataclasses import replace

    import scoring
    from scoring.errors import InputError
    from scoring.excel.write import evaluation_workbook, result_workbook

    data = tomllib.loads(leting.read_text("utf-8"))
    data["projects"][1]["indicators"][2]["reason"] = "半个\ud800代理对"
    with pytest.raises(InputError) as caught:
        if route == "as-filed":
            evaluation_workbook(data)
        else:
            evaluation = scoring.load(leting)
            result_workbook(replace(evaluation, data=data), scoring.score(evaluation))
    said = caught.value.render()
    assert "projects[1].indicators[2].reason: «半个\\ud800代理对» holds U+D800" in said
    assert "half of a UTF-16 pair" in said


# --- 5. workbooks: the same bytes, user text never a formula ------------------------------------


def _workbook_sources(kind: str, tmp_path: Path, leting: Path) -> list[str]:
    """The command line of each way a workbook is written."""
    if kind == "template":
        return ["template", "--year", "2023"]
    if kind == "convert":
        return ["convert", str(leting)]
    source = leting
    if kind in ("xlsx", "xls"):
        from tests.workbook_layouts import single

        project = tomllib.loads(leting.read_text("utf-8"))["projects"][0]
        source = single(tmp_path / f"unit.{kind}", project, department="乐亭", unit="乐亭").path
    return ["score", str(source), "-f", "xlsx"]


@pytest.mark.parametrize("kind", ["toml", "xlsx", "xls", "convert", "template"])
def test_a_workbook_is_the_same_bytes_whenever_written(leting, tmp_path, monkeypatch, kind):
    """Made and changed at one fixed time (docProps/core.xml), every zip entry dated the same:
    written again a day later, the bytes are the same."""
    import time

    args = _workbook_sources(kind, tmp_path, leting)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert run_cli(*args, "-o", str(first)).code == 0
    a_day_later = time.time() + 86400
    monkeypatch.setattr(time, "time", lambda: a_day_later)
    assert run_cli(*args, "-o", str(second)).code == 0
    monkeypatch.undo()
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "<dcterms:created" in core and core.count("1980-01-01T00:00:00Z") == 2


def test_a_workbook_is_the_same_bytes_in_another_process(leting, tmp_path):
    """Nothing in a workbook follows the order of a set of strings (which changes with each
    process's hash seed)."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}.xlsx"
        proc = subprocess.run(
            [sys.executable, "-m", "scoring", "score", str(leting), "-f", "xlsx", "-o", str(out)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


FORMULAS = ["=1+1", '=HYPERLINK("http://example.com","点此")', "=cmd|' /C calc'!A0", "+1+1"]


@pytest.mark.parametrize("kind", ["toml", "xlsx", "convert"])
def test_user_text_is_never_a_formula_in_a_workbook(leting, tmp_path, kind):
    """Text that starts with = (or +) stays text in every workbook written: no formula in any
    sheet but the form's own 执行率 of a table not scored (convert's, as the template's)."""
    import openpyxl

    data = tomllib.loads(leting.read_text("utf-8"))
    project = data["projects"][0]
    project["name"] = FORMULAS[0]
    for indicator, text in zip(project["indicators"], FORMULAS[1:]):
        indicator["reason"] = text
    source = tmp_path / "formulas.json"
    source.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    if kind == "xlsx":  # the unit's own workbook, returned with the review
        from tests.workbook_layouts import single

        source = single(tmp_path / "unit.xlsx", project, department="乐亭", unit="乐亭").path
    out = tmp_path / "out.xlsx"
    args = ["convert", str(source)] if kind == "convert" else ["score", str(source), "-f", "xlsx"]
    run = run_cli(*args, "-o", str(out))
    assert run.code == 0, run
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        formulas = {f for name in sheets for f in re.findall(rb"<f>(.*?)</f>", archive.read(name))}
        own = {b'IF(N(D6)&gt;0,E6/D6,"")'} if kind == "convert" else set()
        assert formulas == own
    texts = {
        cell.value
        for sheet in openpyxl.load_workbook(out).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    assert set(FORMULAS) <= texts


def test_a_link_to_a_sheet_named_with_an_apostrophe_reaches_it(leting, tmp_path):
    """复核发现 links each finding to its cell: a sheet named with an apostrophe is quoted as a
    reference writes it ('O''Brien'!H12), or the link would lead nowhere."""
    import openpyxl

    from tests.workbook_layouts import single

    data = tomllib.loads(leting.read_text("utf-8"))
    project = data["projects"][0]
    project["indicators"][0]["score"] = 1  # a filed score the review marks, with a link
    name = "O'Brien's 项目"
    book = single(tmp_path / "unit.xlsx", project, department="乐亭", unit="乐亭", sheet_name=name)
    out = tmp_path / "out.xlsx"
    run = run_cli("score", str(book.path), "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run
    links = [
        cell.hyperlink.location
        for row in openpyxl.load_workbook(out)["复核发现"].iter_rows()
        for cell in row
        if cell.hyperlink is not None
    ]
    assert links and all(link.startswith("'O''Brien''s 项目'!") for link in links), links


# --- 6. a batch stopped ------------------------------------------------------------------------


@linux_only
@pytest.mark.parametrize(
    ("number", "code"),
    [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)],
    ids=["ctrl-c-to-the-process-group", "sigterm", "sighup-the-terminal-closed"],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_stopped_by_a_signal_ends_cleanly(leting, tmp_path, number, code, jobs):
    """Ctrl-C (SIGINT to the command and its workers, as a terminal sends it) or SIGTERM in the
    middle of a batch: the command ends — never left waiting on its workers — with 130 or 143,
    no traceback, no worker left behind, no temporary file beside -o, and no output file."""
    folder = tmp_path / "单位"
    folder.mkdir()
    for index in range(400):
        os.link(leting, folder / f"单位{index}.toml")
    out = tmp_path / "结果.jsonl"

    def as_in_a_terminal():
        # A shell's background job ignores Ctrl-C, and a runner started under nohup ignores
        # SIGHUP: the command would inherit that, keep the signal ignored as it should, and
        # run the batch to its end.
        for each in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(each, signal.SIG_DFL)

    command = [sys.executable, "-m", "scoring", "score", str(folder), "-f", "jsonl"]
    child = subprocess.Popen(
        [*command, "--jobs", jobs, "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=as_in_a_terminal,
    )
    try:
        # The output begun: the first file is scored. Seen at once, the signal may come while
        # the temporary file is being made (see the test below).
        for _ in range(1200):
            if temporaries(tmp_path) or child.poll() is not None:
                break
            time.sleep(0.05)
        assert child.poll() is None, "the batch ended before it could be stopped"
        os.killpg(child.pid, number)
        _, err = child.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == code, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert temporaries(tmp_path) == [] and not out.exists()
    with pytest.raises(ProcessLookupError):  # no worker left in the process group
        os.killpg(child.pid, 0)


def _batch_under_way(leting, tmp_path) -> tuple[subprocess.Popen, Path, list[int]]:
    """A batch of 3,000 files begun with --jobs 2 in a process group of its own, its first
    file written: the command, its -o and its workers' ids."""
    folder = tmp_path / "单位"
    folder.mkdir()
    for index in range(3000):
        os.link(leting, folder / f"单位{index}.toml")
    out = tmp_path / "结果.jsonl"
    command = [sys.executable, "-m", "scoring", "score", str(folder), "-f", "jsonl"]
    child = subprocess.Popen(
        [*command, "--jobs", "2", "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    for _ in range(1200):
        if temporaries(tmp_path) or child.poll() is not None:
            break
        time.sleep(0.05)
    assert child.poll() is None, "the batch ended before it could be stopped"
    tasks = Path(f"/proc/{child.pid}/task")
    workers = [
        int(pid) for task in tasks.iterdir() for pid in (task / "children").read_text().split()
    ]
    assert len(workers) == 2, workers
    return child, out, workers


# A worker that ends while it scores, as one the system kills short of memory: forked from this
# script, it runs the function put in place of the one that scores a chunk.
_A_WORKER_ENDS = """
import os, sys
import scoring.commands.scoring as batch


def ended(paths):
    os._exit(137)


batch._score_chunk = ended
from scoring.cli import main

sys.exit(main(sys.argv[1:]))
"""


@linux_only
def test_a_worker_ended_from_outside_is_said_and_nothing_written(leting, tmp_path):
    """A worker ended mid-batch from outside (the system short of memory): the command says so,
    exit 2 — not an internal error of scoring — and writes no output file."""
    folder = tmp_path / "单位"
    folder.mkdir()
    for index in range(20):
        os.link(leting, folder / f"单位{index}.toml")
    out = tmp_path / "结果.jsonl"
    args = ["score", str(folder), "-f", "jsonl", "--jobs", "2", "-o", str(out)]
    run = subprocess.run(
        [sys.executable, "-c", _A_WORKER_ENDS, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SCORING_LANG": "en"},
    )
    assert run.returncode == 2, run.stderr
    assert "a worker process ended before its files were scored" in run.stderr
    assert "smaller --jobs (now 2)" in run.stderr
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr
    assert temporaries(tmp_path) == [] and not out.exists()


@linux_only
def test_the_workers_end_with_a_command_killed(leting, tmp_path):
    """The command killed outright (SIGKILL: no clean-up can run) mid-batch: its workers, which
    would wait for work for ever, see it gone and end within seconds."""
    child, _out, _workers = _batch_under_way(leting, tmp_path)
    try:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
        for _ in range(300):  # each worker looks once a second
            try:
                os.killpg(child.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        with pytest.raises(ProcessLookupError):  # no worker left in the process group
            os.killpg(child.pid, 0)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.communicate()


@pytest.mark.parametrize(
    ("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "sigterm"]
)
@pytest.mark.parametrize("moment", ["made", "synced"])
def test_a_signal_as_the_temporary_file_is_made_or_synced_leaves_none(
    leting, tmp_path, monkeypatch, number, code, moment
):
    """The signal that stops a run may come at any instant, the two around the temporary file
    beside -o included: just after it is made, before the writer holds its name (the instant
    the test above stops a batch, when it looks at that moment), and while it is synced at
    the end. The run still ends with 130 or 143, no temporary file and no output. The test
    above meets these instants only by chance, on a loaded machine; here the signal is sent
    at them (this process's own handlers, as the command sets them)."""
    from scoring import cli, commands

    def then_signalled(function):
        def call(*args, **kwargs):
            answer = function(*args, **kwargs)
            signal.raise_signal(number)
            return answer

        return call

    step = {"made": "_temporary_file", "synced": "_sync"}[moment]
    monkeypatch.setattr(commands, step, then_signalled(getattr(commands, step)))
    out = tmp_path / "结果.jsonl"
    touched = [
        getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
    ]
    handlers = {each: signal.getsignal(each) for each in touched}
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # Python's own, as in a terminal
        cli._end_cleanly_on_sigterm()  # SIGTERM's, as the command sets it
        run = run_cli("score", str(leting), "-f", "jsonl", "-o", str(out))
    finally:
        for each, handler in handlers.items():
            signal.signal(each, handler)
    assert run.code == code, run
    assert temporaries(tmp_path) == [] and not out.exists()


@pytest.mark.parametrize(
    "args",
    [("score", "{long}"), ("score", "{leting}", "{long}"), ("score", "{leting}", "-r", "{long}")],
    ids=["score", "in-a-batch", "rule-set"],
)
def test_an_input_name_the_system_will_not_look_up_is_a_users_error(cli, leting, args):
    """A file or rule-set name longer than the file system takes is said with the system's
    reason (exit 2), not an internal error; in a batch the other files are still scored."""
    long = "长" * 100 + ".toml"  # 300 bytes: more than a name may hold
    run = cli(*(arg.format(long=long, leting=leting) for arg in args), "-f", "jsonl")
    assert run.code == 2, run
    assert f"{long}: " in run.err and "the name is too long" in run.err, run.err
    assert "internal error" not in run.err and "Traceback" not in run.err
    if len(args) == 3 and "-r" not in args:
        assert json.loads(run.out.splitlines()[0])["department"]["score"] == 99.79
