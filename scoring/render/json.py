"""``-f json``: SPEC §4, one object per file (an array for several), UTF-8, Chinese unescaped."""

from __future__ import annotations

import json

from ..result import Result
from . import FileError, Options


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
    payload = items[0] if len(items) == 1 else items
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
