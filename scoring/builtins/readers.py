"""Built-in readers: TOML and JSON evaluation files, and 自评表 workbooks (.xlsx, .xls)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scoring.hookspecs import hookimpl


def read_workbook(path: Path) -> Any:
    """The workbook reader (:func:`scoring.excel.read.read_workbook`), imported when a workbook
    is read, so that a TOML or JSON run does not pay for importing it (about 10 ms)."""
    from scoring.excel.read import read_workbook as read

    return read(path)


@hookimpl
def scoring_register_readers():
    from scoring.readers import read_json, read_toml

    return {
        ".toml": read_toml,
        ".json": read_json,
        ".xlsx": read_workbook,
        ".xlsm": read_workbook,
        ".xls": read_workbook,
    }
