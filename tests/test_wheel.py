"""Wheels built from the repository, installed in a new virtual environment, as a user without
the source gets them: the core runs `scoring demo` (the rule sets, the schemas and the bundled
example travel inside the wheel), and the example plugin distribution, installed beside it,
scores through the command line and passes its own tests there.
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


@pytest.mark.slow
def test_example_plugin_installs_and_scores(tmp_path):
    dist = tmp_path / "dist"
    plugin = ROOT / "plugins" / "scoring-plugin-example"
    for source in (ROOT, plugin):
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
            check=True,
            capture_output=True,
            timeout=600,
        )
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = str(bin_dir / "python")
    core = next(dist.glob("scoring-0*.whl"))
    example = next(dist.glob("scoring_plugin_example-*.whl"))
    subprocess.run(
        [python, "-m", "pip", "install", "-q", str(core)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "pytest"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", str(example)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    scoring = str(bin_dir / "scoring")

    def run(*args):
        return subprocess.run(
            [scoring, *args], capture_output=True, text=True, cwd=tmp_path, env=clean, timeout=120
        )

    listing = run("plugins")
    assert "hunan" in listing.stdout and "scoring-plugin-example" in listing.stdout, listing.stdout
    csv = plugin / "examples" / "hunan-2023.csv"
    scored = run("score", str(csv), "-r", "hunan-steps", "-f", "json")
    assert scored.returncode == 0, scored.stderr
    import json

    data = json.loads(scored.stdout)
    assert (data["department"]["score"], data["department"]["grade"]) == (82.47, "良")
    assert data["ruleset"]["id"] == "hunan-steps"
    assert "hunan-steps" in {i["method"] for p in data["projects"] for i in p["indicators"]}
    summary = run("score", str(csv), "-r", "hunan-steps", "-f", "hunan-summary")
    assert summary.returncode == 0 and "82.47" in summary.stdout
    off = run("-p", "no:hunan", "score", str(csv), "-r", "hunan-steps")
    assert off.returncode == 2 and "Traceback" not in off.stderr
    tests = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(plugin / "tests")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean,
        timeout=600,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
