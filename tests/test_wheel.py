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
PLUGIN = ROOT / "plugins" / "scoring-plugin-example"


def _pip(python, *args: str) -> None:
    subprocess.run([str(python), "-m", "pip", *args], check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """One build of the two wheels — the core and the example plugin — installed in one new
    virtual environment with pytest: (the environment's bin folder, the core wheel)."""
    root = tmp_path_factory.mktemp("wheels")
    dist = root / "dist"
    for source in (ROOT, PLUGIN):
        _pip(sys.executable, "wheel", "--no-deps", "-q", "-w", str(dist), str(source))
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    core = next(dist.glob("scoring-0*.whl"))
    _pip(bin_dir / "python", "install", "-q", str(core), "pytest")
    _pip(
        bin_dir / "python",
        "install",
        "-q",
        "--no-deps",
        str(next(dist.glob("scoring_plugin_example-*.whl"))),
    )
    return bin_dir, core


CLEAN = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bin_dir / "scoring"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=CLEAN,
        timeout=120,
    )


@pytest.mark.slow
def test_wheel_installs_and_scores_the_demo(installed, tmp_path):
    import json
    import zipfile

    bin_dir, wheel = installed
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "scoring/rules/mof-2020.toml",
        "scoring/schemas/evaluation.schema.json",
        "scoring/schemas/ruleset.schema.json",
        "scoring/examples/leting-2023.toml",
        "scoring/py.typed",
        "scoring/draft/templates/prose.j2",
        "scoring/draft/templates/report.html.j2",
        "scoring/draft/templates/report.docx",
    ):
        assert needed in names, needed
    run = _run(bin_dir, "demo", "-f", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)[0]  # -f json is an array, one object per file
    assert data["department"]["score"] == 99.79 and data["department"]["grade"] == "优"
    # the report's templates and Word styles travel inside the wheel too
    example = next(n for n in names if n.endswith("examples/leting-2023.toml"))
    source = tmp_path / "leting-2023.toml"
    source.write_bytes(zipfile.ZipFile(wheel).read(example))
    run = _run(bin_dir, "report", str(source), "-o", str(tmp_path / "leting.docx"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "leting.docx").read_bytes().startswith(b"PK")
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import scoring; print(scoring.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=CLEAN,
    )
    assert str(bin_dir.parent) in where.stdout, "the wheel, not the source tree, was imported"


@pytest.mark.slow
def test_example_plugin_installs_and_scores(installed, tmp_path):
    import json

    bin_dir, _ = installed

    def run(*args):
        return _run(bin_dir, *args, cwd=tmp_path)

    listing = run("plugins")
    assert "hunan" in listing.stdout and "scoring-plugin-example" in listing.stdout, listing.stdout
    csv = PLUGIN / "examples" / "hunan-2023.csv"
    scored = run("score", str(csv), "-r", "hunan-steps", "-f", "json")
    assert scored.returncode == 0, scored.stderr
    data = json.loads(scored.stdout)[0]
    assert (data["department"]["score"], data["department"]["grade"]) == (82.47, "良")
    assert data["ruleset"]["id"] == "hunan-steps"
    assert "hunan-steps" in {i["method"] for p in data["projects"] for i in p["indicators"]}
    summary = run("score", str(csv), "-r", "hunan-steps", "-f", "hunan-summary")
    assert summary.returncode == 0 and "82.47" in summary.stdout
    off = run("-p", "no:hunan", "score", str(csv), "-r", "hunan-steps")
    assert off.returncode == 2 and "Traceback" not in off.stderr
    tests = subprocess.run(
        [
            str(bin_dir / "python"),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(PLUGIN / "tests"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=CLEAN,
        timeout=600,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
