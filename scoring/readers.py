"""Reading files into plain data: TOML and JSON, numbers as exact decimals.

Both readers return the same structure. A number in the file becomes the
:class:`~decimal.Decimal` its text denotes (never a binary float). Anything unreadable — not
UTF-8, not TOML/JSON, nested too deep, a TOML key of more than
:data:`~scoring.limits.MAX_KEY_PARTS` parts — is an :class:`~scoring.errors.InputError` naming
the file and, where there is one, the line and column. A file is read to at most
:data:`~scoring.limits.MAX_FILE_BYTES` whatever it is (a pipe, a link to a device), and never
waits for a pipe's writer.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from .errors import InputError, read_hint, system_reason
from .i18n import _
from .limits import MAX_FILE_BYTES, MAX_KEY_PARTS

# Read in pieces of this size, so that a small file does not cost a buffer of the limit's size.
CHUNK_BYTES = 1024 * 1024


def read_text(path: Path, error=InputError) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is accepted), read to at most
    :data:`~scoring.limits.MAX_FILE_BYTES` (see :func:`read_limited`)."""
    return decoded(read_limited(path, error), path, error)


def decoded(data: bytes, path: Path | str, error=InputError) -> str:
    """``data`` as UTF-8 text (a byte-order mark is accepted); refused naming ``path``, with a
    hint when it is UTF-16 (Notepad's “Unicode”, by its byte-order mark) or GBK."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = _("save the file as UTF-8")
        if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
            hint = _("the file is UTF-32; save it as UTF-8")
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_a_mark(data):
            hint = _("the file is UTF-16 (“Unicode” in Notepad); save it as UTF-8")
        else:
            try:
                data.decode("gb18030")
                hint = _("the file looks like GBK/GB18030; save it as UTF-8")
            except UnicodeDecodeError:
                pass
        raise error(
            _("not UTF-8 text (at byte {offset})").format(offset=exc.start),
            file=str(path),
            hint=hint,
            code="not-utf8",
        ) from None


def _utf16_without_a_mark(data: bytes) -> bool:
    """UTF-16 without its byte-order mark: every other byte of its first ones 0, as ASCII (the
    keys, the brackets) is in it."""
    head = data[:64]
    return len(head) >= 8 and (
        head[1::2].count(0) >= len(head) // 3 or head[0::2].count(0) >= len(head) // 3
    )


STANDARD_INPUT = "-"  # the name that reads an evaluation from standard input, as given
# the first bytes of a zip (.xlsx) and of an OLE file (.xls)
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def read_standard_input(error=InputError) -> dict:
    """``scoring score -``: an evaluation in TOML or JSON read from standard input — JSON when
    it starts with ``{`` (or is a list of objects: results, said to be), else TOML — up to
    :data:`~scoring.limits.MAX_FILE_BYTES`. A workbook is refused (its reader needs the file,
    for its cells): give its path."""
    import sys

    name = STANDARD_INPUT
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or sys.stdin.closed:
        raise error(
            _("standard input is closed"),
            file=name,
            hint=_("pipe the evaluation in (cat a.toml | scoring score -), or give its path"),
        )
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(Path(name), error)
    if not data.strip():  # nothing piped in, or read already: `-` given twice
        raise error(
            _("standard input is empty"),
            file=name,
            hint=_(
                "pipe the evaluation in (cat a.toml | scoring score -); standard input is read "
                "once, so give - once"
            ),
            code="empty",
        )
    if data.startswith(_WORKBOOK_MAGIC):
        raise error(
            _("a workbook cannot be read from standard input"),
            file=name,
            hint=_("give the workbook's path: scoring score 表.xlsx"),
            code="unknown-format",
        )
    text = decoded(data, name, error)
    if _JSON_START.match(text):
        return parse_json(text, name, error)
    return parse_toml(text, name, error)


# JSON, not TOML: an object, or a list of objects (scoring's own -f json, said to be results);
# a TOML file starts with a key or a table's header (`[department]`), never `[{` or `[]`.
_JSON_START = re.compile(r"\s*(\{|\[\s*[\{\]])")
# TOML, not JSON: comments, then a table's header ([department], [[projects]]) or a key = value.
_TOML_START = re.compile(
    r"(?:\s*#[^\n]*\n)*\s*(?:\[\[?[A-Za-z_][\w.]*\]\]?\s*$|[A-Za-z_][\w.-]*\s*=)", re.M
)


def read_limited(path: Path, error=InputError) -> bytes:
    """The file's bytes, at most :data:`~scoring.limits.MAX_FILE_BYTES`: one byte more and the
    file is refused, whatever its size said (a pipe, or a link to /dev/zero, says 0).

    The file is opened without waiting for a writer: a named pipe that no program writes to
    reads as nothing at once instead of hanging the run. A pipe or a device that does give
    data is read like a file, up to the limit — that is all the limit needs."""
    import os
    import stat

    nonblocking = getattr(os, "O_NONBLOCK", 0)  # not on Windows, where opening does not wait
    flags = os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise error(
            _("no such file"), file=str(path), hint=_("check the path"), code="not-found"
        ) from None
    except IsADirectoryError:
        raise error(_("this is a folder, not a file"), file=str(path), code="not-found") from None
    except OSError as exc:
        raise error(
            _cannot_read(exc), file=str(path), hint=read_hint(exc), code="unreadable"
        ) from None
    try:
        info = os.fstat(descriptor)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise error(_("this is a folder, not a file"), file=str(path), code="not-found")
        if stat.S_ISREG(mode) and info.st_size > MAX_FILE_BYTES:  # refused without reading
            raise _too_large(path, error)
        if nonblocking and not stat.S_ISREG(mode):
            os.set_blocking(descriptor, True)  # opened: now wait for data as any reader would
        data = _read_up_to(descriptor, MAX_FILE_BYTES + 1, path, error)
    finally:
        os.close(descriptor)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path, error)
    if not data and not stat.S_ISREG(mode):
        raise error(
            _(
                "nothing to read: not a regular file (a pipe or a device), and nothing was "
                "written to it"
            ),
            file=str(path),
            hint=_("save the data to a file and give that file"),
            code="not-a-file",
        )
    return data


def _read_up_to(descriptor: int, limit: int, path: Path, error) -> bytes:
    """At most ``limit`` bytes, up to the end of the file."""
    import os

    pieces: list[bytes] = []
    left = limit
    try:
        while left > 0:
            piece = os.read(descriptor, min(CHUNK_BYTES, left))
            if not piece:
                break
            pieces.append(piece)
            left -= len(piece)
    except OSError as exc:
        raise error(
            _cannot_read(exc), file=str(path), hint=read_hint(exc), code="unreadable"
        ) from None
    return b"".join(pieces)


def _cannot_read(exc: OSError) -> str:
    return _("cannot read the file: {reason}").format(reason=system_reason(exc))


def _too_large(path: Path, error):
    return error(
        _("the file is larger than {megabytes} MB ({bytes} bytes), the limit for one file").format(
            megabytes=MAX_FILE_BYTES // 2**20, bytes=f"{MAX_FILE_BYTES:,}"
        ),
        file=str(path),
        hint=_(
            "an evaluation, a rule set or a report is far smaller: check that this is the file "
            "you meant"
        ),
        code="too-large",
    )


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")

# One part of a dotted key as TOML writes it: bare, or in either kind of quotes (on one line).
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_DOT = r"[ \t]*+\.[ \t]*+"
# Where a key can start: not inside a bare word, nor at a quote escaped or closing another.
_KEY_START = r"""(?<![A-Za-z0-9_\-"'\\])"""
# Parts joined by dots, as long as they go: a key, a table header, a key inside an inline table
# — or dotted text inside a string or a comment, which is told apart after (no real text has
# 33 words joined by dots). Every repeat is possessive and the search goes on after each chain,
# so each character is read a bounded number of times: linear in the text.
_CHAIN = re.compile(rf"{_KEY_START}{_KEY_PART}(?:{_DOT}{_KEY_PART})*+")
# The same chain, with more than MAX_KEY_PARTS parts.
_LONG_KEY = re.compile(rf"(?:{_KEY_PART}{_DOT}){{{MAX_KEY_PARTS}}}{_KEY_PART}")


def long_dotted_key(text: str) -> re.Match[str] | None:
    """The first key of more than :data:`~scoring.limits.MAX_KEY_PARTS` parts in TOML text,
    found before tomllib sees it (its work grows with the square of a key's parts)."""
    if text.count(".") < MAX_KEY_PARTS:  # the usual file: no chain can be that long
        return None
    for chain in _CHAIN.finditer(text):
        # a dot inside a quoted part is no separator: the parts are counted only when the
        # dots could make enough of them
        if chain.group().count(".") >= MAX_KEY_PARTS and (
            found := _LONG_KEY.match(text, chain.start())
        ):
            return found
    return None


def parse_toml(text: str, file: str, error=InputError) -> dict:
    import tomllib

    found = long_dotted_key(text)
    if found is not None:
        raise _too_many_parts(text, found, file, error)
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        where = line_and_column(found.group(1), found.group(2)) if found else None
        if where is None and "end of document" in message:
            where = _("line {line} (the end of the file)").format(line=text.count(chr(10)) + 1)
        message = _TOML_POSITION.sub("", message).replace("(at end of document)", "").strip()
        hint = (
            _("the file holds JSON, not TOML: rename it to .json")
            if _JSON_START.match(text)
            else _syntax_hint(text, int(found.group(1)) if found else None)
        )
        raise error(
            _("not valid TOML: {reason}").format(reason=_toml_reason(message)),
            where,
            hint,
            file=file,
            code="syntax",
        ) from None
    except ValueError:  # tomllib turns an integer of more than 4,300 digits into int: refused
        raise _too_many_digits(text, file, error) from None
    except RecursionError:
        raise error(_("nested too deeply to read"), file=file, code="syntax") from None


def _toml_reason(reason: str) -> str:
    """tomllib's reason for a syntax error in the language of the messages when it is one of
    its own (Python 3.11–3.13 word them alike); otherwise as tomllib gives it."""
    said = {
        "Invalid value": _("Invalid value"),
        "Invalid statement": _("Invalid statement"),
        "Cannot overwrite a value": _("Cannot overwrite a value"),
        "Expected '=' after a key in a key/value pair": _(
            "Expected '=' after a key in a key/value pair"
        ),
        "Expected ']' at the end of a table declaration": _(
            "Expected ']' at the end of a table declaration"
        ),
        "Expected ']]' at the end of an array declaration": _(
            "Expected ']]' at the end of an array declaration"
        ),
        "Expected newline or end of document after a statement": _(
            "Expected newline or end of document after a statement"
        ),
        "Invalid initial character for a key part": _("Invalid initial character for a key part"),
        "Unclosed array": _("Unclosed array"),
        "Unclosed inline table": _("Unclosed inline table"),
        "Unterminated string": _("Unterminated string"),
        "Invalid date or datetime": _("Invalid date or datetime"),
        "Invalid hex value": _("Invalid hex value"),
        "Unescaped '\\' in a string": _("Unescaped '\\' in a string"),
        "Escaped character is not a Unicode scalar value": _(
            "Escaped character is not a Unicode scalar value"
        ),
    }.get(reason)
    if said is not None:
        return said
    for pattern, message in (  # the reasons that quote the text
        (r"Cannot declare (.+) twice", _("Cannot declare {text} twice")),
        (r"Illegal character (.+)", _("Illegal character {text}")),
        (r"Found invalid character (.+)", _("Found invalid character {text}")),
        (r"Duplicate inline table key (.+)", _("Duplicate inline table key {text}")),
        (r"Expected (.+)", _("Expected {text}")),
    ):
        found = re.fullmatch(pattern, reason)
        if found:
            return message.format(text=_key_as_written(found.group(1)))
    return reason


def _key_as_written(text: str) -> str:
    """A key tomllib quotes as a Python tuple — ``('department', 'name')`` — as TOML writes
    it (``department.name``); any other text as it is."""
    import ast

    if text.startswith("(") and text.endswith(")"):
        try:
            parts = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text
        if isinstance(parts, tuple) and all(isinstance(part, str) for part in parts):
            return ".".join(parts)
    return text


def _json_reason(reason: str) -> str:
    """The json module's reason for a syntax error in the language of the messages when it is
    one of its own; otherwise as it gives it."""
    if reason.startswith("Invalid \\u") and reason.endswith(" escape"):  # a bad \u escape
        return _("Invalid \\u escape: four hexadecimal digits must follow \\u")
    return {
        "Expecting value": _("Expecting value"),
        "Expecting property name enclosed in double quotes": _(
            "Expecting property name enclosed in double quotes"
        ),
        "Expecting ',' delimiter": _("Expecting ',' delimiter"),
        "Expecting ':' delimiter": _("Expecting ':' delimiter"),
        "Extra data": _("Extra data"),
        "Unterminated string starting at": _("Unterminated string starting at"),
        "Invalid control character at": _("Invalid control character at"),
        "Invalid \\escape": _("Invalid \\escape"),
        "Illegal trailing comma before end of object": _(
            "Illegal trailing comma before end of object"
        ),
        "Illegal trailing comma before end of array": _(
            "Illegal trailing comma before end of array"
        ),
    }.get(reason, reason)


def _too_many_parts(text: str, found: re.Match[str], file: str, error) -> Exception:
    """The error for a key of more than MAX_KEY_PARTS parts, at its line and column."""
    from .values import cut

    return error(
        _(
            "a key or table header of more than {count} parts joined by dots, the limit ({key})"
        ).format(count=MAX_KEY_PARTS, key=cut(found.group())),
        _line_and_column(text, found.start()),
        _(
            "a key of an evaluation or a rule set has a few parts, e.g. [[projects.indicators]]: "
            "remove the extra ones"
        ),
        file=file,
        code="syntax",
    )


def line_and_column(line: int | str, column: int | str) -> str:
    """The place of a syntax error: ``line L, column C``, both counted from 1."""
    return _("line {line}, column {column}").format(line=line, column=column)


def _line_and_column(text: str, offset: int) -> str:
    """``line L, column C`` of a character of ``text``, both counted from 1."""
    line = text.count("\n", 0, offset) + 1
    return line_and_column(line, offset - (text.rfind(chr(10), 0, offset) + 1) + 1)


def _integer(digits: str) -> int | Decimal:
    """A JSON integer; one of more than MAX_DIGITS digits kept as a Decimal (Python refuses to
    make an int of 4,300 digits), for the check of plain data to refuse at its key path."""
    from .limits import MAX_DIGITS

    return int(digits) if len(digits) <= MAX_DIGITS + 1 else Decimal(digits)


def _too_many_digits(text: str, file: str, error) -> Exception:
    """The error for a number of more digits than any figure has, at its line and column."""
    from .limits import MAX_DIGITS
    from .values import plain_digits_hint, too_many_digits

    found = re.search(rf"\d{{{MAX_DIGITS + 1}}}", text)
    where = _line_and_column(text, found.start()) if found else None
    return error(too_many_digits(), where, plain_digits_hint(), file=file, code="syntax")


_CURLY_QUOTES = "“”‘’＂＇"
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')  # a quoted string on one line
_FULL_WIDTH = "＝［］｛｝，：；"


def _syntax_hint(text: str, line: int | None) -> str:
    """What to do about a syntax error: Chinese quotes and full-width punctuation, typed with a
    Chinese input method, are the usual cause in a file written by hand."""
    lines = text.splitlines()
    shown = lines[line - 1] if line and line <= len(lines) else text
    # text between straight quotes may hold any punctuation: only what is outside it is syntax
    shown = _STRING.sub("", shown)
    if any(quote in shown for quote in _CURLY_QUOTES):
        return _('put text between straight quotes ("…"), not Chinese quotes (“…”)')
    if any(mark in shown for mark in _FULL_WIDTH):
        return _(
            "write {marks} in half-width (English) characters; switch the input method off"
        ).format(marks="= [ ] { } , :")
    return _("fix the syntax at that place")


class _NotAValue(ValueError):
    """A JSON file's NaN or Infinity (``word``), or a key given twice in one object."""

    def __init__(self, message: str, word: str = "", duplicate: bool = False) -> None:
        super().__init__(message)
        self.word = word
        self.duplicate = duplicate


def _reject_constant(name: str):
    raise _NotAValue(_("{name} is not a number").format(name=name), word=name)


def _no_duplicates(pairs: list) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise _NotAValue(
                _("the key {key} appears twice in one object").format(key=repr(key)),
                duplicate=True,
            )
        seen[key] = value
    return seen


def _position(text: str, word: str) -> str | None:
    """Line and column of a bare word (NaN, Infinity) outside strings, for the message."""
    found = re.search(rf'(?<![\w"]){re.escape(word)}(?![\w"])', text)
    if not found:
        return None
    return _line_and_column(text, found.start())


def parse_json(text: str, file: str, error=InputError) -> dict:
    import json

    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_integer,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _results_by_line(text):  # -f jsonl kept as .json
            raise error(
                _("these are results scoring wrote (-f jsonl), not evaluations"),
                file=file,
                code="syntax",
                hint=result_hint(),
            ) from None
        hint = (
            _("the file holds TOML, not JSON: rename it to .toml")
            if _TOML_START.match(text)
            else _syntax_hint(text, exc.lineno)
        )
        raise error(
            _("not valid JSON: {reason}").format(reason=_json_reason(exc.msg)),
            line_and_column(exc.lineno, exc.colno),
            hint,
            file=file,
            code="syntax",
        ) from None
    except _NotAValue as exc:  # NaN, Infinity, a key twice
        raise error(
            _("not valid JSON: {reason}").format(reason=exc),
            None if exc.duplicate else _position(text, exc.word),
            _("keep one of them") if exc.duplicate else _("write a finite number"),
            file=file,
            code="syntax",
        ) from None
    except ValueError as exc:  # a number Python will not make (none known)
        raise error(
            _("not valid JSON: {reason}").format(reason=exc),
            None,
            _("write a finite number"),
            file=file,
            code="syntax",
        ) from None
    except RecursionError:
        raise error(_("nested too deeply to read"), file=file, code="syntax") from None
    if isinstance(data, list) and any(written_by_scoring(item) for item in data):
        raise error(
            _("these are results scoring wrote (-f json), not evaluations"),
            file=file,
            code="syntax",
            hint=result_hint(),
        )
    if not isinstance(data, dict):
        raise error(
            _("the file must hold one JSON object"),
            file=file,
            code="syntax",
            hint=_("write {example}, as `scoring schema evaluation` describes").format(
                example='{"department": {…}, "projects": […]}'
            ),
        )
    return data


def written_by_scoring(data) -> bool:
    """Whether ``data`` is one file's entry of what scoring writes (``-f json``, ``-f jsonl``):
    a result (its ``engine`` is scoring) or the error entry of a file that was not scored."""
    if not isinstance(data, dict):
        return False
    engine, error = data.get("engine"), data.get("error")
    if isinstance(engine, dict):
        return engine.get("name") == "scoring" and "ruleset" in data
    return data.keys() == {"source", "error"} and isinstance(error, dict) and "code" in error


def _results_by_line(text: str) -> bool:
    """Whether the first line of ``text`` is one of scoring's entries (``-f jsonl``)."""
    import json

    try:
        return written_by_scoring(json.loads(text.split("\n", 1)[0]))
    except ValueError:
        return False


def result_hint() -> str:
    """The fix for a result given where an evaluation is read."""
    return _("score the units' evaluation files; keep results outside the folders being scored")


def read_toml(path: Path) -> dict:
    """The built-in reader for ``.toml`` evaluation files."""
    return parse_toml(_filled(read_text(path), path), str(path))


def read_json(path: Path) -> dict:
    """The built-in reader for ``.json`` evaluation files."""
    return parse_json(_filled(read_text(path), path), str(path))


def _filled(text: str, path: Path) -> str:
    """``text``, unless the file holds nothing (a file a shell redirect made and left, a save
    that failed): said as such, not as a syntax error at line 1."""
    if text.strip():
        return text
    raise InputError(
        _("the file is empty"),
        file=str(path),
        hint=_("fill in the evaluation, or take the file out of the batch"),
        code="empty",
    )
