"""The commands of the ``scoring`` command line, one module per group, and what they share:
the output stream, the output options of the terminal, writing output, the exit codes.

While a command runs, ``sys.stdout`` is standard error: whatever a plugin prints goes there,
and only the command's own output reaches the output stream (:func:`output_stream`), so
``-f json`` stays JSON.

Output is never half-written over something a user had (:class:`_Writer`, :func:`_emit`): a
regular file is replaced atomically, a device or a FIFO written into, and a disk that is full,
a closed standard output or text with no UTF-8 form is the user's to fix (exit 2, naming the
output), not a fault of scoring. A batch writes each file's part as it is scored, into the
temporary file that is renamed into place at the end.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from ..i18n import _

if TYPE_CHECKING:
    from ..errors import UsageError

EXIT_OK, EXIT_FAIL, EXIT_USER, EXIT_INTERNAL = 0, 1, 2, 3

_STREAM: list[IO[str] | None] = []  # the real standard output (None: closed), while a command runs


def output_stream() -> IO[str] | None:
    """Where the command's output goes: the standard output the process started with (None
    when it was started with standard output closed, as by ``>&-``)."""
    return _STREAM[0] if _STREAM else sys.stdout


def _output_options(args: Any, mode: str = "score"):
    """How views are drawn, decided once for the run: colour on a terminal without NO_COLOR,
    the terminal's width (COLUMNS, else 100, when the output is not a terminal)."""
    import shutil

    from ..render import Options

    stream = output_stream()
    tty = stream is not None and stream.isatty() and not getattr(args, "output", None)
    color = tty and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size((100, 24)).columns if tty else _columns(100)
    return Options(explain=getattr(args, "explain", False), color=color, width=width, mode=mode)


def _json(payload: Any) -> str:
    """JSON as every command writes it: the same as ``-f json`` (:func:`scoring.render.json.dumps`)."""
    from ..render.json import dumps

    return dumps(payload)


class Copies:
    """The files of a batch that file what an earlier one did (:func:`scoring.merge.filing`), each said on
    standard error as it is met: scored all the same (which one is the unit's is the
    reviewer's call), never silently counted twice."""

    def __init__(self) -> None:
        self.first: dict[bytes, str] = {}  # filing → the first file that filed it

    def note(self, key: bytes, source: str) -> None:
        first = self.first.get(key)
        if first is None:
            self.first[key] = source
            return
        from ..inert import terminal

        if first == source or _same_file(first, source):  # `a.toml ./a.toml`, a link
            said = _("scoring: warning: {file} is given twice (also as {first}): give it once")
        else:
            said = _(
                "scoring: warning: {file} files the same department, year and projects as "
                "{first}: one unit counted twice? Keep one of them in the batch"
            )
        print(
            said.format(file=terminal(source, lines=False), first=terminal(first, lines=False)),
            file=sys.stderr,
        )

    def note_all(self, results: list) -> None:
        """:meth:`note` for each scored result of a batch not written file by file."""
        from ..merge import filing

        for result in results:
            self.note(filing(result), result.source)


# Formats named by another of their names: offered when the format asked for is not there.
_FORMAT_ALIASES = {"md": "markdown", "markdown": "md", "htm": "html", "xls": "xlsx",
                 "excel": "xlsx", "doc": "docx", "word": "docx"}  # fmt: skip


def format_hint(fmt: str, formats, hint: str) -> str:
    """``hint`` for a format a command does not write, after the format meant when one of
    ``formats`` is close to it (``jsn`` → ``json``) or another name of it (``md`` →
    ``markdown``)."""
    from ..errors import did_you_mean

    formats = [str(name) for name in formats]
    other = _FORMAT_ALIASES.get(fmt.casefold())
    close = (
        _("did you mean `{name}`?").format(name=other)
        if other in formats
        else did_you_mean(fmt, formats)
    )
    return f"{close} {hint}" if close else hint


# The format an -o file's suffix names, when -f does not name one.
FORMAT_OF_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".md": "markdown",
                    ".markdown": "markdown", ".xlsx": "xlsx", ".txt": "table"}  # fmt: skip


def output_format(fmt: str | None, output: str | None, formats=None) -> str:
    """The format a command writes: ``-f``'s; else the one the suffix of the file ``-o`` names
    (``-o 结果.json`` is JSON, ``-o 复核.xlsx`` a workbook — never the terminal's table in a file
    named so); else the table. ``formats``: those the command writes, when not every one. A
    suffix of an evaluation file (``.toml``, ``.xls``) or of a format the command does not write
    is refused: the file would be read as what it is not."""
    from ..errors import UsageError

    if fmt:
        return fmt
    if not output or _written_into(output):
        return "table"
    suffix = os.path.splitext(output)[1].lower()
    named = FORMAT_OF_SUFFIX.get(suffix)
    if named is not None and (formats is None or named in formats):
        return named
    if named is not None or suffix in (".toml", ".xls", ".xlsm"):
        raise UsageError(
            _("-o {output}: no format is written as {suffix} here").format(
                output=output, suffix=suffix
            ),
            hint=_("give the format with -f ({formats}), or name the file after it").format(
                formats=", ".join(formats or ("table", "json", "jsonl", "csv", "markdown", "xlsx"))
            ),
        )
    return "table"


def _renderer(fmt: str):
    from ..errors import UsageError
    from ..host import default_host

    renderers = default_host().renderers
    if fmt not in renderers:
        missing = default_host().unavailable("format")
        formats = ", ".join(renderers)
        listed = (
            _("formats: {formats}; not loaded: {missing}").format(formats=formats, missing=missing)
            if missing
            else _("formats: {formats}").format(formats=formats)
        )
        raise UsageError(
            _("unknown format {format}").format(format=repr(fmt)),
            hint=format_hint(fmt, renderers, listed),
        )
    return renderers[fmt]


def _render(scored: list, fmt: str, options) -> str | bytes:
    """The output of a batch (:class:`scoring.api.Scored` items) in format ``fmt``. A format
    that declares a parameter ``evaluations`` gets the evaluations read, one per entry."""
    import inspect

    renderer = _renderer(fmt)
    entries = [item.entry for item in scored]
    if "evaluations" in inspect.signature(renderer).parameters:
        return renderer(entries, options, evaluations=[item.evaluation for item in scored])
    return renderer(entries, options)


def _refuse_overwriting_input(output: str, inputs: list) -> None:
    """``-o`` naming an input, by its path, through a symlink or as a hard link of it."""
    from ..errors import UsageError

    target = os.path.realpath(output)  # realpath, not Path.resolve: a symlink loop is no error
    for path in inputs:
        if not isinstance(path, str | os.PathLike):  # an evaluation already read (the demo)
            continue
        if os.path.realpath(path) == target or _same_file(path, output):
            raise UsageError(
                _("-o {output} is one of the input files").format(output=output),
                hint=_("write the output to another file"),
            )


def names_a_folder(output: str) -> bool:
    """Whether ``-o`` ends in a path separator (``out/``): a folder by how it is written, which
    the system would otherwise open as the file ``out``."""
    return output.endswith(tuple(filter(None, (os.sep, os.altsep))))


def _same_file(first: str | os.PathLike, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # one of them is not there (yet), or the name is not a path
        return False


def _not_written(output: str) -> None:
    """Say that ``-o OUT`` was left alone because no file of the run could be scored."""
    if os.path.lexists(output):
        said = _(
            "scoring: {output} was not written: no file could be scored "
            "(the file there is as it was)"
        )
    else:
        said = _("scoring: {output} was not written: no file could be scored")
    print(said.format(output=output), file=sys.stderr)


# --- writing ----------------------------------------------------------------------------------


def _emit(text: str | bytes, output: str | None, bom: bool = False) -> None:
    """The command's output: to standard output, or to the file ``output`` (see
    :class:`_Writer`)."""
    if output is None:
        _to_standard_output(text)
        return
    data = text if isinstance(text, bytes) else _encoded(text, output, bom)
    with _Writer(output) as writer:
        writer.write(data)


class _Writer:
    """Output written piece by piece as it is made: to standard output as it comes, or to the
    file ``output``.

    A regular file (or a name not taken yet) is written to a temporary file beside it, then
    renamed into place when the writer closes without an error: the old file stays whole until
    the new one is complete, and is left as it was when writing fails. A symlink is followed:
    the file it points to is replaced, the link kept. Anything else that exists — a device such
    as /dev/null, a FIFO — is written into, as the shell's ``>`` does; replacing it would take
    the device away. ``bom``: a file starts with UTF-8's byte-order mark.

    ``hold``: the pieces are kept until :meth:`start` (a batch's first file scored); a writer
    that closes without it writes nothing — no temporary file, nothing into a device — so that
    a run that scores nothing leaves the output as it was."""

    def __init__(self, output: str | None, *, bom: bool = False, hold: bool = False) -> None:
        self.output = output
        self._bom = bom and output is not None
        self._held: list[bytes] | None = [] if hold else None
        self._fd: int | None = None
        self._temporary: str | None = None  # renamed over _target at the end; None: a device
        self._target = ""

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if error is None and self._held is None:
            if self.output is not None and self._fd is None:  # an empty output is a file too
                self._open()
            self._close(keep=True)
        else:
            self._close(keep=False)

    def start(self) -> None:
        """Write what was held, and every piece after it as it comes."""
        held, self._held = self._held, None
        for data in held or ():
            self.write(data)

    def write(self, data: bytes) -> None:
        """``data`` (UTF-8 text, or a workbook's bytes) after what was written before."""
        if self._held is not None:
            self._held.append(data)
        elif self.output is None:
            _piece_to_standard_output(data)
        else:
            if self._fd is None:
                self._open()
            self._write(data)

    def _open(self) -> None:
        assert self.output is not None
        output = self.output
        mode = _mode(output)
        if mode is not None and stat.S_ISDIR(mode):
            from ..errors import UsageError

            raise UsageError(
                _("-o {output} is a folder").format(output=output), hint=_("give a file name")
            )
        if names_a_folder(output):
            from ..errors import UsageError

            raise UsageError(  # the system would take out/ as the file out
                _("-o {output} names a folder: it ends in a slash").format(output=output),
                hint=_("give a file name"),
            )
        if mode is None or stat.S_ISREG(mode):
            self._target = os.path.realpath(output)
            # The file made and its name kept as one step: a signal's exit raised between the
            # two (the file there, its name not yet the writer's) left it beside the output.
            with _signals_held():
                self._fd, self._temporary = _temporary_file(self._target, output)
        else:  # opened by its own name: /dev/stdout is a link only the system can follow to a pipe
            try:
                self._fd = os.open(output, os.O_WRONLY | os.O_NOCTTY)
            except OSError as exc:
                raise _cannot_write(output, exc) from None
        if self._bom:
            self._write(b"\xef\xbb\xbf")  # Excel reads a CSV as UTF-8 only after this mark

    def _write(self, data: bytes) -> None:
        assert self._fd is not None and self.output is not None
        try:
            _write_all(self._fd, data)
        except BrokenPipeError:
            raise  # the FIFO's reader stopped reading, as `| head` does: nothing more to say
        except OSError as exc:
            raise _cannot_write(self.output, exc, kept=self._temporary is not None) from None

    def _close(self, keep: bool) -> None:
        """Close the output; a temporary file is synced and renamed into place (``keep``) or
        removed."""
        fd, temporary, self._fd, self._temporary = self._fd, self._temporary, None, None
        if fd is None:
            return
        if temporary is None:  # a device or a FIFO
            os.close(fd)
            return
        try:
            try:
                if keep:
                    _sync(fd)
            finally:
                os.close(fd)
            if keep:
                os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; the file is the user's
                os.replace(temporary, self._target)
                return
        except OSError as exc:
            assert self.output is not None
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise _cannot_write(self.output, exc, kept=True) from None
        except BaseException:  # a signal's exit (Ctrl-C, SIGTERM) while the file was synced
            with contextlib.suppress(FileNotFoundError):  # gone: renamed into place already
                os.unlink(temporary)
            raise
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _encoded(text: str, output: str, bom: bool) -> bytes:
    """``text`` as UTF-8 (with a byte-order mark for CSV, which Excel needs to read UTF-8)."""
    try:
        return text.encode("utf-8-sig" if bom else "utf-8")
    except UnicodeEncodeError as exc:
        raise _unencodable(text, exc, output) from None


def _mode(output: str) -> int | None:
    """The file type and mode at ``output`` (symlinks followed), None when nothing is there."""
    try:
        return os.stat(output).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:  # a symlink loop, a folder that cannot be searched …
        raise _cannot_write(output, exc) from None


def _written_into(output: str) -> bool:
    """Whether ``-o output`` is written into rather than replaced: something is there that is
    neither a regular file nor a folder (a device, a FIFO, or a symlink to one)."""
    mode = _mode(output)
    return mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP held back while the block runs, then each given to the
    handler it would have met (which raises as it raises: KeyboardInterrupt, exit 128 + the
    signal, or notes it while a pool scores). For steps that must not be parted: a handler
    raises wherever this process happens to be, so between two of them it would leave the
    first done and the second not. Only in the main thread, the one a handler runs in; a
    signal ignored (``nohup``), or handled outside Python, is left as it is."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    before = {number: signal.getsignal(number) for number in _ending_signals()}
    handlers = {n: h for n, h in before.items() if h is not None and h is not signal.SIG_IGN}
    try:
        for number in handlers:
            signal.signal(number, lambda number, frame: held.append(number))
        yield
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(held):  # each once, in the order they came
            signal.raise_signal(number)


def _ending_signals() -> tuple:
    """The signals that end a run through its clean-up: Ctrl-C, SIGTERM, and SIGHUP where the
    system has it (not Windows)."""
    import signal

    return tuple(
        getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
    )


def _temporary_file(target: str, output: str) -> tuple[int, str]:
    """A new temporary file beside ``target``, to be renamed over it: (descriptor, path)."""
    import tempfile

    folder, name = os.path.split(target)
    try:
        return tempfile.mkstemp(dir=folder, prefix=_temporary_prefix(folder, name), suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(output, exc, kept=True) from None


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of ``data`` to ``fd``: os.write may write less than it is given."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sync(fd: int) -> None:
    """The data on disk before the name points to it (a crash must not leave an empty file
    where the old one was); a file system that cannot sync is not an error."""
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EROFS):
            raise


def _temporary_prefix(folder: str, name: str) -> str:
    """``.NAME.`` for the temporary file, NAME cut so that the whole temporary name (with
    mkstemp's random letters and ``.tmp``) fits the file system's limit on a name: a valid
    250-byte output name must not fail for its temporary's sake."""
    try:
        longest = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        longest = 255
    room = max(longest - len(b"..") - len(b".tmp") - 16, 1)  # 16: mkstemp's letters, and spare
    return "." + os.fsdecode(os.fsencode(name)[:room]) + "."


def _umask() -> int:
    umask = os.umask(0)  # the only way to read it is to set it
    os.umask(umask)
    return umask


def _standard_output() -> IO[str]:
    """The standard output the command writes to; a usage error when it was closed."""
    from ..errors import UsageError

    stream = output_stream()
    if stream is None:
        raise UsageError(
            _("standard output is closed"),
            hint=_("give -o FILE, or run scoring without closing its output (>&-)"),
        )
    return stream


def _to_standard_output(text: str | bytes) -> None:
    """The whole output (text, or a workbook's bytes) to standard output."""
    from ..errors import UsageError

    stream = _standard_output()
    with _writing(stream):
        if isinstance(text, bytes):
            if stream.isatty():
                raise UsageError(
                    _("a workbook is not for the terminal"),
                    hint=_("write it to a file with -o OUT.xlsx"),
                )
            stream.flush()
            stream.buffer.write(text)  # type: ignore[attr-defined]
        else:
            stream.write(text)
        stream.flush()


def _piece_to_standard_output(data: bytes) -> None:
    """A piece of text output, as UTF-8, to standard output: as it is when the stream writes
    UTF-8 with no line ends to translate (no second encoding), else through the stream, whose
    encoding may have no form for it."""
    stream = _standard_output()
    with _writing(stream):
        if _writes_utf8(stream):
            stream.flush()
            stream.buffer.write(data)  # type: ignore[attr-defined]
        else:
            stream.write(data.decode("utf-8"))
        stream.flush()


def _writes_utf8(stream: IO[str]) -> bool:
    import codecs

    try:
        encoding = codecs.lookup(getattr(stream, "encoding", None) or "").name
    except LookupError:
        return False
    return encoding == "utf-8" and os.linesep == "\n" and hasattr(stream, "buffer")


@contextlib.contextmanager
def _writing(stream: IO[str]) -> Iterator[None]:
    """What the system says while writing to standard output, as the user's to fix."""
    try:
        yield
    except BrokenPipeError:
        raise  # `scoring … | head`: the command line ends quietly
    except UnicodeEncodeError as exc:  # its object: the text the stream was encoding
        raise _unencodable(exc.object, exc, _("standard output")) from None
    except OSError as exc:
        _silence(stream)  # what could not be written must not be tried again at exit
        raise _cannot_write(_("standard output"), exc) from None


def _silence(stream: IO[str] | None) -> None:
    """Point the file descriptor of ``stream`` at /dev/null, so that the output still pending
    in its buffer goes nowhere when Python flushes it at exit (instead of failing again, and
    ending the process with status 120)."""
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):  # not a real file (a test's buffer), or closed
        return
    if fd >= 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def _write_hint(reason: int) -> str:
    """What to do when the system refuses to write, by its reason (an errno)."""
    if reason == errno.ENOSPC:
        return _("the disk is full: free some space, or write to another disk with -o")
    if reason == errno.EDQUOT:
        return _("your disk quota is used up: free some space, or write elsewhere with -o")
    if reason in (errno.EACCES, errno.EPERM):
        return _("you may not write there: choose another file or folder")
    if reason == errno.EROFS:
        return _("that disk is read-only: write to another with -o")
    if reason == errno.ENOENT:
        return _("the folder does not exist: create it, or choose another")
    if reason == errno.ENOTDIR:
        return _("a part of the path is a file, not a folder: check the path")
    if reason == errno.ENAMETOOLONG:
        return _("the name is too long for the file system: give a shorter one")
    if reason == errno.ELOOP:
        return _("the path is a loop of symbolic links: give the file itself")
    if reason == errno.EBADF:
        return _("standard output is closed: give -o FILE")
    if reason == errno.ENXIO:
        return _("nothing is there to write to (a socket, or a FIFO with no reader)")
    if reason == errno.EIO:
        return _("the device failed: check the disk, and write elsewhere with -o")
    return _("check the path and the disk, then run again")


def _cannot_write(output: str, exc: OSError, kept: bool = False) -> UsageError:
    """The error for an output the system would not take."""
    from ..errors import UsageError, system_reason

    hint = _write_hint(exc.errno or 0)
    folder = os.path.dirname(os.path.abspath(output))
    if exc.errno == errno.ENOENT and output != _("standard output") and os.path.isdir(folder):
        # the folder is there but takes no new file: a file system of the system's (/proc)
        hint = _("{folder} takes no new file: write to another folder").format(folder=folder)
    if kept and os.path.lexists(output):
        hint = _("{hint}; {output} is as it was").format(hint=hint, output=output)
    return UsageError(
        _("cannot write {output}: {reason}").format(output=output, reason=system_reason(exc)),
        hint=hint,
    )


def _unencodable(text: str, exc: UnicodeEncodeError, output: str) -> UsageError:
    """The error for text that has no form in the output's encoding: where it is in the
    output (line, column, the words before it), and where it came from."""
    from ..errors import UsageError

    start = exc.start
    line_start = text.rfind("\n", 0, start) + 1
    character = f"U+{ord(exc.object[start]):04X}"
    place = ""
    if text:  # where it is in the output, and the words before it, to find it in the input
        line, column = text.count("\n", 0, start) + 1, start - line_start + 1
        from ..inert import terminal

        before = terminal(text[max(line_start, start - 20) : start].lstrip(), lines=False)
        if before:
            place = _(" at line {line}, column {column}, after «{before}»,").format(
                line=line, column=column, before=before
            )
        else:
            place = _(" at line {line}, column {column}").format(line=line, column=column)
    if exc.encoding.replace("-", "").replace("_", "").lower() in ("utf8", "utf8sig"):
        return UsageError(
            _("cannot write {output}: {character}{place} has no UTF-8 form").format(
                output=output, character=character, place=place
            ),
            hint=_(
                "a text of the input holds half of a UTF-16 pair; correct it there and run again"
            ),
        )
    return UsageError(
        _("cannot write {output}: {character}{place} has no {encoding} form").format(
            output=output, character=character, place=place, encoding=exc.encoding
        ),
        hint=_("use a UTF-8 terminal (LANG=C.UTF-8), or write to a file with -o"),
    )


def _columns(default: int) -> int:
    """The width asked for in COLUMNS when output is not a terminal; nonsense there is ignored."""
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return default
