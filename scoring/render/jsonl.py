"""``-f jsonl``: JSON Lines for batches — one line per file, in the order the files were given.

Each line is exactly the JSON object ``-f json`` gives for that file (its result, or its error
entry ``{"source", "error"}``), written compactly: no indentation and no space after ``,`` or
``:``, the keys in the same order, UTF-8 with Chinese unescaped, and inert on a terminal as
``-f json`` is (:func:`scoring.inert.json_text`). A line feed ends every line, the last too; no
line holds a line feed of its own (JSON writes one in a string as ``\\n``). A reader takes
the file line by line, never the whole batch at once, as the command line writes it.
"""

from __future__ import annotations

from ..result import Result
from . import FileError, Options
from .json import encode, entry_data


def item(entry: Result | FileError, options: Options, several: bool = True) -> bytes:
    """One file's line, its line feed included (``several`` changes nothing: one file is one
    line too)."""
    return encode(entry_data(entry, options), compact=True, finite=True) + b"\n"


def frame(several: bool) -> tuple[bytes, bytes, bytes]:
    """Nothing before, between or after the lines."""
    return b"", b"", b""


def render(entries: list[Result | FileError], options: Options) -> str:
    return b"".join(item(entry, options) for entry in entries).decode("utf-8")
