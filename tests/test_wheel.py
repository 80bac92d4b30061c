"""A wheel built from the repository, installed in a new virtual environment, runs `scoring demo`.

This is what a user without the source gets: the rule sets, the schemas and the bundled example
must all travel inside the wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_scores_the_demo(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(dist.glob("scoring-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "scoring/rules/mof-2020.toml",
        "scoring/schemas/evaluation.schema.json",
        "scoring/schemas/ruleset.schema.json",
        "scoring/examples/leting-2023.toml",
        "scoring/py.typed",
    ):
        assert needed in names, needed

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    run = subprocess.run(
        [str(bin_dir / "scoring"), "demo", "-f", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    import json

    data = json.loads(run.stdout)
    assert data["department"]["score"] == 99.79 and data["department"]["grade"] == "优"
    where = subprocess.run(
        [str(python), "-c", "import scoring; print(scoring.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean,
    )
    assert str(env_dir) in where.stdout, "the wheel, not the source tree, was imported"
