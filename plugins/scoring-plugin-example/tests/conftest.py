"""Shared helpers. The tests assume the plugin is installed (its entry point registered):

pip install -e plugins/scoring-plugin-example
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "hunan-2023.csv"


def _installed() -> bool:
    found = entry_points()
    group = found.select(group="scoring") if hasattr(found, "select") else found.get("scoring", [])
    return any(ep.name == "hunan" and ep.value == "scoring_plugin_example.plugin" for ep in group)


if not _installed():
    pytest.exit(
        "scoring-plugin-example is not installed: pip install -e plugins/scoring-plugin-example",
        returncode=pytest.ExitCode.USAGE_ERROR,
    )


class Run:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code, self.out, self.err = proc.returncode, proc.stdout, proc.stderr

    def __repr__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def run_cli(*args: str, cwd: Path | None = None) -> Run:
    """`scoring ARGS` in a child process, as a user runs it (output piped, no colour)."""
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "scoring", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )
    return Run(proc)


HEADER = "项目名称,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值"


@pytest.fixture
def write_csv(tmp_path):
    """Write a CSV file from lines (UTF-8 unless told) and return its path."""

    def write(*lines: str, name: str = "t.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
        return path

    return write
