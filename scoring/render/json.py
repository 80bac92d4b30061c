"""``-f json``: SPEC §4, an array of one object per file, however many files (one file is an
array of one), UTF-8, Chinese unescaped.

JSON escapes control characters itself; the characters it leaves as they are and a terminal
would still act on (C1 such as U+009B, bidirectional overrides, zero-width and other format
characters) are written as ``\\u`` escapes (``\\u009b``) by :func:`dumps` — the same JSON, the same values.

The bytes are those of ``json.dumps(…, ensure_ascii=False, indent=2)``, written by orjson
where orjson writes the same: it indents as json does, but writes a float below 10⁻⁴ in
another notation, NaN and infinities as ``null``, and refuses what json writes otherwise (keys
that are not text, integers past 64 bits, half of a UTF-16 pair, subclasses, nesting past 254
levels). Those payloads go to json itself (:func:`encode`); ``tests/test_batch.py`` compares
the two over every case's result and hostile texts.

Several files are written one after another (:func:`item`, :func:`frame`), so that a batch is
never held whole: the array's brackets and commas around each file's object, indented as the
whole array would be.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..result import Result
from . import FileError, Options


def dumps(payload: Any) -> str:
    """JSON as every view and command writes it: UTF-8 text, Chinese unescaped, indented, and
    inert on a terminal (:func:`scoring.inert.json_text`)."""
    return encode(payload).decode("utf-8") + "\n"


def encode(payload: Any, *, compact: bool = False, finite: bool = False) -> bytes:
    """``payload`` as UTF-8 JSON: exactly ``json.dumps(payload, ensure_ascii=False, indent=2)``
    (``compact``: with ``separators=(",", ":")``), made inert by
    :func:`scoring.inert.json_text`. ``finite``: the caller knows that every float is finite
    (a result's JSON form, whose numbers come from the engine's exact decimals), which spares
    the walk that proves it of any other payload."""
    data = _orjson(payload, compact)
    if data is None or _tiny_float(data) or not (finite or _plain(payload)):
        text = json.dumps(
            payload,
            ensure_ascii=False,
            indent=None if compact else 2,
            separators=(",", ":") if compact else None,
        )
        from ..inert import json_text

        return json_text(text).encode("utf-8")
    return data if _inert(data) else _made_inert(data)


@cache
def _orjson_module() -> Any:
    """orjson, when it is installed and writes numbers as json does (before 3.11.7 it wrote
    1e16 for json's 1e+16); else None, and json writes everything, more slowly."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a dependency
        return None
    sample = [1e16, 1.2e30, -1.5e300, 0.0001, 123456.789, 0.1 + 0.2, -0.0, 2**63]
    if orjson.dumps(sample) != json.dumps(sample, separators=(",", ":")).encode():
        return None  # pragma: no cover - an older orjson
    return orjson


def _orjson(payload: Any, compact: bool) -> bytes | None:
    """orjson's JSON of ``payload``, None where it refuses it (or cannot be used). Subclasses,
    dataclasses and dates are refused too: json writes a subclass as its base and refuses the
    others, which orjson would write."""
    orjson = _orjson_module()
    if orjson is None:
        return None
    option = (
        orjson.OPT_PASSTHROUGH_SUBCLASS
        | orjson.OPT_PASSTHROUGH_DATACLASS
        | orjson.OPT_PASSTHROUGH_DATETIME
    )
    if not compact:
        option |= orjson.OPT_INDENT_2
    try:
        return orjson.dumps(payload, option=option)
    except orjson.JSONEncodeError:
        return None


def _tiny_float(data: bytes) -> bool:
    """True when orjson's ``data`` may hold a float it writes otherwise than json: below 10⁻⁴,
    0.00001 for json's 1e-05 and 1e-7 for 1e-07. A text that looks like one costs only the
    slower path."""
    position = data.find(b"0.0000")
    while position >= 0:
        if not data[position - 1 : position].isdigit():  # 0.00001, not 10.00001
            return True
        position = data.find(b"0.0000", position + 1)
    position = data.find(b"e-")
    while position >= 0:
        if data[position - 1 : position].isdigit() and data[position + 2 : position + 3].isdigit():
            return True
        position = data.find(b"e-", position + 1)
    return False


def _plain(payload: Any) -> bool:
    """True when ``payload`` holds only what orjson writes as json does: dicts with text keys,
    lists, tuples, text, integers, booleans, None and finite floats. Called only after orjson
    wrote it, so it has no cycle."""
    stack = [payload]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            if not all(type(key) is str for key in value):
                return False
            stack.extend(value.values())
        elif kind is list or kind is tuple:
            stack.extend(value)
        elif kind is float:
            if not math.isfinite(value):
                return False
        elif kind not in (str, int, bool, type(None)):
            return False
    return True


@cache
def _escaped_sequences() -> tuple[frozenset[bytes], tuple[tuple[bytes, int], ...]]:
    """The UTF-8 form of every character :func:`scoring.inert.json_text` escapes, and the lead
    bytes that start them with their length. Built from the same ranges (not from a scan of
    every code point, which takes a third of a second); a test checks the two agree."""
    from ..inert import _OTHERS

    characters = _OTHERS.encode("ascii").decode("unicode_escape")
    points: list[int] = []
    index = 0
    while index < len(characters):
        if index + 2 < len(characters) and characters[index + 1] == "-":
            points.extend(range(ord(characters[index]), ord(characters[index + 2]) + 1))
            index += 3
        else:
            points.append(ord(characters[index]))
            index += 1
    # a surrogate has no UTF-8 form: orjson refuses it, and json's output takes the slow path
    sequences = frozenset(chr(p).encode("utf-8") for p in points if not 0xD800 <= p <= 0xDFFF)
    leads = tuple(sorted({(sequence[:1], len(sequence)) for sequence in sequences}))
    return sequences, leads


def _inert(data: bytes) -> bool:
    """True when ``data`` holds no character :func:`scoring.inert.json_text` would escape.
    Searching the bytes for each lead byte (memchr) and looking only at those is ten times
    faster than the regular expression over the text, and a result's JSON usually has none."""
    sequences, leads = _escaped_sequences()
    find = data.find
    for lead, width in leads:
        position = find(lead)
        while position >= 0:
            if data[position : position + width] in sequences:
                return False
            position = find(lead, position + 1)
    return True


def _made_inert(data: bytes) -> bytes:
    from ..inert import json_text

    return json_text(data.decode("utf-8")).encode("utf-8")


def entry_data(entry: Result | FileError, options: Options) -> dict:
    """One file's JSON object: the result (``check``: its findings and review), or the error."""
    if isinstance(entry, FileError):
        return entry.to_dict()
    data = entry.to_dict()
    if options.mode == "check":
        keep = ("engine", "ruleset", "source", "findings", "review")
        data = {key: data[key] for key in keep}
        data["errors"] = sum(1 for f in entry.findings if f.severity == "error")
    return data


def item(entry: Result | FileError, options: Options, several: bool = True) -> bytes:
    """One file's element of the array, each line indented two spaces more, as json indents an
    array's elements. The output is an array whatever the number of files — one shape for a
    program to read — so ``several`` (which other formats use) changes nothing here."""
    data = encode(entry_data(entry, options), finite=True)
    # JSON text holds a line feed only between tokens (one in a string is written \n)
    return b"  " + data.replace(b"\n", b"\n  ")


def frame(several: bool = True) -> tuple[bytes, bytes, bytes]:
    """What goes before the first file, between two and after the last: an array's brackets,
    for one file as for many."""
    return (b"[\n", b",\n", b"\n]\n")


def render(entries: list[Result | FileError], options: Options) -> str:
    if not entries:
        return dumps([])
    return _joined((item(e, options) for e in entries), True)


def _joined(items: Iterable[bytes], several: bool) -> str:
    head, between, tail = frame(several)
    return (head + between.join(items) + tail).decode("utf-8")
