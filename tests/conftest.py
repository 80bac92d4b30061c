"""Shared helpers: run the real command line, and the two published tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The fixture plugin authors use (scoring_host) is the one these tests use too.
pytest_plugins = ["scoring.testing"]

# The tests read the command line's messages in English — their assertions quote them so — in
# this process and in every process they start; a test of the Chinese interface asks for it
# (--lang zh, SCORING_LANG=zh), and tests/test_catalogs.py renders every message in both.
os.environ["SCORING_LANG"] = "en"


@pytest.fixture
def chinese(monkeypatch):
    """The test reads the interface in Chinese, as its users do: the views whose words it
    asserts (a table, a comparison, a what-if) are the Chinese ones."""
    monkeypatch.setenv("SCORING_LANG", "zh")


CASES = Path(__file__).parent / "cases"
LETING = CASES / "leting-2023.toml"
LANGFANG = CASES / "langfang-2019.toml"


class Run:
    def __init__(self, code: int, out: str, err: str):
        self.code = code
        self.out = out
        self.err = err

    def __repr__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def run_cli(
    *args: str, env: dict | None = None, cwd: Path | None = None, process: bool = False
) -> Run:
    """`scoring ARGS` with its output captured (so: piped, no colour, 100 columns).

    In this process by default — the command line's own ``main``, with a host built anew, the
    environment and folder given, fresh warnings — which is what `python -m scoring` runs. In a
    child process when asked, or when ``env`` sets PYTHONPATH (distributions installed for the
    test must be found by a fresh interpreter)."""
    environment = {"COLUMNS": "100", **(env or {})}
    if process or "PYTHONPATH" in environment:
        return _run_in_child(args, {**os.environ, **environment}, cwd)
    return _run_here(args, environment, cwd)


def _run_in_child(args: tuple, environment: dict, cwd: Path | None) -> Run:
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
    return Run(proc.returncode, proc.stdout, proc.stderr)


def _run_here(args: tuple, environment: dict, cwd: Path | None) -> Run:
    import contextlib
    import io
    import traceback
    import warnings

    from scoring import cli, host

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.StringIO()
    saved_environment, saved_folder = dict(os.environ), Path.cwd()
    os.environ.pop("FORCE_COLOR", None)
    os.environ.update(environment)
    host.set_default_host(None)
    try:
        if cwd is not None:
            os.chdir(cwd)
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("default")
            warnings.showwarning = _show_on_stderr
            try:
                code = cli.main(list(args))
            except SystemExit as exit:  # argparse: --help, --version, a usage error
                code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
            except BaseException:  # --debug lets the traceback through, as Python prints it
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(saved_folder)
        os.environ.clear()
        os.environ.update(saved_environment)
        host.set_default_host(None)
    out.flush()
    return Run(code, out.buffer.getvalue().decode("utf-8", errors="replace"), err.getvalue())


def _show_on_stderr(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning as the command line prints it (its own format), on the captured stderr."""
    import warnings

    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


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
