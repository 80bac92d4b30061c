"""The commands of the ``scoring`` command line, one module per group, and what they share:
the output stream, the output options of the terminal, writing output (atomically to a file),
the exit codes.

While a command runs, ``sys.stdout`` is standard error: whatever a plugin prints goes there,
and only the command's own output reaches the output stream (:func:`output_stream`), so
``-f json`` stays JSON.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

EXIT_OK, EXIT_FAIL, EXIT_USER, EXIT_INTERNAL = 0, 1, 2, 3

_STREAM: list[IO[str]] = []  # the real standard output, while a command runs


def output_stream() -> IO[str]:
    """Where the command's output goes: the standard output the process started with."""
    return _STREAM[0] if _STREAM else sys.stdout


def _output_options(args: Any, mode: str = "score"):
    """How views are drawn, decided once for the run: colour on a terminal without NO_COLOR,
    the terminal's width (COLUMNS, else 100, when the output is not a terminal)."""
    import shutil

    from ..render import Options

    tty = output_stream().isatty() and not getattr(args, "output", None)
    color = tty and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size((100, 24)).columns if tty else _columns(100)
    return Options(explain=getattr(args, "explain", False), color=color, width=width, mode=mode)


def _json(payload: Any) -> str:
    """JSON as every command writes it: UTF-8 text, Chinese unescaped, indented."""
    import json

    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _renderer(fmt: str):
    from ..errors import UsageError
    from ..host import default_host

    renderers = default_host().renderers
    if fmt not in renderers:
        missing = default_host().unavailable()
        raise UsageError(
            f"unknown format {fmt!r}",
            hint="formats: "
            + ", ".join(renderers)
            + (f"; not loaded: {missing}" if missing else ""),
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
    from pathlib import Path

    from ..errors import UsageError

    target = Path(output).resolve()
    if any(isinstance(p, str) and Path(p).resolve() == target for p in inputs):
        raise UsageError(
            f"-o {output} is one of the input files", hint="write the output to another file"
        )


def _emit(text: str | bytes, output: str | None, bom: bool = False) -> None:
    """Standard output, or a file written atomically (a temporary file renamed into place)."""
    from ..errors import UsageError

    if output is None:
        stream = output_stream()
        if isinstance(text, bytes):
            if stream.isatty():
                raise UsageError(
                    "a workbook is not for the terminal", hint="write it to a file with -o OUT.xlsx"
                )
            stream.flush()
            stream.buffer.write(text)  # type: ignore[attr-defined]
        else:
            stream.write(text)
        stream.flush()
        return
    import tempfile
    from pathlib import Path

    from ..errors import UsageError

    target = Path(output)
    if target.is_dir():
        raise UsageError(f"-o {output} is a folder", hint="give a file name")
    try:
        fd, tmp = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".",
            prefix=f".{target.name}.",
            suffix=".tmp",
        )
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
                handle.write(text)
        umask = os.umask(0)  # mkstemp makes 0600; the file is the user's, as any they write
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def _columns(default: int) -> int:
    """The width asked for in COLUMNS when output is not a terminal; nonsense there is ignored."""
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return default
