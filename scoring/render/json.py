"""``-f json``: SPEC §4, one object per file (an array for several), UTF-8, Chinese unescaped.

JSON escapes control characters itself; the characters it leaves as they are and a terminal
would still act on (C1 such as U+009B, bidirectional overrides, zero-width and other format
characters) are written as ``\\uXXXX`` by :func:`dumps` — the same JSON, the same values.
"""

from __future__ import annotations

import json
from typing import Any

from ..result import Result
from . import FileError, Options


def dumps(payload: Any) -> str:
    """JSON as every view and command writes it: UTF-8 text, Chinese unescaped, indented, and
    inert on a terminal (:func:`scoring.inert.json_text`)."""
    from ..inert import json_text

    return json_text(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


def _entry(entry, options: Options) -> dict:
    if isinstance(entry, FileError):
        return entry.to_dict()
    data = entry.to_dict()
    if options.mode == "check":
        keep = ("engine", "ruleset", "source", "findings", "review")
        data = {key: data[key] for key in keep}
        data["errors"] = sum(1 for f in entry.findings if f.severity == "error")
    return data


def render(entries: list[Result | FileError], options: Options) -> str:
    items = [_entry(e, options) for e in entries]
    return dumps(items[0] if len(items) == 1 else items)
