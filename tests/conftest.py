"""Shared helpers: run the real command line, and the two published tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The fixture plugin authors use (scoring_host) is the one these tests use too.
pytest_plugins = ["scoring.testing"]

CASES = Path(__file__).parent / "cases"
LETING = CASES / "leting-2023.toml"
LANGFANG = CASES / "langfang-2019.toml"


class Run:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def __repr__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> Run:
    """`scoring ARGS` in a child process, output captured (so: piped, no colour)."""
    environment = {**os.environ, "COLUMNS": "100", **(env or {})}
    environment.pop("FORCE_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "scoring", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=cwd,
        timeout=120,
    )
    return Run(proc)


@pytest.fixture
def cli():
    return run_cli


def case_evaluation(path: Path) -> str:
    """A case file without its [case] and [expect] tables: a plain evaluation file."""
    lines, skipping = [], False
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("["):
            skipping = line.strip() in ("[case]", "[expect]") or line.startswith(
                ("[case.", "[expect.")
            )
        if not skipping:
            lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.fixture
def leting(tmp_path: Path) -> Path:
    path = tmp_path / "leting-2023.toml"
    path.write_text(case_evaluation(LETING), "utf-8")
    return path


@pytest.fixture
def langfang(tmp_path: Path) -> Path:
    path = tmp_path / "langfang-2019.toml"
    path.write_text(case_evaluation(LANGFANG), "utf-8")
    return path


# --- outside plugins, installed for real: a distribution on PYTHONPATH ------------------------


def install_plugin(site: Path, dist: str, version: str, entries: dict, modules: dict) -> None:
    """A distribution in ``site`` (a folder put on PYTHONPATH): its metadata, its entry points
    in the ``scoring`` group (name → module) and its modules (name → code)."""
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", "utf-8"
    )
    lines = "\n".join(f"{name} = {target}" for name, target in entries.items())
    (info / "entry_points.txt").write_text(f"[scoring]\n{lines}\n", "utf-8")
    for name, code in modules.items():
        (site / f"{name}.py").write_text(code, "utf-8")


def plugin_env(site: Path, **extra: str) -> dict:
    """The environment of a run that sees the distributions installed in ``site``."""
    paths = [str(site), os.environ.get("PYTHONPATH", "")]
    return {"PYTHONPATH": os.pathsep.join(p for p in paths if p), **extra}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    return folder
