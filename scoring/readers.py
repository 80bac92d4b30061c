"""Reading files into plain data: TOML and JSON, numbers as exact decimals.

Both readers return the same structure. A number in the file becomes the
:class:`~decimal.Decimal` its text denotes (never a binary float). Anything unreadable — not
UTF-8, not TOML/JSON, nested too deep — is an :class:`~scoring.errors.InputError` naming the
file and, where the parser gives one, the line and column.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from .errors import InputError

# A file larger than this is not an evaluation table; refusing it keeps a stray upload from
# exhausting memory.
MAX_BYTES = 64 * 1024 * 1024


def read_text(path: Path, error=InputError) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is accepted)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise error(f"the file is {size} bytes, more than a table can be", file=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise error("no such file", file=str(path), hint="check the path") from None
    except IsADirectoryError:
        raise error("this is a folder, not a file", file=str(path)) from None
    except OSError as exc:
        raise error(f"cannot read the file: {exc.strerror}", file=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = "save the file as UTF-8"
        try:
            data.decode("gb18030")
            hint = "the file looks like GBK/GB18030; save it as UTF-8"
        except UnicodeDecodeError:
            pass
        raise error(
            f"not UTF-8 text (at byte {exc.start})", file=str(path), hint=hint, code="not-utf8"
        ) from None


_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_toml(text: str, file: str, error=InputError) -> dict:
    import tomllib

    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        where = f"line {found.group(1)}, column {found.group(2)}" if found else None
        if where is None and "end of document" in message:
            where = f"line {text.count(chr(10)) + 1} (the end of the file)"
        message = _TOML_POSITION.sub("", message).strip()
        raise error(
            f"not valid TOML: {message}",
            where,
            _syntax_hint(text, int(found.group(1)) if found else None),
            file=file,
            code="syntax",
        ) from None
    except RecursionError:
        raise error("nested too deeply to read", file=file, code="syntax") from None


_CURLY_QUOTES = "“”‘’＂＇"
_FULL_WIDTH = "＝［］｛｝，：；"


def _syntax_hint(text: str, line: int | None) -> str:
    """What to do about a syntax error: Chinese quotes and full-width punctuation, typed with a
    Chinese input method, are the usual cause in a file written by hand."""
    lines = text.splitlines()
    shown = lines[line - 1] if line and line <= len(lines) else text
    if any(quote in shown for quote in _CURLY_QUOTES):
        return 'put text between straight quotes ("…"), not Chinese quotes (“…”)'
    if any(mark in shown for mark in _FULL_WIDTH):
        return "write = [ ] { } , : in half-width (English) characters; switch the input method off"
    return "fix the syntax at that place"


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number")


def _no_duplicates(pairs: list) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def _position(text: str, word: str) -> str | None:
    """Line and column of a bare word (NaN, Infinity) outside strings, for the message."""
    found = re.search(rf'(?<![\w"]){re.escape(word)}(?![\w"])', text)
    if not found:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return f"line {line}, column {column}"


def parse_json(text: str, file: str, error=InputError) -> dict:
    import json

    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise error(
            f"not valid JSON: {exc.msg}",
            f"line {exc.lineno}, column {exc.colno}",
            _syntax_hint(text, exc.lineno),
            file=file,
            code="syntax",
        ) from None
    except ValueError as exc:  # NaN, Infinity, a key twice
        word = str(exc).split(" ")[0]
        duplicate = "appears twice" in str(exc)
        raise error(
            f"not valid JSON: {exc}",
            None if duplicate else _position(text, word),
            "keep one of them" if duplicate else "write a finite number",
            file=file,
            code="syntax",
        ) from None
    except RecursionError:
        raise error("nested too deeply to read", file=file, code="syntax") from None
    if not isinstance(data, dict):
        raise error(
            "the file must hold one JSON object",
            file=file,
            code="syntax",
            hint='write {"department": {…}, "projects": […]}, as `scoring schema evaluation` describes',
        )
    return data


def read_toml(path: Path) -> dict:
    """The built-in reader for ``.toml`` evaluation files."""
    return parse_toml(read_text(path), str(path))


def read_json(path: Path) -> dict:
    """The built-in reader for ``.json`` evaluation files."""
    return parse_json(read_text(path), str(path))
