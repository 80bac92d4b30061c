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


def install_halves(site: Path) -> None:
    """The distribution scoring-halves 1.0 in ``site``: one plugin, ``halves``, a method."""
    install_plugin(
        site,
        "scoring-halves",
        "1.0",
        {"halves": "halves"},
        {"halves": METHOD.format(name="halves")},
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
    install_halves(site)
    assert seen(site, cache) == (["halves scoring-halves 1.0"], "metadata")
    (kept,) = cache.iterdir()
    assert kept.name.startswith("entry-points-") and kept.suffix == ".json"
    assert seen(site, cache) == (["halves scoring-halves 1.0"], "cached")


def test_a_distribution_installed_upgraded_edited_or_removed_is_seen_at_once(site, cache):
    (site / "thirds.py").write_text(METHOD.format(name="thirds"), "utf-8")
    assert seen(site, cache) == ([], "metadata")
    assert seen(site, cache)[1] == "cached"
    # installed into a folder the cache has seen
    install_halves(site)
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
    install_halves(site)
    expected = ["halves scoring-halves 1.0"]
    assert seen(site, cache) == (expected, "metadata")
    (kept,) = cache.iterdir()
    for broken in ("", "{", "[]", '{"format": 2}', json.dumps({"format": 2, "entry_points": 5})):
        kept.write_text(broken, "utf-8")
        assert seen(site, cache) == (expected, "metadata"), broken
    # the same fingerprint with rows that are not entry points: read as no cache
    assert seen(site, cache) == (expected, "cached")
    data = json.loads(kept.read_text("utf-8"))
    (fingerprint,) = data["entry_points"]
    data["entry_points"][fingerprint] = [["halves", "halves", "scoring-halves"]]
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


def test_a_distribution_unpacked_with_fixed_times_is_seen(site, cache):
    """A reproducible build gives every file the same modification time: a distribution
    unpacked again, its metadata changed but of the same size, has the same times and sizes as
    before. Its files are new all the same (their inode and change time are the system's)."""
    install_halves(site)
    info = site / "scoring_halves-1.0.dist-info"
    fixed = 1577836800  # 2020-01-01, as tar --mtime or a wheel's zip would set it

    def unpacked() -> None:  # every time as the archive gives it, the folders' too
        for path in [*info.iterdir(), info, site]:
            os.utime(path, (fixed, fixed))

    unpacked()
    assert seen(site, cache) == (["halves scoring-halves 1.0"], "metadata")
    metadata = (info / "METADATA").read_text("utf-8")
    shutil.rmtree(info)
    info.mkdir()
    (info / "METADATA").write_text(metadata.replace("Version: 1.0", "Version: 1.1"), "utf-8")
    (info / "entry_points.txt").write_text("[scoring]\nhalves = halves\n", "utf-8")
    unpacked()
    assert seen(site, cache) == (["halves scoring-halves 1.1"], "metadata")


def test_an_egg_on_the_path_and_a_folder_in_capitals_are_watched(tmp_path, cache):
    """An ``.egg`` given on the import path itself (PYTHONPATH, buildout) has its entry points
    in EGG-INFO; a ``.DIST-INFO`` folder is one too (importlib.metadata ignores the case)."""
    egg = tmp_path / "scoring_eggs-1.0-py3.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "PKG-INFO").write_text(
        "Metadata-Version: 2.1\nName: scoring-eggs\nVersion: 1.0\n", "utf-8"
    )
    (egg / "eggs.py").write_text(METHOD.format(name="eggs"), "utf-8")
    (egg / "EGG-INFO" / "entry_points.txt").write_text("[scoring]\neee = eggs\n", "utf-8")
    assert seen(egg, cache) == (["eee scoring-eggs 1.0"], "metadata")
    (egg / "EGG-INFO" / "entry_points.txt").write_text("[scoring]\nfff = eggs\n", "utf-8")
    assert seen(egg, cache) == (["fff scoring-eggs 1.0"], "metadata")
    (egg / "EGG-INFO" / "entry_points.txt").unlink()
    assert seen(egg, cache) == ([], "metadata")
    site = tmp_path / "site"
    info = site / "Scoring_Caps-1.0.DIST-INFO"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: scoring-caps\nVersion: 1.0\n", "utf-8"
    )
    (site / "caps.py").write_text(METHOD.format(name="caps"), "utf-8")
    (info / "entry_points.txt").write_text("[scoring]\nuuu = caps\n", "utf-8")
    assert seen(site, cache) == (["uuu scoring-caps 1.0"], "metadata")
    (info / "entry_points.txt").write_text("[scoring]\nvvv = caps\n", "utf-8")
    assert seen(site, cache) == (["vvv scoring-caps 1.0"], "metadata")


def test_the_lists_of_several_import_paths_are_kept(tmp_path, cache):
    """`python -m scoring` puts the working folder first on the import path, the `scoring`
    script its own folder: the file keeps both lists, and each run in turn finds its own."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    assert seen(first, cache) == ([], "metadata")
    assert seen(second, cache) == ([], "metadata")
    assert seen(first, cache) == ([], "cached")
    assert seen(second, cache) == ([], "cached")


def test_a_distribution_that_does_not_read_is_named_and_the_others_load(cli, site, leting):
    """An entry_points.txt that is not UTF-8, or has a line without `=`: importlib.metadata
    raises for the whole environment; here that distribution is a plugin fault, named, and
    every command goes on (exit 0), with or without the cache."""
    install_halves(site)
    broken = site / "badenc-1.0.dist-info"
    broken.mkdir()
    (broken / "METADATA").write_text("Metadata-Version: 2.1\nName: badenc\nVersion: 1.0\n", "utf-8")
    (broken / "entry_points.txt").write_bytes(b"[scoring]\nb\xff = os\n")
    for extra in ({}, {"SCORING_NO_CACHE": "1"}, {}):
        run = cli("score", str(leting), "-f", "json", env=plugin_env(site, **extra), process=True)
        assert run.code == 0, run
        assert (
            "plugin 'badenc-1.0.dist-info' has entry points or metadata that cannot be read"
            in run.err
        )
        assert "UnicodeDecodeError" in run.err and "Traceback" not in run.err
    run = cli("plugins", env=plugin_env(site), process=True)
    assert "halves" in run.out and "badenc-1.0.dist-info" in run.out
    run = cli("score", str(leting), "-p", "no:badenc", env=plugin_env(site), process=True)
    assert run.code == 0 and "badenc" not in run.err, run
    (broken / "entry_points.txt").write_text("[scoring]\nno_value\n", "utf-8")
    run = cli("score", str(leting), env=plugin_env(site), process=True)
    assert run.code == 0 and "badenc-1.0.dist-info" in run.err, run
