"""The installed plugins' entry points are kept between runs (scoring.entry_points), and never
stale: a distribution installed, edited in place or removed is seen by the next run; a cache
that cannot be read or written is passed over; a run that finds them kept does not import
importlib.metadata at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import install_plugin, plugin_env

METHOD = """
from decimal import Decimal
from scoring import Rating, hookimpl

@hookimpl
def scoring_register_methods():
    return {{"{name}": lambda indicator, params: Rating(Decimal("0.5"), "一半")}}
"""

# What a run sees: its plugins, each with its distribution and version, and whether it had to
# import importlib.metadata to find them.
SEEN = (
    "import sys\n"
    "from scoring.host import build_host\n"
    "host = build_host()\n"
    "print(sorted(f'{i.name} {i.distribution} {i.version}' for i in host.infos.values()"
    " if i.distribution != 'scoring'))\n"
    "print('metadata' if 'importlib.metadata' in sys.modules else 'cached')\n"
)


def seen(site: Path, cache: Path, **extra: str) -> tuple[list[str], str]:
    env = {**os.environ, **plugin_env(site), "SCORING_CACHE_DIR": str(cache)}
    env.pop("SCORING_NO_CACHE", None)
    env.update(extra)
    run = subprocess.run(
        [sys.executable, "-c", SEEN], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr
    plugins, how = run.stdout.splitlines()
    return eval(plugins), how  # a list of str printed by the script above


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_entry_points_are_kept_and_read_back_without_importlib_metadata(site, cache):
    install_plugin(
        site,
        "scoring-halves",
        "1.0",
        {"halves": "halves"},
        {"halves": METHOD.format(name="halves")},
    )
    assert seen(site, cache) == (["halves scoring-halves 1.0"], "metadata")
    (kept,) = cache.iterdir()
    assert kept.name.startswith("entry-points-") and kept.suffix == ".json"
    assert seen(site, cache) == (["halves scoring-halves 1.0"], "cached")


def test_a_distribution_installed_upgraded_edited_or_removed_is_seen_at_once(site, cache):
    (site / "thirds.py").write_text(METHOD.format(name="thirds"), "utf-8")
    assert seen(site, cache) == ([], "metadata")
    assert seen(site, cache)[1] == "cached"
    # installed into a folder the cache has seen
    install_plugin(
        site,
        "scoring-halves",
        "1.0",
        {"halves": "halves"},
        {"halves": METHOD.format(name="halves")},
    )
    assert seen(site, cache) == (["halves scoring-halves 1.0"], "metadata")
    # its entry points edited in place, the folder's name unchanged (an editable install)
    info = site / "scoring_halves-1.0.dist-info"
    assert seen(site, cache)[1] == "cached"
    (info / "entry_points.txt").write_text("[scoring]\nhalves = halves\nthirds = thirds\n", "utf-8")
    assert seen(site, cache) == (
        ["halves scoring-halves 1.0", "thirds scoring-halves 1.0"],
        "metadata",
    )
    # upgraded: the old folder removed, a new one made
    shutil.rmtree(info)
    install_plugin(site, "scoring-halves", "2.0", {"halves": "halves"}, {})
    assert seen(site, cache) == (["halves scoring-halves 2.0"], "metadata")
    # removed
    shutil.rmtree(site / "scoring_halves-2.0.dist-info")
    assert seen(site, cache) == ([], "metadata")


def test_a_cache_that_cannot_be_used_is_passed_over(site, cache, tmp_path):
    install_plugin(
        site,
        "scoring-halves",
        "1.0",
        {"halves": "halves"},
        {"halves": METHOD.format(name="halves")},
    )
    expected = ["halves scoring-halves 1.0"]
    assert seen(site, cache) == (expected, "metadata")
    (kept,) = cache.iterdir()
    for broken in ("", "{", "[]", '{"fingerprint": 1}', json.dumps({"entry_points": 5})):
        kept.write_text(broken, "utf-8")
        assert seen(site, cache) == (expected, "metadata"), broken
    # the same fingerprint with rows that are not entry points: read as no cache
    data = json.loads(kept.read_text("utf-8"))
    data["entry_points"] = [["halves", "halves", "scoring-halves"]]
    kept.write_text(json.dumps(data), "utf-8")
    assert seen(site, cache) == (expected, "metadata")
    assert seen(site, cache) == (expected, "cached")  # written again, whole
    # a cache folder that is a file: nothing kept, nothing said
    blocked = tmp_path / "a-file"
    blocked.write_text("", "utf-8")
    assert seen(site, blocked) == (expected, "metadata")
    assert seen(site, blocked) == (expected, "metadata")
    # turned off: found each time, nothing written
    off = tmp_path / "off"
    assert seen(site, off, SCORING_NO_CACHE="1") == (expected, "metadata")
    assert not off.exists()


def test_the_user_cache_folder_follows_each_system(monkeypatch, tmp_path):
    from scoring import entry_points

    monkeypatch.setattr(entry_points.sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert entry_points._user_cache_folder() == str(tmp_path / "xdg" / "scoring")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the specification's rule
    assert entry_points._user_cache_folder() == str(tmp_path / ".cache" / "scoring")
    monkeypatch.setattr(entry_points.sys, "platform", "darwin")
    assert entry_points._user_cache_folder() == str(tmp_path / "Library" / "Caches" / "scoring")
    monkeypatch.setattr(entry_points.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert entry_points._user_cache_folder() == str(tmp_path / "local" / "scoring" / "Cache")
    monkeypatch.delenv("LOCALAPPDATA")
    assert entry_points._user_cache_folder() is None


def test_an_entry_point_loads_as_importlib_metadata_loads_it():
    from importlib.metadata import EntryPoint

    from scoring.entry_points import Entry

    for value in (
        "scoring.builtins.methods",
        "scoring.values:Quantity",
        "scoring.result:number [x]",
    ):
        ours = Entry("x", value, "", "").load()
        assert ours is EntryPoint("x", value, "scoring").load(), value
